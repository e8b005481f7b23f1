"""Load the broadcast test articles into the real knowledge base (shared through Redis)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def load_articles(kb, cover_url: str, tmp_dir: Path) -> None:
    """Import tests/fixtures/broadcast_articles.jsonl, its COVER_URL set to `cover_url`."""
    text = (FIXTURES / "broadcast_articles.jsonl").read_text(encoding="utf-8")
    path = Path(tmp_dir) / "broadcast_articles.jsonl"
    path.write_text(text.replace("COVER_URL", cover_url), encoding="utf-8")
    summary = kb.import_paths([path])
    assert not summary.errors, summary.errors
