"""µs per request of the metrics fastgate records on the hot path (budget: ≤ 1 µs for all of them).

Three numbers, best of ``--rounds`` rounds of ``--n`` requests each:

* ``finish``: ``Gateway._finish`` itself with the access log off and no route chain, i.e. exactly
  its metrics part (requests counter + total/upstream/overhead histograms), driven without an
  event loop;
* ``llm-all``: every counter one streamed LLM request touches today (the ``finish`` set, TTFT,
  upstream attempt, tokens in/out and cost), written out as the call sites do;
* ``llm-all+otel``: the same plus ``Registry.observe_genai`` (OTel GenAI token, duration, TTFT).

    .venv/bin/python bench/bench_metrics.py [--n 200000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from fastgate.observability.accesslog import AccessLog
from fastgate.observability.metrics import Registry
from fastgate.pipeline.context import RequestContext
from fastgate.server.handler import Gateway


def make_ctx() -> RequestContext:
    ctx = RequestContext(None, None, time.perf_counter())
    ctx.status = 200
    ctx.model_name = "gpt-4o-mini"
    ctx.attempts = 1
    ctx.upstream_s = 0.0123
    ctx.ttfb_s = 0.004
    ctx.prompt_tokens = 812
    ctx.completion_tokens = 164
    ctx.cost_usd = 0.0002202
    return ctx


async def _nothing(ctx: Any, ep: Any) -> None:
    return None


def bench(fn: Callable[[], None], n: int, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        # CPU time of this process: on a shared, overloaded box wall time mostly measures waiting.
        t = time.process_time()
        for _ in range(n):
            fn()
        best = min(best, (time.process_time() - t) / n * 1e6)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200_000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    m = Registry()
    gw = Gateway(None, metrics=m, access_log=AccessLog("off"))
    ctx = make_ctx()
    finish = gw._finish

    def run_finish() -> None:
        coro = finish(ctx, None)
        try:
            coro.send(None)
        except StopIteration:
            pass

    def baseline() -> None:
        # what the coroutine plumbing alone costs, to subtract
        coro = _nothing(ctx, None)
        try:
            coro.send(None)
        except StopIteration:
            pass


    def llm_all() -> None:
        run_finish()
        name = ctx.model_name or ""
        m.ttft.observe((name,), ctx.ttfb_s)
        m.attempts.inc(("openai", "http://127.0.0.1:8001/v1", "200"))
        m.tokens.inc((name, "input"), ctx.prompt_tokens)
        m.tokens.inc((name, "output"), ctx.completion_tokens)
        m.cost.inc((name,), ctx.cost_usd)

    def llm_all_otel() -> None:
        llm_all()
        m.observe_genai("chat", "openai", ctx.model_name or "", ctx.upstream_s, ctx.ttfb_s,
                        ctx.prompt_tokens, ctx.completion_tokens, None)

    def otel_only() -> None:
        m.observe_genai("chat", "openai", ctx.model_name or "", ctx.upstream_s, ctx.ttfb_s,
                        ctx.prompt_tokens, ctx.completion_tokens, None)

    n, r = args.n, args.rounds
    d: dict[tuple, int] = {("a",): 1}
    ref = bench(lambda: d.get(("a",)), n, r)
    print(f"reference: one dict.get in a lambda     {ref:6.3f} µs (how loaded the box is)")
    base = bench(baseline, n, r)
    print(f"coroutine plumbing (subtracted below)  {base:6.3f} µs")
    f = bench(run_finish, n, r) - base
    print(f"finish (metrics part of _finish)       {f:6.3f} µs/request")
    a = bench(llm_all, n, r) - base
    print(f"llm-all (every counter, streamed call) {a:6.3f} µs/request")
    o = bench(otel_only, n, r)
    print(f"observe_genai alone                    {o:6.3f} µs/request")
    b = bench(llm_all_otel, n, r) - base
    print(f"llm-all+otel                           {b:6.3f} µs/request")


if __name__ == "__main__":
    main()
