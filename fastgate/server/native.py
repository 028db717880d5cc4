"""fastgate's own HTTP/1.1 server: one ``asyncio.Protocol`` per connection, one kernel call per request head.

Why not aiohttp's low-level server on the data plane: perf-baseline.md measures it at ~24 µs of CPU per
request before any gateway work (a ``BaseRequest``, a ``StreamReader``, a ``StreamWriter`` and a
scheduling hop per request), against ~7 µs for a Protocol + httptools server. The proxy-path target
(≤ 35 µs for the whole request) leaves no room for the former. aiohttp stays where it is cheap enough
and convenient: the admin plane, JWKS/introspection/health clients, and ``server.engine: aiohttp``.

What a request costs here: one ``parse_head`` call of the ``reqhead`` kernel (``fastgate/_native``:
the whole head in C, where llhttp made nine Python callbacks), one :class:`Request` (slots; headers
decoded into a ``CIMultiDict`` only if a stage asks for them), one :class:`Body` fed slices of the
receive buffer (``Content-Length``) or the output of a strict ``ChunkedDecoder``, and one Task running
``Gateway.handle``. Responses are written by the Gateway straight to the transport.

HTTP rules kept (acceptance catalogue §3; the full list is the kernel's, ``reqhead_py.py``): CL+TE,
any transfer coding but a lone ``chunked``, bad or duplicate CL, bad chunking, obs-fold, bare CR/LF,
spaces before the colon, non-token names, CTL/NUL in values or target (HTTP-01..06) → 400 + close; a
missing or duplicated ``Host`` on HTTP/1.1 → 400 (HTTP-07); versions other than 1.0/1.1 → 505; request
line > 8 KiB → 414, a field > 8 KiB, a head > 64 KiB or > 100 fields → 431, also when the bytes trickle
in one at a time: an incomplete head is kept and parsed again when a line ends or 2 KiB more arrived, so
it never grows past the limits (HTTP-10); pipelined requests answered in order, at most
``PIPELINE_MAX`` parsed ahead: beyond that, parsing and reading pause (HTTP-09); after a request that
does not keep the connection (``Connection: close``, HTTP/1.0, an Upgrade we do not perform) nothing
more is read; ``Expect: 100-continue`` answered only when the handler first waits for the body, so an
oversize or unauthorised request gets its 413/401 without the client sending the body (HTTP-14);
request bodies are flow-controlled (reading pauses above ``BODY_HIGH`` buffered bytes); slow responses
pause on the transport's write buffer (``drain``). Connection-level guards (``max_connections``,
per-IP caps, first-head deadline, keep-alive idle) are those of ``protocol.GuardedServer``.
"""

from __future__ import annotations

import asyncio
import collections
import ipaddress
import logging
from collections.abc import Callable
from typing import Any

from multidict import CIMultiDict, CIMultiDictProxy

from .._native import kernel
from ..errors import ClientError
from .protocol import _OVERLOADED, _TOO_MANY, ip_in

log = logging.getLogger("fastgate.server")

_reqhead = kernel("reqhead")
parse_head = _reqhead.parse_head
ChunkedDecoder = _reqhead.ChunkedDecoder
HeadError = _reqhead.HeadError

LINE_MAX = _reqhead.LINE_MAX        # request line (aiohttp's max_line_size; nginx large_client_header_buffers 8k)
FIELD_MAX = _reqhead.FIELD_MAX      # one header field line
HEAD_MAX = _reqhead.HEAD_MAX        # the whole head
HEADERS_MAX = _reqhead.HEADERS_MAX  # fields per request (Envoy's max_headers_count)
PIPELINE_MAX = 16        # requests parsed ahead of the one being handled
BODY_HIGH = 256 * 1024   # buffered request-body bytes at which reading pauses
BODY_LOW = 64 * 1024     # ... and resumes
RESCAN = 2048            # an incomplete head without a new line end is parsed again after this many bytes

_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


def _canned(status: int, reason: str, message: str, code: str) -> bytes:
    body = ('{"error": {"message": "%s", "type": "invalid_request_error", "code": "%s", "param": null}}'
            % (message, code)).encode()
    return (b"HTTP/1.1 %d %s\r\nConnection: close\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % (status, reason.encode(), len(body))) + body


_BAD_REQUEST = _canned(400, "Bad Request", "Malformed HTTP request", "bad_request")
_BAD_HOST = _canned(400, "Bad Request", "A single valid Host header is required", "bad_host")
_BAD_VERSION = _canned(505, "HTTP Version Not Supported", "Only HTTP/1.0 and HTTP/1.1 are served here",
                       "http_version_not_supported")
_URI_TOO_LONG = _canned(414, "URI Too Long", "Request line is too long", "uri_too_long")
_HEADERS_TOO_LARGE = _canned(431, "Request Header Fields Too Large", "Request header fields are too large",
                             "headers_too_large")


def _answer(e: Exception) -> bytes:
    """The canned response for a ``HeadError``."""
    status = e.status  # type: ignore[attr-defined]
    if status == 414:
        return _URI_TOO_LONG
    if status == 431:
        return _HEADERS_TOO_LARGE
    if status == 505:
        return _BAD_VERSION
    return _BAD_HOST if e.reason == "bad_host" else _BAD_REQUEST  # type: ignore[attr-defined]


class Body:
    """The request body as it arrives: the subset of aiohttp's ``StreamReader`` fastgate uses
    (``is_eof``, ``read_nowait``, ``readany``), with read-side flow control."""

    __slots__ = ("_buf", "_size", "_eof", "_waiter", "_exc", "_proto", "_expect", "total_bytes")

    def __init__(self, proto: HttpProtocol | None, eof: bool, whole: bytes | None = None) -> None:
        if whole is None:
            self._buf: list[bytes] = []  # short: one piece per TCP read
            self._size = 0
        else:  # the whole body arrived with the head (the common case): one piece, at its end
            self._buf = [whole]
            self._size = len(whole)
            eof = True
        self._eof = eof
        self._waiter: asyncio.Future[None] | None = None
        self._exc: BaseException | None = None
        self._proto = proto
        self._expect = False
        self.total_bytes = self._size

    # ------------------------------------------------------------ producer side (the protocol)
    def feed(self, data: bytes) -> None:
        self._buf.append(data)
        self._size += len(data)
        self.total_bytes += len(data)
        w = self._waiter
        if w is not None:
            self._waiter = None
            if not w.done():
                w.set_result(None)
        if self._size > BODY_HIGH and self._proto is not None:
            self._proto.pause_body()

    def feed_eof(self) -> None:
        self._eof = True
        w = self._waiter
        if w is not None:
            self._waiter = None
            if not w.done():
                w.set_result(None)

    def set_exception(self, exc: BaseException) -> None:
        self._exc = exc
        w = self._waiter
        if w is not None:
            self._waiter = None
            if not w.done():
                w.set_exception(exc)

    # ------------------------------------------------------------ consumer side (the handler)
    def is_eof(self) -> bool:
        """True once the whole body has arrived (it may still be buffered here)."""
        return self._eof

    def _consumed(self, n: int) -> None:
        self._size -= n
        p = self._proto
        if p is not None and p.body_paused and self._size < BODY_LOW:
            p.resume_body()

    def read_nowait(self, n: int = -1) -> bytes:
        if self._exc is not None:
            raise self._exc
        buf = self._buf
        if not buf:
            return b""
        if n < 0 or n >= self._size:
            data = buf[0] if len(buf) == 1 else b"".join(buf)
            buf.clear()
        else:
            data = b"".join(buf)
            rest = data[n:]
            data = data[:n]
            buf.clear()
            buf.append(rest)
        # (_consumed, inlined: this runs for every request with a body)
        size = self._size = self._size - len(data)
        p = self._proto
        if p is not None and p.body_paused and size < BODY_LOW:
            p.resume_body()
        return data

    async def readany(self) -> bytes:
        """The next buffered piece; ``b""`` at the end of the body."""
        while True:
            if self._exc is not None:
                raise self._exc
            if self._buf:
                data = self._buf.pop(0)
                self._consumed(len(data))
                return data
            if self._eof:
                return b""
            p = self._proto
            if self._expect:
                # RFC 9110 §10.1.1: the handler wants the body, so say so now (and only now: a
                # request refused before this point never makes the client send its body).
                self._expect = False
                if p is not None and p.transport is not None and not p.transport.is_closing():
                    p.transport.write(_CONTINUE)
            if p is None:
                return b""
            self._waiter = p.loop.create_future()
            await self._waiter


class Request:
    """What a stage sees of a request: the attributes of aiohttp's ``BaseRequest`` fastgate reads."""

    __slots__ = ("method", "raw_path", "version", "raw_headers", "_headers", "keep_alive", "content",
                 "content_length", "body_exists", "transport", "remote", "secure", "_proto")

    def __init__(self, proto: HttpProtocol, method: str, raw_path: str, version: tuple[int, int],
                 raw_headers: list[tuple[bytes, bytes]], keep_alive: bool, content: Body,
                 content_length: int | None, body_exists: bool) -> None:
        self.method = method
        self.raw_path = raw_path
        self.version = version
        self.raw_headers = raw_headers
        self._headers: CIMultiDictProxy[str] | None = None
        self.keep_alive = keep_alive
        self.content = content
        self.content_length = content_length
        self.body_exists = body_exists
        self.transport = proto.transport
        self.remote = proto.remote
        self.secure = proto.server.secure
        self._proto = proto

    @property
    def headers(self) -> CIMultiDictProxy[str]:
        h = self._headers
        if h is None:
            h = self._headers = CIMultiDictProxy(CIMultiDict(
                [(k.decode("latin-1"), v.decode("latin-1")) for k, v in self.raw_headers]))
        return h

    @property
    def content_type(self) -> str:
        ct = self.headers.get("content-type")
        if not ct:
            return "application/octet-stream"
        return ct.split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        ct = self.headers.get("content-type") or ""
        for part in ct.split(";")[1:]:
            k, _, v = part.partition("=")
            if k.strip().lower() == "charset":
                return v.strip().strip('"') or None
        return None

    @property
    def protocol(self) -> HttpProtocol:
        return self._proto

    async def drain(self) -> None:
        """Wait while the client's socket buffer is full (HTTP-13 backpressure)."""
        p = self._proto
        if p.write_paused:
            await p.drain()


class HttpProtocol(asyncio.Protocol):
    """One client connection: parse, queue, run the handler one request at a time, in order."""

    __slots__ = ("server", "loop", "transport", "remote", "peer_ip", "closing", "rest", "rescan", "in_head",
                 "cur", "body_left", "chunks", "active", "task", "queue", "nreq", "idle_since", "body_paused",
                 "pipe_paused", "write_paused", "drain_waiters", "reject_after")

    def __init__(self, server: NativeServer) -> None:
        self.server = server
        self.loop = server.loop
        self.transport: Any = None
        self.remote: str | None = None
        self.peer_ip: str | None = None
        self.closing = False
        self.rest: bytearray | None = None  # received bytes not parsed yet (an incomplete head, or paused)
        self.rescan = 0                     # len(rest) at which an incomplete head is parsed again
        self.in_head = False                # part of a head is waiting for its end
        self.cur: Request | None = None     # the request whose body is arriving
        self.body_left = 0                  # Content-Length bytes still to come for ``cur``
        self.chunks: Any = None             # the ChunkedDecoder of ``cur``, if chunked
        self.active: Request | None = None
        self.task: asyncio.Task[Any] | None = None
        self.queue: collections.deque[Request] = collections.deque()
        self.nreq = 0
        self.idle_since = 0.0
        self.body_paused = False
        self.pipe_paused = False
        self.write_paused = False
        self.drain_waiters: list[asyncio.Future[None]] = []
        self.reject_after: bytes | None = None

    # ------------------------------------------------------------------ transport events
    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        srv = self.server
        self.idle_since = self.loop.time()
        peer = transport.get_extra_info("peername")
        self.remote = peer[0] if peer else None
        if len(srv.connections) >= srv.max_connections:
            srv.fg_rejected += 1
            self.closing = True
            transport.write(_OVERLOADED)
            transport.close()
            return
        if srv.per_ip:
            ip = self.remote or ""
            if not srv.is_exempt(ip):
                n = srv.per_ip_open.get(ip, 0)
                if n >= srv.per_ip:
                    srv.fg_rejected_ip += 1
                    self.closing = True
                    transport.write(_TOO_MANY)
                    transport.close()
                    return
                srv.per_ip_open[ip] = n + 1
                self.peer_ip = ip
        srv.connections.add(self)
        srv.ensure_sweeper()

    def connection_lost(self, exc: BaseException | None) -> None:
        self.closing = True
        srv = self.server
        srv.connections.discard(self)
        ip = self.peer_ip
        if ip is not None:
            self.peer_ip = None
            left = srv.per_ip_open.get(ip, 1) - 1
            if left > 0:
                srv.per_ip_open[ip] = left
            else:
                srv.per_ip_open.pop(ip, None)
        gone = ConnectionResetError("client disconnected")
        for req in (self.active, self.cur):
            if req is not None and not req.content._eof:
                req.content.set_exception(gone)
        self.queue.clear()
        task = self.task
        if task is not None and not task.done():
            # The client went away: cancel the handler, which closes the upstream exchange.
            task.cancel()
        for w in self.drain_waiters:
            if not w.done():
                w.set_exception(gone)
        self.drain_waiters.clear()

    def pause_writing(self) -> None:
        self.write_paused = True

    def resume_writing(self) -> None:
        self.write_paused = False
        for w in self.drain_waiters:
            if not w.done():
                w.set_result(None)
        self.drain_waiters.clear()

    async def drain(self) -> None:
        if self.closing:
            raise ConnectionResetError("client disconnected")
        if not self.write_paused:
            return
        fut = self.loop.create_future()
        self.drain_waiters.append(fut)
        await fut

    def data_received(self, data: bytes) -> None:
        if self.closing or self.reject_after is not None:
            return
        if self.cur is not None:
            data = self._body(data)
            if not data:
                return
        rest = self.rest
        if rest is not None:
            rest += data
            # An incomplete head is parsed again once a line has ended (at most ~100 times per
            # head: more lines are refused) or RESCAN more bytes arrived, so a head trickling in
            # one byte at a time costs linear time and is cut at its limits (HTTP-10).
            if self.pipe_paused or (data.find(b"\n") < 0 and len(rest) < self.rescan):
                return
            self.rest = None
            data = bytes(rest)
        self._parse(data)

    # ------------------------------------------------------------------ parsing
    def _parse(self, buf: bytes) -> None:
        """Parse the heads (and the bodies that follow them) in ``buf``, in order."""
        pos = 0
        n = len(buf)
        while pos < n:
            if self.pipe_paused:
                self._keep(buf, pos)
                return
            try:
                head = parse_head(buf, pos)
            except HeadError as e:
                self._reject(_answer(e), e.reason)
                return
            if head is None:
                self._keep(buf, pos)
                return
            end, method, target, version, hdrs, cl, chunked, keep_alive, expect, upgrade = head
            if upgrade:
                # An Upgrade (or CONNECT) we do not perform (no WebSocket/h2c on this listener): the
                # request is answered normally, then the connection closes.
                keep_alive = False
            pos = end
            if chunked:
                content = Body(self, False)
                body_left = -1
            elif not cl:  # None or 0
                content = Body(self, True)
                body_left = 0
            elif cl <= n - pos:
                content = Body(self, True, buf[pos:pos + cl])
                pos += cl
                body_left = 0
            else:
                content = Body(self, False)
                body_left = cl - (n - pos)
            if expect and body_left and version >= (1, 1):
                content._expect = True
            req = Request(self, method, target, version, hdrs, keep_alive, content, cl, chunked or bool(cl))
            self.nreq += 1
            if self.active is None:
                self._start(req)
            else:
                self.queue.append(req)
                if len(self.queue) >= PIPELINE_MAX and not self.pipe_paused:
                    self.pipe_paused = True
                    self.transport.pause_reading()
            if body_left:
                self.cur = req
                self.in_head = False
                if body_left > 0:  # Content-Length: the rest of this read, then more
                    if pos < n:
                        content.feed(buf[pos:])
                    self.body_left = body_left
                    return
                self.chunks = ChunkedDecoder()
                if pos >= n:
                    return
                buf = self._body(buf[pos:])
                if not buf:
                    return
                pos = 0
                n = len(buf)
                continue
            if content._size > BODY_HIGH:
                self.pause_body()
            if not keep_alive:
                self.reject_after = b""  # nothing after it is read
                break
        self.in_head = False

    def _body(self, data: bytes) -> bytes:
        """Feed ``data`` to the body of ``cur``; the bytes after that body (``b""`` if none or the
        connection reads no further)."""
        cur = self.cur
        assert cur is not None
        content = cur.content
        dec = self.chunks
        if dec is None:
            left = self.body_left
            n = len(data)
            if n < left:
                content.feed(data)
                self.body_left = left - n
                return b""
            if n == left:
                content.feed(data)
                rest = b""
            else:
                content.feed(data[:left])
                rest = data[left:]
        else:
            try:
                pieces, done, rest = dec.feed(data)
            except HeadError as e:
                self._reject(_BAD_REQUEST, e.reason)
                return b""
            if pieces:
                content.feed(pieces[0] if len(pieces) == 1 else b"".join(pieces))
            if not done:
                return b""
            self.chunks = None
        self.cur = None
        content.feed_eof()
        if not cur.keep_alive:
            self.reject_after = b""
            return b""
        return rest

    def _keep(self, buf: bytes, pos: int) -> None:
        """Keep ``buf[pos:]`` for later: an incomplete head, or requests beyond the pipeline cap."""
        rest = bytearray(memoryview(buf)[pos:]) if pos else bytearray(buf)
        self.rest = rest
        self.rescan = len(rest) + RESCAN
        # Empty lines between requests do not start a head (the header deadline does not apply).
        self.in_head = bool(rest.lstrip(b"\r\n"))

    # ------------------------------------------------------------------ request lifecycle
    def _start(self, req: Request) -> None:
        self.active = req
        self.task = self.loop.create_task(self._run(req))

    async def _run(self, req: Request) -> None:
        keep = False
        try:
            resp = await self.server.handler(req)
            keep = bool(resp is not None and resp.keep_alive and req.keep_alive)
        except asyncio.CancelledError:
            return
        except Exception:
            log.exception("unhandled error in the request handler")
            t = self.transport
            if t is not None and not t.is_closing():
                t.write(_canned(500, "Internal Server Error", "Internal error", "internal_error"))
        finally:
            self.task = None
            self.active = None
        self._after(req, keep)

    def _after(self, req: Request, keep: bool) -> None:
        if self.closing:
            return
        if not keep or not req.content._eof:
            # An unread request-body remainder is not drained: the connection is closed instead.
            self._close()
            return
        self.idle_since = self.loop.time()
        if self.body_paused:
            self.body_paused = False
            self.transport.resume_reading()
        q = self.queue
        if q:
            self._start(q.popleft())
            if self.pipe_paused and len(q) < PIPELINE_MAX // 2:
                self.pipe_paused = False
                self.transport.resume_reading()
                rest = self.rest
                if rest is not None and self.reject_after is None:
                    self.rest = None
                    self._parse(bytes(rest))
        elif self.reject_after is not None:
            if self.reject_after:
                self.transport.write(self.reject_after)
            self._close()
        elif self.server.draining:
            self._close()

    def pause_body(self) -> None:
        if not self.body_paused and self.transport is not None:
            self.body_paused = True
            self.transport.pause_reading()

    def resume_body(self) -> None:
        if self.body_paused and not self.pipe_paused and self.transport is not None:
            self.body_paused = False
            self.transport.resume_reading()

    def _reject(self, response: bytes, reason: str) -> None:
        """Input that cannot be parsed: answered after the requests before it, then close."""
        self.server.fg_bad_requests += 1
        cur = self.cur
        self.cur = None
        self.chunks = None
        self.rest = None
        self.in_head = False
        if cur is not None and not cur.content._eof:
            # A broken body (bad chunking): the handler reading it gets a 400 and answers it.
            cur.content.set_exception(ClientError("Malformed request body", code="bad_request"))
            self.reject_after = b""
            return
        if self.active is None and not self.queue:
            t = self.transport
            if t is not None and not t.is_closing():
                t.write(response)
            self._close()
        else:
            self.reject_after = response

    def _close(self) -> None:
        if not self.closing:
            self.closing = True
            t = self.transport
            if t is not None:
                t.close()

    def is_idle(self) -> bool:
        return self.active is None and not self.queue and not self.in_head


class NativeServer:
    """The protocol factory and the connection registry of one worker (``loop.create_server(self)``)."""

    def __init__(self, handler: Callable[[Request], Any], *, loop: asyncio.AbstractEventLoop,
                 max_connections: int = 10000, header_timeout: float = 10.0, keepalive_timeout: float = 75.0,
                 per_ip: int | None = None, exempt: tuple[str, ...] = (), secure: bool = False) -> None:
        self.handler = handler
        self.loop = loop
        self.max_connections = max_connections
        self.header_timeout = header_timeout
        self.keepalive_timeout = keepalive_timeout
        self.per_ip = per_ip or 0
        self.per_ip_open: dict[str, int] = {}
        self.exempt = tuple(ipaddress.ip_network(c, strict=False) for c in exempt)
        self.secure = secure
        self.connections: set[HttpProtocol] = set()
        self.draining = False
        self.fg_rejected = 0
        self.fg_rejected_ip = 0
        self.fg_header_timeouts = 0
        self.fg_bad_requests = 0
        self._sweeper: asyncio.TimerHandle | None = None
        limits = [t for t in (header_timeout, keepalive_timeout) if t and t > 0]
        self._period = max(0.05, min([1.0] + [t / 2 for t in limits]))

    def __call__(self) -> HttpProtocol:
        return HttpProtocol(self)

    def is_exempt(self, ip: str) -> bool:
        return ip_in(self.exempt, ip)

    # ------------------------------------------------------------------ timeouts
    def ensure_sweeper(self) -> None:
        if self._sweeper is None:
            self._sweeper = self.loop.call_later(self._period, self._sweep)

    def _sweep(self) -> None:
        """Close connections past their deadline: no complete first head within ``header_timeout``
        (slowloris, HTTP-11), a head trickling in for longer than that, or idle past keep-alive.
        One timer per worker instead of one per request."""
        self._sweeper = None
        if not self.connections:
            return
        now = self.loop.time()
        ht = self.header_timeout
        kt = self.keepalive_timeout
        for c in list(self.connections):
            if c.active is not None or c.queue or c.closing:
                continue
            if ht > 0 and (c.nreq == 0 or c.in_head):
                if now - c.idle_since > ht:
                    self.fg_header_timeouts += 1
                    c._close()
            elif kt > 0 and now - c.idle_since > kt or self.draining:
                c._close()
        self.ensure_sweeper()

    # ------------------------------------------------------------------ shutdown (Worker.drain)
    def pre_shutdown(self) -> None:
        self.draining = True
        for c in list(self.connections):
            if c.active is None and not c.queue:
                c._close()

    async def shutdown(self, timeout: float = 0.0) -> None:
        """Wait up to ``timeout`` for running handlers, then cancel them and close every connection."""
        self.pre_shutdown()
        loop = self.loop
        end = loop.time() + timeout
        while loop.time() < end and any(c.active is not None for c in self.connections):  # noqa: ASYNC110
            await asyncio.sleep(0.02)
        tasks = []
        for c in list(self.connections):
            if c.task is not None and not c.task.done():
                c.task.cancel()
                tasks.append(c.task)
            c._close()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if self._sweeper is not None:
            self._sweeper.cancel()
            self._sweeper = None
