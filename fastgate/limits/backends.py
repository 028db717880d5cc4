"""Limiter backends behind one interface (Kong ``rate-limiting/policies``, Envoy's ratelimit service).

A backend stores GCRA state (one TAT per key, see ``fastgate/_native/gcra_py.py``) and
concurrency counters, and answers for *all* limits of a request at once:

* ``reserve(items, now_ns)`` -- ``items`` is ``[(key, cost, limit, window_ns), ...]``; every limit
  is charged or none is (RL-17: a request denied by its token limit leaves no charge on its
  request limit). Token and dollar limits reserve an estimate here...
* ``settle(items, now_ns)`` -- ...and settle to the real usage later: ``cost`` is the difference,
  positive (charged without an admission check: the usage happened) or negative (a refund, which
  never credits a key past idle). Also used to refund when the upstream fails before the first token.
* ``acquire(key, limit)`` / ``release(key)`` -- a concurrency slot (in-flight requests).

``local`` keeps state in this process (N workers admit up to N x L, RL-15: documented, not
hidden). ``shm`` keeps it in a shared-memory table created by the supervisor before it forks,
exact across every worker of the host. Both are synchronous: a reserve costs about a
microsecond and must not pay for a coroutine. A Redis backend (exact across hosts) returns an
awaitable from ``reserve`` instead; callers branch once on ``backend.is_async``.

Clock: ``now_ns`` is ``time.time_ns()`` (CLOCK_REALTIME). The shared table snapshots TATs to
disk so long windows (``per: 30d``) survive a restart, which a monotonic clock would not allow.

Units: ``requests`` cost 1, ``tokens`` cost tokens, ``usd`` costs micro-dollars
(``USD_UNITS`` per dollar) so that every cost is an integer.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, NamedTuple, Protocol, runtime_checkable

from fastgate._native import kernel

__all__ = [
    "KINDS",
    "USD_UNITS",
    "Backend",
    "Decision",
    "LimitState",
    "LocalBackend",
    "ShmBackend",
    "create_backend",
    "limit_key",
]

KINDS = ("requests", "tokens", "usd", "concurrency")
USD_UNITS = 1_000_000  # usd limits and costs are counted in micro-dollars

OnFull = Literal["deny", "allow"]

Item = tuple[bytes, int, int, int]


def _escape(part: str | bytes) -> bytes:
    raw = part.encode() if isinstance(part, str) else part
    # ':' separates fields; escaping it (and '%') keeps "alice:gpt-4o" as a value from
    # colliding with value "alice" + model "gpt-4o".
    return raw.replace(b"%", b"%25").replace(b":", b"%3A")


def limit_key(
    kind: str, scope: str, value: str | bytes, window_ns: int = 0, model: str | None = None
) -> bytes:
    """The backend key of one limit: ``kind:scope:value:window[:model]``.

    ``kind`` is one of ``KINDS``, ``scope`` the limit's ``key`` (subject, tenant, api_key, ip,
    global), ``value`` who it applies to. The window is part of the key so that "600 per minute"
    and "10000 per day" on the same subject are two independent states; so is the model (or
    model glob) for per-model limits. ``LimitState.kind`` reads the kind back.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown limit kind {kind!r}")
    parts = [kind.encode(), _escape(scope), _escape(value), str(window_ns).encode()]
    if model is not None:
        parts.append(_escape(model))
    return b":".join(parts)


class LimitState(NamedTuple):
    """One limit's outcome: what the SPEC section 4 headers report (immutable).

    ``remaining`` is what could still be admitted now (after this request's charge when it was
    admitted), ``reset_s`` when the key is idle (full) again, ``retry_after_s`` this limit's own
    wait: 0.0 when it admits, -1.0 when it never can (cost above the limit).
    """

    key: bytes
    limit: int
    remaining: int
    reset_s: float
    retry_after_s: float = 0.0

    @property
    def kind(self) -> str:
        """``requests``, ``tokens``, ``usd`` or ``concurrency`` (from a ``limit_key`` key)."""
        return self.key.split(b":", 1)[0].decode("ascii", "replace")


@dataclass(slots=True)
class Decision:
    """The answer for all limits of one request.

    ``retry_after_s`` is 0.0 when allowed, else the wait until every limit would admit, or -1.0
    when the request can never be admitted (a cost above a limit: answer 429 without hope, e.g.
    a token estimate above the whole budget, RL-13). ``error`` names a backend problem
    (``"table_full"``; the Redis backend will add its own); ``allowed`` then already reflects
    the backend's failure policy and the stage counts it as a backend error.
    """

    allowed: bool
    retry_after_s: float
    limits: list[LimitState]
    error: str | None = None


@runtime_checkable
class Backend(Protocol):
    """What the rate-limit stage calls. ``is_async``: whether ``reserve`` returns an awaitable."""

    is_async: ClassVar[bool]

    def reserve(self, items: list[Item], now_ns: int) -> Decision | Awaitable[Decision]:
        """Charge every ``(key, cost, limit, window_ns)`` or none; see the module docstring."""
        ...

    def settle(self, items: list[Item], now_ns: int) -> None:
        """Adjust by ``cost`` (negative refunds, never below idle); no admission check."""
        ...

    def acquire(self, key: bytes, limit: int) -> bool:
        """Take one of ``limit`` concurrency slots of ``key``; False when all are taken."""
        ...

    def release(self, key: bytes) -> None:
        """Give back a slot taken by ``acquire`` (a release without an acquire is ignored)."""
        ...

    def close(self) -> None:
        """Free resources (the shared table stays alive while another process maps it)."""
        ...


# Kernels build the per-limit LimitState tuples themselves (``gcra.decide``,
# ``ShmTable.decide``, ``gcra.records`` for backends that get raw numbers, such as a Redis
# script): constructing them in Python would cost more than the limiter decision itself.
#
# The synchronous backends also offer ``fast_admit(items, now_ns, record, kinds, labels)``:
# ``reserve`` without the Decision object, as ``(code, retry_after_s, records)`` with code 1
# admitted, 0 denied, -1 the table is full (nothing charged; ``ShmBackend.table_full(items)`` is then
# the Decision ``reserve`` gives), except that an admitted request's records come already reported
# as ``gcra.report(records, kinds, labels)`` (the rate-limit headers). The rate-limit stage calls it
# on every request.


class LocalBackend:
    """State in a dict of this process: exact for one process, N x L for N workers (RL-15)."""

    is_async: ClassVar[bool] = False

    def __init__(self, *, gcra: Any = None) -> None:
        """``gcra``: the kernel module to use (default: ``fastgate._native.kernel("gcra")``)."""
        self._g = gcra if gcra is not None else kernel("gcra")
        self._decide = self._g.decide
        self._tats: dict[bytes, int] = {}
        self._conc: dict[bytes, int] = {}
        self._sweep_at = 4096

    def reserve(self, items: list[Item], now_ns: int) -> Decision:
        """All-or-nothing reserve (synchronous); see ``Backend.reserve``."""
        ok, retry_s, limits = self._decide(self._tats, items, now_ns, LimitState)
        if ok and len(self._tats) > self._sweep_at:
            self._sweep(now_ns)
        return Decision(ok, retry_s, limits)

    def fast_admit(self, items: list[Item], now_ns: int, record: type, kinds: list[int],
                   labels: tuple[str, ...]) -> tuple[int, float, list[Any]]:
        """``reserve`` as ``(code, retry_after_s, records or report)``; see the note above."""
        ok, retry_s, limits = self._decide(self._tats, items, now_ns, record)
        if not ok:
            return 0, retry_s, limits
        if len(self._tats) > self._sweep_at:
            self._sweep(now_ns)
        return 1, retry_s, self._g.report(limits, kinds, labels)

    def settle(self, items: list[Item], now_ns: int) -> None:
        """Charge or refund after the fact; see ``Backend.settle``."""
        tats = self._tats
        for key, delta, limit, window in items:
            if delta == 0 or (delta < 0 and key not in tats):
                continue  # nothing to do / swept (idle): nothing to give back
            tats[key] = self._g.settle(tats.get(key, 0), now_ns, delta, limit, window)

    def acquire(self, key: bytes, limit: int) -> bool:
        """Take a concurrency slot when fewer than ``limit`` are held."""
        n = self._conc.get(key, 0)
        if n >= limit:
            return False
        self._conc[key] = n + 1
        return True

    def release(self, key: bytes) -> None:
        """Give a concurrency slot back (never below zero; forgets idle keys)."""
        n = self._conc.get(key, 0)
        if n > 1:
            self._conc[key] = n - 1
        elif n == 1:
            del self._conc[key]

    def in_flight(self, key: bytes) -> int:
        """Concurrency slots of ``key`` currently held."""
        return self._conc.get(key, 0)

    def tat(self, key: bytes) -> int:
        """The stored TAT of ``key`` (0 when idle)."""
        return self._tats.get(key, 0)

    def _sweep(self, now_ns: int) -> None:
        # An entry whose TAT is not after now carries no state (an idle key): drop them all so
        # that a flood of distinct keys (IPs) cannot grow the dict without bound.
        self._tats = {k: t for k, t in self._tats.items() if t > now_ns}
        self._sweep_at = max(4096, 2 * len(self._tats))

    def close(self) -> None:
        """Forget all state."""
        self._tats.clear()
        self._conc.clear()


class ShmBackend:
    """State in a shared-memory table: exact across all worker processes of one host.

    The supervisor creates it before forking (``ShmBackend.create(slots)``); each forked worker
    uses the inherited object, which maps the same memory. ``attach(path)`` opens a table created
    with a ``path`` (a file under ``/dev/shm``) from an unrelated process.

    Full table. The table has a fixed number of slots; a key lives within ``probe`` slots of its
    hash, and an idle entry (TAT at least 1 s in the past, no slot held) is evicted when a new key
    needs room. When a new key finds neither a free nor an idle slot, nothing is charged and the
    decision carries ``error="table_full"``; ``on_full`` then decides:

    * ``"deny"`` (default): the request is refused (the stage answers like a limiter failure under
      ``on_backend_error: deny``: 503 + Retry-After 1 s). Exact limits are the product's promise
      and the keys that fill a table are typically many distinct clients (IPs): allowing would let
      exactly that flood bypass every limit. Existing keys keep working; only new keys are refused,
      and only while more keys are active than the table can hold: size it at ~2x the active keys.
    * ``"allow"``: fail open (availability first), like Kong's ``fault_tolerant``.

    Dead workers. A concurrency slot is held from ``acquire`` to ``release``; a worker killed in
    between (SIGKILL, a crash) never releases it. So each worker records its slots in its own
    *holder ledger* of the table (``holder``, given by the supervisor), and when the supervisor
    has waited for a dead worker it calls ``reap(holder)``, which gives that worker's slots back.
    Nothing expires by time: a stream may hold its slot for as long as it legitimately runs.
    """

    is_async: ClassVar[bool] = False

    def __init__(self, table: Any, *, on_full: OnFull = "deny") -> None:
        if on_full not in ("deny", "allow"):
            raise ValueError("on_full must be 'deny' or 'allow'")
        self.table = table
        self._decide = table.decide
        #: ``reserve`` without the Decision object (see the note above LocalBackend): the kernel's own
        self.fast_admit = table.admit
        self.on_full: OnFull = on_full
        self._allow_full = on_full == "allow"
        self.full_events = 0  # per process: how often the table was full (for metrics)

    @classmethod
    def create(
        cls,
        slots: int,
        path: str | None = None,
        *,
        probe: int = 32,
        on_full: OnFull = "deny",
        impl: Any = None,
        holders: int = 0,
    ) -> ShmBackend:
        """A backend over a new table (anonymous shared memory unless ``path`` is given).

        ``impl``: the ``shmtable`` kernel module (default: ``kernel("shmtable")``). ``holders``:
        how many holder ledgers (at least the number of worker processes alive at once).
        """
        mod = impl if impl is not None else kernel("shmtable")
        return cls(mod.ShmTable.create(slots, path, probe=probe, holders=holders), on_full=on_full)

    @classmethod
    def attach(
        cls, path: str, *, on_full: OnFull = "deny", impl: Any = None, holder: int | None = None
    ) -> ShmBackend:
        """A backend over an existing file-backed table; ``holder``: this process's ledger."""
        mod = impl if impl is not None else kernel("shmtable")
        return cls(mod.ShmTable.attach(path, holder=holder), on_full=on_full)

    def reserve(self, items: list[Item], now_ns: int) -> Decision:
        """All-or-nothing reserve across every worker (synchronous); see ``Backend.reserve``."""
        code, retry_s, limits = self._decide(items, now_ns, LimitState)
        if code >= 0:
            return Decision(code == 1, retry_s, limits)
        return self.table_full(items)

    def table_full(self, items: list[Item]) -> Decision:
        """The Decision for ``items`` when the table had no room for a new key (counted in
        ``full_events``; ``on_full`` decides)."""
        self.full_events += 1
        if self._allow_full:
            states = [LimitState(it[0], it[2], it[2], 0.0) for it in items]
            return Decision(True, 0.0, states, "table_full")
        # Retry after the eviction grace: idle entries become reclaimable within a second.
        states = [LimitState(it[0], it[2], 0, 1.0, 1.0) for it in items]
        return Decision(False, 1.0, states, "table_full")

    def settle(self, items: list[Item], now_ns: int) -> None:
        """Charge or refund after the fact; see ``Backend.settle``."""
        if self.table.settle(items, now_ns):
            self.full_events += 1

    def acquire(self, key: bytes, limit: int) -> bool:
        """Take a concurrency slot, shared by all workers; a full table follows ``on_full``."""
        r = self.table.acquire(key, limit)
        if r < 0:
            self.full_events += 1
            # Nothing was counted; the later release finds no slot of this holder's (or no key)
            # and changes nothing, so allowing here stays balanced.
            return self._allow_full
        return r == 1

    def release(self, key: bytes) -> None:
        """Give a concurrency slot back (never below zero; with a holder, only one it holds)."""
        self.table.release(key)

    def reap(self, holder: int) -> tuple[int, int]:
        """Give back the concurrency slots a dead worker's ledger records: ``(keys, units)``.

        Call it only once that worker has exited (the supervisor does, after waiting for it).
        """
        keys, units = self.table.reap(holder)
        return int(keys), int(units)

    def in_flight(self, key: bytes) -> int:
        """Concurrency slots of ``key`` currently held, across all workers."""
        got = self.table.get(key)
        return 0 if got is None else got[1]

    def tat(self, key: bytes) -> int:
        """The stored TAT of ``key`` (0 when it has no slot)."""
        got = self.table.get(key)
        return 0 if got is None else got[0]

    def snapshot(self, path: str | os.PathLike[str]) -> int:
        """Save every non-idle key to ``path`` (atomic rename); returns the count."""
        return int(self.table.snapshot(os.fspath(path)))

    def restore(self, path: str | os.PathLike[str]) -> int:
        """Load a snapshot saved by ``snapshot``; returns the keys restored."""
        return int(self.table.restore(os.fspath(path)))

    def close(self) -> None:
        """Unmap the table in this process."""
        self.table.close()


def create_backend(
    name: str, *, slots: int = 65536, path: str | None = None, on_full: OnFull = "deny"
) -> LocalBackend | ShmBackend:
    """The backend named by ``rate_limit.backend`` (``local`` or ``shm``).

    Call it in the supervisor, before forking, for ``shm``. ``redis`` lives in its own module.
    """
    if name == "local":
        return LocalBackend()
    if name == "shm":
        return ShmBackend.create(slots, path, on_full=on_full)
    raise ValueError(f"unknown rate_limit backend {name!r} (local | shm | redis)")
