"""Scoring the search against the query set (shared by the quality test and tuning runs)."""

from __future__ import annotations

import json
import re
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
    reciprocal: float = 0.0  # the sum over answerable questions of 1 / rank (top 5)

    @property
    def top1_rate(self) -> float:
        return self.top1 / max(1, self.answerable)

    @property
    def mrr(self) -> float:
        """Mean reciprocal rank of the first expected article among the first five."""
        return self.reciprocal / max(1, self.answerable)

    def add(self, kind: str, q: str, expect: list[str], got: list[str]) -> bool:
        """Score one question: `got` are the article ids offered, in order."""
        stats = self.per_kind[kind]
        stats[1] += 1
        self.no_answer_said += not got
        if kind == "no_answer":
            ok = not got
            self.no_answer_total += 1
            self.no_answer_right += ok
        else:
            ok = bool(got) and got[0] in expect
            self.answerable += 1
            self.top1 += ok
            rank = next((i for i, g in enumerate(got[:5], 1) if g in expect), None)
            self.reciprocal += 1.0 / rank if rank else 0.0
        stats[0] += ok
        if not ok:
            self.misses.append((kind, q, expect, got[:3]))
        return ok

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
        rows.append(f"top-1 {self.top1_rate:.3f}  MRR@5 {self.mrr:.3f}  no-answer precision "
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
        report.add(q["kind"], q["q"], q["expect"], [h.article.id for h in result.hits])
    return report


PAGE_LINK = re.compile(r"/articles/([\w.-]+)$")
URL = re.compile(r"https?://[^\s)<>\"]+")


def articles_linked(reply: str, by_url: dict[str, str]) -> list[str]:
    """The ids of the articles a reply links to, in order (the hotline and menus are not)."""
    found = []
    for url in URL.findall(reply):
        page = PAGE_LINK.search(url)
        article = page.group(1) if page else by_url.get(url)
        if article and article not in found:
            found.append(article)
    return found


def ask_set(runner, wechat, folder: Path, follower: str) -> Report:
    """Import a set's articles with `kb import`, ask its questions through the webhook (one
    follower each: no rate limit) and score the articles each reply links to."""
    paths = [str(p) for p in (folder / "articles.jsonl", folder / "pages", folder / "html")
             if p.exists()]
    result = runner.invoke(args=["kb", "import", *paths])
    assert result.exit_code == 0, result.output
    by_url = {a["url"]: a["id"] for a in map(json.loads, (folder / "articles.jsonl").open())
              if a.get("url")}
    report = Report()
    lines = (folder / "questions.jsonl").read_text("utf-8").splitlines()
    for n, q in enumerate(json.loads(line) for line in lines if line.strip()):
        reply = wechat.text(f"{follower}-{n}", q["q"])
        assert reply.status == 200 and reply.text, q["q"]
        report.add(q["kind"], q["q"], q.get("expect", []), articles_linked(reply.text, by_url))
    return report
