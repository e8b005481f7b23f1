"""Followers' words in general, through the webhook: the safe default for short messages,
requests for a person and complaints by structure, follow-ups that lean on the last answer,
sticker codes. Each case is a family of ways people say it, not one fixed sentence."""

from __future__ import annotations

import pytest

HOTLINE = "400-633-0111"


@pytest.mark.parametrize("text", ["喂", "早", "嗯", "哈哈", "在不", "好滴", "节日快乐", "行 我试试",
                                  "我先下了 回头再问哈", "端午安康", "[微笑]", "猜猜我是谁呀"])
def test_short_messages_that_ask_nothing_get_a_short_social_line(say, text):
    answer = say(text)
    assert len(answer) <= 150
    assert "没有找到" not in answer and "为您找到" not in answer and "[图文]" not in answer


@pytest.mark.parametrize("text", ["生育津贴怎么领", "三支一扶", "带薪年休假"])
def test_a_short_real_question_is_still_answered(say, text):
    answer = say(text)
    assert "就业桥的自动助手" not in answer and len(answer) > 40


@pytest.mark.parametrize("text", ["我要跟工作人员说", "找个懂行的人问问", "跟你们主编反映个事",
                                  "能不能叫个活人来", "rg", "有没有工作人员 我要找个真人说"])
def test_a_person_asked_for_in_any_words_gets_the_hotline(say, text):
    answer = say(text)
    assert HOTLINE in answer and "留言" in answer


@pytest.mark.parametrize("text", ["人工智能训练师证书补贴", "安徽人工智能训练师培训补贴"])
def test_a_job_title_with_a_contact_word_is_not_a_contact_question(say, text):
    assert "就业桥服务热线" not in say(text)


@pytest.mark.parametrize("text", ["视频放不了", "文章里的二维码扫不出来", "你们推的都是老黄历",
                                  "取消关注了还一直给我发", "按你们文章说的去办 人家说没这政策",
                                  "多搞点残疾人就业的消息吧", "要是能直接在这里投简历就好了"])
def test_complaints_and_suggestions_by_structure_are_offered_as_liuyan(say, text):
    answer = say(text)
    assert "回复“1”" in answer and "留言" in answer


@pytest.mark.parametrize(("first", "then", "fact"), [
    ("国庆加班工资怎么算", "那春节呢", "300%"),
    ("创业担保贷款要啥条件", "能贷多少", "30万"),
    ("失业金能领多久", "俺交了6年", "18个月"),
    ("工伤认定多久内申请", "公司拖着不给申请咋整", "1年"),
])
def test_a_follow_up_leans_on_the_last_answer(say, first, then, fact):
    say(first, "o_lean")
    assert fact in say(then, "o_lean")


def test_a_follow_up_asking_for_a_person_after_an_answer_stays_on_the_topic(say):
    say("试用期工资只给一半 合法吗", "o_who")
    answer = say("那我该找谁", "o_who")
    assert "12333" in answer or "仲裁" in answer


@pytest.mark.parametrize(("text", "fact"), [
    ("法定节假日上班没给钱", "300%"),
    ("一个月休两天 每天干12个小时 这不违法吗", "加班"),
    ("快递站老板扣着押金不退 我都离职一个月了", "12333"),
    ("交了3000块说包进国企 现在人找不到了", "110"),
    ("厂里让我们签自愿离职 不签就不发工资", "补偿"),
    ("俺在写字楼做保洁两年了 公司说俺超龄了 直接让走", "补偿"),
])
def test_rights_are_recognised_by_the_situation(say, text, fact):
    assert fact in say(text)


@pytest.mark.parametrize("text", ["深圳有没有招仓库管理的", "48岁女的 没啥文化 能干啥",
                                  "想去新疆摘棉花 哪里报名", "哈尔滨冬天招滑雪教练不"])
def test_job_seeking_in_many_forms_says_where_vacancies_are(say, text):
    answer = say(text)  # the general answer, or one for the follower's situation (48岁女的)
    assert "零工市场" in answer or "招聘会" in answer
    assert "没有找到" not in answer and "答不上来" not in answer
