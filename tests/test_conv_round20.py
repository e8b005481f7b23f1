"""Round 20, from set24's wrong and weak replies, in words of our own: who we are and what
we cover asked roughly, leaving a message, pushes for the wrong region, a hotline complaint,
contact from abroad, a foreman who "owes me" a sum, the last wage withheld on leaving,
pregnancy and resignation letters, probation notice, retirees' and riders' injuries, jobs
pushed at us, a follower from 台湾 going to a mainland city, and how-much questions answered
with the sum (first turn, follow-up and another province).

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

HOTLINE = "400-633-0111"


@pytest.mark.parametrize("text", ["你谁呀", "你哪位啊"])
def test_who_are_you_said_roughly_is_answered(say, text):
    assert "就业桥" in say(text) and "答不上来" not in say(text)


def test_only_one_province_or_all_of_china_is_the_coverage_answer(say):
    answer = say("你们只管北京还是全国都有")
    assert "全国" in answer and "北京" in answer


def test_whether_we_post_vacancies_says_we_do_not_and_where_they_are(say):
    answer = say("你们有没有发招聘岗位")
    assert "不发布具体招聘岗位" in answer and HOTLINE not in answer


def test_an_employer_wanting_to_post_vacancies_still_gets_the_editors(say):
    assert HOTLINE in say("我们厂想发招聘信息 怎么弄")


def test_asking_whether_one_can_leave_a_message_opens_the_message_box(say):
    assert "请直接发送您的意见或建议" in say("可以给你们留言吗 我想反映个情况")
    assert "工单号" in say("我们小区门口的招聘会是假的，希望你们核实")


def test_leaving_a_message_about_wages_is_still_the_wage_answer(say):
    assert "12333" in say("我想反映一下公司拖欠工资的事")


def test_jobs_pushed_at_us_are_a_job_question_not_a_subscription(say):
    for text in ("帮我推点工资一万以上的工作", "直接给俺推个活 一天三百以上的"):
        answer = say(text)
        assert "不发布具体招聘岗位" in answer and "订阅" not in answer


def test_pushes_for_the_wrong_region_offer_the_subscription_and_a_record(say):
    answer = say("天天推河南的 我在四川 没用")
    assert "订阅" in answer and "回复“1”" in answer
    assert "工单号" in say("1")


def test_a_complaint_with_no_place_is_an_ordinary_complaint(say):
    answer = say("天天发些没用的")
    assert "订阅" not in answer and "回复“1”" in answer


def test_a_hotline_nobody_answers_said_as_a_complaint_is_offered_as_one(say):
    answer = say("打了五回客服电话都没人接 什么服务态度")
    assert "回复“1”" in answer and "9:00–18:00" in answer


def test_contact_from_abroad_leads_with_the_message_box(say):
    answer = say("我在国外 400拨不出去 咋联系你们")
    assert answer.index("留言") < answer.index("12308")


def test_repeating_oneself_is_impatience(say):
    assert "抱歉让您久等了" in say("说了好几遍了!!!")


def test_a_policy_cursed_is_met_calmly(say):
    answer = say("啥破政策 一分钱都没领到")
    assert "抱歉没能帮到您" in answer and "破" not in answer


@pytest.mark.parametrize("text", ["有没有适合宝妈的工作", "我妈的社保断了咋办"])
def test_mother_is_no_curse(say, text):
    assert "抱歉没能帮到您" not in say(text)


def test_a_foreman_who_owes_me_a_sum_is_wage_arrears_not_overtime(say):
    answer = say("在西安工地 包工头欠我一万二 过年回不去了")
    assert "劳动保障监察" in answer and "300%" not in answer


def test_the_last_wage_withheld_on_leaving_must_be_paid_at_once(say):
    assert "一次结清" in say("从厂里离职了 老板说最后一个月工资年底才结")


def test_social_insurance_said_to_be_in_the_pay_is_the_employer_s_duty(say):
    assert "法定义务" in say("公司说社保钱已经算在工资里了不给交 合法吗")


def test_a_resignation_letter_asked_of_a_pregnant_worker_is_not_to_be_written(say):
    answer = say("女朋友怀孕了 公司逼她写辞职信 不写就降工资")
    assert "先别写" in answer and "降低工资" in answer


def test_leaving_in_probation_leads_with_three_days(say):
    assert say("试用期两个月 想辞职 老板说得提前30天").startswith("试用期里你自己想走，提前3天")


def test_a_re_employed_retiree_s_injury_is_a_labour_service_claim(say):
    answer = say("我妈退休了在超市返聘理货 搬货闪了腰 超市说不算工伤")
    assert "劳务关系" in answer and "12348" in answer


def test_a_courier_hit_by_a_car_and_disowned_gets_occupational_injury(say):
    answer = say("骑电动车送快递被撞了 配送站说我不是他们员工")
    assert "职业伤害保障" in answer and "122" in answer


def test_unemployment_benefit_can_be_claimed_on_the_phone(say):
    assert "掌上12333" in say("失业金能在网上申请吗 不想去窗口排队")


def test_a_follower_from_taiwan_going_to_fuzhou_gets_fujian_not_taiwan(say):
    answer = say("我是台湾来的 打算去福州找工作 有啥门路")
    assert "福建" in answer and "问台湾当地" not in answer


@pytest.mark.parametrize("text, figure", [
    ("十堰的学徒制 企业每个学徒补多少", "5000元"),
    ("大湾区青年就业计划 公司每月能拿多少补贴", "1万港元"),
    ("天津就业见习一个月多少钱", "2800元"),
])
def test_how_much_is_answered_with_the_sum(say, text, figure):
    assert figure in say(text)


def test_how_long_after_the_benefit_answer_gives_the_whole_run_of_months(say):
    say("失业金怎么领")
    answer = say("那最长能领多久")
    assert "12个月" in answer and "24个月" in answer


def test_another_province_asked_of_a_subsidy_standard_states_its_sums(say):
    say("湖北职业技能培训补贴标准")
    assert "1200元" in say("那山东的呢")


def test_another_province_with_no_article_on_it_states_nothing_of_it(say):
    say("天津见习补贴多少")
    assert "创业担保贷款" not in say("那北京呢")


def test_whether_a_firm_must_apply_is_answered_by_the_sentence_saying_so(say):
    say("稳岗返还")
    assert "无需提交" in say("需要企业去申请吗")


def test_both_a_sum_and_whether_to_apply_asked_lead_with_the_sum(say):
    assert "2800元" in say("天津见习一个月补贴多少钱 用不用自己去申请")


def test_whether_there_is_a_subsidy_is_answered_with_its_sum(say):
    assert "800元" in say("长春本科毕业留吉林有生活补贴不")


def test_an_older_worker_asking_whether_anyone_hires_his_age(say):
    assert "就业困难人员" in say("四十八了 还有厂要我这个年纪的吗 在十堰")


def test_pushes_by_city_asked_without_a_place_is_kept_as_a_wish(say):
    answer = say("能按地区推送吗 只看本地的")
    assert "订阅" in answer and "回复“1”" in answer
    assert "工单号" in say("1")


def test_how_many_months_after_the_benefit_answer_gives_the_months(say):
    say("失业了怎么领失业金")
    answer = say("那能领几个月")
    assert answer.startswith("失业前累计缴费") and "24个月" in answer


def test_a_few_years_laid_off_asks_no_span_of_time(say):
    assert "公益性岗位2.2万个" in say("重庆的 55了 下岗好几年 听说有公益性岗位 咋申请")


def test_which_provinces_after_the_rider_answer_lists_them(say):
    say("骑手有职业伤害保障吗")
    assert "北京、上海" in say("那目前哪些省份能参加")


def test_a_sum_asked_in_a_list_shows_the_sentence_stating_it_over_the_summary(say):
    answer = say("大湾区青年就业计划企业一个月能补贴多少钱啊")
    assert "回复序号" in answer  # a list, not a single answer
    assert "每聘用一名毕业生" in answer and "正式恒常化" not in answer
