"""The fake WeChat API follows WeChat's documented rules for drafts, mass sends and 客服消息.

Each rule is cited in the fake's module docstring (tests/fakes/wechat_mass.py, wechat_sendall.py,
wechat_events.py, wechat_custom.py).
"""

import pytest
import requests
from wechatpy import parse_message

from tests.fakes.wechat_api import FakeWeChatAPI

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def fake():
    fake = FakeWeChatAPI(mass_quota=None).start()
    for openid in ("oA", "oB", "oC"):
        fake.add_follower(openid)
    yield fake
    fake.stop()


class Api:
    """A bare client of the fake (no bot code), so the fake is judged on its own."""

    def __init__(self, fake):
        self.fake = fake
        self.token = requests.post(fake.url + "cgi-bin/stable_token", timeout=5, json={
            "grant_type": "client_credential", "appid": fake.appid, "secret": fake.secret,
        }).json()["access_token"]
        self.thumb = requests.post(f"{fake.url}cgi-bin/material/add_material",
                                   params={"access_token": self.token, "type": "image"},
                                   files={"media": ("c.png", PNG, "image/png")},
                                   timeout=5).json()["media_id"]

    def post(self, path, body):
        return requests.post(f"{self.fake.url}cgi-bin/{path}",
                             params={"access_token": self.token}, json=body, timeout=5).json()

    def draft(self, title="就业新闻", url=""):
        return self.post("draft/add", {"articles": [{
            "title": title, "content": "<p>正文</p>", "thumb_media_id": self.thumb,
            "content_source_url": url}]})

    def sendall(self, media_id, cid=None, to_all=True, tag_id=None, ignore_reprint=0):
        flt = {"is_to_all": True} if to_all else {"is_to_all": False, "tag_id": tag_id}
        body = {"filter": flt, "mpnews": {"media_id": media_id}, "msgtype": "mpnews",
                "send_ignore_reprint": ignore_reprint}
        if cid is not None:
            body["clientmsgid"] = cid
        return self.post("message/mass/sendall", body)


def test_titles_over_32_characters_are_refused(fake):
    api = Api(fake)
    assert api.draft("职" * 32)["media_id"]
    over = api.draft("职" * 33)
    assert over["errcode"] == 45003 and over["errmsg"].startswith("title size out of limit")


def test_a_sent_draft_leaves_the_draft_box(fake):
    api = Api(fake)
    media_id = api.draft()["media_id"]
    assert api.sendall(media_id)["errcode"] == 0
    assert media_id not in fake.drafts
    again = api.sendall(media_id)
    assert again["errcode"] == 40007  # not 45065: the draft is checked first
    assert api.post("draft/delete", {"media_id": media_id})["errcode"] == 40007


def test_repeated_clientmsgid_is_45066_within_a_minute_then_45065_with_the_msg_id(fake):
    api = Api(fake)
    first = api.sendall(api.draft()["media_id"], cid="job-1")
    assert first["errcode"] == 0
    too_fast = api.sendall(api.draft()["media_id"], cid="job-1")
    assert too_fast["errcode"] == 45066 and "msg_id" not in too_fast
    fake.advance(61)
    later = api.sendall(api.draft()["media_id"], cid="job-1")
    assert later["errcode"] == 45065 and later["msg_id"] == first["msg_id"]
    assert api.sendall(api.draft()["media_id"], cid="x" * 65)["errcode"] == 45067
    assert len(fake.sent_jobs()) == 1 and fake.deliveries("oA") == 1


def test_subscription_account_sends_once_a_day():
    fake = FakeWeChatAPI(mass_quota=1).start()
    try:
        fake.add_follower("oA")
        api = Api(fake)
        assert api.sendall(api.draft()["media_id"], cid="a")["errcode"] == 0
        assert api.sendall(api.draft()["media_id"], cid="b")["errcode"] == 45028
        fake.advance(24 * 3600)
        assert api.sendall(api.draft()["media_id"], cid="c")["errcode"] == 0
    finally:
        fake.stop()


def test_service_account_sends_to_everyone_once_a_day_and_four_a_month_per_follower():
    fake = FakeWeChatAPI(mass_quota=None, account_type="service").start()
    try:
        for openid in ("oA", "oB"):
            fake.add_follower(openid)
        api = Api(fake)
        tag = api.post("tags/create", {"tag": {"name": "地区-湖北"}})["tag"]["id"]
        api.post("tags/members/batchtagging", {"openid_list": ["oA"], "tagid": tag})
        assert api.sendall(api.draft()["media_id"])["errcode"] == 0
        assert api.sendall(api.draft()["media_id"])["errcode"] == 45028  # to all, same day
        for _ in range(3):  # tag sends are not limited per day
            assert api.sendall(api.draft()["media_id"], to_all=False, tag_id=tag)["errcode"] == 0
        assert fake.deliveries("oA") == 4 and fake.deliveries("oB") == 1
        fake.advance(24 * 3600)
        sent = api.sendall(api.draft()["media_id"])
        assert sent["errcode"] == 0
        job = fake.jobs[sent["msg_id"]]
        assert job.total == 2 and job.recipients == ["oB"]  # oA had four this month
        event = parse_message(fake.finish_event(sent["msg_id"]))
        assert (event.total_count, event.filter_count, event.sent_count) == (2, 1, 1)
    finally:
        fake.stop()


def test_reprint_check_stops_the_send_unless_told_to_ignore_it(fake):
    fake.mark_reprint("https://other.example/a.html", "http://mp.weixin.qq.com/s/original")
    api = Api(fake)
    stopped = api.sendall(api.draft(url="https://other.example/a.html")["media_id"], cid="r1")
    assert stopped["errcode"] == 0  # accepted: the check runs after submission
    assert fake.deliveries("oA") == 0
    event = parse_message(fake.finish_event(stopped["msg_id"]))._data
    assert event["Status"] == "send fail"
    check = event["CopyrightCheckResult"]
    assert check["CheckState"] == "3" and check["Count"] == "1"
    assert check["ResultList"]["item"]["OriginalArticleUrl"] == "http://mp.weixin.qq.com/s/original"
    assert event["ArticleUrlResult"]["Count"] == "0"

    sent = api.sendall(api.draft(url="https://other.example/a.html")["media_id"], cid="r2",
                       ignore_reprint=1)
    event = parse_message(fake.finish_event(sent["msg_id"]))._data
    assert event["Status"] == "send success" and event["CopyrightCheckResult"]["CheckState"] == "2"
    assert event["ArticleUrlResult"]["ResultList"]["item"]["ArticleUrl"].startswith(
        "http://mp.weixin.qq.com/s/")
    assert fake.deliveries("oA") == 1

    fake.mark_reprint("禁止转载的文章", "http://mp.weixin.qq.com/s/closed", can_reprint=False)
    closed = api.sendall(api.draft("禁止转载的文章")["media_id"], cid="r3", ignore_reprint=1)
    assert parse_message(fake.finish_event(closed["msg_id"]))._data[
        "CopyrightCheckResult"]["CheckState"] == "3"
    assert fake.deliveries("oA") == 1


def test_mass_protection_waits_for_the_administrator(fake):
    fake.mass_protection = True
    api = Api(fake)
    first = api.sendall(api.draft()["media_id"], cid="p1")
    assert first["errcode"] == 0 and fake.deliveries("oA") == 0
    status = api.post("message/mass/get", {"msg_id": first["msg_id"]})["msg_status"]
    assert status == "SENDING"
    with pytest.raises(ValueError):
        fake.finish_event(first["msg_id"])  # no event until the administrator answers
    fake.confirm(first["msg_id"])
    assert fake.deliveries("oA") == 1
    assert parse_message(fake.finish_event(first["msg_id"])).status == "send success"

    fake.advance(24 * 3600)
    second = api.sendall(api.draft()["media_id"], cid="p2")
    fake.advance(31 * 60)  # nobody confirmed within 30 minutes
    assert api.post("message/mass/get", {"msg_id": second["msg_id"]})["msg_status"] == "SEND_FAIL"
    assert parse_message(fake.finish_event(second["msg_id"])).status == "send fail"
    assert fake.deliveries("oA") == 1


def _custom(api, openid):
    return api.post("message/custom/send", {"touser": openid, "msgtype": "text",
                                            "text": {"content": "您好"}})["errcode"]


def test_customer_service_windows(fake):
    api = Api(fake)
    assert [_custom(api, "oA") for _ in range(6)] == [0, 0, 0, 0, 0, 45047]
    fake.interact("oA", "message")  # a new message restarts the five
    assert _custom(api, "oA") == 0
    fake.advance(48 * 3600 + 1)
    assert _custom(api, "oA") == 45015

    fake.add_follower("oD", interacted=False)
    assert _custom(api, "oD") == 45015
    fake.interact("oD", "click")  # a menu click: three within a minute, never 48 hours
    assert [_custom(api, "oD") for _ in range(4)] == [0, 0, 0, 45047]
    fake.interact("oD", "subscribe")
    assert _custom(api, "oD") == 0
    fake.advance(61)
    assert _custom(api, "oD") == 45015
    fake.unsubscribe("oD")
    assert _custom(api, "oD") == 40003


def test_terminal_controls_drive_the_same_rules(fake):
    fake.mass_protection = True
    api = Api(fake)
    sent = api.sendall(api.draft()["media_id"], cid="t1")
    control = fake.url + "_fake/"
    assert requests.post(control + "event", json={"msg_id": sent["msg_id"]},
                         timeout=5).status_code == 400  # still awaiting the administrator
    requests.post(control + "confirm", json={"msg_id": sent["msg_id"]}, timeout=5)
    xml = requests.post(control + "event", json={"msg_id": sent["msg_id"]}, timeout=5).json()
    assert parse_message(xml["xml"]).status == "send success"
    requests.post(control + "advance", json={"seconds": 48 * 3600 + 1}, timeout=5)
    assert _custom(api, "oA") == 45015
    requests.post(control + "interact", json={"openid": "oA", "kind": "scan"}, timeout=5)
    assert _custom(api, "oA") == 0
