"""Observability: the audit log, access-log conservation under faults (OPS-12), the Grafana
dashboard against the live /metrics, and the admin usage view (HTML and JSON).

Real parts only: an in-process gateway on a real socket, the mock upstream, a real IdP (keys,
signatures), the TCP fault proxy.
"""

from __future__ import annotations

import asyncio
import hashlib
import textwrap
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from conftest import read_log
from identity.idp import MockIdP, rsa_key

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "fg-audit-test-key-0123456789abcdef"
API_KEY_SHA = hashlib.sha256(API_KEY.encode()).hexdigest()
CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hello there"}]}


@pytest.fixture
async def idp():
    p = await MockIdP().start()
    p.add_key("rsa1", rsa_key())
    try:
        yield p
    finally:
        await p.stop()


def audit_config(mock_url: str, idp: MockIdP, audit: Path, access: Path) -> str:
    return textwrap.dedent(f"""\
        server:
          listen: "127.0.0.1:0"
          admin_listen: "127.0.0.1:0"
        auth:
          jwt:
            - issuer: "{idp.issuer}"
              audiences: ["api://fastgate"]
              jwks_uri: "{idp.url}/jwks"
              algorithms: [RS256]
              claims: {{subject: sub, groups: groups, scopes: scp, tenant: tid}}
          api_keys:
            - {{name: ci-bot, sha256: "{API_KEY_SHA}", subject: ci-bot, groups: [automation], tenant: acme,
               scopes: ["llm:invoke"]}}
        providers:
          mock: {{type: openai, base_url: "{mock_url}/v1", api_key: "sk-provider-key", max_retries: 0}}
        models:
          gpt-4o-mini: {{targets: [{{provider: mock, model: gpt-4o-mini}}]}}
          gpt-4o: {{targets: [{{provider: mock, model: gpt-4o}}]}}
        routes:
          - {{name: maybe, path_prefix: /api/maybe/, upstream: {{targets: [{{url: "{mock_url}"}}]}}, auth: optional}}
          - {{name: open, path_prefix: /api/open/, upstream: {{targets: [{{url: "{mock_url}"}}]}}, auth: "off"}}
        policies:
          - {{name: automation, match: {{groups: [automation]}}, models: ["gpt-*"]}}
          - {{name: default, match: {{}}, require_scopes: ["llm:invoke"], models: ["gpt-4o-mini"]}}
        logging:
          access_log: "{access}"
          audit_log: "{audit}"
        usage: {{store: "off"}}
        """)


async def wait_ready(gw: Any) -> None:
    async with aiohttp.ClientSession() as s:
        for _ in range(500):
            async with s.get(gw.admin_url + "/readyz") as r:
                if r.status == 200:
                    return
            await asyncio.sleep(0.01)
    raise AssertionError("gateway never became ready")


async def wait_lines(path: Path, n: int, timeout: float = 5.0) -> list[dict]:
    """The log's lines once there are at least ``n`` (lines are flushed within 50 ms)."""
    end = time.monotonic() + timeout
    while True:
        lines = read_log(path)
        if len(lines) >= n or time.monotonic() > end:
            return lines
        await asyncio.sleep(0.02)


# ------------------------------------------------------------------------------------------------ audit log


async def test_audit_log_one_line_per_auth_decision(mock, idp, gateway_factory, tmp_path):
    audit, access = tmp_path / "audit.log", tmp_path / "access.log"
    async with gateway_factory(audit_config(mock.url, idp, audit, access)) as gw, aiohttp.ClientSession() as s:
        await wait_ready(gw)
        good = idp.token("rsa1", scp=["llm:invoke"], tid="acme", azp="app-1")  # client_id comes from azp
        from cryptography.hazmat.primitives.asymmetric import rsa

        forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = int(time.time())
        # (label, path, headers, body, expected status, expected outcome, expected reason)
        cases: list[tuple[str, str, dict[str, str], Any, int, str, str | None]] = [
            ("jwt", "/v1/chat/completions", {"Authorization": f"Bearer {good}"}, CHAT, 200, "allow", None),
            ("apikey", "/v1/chat/completions", {"x-api-key": API_KEY}, dict(CHAT, model="gpt-4o"), 200, "allow", None),
            # Authenticated, then refused by authorization: the audit line says allow + 403.
            ("authz", "/v1/chat/completions", {"Authorization": f"Bearer {good}"}, dict(CHAT, model="gpt-4o"),
             403, "allow", None),
            ("missing", "/v1/chat/completions", {}, CHAT, 401, "deny", "missing_credentials"),
            ("multiple", "/v1/chat/completions", {"Authorization": f"Bearer {good}", "x-api-key": API_KEY}, CHAT,
             401, "deny", "multiple_credentials"),
            ("scheme", "/v1/chat/completions", {"Authorization": f"Basic {good}"}, CHAT, 401, "deny", "bad_scheme"),
            ("malformed", "/v1/chat/completions", {"Authorization": "Bearer a\tb"}, CHAT, 401, "deny",
             "malformed_credentials"),
            ("expired", "/v1/chat/completions",
             {"Authorization": "Bearer " + idp.token("rsa1", scp=["llm:invoke"], exp=now - 3600, iat=now - 7200)},
             CHAT, 401, "deny", "expired"),
            ("forged", "/v1/chat/completions",
             {"Authorization": "Bearer " + idp.token("rsa1", key=forger, scp=["llm:invoke"])}, CHAT, 401, "deny",
             "bad_signature"),
            ("issuer", "/v1/chat/completions",
             {"Authorization": "Bearer " + idp.token("rsa1", iss="https://evil.example/", scp=["llm:invoke"])},
             CHAT, 401, "deny", "unknown_issuer"),
            ("unknown", "/v1/chat/completions", {"Authorization": "Bearer not-a-known-key"}, CHAT, 401, "deny",
             "unknown_credential"),
            ("anonymous", "/api/maybe/x", {}, None, 200, "allow", "anonymous"),
            ("optional-bad", "/api/maybe/x", {"Authorization": "Bearer not-a-known-key"}, None, 401, "deny",
             "unknown_credential"),
        ]
        expected: dict[str, tuple[str, int, str, str | None]] = {}
        for label, path, headers, body, status, outcome, reason in cases:
            method = "POST" if body is not None else "GET"
            async with s.request(method, gw.url + path, json=body, headers=headers) as r:
                await r.read()
                assert r.status == status, (label, r.status)
                expected[r.headers["x-request-id"]] = (label, status, outcome, reason)
        # Requests authentication never saw: no line (an auth: off route, an unknown path).
        async with s.get(gw.url + "/api/open/x") as r:
            assert r.status == 200
            not_audited = {r.headers["x-request-id"]}
        async with s.get(gw.url + "/nowhere") as r:
            assert r.status == 404
            not_audited.add(r.headers["x-request-id"])
    lines = read_log(audit)  # the gateway stopped: everything is flushed
    by_id = {ln["request_id"]: ln for ln in lines}
    assert len(by_id) == len(lines) == len(expected), [ln["request_id"] for ln in lines]
    assert not not_audited & set(by_id)
    for rid, (label, status, outcome, reason) in expected.items():
        ln = by_id[rid]
        assert (ln["outcome"], ln["reason"], ln["status"]) == (outcome, reason, status), label
        assert ln["client_ip"] == "127.0.0.1"
        assert ln["method"] in ("GET", "POST") and ln["path"]
    jwt_line = by_id[next(k for k, v in expected.items() if v[0] == "jwt")]
    assert jwt_line["subject"] == "alice" and jwt_line["tenant"] == "acme" and jwt_line["issuer"] == idp.issuer
    assert jwt_line["auth_kind"] == "jwt" and jwt_line["client_id"] == "app-1"
    assert jwt_line["model"] == "gpt-4o-mini" and jwt_line["policy"] == "default"
    assert jwt_line["route"] == "/v1/chat/completions"
    key_line = by_id[next(k for k, v in expected.items() if v[0] == "apikey")]
    assert key_line["auth_kind"] == "api_key" and key_line["api_key"] == "ci-bot"
    assert key_line["subject"] == "ci-bot" and key_line["policy"] == "automation"
    authz_line = by_id[next(k for k, v in expected.items() if v[0] == "authz")]
    assert authz_line["stage"] == "authorize" and authz_line["subject"] == "alice"
    anon = by_id[next(k for k, v in expected.items() if v[0] == "anonymous")]
    assert anon["auth_kind"] == "anonymous" and anon["subject"] is None and anon["route"] == "maybe"
    for ln in lines:
        if ln["outcome"] == "deny":
            assert ln["subject"] is None and ln["stage"] == "authenticate"
    # The access log carries every request, audited or not, and agrees on the reasons.
    acc = {ln["request_id"]: ln for ln in read_log(access)}
    assert set(expected) | not_audited == set(acc)
    for rid, (_label, _st, outcome, reason) in expected.items():
        if outcome == "deny":
            assert acc[rid]["reason"] == reason


async def test_audit_log_off_adds_no_log_hook_and_reopens_on_rotation(mock, idp, gateway_factory, tmp_path):
    from fastgate.stages.auth import Authenticate

    audit, access = tmp_path / "audit.log", tmp_path / "access.log"
    text = audit_config(mock.url, idp, audit, access)
    off = text.replace(f'audit_log: "{audit}"', 'audit_log: "off"')
    async with gateway_factory(off) as gw:
        ep = gw.worker.world.match("POST", "/v1/chat/completions")
        stages = [st for st in ep.chain.stages if isinstance(st, Authenticate)]
        assert stages and all(type(st) is Authenticate for st in stages)
        assert "authenticate" not in [n for n, _ in ep.chain.log]  # no per-request cost when off
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        await wait_ready(gw)
        ep = gw.worker.world.match("POST", "/v1/chat/completions")
        assert "authenticate" in [n for n, _ in ep.chain.log]
        async with s.post(gw.url + "/v1/chat/completions", json=CHAT) as r:
            assert r.status == 401
        assert len(await wait_lines(audit, 1)) == 1
        # logrotate: move the file away, SIGUSR1 → the worker reopens both logs at their paths.
        rotated = tmp_path / "audit.log.1"
        audit.rename(rotated)
        gw.worker.reopen_logs()
        async with s.post(gw.url + "/v1/chat/completions", json=CHAT, headers={"x-api-key": API_KEY}) as r:
            assert r.status == 200
        new = await wait_lines(audit, 1)
    assert [ln["outcome"] for ln in read_log(rotated)] == ["deny"]
    assert [ln["outcome"] for ln in new] == ["allow"]


async def test_audit_log_follows_reload(mock, idp, gateway_factory, tmp_path):
    audit, access = tmp_path / "audit.log", tmp_path / "access.log"
    text = audit_config(mock.url, idp, audit, access)
    off = text.replace(f'audit_log: "{audit}"', 'audit_log: "off"')
    async with gateway_factory(off) as gw, aiohttp.ClientSession() as s:
        async with s.post(gw.url + "/v1/chat/completions", json=CHAT) as r:
            assert r.status == 401
        ok, detail = await gw.reload_text(text)
        assert ok, detail
        async with s.post(gw.url + "/v1/chat/completions", json=CHAT) as r:
            assert r.status == 401
    lines = read_log(audit)
    assert len(lines) == 1 and lines[0]["reason"] == "missing_credentials"
