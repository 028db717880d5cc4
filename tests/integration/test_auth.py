"""Authentication and authorization through a real in-process gateway, a real IdP and the mock upstream.

Every rejection also checks that the upstream received nothing (catalogue §1 preamble).
"""

from __future__ import annotations

import hashlib
import textwrap
import time
from typing import Any

import aiohttp
import orjson
import pytest
from conftest import base_config
from identity.idp import MockIdP, rsa_key

API_KEY = "fg-test-ci-bot-key-0123456789abcdef"
API_KEY_SHA = hashlib.sha256(API_KEY.encode()).hexdigest()


@pytest.fixture
async def idp():
    p = await MockIdP().start()
    p.add_key("rsa1", rsa_key())
    p.add_key("ec1")
    try:
        yield p
    finally:
        await p.stop()


def auth_config(mock_url: str, idp: MockIdP, *, access_log: str = "off", policies: str | None = None) -> str:
    if policies is None:
        policies = """
            policies:
              - name: research
                match: {groups: [research]}
                models: ["*"]
              - name: automation
                match: {groups: [automation]}
                models: ["gpt-*"]
              - name: default
                match: {}
                require_scopes: ["llm:invoke"]
                models: ["gpt-4o-mini"]
            """
    return textwrap.dedent(f"""\
        server:
          listen: "127.0.0.1:0"
          admin_listen: "127.0.0.1:0"
        auth:
          jwt:
            - issuer: "{idp.issuer}"
              audiences: ["api://fastgate"]
              jwks_uri: "{idp.url}/jwks"
              algorithms: [RS256, ES256]
              claims: {{subject: sub, groups: groups, scopes: scp, tenant: tid}}
          introspection:
            - endpoint: "{idp.url}/introspect"
              client_id: "{idp.introspection_client[0]}"
              client_secret: "{idp.introspection_client[1]}"
              cache_s: 60
          api_keys:
            - {{name: ci-bot, sha256: "{API_KEY_SHA}", subject: ci-bot, groups: [automation], tenant: acme,
               scopes: ["llm:invoke"]}}
        providers:
          mock:
            type: openai
            base_url: "{mock_url}/v1"
            api_key: "sk-provider-key"
            max_retries: 0
        models:
          gpt-4o-mini:
            targets: [{{provider: mock, model: gpt-4o-mini}}]
          gpt-4o:
            targets: [{{provider: mock, model: gpt-4o}}]
          claude-haiku:
            targets: [{{provider: mock, model: claude-haiku}}]
        routes:
          - name: orders
            path_prefix: /api/orders/
            upstream: {{targets: [{{url: "{mock_url}"}}]}}
            auth: required
            require_scopes: ["orders:read"]
          - name: maybe
            path_prefix: /api/maybe/
            upstream: {{targets: [{{url: "{mock_url}"}}]}}
            auth: optional
          - name: open
            path_prefix: /api/open/
            upstream: {{targets: [{{url: "{mock_url}"}}]}}
            auth: off
        logging:
          access_log: {access_log}
        """) + textwrap.dedent(policies)


CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}


def upstream_chats(mock: Any) -> list[dict]:
    return [r for r in mock.requests if r["path"] == "/v1/chat/completions"]


async def post(s: aiohttp.ClientSession, url: str, token: str | None = None, body: dict | None = None,
               headers: dict | None = None) -> tuple[int, dict, Any]:
    h = dict(headers or {})
    if token is not None:
        h["Authorization"] = f"Bearer {token}"
    async with s.post(url + "/v1/chat/completions", json=body or CHAT, headers=h) as r:
        return r.status, dict(r.headers), await r.read()


async def ready(gw: Any) -> None:
    async with aiohttp.ClientSession() as s:
        for _ in range(500):
            async with s.get(gw.admin_url + "/readyz") as r:
                if r.status == 200:
                    return
            import asyncio

            await asyncio.sleep(0.01)
    raise AssertionError("gateway never became ready")


# ------------------------------------------------------------------------------------------------


async def test_openai_sdk_valid_expired_forged_token(mock, idp, gateway_factory, tmp_log):
    from openai import AsyncOpenAI, AuthenticationError

    async with gateway_factory(auth_config(mock.url, idp, access_log=str(tmp_log))) as gw:
        await ready(gw)
        good = idp.token("rsa1", scp=["llm:invoke"], tid="acme")
        client = AsyncOpenAI(base_url=gw.url + "/v1", api_key=good, max_retries=0)
        r = await client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hey"}])
        assert r.choices[0].message.content.startswith("echo: hey")
        n_ok = len(upstream_chats(mock))
        # The caller's token never reaches the provider (SPEC §4).
        assert all(c["headers"]["authorization"] == "Bearer sk-provider-key" for c in upstream_chats(mock))

        from cryptography.hazmat.primitives.asymmetric import rsa

        forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        bad = {
            "expired": idp.token("rsa1", scp=["llm:invoke"], exp=int(time.time()) - 3600, iat=int(time.time()) - 7200),
            "forged": idp.token("rsa1", key=forger, scp=["llm:invoke"]),
            "unknown_issuer": idp.token("rsa1", iss="https://evil.example/", scp=["llm:invoke"]),
        }
        bodies = set()
        for name, tok in bad.items():
            c = AsyncOpenAI(base_url=gw.url + "/v1", api_key=tok, max_retries=0)
            with pytest.raises(AuthenticationError) as ei:
                await c.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": name}])
            resp = ei.value.response
            assert resp.status_code == 401
            assert resp.headers["www-authenticate"] == 'Bearer realm="fastgate", error="invalid_token"'
            bodies.add(resp.content)
        # JWT-30: one body whatever the reason.
        assert len(bodies) == 1
        body = orjson.loads(bodies.pop())
        assert body["error"]["code"] == "invalid_api_key" and body["error"]["type"] == "authentication_error"
        assert len(upstream_chats(mock)) == n_ok  # nothing rejected reached the upstream
        # The reasons went to the log and the metric, not the body.
        async with aiohttp.ClientSession() as s, s.get(gw.admin_url + "/metrics") as r:
            metrics = await r.text()
        for reason in ("expired", "bad_signature", "unknown_issuer"):
            assert f'fastgate_auth_failures_total{{reason="{reason}"}} 1' in metrics
    reasons = [ln.get("reason") for ln in _log(tmp_log) if ln["status"] == 401]
    assert sorted(reasons) == ["bad_signature", "expired", "unknown_issuer"]
    ok_lines = [ln for ln in _log(tmp_log) if ln["status"] == 200]
    assert ok_lines[0]["subject"] == "alice" and ok_lines[0]["tenant"] == "acme"


def _log(path: Any) -> list[dict]:
    from conftest import read_log

    return read_log(path)


async def test_JWT_28_credential_extraction_edge_cases(mock, idp, gateway_factory):
    async with gateway_factory(auth_config(mock.url, idp)) as gw, aiohttp.ClientSession() as s:
        await ready(gw)
        good = idp.token("ec1", scp=["llm:invoke"])
        assert (await post(s, gw.url, headers={"Authorization": f"bearer {good}"}))[0] == 200  # case-insensitive
        for value in ("", "Bearer", "Bearer ", f"Bearer  {good}", f"Basic {good}", f"Bearer\t{good}",
                      f"Token {good}", "Bearer " + "." * 9000):
            st, h, _ = await post(s, gw.url, headers={"Authorization": value})
            assert st in (400, 401, 431), value
        # No credential at all; two credentials.
        assert (await post(s, gw.url))[0] == 401
        st, _, _ = await post(s, gw.url, token=good, headers={"x-api-key": API_KEY})
        assert st == 401
        # JWE-shaped and garbage opaque tokens fall to introspection → inactive → 401.
        assert (await post(s, gw.url, token="a.b.c.d.e"))[0] == 401
    assert len(upstream_chats(mock)) == 1


async def test_api_key_bearer_and_x_api_key_anthropic_style(mock, idp, gateway_factory):
    async with gateway_factory(auth_config(mock.url, idp)) as gw, aiohttp.ClientSession() as s:
        st, _, body = await post(s, gw.url, token=API_KEY)
        assert st == 200, body
        # Anthropic SDK style: x-api-key on /v1/messages (raw aiohttp, as the SDK sends it).
        msg = {"model": "gpt-4o", "max_tokens": 16, "messages": [{"role": "user", "content": "hello"}]}
        async with s.post(gw.url + "/v1/messages", json=msg,
                          headers={"x-api-key": API_KEY, "anthropic-version": "2023-06-01"}) as r:
            # Past authentication and authorization (the Anthropic front itself may still be
            # under construction: whatever it answers, it is not a denial).
            assert r.status not in (401, 403), await r.text()
        async with s.post(gw.url + "/v1/messages", json=msg,
                          headers={"x-api-key": API_KEY + "x", "anthropic-version": "2023-06-01"}) as r:
            assert r.status == 401
            err = await r.json()
            assert err["type"] == "error" and err["error"]["type"] == "authentication_error"
        # The automation policy allows gpt-* only.
        st, _, body = await post(s, gw.url, token=API_KEY, body={**CHAT, "model": "claude-haiku"})
        assert st == 403 and orjson.loads(body)["error"]["code"] == "model_not_allowed"


async def test_introspection_rfc7662(mock, idp, gateway_factory):
    idp.opaque["opaque-good"] = {"active": True, "sub": "svc-1", "scope": "llm:invoke orders:read",
                                 "exp": int(time.time()) + 600, "client_id": "app"}
    idp.opaque["opaque-expired"] = {"active": True, "sub": "svc-2", "scope": "llm:invoke",
                                    "exp": int(time.time()) - 5}
    idp.opaque["opaque-string-true"] = {"active": "true", "sub": "svc-3", "scope": "llm:invoke"}
    async with gateway_factory(auth_config(mock.url, idp)) as gw, aiohttp.ClientSession() as s:
        assert (await post(s, gw.url, token="opaque-good"))[0] == 200
        assert (await post(s, gw.url, token="opaque-good"))[0] == 200
        assert idp.introspect_hits == 1  # cached
        form = idp.last_introspect_form
        assert form == {"token": ["opaque-good"], "token_type_hint": ["access_token"]}
        for tok in ("opaque-expired", "opaque-string-true", "never-issued"):
            assert (await post(s, gw.url, token=tok))[0] == 401, tok
        hits = idp.introspect_hits
        assert (await post(s, gw.url, token="never-issued"))[0] == 401
        assert idp.introspect_hits == hits  # inactive answers are cached too
        # Wrong client secret at the IdP → the gateway cannot authenticate anyone: 503, not 200.
        idp.introspection_client = ("gw-client", "rotated")
        st, h, _ = await post(s, gw.url, token="another-opaque")
        assert st == 503 and "Retry-After" in h
    assert len(upstream_chats(mock)) == 2


async def test_policies_groups_models_and_v1_models_filtering(mock, idp, gateway_factory):
    async with gateway_factory(auth_config(mock.url, idp)) as gw, aiohttp.ClientSession() as s:
        await ready(gw)
        research = idp.token("ec1", sub="r", groups=["research"])
        plain = idp.token("ec1", sub="p", scp=["llm:invoke"])
        noscope = idp.token("ec1", sub="n", scp=["llm:invokes", "llm"])  # no prefix/substring matches
        assert (await post(s, gw.url, token=research, body={**CHAT, "model": "claude-haiku"}))[0] == 200
        st, _, body = await post(s, gw.url, token=plain, body={**CHAT, "model": "gpt-4o"})
        assert st == 403 and orjson.loads(body)["error"]["code"] == "model_not_allowed"
        assert (await post(s, gw.url, token=plain))[0] == 200
        st, h, body = await post(s, gw.url, token=noscope)
        assert st == 403 and orjson.loads(body)["error"]["code"] == "insufficient_scope"
        assert h["WWW-Authenticate"] == 'Bearer realm="fastgate", error="insufficient_scope", scope="llm:invoke"'
        # groups claim that is not a list → denied (JWT-33), not read as characters
        assert (await post(s, gw.url, token=idp.token("ec1", groups="research")))[0] == 401
        for tok, expected in ((research, ["claude-haiku", "gpt-4o", "gpt-4o-mini"]), (plain, ["gpt-4o-mini"]),
                              (API_KEY, ["gpt-4o", "gpt-4o-mini"])):
            async with s.get(gw.url + "/v1/models", headers={"Authorization": f"Bearer {tok}"}) as r:
                assert r.status == 200
                assert sorted(m["id"] for m in (await r.json())["data"]) == expected
        async with s.get(gw.url + "/v1/models") as r:
            assert r.status == 401
    assert len(upstream_chats(mock)) == 2


async def test_no_matching_policy_is_403_and_ip_policies(mock, idp, gateway_factory):
    policies = """
        policies:
          - name: office
            match: {ip: ["10.0.0.0/8"]}
            models: ["*"]
          - name: loopback-admins
            match: {ip: ["127.0.0.0/8"], groups: [admins]}
            models: ["*"]
        """
    async with gateway_factory(auth_config(mock.url, idp, policies=policies)) as gw, aiohttp.ClientSession() as s:
        await ready(gw)
        st, _, body = await post(s, gw.url, token=idp.token("ec1", groups=["users"]))
        assert st == 403 and orjson.loads(body)["error"]["code"] == "forbidden"
        # X-Forwarded-For from an untrusted peer is not believed.
        st, _, _ = await post(s, gw.url, token=idp.token("ec1", groups=["users"]),
                              headers={"X-Forwarded-For": "10.1.2.3"})
        assert st == 403
        assert (await post(s, gw.url, token=idp.token("ec1", groups=["admins"])))[0] == 200


async def test_identity_headers_reach_generic_upstream_forged_copies_dropped(mock, idp, gateway_factory):
    async with gateway_factory(auth_config(mock.url, idp)) as gw, aiohttp.ClientSession() as s:
        await ready(gw)
        tok = idp.token("ec1", sub="carol\r\nx-injected: 1", tid="acme", groups=["research", "a,b"],
                        scp=["orders:read", "llm:invoke"])
        forged = {"X-Fastgate-Subject": "root", "x-fastgate-tenant": "other", "X-Fastgate-Groups": "admins",
                  "x-fastgate-scopes": "everything", "Authorization": f"Bearer {tok}"}
        async with s.get(gw.url + "/api/orders/42", headers=forged) as r:
            assert r.status == 200, await r.text()
            echoed = (await r.json())["headers"]
        assert echoed["x-fastgate-subject"] == "carol%0D%0Ax-injected: 1"
        assert "x-injected" not in echoed
        assert echoed["x-fastgate-tenant"] == "acme"
        assert echoed["x-fastgate-groups"] == "a%2Cb,research"
        assert echoed["x-fastgate-scopes"] == "llm:invoke orders:read"
        recorded = [r for r in mock.requests if r["path"] == "/api/orders/42"]
        assert len(recorded) == 1 and recorded[0]["headers"]["x-fastgate-tenant"] == "acme"
        assert "root" not in str(recorded[0]["headers"].get("x-fastgate-subject"))
        # Route require_scopes: a token without orders:read gets 403 insufficient_scope.
        async with s.get(gw.url + "/api/orders/42", headers={
                "Authorization": f"Bearer {idp.token('ec1', scp=['llm:invoke'])}"}) as r:
            assert r.status == 403
            assert 'scope="llm:invoke orders:read"' in r.headers["WWW-Authenticate"]


async def test_route_auth_off_optional_required(mock, idp, gateway_factory):
    async with gateway_factory(auth_config(mock.url, idp)) as gw, aiohttp.ClientSession() as s:
        await ready(gw)
        tok = idp.token("ec1", sub="dave", scp=["llm:invoke"])
        async def get(path: str, token: str | None = None, forged: bool = False) -> tuple[int, dict]:
            h = {"Authorization": f"Bearer {token}"} if token else {}
            if forged:
                h["x-fastgate-subject"] = "mallory"
            async with s.get(gw.url + path, headers=h) as r:
                return r.status, ((await r.json()).get("headers", {}) if r.status == 200 else {})

        st, h = await get("/api/open/x", forged=True)
        assert st == 200 and "x-fastgate-subject" not in h
        st, h = await get("/api/maybe/x", forged=True)  # anonymous allowed, no identity forwarded
        assert st == 200 and "x-fastgate-subject" not in h
        st, h = await get("/api/maybe/x", tok)
        assert st == 200 and h["x-fastgate-subject"] == "dave"
        assert (await get("/api/maybe/x", "garbage-token"))[0] == 401  # present but invalid: refused
        assert (await get("/api/orders/x"))[0] == 401
        assert (await get("/api/orders/x", tok))[0] == 403  # authenticated, lacks orders:read


async def test_cold_start_100_concurrent_requests_one_fetch_and_readyz(mock, idp, gateway_factory):
    import asyncio

    idp.delay = 0.3
    async with gateway_factory(auth_config(mock.url, idp)) as gw, aiohttp.ClientSession() as s:
        async with s.get(gw.admin_url + "/readyz") as r:
            assert r.status == 503 and (await r.json())["jwks"][0]["ready"] is False
        tok = idp.token("ec1", scp=["llm:invoke"])
        results = await asyncio.gather(*(post(s, gw.url, token=tok) for _ in range(100)))
        assert [st for st, _, _ in results] == [200] * 100
        assert idp.jwks_hits == 1
        async with s.get(gw.admin_url + "/readyz") as r:
            assert r.status == 200


async def test_discovery_issuer_mismatch_gateway_not_ready(mock, idp, gateway_factory):
    idp.discovery_issuer = "https://somebody-else.example/"
    text = auth_config(mock.url, idp).replace(f'jwks_uri: "{idp.url}/jwks"', "discovery: true")
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        import asyncio

        for _ in range(200):
            if idp.discovery_hits:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        async with s.get(gw.admin_url + "/readyz") as r:
            assert r.status == 503
            assert "discovery issuer" in (await r.json())["jwks"][0]["error"]
        st, _, _ = await post(s, gw.url, token=idp.token("ec1", scp=["llm:invoke"]))
        assert st == 503
        assert idp.jwks_hits == 0
    assert upstream_chats(mock) == []


async def test_demo_runs_with_auth_and_its_token_works(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from fastgate import demo

    mock, gw = await demo.start_demo(0, access_log="off")
    try:
        key_file = tmp_path / "fastgate" / "demo-key.pem"
        assert key_file.exists() and (key_file.stat().st_mode & 0o777) == 0o600
        async with aiohttp.ClientSession() as s:
            assert (await post(s, gw.url))[0] == 401
            assert (await post(s, gw.url, token=demo.demo_token()))[0] == 200
            banner = demo.banner(gw.url, gw.admin_url, "TOKEN123")
            assert "Authorization: Bearer TOKEN123" in banner and 'api_key="TOKEN123"' in banner
            # `fastgate token` mints with the same key, so its tokens work against the demo too.
            import argparse
            import contextlib
            import io

            out = io.StringIO()
            args = argparse.Namespace(sub="eve", groups="a,b", scope="llm:invoke", tenant="t", aud=None, iss=None,
                                      ttl="10m", key=None, claim=['plan="pro"'])
            with contextlib.redirect_stdout(out):
                assert demo.token_main(args) == 0
            tok = out.getvalue().strip()
            assert (await post(s, gw.url, token=tok))[0] == 200
            import jwt as pyjwt

            claims = pyjwt.decode(tok, options={"verify_signature": False})
            assert claims["plan"] == "pro" and claims["groups"] == ["a", "b"] and claims["exp"] - claims["iat"] == 600
    finally:
        await gw.stop()
        await mock.stop()


async def test_policy_match_by_method_and_path(mock, gateway_factory):
    """policies[].match: methods and path globs select the policy (issue 10 item 2)."""
    import hashlib

    key = "fg-method-path-test-key"
    digest = hashlib.sha256(key.encode()).hexdigest()
    extra = f"""\
        auth:
          api_keys:
            - {{name: k, sha256: "{digest}", subject: alice, groups: [staff]}}
        policies:
          - name: readers
            match: {{methods: [GET], paths: ["/api/echo/reports/*"]}}
          - name: llm
            match: {{methods: [POST], paths: ["/v1/*"]}}
            models: ["gpt-4o-mini"]
        """
    text = base_config(mock.url, extra=extra).replace("auth: off", "auth: required")
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        h = {"Authorization": f"Bearer {key}"}
        async with s.get(gw.url + "/api/echo/reports/q1", headers=h) as r:
            assert r.status == 200
        async with s.delete(gw.url + "/api/echo/reports/q1", headers=h) as r:
            assert r.status == 403  # no policy matches DELETE
        async with s.get(gw.url + "/api/echo/other", headers=h) as r:
            assert r.status == 403  # no policy matches this path
        async with s.post(gw.url + "/v1/chat/completions", headers=h,
                          json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]}) as r:
            assert r.status == 200
