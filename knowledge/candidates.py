"""The candidate pass: which articles of a large segment the exact scoring runs on.

Exact scoring keeps, per concept, the best of its alternatives and a coverage share, and
that needs dense arrays over every article. On a large segment we first take a cheap
sparse estimate: the idf-weighted sum of every term's weight (only the rarer words when the
query has any), times the article's prior and region pull, and keep the best few hundred.
The exact scoring then looks each word up on those rows only (a binary search per posting).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from knowledge.index import REGION_CODE, Segment
from knowledge.query import Group
from knowledge.regions import NATIONWIDE

CANDIDATES = 500  # at 100,000 articles: the same top 5 as 1,000, the exact pass 2× cheaper
COMMON_SHARE = 0.05  # a word in more than this share of the articles does not pick candidates
PROVINCE_PULL = 2.0  # the exact pass gives the query's province a boost *and* coverage
NATIONWIDE_PULL = 1.3  # a 全国 article half-satisfies a place in the query
PREFERRED_PULL = 1.08
CHAMPION_SHARE = 0.2  # a word in more of the articles contributes its best postings only
CHAMPIONS = 4 * CANDIDATES
CHAMPION_TERMS = 512  # champion lists kept per segment (each CHAMPIONS rows: 16 KB)
# The estimate reads at most about this many postings per candidate kept (the rarest words'
# first): measured at 100,000 articles, the same targets come first with 3× less reading.
BUDGET = 40
WIDEN = 2.0  # with no rare word, words up to this many times the rarest one's df pick


def region_pull(query_region: str | None, prefer: str | None) -> np.ndarray:
    """A factor per region code for the candidate estimate."""
    pull = np.ones(len(REGION_CODE), dtype=np.float32)
    if prefer in REGION_CODE:
        pull[REGION_CODE[prefer]] = PREFERRED_PULL
    if query_region in REGION_CODE and query_region != NATIONWIDE:
        pull[REGION_CODE[NATIONWIDE]] = NATIONWIDE_PULL
        pull[REGION_CODE[query_region]] = PROVINCE_PULL
    return pull


def candidate_rows(seg: Segment, groups: list[Group], idf_of: Callable[[str], float],
                   prior: np.ndarray, pull: np.ndarray, k: int = CANDIDATES) -> np.ndarray:
    """Sorted rows of the (at most) k articles most worth scoring exactly."""
    weights: dict[str, float] = {}
    for g in groups:
        for alt in g.alts:
            for term in alt.terms:
                weights[term] = max(weights.get(term, 0.0), alt.weight * g.weight)
    df = {t: seg.doc_freq(t) for t in weights}
    main = [df[t] for g in groups if g.alts for t in g.alts[0].terms if df[t]]
    if not main and not any(df.values()):
        return np.zeros(0, dtype=np.int64)
    # When every word of the question is common (就业 补贴), the rarest of them still narrow
    # the field; the commonest add little to the estimate but cost the most. (A rare synonym
    # does not narrow it: it is only one way to match its word.)
    limit = max(COMMON_SHARE * len(seg), WIDEN * min(main, default=0))
    estimate = np.zeros(len(seg), dtype=np.float32)
    spent = 0
    for term in sorted(weights, key=df.__getitem__):  # the rarest, most telling, first
        if not 0 < df[term] <= limit or spent >= BUDGET * k:
            continue
        rows, tfw = (_champions(seg, term) if df[term] > CHAMPION_SHARE * len(seg)
                     else seg.posting(term))  # type: ignore[misc]
        spent += len(rows)
        estimate[rows] += np.float32(weights[term] * idf_of(term)) * tfw  # rows are unique
    estimate *= prior  # a deleted or replaced article has a prior of 0
    touched = np.flatnonzero(estimate > 0)
    values = estimate[touched]
    if (pull != 1.0).any():
        values *= pull[seg.region[touched]]
    if len(touched) <= k:
        return touched
    return touched[top_k(values, k)]


def _champions(seg: Segment, term: str) -> tuple[np.ndarray, np.ndarray]:
    """A very common term's best-weighted postings (its "champion list"), kept per segment.

    With idf near zero, such a word can only lift an article where it weighs a lot (in the
    title, the keywords, or many times over), so the rest of its long posting is skipped.
    """
    found = seg.champions.get(term)
    if found is None:
        rows, tfw = seg.posting(term)  # type: ignore[misc]
        best = top_k(np.asarray(tfw), CHAMPIONS)
        found = (np.asarray(rows[best]), np.asarray(tfw[best]))
        if len(seg.champions) < CHAMPION_TERMS:
            seg.champions[term] = found
    return found


def top_k(values: np.ndarray, k: int) -> np.ndarray:
    """Sorted positions of the k largest values (ties broken by position).

    A partition for the k-th value and one comparison pass cost about half of an
    argpartition over the same array.
    """
    if len(values) <= k:
        return np.arange(len(values))
    cut = np.partition(values, len(values) - k)[len(values) - k]
    above = np.flatnonzero(values > cut)
    if len(above) == k:
        return above
    tied = np.flatnonzero(values == cut)[:k - len(above)]
    return np.sort(np.concatenate((above, tied)))
