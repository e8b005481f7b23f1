"""`kb gaps`, `kb synonym add|list|delete`, `kb pin|unpin`: editors act on what went unanswered.

Synonyms and pins are written to Redis, so every worker applies them within a second,
without a restart.
"""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup, with_appcontext

from bot.conversation.questions import parse_day
from bot.services import get_services


def register(kb_cli: AppGroup) -> None:
    """Add the editorial commands to the `kb` group."""
    kb_cli.add_command(gaps_cmd)
    kb_cli.add_command(synonym_cli)
    kb_cli.add_command(pin_cmd)
    kb_cli.add_command(unpin_cmd)


@click.command("gaps")
@with_appcontext
@click.option("--since", default=None, help="从这天起（YYYY-MM-DD）；默认全部。")
@click.option("--limit", default=30, show_default=True, type=click.IntRange(1, 1000))
def gaps_cmd(since: str | None, limit: int) -> None:
    """Questions that got no answer or a weak one, grouped, most asked first."""
    try:
        day = parse_day(since) if since else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    gaps = get_services().questions.gaps(since=day, limit=limit)
    if not gaps:
        click.echo("没有未答或答得弱的问题。")
        return
    click.echo("次数\t人数\t最近提问\t结果\t覆盖\t问题")
    for g in gaps:
        result = "无答案" if g.kind != "list" else "弱（列表）"
        cover = f"{g.coverage:.0%}" if g.coverage is not None else "-"
        click.echo(f"{g.count}\t{g.people}\t{g.last_asked:%Y-%m-%d %H:%M}\t{result}\t{cover}\t"
                   f"{g.text}")


synonym_cli = AppGroup("synonym", help="同义词：口语词 → 知识库里的词，立即生效。")


@synonym_cli.command("add")
@click.argument("word")
@click.argument("meanings", nargs=-1, required=True)
def synonym_add(word: str, meanings: tuple[str, ...]) -> None:
    """WORD also means each of MEANINGS (e.g. `kb synonym add 日结 零工`)."""
    try:
        line = _kb().editorial.add_synonym(word, list(meanings))
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    click.echo(f"已保存：{word} → {' '.join(line)}（各进程一秒内生效）")


@synonym_cli.command("list")
def synonym_list() -> None:
    """The editors' synonym lines (config/synonyms.txt is listed by its file)."""
    lines = _kb().editorial.synonym_lines()
    if not lines:
        click.echo("还没有编辑添加的同义词。")
    for word, meanings in sorted(lines.items()):
        click.echo(f"{word}\t{' '.join(meanings)}")


@synonym_cli.command("delete")
@click.argument("word")
def synonym_delete(word: str) -> None:
    """Remove the line of WORD."""
    try:
        gone = _kb().editorial.delete_synonym(word)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    if not gone:
        click.echo(f"没有“{word}”的同义词。", err=True)
        sys.exit(1)
    click.echo(f"已删除“{word}”的同义词。")


@click.command("pin")
@with_appcontext
@click.argument("question")
@click.argument("article_id")
def pin_cmd(question: str, article_id: str) -> None:
    """QUESTION (as followers write it) always answers with ARTICLE_ID."""
    kb = _kb()
    article = kb.get(article_id)
    if article is None:
        raise click.BadParameter(f"没有 id 为 {article_id} 的文章", param_hint="ARTICLE_ID")
    try:
        key = kb.editorial.pin(question, article_id)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="QUESTION") from None
    get_services().questions.dismiss(key)  # answered now: off the gap list
    click.echo(f"已指定：“{question}” → {article.title}（{article_id}）")


@click.command("unpin")
@with_appcontext
@click.argument("question")
def unpin_cmd(question: str) -> None:
    """QUESTION is searched again like any other."""
    if not _kb().editorial.unpin(question):
        click.echo(f"“{question}”没有指定文章。", err=True)
        sys.exit(1)
    click.echo(f"已取消指定：“{question}”")


def _kb():
    kb = get_services().kb
    if kb is None:
        raise click.ClickException("知识库未启用")
    return kb
