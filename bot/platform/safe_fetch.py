"""Fetching a URL someone else supplied (an article's cover) without reaching inside.

Every hop, redirects included, resolves the host once, refuses loopback, private,
link-local, reserved and multicast addresses, and connects to the address it checked (so a
DNS answer cannot change between the check and the connection). A total deadline, a size
cap and an image content type bound what one fetch may cost. Every refusal is the same
`FetchRefused` to the caller, so errors cannot be used to map internal ports.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3

from config.wechat_limits import IMAGE_MATERIAL_BYTES

MAX_REDIRECTS = 3
REDIRECTS = (301, 302, 303, 307, 308)


class FetchRefused(Exception):
    """The URL was not fetched: refused, unreachable, too slow, too big or not an image."""


@dataclass(frozen=True)
class SafeFetcher:
    """Fetches images from public addresses, plus the `allow` list of host:port pairs."""

    allow: frozenset[str] = frozenset()  # e.g. an office image server on a private address
    deadline: float = 8.0  # seconds for the whole fetch, redirects included
    op_timeout: float = 3.0  # seconds for one connect or one read
    max_bytes: int = IMAGE_MATERIAL_BYTES  # the cover becomes permanent image material

    def fetch_image(self, url: str) -> tuple[bytes, str]:
        """(bytes, content type) of the image at `url`; FetchRefused otherwise."""
        stop = time.monotonic() + self.deadline
        for _ in range(MAX_REDIRECTS + 1):
            resp = self._open(url, stop)
            try:
                if resp.status in REDIRECTS and resp.headers.get("Location"):
                    url = urljoin(url, resp.headers["Location"])
                    continue
                if resp.status != 200:
                    raise FetchRefused(f"HTTP {resp.status}")
                kind = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                if not kind.startswith("image/"):
                    raise FetchRefused("not an image")
                if int(resp.headers.get("Content-Length") or 0) > self.max_bytes:
                    raise FetchRefused("too large")
                return self._read(resp, stop), kind
            finally:
                resp.release_conn()
        raise FetchRefused("too many redirects")

    def _open(self, url: str, stop: float) -> urllib3.BaseHTTPResponse:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchRefused("only http(s) URLs")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise FetchRefused("bad port") from None
        host = parts.hostname
        address = self._address(host, port)
        timeout = urllib3.Timeout(connect=self._left(stop), read=self._left(stop))
        if parts.scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address, port, timeout=timeout, retries=False, server_hostname=host,
                assert_hostname=host, cert_reqs="CERT_REQUIRED", ca_certs=certifi.where())
        else:
            pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            return pool.urlopen("GET", target, headers={"Host": parts.netloc.split("@")[-1],
                                                        "User-Agent": "jiuyeqiao-bot/1"},
                                redirect=False, retries=False, preload_content=False)
        except (urllib3.exceptions.HTTPError, OSError):
            raise FetchRefused("unreachable") from None

    def _address(self, host: str, port: int) -> str:
        """The one address to connect to, after checking it may be reached."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            raise FetchRefused("unknown host") from None
        address = infos[0][4][0]
        if f"{host}:{port}" not in self.allow and not all(
                is_public(info[4][0]) for info in infos):
            raise FetchRefused("internal address")
        return address

    def _read(self, resp: urllib3.BaseHTTPResponse, stop: float) -> bytes:
        """The body, within the size cap and the deadline (a trickling server is cut off)."""
        chunks, size = [], 0
        while True:
            if time.monotonic() > stop:
                raise FetchRefused("too slow")
            try:
                chunk = resp.read1(64 * 1024)
            except (urllib3.exceptions.HTTPError, OSError):
                raise FetchRefused("read failed") from None
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchRefused("too large")
            chunks.append(chunk)

    def _left(self, stop: float) -> float:
        left = stop - time.monotonic()
        if left <= 0:
            raise FetchRefused("too slow")
        return min(left, self.op_timeout)


# IPv6 ranges that carry an IPv4 address inside (each judged by the address it carries)
# or that ipaddress still counts as global though they route inside a site.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def is_public(address: str) -> bool:
    """True for a globally routable unicast address; IPv6 forms that embed an IPv4 address
    (mapped, compatible, NAT64, 6to4, Teredo) are judged by the IPv4 address inside."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.is_site_local:
            return False
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is None and (ip in _NAT64 or ip in _IPV4_COMPATIBLE):
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            return is_public(str(inner))
    return ip.is_global and not ip.is_multicast
