"""Time in a question: a year (2023年, 24年, 二〇二四年) or a relative time (去年, 今年, 最近).

Employment news repeats every year, so a question naming a time selects by date; the words
themselves are taken out of the question, so an article merely mentioning "2023" in its body
does not win on that word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_FULL_YEAR = re.compile(r"(?<!\d)(20\d\d)(?:年度|年)?(?!\d|届|级|元|万|人|名|个|岁|家)")
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d\d)年(?!度?以|龄|级|代|前|后|内|来|工|多)")
_CHINESE_YEAR = re.compile(r"二[〇零]([〇零一二三四五六七八九]{2})年")
_RELATIVE = {"前年": -2, "去年": -1, "上一年": -1, "今年": 0, "本年度": 0, "明年": 1}
_RECENT = ("最近", "近期", "最新", "近来", "这阵子", "眼下", "目前")
_RELATIVE_RE = re.compile("|".join(sorted(_RELATIVE, key=len, reverse=True)))
_RECENT_RE = re.compile("|".join(_RECENT))
_ANY = re.compile("|".join(["年", r"\d", *_RECENT]))


@dataclass
class When:
    """The time a question names: `years` to select by, or `recent` for the newest."""

    years: set[int] = field(default_factory=set)
    recent: bool = False
    text: str = ""  # the question without its time words

    def __bool__(self) -> bool:
        return bool(self.years) or self.recent


def find_when(text: str, today: date) -> When:
    """The years or recency `text` names, relative to `today`, and the text without them."""
    found = When(text=text)
    if not _ANY.search(text):
        return found  # most questions name no time: one cheap scan

    def take(year: int) -> str:
        if 2000 <= year <= today.year + 1:
            found.years.add(year)
            return " "
        return ""

    def full(m: re.Match) -> str:
        return take(int(m.group(1))) or m.group(0)

    def short(m: re.Match) -> str:
        return take(2000 + int(m.group(1))) or m.group(0)

    def chinese(m: re.Match) -> str:
        return take(2000 + int(m.group(1).translate(_DIGITS))) or m.group(0)

    def relative(m: re.Match) -> str:
        return take(today.year + _RELATIVE[m.group(0)]) or m.group(0)

    def recent(m: re.Match) -> str:
        found.recent = True
        return " "

    out = _CHINESE_YEAR.sub(chinese, text)
    out = _FULL_YEAR.sub(full, out)
    out = _SHORT_YEAR.sub(short, out)
    out = _RELATIVE_RE.sub(relative, out)
    out = _RECENT_RE.sub(recent, out)
    found.text = out
    return found


def years_of(published_year: int, title: str) -> set[int]:
    """The years an article is about: its publication year and any year its title names
    (a plan for 2025 is often published late in 2024)."""
    years = {published_year}
    years.update(int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", title))
    return years
