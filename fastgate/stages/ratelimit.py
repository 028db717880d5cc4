"""Rate limits, token and dollar budgets, concurrency: the ``ratelimit`` stage (priority 2000).

Runs after authorization (4000: ``ctx.policy``) and the usage stage (3500: the token estimates).
For the matched policy's ``limits:`` it builds the request's items and asks the backend for all
of them at once (all-or-nothing, RL-17):

* ``requests`` cost 1; ``tokens`` cost ``est_prompt_tokens + est_output_tokens`` (prompt +
  ``max_tokens`` or the model's default); ``usd`` costs the estimated price in micro-dollars
  (``models.*.price``); ``concurrency`` takes a slot until the request is over.
* keys: ``subject``, ``tenant``, ``api_key``, ``ip``, ``global``. A caller without the value
  falls back to the next narrower one: an anonymous caller is keyed by client IP (RL-12), a
  caller without a tenant (or without an API key) by its subject. Nothing a client sends in a
  header chooses the key.
* ``model: GLOB`` restricts a limit to matching model names; all matching models share one
  bucket (list one limit per model for separate buckets).
* ``N`` may be ``"claim:NAME"``: read from the verified identity's claims, so tenants carry their
  own limits. A missing or invalid claim (absent, not a positive number) **fails closed with
  403** ``limit_claim_missing``: a credential that should carry its own limit but does not is a
  provisioning error; admitting it unlimited would be the over-spend the limit exists to stop,
  and a 429 would tell the client to retry forever.
* shadow (``shadow: true`` per limit, or ``rate_limit.shadow``): counted and reported
  (``decision=shadow``), never enforced. Shadow limits form their own all-or-nothing group,
  charged only when the request is admitted; a per-limit shadow gets its own key, so it never
  shares state with an enforced twin.

Denied → 429 in the front's envelope (``type`` ``requests`` / ``tokens`` / ``insufficient_quota``
for dollars, ``code`` ``rate_limit_exceeded``) with ``Retry-After`` (whole seconds, at least 1).
A request that can never be admitted (its estimate is above the whole limit, RL-13) gets 429
without ``Retry-After``: waiting would not help. Backend failure → ``rate_limit.on_backend_error``:
``deny`` answers 503 + ``Retry-After``; ``allow`` admits; both count ``backend_error``.

Every admitted response carries SPEC section 4's ``x-ratelimit-{limit,remaining,reset}-{requests,
tokens}`` for the tightest limit of each kind (fewest remaining), streams included (they go out
with the head via ``ctx.reply_headers``). Reset reads like OpenAI's: ``20ms``, ``1s``, ``6m0s``.

At the end (``on_end``, which runs however the request ended: success, upstream error, timeout,
client disconnect, cancellation) token and dollar reservations settle to the real usage
(``UsageStage.finalize``: provider usage, or the delivered text of an abandoned stream), or are
refunded entirely when nothing was delivered (the upstream failed before the first byte, the
request never reached it); concurrency slots are released.
"""

from __future__ import annotations

import asyncio
import fnmatch
import itertools
import logging
import math
import os
import re
import time
from collections.abc import Callable
from typing import Any

from .._native import kernel
from ..limits.backends import USD_UNITS, LimitState, LocalBackend, ShmBackend, limit_key
from ..limits.redis_backend import NO_LEASE as _NO_LEASE
from ..limits.redis_backend import bulk as _bulk
from ..pipeline.stage import Reply, Stage

__all__ = ["SHM_ENV", "SHM_HOLDER_ENV", "LimiterRuntime", "RateLimit", "SharedTable", "close_limiter", "format_reset"]

log = logging.getLogger("fastgate.ratelimit")

#: The supervisor creates the shared table as a file under /dev/shm and names it here; workers
#: (exec'd, so nothing is inherited but the environment) attach to it.
SHM_ENV = "FASTGATE_SHM_TABLE"
#: ...and gives each worker its own holder ledger of that table here (``SharedTable.take_holder``),
#: so the concurrency slots of a worker that dies can be given back (``SharedTable.reap``).
SHM_HOLDER_ENV = "FASTGATE_SHM_HOLDER"

_NS = 1_000_000_000
_REQ, _TOK, _USD, _CONC = 0, 1, 2, 3
_KIND_CODES = {"requests": _REQ, "tokens": _TOK, "usd": _USD, "concurrency": _CONC}
_DENY_TYPE = {_REQ: "requests", _TOK: "tokens", _USD: "insufficient_quota", _CONC: "requests"}
_KIND_WORD = {_REQ: "requests", _TOK: "tokens", _USD: "budget (USD)", _CONC: "concurrent requests"}
_KEY_CACHE_MAX = 50_000
_ALLOWED = ("allowed",)  # the decisions label of the common outcome, built once
_NONE: list[Any] = []  # "no items of this sort" (RateLimit.on_request); never appended to
# Redis hash tags: scopes nested in one another (subject/api_key inside tenant inside global)
# can share the widest one's value; ip is independent of the others.
_NESTED = ("global", "tenant", "api_key", "subject")

_lease_prefix = os.urandom(6).hex().encode()
_lease_counter = itertools.count(1)


_gcra = kernel("gcra")
#: A duration the way OpenAI's ``x-ratelimit-reset-*`` headers write it: ``20ms``, ``1s``, ``6m0s``
#: (the gcra kernel's ``duration``).
format_reset: Callable[[float], str] = _gcra.duration
# The x-ratelimit-* headers of the tightest requests limit and the tightest tokens limit, as the
# gcra kernel's report() writes them from a decision's records (kinds _REQ, _TOK).
_report = _gcra.report
_HEADER_NAMES = ("x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests",
                 "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens")
assert (_REQ, _TOK) == (0, 1)
_ROWS_MAX = 10_000  # callers whose limit items a plan remembers
_BULK_1 = _bulk(1)  # a requests limit's cost in a Redis command


class LimitSpec:
    """One ``policies[].limits[]`` entry, compiled at load."""

    __slots__ = ("kind", "scope", "amount", "claim", "window_ns", "model_re", "model_tag", "shadow", "label",
                 "_keys")

    def __init__(self, cfg: Any, global_shadow: bool, model_tag: str | None) -> None:
        self.kind = _KIND_CODES[cfg.kind]
        self.scope: str = cfg.key
        self.claim: str | None = cfg.claim
        amount = cfg.amount
        self.amount: int = 0
        if self.claim is None:
            self.amount = self.units(amount)  # type: ignore[assignment]
        self.window_ns = int(round(float(cfg.per) * _NS)) if cfg.per is not None else 0
        self.model_re = re.compile(fnmatch.translate(cfg.model)) if cfg.model is not None else None
        self.model_tag = model_tag
        self.shadow = bool(cfg.shadow) or global_shadow
        self.label = cfg.kind
        self._keys: dict[str, bytes] = {}

    def units(self, v: Any) -> int | None:
        """N in backend units (USD in micro-dollars); None when ``v`` is not a positive number."""
        if isinstance(v, bool) or not isinstance(v, (int, float, str)):
            return None
        try:
            f = float(v)
        except ValueError:
            return None
        if not math.isfinite(f):
            return None
        n = int(f * USD_UNITS) if self.kind == _USD else int(f)
        return n if n >= 1 else None

    def key(self, scope: str, value: str) -> bytes:
        """The backend key for ``value`` (cached: keys are rebuilt only for new callers)."""
        ck = value if scope == self.scope else f"{scope}\x00{value}"
        k = self._keys.get(ck)
        if k is None:
            if len(self._keys) >= _KEY_CACHE_MAX:
                self._keys.clear()
            kind = self.label
            k = self._keys[ck] = limit_key(kind, scope, value, self.window_ns, self.model_tag)
        return k




def _estimate(kind: int, ctx: Any) -> int:
    """What a request is charged up front on a token (``_TOK``) or dollar limit: its estimated
    tokens, or their estimated price in the limit's units (0 without a priced model)."""
    if kind == _TOK:
        return ctx.est_prompt_tokens + ctx.est_output_tokens  # type: ignore[no-any-return]
    m = ctx.model
    if m is None:
        return 0
    return math.ceil(ctx.est_prompt_tokens * m.price_in + ctx.est_output_tokens * m.price_out)

def _identity_scope(scope: str, ident: Any) -> tuple[str, Any]:
    """A limit's scope and the identity's value for it: ``subject``, ``tenant`` and ``api_key``
    read the identity (a missing tenant or API key falls back to the subject, under the scope
    ``tenant>subject`` / ``api_key>subject``); any other scope has no identity value (None)."""
    if scope == "subject":
        return scope, ident.subject
    if scope == "tenant":
        value = ident.tenant
        return ("tenant>subject", ident.subject) if value is None else (scope, value)
    if scope == "api_key":
        value = ident.api_key
        return ("api_key>subject", ident.subject) if value is None else (scope, value)
    return scope, None

class Plan:
    """A policy's limits for one endpoint kind, and how its Redis hash tag is chosen."""

    __slots__ = ("specs", "tag_scope", "name", "has_estimates", "simple", "kinds", "by_ident")

    def __init__(self, name: str, specs: list[LimitSpec]) -> None:
        self.name = name
        self.specs = specs
        # Simple: no concurrency, shadow or per-model limit. Then an authenticated caller's items
        # depend on nothing but its identity, and are worked out once per identity (``rows``).
        self.simple = all(s.kind != _CONC and not s.shadow and s.model_re is None for s in specs)
        self.kinds = [s.kind for s in specs]
        self.by_ident: dict[int, tuple[Any, tuple[tuple[Any, ...], ...] | None]] = {}
        scopes = {s.scope for s in specs}
        if scopes == {"ip"}:
            self.tag_scope: str | None = "ip"
        elif "ip" in scopes:
            self.tag_scope = None  # independent scopes: one slot for the policy
        else:
            self.tag_scope = next(s for s in _NESTED if s in scopes)
        self.has_estimates = any(s.kind in (_TOK, _USD) for s in specs)

    def rows(self, ident: Any) -> tuple[tuple[Any, ...], ...] | None:
        """A simple plan's items for ``ident`` (an identity object), in spec order, as
        ``(kind, key, limit, window_ns, item)`` with ``item`` the whole ``(key, 1, limit,
        window_ns)`` of a requests limit (its cost never changes) and None for the others.

        None when a limit needs more than the identity: the client address (no value for its
        key) or a claim that is missing (the request path answers both). Remembered per
        identity object (verified identities are cached and shared by a caller's requests).
        """
        hit = self.by_ident.get(id(ident))
        if hit is not None and hit[0] is ident:
            return hit[1]
        rows: list[tuple[Any, ...]] = []
        got: tuple[tuple[Any, ...], ...] | None = None
        for spec in self.specs:
            scope, value = _identity_scope(spec.scope, ident)
            if scope == "global":
                value = ""
            n: int | None = spec.amount
            if spec.claim is not None:
                n = spec.units(ident.claims.get(spec.claim))
            if value is None or n is None:
                break
            key = spec.key(scope, value)
            rows.append((spec.kind, key, n, spec.window_ns, (key, 1, n, spec.window_ns) if spec.kind == _REQ else None))
        else:
            got = tuple(rows)
        if len(self.by_ident) >= _ROWS_MAX:
            self.by_ident.clear()
        # (the identity is kept in the entry, so its id cannot be reused meanwhile)
        self.by_ident[id(ident)] = (ident, got)
        return got


# What an admitted request holds until ``on_end`` (in ``ctx.extra["_rl"]``): a plain tuple
# ``(estimates, conc, lease, tag, settle)`` — estimates to settle as ``(key, reserved, limit,
# window_ns, kind)``, concurrency keys to release, the Redis lease and hash tag ("" for local
# backends), and the Redis fast path's settle prefix (``RedisBackend.command_prefix``; else None).
# A tuple, not an object with an ``__init__``: it is built on every admitted request.
Held = tuple[list[tuple[bytes, int, int, int, int]], list[bytes], bytes, bytes, bytes | None]


def _backend_key(rl: Any) -> tuple[Any, ...]:
    return (rl.backend, rl.redis_url if rl.backend == "redis" else None, rl.key_prefix, rl.on_backend_error,
            rl.shm_slots if rl.backend == "shm" else None)


def _make_backend(rl: Any) -> Any:
    if rl.backend == "local":
        return LocalBackend()
    if rl.backend == "shm":
        path = os.environ.get(SHM_ENV)
        if path:
            holder = os.environ.get(SHM_HOLDER_ENV)
            return ShmBackend.attach(path, on_full=rl.on_backend_error,
                                     holder=int(holder) if holder else None)
        # No supervisor (in-process gateway, tests): a table of this process only.
        return ShmBackend.create(int(rl.shm_slots), on_full=rl.on_backend_error)
    from ..limits.redis_backend import RedisBackend

    return RedisBackend(rl.redis_url or "redis://127.0.0.1:6379/0", key_prefix=rl.key_prefix,
                        on_error=rl.on_backend_error)


class LimiterRuntime:
    """Per World: compiled plans per policy, the metrics family, and the worker's backend.

    The backend belongs to the worker (``services``) and survives reloads while
    ``rate_limit.backend``/``redis_url``/``key_prefix``/``on_backend_error`` stay the same.
    """

    def __init__(self, config: Any, services: Any, metrics: Any, policies: Any) -> None:
        rl = config.rate_limit
        self.cfg = rl
        self.global_shadow = bool(rl.shadow)
        self.deny_on_error = rl.on_backend_error == "deny"
        self.plans: dict[str, dict[Any, Plan]] = {"llm": {}, "route": {}}
        for pol in getattr(policies, "policies", ()):
            for kind in ("llm", "route"):
                specs = self._compile(pol.cfg, kind)
                if specs:
                    self.plans[kind][pol] = Plan(pol.name, specs)
        self.active = bool(self.plans["llm"] or self.plans["route"])
        fam = metrics.families.get("fastgate_ratelimit_decisions_total")
        if fam is None:
            fam = metrics.counter("fastgate_ratelimit_decisions_total",
                                  "Rate-limit decisions: allowed, denied, shadow (would deny), backend_error",
                                  ("decision",))
        self.decisions = fam
        self._services = services
        self._backend: Any = None

    def _compile(self, pcfg: Any, kind: str) -> list[LimitSpec]:
        specs: list[LimitSpec] = []
        seen: dict[tuple[Any, ...], int] = {}
        for lim in pcfg.limits:
            if kind == "route" and lim.kind in ("tokens", "usd"):
                continue  # generic routes have no tokens or prices: requests and concurrency only
            shadow = bool(lim.shadow)
            tag = lim.model
            # Two limits that would map to one key (same kind, scope, window, model) get distinct
            # keys; so does a per-limit shadow copy of an enforced limit.
            sig = (lim.kind, lim.key, lim.per, lim.model, shadow)
            dup = seen.get(sig, 0)
            seen[sig] = dup + 1
            if shadow or dup:
                tag = f"{lim.model or '*'}#{'shadow' if shadow else ''}{dup or ''}"
            specs.append(LimitSpec(lim, self.global_shadow, tag))
        return specs

    @property
    def backend(self) -> Any:
        """The worker's backend (created on first use, shared by successive Worlds)."""
        b = self._backend
        if b is None:
            b = self._backend = self._attach_backend()
        return b

    def _attach_backend(self) -> Any:
        svc = self._services
        key = _backend_key(self.cfg)
        if svc is None:
            return _make_backend(self.cfg)
        cur = getattr(svc, "_limiter", None)
        if cur is not None and cur[0] == key:
            return cur[1]
        b = _make_backend(self.cfg)
        svc._limiter = (key, b)
        if cur is not None:
            old = cur[1]
            # In-flight requests of the previous World may still settle on the old backend.
            try:
                asyncio.get_running_loop().call_later(60, old.close)
            except RuntimeError:
                pass
        return b


async def close_limiter(services: Any) -> None:
    """Close the worker's backend at shutdown (Redis: send queued settles and releases first)."""
    cur = getattr(services, "_limiter", None)
    if cur is None:
        return
    services._limiter = None
    b = cur[1]
    aclose = getattr(b, "aclose", None)
    if aclose is not None:
        await aclose()
    elif isinstance(b, LocalBackend):
        b.close()
    # (an shm table is left mapped: the supervisor owns and snapshots it)


class RateLimit(Stage):
    """The rate-limit stage; see the module docstring."""

    name = "ratelimit"
    priority = 2000

    def __init__(self, runtime: LimiterRuntime, kind: str, usage: Any = None) -> None:
        self.rt = runtime
        self.plans = runtime.plans["route" if kind == "route" else "llm"]
        self.usage = usage  # the UsageStage of this endpoint: its finalize() gives the real usage
        self.decisions = runtime.decisions
        self._allowed = runtime.decisions.cell(_ALLOWED)  # the common outcome: one C call, no lookup
        self.deny_on_error = runtime.deny_on_error
        self._backend: Any = None  # runtime.backend, read once (a property that may attach it)
        self._fast_admit: Any = None  # its fast_admit (synchronous backends), read with it
        self._is_async = False  # ...and whether it is the Redis one (_redis_admit)
        # The Redis fast path's per-caller commands: id(rows) -> (rows, tag, reserve prefix, settle
        # prefix); see _redis_admit.
        self._prefixes: dict[int, tuple[Any, bytes, bytes, bytes]] = {}

    def _get_backend(self) -> Any:
        b = self._backend = self.rt.backend
        self._fast_admit = getattr(b, "fast_admit", None)
        self._is_async = bool(b.is_async)
        return b

    @classmethod
    def for_endpoint(cls, world: Any, kind: str, usage: Any = None) -> RateLimit | None:
        """The stage, or ``None`` when no policy has a limit that applies to this endpoint kind."""
        rt = getattr(world, "limiter", None)
        if rt is None or kind == "models":
            return None
        if not rt.plans["route" if kind == "route" else "llm"]:
            return None
        return cls(rt, kind, usage)

    # ------------------------------------------------------------------ request phase
    def on_request(self, ctx: Any) -> Any:
        policy = ctx.policy
        if policy is None:
            return None
        plan = self.plans.get(policy)
        if plan is None:
            return None
        ident = ctx.identity
        if plan.simple and ident is not None:
            # The common case, in this frame: an authenticated caller's remembered rows (Plan.rows)
            # reserved on a synchronous backend. _reserve_sync without what a simple plan lacks.
            hit = plan.by_ident.get(id(ident))
            rows = hit[1] if hit is not None and hit[0] is ident else plan.rows(ident)
            admit = self._fast_admit
            if admit is None and self._backend is None:
                self._get_backend()
                admit = self._fast_admit
            if rows is not None and admit is not None:
                items: list[tuple[bytes, int, int, int]] = []
                est: list[tuple[bytes, int, int, int, int]] = []
                for kind, key, n, window, item in rows:
                    if item is not None:
                        items.append(item)  # a requests limit: always the same item
                        continue
                    cost = _estimate(kind, ctx)
                    items.append((key, cost, n, window))
                    est.append((key, cost, n, window, kind))
                code, retry_s, got = admit(items, time.time_ns(), LimitState, plan.kinds, _HEADER_NAMES)
                if code != 1:
                    return self._not_admitted(ctx, code, retry_s, got, items, plan.kinds)
                # got: the x-ratelimit-* headers (_headers)
                self._fast_admitted(ctx, got, (est, _NONE, b"", b"", None) if est else None)
                return None
            if rows is not None and self._is_async:
                return self._redis_admit(ctx, plan, rows, ident)
        model_name = ctx.model_name
        items = []
        kinds: list[int] = []
        # shadow limits and concurrency are rare: their lists stay shared empty ones until used
        sitems: list[tuple[bytes, int, int, int]] = _NONE
        skinds: list[int] = _NONE
        conc: list[tuple[bytes, int, bool]] = _NONE
        tag_value: str | None = None
        tag_scope = plan.tag_scope
        for spec in plan.specs:
            if spec.model_re is not None and (model_name is None or spec.model_re.match(model_name) is None):
                continue
            scope = spec.scope
            value: Any = None
            if ident is not None:
                scope, value = _identity_scope(scope, ident)
            if scope == "global":
                value = ""
            elif value is None:
                # Anonymous (or no subject): the client address the trusted-proxy rules vouch for.
                from .authz import client_ip

                scope = "ip" if spec.scope == "ip" else f"{spec.scope}>ip"
                value = client_ip(ctx)
            if spec.scope == tag_scope:
                tag_value = value
            n = spec.amount
            if spec.claim is not None:
                got = spec.units(ident.claims.get(spec.claim)) if ident is not None else None
                if got is None:
                    return Reply(403, f"The credential does not carry a valid '{spec.claim}' limit",
                                 type="permission_error", code="limit_claim_missing",
                                 reason=f"limit_claim_missing:{spec.claim}")
                n = got
            key = spec.key(scope, value)
            kind = spec.kind
            if kind == _CONC:
                if conc is _NONE:
                    conc = []
                conc.append((key, n, spec.shadow))
                continue
            cost = 1 if kind == _REQ else _estimate(kind, ctx)
            if spec.shadow:
                if sitems is _NONE:
                    sitems, skinds = [], []
                sitems.append((key, cost, n, spec.window_ns))
                skinds.append(kind)
            else:
                items.append((key, cost, n, spec.window_ns))
                kinds.append(kind)
        if not items and not sitems and not conc:
            return None
        backend = self._backend or self._get_backend()
        if backend.is_async:
            tag = (tag_value if tag_scope is not None and tag_value is not None else f"p:{plan.name}")
            return self._reserve_async(ctx, backend, items, kinds, sitems, skinds, conc, tag.encode())
        return self._reserve_sync(ctx, backend, items, kinds, sitems, skinds, conc)

    def _fast_admitted(self, ctx: Any, hdrs: list[tuple[str, str]] | None, held: tuple[Any, ...] | None) -> None:
        """A fast path's admission: its ``x-ratelimit-*`` headers, the decision counted and logged,
        and what ``on_end`` settles (``held``: the ``_rl`` tuple, None when nothing is estimated)."""
        if hdrs:
            if ctx.reply_headers is None:
                ctx.reply_headers = hdrs
            else:
                ctx.reply_headers.extend(hdrs)
        self._allowed.inc()
        extra = ctx.extra
        if extra is None:
            extra = ctx.extra = {}
        extra["limit"] = "allowed"
        if held is not None:
            extra["_rl"] = held

    def _redis_admit(self, ctx: Any, plan: Plan, rows: tuple[tuple[Any, ...], ...], ident: Any) -> Any:
        """The Redis backend's fast path for a simple plan (``Plan.rows``): the reserve command is
        a prefix cached per caller plus the costs, and an admitted reply goes to the headers
        without a decision object. Anything else takes ``_reserve_async``'s way out."""
        got = self._prefixes.get(id(rows))
        if got is None or got[0] is not rows:
            got = self._prefixes_for(plan, rows, ident)
        _, tag, rprefix, sprefix = got
        items: list[tuple[bytes, int, int, int]] = []
        est: list[tuple[bytes, int, int, int, int]] = []
        parts = [rprefix]
        for kind, key, n, window, item in rows:
            if item is not None:
                items.append(item)  # a requests limit: cost 1
                parts.append(_BULK_1)
                continue
            cost = _estimate(kind, ctx)
            items.append((key, cost, n, window))
            est.append((key, cost, n, window, kind))
            digits = b"%d" % cost
            parts.append(b"$%d\r\n%b\r\n" % (len(digits), digits))  # (bulk(cost), inlined)
        parts.append(_NO_LEASE)
        b = self._backend
        undo = (items, tag, b"", _NONE, len(items))  # (what a cancelled wait gives back: RedisBackend)
        return self._redis_wait(ctx, b, b.script(b"".join(parts), undo), undo, items, est, plan.kinds, tag,
                                sprefix)

    def _prefixes_for(self, plan: Plan, rows: tuple[tuple[Any, ...], ...], ident: Any) -> tuple[Any, ...]:
        tag_scope = plan.tag_scope
        tag_value: str | None = None
        for spec in plan.specs:  # (the hash tag _reserve_async would use: see on_request)
            if spec.scope == tag_scope:
                scope, value = _identity_scope(spec.scope, ident)
                tag_value = "" if scope == "global" else value
        tag = (tag_value if tag_scope is not None and tag_value is not None else f"p:{plan.name}").encode()
        b = self._backend
        rprefix = b.command_prefix(b"r", [(r[1], 0, r[2], r[3]) for r in rows], tag)
        # (the settle's items: the estimates, i.e. the rows other than requests limits)
        sprefix = b.command_prefix(b"s", [(r[1], 0, r[2], r[3]) for r in rows if r[4] is None], tag)
        if len(self._prefixes) >= _ROWS_MAX:
            self._prefixes.clear()
        got = self._prefixes[id(rows)] = (rows, tag, rprefix, sprefix)  # (rows kept: its id stays unique)
        return got

    async def _redis_wait(self, ctx: Any, b: Any, fut: Any, undo: Any, items: list, est: list, kinds: list[int],
                          tag: bytes, sprefix: bytes) -> Reply | None:
        try:
            r = await fut
        except asyncio.CancelledError:
            b.cancelled(fut, undo)
            raise
        if type(r) is list and r[0] == 1:
            # Admitted: the x-ratelimit-* headers from the reply's (remaining, reset_ns) per limit.
            recs = []
            i = 2
            for it in items:
                recs.append((None, it[2], r[i], r[i + 1] / 1e9))
                i += 3
            self._fast_admitted(ctx, _report(recs, kinds, _HEADER_NAMES),
                                (est, _NONE, b"", tag, sprefix) if est else None)
            return None
        d = b.decision(r, items, 0, (), b"", tag)
        if d.error is not None:
            if not d.allowed:
                return self._backend_failed(ctx, d.error, d.retry_after_s)
            self._admitted(ctx, d.error, None)
            return None
        return self._deny(ctx, d.retry_after_s, d.limits, kinds)

    def _not_admitted(self, ctx: Any, code: int, retry_s: float, limits: list[LimitState], items: list,
                      kinds: list[int]) -> Reply | None:
        """The fast path's outcomes other than admitted: denied (code 0), table full (-1)."""
        if code == 0:
            return self._deny(ctx, retry_s, limits, kinds)
        d = self._backend.table_full(items)  # nothing was charged
        if not d.allowed:
            return self._backend_failed(ctx, d.error, d.retry_after_s)
        self._admitted(ctx, d.error, None)  # failed open: nothing to report or settle
        return None

    def _reserve_sync(self, ctx: Any, b: Any, items: list, kinds: list[int], sitems: list, skinds: list[int],
                      conc: list[tuple[bytes, int, bool]]) -> Reply | None:
        held: list[bytes] = [] if conc else _NONE
        backend_error: str | None = None
        for key, n, shadow in conc:
            if shadow:
                continue
            if not b.acquire(key, n):
                for k in held:
                    b.release(k)
                return self._deny_concurrency(ctx)
            held.append(key)
        now = time.time_ns()
        d = None
        if items:
            d = b.reserve(items, now)
            if d.error is not None:
                backend_error = d.error
                if not d.allowed:
                    for k in held:
                        b.release(k)
                    return self._backend_failed(ctx, d.error, d.retry_after_s)
                d = None  # failed open: nothing was charged, nothing to report
            elif not d.allowed:
                for k in held:
                    b.release(k)
                return self._deny(ctx, d.retry_after_s, d.limits, kinds)
        shadow_denied: str | None = None
        charged_shadow = False
        for key, n, shadow in conc:
            if shadow:
                if b.acquire(key, n):
                    held.append(key)
                else:
                    shadow_denied = "concurrency"
        if sitems:
            ds = b.reserve(sitems, now)
            if ds.allowed and ds.error is None:
                charged_shadow = True
            elif ds.error is None:
                shadow_denied = _DENY_TYPE[self._denying_kind(ds.limits, skinds)]
        est: list[tuple[bytes, int, int, int, int]] = []
        if d is not None:
            i = 0  # (a counter, not zip(strict=True), which parses keywords on every call, nor range())
            for it in items:
                kind = kinds[i]
                i += 1  # noqa: SIM113 - enumerate() builds an object per call
                if kind in (_TOK, _USD):
                    est.append((it[0], it[1], it[2], it[3], kind))
            self._headers(ctx, d.limits, kinds)
        if charged_shadow:
            est += [(it[0], it[1], it[2], it[3], k) for it, k in zip(sitems, skinds, strict=True)
                    if k in (_TOK, _USD)]
        self._admitted(ctx, backend_error, shadow_denied)
        if est or held:
            ctx.set_extra("_rl", (est, held, b"", b"", None))
        return None

    async def _reserve_async(self, ctx: Any, b: Any, items: list, kinds: list[int], sitems: list,
                             skinds: list[int], conc: list[tuple[bytes, int, bool]], tag: bytes) -> Reply | None:
        lease = b"%s-%x" % (_lease_prefix, next(_lease_counter)) if conc else b""
        d = await b.reserve(items + sitems, 0, tag=tag, shadow=len(sitems), concurrency=conc, lease=lease)
        if d.error is not None:
            if not d.allowed:
                return self._backend_failed(ctx, d.error, d.retry_after_s)
            self._admitted(ctx, d.error, None)
            return None
        if not d.allowed:
            if d.denied_concurrency >= 0:
                return self._deny_concurrency(ctx)
            return self._deny(ctx, d.retry_after_s, d.limits, kinds)
        shadow_denied = None
        if d.shadow_allowed is False:
            sl = d.shadow_limits
            if sl and any(s.retry_after_s != 0.0 for s in sl):
                shadow_denied = _DENY_TYPE[self._denying_kind(sl, skinds)]
            else:
                shadow_denied = "concurrency"
        if items:
            self._headers(ctx, d.limits, kinds)
        est = [(it[0], it[1], it[2], it[3], k) for it, k in zip(items, kinds, strict=True) if k in (_TOK, _USD)]
        if sitems and d.shadow_allowed:
            est += [(it[0], it[1], it[2], it[3], k) for it, k in zip(sitems, skinds, strict=True)
                    if k in (_TOK, _USD)]
        held = [c[0] for c in conc if not c[2] or d.shadow_allowed]
        self._admitted(ctx, None, shadow_denied)
        if est or held:
            ctx.set_extra("_rl", (est, held, lease, tag, None))
        return None

    # ------------------------------------------------------------------ outcomes
    @staticmethod
    def _denying_kind(limits: list[LimitState], kinds: list[int]) -> int:
        for s, k in zip(limits, kinds, strict=False):
            if s.retry_after_s != 0.0:
                return k
        return kinds[0] if kinds else _REQ

    def _admitted(self, ctx: Any, backend_error: str | None, shadow_denied: str | None) -> None:
        if backend_error is not None:
            self.decisions.inc(("backend_error",))
            ctx.set_extra("limit", f"backend_error:{backend_error}")
        elif shadow_denied is not None:
            self.decisions.inc(("shadow",))
            ctx.set_extra("limit", f"shadow:{shadow_denied}")
        else:
            self._allowed.inc()
            ctx.set_extra("limit", "allowed")

    def _headers(self, ctx: Any, limits: list[LimitState], kinds: list[int]) -> None:
        hdrs = _report(limits, kinds, _HEADER_NAMES)
        if hdrs:
            # ctx.add_header for each, in one step
            if ctx.reply_headers is None:
                ctx.reply_headers = hdrs
            else:
                ctx.reply_headers.extend(hdrs)

    def _deny(self, ctx: Any, retry_s: float, limits: list[LimitState], kinds: list[int]) -> Reply:
        self.decisions.inc(("denied",))
        self._headers(ctx, limits, kinds)
        kind = self._denying_kind(limits, kinds)
        state = next((s for s, k in zip(limits, kinds, strict=False) if k == kind and s.retry_after_s != 0.0), None)
        word = _KIND_WORD[kind]
        ctx.set_extra("limit", f"denied:{_DENY_TYPE[kind]}")
        if retry_s < 0:
            limit = state.limit if state is not None else 0
            shown = f"{limit / USD_UNITS:g}" if kind == _USD else str(limit)
            return Reply(429, f"Request too large: its estimated {word} exceed the whole limit of {shown}; "
                         "reduce the prompt or max_tokens", type=_DENY_TYPE[kind], code="rate_limit_exceeded",
                         reason=f"rate_limited:{_DENY_TYPE[kind]}:never")
        wait = max(1, math.ceil(retry_s))
        return Reply(429, f"Rate limit reached for {word}; try again in {format_reset(retry_s)}",
                     type=_DENY_TYPE[kind], code="rate_limit_exceeded", headers=[("Retry-After", str(wait))],
                     reason=f"rate_limited:{_DENY_TYPE[kind]}")

    def _deny_concurrency(self, ctx: Any) -> Reply:
        self.decisions.inc(("denied",))
        ctx.set_extra("limit", "denied:concurrency")
        return Reply(429, "Too many concurrent requests; try again when one of yours has finished",
                     type="requests", code="rate_limit_exceeded", headers=[("Retry-After", "1")],
                     reason="rate_limited:concurrency")

    def _backend_failed(self, ctx: Any, error: str, retry_s: float) -> Reply:
        self.decisions.inc(("backend_error",))
        ctx.set_extra("limit", f"backend_error:{error}")
        return Reply(503, "The rate limiter is unavailable; try again shortly", type="api_error",
                     code="rate_limiter_unavailable", headers=[("Retry-After", str(max(1, math.ceil(retry_s))))],
                     reason=f"limiter_{error}")

    # ------------------------------------------------------------------ end of the request
    def on_end(self, ctx: Any) -> None:
        """Settle estimates to the real usage (or refund them) and release concurrency slots."""
        extra = ctx.extra
        if not extra:
            return
        held = extra.get("_rl")
        if held is None:
            return
        extra["_rl"] = None  # once
        estimates, conc, lease, tag, sprefix = held
        b = self._backend or self._get_backend()
        deltas: list[tuple[bytes, int, int, int]] = []
        if estimates:
            status = ctx.status
            # Billed: the upstream answered 2xx, or a response was committed to the client (a
            # stream that ended early or was abandoned is billed for what was delivered).
            # Anything else delivered nothing: refund the whole reservation.
            if ctx.attempts > 0 and (200 <= status < 300 or "_committed" in extra):
                usage = self.usage
                if usage is not None:
                    usage.finalize(ctx)
                tokens = (ctx.prompt_tokens or 0) + (ctx.completion_tokens or 0)
                usd = math.ceil((ctx.cost_usd or 0.0) * USD_UNITS - 1e-6)
                extra["limit_settled"] = {"tokens": tokens, "usd": usd / USD_UNITS}
            else:
                tokens = usd = 0
                extra["limit_settled"] = "refunded"
            if sprefix is not None:
                # The Redis fast path's settle: its prefix plus every estimate's delta (0 for those
                # already right: the script skips them); nothing to send when all are right.
                parts = [sprefix]
                send = False
                for _key, reserved, _limit, _window, kind in estimates:
                    delta = (tokens if kind == _TOK else usd) - reserved
                    if delta:
                        send = True
                    parts.append(_bulk(delta))
                if send:
                    parts.append(_NO_LEASE)
                    b.settle_script(b"".join(parts))
                return
            for key, reserved, limit, window, kind in estimates:
                real = tokens if kind == _TOK else usd
                if real != reserved:
                    deltas.append((key, real - reserved, limit, window))
        if b.is_async:
            b.settle(deltas, tag=tag, release=conc, lease=lease)
            return
        if deltas:
            b.settle(deltas, time.time_ns())
        for key in conc:
            b.release(key)


class SharedTable:
    """The supervisor's side of the ``shm`` backend: the table file, its snapshots, its env var,
    and the holder ledgers of its workers.

    ``open(config)`` creates ``/dev/shm/fastgate-limits-<pid>`` (restoring
    ``rate_limit.snapshot_path`` when it exists) and exports its path in ``FASTGATE_SHM_TABLE``
    for the workers spawned afterwards; ``close()`` snapshots and removes it. While it runs, the
    table is snapshotted every ``interval_s`` so that a crash loses at most that much state.

    Each worker gets a free holder ledger when it is started (``take_holder``, passed in
    ``FASTGATE_SHM_HOLDER``); when it has exited, ``reap(holder)`` gives back the concurrency
    slots it still held (none after a clean drain; those of its in-flight requests after a
    SIGKILL or a crash) and frees the ledger for the next worker.
    """

    def __init__(self, backend: ShmBackend, path: str, snapshot_path: str | None, interval_s: float = 60.0,
                 holders: int = 0) -> None:
        self.backend = backend
        self.path = path
        self.snapshot_path = snapshot_path
        self.interval_s = interval_s
        self._task: asyncio.Task[None] | None = None
        self._free = list(range(holders))
        self.reclaimed = 0  # concurrency units given back from dead workers (a metric)

    @classmethod
    def open(cls, config: Any, directory: str = "/dev/shm", *, holders: int = 0) -> SharedTable | None:
        """Create the table for ``config`` (``None`` unless ``rate_limit.backend`` is ``shm``),
        with ``holders`` ledgers (the supervisor: more than the workers it ever runs at once)."""
        rl = config.rate_limit
        if rl.backend != "shm":
            return None
        d = directory if os.path.isdir(directory) else None
        if d is None:
            import tempfile

            d = tempfile.gettempdir()
        path = os.path.join(d, f"fastgate-limits-{os.getpid()}-{os.urandom(4).hex()}")
        b = ShmBackend.create(int(rl.shm_slots), path, on_full=rl.on_backend_error, holders=holders)
        snap = rl.snapshot_path
        if snap and os.path.exists(snap):
            try:
                n = b.restore(snap)
                log.info("limiter table: %d keys restored from %s", n, snap)
            except (OSError, ValueError) as e:
                log.error("limiter snapshot %s not restored: %s", snap, e)
        os.environ[SHM_ENV] = path
        return cls(b, path, snap, holders=holders)

    def take_holder(self) -> int | None:
        """A free holder ledger for a worker about to start (None when all are taken: that worker's
        slots are then not attributed, and not given back if it dies)."""
        return self._free.pop(0) if self._free else None

    def reap(self, holder: int) -> tuple[int, int]:
        """Give back what ledger ``holder`` records (its worker has exited), then free the ledger.

        Returns ``(keys, units)``. Call it only after the worker's process was waited for.
        """
        keys, units = self.backend.reap(holder)
        self.reclaimed += units
        self._free.append(holder)
        self._free.sort()
        return keys, units

    def start(self) -> None:
        """Snapshot periodically (call inside the supervisor's event loop)."""
        if self.snapshot_path and self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._periodic())

    async def _periodic(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            self.snapshot()

    def snapshot(self) -> int:
        """Save the live keys to ``rate_limit.snapshot_path`` (0 when none is configured)."""
        if not self.snapshot_path:
            return 0
        try:
            return self.backend.snapshot(self.snapshot_path)
        except OSError as e:
            log.error("limiter snapshot to %s failed: %s", self.snapshot_path, e)
            return 0

    def close(self) -> None:
        """Final snapshot, then unmap and remove the file (workers have exited)."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.snapshot()
        self.backend.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        if os.environ.get(SHM_ENV) == self.path:
            del os.environ[SHM_ENV]
