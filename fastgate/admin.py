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
    return app


async def start_admin(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port, reuse_address=True)
    await site.start()
    server: Any = site._server
    sockets = server.sockets if server is not None else []
    bound = sockets[0].getsockname()[1] if sockets else port
    return runner, bound
