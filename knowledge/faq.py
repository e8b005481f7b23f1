"""Service answers (FAQ): a question, similar questions, a short answer and where to confirm.

What WeChat's 对话开放平台 calls FAQ with similar questions. Entries are plain values; the
Redis store is `knowledge.faq_store.FaqStore`, the starter set is config/faq.toml.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

MAX_ANSWER = 300  # characters of `answer` (and of `more`): one screen on a phone
MAX_QUESTION = 100
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")


class FaqError(ValueError):
    """A bad entry: `field` names what is wrong."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name


@dataclass(frozen=True)
class FaqEntry:
    """One service answer."""

    id: str
    question: str
    answer: str
    similar: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # key-word rules (see knowledge.sense), the fast path
    articles: tuple[str, ...] = ()  # related article ids or search keywords
    confirm: str = ""  # where to confirm: "12333 或当地人社部门"
    more: str = ""  # the answer to 详细点 / 怎么办理 / 能领吗: how, where, what to bring
    priority: int = 0  # breaks near-ties between entries (urgent topics first)
    asks_place: bool = False  # the answer depends on the follower's city (job seeking)

    @classmethod
    def from_dict(cls, data: dict) -> FaqEntry:
        """Validate and build an entry; FaqError names the first bad field."""
        if not isinstance(data, dict):
            raise FaqError("entry", "应为一个对象")
        known = set(cls.__dataclass_fields__)
        extra = sorted(set(data) - known)
        if extra:
            raise FaqError(extra[0], "未知字段")
        entry_id = str(data.get("id", "")).strip()
        if not _ID.match(entry_id):
            raise FaqError("id", "需为 1–48 个小写字母、数字、-、_")
        texts = {}
        for name, limit in (("question", MAX_QUESTION), ("answer", MAX_ANSWER),
                            ("more", MAX_ANSWER), ("confirm", MAX_QUESTION)):
            value = data.get(name, "")
            if not isinstance(value, str):
                raise FaqError(name, "应为文字")
            value = value.strip()
            if len(value) > limit:
                raise FaqError(name, f"共 {len(value)} 字，超过 {limit} 字上限")
            texts[name] = value
        for name in ("question", "answer"):
            if not texts[name]:
                raise FaqError(name, "不能为空")
        lists = {name: _strings(data.get(name, ()), name)
                 for name in ("similar", "words", "articles")}
        priority = data.get("priority", 0)
        if not isinstance(priority, int) or isinstance(priority, bool):
            raise FaqError("priority", "应为整数")
        return cls(id=entry_id, priority=priority, asks_place=bool(data.get("asks_place", False)),
                   **texts, **lists)

    def to_dict(self) -> dict:
        """A JSON-able dict (lists, not tuples), as export writes it."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    def examples(self) -> tuple[str, ...]:
        """The question and its similar questions: what a follower's words are compared to."""
        return (self.question, *self.similar)


def _strings(value: object, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise FaqError(name, "应为文字列表")
    return tuple(v.strip() for v in value if v.strip())


@dataclass
class FaqLoad:
    """What reading a file gave: the good entries and one error per bad record."""

    entries: list[FaqEntry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_entries(path: Path) -> FaqLoad:
    """Entries of a .toml file ([[entry]] tables) or a .jsonl file (one object a line)."""
    out = FaqLoad()
    for where, record in _records(path, out):
        try:
            out.entries.append(FaqEntry.from_dict(record))
        except FaqError as exc:
            out.errors.append(f"{where}: 字段 {exc.field}: {str(exc).split(': ', 1)[1]}")
    ids = [e.id for e in out.entries]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        out.errors.append(f"{path.name}: id {dup} 重复")
    return out


def _records(path: Path, out: FaqLoad) -> Iterator[tuple[str, object]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        try:
            entries = tomllib.loads(text).get("entry", [])
        except tomllib.TOMLDecodeError as exc:
            out.errors.append(f"{path.name}: TOML 格式错误：{exc}")
            return
        yield from ((f"{path.name}: 第 {i} 条", e) for i, e in enumerate(entries, 1))
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield f"{path.name}:{n}", json.loads(line)
        except json.JSONDecodeError as exc:
            out.errors.append(f"{path.name}:{n}: JSON 格式错误：{exc.msg}")


def to_jsonl(entries: Iterable[FaqEntry]) -> str:
    """Entries as JSON lines (UTF-8 text, not ASCII-escaped), for export."""
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in entries)
