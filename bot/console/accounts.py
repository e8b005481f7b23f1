"""Staff accounts in Redis: a username, an argon2 password hash, a role, a preview OpenID.

One hash per account, `{prefix}staff:user:<name>`, and a set of names; no TTL (accounts last
until removed). Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106).
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass

import redis
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ROLES = ("admin", "editor")
ROLE_NAMES = {"admin": "管理员", "editor": "编辑"}
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,32}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 128



class AccountError(ValueError):
    """A request to fix: the message is Chinese and says what is wrong."""


@dataclass(frozen=True)
class Account:
    """One staff member as the console shows them (never the password hash)."""

    username: str
    role: str
    created_at: float
    preview_openid: str = ""

    @property
    def is_admin(self) -> bool:
        """True for the admin role."""
        return self.role == "admin"

    @property
    def role_name(self) -> str:
        """The role in Chinese."""
        return ROLE_NAMES.get(self.role, self.role)


def check_password(password: str) -> str:
    """`password` when acceptable, else AccountError with the rule."""
    if not MIN_PASSWORD <= len(password or "") <= MAX_PASSWORD:
        raise AccountError(f"密码长度应为 {MIN_PASSWORD} 到 {MAX_PASSWORD} 个字符")
    return password


class StaffAccounts:
    """Create, read, change and remove staff accounts."""

    def __init__(self, client: redis.Redis, prefix: str,
                 hasher: PasswordHasher | None = None) -> None:
        self.r = client
        self.prefix = prefix
        self.names_key = f"{prefix}staff:users"
        self.hasher = hasher or PasswordHasher()

    @functools.cached_property
    def _dummy(self) -> str:
        """Verifying against this when the user does not exist costs as much as a real check,
        so the response time does not tell which usernames exist (made on first need)."""
        return self.hasher.hash("not-a-real-password")

    def key(self, username: str) -> str:
        """The account's hash key."""
        return f"{self.prefix}staff:user:{username}"

    def add(self, username: str, role: str, password: str) -> Account:
        """Create an account; AccountError when the name is taken or a value is bad."""
        if not USERNAME.match(username or ""):
            raise AccountError("用户名应为 2 到 32 个字母、数字或 _ . -")
        if role not in ROLES:
            raise AccountError(f"角色只能是 {'、'.join(ROLES)} 之一")
        digest = self.hasher.hash(check_password(password))
        created = self.r.hsetnx(self.key(username), "hash", digest)
        if not created:
            raise AccountError(f"用户 {username} 已存在")
        self.r.hset(self.key(username), mapping={"role": role, "created_at": time.time()})
        self.r.sadd(self.names_key, username)
        return self.get(username)

    def get(self, username: str) -> Account | None:
        """The account, or None."""
        if not USERNAME.match(username or ""):
            return None
        raw = self.r.hgetall(self.key(username))
        if not raw or b"role" not in raw:
            return None
        data = {k.decode(): v.decode() for k, v in raw.items()}
        return Account(username, data["role"], float(data.get("created_at") or 0),
                       data.get("preview_openid", ""))

    def all(self) -> list[Account]:
        """Every account, by name."""
        names = sorted(m.decode() for m in self.r.smembers(self.names_key))
        return [a for a in map(self.get, names) if a is not None]

    def verify(self, username: str, password: str) -> Account | None:
        """The account when the password is right, else None (same cost either way)."""
        account = self.get(username)
        stored = self.r.hget(self.key(username), "hash") if account else None
        try:
            self.hasher.verify(stored.decode() if stored else self._dummy, password or "")
        except (VerificationError, InvalidHashError):
            return None
        if account is None:
            return None
        if self.hasher.check_needs_rehash(stored.decode()):
            self.r.hset(self.key(username), "hash", self.hasher.hash(password))
        return account

    def set_password(self, username: str, password: str) -> None:
        """Replace the password; AccountError when there is no such account."""
        self._require(username)
        self.r.hset(self.key(username), "hash", self.hasher.hash(check_password(password)))

    def set_role(self, username: str, role: str) -> None:
        """Change the role."""
        if role not in ROLES:
            raise AccountError(f"角色只能是 {'、'.join(ROLES)} 之一")
        self._require(username)
        self.r.hset(self.key(username), "role", role)

    def set_preview_openid(self, username: str, openid: str) -> None:
        """Store (or with '' clear) the OpenID that receives this member's previews."""
        self._require(username)
        openid = (openid or "").strip()
        if openid and not re.match(r"^[A-Za-z0-9_-]{6,64}$", openid):
            raise AccountError("OpenID 应为 6 到 64 个字母、数字或 _ -")
        self.r.hset(self.key(username), "preview_openid", openid)

    def remove(self, username: str) -> None:
        """Delete the account."""
        self._require(username)
        self.r.delete(self.key(username))
        self.r.srem(self.names_key, username)

    def count_admins(self) -> int:
        """How many admin accounts exist (the last one may not be removed from the console)."""
        return sum(1 for a in self.all() if a.is_admin)

    def _require(self, username: str) -> Account:
        account = self.get(username)
        if account is None:
            raise AccountError(f"没有用户 {username}")
        return account
