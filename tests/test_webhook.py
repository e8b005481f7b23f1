"""The webhook over real HTTP, as WeChat talks to it, in all three modes."""

import json
import random
import time

import pytest
import requests

from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.services import get_services
from bot.wechat.signature import sign
from tests.conftest import AES_KEY, APP_ID, FIXTURES, fixture_text

TOKEN = "testtoken"


def _signed(timestamp=None, nonce=None, token=TOKEN):
    timestamp = timestamp or str(int(time.time()))
    nonce = nonce or str(random.randrange(10**9, 10**10))
    return {"signature": sign(token, timestamp, nonce), "timestamp": timestamp, "nonce": nonce}


def test_url_verification_echoes_echostr(client):
    resp = client.get("/wechat", query_string={**_signed(), "echostr": "hello123"})
    assert resp.status_code == 200
    assert resp.data == b"hello123"


def test_url_verification_with_bad_signature_is_403(client):
    params = {**_signed(token="other"), "echostr": "hello123"}
    resp = client.get("/wechat", query_string=params)
    assert resp.status_code == 403
    assert b"hello123" not in resp.data


@pytest.mark.parametrize("mode", ["plain", "compat", "safe"])
def test_hotline_round_trip_in_every_mode(safe_config, mode):
    from bot import create_app
    from tests.support.live import LiveServer

    app = create_app({**safe_config, "wechat_message_mode": mode})
    with LiveServer(app) as server:
        side = WeChatSide(http_transport(server.url), TOKEN, AES_KEY, APP_ID, mode=mode)
        delivery = side.text("o_mode_tester", "热线电话")
        assert delivery.status == 200
        if mode != "plain":  # the reply is encrypted whenever the request was
            assert "<Encrypt>" in delivery.body and "400-633-0111" not in delivery.body
        assert delivery.reply["MsgType"] == "text"
        assert delivery.reply["ToUserName"] == "o_mode_tester"
        assert "400-633-0111" in delivery.text


def test_tencent_sample_is_accepted_in_safe_mode(app_config, live_bot_factory):
    v = json.loads((FIXTURES / "tencent_sample_safe.json").read_text())
    app_config.update(wechat_token=v["token"], wechat_encoding_aes_key=v["encoding_aes_key"],
                      wechat_app_id=v["app_id"])
    # Tencent's sample is years old: the bot's clock is set to the sample's time.
    url = live_bot_factory(app_config, clock=lambda: int(v["timestamp"]))
    params = {"signature": sign(v["token"], v["timestamp"], v["nonce"]),
              "timestamp": v["timestamp"], "nonce": v["nonce"], "encrypt_type": "aes",
              "msg_signature": v["msg_signature"]}
    resp = requests.post(url + "/wechat", params=params,
                         data=(FIXTURES / "tencent_sample_safe.xml").read_bytes(), timeout=5)
    assert resp.status_code == 200
    assert "<Encrypt>" in resp.text


@pytest.fixture
def live_bot_factory():
    from bot import create_app
    from tests.support.live import LiveServer

    servers = []

    def make(config, clock=None):
        app = create_app(config)
        if clock is not None:
            get_services(app).clock = clock
        server = LiveServer(app).__enter__()
        servers.append(server)
        return server.url

    yield make
    for server in servers:
        server.__exit__(None, None, None)


def _post(client, body: bytes, **params):
    return client.post("/wechat", query_string={**_signed(), **params}, data=body)


@pytest.mark.parametrize(
    "fixture,reason",
    [("malformed.xml", b"malformed"), ("billion_laughs.xml", b"DTD"),
     ("external_entity.xml", b"DTD"), ("not_wechat.xml", b"not a WeChat message")],
)
def test_bad_bodies_are_400_with_a_reason(client, fixture, reason):
    resp = _post(client, (FIXTURES / fixture).read_bytes())
    assert resp.status_code == 400
    assert reason in resp.data


def test_empty_body_is_400(client):
    assert _post(client, b"").status_code == 400
    assert _post(client, b"   ").status_code == 400


def test_bad_signature_on_post_is_403_and_nothing_runs(client, app):
    body = fixture_text("text_message.xml").encode()
    resp = client.post("/wechat", query_string=_signed(token="wrong"), data=body)
    assert resp.status_code == 403
    from bot.services import get_services

    assert not list(get_services(app).redis.scan_iter("*dedup*"))


def test_body_over_one_mib_is_413(live_bot):
    params = _signed()
    body = b"<xml>" + b"A" * (2 * 1024 * 1024) + b"</xml>"
    resp = requests.post(live_bot.url + "/wechat", params=params, data=body, timeout=10)
    assert resp.status_code == 413


def test_encrypted_request_with_bad_msg_signature_is_403(safe_config):
    from bot import create_app

    client = create_app(safe_config).test_client()
    sent = []

    def recording(path, params, body):
        sent.append((params, body))
        return _status_text(client.post(path, query_string=params, data=body))

    side = WeChatSide(recording, TOKEN, AES_KEY, APP_ID, mode="safe")
    assert side.post_xml(fixture_text("text_message.xml")).status == 200
    params, body = sent[0]
    tampered = {**params, "msg_signature": "0" * 40}
    assert client.post("/wechat", query_string=tampered, data=body).status_code == 403


def test_undecryptable_body_is_400(safe_config):
    from bot import create_app

    client = create_app(safe_config).test_client()
    encrypt = "QUFB" * 8
    signed = _signed()
    params = {**signed, "encrypt_type": "aes",
              "msg_signature": sign(TOKEN, signed["timestamp"], signed["nonce"], encrypt)}
    body = f"<xml><ToUserName>gh</ToUserName><Encrypt>{encrypt}</Encrypt></xml>".encode()
    resp = client.post("/wechat", query_string=params, data=body)
    assert resp.status_code == 400
    assert b"undecryptable" in resp.data


@pytest.mark.parametrize("fixture", ["unknown_type.xml", "unknown_event.xml"])
def test_unknown_types_answer_success(client, fixture):
    resp = _post(client, (FIXTURES / fixture).read_bytes())
    assert resp.status_code == 200
    assert resp.data == b"success"


def test_a_retry_gets_the_same_reply(wechat):
    first = wechat.text("o_retry", "你好", msg_id=7001)
    second = wechat.text("o_retry", "你好", msg_id=7001)
    assert first.status == second.status == 200
    assert first.reply == second.reply
    assert "就业桥" in first.text


def test_followers_messages_are_never_mixed(wechat):
    a = wechat.text("o_alice", "帮助")
    b = wechat.text("o_bob", "热线")
    assert a.reply["ToUserName"] == "o_alice" and "帮您" in a.text
    assert b.reply["ToUserName"] == "o_bob" and "400-633-0111" in b.text


def test_rate_limit_answers_politely_once_then_success(app_config):
    from bot import create_app

    app_config["rate_limit_per_minute"] = 3
    app = create_app(app_config)
    # One frozen instant: six messages straddling a minute boundary would fill two windows.
    now = time.time()
    get_services(app).clock = lambda: now
    client = app.test_client()
    side = WeChatSide(lambda p, q, b: _status_text(client.post(p, query_string=q, data=b)),
                      TOKEN)
    replies = [side.text("o_fast", f"消息{i}") for i in range(6)]
    assert all(r.reply for r in replies[:3])
    assert "太快" in replies[3].text
    assert replies[4].reply is None and replies[5].reply is None


def _status_text(resp):
    return resp.status_code, resp.get_data(as_text=True)


def test_store_outage_gets_a_polite_reply_not_a_500(app_config, redis_server, tmp_path):
    from bot import create_app
    from tests.support.redis_server import RedisServer

    own = RedisServer(tmp_path / "own").start()
    app_config["redis_url"] = own.url
    client = create_app(app_config).test_client()
    side = WeChatSide(lambda p, q, b: _status_text(client.post(p, query_string=q, data=b)),
                      TOKEN)
    own.stop(kill=True)
    delivery = side.text("o_outage", "热线")
    assert delivery.status == 200
    assert "稍后再试" in delivery.text
    assert client.get("/healthz").get_json()["status"] == "degraded"


def test_a_bug_in_rendering_still_answers_politely(app, client, monkeypatch):
    from bot.wechat import webhook
    from bot.wechat.render import render

    calls = []

    def buggy(reply, msg):
        calls.append(reply)
        if len(calls) == 1:  # the normal path breaks; the error reply after it still renders
            raise RuntimeError("a bug")
        return render(reply, msg)

    monkeypatch.setattr(webhook, "render", buggy)
    side = WeChatSide(lambda p, q, b: _status_text(client.post(p, query_string=q, data=b)),
                      TOKEN)
    delivery = side.text("o_bug", "热线")
    assert delivery.status == 200
    assert "稍后再试" in delivery.text
