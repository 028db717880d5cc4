"""HTTP/1.1 request-head serialisation with field validation: the pure-Python twin of ``httpwire.pyx``.

This module is the readable specification of the ``httpwire`` kernel; the compiled module must
return the same bytes and raise ``ValueError`` for the same inputs (tested, including by a
seeded random comparison). It knows nothing about sockets or connections: bytes in, bytes out.

``build_request`` writes ``method SP target`` + ``host_line`` + one ``name: value CRLF`` per
header + the framing line + ``CRLF`` (+ the body when given), and refuses — before anything can
reach a socket — every byte that could split or smuggle a message:

* ``method`` is a token (RFC 9110 §9.1, §5.6.2);
* ``target`` is non-empty and has no CTL, SP or DEL (RFC 9112 §3.2: a space or CR/LF would end
  the request-target and let the rest be read as another line);
* header names are tokens (RFC 9110 §5.1) — no ``:``, whitespace or CTL;
* header values contain only HTAB, SP, VCHAR and obs-text (RFC 9110 §5.5): CR, LF and NUL would
  inject fields or a whole second request (CRLF injection, cf. CVE-2019-9740 / CVE-2023-49082),
  and other CTLs make strict parsers (llhttp) answer 400.

``parse_response_head`` splits a response head that llhttp (strict mode) has *already
accepted* — so line ends are CRLF, names are tokens, there is no obs-fold — into the reason
phrase and ``(lower-cased name, value)`` pairs, one pass instead of one parser callback per
field. On top of llhttp it refuses a protocol other than ``HTTP/`` (llhttp also takes ``RTSP/``
and ``ICE/``) and CTLs in the reason phrase, and strips trailing whitespace from values, which
is not part of them (RFC 9110 §5.5).

``parse_simple_response`` is a shortcut past llhttp for the common answer: it accepts only a
``buf`` that is exactly one complete response of a narrow, unambiguous shape (``HTTP/1.1``, a final
status other than 204/304, token names, field values of SP/HTAB/VCHAR only, CRLF line ends, one
``Content-Length`` of digits whose bytes are all there, no ``Transfer-Encoding``, ``Connection``,
``Proxy-Connection`` or ``Upgrade``), a subset of what llhttp's strict mode accepts, and returns
what the llhttp path would find in it. Anything else is ``None``: the caller hands the bytes to
llhttp, which gives the verdict. So the shortcut can only take an answer llhttp would take too.

``host_line`` (``" HTTP/1.1\\r\\nHost: h\\r\\n"``) is built by the caller from a parsed URL and is
trusted. ``content_length`` chooses the framing line: ``>= 0`` writes ``Content-Length: n``,
``NO_FRAMING`` (-1) none, ``CHUNKED`` (-2) ``Transfer-Encoding: chunked``.
"""

from __future__ import annotations

import re

__all__ = ["build_request", "parse_response_head", "parse_simple_response", "dechunk", "chunk_frame", "NO_FRAMING",
           "CHUNKED"]

NO_FRAMING = -1
CHUNKED = -2

# tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
#         / DIGIT / ALPHA                                                     (RFC 9110 §5.6.2)
_is_token = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+").fullmatch
# field-value = *( field-vchar / SP / HTAB ); field-vchar = VCHAR / obs-text  (RFC 9110 §5.5)
_is_value = re.compile(rb"[\t\x20-\x7e\x80-\xff]*").fullmatch
# Anything but CTL, SP and DEL (the URI grammar is the origin's business; line structure is ours).
_is_target = re.compile(rb"[\x21-\x7e\x80-\xff]+").fullmatch
# reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )                          (RFC 9112 §4)
_is_reason = _is_value


def build_request(
    method: bytes,
    target: bytes,
    host_line: bytes,
    headers: list[tuple[bytes, bytes]],
    content_length: int,
    body: bytes | None = None,
) -> bytes:
    """Return the serialised request head (followed by ``body`` when given).

    Raises ``ValueError`` naming the offending part when a field could break the message
    framing, ``TypeError`` when a part is not ``bytes``.
    """
    for part in (method, target, host_line):
        if type(part) is not bytes:
            raise TypeError("method, target and host_line must be bytes")
    if body is not None and type(body) is not bytes:
        raise TypeError("body must be bytes or None")
    if _is_token(method) is None:
        raise ValueError("invalid request method")
    if _is_target(target) is None:
        raise ValueError("invalid request target")
    out = [method, b" ", target, host_line]
    for item in headers:
        name, value = item
        if type(name) is not bytes or type(value) is not bytes:
            raise TypeError("header names and values must be bytes")
        if _is_token(name) is None:
            raise ValueError(f"invalid header name {name[:64]!r}")
        if _is_value(value) is None:
            raise ValueError(f"invalid byte in the value of header {name.decode('ascii')!r}")
        out += (name, b": ", value, b"\r\n")
    if content_length >= 0:
        out.append(b"Content-Length: %d\r\n" % content_length)
    elif content_length == CHUNKED:
        out.append(b"Transfer-Encoding: chunked\r\n")
    elif content_length != NO_FRAMING:
        raise ValueError("content_length must be >= 0, NO_FRAMING or CHUNKED")
    out.append(b"\r\n")
    if body is not None:
        out.append(body)
    return b"".join(out)


def parse_response_head(buf: bytes, start: int = 0) -> tuple[bytes, list[tuple[bytes, bytes]], int]:
    """Split the response head at ``buf[start:]`` into ``(reason, headers, end)``.

    ``headers`` keeps the order received, names lower-cased, values without surrounding
    SP/HTAB; ``end`` is the offset just past the blank line. Raises ``ValueError`` when no
    complete head is there, the protocol is not ``HTTP/``, the reason phrase holds a CTL or a
    field line has no name.
    """
    if type(buf) is not bytes:
        raise TypeError("buf must be bytes")
    if start < 0 or start > len(buf):
        raise ValueError("start out of range")
    end = buf.find(b"\r\n\r\n", start)
    if end < 0:
        raise ValueError("incomplete response head")
    lines = buf[start:end].split(b"\r\n")
    status_line = lines[0]
    if not status_line.startswith(b"HTTP/"):
        raise ValueError("not an HTTP response")
    parts = status_line.split(b" ", 2)
    reason = parts[2] if len(parts) == 3 else b""
    if _is_reason(reason) is None:
        raise ValueError("control character in the reason phrase")
    headers = []
    for line in lines[1:]:
        name, colon, value = line.partition(b":")
        if not colon or not name:
            raise ValueError("field line without a name")
        headers.append((name.lower(), value.strip(b" \t")))
    return reason, headers, end + 4


# parse_simple_response: the status line and field lines it takes (anything else is not "simple").
_SIMPLE_STATUS = re.compile(rb"HTTP/1\.1 ([2-5][0-9][0-9]) ([\x20-\x7e]*)\r\n")
_SIMPLE_FIELD = re.compile(rb"([!#$%&'*+\-.^_`|~0-9A-Za-z]+):([\t\x20-\x7e]*)\r\n")
# Fields whose meaning llhttp acts on beyond Content-Length: such an answer takes the llhttp path.
_NOT_SIMPLE = frozenset((b"transfer-encoding", b"connection", b"proxy-connection", b"upgrade"))
_DIGITS = re.compile(rb"[0-9]{1,15}")


def parse_simple_response(buf: bytes) -> tuple[int, bytes, list[tuple[bytes, bytes]], int] | None:
    """``(status, reason, headers, end)`` when ``buf`` is exactly one complete simple response (see
    the module docstring), else None.

    ``reason`` and ``headers`` are what ``parse_response_head(buf)`` returns for it (names
    lower-cased, values without surrounding SP/HTAB), ``end`` is the offset of the body, which
    is ``buf[end:]``, exactly ``Content-Length`` bytes. HTTP/1.1 without ``Connection`` keeps
    the connection alive.
    """
    if type(buf) is not bytes:
        raise TypeError("buf must be bytes")
    m = _SIMPLE_STATUS.match(buf)
    if m is None:
        return None
    status = int(m.group(1))
    if status == 204 or status == 304:
        return None  # never a body, whatever Content-Length says
    reason = m.group(2)
    pos = m.end()
    headers = []
    length = -1
    while not buf.startswith(b"\r\n", pos):
        f = _SIMPLE_FIELD.match(buf, pos)
        if f is None:
            return None
        name = f.group(1).lower()
        value = f.group(2).strip(b" \t")
        if name in _NOT_SIMPLE:
            return None
        if name == b"content-length":
            if length >= 0 or _DIGITS.fullmatch(value) is None:
                return None
            length = int(value)
        headers.append((name, value))
        pos = f.end()
    pos += 2
    if length < 0 or len(buf) - pos != length:
        return None
    return status, reason, headers, pos


# ---------------------------------------------------------------------------- chunked bodies

#: Longest chunk-size the decoder takes (15 hex digits < 2**60); longer ones go to llhttp.
DECHUNK_MAX_DIGITS = 15

_HEXDIGITS = frozenset(b"0123456789abcdefABCDEF")


def dechunk(data: bytes, state: int) -> tuple[bytes, int, int, int]:
    """Decode the plain shape of a chunked body (RFC 9112 §7.1) from ``state``; llhttp has the rest.

    The upstream client's fast path once llhttp has parsed a response head: one call per socket
    read instead of an llhttp callback per chunk. It never rejects anything itself: it stops where
    the body leaves the plain shape and llhttp, primed to the same state, judges the rest, so what
    is accepted and what is an error (and its message) stays llhttp's.

    ``state``: ``> 0`` bytes of chunk data still due; ``0`` at a chunk-size line; ``-1`` the CR
    after chunk data due; ``-2`` its LF due. The plain shape: ``1*15HEXDIG CRLF data CRLF`` per
    chunk, ending with a ``0`` line (any number of zeros) and an empty trailer section (CRLF).

    Returns ``(body, state, stop, code)``: ``body`` the chunk data of ``data[:stop]`` joined (the
    input itself when it is all data), ``state`` at ``stop``, and ``code``:

    * 0: all of ``data`` was decoded (``stop == len(data)``);
    * 1: ``data[stop:]`` begins a chunk-size line (or the end) that is not complete yet: decode it
      again with the next bytes appended (at most 18 bytes are kept so);
    * 2: the body ended at ``stop`` (last chunk and empty trailer section); ``data[stop:]`` follows it;
    * 3: ``data[stop:]`` is not of the plain shape (a chunk extension, trailer fields, a bad or
      overlong size, a missing CRLF): llhttp, primed to ``state``, takes it from there.
    """
    if type(data) is not bytes:
        raise TypeError("data must be bytes")
    if state < -2:
        raise ValueError("bad dechunk state")
    n = len(data)
    pos = 0
    code = 0
    spans: list[bytes] = []
    while pos < n:
        if state > 0:
            take = min(n - pos, state)
            spans.append(data[pos:pos + take])
            pos += take
            state -= take
            if state == 0:
                state = -1
        elif state == -1:
            if data[pos] != 13:
                code = 3
                break
            pos += 1
            state = -2
        elif state == -2:
            if data[pos] != 10:
                code = 3
                break
            pos += 1
            state = 0
        else:
            k = pos
            while k < n and data[k] in _HEXDIGITS:
                k += 1
            if k - pos > DECHUNK_MAX_DIGITS:
                code = 3
                break
            if k == n:
                code = 1
                break
            if k == pos or data[k] != 13:
                code = 3
                break
            if k + 1 == n:
                code = 1
                break
            if data[k + 1] != 10:
                code = 3
                break
            size = int(data[pos:k], 16)
            k += 2
            if size == 0:
                if k == n or (k + 1 == n and data[k] == 13):
                    code = 1
                    break
                if data[k:k + 2] != b"\r\n":
                    code = 3
                    break
                pos = k + 2
                code = 2
                break
            pos = k
            state = size
    if len(spans) == 1 and len(spans[0]) == n:
        return data, state, pos, code
    return b"".join(spans), state, pos, code


def chunk_frame(data: bytes) -> bytes:
    """One chunk of a chunked body: the size in lowercase hex, CRLF, ``data``, CRLF."""
    if type(data) is not bytes:
        raise TypeError(f"chunk_frame() argument must be bytes, not {type(data).__name__}")
    return b"%x\r\n%b\r\n" % (len(data), data)
