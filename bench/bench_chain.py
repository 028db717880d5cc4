"""Micro-benchmark of the `full` scenario's stage chain in-process: CPU µs per hook, per request.

Builds the World from exactly the config ``bench/run.py --scenario full`` writes (RS256 JWT with
its verified-token cache, shm limits with headroom, token estimate, PII mask both ways, JSON
access log to a file), then drives ``B`` fresh request contexts through every hook of the chain
the way ``server/handler.py`` does — each hook timed over the whole batch (thread CPU time, so no
per-call timer overhead): request phase, the body re-serialisation a rewritten body costs the
handler, the chunk hooks on the mock upstream's real ``chat.completion`` answer, ``on_end``, the
access-log record and its write. Reference in the same run: ``orjson.loads`` of the request body.

    .venv/bin/python bench/bench_chain.py [--batch 500] [--repeat 21] [--pure]

Prints one row per hook: median and best over ``--repeat`` batches of the mean CPU µs per call
(the cyclic GC is held off inside a batch and run between them). Not a test: asserts only that the chain admitted every request and masked the PII.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))


def _parse() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batch", type=int, default=500, help="requests per timed batch")
    ap.add_argument("--repeat", type=int, default=21, help="timed batches (median and best reported)")
    ap.add_argument("--pure", action="store_true", help="FASTGATE_NO_EXTENSIONS=1 (pure-Python twins)")
    ap.add_argument("--body", default="req-pii.json", help="request body in bench/data (default: the full scenario's)")
    return ap.parse_args()


ARGS = _parse() if __name__ == "__main__" else None
if ARGS is not None and ARGS.pure:
    os.environ["FASTGATE_NO_EXTENSIONS"] = "1"

import orjson  # noqa: E402
import run  # noqa: E402  (bench/run.py: the full scenario's config, keys and data)
from multidict import CIMultiDict, CIMultiDictProxy  # noqa: E402

from fastgate._native import accelerated  # noqa: E402
from fastgate.config import load_config_text  # noqa: E402
from fastgate.mock_upstream import build_chat  # noqa: E402
from fastgate.pipeline.context import RequestContext  # noqa: E402
from fastgate.server.handler import access_record  # noqa: E402
from fastgate.server.worker import Worker  # noqa: E402


class Content:
    """The part of aiohttp's StreamReader the stages touch: a body that arrived with the head."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def is_eof(self) -> bool:
        return True

    def read_nowait(self, n: int = -1) -> bytes:
        d, self.data = self.data, b""
        return d


class Request:
    """What stages read from aiohttp's BaseRequest."""

    __slots__ = ("headers", "raw_headers", "content", "content_length", "remote", "body_exists", "method", "raw_path",
                 "content_type", "transport", "keep_alive", "version", "secure")

    def __init__(self, headers: CIMultiDictProxy[str], body: bytes) -> None:
        self.headers = headers
        # (as both servers keep them: the authenticate stage reads its two fields from these)
        self.raw_headers = tuple((k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items())
        self.content = Content(body)
        self.content_length = len(body)
        self.remote = "127.0.0.1"
        self.body_exists = True
        self.method = "POST"
        self.raw_path = "/v1/chat/completions"
        self.content_type = "application/json"
        self.transport = None
        self.keep_alive = True
        self.version = (1, 1)
        self.secure = False


def batch_us(fn: Callable[[Any], Any], items: list[Any]) -> float:
    """Mean thread-CPU µs of ``fn(item)`` over the batch, the cyclic GC held off while it runs.

    A batch keeps thousands of contexts alive, so a collection inside it would cost far more
    than in a server (and land on whichever hook happened to allocate): collect before, not in.
    """
    gc.collect()
    gc.disable()
    clock = time.thread_time_ns
    try:
        t0 = clock()
        for it in items:
            fn(it)
        return (clock() - t0) / len(items) / 1000.0
    finally:
        gc.enable()


async def main(args: argparse.Namespace) -> None:
    keys = run.Keys(run.OUT / "keys")
    keys.ensure(False)
    tmp = Path(tempfile.mkdtemp(prefix="fg-chain-"))
    log_path = tmp / "access.log"
    text = run.GATEWAY_CONFIGS["full"].render(port=1, admin_port=2, upstream="http://127.0.0.1:9", keys=keys,
                                               redis_url="redis://127.0.0.1:6379/0", access_log=log_path)
    worker = Worker(load_config_text(text, "<bench_chain>"))
    world = worker.world
    auth = world.auth
    for store in auth.stores.values():
        store.start()
    for _ in range(200):
        if auth.ready:
            break
        await asyncio.sleep(0.01)
    ep = world.match("POST", "/v1/chat/completions")
    chain = ep.chain
    body = (run.DATA / args.body).read_bytes()
    hdrs = CIMultiDictProxy(CIMultiDict([
        ("Host", "127.0.0.1:8080"), ("Content-Type", "application/json"),
        ("Authorization", f"Bearer {keys.token()}"), ("Content-Length", str(len(body))),
    ]))

    def fresh(n: int) -> list[RequestContext]:
        out = []
        for i in range(n):
            ctx = RequestContext(Request(hdrs, body), world, time.perf_counter())
            ctx.method, ctx.path, ctx.request_id = "POST", "/v1/chat/completions", f"bench-{i:x}"
            ctx.route, ctx.front = ep, ep.front
            out.append(ctx)
        return out

    # One request end to end, to get the upstream's answer to the redacted body and check the chain.
    probe = fresh(1)[0]
    for name, hook in chain.request:
        r = hook(probe)
        assert r is None, (name, r)
    assert b"jane.doe@example.com" not in orjson.dumps(probe.body_obj), "PII not masked"
    upstream_body = build_chat(probe.body_obj, 1, None, 1_700_000_000).body
    resp_headers = [("content-type", "application/json"), ("content-length", str(len(upstream_body)))]

    rows: dict[str, list[float]] = {}
    order: list[str] = []

    def record(label: str, us: float) -> None:
        if label not in rows:
            rows[label] = []
            order.append(label)
        rows[label].append(us)

    al = worker.access_log

    def one_round(ctxs: list[RequestContext]) -> None:
        record("reference: orjson.loads(request body)", batch_us(lambda c: orjson.loads(body), ctxs))
        for name, hook in chain.request:
            def call(c: Any, hook: Any = hook, name: str = name) -> None:
                r = hook(c)
                if r is not None:
                    raise RuntimeError(f"{name} answered {r!r}")
            record(f"on_request  {name}", batch_us(call, ctxs))
        sent: dict[int, bytes] = {}

        def serialise(c: Any) -> None:
            # Gateway._proxy_llm: a rewritten body (PII masked it) is serialised again.
            sent[id(c)] = orjson.dumps(c.body_obj) if (c.body_dirty or c.body is None) else c.body
        record("handler     re-serialise body_obj", batch_us(serialise, ctxs))
        for c in ctxs:  # what the handler sets before and after the upstream call
            c.attempts, c.provider, c.target = 1, "bench", "http://127.0.0.1:9/v1"
            c.status, c.upstream_s = 200, 0.0005
        datas = {id(c): upstream_body for c in ctxs}
        for name, hook in chain.chunk:
            def chunk(c: Any, hook: Any = hook) -> None:
                datas[id(c)] = hook(c, datas[id(c)], True)
            record(f"on_chunk    {name}", batch_us(chunk, ctxs))
        for name, hook in chain.response_headers:
            record(f"on_resp_hdr {name}", batch_us(lambda c, hook=hook: hook(c, 200, list(resp_headers)), ctxs))
        for c in ctxs:
            c.bytes_out = len(datas[id(c)])
        for name, hook in chain.end:
            record(f"on_end      {name}", batch_us(hook, ctxs))
        recs: dict[int, dict[str, Any]] = {}

        def build(c: Any) -> None:
            recs[id(c)] = access_record(c, ep.name, 200, 0.001)
        record("handler     access-log record dict", batch_us(build, ctxs))
        for name, hook in chain.log:
            record(f"on_log      {name}", batch_us(lambda c, hook=hook: hook(c, recs[id(c)]), ctxs))
        record("accesslog   AccessLog.write", batch_us(lambda c: al.write(recs[id(c)]), ctxs))
        al.flush()

    for i in range(args.repeat + 1):  # the first round warms caches and is dropped
        ctxs = fresh(args.batch)
        one_round(ctxs)
        if i == 0:
            for v in rows.values():
                v.clear()
        # sanity: every request was admitted, masked, and billed the provider's usage
        c = ctxs[-1]
        assert c.extra is not None and c.extra["limit"] == "allowed" and c.tokens_source == "provider", c.extra
        assert c.extra["pii"]["request"], c.extra

    ref = statistics.median(rows[order[0]])
    print(f"# bench/bench_chain.py — full scenario chain, {'compiled' if accelerated() else 'pure'} kernels, "
          f"batch {args.batch} × {args.repeat}, body {args.body} ({len(body)} B), "
          f"upstream answer {len(upstream_body)} B")
    print(f"# {chain!r}")
    print(f"| {'hook':<40} | median µs | best µs | × reference |")
    print(f"|{'-' * 42}|----------:|--------:|------------:|")
    total = 0.0
    for label in order:
        v = rows[label]
        med = statistics.median(v)
        if not label.startswith("reference"):
            total += med
        print(f"| {label:<40} | {med:9.2f} | {min(v):7.2f} | {med / ref:11.1f} |")
    print(f"| {'sum of stages + handler rows + log':<40} | {total:9.2f} | {'':7} | {total / ref:11.1f} |")
    al.close()
    for p in tmp.iterdir():
        p.unlink()
    tmp.rmdir()


if __name__ == "__main__":
    assert ARGS is not None
    asyncio.run(main(ARGS))
