"""Round 5, from set7's notes in words of our own: typos of 公积金 and 档案, medical care while
living with one's children, a transfer after childbirth, 今天推送了啥, "are you the 人社局",
a message sent by mistake, and 更多 / 第二条 after an answer that showed no list.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

from tests.follower_eval import say_as


@pytest.mark.parametrize(("text", "fact"), [
    ("不干了要回老家 公鸡金咋取", "12329"),
    ("毕业好几年当案还在学校 会不会成死档", "档案"),
    ("去深圳帮儿子带娃 我的医保在老家 看病咋报消", "备案"),
])
def test_policy_in_follower_spelling_gets_its_service_answer(say, text, fact):
    answer = say(text)
    assert fact in answer, answer
    assert "公鸡金" not in answer and "当案" not in answer and "报消" not in answer


def test_a_transfer_after_childbirth_gets_the_rights_of_new_mothers(say):
    answer = say("坐完月子回公司 岗位被人顶了 让我去仓库 工资也降了")
    assert "哺乳期" in answer and "12333" in answer


def test_what_was_pushed_today_is_the_newest_articles(say):
    assert say("今天推送了什么 我没顾上看").startswith("最新资讯")


def test_asking_whether_we_are_the_labour_bureau_says_what_we_are(say):
    answer = say("就业桥和人社局是一回事吗")
    assert "就业桥" in answer and "12333" in answer and "答不上来" not in answer


@pytest.mark.parametrize("text", ["不好意思发错了", "点错了 不是问你的"])
def test_a_message_sent_by_mistake_gets_a_line_in_kind(say, text):
    answer = say(text)
    assert answer.startswith("没关系") and len(answer) <= 60


def test_more_after_an_answer_without_a_list_shows_the_articles_behind_it(app):
    say = say_as(app, "o_gaps_more")
    say("有没有招聘会")  # the job-seeking answer asks for the city: no list yet
    answer = say("更多")
    assert "招聘会" in answer and "没有可以翻页" not in answer


def test_more_with_nothing_asked_before_says_there_is_no_list(app):
    assert "没有可以翻页" in say_as(app, "o_gaps_none")("更多")
