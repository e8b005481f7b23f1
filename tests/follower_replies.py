"""Print every reply of a follower set for judging: `python -m tests.follower_replies set1`.

Starts a throw-away redis-server, builds the app with the bundled articles and the starter
service answers, asks every message through the webhook and prints id, message, route,
automatic failures and the reply. `--json FILE` also writes them as JSON lines.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from bot.app import create_app
from tests.follower_eval import ask_all, load_set, prepare
from tests.support.redis_server import RedisServer


def main() -> None:
    """Run one set and print (and optionally save) every reply."""
    parser = argparse.ArgumentParser()
    parser.add_argument("name", help="set1 … set5")
    parser.add_argument("--json", type=Path, help="write replies as JSON lines here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = RedisServer(Path(tmp) / "redis", appendonly=False).start()
        try:
            app = create_app({"redis_url": server.url, "bot_data_dir": str(Path(tmp) / "var"),
                              "wechat_token": "evaltoken", "rate_limit_per_minute": 0,
                              "ENVIRON": {}, "TESTING": True})
            results = ask_all(prepare(app), load_set(args.name))
        finally:
            server.stop()
    failed = 0
    for r in results:
        failed += bool(r.failures)
        history = " / ".join(r.row.get("history", []))
        print(f"## {r.row['id']} [{r.row['category']}] {r.route}"
              + (f"  FAIL: {'; '.join(r.failures)}" if r.failures else ""))
        print(f"> {history + ' → ' if history else ''}{r.row['text']}")
        print(r.reply.strip())
        print()
    print(f"{len(results)} messages, {failed} with automatic failures")
    if args.json:
        with args.json.open("w", encoding="utf-8") as fh:
            for r in results:
                fh.write(json.dumps({"id": r.row["id"], "route": r.route, "reply": r.reply,
                                     "failures": r.failures}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
