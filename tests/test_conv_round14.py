"""Round 14, from set18's wrong replies, in words of our own: too many pushes, a suggestion to
try live job shows, "what features", a certificate subsidy asked as 能补多少, an agent who took
the money and vanished, and off-topic declines that never quote the message back.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations


def test_too_many_pushes_is_a_complaint(say):
    assert "记为留言" in say("天天推这么多 烦死了")


def test_a_live_job_show_is_a_suggestion(say):
    assert "建议" in say("你们可以做做直播带岗 年轻人爱看")


def test_what_features_is_about(say):
    assert say("这个号都有啥功能").startswith("就业桥是全国就业资讯服务平台")


def test_a_certificate_subsidy_asked_as_how_much_is_the_skills_answer(say):
    answer = say("考了个电工中级证 能补多少钱")
    assert "技能提升补贴" in answer and "不发布具体招聘岗位" not in answer


def test_an_agent_who_took_the_money_and_vanished_is_fraud(say):
    answer = say("给了介绍人两千块说安排进厂 到了根本没这回事 人也联系不上了")
    assert "110" in answer and "转账记录" in answer


def test_an_off_topic_decline_never_quotes_the_message(say):
    answer = say("明天武汉下不下雨")
    assert "帮不上" in answer and "下雨" not in answer
