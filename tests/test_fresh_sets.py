"""Articles and questions written apart from the search code, asked through the webhook.

Each set was written by someone who had not read the search code or its query set: 30
articles (set 2 partly as the site's page text, set 3 partly as its HTML pages) and 90
questions of every kind, 15 of them with no answer. Like the held-out evaluation, the
articles go in with `kb import` and the questions come over HTTP as followers' messages; the
first article of each reply is scored.
The floors below hold each set to its bar; docs/search.md says what is still missed.
"""

import json
import re
from pathlib import Path

import pytest

from tests.search_eval import Report

SETS = Path(__file__).parent / "fixtures" / "fresh_sets"
PAGE_LINK = re.compile(r"/articles/([\w.-]+)$")
URL = re.compile(r"https?://[^\s)<>\"]+")


@pytest.fixture
def no_samples(app_config):
    app_config["kb_bundled"] = False  # only the set's own articles


def _first_article(reply: str, by_url: dict[str, str]) -> str | None:
    """The id of the first article a reply links to (the hotline and menus are not)."""
    for url in URL.findall(reply):
        page = PAGE_LINK.search(url)
        found = page.group(1) if page else by_url.get(url)
        if found:
            return found
    return None


# Sets 1-3 were looked at after their first runs (the commit history says what changed) and
# are held to the bar; set 4 came after all tuning and is held to its own first figures.
FLOORS = {"set1": (0.9, 0.8), "set2": (0.9, 0.8), "set3": (0.9, 0.8), "set4": (0.9, 0.7)}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_fresh_set_imported_and_asked_through_the_webhook(no_samples, runner, wechat, name):
    folder = SETS / name
    paths = [str(p) for p in (folder / "articles.jsonl", folder / "pages", folder / "html")
             if p.exists()]
    result = runner.invoke(args=["kb", "import", *paths])
    assert result.exit_code == 0, result.output
    assert "新增 30 篇" in result.output
    by_url = {a["url"]: a["id"] for a in map(json.loads, (folder / "articles.jsonl").open())}
    report = Report()
    for n, line in enumerate((folder / "questions.jsonl").read_text("utf-8").splitlines()):
        q = json.loads(line)
        reply = wechat.text(f"o-fresh-{n}", q["q"])  # one follower each: no rate limit
        assert reply.status == 200 and reply.text, q["q"]
        got = _first_article(reply.text, by_url)
        stats = report.per_kind[q["kind"]]
        stats[1] += 1
        report.no_answer_said += got is None
        if q["kind"] == "no_answer":
            ok = got is None
            report.no_answer_total += 1
            report.no_answer_right += ok
        else:
            ok = got in q["expect"]
            report.answerable += 1
            report.top1 += ok
        stats[0] += ok
        if not ok:
            report.misses.append((q["kind"], q["q"], q["expect"], [got]))
    assert report.answerable == 75 and report.no_answer_total == 15
    top1, precision = FLOORS[name]
    assert report.top1_rate >= top1, "\n" + report.table()
    assert report.no_answer_precision >= precision, "\n" + report.table()
