"""Serve a Flask app over real HTTP on 127.0.0.1 in a thread, for scenario tests."""

from __future__ import annotations

import threading

from werkzeug.serving import make_server


class LiveServer:
    """A threaded WSGI server for one app on a free port."""

    def __init__(self, app) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.port = self.server.server_port
        # A short poll keeps shutdown (each test's teardown) from waiting the default 0.5 s.
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)
