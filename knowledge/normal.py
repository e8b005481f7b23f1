"""Text normalisation applied to articles and questions alike, before anything else."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import numpy as np
import zhconv

_PUNCT = re.compile(r"[\W_]+")  # Chinese characters are \w: kept, like letters


@cache
def _traditional_chars() -> frozenset[str]:
    """Characters zhconv rewrites on the way to Simplified (so plain text skips zhconv)."""
    zhconv.convert("", "zh-cn")  # loads zhconv's tables
    table = zhconv.zhconv.zhcdicts["zh2Hans"]
    return frozenset(k for k, v in table.items() if len(k) == 1 and k != v)


@cache
def _traditional_table() -> np.ndarray:
    """`_traditional_chars` as a lookup table by code point."""
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in _traditional_chars()]] = True
    return table


def _has_traditional(text: str) -> bool:
    if len(text) < 200:  # a question: a set test is cheaper than an array
        return not _traditional_chars().isdisjoint(text)
    # an article body: one table lookup over its code points, five times faster
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return bool(_traditional_table()[codes].any())


def normalise(text: str) -> str:
    """NFKC (full/half width), 繁体 → 简体, lower case, punctuation → single spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    if _has_traditional(text):
        text = zhconv.convert(text, "zh-cn")
    text = text.lower()
    return " ".join(_PUNCT.sub(" ", text).split())
