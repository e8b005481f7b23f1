"""Score and coverage arrays of a query over one segment, exactly or on a candidate set.

On a large segment the universe is the candidate set (see candidates.py), and each word is
looked up on it by a binary search in its sorted posting.
"""

from __future__ import annotations

import numpy as np

from knowledge.index import REGION_CODE, Segment
from knowledge.query import Group
from knowledge.regions import NATIONWIDE

NATIONWIDE_REGION_CREDIT = 0.5  # a 全国 article half-satisfies a place in the query
FOREIGN_PLACE_CREDIT = 0.5  # the place named in an article filed under another province
RARE = 0.8  # terms with an idf this close to the rarest word's count in full on any match
FULL_MATCH = 0.6  # a saturated term weight at which a match counts in full for coverage
SLOT_SHARE = 0.1  # postings shorter than this share of the segment are mapped, not searched


class Scorer:
    """Scores groups over a universe of rows: all of a segment, or a sorted candidate set."""

    def __init__(self, seg: Segment, idf_of, rarest: float,
                 rows: np.ndarray | None = None) -> None:
        self.seg = seg
        self.idf_of = idf_of
        self.rarest = rarest
        # None: the whole segment. In the postings' integer type, so a binary search in a
        # posting compares as it is instead of converting the whole posting first.
        self.rows = rows if rows is None else rows.astype(seg.postings.dtype, copy=False)
        self.size = len(seg) if rows is None else len(rows)
        self._slot: np.ndarray | None = None  # segment row -> position in `rows`, or -1
        self._found: dict[str, tuple[np.ndarray, np.ndarray] | None] = {}

    def term(self, term: str, weight: float):
        """(positions in the universe, score contributions, coverage degree) of a term."""
        if term not in self._found:
            self._found[term] = self._lookup(term)
        hit = self._found[term]
        if hit is None:
            return None
        rows, tfw = hit
        t_idf = self.idf_of(term)
        # A lone passing mention of a common word in a long body is weaker evidence than a
        # title, keyword or repeated match; a rare word counts in full wherever it is.
        if t_idf >= RARE * self.rarest:
            degree = np.float32(1.0)
        else:
            degree = np.minimum(np.float32(1.0), tfw * np.float32(1.0 / FULL_MATCH))
        return rows, (weight * t_idf) * tfw, degree

    def _lookup(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """A term's (positions, weights) in the universe; None when it matches nothing."""
        hit = self.seg.posting(term)
        if hit is None or self.rows is None:
            return hit
        rows, tfw = hit
        if len(rows) <= SLOT_SHARE * len(self.seg):
            # a short posting: look each of its rows up in a map of the candidates
            if self._slot is None:
                self._slot = np.full(len(self.seg), -1, dtype=np.int32)
                self._slot[self.rows] = np.arange(self.size, dtype=np.int32)
            slot = self._slot[rows]
            where = np.flatnonzero(slot >= 0)
            pos, tfw = slot[where], tfw[where]
        else:  # a long one: binary-search each candidate in it
            at = np.searchsorted(rows, self.rows)
            at[at >= len(rows)] = 0
            pos = np.flatnonzero(rows[at] == self.rows)
            tfw = tfw[at[pos]]
        return (pos, np.asarray(tfw)) if len(pos) else None

    def region(self) -> np.ndarray:
        """Region codes of the universe."""
        return self.seg.region if self.rows is None else self.seg.region[self.rows]

    def add(self, groups: list[Group], weights: list[float], score: np.ndarray,
            cover: np.ndarray, place: np.ndarray | None = None) -> None:
        """Add the groups' score and weighted coverage into `score` and `cover`, and the
        coverage of the place names alone into `place`."""
        for g, g_idf in zip(groups, weights, strict=True):
            if not g.known and g.province is None:
                continue
            if g.province is None and len(g.alts) == 1 and len(g.alts[0].terms) == 1:
                alt = g.alts[0]  # the common case: one word; its rows are unique, so add
                hit = self.term(alt.terms[0], alt.weight)
                if hit is not None:
                    rows, val, degree = hit
                    score[rows] += val
                    cover[rows] += (g_idf * alt.weight) * degree
                continue
            g_score, g_cover = self.group(g)
            score += g_score
            g_cover *= g_idf
            cover += g_cover
            if place is not None and g.province is not None:
                place += g_cover

    def group(self, g: Group) -> tuple[np.ndarray, np.ndarray]:
        """Score and coverage of a concept with alternatives: the best alternative counts."""
        g_score = np.zeros(self.size, dtype=np.float32)
        g_cover = np.zeros(self.size, dtype=np.float32)
        for alt in g.alts:
            multi = len(alt.terms) > 1
            a_score = np.zeros(self.size, dtype=np.float32) if multi else g_score
            a_cover = np.zeros(self.size, dtype=np.float32) if multi else g_cover
            share = alt.weight / len(alt.terms)
            for term in alt.terms:
                # the parts of a split compound share its weight (their mean counts)
                hit = self.term(term, share if alt.mean else alt.weight)
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
            region = self.region()
            if g.province != NATIONWIDE:
                # 深圳 named in a Hong Kong article is a weaker match than in a Guangdong one
                elsewhere = np.full(len(REGION_CODE), FOREIGN_PLACE_CREDIT, dtype=np.float32)
                elsewhere[[REGION_CODE[g.province], REGION_CODE[NATIONWIDE]]] = 1.0
                g_cover *= elsewhere[region]
            place = np.zeros(len(REGION_CODE), dtype=np.float32)
            if g.province != NATIONWIDE:
                place[REGION_CODE[NATIONWIDE]] = NATIONWIDE_REGION_CREDIT
            place[REGION_CODE[g.province]] = 1.0
            np.maximum(g_cover, place[region], out=g_cover)
        return g_score, g_cover
