"""The fake WeChat API itself, where its faithfulness matters to the bot's tests."""

import requests

from tests.fakes.wechat_api import FakeWeChatAPI


def _token(fake, force=False):
    body = {"grant_type": "client_credential", "appid": fake.appid, "secret": fake.secret}
    if force:
        body["force_refresh"] = True
    return requests.post(fake.url + "cgi-bin/stable_token", json=body, timeout=5).json()


def _post(fake, path, token, body):
    return requests.post(f"{fake.url}cgi-bin/{path}", params={"access_token": token},
                         json=body, timeout=5).json()


def test_stable_token_modes():
    fake = FakeWeChatAPI().start()
    try:
        first = _token(fake)["access_token"]
        assert _token(fake)["access_token"] == first  # normal mode: the same token
        forced = _token(fake, force=True)["access_token"]
        assert forced != first
        assert _post(fake, "tags/create", first, {"tag": {"name": "x"}})["errcode"] == 40001
        bad = requests.post(fake.url + "cgi-bin/stable_token", timeout=5,
                            json={"grant_type": "client_credential", "appid": fake.appid,
                                  "secret": "nope"}).json()
        assert bad["errcode"] == 40125 and bad["errmsg"].startswith("invalid appsecret")
    finally:
        fake.stop()


def test_bodies_are_checked_as_wechat_does():
    fake = FakeWeChatAPI().start()
    try:
        token = _token(fake)["access_token"]
        assert _post(fake, "draft/add", token, {"articles": [{"title": "t"}]})["errcode"] == 40035
        empty = requests.post(f"{fake.url}cgi-bin/draft/add", params={"access_token": token},
                              timeout=5).json()
        assert empty["errcode"] == 44002
        got = requests.get(f"{fake.url}cgi-bin/message/mass/sendall",
                           params={"access_token": token}, timeout=5).json()
        assert got["errcode"] == 43002
        assert _post(fake, "message/mass/sendall", token, {"msgtype": "mpnews"})["errcode"] \
            == 40035
        missing = requests.get(f"{fake.url}cgi-bin/tags/get", timeout=5).json()
        assert missing["errcode"] == 41001
    finally:
        fake.stop()


def test_injected_errors_and_control_endpoint():
    fake = FakeWeChatAPI().start()
    try:
        requests.post(fake.url + "_fake/fail", json={"path": "tags/get", "errcode": 45009,
                                                     "times": 2}, timeout=5)
        token = _token(fake)["access_token"]
        codes = [requests.get(f"{fake.url}cgi-bin/tags/get", params={"access_token": token},
                              timeout=5).json().get("errcode", 0) for _ in range(3)]
        assert codes == [45009, 45009, 0]
        calls = requests.get(fake.url + "_fake/calls", timeout=5).json()["calls"]
        assert [c["path"] for c in calls] == ["stable_token", "tags/get", "tags/get", "tags/get"]
    finally:
        fake.stop()
