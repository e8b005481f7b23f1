"""The few calls the benchmark makes into knowledge/, in one place."""

from __future__ import annotations

from pathlib import Path

import redis

from knowledge import Article, KnowledgeBase

KEY_PREFIX = "jyq:"  # the app's default, so gunicorn's wsgi:app finds the same articles


def to_articles(records: list[dict]) -> list[Article]:
    """Article values from JSONL records, through the model's own checks."""
    make = getattr(Article, "from_dict", None)
    return [make(r) if make else Article(**r) for r in records]


def open_kb(client: redis.Redis, data_dir: Path) -> KnowledgeBase:
    """The knowledge base as a worker of the app would open it."""
    return KnowledgeBase(client, KEY_PREFIX, Path(data_dir))


def bundled_documents(kb: KnowledgeBase) -> list[dict]:
    """Every article of the store (after `load_bundled`) as id/title/keywords/body records."""
    return [{"id": a.id, "title": a.title, "keywords": list(a.keywords), "body": a.body}
            for a in kb.store.iter_all()]


def top_ids(result, limit: int = 5) -> list[str]:
    """Ids of the first `limit` hits of a SearchResult."""
    return [hit.article.id for hit in result.hits[:limit]]
