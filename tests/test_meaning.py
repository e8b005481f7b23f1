"""Matching by meaning: plain text, key-word rules, example sentences, the intents of config/."""

from __future__ import annotations

import pytest

from config.texts import meaning_intents
from config.texts import reply as reply_text
from handlers.social import DECLINED
from handlers.understand import intent_matcher, reply_key
from knowledge.plain import plain
from knowledge.sense import SenseMatcher, SenseSpec


@pytest.mark.parametrize(("text", "expected"), [
    ("请问，老板拖欠公资怎么办啊？？😭", "老板拖欠工资怎么办"),  # filler, typo, particles, emoji
    ("咋办啊 工伤了", "怎么办工伤"),  # dialect word, interjection inside, trailing 了
    ("點樣申請失業金", "怎么申请失业金"),  # traditional characters and Cantonese
    ("在吗", "在吗"),  # fillers go only while two characters stay
    ("好了", "好了"),
    ("哈尔滨招聘会", "哈尔滨招聘会"),  # 哈 inside a name stays
])
def test_plain(text, expected):
    assert plain(text) == expected


def _matcher(**spec):
    return SenseMatcher([SenseSpec("wage", **spec), SenseSpec("other", rules=("天气",))])


def test_a_rule_needs_one_word_of_every_group():
    m = _matcher(rules=("工资|工钱+拖欠|不给",))
    assert [f.name for f in m.find("老板拖欠工资")] == ["wage"]
    assert m.find("工资多少") == []  # the second group is missing


def test_exclude_rules_out_and_max_rest_keeps_words_from_swallowing_questions():
    m = SenseMatcher([SenseSpec("thanks", rules=("谢谢",), max_rest=3),
                      SenseSpec("contact", rules=("电话",), exclude=("工资",))])
    assert [f.name for f in m.find("谢谢你啊")] == ["thanks"]
    assert m.find("谢谢，那失业金怎么领取") == []
    assert m.find("工资拖欠打什么电话") == []


def test_examples_match_despite_typos_and_word_order():
    m = _matcher(examples=("老板不给我发工资怎么办",))
    assert m.find("老板不给我发工姿怎么办")[0].name == "wage"  # one typo (not in the table)
    assert m.find("工资老板不给我发怎么办")[0].name == "wage"  # words in another order
    assert m.find("明天天气怎么样")[0].name == "other"


def test_ties_go_to_the_sense_listed_first():
    m = SenseMatcher([SenseSpec("a", rules=("好",), max_rest=2),
                      SenseSpec("b", rules=("好",), max_rest=2)])
    assert [f.name for f in m.find("好")] == ["a", "b"]


@pytest.mark.parametrize(("text", "intent"), [
    ("谢谢你们 帮了大忙了🙏", "thanks"), ("好滴 晓得了", "ok"), ("拜拜", "goodbye"),
    ("你是机器人吗", "identity"), ("这个号是官方的吗", "official"), ("怎么不回我", "impatience"),
    ("傻逼", "abuse"), ("你们都是骗子 滚", "abuse"), ("这个公众号能干啥", "about"),
    ("热线几点到几点有人接", "hours"), ("怎么联系你们", "contact"), ("我想找个真人说话", "contact"),
    ("链接打不开", "complaint"), ("希望多发点河北的消息", "suggestion"), ("讲个笑话", "joke"),
    ("今天更新了吗", "latest"),
])
def test_intents_of_config(text, intent):
    names = [f.name for f in intent_matcher().find(text)]
    # abuse wins wherever it is found (handlers/social.py); the others must come first
    assert names and (names[0] == intent or (intent == "abuse" and intent in names)), names


@pytest.mark.parametrize("text", ["有没有适合宝妈的工作", "公司破产了你们能帮我吗",
                                  "垃圾分类的工作"])
def test_everyday_words_are_not_abuse(text):
    assert "abuse" not in [f.name for f in intent_matcher().find(text)]


def test_every_intent_has_a_reply_or_a_handler():
    handled = {"complaint", "latest", "latest_recall", "leave_message", *DECLINED}
    handled |= {n for n in meaning_intents() if n.startswith("topic_")}
    for name in meaning_intents():
        if name not in handled:
            assert reply_text(reply_key(name), hotline="400")


def test_the_matcher_is_compiled_once():
    assert intent_matcher() is intent_matcher()


def test_a_lenient_sense_may_leave_neutral_words_beyond_its_limit():
    specs = [SenseSpec("coverage", rules=("只管+吗",), max_rest=6, lenient=True),
             SenseSpec("contact", rules=("电话",), max_rest=4)]
    m = SenseMatcher(specs, neutral=("你们", "我", "在", "能", "不", "的"))
    assert [f.name for f in m.find("你们只管湖北的吗我在新疆能用不")] == ["coverage"]
    # the same padding does not stretch a sense that is not lenient
    assert m.find("你们的电话我在新疆能用不") == []
    # and content words still count: a longer question is something else
    assert m.find("只管湖北吗失业金培训补贴创业贷款") == []


@pytest.mark.parametrize(("text", "intent"), [
    ("你们是不是只管湖北的啊 我人在新疆能不能用", "coverage"),
    ("你们这个到底是政府的还是公司的", "official"),
])
def test_questions_about_the_account_hold_at_length(text, intent):
    assert intent in [f.name for f in intent_matcher().find(text)]


@pytest.mark.parametrize(("text", "not_made"), [
    ("省里联合通知", "合同"), ("一点计划都没有", "怎么"), ("报社报道了", "社保"),
    ("一点用都没有", "怎么"), ("本人定的时间", "认定"),
])
def test_follower_typos_never_rewrite_ordinary_words(text, not_made):
    # a typo is mapped only with the words around it (签合通, 交社报, 能人定), never as a bare
    # substring that ordinary Chinese also contains
    assert not_made not in plain(text)


def test_a_number_in_a_rule_holds_only_as_a_whole_number():
    # 48了 (an age; plain: 48) is not in 工资4800; 48 alone still is (400 and 12333 may run
    # into the next number: plain text drops the spaces between numbers)
    m = SenseMatcher([SenseSpec("older", rules=("48了+还要",))])
    assert not m.find("月工资4800 还要扣税吗")
    assert [f.name for f in m.find("我48了 还要人吗")] == ["older"]
