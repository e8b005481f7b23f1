"""Round 26, from set31's wrong replies, in words of our own: the latest asked as the last
few days or the last few posts, praise for an article, impatience as 兜圈子, contact in new
shapes (a dialect on the hotline, a photo of a document, how long a 留言 takes, a complaint
about a 人社 window, a postal address, an office to visit, a number for a grandmother),
complaints and suggestions (a call that cost money, a video version, a queue notice),
off-topic read as something else (a gadget to recommend, a child's name), and rights and
policy no service answer covered (hiring by sex, a customer's assault, a change of
workplace, open-ended contracts, work after a contract expired, a borrowed licence, a false
reference, a bought certificate, merging pensions, 应届生 status, a business while on
benefit), and a follow-up that says the follower quit.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

DECLINE = "帮不上忙"
OFFER = "回复“1”"


@pytest.mark.parametrize("text", [
    "今天有新推送没 我咋没刷到",
    "新关注的 老文章不看 光看近几天的",
    "这两天都推了点啥 挑重要的讲",
    "最近的五篇发过来",
])
def test_the_latest_asked_as_days_or_posts(say, text):
    assert "最新资讯" in say(text)


@pytest.mark.parametrize("text, line", [
    ("边吃饭边看你们的文章 这篇写得真好👍", "谢谢您的肯定"),
    ("别兜圈子 直接说结果", "久等"),
    ("人都跑哪去了 等了二十分钟", "久等"),
    ("你们回消息是人一个字一个字打的吗 还是设置好的", "自动回复助手"),
])
def test_chat_gets_a_line_in_kind(say, text, line):
    answer = say(text)
    assert line in answer
    assert DECLINE not in answer and "答不上来" not in answer


@pytest.mark.parametrize("text, line", [
    ("有会说潮汕话的吗 我妈想问点事", "普通话为主"),
    ("判决书拍照发给你们看看行不", "图片都行"),
    ("留了言一般几天有人回", "48小时"),
    ("想反映我们区人社局办事窗口态度差 你们管不管 电话多少", "12345"),
    ("你们通信地址多少 我想寄材料", "别寄"),
    ("你们在武汉有没有办公点 我想过去当面问", "政务服务中心"),
    ("我奶奶不识字 有能直接打的电话吗 说话那种", "400-633-0111"),
])
def test_contact_asked_in_new_shapes(say, text, line):
    answer = say(text)
    assert line in answer
    assert "答不上来" not in answer


@pytest.mark.parametrize("text, line", [
    ("打热线按了好几个键最后没人接 白花话费", OFFER),
    ("建议做个短视频 讲讲怎么申请失业金", "建议"),
    ("热线能不能报个排队人数", "建议"),
])
def test_complaints_and_suggestions_are_offered_as_feedback(say, text, line):
    answer = say(text)
    assert line in answer and OFFER in answer


@pytest.mark.parametrize("text", ["推荐个耳机 三百以内的", "帮我儿子取个名字 姓李"])
def test_off_topic_is_declined_not_read_as_something_else(say, text):
    answer = say(text)
    assert DECLINE in answer
    assert "怎么叫我都行" not in answer and "订阅" not in answer


@pytest.mark.parametrize("text, fact", [
    ("招聘写着只要男的 我女的开铲车十年了 算歧视吗", "不能以性别为由"),
    ("送货时被客户打了 算工伤吗", "第十四条第三项"),
    ("合同写的工作地点在合肥 公司要派我去外省 不去就辞退", "协商一致"),
    ("在厂里连续干了十二年 续签还给我签固定期限的 能要求无固定期限吗", "连续干满10年"),
    ("合同去年到期了没续签 我一直还在干 这算啥", "劳动关系照样存在"),
    ("装修工地从架子上摔下来 包工头是挂靠公司干的 现在人跑了", "被挂靠的公司"),
    ("前公司背调说我偷东西 新工作黄了 能告吗", "名誉权"),
    ("花两千就能买个焊工证 不用考 靠谱吗", "假证"),
    ("以前交的城乡居民养老 现在交职工养老了 能合并吗", "不折算"),
    ("毕业一年多一直跑外卖 还算应届生吗 考编用", "择业期"),
    ("领失业金期间办了个体执照 失业金还发吗", "停发"),
    ("职工医保个人账户的钱能给我妈交居民医保吗", "家庭共济"),
])
def test_situations_get_their_service_answer(say, text, fact):
    answer = say(text)
    assert fact in answer
    assert "答不上来" not in answer and DECLINE not in answer


def test_a_hepatitis_carrier_still_gets_the_discrimination_answer(say):
    assert "乙肝" in say("体检查出乙肝小三阳 公司不录用")


def test_a_delivery_trip_accident_is_not_a_change_of_workplace(say):
    answer = say("老板让我去外地送货 路上出车祸摔断了腿")
    assert "工伤" in answer and "协商一致" not in answer


def test_quitting_after_the_benefit_answer_leans_on_it(say):
    say("失业金咋领")
    assert "主动辞职" in say("是我自己辞的职 这种给发吗")
