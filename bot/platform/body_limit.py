"""The body-size limit, enforced however a request is framed.

Werkzeug checks `Content-Length` against MAX_CONTENT_LENGTH, but a chunked body (no
Content-Length) is only read up to the limit, and the view gets the first MiB as if it were
all: an import would silently drop records. This middleware reads such a body up front,
refuses it whole with 413 when it is over, and otherwise hands the app a body of known length.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable, Mapping

log = logging.getLogger("bot")

TOO_LARGE = b"body too large"


class BodyLimit:
    """WSGI middleware: 413 for any request body over `limit` bytes, chunked or not."""

    def __init__(self, app: Callable, limit: int,
                 per_path: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.per_path = per_path if per_path is not None else {}  # exact path -> its limit

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        limit = self.per_path.get(environ.get("PATH_INFO", ""), self.limit)
        length = environ.get("CONTENT_LENGTH") or ""
        if length.strip().isdigit():
            if int(length) > limit:
                return self._refuse(environ, start_response, limit)
            return self.app(environ, start_response)
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if chunked or environ.get("wsgi.input_terminated"):
            body = environ["wsgi.input"].read(limit + 1)
            if len(body) > limit:
                return self._refuse(environ, start_response, limit)
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
            # now an ordinary body of known length (werkzeug ignores a length beside chunked)
            environ.pop("wsgi.input_terminated", None)
            environ.pop("HTTP_TRANSFER_ENCODING", None)
        return self.app(environ, start_response)

    def _refuse(self, environ: dict, start_response: Callable, limit: int) -> Iterable[bytes]:
        log.warning("refused %s %s: 413 body over %d bytes", environ.get("REQUEST_METHOD"),
                    environ.get("PATH_INFO"), limit)
        start_response("413 Request Entity Too Large",
                       [("Content-Type", "text/plain"), ("Content-Length", str(len(TOO_LARGE))),
                        ("Connection", "close")])
        return [TOO_LARGE]
