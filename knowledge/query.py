"""Turning a follower's question into weighted concept groups the ranker can score."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from config.texts import CONFIG_DIR
from knowledge.fuzzy import Corrector
from knowledge.regions import find_region, mentions
from knowledge.text import Tokenizer, normalise

SYNONYM_WEIGHT = 0.7
PART_WEIGHT = 0.8


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Word → its synonyms, from config/synonyms.txt (one group a line)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in (CONFIG_DIR / "synonyms.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0]
        group = [normalise(w) for w in line.split() if w]
        for word in group:
            table[word] = tuple(w for w in group if w != word)
    return table


@dataclass
class Group:
    """One concept of the query: its alternative terms with weights (max of them counts)."""

    label: str
    terms: list[tuple[str, float]] = field(default_factory=list)
    province: str | None = None  # set for a place name: the region field also satisfies it
    note: str = ""  # a correction or expansion, shown in `why`

    @property
    def known(self) -> bool:
        """False when nothing of this concept is in the index."""
        return bool(self.terms)


@dataclass
class ParsedQuery:
    """What the ranker needs from a query."""

    text: str
    region: str | None
    groups: list[Group]
    corrections: dict[str, str]


def parse(query: str, tok: Tokenizer, in_vocab, corrector: Corrector | None) -> ParsedQuery:
    """Normalise, segment, drop stop words, then resolve each word against the vocabulary."""
    text = normalise(query)
    places = dict(mentions(text))
    words, leftovers = tok.query_terms(text)
    groups: list[Group] = []
    corrections: dict[str, str] = {}
    seen: set[str] = set()
    for word in words + leftovers:
        if word in seen:
            continue
        seen.add(word)
        group = _resolve(word, tok, in_vocab, corrector)
        if word in places:
            group.province = places[word]
        if group.note.startswith("纠错"):
            corrections[word] = group.terms[0][0]
        groups.append(group)
    return ParsedQuery(text=text, region=find_region(text), groups=groups,
                       corrections=corrections)


def _resolve(word: str, tok: Tokenizer, in_vocab, corrector: Corrector | None) -> Group:
    group = Group(label=word)
    if in_vocab(word):
        group.terms.append((word, 1.0))
    else:
        parts = [p for p in tok.words(word) if p != word and len(p) > 1 and in_vocab(p)]
        if parts and sum(len(p) for p in parts) >= len(word):
            group.terms += [(p, PART_WEIGHT) for p in parts]
            group.note = "拆分：" + "+".join(parts)
        elif corrector is not None:
            fixed = corrector.correct(word)
            if fixed is not None:
                group.terms.append((fixed[0], fixed[1]))
                group.note = f"纠错：{word}→{fixed[0]}"
    for syn in synonyms().get(word, ()):
        if in_vocab(syn) and all(syn != t for t, _ in group.terms):
            group.terms.append((syn, SYNONYM_WEIGHT))
    return group
