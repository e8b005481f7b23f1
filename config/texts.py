"""Reply texts and intent keywords, kept in TOML files an editor can change."""

from __future__ import annotations

import html
import tomllib
from functools import cache
from pathlib import Path

CONFIG_DIR = Path(__file__).resolve().parent


@cache
def _load(name: str) -> dict:
    with open(CONFIG_DIR / name, "rb") as fh:
        return tomllib.load(fh)


class Safe(str):
    """Text already fit for a reply's markup: a filled-in reply, or a link we built."""


def reply(key: str, **values: object) -> Safe:
    """The reply text named `key` from replies.toml, with `{placeholders}` filled in.

    Text replies are markup to WeChat (`<a href>` is a live link), so every value that is not
    already `Safe` — a follower's words, an article's title or summary — is escaped.
    """
    template = _load("replies.toml")[key]
    safe = {k: v if isinstance(v, Safe) or not isinstance(v, str) else html.escape(v, quote=False)
            for k, v in values.items()}
    return Safe(template.format(**safe).strip())


def intent_words(intent: str) -> tuple[str, ...]:
    """The trigger words of one intent from intents.toml."""
    return tuple(_load("intents.toml")[intent]["words"])


def intent_table(intent: str) -> dict:
    """The whole table of one intent from intents.toml (words plus any options)."""
    return dict(_load("intents.toml")[intent])


def fixed_answers() -> list[dict]:
    """The rows of fixed_answers.toml: intent, match ('exact' or 'contained') and reply."""
    return [dict(row) for row in _load("fixed_answers.toml")["answer"]]


def meaning_table(name: str) -> dict:
    """One table of meaning.toml: the example sentences and words of an intent, or [plain]."""
    return dict(_load("meaning.toml").get(name, {}))


def meaning_intents() -> dict[str, dict]:
    """Every intent of meaning.toml ([intent.NAME] tables), in the file's order."""
    return dict(_load("meaning.toml").get("intent", {}))
