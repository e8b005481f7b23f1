import threading

from bot.platform.redis_url import open_client
from knowledge import Article
from tests.kb_support import make_kb, record


def _articles(*records):
    return [Article.from_dict(r) for r in records]


def test_upsert_is_idempotent_and_bumps_the_version_only_on_change(redis_url, tmp_path):
    kb = make_kb(redis_url, tmp_path)
    first = kb.upsert(_articles(record(1), record(2)))
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    version = kb.store.version()
    again = kb.upsert(_articles(record(1), record(2)))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert kb.store.version() == version
    changed = kb.upsert(_articles(record(1, title="改过的标题")))
    assert changed.updated == 1 and kb.store.version() == version + 1
    assert kb.get("t-1").title == "改过的标题"
    assert kb.count() == 2


def test_a_record_without_id_updates_the_article_stored_for_its_url(redis_url, tmp_path):
    kb = make_kb(redis_url, tmp_path)
    kb.upsert(_articles(record(1)))
    no_id = record(1, title="按网址更新")
    del no_id["id"]
    summary = kb.upsert(_articles(no_id))
    assert summary.updated == 1
    assert kb.count() == 1 and kb.get("t-1").title == "按网址更新"


def test_latest_is_newest_first_per_region_with_paging(redis_url, tmp_path):
    kb = make_kb(redis_url, tmp_path)
    kb.upsert(_articles(*(record(n, region="湖北" if n % 2 else "广东") for n in range(1, 9))))
    hubei = kb.latest("湖北", limit=10)
    assert [a.region for a in hubei] == ["湖北"] * 4
    assert [a.published for a in hubei] == sorted((a.published for a in hubei), reverse=True)
    everything = kb.latest(limit=3) + kb.latest(limit=3, offset=3)
    assert len({a.id for a in everything}) == 6
    assert kb.latest("火星") == []


def test_region_change_moves_the_article_between_region_lists(redis_url, tmp_path):
    kb = make_kb(redis_url, tmp_path)
    kb.upsert(_articles(record(1, region="湖北")))
    kb.upsert(_articles(record(1, region="湖南")))
    assert kb.latest("湖北") == [] and [a.id for a in kb.latest("湖南")] == ["t-1"]


def test_delete_removes_article_and_indexes(redis_url, tmp_path):
    kb = make_kb(redis_url, tmp_path)
    kb.upsert(_articles(record(1, region="湖北"), record(2)))
    version = kb.store.version()
    assert kb.delete(["t-1", "nope"]) == 1
    assert kb.get("t-1") is None and kb.latest("湖北") == [] and kb.count() == 1
    assert kb.store.version() == version + 1
    assert kb.store.id_for_url(record(1)["url"]) is None


def test_every_key_carries_the_prefix_and_one_hash_tag(redis_url, tmp_path):
    kb = make_kb(redis_url, tmp_path, prefix="pfx:")
    kb.upsert(_articles(record(1)))
    keys = [k.decode() for k in open_client(redis_url).scan_iter("*")]
    assert keys and all(k.startswith("pfx:{kb}:") for k in keys)


def test_bundled_articles_load_once_even_when_workers_start_together(redis_url, tmp_path):
    kbs = [make_kb(redis_url, tmp_path / str(i)) for i in range(3)]
    from knowledge.base import BUNDLED_DIR

    results = []
    for kb in kbs:
        kb.bundled_dir = BUNDLED_DIR
    threads = [threading.Thread(target=lambda k=kb: results.append(k.load_bundled()))
               for kb in kbs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    loaded = [r for r in results if r is not None]
    assert len(loaded) == 1 and loaded[0].ok
    assert kbs[0].count() == loaded[0].added >= 49
    assert kbs[0].get("413c7548385390b6").region == "湖北"
    assert kbs[1].load_bundled() is None  # the store is no longer empty
