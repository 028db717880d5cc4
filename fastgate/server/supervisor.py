"""The supervisor: starts N workers, restarts the ones that die, fans out reload and drain, and
serves the admin plane with metrics aggregated over every worker.

Workers are separate interpreters (``python -m fastgate.server.worker``), each binding its own
``SO_REUSEPORT`` socket, talking to the supervisor over a socketpair (newline-delimited JSON).
Fork+exec rather than a bare fork: a forked child of a running event loop inherits that loop's
epoll fd, signal handlers and half-done callbacks; exec starts clean.

Signals: SIGHUP → reload; SIGTERM / SIGINT → drain (stop accepting, finish in-flight requests up
to ``server.drain_timeout_s``, exit 0); SIGUSR1 → workers reopen their access log.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import sys
import time
from pathlib import Path
from typing import Any

import orjson

from ..config import Config, load_config_text, mask_secrets, parse_hostport
from ..errors import ConfigError
from ..observability.metrics import Registry, merge, render

log = logging.getLogger("fastgate.supervisor")


def enable_reuseport_migration() -> bool:
    """Ask the kernel to hand connections queued on a closing SO_REUSEPORT listener to the others
    (Linux ≥ 5.14, ``net.ipv4.tcp_migrate_req``). Without it, a worker that stops listening
    (drain, rolling restart) resets connections that were still in its accept queue.
    Only attempted when ``FASTGATE_TCP_MIGRATE_REQ`` is not ``0``; needs root."""
    if os.environ.get("FASTGATE_TCP_MIGRATE_REQ", "1") == "0":
        return False
    path = "/proc/sys/net/ipv4/tcp_migrate_req"
    try:
        with open(path) as f:
            if f.read().strip() == "1":
                return True
        with open(path, "w") as f:
            f.write("1")
        log.info("enabled net.ipv4.tcp_migrate_req (queued connections survive a worker's drain)")
        return True
    except OSError as e:
        log.warning("net.ipv4.tcp_migrate_req is off and could not be set (%s): a draining worker may reset "
                    "connections still queued on its socket", e)
        return False


class WorkerHandle:
    """The supervisor's side of one worker process."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.proc: asyncio.subprocess.Process | None = None
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.lock = asyncio.Lock()
        self.seq = 0
        self.gen = -1
        self.ready = False
        self.last_metrics: dict[str, Any] | None = None
        self.started_at = 0.0
        # set when a rolling restart replaced this worker: its exit is expected, not a crash
        self.retired = False
        # the shm limiter ledger of this worker process (None: no shm table, or none free)
        self.holder: int | None = None
        # resolves to the exit code once the process has exited and its ledger was reaped
        self.exited: asyncio.Task[int | None] | None = None

    async def call(self, msg: dict[str, Any], timeout: float = 10.0) -> dict[str, Any]:
        async with self.lock:
            if self.writer is None or self.reader is None:
                raise ConnectionError("worker not connected")
            self.seq += 1
            msg = dict(msg, id=self.seq)
            self.writer.write(orjson.dumps(msg) + b"\n")
            await self.writer.drain()
            while True:
                line = await asyncio.wait_for(self.reader.readline(), timeout)
                if not line:
                    raise ConnectionError("worker closed its control channel")
                reply = orjson.loads(line)
                if reply.get("id") == self.seq:
                    return reply


class Supervisor:
    def __init__(self, config_path: str, config: Config, config_text: str, *, workers: int,
                 listen: str | None = None) -> None:
        self.config_path = config_path
        self.config = config
        self.config_text = config_text
        self.n = workers
        self.listen = listen
        self.gen = 0
        self.workers: list[WorkerHandle] = [WorkerHandle(i) for i in range(workers)]
        self.stopping = False
        self.restarts = 0
        self.graveyard: list[dict[str, Any]] = []  # last metrics of dead workers: counters never go back
        self.own = Registry()
        self._reload_lock = asyncio.Lock()
        self.admin_port = 0
        self.table: Any = None  # the shm limiter table (stages.ratelimit.SharedTable), when used

    # -------------------------------------------------------------- workers
    async def spawn(self, h: WorkerHandle) -> None:
        parent, child = socket.socketpair()
        args = [sys.executable, "-m", "fastgate.server.worker", "--id", str(h.index), "--control-fd", str(child.fileno())]
        if self.listen:
            args += ["--listen", self.listen]
        env = None
        holder = self.table.take_holder() if self.table is not None else None
        if holder is not None:
            from ..stages.ratelimit import SHM_HOLDER_ENV

            env = dict(os.environ, **{SHM_HOLDER_ENV: str(holder)})
        elif self.table is not None:
            log.warning("no free limiter ledger for worker %d: its concurrency slots will not be given back "
                        "if it dies", h.index)
        try:
            h.proc = await asyncio.create_subprocess_exec(*args, pass_fds=[child.fileno()], env=env)
        except BaseException:
            if holder is not None:
                self.table.reap(holder)  # never used: just free it
            child.close()
            parent.close()
            raise
        h.holder = holder
        h.exited = asyncio.get_running_loop().create_task(self._exited(h.proc, h.index, holder))
        child.close()
        h.reader, h.writer = await asyncio.open_connection(sock=parent)
        h.started_at = time.monotonic()
        reply = await h.call({"op": "config", "text": self.config_text, "source": self.config_path, "gen": self.gen},
                             timeout=60)
        if not reply.get("ok"):
            raise RuntimeError(f"worker {h.index} rejected the config: {reply.get('error')}")
        h.gen = self.gen
        h.ready = True
        asyncio.get_running_loop().create_task(self._watch(h, h.proc, h.exited))

    async def _exited(self, proc: asyncio.subprocess.Process, index: int, holder: int | None) -> int | None:
        """Wait for a worker process to exit, then give back the concurrency slots it still held
        in the shm limiter table (a SIGKILL or a crash leaves its in-flight requests' slots
        counted; a drained worker has released them all)."""
        code = await proc.wait()
        table = self.table
        if holder is not None and table is not None:
            try:
                keys, units = table.reap(holder)
            except Exception:
                log.exception("giving back the limiter slots of worker %d (pid %d) failed", index, proc.pid)
            else:
                if units:
                    log.warning("worker %d (pid %d) exited holding %d concurrency slot(s) on %d key(s): "
                                "given back", index, proc.pid, units, keys)
        return code

    async def _watch(self, h: WorkerHandle, proc: asyncio.subprocess.Process,
                     exited: asyncio.Task[int | None] | None) -> None:
        # Its concurrency slots are back in the table before a replacement starts.
        code = await exited if exited is not None else await proc.wait()
        if h.proc is not proc:
            return
        h.ready = False
        if h.writer is not None:
            h.writer.close()
        h.reader = h.writer = None
        if self.stopping or h.retired:
            return
        log.error("worker %d (pid %d) exited with %s; restarting", h.index, proc.pid, code)
        if h.last_metrics:
            # Counters and histograms of the dead worker live on; its gauges died with it.
            self.graveyard.append({k: v for k, v in h.last_metrics.items() if v.get("kind") != "gauge"})
            h.last_metrics = None
        self.restarts += 1
        # Crash-looping workers are restarted with a growing pause, never more than 5 s.
        lived = time.monotonic() - h.started_at
        await asyncio.sleep(0.1 if lived > 10 else min(5.0, 0.5 * (1 + self.restarts % 10)))
        if not self.stopping:
            try:
                await self.spawn(h)
            except Exception:
                log.exception("restarting worker %d failed", h.index)

    async def _poll_metrics(self) -> None:
        # Keep a recent snapshot of each worker so a crashed worker's counts survive it.
        while not self.stopping:
            await asyncio.sleep(2.0)
            await self.collect()

    async def collect(self) -> list[dict[str, Any]]:
        async def one(h: WorkerHandle) -> dict[str, Any] | None:
            if not h.ready:
                return None
            try:
                reply = await h.call({"op": "stats"}, timeout=5)
            except Exception:
                return None
            h.last_metrics = reply.get("metrics")
            return h.last_metrics

        snaps = await asyncio.gather(*(one(h) for h in self.workers))
        return [s for s in snaps if s]

    # -------------------------------------------------------------- admin backend
    async def metrics_text(self) -> str:
        snaps = await self.collect()
        alive = self.own.gauge("fastgate_workers_alive", "Worker processes currently serving", ())
        alive.set((), sum(1 for h in self.workers if h.ready))
        restarts = self.own.gauge("fastgate_worker_restarts_total", "Workers restarted after dying", ())
        restarts.set((), self.restarts)
        gen = self.own.gauge("fastgate_config_generation", "Config generation being served", ())
        gen.set((), self.gen)
        if self.table is not None:
            reclaimed = self.own.gauge("fastgate_ratelimit_reclaimed_slots_total",
                                       "Concurrency slots given back from workers that exited holding them", ())
            reclaimed.set((), self.table.reclaimed)
        return render(merge([*snaps, *self.graveyard, self.own.snapshot()]))

    async def readiness(self) -> tuple[bool, dict[str, Any]]:
        """Ready = every worker runs the current config and has its identity keys (JWKS-01)."""

        async def one(h: WorkerHandle) -> dict[str, Any] | None:
            if not (h.ready and h.gen == self.gen):
                return None
            try:
                return await h.call({"op": "ready"}, timeout=5)
            except Exception:
                return None

        replies = await asyncio.gather(*(one(h) for h in self.workers))
        ready = [r is not None and r.get("auth_ready", True) and r.get("upstreams_ready", True)
                 and not r.get("draining") for r in replies]
        ok = all(ready) and not self.stopping
        detail: dict[str, Any] = {"workers": len(self.workers), "workers_ready": sum(ready), "generation": self.gen,
                                  "draining": self.stopping}
        jwks = next((r.get("jwks") for r in replies if r and r.get("jwks")), None)
        if jwks:
            detail["jwks"] = jwks
        unhealthy = sorted({m for r in replies if r for m in r.get("unhealthy_models") or ()})
        if unhealthy:
            detail["unhealthy_models"] = unhealthy
        return ok, detail

    async def reload(self) -> tuple[bool, dict[str, Any]]:
        async with self._reload_lock:
            try:
                text = Path(self.config_path).read_text()  # noqa: ASYNC240 - small file, admin path
                cfg = load_config_text(text, self.config_path)
            except ConfigError as e:
                log.error("reload rejected, old config keeps serving:\n%s", e)
                return False, {"reloaded": False, "errors": e.errors, "generation": self.gen}
            except OSError as e:
                return False, {"reloaded": False, "errors": [f"{self.config_path}: {e}"], "generation": self.gen}
            self.gen += 1
            self.config, self.config_text = cfg, text
            results = await asyncio.gather(
                *(h.call({"op": "config", "text": text, "source": self.config_path, "gen": self.gen}, timeout=30)
                  for h in self.workers if h.ready),
                return_exceptions=True,
            )
            errors = []
            for h, r in zip([h for h in self.workers if h.ready], results, strict=True):
                if isinstance(r, BaseException) or not r.get("ok"):
                    errors.append(f"worker {h.index}: {r if isinstance(r, BaseException) else r.get('error')}")
                else:
                    h.gen = self.gen
            log.info("reloaded config generation %d (%d errors)", self.gen, len(errors))
            return not errors, {"reloaded": not errors, "generation": self.gen, "errors": errors}

    def config_view(self) -> dict[str, Any]:
        return mask_secrets(self.config)

    def current_config(self) -> Any:
        """The config being served (governance admin endpoints read routes/models/stores from it)."""
        return self.config

    def admin_token(self) -> str | None:
        return self.config.admin.token or None

    async def flush_usage(self) -> dict[str, str] | None:
        from .worker import ledger_store

        store = ledger_store(self.config)
        if store is None:
            return None
        await asyncio.gather(*(h.call({"op": "flush_usage"}, timeout=10) for h in self.workers if h.ready),
                             return_exceptions=True)
        return store

    async def rolling_restart(self) -> tuple[bool, dict[str, Any]]:
        """Replace every worker, one at a time: start the new one, wait until it serves, then drain
        the old one. With SO_REUSEPORT each worker owns a socket; connections still queued on the
        old socket when it closes are migrated to the others by the kernel when
        ``net.ipv4.tcp_migrate_req`` is 1 (fastgate turns it on at start when it may, see README)."""
        async with self._reload_lock:
            replaced = 0
            timeout = float(self.config.server.drain_timeout_s)
            for i, old in enumerate(list(self.workers)):
                new = WorkerHandle(old.index)
                try:
                    await self.spawn(new)
                except Exception as e:
                    return False, {"restarted": replaced, "error": f"worker {old.index}: {e}"}
                self.workers[i] = new
                old.retired = True
                try:
                    # It finishes what it has; its final counters live on in the totals.
                    reply = await old.call({"op": "drain", "timeout": timeout}, timeout=timeout + 10)
                    final = reply.get("metrics") or old.last_metrics
                except Exception:
                    final = old.last_metrics
                    if old.proc is not None and old.proc.returncode is None:
                        old.proc.terminate()
                if final:
                    self.graveyard.append({k: v for k, v in final.items() if v.get("kind") != "gauge"})
                if old.proc is not None:
                    try:
                        await asyncio.wait_for(old.proc.wait(), timeout + 5)
                    except TimeoutError:
                        old.proc.kill()
                replaced += 1
            log.info("rolling restart replaced %d workers", replaced)
            return True, {"restarted": replaced}

    # -------------------------------------------------------------- run
    async def drain(self) -> None:
        if self.stopping:
            return
        self.stopping = True
        timeout = float(self.config.server.drain_timeout_s)
        log.info("draining %d workers (timeout %.0fs)", len(self.workers), timeout)

        async def one(h: WorkerHandle) -> None:
            if h.proc is None or h.proc.returncode is not None:
                return
            try:
                await h.call({"op": "drain", "timeout": timeout}, timeout=timeout + 10)
            except Exception:
                h.proc.terminate()
            try:
                await asyncio.wait_for(h.proc.wait(), timeout + 5)
            except TimeoutError:
                h.proc.kill()
                await h.proc.wait()

        await asyncio.gather(*(one(h) for h in self.workers))

    async def run(self) -> int:
        from ..admin import make_admin_app, start_admin

        loop = asyncio.get_running_loop()
        host, port = parse_hostport(self.listen or self.config.server.listen)
        # Fail fast with a clear message if the port is taken (workers bind it themselves).
        probe = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        try:
            probe.bind((host, port))
        except OSError as e:
            print(f"fastgate: cannot listen on {host}:{port}: {e}", file=sys.stderr)
            return 1
        finally:
            probe.close()
        stop = asyncio.Event()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        loop.add_signal_handler(signal.SIGINT, stop.set)
        loop.add_signal_handler(signal.SIGHUP, lambda: loop.create_task(self.reload()))
        loop.add_signal_handler(signal.SIGUSR2, lambda: loop.create_task(self.rolling_restart()))
        enable_reuseport_migration()
        loop.add_signal_handler(signal.SIGUSR1, lambda: [loop.create_task(h.call({"op": "reopen_logs"}))
                                                         for h in self.workers if h.ready])
        # The shm limiter table lives in a file under /dev/shm that workers attach to by path
        # (FASTGATE_SHM_TABLE); created before them, snapshotted and removed after the drain.
        from ..stages.ratelimit import SharedTable

        # Ledgers: every worker alive at once (N, plus the new one of a rolling restart) needs its own.
        # (Sparse: a ledger is 4 bytes per slot of virtual memory, backed only where a worker writes.)
        table = self.table = SharedTable.open(self.config, holders=min(2 * self.n + 2, 1024))
        try:
            await asyncio.gather(*(self.spawn(h) for h in self.workers))
        except Exception as e:
            print(f"fastgate: workers failed to start: {e}", file=sys.stderr)
            self.stopping = True
            for h in self.workers:
                if h.proc is not None and h.proc.returncode is None:
                    h.proc.kill()
            self.table = None
            if table is not None:
                table.close()
            return 1
        ahost, aport = parse_hostport(self.config.server.admin_listen)
        runner, self.admin_port = await start_admin(make_admin_app(self), ahost, aport)
        poller = loop.create_task(self._poll_metrics())
        print(f"fastgate {os.getpid()}: {self.n} workers serving http://{host}:{port} "
              f"(admin http://{ahost}:{self.admin_port})", file=sys.stderr, flush=True)
        if table is not None:
            table.start()
        await stop.wait()
        await self.drain()
        if table is not None:
            # Reap the ledgers of workers that exited during the drain, then snapshot and remove.
            await asyncio.gather(*(h.exited for h in self.workers if h.exited is not None), return_exceptions=True)
            self.table = None
            table.close()
        poller.cancel()
        await runner.cleanup()
        return 0
