"""The console blueprint: session login on every page, CSRF on every POST, roles, the audit.

The cookie holds only a random session id (and Flask-WTF's CSRF secret), signed; the session
itself lives in Redis (bot.console.sessions), so logout and idle expiry are enforced by the
server. The cookie is HttpOnly and SameSite=Lax, and Secure whenever the request came over
HTTPS or BOT_PUBLIC_URL is an https address (a TLS-terminating proxy in front).
"""

from __future__ import annotations

import functools
import html
import logging
import re
import secrets

from flask import Blueprint, Flask, abort, g, redirect, render_template, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFError, generate_csrf, validate_csrf
from markupsafe import Markup, escape
from wtforms.validators import ValidationError

from bot.console.state import console_state
from bot.console.upload import MAX_UPLOAD
from bot.services import get_services

log = logging.getLogger("bot.console")

bp = Blueprint("console", __name__, url_prefix="/admin", template_folder="templates",
               static_folder="static", static_url_path="/static")

OPEN_ENDPOINTS = {"console.login", "console.static"}
COOKIE = "jyq_console"


class ConsoleSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, for console pages only, Secure when served over HTTPS.

    The signing key is read (or made) in Redis on the first console request, so an app that
    only answers WeChat never writes to the store."""

    def open_session(self, app: Flask, request):
        path = request.path
        if not path.startswith("/admin") or path.startswith("/admin/api/"):
            return None  # Flask gives the other routes a null session; they never use one
        if not app.secret_key:
            app.secret_key = shared_secret(get_services(app))
        return super().open_session(app, request)

    def get_cookie_secure(self, app: Flask) -> bool:
        # Behind a TLS-terminating proxy the request looks like http: BOT_PUBLIC_URL says https.
        public = get_services(app).settings.bot_public_url
        return (bool(request and request.is_secure) or public.startswith("https://")
                or super().get_cookie_secure(app))


def shared_secret(services) -> str:
    """The cookie signing key every worker and host shares: made once, kept in Redis."""
    key = f"{services.settings.key_prefix}{{console}}:secret_key"
    services.redis.set(key, secrets.token_hex(32), nx=True)
    return services.redis.get(key).decode()


def configure(app: Flask) -> None:
    """Cookie settings and CSRF; the signing key comes on the first console request."""
    app.session_interface = ConsoleSessionInterface()
    app.config.update(
        SESSION_COOKIE_NAME=COOKIE, SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_PATH="/admin",
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session (idle timeout)
    )
    app.jinja_env.globals["csrf_token"] = generate_csrf


@bp.before_request
def _guard():
    """Refuse a POST without a valid CSRF token (400), then require a live session."""
    if request.endpoint == "console.articles_upload":
        request.max_content_length = MAX_UPLOAD  # set before the form is read
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        try:
            validate_csrf(request.form.get("csrf_token"))
        except (ValidationError, CSRFError) as exc:
            log.warning("console: CSRF refused %s %s: %s", request.method, request.path, exc)
            return render_template("console/error.html", status=400,
                                   message="表单已失效或缺少安全校验（CSRF），请刷新页面后重试。"
                                   ), 400
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    state = console_state()
    username = state.sessions.touch(session.get("sid", ""))
    account = state.accounts.get(username) if username else None
    if account is None:
        session.pop("sid", None)
        return redirect(url_for("console.login", next=request.full_path.rstrip("?")))
    g.staff = account
    return None


# Scripts, styles and forms only from the console itself; images may come from WeChat's CDN
# (followers' pictures, article covers); no framing (clickjacking).
CSP = ("default-src 'self'; img-src 'self' data: http: https:; style-src 'self'; "
       "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


@bp.after_request
def _headers(response):
    """Security headers on every console response; pages with staff data are not cached."""
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint != "console.static":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def admin_only(view):
    """403 for editors: staff accounts and the audit log belong to admins."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not g.staff.is_admin:
            abort(403)
        return view(*args, **kwargs)
    return wrapper


def audit(action: str, detail: str = "") -> None:
    """Record an action of the logged-in staff member."""
    console_state().audit.record(g.staff.username, action, detail)


ERRORS = {400: "请求有误。", 403: "只有管理员可以打开这个页面。", 404: "没有找到这个页面或记录。",
          405: "不支持这种请求方式。"}


def _console_error(exc):
    """Console pages get a Chinese error page; the JSON staff API keeps its own errors."""
    if not request.path.startswith("/admin") or request.path.startswith("/admin/api/"):
        return exc
    message = ERRORS.get(exc.code, "出错了。")
    if exc.code == 400 and exc.description and not exc.description.startswith("The browser"):
        message = exc.description
    return render_template("console/error.html", status=exc.code, message=message), exc.code


for _code in ERRORS:
    bp.app_errorhandler(_code)(_console_error)


def safe_path(target: str | None) -> str:
    """`target` when it is a path inside the console, else the dashboard (no open redirect)."""
    if target and target.startswith("/admin") and not target.startswith("//"):
        return target
    return url_for("console.dashboard")


def page_number() -> int:
    """The `page` query argument (1 when absent or bad)."""
    raw = request.args.get("page", "1")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100000 else 1


_ANCHOR = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.S)


@bp.app_template_filter("chat_text")
def chat_text(text: str) -> Markup:
    """A text reply as the follower's phone shows it: WeChat's <a> links clickable (http(s)
    and site paths only), everything else shown as text."""
    out, last = [], 0
    for m in _ANCHOR.finditer(text):
        out.append(escape(html.unescape(text[last:m.start()])))
        url, label = html.unescape(m.group(1)), html.unescape(m.group(2))
        if url.startswith(("http://", "https://", "/")) and not url.startswith("//"):
            out.append(Markup('<a href="{}" rel="noreferrer noopener">{}</a>').format(url, label))
        else:
            out.append(escape(html.unescape(m.group(0))))
        last = m.end()
    out.append(escape(html.unescape(text[last:])))
    return Markup("").join(out)
