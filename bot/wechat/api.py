"""The bot's WeChat API client: wechatpy's WeChatClient, pointed at WECHAT_API_BASE, with the
access_token shared through Redis by every worker and host.

- Every URL, including wechatpy's hard-coded `https://api.weixin.qq.com/...` ones and the token
  fetch, is rebased onto `settings.wechat_api_base` (the fake in tests, a proxy in production).
- The token lives in Redis (wechatpy's RedisStorage, under our key prefix, TTL = its lifetime).
  Only the holder of a Redis lock fetches a new one; the others wait for the lock and re-read.
- `cgi-bin/stable_token` is preferred: it does not invalidate tokens other systems hold.
- On 40001/40014/42001 the token that failed is dropped (only if it is still the stored one)
  and the call is retried once with a fresh token.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import redis
import requests
from wechatpy import WeChatClient
from wechatpy.exceptions import WeChatClientException
from wechatpy.session.redisstorage import RedisStorage
from wechatpy.utils import json as wechat_json

from bot.platform.redis_locks import compare_and_delete, held
from bot.wechat.errors import WeChatAPIError, as_api_error, network_error
from config.settings import Settings

log = logging.getLogger("bot.wechat_api")

API_TIMEOUT = 15.0  # seconds per WeChat API call

OFFICIAL_BASE = "https://api.weixin.qq.com/"
TOKEN_ERRORS = frozenset({40001, 40014, 42001})
# Wrong AppID/AppSecret or a server outside the IP whitelist: the classic endpoint says the same.
CREDENTIAL_ERRORS = frozenset({40002, 40013, 40125, 41002, 41004, 40164})
STABLE_RETRY = 600  # seconds on cgi-bin/token after stable_token answered 404/405
EXPIRY_MARGIN = 60  # stop using a token this many seconds before WeChat says it expires



class BotWeChatClient(WeChatClient):
    """wechatpy's client with a configurable API base and a Redis-shared, locked token."""

    def __init__(
        self,
        appid: str,
        secret: str,
        *,
        redis_client: redis.Redis,
        key_prefix: str,
        api_base: str = OFFICIAL_BASE,
        timeout: float = 15.0,
        lock_wait: float = 20.0,
        stable_token: bool = True,
    ) -> None:
        storage = RedisStorage(redis_client, prefix=key_prefix + "{wechat}")
        # auto_retry off: wechatpy's own retry loops forever on a token WeChat keeps refusing.
        super().__init__(appid, secret, session=storage, timeout=timeout, auto_retry=False)
        self.api_base = api_base.rstrip("/") + "/"
        self.API_BASE_URL = self.api_base + "cgi-bin/"
        self.redis = redis_client
        self.lock_wait = lock_wait
        self.stable_token = stable_token
        self._stable_after = 0.0  # monotonic time before which stable_token is not tried
        self._drop_if_same = compare_and_delete(redis_client)

    # ----- URLs -------------------------------------------------------------------------
    def rebase(self, url: str) -> str:
        """Map an official WeChat URL onto the configured API base."""
        if url.startswith(OFFICIAL_BASE):
            return self.api_base + url[len(OFFICIAL_BASE):]
        return url

    # ----- the access_token -------------------------------------------------------------
    @property
    def token_key(self) -> str:
        """The Redis key holding the token (for tests and operators)."""
        return self.session.key_name(self.access_token_key)

    @property
    def access_token(self) -> str:
        """The shared token: read from Redis, fetched under a lock when absent."""
        token = self.session.get(self.access_token_key)
        if token:
            return token
        with held(self.redis, self.token_key + ":lock", timeout=self.timeout + 5,
                  wait=self.lock_wait) as acquired:
            if not acquired:
                raise WeChatAPIError(None, "等待其他进程获取 access_token 超时")
            token = self.session.get(self.access_token_key)  # the previous holder may have it
            if not token:
                self.fetch_access_token()
                token = self.session.get(self.access_token_key)
        return token

    def fetch_access_token(self) -> dict:
        """Fetch a token (stable_token, else the classic token endpoint) and store it."""
        body = {"grant_type": "client_credential", "appid": self.appid, "secret": self.secret}
        try:
            use_stable = self.stable_token and time.monotonic() >= self._stable_after
            result = self._stable(body) if use_stable else None
            if result is None:
                res = self._http.get(self.api_base + "cgi-bin/token", params=body,
                                     timeout=self.timeout)
                res.raise_for_status()
                result = res.json()
        except requests.RequestException as exc:
            raise network_error(exc, self.api_base + "cgi-bin/token") from None
        except ValueError:
            raise WeChatAPIError(None, "获取 access_token 失败：应答不是 JSON") from None
        if not isinstance(result, dict) or result.get("errcode") or "access_token" not in result:
            result = result if isinstance(result, dict) else {}
            raise WeChatAPIError(int(result.get("errcode", -1)), result.get("errmsg", ""))
        expires_in = int(result.get("expires_in", 7200))
        ttl = max(expires_in - EXPIRY_MARGIN, 1)
        self.session.set(self.access_token_key, result["access_token"], ttl)
        self.expires_at = int(time.time()) + ttl
        log.info("fetched a new access_token (valid %ss)", expires_in)
        return result

    def _stable(self, body: dict) -> dict | None:
        """stable_token's answer; None to fall back to cgi-bin/token (no such endpoint, or
        an answer other than a credential error, which the classic endpoint would repeat)."""
        res = self._http.post(self.api_base + "cgi-bin/stable_token", json=body,
                              timeout=self.timeout)
        if res.status_code in (404, 405):  # a gateway without stable_token
            # cgi-bin/token carries the AppSecret in its query string (for any proxy's access
            # log to keep): fall back for a while, then try stable_token again.
            log.warning("stable_token unavailable (HTTP %s); using cgi-bin/token for %d s",
                        res.status_code, STABLE_RETRY)
            self._stable_after = time.monotonic() + STABLE_RETRY
            return None
        try:
            result = res.json() if res.ok else None
        except ValueError:
            result = None
        if not isinstance(result, dict):
            log.warning("stable_token answered HTTP %s without JSON; trying cgi-bin/token",
                        res.status_code)
            return None
        if "access_token" in result or result.get("errcode") in CREDENTIAL_ERRORS:
            return result
        log.warning("stable_token failed (%s); trying cgi-bin/token", result.get("errcode"))
        return None

    def drop_token(self, token: str) -> bool:
        """Forget `token` if it is still the stored one; True when it was dropped.

        Another process may already have stored a fresh token, which must survive.
        """
        stored = wechat_json.dumps(token)  # RedisStorage stores JSON-encoded values
        return self._drop_if_same(self.token_key, stored)

    # ----- requests ---------------------------------------------------------------------
    def _request(self, method: str, url_or_endpoint: str, **kwargs: Any) -> Any:
        """Rebase the URL, attach the token, retry once on a refused token, wrap errors."""
        if url_or_endpoint.startswith(("http://", "https://")):
            url = self.rebase(url_or_endpoint)
        else:
            url = self.rebase(kwargs.pop("api_base_url", self.API_BASE_URL)) + url_or_endpoint
        kwargs.pop("api_base_url", None)
        if isinstance(kwargs.get("data"), dict) and "files" not in kwargs:
            # wechatpy posts JSON bytes with no Content-Type; say what it is
            kwargs.setdefault("headers", {}).setdefault(
                "Content-Type", "application/json; charset=utf-8")
        params = kwargs.setdefault("params", {})
        if isinstance(params, dict) and "access_token" not in params:
            params["access_token"] = self.access_token
        for attempt in (1, 2):
            try:
                return super()._request(method, url, **kwargs)
            except WeChatClientException as exc:
                if attempt == 1 and exc.errcode in TOKEN_ERRORS and isinstance(params, dict):
                    log.info("WeChat refused the token (%s); fetching a new one", exc.errcode)
                    self.drop_token(params["access_token"])
                    params["access_token"] = self.access_token
                    continue
                raise as_api_error(exc) from None
            except requests.RequestException as exc:
                raise network_error(exc, url) from None
        raise AssertionError("unreachable")


def build_api_client(settings: Settings, client: redis.Redis) -> BotWeChatClient | None:
    """The app's WeChat API client, or None when WECHAT_APP_ID/WECHAT_APP_SECRET are unset."""
    if not settings.api_enabled:
        return None
    return BotWeChatClient(
        settings.wechat_app_id,
        settings.wechat_app_secret,
        redis_client=client,
        key_prefix=settings.key_prefix,
        api_base=settings.wechat_api_base,
        timeout=API_TIMEOUT,
    )
