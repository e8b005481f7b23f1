"""Redis coordination in one place: a lock that tolerates expiry, and compare-and-delete."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import redis

log = logging.getLogger("bot.redis")

# Delete the key only while it still holds our value: a newer value (another worker's claim,
# a freshly fetched token) must survive.
_DELETE_IF_EQUAL = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def compare_and_delete(client: redis.Redis) -> Callable[[str, bytes | str], bool]:
    """A function deleting a key only while it holds a given value; True when it did."""
    script = client.register_script(_DELETE_IF_EQUAL)
    return lambda key, value: bool(script(keys=[key], args=[value]))


@contextmanager
def held(client: redis.Redis, name: str, *, timeout: float, wait: float | None,
         sleep: float = 0.02) -> Iterator[bool]:
    """Hold the lock `name` for at most `timeout` seconds; yields whether it was acquired.

    `wait` is how long to wait for it (0: not at all, None: forever). A lock that expired
    before release (the holder was slower than `timeout`) is logged, not raised.
    """
    lock = client.lock(name, timeout=timeout, sleep=sleep, blocking_timeout=wait)
    acquired = bool(lock.acquire())
    try:
        yield acquired
    finally:
        if acquired:
            try:
                lock.release()
            except redis.exceptions.LockError:
                log.warning("lock %s expired before release; its holder took too long", name)
