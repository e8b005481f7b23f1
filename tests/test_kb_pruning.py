"""Max-score pruning and the candidate budget change how much is read, never the ranking."""

import numpy as np
import pytest

import knowledge.candidates as candidates
import knowledge.scoring as scoring
from bench.corpus import BUNDLED, generate
from bench.kbapi import to_articles
from bench.queries import synthetic_queries
from bench.vocabulary import build_vocabulary, read_articles
from knowledge.build import build_index
from knowledge.query import parse
from knowledge.ranking import RERANK_POOL, Ranker

SIZE = 1200  # the benchmark's generator: far more articles than the re-ranking pool


@pytest.fixture(scope="module")
def corpus():
    records = generate(build_vocabulary(read_articles(BUNDLED)), SIZE, seed=5)
    seg, tok = build_index(to_articles(records), processes=1)
    return seg, tok, [q.q for q in synthetic_queries(records, 120, seed=9)]


def ranked(ranker: Ranker, q) -> list[tuple[str, float, float]]:
    return [(r.id, round(r.score, 4), round(r.coverage, 4)) for r in ranker.rank(q, pool=30)]


def test_pruned_scoring_ranks_exactly_as_scoring_everything(corpus, monkeypatch):
    seg, tok, texts = corpus
    ranker = Ranker(seg, candidates=SIZE)  # the whole segment, then candidates of 300
    narrow = Ranker(seg, candidates=300)
    parsed = [parse(t, tok, ranker.in_vocab, None) for t in texts]
    pruned = [(ranked(ranker, q), ranked(narrow, q)) for q in parsed]
    monkeypatch.setattr(scoring, "DEFER_SHARE", 0.0)  # nothing deferred: every article scored
    assert [(ranked(ranker, q), ranked(narrow, q)) for q in parsed] == pruned


def test_pruning_drops_most_articles_of_long_questions(corpus):
    seg, tok, texts = corpus
    ranker = Ranker(seg, candidates=SIZE)
    kept = []
    for text in texts:
        q = parse(text, tok, ranker.in_vocab, None)
        weights = [ranker.group_idf(g) * g.weight for g in q.groups]
        scorer = scoring.Scorer(seg, ranker._idf_of, ranker.idf(1.0))
        found = scorer.score(q.groups, weights, np.ones(len(seg), dtype=np.float32),
                             RERANK_POOL)
        kept.append(len(found.pos) / len(seg))
    assert sorted(kept)[len(kept) // 2] < 0.5  # the median question scores under half


def test_the_candidate_budget_keeps_the_winner(corpus, monkeypatch):
    seg, tok, texts = corpus
    ranker = Ranker(seg, candidates=100)
    parsed = [parse(t, tok, ranker.in_vocab, None) for t in texts]
    tight = [ranked(ranker, q)[:1] for q in parsed]
    monkeypatch.setattr(candidates, "BUDGET", 10**9)  # every word's postings read
    loose = [ranked(ranker, q)[:1] for q in parsed]
    same = sum(a == b for a, b in zip(tight, loose, strict=True))
    assert same / len(parsed) >= 0.95


def test_a_long_question_is_scored_on_fewer_candidates(corpus, monkeypatch):
    import knowledge.ranking as ranking

    seg, tok, texts = corpus
    asked = []
    real = ranking.candidate_rows
    monkeypatch.setattr(ranking, "candidate_rows",
                        lambda *a: asked.append(a[-1]) or real(*a))
    ranker = Ranker(seg, candidates=500)
    short = parse("技能培训", tok, ranker.in_vocab, None)
    long = max((parse(t, tok, ranker.in_vocab, None) for t in texts),
               key=lambda q: len({t for g in q.groups for t in g.terms}))
    ranker.rank(short)
    ranker.rank(long)
    words = len({t for g in long.groups for t in g.terms})
    assert asked[0] == 500
    assert asked[1] == max(ranking.PAIRS // words, ranking.MIN_CANDIDATES) < 500
