"""`make run`: the bot on 127.0.0.1:8000 under gunicorn, with the embedded store.

Prints what to paste into the WeChat console (URL and Token) before serving.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from dotenv import load_dotenv

HOST, PORT = "127.0.0.1", 8000


def load_dev_answers(store, prefix: str) -> int:
    """The starter service answers (config/faq.toml) into an empty store; how many were added.

    Like the sample articles they are for development: wsgi:app never fills a store itself.
    """
    from bot.faq import load_starter
    from knowledge.faq_store import FaqStore

    return load_starter(FaqStore(store, prefix))


def load_samples(store, settings) -> int:
    """The bundled sample articles into an empty store; how many were added (0: it had some).

    Only the development server does this: wsgi:app never fills a store itself.
    """
    from knowledge import KnowledgeBase

    summary = KnowledgeBase(store, settings.key_prefix, settings.data_dir).load_bundled()
    return summary.stored if summary is not None else 0


def main() -> None:
    """Check settings, start the store, print the webhook details, run gunicorn."""
    load_dotenv()
    from bot.platform.embedded import shutdown_embedded
    from bot.platform.redis_store import connect
    from config.settings import SettingsError, load_settings

    try:
        settings = load_settings()
        # Fail fast with the one-line reason, and start the embedded server before the
        # workers so they all find it running.
        store = connect(settings)
    except SettingsError as exc:
        sys.exit(f"cannot start: {exc}")
    added = load_dev_answers(store, settings.key_prefix)
    os.environ.setdefault("WECHAT_TOKEN", settings.wechat_token)
    samples = load_samples(store, settings)
    generated = "  (generated for development)" if settings.token_was_generated else ""
    mode = "safe/compat (EncodingAESKey set)" if settings.crypto_enabled else "plaintext only"
    where = settings.redis_url or f"embedded redis under {settings.data_dir.resolve()}"
    print(f"""
就业桥 WeChat bot
  Webhook URL : http://{HOST}:{PORT}/wechat
  Token       : {settings.wechat_token}{generated}
  AES mode    : {mode}
  Store       : {where}
  Health      : http://{HOST}:{PORT}/healthz
  Service answers loaded from config/faq.toml: {added}
  Sample articles loaded from knowledge/data: {samples}
Chat with it as a follower from another terminal:  make chat
""", flush=True)
    cmd = [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"{HOST}:{PORT}",
           "--access-logfile", "-", "wsgi:app"]
    server = subprocess.Popen(cmd)
    # Whatever stops us (Ctrl-C, kill, a timeout) stops gunicorn and its workers too.
    signal.signal(signal.SIGTERM, lambda signum, frame: server.send_signal(signal.SIGTERM))
    try:
        server.wait()
    except KeyboardInterrupt:
        server.send_signal(signal.SIGINT)
        server.wait()
    finally:
        store.close()
        if not settings.redis_url:
            shutdown_embedded(settings.data_dir)  # saved to disk; the next run loads it
    sys.exit(server.returncode)


if __name__ == "__main__":
    main()
