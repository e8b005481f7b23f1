"""Reading article records from JSONL, page text and HTML files, and folders of them.

Each record comes out as an Article or as a RecordError naming file, line and field, so one
bad record never stops the good ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from knowledge.article import Article, ArticleError
from knowledge.regions import infer_article_region
from knowledge.results import RecordError

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
HTML_SUFFIXES = (".html", ".htm", ".shtml")
TEXT_SUFFIXES = (".txt",)
SUFFIXES = JSONL_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES

Record = tuple[Article | None, RecordError | None]


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[RecordError]]:
    """Files to import: the given files, and importable files under given folders."""
    files: list[Path] = []
    errors: list[RecordError] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in SUFFIXES
                            and not p.name.startswith("."))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(RecordError(str(path), 0, "path", "文件或文件夹不存在"))
    return files, errors


def count_records(files: Iterable[Path]) -> int:
    """Roughly how many records the files hold (lines of JSON Lines, one per page), for a
    progress bar."""
    total = 0
    for path in files:
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read_file(path: Path) -> Iterator[Record]:
    """The records of one file, by its suffix (JSON, HTML, else page text)."""
    try:
        text = path.read_text("utf-8-sig")
    except UnicodeDecodeError:
        yield None, RecordError(str(path), 0, "file", "不是 UTF-8 编码的文本")
        return
    except OSError as exc:
        yield None, RecordError(str(path), 0, "file", f"无法读取：{exc.strerror}")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_json_text(text, str(path))
        return
    # Only page files need BeautifulSoup: importing it costs a starting worker 0.07 s.
    from knowledge.pages import parse_page_html, parse_page_text

    if suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        yield _page(lambda: parse_page_html(text, path), str(path))
    else:
        yield _page(lambda: parse_page_text(text, path), str(path))


def strict_loads(text: str | bytes) -> object:
    """json.loads that reports every unusable document as a JSONDecodeError.

    Besides malformed text: nesting too deep for the parser (RecursionError), integers past
    Python's digit limit (ValueError) and strings holding lone surrogates, which no UTF-8
    output (a Redis write, a JSON reply) could carry.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise json.JSONDecodeError("嵌套层数过深", str(text)[:40], 0) from None
    except ValueError:
        raise json.JSONDecodeError("数字位数过多", str(text)[:40], 0) from None
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return value


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise json.JSONDecodeError("含有无法编码的字符（孤立的代理项）", text[:40], 0) from None


def read_json_text(text: str, source: str) -> Iterator[Record]:
    """Records of a JSON object, a JSON list, or JSON Lines."""
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            items = strict_loads(stripped)
        except json.JSONDecodeError as exc:
            yield None, RecordError(source, exc.lineno, "json", f"JSON 格式错误：{exc.msg}")
            return
        for n, item in enumerate(items, 1):
            yield to_article(item, source, n)
        return
    if stripped.startswith("{") and "\n{" not in stripped:
        try:
            yield to_article(strict_loads(stripped), source, 1)
            return
        except json.JSONDecodeError:
            pass  # not one object: fall through to JSON Lines, which reports the line
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = strict_loads(line)
        except json.JSONDecodeError as exc:
            yield None, RecordError(source, n, "json", f"JSON 格式错误：{exc.msg}")
            continue
        yield to_article(item, source, n)


def to_article(item: object, source: str, line: int) -> Record:
    """Validate one record dict."""
    try:
        return Article.from_dict(item, infer_region=infer_article_region), None  # type: ignore[arg-type]
    except ArticleError as exc:
        return None, RecordError(source, line, exc.field, exc.message)


def _page(parse, source: str) -> Record:
    try:
        record = parse()
    except ArticleError as exc:
        return None, RecordError(source, 0, exc.field, exc.message)
    return to_article(record, source, 0)
