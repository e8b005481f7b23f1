"""Severance (劳动合同法 第四十七条) and benefit months (失业保险条例 第十七条) from a message."""

from __future__ import annotations

import pytest

from knowledge import compensation as c


@pytest.mark.parametrize("months, n", [
    (0, 0), (3, 0.5), (5, 0.5), (6, 1), (11, 1), (12, 1), (28, 2.5), (62, 5.5), (66, 6), (180, 15),
])
def test_severance_months_round_half_years_up_and_less_to_a_half(months, n):
    assert c.severance_months(months) == n


def test_the_cap_of_twelve_years_applies_only_to_capped_wages():
    assert c.severance_months(180, capped=True) == 12
    assert c.severance_months(180) == 15


@pytest.mark.parametrize("months, most", [(11, 0), (12, 12), (59, 12), (60, 18), (119, 18),
                                          (120, 24), (300, 24)])
def test_benefit_months_by_contribution_years(months, most):
    assert c.benefit_months(months) == most


@pytest.mark.parametrize("text, found", [
    ("算到现在五年零两个月", [62]),
    ("在这家干了两年零四个月", [28]),
    ("干了三年半", [42]),
    ("干了8个月", [8]),
    ("交了半年社保", [6]),
    ("在上家交了两年 这家交了三个月", [24, 3]),
    ("2025年入职 干了6年", [72]),  # a calendar year is no span
    ("被辞退3个月了", []),  # no word of service before it
    ("失业金领了3个月", []),
])
def test_spans_of_service_or_contributions(text, found):
    assert c.spans(text) == found


@pytest.mark.parametrize("text, parts", [
    ("在这家干了两年零四个月 月工资六千", ["2.5个月", "15,000元", "2N"]),
    ("我月薪一万二 社平六千 干了五年", ["5个月", "60,000元", "不封顶"]),
    ("月薪两万 我们市社平五千 干了15年", ["12个月", "15000元", "180,000元"]),
    ("干了三年半 工资8k", ["4个月", "32,000元"]),
])
def test_the_severance_line_states_the_follower_s_own_sum(text, parts):
    line = c.severance_line(text)
    assert line is not None and all(p in line for p in parts), line


def test_no_severance_line_without_exactly_one_span():
    assert c.severance_line("被辞退了补偿怎么算") is None
    assert c.severance_line("干了两年 又干了三年") is None


def test_the_benefit_line_adds_up_employers_and_says_when_there_is_none():
    line = c.benefit_line("在上家交了两年 这家交了三个月 又被辞了")
    assert "2年3个月" in line and "合并算" in line and "12个月" in line
    assert "领不了" in c.benefit_line("交了半年社保 被辞了")
