"""What a follower's message means, worked out once per message and shared by the handlers.

The intent matcher (config/meaning.toml) is compiled once per process; the service answers
(ctx.faq) are matched by their store, compiled once per store version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from config.texts import meaning_intents, meaning_table
from handlers.context import Context
from knowledge.plain import plain
from knowledge.regions import mentions
from knowledge.sense import DEFAULT_CUTOFF, Found, SenseMatcher, SenseSpec

_ATTR = "_understood"


@dataclass
class Understanding:
    """The plain text, the intents it matched, the service answers and the places named."""

    plain: str
    intents: list[Found] = field(default_factory=list)
    faq: list[Any] = field(default_factory=list)  # knowledge.faq_store.FaqMatch, best first
    places: list[tuple[str, str]] = field(default_factory=list)  # (name, province)

    def intent(self, *names: str) -> Found | None:
        """The best of these intents the message matched, if any."""
        return next((f for f in self.intents if f.name in names), None)

    def best_faq(self, min_score: float = 0.0) -> Any | None:
        """The best service answer scoring at least `min_score`."""
        return self.faq[0] if self.faq and self.faq[0].score >= min_score else None


@cache
def intent_matcher() -> SenseMatcher:
    """The matcher over every [intent.*] of config/meaning.toml (built once per process)."""
    specs = []
    for name, table in meaning_intents().items():
        specs.append(SenseSpec(
            name=name,
            rules=tuple(table.get("words", ())),
            examples=tuple(table.get("examples", ())),
            exclude=tuple(table.get("exclude", ())),
            max_rest=table.get("max_rest"),
            lenient=bool(table.get("lenient", False)),
            cutoff=float(table.get("cutoff", DEFAULT_CUTOFF)),
        ))
    return SenseMatcher(specs, neutral=tuple(meaning_table("plain").get("neutral", ())))


def reply_key(intent: str) -> str:
    """The replies.toml key an intent answers with (its `reply`, else its name)."""
    return str(meaning_intents().get(intent, {}).get("reply", intent))


def understand(ctx: Context) -> Understanding:
    """The Understanding of ctx.text, computed on first use and kept on the context."""
    found = getattr(ctx, _ATTR, None)
    if found is None or found[0] != ctx.text:
        u = _understand(ctx.text, ctx.faq)
        setattr(ctx, _ATTR, (ctx.text, u))
        return u
    return found[1]


def _understand(text: str, faq: Any) -> Understanding:
    s = plain(text[:300])
    u = Understanding(plain=s)
    if not s:
        return u
    u.intents = intent_matcher().find(s, already_plain=True)
    if faq is not None:
        u.faq = faq.match(s, already_plain=True)
    u.places = mentions(s)
    return u
