"""The service catalogue behind ``GET /admin/catalog``: every published route and model, its version,
lifecycle status, who may use it (policies) and what it demands (step-up, subscription, scopes)."""

from __future__ import annotations

import datetime
import time
from html import escape
from typing import Any

__all__ = ["build_catalog", "catalog_html"]


def _status(dep: Any, now: float) -> tuple[str, dict[str, Any] | None]:
    if dep is None:
        return "active", None
    info: dict[str, Any] = {"sunset": dep.sunset.isoformat() if dep.sunset else None, "link": dep.link,
                            "since": dep.since.isoformat() if getattr(dep, "since", None) else None}
    if dep.sunset is not None:
        ts = datetime.datetime(dep.sunset.year, dep.sunset.month, dep.sunset.day, tzinfo=datetime.UTC).timestamp()
        if now >= ts:
            return "retired", info
    return "deprecated", info


def _require_auth(ra: Any) -> dict[str, Any] | None:
    if ra is None:
        return None
    return {"acr_values": list(ra.acr_values), "amr": list(getattr(ra, "amr", ()) or ()), "max_age_s": ra.max_age_s}


def build_catalog(config: Any, now: float | None = None) -> dict[str, Any]:
    """The catalogue as JSON-ready data (``now``: epoch seconds deciding ``retired``)."""
    from ..stages.authz import PolicyRuntime

    now = time.time() if now is None else now
    policies = [PolicyRuntime(p) for p in config.policies]
    models = []
    for name, m in config.models.items():
        status, dep = _status(m.deprecated, now)
        models.append({
            "name": name, "kind": "model", "version": m.version, "status": status, "deprecation": dep,
            "subscription": m.subscription == "required", "require_auth": _require_auth(m.require_auth),
            "policies": [p.name for p in policies if p.allows_model(name)],
        })
    routes = []
    for r in config.routes:
        status, dep = _status(r.deprecated, now)
        routes.append({
            "name": r.name, "kind": "route", "path_prefix": r.path_prefix, "version": r.version, "status": status,
            "deprecation": dep, "auth": r.auth, "require_scopes": list(r.require_scopes),
            "subscription": r.subscription == "required", "require_auth": _require_auth(r.require_auth),
            # every policy applies to routes (first match wins); route scopes narrow further
            "policies": [p.name for p in policies] if r.auth != "off" else [],
        })
    templates = []
    for name, t in (getattr(config, "templates", None) or {}).items():
        m = config.models.get(t.model)
        status, dep = _status(m.deprecated if m is not None else None, now)
        # a template is a call of its model: it inherits the model's lifecycle and demands
        templates.append({"name": name, "kind": "template", "path_prefix": t.path, "model": t.model,
                          "version": m.version if m is not None else None, "status": status, "deprecation": dep,
                          "subscription": bool(m is not None and m.subscription == "required"),
                          "require_auth": _require_auth(m.require_auth if m is not None else None),
                          "policies": [p.name for p in policies if p.allows_model(t.model)]})
    return {"models": models, "routes": routes, "templates": templates,
            "policies": [{"name": p.name, "models": list(p.cfg.models), "require_scopes": list(p.cfg.require_scopes),
                          "prompt_guard": p.cfg.prompt_guard is not None,
                          "deny_rules": [d.name for d in getattr(p.cfg, "deny", ())]} for p in policies]}


def catalog_html(data: dict[str, Any]) -> str:
    """The catalogue for a browser: self-contained, every value escaped (names come from config)."""

    def cell(v: Any) -> str:
        if v is None or v == [] or v is False:
            return "<td>–</td>"
        if v is True:
            return "<td>yes</td>"
        if isinstance(v, list):
            return f"<td>{escape(', '.join(str(x) for x in v))}</td>"
        if isinstance(v, dict):
            return "<td>" + escape(", ".join(f"{k}: {x}" for k, x in v.items() if x not in (None, []))) + "</td>"
        return f"<td>{escape(str(v))}</td>"

    rows = []
    for item in (*data["models"], *data["routes"], *data.get("templates", ())):
        rows.append("<tr>" + "".join(cell(item.get(k)) for k in (
            "kind", "name", "path_prefix", "version", "status", "deprecation", "subscription", "require_auth",
            "policies")) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("kind", "name", "path", "version", "status", "deprecation",
                                              "subscription", "step-up", "policies"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>fastgate catalogue</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em}} table{{border-collapse:collapse}}
th,td{{border:1px solid #ccc;padding:.25em .6em}}</style></head><body>
<h1>fastgate service catalogue</h1>
<table><thead><tr>{head}</tr></thead><tbody>
{"".join(rows) or '<tr><td colspan="9">nothing published</td></tr>'}
</tbody></table>
<p>JSON: the same URL with <code>Accept: application/json</code>.</p>
</body></html>
"""
