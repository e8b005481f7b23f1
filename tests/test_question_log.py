"""The question log (every follower text, hashed openid, bounded retention), the editors'
gap list, and the kb commands that act on it without a restart."""

import time

import pytest

from bot.conversation.questions import QuestionLog
from bot.platform.redis_url import open_client
from bot.services import get_services
from config.settings import SettingsError, load_settings


@pytest.fixture
def log(app):
    return get_services(app).questions


def _entries(log):
    return list(log.entries())


def test_every_text_is_logged_whatever_answers_it(wechat, log, redis_url):
    wechat.text("o-alice", "你好")
    wechat.text("o-alice", "荆州技能人才")
    wechat.text("o-bob", "明天天气怎么样")
    wechat.event("o-bob", "subscribe")  # an event is not a question
    greeting, answer, nothing = _entries(log)
    assert greeting.text == "你好" and greeting.intent != "search"
    assert (answer.intent, answer.kind, answer.articles) == ("search", "answer",
                                                             ["413c7548385390b6"])
    assert answer.coverage == 1.0 and not answer.gap
    assert (nothing.kind, nothing.articles) == ("none", [])
    assert nothing.intent.startswith("notfound:")  # the not-found reply, whoever sent it
    assert nothing.gap and greeting.who == answer.who != nothing.who
    stored = b"".join(v for _, raw in open_client(redis_url).xrange(log.log_key)
                      for v in raw.values())
    assert b"o-alice" not in stored and b"o-bob" not in stored  # only keyed hashes


def test_gaps_group_unanswered_questions_with_counts_and_last_time(wechat, runner, log):
    for openid, text in [("o-1", "明天天气怎么样"), ("o-2", "明天天气怎么样？"),
                         ("o-1", "明天 天气 怎么样"), ("o-3", "公积金贷款首付"),
                         ("o-4", "荆州技能人才")]:
        wechat.text(openid, text)
    gaps = log.gaps()
    assert [(g.key, g.count, g.people) for g in gaps] == [("明天天气怎么样", 3, 2),
                                                           ("公积金贷款首付", 1, 1)]
    assert abs(gaps[0].last_asked.timestamp() - time.time()) < 600
    out = runner.invoke(args=["kb", "gaps", "--limit", "1"])
    assert out.exit_code == 0 and "明天 天气 怎么样" in out.output and "公积金" not in out.output
    assert out.output.splitlines()[1].startswith("3\t2\t")
    later = runner.invoke(args=["kb", "gaps", "--since", "2099-01-01"])
    assert "没有未答" in later.output
    bad = runner.invoke(args=["kb", "gaps", "--since", "昨天"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_a_dismissed_gap_returns_only_when_asked_again(wechat, log):
    wechat.text("o-1", "公积金贷款首付")
    assert log.dismiss("公积金贷款首付？") == "公积金贷款首付"
    assert log.gaps() == []
    time.sleep(0.01)
    wechat.text("o-2", "公积金贷款首付")
    assert [(g.key, g.count) for g in log.gaps()] == [("公积金贷款首付", 1)]


def test_retention_drops_questions_older_than_the_setting(redis_url):
    client = open_client(redis_url)
    log = QuestionLog(client, "rt:", days=90, secret="s")
    old = time.time() - 91 * 86400
    client.xadd(log.log_key, {"t": str(old), "q": "旧问题", "kind": "none"},
                id=f"{int(old * 1000)}-0")
    kept = time.time() - 89 * 86400
    client.xadd(log.log_key, {"t": str(kept), "q": "老问题", "kind": "none"},
                id=f"{int(kept * 1000)}-0")
    assert [e.text for e in log.entries()] == ["旧问题", "老问题"]
    log.record("o", "新问题", "search", {"kind": "none"})  # every write trims by age
    assert [e.text for e in log.entries()] == ["老问题", "新问题"]


def test_the_retention_setting(tmp_path):
    assert load_settings({"BOT_DATA_DIR": str(tmp_path)}).question_log_days == 90
    env = {"BOT_DATA_DIR": str(tmp_path), "BOT_QUESTION_LOG_DAYS": "30"}
    assert load_settings(env).question_log_days == 30
    for bad in ("0", "三十", "-5"):
        with pytest.raises(SettingsError, match="BOT_QUESTION_LOG_DAYS"):
            load_settings({"BOT_DATA_DIR": str(tmp_path), "BOT_QUESTION_LOG_DAYS": bad})
    with pytest.raises(SettingsError, match="BOT_TODAY"):
        load_settings({"BOT_DATA_DIR": str(tmp_path), "BOT_TODAY": "2026-13-01"})


def test_synonyms_and_pins_from_the_cli_act_at_once(wechat, runner, log):
    assert "/articles/" not in wechat.text("o-1", "马大姐培训").text
    added = runner.invoke(args=["kb", "synonym", "add", "马大姐", "马兰花计划"])
    assert added.exit_code == 0 and "马大姐 → 马兰花计划" in added.output
    assert "马大姐\t马兰花计划" in runner.invoke(args=["kb", "synonym", "list"]).output
    assert "/articles/413c7548385390b6" in wechat.text("o-2", "马大姐培训").text
    assert runner.invoke(args=["kb", "synonym", "delete", "马大姐"]).exit_code == 0
    assert runner.invoke(args=["kb", "synonym", "delete", "马大姐"]).exit_code == 1
    assert runner.invoke(args=["kb", "synonym", "add", "马大姐"]).exit_code == 2

    wechat.text("o-3", "明天天气怎么样")
    assert runner.invoke(args=["kb", "pin", "明天天气", "no-such-id"]).exit_code == 2
    pinned = runner.invoke(args=["kb", "pin", "明天天气怎么样？", "413c7548385390b6"])
    assert pinned.exit_code == 0, pinned.output
    assert "明天天气怎么样" not in [g.key for g in log.gaps()]  # acted on: off the list
    reply = wechat.text("o-4", "明天天气怎么样")
    assert reply.text.index("/articles/413c7548385390b6") > 0
    assert runner.invoke(args=["kb", "unpin", "明天天气怎么样"]).exit_code == 0
    assert "/articles/" not in wechat.text("o-5", "明天天气怎么样").text


def test_an_unsubscribed_followers_questions_are_forgotten(wechat, app, log):
    wechat.text("o-leaving", "明天天气怎么样")
    wechat.text("o-leaving", "荆州技能人才")
    wechat.text("o-staying", "明天天气怎么样")
    assert log.forget("o-leaving") == 2
    assert [e.who for e in log.entries()] == [log.hash("o-staying")]
    wechat.text("o-leaving2", "你好")
    wechat.event("o-leaving2", "unsubscribe")  # the privacy step finds services.questions
    assert log.hash("o-leaving2") not in {e.who for e in log.entries()}


def test_a_service_answer_is_logged_with_its_id(app, wechat, log):
    from bot.faq import load_starter

    load_starter(get_services(app).faq)
    wechat.text("o-faq", "老板拖欠工资不给怎么办")
    entry = _entries(log)[-1]
    assert entry.kind == "faq" and entry.answers and entry.intent == f"faq:{entry.answers[0]}"


def test_kb_search_shows_the_year_the_place_and_the_answer(runner):
    out = runner.invoke(args=["kb", "search", "2024年荆州技能人才"]).output
    assert "年份：2024" in out and "明确答案（先回答一句）：" in out and "荆州" in out
    out = runner.invoke(args=["kb", "search", "西藏 马兰花计划"]).output
    assert "西藏没有相关文章，全国也没有" in out and "没有足够相关的文章" in out
