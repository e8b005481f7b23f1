"""Console accounts, the login throttle and the `flask staff` commands, on the real Redis."""

from __future__ import annotations

import pytest

from bot.console.accounts import AccountError
from bot.console.lockout import MAX_FAILURES, WINDOW, LoginThrottle
from bot.services import get_services
from config.settings import SettingsError, load_settings


@pytest.fixture
def state(app):
    return get_services(app).extra["console"]


def test_passwords_are_stored_as_argon2_hashes_and_verified(app, state):
    state.accounts.add("alice", "editor", "correct horse")
    stored = get_services(app).redis.hget("jyq:staff:user:alice", "hash").decode()
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")  # argon2-cffi defaults
    assert "correct horse" not in stored
    assert state.accounts.verify("alice", "correct horse").role == "editor"
    assert state.accounts.verify("alice", "wrong horse") is None
    assert state.accounts.verify("nobody", "correct horse") is None


@pytest.mark.parametrize("name, role, password, reason", [
    ("a", "editor", "long enough", "用户名"),
    ("bad name", "editor", "long enough", "用户名"),
    ("carol", "owner", "long enough", "角色"),
    ("carol", "editor", "short", "密码长度"),
])
def test_bad_accounts_are_refused_with_the_reason(state, name, role, password, reason):
    with pytest.raises(AccountError, match=reason):
        state.accounts.add(name, role, password)
    assert state.accounts.all() == []


def test_a_taken_username_is_refused_and_keeps_its_password(state):
    state.accounts.add("alice", "admin", "first password")
    with pytest.raises(AccountError, match="已存在"):
        state.accounts.add("alice", "editor", "second password")
    assert state.accounts.verify("alice", "first password").role == "admin"


def test_five_failures_lock_the_username_for_the_window_and_only_it(app):
    throttle = LoginThrottle(get_services(app).redis, "jyq:")
    for n in range(MAX_FAILURES - 1):
        assert throttle.failed("alice", now=1000.0 + n) == 0
    assert throttle.locked_for("alice") == 0
    assert throttle.failed("alice", now=1010.0) == WINDOW
    assert WINDOW - 5 <= throttle.locked_for("alice") <= WINDOW
    assert throttle.locked_for("bob") == 0


def test_old_failures_leave_the_window(app):
    throttle = LoginThrottle(get_services(app).redis, "jyq:")
    for n in range(MAX_FAILURES - 1):
        throttle.failed("alice", now=1000.0 + n)
    assert throttle.failed("alice", now=1000.0 + WINDOW + 10) == 0


def test_cli_add_list_passwd_remove(app, runner, state):
    added = runner.invoke(args=["staff", "add", "alice", "--role", "admin", "--password-stdin"],
                          input="alice-password\n")
    assert added.exit_code == 0 and "已添加 alice（管理员）" in added.output
    prompted = runner.invoke(args=["staff", "add", "bob", "--role", "editor"],
                             input="bob-password\nbob-password\n")
    assert prompted.exit_code == 0, prompted.output
    listed = runner.invoke(args=["staff", "list"])
    assert "alice\tadmin" in listed.output and "bob\teditor" in listed.output
    assert "共 2 个账号" in listed.output

    sid = state.sessions.start("bob")
    changed = runner.invoke(args=["staff", "passwd", "bob", "--password-stdin"],
                            input="bob-new-password\n")
    assert changed.exit_code == 0
    assert state.accounts.verify("bob", "bob-new-password") is not None
    assert state.sessions.touch(sid) is None  # the old session ended with the old password

    removed = runner.invoke(args=["staff", "remove", "bob"])
    assert removed.exit_code == 0 and state.accounts.get("bob") is None
    missing = runner.invoke(args=["staff", "remove", "bob"])
    assert missing.exit_code != 0 and "没有用户 bob" in missing.output
    actions = [e.action for e in state.audit.page()]
    assert actions == ["删除员工", "重设密码", "添加员工", "添加员工"]
    assert get_services(app).redis.ttl("jyq:console:audit") == -1  # kept without TTL


def test_cli_refuses_a_short_password_and_creates_nothing(runner, state):
    result = runner.invoke(args=["staff", "add", "alice", "--role", "editor",
                                 "--password-stdin"], input="short\n")
    assert result.exit_code != 0 and "密码长度" in result.output
    assert state.accounts.get("alice") is None


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_idle_hours_must_be_a_positive_number(value):
    with pytest.raises(SettingsError, match="BOT_CONSOLE_IDLE_HOURS"):
        load_settings({"BOT_CONSOLE_IDLE_HOURS": value, "WECHAT_TOKEN": "t"})
