"""Near-twins, dates and places in ranking, and the editors' synonyms and pins."""

from datetime import date

import pytest

from knowledge import Article
from tests.kb_support import make_kb, record

TODAY = date(2026, 12, 2)
BODY = ("{city}市人社局举办{year}年春风行动招聘会，{n}家企业提供岗位。\n\n"
        "求职者可带简历到现场，也可在线投递，报名截止到{year}年3月底。")


PINYIN = {"荆州": "jz", "长沙": "cs"}


def _fair(n, city, region, year, **extra):
    return record(n, id=f"fair-{PINYIN[city]}-{year}", title=f"{city}{year}年春风行动招聘会举行",
                  published=f"{year}-02-1{n % 9} 09:00:00", region=region,
                  keywords=["春风行动", "招聘会"], url="",
                  body=BODY.format(city=city, year=year, n=100 + n), **extra)


@pytest.fixture
def kb(redis_url, tmp_path):
    kb = make_kb(redis_url, tmp_path)
    kb.upsert(Article.from_dict(r) for r in [
        _fair(1, "荆州", "湖北", 2023), _fair(2, "荆州", "湖北", 2024),
        _fair(3, "荆州", "湖北", 2025),
        _fair(4, "长沙", "湖南", 2025), _fair(5, "长沙", "湖南", 2024),
        record(6, id="national", title="全国就业见习计划启动 见习补贴提高", region="全国",
               keywords=["就业见习"], url="", published="2025-05-01 09:00:00",
               body="人社部启动就业见习计划，见习补贴标准提高。\n\n各地将募集见习岗位。"),
    ])
    return kb


def _ids(result):
    return [h.article.id for h in result.hits]


def test_without_a_year_the_newest_twin_leads(kb):
    assert _ids(kb.search("荆州春风行动招聘会", today=TODAY))[:3] == [
        "fair-jz-2025", "fair-jz-2024", "fair-jz-2023"]


@pytest.mark.parametrize(("question", "want"), [
    ("2023年荆州春风行动招聘会", "fair-jz-2023"), ("24年荆州春风行动", "fair-jz-2024"),
    ("去年荆州的春风行动招聘会", "fair-jz-2025"), ("荆州前年春风行动", "fair-jz-2024"),
])
def test_a_year_in_the_question_selects_by_date(kb, question, want):
    assert _ids(kb.search(question, today=TODAY))[0] == want


def test_relative_years_follow_the_injected_today(kb):
    assert _ids(kb.search("去年荆州春风行动", today=date(2024, 6, 1)))[0] == "fair-jz-2023"


def test_a_named_place_keeps_the_list_to_its_province(kb):
    result = kb.search("长沙春风行动招聘会", today=TODAY)
    assert _ids(result) == ["fair-cs-2025", "fair-cs-2024"]
    assert {h.article.region for h in kb.search("湖南招聘会", today=TODAY).hits} == {"湖南"}


def test_a_place_with_nothing_gets_national_articles_labelled(kb):
    result = kb.search("广东就业见习补贴", today=TODAY)
    assert result.missing_place == "广东" and _ids(result) == ["national"]


def test_the_subscribed_region_comes_first_but_keeps_the_others(kb):
    ids = _ids(kb.search("春风行动招聘会", region="湖南", today=TODAY))
    assert ids[0].startswith("fair-cs") and any(i.startswith("fair-jz") for i in ids)


def test_an_editors_synonym_reaches_another_worker_without_a_restart(kb, redis_url, tmp_path):
    other = make_kb(redis_url, tmp_path / "other")  # a second worker on the same store
    assert not other.search("练手岗", today=TODAY).hits
    kb.editorial.add_synonym("练手岗", ["见习"])
    assert other.search("练手岗", today=TODAY).hits
    assert kb.editorial.delete_synonym("练手岗")
    assert not other.search("练手岗", today=TODAY).hits


def test_a_pinned_question_always_answers_with_its_article(kb, redis_url, tmp_path):
    other = make_kb(redis_url, tmp_path / "other")
    kb.editorial.pin("荆州招聘会？", "fair-jz-2023")
    result = other.search("荆州 招聘会", today=TODAY)
    assert result.pinned and result.confident and _ids(result)[0] == "fair-jz-2023"
    assert kb.editorial.unpin("荆州招聘会")
    assert _ids(other.search("荆州招聘会", today=TODAY))[0] == "fair-jz-2025"


def test_framing_never_outweighs_the_content_words(kb):
    plain = kb.search("荆州春风行动", today=TODAY)
    chatty = kb.search("我想问一下俺荆州春风行动急死了说清楚点", today=TODAY)
    assert _ids(chatty) == _ids(plain) and chatty.coverage == plain.coverage


def test_the_reply_says_the_place_had_nothing_and_labels_national_articles(kb):
    from types import SimpleNamespace

    from config.settings import load_settings
    from handlers.context import Context, Session
    from handlers.search import Search

    msg = SimpleNamespace(type="text", content="广东就业见习补贴")
    ctx = Context(openid="o1", text=msg.content, session=Session(), kb=kb,
                  settings=load_settings({}, overrides={"bot_data_dir": "/tmp"}))
    reply = Search().handle(msg, ctx, Search().check(msg, ctx))
    first_line = reply.content.splitlines()[0]
    assert first_line == "广东暂时没有相关资讯，以下是全国的："
    assert "/articles/national" in reply.content and "全国" in reply.content
