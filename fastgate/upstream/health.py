"""Upstream health: a per-target circuit breaker, a per-provider retry budget, active checks.

* :class:`Breaker` (passive health, Envoy outlier detection / Hystrix style): ``consecutive_failures``
  failures in a row, or a failure ratio ≥ ``failure_ratio`` over the last ``window_s`` seconds once
  ``min_requests`` calls were seen, open the breaker for ``cooldown_s``. After the cooldown it is
  half-open: exactly one request (the probe) may go through; its success closes the breaker, its
  failure opens it again for another cooldown. Weighted selection skips targets whose breaker is not
  :meth:`Breaker.available`.
* :class:`RetryBudget` (Finagle / Envoy ``retry_budget``): a token bucket per provider that every
  first attempt fills by ``ratio`` and every retry empties by one, plus ``min_per_s`` tokens per
  second, so during an outage retries add at most ``ratio`` of the offered load instead of
  multiplying it by ``max_retries + 1``.
* :class:`HealthChecker` (active health): ``GET {target}{path}`` every ``interval_s`` off the hot
  path; a failure forces the breaker open until a check succeeds, a success closes it.

Everything takes an injectable ``clock`` (monotonic seconds) so tests drive time explicitly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

__all__ = ["CLOSED", "HALF_OPEN", "OPEN", "Breaker", "HealthChecker", "HealthRegistry", "RetryBudget"]

log = logging.getLogger("fastgate.health")

CLOSED = "closed"
OPEN = "open"
HALF_OPEN = "half_open"

Clock = Callable[[], float]


class Breaker:
    """A circuit breaker for one upstream target (see the module docstring for the rules)."""

    __slots__ = ("consecutive_failures", "failure_ratio", "min_requests", "window_s", "cooldown_s", "clock",
                 "on_transition", "state", "opened_until", "probe_since", "streak", "buckets", "forced_down")

    def __init__(self, *, consecutive_failures: int = 5, failure_ratio: float = 0.5, min_requests: int = 20,
                 window_s: float = 10.0, cooldown_s: float = 10.0, clock: Clock = time.monotonic,
                 on_transition: Callable[[str], None] | None = None) -> None:
        self.consecutive_failures = consecutive_failures
        self.failure_ratio = failure_ratio
        self.min_requests = min_requests
        self.window_s = window_s
        self.cooldown_s = cooldown_s
        self.clock = clock
        self.on_transition = on_transition
        self.state = CLOSED
        self.opened_until = 0.0
        # When the half-open probe was let through (None: no probe in flight). A probe whose
        # outcome never arrives (the caller went away) is replaced after one cooldown.
        self.probe_since: float | None = None
        self.streak = 0
        # One [second, ok, failed] bucket per second of the window: memory bounded by window_s,
        # not by the request rate.
        self.buckets: deque[list[int]] = deque()
        self.forced_down = False  # the active check says the target is down

    # ------------------------------------------------------------------ state
    def _set(self, state: str) -> None:
        if state != self.state:
            self.state = state
            if self.on_transition is not None:
                self.on_transition(state)

    def _open(self, now: float) -> None:
        self.opened_until = now + self.cooldown_s
        self.probe_since = None
        self.streak = 0
        self.buckets.clear()
        self._set(OPEN)

    def available(self) -> bool:
        """May a request be sent to this target now? (No side effect; see :meth:`acquire`.)"""
        if self.state == CLOSED:
            return True
        if self.forced_down:
            return False
        now = self.clock()
        if self.state == OPEN:
            return now >= self.opened_until
        # half-open: only when no probe is in flight (or the last one was lost)
        return self.probe_since is None or now - self.probe_since >= self.cooldown_s

    def acquire(self) -> bool:
        """Claim the right to send one request; moves open → half-open after the cooldown."""
        if self.state == CLOSED:
            return True
        if not self.available():
            return False
        self.probe_since = self.clock()
        self._set(HALF_OPEN)
        return True

    def release(self) -> None:
        """Give back a half-open probe that was claimed but never sent."""
        if self.state == HALF_OPEN:
            self.probe_since = None

    def retry_after(self) -> float:
        """Seconds until this target may be tried again (0 when it may be tried now)."""
        if self.available():
            return 0.0
        if self.state == OPEN and not self.forced_down:
            return max(0.0, self.opened_until - self.clock())
        return self.cooldown_s

    # ------------------------------------------------------------------ outcomes
    def record(self, ok: bool) -> None:
        """Record the outcome of a request that :meth:`acquire` let through."""
        now = self.clock()
        if self.state != CLOSED:
            if self.forced_down:
                return
            if ok:
                self.probe_since = None
                self.streak = 0
                self.buckets.clear()
                self._set(CLOSED)
            else:
                self._open(now)
            return
        sec = int(now)
        b = self.buckets
        if b and b[-1][0] == sec:
            cur = b[-1]
        else:
            cur = [sec, 0, 0]
            b.append(cur)
            horizon = sec - self.window_s
            while b and b[0][0] <= horizon:
                b.popleft()
        if ok:
            cur[1] += 1
            self.streak = 0
            return
        cur[2] += 1
        self.streak += 1
        if self.streak >= self.consecutive_failures:
            self._open(now)
            return
        total = fails = 0
        for _, o, f in b:
            total += o + f
            fails += f
        if total >= self.min_requests and fails >= self.failure_ratio * total:
            self._open(now)

    def force(self, healthy: bool) -> None:
        """The active check's verdict: down keeps the breaker open until a check passes."""
        if healthy:
            if self.forced_down or self.state != CLOSED:
                self.forced_down = False
                self.probe_since = None
                self.streak = 0
                self.buckets.clear()
                self._set(CLOSED)
        else:
            self.forced_down = True
            if self.state != OPEN:
                self._open(self.clock())
            else:
                self.opened_until = self.clock() + self.cooldown_s


class RetryBudget:
    """Retries allowed ≤ ``ratio`` × requests + ``min_per_s`` per second (token bucket).

    ``deposit()`` once per request (first attempt), ``spend()`` once per retry: ``False`` means the
    budget is exhausted and the retry must not be made.
    """

    __slots__ = ("ratio", "min_per_s", "cap", "tokens", "last", "clock")

    def __init__(self, *, ratio: float = 0.2, min_per_s: float = 1.0, cap: float = 10.0,
                 clock: Clock = time.monotonic) -> None:
        self.ratio = ratio
        self.min_per_s = min_per_s
        # The bucket starts full so an idle gateway can retry its first failures.
        self.cap = cap
        self.tokens = cap
        self.clock = clock
        self.last = clock()

    def _refill(self) -> None:
        now = self.clock()
        dt = now - self.last
        self.last = now
        if dt > 0:
            t = self.tokens + dt * self.min_per_s
            self.tokens = t if t < self.cap else self.cap

    def deposit(self) -> None:
        """A request was made: it earns ``ratio`` of a retry."""
        t = self.tokens + self.ratio
        self.tokens = t if t < self.cap else self.cap

    def spend(self) -> bool:
        """Take one retry from the budget; ``False`` when there is none left."""
        self._refill()
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class HealthChecker:
    """Active health check of one target: ``GET url`` every ``interval_s`` → ``breaker.force``.

    A 2xx/3xx answer within the interval is healthy; anything else (status, connect error, timeout)
    is not. Runs as one task; :meth:`stop` cancels it.
    """

    def __init__(self, url: str, headers: dict[str, str], interval_s: float, breaker: Breaker) -> None:
        self.url = url
        self.headers = headers
        self.interval_s = interval_s
        self.breaker = breaker
        self.task: asyncio.Task[None] | None = None
        self.checks = 0

    def start(self) -> None:
        """Start the probe loop on the running event loop."""
        if self.task is None:
            self.task = asyncio.get_running_loop().create_task(self._run())

    async def check_once(self, session: Any) -> bool:
        """Probe once, apply the verdict, return it."""
        import aiohttp

        try:
            timeout = aiohttp.ClientTimeout(total=max(0.5, min(self.interval_s, 10.0)))
            async with session.get(self.url, headers=self.headers, timeout=timeout, allow_redirects=False) as r:
                await r.read()
                ok = r.status < 400
        except asyncio.CancelledError:
            raise
        except Exception as e:  # connect refused, reset, timeout: all mean "not healthy"
            log.debug("health check %s failed: %r", self.url, e)
            ok = False
        self.checks += 1
        self.breaker.force(ok)
        return ok

    async def _run(self) -> None:
        import aiohttp

        async with aiohttp.ClientSession() as session:
            while True:
                await self.check_once(session)
                await asyncio.sleep(self.interval_s)

    def stop(self) -> None:
        """Cancel the probe loop."""
        if self.task is not None:
            self.task.cancel()
            self.task = None


class HealthRegistry:
    """Breakers, retry budgets and checkers that outlive one World (a reload keeps their state).

    Keys are ``(provider, target url)`` for breakers and the provider name for budgets; a reload
    with a changed breaker config gets a fresh breaker.
    """

    def __init__(self, metrics: Any = None) -> None:
        self.breakers: dict[tuple[str, str], tuple[Any, Breaker]] = {}
        self.budgets: dict[str, tuple[Any, RetryBudget]] = {}
        self.checkers: dict[tuple[str, str], tuple[Any, HealthChecker]] = {}
        self.metrics = metrics
        self.healthy_gauge: Any = None
        self.transitions: Any = None

    def bind_metrics(self, metrics: Any) -> None:
        """Declare the health families on ``metrics`` (once per registry)."""
        if metrics is None or metrics is self.metrics and self.healthy_gauge is not None:
            return
        self.metrics = metrics
        fams = metrics.families
        g = fams.get("fastgate_upstream_healthy")
        if g is None:
            g = metrics.gauge("fastgate_upstream_healthy",
                              "1 when the target's circuit breaker lets requests through", ("provider", "target"))
        c = fams.get("fastgate_breaker_transitions_total")
        if c is None:
            c = metrics.counter("fastgate_breaker_transitions_total",
                                "Circuit breaker state changes by provider, target and new state",
                                ("provider", "target", "state"))
        self.healthy_gauge, self.transitions = g, c

    def breaker(self, provider: str, url: str, cfg: Any) -> Breaker:
        """The breaker of ``(provider, url)`` for breaker config ``cfg`` (kept if ``cfg`` is unchanged)."""
        key = (provider, url)
        hit = self.breakers.get(key)
        if hit is not None and hit[0] == cfg:
            return hit[1]
        g, c = self.healthy_gauge, self.transitions

        def on_transition(state: str) -> None:
            if c is not None:
                c.inc((provider, url, state))
            if g is not None:
                g.set((provider, url), 0 if state == OPEN else 1)

        b = Breaker(consecutive_failures=cfg.consecutive_failures, failure_ratio=cfg.failure_ratio,
                    min_requests=cfg.min_requests, window_s=cfg.window_s, cooldown_s=cfg.cooldown_s,
                    on_transition=on_transition)
        if g is not None:
            g.set((provider, url), 1)
        self.breakers[key] = (cfg, b)
        return b

    def budget(self, provider: str, cfg: Any) -> RetryBudget:
        """The retry budget of ``provider`` for budget config ``cfg``."""
        hit = self.budgets.get(provider)
        if hit is not None and hit[0] == cfg:
            return hit[1]
        rb = RetryBudget(ratio=cfg.ratio, min_per_s=cfg.min_per_s, cap=max(1.0, float(cfg.burst)))
        self.budgets[provider] = (cfg, rb)
        return rb

    def set_checks(self, wanted: dict[tuple[str, str], tuple[Any, str, dict[str, str], Breaker]]) -> None:
        """Run exactly the checkers in ``wanted`` ({key: (cfg, url, headers, breaker)}); start new ones."""
        for key in list(self.checkers):
            cfg, chk = self.checkers[key]
            w = wanted.get(key)
            if w is None or w[0] != cfg or w[3] is not chk.breaker:
                chk.stop()
                del self.checkers[key]
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop (config check): nothing to run
        for key, (cfg, url, headers, breaker) in wanted.items():
            if key not in self.checkers:
                chk = HealthChecker(url, headers, float(cfg.interval_s), breaker)
                self.checkers[key] = (cfg, chk)
                chk.start()

    def close(self) -> None:
        """Stop every checker."""
        for _, chk in self.checkers.values():
            with contextlib.suppress(Exception):
                chk.stop()
        self.checkers.clear()
