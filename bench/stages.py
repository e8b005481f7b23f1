"""Each ranking stage alone, beside its floor: where a search's time goes at one size.

Stages: query parsing (normalise, segment, correct, resolve), the ranker (candidate pass,
exact BM25F + coverage scoring, title re-ranking), the re-ranking alone, and the rest of
`search` (verdict, fetching the answer's articles, results). The floor of the ranker is a
plain BM25 over the same CSR postings: every query word's weights summed into one dense
array, then the top 30 partitioned out, with no coverage, places or re-ranking.
"""

from __future__ import annotations

import copy

import numpy as np

from bench.timing import median_round, time_each
from knowledge.query import parse
from knowledge.ranking import RERANK_POOL, top_positive


def _floor(ranker, q) -> list[np.ndarray]:
    """Plain BM25 over the segments' postings: the least any ranking of these words costs."""
    best = []
    for seg in ranker.segments:
        score = np.zeros(len(seg), dtype=np.float32)
        for g in q.groups:
            for alt in g.alts[:1]:
                for term in alt.terms:
                    hit = seg.posting(term)
                    if hit is not None:
                        rows, tfw = hit
                        score[rows] += np.float32(ranker._idf_of(term)) * tfw
        best.append(top_positive(score, RERANK_POOL))
    return best


def bench_stages(kb, texts: list[str], rounds: int = 3) -> dict:
    """Median-round latency of each stage over `texts` (the same queries for every stage)."""
    kb.search(texts[0])
    ranker, tok, corrector = kb.index.current()
    parsed = [parse(t[:200], tok, ranker.in_vocab, corrector) for t in texts]
    ranked = [ranker.rank(q, pool=20) for q in parsed]
    pools = []
    for q in parsed:  # what the re-ranker is handed: the exact scores' best, unranked
        found = []
        for seg in ranker.segments:
            weights = [ranker.group_idf(g) * g.weight for g in q.groups]
            found += ranker._rank_segment(seg, q, weights, sum(weights) or 1.0, None)
        found.sort(key=lambda r: r.score, reverse=True)
        pools.append(found[:RERANK_POOL])
    jobs = {
        "search (whole)": (lambda t: kb.search(t), texts),
        "parse": (lambda t: parse(t[:200], tok, ranker.in_vocab, corrector), texts),
        "rank (candidates + scoring + re-rank)": (lambda q: ranker.rank(q, pool=20), parsed),
        "re-rank alone": (lambda pq: ranker._rerank(copy.copy(pq[0]), pq[1]),
                          list(zip(pools, parsed, strict=True))),
        "floor: plain BM25 over the postings, top 30": (lambda q: _floor(ranker, q), parsed),
    }
    out = {}
    for name, (fn, items) in jobs.items():
        out[name] = median_round([time_each(fn, items) for _ in range(rounds)])
    out["_hits"] = sum(1 for r in ranked if r)
    return out
