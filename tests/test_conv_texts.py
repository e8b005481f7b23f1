"""Every reply text and intent word list an editor may change still works for WeChat."""

from __future__ import annotations

import string
import tomllib

import pytest

from config.texts import CONFIG_DIR, fixed_answers, intent_words, reply
from handlers.context import Context, Session
from handlers.fixed import FixedAnswer, answers
from handlers.matching import squash
from tests.support.messages import message

REPLIES = tomllib.loads((CONFIG_DIR / "replies.toml").read_text(encoding="utf-8"))
LONGEST_VALUE = "黑龙江" * 10  # longer than any region, query (cut to 30) or number we fill in


@pytest.mark.parametrize("key", sorted(REPLIES))
def test_every_reply_fits_a_text_message(key):
    fields = {name for _, name, _, _ in string.Formatter().parse(REPLIES[key]) if name}
    text = reply(key, **{name: LONGEST_VALUE for name in fields})
    assert text and len(text.encode("utf-8")) <= 2048


@pytest.mark.parametrize(
    "intent", ["cancel", "more", "previous", "latest", "unsubscribe", "hotline", "greeting"]
)
def test_intent_words_survive_squashing(intent):
    # a word that squashes to nothing (only punctuation) could never match a message
    assert all(squash(w) for w in intent_words(intent) if w not in ("?", "？"))


def test_paging_and_cancel_words_do_not_overlap():
    groups = [set(map(squash, intent_words(i))) for i in ("cancel", "more", "previous")]
    assert not (groups[0] & groups[1] or groups[0] & groups[2] or groups[1] & groups[2])


def test_every_fixed_answer_row_names_real_words_and_a_real_text():
    rows = fixed_answers()
    assert [r["intent"] for r in rows] == [h.name for h in answers()]
    for row in rows:
        assert intent_words(row["intent"]) and row["reply"] in REPLIES


def test_a_fixed_answer_row_with_an_unknown_match_is_refused():
    with pytest.raises(ValueError, match="match"):
        FixedAnswer("greeting", "fuzzy", "greeting")


def test_a_fixed_answer_answers_with_its_text_and_the_hotline():
    row = FixedAnswer("hotline", "contained", "hotline")
    ctx = Context(openid="o", text="客服电话多少", session=Session(), hotline="400-000-0000")
    msg = message("text", Content=ctx.text)
    assert row.check(msg, ctx) and "400-000-0000" in row.handle(msg, ctx, "客服").content
    ctx.text = "投诉建议：热线打不通"
    assert row.check(message("text", Content=ctx.text), ctx) is None
