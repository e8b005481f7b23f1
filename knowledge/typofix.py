"""Fixing a typo inside a phrase jieba breaks up (三只一扶 → 三支一扶, 稳岗反还 → 稳岗返还)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate

from knowledge.fuzzy import Corrector
from knowledge.text import Tokenizer

FIX_TRIES = 48  # correction lookups per question
SIZES = (6, 5, 4, 3)  # window lengths tried, longest first
_CJK = re.compile(r"[\u4e00-\u9fff]")


def fix_phrases(text: str, tok: Tokenizer, in_vocab: Callable[[str], bool],
                corrector: Corrector, corrections: dict[str, str]) -> tuple[str, list[str]]:
    """The text with phrase typos fixed, and its words (jieba's cut of the result).

    Only a character jieba left alone, or one inside a word the index lacks, may change.
    At most FIX_TRIES windows are looked up: a question has a typo or two, and a long run
    of unknown characters must not cost a correction lookup per window.
    """
    words = tok.cut(text)
    weak = bytearray(len(text))
    at = 0
    for word in words:
        at = text.find(word, at)
        if at < 0:
            break
        if len(word) == 1 or not in_vocab(word):
            weak[at:at + len(word)] = b"\x01" * len(word)
        at += len(word)
    if not any(weak):
        return text, words  # every word is one the index knows: nothing to fix
    tries, changed = FIX_TRIES, False
    other = bytearray(0 if _CJK.match(c) else 1 for c in text)
    for size in SIZES:
        i = 0
        weak_sum, other_sum = _sums(weak), _sums(other)
        while i + size <= len(text):
            # a window with a weak character and only Chinese characters, unknown as a whole
            if weak_sum[i + size] == weak_sum[i] or other_sum[i + size] != other_sum[i]:
                i += 1
                continue
            window = text[i:i + size]
            if in_vocab(window) or tok.known(window):
                i += 1
                continue
            tries -= 1
            if tries < 0:
                return (text, tok.cut(text)) if changed else (text, words)
            fixed = corrector.correct(window)
            moved = next((i + k for k in range(size) if fixed and fixed[0][k] != window[k]),
                         None)
            if fixed is not None and moved is not None and weak[moved]:
                corrections[window] = fixed[0]
                text = text[:i] + fixed[0] + text[i + size:]
                weak[i:i + size] = bytes(size)  # fixed: leave it alone
                other = bytearray(0 if _CJK.match(c) else 1 for c in text)
                weak_sum, other_sum, changed = _sums(weak), _sums(other), True
                i += size
                continue
            i += 1
    return (text, tok.cut(text)) if changed else (text, words)


def _sums(flags: bytearray) -> list[int]:
    """Prefix sums: flags[i:j] holds sums[j] - sums[i] set flags."""
    return [0, *accumulate(flags)]
