"""Per-request metrics kernel (issue #8): compiled == twin, and record_request == the per-family calls.

Every test runs on the pure-Python twin and on the compiled kernel. The last tests replay seeded
random request streams through both implementations (identical sinks, floats bit for bit) and
through the registry's old per-family API (``Counter.inc``, ``Histogram.observe``,
``observe_genai``): same series, same counts, sums equal up to float association order.
"""

from __future__ import annotations

import math
import random
from types import ModuleType
from typing import Any

import pytest

from fastgate import _native
from fastgate._native import compiled, twin
from fastgate.observability.metrics import (
    GENAI_DURATION_BUCKETS,
    GENAI_TOKEN_BUCKETS,
    GENAI_TTFT_BUCKETS,
    LATENCY_BUCKETS,
    Registry,
    attempt_labels,
    genai_error_type,
    merge,
    render,
    request_labels,
)

BOUNDS = (LATENCY_BUCKETS, GENAI_TOKEN_BUCKETS, GENAI_DURATION_BUCKETS, GENAI_TTFT_BUCKETS)


def _compiled_or_fail() -> ModuleType:
    mod = compiled("metrics")
    # Built but not loadable is a failure, not a skip (DESIGN practice 3).
    assert mod is not None, "fastgate._native.metrics is not built (FASTGATE_NO_EXTENSIONS unset)"
    return mod


@pytest.fixture(
    params=[
        "twin",
        pytest.param(
            "compiled", marks=pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
        ),
    ]
)
def k(request: pytest.FixtureRequest) -> ModuleType:
    return twin("metrics") if request.param == "twin" else _compiled_or_fail()


class Prov:
    __slots__ = ("type",)

    def __init__(self, type: str) -> None:
        self.type = type


PROVIDERS = {"oa": Prov("openai"), "an": Prov("anthropic")}


def rows(k: ModuleType) -> Any:
    return k.RequestRows(*BOUNDS, request_labels)


def sinks(genai: bool = True) -> list[dict | None]:
    out: list[dict | None] = [{} for _ in range(10)]
    if not genai:
        out[7] = out[8] = out[9] = None
    return out


def test_selector_picks_compiled_when_built() -> None:
    if _native.NO_EXTENSIONS:
        assert _native.kernel("metrics") is twin("metrics")
    else:
        assert _native.kernel("metrics") is _compiled_or_fail()
        assert _native.is_accelerated("metrics")


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_constants_agree() -> None:
    c, t = _compiled_or_fail(), twin("metrics")
    assert sorted(c.__all__) == sorted(t.__all__)
    for name in t.__all__:
        if name.isupper():
            assert getattr(c, name) == getattr(t, name), name


def test_one_llm_call_fills_every_family(k: ModuleType) -> None:
    r = rows(k)
    r.record("/v1/chat/completions", "gpt", 200, 0.3, 0.25, 1, "chat", "oa", PROVIDERS, 0.004, 812, 164, 0.0002)
    assert len(r) == 1 and r.genai_seen
    s = sinks()
    r.flush(s)
    req, dur, up, ovh, ttft, tok, cost, gtok, gdur, gttft = s
    assert req == {("/v1/chat/completions", "gpt", 200): 1}
    lat = [0] * 19 + [0.0]
    row = list(lat)
    row[LATENCY_BUCKETS.index(0.5)] = 1  # 0.3 s -> the le=0.5 bucket
    row[-1] = 0.3
    assert dur == {("/v1/chat/completions",): row}
    assert up[("/v1/chat/completions",)][LATENCY_BUCKETS.index(0.25)] == 1  # == a bound: that bucket
    assert ovh[("/v1/chat/completions",)][LATENCY_BUCKETS.index(0.05)] == 1
    assert ovh[("/v1/chat/completions",)][-1] == 0.3 - 0.25
    assert ttft == {("gpt",): ttft[("gpt",)]} and ttft[("gpt",)][LATENCY_BUCKETS.index(0.005)] == 1
    assert tok == {("gpt", "input"): 812, ("gpt", "output"): 164}
    assert type(tok[("gpt", "input")]) is int
    assert cost == {("gpt",): 0.0002}
    base = ("chat", "openai", "openai", "gpt")
    assert set(gtok) == {(*base, "input"), (*base, "output")}
    assert gtok[(*base, "input")][GENAI_TOKEN_BUCKETS.index(1024)] == 1 and gtok[(*base, "input")][-1] == 812.0
    assert set(gdur) == {(*base, "")} and gdur[(*base, "")][GENAI_DURATION_BUCKETS.index(0.32)] == 1
    assert set(gttft) == {base} and gttft[base][GENAI_TTFT_BUCKETS.index(0.005)] == 1
    # flushed: nothing pending, a second flush adds nothing
    before = [dict(x) if x is not None else None for x in s]
    r.flush(s)
    assert s == before


def test_counts_are_ints_and_sums_floats(k: ModuleType) -> None:
    r = rows(k)
    r.record("r", "m", 200, 1, 0, 1, "chat", "oa", PROVIDERS, 0, 7, 0, 0.0)
    s = sinks()
    r.flush(s)
    assert all(type(v) is int for v in s[0].values())
    for hist in (s[1], s[2], s[3], s[7], s[8]):
        for v in hist.values():
            assert all(type(c) is int for c in v[:-1]) and type(v[-1]) is float
    # a 0-token output and a 0.0 cost still make their series (as Counter.inc(key, 0) did)
    assert s[5] == {("m", "input"): 7, ("m", "output"): 0} and s[6] == {("m",): 0.0}


def test_what_is_recorded_depends_on_the_call(k: ModuleType) -> None:
    r = rows(k)
    # a 404: no route, no model, no upstream -> requests, duration, overhead only
    r.record("-", None, 404, 0.0001, 0.0, 0, "chat", None, PROVIDERS, 0.0, None, None, None)
    # a generic route that reached its upstream: + upstream, no GenAI (no model)
    r.record("api", None, 200, 0.01, 0.008, 1, "route", "api", PROVIDERS, 0.0, None, None, None)
    # an LLM endpoint answered from cache: no attempts -> no GenAI, no upstream
    r.record("/v1/chat/completions", "gpt", 200, 0.001, 0.0, 0, "chat", None, PROVIDERS, 0.0, None, None, None)
    assert not r.genai_seen
    s = sinks(genai=False)
    r.flush(s)
    assert s[0] == {("-", "", 404): 1, ("api", "", 200): 1, ("/v1/chat/completions", "gpt", 200): 1}
    assert set(s[1]) == set(s[3]) == {("-",), ("api",), ("/v1/chat/completions",)}
    assert set(s[2]) == {("api",)}
    assert s[4] == s[5] == s[6] == {}


def test_provider_type_and_error_type_labels(k: ModuleType) -> None:
    r = rows(k)
    r.record("/v1/messages", "claude", 200, 1.0, 0.9, 2, "messages", "an", PROVIDERS, 0.0, 10, 5, 0.0)
    r.record("/v1/completions", "gpt", 502, 1.0, 0.9, 1, "completions", "oa", PROVIDERS, 0.0, None, None, None)
    r.record("/v1/embeddings", "emb", 499, 1.0, 0.9, 1, "embeddings", "gone", PROVIDERS, 0.0, 3, None, 0.0)
    s = sinks()
    r.flush(s)
    assert set(s[8]) == {
        ("chat", "anthropic", "anthropic", "claude", ""),
        ("text_completion", "openai", "openai", "gpt", "502"),
        # a provider name the world does not know: the default type
        ("embeddings", "openai", "openai", "emb", "client_disconnected"),
    }
    assert genai_error_type(200) == "" and genai_error_type(429) == "429" and genai_error_type(499) == "client_disconnected"


def test_bucket_edges(k: ModuleType) -> None:
    r = rows(k)
    for v in (0.0, LATENCY_BUCKETS[0], math.nextafter(LATENCY_BUCKETS[0], 1.0), 60.0, 61.0, math.inf, math.nan, -1.0):
        r.record("r", "m", 200, v, 0.0, 0, "chat", None, None, 0.0, None, None, None)
    s = sinks(genai=False)
    r.flush(s)
    counts = s[1][("r",)]
    assert counts[0] == 4  # 0.0, == first bound, NaN (bisect_left puts it first), -1.0
    assert counts[1] == 1
    assert counts[LATENCY_BUCKETS.index(60.0)] == 1
    assert counts[len(LATENCY_BUCKETS)] == 2  # +Inf: 61 and inf


def test_bad_arguments_raise_before_anything_changes(k: ModuleType) -> None:
    r = rows(k)
    ok = ("r", "m", 200, 0.1, 0.05, 1, "chat", "oa", PROVIDERS, 0.0, 1, 1, 0.0)
    r.record(*ok)
    bad_calls = [
        {0: ["unhashable"]},
        {3: "0.1"},
        {10: 1.5},  # token counts are ints
        {11: "3"},
        {10: 1 << 64},
        {12: "free"},
    ]
    for change in bad_calls:
        args = list(ok)
        for i, v in change.items():
            args[i] = v
        with pytest.raises((TypeError, OverflowError)):
            r.record(*args)
    s = sinks()
    r.flush(s)
    assert s[0] == {("r", "m", 200): 1} and s[5] == {("m", "input"): 1, ("m", "output"): 1}
    assert len(r) == 1


def test_flush_needs_genai_sinks_once_genai_was_recorded(k: ModuleType) -> None:
    r = rows(k)
    r.record("r", "m", 200, 0.1, 0.05, 1, "chat", "oa", PROVIDERS, 0.0, 1, 1, 0.0)
    with pytest.raises(ValueError):
        r.flush(sinks(genai=False))
    with pytest.raises(ValueError):
        r.flush([{}] * 3)


def test_labels_of_and_bounds_are_checked(k: ModuleType) -> None:
    with pytest.raises(ValueError):
        k.RequestRows((1.0, 0.5), *BOUNDS[1:], request_labels)
    with pytest.raises(ValueError):
        k.RequestRows(tuple(range(1, 40)), *BOUNDS[1:], request_labels)
    r = k.RequestRows(*BOUNDS, lambda *key: ((),))
    with pytest.raises(ValueError):
        r.record("r", "m", 200, 0.1, 0.0, 0, "chat", None, None, 0.0, None, None, None)


def test_equal_keys_share_a_row_many_rows_grow_the_table(k: ModuleType) -> None:
    r = rows(k)
    n = 3000
    for _rep in range(2):
        for i in range(n):
            # a new str object each time (as a parsed request body gives): equal, not identical
            model = "".join(["model-", str(i)])
            r.record(f"/route/{i % 7}", model, 200 + (i % 3), 0.01, 0.0, 0, "chat", None, None, 0.0, None, None, None)
    assert len(r) == n
    s = sinks(genai=False)
    r.flush(s)
    assert len(s[0]) == n and set(s[0].values()) == {2}
    # 200 and 200.0 are equal keys (one row, labelled by the first), as in a dict
    r2 = rows(k)
    r2.record("r", "m", 200, 0.1, 0.0, 0, "chat", None, None, 0.0, None, None, None)
    r2.record("r", "m", 200.0, 0.1, 0.0, 0, "chat", None, None, 0.0, None, None, None)
    assert len(r2) == 1


def test_counter3(k: ModuleType) -> None:
    c = k.Counter3(attempt_labels)
    for _ in range(3):
        c.inc("openai", "http://a", 200)
    c.inc("openai", "http://a", "200")  # another cell, the same label: they add up
    c.inc("openai", "http://a", "UpstreamTimeout")
    assert len(c) == 3
    sink: dict = {("openai", "http://a", "200"): 10}
    c.flush(sink)
    assert sink == {("openai", "http://a", "200"): 14, ("openai", "http://a", "UpstreamTimeout"): 1}
    c.flush(sink)
    assert sink[("openai", "http://a", "200")] == 14
    with pytest.raises(TypeError):
        c.inc("openai", ["x"], 200)
    for i in range(500):
        c.inc("p", f"t{i}", 500 + i % 4)
    sink = {}
    c.flush(sink)
    assert sum(sink.values()) == 500 and len(c) == 503


# ------------------------------------------------------------------------------- random streams

MODELS = [None, "", "gpt-4o-mini", "claude-haiku", "emb"]
ROUTES = ["-", "/v1/chat/completions", "/v1/messages", "/v1/embeddings", "api"]
KINDS = {"-": "chat", "/v1/chat/completions": "chat", "/v1/messages": "messages", "/v1/embeddings": "embeddings",
         "api": "route"}


def random_calls(seed: int, n: int) -> list[tuple]:
    rnd = random.Random(seed)
    calls = []
    for _ in range(n):
        route = rnd.choice(ROUTES)
        model = rnd.choice(MODELS)
        attempts = rnd.choice([0, 1, 1, 1, 2])
        provider = rnd.choice([None, "oa", "an", "unknown"]) if attempts else None
        total = rnd.choice([rnd.random() * 0.002, rnd.random() * 3, rnd.expovariate(0.1), 0.25])
        up = total * rnd.random() if attempts else 0.0
        stream = attempts and rnd.random() < 0.4
        ttft = up * rnd.random() if stream else 0.0
        settled = attempts and model is not None and rnd.random() < 0.8
        tin = rnd.choice([0, 5, 812, 70000, 10**8]) if settled else None
        tout = rnd.choice([0, 1, 164, 5000]) if settled else None
        cost = round(rnd.random() / 1000, 10) if settled else None
        status = rnd.choice([200, 200, 200, 400, 429, 499, 500, 502])
        calls.append((route, model, status, total, up, attempts, KINDS[route], provider, PROVIDERS, ttft, tin, tout,
                      cost))
    return calls


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_twin_on_random_streams(seed: int) -> None:
    c, t = rows(_compiled_or_fail()), rows(twin("metrics"))
    sc, st = sinks(), sinks()
    rnd = random.Random(seed + 100)
    for call in random_calls(seed, 3000):
        c.record(*call)
        t.record(*call)
        if rnd.random() < 0.01:
            c.flush(sc)
            t.flush(st)
    c.flush(sc)
    t.flush(st)
    assert len(c) == len(t) and c.genai_seen == t.genai_seen
    # ==, not approx: the same additions in the same order, floats bit for bit
    assert sc == st
    for a, b in zip(sc, st, strict=True):
        assert list(a or ()) == list(b or ())  # same series, same creation order
        for key in a or ():
            assert repr(a[key]) == repr(b[key])  # int stays int, float stays float


def old_per_family(m: Registry, route, model, status, total, up, attempts, kind, provider, providers, ttft, tin,
                   tout, cost) -> None:
    """What the gateway did before record_request (handler + usage stage), line for line."""
    if ttft and model is not None:
        m.ttft.observe((model,), ttft)  # _relay_stream
    if tin is not None:  # usage stage
        name = model or ""
        m.tokens.inc((name, "input"), tin)
        m.tokens.inc((name, "output"), tout)
        m.cost.inc((name,), cost)
    m.requests.inc((route, model or "", status))  # Gateway._finish
    m.duration.observe((route,), total)
    if attempts:
        m.upstream.observe((route,), up)
        if model is not None and provider is not None:
            prov = providers.get(provider)
            m.observe_genai(kind, prov.type if prov is not None else "openai", model, up, ttft, tin, tout,
                            None if status < 400 else ("client_disconnected" if status == 499 else str(status)))
    m.overhead.observe((route,), total - up)


def _approx(snap: dict) -> dict:
    out = {}
    for name, fam in snap.items():
        vals = {}
        for labels, v in fam["values"]:
            if isinstance(v, list):
                vals[tuple(labels)] = [*v[:-1], pytest.approx(v[-1], rel=1e-9, abs=1e-12)]
            else:
                vals[tuple(labels)] = pytest.approx(v, rel=1e-9, abs=1e-12) if isinstance(v, float) else v
        out[name] = {**{k: v for k, v in fam.items() if k != "values"}, "values": vals}
    return out


@pytest.mark.parametrize("seed", range(3))
def test_record_request_equals_the_per_family_calls(k: ModuleType, seed: int) -> None:
    old, new = Registry(), Registry()
    new._rows = rows(k)
    new.record_request = new._rows.record  # type: ignore[method-assign]
    new._attempt_cells = k.Counter3(attempt_labels)
    new.count_attempt = new._attempt_cells.inc  # type: ignore[method-assign]
    for call in random_calls(seed, 2000):
        old_per_family(old, *call)
        new.record_request(*call)
        if call[5]:
            old.attempts.inc((call[7] or "p", "http://t", str(call[2])))
            new.count_attempt(call[7] or "p", "http://t", call[2])
    a, b = old.snapshot(), new.snapshot()
    assert list(a) == list(b)  # the same families, declared in the same order
    assert _approx(a) == _approx(b)  # same series and counts; sums up to float association order
    # and what /metrics serves parses to the same families and samples
    from prometheus_client.parser import text_string_to_metric_families

    def samples(text: str) -> dict:
        return {(s.name, tuple(sorted(s.labels.items()))): s.value
                for f in text_string_to_metric_families(text) for s in f.samples}

    sa, sb = samples(render(merge([a, a]))), samples(render(merge([b, b])))
    assert sa.keys() == sb.keys()
    for key, v in sa.items():
        assert sb[key] == pytest.approx(v, rel=1e-9, abs=1e-12), key


# ------------------------------------------------------------------------------- stage-owned counters


def test_cell_and_cells(k: ModuleType) -> None:
    cells = k.Cells()
    allowed = cells.cell(("allowed",))
    assert cells.cell(("allowed",)) is allowed and len(cells) == 1
    for _ in range(5):
        allowed.inc()
    allowed.add(3)
    cells.inc(("allowed",))
    cells.inc(("denied",), 2)
    cells.inc(("cost",), 0.25)
    cells.inc(("cost",), 1)
    sink: dict = {("denied",): 10}
    cells.flush(sink)
    assert sink == {("allowed",): 9, ("denied",): 12, ("cost",): 1.25}
    assert type(sink[("allowed",)]) is int and type(sink[("cost",)]) is float
    cells.flush(sink)  # nothing pending: nothing changes, nothing is added as 0
    assert sink == {("allowed",): 9, ("denied",): 12, ("cost",): 1.25}
    assert allowed.take() == 0
    allowed.inc()
    assert allowed.take() == 1 and allowed.take() == 0
    with pytest.raises(TypeError):
        cells.inc("allowed")  # a key is a label tuple
    with pytest.raises(TypeError):
        cells.cell(["allowed"])
    with pytest.raises(TypeError):
        allowed.add("1")
    with pytest.raises(OverflowError):
        allowed.add(1 << 64)
    assert len(cells) == 3


def test_add_counts(k: ModuleType) -> None:
    cells = {"email": k.Cell(), "phone": k.Cell()}
    assert k.add_counts(cells, {}) is None
    assert k.add_counts(cells, {"email": 2, "phone": 1}) is None
    assert k.add_counts(cells, {"ssn": 4, "email": 1, "iban": 1}) == ["ssn", "iban"]
    assert cells["email"].take() == 3 and cells["phone"].take() == 1
    with pytest.raises(TypeError):
        k.add_counts(cells, {"email": 1.5})


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
@pytest.mark.parametrize("seed", range(3))
def test_cells_compiled_equals_twin_on_random_ops(seed: int) -> None:
    kc, kt = _compiled_or_fail(), twin("metrics")
    c, t = kc.Cells(), kt.Cells()
    sc: dict = {}
    st: dict = {}
    keys = [("allowed",), ("denied",), ("request", "email"), ("response", "phone"), ("r", "sqli", "blocked")]
    held_c = {key: c.cell(key) for key in keys[:2]}
    held_t = {key: t.cell(key) for key in keys[:2]}
    by_name_c = {"email": kc.Cell(), "phone": kc.Cell()}
    by_name_t = {"email": kt.Cell(), "phone": kt.Cell()}
    rnd = random.Random(seed)
    for _ in range(5000):
        op = rnd.random()
        key = rnd.choice(keys)
        if op < 0.4:
            n = rnd.choice([1, 1, 2, 7, 0.5, 1e-3, 0])
            c.inc(key, n)
            t.inc(key, n)
        elif op < 0.7:
            hk = rnd.choice(keys[:2])
            held_c[hk].inc()
            held_t[hk].inc()
        elif op < 0.9:
            counts = {name: rnd.randint(0, 3) for name in rnd.sample(["email", "phone", "iban"], rnd.randint(0, 3))}
            assert kc.add_counts(by_name_c, counts) == kt.add_counts(by_name_t, counts)
        else:
            c.flush(sc)
            t.flush(st)
    c.flush(sc)
    t.flush(st)
    assert list(sc) == list(st)
    assert {key: repr(v) for key, v in sc.items()} == {key: repr(v) for key, v in st.items()}
    assert {n: x.take() for n, x in by_name_c.items()} == {n: x.take() for n, x in by_name_t.items()}


def test_counter_values_include_pending_increments() -> None:
    m = Registry()
    fam = m.counter("fastgate_test_total", "t", ("decision",))
    allowed = fam.cell(("allowed",))
    allowed.inc()
    fam.inc(("allowed",))
    fam.inc(("denied",), 3)
    assert fam.values == {("allowed",): 2, ("denied",): 3}  # reading flushes
    allowed.inc()
    snap = m.snapshot()["fastgate_test_total"]
    assert dict((tuple(lv[0]), lv[1]) for lv in snap["values"]) == {("allowed",): 3, ("denied",): 3}
    assert 'fastgate_test_total{decision="allowed"} 3' in render(merge([m.snapshot()]))
    g = m.gauge("fastgate_test_gauge", "g", ())
    g.inc(())
    g.set((), 7)  # a set wins over an increment made before it
    assert g.values == {(): 7}
