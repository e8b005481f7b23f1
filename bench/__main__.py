"""`python -m bench [--quick]`: every measurement, one table, bench/RESULTS.md.

Full: 1k, 10k and 100k articles (≤ 15 minutes on 2 cores). Quick: 1k and 10k (≤ 3 minutes).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from bench import parts
from bench.report import machine, now, render

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "RESULTS.md"
FULL_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit status 0 when it ran (targets missed are reported, not fatal)."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k and 10k articles only")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                        help="corpus sizes, e.g. 1000,10000 (development)")
    parser.add_argument("--skip", default="",
                        help="parts to skip: quality,search,stages,message,round_trips,"
                             "pathological,http")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the report")
    parser.add_argument("--from-json", type=Path,
                        help="re-render the report of an earlier run (bench/out/results.json)")
    args = parser.parse_args(argv)
    if args.from_json:
        return rerender(args.from_json, args.out)
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    OUT.mkdir(parents=True, exist_ok=True)
    # The app logs one line per message, as in production, but into a file, not the terminal.
    logging.basicConfig(filename=OUT / "bench.log", level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    command = "python -m bench" + ("".join(f" {a}" for a in (argv or sys.argv[1:])))
    results: dict = {"meta": {"date": now(), "machine": machine(), "command": command}}
    started = time.perf_counter()
    with parts.Session(OUT, quick=args.quick or max(sizes) < 100_000) as session:
        session.run_all(results, sizes, skip=set(filter(None, args.skip.split(","))))
    results["meta"]["elapsed_s"] = time.perf_counter() - started
    results["meta"]["load_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    report = render(results)
    print(report)
    args.out.write_text(report, encoding="utf-8")
    (OUT / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1,
                                                 default=str), encoding="utf-8")
    print(f"written to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}",
          file=sys.stderr)
    return 0


def rerender(path: Path, out: Path) -> int:
    """Write the report of a run again from its saved figures, measuring nothing."""
    results = json.loads(path.read_text(encoding="utf-8"))
    for part in ("search", "build_floor", "stages"):  # JSON turned the sizes into strings
        results[part] = {int(k): v for k, v in results.get(part, {}).items()}
    out.write_text(render(results), encoding="utf-8")
    print(f"re-rendered {path} into {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
