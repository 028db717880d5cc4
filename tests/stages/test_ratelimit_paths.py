"""RateLimit's fast paths (a simple plan, an authenticated caller: the rows remembered per
identity; a synchronous backend's one fast_admit call, or the Redis backend's cached command
prefix) against its general path: the same replies, headers, access-log fields, decisions,
settles and backend state, request after request."""

from __future__ import annotations

import asyncio
import random
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import base_config

from fastgate.config import load_config_text
from fastgate.pipeline.context import RequestContext
from fastgate.server.worker import Worker
from fastgate.stages import ratelimit as rl_mod

LIMITS = [
    "{key: subject, requests: 4, per: 1m}",
    "{key: tenant, tokens: 900, per: 1m}",
    "{key: api_key, usd: 0.0004, per: 1h}",
    "{key: global, requests: 40, per: 1h}",
    '{key: subject, requests: "claim:rpm", per: 1h}',
]


def _config(backend: str, limits: list[str], redis: str = "") -> str:
    lines = "\n".join(f"      - {lim}" for lim in limits)
    extra = (f"policies:\n  - name: default\n    match: {{}}\n    limits:\n{lines}\n"
             f"rate_limit: {{backend: {backend}{redis}}}\n")
    return base_config("http://127.0.0.1:9", extra=extra)


class _Ident:
    def __init__(self, subject: Any, claims: dict[str, Any], tenant: str | None = None,
                 api_key: str | None = None) -> None:
        self.subject, self.claims, self.tenant, self.api_key = subject, claims, tenant, api_key


class _Clock:
    def __init__(self) -> None:
        self.t = 1_800_000_000 * 10**9

    def time_ns(self) -> int:
        self.t += 7_000_000  # 7 ms per call
        return self.t


def _run(backend: str, limits: list[str], fast: bool, monkeypatch: pytest.MonkeyPatch,
         redis_url: str | None = None) -> list[Any]:
    return asyncio.run(_drive(backend, limits, fast, monkeypatch, redis_url))


async def _drive(backend: str, limits: list[str], fast: bool, monkeypatch: pytest.MonkeyPatch,
                 redis_url: str | None) -> list[Any]:
    monkeypatch.setattr(rl_mod, "time", _Clock())
    redis = ""
    if redis_url is not None:  # a key space of this run's own
        redis = f', redis_url: "{redis_url}?timeout=5", key_prefix: "p{uuid.uuid4().hex[:8]}:"'
    worker = Worker(load_config_text(_config(backend, limits, redis), "<test>"))
    world = worker.world
    if redis_url is not None:
        # Redis TIME would differ between the two runs: one fixed clock for both.
        world.limiter.backend.clock_us = 1_800_000_000 * 10**6
    ep = world.match("POST", "/v1/chat/completions")
    stage = next(s for s in ep.chain.stages if s.name == "ratelimit")
    policy = world.auth.policies.policies[0]
    if not fast:
        for plan in stage.plans.values():
            plan.simple = False
    idents = [
        _Ident("alice", {"rpm": 3}, tenant="acme", api_key="k1"),
        _Ident("bob", {"rpm": "5"}, api_key="k2"),
        _Ident("carol", {"rpm": 9}, tenant="acme"),
        _Ident("dave", {}),  # the claim is missing: 403
        _Ident(None, {"rpm": 2}),  # no subject: keyed by the client address
        None,  # anonymous
    ]
    rng = random.Random(4)
    out: list[Any] = []
    live: list[RequestContext] = []
    for i in range(160):
        ctx = RequestContext(None, world, 0.0)
        ctx.policy, ctx.identity, ctx.model_name = policy, rng.choice(idents), "gpt-4o-mini"
        ctx.model = world.models["gpt-4o-mini"]
        ctx.client_ip = f"10.0.0.{rng.randrange(3)}"
        ctx.request = SimpleNamespace(remote="10.0.0.9", headers={})
        ctx.est_prompt_tokens, ctx.est_output_tokens = rng.randrange(0, 300), rng.randrange(0, 300)
        if rng.random() < 0.2:
            ctx.reply_headers = [("x-earlier", "1")]
        reply = stage.on_request(ctx)
        if reply is not None and not isinstance(reply, rl_mod.Reply):
            reply = await reply  # the Redis backend
        shown = None if reply is None else (reply.status, reply.type, reply.code, reply.headers, reply.reason,
                                            reply.message)
        extra = dict(ctx.extra or {})
        if extra.get("_rl"):
            # (what on_end gets, less the Redis fast path's settle prefix: the settles themselves
            # show in the backend state compared at the end)
            extra["_rl"] = extra["_rl"][:4]
        out.append((i, shown, ctx.reply_headers, extra))
        if reply is None:
            live.append(ctx)
        if live and rng.random() < 0.5:  # end a request: billed, refunded or partly delivered
            done = live.pop(rng.randrange(len(live)))
            done.attempts = rng.choice([0, 1, 1])
            done.status = rng.choice([200, 200, 502])
            done.prompt_tokens, done.completion_tokens = rng.randrange(0, 400), rng.randrange(0, 400)
            done.cost_usd = rng.choice([0.0, 0.00002, 0.0003])
            done.tokens_source = "provider"
            stage.on_end(done)
            out.append((i, "end", (done.extra or {}).get("limit_settled")))
    assert bool(stage.plans[policy].by_ident) == fast  # (the path under test was the one taken)
    fam = worker.metrics.families["fastgate_ratelimit_decisions_total"]
    out.append(sorted((k[0], v) for k, v in fam.values.items()))
    b = stage.rt.backend
    if redis_url is None:
        keys = sorted({k for s in stage.plans[policy].specs for k in s._keys.values()})
        out.append([(k, b.tat(k)) for k in keys])
    else:
        # (replies come in order: once this one is here, every settle before it has run)
        stored = sorted(await b.command("KEYS", b.prefix + b"*"))
        out.append([(k[len(b.prefix):], await b.command("GET", k)) for k in stored])
        assert b.errors == {} and len(stored) > 4
        await b.aclose()
    return out


@pytest.mark.parametrize("backend", ["local", "shm"])
def test_fast_and_general_paths_agree(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _run(backend, LIMITS, True, monkeypatch)
    general = _run(backend, LIMITS, False, monkeypatch)
    assert fast == general
    outcomes = {step[1][0] if step[1] else None for step in fast if len(step) == 4}
    assert outcomes >= {None, 429, 403}  # admitted, denied and claim-less requests were all seen


@pytest.mark.parametrize("backend", ["local", "shm"])
def test_fast_and_general_paths_agree_requests_only(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    limits = ["{key: subject, requests: 3, per: 1m}", "{key: tenant, requests: 5, per: 1m}"]
    assert _run(backend, limits, True, monkeypatch) == _run(backend, limits, False, monkeypatch)


@pytest.mark.redis
@pytest.mark.parametrize("limits", [LIMITS, ["{key: subject, requests: 3, per: 1m}",
                                             "{key: tenant, requests: 5, per: 1m}"]])
def test_fast_and_general_paths_agree_on_redis(limits: list[str], redis_server: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _run("redis", limits, True, monkeypatch, redis_server)
    general = _run("redis", limits, False, monkeypatch, redis_server)
    assert fast == general
    outcomes = {step[1][0] if step[1] else None for step in fast if len(step) == 4}
    assert outcomes >= {None, 429}


@pytest.mark.redis
def test_redis_fast_path_cancelled_while_waiting_gives_the_reservation_back(redis_server: str) -> None:
    """A request cancelled (client gone) while the Redis fast path waits: Redis still executes
    the reserve, and the backend refunds it when the reply comes, as for the general path."""

    async def main() -> None:
        text = _config("redis", ["{key: subject, requests: 5, per: 1h}", "{key: subject, tokens: 900, per: 1h}"],
                       f', redis_url: "{redis_url}?timeout=5", key_prefix: "c{uuid.uuid4().hex[:8]}:"')
        worker = Worker(load_config_text(text, "<test>"))
        world = worker.world
        stage = next(s for s in world.match("POST", "/v1/chat/completions").chain.stages if s.name == "ratelimit")
        ident = _Ident("erin", {})

        def ctx() -> RequestContext:
            c = RequestContext(None, world, 0.0)
            c.policy, c.identity, c.model_name = world.auth.policies.policies[0], ident, "gpt-4o-mini"
            c.model = world.models["gpt-4o-mini"]
            c.est_prompt_tokens, c.est_output_tokens = 100, 50
            return c

        b = stage.rt.backend
        assert await stage.on_request(ctx()) is None  # connected; one request charged
        task = asyncio.ensure_future(stage.on_request(ctx()))
        await asyncio.sleep(0)  # waiting on Redis
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await b.command("PING")  # (in order: the reply and the refund's settle are behind it)
        await b.command("PING")
        assert b.compensations == 1
        third = ctx()
        assert await stage.on_request(third) is None
        # The cancelled request left nothing charged: the third is the second one counted.
        assert dict(third.reply_headers)["x-ratelimit-remaining-requests"] == "3"
        assert dict(third.reply_headers)["x-ratelimit-remaining-tokens"] == str(900 - 2 * 150)
        await b.aclose()

    redis_url = redis_server
    asyncio.run(main())
