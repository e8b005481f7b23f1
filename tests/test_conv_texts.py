"""Every reply text and intent word list an editor may change still works for WeChat."""

from __future__ import annotations

import string
import tomllib

import pytest

from config.texts import CONFIG_DIR, intent_words, reply
from handlers.matching import squash

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
