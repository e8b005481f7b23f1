"""One benchmark run: a Redis of its own, then each part in turn, then profiles of misses."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import jieba
import redis

from bench import kbapi, quality
from bench.breakdown import breakdown
from bench.corpus import cached_corpus
from bench.echo_app import create_echo_app
from bench.http_bench import bench_http
from bench.message_bench import bench_message_path, build_requests, replay
from bench.pathological import bench_pathological
from bench.profiling import profile_call, profile_module
from bench.queries import load_query_set, synthetic_queries
from bench.round_trips import count_round_trips, redis_cost, redis_ops_capacity
from bench.search_bench import bench_size
from bench.stages import bench_stages
from bench.targets import HTTP_SIZE, judge
from bench.vocabulary import read_articles
from bench.wechat import bench_env
from tests.support.redis_server import RedisServer

QUALITY_DB = 9


def jieba_floor(records: list[dict], sample: int = 1000) -> float:
    """Seconds jieba alone would take over the corpus in one process (from a sample)."""
    jieba.initialize()
    part = records[:sample]
    started = time.perf_counter()
    for r in part:
        jieba.lcut(f"{r['title']} {' '.join(r['keywords'])} {r['body']}")
    return (time.perf_counter() - started) * len(records) / len(part)


class Session:
    """Holds the Redis server, the knowledge bases built, and what each part found."""

    def __init__(self, out: Path, quick: bool) -> None:
        self.out = out.resolve()
        self.quick = quick
        self.server = RedisServer(self.out / "redis")
        self.kbs: dict[int, object] = {}
        self.texts: dict[int, list[str]] = {}
        self.started = time.perf_counter()

    def __enter__(self) -> Session:
        # Every part loads its own data, so an old append-only file would only cost a long
        # load at start (and LOADING errors meanwhile).
        shutil.rmtree(self.server.dir, ignore_errors=True)
        self.server.dir.mkdir(parents=True)
        self.server.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.stop()

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.server.port}/{db}"

    def data_dir(self, size: int) -> Path:
        return self.out / f"var-{size}"

    def step(self, results: dict, name: str, fn: Callable[[], object]) -> object | None:
        """Run one part; a failure is reported in the results and the run goes on."""
        print(f"[{time.perf_counter() - self.started:6.1f} s] {name} …", file=sys.stderr,
              flush=True)
        try:
            return fn()
        except Exception as exc:  # a broken part must not hide the others' figures
            results.setdefault("errors", {})[name] = f"{type(exc).__name__}: {exc}"
            print(f"    failed: {exc}", file=sys.stderr)
            return None

    def run_all(self, results: dict, sizes: list[int], skip: set[str]) -> None:
        """Quality, search at each size, the message path, HTTP, then profiles."""
        dbs = {size: i + 1 for i, size in enumerate(sorted(sizes))}
        if "quality" not in skip:
            results["quality"] = self.step(results, "quality", self.quality)
        results["search"], results["build_floor"] = {}, {}
        for size in sorted(sizes):
            records = read_articles(cached_corpus(size))
            self.texts[size] = [q.q for q in synthetic_queries(records, 500, seed=23)]
            if "search" in skip:
                continue
            found = self.step(results, f"search {size:,}", lambda r=records, s=size:
                              self.search(r, s, dbs[s]))
            if found:
                results["search"][size] = found
                results["build_floor"][size] = jieba_floor(records)
                if "stages" not in skip:
                    stages = self.step(results, f"ranking stages {size:,}", lambda s=size:
                                       bench_stages(self.kbs[s], self.texts[s][:300]))
                    if stages:
                        results.setdefault("stages", {})[size] = stages
        big = max(sizes)
        if "message" not in skip and big in self.kbs:
            results["message"] = self.step(results, f"message path {big:,}",
                                           lambda: self.message(big, dbs[big]))
        if "message" not in skip and HTTP_SIZE in self.kbs and HTTP_SIZE != big:
            results["message_small"] = self.step(
                results, f"message path {HTTP_SIZE:,}",
                lambda: self.message(HTTP_SIZE, dbs[HTTP_SIZE]))
        small = HTTP_SIZE if HTTP_SIZE in self.kbs else big
        if "round_trips" not in skip and small in self.kbs:
            results["round_trips"] = self.step(
                results, f"round trips {small:,}",
                lambda: self.round_trips(small, dbs[small]))
        if "pathological" not in skip and big in self.kbs:
            results["pathological"] = self.step(
                results, f"pathological messages {big:,}",
                lambda: {"size": big, **bench_pathological(self.app(big, dbs[big]))})
        http_size = HTTP_SIZE if HTTP_SIZE in sizes else big
        if "http" not in skip and http_size in self.kbs:
            results["http"] = self.step(results, f"http {http_size:,}",
                                        lambda: self.http(http_size, dbs[http_size]))
        results["profiles"] = self.step(results, "profiles", lambda: self.profiles(results, dbs))
        for key in [k for k, v in results.items() if v is None]:
            del results[key]

    def quality(self) -> dict:
        client = redis.Redis.from_url(self.url(QUALITY_DB))
        client.flushdb()
        shutil.rmtree(self.out / "var-quality", ignore_errors=True)
        kb = kbapi.open_kb(client, self.out / "var-quality")
        kb.load_bundled()
        kb.rebuild()
        docs = kbapi.bundled_documents(kb)
        queries = quality.resolve_seed(load_query_set(), docs)
        return quality.evaluate(kb, docs, queries)

    def search(self, records: list[dict], size: int, db: int) -> dict:
        big = size >= 100_000
        found = bench_size(records, redis.Redis.from_url(self.url(db)), self.url(db),
                           self.data_dir(size), n_queries=1000,
                           n_baseline=40 if big else 150, repeats=2 if self.quick else 3)
        self.kbs[size] = found.pop("kb")
        return found

    def app(self, size: int, db: int):
        from bot import create_app

        config = {k.lower(): v for k, v in bench_env().items()}
        config.update(redis_url=self.url(db), bot_data_dir=str(self.data_dir(size)),
                      ENVIRON={})
        return create_app(config)

    def message(self, size: int, db: int) -> dict:
        count = 400 if self.quick else 1000
        app = self.app(size, db)
        from bot.services import get_services

        kb = get_services(app).kb
        if kb is None or kb.count() != size:
            raise RuntimeError(f"the app does not see the {size:,} articles (kb={kb!r})")
        found = bench_message_path(app, create_echo_app(), self.texts[size], count)
        # Then the same messages again, part by part (fresh MsgIds: no cached replies).
        found["breakdown"] = breakdown(app, build_requests(self.texts[size], count + 20))
        return {"size": size, **found}

    def round_trips(self, size: int, db: int) -> dict:
        """Round trips of one message, and what messages cost the Redis server."""
        app = self.app(size, db)
        found = count_round_trips(app)
        client = redis.Redis.from_url(self.url(db))
        found["redis"] = redis_cost(app, client, self.texts[size])
        found["redis"]["raw"] = redis_ops_capacity(client)
        return {"size": size, **found}

    def http(self, size: int, db: int) -> dict:
        env = {**bench_env(), "REDIS_URL": self.url(db), "BOT_DATA_DIR": str(self.data_dir(size))}
        count, duration = (6000, 6.0) if self.quick else (20000, 15.0)
        concurrency = 4
        found = bench_http(env, self.texts[size], self.out, count, duration, concurrency)
        return {"size": size, "concurrency": concurrency, **found}

    def profile_build(self, size: int) -> str:
        """Where an index build's time goes: tokenising vs assembling, without a pool."""
        from knowledge.build import build_index

        count = 1000 if self.quick else 2000
        articles = kbapi.to_articles(read_articles(cached_corpus(size))[:count])
        return profile_call(lambda: build_index(articles, processes=1),
                            ("build_index", "tokenize_chunk"))

    def profiles(self, results: dict, dbs: dict[int, int]) -> dict:
        """A pyinstrument excerpt for each missed target that a profile can explain."""
        out: dict[str, dict] = {}
        missed = {v.key for v in judge(results) if v.passed is False}
        big = max(self.kbs) if self.kbs else None
        if big is None:
            return out
        if "search" in missed:
            kb, texts = self.kbs[big], self.texts[big][:300]
            out["search"] = {"title": f"search, 300 queries at {big:,} articles",
                             **profile_call(lambda: [kb.search(t) for t in texts],
                                            ("search", "rank"))}
        if missed & {"message", "http"}:
            app = self.app(big, dbs[big])
            reqs = build_requests(self.texts[big], 320)
            found = {"title": f"message path in-process, 300 messages at {big:,} articles",
                     **profile_call(lambda: replay(app, reqs), ("receive", "dispatch"))}
            out.update({key: found for key in missed & {"message", "http"}})
        if "start" in missed:
            out["start"] = {"title": f"a fresh worker at {big:,} articles", **profile_module(
                "bench.worker", ["--redis-url", self.url(dbs[big]), "--data-dir",
                                 str(self.data_dir(big)), "--query", self.texts[big][0]],
                self.out / "profile-start.pyisession", ("main",))}
        if "build" in missed:
            count = 1000 if self.quick else 2000
            out["build"] = {"title": f"index build, {count:,} articles in one process",
                            **self.profile_build(big)}
        return out
