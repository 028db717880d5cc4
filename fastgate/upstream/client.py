"""The data-plane upstream HTTP/1.1 client: a keep-alive pool on raw transports + httptools (llhttp).

aiohttp's ``ClientSession`` costs ~55 µs of CPU per upstream request on the reference box; a
``Protocol`` with the llhttp response parser and a hand-written LIFO pool costs ~7 µs
(docs/perf-baseline.md §2). Every request goes through here, so the hot path is written for
few allocations and few Python calls:

* one C call (``httpwire.build_request``) builds and validates the head, with a small body in
  the same buffer, so the transport sees one write;
* a complete answer of the plain shape (HTTP/1.1, Content-Length, ordinary fields: what an LLM
  API sends) that arrives in one segment is taken by one C call
  (``httpwire.parse_simple_response``), which accepts a strict subset of what llhttp accepts and
  leaves everything else to llhttp;
* otherwise the parser calls back into Python four times per response, not once per header
  field: the head llhttp accepted is split by ``httpwire.parse_response_head`` in one pass;
* one future waits for the response head; the body of a small reply is normally parsed by the
  time that future resolves, so ``read()`` needs no second future;
* timeouts use one lazily re-armed ``loop.call_at`` timer per connection, not a timer (or
  ``asyncio.timeout``) per request: creating and cancelling a uvloop timer costs ~4 µs.

Safety rules (docs/acceptance-catalogue.md §3, HTTP-13/20/22/23/24, §6 OPS-05):

* llhttp runs in strict mode: CR/LF/NUL in a header, CL together with TE, an invalid or
  duplicate CL, a bad chunk size all raise :class:`~fastgate.errors.UpstreamError`
  (RFC 9112 §6.3 items 3-5: such a message cannot be delimited, so the connection cannot be
  reused either).
* EOF before ``Content-Length`` bytes or before the last chunk is a truncated response, never a
  short 200 (OPS-05 ``limit_data``).
* A connection is pooled only after a *clean* exchange: request fully written, response
  complete, keep-alive on both sides, and no byte beyond the response. Anything else — parse
  error, timeout, cancellation, bytes arriving on an idle connection — closes it, because a
  stray response left in the socket would be paired with the next request
  (response-queue poisoning, http-garden server bug 47).

Lifetime of a response: the connection goes back to the pool as soon as the response message
has been completely *received* (it is then buffered in the :class:`UpstreamResponse`, which no
longer refers to the connection); ``read()``, iteration and ``close()`` after that touch no
socket. A response that is neither read nor closed keeps its connection busy until the upstream
finishes the message — then the connection is pooled and the buffered body dies with the
response object — or, when more than 256 KiB is left unconsumed (reading is paused), until the
upstream closes the connection. Callers therefore write ``try: ... finally: resp.close()``;
``close()`` after a complete read is a no-op.
"""

from __future__ import annotations

import asyncio
import ssl as _ssl
from collections.abc import AsyncIterable, AsyncIterator
from typing import Any
from urllib.parse import urlsplit

from httptools import HttpParserError, HttpParserUpgrade, HttpResponseParser

from fastgate._native import kernel
from fastgate.errors import UpstreamConnectError, UpstreamError, UpstreamTimeout

__all__ = ["Target", "UpstreamResponse"]

# Backpressure watermarks on the unconsumed response buffer (HTTP-13).
HIGH_WATER = 256 * 1024
LOW_WATER = 64 * 1024
# Above this a bytes body is written apart from the head instead of being copied into one buffer.
_COALESCE_MAX = 64 * 1024
# readany() joins buffered body pieces up to this many bytes.
_BATCH_MAX = 64 * 1024

# Request-head serialiser/validator and response-head splitter (compiled httpwire, or its twin).
_build_request = kernel("httpwire").build_request
_parse_head = kernel("httpwire").parse_response_head
_parse_simple = kernel("httpwire").parse_simple_response
# Chunked-body decoder of the plain shape (one C call per socket read); llhttp judges the rest.
_dechunk = kernel("httpwire").dechunk

# Connection states.
_IDLE = 0  # in the pool or just dialled; no exchange in progress
_HEAD = 1  # request started; waiting for / parsing the response head (1xx included)
_BODY = 2  # head parsed; body arriving
_DONE = 3  # response complete; released (or closed) as soon as the current feed returns
_CLOSED = 4
_PRIME = 5  # a fresh llhttp parser is being primed to the body state (its callbacks are ignored)

# _Conn.ck when llhttp decodes the body (else the httpwire.dechunk state: > 0 chunk bytes due,
# 0 at a size line, -1/-2 the CR/LF after chunk data due).
_CK_OFF = -9
# What a fresh llhttp parser is fed so that it stands where a chunked body decoded so far stands.
_PRIME_HEAD = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"

# Timer kinds (what an expiring connection timer means).
_T_FIRST_BYTE = 1
_T_IDLE = 2
_T_DEADLINE = 3

# Methods that carry a body by definition: send ``Content-Length: 0`` when there is none,
# as RFC 9110 §8.6 recommends for them (some origins answer 411 otherwise).
_BODY_METHODS = frozenset((b"POST", b"PUT", b"PATCH"))

# Timers may fire a hair early (libuv has millisecond resolution); treat "within 1 ms" as due.
_TIMER_SLACK = 0.001


# Shared placeholder until the head is parsed (never mutated).
_NO_HEADERS: list[tuple[bytes, bytes]] = []


class _Abort(Exception):
    """Raised inside a parser callback to stop llhttp; the reason is in ``_Conn.cb_exc``."""


# cb_exc when llhttp was stopped after a head because httpwire.dechunk takes the body over.
_SWITCH = _Abort()


class UpstreamResponse:
    """The head and body of one upstream response.

    ``status``, ``reason``, ``headers`` (names lower-cased, values as received without
    surrounding whitespace, order kept) and ``keep_alive`` are set when the head is parsed;
    ``content_length`` and ``chunked`` are derived from ``headers`` on access. The body is
    consumed either with :meth:`read` (all of it) or by ``async for piece in resp`` (pieces as
    they arrive, with backpressure on the upstream socket). :meth:`close` abandons the exchange.
    """

    __slots__ = (
        "status",
        "reason",
        "headers",
        "keep_alive",
        "_chunks",
        "_pos",
        "_size",
        "_done",
        "_exc",
        "_conn",
    )

    def __init__(self, conn: _Conn) -> None:
        self.status = 0
        self.reason = b""
        self.headers: list[tuple[bytes, bytes]] = _NO_HEADERS
        self.keep_alive = False
        self._chunks: list[bytes] = []
        self._pos = 0  # index of the next unconsumed piece in _chunks
        self._size = 0  # unconsumed bytes
        self._done = False  # the whole message was received
        self._exc: BaseException | None = None
        # The connection while the message is still arriving; None once it is complete (the
        # connection is then pooled or closed) or abandoned.
        self._conn: _Conn | None = conn

    def __repr__(self) -> str:
        return f"<UpstreamResponse {self.status} {self.reason.decode('latin-1')!r} done={self._done}>"

    @property
    def content_length(self) -> int | None:
        """The ``Content-Length`` the upstream announced (llhttp already rejected bad/duplicate ones)."""
        for n, v in self.headers:
            if n == b"content-length":
                return int(v)
        return None

    @property
    def chunked(self) -> bool:
        """True when the final transfer coding is ``chunked`` (RFC 9112 §6.3 item 4)."""
        te = b",".join([v for n, v in self.headers if n == b"transfer-encoding"])
        return bool(te) and te.rsplit(b",", 1)[-1].strip().lower() == b"chunked"

    # -- body -----------------------------------------------------------------------------

    async def read(self, max_bytes: int | None = None) -> bytes:
        """Return the (rest of the) body once it is complete.

        Raises :class:`UpstreamError` when the body is (or announces to be) longer than
        ``max_bytes`` (the connection is closed, never drained), when it is truncated or
        malformed, and :class:`UpstreamTimeout` on the idle timeout or the deadline.
        """
        if not self._done or self._exc is not None:
            await self._fill(max_bytes)
        size = self._size
        if max_bytes is not None and size > max_bytes:
            raise self._too_large(max_bytes)
        chunks = self._chunks
        pos = self._pos
        n = len(chunks) - pos
        if n == 1:
            data = chunks[pos]
        elif n == 0:
            return b""
        else:
            data = b"".join(chunks[pos:] if pos else chunks)
        chunks.clear()
        self._pos = 0
        self._size = 0
        return data

    async def _fill(self, max_bytes: int | None) -> None:
        # Slow path of read(): the body is still arriving (or failed).
        if self._exc is not None:
            raise self._exc
        if max_bytes is not None:
            cl = self.content_length
            if cl is not None and cl > max_bytes:
                raise self._too_large(max_bytes)
        conn = self._conn
        if conn is not None:
            # read() buffers everything anyway: pausing the socket would only deadlock it.
            conn.reading_all = True
            if conn.read_paused:
                conn.resume()
        while not self._done:
            if self._exc is not None:
                raise self._exc
            if max_bytes is not None and self._size > max_bytes:
                raise self._too_large(max_bytes)
            await self._wait()
        if self._exc is not None:
            raise self._exc

    def _too_large(self, max_bytes: int) -> UpstreamError:
        exc = UpstreamError(f"upstream response body exceeds {max_bytes} bytes", retryable=False, sent=True)
        conn = self._conn
        if conn is not None:
            # The rest of the body is still on the wire: the connection cannot be reused.
            conn.fail(exc)
        self._exc = exc
        self._chunks = []
        self._pos = 0
        self._size = 0
        return exc

    def __aiter__(self) -> AsyncIterator[bytes]:
        """Iterate over body pieces as they arrive (de-chunked)."""
        return self

    async def __anext__(self) -> bytes:
        while True:
            chunks = self._chunks
            pos = self._pos
            if pos < len(chunks):
                # Already buffered: no future, no loop round-trip.
                piece = chunks[pos]
                pos += 1
                if pos == len(chunks):
                    chunks.clear()
                    pos = 0
                self._pos = pos
                self._size -= len(piece)
                conn = self._conn
                if conn is not None and conn.read_paused and self._size < LOW_WATER:
                    conn.resume()
                return piece
            if self._exc is not None:
                raise self._exc
            if self._done:
                raise StopAsyncIteration
            await self._wait()

    async def readany(self) -> bytes:
        """The body bytes buffered now as one piece, waiting only when none is; ``b""`` at the end.

        A relay's read: the pieces of one socket read (an SSE stream sent in one burst is dozens
        of chunks) come as one, so they cost one write to the client and one pass of the chunk
        hooks, not one each. Nothing waits for more than is already here, so no byte is delayed.
        At most ``_BATCH_MAX`` bytes are joined (a larger piece comes alone), so a slow client
        holds no more than before: backpressure still pauses the upstream at ``HIGH_WATER``.
        """
        while True:
            piece = self.take()
            if piece is not None:
                return piece
            await self._wait()

    def take(self) -> bytes | None:
        """``readany()`` without its wait: the piece buffered now, ``b""`` at the end of the body,
        None when nothing is buffered yet (raises the response's error, as ``readany()`` does).

        With ``wait_with`` it lets a relay take the body from the connection's callbacks instead
        of a task woken per piece (``server.handler._StreamRelay``)."""
        chunks = self._chunks
        pos = self._pos
        n = len(chunks) - pos
        if n > 0:
            size = self._size
            if n == 1:
                piece = chunks[pos]
                chunks.clear()
                pos = 0
                size = 0
            elif size <= _BATCH_MAX:
                piece = b"".join(chunks[pos:] if pos else chunks)
                chunks.clear()
                pos = 0
                size = 0
            else:
                end = pos
                total = 0
                stop = len(chunks)
                while end < stop and (total == 0 or total + len(chunks[end]) <= _BATCH_MAX):
                    total += len(chunks[end])
                    end += 1
                piece = chunks[pos] if end == pos + 1 else b"".join(chunks[pos:end])
                if end == stop:
                    chunks.clear()
                    pos = 0
                else:
                    pos = end
                size -= total
            self._pos = pos
            self._size = size
            conn = self._conn
            if conn is not None and conn.read_paused and size < LOW_WATER:
                conn.resume()
            return piece
        if self._exc is not None:
            raise self._exc
        if self._done:
            return b""
        return None

    def wait_with(self, waiter: Any) -> None:
        """Be woken by the connection: ``waiter.set_result(None)`` at the next body event (data, end,
        error), under the idle timeout and the deadline, as ``_wait`` is. ``waiter`` is a future or
        any object with ``done()`` and ``set_result()``: the connection calls it from its
        callbacks, once per arming."""
        conn = self._conn
        if conn is None:  # pragma: no cover - detached without _done/_exc would be a bug
            raise UpstreamError("response is detached from its connection", retryable=False, sent=True)
        due: float | None = None
        kind = _T_IDLE
        if conn.idle_timeout is not None:
            due = conn.loop.time() + conn.idle_timeout
        deadline = conn.deadline
        if deadline is not None and (due is None or deadline <= due):
            due = deadline
            kind = _T_DEADLINE
        if due is not None:
            timer = conn.timer
            if timer is None or conn.timer_at > due + _TIMER_SLACK:
                conn.arm(due, kind)
            else:  # (arm's common case, inlined: the armed timer fires first and re-arms itself)
                conn.due = due
                conn.due_kind = kind
        conn.waiter = waiter

    async def _wait(self) -> None:
        """Wait for the next body event, under the idle timeout and the deadline."""
        conn = self._conn
        if conn is None:  # pragma: no cover - detached without _done/_exc would be a bug
            raise UpstreamError("response is detached from its connection", retryable=False, sent=True)
        fut = conn.loop.create_future()
        self.wait_with(fut)
        try:
            await fut
        except asyncio.CancelledError:
            # Cancelled mid-body: the rest of the response is still coming, so the
            # connection can never be reused. (If the response completed meanwhile the
            # connection is already detached and possibly serving someone else: leave it.)
            if self._conn is conn:
                conn.abandon()
            raise

    def close(self) -> None:
        """Abandon the response: its connection is closed, never reused.

        A no-op once the body was completely received (the connection is then already back in
        the pool), so ``finally: resp.close()`` is always safe.

        The error the response failed with stays (a later read raises it again), without its
        traceback: the frames of the read that raised it hold this response, and through its
        caller the request (context, body), a reference cycle per failed response that only the
        collector would free.
        """
        exc = self._exc
        if exc is not None:
            exc.__traceback__ = None
        conn = self._conn
        if conn is None:
            return
        if not self._done and self._exc is None:
            self._exc = UpstreamError("response was closed before its end", retryable=False, sent=True)
        conn.abandon()


class _Conn(asyncio.Protocol):
    """One upstream connection: transport, llhttp parser and the state of its current exchange."""

    __slots__ = (
        "target",
        "loop",
        "transport",
        "parser",
        "state",
        "resp",
        "waiter",
        "drain_waiter",
        "alive",
        "reusable",
        "req_done",
        "head_req",
        "hbuf",
        "hlen",
        "hoff",
        "interim",
        "stale_parser",
        "read_paused",
        "reading_all",
        "write_paused",
        "idle_timeout",
        "deadline",
        "due",
        "due_kind",
        "timer",
        "timer_at",
        "exc",
        "cb_exc",
        "idle_since",
        "pooled",
        "ck",
        "ck_tail",
    )

    def __init__(self, target: Target, loop: asyncio.AbstractEventLoop) -> None:
        self.target = target
        self.loop = loop
        self.transport: Any = None
        # Only on_message_begin, on_headers_complete, on_body and on_message_complete are
        # defined: httptools calls nothing else, and the head's fields are split in one C pass
        # (httpwire.parse_response_head) instead of one Python callback per field.
        self.parser = HttpResponseParser(self)
        self.state = _IDLE
        self.resp: UpstreamResponse | None = None
        self.waiter: Any = None  # an asyncio.Future, or a relay with done() and set_result() (wait_with)
        self.drain_waiter: asyncio.Future[None] | None = None
        self.alive = False
        self.reusable = True
        self.req_done = False
        self.head_req = False
        # Bytes received since the request started, while the head is incomplete: one bytes
        # object (the usual single segment) or a list of segments.
        self.hbuf: bytes | list[bytes] | None = None
        self.hlen = 0
        self.hoff = 0  # where the next head starts in hbuf (past skipped 1xx heads)
        self.interim = False
        self.stale_parser = False
        self.read_paused = False
        self.reading_all = False
        self.write_paused = False
        self.idle_timeout: float | None = None
        self.deadline: float | None = None
        self.due: float | None = None
        self.due_kind = 0
        self.timer: asyncio.TimerHandle | None = None
        self.timer_at = 0.0
        self.exc: BaseException | None = None
        self.cb_exc: BaseException | None = None
        self.idle_since = 0.0
        self.pooled = False
        self.ck = _CK_OFF
        self.ck_tail: bytes | None = None

    # -- asyncio.Protocol -----------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.alive = True
        self.target.created += 1

    def data_received(self, data: bytes) -> None:
        state = self.state
        if state == _BODY and self.ck != _CK_OFF:
            self._dechunked(data)
            return
        if state == _HEAD:
            hb = self.hbuf
            if hb is None:
                if not self.head_req:
                    r = _parse_simple(data)
                    if r is not None and r[3] <= self.target.max_response_header_bytes:
                        # The whole answer in one segment, in the plain shape llhttp would take
                        # as is (httpwire.parse_simple_response): no parser, no callbacks.
                        resp: UpstreamResponse = self.resp  # type: ignore[assignment]
                        resp.status, resp.reason, resp.headers, end = r
                        resp.keep_alive = True
                        if end < len(data):
                            resp._chunks.append(data[end:])
                            resp._size += len(data) - end
                        resp._done = True
                        self.state = _DONE
                        self._wake()
                        self.finish()
                        return
                self.hbuf = data
            elif type(hb) is bytes:
                # The head spans segments: keep them in a list (joining per segment would be
                # quadratic under a 1-byte trickle) and count from here on.
                self.hbuf = [hb, data]
                self.hlen = len(hb) + len(data)
            else:
                hb.append(data)  # type: ignore[union-attr]
                self.hlen += len(data)
        elif state != _BODY:
            # Bytes nobody asked for (on an idle connection, or after a complete response):
            # whatever they are, they must never be taken as the answer to the next request.
            self.reusable = False
            if state == _IDLE:
                self.close_now()
            return
        try:
            self.parser.feed_data(data)
        except HttpParserUpgrade:
            self.fail(UpstreamError("upstream switched protocols unasked", retryable=False, sent=True))
            return
        except HttpParserError as e:
            exc = self.cb_exc
            self.cb_exc = None
            if exc is _SWITCH:
                # The head is parsed; the chunked body is httpwire.dechunk's from here (the
                # stopped parser is replaced before it is needed again). Wake request() as
                # on_headers_complete does.
                self._wake()
                tail = self.ck_tail
                self.ck_tail = None
                if tail:
                    self._dechunked(tail)
                return
            if exc is None:
                exc = UpstreamError(f"malformed response from upstream: {e}", retryable=False, sent=True)
            self.fail(exc)
            return
        state = self.state
        if state == _DONE:
            self.finish()
        elif state == _HEAD and (
            (self.hlen if type(self.hbuf) is list else len(self.hbuf))  # type: ignore[arg-type]
            > self.target.max_response_header_bytes
        ):
            # Still no complete head (1xx heads included): an endless head is cut here.
            self.fail(self._head_too_large())

    def eof_received(self) -> bool:
        return False  # let the transport close; connection_lost decides what EOF meant

    def connection_lost(self, exc: Exception | None) -> None:
        self.alive = False
        self.reusable = False
        state = self.state
        if state == _IDLE:
            self.state = _CLOSED
            if self.pooled:
                self.target._forget(self)
            self._teardown()
            return
        if state == _HEAD:
            self.fail(
                UpstreamError(
                    "upstream closed the connection before the response head", retryable=True, sent=True
                )
            )
        elif state == _BODY:
            resp = self.resp
            if resp is not None and _delimited_by_eof(resp):
                # No Content-Length and no final chunked coding: the body ends at EOF
                # (RFC 9112 §6.3 item 8). The connection cannot be reused, of course.
                self.reusable = False
                self.state = _DONE
                resp._done = True
                self._wake()
                self.finish()
            else:
                # EOF before Content-Length bytes or before the last chunk: truncated, never a
                # short 200 (RFC 9112 §8; OPS-05 limit_data).
                self.fail(UpstreamError("upstream response truncated", retryable=False, sent=True))
        elif state == _DONE:
            self.reusable = False
            self.finish()
        # else _CLOSED: we closed it ourselves and tore it down already

    def pause_writing(self) -> None:
        self.write_paused = True

    def resume_writing(self) -> None:
        self.write_paused = False
        w = self.drain_waiter
        if w is not None:
            self.drain_waiter = None
            if not w.done():
                w.set_result(None)

    # -- llhttp callbacks -----------------------------------------------------------------

    def on_message_begin(self) -> None:
        if self.state != _HEAD:
            if self.state == _PRIME:
                return
            # A second response to one request (or bytes after a HEAD response's head):
            # stop here; a complete first response stays valid, the connection is dropped.
            self.cb_exc = UpstreamError("upstream sent more than one response", retryable=False, sent=True)
            raise _Abort

    def on_headers_complete(self) -> None:
        if self.state == _PRIME:
            return
        hb = self.hbuf
        if type(hb) is not bytes:
            hb = self.hbuf = b"".join(hb)  # type: ignore[arg-type]
        hoff = self.hoff
        try:
            reason, headers, end = _parse_head(hb, hoff)
        except ValueError as e:
            self.cb_exc = UpstreamError(
                f"malformed response head from upstream: {e}", retryable=False, sent=True
            )
            raise _Abort from None
        parser = self.parser
        status = parser.get_status_code()
        if status < 200:
            # 1xx interim response (100 Continue, 102, 103): skipped (RFC 9110 §15.2); llhttp
            # completes it without a body. Its bytes stay in hbuf, so an endless series
            # of 1xx heads is bounded by max_response_header_bytes too.
            self.interim = True
            self.hoff = end
            return
        if end - hoff > self.target.max_response_header_bytes:
            self.cb_exc = self._head_too_large()
            raise _Abort
        self.hbuf = None
        self.hoff = 0
        resp = self.resp
        assert resp is not None
        resp.status = status
        resp.reason = reason
        resp.headers = headers
        resp.keep_alive = parser.should_keep_alive()
        if self.head_req:
            # A response to HEAD never has a body, whatever its framing headers say
            # (RFC 9110 §9.3.2). httptools cannot tell llhttp so; the message ends here and the
            # parser, which may still expect Content-Length bytes, is replaced after this feed.
            self.stale_parser = True
            self.state = _DONE
            resp._done = True
        else:
            self.state = _BODY
            if (
                resp.keep_alive
                and status != 204
                and status != 304
                and hb[hoff + 5 : hoff + 9] == b"1.1 "
                and _plain_chunked(headers)
            ):
                # A chunked body of an HTTP/1.1 keep-alive answer: decoded by httpwire.dechunk
                # (one C call per read, not an llhttp callback per chunk) from the bytes after the
                # head. llhttp is stopped here; the body's bytes of this read are ours.
                self.ck = 0
                self.ck_tail = hb[end:] if end < len(hb) else None
                self.stale_parser = True
                self.cb_exc = _SWITCH  # (data_received wakes the request() coroutine)
                raise _Abort
        # Wake the request() coroutine. The timeout it waited under no longer applies (the
        # lazy timer sees due None and lapses); cleared here, not by the woken task, because
        # by the time that task runs the connection may already serve another exchange.
        self.due = None
        w = self.waiter
        if w is not None:
            self.waiter = None
            if not w.done():
                w.set_result(None)

    def on_body(self, body: bytes) -> None:
        if self.state != _BODY:
            if self.state == _PRIME:
                return
            # Body bytes after a HEAD response's head: they cannot belong to this exchange.
            self.reusable = False
            return
        resp = self.resp
        assert resp is not None
        resp._chunks.append(body)
        size = resp._size + len(body)
        resp._size = size
        if size > HIGH_WATER and not self.read_paused and not self.reading_all:
            # The consumer is slower than the upstream: stop reading the socket so the kernel
            # window closes and the upstream's writes stall (HTTP-13).
            self.read_paused = True
            self.transport.pause_reading()
        if self.waiter is not None:
            self._wake()

    def on_message_complete(self) -> None:
        if self.interim:
            self.interim = False
            return
        if self.state == _BODY:
            self.state = _DONE
            self.resp._done = True  # type: ignore[union-attr]
            if self.waiter is not None:
                self._wake()

    # -- chunked bodies without llhttp ------------------------------------------------------

    def _dechunked(self, data: bytes) -> None:
        """Body bytes of a chunked answer that httpwire.dechunk decodes (see on_headers_complete)."""
        tail = self.ck_tail
        if tail is not None:
            self.ck_tail = None
            data = tail + data
        body, ck, stop, code = _dechunk(data, self.ck)
        self.ck = ck
        if body:
            # (on_body, inlined)
            resp: UpstreamResponse = self.resp  # type: ignore[assignment]
            n = len(body)
            if n <= _BATCH_MAX:
                resp._chunks.append(body)
            else:
                # The chunks of one large read come joined: hand them on in readany()-sized
                # pieces, as llhttp's per-chunk pieces were (a relay's writes stay bounded).
                resp._chunks.extend([body[i : i + _BATCH_MAX] for i in range(0, n, _BATCH_MAX)])
            size = resp._size + n
            resp._size = size
            if size > HIGH_WATER and not self.read_paused and not self.reading_all:
                self.read_paused = True
                self.transport.pause_reading()
            if self.waiter is not None:
                self._wake()
        if code:
            if code == 1:
                self.ck_tail = data[stop:]  # an incomplete size line (at most 18 bytes)
            elif code == 2:
                self._dechunked_end(data[stop:] if stop < len(data) else None)
            else:
                self._to_llhttp(data[stop:], ck)

    def _dechunked_end(self, rest: bytes | None) -> None:
        # The last chunk and an empty trailer section: the message is complete.
        self.ck = _CK_OFF
        self.state = _DONE
        self.resp._done = True  # type: ignore[union-attr]
        if self.waiter is not None:
            self._wake()
        self.parser = HttpResponseParser(self)
        self.stale_parser = False
        if rest:
            # Bytes after the message in the same read: llhttp judges them as it would have
            # (CRLF is skipped, anything else is a second response: the connection is dropped).
            try:
                self.parser.feed_data(rest)
            except HttpParserError as e:
                exc = self.cb_exc
                self.cb_exc = None
                self.fail(exc or UpstreamError(f"malformed response from upstream: {e}", retryable=False, sent=True))
                return
        self.finish()

    def _to_llhttp(self, rest: bytes, ck: int) -> None:
        # The body left the plain shape (chunk extension, trailers, bad framing): a fresh llhttp
        # parser, primed to stand where the body stands, takes it from here and judges it.
        self.ck = _CK_OFF
        parser = self.parser = HttpResponseParser(self)
        self.stale_parser = False
        if ck > 0:
            prime = _PRIME_HEAD + b"%x\r\n" % ck
        elif ck == 0:
            prime = _PRIME_HEAD
        elif ck == -1:
            prime = _PRIME_HEAD + b"1\r\nx"  # (the "x" is not delivered: on_body ignores _PRIME)
        else:
            prime = _PRIME_HEAD + b"1\r\nx\r"
        self.state = _PRIME
        parser.feed_data(prime)
        self.state = _BODY
        self.data_received(rest)

    # -- exchange control -----------------------------------------------------------------

    def _wake(self) -> None:
        self.due = None
        w = self.waiter
        if w is not None:
            self.waiter = None
            if not w.done():
                w.set_result(None)

    def _head_too_large(self) -> UpstreamError:
        return UpstreamError(
            f"upstream response head exceeds {self.target.max_response_header_bytes} bytes",
            retryable=False,
            sent=True,
        )

    def finish(self) -> None:
        """The response is complete: detach it, then pool the connection or close it."""
        resp: UpstreamResponse = self.resp  # type: ignore[assignment]
        self.resp = None
        resp._conn = None
        if self.stale_parser:
            self.parser = HttpResponseParser(self)
            self.stale_parser = False
        if not (self.reusable and self.req_done and resp.keep_alive):
            self.close_now(graceful=True)
            return
        self.state = _IDLE
        if self.read_paused:
            self.resume()
        # Back to the pool (inlined: this runs once per request).
        target = self.target
        idle = target._idle
        if target._closed or len(idle) >= target.max_idle:
            self.close_now(graceful=True)
            return
        now = self.loop.time()
        self.idle_since = now
        self.pooled = True
        idle.append(self)
        # LIFO keeps the bottom of the list cold; reap it here (one comparison per release)
        # so stale sockets do not pile up below the hot end.
        oldest = idle[0]
        if now - oldest.idle_since > target.idle_ttl:
            del idle[0]
            oldest.pooled = False
            oldest.close_now(graceful=True)

    def resume(self) -> None:
        self.read_paused = False
        if self.alive:
            self.transport.resume_reading()

    def arm(self, due: float, kind: int) -> None:
        """Make the connection time out at ``due`` (``loop.time()``) unless ``self.due`` is cleared.

        One ``TimerHandle`` per connection is re-used lazily: it is only re-created when the
        new due time is earlier than the armed one; a timer that fires early re-arms itself.
        Creating and cancelling a uvloop timer per request costs more than building the request.
        """
        self.due = due
        self.due_kind = kind
        timer = self.timer
        if timer is None or self.timer_at > due + _TIMER_SLACK:
            if timer is not None:
                timer.cancel()
            self.timer = self.loop.call_at(due, self._on_timer)
            self.timer_at = due

    def _on_timer(self) -> None:
        self.timer = None
        due = self.due
        if due is None or self.state == _CLOSED:
            return
        if self.loop.time() + _TIMER_SLACK < due:
            self.timer = self.loop.call_at(due, self._on_timer)
            self.timer_at = due
            return
        kind = self.due_kind
        if kind == _T_FIRST_BYTE:
            exc: UpstreamError = UpstreamTimeout(
                "no response head from upstream within the first-byte timeout", retryable=True, sent=True
            )
        elif kind == _T_IDLE:
            exc = UpstreamTimeout("upstream response body idle for too long", retryable=False, sent=True)
        else:
            exc = UpstreamTimeout("upstream request deadline exceeded", retryable=False, sent=True)
        self.fail(exc)

    async def drain(self) -> None:
        """Wait until the transport's write buffer is below its low-water mark."""
        while self.write_paused and self.state != _CLOSED:
            fut = self.loop.create_future()
            self.drain_waiter = fut
            await fut

    def fail(self, exc: BaseException) -> None:
        """End the exchange with ``exc`` (the response raises it) and drop the connection."""
        if self.state == _CLOSED:
            return
        if self.exc is None:
            self.exc = exc
        resp = self.resp
        if resp is not None and not resp._done and resp._exc is None:
            resp._exc = exc
            self.target.failed += 1
        self.close_now()

    def abandon(self) -> None:
        """Drop the connection because its user went away (cancel, ``resp.close()``)."""
        if self.state == _CLOSED:
            return
        resp = self.resp
        if resp is not None and not resp._done and resp._exc is None:
            resp._exc = UpstreamError("exchange abandoned", retryable=False, sent=True)
        if self.exc is None:
            self.exc = UpstreamError("exchange abandoned", retryable=False, sent=True)
        self.close_now()

    def close_now(self, graceful: bool = False) -> None:
        """Close the transport (abort unless ``graceful``) and wake whoever waits."""
        if self.state == _CLOSED:
            return
        self.state = _CLOSED
        if self.pooled:
            self.target._forget(self)
        t = self.transport
        if t is not None and self.alive:
            if graceful:
                t.close()
            else:
                # abort(): drop anything still buffered; the peer sees the connection end at
                # once (FIN, or RST if it had unread data) and nothing more is read.
                t.abort()
        self._teardown()

    def _teardown(self) -> None:
        # Runs exactly once per connection (close_now and the idle branch of connection_lost
        # both leave _CLOSED behind them first).
        if self.transport is not None:
            self.target.closed += 1  # stats: active = made - closed - idle
        self.state = _CLOSED
        self.hbuf = None
        timer = self.timer
        if timer is not None:
            self.timer = None
            timer.cancel()
        resp = self.resp
        if resp is not None:
            self.resp = None
            resp._conn = None
            if not resp._done and resp._exc is None:
                resp._exc = self.exc or UpstreamError(
                    "upstream connection closed", retryable=False, sent=True
                )
        self._wake()
        w = self.drain_waiter
        if w is not None:
            self.drain_waiter = None
            if not w.done():
                w.set_result(None)


def _plain_chunked(headers: list[tuple[bytes, bytes]]) -> bool:
    """One ``Transfer-Encoding: chunked`` field and no other coding (llhttp already rejected CL+TE)."""
    te = None
    for n, v in headers:
        if n == b"transfer-encoding":
            if te is not None:
                return False
            te = v
    return te is not None and te.lower() == b"chunked"


def _delimited_by_eof(resp: UpstreamResponse) -> bool:
    """True when a response body legitimately ends at connection close (RFC 9112 §6.3 item 8)."""
    return resp.content_length is None and not resp.chunked


class Target:
    """One upstream origin (scheme://host:port[/base]) with its own keep-alive pool.

    The pool is a LIFO list of idle connections (the most recently used one is the most likely
    to still be open and warm). ``max_idle`` caps it; connections idle longer than
    ``idle_ttl`` seconds, or whose peer closed them, are discarded at pick-up. A Target belongs
    to the event loop that first uses it.
    """

    def __init__(
        self,
        url: str,
        *,
        max_idle: int = 512,
        connect_timeout: float = 5.0,
        idle_ttl: float = 30.0,
        ssl_context: _ssl.SSLContext | None = None,
        max_response_header_bytes: int = 65536,
    ) -> None:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise ValueError(f"upstream url {url!r}: scheme must be http or https")
        host = parts.hostname
        if not host:
            raise ValueError(f"upstream url {url!r}: no host")
        if parts.query or parts.fragment:
            raise ValueError(f"upstream url {url!r}: a query or fragment is not allowed in a target url")
        default_port = 443 if scheme == "https" else 80
        port = parts.port or default_port
        self.url = url
        self.scheme = scheme
        self.host = host
        self.port = port
        self.base_path = parts.path.rstrip("/")
        # Host carries the A-label form of an internationalised name (RFC 9110 §7.2, RFC 5890).
        hh = host if host.isascii() else host.encode("idna").decode("ascii")
        hh = f"[{hh}]" if ":" in hh else hh
        if port != default_port:
            hh = f"{hh}:{port}"
        self.host_header: bytes = hh.encode("ascii")
        self.max_idle = max_idle
        self.connect_timeout = connect_timeout
        self.idle_ttl = idle_ttl
        self.max_response_header_bytes = max_response_header_bytes
        self._ssl: _ssl.SSLContext | None = None
        if scheme == "https":
            self._ssl = ssl_context or _ssl.create_default_context()
        # Request-line tail + Host line, joined once: every head starts with
        # method SP target + this.
        self._host_line = b" HTTP/1.1\r\nHost: " + self.host_header + b"\r\n"
        self._idle: list[_Conn] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False
        self.created = 0  # connections made
        self.closed = 0  # ... and closed since
        self.reused = 0
        self.failed = 0

    def __repr__(self) -> str:
        return f"<Target {self.url} idle={len(self._idle)} active={self.stats()['active']}>"

    # -- pool -----------------------------------------------------------------------------

    def _forget(self, conn: _Conn) -> None:
        conn.pooled = False
        try:
            self._idle.remove(conn)
        except ValueError:
            pass

    async def _dial(self, loop: asyncio.AbstractEventLoop, deadline: float | None) -> _Conn:
        conn = _Conn(self, loop)
        when = loop.time() + self.connect_timeout
        by_deadline = deadline is not None and deadline < when
        if by_deadline:
            assert deadline is not None
            when = deadline
        sslctx = self._ssl
        try:
            # Off the hot path (once per new connection): asyncio.timeout_at is a loop.call_at
            # timer that cancels this task, and it gets the uncancel() bookkeeping right.
            async with asyncio.timeout_at(when):
                await loop.create_connection(
                    lambda: conn,
                    self.host,
                    self.port,
                    ssl=sslctx,
                    server_hostname=self.host if sslctx is not None else None,
                )
        except TimeoutError:
            self.failed += 1
            if by_deadline:
                raise UpstreamTimeout(
                    f"deadline exceeded while connecting to {self.host}:{self.port}",
                    retryable=False,
                    sent=False,
                ) from None
            raise UpstreamConnectError(
                f"connect to {self.host}:{self.port} timed out after {self.connect_timeout}s",
                retryable=True,
                sent=False,
            ) from None
        except _ssl.SSLError as e:
            # A certificate or handshake failure will not go away on retry.
            self.failed += 1
            raise UpstreamConnectError(
                f"TLS handshake with {self.host}:{self.port} failed: {e}", retryable=False, sent=False
            ) from e
        except OSError as e:
            self.failed += 1
            raise UpstreamConnectError(
                f"connect to {self.host}:{self.port} failed: {e}", retryable=True, sent=False
            ) from e
        except asyncio.CancelledError:
            if conn.alive:
                conn.close_now()
            raise
        if conn.state != _IDLE or not conn.alive:
            # Closed, or sent bytes before we asked anything (data_received dropped it),
            # between connection_made and this task resuming. Nothing was written.
            conn.close_now()
            self.failed += 1
            raise UpstreamConnectError(
                f"{self.host}:{self.port} closed the connection right after accepting it",
                retryable=True,
                sent=False,
            )
        return conn

    # -- the exchange ---------------------------------------------------------------------

    async def request(
        self,
        method: bytes,
        path: bytes,
        headers: list[tuple[bytes, bytes]],
        body: bytes | None | AsyncIterable[bytes] = None,
        *,
        first_byte_timeout: float | None = None,
        idle_timeout: float | None = None,
        deadline: float | None = None,
        body_length: int | None = None,
    ) -> UpstreamResponse:
        """Send one request and return once the response head is parsed.

        ``path`` is the complete request-target; ``headers`` must not contain Host or any
        framing/hop-by-hop field (the client writes ``Host`` and the framing itself:
        ``Content-Length`` for a bytes/None body — ``0`` for POST/PUT/PATCH without one — or,
        for an async-iterable body, ``Content-Length: body_length`` when given, else chunked).

        Timeouts: ``first_byte_timeout`` bounds the wait for the response head after the
        request was written (:class:`UpstreamTimeout`, ``sent=True``), ``idle_timeout`` every
        wait for the next body piece, ``deadline`` (absolute ``loop.time()``) all of it,
        connecting included. Connecting is bounded by the Target's ``connect_timeout``
        (:class:`UpstreamConnectError`, ``retryable=True``). While an async-iterable body is
        being pulled from its source, only ``deadline`` applies, and it is noticed between
        pieces.

        A pooled connection found dead before anything was written is replaced transparently;
        a failure after bytes were written raises with ``sent=True`` and retrying is the
        caller's decision. Cancellation closes the connection. Raises :class:`ValueError` (and
        sends nothing) when the method or a header name is not a token, the target holds
        CTL/SP, or a header value holds CR/LF/NUL/CTL — values built from token claims must
        never split the request (CRLF injection, cf. CVE-2019-9740); see ``httpwire``.
        """
        loop = self._loop
        if loop is None or not loop.is_running():
            # (Python 3.11's get_running_loop() makes a getpid() system call: asked only when
            # the loop this Target is bound to is not the one running, i.e. not running at all.)
            loop = asyncio.get_running_loop()
            if loop is not self._loop:
                self._bind(loop)
        stream: AsyncIterable[bytes] | None = None
        payload: bytes | None = None
        # One C pass builds and validates the head (httpwire kernel); a small body rides in the
        # same buffer so the transport sees one write.
        if type(body) is bytes:
            n = len(body)
            if n > _COALESCE_MAX:
                data = _build_request(method, path, self._host_line, headers, n, None)
                payload = body
            elif n or method in _BODY_METHODS:
                data = _build_request(method, path, self._host_line, headers, n, body)
            else:
                data = _build_request(method, path, self._host_line, headers, -1, None)
        elif body is None:
            data = _build_request(
                method, path, self._host_line, headers, 0 if method in _BODY_METHODS else -1, None
            )
        elif isinstance(body, (bytes, bytearray, memoryview)):
            return await self.request(
                method,
                path,
                headers,
                bytes(body),
                first_byte_timeout=first_byte_timeout,
                idle_timeout=idle_timeout,
                deadline=deadline,
            )
        else:
            stream = body
            if body_length is not None and body_length < 0:
                raise ValueError("body_length must be >= 0")
            data = _build_request(
                method, path, self._host_line, headers, -2 if body_length is None else body_length, None
            )

        now = loop.time()
        conn = None
        idle = self._idle
        while idle:
            c = idle.pop()
            c.pooled = False
            if c.alive and now - c.idle_since <= self.idle_ttl:
                conn = c
                self.reused += 1
                break
            # Closed by the peer while idle, or too old to trust: discard before writing.
            c.close_now(graceful=True)
        if conn is None:
            conn = await self._dial(loop, deadline)
            now = loop.time()

        resp = UpstreamResponse(conn)
        conn.resp = resp
        conn.state = _HEAD
        conn.head_req = method == b"HEAD"
        conn.req_done = stream is None
        conn.reading_all = False
        conn.idle_timeout = idle_timeout
        conn.deadline = deadline
        try:
            if stream is None:
                conn.transport.write(data)
                if payload is not None:
                    conn.transport.write(payload)
            else:
                conn.transport.write(data)
                if deadline is not None:
                    conn.arm(deadline, _T_DEADLINE)
                await self._send_stream(conn, resp, stream, body_length)
                if resp._done:
                    # The upstream answered (completely) before the body was all sent: the
                    # response stands; the connection was closed, not pooled (req_done False).
                    return resp
                conn.req_done = True
                now = loop.time()
            if conn.state == _HEAD:
                if first_byte_timeout is not None:
                    due: float | None = now + first_byte_timeout
                    kind = _T_FIRST_BYTE
                    if deadline is not None and deadline <= due:  # type: ignore[operator]
                        due = deadline
                        kind = _T_DEADLINE
                else:
                    due = deadline
                    kind = _T_DEADLINE
                if due is not None:
                    # Inlined conn.arm() fast path: the armed timer fires in time already.
                    conn.due = due
                    conn.due_kind = kind
                    if conn.timer is None or conn.timer_at > due + _TIMER_SLACK:
                        conn.arm(due, kind)
                fut = loop.create_future()
                conn.waiter = fut
                await fut
            if resp.status == 0:
                raise resp._exc or conn.exc or UpstreamError("upstream connection lost", sent=True)
            return resp
        except BaseException:
            # Cancellation, a failing body source, a timeout: the connection is in an unknown
            # state and is never reused -- unless the response already completed and the
            # connection went back to the pool (then it may serve another exchange by now).
            if conn.resp is resp:
                conn.abandon()
            raise

    async def _send_stream(
        self, conn: _Conn, resp: UpstreamResponse, stream: AsyncIterable[bytes], body_length: int | None
    ) -> None:
        """Write an async-iterable body with chunked framing (or raw when ``body_length``).

        Returns early when the upstream has already answered completely (the rest of the body
        is not wanted; the connection is closed, not pooled); raises when it went away first.
        """
        transport = conn.transport
        total = 0
        async for piece in stream:
            if conn.state != _HEAD and conn.state != _BODY:
                if resp._done:
                    return
                raise (
                    resp._exc
                    or conn.exc
                    or UpstreamError("upstream connection lost while sending", sent=True)
                )
            if not piece:
                continue  # an empty chunk would be the last-chunk marker
            n = len(piece)
            total += n
            if body_length is None:
                transport.writelines((b"%x\r\n" % n, piece, b"\r\n"))
            else:
                if total > body_length:
                    raise ValueError(f"request body is longer than body_length={body_length}")
                transport.write(piece)
            if conn.write_paused:
                # Flow control: the upstream reads slower than the source produces.
                await conn.drain()
                if conn.state == _CLOSED:
                    break  # do not pull more from the source for a dead connection
        if conn.state != _HEAD and conn.state != _BODY:
            if resp._done:
                return
            raise resp._exc or conn.exc or UpstreamError("upstream connection lost while sending", sent=True)
        if body_length is None:
            transport.write(b"0\r\n\r\n")
        elif total != body_length:
            raise ValueError(f"request body is {total} bytes, body_length said {body_length}")

    def _bind(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._loop is not None:
            # Pooled connections belong to the old loop; they cannot be used from this one.
            for c in self._idle:
                c.pooled = False
                c.state = _CLOSED
                self.closed += 1
            self._idle.clear()
        self._loop = loop

    # -- introspection and shutdown -------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """Pool counters.

        ``idle``/``active``: connections in the pool / serving an exchange now; ``created``:
        connections dialled; ``reused``: exchanges served by a pooled connection; ``failed``:
        dials and exchanges that ended in an upstream error (connect error, timeout, reset,
        truncated or malformed response).
        """
        return {
            "idle": len(self._idle),
            "active": self.created - self.closed - len(self._idle),
            "created": self.created,
            "reused": self.reused,
            "failed": self.failed,
        }

    async def close(self) -> None:
        """Close the idle connections; active ones are closed (not pooled) when released."""
        self._closed = True
        idle = self._idle
        self._idle = []
        for c in idle:
            c.pooled = False
            c.close_now(graceful=True)
