"""A wechatpy message object from the XML tree we already parsed (safely) for checks.

wechatpy's own `parse_message` parses the text a second time with xmltodict, a pure-Python
SAX handler; this builds the same dict from the defusedxml tree and picks the class by the
same rules, so each message is parsed once. The rules follow wechatpy.parser.parse_message
(wechatpy 1.8), which follows the message and event types of
https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
and https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from wechatpy.events import EVENT_TYPES
from wechatpy.messages import MESSAGE_TYPES, UnknownMessage

_SUBSCRIBE_SCAN_PRODUCT = ("scanbarcode|", "scanimage|")
_QRSCENE = "qrscene_"


def fields_of(element: Element) -> Any:
    """What xmltodict makes of an element: stripped text or None for a leaf, a dict for
    children, a list for a repeated child (a scan's or a photo pick's item lists)."""
    children = list(element)
    if not children:
        return (element.text or "").strip() or None
    out: dict[str, Any] = {}
    for child in children:
        value = fields_of(child)
        if child.tag not in out:
            out[child.tag] = value
        elif isinstance(out[child.tag], list):
            out[child.tag].append(value)
        else:
            out[child.tag] = [out[child.tag], value]
    return out


def message_from(root: Element) -> Any:
    """The wechatpy message or event of a parsed <xml> message (UnknownMessage when the
    type is not one wechatpy knows)."""
    message = fields_of(root)
    if not isinstance(message, dict):
        raise ValueError("the message has no fields")
    message_type = (message.get("MsgType") or "").lower()
    if message_type != "event" and not message_type.startswith("device_"):
        return MESSAGE_TYPES.get(message_type, UnknownMessage)(message)
    event_type = (message.get("Event") or "").lower() or None
    if event_type is None and message_type.startswith("device_"):
        event_type = message_type
    elif message_type.startswith("device_"):
        event_type = f"device_{event_type}"
    key = message.get("EventKey")
    if event_type == "subscribe" and isinstance(key, str) and key:
        if key.startswith(_SUBSCRIBE_SCAN_PRODUCT):
            event_type = message["Event"] = "subscribe_scan_product"
        elif key.startswith(_QRSCENE):
            event_type = message["Event"] = "subscribe_scan"
            message["EventKey"] = key[len(_QRSCENE):]
    return EVENT_TYPES.get(event_type, UnknownMessage)(message)
