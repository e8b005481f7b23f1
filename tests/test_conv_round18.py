"""Round 18, from set22's wrong and weak replies, in words of our own: the article's own
sentence beside a job answer, when and where a fair was, retirees going back to work, older
job seekers in more words, withheld papers, a subsidy not yet paid, a mainland rule for a
founder from Taiwan, impatience with a reason, abuse in more words, and the 大湾区 scheme.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest


def test_a_job_answer_quotes_the_article_that_says_what_was_asked(say):
    assert "5000元至7000元" in say("襄阳那个比亚迪 普工工资多少 还招不")


def test_when_and_where_a_fair_was_is_its_lead_sentence(say):
    say("襄阳招聘会")
    assert "3月2日" in say("什么时候办的 地点在哪")


@pytest.mark.parametrize(("text", "said"), [
    ("退休了 以前是电工 想返聘 哪里有门路", "银发人才"),
    ("53岁了 厂子关门了 哪里还能找活", "公益性岗位"),
    ("单位把我毕业证扣着 说干满三年才给", "第84条"),
    ("上个月申请的求职补贴 到现在还没到账", "查办理进度"),
])
def test_service_answers_of_round_18(say, text, said):
    assert said in say(text)


def test_a_founder_from_taiwan_gets_the_mainland_province_s_rule(say):
    answer = say("从台湾到厦门开店 有啥扶持政策")
    assert "台湾的具体标准" not in answer and "福建" in answer


def test_impatience_with_a_reason_is_impatience(say):
    assert "抱歉让您久等了" in say("赶紧的 俺一会还要去上班")


def test_a_coarse_insult_is_abuse(say):
    assert "抱歉没能帮到您" in say("草泥马 啥也不懂")


def test_the_greater_bay_area_scheme_is_searched_not_the_job_answer(say):
    assert "1万港元" in say("港澳青年去大湾区内地上班 有啥补贴")
