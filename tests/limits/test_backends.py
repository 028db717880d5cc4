"""Limiter backends: local and shared-memory (compiled and twin), exactness across processes.

Covers RL-04 (4 processes, exactly L), RL-14 (concurrency balanced to 0), RL-17 (all-or-nothing),
a worker SIGKILLed while holding a slot lock, torn claims, the full-table policy and snapshots.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

from fastgate import _native
from fastgate._native import compiled, twin
from fastgate.limits import (
    Backend,
    Decision,
    LimitState,
    LocalBackend,
    ShmBackend,
    create_backend,
    limit_key,
)

S = 1_000_000_000
HOUR = 3600 * S
MP = mp.get_context("fork")


def _compiled_shm() -> ModuleType:
    mod = compiled("shmtable")
    assert mod is not None, "fastgate._native.shmtable is not built (FASTGATE_NO_EXTENSIONS unset)"
    return mod


COMPILED = pytest.param(
    "compiled", marks=pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
)


@pytest.fixture(params=["twin", COMPILED])
def impl(request: pytest.FixtureRequest) -> ModuleType:
    """The shmtable kernel module: pure twin or compiled."""
    return twin("shmtable") if request.param == "twin" else _compiled_shm()


@pytest.fixture(params=["local", "shm-twin", COMPILED])
def backend(request: pytest.FixtureRequest) -> Iterator[LocalBackend | ShmBackend]:
    b: LocalBackend | ShmBackend
    if request.param == "local":
        b = LocalBackend()
    elif request.param == "shm-twin":
        b = ShmBackend.create(256, impl=twin("shmtable"))
    else:
        b = ShmBackend.create(256, impl=_compiled_shm())
    yield b
    b.close()


@pytest.fixture
def shm_path() -> Iterator[str]:
    path = f"/dev/shm/fastgate-test-{uuid.uuid4().hex}"
    yield path
    if os.path.exists(path):
        os.unlink(path)


def _now() -> int:
    return time.time_ns()


# -- the interface, on every backend -------------------------------------------------------------


def test_backends_satisfy_the_protocol(backend: LocalBackend | ShmBackend) -> None:
    assert isinstance(backend, Backend)
    assert backend.is_async is False


def test_burst_then_deny_with_headers_values(backend: LocalBackend | ShmBackend) -> None:
    now = _now()
    key = limit_key("requests", "subject", "alice", 60 * S)
    items = [(key, 1, 3, 60 * S)]
    got = [backend.reserve(items, now) for _ in range(4)]
    assert [d.allowed for d in got] == [True, True, True, False]
    assert [d.limits[0].remaining for d in got] == [2, 1, 0, 0]
    assert got[0].limits[0].reset_s == pytest.approx(20.0)
    assert got[0].retry_after_s == 0.0 and got[0].error is None
    denied = got[3]
    assert isinstance(denied, Decision) and isinstance(denied.limits[0], LimitState)
    assert denied.retry_after_s == pytest.approx(20.0) and denied.limits[0].retry_after_s == pytest.approx(
        20.0
    )
    assert denied.limits[0].kind == "requests" and denied.limits[0].limit == 3
    # 20 s later exactly one more unit has refilled.
    later = [backend.reserve(items, now + 20 * S).allowed for _ in range(2)]
    assert later == [True, False]


def test_multi_limit_is_all_or_nothing(backend: LocalBackend | ShmBackend) -> None:
    now = _now()
    rq = (limit_key("requests", "subject", "bob", 60 * S), 1, 10, 60 * S)
    tk = (limit_key("tokens", "subject", "bob", 60 * S), 800, 1000, 60 * S)
    usd = (limit_key("usd", "tenant", "acme", 30 * 86400 * S), 5000, 10**8, 30 * 86400 * S)
    d1 = backend.reserve([rq, tk, usd], now)
    assert d1.allowed and [s.remaining for s in d1.limits] == [9, 200, 10**8 - 5000]
    assert [s.kind for s in d1.limits] == ["requests", "tokens", "usd"]
    # The token limit denies: the request and dollar limits must not be charged.
    d2 = backend.reserve([rq, tk, usd], now)
    assert not d2.allowed
    assert [s.remaining for s in d2.limits] == [9, 200, 10**8 - 5000]
    assert d2.limits[0].retry_after_s == 0.0 and d2.limits[1].retry_after_s > 0
    assert d2.retry_after_s == d2.limits[1].retry_after_s
    # A cost above a limit can never pass: retry "never".
    d3 = backend.reserve([rq, (tk[0], 1001, 1000, 60 * S)], now)
    assert not d3.allowed and d3.retry_after_s == -1.0 and d3.limits[1].retry_after_s == -1.0
    peek = backend.reserve([(rq[0], 0, 10, 60 * S), (usd[0], 0, 10**8, usd[3])], now)
    assert [s.remaining for s in peek.limits] == [9, 10**8 - 5000]
    with pytest.raises(ValueError):
        backend.reserve([rq, rq], now)


def test_settle_refunds_and_charges(backend: LocalBackend | ShmBackend) -> None:
    now = _now()
    key = limit_key("tokens", "subject", "carol", 60 * S)
    assert backend.reserve([(key, 600, 1000, 60 * S)], now).allowed
    # The stream used 250 tokens of the 600 reserved: refund 350.
    backend.settle([(key, -350, 1000, 60 * S)], now)
    assert backend.reserve([(key, 0, 1000, 60 * S)], now).limits[0].remaining == 750
    # Refunding far more than was charged stops at idle (TAT never below now).
    backend.settle([(key, -(10**6), 1000, 60 * S)], now)
    assert backend.tat(key) == now
    assert backend.reserve([(key, 0, 1000, 60 * S)], now).limits[0].remaining == 1000
    # Usage above the estimate is charged without an admission check (debt).
    backend.settle([(key, 1500, 1000, 60 * S)], now)
    d = backend.reserve([(key, 1, 1000, 60 * S)], now)
    assert not d.allowed and d.limits[0].remaining == 0
    assert d.retry_after_s == pytest.approx(501 * 60 / 1000)
    # A refund for a key that was never charged creates nothing.
    backend.settle([(b"tokens:subject:nobody:60", -5, 10, 60 * S)], now)
    assert backend.tat(b"tokens:subject:nobody:60") == 0


def test_concurrency_acquire_release(backend: LocalBackend | ShmBackend) -> None:
    key = limit_key("concurrency", "subject", "dave")
    assert [backend.acquire(key, 2) for _ in range(3)] == [True, True, False]
    assert backend.in_flight(key) == 2
    backend.release(key)
    assert backend.acquire(key, 2)
    for _ in range(5):  # more releases than acquires never go below zero
        backend.release(key)
    assert backend.in_flight(key) == 0
    backend.release(limit_key("concurrency", "subject", "never-acquired"))
    assert backend.acquire(key, 1) and not backend.acquire(key, 1)


def test_fast_admit_is_reserve_then_report(backend: LocalBackend | ShmBackend) -> None:
    """fast_admit (the rate-limit stage's call) gives reserve's outcome and charges the same, with
    an admitted request's records already reported (gcra.report); bad kinds or labels raise
    before anything is charged."""
    labels = tuple(f"h{i}" for i in range(6))
    report = _native.kernel("gcra").report
    ref = LocalBackend()
    now = _now()
    rng = random.Random(9)
    for step in range(300):
        items = [(b"k%d" % j, rng.randrange(0, 4), rng.choice([3, 5, 10**9]), 60 * S)
                 for j in rng.sample(range(4), rng.randrange(1, 4))]
        kinds = [rng.choice([0, 1, 2]) for _ in items]
        t = now + step * 1_000_000
        d = ref.reserve(items, t)
        code, retry_s, got = backend.fast_admit(items, t, LimitState, kinds, labels)
        assert (code == 1, retry_s) == (d.allowed, d.retry_after_s)
        assert got == (report(d.limits, kinds, labels) if d.allowed else d.limits)
    for j in range(4):
        assert backend.tat(b"k%d" % j) == ref.tat(b"k%d" % j)
    if isinstance(backend, ShmBackend):  # the kernel's argument checks (LocalBackend: the report's)
        before = backend.tat(b"k0")
        with pytest.raises(TypeError):
            backend.fast_admit([(b"k0", 1, 5, S)], now + S, LimitState, [1.0], labels)
        with pytest.raises(ValueError):
            backend.fast_admit([(b"k0", 1, 5, S)], now + S, LimitState, [0], labels[:5])
        with pytest.raises(TypeError):
            backend.fast_admit([(b"k0", 1, 5, S)], now + S, dict, [0], labels)
        assert backend.tat(b"k0") == before


def test_limit_key_escapes_separators() -> None:
    a = limit_key("tokens", "subject", "alice:gpt-4o", 60 * S)
    b = limit_key("tokens", "subject", "alice", 60 * S, model="gpt-4o")
    assert a != b
    assert LimitState(a, 1, 0, 0.0).kind == "tokens"
    assert limit_key("requests", "ip", b"10.0.0.1", 1) == b"requests:ip:10.0.0.1:1"
    with pytest.raises(ValueError):
        limit_key("bogus", "subject", "x")
    assert isinstance(create_backend("local"), LocalBackend)
    with pytest.raises(ValueError):
        create_backend("memcache")


def _random_ops(seed: int, n: int) -> list[tuple[Any, ...]]:
    rnd = random.Random(seed)
    keys = [limit_key(k, "subject", f"u{i}", 10 * S) for i in range(6) for k in ("requests", "tokens")]
    keys.append(b"x" * 100)  # digested key
    t = 1_800_000_000 * S
    ops: list[tuple[Any, ...]] = []
    for _ in range(n):
        t += rnd.choice([0, 0, 1, rnd.randrange(S), rnd.randrange(5 * S)])
        r = rnd.random()
        if r < 0.6:
            ks = rnd.sample(keys, rnd.randrange(1, 4))
            items = []
            for k in ks:
                limit = 7 if k.startswith(b"req") else 997
                items.append((k, rnd.randrange(0, limit + 2), limit, 10 * S))
            ops.append(("reserve", items, t))
        elif r < 0.8:
            k = rnd.choice(keys)
            limit = 7 if k.startswith(b"req") else 997
            ops.append(("settle", [(k, rnd.randrange(-limit, limit), limit, 10 * S)], t))
        elif r < 0.9:
            ops.append(("acquire", rnd.choice(keys[:3]), 2))
        else:
            ops.append(("release", rnd.choice(keys[:3])))
    return ops


def _apply(b: Any, op: tuple[Any, ...]) -> Any:
    if op[0] == "reserve":
        return b.reserve(op[1], op[2])
    if op[0] == "settle":
        return b.settle(op[1], op[2])
    if op[0] == "acquire":
        return b.acquire(op[1], op[2])
    return b.release(op[1])


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_backends_agree_and_both_table_implementations_share_one_table(shm_path: str) -> None:
    """One seeded sequence on: local (the reference), a compiled-only table, and ONE file-backed
    table driven alternately by the compiled kernel and the twin (both read and write it)."""
    ops = _random_ops(7, 1500)
    ref = LocalBackend()
    solo = ShmBackend.create(512, impl=_compiled_shm())
    c = ShmBackend.create(512, shm_path, impl=_compiled_shm())
    p = ShmBackend.attach(shm_path, impl=twin("shmtable"))
    rnd = random.Random(3)
    for i, op in enumerate(ops):
        want = _apply(ref, op)
        assert _apply(solo, op) == want, (i, op)
        assert _apply(rnd.choice([c, p]), op) == want, (i, op)
    # Final state, as seen through each implementation (idle keys may have been evicted from a
    # table, which is the same state as never charged: compare what a peek reports).
    end = ops[-1][2] if ops[-1][0] in ("reserve", "settle") else 1_900_000_000 * S
    for k in {it[0] for op in ops if op[0] in ("reserve", "settle") for it in op[1]}:
        limit = 7 if k.startswith(b"req") else 997
        peek = [(k, 0, limit, 10 * S)]
        assert (
            c.reserve(peek, end) == p.reserve(peek, end) == solo.reserve(peek, end) == ref.reserve(peek, end)
        )
        assert c.table.get(k) == p.table.get(k)
    for b in (solo, c, p):
        b.close()


# -- the shared-memory table -----------------------------------------------------------------------

# SipHash-2-4 reference vectors (veorq/SipHash vectors.h): key 00..0f, message 00..(n-1).
SIPHASH_VECTORS = {
    0: "310e0edd47db6f72",
    1: "fd67dc93c539f874",
    2: "5a4fa9d909806c0d",
    3: "2d7efbd796666785",
    4: "b7877127e09427cf",
    7: "37d1018bf50002ab",
    8: "6224939a79f5f593",
    9: "b0e4a90bdf82009e",
    15: "e545be4961ca29a1",
}


def test_siphash_reference_vectors(impl: ModuleType) -> None:
    key = bytes(range(16))
    for n, le_hex in SIPHASH_VECTORS.items():
        assert impl.siphash24(key, bytes(range(n))) == int.from_bytes(bytes.fromhex(le_hex), "little")


def test_keys_never_merge(impl: ModuleType) -> None:
    t = impl.ShmTable.create(64, probe=64)
    now = _now()
    keys = [f"k{i}".encode() for i in range(60)]
    long_a = b"p" * 64 + b"a"
    long_b = b"p" * 64 + b"b"  # same first 64 bytes
    digest_literal = hashlib.sha256(long_a).digest()  # a 32-byte key equal to long_a's digest
    keys += [long_a, long_b, digest_literal]
    for i, k in enumerate(keys):
        assert t.reserve([(k, i % 50, 100, HOUR)], now)[0] == 1
    for i, k in enumerate(keys):
        assert t.reserve([(k, 0, 100, HOUR)], now)[1] == [100 - i % 50], k
    assert t.live(now) == sum(1 for i in range(len(keys)) if i % 50)
    t.close()


def _fork_all(n: int, fn: Callable[[int], Any], timeout: float = 60.0) -> list[Any]:
    """Run fn(0..n-1) in n forked processes that start together; return their results."""
    q = MP.Queue()
    barrier = MP.Barrier(n)

    def run(i: int) -> None:
        try:
            barrier.wait(30)
            q.put((i, fn(i)))
        except BaseException as e:  # report, the parent fails the test
            q.put((i, e.__class__.__name__ + ": " + str(e)))

    procs = [MP.Process(target=run, args=(i,)) for i in range(n)]
    for p in procs:
        p.start()
    try:
        results = dict(q.get(timeout=timeout) for _ in range(n))
    finally:
        for p in procs:
            p.join(10)
            if p.is_alive():
                p.kill()
    assert all(p.exitcode == 0 for p in procs)
    return [results[i] for i in range(n)]


def test_four_processes_admit_exactly_the_limit(impl: ModuleType) -> None:
    """RL-04: 4 workers x 200 concurrent requests on one key, limit 100 per hour -> exactly 100,
    repeated over several rounds (a fresh key each), every round starting together."""
    b = ShmBackend.create(1024, impl=impl)
    rounds = 5 if impl is twin("shmtable") else 20
    keys = [limit_key("requests", "global", f"round{r}", HOUR) for r in range(rounds)]
    barrier = MP.Barrier(4)

    def worker(i: int) -> list[int]:
        counts = []
        for key in keys:
            barrier.wait(30)
            counts.append(sum(b.reserve([(key, 1, 100, HOUR)], _now()).allowed for _ in range(200)))
        return counts

    per_worker = _fork_all(4, worker)
    assert all(isinstance(c, list) for c in per_worker), per_worker
    assert [sum(w[r] for w in per_worker) for r in range(rounds)] == [100] * rounds
    assert b.reserve([(keys[0], 0, 100, HOUR)], _now()).limits[0].remaining == 0
    b.close()


def test_four_processes_three_limits_all_or_nothing(impl: ModuleType) -> None:
    """Each request takes a global unit, a per-worker unit and tokens; denials charge nothing."""
    b = ShmBackend.create(1024, impl=impl)
    g = limit_key("requests", "global", "-", HOUR)
    tk = limit_key("tokens", "global", "-", HOUR)

    def worker(i: int) -> tuple[int, int]:
        mine = limit_key("requests", "subject", f"w{i}", HOUR)
        ok = 0
        for j in range(200):
            items = [(g, 1, 100, HOUR), (mine, 1, 40, HOUR), (tk, 1 + j % 3, 10**6, HOUR)]
            ok += b.reserve(items, _now()).allowed
        peek = b.reserve([(mine, 0, 40, HOUR)], _now()).limits[0].remaining
        return ok, peek

    res = _fork_all(4, worker)
    assert all(isinstance(r, tuple) for r in res), res
    assert sum(r[0] for r in res) == 100  # 4 x 40 candidates, the global limit binds
    assert all(40 - ok == rem for ok, rem in res)  # per-worker keys charged exactly when admitted
    b.close()


def test_concurrency_balanced_across_processes(impl: ModuleType) -> None:
    """RL-14: 10k acquire/release pairs from 4 processes; never above the limit, 0 at the end."""
    b = ShmBackend.create(64, impl=impl)
    key = limit_key("concurrency", "subject", "eve")

    def worker(i: int) -> tuple[int, int]:
        got = over = 0
        for _ in range(2500):
            if b.acquire(key, 3):
                got += 1
                if b.in_flight(key) > 3:
                    over += 1
                b.release(key)
        return got, over

    res = _fork_all(4, worker, timeout=120)
    assert all(isinstance(r, tuple) for r in res), res
    assert sum(r[1] for r in res) == 0
    assert sum(r[0] for r in res) >= 2500  # at least one worker's worth got through
    assert b.in_flight(key) == 0
    b.close()


def _in_child(fn: Callable[[], Any], timeout: float = 30.0) -> Any:
    """Run fn in a forked child and return its result; a wedge (no answer) fails, not hangs."""
    q = MP.Queue()

    def run() -> None:
        try:
            q.put(fn())
        except BaseException as e:
            q.put(e.__class__.__name__ + ": " + str(e))

    p = MP.Process(target=run)
    p.start()
    try:
        return q.get(timeout=timeout)
    except Exception:
        pytest.fail("the table is wedged: no answer within the timeout")
    finally:
        p.join(5)
        if p.is_alive():
            p.kill()


def test_worker_killed_holding_a_slot_lock_does_not_wedge(impl: ModuleType) -> None:
    b = ShmBackend.create(64, impl=impl)
    key = limit_key("requests", "subject", "frank", HOUR)
    assert b.reserve([(key, 1, 10, HOUR)], _now()).allowed
    victim = MP.Process(target=b.table._test_lock_and_die, args=(key, "slot"))
    victim.start()
    victim.join(30)
    assert victim.exitcode == -9

    # The lock word still names the dead worker; the next user takes it over.
    def after() -> tuple[bool, int, int]:
        d = b.reserve([(key, 1, 10, HOUR)], _now())
        return d.allowed, d.limits[0].remaining, getattr(b.table, "steals", 1)

    allowed, remaining, steals = _in_child(after)
    assert allowed and remaining == 8 and steals >= 1
    b.close()


def test_dead_zombie_owner_is_detected_before_it_is_reaped(impl: ModuleType) -> None:
    """A SIGKILLed worker is a zombie until the supervisor reaps it: kill(pid, 0) still succeeds."""
    b = ShmBackend.create(64, impl=impl)
    key = limit_key("requests", "subject", "grace", HOUR)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        try:
            b.table._test_lock_and_die(key, "slot")
        finally:
            os._exit(1)
    try:
        deadline = time.monotonic() + 20
        while True:  # wait until it is dead but deliberately do not reap it
            with open(f"/proc/{pid}/stat", "rb") as f:
                if f.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                    break
            assert time.monotonic() < deadline
            time.sleep(0.01)
        allowed = _in_child(lambda: b.reserve([(key, 1, 10, HOUR)], _now()).allowed)
        assert allowed is True
    finally:
        os.waitpid(pid, 0)
        b.close()


def test_torn_claim_is_detected_and_reclaimed(impl: ModuleType) -> None:
    # One slot, so the dying insert has to take over the slot of an idle key.
    b = ShmBackend.create(1, probe=1, impl=impl)
    # Keys that differ in their first half: the dying worker writes only half of the new key.
    old = limit_key("requests", "subject", "old", S)
    new = limit_key("tokens", "ip", "192.0.2.1", S)
    now = _now()
    assert b.reserve([(old, 1, 1, S)], now - 10 * S).allowed  # idle since 9 s
    victim = MP.Process(target=b.table._test_lock_and_die, args=(new, "insert"))
    victim.start()
    victim.join(30)
    assert victim.exitcode == -9

    def after() -> tuple[bool, bool, bool, int]:
        # The torn slot looks freshly claimed, so it is reclaimable only after the grace period.
        t = time.time_ns() + 2 * S
        d_new = b.reserve([(new, 1, 1, S)], t)
        again = b.reserve([(new, 1, 1, S)], t)
        d_old = b.reserve([(old, 1, 1, S)], t)
        return d_new.allowed, again.allowed, d_old.error == "table_full", getattr(b.table, "repairs", 1)

    new_ok, again_ok, old_full, repairs = _in_child(after)
    assert new_ok and not again_ok and old_full and repairs >= 1
    b.close()


def test_torn_claim_of_an_empty_slot_does_not_wedge(impl: ModuleType) -> None:
    b = ShmBackend.create(8, impl=impl)
    key = limit_key("requests", "subject", "henry", HOUR)
    victim = MP.Process(target=b.table._test_lock_and_die, args=(key, "insert"))
    victim.start()
    victim.join(30)
    assert victim.exitcode == -9
    result = _in_child(lambda: [b.reserve([(key, 1, 2, HOUR)], _now()).allowed for _ in range(3)])
    assert result == [True, True, False]
    b.close()


def test_full_table_policy_and_eviction_of_idle_entries(impl: ModuleType) -> None:
    now = _now()
    deny = ShmBackend.create(4, probe=4, impl=impl)
    keys = [limit_key("requests", "ip", f"10.0.0.{i}", HOUR) for i in range(5)]
    for k in keys[:4]:
        assert deny.reserve([(k, 1, 5, HOUR)], now).allowed
    d = deny.reserve([(keys[4], 1, 5, HOUR)], now)
    assert (d.allowed, d.error, d.retry_after_s) == (False, "table_full", 1.0)
    assert deny.full_events == 1
    # A full table charges nothing, even for the keys that do have a slot.
    d = deny.reserve([(keys[0], 1, 5, HOUR), (keys[4], 1, 5, HOUR)], now)
    assert d.error == "table_full" and deny.reserve([(keys[0], 0, 5, HOUR)], now).limits[0].remaining == 4
    assert deny.reserve([(keys[1], 1, 5, HOUR)], now).allowed  # existing keys keep working
    # Once entries are idle (TAT in the past by the grace period) a new key evicts one.
    later = now + HOUR + 2 * S
    assert deny.reserve([(keys[4], 1, 5, HOUR)], later).allowed
    assert deny.table.get(keys[4]) is not None
    # Held concurrency slots are state too: they are never evicted.
    conc = ShmBackend.create(2, probe=2, impl=impl)
    ck = [limit_key("concurrency", "subject", f"c{i}") for i in range(3)]
    assert conc.acquire(ck[0], 1) and conc.acquire(ck[1], 1)
    assert not conc.acquire(ck[2], 1) and conc.full_events == 1
    assert conc.table.acquire(ck[2], 1, _now() + 10 * S) == -1
    conc.release(ck[0])
    assert conc.table.acquire(ck[2], 1, _now() + 10 * S) == 1  # ck[0] is idle now: evicted
    allow = ShmBackend.create(1, probe=1, on_full="allow", impl=impl)
    assert allow.reserve([(keys[0], 1, 5, HOUR)], now).allowed
    d = allow.reserve([(keys[1], 1, 5, HOUR)], now)
    assert d.allowed and d.error == "table_full"
    assert allow.acquire(ck[0], 1) and allow.acquire(ck[1], 1)  # full: allowed, and balanced
    allow.release(ck[1])
    for x in (deny, conc, allow):
        x.close()


def test_snapshot_restore_round_trip(impl: ModuleType, tmp_path: Any) -> None:
    now = _now()
    month = 30 * 86400 * S
    a = ShmBackend.create(128, impl=impl)
    budget = limit_key("usd", "tenant", "acme", month)
    hourly = limit_key("requests", "subject", "ivy", HOUR)
    assert a.reserve([(budget, 40 * 10**6, 100 * 10**6, month), (hourly, 1, 60, HOUR)], now).allowed
    long_key = b"tokens:subject:" + b"z" * 80
    assert a.reserve([(long_key, 10, 100, HOUR)], now).allowed
    expired = limit_key("requests", "subject", "old", S)
    assert a.reserve([(expired, 1, 10, S)], now - 5 * S).allowed
    path = tmp_path / "limits.snap"
    assert a.snapshot(path) == 3  # the expired key is not saved
    assert sorted(os.listdir(tmp_path)) == ["limits.snap"]  # written via a renamed temp file

    # A restart: a new table; either implementation reads the same format.
    mods = [twin("shmtable")] + ([] if _native.NO_EXTENSIONS else [_compiled_shm()])
    for mod in mods:
        bnew = ShmBackend.create(128, impl=mod)
        assert bnew.restore(path) == 3
        for k in (budget, hourly, long_key):
            assert bnew.tat(k) == a.tat(k)
        d = bnew.reserve([(budget, 61 * 10**6, 100 * 10**6, month)], now)
        assert not d.allowed and d.limits[0].remaining == 60 * 10**6
        bnew.close()
    # Corruption is refused, not half-applied.
    data = path.read_bytes()
    bad = tmp_path / "bad.snap"
    bad.write_bytes(data[:20] + bytes([data[20] ^ 1]) + data[21:])
    short = tmp_path / "short.snap"
    short.write_bytes(data[:-5])
    fresh = ShmBackend.create(16, impl=impl)
    for p in (bad, short):
        with pytest.raises(ValueError):
            fresh.restore(p)
    assert fresh.table.live(now) == 0
    a.close()
    fresh.close()


def test_attach_from_an_unrelated_process(impl: ModuleType, shm_path: str) -> None:
    b = ShmBackend.create(64, shm_path, impl=impl)
    key = limit_key("requests", "subject", "jack", HOUR)
    assert b.reserve([(key, 3, 5, HOUR)], _now()).allowed
    code = (
        "import sys, time\n"
        "from fastgate._native import twin, compiled\n"
        f"mod = twin('shmtable') if {impl.__name__.endswith('_py')!r} else compiled('shmtable')\n"
        f"t = mod.ShmTable.attach({shm_path!r})\n"
        f"print([t.reserve([({key!r}, 1, 5, {HOUR})], time.time_ns())[0] for _ in range(3)])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[1, 1, 0]"
    assert not b.reserve([(key, 1, 5, HOUR)], _now()).allowed
    with pytest.raises(FileExistsError):
        impl.ShmTable.create(8, shm_path)
    b.close()
    bogus = shm_path + ".bogus"
    with open(bogus, "wb") as f:
        f.write(b"\0" * 4096)
    try:
        with pytest.raises(ValueError):
            impl.ShmTable.attach(bogus)
    finally:
        os.unlink(bogus)


def test_invalid_calls_raise(impl: ModuleType) -> None:
    t = impl.ShmTable.create(8)
    now = _now()
    for items in (
        [],
        [(b"k", 1, 0, S)],
        [(b"k", -1, 1, S)],
        [(b"k", 1, 10, 5)],
        [(b"k%d" % i, 1, 1, S) for i in range(17)],
    ):
        with pytest.raises(ValueError):
            t.reserve(items, now)
    with pytest.raises(TypeError):
        t.reserve([("text", 1, 1, S)], now)
    with pytest.raises(ValueError):
        t.reserve([(b"k", 1, 1, S)], -1)
    t.close()
    with pytest.raises(ValueError):
        t.reserve([(b"k", 1, 1, S)], now)


# -- holder ledgers: the concurrency slots of a dead worker come back ------------------------------


def _hold_and_die(b: ShmBackend, holder: int, grab: list[tuple[bytes, int]]) -> None:
    """In a forked child: take the slots as worker ``holder``, then die by SIGKILL holding them."""
    b.table.use_holder(holder)
    for key, limit in grab:
        assert b.acquire(key, limit)
    os.kill(os.getpid(), 9)


def test_reap_gives_back_the_slots_of_a_sigkilled_holder(impl: ModuleType) -> None:
    b = ShmBackend.create(64, impl=impl, holders=3)
    a, c = limit_key("concurrency", "tenant", "acme"), limit_key("concurrency", "subject", "kim")
    b.table.use_holder(0)
    assert b.acquire(a, 3)  # this (live) holder keeps one of acme's three
    victim = MP.Process(target=_hold_and_die, args=(b, 1, [(a, 3), (a, 3), (c, 1)]))
    victim.start()
    victim.join(30)
    assert victim.exitcode == -9
    # Without a reap the dead worker's slots would stay counted forever.
    assert (b.in_flight(a), b.in_flight(c)) == (3, 1)
    assert not b.acquire(a, 3) and not b.acquire(c, 1)
    assert b.table.held(1) == (2, 3) and b.table.held(0) == (1, 1)
    assert b.reap(1) == (2, 3)
    assert (b.in_flight(a), b.in_flight(c)) == (1, 0)  # the live holder's unit is untouched
    assert b.table.held(1) == (0, 0) and b.table.held(0) == (1, 1)
    assert b.reap(1) == (0, 0)  # idempotent: nothing is given back twice
    # The ledger is free for the next worker; the limit is whole again.
    assert b.acquire(a, 3) and b.acquire(a, 3) and not b.acquire(a, 3)
    assert b.acquire(c, 1)
    for k in (a, a, a, c):
        b.release(k)
    assert (b.in_flight(a), b.in_flight(c)) == (0, 0) and b.table.held(0) == (0, 0)
    b.close()


def test_a_holder_releases_only_the_slots_it_holds(impl: ModuleType) -> None:
    """A release by a worker that holds nothing (e.g. after a full table failed open) must not give
    back another worker's slot: it would let that key exceed its limit."""
    b = ShmBackend.create(64, impl=impl, holders=2)
    k = limit_key("concurrency", "subject", "lee")
    b.table.use_holder(0)
    assert b.acquire(k, 2)
    b.table.use_holder(1)
    assert b.table.release(k) is False and b.in_flight(k) == 1
    assert b.acquire(k, 2) and not b.acquire(k, 2)
    assert b.table.release(k) is True and b.table.release(k) is False
    b.table.use_holder(0)
    assert b.table.release(k) is True and b.in_flight(k) == 0
    # An untracked process keeps the version 1 behaviour: any held unit can be released.
    b.table.use_holder(None)
    assert b.acquire(k, 2) and b.table.release(k) and not b.table.release(k)
    for bad in (-1, 2):
        with pytest.raises(ValueError):
            b.table.use_holder(bad)
        with pytest.raises(ValueError):
            b.table.reap(bad)
    with pytest.raises(ValueError):
        impl.ShmTable.create(8, holders=-1)
    b.close()


def _churn(b: ShmBackend, holder: int, keys: list[bytes], limit: int, stop: Any) -> None:
    """Worker loop: take three slots (always admitted: the limit never binds), hold them for a
    moment, give each back; a release that finds its unit gone (an under-count) fails the worker."""
    b.table.use_holder(holder)
    while not stop.value:  # a lock-free flag: a SIGKILL must not leave a lock held
        got = [k for k in keys[:3] if b.acquire(k, limit)]
        assert len(got) == 3
        time.sleep(0.001)
        for k in got:
            assert b.table.release(k) is True
    os._exit(0)


def test_workers_killed_at_random_moments_leave_at_most_one_unit_each(impl: ModuleType) -> None:
    """Four holders churn on shared keys; one after another is SIGKILLed at an arbitrary moment and
    reaped, its ledger handed to a new process. Never an under-count (a live holder never finds its
    unit gone), and what is left at the end is at most one unit per kill: only a death between
    the two stores of one acquire/release can keep a unit (the documented over-count)."""
    b = ShmBackend.create(256, impl=impl, holders=4)
    keys = [limit_key("concurrency", "subject", f"u{i}") for i in range(3)]
    limit = 100  # never binding: this test is about what is left, not about admission
    stop = MP.RawValue("b", 0)
    rnd = random.Random(11)
    procs = {h: MP.Process(target=_churn, args=(b, h, keys, limit, stop)) for h in range(4)}
    for p in procs.values():
        p.start()
    kills = 0
    held_at_kill = 0
    try:
        for _ in range(8):
            time.sleep(rnd.uniform(0.05, 0.2))
            h = rnd.randrange(4)
            procs[h].kill()
            procs[h].join(10)
            assert procs[h].exitcode == -9
            kills += 1
            held_at_kill += b.table.held(h)[1]
            b.reap(h)
            assert b.table.held(h) == (0, 0)
            procs[h] = MP.Process(target=_churn, args=(b, h, keys, limit, stop))
            procs[h].start()
        stop.value = 1
        for p in procs.values():
            p.join(30)
            assert p.exitcode == 0  # a churn loop that found its unit gone would have failed
    finally:
        for p in procs.values():
            if p.is_alive():
                p.kill()
    left = sum(b.in_flight(k) for k in keys)
    assert 0 <= left <= kills, (left, kills)
    # Sanity: the kills did land while slots were held, so without the reap they would have leaked.
    assert held_at_kill > kills, held_at_kill
    b.close()


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_holder_ledgers_agree_between_kernel_and_twin(shm_path: str) -> None:
    """One seeded sequence of acquire/release/reap over three holders: a compiled-only table, a
    twin-only table, and ONE file-backed table driven alternately by both give identical answers."""
    comp, tw = _compiled_shm(), twin("shmtable")
    solo_c = comp.ShmTable.create(64, holders=3)
    solo_t = tw.ShmTable.create(64, holders=3)
    c = comp.ShmTable.create(64, shm_path, holders=3)
    p = tw.ShmTable.attach(shm_path)
    tables = (solo_c, solo_t, c, p)
    assert all(t.holders == 3 and t.holder is None for t in tables)
    keys = [limit_key("concurrency", "subject", f"s{i}") for i in range(5)] + [b"c" * 90]  # + a digested key
    rnd = random.Random(5)
    for i in range(3000):
        r = rnd.random()
        holder = rnd.choice([0, 1, 2, None])
        for t in tables:
            t.use_holder(holder)
        if r < 0.45:
            op: tuple[Any, ...] = ("acquire", rnd.choice(keys), rnd.randrange(1, 5))
        elif r < 0.9:
            op = ("release", rnd.choice(keys))
        elif r < 0.95:
            op = ("reap", rnd.randrange(3))
        else:
            op = ("held", rnd.randrange(3))
        outs = []
        for t in (solo_c, solo_t, rnd.choice([c, p])):
            outs.append(getattr(t, op[0])(*op[1:]))
        assert outs[0] == outs[1] == outs[2], (i, op, holder, outs)
    for k in keys:
        conc = {t.get(k)[1] if t.get(k) is not None else 0 for t in tables}
        assert len(conc) == 1, (k, conc)
    for h in range(3):
        assert len({t.held(h) for t in tables}) == 1
    # The ledgers never record more than the slots count (sum over holders <= conc).
    for t in tables:
        t.use_holder(None)
        assert sum(t.held(h)[1] for h in range(3)) <= sum(t.get(k)[1] for k in keys if t.get(k) is not None)
    for t in tables:
        t.use_holder(None)
        for h in range(3):
            t.reap(h)
    assert all(t.held(h) == (0, 0) for t in tables for h in range(3))
    for t in tables:
        t.close()
