"""The message path in-process: encrypted body in, encrypted reply out, through WSGI."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from bench.timing import median_round, time_each, wsgi_post
from bench.wechat import Request, WeChatSide


def build_requests(texts: list[str], count: int) -> list[Request]:
    """`count` encrypted text messages, unique MsgIds, three per follower."""
    side = WeChatSide()
    base = int(time.time() * 1000) * 1000
    return [side.text(f"o_msg{base}_{i // 3:06d}", texts[i % len(texts)], base + i)
            for i in range(count)]


def replay(app: Callable, requests: list[Request], rounds: int = 1, warmup: int = 20) -> dict:
    """Post every request into `app` (split into `rounds` rounds; the median round counts);
    latency figures and what kinds of reply came back."""
    side = WeChatSide()
    for req in requests[:warmup]:
        wsgi_post(app, req)
    timed = requests[warmup:]
    statuses: Counter = Counter()

    def one(req: Request) -> None:
        status, _ = wsgi_post(app, req)
        statuses[status.split()[0]] += 1

    size = len(timed) // rounds
    latency = median_round([time_each(one, timed[i * size:(i + 1) * size])
                            for i in range(rounds)])
    kinds: Counter = Counter()
    # Decrypt a sample of replies after the clock stopped: each must be a valid sealed reply.
    for req in timed[:: max(1, len(timed) // 25)]:
        status, body = wsgi_post(app, req)  # a retry: dedup hands back the cached reply
        ok = status.startswith("200")
        kinds[side.open_reply(body).get("MsgType", "?") if ok else status] += 1
    if set(statuses) != {"200"}:
        raise RuntimeError(f"non-200 answers on the message path: {dict(statuses)}")
    return {**latency, "replies": dict(kinds)}


def bench_message_path(bot_app: Callable, echo_app: Callable, texts: list[str],
                       count: int) -> dict:
    """The bot's message path beside the echo bot's, same messages, same crypto; 3 rounds of
    `count` messages each."""
    bot = replay(bot_app, build_requests(texts, count * 3 + 20), rounds=3)
    echo = replay(echo_app, build_requests(texts, count * 3 + 20), rounds=3)
    return {"bot": bot, "echo": echo}
