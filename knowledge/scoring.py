"""Score and coverage of a query over one segment, exactly, with max-score pruning.

The universe is the whole segment, or on a large one its candidate set (candidates.py).
Each word becomes one dense weight array over the universe (0 where absent). Only the best
`keep` scores go on to re-ranking, so the work is split in two (the MaxScore idea of
Turtle & Flood, 1995): the alternatives that can add much to a score are scored on the
whole universe first; every article whose score, plus the most the deferred alternatives
could still add, cannot reach the `keep`-th best so far is dropped; the deferred (common,
low-idf) words and the coverage are then worked out on the survivors only. The result is
the same as scoring everything; a long question's common words cost a fraction.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from knowledge.index import REGION_CODE, Segment
from knowledge.query import Alt, Group
from knowledge.regions import NATIONWIDE

NATIONWIDE_REGION_CREDIT = 0.5  # a 全国 article half-satisfies a place in the query
FOREIGN_PLACE_CREDIT = 0.5  # the place named in an article filed under another province
RARE = 0.8  # terms with an idf this close to the rarest word's count in full on any match
FULL_MATCH = 0.6  # a saturated term weight at which a match counts in full for coverage
DEFER_SHARE = 0.3  # what the deferred alternatives may add at most, as a share of the best one
F32 = np.float32


@dataclass
class Scored:
    """The articles that can still rank: positions in the universe and their signals."""

    pos: np.ndarray
    score: np.ndarray  # BM25F, before the prior and region factors
    cover: np.ndarray  # idf-weighted coverage of the question's concepts
    place: np.ndarray  # the part of `cover` that place names give


def term_weights(seg: Segment, term: str, rows: np.ndarray | None) -> np.ndarray | None:
    """A term's dense weights over `rows` (sorted, the postings' integer type; None: the
    whole segment), 0 where absent; None when the index lacks the term."""
    hit = seg.posting(term)
    if hit is None:
        return None
    prow, tfw = hit
    if rows is None:
        dense = np.zeros(len(seg), dtype=F32)
        dense[prow] = tfw
        return dense
    dense = np.zeros(len(rows), dtype=F32)
    if not len(rows) or not len(prow):
        return dense
    # Binary searches of the shorter array in the longer: (searches) × log2(length) either
    # way, and for a long posting each search touches cold memory, so fewer searches win.
    if len(prow) <= len(rows):
        at = np.searchsorted(rows, prow)
        np.minimum(at, len(rows) - 1, out=at)
        match = rows[at] == prow
        dense[at[match]] = tfw[match]
    else:
        at = np.searchsorted(prow, rows)
        np.minimum(at, len(prow) - 1, out=at)
        np.copyto(dense, tfw[at], where=prow[at] == rows)
    return dense


class Scorer:
    """Scores groups over a universe of rows: all of a segment, or a sorted candidate set."""

    def __init__(self, seg: Segment, idf_of, rarest: float,
                 rows: np.ndarray | None = None) -> None:
        self.seg = seg
        self.rarest = rarest
        # In the postings' integer type, so a binary search compares without converting.
        self.rows = rows if rows is None else rows.astype(seg.postings.dtype, copy=False)
        self.size = len(seg) if rows is None else len(rows)
        self.idf = idf_of  # the ranker's: a term's idf looked up once per index version

    def bound(self, alt: Alt) -> float:
        """The most one alternative can add to an article's score (weights are below 1)."""
        each = alt.weight / len(alt.terms) if alt.mean else alt.weight
        return each * sum(self.idf(t) for t in alt.terms)

    def score(self, groups: list[Group], weights: list[float], factor: np.ndarray,
              keep: int) -> Scored:
        """Score, coverage and place coverage of every article that can be among the `keep`
        best by score × `factor` (the prior and region factors over the universe)."""
        live = [(g, w) for g, w in zip(groups, weights, strict=True)
                if g.known or g.province is not None]
        bounds = [[self.bound(alt) for alt in g.alts] for g, _ in live]
        later, rest = _deferred(bounds) if self.size > 2 * keep else (None, 0.0)
        first: dict[str, np.ndarray | None] = {}
        total = np.zeros(self.size, dtype=F32)
        partial: list[np.ndarray | None] = []
        for gi, (g, _) in enumerate(live):
            g_score = None
            for ai, alt in enumerate(g.alts):
                if later is not None and later[gi][ai]:
                    continue
                a_score = self._alt_score(alt, lambda t: _get(first, t, self.seg, self.rows))
                if a_score is not None:
                    g_score = a_score if g_score is None else np.maximum(g_score, a_score)
            partial.append(g_score)
            if g_score is not None:
                total += g_score
        pos = np.arange(self.size) if later is None else _survivors(total, rest, factor, keep)
        return self._finish(live, later, partial, first, pos)

    def _finish(self, live: list, later: list | None, partial: list, first: dict,
                pos: np.ndarray) -> Scored:
        """Score the deferred alternatives and all coverage on the surviving positions."""
        whole = len(pos) == self.size
        rows = self.rows if whole else (pos if self.rows is None else self.rows[pos])
        found: dict[str, np.ndarray | None] = {}

        def weights_at(term: str) -> np.ndarray | None:
            if term in first:
                w = first[term]
                return w if w is None or whole else w[pos]
            return _get(found, term, self.seg, rows)

        region = self.region() if whole else self.seg.region[rows]
        score = np.zeros(len(pos), dtype=F32)
        cover = np.zeros(len(pos), dtype=F32)
        place = np.zeros(len(pos), dtype=F32)
        for gi, ((g, g_idf), g_part) in enumerate(zip(live, partial, strict=True)):
            g_score = None if g_part is None else (g_part if whole else g_part[pos])
            g_cover = None
            for ai, alt in enumerate(g.alts):
                if later is not None and later[gi][ai]:
                    a_score = self._alt_score(alt, weights_at)
                    if a_score is not None:
                        g_score = a_score if g_score is None else np.maximum(g_score, a_score)
                a_cover = self._alt_cover(alt, weights_at)
                if a_cover is not None:
                    g_cover = a_cover if g_cover is None else np.maximum(g_cover, a_cover)
            if g_score is not None:
                score += g_score
            if g.province is not None:
                g_cover = _place_cover(g.province, g_cover, region)
            if g_cover is not None:
                g_cover *= F32(g_idf)
                cover += g_cover
                if g.province is not None:
                    place += g_cover
        return Scored(pos, score, cover, place)

    def _alt_score(self, alt: Alt, weights_at) -> np.ndarray | None:
        """An alternative's score: its terms' weights times idf (a split compound's parts
        share its weight); None when the index lacks all its terms."""
        each = alt.weight / len(alt.terms) if alt.mean else alt.weight
        out = None
        for term in alt.terms:
            w = weights_at(term)
            if w is None:
                continue
            part = w * F32(each * self.idf(term))
            out = part if out is None else np.add(out, part, out=out)
        return out

    def _alt_cover(self, alt: Alt, weights_at) -> np.ndarray | None:
        """How fully an article matches an alternative (its terms' share each)."""
        share = alt.weight if len(alt.terms) == 1 else alt.weight / len(alt.terms)
        out = None
        for term in alt.terms:
            w = weights_at(term)
            if w is None:
                continue
            # A lone passing mention of a common word in a long body is weaker evidence
            # than a title, keyword or repeated match; a rare word counts in full anywhere.
            if self.idf(term) >= RARE * self.rarest:
                degree = (w > 0).astype(F32)
            else:
                degree = np.minimum(w * F32(1.0 / FULL_MATCH), F32(1.0))
            degree *= F32(share)
            out = degree if out is None else np.add(out, degree, out=out)
        return out

    def region(self) -> np.ndarray:
        """Region codes of the universe."""
        return self.seg.region if self.rows is None else self.seg.region[self.rows]


def _get(cache: dict, term: str, seg: Segment, rows: np.ndarray | None) -> np.ndarray | None:
    if term not in cache:
        cache[term] = term_weights(seg, term, rows)
    return cache[term]


def _deferred(bounds: list[list[float]]) -> tuple[list[list[bool]], float]:
    """Which alternatives wait for pruning (the least bounded first, while what they could
    add stays within DEFER_SHARE of the best bound), and that most: per concept only its
    best alternative counts, so a concept adds the largest bound deferred in it."""
    budget = DEFER_SHARE * max((b for bs in bounds for b in bs), default=0.0)
    later = [[False] * len(bs) for bs in bounds]
    most = [0.0] * len(bounds)
    rest = 0.0
    for b, gi, ai in sorted((b, gi, ai) for gi, bs in enumerate(bounds)
                            for ai, b in enumerate(bs)):
        grown = rest + max(0.0, b - most[gi])
        if grown <= budget:
            later[gi][ai], rest, most[gi] = True, grown, max(most[gi], b)
    return later, rest


def _survivors(total: np.ndarray, rest: float, factor: np.ndarray, keep: int) -> np.ndarray:
    """Positions whose score can still reach the `keep`-th best: scores only grow, so the
    `keep`-th best so far is a floor, and `rest` is the most any score can still gain."""
    now = total * factor
    theta = np.partition(now, len(now) - keep)[len(now) - keep]
    reach = (total + F32(rest)) * factor * F32(1.0 + 1e-5)  # float rounding never drops one
    return np.flatnonzero(reach >= theta if theta > 0 else reach > 0)


def _place_cover(province: str, g_cover: np.ndarray | None, region: np.ndarray) -> np.ndarray:
    """A place concept is also met by the article's region (its province fully, 全国 half);
    the place named in an article of another province counts half."""
    if g_cover is None:
        g_cover = np.zeros(len(region), dtype=F32)
    if province != NATIONWIDE:
        # 深圳 named in a Hong Kong article is a weaker match than in a Guangdong one
        elsewhere = np.full(len(REGION_CODE), FOREIGN_PLACE_CREDIT, dtype=F32)
        elsewhere[[REGION_CODE[province], REGION_CODE[NATIONWIDE]]] = 1.0
        g_cover *= elsewhere[region]
    credit = np.zeros(len(REGION_CODE), dtype=F32)
    if province != NATIONWIDE:
        credit[REGION_CODE[NATIONWIDE]] = NATIONWIDE_REGION_CREDIT
    credit[REGION_CODE[province]] = 1.0
    return np.maximum(g_cover, credit[region], out=g_cover)
