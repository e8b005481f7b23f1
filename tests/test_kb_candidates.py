"""The candidate pass of large segments: cheap, and it keeps what exact scoring would rank."""

import numpy as np
import pytest

from knowledge.base import BUNDLED_DIR
from knowledge.build import build_index
from knowledge.candidates import candidate_rows, region_pull, top_k
from knowledge.importers import collect_files, read_file
from knowledge.query import parse
from knowledge.ranking import Ranker
from tests.search_eval import load_queries


@pytest.fixture(scope="module")
def bundled():
    files, errors = collect_files([BUNDLED_DIR])
    assert not errors
    articles = [a for f in files for a, err in read_file(f) if a is not None]
    return build_index(articles, processes=1)


def test_top_k_returns_the_largest_sorted_and_breaks_ties_by_position():
    values = np.asarray([0.5, 0.9, 0.1, 0.9, 0.7, 0.9], dtype=np.float32)
    assert top_k(values, 2).tolist() == [1, 3]
    assert top_k(values, 4).tolist() == [1, 3, 4, 5]
    assert top_k(values, 10).tolist() == list(range(6))


def test_candidate_pass_keeps_the_exact_winner_on_the_query_set(bundled):
    seg, tok = bundled
    exact, narrow = Ranker(seg), Ranker(seg, candidates=12)  # 12 of ~50: a tight pass
    same = total = 0
    for q in load_queries():
        parsed = parse(q["q"], tok, exact.in_vocab, None)
        want = [r.id for r in exact.rank(parsed)][:1]
        if not want:
            continue
        total += 1
        same += [r.id for r in narrow.rank(parsed)][:1] == want
    assert total > 80 and same / total >= 0.95


def test_common_words_alone_still_pick_candidates_and_keep_the_winner(bundled):
    seg, tok = bundled
    ranker = Ranker(seg)
    q = parse("就业 招聘 补贴", tok, ranker.in_vocab, None)
    assert all(seg.doc_freq(g.label) > 0.05 * len(seg) for g in q.groups)  # all common
    prior = np.ones(len(seg), dtype=np.float32)
    rows = candidate_rows(seg, q.groups, ranker._idf_of, prior, region_pull(None, None), k=5)
    assert len(rows) == 5 and (np.diff(rows) > 0).all()
    assert seg.row_of[ranker.rank(q)[0].id] in rows.tolist()


def test_region_pull_and_dead_rows_shape_the_candidates(bundled):
    seg, tok = bundled
    ranker = Ranker(seg)
    q = parse("技能培训补贴", tok, ranker.in_vocab, None)
    alive = np.ones(len(seg), dtype=np.float32)
    plain = candidate_rows(seg, q.groups, ranker._idf_of, alive, region_pull(None, None), k=3)
    hubei = candidate_rows(seg, q.groups, ranker._idf_of, alive, region_pull("湖北", None), k=3)
    code = region_pull("湖北", None).argmax()
    assert (seg.region[hubei] == code).sum() >= (seg.region[plain] == code).sum()
    assert (seg.region[hubei] == code).any()
    dead = alive.copy()
    dead[plain] = 0.0
    assert not set(plain.tolist()) & set(
        candidate_rows(seg, q.groups, ranker._idf_of, dead, region_pull(None, None), k=3).tolist())


def test_a_very_common_word_picks_by_its_best_weighted_postings(bundled, monkeypatch):
    import knowledge.candidates as cand

    seg, _ = bundled
    seg.champions.clear()
    monkeypatch.setattr(cand, "CHAMPIONS", 3)
    term = max(seg.vocab, key=seg.doc_freq)  # in most of the articles
    rows, tfw = cand._champions(seg, term)
    all_rows, all_tfw = seg.posting(term)
    assert len(rows) == 3 and sorted(tfw.tolist()) == sorted(all_tfw.tolist())[-3:]
    assert set(rows.tolist()) <= set(all_rows.tolist())
    assert seg.champions[term][0] is rows  # kept for the next question
