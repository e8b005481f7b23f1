"""The bundled articles taken apart into templated pieces: title clauses, sentences, keywords."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bench.places import place_names

# Slot markers (private-use characters, so no article text can contain them).
PROV, CITY, TOPIC = "\ue000", "\ue001", "\ue002"
SLOTS = {"prov": PROV, "city": CITY, "topic": TOPIC}

SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]+[”’」』]?")
TITLE_SEPARATORS = re.compile(r"\s*(?:——|—|：|:|\s)\s*")


@dataclass
class Vocabulary:
    """Pools of templated pieces, per column, drawn from real articles."""

    clauses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sentences: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    keywords: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    topics: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    headings: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    url_base: str = "https://www.jiuyeqiao.cn"
    has_covers: bool = False

    @property
    def columns(self) -> list[str]:
        """Every column that has title clauses and sentences, in a stable order."""
        return sorted(c for c in self.clauses if self.sentences.get(c))

    def pool(self, kind: str, column: str) -> list[str]:
        """The column's pool of `kind`, or every column's when the column's own is thin."""
        own = getattr(self, kind).get(column, [])
        if len(own) >= 4:
            return own
        merged = getattr(self, kind)
        return [item for col in sorted(merged) for item in merged[col]]


class Slotter:
    """Replaces place names and given keywords in a text by slot markers."""

    def __init__(self) -> None:
        names = place_names()
        # Longest names first so 荆州市 wins over 荆州, and 湖北荆州 becomes two slots.
        self.places = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        self.kinds = names

    def __call__(self, text: str, topics: list[str]) -> str:
        words = sorted((t for t in topics if len(t) >= 2), key=len, reverse=True)
        if words:
            text = re.sub("|".join(map(re.escape, words)), TOPIC, text)
        return self.places.sub(lambda m: SLOTS[self.kinds[m.group(0)]], text)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, keeping a quotation that spans several sentences whole."""
    out: list[str] = []
    buffer = ""
    for piece in SENTENCE.findall(paragraph):
        buffer += piece
        if buffer.count("“") <= buffer.count("”"):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out


def read_articles(path: Path) -> list[dict]:
    """The article records of a JSONL file, skipping blank lines."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def build_vocabulary(articles: list[dict]) -> Vocabulary:
    """Take `articles` apart into the pools the generator recombines."""
    if not articles:
        raise ValueError("no source articles to draw a vocabulary from")
    slot = Slotter()
    vocab = Vocabulary()
    hosts: set[str] = set()
    for art in sorted(articles, key=lambda a: a["id"]):
        column = art.get("column") or "综合资讯"
        # Keywords naming a place become templates (湖北荆州 -> prov+city); the rest are topics.
        plain_keywords = []
        for kw in (k for k in art.get("keywords", []) if k):
            templated = slot(kw, [])
            vocab.keywords[column].append(templated)
            if PROV not in templated and CITY not in templated:
                vocab.topics[column].append(kw)
                plain_keywords.append(kw)
        for clause in TITLE_SEPARATORS.split(art["title"]):
            if len(clause) >= 4:
                vocab.clauses[column].append(slot(clause, plain_keywords))
        for paragraph in art["body"].split("\n\n"):
            paragraph = paragraph.strip()
            if not paragraph:
                continue
            if len(paragraph) <= 30 and not SENTENCE.search(paragraph):
                vocab.headings.append(slot(paragraph, plain_keywords))
                continue
            for sentence in split_sentences(paragraph):
                if len(sentence) >= 8:
                    vocab.sentences[column].append(slot(sentence.strip(), plain_keywords))
        if art.get("source"):
            vocab.sources.append(art["source"])
        if art.get("url"):
            parts = urlsplit(art["url"])
            hosts.add(f"{parts.scheme}://{parts.netloc}")
        vocab.has_covers = vocab.has_covers or bool(art.get("cover"))
    for pools in (vocab.clauses, vocab.sentences, vocab.keywords, vocab.topics):
        for column in pools:
            pools[column] = sorted(set(pools[column]))
    vocab.headings = sorted(set(vocab.headings))
    vocab.sources = sorted(set(vocab.sources)) or ["就业桥"]
    if hosts:
        vocab.url_base = sorted(hosts)[0]
    return vocab
