"""Latest news, region news, paging and picking, in-process over the bundled articles."""

from __future__ import annotations

import re

import pytest

from bot.services import get_services
from handlers.context import Session
from handlers.listing import article_link
from handlers.replies import News, Text
from tests.support.messages import context, message
from tests.test_conv_events import answer


@pytest.fixture
def services(app):
    return get_services(app)


class Follower:
    """One follower talking in-process, keeping their session between messages."""

    def __init__(self, services) -> None:
        self.services = services
        self.session = Session()

    def say(self, text: str):
        msg = message("text", Content=text)
        return answer(msg, context(msg, self.session, kb=self.services.kb,
                                   followers=self.services.followers))

    def send(self, name: str, **fields):
        msg = message(name, **fields)
        return answer(msg, context(msg, self.session, kb=self.services.kb,
                                   followers=self.services.followers))


@pytest.fixture
def follower(services):
    return Follower(services)


def numbered(reply: Text) -> list[int]:
    """The item numbers of a list reply."""
    return [int(n) for n in re.findall(r"^(\d+)\. ", reply.content, flags=re.M)]


@pytest.mark.parametrize(
    "text", ["最新", "今日", "头条", "有什么新闻", "请问有什么新闻吗？", "最新资讯"]
)
def test_latest_news_lists_the_newest(follower, services, text):
    name, reply = follower.say(text)
    assert name == "latest" and isinstance(reply, Text)
    assert numbered(reply) == [1, 2, 3, 4, 5]
    newest = services.kb.latest(limit=1)[0]
    assert newest.title.split()[0][:10] in reply.content
    last = follower.session.last_list()
    assert last["kind"] == "latest" and last["page"] == 0 and len(last["ids"]) == 20
    assert len(reply.content.encode()) <= 2048


@pytest.mark.parametrize(
    ("text", "region"),
    [("湖北新闻", "湖北"), ("荆州的资讯", "湖北"), ("全国", "全国"), ("湖北", "湖北"),
     ("湖北省最新消息", "湖北"), ("看看广东的新闻", "广东"), ("恩施地区新闻", "湖北")],
)
def test_region_news(follower, services, text, region):
    name, reply = follower.say(text)
    assert name == "region_news"
    expected = services.kb.latest(region=region, limit=20)
    last = follower.session.last_list()
    assert last["kind"] == "region" and last["region"] == region
    assert last["ids"] == [a.id for a in expected]
    assert f"{region}最新资讯" in reply.content


@pytest.mark.parametrize("text", ["荆州", "湖北培训补贴", "荆州技能人才", "新闻联播"])
def test_topics_and_bare_cities_are_searches(follower, text):
    assert follower.say(text)[0] == "search"


def test_region_without_articles_shows_the_national_news(follower, services):
    services.kb.delete([a.id for a in services.kb.latest(region="西藏", limit=20)])
    name, reply = follower.say("西藏新闻")
    assert name == "region_news" and reply.content.startswith("暂时还没有西藏本地的资讯")
    assert "全国最新资讯" in reply.content
    assert follower.session.last_list()["region"] == "全国"


def test_region_without_articles_and_no_national_news_says_so(follower, services):
    gone = services.kb.latest(region="西藏", limit=20) + services.kb.latest(region="全国",
                                                                           limit=100)
    services.kb.delete([a.id for a in gone])
    name, reply = follower.say("西藏新闻")
    assert name == "region_news" and "暂时还没有西藏的资讯" in reply.content
    assert follower.session.last_list() is None


def test_paging_forward_and_back(follower, services):
    assert services.kb.count() >= 20  # four pages of the newest 20
    follower.say("最新")
    assert numbered(follower.say("更多")[1]) == [6, 7, 8, 9, 10]
    reply = follower.say("下一页")[1]
    assert numbered(reply) == [11, 12, 13, 14, 15] and "第3/4页" in reply.content
    assert numbered(follower.say("上一页")[1]) == [6, 7, 8, 9, 10]
    follower.say("更多")
    follower.say("更多")
    name, reply = follower.say("更多")
    assert name == "paging" and "最后一页" in reply.content and "20" in reply.content
    assert follower.session.last_list()["page"] == 3


def test_previous_on_the_first_page(follower):
    follower.say("湖北新闻")
    assert "第一页" in follower.say("上一页")[1].content


def test_paging_without_a_list_hints(follower):
    name, reply = follower.say("更多")
    assert name == "paging" and "没有可以翻页" in reply.content


@pytest.mark.parametrize(("text", "index"), [("2", 1), ("第三条", 2), ("第3篇", 2), ("１", 0)])
def test_pick_gives_the_card(follower, services, text, index):
    follower.say("最新")
    target = services.kb.get(follower.session.last_list()["ids"][index])
    name, reply = follower.say(text)
    assert name == "pick" and isinstance(reply, News)
    assert reply.items[0].title == target.title and reply.items[0].url == article_link(target, "")
    assert reply.items[0].description == services.kb.summary_of(target)


def test_pick_numbers_are_global_across_pages(follower, services):
    follower.say("最新")
    follower.say("更多")
    ids = follower.session.last_list()["ids"]
    assert follower.say("7")[1].items[0].title == services.kb.get(ids[6]).title


def test_pick_out_of_range_and_without_a_list(follower):
    name, reply = follower.say("3")
    assert name == "pick" and "先发关键词" in reply.content
    follower.say("湖北新闻")
    count = len(follower.session.last_list()["ids"])
    assert f"只有 {count} 条" in follower.say("第15条")[1].content


def test_pick_after_the_article_was_removed(follower, services):
    follower.say("最新")
    services.kb.delete([follower.session.last_list()["ids"][0]])
    assert "找不到" in follower.say("1")[1].content


def test_location_message_gives_that_regions_news(follower, services):
    name, reply = follower.send("location")
    assert name == "location" and "湖北最新资讯" in reply.content
    assert follower.session.get("located") == "湖北"
    assert follower.session.last_list()["region"] == "湖北"
    assert services.followers.located_region("o_follower_1") == "湖北"


@pytest.mark.parametrize(("key", "title"), [("LATEST", "最新资讯"), ("REGION_湖北", "湖北最新资讯"),
                                            ("REGION_全国", "全国最新资讯")])
def test_menu_news_keys(follower, key, title):
    name, reply = follower.send("event_click", EventKey=key)
    assert name == "click" and title in reply.content


def test_menu_my_region_uses_the_subscription_then_the_location(follower, services):
    follower.send("event_location")  # 武汉 → 湖北, remembered silently
    assert "湖北最新资讯" in follower.send("event_click", EventKey="MY_REGION")[1].content
    services.followers.subscribe_region("o_follower_1", "广东")
    assert "广东最新资讯" in follower.send("event_click", EventKey="MY_REGION")[1].content


def test_menu_unknown_region_answers_help(follower):
    reply = follower.send("event_click", EventKey="REGION_火星")[1]
    assert "就业桥可以帮您" in reply.content


def test_cancel_drops_the_list(follower):
    follower.say("最新")
    assert follower.say("取消")[0] == "cancel"
    assert follower.say("更多")[1].content.startswith("现在没有")
