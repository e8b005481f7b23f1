"""Synthetic queries drawn from the synthetic articles, each with the article it aims at."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from bench.vocabulary import TITLE_SEPARATORS

ROOT = Path(__file__).resolve().parent.parent
QUERY_SET = ROOT / "tests" / "fixtures" / "search_queries.jsonl"
QUOTED = re.compile(r"“([^”]{2,12})”")
# Question shapes used when the query set has none to borrow ({place}, {topic} are slots).
DEFAULT_QUESTIONS = ("{place}有什么{topic}", "{place}{topic}怎么申请", "{topic}有哪些政策")


@dataclass(frozen=True)
class Query:
    """One search query and the article it was drawn from."""

    q: str
    kind: str
    target: str


def load_query_set(path: Path = QUERY_SET) -> list[dict]:
    """The tests' query set: {"q", "kind", "expect"} per line."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def question_shapes(path: Path = QUERY_SET) -> tuple[str, ...]:
    """Question shapes: the query set's questions with their leading words cut to slots."""
    if not path.exists():
        return DEFAULT_QUESTIONS
    shapes = set()
    for record in load_query_set(path):
        q = record["q"]
        # Keep only the question tail (怎么申请, 有哪些…) of each real question.
        match = re.search(r"(怎么|如何|有什么|有哪些|有没有|哪里|什么时候|能不能|可以)\S*$", q)
        if record["kind"] == "question" and match:
            shapes.add("{place}{topic}" + match.group(0))
    return tuple(sorted(shapes)) or DEFAULT_QUESTIONS


def _place(article: dict) -> str:
    """The place a follower would name: the city of a place keyword (湖北荆州 -> 荆州), else the
    region."""
    region = article.get("region") or ""
    if region == "全国":
        return ""
    for keyword in article["keywords"]:
        if region and keyword.startswith(region) and len(keyword) > len(region):
            return keyword[len(region):]
    return region


def draw_query(rng: random.Random, article: dict, shapes: tuple[str, ...]) -> Query:
    """One query of a random kind aimed at `article`."""
    kind = rng.choice(("title", "keywords", "question", "body_entity"))
    topic = article["keywords"][0] if article["keywords"] else article["column"]
    if kind == "title":
        clauses = [c for c in TITLE_SEPARATORS.split(article["title"]) if len(c) >= 4]
        q = rng.choice(clauses) if clauses and rng.random() < 0.5 else article["title"]
    elif kind == "keywords":
        q = " ".join(rng.sample(article["keywords"], k=min(2, len(article["keywords"]))))
    elif kind == "question":
        q = rng.choice(shapes).format(place=_place(article), topic=topic)
    else:
        quoted = QUOTED.findall(article["body"])
        if quoted:
            q = rng.choice(quoted)
        else:
            start = rng.randrange(max(1, len(article["body"]) - 10))
            q = article["body"][start : start + rng.randint(4, 8)].strip()
    return Query(q=q.strip() or article["title"], kind=kind, target=article["id"])


def synthetic_queries(articles: list[dict], count: int, seed: int = 11) -> list[Query]:
    """`count` queries over `articles`, seeded, each aimed at a random article."""
    rng = random.Random(f"queries:{seed}:{len(articles)}")
    shapes = question_shapes()
    return [draw_query(rng, rng.choice(articles), shapes) for _ in range(count)]
