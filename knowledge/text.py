"""Text normalisation and jieba tokenisation shared by the index build and the queries."""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import jieba
import zhconv

from config.texts import CONFIG_DIR

log = logging.getLogger(__name__)

_PUNCT = re.compile(r"[^\w\u4e00-\u9fff]+|_+", re.UNICODE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUOTED = re.compile(r"[“\"「『《]([\u4e00-\u9fffA-Za-z0-9]{2,8})[”\"」』》]")
USER_WORD_FREQ = 200_000  # high enough that jieba keeps a user word whole


@cache
def _traditional_chars() -> frozenset[str]:
    """Characters zhconv rewrites on the way to Simplified (so plain text skips zhconv)."""
    zhconv.convert("", "zh-cn")  # loads zhconv's tables
    table = zhconv.zhconv.zhcdicts["zh2Hans"]
    return frozenset(k for k, v in table.items() if len(k) == 1 and k != v)


WEAK_TAGS = frozenset({"v", "vd", "vi", "vg", "d", "dg", "a", "ad", "ag", "c", "p", "r", "m",
                       "q", "u", "t", "tg", "f", "l", "i", "z", "y", "e", "o"})
FUNCTION_TAGS = frozenset({"f", "p", "u", "c", "d", "r", "m", "q", "y", "e", "o", "ul", "uj"})


@cache
def _jieba_tags() -> dict[str, str]:
    from importlib import resources

    text = resources.files("jieba").joinpath("dict.txt").read_text("utf-8")
    tags = {}
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and (parts[2] in WEAK_TAGS or parts[2] in FUNCTION_TAGS):
            tags[parts[0]] = parts[2]
    return tags


@cache
def weak_words() -> frozenset[str]:
    """Words jieba's dictionary tags as verbs, adverbs, time words …: in a question they
    carry less of its topic than nouns and names do."""
    return frozenset(w for w, t in _jieba_tags().items() if t in WEAK_TAGS)


@cache
def function_words() -> frozenset[str]:
    """Function words (后, 在, 的, 都 …): never part of a name."""
    return frozenset(w for w, t in _jieba_tags().items() if t in FUNCTION_TAGS)


@cache
def stop_words() -> frozenset[str]:
    """The editable stop-word list of config/stopwords.txt."""
    path = CONFIG_DIR / "stopwords.txt"
    words = set()
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(normalise(line))
    return frozenset(words)


@cache
def config_user_words() -> tuple[str, ...]:
    """Domain words an editor keeps in config/userdict.txt (one a line)."""
    path = CONFIG_DIR / "userdict.txt"
    if not path.exists():
        return ()
    words = []
    for line in path.read_text("utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(normalise(word.split()[0]))
    return tuple(words)


def normalise(text: str) -> str:
    """NFKC (full/half width), 繁体 → 简体, lower case, punctuation → single spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    if not _traditional_chars().isdisjoint(text):
        text = zhconv.convert(text, "zh-cn")
    text = text.lower()
    return " ".join(_PUNCT.sub(" ", text).split())


def quoted_names(text: str) -> list[str]:
    """Programme and brand names in Chinese quotes: “马兰花计划” → 马兰花计划."""
    return _QUOTED.findall(text or "")


def user_words_of(titles_keywords_bodies: Iterable[tuple[str, list[str], str]]) -> list[str]:
    """The corpus part of the jieba user dictionary: keywords and quoted names."""
    words: set[str] = set()
    for _title, keywords, body in titles_keywords_bodies:
        for word in keywords:
            word = normalise(word).replace(" ", "")
            if 2 <= len(word) <= 8 and _CJK.search(word):
                words.add(word)
        for word in quoted_names(body) + quoted_names(_title):
            word = normalise(word).replace(" ", "")
            if 2 <= len(word) <= 8:
                words.add(word)
    return sorted(words)


_pristine_lock = threading.Lock()
_pristine_tok: jieba.Tokenizer | None = None


def _pristine(tmp_dir: str | None) -> jieba.Tokenizer:
    """jieba's main dictionary, loaded once per process (its cache file under `tmp_dir`)."""
    global _pristine_tok
    with _pristine_lock:
        if _pristine_tok is None:
            tok = jieba.Tokenizer()
            tok.tmp_dir = tmp_dir
            tok.initialize()
            _pristine_tok = tok
        return _pristine_tok


class Tokenizer:
    """A private jieba tokenizer with the user dictionary of one index version."""

    def __init__(self, user_words: Iterable[str] = (), cache_dir: Path | None = None) -> None:
        self._jieba = jieba.Tokenizer()
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            self._jieba.tmp_dir = str(cache_dir)  # jieba's prefix-dict cache survives restarts
        self._lock = threading.Lock()
        self.user_words = tuple(sorted(set(user_words) | set(config_user_words())))
        self._ready = False

    def _init(self) -> None:
        with self._lock:
            if self._ready:
                return
            # Loading jieba's main dictionary costs ~0.5 s; do it once per process and give
            # each tokenizer its own copy to add user words to.
            base = _pristine(self._jieba.tmp_dir)
            self._jieba.FREQ = dict(base.FREQ)
            self._jieba.total = base.total
            self._jieba.initialized = True
            for word in self.user_words:
                self._jieba.add_word(word, USER_WORD_FREQ)
            self._ready = True

    def words(self, text: str) -> list[str]:
        """jieba's search-mode words of normalised text (long words plus their parts)."""
        if not self._ready:
            self._init()
        return [w for w in self._jieba.lcut_for_search(text) if w.strip()]

    def cut(self, text: str) -> list[str]:
        """jieba's precise-mode words of normalised text."""
        if not self._ready:
            self._init()
        return [w for w in self._jieba.lcut(text, HMM=False) if w.strip()]

    def known(self, word: str) -> bool:
        """True when jieba's dictionary (with the user words) has `word`."""
        if not self._ready:
            self._init()
        return bool(self._jieba.FREQ.get(word))

    def terms(self, text: str) -> list[str]:
        """Index terms of raw text: dictionary words (and the words inside long ones) without
        stop words and lone characters, plus character bigrams over stretches of short words
        around lone characters, where names and rare words hide (杨|阿妮 → 杨阿, 阿妮)."""
        if not self._ready:
            self._init()
        stops = stop_words()
        freq = self._jieba.FREQ
        out: list[str] = []
        run: list[str] = []
        for word in self._jieba.lcut(normalise(text), HMM=False):
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
                out += _sub_words(word, freq)
                out.append(word)
            else:
                if len(word) == 2:
                    out.append(word)
                run.append(word)
        if run:
            out += _run_bigrams(run)
        return out

    def entity_bigrams(self, chunk: str) -> list[str]:
        """Bigrams a query chunk shares with the index's fallback channel."""
        return _bigrams(chunk)



def _bigrams(text: str) -> list[str]:
    return [text[i:i + 2] for i in range(len(text) - 1)]


def _run_bigrams(run: list[str]) -> list[str]:
    """Bigrams across a stretch of short words that contains a lone character."""
    if len(run) < 2 or all(len(w) > 1 for w in run):
        return []
    return [b for b in _bigrams("".join(run)) if b not in run]


def _sub_words(word: str, freq: dict) -> list[str]:
    """The dictionary words inside a long word, as jieba's search mode finds them."""
    out = [word[i:i + 2] for i in range(len(word) - 1) if freq.get(word[i:i + 2])]
    if len(word) > 3:
        out += [word[i:i + 3] for i in range(len(word) - 2) if freq.get(word[i:i + 3])]
    return out
