"""Seeded, deterministic synthetic articles at any size, recombined from the bundled articles."""

from __future__ import annotations

import hashlib
import json
import os
import random
from datetime import date, timedelta
from pathlib import Path

from bench.places import Place, load_places
from bench.vocabulary import CITY, PROV, TOPIC, Vocabulary, build_vocabulary, read_articles

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "knowledge" / "data" / "articles.jsonl"
OUT = ROOT / "bench" / "out"
GENERATOR_VERSION = "2"  # bump when the output for a given seed changes

FIRST_DAY = date(2019, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days + 1
JOINERS = (" ", " ——", "：", " ")
SENTENCES_PER_PARAGRAPH = (1, 2, 2, 2, 3, 3, 4)  # as in the bundled articles


def _pick_place(rng: random.Random) -> tuple[str, str, str]:
    """(region, province, city) for one article: mostly cities, some provinces, some national
    news (region 全国, whose body still names a real place)."""
    provinces, cities, counties = load_places()
    roll = rng.random()
    if roll < 0.18:
        province = rng.choice(sorted(set(provinces.values())))
        return ("全国" if roll < 0.08 else province), province, ""
    place: Place = rng.choice(cities if roll < 0.8 else counties)
    return place.province, place.province, rng.choice((place.short, place.full))


def _fill(template: str, province: str, city: str, topics: list[str]) -> str:
    """Put the article's places into a template's slots, and its topics in turn."""
    text = template.replace(PROV + CITY, province + city if city else province)
    text = text.replace(PROV, province).replace(CITY, city or province)
    if city:
        text = text.replace(city + city, city)  # two city slots in a row (荆州市公安县)
    parts = text.split(TOPIC)
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append(topics[i % len(topics)] + part)
    return "".join(out)


def _title(rng: random.Random, vocab: Vocabulary, column: str, places: tuple[str, str]) -> str:
    """One or two real title clauses of the column, with a place at the front when none is."""
    clauses = vocab.pool("clauses", column)
    parts = rng.sample(clauses, k=2 if len(clauses) > 1 and rng.random() < 0.6 else 1)
    title = rng.choice(JOINERS).join(parts) if len(parts) == 2 else parts[0]
    if PROV not in title and CITY not in title:
        title = (PROV + CITY if places[1] else PROV) + title
    return title


def _body(rng: random.Random, vocab: Vocabulary, column: str) -> list[str]:
    """4-8 paragraphs of the column's sentences, about 400-1200 characters (as templates)."""
    pool = vocab.pool("sentences", column)
    # Without replacement within an article, so no sentence repeats in one body.
    sentences = iter(rng.sample(pool, k=len(pool)) * 2)
    target = rng.randint(400, 900)
    paragraphs: list[str] = []
    size = 0
    while len(paragraphs) < 8 and (size < target or len(paragraphs) < 4):
        if vocab.headings and paragraphs and rng.random() < 0.12:
            paragraph = rng.choice(vocab.headings)
        else:
            paragraph = "".join(next(sentences) for _ in range(rng.choice(SENTENCES_PER_PARAGRAPH)))
        if size + len(paragraph) > 1200 and len(paragraphs) >= 4:
            break
        paragraphs.append(paragraph)
        size += len(paragraph)
    while size < 400:  # eight short paragraphs can still fall under the bundled minimum
        extra = next(sentences)
        paragraphs[-1] += extra
        size += len(extra)
    return paragraphs


def make_article(vocab: Vocabulary, seed: int, index: int) -> dict:
    """Article number `index` of the corpus for `seed`; independent of the corpus size."""
    rng = random.Random(f"{seed}:{index}")
    column = rng.choice(vocab.columns)
    region, province, city = _pick_place(rng)
    national = region == "全国"
    topic_pool = vocab.pool("topics", column) or ["就业服务"]
    topics = rng.sample(topic_pool, k=min(3, len(topic_pool)))
    title_t = _title(rng, vocab, column, (province, city))
    body_t = _body(rng, vocab, column)
    # National news names no place in its title or keywords; its body may still name one.
    keyword_pool = [k for k in vocab.pool("keywords", column)
                    if not national or (PROV not in k and CITY not in k)]
    keyword_ts = rng.sample(keyword_pool, k=min(3, len(keyword_pool)))
    keywords = [_fill(k, province, city, topics) for k in keyword_ts]
    keywords = list(dict.fromkeys(topics[:1] + keywords))[:5]
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    clock = f"{rng.randint(8, 20):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    art_id = f"bench-{index:06d}"
    title_place = ("全国", "") if national else (province, city)
    article = {
        "id": art_id,
        "title": _fill(title_t, *title_place, topics),
        "url": f"{vocab.url_base}/bench/{art_id}.html",
        "published": f"{day.isoformat()} {clock}",
        "source": rng.choice(vocab.sources),
        "column": column,
        "region": region,
        "keywords": keywords,
        "body": "\n\n".join(_fill(p, province, city, topics) for p in body_t),
    }
    if vocab.has_covers and rng.random() < 0.3:
        article["cover"] = f"{vocab.url_base}/bench/{art_id}.jpg"
    return article


def generate(vocab: Vocabulary, size: int, seed: int = 7) -> list[dict]:
    """The first `size` articles of the corpus for `seed`."""
    return [make_article(vocab, seed, i) for i in range(size)]


def source_fingerprint(path: Path = BUNDLED) -> str:
    """A short hash of the source articles and the generator version, naming cached corpora."""
    digest = hashlib.sha1(GENERATOR_VERSION.encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def cached_corpus(size: int, seed: int = 7, source: Path = BUNDLED, out: Path = OUT) -> Path:
    """Path of the JSONL corpus of `size` articles, generated once and reused while unchanged."""
    path = out / f"corpus-{size}-s{seed}-{source_fingerprint(source)}.jsonl"
    if path.exists():
        return path
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(f"corpus-{size}-s{seed}-*.jsonl"):
        stale.unlink()  # drawn from older bundled articles or an older generator
    vocab = build_vocabulary(read_articles(source))
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with tmp.open("w", encoding="utf-8") as fh:
        for i in range(size):
            fh.write(json.dumps(make_article(vocab, seed, i), ensure_ascii=False) + "\n")
    tmp.replace(path)  # atomic, so a killed run never leaves half a corpus behind
    return path
