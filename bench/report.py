"""The results as one Markdown report: machine, command, targets, then each measurement."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime

import psutil

from bench.breakdown import rows
from bench.targets import HTTP_RATIO, Verdict, judge

KINDS = ("title", "keywords", "question", "body_entity", "city", "typo", "traditional",
         "paraphrase", "no_answer", "all")


def machine() -> dict:
    """Cores, CPU model, memory, Python and load, for the report's header."""
    model = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(), "cpu": model,
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(), "system": platform.platform(terse=True),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _verdict(v: Verdict) -> str:
    if v.passed is None:
        return "—"
    mark = "pass" if v.passed else f"**miss** ({v.gap})"
    return mark + (f" *({v.note})*" if v.note else "")


def render(results: dict) -> str:
    """The whole report."""
    meta = results["meta"]
    m = meta["machine"]
    lines = [
        "# Benchmark results", "",
        f"- date: {meta['date']}",
        f"- machine: {m['cores']} cores, {m['cpu']}, {m['memory_gb']} GB, {m['system']}; "
        f"load average {m['load']} at start, {meta.get('load_end', '?')} at the end "
        "(the machine is shared)",
        f"- Python {m['python']}",
        f"- command: `{meta['command']}` ({meta['elapsed_s']:.0f} s in all)", "",
        "## Targets", "",
        "| figure | target | measured | baseline, same run | ratio | verdict |",
        "|---|---|---|---|---|---|",
    ]
    for v in judge(results):
        lines.append(f"| {v.figure} | {v.target} | {v.measured} | {v.baseline} | {v.ratio} "
                     f"| {_verdict(v)} |")
    lines += _search(results) + _stages(results) + _paths(results) + _quality(results)
    lines += closing_note(results)
    lines += _extras(results)
    return "\n".join(lines) + "\n"


def _search(results: dict) -> list[str]:
    out = ["", "## 1. Search, in-process", "",
           "Synthetic corpus (`bench/corpus.py`), queries drawn from it. Import = `upsert` into "
           "an empty Redis; build = `rebuild()`, the full index built and persisted. Start = a "
           "fresh process opening the persisted index and answering one query; bare = the same "
           "process without the index. Latencies: the median of 3 rounds (by p99) over all "
           "queries; "
           "CPU = the searching thread's CPU time (no waiting for a core or for Redis); "
           "the target columns say how often the article a synthetic query was drawn from "
           "comes first / in the top 5 (many articles share a title clause or keyword, so "
           "these queries are often ambiguous by construction).", "",
           "| articles | import s | build s | jieba 1-proc s (est.) | p50 ms | p99 ms (rounds) | "
           "CPU p50 / p99 ms | "
           "rapidfuzz p50 / p99 ms | start s (bare) | RSS MB (bare) | target top-1 / in top 5 |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for size, s in sorted(results.get("search", {}).items()):
        floor = results.get("build_floor", {}).get(size, float("nan"))
        out.append(
            f"| {size:,} | {s['import_s']:.1f} | {s['build_s']:.1f} | {floor:.1f} | "
            f"{s['search']['p50']:.2f} | {s['search']['p99']:.2f} "
            f"({', '.join(map(str, s['search'].get('rounds_p99', [])))}) | "
            f"{s['search']['cpu_p50']:.2f} / {s['search']['cpu_p99']:.2f} | "
            f"{s['fuzzy']['p50']:.1f} / {s['fuzzy']['p99']:.1f} | "
            f"{s['start_s']:.2f} ({s['bare_start_s']:.2f}) | {s['rss_mb']:.0f} "
            f"({s['bare_rss_mb']:.0f}) | {s['synthetic_top1']:.2f} / {s['synthetic_top5']:.2f} |")
    return out


def _stages(results: dict) -> list[str]:
    stages = results.get("stages")
    if not stages:
        return []
    out = ["", "### Ranking stages alone", "",
           "300 of the synthetic queries through each stage of a search on its own "
           "(bench/stages.py; median round of 3). The floor is a plain BM25 over the same "
           "postings: no coverage, places or re-ranking.", "",
           "| articles | stage | p50 ms | p99 ms | CPU p50 / p99 ms |", "|---|---|---|---|---|"]
    for size, found in sorted(stages.items()):
        for name, r in found.items():
            if name.startswith("_"):
                continue
            out.append(f"| {size:,} | {name} | {r['p50']:.3f} | {r['p99']:.3f} | "
                       f"{r['cpu_p50']:.3f} / {r['cpu_p99']:.3f} |")
    return out


def _paths(results: dict) -> list[str]:
    out = []
    for msg in filter(None, (results.get("message_small"), results.get("message"))):
        out += ["", f"## 2. Message path, in-process ({msg['size']:,} articles)", "",
                "Encrypted text message → WSGI app → encrypted reply (decrypt, parse, dedup, "
                "dispatch, search, render, encrypt); the echo bot does the crypto and nothing "
                "else. 3 rounds each; the round with the median p99 is shown, all rounds' p99 "
                "in the last column.", "",
                "| app | n | p50 ms | p99 ms | CPU p50 / p99 ms | mean ms | replies (sampled) | "
                "p99 of each round |", "|---|---|---|---|---|---|---|---|"]
        for name in ("bot", "echo"):
            r = msg[name]
            out.append(f"| {name} | {r['n']} | {r['p50']:.2f} | {r['p99']:.2f} | "
                       f"{r['cpu_p50']:.2f} / {r['cpu_p99']:.2f} | {r['mean']:.2f} | "
                       f"{r['replies']} | {r['rounds_p99']} |")
        out += _breakdown(msg)
    trips = results.get("round_trips")
    if trips:
        out += ["", "Redis round trips of one text question (a follower with a session, warm "
                f"worker): **{trips['question']}** carrying {trips['commands']} commands "
                f"({'; '.join(trips['trips'])}); a greeting: {trips['greeting']}."]
        cost = trips.get("redis")
        if cost:
            out += ["", f"What text messages cost the Redis server ({cost['messages']:,} "
                    f"messages in-process, INFO before and after): "
                    f"{cost['commands_per_message']:.1f} commands and "
                    f"{cost['server_us_per_message']:.0f} µs of server CPU per message, so one "
                    f"Redis process (one thread) serves about "
                    f"{cost['messages_per_s_per_redis'] or 0:,.0f} messages/s at a full core."]
            raw = cost.get("raw")
            if raw:
                out += ["", f"The same server under one client's pipelined GET/SET (batches of "
                        f"100, 200-byte values): {raw['ops_per_s']:,.0f} operations/s, "
                        f"{raw['ops_per_server_cpu_s'] or 0:,.0f} per second of server CPU."]
    http = results.get("http")
    if http:
        out += ["", f"## 3. Over HTTP: gunicorn -w 2 ({http['size']:,} articles)", "",
                f"Load from a separate process, {http['concurrency']} connections, "
                "one request per connection (gunicorn's sync workers), encrypted search "
                "messages with unique MsgIds.", "",
                "| app | requests | s | req/s | p50 ms | p99 ms | errors | verified (of 20) |",
                "|---|---|---|---|---|---|---|---|"]
        for name in ("bot", "echo"):
            r = http[name]
            out.append(f"| {name} | {r['requests']} | {r['seconds']:.1f} | {r['rps']:.0f} | "
                       f"{r['p50']:.1f} | {r['p99']:.1f} | {r['errors'] or 0} | {r['checked']} |")
        out.append(f"\nbot / echo throughput: **{http['ratio']:.2f}×**")
    return out


def _breakdown(msg: dict) -> list[str]:
    """Where the bot's CPU goes, part by part (bench/breakdown.py)."""
    found = msg.get("breakdown")
    if not found:
        return []
    out = ["", f"Where the bot's CPU goes: {found['messages']:,} more messages, each part of the "
           "path timed on the thread's clock (bench/breakdown.py; its wrappers add about "
           f"1 µs a part): {found['total_us'] / 1000:.2f} ms a message on average.", "",
           "| part | µs per message | share |", "|---|---|---|"]
    out += [f"| {name} | {us:.0f} | {share:.0%} |" for name, us, share in rows(found)]
    return out


def _quality(results: dict) -> list[str]:
    quality = results.get("quality")
    if not quality:
        return []
    rows = quality["rows"]
    out = ["", f"## 4. Quality ({rows['all']['n']} queries of tests/fixtures/search_queries.jsonl, "
           "bundled articles)", "",
           "Baselines given their best no-answer cut-off in hindsight: rapidfuzz WRatio ≥ "
           f"{quality['cutoffs']['fuzzy']:.1f}, BM25 ≥ {quality['cutoffs']['bm25']:.2f}.", "",
           "| kind | n | ours top-1 | ours MRR@5 | rapidfuzz top-1 | rapidfuzz MRR@5 | "
           "rank-bm25 top-1 | rank-bm25 MRR@5 |", "|---|---|---|---|---|---|---|---|"]
    for kind in [k for k in KINDS if k in rows] + sorted(set(rows) - set(KINDS)):
        r = rows[kind]
        name = f"**{kind}**" if kind == "all" else kind
        out.append(f"| {name} | {r['n']} | {r['ours_top1']:.2f} | {r['ours_mrr']:.2f} | "
                   f"{r['fuzzy_top1']:.2f} | {r['fuzzy_mrr']:.2f} | {r['bm25_top1']:.2f} | "
                   f"{r['bm25_mrr']:.2f} |")
    if quality.get("misses"):
        out += ["", "Queries our search gets wrong (first 15):", ""]
        out += [f"- `{q}` ({kind}): expected {exp}, got {got}"
                for q, kind, exp, got in quality["misses"][:15]]
    return out


def _extras(results: dict) -> list[str]:
    out = []
    shown = set()
    for profile in results.get("profiles", {}).values():
        if profile["title"] in shown:
            continue
        shown.add(profile["title"])
        out += ["", f"## Profile: {profile['title']}", ""]
        if profile.get("hotspots"):
            out += [f"{profile['hotspots']}.", ""]
        out += ["```", profile["text"], "```"]
    for part, error in results.get("errors", {}).items():
        out += ["", f"**{part} failed:** `{error}`"]
    return out


def closing_note(results: dict) -> list[str]:
    """Each missed target again: by how much, and what the profile says bounds it."""
    misses = [v for v in judge(results) if v.passed is False]
    out = ["", "## Closing note", ""]
    out += [f"- **{part}** could not be measured: `{error}`"
            for part, error in results.get("errors", {}).items()]
    if not misses:
        return out + ["- Every target measured was met."]
    profiles = results.get("profiles", {})
    for v in misses:
        line = f"- **{v.figure}** missed: {v.measured} against {v.target} ({v.gap})"
        if v.note:
            line += f", {v.note}"
        msg = results.get("message_small") or results.get("message", {})
        if v.key == "http" and msg.get("bot", {}).get("cpu_mean"):
            bot, echo = msg["bot"]["cpu_mean"], msg["echo"]["cpu_mean"]
            line += (f". In-process (at {msg['size']:,} articles) one message costs the bot "
                     f"{bot:.2f} ms of CPU on average "
                     f"and the echo bot {echo:.2f} ms ({bot / echo:.0f}×): with every worker "
                     "busy, throughput follows that per-message work, so the ratio cannot "
                     f"reach {HTTP_RATIO} while a message costs more than the protocol's "
                     "own work again")
        floor = _build_floor(results)
        if v.key == "build" and floor:
            cores = results["meta"]["machine"]["cores"] or 1
            line += (f". jieba alone over this corpus takes {floor:.0f} s in one process, so "
                     f"about {floor / cores:.0f} s even split perfectly over {cores} cores")
        profile = profiles.get(v.key)
        if profile and profile.get("hotspots"):
            line += f". Bounded by ({profile['title']}): {profile['hotspots']}"
        out.append(line + ".")
    return out


def _build_floor(results: dict) -> float | None:
    """The single-process jieba estimate at the largest size measured."""
    floors = results.get("build_floor") or {}
    return floors[max(floors)] if floors else None


def now() -> str:
    """The report's timestamp."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
