"""Persisting index segments under data_dir: `.npy` arrays reloaded memory-mapped."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np

from knowledge.index import ARRAYS, Segment, Stats

LINES = ("ids", "titles", "vocab")


def save(segment: Segment, root: Path, replace: bool = False) -> Path:
    """Persist under `root/v<version>` atomically (write a temp dir, then rename).

    An existing copy of the version is kept (another process wrote it) unless `replace`:
    `kb rebuild` always puts its own build in place.
    """
    root.mkdir(parents=True, exist_ok=True)
    final = root / f"v{segment.version}"
    tmp = root / f".v{segment.version}.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    for name in ARRAYS:
        np.save(tmp / f"{name}.npy", np.ascontiguousarray(getattr(segment, name)))
    # Ids, titles and terms hold no line breaks (normalised text, jieba words): one per line
    # in a text file reloads several times faster than a JSON list.
    meta: dict = {
        "version": segment.version, "user_words": segment.user_words,
        "stats": {"n_docs": segment.stats.n_docs, "avg_len": list(segment.stats.avg_len)},
        "lines": {},
    }
    for name in LINES:
        values = getattr(segment, name)
        text = "\n".join(values)
        if text.count("\n") == max(0, len(values) - 1):
            (tmp / f"{name}.txt").write_bytes(text.encode("utf-8"))
            meta["lines"][name] = len(values)
        else:  # a line break inside one (not from our own build): JSON keeps it
            meta[name] = values
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    if final.exists() and not replace:
        shutil.rmtree(tmp, ignore_errors=True)  # another process already wrote this version
        return final
    if final.exists():  # readers keep their memory maps of the old files until they reload
        old = root / f".old-v{segment.version}.{os.getpid()}"
        os.replace(final, old)
        shutil.rmtree(old, ignore_errors=True)
    os.replace(tmp, final)
    return final


def load(path: Path) -> Segment:
    """Reload a persisted segment; the big arrays are memory-mapped, not read."""
    meta = json.loads((path / "meta.json").read_text("utf-8"))
    for name, count in meta.get("lines", {}).items():  # older indexes keep them in meta
        text = (path / f"{name}.txt").read_bytes().decode("utf-8")  # no newline translation
        meta[name] = text.split("\n") if count else []
        if len(meta[name]) != count:
            raise ValueError(f"{path / name}.txt: {len(meta[name])} lines, not {count}")
    # plain ndarray views of the maps: slicing a np.memmap costs a Python-level hook each time
    arrays = {name: np.asarray(np.load(path / f"{name}.npy", mmap_mode="r")) for name in ARRAYS}
    stats = Stats(meta["stats"]["n_docs"], tuple(meta["stats"]["avg_len"]))
    return Segment(ids=meta["ids"], titles=meta["titles"], vocab=meta["vocab"],
                   stats=stats, user_words=meta["user_words"], version=meta["version"],
                   **arrays)


def newest(root: Path, at_most: int) -> Path | None:
    """The persisted segment with the highest version ≤ `at_most`."""
    best, best_v = None, -1
    if root.is_dir():
        for p in root.iterdir():
            if p.name.startswith("v") and p.name[1:].isdigit() and (p / "meta.json").exists():
                v = int(p.name[1:])
                if best_v < v <= at_most:
                    best, best_v = p, v
    return best


def prune(root: Path, keep: int = 2) -> None:
    """Remove all but the `keep` newest persisted versions."""
    if not root.is_dir():
        return
    found = sorted((int(p.name[1:]), p) for p in root.iterdir()
                   if p.name.startswith("v") and p.name[1:].isdigit())
    for _, p in found[:-keep]:
        shutil.rmtree(p, ignore_errors=True)


def prune_others(indexes: Path, keep: Path) -> None:
    """Remove the persisted indexes of other stores (an emptied or replaced Redis)."""
    if not indexes.is_dir():
        return
    for p in indexes.iterdir():
        if p.is_dir() and p != keep:
            shutil.rmtree(p, ignore_errors=True)
