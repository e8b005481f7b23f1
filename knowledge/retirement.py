"""The statutory retirement age and month for a birth month, by the 2024 reform.

The NPC Standing Committee's decision of 2024-09-13 (渐进式延迟法定退休年龄, from 2025-01-01)
raises the age by one month every four months of birth for men (60 → 63) and for women who
retired at 55 (→ 58), and by one month every two months for women who retired at 50 (→ 55).
Its annexed tables start with those born in January 1965, 1970 and 1975. The minimum years
of contributions for a monthly pension rise by six months a year from 2030 until 20 years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# original age: (first birth year affected, months of birth per month of delay, most months)
SCHEDULE = {60: (1965, 4, 36), 55: (1970, 4, 36), 50: (1975, 2, 60)}
FINAL = {60: 63, 55: 58, 50: 55}  # the age the delays end at
_BIRTH = re.compile(r"((?:19)?[4-9]\d)\s*年\s*(?:(1[0-2]|0?[1-9])\s*月)?\s*(?:份)?\s*"
                    r"(?:出生|生|的)")
_ORIGINAL = re.compile(r"原来\s*(50|55|60|五十五|五十|六十)\s*岁?\s*(?:退|的)")
_WORDS = {"五十": 50, "五十五": 55, "六十": 60}
MALE = ("男", "我爸", "老公", "丈夫", "儿子", "他")
FEMALE = ("女", "我妈", "我娘", "俺娘", "老婆", "媳妇", "闺女", "她", "妇女")
CADRE = ("干部", "管理岗", "技术岗", "职员", "事业单位", "公务员", "机关")
WORKER = ("工人", "女工", "生产岗", "一线", "灵活就业", "个体")


@dataclass(frozen=True)
class Retirement:
    """One person's statutory retirement: the original age, the new age and the month."""

    original: int
    years: int
    months: int
    year: int
    month: int

    def age_text(self) -> str:
        return f"{self.years}岁" + (f"{self.months}个月" if self.months else "")


def retirement(birth_year: int, birth_month: int, original: int) -> Retirement:
    """The statutory retirement age and month of someone born then, of that original age."""
    first, step, most = SCHEDULE[original]
    index = (birth_year - first) * 12 + birth_month - 1
    delay = 0 if index < 0 else min(index // step + 1, most)
    total = original * 12 + delay
    month = birth_year * 12 + birth_month - 1 + total
    return Retirement(original, total // 12, total % 12, month // 12, month % 12 + 1)


def minimum_years(year: int) -> float:
    """The minimum contribution years for a monthly pension in a year of retirement."""
    return min(20.0, 15.0 + max(0, year - 2029) * 0.5)


def answer_line(text: str) -> str | None:
    """A sentence with the follower's own retirement age and month, when the message gives a
    birth year and who retires (男 / 原来55退 / 女工人); None otherwise."""
    birth = _BIRTH.search(text)
    if birth is None:
        return None
    year = int(birth.group(1))
    year += 1900 if year < 100 else 0
    originals = _originals(text)
    if not originals:
        return None
    month = int(birth.group(2)) if birth.group(2) else None
    said = "；".join(_said(year, month, o) for o in originals)
    return f"按渐进式延迟退休的办法，{said}。{_minimum(year, month, originals)}"


def _originals(text: str) -> list[int]:
    said = _ORIGINAL.search(text)
    if said:
        value = said.group(1)
        return [_WORDS.get(value) or int(value)]
    female = any(w in text for w in FEMALE)
    if any(w in text for w in MALE) and not female:
        return [60]
    if not female:
        return []
    if any(w in text for w in CADRE):
        return [55]
    if any(w in text for w in WORKER):
        return [50]
    return [50, 55]


def _said(year: int, month: int | None, original: int) -> str:
    who = {60: "男职工", 55: "女职工（原来55岁退休）", 50: "女职工（原来50岁退休）"}[original]
    until = f"这类职工逐步延到{FINAL[original]}岁"
    if month is not None:
        r = retirement(year, month, original)
        return (f"{year}年{month}月出生的{who}，法定退休年龄是{r.age_text()}，"
                f"{r.year}年{r.month}月退休（{until}）")
    first, last = retirement(year, 1, original), retirement(year, 12, original)
    if first.age_text() == last.age_text():
        return (f"{year}年出生的{who}，法定退休年龄是{first.age_text()}"
                f"（1月出生的{first.year}年{first.month}月退休；{until}）")
    return (f"{year}年出生的{who}，法定退休年龄按出生月份在{first.age_text()}到"
            f"{last.age_text()}之间（1月出生的{first.year}年{first.month}月退休，"
            f"12月出生的{last.year}年{last.month}月退休；{until}）")


def _minimum(year: int, month: int | None, originals: list[int]) -> str:
    r = retirement(year, month or 1, originals[0])
    least = minimum_years(r.year)
    years = f"{int(least)}年" + ("6个月" if least % 1 else "")
    return (f"到时按月领养老金要交满{years}；交够了的，可以弹性提前退休，最多提前3年，"
            f"但不能早于原来的{'、'.join(f'{o}岁' for o in originals)}。")
