"""REDIS_URL: one server, a master watched by Sentinel, or a Redis Cluster.

- `redis://[user:pass@]host:port/db`, `rediss://…`, `unix:///path.sock`: one server
  (redis-py's own URL forms).
- `redis+sentinel://[user:pass@]host:port[,host:port…]/service[/db]`: ask these sentinels
  for the master of `service`; the password is the master's, `?sentinel_password=` the
  sentinels' own when they have one. After a failover the next connection finds the new
  master without a restart.
- `redis+cluster://[user:pass@]host:port[,host:port…]`: a Redis Cluster, found from any of
  these nodes (db 0 only: a cluster has no other).
`rediss+sentinel` and `rediss+cluster` speak TLS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote

import redis
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.cluster import ClusterNode, RedisCluster
from redis.retry import Retry
from redis.sentinel import Sentinel

from bot.platform.lean_pipeline import LeanRedis
from config.settings import SettingsError

SENTINEL = ("redis+sentinel", "rediss+sentinel")
CLUSTER = ("redis+cluster", "rediss+cluster")
OPTIONS = {"sentinel": {"sentinel_password"}, "cluster": set()}
# Short timeouts towards sentinels: a dead one must not hold a message for seconds.
SENTINEL_TIMEOUT = 0.5


@dataclass(frozen=True)
class StoreAddress:
    """A parsed REDIS_URL of the sentinel or cluster kind."""

    kind: str  # "sentinel" or "cluster"
    nodes: tuple[tuple[str, int], ...]
    service: str = ""
    db: int = 0
    username: str | None = None
    password: str | None = None
    tls: bool = False
    options: dict = field(default_factory=dict)


def quick_retry() -> Retry:
    """Two fast retries: a store hiccup must not eat WeChat's 5-second window."""
    return Retry(ExponentialBackoff(cap=0.2, base=0.02), 2)


def kind_of(url: str) -> str:
    """'sentinel', 'cluster' or 'redis' (one server), by the URL's scheme."""
    scheme = url.split("://", 1)[0].lower()
    if scheme in SENTINEL:
        return "sentinel"
    if scheme in CLUSTER:
        return "cluster"
    return "redis"


def parse(url: str) -> StoreAddress:
    """Read a sentinel or cluster URL; SettingsError naming what is wrong."""
    kind = kind_of(url)
    if kind == "redis":
        raise SettingsError("not a redis+sentinel:// or redis+cluster:// URL")
    scheme, rest = url.split("://", 1)
    rest, _, query = rest.partition("?")
    netloc, _, path = rest.partition("/")
    userinfo, _, hosts = netloc.rpartition("@")
    username, _, password = userinfo.partition(":") if userinfo else ("", "", "")
    options = dict(parse_qsl(query, keep_blank_values=True))
    unknown = sorted(set(options) - OPTIONS[kind])
    if unknown:
        raise SettingsError(f"REDIS_URL: unknown option {unknown[0]!r} for {scheme}")
    parts = [unquote(p) for p in path.split("/") if p]
    service, db = _service_and_db(kind, parts)
    return StoreAddress(
        kind=kind, nodes=_nodes(hosts), service=service, db=db,
        username=unquote(username) or None, password=unquote(password) or None,
        tls=scheme.lower().startswith("rediss"), options=options,
    )


def _nodes(hosts: str) -> tuple[tuple[str, int], ...]:
    """'h1:26379,h2:26380' (or '[::1]:26379') as (host, port) pairs."""
    found = []
    for item in filter(None, (h.strip() for h in hosts.split(","))):
        host, sep, port = item.rpartition(":")
        if not sep or not port.isdigit() or not host:
            raise SettingsError(f"REDIS_URL: {item!r} is not host:port")
        found.append((host.strip("[]"), int(port)))
    if not found:
        raise SettingsError("REDIS_URL names no host:port")
    return tuple(found)


def _service_and_db(kind: str, parts: list[str]) -> tuple[str, int]:
    """The sentinel service name and the db number from the URL's path."""
    if kind == "cluster":
        if parts and parts != ["0"]:
            raise SettingsError("REDIS_URL: a cluster has only db 0")
        return "", 0
    if not parts or len(parts) > 2:
        raise SettingsError("REDIS_URL: redis+sentinel://hosts/SERVICE[/DB] needs the service")
    if len(parts) == 2 and not parts[1].isdigit():
        raise SettingsError(f"REDIS_URL: db {parts[1]!r} is not a number")
    return parts[0], int(parts[1]) if len(parts) == 2 else 0


def open_client(url: str, **kwargs) -> redis.Redis | RedisCluster:
    """A client for any REDIS_URL form (not yet checked to answer)."""
    common = dict(socket_connect_timeout=3, socket_timeout=5, retry=quick_retry())
    common.update(kwargs)
    kind = kind_of(url)
    if kind == "redis":
        return LeanRedis.from_url(url, health_check_interval=30, **common)
    address = parse(url)
    auth = {"username": address.username, "password": address.password}
    if address.kind == "cluster":
        nodes = [ClusterNode(host, port) for host, port in address.nodes]
        return RedisCluster(startup_nodes=nodes, ssl=address.tls, **auth, **common)
    # No retries per sentinel: the next sentinel in the list is the retry (redis-py's default
    # would back off for seconds on a dead one before trying the others).
    sentinel_kwargs = {"socket_connect_timeout": SENTINEL_TIMEOUT,
                       "socket_timeout": SENTINEL_TIMEOUT, "ssl": address.tls,
                       "password": address.options.get("sentinel_password") or None,
                       "retry": Retry(NoBackoff(), 0)}
    sentinel = Sentinel(list(address.nodes), sentinel_kwargs=sentinel_kwargs)
    return sentinel.master_for(address.service, redis_class=LeanRedis, db=address.db,
                               ssl=address.tls, health_check_interval=30, **auth, **common)


def describe_kind(client) -> str:
    """'cluster', 'sentinel', 'embedded' or 'redis': what kind of store a client talks to."""
    if isinstance(client, RedisCluster):
        return "cluster"
    pool = client.connection_pool
    if hasattr(pool, "service_name"):
        return "sentinel"
    if str(pool.connection_kwargs.get("path", "")).endswith(".sock"):
        return "embedded"
    return "redis"
