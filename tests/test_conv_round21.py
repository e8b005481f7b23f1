"""Round 21, from set25's wrong and weak replies, in words of our own: off-topic requests of
every sort get a short decline (also when nothing of the message is ours at all), the newest
articles and regional news asked in everyday words, who is chatting, impatience said
roughly, complaints about our own service (clickbait, a wrong date, an answer about another
thing, a promised callback), a wish for evening hours, goodbyes and laughs in kind, and
rights questions the service answers had not met: annual leave on leaving, wages paid in
goods, holiday work paid double, a blow from a team leader, years of service after a
takeover, a hepatitis B carrier refused, a mother back from leave moved and paid less,
wages owed abroad; 第三个 after 更多 counts on the page shown.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

DECLINE = "帮不上忙"


@pytest.mark.parametrize("text", [
    "糖醋鱼怎么做才入味", "帮我看看明年的运势咋样", "老婆天天跟我吵架咋整",
    "下礼拜大盘还能涨不", "帮我看看后天去西安的高铁票", "小区楼上装修吵死了",
])
def test_off_topic_requests_get_a_short_decline(say, text):
    answer = say(text)
    assert DECLINE in answer and "换个说法" not in answer and text not in answer


def test_a_message_with_nothing_of_ours_is_declined_not_asked_again(say):
    answer = say("晚上老是睡不着觉怎么办")
    assert DECLINE in answer and "答不上来" not in answer


def test_a_covered_question_the_search_misses_is_not_declined(say):
    assert DECLINE not in say("公司让我签个东西说自愿放弃 这合法吗")


@pytest.mark.parametrize("text", ["今儿刚出的新文章有吗", "这星期都更了啥", "这个月出了啥新规定"])
def test_the_newest_articles_asked_in_everyday_words(say, text):
    assert "最新资讯" in say(text)


@pytest.mark.parametrize("text, place", [("甘肃就业方面有啥新鲜事", "甘肃"),
                                         ("台湾那边就业相关的消息有不", "台湾")])
def test_regional_news_asked_with_padding_words(say, text, place):
    answer = say(text)
    assert place in answer and "答不上来" not in answer


@pytest.mark.parametrize("text", [
    "现在跟我聊天的是谁", "你用的是哪个大模型", "你有名字吗", "你是男生还是女生",
])
def test_who_is_chatting_is_the_identity_answer(say, text):
    assert "自动回复助手" in say(text)


@pytest.mark.parametrize("text", ["还有喘气的吗 回个话", "喂 死机了吗", "别整虚的 说人话"])
def test_impatience_said_roughly(say, text):
    answer = say(text)
    assert "400-633-0111" in answer and "答不上来" not in answer


@pytest.mark.parametrize("text", [
    "标题党 点进去啥也不是", "你们写的招聘会日期写成了下个月 害我错过了",
    "我问的明明是社保 你给我甩一堆新闻",
])
def test_complaints_about_our_articles_and_answers_are_offered_a_record(say, text):
    answer = say(text)
    assert "回复“1”" in answer and "工单号" in answer


def test_a_promised_callback_that_never_came_is_offered_a_record(say):
    answer = say("前几天打热线说好了回电 一个电话都没有")
    assert "回复“1”" in answer and "催办" in answer


def test_a_wish_for_evening_hours_is_a_suggestion(say):
    assert "谢谢您的建议" in say("建议周末也安排人接电话")


def test_a_school_wanting_to_promote_itself_gets_the_editors(say):
    assert "400-633-0111" in say("我们是技工学校 想借你们平台宣传一下 怎么对接")


@pytest.mark.parametrize("text, line", [
    ("我先撤了啊 回头再唠", "好的，再见"), ("哈哈哈 笑死", "好的"), ("嗯 晓得了 要得", "好的"),
    ("成了 照你说的办好了", "不客气"), ("亲 在线不", "您好"),
])
def test_social_messages_get_a_line_in_kind(say, text, line):
    assert say(text).startswith(line)


@pytest.mark.parametrize("text, facts", [
    ("在这干了五年 年价一天没休 辞职能折钱吗", ("300%", "折算")),
    ("老板说没钱 拿厂里的洗衣粉顶工资", ("货币", "12333")),
    ("大年初二初三都让上班 只给了两倍", ("300%",)),
    ("班长当众扇了我一巴掌", ("110", "验伤")),
    ("厂子换了老板 说以前的工龄都不算了", ("合并计算",)),
    ("入职体检查出小三阳 被通知不录用", ("不得", "携带者")),
    ("宝宝刚满七个月 上班后把我调去仓库 工资少了", ("哺乳期",)),
    ("在沙特工地干了一年 老板不发工资 中介也联系不上", ("12308",)),
    ("合同上写辞职要赔5000违约今 我也没培训过", ("服务期",)),
])
def test_rights_questions_get_the_rule_that_applies(say, text, facts):
    answer = say(text)
    assert all(f in answer for f in facts), answer
    assert "违约今" not in answer and "年价" not in answer


def test_how_long_benefit_lasts_after_years_of_contributions_is_the_benefit_answer(say):
    say("失业金在哪领")
    answer = say("社保断断续续交了八年 失业金最多领几个月")
    assert "18个月" in answer or "24个月" in answer


def test_an_ordinal_after_paging_counts_on_the_page_shown(say):
    say("最新")
    page_two = say("更多")
    third = page_two.split("8. ")[1].splitlines()[0]
    assert third[:10] in say("第三个说的啥")


def test_a_bare_number_after_paging_keeps_its_label(say):
    first_page = say("最新")
    third = first_page.split("3. ")[1].splitlines()[0]
    say("更多")
    assert third[:10] in say("3")


@pytest.mark.parametrize("text, fact", [
    ("干了四年了从没休过年假 辞职能要点钱不", "折算"),  # 休过年假 holds 过年: still annual leave
    ("开小店的个体户 稳岗返还能给多少", "60%"),
    ("走了快俩月了 原单位还不给转社保关系", "15日内"),
    ("五十一了才开始自己交养老 到退休够不够年限", "15年"),
    ("老板让我开车去邻市送货 路上出了车祸 算工伤不", "因工外出"),
    ("听说报到证没了 孩子毕业了档案咋办", "不再发"),
])
def test_service_answers_state_the_rule_asked(say, text, fact):
    assert fact in say(text)


def test_a_question_form_is_not_a_word_the_article_must_hold(say):
    answer = say("明年想报西部计划 招的人多不多")
    assert "西部计划" in answer and "帮不上忙" not in answer


def test_who_asks_for_whom_and_when_do_not_hide_a_scheme(say):
    answer = say("我闺女想报三支一扶 一般啥时候报名")
    assert "三支一扶" in answer and "答不上来" not in answer


@pytest.mark.parametrize("text, place", [("锦州那边有啥子新消息嘛 我老家在那", "辽宁"),
                                         ("咱吉林那疙瘩有啥信儿没", "吉林")])
def test_region_news_with_a_few_words_of_ones_own(say, text, place):
    assert f"{place}最新资讯" in say(text)


def test_a_wish_for_more_of_a_regions_news_stays_a_suggestion(say):
    assert "谢谢您的建议" in say("希望多发点山西的消息")


@pytest.mark.parametrize("text, line", [
    ("热线那个接电话的态度好凶 没说完就挂了", "热线"),
    ("打了一上午全是忙音 搞什么", "热线"),
])
def test_complaints_about_the_hotline_are_answered_as_such(say, text, line):
    answer = say(text)
    assert line in answer and "答不上来" not in answer


@pytest.mark.parametrize("text", ["那篇讲培训补贴的 压根没写咋申请 等于白看",
                                  "同一篇文章给我推了好几回", "你们推的招聘会换了地方 文章也没改"])
def test_complaints_about_articles_and_pushes(say, text):
    assert "回复“1”" in say(text)


@pytest.mark.parametrize("text, fact", [
    ("女儿在缅甸被关着 对方让家里打钱赎人", "12308"),
    ("工伤评了十级 现在想离职 还能拿啥补助", "一次性伤残就业补助金"),
    ("说好月薪六千 实际每个月只打四千", "12333"),
    ("在家具厂喷漆好几年 查出来肺有问题 算职业并吗", "职业病"),
])
def test_more_rights_situations_get_their_rule(say, text, fact):
    answer = say(text)
    assert fact in answer and "职业并" not in answer


def test_a_person_asked_to_add_me_on_wechat_is_a_contact_question(say):
    assert "400-633-0111" in say("能让你们工作人员加我微信吗 我语音跟他说")


def test_a_longer_follow_up_opening_with_na_leans_on_the_answer(say):
    say("稳岗返还是什么")
    answer = say("那我们厂去年裁了三个人 总共四十来人 还能返吗")
    assert "裁员率" in answer


@pytest.mark.parametrize("text, fact", [
    ("入职签了份空白合同 我自己手里一份都没有", "一份合同文本"),
    ("签的一直是劳务协议 天天坐班 这算不算劳动关系", "也是劳动关系"),
    ("宝宝才三个月 每天喂奶那一小时主管不批", "1小时哺乳时间"),
])
def test_contract_and_breastfeeding_details(say, text, fact):
    assert fact in say(text)


def test_opening_a_named_item_after_paging_is_not_counted_on_the_page(say):
    say("最新")
    say("更多")
    assert "桂林" in say("桂林那篇原文发我看看")  # item 2 of page one, named: not item 7
