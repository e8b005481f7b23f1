"""Login, logout and the staff member's own settings (password, preview OpenID)."""

from __future__ import annotations

import logging

from flask import flash, g, redirect, render_template, request, session, url_for

from bot.console.accounts import AccountError
from bot.console.lockout import locked_text
from bot.console.state import console_state
from bot.console.web import audit, bp, safe_path

log = logging.getLogger("bot.console")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login form; 5 failures in 15 minutes lock the username for a while."""
    if request.method == "GET":
        return render_template("console/login.html", username="", error="")
    state = console_state()
    username = (request.form.get("username") or "").strip()
    password = request.form.get("password") or ""
    wait = state.throttle.locked_for(username) if username else 0
    if wait:
        log.warning("console: login for %r refused, locked for %d s", username, wait)
        return _login_error(username, locked_text(wait), 429)
    account = state.accounts.verify(username, password) if username else None
    if account is None:
        locked = state.throttle.failed(username) if username else 0
        log.warning("console: failed login for %r from %s", username, request.remote_addr)
        if locked:
            state.audit.record(username, "账号锁定", "15 分钟内 5 次密码错误")
            return _login_error(username, locked_text(locked), 429)
        return _login_error(username, "用户名或密码不正确。", 401)
    state.throttle.succeeded(username)
    session.clear()  # a fresh session id and CSRF secret after login (no session fixation)
    session["sid"] = state.sessions.start(account.username)
    state.audit.record(account.username, "登录", request.remote_addr or "")
    return redirect(safe_path(request.args.get("next")))


def _login_error(username: str, message: str, status: int):
    return render_template("console/login.html", username=username, error=message), status


@bp.post("/logout")
def logout():
    """End this session."""
    console_state().sessions.end(session.get("sid", ""))
    audit("退出登录")
    session.clear()
    flash("已退出登录。")
    return redirect(url_for("console.login"))


@bp.route("/me", methods=["GET", "POST"])
def me():
    """The member's own preview OpenID and password."""
    state = console_state()
    if request.method == "POST":
        what = request.form.get("action")
        try:
            if what == "preview":
                openid = request.form.get("preview_openid", "")
                state.accounts.set_preview_openid(g.staff.username, openid)
                audit("设置预览 OpenID", openid.strip() or "（清空）")
                flash("预览 OpenID 已保存。")
            elif what == "password":
                if not state.accounts.verify(g.staff.username,
                                             request.form.get("old_password", "")):
                    raise AccountError("当前密码不正确")
                state.accounts.set_password(g.staff.username,
                                            request.form.get("new_password", ""))
                state.sessions.end_all(g.staff.username)
                audit("修改自己的密码")
                session.clear()
                flash("密码已修改，请用新密码重新登录。")
                return redirect(url_for("console.login"))
        except AccountError as exc:
            flash(str(exc), "error")
        return redirect(url_for("console.me"))
    return render_template("console/me.html", account=state.accounts.get(g.staff.username))
