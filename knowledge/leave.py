"""The follower's own paid annual leave, from the years of work a message states.

职工带薪年休假条例 第三条: 5 days after 1 to 10 years of work in all, 10 after 10 to 20, 15 after
20; 企业职工带薪年休假实施办法 第三、四条: it starts after 12 months of continuous work, and the
years count at every employer, not only the present one. With two spans stated (22 years in all,
a year and a half here), the longest is the working life the days follow.
"""

from __future__ import annotations

from knowledge.compensation import SERVICE, span_text, spans

TOTAL = ("总共", "一共", "累计", "工龄", "加起来", "前后")
# Only a question about the days is answered with them: 没休的年假能折钱吗 wants the answer's rule.
ASKS_DAYS = ("几天", "多少天", "能休", "休几", "可以休", "有年假吗", "有没有年假", "年假吗")


def annual_days(months: int) -> int:
    """Days of paid annual leave a year after `months` of work in all (0 under a year)."""
    years = months // 12
    return 0 if years < 1 else 5 if years < 10 else 10 if years < 20 else 15


def annual_leave_line(text: str) -> str | None:
    """The follower's own days of annual leave; None unless the message states a span and asks
    about the days."""
    found = spans(text, SERVICE + TOTAL)
    if not found or not any(w in text for w in ASKS_DAYS):
        return None
    months = max(found)
    stated = span_text(months)
    days = annual_days(months)
    if not days:
        return (f"按您说的，累计工作{stated}，还不满1年，暂时没有带薪年休假；连续工作满12个月后"
                "就有，每年5天起（《职工带薪年休假条例》第三条）。")
    return (f"按您说的，累计工作{stated}，每年带薪年休假{days}天（《职工带薪年休假条例》第三条："
            "满1年不满10年5天，满10年不满20年10天，满20年15天）。天数按在所有单位的累计工作时间算，"
            "不只算现在这家；连续工作满12个月就能休。单位不安排又不让休的，每天按日工资的300%付（含正常工资）。")
