"""Follower message sets (tests/fixtures/followers): ask each through the webhook and check it.

Each message is posted by its own follower, after that follower's `history`, through the
real webhook (signature, parsing, dedup, dispatcher, render) of an app with the bundled
articles and the starter service answers. `python -m tests.follower_replies set1` prints
every reply for judging by hand (rubric.md); the test checks the automatic part.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from bot.devtools.wechat_side import Transport, WeChatSide
from bot.faq import load_starter
from bot.services import get_services

SETS = Path(__file__).resolve().parent / "fixtures" / "followers"
# The routes (handler, or handler:intent as the dispatcher logs them) that serve each
# expected kind of reply.
ROUTES = {
    "social": ("social:greeting", "social:small_talk", "social:festive", "social:thanks",
               "social:thanks_done", "social:compliment", "social:ok", "social:ack",
               "social:mistake", "social:goodbye", "social:goodnight", "social:thanks_warm",
               "social:weather_hello", "social:festive_chat", "social:read_first",
               "social:payday", "social:arrived", "social:got_it", "greeting",
               "help"),
    "identity": ("social:identity", "social:official", "social:privacy", "social:what_we_see",
                 "social:reviewed", "social:vs_hotline"),
    "about": ("social:about", "social:coverage", "social:only_region", "social:website",
              "social:voice", "social:sharing", "social:pushes", "social:vs_hotline",
              "social:channels", "social:push_time", "help"),
    "contact": ("hotline", "social:contact", "social:hours", "social:hours_late",
                "social:hotline_busy",
                "social:submit", "social:phone_direct", "social:our_hotline", "social:callback",
                "social:sms", "social:named_staff",
                "social:sharing", "social:dialect_staff", "social:send_photo",
                "social:office_complaint", "social:postal", "social:office_visit",
                "social:contact_any", "social:call_cost", "social:account_name",
                "social:message_instead", "social:feedback_where", "social:abroad_contact",
                "social:staff_person"),
    "impatience": ("social:impatience", "social:hurry", "social:waiting", "social:gone_quiet"),
    "abuse": ("social:abuse",),
    "job_seeking": ("faq:job-seeking", "faq:job-disabled", "faq:job-older", "faq:job-rider",
                    "faq:job-home", "faq:job-graduate", "faq:job-veteran", "faq:job-retiree",
                    "faq:recruiting", "faq:ride-hailing-license", "followup:faq_place"),
    "faq": ("faq:", "search"),
    "search": ("search", "faq:"),
    "rights": ("faq:",),
    "regional": ("region_news", "region_ask", "search", "faq:"),
    "latest": ("latest", "region_ask", "search", "faq:job-seeking"),
    "feedback": ("complaint", "feedback", "hotline", "social:office_complaint"),
    "offtopic": ("notfound:offtopic", "social:write_for_me"),
    "followup": ("followup", "paging", "pick", "faq:", "search", "region_news", "region_ask"),
}
_ANCHOR = re.compile(r'<a\s+href="[^"]*"[^>]*>(.*?)</a>', re.S)
_openids = itertools.count(1)


@dataclass
class Asked:
    """One message of a set, its reply as the follower reads it, and what failed."""

    row: dict
    reply: str
    route: str
    failures: list[str] = field(default_factory=list)


def load_set(name: str) -> list[dict]:
    """The rows of tests/fixtures/followers/<name>.jsonl."""
    lines = (SETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_client_transport(app) -> Transport:
    """Post through the app's WSGI stack without a socket (same webhook, faster)."""
    client = app.test_client()

    def post(path: str, params: dict, body: bytes) -> tuple[int, str]:
        resp = client.post(path, query_string=params, data=body,
                           headers={"Content-Type": "text/xml"})
        return resp.status_code, resp.get_data(as_text=True)

    return post


test_client_transport.__test__ = False  # a helper, not a test


def prepare(app) -> WeChatSide:
    """Load the starter service answers and the sample articles (only `make run` loads them
    by itself), and return WeChat's side for `app`."""
    services = get_services(app)
    load_starter(services.faq)
    services.kb.load_bundled()
    s = services.settings
    return WeChatSide(test_client_transport(app), s.wechat_token)


class _Routes(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if " answered " in msg:
            self.seen.append(msg.split(" answered ", 1)[0])


def ask_all(wechat: WeChatSide, rows: list[dict]) -> list[Asked]:
    """Ask every row (history first, same follower) and check each final reply."""
    routes = _Routes()
    logger = logging.getLogger("bot.dispatch")
    logger.addHandler(routes)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    try:
        out = []
        for row in rows:
            openid = f"o_eval_{next(_openids)}"
            for earlier in row.get("history", []):
                wechat.text(openid, earlier)
            routes.seen.clear()
            delivery = wechat.text(openid, row["text"])
            asked = Asked(row, visible(delivery), routes.seen[-1] if routes.seen else "")
            asked.failures = check(row, asked.reply, asked.route)
            out.append(asked)
        return out
    finally:
        logger.removeHandler(routes)
        logger.setLevel(old_level)


def visible(delivery) -> str:
    """What the follower reads: a text with links shown as their titles, or a card."""
    reply = delivery.reply or {}
    if reply.get("MsgType") == "text":
        return unescape(_ANCHOR.sub(r"\1", reply.get("Content", "")))
    return delivery.text


def check(row: dict, reply: str, route: str) -> list[str]:
    """What the reply misses of the row's `expect` (empty when it passes)."""
    expect = row["expect"]
    failures = []
    wanted = ROUTES.get(expect["route"], ())
    if not any(route == r or route.startswith(r if r.endswith(":") else r + ":")
               for r in wanted):
        failures.append(f"route {route or '-'} is not {expect['route']}")
    low = reply.lower()
    for group in expect.get("must_contain_any") or []:
        if not any(s.lower() in low for s in group):
            failures.append(f"none of {group}")
    for s in expect.get("must_not_contain") or []:
        if s.lower() in low:
            failures.append(f"contains {s}")
    limit = expect.get("max_chars")
    if limit and len(reply) > limit:
        failures.append(f"{len(reply)} chars > {limit}")
    return failures


def say_as(app, openid: str):
    """A function sending one follower's text through the webhook and returning what they
    see (the app prepared as the follower sets are asked)."""
    wechat = prepare(app)

    def say(text: str, who: str = openid) -> str:
        return visible(wechat.text(who, text))

    return say
