"""Issue #16's targets, each judged against the figure measured and its same-run baseline."""

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
    """Every target of issue #16 as a Verdict, from the collected results."""
    search = results.get("search", {})
    big = max(search) if search else None
    s = search.get(big, {})
    floors = results.get("build_floor", {})
    msg = results.get("message", {})
    small = results.get("message_small") or (msg if msg.get("size") == HTTP_SIZE else {})
    http = results.get("http", {})
    echo_cpu = small.get("echo", {}).get("cpu_p50")
    rows = [
        _http(http),
        _ceiling("message_cpu", f"message path CPU per message p50, {HTTP_SIZE // 1000}k "
                 "articles", "≤ 1 ms", 1.0, small.get("bot", {}).get("cpu_p50"), "ms",
                 echo_cpu, f"echo bot, in-process: {echo_cpu or 0:.3g} ms CPU",
                 small.get("size"), HTTP_SIZE),
        _ceiling("message", f"message path p99 in-process, {TARGET_SIZE // 1000}k articles",
                 "≤ 3 ms", 3.0, msg.get("bot", {}).get("p99"), "ms",
                 msg.get("echo", {}).get("p99"),
                 f"echo bot, in-process: {msg.get('echo', {}).get('p99', 0):.3g} ms",
                 msg.get("size"), TARGET_SIZE, msg.get("bot", {}).get("cpu_p99")),
        _ceiling("search", f"search p99, {TARGET_SIZE // 1000}k articles", "≤ 2 ms", 2.0,
                 s.get("search", {}).get("p99"), "ms", s.get("fuzzy", {}).get("p99"),
                 f"rapidfuzz WRatio scan of all titles: {s.get('fuzzy', {}).get('p99', 0):.3g} ms",
                 big, TARGET_SIZE, s.get("search", {}).get("cpu_p99")),
        _round_trips(results.get("round_trips")),
        _ceiling("build", f"index build, {TARGET_SIZE // 1000}k articles", "≤ 25 s", 25.0,
                 s.get("build_s"), "s", floors.get(big),
                 f"jieba over the corpus, 1 process (est.): {floors.get(big, 0):.1f} s",
                 big, TARGET_SIZE),
        _ceiling("start", f"worker start, {TARGET_SIZE // 1000}k articles", "≤ 1 s", 1.0,
                 s.get("start_s"), "s", s.get("bare_start_s"),
                 f"bare worker (same imports, no index): {s.get('bare_start_s', 0):.2f} s",
                 big, TARGET_SIZE),
        _ceiling("memory", f"worker memory, {TARGET_SIZE // 1000}k articles", "≤ 250 MB", 250.0,
                 s.get("rss_mb"), "MB", s.get("bare_rss_mb"),
                 f"bare worker: {s.get('bare_rss_mb', 0):.0f} MB", big, TARGET_SIZE),
    ]
    rows.append(_quality(results.get("quality")))
    rows.append(_pathological(results.get("pathological")))
    return rows


HTTP_RATIO = 0.5
MAX_ROUND_TRIPS = 2


def _http(http: dict) -> Verdict:
    """Requests per second of the bot over the echo bot's, same machine, back to back."""
    figure = f"HTTP throughput, {HTTP_SIZE // 1000}k articles, gunicorn -w 2"
    target = f"≥ {HTTP_RATIO} × the echo bot"
    if not http.get("echo"):
        return Verdict("http", figure, target, "not measured", "", "", None)
    ratio = http["ratio"]
    passed = ratio >= HTTP_RATIO
    return Verdict(
        "http", figure, target,
        f"{http['bot']['rps']:.0f} req/s (p99 {http['bot']['p99']:.1f} ms)",
        f"echo bot: {http['echo']['rps']:.0f} req/s (p99 {http['echo']['p99']:.1f} ms)",
        f"{ratio:.2f}×", passed, "" if passed else f"{ratio - HTTP_RATIO:+.2f} of the echo bot",
        _size_note(http.get("size"), HTTP_SIZE))


def _round_trips(found: dict | None) -> Verdict:
    """Redis round trips of one ordinary text question (and, for scale, of a greeting)."""
    figure = "Redis round trips, one text question"
    target = f"≤ {MAX_ROUND_TRIPS}"
    if not found:
        return Verdict("round_trips", figure, target, "not measured", "", "", None)
    n = found["question"]
    passed = n <= MAX_ROUND_TRIPS
    return Verdict("round_trips", figure, target, f"{n} ({found['commands']} commands)",
                   f"greeting: {found['greeting']}", "", passed,
                   "" if passed else f"{n - MAX_ROUND_TRIPS:+d} round trips")


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
        f"{found['rows'][found['worst']]:.3g} ms {found.get('clock', 'wall')} "
        f"({found['worst']})",
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
