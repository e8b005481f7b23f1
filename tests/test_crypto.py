import json

import defusedxml.ElementTree as safe_xml
import pytest

from bot.wechat.crypto import DecryptError, MessageCrypto
from bot.wechat.signature import sign
from tests.conftest import FIXTURES


@pytest.fixture
def sample():
    vector = json.loads((FIXTURES / "tencent_sample_safe.json").read_text())
    body = (FIXTURES / "tencent_sample_safe.xml").read_bytes()
    return vector, safe_xml.fromstring(body).findtext("Encrypt")


def test_tencent_sample_verifies_and_decrypts(sample):
    v, encrypt = sample
    assert sign(v["token"], v["timestamp"], v["nonce"], encrypt) == v["msg_signature"]
    xml = MessageCrypto(v["token"], v["encoding_aes_key"], v["app_id"]).decrypt(encrypt)
    root = safe_xml.fromstring(xml)
    assert root.findtext("Content") == v["expect_content"]
    assert root.findtext("MsgId") == v["expect_msg_id"]


def test_wrong_app_id_is_refused(sample):
    v, encrypt = sample
    with pytest.raises(DecryptError, match="AppID"):
        MessageCrypto(v["token"], v["encoding_aes_key"], "wx0000000000000000").decrypt(encrypt)


@pytest.mark.parametrize("garbage", ["", "not base64!!", "QUJD", "A" * 44, "QUFB" * 8])
def test_garbage_is_a_decrypt_error_not_a_crash(sample, garbage):
    v, _ = sample
    with pytest.raises(DecryptError):
        MessageCrypto(v["token"], v["encoding_aes_key"], v["app_id"]).decrypt(garbage)


def test_reply_envelope_round_trips_and_is_signed(sample):
    v, _ = sample
    crypto = MessageCrypto(v["token"], v["encoding_aes_key"], v["app_id"])
    envelope = safe_xml.fromstring(crypto.encrypt("<xml><Content>好</Content></xml>", "42", "7"))
    encrypt = envelope.findtext("Encrypt")
    assert envelope.findtext("MsgSignature") == sign(v["token"], "7", "42", encrypt)
    assert crypto.decrypt(encrypt) == "<xml><Content>好</Content></xml>"
