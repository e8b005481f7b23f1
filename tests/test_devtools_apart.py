"""Production (wsgi:app) never loads the development tools, yet `flask chat` is there."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
from bot import create_app
app = create_app({"ENVIRON": {}, "redis_url": sys.argv[1], "bot_data_dir": sys.argv[2]})
assert "chat" in app.cli.commands
loaded = sorted(m for m in sys.modules
                if m.startswith("bot.devtools.") and m != "bot.devtools.chat")
print(",".join(loaded))
"""


def test_the_app_loads_no_dev_tool_but_offers_chat(redis_url, tmp_path):
    out = subprocess.run([sys.executable, "-c", PROBE, redis_url, str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
