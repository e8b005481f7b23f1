"""The custom menu from config/menu.toml: checked against WeChat's limits, and its click keys."""

from __future__ import annotations

import tomllib
from pathlib import Path

MENU_PATH = Path(__file__).resolve().parent / "menu.toml"

MAX_BUTTONS, MAX_SUB_BUTTONS = 3, 5
MAX_NAME_BYTES, MAX_SUB_NAME_BYTES, MAX_KEY_BYTES, MAX_URL_BYTES = 16, 60, 128, 1024
REGION_PREFIX = "REGION_"
# Keys with a fixed meaning; REGION_<地区> keys are read by the click handler.
KNOWN_KEYS = ("LATEST", "HOTLINE", "HELP", "FEEDBACK", "MY_REGION")


class MenuError(ValueError):
    """The menu file breaks a WeChat limit; the message names the button and the field."""


def load_menu(path: Path = MENU_PATH) -> dict:
    """The menu as WeChat's menu/create payload `{"button": [...]}`, checked."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise MenuError(f"{path.name}: {exc}") from None
    buttons = data.get("button")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= MAX_BUTTONS:
        raise MenuError(f"{path.name}: 需要 1–{MAX_BUTTONS} 个 [[button]]")
    return {"button": [_button(b, f"第{i}个按钮", top=True) for i, b in enumerate(buttons, 1)]}


def _button(raw: dict, where: str, top: bool) -> dict:
    """One button, checked; a top button may hold sub-buttons instead of an action."""
    name = str(raw.get("name", "")).strip()
    limit = MAX_NAME_BYTES if top else MAX_SUB_NAME_BYTES
    if not name or len(name.encode("utf-8")) > limit:
        raise MenuError(f"{where}: name 不能为空，且不超过 {limit} 字节（{limit // 3} 个汉字）")
    subs = raw.get("sub_button")
    if subs is not None:
        if not top:
            raise MenuError(f"{where}（{name}）：子菜单里不能再有子菜单")
        if not isinstance(subs, list) or not 1 <= len(subs) <= MAX_SUB_BUTTONS:
            raise MenuError(f"{where}（{name}）：sub_button 需要 1–{MAX_SUB_BUTTONS} 项")
        return {
            "name": name,
            "sub_button": [
                _button(s, f"{where}（{name}）的第{j}项", top=False) for j, s in enumerate(subs, 1)
            ],
        }
    kind = raw.get("type")
    if kind == "click":
        key = str(raw.get("key", "")).strip()
        if not key or len(key.encode("utf-8")) > MAX_KEY_BYTES:
            raise MenuError(f"{where}（{name}）：click 按钮需要 key，且不超过 {MAX_KEY_BYTES} 字节")
        return {"type": "click", "name": name, "key": key}
    if kind == "view":
        url = str(raw.get("url", "")).strip()
        if not url.startswith(("http://", "https://")) or len(url.encode()) > MAX_URL_BYTES:
            raise MenuError(f"{where}（{name}）：view 按钮需要 http(s) 开头的 url")
        return {"type": "view", "name": name, "url": url}
    raise MenuError(f"{where}（{name}）：type 应为 click 或 view，或给出 sub_button")


def click_keys(menu: dict) -> list[str]:
    """Every click key in a menu payload, in menu order."""
    keys = []
    for button in menu["button"]:
        for b in button.get("sub_button", [button]):
            if b.get("type") == "click":
                keys.append(b["key"])
    return keys


def region_of_key(key: str) -> str | None:
    """'REGION_湖北' -> '湖北'; None for other keys."""
    if key.startswith(REGION_PREFIX) and len(key) > len(REGION_PREFIX):
        return key[len(REGION_PREFIX):]
    return None
