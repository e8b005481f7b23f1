"""The handler contract: `check` says whether (and on what) a handler matches, `handle` answers."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from handlers.context import Context
from handlers.replies import Reply


class Handler(ABC):
    """One intent or event. `check` returns None for no match, else what it matched on."""

    name: str = "handler"

    @abstractmethod
    def check(self, msg: Any, ctx: Context) -> Any | None:
        """Return None when this handler does not apply, else the match passed to `handle`."""

    @abstractmethod
    def handle(self, msg: Any, ctx: Context, match: Any) -> Reply:
        """Answer the message with a reply value."""
