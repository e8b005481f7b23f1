"""Messages for handler tests: fixture XML parsed by wechatpy, with fields overridden."""

from __future__ import annotations

from pathlib import Path

from wechatpy import parse_message

from handlers.context import Context, Session

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "conversation"


def message(name: str, **fields: str):
    """The fixture `name`.xml parsed as WeChat's server would send it, XML fields replaced.

    Field names are WeChat's XML tags (Content, EventKey, FromUserName …).
    """
    msg = parse_message((FIXTURES / f"{name}.xml").read_text(encoding="utf-8"))
    msg._data.update(fields)
    return msg


def text_of(msg) -> str:
    """What the dispatcher puts in ctx.text: the content or the voice recognition, stripped."""
    if msg.type == "text":
        return (msg.content or "").strip()
    if msg.type == "voice":
        return (msg.recognition or "").strip()
    return ""


def context(msg, session: Session | None = None, **services) -> Context:
    """A Context for `msg` as the dispatcher builds one."""
    return Context(
        openid=msg.source,
        text=text_of(msg),
        session=session if session is not None else Session(),
        **services,
    )
