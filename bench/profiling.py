"""pyinstrument excerpts of what bounds a missed target."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from pyinstrument import Profiler
from pyinstrument.renderers import ConsoleRenderer
from pyinstrument.session import Session

ROOT = Path(__file__).resolve().parent.parent
EXCERPT_LINES = 50
DURATION = re.compile(r"Duration: [\d.]+\s+CPU time: [\d.]+")
ROOT_LINE = re.compile(r"^\d+\.\d+ ")  # the root frame of the call tree: "0.7270 name  file"


def excerpt(text: str, lines: int = EXCERPT_LINES) -> str:
    """The call tree of a pyinstrument text report, headed by its duration line."""
    all_lines = text.splitlines()
    head = [m.group(0) for m in map(DURATION.search, all_lines) if m][:1]
    tree = [i for i, line in enumerate(all_lines) if ROOT_LINE.match(line)]
    body = all_lines[tree[0]:] if tree else all_lines
    return "\n".join(head + [line for line in body if line.strip()][:lines])


def hotspots(root, count: int = 4) -> str:
    """The functions with the most time of their own, as "name (file) NN%" — what bounds it."""
    own: dict[str, float] = {}
    stack = [root]
    while stack:
        frame = stack.pop()
        stack.extend(frame.children)
        if frame.is_synthetic or not frame.total_self_time:
            continue
        name = f"{frame.function} ({frame.file_path_short})"
        own[name] = own.get(name, 0.0) + frame.total_self_time
    total = root.time or 1.0
    top = sorted(own.items(), key=lambda item: item[1], reverse=True)[:count]
    return ", ".join(f"{name} {value / total:.0%}" for name, value in top)


def breakdown(root, functions: tuple[str, ...]) -> str:
    """Where the time of each named function goes: its callees' shares of the whole run."""
    total = root.time or 1.0
    parts = []
    for name in functions:
        found, stack = [], [root]
        while stack:
            frame = stack.pop()
            if frame.function == name:
                found.append(frame)  # every call site of it, merged below
            else:
                stack.extend(frame.children)
        callees: dict[str, float] = {}
        for frame in found:
            for child in frame.children:
                callees[child.function] = callees.get(child.function, 0.0) + child.time
        if callees:
            top = [(fn, t) for fn, t in sorted(callees.items(), key=lambda item: item[1],
                                               reverse=True)[:4] if t / total >= 0.01]
            inside = sum(f.time for f in found) / total
            parts.append(f"{name} {inside:.0%} = " + " + ".join(
                f"{fn} {t / total:.0%}" for fn, t in top))
    return "; ".join(parts)


def _hot(session: Session, functions: tuple[str, ...] = ()) -> str:
    """Where the time goes, hot spots, and how much of the wall time the process had a core."""
    root = session.root_frame()
    busy = session.cpu_time / session.duration if session.duration else 1.0
    split = breakdown(root, functions)
    return ((split + ". " if split else "") + f"Most time of its own: {hotspots(root)}; "
            f"on a core {busy:.0%} of the wall time (the rest: waiting for Redis, or for a "
            "core on the shared machine)")


def profile_call(fn: Callable[[], object], functions: tuple[str, ...] = ()) -> dict[str, str]:
    """Profile `fn()` in this process: the text excerpt and where the time goes (inside each
    of `functions`, and overall)."""
    profiler = Profiler(interval=0.0005)
    profiler.start()
    try:
        fn()
    finally:
        profiler.stop()
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    return {"text": excerpt(text), "hotspots": _hot(profiler.last_session, functions)}


def profile_module(module: str, args: list[str], out: Path,
                   functions: tuple[str, ...] = ()) -> dict[str, str]:
    """Profile `python -m module args...` in a fresh process (a worker's start-up)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "pyinstrument", "--renderer", "pyisession", "--outfile",
           str(out), "--interval", "0.001", "-m", module, *args]
    done = subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=300)
    if done.returncode != 0 or not out.exists():
        return {"text": f"(profiling failed: {done.stderr.strip()[-400:]})", "hotspots": ""}
    session = Session.load(str(out))
    text = ConsoleRenderer(unicode=False, color=False).render(session)
    return {"text": excerpt(text), "hotspots": _hot(session, functions)}
