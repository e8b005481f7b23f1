"""Load generator, run as its own process: encrypted search messages to 127.0.0.1, bounded.

python -m bench.load --port P --queries FILE [--count N] [--duration S] [--concurrency C]
prints one JSON object: requests, errors, seconds, rps, p50/p99 in ms, checked replies.
"""

from __future__ import annotations

import argparse
import itertools
import json
import socket
import threading
import time
from pathlib import Path
from xml.parsers.expat import ExpatError

from bench.timing import summary_ms
from bench.wechat import WeChatSide


def raw_request(port: int, query: str, body: bytes) -> bytes:
    """The bytes of one HTTP/1.1 POST, built before the clock starts."""
    head = (
        f"POST /wechat?{query} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: text/xml\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


def send(port: int, payload: bytes, timeout: float = 10.0) -> tuple[int, bytes]:
    """Send one request on a fresh connection (gunicorn's sync workers close after each)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(payload)
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    data = b"".join(chunks)
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body


def _readable(side: WeChatSide, body: bytes) -> bool:
    """True when `body` is a sealed reply that verifies, decrypts and has a MsgType."""
    try:
        return bool(side.open_reply(body).get("MsgType"))
    except (ValueError, AssertionError, KeyError, ExpatError):
        return False


def run(port: int, texts: list[str], count: int, duration: float, concurrency: int,
        warmup: int, check: int) -> dict:
    """Warm up, then send up to `count` requests for at most `duration` seconds."""
    side = WeChatSide()
    base = int(time.time() * 1000) * 1000
    # Three messages per follower: real traffic, and far below the per-follower rate limit.
    built = [side.text(f"o_load{base}_{i // 3:06d}", texts[i % len(texts)], base + i)
             for i in range(count + warmup)]
    payloads = [raw_request(port, r.query, r.body) for r in built]
    for payload in payloads[:warmup]:
        send(port, payload, timeout=120)  # the first requests wait for the workers to boot

    counter = itertools.count(warmup)
    latencies: list[float] = []
    errors: dict[str, int] = {}
    replies: list[bytes] = []
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker() -> None:
        while time.monotonic() < deadline:
            index = next(counter)
            if index >= len(payloads):
                return
            start = time.perf_counter()
            try:
                status, body = send(port, payloads[index])
            except OSError as exc:
                status, body = 0, type(exc).__name__.encode()
            elapsed = time.perf_counter() - start
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                    if len(replies) < check:
                        replies.append(body)
                else:
                    key = str(status or body.decode())
                    errors[key] = errors.get(key, 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    checked = sum(1 for body in replies if _readable(side, body))
    stats = summary_ms(latencies)
    return {
        "requests": len(latencies), "errors": errors, "seconds": seconds,
        "rps": len(latencies) / seconds if seconds else 0.0,
        "p50": stats["p50"], "p99": stats["p99"], "checked": checked,
    }


def main() -> None:
    """Command-line entry: print the run's figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--queries", type=Path, required=True, help="one query text a line")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=40)
    parser.add_argument("--check", type=int, default=20, help="replies to decrypt and check")
    args = parser.parse_args()
    texts = [t for t in args.queries.read_text(encoding="utf-8").splitlines() if t.strip()]
    result = run(args.port, texts, args.count, args.duration, args.concurrency,
                 args.warmup, args.check)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
