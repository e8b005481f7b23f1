from types import SimpleNamespace

import pytest

from handlers.context import Context, Session
from handlers.listing import MAX_BYTES, article_card, article_list
from handlers.registry import build_registry
from handlers.replies import Text
from handlers.search import Search
from knowledge import Article
from tests.kb_support import make_kb, record

BASE = "https://bot.example.cn"


class Followers:
    def __init__(self, region=None):
        self.region = region

    def region_of(self, openid):
        return self.region


@pytest.fixture
def kb(redis_url, tmp_path):
    return make_kb(redis_url, tmp_path, bundled=True)


def _ask(kb, text, followers=None, kind="text"):
    msg = SimpleNamespace(type=kind, content=text, recognition=text if kind == "voice" else None)
    ctx = Context(openid="o1", text=text, session=Session(), kb=kb, followers=followers)
    handler = Search()
    match = handler.check(msg, ctx)
    return (handler.handle(msg, ctx, match) if match else None), ctx


def test_search_sits_just_before_fallback():
    names = [h.name for h in build_registry()]
    assert names[-2:] == ["search", "fallback"]


def test_a_clear_winner_answers_first_then_links_its_article(kb):
    reply, ctx = _ask(kb, "荆州技能人才")
    assert isinstance(reply, Text)
    sentence, link = reply.content.split("\n\n")[:2]
    assert "荆州" in sentence and "技能" in sentence and len(sentence) <= 80
    assert sentence in kb.get("413c7548385390b6").body.replace("\n", "")
    assert link.startswith('详见：<a href="/articles/413c7548385390b6">郢匠逐梦新时代')
    last = ctx.session.last_list()
    assert last["kind"] == "search" and last["ids"][0] == "413c7548385390b6"
    # page -1: after a single answer, 更多 shows the list from its first page
    assert last["page"] == -1 and last["page_size"] == 3
    assert ctx.outcome == {"kind": "answer", "articles": ["413c7548385390b6"],
                           "coverage": 1.0}


def test_several_good_answers_are_a_numbered_list(kb):
    reply, ctx = _ask(kb, "招聘会")
    assert isinstance(reply, Text)
    assert reply.content.startswith("为您找到")
    assert "1. <a href=\"/articles/" in reply.content and "\n2. " in reply.content
    assert "\n4. " not in reply.content  # at most three; 更多 gives the rest
    assert len(reply.content.encode()) <= MAX_BYTES
    assert 4 <= len(ctx.session.last_list()["ids"]) <= 20
    assert ctx.outcome["kind"] == "list" and len(ctx.outcome["articles"]) == 3


def test_voice_recognition_is_searched_too(kb):
    reply, _ = _ask(kb, "马兰花计划", kind="voice")
    assert isinstance(reply, Text) and "马兰花" in reply.content and "/articles/" in reply.content


def test_nothing_found_suggests_topics_and_the_hotline(kb):
    reply, ctx = _ask(kb, "明天天气怎么样")
    assert isinstance(reply, Text)
    # off-topic: declined without quoting the message back (it reads as a robot repeating it)
    assert "明天天气怎么样" not in reply.content and "400-633-0111" in reply.content
    assert "招聘会" in reply.content
    assert ctx.session.last_list() is None


def _regions(kb, ctx):
    return [kb.get(i).region for i in ctx.session.last_list()["ids"]]


def test_the_subscribed_region_comes_first(kb):
    _, plain = _ask(kb, "招聘会")
    _, preferring = _ask(kb, "招聘会", followers=Followers("海南"))
    assert _regions(kb, plain)[0] != "海南"  # without the preference another region leads
    assert _regions(kb, preferring)[0] == "海南"
    assert set(_regions(kb, preferring)) == set(_regions(kb, plain))  # a preference, no filter


def test_without_a_knowledge_base_search_does_not_match():
    msg = SimpleNamespace(type="text", content="招聘会")
    ctx = Context(openid="o", text="招聘会", session=Session())
    assert Search().check(msg, ctx) is None
    image = SimpleNamespace(type="image")
    ctx.kb = object()
    assert Search().check(image, ctx) is None


def _long(n):
    return Article.from_dict(record(n, title="很长的标题" * 12, body="正文。" * 50))


def test_article_list_drops_whole_items_to_fit_2048_bytes():
    articles = [_long(n) for n in range(1, 20)]
    text = article_list(articles, header="标题", summaries=["摘要" * 30] * 19,
                        base_url=BASE).content
    assert len(text.encode()) <= MAX_BYTES
    assert text.count("<a href=") == text.count("</a>") >= 3
    last_number = max(int(line.split(".")[0]) for line in text.split("\n")
                      if line[:1].isdigit() and "." in line[:3])
    assert last_number < 19


def test_article_list_escapes_titles_and_numbers_from_start():
    a = Article.from_dict(record(1, title="<b>标题</b> & 更多"))
    text = article_list([a], start=6, base_url=BASE).content
    assert text.startswith("6. <a href=\"https://example.cn/news/1.html\">&lt;b&gt;标题")


def test_article_card_carries_cover_and_link():
    a = Article.from_dict(record(1, cover="https://example.cn/c.jpg"))
    card = article_card(a, "摘要", BASE)
    assert card.items[0].image == "https://example.cn/c.jpg"
    assert card.items[0].url == a.url and card.items[0].description == "摘要"


def test_links_to_our_own_pages_are_absolute_on_the_base_url():
    own = Article.from_dict(record(1, url=""))
    text = article_list([own], base_url="https://bot.example.cn/").content
    assert 'href="https://bot.example.cn/articles/t-1"' in text
    card = article_card(own, "摘要", "https://bot.example.cn")
    assert card.items[0].url == "https://bot.example.cn/articles/t-1"
    elsewhere = Article.from_dict(record(2))
    assert article_card(elsewhere, "摘要", "https://bot.example.cn").items[0].url == elsewhere.url


def test_the_byte_budget_counts_the_real_base_url():
    """However long the public address, the list fits whole items in 2048 bytes."""
    own = [Article.from_dict(record(n, url="", title="很长的标题" * 6)) for n in range(1, 20)]
    for base in ("https://b.cn", "https://" + "very-long-host-name." * 8 + "example.cn"):
        text = article_list(own, header="标题", summaries=["摘要" * 20] * 19,
                            base_url=base).content
        assert len(text.encode()) <= MAX_BYTES
        assert text.count(f'<a href="{base}/articles/') == text.count("</a>") >= 3
        assert not text.endswith("…")


def test_a_list_never_quotes_the_chatty_framing_back(kb):
    reply, _ = _ask(kb, "我想问一下俺考证补贴怎么领啊急死了说清楚点")
    header = reply.content.splitlines()[0]
    assert "考证补贴" in header and "急死" not in header and "俺" not in header
    reply, _ = _ask(kb, "我想知道招聘会" + "，" * 3 + "在哪里举办的啊有没有人知道到底在哪")
    assert reply.content.splitlines()[0] == "为您找到这些相关资讯："
