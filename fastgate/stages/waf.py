"""Web application firewall for generic routes: the ``waf`` stage (priority 3700).

Detection uses libinjection (the SQLi/XSS tokenizer-fingerprint detector ModSecurity's CRS
relies on) through ``libinjection-python`` (PyPI; a C extension wrapping libinjection 3.x, it
builds here from source in seconds), plus two small rule sets of our own:

* path traversal: ``../`` / ``..\\`` sequences and NUL bytes in decoded values (CWE-22; the
  request path itself is already refused with 400 when not in normal form, HTTP-21);
* header injection: CR, LF or NUL in decoded path, query and cookie values (CWE-113 response
  splitting, and upstreams that copy parameters into headers or logs). Not in JSON strings or
  form fields, where multi-line text is legitimate.

What is inspected: the URL-decoded path, every query parameter (name and value, decoded once
more when the value still holds ``%XX``: double encoding), the configured request ``headers``
(cookies split into their values), and JSON (every string at any depth, and object keys) or
``application/x-www-form-urlencoded`` body values. ``exclude`` names fields never inspected:
query/form parameter names, header names, JSON keys (leaf name or dotted path), e.g. a field that
legitimately carries SQL or code.

Modes (``waf`` globally, ``routes[].waf`` per route, which replaces the global one): ``block`` →
403 ``waf_blocked`` and nothing is forwarded; ``detect`` → the request goes on, the finding is
logged (access-log field ``waf``) and counted (``fastgate_waf_events_total{route,rule,action}``);
``off``. A route whose WAF is off has no ``waf`` stage at all (zero cost).

Order: after ``authenticate`` (9000), ``authorize`` (4000) and PII redaction (3800), before the
rate limit (2000) and transforms (1000). After authentication so that anonymous floods are refused
by the throttle and the 401 without costing a body parse; after PII because the PII stage reads
the generic-route body itself (we then inspect ``ctx.body``, which it hands to the proxy); a
blocked request is never charged to a limit and never transformed.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import parse_qsl, unquote

import libinjection
import orjson

from ..pipeline.stage import Reply, Stage

__all__ = ["WAFStage", "Finding", "Inspector"]

log = logging.getLogger("fastgate.waf")

# Dot-dot segments with either separator (also after URL decoding), and the NUL byte (CWE-158).
_TRAVERSAL_RE = re.compile(r"(?:^|[/\\])\.\.(?:[/\\]|$)|\x00")
_CRLF_RE = re.compile(r"[\r\n\x00]")
_PCT_RE = re.compile(r"%[0-9A-Fa-f]{2}")
# One bareword/number/e-mail-like token (no whitespace, quotes, operators, brackets) cannot form a
# SQLi or XSS fingerprint; skipping libinjection for it matters because the Python binding costs
# ~10 µs a call (it builds the token vector as dicts) and JSON keys and ids are mostly this shape.
# Single hyphens are allowed (slugs, SKUs, UUIDs); "--" is not: it opens an SQL comment ("1--").
_PLAIN_RE = re.compile(r"[A-Za-z0-9_.@:]*(?:-[A-Za-z0-9_.@:]+)*-?")
# Strings shorter than this cannot hold a meaningful injection (libinjection needs tokens).
_MIN_LEN = 2


class Finding:
    """One detection: which rule fired on which field (the value itself is never logged)."""

    __slots__ = ("rule", "field", "detail")

    def __init__(self, rule: str, field: str, detail: str = "") -> None:
        self.rule = rule
        self.field = field
        self.detail = detail

    def as_dict(self) -> dict[str, str]:
        d = {"rule": self.rule, "field": self.field}
        if self.detail:
            d["fingerprint"] = self.detail
        return d

    def __repr__(self) -> str:
        return f"Finding({self.rule}, {self.field})"


class Inspector:
    """The detection rules of one WAF config, HTTP-free (tested and benchmarked directly)."""

    def __init__(self, cfg: Any) -> None:
        self.sqli = bool(cfg.sqli)
        self.xss = bool(cfg.xss)
        self.traversal = bool(cfg.path_traversal)
        self.crlf = bool(cfg.header_injection)
        self.exclude = frozenset(cfg.exclude)
        self.exclude_lower = frozenset(e.lower() for e in cfg.exclude)

    def value(self, field: str, v: str, *, crlf: bool = True) -> Finding | None:
        """Run every enabled rule on one decoded value; the first finding, else None."""
        if len(v) < _MIN_LEN:
            if "\x00" in v and self.traversal:
                return Finding("path_traversal", field)
            if crlf and self.crlf and _CRLF_RE.search(v):
                return Finding("header_injection", field)
            return None
        if _PLAIN_RE.fullmatch(v) is not None:
            return None  # (no '/', '\\', NUL, CR or LF either: the other rules cannot fire)
        if self.sqli:
            r = libinjection.is_sql_injection(v)
            if r["is_sqli"]:
                fp = r.get("fingerprint", b"")
                return Finding("sqli", field, fp.decode("ascii", "replace") if isinstance(fp, bytes) else str(fp))
        if self.xss and libinjection.is_xss(v)["is_xss"]:
            return Finding("xss", field)
        if self.traversal and (".." in v or "\x00" in v) and _TRAVERSAL_RE.search(v):
            return Finding("path_traversal", field)
        if crlf and self.crlf and _CRLF_RE.search(v):
            return Finding("header_injection", field)
        return None

    def decoded(self, field: str, v: str) -> Finding | None:
        """``value`` on ``v``, and again once more decoded when it still carries ``%XX`` (double encoding)."""
        f = self.value(field, v)
        if f is None and "%" in v and _PCT_RE.search(v):
            f = self.value(field, unquote(v))
        return f

    def path(self, path: str) -> Finding | None:
        """The request path, URL-decoded (traversal in the raw path is already a 400)."""
        return self.decoded("path", unquote(path)) if "%" in path else self.value("path", path)

    def query(self, query: str) -> Finding | None:
        """Every query parameter name and value (decoded like a server would)."""
        for k, v in parse_qsl(query, keep_blank_values=True):
            if k in self.exclude:
                continue
            f = self.decoded(f"query.{k}", k) or self.decoded(f"query.{k}", v)
            if f is not None:
                return f
        return None

    def headers(self, items: list[tuple[str, str]]) -> Finding | None:
        """Selected request headers; a cookie header is split into its values."""
        for name, v in items:
            if name in self.exclude_lower:
                continue
            if name == "cookie":
                for part in v.split(";"):
                    ck, _, cv = part.strip().partition("=")
                    if ck in self.exclude:
                        continue
                    f = self.decoded(f"cookie.{ck}", cv)
                    if f is not None:
                        return f
                continue
            # The HTTP parser already refused CR/LF/NUL in field values.
            f = self.value(f"header.{name}", v, crlf=False)
            if f is not None:
                return f
        return None

    def form(self, body: str) -> Finding | None:
        """``application/x-www-form-urlencoded`` fields."""
        for k, v in parse_qsl(body, keep_blank_values=True):
            if k in self.exclude:
                continue
            # Multi-line text areas send CR/LF legitimately: no CR/LF rule on form bodies.
            f = self.value(f"body.{k}", k, crlf=False) or self.value(f"body.{k}", v, crlf=False)
            if f is not None:
                return f
        return None

    def json(self, obj: Any, prefix: str = "body") -> Finding | None:
        """Every string (and object key) of a parsed JSON document, depth first."""
        stack: list[tuple[str, str, Any]] = [(prefix, "", obj)]
        while stack:
            path, leaf, o = stack.pop()
            if isinstance(o, str):
                # JSON strings legitimately hold newlines (prose, code): no CR/LF rule here.
                f = self.value(path, o, crlf=False)
                if f is not None:
                    return f
            elif isinstance(o, dict):
                for k, v in o.items():
                    if not isinstance(k, str):
                        continue
                    sub = f"{path}.{k}"
                    if k in self.exclude or sub[5:] in self.exclude:
                        continue
                    f = self.value(sub, k, crlf=False)
                    if f is not None:
                        return f
                    if isinstance(v, (str, dict, list)):
                        stack.append((sub, k, v))
            elif isinstance(o, list):
                for v in o:
                    if isinstance(v, (str, dict, list)):
                        stack.append((path, leaf, v))
        return None


class WAFStage(Stage):
    """Inspect a generic-route request and block (or report) what looks like an attack."""

    name = "waf"
    priority = 3700  # after authorize (4000) and PII (3800), before ratelimit (2000) and transforms (1000)

    def __init__(self, cfg: Any, route_name: str, metrics: Any, max_body: int) -> None:
        self.cfg = cfg
        self.block = cfg.mode == "block"
        self.route = route_name
        self.insp = Inspector(cfg)
        self.header_names = tuple(cfg.headers)
        self.max_inspect = min(int(cfg.max_body_bytes), max_body)
        self.block_uninspectable = cfg.uninspectable == "block"
        fam = metrics.families.get("fastgate_waf_events_total")
        if fam is None:
            fam = metrics.counter("fastgate_waf_events_total", "WAF findings by route, rule and action",
                                  ("route", "rule", "action"))
        self.events = fam

    @classmethod
    def for_route(cls, world: Any, route_cfg: Any) -> WAFStage | None:
        """The stage for a route (its own ``waf``, else the global one), or None when off."""
        cfg = getattr(route_cfg, "waf", None) or getattr(world.config, "waf", None)
        if cfg is None or cfg.mode == "off":
            return None
        return cls(cfg, route_cfg.name, world.metrics, world.max_body)

    # ------------------------------------------------------------------ request phase
    def on_request(self, ctx: Any) -> Any:
        insp = self.insp
        f = insp.path(ctx.path)
        if f is None and ctx.query:
            f = insp.query(ctx.query)
        if f is None and self.header_names:
            hdrs = ctx.request.headers
            items = [(n, v) for n in self.header_names for v in hdrs.getall(n, ())]
            if items:
                f = insp.headers(items)
        if f is not None:
            return self._found(ctx, f)
        request = ctx.request
        if ctx.body is not None:
            return self._body(ctx, ctx.body)
        if not request.body_exists:
            return None
        cl = request.content_length
        if cl is not None and cl > self.max_inspect:
            return self._uninspectable(ctx, "body_too_large")
        content = request.content
        if content.is_eof():
            data = content.read_nowait(-1)
            ctx.body = data
            ctx.bytes_in = len(data)
            return self._body(ctx, data)
        return self._read_body(ctx)

    async def _read_body(self, ctx: Any) -> Reply | None:
        from .core import read_body

        # A chunked body has no declared length: read it (bounded by the route's body limit, 413
        # past it; slow bodies get 408) and judge its size once read.
        data = await read_body(ctx.request, ctx.world.max_body, ctx.world.body_timeout)
        ctx.body = data
        ctx.bytes_in = len(data)
        return self._body(ctx, data)

    def _body(self, ctx: Any, data: bytes) -> Reply | None:
        if not data:
            return None
        if len(data) > self.max_inspect:
            return self._uninspectable(ctx, "body_too_large")
        headers = ctx.request.headers
        enc = headers.get("content-encoding")
        if enc and enc.strip().lower() != "identity":
            return self._uninspectable(ctx, "body_encoded")
        ctype = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        insp = self.insp
        if ctype == "application/x-www-form-urlencoded":
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                return self._uninspectable(ctx, "body_not_utf8")
            f = insp.form(text)
        else:
            is_json = ctype == "application/json" or ctype.endswith("+json")
            if not is_json:
                # Many upstreams parse JSON whatever the declared type: look at what it is.
                head = data[:64].lstrip()
                if head[:1] not in (b"{", b"["):
                    return None  # not a body type this WAF inspects (binary, multipart, text)
            try:
                obj = orjson.loads(data)
            except orjson.JSONDecodeError:
                if is_json:
                    return self._uninspectable(ctx, "body_bad_json")
                return None
            f = insp.json(obj)
        if f is not None:
            return self._found(ctx, f)
        return None

    # ------------------------------------------------------------------ outcomes
    def _found(self, ctx: Any, f: Finding) -> Reply | None:
        action = "blocked" if self.block else "detected"
        self.events.inc((self.route, f.rule, action))
        rec = f.as_dict()
        rec["action"] = action
        ctx.set_extra("waf", rec)
        log.warning("waf %s %s in %s (route %s, request %s)", action, f.rule, f.field, self.route, ctx.request_id)
        if self.block:
            return Reply(403, "Request blocked by the web application firewall", type="permission_error",
                         code="waf_blocked", reason=f"waf:{f.rule}:{f.field}")
        return None

    def _uninspectable(self, ctx: Any, why: str) -> Reply | None:
        if self.block and self.block_uninspectable:
            return self._found(ctx, Finding("uninspectable", why))
        self.events.inc((self.route, "uninspectable", "skipped"))
        ctx.set_extra("waf", {"rule": "uninspectable", "field": why, "action": "skipped"})
        return None
