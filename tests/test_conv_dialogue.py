"""Whole conversations over real HTTP through WeChat's side, as the held-out client talks."""

from __future__ import annotations

import re
import threading

import pytest

from bot.services import get_services
from tests.support.conversation import click, post_fixture


def numbers(text: str) -> list[int]:
    """The item numbers of a list as the follower sees it."""
    return [int(n) for n in re.findall(r"^(\d+)\. ", text, flags=re.M)]


@pytest.fixture
def kb(app):
    return get_services(app).kb


def test_search_more_pick_cancel(wechat, kb):
    ranked = kb.search("创业", limit=5).ranked_ids
    assert len(ranked) > 10  # the bundled articles give this query a long list

    first = wechat.text("o_alice", "创业")
    assert first.reply["MsgType"] == "text" and numbers(first.text) == [1, 2, 3]
    assert "更多" in first.text

    more = wechat.text("o_alice", "更多")
    assert numbers(more.text) == [4, 5, 6] and "“创业”的相关资讯" in more.text

    card = wechat.text("o_alice", "2")
    second = kb.get(ranked[1])
    assert card.reply["MsgType"] == "news"
    assert second.title in card.text and f"/articles/{second.id}" in card.text

    done = wechat.text("o_alice", "取消")
    assert done.text.startswith("好的")
    assert "没有可以翻页" in wechat.text("o_alice", "更多").text
    assert "先发关键词" in wechat.text("o_alice", "2").text


def test_safe_mode_conversation(safe_config, wechat, kb):
    assert wechat.mode == "safe"
    assert numbers(wechat.text("o_safe", "最新").text) == [1, 2, 3, 4, 5]
    newest = kb.latest(limit=1)[0]
    assert newest.title in wechat.text("o_safe", "第一条").text


def test_two_followers_at_once_keep_their_own_lists(wechat, kb):
    hubei = [a.id for a in kb.latest(region="湖北", limit=20)]
    latest = [a.id for a in kb.latest(limit=20)]
    assert hubei[1] != latest[1] and 5 < len(hubei) < 10 and len(latest) == 20
    results: dict[str, list] = {}

    def talk(openid: str, opening: str) -> None:
        results[openid] = [wechat.text(openid, t) for t in (opening, "更多", "上一页", "2")]

    threads = [threading.Thread(target=talk, args=("o_hubei", "湖北新闻")),
               threading.Thread(target=talk, args=("o_all", "最新"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    h, a = results["o_hubei"], results["o_all"]
    assert "湖北最新资讯" in h[0].text and "湖北最新资讯" not in a[0].text
    assert numbers(h[1].text) == list(range(6, len(hubei) + 1))
    assert numbers(a[1].text) == [6, 7, 8, 9, 10]
    assert numbers(h[2].text) == numbers(a[2].text) == [1, 2, 3, 4, 5]
    assert kb.get(hubei[1]).title in h[3].text
    assert kb.get(latest[1]).title in a[3].text
    assert all(d.reply["ToUserName"] == "o_hubei" for d in h)
    assert all(d.reply["ToUserName"] == "o_all" for d in a)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("你好", "就业桥"), ("帮助", "订阅湖北"), ("热线", "400-633-0111"), ("最新", "最新资讯"),
     ("荆州的资讯", "湖北最新资讯"), ("全国", "全国最新资讯"), ("订阅湖北", "已为您订阅湖北"),
     ("退订", "还没有订阅"), ("取消", "好的"), ("3", "先发关键词"), ("更多", "没有可以翻页"),
     ("湖北培训补贴", "湖北")],
)
def test_each_text_intent(wechat, text, expected):
    d = wechat.text("o_each", text)
    assert d.status == 200 and expected in d.text


def test_location_message_over_http(wechat, app):
    d = post_fixture(wechat, "location", "o_place")
    assert "湖北最新资讯" in d.text and numbers(d.text)[:1] == [1]
    assert get_services(app).followers.located_region("o_place") == "湖北"
    assert wechat.text("o_place", "1").reply["MsgType"] == "news"


def test_menu_then_pick(wechat, kb):
    assert "湖北最新资讯" in click(wechat, "o_menu", "REGION_湖北").text
    assert kb.latest(region="湖北", limit=1)[0].title in wechat.text("o_menu", "1").text
    assert "最新资讯" in click(wechat, "o_menu", "LATEST").text
    assert numbers(wechat.text("o_menu", "下一页").text) == [6, 7, 8, 9, 10]


def test_voice_recognition_drives_the_same_intents(wechat):
    d = post_fixture(wechat, "voice", "o_talker")  # Recognition: 最新资讯。
    assert numbers(d.text) == [1, 2, 3, 4, 5]
    d = post_fixture(wechat, "voice", "o_talker", Recognition="更多。")
    assert numbers(d.text) == [6, 7, 8, 9, 10]


def test_my_region_follows_the_subscription(wechat):
    assert "订阅湖北" in click(wechat, "o_mine", "MY_REGION").text  # how to set one
    wechat.text("o_mine", "订阅深圳")
    assert "广东最新资讯" in click(wechat, "o_mine", "MY_REGION").text
