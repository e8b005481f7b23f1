"""Messages no rule claimed, answered by their kind (handlers/by_kind.py).

Each wording was written for this test and is in no follower set (config/kinds.tsv). Each
first test shows the reply with the kind model and without it, so a rule that later takes
the message is noticed rather than taken for the model's work.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import handlers.by_kind as by_kind
from handlers.context import Context, Session
from knowledge.kinds import Guess

NOT_FOUND = "我还答不上来"


@pytest.fixture
def without_model(monkeypatch):
    """Turn the kind model off for the rest of a test."""
    return lambda: monkeypatch.setattr(by_kind, "sure_kind", lambda ctx: None)


@pytest.fixture
def always(monkeypatch):
    """A model sure that every message is of one kind."""
    def use(kind: str) -> None:
        sure = SimpleNamespace(guess=lambda text: Guess(kind, 1.0))
        monkeypatch.setattr(by_kind, "model", lambda: sure)
    return use


@pytest.mark.parametrize("text, wanted", [
    ("你们发的东西能不能每条先来一句大白话总结", "回复“1”"),  # a suggestion: offered as 留言
    ("推的东西能不能挑早上发 晚上十点以后手机静音", "谢谢您的建议"),
    ("这号到底谁在后头管着 靠得住不", "全国就业资讯服务平台"),
    ("我爸不识字 让他直接跟你们通个话行不 号码发我", "400-633-0111"),
])
def test_a_message_no_rule_foresaw_gets_the_reply_of_its_kind(say, without_model, text,
                                                               wanted):
    assert wanted in say(text)
    without_model()
    assert NOT_FOUND in say(text)


def test_a_complaint_is_offered_to_be_recorded_and_recorded_on_yes(say):
    assert "回复“1”" in say("每次都回一长串 一条也没说到点上")
    assert "工单号" in say("1")


def test_a_message_sharing_nothing_with_ours_is_never_taken_for_a_rights_question(say, always):
    always("rights")
    assert "帮不上忙" in say("蒸馒头老是发不起来 面咋和")  # declined, not rights next steps
    assert "12333" in say("我们几个人的钱到现在还拖着 说再等等")


def test_a_follow_up_is_answered_as_the_question_it_leans_on(always):
    always("about")
    assert by_kind.by_kind(Context("o_kind", "那个呢", Session())) is not None
    leaning = Context("o_kind", "那个呢", Session(), leaning=True)
    assert by_kind.by_kind(leaning) is None


def test_a_place_keeps_the_message_for_the_rules(always):
    always("suggestion")
    assert by_kind.by_kind(Context("o_kind", "随便说两句", Session())) is not None
    assert by_kind.by_kind(Context("o_kind", "武汉那边咋样", Session())) is None
