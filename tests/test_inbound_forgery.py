"""Forged and replayed requests are refused (issue 11, finding 2).

The plain `signature` covers the token, timestamp and nonce but not the body, so with a key
only encrypted messages with a valid `msg_signature` are taken; a timestamp must be fresh and
each timestamp + nonce pair serves one message only.
"""

import time

import pytest

from bot import create_app
from bot.devtools.wechat_side import WeChatSide
from bot.services import get_services
from bot.wechat.signature import sign
from tests.conftest import AES_KEY, APP_ID, fixture_text

TOKEN = "testtoken"


def _recording(client, sent):
    def post(path, params, body):
        sent.append((dict(params), body))
        resp = client.post(path, query_string=params, data=body)
        return resp.status_code, resp.get_data(as_text=True)
    return post


@pytest.fixture
def safe_client(safe_config):
    return create_app(safe_config).test_client()


def test_with_a_key_a_plaintext_message_is_refused_even_with_a_good_signature(safe_client):
    ts, nonce = str(int(time.time())), "1234567"
    params = {"signature": sign(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce}
    resp = safe_client.post("/wechat", query_string=params, data=fixture_text("text_message.xml"))
    assert resp.status_code == 403
    assert b"encrypted" in resp.data


def test_a_url_verification_triple_cannot_be_replayed_as_a_message(app_config):
    client = create_app(app_config).test_client()  # plaintext mode: no key
    ts, nonce = str(int(time.time())), "987654321"
    params = {"signature": sign(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce}
    assert client.get("/wechat", query_string={**params, "echostr": "e"}).status_code == 200
    resp = client.post("/wechat", query_string=params, data=fixture_text("text_message.xml"))
    assert resp.status_code == 403
    assert b"already used" in resp.data


def test_the_joined_parts_cannot_be_re_split(app_config):
    client = create_app(app_config).test_client()
    ts, nonce = str(int(time.time())), "42"
    joined = "".join(sorted((ts, nonce)))  # sign() sorts and joins: same digest, new split
    for params in ({"timestamp": joined, "nonce": ""}, {"timestamp": "", "nonce": joined}):
        params["signature"] = sign(TOKEN, params["timestamp"], params["nonce"])
        assert params["signature"] == sign(TOKEN, ts, nonce)
        resp = client.post("/wechat", query_string=params, data=fixture_text("text_message.xml"))
        assert resp.status_code == 403


@pytest.mark.parametrize("timestamp", ["abc", "1e9", "-5", " 1700000000"])
def test_a_timestamp_that_is_not_a_number_is_refused(app_config, timestamp):
    client = create_app(app_config).test_client()
    params = {"signature": sign(TOKEN, timestamp, "1"), "timestamp": timestamp, "nonce": "1"}
    assert client.get("/wechat", query_string={**params, "echostr": "e"}).status_code == 403


def test_an_old_or_future_timestamp_is_refused_and_the_window_is_a_setting(app_config):
    app_config["wechat_max_skew"] = 60
    app = create_app(app_config)
    client = app.test_client()
    now = time.time()
    get_services(app).clock = lambda: now
    for offset, status in ((-61, 403), (61, 403), (-59, 200), (59, 200)):
        ts, nonce = str(int(now + offset)), str(1000 + offset + 100)
        params = {"signature": sign(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce,
                  "echostr": "e"}
        assert client.get("/wechat", query_string=params).status_code == status, offset


def test_a_captured_encrypted_message_is_refused_later_but_wechats_retry_is_answered(
        safe_config):
    app = create_app(safe_config)
    client = app.test_client()
    sent = []
    side = WeChatSide(_recording(client, sent), TOKEN, AES_KEY, APP_ID)
    first = side.text("o_follower_1", "热线")
    assert first.status == 200
    params, body = sent[0]
    # WeChat's retry: the very same request again, within the window → the same reply
    again = client.post("/wechat", query_string=params, data=body)
    assert again.status_code == 200
    assert side.read_reply(200, again.get_data(as_text=True)) == first.reply
    # another message under the same timestamp + nonce is a forgery
    other = side.post_xml(fixture_text("text_message.xml"),
                          timestamp=params["timestamp"], nonce=params["nonce"])
    assert other.status == 403
    # hours later the captured request is stale
    later = time.time() + 3 * 3600
    get_services(app).clock = lambda: later
    assert client.post("/wechat", query_string=params, data=body).status_code == 403


def test_an_odd_sender_never_reaches_logs_or_the_reply(app_config, caplog):
    client = create_app(app_config).test_client()
    ts, nonce = str(int(time.time())), "55555"
    params = {"signature": sign(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce}
    resp = client.post("/wechat", query_string=params,
                       data=fixture_text("hardening/odd_sender.xml"))
    assert resp.status_code == 400
    assert "<script>" not in caplog.text and b"<script>" not in resp.data


@pytest.mark.parametrize("nonce", ["", "a b", "x" * 65, "1'2"])
def test_a_malformed_nonce_is_refused(app_config, nonce):
    client = create_app(app_config).test_client()
    ts = str(int(time.time()))
    params = {"signature": sign(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce,
              "echostr": "e"}
    assert client.get("/wechat", query_string=params).status_code == 403


def test_message_mode_compat_or_safe_needs_a_key(app_config):
    from config.settings import SettingsError

    with pytest.raises(SettingsError, match="WECHAT_MESSAGE_MODE"):
        create_app({**app_config, "wechat_message_mode": "safe"})


def test_a_message_id_that_is_not_a_number_never_reaches_keys_or_logs(app_config, caplog):
    client = create_app(app_config).test_client()
    ts, nonce = str(int(time.time())), "66666"
    params = {"signature": sign(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce}
    resp = client.post("/wechat", query_string=params,
                       data=fixture_text("hardening/odd_msgid.xml"))
    assert resp.status_code == 400 and b"MsgId" in resp.data
    assert "x:y" not in caplog.text


def test_a_reply_is_kept_as_long_as_its_request_could_be_replayed(app_config):
    app_config["wechat_max_skew"] = 600
    dedup = get_services(create_app(app_config)).dedup
    assert dedup.keep >= 2 * 600
