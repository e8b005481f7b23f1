"""WeChat's retries against `gunicorn -w 2 wsgi:app`: one handling, identical replies."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.conversation.ratelimit import rate_key
from bot.devtools.wechat_side import WeChatSide, http_transport
from bot.platform.redis_url import open_client
from tests.conftest import AES_KEY, APP_ID
from tests.support.gunicorn import Gunicorn

TOKEN = "retrytoken"


@pytest.fixture
def gunicorn(redis_url, tmp_path):
    server = Gunicorn(
        {"REDIS_URL": redis_url, "WECHAT_TOKEN": TOKEN, "WECHAT_ENCODING_AES_KEY": AES_KEY,
         "WECHAT_APP_ID": APP_ID, "BOT_DATA_DIR": str(tmp_path / "var")},
        workers=2, log_dir=tmp_path,
    ).start()
    yield server
    server.stop()


def test_three_concurrent_tries_give_three_identical_replies_and_one_handling(
    gunicorn, redis_url
):
    side = WeChatSide(http_transport(gunicorn.url), TOKEN, AES_KEY, APP_ID, mode="safe")
    fields = side.text_fields("o_retried", "热线", msg_id=880000000000001)
    with ThreadPoolExecutor(3) as pool:
        deliveries = list(pool.map(lambda _: side.send(fields), range(3)))
    assert [d.status for d in deliveries] == [200, 200, 200]
    assert deliveries[0].reply is not None
    assert all(d.reply == deliveries[0].reply for d in deliveries)
    # the rate-limit counter is a side effect of handling: it must have moved once
    store = open_client(redis_url)
    counters = [int(store.get(k)) for k in store.scan_iter(rate_key("jyq:", "o_retried", "*"))]
    assert counters == [1]
    assert gunicorn.log().count("hotline answered msg:880000000000001") == 1
