"""Public face of the ``reqhead`` kernel (compiled ``reqhead.pyx`` and its twin ``reqhead_py.py``)."""

LINE_MAX: int
FIELD_MAX: int
HEAD_MAX: int
HEADERS_MAX: int
CHUNK_LINE_MAX: int
METHODS: tuple[str, ...]
FORBIDDEN_TRAILERS: frozenset[bytes]

class HeadError(ValueError):
    """Input that cannot be accepted: answer ``status`` (400, 414, 431 or 505) and close."""

    status: int
    reason: str
    def __init__(self, status: int, reason: str) -> None: ...

def parse_head(
    buf: bytes, start: int = 0
) -> (
    tuple[
        int,  # end: offset just past the head's empty line
        str,  # method
        str,  # request-target (ASCII)
        tuple[int, int],  # version: (1, 0) or (1, 1)
        list[tuple[bytes, bytes]],  # fields: name as sent, value without leading SP/HTAB
        int | None,  # Content-Length
        bool,  # chunked
        bool,  # keep-alive (llhttp's should_keep_alive; close wins on HTTP/1.0)
        bool,  # Expect: 100-continue
        bool,  # upgrade (CONNECT, or Upgrade with Connection: upgrade)
    ]
    | None
):
    """Parse the request head at ``buf[start:]``: ``None`` while incomplete (more bytes needed).

    Raises ``HeadError`` for anything refused, including an incomplete head already past the
    line or head limits. The rules are listed in ``reqhead_py.py``.
    """

class ChunkedDecoder:
    """Strict incremental decoder of one chunked request body."""

    def __init__(self) -> None: ...
    def feed(self, data: bytes) -> tuple[list[bytes], bool, bytes]:
        """``(pieces, done, leftover)``: the chunk data in ``data``, whether the body (last chunk and
        trailer section) has ended, and the bytes after it. Raises ``HeadError(400, reason)``."""
