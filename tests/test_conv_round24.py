"""Round 24, from set29's wrong replies, in words of our own: chat about the robot (its
memory, how it finds answers, a nickname, a test message, rain and snow, a compliment, a joke
about its pay), content asked so that the words used to miss it (night shifts late in
pregnancy, occupational disease by its symptoms, a neighbouring province after a region's
news, this week's articles, 港澳台 coverage, a retirement date from a birth month, going home
to start a business), suggestions said as 建议把…, a keyword that picked the wrong service
answer (a retiree's hourly work, a number for an old parent, an employer's ads, an injury
without insurance, a non-compete without compensation, double pension contributions, a minor
paid by the hour, a rider's fine, annual leave over all employers), and follow-ups that lost
the thread (who files, medical insurance while unemployed, a loan without a house, item 三号,
往下翻翻, what to bring).

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

DECLINE = "帮不上忙"
OFFER = "回复“1”"


@pytest.mark.parametrize("text, line", [
    ("你能记住我之前问过什么吗", "最近的几句"),
    ("你是不是只会认关键词 换种问法就不会了", "关键词"),
    ("以后我就叫你小就 行不行", "怎么叫我都行"),
    ("发个消息试一下好不好使", "能用"),
    ("外面下大雪了 你们注意路滑", "谢谢关心"),
    ("回得比我们村支书还利索😂", "谢谢您的肯定"),  # praise is answered as praise (round 26)
    ("你们小编一个月挣多少 哈哈", "自动回复助手"),
])
def test_chat_about_the_robot_gets_a_line_in_kind(say, text, line):
    answer = say(text)
    assert line in answer
    assert DECLINE not in answer and "答不上来" not in answer


@pytest.mark.parametrize("text, fact", [
    ("怀孕八个月了 车间还安排我上夜班", "夜班"),
    ("打了十几年风钻 手指头一冷就发白发麻", "职业病"),
    ("在外打工多年 想回老家开个养殖场 有啥扶持", "创业担保贷款"),
    ("退休了想找个钟点工做做 杭州有地方介绍吗", "退休"),
    ("没交工伤保险 搬货砸伤了腿 老板说不算工伤", "工伤"),
    ("离职后前公司要我付竞业违约金 可他们从没给过竞业补偿", "3个月"),
    ("自己交着灵活就业的养老 新单位又给交了 重复了能退吗", "清退"),
    ("我家孩子17岁 暑假打工一小时才6块钱", "最低小时工资"),
    ("跑外卖的 超时几分钟平台就罚款 申诉不给过", "算法取中"),
    ("在原单位干了十年 换了工作 新公司说不满一年没年假", "不同单位"),
])
def test_situations_get_their_service_answer(say, text, fact):
    answer = say(text)
    assert fact in answer
    assert "答不上来" not in answer and DECLINE not in answer


def test_an_injury_by_a_machine_is_not_a_question_about_the_robot(say):
    assert "自动回复助手" not in say("干活时候手被机器夹了")


def test_a_retirement_date_is_computed_from_the_birth_month(say):
    answer = say("女干部 1971年2月出生 原来55岁退休 现在要延到哪年")
    assert "55岁4个月" in answer and "2026年6月" in answer


@pytest.mark.parametrize("text", [
    "建议把每篇文章的办事地址电话单独放最后",
    "建议加几个算账的例子 比如干三年能补多少",
])
def test_suggestions_said_as_jianyi_are_offered_as_feedback(say, text):
    answer = say(text)
    assert "建议" in answer and OFFER in answer and "400-633-0111" not in answer


@pytest.mark.parametrize("text, line", [
    ("我爸八十了不会用微信 想问养老金 有没有能打的电话", "400-633-0111"),
    ("我们公司想在你们号上打招聘广告 找谁谈", "400-633-0111"),
    ("意见箱在哪 找了半天", "请直接发送您的意见或建议"),
    ("这礼拜新发了哪些文章", "最新资讯"),
    ("你们这能看到台湾的消息吗", "港澳台"),
])
def test_the_account_asked_in_new_words(say, text, line):
    assert line in say(text)


def test_region_news_in_cantonese_with_a_city_and_its_province(say):
    assert "浙江最新资讯" in say("杭州嘅 浙江最近出咗咩新政策")


def test_a_neighbouring_province_after_a_region_s_news(say):
    say("青海有啥就业新闻")
    assert "甘肃最新资讯" in say("那隔壁甘肃呢")


@pytest.mark.parametrize("first, then, fact", [
    ("失业金能领多久", "那这段时间看病能报不", "代缴"),
    ("创业担保贷款能贷多少", "那要是没房子抵押 还能贷不", "抵押"),
    ("稳岗返还今年还有吗", "是不是得老板去人社填表 还是直接打钱", "免申即享"),
])
def test_a_follow_up_keeps_the_thread(say, first, then, fact):
    say(first)
    assert fact in say(then)


def test_what_to_bring_after_an_injury_leans_on_the_answer(say):
    say("厂里不给报工伤")
    assert "申请表" in say("厂里不管 我能自个儿去人社局交材料不 都要些啥")


def test_scrolling_on_after_the_latest_list_shows_page_two(say):
    say("最新消息")
    assert "第2/" in say("往下翻翻 后面还有啥")


def test_an_item_by_its_number_and_hao(say):
    say("最新消息")
    assert "[图文]" in say("2号那个点开看看")


def test_asking_whether_we_have_knocked_off_is_impatience_not_the_working_day(say):
    answer = say("等了好几分钟一个字没回 是不是下班了")
    assert "辛苦啦" not in answer and "久等" in answer


def test_the_follower_s_own_working_day_still_gets_a_line_in_kind(say):
    assert "辛苦啦" in say("周一了 不想上班 打卡去了")
