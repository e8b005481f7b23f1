"""Round 10, from set13's notes, in words of our own: complaining after a rights answer,
"can I ask about X here", prices of goods, coverage of a named place, a topic kept when a
job seeker names their province, moving a file out of the 人才市场, news of "our parts".

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest


def test_where_to_complain_after_unpaid_wages_gets_the_channels_not_our_hotline(say):
    say("在兰州干了三个月老板一分钱没给")
    answer = say("那我上哪投诉去")
    assert "12333" in answer and "劳动保障监察" in answer
    assert not answer.startswith("就业桥服务热线")


def test_complaint_alone_still_gets_the_hotline(say):
    assert say("投诉").startswith("就业桥服务热线")


@pytest.mark.parametrize("text", ["社保的事能在这问不", "工伤的问题可以咨询吗",
                                  "退休的事你们管不管"])
def test_asking_whether_a_topic_may_be_asked_says_yes_and_how(say, text):
    answer = say(text)
    assert answer.startswith("可以问") and "12333" in answer


def test_a_real_question_that_also_asks_may_i_is_answered(say):
    answer = say("社保断缴了能在这问吗")
    assert not answer.startswith("可以问")
    assert "断" in answer and "12333" in answer


@pytest.mark.parametrize("text", ["华为手机现在多少钱", "电动车多少钱一辆"])
def test_the_price_of_goods_is_off_topic(say, text):
    answer = say(text)
    assert "帮不上" in answer and "就业" in answer


def test_the_price_of_a_licence_course_is_still_a_skills_question(say):
    assert "补贴" in say("考叉车证多少钱")


def test_coverage_of_a_named_place_shows_its_news(say):
    answer = say("澳门那边的工作你们也发吗")
    assert "港澳台" in answer and "横琴" in answer


def test_a_named_topic_of_a_job_seeker_keeps_its_article_in_another_province(say):
    first = say("退役军人专场招聘会啥时候有")
    assert "退役军人专场招聘会" in first and "哪个城市" in first
    answer = say("那浙江的有没有")
    assert "浙江" in answer and "安徽" in answer and "退役军人" in answer


def test_a_job_fair_question_without_a_topic_names_no_article(say):
    answer = say("最近有招聘会吗")
    assert "相关资讯" not in answer and "哪个城市" in answer


@pytest.mark.parametrize("text", ["在人才市场的档案怎么调回老家",
                                  "俺的档案在县人才中心 想转到新单位"])
def test_moving_a_file_out_of_the_talent_centre_gets_the_transfer_steps(say, text):
    answer = say(text)
    assert "调档函" in answer and "学校转递" not in answer


def test_where_a_graduates_file_is_stays_the_graduate_answer(say):
    assert "学校" in say("毕业三年了 不知道档案在哪")


@pytest.mark.parametrize(("text", "region"), [("俺是河南的 有俺们那的新闻不", "河南"),
                                              ("我老家甘肃的 有我们那边的消息吗", "甘肃")])
def test_news_of_our_parts_is_the_province_list(say, text, region):
    assert say(text).startswith(f"{region}最新资讯")


@pytest.mark.parametrize("text", ["是人工在回吗", "是机器人回的吗"])
def test_asking_who_replies_gets_the_identity_not_the_hotline_alone(say, text):
    answer = say(text)
    assert "机器人" in answer and "400-633-0111" in answer


# --- from the tuning set14's failures, in words of our own ---

@pytest.mark.parametrize("text", ["微信上的聊天截图能当证据不", "我偷偷录的音能用吗"])
def test_whether_chats_and_recordings_count_as_evidence(say, text):
    answer = say(text)
    assert answer.startswith("算") and "原始" in answer


def test_a_withheld_leaving_certificate_gets_the_15_day_rule(say):
    answer = say("辞职半个月了 单位说交接没完不给开离职证明")
    assert "15日" in answer and "12333" in answer and "拖欠工资" not in answer


def test_a_firm_that_laid_nobody_off_asks_about_the_refund_not_dismissal(say):
    answer = say("俺们厂去年一个人没裁 那个稳岗返还咋申请")
    assert "稳岗返还" in answer and "经济补偿" not in answer


def test_the_dismissal_answer_names_double_wages_without_a_contract(say):
    assert "双倍工资" in say("公司要把我辞了 能要啥赔偿")


def test_how_long_a_probation_may_be_after_the_probation_answer(say):
    say("试用期能随便开人吗")
    assert "2个月" in say("那试用期最多能定多长")


def test_unanswered_feedback_about_an_injury_is_a_complaint_about_us(say):
    answer = say("前几天留言问我妈工伤认定的事 到现在一点动静都没有")
    assert answer.startswith("抱歉让您久等") and "工伤认定要抓紧" not in answer


def test_a_firm_publishing_vacancies_with_us_gets_our_contact(say):
    assert "400-633-0111" in say("我们厂想跟你们合作发招聘信息")


def test_what_the_bot_can_look_up_is_about(say):
    assert say("你都能帮我查点啥").startswith("就业桥是全国就业资讯服务平台")


def test_a_suggestion_to_add_phone_numbers_is_offered_as_feedback(say):
    assert "建议" in say("建议每篇文章后面加上人社局的电话")


def test_a_named_scheme_is_answered_by_its_article_not_job_seeking(say):
    answer = say("三只一扶考上了有啥待遇")
    assert "三支一扶" in answer and "哪个城市" not in answer


def test_an_older_worker_without_a_job_gets_job_seeking_for_their_city(say):
    answer = say("五十岁了厂子关门了 在洛阳 这个年纪还有人要吗")
    assert "公共就业服务" in answer and "洛阳" in answer


def test_a_retiree_looking_for_something_to_do_gets_job_seeking(say):
    answer = say("刚退了休在家闲不住 想找点事干 有适合老年人的工作没")
    assert "公共就业服务" in answer and "延迟退休" not in answer


def test_a_new_subject_after_a_list_stays_in_the_last_questions_city(say):
    say("武汉本科毕业生有租房补贴吗")
    answer = say("那博士呢")
    assert "学子留汉" in answer and "吉林" not in answer


def test_back_to_the_benefit_answer_though_the_words_name_unpaid_wages(say):
    say("失业保险金咋申请")
    answer = say("你刚说的那个失业金 我是因为厂里不交社保才辞的 能领不")
    assert "被迫辞职的，可以领" in answer


def test_which_12333_answers_from_home_says_dial_the_area_code(say):
    answer = say("12333在老家打 能管外地的事吗")
    assert "区号" in answer and "用工所在地" in answer


def test_an_injured_old_guard_unpaid_gets_the_injury_answer(say):
    answer = say("六十多了在厂里看大门 摔断了腿 老板说超龄不算工伤 钱也不给")
    assert "工伤" in answer and "劳务关系" in answer


def test_being_let_go_in_probation_gets_the_probation_answer(say):
    assert "录用条件" in say("试用期第二个月 领导说我不合适让我明天别来了")


def test_a_province_without_news_of_its_own_gets_the_national_news(say):
    answer = say("青海有啥消息")
    assert answer.startswith("暂时还没有青海本地的资讯") and "全国最新资讯" in answer


def test_a_fair_we_published_that_had_moved_is_a_complaint(say):
    answer = say("照你们推的招聘会去了 到那才知道早就改期了")
    assert "记为留言" in answer
