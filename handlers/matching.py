"""Small helpers for intent matching on short follower messages."""

from __future__ import annotations

import functools
import re
import unicodedata

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def squash(text: str) -> str:
    """Fold width and case and drop spaces and punctuation: '热线 电话？' -> '热线电话'."""
    if text and len(text) <= CACHED_LEN:
        return _squash_short(text)
    return _squash(text)


CACHED_LEN = 64  # keyword lists and short messages are squashed once per process, not per use


def _squash(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text or "")).lower()


_squash_short = functools.lru_cache(maxsize=8192)(_squash)


def is_text(msg: object) -> bool:
    """True for a text message, or a voice message that carries WeChat's recognition."""
    kind = getattr(msg, "type", "")
    return kind == "text" or (kind == "voice" and bool(getattr(msg, "recognition", None)))


# Word lists come from config and never change: each is squashed once per process, not once
# per message and handler (a message meets some forty lists on its way through the handlers).
@functools.lru_cache(maxsize=1024)
def by_squash(words: tuple[str, ...]) -> dict[str, str]:
    """Each squashed form of `words` -> the first word with that form."""
    found: dict[str, str] = {}
    for word in words:
        found.setdefault(squash(word), word)
    return found


@functools.lru_cache(maxsize=1024)
def squashed(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(word, squashed word) for each of `words`, in order."""
    return tuple((word, squash(word)) for word in words)


def exact_word(text: str, words: tuple[str, ...]) -> str | None:
    """The word of `words` that the whole message is (after squashing), if any."""
    return by_squash(words).get(squash(text))


def contained_word(text: str, words: tuple[str, ...], max_extra: int = 6) -> str | None:
    """A word of `words` inside a short message (at most `max_extra` other characters)."""
    s = squash(text)
    for word, w in squashed(words):
        if w and w in s and len(s) - len(w) <= max_extra:
            return word
    return None
