"""Reading feedback back: filter by status and time, page by number or by cursor, export all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from bot.feedback.record import STATUSES, FeedbackRecord
from bot.feedback.store import FeedbackStore


@dataclass(frozen=True)
class Filter:
    """Which records: one status (or all) created within [since, until] (either may be open)."""

    status: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in STATUSES:
            raise ValueError(f"status 只能是 {'、'.join(STATUSES)} 之一，收到“{self.status}”")

    def bounds(self) -> tuple[str, str]:
        """The score range (milliseconds) of the time index."""
        low = str(int(self.since.timestamp() * 1000)) if self.since else "-inf"
        high = str(int(self.until.timestamp() * 1000)) if self.until else "+inf"
        return low, high


def _index(store: FeedbackStore, flt: Filter) -> str:
    return store.key("status", flt.status) if flt.status else store.key("by_time")


def count(store: FeedbackStore, flt: Filter) -> int:
    """How many records match."""
    low, high = flt.bounds()
    return store.r.zcount(_index(store, flt), low, high)


def page(store: FeedbackStore, flt: Filter, offset: int, limit: int) -> list[FeedbackRecord]:
    """Records `offset`…`offset+limit` of the matches, newest first."""
    low, high = flt.bounds()
    members = store.r.zrevrangebyscore(_index(store, flt), high, low, start=offset, num=limit)
    return store.get_many([int(m) for m in members])


def encode_cursor(score: int, record_id: int) -> str:
    """The cursor after a record: its time score and id."""
    return f"{score}-{record_id}"


def decode_cursor(cursor: str) -> tuple[int, int]:
    """(score, id) of a cursor; ValueError with a Chinese reason when it is malformed."""
    score, _, record_id = cursor.partition("-")
    if not (score.isdigit() and record_id.isdigit()):
        raise ValueError(f"cursor “{cursor}” 无效，请使用上一页返回的 next_cursor")
    return int(score), int(record_id)


def after(
    store: FeedbackStore, flt: Filter, cursor: str | None, limit: int
) -> tuple[list[FeedbackRecord], str | None]:
    """Up to `limit` matches older than `cursor` (newest first), and the next cursor or None."""
    low, high = flt.bounds()
    index = _index(store, flt)
    skip = 0
    if cursor:
        score, last_id = decode_cursor(cursor)
        if high == "+inf" or score < int(high):
            high = str(score)
        # Records sharing the cursor's millisecond come back too; fetch enough to skip them.
        skip = store.r.zcount(index, score, score)
    rows = store.r.zrevrangebyscore(
        index, high, low, start=0, num=limit + skip + 1, withscores=True
    )
    if cursor:
        rows = [(m, s) for m, s in rows if int(s) < score or int(m) < last_id]
    more = len(rows) > limit
    rows = rows[:limit]
    items = store.get_many([int(m) for m, _ in rows])
    if not (more and rows):
        return items, None
    last_member, last_score = rows[-1]
    return items, encode_cursor(int(last_score), int(last_member))


def iterate(store: FeedbackStore, flt: Filter, batch: int = 500) -> Iterator[FeedbackRecord]:
    """Every match, oldest first, read in batches so a large export stays small in memory."""
    low, high = flt.bounds()
    index = _index(store, flt)
    offset = 0
    while True:
        members = store.r.zrangebyscore(index, low, high, start=offset, num=batch)
        if not members:
            return
        yield from store.get_many([int(m) for m in members])
        offset += len(members)
