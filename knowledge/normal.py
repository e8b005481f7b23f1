"""Text normalisation applied to articles and questions alike, before anything else."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import zhconv

_PUNCT = re.compile(r"[^\w\u4e00-\u9fff]+|_+", re.UNICODE)


@cache
def _traditional_chars() -> frozenset[str]:
    """Characters zhconv rewrites on the way to Simplified (so plain text skips zhconv)."""
    zhconv.convert("", "zh-cn")  # loads zhconv's tables
    table = zhconv.zhconv.zhcdicts["zh2Hans"]
    return frozenset(k for k, v in table.items() if len(k) == 1 and k != v)


def normalise(text: str) -> str:
    """NFKC (full/half width), 繁体 → 简体, lower case, punctuation → single spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    if not _traditional_chars().isdisjoint(text):
        text = zhconv.convert(text, "zh-cn")
    text = text.lower()
    return " ".join(_PUNCT.sub(" ", text).split())
