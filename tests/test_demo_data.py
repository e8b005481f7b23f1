"""Demo data stays in the demo: wsgi:app never fills a store, samples link to the bot."""

import json
import os
import subprocess
import sys
from pathlib import Path

import redis

from bot.devtools.server import load_samples

ROOT = Path(__file__).resolve().parent.parent


def test_wsgi_app_leaves_an_empty_store_empty(redis_url, tmp_path):
    env = dict(os.environ, REDIS_URL=redis_url, BOT_DATA_DIR=str(tmp_path), WECHAT_TOKEN="t")
    code = ("import wsgi; c = wsgi.app.test_client(); r = c.get('/healthz');"
            "print(r.get_json()['articles'])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-1] == "0"
    assert redis.Redis.from_url(redis_url).dbsize() == 0  # not an article, not a lock


def test_the_dev_server_loads_the_samples_once(redis_url, tmp_path):
    from config.settings import load_settings

    settings = load_settings({}, {"redis_url": redis_url, "bot_data_dir": str(tmp_path)})
    client = redis.Redis.from_url(redis_url)
    assert load_samples(client, settings) >= 48
    stored = client.keys("jyq:*")
    assert load_samples(client, settings) == 0  # a second start finds them and adds nothing
    assert sorted(client.keys("jyq:*")) == sorted(stored)


def test_bundled_samples_link_to_the_bots_own_pages(app, wechat):
    reply = wechat.text("o-demo", "荆州技能人才")
    assert "/articles/" in reply.text and "jiuyeqiao.cn" not in reply.text
    lines = (ROOT / "knowledge" / "data" / "articles.jsonl").read_text("utf-8").splitlines()
    assert not [r for r in map(json.loads, lines) if "jiuyeqiao" in json.dumps(r)]
