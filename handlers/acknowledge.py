"""An ok or a thanks followed by the follower's own next step: a line in kind, never a search.

收到 我明天去人社局问问, 不用了 我让儿子帮我查, 好的 谢谢 那我去问下要带什么材料,
辛苦了 大周末的还回消息. These ask nothing, but their content words (人社局, 材料, 消息) would
pull an article list or a "nothing found" that quotes them back. The words are in
config/meaning.toml [acknowledge].
"""

from __future__ import annotations

from typing import Any

from config.texts import meaning_table, reply
from handlers.base import Handler
from handlers.context import Context
from handlers.matching import is_text
from handlers.phrases import longest_first
from handlers.replies import Reply, Text
from handlers.understand import understand

# Intents that stand whatever the opener: a crisis, an insult, a person asked for.
_FIRM = ("crisis", "abuse", "contact", "hours", "hotline_busy", "complaint")
_DEGREE = ("这么", "那么", "多么")


class Acknowledged(Handler):
    """收到 / 好的 / 不用了 / 辛苦了 + what the follower will do themselves."""

    name = "acknowledged"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if not is_text(msg):
            return None
        u = understand(ctx)
        kind = acknowledgement(u.plain)
        if kind is None or u.intent(*_FIRM):
            return None
        return kind

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        ctx.route = f"social:{match}"
        return Text(reply(match, hotline=ctx.hotline))


def acknowledgement(s: str) -> str | None:
    """'ack' (an ok with a plan), 'thanks' (thanks for the effort) or None, for plain text."""
    table = meaning_table("acknowledge")
    if not s or len(s) > int(table.get("max_chars", 40)):
        return None
    opener = _prefix(s, tuple(table.get("openers", ())))
    if opener is None:
        return None
    rest = s[len(opener):]
    while (between := _prefix(rest, tuple(table.get("between", ())))) is not None:
        rest = rest[len(between):]
    if not rest:
        return None  # a bare 好的 / 谢谢 is the social handler's
    if _asks(rest, table):
        return None
    if any(w in rest for w in table.get("plans", ())):
        return "ack"
    if opener.startswith(("谢", "多谢", "感谢", "辛苦", "麻烦")) and any(
            w in rest for w in table.get("effort", ())):
        return "thanks"
    return None


def without_openers(s: str) -> str:
    """Plain text without the oks and thanks it opens with (嗯嗯谢了那吉林 → 那吉林)."""
    table = meaning_table("acknowledge")
    openers = tuple(w for w in table.get("openers", ()) if not w.startswith("那"))
    while (opener := _prefix(s, openers)) is not None and len(opener) < len(s):
        s = s[len(opener):]
    return s


def _prefix(s: str, words: tuple[str, ...]) -> str | None:
    """The longest of `words` (squashed) that `s` starts with, else None."""
    return next((w for _, w in longest_first(words) if w and s.startswith(w)), None)


def _asks(rest: str, table: dict) -> bool:
    """True when the follower asks us something (a question word not inside their errand)."""
    asks = meaning_table("small_talk").get("asks", ())
    errand = min((rest.find(w) for w in table.get("errands", ()) if w in rest), default=-1)
    head = rest if errand < 0 else rest[:errand]
    for degree in _DEGREE:  # 这么晚 is no question, though 么 often is
        head = head.replace(degree, "")
    return any(w in head for w in asks)
