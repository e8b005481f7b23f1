"""Turn an HTTP request from WeChat into a parsed message, or a Refusal with a reason."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from bot.wechat.crypto import DecryptError, MessageCrypto
from bot.wechat.messages import message_from
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


# WeChat's nonces are decimal numbers and its OpenIDs 28 URL-safe characters; anything else
# is refused before it can reach a log line, a Redis key or the reply envelope.
_NONCE = re.compile(r"[0-9A-Za-z]{1,64}")
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_ACCOUNT = re.compile(r"[0-9A-Za-z_-]{1,64}")
_NUMBER = re.compile(r"[0-9]{1,24}")
NUMERIC_FIELDS = ("MsgId", "MsgID", "CreateTime", "TotalCount", "FilterCount", "SentCount",
                  "ErrorCount")


def check_url_signature(settings: Settings, args: Mapping[str, str], now: float) -> None:
    """Refuse unless the timestamp is fresh and `signature` signs token, timestamp and nonce.

    The timestamp must be a number within WECHAT_MAX_SKEW of `now`, and the nonce WeChat's
    plain form: otherwise the three sorted-and-joined parts could be re-split into a new,
    equally valid triple.
    """
    timestamp, nonce = args.get("timestamp", ""), args.get("nonce", "")
    if not _TIMESTAMP.fullmatch(timestamp):
        raise Refusal(403, "timestamp missing or not a number")
    if abs(now - int(timestamp)) > settings.wechat_max_skew:
        raise Refusal(403, "timestamp outside the allowed window")
    if not _NONCE.fullmatch(nonce):
        raise Refusal(403, "nonce missing or malformed")
    if not verify((settings.wechat_token, timestamp, nonce), args.get("signature")):
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
    settings: Settings, crypto: MessageCrypto | None, args: Mapping[str, str], body: bytes,
    now: float,
) -> Inbound:
    """Verify, decrypt and parse one POST from WeChat.

    In compatible and safe mode only an encrypted body with a valid `msg_signature` is
    accepted: the plain `signature` covers no part of the body, so it proves nothing about it.
    """
    check_url_signature(settings, args, now)
    try:
        body.decode("utf-8")  # WeChat sends UTF-8 only; anything else is not from WeChat
    except UnicodeDecodeError:
        raise Refusal(400, "body is not UTF-8") from None
    root = parse_xml(body)
    nonce, timestamp = args.get("nonce", ""), args.get("timestamp", "")
    encrypted = args.get("encrypt_type", "raw").lower() == "aes"
    if not encrypted and settings.message_mode != "plain":
        raise Refusal(403, f"{settings.message_mode} mode: a message must be encrypted "
                           "and carry msg_signature")
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
        msg = message_from(root)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise Refusal(400, f"unparsable message: {type(exc).__name__}") from None
    return Inbound(msg=msg, xml=xml, encrypted=encrypted, nonce=nonce, timestamp=timestamp)


def _check_shape(root: Element) -> None:
    """Refuse XML that is not a WeChat message at all."""
    if root.tag != "xml":
        raise Refusal(400, f"not a WeChat message (root <{root.tag}>)")
    for field in ("FromUserName", "MsgType"):
        if not (root.findtext(field) or "").strip():
            raise Refusal(400, f"not a WeChat message (no {field})")
    for field in ("FromUserName", "ToUserName"):
        value = (root.findtext(field) or "").strip()
        if value and not _ACCOUNT.fullmatch(value):
            raise Refusal(400, f"not a WeChat message ({field} is not an account id)")
    for field in NUMERIC_FIELDS:  # they become parts of keys, log lines and counts
        value = root.findtext(field)
        if value is not None and not _NUMBER.fullmatch(value.strip()):
            raise Refusal(400, f"not a WeChat message ({field} is not a number)")
