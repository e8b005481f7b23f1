"""An answer's opening yes (有。 能。), shown only to a message that asks yes or no.

The yes answers 有补贴吗; before the figures asked by 湖北培训补贴最高多少 or 那山东呢 it reads
as a robot's non sequitur (three judges of follower sets noted it).
"""

from __future__ import annotations

import re

from knowledge.normal import normalise

VERDICTS = ("有。", "能。", "可以。", "算。", "可以转。")
# 吗 / 不 / 没 ending a clause (能领补贴不 要啥条件), 能不能 / 有没有, 是否; not the 么 of 什么
_YES_NO = re.compile(r"(?:吗|(?<![什怎那这多])么|嘛|不|没|没有|否)(?=[\W_]|$)"
                     r"|(\w)[不没]\1|是否|有无")


def asks_yes_or_no(text: str) -> bool:
    """True when the message asks a yes-or-no question anywhere (繁体 folded)."""
    return _YES_NO.search(normalise(text).strip()) is not None


def without_verdict(body: str, text: str) -> str:
    """The answer without its opening yes when the message asks no yes-or-no question."""
    lead = next((v for v in VERDICTS if body.startswith(v)), None)
    return body if lead is None or asks_yes_or_no(text) else body[len(lead):]
