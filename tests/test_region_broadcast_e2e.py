"""Followers subscribe to a region by chat; a region broadcast reaches exactly them."""

from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.services import get_services
from tests.support.live import LiveServer


def test_chat_subscription_tags_followers_and_a_region_send_reaches_them(bc_app, fake_wechat):
    settings = get_services(bc_app).settings
    with LiveServer(bc_app) as server:
        side = WeChatSide(http_transport(server.url), settings.wechat_token)
        for openid, text in [("oHubei00001", "订阅湖北"), ("oHubei00002", "订阅荆州"),
                             ("oGuangdong01", "订阅广东"), ("oHubei00002", "退订")]:
            assert side.text(openid, text).status == 200
    # Tags are synced off the message path; a send is only exact once they have landed.
    get_services(bc_app).followers.wait()
    tags = get_services(bc_app).region_tags
    hubei = tags.tag_id("湖北")
    assert fake_wechat.user_tags["oHubei00001"] == {hubei}
    assert fake_wechat.user_tags["oHubei00002"] == set()  # 荆州 is in 湖北, then unsubscribed

    job = get_services(bc_app).broadcasts.request("jz-skills-2024", region="湖北")
    assert job.status == "submitted"
    (sent,) = fake_wechat.sent_jobs()
    assert sent.tag_id == hubei and sent.recipients == ["oHubei00001"]
