"""Circuit breaker and retry budget (upstream/health.py) driven by an explicit clock."""

from __future__ import annotations

import pytest

from fastgate.upstream.health import CLOSED, HALF_OPEN, OPEN, Breaker, RetryBudget


class Clock:
    def __init__(self, t: float = 1000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def make(**kw) -> tuple[Breaker, Clock, list[str]]:
    clock = Clock()
    seen: list[str] = []
    params = dict(consecutive_failures=3, failure_ratio=0.5, min_requests=10, window_s=10, cooldown_s=5)
    params.update(kw)
    return Breaker(clock=clock, on_transition=seen.append, **params), clock, seen


def test_consecutive_failures_open_then_half_open_probe_closes() -> None:
    b, clock, seen = make()
    for _ in range(2):
        assert b.acquire()
        b.record(False)
    assert b.state == CLOSED
    b.record(True)  # a success resets the streak
    for _ in range(3):
        b.record(False)
    assert b.state == OPEN and not b.available() and not b.acquire()
    assert b.retry_after() == pytest.approx(5.0)
    clock.t += 4.9
    assert not b.available() and b.retry_after() == pytest.approx(0.1)
    clock.t += 0.1
    assert b.available()
    assert b.acquire() and b.state == HALF_OPEN
    # exactly one probe at a time
    assert not b.available() and not b.acquire()
    b.record(True)
    assert b.state == CLOSED and b.available()
    assert seen == [OPEN, HALF_OPEN, CLOSED]


def test_failed_probe_reopens_for_a_new_cooldown() -> None:
    b, clock, seen = make()
    for _ in range(3):
        b.record(False)
    clock.t += 5
    assert b.acquire()
    b.record(False)
    assert b.state == OPEN and b.retry_after() == pytest.approx(5.0)
    clock.t += 5
    assert b.acquire()
    b.record(True)
    assert seen == [OPEN, HALF_OPEN, OPEN, HALF_OPEN, CLOSED]


def test_lost_probe_is_replaced_after_a_cooldown_and_release_gives_it_back() -> None:
    b, clock, _ = make()
    for _ in range(3):
        b.record(False)
    clock.t += 5
    assert b.acquire()
    assert not b.acquire()
    b.release()  # claimed but never sent
    assert b.acquire()
    clock.t += 5  # the probe's caller went away without an outcome
    assert b.acquire()


def test_failure_ratio_over_the_window_needs_min_requests() -> None:
    b, clock, _ = make(consecutive_failures=100)
    # alternate: 50 % failures, never 3 in a row
    for i in range(9):
        b.record(i % 2 == 0)
        clock.t += 0.3
    assert b.state == CLOSED  # 9 < min_requests
    b.record(False)  # 10 calls, 5 failures
    assert b.state == OPEN


def test_failure_ratio_forgets_old_seconds() -> None:
    b, clock, _ = make(consecutive_failures=100)
    for _ in range(6):
        b.record(False)
        b.record(True)
    clock.t += 30  # the whole window went by
    for _ in range(9):
        b.record(True)
    b.record(False)
    assert b.state == CLOSED  # 1 failure in 10 recent calls


def test_forced_down_by_active_check_stays_open_until_a_check_passes() -> None:
    b, clock, seen = make()
    b.force(False)
    assert b.state == OPEN
    clock.t += 60
    assert not b.available()  # the cooldown does not reopen a target the checker says is down
    b.force(True)
    assert b.state == CLOSED and b.available()
    assert seen == [OPEN, CLOSED]


def test_retry_budget_caps_retries_to_a_share_of_requests() -> None:
    clock = Clock()
    rb = RetryBudget(ratio=0.2, min_per_s=0.0, cap=2.0, clock=clock)
    # the initial burst
    assert rb.spend() and rb.spend() and not rb.spend()
    allowed = 0
    for _ in range(100):
        rb.deposit()
        if rb.spend():
            allowed += 1
    assert allowed == 20


def test_retry_budget_floor_per_second() -> None:
    clock = Clock()
    rb = RetryBudget(ratio=0.0, min_per_s=2.0, cap=5.0, clock=clock)
    while rb.spend():
        pass
    clock.t += 1.0
    assert rb.spend() and rb.spend() and not rb.spend()
    clock.t += 100  # capped at the burst
    assert sum(rb.spend() for _ in range(10)) == 5
