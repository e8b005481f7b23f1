"""The issue's targets, each judged against the figure measured and its same-run baseline."""

from __future__ import annotations

from dataclasses import dataclass

TARGET_SIZE = 100_000
HTTP_SIZE = 10_000


@dataclass
class Verdict:
    """One row of the targets table."""

    key: str
    figure: str
    target: str
    measured: str
    baseline: str
    ratio: str
    passed: bool | None  # None: not measured
    gap: str = ""  # by how much a miss misses
    note: str = ""


def _size_note(size: int | None, wanted: int) -> str:
    return "" if size == wanted or size is None else f"measured at {size:,}, not {wanted:,}"


def _ceiling(key, figure, target_text, limit, value, unit, base, base_text, size, wanted,
             cpu=None):
    """A figure that must stay at or under `limit` (`cpu`: the same figure in CPU time)."""
    if value is None:
        return Verdict(key, figure, target_text, "not measured", "", "", None)
    ratio = f"{value / base:.2g}×" if base else ""
    passed = value <= limit
    gap = "" if passed else f"{value - limit:+.3g} {unit} ({(value / limit - 1) * 100:+.0f}%)"
    measured = f"{value:.3g} {unit}" + (f" (CPU {cpu:.3g} {unit})" if cpu is not None else "")
    return Verdict(key, figure, target_text, measured, base_text, ratio, passed, gap,
                   _size_note(size, wanted))


def judge(results: dict) -> list[Verdict]:
    """Every target of the issue as a Verdict, from the collected results."""
    search = results.get("search", {})
    big = max(search) if search else None
    s = search.get(big, {})
    floors = results.get("build_floor", {})
    msg = results.get("message", {})
    http = results.get("http", {})
    rows = [
        _ceiling("search", f"search p99, {TARGET_SIZE // 1000}k articles", "≤ 5 ms", 5.0,
                 s.get("search", {}).get("p99"), "ms", s.get("fuzzy", {}).get("p99"),
                 f"rapidfuzz WRatio scan of all titles: {s.get('fuzzy', {}).get('p99', 0):.3g} ms",
                 big, TARGET_SIZE, s.get("search", {}).get("cpu_p99")),
        _ceiling("message", f"message path p99, {TARGET_SIZE // 1000}k articles", "≤ 10 ms", 10.0,
                 msg.get("bot", {}).get("p99"), "ms", msg.get("echo", {}).get("p99"),
                 f"echo bot, in-process: {msg.get('echo', {}).get('p99', 0):.3g} ms",
                 msg.get("size"), TARGET_SIZE, msg.get("bot", {}).get("cpu_p99")),
    ]
    if http.get("echo"):
        ratio = http["ratio"]
        passed = ratio >= 0.8
        rows.append(Verdict(
            "http", f"HTTP throughput, {HTTP_SIZE // 1000}k articles", "≥ 0.8 × the echo bot",
            f"{http['bot']['rps']:.0f} req/s (p99 {http['bot']['p99']:.1f} ms)",
            f"echo bot: {http['echo']['rps']:.0f} req/s (p99 {http['echo']['p99']:.1f} ms)",
            f"{ratio:.2f}×", passed, "" if passed else f"{ratio - 0.8:+.2f} of the echo bot",
            _size_note(http.get("size"), HTTP_SIZE)))
    else:
        rows.append(Verdict("http", f"HTTP throughput, {HTTP_SIZE // 1000}k articles",
                            "≥ 0.8 × the echo bot", "not measured", "", "", None))
    rows += [
        _ceiling("start", f"worker start, {TARGET_SIZE // 1000}k articles", "≤ 3 s", 3.0,
                 s.get("start_s"), "s", s.get("bare_start_s"),
                 f"bare worker (same imports, no index): {s.get('bare_start_s', 0):.2f} s",
                 big, TARGET_SIZE),
        _ceiling("build", f"index build, {TARGET_SIZE // 1000}k articles", "≤ 90 s", 90.0,
                 s.get("build_s"), "s", floors.get(big),
                 f"jieba over the corpus, 1 process (est.): {floors.get(big, 0):.1f} s",
                 big, TARGET_SIZE),
        _ceiling("memory", f"worker memory, {TARGET_SIZE // 1000}k articles", "≤ 500 MB", 500.0,
                 s.get("rss_mb"), "MB", s.get("bare_rss_mb"),
                 f"bare worker: {s.get('bare_rss_mb', 0):.0f} MB", big, TARGET_SIZE),
    ]
    rows.append(_quality(results.get("quality")))
    rows.append(_pathological(results.get("pathological")))
    return rows


def _pathological(found: dict | None) -> Verdict:
    """The costliest crafted message against an ordinary question, same app, same run."""
    figure = "costliest crafted message"
    if not found:
        return Verdict("pathological", figure, "≤ 5 × a normal question", "not measured",
                       "", "", None)
    ratio = found["worst_ratio"]
    passed = ratio <= 5.0
    return Verdict(
        "pathological", figure, "≤ 5 × a normal question",
        f"{found['rows'][found['worst']]:.3g} ms ({found['worst']})",
        f"normal question: {found['normal_ms']:.3g} ms", f"{ratio:.2g}×", passed,
        "" if passed else f"{ratio - 5.0:+.2g}× over", f"at {found.get('size', 0):,} articles")


def _quality(quality: dict | None) -> Verdict:
    """Top-1 over the whole query set, ours against the better of the two baselines."""
    if not quality:
        return Verdict("quality", "quality, top-1", "ahead of both baselines", "not measured",
                       "", "", None)
    row = quality["rows"]["all"]
    best = max(row["fuzzy_top1"], row["bm25_top1"])
    passed = row["ours_top1"] > best
    return Verdict(
        "quality", f"quality, top-1 ({row['n']} queries)", "ahead of both baselines",
        f"{row['ours_top1']:.3f}",
        f"rapidfuzz {row['fuzzy_top1']:.3f}, rank-bm25 {row['bm25_top1']:.3f}",
        f"{row['ours_top1'] / best:.2f}× the better" if best else "", passed,
        "" if passed else f"{row['ours_top1'] - best:+.3f} behind the better baseline")
