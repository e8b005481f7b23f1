"""Settings from the environment, checked once at start-up (DESIGN.md's table)."""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path

DEFAULT_HOTLINE = "400-633-0111"
DEFAULT_API_BASE = "https://api.weixin.qq.com/"
ACCOUNT_TYPES = ("subscription", "service")
MESSAGE_MODES = ("plain", "compat", "safe")
MIN_ADMIN_TOKEN = 24  # characters: a bearer token anyone can guess guards nothing


class SettingsError(ValueError):
    """A setting is unusable; the message is the one-line reason shown at start-up."""


@dataclass(frozen=True)
class Settings:
    """Every knob of the bot; built by `load_settings`, never mutated."""

    wechat_token: str = ""
    wechat_app_id: str = ""
    wechat_app_secret: str = ""
    wechat_encoding_aes_key: str = ""
    wechat_api_base: str = DEFAULT_API_BASE
    wechat_account_type: str = "subscription"
    redis_url: str = ""
    bot_data_dir: str = "./var"
    admin_token: str = ""
    bot_hotline: str = DEFAULT_HOTLINE
    bot_public_url: str = ""  # https://host where followers open article pages; default: Host
    bot_console_idle_hours: str = "12"  # a staff console session ends after this idle time
    bot_today: str = ""  # YYYY-MM-DD: the date 今年/去年 refer to (evaluation runs); default: today
    bot_fetch_allow: str = ""  # host:port,... that covers may come from though private
    wechat_message_mode: str = ""  # plain | compat | safe; empty: safe with a key, else plain
    wechat_max_skew: int = 300  # seconds a message's timestamp may be off our clock
    # Broadcasts: send on when WeChat judges an article a reprint it may carry (1), or stop (0);
    # and whether the account has API 群发保护 on (a send to everyone waits for an admin).
    wechat_send_ignore_reprint: bool = False
    wechat_mass_protection: bool = False
    # Not in the environment table: knobs tests and operators may still want.
    key_prefix: str = "jyq:"
    rate_limit_per_minute: int = 30
    question_log_days: int = 90  # BOT_QUESTION_LOG_DAYS: how long follower questions are kept
    token_was_generated: bool = False
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def api_enabled(self) -> bool:
        """True when AppID and AppSecret are both set, so WeChat API calls can work."""
        return bool(self.wechat_app_id and self.wechat_app_secret)

    @property
    def crypto_enabled(self) -> bool:
        """True when an EncodingAESKey is set (safe and compatible mode)."""
        return bool(self.wechat_encoding_aes_key)

    @property
    def message_mode(self) -> str:
        """The message mode in force: the setting, else safe with a key and plain without."""
        return self.wechat_message_mode or ("safe" if self.crypto_enabled else "plain")

    @property
    def fetch_allow(self) -> frozenset[str]:
        """BOT_FETCH_ALLOW as a set of host:port pairs."""
        return frozenset(p.strip().lower() for p in self.bot_fetch_allow.split(",") if p.strip())

    @property
    def data_dir(self) -> Path:
        """The local data folder as a Path."""
        return Path(self.bot_data_dir)


ENV_NAMES = {f.name: f.name.upper() for f in fields(Settings) if f.type == "str"}
FLAG_NAMES = {f.name: f.name.upper() for f in fields(Settings)
              if f.type == "bool" and f.name.startswith("wechat_")}
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _flag(env_name: str, raw: str) -> bool:
    """A yes/no setting: 1/true/yes/on or 0/false/no/off."""
    value = raw.strip().lower()
    if value in TRUE or value in FALSE:
        return value in TRUE
    raise SettingsError(f"{env_name} must be 1 or 0 (true/false), got {raw!r}")
# Whole-number settings: environment name -> field (BOT_RATE_LIMIT 0 turns the limit off).
INT_ENV = {"BOT_RATE_LIMIT": "rate_limit_per_minute", "WECHAT_MAX_SKEW": "wechat_max_skew",
           "BOT_QUESTION_LOG_DAYS": "question_log_days"}


def _dev_token(data_dir: Path) -> str:
    """A development token, stable across restarts so a configured console keeps working."""
    path = data_dir / "dev-token"
    try:
        token = path.read_text(encoding="utf-8").strip()
        if token:
            return token
    except OSError:
        pass
    token = "dev" + secrets.token_hex(8)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(token + "\n", encoding="utf-8")
    except OSError:
        pass  # a read-only data dir still gets a token for this run
    return token


def validate_aes_key(key: str) -> None:
    """Raise SettingsError unless `key` is WeChat's 43-character base64 EncodingAESKey."""
    if len(key) != 43:
        raise SettingsError(
            f"WECHAT_ENCODING_AES_KEY must be 43 characters, got {len(key)}"
        )
    try:
        raw = base64.b64decode(key + "=", validate=True)
    except (binascii.Error, ValueError):
        raise SettingsError("WECHAT_ENCODING_AES_KEY is not valid base64") from None
    if len(raw) != 32:
        raise SettingsError("WECHAT_ENCODING_AES_KEY does not decode to 32 bytes")


def load_settings(
    environ: Mapping[str, str] | None = None, overrides: Mapping | None = None
) -> Settings:
    """Read settings from `environ` (default os.environ), apply overrides, and check them."""
    env = os.environ if environ is None else environ
    values: dict = {}
    for name, env_name in ENV_NAMES.items():
        raw = env.get(env_name)
        if raw is not None and raw.strip() != "":
            values[name] = raw.strip()
    for name, env_name in FLAG_NAMES.items():
        raw = env.get(env_name)
        if raw is not None and raw.strip() != "":
            values[name] = _flag(env_name, raw)
    for env_name, name in INT_ENV.items():
        raw = (env.get(env_name) or "").strip()
        if raw:
            if not raw.isdigit():
                raise SettingsError(f"{env_name} must be a whole number, got {raw!r}")
            values[name] = int(raw)
    settings = Settings(**values)
    if overrides:
        known = {f.name for f in fields(Settings)}
        settings = replace(settings, **{k: v for k, v in overrides.items() if k in known})
    if not settings.wechat_token:
        settings = replace(
            settings, wechat_token=_dev_token(settings.data_dir), token_was_generated=True
        )
    check_settings(settings)
    return settings


def check_settings(settings: Settings) -> None:
    """Raise SettingsError with a one-line reason for any unusable value."""
    if settings.wechat_encoding_aes_key:
        validate_aes_key(settings.wechat_encoding_aes_key)
    mode = settings.wechat_message_mode
    if mode and mode not in MESSAGE_MODES:
        raise SettingsError(f"WECHAT_MESSAGE_MODE must be plain, compat or safe, got {mode!r}")
    if mode in ("compat", "safe") and not settings.crypto_enabled:
        raise SettingsError(f"WECHAT_MESSAGE_MODE={mode} needs WECHAT_ENCODING_AES_KEY")
    if settings.admin_token and len(settings.admin_token) < MIN_ADMIN_TOKEN:
        raise SettingsError(
            f"ADMIN_TOKEN must be at least {MIN_ADMIN_TOKEN} characters "
            f"(got {len(settings.admin_token)}); generate one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`")
    if settings.wechat_max_skew < 1:
        raise SettingsError("WECHAT_MAX_SKEW must be at least 1 second")
    if settings.wechat_account_type not in ACCOUNT_TYPES:
        raise SettingsError(
            "WECHAT_ACCOUNT_TYPE must be 'subscription' or 'service', "
            f"got {settings.wechat_account_type!r}"
        )
    if settings.bot_public_url and not settings.bot_public_url.startswith(("http://", "https://")):
        raise SettingsError("BOT_PUBLIC_URL must be an http(s) URL")
    if not _positive(settings.bot_console_idle_hours):
        raise SettingsError("BOT_CONSOLE_IDLE_HOURS must be a positive number of hours")
    if not settings.wechat_api_base.startswith(("http://", "https://")):
        raise SettingsError("WECHAT_API_BASE must be an http(s) URL")
    if settings.question_log_days < 1:
        raise SettingsError("BOT_QUESTION_LOG_DAYS must be 1 or more days, "
                            f"got {settings.question_log_days}")
    if settings.bot_today:
        try:
            datetime.strptime(settings.bot_today, "%Y-%m-%d")
        except ValueError:
            raise SettingsError(f"BOT_TODAY must be YYYY-MM-DD, got {settings.bot_today!r}") \
                from None
    if settings.wechat_app_secret and not settings.wechat_app_id:
        raise SettingsError("WECHAT_APP_SECRET is set but WECHAT_APP_ID is not")
    if settings.wechat_encoding_aes_key and not settings.wechat_app_id:
        raise SettingsError(
            "WECHAT_APP_ID is required with WECHAT_ENCODING_AES_KEY (it is inside every message)"
        )


def _positive(text: str) -> bool:
    """True when `text` is a number above zero."""
    try:
        return 0 < float(text) < 100000
    except ValueError:
        return False
