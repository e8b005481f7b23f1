"""The annual-leave calculator (knowledge/leave.py): days by the years worked in all."""

from __future__ import annotations

import pytest

from knowledge.leave import annual_days, annual_leave_line


@pytest.mark.parametrize("months, days", [(11, 0), (12, 5), (119, 5), (120, 10), (239, 10),
                                          (240, 15), (500, 15)])
def test_days_follow_the_regulation_s_steps(months, days):
    # 职工带薪年休假条例 第三条: 1–10 years 5 days, 10–20 years 10, 20 and more 15
    assert annual_days(months) == days


def test_the_longest_span_is_the_working_life():
    line = annual_leave_line("工龄二十一年 现在单位才干了一年半 我能休几天")
    assert "累计工作21年" in line and "15天" in line


def test_under_a_year_has_none_yet():
    line = annual_leave_line("我干了8个月 有年假吗")
    assert "累计工作8个月" in line and "暂时没有带薪年休假" in line


def test_no_span_computes_nothing():
    assert annual_leave_line("年假几天") is None


def test_a_question_about_unused_leave_keeps_the_rule():
    assert annual_leave_line("在这干了五年 年假一天没休 辞职能折钱吗") is None
