"""Turning a follower's question into weighted concept groups the ranker can score.

Each word of the question becomes a group of alternatives: the word itself, its parts when
the index only knows the parts, a typo correction, synonyms from config/synonyms.txt, or the
character bigrams of a name that jieba cut differently in the article. Stop words and lone
function characters are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from knowledge.fuzzy import Corrector
from knowledge.normal import normalise
from knowledge.regions import mentions, region_of
from knowledge.text import Tokenizer
from knowledge.typofix import fix_phrases
from knowledge.wordlists import drop_framing, function_words, stop_words, synonyms, weak_words

SYNONYM_WEIGHT = 0.7
PART_WEIGHT = 0.8
SPLIT_WEIGHT = 0.5  # the parts of a compound the index knows whole
WEAK_WEIGHT = 0.5
_CJK = re.compile(r"[\u4e00-\u9fff]")
# 多不多 / 高不高 / 给没给: the question's form, not a word an article must hold
_A_NOT_A = re.compile(r"(.)[不没]\1")


@dataclass
class Alt:
    """One way to match a concept: all of `terms` (their scores add up), scaled by `weight`."""

    terms: list[str]
    weight: float = 1.0
    mean: bool = False  # score the parts' mean, not their sum (a compound's own parts)


@dataclass
class Group:
    """One concept of the query; the best of its alternatives counts."""

    label: str
    alts: list[Alt] = field(default_factory=list)
    province: str | None = None  # a place name: the article's region also satisfies it
    note: str = ""  # a correction or expansion, shown in `why`
    weight: float = 1.0  # share of the question's topic (verbs and time words carry less)

    @property
    def known(self) -> bool:
        """False when nothing of this concept is in the index."""
        return bool(self.alts)

    @property
    def terms(self) -> list[str]:
        """Every term of every alternative."""
        return [t for alt in self.alts for t in alt.terms]


@dataclass
class ParsedQuery:
    """What the ranker needs from a query."""

    text: str
    region: str | None
    groups: list[Group]
    corrections: dict[str, str]
    places: list[tuple[str, str]] = field(default_factory=list)  # (name, province) named


def parse(query: str, tok: Tokenizer, in_vocab: Callable[[str], bool],
          corrector: Corrector | None,
          extra: Mapping[str, tuple[str, ...]] | None = None) -> ParsedQuery:
    """Normalise, drop conversational framing, segment, drop stop words, then resolve each
    word against the vocabulary; `extra` holds the editors' synonyms (kb synonym add)."""
    text = drop_framing(normalise(query))
    corrections: dict[str, str] = {}
    if corrector is not None:
        text, words = fix_phrases(text, tok, in_vocab, corrector, corrections)
    else:
        words = tok.cut(text)
    named = mentions(text, words)
    places = dict(named)
    stops = stop_words()
    groups: dict[str, Group] = {}
    stretch: list[str] = []  # short words around lone characters: maybe a name

    def close_stretch() -> None:
        singles = [w for w in stretch if len(w) == 1]
        if len(stretch) >= 2 and singles:
            _fix_runs(stretch, corrector, groups, corrections)
            # A lone character that is a function word (后, 上, 给) is not part of a name.
            if not function_words().intersection(singles):
                _name_group(stretch, in_vocab, groups)
        stretch.clear()

    for word in words:
        if word in stops or not _CJK.match(word) and len(word) < 2 or _A_NOT_A.fullmatch(word):
            close_stretch()
            continue
        if len(word) <= 2 and _CJK.match(word):
            stretch.append(word)
        else:
            close_stretch()
        if len(word) >= 2 and word not in groups:
            group = _resolve(word, tok, in_vocab, corrector, extra)
            if word in places:
                group.province = places[word]
                if not in_vocab(word):
                    group.alts = []  # a place name is never "corrected" into another
            if group.note.startswith("纠错"):
                corrections[word] = group.alts[0].terms[0]
            if word in weak_words():
                group.weight = WEAK_WEIGHT
            groups[word] = group
    close_stretch()
    if extra:
        _editor_words(text, extra, in_vocab, groups)
    return ParsedQuery(text=text, region=region_of(named), groups=list(groups.values()),
                       corrections=corrections, places=named)


def _resolve(word: str, tok: Tokenizer, in_vocab, corrector: Corrector | None,
             extra: Mapping[str, tuple[str, ...]] | None = None) -> Group:
    group = Group(label=word)
    if in_vocab(word):
        group.alts.append(Alt([word]))
        if len(word) >= 4:  # 就业补贴 also half-matches an article saying 就业 … 补贴
            parts = [p for p in tok.words(word) if p != word and len(p) > 1 and in_vocab(p)]
            if parts:
                group.alts.append(Alt(parts, SPLIT_WEIGHT, mean=True))
    else:
        parts = [p for p in tok.words(word) if p != word and len(p) > 1 and in_vocab(p)]
        grams = [word[i:i + 2] for i in range(len(word) - 1)]
        if parts:
            covered = len({i for p in parts for s in _spans(word, p) for i in s})
            group.alts.append(Alt(parts, PART_WEIGHT * (covered / len(word)) ** 2))
            group.note = "拆分：" + "+".join(parts)
        elif len(word) >= 3 and not tok.known(word) and all(in_vocab(g) for g in grams):
            group.alts.append(Alt(grams, PART_WEIGHT))  # a name jieba cut differently
        elif corrector is not None and not tok.known(word):
            fixed = corrector.correct(word, lookalike=True)  # non-words only: never 明天
            if fixed is not None:
                group.alts.append(Alt([fixed[0]], fixed[1]))
                group.note = f"纠错：{word}→{fixed[0]}"
    for syn in synonyms().get(word, ()) + (extra or {}).get(word, ()):
        if in_vocab(syn) and all(alt.terms != [syn] for alt in group.alts):
            group.alts.append(Alt([syn], SYNONYM_WEIGHT))
    return group


def _editor_words(text: str, extra: Mapping[str, tuple[str, ...]], in_vocab,
                  groups: dict[str, Group]) -> None:
    """An editor's word jieba cut up (日结 → 日|结) is still found in the question, and
    replaces its pieces."""
    for word, meanings in extra.items():
        if len(word) < 2 or word in groups or word not in text:
            continue
        alts = [Alt([word])] if in_vocab(word) else []
        alts += [Alt([m], SYNONYM_WEIGHT) for m in meanings if in_vocab(m)]
        for piece in [label for label in groups if label in word]:
            groups.pop(piece)
        groups[word] = Group(word, alts, note="同义：" + "/".join(meanings))


def _spans(word: str, part: str) -> list[range]:
    """Where `part` occurs in `word`."""
    out, at = [], word.find(part)
    while at >= 0:
        out.append(range(at, at + len(part)))
        at = word.find(part, at + 1)
    return out


def _fix_runs(stretch: list[str], corrector: Corrector | None, groups: dict[str, Group],
              corrections: dict[str, str]) -> None:
    """Lone characters side by side are often a typo of a word (就叶 → 就业, 补帖 → 补贴)."""
    run = ""
    for word in [*stretch, ""]:
        if len(word) == 1:
            run += word
            continue
        if len(run) >= 2 and corrector is not None and run not in groups:
            fixed = corrector.correct(run, lookalike=True)
            if fixed is not None:
                note = f"纠错：{run}→{fixed[0]}"
                groups[run] = Group(run, [Alt([fixed[0]], fixed[1])], note=note)
                corrections[run] = fixed[0]
        run = ""


def _name_group(stretch: list[str], in_vocab, groups: dict[str, Group]) -> None:
    """Short words around lone characters may be a name jieba cut up (林宜|萱)."""
    chunk = "".join(stretch)
    new = [chunk[i:i + 2] for i in range(len(chunk) - 1)]
    new = [g for g in new if g not in stretch]
    if new and chunk not in groups and all(in_vocab(g) for g in new):
        for w in stretch:
            groups.pop(w, None)  # the name's pieces are not concepts of their own
        groups[chunk] = Group(chunk, [Alt(new, PART_WEIGHT)], note="名称：" + chunk)
