"""Round 37, from set42's wrong replies, in words of our own: a cancer patient pushed to resign
or be dismissed for absence, a small eatery hiring unemployed people, the 稳岗 refund said
as part of the unemployment insurance paid back, a second child's maternity leave, and medical
insurance while on unemployment benefit.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, parts", [
    ("我查出肺癌要化疗 公司让我自己辞职 不然算旷工开除", ["医疗期"]),
    ("开了个小饭馆 招了两个失业的 政府给补贴吗", ["吸纳就业补贴"]),
    ("厂里二十几个人 交的失业保险能返一部分吗", ["稳岗返还"]),
    ("生老二的产假跟头胎一样不", ["98天"]),
    # 社会保险法 第四十八条: the unemployment fund pays the medical insurance while on benefit
    ("领失业金那阵子 医保要自己交吗 断了咋整", ["失业保险基金代缴"]),
    ("表哥叫我去泰国做客服 月薪两万五包机票 说到了先把护照交上去 靠谱不", ["96110"]),
    ("包工头没资质 人跑了 工地是央企的项目 工钱能找总包要吗", ["总承包单位要先行清偿"]),
])
def test_questions_reach_their_answers(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer


def test_an_injury_under_a_contractor_without_a_licence_keeps_its_answer(say):
    assert "工伤保险责任" in say("包工头没资质 跑了 我在工地摔伤了谁管")


def test_asking_by_voice(say):
    assert "语音" in say("我字认不全 你们这能语音问不")
