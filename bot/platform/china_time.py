"""China time, the one clock of the bot: parsing staff's dates and times, showing timestamps.

Tickets, quotas, schedules and follower messages all follow Beijing time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

# China has one zone and no daylight saving: a fixed offset needs no tz database.
CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")
FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S")


def parse_local(text: str) -> float:
    """'2026-12-01 09:00' (China time, or ISO with an offset) -> a UNIX timestamp.

    Raises ValueError with a Chinese message naming the expected format.
    """
    text = (text or "").strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
        for fmt in FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        raise ValueError(f"时间“{text}”格式不对，应为 YYYY-MM-DD HH:MM（北京时间）")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=CHINA)
    return parsed.timestamp()


def china_time(now: datetime | None = None) -> datetime:
    """`now` (naive means the server's local time) as an aware Beijing time; default: now."""
    if now is None:
        return datetime.now(CHINA)
    return now.astimezone(CHINA)


def parse_day(text: str, end: bool = False) -> datetime:
    """'2026-11-28' (or an ISO date-time) as Beijing time; `end` makes a bare date inclusive."""
    text = (text or "").strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime.combine(day, time.min, CHINA)
            return moment + timedelta(days=1) - timedelta(microseconds=1) if end else moment
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"“{text}”不是有效日期，请用 YYYY-MM-DD 格式") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA)


def fmt_ts(ts: float) -> str:
    """A timestamp as 'YYYY-MM-DD HH:MM:SS' China time; '' for 0."""
    return datetime.fromtimestamp(ts, CHINA).strftime("%Y-%m-%d %H:%M:%S") if ts else ""


def china_day(ts: float) -> str:
    """'2026-11-28': the China calendar day of a timestamp (subscription quota period)."""
    return datetime.fromtimestamp(ts, CHINA).strftime("%Y-%m-%d")


def china_month(ts: float) -> str:
    """'2026-11': the China calendar month of a timestamp (service quota period)."""
    return datetime.fromtimestamp(ts, CHINA).strftime("%Y-%m")
