"""Messages built to be costly, timed beside an ordinary question through the message path.

Shared with tests/test_pathological_messages.py, which checks that each gets a polite reply;
this part checks what each costs: at most a few times an ordinary question.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from bench.timing import wsgi_post
from bench.wechat import WeChatSide

NORMAL = "湖北有什么技能培训补贴"
LIMIT = 5.0  # the worst message may cost this many times the ordinary question


def messages(seed: int = 11) -> dict[str, str]:
    """Name → text: long runs of one filler, thousands of distinct words, long typo runs."""
    rng = random.Random(seed)
    common = [chr(0x4E00 + rng.randrange(0x5000)) for _ in range(4000)]
    return {
        "filler 吗 × 5,000": "吗" * 5000,
        "filler 请问 × 2,500": "请问" * 2500,
        "fillers mixed × 1,250": "请问一下吗" * 1250,
        "2,500 distinct two-character words": "".join(
            a + b for a, b in zip(common[::2], common[1::2], strict=False))[:5000],
        "distinct words with spaces": " ".join(
            a + b for a, b in zip(common[::2], common[1::2], strict=False))[:5000],
        "typo run": "".join(rng.choice("荆洲技能人材培训补帖失业今社宝") for _ in range(5000)),
        "one long number": "第" + "1" * 4999,
        "emoji run": "😭" * 2500,
    }


def bench_pathological(app: Callable, repeats: int = 7) -> dict:
    """Median CPU ms of each message (fresh follower and MsgId each time), and its ratio to
    the ordinary question's; the wall-clock medians beside."""
    side = WeChatSide()
    base = int(time.time() * 1000) * 1000
    counter = iter(range(10**6))

    wall: dict[str, float] = {}

    def cost(text: str) -> float:
        # Judged by the CPU time of the answering thread: on a shared machine the wall clock
        # of one message also holds the time it waited for a core (the wall median is kept).
        samples, walls = [], []
        for _ in range(repeats):
            n = next(counter)
            req = side.text(f"o_patho{base}_{n:06d}", text, base + n)
            start, cpu_start = time.perf_counter(), time.thread_time()
            status, _ = wsgi_post(app, req)
            samples.append(time.thread_time() - cpu_start)
            walls.append(time.perf_counter() - start)
            if not status.startswith("200"):
                raise RuntimeError(f"{status} for a pathological message")
        wall[text] = statistics.median(walls) * 1000
        return statistics.median(samples) * 1000

    cost(NORMAL)  # warm-up
    normal = cost(NORMAL)
    crafted = messages()
    rows = {name: cost(text) for name, text in crafted.items()}
    worst = max(rows, key=rows.get)
    return {"normal_ms": normal, "rows": rows, "worst": worst, "clock": "CPU",
            "wall_ms": {name: wall[text] for name, text in crafted.items()},
            "normal_wall_ms": wall[NORMAL],
            "worst_ratio": rows[worst] / normal if normal else float("inf")}
