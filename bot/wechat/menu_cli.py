"""`flask menu push|show`: the account's custom menu from config/menu.toml."""

from __future__ import annotations

import json

import click
from flask.cli import with_appcontext
from wechatpy.exceptions import WeChatException

from bot.services import get_services
from bot.wechat.errors import API_OFF
from config.menu import MenuError, click_keys, load_menu


def _menu() -> dict:
    """The checked menu, or a one-line error naming the button and field."""
    try:
        return load_menu()
    except MenuError as exc:
        raise click.ClickException(f"config/menu.toml 有误：{exc}") from None


def _api():
    """The WeChat API client, or a clear error when AppID/AppSecret are unset."""
    api = get_services().api
    if api is None:
        raise click.ClickException(API_OFF + "，无法推送菜单")
    return api


@click.group("menu")
def menu() -> None:
    """The account's custom menu (config/menu.toml)."""


@menu.command("show")
@click.option("--remote", is_flag=True, help="Print the menu WeChat has now, not the file's.")
@with_appcontext
def show(remote: bool) -> None:
    """Print the menu as it would be pushed (or, with --remote, as WeChat has it)."""
    if remote:
        try:
            data = _api().menu.get()
        except WeChatException as exc:
            raise click.ClickException(f"WeChat refused menu/get: {exc}") from None
    else:
        data = _menu()
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@menu.command("push")
@with_appcontext
def push() -> None:
    """Create the account's custom menu from config/menu.toml through the WeChat API."""
    data = _menu()
    api = _api()
    try:
        api.menu.create(data)
    except WeChatException as exc:
        raise click.ClickException(f"WeChat refused menu/create: {exc}") from None
    except OSError as exc:  # requests' connection errors are OSErrors
        raise click.ClickException(f"could not reach the WeChat API: {exc}") from None
    keys = click_keys(data)
    click.echo(f"menu pushed: {len(data['button'])} buttons, {len(keys)} click keys")
