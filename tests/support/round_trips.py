"""Counting Redis round trips: every write of a request (one command, or one pipeline) to a
redis-py connection is one round trip to the server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from redis.connection import Connection


class Counter:
    """The round trips seen, each as the commands it carried (for a readable failure)."""

    def __init__(self) -> None:
        self.trips: list[str] = []

    def __len__(self) -> int:
        return len(self.trips)

    def commands(self) -> int:
        """How many commands the round trips carried in all."""
        return sum(len(t.split(" | ")) for t in self.trips)


def _names(packed) -> str:
    """The command names inside one packed write (RESP arrays), e.g. 'SET | GET | EVAL'."""
    data = packed if isinstance(packed, bytes) else b"".join(
        p if isinstance(p, bytes) else bytes(p) for p in packed)
    names, lines = [], data.split(b"\r\n")
    for i, line in enumerate(lines):
        if line.startswith(b"*") and i + 2 < len(lines) and lines[i + 1].startswith(b"$"):
            names.append(lines[i + 2].decode("ascii", "replace").upper())
    return " | ".join(n for n in names if n not in ("MULTI", "EXEC")) or "?"


@contextmanager
def counting() -> Iterator[Counter]:
    """Count the round trips of every redis-py connection of this process meanwhile."""
    counter = Counter()
    original = Connection.send_packed_command

    def send(self, command, check_health=True):
        counter.trips.append(_names(command))
        return original(self, command, check_health)

    Connection.send_packed_command = send
    try:
        yield counter
    finally:
        Connection.send_packed_command = original
