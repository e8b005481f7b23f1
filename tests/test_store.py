"""The embedded store: one server per data dir, shared by concurrent processes."""

import subprocess
import sys
from pathlib import Path

import pytest

from bot.platform.embedded import open_embedded, shutdown_embedded
from bot.platform.redis_store import connect, describe
from config.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_dir(tmp_path):
    yield tmp_path / "var"
    shutdown_embedded(tmp_path / "var")


def test_embedded_store_persists_across_restarts(data_dir):
    client = connect(load_settings({"BOT_DATA_DIR": str(data_dir)}))
    assert describe(client)["kind"] == "embedded"
    client.set("jyq:probe", "持久")
    assert shutdown_embedded(data_dir)
    again = open_embedded(data_dir)
    assert again.get("jyq:probe").decode() == "持久"
    assert again.config_get("appendonly")["appendonly"] == "yes"


def test_processes_starting_at_once_share_one_server(data_dir):
    code = (
        "import sys; from pathlib import Path; from bot.platform.embedded import open_embedded;"
        "c = open_embedded(Path(sys.argv[1])); c.incr('jyq:starts');"
        "print(c.info('server')['process_id'])"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(data_dir)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True) for _ in range(4)]
    pids = {p.communicate(timeout=30)[0].strip() for p in procs}
    assert len(pids) == 1
    assert int(open_embedded(data_dir).get("jyq:starts")) == 4
