"""Request/response transforms for generic routes: the ``transforms`` stage (priority 1000).

Configured per route (``routes[].transforms``, see ``config/schema.py``): add/remove/rename
request and response headers, path rewrite (prefix or regex with captures), query parameter
add/remove, JSON body field set/remove both ways. Values may use ``${claim.NAME}``,
``${request_id}``, ``${client_ip}``, ``${subject}``, ``${tenant}``, ``${route}``: inside
``transforms`` the config loader leaves these for the stage (other ``${VAR}`` still read the
environment; ``$${...}`` also works).

Order, relative to the other stages:

1. request phase: ``throttle`` (9500) → ``authenticate`` (9000) → ``authorize`` (4000) → PII
   redaction (3800) → ``waf`` (3700) → ``ratelimit`` (2000) → **transforms (1000)**. So the WAF
   and PII see what the client sent, a request that is refused is never transformed, claims are
   verified before they are substituted, and values the gateway injects are not redacted.
2. at the proxy: the path rewrite applies to the upstream path after ``strip_prefix``; request
   header transforms run after the gateway added its own headers (``x-forwarded-*``,
   ``x-request-id``, ``x-fastgate-*``), in the order remove, rename, add.
3. response phase (reverse order): response header and body transforms run first, then PII
   redaction of the response, so redaction always has the last word.

Bodies: only JSON (``application/json`` or ``+json``, uncompressed) up to ``max_bytes`` is
rewritten; anything else passes untouched. A route without a response body transform keeps
streaming its responses; one with it has them buffered (bounded) so they can be rewritten.
A substituted header value that would be empty or hold CR/LF/NUL (a claim is caller-influenced
data) is not set (RFC 9110 §5.5; CWE-113).
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode

import orjson

from ..config.schema import TRANSFORM_PLACEHOLDER_RE
from ..pipeline.stage import Stage
from .authz import client_ip

__all__ = ["TransformStage", "render"]

log = logging.getLogger("fastgate.transforms")

_BAD_HEADER_VALUE = re.compile(r"[\r\n\x00]")


def render(template: str, ctx: Any) -> str:
    """Substitute ``${...}`` placeholders from the verified identity and the request."""
    if "${" not in template:
        return template

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        ident = ctx.identity
        if name == "request_id":
            return str(ctx.request_id)
        if name == "client_ip":
            return client_ip(ctx)
        if name == "route":
            return str(getattr(ctx.route, "name", ""))
        if name == "subject":
            return str(getattr(ident, "subject", None) or "")
        if name == "tenant":
            return str(getattr(ident, "tenant", None) or "")
        if name.startswith("claim."):
            claims = getattr(ident, "claims", None) or {}
            v = claims.get(name[6:])
            if v is None:
                return ""
            if isinstance(v, (list, tuple)):
                return ",".join(str(x) for x in v)
            return str(v)
        return ""

    return TRANSFORM_PLACEHOLDER_RE.sub(one, template)


def _headers(cfg: Any, ctx: Any, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    remove = {n.lower().encode() for n in cfg.remove} | {n.lower().encode() for n in cfg.add}
    rename = {k.lower().encode(): v.lower().encode() for k, v in cfg.rename.items()}
    out: list[tuple[bytes, bytes]] = []
    for k, v in headers:
        lk = k.lower()
        if lk in remove:
            continue
        out.append((rename.get(lk, lk), v))
    for name, tpl in cfg.add.items():
        value = render(tpl, ctx)
        if not value or _BAD_HEADER_VALUE.search(value):
            continue
        out.append((name.lower().encode(), value.encode("utf-8")))
    return out


def _set_path(obj: dict, dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    for p in parts[:-1]:
        nxt = obj.get(p)
        if not isinstance(nxt, dict):
            nxt = obj[p] = {}
        obj = nxt
    obj[parts[-1]] = value


def _remove_path(obj: dict, dotted: str) -> None:
    parts = dotted.split(".")
    for p in parts[:-1]:
        obj = obj.get(p)  # type: ignore[assignment]
        if not isinstance(obj, dict):
            return
    obj.pop(parts[-1], None)


def _is_json(ctype: str | None) -> bool:
    t = (ctype or "").split(";", 1)[0].strip().lower()
    return t == "application/json" or t.endswith("+json")


def _rewrite_json(cfg: Any, ctx: Any, data: bytes) -> bytes | None:
    """The body with ``cfg``'s removals and sets applied, or None to leave it untouched."""
    if len(data) > cfg.max_bytes:
        return None
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(obj, dict):
        return None
    for k in cfg.remove:
        _remove_path(obj, k)
    for k, v in cfg.set.items():
        _set_path(obj, k, render(v, ctx) if isinstance(v, str) else v)
    return orjson.dumps(obj)


class TransformStage(Stage):
    """Rewrite what a generic route's upstream receives and what its client gets back."""

    name = "transforms"
    priority = 1000

    def __init__(self, cfg: Any) -> None:
        self.cfg = cfg
        req = cfg.request
        self.req_headers = req.headers if (req.headers.add or req.headers.remove or req.headers.rename) else None
        rh = cfg.response.headers
        self.resp_headers = rh if (rh.add or rh.remove or rh.rename) else None
        self.path = req.path
        self.path_re = re.compile(req.path.regex) if req.path is not None and req.path.regex is not None else None
        self.query = req.query if (req.query.add or req.query.remove) else None
        self.req_body = req.body
        self.resp_body = cfg.response.body

    @classmethod
    def for_route(cls, world: Any, route_cfg: Any) -> TransformStage | None:
        """The stage, or None for a route without ``transforms`` (then it costs nothing)."""
        cfg = getattr(route_cfg, "transforms", None)
        return cls(cfg) if cfg is not None else None

    # ------------------------------------------------------------------ request phase
    def on_request(self, ctx: Any) -> Any:
        ctx.set_extra("_transform", self)  # the proxy calls upstream_path / request_headers / response_headers
        if self.query is not None:
            q = self.query
            pairs = [(k, v) for k, v in parse_qsl(ctx.query, keep_blank_values=True)
                     if k not in q.remove and k not in q.add]
            pairs.extend((k, render(v, ctx)) for k, v in q.add.items())
            ctx.query = urlencode(pairs)
        if self.resp_body is not None:
            ctx.set_extra("_buffer_response", True)
        if self.req_body is not None:
            request = ctx.request
            if not _is_json(request.headers.get("content-type")) or request.headers.get("content-encoding"):
                return None
            if ctx.body is not None:
                return self._body(ctx, ctx.body)
            if not request.body_exists:
                return None
            cl = request.content_length
            if cl is not None and cl > self.req_body.max_bytes:
                return None  # too large to rewrite: streamed untouched
            return self._read(ctx)
        return None

    async def _read(self, ctx: Any) -> None:
        from .core import read_body

        data = await read_body(ctx.request, ctx.world.max_body, ctx.world.body_timeout)
        ctx.bytes_in = len(data)
        ctx.body = data
        self._body(ctx, data)

    def _body(self, ctx: Any, data: bytes) -> None:
        new = _rewrite_json(self.req_body, ctx, data)
        if new is not None:
            ctx.body = new
        return None

    # ------------------------------------------------------------------ proxy hooks
    def upstream_path(self, ctx: Any, path: str) -> str:
        """The upstream path after the configured rewrite (unchanged when it does not match)."""
        pr = self.path
        if pr is None:
            return path
        if self.path_re is not None:
            m = self.path_re.fullmatch(path)
            if m is None:
                return path
            new = m.expand(pr.replace)
        elif path.startswith(pr.prefix):
            new = pr.replace + path[len(pr.prefix):]
        else:
            return path
        if not new.startswith("/"):
            new = "/" + new
        return new

    def request_headers(self, ctx: Any, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        """The upstream request headers after remove, rename, add."""
        if self.req_headers is None:
            return headers
        return _headers(self.req_headers, ctx, headers)

    def response_headers(self, ctx: Any, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        """The upstream response headers after remove, rename, add (before hop-by-hop filtering)."""
        if self.resp_headers is None:
            return headers
        return _headers(self.resp_headers, ctx, headers)

    # ------------------------------------------------------------------ response phase
    def on_chunk(self, ctx: Any, data: bytes, last: bool) -> bytes:
        """Complete (buffered) JSON response bodies get the configured field changes."""
        if self.resp_body is None or not last or not data:
            return data
        new = _rewrite_json(self.resp_body, ctx, data)
        return data if new is None else new
