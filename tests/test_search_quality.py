"""Search quality over the bundled articles and the query set of tests/fixtures."""

import pytest

from bot.platform.redis_url import open_client
from tests.kb_support import make_kb
from tests.search_eval import evaluate, load_queries


@pytest.fixture(scope="module")
def bundled_kb(redis_server, tmp_path_factory):

    open_client(redis_server.url).flushall()
    kb = make_kb(redis_server.url, tmp_path_factory.mktemp("kbq"), bundled=True,
                 prefix="quality:")
    kb.ensure_fresh(wait=True)
    return kb


@pytest.fixture(scope="module")
def report(bundled_kb):
    return evaluate(bundled_kb, load_queries())


def test_every_query_kind_is_present():
    kinds = {q["kind"] for q in load_queries()}
    assert {"title", "keywords", "question", "body_entity", "city", "typo", "traditional",
            "paraphrase", "no_answer"} <= kinds


def test_top1_over_answerable_queries(report):
    assert report.top1_rate >= 0.90, "\n" + report.table()


def test_no_answer_precision_and_recall(report):
    assert report.no_answer_precision >= 0.8, "\n" + report.table()
    assert report.no_answer_recall >= 0.7, "\n" + report.table()
