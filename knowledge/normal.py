"""Text normalisation applied to articles and questions alike, before anything else."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import numpy as np

_PUNCT = re.compile(r"[\W_]+")  # Chinese characters are \w: kept, like letters


@cache
def _traditional_chars() -> frozenset[str]:
    """Characters zhconv rewrites on the way to Simplified (so plain text skips zhconv).

    Read from zhconv's table file without importing zhconv, which imports pkg_resources:
    0.05 s of every worker's start, for the rare question written in 繁体.
    """
    spec = importlib.util.find_spec("zhconv")
    assert spec is not None and spec.submodule_search_locations
    path = Path(spec.submodule_search_locations[0]) / "zhcdict.json"
    table = json.loads(path.read_bytes())["zh2Hans"]
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
        import zhconv

        text = zhconv.convert(text, "zh-cn")
    text = text.lower()
    return " ".join(_PUNCT.sub(" ", text).split())
