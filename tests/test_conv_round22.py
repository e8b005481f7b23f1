"""Round 22, from set26's wrong and weak replies, in words of our own: chat with the robot
(唠嗑, 你会累不, 么么哒, kind words about the weather, a goodbye with tomorrow's plan), the
account asked about in new ways (its menu's buttons, its name, who built it, canned replies,
remote provinces), region news with 这阵子 / 本地 / 推几篇, follow-ups that lean on a service
answer without 那 (反过来呢, 差的咋办), and service answers for 个人养老金, 医保家庭共济, a pay cut,
weekend overtime paid at 1.5×, 港澳台 residents' permits, extras' wages, a settlement after
an injury grade, work in more countries; the off-topic decline never answers a greeting, a
nudge or a follow-up.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

DECLINE = "帮不上忙"


@pytest.mark.parametrize("text, line", [
    ("今天降温了 你也多穿点", "谢谢关心"),
    ("在干嘛呢 无聊陪我唠唠嗑", "自动回复助手"),
    ("你吃饭了没 你会累不", "自动回复助手"),
    ("好滴 么么哒", "好的"),
    ("睡了睡了 明早还得上工", "再见"),
])
def test_chat_gets_a_line_in_kind(say, text, line):
    answer = say(text)
    assert answer.startswith(line) or line in answer.splitlines()[0]
    assert DECLINE not in answer and "答不上来" not in answer


@pytest.mark.parametrize("text, line", [
    ("你是哪个 报个名号来", "自动回复助手"),
    ("回我的这些话是提前写好的吧", "自动回复助手"),
    ("底下菜单那几个按钮都是干嘛的", "就业桥是全国就业资讯服务平台"),
    ("就业桥这名字有啥来历", "就业桥是全国就业资讯服务平台"),
    ("你们这号背后是哪家公司做的", "这里是就业桥公众号"),
    ("西藏青海那种偏的地方你们也发吗", "全国"),
])
def test_the_account_asked_about_in_new_ways(say, text, line):
    assert line in say(text)


@pytest.mark.parametrize("text, place", [
    ("江苏本地的就业新闻有没有", "江苏"), ("云南大理的文章推几篇", "云南"),
    ("河北的消息有没有 邯郸这块", "河北"), ("老家漳州的 福建这阵子有啥新政策", "福建"),
])
def test_region_news_in_more_words(say, text, place):
    assert f"{place}最新资讯" in say(text)


def test_a_follow_up_turned_round_leans_on_the_answer(say):
    say("试用期辞职要提前几天")
    assert "3天" in say("反过来呢 公司辞我要提前几天")


def test_a_follow_up_without_na_after_a_rule_leans_on_it(say):
    say("退休要交满多少年")
    assert "15年" in say("我明年就到年龄了 才交了十年 差的咋办")


@pytest.mark.parametrize("text", ["早呀 今天好冷", "回个话呗 转半天圈了"])
def test_a_greeting_or_a_nudge_is_never_declined_as_off_topic(say, text):
    assert DECLINE not in say(text)


def test_a_follow_up_nothing_matches_is_never_declined_as_off_topic(say):
    say("三支一扶是干啥的")
    assert DECLINE not in say("搁村里头住哪儿")


@pytest.mark.parametrize("text, fact", [
    ("失业竟怎么算的 一个月给多少", "失业保险金"),
    ("个人养老金要不要开", "12000元"),
    ("医保家庭共济咋弄", "配偶、父母、子女"),
    ("礼拜六加班老板按1.5倍算的 对吗", "200%"),
    ("厂里这个月起工资统一降两成 合法吗", "协商一致"),
    ("在塞尔维亚工地干活 老板扣了护照不发工资", "12308"),
    ("香港人来深圳上班要办啥证", "不再需要"),
    ("在剧组跑龙套 干了半个月群演钱都不给", "12333"),
    ("评了十级 厂里说给一万了事 够不够", "伤残等级"),
])
def test_service_answers_for_more_situations(say, text, fact):
    assert fact in say(text)


@pytest.mark.parametrize("text", ["建议招聘会的文章写上坐几路公交能到",
                                  "能不能每篇文章开头先用一句话说重点"])
def test_wishes_about_our_articles_are_suggestions(say, text):
    assert "谢谢您的建议" in say(text)
