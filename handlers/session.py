"""A follower's conversation state: plain values, the open mode, the last list, an offer.

The dispatcher loads it before the handlers run and saves it after, only when changed.
A mode (feedback …) is an explicit object with a name and an expiry: an expired mode reads
as no mode at all, and 取消 leaves any mode by `leave_mode()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

MODE_KEY = "mode"
LIST_KEY = "last"
OFFER_KEY = "offer"


@dataclass(frozen=True)
class Mode:
    """A conversation mode: the next message belongs to `name` until `expires`."""

    name: str
    expires: float  # epoch seconds

    def open_at(self, now: datetime) -> bool:
        """True while `now` is before the expiry."""
        return now.timestamp() < self.expires


class Session:
    """A follower's conversation state (a JSON-able dict); the dispatcher persists changes."""

    def __init__(self, data: dict | None = None) -> None:
        self.data: dict = dict(data or {})
        self.changed = False
        self.cleared = False
        self._offered = False  # an offer was made during this turn (see offer / end_turn)

    def get(self, key: str, default: Any = None) -> Any:
        """Read one value."""
        return self.data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Write one value (kept for the session's TTL)."""
        self.data[key] = value
        self.changed = True

    def pop(self, key: str, default: Any = None) -> Any:
        """Remove one value and return it."""
        self.changed = True
        return self.data.pop(key, default)

    def offer(self, value: dict) -> None:
        """Remember what the follower may pick next ("回复 1 …"); it lasts one turn only."""
        self.set(OFFER_KEY, value)
        self._offered = True

    def end_turn(self) -> None:
        """Forget an offer made before this turn: a picked number refers to the last reply."""
        if not self._offered and OFFER_KEY in self.data:
            self.pop(OFFER_KEY)
        self._offered = False

    def clear(self) -> None:
        """Forget everything (unsubscribe)."""
        self.data.clear()
        self.changed = True
        self.cleared = True

    # -- the mode --------------------------------------------------------------------------

    def mode(self, now: datetime) -> Mode | None:
        """The open mode at `now`; an expired (or unreadable) one is no mode."""
        raw = self.data.get(MODE_KEY)
        if not isinstance(raw, dict):
            return None
        try:
            mode = Mode(str(raw["name"]), float(raw["expires"]))
        except (KeyError, TypeError, ValueError):
            return None
        return mode if mode.open_at(now) else None

    def enter_mode(self, name: str, now: datetime, minutes: float) -> Mode:
        """Open mode `name` for `minutes` from `now` (replacing any other mode)."""
        mode = Mode(name, (now + timedelta(minutes=minutes)).timestamp())
        self.set(MODE_KEY, {"name": mode.name, "expires": mode.expires})
        return mode

    def leave_mode(self, name: str | None = None) -> None:
        """Close the mode (only when it is `name`, if given), expired or not."""
        raw = self.data.get(MODE_KEY)
        if raw is None:
            return
        if name is None or (isinstance(raw, dict) and raw.get("name") == name):
            self.pop(MODE_KEY)

    # -- the last article list ---------------------------------------------------------------

    def last_list(self) -> dict | None:
        """The follower's last article list (see handlers/lists.py), if it is usable."""
        last = self.data.get(LIST_KEY)
        if isinstance(last, dict) and isinstance(last.get("ids"), list) and last["ids"]:
            return last
        return None

    def last_topic(self) -> dict | None:
        """The last list or answer the follower got, with or without articles (a service
        answer keeps its entry here), for follow-ups."""
        last = self.data.get(LIST_KEY)
        return last if isinstance(last, dict) else None

    def keep_list(self, last: dict) -> None:
        """Remember `last` as the follower's list."""
        self.set(LIST_KEY, last)

    def drop_list(self) -> bool:
        """Forget the last list; True when there was one."""
        had = self.last_list() is not None
        if LIST_KEY in self.data:
            self.pop(LIST_KEY)
        return had
