"""Follower text made plain for matching by meaning: no punctuation, emoji, fillers or typos.

The word lists live in `config/meaning.toml` ([plain]) so editors can extend them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from config.texts import meaning_table
from knowledge.normal import normalise

_SPACE = re.compile(r"\s+")
_STICKER = re.compile(r"\[[^\[\]\s]{1,6}\]")  # WeChat sticker codes as text: [抱拳] [流泪] [强]
MIN_LEFT = 2  # fillers go only while two characters stay: 在吗 stays 在吗, 好了 stays 好了


@dataclass(frozen=True)
class Plainer:
    """Compiled once from [plain]: typo fixes, then leading fillers and trailing particles."""

    typos: ahocorasick.Automaton | None
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    drop: re.Pattern | None = None

    def __call__(self, text: str) -> str:
        """'请问，老板拖欠公资怎么办啊？？😭' -> '老板拖欠工资怎么办'."""
        s = _SPACE.sub("", normalise(_STICKER.sub(" ", text)))
        if self.typos is not None and s:
            s = _fix(s, self.typos)
        if self.drop is not None:
            s = self.drop.sub("", s) or s
        changed = True
        while changed and s:
            changed = False
            for p in self.prefixes:
                if s.startswith(p) and len(s) - len(p) >= MIN_LEFT:
                    s, changed = s[len(p):], True
            for x in self.suffixes:
                if s.endswith(x) and len(s) - len(x) >= MIN_LEFT:
                    s, changed = s[: -len(x)], True
        return s


def _fix(s: str, typos: ahocorasick.Automaton) -> str:
    """Replace every typo (longest first, left to right, never overlapping)."""
    out, at = [], 0
    spans = sorted(((end + 1 - len(w), end + 1, right) for end, (w, right) in typos.iter(s)),
                   key=lambda t: (t[0], -t[1]))
    for start, end, right in spans:
        if start >= at:
            out.append(s[at:start])
            out.append(right)
            at = end
    out.append(s[at:])
    return "".join(out)


@cache
def plainer() -> Plainer:
    """The process-wide Plainer built from config/meaning.toml."""
    table = meaning_table("plain")
    typos = None
    pairs = {_key(k): _key(v) for k, v in table.get("typos", {}).items() if _key(k)}
    if pairs:
        typos = ahocorasick.Automaton()
        for wrong, right in pairs.items():
            typos.add_word(wrong, (wrong, right))
        typos.make_automaton()
    by_length = lambda words: tuple(sorted({_key(w) for w in words if _key(w)},  # noqa: E731
                                           key=len, reverse=True))
    drop = by_length(table.get("drop", ()))
    pattern = re.compile("|".join(map(re.escape, drop))) if drop else None
    return Plainer(typos, by_length(table.get("prefixes", ())),
                   by_length(table.get("suffixes", ())), pattern)


def plain(text: str) -> str:
    """The follower's words made plain (see Plainer)."""
    return plainer()(text)


def _key(word: str) -> str:
    return _SPACE.sub("", normalise(word))
