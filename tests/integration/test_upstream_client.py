"""The upstream HTTP/1.1 client (fastgate.upstream.client) against raw asyncio origins on real sockets.

Covers the upstream side of acceptance-catalogue.md §3 and §6:
HTTP-13 (slow reader → backpressure), HTTP-20 (CR/LF/NUL in an upstream header), HTTP-22 (connect,
first-byte, idle and deadline timeouts), HTTP-23 (hostile framing, truncation, size caps), HTTP-24
(no pooled connection reused after an error mid-response), OPS-05 (reset before/after the head,
slicer, limit_data, hang). Plus the httpwire kernel (compiled and twin, with a seeded comparison).

Every origin here is a small script over ``asyncio.start_server``: it reads the exact bytes the
client sent (so framing is checked byte for byte) and writes whatever bytes a case needs. The
scenarios run on the default loop, and a selection again on uvloop (what the gateway runs on).
"""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import os
import random
import socket
import ssl
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from fastgate import _native
from fastgate.errors import UpstreamConnectError, UpstreamError, UpstreamTimeout
from fastgate.upstream import Target
from fastgate.upstream.client import _BATCH_MAX, HIGH_WATER, LOW_WATER, UpstreamResponse

# ---------------------------------------------------------------------------------------------
# A scriptable raw origin


@dataclass
class Req:
    method: bytes
    target: bytes
    headers: list[tuple[bytes, bytes]]
    body: bytes
    raw_head: bytes
    raw_body: bytes  # with its framing (chunk sizes...) exactly as received

    def get(self, name: bytes) -> list[bytes]:
        return [v for n, v in self.headers if n == name]


@dataclass
class SConn:
    """The origin's side of one accepted connection."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    requests: list[Req] = field(default_factory=list)
    eof: asyncio.Event = field(default_factory=asyncio.Event)

    async def read_request(self) -> Req | None:
        """Read one request (CL or chunked body); None on EOF between requests."""
        try:
            head = await self.reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError):
            self.eof.set()
            return None
        lines = head[:-4].split(b"\r\n")
        method, target, _version = lines[0].split(b" ")
        headers = []
        for line in lines[1:]:
            n, _, v = line.partition(b":")
            headers.append((n.strip().lower(), v.strip()))
        body = raw = b""
        te = [v for n, v in headers if n == b"transfer-encoding"]
        cl = [v for n, v in headers if n == b"content-length"]
        if te:
            while True:
                size_line = await self.reader.readuntil(b"\r\n")
                raw += size_line
                size = int(size_line[:-2].split(b";")[0], 16)
                if size == 0:
                    raw += await self.reader.readuntil(b"\r\n")
                    break
                data = await self.reader.readexactly(size + 2)
                raw += data
                assert data.endswith(b"\r\n")
                body += data[:-2]
        elif cl:
            body = raw = await self.reader.readexactly(int(cl[0]))
        req = Req(method, target, headers, body, head, raw)
        self.requests.append(req)
        return req

    def write(self, data: bytes) -> None:
        self.writer.write(data)

    async def wait_eof(self, timeout: float = 5.0) -> bool:
        """Read (and discard) until the client closes; True if it did within ``timeout``."""

        async def _drain() -> None:
            try:
                while await self.reader.read(65536):
                    pass
            except ConnectionError:
                pass
            self.eof.set()

        try:
            await asyncio.wait_for(_drain(), timeout)
        except TimeoutError:
            return False
        return True


Script = Callable[[SConn], Awaitable[None]]


async def client_closed(c: SConn, timeout: float = 3.0) -> bool:
    """True once the origin saw this connection end (its script reads until EOF)."""
    await asyncio.wait_for(c.eof.wait(), timeout)
    return True


class Origin:
    """``async with Origin(script) as o`` → an HTTP/1.1 origin on 127.0.0.1:o.port."""

    def __init__(self, script: Script, *, ssl_ctx: ssl.SSLContext | None = None) -> None:
        self.script = script
        self.ssl_ctx = ssl_ctx
        self.conns: list[SConn] = []
        self._tasks: set[asyncio.Task[None]] = set()

    async def __aenter__(self) -> Origin:
        self.server = await asyncio.start_server(self._accept, "127.0.0.1", 0, ssl=self.ssl_ctx)
        self.port = self.server.sockets[0].getsockname()[1]
        self.url = f"{'https' if self.ssl_ctx else 'http'}://127.0.0.1:{self.port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.server.close()
        for c in self.conns:
            c.writer.close()
        for t in list(self._tasks):
            t.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        c = SConn(reader, writer)
        self.conns.append(c)
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self.script(c)
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        except asyncio.CancelledError:
            pass  # our own teardown (__aexit__) cancels scripts still running: end quietly
        finally:
            self._tasks.discard(task)
            c.eof.set()  # the script ended: the client closed, or the script gave up
            writer.close()

    @property
    def requests(self) -> list[Req]:
        return [r for c in self.conns for r in c.requests]


def response(body: bytes = b"ok", status: bytes = b"200 OK", headers: bytes = b"") -> bytes:
    return b"HTTP/1.1 %s\r\n%sContent-Length: %d\r\n\r\n%s" % (status, headers, len(body), body)


async def echo(c: SConn) -> None:
    """Keep-alive origin: answers every request with ``method target`` as its body."""
    while (req := await c.read_request()) is not None:
        c.write(
            response(
                req.method + b" " + req.target, headers=b"Content-Type: text/plain\r\nX-Mixed-Case: Yes\r\n"
            )
        )


async def wait_for(cond: Callable[[], bool], timeout: float = 3.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not cond():
        if loop.time() > end:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.005)


async def get(t: Target, path: bytes = b"/", **kw: object) -> tuple[int, bytes]:
    resp = await t.request(b"GET", path, [], **kw)  # type: ignore[arg-type]
    try:
        return resp.status, await resp.read()
    finally:
        resp.close()


# ---------------------------------------------------------------------------------------------
# Target construction


def test_target_url_parts() -> None:
    t = Target("http://example.com/v1/")
    assert (t.scheme, t.host, t.port, t.base_path, t.host_header) == (
        "http",
        "example.com",
        80,
        "/v1",
        b"example.com",
    )
    t = Target("https://api.example.com:8443")
    assert (t.port, t.base_path, t.host_header) == (8443, "", b"api.example.com:8443")
    t = Target("https://api.example.com:443/x")
    assert t.host_header == b"api.example.com" and t.base_path == "/x"
    t = Target("http://[::1]:8080/a/b")
    assert (t.host, t.port, t.host_header, t.base_path) == ("::1", 8080, b"[::1]:8080", "/a/b")
    assert Target("http://Bücher.example:81").host_header == b"xn--bcher-kva.example:81"
    for bad in ("ftp://x", "http://", "http://h/p?q=1", "localhost:80"):
        with pytest.raises(ValueError):
            Target(bad)


# ---------------------------------------------------------------------------------------------
# Framing both ways


async def test_content_length_response_and_request_head() -> None:
    async with Origin(echo) as o:
        t = Target(o.url + "/base")
        resp = await t.request(b"GET", b"/base/x?y=1", [(b"accept", b"*/*"), (b"X-Trace", b"a b\tc")])
        assert resp.status == 200 and resp.reason == b"OK"
        # names lower-cased, order kept, values as sent
        assert resp.headers == [
            (b"content-type", b"text/plain"),
            (b"x-mixed-case", b"Yes"),
            (b"content-length", b"15"),
        ]
        assert resp.content_length == 15 and not resp.chunked and resp.keep_alive
        assert await resp.read() == b"GET /base/x?y=1"
        req = o.requests[0]
        assert req.raw_head == (
            b"GET /base/x?y=1 HTTP/1.1\r\nHost: 127.0.0.1:%d\r\naccept: */*\r\nX-Trace: a b\tc\r\n\r\n"
            % o.port
        )
        await t.close()


async def test_chunked_response_pieces_and_read() -> None:
    async def script(c: SConn) -> None:
        while await c.read_request() is not None:
            c.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            for piece in (b"hello ", b"chunked ", b"world"):
                c.write(b"%x;ext=1\r\n%s\r\n" % (len(piece), piece))
                await c.writer.drain()
                await asyncio.sleep(0.01)
            c.write(b"0\r\nX-Trailer: t\r\n\r\n")

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/", [])
        assert resp.chunked and resp.content_length is None
        pieces = [p async for p in resp]
        assert b"".join(pieces) == b"hello chunked world" and len(pieces) >= 2
        resp = await t.request(b"GET", b"/", [])
        assert await resp.read() == b"hello chunked world"
        assert len(o.conns) == 1  # clean chunked end: reused
        await t.close()


async def test_request_framing_for_bytes_and_none_bodies() -> None:
    async with Origin(echo) as o:
        t = Target(o.url)
        cases = [
            (b"POST", None, b"0"),
            (b"PUT", b"", b"0"),
            (b"PATCH", None, b"0"),
            (b"GET", None, None),
            (b"DELETE", b"", None),
            (b"POST", b"x" * 974, b"974"),
            (b"POST", bytearray(b"abc"), b"3"),
            (b"OPTIONS", memoryview(b"abcd"), b"4"),
        ]
        for method, body, cl in cases:
            resp = await t.request(method, b"/f", [(b"content-type", b"application/json")], body)
            await resp.read()
            req = o.requests[-1]
            assert req.get(b"content-length") == ([cl] if cl is not None else []), method
            assert req.get(b"transfer-encoding") == []
            assert req.body == (bytes(body) if body else b"")
            assert req.get(b"host") == [t.host_header]
        assert len(o.conns) == 1
        await t.close()


async def test_large_bytes_body_written_apart_from_head() -> None:
    body = os.urandom(300_000)
    async with Origin(echo) as o:
        t = Target(o.url)
        resp = await t.request(b"POST", b"/big", [], body)
        assert await resp.read() == b"POST /big"
        assert o.requests[0].body == body and o.requests[0].get(b"content-length") == [b"300000"]
        await t.close()


async def agen(pieces: list[bytes], delay: float = 0.0) -> AsyncIterator[bytes]:
    for p in pieces:
        if delay:
            await asyncio.sleep(delay)
        yield p


async def test_chunked_request_body_from_async_generator() -> None:
    async with Origin(echo) as o:
        t = Target(o.url)
        resp = await t.request(
            b"POST", b"/up", [(b"x-a", b"1")], agen([b"abc", b"", b"defgh" * 10, b"z"], 0.001)
        )
        assert await resp.read() == b"POST /up"
        req = o.requests[0]
        assert req.get(b"transfer-encoding") == [b"chunked"] and req.get(b"content-length") == []
        # the empty piece is skipped: it would have been the last-chunk marker
        assert req.raw_body == b"3\r\nabc\r\n32\r\n" + b"defgh" * 10 + b"\r\n1\r\nz\r\n0\r\n\r\n"
        # with body_length: Content-Length framing, the raw bytes, no chunking
        resp = await t.request(b"PUT", b"/up2", [], agen([b"12345", b"678"]), body_length=8)
        assert await resp.read() == b"PUT /up2"
        req = o.requests[1]
        assert req.get(b"content-length") == [b"8"] and req.get(b"transfer-encoding") == []
        assert req.raw_body == b"12345678"
        assert len(o.conns) == 1
        await t.close()


async def test_stream_body_length_mismatch_closes_connection() -> None:
    async with Origin(echo) as o:
        t = Target(o.url)
        with pytest.raises(ValueError, match="body_length"):
            await t.request(b"POST", b"/", [], agen([b"abc"]), body_length=10)
        with pytest.raises(ValueError, match="body_length"):
            await t.request(b"POST", b"/", [], agen([b"abcdef"]), body_length=2)
        assert t.stats()["idle"] == 0 and t.stats()["active"] == 0
        assert await get(t) == (200, b"GET /")
        assert len(o.conns) == 3
        await t.close()


async def test_failing_body_source_propagates_and_drops_connection() -> None:
    async def bad() -> AsyncIterator[bytes]:
        yield b"abc"
        raise RuntimeError("client went away")

    async with Origin(echo) as o:
        t = Target(o.url)
        with pytest.raises(RuntimeError, match="went away"):
            await t.request(b"POST", b"/", [], bad())
        assert await client_closed(o.conns[0])
        assert t.stats() == {"idle": 0, "active": 0, "created": 1, "reused": 0, "failed": 0}
        await t.close()


async def test_early_response_during_upload_is_returned() -> None:
    """The origin answers 413 and closes before the body is all sent: the answer stands."""

    async def script(c: SConn) -> None:
        await c.reader.readuntil(b"\r\n\r\n")
        c.write(response(b"too big", b"413 Payload Too Large", b"Connection: close\r\n"))
        await c.writer.drain()

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"POST", b"/", [], agen([b"x" * 1000] * 50, 0.01))
        assert resp.status == 413 and await resp.read() == b"too big"
        assert t.stats()["idle"] == 0
        await t.close()


async def test_upload_respects_write_flow_control() -> None:
    """A body source is pulled only as fast as the upstream drains the socket."""
    release = asyncio.Event()

    async def script(c: SConn) -> None:
        await release.wait()
        while await c.read_request() is not None:
            c.write(response(b"got %d" % len(c.requests[-1].body)))

    pulled = 0

    async def source() -> AsyncIterator[bytes]:
        nonlocal pulled
        # 32 × 256 KiB = 8 MiB: more than the socket buffers of an origin that does not read
        # (its receive window stays small; the send buffer autotunes to tcp_wmem max, 4 MiB)
        for _ in range(32):
            pulled += 1
            yield b"u" * 262144

    async with Origin(script) as o:
        t = Target(o.url)
        task = asyncio.ensure_future(t.request(b"POST", b"/", [], source()))
        await asyncio.sleep(0.3)
        stalled_at = pulled
        await asyncio.sleep(0.2)
        assert pulled == stalled_at < 32  # paused on pause_writing, not buffering it all
        release.set()
        resp = await asyncio.wait_for(task, 30)
        assert await resp.read() == b"got %d" % (32 * 262144)
        await t.close()


# ---------------------------------------------------------------------------------------------
# Pool


async def test_keep_alive_one_connection_for_100_sequential_requests() -> None:
    async with Origin(echo) as o:
        t = Target(o.url)
        for i in range(100):
            assert await get(t, b"/%d" % i) == (200, b"GET /%d" % i)
        assert len(o.conns) == 1
        assert t.stats() == {"idle": 1, "active": 0, "created": 1, "reused": 99, "failed": 0}
        await t.close()
        assert t.stats()["idle"] == 0
        assert await client_closed(o.conns[0])


async def test_concurrency_50_parallel() -> None:
    async with Origin(echo) as o:
        t = Target(o.url)
        for _wave in range(2):
            got = await asyncio.gather(*(get(t, b"/p%d" % i) for i in range(50)))
            assert got == [(200, b"GET /p%d" % i) for i in range(50)]
        st = t.stats()
        # the second wave runs on the connections of the first
        assert st["created"] == len(o.conns) <= 50 and st["reused"] >= 50
        assert st["active"] == 0 and st["idle"] == st["created"]
        await t.close()


async def test_max_idle_caps_the_pool() -> None:
    async with Origin(echo) as o:
        t = Target(o.url, max_idle=3)
        await asyncio.gather(*(get(t) for _ in range(10)))
        assert t.stats()["idle"] == 3
        await t.close()


async def test_dead_pooled_connection_is_replaced_transparently() -> None:
    """The origin closes the idle keep-alive socket; the next request dials anew, no error."""

    async def script(c: SConn) -> None:
        await c.read_request()
        c.write(response(b"once"))
        await c.writer.drain()
        # no "Connection: close": the client pools it, then sees the EOF while idle

    async with Origin(script) as o:
        t = Target(o.url)
        assert await get(t) == (200, b"once")
        await wait_for(lambda: t.stats()["idle"] == 0)  # connection_lost removed it
        assert await get(t) == (200, b"once")
        assert len(o.conns) == 2 and t.stats()["failed"] == 0
        await t.close()


async def test_idle_ttl_expired_connection_is_not_used() -> None:
    async with Origin(echo) as o:
        t = Target(o.url, idle_ttl=0.05)
        assert await get(t) == (200, b"GET /")
        await asyncio.sleep(0.1)
        assert await get(t) == (200, b"GET /")
        assert len(o.conns) == 2
        assert await client_closed(o.conns[0])  # the stale one was closed, not leaked
        await t.close()


async def test_connection_close_and_http10_are_not_reused() -> None:
    async def script(c: SConn) -> None:
        req = await c.read_request()
        assert req is not None
        if req.target == b"/close":
            c.write(response(b"bye", headers=b"Connection: close\r\n"))
        else:
            c.write(b"HTTP/1.0 200 OK\r\nContent-Length: 4\r\n\r\nold!")
        await c.wait_eof(5)  # the origin keeps the socket open: the client must close it

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/close", [])
        assert not resp.keep_alive and await resp.read() == b"bye"
        assert await get(t, b"/old") == (200, b"old!")
        await wait_for(lambda: all(c.eof.is_set() for c in o.conns))
        assert len(o.conns) == 2 and t.stats()["idle"] == 0
        await t.close()


async def test_body_until_eof_without_framing() -> None:
    async def script(c: SConn) -> None:
        await c.read_request()
        c.write(b"HTTP/1.1 200 OK\r\n\r\npart one, ")
        await c.writer.drain()
        await asyncio.sleep(0.02)
        c.write(b"part two")
        await c.writer.drain()
        c.writer.close()

    async with Origin(script) as o:
        t = Target(o.url)
        assert await get(t) == (200, b"part one, part two")
        assert t.stats()["idle"] == 0 and t.stats()["failed"] == 0
        await t.close()


async def test_unconsumed_small_response_goes_back_to_pool() -> None:
    """Not read, not closed: once the message is in, the connection is pooled anyway."""
    async with Origin(echo) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/a", [])
        await wait_for(lambda: t.stats()["idle"] == 1)
        assert t.stats()["active"] == 0
        assert await get(t, b"/b") == (200, b"GET /b")
        assert len(o.conns) == 1
        # the buffered body is still readable, and close() after that is a no-op
        assert await resp.read() == b"GET /a"
        resp.close()
        resp.close()
        assert await get(t, b"/c") == (200, b"GET /c")
        assert len(o.conns) == 1
        await t.close()


async def test_unconsumed_large_response_holds_connection_until_closed() -> None:
    big = b"L" * (4 * HIGH_WATER)

    async def script(c: SConn) -> None:
        await c.read_request()
        c.write(response(big))
        await c.wait_eof(10)

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/", [])
        await asyncio.sleep(0.1)
        assert t.stats()["active"] == 1 and t.stats()["idle"] == 0  # paused at the high-water mark
        resp.close()
        assert await client_closed(o.conns[0])
        assert t.stats()["active"] == 0 and t.stats()["idle"] == 0
        with pytest.raises(UpstreamError):
            await resp.read()
        await t.close()


# ---------------------------------------------------------------------------------------------
# Timeouts and cancellation (HTTP-22, OPS-05)


async def test_connect_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: connection refused
        t = Target(f"http://127.0.0.1:{port}")
        with pytest.raises(UpstreamConnectError) as ei:
            await get(t)
    assert ei.value.retryable and not ei.value.sent
    assert t.stats() == {"idle": 0, "active": 0, "created": 0, "reused": 0, "failed": 1}


def _saturated_listener() -> tuple[socket.socket, list[socket.socket], int] | None:
    """A listener whose accept queue is full, so a further SYN gets no answer (connect hangs)."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(0)
    port = srv.getsockname()[1]
    fillers = []
    for _ in range(8):
        c = socket.socket()
        c.setblocking(False)
        try:
            c.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        fillers.append(c)
    probe = socket.socket()
    probe.settimeout(0.3)
    try:
        probe.connect(("127.0.0.1", port))
    except (TimeoutError, OSError):
        return srv, fillers + [probe], port  # hangs (or is refused late): usable
    probe.close()
    for c in fillers:
        c.close()
    srv.close()
    return None


async def test_connect_timeout_and_deadline_while_connecting() -> None:
    sat = _saturated_listener()
    if sat is None:
        pytest.skip("this kernel completes connections beyond the accept queue")
    srv, socks, port = sat
    try:
        t = Target(f"http://127.0.0.1:{port}", connect_timeout=0.2)
        with pytest.raises(UpstreamConnectError) as ei:
            await get(t)
        assert ei.value.retryable and not ei.value.sent and "timed out" in str(ei.value)
        loop = asyncio.get_running_loop()
        t2 = Target(f"http://127.0.0.1:{port}", connect_timeout=5)
        with pytest.raises(UpstreamTimeout) as et:
            await get(t2, deadline=loop.time() + 0.2)
        assert not et.value.sent and "deadline" in str(et.value)
    finally:
        for s in socks:
            s.close()
        srv.close()


async def test_first_byte_timeout() -> None:
    async def script(c: SConn) -> None:
        await c.read_request()
        await c.wait_eof(10)  # never answers

    async with Origin(script) as o:
        t = Target(o.url)
        with pytest.raises(UpstreamTimeout) as ei:
            await t.request(
                b"GET", b"/", [], first_byte_timeout=0.15, deadline=asyncio.get_running_loop().time() + 30
            )
        assert ei.value.sent and ei.value.retryable and "first-byte" in str(ei.value)
        assert await client_closed(o.conns[0])
        assert t.stats() == {"idle": 0, "active": 0, "created": 1, "reused": 0, "failed": 1}
        await t.close()


async def test_first_byte_timeout_on_a_reused_connection_after_a_longer_one() -> None:
    """The lazy per-connection timer must fire for an earlier due time than the armed one."""

    async def script(c: SConn) -> None:
        await c.read_request()
        c.write(response(b"fast"))
        await c.read_request()
        await c.wait_eof(10)

    async with Origin(script) as o:
        t = Target(o.url)
        assert await get(t, first_byte_timeout=30.0) == (200, b"fast")
        with pytest.raises(UpstreamTimeout):
            await get(t, first_byte_timeout=0.1)
        assert len(o.conns) == 1
        await t.close()


async def _stall_mid_body(c: SConn) -> None:
    await c.read_request()
    c.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst part")
    await c.writer.drain()
    await c.wait_eof(10)


async def test_idle_timeout_mid_body() -> None:
    async with Origin(_stall_mid_body) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/", [], idle_timeout=0.15)
        with pytest.raises(UpstreamTimeout) as ei:
            await resp.read()
        assert not ei.value.retryable and "idle" in str(ei.value)
        resp.close()
        assert await client_closed(o.conns[0])
        # the same through iteration: the buffered piece first, then the timeout
        resp = await t.request(b"GET", b"/", [], idle_timeout=0.15)
        it = aiter(resp)
        assert await anext(it) == b"first part"
        with pytest.raises(UpstreamTimeout):
            await anext(it)
        assert t.stats()["idle"] == 0 and t.stats()["failed"] == 2
        await t.close()


async def test_deadline_bounds_head_and_body() -> None:
    async def silent(c: SConn) -> None:
        await c.read_request()
        await c.wait_eof(10)

    loop = asyncio.get_running_loop()
    async with Origin(silent) as o:
        t = Target(o.url)
        with pytest.raises(UpstreamTimeout) as ei:
            await get(t, first_byte_timeout=30, deadline=loop.time() + 0.15)
        assert "deadline" in str(ei.value)
        await t.close()
    async with Origin(_stall_mid_body) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/", [], idle_timeout=30, deadline=loop.time() + 0.2)
        with pytest.raises(UpstreamTimeout, match="deadline"):
            await resp.read()
        await t.close()


async def test_cancel_mid_response_closes_socket_and_never_reuses() -> None:
    async with Origin(_stall_mid_body) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/", [])
        reader = asyncio.ensure_future(resp.read())
        await asyncio.sleep(0.05)
        reader.cancel()
        with pytest.raises(asyncio.CancelledError):
            await reader
        assert await client_closed(o.conns[0])  # the origin sees the connection end
        assert t.stats()["idle"] == 0 and t.stats()["active"] == 0
        # cancelled while waiting for the head
        task = asyncio.ensure_future(get(t))
        await wait_for(lambda: len(o.requests) == 2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await client_closed(o.conns[1])
        assert t.stats() == {"idle": 0, "active": 0, "created": 2, "reused": 0, "failed": 0}
        await t.close()


async def test_cancel_during_upload_closes_socket() -> None:
    async def script(c: SConn) -> None:
        await c.wait_eof(10)

    async with Origin(script) as o:
        t = Target(o.url)
        task = asyncio.ensure_future(t.request(b"POST", b"/", [], agen([b"x"] * 1000, 0.01)))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await wait_for(lambda: len(o.conns) == 1)
        assert await client_closed(o.conns[0])
        assert t.stats()["idle"] == 0 and t.stats()["active"] == 0
        await t.close()


async def test_reset_before_head_and_after_first_byte() -> None:
    """OPS-05 reset_peer: before the head → retryable, sent; after the first byte → error mid-body."""

    async def rst_before(c: SConn) -> None:
        await c.read_request()
        sock = c.writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        c.writer.transport.abort()

    async def rst_after(c: SConn) -> None:
        await c.read_request()
        c.write(b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nabc")
        await c.writer.drain()
        await asyncio.sleep(0.02)
        sock = c.writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        c.writer.transport.abort()

    async with Origin(rst_before) as o:
        t = Target(o.url)
        with pytest.raises(UpstreamError) as ei:
            await get(t)
        assert ei.value.sent and ei.value.retryable
        await t.close()
    async with Origin(rst_after) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/", [])
        assert resp.status == 200
        with pytest.raises(UpstreamError) as ei:
            await resp.read()
        assert ei.value.sent and not ei.value.retryable
        assert t.stats()["idle"] == 0
        await t.close()


async def test_slicer_one_byte_segments() -> None:
    """OPS-05 slicer: the response arrives one byte per segment (head, chunk sizes, body)."""
    raw = (
        b"HTTP/1.1 100 Continue\r\n\r\n"
        b"HTTP/1.1 200 Fine Thanks\r\nX-Long: " + b"v" * 300 + b"\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n"
    )

    async def script(c: SConn) -> None:
        while await c.read_request() is not None:
            for i in range(len(raw)):
                c.write(raw[i : i + 1])
                await c.writer.drain()
                if i % 50 == 0:
                    await asyncio.sleep(0)

    async with Origin(script) as o:
        t = Target(o.url)
        for _ in range(2):
            resp = await t.request(b"GET", b"/", [])
            assert (resp.status, resp.reason) == (200, b"Fine Thanks")
            assert resp.headers[0] == (b"x-long", b"v" * 300)
            assert await resp.read() == b"hello, world"
        assert len(o.conns) == 1
        await t.close()


# ---------------------------------------------------------------------------------------------
# Backpressure (HTTP-13)


async def test_slow_consumer_pauses_the_upstream_socket() -> None:
    total = 48 * 1024 * 1024  # more than loopback socket buffers can absorb
    sent = 0
    block = b"B" * 65536

    async def script(c: SConn) -> None:
        nonlocal sent
        while await c.read_request() is not None:
            c.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % total)
            sent = 0
            while sent < total:
                c.write(block)
                sent += len(block)
                await c.writer.drain()  # stalls while the client does not read

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/", [])
        it = aiter(resp)
        got = len(await anext(it))
        await asyncio.sleep(0.3)  # a consumer that stopped reading
        stalled = sent
        await asyncio.sleep(0.2)
        assert sent == stalled < total  # the origin's writes stall...
        assert o.conns[0].writer.transport.get_write_buffer_size() > 0  # ...with its buffer full
        assert resp._size <= HIGH_WATER + 262144  # and the client buffers at most ~HIGH_WATER
        async for piece in it:
            got += len(piece)
        assert got == total
        # read() of a big body must not deadlock on the pause
        resp = await t.request(b"GET", b"/", [])
        assert len(await resp.read()) == total
        assert len(o.conns) == 1
        await t.close()


async def test_slow_consumer_pauses_the_upstream_socket_with_readany() -> None:
    """The relay's read (readany, pieces joined): the same backpressure as piece by piece."""
    total = 48 * 1024 * 1024
    sent = 0
    block = b"R" * 4096  # small pieces: readany joins them, up to _BATCH_MAX

    async def script(c: SConn) -> None:
        nonlocal sent
        while await c.read_request() is not None:
            c.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            sent = 0
            while sent < total:
                c.write(b"%x\r\n%s\r\n" % (len(block), block))
                sent += len(block)
                await c.writer.drain()
            c.write(b"0\r\n\r\n")

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/", [])
        got = len(await resp.readany())
        await asyncio.sleep(0.3)  # a consumer that stopped reading
        stalled = sent
        await asyncio.sleep(0.2)
        assert sent == stalled < total
        assert o.conns[0].writer.transport.get_write_buffer_size() > 0
        assert resp._size <= HIGH_WATER + 262144
        biggest = 0
        while piece := await resp.readany():
            got += len(piece)
            biggest = max(biggest, len(piece))
        assert got == total
        assert biggest <= _BATCH_MAX  # every upstream piece is 4 KiB: batches stay within the bound
        assert await resp.readany() == b""  # and the end stays the end
        assert len(o.conns) == 1  # a clean end: the connection was pooled
        await t.close()


async def test_readany_relays_what_is_there_without_waiting_for_more() -> None:
    """A piece is returned as soon as it arrived (no batching delay); pieces that arrived
    together come joined; the order and the bytes are those of the body."""
    go = asyncio.Event()

    async def script(c: SConn) -> None:
        while await c.read_request() is not None:
            c.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\n")
            await c.writer.drain()
            await go.wait()  # the second burst only after the client saw the first piece
            c.write(b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in (b"data: a\n\n", b"data: b\n\n", b"!"))
                    + b"0\r\n\r\n")

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/", [])
        assert await asyncio.wait_for(resp.readany(), 3) == b"first"
        go.set()
        assert await asyncio.wait_for(resp.readany(), 3) == b"data: a\n\ndata: b\n\n!"
        assert await resp.readany() == b""
        await t.close()


async def test_readany_raises_after_what_was_buffered() -> None:
    async def script(c: SConn) -> None:
        while await c.read_request() is not None:
            c.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial")
            await c.writer.drain()
            c.writer.transport.abort()
            return

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/", [])
        await wait_for(lambda: resp._exc is not None)
        assert await resp.readany() == b"partial"  # what arrived is delivered first
        with pytest.raises(UpstreamError, match="truncated"):
            await resp.readany()
        await t.close()


def _at_once(coro: Any) -> Any:
    """Run a coroutine that must finish without waiting (the data is already buffered)."""
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    coro.close()
    raise AssertionError("it waited")


class _FakeConn:
    """What readany() touches of a connection: the read pause and resume()."""

    def __init__(self) -> None:
        self.read_paused = True
        self.resumed_at: list[int] = []
        self.resp: UpstreamResponse | None = None

    def resume(self) -> None:
        assert self.resp is not None
        self.resumed_at.append(self.resp._size)
        self.read_paused = False


def test_readany_batches_seeded_random_pieces() -> None:
    """Pieces come back in order, whole and unsplit; a batch is one piece or several joined up to
    _BATCH_MAX, and as many as fit; a paused read resumes only below LOW_WATER."""
    rng = random.Random(20261129)
    for _ in range(300):
        conn = _FakeConn()
        resp = UpstreamResponse(conn)  # type: ignore[arg-type]
        conn.resp = resp
        sizes = [rng.choice((1, 7, 100, 4096, 30000, 70000, 200000)) for _ in range(rng.randint(1, 40))]
        pieces = [bytes([i % 251]) * n for i, n in enumerate(sizes)]
        resp._chunks.extend(pieces)
        resp._size = sum(sizes)
        resp._done = True
        skip = rng.randint(0, len(pieces) - 1)
        for _ in range(skip):  # some consumed piece by piece first (_pos > 0)
            _at_once(anext(aiter(resp)))
        left = pieces[skip:]
        batches = []
        while True:
            b = _at_once(resp.readany())
            if not b:
                break
            batches.append(b)
        assert b"".join(batches) == b"".join(left)
        i = 0
        for b in batches:  # each batch is a run of whole pieces: as many as fit, at least one
            n = 0
            total = 0
            while i + n < len(left) and total + len(left[i + n]) <= len(b):
                total += len(left[i + n])
                n += 1
            assert n >= 1 and total == len(b) and b == b"".join(left[i:i + n])
            assert n == 1 or len(b) <= _BATCH_MAX
            rest = left[i + n:]
            if rest and sum(map(len, left[i:])) > _BATCH_MAX:
                assert len(b) + len(rest[0]) > _BATCH_MAX  # the next piece would not have fitted
            i += n
        assert i == len(left) and resp._size == 0 and resp._chunks == [] and resp._pos == 0
        assert all(s < LOW_WATER for s in conn.resumed_at)


async def test_read_max_bytes() -> None:
    async def script(c: SConn) -> None:
        while (req := await c.read_request()) is not None:
            if req.target == b"/cl":
                c.write(response(b"x" * 5000))
            else:
                c.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                for _ in range(5):
                    c.write(b"3e8\r\n" + b"y" * 1000 + b"\r\n")
                    await c.writer.drain()
                    await asyncio.sleep(0.01)
                c.write(b"0\r\n\r\n")

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"GET", b"/ok", [])
        assert len(await resp.read(max_bytes=5000)) == 5000
        resp = await t.request(b"GET", b"/cl", [])
        with pytest.raises(UpstreamError, match="exceeds 1000"):
            await resp.read(max_bytes=1000)
        resp = await t.request(b"GET", b"/chunked", [])
        with pytest.raises(UpstreamError, match="exceeds 2500"):
            await resp.read(max_bytes=2500)
        assert t.stats()["idle"] == 0
        await t.close()


# ---------------------------------------------------------------------------------------------
# Hostile upstream (HTTP-20, HTTP-23, HTTP-24)

HOSTILE = {
    "cl_and_te": b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    "te_and_cl": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    "bad_cl": b"HTTP/1.1 200 OK\r\nContent-Length: 5x\r\n\r\nhello",
    "negative_cl": b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nhello",
    "plus_cl": b"HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello",
    "two_cl": b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
    "list_cl": b"HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello",
    "huge_cl": b"HTTP/1.1 200 OK\r\nContent-Length: 18446744073709551616\r\n\r\nhello",
    "cr_in_header": b"HTTP/1.1 200 OK\r\nX-A: a\rb\r\nContent-Length: 5\r\n\r\nhello",
    "lf_in_header": b"HTTP/1.1 200 OK\r\nX-A: a\nInjected: 1\r\nContent-Length: 5\r\n\r\nhello",
    "nul_in_header": b"HTTP/1.1 200 OK\r\nX-A: a\x00b\r\nContent-Length: 5\r\n\r\nhello",
    "nul_in_name": b"HTTP/1.1 200 OK\r\nX\x00A: ab\r\nContent-Length: 5\r\n\r\nhello",
    "ctl_in_header": b"HTTP/1.1 200 OK\r\nX-A: a\x01b\r\nContent-Length: 5\r\n\r\nhello",
    "obs_fold": b"HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\nContent-Length: 5\r\n\r\nhello",
    "space_before_colon": b"HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\nhello",
    "bare_lf_lines": b"HTTP/1.1 200 OK\nContent-Length: 5\n\nhello",
    "ctl_in_reason": b"HTTP/1.1 200 O\x01K\r\nContent-Length: 5\r\n\r\nhello",
    "not_http": b"RTSP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello",
    "garbage": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
    "switching_protocols": b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: evil\r\nConnection: upgrade\r\n\r\nxx",
    "bad_chunk_size": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZ\r\nhello\r\n0\r\n\r\n",
    "chunk_size_overflow": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nx\r\n0\r\n\r\n",
    "chunk_missing_crlf": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n",
    "truncated_cl": b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b",
    "truncated_chunked": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
    "truncated_head": b"HTTP/1.1 200 OK\r\nContent-Len",
    "empty_reply": b"",
    "oversized_head": b"HTTP/1.1 200 OK\r\n"
    + b"X-Pad: "
    + b"p" * 70000
    + b"\r\nContent-Length: 5\r\n\r\nhello",
    "oversized_head_many_fields": b"HTTP/1.1 200 OK\r\n"
    + b"X-F: 0123456789\r\n" * 5000
    + b"Content-Length: 0\r\n\r\n",
    "endless_head": b"HTTP/1.1 200 OK\r\nX-Endless: " + b"e" * 100000,
    "endless_1xx": b"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" * 3000,
}


def hostile_script(raw: bytes, *, slice_size: int = 0) -> Script:
    async def script(c: SConn) -> None:
        await c.read_request()
        if slice_size:
            for i in range(0, len(raw), slice_size):
                c.write(raw[i : i + slice_size])
                await c.writer.drain()
        else:
            c.write(raw)
            await c.writer.drain()
        # close: the truncated cases end here; the others must already have been refused
        c.writer.close()

    return script


async def _expect_refused(raw: bytes, slice_size: int = 0) -> None:
    async with Origin(hostile_script(raw, slice_size=slice_size)) as o:
        t = Target(o.url, max_response_header_bytes=65536)
        with pytest.raises(UpstreamError) as ei:
            resp = await t.request(b"GET", b"/", [])
            try:
                await resp.read()
            finally:
                resp.close()
        e = ei.value
        assert not isinstance(e, UpstreamTimeout) and e.sent
        st = t.stats()
        assert st["idle"] == 0 and st["active"] == 0 and st["failed"] == 1, st
        await t.close()


@pytest.mark.parametrize("case", sorted(HOSTILE))
async def test_hostile_upstream_is_refused_and_connection_dropped(case: str) -> None:
    await _expect_refused(HOSTILE[case])


@pytest.mark.parametrize(
    "case", ["cl_and_te", "lf_in_header", "oversized_head", "truncated_chunked", "not_http"]
)
async def test_hostile_upstream_sliced(case: str) -> None:
    await _expect_refused(HOSTILE[case], slice_size=7)


async def test_second_response_to_one_request_is_dropped() -> None:
    """Response-queue poisoning: a stray response must never answer the next request."""

    async def script(c: SConn) -> None:
        while (req := await c.read_request()) is not None:
            if req.target == b"/poison":
                c.write(response(b"real") + response(b"SMUGGLED", b"302 Found", b"Location: /evil\r\n"))
            elif req.target == b"/poison-partial":
                c.write(response(b"real") + b"HTTP/1.1 302 Found\r\nLocation: /ev")
            else:
                c.write(response(b"next " + req.target))

    async with Origin(script) as o:
        t = Target(o.url)
        for path in (b"/poison", b"/poison-partial"):
            assert await get(t, path) == (200, b"real")
            assert await get(t, b"/after") == (200, b"next /after")
        # each poisoned connection was dropped (the clean ones were reused by the next case)
        assert len(o.conns) == 3
        assert await client_closed(o.conns[0]) and await client_closed(o.conns[1])
        await t.close()


async def test_unsolicited_bytes_on_idle_connection() -> None:
    async def script(c: SConn) -> None:
        await c.read_request()
        c.write(response(b"first"))
        await c.writer.drain()
        await asyncio.sleep(0.05)
        c.write(b"HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n\r\n")
        await c.wait_eof(5)

    async with Origin(script) as o:
        t = Target(o.url)
        assert await get(t) == (200, b"first")
        await wait_for(lambda: t.stats()["idle"] == 0)
        assert await get(t) == (200, b"first")
        assert len(o.conns) == 2
        assert await client_closed(o.conns[0])
        await t.close()


# ---------------------------------------------------------------------------------------------
# Bodiless responses and interim responses


async def test_head_204_304_have_no_body_and_connection_is_reused() -> None:
    async def script(c: SConn) -> None:
        while (req := await c.read_request()) is not None:
            if req.target == b"/head-chunked":
                c.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            elif req.method == b"HEAD":
                c.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1234\r\nContent-Type: text/plain\r\n\r\n")
            elif req.target == b"/204":
                c.write(b"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n")
            elif req.target == b"/304":
                c.write(b'HTTP/1.1 304 Not Modified\r\nETag: "x"\r\n\r\n')
            else:
                c.write(response(b"after " + req.target))

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"HEAD", b"/h", [])
        assert resp.content_length == 1234 and await resp.read() == b""
        assert await get(t, b"/x") == (200, b"after /x")
        assert await get(t, b"/204") == (204, b"")
        assert await get(t, b"/y") == (200, b"after /y")
        assert await get(t, b"/304") == (304, b"")
        resp = await t.request(b"HEAD", b"/head-chunked", [])
        assert resp.chunked and await resp.read() == b""
        assert await get(t, b"/z") == (200, b"after /z")
        assert len(o.conns) == 1
        await t.close()


async def test_head_response_followed_by_body_bytes_is_not_reused() -> None:
    async def script(c: SConn) -> None:
        while (req := await c.read_request()) is not None:
            if req.method == b"HEAD":
                c.write(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
            else:
                c.write(response(b"clean"))

    async with Origin(script) as o:
        t = Target(o.url)
        resp = await t.request(b"HEAD", b"/", [])
        assert await resp.read() == b""
        await wait_for(lambda: t.stats()["idle"] == 0 and t.stats()["active"] == 0)
        assert await get(t) == (200, b"clean")
        assert len(o.conns) == 2
        await t.close()


async def test_interim_1xx_responses_are_skipped() -> None:
    async def script(c: SConn) -> None:
        while (req := await c.read_request()) is not None:
            c.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            await c.writer.drain()
            await asyncio.sleep(0.02)
            c.write(
                b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                + response(b"final " + req.target)
            )

    async with Origin(script) as o:
        t = Target(o.url)
        for path in (b"/a", b"/b"):
            resp = await t.request(b"POST", path, [], b"{}")
            assert resp.status == 200 and [n for n, _ in resp.headers] == [b"content-length"]
            assert await resp.read() == b"final " + path
        assert len(o.conns) == 1
        await t.close()


# ---------------------------------------------------------------------------------------------
# Request validation: nothing leaves the process when a field could split the message


@pytest.mark.parametrize(
    "method,path,headers",
    [
        (b"GET", b"/", [(b"x-sub", b"alice\r\nX-Admin: 1")]),
        (b"GET", b"/", [(b"x-sub", b"alice\nX-Admin: 1")]),
        (b"GET", b"/", [(b"x-sub", b"al\x00ice")]),
        (b"GET", b"/", [(b"x-sub", b"al\x7fice")]),
        (b"GET", b"/", [(b"x sub", b"v")]),
        (b"GET", b"/", [(b"x-sub:", b"v")]),
        (b"GET", b"/", [(b"", b"v")]),
        (b"GET", b"/a b", []),
        (b"GET", b"/a\r\nHost: evil", []),
        (b"GET", b"", []),
        (b"GE T", b"/", []),
    ],
)
async def test_request_fields_that_could_split_the_message_are_refused(
    method: bytes, path: bytes, headers: list[tuple[bytes, bytes]]
) -> None:
    async with Origin(echo) as o:
        t = Target(o.url)
        with pytest.raises(ValueError):
            await t.request(method, path, headers)
        await asyncio.sleep(0.02)
        assert o.conns == [] and t.stats()["created"] == 0
        await t.close()


# ---------------------------------------------------------------------------------------------
# TLS


def _self_signed(tmp: str, names: list[str]) -> tuple[str, str]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])])
    now = datetime.datetime.now(datetime.UTC)
    sans: list[x509.GeneralName] = []
    for n in names:
        try:
            sans.append(x509.IPAddress(ipaddress.ip_address(n)))
        except ValueError:
            sans.append(x509.DNSName(n))
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path = os.path.join(tmp, "cert.pem")
    key_path = os.path.join(tmp, "key.pem")
    with open(cert_path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as f:
        f.write(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
    return cert_path, key_path


async def test_tls_target_with_sni_and_verification() -> None:
    sni: list[str | None] = []
    with tempfile.TemporaryDirectory() as tmp:
        cert, key = _self_signed(tmp, ["localhost"])
        server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_ctx.load_cert_chain(cert, key)
        server_ctx.sni_callback = lambda sock, name, ctx: sni.append(name)  # type: ignore[assignment,misc]
        client_ctx = ssl.create_default_context(cafile=cert)
        async with Origin(echo, ssl_ctx=server_ctx) as o:
            t = Target(f"https://localhost:{o.port}/v1", ssl_context=client_ctx)
            assert t.host_header == b"localhost:%d" % o.port
            for i in range(3):
                resp = await t.request(b"POST", b"/v1/tls%d" % i, [], b"{}")
                assert await resp.read() == b"POST /v1/tls%d" % i
            assert len(o.conns) == 1 and sni == ["localhost"]
            await t.close()
            # a certificate that does not name the host, and an untrusted one: refused, not retryable
            t = Target(f"https://127.0.0.1:{o.port}", ssl_context=client_ctx)
            with pytest.raises(UpstreamConnectError) as ei:
                await get(t)
            assert not ei.value.retryable and not ei.value.sent
            t = Target(f"https://localhost:{o.port}")  # default context: the system CAs only
            with pytest.raises(UpstreamConnectError):
                await get(t)


# ---------------------------------------------------------------------------------------------
# The same scenarios on uvloop

UVLOOP_SCENARIOS: list[Callable[[], Awaitable[None]]] = [
    test_content_length_response_and_request_head,
    test_chunked_response_pieces_and_read,
    test_chunked_request_body_from_async_generator,
    test_upload_respects_write_flow_control,
    test_keep_alive_one_connection_for_100_sequential_requests,
    test_concurrency_50_parallel,
    test_dead_pooled_connection_is_replaced_transparently,
    test_unconsumed_large_response_holds_connection_until_closed,
    test_first_byte_timeout_on_a_reused_connection_after_a_longer_one,
    test_idle_timeout_mid_body,
    test_cancel_mid_response_closes_socket_and_never_reuses,
    test_slicer_one_byte_segments,
    test_slow_consumer_pauses_the_upstream_socket,
    test_slow_consumer_pauses_the_upstream_socket_with_readany,
    test_readany_relays_what_is_there_without_waiting_for_more,
    test_second_response_to_one_request_is_dropped,
    test_head_204_304_have_no_body_and_connection_is_reused,
    test_interim_1xx_responses_are_skipped,
    test_tls_target_with_sni_and_verification,
]


async def _hostile_table() -> None:
    for raw in HOSTILE.values():
        await _expect_refused(raw)


UVLOOP_SCENARIOS.append(_hostile_table)


@pytest.mark.parametrize("scenario", UVLOOP_SCENARIOS, ids=lambda f: f.__name__)
def test_on_uvloop(scenario: Callable[[], Awaitable[None]]) -> None:
    uvloop = pytest.importorskip("uvloop")

    async def run() -> None:
        assert type(asyncio.get_running_loop()).__module__.startswith("uvloop")
        await scenario()

    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(run())


# ---------------------------------------------------------------------------------------------
# The httpwire kernel: both implementations, and a seeded comparison

IMPLS = [pytest.param(_native.twin("httpwire"), id="twin")]
_compiled = _native.compiled("httpwire")
IMPLS.append(
    pytest.param(
        _compiled,
        id="compiled",
        marks=pytest.mark.skipif(_compiled is None, reason="httpwire not built or FASTGATE_NO_EXTENSIONS=1"),
    )
)
HL = b" HTTP/1.1\r\nHost: h:1\r\n"


@pytest.mark.parametrize("hw", IMPLS)
def test_httpwire_build_request(hw: object) -> None:
    b = hw.build_request  # type: ignore[attr-defined]
    assert b(b"GET", b"/", HL, [], -1) == b"GET / HTTP/1.1\r\nHost: h:1\r\n\r\n"
    assert (
        b(b"POST", b"/v1/x?a=%20", HL, [(b"a", b"1"), (b"B-b", b"x y\t\xe9")], 3, b"abc")
        == b"POST /v1/x?a=%20 HTTP/1.1\r\nHost: h:1\r\na: 1\r\nB-b: x y\t\xe9\r\nContent-Length: 3\r\n\r\nabc"
    )
    assert b(b"PUT", b"*", HL, [], -2) == b"PUT * HTTP/1.1\r\nHost: h:1\r\nTransfer-Encoding: chunked\r\n\r\n"
    assert b(b"PUT", b"/", HL, [], 0).endswith(b"Content-Length: 0\r\n\r\n")
    assert b(b"PUT", b"/", HL, (), 9223372036854775807).endswith(
        b"Content-Length: 9223372036854775807\r\n\r\n"
    )
    assert b(b"GET", b"/", HL, iter([[b"k", b"v"]]), -1) == b"GET / HTTP/1.1\r\nHost: h:1\r\nk: v\r\n\r\n"
    for args in [
        (b"G T", b"/", HL, [], -1),
        (b"", b"/", HL, [], -1),
        (b"GET", b"/ x", HL, [], -1),
        (b"GET", b"/\x00", HL, [], -1),
        (b"GET", b"", HL, [], -1),
        (b"GET", b"/", HL, [(b"a b", b"v")], -1),
        (b"GET", b"/", HL, [(b"a", b"v\r\nx: y")], -1),
        (b"GET", b"/", HL, [(b"a", b"\x00")], -1),
        (b"GET", b"/", HL, [(b"a", b"v", b"w")], -1),
        (b"GET", b"/", HL, [], -3),
    ]:
        with pytest.raises(ValueError):
            b(*args)
    for args in [
        ("GET", b"/", HL, [], -1),
        (b"GET", b"/", HL, [(b"a", "v")], -1),
        (b"GET", b"/", HL, [], -1, bytearray(b"x")),
        (b"GET", b"/", HL, [5], -1),
    ]:
        with pytest.raises(TypeError):
            b(*args)


@pytest.mark.parametrize("hw", IMPLS)
def test_httpwire_parse_response_head(hw: object) -> None:
    p = hw.parse_response_head  # type: ignore[attr-defined]
    buf = b"HTTP/1.1 200 OK\r\nContent-Type: a/b\r\nX-Empty:\r\nX-Ws: \t v w \t\r\n\r\nbody"
    assert p(buf) == (b"OK", [(b"content-type", b"a/b"), (b"x-empty", b""), (b"x-ws", b"v w")], len(buf) - 4)
    two = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nA: 1\r\n\r\n"
    reason, headers, end = p(two)
    assert (reason, headers, end) == (b"Continue", [], 25)
    assert p(two, end) == (b"Not Found", [(b"a", b"1")], len(two))
    assert p(b"HTTP/1.1 200\r\n\r\n") == (b"", [], 16)
    for bad in [
        b"HTTP/1.1 200 OK\r\nA: 1\r\n",
        b"RTSP/1.0 200 OK\r\n\r\n",
        b"HTTP/1.1 200 \x01\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nnocolon\r\n\r\n",
    ]:
        with pytest.raises(ValueError):
            p(bad)
    with pytest.raises(ValueError):
        p(b"HTTP/1.1 200 OK\r\n\r\n", 99)
    with pytest.raises(TypeError):
        p(bytearray(b"HTTP/1.1 200 OK\r\n\r\n"))


def _outcome(fn: Callable[..., object], *args: object) -> object:
    try:
        return ("ok", fn(*args))
    except (ValueError, TypeError) as e:
        return (type(e).__name__, str(e))


@pytest.mark.skipif(_compiled is None, reason="httpwire not built or FASTGATE_NO_EXTENSIONS=1")
def test_httpwire_compiled_matches_twin_on_seeded_random_input() -> None:
    tw, cp = _native.twin("httpwire"), _compiled
    assert cp is not None
    rnd = random.Random(20261129)
    atoms = [
        b"\r",
        b"\n",
        b"\r\n",
        b"\r\n\r\n",
        b" ",
        b"\t",
        b":",
        b"\x00",
        b"\x01",
        b"\x7f",
        b"\xe9",
        b"HTTP/1.1 ",
        b"HTTP/",
        b"200",
        b" OK",
        b"a",
        b"Z",
        b"-",
        b"content-length",
        b"5",
        b"!#$%&'*+.^_`|~",
        b"(",
        b"/",
    ]

    def blob(k: int) -> bytes:
        return b"".join(rnd.choice(atoms) for _ in range(rnd.randint(0, k)))

    mismatches = []
    for _ in range(20000):
        buf = blob(16)
        if rnd.random() < 0.6:
            buf = b"HTTP/1.1 200 OK\r\n" + buf
        start = rnd.choice([0, 0, 0, rnd.randint(0, len(buf) + 1)])
        a, c = _outcome(tw.parse_response_head, buf, start), _outcome(cp.parse_response_head, buf, start)
        if a != c:
            mismatches.append(("parse", buf, start, a, c))
        headers = [(blob(3), blob(4)) for _ in range(rnd.randint(0, 3))]
        args = (
            blob(2) or b"GET",
            blob(3),
            HL,
            headers,
            rnd.choice([-3, -2, -1, 0, rnd.randint(1, 10**12)]),
            rnd.choice([None, blob(5)]),
        )
        a, c = _outcome(tw.build_request, *args), _outcome(cp.build_request, *args)
        if a != c:
            mismatches.append(("build", args, a, c))
    assert mismatches == []


# ---------------------------------------------------------------------------------------------
# httpwire.parse_simple_response: the shortcut past llhttp for a complete plain answer

SIMPLE = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Ws: \t v \t\r\nContent-Length: 5\r\n\r\nhello"


@pytest.mark.parametrize("hw", IMPLS)
def test_httpwire_parse_simple_response(hw: object) -> None:
    p = hw.parse_simple_response  # type: ignore[attr-defined]
    end = len(SIMPLE) - 5
    assert p(SIMPLE) == (200, b"OK", [(b"content-type", b"application/json"), (b"x-ws", b"v"),
                                      (b"content-length", b"5")], end)
    assert p(b"HTTP/1.1 404 \r\ncontent-length: 0\r\n\r\n") == (404, b"", [(b"content-length", b"0")], 36)
    assert p(b"HTTP/1.1 503 Slow  Down \r\nContent-Length:00\r\n\r\n")[:3] == (
        503, b"Slow  Down ", [(b"content-length", b"00")])
    for other in [
        SIMPLE + b"x",  # more than one message's bytes
        SIMPLE[:-1],  # not all of the body yet
        SIMPLE[:30],
        b"",
        SIMPLE.replace(b"HTTP/1.1", b"HTTP/1.0"),
        SIMPLE.replace(b"200 OK", b"204 OK"),
        SIMPLE.replace(b"200 OK", b"304 OK"),
        SIMPLE.replace(b"200 OK", b"101 OK"),
        SIMPLE.replace(b"200 OK", b"600 OK"),
        SIMPLE.replace(b"200 OK", b"200"),
        SIMPLE.replace(b"200 OK", b"2000 OK"),
        SIMPLE.replace(b" OK", b" O\tK"),
        SIMPLE.replace(b" OK", b" \xe9"),
        SIMPLE.replace(b"Content-Length: 5", b"Content-Length: 5\r\nContent-Length: 5"),
        SIMPLE.replace(b"Content-Length: 5", b"Content-Length: +5"),
        SIMPLE.replace(b"Content-Length: 5", b"Content-Length: 0x5"),
        SIMPLE.replace(b"Content-Length: 5", b"Content-Length: 5 5"),
        SIMPLE.replace(b"Content-Length: 5", b"Content-Length: "),
        SIMPLE.replace(b"Content-Length: 5\r\n", b""),
        SIMPLE.replace(b"Content-Length: 5", b"Content-Length: 0000000000000005"),
        SIMPLE.replace(b"Content-Length: 5", b"Transfer-Encoding: chunked\r\nContent-Length: 5"),
        SIMPLE.replace(b"X-Ws", b"Connection"),
        SIMPLE.replace(b"X-Ws", b"proxy-connection"),
        SIMPLE.replace(b"X-Ws", b"Upgrade"),
        SIMPLE.replace(b"X-Ws", b"X Ws"),
        SIMPLE.replace(b"X-Ws:", b"X-Ws :"),
        SIMPLE.replace(b"X-Ws", b""),
        SIMPLE.replace(b" v ", b" \x7f "),
        SIMPLE.replace(b" v ", b" \xe9 "),
        SIMPLE.replace(b" v ", b" \x00 "),
        SIMPLE.replace(b"\t v \t\r\n", b"v\r\n w\r\n"),  # obs-fold
        SIMPLE.replace(b"\r\n", b"\n"),
        SIMPLE.replace(b"json\r\n", b"json\n"),
        SIMPLE.replace(b"json\r\n", b"json\r\r\n"),
    ]:
        assert p(other) is None, other
    with pytest.raises(TypeError):
        p(bytearray(SIMPLE))


class _Llhttp:
    """What llhttp (httptools, the client's other path) makes of some bytes fed at once: read
    when the head is complete, as the client does."""

    def __init__(self) -> None:
        self.begun = self.complete = 0
        self.body = b""
        self.parser: object = None
        self.head: tuple[int, bool] | None = None

    def on_message_begin(self) -> None:
        self.begun += 1

    def on_headers_complete(self) -> None:
        self.head = (self.parser.get_status_code(), self.parser.should_keep_alive())  # type: ignore[attr-defined]

    def on_body(self, body: bytes) -> None:
        self.body += body

    def on_message_complete(self) -> None:
        self.complete += 1


def _llhttp(buf: bytes) -> tuple[int, bool, bytes] | None:
    """(status, keep-alive, body) when llhttp takes ``buf`` as exactly one complete message."""
    from httptools import HttpParserError, HttpResponseParser

    seen = _Llhttp()
    parser = seen.parser = HttpResponseParser(seen)
    try:
        parser.feed_data(buf)
    except HttpParserError:
        return None
    if seen.begun != 1 or seen.complete != 1 or seen.head is None:
        return None
    return seen.head[0], seen.head[1], seen.body


@pytest.mark.parametrize("hw", IMPLS)
def test_httpwire_parse_simple_response_is_what_llhttp_reads(hw: object) -> None:
    """Everything the shortcut takes, llhttp takes too, as one whole message with the same status,
    keep-alive and body; and the fields are those parse_response_head splits. Seeded mutations
    of plain answers, biased to the bytes that matter for framing."""
    p = hw.parse_simple_response  # type: ignore[attr-defined]
    rnd = random.Random(20261130)
    atoms = [b"\r", b"\n", b"\r\n", b" ", b"\t", b":", b"\x00", b"\x01", b"\x7f", b"\xe9", b"0", b"5", b"a",
             b"-", b"Content-Length", b"content-length: 3\r\n", b"Transfer-Encoding: chunked\r\n",
             b"Connection: close\r\n", b"X: y\r\n", b"HTTP/1.1 ", b"200", b"\r\n\r\n", b"(", b";"]
    base = [
        SIMPLE,
        b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 429 Too Many Requests\r\nretry-after: 1\r\ncontent-length: 3\r\n\r\nabc",
        b"HTTP/1.1 500 \r\nA:b\r\nContent-Length:  2 \r\n\r\nxy",
    ]
    taken = 0
    for _ in range(30000):
        buf = bytearray(rnd.choice(base))
        for _ in range(rnd.randint(0, 3)):
            i = rnd.randint(0, len(buf))
            op = rnd.random()
            if op < 0.4:
                buf[i:i] = rnd.choice(atoms)
            elif op < 0.7 and buf:
                del buf[i:i + rnd.randint(1, 3)]
            elif buf:
                buf[min(i, len(buf) - 1)] = rnd.randint(0, 255)
        data = bytes(buf)
        r = p(data)
        if r is None:
            continue
        taken += 1
        status, reason, headers, end = r
        assert _llhttp(data) == (status, True, data[end:]), data
        assert hw.parse_response_head(data) == (reason, headers, end), data  # type: ignore[attr-defined]
    assert taken > 1000  # the mutations left plenty of plain answers


@pytest.mark.skipif(_compiled is None, reason="httpwire not built or FASTGATE_NO_EXTENSIONS=1")
def test_httpwire_parse_simple_response_compiled_matches_twin() -> None:
    tw, cp = _native.twin("httpwire"), _compiled
    assert cp is not None
    rnd = random.Random(20261131)
    atoms = [b"\r\n", b"\r", b"\n", b" ", b"\t", b":", b"\x00", b"\x7f", b"\xe9", b"HTTP/1.1 ", b"HTTP/1.0 ",
             b"200", b"204", b"404 ", b"5", b"0", b"OK", b"content-length", b"Content-Length: ",
             b"Connection", b"Transfer-Encoding", b"upgrade", b"Proxy-Connection", b"x-a", b"\r\n\r\n"]
    mismatches = []
    for _ in range(30000):
        buf = b"".join(rnd.choice(atoms) for _ in range(rnd.randint(0, 14)))
        if rnd.random() < 0.5:
            buf = b"HTTP/1.1 200 OK\r\n" + buf
        a, c = _outcome(tw.parse_simple_response, buf), _outcome(cp.parse_simple_response, buf)
        if a != c:
            mismatches.append((buf, a, c))
    assert mismatches == []


async def test_answers_split_across_segments_or_not_simple_still_take_llhttp() -> None:
    """The same answers whether the shortcut takes them (whole, plain) or llhttp does (sliced,
    HTTP/1.0 keep-alive, chunked), and the connection is reused after each."""
    answers = {
        b"/whole": SIMPLE,
        b"/http10": SIMPLE.replace(b"HTTP/1.1", b"HTTP/1.0").replace(b"X-Ws", b"Connection: keep-alive\r\nX-Ws"),
        b"/chunked": b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Ws: v\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    }

    async def script(c: SConn) -> None:
        while (req := await c.read_request()) is not None:
            raw = answers[req.target.split(b"?")[0]]
            if req.target.endswith(b"?sliced"):
                for i in range(0, len(raw), 9):
                    c.write(raw[i:i + 9])
                    await c.writer.drain()
            else:
                c.write(raw)

    async with Origin(script) as o:
        t = Target(o.url)
        for path in (b"/whole", b"/whole?sliced", b"/http10", b"/chunked", b"/whole"):
            resp = await t.request(b"GET", path, [])
            try:
                assert (resp.status, resp.reason, resp.keep_alive, await resp.read()) == (200, b"OK", True, b"hello")
                assert [(k, v) for k, v in resp.headers if k != b"content-length" and k != b"transfer-encoding"] == [
                    (b"content-type", b"application/json"), (b"x-ws", b"v")] or path == b"/http10"
            finally:
                resp.close()
        assert len(o.conns) == 1 and t.stats()["reused"] == 4
        await t.close()
