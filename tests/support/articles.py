"""A small in-memory article source with the knowledge base's `get(id)` for broadcast tests."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


class ArticleShelf:
    """Articles from tests/fixtures/broadcast_articles.jsonl, looked up by id."""

    def __init__(self, cover_url: str = "") -> None:
        self.articles = {}
        path = FIXTURES / "broadcast_articles.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line.replace("COVER_URL", cover_url))
            self.articles[record["id"]] = SimpleNamespace(**record)

    def get(self, article_id: str):
        """The article, or None (as the knowledge base answers for an unknown id)."""
        return self.articles.get(article_id)

    def count(self) -> int:
        """How many articles (health check)."""
        return len(self.articles)
