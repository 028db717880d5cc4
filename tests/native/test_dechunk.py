"""``httpwire.dechunk`` (the upstream client's chunked-body decoder) and the client around it.

* the kernel: twin and compiled give the same ``(body, state, stop, code)`` on fixed cases and a
  seeded random corpus (valid bodies, mutations, cuts, every start state);
* the client: a chunked answer fed to ``_Conn`` in every split (each byte boundary, seeded random
  multi-splits) ends exactly as with llhttp decoding the whole body (the fast path switched off):
  same body, same end, same error message, same pooling. Malformed framing stays llhttp's verdict.
"""

from __future__ import annotations

import asyncio
import random
from typing import Any

import pytest

import fastgate.upstream.client as client
from fastgate._native import NO_EXTENSIONS, compiled, twin
from fastgate.upstream.client import Target, UpstreamResponse, _Conn

TWIN = twin("httpwire")
COMPILED = compiled("httpwire")

IMPLS = [
    pytest.param(TWIN, id="twin"),
    pytest.param(COMPILED, id="compiled", marks=pytest.mark.skipif(NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")),
]


@pytest.mark.parametrize("k", IMPLS)
def test_dechunk_fixed_cases(k: Any) -> None:
    d = k.dechunk
    assert d(b"5\r\nhello\r\n", 0) == (b"hello", 0, 10, 0)
    assert d(b"5\r\nhello\r\n3\r\nabc\r\n0\r\n\r\nXX", 0) == (b"helloabc", 0, 23, 2)
    assert d(b"hel", 5) == (b"hel", 2, 3, 0)  # the input itself when it is all data
    assert d(b"lo\r", 2) == (b"lo", -2, 3, 0)
    assert d(b"\n0000\r\n\r\n", -2) == (b"", 0, 9, 2)
    assert d(b"1a", 0) == (b"", 0, 0, 1)  # an incomplete size line: kept by the caller
    assert d(b"1a\r", 0) == (b"", 0, 0, 1)
    assert d(b"0\r\n", 0) == (b"", 0, 0, 1)
    assert d(b"0\r\n\r", 0) == (b"", 0, 0, 1)
    assert d(b"5;ext=1\r\nhello\r\n", 0) == (b"", 0, 0, 3)  # extensions: llhttp's
    assert d(b"0\r\nTrailer: x\r\n\r\n", 0) == (b"", 0, 0, 3)  # trailer fields: llhttp's
    assert d(b"2\r\nabX", 0) == (b"ab", -1, 5, 3)  # no CRLF after the data: llhttp judges
    assert d(b"2\r\nab\rX", 0) == (b"ab", -2, 6, 3)
    assert d(b"5\nhello", 0) == (b"", 0, 0, 3)  # bare LF
    assert d(b" 5\r\n", 0) == (b"", 0, 0, 3)
    assert d(b"\r\n", 0) == (b"", 0, 0, 3)  # no digits
    assert d(b"f" * 15 + b"\r\nab", 0) == (b"ab", 0xFFFFFFFFFFFFFFF - 2, 19, 0)
    assert d(b"f" * 16, 0) == (b"", 0, 0, 3)  # longer sizes: llhttp's (overflow)
    assert d(b"", 7) == (b"", 7, 0, 0)
    with pytest.raises(TypeError):
        d(bytearray(b"5\r\n"), 0)
    with pytest.raises(ValueError):
        d(b"x", -3)


def _random_input(rnd: random.Random) -> bytes:
    alpha = [b"0", b"1", b"a", b"F", b"g", b"\r", b"\n", b";", b"x", b"00", b"5", b"\r\n", b" ", b"\t"]
    if rnd.random() < 0.6:
        parts = []
        for _ in range(rnd.randint(0, 6)):
            d = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 40)))
            parts.append((b"%x" % len(d)).rjust(rnd.choice((1, 1, 3)), b"0") + b"\r\n" + d + b"\r\n")
        if rnd.random() < 0.7:
            parts.append(b"0\r\n\r\n")
        s = b"".join(parts)
        for _ in range(rnd.choice((0, 0, 1, 2))):
            if s:
                i = rnd.randrange(len(s))
                s = s[:i] + rnd.choice(alpha) + s[i + rnd.choice((0, 1)):]
        if rnd.random() < 0.3:
            s = s[rnd.randrange(len(s) + 1):] if rnd.random() < 0.3 else s[:rnd.randrange(len(s) + 1)]
        return s
    return b"".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 16)))


@pytest.mark.skipif(NO_EXTENSIONS or COMPILED is None, reason="compiled kernel not loaded")
def test_dechunk_compiled_equals_twin_seeded() -> None:
    rnd = random.Random(20261129)
    codes = set()
    for _ in range(30000):
        data = _random_input(rnd)
        state = rnd.choice((0, 0, 0, 1, 3, 17, 1 << 40, -1, -2))
        got = COMPILED.dechunk(data, state)
        assert got == TWIN.dechunk(data, state), (data, state)
        codes.add(got[3])
    assert codes == {0, 1, 2, 3}


@pytest.mark.parametrize("k", IMPLS)
def test_dechunk_resumes_across_any_split(k: Any) -> None:
    """Decoding in pieces (keeping the code-1 tail) gives what one call gives."""
    body = b"".join(b"%x\r\n" % len(p) + p + b"\r\n" for p in (b"data: a\n\n", b"x" * 300, b"\r\n\r\n")) + b"0\r\n\r\nZ"
    whole = k.dechunk(body, 0)
    for cut in range(len(body) + 1):
        out, state, tail, got_end = [], 0, b"", None
        pieces = [body[:cut], body[cut:]]
        for i, piece in enumerate(pieces):
            data = tail + piece
            b, state, stop, code = k.dechunk(data, state)
            out.append(b)
            tail = data[stop:] if code == 1 else b""
            if code == 2:
                got_end = data[stop:] + b"".join(pieces[i + 1:])
                break
        assert b"".join(out) == whole[0] and got_end == b"Z", cut


# ------------------------------------------------------------------------ the client around it


class _Transport:
    def __init__(self) -> None:
        self.closed = False
        self.paused = False

    def write(self, data: bytes) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def abort(self) -> None:
        self.closed = True

    def pause_reading(self) -> None:
        self.paused = True

    def resume_reading(self) -> None:
        self.paused = False

    def is_closing(self) -> bool:
        return self.closed


def _exchange(loop: asyncio.AbstractEventLoop, pieces: list[bytes]) -> tuple[Any, ...]:
    """Feed ``pieces`` to a fresh connection in the middle of a GET; the outcome as a tuple."""
    target = Target("http://127.0.0.1:9")
    target._loop = loop
    conn = _Conn(target, loop)
    conn.connection_made(_Transport())
    resp = UpstreamResponse(conn)
    conn.resp = resp
    conn.state = client._HEAD
    conn.req_done = True
    for p in pieces:
        if conn.state == client._CLOSED:
            break
        conn.data_received(p)
    exc = resp._exc
    return (resp.status, b"".join(resp._chunks[resp._pos:]), resp._done, type(exc).__name__ if exc else None,
            str(exc) if exc else None, conn in target._idle, conn.state)


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
SSE = b"".join(b"%x\r\n" % len(e) + e + b"\r\n" for e in (b"data: {\"a\":1}\n\n", b"data: {\"b\":2}\n\n", b"data: [DONE]\n\n"))

ANSWERS = {
    "plain": HEAD + SSE + b"0\r\n\r\n",
    "crlf_after_end": HEAD + SSE + b"0\r\n\r\n\r\n",
    "second_response": HEAD + SSE + b"0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
    "extension": HEAD + b"5;name=value\r\nhello\r\n" + SSE + b"0\r\n\r\n",
    "bad_extension": HEAD + SSE + b"5;na me\r\nhello\r\n0\r\n\r\n",
    "trailers": HEAD + SSE + b"0\r\nX-Trailer: yes\r\n\r\n",
    "bad_trailer": HEAD + SSE + b"0\r\nX Trailer: yes\r\n\r\n",
    "last_chunk_ext": HEAD + SSE + b"0;x=1\r\n\r\n",
    "leading_zeros": HEAD + b"0005\r\nhello\r\n000\r\n\r\n",
    "uppercase_hex": HEAD + b"A\r\n0123456789\r\n0\r\n\r\n",
    "bad_chunk_size": HEAD + b"Z\r\nhello\r\n0\r\n\r\n",
    "chunk_size_overflow": HEAD + b"FFFFFFFFFFFFFFFFFF\r\nx\r\n0\r\n\r\n",
    "chunk_missing_crlf": HEAD + b"5\r\nhelloXX0\r\n\r\n",
    "chunk_missing_lf": HEAD + b"5\r\nhello\rX0\r\n\r\n",
    "lf_only_size": HEAD + b"5\nhello\r\n0\r\n\r\n",
    "space_in_size": HEAD + b"5 \r\nhello\r\n0\r\n\r\n",
    "empty_size": HEAD + b"\r\nhello\r\n0\r\n\r\n",
    "truncated": HEAD + SSE,
    "truncated_in_data": HEAD + b"a\r\nhello",
    "no_end_crlf": HEAD + SSE + b"0\r\nX",
    "http10": HEAD.replace(b"HTTP/1.1", b"HTTP/1.0") + SSE + b"0\r\n\r\n",
    "close": HEAD.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n") + SSE + b"0\r\n\r\n",
    "close_extra": HEAD.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n") + SSE + b"0\r\n\r\nxx",
    "two_te": HEAD.replace(b"\r\n\r\n", b"\r\nTransfer-Encoding: chunked\r\n\r\n") + SSE + b"0\r\n\r\n",
    "gzip_chunked": HEAD.replace(b"chunked", b"gzip, chunked") + SSE + b"0\r\n\r\n",
    "cl_and_te": HEAD.replace(b"\r\n\r\n", b"\r\nContent-Length: 5\r\n\r\n") + b"5\r\nhello\r\n0\r\n\r\n",
    "status_204": HEAD.replace(b"200 OK", b"204 No Content") + b"0\r\n\r\n",
    "interim_first": b"HTTP/1.1 100 Continue\r\n\r\n" + HEAD + SSE + b"0\r\n\r\n",
}


@pytest.fixture
def loop() -> Any:
    lp = asyncio.new_event_loop()
    yield lp
    lp.close()


def _reference(loop: asyncio.AbstractEventLoop, pieces: list[bytes], monkeypatch: Any) -> tuple[Any, ...]:
    with monkeypatch.context() as m:
        m.setattr(client, "_plain_chunked", lambda headers: False)  # llhttp decodes the body
        return _exchange(loop, pieces)


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_client_dechunk_equals_llhttp_at_every_split(name: str, loop: Any, monkeypatch: Any) -> None:
    raw = ANSWERS[name]
    want = _reference(loop, [raw], monkeypatch)
    assert _exchange(loop, [raw]) == want
    for cut in range(1, len(raw)):
        pieces = [raw[:cut], raw[cut:]]
        assert _exchange(loop, pieces) == _reference(loop, pieces, monkeypatch), (name, cut)


def test_client_dechunk_equals_llhttp_seeded_splits_and_mutations(loop: Any, monkeypatch: Any) -> None:
    rnd = random.Random(7)
    seen_errors = 0
    for _ in range(1500):
        raw = rnd.choice(list(ANSWERS.values()))
        if rnd.random() < 0.5:
            i = rnd.randrange(len(HEAD), len(raw))
            raw = raw[:i] + rnd.choice((b"\r", b"\n", b";", b"0", b"f", b"x", b" ", b"")) + raw[i + rnd.choice((0, 1)):]
        cuts = sorted(rnd.sample(range(1, len(raw)), min(len(raw) - 1, rnd.randint(1, 8))))
        pieces = [raw[a:b] for a, b in zip([0] + cuts, cuts + [len(raw)])]
        got = _exchange(loop, pieces)
        assert got == _reference(loop, pieces, monkeypatch), (raw, cuts)
        seen_errors += got[3] is not None
    assert seen_errors > 100  # the corpus does reach llhttp's errors


def test_client_switches_to_dechunk_for_a_plain_chunked_stream(loop: Any, monkeypatch: Any) -> None:
    """The fast path is taken (no llhttp callback per chunk) and the connection is pooled after it."""
    bodies: list[bytes] = []
    monkeypatch.setattr(_Conn, "on_body", lambda self, body: bodies.append(body))
    target = Target("http://127.0.0.1:9")
    target._loop = loop
    conn = _Conn(target, loop)
    conn.connection_made(_Transport())
    resp = UpstreamResponse(conn)
    conn.resp, conn.state, conn.req_done = resp, client._HEAD, True
    conn.data_received(HEAD)
    assert conn.ck == 0 and conn.state == client._BODY
    conn.data_received(b"f\r\ndata: {\"a\":1}\n\n\r\n")
    conn.data_received(b"f\r\ndata: {\"b\":2}")
    conn.data_received(b"\n\n\r\n0\r\n\r\n")
    assert bodies == []  # no llhttp callback per chunk
    assert b"".join(resp._chunks) == b'data: {"a":1}\n\ndata: {"b":2}\n\n' and resp._done
    assert conn in target._idle and conn.ck == client._CK_OFF


@pytest.mark.parametrize("k", IMPLS)
def test_chunk_frame_is_one_chunk_of_a_chunked_body(k: Any) -> None:
    """``chunk_frame`` frames what the relay writes to a chunked client response: size in
    lowercase hex, CRLF, data, CRLF, for every size around each hex-digit boundary; and
    ``dechunk`` reads it back."""
    sizes = sorted({0, 1, 9, 10, 15, 16, 17, 255, 256, 4095, 4096, 65535, 65536, 70000}
                   | {random.Random(7).randrange(1, 300_000) for _ in range(20)})
    for n in sizes:
        data = bytes(random.Random(n).randrange(256) for _ in range(n))
        framed = k.chunk_frame(data)
        assert framed == b"%x\r\n%b\r\n" % (n, data), n
        if n:
            body, state, stop, code = TWIN.dechunk(framed, 0)
            assert (body, stop, code) == (data, len(framed), 0), n
    for bad in ("text", None, bytearray(b"x")):
        with pytest.raises(TypeError):
            k.chunk_frame(bad)  # type: ignore[arg-type]
