"""The follower's own overtime pay, from the wage and the days or hours a message states.

劳动法 第四十四条: overtime on a working day is paid at least 150% of the wage, on a rest day
with no time off in lieu 200%, on a statutory holiday 300% (no time off replaces it).
工资支付暂行规定 第十三条 pays it on the day or hourly wage; a monthly wage is turned into a day
wage by dividing by 21.75 and an hourly one by 8 more (劳社部发〔2008〕3号). The statutory
holidays since 2025 (全国年节及纪念日放假办法): 元旦 1 day, 春节 4 (除夕 to 初三), 清明 1,
劳动节 2 (5月1日、2日), 端午 1, 中秋 1, 国庆 3 (10月1日至3日); the other days of a long
holiday are rest days moved by the State Council's calendar.
"""

from __future__ import annotations

import re

from knowledge.compensation import NUM, WAGE, money, number

MONTH_DAYS = 21.75
HOURS = 8
HOLIDAYS = (("春节", ("春节", "过年"), 4),
            ("国庆", ("国庆", "十一假", "十一长假", "十一黄金周"), 3),
            ("劳动节", ("五一", "劳动节"), 2), ("元旦", ("元旦",), 1), ("清明", ("清明",), 1),
            ("端午", ("端午",), 1), ("中秋", ("中秋",), 1))
# A date needs its month whole (not 11月1号 for 元旦); 初一 to 初三 are 春节's only beside a word
# of it (初三毕业 is a school year).
_MONTH = r"(?<![0-9十])"
_STATUTORY_DAY = re.compile(rf"除夕|年三十|大年初[一二三]|{_MONTH}(?:5|五)月(?:1|一|2|二)(?:号|日)"
                            rf"|{_MONTH}(?:10|十)月(?:1|一|2|二|3|三)(?:号|日)"
                            rf"|{_MONTH}(?:1|一|元)月(?:1|一)(?:号|日)")
_NEW_YEAR_DAY = re.compile(r"(?<!大年)初[一二三](?![十0-9])")
_NEW_YEAR = ("春节", "过年", "大年", "正月", "年初")
_GENERIC = re.compile(r"法定节假日|法定假日")  # a named holiday, if any, says which days
# 初四 to 初七 and 5月3日 to 5日, 10月4日 to 7日: rest days moved into the holiday
_MOVED_DAY = re.compile(rf"初[四五六七](?![十0-9])|{_MONTH}(?:5|五)月(?:3|三|4|四|5|五)(?:号|日)"
                        rf"|{_MONTH}(?:10|十)月(?:[4-7]|四|五|六|七)(?:号|日)")
_REST = ("周末", "周六", "周日", "星期六", "星期天", "星期日", "礼拜六", "礼拜天", "礼拜日",
         "休息日", "双休")
_WEEKEND = (("周六", "星期六", "礼拜六"), ("周日", "星期天", "星期日", "礼拜天", "礼拜日"))
_DAY_WAGE = re.compile(rf"(?:日工资|日薪|天工资|一天工资|工资一天|一天|每天|日结)\s*"
                       rf"(?:是|有|才|就|大概|差不多)?\s*({NUM})\s*(?:块|元)"
                       rf"|(?:日工资|日薪|天工资|一天工资|工资一天|一天|每天)\s*({NUM})"
                       rf"(?!\s*(?:个|小时|钟|天|点|倍|%|号|日))"
                       rf"|({NUM})\s*(?:块|元)?\s*一天")
# 时薪20, 一小时25块; not 每天加一个小时 30天没休 (a count, not a wage)
_HOUR_WAGE = re.compile(rf"时薪\s*(?:是|有|才)?\s*({NUM})"
                        rf"|(?:每小时|一小时|一个小时|一个钟头)\s*(?:是|有|才)?\s*({NUM})\s*(?:块|元)")
_DAYS = re.compile(rf"({NUM})\s*天")
_HOURS = re.compile(rf"({NUM})\s*(?:个)?\s*(?:小时|钟头|钟)")
_WHOLE_DAY = ("一整天", "整天", "那天", "当天", "全天", "一天班")
_WEEK = ("一个礼拜", "一礼拜", "一个星期", "一星期", "一周", "整个礼拜")
_LAW = "（《劳动法》第四十四条）"
_NEXT = ("单位不给，留好考勤、排班表和聊天记录，打12333、向劳动保障监察投诉或申请劳动仲裁"
         "（免费；在职期间欠的加班费随时可以申请，离职的在离职后一年内，劳动争议调解仲裁法"
         "第二十七条）。")


def _yuan(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _wages(text: str) -> tuple[float, float, str] | None:
    """(day wage, hourly wage, how the day wage was stated) from the message, or None."""
    m = _HOUR_WAGE.search(text)
    hourly = number(next(g for g in m.groups() if g)) if m else None
    m = _DAY_WAGE.search(text)
    day = number(next(g for g in m.groups() if g)) if m else None
    if day is not None and 30 <= day <= 5000:
        return day, day / HOURS, f"日工资{_yuan(day)}元"
    if hourly is not None and 5 <= hourly <= 1000:
        return hourly * HOURS, hourly, f"小时工资{_yuan(hourly)}元"
    month = money(WAGE.search(text))
    if month is None:
        return None
    day = month / MONTH_DAYS
    return day, day / HOURS, f"月工资{_yuan(month)}元，折合日工资约{_yuan(day)}元（月工资÷21.75）"


def _count(pattern: re.Pattern, text: str) -> float | None:
    """The last count stated: a follow-up's own (那国庆三天呢) after the question's 两天."""
    found = pattern.findall(text)
    return number(found[-1]) if found else None


def _day_kind(text: str) -> str | tuple[str, int] | None:
    """The day worked, as the last one named says (那周末两天呢 after 国庆: the weekend):
    "statutory", "rest", (holiday, its statutory days) or None (a working day's hours)."""
    marks: list[tuple[int, str | tuple[str, int]]] = []
    for name, words, n in HOLIDAYS:
        marks += [(text.rfind(w), (name, n)) for w in words if w in text]
    marks += [(m.start(), "statutory") for m in _STATUTORY_DAY.finditer(text)]
    if any(w in text for w in _NEW_YEAR):
        marks += [(m.start(), "statutory") for m in _NEW_YEAR_DAY.finditer(text)]
    marks += [(m.start(), "rest") for m in _MOVED_DAY.finditer(text)]
    marks += [(text.rfind(w), "rest") for w in _REST if w in text]
    if not marks and _GENERIC.search(text):
        return "statutory"  # 法定节假日上班: no holiday named, every day at 300%
    return max(marks, key=lambda m: m[0])[1] if marks else None


def overtime_line(text: str) -> str | None:
    """The follower's own overtime pay; None unless the message states a wage and the days
    of a holiday or rest day, or the hours after work."""
    wages = _wages(text)
    if wages is None:
        return None
    day, hourly, stated = wages
    days = _count(_DAYS, _DAY_WAGE.sub(" ", text))  # 一天300 is a wage, not a day worked
    if days is None and any(w in text for w in _WEEK):
        days = 7
    if days is None and any(w in text for w in _WHOLE_DAY):
        days = 1
    kind = _day_kind(text)
    lead = f"按您说的算：{stated}，"
    if kind == "statutory":
        n = days or 1
        return (f"{lead}法定节假日上班{_yuan(n)}天，加班工资不低于{_yuan(day)}×300%×{_yuan(n)}"
                f"={_yuan(day * 3 * n)}元；法定节假日加班不能用调休抵{_LAW}。{_NEXT}")
    if isinstance(kind, tuple):
        name, statutory = kind
        n = days or 1
        legal = min(n, statutory)
        line = (f"{lead}{name}的法定节假日是{statutory}天，这{_yuan(legal)}天按300%："
                f"{_yuan(day)}×300%×{_yuan(legal)}={_yuan(day * 3 * legal)}元")
        if n > statutory:
            rest = n - statutory
            line += (f"；其余{_yuan(rest)}天是调休的休息日，能安排补休的可以补休，"
                     "不能补休的按200%："
                     f"{_yuan(day)}×200%×{_yuan(rest)}={_yuan(day * 2 * rest)}元，合计不低于"
                     f"{_yuan(day * 3 * legal + day * 2 * rest)}元")
        return f"{line}{_LAW}。{_NEXT}"
    if kind == "rest":
        # 周六周日都上: two days, unless a number of days is said
        n = days or max(1, sum(any(w in text for w in group) for group in _WEEKEND))
        return (f"{lead}休息日加班{_yuan(n)}天，能安排同等时间补休的可以不给加班费；不能补休的，"
                f"不低于{_yuan(day)}×200%×{_yuan(n)}={_yuan(day * 2 * n)}元{_LAW}。{_NEXT}")
    hours = _count(_HOURS, text)
    if hours is not None and 0 < hours <= 12 and "加" in text:
        daily = "每天" if any(w in text for w in ("每天", "天天", "每晚")) else ""
        return (f"{lead}工作日下班后{daily}加班{_yuan(hours)}小时，小时工资约{_yuan(hourly)}元，"
                f"{daily}加班工资不低于{_yuan(hourly)}×150%×{_yuan(hours)}="
                f"{_yuan(hourly * 1.5 * hours)}元"
                f"{_LAW}。加班每天一般不超过1小时、最多3小时，每月不超过36小时（第四十一条）。{_NEXT}")
    return None
