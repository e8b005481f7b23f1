"""Whatever a client sends, the webhook answers with a status, never a 500."""

import os
import random
import time
from pathlib import Path

import pytest

from bot import create_app
from bot.devtools.wechat_side import WeChatSide
from bot.wechat.signature import sign
from tests.conftest import AES_KEY, APP_ID, FIXTURES

TOKEN = "testtoken"
SAMPLES = sorted((FIXTURES / "conversation").glob("*.xml")) + [FIXTURES / "text_message.xml"]


def _mutations(data: bytes, rng: random.Random):
    """The sample itself, then truncations, byte flips, duplicated and deleted slices."""
    yield data
    yield data[: rng.randrange(len(data))]
    flipped = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        flipped[rng.randrange(len(flipped))] = rng.randrange(256)
    yield bytes(flipped)
    i, j = sorted(rng.sample(range(len(data)), 2))
    yield data[:i] + data[i:j] * 3 + data[j:]
    yield data[:i] + data[j:]
    yield data.decode("utf-8").encode("utf-16")
    yield data.replace(b"<xml>", b"<xml><MsgType>text</MsgType>", 1)


@pytest.mark.parametrize("mode", ["plain", "safe"])
def test_mutated_messages_never_get_a_500(safe_config, mode):
    client = create_app({**safe_config, "wechat_message_mode": mode}).test_client()
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "20261128")))
    statuses = set()

    def post(path, params, body):
        resp = client.post(path, query_string=params, data=body)
        return resp.status_code, resp.get_data(as_text=True)

    side = WeChatSide(post, TOKEN, AES_KEY, APP_ID, mode=mode)
    for sample in SAMPLES:
        xml = Path(sample).read_bytes()
        for body in _mutations(xml, rng):
            if mode == "plain":
                ts, nonce = str(int(time.time())), str(rng.randrange(10**9))
                params = {"signature": sign(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce}
                status = client.post("/wechat", query_string=params, data=body).status_code
            else:
                text = body.decode("utf-8", errors="replace")
                status = side.post_xml(text).status
            statuses.add(status)
            assert status in (200, 400, 403), (sample.name, body[:80])
    assert {200, 400} <= statuses  # the unmutated samples are answered
