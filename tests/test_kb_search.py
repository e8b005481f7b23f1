"""Search behaviour, summaries, persistence and freshness across KnowledgeBase instances."""

import pytest

from knowledge import Article
from knowledge.persist import newest
from knowledge.regions import find_region
from knowledge.summary import summarise
from tests.kb_support import make_kb, record

SEED_ID = "413c7548385390b6"


@pytest.fixture
def kb(redis_url, tmp_path):
    return make_kb(redis_url, tmp_path / "a", bundled=True)


def test_seed_questions_find_the_seed(kb):
    for query in ("荆州技能人才", "马兰花计划", "郢匠杯", "荊州技能人才", "石首市烘焙培训班"):
        result = kb.search(query)
        assert result.hits and result.hits[0].article.id == SEED_ID, query


def test_city_sets_the_region_and_why_explains(kb):
    result = kb.search("荆州技能人才")
    assert result.region == "湖北"
    assert result.confident
    why = " ".join(result.hits[0].why)
    assert "荆州" in why and "地区：湖北" in why


def test_typos_are_corrected_and_reported(kb):
    result = kb.search("技嫩培训")
    [(wrong, right)] = result.corrections.items()
    assert "技嫩" in wrong and right == wrong.replace("技嫩", "技能")
    assert result.hits
    assert kb.search("补帖").corrections == {"补帖": "补贴"}


def test_real_words_are_not_corrected_into_others(kb):
    assert kb.search("明天天气怎么样").corrections == {}


@pytest.mark.parametrize("query", ["明天天气怎么样", "公积金贷款首付", "", "   ", "？？"])
def test_no_answer_below_the_threshold(kb, query):
    result = kb.search(query)
    assert result.hits == [] and not result.confident


def test_a_place_alone_does_not_answer_a_question_about_something_else(kb):
    assert kb.search("荆州").hits  # a place on its own: that place's news
    assert not kb.search("荆州房价涨了吗").hits  # 房价: no article is about it
    assert kb.search("荆州技能人才").hits[0].article.id == SEED_ID


def test_a_synonym_is_kept_whole_by_the_segmentation(kb):
    result = kb.search("想学当月嫂")  # jieba alone cuts 当月|嫂
    assert "月嫂" in result.terms and result.hits


def test_a_query_region_lifts_that_regions_articles(kb):
    plain = kb.search("招聘会", limit=5)
    assert plain.hits
    local = kb.search("湖北招聘会", limit=5)
    assert local.hits[0].article.region == "湖北"


def test_subscribed_region_is_a_mild_tiebreak(kb):
    base = kb.search("招聘会", limit=10)
    regions = [h.article.region for h in base.hits]
    target = next(r for r in regions[1:] if r not in ("全国", regions[0]))
    preferred = kb.search("招聘会", region=target, limit=10)
    pos = [h.article.region for h in preferred.hits].index(target)
    assert pos <= regions.index(target)


def test_ranked_ids_cover_more_than_the_hits(kb):
    result = kb.search("就业", limit=3)
    assert len(result.hits) == 3
    assert result.ranked_ids[:3] == [h.article.id for h in result.hits]
    assert 3 < len(result.ranked_ids) <= 20


def test_seed_summary_keeps_the_figures(kb):
    summary = kb.summary_of(kb.get(SEED_ID))
    assert len(summary) <= 120
    assert "技能人才总量超过73万人" in summary and "高技能人才超过23万人" in summary


def test_summary_skips_quotes_and_headings():
    body = ("“真高兴。”他说。\n\n小标题\n\n"
            "全市新增就业岗位3200个，帮助1500人实现就业。\n\n其他情况。")
    assert summarise(body).startswith("全市新增就业岗位3200个")
    assert len(summarise("字" * 500)) <= 120


def test_index_is_persisted_and_reloaded_by_another_worker(kb, redis_url, tmp_path):
    kb.search("荆州")  # builds and persists
    version = kb.store.version()
    assert newest(kb.index.root, version) is not None
    other = make_kb(redis_url, tmp_path / "a")
    other.ensure_fresh(wait=True)
    assert other.index.version == version
    assert other.index._base.version == version  # loaded from disk, not rebuilt
    assert other.search("郢匠杯").hits[0].article.id == SEED_ID


def test_a_new_article_is_served_by_another_instance_without_restart(kb, redis_url, tmp_path):
    other = make_kb(redis_url, tmp_path / "b")
    assert other.search("量子计算培训").hits == []
    kb.upsert([Article.from_dict(record(
        1, title="合肥启动量子计算工程师培训", keywords=["量子计算", "工程师培训"],
        body="合肥市启动量子计算工程师培训，首批招收学员300名。\n\n培训合格者颁发证书。"),
        infer_region=find_region)])
    found = other.search("量子计算培训")
    assert found.hits and found.hits[0].article.id == "t-1"
    assert found.hits[0].article.region == "安徽"
    other.delete(["t-1"])
    assert kb.search("量子计算培训").hits == []


def test_a_replaced_article_is_found_by_its_new_words_only(kb):
    kb.upsert([Article.from_dict(record(7, title="宜昌旧标题招聘会"))])
    assert kb.search("宜昌旧标题").hits[0].article.id == "t-7"
    kb.upsert([Article.from_dict(record(7, title="宜昌新标题招聘会"))])
    assert kb.search("宜昌新标题").hits[0].article.id == "t-7"
    assert all(h.article.id != "t-7" or "旧标题" not in " ".join(h.why)
               for h in kb.search("宜昌旧标题").hits)


def test_rebuild_makes_the_user_dictionary_current(kb):
    kb.upsert([Article.from_dict(record(8, body="十堰市推出“汽车工匠领航计划”，培训1000人。"))])
    kb.rebuild()
    tok = kb.index.current()[1]
    assert "汽车工匠领航计划" in tok.user_words
    assert kb.search("汽车工匠领航计划").hits[0].article.id == "t-8"


def test_many_changes_trigger_a_full_rebuild_that_is_persisted(kb, redis_url, tmp_path,
                                                               monkeypatch):
    from knowledge import freshness

    kb.search("荆州")
    monkeypatch.setattr(freshness, "DELTA_MAX", 5)
    other = make_kb(redis_url, tmp_path / "a")
    other.search("荆州")
    kb.upsert([Article.from_dict(record(n, title=f"第{n}期宜都招聘会")) for n in range(1, 80)])
    other.ensure_fresh(wait=True)  # a worker not yet serving would rebuild at once
    version = kb.store.version()
    assert other.index._base.version == version
    assert newest(kb.index.root, version).name == f"v{version}"
    assert other.search("第42期宜都招聘会").hits[0].article.id == "t-42"


def test_a_big_change_rebuilds_in_the_background_while_the_old_index_serves(
        kb, redis_url, tmp_path, monkeypatch):
    from knowledge import freshness

    monkeypatch.setattr(freshness, "DELTA_MAX", 5)
    kb.search("荆州")
    kb.upsert([Article.from_dict(record(n, title=f"第{n}期枝江招聘会")) for n in range(1, 80)])
    served = kb.search("郢匠杯")  # answered from the old index while rebuilding
    assert served.hits[0].article.id == SEED_ID
    kb.index._rebuilding.join(timeout=60)
    assert kb.search("第17期枝江招聘会").hits[0].article.id == "t-17"


def test_a_worker_without_a_persisted_index_answers_while_a_large_one_builds(
        kb, redis_url, tmp_path, monkeypatch):
    import threading

    from knowledge import freshness

    monkeypatch.setattr(freshness, "SYNC_BUILD_MAX", 10)
    answered = threading.Event()  # the build behind it waits until the first answer is out
    build = freshness.IndexHolder._load_or_build

    def held(self, version):
        answered.wait(timeout=30)
        return build(self, version)

    monkeypatch.setattr(freshness.IndexHolder, "_load_or_build", held)
    fresh = make_kb(redis_url, tmp_path / "empty")
    assert fresh.search("郢匠杯").hits == []  # answered at once, from an empty index
    answered.set()
    fresh.index._rebuilding.join(timeout=60)
    assert fresh.search("郢匠杯").hits[0].article.id == SEED_ID


def test_a_worker_adopts_the_index_an_import_persisted(kb, redis_url, tmp_path):
    kb.search("荆州")
    other = make_kb(redis_url, tmp_path / "a")
    other.search("荆州")
    kb.upsert([Article.from_dict(record(9, body="恩施州推出“硒茶工匠计划”，培训茶农800人。"))])
    version = kb.rebuild()  # what `kb import` does after writing
    other.ensure_fresh()
    assert other.index._base.version == version
    assert "硒茶工匠计划" in other.index.current()[1].user_words


def test_a_lookalike_typo_in_a_longer_word_is_corrected(kb):
    result = kb.search("佛山招骋会")
    assert result.corrections == {"招骋会": "招聘会"}
    assert result.hits[0].article.region == "广东"


def test_a_loaded_index_is_hidden_from_full_garbage_collections(redis_url, tmp_path):
    """The index's objects live until the next swap: the cyclic collector must not walk them
    on every full collection (at 100,000 articles, a 150 ms stall about once per thousand
    messages)."""
    import gc

    fresh = make_kb(redis_url, tmp_path / "gc", bundled=True)
    before = gc.get_freeze_count()
    fresh.search("荆州技能人才")
    base = fresh.index.current()[0].segments[0]
    assert gc.get_freeze_count() > before
    assert not any(obj is base for obj in gc.get_objects())  # frozen: out of every generation


def test_an_index_replaced_by_a_rebuild_is_freed(redis_url, tmp_path):
    """Hiding the index from the collector must not keep old ones alive: a search result
    refers to itself and to its segment, and a cycle hidden with it would never be freed."""
    import gc
    import weakref

    fresh = make_kb(redis_url, tmp_path / "old", bundled=True)
    fresh.rebuild()
    fresh.search("荆州技能人才")
    fresh.search("佛山招骋会")  # a correction: the corrector's tables too
    old = weakref.ref(fresh.index.current()[0].segments[0])
    fresh.upsert([Article.from_dict(record(9, body="恩施州推出“硒茶工匠计划”，培训茶农800人。"))])
    fresh.rebuild()
    fresh.ensure_fresh()
    assert fresh.search("硒茶工匠计划").hits
    gc.collect()
    assert old() is None


def test_a_search_result_is_freed_without_the_cycle_collector(kb):
    """A result makes no reference cycle, so it (and the segment rows it holds) is freed the
    moment the reply is sent, not at the next collection."""
    import gc
    import weakref

    result = kb.search("荆州技能人才")
    assert result.answer  # worked out from the leading article when read
    gone = weakref.ref(result)
    gc.disable()
    try:
        del result
        assert gone() is None
    finally:
        gc.enable()
