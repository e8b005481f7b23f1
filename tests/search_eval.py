"""Scoring the search against the query set (shared by the quality test and tuning runs)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

QUERIES = Path(__file__).parent / "fixtures" / "search_queries.jsonl"
SEED_ID = "413c7548385390b6"  # the crawler key in the seed page's file name


@dataclass
class Report:
    """Per-kind outcomes and the headline figures."""

    per_kind: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    answerable: int = 0
    top1: int = 0
    no_answer_said: int = 0
    no_answer_right: int = 0
    no_answer_total: int = 0
    misses: list = field(default_factory=list)

    @property
    def top1_rate(self) -> float:
        return self.top1 / max(1, self.answerable)

    @property
    def no_answer_precision(self) -> float:
        return self.no_answer_right / max(1, self.no_answer_said)

    @property
    def no_answer_recall(self) -> float:
        return self.no_answer_right / max(1, self.no_answer_total)

    def table(self) -> str:
        rows = [f"{'kind':<12} {'ok':>4} {'all':>4}"]
        for kind, (ok, n) in sorted(self.per_kind.items()):
            rows.append(f"{kind:<12} {ok:>4} {n:>4}")
        rows.append(f"top-1 {self.top1_rate:.3f}  no-answer precision "
                    f"{self.no_answer_precision:.3f} recall {self.no_answer_recall:.3f}")
        rows += [f"MISS [{k}] {q!r}: want {w} got {g}" for k, q, w, g in self.misses]
        return "\n".join(rows)


def load_queries() -> list[dict]:
    """The query set with "@seed" mapped to the seed article's id."""
    out = []
    for line in QUERIES.read_text("utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            q["expect"] = [SEED_ID if e == "@seed" else e for e in q["expect"]]
            out.append(q)
    return out


def evaluate(kb, queries: list[dict]) -> Report:
    """Ask every query; top-1 must be one of `expect`, or nothing for no-answer queries."""
    report = Report()
    for q in queries:
        result = kb.search(q["q"])
        got = [h.article.id for h in result.hits]
        stats = report.per_kind[q["kind"]]
        stats[1] += 1
        if not got:
            report.no_answer_said += 1
        if q["kind"] == "no_answer":
            report.no_answer_total += 1
            ok = not got
            report.no_answer_right += ok
        else:
            report.answerable += 1
            ok = bool(got) and got[0] in q["expect"]
            report.top1 += ok
        stats[0] += ok
        if not ok:
            report.misses.append((q["kind"], q["q"], q["expect"], got[:3]))
    return report
