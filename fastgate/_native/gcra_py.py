"""GCRA (generic cell rate algorithm) on an integer nanosecond clock: the pure-Python twin.

This module is the specification; ``gcra.pyx`` (with the arithmetic in ``gcra.pxd``) must
return exactly the same values for every input, which ``tests/native/test_gcra_kernel.py`` checks.

The algorithm (brandur.org/rate-limiting, redis-cell ``src/cell/mod.rs``)
-----------------------------------------------------------------------
A limit "N units per window W" has emission interval T = W / N and burst tolerance
tau = W - T. The only state per key is the TAT, the theoretical arrival time: the instant at
which the key would be "empty" again if it were charged at exactly the nominal rate. A request
of ``cost`` units at time ``now`` is admitted iff

    max(TAT, now) + cost*T - now <= W        (equivalently: TAT' - T - tau <= now)

and then TAT' = max(TAT, now) + cost*T. From an idle key this admits exactly N units at once
(burst up to N) and afterwards one unit every T: N per W.

Exact arithmetic: a tick lattice instead of a fractional T
---------------------------------------------------------
T = W / N is rarely an integer number of ns (60 per minute is, 7 per 10 ns is not). Rounding T
per charge drifts without bound for a key that stays saturated, and rounding makes "exactly N in
a burst" fail once N*N > W. Instead time is measured on a lattice whose tick is exactly
W / Q ns, where

    K = W // N         ticks per unit (>= 1 because N <= W is required)
    Q = N * K          ticks per window (Q <= W, so a tick is >= 1 ns and < 2 ns)

so one unit is exactly K ticks and the window exactly Q ticks: integer arithmetic, no drift, no
rounding in the admission test. Conversions: ticks(t) = floor(t*Q/W) and tick_time(j) =
ceil(j*W/Q). Because a tick is at least 1 ns, ticks(tick_time(j)) == j: the stored TAT (int ns)
round-trips to its exact tick count, so the state stays one int64 in ns (what Redis and the
shared-memory table store) and needs no side field for a remainder. When N divides W (the
common case: 60/min, 1000/s...) the tick is exactly 1 ns and this is plain GCRA on ns.

In ticks: j_now = ticks(now), base = max(ticks(TAT), j_now), cap = j_now + Q; a request is
admitted iff base + cost*K <= cap. The only approximation is that ``now`` is floored to the
lattice (< 2 ns), so in any interval of length D at most N + D*N/W + 1/K units are admitted
(the 1/K term is < one unit and vanishes when the tick is 1 ns): the RL-05 bound.

Results follow redis-cell's ``CL.THROTTLE``: ``remaining`` is what could still be admitted now,
``reset_after_ns`` is when the key is full (idle) again, ``retry_after_ns`` is -1 when admitted
or when the request can never be admitted (cost > N), otherwise the wait until it would be.
"""

from __future__ import annotations

import math
from typing import Any

# Times are clamped to [0, 2**62] ns (the year 2116 in Unix ns) and windows to 2**60 ns
# (36 years) so that every intermediate of the compiled kernel fits in 64 bits
# except the tick conversions, which it does in 128 bits.
TMAX = 1 << 62
WMAX = 1 << 60
_I64_MIN = -(1 << 63)
_I64_MAX = (1 << 63) - 1

MAX_ITEMS = 16  # limits per request (a policy has a handful; the bound keeps kernels on the stack)

__all__ = ["MAX_ITEMS", "TMAX", "WMAX", "decide", "duration", "records", "refund", "report", "reserve", "reserve_many",
           "settle"]


def _int64(name: str, v: int) -> int:
    # The compiled kernel takes C int64 arguments; out-of-range values raise OverflowError there.
    if not _I64_MIN <= v <= _I64_MAX:
        raise OverflowError(f"{name} out of int64 range")
    return v


def _params(limit: int, window_ns: int) -> tuple[int, int]:
    """(K, Q) for a limit of ``limit`` units per ``window_ns`` ns; ValueError when invalid."""
    _int64("limit", limit)
    _int64("window_ns", window_ns)
    if limit < 1 or window_ns < limit or window_ns > WMAX:
        raise ValueError(
            f"invalid limit {limit} per {window_ns} ns: need 1 <= limit <= window_ns <= 2**60 "
            "(at most one unit per nanosecond)"
        )
    k = window_ns // limit
    return k, limit * k


def _check_now(now: int) -> int:
    _int64("now", now)
    if not 0 <= now <= TMAX:
        raise ValueError("now must be a non-negative ns timestamp <= 2**62")
    return now


def _ticks(t: int, q: int, w: int) -> int:
    return t * q // w


def _tick_time(j: int, q: int, w: int) -> int:
    if j <= 0:
        return 0
    return min(-(-j * w // q), TMAX)


def _clamp_t(t: int) -> int:
    return 0 if t < 0 else min(t, TMAX)


def reserve(tat: int, now: int, cost: int, limit: int, window_ns: int) -> tuple[bool, int, int, int, int]:
    """Try to admit ``cost`` units at ``now`` against a key whose state is ``tat``.

    Returns ``(allowed, new_tat, remaining, reset_after_ns, retry_after_ns)``. ``new_tat`` is the
    state to store (unchanged on a denial and on a peek, ``cost == 0``). ``tat == 0`` (or any
    ``tat <= now``) is an idle key. ``retry_after_ns`` is -1 when admitted, and also -1 when
    ``cost > limit`` (never admissible); else the ns to wait before the same request would pass.
    """
    _int64("tat", tat)
    _int64("cost", cost)
    k, q = _params(limit, window_ns)
    _check_now(now)
    if cost < 0:
        raise ValueError("cost must be >= 0 (use refund/settle to give units back)")
    w = window_ns
    j_now = _ticks(now, q, w)
    base = max(_ticks(_clamp_t(tat), q, w), j_now)
    cap = j_now + q
    if cost > limit:
        allowed, retry, state = False, -1, base
    else:
        new_j = base + cost * k
        if new_j <= cap:
            allowed, retry, state = True, -1, new_j
        else:
            # First instant t with ticks(t) + Q >= new_j.
            allowed, retry, state = False, _tick_time(new_j - q, q, w) - now, base
    new_tat = _tick_time(state, q, w) if (allowed and cost > 0) else tat
    remaining = (cap - state) // k if state < cap else 0
    reset = max(_tick_time(state, q, w) - now, 0)
    return allowed, new_tat, remaining, reset, retry


def settle(tat: int, now: int, delta: int, limit: int, window_ns: int) -> int:
    """Adjust a key by ``delta`` units after the fact; returns the new TAT.

    ``delta > 0`` charges usage that already happened (token/dollar usage beyond the reserved
    estimate) with no admission check: the key may go into debt, which later requests repay by
    waiting. ``delta < 0`` refunds, but never below ``now`` (unused credit does not accumulate
    past a full bucket). ``delta == 0`` returns ``tat`` unchanged.
    """
    _int64("tat", tat)
    _int64("delta", delta)
    k, q = _params(limit, window_ns)
    _check_now(now)
    if delta == 0:
        return tat
    w = window_ns
    j_now = _ticks(now, q, w)
    j_tat = _ticks(_clamp_t(tat), q, w)
    if delta > 0:
        new_j = max(j_tat, j_now) + delta * k
        if new_j > TMAX:
            return TMAX
        return _tick_time(new_j, q, w)
    new_j = j_tat + delta * k
    if new_j <= j_now:
        return now
    return max(_tick_time(new_j, q, w), now)


def refund(tat: int, now: int, cost: int, limit: int, window_ns: int) -> int:
    """Give ``cost`` (>= 0) units back to a key; the new TAT never goes below ``now``."""
    _int64("cost", cost)
    if cost < 0:
        raise ValueError("refund cost must be >= 0")
    return settle(tat, now, -cost, limit, window_ns)


def reserve_many(
    states: list[int], now: int, costs: list[int], limits: list[int], windows: list[int]
) -> tuple[bool, list[int], list[int], list[int], list[int]]:
    """All-or-nothing reserve over several limits of one request.

    Returns ``(allowed, new_states, remaining, reset_after_ns, retry_after_ns)``, the last three
    per limit. When every limit admits, each is charged; when any denies, none is
    (``new_states`` equals ``states``) and every limit reports its uncharged state.
    ``retry_after_ns`` is all -1 when admitted; on a denial ``retry_after_ns[i]`` is 0 for a
    limit that would admit on its own, -1 for one that never can (cost > limit), else its wait.
    The request's retry is therefore "never" if any is -1, else the max.
    """
    n = len(states)
    if not (len(costs) == len(limits) == len(windows) == n):
        raise ValueError("states, costs, limits and windows must have the same length")
    results = [reserve(states[i], now, costs[i], limits[i], windows[i]) for i in range(n)]
    if all(r[0] for r in results):
        return (
            True,
            [r[1] for r in results],
            [r[2] for r in results],
            [r[3] for r in results],
            [r[4] for r in results],
        )
    # Denied: report each limit as a peek (nothing charged anywhere).
    remaining: list[int] = []
    reset: list[int] = []
    retry: list[int] = []
    for i, r in enumerate(results):
        if r[0]:
            p = reserve(states[i], now, 0, limits[i], windows[i])
            remaining.append(p[2])
            reset.append(p[3])
            retry.append(0)
        else:
            remaining.append(r[2])
            reset.append(r[3])
            retry.append(r[4])
    return False, list(states), remaining, reset, retry


def records(
    ok: bool,
    items: list[tuple[bytes, int, int, int]],
    remaining: list[int],
    reset: list[int],
    retry: list[int],
    record: type,
) -> tuple[float, list[tuple[bytes, int, int, float, float]]]:
    """Shape ``reserve_many`` results as a limiter decision: ``(retry_after_s, records)``.

    Each record is ``record((key, limit, remaining, reset_s, retry_after_s))`` built with
    ``tuple.__new__`` (``record`` is a tuple subclass, e.g. a NamedTuple). A record's
    ``retry_after_s`` is 0.0 when that limit admits and -1.0 when it never can; the decision's
    is 0.0 when admitted, -1.0 when any limit never can, else the longest wait.
    """
    out: list[tuple[bytes, int, int, float, float]] = []
    if ok:
        for it, r, z in zip(items, remaining, reset, strict=True):
            out.append(tuple.__new__(record, (it[0], it[2], r, z / 1e9, 0.0)))
        return 0.0, out
    never = False
    wait = 0
    for it, r, z, w in zip(items, remaining, reset, retry, strict=True):
        if w < 0:
            never = True
        elif w > wait:
            wait = w
        out.append(tuple.__new__(record, (it[0], it[2], r, z / 1e9, -1.0 if w < 0 else w / 1e9)))
    return (-1.0 if never else wait / 1e9), out


def decide(
    states: dict[bytes, int], items: list[tuple[bytes, int, int, int]], now: int, record: type
) -> tuple[bool, float, list[tuple[bytes, int, int, float, float]]]:
    """All-or-nothing reserve of ``items`` = [(key, cost, limit, window_ns)] against ``states``,
    a dict of TATs (a missing key is idle), updated in place when admitted.

    Returns ``(allowed, retry_after_s, records)`` as ``records`` describes. This is the local
    (one-process) limiter's whole hot path in one kernel call.
    """
    if not 1 <= len(items) <= MAX_ITEMS:
        raise ValueError(f"between 1 and {MAX_ITEMS} limits per call")
    keys = [it[0] for it in items]
    if len(set(keys)) != len(keys):
        raise ValueError("the same key twice in one call")
    ok, new, remaining, reset, retry = reserve_many(
        [states.get(k, 0) for k in keys],
        now,
        [it[1] for it in items],
        [it[2] for it in items],
        [it[3] for it in items],
    )
    if ok:
        for it, t in zip(items, new, strict=True):
            if it[1]:
                states[it[0]] = t
    retry_s, out = records(ok, items, remaining, reset, retry, record)
    return ok, retry_s, out


# --- reporting ---------------------------------------------------------------------------------


def duration(seconds: float) -> str:
    """A duration written the way OpenAI's ``x-ratelimit-reset-*`` values are: ``20ms``, ``1s``,
    ``6m0s``, ``1h2m3s`` (rounded up; ``0s`` when not positive, at least ``1ms`` otherwise)."""
    if seconds <= 0:
        return "0s"
    if seconds < 1:
        return f"{math.ceil(seconds * 1000)}ms" if seconds > 0.001 else "1ms"
    s = math.ceil(seconds)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    if h:
        return f"{h}h{m}m{s}s"
    if m:
        return f"{m}m{s}s"
    return f"{s}s"


def report(limits: list[Any], kinds: list[int], labels: tuple[str, ...]) -> list[tuple[str, str]]:
    """The tightest limit of kind 0 and of kind 1 as ``(label, value)`` pairs.

    ``limits`` are records ``(key, limit, remaining, reset_s, ...)`` (``decide``'s), ``kinds[i]``
    the kind of ``limits[i]`` (pairs are taken up to the shorter list). For each of kinds 0 and
    1 that has limits, the one with the fewest ``remaining`` (the first of equals) gives three
    pairs: ``(labels[3k], str(limit))``, ``(labels[3k + 1], str(remaining))``, ``(labels[3k + 2],
    duration(reset_s))``. Kind 0's come first; no limits of either kind, no pairs.
    """
    best: list[Any] = [None, None]
    for s, k in zip(limits, kinds, strict=False):
        if k == 0 or k == 1:
            b = best[k]
            if b is None or s[2] < b[2]:
                best[k] = s
    out: list[tuple[str, str]] = []
    for k in (0, 1):
        s = best[k]
        if s is not None:
            out.append((labels[3 * k], str(s[1])))
            out.append((labels[3 * k + 1], str(s[2])))
            out.append((labels[3 * k + 2], duration(s[3])))
    return out
