"""Time in a question: years and relative times, relative to an injected today."""

from datetime import date

import pytest

from knowledge.extract import best_sentence
from knowledge.query import Alt, Group
from knowledge.when import find_when, years_of

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(("text", "years"), [
    ("2023年的就业见习补贴", {2023}), ("24年春风行动", {2024}), ("二〇二四年招聘会", {2024}),
    ("去年的技能大赛", {2025}), ("今年稳岗返还", {2026}), ("前年和去年", {2024, 2025}),
    ("2025年度补贴", {2025}),
])
def test_years_are_found_and_taken_out(text, years):
    found = find_when(text, TODAY)
    assert found.years == years and not found.recent
    assert not any(w in found.text for w in ("年的", "去年", "今年", "2023", "24年"))


@pytest.mark.parametrize("text", ["2025届毕业生", "工作24年以上", "补贴2000元", "招聘会"])
def test_numbers_that_are_not_dates_stay(text):
    found = find_when(text, TODAY)
    assert not found and found.text == text


def test_recent_words_ask_for_the_newest():
    found = find_when("最近有什么招聘会", TODAY)
    assert found.recent and not found.years and "最近" not in found.text


def test_an_article_is_about_its_year_and_the_years_its_title_names():
    assert years_of(2024, "2025年高校毕业生就业服务行动启动") == {2024, 2025}


def test_the_extract_is_the_sentence_holding_the_question():
    body = ("今年以来，全市就业形势总体稳定。\n\n"
            "见习补贴标准为每人每月2000元，由就业补助资金列支。\n\n"
            "下一步将继续做好服务。")
    concepts = [(Group("见习", [Alt(["见习"])]), 3.0), (Group("补贴", [Alt(["补贴"])]), 1.0)]
    assert best_sentence(body, concepts) == "见习补贴标准为每人每月2000元，由就业补助资金列支。"
    assert best_sentence(body, [(Group("公积金", [Alt(["公积金"])]), 1.0)]) == ""


def test_a_long_sentence_is_cut_to_the_clauses_that_answer():
    body = "，".join(["会议指出各地要高度重视"] * 6 + ["失业保险金按月发放标准为1800元"]) + "。"
    got = best_sentence(body, [(Group("失业保险金", [Alt(["失业保险金"])]), 2.0)])
    assert "失业保险金按月发放标准为1800元" in got and len(got) <= 80


def test_a_sentence_naming_only_the_place_answers_nothing():
    body = "荆州市召开全市工作会议，部署下一阶段工作。\n\n会议要求各部门加强协作。"
    place = Group("荆州", [Alt(["荆州"])], province="湖北")
    topic = Group("零工市场", [Alt(["零工市场"])])
    assert best_sentence(body, [(place, 5.0), (topic, 1.0)]) == ""
