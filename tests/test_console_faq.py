"""Service answers (FAQ) in the console: add, edit, try and delete, each audited."""

from __future__ import annotations

import pytest

from bot.services import get_services
from tests.console_support import light_config, log_in, post


@pytest.fixture
def app_config(app_config):
    return light_config(app_config, articles=False)


def test_faq_entries_are_added_edited_tried_and_deleted(app):
    store = get_services(app).faq
    client, _ = log_in(app, "ed", "editor")
    entry = {"id": "wage-arrears-demo", "question": "老板拖欠工资怎么办",
             "answer": "可以拨打12333举报投诉，或到当地劳动保障监察机构反映。",
             "similar": "工资不给怎么办\n欠薪去哪里投诉", "words": "", "articles": "",
             "confirm": "12333", "more": "", "priority": "0"}
    assert post(client, "/admin/faq/new", entry).status_code == 302
    saved = store.get("wage-arrears-demo")
    assert saved.similar == ("工资不给怎么办", "欠薪去哪里投诉") and saved.confirm == "12333"
    duplicate = post(client, "/admin/faq/new", entry)
    assert duplicate.status_code == 400 and "已存在" in duplicate.text
    bad = post(client, "/admin/faq/wage-arrears-demo/edit", {**entry, "answer": ""})
    assert bad.status_code == 400 and "answer" in bad.text
    assert store.get("wage-arrears-demo").answer.startswith("可以拨打12333")
    post(client, "/admin/faq/wage-arrears-demo/edit", {**entry, "answer": "请拨打12333。"})
    assert store.get("wage-arrears-demo").answer == "请拨打12333。"
    listed = client.get("/admin/faq?try=老板拖欠工资怎么办").text
    assert "wage-arrears-demo" in listed and "命中" in listed
    assert "确认删除" in client.get("/admin/faq/wage-arrears-demo/delete").text
    post(client, "/admin/faq/wage-arrears-demo/delete", {})
    assert store.get("wage-arrears-demo") is None
    actions = [e.action for e in get_services(app).extra["console"].audit.page()]
    assert actions[:3] == ["删除服务问答", "修改服务问答", "添加服务问答"]
