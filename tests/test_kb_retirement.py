"""The retirement calculator against the anchors of the 2024 decision's annexed tables."""

from __future__ import annotations

import pytest

from knowledge.retirement import answer_line, minimum_years, retirement


@pytest.mark.parametrize("born, original, age, when", [
    ((1964, 12), 60, "60岁", (2024, 12)),  # before the reform: unchanged
    ((1965, 1), 60, "60岁1个月", (2025, 2)),  # the tables' first row
    ((1965, 5), 60, "60岁2个月", (2025, 7)),
    ((1976, 5), 60, "62岁11个月", (2039, 4)),
    ((1976, 9), 60, "63岁", (2039, 9)),  # the end of the men's table
    ((1990, 1), 60, "63岁", (2053, 1)),
    ((1970, 12), 55, "55岁3个月", (2026, 3)),
    ((1981, 9), 55, "58岁", (2039, 9)),
    ((1975, 1), 50, "50岁1个月", (2025, 2)),
    ((1975, 3), 50, "50岁2个月", (2025, 5)),
    ((1984, 9), 50, "54岁11个月", (2039, 8)),
    ((1984, 11), 50, "55岁", (2039, 11)),
])
def test_the_age_and_month_follow_the_tables(born, original, age, when):
    r = retirement(*born, original)
    assert r.age_text() == age and (r.year, r.month) == when


def test_the_minimum_years_rise_by_half_a_year_from_2030_to_20():
    assert [minimum_years(y) for y in (2025, 2030, 2031, 2039, 2045)] == [15, 15.5, 16, 20, 20]


def test_a_birth_month_and_the_original_age_give_one_date():
    line = answer_line("单位女职员 管理岗 70年12月生的 原来55退 现在要延到啥时候")
    assert "55岁3个月" in line and "2026年3月" in line and "不能早于原来的55岁" in line


def test_a_birth_year_alone_gives_the_span_of_the_year():
    line = answer_line("我是男的 1968年出生 啥时候退休")
    assert "60岁10个月到61岁" in line and "2028年11月" in line and "2029年12月" in line


def test_a_woman_of_unknown_post_gets_both_rules():
    line = answer_line("我妈1976年5月出生 什么时候退休")
    assert "原来50岁退休" in line and "原来55岁退休" in line


def test_nothing_is_computed_without_a_birth_year_or_who_retires():
    assert answer_line("多少岁能退休") is None
    assert answer_line("1975年出生 啥时候退休") is None
