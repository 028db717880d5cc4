"""Edge protection end to end: pre-auth IP throttles, WAF on generic routes, transforms.

Real gateway, real sockets, real crypto; the mock upstream records what reached it (``mock.requests``).
"""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest
from conftest import base_config
from cryptography.hazmat.primitives.asymmetric import ec

from fastgate.devkeys import jwk_thumbprint, mint_token, public_jwks
from fastgate.identity.verify import Verifier

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


# ---------------------------------------------------------------------------------------------- WAF



def _echo_requests(mock) -> list[dict]:  # type: ignore[no-untyped-def]
    return [r for r in mock.requests if r["path"].startswith("/api/echo/")]


WAF_BLOCKED = [
    ("GET", "/api/echo/search?q=1%27%20OR%20%271%27%3D%271", None),
    ("GET", "/api/echo/search?q=%253Cscript%253Ealert(1)%253C%252Fscript%253E", None),  # double-encoded XSS
    ("POST", "/api/echo/orders", {"order": {"lines": [{"note": "1 UNION SELECT password FROM users--"}]}}),
    ("POST", "/api/echo/orders", {"a": [{"b": "<img src=x onerror=alert(1)>"}]}),
    ("GET", "/api/echo/files?name=..%2F..%2Fetc%2Fpasswd", None),
    ("GET", "/api/echo/redirect?next=%2Fhome%0D%0ASet-Cookie%3A%20sid%3Devil", None),
]


async def test_waf_block_mode_refuses_and_forwards_nothing(mock, gateway_factory):
    text = base_config(mock.url, extra="waf: {mode: block}\n")
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        for method, path, body in WAF_BLOCKED:
            async with s.request(method, gw.url + path, json=body) as r:
                assert r.status == 403, path
                assert (await r.json())["error"]["code"] == "waf_blocked"
        async with s.post(gw.url + "/api/echo/x", data="name=a&c=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                          headers={"Content-Type": "application/x-www-form-urlencoded"}) as r:
            assert r.status == 403
        async with s.get(gw.url + "/api/echo/x", headers={"User-Agent": "' OR 1=1 --"}) as r:
            assert r.status == 403
        fam = gw.worker.world.metrics.families["fastgate_waf_events_total"]
        assert sum(v for k, v in fam.values.items() if k[2] == "blocked") == len(WAF_BLOCKED) + 2
    assert _echo_requests(mock) == []


async def test_waf_passes_benign_traffic_and_forwards_body_intact(mock, gateway_factory):
    text = base_config(mock.url, extra="waf: {mode: block}\n")
    doc = {"message": "I'm going to select a new car; union of A and B", "code": "x = a < b and c > d\nprint(x)"}
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        async with s.post(gw.url + "/api/echo/notes?q=Tom%20%26%20Jerry", json=doc) as r:
            assert r.status == 200
        async with s.get(gw.url + "/api/echo/a", headers={"User-Agent": "Mozilla/5.0 (X11; Linux x86_64)"}) as r:
            assert r.status == 200
    recs = _echo_requests(mock)
    assert len(recs) == 2 and json.loads(recs[0]["body"]) == doc


async def test_waf_route_exclusion_and_detect_mode(mock, gateway_factory):
    sql = {"title": "nightly", "report": {"sql": "SELECT id FROM t WHERE a = 1 OR 1=1 --"}}
    route_waf = "{mode: block, exclude: [report.sql]}"
    text = base_config(mock.url, extra="waf: {mode: detect}\n").replace(
        "    path_prefix: /api/echo/\n", f"    path_prefix: /api/echo/\n    waf: {route_waf}\n", 1)
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        # The excluded field carries SQL legitimately...
        async with s.post(gw.url + "/api/echo/reports", json=sql) as r:
            assert r.status == 200
        # ...but the same payload elsewhere on that route is still blocked.
        async with s.post(gw.url + "/api/echo/reports", json={"title": sql["report"]["sql"]}) as r:
            assert r.status == 403
        # The other route only has the global detect mode: forwarded, counted.
        async with s.get(gw.url + "/raw/__mock/echo", params={"q": "<script>alert(1)</script>"}) as r:
            assert r.status != 403
        fam = gw.worker.world.metrics.families["fastgate_waf_events_total"]
        assert fam.values.get(("raw", "xss", "detected")) == 1
        assert fam.values.get(("echo", "sqli", "blocked")) == 1
    assert len(_echo_requests(mock)) == 1


async def test_waf_uninspectable_body_is_blocked_by_default(mock, gateway_factory):
    text = base_config(mock.url, extra="waf: {mode: block, max_body_bytes: 100}\n")
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        async with s.post(gw.url + "/api/echo/big", json={"x": "a" * 500}) as r:
            assert r.status == 403
        async with s.post(gw.url + "/api/echo/bad", data=b'{"x": ', headers={"Content-Type": "application/json"}) as r:
            assert r.status == 403
    assert _echo_requests(mock) == []


async def test_route_without_waf_has_no_waf_stage(mock, gateway_factory):
    async with gateway_factory(base_config(mock.url)) as gw:
        for ep in gw.worker.world.prefixed:
            assert "waf" not in ep.chain.names


# ---------------------------------------------------------------------------------------------- transforms

TRANSFORMS = r"""
    transforms:
      request:
        headers:
          add: {x-caller: "$${claim.sub}", x-team: "$${claim.team}", x-trace: "rid=$${request_id}",
                x-client: "$${client_ip}", x-note: "$${claim.evil}"}
          remove: [x-debug]
          rename: {x-legacy-id: x-order-ref}
        path: {regex: "^/api/echo/orders/(\\d+)$", replace: "/api/echo/v2/orders/\\1"}
        query:
          add: {source: gw, who: "$${subject}"}
          remove: [debug]
        body:
          set: {meta.tenant: "$${tenant}", meta.via: fastgate, count: 3}
          remove: [internal_note, nested.secret]
      response:
        headers:
          add: {x-served-by: "fastgate-$${route}"}
          rename: {content-type: x-upstream-content-type}
        body:
          set: {served_by: fastgate}
          remove: [headers]
"""


def _transform_config(mock_url: str, good: object) -> str:
    text = _routes_need_auth(base_config(mock_url, extra=_auth_extra(good)))
    # TRANSFORMS is indented as a field of a route entry: insert it into the echo route.
    return text.replace("    path_prefix: /api/echo/\n", "    path_prefix: /api/echo/\n" + TRANSFORMS.strip("\n") + "\n", 1)


async def test_transforms_end_to_end(mock, gateway_factory):
    good, _ = _keys()
    tok = mint_token(good, sub="alice", aud=AUD, iss=ISS, tenant="acme",
                     claims={"team": "blue", "evil": "x\r\nSet-Cookie: pwned=1"})
    doc = {"item": "book", "internal_note": "do not forward", "nested": {"secret": "s3", "keep": 1}}
    async with gateway_factory(_transform_config(mock.url, good)) as gw, aiohttp.ClientSession() as s:
        hdrs = {"Authorization": f"Bearer {tok}", "X-Debug": "1", "X-Legacy-Id": "L-9", "X-Request-Id": "client-rid"}
        async with s.post(gw.url + "/api/echo/orders/42?debug=1&page=2", json=doc, headers=hdrs) as r:
            assert r.status == 200
            rid = r.headers["x-request-id"]
            assert r.headers["x-served-by"] == "fastgate-echo"
            assert r.headers["x-upstream-content-type"] == "application/json"
            out = json.loads(await r.read())
        assert out["served_by"] == "fastgate" and "headers" not in out
        # A path the regex does not match is forwarded unchanged.
        async with s.get(gw.url + "/api/echo/other", headers={"Authorization": f"Bearer {tok}"}) as r:
            assert r.status == 200
    recs = [r for r in mock.requests if r["path"].startswith("/api/echo/")]
    assert [r["path"] for r in recs] == ["/api/echo/v2/orders/42", "/api/echo/other"]
    first = recs[0]
    h = first["headers"]
    assert h["x-caller"] == "alice" and h["x-team"] == "blue" and h["x-trace"] == f"rid={rid}"
    assert h["x-client"] == "127.0.0.1" and h["x-order-ref"] == "L-9"
    assert "x-debug" not in h and "x-legacy-id" not in h
    # A claim carrying CR/LF never becomes a header (nor splits one).
    assert "x-note" not in h and "set-cookie" not in h
    assert "authorization" in h  # generic routes forward the caller's credential; transforms did not touch it
    q = dict(pair.split("=", 1) for pair in first["query"].split("&"))
    assert q == {"page": "2", "source": "gw", "who": "alice"}
    body = json.loads(first["body"])
    assert body == {"item": "book", "nested": {"keep": 1}, "meta": {"tenant": "acme", "via": "fastgate"}, "count": 3}


async def test_body_transform_leaves_non_json_untouched(mock, gateway_factory):
    good, _ = _keys()
    tok = mint_token(good, sub="bob", aud=AUD, iss=ISS)
    async with gateway_factory(_transform_config(mock.url, good)) as gw, aiohttp.ClientSession() as s:
        async with s.post(gw.url + "/api/echo/upload", data=b"\x00\x01binary{",
                          headers={"Authorization": f"Bearer {tok}", "Content-Type": "application/octet-stream"}) as r:
            assert r.status == 200
    rec = [r for r in mock.requests if r["path"] == "/api/echo/upload"][0]
    assert rec["body_len"] == 9


async def test_route_without_transforms_has_no_stage(mock, gateway_factory):
    async with gateway_factory(base_config(mock.url)) as gw:
        for ep in gw.worker.world.prefixed:
            assert "transforms" not in ep.chain.names


async def test_bad_token_flood_throttled_on_redis_backend(mock, gateway_factory, verify_calls, redis_server, tmp_path):
    good, forger = _keys()
    bad = mint_token(forger, sub="mallory", aud=AUD, iss=ISS, kid=jwk_thumbprint(good))
    extra = _auth_extra(good, "throttle: {requests: 4, per: 1m, concurrency: 8}").replace(
        "rate_limit: {backend: local}",
        f'rate_limit: {{backend: redis, redis_url: "{redis_server}", key_prefix: "fg:{tmp_path.name}:"}}')
    async with gateway_factory(_routes_need_auth(base_config(mock.url, extra=extra))) as gw, \
            aiohttp.ClientSession() as s:
        statuses = []
        for _ in range(12):
            async with s.get(gw.url + "/api/echo/x", headers={"Authorization": f"Bearer {bad}"}) as r:
                statuses.append(r.status)
        assert statuses == [401] * 4 + [429] * 8
        assert len(verify_calls) == 4


def test_ipv6_callers_share_their_slash_64() -> None:
    from fastgate.config.schema import Throttle as ThrottleCfg
    from fastgate.observability.metrics import Registry
    from fastgate.stages.throttle import Throttle

    class _Limiter:
        deny_on_error = True

    t = Throttle(ThrottleCfg(requests=1), _Limiter(), Registry())
    assert t._key_of("2001:db8:1:2::1") == t._key_of("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert t._key_of("2001:db8:1:3::1") != t._key_of("2001:db8:1:2::1")
    assert t._key_of("192.0.2.7") == "192.0.2.7"


@pytest.mark.parametrize("bad", [
    "{request: {headers: {rename: {x-user: x-fastgate-subject}}}}",
    "{request: {headers: {rename: {x-ip: X-Forwarded-For}}}}",
    "{request: {headers: {add: {content-length: '1'}}}}",
    "{request: {headers: {remove: [transfer-encoding]}}}",
    "{request: {headers: {add: {x-a: '$${nope}'}}}}",
    "{request: {path: {regex: '(', replace: /}}}",
    "{request: {path: {prefix: /a/, regex: '^/b$'}}}",
])
def test_unsafe_or_invalid_transforms_are_config_errors(bad: str) -> None:
    from fastgate.config.loader import load_config_text
    from fastgate.errors import ConfigError

    text = base_config("http://127.0.0.1:9").replace(
        "    path_prefix: /api/echo/\n", f"    path_prefix: /api/echo/\n    transforms: {bad}\n", 1)
    with pytest.raises(ConfigError) as ei:
        load_config_text(text, "<t>")
    assert "routes[0].transforms" in str(ei.value)


async def test_waf_and_body_transform_share_the_read_body(mock, gateway_factory):
    # The WAF reads the body first (3700); the transform (1000) must rewrite that same body, not an
    # empty re-read of the consumed stream.
    route = ("    waf: {mode: block}\n"
             "    transforms: {request: {body: {set: {via: gw}}}}\n")
    text = base_config(mock.url).replace("    path_prefix: /api/echo/\n", "    path_prefix: /api/echo/\n" + route, 1)
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        async with s.post(gw.url + "/api/echo/w", json={"msg": "hello there"}) as r:
            assert r.status == 200
        async with s.post(gw.url + "/api/echo/w", json={"msg": "<script>alert(1)</script>"}) as r:
            assert r.status == 403
    recs = [r for r in mock.requests if r["path"] == "/api/echo/w"]
    assert len(recs) == 1 and json.loads(recs[0]["body"]) == {"msg": "hello there", "via": "gw"}
