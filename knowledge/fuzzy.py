"""Typo correction against the index vocabulary: 技嫩 → 技能, 补帖 → 补贴.

Followers type with pinyin input methods, so a typo is nearly always one character swapped
for another that sounds alike. Candidates are vocabulary words one substitution away, found
by prefix ranges in the sorted vocabulary and its reversed twin (never a full scan); they
are scored by how close the swapped syllables sound (rapidfuzz over toneless pinyin) and
by how common the word is.
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

MIN_SOUND = 0.7  # nen/neng 0.75, tie/tie 1.0, fen/ren 0.67, qi/jin 0.33
MAX_LEN = 6
LOOKALIKE_CONFIDENCE = 0.6


def sound_alike(a: str, b: str) -> float:
    """How alike two characters sound, 0–1 (toneless pinyin edit similarity)."""
    if a == b:
        return 1.0
    pa, pb = _pinyin(a), _pinyin(b)
    if not pa or not pb:
        return 0.0
    return Levenshtein.normalized_similarity(pa, pb)


@lru_cache(maxsize=20_000)
def _pinyin(ch: str) -> str:
    """A character's toneless pinyin ("" when it has none); pypinyin's lookup is slow."""
    # Imported on the first correction, not at start: pypinyin's tables cost a worker
    # 0.2 s and 50 MB, and most questions need no correction.
    from pypinyin import Style, lazy_pinyin

    found = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
    return found[0] if found else ""


class Corrector:
    """Finds the vocabulary word a misspelt query word most likely meant."""

    def __init__(self, vocab: Iterable[str], doc_freq: Callable[[str], int]) -> None:
        self._doc_freq = doc_freq
        self._vocab: Iterable[str] | None = vocab
        self._tables: tuple[dict[int, list[str]], dict[int, list[str]]] | None = None
        self._cache: dict[tuple[str, bool], tuple[str, float] | None] = {}
        self._lock = threading.Lock()

    def _sorted(self) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
        """The vocabulary sorted for prefix ranges, made on the first correction (a worker
        answers its first questions sooner, and most need none)."""
        with self._lock:
            if self._tables is None:
                self._tables = self._sort(self._vocab or ())
                self._vocab = None
            return self._tables

    @staticmethod
    def _sort(vocab: Iterable[str]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
        by_len: dict[int, list[str]] = {}
        for t in vocab:
            if 2 <= len(t) <= MAX_LEN and not t.isascii():
                by_len.setdefault(len(t), []).append(t)
        # One sorted list per length, forwards and reversed: a substitution at position i
        # keeps word[:i] and word[i+1:], and the longer of the two is a narrow prefix range.
        return ({n: sorted(ws) for n, ws in by_len.items()},
                {n: sorted(w[::-1] for w in ws) for n, ws in by_len.items()})

    @staticmethod
    def _with_prefix(table: list[str], prefix: str) -> Iterator[str]:
        i = bisect_left(table, prefix)
        while i < len(table) and table[i].startswith(prefix):
            yield table[i]
            i += 1

    def _one_away(self, word: str, i: int) -> Iterator[str]:
        """Vocabulary words of the same length equal to `word` except at position i."""
        n = len(word)
        head, tail = word[:i], word[i + 1:]
        fwd, rev = self._sorted()
        if len(head) >= len(tail):
            for t in self._with_prefix(fwd.get(n, []), head):
                if t.endswith(tail):
                    yield t
        else:
            for t in self._with_prefix(rev.get(n, []), tail[::-1]):
                if t.endswith(head[::-1]):
                    yield t[::-1]

    def correct(self, word: str, lookalike: bool = False) -> tuple[str, float] | None:
        """(the intended word, confidence 0–1), or None when nothing sounds close enough.
        With `lookalike`, a word of 3+ characters with one single possible reading is
        corrected even when the characters do not sound alike (招骋会 → 招聘会)."""
        key = (word, lookalike)
        if key in self._cache:
            return self._cache[key]
        found = self._correct(word, lookalike) if 2 <= len(word) <= MAX_LEN else None
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[key] = found
        return found

    def _correct(self, word: str, lookalike: bool) -> tuple[str, float] | None:
        best: tuple[float, str, float] | None = None
        lookalikes: set[str] = set()
        for i, ch in enumerate(word):
            for cand in self._one_away(word, i):
                if cand == word:
                    continue
                sound = sound_alike(ch, cand[i])
                if sound < MIN_SOUND:
                    lookalikes.add(cand)  # maybe a character that looks alike (骋 for 聘)
                    continue
                rank = sound + 0.05 * math.log1p(self._doc_freq(cand))
                if best is None or rank > best[0]:
                    best = (rank, cand, sound)
        if best is not None:
            return best[1], best[2]
        # Without a sound-alike, trust only a longer word with a single possible reading.
        if lookalike and len(word) >= 3 and len(lookalikes) == 1:
            return lookalikes.pop(), LOOKALIKE_CONFIDENCE
        return None
