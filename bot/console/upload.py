"""Article import by upload: the uploaded files go through `kb.import_paths`, as `kb import`.

Each file is written to a private temporary folder under a plain name with its original
suffix (JSONL, page text, HTML), imported, and the record errors are reported under the name
the editor uploaded.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from knowledge.importers import SUFFIXES
from knowledge.results import ImportSummary

MAX_UPLOAD = 32 * 1024 * 1024  # several files of articles; WeChat messages keep the 1 MiB cap
MAX_FILES = 50


@dataclass
class UploadResult:
    """What an upload did: the import summary and the files it could not take at all."""

    summary: ImportSummary
    names: list[str] = field(default_factory=list)


class UploadError(ValueError):
    """An upload with nothing to import; the message is Chinese."""


def display_name(filename: str) -> str:
    """The uploaded file's own name, without any folder part."""
    return PurePath((filename or "").replace("\\", "/")).name[:120] or "未命名文件"


def import_uploads(kb, files) -> UploadResult:
    """Import werkzeug FileStorage objects; UploadError when none was given."""
    files = [f for f in files if f and f.filename]
    if not files:
        raise UploadError("请选择要导入的文件（JSONL、网页文本 .txt 或 HTML）")
    if len(files) > MAX_FILES:
        raise UploadError(f"一次最多导入 {MAX_FILES} 个文件")
    with tempfile.TemporaryDirectory(prefix="jyq-upload-") as folder:
        paths, names = [], {}
        for n, storage in enumerate(files, 1):
            name = display_name(storage.filename)
            suffix = PurePath(name).suffix.lower()
            path = Path(folder) / f"{n:03d}{suffix if suffix in SUFFIXES else '.txt'}"
            storage.save(path)
            paths.append(path)
            names[str(path)] = name
        summary = kb.import_paths(paths)
    for error in summary.errors:
        error.source = names.get(error.source, error.source)
    return UploadResult(summary, list(names.values()))
