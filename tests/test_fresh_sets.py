"""Articles and questions written apart from the search code, asked through the webhook.

Each set was written by someone who had not read the search code or its query set: 30
articles (set 2 partly as the site's page text, set 3 partly as its HTML pages) and 90
questions of every kind, 15 of them with no answer. Like the held-out evaluation, the
articles go in with `kb import` and the questions come over HTTP as followers' messages; the
first article of each reply is scored.
The figures at the time of writing are in README ("Measured").
"""

from pathlib import Path

import pytest

from tests.search_eval import ask_set

SETS = Path(__file__).parent / "fixtures" / "fresh_sets"


@pytest.fixture
def no_samples(app_config):
    app_config["extra"] = {"kb_bundled": False}  # only the set's own articles


# Sets 1-3 were looked at after their first runs (README says what changed since) and are held
# to the bar; set 4 came after all tuning and is held to its own first figures.
FLOORS = {"set1": (0.9, 0.8), "set2": (0.9, 0.8), "set3": (0.9, 0.8), "set4": (0.9, 0.7)}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_fresh_set_imported_and_asked_through_the_webhook(no_samples, runner, wechat, name):
    report = ask_set(runner, wechat, SETS / name, "o-fresh")
    assert report.answerable == 75 and report.no_answer_total == 15
    top1, precision = FLOORS[name]
    assert report.top1_rate >= top1, "\n" + report.table()
    assert report.no_answer_precision >= precision, "\n" + report.table()
