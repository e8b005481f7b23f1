"""Small measuring helpers: percentiles, a stopwatch, calling a WSGI app in-process."""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable, Iterable

from bench.wechat import Request


def percentile(samples: Iterable[float], pct: float) -> float:
    """The `pct`-th percentile (nearest rank) of `samples`; NaN when there are none."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    """p50, p99 and mean of durations in seconds, as milliseconds."""
    return {
        "p50": percentile(seconds, 50) * 1000,
        "p99": percentile(seconds, 99) * 1000,
        "mean": sum(seconds) / len(seconds) * 1000 if seconds else float("nan"),
        "n": len(seconds),
    }


Samples = tuple[list[float], list[float]]  # wall seconds, CPU seconds of the calling thread


def median_round(rounds: list[Samples]) -> dict[str, float]:
    """The summary of the round with the median wall p99 (other tenants of a shared machine
    spoil some rounds; one spoilt round should neither decide the figure nor be hidden), with
    that round's CPU-time p50/p99: what the work costs when it has a core to itself."""
    summaries = []
    for wall, cpu in rounds:
        summary = summary_ms(wall)
        cpu_summary = summary_ms(cpu)
        summary.update(cpu_p50=cpu_summary["p50"], cpu_p99=cpu_summary["p99"])
        summaries.append(summary)
    summaries.sort(key=lambda s: s["p99"])
    chosen = dict(summaries[len(summaries) // 2])
    chosen["rounds_p99"] = [round(s["p99"], 2) for s in summaries]
    return chosen


def time_each(fn: Callable, items: list) -> Samples:
    """Call `fn(item)` for each item; each call's wall and CPU seconds."""
    wall, cpu = [], []
    clock, cpu_clock = time.perf_counter, time.thread_time
    for item in items:
        start, cpu_start = clock(), cpu_clock()
        fn(item)
        cpu.append(cpu_clock() - cpu_start)
        wall.append(clock() - start)
    return wall, cpu


def wsgi_post(app: Callable, req: Request, path: str = "/wechat") -> tuple[str, bytes]:
    """POST `req` straight into a WSGI app, as a server would; returns (status, body)."""
    environ = {
        "REQUEST_METHOD": "POST",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": req.query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": "text/xml",
        "CONTENT_LENGTH": str(len(req.body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(req.body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    status: list[str] = []

    def start_response(code: str, headers: list, exc_info=None) -> None:
        status.append(code)

    chunks = app(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        close = getattr(chunks, "close", None)
        if close:
            close()
    return status[0], body
