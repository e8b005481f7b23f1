"""Sanity checks on the bundled sample articles and the search query set (plain json only)."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "knowledge" / "data" / "articles.jsonl"
SEED_PAGE = ROOT / "knowledge" / "data" / "pages" / "000_413c7548385390b6.txt"
QUERIES = ROOT / "tests" / "fixtures" / "search_queries.jsonl"

REQUIRED = ("id", "title", "published", "source", "column", "keywords", "body")
COLUMNS = {"综合资讯", "政策解读", "技能培训", "招聘信息", "高校毕业生就业", "创业扶持", "社会保障"}
# Region names exactly as the site's navigation lists them (see the seed page).
REGIONS = set(
    "全国 安徽 北京 重庆 福建 甘肃 广东 广西 贵州 海南 河北 河南 黑龙江 湖北 湖南 吉林 江苏 江西 "
    "辽宁 内蒙古 宁夏 青海 山东 山西 陕西 上海 四川 天津 西藏 新疆 云南 浙江 香港 澳门 台湾".split()
)
PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
KIND_MINIMUMS = {
    "title": 12, "keywords": 14, "question": 16, "body_entity": 12, "city": 12,
    "typo": 10, "traditional": 10, "paraphrase": 12, "no_answer": 12,
}


def _read_jsonl(path: Path) -> list[dict]:
    """Parse every non-empty line, failing with the line number of the first bad one."""
    records = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            pytest.fail(f"{path.name}:{lineno}: not JSON ({exc})")
        assert isinstance(record, dict), f"{path.name}:{lineno}: not an object"
        records.append(record)
    return records


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return _read_jsonl(ARTICLES)


@pytest.fixture(scope="module")
def queries() -> list[dict]:
    return _read_jsonl(QUERIES)


def test_articles_have_required_fields_and_formats(articles):
    for art in articles:
        for field in REQUIRED:
            assert art.get(field), f"{art.get('id')}: missing {field}"
        assert PUBLISHED.match(art["published"]), f"{art['id']}: published {art['published']!r}"
        assert "2023" <= art["published"][:4] <= "2025", f"{art['id']}: year out of range"
        assert art["column"] in COLUMNS, f"{art['id']}: column {art['column']!r}"
        assert "region" not in art or art["region"] in REGIONS, f"{art['id']}: region"
        assert isinstance(art["keywords"], list) and 2 <= len(art["keywords"]) <= 5, art["id"]
        assert "summary" not in art, f"{art['id']}: summaries are written by the system"
        paragraphs = [p for p in art["body"].split("\n\n") if p.strip()]
        assert 4 <= len(paragraphs) <= 8, f"{art['id']}: {len(paragraphs)} paragraphs"
        assert 400 <= len(art["body"]) <= 1200, f"{art['id']}: body of {len(art['body'])} chars"


def test_articles_are_unique_and_cover_the_site(articles):
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    # Samples link to the bot's own /articles/<id> pages, never to made-up site addresses.
    assert not [a["id"] for a in articles if "url" in a or "cover" in a]
    assert len(articles) >= 48
    assert len({a["region"] for a in articles if "region" in a}) >= 15
    assert sum(1 for a in articles if "region" not in a) >= 4
    per_column = Counter(a["column"] for a in articles)
    assert set(per_column) == COLUMNS
    assert min(per_column.values()) >= 4, per_column


def test_seed_page_is_bundled():
    assert SEED_PAGE.read_text(encoding="utf-8").count("郢匠") >= 3


def test_queries_are_well_formed(queries, articles):
    known = {a["id"] for a in articles} | {"@seed"}
    for query in queries:
        assert query["q"].strip(), query
        assert query["kind"] in KIND_MINIMUMS, query
        assert isinstance(query["expect"], list), query
        assert (query["kind"] == "no_answer") == (query["expect"] == []), query
        for expected in query["expect"]:
            assert expected in known, f"{query['q']!r}: unknown id {expected}"
    assert len(queries) >= 110
    per_kind = Counter(q["kind"] for q in queries)
    for kind, minimum in KIND_MINIMUMS.items():
        assert per_kind[kind] >= minimum, f"{kind}: {per_kind[kind]} < {minimum}"
    texts = [q["q"] for q in queries]
    assert len(texts) == len(set(texts)), [t for t, n in Counter(texts).items() if n > 1]
    assert sum(1 for q in queries if "@seed" in q["expect"]) >= 8
