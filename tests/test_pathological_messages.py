"""Crafted costly messages get a polite reply (issue 11, finding 5); `make bench` times them
against an ordinary question (bench/pathological.py, the "costliest crafted message" row)."""

import pytest

from bench.pathological import NORMAL, messages
from handlers.phrases import core
from knowledge import typofix

CRAFTED = messages()


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_each_crafted_message_gets_a_short_polite_reply(wechat, name):
    reply = wechat.text("o_crafty01", CRAFTED[name])
    assert reply.status == 200
    assert reply.reply["MsgType"] == "text"
    assert len(reply.text.encode("utf-8")) <= 2048
    assert CRAFTED[name][:60] not in reply.text  # never the whole thing quoted back


def test_the_ordinary_question_still_finds_articles(wechat):
    assert "/articles/" in wechat.text("o_crafty02", NORMAL).text or "http" in \
        wechat.text("o_crafty03", NORMAL).text


def test_filler_removal_reads_each_end_once():
    assert core("请问" * 2500 + "最新" + "吗" * 5000) == "最新"
    assert core("吗" * 5000) == "吗"  # a message that is only a filler keeps one


def test_typo_fixing_has_a_bounded_number_of_lookups(monkeypatch):
    calls = []

    class Counting:
        def correct(self, window):
            calls.append(window)
            return None

    class Tok:
        def cut(self, text):
            return list(text)

        def known(self, window):
            return False

    typofix.fix_phrases(CRAFTED["typo run"][:200], Tok(), lambda w: False, Counting(), {})
    assert 0 < len(calls) <= typofix.FIX_TRIES
