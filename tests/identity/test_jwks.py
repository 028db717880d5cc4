"""JWKS key store and the auth runtime against a real IdP over loopback HTTP (catalogue §2, JWKS-*).

The stage is driven directly with a minimal request context (real headers, real tokens, real
HTTP fetches) so floods of 1 000 tokens stay fast; the gateway-level halves are in
``tests/integration/test_auth.py``.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import time
from typing import Any

import pytest
from identity.idp import MockIdP, rsa_key
from multidict import CIMultiDict, CIMultiDictProxy

from fastgate.config import load_config_text
from fastgate.config.schema import JWTProvider
from fastgate.identity.jwks import JWKSError, KeyStore, parse_cache_control, parse_jwks
from fastgate.identity.tokencache import TokenCache
from fastgate.pipeline.stage import Reply
from fastgate.stages.auth import Authenticate, AuthRuntime


@pytest.fixture
async def idp():
    p = await MockIdP().start()
    p.add_key("k1")
    try:
        yield p
    finally:
        await p.stop()


def runtime_for(idp: MockIdP, **jwt: Any) -> AuthRuntime:
    opts = {"jwks_uri": idp.url + "/jwks", "jwks_cache_s": 300, "jwks_refetch_cooldown_s": 30,
            "jwks_max_stale_s": 86400}
    opts.update(jwt)
    lines = "\n".join(f"      {k}: {v!r}" if isinstance(v, str) else f"      {k}: {v}" for k, v in opts.items() if v is not None)
    text = f"""
auth:
  jwt:
    - issuer: "{idp.issuer}"
      audiences: ["api://fastgate"]
{lines}
"""
    return AuthRuntime(load_config_text(text, "<test>"))


class Req:
    def __init__(self, headers: dict[str, str]) -> None:
        self.headers = CIMultiDictProxy(CIMultiDict(headers))
        self.raw_headers = tuple((k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items())


class Ctx:
    def __init__(self, token: str | None = None, headers: dict[str, str] | None = None) -> None:
        h = dict(headers or {})
        if token is not None:
            h["Authorization"] = f"Bearer {token}"
        self.request = Req(h)
        self.identity = None
        self.reason = None


async def run_stage(stage: Authenticate, ctx: Ctx) -> Reply | None:
    r = stage.on_request(ctx)
    if r is not None and type(r) is not Reply:
        r = await r
    return r


async def until(cond, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise AssertionError("condition not reached")
        await asyncio.sleep(0.01)


# ------------------------------------------------------------------------------------------------
# parsing


def test_JWKS_10_malformed_keys_skipped_siblings_work() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    from fastgate.devkeys import public_jwk

    good = public_jwk(ec.generate_private_key(ec.SECP256R1()), kid="good")
    small = public_jwk(rsa.generate_private_key(public_exponent=65537, key_size=1024), kid="small")
    priv = dict(good, kid="priv", d="AAAA")
    enc = dict(good, kid="enc", use="enc")
    doc = {"keys": [
        {"kty": "oct", "k": "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0", "kid": "hmac"},  # never from a JWKS
        {"kid": "nokty"},
        {"kty": "RSA", "kid": "no-n", "e": "AQAB"},
        {"kty": "EC", "crv": "P-256", "x": "AAAA", "y": "AAAA", "kid": "bad-ec"},
        {"kty": "OKP", "crv": "Ed25519", "x": "AAAA", "kid": "bad-okp"},
        small, priv, enc, "not-an-object",
        dict(good, kid="wrong-alg", alg="ES384"),
        good,
    ]}
    keys = parse_jwks(doc, {"RS256", "ES256"})
    assert [k.kid for k in keys] == ["good"]
    with pytest.raises(JWKSError, match="no usable key"):
        parse_jwks({"keys": [{"kty": "oct", "k": "AAAA"}]}, {"RS256"})
    for bad in ({}, {"keys": {}}, [], "html"):
        with pytest.raises(JWKSError):
            parse_jwks(bad, {"RS256"})


def test_JWKS_02_cache_control_parsing_and_clamp() -> None:
    from fastgate.identity.jwks import _clamp_ttl

    assert parse_cache_control("public, max-age=3600") == (3600.0, False)
    assert parse_cache_control("no-cache") == (None, True)
    assert parse_cache_control(None) == (None, False)
    assert _clamp_ttl("max-age=5", 600) == 60  # lower bound 60 s
    assert _clamp_ttl("max-age=100000", 600) == 600  # upper bound jwks_cache_s
    assert _clamp_ttl("max-age=120", 600) == 120
    assert _clamp_ttl("no-store", 600) == 60
    assert _clamp_ttl(None, 600) == 600
    assert _clamp_ttl("max-age=120", 0.5) == 0.5  # the configured ceiling always wins


async def test_JWKS_02_ttl_from_cache_control(idp: MockIdP) -> None:
    idp.cache_control = "max-age=120"
    rt = runtime_for(idp, jwks_cache_s=600)
    store = rt.stores[idp.issuer]
    await until(lambda: store.ready)
    assert store.ttl_s == 120
    rt.close()


# ------------------------------------------------------------------------------------------------
# cold start, single flight, cooldown


async def test_JWKS_01_05_cold_start_coalesces_and_never_lets_through(idp: MockIdP) -> None:
    idp.delay = 0.3
    rt = runtime_for(idp)
    store = rt.stores[idp.issuer]
    assert not rt.ready  # JWKS-01: no keys yet → not ready
    stage = Authenticate(rt)
    tok = idp.token("k1")
    ctxs = [Ctx(tok if i % 2 else idp.token("k1", sub=f"u{i}")) for i in range(100)]
    results = await asyncio.gather(*(run_stage(stage, c) for c in ctxs))
    assert results == [None] * 100
    assert all(c.identity is not None for c in ctxs)
    assert idp.jwks_hits == 1  # JWKS-05: one GET for 100 concurrent cold requests
    assert rt.ready and store.fetches == 1
    rt.close()


async def test_JWKS_01_no_keys_fails_closed_503(idp: MockIdP) -> None:
    idp.down = True
    rt = runtime_for(idp)
    stage = Authenticate(rt)
    r = await run_stage(stage, Ctx(idp.token("k1")))
    assert isinstance(r, Reply) and r.status == 503 and r.reason == "jwks_unavailable"
    # Within the cooldown: no new fetch, immediate 503 (not a hang, not a pass).
    hits = idp.jwks_hits
    r = await run_stage(stage, Ctx(idp.token("k1")))
    assert r.status == 503 and idp.jwks_hits == hits
    assert not rt.ready
    rt.close()


async def test_JWKS_04_refetch_flood_at_most_one_fetch_per_cooldown(idp: MockIdP) -> None:
    rt = runtime_for(idp, jwks_refetch_cooldown_s=30)
    store = rt.stores[idp.issuer]
    await until(lambda: store.ready)
    assert idp.jwks_hits == 1
    stage = Authenticate(rt)
    rnd = random.Random(1234)
    attacker = idp.keys["k1"]
    ctxs = [Ctx(idp.token(f"kid-{rnd.getrandbits(64):x}", key=attacker)) for _ in range(1000)]
    results = await asyncio.gather(*(run_stage(stage, c) for c in ctxs))
    assert all(isinstance(r, Reply) and r.status == 401 and r.reason == "kid_unknown" for r in results)
    # The initial load started the cooldown: the flood caused no fetch at all.
    assert idp.jwks_hits == 1
    # Off cooldown, the next unknown kid refetches exactly once, however many arrive together.
    store._last_fetch -= 31
    ctxs = [Ctx(idp.token(f"kid-{rnd.getrandbits(64):x}", key=attacker)) for _ in range(200)]
    results = await asyncio.gather(*(run_stage(stage, c) for c in ctxs))
    assert all(r.status == 401 for r in results)
    assert idp.jwks_hits == 2
    assert rt.failures.values[("kid_unknown",)] == 1200
    rt.close()


# ------------------------------------------------------------------------------------------------
# rotation and outage


async def test_JWKS_03_06_rotation_new_kid_after_one_refetch_removed_kid_dropped(idp: MockIdP) -> None:
    rt = runtime_for(idp, jwks_refetch_cooldown_s=0.2)
    store = rt.stores[idp.issuer]
    await until(lambda: store.ready)
    stage = Authenticate(rt)
    old_tok = idp.token("k1")
    assert await run_stage(stage, Ctx(old_tok)) is None
    assert len(rt.token_cache) == 1
    await asyncio.sleep(0.25)  # off cooldown
    idp.add_key("k2")  # IdP adds B (overlap with A)
    hits = idp.jwks_hits
    ctx = Ctx(idp.token("k2", sub="bob"))
    assert await run_stage(stage, ctx) is None and ctx.identity.subject == "bob"
    assert idp.jwks_hits == hits + 1  # JWKS-03: exactly one refetch
    # IdP removes A; the next refresh (here triggered by another unknown kid) drops A's tokens.
    idp.publish.remove("k1")
    await asyncio.sleep(0.25)
    r = await run_stage(stage, Ctx(idp.token("k3-not-there", key=idp.keys["k2"])))
    assert r.status == 401
    assert "k1" not in store.kids
    r = await run_stage(stage, Ctx(old_tok))  # was cached: must be re-verified, and fail
    assert r is not None and r.status == 401 and r.reason == "kid_unknown"
    rt.close()


async def test_JWKS_07_outage_keeps_last_good_keys_then_fails_closed(idp: MockIdP) -> None:
    rt = runtime_for(idp, jwks_cache_s=0.2, jwks_refetch_cooldown_s=0.1, jwks_max_stale_s=1.2)
    store = rt.stores[idp.issuer]
    await until(lambda: store.ready)
    stage = Authenticate(rt)
    cached = idp.token("k1", sub="cached")
    assert await run_stage(stage, Ctx(cached)) is None
    idp.down = True
    hits = idp.jwks_hits
    await until(lambda: idp.jwks_hits > hits and store.error is not None)  # a background refresh failed
    assert store.ready  # stale-if-error: keys kept
    # Known kid, fresh token: still served from the last good keys.
    assert await run_stage(stage, Ctx(idp.token("k1", sub="fresh"))) is None
    # A new kid cannot be learned while the IdP is down: fail closed.
    idp.add_key("k9")
    r = await run_stage(stage, Ctx(idp.token("k9")))
    assert r.status == 401
    # After max_stale: no keys, not ready, even the cached token is refused.
    await until(lambda: not store.ready, timeout=5)
    assert not rt.ready
    r = await run_stage(stage, Ctx(cached))
    assert r is not None and r.status in (401, 503)
    r = await run_stage(stage, Ctx(idp.token("k1", sub="late")))
    assert r is not None and r.status == 503
    # The IdP comes back: keys return without a restart (JWKS-08).
    idp.down = False
    await until(lambda: store.ready, timeout=5)
    assert await run_stage(stage, Ctx(idp.token("k1", sub="back"))) is None
    rt.close()


# ------------------------------------------------------------------------------------------------
# discovery


async def test_JWKS_13_discovery_ok_and_issuer_mismatch_not_ready(idp: MockIdP) -> None:
    rt = runtime_for(idp, jwks_uri=None)
    store = rt.stores[idp.issuer]
    assert store.source == "discovery"
    await until(lambda: store.ready)
    assert idp.discovery_hits == 1 and idp.jwks_hits == 1
    assert await run_stage(Authenticate(rt), Ctx(idp.token("k1"))) is None
    rt.close()

    idp.discovery_issuer = idp.issuer + "/evil"
    rt = runtime_for(idp, jwks_uri=None)
    store = rt.stores[idp.issuer]
    await until(lambda: store.error is not None)
    assert "discovery issuer" in store.error
    assert not rt.ready and idp.jwks_hits == 1  # the mismatching document's jwks_uri was never used
    r = await run_stage(Authenticate(rt), Ctx(idp.token("k1")))
    assert r.status == 503
    rt.close()


async def test_JWKS_09_oversized_and_non_json_documents_rejected(idp: MockIdP) -> None:
    cfg = JWTProvider(issuer=idp.issuer, audiences=("a",), jwks_uri=idp.url + "/jwks")
    store = KeyStore(cfg, max_document_bytes=64)
    store.start()
    await until(lambda: store.error is not None)
    assert "over 64 bytes" in store.error and not store.ready
    store.close()


# ------------------------------------------------------------------------------------------------
# key-carrying headers never fetch anything


async def test_JWT_09_jku_x5u_never_fetched(idp: MockIdP) -> None:
    # A loopback sentinel listener: any connection to it is a failure.
    sentinel = socket.socket()
    sentinel.bind(("127.0.0.1", 0))
    sentinel.listen(8)
    sentinel.setblocking(False)
    url = f"http://127.0.0.1:{sentinel.getsockname()[1]}/keys"
    rt = runtime_for(idp)
    await until(lambda: rt.ready)
    stage = Authenticate(rt)
    key = idp.keys["k1"]
    from fastgate.devkeys import public_jwk

    for hdr in ({"jku": url}, {"x5u": url}, {"jwk": public_jwk(key, kid="k1")}, {"x5c": ["MIIB"]}):
        r = await run_stage(stage, Ctx(idp.token("k1", headers=hdr)))
        assert r is not None and r.status == 401 and r.reason.startswith("header_forbidden")
        r = await run_stage(stage, Ctx(idp.token("attacker", key=rsa_key(), headers=hdr)))
        assert r is not None and r.status == 401
    await asyncio.sleep(0.05)
    with pytest.raises(BlockingIOError):
        sentinel.accept()
    sentinel.close()
    rt.close()


async def test_JWKS_14_multi_issuer_isolation() -> None:
    a = await MockIdP().start()
    b = await MockIdP().start()
    try:
        a.add_key("same")
        b.add_key("same")
        text = f"""
auth:
  jwt:
    - {{issuer: "{a.issuer}", audiences: ["api://fastgate"], jwks_uri: "{a.url}/jwks"}}
    - {{issuer: "{b.issuer}", audiences: ["api://fastgate"], jwks_uri: "{b.url}/jwks"}}
"""
        rt = AuthRuntime(load_config_text(text, "<t>"))
        await until(lambda: rt.ready)
        stage = Authenticate(rt)
        assert await run_stage(stage, Ctx(a.token("same"))) is None
        assert await run_stage(stage, Ctx(b.token("same"))) is None
        # B's key signing a token that claims issuer A: A's keys are used, signature fails.
        forged = b.token("same", iss=a.issuer)
        r = await run_stage(stage, Ctx(forged))
        assert r.status == 401 and r.reason == "bad_signature"
        # A rotating its "same" kid away drops A's cached tokens, never B's.
        tok_b = b.token("same", sub="bee")
        await run_stage(stage, Ctx(tok_b))
        rt.keys_removed(a.issuer, ["same"])
        assert rt.token_cache.get(tok_b, time.time()) is not None
        rt.close()
    finally:
        await a.stop()
        await b.stop()


def test_token_cache_composite_kid_drop() -> None:
    c: TokenCache[str] = TokenCache()
    c.put("t1", "x", time.time() + 60, "iss-a\x00k")
    c.put("t2", "y", time.time() + 60, "iss-b\x00k")
    assert c.drop_kid("iss-a\x00k") == 1 and c.get("t2", time.time()) == "y"


async def test_reload_keeps_store_and_keys(idp: MockIdP) -> None:
    rt = runtime_for(idp)
    await until(lambda: rt.ready)
    store = rt.stores[idp.issuer]
    rt2 = AuthRuntime(load_config_text(f"""
auth:
  jwt:
    - issuer: "{idp.issuer}"
      audiences: ["api://fastgate", "other"]
      jwks_uri: "{idp.url}/jwks"
      jwks_cache_s: 300
      jwks_refetch_cooldown_s: 30
      jwks_max_stale_s: 86400
""", "<t>"), previous=rt)
    assert rt2.stores[idp.issuer] is store and rt2.ready and idp.jwks_hits == 1
    rt3 = AuthRuntime(load_config_text(f"""
auth:
  jwt:
    - issuer: "{idp.issuer}"
      audiences: ["x"]
      jwks_uri: "{idp.url}/jwks"
      jwks_cache_s: 100
""", "<t>"), previous=rt2)
    assert rt3.stores[idp.issuer] is not store and store._closed
    rt3.close()


def test_jwks_file_source(tmp_path: Any) -> None:
    import orjson
    from cryptography.hazmat.primitives.asymmetric import ec

    from fastgate.devkeys import public_jwks

    p = tmp_path / "jwks.json"
    p.write_bytes(orjson.dumps(public_jwks([ec.generate_private_key(ec.SECP256R1())])))
    cfg = JWTProvider(issuer="https://i.example/", audiences=("a",), jwks_file=str(p))
    s = KeyStore(cfg)
    assert s.ready and len(s.kids) == 1 and not s.remote
    missing = KeyStore(JWTProvider(issuer="https://i.example/", audiences=("a",), jwks_file=str(p) + ".nope"))
    assert not missing.ready and "jwks_file" in (missing.error or "")
    assert os.path.exists(p)


def test_credential_fields_match_the_multidict_reading():
    """The stage reads its two fields from the raw byte pairs; it must agree with the multidict's
    ``getall("authorization", None)`` / ``get("x-api-key")`` on any head (case, duplicates, order,
    names of the same length)."""
    import random

    from fastgate.stages.auth import _credential_fields

    rng = random.Random(11)
    names = ["Authorization", "authorization", "AUTHORIZATION", "AuthorizatioN", "x-api-key", "X-Api-Key",
             "X-API-KEY", "x-api-kez", "authorizatiox", "content-type", "host", "x-api-keys", "accept"]
    for _ in range(2000):
        pairs = [(rng.choice(names), rng.choice(["Bearer a.b.c", "k" * rng.randint(0, 5), "", " x ", "caf\xe9"]))
                 for _ in range(rng.randint(0, 6))]
        md = CIMultiDictProxy(CIMultiDict(pairs))
        raw = tuple((k.encode("latin-1"), v.encode("latin-1")) for k, v in pairs)
        assert _credential_fields(raw) == (md.getall("authorization", None), md.get("x-api-key")), pairs
