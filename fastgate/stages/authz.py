"""Authorization: may this identity do this? (``Authorize`` stage, priority 4000.)

Runs after ``llm_request`` (5000) has resolved ``ctx.model``. Decisions, in order:

1. the first policy of ``policies:`` whose ``match`` holds (every listed condition must hold; a
   condition lists alternatives; an empty match matches everyone, including anonymous callers of
   ``auth: optional|off`` endpoints). Policies exist but none matches → 403 ``forbidden``;
2. the policy's ``models`` allow-list (globs, ``fnmatch`` case-sensitive, compiled at load) →
   403 ``model_not_allowed``. ``ctx.policy`` is set so ``GET /v1/models`` lists only allowed
   models and later stages (limits, PII) read the policy;
3. ``require_scopes`` of the policy and of the route: every scope must be granted, compared as
   exact strings (``admin`` ≠ ``administrator``, catalogue JWT-33) → 403 with
   ``WWW-Authenticate: Bearer realm="fastgate", error="insufficient_scope", scope="…"`` (RFC 6750
   §3.1). An anonymous caller (``auth: optional``) is held only to the route's scopes, and gets
   the uniform 401 when there are any.

``auth: off`` routes are public: they get no authorization stage at all.

For generic routes the identity then travels upstream as ``x-fastgate-subject/tenant/groups/
scopes`` (SPEC §4); the handler has already dropped any client-sent copies.

Client IP for ``match.ip``: the TCP peer, or — when the peer is in ``server.trusted_proxies`` —
the right-most ``X-Forwarded-For`` hop that is not itself a trusted proxy (left-most entries are
client-controlled and never believed).
"""

from __future__ import annotations

import datetime
import fnmatch
import ipaddress
import re
from typing import Any
from zoneinfo import ZoneInfo

from ..pipeline.stage import Reply, Stage

__all__ = ["Authorize", "PolicyRuntime", "PolicySet", "client_ip"]

_LLM_MODEL_KINDS = frozenset({"chat", "completions", "embeddings", "messages", "template"})


def _typed(values: Any) -> frozenset[tuple[type, Any]]:
    # (type, value) pairs: in Python True == 1 and hash(1.0) == hash(1); a policy asking for the
    # claim `admin: [true]` must not match a claim value 1.
    return frozenset((type(v), v) for v in values)


class PolicyRuntime:
    """One ``policies[]`` entry, compiled: matchers as sets/networks, models as one regex."""

    __slots__ = ("name", "cfg", "groups", "scopes", "tenants", "subjects", "issuers", "nets", "claims", "days",
                 "window", "tz", "needs_identity", "require_scopes", "allow_all", "_models_re", "_allowed",
                 "methods", "paths_re", "pii", "matches_all")

    def __init__(self, cfg: Any) -> None:
        self.name: str = cfg.name
        self.cfg = cfg
        # Read by the PII stage on every request (stages/pii.py policy_modes): an attribute here,
        # so that lookup does not go through a failing getattr on a slotted object.
        self.pii = getattr(cfg, "pii", None)
        m = cfg.match
        self.groups = frozenset(m.groups)
        self.scopes = frozenset(m.scopes)
        self.tenants = frozenset(m.tenants)
        self.subjects = frozenset(m.subjects)
        self.issuers = frozenset(m.issuers)
        self.nets = tuple(ipaddress.ip_network(c, strict=False) for c in m.ip)
        self.claims = tuple((name, _typed(vals)) for name, vals in (m.claims or {}).items())
        self.methods = frozenset(x.upper() for x in getattr(m, "methods", ()) or ())
        paths = tuple(getattr(m, "paths", ()) or ())
        self.paths_re = re.compile("|".join(f"(?:{fnmatch.translate(x)})" for x in paths)) if paths else None
        if m.time is not None:
            self.days: frozenset[int] | None = m.time.day_set()
            self.window = m.time.minutes()
            self.tz: Any = ZoneInfo(m.time.tz)
        else:
            self.days, self.window, self.tz = None, (0, 1440), None
        self.needs_identity = bool(self.groups or self.scopes or self.tenants or self.subjects or self.issuers
                                   or self.claims)
        # `match: {}` (or nothing left that can fail): matches() is True for every caller.
        self.matches_all = not (self.methods or self.paths_re is not None or self.needs_identity or self.nets
                                or self.days is not None)
        self.require_scopes: tuple[str, ...] = tuple(cfg.require_scopes)
        patterns = tuple(cfg.models)
        self.allow_all = "*" in patterns
        self._models_re = re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns)) if patterns else None
        self._allowed: dict[str, bool] = {}

    def allows_model(self, name: str) -> bool:
        """Is ``name`` (the model name the caller asked for) in this policy's ``models`` globs?"""
        if self.allow_all:
            return True
        hit = self._allowed.get(name)
        if hit is None:
            hit = self._models_re is not None and self._models_re.match(name) is not None
            if len(self._allowed) < 4096:  # bounded: model names come from callers
                self._allowed[name] = hit
        return hit

    def matches(self, ident: Any, ip: str | None, method: str = "", path: str = "") -> bool:
        """Does this policy apply to ``ident`` (``None`` = anonymous) calling ``method path`` from ``ip``?"""
        if self.methods and method not in self.methods:
            return False
        if self.paths_re is not None and self.paths_re.match(path) is None:
            return False
        if self.needs_identity:
            if ident is None:
                return False
            if self.groups and self.groups.isdisjoint(ident.groups):
                return False
            if self.scopes and self.scopes.isdisjoint(ident.scopes):
                return False
            if self.tenants and ident.tenant not in self.tenants:
                return False
            if self.subjects and ident.subject not in self.subjects:
                return False
            if self.issuers and ident.issuer not in self.issuers:
                return False
            for name, wanted in self.claims:
                v = ident.claims.get(name)
                vals = v if type(v) is list else (v,)
                if not any((type(x), x) in wanted for x in vals if isinstance(x, (str, int, float, bool))):
                    return False
        if self.nets:
            try:
                addr = ipaddress.ip_address(ip or "")
            except ValueError:
                return False
            if not any(addr in n for n in self.nets):
                return False
        if self.days is not None:
            now = datetime.datetime.now(self.tz)
            lo, hi = self.window
            minute = now.hour * 60 + now.minute
            if lo <= hi:
                if now.weekday() not in self.days or not lo <= minute < hi:
                    return False
            else:  # wraps midnight: 22:00-06:00; the early part belongs to the previous day's window
                if minute >= lo:
                    if now.weekday() not in self.days:
                        return False
                elif minute < hi:
                    if (now.weekday() - 1) % 7 not in self.days:
                        return False
                else:
                    return False
        return True

    def __repr__(self) -> str:
        return f"<policy {self.name}>"


class PolicySet:
    """``policies:`` compiled once per World; first match wins."""

    __slots__ = ("policies", "needs_ip")

    def __init__(self, config: Any) -> None:
        self.policies = tuple(PolicyRuntime(p) for p in config.policies)
        self.needs_ip = any(p.nets for p in self.policies)

    def first_match(self, ident: Any, ip: str | None, method: str = "", path: str = "") -> PolicyRuntime | None:
        for p in self.policies:
            if p.matches_all or p.matches(ident, ip, method, path):
                return p
        return None


def client_ip(ctx: Any) -> str:
    """The caller's address: the peer, or the X-Forwarded-For hop its trusted proxies vouch for."""
    if ctx.client_ip:
        return ctx.client_ip  # type: ignore[no-any-return]
    request = ctx.request
    world = ctx.world
    ip = request.remote or ""
    if world.trusted_proxies and world.is_trusted(ip):
        hops = [h.strip() for v in request.headers.getall("x-forwarded-for", ()) for h in v.split(",")]
        for h in reversed(hops):
            if not h:
                continue
            ip = h
            if not world.is_trusted(h):
                break
    ctx.client_ip = ip
    return ip


def _forbidden(message: str, code: str, reason: str, headers: list[tuple[str, str]] | None = None) -> Reply:
    return Reply(403, message, type="permission_error", code=code, reason=reason, headers=headers)


class Authorize(Stage):
    """Apply ``policies:``, model allow-lists and required scopes; pass identity to routes."""

    name = "authorize"
    priority = 4000

    def __init__(self, runtime: Any, kind: str, route_cfg: Any = None) -> None:
        self.rt = runtime
        self.policies: PolicySet = runtime.policies
        self.route_scopes: tuple[str, ...] = tuple(getattr(route_cfg, "require_scopes", ()) or ())
        self.check_model = kind in _LLM_MODEL_KINDS
        self.identity_headers = kind == "route"

    @classmethod
    def for_endpoint(cls, runtime: Any, kind: str, route_cfg: Any = None) -> Authorize | None:
        """The stage for an endpoint, or ``None`` when it would have nothing to do there."""
        if kind == "route" and route_cfg is not None and route_cfg.auth == "off" and not route_cfg.require_scopes:
            return None  # an `auth: off` route is public: no identity, nothing to authorize
        if runtime.policies.policies or getattr(route_cfg, "require_scopes", None):
            return cls(runtime, kind, route_cfg)
        if kind == "route" and runtime.mode_for(kind, route_cfg) != "off":
            return cls(runtime, kind, route_cfg)
        return None

    def on_request(self, ctx: Any) -> Reply | None:
        ident = ctx.identity
        required = self.route_scopes
        ps = self.policies
        policies = ps.policies
        if policies:
            # ps.first_match and policy.allows_model, with their commonest answers inlined (a
            # policy matching everyone, a policy allowing every model): two calls fewer.
            policy = policies[0]
            if not policy.matches_all or ps.needs_ip:
                found = ps.first_match(ident, client_ip(ctx) if ps.needs_ip else None, ctx.method, ctx.path)
                if found is None:
                    return _forbidden("You are not allowed to use this endpoint", "forbidden", "no_matching_policy")
                policy = found
            ctx.policy = policy
            if (self.check_model and not policy.allow_all and ctx.model_name is not None
                    and not policy.allows_model(ctx.model_name)):
                return _forbidden(f"You are not allowed to use the model '{ctx.model_name}'", "model_not_allowed",
                                  "model_not_allowed")
            if policy.require_scopes and ident is not None:
                # A policy's scopes bind authenticated callers; an anonymous caller of an
                # `auth: optional` endpoint has none to check (route scopes still demand a login).
                required = policy.require_scopes + required if required else policy.require_scopes
        if required:
            if ident is None:
                return self.rt.fail(ctx, "missing_credentials")  # type: ignore[no-any-return]
            granted = ident.scopes
            missing = False
            for s in required:
                if s not in granted:
                    missing = True
                    break
            if missing:
                want = " ".join(dict.fromkeys(s.replace('"', "").replace("\\", "") for s in required))
                return _forbidden(
                    "The credential lacks a required scope", "insufficient_scope", "insufficient_scope",
                    [("WWW-Authenticate", f'Bearer realm="fastgate", error="insufficient_scope", scope="{want}"')],
                )
        if self.identity_headers and ident is not None:
            ctx.set_extra("_upstream_headers", ident.upstream_headers())
        return None
