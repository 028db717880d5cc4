"""Admin endpoints of governance: ``/admin/subscriptions`` (request, approve, revoke, list, audit)
and ``/admin/catalog``. Registered on the admin app by ``fastgate/admin.py``; they read the live
config through the backend's ``current_config()`` and talk to the subscription store directly (the
workers pick changes up by polling it, so no fan-out to worker processes is needed)."""

from __future__ import annotations

import logging
from typing import Any

import orjson
from aiohttp import web

from .subscriptions import SubscriptionError, SubscriptionStore, open_store, store_key

__all__ = ["add_routes"]

log = logging.getLogger("fastgate.governance")


def _json(data: Any, status: int = 200) -> web.Response:
    return web.Response(status=status, body=orjson.dumps(data, option=orjson.OPT_INDENT_2),
                        content_type="application/json")


def _err(status: int, message: str, code: str) -> web.Response:
    return _json({"error": {"message": message, "type": "invalid_request_error", "code": code, "param": None}}, status)


def add_routes(app: web.Application, backend: Any) -> None:
    """Register the governance endpoints on the admin ``app``."""
    state: dict[str, Any] = {"key": None, "store": None}

    def config() -> Any:
        return backend.current_config()

    def store() -> SubscriptionStore:
        cfg = config()
        key = store_key(cfg)
        if state["key"] != key:
            state["store"], state["key"] = open_store(cfg), key
        return state["store"]  # type: ignore[no-any-return]

    def actor(request: web.Request, body: dict[str, Any]) -> str:
        who = body.get("actor")
        who = who if isinstance(who, str) and who.isprintable() and len(who) <= 128 else "admin"
        return f"{who}@{request.remote or '?'}"

    async def body_of(request: web.Request) -> dict[str, Any]:
        raw = await request.read()
        if not raw:
            return {}
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise SubscriptionError(400, "the body must be a JSON object") from None
        if type(obj) is not dict:
            raise SubscriptionError(400, "the body must be a JSON object")
        return obj

    async def create(request: web.Request) -> web.Response:
        try:
            body = await body_of(request)
            app_id = body.get("app")
            resource = body.get("resource")
            if resource is None:
                if isinstance(body.get("model"), str):
                    resource = "model:" + body["model"]
                elif isinstance(body.get("route"), str):
                    resource = "route:" + body["route"]
            if not isinstance(app_id, str) or not isinstance(resource, str):
                raise SubscriptionError(400, "give 'app' (client:<id> or api_key:<name>) and 'model' or 'route'")
            cfg = config()
            kind, _, name = resource.partition(":")
            known = cfg.models if kind == "model" else {r.name for r in cfg.routes} if kind == "route" else ()
            if name not in known:
                raise SubscriptionError(404, f"no such {kind or 'resource'}: {name!r}")
            tenant = body.get("tenant") if isinstance(body.get("tenant"), str) else None
            who = actor(request, body)
            before = await store().entries()
            sub = await store().request(app_id, resource, who, tenant)
        except SubscriptionError as e:
            return _err(e.status, str(e), "bad_subscription")
        created = not any(s["id"] == sub["id"] for s in before)
        if created:
            log.info("subscription %s requested by %s: %s → %s", sub["id"], who, sub["app"], sub["resource"])
        return _json(sub, 201 if created else 200)

    async def change(request: web.Request) -> web.Response:
        action = request.match_info["action"]
        try:
            body = await body_of(request)
            who = actor(request, body)
            sub = await store().transition(request.match_info["id"], action, who)
        except SubscriptionError as e:
            return _err(e.status, str(e), "bad_subscription")
        log.info("subscription %s %sd by %s: %s → %s", sub["id"], action, who, sub["app"], sub["resource"])
        return _json(sub)

    async def listing(request: web.Request) -> web.Response:
        st = store()
        subs = await st.entries()
        status = request.query.get("status")
        if status:
            subs = [s for s in subs if s["status"] == status]
        return _json({"subscriptions": subs, "version": await st.version()})

    async def audit(request: web.Request) -> web.Response:
        try:
            limit = max(1, min(10000, int(request.query.get("limit", "1000"))))
        except ValueError:
            return _err(400, "limit must be an integer", "bad_query")
        return _json({"audit": await store().audit(limit)})

    async def catalog(request: web.Request) -> web.Response:
        from ..admin import wants_html
        from .catalog import build_catalog, catalog_html

        data = build_catalog(config())
        if wants_html(request.headers.get("Accept", "")):
            return web.Response(body=catalog_html(data).encode(), content_type="text/html", charset="utf-8",
                                headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                                         "X-Content-Type-Options": "nosniff"})
        return _json(data)

    async def close(_app: web.Application) -> None:
        if state["store"] is not None:
            await state["store"].close()

    app.router.add_post("/admin/subscriptions", create)
    app.router.add_get("/admin/subscriptions", listing)
    app.router.add_get("/admin/subscriptions/audit", audit)
    app.router.add_post(r"/admin/subscriptions/{id}/{action:approve|revoke}", change)
    app.router.add_get("/admin/catalog", catalog)
    app.on_cleanup.append(close)
