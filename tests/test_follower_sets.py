"""Follower message sets (tests/fixtures/followers/set*.jsonl), through the webhook.

Every message is asked as its own follower (after its history) and checked for route,
must-contain, must-not-contain and length. On set1 the few known misses are listed with the
reason, so a fix and a regression both show. Sets 2 and 3 were tuned on after their first
measurement (docs/followers.md); they are held to the share of messages that passed when
tuning stopped. Sets 4, 6 and 8 were tuned on the same way (rounds 3 to 5). Sets 5, 7 and 9 to 13,
the held-out sets of rounds 3 to 9, are measured once by hand and never tested here (only
their shape).
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
# The share of messages passing every automatic check, as reached when tuning stopped
# (set2: 133 of 137, set3: 220 of 235, set4: 134 of 165 after round 3 tuned on it,
# set6: 118 of 150 after round 4, set8: 127 of 150 after round 5, set14: 139 of 150 after
# round 10, set27: 95 of 120 after round 21); a change that loses more than that fails.
FLOORS = {"set2": 0.96, "set3": 0.93, "set4": 0.81, "set6": 0.78, "set8": 0.84, "set14": 0.92,
          "set27": 0.79}


@pytest.fixture(scope="module")
def app(redis_server, tmp_path_factory):
    return create_app({"redis_url": redis_server.url, "key_prefix": "sets:",
                       "bot_data_dir": str(tmp_path_factory.mktemp("sets")),
                       "wechat_token": "settoken", "rate_limit_per_minute": 0,
                       "ENVIRON": {}, "TESTING": True})


@pytest.fixture(scope="module")
def asked(app):
    wechat = prepare(app)
    return {name: {a.row["id"]: a for a in ask_all(wechat, load_set(name))}
            for name in ("set1", *FLOORS)}


@pytest.mark.parametrize("name", ["set1", "set2", "set3", "set4", "set5", "set6", "set7",
                                  "set8", "set9", "set10", "set11", "set12", "set13", "set14",
                                  "set15", "set16", "set17", "set18", "set19",
                                  "set20", "set21", "set22",
                                  "set23", "set24", "set25", "set26", "set27",
                                  "set28", "set29", "set30", "set31", "set32", "set33", "set34",
                                  "set35", "set36", "set37",
                                  "set38", "set39", "set40", "set41", "set42", "set43",
                                  "set44"])
def test_the_sets_are_the_ones_described(name):
    rows = load_set(name)
    assert len(rows) >= 120 and len({r["id"] for r in rows}) == len(rows)
    assert all(r["expect"]["route"] and r["text"] for r in rows)


def test_every_message_of_the_tuning_set_passes_its_checks(asked):
    failing = {i: a.failures for i, a in asked["set1"].items() if a.failures}
    unexpected = {i: f for i, f in failing.items() if i not in KNOWN_MISSES}
    assert not unexpected, unexpected
    fixed = sorted(set(KNOWN_MISSES) - set(failing))
    assert not fixed, f"these pass now; remove them from KNOWN_MISSES: {fixed}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_later_sets_pass_as_often_as_when_tuning_stopped(asked, name):
    results = asked[name]
    failing = {i: (a.row["text"], a.route, a.failures) for i, a in results.items() if a.failures}
    passed = 1 - len(failing) / len(results)
    assert passed >= FLOORS[name], f"{passed:.3f} < {FLOORS[name]}: {failing}"


def test_short_messages_that_ask_nothing_get_a_social_line(asked):
    """喂 / 早 / 行 我试试: never a search, never 'nothing found' (the safe default)."""
    short = [a for rows in asked.values() for a in rows.values()
             if a.row["category"] == "chitchat" and len(a.row["text"]) <= 6]
    assert len(short) >= 20
    bad = {a.row["text"]: a.route for a in short
           if "没有找到" in a.reply or a.route.startswith(("search", "notfound"))}
    assert not bad, bad
