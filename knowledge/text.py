"""Text normalisation and jieba tokenisation shared by the index build and the queries."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np
import rjieba

from knowledge.lexicon import Lexicon
from knowledge.normal import normalise
from knowledge.wordlists import config_user_words, stop_words

_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUOTED = re.compile(r"[“\"「『《]([\u4e00-\u9fffA-Za-z0-9]{2,8})[”\"」』》]")
USER_WORD_FREQ = 20_000  # enough for jieba to keep a user word whole, not to distort


def quoted_names(text: str) -> list[str]:
    """Programme and brand names in Chinese quotes: “马兰花计划” → 马兰花计划."""
    return _QUOTED.findall(text or "")


def user_words_of(titles_keywords_bodies: Iterable[tuple[str, list[str], str]]) -> list[str]:
    """The corpus part of the jieba user dictionary: keywords and quoted names."""
    words: set[str] = set()
    for _title, keywords, body in titles_keywords_bodies:
        words.update(map(_keyword_word, keywords))
        words.update(map(_quoted_word, quoted_names(body) + quoted_names(_title)))
    words.discard("")
    return sorted(words)


@lru_cache(maxsize=1 << 16)  # keywords repeat across articles: normalise each once
def _keyword_word(keyword: str) -> str:
    """A keyword as a user word, or "" when it cannot be one."""
    word = normalise(keyword).replace(" ", "")
    return word if 2 <= len(word) <= 8 and _CJK.search(word) else ""


@lru_cache(maxsize=1 << 16)
def _quoted_word(name: str) -> str:
    """A quoted name as a user word, or "" when it cannot be one."""
    word = normalise(name).replace(" ", "")
    return word if 2 <= len(word) <= 8 else ""


_spare = [rjieba._DEFAULT_JIEBA]  # built when rjieba is imported, and used by nobody else
_spare_lock = threading.Lock()


def _new_jieba() -> rjieba.Jieba:
    """A jieba of our own to add user words to: the first tokenizer of a process takes the
    one rjieba's import already built (the main dictionary costs 0.1 s and 30 MB each)."""
    with _spare_lock:
        if _spare:
            return _spare.pop()
    return rjieba.Jieba()


_shared: OrderedDict[tuple[str, ...], rjieba.Jieba] = OrderedDict()
SHARED = 2  # index versions whose words are the same share one jieba (0.1 s and 30 MB each)


def _jieba_with(user_words: tuple[str, ...]) -> rjieba.Jieba:
    """A jieba holding these user words; tokenizers of the same words in a process share it
    (only words are added to it, once, before anyone segments with it)."""
    with _spare_lock:
        found = _shared.get(user_words)
        if found is not None:
            _shared.move_to_end(user_words)
            return found
    rj = _new_jieba()
    for word in user_words:
        rj.add_word(word, USER_WORD_FREQ, None)
    with _spare_lock:
        _shared[user_words] = rj
        while len(_shared) > SHARED:
            _shared.popitem(last=False)
    return rj


class Tokenizer:
    """A jieba tokenizer with the user dictionary of one index version (tokenizers of the
    same words in a process share one jieba, see _jieba_with).

    Segmentation runs on jieba-rs (the `rjieba` binding): the same dictionary and the same
    DAG and route algorithm as jieba, giving the same words (tests/test_kb_text.py checks
    it against jieba) at about 18 times the speed, which the index build is bound by.
    """

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self.user_words = tuple(sorted(set(user_words) | set(config_user_words())))
        self._rj: rjieba.Jieba | None = None
        self._lexicon: Lexicon | None = None

    def _init(self) -> rjieba.Jieba:
        with self._lock:
            if self._rj is None:
                self._rj = _jieba_with(self.user_words)
            return self._rj

    def words(self, text: str) -> list[str]:
        """jieba's search-mode words of normalised text (long words plus their parts)."""
        rj = self._rj or self._init()
        return [w for w in rj.cut_for_search(text, True) if w.strip()]

    def cut(self, text: str) -> list[str]:
        """jieba's precise-mode words of normalised text."""
        rj = self._rj or self._init()
        return [w for w in rj.cut(text, False) if w.strip()]

    def known(self, word: str) -> bool:
        """True when jieba's dictionary (with the user words) has `word`."""
        rj = self._rj or self._init()
        return rj.has_word(word)

    def lexicon(self) -> Lexicon:
        """This tokenizer's table of words for indexing many texts at once (see lexicon.py)."""
        if self._lexicon is None:
            rj = self._rj or self._init()
            self._lexicon = Lexicon(rj.has_word, _sub_words)
        return self._lexicon

    def chunk_terms(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(text index, term id in lexicon()) of the terms of many normalised texts: what
        `terms` gives each of them, computed for all at once."""
        rj = self._rj or self._init()
        return self.lexicon().terms(lambda text: rj.cut(text, False), texts)

    def terms(self, text: str) -> list[str]:
        """Index terms of raw text: dictionary words (and the words inside long ones) without
        stop words and lone characters, plus character bigrams over stretches of short words
        around lone characters, where names and rare words hide (杨|阿妮 → 杨阿, 阿妮)."""
        rj = self._rj or self._init()
        stops = stop_words()
        out: list[str] = []
        run: list[str] = []
        for word in rj.cut(normalise(text), False):
            if not ("\u4e00" <= word[0] <= "\u9fff") or word in stops:
                if run:
                    out += _run_bigrams(run)
                    run = []
                if len(word) > 1 and word not in stops and not word.isspace():
                    out.append(word)
            elif len(word) > 2:
                if run:
                    out += _run_bigrams(run)
                    run = []
                out += _sub_words(word, rj.has_word)
                out.append(word)
            else:
                if len(word) == 2:
                    out.append(word)
                run.append(word)
        if run:
            out += _run_bigrams(run)
        return out


def _bigrams(text: str) -> list[str]:
    return [text[i:i + 2] for i in range(len(text) - 1)]


def _run_bigrams(run: list[str]) -> list[str]:
    """Bigrams across a stretch of short words that contains a lone character."""
    if len(run) < 2 or all(len(w) > 1 for w in run):
        return []
    return [b for b in _bigrams("".join(run)) if b not in run]


def _sub_words(word: str, known: Callable[[str], bool]) -> list[str]:
    """The dictionary words inside a long word, as jieba's search mode finds them."""
    out = [word[i:i + 2] for i in range(len(word) - 1) if known(word[i:i + 2])]
    if len(word) > 3:
        out += [word[i:i + 3] for i in range(len(word) - 2) if known(word[i:i + 3])]
    return out
