"""One parse per message: the message built from our XML tree equals wechatpy's own parse."""

from pathlib import Path

import pytest
from wechatpy import parse_message

from bot.wechat.inbound import Refusal, parse_xml
from bot.wechat.messages import message_from

FIXTURES = Path(__file__).parent / "fixtures"
MESSAGES = sorted(p for p in FIXTURES.rglob("*.xml")
                  if p.name not in {"billion_laughs.xml", "external_entity.xml",
                                    "malformed.xml", "not_wechat.xml"})


@pytest.mark.parametrize("path", MESSAGES, ids=lambda p: p.stem)
def test_the_same_message_as_wechatpy_parses(path):
    xml = path.read_text(encoding="utf-8")
    try:
        root = parse_xml(xml.encode("utf-8"))
    except Refusal:
        pytest.skip("not a plaintext message (an encrypted envelope)")
    ours, theirs = message_from(root), parse_message(xml)
    assert type(ours) is type(theirs)
    assert dict(ours._data) == dict(theirs._data)
    assert (ours.type, ours.source, ours.target) == (theirs.type, theirs.source, theirs.target)


def test_messages_cover_events_and_a_scene_subscription():
    kinds = {type(message_from(parse_xml(p.read_bytes()))).__name__ for p in MESSAGES}
    assert {"TextMessage", "VoiceMessage", "SubscribeScanEvent", "ClickEvent",
            "MassSendJobFinishEvent"} <= kinds


def test_repeated_children_become_a_list():
    root = parse_xml(b"<xml><MsgType>event</MsgType><Event>pic_sysphoto</Event>"
                     b"<SendPicsInfo><Count>2</Count><PicList><item><PicMd5Sum>a</PicMd5Sum>"
                     b"</item><item><PicMd5Sum>b</PicMd5Sum></item></PicList></SendPicsInfo>"
                     b"<FromUserName>o1</FromUserName></xml>")
    assert message_from(root)._data["SendPicsInfo"]["PicList"]["item"] == [
        {"PicMd5Sum": "a"}, {"PicMd5Sum": "b"}]
