"""A plain (non-transactional) pipeline that costs a message less CPU than redis-py's own.

Each message makes two round trips of six or seven commands (bot/conversation/turn.py).
redis-py 8's `Pipeline.execute` wraps them in machinery this bot never uses (HIMPORT
preparation, per-command observability, several parse layers): measured on the message path,
most of a round trip's CPU went there, not to the wire (a raw round trip costs about 4 µs of
CPU here). This pipeline queues commands exactly as redis-py's does and executes them on a
pooled connection the same way (one packed write, every reply read so the connection stays
in step, the client's retry policy with a disconnect between tries, the response callbacks,
errors in place or the first one raised), leaving out only that machinery. With hiredis (a
dependency) it also packs the commands in one call and reads the replies straight from the
connection's hiredis reader, which halves what is left of a round trip's CPU; any other
parser, or an argument hiredis does not pack as redis-py would, takes redis-py's own packing
and reading. Whatever it does
not handle (transactions, WATCH, Lua `Script` objects, commands that ask not to be decoded)
goes to redis-py's own execute. Connections still come from the client's pool, so Sentinel's
master discovery and its read-only checks apply unchanged; Redis Cluster keeps its own
pipeline (the client is not a LeanRedis there).
"""

from __future__ import annotations

import time
from typing import Any

import hiredis
import redis
from redis._parsers.hiredis import NOT_ENOUGH_DATA, _HiredisParser
from redis.client import EMPTY_RESPONSE, NEVER_DECODE, Pipeline
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError

_SPECIAL = (NEVER_DECODE, EMPTY_RESPONSE)
_PLAIN = (str, bytes, int, float)  # what redis-py's encoder takes, bool aside


def _packed(conn: Any, commands: list[tuple]) -> list[bytes]:
    """The commands in the wire protocol: one hiredis call each when every argument is
    plain, a float written as redis-py's encoder writes it (repr); anything else (a bool,
    a multi-word command name) goes to redis-py's packing, which refuses or splits it."""
    if not all(type(args[0]) is str and " " not in args[0]
               and all(type(a) in _PLAIN for a in args) for args in commands):
        return conn.pack_commands(commands)
    return [b"".join(hiredis.pack_command(
        tuple(repr(a) if type(a) is float else a for a in args)) for args in commands)]


def _read_all(conn: Any, count: int) -> list[Any]:
    """`count` replies straight from the connection's hiredis reader (errors in place)."""
    parser = conn._parser
    replies: list[Any] = []
    while len(replies) < count:
        reader = parser._reader
        if reader is None:  # disconnected meanwhile: a retryable error, as redis-py's
            raise RedisConnectionError("Connection closed by server.")
        reply = reader.gets()
        if reply is NOT_ENOUGH_DATA:
            parser.read_from_socket()  # maps timeouts and resets to redis-py's errors
        elif isinstance(reply, RedisConnectionError):
            raise reply
        else:
            replies.append(reply)
    if conn.health_check_interval:  # as redis-py's read_response: the link just answered
        conn.next_health_check = time.monotonic() + conn.health_check_interval
    return replies


class LeanPipeline(Pipeline):
    """redis-py's Pipeline, executed without the machinery the message path never uses."""

    def execute(self, raise_on_error: bool = True) -> list[Any]:
        """Send every queued command in one write and read every reply (see the module)."""
        stack = self.command_stack
        if not stack:
            return []
        if (self.transaction or self.explicit_transaction or self.watching or self.scripts
                or any(key in options for _, options in stack for key in _SPECIAL)):
            return super().execute(raise_on_error)
        pool = self.connection_pool
        conn = pool.get_connection()
        try:
            packed = _packed(conn, [args for args, _ in stack])

            def attempt() -> list[Any]:
                conn.send_packed_command(packed)
                if isinstance(conn._parser, _HiredisParser):
                    raw = _read_all(conn, len(stack))
                    return [self._callback(reply, args[0], options)
                            for reply, (args, options) in zip(raw, stack, strict=True)]
                return [self._reply(conn, args[0], options) for args, options in stack]

            replies = conn.retry.call_with_retry(attempt, lambda _error: conn.disconnect())
        except BaseException:
            conn.disconnect()  # replies left unread would reach the connection's next user
            raise
        finally:
            pool.release(conn)
            self.reset()
        if raise_on_error:
            self.raise_first_error(stack, replies)
        return replies

    def _reply(self, conn: Any, command: str, options: dict) -> Any:
        """One reply, through the client's callback for `command`; a ResponseError in place."""
        try:
            reply = conn.read_response()
        except ResponseError as error:
            return error
        return self._callback(reply, command, options)

    def _callback(self, reply: Any, command: str, options: dict) -> Any:
        """A reply through the client's callback for `command` (an error stays as it is)."""
        if isinstance(reply, ResponseError):
            return reply
        callback = self.response_callbacks.get(command)
        if callback is None:
            return reply
        return callback(reply, **{k: v for k, v in options.items() if k != "keys"})


class LeanRedis(redis.Redis):
    """A redis.Redis whose plain pipelines are LeanPipelines."""

    def pipeline(self, transaction: bool = True, shard_hint: Any = None) -> Pipeline:
        """As redis.Redis.pipeline; without a transaction, a LeanPipeline."""
        if transaction or shard_hint is not None:
            return super().pipeline(transaction, shard_hint)
        return LeanPipeline(self.connection_pool, self.response_callbacks, transaction,
                            shard_hint)
