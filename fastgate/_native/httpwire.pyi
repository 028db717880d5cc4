"""Public face of the ``httpwire`` kernel (compiled ``httpwire.pyx`` and its twin ``httpwire_py.py``)."""

NO_FRAMING: int
CHUNKED: int

def build_request(
    method: bytes,
    target: bytes,
    host_line: bytes,
    headers: list[tuple[bytes, bytes]],
    content_length: int,
    body: bytes | None = None,
) -> bytes:
    """Serialise ``method SP target host_line (name: value CRLF)* framing CRLF [body]``.

    ``content_length`` >= 0 writes ``Content-Length``, ``NO_FRAMING`` (-1) nothing, ``CHUNKED``
    (-2) ``Transfer-Encoding: chunked``. Raises ``ValueError`` when the method or a header name
    is not a token, the target holds CTL/SP/DEL, or a value holds CR/LF/NUL/other CTLs.
    """

def parse_response_head(buf: bytes, start: int = 0) -> tuple[bytes, list[tuple[bytes, bytes]], int]:
    """Split an llhttp-accepted response head at ``buf[start:]`` into ``(reason, headers, end)``.

    Names lower-cased, values without surrounding SP/HTAB, ``end`` just past the blank line.
    Raises ``ValueError`` when the head is incomplete, not ``HTTP/``, has a CTL in the reason
    or a field line without a name.
    """

def parse_simple_response(buf: bytes) -> tuple[int, bytes, list[tuple[bytes, bytes]], int] | None:
    """``(status, reason, headers, end)`` when ``buf`` is exactly one complete response of the narrow
    shape the upstream client may take without llhttp (HTTP/1.1, final status but 204/304, plain
    fields, one Content-Length whose bytes are all there, no Transfer-Encoding/Connection/
    Proxy-Connection/Upgrade); else None (llhttp decides)."""

DECHUNK_MAX_DIGITS: int

def dechunk(data: bytes, state: int) -> tuple[bytes, int, int, int]:
    """Decode the plain shape of a chunked body from ``state`` (> 0 data bytes due, 0 at a size
    line, -1/-2 the CR/LF after chunk data due) up to where llhttp must judge.

    ``(body, state, stop, code)``: code 0 all decoded; 1 ``data[stop:]`` is an incomplete size
    line, decode it again with more; 2 the body ended at ``stop``; 3 ``data[stop:]`` is outside
    the plain shape (extension, trailers, bad size or CRLF): llhttp, primed to ``state``, decides.
    """

def chunk_frame(data: bytes) -> bytes:
    """One chunk of a chunked body: ``b"%x\\r\\n%b\\r\\n" % (len(data), data)``."""
