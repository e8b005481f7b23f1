"""Ordering ranked articles by time and place once relevance is known.

Employment news repeats: each year's programme, each city's job fair. Among articles that
answer about equally (near-twins) the newest leads, or the one of the year the question
names. A place the question names is a constraint: the list keeps to that province, and
when it has nothing the caller says so and offers national articles instead. A follower's
subscribed region is softer: its articles come first, the others stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from knowledge.index import REGION_CODE
from knowledge.query import ParsedQuery
from knowledge.ranking import CONFIDENT_COVERAGE, CONFIDENT_MARGIN, Ranked
from knowledge.regions import NATIONWIDE
from knowledge.when import When, years_of

YEAR_MATCH = 1.6  # an article of the year the question names
TWIN_TITLES = 55  # rapidfuzz ratio of two titles without their figures: the same story
TWIN_BAND = 0.55  # a twin this far below the leader still takes its place when newer
EQUAL_BAND = 0.9  # two articles this close answer "about equally", twins or not
TWIN_COVERAGE = 0.12  # twins answer the same share of the question
TWIN_APART = 120 * 86400.0  # seconds: a year's edition apart from the last one
TWIN_SPAN = 10  # how far down a newer twin may come from
TWIN_POSITIONS = 5  # the positions a follower sees (three, and two more for 更多)
TIME_SHARE = 0.15  # the weight of "when" in a question that names a year, beside its words
LOCAL_SHARE = 0.3  # a place's article must answer a good part of what the best one does,
LOCAL_ENOUGH = 0.1  # or a tenth of the question besides the place (a word, not a part of one)
PREFERRED_BAND = 0.6  # a subscribed region's article this close to the best comes first
_FIGURES = re.compile(r"[\d〇零一二三四五六七八九十百千万]+|[^\w]")
_NAMES = {code: name for name, code in REGION_CODE.items()}
NONE: frozenset[str] = frozenset()


@dataclass
class Arranged:
    """The ordered hits; `missing_place` names the question's province when it had none."""

    ranked: list[Ranked] = field(default_factory=list)
    missing_place: str | None = None
    places: dict[int, frozenset[str]] = field(default_factory=dict)  # by id(): names it has


def region_name(r: Ranked) -> str:
    """The article's region (全国 or a province)."""
    return _NAMES[int(r.segment.region[r.row])]


def keep_to_place(ranked: list[Ranked], q: ParsedQuery) -> tuple[list[Ranked], Arranged]:
    """The place constraint, on the whole pool before the no-answer rule: the province's
    articles, and any naming the place itself (an article of 福建 on 台湾青年创业 is about
    台湾 youth), that answer a fair part of the rest of the question (西藏 … 马兰花计划 is
    not answered by an article of 西藏 sharing only 计划).
    None: national articles, and `missing_place` says the place had none."""
    out = Arranged(places=_naming(ranked, [n for n, _ in q.places]) if q.places else {})
    if not q.region or q.region == NATIONWIDE or not ranked:
        return ranked, out
    mine = {n for n, where in q.places if where == q.region}
    bar = min(LOCAL_SHARE * max(r.topic for r in ranked), LOCAL_ENOUGH)
    local = [r for r in ranked if r.topic >= bar
             and (region_name(r) == q.region or out.places.get(id(r), frozenset()) & mine)]
    if local:
        return local, out
    out.missing_place = q.region
    return [r for r in ranked if region_name(r) == NATIONWIDE and r.topic >= bar], out


def arrange(ranked: list[Ranked], q: ParsedQuery, when: When, prefer: str | None = None,
            placed: Arranged | None = None) -> Arranged:
    """Year selection, then the newest of each group of twins, then the follower's region
    first; `placed` is what keep_to_place found."""
    out = placed or Arranged()
    if when.years:
        for r in ranked:
            if _years(r) & when.years:
                r.score *= YEAR_MATCH
        ranked.sort(key=lambda r: r.score, reverse=True)
    ranked = _twins_newest_first(ranked, out.places, when)
    if prefer and prefer != NATIONWIDE and not q.region and ranked:
        floor = ranked[0].score * PREFERRED_BAND
        first = [r for r in ranked if region_name(r) == prefer and r.score >= floor]
        ranked = first + [r for r in ranked if r not in first]
    out.ranked = ranked
    return out


def _twins_newest_first(ranked: list[Ranked], places: dict[int, frozenset[str]],
                        when: When) -> list[Ranked]:
    """At each of the first positions, the preferred one of the leader's near-equals (among
    the first TWIN_SPAN) takes its place; twins name the same places of the question."""
    head_part, tail = list(ranked[:TWIN_SPAN]), ranked[TWIN_SPAN:]
    keys = {id(r): _key(r, when) for r in head_part}
    for i in range(min(TWIN_POSITIONS, len(head_part))):
        head = head_part[i]
        best = i
        for j in range(i + 1, len(head_part)):
            r = head_part[j]
            if r.score >= TWIN_BAND * head.score and keys[id(r)] > keys[id(head_part[best])] \
                    and places.get(id(r), NONE) == places.get(id(head), NONE) \
                    and (_equal(head, r) or twins(head, r)):
                best = j
        if best != i:
            head_part.insert(i, head_part.pop(best))
    return head_part + tail


def _equal(head: Ranked, r: Ranked) -> bool:
    """`r` answers about as well as `head`, twins or not: as high a score, within 10%, and
    none of the question's concepts fewer (else the words that differ decide)."""
    return r.score >= EQUAL_BAND * head.score and r.coverage >= head.coverage - 0.01


def twins(a: Ranked, b: Ranked) -> bool:
    """The same story in another year or city: similar titles, the same share answered, and
    months apart or from another province (三个培训班 opening the same week are three stories)."""
    if abs(a.coverage - b.coverage) > TWIN_COVERAGE:
        return False
    apart = abs(float(a.segment.ts[a.row]) - float(b.segment.ts[b.row])) >= TWIN_APART
    if not apart and region_name(a) == region_name(b):
        return False
    return fuzz.ratio(_bare(a.segment.titles[a.row]), _bare(b.segment.titles[b.row])) \
        >= TWIN_TITLES


@lru_cache(maxsize=8192)
def _bare(title: str) -> str:
    """A title without figures and punctuation: 2024年… and 2025年… read alike."""
    return _FIGURES.sub("", title)


def _key(r: Ranked, when: When) -> tuple:
    """What decides among twins: the year asked for, then the newest."""
    asked = bool(when.years and _years(r) & when.years)
    return asked, float(r.segment.ts[r.row])


def _years(r: Ranked) -> set[int]:
    published = datetime.fromtimestamp(float(r.segment.ts[r.row])).year
    return years_of(published, r.segment.titles[r.row])


def _naming(ranked: list[Ranked], names: list[str]) -> dict[int, frozenset[str]]:
    """For each article (by id()), which of the place `names` it contains; one vectorised
    lookup per name and segment, not one per article."""
    found: dict[int, set[str]] = {id(r): set() for r in ranked}
    for seg in {id(r.segment): r.segment for r in ranked}.values():
        mine = [r for r in ranked if r.segment is seg]
        rows = np.fromiter((r.row for r in mine), dtype=np.int64, count=len(mine))
        for name in names:
            hit = seg.posting(name)
            if hit is None or not len(hit[0]):
                continue
            postings = hit[0]
            at = np.minimum(np.searchsorted(postings, rows), len(postings) - 1)
            for r, present in zip(mine, postings[at] == rows, strict=True):
                if present:
                    found[id(r)].add(name)
    return {key: frozenset(v) for key, v in found.items()}


def weigh_time(ranked: list[Ranked], when: When) -> None:
    """A question naming a year is answered in part by the date: an article of another
    year covers less of it (so 今年养老金涨多少 is not answered by an old article alone)."""
    if not when.years:
        return
    for r in ranked:
        asked = 1.0 if _years(r) & when.years else 0.0
        r.coverage = (r.coverage + TIME_SHARE * asked) / (1.0 + TIME_SHARE)
        r.topic = (r.topic + TIME_SHARE * asked) / (1.0 + TIME_SHARE)


def clear_winner(ranked: list[Ranked]) -> bool:
    """The first article clearly answers: it covers the question and stands well above
    every other article that is not one of its twins (older twins do not make it unsure)."""
    if not ranked or ranked[0].coverage < CONFIDENT_COVERAGE:
        return False
    first = ranked[0]
    bar = first.score / CONFIDENT_MARGIN  # only an article above this can make it unsure
    return not any(r.score > bar and not twins(first, r) for r in ranked[1:])
