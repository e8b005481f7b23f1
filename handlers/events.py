"""Account events: subscribe (with QR scenes), unsubscribe, SCAN, VIEW and LOCATION."""

from __future__ import annotations

from typing import Any

from config.texts import reply
from handlers.base import Handler
from handlers.context import Context
from handlers.replies import SILENT, Reply, Text
from knowledge import find_region
from knowledge.geo import province_at, region_named

REGION_SCENE_PREFIX = "region_"


def event_of(msg: Any) -> str:
    """The event name of an event message ('' for other messages)."""
    return getattr(msg, "event", "") if getattr(msg, "type", "") == "event" else ""


def scene_region(scene: str) -> str | None:
    """The region a QR scene stands for: 'region_湖北' or a scene naming a place, else None."""
    scene = (scene or "").strip()
    if scene.startswith(REGION_SCENE_PREFIX):
        return region_named(scene[len(REGION_SCENE_PREFIX):])
    return find_region(scene)


def _arrive(ctx: Context, scene: str) -> str | None:
    """Note the scene the follower came through; subscribe them to its region, if any."""
    if not scene or ctx.followers is None:
        return None
    ctx.followers.note_scene(ctx.openid, scene)
    region = scene_region(scene)
    if region is not None:
        ctx.followers.subscribe_region(ctx.openid, region)
    return region


class Subscribe(Handler):
    """A new follower: the welcome, and a QR scene's region subscribed."""

    name = "subscribe_event"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if event_of(msg) == "subscribe_scan":
            return str(getattr(msg, "scene_id", "") or "")
        return "" if event_of(msg) == "subscribe" else None

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        region = _arrive(ctx, match)
        welcome = reply("welcome", hotline=ctx.hotline)
        if region:
            welcome += "\n" + reply("scene_subscribed", region=region)
        return Text(welcome)


class Unsubscribe(Handler):
    """A follower left: forget them (WeChat asks accounts to); WeChat shows nothing either way.

    The session goes with the dispatcher's save; the rest through ctx.privacy
    (handlers.context.Privacy): record, tags, counters, question log, and a pseudonym on
    their feedback tickets.
    """

    name = "unsubscribe_event"

    def check(self, msg: Any, ctx: Context) -> bool | None:
        return True if event_of(msg) == "unsubscribe" else None

    def handle(self, msg: Any, ctx: Context, match: bool) -> Reply:
        ctx.session.clear()
        if ctx.privacy is not None:
            ctx.privacy.forget(ctx.openid)
        return SILENT


class Scan(Handler):
    """A follower scanned a QR code: a region scene subscribes them, like at subscribe."""

    name = "scan_event"

    def check(self, msg: Any, ctx: Context) -> str | None:
        return str(getattr(msg, "scene_id", "") or "") if event_of(msg) == "scan" else None

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        region = _arrive(ctx, match)
        if region:
            return Text(reply("scene_subscribed", region=region))
        return Text(reply("welcome_back", hotline=ctx.hotline))


class View(Handler):
    """A menu link was opened: a short acknowledgement."""

    name = "view_event"

    def check(self, msg: Any, ctx: Context) -> bool | None:
        return True if event_of(msg) == "view" else None

    def handle(self, msg: Any, ctx: Context, match: bool) -> Reply:
        return Text(reply("view_ack"))


class LocationEvent(Handler):
    """WeChat's periodic location report: remember the province; WeChat ignores any reply."""

    name = "location_event"

    def check(self, msg: Any, ctx: Context) -> str | None:
        if event_of(msg) != "location":
            return None
        try:
            lat, lng = msg.latitude, msg.longitude
        except (TypeError, ValueError):  # wechatpy converts on access
            return ""
        return located(lat, lng) or ""

    def handle(self, msg: Any, ctx: Context, match: str) -> Reply:
        if match:
            remember_location(ctx, match)
        return SILENT


def located(latitude: Any, longitude: Any) -> str | None:
    """The region at WeChat's coordinates (strings or numbers); None when unusable."""
    try:
        return province_at(float(latitude), float(longitude))
    except (TypeError, ValueError):
        return None


def remember_location(ctx: Context, region: str) -> None:
    """Keep the follower's located region in the session and, durably, in the followers store."""
    ctx.session.set("located", region)
    if ctx.followers is not None:
        ctx.followers.note_location(ctx.openid, region)
