"""Matching short texts by meaning: key words as a fast path, rapidfuzz over example sentences.

A `Sense` is anything with example sentences and key-word rules: an intent of
config/meaning.toml or a service answer (FAQ). A rule is groups joined by "+", each group
alternatives joined by "|": "工资|工钱+不给|拖欠" holds when the text has one word of every
group. All rule words of all senses go into one Aho-Corasick automaton, so a message is
scanned once whatever the number of senses; the examples are made plain and segmented once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import ahocorasick
from rapidfuzz import fuzz, process

from knowledge.plain import plain
from knowledge.text import Tokenizer

WORD_SCORE = 90.0  # a rule hit scores 90-100, by how much of the text its words cover
DEFAULT_CUTOFF = 82.0
EXAMPLE_FLOOR = 60  # an example scoring under this is not worth keeping
# fuzz.ratio is at most 2·min/(a+b) of the lengths, so an example scores EXAMPLE_FLOOR only
# when its length is within this factor of the text's either way (60: 7/3).
_SPAN = 2.0 * 100 / EXAMPLE_FLOOR - 1.0


class _ByLength:
    """Example strings sorted by length, so a text is compared only with the examples long
    enough and short enough to reach the floor (the same results, far fewer comparisons)."""

    def __init__(self, items: list[str]) -> None:
        order = sorted(range(len(items)), key=lambda i: len(items[i]))
        self.lengths = [len(items[i]) for i in order]
        self.items = [items[i] for i in order]
        self.index = order

    def near(self, length: int) -> tuple[list[str], list[int]]:
        """The examples that can score the floor against a text of `length`, and where
        each stands in the original list."""
        lo = bisect_left(self.lengths, length / _SPAN - 1)
        hi = bisect_right(self.lengths, length * _SPAN + 1)
        return self.items[lo:hi], self.index[lo:hi]


@cache
def shared_tokenizer() -> Tokenizer:
    """One process-wide tokenizer (config user words included) for every matcher."""
    return Tokenizer()


@dataclass(frozen=True)
class SenseSpec:
    """What one sense is recognised by."""

    name: str
    rules: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # rules that, when they hold, rule this sense out
    max_rest: int | None = None  # characters a rule hit may leave unexplained (None: any)
    lenient: bool = False  # the matcher's neutral words do not count towards max_rest
    cutoff: float = DEFAULT_CUTOFF


@dataclass(frozen=True)
class Found:
    """One sense a text matched, with its score (0-100) and how ('words' or the example)."""

    name: str
    score: float
    how: str


@dataclass
class _Rule:
    owner: int
    groups: list[frozenset[str]]
    negative: bool = False


@dataclass
class SenseMatcher:
    """Compiled matcher over many senses; build once, call `find` per message."""

    specs: list[SenseSpec]
    tokenizer: Tokenizer = field(default_factory=shared_tokenizer)
    # Words that never make a message about something else (我, 你们, 的, 能, 不): a rule
    # hit of a lenient sense may leave them beyond its `max_rest` (你们只管湖北的吗 我在新疆能用不).
    neutral: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self._rules: list[_Rule] = []
        words: set[str] = set()
        for i, spec in enumerate(self.specs):
            rules = [(r, False) for r in spec.rules] + [(r, True) for r in spec.exclude]
            for text, negative in rules:
                groups = [frozenset(filter(None, (plain(w) for w in g.split("|"))))
                          for g in text.split("+")]
                groups = [g for g in groups if g]
                if groups:
                    self._rules.append(_Rule(i, groups, negative))
                    words.update(*groups)
        # A rule needs a word of every group, so only rules with a hit in their smallest
        # group can hold: a message looks at those, not at every rule.
        self._rules_of: dict[str, list[int]] = {}
        for r, rule in enumerate(self._rules):
            for w in min(rule.groups, key=len):
                self._rules_of.setdefault(w, []).append(r)
        self._auto = ahocorasick.Automaton()
        for w in words:
            self._auto.add_word(w, w)
        if words:
            self._auto.make_automaton()
        self._has_words = bool(words)
        self._neutral = frozenset(filter(None, (plain(w) for w in self.neutral)))
        self._owners: list[int] = []
        self._examples: list[str] = []
        self._tokens: list[str] = []
        for i, spec in enumerate(self.specs):
            for ex in spec.examples:
                p = plain(ex)
                if p:
                    self._owners.append(i)
                    self._examples.append(p)
                    self._tokens.append(self._sorted_words(p))
        self._plain_pool, self._token_pool = _ByLength(self._examples), _ByLength(self._tokens)

    def _sorted_words(self, text: str) -> str:
        return " ".join(sorted(self.tokenizer.cut(text)))

    def find(self, text: str, already_plain: bool = False) -> list[Found]:
        """Every sense the text matches, best first (at most one entry per sense)."""
        s = text if already_plain else plain(text)
        if not s:
            return []
        best: dict[int, Found] = {}
        excluded: set[int] = set()
        hits = self._words_in(s)
        maybe = sorted({r for w in hits for r in self._rules_of.get(w, ())})
        neutral: set[str] | None = None  # worked out for the first long hit only
        for rule in map(self._rules.__getitem__, maybe):  # in order: ties go to the first
            matched = [g & hits for g in rule.groups]
            if not all(matched):
                continue
            if rule.negative:
                excluded.add(rule.owner)
                continue
            spec = self.specs[rule.owner]
            words = set().union(*matched)
            used = _covered(s, words)
            if spec.max_rest is not None and len(s) - used > spec.max_rest:
                if not spec.lenient:
                    continue
                if neutral is None:
                    neutral = {w for w in self._neutral if w in s}
                if len(s) - _covered(s, words | neutral) > spec.max_rest:
                    continue
            score = WORD_SCORE + 10.0 * used / len(s)
            _keep(best, rule.owner, Found(spec.name, score, "words"))
        for i, found in self._by_examples(s):
            _keep(best, i, found)
        # Ties go to the sense listed first (config order is the editor's precedence).
        return [f for i, f in sorted(best.items(), key=lambda kv: (-kv[1].score, kv[0]))
                if i not in excluded]

    def _words_in(self, s: str) -> set[str]:
        if not self._has_words:
            return set()
        return {w for end, w in self._auto.iter(s) if not _inside_number(s, end, w)}

    def _by_examples(self, s: str) -> Iterable[tuple[int, Found]]:
        if not self._examples:
            return
        scored: dict[int, float] = {}
        for pool, query, scorer in ((self._plain_pool, s, fuzz.ratio),
                                    (self._token_pool, None, fuzz.token_sort_ratio)):
            if query is None:
                query = self._sorted_words(s)
            items, index = pool.near(len(query))
            if not items:
                continue
            for _, score, k in process.extract(query, items, scorer=scorer, limit=8,
                                               score_cutoff=EXAMPLE_FLOOR):
                j = index[k]
                scored[j] = max(scored.get(j, 0.0), score)
        for j, score in scored.items():
            spec = self.specs[self._owners[j]]
            if score >= spec.cutoff:
                yield self._owners[j], Found(spec.name, float(score), self._examples[j])


def _inside_number(s: str, end: int, w: str) -> bool:
    """A rule word that is a number of one or two digits (an age, 48了 in plain form) holds
    only as a whole number: not in 工资4800. Longer ones (400, 12333) may run into the next
    number, as plain text drops the spaces between them."""
    if not (w.isdigit() and len(w) <= 2):
        return False
    start = end - len(w) + 1
    return (start > 0 and s[start - 1].isdigit()) or (end + 1 < len(s) and s[end + 1].isdigit())


def _keep(best: dict[int, Found], i: int, found: Found) -> None:
    if i not in best or found.score > best[i].score:
        best[i] = found


def _covered(s: str, words: set[str]) -> int:
    """How many characters of `s` the words cover (overlaps counted once)."""
    mask = bytearray(len(s))
    for w in words:
        at = s.find(w)
        while at >= 0:
            mask[at:at + len(w)] = b"\x01" * len(w)
            at = s.find(w, at + 1)
    return sum(mask)
