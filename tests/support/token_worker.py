"""A separate process that calls the WeChat API once and prints the token it used.

Usage: python -m tests.support.token_worker REDIS_URL API_BASE APPID SECRET START_AT
"""

from __future__ import annotations

import sys
import time

from bot.platform.redis_url import open_client
from bot.wechat.api import BotWeChatClient


def main() -> None:
    """Wait until START_AT (so sibling processes race), call tags/get, print the token."""
    redis_url, base, appid, secret, start_at = sys.argv[1:6]
    client = BotWeChatClient(appid, secret, redis_client=open_client(redis_url),
                             key_prefix="jyq:", api_base=base)
    time.sleep(max(0.0, float(start_at) - time.time()))
    client.tag.get()
    print(client.access_token)


if __name__ == "__main__":
    main()
