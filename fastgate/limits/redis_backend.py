"""The Redis limiter backend: exact across hosts, one atomic script per request, batched per tick.

What it promises (issue 6, catalogue section 4):

* **One Lua script per decision** (``gcra.lua``): every limit of a request -- rate, token, dollar
  and concurrency, enforced and shadow -- is decided in one ``EVALSHA``, all-or-nothing (RL-17).
  Nothing is read-then-written from the client (the race Kong PR #8227 and Helicone had).
* **Redis ``TIME`` is the clock**: the ``now_ns`` callers pass is ignored, so gateways whose clocks
  are skewed agree (RL-06). The script runs the GCRA of ``gcra_py`` on a microsecond clock.
* **Cluster-safe keys**: ``{key_prefix}{{tag}}{key}``; every key of one request carries the same
  hash tag so that they land on one Cluster slot (the stage picks the tag, see ``ratelimit.py``;
  the global scope's empty tag is written ``{*}``, since Cluster hashes a whole key whose braces are empty).
* **NOSCRIPT** (Redis restarted, ``SCRIPT FLUSH``): the command is re-sent once as ``EVAL``, which
  also reloads the script (RL-10).
* **Bounded wait + circuit breaker**: each decision waits at most ``timeout_s``; after
  ``breaker_failures`` consecutive failed batches the breaker opens for ``breaker_cooldown_s`` and
  decisions fail at once (no added latency, RL-07) until a probe succeeds. At most
  ``max_pending`` commands are in flight (RL-09: no queue growth when Redis is slow). A failed
  decision carries ``error`` and ``allowed`` = ``on_error == "allow"``.
* **Batching per event-loop tick**: commands issued during one tick are written with ONE
  ``write()`` on one connection (pipelining); replies come back in order and resolve each
  request's future. The connection is raw asyncio + hiredis (no redis-py per-command machinery):
  see ``bench/bench_limits.py`` for the CPU per request. Commands are encoded here, not by
  ``hiredis.pack_command`` (which formats every argument with printf); the stage's fast path
  sends a prefix cached per caller (``command_prefix``) plus the costs, and reads an admitted
  reply straight into its headers. Batch deadlines share one timer (``_expire``).
* **Concurrency** slots are leases in a sorted set (score = the lease's deadline): a gateway that
  dies holding one cannot leak it for longer than ``lease_s``. A live gateway renews the leases
  it holds every ``lease_s / 3`` (one fire-and-forget script call per hash tag), so a request
  that outlives ``lease_s`` (a long stream) keeps its slot.
* **Settle and release are fire-and-forget**: they ride the next batch and nobody awaits them, so
  a request's end (or its cancellation) never waits on Redis. If Redis is down at that moment,
  the lease expires on its own and the token settle is lost (the reservation stays charged: the
  limit errs on the safe side).

URL: ``redis://[user:password@]host[:port][/db][?timeout=0.25&lease_s=600]``, ``rediss://`` for
TLS, ``unix:///path/to/socket[?db=N]``.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import ssl
from collections import deque
from collections.abc import Awaitable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal
from urllib.parse import parse_qs, parse_qsl, unquote, urlencode, urlsplit

import hiredis

from fastgate._native import kernel

from .backends import Decision, LimitState

__all__ = ["SCRIPT", "SCRIPT_SHA", "RedisBackend", "RedisDecision", "RedisURL", "parse_redis_url", "shared_redis_url"]

log = logging.getLogger("fastgate.limits.redis")

SCRIPT: bytes = (Path(__file__).with_name("gcra.lua")).read_bytes()
SCRIPT_SHA: bytes = hashlib.sha1(SCRIPT).hexdigest().encode()

# Redis arithmetic is in microseconds (see gcra.lua); limits finer than one unit per us are
# clamped to that resolution, windows to 2^48 us (8.9 years).
US = 1000
WMAX_US = 1 << 48

OnError = Literal["deny", "allow"]

_pack = hiredis.pack_command  # (admin commands only: it formats each argument with printf)
_ReplyError = hiredis.ReplyError

# The head of every limiter command, after its argument count: EVALSHA and the SHA; on NOSCRIPT
# the same command is re-sent with EVAL and the script in their place.
_SHA_HEAD = b"$7\r\nEVALSHA\r\n$40\r\n" + SCRIPT_SHA + b"\r\n"
_EVAL_HEAD = b"$4\r\nEVAL\r\n$%d\r\n%b\r\n" % (len(SCRIPT), SCRIPT)
#: ``bulk(b"")``: the empty lease of a request without concurrency limits.
NO_LEASE = b"$0\r\n\r\n"


def bulk(v: bytes | int) -> bytes:
    """One RESP bulk string: ``$<length>\\r\\n<bytes>\\r\\n`` (an int as its decimal digits)."""
    if not isinstance(v, bytes):
        v = b"%d" % v
    return b"$%d\r\n%b\r\n" % (len(v), v)


def script_command(args: Sequence[bytes | int]) -> bytes:
    """``EVALSHA <sha> *args`` in RESP (the arguments after the SHA: numkeys, keys, argv)."""
    return b"*%d\r\n%b%b" % (len(args) + 2, _SHA_HEAD, b"".join([bulk(a) for a in args]))


@dataclass(slots=True)
class RedisDecision(Decision):
    """A :class:`Decision` plus what only the combined script reports.

    ``shadow_allowed``: whether the shadow group would have admitted (``None`` on an error);
    ``shadow_limits``: its per-limit records; ``in_flight``: per concurrency key, the slots held
    after this decision (``-1`` unknown); ``denied_concurrency``: index of the first enforced
    concurrency key that was full, or -1.
    """

    shadow_allowed: bool | None = None
    shadow_limits: list[LimitState] | None = None
    in_flight: list[int] | None = None
    denied_concurrency: int = -1


@dataclass(frozen=True, slots=True)
class RedisURL:
    """A parsed ``rate_limit.redis_url``."""

    host: str
    port: int
    db: int
    username: str | None
    password: str | None
    tls: bool
    path: str | None  # unix socket
    timeout_s: float
    lease_s: float


def parse_redis_url(url: str, *, timeout_s: float = 0.25, lease_s: float = 600.0) -> RedisURL:
    """Parse a Redis URL; ``?timeout=`` (seconds) and ``?lease_s=`` override the defaults."""
    u = urlsplit(url)
    q = {k: v[-1] for k, v in parse_qs(u.query).items()}
    timeout = float(q.get("timeout", q.get("socket_timeout", timeout_s)))
    lease = float(q.get("lease_s", lease_s))
    if timeout <= 0 or lease <= 0:
        raise ValueError("redis timeout and lease_s must be > 0")
    user = unquote(u.username) if u.username else None
    password = unquote(u.password) if u.password else None
    if u.scheme == "unix":
        return RedisURL("", 0, int(q.get("db", "0")), user, password, False, u.path, timeout, lease)
    if u.scheme not in ("redis", "rediss"):
        raise ValueError(f"unsupported Redis URL scheme {u.scheme!r} (redis, rediss, unix)")
    db = int(u.path.strip("/") or q.get("db", "0"))
    return RedisURL(u.hostname or "127.0.0.1", u.port or 6379, db, user, password, u.scheme == "rediss", None,
                    timeout, lease)


# The query options only the limiter reads; redis-py refuses unknown keyword arguments.
_LIMITER_OPTIONS = frozenset({"timeout", "lease_s"})


def shared_redis_url(url: str) -> str:
    """``rate_limit.redis_url`` as the other Redis users (usage ledger, subscriptions, response
    cache: redis-py clients) take it when they have no URL of their own: without the limiter's
    ``?timeout=`` / ``?lease_s=``, which redis-py's ``from_url`` would pass on as connection
    arguments and fail every command with (``socket_timeout``, ``db``… are kept)."""
    base, sep, query = url.partition("?")
    if not sep:
        return url
    kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in _LIMITER_OPTIONS]
    return f"{base}?{urlencode(kept)}" if kept else base


# Failure markers a future resolves to (values, not exceptions: a denial path must stay cheap).
class _Failure:
    __slots__ = ("error",)

    def __init__(self, error: str) -> None:
        self.error = error

    def __repr__(self) -> str:
        return f"<redis failure {self.error}>"


TIMEOUT = _Failure("timeout")
UNAVAILABLE = _Failure("unavailable")
BREAKER_OPEN = _Failure("breaker_open")
OVERLOADED = _Failure("overloaded")


class _Entry:
    """One command in flight: what to resolve, and what is needed to retry or compensate it."""

    __slots__ = ("fut", "payload", "retried", "undo")

    def __init__(self, fut: asyncio.Future[Any] | None, payload: bytes, undo: Any = None) -> None:
        self.fut = fut
        self.payload = payload  # the EVALSHA command (for the NOSCRIPT retry as EVAL); b"" for others
        self.retried = False
        # (settle items, lease, concurrency keys, n_enforced): to refund a reservation whose
        # caller stopped waiting (timeout, cancellation) but that Redis executed anyway.
        self.undo = undo


class _Conn(asyncio.Protocol):
    """One connection: replies are matched to commands in order (RESP is FIFO per connection)."""

    def __init__(self, owner: RedisBackend) -> None:
        self.owner = owner
        self.transport: asyncio.Transport | None = None
        self.reader = hiredis.Reader()
        self.queue: deque[_Entry] = deque()
        self.ready = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        reader = self.reader
        reader.feed(data)
        queue = self.queue
        deliver = self.owner._deliver
        while True:
            try:
                r = reader.gets()
            except hiredis.ProtocolError:
                log.error("redis protocol error; dropping the connection")
                if self.transport is not None:
                    self.transport.abort()
                return
            if r is False:
                return
            if not queue:
                continue  # a reply nobody waits for (cannot happen on a healthy connection)
            deliver(self, queue.popleft(), r)

    def connection_lost(self, exc: Exception | None) -> None:
        self.owner._lost(self)


class RedisBackend:
    """The ``redis`` limiter backend (``rate_limit.backend: redis``); see the module docstring.

    ``reserve`` returns an awaitable (``is_async``); ``settle`` and ``release`` return at once.
    One instance per worker process, created on first use inside its event loop.
    """

    is_async: ClassVar[bool] = True

    def __init__(
        self,
        url: str = "redis://127.0.0.1:6379/0",
        *,
        key_prefix: str | bytes = "fastgate:rl:",
        on_error: OnError = "deny",
        timeout_s: float | None = None,
        lease_s: float | None = None,
        breaker_failures: int = 3,
        breaker_cooldown_s: float = 1.0,
        max_pending: int = 10_000,
        gcra: Any = None,
    ) -> None:
        if on_error not in ("deny", "allow"):
            raise ValueError("on_error must be 'deny' or 'allow'")
        self.url = url
        cfg = parse_redis_url(url)
        if timeout_s is not None or lease_s is not None:
            cfg = parse_redis_url(url, timeout_s=timeout_s or cfg.timeout_s, lease_s=lease_s or cfg.lease_s)
        self.cfg = cfg
        self.timeout_s = cfg.timeout_s
        self.lease_us = int(cfg.lease_s * 1_000_000)
        self.prefix = key_prefix.encode() if isinstance(key_prefix, str) else key_prefix
        self.on_error: OnError = on_error
        self._allow_on_error = on_error == "allow"
        self.breaker_failures = breaker_failures
        self.breaker_cooldown_s = breaker_cooldown_s
        self.max_pending = max_pending
        self._records = (gcra if gcra is not None else kernel("gcra")).records
        self._conn: _Conn | None = None
        self._connecting: asyncio.Task[None] | None = None
        self._out: list[bytes] = []
        self._out_entries: list[_Entry] = []
        self._flush_handle: asyncio.Handle | None = None
        self._batch: list[_Entry] = []
        # The batches that may still wait, oldest first, with their deadlines; ONE timer runs at
        # the oldest deadline that is still waited on (not one timer per batch: see _expire).
        self._batches: deque[tuple[float, list[_Entry]]] = deque()
        self._expire_handle: asyncio.TimerHandle | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._failures = 0
        self._open_until = 0.0
        self._closed = False
        # Leases this process holds: lease id -> (hash-tag head, Redis keys of its slots); renewed
        # by ``_renew`` every ``lease_s / 3`` until they are released.
        self._held: dict[bytes, tuple[bytes, list[bytes]]] = {}
        self._renew_handle: asyncio.TimerHandle | None = None
        self.renewals = 0
        # Counters for metrics and tests (per process).
        self.errors: dict[str, int] = {}
        self.batches = 0
        self.commands = 0
        self.noscript_retries = 0
        self.compensations = 0
        #: A fixed clock (us) instead of Redis TIME for the calls that pass none: tests only.
        self.clock_us: int | None = None

    # ------------------------------------------------------------------ public interface
    def key(self, tag: bytes, key: bytes) -> bytes:
        """The Redis key of limiter key ``key`` under hash tag ``tag``."""
        return self._head(tag) + key

    def _head(self, tag: bytes) -> bytes:
        """``{key_prefix}{{tag}}``. An empty tag (the ``global`` scope's) is written ``{*}``: Redis
        Cluster hashes the whole key when the braces are empty, which would scatter the keys of one
        script over slots (CROSSSLOT)."""
        return b"%s{%s}" % (self.prefix, tag or b"*")

    def reserve(
        self,
        items: Sequence[tuple[bytes, int, int, int]],
        now_ns: int = 0,
        *,
        tag: bytes = b"_",
        shadow: int = 0,
        concurrency: Sequence[tuple[bytes, int, bool]] = (),
        lease: bytes = b"",
        clock_us: int | None = None,
    ) -> Awaitable[RedisDecision]:
        """Decide every limit of one request in one script call; see ``Backend.reserve``.

        ``items`` are ``(key, cost, limit, window_ns)``; the last ``shadow`` of them form the shadow
        group (counted, never enforced). ``concurrency`` is ``(key, limit, is_shadow)``: a slot is
        taken under ``lease`` (unique per request) when the request is admitted. ``now_ns`` is
        ignored: the clock is Redis ``TIME`` (``clock_us`` replaces it, for golden-table tests).
        """
        return self._reserve(items, tag, shadow, concurrency, lease, clock_us)

    def settle(
        self,
        items: Iterable[tuple[bytes, int, int, int]],
        now_ns: int = 0,
        *,
        tag: bytes = b"_",
        release: Sequence[bytes] = (),
        lease: bytes = b"",
        clock_us: int | None = None,
    ) -> None:
        """Charge/refund ``(key, delta, limit, window_ns)`` and release ``lease`` on the
        concurrency keys ``release``: one fire-and-forget script call, sent with the next batch."""
        items = [it for it in items if it[1]]
        if release and lease:
            self._held.pop(lease, None)
        if not items and not release:
            return
        if self._closed or self._breaker_open():
            self._count("settle_dropped")
            return
        self._submit(_Entry(None, self._args(b"s", items, tag, len(items), release, clock_us, lease=lease)))

    def script(self, payload: bytes, undo: Any = None) -> asyncio.Future[Any]:
        """Send one reserve command the caller built from ``command_prefix`` (the stage's fast path: the
        prefix is cached per caller). Returns the future of its reply, for ``decision`` (a caller
        cancelled while it waits calls ``cancelled``); when the breaker is open or the backend
        closed, it holds a failure marker at once. ``undo`` is what ``_reserve`` gives
        ``_Entry``."""
        fut = (self._loop or self._get_loop()).create_future()
        if self._closed:
            fut.set_result(UNAVAILABLE)
        elif self._open_until and self._breaker_open():
            fut.set_result(BREAKER_OPEN)
        else:
            self._submit(_Entry(fut, payload, undo))
        return fut

    def settle_script(self, payload: bytes) -> None:
        """``settle`` of a command built by the caller (fire-and-forget, like ``settle``)."""
        if self._closed or (self._open_until and self._breaker_open()):
            self._count("settle_dropped")
            return
        self._submit(_Entry(None, payload))

    def acquire(self, key: bytes, limit: int, *, tag: bytes = b"_", lease: bytes = b"") -> Awaitable[bool]:
        """Take one of ``limit`` concurrency slots of ``key`` under ``lease`` (awaitable)."""

        async def run() -> bool:
            d = await self._reserve((), tag, 0, ((key, limit, False),), lease, None)
            return d.allowed and d.error is None

        return run()

    def release(self, key: bytes, *, tag: bytes = b"_", lease: bytes = b"") -> None:
        """Give a slot taken by ``acquire`` back (fire-and-forget)."""
        self.settle((), tag=tag, release=(key,), lease=lease)

    async def in_flight(self, key: bytes, *, tag: bytes = b"_") -> int:
        """Slots of ``key`` held now (leases not yet expired), across every gateway."""
        sec, usec = await self.command(b"TIME")
        now_us = int(sec) * 1_000_000 + int(usec)
        r = await self.command(b"ZCOUNT", self.key(tag, key), b"(%d" % now_us, b"+inf")
        return int(r)

    async def command(self, *args: bytes | str | int) -> Any:
        """Run one raw Redis command on the backend's connection (admin and tests)."""
        fut = self._get_loop().create_future()
        self._submit(_Entry(fut, b""), _pack(args))  # type: ignore[arg-type]
        r = await fut
        if isinstance(r, _Failure):
            raise ConnectionError(f"redis {r.error}")
        if type(r) is _ReplyError:
            raise RuntimeError(str(r))
        return r

    def close(self) -> None:
        """Drop the connection; waiting decisions fail with ``unavailable``."""
        self._closed = True
        if self._renew_handle is not None:
            self._renew_handle.cancel()
            self._renew_handle = None
        if self._conn is not None and self._conn.transport is not None:
            self._conn.transport.close()
        if self._connecting is not None:
            self._connecting.cancel()

    async def aclose(self) -> None:
        """Send what is queued (settles, releases), then close."""
        if self._out and not self._closed:
            self._flush()
            if self._connecting is not None:
                try:
                    await asyncio.wait_for(asyncio.shield(self._connecting), self.timeout_s)
                except Exception:
                    pass
        conn = self._conn
        if conn is not None and conn.transport is not None and conn.queue:
            loop = self._get_loop()
            end = loop.time() + self.timeout_s
            while conn.queue and loop.time() < end and conn.transport is not None:  # noqa: ASYNC110
                await asyncio.sleep(0.005)
        self.close()

    @property
    def breaker_state(self) -> str:
        """``closed``, ``open`` or ``half-open`` (cooldown over, the next call probes)."""
        if not self._open_until:
            return "closed"
        return "open" if self._get_loop().time() < self._open_until else "half-open"

    # ------------------------------------------------------------------ the hot path
    def _args(
        self,
        mode: bytes,
        items: Sequence[tuple[bytes, int, int, int]],
        tag: bytes,
        n_enforced: int,
        conc: Sequence[Any],
        clock_us: int | None,
        lease: bytes = b"",
    ) -> bytes:
        """The EVALSHA command of a reserve (``r``) or settle (``s``); see gcra.lua for the layout."""
        if clock_us is None:
            clock_us = self.clock_us
        head = self._head(tag)
        keys = [head + it[0] for it in items]
        argv: list[bytes | int] = [mode, b"" if clock_us is None else clock_us, len(items), n_enforced, len(conc)]
        for _k, _cost, limit, window in items:
            w = window // US
            if w > WMAX_US:
                w = WMAX_US
            if limit > w:
                # One unit per microsecond is the resolution of the Redis clock.
                limit = w
            argv += (limit, w)
        if mode == b"r":
            for ck, limit, is_shadow in conc:
                keys.append(head + ck)
                argv += (limit, b"1" if is_shadow else b"0")
            argv.append(self.lease_us)
        else:
            for ck in conc:
                keys.append(head + ck)
        argv += [it[1] for it in items]
        argv.append(lease)
        return script_command([len(keys), *keys, *argv])

    def command_prefix(self, mode: bytes, items: Sequence[tuple[bytes, int, int, int]], tag: bytes) -> bytes:
        """The reserve (``mode`` ``r``) or settle (``s``) command of ``items`` under ``tag`` (no
        shadow, no concurrency) less its variable end: the command is this prefix, then
        ``bulk(cost)`` (or ``bulk(delta)``) for each item, then ``NO_LEASE``."""
        cmd = self._args(mode, [(k, 0, n, w) for k, _c, n, w in items], tag, len(items), (), None)
        # (the whole command with costs 0, less those and the lease: its argument count stays)
        return cmd[:-(len(NO_LEASE) + len(bulk(0)) * len(items))]

    async def _reserve(
        self,
        items: Sequence[tuple[bytes, int, int, int]],
        tag: bytes,
        shadow: int,
        conc: Sequence[tuple[bytes, int, bool]],
        lease: bytes,
        clock_us: int | None,
    ) -> RedisDecision:
        n = len(items)
        ne = n - shadow
        if self._closed or self._breaker_open():
            return self._failed(items, ne, BREAKER_OPEN if not self._closed else UNAVAILABLE)
        fut = self._get_loop().create_future()
        undo = (items, tag, lease, [c[0] for c in conc], ne) if conc or n else None
        self._submit(_Entry(fut, self._args(b"r", items, tag, ne, conc, clock_us, lease), undo))
        try:
            r = await fut  # cancelled while waiting: _deliver sees the cancelled future and compensates
        except asyncio.CancelledError:
            self.cancelled(fut, undo)
            raise
        return self.decision(r, items, shadow, conc, lease, tag)

    def cancelled(self, fut: asyncio.Future[Any], undo: Any) -> None:
        """The caller awaiting ``fut`` was cancelled. If Redis had already answered (the future
        holds a result nobody will act on), give the reservation (and its lease) back here; if
        not, ``_deliver`` will when the answer comes."""
        if fut.done() and not fut.cancelled() and undo is not None:
            res = fut.result()
            if type(res) is list and res and res[0] == 1:
                self._compensate(undo, res)

    def decision(
        self,
        r: Any,
        items: Sequence[tuple[bytes, int, int, int]],
        shadow: int = 0,
        conc: Sequence[tuple[bytes, int, bool]] = (),
        lease: bytes = b"",
        tag: bytes = b"_",
    ) -> RedisDecision:
        """The decision a reserve's reply ``r`` (or failure marker) says; see ``reserve``."""
        n = len(items)
        ne = n - shadow
        if type(r) is not list:
            if type(r) is _ReplyError:
                self._count("redis_error")
                log.warning("limiter script failed: %s", r)
                return self._failed(items, ne, _Failure("redis_error"))
            return self._failed(items, ne, r)
        ok = r[0] == 1
        rem = r[2:2 + 3 * n:3]
        reset = r[3:3 + 3 * n:3]
        retry = r[4:4 + 3 * n:3]
        inflight = r[2 + 3 * n:]
        records = self._records
        if ne:
            retry_s, limits = records(ok, list(items[:ne]), rem[:ne], reset[:ne], retry[:ne], LimitState)
        else:
            retry_s, limits = 0.0, []
        d = RedisDecision(ok, retry_s, limits)
        d.in_flight = inflight
        if ok and conc and lease:
            self._hold(lease, tag, conc)
        if not ok:
            for j, c in enumerate(conc):
                if not c[2] and inflight[j] >= c[1]:
                    d.denied_concurrency = j
                    if retry_s == 0.0:
                        d.retry_after_s = 1.0  # a slot frees when a request ends: retry soon
                    break
        if shadow or any(c[2] for c in conc):
            d.shadow_allowed = r[1] == 1 or not ok
            if shadow:
                _, d.shadow_limits = records(r[1] == 1, list(items[ne:]), rem[ne:], reset[ne:], retry[ne:],
                                             LimitState)
        return d

    def _hold(self, lease: bytes, tag: bytes, conc: Sequence[tuple[bytes, int, bool]]) -> None:
        head = self._head(tag)
        self._held[lease] = (head, [head + c[0] for c in conc])
        if self._renew_handle is None and not self._closed:
            self._renew_handle = self._get_loop().call_later(self.lease_us / 3e6, self._renew)

    def _renew(self) -> None:
        """Move the deadline of every lease still held to ``now + lease_s`` (one call per hash tag:
        the keys of one call share a Cluster slot), then schedule the next renewal."""
        self._renew_handle = None
        if self._closed or not self._held:
            return
        by_head: dict[bytes, tuple[list[bytes], list[bytes]]] = {}
        for lease, (head, keys) in self._held.items():
            ks, ls = by_head.setdefault(head, ([], []))
            ks += keys
            ls += [lease] * len(keys)
        for ks, ls in by_head.values():
            if not self._breaker_open():
                self._submit(_Entry(None, script_command([len(ks), *ks, b"k", b"", 0, 0, len(ks), self.lease_us, *ls])))
        self.renewals += 1
        self._renew_handle = self._get_loop().call_later(self.lease_us / 3e6, self._renew)

    def _failed(self, items: Sequence[tuple[bytes, int, int, int]], ne: int, f: _Failure) -> RedisDecision:
        self._count(f.error)
        retry = 1.0
        if f is BREAKER_OPEN:
            retry = max(1.0, self._open_until - self._get_loop().time())
        allow = self._allow_on_error
        d = RedisDecision(allow, 0.0 if allow else retry, [], f.error)
        return d

    def _count(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1

    def _get_loop(self) -> asyncio.AbstractEventLoop:
        loop = self._loop
        if loop is None:
            loop = self._loop = asyncio.get_running_loop()
        return loop

    def _breaker_open(self) -> bool:
        # After the cooldown (half-open) calls go through; one failed batch re-opens it.
        return bool(self._open_until) and self._get_loop().time() < self._open_until

    def _submit(self, entry: _Entry, payload: bytes | None = None) -> None:
        if payload is None:
            payload = entry.payload
        conn = self._conn
        if len(self._out) + (len(conn.queue) if conn is not None else 0) >= self.max_pending:
            # RL-09: Redis is slower than the traffic; do not build an unbounded queue.
            if entry.fut is not None:
                entry.fut.set_result(OVERLOADED)
            else:
                self._count("settle_dropped")
            return
        self._out.append(payload)
        self._out_entries.append(entry)
        if self._flush_handle is None:
            loop = self._get_loop()
            self._flush_handle = loop.call_soon(self._flush)
            # One deadline per batch (this tick's commands) bounds the wait of every request in it.
            self._batch = []
            deadline = loop.time() + self.timeout_s
            self._batches.append((deadline, self._batch))
            if self._expire_handle is None:
                self._expire_handle = loop.call_at(deadline, self._expire)
        if entry.fut is not None:
            self._batch.append(entry)

    def _flush(self) -> None:
        self._flush_handle = None
        if not self._out:
            return
        conn = self._conn
        if conn is None or not conn.ready:
            if self._connecting is None and not self._closed:
                self._connecting = self._get_loop().create_task(self._connect())
            return  # _connect flushes once connected
        out, entries = self._out, self._out_entries
        self._out, self._out_entries = [], []
        conn.queue.extend(entries)
        self.batches += 1
        self.commands += len(entries)
        conn.transport.write(out[0] if len(out) == 1 else b"".join(out))  # type: ignore[union-attr]

    def _expire(self) -> None:
        """Time out what waits in the batches whose deadline has passed, drop the batches that
        wait no more, and set the timer for the oldest deadline still waited on: while Redis
        answers, that is about one timer per ``timeout_s``, not one per batch."""
        self._expire_handle = None
        loop = self._get_loop()
        # (timers have a millisecond resolution: one that fires a little early still counts)
        now = loop.time() + 0.001
        batches = self._batches
        while batches:
            deadline, batch = batches[0]
            if deadline <= now:
                batches.popleft()
                timed_out = False
                for e in batch:
                    fut = e.fut
                    if fut is not None and not fut.done():
                        fut.set_result(TIMEOUT)
                        timed_out = True
                if timed_out:
                    self._failure()
                continue
            for e in batch:
                # (a batch holds awaited entries only: fut is set)
                if not e.fut.done():  # type: ignore[union-attr]
                    self._expire_handle = loop.call_at(deadline, self._expire)
                    return
            batches.popleft()  # all answered

    def _failure(self) -> None:
        self._failures += 1
        # Half-open (cooldown over, not yet recovered): one more failure re-opens at once.
        if self._failures >= self.breaker_failures or self._open_until:
            loop = self._get_loop()
            if not self._open_until or loop.time() >= self._open_until:
                log.error("redis limiter: %d failed batches in a row, circuit breaker open for %.1f s",
                          self._failures, self.breaker_cooldown_s)
            self._open_until = loop.time() + self.breaker_cooldown_s
            self._failures = 0
            # A hung connection holds a growing queue of dead commands: start afresh on the probe.
            conn = self._conn
            if conn is not None and conn.transport is not None:
                conn.transport.abort()

    def _success(self) -> None:
        self._failures = 0
        if self._open_until:
            log.info("redis limiter: circuit breaker closed")
            self._open_until = 0.0

    async def _connect(self) -> None:
        loop = self._get_loop()
        cfg = self.cfg
        conn = _Conn(self)
        try:
            async with asyncio.timeout(max(self.timeout_s, 1.0)):
                if cfg.path is not None:
                    await loop.create_unix_connection(lambda: conn, cfg.path)
                else:
                    ctx = ssl.create_default_context() if cfg.tls else None
                    await loop.create_connection(lambda: conn, cfg.host, cfg.port, ssl=ctx)
                init: list[tuple[bytes, ...]] = []
                if cfg.password is not None:
                    init.append((b"AUTH", *((cfg.username.encode(),) if cfg.username else ()), cfg.password.encode()))
                if cfg.db:
                    init.append((b"SELECT", b"%d" % cfg.db))
                if init:
                    futs = []
                    for cmd in init:
                        f = loop.create_future()
                        conn.queue.append(_Entry(f, b""))
                        futs.append(f)
                        conn.transport.write(_pack(cmd))  # type: ignore[union-attr,arg-type]
                    for f in futs:
                        r = await f
                        if isinstance(r, (_ReplyError, _Failure)):
                            raise ConnectionError(f"redis handshake failed: {r}")
        except (OSError, TimeoutError, ConnectionError) as e:
            self._connecting = None
            if conn.transport is not None:
                conn.transport.abort()
            log.warning("redis limiter: cannot connect to %s: %s", self._where(), e or type(e).__name__)
            entries, self._out, self._out_entries = self._out_entries, [], []
            for en in entries:
                if en.fut is not None and not en.fut.done():
                    en.fut.set_result(UNAVAILABLE)
            self._failure()
            return
        except asyncio.CancelledError:
            self._connecting = None
            if conn.transport is not None:
                conn.transport.abort()
            raise
        self._connecting = None
        if self._closed:
            conn.transport.close()  # type: ignore[union-attr]
            return
        conn.ready = True
        self._conn = conn
        self._flush()

    def _where(self) -> str:
        c = self.cfg
        return c.path or f"{c.host}:{c.port}"

    def _lost(self, conn: _Conn) -> None:
        if self._conn is conn:
            self._conn = None
        conn.ready = False
        failed = False
        while conn.queue:
            e = conn.queue.popleft()
            if e.fut is not None and not e.fut.done():
                e.fut.set_result(UNAVAILABLE)
                failed = True
        if failed:
            self._failure()

    def _deliver(self, conn: _Conn, entry: _Entry, r: Any) -> None:
        if type(r) is _ReplyError:
            if not entry.retried and entry.payload and str(r).startswith("NOSCRIPT"):
                # Redis lost its script cache (restart, failover, SCRIPT FLUSH): EVAL carries the
                # script and caches it again; retried once, in order on this connection.
                entry.retried = True
                self.noscript_retries += 1
                conn.queue.append(entry)
                conn.transport.write(entry.payload.replace(_SHA_HEAD, _EVAL_HEAD, 1))  # type: ignore[union-attr]
                return
            if entry.fut is None:
                log.warning("limiter settle failed: %s", r)
                return
        elif self._failures or self._open_until:
            self._success()
        fut = entry.fut
        if fut is None:
            return
        if fut.done():
            # Nobody waits any more (timed out or cancelled), yet Redis did reserve: give it back.
            if entry.undo is not None and type(r) is list and r and r[0] == 1:
                self._compensate(entry.undo, r)
            return
        fut.set_result(r)

    def _compensate(self, undo: Any, r: list[int]) -> None:
        items, tag, lease, conc_keys, ne = undo
        shadow_ok = r[1] == 1
        refund = [(k, -c, lim, w) for i, (k, c, lim, w) in enumerate(items) if c and (i < ne or shadow_ok)]
        self.compensations += 1
        self.settle(refund, tag=tag, release=conc_keys, lease=lease)
