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
from rapidfuzz import fuzz, process

from knowledge.candidates import CANDIDATES, candidate_rows, region_pull
from knowledge.index import REGION_CODE, Segment
from knowledge.query import Group, ParsedQuery
from knowledge.regions import NATIONWIDE
from knowledge.scoring import Scorer
from knowledge.wordlists import common_word_share

QUERY_REGION_BOOST = 0.35  # the query names the article's province
PREFERRED_REGION_BOOST = 0.08  # the follower's subscribed region: a mild signal
RECENCY_BOOST = 0.08
RECENCY_DAYS = 365.0
TITLE_BOOST = 0.4
COORD_FLOOR = 0.5
RERANK_POOL = 30
# The exact pass looks every word of the question up in every candidate: a long question
# (many words, synonyms and parts) is scored on fewer candidates, so that it reads at most
# about PAIRS (candidate, word) pairs; never fewer than MIN_CANDIDATES.
PAIRS = 8000
MIN_CANDIDATES = 200
IDF_CACHE = 100_000  # terms whose idf a ranker remembers (followers' words are unbounded)
MIN_COVERAGE = 0.35  # calibrated on the bundled query set (tests/test_search_quality.py)
LONG_QUESTION = 20  # characters (framing dropped) from which a question is long and chatty
LONG_MIN_COVERAGE = 0.3  # its context words (年底, 老板 …) rarely all appear in the answer
MIN_SCORE = 0.2  # a floor only; coverage decides
CONFIDENT_COVERAGE = 0.85
CONFIDENT_MARGIN = 1.5
DOC_WORDS = 300  # words in a typical article, for the expected document frequency
TOPIC_FLOOR = 0.01  # float noise: an article matching none of the topic words has 0
TAIL_RATIO = 0.3  # hits scoring under this share of the best are noise, not "more results"


@dataclass
class Ranked:
    """One candidate with its signals."""

    segment: Segment
    row: int
    score: float
    coverage: float
    topic: float = 1.0  # the coverage of the question's words other than place names
    why: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The article id."""
        return self.segment.ids[self.row]


class Ranker:
    """Scores queries over a base segment (minus replaced rows) plus an optional delta."""

    def __init__(self, base: Segment, delta: Segment | None = None,
                 dead: set[str] | frozenset[str] = frozenset(),
                 candidates: int = CANDIDATES) -> None:
        self.base = base
        self.candidates = candidates  # segments larger than this are scored on candidates
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
        self._idfs: dict[str, float] = {}
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
        for seg in self.segments:  # a loop, not any(): parsing asks dozens of times a question
            if term in seg.term_id:
                return True
        return False

    def idf(self, df: float) -> float:
        """Okapi idf, never negative."""
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))

    def rank(self, q: ParsedQuery, prefer: str | None = None, pool: int = 20) -> list[Ranked]:
        """Candidates best first (at most `pool`), each with score and coverage."""
        if not q.groups or not self.segments:
            return []
        weights = [self.group_idf(g) * g.weight for g in q.groups]
        total = sum(weights) or 1.0
        found: list[Ranked] = []
        for seg in self.segments:
            found += self._rank_segment(seg, q, weights, total, prefer)
        found.sort(key=lambda r: r.score, reverse=True)
        return self._rerank(found[:RERANK_POOL], q)[:pool]

    def group_idf(self, g: Group) -> float:
        """How much a concept of the question weighs: the idf of the word itself."""
        if not g.known:
            return self.idf(self._expected_df(g.label))
        main = g.alts[0]  # the word itself (or its parts, or its correction), not a synonym
        return sum(self._idf_of(t) for t in main.terms) / len(main.terms)

    def _rank_segment(self, seg: Segment, q: ParsedQuery, weights: list[float], total: float,
                      prefer: str | None) -> list[Ranked]:
        rarest = self.idf(1.0)
        scorer = Scorer(seg, self._idf_of, rarest)
        prior = self.prior[id(seg)]
        boost = np.ones(len(REGION_CODE), dtype=np.float32)
        if q.region and q.region != NATIONWIDE:
            boost[REGION_CODE[q.region]] *= 1.0 + QUERY_REGION_BOOST
        if prefer and prefer in REGION_CODE and prefer != q.region:
            boost[REGION_CODE[prefer]] *= 1.0 + PREFERRED_REGION_BOOST
        rows = None
        if len(seg) > self.candidates:
            words = len({t for g in q.groups for t in g.terms}) or 1
            rows = candidate_rows(seg, q.groups, self._idf_of, prior,
                                  region_pull(q.region, prefer),
                                  min(self.candidates, max(PAIRS // words, MIN_CANDIDATES)))
            scorer = Scorer(seg, self._idf_of, rarest, rows=rows)
            prior = prior[rows]
        factor = prior * boost[scorer.region()] if (boost != 1.0).any() else prior
        found = scorer.score(q.groups, weights, factor, RERANK_POOL)
        score = found.score * factor[found.pos]
        top = top_positive(score, RERANK_POOL)
        at = found.pos[top] if rows is None else rows[found.pos[top]]
        return [Ranked(seg, row, s, c / total, (c - p) / total) for row, s, c, p in zip(
            at.tolist(), score[top].tolist(), found.cover[top].tolist(),
            found.place[top].tolist(), strict=True) if s > 0]

    def _expected_df(self, word: str) -> float:
        """How many articles would contain a word the index has never seen, judged by its
        share of general Chinese text: a small corpus lacks 统一 by chance, not 公积金.
        (At least 1: an unseen rare word weighs like the rarest word.)"""
        share = common_word_share().get(word, 0.0)
        return max(1.0, self.n_docs * -math.expm1(-DOC_WORDS * share))

    def _idf_of(self, term: str) -> float:
        # A ranker serves one index version, so a term's idf never changes: look it up once
        # (every concept asks several times per question: bounds, weights, coverage).
        found = self._idfs.get(term)
        if found is None:
            if len(self._idfs) > IDF_CACHE:
                self._idfs.clear()
            found = self._idfs[term] = self.idf(self.doc_freq(term))
        return found

    def _rerank(self, found: list[Ranked], q: ParsedQuery) -> list[Ranked]:
        """Titles that read like the query rise (rapidfuzz on the short candidate list only)."""
        needle = "".join(g.label for g in q.groups)  # the content words, without fillers
        sims = [0.0] * len(found)
        if needle and found:  # one call for the whole pool: the same scores, less overhead
            titles = [r.segment.titles[r.row].replace(" ", "") for r in found]
            sims = (process.cdist([needle], titles, scorer=fuzz.partial_ratio,
                                  dtype=np.float64)[0] / 100.0).tolist()
        for r, sim in zip(found, sims, strict=True):
            r.score *= 1.0 + TITLE_BOOST * sim * sim
            # coordination: an article that answers the whole question beats a partial one
            r.score *= COORD_FLOOR + (1.0 - COORD_FLOOR) * min(1.0, r.coverage)
        found.sort(key=lambda r: r.score, reverse=True)
        return found


def top_positive(values: np.ndarray, k: int) -> np.ndarray:
    """Positions of the (at most) k largest positive values, unordered.

    Most of a large corpus scores zero for a query; partitioning only the positive entries
    is several times faster than partitioning the whole array.
    """
    positive = np.flatnonzero(values > 0)
    if len(positive) <= k:
        return positive
    return positive[np.argpartition(-values[positive], k - 1)[:k]]


def verdict(ranked: list[Ranked], q: ParsedQuery | None = None) -> tuple[list[Ranked], bool]:
    """Apply the no-answer threshold; say whether the first hit is a clear winner.

    When the question asks about something besides a place (明天长沙天气怎么样), an article
    that matches only the place is no answer, however rare the place name.
    """
    if q is not None and any(g.province is None and g.weight >= 1.0 for g in q.groups):
        ranked = [r for r in ranked if r.topic > TOPIC_FLOOR]
    long = q is not None and len(q.groups) >= 4 and len(q.text.replace(" ", "")) >= LONG_QUESTION
    least = LONG_MIN_COVERAGE if long else MIN_COVERAGE
    if not ranked or ranked[0].coverage < least or ranked[0].score < MIN_SCORE:
        return [], False
    floor = ranked[0].score * TAIL_RATIO
    kept = [r for r in ranked if r.coverage >= least * 0.75 and r.score >= floor]
    first = kept[0]
    runner_up = kept[1].score if len(kept) > 1 else 0.0
    confident = first.coverage >= CONFIDENT_COVERAGE and first.score >= CONFIDENT_MARGIN * runner_up
    return kept, confident
