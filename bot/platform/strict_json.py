"""Flask's JSON, with a request body nested too deeply for the parser treated as bad JSON.

`json.loads` raises RecursionError (not ValueError) on thousands of nested brackets, which
Flask does not catch: without this, `[[[[…]]]]` posted to the staff API is a 500.
"""

from __future__ import annotations

from typing import Any

from flask.json.provider import DefaultJSONProvider


class StrictJSONProvider(DefaultJSONProvider):
    """Parses like the default provider; a too-deep document raises ValueError."""

    ensure_ascii = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None
