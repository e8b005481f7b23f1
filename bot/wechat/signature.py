"""WeChat's SHA-1 signatures, always compared in constant time."""

from __future__ import annotations

import hashlib
import hmac


def sign(*parts: str) -> str:
    """WeChat's signature: SHA-1 of the parts sorted and concatenated, as lower-case hex."""
    return hashlib.sha1("".join(sorted(str(p) for p in parts)).encode("utf-8")).hexdigest()


def verify(expected_parts: tuple[str, ...], given: str | None) -> bool:
    """True when `given` is the signature of `expected_parts` (constant-time comparison)."""
    if not given:
        return False
    return hmac.compare_digest(sign(*expected_parts).encode(), given.strip().lower().encode())
