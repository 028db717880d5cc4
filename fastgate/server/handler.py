"""The request path: ``Gateway.handle`` runs the compiled chain of a route, then proxies.

Everything a request touches is reached through the World it started with (``self.world`` is
read once), so a reload never changes a request half-way through.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import math
import os
import random
import time
from email.utils import formatdate
from http import HTTPStatus
from typing import Any

import orjson

from .._native import kernel
from ..errors import (
    BodyTimeout,
    BodyTooLarge,
    ClientError,
    FastgateError,
    NoHealthyUpstream,
    UpstreamError,
    UpstreamTimeout,
)
from ..pipeline.context import RequestContext
from ..pipeline.stage import Reply
from ..providers import translation_for
from .errors import render_error, sse_error_event
from .headers import filter_request_headers, filter_response_headers, path_is_suspicious, response_fields

log = logging.getLogger("fastgate")
perf_counter = time.perf_counter

# Where each OpenAI-format endpoint lives below a provider's base_url.
UPSTREAM_SUFFIX = {
    "chat": b"/chat/completions",
    "completions": b"/completions",
    "embeddings": b"/embeddings",
    "messages": b"/v1/messages",  # Anthropic front → anthropic provider (base_url is the API root)
}
# Statuses worth another attempt (on another target, then a fallback model).
RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
# Non-streamed upstream bodies are read whole (usage, PII and the cache need them); bound them.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# Generic-route bodies up to this size are buffered before dialling the upstream, so a slow client
# never pins an upstream connection (HTTP-12); larger ones are streamed.
BUFFER_BODY_BYTES = 256 * 1024
BACKOFF_BASE_S = 0.05
BACKOFF_CAP_S = 2.0
# After a cancellation, each remaining on_end hook's I/O gets at most this long.
END_HOOK_GRACE_S = 5.0


_STATUS_LINES: dict[int, bytes] = {}
_DATE_CACHE: list[Any] = [0, b""]
# Complete responses up to this size are serialised by us in one write (see RawResponse); larger
# ones go through aiohttp's writer, which applies transport flow control.
RAW_WRITE_MAX = 256 * 1024


def _status_line(status: int) -> bytes:
    line = _STATUS_LINES.get(status)
    if line is None:
        try:
            reason = HTTPStatus(status).phrase.encode()
        except ValueError:
            reason = b"Unknown"
        line = _STATUS_LINES[status] = b"HTTP/1.1 %d %s\r\n" % (status, reason)
    return line


def _date_header() -> bytes:
    """``Date: …`` (RFC 9110 §6.6.1), formatted once per second."""
    now = int(time.time())
    if _DATE_CACHE[0] != now:
        _DATE_CACHE[0] = now
        _DATE_CACHE[1] = b"Date: " + formatdate(now, usegmt=True).encode() + b"\r\n"
    return _DATE_CACHE[1]


class RawResponse:
    """Returned to aiohttp for a response fastgate already wrote to the transport itself.

    aiohttp's ``Response`` (CIMultiDict headers, header preparation, payload writer) costs more than
    the rest of a proxied request; a complete, bounded response is one ``b"".join`` and one
    ``transport.write`` instead. aiohttp then only calls ``prepare``/``write_eof`` (no-ops here) and
    reads ``keep_alive`` to decide whether to keep the connection.
    """

    __slots__ = ("status", "keep_alive")

    def __init__(self, status: int, keep_alive: bool) -> None:
        self.status = status
        self.keep_alive = keep_alive

    async def prepare(self, request: Any) -> None:
        return None

    async def write_eof(self, data: bytes = b"") -> None:
        return None


class ResponseStream:
    """A streamed response (SSE relay, pass-through, bodies over ``RAW_WRITE_MAX``) written by fastgate
    straight to the transport, for either server engine.

    Framing is ours: ``Content-Length`` when known, else chunked on HTTP/1.1 and close-delimited on
    HTTP/1.0. ``write`` waits while the client's socket buffer is full (HTTP-13), so a slow reader
    pauses the upstream relay instead of growing memory. ``prepare``/``write_eof`` are idempotent,
    so aiohttp's engine can call them again after the handler returns.
    """

    __slots__ = ("status", "headers", "keep_alive", "content_length", "_request", "_chunked", "_prepared",
                 "_eof", "_body", "_proto")

    def __init__(self, status: int, headers: list[tuple[str, str]]) -> None:
        self.status = status
        self.headers = headers
        self.keep_alive = True
        self.content_length: int | None = None
        self._request: Any = None
        self._chunked = False
        self._prepared = False
        self._eof = False
        self._body = True
        self._proto: Any = None  # fastgate's engine: the connection whose write_paused send() reads

    def force_close(self) -> None:
        self.keep_alive = False

    async def prepare(self, request: Any) -> None:
        if self._prepared:
            return
        self._prepared = True
        self._request = request
        p = getattr(request, "_proto", None)
        self._proto = p if hasattr(p, "write_paused") else None
        transport = request.transport
        if transport is None or transport.is_closing():
            raise ConnectionResetError("client disconnected")
        status = self.status
        keep = self.keep_alive and request.keep_alive
        parts = [_status_line(status)]
        if not any(k.lower() == "date" for k, _ in self.headers):
            parts.append(_date_header())
        for k, v in self.headers:
            parts.append(f"{k}: {v}\r\n".encode("latin-1"))
        self._body = request.method != "HEAD" and status not in (204, 304) and status >= 200
        if self.content_length is not None:
            parts.append(b"Content-Length: %d\r\n" % self.content_length)
        elif not self._body:
            pass
        elif request.version >= (1, 1):
            parts.append(b"Transfer-Encoding: chunked\r\n")
            self._chunked = True
        else:
            keep = False  # HTTP/1.0 without a length: the end of the body is the end of the connection
        if not keep:
            parts.append(b"Connection: close\r\n")
        elif request.version < (1, 1):
            parts.append(b"Connection: keep-alive\r\n")
        self.keep_alive = keep
        parts.append(b"\r\n")
        transport.write(b"".join(parts))

    async def write(self, data: bytes) -> None:
        if self.send(data):
            await _drain(self._request)

    def send(self, data: bytes) -> bool:
        """``write`` without its wait, for a relay loop: True when the caller must ``await
        drain()`` (the client's buffer is over its high-water mark, or the engine only tells by
        being awaited)."""
        if not data or not self._body:
            return False
        transport = self._request.transport
        if transport is None or transport.is_closing():
            raise ConnectionResetError("client disconnected")
        if self._chunked:
            transport.write(_chunk_frame(data))
        else:
            transport.write(data)
        p = self._proto
        return p is None or p.write_paused

    async def drain(self) -> None:
        await _drain(self._request)

    async def write_eof(self, data: bytes = b"") -> None:
        if self._eof:
            return
        if data:
            await self.write(data)
        self._eof = True
        if self._chunked:
            transport = self._request.transport
            if transport is not None and not transport.is_closing():
                transport.write(b"0\r\n\r\n")


async def _drain(request: Any) -> None:
    """Wait while the client's socket buffer is over its high-water mark."""
    d = getattr(request, "drain", None)
    if d is not None:
        await d()  # fastgate's engine (native.Request)
        return
    proto = request.protocol  # aiohttp's engine: its RequestHandler is a BaseProtocol
    if proto is not None and getattr(proto, "_paused", False):
        await proto._drain_helper()


class _StreamRelay:
    """A stream's relay loop body, run from the upstream connection's callbacks.

    ``_relay_stream`` relays the first piece itself, then awaits ``run()``: what is buffered is
    relayed at once and, while the body goes on, the relay is the connection's waiter
    (``UpstreamResponse.wait_with``), so each later piece is taken, passed through the chunk
    hooks and written to the client inside the connection's ``data_received``. A paced stream
    (one SSE event per read, as an LLM sends them) then costs no task wakeup, future or
    coroutine resumption per event. ``run()``'s future says why it stopped: True at the end of
    the body, False when the client's buffer must drain first (the coroutine awaits that, then
    runs again), or the error a piece raised (the response's, or a hook's)."""

    __slots__ = ("ctx", "resp", "out", "hooks", "xl", "whole", "pending", "sent", "fut", "loop")

    def __init__(self, ctx: RequestContext, resp: Any, out: ResponseStream, hooks: Any, xl: Any,
                 loop: asyncio.AbstractEventLoop) -> None:
        self.ctx = ctx
        self.resp = resp
        self.out = out
        self.hooks = hooks
        self.xl = xl
        # A translator, like the stages, needs whole events; it runs before them (they see the
        # caller's format).
        self.whole = bool(hooks) or xl is not None
        self.pending = b""
        self.sent = 0
        self.fut: asyncio.Future[bool] | None = None
        self.loop = loop

    def piece(self, piece: bytes) -> bool:
        """Relay one piece; True when the caller must wait for the client's buffer to drain."""
        if self.whole:
            # Stages see whole SSE events only: keep a torn tail for the next piece.
            pending = self.pending
            buf = pending + piece if pending else piece
            cut = buf.rfind(b"\n\n")
            if cut < 0:
                self.pending = buf
                return False
            self.pending = buf[cut + 2:]
            piece = buf[:cut + 2]
            if self.xl is not None:
                piece = self.xl.feed(piece)
            ctx = self.ctx
            for _name, hook in self.hooks:
                piece = hook(ctx, piece, False)
        if piece:
            drain = self.out.send(piece)  # (write() without two coroutines per event)
            self.sent += len(piece)
            return drain
        return False

    def run(self) -> asyncio.Future[bool]:
        fut = self.fut = self.loop.create_future()
        self.set_result(None)
        return fut

    # The connection's waiter protocol (_Conn._wake): done() and set_result().
    def done(self) -> bool:
        return False

    def set_result(self, _: Any) -> None:
        fut = self.fut
        if fut is None or fut.done():
            return  # nobody waits any more (the handler was cancelled: resp.close() woke us)
        resp = self.resp
        try:
            while True:
                piece = resp.take()
                if piece is None:
                    resp.wait_with(self)
                    return
                if not piece:
                    fut.set_result(True)
                    return
                if self.piece(piece):
                    fut.set_result(False)
                    return
        except Exception as e:
            fut.set_exception(e)


class _NotCommitted(Exception):
    """An upstream failure that happened before any byte reached the client (retry is safe)."""

    def __init__(self, err: UpstreamError) -> None:
        super().__init__(str(err))
        self.err = err


class Gateway:
    """One worker's request handler (an aiohttp low-level ``Server`` handler)."""

    def __init__(self, world: Any, *, metrics: Any, access_log: Any, worker_id: int = 0) -> None:
        self.world = world
        self.metrics = metrics
        self.access_log = access_log
        self.worker_id = worker_id
        self._rid_prefix = f"{os.urandom(5).hex()}-"
        self._rid_n = 0
        self.inflight = 0
        self.draining = False
        self._loop: asyncio.AbstractEventLoop | None = None
        # open SSE responses and the front they speak (so a drain deadline can end them properly)
        self.streams: dict[ResponseStream, str] = {}

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        """The event loop serving this request: ``asyncio.get_running_loop()`` makes a ``getpid()``
        system call (Python 3.11) on every call, so the answer is kept while that loop runs."""
        loop = self._loop
        if loop is None or not loop.is_running():
            loop = self._loop = asyncio.get_running_loop()
        return loop

    # ------------------------------------------------------------------ entry point
    async def handle(self, request: Any) -> Any:
        t0 = perf_counter()
        world = self.world
        ctx = RequestContext(request, world, t0)
        self.inflight += 1
        method = ctx.method = request.method
        raw = request.raw_path
        if "?" in raw:  # (``in`` first: str.find parses its arguments, the common case has no query)
            q = raw.find("?")
            ctx.path = path = raw[:q]
            ctx.query = raw[q + 1:]
        else:
            ctx.path = path = raw
        self._rid_n += 1
        # Kept only from trusted proxies (else anyone could choose ids that collide in the logs).
        if world.trusted_proxies and world_trusts(world, request):
            rid = request.headers.get(world.rid_header)
            if rid is None or len(rid) > 128 or not rid.isascii() or not rid.isprintable():
                rid = f"{self._rid_prefix}{self._rid_n:x}"
        else:
            rid = f"{self._rid_prefix}{self._rid_n:x}"
        ctx.request_id = rid
        resp: Any | None = None
        ep = None
        try:
            ep = world.exact.get((method, path))  # (World.match's first step, inlined)
            if ep is None:
                ep = world.match(method, path)
            if ep is None:
                allowed = world.methods_for(path)
                if allowed:
                    resp = await self._reply(ctx, Reply(405, f"Method {method} is not allowed on {path}",
                                                        code="method_not_allowed",
                                                        headers=[("Allow", ", ".join(allowed))], reason="method"))
                else:
                    resp = await self._reply(ctx, Reply(404, f"No route for {path}", code="not_found", reason="no_route"))
                return resp
            ctx.route = ep
            ctx.front = ep.front
            if ep.kind == "route" and path_is_suspicious(path):
                resp = await self._reply(ctx, Reply(400, "Path is not in normal form", code="bad_path", reason="bad_path"))
                return resp
            for name, hook in ep.chain.request:
                r = hook(ctx)
                if r is not None:
                    if type(r) is not Reply:
                        ctx.error_stage = name
                        r = await r
                        ctx.error_stage = None
                    if r is not None:
                        ctx.error_stage = name
                        resp = await self._reply(ctx, r)
                        return resp
            kind = ep.kind
            if kind == "route":
                resp = await self._proxy_route(ctx, ep)
            elif kind in UPSTREAM_SUFFIX or kind == "template":
                resp = await self._proxy_llm(ctx, ep)
            elif kind == "models":
                resp = await self._list_models(ctx)
            else:
                resp = await self._reply(ctx, Reply(501, f"{kind} is not implemented", code="not_implemented"))
            return resp
        except asyncio.CancelledError:
            # The client went away (aiohttp cancels the handler): 499 as nginx logs it.
            if not ctx.status or ctx.status < 400:
                ctx.reason = ctx.reason or "client_disconnected"
            ctx.status = 499
            raise
        except FastgateError as e:
            resp = await self._error_reply(ctx, e)
            # Answered: drop the traceback. Its frames hold the request (context, body) and objects
            # that keep the error (an upstream response's _exc): a cycle only the collector frees.
            e.__traceback__ = None
            return resp
        except Exception as e:  # a bug: generic 500, details in the log with the stage name
            stage = ctx.error_stage or "handler"
            log.exception("unhandled error in stage %s (request %s)", stage, ctx.request_id)
            self.metrics.errors.inc((stage, type(e).__name__))
            ctx.reason = f"exception:{stage}:{type(e).__name__}"
            if resp is None and not ctx.status:
                try:
                    resp = await self._reply(ctx, Reply(500, "Internal error", type="api_error", code="internal_error"))
                except Exception:
                    pass
            if resp is None:
                resp = RawResponse(500, False)
                if ctx.request.transport is not None:
                    ctx.request.transport.close()
            return resp
        finally:
            self.inflight -= 1
            fin = self._finish(ctx, ep)
            if fin is not None:
                await fin

    # ------------------------------------------------------------------ replies
    def _headers(self, ctx: RequestContext, upstream: bool) -> list[tuple[str, str]]:
        """Our own response fields (request id, Server-Timing, the stages' reply headers) as a list,
        for ``on_response_headers`` hooks and streamed responses."""
        now = perf_counter()
        total = (now - ctx.t0) * 1000.0
        if upstream:
            up = ctx.upstream_s * 1000.0
            timing = _server_timing(total - up, up)
        else:
            timing = f"gateway;dur={total:.3f}"
        h = [(ctx.world.rid_header, ctx.request_id), ("server-timing", timing)]
        if ctx.reply_headers:
            h.extend(ctx.reply_headers)
        return h

    def _own_fields(self, ctx: RequestContext) -> str:
        """``_fields(self._headers(ctx, True))`` without the list: the fields of a relayed answer
        when no stage has an ``on_response_headers`` hook."""
        total = (perf_counter() - ctx.t0) * 1000.0
        up = ctx.upstream_s * 1000.0
        text = f"{ctx.world.rid_header}: {ctx.request_id}\r\nserver-timing: {_server_timing(total - up, up)}\r\n"
        rh = ctx.reply_headers
        if rh:
            text += "".join([f"{k}: {v}\r\n" for k, v in rh])
        return text

    def _write_raw(self, ctx: RequestContext, status: int, fields: str, body: bytes, own_date: bool | None,
                   tail: bytes = b"") -> Any:
        """Serialise a complete response straight to the transport (see :class:`RawResponse`).

        ``fields``: the header lines as text (``_fields``); ``tail``: more header lines, already bytes
        (the upstream's, relayed as received: ``response_fields``). ``own_date`` None: add ``Date``
        unless those lines (upstream names are lowercase) carry one."""
        request = ctx.request
        transport = request.transport
        if transport is None or transport.is_closing():
            # The client is gone: nothing to write; logged as 499 (nginx's "client closed request").
            ctx.status = 499
            ctx.reason = ctx.reason or "client_disconnected"
            return RawResponse(499, False)
        keep = request.keep_alive and not self.draining and (status < 400 or request.content.is_eof())
        if own_date is None:
            # (bytes.find, not ``in``: Python 3.11's bytes.__contains__ first tries the operand as an
            # int and builds a TypeError to find out it is not one.)
            own_date = not (fields[:6] == "date: " or "\ndate: " in fields
                            or (tail and (tail[:6] == b"date: " or tail.find(b"\ndate: ") >= 0)))
        if not keep:
            conn = b"Connection: close\r\n"
        elif request.version < (1, 1):
            conn = b"Connection: keep-alive\r\n"
        else:
            conn = b""
        transport.write(b"".join((
            _status_line(status), _date_header() if own_date else b"", fields.encode("latin-1"), tail,
            b"Content-Length: %d\r\n" % len(body), conn, b"\r\n",
            body if request.method != "HEAD" and status not in (204, 304) else b"")))
        ctx.bytes_out = len(body)
        return RawResponse(status, keep)

    async def _reply(self, ctx: RequestContext, reply: Reply) -> Any:
        """Send a locally generated response (a denial or an error)."""
        if reply.body is not None:
            body = reply.body
        else:
            body = render_error(ctx.front, reply)
        headers = self._headers(ctx, False)
        headers.append(("Content-Type", reply.content_type))
        if reply.headers:
            headers.extend(reply.headers)
        status = reply.status
        if status == 401 and not any(k.lower() == "www-authenticate" for k, _ in headers):
            headers.append(("WWW-Authenticate", 'Bearer realm="fastgate", error="invalid_token"'))
        elif status == 503 and not any(k.lower() == "retry-after" for k, _ in headers):
            headers.append(("Retry-After", "1"))
        ctx.status = status
        if reply.reason and not ctx.reason:
            ctx.reason = reply.reason
        if reply.code and not ctx.reason and status >= 400:
            ctx.reason = reply.code
        # Draining → "Connection: close" so the client reconnects to a live worker; an unread body
        # (error before reading it) → close rather than let aiohttp drain an arbitrary remainder.
        return self._write_raw(ctx, status, _fields(headers), body, True)

    async def _error_reply(self, ctx: RequestContext, e: FastgateError) -> Any:
        ctx.reason = ctx.reason or getattr(e, "reason", None) or e.code
        committed = ctx.extra.get("_committed") if ctx.extra else None
        if committed is not None:
            # Headers are already out: nothing more can be said to the client on this response.
            return committed
        msg = getattr(e, "message", None) or str(e) or e.code
        if isinstance(e, UpstreamError):
            # Upstream details stay in the log; the caller gets a stable message.
            ctx.reason = f"{e.code}:{e}"
            msg = {
                504: "The upstream did not answer in time",
                503: "No healthy upstream is available",
            }.get(e.status, "The upstream failed")
        param = getattr(e, "param", None) if isinstance(e, ClientError) else None
        return await self._reply(ctx, Reply(e.status, msg, type=e.type, code=e.code, param=param))

    # ------------------------------------------------------------------ LLM proxy
    async def _proxy_llm(self, ctx: RequestContext, ep: Any) -> Any:
        """Send the call to the model's targets, retrying and falling back (OPS-06).

        Per attempt: a weighted pick among targets whose circuit breaker is closed (or grants the
        half-open probe); retries on another target for connect errors, timeouts and
        ``RETRY_STATUSES``, with jittered backoff (or the upstream's ``Retry-After``, capped) inside
        the deadline, each retry paid from the provider's retry budget; then the ``fallbacks``
        models, when the failure's class is in the primary model's ``fallback_on``. Nothing is
        retried once a byte reached the client. No target healthy at all → 503 + ``Retry-After``.
        """
        extra = ctx.extra
        if extra is not None and "_cache_hit" in extra:
            # The cache stage found this exact request: replay the answer through the chunk hooks
            # (PII for this caller's policy, template reshaping) without an upstream call.
            return await self._send_body(ctx, 200, [("Content-Type", "application/json")], extra["_cache_hit"])
        world = ctx.world
        model = ctx.model
        chain = [model]
        for name in model.fallbacks:
            fb = world.models.get(name)
            if fb is not None:
                chain.append(fb)
        loop = self._running_loop()
        first_provider = model.choice.items[0].provider
        deadline = loop.time() + first_provider.timeout_s
        kind = "chat" if ep.kind == "template" else ep.kind
        suffix = UPSTREAM_SUFFIX[kind]
        last_err: UpstreamError | None = None
        last_resp: tuple[Any, bytes, Any] | None = None
        obj = ctx.body_obj
        n_models = len(chain)
        front = ep.front
        fallback_on = model.fallback_on
        attempt_log: list[dict[str, str]] = []
        blocked_wait: float | None = None  # every target of some model had an open breaker
        last_class: str | None = None  # rate_limit | server_error | timeout | context_length
        for mi, m in enumerate(chain):
            if mi and last_class is not None and last_class not in fallback_on:
                break  # this kind of failure does not move on to the fallbacks (models.*.fallback_on)
            last_class = None
            tries = m.max_retries + 1
            excluded: set[int] = set()
            for attempt in range(tries):
                picked = m.pick(excluded)
                if picked is None:
                    w = m.retry_after()
                    blocked_wait = w if blocked_wait is None else min(blocked_wait, w)
                    last_class = last_class or "server_error"
                    break
                idx, mt = picked
                prov = mt.provider
                breaker = mt.breaker
                budget = prov.budget
                if budget is not None:
                    if not ctx.attempts:
                        budget.deposit()
                    elif not budget.spend():
                        # Retries would multiply the load of a failing provider: stop here.
                        if breaker is not None:
                            breaker.release()
                        ctx.set_extra("retry_budget_exhausted", prov.name)
                        break
                target = mt.target
                # Chosen per attempt: a fallback may sit on a provider of the other type.
                tr = None if prov.type == front else translation_for(front, prov.type)
                if tr is not None:
                    try:
                        path = target.base_path.encode() + tr.upstream_path(kind)
                        body = tr.request(obj, mt.upstream_model, m.cfg.max_output_tokens_default)
                    except ClientError:
                        if breaker is not None:
                            breaker.release()
                        if not ctx.attempts:
                            raise  # the caller's own request cannot be sent: a 400 naming the field
                        break  # a fallback that cannot take this request: keep the earlier answer
                    ctx.set_extra("translation", tr.name)
                elif mt.upstream_model == ctx.model_name and not ctx.body_dirty and ctx.body is not None:
                    body = ctx.body
                    path = mt.base_path_b + suffix
                else:
                    obj["model"] = mt.upstream_model
                    body = orjson.dumps(obj)
                    obj["model"] = ctx.model_name
                    path = mt.base_path_b + suffix
                headers = prov.headers + [(world.rid_header_b, ctx.request_id.encode())]
                ctx.attempts += 1
                ctx.provider = prov.name
                ctx.target = mt.label
                if mi:
                    ctx.set_extra("fallback_model", m.name)
                more = attempt + 1 < tries or mi + 1 < n_models
                t_up = perf_counter()
                ctx.t_upstream = t_up
                try:
                    resp = await target.request(
                        b"POST", path, headers, body,
                        first_byte_timeout=prov.first_byte_timeout_s, idle_timeout=prov.idle_timeout_s,
                        deadline=deadline,
                    )
                except UpstreamError as e:
                    ctx.upstream_s += perf_counter() - t_up
                    self.metrics.count_attempt(prov.name, mt.label, type(e).__name__)
                    if breaker is not None:
                        breaker.record(False)
                    attempt_log.append({"target": mt.label, "outcome": e.code})
                    last_class = "timeout" if isinstance(e, UpstreamTimeout) else "server_error"
                    last_err = e
                    if not more or not e.retryable or loop.time() >= deadline:
                        if not e.retryable:
                            break
                        continue
                    excluded.add(idx)
                    await self._backoff(attempt, deadline, loop)
                    continue
                except BaseException:
                    if breaker is not None:
                        breaker.release()
                    raise
                status = resp.status
                if breaker is not None:
                    breaker.record(status < 500)
                if status in RETRY_STATUSES and more:
                    try:
                        data = await resp.read(MAX_RESPONSE_BYTES)
                    except UpstreamError as e:
                        data = b""
                        last_err = e
                    finally:
                        resp.close()
                    ctx.upstream_s += perf_counter() - t_up
                    self.metrics.count_attempt(prov.name, mt.label, status)
                    attempt_log.append({"target": mt.label, "outcome": str(status)})
                    last_class = "rate_limit" if status == 429 else (
                        "timeout" if status == 408 else "server_error")
                    last_resp = (resp, data, tr)
                    excluded.add(idx)
                    if loop.time() >= deadline:
                        break
                    await self._backoff(attempt, deadline, loop, retry_after_of(resp) if status in (429, 503) else None)
                    continue
                if status == 400 and mi + 1 < n_models and "context_length" in fallback_on:
                    # Only a context-length 400 is worth another model (one with a larger window).
                    try:
                        data = await resp.read(MAX_RESPONSE_BYTES)
                    except UpstreamError as e:
                        resp.close()
                        ctx.upstream_s += perf_counter() - t_up
                        last_err = e
                        last_class = "server_error"
                        break
                    resp.close()
                    ctx.upstream_s += perf_counter() - t_up
                    self.metrics.count_attempt(prov.name, mt.label, status)
                    attempt_log.append({"target": mt.label, "outcome": str(status)})
                    if is_context_length_error(data):
                        last_class = "context_length"
                        last_resp = (resp, data, tr)
                        last_err = None
                        break
                    if len(attempt_log) > 1:
                        ctx.set_extra("attempt_log", attempt_log)
                    return await self._send_translated(ctx, resp, data, tr)
                self.metrics.count_attempt(prov.name, mt.label, status)
                if attempt_log:  # the log is kept from the second attempt on
                    attempt_log.append({"target": mt.label, "outcome": str(status)})
                    ctx.set_extra("attempt_log", attempt_log)
                try:
                    return await self._relay_llm(ctx, resp, t_up, tr)
                except _NotCommitted as nc:
                    if attempt_log:
                        attempt_log[-1]["outcome"] = nc.err.code
                    else:
                        attempt_log.append({"target": mt.label, "outcome": nc.err.code})
                    last_err = nc.err
                    last_class = "timeout" if isinstance(nc.err, UpstreamTimeout) else "server_error"
                    if not more or not nc.err.retryable:
                        break
                    excluded.add(idx)
                    await self._backoff(attempt, deadline, loop)
                    continue
            if loop.time() >= deadline:
                break
        if len(attempt_log) > 1:
            ctx.set_extra("attempt_log", attempt_log)
        if last_resp is not None and (last_err is None or not isinstance(last_err, UpstreamTimeout)):
            resp, data, tr = last_resp
            return await self._send_translated(ctx, resp, data, tr)
        if last_err is None:
            if blocked_wait is not None:
                # Every target's breaker is open: say when one will be tried again (SPEC §3).
                ctx.add_header("Retry-After", str(max(1, math.ceil(blocked_wait))))
                raise NoHealthyUpstream("no healthy upstream target")
            raise NoHealthyUpstream("no target could be tried")
        raise last_err

    async def _send_translated(self, ctx: RequestContext, resp: Any, data: bytes, tr: Any) -> Any:
        """Send an upstream answer read whole, in the caller's format."""
        if tr is None:
            return await self._send_body(ctx, resp.status, None, data, resp.headers)
        data = tr.response(resp.status, data, ctx.model_name)
        return await self._send_body(ctx, resp.status, tr.response_headers(filter_response_headers(resp.headers)), data)

    async def _backoff(self, attempt: int, deadline: float, loop: asyncio.AbstractEventLoop,
                       retry_after: float | None = None) -> None:
        """Exponential backoff with full jitter, never past the request's deadline.

        An upstream ``Retry-After`` (RFC 9110 §10.2.3, on 429/503) replaces the jitter, capped at
        ``BACKOFF_CAP_S`` so one slow provider cannot park the request."""
        if retry_after is not None:
            delay = min(BACKOFF_CAP_S, retry_after)
        else:
            delay = min(BACKOFF_CAP_S, BACKOFF_BASE_S * (2 ** attempt)) * random.random()
        left = deadline - loop.time()
        if left <= 0:
            return
        await asyncio.sleep(min(delay, left))

    async def _relay_llm(self, ctx: RequestContext, resp: Any, t_up: float, tr: Any = None) -> Any:
        """Relay an upstream answer. Raises _NotCommitted if it fails before the client saw a byte.

        ``tr`` (a providers.Translation, None on the pass-through path) turns the answer into the
        caller's format before any chunk hook sees it."""
        if ctx.stream and resp.status == 200:
            ct = b""
            for k, v in resp.headers:
                if k == b"content-type":
                    ct = v
                    break
            if ct.startswith(b"text/event-stream"):
                return await self._relay_stream(ctx, resp, t_up, tr)
        try:
            data = await resp.read(MAX_RESPONSE_BYTES)
        except UpstreamError as e:
            resp.close()
            ctx.upstream_s += perf_counter() - t_up
            raise _NotCommitted(e)
        ctx.upstream_s += perf_counter() - t_up
        if tr is None:
            return await self._send_body(ctx, resp.status, None, data, resp.headers)
        data = tr.response(resp.status, data, ctx.model_name)
        return await self._send_body(ctx, resp.status, tr.response_headers(filter_response_headers(resp.headers)), data)

    async def _send_body(self, ctx: RequestContext, status: int, headers: list[tuple[str, str]] | None,
                         data: bytes, raw: list[tuple[bytes, bytes]] | None = None) -> Any:
        """Send a complete answer: our fields, then ``headers`` or else the upstream's ``raw`` ones
        (filtered by ``response_fields``/``filter_response_headers``, never decoded on the way)."""
        route: Any = ctx.route
        ctx.status = status
        rh: Any = ()
        if route is not None:
            chain = route.chain
            for _name, hook in chain.chunk:
                data = hook(ctx, data, True)
            rh = chain.response_headers
        if len(data) <= RAW_WRITE_MAX:
            if rh:
                hdrs = self._headers(ctx, True)
                for name, hook in rh:
                    ctx.error_stage = name
                    hook(ctx, status, hdrs)
                fields = _fields(hdrs)
            else:
                fields = self._own_fields(ctx)
            ctx.error_stage = None
            if headers is not None:
                return self._write_raw(ctx, status, fields + _fields(headers), data, None)
            tail, date = response_fields(raw) if raw else (b"", False)
            # Add Date unless a field line carries one (what _write_raw's own_date=None finds)
            return self._write_raw(ctx, status, fields, data,
                                   not (date or fields[:6] == "date: " or "\ndate: " in fields), tail)
        hdrs = self._headers(ctx, True)
        for name, hook in rh:
            ctx.error_stage = name
            hook(ctx, status, hdrs)
        ctx.error_stage = None
        hdrs.extend(headers if headers is not None else filter_response_headers(raw or []))
        out = ResponseStream(status, hdrs)
        out.content_length = len(data)
        if self.draining:
            out.force_close()  # "Connection: close": the client reconnects to a live worker
        await out.prepare(ctx.request)
        await out.write(data)
        await out.write_eof()
        ctx.bytes_out = len(data)
        return out

    async def _relay_stream(self, ctx: RequestContext, resp: Any, t_up: float, tr: Any = None) -> Any:
        try:
            # readany(): what arrived together is relayed together (one hook pass, one write).
            first = await resp.readany()
        except UpstreamError as e:
            resp.close()
            ctx.upstream_s += perf_counter() - t_up
            raise _NotCommitted(e)
        except BaseException:
            resp.close()
            raise
        ctx.ttfb_s = perf_counter() - t_up
        ctx.upstream_s += ctx.ttfb_s
        route = ctx.route
        hooks = route.chain.chunk
        status = resp.status
        ctx.status = status
        hdrs = self._headers(ctx, True)
        for name, hook in route.chain.response_headers:
            ctx.error_stage = name
            hook(ctx, status, hdrs)
        ctx.error_stage = None
        hdrs.extend(filter_response_headers(resp.headers))
        out = ResponseStream(status, hdrs)
        if self.draining:
            out.force_close()  # "Connection: close": the client reconnects to a live worker
        ctx.set_extra("_committed", out)
        self.streams[out] = ctx.front
        xl = tr.stream(ctx.model_name, ctx.body_obj) if tr is not None else None
        relay = _StreamRelay(ctx, resp, out, hooks, xl, self._running_loop())
        try:
            await out.prepare(ctx.request)
            if relay.piece(first):
                await out.drain()
            while not await relay.run():
                await out.drain()
            if relay.whole:
                tail = relay.pending
                if xl is not None:
                    tail = xl.feed(tail) + xl.finish()
                for _name, hook in hooks:
                    tail = hook(ctx, tail, True)
                if tail:
                    await out.write(tail)
                    relay.sent += len(tail)
            await out.write_eof()
        except UpstreamError as e:
            # Bytes already reached the client: no retry (ever). End the stream with an error event.
            resp.close()
            ctx.reason = f"{e.code}:{e}"
            ctx.set_extra("stream_error", e.code)
            try:
                ev = sse_error_event(ctx.front, e.status, "The upstream failed mid-stream", e.code)
                await out.write(ev)
                relay.sent += len(ev)
                await out.write_eof()
            except Exception:
                pass
        except BaseException:
            resp.close()
            raise
        finally:
            self.streams.pop(out, None)
            ctx.bytes_out = relay.sent
            ctx.upstream_s = perf_counter() - t_up
        return out

    async def end_streams(self) -> int:
        """At a drain deadline: end every open stream with an SSE error event (not a silent RST)."""
        n = 0
        for out, front in list(self.streams.items()):
            try:
                await out.write(sse_error_event(front, 503, "The gateway is shutting down", "shutting_down"))
                n += 1
            except Exception:
                pass
        return n

    # ------------------------------------------------------------------ models list
    async def _list_models(self, ctx: RequestContext) -> Any:
        allowed = getattr(ctx, "policy", None)
        names = sorted(ctx.world.models)
        if allowed is not None and hasattr(allowed, "allows_model"):
            names = [n for n in names if allowed.allows_model(n)]
        created = 1700000000
        body = orjson.dumps({
            "object": "list",
            "data": [{"id": n, "object": "model", "created": created, "owned_by": "fastgate"} for n in names],
        })
        return await self._reply(ctx, Reply(200, body=body))

    # ------------------------------------------------------------------ generic routes
    async def _proxy_route(self, ctx: RequestContext, ep: Any) -> Any:
        request = ctx.request
        world = ctx.world
        path = ctx.path
        if ep.strip_prefix:
            path = path[len(ep.prefix) - (1 if ep.prefix.endswith("/") else 0):] or "/"
            if not path.startswith("/"):
                path = "/" + path
        # Route transforms (stages/transforms.py): path rewrite after strip_prefix, header edits
        # after the gateway's own headers, response header edits before hop-by-hop filtering.
        tf = ctx.extra.get("_transform") if ctx.extra else None
        if tf is not None:
            path = tf.upstream_path(ctx, path)
        raw = request.raw_headers
        headers = filter_request_headers(raw)
        peer = request.remote or ""
        xff = first_field(raw, b"x-forwarded-for") if world_trusts(world, request) else None
        headers.append((b"x-forwarded-for", (xff + b", " + peer.encode() if xff else peer.encode())))
        headers.append((b"x-forwarded-proto", b"https" if request.secure else b"http"))
        host = first_field(raw, b"host")
        if host:
            headers.append((b"x-forwarded-host", host))
        if world.rid_header_b != b"x-request-id":
            headers = [h for h in headers if h[0] != world.rid_header_b]  # ours replaces the client's
        headers.append((world.rid_header_b, ctx.request_id.encode()))
        for k, v in (ctx.extra or {}).get("_upstream_headers", ()):
            headers.append((k, v))
        if tf is not None:
            headers = tf.request_headers(ctx, headers)
        method = ctx.method
        body: Any = None
        body_length = None
        content = request.content
        if ctx.body is not None:
            # A stage already read the whole body (PII redaction rewrites it): send exactly that.
            body = ctx.body
        elif request.body_exists:
            cl = request.content_length
            if content.is_eof() or (cl is not None and cl <= BUFFER_BODY_BYTES):
                from ..stages.core import read_body
                body = await read_body(request, world.max_body, world.body_timeout)
                ctx.bytes_in = len(body)
            else:
                body = self._stream_body(ctx, content, world.max_body, world.body_timeout)
                body_length = cl
        elif method in ("POST", "PUT", "PATCH"):
            body = b""
        tries = 2 if len(ep.targets) > 1 else 1
        excluded: set[int] = set()
        t_up = perf_counter()
        resp = None
        for attempt in range(tries):
            idx, target = ep.choice.pick(excluded)
            ctx.target = target.url
            ctx.attempts += 1
            full = target.base_path + path
            if ctx.query:
                full = f"{full}?{ctx.query}"
            try:
                resp = await target.request(
                    method.encode(), full.encode("latin-1"), headers, body,
                    first_byte_timeout=ep.timeout_s, idle_timeout=ep.timeout_s, body_length=body_length,
                )
                break
            except UpstreamError as e:
                self.metrics.count_attempt(ep.name, target.url, type(e).__name__)
                # Only a connect failure (nothing sent) of a buffered body may go to another target.
                if attempt + 1 < tries and not e.sent and not callable(getattr(body, "__aiter__", None)):
                    excluded.add(idx)
                    continue
                ctx.upstream_s = perf_counter() - t_up
                raise
        assert resp is not None
        self.metrics.count_attempt(ep.name, ctx.target, resp.status)
        if tf is not None:
            resp.headers = tf.response_headers(ctx, resp.headers)
        cl = resp.content_length
        if ctx.extra is not None and ctx.extra.get("_buffer_response"):
            # A stage must see the whole body (PII redaction): read it, bounded, through the chunk hooks.
            bound = MAX_RESPONSE_BYTES
        elif cl is not None and cl <= BUFFER_BODY_BYTES and not ep.chain.chunk:
            bound = BUFFER_BODY_BYTES  # small and complete: one write instead of a stream
        else:
            return await self._relay_passthrough(ctx, resp, t_up)
        try:
            data = await resp.read(bound)
        except UpstreamError:
            resp.close()
            ctx.upstream_s = perf_counter() - t_up
            raise
        ctx.upstream_s = perf_counter() - t_up
        return await self._send_body(ctx, resp.status, None, data, resp.headers)

    async def _stream_body(self, ctx: RequestContext, content: Any, limit: int, idle: float) -> Any:
        size = 0
        while True:
            try:
                async with asyncio.timeout(idle):
                    chunk = await content.readany()
            except TimeoutError:
                ctx.reason = "body_idle_timeout"
                raise BodyTimeout(f"Request body stalled for {idle:g} s")
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                ctx.status = 413
                raise BodyTooLarge(f"Request body is over the limit of {limit} bytes")
            yield chunk
        ctx.bytes_in = size

    async def _relay_passthrough(self, ctx: RequestContext, resp: Any, t_up: float) -> Any:
        status = resp.status
        ctx.status = status
        hdrs = self._headers(ctx, True)
        hdrs.extend(filter_response_headers(resp.headers))
        out = ResponseStream(status, hdrs)
        if self.draining:
            out.force_close()  # "Connection: close": the client reconnects to a live worker
        if resp.content_length is not None:
            out.content_length = resp.content_length
        # What arrived together goes out in one write, from the connection's callbacks (no hooks).
        relay = _StreamRelay(ctx, resp, out, (), None, self._running_loop())
        try:
            await out.prepare(ctx.request)
            ctx.set_extra("_committed", out)
            while not await relay.run():
                await out.drain()
            await out.write_eof()
        except UpstreamError as e:
            resp.close()
            ctx.reason = f"{e.code}:{e}"
            # Headers are out: the only honest signal left is an aborted connection.
            if ctx.request.transport is not None:
                ctx.request.transport.abort()
        except BaseException:
            resp.close()
            raise
        finally:
            ctx.bytes_out = relay.sent
            ctx.upstream_s = perf_counter() - t_up
        return out

    # ------------------------------------------------------------------ log phase
    def _finish(self, ctx: RequestContext, ep: Any) -> Any:
        """The log phase: on_end hooks, cleanups, metrics, access log. Returns None when it is done,
        else (an on_end hook returned an awaitable: it has I/O to wait for) the coroutine that
        finishes it; the common case, every hook synchronous, costs no coroutine."""
        chain = ep.chain if ep is not None else None
        if chain is not None and chain.end:
            i = 0
            for name, hook in chain.end:
                i += 1
                try:
                    r = hook(ctx)
                except asyncio.CancelledError:
                    return self._finish_async(ctx, ep, chain, i, None, True)
                except Exception:
                    log.exception("on_end hook of stage %s failed (request %s)", name, ctx.request_id)
                    continue
                if r is not None:
                    return self._finish_async(ctx, ep, chain, i, r, False)
        self._log_phase(ctx, ep, chain)
        return None

    async def _finish_async(self, ctx: RequestContext, ep: Any, chain: Any, i: int, r: Any, cancelled: bool) -> None:
        """``_finish`` from on_end hook ``i`` on, after awaiting ``r`` (what hook ``i - 1`` returned)."""
        hooks = chain.end
        if r is not None:
            try:
                await r
            except asyncio.CancelledError:
                cancelled = True
            except Exception:
                log.exception("on_end hook of stage %s failed (request %s)", hooks[i - 1][0], ctx.request_id)
        for name, hook in hooks[i:]:
            try:
                r = hook(ctx)
                if r is not None:
                    if cancelled:
                        # This task was cancelled (client gone, shutdown) while an end hook
                        # waited: the rest still run (slots, refunds), but their I/O gets a
                        # bounded time, so a dead backend cannot keep the task alive for ever.
                        await asyncio.wait_for(r, END_HOOK_GRACE_S)
                    else:
                        await r
            except asyncio.CancelledError:
                cancelled = True
            except Exception:
                log.exception("on_end hook of stage %s failed (request %s)", name, ctx.request_id)
        self._log_phase(ctx, ep, chain)

    def _log_phase(self, ctx: RequestContext, ep: Any, chain: Any) -> None:
        """Cleanups, the per-request metrics, the access-log record."""
        if ctx.cleanup:
            for fn in ctx.cleanup:
                try:
                    fn()
                except Exception:
                    log.exception("cleanup failed (request %s)", ctx.request_id)
        total = perf_counter() - ctx.t0
        route = ep.name if ep is not None else "-"
        status = ctx.status or 500
        # Every per-request series in one call (docs/metrics.md): requests, latency, upstream, overhead,
        # TTFT, tokens and cost, and for an LLM call the OpenTelemetry GenAI families.
        self.metrics.record_request(route, ctx.model_name, status, total, ctx.upstream_s, ctx.attempts,
                                    ep.kind if ep is not None else "chat", ctx.provider, ctx.world.providers,
                                    ctx.ttfb_s, ctx.prompt_tokens, ctx.completion_tokens, ctx.cost_usd)
        al = self.access_log
        if not al.enabled and not (chain and chain.log):
            return
        rec = access_record(ctx, route, status, total)
        if chain is not None:
            for name, hook in chain.log:
                try:
                    hook(ctx, rec)
                except Exception:
                    log.exception("on_log hook of stage %s failed", name)
        al.write(rec)


def _fields(headers: list[tuple[str, str]]) -> str:
    """Header lines as text: one str and one encode per response, cheaper than field by field."""
    return "".join([f"{k}: {v}\r\n" for k, v in headers])


# The access-log record's named fields, in their order in the line (docs/operations.md, "Logs"),
# and the decimals each is rounded to (round(): ts to the microsecond, durations in ms to the µs);
# the stages' extras (ctx.extra) follow them.
_RECORD_FIELDS = (
    "ts", "request_id", "method", "path", "status", "route", "model", "provider", "target", "attempts", "stream",
    "bytes_in", "bytes_out", "duration_ms", "upstream_ms", "gateway_ms", "client_ip", "reason",
    "subject", "tenant", "prompt_tokens", "completion_tokens", "tokens_source", "cost_usd",
)
_RECORD_DIGITS = (
    6, None, None, None, None, None, None, None, None, None, None,
    None, None, 3, 3, 3, None, None,
    None, None, None, None, None, None,
)
_jsonline = kernel("jsonline")
_chunk_frame = kernel("httpwire").chunk_frame  # b"%x\r\n%b\r\n" % (len(data), data), one allocation
_SKIP = _jsonline.SKIP
_dumps_record = _jsonline.dumps_record
_record_dict = _jsonline.record_dict
_server_timing = _jsonline.server_timing  # (the kernel writes the two ms values without float formatting)
_time = time.time


def access_record(ctx: RequestContext, route: str, status: int, total: float) -> dict[str, Any] | bytes:
    """The access-log record of a finished request.

    A dict when the route's stages have ``on_log`` hooks (they add to it, ``AccessLog.write``
    serialises it); else the line itself (bytes): the same fields, values and order, written by
    the jsonline kernel straight from the values, without a dict. ``subject``/``tenant`` are
    there when the request has an identity, the token fields when usage is known, ``cost_usd``
    when priced; then the stages' extras but the private (``_``-prefixed) ones."""
    up = ctx.upstream_s
    ident = ctx.identity
    pt = ctx.prompt_tokens
    cost = ctx.cost_usd
    if ident is None:
        subject = tenant = _SKIP
    else:  # getattr(ident, name, None), without the builtin call
        try:
            subject = ident.subject
        except AttributeError:
            subject = None
        try:
            tenant = ident.tenant
        except AttributeError:
            tenant = None
    if pt is None:
        pt = ct = source = _SKIP
    else:
        ct = ctx.completion_tokens
        source = ctx.tokens_source
    values = (
        _time(), ctx.request_id, ctx.method, ctx.path, status, route, ctx.model_name, ctx.provider, ctx.target,
        ctx.attempts, ctx.stream, ctx.bytes_in, ctx.bytes_out, total * 1000.0, up * 1000.0, (total - up) * 1000.0,
        ctx.request.remote, ctx.reason, subject, tenant, pt, ct, source, _SKIP if cost is None else cost,
    )
    ep = ctx.route
    if ep is not None and ep.chain.log:
        return _record_dict(_RECORD_FIELDS, values, ctx.extra, _RECORD_DIGITS)
    return _dumps_record(_RECORD_FIELDS, values, ctx.extra, _RECORD_DIGITS)


def retry_after_of(resp: Any) -> float | None:
    """Seconds from an upstream ``Retry-After`` (delta-seconds or an HTTP-date), else None."""
    for k, v in resp.headers:
        if k == b"retry-after":
            txt = v.decode("latin-1").strip()
            try:
                return max(0.0, float(txt))
            except ValueError:
                pass
            try:
                when = email.utils.parsedate_to_datetime(txt)
            except (TypeError, ValueError):
                return None
            if when is None:
                return None
            return max(0.0, when.timestamp() - time.time())
    return None


_CONTEXT_MARKERS = (b"context_length_exceeded", b"prompt is too long")


def is_context_length_error(data: bytes) -> bool:
    """Is this 400 body the provider saying the prompt does not fit the model's window?

    OpenAI: ``error.code == "context_length_exceeded"``; Anthropic: an ``invalid_request_error``
    whose message starts "prompt is too long"."""
    low = data[:8192].lower()
    return any(m in low for m in _CONTEXT_MARKERS)


def first_field(raw: Any, name: bytes) -> bytes | None:
    """The first value of the field ``name`` (lowercase) among the raw ``(name, value)`` byte pairs
    of a request head, as sent (``headers.get`` without building the case-insensitive multidict)."""
    n = len(name)
    for k, v in raw:
        if len(k) == n and k.lower() == name:
            return v
    return None


def world_trusts(world: Any, request: Any) -> bool:
    """Is the peer a trusted proxy (whose X-Forwarded-For / X-Request-Id we believe)?"""
    trusted = world.trusted_proxies
    if not trusted:
        return False
    return world.is_trusted(request.remote)
