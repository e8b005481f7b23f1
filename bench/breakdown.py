"""Where one message's CPU goes: each part of the message path timed on the thread's clock.

The parts are the steps bot/wechat/webhook.py takes (verify and decrypt, the first round
trip, the handlers, render, the last round trip, encrypt) and, inside the handlers, what
costs most: understanding the words (intents, service answers, places), the search, the
summaries of the articles shown. Each is wrapped for the run only and unwrapped after; a
wrapper costs about a microsecond, so the parts add up to a little more than a message costs
unwrapped (the message path figures of the report are measured without them).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from bench.message_bench import Request
from bench.timing import wsgi_post

# (key, what the report calls it, nested in): in the order a message meets them.
PARTS = (
    ("read", "verify, decrypt and parse", None),
    ("begin", "first Redis round trip, with queuing it", None),
    ("dispatch", "the handlers' other work: checks, routing, the answer's text, logging", None),
    ("understand", "understanding the words: intents, service answers, places", "dispatch"),
    ("search", "the search", "dispatch"),
    ("summaries", "summaries of the articles shown", "dispatch"),
    ("render", "render the reply", None),
    ("finish", "last Redis round trip: session, reply cache, question log", None),
    ("encrypt", "encrypt", None),
)
REST = ("rest", "Flask, the webhook and the rest", None)


@contextmanager
def _timed(owner: Any, name: str, key: str, spent: Counter) -> Iterator[None]:
    """Replace owner.name by a wrapper adding its thread CPU time to spent[key]."""
    original = getattr(owner, name)
    clock = time.thread_time

    def wrapper(*args, **kwargs):
        started = clock()
        try:
            return original(*args, **kwargs)
        finally:
            spent[key] += clock() - started

    setattr(owner, name, wrapper)
    try:
        yield
    finally:
        if isinstance(owner, type) or not hasattr(type(owner), name):
            setattr(owner, name, original)
        else:
            delattr(owner, name)  # an instance attribute shadowed the class's method


def _targets(app: Any) -> list[tuple[Any, str, str]]:
    """(owner, attribute, part key) of each part in this app."""
    import bot.wechat.webhook as webhook
    import handlers.understand as understand
    from bot.services import get_services

    s = get_services(app)
    found = [(webhook, "read_message", "read"), (s.turns, "begin", "begin"),
             (s.dispatcher, "dispatch", "dispatch"), (understand, "_understand", "understand"),
             (webhook, "render", "render"), (s.turns, "finish", "finish")]
    if s.kb is not None:
        found += [(s.kb, "search", "search"), (s.kb, "summary_of", "summaries")]
    if s.crypto is not None:
        found.append((s.crypto, "encrypt", "encrypt"))
    return found


def breakdown(app: Callable, requests: list[Request], warmup: int = 20) -> dict:
    """Microseconds of CPU per message for each part (by key; REST is what no part holds),
    over `requests` posted into `app`."""
    spent: Counter = Counter()
    for req in requests[:warmup]:
        wsgi_post(app, req)
    timed = requests[warmup:]
    with ExitStack() as wrapped:
        for owner, name, key in _targets(app):
            wrapped.enter_context(_timed(owner, name, key, spent))
        started = time.thread_time()
        for req in timed:
            wsgi_post(app, req)
        total = time.thread_time() - started
    per = {key: spent[key] / len(timed) * 1e6 for key, _, _ in PARTS}
    for key, _, parent in PARTS:
        if parent is not None:  # a part inside another: the outer one keeps only the rest
            per[parent] = max(per[parent] - per[key], 0.0)
    whole = total / len(timed) * 1e6
    per[REST[0]] = max(whole - sum(per.values()), 0.0)
    return {"messages": len(timed), "total_us": whole, "parts_us": per}


def rows(found: dict) -> list[tuple[str, float, float]]:
    """(what the part is, µs per message, share of the whole), costliest first."""
    whole = found["total_us"] or 1.0
    names = {key: name for key, name, _ in (*PARTS, REST)}
    parts = sorted(found["parts_us"].items(), key=lambda kv: -kv[1])
    return [(names[key], us, us / whole) for key, us in parts]
