"""Round 29, from set34's wrong replies, in words of our own: a safe arrival, "got it", what
the account can see of a follower, whether the answers are checked, how many people answer,
impatience in everyday pictures (gone quiet, dozing, the noodles gone soft), yesterday's push
and the last few days', volunteers and community workers asking for a contact, an employers'
line, a 留言 instead of a call, more countries abroad, complaints (a video out of sync, a
title against its article, pleasantries, being passed around, a wasted trip) and suggestions
(step-free access, a short number), off-topic tickets and banned accounts; and service
answers for sexual harassment, a forced share purchase, a grade thought too low, a death on
benefit, the 网约配送员 skill grade, how a pension is computed, group accident insurance, the
残保金 levy, body searches, 育儿假 and overtime pay inside the minimum wage.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

DECLINE = "帮不上忙"
OFFER = "回复“1”"
LATEST = "最新资讯（第1/"


@pytest.mark.parametrize("text, line", [
    ("到站了 刚出高铁站 跟你说一声", "平安到了就好"),
    ("刚落地深圳 平安到了", "平安到了就好"),
    ("行行行 知道咋办了", "还有问题随时发给我"),
    ("你知道我是谁吗 看得到我手机号码吗", "看不到您的手机号"),
    ("你们这些回复有人核对过吗 准不准", "以当地人社部门、12333的答复为准"),
    ("你们后面几个人在回消息", "自动回复助手"),
    ("喂喂 怎么没动静了", "抱歉让您久等了"),
    ("是不是在打盹呢 半天不回", "抱歉让您久等了"),
    ("我茶都泡淡了 还没回音", "抱歉让您久等了"),
    ("我想帮你们在镇上宣传 当个志愿者 怎么报名", "400-633-0111"),
    ("我是街道的就业专干 想跟你们建立个联系", "400-633-0111"),
    ("我是企业人事 有没有对接企业的专线", "400-633-0111"),
    ("没法打电话 信号不好 在这留言要等多久有人回", "48小时"),
    ("人在加拿大 漫游打400太贵 有别的办法联系不", "留言"),
    ("帮我抢两张回老家的火车票", DECLINE),
    ("我微信号被封了 怎么解封", DECLINE),
])
def test_chat_contact_and_the_account_in_new_words(say, text, line):
    assert line in say(text)


def test_dozing_is_impatience_not_good_night(say):
    answer = say("你是不是打瞌睡了")
    assert "久等" in answer and "晚安" not in answer


@pytest.mark.parametrize("text", ["昨天推的那篇我没看完就划走了 讲啥的", "最近三天发了哪几篇"])
def test_yesterday_s_push_is_the_newest_list(say, text):
    assert LATEST in say(text)


def test_carry_on_listing_turns_the_page(say):
    say("近来都发了些啥 按新的来")
    assert "最新资讯（第2/" in say("刚才那串后面的 接着列")


@pytest.mark.parametrize("text", [
    "直播回放里声音和嘴型对不上",
    "标题写的是湖北 内容讲的河南 编辑不看的吗",
    "每次都一大段开场白 正经话没几句",
    "打热线让我找街道 街道又让我找你们 推来推去",
    "推送说能线上申请 去了又让我现场办 白折腾一上午",
    "建议招聘会通知写上有没有电梯 坐轮椅的能不能进",
    "建议搞个好记的短号码 400那串记不住",
])
def test_complaints_and_suggestions_are_offered_as_feedback(say, text):
    assert OFFER in say(text)


def test_passing_a_maternity_claim_around_is_still_a_maternity_question(say):
    assert "生育" in say("生育津贴公司让找社保 社保让找公司 踢皮球")


@pytest.mark.parametrize("text, parts", [
    ("组长老在群里讲荤段子 还私下给我发黄图", ["性骚扰", "截图", "12338"]),
    ("厂里要每人掏三万集资入股 不交就调去看大门", ["协商一致", "12333"]),
    ("工伤评了个九级 觉得评低了 能重新鉴定吗", ["15日", "省级"]),
    ("我妈领失业保险金期间病故了 家里能领点啥", ["丧葬补助金", "抚恤金"]),
    ("送外卖的能考网约配送员等级证吗", ["网约配送员", "职业技能等级"]),
    ("养老金是按退休前最后几年工资算的吗", ["平均缴费指数", "139"]),
    ("老板说买了雇主责任险 就不用交攻伤保险了", ["不能代替", "第六十二条"]),
    ("公司两百人没有残疾员工 残保进咋算", ["1.5%", "2倍"]),
    ("下班保安要挨个搜身 合法吗", ["不合法", "保安服务管理条例"]),
    ("孩子一岁 育儿价一年几天", ["3周岁", "各省"]),
    ("老板说加班费算进去就够最底工资了", ["加班费不算在最低工资里", "最低工资规定"]),
])
def test_new_service_answers(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer
    assert "攻伤" not in answer and "残保进" not in answer and "育儿价" not in answer


@pytest.mark.parametrize("text, places", [
    ("婚庆干了五年跟妆 在石家庄想换个稳定点的工作", ("石家庄", "河北")),
    ("在泰国做了两年客服 回国了 南宁这边有啥机会", ("南宁", "广西")),
])
def test_changing_jobs_in_a_city_gets_the_job_channels_there(say, text, places):
    answer = say(text)
    assert "公共就业服务" in answer and any(p in answer for p in places), answer


def test_a_student_s_weekend_job_is_a_job_question_not_is_this_account_genuine(say):
    answer = say("还在上学 周末有空 想找个正经兼职")
    assert "公共就业服务" in answer and "转载的政策" not in answer
