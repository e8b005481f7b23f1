"""Search at one corpus size: build, query latency, worker start and memory, each with a floor."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil
import redis
from rapidfuzz import fuzz, process

from bench import kbapi
from bench.queries import Query, synthetic_queries
from bench.timing import median_round, summary_ms, time_each

ROOT = Path(__file__).resolve().parent.parent


def build(client: redis.Redis, data_dir: Path, records: list[dict]) -> tuple[object, dict]:
    """Import `records` into an empty store, then build and persist the index; seconds each."""
    client.flushdb()
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    articles = kbapi.to_articles(records)
    kb = kbapi.open_kb(client, data_dir)
    started = time.perf_counter()
    kb.upsert(articles)
    imported = time.perf_counter()
    kb.rebuild()
    built = time.perf_counter()
    if not kb.search(records[0]["title"]).hits:
        raise RuntimeError("the freshly built index finds nothing for an exact title")
    return kb, {"import_s": imported - started, "build_s": built - imported}


def time_queries(kb, queries: list[Query], rounds: int = 3) -> tuple[dict, float, float]:
    """Latency (median of `rounds` rounds), and the share of queries whose target ranks first
    and in the top 5."""
    for query in queries[:20]:
        kb.search(query.q)  # warm caches, as a serving worker's are
    found: dict[str, list[str]] = {}

    def one(query: Query) -> None:
        found[query.q + "\0" + query.target] = kbapi.top_ids(kb.search(query.q))

    all_rounds = [time_each(one, queries) for _ in range(rounds)]
    top1 = top5 = 0
    for query in queries:
        ids = found[query.q + "\0" + query.target]
        top1 += bool(ids) and ids[0] == query.target
        top5 += query.target in ids
    return median_round(all_rounds), top1 / len(queries), top5 / len(queries)


def time_fuzzy_baseline(records: list[dict], queries: list[Query]) -> list[float]:
    """The obvious alternative: rapidfuzz WRatio over every title, per query."""
    titles = [r["title"] for r in records]
    wall, _cpu = time_each(
        lambda q: process.extract(q.q, titles, scorer=fuzz.WRatio, limit=5), queries)
    return wall


def start_worker(redis_url: str, data_dir: Path, query: str, bare: bool) -> dict:
    """Start a fresh worker process; seconds until it answered, and its resident memory."""
    args = [sys.executable, "-m", "bench.worker", "--redis-url", redis_url,
            "--data-dir", str(data_dir), "--query", query]
    if bare:
        args.append("--bare")
    started = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - started
        if not line:
            raise RuntimeError(f"worker failed: {proc.stderr.read()[-800:]}")
        rss = psutil.Process(proc.pid).memory_info().rss
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    return {"seconds": elapsed, "rss_mb": rss / 2**20, **json.loads(line)}


def worker_figures(redis_url: str, data_dir: Path, query: str, repeats: int) -> dict:
    """Median start time and memory of real workers and of bare ones, alternated."""
    real, bare = [], []
    for _ in range(repeats):
        real.append(start_worker(redis_url, data_dir, query, bare=False))
        bare.append(start_worker(redis_url, data_dir, query, bare=True))
    if not all(r["hits"] for r in real):
        raise RuntimeError(f"a fresh worker found nothing for {query!r}")
    return {
        "start_s": statistics.median(r["seconds"] for r in real),
        "rss_mb": statistics.median(r["rss_mb"] for r in real),
        "bare_start_s": statistics.median(r["seconds"] for r in bare),
        "bare_rss_mb": statistics.median(r["rss_mb"] for r in bare),
    }


def bench_size(records: list[dict], client: redis.Redis, redis_url: str, data_dir: Path,
               n_queries: int, n_baseline: int, repeats: int) -> dict:
    """Every search figure at one size."""
    kb, times = build(client, data_dir, records)
    queries = synthetic_queries(records, n_queries)
    latency, top1, top5 = time_queries(kb, queries)
    fuzzy = time_fuzzy_baseline(records, queries[:n_baseline])
    workers = worker_figures(redis_url, data_dir, queries[0].q, repeats)
    return {
        "size": len(records), **times, "search": latency,
        "fuzzy": summary_ms(fuzzy), "synthetic_top1": top1, "synthetic_top5": top5, **workers,
        "kb": kb,
    }
