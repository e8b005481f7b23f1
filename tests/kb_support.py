"""Helpers for knowledge-base tests: a KnowledgeBase on the test Redis, sample records."""

from __future__ import annotations

from pathlib import Path

from bot.platform.redis_url import open_client
from knowledge import KnowledgeBase
from knowledge.base import BUNDLED_DIR

PREFIX = "test:"


def make_kb(redis_url: str, data_dir: Path, *, bundled: bool = False, prefix: str = PREFIX,
            refresh_interval: float = 0.0) -> KnowledgeBase:
    """A KnowledgeBase over the test server; `bundled` loads the sample articles."""
    kb = KnowledgeBase(open_client(redis_url), prefix, data_dir,
                       refresh_interval=refresh_interval,
                       bundled_dir=BUNDLED_DIR if bundled else None)
    if bundled:
        kb.load_bundled()
    return kb


def record(n: int, **fields) -> dict:
    """A valid article record number `n`, with `fields` overriding."""
    base = {
        "id": f"t-{n}",
        "title": f"测试文章{n}：襄阳举办春季招聘会",
        "url": f"https://example.cn/news/{n}.html",
        "published": f"2024-03-0{1 + n % 9} 09:00:00",
        "source": "测试日报",
        "column": "招聘信息",
        "keywords": ["招聘会", "襄阳"],
        "body": "襄阳市举办春季招聘会，200家企业提供岗位6000个。\n\n求职者可现场投递简历。",
    }
    base.update(fields)
    return base
