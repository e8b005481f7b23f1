"""The knowledge base: articles in Redis, a per-process search index kept fresh from it."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import redis

from knowledge.answering import answer, pin, sentence_for
from knowledge.article import Article
from knowledge.editorial import Editorial
from knowledge.freshness import IndexHolder
from knowledge.regions import REGIONS, load_table
from knowledge.results import ImportSummary, SearchResult
from knowledge.store import ArticleStore
from knowledge.summary import summarise
from knowledge.wordlists import cache_word_classes_in

log = logging.getLogger(__name__)

BUNDLED_DIR = Path(__file__).resolve().parent / "data"
BATCH = 500


class KnowledgeBase:
    """Shared articles plus this process's search index (see docs/architecture.md, "The store")."""

    def __init__(self, redis_client: redis.Redis, prefix: str, data_dir: Path, *,
                 refresh_interval: float = 1.0, bundled_dir: Path | None = BUNDLED_DIR) -> None:
        self.store = ArticleStore(redis_client, prefix)
        self.data_dir = Path(data_dir)
        self.bundled_dir = bundled_dir
        load_table(self.data_dir)
        cache_word_classes_in(self.data_dir)
        self.index = IndexHolder(self.store, self.data_dir / "index", self.data_dir,
                                 refresh_interval=refresh_interval)
        self.editorial = Editorial(redis_client, prefix, interval=refresh_interval)
        self._summaries: dict[str, str] = {}
        self._summary_lock = threading.Lock()
        # Articles of recent answers, valid while the index version they were read at serves:
        # an answer then needs no round trip for its cards (they change with the version).
        self._articles: dict[str, Article] = {}
        self._articles_version = -1

    # --- articles -----------------------------------------------------------------------
    def count(self) -> int:
        """How many articles the shared store holds."""
        return self.store.count()

    def get(self, article_id: str) -> Article | None:
        """One article by id."""
        return self.store.get_many([article_id])[0]

    def get_many(self, ids: list[str]) -> list[Article]:
        """Articles by id, in order, skipping missing ones."""
        return [a for a in self.store.get_many(ids) if a is not None]

    def latest(self, region: str | None = None, limit: int = 5, offset: int = 0) -> list[Article]:
        """Newest first, of one region (None: all)."""
        if region is not None and region not in REGIONS:
            return []
        return self.get_many(self.store.latest_ids(region, limit, offset))

    def upsert(self, articles: Iterable[Article]) -> ImportSummary:
        """Add or replace articles by id (by URL when that URL is stored under another id)."""
        summary = ImportSummary()
        batch: dict[str, Article] = {}
        for article in articles:
            batch[article.id] = article
            if len(batch) >= BATCH:
                summary.merge(self._write(list(batch.values())))
                batch = {}
        if batch:
            summary.merge(self._write(list(batch.values())))
        return summary

    def _write(self, articles: list[Article]) -> ImportSummary:
        summary = ImportSummary()
        for a in articles:
            known = self.store.id_for_url(a.url)
            if known and known != a.id and a.id == _url_id(a.url):
                a.id = known  # a record without id updates the article stored for its URL
        existing = {a.id: old for a, old in zip(articles, self.store.get_many(
            [a.id for a in articles]), strict=True)}
        changed = []
        for a in articles:
            old = existing.get(a.id)
            if old is None:
                summary.added += 1
                changed.append(a)
            elif json.dumps(old.to_dict(), sort_keys=True) != json.dumps(a.to_dict(),
                                                                       sort_keys=True):
                summary.updated += 1
                changed.append(a)
            else:
                summary.unchanged += 1
        summary.version = self.store.upsert(changed) if changed else self.store.version()
        return summary

    def delete(self, ids: Iterable[str]) -> int:
        """Delete articles; returns how many existed."""
        return self.store.delete(list(ids))

    def import_paths(self, paths: Iterable[Path],
                     progress: Callable[[int], None] | None = None) -> ImportSummary:
        """Import files and folders; bad records are reported, good ones stored.
        `progress(n)` is called once per record read."""
        from knowledge import importers  # not at start: searching workers never import

        files, errors = importers.collect_files(paths)
        summary = ImportSummary(errors=list(errors))
        pending: list[Article] = []
        for path in files:
            for article, error in importers.read_file(path):
                if error is not None:
                    summary.errors.append(error)
                elif article is not None:
                    pending.append(article)
                if len(pending) >= BATCH:
                    summary.merge(self.upsert(pending))
                    pending = []
                if progress:
                    progress(1)
        if pending:
            summary.merge(self.upsert(pending))
        if not summary.version:
            summary.version = self.store.version()
        return summary

    def load_bundled(self) -> ImportSummary | None:
        """Load the bundled sample articles when the store has none (one worker does it)."""
        if self.bundled_dir is None or self.count() > 0 or not self.bundled_dir.is_dir():
            return None
        if not self.store.acquire_seed_lock():
            return None  # another worker is loading them right now
        try:
            summary = self.import_paths([self.bundled_dir])
        except (redis.RedisError, OSError):
            self.store.release_seed_lock()
            raise
        for error in summary.errors:
            log.error("bundled article rejected: %s", error)
        log.info("loaded %d bundled articles", summary.stored)
        return summary

    # --- search -------------------------------------------------------------------------
    def queue_freshness(self, pipe: Any) -> tuple[int, Callable[[list], None]] | None:
        """When the index's or the editors' once-a-second version check is due, queue it on
        `pipe` (the message's first round trip); returns how many results it adds and what
        to do with them, or None when nothing was queued."""
        index, editorial = self.index.due(), self.editorial.due()
        if not index and not editorial:
            return None
        count = self.store.queue_state(pipe) if index else 0
        if editorial:
            pipe.get(self.editorial.version_key)

        def apply(raw: list) -> None:
            if index:
                self.index.refresh(state=self.store.read_state(raw[:count]))
            if editorial:
                self.editorial.note_version(raw[count])

        return count + editorial, apply

    def ensure_fresh(self, wait: bool = False) -> None:
        """Pick up a newer index version (a cheap check, at most once per refresh interval)."""
        self.index.refresh(wait=wait)

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Build the full index from the store now and persist it; returns its version."""
        return self.index.rebuild(progress=progress)

    def search(self, query: str, *, region: str | None = None, limit: int = 5,
               today: date | None = None) -> SearchResult:
        """Rank articles for a follower's words: `region` (the follower's) is a soft
        preference, a place in the question a constraint, a time in it selects by date
        relative to `today` (default: the machine's date). See knowledge/answering.py."""
        self.ensure_fresh()
        ranker, tok, corrector = self.index.current()
        if ranker is None or not query or not query.strip():
            return SearchResult(query=query)
        result = answer(query, ranker, tok, corrector, self.editorial.synonyms(),
                        region=region, limit=limit, today=today or date.today(),
                        fetch=self._answer_articles)
        pinned = self.editorial.pinned(query)
        article = self.get(pinned) if pinned else None
        if article is not None:
            pin(result, article, limit)
        return result

    def sentence_for(self, query: str, article: Article) -> str:
        """The article's sentence that answers `query` ("" when none holds its words), without
        a search: for a card the follower picked from a list."""
        self.ensure_fresh()
        ranker, tok, corrector = self.index.current()
        if ranker is None or not query.strip():
            return ""
        return sentence_for(query, article, ranker, tok, corrector, self.editorial.synonyms())

    def _answer_articles(self, ids: list[str]) -> list[Article]:
        """The articles of `ids` in order (missing ones skipped), from memory where read
        since the index last changed."""
        with self._summary_lock:
            if self._articles_version != self.index.version or len(self._articles) > 20000:
                self._articles, self._articles_version = {}, self.index.version
            cache, version = self._articles, self._articles_version
        missing = [i for i in ids if i not in cache]
        found = {a.id: a for a in self.get_many(missing)} if missing else {}
        if found:
            with self._summary_lock:
                if self._articles_version == version:
                    cache.update(found)
        return [a for a in (cache.get(i) or found.get(i) for i in ids) if a is not None]

    def summary_of(self, article: Article) -> str:
        """At most 120 characters: the article's own summary, else extracted from its body."""
        if article.summary:
            return article.summary[:120]
        key = f"{article.id}:{hash(article.body)}"
        with self._summary_lock:
            found = self._summaries.get(key)
        if found is None:
            found = summarise(article.body, article.title)
            with self._summary_lock:
                if len(self._summaries) > 5000:
                    self._summaries.clear()
                self._summaries[key] = found
        return found

    def stats(self) -> dict:
        """Counts per region, the store's version and this process's index version."""
        return {
            "articles": self.count(),
            "version": self.store.version(),
            "index_version": self.index.version,
            "regions": self.store.region_counts(REGIONS),
            "checked_at": time.time(),
        }


def _url_id(url: str) -> str:
    from knowledge.article import id_from_url

    return id_from_url(url) if url else ""
