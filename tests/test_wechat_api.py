"""The bot's WeChat API client against the fake API over real HTTP, with the real Redis."""

import pytest

from bot.services import get_services
from bot.wechat.errors import WeChatAPIError


def test_no_client_without_credentials(app):
    assert get_services(app).api is None


def test_stable_token_is_fetched_once_and_shared(fake_wechat, app):
    api = get_services(app).api
    api.tag.get()
    api.tag.get()
    fetches = fake_wechat.token_fetches()
    assert [c.path for c in fetches] == ["stable_token"]
    assert fetches[0].json["appid"] == fake_wechat.appid
    assert get_services(app).redis.ttl(api.token_key) > 0
    assert api.token_key.startswith("jyq:")


def test_hardcoded_official_urls_are_rebased(fake_wechat, app):
    api = get_services(app).api
    api.post("https://api.weixin.qq.com/cgi-bin/menu/create",
             data={"button": [{"type": "click", "name": "热线", "key": "HOTLINE"}]})
    assert fake_wechat.menu["button"][0]["key"] == "HOTLINE"


def test_refused_token_is_replaced_and_the_call_retried_once(fake_wechat, app):
    api = get_services(app).api
    api.tag.get()
    fake_wechat.revoke_tokens()
    assert [t["name"] for t in api.tag.get()][:1] == ["黑名单"]
    assert len(fake_wechat.token_fetches()) == 2
    assert [c.errcode for c in fake_wechat.calls_to("tags/get")] == [0, 40001, 0]


def test_expired_token_is_replaced(fake_wechat, app):
    api = get_services(app).api
    api.tag.get()
    fake_wechat.expire_tokens()
    api.tag.get()
    assert [c.errcode for c in fake_wechat.calls_to("tags/get")] == [0, 42001, 0]


def test_persistent_token_error_is_not_retried_forever(fake_wechat, app):
    api = get_services(app).api
    fake_wechat.fail("tags/get", 40001, times=5)
    with pytest.raises(WeChatAPIError) as err:
        api.tag.get()
    assert err.value.errcode == 40001
    assert len(fake_wechat.calls_to("tags/get")) == 2
    assert "access_token" in err.value.message


def test_errors_become_chinese_messages(fake_wechat, app):
    api = get_services(app).api
    fake_wechat.fail("message/custom/send", 45015)
    fake_wechat.add_follower("oFollower1")
    with pytest.raises(WeChatAPIError) as err:
        api.message.send_text("oFollower1", "您好")
    assert err.value.errcode == 45015
    assert "48 小时" in err.value.message
    assert not err.value.transient


def test_wrong_secret_is_reported(fake_wechat, app_config):
    from bot import create_app

    app_config["wechat_app_secret"] = "wrong"
    api = get_services(create_app(app_config)).api
    with pytest.raises(WeChatAPIError) as err:
        api.tag.get()
    assert err.value.errcode == 40125
    assert "AppSecret" in err.value.message


def test_falls_back_to_the_classic_token_endpoint(fake_wechat, app):
    fake_wechat.disabled.add("stable_token")
    api = get_services(app).api
    api.tag.get()
    assert [(c.method, c.path) for c in fake_wechat.token_fetches()] == [
        ("POST", "stable_token"), ("GET", "token")]
    assert fake_wechat.token_fetches()[0].status == 404
    assert fake_wechat.token_fetches()[1].query["secret"] == fake_wechat.secret
    api.tag.get()
    api.drop_token(api.access_token)
    api.tag.get()  # the process remembers: no second try of stable_token
    assert [c.path for c in fake_wechat.token_fetches()] == ["stable_token", "token", "token"]


def test_http_errors_are_reported_and_4xx_not_retried(fake_wechat, app):
    api = get_services(app).api
    fake_wechat.disabled.add("draft/add")
    with pytest.raises(WeChatAPIError) as err:
        api.post("draft/add", data={"articles": []})
    assert err.value.errcode is None and err.value.http_status == 404
    assert not err.value.transient
    assert "HTTP 404" in err.value.message


def test_a_failing_stable_token_falls_back_for_that_fetch(fake_wechat, app):
    fake_wechat.fail("stable_token", -1)
    api = get_services(app).api
    api.tag.get()
    assert [c.path for c in fake_wechat.token_fetches()] == ["stable_token", "token"]
    api.drop_token(api.access_token)
    api.tag.get()  # stable_token is still preferred next time
    assert [c.path for c in fake_wechat.token_fetches()][-1] == "stable_token"
