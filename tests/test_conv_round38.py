"""Round 38, from the follow-ups of sets 37-43, in words of our own: a calculated answer is
not replaced by a sentence of its article, a follow-up stating its own span computes with
the question's other words, unemployment insurance paid before a lay-off or a closure asks
about the benefit, and an answer opens with 有。 only for a yes-or-no question.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

from handlers.followup import _FIGURES
from knowledge.plain import plain


def test_a_lay_off_after_years_of_unemployment_insurance_gets_the_months(say):
    assert "最长可以领18个月" in say("我失业保险交了六年 厂子倒闭了")
    # 失业保险条例 第十七条: 5 to 10 years of contributions, at most 18 months
    assert "最长可以领18个月" in say("那最长能领多久")


def test_asked_severance_keeps_the_severance_answer(say):
    answer = say("公司倒闭了 干了六年 失业保险也交了六年 经济补偿能给多少")
    assert "N是6个月" in answer


def test_a_follow_up_with_its_own_span_computes_with_the_questions_words(say):
    say("年休假一年能休几天")
    assert "每年带薪年休假15天" in say("俺工龄二十二年")


def test_a_follow_up_with_the_wage_computes_the_overtime_of_the_question(say):
    say("周六周日都在厂里干 加班费咋算")
    assert "260×200%×2=1040元" in say("日薪260")


def test_an_answers_opening_yes_is_kept_for_a_yes_or_no_question_only(say):
    assert say("考证有补贴吗").startswith("有。")
    assert say("我想学个手艺 有没有免费培训").startswith("有。")
    assert not say("湖北培训补贴最高多少").startswith("有。")
    assert not say("那山东呢").startswith("有。")


@pytest.mark.parametrize("text, figure", [
    ("日薪260", True), ("月薪6500的话 能赔多少", True), ("那月薪八千呢", True),
    ("一天300块的活有吗", False),  # a question of its own that holds a figure
])
def test_only_a_message_that_is_a_figure_completes_the_last_question(text, figure):
    assert bool(_FIGURES.match(plain(text))) is figure
