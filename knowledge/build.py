"""Building a search index from articles, over two processes when the corpus is large."""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

from knowledge.article import Article
from knowledge.index import Segment, Stats, assemble, tokenize_chunk
from knowledge.regions import place_names
from knowledge.text import Tokenizer, user_words_of

log = logging.getLogger(__name__)

PARALLEL_FROM = 4000  # below this a process pool costs more than it saves
CHUNK = 1000

_worker_tok: Tokenizer | None = None


def user_dictionary(articles: list[Article]) -> list[str]:
    """The jieba user words for a corpus: place names, keywords and quoted programme names."""
    places = [name for name in place_names() if len(name) >= 2]
    corpus = user_words_of((a.title, a.keywords, a.body) for a in articles)
    return sorted(set(places) | set(corpus))


def _tokenize_in_worker(articles: list[Article]) -> dict:
    assert _worker_tok is not None
    return tokenize_chunk(_worker_tok, articles)


def build_index(articles: list[Article], *, data_dir: Path | None = None, version: int = 0,
                processes: int | None = None, tokenizer: Tokenizer | None = None,
                stats: Stats | None = None,
                progress: Callable[[int], None] | None = None) -> tuple[Segment, Tokenizer]:
    """Tokenise and index `articles`; returns the segment and the tokenizer queries must use.

    With `tokenizer` given (a delta over an existing base) its user words are kept, else a
    new user dictionary is derived from the corpus. `stats` reuses a base's statistics.
    """
    if tokenizer is None:
        cache = Path(data_dir) / "jieba" if data_dir else None
        tokenizer = Tokenizer(user_dictionary(articles), cache_dir=cache)
    chunks_in = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
    if processes is None:
        processes = min(2, os.cpu_count() or 1) if len(articles) >= PARALLEL_FROM else 1
    chunks: list[dict] = []
    if processes > 1 and len(chunks_in) > 1:
        chunks = _parallel(tokenizer, chunks_in, processes, progress)
    else:
        for chunk in chunks_in:
            chunks.append(tokenize_chunk(tokenizer, chunk))
            if progress:
                progress(len(chunk))
    segment = assemble(articles, chunks, stats=stats, user_words=list(tokenizer.user_words),
                       version=version)
    return segment, tokenizer


def _parallel(tokenizer: Tokenizer, chunks_in: list[list[Article]], processes: int,
              progress: Callable[[int], None] | None) -> list[dict]:
    """Tokenise chunks in forked workers that inherit the initialised tokenizer."""
    global _worker_tok
    tokenizer.words("")  # initialise jieba once, before forking
    _worker_tok = tokenizer
    try:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(processes) as pool:
            chunks = []
            for chunk, done in zip(pool.imap(_tokenize_in_worker, chunks_in), chunks_in,
                                   strict=True):
                chunks.append(chunk)
                if progress:
                    progress(len(done))
            return chunks
    finally:
        _worker_tok = None
