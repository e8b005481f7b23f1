"""Building a search index from articles, over two processes when the corpus is large."""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from knowledge.article import Article
from knowledge.index import Segment, Stats, assemble
from knowledge.postings import corpus_stats, tokenize_chunk
from knowledge.regions import place_names
from knowledge.text import Tokenizer, user_words_of

log = logging.getLogger(__name__)

PARALLEL_FROM = 4000  # below this a process pool costs more than it saves
CHUNK = 1000
IN_FLIGHT = 2  # chunks per worker process being tokenised or waiting to be merged


class Reader(Protocol):
    """A store the build's processes read themselves, a batch of ids at a time (the parent
    then only hands out ids and merges)."""

    def all_ids(self) -> list[str]: ...

    def get_many(self, ids: list[str]) -> list[Article | None]: ...


Source = list[Article] | Callable[[], Iterable[Article]] | Reader


def user_dictionary(articles: Iterable[Article], places: bool = True) -> list[str]:
    """The jieba user words for a corpus: place names, keywords and quoted programme names."""
    corpus = set(user_words_of((a.title, a.keywords, a.body) for a in articles))
    if places:
        corpus.update(name for name in place_names() if len(name) >= 2)
    return sorted(corpus)


@dataclass
class _Job:
    """What each chunk of a build needs; a forked worker process inherits it."""

    reader: Reader | None = None
    tok: Tokenizer | None = None
    stats: Stats | None = None
    want_words: bool = False

    def articles(self, task: list) -> list[Article]:
        """A chunk's articles: given, or read by id."""
        if self.reader is None:
            return task
        return [a for a in self.reader.get_many(task) if a is not None]

    def survey(self, task: list) -> tuple[list[str], Stats]:
        """First pass over a chunk: its user words and its length statistics."""
        articles = self.articles(task)
        words = user_dictionary(articles, places=False) if self.want_words else []
        return words, corpus_stats(articles)

    def tokenize(self, task: list) -> dict:
        """Second pass: the chunk's weighted postings."""
        assert self.tok is not None and self.stats is not None
        return tokenize_chunk(self.tok, self.articles(task), self.stats)


_job: _Job | None = None  # the job of the pool being forked
_fork_lock = threading.Lock()


def _in_worker(step_task: tuple[str, list]):
    assert _job is not None
    step, task = step_task
    return getattr(_job, step)(task)


def build_index(articles: Source, *, version: int = 0,
                processes: int | None = None, tokenizer: Tokenizer | None = None,
                stats: Stats | None = None, size: int | None = None,
                progress: Callable[[int], None] | None = None) -> tuple[Segment, Tokenizer]:
    """Tokenise and index articles; returns the segment and the tokenizer queries must use.

    `articles` is a list, a function giving a fresh iterator (read twice: once for the user
    dictionary, once to tokenise, never all held in memory), or a Reader (a store that the
    worker processes read in parallel, from one snapshot of its ids). With `tokenizer` given
    (a delta over an existing base) its user words are kept, else a new user dictionary is
    derived from the corpus. `stats` reuses a base's statistics.
    """
    job = _Job()
    if isinstance(articles, list) or callable(articles):
        stream = articles if callable(articles) else (lambda: articles)
        tasks: Callable[[], Iterator[list]] = lambda: _chunks(stream())  # noqa: E731
        if size is None:
            size = len(articles) if isinstance(articles, list) else PARALLEL_FROM
    else:
        job.reader, ids = articles, articles.all_ids()  # one snapshot for both passes
        tasks = lambda: (ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK))  # noqa: E731
        size = len(ids)
    if processes is None:
        processes = min(2, os.cpu_count() or 1) if size >= PARALLEL_FROM else 1
    if tokenizer is None or stats is None:
        job.want_words = tokenizer is None
        with _workers(job, processes) as run:
            words_found, found_stats = _survey(run("survey", tasks()), job.want_words)
        tokenizer = tokenizer or Tokenizer(words_found)
        stats = stats or found_stats
    job.tok, job.stats = tokenizer, stats

    def counted(chunks: Iterator[dict]) -> Iterator[dict]:
        for chunk in chunks:
            if progress:
                progress(len(chunk["ids"]))
            yield chunk

    with _workers(job, processes) as run:
        segment = assemble(counted(run("tokenize", tasks())), stats,
                           list(tokenizer.user_words), version)
    return segment, tokenizer


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _survey(parts: Iterable[tuple[list[str], Stats]], want_words: bool) -> tuple[list[str],
                                                                                 Stats]:
    """The corpus's user dictionary and length statistics from those of its chunks."""
    stats_parts: list[Stats] = []
    words: set[str] = set()
    for found, part in parts:
        words.update(found)
        stats_parts.append(part)
    n = sum(p.n_docs for p in stats_parts)
    avg = tuple(sum(p.avg_len[f] * p.n_docs for p in stats_parts) / n if n else 1.0
                for f in range(3))
    places = [name for name in place_names() if len(name) >= 2] if want_words else []
    return sorted(words | set(places)), Stats(n_docs=n, avg_len=avg)  # type: ignore[arg-type]


@contextmanager
def _workers(job: _Job, processes: int) -> Iterator[Callable[[str, Iterator[list]], Iterator]]:
    """A function giving `job.<step>` of each task in order: here, or in forked worker
    processes that inherit the job (the tokenizer's dictionary loaded once, before forking).
    The pool lives exactly as long as the `with` block, whatever happens in it."""
    if processes <= 1:
        yield lambda step, tasks: map(getattr(job, step), tasks)
        return
    import multiprocessing  # not at import: a serving worker never builds in parallel

    global _job
    if job.tok is not None:
        job.tok.words("")
    with _fork_lock:
        _job = job
        try:
            pool = multiprocessing.get_context("fork").Pool(processes, _reset_signals)
        finally:
            _job = None
    stop = threading.Event()
    # At most a few chunks in flight: when the merging parent falls behind (a busy machine),
    # results must not pile up in memory.
    slots = threading.BoundedSemaphore(IN_FLIGHT * processes)

    def run(step: str, tasks: Iterator[list]) -> Iterator:
        def feed() -> Iterator[tuple[str, list]]:
            for task in tasks:
                while not slots.acquire(timeout=0.5):  # the pool's feeding thread must
                    if stop.is_set():  # never hang, or terminating the pool would too
                        return
                yield step, task

        for result in pool.imap(_in_worker, feed()):
            slots.release()
            yield result

    try:
        yield run
        pool.close()  # the workers leave when their queue is done
        pool.join()
    finally:
        stop.set()
        pool.terminate()


def _reset_signals() -> None:
    """A forked worker must stop when the pool terminates it, whatever handlers its parent
    (a gunicorn worker, a CLI) installed."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
