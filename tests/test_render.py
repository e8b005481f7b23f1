import xmltodict
from wechatpy import parse_message

from bot.wechat.render import SUCCESS, TEXT_LIMIT, fit_text, render
from handlers.replies import SILENT, News, NewsItem, Text
from tests.conftest import fixture_text


def _msg():
    return parse_message(fixture_text("text_message.xml"))


def test_short_text_is_untouched():
    assert fit_text("你好") == "你好"


def test_long_text_is_cut_at_a_sentence_end_within_the_limit():
    text = "就业桥为您服务。" * 400
    out = fit_text(text)
    assert len(out.encode("utf-8")) <= TEXT_LIMIT
    assert out.endswith("。…")


def test_long_text_without_breaks_never_splits_a_character():
    out = fit_text("技" * 3000)
    assert len(out.encode("utf-8")) <= TEXT_LIMIT
    assert out.endswith("…")
    out.encode("utf-8").decode("utf-8")  # still valid UTF-8


def test_cut_never_lands_inside_a_link():
    link = '<a href="https://www.jiuyeqiao.cn/news/1.html">荆州技能人才。总量超过73万人</a>'
    text = "一" * 600 + "。" + link * 20
    out = fit_text(text)
    assert len(out.encode("utf-8")) <= TEXT_LIMIT
    assert out.count("<a ") == out.count("</a>")


def test_render_text_swaps_source_and_target():
    doc = xmltodict.parse(render(Text("好的"), _msg()))["xml"]
    assert doc["MsgType"] == "text"
    assert doc["ToUserName"] == "o_follower_1"
    assert doc["FromUserName"] == "gh_jiuyeqiao"
    assert doc["Content"] == "好的"


def test_render_news_sends_one_article():
    items = tuple(NewsItem(f"标题{i}", "摘要", f"https://x/{i}", "") for i in range(3))
    doc = xmltodict.parse(render(News(items), _msg()))["xml"]
    assert doc["MsgType"] == "news"
    assert doc["ArticleCount"] == "1"
    assert doc["Articles"]["item"]["Title"] == "标题0"


def test_silent_is_success():
    assert render(SILENT, _msg()) == SUCCESS


