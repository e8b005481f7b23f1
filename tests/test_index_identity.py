"""A persisted index is never served for another store (issue 11, finding 4)."""

import json

import redis

from bot import create_app
from bot.services import get_services


def _articles(path, word, region):
    slug = {"电焊": "weld", "育婴": "baby"}[word]
    lines = [json.dumps({"id": f"{slug}-{n}", "title": f"{word}专项培训第{n}期开班",
                         "published": f"2026-11-0{n + 1}", "region": region,
                         "body": f"{word}专项培训面向城乡劳动者，第{n}期共招收学员50名。"},
                        ensure_ascii=False) for n in range(3)]
    path.write_text("\n".join(lines), "utf-8")
    return str(path)


def _top(app, query):
    result = get_services(app).kb.search(query)
    return result.hits[0].article.id if result.hits else None


def test_an_emptied_and_refilled_store_is_never_served_the_old_index(app_config, tmp_path):
    first = create_app(app_config)
    runner = first.test_cli_runner()
    assert runner.invoke(args=["kb", "import", _articles(tmp_path / "a.jsonl", "电焊",
                                                         "湖北")]).exit_code == 0
    old_version = get_services(first).kb.store.version()
    assert _top(first, "电焊培训").startswith("weld-")

    redis.Redis.from_url(app_config["redis_url"]).flushall()  # the store is reset ...
    assert runner.invoke(args=["kb", "import", _articles(tmp_path / "b.jsonl", "育婴",
                                                         "广东")]).exit_code == 0
    assert get_services(first).kb.store.version() == old_version  # ... to the same version

    restarted = create_app(app_config)  # a worker starting on the same data dir
    assert _top(restarted, "育婴培训").startswith("baby-")
    assert _top(restarted, "电焊培训") is None
    get_services(first).kb.ensure_fresh(wait=True)  # and a worker that kept running
    assert _top(first, "育婴培训").startswith("baby-")
    assert _top(first, "电焊培训") is None


def test_kb_rebuild_always_replaces_the_persisted_index(app_config, tmp_path):
    app = create_app(app_config)
    runner = app.test_cli_runner()
    runner.invoke(args=["kb", "import", _articles(tmp_path / "a.jsonl", "电焊", "湖北")])
    kb = get_services(app).kb
    folder = kb.index.root / f"v{kb.store.version()}"
    stamp = folder / "stale-marker"
    stamp.write_text("left by an earlier build")
    assert runner.invoke(args=["kb", "rebuild"]).exit_code == 0
    assert folder.is_dir() and not stamp.exists()

