"""JSON-line kernel: compiled == twin == the plain orjson / round() calls they stand for.

Every kernel test runs on the pure-Python twin and on the compiled kernel. Seeded random objects
(nested dicts, lists and tuples of str with escapes and non-ASCII, ints at the 64-bit edges,
floats of every kind, bools, None) and the cases each writer hands back to orjson (subclasses,
unsupported types, lone surrogates, huge ints, deep nesting) must give the same bytes or the
same exception as orjson; rounding must give the same float bit for bit as ``round``. The last
tests pin the access-log record built on the kernel to the record the handler has always written.
"""

from __future__ import annotations

import math
import random
import struct
import sys
from types import ModuleType, SimpleNamespace
from typing import Any

import orjson
import pytest

from fastgate import _native
from fastgate._native import compiled, twin

OPT = orjson.OPT_APPEND_NEWLINE


@pytest.fixture(
    params=[
        "twin",
        pytest.param(
            "compiled", marks=pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
        ),
    ]
)
def jl(request) -> ModuleType:
    if request.param == "twin":
        return twin("jsonline")
    mod = compiled("jsonline")
    # Built but not loadable is a failure, not a skip (DESIGN practice 3).
    assert mod is not None, "fastgate._native.jsonline is not built (FASTGATE_NO_EXTENSIONS unset)"
    return mod


def outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    """("ok", result) or ("raise", (exception type, message))."""
    try:
        return "ok", fn(*args)
    except Exception as e:  # noqa: BLE001 - the exception is the result compared
        return "raise", (type(e), str(e))


def same_float(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return struct.pack("<d", a) == struct.pack("<d", b) or (math.isnan(a) and math.isnan(b))
    return bool(a == b)


# ------------------------------------------------------------------------------------- generators

SPECIAL_FLOATS = [0.0, -0.0, math.inf, -math.inf, math.nan, 1e-5, -1e-5, 9.999999999999999e-6, 1e-6, 5e-324,
                  2.0**19, 2.0**19 - 2**-34, 2.0**33, 2.0**33 - 2**-20, 2.0**43, 1e16, 9999999999999998.0, 1e22,
                  1.7976931348623157e308, 0.1, 0.5, 1.0, 2.5, 1795960651.050542, 5.565e-05, 3.0000000000000004e-05]


def rand_float(rnd: random.Random) -> float:
    c = rnd.random()
    if c < 0.2:
        return struct.unpack("<d", rnd.getrandbits(64).to_bytes(8, "little"))[0]
    if c < 0.45:
        return round(rnd.uniform(0, 10.0 ** rnd.randint(-7, 17)), rnd.randint(0, 12)) * rnd.choice((1, -1))
    if c < 0.6:
        return rnd.uniform(-1e4, 1e4)
    if c < 0.75:  # what the access log holds: times in s to the µs, durations in ms to the µs
        return round(rnd.uniform(1.6e9, 2.2e9), 6) if rnd.random() < 0.5 else round(rnd.expovariate(0.01), 3)
    if c < 0.85:  # exact ties of round(x, n): k + 0.5 at 10**-n
        n = rnd.randint(0, 6)
        return (rnd.randint(0, 10**6) + 0.5) / 2 ** rnd.randint(0, 3) / 10**n
    return rnd.choice(SPECIAL_FLOATS)


def rand_str(rnd: random.Random) -> str:
    alphabet = ["a", "Z", "0", " ", "/", ":", "-", "_", '"', "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "é", "ß",
                "\u2028", "中", "😀", "\ud800"]
    weights = [30, 5, 8, 4, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.2]
    n = rnd.choice([0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 64, rnd.randint(0, 300)])
    return "".join(rnd.choices(alphabet, weights, k=n))


def rand_int(rnd: random.Random) -> int:
    return rnd.choice([0, 1, -1, 7, 99, 100, 12345, -98765, 2**31, 2**53 + 1, 2**63 - 1, -(2**63), 2**63, 2**64 - 1,
                       2**64, -(2**63) - 1, rnd.randint(-(10**6), 10**6), rnd.getrandbits(64)])


class SubStr(str):
    pass


class SubInt(int):
    pass


class SubDict(dict):
    pass


def rand_value(rnd: random.Random, depth: int = 0) -> Any:
    c = rnd.random()
    if depth < 4 and c < 0.12:
        return {rand_key(rnd): rand_value(rnd, depth + 1) for _ in range(rnd.randint(0, 6))}
    if depth < 4 and c < 0.18:
        items = [rand_value(rnd, depth + 1) for _ in range(rnd.randint(0, 5))]
        return items if rnd.random() < 0.7 else tuple(items)
    if c < 0.40:
        return rand_str(rnd)
    if c < 0.58:
        return rand_int(rnd)
    if c < 0.80:
        return rand_float(rnd)
    if c < 0.97:
        return rnd.choice([None, True, False])
    return rnd.choice([SubStr("s"), SubInt(3), SubDict(a=1), b"bytes", {1, 2}, object(), 1 + 2j])


KEYS = ["ts", "request_id", "status", "model", "pii", "limit", "a", "", "é", 'q"uote', "x" * 60]


def rand_key(rnd: random.Random) -> Any:
    c = rnd.random()
    if c < 0.6:
        return rnd.choice(KEYS)
    if c < 0.97:
        return rand_str(rnd).replace("\ud800", "")
    return rnd.choice([1, None, SubStr("k")])


# ------------------------------------------------------------------------------------- dumps_line


def test_dumps_line_matches_orjson_on_random_objects(jl):
    rnd = random.Random(1234)
    for _ in range(6000):
        obj = rand_value(rnd) if rnd.random() < 0.3 else {rand_key(rnd): rand_value(rnd) for _ in range(rnd.randint(0, 30))}
        want = outcome(lambda o: orjson.dumps(o, option=OPT), obj)
        assert outcome(jl.dumps_line, obj) == want, obj


@pytest.mark.parametrize("x", SPECIAL_FLOATS + [-x for x in SPECIAL_FLOATS])
def test_dumps_line_floats_at_the_edges(jl, x):
    assert jl.dumps_line(x) == orjson.dumps(x, option=OPT)
    assert jl.dumps_line([x]) == orjson.dumps([x], option=OPT)


def test_dumps_line_many_random_floats(jl):
    rnd = random.Random(99)
    xs = [rand_float(rnd) for _ in range(50000)]
    for i in range(0, len(xs), 100):
        chunk = xs[i:i + 100]
        assert jl.dumps_line(chunk) == orjson.dumps(chunk, option=OPT)


def test_dumps_line_errors_are_orjsons(jl):
    deep: Any = []
    for _ in range(300):
        deep = [deep]
    for bad in ({"a": "\ud800"}, {"a": 2**64}, {"a": -(2**63) - 1}, {1: "x"}, {"a": {1, 2}}, {"a": b"x"}, deep):
        want = outcome(lambda o: orjson.dumps(o, option=OPT), bad)
        assert want[0] == "raise"
        assert outcome(jl.dumps_line, bad) == want


def test_dumps_line_nesting_below_and_past_the_kernels_limit(jl):
    for depth in (150, 199, 200, 201, 250):
        obj: Any = {"leaf": 1.5}
        for i in range(depth):
            obj = {"k": obj} if i % 2 else [obj]
        assert outcome(jl.dumps_line, obj) == outcome(lambda o: orjson.dumps(o, option=OPT), obj)


def test_dumps_line_key_cache_churn_and_big_lines(jl):
    # More interned keys than the compiled kernel's key cache holds, met again and again; keys
    # that are not interned; a line past the size at which the kernel frees its buffer.
    keys = [sys.intern(f"field_{i}") for i in range(1500)]
    rnd = random.Random(7)
    for _ in range(300):
        rec = {k: rnd.randint(0, 9) for k in rnd.sample(keys, 40)}
        rec["".join(["fresh", str(rnd.random())])] = "v"
        assert jl.dumps_line(rec) == orjson.dumps(rec, option=OPT)
    big = {"body": "x" * 300_000, "esc": '"\\\n' * 50_000, "n": 1}
    assert jl.dumps_line(big) == orjson.dumps(big, option=OPT)
    assert jl.dumps_line({"after": 1}) == b'{"after":1}\n'


# ------------------------------------------------------------------------------------- round_to


def test_round_to_matches_round_bit_for_bit(jl):
    rnd = random.Random(5)
    for _ in range(200000):
        x = rand_float(rnd)
        nd = rnd.choice([0, 1, 2, 3, 3, 6, 6, 10, rnd.randint(0, 25)])
        assert same_float(jl.round_to(x, nd), round(x, nd)), (x, nd)


def test_round_to_other_arguments_are_rounds(jl):
    for x, nd in [(2.5, 0), (3.5, 0), (0.125, 2), (0.375, 2), (-0.0004, 3), (5, 2), (True, 1), (1.5, True),
                  (1.25, -1), (1e300, 5), (math.nan, 3), (math.inf, 3), (-math.inf, 0), (1.5, 10**30),
                  (1.5, -(10**30)), (2.675, 2)]:
        assert outcome(jl.round_to, x, nd)[0] == "ok"
        assert same_float(jl.round_to(x, nd), round(x, nd)), (x, nd)
    for x, nd in [(1.5, 2.0), ("1.5", 2), (1.5, "2"), (None, 1)]:
        assert outcome(jl.round_to, x, nd) == outcome(round, x, nd)


# -------------------------------------------------------------------------------- server_timing


def test_server_timing_is_the_format_it_stands_for(jl):
    """Seeded random floats of every kind (durations, ties at the third decimal, huge, negative,
    -0.0, NaN/inf, ints): the same str as the f-string ``.3f`` formatting."""
    rnd = random.Random(9)
    edge = [0.0, -0.0, 0.0005, 0.0015, 0.0625, -0.0625, 2.675, 1e-12, -1e-12, 4503599627370.4965, 2.0**52 / 1000,
            2.0**53, 1e300, math.nan, math.inf, -math.inf, 7, True]
    for i in range(100000):
        if i < len(edge) ** 2:
            g, u = edge[i % len(edge)], edge[i // len(edge)]
        else:
            g = rnd.choice([rand_float(rnd), rnd.uniform(0, 50), rnd.randint(0, 10**7) / 1000 + rnd.choice([0, 5e-4, -5e-4])])
            u = rnd.choice([rand_float(rnd), rnd.uniform(0, 500)])
        assert jl.server_timing(g, u) == f"gateway;dur={g:.3f}, upstream;dur={u:.3f}", (g, u)


# ------------------------------------------------------------------------------------- records


def reference_record(names: tuple, values: tuple, extra: Any, digits: Any) -> dict:
    rec = {}
    for name, value, nd in zip(names, values, (None,) * len(names) if digits is None else digits, strict=True):
        if value is not twin("jsonline").SKIP:
            rec[name] = value if nd is None else round(value, nd)
    if extra:
        for k, v in extra.items():
            if k[0] != "_":
                rec[k] = v
    return rec


def test_skip_is_one_object_for_both_implementations(jl):
    assert jl.SKIP is twin("jsonline").SKIP


def test_dumps_record_and_record_dict_match_the_dict_they_describe(jl):
    rnd = random.Random(11)
    pool = ["ts", "request_id", "method", "status", "duration_ms", "subject", "tenant", "cost_usd", "é-name",
            'we"ird', "x" * 60]
    for _ in range(4000):
        names = tuple(rnd.sample(pool, rnd.randint(0, len(pool))))
        values = tuple(jl.SKIP if rnd.random() < 0.2 else rand_value(rnd) for _ in names)
        digits = None if rnd.random() < 0.3 else tuple(
            rnd.choice([None, None, None, 0, 1, 3, 6, 10, 11, 15, 22, 23, -1]) if type(v) is float else None
            for v in values)
        extra: Any = None
        c = rnd.random()
        if c < 0.7:
            extra = {}
            for _ in range(rnd.randint(0, 6)):
                k = rnd.choice(["_private", "_pii", "pii", "limit", "status", "subject", "extra_1", "é"]) \
                    if rnd.random() < 0.9 else rand_key(rnd)
                extra[k] = rand_value(rnd)
        want_dict = outcome(reference_record, names, values, extra, digits)
        got_dict = outcome(jl.record_dict, names, values, extra, digits)
        assert repr(got_dict) == repr(want_dict)  # repr: NaN, -0.0 and key order count
        want = outcome(lambda *a: orjson.dumps(reference_record(*a), option=OPT), names, values, extra, digits)
        assert outcome(jl.dumps_record, names, values, extra, digits) == want, (names, values, extra, digits)


def test_dumps_record_rounds_like_round_for_every_digits(jl):
    rnd = random.Random(17)
    names = ("x", "y")
    for _ in range(60000):
        x, nd = rand_float(rnd), rnd.randint(0, 22)
        y = round(rnd.uniform(1.6e9, 2.2e9), 7)
        want = orjson.dumps({"x": round(x, nd), "y": round(y, 6)}, option=OPT)
        assert jl.dumps_record(names, (x, y), None, (nd, 6)) == want, (x, nd, y)


def test_dumps_record_edge_cases(jl):
    s = jl.SKIP
    names = ("a", "b", "c")
    cases = [
        (names, (1, s, 3), {"b": "late", "_x": 1, "d": 4}, None),  # b was skipped: it comes at the end
        (names, (1, 2, 3), {"b": "replaced", "d": 4}, None),  # b is there: replaced in place
        (names, (1.23456, 2, 3), None, (3, None, None)),
        (names, (1.5, 2, 3), None, (3, None)),  # digits of the wrong length
        (names, (1, 2), None, None),  # values of the wrong length
        (("a", "a"), (1, 2), None, None),  # a repeated name
        (names, (1, 2, 3), {"": 1}, None),  # "" has no first char: IndexError, as in the handler
        (names, (1, 2, 3), {5: 1}, None),  # non-str key
        (names, (1, 2, 3), {}, None),
        ((), (), None, None),
        ((), (), {"_only_private": 1}, None),
        (names, ("x", 2.0, s), None, (None, 0, None)),
        (names, (5, "7", None), None, (2, 2, None)),  # round() of an int keeps an int; of a str raises
        (names, (s, s, s), {"z": [1, (2, {"q": None})]}, (6, 3, 3)),
    ]
    for args in cases:
        want = outcome(lambda *a: orjson.dumps(reference_record(*a), option=OPT), *args)
        assert outcome(jl.dumps_record, *args) == want, args
        assert repr(outcome(jl.record_dict, *args)) == repr(outcome(reference_record, *args)), args


def test_a_value_that_writes_a_line_while_it_is_rounded(jl):
    class Sneaky(float):
        def __round__(self, nd: Any = None) -> Any:
            return jl.dumps_line({"inner": [1, 2]}).decode()

    got = jl.dumps_record(("a", "b"), (Sneaky(1.5), 2), {"c": 3}, (3, None))
    assert got == b'{"a":"{\\"inner\\":[1,2]}\\n","b":2,"c":3}\n'


# ------------------------------------------------------------------------------- the access-log record


def legacy_access_record(ctx: Any, route: str, status: int, total: float, now: float) -> dict[str, Any]:
    """The record exactly as Gateway._finish has always built it (its content is the contract)."""
    rec: dict[str, Any] = {
        "ts": round(now, 6),
        "request_id": ctx.request_id,
        "method": ctx.method,
        "path": ctx.path,
        "status": status,
        "route": route,
        "model": ctx.model_name,
        "provider": ctx.provider,
        "target": ctx.target,
        "attempts": ctx.attempts,
        "stream": ctx.stream,
        "bytes_in": ctx.bytes_in,
        "bytes_out": ctx.bytes_out,
        "duration_ms": round(total * 1000.0, 3),
        "upstream_ms": round(ctx.upstream_s * 1000.0, 3),
        "gateway_ms": round((total - ctx.upstream_s) * 1000.0, 3),
        "client_ip": ctx.request.remote,
        "reason": ctx.reason,
    }
    ident = ctx.identity
    if ident is not None:
        rec["subject"] = getattr(ident, "subject", None)
        rec["tenant"] = getattr(ident, "tenant", None)
    if ctx.prompt_tokens is not None:
        rec["prompt_tokens"] = ctx.prompt_tokens
        rec["completion_tokens"] = ctx.completion_tokens
        rec["tokens_source"] = ctx.tokens_source
    if ctx.cost_usd is not None:
        rec["cost_usd"] = ctx.cost_usd
    if ctx.extra:
        for k, v in ctx.extra.items():
            if k[0] != "_":
                rec[k] = v
    return rec


def test_access_record_is_the_line_the_handler_always_wrote(monkeypatch):
    from fastgate.identity.identity import Identity
    from fastgate.pipeline.context import RequestContext
    from fastgate.server import handler

    rnd = random.Random(3)
    now = [0.0]
    monkeypatch.setattr(handler, "_time", lambda: now[0])
    chains = [SimpleNamespace(log=[]), SimpleNamespace(log=[("pii", lambda ctx, rec: None)])]
    for i in range(3000):
        ctx = RequestContext(SimpleNamespace(remote=rnd.choice(["127.0.0.1", "::1", None])), None, 0.0)
        ctx.request_id, ctx.method, ctx.path = f"r-{i:x}", rnd.choice(["GET", "POST"]), rnd.choice(["/v1/x", "/a\"b"])
        ctx.route = None if rnd.random() < 0.1 else SimpleNamespace(chain=rnd.choice(chains))
        ctx.model_name = rnd.choice([None, "gpt-4o-mini", "modèle"])
        ctx.provider, ctx.target = rnd.choice([(None, None), ("bench", "http://127.0.0.1:9/v1")])
        ctx.attempts, ctx.stream = rnd.randint(0, 3), rnd.random() < 0.5
        ctx.bytes_in, ctx.bytes_out = rnd.randint(0, 10**7), rnd.randint(0, 10**7)
        ctx.upstream_s = rnd.choice([0.0, rnd.expovariate(20.0), rnd.uniform(0, 120)])
        ctx.reason = rnd.choice([None, "client_disconnected", "exception:pii:KeyError"])
        ctx.identity = rnd.choice([None, Identity("sub-1", tenant=rnd.choice([None, "t1"])),
                                   SimpleNamespace(subject="only-subject")])
        if rnd.random() < 0.6:
            ctx.prompt_tokens, ctx.completion_tokens = rnd.randint(0, 10**5), rnd.choice([None, rnd.randint(0, 10**4)])
            ctx.tokens_source = rnd.choice(["provider", "estimate"])
        ctx.cost_usd = rnd.choice([None, 0.0, round(rnd.uniform(0, 3), 10), rnd.uniform(0, 1e-3)])
        if rnd.random() < 0.8:
            ctx.extra = {"_pii": object(), "pii": {"request": {"email": 1}, "response": {}}, "limit": "allowed",
                         "limit_settled": rnd.choice(["refunded", {"tokens": 227, "usd": 5.6e-05}]),
                         "attempt_log": [{"target": "t", "status": 502, "ms": 1.25}]}
        now[0] = rnd.choice([round(rnd.uniform(1.7e9, 2.1e9), 7), rnd.uniform(1.7e9, 2.1e9)])
        total = rnd.choice([rnd.expovariate(10.0), ctx.upstream_s + rnd.expovariate(1000.0), 0.0])
        status = rnd.choice([200, 499, 502])
        want = legacy_access_record(ctx, "route-x", status, total, now[0])
        got = handler.access_record(ctx, "route-x", status, total)
        if ctx.route is not None and ctx.route.chain.log:
            assert type(got) is dict and got == want
            assert list(got) == list(want)
            for k in want:
                assert same_float(got[k], want[k]) or (type(want[k]) is not float and got[k] == want[k])
        else:
            assert got == orjson.dumps(want, option=OPT)
