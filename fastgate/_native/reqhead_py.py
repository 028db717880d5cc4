"""HTTP/1.1 request heads and chunked bodies, parsed strictly: the pure-Python twin of ``reqhead.pyx``.

This module is the readable specification of the ``reqhead`` kernel; the compiled module returns
the same values and raises the same :class:`HeadError` (same ``status`` and ``reason``) for every
input, complete or not (tested, including on generated mutations). It knows nothing about sockets:
bytes in, values out. ``fastgate/server/native.py`` calls it once per request head instead of
llhttp's nine Python callbacks.

``parse_head(buf, start)`` reads the head at ``buf[start:]`` and returns ``None`` while it is
incomplete (more bytes needed), else ``(end, method, target, version, raw_headers, content_length,
chunked, keep_alive, expect_continue, upgrade)`` where ``end`` is the offset just past the empty
line. It accepts a subset of what llhttp (strict mode, as shipped in httptools) accepts, and for an
accepted head returns what llhttp reports (method, target, version, the fields with names as sent
and values without leading SP/HTAB but with any trailing ones, ``should_keep_alive``, upgrade).

Rules (acceptance catalogue §3; RFC 9112/9110), in the order they are checked:

* Empty lines (CRLF) before the request line are skipped (RFC 9112 §2.2) and count as fields
  toward the field limit. A bare LF or a CR not followed by LF anywhere in the head → 400.
* Lines are searched line by line; a line is judged once its LF has arrived. The request line
  (without CRLF) is at most ``LINE_MAX`` bytes (→ 414), a field line at most ``FIELD_MAX``
  (→ 431), the head from ``start`` to the end of its empty line at most ``HEAD_MAX`` (→ 431):
  these also hold for an incomplete head, so a caller that re-parses as bytes arrive never
  buffers more than that.
* Request line: exactly ``method SP target SP HTTP/x.y``. The method is one llhttp knows for
  HTTP (``GET``, ``POST``, … ``QUERY``; not ``PRI`` nor the RTSP ones), case-sensitive. The target
  follows llhttp's URL grammar without its leniencies: origin (``/…``) or ``*…`` form, absolute
  form ``scheme://authority[/…|?…]`` or, for ``CONNECT``, authority form; only VCHAR bytes
  (no CTL, SP, DEL, obs-text). The protocol is ``HTTP/`` DIGIT ``.`` DIGIT; other than 1.0/1.1
  → 505.
* Field lines: a token name (RFC 9110 §5.6.2) right before ``:`` (no space before the colon, no
  empty name); no leading SP/HTAB (obs-fold); the value holds HTAB, SP, VCHAR and obs-text only
  (no NUL, other CTLs or DEL). More than ``HEADERS_MAX`` fields → 431.
* ``Content-Length``: digits, then optional SP/HTAB; at most once; at most 2**63 - 1.
* ``Transfer-Encoding``: a lone ``chunked`` (any case, trailing SP allowed), at most once, never
  with ``Content-Length`` (either order) and never on HTTP/1.0 (RFC 9112 §6.1: the framing of
  such a message is faulty).
* ``Host``: at most one, 1..1024 bytes, none of ``SP / \\ @ HTAB ? #``; required on HTTP/1.1.
* ``Connection`` / ``Proxy-Connection``: comma-separated tokens ``close``, ``keep-alive``,
  ``upgrade`` (any case, SP/HTAB around them). HTTP/1.1 keeps the connection unless ``close``;
  HTTP/1.0 only with ``keep-alive`` and no ``close``.
* ``upgrade`` is true for ``CONNECT`` or for a non-empty ``Upgrade`` with ``Connection: upgrade``
  (what llhttp reports); ``expect_continue`` for ``Expect: 100-continue``.

Stricter than llhttp (documented, each checked by the differential test): one SP between the
parts of the request line; only ``HTTP/`` (llhttp also takes ``RTSP/`` and ``ICE/``); CRLF-only
empty lines before the request line; ``Content-Length`` > 2**63 - 1; a lone ``chunked`` only;
``Transfer-Encoding`` on HTTP/1.0; ``close`` wins over ``keep-alive`` on HTTP/1.0; the line and
head limits above counted over whole lines; the ``Host`` rules. In chunked bodies: extensions with
a name and, after ``=``, a value (RFC 9112 §7.1.1); the size-line bound; sizes up to 2**63 - 1;
the trailer bounds and refused trailer fields.

``ChunkedDecoder().feed(data)`` decodes a chunked body (RFC 9112 §7.1) fed in any pieces and
returns ``(pieces, done, leftover)``: the chunk data in this piece, whether the last chunk and the
trailer section have ended, and the bytes after them (the next request). Sizes are hex digits
only (at most 2**63 - 1); the size line, with its extensions, is at most ``CHUNK_LINE_MAX``
bytes; extensions are ``;name[=token|quoted-string]`` with no whitespace, CR, LF or CTL; data is
followed by CRLF exactly; trailer fields are parsed like head fields and bounded like a head
(``FIELD_MAX``, ``HEADERS_MAX``, ``HEAD_MAX``), and framing, routing, connection, auth and
content fields are refused in them. Every byte is looked at a bounded number of times, whatever
the chunk sizes. Any violation raises ``HeadError(400, reason)``; the decoder is then unusable.
"""

from __future__ import annotations

import re

__all__ = ["HeadError", "parse_head", "ChunkedDecoder", "LINE_MAX", "FIELD_MAX", "HEAD_MAX",
           "HEADERS_MAX", "CHUNK_LINE_MAX", "METHODS", "FORBIDDEN_TRAILERS"]

LINE_MAX = 8190          # request line without CRLF (aiohttp's max_line_size; nginx 8k buffers)
FIELD_MAX = 8190         # one field line without CRLF
HEAD_MAX = 64 * 1024     # the whole head, empty lines before it and the final CRLF included
HEADERS_MAX = 100        # field lines per head (Envoy's max_headers_count); also per trailer section
CHUNK_LINE_MAX = 4096    # chunk-size line with its extensions, without CRLF
_CL_MAX = (1 << 63) - 1

# llhttp's methods for "HTTP/x.y" requests (METHODS_HTTP, and QUERY), less PRI (the HTTP/2 preface).
METHODS = (
    "DELETE", "GET", "HEAD", "POST", "PUT", "CONNECT", "OPTIONS", "TRACE", "COPY", "LOCK", "MKCOL",
    "MOVE", "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "BIND", "REBIND", "UNBIND", "ACL", "REPORT",
    "MKACTIVITY", "CHECKOUT", "MERGE", "M-SEARCH", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "PATCH",
    "PURGE", "MKCALENDAR", "LINK", "UNLINK", "SOURCE", "QUERY",
)
_METHODS = {m.encode(): m for m in METHODS}

_ALPHA = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_DIGIT = b"0123456789"
_TCHAR = _ALPHA + _DIGIT + b"!#$%&'*+-.^_`|~"                      # RFC 9110 §5.6.2
_VCHAR = bytes(range(0x21, 0x7F))
_FIELD_VALUE = b"\t" + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))  # HTAB SP VCHAR obs-text
# llhttp's URL "server" characters: userinfo chars, "[", "]" and "@" (not twice in a row).
_SERVER = _ALPHA + _DIGIT + b"-_.!~*'()%;:&=+$,[]@"
# quoted-string text in a chunk extension: HTAB SP ! #-[ ]-~ obs-text; quoted-pair: \ (HTAB SP VCHAR obs-text)
_QDTEXT = b"\t !" + bytes(range(0x23, 0x5C)) + bytes(range(0x5D, 0x7F)) + bytes(range(0x80, 0x100))
_HOST_BAD = b" /\\@\t?#"
_CL_VALUE = re.compile(rb"([0-9]+)[ \t]*\Z")
_HEX = re.compile(rb"[0-9A-Fa-f]+")
_EXT = re.compile(rb'(?:;[%s]+(?:=(?:[%s]+|"(?:[%s]|\\[\t\x20-\x7e\x80-\xff])*"))?)*\Z'
                  % (re.escape(_TCHAR), re.escape(_TCHAR), re.escape(_QDTEXT)))

# Trailer fields refused (RFC 9110 §6.5.1: framing, routing, connection management, authentication,
# content metadata); fastgate drops trailers, so any of these can only be a smuggling attempt.
FORBIDDEN_TRAILERS = frozenset((
    b"content-length", b"transfer-encoding", b"trailer", b"te", b"host", b"connection",
    b"proxy-connection", b"keep-alive", b"upgrade", b"expect", b"authorization",
    b"proxy-authorization", b"cookie", b"content-type", b"content-encoding", b"content-range",
))

_V10 = (1, 0)
_V11 = (1, 1)


class HeadError(ValueError):
    """Input that cannot be accepted: answer ``status`` (400, 414, 431 or 505) and close."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(status, reason)
        self.status = status
        self.reason = reason


def _line(buf: bytes, ls: int, limit: int, hard: int, too_long: HeadError) -> tuple[bytes, int] | None:
    """The line at ``ls`` without its CRLF and the offset after it; ``None`` while incomplete.

    The line may hold ``limit`` bytes before its CRLF and must end before ``hard``; more raises
    ``too_long`` (or 431 when the head limit is the one reached), whether the LF has arrived or not.
    """
    wend = ls + limit + 2
    head_bound = hard < wend
    if head_bound:
        wend = hard
    i = buf.find(b"\n", ls, wend)
    if i < 0:
        if len(buf) >= wend:
            if head_bound:
                raise HeadError(431, "head_too_large")
            raise too_long
        return None
    if i == ls or buf[i - 1] != 13:
        raise HeadError(400, "bare_lf")
    content = buf[ls:i - 1]
    if b"\r" in content:
        raise HeadError(400, "bare_cr")
    return content, i + 1


def _target_ok(t: bytes, connect: bool) -> bool:
    """llhttp's request-target grammar (``url.ts``) on VCHAR bytes only."""
    n = len(t)
    if n == 0:
        return False
    i = 0
    if not connect:
        c = t[0]
        if c == 0x2F or c == 0x2A:  # "/" or "*": the rest is path/query/fragment
            return not t.translate(None, _VCHAR)
        if c not in _ALPHA:
            return False
        while i < n and t[i] in _ALPHA:
            i += 1
        if not t.startswith(b"://", i):
            return False
        i += 3
    # authority ("server"): up to "/" or "?"
    prev_at = False
    while i < n:
        c = t[i]
        if c == 0x2F or c == 0x3F:
            return not t[i:].translate(None, _VCHAR)
        if c not in _SERVER:
            return False
        if c == 0x40:
            if prev_at:
                return False
            prev_at = True
        else:
            prev_at = False
        i += 1
    return True


def _request_line(line: bytes) -> tuple[str, bytes, tuple[int, int]]:
    parts = line.split(b" ")
    if len(parts) != 3:
        raise HeadError(400, "bad_request_line")
    m, t, v = parts
    method = _METHODS.get(m)
    if method is None:
        raise HeadError(400, "bad_method")
    if len(v) != 8 or not v.startswith(b"HTTP/") or v[6] != 0x2E or v[5] not in _DIGIT or v[7] not in _DIGIT:
        raise HeadError(400, "bad_version")
    if not _target_ok(t, method == "CONNECT"):
        raise HeadError(400, "bad_target")
    if v[5] != 0x31 or (v[7] != 0x31 and v[7] != 0x30):
        raise HeadError(505, "unsupported_version")
    return method, t, (_V11 if v[7] == 0x31 else _V10)


def _field(content: bytes) -> tuple[bytes, bytes]:
    """``name: value`` → ``(name, value)``; the value without leading SP/HTAB (trailing ones kept)."""
    c = content[0]
    if c == 0x20 or c == 0x09:
        raise HeadError(400, "obs_fold")
    colon = content.find(b":")
    if colon <= 0:
        raise HeadError(400, "bad_field_name")
    name = content[:colon]
    if name.translate(None, _TCHAR):
        raise HeadError(400, "bad_field_name")
    value = content[colon + 1:].lstrip(b" \t")
    if value.translate(None, _FIELD_VALUE):
        raise HeadError(400, "bad_field_value")
    return name, value


def _conn_tokens(value: bytes) -> int:
    """Bit 1 close, 2 keep-alive, 4 upgrade, from a Connection value."""
    bits = 0
    for tok in value.split(b","):
        t = tok.strip(b" \t").lower()
        if t == b"close":
            bits |= 1
        elif t == b"keep-alive":
            bits |= 2
        elif t == b"upgrade":
            bits |= 4
    return bits


def parse_head(buf: bytes, start: int = 0) -> tuple | None:
    """Parse the request head at ``buf[start:]``; see the module docstring."""
    hard = start + HEAD_MAX
    pos = start
    nlines = 0
    while buf.startswith(b"\r\n", pos):
        pos += 2
        nlines += 1
        if nlines > HEADERS_MAX:
            raise HeadError(431, "too_many_fields")
    r = _line(buf, pos, LINE_MAX, hard, HeadError(414, "request_line_too_long"))
    if r is None:
        return None
    line, pos = r
    method, target, version = _request_line(line)

    headers: list[tuple[bytes, bytes]] = []
    cl: int | None = None
    te = False
    hosts = 0
    expect = False
    conn = 0
    upgrade_field = False
    field_too_long = HeadError(431, "field_too_long")
    while True:
        r = _line(buf, pos, FIELD_MAX, hard, field_too_long)
        if r is None:
            return None
        content, pos = r
        if not content:
            break
        nlines += 1
        if nlines > HEADERS_MAX:
            raise HeadError(431, "too_many_fields")
        name, value = _field(content)
        headers.append((name, value))
        k = len(name)
        if k == 4:
            if name.lower() == b"host":
                hosts += 1
                if hosts > 1 or not 0 < len(value) <= 1024 or value.translate(None, _HOST_BAD) != value:
                    raise HeadError(400, "bad_host")
        elif k == 6:
            if name.lower() == b"expect" and value.rstrip(b" \t").lower() == b"100-continue":
                expect = True
        elif k == 7:
            if value and name.lower() == b"upgrade":
                upgrade_field = True
        elif k == 10 or k == 16:
            low = name.lower()
            if low == b"connection" or low == b"proxy-connection":
                conn |= _conn_tokens(value)
        elif k == 14:
            if name.lower() == b"content-length":
                if te:
                    raise HeadError(400, "cl_and_te")
                if cl is not None:
                    raise HeadError(400, "duplicate_content_length")
                m = _CL_VALUE.match(value)
                if m is None:
                    raise HeadError(400, "bad_content_length")
                cl = int(m.group(1))
                if cl > _CL_MAX:
                    raise HeadError(400, "bad_content_length")
        elif k == 17:
            if name.lower() == b"transfer-encoding":
                if version == _V10:
                    raise HeadError(400, "te_on_http10")
                if cl is not None:
                    raise HeadError(400, "cl_and_te")
                if te:
                    raise HeadError(400, "duplicate_transfer_encoding")
                if value.rstrip(b" ").lower() != b"chunked":
                    raise HeadError(400, "bad_transfer_encoding")
                te = True
    if hosts == 0 and version == _V11:
        raise HeadError(400, "bad_host")
    keep_alive = not conn & 1 if version == _V11 else conn & 3 == 2
    upgrade = method == "CONNECT" or (upgrade_field and conn & 4 != 0)
    return (pos, method, target.decode("ascii"), version, headers, cl, te, keep_alive, expect, upgrade)


_SIZE, _DATA, _DATA_CR, _DATA_LF, _TRAILER, _DONE, _FAILED = range(7)


class ChunkedDecoder:
    """Incremental strict decoder of one chunked body; see the module docstring."""

    __slots__ = ("_state", "_left", "_line", "_fields", "_tsize")

    def __init__(self) -> None:
        self._state = _SIZE
        self._left = 0          # data bytes still to come in the current chunk
        self._line = bytearray()  # a size or trailer line not yet ended by LF (amortised appends)
        self._fields = 0        # trailer fields so far
        self._tsize = 0         # trailer section bytes so far

    def feed(self, data: bytes) -> tuple[list[bytes], bool, bytes]:
        pieces: list[bytes] = []
        pos = 0
        n = len(data)
        state = self._state
        if state == _DONE:
            return pieces, True, data
        if state == _FAILED:
            raise HeadError(400, "chunked_body_failed")
        try:
            while pos < n:
                if state == _DATA:
                    take = self._left
                    if take >= n - pos:
                        take = n - pos
                    pieces.append(data if take == n else data[pos:pos + take])
                    pos += take
                    self._left -= take
                    if self._left == 0:
                        state = _DATA_CR
                elif state == _DATA_CR:
                    if data[pos] != 13:
                        raise HeadError(400, "bad_chunk_end")
                    pos += 1
                    state = _DATA_LF
                elif state == _DATA_LF:
                    if data[pos] != 10:
                        raise HeadError(400, "bad_chunk_end")
                    pos += 1
                    state = _SIZE
                else:  # _SIZE or _TRAILER: one line
                    if state == _SIZE:
                        limit = CHUNK_LINE_MAX
                    else:
                        limit = FIELD_MAX
                        if HEAD_MAX - self._tsize < limit + 2:
                            limit = HEAD_MAX - self._tsize - 2
                    have = len(self._line)
                    wend = pos + limit + 2 - have
                    i = data.find(b"\n", pos, wend)
                    if i < 0:
                        if n >= wend:
                            raise HeadError(400, "chunk_line_too_long" if state == _SIZE else "trailer_too_large")
                        self._line += memoryview(data)[pos:]
                        pos = n
                        break
                    if have:
                        line = bytes(self._line) + data[pos:i + 1]
                        self._line = bytearray()
                    else:
                        line = data[pos:i + 1]
                    pos = i + 1
                    if len(line) < 2 or line[-2] != 13:
                        raise HeadError(400, "bare_lf")
                    content = line[:-2]
                    if b"\r" in content:
                        raise HeadError(400, "bare_cr")
                    if state == _SIZE:
                        size = _size_line(content)
                        if size:
                            self._left = size
                            state = _DATA
                        else:
                            state = _TRAILER
                    else:
                        self._tsize += len(line)
                        if not content:
                            state = _DONE
                            break
                        self._fields += 1
                        if self._fields > HEADERS_MAX:
                            raise HeadError(400, "too_many_trailers")
                        name, _ = _field(content)
                        if name.lower() in FORBIDDEN_TRAILERS:
                            raise HeadError(400, "forbidden_trailer")
        except HeadError:
            self._state = _FAILED
            self._line = bytearray()
            raise
        self._state = state
        if state == _DONE:
            return pieces, True, data[pos:] if pos else data
        return pieces, False, b""


def _size_line(content: bytes) -> int:
    m = _HEX.match(content)
    if m is None:
        raise HeadError(400, "bad_chunk_size")
    digits = m.group()
    size = int(digits, 16)
    if size > _CL_MAX:
        raise HeadError(400, "bad_chunk_size")
    if m.end() != len(content) and _EXT.match(content, m.end()) is None:
        raise HeadError(400, "bad_chunk_extension")
    return size
