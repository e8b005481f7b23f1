"""The overtime calculator (knowledge/overtime.py): 劳动法 第四十四条 on the follower's figures."""

from __future__ import annotations

import pytest

from knowledge.overtime import overtime_line


@pytest.mark.parametrize("text, parts", [
    # 5月1日 is a statutory holiday: 300%, and no time off replaces it
    ("5月1号那天上了一整天 日工资200 该给多少", ["200×300%×1=600元", "不能用调休抵"]),
    # 劳动节 has two statutory days since 2025; the third day is a rest day (200%)
    ("五一加班了三天 日工资200", ["是2天", "200×300%×2=1200元", "200×200%×1=400元",
                          "合计不低于1600元"]),
    # a monthly wage is turned into a day wage by 21.75 days (6525 / 21.75 = 300)
    ("国庆上了7天班 月薪6525", ["折合日工资约300元", "300×300%×3=2700元", "合计不低于5100元"]),
    ("除夕上班 日工资300给多少", ["300×300%×1=900元"]),
    ("初五上班 日工资300", ["休息日", "300×200%×1=600元", "补休"]),
    ("周六周日都上班 日薪180", ["休息日加班2天", "180×200%×2=720元"]),
    ("过年干了一个礼拜 一天300", ["是4天", "300×300%×4=3600元", "300×200%×3=1800元"]),
    ("国庆加班 200块一天 干了3天", ["200×300%×3=1800元"]),
    ("平时下班后加了3个小时 时薪20", ["20×150%×3=90元", "36小时"]),
    ("每天都加3个钟头 月薪5000 一分加班费没有", ["每天加班3小时", "小时工资约28.74元"]),
    # the last day named is the one asked about (a follow-up after the question's holiday)
    ("国庆加了3天 一天300 加班费咋算 那周末两天呢", ["休息日加班2天", "300×200%×2=1200元"]),
    ("除夕上班 日工资300 那周六呢", ["300×200%×1=600元"]),
    # a named holiday keeps its statutory days, whatever 法定节假日 is said beside it
    ("国庆7天都上班 日薪200 法定节假日不是三倍吗", ["200×300%×3=1800元", "合计不低于3400元"]),
    ("我初三毕业 周末加班 一天150", ["150×200%×1=300元"]),  # a school year, not 正月初三
    ("过年初五上班 日工资300", ["300×200%×1=600元"]),
    ("每天加一个小时 30天没休 月薪6000", ["小时工资约34.48元"]),  # 一个小时 30 is no wage
])
def test_the_followers_own_overtime_pay(text, parts):
    line = overtime_line(text)
    assert line is not None and all(p in line for p in parts), line


@pytest.mark.parametrize("text", [
    "加班费怎么算",  # no wage: the general answer
    "国庆加班是三倍工资吗",
    "一个月休两天每天干12个小时违法吗 月薪4000",  # hours, but no overtime stated as such
    "一天8小时 干了三天",  # a working day's hours are no wage
    "11月1号加班 日薪200",  # not 1月1号
])
def test_nothing_is_computed_without_a_wage_and_a_day_or_hours(text):
    assert overtime_line(text) is None


def test_a_follow_up_with_the_wage_computes_from_the_question_before(say):
    say("五一加班了三天")
    answer = say("日工资200的话给多少")
    assert "合计不低于1600元" in answer


def test_a_holiday_named_by_its_date_reaches_the_overtime_answer(say):
    assert "200×300%×1=600元" in say("5月1号那天上了一整天 日工资200 该给多少")


def test_a_follow_ups_own_days_count_not_the_questions(say):
    say("周末加了两天班 老板按一天300给的")
    assert "300×300%×3=2700元" in say("那国庆三天都加班的话 应该给多少")
