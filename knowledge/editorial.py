"""Editors' fixes that take effect at once in every worker: synonyms and pinned questions.

Both live in Redis (hashes under the knowledge base's `{kb}` tag) with a version counter;
each process re-reads them only when the version moved, checked at most once per interval,
so a message costs nothing extra and an edit reaches every worker within a second or so.
"""

from __future__ import annotations

import re
import threading
import time

import redis

from knowledge.normal import normalise

MAX_WORD = 20
_NOT_TEXT = re.compile(r"[^\w]+")


def question_key(text: str) -> str:
    """A question as editors group it: normalised, without punctuation and spaces."""
    return _NOT_TEXT.sub("", normalise(text or ""))[:200]


class Editorial:
    """Synonyms and pins of the shared store, cached per process."""

    def __init__(self, client: redis.Redis, prefix: str, interval: float = 1.0) -> None:
        self.redis = client
        base = f"{prefix}{{kb}}:"
        self.synonyms_key, self.pins_key = base + "synonyms", base + "pins"
        self.version_key = base + "editorial"
        self.interval = interval
        self._version: bytes | None = b"-"
        self._checked = -1e9
        self._lock = threading.Lock()
        self._synonyms: dict[str, tuple[str, ...]] = {}
        self._pins: dict[str, str] = {}

    # --- reading (cached) ---------------------------------------------------------------
    def synonyms(self) -> dict[str, tuple[str, ...]]:
        """Word → the words it also means (both directions of every editor's line)."""
        self._refresh()
        return self._synonyms

    def pinned(self, question: str) -> str | None:
        """The article pinned to a question, if any."""
        self._refresh()
        return self._pins.get(question_key(question)) if self._pins else None

    def due(self) -> bool:
        """True when the next read would ask the store for the version (once an interval):
        the message path then reads it ahead, with its other reads."""
        return time.monotonic() - self._checked >= self.interval

    def note_version(self, version: bytes | None) -> None:
        """The version read ahead by the caller: synonyms and pins are re-read only if it
        moved."""
        self._refresh(known=(version,))

    def _refresh(self, known: tuple[bytes | None] | None = None) -> None:
        now = time.monotonic()
        if known is None and now - self._checked < self.interval:
            return
        with self._lock:
            self._checked = now
            try:
                version = known[0] if known is not None else self.redis.get(self.version_key)
                if version == self._version:
                    return
                lines, pins = self._read()
            except (redis.RedisError, OSError):
                return  # keep serving what we had; the next check retries
            self._version = version
            self._synonyms = _both_ways(lines)
            self._pins = pins

    def _read(self) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
        pipe = self.redis.pipeline(transaction=False)
        pipe.hgetall(self.synonyms_key)
        pipe.hgetall(self.pins_key)
        raw_lines, raw_pins = pipe.execute()
        lines = {k.decode(): tuple(v.decode().split()) for k, v in raw_lines.items()}
        return lines, {k.decode(): v.decode() for k, v in raw_pins.items()}

    # --- editing ------------------------------------------------------------------------
    def synonym_lines(self) -> dict[str, tuple[str, ...]]:
        """The editors' lines as stored: word → the words it means."""
        return self._read()[0]

    def add_synonym(self, word: str, meanings: list[str]) -> tuple[str, ...]:
        """Make `word` also mean `meanings` (added to any it had); returns the line."""
        word = _word(word)
        new = [_word(m) for m in meanings]
        if not new or word in new:
            raise ValueError("同义词需要一个词和至少一个不同的词")
        old = self.synonym_lines().get(word, ())
        line = tuple(dict.fromkeys([*old, *new]))
        self._write(lambda p: p.hset(self.synonyms_key, word, " ".join(line)))
        return line

    def delete_synonym(self, word: str) -> bool:
        """Remove an editor's line; False when there was none."""
        word = _word(word)
        return bool(self._write(lambda p: p.hdel(self.synonyms_key, word)))

    def pin(self, question: str, article_id: str) -> str:
        """Make `question` always answer with `article_id`; returns the question's key."""
        key = question_key(question)
        if not key:
            raise ValueError("问题不能为空")
        self._write(lambda p: p.hset(self.pins_key, key, article_id))
        return key

    def unpin(self, question: str) -> bool:
        """Forget a pin; False when the question had none."""
        key = question_key(question)
        return bool(self._write(lambda p: p.hdel(self.pins_key, key)))

    def pins(self) -> dict[str, str]:
        """Every pinned question (its key) → article id."""
        return self._read()[1]

    def _write(self, change) -> int:
        """Run one change and bump the version in one transaction; the change's result."""
        pipe = self.redis.pipeline(transaction=True)
        change(pipe)
        pipe.incr(self.version_key)
        result = pipe.execute()[0]
        self._checked = -1e9  # this process sees its own edit at once
        return result


def _word(text: str) -> str:
    word = normalise(text or "").strip()
    if not word or len(word) > MAX_WORD or any(c.isspace() for c in word):
        raise ValueError(f"“{text}”不是一个词（1–{MAX_WORD} 个字，不含空格）")
    return word


def _both_ways(lines: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each line read both ways: 日结 → 零工 also lets 零工 find 日结."""
    table: dict[str, list[str]] = {}
    for word, meanings in lines.items():
        group = [word, *meanings]
        for w in group:
            table.setdefault(w, []).extend(x for x in group if x != w)
    return {w: tuple(dict.fromkeys(v)) for w, v in table.items()}
