"""Thank a follower only once a replica holds the ticket, so a failover cannot lose it.

The write and a `WAIT 1 <ms>` (`WAITAOF` on Redis ≥ 7.2, which also waits for the local
append-only file) travel in one pipeline, on one connection: WAIT only covers writes made on
its own connection. On a Cluster both go to the node that owns the key's slot. A server
without replicas is not waited on (there is nothing to wait for); a wait that times out
raises NotReplicated, a RedisError, so the follower gets the polite busy reply and WeChat's
retry finds the stored ticket and waits again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import redis
from redis.cluster import RedisCluster
from redis.commands.core import Script

WAIT_MS = 1000  # far inside WeChat's 5 s; a healthy replica on the same LAN answers in ~1 ms
RECHECK_S = 5.0  # how long a node's replica count is trusted before INFO is asked again


class NotReplicated(redis.RedisError):
    """No replica confirmed the write within WAIT_MS; the write itself is stored."""


@dataclass(frozen=True)
class NodeState:
    """What the node holding the keys can promise: replicas, and which wait it speaks."""

    replicas: int
    waitaof: bool
    aof: bool
    checked: float


class ReplicaAck:
    """Runs a script and, when the node has replicas, waits until one has its effects."""

    def __init__(self, client, wait_ms: int = WAIT_MS, recheck: float = RECHECK_S) -> None:
        self.client = client
        self.wait_ms = wait_ms
        self.recheck = recheck
        self._states: dict[str, NodeState] = {}

    def node_for(self, key: str) -> redis.Redis:
        """The client of the server that owns `key` (the client itself outside a Cluster)."""
        if isinstance(self.client, RedisCluster):
            return self.client.get_redis_connection(self.client.get_node_from_key(key))
        return self.client

    def state(self, node: redis.Redis) -> NodeState:
        """The node's replica count and wait command, re-read every `recheck` seconds."""
        name = _node_name(node)
        known = self._states.get(name)
        if known and time.monotonic() - known.checked < self.recheck:
            return known
        info = node.info()  # server, persistence and replication sections in one call
        version = tuple(int(p) for p in str(info.get("redis_version", "0")).split(".")[:2])
        known = NodeState(replicas=int(info.get("connected_slaves", 0)),
                          waitaof=version >= (7, 2),
                          aof=bool(int(info.get("aof_enabled", 0))),
                          checked=time.monotonic())
        self._states[name] = known
        return known

    def forget(self, node: redis.Redis) -> None:
        """Ask the node again next time (after a failover or a wait that timed out)."""
        self._states.pop(_node_name(node), None)

    def run(self, script: Script, keys: list[str], args: list):
        """The script's result, once a replica holds its effects (or at once without one)."""
        node = self.node_for(keys[0])
        try:
            return self._run(node, script, keys, args)
        except redis.RedisError:
            self.forget(node)
            raise

    def _run(self, node: redis.Redis, script: Script, keys: list[str], args: list):
        state = self.state(node)
        with node.pipeline(transaction=False) as pipe:
            script(keys=keys, args=args, client=pipe)
            if state.replicas and state.waitaof:
                pipe.execute_command("WAITAOF", int(state.aof), 1, self.wait_ms)
            elif state.replicas:
                pipe.execute_command("WAIT", 1, self.wait_ms)
            out = pipe.execute()
        if state.replicas:
            acked = out[1][1] if state.waitaof else out[1]
            if int(acked) < 1:
                raise NotReplicated(f"no replica confirmed the write within {self.wait_ms} ms")
        return out[0]


def _node_name(node: redis.Redis) -> str:
    """A stable name for a node client: host:port (Sentinel: the service's current master)."""
    kwargs = node.connection_pool.connection_kwargs
    service = getattr(node.connection_pool, "service_name", None)
    if service:
        return "sentinel:" + service
    return f"{kwargs.get('host') or kwargs.get('path')}:{kwargs.get('port', '')}"
