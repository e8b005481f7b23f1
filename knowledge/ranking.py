"""Scoring a parsed query over the index segments: BM25F, coverage, region and recency.

Each concept group of the query contributes the best of its alternative terms. Besides the
BM25F score we track *coverage*: the idf-weighted share of the query's concepts a document
matches. Words the index has never seen count against coverage with the weight of the
rarest word, which is what lets "明天天气怎么样" or "公积金贷款首付" get no answer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from knowledge.explain import explain
from knowledge.index import REGION_CODE, Segment
from knowledge.query import Group, ParsedQuery
from knowledge.regions import NATIONWIDE

QUERY_REGION_BOOST = 0.35  # the query names the article's province
PREFERRED_REGION_BOOST = 0.08  # the follower's subscribed region: a mild signal
NATIONWIDE_REGION_CREDIT = 0.5  # a 全国 article half-satisfies a place in the query
RECENCY_BOOST = 0.08
RECENCY_DAYS = 365.0
TITLE_BOOST = 0.4
RERANK_POOL = 30
RARE = 0.8  # terms with an idf this close to the rarest word's count in full on any match
FULL_MATCH = 0.6  # a saturated term weight at which a match counts in full for coverage
MIN_COVERAGE = 0.35  # calibrated on the bundled query set (tests/test_search_quality.py)
MIN_SCORE = 0.5
CONFIDENT_COVERAGE = 0.85
CONFIDENT_MARGIN = 1.5


@dataclass
class Ranked:
    """One candidate with its signals."""

    segment: Segment
    row: int
    score: float
    coverage: float
    why: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The article id."""
        return self.segment.ids[self.row]


class Ranker:
    """Scores queries over a base segment (minus replaced rows) plus an optional delta."""

    def __init__(self, base: Segment, delta: Segment | None = None,
                 dead: set[str] | frozenset[str] = frozenset()) -> None:
        self.base = base
        self.delta = delta
        self.segments = [s for s in (base, delta) if s is not None and len(s)]
        self.alive: dict[int, np.ndarray] = {}
        for seg in self.segments:
            mask = np.ones(len(seg), dtype=np.float32)
            if seg is base:
                for doc_id in dead:
                    row = base.row_of.get(doc_id)
                    if row is not None:
                        mask[row] = 0.0
            self.alive[id(seg)] = mask
        self.n_docs = max(1, int(sum(float(m.sum()) for m in self.alive.values())))
        self.newest = max((float(s.ts.max()) for s in self.segments), default=0.0)
        # Per-document constant factors, computed once per index version, not per query:
        # liveness times recency (newer articles win ties, at most +8% over a year).
        self.prior: dict[int, np.ndarray] = {}
        for seg in self.segments:
            age_days = np.maximum(self.newest - np.asarray(seg.ts), 0.0) / 86400.0
            recency = 1.0 + RECENCY_BOOST * np.exp(-age_days / RECENCY_DAYS)
            self.prior[id(seg)] = (self.alive[id(seg)] * recency).astype(np.float32)

    def doc_freq(self, term: str) -> int:
        """Documents containing `term` over all segments."""
        return sum(s.doc_freq(term) for s in self.segments)

    def in_vocab(self, term: str) -> bool:
        """True when some document contains `term`."""
        return any(term in s.term_id for s in self.segments)

    def idf(self, df: float) -> float:
        """Okapi idf, never negative."""
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))

    def rank(self, q: ParsedQuery, prefer: str | None = None, pool: int = 20) -> list[Ranked]:
        """Candidates best first (at most `pool`), each with score and coverage."""
        if not q.groups or not self.segments:
            return []
        weights = [self._group_idf(g) * g.weight for g in q.groups]
        total = sum(weights) or 1.0
        found: list[Ranked] = []
        for seg in self.segments:
            found += self._rank_segment(seg, q, weights, total, prefer)
        found.sort(key=lambda r: r.score, reverse=True)
        return self._rerank(found[:RERANK_POOL], q)[:pool]

    def _group_idf(self, g: Group) -> float:
        if not g.known:
            return self.idf(1.0)  # unseen words weigh like the rarest word
        main = g.alts[0]  # the word itself (or its parts, or its correction), not a synonym
        return sum(self.idf(self.doc_freq(t)) for t in main.terms) / len(main.terms)

    def _rank_segment(self, seg: Segment, q: ParsedQuery, weights: list[float], total: float,
                      prefer: str | None) -> list[Ranked]:
        n = len(seg)
        score = np.zeros(n, dtype=np.float32)
        cover = np.zeros(n, dtype=np.float32)
        for g, g_idf in zip(q.groups, weights, strict=True):
            if not g.known and g.province is None:
                continue
            if g.province is None and len(g.alts) == 1 and len(g.alts[0].terms) == 1:
                # the common case: one word, no alternatives; its rows are unique, so add
                alt = g.alts[0]
                hit = self._term(seg, alt.terms[0], alt.weight)
                if hit is not None:
                    rows, val, degree = hit
                    score[rows] += val
                    cover[rows] += (g_idf * alt.weight) * degree
                continue
            g_score, g_cover = self._group_arrays(seg, g)
            score += g_score
            cover += g_idf * g_cover
        score *= self.prior[id(seg)]
        boost = np.ones(len(REGION_CODE), dtype=np.float32)
        if q.region and q.region != NATIONWIDE:
            boost[REGION_CODE[q.region]] *= 1.0 + QUERY_REGION_BOOST
        if prefer and prefer in REGION_CODE and prefer != q.region:
            boost[REGION_CODE[prefer]] *= 1.0 + PREFERRED_REGION_BOOST
        if (boost != 1.0).any():
            score *= boost[seg.region]
        k = min(RERANK_POOL, n)
        top = np.argpartition(-score, k - 1)[:k]
        return [Ranked(seg, int(r), float(score[r]), float(cover[r]) / total)
                for r in top if score[r] > 0]

    def _term(self, seg: Segment, term: str, weight: float):
        """(rows, score contributions, coverage degree) of one term in one segment."""
        hit = seg.posting(term)
        if hit is None:
            return None
        rows, tfw = hit
        t_idf = self.idf(self.doc_freq(term))
        # A lone passing mention of a common word in a long body is weaker evidence than a
        # title, keyword or repeated match; a rare word counts in full wherever it is.
        if t_idf >= RARE * self.idf(1.0):
            degree = np.float32(1.0)
        else:
            degree = np.minimum(np.float32(1.0), tfw * np.float32(1.0 / FULL_MATCH))
        return rows, (weight * t_idf) * tfw, degree

    def _group_arrays(self, seg: Segment, g: Group) -> tuple[np.ndarray, np.ndarray]:
        """Score and coverage of a concept with alternatives: the best alternative counts."""
        n = len(seg)
        g_score = np.zeros(n, dtype=np.float32)
        g_cover = np.zeros(n, dtype=np.float32)
        for alt in g.alts:
            multi = len(alt.terms) > 1
            a_score = np.zeros(n, dtype=np.float32) if multi else g_score
            a_cover = np.zeros(n, dtype=np.float32) if multi else g_cover
            share = alt.weight / len(alt.terms)
            for term in alt.terms:
                hit = self._term(seg, term, alt.weight)
                if hit is None:
                    continue
                rows, val, degree = hit
                if multi:
                    a_score[rows] += val
                    a_cover[rows] += share * degree
                else:
                    g_score[rows] = np.maximum(g_score[rows], val)
                    g_cover[rows] = np.maximum(g_cover[rows], alt.weight * degree)
            if multi:
                np.maximum(g_score, a_score, out=g_score)
                np.maximum(g_cover, a_cover, out=g_cover)
        if g.province is not None:
            place = np.zeros(len(REGION_CODE), dtype=np.float32)
            if g.province != NATIONWIDE:
                place[REGION_CODE[NATIONWIDE]] = NATIONWIDE_REGION_CREDIT
            place[REGION_CODE[g.province]] = 1.0
            np.maximum(g_cover, place[seg.region], out=g_cover)
        return g_score, g_cover

    def _rerank(self, found: list[Ranked], q: ParsedQuery) -> list[Ranked]:
        """Titles that read like the query rise (rapidfuzz on the short candidate list only)."""
        needle = "".join(g.label for g in q.groups)  # the content words, without fillers
        for r in found:
            title = r.segment.titles[r.row].replace(" ", "")
            sim = fuzz.partial_ratio(needle, title) / 100.0 if needle else 0.0
            r.score *= 1.0 + TITLE_BOOST * sim * sim
            r.why = explain(r, q)
        found.sort(key=lambda r: r.score, reverse=True)
        return found


def verdict(ranked: list[Ranked]) -> tuple[list[Ranked], bool]:
    """Apply the no-answer threshold; say whether the first hit is a clear winner."""
    if not ranked or ranked[0].coverage < MIN_COVERAGE or ranked[0].score < MIN_SCORE:
        return [], False
    kept = [r for r in ranked if r.coverage >= MIN_COVERAGE * 0.75]
    first = kept[0]
    runner_up = kept[1].score if len(kept) > 1 else 0.0
    confident = first.coverage >= CONFIDENT_COVERAGE and first.score >= CONFIDENT_MARGIN * runner_up
    return kept, confident
