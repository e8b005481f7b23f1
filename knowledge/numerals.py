"""Small Chinese numerals as followers type them: '三' -> 3, '十二' -> 12, '二十' -> 20."""

from __future__ import annotations

DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}


def chinese_number(word: str) -> int | None:
    """'三' -> 3, '十二' -> 12, '二十' -> 20; None for anything else."""
    if not word:
        return None
    if "十" not in word:
        return DIGITS.get(word) if len(word) == 1 else None
    tens, _, ones = word.partition("十")
    t = DIGITS.get(tens, -1) if tens else 1
    o = DIGITS.get(ones, -1) if ones else 0
    return t * 10 + o if t >= 1 and o >= 0 and "十" not in ones else None
