"""Exact response cache: the ``cache`` stage (priority 1000, after limits and every transform).

Off by default (``cache.enabled``). Only non-streaming LLM calls (chat, completions, embeddings,
Anthropic messages, templates) are cached, and only 200 answers are stored.

Key: ``sha256`` of the tenant, the endpoint kind, the model and the request as the upstream will
get it (after template rendering, context truncation and PII redaction), serialised by orjson with
sorted keys, minus ``user`` and ``stream`` (they do not change the answer). The tenant is always in
the key, so tenants never see each other's answers; a caller without a tenant is keyed by its
subject (``sub:<subject>``) rather than sharing one anonymous space.

What is stored is the answer in the caller's format before the response stages: on a hit the
handler replays it through the chunk hooks, so PII redaction follows the *current* caller's policy
and a template reshapes it as usual. A hit calls no upstream: the limiter refunds its token/dollar
reservation (nothing was billed) and usage is recorded at zero cost with ``tokens_source:
"cache"``. ``x-fastgate-cache: hit | miss`` on every cacheable response; a request with
``Cache-Control: no-cache`` (RFC 9111 §5.2.1.4) skips the lookup and refreshes the entry.

Backends: ``memory`` (per worker, LRU bounded by ``max_entries``, TTL) or ``redis`` (shared,
``SET … EX ttl``; a Redis failure is a miss, never an error).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections import OrderedDict
from typing import Any

import orjson

from ..pipeline.stage import Stage

__all__ = ["CacheRuntime", "CacheStage", "MemoryCache", "RedisCache", "cache_key"]

log = logging.getLogger("fastgate.cache")

CACHEABLE_KINDS = frozenset({"chat", "completions", "embeddings", "messages"})
#: Answers larger than this are not stored (a cache must not turn into a memory leak).
MAX_ENTRY_BYTES = 1 << 20
_IGNORED_FIELDS = ("user", "stream")


def cache_key(tenant: str, kind: str, model: str, body: dict[str, Any]) -> str:
    """The cache key of a request (see the module docstring)."""
    req = {k: v for k, v in body.items() if k not in _IGNORED_FIELDS}
    raw = orjson.dumps({"t": tenant, "k": kind, "m": model, "r": req}, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(raw).hexdigest()


class MemoryCache:
    """A per-process LRU with a TTL per entry."""

    def __init__(self, max_entries: int, ttl_s: float, clock: Any = time.monotonic) -> None:
        self.max_entries = max_entries
        self.ttl_s = ttl_s
        self.clock = clock
        self.data: OrderedDict[str, tuple[float, bytes]] = OrderedDict()

    def get(self, key: str) -> bytes | None:
        """The stored answer, or None (absent or expired)."""
        hit = self.data.get(key)
        if hit is None:
            return None
        if hit[0] <= self.clock():
            del self.data[key]
            return None
        self.data.move_to_end(key)
        return hit[1]

    def set(self, key: str, value: bytes) -> None:
        """Store ``value``, evicting the least recently used entry past ``max_entries``."""
        d = self.data
        d[key] = (self.clock() + self.ttl_s, value)
        d.move_to_end(key)
        while len(d) > self.max_entries:
            d.popitem(last=False)


class RedisCache:
    """Entries shared by every worker and host: ``SET key value EX ttl``; errors are misses."""

    def __init__(self, url: str, ttl_s: float, prefix: str = "fastgate:cache:") -> None:
        import redis.asyncio as aioredis

        self.client = aioredis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        self.ttl = max(1, int(round(ttl_s)))
        self.prefix = prefix
        self.pending: set[asyncio.Task[Any]] = set()

    async def get(self, key: str) -> bytes | None:
        """The stored answer, or None (absent, expired or Redis unavailable)."""
        try:
            v = await self.client.get(self.prefix + key)
        except Exception as e:  # the cache is an optimisation: never fail a request for it
            log.warning("cache get failed: %r", e)
            return None
        if v is None:
            return None
        return v if isinstance(v, bytes) else str(v).encode()

    async def _set(self, key: str, value: bytes) -> None:
        try:
            await self.client.set(self.prefix + key, value, ex=self.ttl)
        except Exception as e:
            log.warning("cache set failed: %r", e)

    def set(self, key: str, value: bytes) -> None:
        """Store in the background (the response is not held up by Redis)."""
        t = asyncio.get_running_loop().create_task(self._set(key, value))
        self.pending.add(t)
        t.add_done_callback(self.pending.discard)


class CacheRuntime:
    """The cache of one World: the backend chosen by ``cache:``."""

    def __init__(self, config: Any, metrics: Any = None) -> None:
        c = config.cache
        self.ttl_s = float(c.ttl_s)
        self.backend: MemoryCache | RedisCache
        if c.backend == "redis":
            url = c.redis_url
            if url is None:
                from ..limits.redis_backend import shared_redis_url

                url = shared_redis_url(config.rate_limit.redis_url)
            self.backend = RedisCache(url, self.ttl_s)
        else:
            self.backend = MemoryCache(int(c.max_entries), self.ttl_s)
        self.hits = 0
        self.misses = 0
        # fastgate_cache_lookups_total{result=hit|miss|bypass}: the hit ratio on a dashboard.
        self.lookups: Any = None
        if metrics is not None:
            fam = metrics.families.get("fastgate_cache_lookups_total")
            if fam is None:
                fam = metrics.counter("fastgate_cache_lookups_total", "Response cache lookups by result",
                                      ("result",))
            self.lookups = fam

    def count(self, result: str) -> None:
        """Count one lookup outcome (``hit``, ``miss`` or ``bypass``)."""
        if self.lookups is not None:
            self.lookups.inc((result,))


def _usage_of(data: bytes) -> tuple[int, int]:
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError:
        return 0, 0
    u = obj.get("usage") if isinstance(obj, dict) else None
    if not isinstance(u, dict):
        return 0, 0
    if "input_tokens" in u or "output_tokens" in u:
        return int(u.get("input_tokens") or 0), int(u.get("output_tokens") or 0)
    return int(u.get("prompt_tokens") or 0), int(u.get("completion_tokens") or 0)


class CacheStage(Stage):
    """Look up before the upstream call, store 200 answers after it (see the module docstring)."""

    name = "cache"
    priority = 1_000  # after limits (2000) and every request transform

    def __init__(self, world: Any, kind: str, rt: CacheRuntime) -> None:
        self.world = world
        self.kind = kind
        self.rt = rt

    @classmethod
    def for_endpoint(cls, world: Any, kind: str) -> CacheStage | None:
        """The stage when ``cache.enabled`` and the endpoint kind is cacheable, else ``None``."""
        cfg = getattr(world.config, "cache", None)
        if cfg is None or not cfg.enabled or kind not in CACHEABLE_KINDS:
            return None
        rt = getattr(world, "cache_runtime", None)
        if rt is None:
            rt = CacheRuntime(world.config, getattr(world, "metrics", None))
            world.cache_runtime = rt
        return cls(world, kind, rt)

    def _key(self, ctx: Any) -> str:
        ident = ctx.identity
        tenant = getattr(ident, "tenant", None)
        if tenant:
            scope = f"tenant:{tenant}"
        else:
            subject = getattr(ident, "subject", None)
            scope = f"sub:{subject}" if subject else "anonymous"
        return cache_key(scope, self.kind, ctx.model_name or "", ctx.body_obj)

    def on_request(self, ctx: Any) -> Any:
        if ctx.stream or not isinstance(ctx.body_obj, dict):
            return None
        key = self._key(ctx)
        ctx.set_extra("_cache_key", key)
        cc = ctx.request.headers.get("cache-control", "")
        if "no-cache" in cc.lower():
            ctx.set_extra("cache", "bypass")
            self.rt.count("bypass")
            ctx.add_header("x-fastgate-cache", "miss")
            return None
        backend = self.rt.backend
        if isinstance(backend, MemoryCache):
            self._found(ctx, backend.get(key))
            return None
        return self._lookup(ctx, backend, key)

    async def _lookup(self, ctx: Any, backend: RedisCache, key: str) -> None:
        self._found(ctx, await backend.get(key))

    def _found(self, ctx: Any, data: bytes | None) -> None:
        if data is None:
            self.rt.misses += 1
            self.rt.count("miss")
            ctx.set_extra("cache", "miss")
            ctx.add_header("x-fastgate-cache", "miss")
            return
        self.rt.hits += 1
        self.rt.count("hit")
        ctx.set_extra("cache", "hit")
        ctx.set_extra("_cache_hit", data)  # the handler replays it instead of calling the upstream
        ctx.add_header("x-fastgate-cache", "hit")
        # Usage: the tokens of the stored answer at zero cost (nothing was billed by a provider).
        prompt, completion = _usage_of(data)
        ctx.prompt_tokens = prompt
        ctx.completion_tokens = completion
        ctx.tokens_source = "cache"
        ctx.cost_usd = 0.0
        ledger = self.world.ledger
        if ledger is not None:
            ident = ctx.identity
            ledger.record(getattr(ident, "tenant", None) or "", getattr(ident, "subject", None) or "",
                          ctx.model_name or "", prompt, completion, 0.0)

    def on_chunk(self, ctx: Any, data: bytes, last: bool) -> bytes:
        # First of the chunk hooks (lowest priority): ``data`` is the answer in the caller's
        # format, before PII redaction or template reshaping.
        extra = ctx.extra
        if not last or ctx.status != 200 or extra is None or "_cache_hit" in extra:
            return data
        key = extra.get("_cache_key")
        if key is not None and len(data) <= MAX_ENTRY_BYTES and not ctx.stream:
            self.rt.backend.set(key, data)
        return data
