"""A worker: one process, one uvloop, one HTTP server (fastgate's own or aiohttp's) on its own SO_REUSEPORT socket.

Run by the supervisor as ``python -m fastgate.server.worker --id N --control-fd FD``; it gets its
config text over the control channel (newline-delimited JSON on a socketpair), so every worker
of a generation parses exactly the same bytes. Tests run :class:`Worker` in-process instead.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import signal
import socket
import sys
from typing import Any

import orjson

from ..config import Config, load_config_text, parse_hostport
from ..errors import ConfigError
from ..observability.accesslog import AccessLog
from ..observability.audit import AuditLog
from ..observability.metrics import Registry
from ..observability.usage import UsageLedger
from ..stages import stages_for
from .handler import Gateway
from .native import NativeServer
from .protocol import GuardedServer, tls_context
from .world import TargetRegistry, World

log = logging.getLogger("fastgate.worker")


def bind_socket(host: str, port: int, *, reuse_port: bool = True, backlog: int = 2048) -> socket.socket:
    """A listening TCP socket; with SO_REUSEPORT every worker binds its own and the kernel spreads
    connections across them (no accept thundering herd, no shared accept lock)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.setblocking(False)
    return sock


class Worker:
    """Owns the Gateway, its World, the access log and the metrics of one process."""

    def __init__(self, config: Config, *, worker_id: int = 0, own_process: bool = False) -> None:
        self.worker_id = worker_id
        # True when this Worker is the process (``fastgate serve``, a supervisor's worker): only
        # then does it tune the process-wide garbage collector (``server.gc_freeze``). Tests run
        # Workers inside pytest's process and leave its GC alone.
        self.own_process = own_process
        self.config = config
        self.generation = 0
        self.registry = TargetRegistry()
        self.metrics = Registry()
        self.access_log = AccessLog(config.logging.access_log)
        self.ledger = self._open_ledger(config)
        self.world = World(config, self.registry, stages_for, self.generation, services=self)
        self.audit_log = AuditLog(config.logging.audit_log)
        self.world.auth.audit = self.audit_log
        self.gateway = Gateway(self.world, metrics=self.metrics, access_log=self.access_log, worker_id=worker_id)
        self.server: NativeServer | GuardedServer | None = None
        self.listener: asyncio.AbstractServer | None = None
        self.sockets: list[socket.socket] = []
        self.stopped = asyncio.Event()

    @staticmethod
    def _open_ledger(config: Config) -> UsageLedger | None:
        store = ledger_store(config)
        if store is None:
            return None
        u = config.usage
        return UsageLedger(u.path, float(u.flush_interval_s), redis_url=store.get("url"), key_prefix=u.key_prefix)

    # -------------------------------------------------------------- lifecycle
    async def start(self, sock: socket.socket | None = None) -> None:
        cfg = self.config.server
        if sock is None:
            host, port = parse_hostport(cfg.listen)
            sock = bind_socket(host, port, backlog=int(cfg.backlog))
        self.sockets = [sock]
        loop = asyncio.get_running_loop()
        tls = tls_context(cfg.tls.cert, cfg.tls.key)
        if cfg.engine == "native":
            self.server = NativeServer(
                self.gateway.handle,
                loop=loop,
                max_connections=int(cfg.max_connections),
                header_timeout=float(cfg.header_timeout_s),
                keepalive_timeout=float(cfg.keepalive_timeout_s),
                per_ip=getattr(self.config.throttle, "connections", None),
                exempt=tuple(self.config.throttle.exempt),
                secure=tls is not None,
            )
        else:
            self.server = GuardedServer(
                self.gateway.handle,
                max_connections=int(cfg.max_connections),
                header_timeout=float(cfg.header_timeout_s),
                per_ip=getattr(self.config.throttle, "connections", None),
                exempt=tuple(self.config.throttle.exempt),
                handler_cancellation=True,  # client disconnect cancels the handler → upstream closed
                loop=loop,
                access_log=None,
                keepalive_timeout=float(cfg.keepalive_timeout_s),
                max_line_size=8190,
                max_field_size=8190,
                max_headers=100,
            )
        self.listener = await loop.create_server(self.server, sock=sock, backlog=int(cfg.backlog), ssl=tls)
        if self.ledger is not None:
            self.ledger.start()
        self._settle_heap()

    def _settle_heap(self) -> None:
        """``server.gc_threshold``, and ``server.gc_freeze``: collect once, then freeze what is alive.

        A worker's long-lived heap (config, World, compiled policies, imported modules: hundreds of
        thousands of objects) otherwise sits in the oldest generation, and every full collection
        walks all of it. Under load those collections cost the ``full`` bench scenario 17 % of its
        CPU (bench/RESULTS.md, session 5). Frozen objects are still freed by reference counting;
        only cycles among them wait for the next reload, which unfreezes and collects first.
        """
        if not self.own_process:
            return
        gc.set_threshold(*self.config.server.gc_threshold)
        if not self.config.server.gc_freeze:
            if gc.get_freeze_count():
                gc.unfreeze()
            return
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def metrics_snapshot(self) -> dict[str, Any]:
        """The worker's metrics plus process gauges sampled now (RSS, fds, tasks, in-flight)."""
        m = self.metrics
        proc = m.families.get("fastgate_process_resident_memory_bytes")
        if proc is None:
            proc = m.gauge("fastgate_process_resident_memory_bytes", "Resident memory of the worker processes", ())
            m.gauge("fastgate_process_open_fds", "Open file descriptors of the worker processes", ())
            m.gauge("fastgate_asyncio_tasks", "Live asyncio tasks in the worker processes", ())
            m.gauge("fastgate_inflight_requests", "Requests being handled right now", ())
            m.gauge("fastgate_client_connections", "Open client connections on the data-plane listener", ())
            m.gauge("fastgate_upstream_connections", "Upstream connections by state: idle (pooled) or active",
                    ("state",))
            m.gauge("fastgate_process_gc_collections", "Cyclic garbage collections run, by generation",
                    ("generation",))
            m.gauge("fastgate_process_gc_threshold", "gc.get_threshold() of the workers (server.gc_threshold)",
                    ("generation",))
            m.gauge("fastgate_process_gc_frozen_objects",
                    "Objects in the GC's permanent generation (server.gc_freeze)", ())
        fams = m.families
        rss = 0
        try:
            with open("/proc/self/statm") as f:
                rss = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
        try:
            fds = len(os.listdir("/proc/self/fd"))
        except OSError:
            fds = 0
        fams["fastgate_process_resident_memory_bytes"].set((), rss)  # type: ignore[union-attr]
        fams["fastgate_process_open_fds"].set((), fds)  # type: ignore[union-attr]
        fams["fastgate_asyncio_tasks"].set((), len(asyncio.all_tasks()))  # type: ignore[union-attr]
        fams["fastgate_inflight_requests"].set((), self.gateway.inflight)  # type: ignore[union-attr]
        srv = self.server
        conns = getattr(srv, "connections", ()) if srv is not None else ()  # both engines have it
        fams["fastgate_client_connections"].set((), len(conns or ()))  # type: ignore[union-attr]
        idle = active = 0
        for t in self.registry.targets.values():
            st = t.stats()
            idle += st["idle"]
            active += st["active"]
        fams["fastgate_upstream_connections"].set(("idle",), idle)  # type: ignore[union-attr]
        fams["fastgate_upstream_connections"].set(("active",), active)  # type: ignore[union-attr]
        for gen, st in enumerate(gc.get_stats()):
            fams["fastgate_process_gc_collections"].set((str(gen),), st["collections"])  # type: ignore[union-attr]
        fams["fastgate_process_gc_frozen_objects"].set((), gc.get_freeze_count())  # type: ignore[union-attr]
        for gen, th in enumerate(gc.get_threshold()):
            fams["fastgate_process_gc_threshold"].set((str(gen),), th)  # type: ignore[union-attr]
        return m.snapshot()

    @property
    def port(self) -> int:
        return self.sockets[0].getsockname()[1]

    def reload(self, config: Config) -> None:
        """Swap in a new World. In-flight requests keep the one they started with."""
        self.generation += 1
        old_ledger = self.ledger
        if ledger_store(config) != ledger_store(self.config):
            self.ledger = self._open_ledger(config)
            if self.ledger is not None:
                self.ledger.start()
        world = World(config, self.registry, stages_for, self.generation, services=self)
        if old_ledger is not None and old_ledger is not self.ledger:
            asyncio.get_running_loop().create_task(old_ledger.aclose())
        old_log = self.access_log
        if config.logging.access_log != self.config.logging.access_log:
            self.access_log = AccessLog(config.logging.access_log)
            self.gateway.access_log = self.access_log
            old_log.close()
        if config.logging.audit_log != self.config.logging.audit_log:
            self.audit_log.close()
            self.audit_log = AuditLog(config.logging.audit_log)
        world.auth.audit = self.audit_log
        self.config = config
        self.world = world
        self.gateway.world = world
        asyncio.get_running_loop().create_task(self._gc_targets())
        self._settle_heap()

    def reopen_logs(self) -> None:
        """SIGUSR1 (logrotate's ``postrotate``): reopen the access and audit log files."""
        self.access_log.reopen()
        self.audit_log.reopen()

    async def _gc_targets(self) -> None:
        # Pools no longer referenced by the current world are closed once in-flight use is over.
        await asyncio.sleep(5)
        await self.registry.retain_only(self.world.used_targets)

    async def drain(self, timeout: float) -> None:
        """Stop accepting, let in-flight requests finish (up to ``timeout``), then close."""
        self.gateway.draining = True
        if self.listener is not None:
            self.listener.close()
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        # Every response from now on says "Connection: close", so busy keep-alive clients move to a
        # live worker after their next request instead of racing a server-side close. Connections
        # that stay idle are closed after a short grace. A 20 ms poll: drain happens once per process.
        grace = min(end, loop.time() + 1.0)
        server = self.server
        while loop.time() < end and (self.gateway.inflight > 0 or (  # noqa: ASYNC110
                server is not None and server.connections and loop.time() < grace)):
            await asyncio.sleep(0.02)
        if server is not None:
            server.pre_shutdown()
        if self.gateway.streams:
            await self.gateway.end_streams()
        if self.server is not None:
            # Closes idle keep-alive connections; cancels whatever is still running.
            await self.server.shutdown(max(0.0, end - loop.time()))
        await self.close()

    async def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
        auth = getattr(self.world, "auth", None)
        if auth is not None:
            auth.close()  # cancel key-refresh timers
        self.access_log.close()
        self.audit_log.close()
        if self.ledger is not None:
            await self.ledger.aclose()
        from ..stages.ratelimit import close_limiter

        await close_limiter(self)  # Redis: queued settles and slot releases go out first
        await self.registry.close()
        self.stopped.set()


# ------------------------------------------------------------------ child-process entry point
async def _control_loop(worker_holder: dict[str, Any], reader: asyncio.StreamReader,
                        writer: asyncio.StreamWriter, worker_id: int, listen_override: str | None) -> None:
    """Serve the supervisor's requests until it closes the channel."""

    def send(msg: dict[str, Any]) -> None:
        writer.write(orjson.dumps(msg) + b"\n")

    while True:
        line = await reader.readline()
        if not line:
            # Supervisor is gone: nobody can restart us or collect metrics. Drain and exit.
            w = worker_holder.get("worker")
            if w is not None:
                await w.drain(5.0)
            return
        msg = orjson.loads(line)
        op = msg.get("op")
        rid = msg.get("id")
        try:
            if op == "config":
                cfg = load_config_text(msg["text"], msg.get("source", "<supervisor>"))
                if listen_override:
                    cfg = _with_listen(cfg, listen_override)
                w = worker_holder.get("worker")
                if w is None:
                    w = Worker(cfg, worker_id=worker_id, own_process=True)
                    w.generation = int(msg.get("gen", 0))
                    await w.start()
                    worker_holder["worker"] = w
                else:
                    w.reload(cfg)
                    w.generation = int(msg.get("gen", w.generation))
                send({"id": rid, "ok": True, "gen": w.generation, "pid": os.getpid()})
            elif op == "stats":
                w = worker_holder["worker"]
                send({"id": rid, "ok": True, "metrics": w.metrics_snapshot(), "inflight": w.gateway.inflight,
                      "gen": w.generation, "pid": os.getpid()})
            elif op == "ready":
                w = worker_holder["worker"]
                auth = getattr(w.world, "auth", None)
                up_ok, unhealthy = w.world.upstream_health()
                send({"id": rid, "ok": True, "gen": w.generation, "draining": w.gateway.draining,
                      "auth_ready": auth is None or auth.ready,
                      "upstreams_ready": up_ok, "unhealthy_models": unhealthy,
                      "jwks": auth.describe() if auth is not None and auth.stores else []})
            elif op == "drain":
                # Answer when drained, with the final counters (requests served while draining count too).
                w = worker_holder.get("worker")
                if w is not None:
                    await w.drain(float(msg.get("timeout", 30)))
                send({"id": rid, "ok": True, "metrics": w.metrics.snapshot() if w is not None else None})
                await writer.drain()
                return
            elif op == "flush_usage":
                w = worker_holder["worker"]
                n = await w.ledger.aflush() if w.ledger is not None else 0
                send({"id": rid, "ok": True, "rows": n})
            elif op == "reopen_logs":
                worker_holder["worker"].reopen_logs()
                send({"id": rid, "ok": True})
            else:
                send({"id": rid, "ok": False, "error": f"unknown op {op!r}"})
        except ConfigError as e:
            send({"id": rid, "ok": False, "error": str(e), "errors": e.errors})
        except Exception as e:  # report, keep serving the old config
            log.exception("control op %s failed", op)
            send({"id": rid, "ok": False, "error": f"{type(e).__name__}: {e}"})
        await writer.drain()


def ledger_store(config: Config) -> dict[str, str] | None:
    """Where usage goes: ``{"store": "sqlite", "path": …}``, ``{"store": "redis", "url": …, "prefix": …}`` or None."""
    u = config.usage
    store = u.store
    if store == "auto":
        store = "redis" if config.rate_limit.backend == "redis" else "sqlite"
    if store == "off":
        return None
    if store == "redis":
        url = u.redis_url
        if url is None and config.rate_limit.redis_url is not None:
            from ..limits.redis_backend import shared_redis_url

            url = shared_redis_url(config.rate_limit.redis_url)
        return {"store": "redis", "url": url or "redis://127.0.0.1:6379/0", "prefix": u.key_prefix}
    return {"store": "sqlite", "path": u.path}


def _with_listen(cfg: Config, listen: str) -> Config:
    import msgspec

    return msgspec.structs.replace(cfg, server=msgspec.structs.replace(cfg.server, listen=listen))


async def _child_main(worker_id: int, control_fd: int, listen_override: str | None) -> int:
    loop = asyncio.get_running_loop()
    sock = socket.socket(fileno=control_fd)
    reader, writer = await asyncio.open_connection(sock=sock)
    holder: dict[str, Any] = {}
    done = asyncio.Event()

    def on_term() -> None:
        # The supervisor drives the drain over the control channel; a direct SIGTERM (someone
        # killing just this worker) drains too.
        w = holder.get("worker")
        if w is not None:
            loop.create_task(w.drain(float(w.config.server.drain_timeout_s))).add_done_callback(lambda _: done.set())
        else:
            done.set()

    loop.add_signal_handler(signal.SIGTERM, on_term)
    loop.add_signal_handler(signal.SIGINT, lambda: None)  # Ctrl-C goes to the supervisor, which drains us
    loop.add_signal_handler(signal.SIGUSR1, lambda: holder.get("worker") and holder["worker"].reopen_logs())
    ctl = loop.create_task(_control_loop(holder, reader, writer, worker_id, listen_override))
    waiter = loop.create_task(done.wait())
    await asyncio.wait({ctl, waiter}, return_when=asyncio.FIRST_COMPLETED)
    if ctl.done() and ctl.exception() is not None:
        log.error("control channel failed: %r", ctl.exception())
        return 1
    w = holder.get("worker")
    if w is not None:
        await w.stopped.wait()
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="fastgate-worker")
    ap.add_argument("--id", type=int, default=0)
    ap.add_argument("--control-fd", type=int, required=True)
    ap.add_argument("--listen", default=None)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format=f"%(asctime)s worker-{args.id} %(levelname)s %(name)s: %(message)s")
    import uvloop

    return uvloop.run(_child_main(args.id, args.control_fd, args.listen))


if __name__ == "__main__":
    sys.exit(main())
