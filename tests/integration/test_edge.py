"""Edge protection end to end: pre-auth IP throttles, WAF on generic routes, transforms.

Real gateway, real sockets, real crypto; the mock upstream records what reached it (``mock.requests``).
"""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from fastgate.devkeys import jwk_thumbprint, mint_token, public_jwks
from fastgate.identity.verify import Verifier
from conftest import base_config

ISS = "https://idp.edge.test"
AUD = "api://edge"


def _keys() -> tuple[object, object]:
    good = ec.generate_private_key(ec.SECP256R1())
    forger = ec.generate_private_key(ec.SECP256R1())
    return good, forger


def _auth_extra(good: object, throttle: str = "") -> str:
    jwks = json.dumps(public_jwks([good]))
    return f"""
auth:
  jwt:
    - issuer: "{ISS}"
      audiences: ["{AUD}"]
      jwks: {jwks}
      algorithms: [ES256]
      cache_size: 0
rate_limit: {{backend: local}}
{throttle}
"""


def _routes_need_auth(text: str) -> str:
    return text.replace("auth: off", "auth: required")


@pytest.fixture
def verify_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count real signature verifications (the wrapped method still does the crypto)."""
    calls: list[int] = []
    orig = Verifier.verify_detailed

    def counting(self, *a, **kw):  # type: ignore[no-untyped-def]
        calls.append(1)
        return orig(self, *a, **kw)

    monkeypatch.setattr(Verifier, "verify_detailed", counting)
    return calls


# ---------------------------------------------------------------------------------------------- throttle

async def test_bad_token_flood_stops_before_signature_verification(mock, gateway_factory, verify_calls):
    good, forger = _keys()
    # Forged with the right kid: only the signature check can reject it (the expensive path).
    bad = mint_token(forger, sub="mallory", aud=AUD, iss=ISS, kid=jwk_thumbprint(good))
    extra = _auth_extra(good, "throttle: {requests: 5, per: 1m}")
    async with gateway_factory(_routes_need_auth(base_config(mock.url, extra=extra))) as gw, \
            aiohttp.ClientSession() as s:
        statuses = []
        for _ in range(40):
            async with s.get(gw.url + "/api/echo/x", headers={"Authorization": f"Bearer {bad}"}) as r:
                statuses.append(r.status)
                if r.status == 429:
                    assert int(r.headers["Retry-After"]) >= 1
        assert statuses[:5] == [401] * 5
        assert statuses[5:] == [429] * 35
        # Only the admitted five ever reached the verifier; nothing reached the upstream.
        assert len(verify_calls) == 5
        fam = gw.worker.world.metrics.families["fastgate_throttle_decisions_total"]
        assert fam.values[("requests", "denied")] == 35
    assert [r for r in mock.requests if r["path"].startswith("/api/echo/")] == []


async def test_throttle_without_auth_counts_ip_and_lets_good_traffic_through(mock, gateway_factory, verify_calls):
    good, _ = _keys()
    tok = mint_token(good, sub="alice", aud=AUD, iss=ISS)
    extra = _auth_extra(good, "throttle: {requests: 3, per: 1m}")
    async with gateway_factory(_routes_need_auth(base_config(mock.url, extra=extra))) as gw, \
            aiohttp.ClientSession() as s:
        got = []
        for _ in range(5):
            async with s.get(gw.url + "/api/echo/ok", headers={"Authorization": f"Bearer {tok}"}) as r:
                got.append(r.status)
        assert got == [200, 200, 200, 429, 429]
        assert len(verify_calls) == 3


async def test_exempt_cidr_is_never_throttled(mock, gateway_factory):
    extra = "rate_limit: {backend: local}\nthrottle: {requests: 1, per: 1m, exempt: [127.0.0.0/8]}\n"
    async with gateway_factory(base_config(mock.url, extra=extra)) as gw, aiohttp.ClientSession() as s:
        for _ in range(4):
            async with s.get(gw.url + "/api/echo/x") as r:
                assert r.status == 200


async def test_per_ip_concurrency_cap(mock, gateway_factory):
    extra = "rate_limit: {backend: local}\nthrottle: {concurrency: 2}\n"
    async with gateway_factory(base_config(mock.url, extra=extra)) as gw, aiohttp.ClientSession() as s:
        async def slow() -> int:
            async with s.get(gw.url + "/api/echo/slow", headers={"x-mock-latency-ms": "400"}) as r:
                await r.read()
                return r.status

        first = [asyncio.create_task(slow()) for _ in range(2)]
        # Wait until both hold their slot at the upstream.
        for _ in range(200):
            if len([r for r in mock.requests if r["path"] == "/api/echo/slow"]) >= 2:
                break
            await asyncio.sleep(0.01)
        async with s.get(gw.url + "/api/echo/third") as r:
            assert r.status == 429
            assert (await r.json())["error"]["code"] == "rate_limit_exceeded"
        assert await asyncio.gather(*first) == [200, 200]
        # Slots are released when a request is over.
        async with s.get(gw.url + "/api/echo/after") as r:
            assert r.status == 200
