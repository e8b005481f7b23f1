"""Round 27, from set32's wrong replies, in words of our own: chat (rain on the way, reading
first, a festival with mooncakes, a night shift over, whether the robot tires, 小姐姐 or
小哥哥, a program, thanks for wages recovered), impatience at any length (秒回, a stuck
chat, a dying phone), contact (one channel for many, a fax, a night duty abroad, a typo of
热线, someone to talk it through), the account's other channels and push times, complaints
(hung up for an accent, a QR code to a sales group, a copied article, closed comments),
suggestions (an English version, bold figures), and rights and policy no service answer
covered (除夕 overtime, death benefits, a live-in nanny's rest days, back-paid insurance,
bereavement and marriage leave, a contract only after probation, an award not paid, insurance
through an agency, disability assessment, the 停工留薪期 limit, blood lead, benefit left
over, a penalty for leaving, medical-insurance years at retirement, maternity on flexible
insurance, a ride-hailing licence, a certificate without an employer, apprentices to hire).

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

DECLINE = "帮不上忙"
OFFER = "回复“1”"


@pytest.mark.parametrize("text, line", [
    ("早上好 外面下大雨 淋成落汤鸡了", "您好"),
    ("嗯嗯 我先看看 不明白再问", "好的"),
    ("中秋快乐 小编吃月饼了没", "节日快乐"),
    ("刚下夜班 累瘫了 来跟你打个招呼", "辛苦啦"),
    ("你一天回这么多消息 累不累", "自动回复助手"),
    ("回我的是小姐姐还是小哥哥", "自动回复助手"),
    ("这么快就回了 是电脑程序吧", "自动回复助手"),
    ("多谢啦 按你们说的办 工钱真要回来了🎉", "不客气"),
    ("不是说秒回吗 都等好几分钟了", "久等"),
    ("你们那边是不是卡了 半天没动静", "久等"),
    ("手机快没电了 你快点回", "久等"),
])
def test_chat_and_impatience_get_a_line_in_kind(say, text, line):
    answer = say(text)
    assert line in answer
    assert DECLINE not in answer and "答不上来" not in answer and "谢谢您的肯定" not in answer


@pytest.mark.parametrize("text, line", [
    ("我是社区网格员 好多居民想问你们 有没有统一的联系办法", "400-633-0111"),
    ("你们传真号多少 我们单位要发个函", "传真"),
    ("人在国外有时差 你们半夜有人值班不", "9:00–18:00"),
    ("换手机了 你们热限号码多少来着", "400-633-0111"),
    ("有点事想跟你们唠唠 找谁能唠明白", "400-633-0111"),
    ("你们有没有抖音号 视频号也行", "公众号"),
    ("你们每天几点推送", "推送时间不固定"),
])
def test_contact_and_the_account_asked_in_new_words(say, text, line):
    answer = say(text)
    assert line in answer
    assert "答不上来" not in answer and DECLINE not in answer


@pytest.mark.parametrize("text", [
    "热线说听不懂我的口音 直接给挂了",
    "推送里的二维码扫进去是个卖货群",
    "你们这篇是抄别人的 出处都不写",
    "文章评论区怎么关了",
    "建议出个英文版 外地来的工友看不懂",
    "建议把补贴金额加粗标红",
])
def test_complaints_and_suggestions_are_offered_as_feedback(say, text):
    assert OFFER in say(text)


@pytest.mark.parametrize("text, fact", [
    ("饭店后厨 除夕干到半夜 老板说除夕不算法定假", "除夕也是法定节假日"),
    ("我哥在工地出事没了 认定工亡了 能拿多少补助", "一次性工亡补助金"),
    ("住家保姆 说好每月歇四天 半年一天没歇 也不加钱", "劳务关系"),
    ("公司让我补交社保 单位那份也要我出", "单位那份只能单位出"),
    ("奶奶去世 回老家要两天 公司只给一天丧假还扣全勤", "路程假"),
    ("下个月结婚 请婚假 公司说私企没有婚假", "私企职工一样适用"),
    ("试用期公司说转正了才签合同 先签个实习协议", "双倍工资"),
    ("仲裁赢了 裁决书都下来两个月了 公司还是不给钱", "强制执行"),
    ("通过人力公司挂靠交社保 每月多给两百手续费 会有事吗", "虚假参保"),
    ("工伤认定下来了 伤残等级去哪评 要花钱吗", "劳动能力鉴定"),
    ("停工留薪期最长多久 我这伤一年好不了", "延长不得超过12个月"),
    ("电镀厂干了几年 体检血铅高 厂里不管 还让我辞职", "职业病"),
    ("去年失业金领了几个月就上班了 剩下的以后还能领吗", "合并计算"),
    ("老板让签 干不满一年走人罚两千 签了现在想走", "第二十五条"),
    ("医保交了二十年 退休还差几年 要一次补齐吗", "一次性补足"),
    ("灵活就业自己交的医保 快生了 能领生育津贴吗", "灵活就业"),
    ("想跑网约车 要什么证 驾龄几年", "3年以上驾驶经历"),
    ("不在单位上班 自己想考个育婴员证 去哪报名", "个人可以直接报名"),
    ("开了个修车铺 想招两个学徒 贴广告半年没人来", "登记用工"),
])
def test_situations_get_their_service_answer(say, text, fact):
    answer = say(text)
    assert fact in answer
    assert "答不上来" not in answer and DECLINE not in answer


def test_a_retiree_s_funeral_grant_is_not_a_death_at_work(say):
    assert "工亡补助金" not in say("退休的老爸去世了 丧葬费怎么领")


def test_a_parent_looking_for_an_apprenticeship_is_not_an_employer(say):
    assert "登记用工" not in say("儿子初中毕业想学门手艺 哪有招学徒的")


def test_good_night_with_rest_is_not_about_the_robot(say):
    assert "自动回复助手" not in say("晚安 你们也早点休息")
