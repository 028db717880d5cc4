"""Upstream client CPU per request: fastgate.upstream.Target beside aiohttp's ClientSession.

Scenario of docs/perf-baseline.md §2 ("upstream client alone"): a 974-byte POST, a 598-byte
JSON reply, 64 concurrent keep-alive requests. The upstream is a tiny raw-protocol server
(uvloop + httptools) in a separate process, so the client process's CPU time
(``time.process_time()``: user + system, kernel TCP work included) divided by the number of
requests is the client's cost. Cases run alternately for a few rounds; the median is printed.

    .venv/bin/python bench/bench_client.py [--seconds 2] [--rounds 3] [--concurrency 64]
                                           [--no-aiohttp] [--no-floor] [--profile] [--no-io]

``--no-io`` measures the clients' own code without sockets: every connection gets a fake
transport whose ``write()`` schedules the canned response with ``call_soon``. On a box shared
with other work that number is far steadier than the socket run, and it isolates what the
client adds over the bare pool (the kernel's TCP work is the same for both).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable

import uvloop

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from fastgate.upstream import Target  # noqa: E402

REQ_BODY = (
    b'{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a helpful assistant. '
    + b"Answer briefly and precisely. " * 14
    + b'"},{"role":"user","content":"'
    + b"Summarise the following text please. " * 10
    + b'"}],"temperature":0.2,"max_tokens":256,"stream":false}'
)
REQ_BODY = REQ_BODY[:974] if len(REQ_BODY) >= 974 else REQ_BODY + b" " * (974 - len(REQ_BODY))
REPLY = (
    b'{"id":"chatcmpl-abc123","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",'
    b'"choices":[{"index":0,"message":{"role":"assistant","content":"'
    + b"This is a short mock answer. " * 12
    + b'"},"finish_reason":"stop"}],"usage":{"prompt_tokens":211,"completion_tokens":90,"total_tokens":301}}'
)
REPLY = REPLY[:598] if len(REPLY) >= 598 else REPLY + b" " * (598 - len(REPLY))
HEADERS = [
    (b"content-type", b"application/json"),
    (b"authorization", b"Bearer sk-0123456789abcdef0123456789abcdef"),
    (b"accept", b"application/json"),
    (b"user-agent", b"fastgate/0.1"),
    (b"x-request-id", b"0123456789abcdef"),
]


def _serve(port_q: multiprocessing.Queue, cpu: int | None) -> None:  # pragma: no cover - bench only
    import httptools

    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})
    head = (
        b"HTTP/1.1 200 OK\r\nServer: bench\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\nConnection: keep-alive\r\n\r\n" % len(REPLY)
    )
    reply = head + REPLY

    class Server(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            self.t = transport
            self.p = httptools.HttpRequestParser(self)

        def data_received(self, data: bytes) -> None:
            self.p.feed_data(data)

        def on_message_complete(self) -> None:
            self.t.write(reply)  # type: ignore[attr-defined]

    async def main() -> None:
        loop = asyncio.get_running_loop()
        srv = await loop.create_server(Server, "127.0.0.1", 0, backlog=1024)
        port_q.put(srv.sockets[0].getsockname()[1])
        await asyncio.Event().wait()

    uvloop.run(main())


async def _drive(one: Callable[[], Awaitable[None]], seconds: float, conc: int) -> tuple[int, float, float]:
    stop = False
    count = 0

    async def worker() -> None:
        nonlocal count
        while not stop:
            await one()
            count += 1

    tasks = [asyncio.ensure_future(worker()) for _ in range(conc)]
    await asyncio.sleep(0.3)  # warm-up: pool filled, code paths hot
    c0, t0, w0 = count, time.process_time(), time.perf_counter()
    await asyncio.sleep(seconds)
    c1, t1, w1 = count, time.process_time(), time.perf_counter()
    stop = True
    await asyncio.gather(*tasks)
    n = c1 - c0
    return n, (t1 - t0) / n * 1e6, n / (w1 - w0)


def _bare_case(loop: asyncio.AbstractEventLoop, port: int) -> Callable[[], Awaitable[None]]:
    """The physical anchor on this box: the least a pooled httptools client can do.

    No timeouts, no framing checks, no pool hygiene: only to tell how much of the Target's cost
    is the box (syscalls, loop) and how much is the client's own code.
    """
    import httptools

    class Bare(asyncio.Protocol):
        def __init__(self) -> None:
            self.p = httptools.HttpResponseParser(self)
            self.fut: asyncio.Future[bytes] | None = None
            self.body: list[bytes] = []

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            self.t = transport

        def data_received(self, data: bytes) -> None:
            self.p.feed_data(data)

        def on_body(self, body: bytes) -> None:
            self.body.append(body)

        def on_message_complete(self) -> None:
            fut = self.fut
            self.fut = None
            assert fut is not None
            fut.set_result(b"".join(self.body))
            self.body = []

    pool: list[Bare] = []
    head = (
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + b"".join(n + b": " + v + b"\r\n" for n, v in HEADERS)
        + b"Content-Length: %d\r\n\r\n" % len(REQ_BODY)
    )

    async def bare_one() -> None:
        if pool:
            c = pool.pop()
        else:
            _, c = await loop.create_connection(Bare, "127.0.0.1", port)
        c.fut = loop.create_future()
        c.t.write(head + REQ_BODY)  # type: ignore[attr-defined]
        body = await c.fut
        pool.append(c)
        assert len(body) == len(REPLY)

    return bare_one


class _FakeTransport:
    """Answers every write with the canned response on the next loop iteration."""

    def __init__(self, loop: asyncio.AbstractEventLoop, proto: asyncio.Protocol, reply: bytes) -> None:
        self.loop, self.proto, self.reply = loop, proto, reply

    def write(self, data: bytes) -> None:
        self.loop.call_soon(self.proto.data_received, self.reply)  # type: ignore[attr-defined]

    def writelines(self, data: object) -> None:
        self.write(b"")

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


async def run_no_io(args: argparse.Namespace) -> None:
    import httptools

    from fastgate.upstream import client as fg

    loop = asyncio.get_running_loop()
    reply = (
        b"HTTP/1.1 200 OK\r\nServer: bench\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\nConnection: keep-alive\r\n\r\n" % len(REPLY)
    ) + REPLY
    target = Target("http://127.0.0.1:9")
    target._loop = loop
    for _ in range(args.concurrency):  # a pre-filled pool (internals: this is a bench)
        c = fg._Conn(target, loop)
        c.connection_made(_FakeTransport(loop, c, reply))  # type: ignore[arg-type]
        c.pooled = True
        c.idle_since = loop.time()
        target._idle.append(c)

    async def fastgate_one() -> None:
        resp = await target.request(
            b"POST", b"/v1/chat/completions", HEADERS, REQ_BODY,
            first_byte_timeout=60.0, idle_timeout=60.0, deadline=loop.time() + 120.0,
        )  # fmt: skip
        try:
            body = await resp.read(max_bytes=1 << 20)
        finally:
            resp.close()
        assert len(body) == len(REPLY)

    class Bare(asyncio.Protocol):
        def __init__(self) -> None:
            self.p = httptools.HttpResponseParser(self)
            self.fut: asyncio.Future[bytes] | None = None
            self.body: list[bytes] = []
            self.t = _FakeTransport(loop, self, reply)

        def data_received(self, data: bytes) -> None:
            self.p.feed_data(data)

        def on_body(self, body: bytes) -> None:
            self.body.append(body)

        def on_message_complete(self) -> None:
            fut = self.fut
            self.fut = None
            assert fut is not None
            fut.set_result(b"".join(self.body))
            self.body = []

    pool = [Bare() for _ in range(args.concurrency)]
    head = (
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + b"".join(n + b": " + v + b"\r\n" for n, v in HEADERS)
        + b"Content-Length: %d\r\n\r\n" % len(REQ_BODY)
    )

    async def bare_one() -> None:
        c = pool.pop()
        c.fut = loop.create_future()
        c.t.write(head + REQ_BODY)
        body = await c.fut
        pool.append(c)
        assert len(body) == len(REPLY)

    results: dict[str, list[float]] = {"fastgate Target": [], "floor (bare pool)": []}
    for _ in range(args.rounds):
        for name, one in (("fastgate Target", fastgate_one), ("floor (bare pool)", bare_one)):
            _n, us, _rps = await _drive(one, args.seconds, args.concurrency)
            results[name].append(us)
    print(f"no I/O (fake transports), c{args.concurrency}, {args.rounds} rounds x {args.seconds}s, median")
    print(f"{'client':24} {'CPU us/req':>11}   (rounds)")
    for name, rs in results.items():
        print(f"{name:24} {statistics.median(rs):11.2f}   ({', '.join(f'{r:.2f}' for r in rs)})")


async def run(args: argparse.Namespace, port: int) -> None:
    url = f"http://127.0.0.1:{port}"
    target = Target(url)
    loop = asyncio.get_running_loop()

    async def fastgate_one() -> None:
        resp = await target.request(
            b"POST",
            b"/v1/chat/completions",
            HEADERS,
            REQ_BODY,
            first_byte_timeout=60.0,
            idle_timeout=60.0,
            deadline=loop.time() + 120.0,
        )
        try:
            body = await resp.read(max_bytes=1 << 20)
        finally:
            resp.close()
        assert len(body) == len(REPLY)

    cases: dict[str, Callable[[], Awaitable[None]]] = {"fastgate Target": fastgate_one}
    if not args.no_floor:
        cases["floor (bare pool)"] = _bare_case(loop, port)
    session = None
    if not args.no_aiohttp:
        import aiohttp

        session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0, limit_per_host=0),
            cookie_jar=aiohttp.DummyCookieJar(),
            timeout=aiohttp.ClientTimeout(total=None),
        )
        yurl = aiohttp.client.URL(url + "/v1/chat/completions")
        ahdrs = {k.decode(): v.decode() for k, v in HEADERS}

        async def aiohttp_one() -> None:
            async with session.post(yurl, data=REQ_BODY, headers=ahdrs) as r:
                body = await r.read()
            assert len(body) == len(REPLY)

        cases["aiohttp ClientSession"] = aiohttp_one

    results: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        await _drive(fastgate_one, args.seconds, args.concurrency)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return
    for _ in range(args.rounds):
        for name, one in cases.items():
            n, us, rps = await _drive(one, args.seconds, args.concurrency)
            results[name].append((us, rps))
    print(
        f"c{args.concurrency}, {len(REQ_BODY)} B POST -> {len(REPLY)} B JSON, keep-alive, "
        f"{args.rounds} rounds x {args.seconds}s, median"
    )
    print(f"{'client':24} {'CPU us/req':>11} {'req/s':>9}   (rounds: us/req)")
    for name, rs in results.items():
        us = statistics.median(r[0] for r in rs)
        rps = statistics.median(r[1] for r in rs)
        print(f"{name:24} {us:11.1f} {rps:9.0f}   ({', '.join(f'{r[0]:.1f}' for r in rs)})")
    print("pool:", target.stats())
    await target.close()
    if session is not None:
        await session.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--no-aiohttp", action="store_true")
    ap.add_argument("--no-floor", action="store_true", help="skip the bare-pool anchor case")
    ap.add_argument("--profile", action="store_true", help="cProfile the fastgate client instead")
    ap.add_argument("--server-cpu", type=int, default=None, help="pin the upstream process to this CPU")
    ap.add_argument("--client-cpu", type=int, default=None, help="pin this process to this CPU")
    ap.add_argument("--no-io", action="store_true", help="fake transports: the clients' own code only")
    args = ap.parse_args()
    if args.no_io:
        if args.client_cpu is not None and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {args.client_cpu})
        uvloop.run(run_no_io(args))
        return
    ctx = multiprocessing.get_context("spawn")
    q: multiprocessing.Queue = ctx.Queue()
    proc = ctx.Process(target=_serve, args=(q, args.server_cpu), daemon=True)
    proc.start()
    try:
        port = q.get(timeout=30)
        if args.client_cpu is not None and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {args.client_cpu})
        uvloop.run(run(args, port))
    finally:
        proc.terminate()
        proc.join(5)


if __name__ == "__main__":
    main()
