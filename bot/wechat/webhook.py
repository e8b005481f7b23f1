"""The WeChat webhook: a thin HTTP adapter over inbound → dedup → dispatch → render."""

from __future__ import annotations

import logging

import redis
from flask import Blueprint, Response, request

from bot.services import get_services
from bot.wechat.dedup import dedup_key
from bot.wechat.inbound import Refusal, check_url_signature, read_message
from bot.wechat.render import SUCCESS, render
from config.texts import reply as reply_text
from handlers.replies import Text

log = logging.getLogger("bot.webhook")

bp = Blueprint("webhook", __name__)


def _refuse(refusal: Refusal) -> Response:
    """One log line with the reason (never a secret), and the status with the reason."""
    log.warning("refused %s %s: %d %s", request.method, request.path, refusal.status,
                refusal.reason)
    return Response(refusal.reason, status=refusal.status, mimetype="text/plain")


VERIFY_OWNER = "url-verification"  # a GET's pair can never be reused by a message


def _claim_pair(services, args, owner: str) -> None:
    """Refuse (403) a timestamp + nonce pair already used by another request.

    With the store down nothing a message could change is writable, so the request goes on
    to the polite busy reply rather than a refusal WeChat would retry.
    """
    try:
        fresh = services.replay.claim(args.get("timestamp", ""), args.get("nonce", ""), owner)
    except redis.RedisError:
        return
    if not fresh:
        raise Refusal(403, "timestamp and nonce already used")


@bp.get("/wechat")
def verify_url():
    """WeChat's URL verification: echo `echostr` when the signature holds."""
    services = get_services()
    try:
        check_url_signature(services.settings, request.args, services.clock())
        _claim_pair(services, request.args, VERIFY_OWNER)
    except Refusal as refusal:
        return _refuse(refusal)
    echostr = request.args.get("echostr", "")
    return Response(echostr, mimetype="text/plain")


_HOST_URLS: dict[tuple, str] = {}  # werkzeug's host_url per scheme, Host header and root


def _host_url() -> str:
    """request.host_url, worked out by werkzeug once per address rather than per message."""
    env = request.environ
    key = (env.get("wsgi.url_scheme"), env.get("HTTP_HOST"), env.get("SERVER_NAME"),
           env.get("SERVER_PORT"), env.get("SCRIPT_NAME"))
    found = _HOST_URLS.get(key)
    if found is None:
        if len(_HOST_URLS) > 64:  # the Host header is the client's: keep the memo small
            _HOST_URLS.clear()
        found = _HOST_URLS[key] = request.host_url
    return found


@bp.post("/wechat")
def receive():
    """Answer one message from WeChat, the same way on every retry."""
    services = get_services()
    try:
        inbound = read_message(
            services.settings, services.crypto, request.args, request.get_data(cache=False),
            services.clock(),
        )
    except Refusal as refusal:
        return _refuse(refusal)
    msg, key = inbound.msg, dedup_key(inbound.msg)
    openid = getattr(msg, "source", "") or ""
    # Followers open our own article pages at the address WeChat reached us on.
    base_url = services.settings.bot_public_url or _host_url()
    turns = services.turns

    def answer(turn) -> str:
        try:
            xml = render(services.dispatcher.dispatch(msg, turn, key, base_url), msg)
        except BaseException:
            services.dedup.release(turn.claim)
            raise
        turns.finish(msg, turn, xml)
        return xml

    try:
        turn = turns.begin(msg, key, request.args.get("timestamp", ""),
                           request.args.get("nonce", ""))
        if turn.claim.won:
            xml = answer(turn)
        else:  # another try has it: its reply, or ours if its lease lapses meanwhile
            xml = services.dedup.wait(key, turn.claim, openid,
                                      lambda claim: answer(turns.alone(msg, claim)))
        xml = xml or SUCCESS
    except Refusal as refusal:
        return _refuse(refusal)
    except redis.RedisError as exc:
        # The store is down: answer politely without caching; WeChat's retry may fare better.
        log.error("store unavailable while answering %s: %s", key, type(exc).__name__)
        hotline = services.settings.bot_hotline
        xml = render(Text(reply_text("error", hotline=hotline)), msg)
    except Exception:  # a bug of ours must still leave the follower a polite answer
        log.exception("failed answering %s", key)
        hotline = services.settings.bot_hotline
        xml = render(Text(reply_text("error", hotline=hotline)), msg)
    if xml == SUCCESS:
        return Response(SUCCESS, mimetype="text/plain")
    if inbound.encrypted:
        xml = services.crypto.encrypt(xml, inbound.nonce or "nonce")
    return Response(xml, mimetype="application/xml")
