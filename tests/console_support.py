"""Shared set-up for the console tests: a live app on the fake WeChat API with staff made by
`flask staff add`, and a logged-in browser page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.services import get_services

BOSS, BOSS_PW = "boss", "boss-password-1"
EDITOR, EDITOR_PW = "ed", "editor-password-1"
FIXTURES = Path(__file__).parent / "fixtures" / "console"
# argon2 with its production cost takes ~0.25 s a hash here; the console tests hash and verify
# dozens of times, so they use a light cost (test_console_accounts checks the real one).
LIGHT_HASH = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}


def light_config(app_config: dict, articles: bool = True) -> dict:
    """`app_config` with cheap password hashing (and, unless asked, no bundled articles)."""
    extra = app_config.setdefault("extra", {})
    extra["staff_password_hasher"] = LIGHT_HASH
    if not articles:
        extra["kb_bundled"] = False
    return app_config


@dataclass
class Console:
    """The served app and what tests reach through it."""

    app: object
    url: str
    fake: object

    @property
    def state(self):
        """The console's accounts, sessions, throttle and audit."""
        return get_services(self.app).extra["console"]

    def wechat(self) -> WeChatSide:
        """WeChat's side of the webhook, posting to this app."""
        s = get_services(self.app).settings
        return WeChatSide(http_transport(self.url), s.wechat_token, s.wechat_encoding_aes_key,
                          s.wechat_app_id)


def add_staff(app, username: str, role: str, password: str) -> None:
    """Create an account the way an operator does: `flask staff add --password-stdin`."""
    result = app.test_cli_runner().invoke(
        args=["staff", "add", username, "--role", role, "--password-stdin"],
        input=password + "\n")
    assert result.exit_code == 0, result.output


def login(page, username: str, password: str, goto: bool = True) -> None:
    """Fill and send the login form (of /admin/login, or of the page already open)."""
    if goto:
        page.goto("/admin/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


PASSWORD = "console-password"  # of the accounts log_in makes
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf(client, path: str = "/admin/login") -> str:
    """The CSRF token of a console page's forms."""
    return TOKEN.search(client.get(path).text).group(1)


def post(client, path: str, data: dict, page: str = "/admin/me", **kwargs):
    """POST a console form with a valid token (read from `page`)."""
    return client.post(path, data={**data, "csrf_token": csrf(client, page)}, **kwargs)


def log_in(app, username: str = "alice", role: str = "admin", base_url: str = "http://localhost"):
    """A test client logged in as `username` (created with `role` when missing)."""
    state = get_services(app).extra["console"]
    if state.accounts.get(username) is None:
        state.accounts.add(username, role, PASSWORD)
    client = app.test_client()
    resp = client.post("/admin/login", base_url=base_url, data={
        "username": username, "password": PASSWORD,
        "csrf_token": TOKEN.search(client.get("/admin/login", base_url=base_url).text)[1]})
    assert resp.status_code == 302, resp.text
    return client, resp


