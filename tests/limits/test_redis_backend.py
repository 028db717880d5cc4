"""The Redis limiter backend against a real redis-server.

RL-01 (golden table, and the script equals the GCRA twin on seeded random input), RL-06 (clock
skew: Redis TIME decides), RL-07/08/09 (down, slow: bounded wait, breaker, both failure
policies), RL-10 (NOSCRIPT), RL-11 (prefix, hash tag, TTL = reset, idle keys vanish), RL-17
(all-or-nothing, shadow group, concurrency leases), per-tick batching and cancellation.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
from conftest import free_port

from fastgate._native import twin
from fastgate.limits import limit_key
from fastgate.limits.redis_backend import SCRIPT_SHA, RedisBackend, RedisDecision, parse_redis_url

S = 1_000_000_000
US = 1000
HOUR = 3600 * S
T0_US = 1_764_000_000_000_000  # a fixed clock for replayed tables (us)


@pytest.fixture
async def rb(redis_server: str) -> AsyncIterator[RedisBackend]:
    """A backend on the session redis-server, with a key prefix of its own."""
    b = RedisBackend(redis_server + "?timeout=5", key_prefix=f"t{uuid.uuid4().hex[:10]}:")
    try:
        yield b
    finally:
        await b.aclose()


class _Redis:
    def __init__(self) -> None:
        exe = shutil.which("redis-server")
        if exe is None:
            pytest.skip("redis-server not installed")
        self.exe, self.port = exe, free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen([self.exe, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(250):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.1):
                    return
            except OSError:
                time.sleep(0.02)
        raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.kill()
            self.proc.wait(5)
            self.proc = None


@pytest.fixture
def own_redis() -> Iterator[_Redis]:
    r = _Redis()
    r.start()
    try:
        yield r
    finally:
        r.stop()


def test_url_parsing() -> None:
    u = parse_redis_url("redis://user:p%40ss@10.0.0.1:6380/3?timeout=0.05&lease_s=30")
    assert (u.host, u.port, u.db, u.username, u.password, u.tls, u.timeout_s, u.lease_s) == (
        "10.0.0.1", 6380, 3, "user", "p@ss", False, 0.05, 30.0)
    assert parse_redis_url("rediss://h").tls and parse_redis_url("rediss://h").port == 6379
    assert parse_redis_url("unix:///run/redis.sock?db=2").path == "/run/redis.sock"
    for bad in ("http://h", "redis://h?timeout=0", "redis://h?lease_s=-1"):
        with pytest.raises(ValueError):
            parse_redis_url(bad)
    with pytest.raises(ValueError):
        RedisBackend("redis://h", on_error="maybe")  # type: ignore[arg-type]


# brandur/redis-cell src/cell/mod.rs `it_rate_limits` (MIT), as data (same table as the kernel's test):
# (case, ms after start, volume, remaining, reset_after ms, retry_after ms, limited); limit 5 per 5 s.
REDIS_CELL_IT_RATE_LIMITS = [
    (0, 0, 6, 5, 0, -1, True),
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
    (12, 9500, 0, 4, 1000, -1, False),
    (13, 9500, 2, 2, 3000, -1, False),
    (14, 9500, 5, 2, 3000, 3000, True),
]


async def test_redis_cell_golden_table_in_redis(rb: RedisBackend) -> None:
    """RL-01: the script reproduces redis-cell's table, as the in-process kernel does."""
    key = b"requests:subject:golden:5000000000"
    for case, at_ms, volume, remaining, reset_ms, retry_ms, limited in REDIS_CELL_IT_RATE_LIMITS:
        d = await rb.reserve([(key, volume, 5, 5 * S)], clock_us=T0_US + at_ms * 1000)
        st = d.limits[0]
        want_retry = -1.0 if retry_ms < 0 and limited else (retry_ms / 1000 if limited else 0.0)
        assert (not d.allowed, st.remaining, st.reset_s, st.retry_after_s) == (
            limited, remaining, reset_ms / 1000, want_retry), case
        assert d.error is None


async def test_script_equals_the_gcra_twin_on_seeded_random_input(rb: RedisBackend) -> None:
    """The Lua arithmetic (us clock, exact muldiv for N not dividing W) is gcra_py's, bit for bit."""
    g = twin("gcra")
    rnd = random.Random(20261129)
    n = 0
    while n < 300:
        limit = rnd.choice([1, 3, 7, 60, 1000, 99_991, 10**6])
        w_us = rnd.choice([10**6, 7 * 10**6 + 3, 3600 * 10**6, 86_400 * 10**6 + 17, 30 * 86_400 * 10**6])
        if limit > w_us:
            continue
        n += 1
        now = T0_US + rnd.randrange(10**12)
        tat = rnd.choice([0, now - rnd.randrange(w_us), now + rnd.randrange(w_us)])
        key = b"r%d" % n
        if tat:
            await rb.command("SET", rb.key(b"t", key), tat)
        if rnd.random() < 0.7:
            cost = rnd.choice([0, 1, 2, limit, limit + 1, rnd.randrange(limit + 2)])
            d = await rb.reserve([(key, cost, limit, w_us * US)], tag=b"t", clock_us=now)
            ok, new_tat, rem, reset, retry = g.reserve(tat, now, cost, limit, w_us)
            st = d.limits[0]
            assert (d.allowed, st.remaining, st.reset_s) == (ok, rem, reset * US / 1e9)
            if not ok:
                assert d.retry_after_s == (-1.0 if retry < 0 else retry * US / 1e9)
            written = ok and new_tat != tat
        else:
            delta = rnd.randrange(-2 * limit, 2 * limit)
            rb.settle([(key, delta, limit, w_us * US)], tag=b"t", clock_us=now)
            new_tat = g.settle(tat, now, delta, limit, w_us)
            written = delta != 0 and (tat != 0 or delta > 0)  # a refund to a missing key is a no-op
        got = await rb.command("GET", rb.key(b"t", key))
        # A TAT that is idle (<= now) is not stored: the key is deleted (RL-11).
        want = (new_tat if new_tat > now else None) if written else (tat or None)
        assert (int(got) if got is not None else None) == want


async def test_all_or_nothing_shadow_group_and_concurrency_leases(rb: RedisBackend) -> None:
    """RL-17: one denial charges nothing anywhere; shadow limits never deny and are charged only
    with an admitted request; concurrency slots are leases released by settle or by expiry."""
    req = limit_key("requests", "subject", "a", HOUR)
    tok = limit_key("tokens", "subject", "a", HOUR)
    shd = limit_key("requests", "subject", "a", HOUR, "*#shadow")
    conc = limit_key("concurrency", "subject", "a")
    t = T0_US
    d = await rb.reserve([(req, 1, 10, HOUR), (tok, 150, 100, HOUR)], clock_us=t)
    assert not d.allowed and d.retry_after_s == -1.0  # 150 tokens can never fit in 100
    assert [s.retry_after_s for s in d.limits] == [0.0, -1.0]
    assert await rb.command("EXISTS", rb.key(b"_", req)) == 0  # the request limit was not charged
    # Shadow: a limit of 1 never denies; charged once, then "would deny".
    ok1 = await rb.reserve([(req, 1, 10, HOUR), (shd, 1, 1, HOUR)], shadow=1, clock_us=t)
    ok2 = await rb.reserve([(req, 1, 10, HOUR), (shd, 1, 1, HOUR)], shadow=1, clock_us=t)
    assert (ok1.allowed, ok1.shadow_allowed, ok2.allowed, ok2.shadow_allowed) == (True, True, True, False)
    assert [s.remaining for s in ok2.limits] == [8]
    # Concurrency: 2 slots; a third lease is refused and the rate limit is then not charged.
    a = await rb.reserve([(req, 1, 10, HOUR)], concurrency=[(conc, 2, False)], lease=b"L1", clock_us=t)
    b = await rb.reserve([(req, 1, 10, HOUR)], concurrency=[(conc, 2, False)], lease=b"L2", clock_us=t)
    c = await rb.reserve([(req, 1, 10, HOUR)], concurrency=[(conc, 2, False)], lease=b"L3", clock_us=t)
    assert (a.allowed, b.allowed, c.allowed, c.denied_concurrency) == (True, True, False, 0)
    assert a.in_flight == [1] and b.in_flight == [2] and c.in_flight == [2]
    assert c.limits[0].remaining == 6  # peeked, not charged by the denied request
    rb.settle([], release=[conc], lease=b"L1", clock_us=t)
    d = await rb.reserve([], concurrency=[(conc, 2, False)], lease=b"L4", clock_us=t)
    assert d.allowed
    # A gateway that died holding L2 and L4: the leases expire after lease_s.
    later = t + rb.lease_us + 1
    d = await rb.reserve([], concurrency=[(conc, 1, False)], lease=b"L5", clock_us=later)
    assert d.allowed and d.in_flight == [1]
    assert await rb.acquire(conc, 5, lease=b"L6")  # real clock (later than T0): L5 expired too
    assert await rb.in_flight(conc) == 1
    rb.release(conc, lease=b"L6")
    assert await rb.in_flight(conc) == 0


async def test_held_leases_are_renewed_until_released(redis_server: str) -> None:
    """A request that outlives lease_s (a long stream) keeps its slot: the gateway that holds the
    lease renews it every lease_s / 3; a gateway that stops (dies) stops renewing and its lease
    expires; a renewal never brings a released lease back."""
    prefix = f"t{uuid.uuid4().hex[:10]}:"
    live = RedisBackend(redis_server + "?timeout=5&lease_s=0.6", key_prefix=prefix)
    dead = RedisBackend(redis_server + "?timeout=5&lease_s=0.6", key_prefix=prefix)
    conc = limit_key("concurrency", "subject", "stream")
    other = limit_key("concurrency", "subject", "dead")
    try:
        a = await live.reserve([], concurrency=[(conc, 1, False)], lease=b"A")
        assert a.allowed
        assert await dead.acquire(other, 1, lease=b"D")
        dead.close()  # stops renewing, as a gateway that died would
        await asyncio.sleep(1.5)  # 2.5 x lease_s
        assert live.renewals >= 3
        assert await live.in_flight(conc) == 1
        b = await live.reserve([], concurrency=[(conc, 1, False)], lease=b"B")
        assert not b.allowed and b.denied_concurrency == 0  # A still holds the only slot
        assert await live.in_flight(other) == 0  # D was not renewed: it expired
        assert await live.acquire(other, 1, lease=b"E")
        live.release(conc, lease=b"A")
        live.release(other, lease=b"E")
        assert await live.in_flight(conc) == 0
        assert live._held == {}
        # The script's keep mode only moves leases that are still there (ZADD XX).
        key = live.key(b"_", conc)
        kept = await live.command(b"EVALSHA", SCRIPT_SHA, 1, key, b"k", b"", 0, 0, 1, live.lease_us, b"A")
        assert kept == 0 and await live.command(b"ZCARD", key) == 0
        await asyncio.sleep(0.5)  # nothing held: no renewal is scheduled
        n = live.renewals
        await asyncio.sleep(0.5)
        assert live.renewals == n
    finally:
        await live.aclose()
        await dead.aclose()


async def test_clock_skew_two_gateways_agree(redis_server: str) -> None:
    """RL-06: two backends whose callers' clocks are 30 s apart admit exactly L together."""
    prefix = f"t{uuid.uuid4().hex[:10]}:"
    a = RedisBackend(redis_server + "?timeout=5", key_prefix=prefix)
    b = RedisBackend(redis_server + "?timeout=5", key_prefix=prefix)
    key = limit_key("requests", "global", "", HOUR)
    try:
        now = time.time_ns()
        got = await asyncio.gather(*(
            (a.reserve([(key, 1, 50, HOUR)], now - 30 * S) if i % 2 else b.reserve([(key, 1, 50, HOUR)], now + 30 * S))
            for i in range(120)))
        assert sum(d.allowed for d in got) == 50
        # Both report the same state of the key (Redis TIME): remaining counts down 49..0.
        assert sorted(d.limits[0].remaining for d in got if d.allowed) == list(range(50))
        assert a.batches + b.batches < 120  # per-tick batching: far fewer writes than commands
    finally:
        await a.aclose()
        await b.aclose()


async def test_batching_per_tick_and_key_hygiene(rb: RedisBackend) -> None:
    """Commands issued in one tick go out in one write; keys carry the prefix and hash tag and
    expire when idle (RL-11: TTL = reset + 1 s), refunds to idle delete them."""
    keys = [limit_key("requests", "subject", f"u{i}", 60 * S) for i in range(200)]
    ds = await asyncio.gather(*(rb.reserve([(k, 1, 60, 60 * S)], tag=b"tenant-1") for k in keys))
    assert all(d.allowed for d in ds)
    assert rb.batches == 1 and rb.commands == 200
    stored = await rb.command("KEYS", rb.prefix + b"*")
    assert len(stored) == 200 and all(k.startswith(rb.prefix + b"{tenant-1}requests:subject:u") for k in stored)
    ttl = await rb.command("PTTL", rb.key(b"tenant-1", keys[0]))
    assert 1000 < ttl <= 2000  # reset after one request of 60/min is 1 s, plus the 1 s grace
    rb.settle([(k, -1, 60, 60 * S) for k in keys[:100]], tag=b"tenant-1")
    assert len(await rb.command("KEYS", rb.prefix + b"*")) == 100


async def test_noscript_after_script_flush_is_retried_once(rb: RedisBackend) -> None:
    """RL-10: Redis lost its scripts (restart, failover, SCRIPT FLUSH): EVAL reloads it."""
    key = limit_key("requests", "subject", "n", HOUR)
    assert (await rb.reserve([(key, 1, 3, HOUR)])).allowed
    await rb.command("SCRIPT", "FLUSH")
    ds = await asyncio.gather(*(rb.reserve([(key, 1, 3, HOUR)]) for _ in range(4)))
    assert [d.allowed for d in ds] == [True, True, False, False]
    assert rb.noscript_retries == 4 and rb.errors == {}
    assert (await rb.reserve([(key, 1, 3, HOUR)])).error is None
    assert rb.noscript_retries == 4  # cached again


@pytest.mark.parametrize("policy", ["deny", "allow"])
async def test_redis_down_breaker_and_failure_policy(policy: str) -> None:
    """RL-07/08: nothing listening -> decisions fail per policy; after 3 failed attempts the
    breaker answers at once without trying."""
    b = RedisBackend(f"redis://127.0.0.1:{free_port()}/0?timeout=0.5", on_error=policy,  # type: ignore[arg-type]
                     breaker_cooldown_s=30)
    key = limit_key("requests", "subject", "x", HOUR)
    try:
        first = [await b.reserve([(key, 1, 3, HOUR)]) for _ in range(3)]
        assert [d.error for d in first] == ["unavailable"] * 3
        t = time.perf_counter()
        d = await b.reserve([(key, 1, 3, HOUR)])
        assert d.error == "breaker_open" and time.perf_counter() - t < 0.4  # no connect attempt
        assert all(x.allowed == (policy == "allow") for x in [*first, d])
        if policy == "deny":
            assert d.retry_after_s >= 1.0
        assert b.breaker_state == "open"
        b.settle([(key, -1, 3, HOUR)])  # dropped, not queued, while the breaker is open
        assert b.errors["settle_dropped"] == 1
    finally:
        b.close()


async def test_slow_redis_times_out_opens_the_breaker_and_recovers(own_redis: _Redis) -> None:
    """RL-09: a stalled Redis (SIGSTOP) costs at most the timeout per batch; the breaker then
    fails fast; when Redis is back the next probe closes it."""
    b = RedisBackend(own_redis.url + "?timeout=0.2", breaker_cooldown_s=0.5)
    key = limit_key("requests", "subject", "s", HOUR)
    try:
        assert (await b.reserve([(key, 1, 100, HOUR)])).allowed
        assert own_redis.proc is not None
        own_redis.proc.send_signal(signal.SIGSTOP)
        got = [await b.reserve([(key, 1, 100, HOUR)]) for _ in range(4)]
        assert [d.error for d in got] == ["timeout", "timeout", "timeout", "breaker_open"]
        assert not any(d.allowed for d in got)  # deny by default: 503 upstream of here
        own_redis.proc.send_signal(signal.SIGCONT)
        await asyncio.sleep(0.6)
        d = await b.reserve([(key, 1, 100, HOUR)])
        assert d.allowed and d.error is None and b.breaker_state == "closed"
    finally:
        b.close()


async def test_cancelled_reserve_is_compensated(rb: RedisBackend) -> None:
    """A caller that stops waiting (client disconnect) after the command was sent does not leak
    a charge or a lease: the reply finds the future cancelled and a refund goes out."""
    req = limit_key("requests", "subject", "c", HOUR)
    conc = limit_key("concurrency", "subject", "c")
    task = asyncio.create_task(rb.reserve([(req, 1, 5, HOUR)], concurrency=[(conc, 1, False)], lease=b"Lc"))
    await asyncio.sleep(0)  # the command is queued for this tick
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    for _ in range(100):
        if rb.compensations:
            break
        await asyncio.sleep(0.01)
    assert rb.compensations == 1
    await rb.command("PING")  # the refund went out before this (one connection, in order)
    assert await rb.command("EXISTS", rb.key(b"_", req), rb.key(b"_", conc)) == 0
    d = await rb.reserve([(req, 1, 5, HOUR)], concurrency=[(conc, 1, False)], lease=b"Ld")
    assert d.allowed and d.limits[0].remaining == 4 and isinstance(d, RedisDecision)


async def test_password_and_db_handshake(own_redis: _Redis) -> None:
    b0 = RedisBackend(own_redis.url)
    try:
        await b0.command("CONFIG", "SET", "requirepass", "s3cret")
    finally:
        b0.close()
    good = RedisBackend(f"redis://:s3cret@127.0.0.1:{own_redis.port}/2?timeout=2")
    bad = RedisBackend(f"redis://:wrong@127.0.0.1:{own_redis.port}/0?timeout=2")
    key = limit_key("requests", "subject", "p", HOUR)
    try:
        assert (await good.reserve([(key, 1, 5, HOUR)])).allowed
        assert await good.command("DBSIZE") == 1
        d = await bad.reserve([(key, 1, 5, HOUR)])
        assert d.error == "unavailable" and not d.allowed
    finally:
        good.close()
        bad.close()
    assert os.environ.get("FASTGATE_SHM_TABLE") is None


async def test_other_redis_users_take_the_limiters_url_without_its_options(redis_server: str, tmp_path) -> None:
    """The usage ledger, subscriptions and the response cache default to ``rate_limit.redis_url``;
    its limiter-only ``?timeout=`` / ``?lease_s=`` must not reach redis-py (which fails every
    command on them: the ledger's rows piled up in memory, unflushed). Real Redis, real clients."""
    import redis.asyncio as aioredis

    from fastgate.config import load_config_text
    from fastgate.governance.subscriptions import store_key
    from fastgate.limits.redis_backend import shared_redis_url
    from fastgate.observability.usage import UsageLedger
    from fastgate.server.worker import ledger_store
    from fastgate.stages.cache import CacheRuntime

    assert shared_redis_url("redis://h:1/2") == "redis://h:1/2"
    assert shared_redis_url("redis://u:p@h:1/2?timeout=0.5&socket_timeout=3&lease_s=9") == \
        "redis://u:p@h:1/2?socket_timeout=3"
    assert shared_redis_url("unix:///run/r.sock?db=3&lease_s=60") == "unix:///run/r.sock?db=3"

    url = redis_server + "?timeout=0.5&lease_s=60"
    cfg = load_config_text(f"""
rate_limit: {{backend: redis, redis_url: "{url}"}}
cache: {{backend: redis}}
""", "<test>")
    store = ledger_store(cfg)
    assert store is not None and store["url"] == redis_server
    assert store_key(cfg)[1] == redis_server
    prefix = f"t{uuid.uuid4().hex[:8]}:usage:"
    ledger = UsageLedger(str(tmp_path / "u.db"), 60.0, redis_url=store["url"], key_prefix=prefix)
    ledger.record("acme", "alice", "gpt-4o-mini", 10, 5, 0.25)
    assert await ledger.aflush() == 1
    r = aioredis.from_url(redis_server)
    try:
        keys = [k async for k in r.scan_iter(match=prefix + "*")]
        assert len(keys) == 1 and await r.hlen(keys[0]) > 0
    finally:
        await r.aclose()
    cache = CacheRuntime(cfg)
    assert await cache.backend.client.ping()


def _cluster_hashed(key: bytes) -> bytes:
    """The part of a key Redis Cluster hashes to pick its slot (the cluster spec's hash-tag rule)."""
    s = key.find(b"{")
    if s >= 0:
        e = key.find(b"}", s + 1)
        if e > s + 1:
            return key[s + 1:e]
    return key


async def test_keys_of_one_script_share_a_cluster_slot_in_every_scope(rb: RedisBackend, redis_server: str) -> None:
    """Every key one script touches hashes to the same Cluster slot, the global scope's (empty tag)
    included: an empty ``{}`` would make Cluster hash each whole key (CROSSSLOT)."""
    import redis.asyncio as aioredis

    r = aioredis.from_url(redis_server)
    try:
        for tag in (b"", b"acme", b"p:plan"):
            before = {k async for k in r.scan_iter(match=rb.prefix.decode() + "*")}
            keys = [limit_key("requests", "global", tag.decode(), HOUR, None),
                    limit_key("tokens", "global", tag.decode(), HOUR, None)]
            d = await rb.reserve([(keys[0], 1, 10, HOUR), (keys[1], 5, 1000, HOUR)], tag=tag,
                                 concurrency=[(b"c:" + tag, 2, False)], lease=b"L" + tag)
            assert d.allowed
            new = {k async for k in r.scan_iter(match=rb.prefix.decode() + "*")} - before
            assert len(new) == 3, new
            assert len({_cluster_hashed(k) for k in new}) == 1, new
            assert _cluster_hashed(rb.key(tag, keys[0])) == (tag or b"*")
    finally:
        await r.aclose()
