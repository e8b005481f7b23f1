"""`flask feedback list|export|done` against a real Redis."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta

from bot.platform.china_time import CHINA
from bot.services import get_services

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=CHINA)


def seed(app):
    store = get_services(app).feedback
    a = store.submit("oA", "m1", '页面"打不开"，请修复\n第二行', None, now=T0)
    b = store.submit("oB", "m2", "=HYPERLINK(\"http://evil\")", {
        "type": "image", "media_id": "MID", "pic_url": "http://mmbiz.qpic.cn/2"},
        now=T0 + timedelta(days=1))
    c = store.submit("oC", "m3", "希望增加荆州的招聘会", None, now=T0 + timedelta(days=2))
    store.add_reply(a.id, "已修复，谢谢！", now=T0 + timedelta(hours=2))
    return a, b, c


def test_list_shows_tickets_newest_first_and_filters(app, runner):
    a, b, c = seed(app)
    out = runner.invoke(args=["feedback", "list"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert c.ticket in lines[0] and a.ticket in lines[2]
    assert "[image]" in lines[1] and "共 3 条" in lines[-1]
    replied = runner.invoke(args=["feedback", "list", "--status", "replied"]).output
    assert a.ticket in replied and c.ticket not in replied
    window = runner.invoke(args=["feedback", "list", "--since", "2026-11-21",
                                 "--until", "2026-11-21"]).output
    assert b.ticket in window and a.ticket not in window and c.ticket not in window


def test_bad_dates_and_statuses_are_refused_with_a_reason(app, runner):
    out = runner.invoke(args=["feedback", "list", "--since", "上周"])
    assert out.exit_code == 2 and "YYYY-MM-DD" in out.output
    assert runner.invoke(args=["feedback", "list", "--status", "closed"]).exit_code == 2


def test_csv_export_opens_in_excel(app, runner, tmp_path):
    a, b, c = seed(app)
    path = tmp_path / "feedback.csv"
    out = runner.invoke(args=["feedback", "export", "--format", "csv", "-o", str(path)])
    assert out.exit_code == 0, out.output
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["ticket"] for r in rows] == [a.ticket, b.ticket, c.ticket]  # oldest first
    assert rows[0]["text"] == '页面"打不开"，请修复\n第二行'
    assert rows[0]["status"] == "replied" and "已修复，谢谢！" in rows[0]["replies"]
    assert rows[1]["text"].startswith("'=")  # never a live formula in Excel
    assert (rows[1]["media_type"], rows[1]["media_id"]) == ("image", "MID")


def test_jsonl_export_with_a_filter(app, runner, tmp_path):
    a, b, c = seed(app)
    path = tmp_path / "feedback.jsonl"
    out = runner.invoke(args=["feedback", "export", "--format", "jsonl", "-o", str(path),
                              "--status", "new"])
    assert out.exit_code == 0, out.output
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert [r["ticket"] for r in records] == [b.ticket, c.ticket]
    assert records[0]["media"]["pic_url"] == "http://mmbiz.qpic.cn/2"
    assert records[1]["text"] == "希望增加荆州的招聘会"


def test_done_marks_by_id_or_ticket(app, runner):
    a, b, c = seed(app)
    out = runner.invoke(args=["feedback", "done", str(a.id), b.ticket])
    assert out.exit_code == 0, out.output
    store = get_services(app).feedback
    assert [store.get(r.id).status for r in (a, b, c)] == ["done", "done", "new"]


def test_done_with_an_unknown_id_changes_nothing(app, runner):
    a, b, c = seed(app)
    out = runner.invoke(args=["feedback", "done", c.ticket, "FK-20000101-0009"])
    assert out.exit_code == 1 and "FK-20000101-0009" in out.output
    assert get_services(app).feedback.get(c.id).status == "new"
