"""Write config/kinds.tsv from the follower sets: `python -m tests.support.export_kinds`.

Each judged set (tests/fixtures/followers/setN.jsonl) adds its messages with the kind its
writer gave them. Follow-ups are left out: their kind lies in the message before them. Run
it after a new held-out set has been measured and recorded, never before (the set would
then be judged on what it taught).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT / "tests" / "fixtures" / "followers"
OUT = ROOT / "config" / "kinds.tsv"
HEADER = """\
# Labelled follower messages the kind model learns from (knowledge/kinds.py).
# One per line: id <TAB> kind <TAB> the message as the follower wrote it.
# Written by `python -m tests.support.export_kinds` from the judged follower sets; an
# editor may add lines of their own (any id that is not already used).
"""


def set_number(path: Path) -> int:
    """3 for set3.jsonl; sets with a suffix (set2-tuned) are not sets of messages."""
    return int(path.stem[3:])


def main() -> None:
    """Export every set's non-follow-up messages, in set order."""
    paths = sorted((p for p in SETS.glob("set*.jsonl") if re.fullmatch(r"set\d+", p.stem)),
                   key=set_number)
    lines = [HEADER.rstrip("\n")]
    # an editor's own lines (ids not of a set) are kept, after the sets'
    kept = [line for line in OUT.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
            and not re.match(r"s\d+-", line)] if OUT.exists() else []
    for path in paths:
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            row = json.loads(raw)
            if row["category"] == "followup":
                continue
            text = " ".join(row["text"].split())
            lines.append(f"{row['id']}\t{row['category']}\t{text}")
    lines += kept
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} messages written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
