"""The index build's vectorised terms (knowledge/lexicon.py) against Tokenizer.terms."""

from collections import Counter

import numpy as np
import pytest

from knowledge import Article
from knowledge.base import BUNDLED_DIR
from knowledge.build import user_dictionary
from knowledge.importers import collect_files, read_file
from knowledge.normal import normalise
from knowledge.postings import (
    FIELD_B,
    FIELD_WEIGHTS,
    K1,
    corpus_stats,
    doc_fields,
    field_lengths,
    tokenize_chunk,
)
from knowledge.text import Tokenizer
from tests.kb_support import record

TRICKY = [
    "非遗传承人杨阿妮手把手教", "荆州市实施马兰花计划怎么样", "", "   ", "的了吗",
    "SMT贴片机 2024年 招聘会！！", "職業技能培訓補貼", "杨阿妮阿妮和王五、李四", "a", "中",
    "就业 创业\n\n技能培训，高校毕业生“马兰花计划”", "王小二去了武汉找工作，小李也去了",
]


@pytest.fixture(scope="module")
def bundled() -> list[Article]:
    files, _ = collect_files([BUNDLED_DIR])
    return [a for f in files for a, _ in read_file(f) if a is not None]


def test_chunk_terms_are_the_terms_of_each_text(bundled):
    tok = Tokenizer(user_dictionary(bundled))
    texts = [normalise(t) for t in TRICKY] + [normalise(a.body) for a in bundled[:40]]
    text, term = tok.chunk_terms(texts)
    words = tok.lexicon().words
    for i, raw in enumerate(TRICKY + [a.body for a in bundled[:40]]):
        fast = Counter(words[t] for t in term[text == i].tolist())
        assert fast == Counter(tok.terms(raw)), raw[:30]


def _reference_weights(tok: Tokenizer, articles: list[Article]) -> dict:
    """(id, term) → weight as the build computed it term by term before lexicon.py."""
    stats = corpus_stats(articles)
    out = {}
    for a in articles:
        tfs: dict[str, list[int]] = {}
        for f, terms in enumerate(doc_fields(tok, a)):
            for t in terms:
                tfs.setdefault(t, [0, 0, 0])[f] += 1
        lengths = np.asarray(field_lengths(a), dtype=np.float32)
        for t, tf in tfs.items():
            w = np.float32(0)
            for f in range(3):
                norm = 1.0 - FIELD_B[f] + FIELD_B[f] * lengths[f] / stats.avg_len[f]
                w += np.float32(tf[f]) * np.float32(FIELD_WEIGHTS[f] / norm)
            out[a.id, t] = w / (K1 + w)
    return out


def test_chunk_postings_equal_the_reference_path(bundled):
    extra = [Article.from_dict(record(i, title=t.strip() or "空", body=t.strip() or "空",
                                  keywords=kw))
             for i, (t, kw) in enumerate(zip(TRICKY, [["SMT 贴片", "贴片"], ["马兰花计划"] * 2,
                                                      ["職業技能"], ["就业", "创业", "就业"]] * 3,
                                                 strict=False))]
    articles = bundled + extra
    tok = Tokenizer(user_dictionary(articles))
    chunk = tokenize_chunk(tok, articles, corpus_stats(articles))
    fast = {(chunk["ids"][d], chunk["vocab"][t]): w for d, t, w in
            zip(chunk["docs"].tolist(), chunk["terms"].tolist(), chunk["weights"].tolist(),
                strict=True)}
    reference = _reference_weights(tok, articles)
    assert fast.keys() == reference.keys()
    assert np.allclose([fast[k] for k in reference], list(reference.values()), atol=1e-6)
    assert chunk["titles"] == [normalise(a.title) for a in articles]


def test_workers_reading_the_store_build_the_same_index(redis_url, tmp_path):
    """kb rebuild hands worker processes ids to read themselves; the index is the one a
    single process builds from the same articles."""
    from knowledge.build import build_index
    from tests.kb_support import make_kb

    kb = make_kb(redis_url, tmp_path, bundled=True)
    store_built, _ = build_index(kb.store, processes=2)
    listed, _ = build_index(list(kb.store.iter_all()), processes=1)
    assert store_built.ids == listed.ids and store_built.vocab == listed.vocab
    assert np.array_equal(store_built.indptr, listed.indptr)
    assert np.array_equal(store_built.postings, listed.postings)
    assert np.array_equal(store_built.weights, listed.weights)
    assert len(store_built) == kb.count() > 20
