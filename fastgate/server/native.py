"""fastgate's own HTTP/1.1 server: one ``asyncio.Protocol`` per connection, llhttp (httptools) parsing.

Why not aiohttp's low-level server on the data plane: perf-baseline.md measures it at ~24 µs of CPU per
request before any gateway work (a ``BaseRequest``, a ``StreamReader``, a ``StreamWriter`` and a
scheduling hop per request), against ~7 µs for a Protocol + httptools server. The proxy-path target
(≤ 35 µs for the whole request) leaves no room for the former. aiohttp stays where it is cheap enough
and convenient: the admin plane, JWKS/introspection/health clients, and ``server.engine: aiohttp``.

What a request costs here: the llhttp callbacks (one Python call per header), one :class:`Request`
(slots; headers decoded into a ``CIMultiDict`` only if a stage asks for them), one :class:`Body`, and
one Task running ``Gateway.handle``. Responses are written by the Gateway straight to the transport.

HTTP rules kept (acceptance catalogue §3): llhttp's strict mode rejects CL+TE, bad chunking, bad
CL, obs-fold, bare CR/LF, spaces before the colon (HTTP-01..06) → 400 + close; a missing or
duplicated ``Host`` on HTTP/1.1 → 400 (HTTP-07); request line > 8 KiB → 414, a field > 8 KiB, a
head > 64 KiB or > 100 fields → 431, also when the bytes trickle in one at a time (HTTP-10);
pipelined requests answered in order, at most ``PIPELINE_MAX`` parsed ahead before reading pauses
(HTTP-09); ``Expect: 100-continue`` answered only when the handler first waits for the body, so an
oversize or unauthorised request gets its 413/401 without the client sending the body (HTTP-14);
request bodies are flow-controlled (reading pauses above ``BODY_HIGH`` buffered bytes); slow
responses pause on the transport's write buffer (``drain``). Connection-level guards
(``max_connections``, per-IP caps, first-head deadline, keep-alive idle) are those of
``protocol.GuardedServer``.
"""

from __future__ import annotations

import asyncio
import collections
import ipaddress
import logging
from typing import Any, Callable

from httptools import HttpParserError, HttpParserUpgrade, HttpRequestParser
from multidict import CIMultiDict, CIMultiDictProxy

from ..errors import ClientError
from .protocol import _OVERLOADED, _TOO_MANY

log = logging.getLogger("fastgate.server")

LINE_MAX = 8190          # request line (aiohttp's max_line_size; nginx large_client_header_buffers 8k)
FIELD_MAX = 8190         # one header field, name + value
HEAD_MAX = 64 * 1024     # the whole head
HEADERS_MAX = 100        # fields per request (Envoy's max_headers_count)
PIPELINE_MAX = 16        # requests parsed ahead of the one being handled
BODY_HIGH = 256 * 1024   # buffered request-body bytes at which reading pauses
BODY_LOW = 64 * 1024     # ... and resumes

_VERSIONS = {"1.1": (1, 1), "1.0": (1, 0)}
_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"
# Lengths of the fields the server itself reads: host, expect, content-length, transfer-encoding.
_WATCHED_LENGTHS = frozenset((4, 6, 14, 17))


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


class _Reject(Exception):
    """Raised from a parser callback: answer ``response`` and close."""

    def __init__(self, response: bytes, reason: str) -> None:
        super().__init__(reason)
        self.response = response
        self.reason = reason


class Body:
    """The request body as it arrives: the subset of aiohttp's ``StreamReader`` fastgate uses
    (``is_eof``, ``read_nowait``, ``readany``), with read-side flow control."""

    __slots__ = ("_buf", "_size", "_eof", "_waiter", "_exc", "_proto", "_expect", "total_bytes")

    def __init__(self, proto: HttpProtocol | None, eof: bool) -> None:
        self._buf: list[bytes] = []  # short: one piece per TCP read
        self._size = 0
        self._eof = eof
        self._waiter: asyncio.Future[None] | None = None
        self._exc: BaseException | None = None
        self._proto = proto
        self._expect = False
        self.total_bytes = 0

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

    def at_eof(self) -> bool:
        return self._eof and not self._buf

    def exception(self) -> BaseException | None:
        return self._exc

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
        self._consumed(len(data))
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

    async def read(self, n: int = -1) -> bytes:
        if n < 0:
            parts = []
            while True:
                piece = await self.readany()
                if not piece:
                    return b"".join(parts)
                parts.append(piece)
        if not self._buf and not self._eof:
            await self.readany_wait()
        return self.read_nowait(n)

    async def readany_wait(self) -> None:
        piece = await self.readany()
        if piece:
            self._buf.insert(0, piece)
            self._size += len(piece)


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
    def path(self) -> str:
        q = self.raw_path.find("?")
        return self.raw_path if q < 0 else self.raw_path[:q]

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

    __slots__ = ("server", "loop", "transport", "parser", "remote", "peer_ip", "closing", "url", "hdrs",
                 "head_size", "in_head", "head_pending", "cl", "host_seen", "expect", "upgrade", "cur", "active",
                 "task", "queue", "nreq", "idle_since", "body_paused", "pipe_paused", "write_paused",
                 "drain_waiters", "reject_after")

    def __init__(self, server: NativeServer) -> None:
        self.server = server
        self.loop = server.loop
        self.transport: Any = None
        self.parser = HttpRequestParser(self)
        self.remote: str | None = None
        self.peer_ip: str | None = None
        self.closing = False
        self.url = b""
        self.hdrs: list[tuple[bytes, bytes]] = []
        self.head_size = 0
        self.in_head = False
        self.head_pending = 0
        self.cl: int | None = None
        self.host_seen = 0
        self.expect = False
        self.upgrade = False
        self.cur: Request | None = None
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
        try:
            self.parser.feed_data(data)
        except HttpParserUpgrade:
            # An Upgrade we do not perform (no WebSocket/h2c on this listener): the request is
            # answered normally, then the connection closes; bytes after it are not parsed.
            req = self.cur or (self.queue[-1] if self.queue else self.active)
            if req is not None:
                req.keep_alive = False
                if not req.content._eof:
                    req.content.feed_eof()
                self.cur = None
            self.in_head = False
            self.reject_after = b""
            if self.active is None and not self.queue:
                self._close()
            return
        except HttpParserError as e:
            # A _Reject raised in a callback arrives wrapped (HttpParserCallbackError).
            r = e.__context__
            if isinstance(r, _Reject):
                self._reject(r.response, r.reason)
            else:
                self._reject(_BAD_REQUEST, "bad_request")
            return
        if self.in_head:
            # llhttp keeps a partial field to itself until it is complete: bound what it holds
            # so a never-ending header line cannot grow without limit (HTTP-10 across segments).
            self.head_pending += len(data)
            if self.head_pending > HEAD_MAX + LINE_MAX:
                self._reject(_HEADERS_TOO_LARGE, "headers_too_large")

    # ------------------------------------------------------------------ llhttp callbacks
    def on_message_begin(self) -> None:
        self.url = b""
        self.hdrs = []
        self.head_size = 0
        self.head_pending = 0
        self.in_head = True
        self.cl = None
        self.host_seen = 0
        self.expect = False

    def on_url(self, url: bytes) -> None:
        u = self.url + url if self.url else url
        if len(u) > LINE_MAX:
            raise _Reject(_URI_TOO_LONG, "uri_too_long")
        self.url = u

    def on_header(self, name: bytes, value: bytes) -> None:
        hdrs = self.hdrs
        hdrs.append((name, value))
        n = len(name) + len(value)
        self.head_size += n
        if n > FIELD_MAX or self.head_size > HEAD_MAX or len(hdrs) > HEADERS_MAX:
            raise _Reject(_HEADERS_TOO_LARGE, "headers_too_large")
        if len(name) in _WATCHED_LENGTHS:
            self._watched(name.lower(), value)

    def _watched(self, low: bytes, value: bytes) -> None:
        """The few fields the server itself reads (any other name of the same length passes through)."""
        if low == b"content-length":
            # llhttp has already refused a malformed or conflicting value.
            self.cl = int(value)
        elif low == b"host":
            self.host_seen += 1
            if self.host_seen > 1 or not _valid_host(value):
                raise _Reject(_BAD_HOST, "bad_host")
        elif low == b"expect":
            if value.strip().lower() == b"100-continue":
                self.expect = True
        elif low == b"transfer-encoding" and value.strip(b" \t").lower() != b"chunked":
            # The only coding a request may use here is a lone ``chunked`` (nginx does the same);
            # llhttp would take ``,chunked`` or ``identity, chunked`` (HTTP-02).
            raise _Reject(_BAD_REQUEST, "bad_transfer_encoding")

    def on_headers_complete(self) -> None:
        self.in_head = False
        self.head_pending = 0
        p = self.parser
        v = p.get_http_version()
        version = _VERSIONS.get(v)
        if version is None:
            raise _Reject(_BAD_VERSION, "bad_version")  # HTTP/2.0 or 0.9 text on an HTTP/1.1 listener
        if version == (1, 1) and not self.host_seen:
            raise _Reject(_BAD_HOST, "bad_host")
        try:
            raw_path = self.url.decode("ascii")
        except UnicodeDecodeError:
            raise _Reject(_BAD_REQUEST, "bad_target") from None
        cl = self.cl
        chunked = cl is None and _is_chunked(self.hdrs)
        body_exists = chunked or (cl is not None and cl > 0)
        content = Body(self, not body_exists)
        if body_exists and self.expect and version >= (1, 1):
            content._expect = True
        req = Request(self, p.get_method().decode("ascii"), raw_path, version, self.hdrs,
                      p.should_keep_alive(), content, cl, body_exists)
        self.cur = req
        self.nreq += 1
        if self.active is None:
            self._start(req)
        else:
            self.queue.append(req)
            if len(self.queue) >= PIPELINE_MAX and not self.pipe_paused:
                self.pipe_paused = True
                self.transport.pause_reading()

    def on_body(self, body: bytes) -> None:
        cur = self.cur
        if cur is not None:
            cur.content.feed(body)

    def on_message_complete(self) -> None:
        cur = self.cur
        if cur is not None:
            self.cur = None
            cur.content.feed_eof()

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
            nxt = q.popleft()
            if self.pipe_paused and len(q) < PIPELINE_MAX // 2:
                self.pipe_paused = False
                self.transport.resume_reading()
            self._start(nxt)
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


def _valid_host(value: bytes) -> bool:
    # RFC 9112 §3.2: uri-host [ ":" port ]; reject what could confuse routing or logs (one C call).
    return 0 < len(value) <= 1024 and len(value.translate(None, _NOT_IN_HOST)) == len(value)


_NOT_IN_HOST = b" /\\@\t?#"


def _is_chunked(hdrs: list[tuple[bytes, bytes]]) -> bool:
    for k, v in hdrs:
        if len(k) == 17 and k.lower() == b"transfer-encoding":
            return True
    return False


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
        if not self.exempt or not ip:
            return False
        try:
            addr = ipaddress.ip_address(ip)
        except ValueError:
            return False
        return any(addr in net for net in self.exempt)

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
            elif kt > 0 and now - c.idle_since > kt:
                c._close()
            elif self.draining:
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
