"""Hash tags that keep a follower's short-lived keys in one Redis Cluster slot.

A script may only touch keys of one slot on Redis Cluster. The claim of a message and the
count of its follower's rate limit are taken by one script (bot/wechat/dedup.py), so both
keys carry the same tag. The tag is a digest: these keys never name a follower in clear.
"""

from __future__ import annotations

import hashlib


def follower_slot(openid: str) -> str:
    """`{f:<16 hex>}`: the hash tag of `openid`'s per-message keys."""
    return "{f:" + hashlib.sha256(openid.encode("utf-8")).hexdigest()[:16] + "}"
