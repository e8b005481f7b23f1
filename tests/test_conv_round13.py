"""Round 13, from set17's wrong and weak follow-ups, in words of our own: one point asked of
what was just shown (a figure, a date, board and lodging), a question about the last subject
that is not a new subject, suggestions to make tables, new posts, 社保 paid as wages, "can you
do my paperwork", and severance asked in a dismissal story that also says "nothing paid".

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / "config"


def test_a_figure_asked_of_the_last_subject_is_not_a_new_search(say):
    say("三支一扶报名要啥条件")
    answer = say("那补贴一年给多少")
    assert "2万元" in answer and "洛阳" not in answer


def test_a_date_asked_after_a_policy_card_quotes_the_start_date(say):
    say("北京稳就业新十条")
    assert "4月1日" in say("从啥时候开始执行")


def test_one_group_asked_after_a_subsidy_card_quotes_that_group(say):
    say("吉林留吉就业补贴")
    assert "800元" in say("本科生的呢 能领几年")


def test_board_and_lodging_asked_after_a_fair_quotes_the_fair(say):
    say("襄阳招聘会")
    answer = say("管吃管住不")
    assert "食宿" in answer and "襄阳" in answer


def test_a_table_of_standards_is_a_suggestion(say):
    assert "建议" in say("能不能把各地补贴标准列成一张表")


def test_new_posts_today_are_the_newest_articles(say):
    assert say("今天有推送吗").startswith("最新资讯")


def test_insurance_paid_as_wages_is_the_insurance_answer(say):
    answer = say("老板不给上社保 说把钱折到工资里发给我 合法吗")
    assert "法定义务" in answer and "拖欠工资" not in answer


def test_asking_the_account_to_do_paperwork_says_what_it_is(say):
    answer = say("你们能帮我办退休手续吗")
    assert "12333" in answer and "就业桥" in answer


def test_severance_asked_in_a_story_of_dismissal_gets_the_dismissal_answer(say):
    answer = say("做了五年 老板说明天别来了 啥都不给 能要补偿吗")
    assert "经济补偿" in answer


def test_no_rule_word_holds_a_plus_sign():
    # '+' joins a rule's groups, so "n+1" would be two groups: "n" and "1"
    for name in ("faq.toml", "meaning.toml"):
        data = tomllib.loads((CONFIG / name).read_text("utf-8"))
        rules = [w for e in data.get("entry", []) for w in e.get("words", [])]
        rules += [w for t in data.get("intent", {}).values()
                  for w in (*t.get("words", []), *t.get("exclude", []))]
        for rule in rules:
            for group in rule.split("+"):
                assert not re.fullmatch(r"[0-9a-z]", group.strip()), f"{name}: {rule[:40]}"


def test_a_city_written_right_after_its_province_is_that_city(say):
    assert say("山西大同最近有啥就业消息").startswith("山西最新资讯")
