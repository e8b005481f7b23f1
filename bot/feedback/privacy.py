"""When a follower unsubscribes, their feedback stays for staff but stops naming them.

WeChat's event documentation (关注/取消关注事件) asks an account to delete a follower's
information once they unsubscribe. A feedback ticket is also the account's record of what a
citizen asked and how staff answered, so its text, media reference, status and replies stay;
only the openid goes: every ticket of that follower gets one random pseudonym
(`已退订-<hex>`, the same on all of them, derived from nothing), so staff still see that the
tickets came from one person and nobody can get back to the WeChat account. The follower's
hourly-limit window and any idempotency key that embedded the openid are deleted.
"""

from __future__ import annotations

import logging
import secrets

from bot.feedback.record import PSEUDONYM_PREFIX, as_str
from bot.feedback.store import FeedbackStore

log = logging.getLogger("bot.feedback")


def _record_ids(store: FeedbackStore, openid: str) -> set[int]:
    """Ids of the follower's records: the by_openid index, plus a scan of older records."""
    r = store.r
    ids = {int(as_str(i)) for i in r.smembers(store.key("by_openid", openid))}
    start = r.get(store.key("by_openid_from"))
    start_id = int(start) if start else None
    older = [int(as_str(m)) for m in r.zrange(store.key("by_time"), 0, -1)]
    older = [i for i in older if start_id is None or i < start_id]
    for batch in range(0, len(older), 500):
        chunk = older[batch:batch + 500]
        pipe = r.pipeline(transaction=False)
        for record_id in chunk:
            pipe.hget(store.key("rec", str(record_id)), "openid")
        for record_id, owner in zip(chunk, pipe.execute(), strict=True):
            if owner is not None and as_str(owner) == openid:
                ids.add(record_id)
    return ids


def pseudonymise(store: FeedbackStore, openid: str) -> int:
    """Replace the follower's openid on every ticket with one pseudonym; how many changed."""
    if not openid or openid.startswith(PSEUDONYM_PREFIX):
        return 0
    pseudonym = PSEUDONYM_PREFIX + secrets.token_hex(4)
    ids = sorted(_record_ids(store, openid))
    r = store.r
    for record_id in ids:
        key = store.key("rec", str(record_id))
        dedup = as_str(r.hget(key, "dedup_key") or b"")
        with r.pipeline(transaction=True) as pipe:  # one {feedback} slot: Cluster-safe
            pipe.hset(key, "openid", pseudonym)
            if openid in dedup:
                pipe.delete(store.key("dedup", dedup))
                pipe.hset(key, "dedup_key", dedup.replace(openid, pseudonym))
            pipe.execute()
    r.delete(store.key("by_openid", openid), store.key("rate", openid))
    if ids:
        log.info("feedback: %d ticket(s) of a departed follower now read %s (%s)", len(ids),
                 pseudonym, ", ".join(map(str, ids)))
    return len(ids)
