"""A follower's own probation: the longest one their contract allows, and the least pay in it.

劳动合同法 第十九条: a contract of three months to a year allows at most a month of probation,
one of one to three years at most two months, one of three years or more (or open-ended) at
most six; a shorter contract, or one for a task, allows none. 第二十条: probation pay is at
least 80% of the agreed wage and at least the local minimum wage. 第八十三条: probation served
beyond the legal limit is paid for as compensation at the full monthly wage.
"""

from __future__ import annotations

import re

from knowledge.compensation import NUM as _NUM
from knowledge.compensation import TAIL, money, number

_UNIT = rf"\s*(万|千|k|K|块|元)?\s*({TAIL})?"  # the amount's unit, and 一万二's 二
_TERM_YEARS = re.compile(rf"(?<![0-9])({_NUM})\s*年(?:期)?的?(?:劳动)?合同"
                         rf"|合同(?:期限?)?(?:签了|签的|签|是|为|定了)?\s*({_NUM})\s*年")
_TERM_MONTHS = re.compile(rf"({_NUM})\s*个月的?(?:劳动)?合同"
                          rf"|合同(?:期限?)?(?:签了|签的|是)?\s*({_NUM})\s*个月"
                          r"|(半)年的?(?:劳动)?合同|合同(?:签了|签的|是)?(半)年")
_OPEN = ("无固定期限", "无固定")
_PROBATION = re.compile(rf"试用期(?:定了|定的|签了|约定|说|是|要|搞了|给了|给我定了|定成|有)?"
                        rf"\s*({_NUM})\s*个?月"
                        rf"|({_NUM})\s*个月的?试用期|试用期(?:定了|是|要|有)?(半)年|(半)年的?试用期")
_AGREED = re.compile(rf"(?<!试用期)(?:月薪|工资|月工资|底薪|转正)(?:是|写的|写着|说好|谈好)?"
                     rf"\s*({_NUM}){_UNIT}")
_PROBATION_PAY = re.compile(rf"试用期(?:工资|期间|里|内)?(?:只|就|才)?(?:给|发|开|拿|打)?(?:了)?"
                            rf"(?:我)?\s*({_NUM}){_UNIT}")


def _months(m: re.Match | None, halves: tuple[int, ...]) -> int | None:
    """Months of a match whose groups are numbers of months, or 半 (six months) at `halves`."""
    if m is None:
        return None
    for i, g in enumerate(m.groups(), start=1):
        if g is None:
            continue
        if i in halves:
            return 6
        n = number(g)
        return None if n is None else int(n)
    return None


def _yuan(pattern: re.Pattern, text: str) -> float | None:
    """The first amount of money the pattern finds (试用期3个月 is a span, not a wage)."""
    for m in pattern.finditer(text):
        if text[m.end():m.end() + 2].lstrip().startswith(("个", "月", "年", "天")):
            continue
        value = money(m)
        if value is not None:
            return value
    return None


def contract_months(text: str) -> int | None:
    """The contract's term in months; 0 for an open-ended one; None when not said."""
    if any(w in text for w in _OPEN):
        return 0
    years = _TERM_YEARS.search(text)
    if years is not None:
        n = number(years.group(1) or years.group(2))
        return None if n is None or n > 20 else int(n * 12)
    return _months(_TERM_MONTHS.search(text), halves=(3, 4))


def longest_probation(term: int) -> int:
    """The longest lawful probation, in months, for a contract of `term` months (0: open)."""
    if term == 0 or term >= 36:
        return 6
    if term >= 12:
        return 2
    return 1 if term >= 3 else 0


def _term_text(term: int) -> str:
    if term == 0:
        return "无固定期限"
    years, rest = divmod(term, 12)
    return (f"{years}年" if years else "") + (f"{rest}个月" if rest else "")


def probation_line(text: str) -> str | None:
    """The follower's own probation limit and least pay; None when the message states neither."""
    parts: list[str] = []
    term = contract_months(text)
    agreed = _months(_PROBATION.search(text), halves=(3, 4))
    if term is not None and agreed is not None:
        limit = longest_probation(term)
        allowed = f"试用期最长{limit}个月" if limit else "不能约定试用期"
        parts.append(f"按您说的：合同{_term_text(term)}，{allowed}（《劳动合同法》第十九条）")
        if agreed > limit:
            parts.append(f"约定{agreed}个月超出了法定上限，超出的部分无效；已经干过上限的那段，"
                         "公司要按转正后的月工资另付赔偿金（第八十三条）")
        else:
            parts.append(f"约定{agreed}个月在法定上限以内")
    pay = _yuan(_PROBATION_PAY, text)
    wage = _yuan(_AGREED, text)
    if pay is not None and wage is not None and wage > pay:
        least = wage * 0.8
        if pay < least:
            parts.append(f"试用期工资不得低于约定工资的80%，也不得低于当地最低工资（第二十条）："
                         f"月薪{wage:g}元的80%是{least:,.0f}元，给{pay:g}元"
                         f"每月少了{least - pay:,.0f}元，可以要求补足")
        else:
            parts.append(f"试用期给{pay:g}元，不低于约定月薪{wage:g}元的80%，"
                         "只要不低于当地最低工资就合法（第二十条）")
    if not parts:
        return None
    return ("；".join(parts) + "。试用期也要交社保；同一单位和同一个人只能约定一次试用期。"
            "留好合同、工资条和转账记录，公司不改，打12333、向劳动保障监察投诉或申请劳动仲裁"
            "（免费，时效一年）。")
