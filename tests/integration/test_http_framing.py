"""HTTP/1.1 framing at the edge (acceptance catalogue §3, HTTP-01..10 and 14) on fastgate's own server.

Every case is raw bytes on a real socket; the mock upstream records what reached it, so "nothing
forwarded" is checked, not assumed.
"""

from __future__ import annotations

import asyncio

import orjson
import pytest

from tests.conftest import ENGINE, base_config

# These are the native engine's answers (SPEC §3 envelopes, 414/431/505); aiohttp's engine answers
# framing errors itself, with plain-text bodies.
pytestmark = [pytest.mark.asyncio,
              pytest.mark.skipif(ENGINE != "native", reason="framing answers of the native engine")]

ECHO = b"POST /api/echo/x HTTP/1.1\r\nHost: x\r\n"

REJECTED = {
    # HTTP-01: CL and TE together
    "cl+te": ECHO + b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    # HTTP-02: TE obfuscations (smuggler's mutations)
    "te-xchunked": ECHO + b"Transfer-Encoding: xchunked\r\n\r\n1\r\nh\r\n0\r\n\r\n",
    "te-chunked-identity": ECHO + b"Transfer-Encoding: chunked, identity\r\n\r\n1\r\nh\r\n0\r\n\r\n",
    "te-comma-chunked": ECHO + b"Transfer-Encoding: ,chunked\r\n\r\n1\r\nh\r\n0\r\n\r\n",
    "te-identity-chunked": ECHO + b"Transfer-Encoding: identity, chunked\r\n\r\n1\r\nh\r\n0\r\n\r\n",
    "te-nbsp": ECHO + b"Transfer-Encoding: \xa0chunked\xa0\r\n\r\n1\r\nh\r\n0\r\n\r\n",
    "te-ctl": ECHO + b"Transfer-Encoding: chunked\x11\r\n\r\n1\r\nh\r\n0\r\n\r\n",
    "te-twice": ECHO + b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nh\r\n0\r\n\r\n",
    "te-chunked-chunked": ECHO + b"Transfer-Encoding: chunked,chunked\r\n\r\n1\r\nh\r\n0\r\n\r\n",
    "te-gzip": ECHO + b"Transfer-Encoding: gzip\r\n\r\n1\r\nh\r\n0\r\n\r\n",
    # HTTP-03: Content-Length anomalies
    "cl-differ": ECHO + b"Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
    "cl-same-twice": ECHO + b"Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
    "cl-list": ECHO + b"Content-Length: 5, 5\r\n\r\nhello",
    "cl-space": ECHO + b"Content-Length: 1000 1000\r\n\r\nhello",
    "cl-plus": ECHO + b"Content-Length: +5\r\n\r\nhello",
    "cl-minus": ECHO + b"Content-Length: -1\r\n\r\nhello",
    "cl-underscore": ECHO + b"Content-Length: 1_0\r\n\r\nhello",
    "cl-hex": ECHO + b"Content-Length: 0x5\r\n\r\nhello",
    "cl-empty": ECHO + b"Content-Length: \r\n\r\nhello",
    "cl-overflow": ECHO + b"Content-Length: 18446744073709551616\r\n\r\nhello",
    "cl-arabic-digit": ECHO + b"Content-Length: \xd9\xa5\r\n\r\nhello",
    # HTTP-04: chunk anomalies
    "chunk-0x": ECHO + b"Transfer-Encoding: chunked\r\n\r\n0x1\r\nh\r\n0\r\n\r\n",
    "chunk-plus": ECHO + b"Transfer-Encoding: chunked\r\n\r\n+1\r\nh\r\n0\r\n\r\n",
    "chunk-bare-lf": ECHO + b"Transfer-Encoding: chunked\r\n\r\n1\nh\n0\n\n",
    "chunk-ext-cr": ECHO + b"Transfer-Encoding: chunked\r\n\r\n1;a\rb\r\nh\r\n0\r\n\r\n",
    "chunk-Z": ECHO + b"Transfer-Encoding: chunked\r\n\r\nZ\r\nh\r\n0\r\n\r\n",
    "chunk-ext-10k": ECHO + b"Transfer-Encoding: chunked\r\n\r\n1;" + b"e" * 10240 + b"\r\nh\r\n0\r\n\r\n",
    "chunk-size-overflow": ECHO + b"Transfer-Encoding: chunked\r\n\r\n10000000000000001\r\nh\r\n0\r\n\r\n",
    "trailer-cl": ECHO + b"Transfer-Encoding: chunked\r\n\r\n1\r\nh\r\n0\r\nContent-Length: 5\r\n\r\n",
    "trailer-host": ECHO + b"Transfer-Encoding: chunked\r\n\r\n1\r\nh\r\n0\r\nHost: evil\r\n\r\n",
    "trailer-fold": ECHO + b"Transfer-Encoding: chunked\r\n\r\n1\r\nh\r\n0\r\nX: a\r\n b\r\n\r\n",
    "te-http10": b"POST /api/echo/x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nh\r\n0\r\n\r\n",
    # HTTP-05: header bytes
    "hdr-nul": ECHO + b"X: a\x00b\r\nContent-Length: 0\r\n\r\n",
    "hdr-obs-fold": ECHO + b"X: a\r\n b\r\nContent-Length: 0\r\n\r\n",
    "hdr-space-colon": ECHO + b"Content-Length : 5\r\n\r\nhello",
    "hdr-leading-space": b"POST /api/echo/x HTTP/1.1\r\n Host: x\r\nContent-Length: 0\r\n\r\n",
    "hdr-empty-name": ECHO + b": x\r\nContent-Length: 0\r\n\r\n",
    "hdr-name-x85": ECHO + b"X\x85: 1\r\nContent-Length: 0\r\n\r\n",
    "hdr-name-at": ECHO + b"X@: 1\r\nContent-Length: 0\r\n\r\n",
    "hdr-bare-cr": b"POST /api/echo/x HTTP/1.1\r\nHost: x\rX: 1\r\nContent-Length: 0\r\n\r\n",
    # HTTP-06: request line
    "line-bad-method": b"P@ST /api/echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
    "line-version-1.32": b"GET /api/echo/x HTTP/1.32\r\nHost: x\r\n\r\n",
    "line-lf-in-target": b"GET /api/echo/x\nHTTP/1.1\r\nHost: x\r\n\r\n",
    "line-space-in-target": b"GET /api/echo/a b HTTP/1.1\r\nHost: x\r\n\r\n",
    "line-ctl-in-target": b"GET /api/echo/a\x01b HTTP/1.1\r\nHost: x\r\n\r\n",
    "line-bare-lf": b"GET /api/echo/x HTTP/1.1\nHost: x\n\n",
    "line-double-space": b"GET  /api/echo/x HTTP/1.1\r\nHost: x\r\n\r\n",
    "line-leading-bare-lf": b"\nGET /api/echo/x HTTP/1.1\r\nHost: x\r\n\r\n",
    "line-rtsp": b"GET /api/echo/x RTSP/1.0\r\nHost: x\r\n\r\n",
    # HTTP-07: Host
    "host-missing": b"GET /api/echo/x HTTP/1.1\r\nX: y\r\n\r\n",
    "host-twice": b"GET /api/echo/x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    "host-slash": b"GET /api/echo/x HTTP/1.1\r\nHost: a/b\r\n\r\n",
    "host-userinfo": b"GET /api/echo/x HTTP/1.1\r\nHost: u@a\r\n\r\n",
}


async def _exchange(port: int, raw: bytes, *, timeout: float = 10) -> bytes:
    """Send ``raw``, read to EOF (the gateway must close)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        await writer.drain()
        return await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()


def _status(data: bytes) -> int:
    assert data.startswith(b"HTTP/1."), data[:80]
    return int(data[9:12])


@pytest.fixture
async def gw(mock, gateway_factory):
    async with gateway_factory(base_config(mock.url)) as g:
        yield g


@pytest.mark.parametrize("case", sorted(REJECTED))
async def test_bad_framing_is_400_close_and_nothing_forwarded(gw, mock, case):
    data = await _exchange(gw.worker.port, REJECTED[case])
    assert _status(data) == 400, (case, data[:200])
    head, _, body = data.partition(b"\r\n\r\n")
    assert b"connection: close" in head.lower()
    assert orjson.loads(body)["error"]["code"]  # SPEC §3 envelope
    assert [r for r in mock.requests if r["path"].startswith("/api/echo")] == [], case


async def test_http2_preface_text_is_505(gw, mock):
    data = await _exchange(gw.worker.port, b"GET /api/echo/x HTTP/2.0\r\nHost: x\r\n\r\n")
    assert _status(data) == 505
    assert mock.requests == []


async def test_accepted_variants_are_reframed(gw, mock):
    """Case-insensitive ``Chunked`` with OWS, HTTP/1.0 without Host: accepted, and the upstream sees
    our framing (Content-Length, no TE) and exactly the body we read (HTTP-08)."""
    data = await _exchange(gw.worker.port, ECHO + b"Transfer-Encoding: Chunked \r\nConnection: close\r\n\r\n"
                           b"5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n")
    assert _status(data) == 200, data[:300]
    rec = [r for r in mock.requests if r["path"] == "/api/echo/x"][-1]
    assert rec["body_len"] == 11
    names = {k.lower() for k in rec["headers"]}
    assert ("transfer-encoding" in names) != ("content-length" in names)  # one framing, ours
    assert rec["body"] == "hello world"
    data = await _exchange(gw.worker.port, b"GET /api/echo/old HTTP/1.0\r\n\r\n")
    assert _status(data) == 200


async def test_pipelined_valid_then_invalid(gw, mock):
    """HTTP-09: the valid request is answered, then 400 and close; nothing of the second is forwarded."""
    raw = (b"GET /api/echo/first HTTP/1.1\r\nHost: x\r\n\r\n"
           b"GET /api/echo/second HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
    data = await _exchange(gw.worker.port, raw)
    first, _, rest = data.partition(b"HTTP/1.1 400")
    assert first.startswith(b"HTTP/1.1 200"), data[:200]
    assert rest, data[:400]
    paths = [r["path"] for r in mock.requests]
    assert "/api/echo/first" in paths and "/api/echo/second" not in paths


async def test_pipelined_many_in_order(gw, mock):
    """A deep pipeline (beyond the parse-ahead cap) is answered completely and in order."""
    n = 40
    raw = b"".join(b"GET /api/echo/p%d HTTP/1.1\r\nHost: x\r\n\r\n" % i for i in range(n))
    raw += b"GET /api/echo/last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    data = await _exchange(gw.worker.port, raw)
    assert data.count(b"HTTP/1.1 200") == n + 1
    order = [r["path"] for r in mock.requests if r["path"].startswith("/api/echo/")]
    assert order == [f"/api/echo/p{i}" for i in range(n)] + ["/api/echo/last"]


async def test_size_limits(gw, mock):
    """HTTP-10: 414 for a long request line; 431 for a long field, a big head, too many fields."""
    port = gw.worker.port
    assert _status(await _exchange(port, b"GET /api/echo/" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")) == 414
    assert _status(await _exchange(port, b"GET /api/echo/x HTTP/1.1\r\nHost: x\r\nX-Big: " + b"v" * 9000 + b"\r\n\r\n")) == 431
    many = b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 7000) for i in range(10))
    assert _status(await _exchange(port, b"GET /api/echo/x HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n")) == 431
    fields = b"".join(b"X-H%d: v\r\n" % i for i in range(101))
    assert _status(await _exchange(port, b"GET /api/echo/x HTTP/1.1\r\nHost: x\r\n" + fields + b"\r\n")) == 431
    assert [r for r in mock.requests if r["path"].startswith("/api/echo")] == []


async def test_size_limits_hold_across_tiny_segments(gw, mock):
    """HTTP-10 across TCP segments (CVE-2026-54277 shape): a header line that never ends, sent in
    small pieces, is cut at the head limit instead of being buffered without bound."""
    reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port)
    try:
        writer.write(b"GET /api/echo/x HTTP/1.1\r\nHost: x\r\nX-Endless: ")
        got = b""
        for _ in range(200):  # up to 200 × 1 KiB; the gateway must answer long before
            try:
                writer.write(b"v" * 1024)
                await writer.drain()
            except ConnectionError:
                break
            try:
                got += await asyncio.wait_for(reader.read(4096), 0.01)
            except TimeoutError:
                continue
            if got:
                break
        if not got:
            got = await asyncio.wait_for(reader.read(), 5)
        assert _status(got) == 431
    finally:
        writer.close()
    # one byte per segment for a whole (valid) small request still works
    reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port)
    try:
        for b in b"GET /api/echo/slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n":
            writer.write(bytes([b]))
            await writer.drain()
        assert _status(await asyncio.wait_for(reader.read(), 10)) == 200
    finally:
        writer.close()


async def test_expect_100_continue(gw, mock):
    """HTTP-14: an oversize CL with Expect gets 413 and no ``100 Continue``; an acceptable one gets
    ``100 Continue`` only once the gateway wants the body, and then the real answer."""
    port = gw.worker.port
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(ECHO + b"Expect: 100-continue\r\nContent-Length: 99999999\r\n\r\n")
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), 10)
        assert _status(data) == 413 and b"100 Continue" not in data
    finally:
        writer.close()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(ECHO + b"Expect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\n")
        await writer.drain()
        interim = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        assert interim == b"HTTP/1.1 100 Continue\r\n\r\n"
        writer.write(b"hello")
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), 10)
        assert _status(data) == 200
    finally:
        writer.close()
    assert [r["body_len"] for r in mock.requests if r["path"] == "/api/echo/x"] == [5]


async def test_broken_chunk_in_llm_body_is_400_and_not_forwarded(gw, mock):
    body = orjson.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]})
    reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port)
    try:
        writer.write(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n" % (10, body[:10]))
        await writer.drain()
        await asyncio.sleep(0.05)  # the handler is now waiting for the rest of the body
        writer.write(b"zz\r\n")  # not a chunk size
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), 10)
        assert _status(data) == 400
    finally:
        writer.close()
    assert not [r for r in mock.requests if r["path"].startswith("/v1/")]


async def test_client_gone_mid_body_leaves_server_healthy(gw, mock):
    reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port)
    writer.write(ECHO + b"Content-Length: 100000\r\n\r\n" + b"x" * 1000)
    await writer.drain()
    writer.close()
    await asyncio.sleep(0.1)
    data = await _exchange(gw.worker.port, b"GET /api/echo/after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert _status(data) == 200
    assert gw.worker.gateway.inflight == 0


async def test_one_byte_chunks_bounded(gw, mock):
    """HTTP-04: 100 000 one-byte chunks are decoded in linear time and forwarded intact."""
    data = bytes(97 + i % 26 for i in range(100_000))
    body = b"".join(b"1\r\n%s\r\n" % data[i:i + 1] for i in range(len(data))) + b"0\r\n\r\n"
    raw = ECHO + b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body
    resp = await _exchange(gw.worker.port, raw, timeout=30)
    assert _status(resp) == 200, resp[:300]
    rec = [r for r in mock.requests if r["path"] == "/api/echo/x"][-1]
    assert rec["body_len"] == len(data)
    assert data.decode().startswith(rec["body"])


async def test_upgrade_is_answered_then_closed(gw, mock):
    """An Upgrade we do not perform: the request is answered as a plain one, then the connection
    closes; bytes after it (here a second request) are not read."""
    raw = (b"GET /api/echo/up HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
           b"GET /api/echo/after HTTP/1.1\r\nHost: x\r\n\r\n")
    data = await _exchange(gw.worker.port, raw)
    assert _status(data) == 200 and data.count(b"HTTP/1.1 ") == 1, data[:300]
    paths = [r["path"] for r in mock.requests]
    assert "/api/echo/up" in paths and "/api/echo/after" not in paths


async def test_nothing_read_after_connection_close(gw, mock):
    """RFC 9112 §9.6: after a request with ``Connection: close`` (or HTTP/1.0 without keep-alive)
    the server reads no further request on the connection."""
    for first in (b"GET /api/echo/a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                  b"GET /api/echo/a HTTP/1.0\r\n\r\n"):
        data = await _exchange(gw.worker.port, first + b"GET /api/echo/b HTTP/1.1\r\nHost: x\r\n\r\n")
        assert _status(data) == 200 and data.count(b"HTTP/1.") == 1, data[:300]
    assert "/api/echo/b" not in [r["path"] for r in mock.requests]


async def test_pipelining_depth_is_capped():
    """HTTP-09 depth cap (CVE-2026-54273 shape): however many requests arrive in one read, at most
    PIPELINE_MAX wait behind the one being handled; the rest stays unparsed until the queue drains,
    and every request is still answered, in order."""
    from fastgate.server.handler import RawResponse
    from fastgate.server.native import PIPELINE_MAX, NativeServer

    loop = asyncio.get_running_loop()
    release = asyncio.Event()
    seen: list[str] = []

    async def handler(req):
        seen.append(req.raw_path)
        if len(seen) == 1:
            await release.wait()
        req.transport.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(req.raw_path), req.raw_path.encode()))
        return RawResponse(200, True)

    native = NativeServer(handler, loop=loop, header_timeout=0, keepalive_timeout=0)
    server = await loop.create_server(native, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    n = 200
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"".join(b"GET /p%d HTTP/1.1\r\nHost: x\r\n\r\n" % i for i in range(n))
                     + b"GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        await writer.drain()
        for _ in range(500):
            conns = list(native.connections)
            if conns and len(conns[0].queue) >= PIPELINE_MAX:
                break
            await asyncio.sleep(0.01)
        proto = conns[0]
        for _ in range(5):
            await asyncio.sleep(0.01)  # let the loop deliver whatever it would
            assert len(proto.queue) == PIPELINE_MAX and proto.nreq == PIPELINE_MAX + 1
        release.set()
        data = await asyncio.wait_for(reader.read(), 30)
    finally:
        writer.close()
        server.close()
        await native.shutdown()
    bodies = [part.rsplit(b"\r\n\r\n", 1)[-1] for part in data.split(b"HTTP/1.1 200 OK")[1:]]
    assert seen == [f"/p{i}" for i in range(n)] + ["/last"]
    assert bodies == [b"/p%d" % i for i in range(n)] + [b"/last"]
