"""A separate bot process for broadcast tests: `send` a job, or run the `worker` command once.

Usage: python -m tests.support.bc_proc (send|worker) REDIS_URL API_BASE APPID SECRET START_AT
The process waits until START_AT so that sibling processes really overlap.
"""

from __future__ import annotations

import sys
import tempfile
import time

from bot import create_app
from bot.services import get_services
from tests.support.articles import ArticleShelf


def main() -> None:
    """Build an app like wsgi.py does (with test articles) and do one thing."""
    mode, redis_url, base, appid, secret, start_at = sys.argv[1:7]
    app = create_app({
        "redis_url": redis_url, "wechat_api_base": base, "wechat_app_id": appid,
        "wechat_app_secret": secret, "wechat_token": "testtoken", "ENVIRON": {},
        "bot_data_dir": tempfile.mkdtemp(prefix="bc-proc-"),
    })
    get_services(app).kb = ArticleShelf()
    time.sleep(max(0.0, float(start_at) - time.time()))
    if mode == "send":
        job = get_services(app).extra["broadcasts"].request("jz-skills-2024", send_all=True)
        print(job.id, job.status)
    else:
        result = app.test_cli_runner().invoke(args=["worker", "--once"])
        print(result.output, end="")
        sys.exit(result.exit_code)


if __name__ == "__main__":
    main()
