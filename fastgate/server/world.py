"""The frozen "world" a worker serves: everything derived from one Config, built once.

Reload builds a whole new World and swaps one reference (DESIGN practice 7); a request keeps the
World it started with, so in-flight requests finish on their config. Upstream connection pools are
kept across reloads by :class:`TargetRegistry` (same URL → same pool).
"""

from __future__ import annotations

import ipaddress
import random
from bisect import bisect_right
from typing import Any

from ..pipeline.chain import Chain, compile_chain
from ..upstream.client import Target
from ..upstream.health import Breaker, HealthRegistry


class TargetRegistry:
    """url → Target, shared by successive worlds so keep-alive pools survive a reload."""

    def __init__(self) -> None:
        self.targets: dict[tuple[str, float], Target] = {}
        # Breakers, retry budgets and active checkers live as long as the pools do.
        self.health = HealthRegistry()

    def get(self, url: str, connect_timeout: float) -> Target:
        key = (url, connect_timeout)
        t = self.targets.get(key)
        if t is None:
            t = self.targets[key] = Target(url, connect_timeout=connect_timeout)
        return t

    async def retain_only(self, used: set[tuple[str, float]]) -> None:
        for key in [k for k in self.targets if k not in used]:
            t = self.targets.pop(key)
            await t.close()

    async def close(self) -> None:
        self.health.close()
        for t in self.targets.values():
            await t.close()
        self.targets.clear()


class Weighted:
    """Weighted random choice over a fixed list (cumulative weights + bisect: O(log n), no allocation)."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, items: list[Any], weights: list[float]) -> None:
        self.items = items
        self.cum: list[float] = []
        acc = 0.0
        for w in weights:
            acc += w
            self.cum.append(acc)
        self.total = acc

    def pick(self, exclude: set[int] | None = None) -> tuple[int, Any]:
        n = len(self.items)
        if n == 1:
            return 0, self.items[0]
        if exclude:
            left = [i for i in range(n) if i not in exclude]
            if not left:
                left = list(range(n))
            if len(left) < n:
                weights = [self.cum[i] - (self.cum[i - 1] if i else 0.0) for i in left]
                i = random.choices(left, weights=weights)[0]
                return i, self.items[i]
        i = bisect_right(self.cum, random.random() * self.total)
        if i >= n:
            i = n - 1
        return i, self.items[i]


class ProviderRuntime:
    __slots__ = ("name", "type", "cfg", "targets", "headers", "timeout_s", "connect_timeout_s", "first_byte_timeout_s",
                 "idle_timeout_s", "max_retries", "breakers", "budget")

    def __init__(self, name: str, cfg: Any, registry: TargetRegistry, used: set) -> None:
        self.name = name
        self.cfg = cfg
        self.type = cfg.type
        self.timeout_s = float(cfg.timeout_s)
        self.connect_timeout_s = float(cfg.connect_timeout_s)
        fb = getattr(cfg, "first_byte_timeout_s", None)
        self.first_byte_timeout_s = float(fb) if fb else self.timeout_s
        self.idle_timeout_s = float(cfg.idle_timeout_s)
        self.max_retries = int(cfg.max_retries)
        urls: list[tuple[str, float]]
        if cfg.targets:
            urls = [(t.url, float(t.weight)) for t in cfg.targets]
        else:
            urls = [(cfg.base_url, 1.0)]
        targets = []
        health = registry.health
        bcfg = getattr(cfg, "breaker", None)
        self.breakers: dict[str, Breaker] = {}
        for url, w in urls:
            used.add((url, self.connect_timeout_s))
            targets.append((registry.get(url, self.connect_timeout_s), w))
            if bcfg is not None:
                self.breakers[url] = health.breaker(name, url, bcfg)
        self.targets = targets
        rb = getattr(cfg, "retry_budget", None)
        self.budget = health.budget(name, rb) if rb is not None else None
        hdrs: list[tuple[bytes, bytes]] = [(b"content-type", b"application/json")]
        key = cfg.api_key or ""
        if self.type == "anthropic":
            if key:
                hdrs.append((b"x-api-key", key.encode()))
            hdrs.append((b"anthropic-version", (getattr(cfg, "anthropic_version", None) or "2023-06-01").encode()))
        elif key:
            hdrs.append((b"authorization", b"Bearer " + key.encode()))
        for k, v in (getattr(cfg, "headers", None) or {}).items():
            hdrs.append((k.lower().encode(), str(v).encode()))
        self.headers = hdrs


class ModelTarget:
    __slots__ = ("provider", "target", "upstream_model", "label", "breaker", "base_path_b")

    def __init__(self, provider: ProviderRuntime, target: Target, upstream_model: str) -> None:
        self.provider = provider
        self.target = target
        self.base_path_b = target.base_path.encode()  # the request path's prefix, encoded once
        self.upstream_model = upstream_model
        self.label = target.url
        self.breaker: Breaker | None = provider.breakers.get(target.url)


class ModelRuntime:
    __slots__ = ("name", "cfg", "choice", "fallbacks", "price_in", "price_out", "price_cached", "max_retries",
                 "fallback_on")

    def __init__(self, name: str, cfg: Any, providers: dict[str, ProviderRuntime]) -> None:
        self.name = name
        self.cfg = cfg
        items: list[ModelTarget] = []
        weights: list[float] = []
        for t in cfg.targets:
            prov = providers[t.provider]
            # A model target on a provider with several URLs expands to one entry per URL.
            for target, w in prov.targets:
                items.append(ModelTarget(prov, target, t.model or name))
                weights.append(float(t.weight) * w)
        self.choice = Weighted(items, weights)
        self.fallbacks: tuple[str, ...] = tuple(cfg.fallbacks or ())
        self.max_retries = max(mt.provider.max_retries for mt in items)
        price = getattr(cfg, "price", None)
        self.price_in = float(getattr(price, "input_per_mtok", 0) or 0) if price else 0.0
        self.price_out = float(getattr(price, "output_per_mtok", 0) or 0) if price else 0.0
        cached = getattr(price, "cached_input_per_mtok", None) if price else None
        self.price_cached = float(cached) if cached is not None else self.price_in
        self.fallback_on = frozenset(getattr(cfg, "fallback_on", None) or
                                     ("rate_limit", "server_error", "timeout", "context_length"))

    def pick(self, exclude: set[int]) -> tuple[int, ModelTarget] | None:
        """A weighted pick among targets whose breaker lets a request through, ``exclude`` avoided
        when possible; ``None`` when every target's breaker is open (claims a half-open probe)."""
        items = self.choice.items
        if len(items) == 1:
            # One target (the common case): a closed breaker (or none) lets it through with no
            # side effect, which is what the general path below concludes too.
            b = items[0].breaker
            if b is None or b.state == "closed":
                return 0, items[0]
        down: set[int] | None = None
        for i, mt in enumerate(items):
            b = mt.breaker
            if b is not None and b.state != "closed" and not b.available():
                if down is None:
                    down = set()
                down.add(i)
        if down is None:
            idx, mt = self.choice.pick(exclude)
        else:
            if len(down) == len(items):
                return None
            idx, mt = self.choice.pick(exclude | down)
            if idx in down:  # every healthy one was excluded: Weighted fell back to all
                idx = next(i for i in range(len(items)) if i not in down)
                mt = items[idx]
        b = mt.breaker
        if b is not None and not b.acquire():
            return None
        return idx, mt

    def retry_after(self) -> float:
        """Seconds until one of this model's targets may be tried again."""
        waits = [mt.breaker.retry_after() for mt in self.choice.items if mt.breaker is not None]
        return min(waits) if waits else 0.0

    def healthy(self) -> bool:
        """Does the model have a target whose breaker lets requests through?"""
        return any(mt.breaker is None or mt.breaker.available() for mt in self.choice.items)


class Endpoint:
    """One routable thing: an LLM API endpoint, a generic route, or a template."""

    __slots__ = ("kind", "name", "front", "chain", "cfg", "prefix", "targets", "choice", "strip_prefix", "timeout_s",
                 "label")

    def __init__(self, kind: str, name: str, front: str, chain: Chain, cfg: Any = None) -> None:
        self.kind = kind          # chat | completions | embeddings | models | messages | route | template
        self.name = name          # stable label for logs/metrics
        self.front = front        # openai | anthropic | route
        self.chain = chain
        self.cfg = cfg
        self.prefix = ""
        self.targets: list[Target] = []
        self.choice: Weighted | None = None
        self.strip_prefix = False
        self.timeout_s = 60.0
        self.label = name


LLM_ENDPOINTS = (
    ("POST", "/v1/chat/completions", "chat", "openai"),
    ("POST", "/v1/completions", "completions", "openai"),
    ("POST", "/v1/embeddings", "embeddings", "openai"),
    ("GET", "/v1/models", "models", "openai"),
    ("POST", "/v1/messages", "messages", "anthropic"),
)


class World:
    """Everything one config means at run time."""

    def __init__(self, config: Any, registry: TargetRegistry, stages_for: Any, generation: int = 0,
                 services: Any = None) -> None:
        from ..observability.metrics import Registry
        from ..tokencount import TokenCounter

        self.config = config
        self.generation = generation
        # Worker-lifetime services (metrics registry, usage ledger) outlive a World.
        metrics = getattr(services, "metrics", None) or Registry()
        self.metrics = metrics
        self.ledger = getattr(services, "ledger", None)
        self.token_counter = TokenCounter.create(config.tokens.counter)
        self.max_body = int(config.server.max_body_bytes)
        self.body_timeout = float(config.server.body_timeout_s)
        self.rid_header = config.server.request_id_header.lower()
        self.rid_header_b = self.rid_header.encode()
        self.trusted_proxies = tuple(ipaddress.ip_network(c, strict=False) for c in (config.server.trusted_proxies or ()))
        self._trust_cache: dict[str, bool] = {}
        # Authentication/authorization runtime, built once per World; key stores whose settings
        # did not change are carried over from the previous World (no refetch on reload).
        from ..stages.auth import AuthRuntime

        self.auth = AuthRuntime(config, metrics, getattr(getattr(services, "world", None), "auth", None))
        # Limits: plans per policy built here; the backend itself belongs to the worker (services).
        from ..stages.ratelimit import LimiterRuntime

        self.limiter = LimiterRuntime(config, services, metrics, self.auth.policies)
        # PII: the Redactor (entities, custom regexes compiled once) is built per World.
        from ..stages.pii import PIIRuntime

        self.pii = PIIRuntime(config, metrics)
        self.used_targets: set[tuple[str, float]] = set()
        registry.health.bind_metrics(metrics)
        self.health = registry.health
        self.providers = {n: ProviderRuntime(n, p, registry, self.used_targets) for n, p in config.providers.items()}
        # Active health checks (providers.*.health_check), one task per target, off the hot path.
        checks: dict[tuple[str, str], tuple[Any, str, dict[str, str], Breaker]] = {}
        for pn, prov in self.providers.items():
            hc = getattr(prov.cfg, "health_check", None)
            if hc is None:
                continue
            hdrs = {k.decode(): v.decode() for k, v in prov.headers if k != b"content-type"}
            for url, b in prov.breakers.items():
                checks[(pn, url)] = (hc, url.rstrip("/") + hc.path, hdrs, b)
        registry.health.set_checks(checks)
        self.models = {n: ModelRuntime(n, m, self.providers) for n, m in config.models.items()}
        self.exact: dict[tuple[str, str], Endpoint] = {}
        for method, path, kind, front in LLM_ENDPOINTS:
            chain = compile_chain(stages_for(self, kind, None))
            self.exact[(method, path)] = Endpoint(kind, path, front, chain)
        # Prompt templates: exact POST paths whose chain renders the template into a chat call.
        for tname, tpl in (getattr(config, "templates", None) or {}).items():
            chain = compile_chain(stages_for(self, "template", (tname, tpl)))
            self.exact[("POST", tpl.path)] = Endpoint("template", tpl.path, "openai", chain, tpl)
        self.prefixed: list[Endpoint] = []
        for r in config.routes:
            ep = Endpoint("route", r.name, "route", compile_chain(stages_for(self, "route", r)), r)
            ep.prefix = r.path_prefix
            ep.strip_prefix = bool(getattr(r, "strip_prefix", False))
            ep.timeout_s = float(getattr(r, "timeout_s", None) or 60.0)
            items, weights = [], []
            for t in r.upstream.targets:
                self.used_targets.add((t.url, 5.0))
                items.append(registry.get(t.url, 5.0))
                weights.append(float(t.weight))
            ep.targets = items
            ep.choice = Weighted(items, weights)
            self.prefixed.append(ep)
        # Longest prefix first: the most specific route wins.
        self.prefixed.sort(key=lambda e: -len(e.prefix))

    def upstream_health(self) -> tuple[bool, list[str]]:
        """``(every model has a healthy target, names of the models that have none)``."""
        bad = sorted(n for n, m in self.models.items() if not m.healthy())
        return not bad, bad

    def is_trusted(self, peer: str | None) -> bool:
        if not peer:
            return False
        hit = self._trust_cache.get(peer)
        if hit is None:
            try:
                addr = ipaddress.ip_address(peer)
                hit = any(addr in net for net in self.trusted_proxies)
            except ValueError:
                hit = False
            if len(self._trust_cache) > 4096:
                self._trust_cache.clear()
            self._trust_cache[peer] = hit
        return hit

    def match(self, method: str, path: str) -> Endpoint | None:
        ep = self.exact.get((method, path))
        if ep is not None:
            return ep
        for ep in self.prefixed:
            if path.startswith(ep.prefix):
                return ep
        return None

    def methods_for(self, path: str) -> list[str]:
        return [m for (m, p) in self.exact if p == path]
