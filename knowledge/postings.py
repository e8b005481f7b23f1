"""Tokenising articles into weighted postings: field-weighted BM25 (BM25F) term weights.

Weights are computed where the tokenising happens (in the build's worker processes), with
field lengths in characters and corpus averages gathered beforehand, so only compact
arrays travel back to the parent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np

from knowledge.article import Article
from knowledge.index import REGION_CODE, Stats
from knowledge.normal import normalise
from knowledge.text import Tokenizer

FIELD_WEIGHTS = (3.0, 2.5, 1.0)  # title, keywords, body
FIELD_B = (0.3, 0.3, 0.75)  # length normalisation per field
K1 = 1.2


def field_lengths(a: Article) -> tuple[int, int, int]:
    """Characters of title, keywords and body (the length BM25 normalises by)."""
    return len(a.title), sum(len(k) for k in a.keywords), len(a.body)


def corpus_stats(articles: Iterable[Article]) -> Stats:
    """Number of articles and average field lengths."""
    n, sums = 0, [0, 0, 0]
    for a in articles:
        n += 1
        for f, length in enumerate(field_lengths(a)):
            sums[f] += length
    avg = tuple(max(1.0, s / n) if n else 1.0 for s in sums)
    return Stats(n_docs=n, avg_len=avg)  # type: ignore[arg-type]


def doc_fields(tok: Tokenizer, a: Article) -> tuple[list[str], list[str], list[str]]:
    """The (title, keywords, body) terms of one article."""
    kw_terms = tok.terms(" ".join(a.keywords)) if a.keywords else []
    for word in a.keywords:  # a keyword jieba splits still matches as a whole
        whole = normalise(word).replace(" ", "")
        if len(whole) > 1 and whole not in kw_terms:
            kw_terms.append(whole)
    return tok.terms(a.title), kw_terms, tok.terms(a.body)


def tokenize_chunk(tok: Tokenizer, articles: list[Article], stats: Stats) -> dict:
    """Weighted postings of a chunk of articles with a chunk-local vocabulary."""
    local: dict[str, int] = {}
    docs: list[int] = []
    terms: list[int] = []
    tfs: tuple[list[int], list[int], list[int]] = ([], [], [])  # flat: fast to convert
    for row, a in enumerate(articles):
        title, keywords, body = doc_fields(tok, a)
        body_tf = Counter(body)  # counted in C; the short fields are merged in by hand
        head: dict[str, list[int]] = {}
        for f, words in ((0, title), (1, keywords)):
            for word in words:
                tf = head.get(word)
                if tf is None:
                    head[word] = tf = [0, 0, body_tf.pop(word, 0)]
                tf[f] += 1
        for word, tf in head.items():
            docs.append(row)
            terms.append(local.setdefault(word, len(local)))
            tfs[0].append(tf[0])
            tfs[1].append(tf[1])
            tfs[2].append(tf[2])
        n = len(body_tf)
        docs += [row] * n
        terms += [local.setdefault(word, len(local)) for word in body_tf]
        tfs[0].extend([0] * n)
        tfs[1].extend([0] * n)
        tfs[2].extend(body_tf.values())
    doc = np.asarray(docs, dtype=np.int32)
    lengths = np.asarray([field_lengths(a) for a in articles], dtype=np.float32).reshape(-1, 3)
    weighted = np.zeros(len(doc), dtype=np.float32)
    for f in range(3):
        norm = 1.0 - FIELD_B[f] + FIELD_B[f] * lengths[:, f] / stats.avg_len[f]
        tf_f = np.asarray(tfs[f], dtype=np.float32)
        weighted += tf_f * (FIELD_WEIGHTS[f] / norm).astype(np.float32)[doc]
    return {
        "vocab": list(local),
        "docs": doc,
        "terms": np.asarray(terms, dtype=np.int32),
        "weights": weighted / (K1 + weighted),
        "ids": [a.id for a in articles],
        "titles": [normalise(a.title) for a in articles],
        "region": [REGION_CODE.get(a.region, 0) for a in articles],
        "ts": [a.timestamp for a in articles],
    }
