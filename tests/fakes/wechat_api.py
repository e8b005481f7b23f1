"""A fake WeChat API server on 127.0.0.1: the documented endpoints the bot uses, over real HTTP.

In tests: `FakeWeChatAPI(appid, secret).start()`, then point WECHAT_API_BASE at `.url`.
From a terminal: `python -m tests.fakes.wechat_api --port 9100 --follower OPENID ...`.
Control from outside the process (terminal use): `POST /_fake/fail {"path","errcode","times"}`,
`POST /_fake/followers {"openids": [...]}`, `GET /_fake/calls`, `POST /_fake/expire`,
`POST /_fake/advance {"seconds"}`, `/_fake/interact {"openid","kind"}`,
`/_fake/confirm {"msg_id","approve"}`, `/_fake/reprint {"key","original_url","can_reprint"}`,
`/_fake/event {"msg_id"}` (answers the MASSSENDJOBFINISH XML to post to the bot).
"""

from __future__ import annotations

import argparse
import json
import logging
import threading
import time
from dataclasses import asdict
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tests.fakes.wechat_endpoints import ENDPOINTS, Request
from tests.fakes.wechat_state import ApiError, Call, FakeState, answer

log = logging.getLogger("fake_wechat")
PREFIX = "/cgi-bin/"


def _multipart(content_type: str, raw: bytes) -> dict:
    """Multipart form fields -> {name: (filename, bytes)}."""
    msg = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw
    )
    files = {}
    for part in msg.iter_parts() if msg.is_multipart() else ():
        name = part.get_param("name", header="content-disposition")
        if name:
            files[name] = (part.get_filename() or "", part.get_payload(decode=True) or b"")
    return files


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeWeChat/1.0"
    state: FakeState  # set on the subclass made per server

    def log_message(self, fmt: str, *args) -> None:
        log.debug("%s " + fmt, self.address_string(), *args)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _send(self, status: int, body: dict) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; encoding=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            log.debug("caller went away before the answer (%s)", self.path)

    def _serve(self, method: str) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        ctype = self.headers.get("Content-Type", "")
        files = _multipart(ctype, raw) if ctype.startswith("multipart/") else {}
        try:
            parsed = json.loads(raw) if raw.strip() and not files else None
        except ValueError:
            parsed = None
        if parts.path.startswith("/_fake/"):
            self._control(parts.path[len("/_fake/"):], parsed or {})
            return
        state = self.state
        path = parts.path[len(PREFIX):] if parts.path.startswith(PREFIX) else parts.path
        call = Call(method, path, query, parsed,
                    {k: (n, len(b)) for k, (n, b) in files.items()}, ctype)
        with state.lock:
            state.calls.append(call)  # recorded on arrival, even if the caller dies waiting
        if path not in ENDPOINTS or path in state.disabled:
            call.status = 404
            self._send(404, {"error": f"unknown endpoint {parts.path}"})
            return
        func, needs_token = ENDPOINTS[path]
        if state.delays.get(path):
            time.sleep(state.delays[path])
        with state.lock:
            try:
                queued = state.failures.get(path)
                if queued:
                    raise ApiError(queued.pop(0))
                if needs_token:
                    state.check_token(query.get("access_token"))
                body = func(state, Request(method, query, parsed, raw, files))
            except ApiError as exc:
                call.errcode = exc.errcode
                body = answer(exc.errcode, **exc.extra)
        if state.holds.get(path):  # done, but the caller hears of it only later (or never)
            time.sleep(state.holds[path])
        self._send(200, body)

    def _control(self, what: str, body: dict) -> None:
        state = self.state
        if what == "calls":
            with state.lock:
                self._send(200, {"calls": [asdict(c) for c in state.calls]})
        elif what == "fail":
            state.fail(body["path"], int(body["errcode"]), int(body.get("times", 1)))
            self._send(200, {"ok": True})
        elif what == "followers":
            for openid in body.get("openids", []):
                state.add_follower(openid)
            self._send(200, {"ok": True})
        elif what == "expire":
            state.expire_tokens()
            self._send(200, {"ok": True})
        elif what in ("advance", "interact", "confirm", "reprint"):
            try:
                {"advance": lambda: state.advance(float(body["seconds"])),
                 "interact": lambda: state.interact(body["openid"], body.get("kind", "message")),
                 "confirm": lambda: state.confirm(int(body["msg_id"]), body.get("approve", True)),
                 "reprint": lambda: state.mark_reprint(body["key"], body["original_url"],
                                                       body.get("can_reprint", True)),
                 }[what]()
            except (KeyError, TypeError, ValueError) as exc:
                self._send(400, {"error": f"{what}: {exc!r}"})
                return
            self._send(200, {"ok": True})
        elif what == "event":  # the MASSSENDJOBFINISH XML WeChat would post for a send
            try:
                self._send(200, {"xml": state.finish_event(body["msg_id"])})
            except (KeyError, ValueError) as exc:
                self._send(400, {"error": f"event: {exc!r}"})
        else:
            self._send(404, {"error": f"unknown control {what}"})


class FakeWeChatAPI(FakeState):
    """The fake's state plus a threaded HTTP server serving it on 127.0.0.1."""

    def __init__(self, appid: str = "wxfake0000000001", secret: str = "fakesecret",
                 port: int = 0, **kwargs) -> None:
        super().__init__(appid, secret, **kwargs)
        handler = type("Handler", (_Handler,), {"state": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.server.daemon_threads = True
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL to use as WECHAT_API_BASE."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def start(self) -> FakeWeChatAPI:
        """Serve in a daemon thread."""
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True,
                                       name="fake-wechat-api")
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.server.shutdown()
        self.server.server_close()


def main(argv: list[str] | None = None) -> None:
    """Run the fake in the foreground."""
    ap = argparse.ArgumentParser(description="Fake WeChat API on 127.0.0.1")
    ap.add_argument("--port", type=int, default=9100)
    ap.add_argument("--appid", default="wxfake0000000001")
    ap.add_argument("--secret", default="fakesecret")
    ap.add_argument("--follower", action="append", default=[], help="a known follower openid")
    ap.add_argument("--mass-quota", type=int, default=1, help="sendall accepted per day")
    ap.add_argument("--account-type", choices=("subscription", "service"),
                    default="subscription")
    ap.add_argument("--mass-protection", action="store_true", help="API 群发保护 is on")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(message)s")
    service = args.account_type == "service"
    fake = FakeWeChatAPI(args.appid, args.secret, port=args.port,
                         mass_quota=None if service else args.mass_quota,
                         account_type=args.account_type)
    fake.mass_protection = args.mass_protection
    for openid in args.follower:
        fake.add_follower(openid)
    print(f"fake WeChat API on {fake.url}  (WECHAT_API_BASE={fake.url} "
          f"WECHAT_APP_ID={args.appid} WECHAT_APP_SECRET={args.secret})", flush=True)
    try:
        fake.server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        fake.server.server_close()


if __name__ == "__main__":
    main()
