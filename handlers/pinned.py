"""A question an editor pinned (`kb pin`) is answered with its article before anything else
reads it: the editor's decision outranks the guesses of the handlers below."""

from __future__ import annotations

from typing import Any

from handlers.context import Context
from handlers.matching import is_text
from handlers.search import Search


class Pinned(Search):
    """Matches only pinned questions; answers them as search does (the pin leads)."""

    name = "pinned"

    def check(self, msg: Any, ctx: Context) -> str | None:
        query = super().check(msg, ctx)
        editorial = getattr(ctx.kb, "editorial", None)
        if query is None or editorial is None or not is_text(msg):
            return None
        return query if editorial.pinned(query) else None
