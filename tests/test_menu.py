"""config/menu.toml and `flask menu show|push`."""

from __future__ import annotations

import json

import pytest

from config.menu import MenuError, click_keys, load_menu, region_of_key


def test_the_shipped_menu_fits_wechat():
    menu = load_menu()
    assert 1 <= len(menu["button"]) <= 3
    keys = click_keys(menu)
    assert {"LATEST", "HOTLINE", "FEEDBACK", "HELP"} <= set(keys)
    assert any(region_of_key(k) for k in keys)


@pytest.mark.parametrize(
    ("toml", "reason"),
    [
        ('[[button]]\nname = "最新资讯资讯"\ntype = "click"\nkey = "LATEST"\n', "16 字节"),
        ('[[button]]\nname = "看"\ntype = "click"\n', "需要 key"),
        ('[[button]]\nname = "看"\ntype = "view"\nurl = "ftp://x"\n', "url"),
        ('[[button]]\nname = "看"\ntype = "scan"\n', "type"),
        ("button = []\n", "[[button]]"),
        ("[[button\n", "menu.toml"),
    ],
)
def test_bad_menus_name_the_button_and_field(tmp_path, toml, reason):
    path = tmp_path / "menu.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(MenuError, match=reason.replace("[", r"\[").replace("]", r"\]")):
        load_menu(path)


def test_too_many_sub_buttons(tmp_path):
    subs = ", ".join(f'{{ type = "click", name = "地区{i}", key = "K{i}" }}' for i in range(6))
    path = tmp_path / "menu.toml"
    path.write_text(f'[[button]]\nname = "地区"\nsub_button = [{subs}]\n', encoding="utf-8")
    with pytest.raises(MenuError, match="1–5"):
        load_menu(path)


def test_menu_show_prints_the_payload(runner):
    result = runner.invoke(args=["menu", "show"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == load_menu()


def test_menu_push_without_api_says_why(runner):
    result = runner.invoke(args=["menu", "push"])
    assert result.exit_code == 1
    assert "WECHAT_APP_ID" in result.output


def test_menu_push_creates_the_menu_through_the_api(fake_wechat, runner):
    result = runner.invoke(args=["menu", "push"])
    assert result.exit_code == 0, result.output
    assert "3 buttons" in result.output
    assert fake_wechat.menu == load_menu()
    shown = runner.invoke(args=["menu", "show", "--remote"])
    assert shown.exit_code == 0, shown.output
    assert "REGION_湖北" in shown.output


def test_menu_push_refused_by_wechat_says_why(fake_wechat, runner):
    fake_wechat.fail("menu/create", 40018)
    result = runner.invoke(args=["menu", "push"])
    assert result.exit_code == 1
    assert "menu/create" in result.output and "40018" in result.output
    assert fake_wechat.menu is None
