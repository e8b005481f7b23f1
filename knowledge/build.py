"""Building a search index from articles, over two processes when the corpus is large."""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator

from knowledge.article import Article
from knowledge.index import Segment, Stats, assemble
from knowledge.postings import corpus_stats, tokenize_chunk
from knowledge.regions import place_names
from knowledge.text import Tokenizer, user_words_of

log = logging.getLogger(__name__)

PARALLEL_FROM = 4000  # below this a process pool costs more than it saves
CHUNK = 1000
IN_FLIGHT = 2  # chunks per worker process being tokenised or waiting to be merged

_worker_tok: Tokenizer | None = None
_worker_stats: Stats | None = None


def user_dictionary(articles: Iterable[Article], places: bool = True) -> list[str]:
    """The jieba user words for a corpus: place names, keywords and quoted programme names."""
    corpus = set(user_words_of((a.title, a.keywords, a.body) for a in articles))
    if places:
        corpus.update(name for name in place_names() if len(name) >= 2)
    return sorted(corpus)


def _tokenize_in_worker(articles: list[Article]) -> dict:
    assert _worker_tok is not None and _worker_stats is not None
    return tokenize_chunk(_worker_tok, articles, _worker_stats)


Source = list[Article] | Callable[[], Iterable[Article]]


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build_index(articles: Source, *, version: int = 0,
                processes: int | None = None, tokenizer: Tokenizer | None = None,
                stats: Stats | None = None, size: int | None = None,
                progress: Callable[[int], None] | None = None) -> tuple[Segment, Tokenizer]:
    """Tokenise and index articles; returns the segment and the tokenizer queries must use.

    `articles` is a list, or a function giving a fresh iterator (a stream from the store, read
    twice: once for the user dictionary, once to tokenise, never all held in memory). With
    `tokenizer` given (a delta over an existing base) its user words are kept, else a new
    user dictionary is derived from the corpus. `stats` reuses a base's statistics.
    """
    stream = articles if callable(articles) else (lambda: articles)
    if size is None:
        size = len(articles) if isinstance(articles, list) else PARALLEL_FROM
    if tokenizer is None or stats is None:
        words_found, found_stats = _first_pass(stream(), tokenizer is None)
        if tokenizer is None:
            tokenizer = Tokenizer(words_found)
        stats = stats or found_stats
    if processes is None:
        processes = min(2, os.cpu_count() or 1) if size >= PARALLEL_FROM else 1
    words = list(tokenizer.user_words)
    if processes > 1:
        segment = _parallel(tokenizer, stats, _chunks(stream()), processes, progress,
                            lambda chunks: assemble(chunks, stats, words, version))
    else:
        segment = assemble(_serial(tokenizer, stats, _chunks(stream()), progress), stats,
                           words, version)
    return segment, tokenizer


def _first_pass(articles: Iterable[Article], want_words: bool) -> tuple[list[str], Stats]:
    """One read of the corpus for its user dictionary and its length statistics."""
    stats_parts: list[Stats] = []
    words: set[str] = set()
    for chunk in _chunks(articles):
        if want_words:
            words.update(user_dictionary(chunk, places=False))
        stats_parts.append(corpus_stats(chunk))
    n = sum(p.n_docs for p in stats_parts)
    avg = tuple(sum(p.avg_len[f] * p.n_docs for p in stats_parts) / n if n else 1.0
                for f in range(3))
    places = [name for name in place_names() if len(name) >= 2] if want_words else []
    return sorted(words | set(places)), Stats(n_docs=n, avg_len=avg)  # type: ignore[arg-type]


def _serial(tokenizer: Tokenizer, stats: Stats, chunks_in: Iterator[list[Article]],
            progress: Callable[[int], None] | None) -> Iterator[dict]:
    for chunk in chunks_in:
        yield tokenize_chunk(tokenizer, chunk, stats)
        if progress:
            progress(len(chunk))


def _parallel(tokenizer: Tokenizer, stats: Stats, chunks_in: Iterator[list[Article]],
              processes: int,
              progress: Callable[[int], None] | None,
              merge: Callable[[Iterator[dict]], Segment]) -> Segment:
    """Tokenise chunks in forked workers that inherit the initialised tokenizer, merging
    each result as it arrives."""
    global _worker_tok, _worker_stats
    tokenizer.words("")  # load the dictionary once, before forking
    _worker_tok, _worker_stats = tokenizer, stats
    try:
        ctx = multiprocessing.get_context("fork")
        # At most a few chunks in flight: when the merging parent falls behind (a busy
        # machine), results must not pile up in memory.
        slots = threading.BoundedSemaphore(IN_FLIGHT * processes)

        def feed() -> Iterator[list[Article]]:
            for chunk in chunks_in:
                slots.acquire()
                yield chunk

        with ctx.Pool(processes) as pool:
            def results() -> Iterator[dict]:
                for chunk in pool.imap(_tokenize_in_worker, feed()):
                    slots.release()
                    if progress:
                        progress(len(chunk["ids"]))
                    yield chunk

            return merge(results())
    finally:
        _worker_tok = _worker_stats = None
