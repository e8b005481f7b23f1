"""Shared set-up for the console tests: a live app on the fake WeChat API with staff made by
`flask staff add`, and a logged-in browser page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.services import get_services

BOSS, BOSS_PW = "boss", "boss-password-1"
EDITOR, EDITOR_PW = "ed", "editor-password-1"
FIXTURES = Path(__file__).parent / "fixtures" / "console"


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
