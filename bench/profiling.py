"""pyinstrument excerpts of what bounds a missed target."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from pyinstrument import Profiler

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


def profile_call(fn: Callable[[], object]) -> str:
    """Profile `fn()` in this process; the text excerpt."""
    profiler = Profiler(interval=0.0005)
    profiler.start()
    try:
        fn()
    finally:
        profiler.stop()
    return excerpt(profiler.output_text(unicode=False, color=False, show_all=False))


def profile_module(module: str, args: list[str], out: Path) -> str:
    """Profile `python -m module args...` in a fresh process (a worker's start-up)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pyinstrument", "--renderer", "text", "--outfile", str(out),
           "--no-color", "--no-unicode", "--interval", "0.001", "-m", module, *args]
    done = subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=300)
    if done.returncode != 0 or not out.exists():
        return f"(profiling failed: {done.stderr.strip()[-400:]})"
    return excerpt(out.read_text(encoding="utf-8"))
