"""The console's own services (accounts, sessions, login throttle, audit), built once per app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher

from bot.console.accounts import StaffAccounts
from bot.console.audit import AuditLog
from bot.console.lockout import LoginThrottle
from bot.console.sessions import StaffSessions
from bot.services import get_services

KEY = "console"


@dataclass
class ConsoleState:
    """What the console keeps in Redis besides the shared services."""

    accounts: StaffAccounts
    sessions: StaffSessions
    throttle: LoginThrottle
    audit: AuditLog


def build_state(services: Any) -> ConsoleState:
    """The console state on the app's Redis and key prefix."""
    r, prefix = services.redis, services.settings.key_prefix
    idle = float(services.settings.bot_console_idle_hours) * 3600
    # Production uses argon2-cffi's defaults (RFC 9106's low-memory profile); tests may pass
    # lighter parameters through settings.extra["staff_password_hasher"] to stay fast.
    hasher = PasswordHasher(**services.settings.extra.get("staff_password_hasher", {}))
    return ConsoleState(StaffAccounts(r, prefix, hasher), StaffSessions(r, prefix, int(idle)),
                        LoginThrottle(r, prefix), AuditLog(r, prefix))


def console_state() -> ConsoleState:
    """The current app's console state."""
    return get_services().extra[KEY]
