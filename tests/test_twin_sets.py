"""Near-twins (the same programme or event in other years and cities) and distractors,
written apart from the ranking code, imported with `kb import` and asked through the webhook.

Set 1 was used to tune the ranking; set 2 was measured once, after all tuning, and is held to
that first figure. Questions naming 今年/去年 are asked on the set's own "today" (BOT_TODAY).
README ("Measured") has the figures and the command.
"""

import json
from pathlib import Path

import pytest

from tests.search_eval import ask_set

SETS = Path(__file__).parent / "fixtures" / "twin_sets"
# top-1, MRR@5, no-answer precision: set 1 measured 1.000 / 1.000 / 1.000 after tuning,
# set 2 the same on its one measurement (docs/answers.md); held a little below.
FLOORS = {"set1": (0.95, 0.95, 0.9), "set2": (0.95, 0.95, 0.9)}


def _today(folder: Path) -> str:
    lines = (folder / "questions.jsonl").read_text("utf-8").splitlines()
    return next(q["today"] for q in map(json.loads, lines) if q.get("today"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_twin_set_imported_and_asked_through_the_webhook(app_config, request, name):
    folder = SETS / name
    app_config["extra"] = {"kb_bundled": False}  # only the set's own articles
    app_config["bot_today"] = _today(folder)
    runner, wechat = request.getfixturevalue("runner"), request.getfixturevalue("wechat")
    report = ask_set(runner, wechat, folder, "o-twin")
    assert report.answerable >= 75 and report.no_answer_total >= 15
    top1, mrr, precision = FLOORS[name]
    assert report.top1_rate >= top1, "\n" + report.table()
    assert report.mrr >= mrr, "\n" + report.table()
    assert report.no_answer_precision >= precision, "\n" + report.table()
