"""Pre-authentication abuse throttles: the ``throttle`` stage (priority 9500).

Authentication is the most expensive thing an anonymous caller can make us do: an RS256/ES256
signature check costs tens of microseconds, and a flood of syntactically valid but forged tokens
gets one each (the verified-token cache only helps the good ones). This stage runs after
``body_limit`` (10 000, a header check) and *before* ``authenticate`` (9000), keyed by nothing
the caller can choose but its address (the peer, or the ``X-Forwarded-For`` hop that
``server.trusted_proxies`` vouch for), so a flood from one address is answered 429 before any
signature is verified (OWASP API4:2023, unrestricted resource consumption).

* ``throttle.requests`` per ``throttle.per``: GCRA on the same limiter backend as every limit
  (``rate_limit.backend``: ``local`` / ``shm`` / ``redis``), so workers and hosts share it.
* ``throttle.concurrency``: in-flight requests per address (a slot held until the request is
  over, released by ``ctx.cleanup`` however it ends). HTTP/1.1 carries one request at a time on a
  connection, so this bounds the connections doing work; idle keep-alive connections cost no
  CPU and are bounded by ``server.max_connections``.
* ``throttle.exempt``: CIDRs that are never throttled.
* IPv6 callers are keyed by their /64: one subscriber usually holds a whole /64 (RFC 6177) and
  can rotate addresses inside it at will, so a per-address key would not throttle anyone.

Backend failure follows ``rate_limit.on_backend_error`` (``deny`` → 503 + ``Retry-After``).
Decisions are counted in ``fastgate_throttle_decisions_total{cap,decision}``. Unconfigured (both
caps unset) the stage is not in any chain and costs nothing.
"""

from __future__ import annotations

import ipaddress
import math
import os
import time
from typing import Any

from ..limits.backends import limit_key
from ..pipeline.stage import Reply, Stage
from .authz import client_ip

__all__ = ["Throttle"]

_NS = 1_000_000_000
# Not a policy scope: these keys can never collide with a policy's ``ip`` limit.
_SCOPE = "preauth-ip"
_lease_prefix = os.urandom(6).hex().encode()


class Throttle(Stage):
    """Per-client-IP request-rate and concurrency caps, checked before authentication."""

    name = "throttle"
    priority = 9500  # after body_limit (10 000), before authenticate (9000)

    def __init__(self, cfg: Any, limiter: Any, metrics: Any) -> None:
        self.limiter = limiter  # LimiterRuntime: its .backend is the worker's shared backend
        self.requests = int(cfg.requests) if cfg.requests else 0
        self.window_ns = int(float(cfg.per) * _NS)
        self.concurrency = int(cfg.concurrency) if cfg.concurrency else 0
        self.exempt = tuple(ipaddress.ip_network(c, strict=False) for c in cfg.exempt)
        self._exempt_cache: dict[str, bool] = {}
        self._v6_cache: dict[str, str] = {}
        self.deny_on_error = limiter.deny_on_error
        fam = metrics.families.get("fastgate_throttle_decisions_total")
        if fam is None:
            fam = metrics.counter("fastgate_throttle_decisions_total",
                                  "Pre-auth per-IP throttle decisions", ("cap", "decision"))
        self.decisions = fam
        self._allowed = fam.cell(("requests", "allowed"))  # every admitted request: one C call, no lookup
        self._n = 0

    @classmethod
    def for_world(cls, world: Any) -> Throttle | None:
        """The stage, or ``None`` when ``throttle`` sets no cap (then no chain has it)."""
        cfg = getattr(world.config, "throttle", None)
        limiter = getattr(world, "limiter", None)
        if cfg is None or limiter is None or not (cfg.requests or cfg.concurrency):
            return None
        return cls(cfg, limiter, world.metrics)

    def _key_of(self, ip: str) -> str:
        """The throttle key of an address: itself for IPv4, its /64 network for IPv6."""
        if ":" not in ip:
            return ip
        k = self._v6_cache.get(ip)
        if k is None:
            try:
                k = str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
            except ValueError:
                k = ip
            if len(self._v6_cache) > 4096:
                self._v6_cache.clear()
            self._v6_cache[ip] = k
        return k

    def _is_exempt(self, ip: str) -> bool:
        hit = self._exempt_cache.get(ip)
        if hit is None:
            try:
                addr = ipaddress.ip_address(ip)
                hit = any(addr in net for net in self.exempt)
            except ValueError:
                hit = False
            if len(self._exempt_cache) > 4096:
                self._exempt_cache.clear()
            self._exempt_cache[ip] = hit
        return hit

    # ------------------------------------------------------------------ request phase
    def on_request(self, ctx: Any) -> Any:
        ip = client_ip(ctx)
        if self.exempt and self._is_exempt(ip):
            return None
        ip = self._key_of(ip)
        backend = self.limiter.backend
        if backend.is_async:
            return self._check_async(ctx, backend, ip)
        if self.requests:
            item = (limit_key("requests", _SCOPE, ip, self.window_ns), 1, self.requests, self.window_ns)
            d = backend.reserve([item], time.time_ns())
            r = self._rate_outcome(ctx, d)
            if r is not None:
                return r
        if self.concurrency:
            key = limit_key("concurrency", _SCOPE, ip)
            if not backend.acquire(key, self.concurrency):
                return self._deny_concurrency(ctx)
            self._hold(ctx, lambda: backend.release(key))
        return None

    async def _check_async(self, ctx: Any, backend: Any, ip: str) -> Reply | None:
        tag = ip.encode()
        if self.requests:
            item = (limit_key("requests", _SCOPE, ip, self.window_ns), 1, self.requests, self.window_ns)
            d = await backend.reserve([item], 0, tag=tag)
            r = self._rate_outcome(ctx, d)
            if r is not None:
                return r
        if self.concurrency:
            key = limit_key("concurrency", _SCOPE, ip)
            self._n += 1
            lease = b"%s-t%x" % (_lease_prefix, self._n)
            if not await backend.acquire(key, self.concurrency, tag=tag, lease=lease):
                return self._deny_concurrency(ctx)
            self._hold(ctx, lambda: backend.release(key, tag=tag, lease=lease))
        return None

    # ------------------------------------------------------------------ outcomes
    @staticmethod
    def _hold(ctx: Any, release: Any) -> None:
        if ctx.cleanup is None:
            ctx.cleanup = [release]
        else:
            ctx.cleanup.append(release)

    def _rate_outcome(self, ctx: Any, d: Any) -> Reply | None:
        if d.error is not None:
            self.decisions.inc(("requests", "backend_error"))
            if not d.allowed:
                return Reply(503, "Request admission is temporarily unavailable, retry later", type="api_error",
                             code="limiter_unavailable", reason=f"throttle_backend_error:{d.error}")
            return None
        if d.allowed:
            self._allowed.inc()
            return None
        self.decisions.inc(("requests", "denied"))
        ctx.set_extra("throttle", "denied:requests")
        wait = max(1, math.ceil(d.retry_after_s)) if d.retry_after_s > 0 else 1
        return Reply(429, "Too many requests from this address; slow down", type="requests",
                     code="rate_limit_exceeded", headers=[("Retry-After", str(wait))],
                     reason="throttled:ip_requests")

    def _deny_concurrency(self, ctx: Any) -> Reply:
        self.decisions.inc(("concurrency", "denied"))
        ctx.set_extra("throttle", "denied:concurrency")
        return Reply(429, "Too many concurrent requests from this address", type="requests",
                     code="rate_limit_exceeded", headers=[("Retry-After", "1")], reason="throttled:ip_concurrency")
