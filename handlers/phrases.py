"""Reading short follower phrases: polite fillers, ordinal numbers, place + suffix."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from config.texts import intent_table, intent_words
from handlers.matching import by_squash, squash, squashed
from knowledge.numerals import chinese_number

__all__ = ["chinese_number", "core", "ordinal", "said", "split_suffix"]
_INDEX = re.compile(r"(第)?([0-9]{1,3}|[零一二两三四五六七八九十]{1,3})([条篇个项号])?")


@cache
def _fillers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The filler prefixes and suffixes, squashed once per process."""
    table = intent_table("fillers")
    longest_first = {"key": len, "reverse": True}
    return (tuple(sorted(filter(None, map(squash, table["prefixes"])), **longest_first)),
            tuple(sorted(filter(None, map(squash, table["suffixes"])), **longest_first)))


@lru_cache(maxsize=1024)
def core(text: str) -> str:
    """The message squashed, without polite fillers: '请问有什么新闻吗？' -> '有什么新闻'.

    Linear in the message: the ends move inwards as indices and the string is cut once, so
    5,000 × 吗 costs what a short question does (handlers ask this several times a message).
    """
    prefixes, suffixes = _fillers()
    s = squash(text)
    start, end = 0, len(s)
    changed = True
    while changed and start < end:
        changed = False
        p = next((p for p in prefixes if end - start > len(p) and s.startswith(p, start, end)),
                 None)
        if p:
            start, changed = start + len(p), True
        x = next((x for x in suffixes if end - start > len(x) and s.endswith(x, start, end)),
                 None)
        if x:
            end, changed = end - len(x), True
    return s[start:end]


def said(text: str, intent: str) -> str | None:
    """The intent's word that the whole message is, fillers aside ('请问最新的吗' -> '最新')."""
    return by_squash(intent_words(intent)).get(core(text))


def ordinal(text: str, bare_max: int = 20) -> int | None:
    """The item a follower points at: '2', '第三条', '第3篇', '三条' -> 2, 3, 3, 3.

    A bare number counts only up to `bare_max` (larger bare numbers are searches, like
    '2024'); with 第 or a measure word any number counts, so '第25条' can be told it is
    out of range.
    """
    m = _INDEX.fullmatch(core(text))
    if not m:
        return None
    marked = bool(m.group(1) or m.group(3))
    word = m.group(2)
    n = int(word) if word.isdigit() else chinese_number(word)
    if n is None or n < 1:
        return None
    return n if marked or n <= bare_max else None


def split_suffix(text: str, suffixes: tuple[str, ...]) -> tuple[str, str] | None:
    """(head, suffix) for the longest suffix of `suffixes` that `text` ends with, else None."""
    for suffix, s in longest_first(suffixes):
        if s and text.endswith(s) and len(text) > len(s):
            return text[: -len(s)], suffix
    return None


@lru_cache(maxsize=256)
def longest_first(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(word, squashed word) for each of `words`, the longest word first (once per list)."""
    return tuple(sorted(squashed(words), key=lambda pair: len(pair[0]), reverse=True))
