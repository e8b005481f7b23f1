"""The fake WeChat API's state: tokens, followers, tags, materials, drafts, mass sends.

Answers follow the official documentation (errcodes and errmsgs as WeChat writes them, each
errmsg ending in a ` rid: ...` request id as real answers do). The HTTP layer is in
wechat_api.py; endpoint logic is in wechat_endpoints.py.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

ERRMSG = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40003: "invalid openid",
    40004: "invalid media type",
    40007: "invalid media_id",
    40008: "invalid message type",
    40009: "invalid image size",
    40013: "invalid appid",
    40016: "invalid button size",
    40032: "invalid openid list size",
    40035: "invalid args",
    40113: "unsupported file type",
    40125: "invalid appsecret",
    41001: "access_token missing",
    41002: "appid missing",
    41004: "appsecret missing",
    41005: "media data missing",
    42001: "access_token expired",
    43002: "require POST method",
    44002: "empty post data",
    45002: "content size out of limit",
    45003: "title size out of limit",
    45004: "description size out of limit",
    45009: "reach max api daily quota limit",
    45015: "response out of time limit or subscription is canceled",
    45028: "has no masssend quota",
    45056: "too many tags now, no need to add new",
    45057: "can't delete the tag that has too many fans",
    45058: "can't modify sys tag",
    45059: "too many tags on user",
    45047: "out of response count limit",
    45065: "clientmsgid exist",
    45066: "same clientmsgid retry too fast",
    45067: "clientmsgid size out of limit",
    45157: "invalid tag name",
    45158: "tag name too long",
    45159: "invalid tag id",
    46003: "menu no exist",
    47001: "data format error",
}
SYSTEM_TAGS = {0: "黑名单", 1: "星标组", 2: "默认"}  # ids 0-2 are WeChat's own
CLIENTMSGID_WINDOW = 24 * 3600  # WeChat dedups a clientmsgid for 24 hours
CLIENTMSGID_RETRY = 60  # the same clientmsgid again within a minute: 45066
CONFIRM_WINDOW = 30 * 60  # 群发保护: the administrator has 30 minutes to confirm
STABLE_GRACE = 300  # the platform renews a stable token 5 minutes before it expires
CLASSIC_GRACE = 300  # a replaced classic token keeps working for 5 minutes


class ApiError(Exception):
    """An errcode answer; `extra` fields join the JSON (45065 carries the earlier msg_id)."""

    def __init__(self, errcode: int, **extra: Any) -> None:
        super().__init__(errcode)
        self.errcode = errcode
        self.extra = extra


def answer(errcode: int, **extra: Any) -> dict:
    """An error body as WeChat sends it."""
    rid = f"{secrets.token_hex(4)}-{secrets.token_hex(4)}"
    return {"errcode": errcode, "errmsg": f"{ERRMSG.get(errcode, 'error')} rid: {rid}", **extra}


@dataclass
class Call:
    """One request the fake received."""

    method: str
    path: str  # without the leading '/cgi-bin/': 'message/mass/sendall'
    query: dict
    json: Any
    files: dict
    content_type: str = ""
    errcode: int = 0
    status: int = 200  # HTTP status; 404 for endpoints the fake lacks or has disabled


@dataclass
class MassJob:
    """One accepted mass send (or preview)."""

    msg_id: int
    msg_data_id: int
    media_id: str
    to_all: bool
    tag_id: int | None
    clientmsgid: str | None
    recipients: list[str]  # who gets it once it goes out (those delivered, once sent)
    preview: bool = False
    at: float = field(default_factory=time.time)
    # WeChat's outcome, as the MASSSENDJOBFINISH event reports it:
    status: str = "send success"  # or "send fail" (reprint stop, 群发保护 refused / timed out)
    state: str = "sent"  # 'sent', 'awaiting_confirmation' (群发保护), 'stopped'
    check_state: int = 1  # CopyrightCheckResult.CheckState: 1 original, 2 reprint sent, 3 stopped
    reprints: list[dict] = field(default_factory=list)  # CopyrightCheckResult.ResultList items
    article_urls: list[str] = field(default_factory=list)  # ArticleUrlResult, once sent
    total: int = 0  # TotalCount: the audience before filtering
    confirm_by: float = 0.0  # 群发保护: the end of the administrator's 30 minutes

    @property
    def delivered(self) -> list[str]:
        """Followers whose phones got the message (nobody while unsent or stopped)."""
        return list(self.recipients) if self.state == "sent" else []


class FakeState:
    """Everything the fake knows; one lock guards it (the server is threaded)."""

    def __init__(self, appid: str, secret: str, *, token_ttl: int = 7200,
                 mass_quota: int | None = 1, account_type: str = "subscription") -> None:
        self.appid = appid
        self.secret = secret
        self.token_ttl = token_ttl
        self.mass_quota = mass_quota  # accepted sendall per calendar day; None = unlimited
        # 'service' (服务号): one successful send to everyone a day, four a month per follower
        self.account_type = account_type
        self.mass_protection = False  # API 群发保护: a send to everyone waits for the admin
        self.clock_offset = 0.0  # advance() moves the fake's clock (windows, quotas, days)
        self.reprints: dict[str, dict] = {}  # title or source URL -> the original it copies
        self.grants: dict[str, list] = {}  # openid -> customer-service grants (wechat_custom)
        self.cid_tries: dict[str, float] = {}  # clientmsgid -> last attempt (45066)
        self.lock = threading.RLock()
        self.tokens: dict[str, float] = {}  # token -> expires_at (both kinds)
        self.stable: str | None = None
        self.classic: str | None = None
        self.followers: dict[str, float] = {}  # openid -> last interaction (time.time())
        self.user_tags: dict[str, set[int]] = {}
        self.tags: dict[int, str] = dict(SYSTEM_TAGS)
        self.next_tag = 100
        self.materials: dict[str, dict] = {}
        self.drafts: dict[str, dict] = {}
        self.jobs: dict[int, MassJob] = {}
        self.clientmsgids: dict[str, tuple[float, int]] = {}
        self.next_msg = 1000001
        self.menu: dict | None = None
        self.custom_messages: list[dict] = []
        self.calls: list[Call] = []
        self.failures: dict[str, list[int]] = {}
        self.delays: dict[str, float] = {}  # path -> seconds to wait before answering
        self.holds: dict[str, float] = {}  # path -> seconds to hold an answer already acted on
        self.disabled: set[str] = set()  # paths answered 404, like a gateway lacking them

    # ----- test controls ---------------------------------------------------------------
    def now(self) -> float:
        """The fake's clock (real time plus whatever advance() added)."""
        return time.time() + self.clock_offset

    def advance(self, seconds: float) -> None:
        """Move the fake's clock on (customer-service windows, clientmsgid, quotas, 群发保护)."""
        with self.lock:
            self.clock_offset += seconds

    def add_follower(self, openid: str, interacted: bool = True) -> None:
        """A follower; `interacted` means they just messaged (5 custom messages in 48 h)."""
        from tests.fakes.wechat_custom import grant

        with self.lock:
            self.followers[openid] = self.now() if interacted else 0.0
            self.user_tags.setdefault(openid, set())
            self.grants.pop(openid, None)
            if interacted:
                grant(self, openid, "message")

    def interact(self, openid: str, kind: str) -> None:
        """The follower did something that opens a customer-service window.

        `kind`: 'message' (5 messages within 48 h), 'click', 'subscribe' or 'scan'
        (3 within a minute); see tests/fakes/wechat_custom.py.
        """
        from tests.fakes.wechat_custom import grant

        with self.lock:
            grant(self, openid, kind)

    def unsubscribe(self, openid: str) -> None:
        """The follower left: WeChat forgets their tags; calls naming them answer 40003."""
        with self.lock:
            self.followers.pop(openid, None)
            self.user_tags.pop(openid, None)
            self.grants.pop(openid, None)

    def mark_reprint(self, key: str, original_url: str, can_reprint: bool = True) -> None:
        """Articles with this title or source URL copy an original in WeChat's 原创库."""
        with self.lock:
            self.reprints[key] = {"url": original_url, "can_reprint": can_reprint}

    def confirm(self, msg_id: int, approve: bool = True) -> None:
        """The administrator confirms (or refuses) a send waiting for 群发保护."""
        from tests.fakes.wechat_events import confirm

        with self.lock:
            confirm(self, msg_id, approve)

    def finish_event(self, msg_id: int | str) -> str:
        """The MASSSENDJOBFINISH event XML WeChat would post to the bot for this send."""
        from tests.fakes.wechat_events import finish_event_xml

        with self.lock:
            return finish_event_xml(self, self.jobs[int(msg_id)])

    def deliveries(self, openid: str) -> int:
        """How many mass messages reached this follower's phone."""
        with self.lock:
            return sum(openid in j.delivered for j in self.jobs.values() if not j.preview)

    def fail(self, path: str, errcode: int, times: int = 1) -> None:
        """Answer `errcode` for the next `times` calls of `path` (e.g. 'message/mass/sendall')."""
        with self.lock:
            self.failures.setdefault(path.strip("/").removeprefix("cgi-bin/"), []).extend(
                [errcode] * times
            )

    def slow(self, path: str, seconds: float) -> None:
        """Answer `path` only after `seconds` (to make concurrent callers overlap)."""
        with self.lock:
            self.delays[path.strip("/").removeprefix("cgi-bin/")] = seconds

    def hold(self, path: str, seconds: float) -> None:
        """Act on `path` at once but answer only after `seconds` (a caller killed meanwhile
        never learns that its call went through)."""
        with self.lock:
            self.holds[path.strip("/").removeprefix("cgi-bin/")] = seconds

    def expire_tokens(self) -> None:
        """Every token issued so far expires now (the next use answers 42001)."""
        with self.lock:
            now = time.time()
            self.tokens = {t: min(exp, now - 1) for t, exp in self.tokens.items()}

    def revoke_tokens(self) -> None:
        """Forget every token (the next use answers 40001, as after an AppSecret reset)."""
        with self.lock:
            self.tokens.clear()
            self.stable = self.classic = None

    def calls_to(self, path: str) -> list[Call]:
        """The recorded calls of one endpoint, oldest first."""
        with self.lock:
            return [c for c in self.calls if c.path == path]

    def token_fetches(self) -> list[Call]:
        """Calls of either token endpoint."""
        with self.lock:
            return [c for c in self.calls if c.path in ("token", "stable_token")]

    def sent_jobs(self) -> list[MassJob]:
        """Accepted mass sends (not previews)."""
        with self.lock:
            return [j for j in self.jobs.values() if not j.preview]

    # ----- helpers for endpoints -------------------------------------------------------
    def issue(self, kind: str) -> tuple[str, int]:
        """A new token of `kind` ('stable' or 'classic'), replacing that kind's previous one."""
        now = time.time()
        token = secrets.token_urlsafe(48)
        previous = self.stable if kind == "stable" else self.classic
        if previous in self.tokens:
            if kind == "stable":
                # a replaced stable token is invalid at once (40001, "not latest")
                del self.tokens[previous]
            else:  # a replaced classic token keeps working a few minutes
                self.tokens[previous] = min(self.tokens[previous], now + CLASSIC_GRACE)
        self.tokens[token] = now + self.token_ttl
        if kind == "stable":
            self.stable = token
        else:
            self.classic = token
        return token, self.token_ttl

    def check_token(self, token: str | None) -> None:
        """Raise 41001/40001/42001 as WeChat does for a missing, unknown or expired token."""
        if not token:
            raise ApiError(41001)
        expires = self.tokens.get(token)
        if expires is None:
            raise ApiError(40001)
        if expires <= time.time():
            raise ApiError(42001)

    def new_msg_ids(self) -> tuple[int, int]:
        """A fresh (msg_id, msg_data_id) pair."""
        self.next_msg += 1
        return self.next_msg, 2_000_000_000 + self.next_msg
