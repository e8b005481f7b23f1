"""Service answers: entries, the Redis store, matching, the starter set and the `faq` CLI."""

from __future__ import annotations

import json

import pytest

from bot.faq import STARTER, load_starter
from bot.platform.redis_url import open_client
from bot.services import get_services
from knowledge.faq import MAX_ANSWER, FaqEntry, FaqError, read_entries
from knowledge.faq_store import FaqStore
from tests.conftest import FIXTURES

FAQ_FIXTURES = FIXTURES / "faq"


@pytest.fixture
def store(redis_url):
    client = open_client(redis_url)
    client.flushdb()
    yield FaqStore(client, "t:")
    client.close()


def entry(**fields) -> FaqEntry:
    data = {"id": "e1", "question": "失业金怎么领", "answer": "满一年可以领。"} | fields
    return FaqEntry.from_dict(data)


@pytest.mark.parametrize(("fields", "bad"), [
    ({"id": "Has Space"}, "id"), ({"answer": ""}, "answer"),
    ({"answer": "字" * (MAX_ANSWER + 1)}, "answer"), ({"similar": "ok", "words": [1]}, "words"),
    ({"colour": "red"}, "colour"), ({"priority": "high"}, "priority"),
])
def test_bad_entries_name_the_field(fields, bad):
    with pytest.raises(FaqError) as err:
        entry(**fields)
    assert err.value.field == bad


def test_store_add_get_list_delete_and_version(store):
    assert store.count() == 0 and store.version() == 0
    assert store.add(entry()) is True
    assert store.add(entry(answer="改过的回答。")) is False  # replaced, not added
    assert store.get("e1").answer == "改过的回答。" and [e.id for e in store.list()] == ["e1"]
    assert store.version() == 2
    assert store.delete("e1") is True and store.delete("e1") is False
    assert store.get("e1") is None and store.count() == 0


def test_match_by_words_and_by_similar_questions(store):
    store.add_many([entry(id="benefit", similar=("失业保险金在哪申请",), words=("失业金",)),
                    entry(id="injury", question="工伤怎么认定", words=("工伤|受伤",))])
    assert store.match("请问失业今咋领啊")[0].entry.id == "benefit"  # typo table + words
    assert store.match("失业保险金在哪儿申请呢")[0].entry.id == "benefit"  # a similar question
    assert store.match("干活受伤了")[0].entry.id == "injury"
    assert store.match("明天天气怎么样") == []


def test_the_matcher_is_rebuilt_only_when_the_store_changes(store):
    store.add(entry(words=("失业金",)))
    store.match("失业金")
    compiled = store._compiled
    store.match("失业金怎么领")
    assert store._compiled is compiled
    store.add(entry(id="e2", question="工伤", answer="认定。", words=("工伤",)))
    assert store.match("工伤")[0].entry.id == "e2" and store._compiled is not compiled


def test_priority_breaks_near_ties(store):
    store.add_many([entry(id="plain", words=("辞退",)),
                    entry(id="urgent", words=("辞退",), priority=4)])
    assert store.match("辞退")[0].entry.id == "urgent"


def test_reading_files_reports_each_bad_record():
    good = read_entries(FAQ_FIXTURES / "good.jsonl")
    assert [e.id for e in good.entries] == ["night-shift", "wage-arrears"] and not good.errors
    bad = read_entries(FAQ_FIXTURES / "bad.jsonl")
    assert [e.id for e in bad.entries] == ["ok-entry"]
    assert len(bad.errors) == 4
    assert any("bad.jsonl:2: 字段 id" in e for e in bad.errors)
    assert any("bad.jsonl:4: JSON" in e for e in bad.errors)


def test_the_starter_set_is_valid_and_covers_the_topics():
    loaded = read_entries(STARTER)
    assert not loaded.errors
    by_id = {e.id: e for e in loaded.entries}
    for e in loaded.entries:
        assert len(e.answer) <= MAX_ANSWER and e.confirm and e.words
    wages = by_id["wage-arrears"].answer
    assert "12333" in wages and "劳动保障监察" in wages and "全国根治欠薪线索反映平台" in wages
    assert "仲裁" in wages and "一年" in wages
    injury = by_id["work-injury"].answer
    assert all(w in injury for w in ("工伤认定", "30日", "1年", "工伤保险基金"))
    dismissal = by_id["dismissal"].answer
    assert "N" in dismissal and "2N" in dismissal and "N+1" in dismissal
    assert "第四十条" in dismissal and "第四十一条" in dismissal  # N+1 is not for layoffs
    # the employer's share moves at 12% of the base, not in full
    assert "12%" in by_id["pension-transfer"].answer
    # the statute's own boundaries and conditions (劳动合同法 19, 41; 工伤保险条例 14)
    assert "满1年不满3年" in by_id["probation"].answer and "10%" in dismissal
    assert "由于工作原因" in injury
    # overtime: an hour a day, three only for special reasons (劳动法 41)
    assert "每天不超过1小时" in by_id["overtime"].answer
    assert "80%" in by_id["probation"].answer and "3天" in by_id["probation"].answer
    assert "报警" in by_id["job-fraud"].answer and "押金" in by_id["job-fraud"].answer
    assert "失业登记" in by_id["unemployment-benefit"].answer
    assert "灵活就业" in by_id["flexible-insurance"].answer
    assert "档案" in by_id["graduate-files"].answer and "报到证" in by_id["report-card"].answer
    jobs = by_id["job-seeking"]
    assert jobs.asks_place and "不发布具体招聘岗位" in jobs.answer
    assert all(w in jobs.answer for w in ("招聘会", "零工市场", "人社"))


def test_the_starter_set_loads_into_an_empty_store_only(store):
    assert load_starter(store) == len(read_entries(STARTER).entries)
    store.delete("job-seeking")
    assert load_starter(store) == 0  # staff's edits are never overwritten


def test_make_run_loads_the_starter_set_once(redis_url):
    from bot.devtools.server import load_dev_answers

    client = open_client(redis_url)
    assert load_dev_answers(client, "dev:") == len(read_entries(STARTER).entries)
    assert load_dev_answers(client, "dev:") == 0
    assert FaqStore(client, "dev:").get("wage-arrears") is not None
    client.close()


def test_wsgi_app_starts_without_service_answers(app):
    assert get_services(app).faq.count() == 0  # only `make run` loads the starter set


def test_cli_add_show_list_delete(runner, app):
    result = runner.invoke(args=["faq", "add", "--id", "night-shift", "--question", "夜班有补贴吗",
                                 "--answer", "看合同和单位制度。", "--similar", "上夜班多给钱吗",
                                 "--confirm", "12333"])
    assert result.exit_code == 0 and "已添加 night-shift" in result.output
    shown = json.loads(runner.invoke(args=["faq", "show", "night-shift"]).output)
    assert shown["similar"] == ["上夜班多给钱吗"] and shown["confirm"] == "12333"
    assert "夜班有补贴吗" in runner.invoke(args=["faq", "list"]).output
    assert runner.invoke(args=["faq", "delete", "night-shift"]).exit_code == 0
    missing = runner.invoke(args=["faq", "show", "night-shift"])
    assert missing.exit_code != 0 and "没有 id 为 night-shift" in missing.output


def test_cli_add_refuses_a_bad_entry(runner, app):
    result = runner.invoke(args=["faq", "add", "--id", "x", "--question", "问",
                                 "--answer", "长" * 301])
    assert result.exit_code != 0 and "answer" in result.output
    assert get_services(app).faq.count() == 0


def test_cli_import_export_round_trip(runner, app, tmp_path):
    result = runner.invoke(args=["faq", "import", str(FAQ_FIXTURES / "good.jsonl"),
                                 str(STARTER)])
    assert result.exit_code == 0 and "新增" in result.output
    out = tmp_path / "faq.jsonl"
    assert runner.invoke(args=["faq", "export", "-o", str(out)]).exit_code == 0
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert len(lines) == get_services(app).faq.count()
    assert {"night-shift", "wage-arrears", "job-seeking"} <= {x["id"] for x in lines}
    again = runner.invoke(args=["faq", "import", str(out)])
    assert "新增 0 条" in again.output


def test_cli_import_of_a_bad_file_imports_nothing(runner, app):
    result = runner.invoke(args=["faq", "import", str(FAQ_FIXTURES / "good.jsonl"),
                                 str(FAQ_FIXTURES / "bad.jsonl")])
    assert result.exit_code != 0 and "什么都没有导入" in result.output
    assert get_services(app).faq.count() == 0


def test_an_answer_links_our_own_article_page_on_the_public_address(redis_url, tmp_path):
    from handlers import faq as faq_handler
    from handlers.context import Context, Session
    from knowledge import Article
    from tests.kb_support import make_kb, record

    kb = make_kb(redis_url, tmp_path)
    kb.upsert([Article.from_dict(record(1, url=""))])
    ctx = Context(openid="o", text="失业金怎么领", session=Session(), kb=kb,
                  base_url="https://bot.example.cn/")
    text = faq_handler.answer(ctx, entry(articles=["t-1"]), None).content
    assert 'href="https://bot.example.cn/articles/t-1"' in text
    last = ctx.session.last_topic()
    assert last["kind"] == "faq" and last["faq"] == "e1" and last["ids"] == ["t-1"]
