"""Admins only: staff accounts (add, role, password, remove) and the audit log."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for

from bot.console.accounts import ROLE_NAMES, ROLES, AccountError
from bot.console.state import console_state
from bot.console.web import admin_only, audit, bp, page_number

AUDIT_PAGE = 50


@bp.route("/staff", methods=["GET", "POST"])
@admin_only
def staff():
    """The accounts, and the forms that change them."""
    state = console_state()
    if request.method == "POST":
        form = request.form
        what, name = form.get("action"), (form.get("username") or "").strip()
        try:
            if what == "add":
                account = state.accounts.add(name, form.get("role", ""), form.get("password", ""))
                audit("添加员工", f"{account.username}（{account.role_name}）")
                flash(f"已添加 {account.username}。")
            elif what == "role":
                role = form.get("role", "")
                if name == g.staff.username and role != "admin":
                    raise AccountError("不能取消自己的管理员角色")
                state.accounts.set_role(name, role)
                audit("修改角色", f"{name} → {ROLE_NAMES.get(role, role)}")
                flash(f"{name} 的角色已改为{ROLE_NAMES.get(role, role)}。")
            elif what == "password":
                state.accounts.set_password(name, form.get("password", ""))
                state.sessions.end_all(name)
                audit("重设密码", name)
                flash(f"已为 {name} 设置新密码，其已登录的会话已退出。")
            elif what == "remove":
                if name == g.staff.username:
                    raise AccountError("不能删除自己的账号")
                if form.get("confirm") != "1":
                    raise AccountError("删除前请勾选“确认删除”")
                state.accounts.remove(name)
                state.sessions.end_all(name)
                audit("删除员工", name)
                flash(f"已删除 {name}。")
            else:
                raise AccountError("未知操作")
        except AccountError as exc:
            flash(str(exc), "error")
        return redirect(url_for("console.staff"))
    return render_template("console/staff.html", accounts=state.accounts.all(), roles=ROLES,
                           role_names=ROLE_NAMES)


@bp.get("/audit")
@admin_only
def audit_log():
    """Every staff action, newest first."""
    log = console_state().audit
    page = page_number()
    total = log.count()
    return render_template("console/audit.html", entries=log.page((page - 1) * AUDIT_PAGE,
                                                                   AUDIT_PAGE),
                           total=total, page=page, args=request.args,
                           pages=max(1, (total + AUDIT_PAGE - 1) // AUDIT_PAGE))
