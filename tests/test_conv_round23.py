"""Round 23, from set28's wrong replies, in words of our own: suggestions about how articles
are written (one format for sums, the window and floor, a map), ads behind a link, the newest
news asked as 上新 / 新鲜出炉 / 新文件, Cantonese (睇, 嗰边) and where the follower lives beside
the region asked of, who sits behind the screen, the account's standing (公司还是事业单位),
the working day, dialect, where a staff reply arrives, an insult beside a real question, a
follow-up asking it shorter or for another city, and service answers for child labour,
prenatal check-ups, e-contracts, a dispatched worker sent back, part-time work, the hardship
insurance subsidy, injuries in an internship, the certificate tax deduction and tuition
compensation for work in the west.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

DECLINE = "帮不上忙"
OFFER = "回复“1”"


@pytest.mark.parametrize("text", [
    "文章里的金额能不能统一一下格式 有的写汉字有的写数字",
    "你们写办事指南能不能写清楚去几号窗口",
    "发招聘会的时候附个导航定位呗",
])
def test_a_suggestion_about_how_articles_are_written_is_offered_as_feedback(say, text):
    answer = say(text)
    assert "建议" in answer and OFFER in answer


def test_ads_behind_a_link_are_a_complaint(say):
    assert OFFER in say("报名链接点进去全是弹窗广告")


@pytest.mark.parametrize("text", [
    "有新鲜出炉的消息没", "今天上新了吗", "最近上面又出了什么新文件没",
])
def test_the_newest_news_in_everyday_words(say, text):
    assert "最新资讯" in say(text)


def test_cantonese_region_news_skips_where_the_follower_lives(say):
    answer = say("住喺珠海 想睇下澳门嗰边嘅就业消息")
    assert "澳门最新资讯" in answer and "广东" not in answer.splitlines()[0]


@pytest.mark.parametrize("text, line", [
    ("屏幕对面是谁在打字", "自动回复助手"),
    ("你们就业桥是企业还是事业单位", "这里是就业桥公众号"),
    ("周五了终于要放假了😄", "辛苦啦"),
    ("我说的是河南话你能看懂不", "看得懂"),
    ("留了言以后在哪看你们的回复", "48小时"),
    ("留言两个礼拜了一点回音都没有", "催办"),
])
def test_the_account_and_the_chat_get_a_line_in_kind(say, text, line):
    answer = say(text)
    assert line in answer
    assert DECLINE not in answer and "答不上来" not in answer


@pytest.mark.parametrize("text", ["推荐个背单词的软件", "六级多少分能过"])
def test_apps_and_english_exams_are_off_topic(say, text):
    assert DECLINE in say(text)


def test_an_electrician_certificate_exam_is_not_off_topic(say):
    assert DECLINE not in say("四级电工证考多少分能过 有补贴吗")


def test_an_insult_beside_a_real_question_gets_the_answer_unquoted(say):
    answer = say("你个锤子 老子问的是工钱到底咋要")
    assert "12333" in answer and "锤子" not in answer


def test_an_insult_alone_gets_the_calm_line(say):
    assert "抱歉没能帮到您" in say("你个锤子")


def test_asked_shorter_after_an_article_gets_its_summary(say):
    say("北京新十条说的啥")
    answer = say("太长了 挑要紧的说")
    assert "新十条" in answer and "自动助手" not in answer


def test_another_city_after_a_service_answer_keeps_the_answer(say):
    say("江苏灵活就业能在就业地交社保")
    answer = say("那杭州那边呢 俺户口在安徽")
    assert "不受户籍限制" in answer and "杭州" in answer


@pytest.mark.parametrize("text, fact", [
    ("我妹才十四 被人带去厂里用别人身份证上班", "16周岁"),
    ("厂里招了个十五岁的小孩 出事谁负责", "5000元"),
    ("去产检公司按请假扣我工资", "劳动时间"),
    ("公司让在app上签的电子合同 有没有法律效力", "电子劳动合同"),
    ("我是派遣工 被用工单位退回去了 派遣公司不给钱", "最低工资标准"),
    ("钟点工要不要交社保", "工伤保险"),
    ("就业困难人员的社保补贴能补多长时间", "3年"),
    ("孩子见习期间受伤了怎么办", "意外伤害保险"),
    ("考了个电工证 个税能扣多少", "3600元"),
    ("去西部基层工作 学费补偿要服务几年", "3年"),
    ("骑手摔伤了 职业上海保障怎么申请", "职业伤害"),
])
def test_new_service_answers(say, text, fact):
    answer = say(text)
    assert fact in answer
    assert "答不上来" not in answer and "没有现成的答案" not in answer


def test_a_typo_of_occupational_injury_names_no_city(say):
    assert "上海的具体标准" not in say("跑外卖摔了 职业上海保障咋报")


@pytest.mark.parametrize("text", [
    "俺用的老人机 不会弄这些 你们给个能直接打的电话号码吧",
    "我眼睛不好使 打字费劲 有没有能直接打过去问的电话",
])
def test_a_long_request_for_a_number_to_call_gets_the_hotline(say, text):
    assert "400-633-0111" in say(text).splitlines()[0]


def test_a_number_asked_for_a_wage_complaint_is_the_arrears_answer(say):
    assert "12333" in say("老板不给工资 有没有电话可以投诉")
