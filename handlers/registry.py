"""The ordered handler registry: the first handler whose `check` matches answers.

Adding an intent is one new module in `handlers/` and one line here.
"""

from __future__ import annotations

from handlers.base import Handler
from handlers.fallback import Fallback
from handlers.greeting import Greeting, Help
from handlers.hotline import Hotline
from handlers.search import Search


def build_registry() -> list[Handler]:
    """A fresh list of handler instances, in the order they are asked."""
    return [
        Greeting(),
        Help(),
        Hotline(),
        Search(),  # questions nobody above claimed; just before Fallback
        Fallback(),  # always last: it matches everything
    ]
