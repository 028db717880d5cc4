#!/usr/bin/env python3
"""The whole request path in-process, without sockets: CPU µs per request of ``Gateway.handle``.

Everything fastgate runs per request except the kernel's TCP work and the event loop's I/O: the
native server's request parsing (the ``reqhead`` kernel fed the request bytes), the Request/Body objects, every
stage of the scenario's chain, the proxy loop, the response serialisation (into a fake transport),
metrics and the access log. The upstream is replaced by a canned ``chat.completion`` answer (the
mock upstream's own bytes), so the number is the gateway's own cost. Reference in the same run:
``orjson.loads`` of the request body.

    .venv/bin/python bench/bench_handler.py [--scenario proxy|full|full-10k] [--batch 2000] [--repeat 9]

Not a test: it checks every answer was a 200 and nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import orjson  # noqa: E402
import run  # noqa: E402  (bench/run.py: scenario configs, keys, bodies)

from fastgate._native import accelerated  # noqa: E402
from fastgate.config import load_config_text  # noqa: E402
from fastgate.mock_upstream import build_chat  # noqa: E402
from fastgate.server.native import HttpProtocol, NativeServer  # noqa: E402
from fastgate.server.worker import Worker  # noqa: E402


class FakeTransport:
    """Counts what the gateway writes; never closes."""

    def __init__(self) -> None:
        self.out = 0
        self.last = b""

    def write(self, data: bytes) -> None:
        self.out += len(data)
        self.last = data

    def is_closing(self) -> bool:
        return False

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return ("127.0.0.1", 40000) if name == "peername" else default

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass

    def close(self) -> None:
        pass


class CannedResponse:
    """What ``Target.request`` returns, answering at once with the mock upstream's chat.completion."""

    __slots__ = ("status", "headers", "content_length", "_data")

    def __init__(self, data: bytes) -> None:
        self.status = 200
        self._data = data
        self.content_length = len(data)
        self.headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                        (b"date", b"Sun, 29 Nov 2026 10:00:00 GMT")]

    async def read(self, limit: int = 0) -> bytes:
        return self._data

    def close(self) -> None:
        pass


def build(scenario: str, tmp: Path) -> tuple[Worker, bytes]:
    sc = run.SCENARIOS[scenario]
    cfg = run.GATEWAY_CONFIGS[sc.config]
    keys = None
    if sc.auth in ("jwt", "jwt-rotate"):
        keys = run.Keys(run.OUT / "keys")
        keys.ensure(rotate=False)
    text = cfg.render(port=0, admin_port=0, upstream="http://127.0.0.1:9", keys=keys,
                      redis_url="redis://127.0.0.1:6379/0", access_log=(tmp / "access.log") if cfg.access_log else None)
    worker = Worker(load_config_text(text, "<bench>"))
    body = sc.body_bytes() or b""
    hdrs = run.request_headers(sc, keys, sc.body_bytes())
    raw = (f"{sc.method} {sc.path} HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n".encode()
           + b"".join(f"{k}: {v}\r\n".encode() for k, v in hdrs)
           + (b"Content-Length: %d\r\n" % len(body) if sc.body else b"") + b"\r\n" + body)
    return worker, raw


async def main(args: argparse.Namespace) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="fg-bench-handler-"))
    worker, raw = build(args.scenario, tmp)
    body = run.SCENARIOS[args.scenario].body_bytes() or b"{}"
    answer = build_chat(orjson.loads(body), 1, None).body  # the mock upstream's own answer to this body
    canned = CannedResponse(answer)

    async def fake_request(*a: Any, **kw: Any) -> CannedResponse:
        return canned

    for m in worker.world.models.values():
        for mt in m.choice.items:
            mt.target.request = fake_request

    loop = asyncio.get_running_loop()
    done: list[int] = []

    async def handler(req: Any) -> Any:
        resp = await worker.gateway.handle(req)
        done.append(resp.status)
        return resp

    if args.server_only:
        from fastgate.server.handler import RawResponse

        async def handler(req: Any) -> Any:  # noqa: F811 - the server's own share: parse, Request, Task
            req.content.read_nowait(-1)
            req.transport.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")
            done.append(200)
            return RawResponse(200, True)

    server = NativeServer(handler, loop=loop, header_timeout=0, keepalive_timeout=0)
    transport = FakeTransport()
    proto = HttpProtocol(server)
    proto.connection_made(transport)

    async def batch(n: int) -> float:
        done.clear()
        t0 = time.thread_time()
        for _ in range(n):
            proto.data_received(raw)
            task = proto.task
            if task is not None:
                await task
        return (time.thread_time() - t0) / n * 1e6

    await batch(200)  # warm-up: caches, JWT verify, pools of objects
    if set(done) != {200}:
        print(f"answers were not all 200: {sorted(set(done))}; last write: {transport.last[:300]!r}")
        return 1

    def ref(n: int) -> float:
        t0 = time.thread_time()
        for _ in range(n):
            orjson.loads(body)
        return (time.thread_time() - t0) / n * 1e6

    rows, refs = [], []
    for _ in range(args.repeat):
        gc.collect()
        gc.disable()
        try:
            rows.append(await batch(args.batch))
            refs.append(ref(args.batch))
        finally:
            gc.enable()
        if set(done) != {200}:
            print(f"answers were not all 200: {sorted(set(done))}")
            return 1
    med, best, rmed = statistics.median(rows), min(rows), statistics.median(refs)
    print(f"{args.scenario}: Gateway.handle + native parse, no sockets: median {med:.2f} µs/request "
          f"(best {best:.2f}); orjson.loads of the {len(body)} B body {rmed:.2f} µs → {med / rmed:.1f}× the reference; "
          f"kernels {'compiled' if accelerated() else 'pure'}; {args.repeat} × {args.batch} requests")
    await worker.close()
    return 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="proxy", choices=["proxy", "full", "full-10k", "auth-miss"])
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--server-only", action="store_true", help="a handler that answers at once: the server's share")
    import uvloop

    sys.exit(uvloop.run(main(ap.parse_args())))
