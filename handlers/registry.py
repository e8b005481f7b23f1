"""The ordered handler registry: the first handler whose `check` matches answers.

Adding an intent is one new module in `handlers/` and one line here.
"""

from __future__ import annotations

from handlers.base import Handler
from handlers.fallback import Fallback
from handlers.feedback import Feedback
from handlers.greeting import Greeting, Help
from handlers.hotline import Hotline


def build_registry() -> list[Handler]:
    """A fresh list of handler instances, in the order they are asked."""
    return [
        Feedback(),  # after the event and cancel handlers, before every other intent
        Greeting(),
        Help(),
        Hotline(),
        Fallback(),  # always last: it matches everything
    ]
