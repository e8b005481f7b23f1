"""Deliver messages the way WeChat does (retrying until answered) and read feedback back."""

from __future__ import annotations

import re
import threading
import time
from collections import Counter

import requests

from bot.devtools.wechat_side import Delivery, WeChatSide, http_transport
from config.texts import reply as reply_text

TICKET = re.compile(r"FK-\d{8}-\d{4}")
BUSY = reply_text("error", hotline="400-633-0111").strip()  # the polite "system busy" reply


class Courier:
    """Posts messages to one or more hosts, retrying with the same MsgId until answered.

    Every HTTP status and every polite busy reply is counted, so a test can assert that a
    follower never saw a 5xx and did see the busy reply while the store was away.
    """

    def __init__(self, token: str) -> None:
        self.token = token
        self.statuses: Counter[int] = Counter()
        self.busy = 0
        self._lock = threading.Lock()

    def side(self, url: str) -> WeChatSide:
        """WeChat's side towards one host."""
        return WeChatSide(http_transport(url, timeout=8), self.token)

    def post(self, url: str, fields: dict) -> Delivery | None:
        """One try; None when the connection itself failed (a worker died under it)."""
        try:
            delivery = self.side(url).send(fields)
        except requests.RequestException:
            return None
        with self._lock:
            self.statuses[delivery.status] += 1
            if delivery.reply and delivery.text.strip() == BUSY:
                self.busy += 1
        return delivery

    def deliver(self, urls: list[str], fields: dict, give_up: float = 40.0,
                pause: float = 0.2) -> Delivery:
        """Send until a real answer comes back, trying `urls` in turn (a load balancer)."""
        deadline = time.monotonic() + give_up
        n = 0
        while time.monotonic() < deadline:
            delivery = self.post(urls[n % len(urls)], fields)
            n += 1
            if delivery and delivery.reply and delivery.text.strip() != BUSY:
                return delivery
            time.sleep(pause)  # `success` while another try holds it, or the busy reply
        raise AssertionError(f"message {fields.get('MsgId')} was never answered")

    def server_errors(self) -> int:
        """How many answers were 5xx."""
        return sum(n for status, n in self.statuses.items() if status >= 500)


def ticket_of(delivery: Delivery) -> str | None:
    """The feedback ticket in a reply, if any."""
    found = TICKET.search(delivery.text)
    return found.group(0) if found else None


def read_back(url: str, admin_token: str) -> list[dict]:
    """Every feedback record through the staff API, following the cursor."""
    items, cursor = [], ""
    while True:
        resp = requests.get(url + "/admin/api/feedback", timeout=10,
                            params={"per_page": 40, "cursor": cursor},
                            headers={"Authorization": f"Bearer {admin_token}"})
        assert resp.status_code == 200, resp.text
        items += resp.json()["items"]
        cursor = resp.json()["next_cursor"]
        if not cursor:
            return items
