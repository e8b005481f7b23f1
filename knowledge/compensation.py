"""A follower's own figures for severance (N) and for months of unemployment benefit.

劳动合同法 第四十七条: one month's wage per full year of service, a half year or more counting
as a year and less than that as half a month; a monthly wage above three times the local
average counts as three times it, for at most 12 years. 失业保险条例 第十七条: contributions
of 1 to 5 years give at most 12 months of benefit, 5 to 10 years 18, 10 years or more 24;
the years at several employers add up.
"""

from __future__ import annotations

import re

from knowledge.numerals import chinese_number

_COLLOQUIAL = str.maketrans("〇俩仨", "零两三")  # 俩月, 仨月 are 两个月, 三个月
NUM = r"[0-9]+(?:\.[0-9]+)?|[零〇一二两俩三仨四五六七八九十]+"
TAIL = r"[零〇一二两俩三仨四五六七八九]"  # the digit after 万 / 千: 一万二 is 12000
# 五年零两个月 / 2年4个月 / 三年半 / 八个月 / 6年; not 2025年 (four digits), not 几年
_SPAN = re.compile(rf"(?<![0-9])({NUM})\s*年\s*(?:(半)|(?:零|又)?\s*({NUM})\s*个?\s*月)?"
                   rf"|(?<![0-9年])({NUM})\s*个\s*月|(?<![0-9一二两三四五六七八九十年])(半)年")
WAGE = re.compile(rf"(?:月工资|月薪|工资|一个月|每月|月入|底薪|税前)\s*"
                  rf"(?:是|有|才|就|大概|差不多)?\s*"
                  rf"({NUM})\s*(万|千|k|K|块|元)?\s*({TAIL})?")
_AVERAGE = re.compile(rf"(?:社平|社会平均工资|平均工资)(?:工资)?\s*(?:是|才|有|大概|差不多)?\s*"
                      rf"({NUM})\s*(万|千|k|K|块|元)?\s*({TAIL})?")
# A span counts only after words that make it one of service or of contributions: 干了三年,
# 交了两年; not 被辞退3个月了 or 失业金领了3个月.
SERVICE = ("干了", "干满", "干到", "干够", "工作了", "做了", "上班", "上了", "入职", "工龄",
           "算到现在", "到现在", "在这家", "在这", "在厂", "在公司", "这家", "上家", "干", "快",
           "都")
CONTRIBUTED = ("交了", "交满", "交够", "缴了", "缴满", "参保", "交社保", "交失业", "干了", "工作了",
               "上班", "上家", "这家", "那家", "交", "缴")
# Other questions that mention a span: sick leave, pregnancy and injury have answers of their own.
NOT_SEVERANCE = ("医疗期", "住院", "化疗", "生病", "病假", "怀孕", "孕期", "工伤", "受伤")
# Quitting of one's own will, unless an employer's fault forced it (劳动合同法 第三十八条).
VOLUNTARY = ("自己辞职", "自己辞的", "辞的职", "主动辞职", "主动离职", "自愿离职", "自愿辞职",
             "自己不想干", "自己不干", "裸辞", "自己走的", "我辞职了", "我辞的")
FORCED = ("被迫", "拖欠", "欠薪", "欠工资", "不发工资", "不给工资", "不交社保", "没交社保",
          "不给交", "逼", "第三十八条", "第38条")
CAP_TIMES = 3
CAP_YEARS = 12


def number(word: str) -> float | None:
    """'6' -> 6, '1.5' -> 1.5, '两' -> 2, '十二' -> 12, '二十' -> 20; None otherwise."""
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", word):
        return float(word)
    n = chinese_number(word.translate(_COLLOQUIAL))
    return None if n is None else float(n)


def spans(text: str, cues: tuple[str, ...] = SERVICE + CONTRIBUTED) -> list[int]:
    """The spans of service or contributions a message states, in months: those a cue word
    comes shortly before."""
    found = []
    for m in _SPAN.finditer(text):
        if not any(c in text[max(0, m.start() - 6):m.start()] for c in cues):
            continue
        if m.group(5):
            found.append(6)
            continue
        if m.group(4):
            months = number(m.group(4))
            if months is not None and months < 12 * 50:
                found.append(int(months))
            continue
        years = number(m.group(1))
        if years is None or years > 50:
            continue
        months = 6 if m.group(2) else (number(m.group(3)) if m.group(3) else 0)
        if months is None:
            continue
        found.append(int(years * 12 + months))
    return found


def without_spans(text: str) -> str:
    """The text with every span of time taken out (干了三年 → 干了): its cue words stay."""
    return _SPAN.sub(" ", text)


def money(m: re.Match | None) -> float | None:
    """A monthly amount in yuan from a match of (NUM)(unit)?(TAIL)?: 6000, 六千, 1.2万, 一万二,
    8k."""
    if m is None:
        return None
    value = number(m.group(1))
    if value is None:
        return None
    unit, rest = m.group(2), m.group(3)
    if unit == "万":
        tail = number(rest) if rest else 0
        return value * 10000 + (tail or 0) * 1000
    if unit in ("千", "k", "K"):
        tail = number(rest) if rest else 0
        return value * 1000 + (tail or 0) * 100
    return value if value >= 500 else None  # 工资3 is no wage


def severance_months(months: int, capped: bool = False) -> float:
    """N for a span of service: a year per full year, 6 months or more a year, less a half."""
    years, rest = divmod(months, 12)
    n = years + (1.0 if rest >= 6 else 0.5 if rest else 0.0)
    return min(n, CAP_YEARS) if capped else n


def benefit_months(months: int) -> int:
    """The longest benefit for contributions of `months` (0 below a year)."""
    if months < 12:
        return 0
    return 12 if months < 60 else 18 if months < 120 else 24


def span_text(months: int) -> str:
    """A span in months as the follower reads it: 4年6个月, 8个月, 22年."""
    years, rest = divmod(months, 12)
    return (f"{years}年" if years else "") + (f"{rest}个月" if rest else "")


def _n_text(n: float) -> str:
    return f"{n:g}"


def severance_line(text: str) -> str | None:
    """The follower's own N (and the sum, when a wage is given); None without a span."""
    found = spans(text, SERVICE)
    if len(found) != 1 or any(w in text for w in NOT_SEVERANCE):
        return None
    months = found[0]
    wage, average = money(WAGE.search(text)), money(_AVERAGE.search(text))
    capped = wage is not None and average is not None and wage > CAP_TIMES * average
    n = severance_months(months, capped)
    line = (f"经济补偿N：每干满1年给1个月工资，6个月以上不满1年按1年，不满6个月给半个月。"
            f"按您说的算：工作{span_text(months)}，N是{_n_text(n)}个月的工资")
    if capped:
        base = CAP_TIMES * average  # type: ignore[operator]
        line += (f"；您的月工资高于当地社平工资{average:g}元的3倍，按{base:g}元算、"
                 f"年限最多12年，约{base * n:,.0f}元")
    elif wage is not None:
        line += f"；月工资{wage:g}元，约{wage * n:,.0f}元"
        if average is not None:
            line += f"（没超过当地社平工资{average:g}元的3倍，不封顶）"
    if any(w in text for w in ("没签", "不签", "没合同", "没有合同")):
        line += "。入职满一个月没签书面合同的，还可以另要每月双倍工资（最多11个月）"
    if any(w in text.upper() for w in ("N+1", "提前", "通知")):
        line += ("。因病、不胜任或客观情况变化辞退（第四十条）没提前30天书面通知的，"
                 "再加1个月工资（N+1）")
    line += ("。公司违法解除的，赔偿金是2N；工资按离职前12个月的平均工资算，含奖金、津贴、补贴"
             "（《劳动合同法》第四十七、八十七条）。先留好辞退通知和工资流水，公司不给，打12333"
             "或申请劳动仲裁（免费，时效一年）。")
    return line


def benefit_line(text: str) -> str | None:
    """The longest benefit for the contributions a message states; None without a span."""
    found = spans(text, CONTRIBUTED)
    if not found:
        return None
    total = sum(found)
    most = benefit_months(total)
    several = "，几家单位的缴费时间合并算" if len(found) > 1 else ""
    if any(w in text for w in VOLUNTARY) and not any(w in text for w in FORCED):
        return (f"按您说的是自己辞职：失业保险金要非本人意愿中断就业才能领，自己辞职的一般"
                "领不了（《失业保险条例》第十四条）；因单位拖欠工资、不交社保等被迫辞职的"
                f"可以领。已交的{span_text(total)}失业保险不会作废，以后非本人意愿失业时，"
                "缴费时间累计计算。")
    if not most:
        return (f"按您说的，失业保险累计交了{span_text(total)}{several}，不满1年，领不了失业"
                "保险金；可以问当地有没有失业补助或临时救助，也可以先办失业登记享受就业服务。")
    return (f"按您说的，失业保险累计交了{span_text(total)}{several}，最长可以领{most}个月"
            "失业保险金（《失业保险条例》第十七条）；还要是非本人意愿离职、办了失业登记，"
            "每月多少看当地标准。在参保地公共就业服务机构或电子社保卡、“掌上12333”申领。")
