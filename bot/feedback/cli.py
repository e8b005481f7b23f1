"""`flask --app wsgi feedback list|export|done`: staff read, export and close feedback."""

from __future__ import annotations

import csv
import json
import sys
from datetime import datetime

import click
from flask.cli import with_appcontext

from bot.feedback import query as q
from bot.feedback.record import STATUSES, FeedbackRecord, parse_day
from bot.services import get_services

CSV_COLUMNS = ["id", "ticket", "created_at", "status", "openid", "text", "media_type",
               "media_id", "pic_url", "replies"]
# A cell starting with one of these is a formula to Excel; a leading apostrophe keeps it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class DayParam(click.ParamType):
    """A date (YYYY-MM-DD) or ISO date-time, in Beijing time."""

    name = "date"

    def __init__(self, end: bool = False) -> None:
        self.end = end

    def convert(self, value, param, ctx) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return parse_day(value, end=self.end)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _filters(func):
    """The shared --since/--until/--status options."""
    func = click.option("--status", type=click.Choice(STATUSES),
                        help="only this status")(func)
    func = click.option("--until", type=DayParam(end=True),
                        help="created on or before (YYYY-MM-DD)")(func)
    return click.option("--since", type=DayParam(), help="created on or after (YYYY-MM-DD)")(func)


@click.group("feedback")
def feedback_cli() -> None:
    """Read, export and close followers' feedback."""


@feedback_cli.command("list")
@_filters
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True,
              help="show at most this many, newest first")
@with_appcontext
def list_command(since, until, status, limit) -> None:
    """Show feedback, newest first."""
    store = get_services().feedback
    flt = q.Filter(status=status, since=since, until=until)
    total = q.count(store, flt)
    for rec in q.page(store, flt, 0, limit):
        media = f" [{rec.media['type']}]" if rec.media else ""
        text = " ".join(rec.text.split())
        text = text if len(text) <= 60 else text[:59] + "…"
        click.echo(f"{rec.id:>6}  {rec.ticket}  {rec.created_at}  {rec.status:<7}  "
                   f"{rec.openid}  {text}{media}  ({len(rec.replies)} 条回复)")
    click.echo(f"共 {total} 条" + (f"，显示最新 {limit} 条" if total > limit else ""))


@feedback_cli.command("export")
@_filters
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="file to write ('-' for standard output)")
@with_appcontext
def export_command(since, until, status, fmt, output) -> None:
    """Export feedback, oldest first: CSV for Excel (UTF-8 with BOM) or JSONL."""
    store = get_services().feedback
    records = q.iterate(store, q.Filter(status=status, since=since, until=until))
    # Excel recognises UTF-8 only with a BOM; csv wants newline='' to keep CRLF rows intact.
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    if output == "-":
        n = write_records(sys.stdout, records, fmt)
    else:
        with open(output, "w", encoding=encoding, newline="") as fh:
            n = write_records(fh, records, fmt)
    click.echo(f"已导出 {n} 条留言到 {'标准输出' if output == '-' else output}", err=True)


def write_records(fh, records, fmt: str) -> int:
    n = 0
    if fmt == "jsonl":
        for rec in records:
            fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
            n += 1
        return n
    writer = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for rec in records:
        writer.writerow([_cell(v) for v in csv_row(rec)])
        n += 1
    return n


def csv_row(rec: FeedbackRecord) -> list:
    """One record as CSV_COLUMNS; replies become '时间 内容' lines in one cell."""
    media = rec.media or {}
    replies = "\n".join(f"{r.get('at', '')} {r.get('text', '')}" for r in rec.replies)
    return [rec.id, rec.ticket, rec.created_at, rec.status, rec.openid, rec.text,
            media.get("type", ""), media.get("media_id", ""), media.get("pic_url", ""), replies]


def _cell(value) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


@feedback_cli.command("done")
@click.argument("refs", nargs=-1, required=True)
@with_appcontext
def done_command(refs) -> None:
    """Mark feedback as done, by id or ticket; nothing changes if any is unknown."""
    store = get_services().feedback
    missing = [ref for ref in refs if store.get(ref) is None]
    if missing:
        raise click.ClickException(f"找不到这些留言：{'、'.join(missing)}；没有做任何修改")
    for ref in refs:
        rec = store.set_status(ref, "done")
        click.echo(f"{rec.ticket} 已标记为 done")
