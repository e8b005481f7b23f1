"""Turn an HTTP request from WeChat into a parsed message, or a Refusal with a reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError
from xml.parsers.expat import ExpatError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException
from wechatpy import parse_message

from bot.wechat.crypto import DecryptError, MessageCrypto
from bot.wechat.signature import verify
from config.settings import Settings


class Refusal(Exception):
    """A request we refuse: `status` is the HTTP status, `reason` the one-line log text."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Inbound:
    """A verified, decrypted and parsed message from WeChat."""

    msg: Any  # a wechatpy message or event
    xml: str  # the plaintext message XML
    encrypted: bool
    nonce: str
    timestamp: str


def check_url_signature(settings: Settings, args: Mapping[str, str]) -> None:
    """Refuse (403) unless `signature` signs token, timestamp and nonce."""
    parts = (settings.wechat_token, args.get("timestamp", ""), args.get("nonce", ""))
    if not verify(parts, args.get("signature")):
        raise Refusal(403, "bad signature")


def parse_xml(body: bytes | str) -> Element:
    """Parse untrusted XML with no DTD and no entities; Refusal(400) on anything else."""
    if not body or not (body.strip() if isinstance(body, bytes) else body.strip()):
        raise Refusal(400, "empty body")
    try:
        return safe_xml.fromstring(body, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise Refusal(400, f"XML with DTD or entities refused ({type(exc).__name__})") from None
    except (ParseError, ValueError) as exc:
        raise Refusal(400, f"malformed XML: {exc}") from None


def read_message(
    settings: Settings, crypto: MessageCrypto | None, args: Mapping[str, str], body: bytes
) -> Inbound:
    """Verify, decrypt and parse one POST from WeChat."""
    check_url_signature(settings, args)
    try:
        body.decode("utf-8")  # WeChat sends UTF-8 only; anything else is not from WeChat
    except UnicodeDecodeError:
        raise Refusal(400, "body is not UTF-8") from None
    root = parse_xml(body)
    nonce, timestamp = args.get("nonce", ""), args.get("timestamp", "")
    encrypted = args.get("encrypt_type", "raw").lower() == "aes"
    if encrypted:
        if crypto is None:
            raise Refusal(400, "encrypted message but no WECHAT_ENCODING_AES_KEY is set")
        encrypt = root.findtext("Encrypt")
        if not encrypt:
            raise Refusal(400, "encrypt_type=aes but the body has no Encrypt element")
        if not verify((settings.wechat_token, timestamp, nonce, encrypt),
                      args.get("msg_signature")):
            raise Refusal(403, "bad msg_signature")
        try:
            xml = crypto.decrypt(encrypt)
        except DecryptError as exc:
            raise Refusal(400, f"undecryptable body: {exc}") from None
        root = parse_xml(xml.encode("utf-8"))
    else:
        xml = body.decode("utf-8")
    _check_shape(root)
    try:
        msg = parse_message(xml)
    except (ExpatError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise Refusal(400, f"unparsable message: {type(exc).__name__}") from None
    return Inbound(msg=msg, xml=xml, encrypted=encrypted, nonce=nonce, timestamp=timestamp)


def _check_shape(root: Element) -> None:
    """Refuse XML that is not a WeChat message at all."""
    if root.tag != "xml":
        raise Refusal(400, f"not a WeChat message (root <{root.tag}>)")
    for field in ("FromUserName", "MsgType"):
        if not (root.findtext(field) or "").strip():
            raise Refusal(400, f"not a WeChat message (no {field})")
    if len(root.findtext("FromUserName")) > 128:
        raise Refusal(400, "FromUserName too long")
