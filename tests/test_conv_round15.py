"""Round 15, from set19's wrong replies, in words of our own: 12333 busy and the other ways,
our own number beside 12333, employers who want to advertise or recruit, a place asked of the
last service answer (or carried from the last list), the national sentence that names the
place, "push me only X", and 考研 points of a volunteer scheme.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations


def test_12333_busy_is_no_complaint_about_us_but_the_ways_around_it(say):
    answer = say("12333老打不进去咋整")
    assert "劳动保障监察" in answer and "记为留言" not in answer


def test_other_ways_after_12333_was_busy_are_that_answer_s_details(say):
    say("老板拖着工资不发怎么办")
    say("12333一直打不进去")
    answer = say("还有啥办法")
    assert "根治欠薪" in answer and "12348" in answer and "为您找到" not in answer


def test_who_else_right_after_a_service_answer_is_its_other_channels(say):
    say("12333总是占线")
    answer = say("还可以找谁")
    assert "仲裁" in answer and not answer.startswith("就业桥服务热线")


def test_our_own_number_asked_beside_12333_is_our_hotline(say):
    assert "400-633-0111" in say("12333占线打不通 你们自己的热线是多少")


def test_an_employer_who_wants_to_advertise_with_us_gets_our_contact(say):
    answer = say("我们单位想把招工启事登到你们公众号上 跟谁联系")
    assert "400-633-0111" in answer and "不发布具体招聘岗位" not in answer


def test_an_employer_who_cannot_find_workers_gets_the_recruiting_channels(say):
    answer = say("我们厂里招不到人 该去哪招")
    assert "登记用工需求" in answer and "找工作可以去" not in answer


def test_a_factory_that_hired_a_graduate_asks_the_hiring_subsidy(say):
    assert "扩岗补助" in say("我们厂刚招了个毕业的大学生 能领补贴吗")


def test_a_place_asked_of_the_last_service_answer_gets_that_place_s_rule(say):
    say("创业担保贷款最多能贷多少")
    assert "50万" in say("北京那边能贷多一点不")


def test_where_a_follower_comes_from_is_not_the_place_asked_of(say):
    say("福建创业有啥扶持")
    assert "台湾的具体标准" not in say("我是台湾人 能享受吗")


def test_a_service_question_after_a_place_s_news_answers_for_that_place(say):
    say("西藏毕业生就业有什么政策")
    assert "3000元" in say("见习期间每月补多少")


def test_the_national_article_s_sentence_naming_the_place_answers_whether_it_is_in(say):
    say("骑手职业伤害保障咋回事")
    assert "四川7个省市" in say("四川在试点里吗")


def test_push_me_only_one_province_subscribes_it(say):
    assert "已为您订阅江西" in say("以后就给我推江西的就行")
    assert "就业桥是全国的" in say("你们只推湖北的吗")  # a question about us, not a request


def test_postgraduate_points_of_a_volunteer_scheme_are_quoted(say):
    assert "加10分" in say("西部计划结束后考研能加分吗")


def test_push_me_only_one_province_said_as_a_suggestion_is_also_offered_as_feedback(say):
    answer = say("建议分省推送 我只看湖南的就够了")
    assert "已为您订阅湖南" in answer and "记为留言" in answer
    assert "工单号" in say("1")


def test_someone_asking_money_in_our_name_is_answered_at_any_length(say):
    answer = say("昨天有个人打电话自称你们的工作人员 说交两百块报名费就给安排工作 这是真的吗")
    assert "不会向您收费" in answer
