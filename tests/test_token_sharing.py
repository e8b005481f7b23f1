"""Two real processes needing a token at once: one fetch, one token, shared through Redis."""

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_two_processes_share_one_token_fetch(fake_wechat, redis_url):
    fake_wechat.slow("stable_token", 0.5)  # the loser must wait on the lock, not fetch too
    start_at = f"{time.time() + 2.5:.3f}"  # both processes are up and waiting by then
    args = [sys.executable, "-m", "tests.support.token_worker", redis_url, fake_wechat.url,
            fake_wechat.appid, fake_wechat.secret, start_at]
    procs = [subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=30) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    tokens = {out.strip() for out, _ in outputs}
    assert len(tokens) == 1
    assert len(fake_wechat.token_fetches()) == 1
    assert len(fake_wechat.calls_to("tags/get")) == 2
    assert all(c.errcode == 0 for c in fake_wechat.calls_to("tags/get"))
