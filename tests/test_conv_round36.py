"""Round 36, from set41's wrong replies, in words of our own: who runs the account, 嗯呐 as ok,
a video call, 稳港 for 稳岗, annual leave by the years worked in all, a 15-year-old in a
factory, 那旮沓, a boss waiting at the door, a check-in bonus suggested, a 白条 from a site
boss, an expired subsidy and articles instead of answers as complaints, breastfeeding breaks,
离职正明 for 离职证明, time off instead of weekend overtime pay, the
fair's time and place first, a joke asked for, and a medical account paying a parent's resident
insurance.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

OFFER = "回复“1”"


@pytest.mark.parametrize("text, parts", [
    ("小作坊老板 十几个人 今年没裁人 稳港返还能返多少 要申请吗", ["稳岗返还", "60%"]),
    # 禁止使用童工规定 (none under 16); 女职工劳动保护特别规定 第九条 (an hour a day till one)
    ("我外甥女才15 暑假进电子厂 一天干11个小时 厂里说家长同意就行", ["不满16周岁"]),
    ("娃还不到一岁 上班时间能回去喂奶吗 主管说没这规定", ["1小时哺乳时间", "第九条"]),
    ("辞职半个月了 公司不给开离职正明 社保也没减员 能投诉吗", ["15日内"]),
    ("医保卡里攒了好几千 能给我妈交农村居民医保吗", ["家庭共济"]),
    ("包工头打了白条说年底给 现在人联系不上了 我们八个人五万多", ["欠条"]),
    ("内蒙古那旮沓有啥新消息", ["内蒙古最新资讯"]),
    ("你们这号是政府办的还是私人搞的", ["全国就业资讯服务平台"]),
    ("嗯呐 知道了 就这么整吧", ["好的"]),
    ("能打视频不 我想给你们看下我的劳动合同", ["留言"]),
])
def test_messages_reach_their_answers(say, text, parts):
    answer = say(text)
    assert all(p in answer for p in parts), answer
    assert "稳港" not in answer and "正明" not in answer


def test_annual_leave_follows_the_years_worked_in_all(say):
    # 职工带薪年休假条例 第三条; 实施办法 第四条: every employer's years count
    say("年假几天")
    answer = say("我总共工作了22年 新单位才干了一年多 能休几天")
    assert "每年带薪年休假15天" in answer and "累计工作22年" in answer


def test_time_off_instead_of_weekend_overtime_pay_is_the_overtime_answer(say):
    say("周末加班工资怎么算")
    assert "补休" in say("老板说给调休不给钱 这合法吗")


@pytest.mark.parametrize("text", [
    "有个点子 搞个签到送话费 关注的人肯定多",
    "你们文章里写的那个补贴 我去问说早停了 过期了也不标",
    "每次都甩一堆文章给我 我要的是答案",
    "招聘会的信息能不能把时间地点放最前面 翻到底才看到",
])
def test_feedback_is_offered_to_be_recorded(say, text):
    assert OFFER in say(text)


def test_a_joke_is_declined_though_work_is_named(say):
    assert "这个问题我帮不上忙" in say("讲个笑话呗 上班太累了")


def test_a_boss_waiting_at_the_door_is_impatience(say):
    assert "抱歉让您久等了" in say("快点呗 老板在门口等着我签合同呢")


def test_arrears_while_still_employed_are_not_time_barred(say):
    # set42's judge: 劳动争议调解仲裁法 第二十七条, arrears during employment run from its end
    answer = say("厂里拖了我一年多工资 我还在上班 仲裁是不是过了一年就不行了")
    assert "还在职的，欠薪不受这一年限制" in answer
