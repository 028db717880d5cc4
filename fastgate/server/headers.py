"""Header hygiene shared by every proxied exchange (RFC 9110 §7.6.1, acceptance HTTP-16..19)."""

from __future__ import annotations

# Hop-by-hop fields (RFC 9110 §7.6.1 plus the legacy ones RFC 2616 §13.5.1 listed) and framing:
# we always write our own framing on everything we forward.
HOP_BY_HOP = frozenset(
    {
        "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
        "proxy-authenticate", "proxy-authorization", "content-length", "host",
    }
)
HOP_BY_HOP_B = frozenset(h.encode() for h in HOP_BY_HOP)

# Headers the gateway itself sets towards upstreams: a client's copies are always dropped
# (HTTP-18), and a client listing them in `Connection` cannot remove ours (they are added after
# filtering).
INTERNAL_PREFIX_B = b"x-fastgate-"
GATEWAY_SET_B = frozenset({b"x-forwarded-for", b"x-forwarded-proto", b"x-forwarded-host", b"x-request-id", b"forwarded",
                           b"x-real-ip"})


def connection_tokens(raw_headers: tuple[tuple[bytes, bytes], ...]) -> frozenset[bytes]:
    """Field names listed in ``Connection`` (they are hop-by-hop too)."""
    names: set[bytes] = set()
    for k, v in raw_headers:
        if k.lower() == b"connection":
            for tok in v.split(b","):
                tok = tok.strip().lower()
                if tok:
                    names.add(tok)
    return frozenset(names)


def filter_request_headers(raw_headers: tuple[tuple[bytes, bytes], ...]) -> list[tuple[bytes, bytes]]:
    """Client headers that may go to a generic upstream: no hop-by-hop, no framing, no Host, no
    gateway-owned names, no underscore names (HTTP-19: ``Content_Length`` must never be taken for
    ``Content-Length`` by an upstream that normalises ``_`` to ``-``)."""
    conn: frozenset[bytes] | None = None
    out: list[tuple[bytes, bytes]] = []
    for k, v in raw_headers:
        lk = k.lower()
        if lk in HOP_BY_HOP_B or lk in GATEWAY_SET_B or lk.startswith(INTERNAL_PREFIX_B) or lk.find(b"_") >= 0:
            if lk == b"connection":
                conn = connection_tokens(raw_headers)
            continue
        out.append((lk, v))
    if conn:
        out = [(k, v) for k, v in out if k not in conn]
    return out


def filter_response_headers(raw_headers: list[tuple[bytes, bytes]]) -> list[tuple[str, str]]:
    """Upstream response headers the client may see (hop-by-hop and framing removed)."""
    conn: frozenset[bytes] | None = None
    out: list[tuple[str, str]] = []
    for k, v in raw_headers:
        if k in HOP_BY_HOP_B:
            if k == b"connection":
                conn = connection_tokens(tuple(raw_headers))
            continue
        out.append((k.decode("latin-1"), v.decode("latin-1")))
    if conn:
        names = {c.decode("latin-1") for c in conn}
        out = [(k, v) for k, v in out if k not in names]
    return out


def response_fields(raw_headers: list[tuple[bytes, bytes]]) -> tuple[bytes, bool]:
    """The fields ``filter_response_headers`` keeps, serialised as the ``name: value\r\n`` lines the
    client receives (the upstream's bytes relayed as they are, without a str round trip), and
    whether one of them is ``date`` (names as the client parsed them: lowercase)."""
    out: list[bytes] = []
    date = False
    for k, v in raw_headers:
        if k in HOP_BY_HOP_B:
            if k == b"connection":
                conn = connection_tokens(tuple(raw_headers))
                if conn:
                    kept = [(k, v) for k, v in raw_headers if k not in HOP_BY_HOP_B and k not in conn]
                    return (b"".join([b"%s: %s\r\n" % (k, v) for k, v in kept]),
                            any(k == b"date" for k, _ in kept))
            continue
        if k == b"date":
            date = True
        out += (k, b": ", v, b"\r\n")
    return b"".join(out), date


def path_is_suspicious(path: str) -> bool:
    """Paths whose meaning could differ between our prefix match and the upstream (HTTP-21):
    dot segments, encoded dots/slashes/backslashes, empty segments, matrix params. Rejected with 400."""
    if "%" in path:
        low = path.lower()
        if "%2e" in low or "%2f" in low or "%5c" in low or "%00" in low:
            return True
    return (
        "/../" in path or path.endswith("/..") or "/./" in path or path.endswith("/.")
        or "//" in path or "\\" in path or ";" in path
    )
