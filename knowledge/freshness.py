"""Keeping a process's index in step with the shared store.

The base segment is the newest persisted index (built once per version, shared by workers
on one host through files under data_dir); articles changed since are indexed into a small
delta segment on the fly. When the delta grows too big, a full rebuild runs in a background
thread while the old index keeps serving.
"""

from __future__ import annotations

import fcntl
import gc
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import redis

from knowledge import index as idx
from knowledge import persist
from knowledge.build import build_index
from knowledge.fuzzy import Corrector
from knowledge.ranking import Ranker
from knowledge.store import ArticleStore
from knowledge.text import Tokenizer

log = logging.getLogger(__name__)

DELTA_MAX = 300  # changed articles indexed on the fly; more triggers a full rebuild
SYNC_BUILD_MAX = 5000  # a first index over more articles is built in the background


class IndexHolder:
    """The current Ranker (+ tokenizer and corrector) of this process."""

    def __init__(self, store: ArticleStore, root: Path, data_dir: Path,
                 refresh_interval: float = 1.0) -> None:
        self.store = store
        self.indexes = root  # one folder per store identity below it
        self.store_id = ""
        self.data_dir = data_dir
        self.interval = refresh_interval
        self.version = -1
        self._base: idx.Segment | None = None
        self._tok: Tokenizer | None = None
        self._ranker: Ranker | None = None
        self._corrector: Corrector | None = None
        self._lock = threading.RLock()
        self._checked = 0.0
        self._rebuilding: threading.Thread | None = None

    def current(self) -> tuple[Ranker | None, Tokenizer, Corrector | None]:
        """What queries use now."""
        with self._lock:
            if self._ranker is None:
                self.refresh(wait=True)
            if self._corrector is None and self._ranker is not None:
                ranker = self._ranker
                self._corrector = Corrector(_Vocabulary(ranker.segments), ranker.doc_freq)
            assert self._tok is not None
            return self._ranker, self._tok, self._corrector

    @property
    def root(self) -> Path:
        """Where indexes of the current store are persisted (never another store's)."""
        return self.indexes / (self.store_id or "unknown")

    def due(self) -> bool:
        """True when the next search would ask the store for its version (at most once per
        refresh interval): the message path then reads it ahead, with its other reads."""
        return self._ranker is None or time.monotonic() - self._checked >= self.interval

    def refresh(self, wait: bool = False, state: tuple[str, int] | None = None) -> None:
        """Catch up with the store's version; cheap when nothing changed. `state`: the
        store's (identity, version) already read by the caller."""
        now = time.monotonic()
        if self._ranker is not None and not wait and state is None \
                and now - self._checked < self.interval:
            return
        self._checked = now
        try:
            store_id, version = state or self.store.state()
        except (redis.RedisError, OSError) as exc:
            if self._ranker is None:
                raise
            log.warning("index version check failed (%s); serving index v%d", exc, self.version)
            return
        if self._ranker is not None and (store_id, version) == (self.store_id, self.version):
            return
        with self._lock:
            if store_id != self.store_id:  # a new or emptied store: nothing of ours applies
                if self.store_id:
                    log.warning("the store was replaced or emptied; rebuilding the index")
                self.store_id, self._base, self.version = store_id, None, -1
            if self._ranker is not None and version == self.version:
                return
            if self._base is None and not self._start_large():
                self._install_base(self._load_or_build(version))
            self._adopt_persisted(version)
            changes = self.store.changed_since(self._base.version)
            if len(changes) > max(DELTA_MAX, len(self._base) // 20):
                if self._ranker is None or wait:
                    self._install_base(self._load_or_build(version))
                    changes = self.store.changed_since(self._base.version)
                else:
                    self._rebuild_in_background()
                    return
            self._apply_delta(changes, version)

    def _adopt_persisted(self, version: int) -> None:
        """Switch to a newer index another process on this host persisted (`kb import`
        builds one, with the new articles' words in its user dictionary)."""
        assert self._base is not None
        path = persist.newest(self.root, version)
        if path is not None and int(path.name[1:]) > self._base.version:
            try:
                self._install_base(persist.load(path))
            except (OSError, ValueError) as exc:  # pruned or half-read: keep what we have
                log.warning("could not load index %s: %s", path, exc)

    def _start_large(self) -> bool:
        """A worker must answer at once (gunicorn kills a silent one): with no persisted index
        and a large corpus it serves an empty index while the real one builds behind it."""
        if persist.newest(self.root, 1 << 62) is not None or self.store.count() <= SYNC_BUILD_MAX:
            return False
        log.warning("no persisted index: building one in the background (run "
                    "`flask --app wsgi kb rebuild` on this host before starting workers)")
        self._install_base(idx.assemble([], idx.Stats()))
        self._ranker = Ranker(self._base)
        self._rebuild_in_background()
        return True

    def _install_base(self, base: idx.Segment) -> None:
        self._base = base
        self._tok = Tokenizer(base.user_words)
        settle()

    def _apply_delta(self, changes: dict[str, int], version: int) -> None:
        assert self._base is not None and self._tok is not None
        delta = None
        if changes:
            fresh = [a for a in self.store.get_many(sorted(changes)) if a is not None]
            if fresh:
                stats = self._base.stats if len(self._base) else None
                delta, _ = build_index(fresh, tokenizer=self._tok, stats=stats,
                                       processes=1, version=version)
        self._ranker = Ranker(self._base, delta, frozenset(changes))
        self._corrector = None
        self.version = version

    def _load_or_build(self, version: int) -> idx.Segment:
        """The persisted index for `version` if any host process wrote it, else build it."""
        with self._file_lock():
            path = persist.newest(self.root, version)
            if path is not None:
                seg = persist.load(path)
                if len(self.store.changed_since(seg.version)) <= max(DELTA_MAX, len(seg) // 20):
                    return seg
            return self._build()

    def _build(self, progress: Callable[[int], None] | None = None,
               replace: bool = False) -> idx.Segment:
        self.store_id, version = self.store.state()  # read first: later writes land in the delta
        started = time.monotonic()
        seg, _ = build_index(self.store, version=version, progress=progress)
        persist.save(seg, self.root, replace=replace)
        persist.prune(self.root)
        persist.prune_others(self.indexes, keep=self.root)
        log.info("built index v%d over %d articles in %.1f s", version, len(seg),
                 time.monotonic() - started)
        return persist.load(self.root / f"v{version}")

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Build and persist the full index now, and serve it."""
        with self._lock, self._file_lock():
            seg = self._build(progress, replace=True)
            self._install_base(seg)
            self._apply_delta(self.store.changed_since(seg.version), self.store.version())
            return seg.version

    def _rebuild_in_background(self) -> None:
        if self._rebuilding is not None and self._rebuilding.is_alive():
            return

        def run() -> None:
            try:
                seg = self._load_or_build(self.store.version())
                with self._lock:
                    self._install_base(seg)
                    self._apply_delta(self.store.changed_since(seg.version),
                                      self.store.version())
            except Exception:  # a failed rebuild must not kill the worker
                log.exception("background index rebuild failed; serving the previous index")

        self._rebuilding = threading.Thread(target=run, name="kb-rebuild", daemon=True)
        self._rebuilding.start()

    def _file_lock(self) -> _FileLock:
        return _FileLock(self.root / ".build.lock")


def settle() -> None:
    """Hide what is alive now (a base index just loaded: hundreds of thousands of objects
    that live until the next one) from the cyclic garbage collector. Otherwise every full
    collection walks them all: at 100,000 articles a 140-180 ms stall of whichever message
    triggers it, about once per thousand messages (Python's gc.freeze, meant for this).

    What was hidden at the last load is first given back and collected once: the old index,
    and any garbage cycle that happened to be alive then and holds a part of it, would
    otherwise never be freed. One full collection per base index loaded, at start or after a
    rebuild, instead of one every thousand messages.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class _Vocabulary:
    """The terms of a ranker's segments, gathered only when the corrector first needs them."""

    def __init__(self, segments: list[idx.Segment]) -> None:
        self.segments = segments

    def __iter__(self) -> Iterator[str]:
        return iter(set().union(*(s.vocab for s in self.segments)))


class _FileLock:
    """An exclusive flock, so only one process per host builds an index at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = None

    def __enter__(self) -> _FileLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(self.path, "a+")  # held open for the lock's lifetime
        fcntl.flock(self._fh, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        assert self._fh is not None
        fcntl.flock(self._fh, fcntl.LOCK_UN)
        self._fh.close()
