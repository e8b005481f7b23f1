"""What staff read about a broadcast job, in Chinese: its status and WeChat's reprint check.

The reprint check (原创校验) arrives only in the MASSSENDJOBFINISH event's
CopyrightCheckResult (事件推送群发结果, https://developers.weixin.qq.com/doc/service/guide/product/message/Batch_Sends.html):
CheckState 1 = not a reprint, 2 = judged a reprint and sent anyway (send_ignore_reprint = 1 and
the original allows reprinting), 3 = judged a reprint and the send stopped.
"""

from __future__ import annotations

from typing import Any

STATUS_TEXT = {
    "scheduled": "已排期，等待发送时间",
    "pending": "等待执行",
    "running": "执行中",
    "previewed": "预览已发出",
    "submitted": "微信已接受群发，等待发送结果",
    "confirming": "等待管理员确认：已开启群发保护，需在 30 分钟内在微信中确认，否则本次群发失败",
    "finished": "群发完成",
    "failed": "失败",
    "refused": "被拒绝（超出群发额度）",
}

CHECK_STATE = {
    1: "未被判为转载",
    2: "被判为转载，已按设置继续群发（微信改用原文样式并注明转载来源）",
    3: "被判为转载，群发已停止，粉丝没有收到",
}
PROTECTION_FAILED = "群发保护：管理员拒绝确认或 30 分钟内没有确认，本次群发没有发出"


def _truthy(value: Any) -> bool:
    return str(value).strip() == "1"


def copyright_summary(check_state: int, items: list[dict], ignore_reprint: bool) -> str:
    """One Chinese line on the reprint check ('' before any result), with what to do next."""
    if not check_state:
        return ""
    parts = ["原创校验：" + CHECK_STATE.get(check_state, f"结果代码 {check_state}")]
    for item in items:
        allowed = "允许" if _truthy(item.get("CanReprint")) else "禁止"
        original = item.get("OriginalArticleUrl") or "原文地址未提供"
        parts.append(f"第 {item.get('ArticleIdx', 1)} 篇与已有原创文章相同"
                     f"（{original}，原作者{allowed}转载）")
    if check_state == 3:
        if items and all(_truthy(i.get("CanReprint")) for i in items) and not ignore_reprint:
            parts.append("原作者允许转载：如同意以转载形式群发，"
                         "请设置 WECHAT_SEND_IGNORE_REPRINT=1 后重新提交")
        else:
            parts.append("原作者禁止转载：请先取得原作者授权，或改发本站自己的文章")
    return "；".join(parts)


def status_text(status: str) -> str:
    """The Chinese label of a job status."""
    return STATUS_TEXT.get(status, status)
