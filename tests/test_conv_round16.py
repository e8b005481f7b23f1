"""Round 16, from set20's wrong and weak replies, in words of our own: job seeking by the
follower's situation (disability, age, riders, parents at home, graduates, veterans), rough
questions about the account, a real person asked for, a week without an answer, an answer to
the wrong question, the regions covered, a tour guide's job, dialect and typos of rights
questions, the whole answering sentence atop a list, and the article of a city named.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "said"), [
    ("我老婆是盲人 想找份工作 有啥门路", "残联"),
    ("面试的时候一看我是残疾人就不要了 这合法吗", "就业歧视"),
    ("五十多了 工地不要我了 哪里还能找活", "公益性岗位"),
    ("想跑外卖 去哪里报名", "众包"),
    ("带孩子走不开 想在家里挣点钱", "家门口就业"),
    ("儿子本科毕业大半年了 一直在家待着没工作", "24365"),
    ("退役回来了 想找个工作 有啥渠道", "退役军人事务局"),
])
def test_job_seeking_answers_the_follower_s_situation(say, text, said):
    assert said in say(text)


def test_a_rough_question_about_the_account_is_answered_not_scolded(say):
    assert "全国就业资讯服务平台" in say("就业桥是个啥玩意")


def test_a_real_person_asked_for_in_rough_words_gets_the_hotline(say):
    assert "400-633-0111" in say("怎么联系你们 有没有活人")


def test_a_message_left_days_ago_without_an_answer_is_chased(say):
    assert "催办" in say("留的言过了三天都没人理")


def test_an_answer_to_the_wrong_question_is_a_complaint_whatever_topic_it_names(say):
    assert "记为留言" in say("问社保的事你们回的是培训 答非所问")


def test_which_regions_we_cover_and_one_named_show_its_news(say):
    answer = say("你们都覆盖哪些地方 有没有西藏的")
    assert "就业桥是全国的" in answer and "西藏" in answer


def test_a_tour_guide_s_summer_job_is_no_off_topic(say):
    assert "帮不上" not in say("暑假想去桂林当导游 有招的吗")


@pytest.mark.parametrize(("text", "said"), [
    ("公司莫得给我买社保 咋整", "法定义务"),
    ("被公司词退了 赔多少", "经济补偿"),
])
def test_dialect_and_typos_of_rights_questions(say, text, said):
    assert said in say(text)


def test_a_list_shows_its_first_answering_sentence_whole(say):
    assert "1.5万元" in say("学子留汉硕士租房补贴有多少 博士呢")


def test_the_article_of_a_city_named_leads_the_job_answer(say):
    answer = say("我现在在武汉 想去襄阳找工作")
    assert "襄阳春季大型招聘会" in answer
