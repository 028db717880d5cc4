"""Observability: the audit log, access-log conservation under faults (OPS-12), the Grafana
dashboard against the live /metrics, and the admin usage view (HTML and JSON).

Real parts only: an in-process gateway on a real socket, the mock upstream, a real IdP (keys,
signatures), the TCP fault proxy.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import textwrap
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from conftest import base_config, read_log
from faultproxy import FaultProxy
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


# ------------------------------------------------------------------------------------------------ OPS-12


async def test_OPS_12_exactly_one_access_log_line_per_request_under_faults(mock, gateway_factory, tmp_path):
    """Every accepted request leaves exactly one access-log line with a terminal status, whatever
    the upstream did (resets, hangs, truncation, errors, torn TCP reads) and whether or not the
    client stayed (499): client-side and server-side counts match, request id by request id."""
    log = tmp_path / "access.log"
    proxy = await FaultProxy("127.0.0.1", mock.port, slice_size=7).start()  # upstream bytes arrive torn
    text = base_config(proxy.url, access_log=str(log), max_retries=0, timeout_s=1.5).replace(
        "  drain_timeout_s: 5\n", '  drain_timeout_s: 5\n  trusted_proxies: ["127.0.0.1/32"]\n')
    stream = dict(CHAT, stream=True)
    # (upstream fault or None, body, path, client timeout or None, what the client must see)
    plan: list[tuple[dict | None, Any, str, float | None, set[int | str]]] = [
        (None, CHAT, "/v1/chat/completions", None, {200}),
        (None, stream, "/v1/chat/completions", None, {200}),
        ({"fail": "reset"}, CHAT, "/v1/chat/completions", None, {502}),
        ({"fail": "truncate"}, CHAT, "/v1/chat/completions", None, {502}),
        ({"fail": "bad-header"}, CHAT, "/v1/chat/completions", None, {502}),
        ({"status": 500}, CHAT, "/v1/chat/completions", None, {500}),
        ({"status": 429}, CHAT, "/v1/chat/completions", None, {429}),
        ({"fail": "hang"}, CHAT, "/v1/chat/completions", None, {504}),
        ({"fail": "reset-after-first-chunk"}, stream, "/v1/chat/completions", None, {200}),
        # The client gives up while the upstream is still thinking: the gateway logs 499.
        ({"latency_ms": 3000}, CHAT, "/v1/chat/completions", 0.3, {"timeout"}),
        ({"latency_ms": 3000}, stream, "/v1/chat/completions", 0.3, {"timeout"}),
        (None, None, "/api/echo/x", None, {200}),
        (None, None, "/nowhere", None, {404}),
        (None, b"{not json", "/v1/chat/completions", None, {400}),
    ]
    sent: dict[str, int | str] = {}
    async with gateway_factory(text) as gw:

        async def one(i: int, body: Any, path: str, timeout: float | None, want: set[int | str],
                      hang_up_after_headers: bool = False) -> None:
            rid = f"ops12-{i}"
            to = aiohttp.ClientTimeout(total=timeout) if timeout else aiohttp.ClientTimeout(total=20)
            # One connection per request: a client disconnect must not disturb the others.
            async with aiohttp.ClientSession(timeout=to, connector=aiohttp.TCPConnector(force_close=True)) as s:
                try:
                    kw: dict[str, Any] = {"json": body} if isinstance(body, dict) else {"data": body}
                    method = "GET" if body is None else "POST"
                    async with s.request(method, gw.url + path, headers={"x-request-id": rid}, **kw) as r:
                        got: int | str = r.status
                        if hang_up_after_headers:
                            # The gateway has certainly accepted it: the response head is here.
                            await r.content.readany()
                            r.close()
                            got = "hung_up"
                        else:
                            await r.read()
                except (TimeoutError, aiohttp.ClientPayloadError) as e:
                    got = "timeout" if isinstance(e, TimeoutError) else "payload"
            assert got in want, (i, path, got)
            sent[rid] = got

        # Faults are taken by upstream requests in arrival order, so these run one by one.
        for i, (fault, body, path, timeout, want) in enumerate(plan):
            if fault is not None:
                mock.add_faults([fault])
            await one(i, body, path, timeout, want)
        # And a concurrent burst of plain and streamed calls, some streams abandoned mid-way
        # (the mock paces its words so a stream is still open when the client hangs up).
        mock.tokens_per_s = 40
        burst = []
        for j in range(24):
            body = stream if j % 2 else CHAT
            burst.append(one(100 + j, body, "/v1/chat/completions", None, {200, "hung_up"},
                             hang_up_after_headers=j % 6 == 5))
        await asyncio.gather(*burst)
        mock.tokens_per_s = 0
        lines = await wait_lines(log, len(sent))
        await asyncio.sleep(0.2)  # a duplicate would arrive within the flush interval
    await proxy.stop()
    lines = read_log(log)
    ids = [ln["request_id"] for ln in lines]
    assert sorted(ids) == sorted(sent), set(ids) ^ set(sent)  # exactly one line each, none extra
    by_id = {ln["request_id"]: ln for ln in lines}
    for rid, got in sent.items():
        status = by_id[rid]["status"]
        assert isinstance(status, int) and 200 <= status <= 599, (rid, status)
        if isinstance(got, int):
            assert status == got, (rid, got, status)
    for i in (9, 10):  # the abandoned slow calls
        assert by_id[f"ops12-{i}"]["status"] == 499
        assert by_id[f"ops12-{i}"]["reason"] == "client_disconnected"
    assert by_id["ops12-8"]["stream_error"]  # reset after the first byte: error event, logged once


# ------------------------------------------------------------------------------------------------ dashboard


def promql_metric_names(expr: str) -> set[str]:
    """Metric names a PromQL expression reads (identifiers followed by a selector or a range)."""
    names = set()
    for m in re.finditer(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{|\[)", expr):
        names.add(m.group(1))
    # bare names (no selector), e.g. `sum(fastgate_workers_alive)`
    for m in re.finditer(r"\(\s*([a-z_:][a-z0-9_:]*)\s*\)", expr):
        names.add(m.group(1))
    return {n for n in names if n.startswith(("fastgate_", "gen_ai_"))}


async def test_grafana_dashboard_queries_only_exported_metrics(mock, tmp_path):
    from prometheus_client.parser import text_string_to_metric_families
    from test_process import serve, stop

    dash = json.loads((ROOT / "docs" / "grafana-dashboard.json").read_text())
    assert dash["schemaVersion"] >= 36
    tvars = {v["name"]: v for v in dash["templating"]["list"]}
    assert tvars["datasource"]["type"] == "datasource" and tvars["datasource"]["query"] == "prometheus"
    panels = [p for p in dash["panels"] if p["type"] != "row"]
    exprs = []
    for p in panels:
        assert p["datasource"]["uid"] == "${datasource}", p["title"]
        assert p["targets"], p["title"]
        for t in p["targets"]:
            assert t["datasource"]["uid"] == "${datasource}"
            exprs.append(t["expr"])
    # A live multi-process gateway (supervisor + 2 workers): what production exports.
    s = await serve(tmp_path, base_config(mock.url), workers=2)
    try:
        async with aiohttp.ClientSession() as c:
            # Families are declared up front: one request (any route) is enough to have samples.
            async with c.get(s.url + "/api/echo/x") as r:
                assert r.status == 200
                await r.read()
            async with c.get(s.admin + "/metrics") as r:
                text = await r.text()
    finally:
        assert stop(s) == 0
    exported: set[str] = set()
    for fam in text_string_to_metric_families(text):
        exported.add(fam.name)
        if fam.type == "histogram":  # a family with no observation yet has no _bucket sample
            exported.update(fam.name + sfx for sfx in ("_bucket", "_sum", "_count"))
        exported.update(smp.name for smp in fam.samples)
    # prometheus_client strips _total from counter family names; the samples keep it.
    exported |= {n + "_total" for n in list(exported)}
    used = set().union(*(promql_metric_names(e) for e in exprs))
    assert len(used) >= 15
    missing = used - exported
    assert not missing, missing
    # Every area the dashboard must cover has a panel.
    titles = " | ".join(p["title"].lower() for p in panels)
    for word in ("status", "p99", "overhead", "first token", "tokens", "cost", "auth", "rate-limit", "pii",
                 "workers alive", "restarts", "memory", "file descriptors"):
        assert word in titles, word


# ------------------------------------------------------------------------------------------------ usage view


async def test_admin_usage_html_and_json(mock, gateway_factory, tmp_path):
    db = tmp_path / "usage.sqlite"
    keys = {"acme": "fg-usage-acme-0123456789abcdef", "<b>evil</b>": "fg-usage-evil-0123456789abcdef"}
    entries = "\n".join(
        f'    - {{name: k{i}, sha256: "{hashlib.sha256(k.encode()).hexdigest()}", subject: u{i}, tenant: "{t}"}}'
        for i, (t, k) in enumerate(keys.items()))
    extra = f"auth:\n  api_keys:\n{entries}\npolicies:\n  - {{name: all, match: {{}}, models: [\"*\"]}}\n"
    text = base_config(mock.url, usage_db=str(db), extra=extra)
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        for tenant, key, n in (("acme", keys["acme"], 3), ("<b>evil</b>", keys["<b>evil</b>"], 1)):
            for _ in range(n):
                async with s.post(gw.url + "/v1/chat/completions", json=CHAT, headers={"x-api-key": key}) as r:
                    assert r.status == 200, tenant
        async with s.get(gw.admin_url + "/admin/usage?group_by=tenant", headers={"Accept": "application/json"}) as r:
            assert r.status == 200 and r.content_type == "application/json"
            data = await r.json()
        async with s.get(gw.admin_url + "/admin/usage?group_by=tenant") as r:  # no Accept: JSON too
            assert r.content_type == "application/json"
        browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        async with s.get(gw.admin_url + "/admin/usage?group_by=subject", headers={"Accept": browser}) as r:
            assert r.status == 200 and r.content_type == "text/html"
            csp = r.headers["Content-Security-Policy"]
            page = await r.text()
    rows = {row["tenant"]: row for row in data["rows"]}
    assert rows["acme"]["requests"] == 3 and rows["<b>evil</b>"]["requests"] == 1
    assert rows["acme"]["cost_usd"] > 0
    # Self-contained: no script, no external fetch of any kind.
    assert "default-src 'none'" in csp
    assert "<script" not in page.lower() and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page and " src=" not in page and "<link" not in page
    assert page.count("<svg") == 2  # per tenant and per model
    # Claims from an identity provider are data, never markup (CWE-79).
    assert "<b>evil</b>" not in page and "&lt;b&gt;evil&lt;/b&gt;" in page
    for name in ("acme", "gpt-4o-mini", "u0", "u1"):
        assert name in page
    # The bars and the table agree with the JSON.
    assert f"{rows['acme']['prompt_tokens']}" in page
    assert page.count("<rect") == 2 * (len(rows) + 1)  # input + output bar per tenant row and per model row


def test_accept_negotiation():
    from fastgate.admin import wants_html

    assert wants_html("text/html")
    assert wants_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert not wants_html("")
    assert not wants_html("*/*")
    assert not wants_html("application/json")
    assert not wants_html("application/json, text/html;q=0.5")
    assert not wants_html("text/html;q=0, */*")
    assert wants_html("text/*, application/json;q=0.2")


# ------------------------------------------------------------------------------------------------ OTel names


def test_otel_genai_metrics_follow_the_semantic_conventions():
    from prometheus_client.parser import text_string_to_metric_families

    from fastgate.observability.metrics import GENAI_TOKEN_BUCKETS, Registry, merge, render

    m = Registry()
    assert "gen_ai_client_token_usage" not in render(merge([m.snapshot()]))  # nothing until recorded
    m.observe_genai("chat", "openai", "gpt-4o-mini", 0.25, 0.03, 812, 164, None)
    m.observe_genai("messages", "anthropic", "claude-haiku", 1.5, 0.0, 10, 5, None)
    m.observe_genai("embeddings", "openai", "emb", 3.0, 0.0, 7, None, "UpstreamTimeout")
    fams = {f.name: f for f in text_string_to_metric_families(render(merge([m.snapshot(), m.snapshot()])))}
    tok = fams["gen_ai_client_token_usage"]
    assert tok.type == "histogram"
    counts = {(s.labels["gen_ai_operation_name"], s.labels["gen_ai_request_model"], s.labels["gen_ai_token_type"]):
              s.value for s in tok.samples if s.name.endswith("_sum") }
    # two snapshots merged: every value doubled (workers add up)
    assert counts == {("chat", "gpt-4o-mini", "input"): 1624, ("chat", "gpt-4o-mini", "output"): 328,
                      ("chat", "claude-haiku", "input"): 20, ("chat", "claude-haiku", "output"): 10,
                      ("embeddings", "emb", "input"): 14}
    les = sorted({float(s.labels["le"]) for s in tok.samples if s.name.endswith("_bucket")})
    assert les[:-1] == [float(b) for b in GENAI_TOKEN_BUCKETS] and les[-1] == float("inf")
    for s in tok.samples:
        assert s.labels["gen_ai_provider_name"] == s.labels["gen_ai_system"]
    dur = fams["gen_ai_client_operation_duration_seconds"]
    errs = {s.labels["error_type"] for s in dur.samples if s.name.endswith("_count")}
    assert errs == {"", "UpstreamTimeout"}
    ttft = fams["gen_ai_server_time_to_first_token_seconds"]
    assert [s.value for s in ttft.samples if s.name.endswith("_count")] == [2]  # streamed call only


async def test_connection_gauges_follow_client_and_upstream_connections(mock, gateway_factory, tmp_path):
    """``fastgate_client_connections`` counts the listener's open connections and
    ``fastgate_upstream_connections{state}`` the pooled/active upstream ones: the numbers a leak check
    subtracts from ``fastgate_process_open_fds`` (the soak test does)."""

    def gauges(text: str) -> dict[str, float]:
        out = {}
        for line in text.splitlines():
            if line.startswith(("fastgate_client_connections ", "fastgate_upstream_connections{")):
                name, value = line.rsplit(" ", 1)
                out[name] = float(value)
        return out

    async with gateway_factory(base_config(mock.url, access_log=str(tmp_path / "a.log"))) as gw:
        async with aiohttp.ClientSession() as admin:
            async def read() -> dict[str, float]:
                async with admin.get(gw.admin_url + "/metrics") as r:
                    return gauges(await r.text())

            async with aiohttp.ClientSession() as s:
                for _ in range(3):
                    async with s.post(gw.url + "/v1/chat/completions", json=CHAT) as r:
                        assert r.status == 200
                        await r.read()
                held = await read()
            assert held["fastgate_client_connections"] == 1  # the session's keep-alive connection
            assert held['fastgate_upstream_connections{state="idle"}'] == 1
            assert held['fastgate_upstream_connections{state="active"}'] == 0
            for _ in range(50):  # the session is closed: the gateway sees EOF and drops the connection
                after = await read()
                if after["fastgate_client_connections"] == 0:
                    break
                await asyncio.sleep(0.05)
            assert after["fastgate_client_connections"] == 0
            assert after['fastgate_upstream_connections{state="idle"}'] == 1  # the pool keeps its connection
