"""The search index: field-weighted BM25 (BM25F) term weights in per-term CSR numpy arrays.

A `Segment` holds, for every term, the ids of the documents containing it and their
saturated field-weighted term frequency (idf is applied at query time, so a small delta
segment can share the statistics of the big base one). Segments persist as `.npy` files
and reload with `mmap_mode="r"`, so a worker starts in well under a second.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from knowledge.article import Article
from knowledge.regions import REGIONS
from knowledge.text import Tokenizer, normalise

FIELD_WEIGHTS = (3.0, 2.5, 1.0)  # title, keywords, body
FIELD_B = (0.3, 0.3, 0.75)  # length normalisation per field
K1 = 1.2
REGION_CODE = {name: i for i, name in enumerate(REGIONS)}
ARRAYS = ("indptr", "postings", "weights", "df", "region", "ts")


@dataclass
class Stats:
    """Corpus statistics the weights were computed with."""

    n_docs: int = 0
    avg_len: tuple[float, float, float] = (1.0, 1.0, 1.0)


@dataclass
class Segment:
    """An immutable inverted index over a set of articles."""

    ids: list[str]
    titles: list[str]  # normalised titles, for fuzzy re-ranking
    vocab: list[str]
    indptr: np.ndarray  # int64 [V + 1]
    postings: np.ndarray  # int32 [nnz] document rows
    weights: np.ndarray  # float32 [nnz] saturated BM25F tf, no idf
    df: np.ndarray  # int32 [V]
    region: np.ndarray  # int8 [N] index into REGIONS
    ts: np.ndarray  # float64 [N] published, seconds
    stats: Stats
    user_words: list[str] = field(default_factory=list)
    version: int = 0
    term_id: dict[str, int] = field(default_factory=dict)
    row_of: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.term_id:
            self.term_id = {t: i for i, t in enumerate(self.vocab)}
        if not self.row_of:
            self.row_of = {d: i for i, d in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def posting(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(document rows, weights) of one term, or None when absent."""
        tid = self.term_id.get(term)
        if tid is None:
            return None
        lo, hi = int(self.indptr[tid]), int(self.indptr[tid + 1])
        return self.postings[lo:hi], self.weights[lo:hi]

    def doc_freq(self, term: str) -> int:
        """How many documents contain `term`."""
        tid = self.term_id.get(term)
        return 0 if tid is None else int(self.df[tid])


def doc_fields(tok: Tokenizer, a: Article) -> tuple[list[str], list[str], list[str]]:
    """The (title, keywords, body) terms of one article."""
    kw_terms = tok.terms(" ".join(a.keywords)) if a.keywords else []
    for word in a.keywords:  # a keyword jieba splits still matches as a whole
        whole = normalise(word).replace(" ", "")
        if len(whole) > 1 and whole not in kw_terms:
            kw_terms.append(whole)
    return tok.terms(a.title), kw_terms, tok.terms(a.body)


def tokenize_chunk(tok: Tokenizer, articles: list[Article]) -> dict:
    """Term counts of a chunk of articles with a chunk-local vocabulary (cheap to pickle)."""
    local: dict[str, int] = {}
    docs, terms, tfs, lens = [], [], [], []
    for row, a in enumerate(articles):
        fields = doc_fields(tok, a)
        lens.append([len(f) for f in fields])
        counts: dict[str, list[int]] = {}
        for f, words in enumerate(fields):
            for word, n in Counter(words).items():
                counts.setdefault(word, [0, 0, 0])[f] = n
        for word, tf in counts.items():
            docs.append(row)
            terms.append(local.setdefault(word, len(local)))
            tfs.append(tf)
    return {
        "vocab": list(local),
        "docs": np.asarray(docs, dtype=np.int32),
        "terms": np.asarray(terms, dtype=np.int32),
        # term frequencies above 255 add nothing once BM25 has saturated them
        "tfs": np.minimum(np.asarray(tfs, dtype=np.int32), 255).astype(np.uint8).reshape(-1, 3),
        "lens": np.asarray(lens, dtype=np.float32).reshape(-1, 3),
        "ids": [a.id for a in articles],
        "titles": [normalise(a.title) for a in articles],
        "region": [REGION_CODE.get(a.region, 0) for a in articles],
        "ts": [a.timestamp for a in articles],
    }


BLOCK = 1 << 22  # postings per step of the vectorised passes, to bound temporaries
_BITS = 24  # doc rows below 2**24, term ids below 2**23 (the key's sign bit stays clear)
_TERM_SHIFT = _BITS + 16


def _weights(doc: np.ndarray, tf: np.ndarray, length: np.ndarray, stats: Stats) -> np.ndarray:
    """Saturated BM25F term weight of every posting."""
    inv = [(FIELD_WEIGHTS[f] / (1.0 - FIELD_B[f] + FIELD_B[f] * length[:, f]
                                / stats.avg_len[f])).astype(np.float32) for f in range(3)]
    weight = np.empty(len(doc), dtype=np.float32)
    for lo in range(0, len(doc), BLOCK):
        d, t = doc[lo:lo + BLOCK], tf[lo:lo + BLOCK]
        w = t[:, 0] * inv[0][d] + t[:, 1] * inv[1][d] + t[:, 2] * inv[2][d]
        weight[lo:lo + BLOCK] = w / (K1 + w)
    return weight


def _sort_by_term(parts: dict[str, np.ndarray],
                  n_terms: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Postings grouped by term, rows ascending: one int64 key (term | row | weight as a
    16-bit fraction) sorted in place, which needs far less memory than an argsort. The
    `term`, `doc` and `weight` arrays are taken out of `parts` and freed on the way."""
    n = len(parts["doc"])
    if n and (int(parts["doc"].max()) >> _BITS or n_terms >> (_BITS - 1)):
        raise ValueError("index too large: at most 16.7 million articles, 8.3 million terms")
    key = parts.pop("term").astype(np.int64) << _TERM_SHIFT
    key |= parts.pop("doc").astype(np.int64) << 16
    key |= np.rint(parts.pop("weight") * 65535.0).astype(np.int64)
    key.sort()
    postings = np.empty(len(key), dtype=np.int32)
    weights = np.empty(len(key), dtype=np.float32)
    df = np.zeros(n_terms, dtype=np.int64)
    for lo in range(0, len(key), BLOCK):
        k = key[lo:lo + BLOCK]
        postings[lo:lo + BLOCK] = (k >> 16) & ((1 << _BITS) - 1)
        weights[lo:lo + BLOCK] = (k & 0xFFFF).astype(np.float32) * np.float32(1.0 / 65535.0)
        df += np.bincount(k >> _TERM_SHIFT, minlength=n_terms)
    return postings, weights, df.astype(np.int32)


def assemble(chunks: Iterable[dict], stats: Stats | None = None,
             user_words: list[str] | None = None, version: int = 0) -> Segment:
    """Merge tokenised chunks into one Segment (weights use `stats`, else its own).
    Chunks are consumed one at a time, so a generator keeps only one chunk's words alive."""
    vocab: dict[str, int] = {}
    docs, terms, tfs, lens = [], [], [], []
    ids, titles, regions, stamps = [], [], [], []
    offset = 0
    for chunk in chunks:
        ids += chunk["ids"]
        titles += chunk["titles"]
        regions += chunk["region"]
        stamps += chunk["ts"]
        remap = np.fromiter((vocab.setdefault(t, len(vocab)) for t in chunk["vocab"]),
                            dtype=np.int32, count=len(chunk["vocab"]))
        docs.append(chunk["docs"] + offset)
        terms.append(remap[chunk["terms"]] if len(chunk["terms"]) else chunk["terms"])
        tfs.append(chunk["tfs"])
        lens.append(chunk["lens"])
        offset += len(chunk["lens"])
    n = offset
    doc = np.concatenate(docs) if docs else np.zeros(0, np.int32)
    term = np.concatenate(terms) if terms else np.zeros(0, np.int32)
    tf = np.concatenate(tfs) if tfs else np.zeros((0, 3), np.uint8)
    del docs, terms, tfs
    length = np.concatenate(lens) if lens else np.zeros((0, 3), np.float32)
    if stats is None:
        avg = tuple(float(max(x, 1.0)) for x in (length.mean(axis=0) if n else (1, 1, 1)))
        stats = Stats(n_docs=n, avg_len=avg)  # type: ignore[arg-type]
    parts = {"term": term, "doc": doc, "weight": _weights(doc, tf, length, stats)}
    del tf, term, doc
    postings, weights, df = _sort_by_term(parts, len(vocab))
    indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    return Segment(
        ids=ids,
        titles=titles,
        vocab=list(vocab),
        indptr=indptr,
        postings=postings,
        weights=weights,
        df=df,
        region=np.asarray(regions, dtype=np.int8),
        ts=np.asarray(stamps, dtype=np.float64),
        stats=stats,
        user_words=list(user_words or []),
        version=version,
    )
