"""`flask --app wsgi faq add|list|show|delete|import|export`: staff manage service answers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from bot.services import get_services
from knowledge.faq import FaqEntry, FaqError, read_entries, to_jsonl


def _store():
    return get_services().faq


@click.group("faq")
def faq_cli() -> None:
    """Service answers: questions, similar questions, short answers."""


@faq_cli.command("list")
@with_appcontext
def list_command() -> None:
    """Every entry: id, question, how many similar questions."""
    entries = _store().list()
    for e in entries:
        click.echo(f"{e.id}\t{e.question}\t相似问法 {len(e.similar)} 条")
    click.echo(f"共 {len(entries)} 条", err=True)


@faq_cli.command("show")
@click.argument("entry_id")
@with_appcontext
def show_command(entry_id: str) -> None:
    """One entry in full (JSON)."""
    entry = _store().get(entry_id)
    if entry is None:
        raise click.ClickException(f"没有 id 为 {entry_id} 的条目")
    click.echo(json.dumps(entry.to_dict(), ensure_ascii=False, indent=2))


@faq_cli.command("add")
@click.option("--id", "entry_id", required=True, help="小写字母、数字、-、_")
@click.option("--question", required=True, help="标准问法")
@click.option("--answer", required=True, help="简短回答（300 字以内）")
@click.option("--similar", multiple=True, help="相似问法（可多次）")
@click.option("--words", multiple=True, help="关键词规则，如 “工资|工钱+拖欠|不给”（可多次）")
@click.option("--article", "articles", multiple=True, help="相关文章 id 或搜索关键词（可多次）")
@click.option("--confirm", default="", help="去哪里确认，如 “12333 或当地人社部门”")
@click.option("--more", default="", help="追问“详细点”时的回答（300 字以内）")
@with_appcontext
def add_command(entry_id, question, answer, similar, words, articles, confirm, more) -> None:
    """Add or replace one entry."""
    try:
        entry = FaqEntry.from_dict({"id": entry_id, "question": question, "answer": answer,
                                    "similar": list(similar), "words": list(words),
                                    "articles": list(articles), "confirm": confirm,
                                    "more": more})
    except FaqError as exc:
        raise click.ClickException(f"字段 {exc}") from None
    created = _store().add(entry)
    click.echo(f"{'已添加' if created else '已更新'} {entry.id}")


@faq_cli.command("delete")
@click.argument("entry_id")
@with_appcontext
def delete_command(entry_id: str) -> None:
    """Remove one entry."""
    if not _store().delete(entry_id):
        raise click.ClickException(f"没有 id 为 {entry_id} 的条目")
    click.echo(f"已删除 {entry_id}")


@faq_cli.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def import_command(paths: tuple[Path, ...]) -> None:
    """Add or replace entries from .toml ([[entry]]) or .jsonl files; nothing if any is bad."""
    entries, errors = [], []
    for path in paths:
        loaded = read_entries(path)
        entries.extend(loaded.entries)
        errors.extend(loaded.errors)
    if errors:
        for line in errors:
            click.echo(line, err=True)
        raise click.ClickException(f"{len(errors)} 处错误，什么都没有导入")
    added, replaced = _store().add_many(entries)
    click.echo(f"导入完成：新增 {added} 条，更新 {replaced} 条")


@faq_cli.command("export")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="写到文件（默认输出到屏幕）")
@with_appcontext
def export_command(output: Path | None) -> None:
    """Every entry as JSON lines (the format import reads)."""
    text = to_jsonl(_store().list())
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"已导出到 {output}", err=True)
