"""Answers carry the article's own figures: a province's sentence beside a service answer,
and in a list each article's sentence that answers the question (round 4).

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

from handlers.faq_places import states_a_rule, where
from tests.follower_eval import say_as


def test_a_service_answer_in_a_province_quotes_that_provinces_figure(say):
    answer = say("天津这边就业见习一个月给多少钱")
    assert "见习" in answer and "天津：" in answer and "2800" in answer


def test_a_list_shows_the_sentence_that_answers_not_the_lead(say):
    answer = say("山东 电焊高级工证书 补贴多少钱")
    assert "2600" in answer, answer


@pytest.mark.parametrize(("sentence", "rule"), [
    ("自7月1日起,将就业见习人员生活补贴标准提高至每人每月2800元。", True),
    ("可通过“辽事通”App在线申请,无需单位审核。", True),
    ("沈阳一家机械制造企业的车工今年考取了高级工证书,很快收到了2000元补贴。", False),
    ("记者获悉,活动将持续到年底。", False),
    ("", False),
])
def test_only_a_stated_rule_is_quoted_beside_the_answer(sentence, rule):
    assert states_a_rule(sentence) is rule


@pytest.mark.parametrize(("text", "places", "expected"), [
    ("户口河南的在南京跑外卖", [("河南", "河南"), ("南京", "江苏")], ("南京", "江苏")),
    ("老家安徽的人在杭州", [("安徽", "安徽"), ("杭州", "浙江")], ("杭州", "浙江")),
    ("户籍湖北现在广州打工", [("湖北", "湖北"), ("广州", "广东")], ("广州", "广东")),
    ("湖北和湖南哪个补贴高", [("湖北", "湖北"), ("湖南", "湖南")], ("湖北", "湖北")),
    ("天津见习补贴", [("天津", "天津")], ("天津", "天津")),
    ("见习补贴", [], None),
])
def test_the_place_a_question_is_about_is_where_the_follower_is(text, places, expected):
    assert where(text, places) == expected


def test_a_picked_article_shows_its_sentence_that_answers_the_question(app):
    say = say_as(app, "o_facts_pick")
    say("见习留用奖补")
    card = say("1")
    assert "2000元" in card and "留用" in card, card
