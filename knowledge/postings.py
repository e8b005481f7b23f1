"""Tokenising articles into weighted postings: field-weighted BM25 (BM25F) term weights.

Weights are computed where the tokenising happens (in the build's worker processes), with
field lengths in characters and corpus averages gathered beforehand, so only compact
arrays travel back to the parent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

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
    """Weighted postings of a chunk of articles with a chunk-local vocabulary.

    The terms are doc_fields's, computed for the whole chunk at once (Tokenizer.chunk_terms):
    three texts an article, counted per (article, term) and field with numpy.
    """
    titles = [normalise(a.title) for a in articles]
    texts: list[str] = []
    for a, title in zip(articles, titles, strict=True):
        texts += (title, normalise(" ".join(a.keywords)) if a.keywords else "",
                  normalise(a.body))
    text, term = tok.chunk_terms(texts)
    row, field = text // 3, text % 3
    key = (row << 32) | term
    wholes = _keyword_wholes(tok, articles)
    if len(wholes):  # a keyword jieba splits still counts once as a whole keyword
        wholes = wholes[~np.isin(wholes, key[field == 1])]
        key = np.concatenate([key, wholes])
        field = np.concatenate([field, np.ones(len(wholes), dtype=field.dtype)])
    pairs, tfs = _field_counts(key, field)
    doc = (pairs >> 32).astype(np.int32)
    in_use = np.zeros(len(tok.lexicon().words), dtype=bool)
    in_use[pairs & 0xFFFFFFFF] = True
    # The chunk's vocabulary in string order: the same whichever worker (and lexicon) it
    # went to, so an index comes out the same from one build to the next.
    words = tok.lexicon().words
    vocab = [words[i] for i in np.flatnonzero(in_use).tolist()]
    by_text = np.asarray(sorted(range(len(vocab)), key=vocab.__getitem__), dtype=np.int64)
    local = np.zeros(len(in_use), dtype=np.int64)  # lexicon id → chunk-local id
    local[np.flatnonzero(in_use)[by_text]] = np.arange(len(vocab))
    lengths = np.asarray([field_lengths(a) for a in articles], dtype=np.float32).reshape(-1, 3)
    weighted = np.zeros(len(doc), dtype=np.float32)
    for f in range(3):
        norm = 1.0 - FIELD_B[f] + FIELD_B[f] * lengths[:, f] / stats.avg_len[f]
        weighted += tfs[f] * (FIELD_WEIGHTS[f] / norm).astype(np.float32)[doc]
    return {
        "vocab": [vocab[i] for i in by_text.tolist()],
        "docs": doc,
        "terms": local[pairs & 0xFFFFFFFF].astype(np.int32),
        "weights": weighted / (K1 + weighted),
        "ids": [a.id for a in articles],
        "titles": titles,
        "region": [REGION_CODE.get(a.region, 0) for a in articles],
        "ts": [_timestamp(a) for a in articles],
    }


def _keyword_wholes(tok: Tokenizer, articles: list[Article]) -> np.ndarray:
    """(row << 32 | term id) of each article's keywords as whole words, once each."""
    lexicon = tok.lexicon()
    keys = []
    for row, a in enumerate(articles):
        for word in a.keywords:
            wid = lexicon.wholes.get(word)
            if wid is None:  # keywords repeat: normalised once each
                whole = normalise(word).replace(" ", "")
                wid = lexicon.wholes[word] = lexicon.add(whole) if len(whole) > 1 else -1
            if wid >= 0:
                keys.append((row << 32) | wid)
    return np.unique(np.asarray(keys, dtype=np.int64))


def _field_counts(key: np.ndarray, field: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (row << 32 | term) keys, sorted, and their counts in each field [3, n]:
    one sort of (key, field), whose runs of equal values are the counts."""
    ordered = np.sort((key << 2) | field)
    starts = np.flatnonzero(np.diff(ordered, prepend=-1))
    found = ordered[starts]
    new_pair = np.diff(found >> 2, prepend=-1) != 0
    pairs = (found >> 2)[new_pair]
    tfs = np.zeros((3, len(pairs)), dtype=np.float32)
    tfs[found & 3, np.cumsum(new_pair) - 1] = np.diff(starts, append=len(ordered))
    return pairs, tfs


_CANONICAL_DATE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\Z")  # as the store keeps it


def _timestamp(a: Article) -> float:
    """`a.timestamp`, without strptime's cost for the canonical form."""
    if _CANONICAL_DATE.match(a.published):
        return datetime.fromisoformat(a.published).timestamp()
    return a.timestamp
