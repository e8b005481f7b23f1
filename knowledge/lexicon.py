"""The index terms of many texts at once: Tokenizer.terms's rules applied with numpy.

jieba's words are mapped to integer ids through a table that remembers, for every word seen
once, what the rules need of it (a word or a stop word, long with the words inside it, short,
a lone character). A chunk of texts is then a few array passes instead of Python work per
word. Tokenizer.terms stays the reference: tests/test_kb_lexicon.py checks the two agree.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain

import numpy as np

from knowledge.wordlists import stop_words

BREAK, LONG, TWO, ONE = 0, 1, 2, 3  # not Chinese or a stop word; 3+, 2, 1 characters
_CHAR_BITS = 21  # a code point fits in 21 bits: two of them make a bigram's key


class Lexicon:
    """Every word and term of one tokenizer, with an id and what the term rules need of it."""

    def __init__(self, known: Callable[[str], bool],
                 sub_words: Callable[[str, Callable[[str], bool]], list[str]]) -> None:
        self.ids: dict[str, int] = {}
        self.words: list[str] = []
        self._known, self._sub_words, self._stops = known, sub_words, stop_words()
        # per id, as lists while words are added, mirrored into arrays once per chunk
        self._cols: dict[str, list[int]] = {c: [] for c in
                                            ("kind", "emit", "first", "last", "sub_at", "subs")}
        self._flat: list[int] = []  # the sub-word ids of all long words, back to back
        self.arr: dict[str, np.ndarray] = {c: np.zeros(0, np.int64) for c in self._cols}
        self.sub_flat = np.zeros(0, np.int64)
        self._bigrams: dict[int, int] = {}
        self.wholes: dict[str, int] = {}  # a keyword → the id of it as one word (-1: none)

    def add(self, word: str) -> int:
        """The id of `word`, registering it (and the words inside it) when new."""
        wid = self.ids.get(word)
        if wid is not None:
            return wid
        wid = self.ids[word] = len(self.words)
        self.words.append(word)
        stop = word in self._stops
        subs: list[str] = []
        if not ("\u4e00" <= word[0] <= "\u9fff") or stop:
            kind, emit = BREAK, len(word) > 1 and not stop and not word.isspace()
        elif len(word) > 2:
            kind, emit, subs = LONG, True, self._sub_words(word, self._known)
        else:
            kind, emit = (TWO, True) if len(word) == 2 else (ONE, False)
        cols = self._cols
        for name, value in (("kind", kind), ("emit", emit), ("first", ord(word[0])),
                            ("last", ord(word[-1])), ("sub_at", 0), ("subs", len(subs))):
            cols[name].append(value)
        if subs:
            ids = [self.add(s) for s in subs]  # after this word's row: ids stay in order
            cols["sub_at"][wid] = len(self._flat)
            self._flat += ids
        return wid

    def _sync(self) -> None:
        """Bring the arrays up to the lists (only the rows added since the last chunk)."""
        done = len(self.arr["kind"])
        if done < len(self.words):
            for name, values in self._cols.items():
                self.arr[name] = np.concatenate(
                    [self.arr[name], np.asarray(values[done:], dtype=np.int64)])
            self.sub_flat = np.asarray(self._flat, dtype=np.int64)

    def bigram_ids(self, keys: np.ndarray) -> np.ndarray:
        """Term ids of bigrams given as (first code point << 21 | second code point)."""
        uniq, inverse = np.unique(keys, return_inverse=True)
        ids = np.empty(len(uniq), dtype=np.int64)
        for i, key in enumerate(uniq.tolist()):
            found = self._bigrams.get(key)
            if found is None:
                text = chr(key >> _CHAR_BITS) + chr(key & ((1 << _CHAR_BITS) - 1))
                found = self._bigrams[key] = self.add(text)
            ids[i] = found
        return ids[inverse]

    def terms(self, cut: Callable[[str], list[str]],
              texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(text index, term id) of every term of normalised `texts`, as Tokenizer.terms
        gives them (in another order)."""
        cuts = [cut(t) for t in texts]
        flat = list(chain.from_iterable(cuts))
        for word in set(flat).difference(self.ids):
            self.add(word)
        self._sync()
        wid = np.fromiter(map(self.ids.__getitem__, flat), dtype=np.int64, count=len(flat))
        text = np.repeat(np.arange(len(texts), dtype=np.int64),
                         np.fromiter(map(len, cuts), dtype=np.int64, count=len(cuts)))
        a = self.arr
        emit = a["emit"][wid].astype(bool)
        out_text, out_term = [text[emit]], [wid[emit]]
        # the dictionary words inside long words
        n_subs = a["subs"][wid]
        at = np.flatnonzero(n_subs)
        if len(at):
            counts = n_subs[at]
            ends = np.cumsum(counts)
            offsets = np.repeat(a["sub_at"][wid[at]] - ends + counts, counts)
            out_term.append(self.sub_flat[offsets + np.arange(ends[-1])])
            out_text.append(np.repeat(text[at], counts))
        pairs_text, pairs_term = self._run_bigrams(wid, text, a["kind"][wid])
        out_text.append(pairs_text)
        out_term.append(pairs_term)
        return np.concatenate(out_text), np.concatenate(out_term)

    def _run_bigrams(self, wid: np.ndarray, text: np.ndarray,
                     kind: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Bigrams across stretches of short words that hold a lone character: the pairs of
        neighbouring words, last character of one and first of the next, unless the bigram is
        one of the stretch's own words (see knowledge/text.py _run_bigrams)."""
        short = kind >= TWO
        joined = np.zeros(len(wid), dtype=bool)  # continues the stretch of the word before
        joined[1:] = short[1:] & short[:-1] & (text[1:] == text[:-1])
        run = np.cumsum(short & ~joined) - 1
        length = np.bincount(run[short], minlength=run[-1] + 1 if len(run) else 0)
        ones = np.bincount(run[kind == ONE], minlength=len(length))
        bigrammed = (length >= 2) & (ones > 0)  # the stretches that get bigrams
        left = np.flatnonzero(joined[1:])  # the first word of each neighbouring pair
        left = left[bigrammed[run[left]]]
        if not len(left):
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        a = self.arr
        keys = (a["last"][wid[left]] << _CHAR_BITS) | a["first"][wid[left + 1]]
        bigram = self.bigram_ids(keys)
        own = np.flatnonzero((kind == TWO) & bigrammed[np.maximum(run, 0)])
        # Only a bigram that is some stretch's word at all needs the exact (slower) test.
        seen = np.zeros(len(self.words), dtype=bool)
        seen[wid[own]] = True
        maybe = np.flatnonzero(seen[bigram])
        asked = np.zeros(len(self.words), dtype=bool)
        asked[bigram[maybe]] = True
        own = own[asked[wid[own]]]  # and only those words of the stretches matter
        keep = np.ones(len(left), dtype=bool)
        keep[maybe] = ~np.isin((run[left[maybe]] << 32) | bigram[maybe],
                               (run[own] << 32) | wid[own])
        return text[left][keep], bigram[keep]
