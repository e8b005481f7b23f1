"""Safe-mode message crypto (AES-256-CBC, WeChat's framing) with strict input checks.

wechatpy's cipher does the AES work; the framing checks are ours because wechatpy's
decrypt trusts the padding and lengths and fails with arbitrary exceptions on garbage.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import struct
import time

from wechatpy.crypto import PrpCrypto
from wechatpy.crypto.cryptography import WeChatCipher

from bot.wechat.signature import sign

ENVELOPE = (
    "<xml>\n<Encrypt><![CDATA[{encrypt}]]></Encrypt>\n"
    "<MsgSignature><![CDATA[{signature}]]></MsgSignature>\n"
    "<TimeStamp>{timestamp}</TimeStamp>\n<Nonce><![CDATA[{nonce}]]></Nonce>\n</xml>"
)


class DecryptError(ValueError):
    """The Encrypt payload is not a message for this account."""


class MessageCrypto:
    """Decrypts WeChat's Encrypt payloads and encrypts replies for one account."""

    def __init__(self, token: str, encoding_aes_key: str, app_id: str) -> None:
        self.token = token
        self.key = base64.b64decode(encoding_aes_key + "=")
        self.app_id = app_id

    def decrypt(self, encrypt: str) -> str:
        """The plaintext XML inside `encrypt`; DecryptError when it is not ours or not valid."""
        try:
            data = base64.b64decode(encrypt, validate=True)
        except (binascii.Error, ValueError):
            raise DecryptError("Encrypt is not base64") from None
        if not data or len(data) % 16:
            raise DecryptError("Encrypt is not a whole number of AES blocks")
        plain = WeChatCipher(self.key).decrypt(data)
        pad = plain[-1]
        if not 1 <= pad <= 32 or plain[-pad:] != bytes([pad]) * pad:
            raise DecryptError("bad padding (wrong EncodingAESKey?)")
        content = plain[16:-pad]
        if len(content) < 4:
            raise DecryptError("payload too short")
        (length,) = struct.unpack(">I", content[:4])
        if length > len(content) - 4:
            raise DecryptError("declared length exceeds payload")
        xml, app_id = content[4 : 4 + length], content[4 + length :]
        if not hmac.compare_digest(app_id, self.app_id.encode()):
            raise DecryptError("AppID in the payload does not match WECHAT_APP_ID")
        try:
            return xml.decode("utf-8")
        except UnicodeDecodeError:
            raise DecryptError("payload is not UTF-8") from None

    def encrypt(self, xml: str, nonce: str, timestamp: str | None = None) -> str:
        """The encrypted reply envelope for plaintext reply `xml`."""
        timestamp = timestamp or str(int(time.time()))
        encrypt = self.encrypt_payload(xml)
        signature = sign(self.token, timestamp, nonce, encrypt)
        return ENVELOPE.format(
            encrypt=encrypt, signature=signature, timestamp=timestamp, nonce=nonce
        )

    def encrypt_payload(self, xml: str) -> str:
        """Only the base64 Encrypt value for `xml` (what WeChat itself sends)."""
        out = PrpCrypto(self.key).encrypt(xml, self.app_id)
        return out.decode() if isinstance(out, bytes) else out
