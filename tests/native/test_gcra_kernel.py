"""GCRA kernel: golden table, exactness properties, and compiled == twin (RL-01, RL-05, RL-13)."""

from __future__ import annotations

import random
from fractions import Fraction
from types import ModuleType

import pytest

from fastgate import _native
from fastgate._native import compiled, twin

S = 1_000_000_000
TMAX = 1 << 62
WMAX = 1 << 60


def _compiled_or_fail() -> ModuleType:
    mod = compiled("gcra")
    # Built but not loadable is a failure, not a skip (DESIGN practice 3).
    assert mod is not None, "fastgate._native.gcra is not built (FASTGATE_NO_EXTENSIONS unset)"
    return mod


@pytest.fixture(
    params=[
        "twin",
        pytest.param(
            "compiled",
            marks=pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1"),
        ),
    ]
)
def g(request: pytest.FixtureRequest) -> ModuleType:
    return twin("gcra") if request.param == "twin" else _compiled_or_fail()


def test_selector_picks_compiled_when_built() -> None:
    if _native.NO_EXTENSIONS:
        assert _native.kernel("gcra") is twin("gcra")
    else:
        assert _native.kernel("gcra") is _compiled_or_fail()
        assert _native.is_accelerated("gcra")


# brandur/redis-cell src/cell/mod.rs, test `it_rate_limits` (MIT), copied as data:
# max_burst 4 (limit 5) at 1 per second, i.e. N = 5 per W = 5 s, T = 1 s.
# (case, ms after start, volume, remaining, reset_after ms, retry_after ms, limited)
REDIS_CELL_IT_RATE_LIMITS = [
    (0, 0, 6, 5, 0, -1, True),  # you can never make a request larger than the maximum
    (1, 0, 1, 4, 1000, -1, False),
    (2, 0, 1, 3, 2000, -1, False),
    (3, 0, 1, 2, 3000, -1, False),
    (4, 0, 1, 1, 4000, -1, False),
    (5, 0, 1, 0, 5000, -1, False),
    (6, 0, 1, 0, 5000, 1000, True),
    (7, 3000, 1, 2, 3000, -1, False),
    (8, 3100, 1, 1, 3900, -1, False),
    (9, 4000, 1, 1, 4000, -1, False),
    (10, 8000, 1, 4, 1000, -1, False),
    (11, 9500, 1, 4, 1000, -1, False),
    (12, 9500, 0, 4, 1000, -1, False),  # zero volume peeks
    (13, 9500, 2, 2, 3000, -1, False),  # high volume uses more of the limit
    (14, 9500, 5, 2, 3000, 3000, True),  # large requests cannot exceed limits
]


@pytest.mark.parametrize("start", [1_764_000_000 * S, 1_764_000_000 * S + 123_456_789, 7])
def test_redis_cell_golden_table(g: ModuleType, start: int) -> None:
    tat = 0
    ms = 1_000_000
    for case, at_ms, volume, remaining, reset_ms, retry_ms, limited in REDIS_CELL_IT_RATE_LIMITS:
        allowed, tat, rem, reset, retry = g.reserve(tat, start + at_ms * ms, volume, 5, 5 * S)
        want_retry = -1 if retry_ms < 0 else retry_ms * ms
        assert (not allowed, rem, reset, retry) == (limited, remaining, reset_ms * ms, want_retry), case


# (N, W): N divides W, N does not, N*N > W (where per-charge rounding breaks), huge windows.
AWKWARD = [
    (1, 1),
    (5, 5 * S),
    (7, 10),
    (3, S),
    (60, 60 * S),
    (999_983, 60 * S),
    (200_000, 60 * S),
    (100_000_000, 30 * 86400 * S),
    (1000, 999_999),
    (WMAX, WMAX),
]


@pytest.mark.parametrize(("n", "w"), AWKWARD)
def test_burst_is_exactly_n(g: ModuleType, n: int, w: int) -> None:
    rnd = random.Random(n ^ w)
    now = 1_764_000_000 * S + rnd.randrange(S)
    tat = 0
    admitted = 0
    if n <= 200:
        while True:
            ok, tat, rem, _, _ = g.reserve(tat, now, 1, n, w)
            if not ok:
                break
            admitted += 1
            assert rem == n - admitted
    else:
        # Random chunk sizes summing to exactly N, then one more unit must fail.
        while admitted < n:
            c = min(n - admitted, rnd.randrange(1, max(2, n // 7)))
            ok, tat, rem, _, _ = g.reserve(tat, now, c, n, w)
            assert ok
            admitted += c
            assert rem == n - admitted
        ok, _, rem, _, retry = g.reserve(tat, now, 1, n, w)
        assert not ok and rem == 0 and retry > 0
    assert admitted == n


@pytest.mark.parametrize(("n", "w"), [(7, 10**9 + 3), (3, S), (999_983, 60 * S), (60, 60 * S)])
def test_saturated_key_refills_at_n_per_w_without_drift(g: ModuleType, n: int, w: int) -> None:
    """Admit one unit each time retry_after says so: after m admissions the elapsed time is
    m*W/N to within 2 ns, however large m is (no per-charge rounding accumulates)."""
    t0 = 1_764_000_000 * S + 987_654_321
    ok, tat, _, _, _ = g.reserve(0, t0, n, n, w)
    assert ok
    now = t0
    m = 3000 if g is twin("gcra") else 20000
    for _ in range(m):
        ok, _, _, _, retry = g.reserve(tat, now, 1, n, w)
        assert not ok and retry > 0
        assert not g.reserve(tat, now + retry - 1, 1, n, w)[0]
        now += retry
        ok, tat, _, _, _ = g.reserve(tat, now, 1, n, w)
        assert ok
    assert abs(Fraction(now - t0) - Fraction(m * w, n)) < 2


def test_window_boundaries_never_double_burst(g: ModuleType) -> None:
    """RL-05: over random arrivals, units admitted in any [a, b] <= N + (b-a)*N/W + 1/K."""
    rnd = random.Random(5)
    for n, w in [(10, S), (7, 10**6 + 1), (1000, 3 * S), (5, 5 * S)]:
        k = w // n
        now = 1_764_000_000 * S + rnd.randrange(w)
        tat = 0
        log: list[tuple[int, int]] = []
        for _ in range(400):
            now += rnd.choice([0, 0, 1, rnd.randrange(w // n + 1), rnd.randrange(w // 3 + 1)])
            cost = rnd.choice([1, 1, 1, 2, rnd.randrange(0, n + 1)])
            ok, tat, _, _, _ = g.reserve(tat, now, cost, n, w)
            if ok and cost:
                log.append((now, cost))
        assert sum(c for _, c in log) > n  # the schedule really did saturate the limit
        for i in range(len(log)):
            total = 0
            for j in range(i, len(log)):
                total += log[j][1]
                span = log[j][0] - log[i][0]
                assert total <= n + Fraction(span * n, w) + Fraction(1, k), (n, w, i, j)


def test_peek_and_oversized_requests(g: ModuleType) -> None:
    now = 10 * S
    ok, tat, rem, reset, retry = g.reserve(0, now, 0, 10, S)
    assert (ok, tat, rem, reset, retry) == (True, 0, 10, 0, -1)  # peek leaves the state as given
    ok, tat2, rem, reset, retry = g.reserve(0, now, 11, 10, S)
    assert (ok, tat2, rem, retry) == (False, 0, 10, -1)  # never admissible, even when idle
    ok, tat, rem, reset, retry = g.reserve(0, now, 10, 10, S)
    assert ok and rem == 0 and reset == S and tat == now + S
    ok, tat3, rem, reset, retry = g.reserve(tat, now + S // 2, 0, 10, S)
    assert tat3 == tat and rem == 5 and reset == S // 2


def test_retry_and_reset_are_exact(g: ModuleType) -> None:
    rnd = random.Random(11)
    for _ in range(300):
        n = rnd.randrange(1, 50)
        w = rnd.choice([n, n * rnd.randrange(1, 10**6), rnd.randrange(n, 10**10)])
        now = rnd.randrange(0, 10**18)
        tat = now + rnd.randrange(0, 2 * w)
        cost = rnd.randrange(0, n + 1)
        ok, new_tat, rem, reset, retry = g.reserve(tat, now, cost, n, w)
        if not ok:
            assert retry > 0
            assert not g.reserve(tat, now + retry - 1, cost, n, w)[0]
            assert g.reserve(tat, now + retry, cost, n, w)[0]
        state = new_tat if ok else tat
        # reset_after: the key is idle (remaining == N) exactly then, not 1 ns before.
        assert g.reserve(state, now + reset, 0, n, w)[2] == n
        if reset > 0:
            assert g.reserve(state, now + reset - 1, 0, n, w)[2] < n


def test_refund_never_below_now_and_settle_charges_debt(g: ModuleType) -> None:
    now = 100 * S
    ok, tat, rem, _, _ = g.reserve(0, now, 7, 10, S)
    assert ok and rem == 3
    # Refund what was reserved: back to the same remaining as an idle key.
    back = g.refund(tat, now, 7, 10, S)
    assert back == now and g.reserve(back, now, 0, 10, S)[2] == 10
    # Refund more than was ever charged: clamps at now, never banks extra credit.
    assert g.refund(tat, now, 10_000, 10, S) == now
    assert g.reserve(g.refund(tat, now, 10_000, 10, S), now, 11, 10, S)[0] is False
    # A partial refund later on returns exactly those units.
    later = now + S // 10  # one unit refilled
    part = g.refund(tat, later, 2, 10, S)
    assert g.reserve(part, later, 0, 10, S)[2] == 3 + 1 + 2
    # settle(+d) charges usage that already happened, past the limit: debt, repaid by waiting.
    debt = g.settle(tat, now, 50, 10, S)
    ok, _, rem, reset, retry = g.reserve(debt, now, 1, 10, S)
    assert not ok and rem == 0 and retry == (7 + 50 + 1 - 10) * S // 10 and reset == 57 * S // 10
    assert g.settle(tat, now, 0, 10, S) == tat
    assert g.settle(tat, now, -3, 10, S) == g.refund(tat, now, 3, 10, S)
    assert g.settle(0, now, 1 << 62, 10, S) == TMAX  # saturates, never wraps


def test_reserve_many_is_all_or_nothing(g: ModuleType) -> None:
    now = 50 * S
    states = [0, 0, 0]
    limits = [100, 1000, 5]
    windows = [60 * S, 60 * S, 5]  # the last refills one unit per ns
    ok, states, rem, reset, retry = g.reserve_many(states, now, [1, 400, 5], limits, windows)
    assert ok and rem == [99, 600, 0] and retry == [-1, -1, -1]
    # Second request: the tokens limit (1000) cannot take 700 more; nothing may be charged.
    ok2, states2, rem2, reset2, retry2 = g.reserve_many(states, now, [1, 700, 0], limits, windows)
    assert not ok2 and states2 == states
    assert rem2 == [99, 600, 0]
    assert retry2[0] == 0 and retry2[1] == 100 * 60 * S // 1000 and retry2[2] == 0
    # One limit that can never pass makes the request's retry "never" (-1).
    ok3, states3, _, _, retry3 = g.reserve_many(states, now, [1, 1001, 0], limits, windows)
    assert not ok3 and states3 == states and retry3 == [0, -1, 0]
    with pytest.raises(ValueError):
        g.reserve_many([0], now, [1, 2], [1], [1])


def test_invalid_arguments(g: ModuleType) -> None:
    for args in [
        (0, 0, 1, 0, S),  # zero limit (RL-02)
        (0, 0, 1, 10, 9),  # more than one unit per ns
        (0, 0, 1, 1, WMAX + 1),  # window beyond 36 years
        (0, -1, 1, 1, S),  # negative clock
        (0, TMAX + 1, 1, 1, S),
        (0, 0, -1, 1, S),  # negative cost: use refund
    ]:
        with pytest.raises(ValueError):
            g.reserve(*args)
    with pytest.raises(ValueError):
        g.refund(0, 0, -1, 1, S)
    with pytest.raises(OverflowError):
        g.reserve(1 << 63, 0, 1, 1, S)


def _rand_case(rnd: random.Random) -> tuple[int, int, int, int, int]:
    n = rnd.choice([1, 2, 3, 5, 7, 60, 1000, rnd.randrange(1, 10**9), WMAX >> rnd.randrange(0, 60)])
    w = min(WMAX, rnd.choice([n, n * rnd.randrange(1, 1000), rnd.randrange(n, WMAX + 1), WMAX]))
    now = rnd.choice([0, 1, rnd.randrange(0, 2 * 10**18), TMAX, TMAX - rnd.randrange(w + 1)])
    tat = rnd.choice([0, -5, now, now + rnd.randrange(-w, 2 * w + 1), TMAX, (1 << 63) - 1, -(1 << 63)])
    cost = rnd.choice([0, 1, rnd.randrange(0, n + 2), n, n + 1, rnd.randrange(0, 1 << 62)])
    return tat, now, cost, n, w


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_compiled_equals_twin_on_seeded_random_operations() -> None:
    py, c = twin("gcra"), _compiled_or_fail()
    rnd = random.Random(20261129)
    for i in range(6000):
        tat, now, cost, n, w = _rand_case(rnd)
        delta = rnd.choice([cost, -cost, 0, rnd.randrange(-(1 << 62), 1 << 62)])
        assert py.reserve(tat, now, cost, n, w) == c.reserve(tat, now, cost, n, w), i
        assert py.settle(tat, now, delta, n, w) == c.settle(tat, now, delta, n, w), i
        assert py.refund(tat, now, cost, n, w) == c.refund(tat, now, cost, n, w), i
        if i % 4 == 0:
            cases = [_rand_case(rnd) for _ in range(rnd.randrange(1, 5))]
            states = [x[0] for x in cases]
            costs = [min(x[2], x[3] + 1) for x in cases]
            limits = [x[3] for x in cases]
            windows = [x[4] for x in cases]
            now2 = cases[0][1]
            assert py.reserve_many(states, now2, costs, limits, windows) == c.reserve_many(
                states, now2, costs, limits, windows
            ), i
    # Sequences: the state produced by one implementation feeds the next call of both.
    for _ in range(50):
        n = rnd.randrange(1, 100)
        w = rnd.randrange(n, 10**11)
        now = rnd.randrange(10**18)
        tat_py = tat_c = 0
        for _ in range(100):
            now += rnd.randrange(0, 2 * w // n + 1)
            cost = rnd.randrange(0, n + 2)
            rp, rc = py.reserve(tat_py, now, cost, n, w), c.reserve(tat_c, now, cost, n, w)
            assert rp == rc
            tat_py, tat_c = rp[1], rc[1]
            if rnd.random() < 0.2:
                d = rnd.randrange(-n, n)
                tat_py, tat_c = py.settle(tat_py, now, d, n, w), c.settle(tat_c, now, d, n, w)
                assert tat_py == tat_c


class Rec(tuple):  # what a backend passes as ``record``: a tuple subclass (here without fields)
    __slots__ = ()


def test_decide_on_a_dict_is_all_or_nothing_and_shapes_records(g: ModuleType) -> None:
    now = 7 * S
    states: dict[bytes, int] = {}
    items = [(b"rq", 1, 2, S), (b"tk", 30, 100, S)]
    ok, retry_s, recs = g.decide(states, items, now, Rec)
    assert ok and retry_s == 0.0 and type(recs[0]) is Rec
    assert recs == [(b"rq", 2, 1, 0.5, 0.0), (b"tk", 100, 70, 0.3, 0.0)]
    assert states == {b"rq": now + S // 2, b"tk": now + 3 * S // 10}
    ok, retry_s, recs = g.decide(states, [(b"rq", 1, 2, S), (b"tk", 80, 100, S)], now, Rec)
    assert not ok and retry_s == pytest.approx(0.1) and recs[0][4] == 0.0 and recs[1][4] == pytest.approx(0.1)
    assert states == {b"rq": now + S // 2, b"tk": now + 3 * S // 10}  # nothing charged
    ok, retry_s, recs = g.decide(states, [(b"new", 0, 5, S), (b"tk", 101, 100, S)], now, Rec)
    assert not ok and retry_s == -1.0 and recs[1][4] == -1.0 and b"new" not in states
    with pytest.raises(ValueError):
        g.decide(states, [(b"rq", 1, 2, S), (b"rq", 1, 2, S)], now, Rec)
    with pytest.raises(ValueError):
        g.decide(states, [], now, Rec)
    with pytest.raises(TypeError):
        g.decide(states, items, now, dict)


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_decide_and_records_compiled_equal_twin() -> None:
    py, c = twin("gcra"), _compiled_or_fail()
    rnd = random.Random(99)
    sp: dict[bytes, int] = {}
    sc: dict[bytes, int] = {}
    keys = [b"a", b"b", b"c", b"d" * 70]
    now = 1_800_000_000 * S
    for _ in range(3000):
        now += rnd.randrange(0, S // 3)
        items = [(k, rnd.randrange(0, 12), 10, S) for k in rnd.sample(keys, rnd.randrange(1, 4))]
        rp, rc = py.decide(sp, items, now, Rec), c.decide(sc, items, now, Rec)
        assert rp == rc and sp == sc
        raw = py.reserve_many(
            [sp.get(k, 0) for k, _, _, _ in items],
            now,
            [i[1] for i in items],
            [10] * len(items),
            [S] * len(items),
        )
        ok = raw[0]
        assert py.records(ok, items, *raw[2:], Rec) == c.records(ok, items, *raw[2:], Rec)


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_compiled_records_do_not_leak_references() -> None:
    import sys

    c = _compiled_or_fail()
    key = b"refcount-probe"
    states: dict[bytes, int] = {}
    c.decide(states, [(key, 1, 10**9, 60 * S)], S, Rec)  # the dict now holds the key
    before = sys.getrefcount(key)
    for i in range(1000):
        out = c.decide(states, [(key, 1, 10**9, 60 * S)], S + i, Rec)
        c.records(True, [(key, 1, 10**9, 60 * S)], [1], [2], [-1], Rec)
    del out
    assert sys.getrefcount(key) == before


# --- reporting: duration() and report() ---------------------------------------------------------


@pytest.mark.parametrize(("seconds", "text"), [
    (0.0, "0s"), (-1.0, "0s"), (1e-7, "1ms"), (0.001, "1ms"), (0.0010001, "2ms"), (0.02, "20ms"),
    (0.9999, "1000ms"), (1.0, "1s"), (1.2, "2s"), (59.0, "59s"), (60.0, "1m0s"), (360.0, "6m0s"),
    (3600.0, "1h0m0s"), (3723.5, "1h2m4s"), (86400.0 * 3, "72h0m0s"), (7, "7s"),
])
def test_duration_examples(g: ModuleType, seconds: float, text: str) -> None:
    assert g.duration(seconds) == text


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_duration_and_report_equivalence() -> None:
    c, py = _compiled_or_fail(), twin("gcra")
    rng = random.Random(17)
    for _ in range(100_000):
        r = rng.random()
        v = rng.uniform(0, 2) if r < 0.3 else rng.uniform(0, 1e6) if r < 0.6 else rng.randrange(0, 10**12) / 1e9 \
            if r < 0.9 else rng.choice([0.0, -0.0, -3.0, 0.001, 1.0, 5e-324, 1e17, float("-inf"), 3, 10**30])
        assert c.duration(v) == py.duration(v), v
    for bad in (float("nan"), float("inf")):
        for mod in (c, py):
            with pytest.raises((ValueError, OverflowError)):
                mod.duration(bad)

    class Rec(tuple):
        pass

    class Int(int):
        pass

    labels = tuple(f"l{i}" for i in range(6))
    for _ in range(20_000):
        recs = [tuple.__new__(Rec, (b"k%d" % i, rng.choice([1, 10, 10**9, 2**70, Int(5)]),
                                     rng.choice([0, 1, 5, 5, 10**9, -1, 2**64, Int(3)]),
                                     rng.choice([0.0, 1e-7, 0.5, 61.0, 3700.0, 5]), 0.0))
                for i in range(rng.randrange(0, 6))]
        kinds = [rng.choice([0, 1, 2, 3, 0, 1]) for _ in range(rng.randrange(0, 7))]
        if rng.random() < 0.02:
            kinds.append(True)
        want = py.report(recs, kinds, labels)
        got = c.report(recs, kinds, labels)
        assert got == want and [type(v) for _, v in got] == [type(v) for _, v in want], (recs, kinds)


def test_report_picks_the_tightest_of_each_kind(g: ModuleType) -> None:
    labels = ("a", "b", "c", "d", "e", "f")
    recs = [(b"r1", 10, 7, 0.5, 0.0), (b"t1", 1000, 900, 2.0, 0.0), (b"r2", 5, 3, 61.0, 0.0),
            (b"u", 9, 0, 9.0, 0.0), (b"r3", 4, 3, 1.0, 0.0)]
    assert g.report(recs, [0, 1, 0, 2, 0], labels) == [
        ("a", "5"), ("b", "3"), ("c", "1m1s"), ("d", "1000"), ("e", "900"), ("f", "2s")]
    assert g.report(recs, [2, 2], labels) == []
    assert g.report(recs[:1], [1, 0, 0], labels) == [("d", "10"), ("e", "7"), ("f", "500ms")]
