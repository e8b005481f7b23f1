"""The search index: field-weighted BM25 (BM25F) term weights in per-term CSR numpy arrays.

A `Segment` holds, for every term, the ids of the documents containing it and their
saturated field-weighted term frequency (idf is applied at query time, so a small delta
segment can share the statistics of the big base one). Segments persist as `.npy` files
and reload with `mmap_mode="r"`, so a worker starts in well under a second.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from knowledge.regions import REGIONS

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
    # the best-weighted postings of very common terms, filled by the candidate pass
    champions: dict = field(default_factory=dict, repr=False, compare=False)
    _term_id: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)
    _row_of: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def term_id(self) -> dict[str, int]:
        """Term → its row in the CSR arrays (built on first use: a worker starts sooner)."""
        if self._term_id is None:
            self._term_id = {t: i for i, t in enumerate(self.vocab)}
        return self._term_id

    @property
    def row_of(self) -> dict[str, int]:
        """Article id → its document row (built on first use: only a delta needs it)."""
        if self._row_of is None:
            self._row_of = {d: i for i, d in enumerate(self.ids)}
        return self._row_of

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


BLOCK = 1 << 22  # postings per step of the vectorised passes, to bound temporaries
_BITS = 24  # doc rows below 2**24, term ids below 2**23 (the key's sign bit stays clear)
_TERM_SHIFT = _BITS + 16
QUANTUM = 65535.0  # weights are kept as 16-bit fractions inside the sort key


def pack(terms: np.ndarray, rows: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """One sortable int64 per posting: term id | document row | weight (16 bits)."""
    key = np.left_shift(terms, _TERM_SHIFT, dtype=np.int64)
    key |= np.left_shift(rows, 16, dtype=np.int64)
    key |= np.rint(weights * np.float32(QUANTUM)).astype(np.int64)
    return key


def _unpack(key: np.ndarray, n_terms: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row pointers, postings and weights of sorted keys (in blocks, to bound temporaries)."""
    # Each term's range by binary search in the sorted keys: no pass over them.
    indptr = np.searchsorted(key, np.arange(n_terms + 1, dtype=np.int64) << _TERM_SHIFT)
    postings = np.empty(len(key), dtype=np.int32)
    weights = np.empty(len(key), dtype=np.float32)
    for lo in range(0, len(key), BLOCK):
        k = key[lo:lo + BLOCK]
        postings[lo:lo + BLOCK] = (k >> 16) & ((1 << _BITS) - 1)
        if sys.byteorder == "little":  # the low 16 bits are every fourth uint16: no mask
            w = k.view(np.uint16)[0::4]
        else:
            w = k & 0xFFFF
        np.multiply(w, np.float32(1.0 / QUANTUM), out=weights[lo:lo + BLOCK],
                    dtype=np.float32)
    return indptr.astype(np.int64), postings, weights


def assemble(chunks: Iterable[dict], stats: Stats, user_words: list[str] | None = None,
             version: int = 0) -> Segment:
    """Merge weighted chunks (see postings.py) into one Segment. Chunks are consumed one at
    a time and reduced to 8 bytes a posting, so a generator keeps memory low."""
    vocab: dict[str, int] = {}
    ids, titles, regions, stamps = [], [], [], []
    # The packed keys of all chunks, joined once at the end: for a moment 16 bytes a
    # posting, no more than unpacking the sorted keys takes afterwards.
    parts: list[np.ndarray] = []
    for chunk in chunks:
        offset = len(ids)
        ids += chunk["ids"]
        titles += chunk["titles"]
        regions += chunk["region"]
        stamps += chunk["ts"]
        words = chunk["vocab"]
        if len(ids) >> _BITS or len(vocab) + len(words) >= 1 << (_BITS - 1):
            raise ValueError(
                "index too large: at most 16.7 million articles, 8.3 million terms")
        # A chunk's vocabulary is in string order (postings.py): its new terms too.
        for term in sorted(set(words).difference(vocab)):
            vocab[term] = len(vocab)
        remap = np.fromiter(map(vocab.__getitem__, words), dtype=np.int64, count=len(words))
        if len(chunk["terms"]):
            parts.append(pack(remap[chunk["terms"]], chunk["docs"] + offset, chunk["weights"]))
    key = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    del parts
    key.sort()  # by term, then row: the CSR layout
    indptr, postings, weights = _unpack(key, len(vocab))
    del key
    df = np.diff(indptr).astype(np.int32)
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
