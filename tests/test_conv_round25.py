"""Round 25, from set30's wrong replies, in words of our own: complaints said without a
complaint word (a wall of text, a forced app, answers that disagree, a photo used without
asking), suggestions (a dark mode, a menu entry), chat (privacy from the boss, an intern,
feelings, good night before an errand, thanks with a meal offered, hurrying for a bus, the
weather), the account (what to ask, sharing and reprints, 12333, daily pushes, Cantonese),
contact (a named operator, SMS, a call-back), rights and policy no service answer covered
(renting out a bank card, a no-pregnancy pledge, an injury waiver, pay relabelled as
allowances, dismissal while on injury leave, a miscarriage, hospital meals, the pension
check, benefit up to retirement, after arbitration, the compensation cap, the housing fund,
a lost certificate, 台胞 and insurance, a contract not renewed, the grassroots programmes,
a mutual termination), and follow-ups that lost the thread.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

DECLINE = "帮不上忙"
OFFER = "回复“1”"


@pytest.mark.parametrize("text", [
    "你们文章字挤成一坨 也不分个段 读着眼晕",
    "点开你们的链接非让我先装个app 不装不给看",
    "你们推文用的照片是我们店门口 没打招呼就用了 赶紧撤掉",
])
def test_complaints_without_complaint_words_are_offered_as_feedback(say, text):
    answer = say(text)
    assert "抱歉" in answer and OFFER in answer


def test_answers_that_disagree_say_whose_word_counts(say):
    answer = say("问你好几回了 每回讲的都不一样 我听哪个的")
    assert "12333" in answer and OFFER in answer


@pytest.mark.parametrize("text", [
    "能不能弄个深色模式 半夜看屏幕亮瞎眼",
    "领补贴的入口直接挂到底下菜单上吧 每次都得翻文章找",
])
def test_suggestions_are_offered_as_feedback(say, text):
    answer = say(text)
    assert "建议" in answer and OFFER in answer


@pytest.mark.parametrize("text, line", [
    ("我跟你说的这些 会不会传到我们厂领导耳朵里", "不会告诉您的老板"),
    ("你是新来的实习小编吧", "自动回复助手"),
    ("你会不会难过 被人骂了心里不舒服不", "自动回复助手"),
    ("晚安啦 明早还得去社保局交材料", "晚安"),
    ("多谢 心里踏实多了 下回请你吃饭", "不客气"),
    ("别磨蹭了 我马上上车了 快点", "久等"),
    ("早上好 今天热死了", "您好"),
])
def test_chat_gets_a_line_in_kind(say, text, line):
    answer = say(text)
    assert line in answer
    assert DECLINE not in answer and "答不上来" not in answer


@pytest.mark.parametrize("text, line", [
    ("在这都能问些啥 给我列一列", "失业金"),
    ("你们的文章我转发给工友看 算不算侵权", "欢迎转发"),
    ("我们是县人社局的 想转你们的文章 找谁授权", "来源：就业桥"),
    ("你们和12333啥区别", "查不了个人记录"),
    ("想天天收到你们的消息 得怎么设置", "不用另外设置"),
    ("呢个号系讲咩嘅", "全国就业资讯服务平台"),
    ("就业桥哪年上线的 谁在运营", "就业桥公众号"),
    ("上回电话里那个李老师讲得好 还能找到她不", "轮流接听"),
    ("能发短信问吗 打电话我说不明白", "没有短信"),
    ("你们给我回个电话吧 我手机快没话费了", "留言"),
    ("能约个时间让你们的人打给我吗", "400-633-0111"),
])
def test_the_account_and_contact_asked_in_new_words(say, text, line):
    assert line in say(text)


@pytest.mark.parametrize("text", ["刚关注 前面的翻不到 最近发了些啥给我理一理",
                                  "这个月推的文章 只列标题就行"])
def test_the_latest_asked_in_new_words(say, text):
    assert "最新资讯" in say(text)


def test_a_student_asking_whether_only_graduates_may_join_is_not_a_region_wish(say):
    answer = say("西部计划只要本科生吗 专科的能报不")
    assert "订阅" not in answer and "专科" in answer


@pytest.mark.parametrize("text, fact", [
    ("有人出钱租我的银行卡 一个月给三百 能租不", "帮信"),
    ("面试让写个保证书 三年内不怀孕 这合法吗", "妇女权益保障法"),
    ("老板让签个出了事自己负责的单子 不签不给干活", "无效"),
    ("公司把工资拆成基本工资加一堆补贴 社保只按基本工资交", "缴费基数"),
    ("工伤还在养 单位就发来解除通知了", "停工留薪期"),
    ("怀孕两个多月流掉了 厂里说没有假", "15天"),
    ("工伤住院 吃饭的钱工伤保险报不报", "伙食补助费"),
    ("在外地带孙子 每年养老金认证咋弄", "资格认证"),
    ("领完失业金 离退休还差几个月 咋整", "不足1年"),
    ("仲裁赢了 厂里不服要去法院告", "15日"),
    ("月薪两万 我们市社平七千 辞退补偿按多少算", "3倍"),
    ("公司一直没交公积金 能让它补吗", "补缴"),
    ("职业技能等级证书丢了咋补", "补发"),
    ("台湾同胞在大陆上班 交了失业保险 能领失业金吗", "暂行办法"),
    ("六十多了 想在兰州找个看大门的活", "年纪大"),
    ("合同到期公司不续 还让我签自愿不续签", "别签"),
    ("交够15年了 让厂里别交了 把钱折给我行不", "折成现金"),
])
def test_situations_get_their_service_answer(say, text, fact):
    answer = say(text)
    assert fact in answer
    assert "答不上来" not in answer and DECLINE not in answer


def test_cash_instead_of_insurance_is_still_the_employer_s_duty(say):
    assert "法定义务" in say("公司不给交社保 每月多给三百块当补贴 行吗")


@pytest.mark.parametrize("first, then, fact", [
    ("失业金咋领", "签的是协商解除 这种能领不", "由用人单位提出"),
    ("没签劳动合同有啥说法", "快两年了", "双倍工资"),
    ("劳动仲裁咋申请", "仲裁完了公司不服咋办", "15日"),
    ("被辞退补偿咋算", "我工资一万五 我们那社平五千 按一万五算吗", "3倍"),
    ("三支一扶是干啥的", "两年干满了 能留下来不", "服务期满"),
])
def test_a_follow_up_keeps_the_thread(say, first, then, fact):
    say(first)
    assert fact in say(then)


def test_a_grassroots_programme_question_names_its_own_article(say):
    answer = say("三支一扶干满了有啥出路")
    assert "三支一扶”计划招募" in answer
