#!/usr/bin/env python3
"""Instructions per request under callgrind: an A/B instrument that does not drift.

CPU-time benchmarks on a shared 2-core VM drift by ±20 % between runs (bench/RESULTS.md). Valgrind's
callgrind counts the instructions the gateway process executes in user space, which is the same for
the same code and the same requests whatever else the machine does. It does not count kernel work
(syscalls, TCP), so it complements bench/run.py's CPU µs/request, it does not replace it.

    bench/instr.py --scenario proxy --engine native,aiohttp --requests 2000

For each scenario × engine: start the mock upstream, start ``fastgate serve --workers 0`` under
``valgrind --tool=callgrind`` with the scenario's bench/run.py config, send ``--warmup`` requests,
zero the counters (``callgrind_control -z``), send ``--requests`` requests over ``--conns`` keep-alive
connections, dump (``callgrind_control -d``) and divide. Needs valgrind (``apt-get install valgrind``).

The ``redis`` scenario also starts a private redis-server on a free port (not under valgrind) and
reports its side per request: the limiter scripts run, the commands they ran, their time from
``INFO commandstats`` and the server's CPU from ``/proc/PID/schedstat`` (the latter two are times,
so they vary with the machine; and the gateway's slowness under valgrind makes batches small).

Paced scenarios (``stream-paced``): the bench/run.py scenario they name, against a second mock upstream
started with ``--tokens-per-s``, so that the SSE events of a stream arrive one per read (as from a real
LLM) instead of in one burst; they also report instructions per upstream event and the chunks the
client received per stream (= the relay's writes: 1 + one per separately arriving event when the
pacing held; if the box is too slow for the pacing, events coalesce and this number drops).
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import run  # noqa: E402  (bench/run.py: scenarios, configs, keys)

# name -> (bench/run.py scenario, mock upstream --tokens-per-s). 100 tokens/s = one word event every
# 10 ms: slow enough that the gateway under callgrind relays each event before the next one arrives.
PACED = {"stream-paced": ("stream", 100.0)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, proc: subprocess.Popen, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"port {port} not open after {timeout:.0f} s")


async def _one_conn(port: int, raw: bytes, n: int, bad: list[int], seen: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for _ in range(n):
            writer.write(raw)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            m = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
            if m:
                await reader.readexactly(int(m.group(1)))
            elif re.search(rb"(?i)\r\ntransfer-encoding:\s*chunked", head):
                while True:
                    size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                    data = await reader.readexactly(size + 2)
                    if size == 0:
                        break
                    seen[0] += 1  # chunks
                    seen[1] += data.count(b"\n\n")  # SSE events
            if status != 200:
                bad.append(status)
    finally:
        writer.close()


def load(port: int, raw: bytes, total: int, conns: int, seen: list[int] | None = None) -> list[int]:
    bad: list[int] = []
    if seen is None:
        seen = [0, 0]

    async def main() -> None:
        per = [total // conns + (1 if i < total % conns else 0) for i in range(conns)]
        await asyncio.gather(*(_one_conn(port, raw, k, bad, seen) for k in per if k))

    asyncio.run(main())
    return bad


def total_ir(path: str) -> int:
    with open(path) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError(f"no totals in {path}")


def redis_cmd(port: int, *args: bytes | str) -> object:
    """One command to the private redis-server (admin: CONFIG RESETSTAT, INFO)."""
    import hiredis

    reader = hiredis.Reader(encoding="utf-8")
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(hiredis.pack_command(args))
        while True:
            reader.feed(s.recv(1 << 16))
            r = reader.gets()
            if r is not False:
                return r


def start_redis(work: Path) -> tuple[subprocess.Popen, int]:
    """A private redis-server on a free port (no persistence), like bench/run.py's redis scenario:
    the gateway runs under valgrind, Redis does not (its CPU is read from INFO commandstats)."""
    exe = shutil.which("redis-server")
    if exe is None:
        raise SystemExit("redis-server not installed (apt-get install -y redis-server)")
    port = free_port()
    rdir = work / "redis"
    rdir.mkdir(exist_ok=True)
    proc = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(rdir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port, proc, 30)
    return proc, port


def redis_usage(port: int, pid: int) -> tuple[int, int, int, int]:
    """Since the last CONFIG RESETSTAT: (script calls, their usec, commands the scripts ran, the
    redis-server's CPU ns from /proc/PID/schedstat -- the caller subtracts a reading taken before).
    INFO commandstats counts a script's redis.call()s on their own lines too: not added twice."""
    info = str(redis_cmd(port, "INFO", "commandstats"))
    calls = usec = inner = 0
    for m in re.finditer(r"^cmdstat_([^:]+):calls=(\d+),usec=(\d+)", info, re.M):
        if m.group(1) in ("evalsha", "eval"):
            calls += int(m.group(2))
            usec += int(m.group(3))
        elif m.group(1) not in ("config", "info"):
            inner += int(m.group(2))
    return calls, usec, inner, redis_cpu_ns(pid)


def redis_cpu_ns(pid: int) -> int:
    with open(f"/proc/{pid}/schedstat") as f:
        return int(f.read().split()[0])


def measure(sc_name: str, engine: str, args: argparse.Namespace, work: Path, upstream: str,
            redis_port: int | None = None, redis_pid: int = 0) -> dict:
    sc = run.SCENARIOS[PACED[sc_name][0] if sc_name in PACED else sc_name]
    cfg = run.GATEWAY_CONFIGS[sc.config]
    if cfg.needs_redis and redis_port is None:
        raise SystemExit(f"{sc_name}: needs Redis")
    # (a longer limiter timeout than the default 0.25 s: valgrind makes the gateway's first
    # requests slow enough to time out and open the breaker)
    redis_url = f"redis://127.0.0.1:{redis_port}/0?timeout=60" if cfg.needs_redis else "redis://127.0.0.1:6379/0"
    keys = None
    if sc.auth in ("jwt", "jwt-rotate"):
        keys = run.Keys(run.OUT / "keys")
        keys.ensure(rotate=False)
    port, admin = free_port(), free_port()
    text = cfg.render(port=port, admin_port=admin, upstream=upstream, keys=keys, redis_url=redis_url,
                      access_log=(work / f"access-{sc_name}-{engine}.log") if cfg.access_log else None)
    text = text.replace("\nserver:\n", f"\nserver:\n  engine: {engine}\n", 1)
    if cfg.needs_redis:
        # The usage ledger defaults to rate_limit.redis_url, whose ?timeout= is the limiter's own
        # option (redis-py refuses it): give the ledger the plain URL, as bench/run.py has.
        assert "\nusage:" not in text
        text += f'\nusage:\n  redis_url: "redis://127.0.0.1:{redis_port}/0"\n'
    path = work / f"gw-{sc_name}-{engine}.yaml"
    path.write_text(text)
    out = work / f"cg-{sc_name}-{engine}"
    proc = subprocess.Popen(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}.%p", "--dump-instr=no",
         sys.executable, "-m", "fastgate", "serve", "-c", str(path), "--workers", "0"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=(work / f"gw-{sc_name}-{engine}.err").open("wb"))
    try:
        wait_port(port, proc, 600)
        body = sc.body_bytes() or b""
        hdrs = run.request_headers(sc, keys, sc.body_bytes())
        raw = (f"{sc.method} {sc.path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode()
               + b"".join(f"{k}: {v}\r\n".encode() for k, v in hdrs)
               + (b"Content-Length: %d\r\n" % len(body) if sc.body else b"") + b"\r\n" + body)
        bad = load(port, raw, args.warmup, args.conns)
        if bad:
            raise RuntimeError(f"warm-up answers not 200: {sorted(set(bad))}")
        subprocess.run(["callgrind_control", "-z", str(proc.pid)], check=True, capture_output=True)
        if cfg.needs_redis:
            redis_cmd(redis_port, "CONFIG", "RESETSTAT")  # type: ignore[arg-type]
            cpu0 = redis_cpu_ns(redis_pid)
        t0 = time.monotonic()
        seen = [0, 0]
        bad = load(port, raw, args.requests, args.conns, seen)
        wall = time.monotonic() - t0
        rcalls = rusec = rinner = rcpu = 0
        if cfg.needs_redis:
            rcalls, rusec, rinner, cpu1 = redis_usage(redis_port, redis_pid)  # type: ignore[arg-type]
            rcpu = cpu1 - cpu0
        before = set(glob.glob(f"{out}.{proc.pid}*"))
        subprocess.run(["callgrind_control", "-d", str(proc.pid)], check=True, capture_output=True)
        dump = None
        for _ in range(100):
            new = set(glob.glob(f"{out}.{proc.pid}*")) - before
            if new:
                dump = sorted(new)[-1]
                time.sleep(0.5)
                break
            time.sleep(0.1)
        if dump is None:
            raise RuntimeError("callgrind_control -d wrote no dump")
        ir = total_ir(dump)
        return {"scenario": sc_name, "engine": engine, "requests": args.requests, "errors": len(bad),
                "ir_per_req": ir / args.requests, "wall_s": wall, "chunks": seen[0] / args.requests,
                "events": seen[1] / args.requests,
                "redis_calls_per_req": rcalls / args.requests if cfg.needs_redis else None,
                "redis_us_per_req": rusec / args.requests if cfg.needs_redis else None,
                "redis_inner_per_req": rinner / args.requests, "redis_cpu_us_per_req": rcpu / 1e3 / args.requests}
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[1],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--scenario", action="append", choices=list(run.SCENARIOS) + list(PACED))
    p.add_argument("--engine", default="native,aiohttp", help="comma list of server.engine values")
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--warmup", type=int, default=300)
    p.add_argument("--conns", type=int, default=8)
    p.add_argument("--tokens-per-s", type=float, default=None,
                   help="pacing of the paced scenarios' mock upstream (default: each scenario's own)")
    args = p.parse_args()
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        print("valgrind not installed (apt-get install valgrind): nothing measured")
        return 0
    scenarios = args.scenario or ["proxy", "full"]
    work = Path(tempfile.mkdtemp(prefix="fg-instr-"))
    up_port = free_port()
    up = subprocess.Popen([sys.executable, "-m", "fastgate", "mock-upstream", "--port", str(up_port)], cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    paced: dict[float, tuple[subprocess.Popen, int]] = {}
    rows = []
    redis: subprocess.Popen | None = None
    redis_port = None
    try:
        wait_port(up_port, up, 60)
        if any(run.GATEWAY_CONFIGS[run.SCENARIOS[PACED[sc][0] if sc in PACED else sc].config].needs_redis
               for sc in scenarios):
            redis, redis_port = start_redis(work)
        for sc in scenarios:
            url = f"http://127.0.0.1:{up_port}"
            if sc in PACED:
                tps = args.tokens_per_s or PACED[sc][1]
                if tps not in paced:
                    pp = free_port()
                    paced[tps] = (subprocess.Popen(
                        [sys.executable, "-m", "fastgate", "mock-upstream", "--port", str(pp), "--tokens-per-s", str(tps)],
                        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), pp)
                    wait_port(pp, paced[tps][0], 60)
                url = f"http://127.0.0.1:{paced[tps][1]}"
            for engine in [e.strip() for e in args.engine.split(",") if e.strip()]:
                r = measure(sc, engine, args, work, url, redis_port, redis.pid if redis is not None else 0)
                rows.append(r)
                extra = ""
                if r["redis_us_per_req"] is not None:
                    extra = (f"; redis per request: {r['redis_calls_per_req']:.2f} scripts running "
                             f"{r['redis_inner_per_req']:.2f} commands, {r['redis_us_per_req']:.1f} us in scripts "
                             f"(INFO commandstats), {r['redis_cpu_us_per_req']:.1f} us CPU (schedstat)")
                if r["events"]:
                    extra += (f"; {r['events']:.0f} SSE events and {r['chunks']:.1f} chunks to the client per stream, "
                              f"{r['ir_per_req'] / r['events']:,.0f} instructions/event")
                print(f"{sc:10s} {engine:8s} {r['ir_per_req']:>12,.0f} instructions/request "
                      f"({r['requests']} requests, {r['errors']} non-200, {r['wall_s']:.1f} s under valgrind{extra})",
                      flush=True)
    finally:
        up.terminate()
        up.wait(10)
        if redis is not None:
            redis.terminate()
            redis.wait(10)
        for pproc, _ in paced.values():
            pproc.terminate()
            pproc.wait(10)
    print()
    print("| scenario | engine | instructions/request (user space, callgrind) | per SSE event | client chunks/stream "
          "| Redis: scripts µs/request |")
    print("|---|---|---:|---:|---:|---:|")
    for r in rows:
        ev = f"{r['ir_per_req'] / r['events']:,.0f}" if r["events"] else ""
        ch = f"{r['chunks']:.1f}" if r["events"] else ""
        rus = f"{r['redis_us_per_req']:.1f}" if r["redis_us_per_req"] is not None else ""
        print(f"| {r['scenario']} | {r['engine']} | {r['ir_per_req']:,.0f} | {ev} | {ch} | {rus} |")
    print(f"\ncommand: {' '.join(['bench/instr.py'] + sys.argv[1:])}; python {sys.version.split()[0]}; "
          f"{os.cpu_count()} CPUs; {time.strftime('%Y-%m-%d')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
