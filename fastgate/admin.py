"""The admin plane (``server.admin_listen``): health, readiness, metrics, reload, config.

Off the hot path, so it is a plain ``aiohttp.web.Application``. The same app serves an in-process
gateway (tests, ``--workers 0``) and the supervisor of a multi-process one; the difference is
the :class:`AdminBackend` behind it.

When ``admin.token`` is set, every admin endpoint except the probes (``/healthz``, ``/readyz``,
which orchestrators call without credentials) requires ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import hmac
from typing import Any, Protocol

import orjson
from aiohttp import web

PROM_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class AdminBackend(Protocol):
    async def metrics_text(self) -> str: ...
    async def readiness(self) -> tuple[bool, dict[str, Any]]: ...
    async def reload(self) -> tuple[bool, dict[str, Any]]: ...
    def config_view(self) -> dict[str, Any]: ...
    def admin_token(self) -> str | None: ...
    def current_config(self) -> Any:
        """The config being served (optional: governance endpoints need it)."""
    async def flush_usage(self) -> dict[str, str] | None:
        """Make every worker write its pending usage; where the ledger is (None when off)."""


def _json(data: Any, status: int = 200) -> web.Response:
    return web.Response(status=status, body=orjson.dumps(data, option=orjson.OPT_INDENT_2),
                        content_type="application/json")


def make_admin_app(backend: AdminBackend) -> web.Application:
    @web.middleware
    async def auth(request: web.Request, handler: Any) -> web.StreamResponse:
        token = backend.admin_token()
        if token and request.path not in ("/healthz", "/readyz"):
            got = request.headers.get("Authorization", "")
            if not hmac.compare_digest(got.encode(), f"Bearer {token}".encode()):
                return web.Response(status=401, headers={"WWW-Authenticate": 'Bearer realm="fastgate-admin"'},
                                    body=orjson.dumps({"error": {"message": "admin token required",
                                                                 "type": "authentication_error",
                                                                 "code": "invalid_admin_token", "param": None}}),
                                    content_type="application/json")
        return await handler(request)

    async def healthz(request: web.Request) -> web.Response:
        return _json({"status": "ok"})

    async def readyz(request: web.Request) -> web.Response:
        ok, detail = await backend.readiness()
        detail["ready"] = ok
        return _json(detail, 200 if ok else 503)

    async def metrics(request: web.Request) -> web.Response:
        text = await backend.metrics_text()
        return web.Response(body=text.encode(), headers={"Content-Type": PROM_CONTENT_TYPE})

    async def reload(request: web.Request) -> web.Response:
        ok, detail = await backend.reload()
        return _json(detail, 200 if ok else 400)

    async def config(request: web.Request) -> web.Response:
        return _json(backend.config_view())

    async def usage(request: web.Request) -> web.Response:
        from .observability.usage import query_usage, query_usage_redis

        group_by = request.query.get("group_by", "subject")
        since = request.query.get("since")
        store = await backend.flush_usage()
        if store is None:
            return _json({"error": {"message": "the usage ledger is off (usage.store: off)", "type": "invalid_request_error",
                                    "code": "usage_off", "param": None}}, 404)
        try:
            if store["store"] == "redis":
                rows = await query_usage_redis(store["url"], store["prefix"], group_by, since)
            else:
                rows = query_usage(store["path"], group_by, since)
        except ValueError as e:
            return _json({"error": {"message": str(e), "type": "invalid_request_error", "code": "bad_query",
                                    "param": "group_by" if "group_by" in str(e) else "since"}}, 400)
        if wants_html(request.headers.get("Accept", "")):
            # The charts need the tenant and model totals whatever the table is grouped by.
            if store["store"] == "redis":
                by_tenant = await query_usage_redis(store["url"], store["prefix"], "tenant", since)
                by_model = await query_usage_redis(store["url"], store["prefix"], "model", since)
            else:
                by_tenant = query_usage(store["path"], "tenant", since)
                by_model = query_usage(store["path"], "model", since)
            page = usage_html(group_by, since, rows, by_tenant, by_model)
            # Self-contained: no script, no external asset; the CSP makes that a guarantee.
            return web.Response(body=page.encode(), content_type="text/html", charset="utf-8",
                                headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                                         "X-Content-Type-Options": "nosniff"})
        return _json({"group_by": group_by, "since": since, "rows": rows})

    app = web.Application(middlewares=[auth])
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    app.router.add_post("/admin/reload", reload)
    app.router.add_get("/admin/config", config)
    app.router.add_get("/admin/usage", usage)

    async def restart(request: web.Request) -> web.Response:
        fn = getattr(backend, "rolling_restart", None)
        if fn is None:
            return _json({"error": {"message": "rolling restart needs the multi-process supervisor",
                                    "type": "invalid_request_error", "code": "not_supported", "param": None}}, 400)
        ok, detail = await fn()
        return _json(detail, 200 if ok else 500)

    app.router.add_post("/admin/restart", restart)
    if hasattr(backend, "current_config"):
        # /admin/subscriptions and /admin/catalog (fastgate/governance/admin.py)
        from .governance.admin import add_routes

        add_routes(app, backend)
    return app


def _q(params: list[str]) -> float:
    for p in params:
        k, _, v = p.strip().partition("=")
        if k.strip().lower() == "q":
            try:
                return max(0.0, min(1.0, float(v)))
            except ValueError:
                return 0.0
    return 1.0


def wants_html(accept: str) -> bool:
    """Content negotiation (RFC 9110 §12.5.1) between ``text/html`` and ``application/json``:
    HTML only when the client prefers it strictly (a browser), JSON on a tie (``*/*``, curl)."""
    q_html = q_json = 0.0
    spec_html = spec_json = -1  # specificity of the range that set each q
    for part in accept.split(","):
        media, *params = part.split(";")
        media = media.strip().lower()
        q = _q(params)
        for target, kind in (("text/html", "html"), ("application/json", "json")):
            major = target.split("/")[0]
            spec = 2 if media == target else 1 if media == f"{major}/*" else 0 if media == "*/*" else -1
            if spec < 0:
                continue
            if kind == "html" and spec > spec_html:
                q_html, spec_html = q, spec
            elif kind == "json" and spec > spec_json:
                q_json, spec_json = q, spec
    return q_html > q_json


def _bars(title: str, rows: list[dict[str, Any]], label_key: str) -> str:
    """One inline SVG chart: a horizontal bar per row, input and output tokens stacked."""
    from html import escape

    width, bar_h, gap, left, right = 720, 18, 6, 180, 230
    top = max((int(r["prompt_tokens"] or 0) + int(r["completion_tokens"] or 0)) for r in rows) if rows else 0
    height = max(1, len(rows)) * (bar_h + gap) + 8
    out = [f'<h2>{escape(title)}</h2>',
           f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
           f'aria-label="{escape(title)}">']
    if not rows:
        out.append('<text x="0" y="14" font-size="12">no usage recorded</text>')
    span = width - left - right
    for i, r in enumerate(rows):
        y = 4 + i * (bar_h + gap)
        p, c = int(r["prompt_tokens"] or 0), int(r["completion_tokens"] or 0)
        wp = span * p / top if top else 0.0
        wc = span * c / top if top else 0.0
        name = r.get(label_key)
        label = escape(str(name) if name not in (None, "") else "(none)")
        out.append(f'<text x="{left - 6}" y="{y + 13}" font-size="12" text-anchor="end">{label}</text>')
        out.append(f'<rect class="in" x="{left}" y="{y}" width="{wp:.1f}" height="{bar_h}"><title>input tokens: '
                   f'{p}</title></rect>')
        out.append(f'<rect class="out" x="{left + wp:.1f}" y="{y}" width="{wc:.1f}" height="{bar_h}"><title>'
                   f'output tokens: {c}</title></rect>')
        out.append(f'<text x="{left + wp + wc + 6:.1f}" y="{y + 13}" font-size="12">{p + c} tok · '
                   f'{int(r["requests"] or 0)} req · ${float(r["cost_usd"] or 0):.4f}</text>')
    out.append("</svg>")
    return "\n".join(out)


def usage_html(group_by: str, since: str | None, rows: list[dict[str, Any]], by_tenant: list[dict[str, Any]],
               by_model: list[dict[str, Any]]) -> str:
    """``GET /admin/usage`` for a browser: a self-contained page (inline CSS and SVG, no script).

    Every value from the ledger (tenant, subject and model names come from tokens and requests)
    is HTML-escaped: an identity provider's claim must not become markup (CWE-79).
    """
    from html import escape

    cols = [c for c in ("day", "tenant", "subject", "model") if rows and c in rows[0]]
    head = "".join(f"<th>{c}</th>" for c in cols) + "<th>requests</th><th>input tokens</th>" \
        "<th>output tokens</th><th>cost (USD)</th>"
    body = []
    for r in rows:
        cells = "".join(f"<td>{escape(str(r.get(c) if r.get(c) not in (None, '') else '(none)'))}</td>" for c in cols)
        body.append(f"<tr>{cells}<td class=n>{int(r['requests'] or 0)}</td><td class=n>{int(r['prompt_tokens'] or 0)}"
                    f"</td><td class=n>{int(r['completion_tokens'] or 0)}</td><td class=n>"
                    f"{float(r['cost_usd'] or 0):.6f}</td></tr>")
    total_cost = sum(float(r["cost_usd"] or 0) for r in by_model)
    total_req = sum(int(r["requests"] or 0) for r in by_model)
    scope = f"since {escape(since)}" if since else "all recorded days"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>fastgate usage</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2em;color:#222}} table{{border-collapse:collapse}}
th,td{{border:1px solid #ccc;padding:.25em .6em}} td.n{{text-align:right;font-variant-numeric:tabular-nums}}
rect.in{{fill:#4e79a7}} rect.out{{fill:#f28e2b}} .legend span{{display:inline-block;width:1em;height:1em;
vertical-align:middle;margin:0 .3em 0 1em}}
</style></head><body>
<h1>fastgate usage</h1>
<p>{scope}: {total_req} requests, ${total_cost:.4f}.
<span class="legend"><span style="background:#4e79a7"></span>input tokens<span style="background:#f28e2b"></span>output
tokens</span></p>
{_bars("Per tenant", by_tenant, "tenant")}
{_bars("Per model", by_model, "model")}
<h2>By {escape(group_by)}</h2>
<table><thead><tr>{head}</tr></thead><tbody>
{"".join(body) or '<tr><td colspan="8">no usage recorded</td></tr>'}
</tbody></table>
<p>JSON: the same URL with <code>Accept: application/json</code>.</p>
</body></html>
"""


async def start_admin(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port, reuse_address=True)
    await site.start()
    server: Any = site._server
    sockets = server.sockets if server is not None else []
    bound = sockets[0].getsockname()[1] if sockets else port
    return runner, bound
