"""`flask --app wsgi staff add|list|passwd|remove`: console accounts from the shell."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from bot.console.accounts import ROLES, AccountError
from bot.console.state import console_state
from bot.platform.china_time import fmt_ts

staff_cli = AppGroup("staff", help="员工控制台账号：添加、列出、改密码、删除。")


def _password(from_stdin: bool) -> str:
    """The new password: the first line of standard input, or asked twice at a prompt."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("密码", hide_input=True, confirmation_prompt="再输入一次")


@staff_cli.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True, help="admin 或 editor")
@click.option("--password-stdin", is_flag=True, help="从标准输入读取密码（第一行）")
def add_cmd(username: str, role: str, password_stdin: bool) -> None:
    """Create a console account."""
    state = console_state()
    try:
        account = state.accounts.add(username, role, _password(password_stdin))
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    state.audit.record("命令行", "添加员工", f"{account.username}（{account.role_name}）")
    click.echo(f"已添加 {account.username}（{account.role_name}）")


@staff_cli.command("list")
def list_cmd() -> None:
    """Every account with its role."""
    accounts = console_state().accounts.all()
    for a in accounts:
        preview = f"  预览 OpenID {a.preview_openid}" if a.preview_openid else ""
        click.echo(f"{a.username}\t{a.role}\t创建于 {fmt_ts(a.created_at)}{preview}")
    click.echo(f"共 {len(accounts)} 个账号")


@staff_cli.command("passwd")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="从标准输入读取密码（第一行）")
def passwd_cmd(username: str, password_stdin: bool) -> None:
    """Set a new password; the account's open sessions end."""
    state = console_state()
    try:
        state.accounts.set_password(username, _password(password_stdin))
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    state.sessions.end_all(username)
    state.audit.record("命令行", "重设密码", username)
    click.echo(f"已为 {username} 设置新密码")


@staff_cli.command("remove")
@click.argument("username")
def remove_cmd(username: str) -> None:
    """Delete an account and end its sessions."""
    state = console_state()
    try:
        state.accounts.remove(username)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    state.sessions.end_all(username)
    state.audit.record("命令行", "删除员工", username)
    click.echo(f"已删除 {username}")
