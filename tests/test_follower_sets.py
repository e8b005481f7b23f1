"""The tuning set of follower messages (tests/fixtures/followers/set1.jsonl), through the webhook.

Every message is asked as its own follower (after its history) and checked for route,
must-contain, must-not-contain and length. The few known misses are listed with the reason,
so a fix and a regression both show. The held-out set2 is measured once, by hand (docs).
"""

from __future__ import annotations

import pytest

from bot.app import create_app
from tests.follower_eval import ask_all, load_set, prepare

# id → why the automatic check fails although the reply is what we want (or the best we can)
KNOWN_MISSES = {
    "s1-011": "第二条 after 湖北最近有啥 shows the second 湖北 article's card; the card's title "
              "and summary do not name the province",
}


@pytest.fixture(scope="module")
def asked(redis_server, tmp_path_factory):
    app = create_app({"redis_url": redis_server.url, "key_prefix": "sets:",
                      "bot_data_dir": str(tmp_path_factory.mktemp("sets")),
                      "wechat_token": "settoken", "rate_limit_per_minute": 0,
                      "ENVIRON": {}, "TESTING": True})
    return {a.row["id"]: a for a in ask_all(prepare(app), load_set("set1"))}


def test_the_set_is_the_one_described():
    rows = load_set("set1")
    assert len(rows) >= 200 and len({r["id"] for r in rows}) == len(rows)


def test_every_message_passes_its_checks(asked):
    failing = {i: a.failures for i, a in asked.items() if a.failures}
    unexpected = {i: f for i, f in failing.items() if i not in KNOWN_MISSES}
    assert not unexpected, unexpected
    fixed = sorted(set(KNOWN_MISSES) - set(failing))
    assert not fixed, f"these pass now; remove them from KNOWN_MISSES: {fixed}"
