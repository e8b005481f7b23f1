"""The MASSSENDJOBFINISH event WeChat posts to the account's server when a mass send ends.

Its fields follow 事件推送群发结果 in 群发接口和原创校验:
https://developers.weixin.qq.com/doc/service/guide/product/message/Batch_Sends.html
Status ("send success" / "send fail"), TotalCount, FilterCount, SentCount, ErrorCount, and
CopyrightCheckResult (Count, ResultList of items with ArticleIdx, UserDeclareState, AuditState,
OriginalArticleUrl, OriginalArticleType, CanReprint, NeedReplaceContent,
NeedShowReprintSource; CheckState 1 not a reprint, 2 a reprint that was sent, 3 a reprint
that stopped the send) and ArticleUrlResult (Count, ResultList of ArticleIdx, ArticleUrl).
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from tests.fakes.wechat_state import FakeState, MassJob

ACCOUNT = "gh_fake00000001"  # the account's original id (ToUserName of its messages)
SENDER = "oMassSenderFake01"  # WeChat fills FromUserName with an openid of its own


def _cdata_free(parent: ET.Element, name: str, value: object) -> ET.Element:
    child = ET.SubElement(parent, name)
    child.text = str(value)
    return child


def _items(parent: ET.Element, name: str, rows: list[dict]) -> None:
    box = ET.SubElement(parent, name)
    _cdata_free(box, "Count", len(rows))
    results = ET.SubElement(box, "ResultList")
    for row in rows:
        item = ET.SubElement(results, "item")
        for key, value in row.items():
            _cdata_free(item, key, value)


def finish_event_xml(state: FakeState, job: MassJob) -> str:
    """The event as WeChat would post it for `job` (sent, stopped, refused or expired)."""
    from tests.fakes.wechat_sendall import settle

    settle(state, job)
    if job.state == "awaiting_confirmation":
        raise ValueError(f"mass send {job.msg_id} still waits for the administrator")
    sent = len(job.delivered)
    root = ET.Element("xml")
    for name, value in (("ToUserName", ACCOUNT), ("FromUserName", SENDER),
                        ("CreateTime", int(state.now())), ("MsgType", "event"),
                        ("Event", "MASSSENDJOBFINISH"), ("MsgID", job.msg_id),
                        ("Status", job.status), ("TotalCount", job.total),
                        ("FilterCount", len(job.recipients)), ("SentCount", sent),
                        ("ErrorCount", len(job.recipients) - sent if job.state == "sent" else 0)):
        _cdata_free(root, name, value)
    _items(root, "CopyrightCheckResult", job.reprints)
    _cdata_free(root.find("CopyrightCheckResult"), "CheckState", job.check_state)
    _items(root, "ArticleUrlResult",
           [{"ArticleIdx": i, "ArticleUrl": url}
            for i, url in enumerate(job.article_urls if job.state == "sent" else [], start=1)])
    return ET.tostring(root, encoding="unicode")


def confirm(state: FakeState, msg_id: int, approve: bool = True) -> None:
    """The administrator answers 群发保护's request in WeChat: the send goes out, or fails."""
    from tests.fakes.wechat_sendall import settle

    job = state.jobs[int(msg_id)]
    settle(state, job)
    if job.state != "awaiting_confirmation":
        raise ValueError(f"mass send {msg_id} is not waiting for confirmation ({job.state})")
    if approve:
        job.state = "sent"
    else:
        job.state, job.status = "refused", "send fail"
