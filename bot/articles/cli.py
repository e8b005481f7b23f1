"""`flask --app wsgi kb import|stats|search|delete`: the staff's knowledge-base tools."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import AppGroup

from bot.services import get_services

kb_cli = AppGroup("kb", help="知识库：导入、统计、搜索、删除文章。")


def _kb():
    kb = get_services().kb
    if kb is None:
        raise click.ClickException("知识库未启用")
    return kb


@kb_cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--no-rebuild", is_flag=True, help="只写入文章，不立即重建本机索引。")
def import_cmd(paths: tuple[Path, ...], no_rebuild: bool) -> None:
    """Import JSONL, page text or HTML files, or folders of them (idempotent by id)."""
    from knowledge.importers import collect_files, count_records

    kb = _kb()
    files, _ = collect_files(paths)
    with click.progressbar(length=count_records(files), label="导入文章", file=sys.stderr,
                           show_pos=True) as bar:
        summary = kb.import_paths(paths, progress=bar.update)
    for line in error_lines(summary):
        click.echo(line, err=True)
    if summary.stored and not no_rebuild:
        total = kb.count()
        with click.progressbar(length=total, label="重建索引", file=sys.stderr) as bar:
            kb.rebuild(progress=bar.update)
    click.echo(summary_line(summary, kb.store.version()))
    if summary.errors:
        sys.exit(1)


def error_lines(summary) -> list[str]:
    """One line per bad record, as `kb import` prints them (the console shows the same)."""
    return [f"错误 {error}" for error in summary.errors]


def summary_line(summary, version: int) -> str:
    """The closing line of an import: counts and the index version."""
    return (f"新增 {summary.added} 篇，更新 {summary.updated} 篇，未变 {summary.unchanged} 篇，"
            f"失败 {len(summary.errors)} 条；索引版本 {version}")


@kb_cli.command("rebuild")
def rebuild_cmd() -> None:
    """Build and persist this host's search index now (before starting workers)."""
    kb = _kb()
    with click.progressbar(length=kb.count(), label="重建索引", file=sys.stderr) as bar:
        version = kb.rebuild(progress=bar.update)
    click.echo(f"索引已重建：版本 {version}，共 {kb.count()} 篇")


@kb_cli.command("stats")
def stats_cmd() -> None:
    """Article counts per region and index versions."""
    stats = _kb().stats()
    click.echo(f"文章总数：{stats['articles']}")
    click.echo(f"索引版本：{stats['version']}（本进程：{stats['index_version']}）")
    for region, n in sorted(stats["regions"].items(), key=lambda kv: -kv[1]):
        click.echo(f"  {region}\t{n}")


@kb_cli.command("search")
@click.argument("query")
@click.option("--region", default=None, help="偏好的地区（如 湖北），模拟订阅地区。")
@click.option("--limit", default=5, show_default=True)
def search_cmd(query: str, region: str | None, limit: int) -> None:
    """Ranked results with scores and why they came."""
    result = _kb().search(query, region=region, limit=limit)
    click.echo(f"查询：{query}  地区：{result.region or '-'}  词：{' '.join(result.terms) or '-'}")
    if result.corrections:
        fixes = "，".join(f"{a}→{b}" for a, b in result.corrections.items())
        click.echo(f"纠错：{fixes}")
    if result.years:
        click.echo(f"年份：{'、'.join(map(str, result.years))}（按日期选择）")
    if result.missing_place:
        national = "以下为全国文章" if result.hits else "全国也没有"
        click.echo(f"{result.missing_place}没有相关文章，{national}")
    if not result.hits:
        click.echo("没有足够相关的文章（低于无答案阈值）。")
        return
    if result.pinned:
        click.echo("编辑指定的文章（kb pin）")
    if result.confident:
        click.echo(f"明确答案（先回答一句）：{result.answer or '（无合适句子，回复图文）'}")
    else:
        click.echo("候选列表（最多三条）")
    for n, hit in enumerate(result.hits, 1):
        a = hit.article
        click.echo(f"{n}. [{hit.score:.3f}] {a.title}  ({a.id}, {a.region}, {a.published[:10]})")
        click.echo(f"   {'；'.join(hit.why)}")


@kb_cli.command("delete")
@click.argument("ids", nargs=-1, required=True)
def delete_cmd(ids: tuple[str, ...]) -> None:
    """Delete articles by id."""
    gone = _kb().delete(list(ids))
    click.echo(f"已删除 {gone} 篇（共请求 {len(ids)} 个 id）")
    if gone < len(ids):
        sys.exit(1)
