"""Flask's JSON, parsing request bodies with the importers' strict reading.

`json.loads` raises RecursionError (not ValueError) on thousands of nested brackets, and
accepts lone surrogates that later fail to encode: without this, either is a 500 on the
staff API instead of a 400.
"""

from __future__ import annotations

from typing import Any

from flask.json.provider import DefaultJSONProvider

from knowledge.importers import strict_loads


class StrictJSONProvider(DefaultJSONProvider):
    """Parses like the default provider; a too-deep document raises ValueError."""

    ensure_ascii = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return strict_loads(s)  # a JSONDecodeError is a ValueError: Flask answers 400
