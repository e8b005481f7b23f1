"""Typo correction against the index vocabulary: 技嫩 → 技能, 补帖 → 补贴.

Followers type with pinyin input methods, so a typo is nearly always one character swapped
for another that sounds alike. Candidates are vocabulary words one substitution away, found
by prefix ranges in the sorted vocabulary and its reversed twin (never a full scan); they
are scored by how close the swapped syllables sound (rapidfuzz over toneless pinyin) and
by how common the word is.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator

from pypinyin import Style, lazy_pinyin
from rapidfuzz.distance import Levenshtein

MIN_SOUND = 0.66  # nen/neng 0.75, tie/tie 1.0, qi/jin 0.33
MAX_LEN = 6


def sound_alike(a: str, b: str) -> float:
    """How alike two characters sound, 0–1 (toneless pinyin edit similarity)."""
    if a == b:
        return 1.0
    pa = lazy_pinyin(a, style=Style.NORMAL, errors="ignore")
    pb = lazy_pinyin(b, style=Style.NORMAL, errors="ignore")
    if not pa or not pb:
        return 0.0
    return Levenshtein.normalized_similarity(pa[0], pb[0])


class Corrector:
    """Finds the vocabulary word a misspelt query word most likely meant."""

    def __init__(self, vocab: Iterable[str], doc_freq: Callable[[str], int]) -> None:
        self._doc_freq = doc_freq
        words = [t for t in vocab if 2 <= len(t) <= MAX_LEN and not t.isascii()]
        self._fwd = sorted(words)
        self._rev = sorted(t[::-1] for t in words)

    @staticmethod
    def _with_prefix(table: list[str], prefix: str) -> Iterator[str]:
        i = bisect_left(table, prefix)
        while i < len(table) and table[i].startswith(prefix):
            yield table[i]
            i += 1

    def _one_away(self, word: str, i: int) -> Iterator[str]:
        """Vocabulary words equal to `word` except at position i."""
        n = len(word)
        if i > 0:
            rest = word[i + 1:]
            for t in self._with_prefix(self._fwd, word[:i]):
                if len(t) == n and t[i + 1:] == rest:
                    yield t
        else:
            for t in self._with_prefix(self._rev, word[1:][::-1]):
                if len(t) == n:
                    yield t[::-1]

    def correct(self, word: str) -> tuple[str, float] | None:
        """(the intended word, confidence 0–1), or None when nothing sounds close enough."""
        if not 2 <= len(word) <= MAX_LEN:
            return None
        best: tuple[float, str, float] | None = None
        for i, ch in enumerate(word):
            for cand in self._one_away(word, i):
                if cand == word:
                    continue
                sound = sound_alike(ch, cand[i])
                if sound < MIN_SOUND:
                    continue
                df = self._doc_freq(cand)
                rank = sound + 0.05 * math.log1p(df)
                if best is None or rank > best[0]:
                    best = (rank, cand, sound)
        if best is None:
            return None
        return best[1], best[2]
