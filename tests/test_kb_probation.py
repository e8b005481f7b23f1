"""The follower's own probation limit and least probation pay (knowledge/probation.py)."""

from __future__ import annotations

import pytest

from knowledge.probation import contract_months, longest_probation, probation_line


@pytest.mark.parametrize("term, limit", [(0, 6), (2, 0), (3, 1), (11, 1), (12, 2), (35, 2),
                                         (36, 6), (60, 6)])
def test_the_statute_s_limits(term, limit):
    # 劳动合同法 第十九条: under 3 months none; to a year 1; to three years 2; longer or open 6
    assert longest_probation(term) == limit


@pytest.mark.parametrize("text, months", [
    ("签了一年的合同", 12), ("合同签了两年", 24), ("三年合同", 36), ("半年的合同", 6),
    ("合同签了8个月", 8), ("无固定期限合同", 0), ("试用期三个月", None),
])
def test_the_contract_s_term(text, months):
    assert contract_months(text) == months


def test_a_probation_beyond_the_limit():
    line = probation_line("签了一年的合同 试用期定了六个月 这正常吗")
    assert "试用期最长2个月" in line and "超出" in line and "第八十三条" in line


def test_a_probation_within_the_limit():
    line = probation_line("三年合同 试用期半年")
    assert "试用期最长6个月" in line and "以内" in line


def test_pay_below_80_percent_of_the_agreed_wage():
    line = probation_line("合同写月薪6000 试用期只给3500")
    assert "4,800元" in line and "1,300元" in line and "第二十条" in line


def test_pay_at_80_percent_is_lawful_and_a_span_is_no_wage():
    line = probation_line("试用期3个月 工资8000 试用期发6400")
    assert "不低于约定月薪8000元的80%" in line and "3元" not in line


@pytest.mark.parametrize("text", ["试用期怎么算", "试用期工资能低于最低工资吗",
                                  "试用期工资3500 合同还没签"])
def test_nothing_to_compute(text):
    assert probation_line(text) is None
