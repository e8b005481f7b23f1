"""Unsubscribe: nothing personal stays under the follower's openid (WeChat asks for this).

The follower subscribes through a region QR code, asks, shares a location and leaves feedback,
all over the webhook against the fake WeChat API; after the unsubscribe event every Redis key
and value is scanned for their openid.
"""

import re

import redis

from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.platform.redis_url import open_client
from bot.services import get_services
from tests.support.live import LiveServer

LEAVING = "oLeaving00001"
STAYING = "oStaying00001"
AUTH = {"Authorization": "Bearer staff-secret-for-the-tests-0123"}
TICKET = re.compile(r"FK-\d{8}-\d{4}")


def _everything(client: redis.Redis) -> list[tuple[bytes, bytes]]:
    """Every key with each of its values, whatever the type."""
    out = []
    for key in client.scan_iter(count=1000):
        kind = client.type(key)
        if kind == b"string":
            values = [client.get(key) or b""]
        elif kind == b"hash":
            values = [b for kv in client.hgetall(key).items() for b in kv]
        elif kind == b"set":
            values = list(client.smembers(key))
        elif kind == b"zset":
            values = list(client.zrange(key, 0, -1))
        elif kind == b"list":
            values = client.lrange(key, 0, -1)
        else:
            values = []
        out += [(key, v) for v in values] or [(key, b"")]
    return out


def _carrying(client, openid):
    needle = openid.encode()
    return [(k, v) for k, v in _everything(client) if needle in k or needle in v]


def test_unsubscribe_leaves_nothing_under_the_openid(fake_wechat, bc_app, redis_url):
    services = get_services(bc_app)
    store = open_client(redis_url)
    for openid in (LEAVING, STAYING):
        fake_wechat.add_follower(openid)
    with LiveServer(bc_app) as server:
        side = WeChatSide(http_transport(server.url), services.settings.wechat_token, "", "")
        side.event(LEAVING, "subscribe", EventKey="qrscene_region_湖北")
        side.text(LEAVING, "荆州技能人才")
        side.event(LEAVING, "LOCATION", Latitude="30.35", Longitude="112.19", Precision="30")
        ticket = TICKET.search(side.text(LEAVING, "留言：希望多发荆州的招聘会").text).group(0)
        kept = TICKET.search(side.text(STAYING, "建议：增加广东的培训信息").text).group(0)
        services.followers.wait()
        tag = services.extra["region_tags"].tag_id("湖北")
        assert tag in fake_wechat.user_tags[LEAVING]  # tagged at WeChat for region sends
        assert _carrying(store, LEAVING)  # plenty is kept while they follow

        delivery = side.event(LEAVING, "unsubscribe")
        assert delivery.status == 200
        services.followers.wait()

    assert _carrying(store, LEAVING) == []
    assert tag not in fake_wechat.user_tags[LEAVING]  # the tag came off through the API
    untag = fake_wechat.calls_to("tags/members/batchuntagging")
    assert [c.json["openid_list"] for c in untag] == [[LEAVING]]

    client = bc_app.test_client()
    record = client.get(f"/admin/api/feedback/{ticket}", headers=AUTH).get_json()
    assert record["openid"].startswith("已退订-") and record["text"] == "希望多发荆州的招聘会"
    other = client.get(f"/admin/api/feedback/{kept}", headers=AUTH).get_json()
    assert other["openid"] == STAYING  # nobody else is touched
    assert _carrying(store, STAYING)
    refused = client.post(f"/admin/api/feedback/{ticket}/reply", headers=AUTH,
                          json={"text": "您好"})
    assert refused.status_code == 409 and refused.get_json()["reason"] == "unsubscribed"


def test_older_tickets_without_the_index_are_found_too(app, redis_url):
    services = get_services(app)
    store = open_client(redis_url)
    old = services.feedback.submit(LEAVING, f"msg:{LEAVING}:1700000000:text", "旧留言", None)
    # As if written before the by_openid index existed:
    store.delete("jyq:{feedback}:by_openid:" + LEAVING)
    store.set("jyq:{feedback}:by_openid_from", old.id + 1)
    services.extra["privacy"].forget(LEAVING)
    record = services.feedback.get(old.id)
    assert record.openid.startswith("已退订-") and record.text == "旧留言"
    assert _carrying(store, LEAVING) == []  # the dedup key that embedded it is gone too
