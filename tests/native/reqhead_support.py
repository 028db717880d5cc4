"""Shared by the ``reqhead`` tests: the llhttp oracle, the corpus and the hypothesis strategies.

The oracle: llhttp (httptools, strict mode) plus the rules fastgate's
server added on top of it in its parser callbacks before the kernel replaced them (native.py at
664e571: field and head limits, watched Host/Expect/Transfer-Encoding, 505, ASCII target).

``llhttp_head(raw)`` says what that server did with the head at the start of ``raw``:
``("ok", fields)``, ``("reject", status)`` or ``("incomplete", None)``. ``llhttp_body(raw)``
feeds a whole request to plain llhttp and returns ``("ok", body, complete)`` or ``("reject", None,
False)``. ``stricter_rules(raw)`` names the documented rules by which the kernel may refuse a head
llhttp takes (``reqhead_py.py``), judged on the bytes with an independent line split.

``corpus()``: the framing catalogue's raw requests (tests/integration/test_http_framing.py), llhttp
corner cases and the requests recorded from real clients (tests/data/reqhead/). ``heads()``,
``mutated(base)`` and ``chunked_requests()``: hypothesis strategies, mostly well-formed with a
minority of known-bad parts, so that every outcome is exercised.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from httptools import HttpParserError, HttpParserUpgrade, HttpRequestParser
from hypothesis import strategies as st

LINE_MAX = 8190
FIELD_MAX = 8190
HEAD_MAX = 64 * 1024
HEADERS_MAX = 100
_HOST_BAD = b" /\\@\t?#"
_VERSIONS = {"1.1": (1, 1), "1.0": (1, 0)}


class _Reject(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Stop(Exception):
    pass


class _Head:
    """native.py's callbacks at 664e571, minus the Request/Body objects."""

    def __init__(self) -> None:
        self.parser = HttpRequestParser(self)
        self.url = b""
        self.hdrs: list[tuple[bytes, bytes]] = []
        self.head_size = 0
        self.cl: int | None = None
        self.hosts = 0
        self.expect = False
        self.result: dict | None = None

    def on_url(self, url: bytes) -> None:
        self.url += url
        if len(self.url) > LINE_MAX:
            raise _Reject(414)

    def on_header(self, name: bytes, value: bytes) -> None:
        if self.result is not None:
            return  # a trailer field: the body's business (llhttp_body)
        self.hdrs.append((name, value))
        n = len(name) + len(value)
        self.head_size += n
        if n > FIELD_MAX or self.head_size > HEAD_MAX or len(self.hdrs) > HEADERS_MAX:
            raise _Reject(431)
        low = name.lower()
        if low == b"content-length":
            self.cl = int(value)
        elif low == b"host":
            self.hosts += 1
            if self.hosts > 1 or not (0 < len(value) <= 1024 and len(value.translate(None, _HOST_BAD)) == len(value)):
                raise _Reject(400)
        elif low == b"expect":
            if value.strip().lower() == b"100-continue":
                self.expect = True
        elif low == b"transfer-encoding" and value.strip(b" \t").lower() != b"chunked":
            raise _Reject(400)

    def on_headers_complete(self) -> None:
        p = self.parser
        version = _VERSIONS.get(p.get_http_version())
        if version is None:
            raise _Reject(505)
        if version == (1, 1) and not self.hosts:
            raise _Reject(400)
        try:
            target = self.url.decode("ascii")
        except UnicodeDecodeError:
            raise _Reject(400) from None
        chunked = self.cl is None and any(k.lower() == b"transfer-encoding" for k, _ in self.hdrs)
        self.result = {
            "method": p.get_method().decode("ascii"), "target": target, "version": version,
            "headers": list(self.hdrs), "content_length": self.cl, "chunked": chunked,
            "keep_alive": p.should_keep_alive(), "expect": self.expect, "upgrade": p.should_upgrade(),
        }

    def on_message_complete(self) -> None:
        raise _Stop


def llhttp_head(raw: bytes) -> tuple[str, object]:
    h = _Head()
    try:
        h.parser.feed_data(raw)
    except HttpParserUpgrade:
        pass
    except HttpParserError as e:
        ctx = e.__context__
        if isinstance(ctx, _Reject):
            return "reject", ctx.status
        # llhttp refuses a transfer coding other than a final chunked right after on_headers_complete;
        # any later error is in the body, the head was taken.
        if h.result is None or "Request has invalid `Transfer-Encoding`" in str(e):
            return "reject", 400
    if h.result is not None:
        return "ok", h.result
    # native.py bounded what llhttp held of an unfinished head at HEAD_MAX + LINE_MAX
    if len(raw) > HEAD_MAX + LINE_MAX:
        return "reject", 431
    return "incomplete", None


class _Body:
    def __init__(self) -> None:
        self.parser = HttpRequestParser(self)
        self.body = bytearray()
        self.complete = False

    def on_body(self, data: bytes) -> None:
        self.body += data

    def on_message_complete(self) -> None:
        self.complete = True
        raise _Stop


def llhttp_body(raw: bytes) -> tuple[str, bytes | None, bool]:
    b = _Body()
    try:
        b.parser.feed_data(raw)
    except HttpParserUpgrade:
        pass
    except HttpParserError as e:
        if not isinstance(e.__context__, _Stop):
            return "reject", None, False
    return "ok", bytes(b.body), b.complete


# ------------------------------------------------------------------ documented stricter rules

def _lines(raw: bytes) -> tuple[int, list[bytes], bool]:
    """(leading CR/LF bytes, the head's lines without their line end, whether an empty line ended it)."""
    rest = raw.lstrip(b"\r\n")
    lead = len(raw) - len(rest)
    lines = []
    for line in rest.split(b"\n"):
        lines.append(line[:-1] if line.endswith(b"\r") else line)
        if len(lines) > 1 and not lines[-1]:
            return lead, lines[:-1], True
    return lead, lines, False


_CL = re.compile(rb"content-length:[ \t]*([0-9]+)[ \t]*\Z", re.I)


def stricter_rules(raw: bytes) -> set[str]:
    """The documented rules that apply to ``raw``; the kernel may refuse it for one of them."""
    rules = set()
    lead, lines, ended = _lines(raw)
    leading = raw[:lead]
    if leading != b"\r\n" * (lead // 2):
        rules.add("crlf_empty_lines")
    rl = lines[0] if lines else b""
    fields = lines[1:]
    if b"  " in rl:
        rules.add("single_sp")
    if b" RTSP/" in rl or b" ICE/" in rl:
        rules.add("http_only")
    if len(rl) > LINE_MAX:
        rules.add("line_limit")
    if any(len(f) > FIELD_MAX for f in fields):
        rules.add("field_limit")
    if len(raw) > HEAD_MAX:
        rules.add("head_limit")
    if lead // 2 + len(fields) > HEADERS_MAX:
        rules.add("field_count")
    for f in fields:
        m = _CL.match(f)
        if m and int(m.group(1)) > (1 << 63) - 1:
            rules.add("cl_range")
    if rl.endswith(b"/1.0") and any(f.lower().startswith(b"transfer-encoding:") for f in fields):
        rules.add("te_http10")
    if rl.endswith(b"/1.0"):
        toks = set()
        for f in fields:
            k, _, v = f.partition(b":")
            if k.lower() in (b"connection", b"proxy-connection"):
                toks |= {t.strip(b" \t").lower() for t in v.split(b",")}
        if b"close" in toks and b"keep-alive" in toks:
            rules.add("close_wins")
    return rules


# kernel reasons each rule may produce
RULE_REASONS = {
    "crlf_empty_lines": {"bare_lf", "bare_cr"},
    "single_sp": {"bad_request_line"},
    "http_only": {"bad_version"},
    "line_limit": {"request_line_too_long"},
    "field_limit": {"field_too_long"},
    "head_limit": {"head_too_large"},
    "field_count": {"too_many_fields"},
    "cl_range": {"bad_content_length"},
    "te_http10": {"te_on_http10"},
    "close_wins": set(),
}


# ------------------------------------------------------------------ corpus

_HERE = Path(__file__).resolve().parent
_ECHO = b"POST /api/echo/x HTTP/1.1\r\nHost: x\r\n"

# Heads of tests/integration/test_http_framing.py other than its REJECTED table, and llhttp corner cases.
EXTRA = [
    b"GET /api/echo/x HTTP/2.0\r\nHost: x\r\n\r\n",
    _ECHO + b"Transfer-Encoding: Chunked \r\nConnection: close\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n",
    b"GET /api/echo/old HTTP/1.0\r\n\r\n",
    b"GET /api/echo/first HTTP/1.1\r\nHost: x\r\n\r\nGET /api/echo/second HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/echo/second HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
    b"GET /api/echo/last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    b"GET /api/echo/x HTTP/1.1\r\nHost: x\r\nX-Big: " + b"v" * 9000 + b"\r\n\r\n",
    b"GET /api/echo/" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/echo/x HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(101)) + b"\r\n",
    b"GET /api/echo/x HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(99)) + b"\r\n",
    _ECHO + b"Expect: 100-continue\r\nContent-Length: 99999999\r\n\r\n",
    _ECHO + b"Expect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
    b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\nzz\r\n",
    b"GET /x HTTP/1.1\r\nHost: a \r\nX: b\t \r\n\r\n",
    b"GET  /x HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /x  HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /x HTTP/1.1 \r\nHost: a\r\n\r\n",
    b"GET *x HTTP/1.1\r\nHost: a\r\n\r\n",
    b"OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /x\r\nHost: a\r\n\r\n",
    b"\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n",
    b"\n\rGET /x HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /x RTSP/1.0\r\nHost: a\r\n\r\n",
    b"GET /x HTTP/0.9\r\n\r\n",
    b"GET /x HTTP/3.0\r\nHost: a\r\n\r\n",
    b"GET /x?a?b#c#d HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET http://u@h:80/x?q HTTP/1.1\r\nHost: h\r\n\r\n",
    b"GET http:///x HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET http://h HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET http://a@@b/ HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET http://h#q HTTP/1.1\r\nHost: a\r\n\r\n",
    b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
    b"CONNECT [::1]:443 HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /ws HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: \r\n\r\n",
    b"GET /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    b"GET /x HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nProxy-Connection: close\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nConnection: close foo\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nConnection: foo,\tCLOSE \r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: 9223372036854775807\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: 9223372036854775808\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: \t05 \t\r\n\r\nhello",
    b"GET /x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\t\r\n\r\n0\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nX:\r\nY: \xff\x80\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nX: a\x7fb\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nX_Y: 1\r\nX Y: 2\r\n\r\n",
    b"GET /x HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue \r\n\r\n",
    b"QUERY /x HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}",
    b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
    b"M-SEARCH * HTTP/1.1\r\nHost: a\r\n\r\n",
    b"DESCRIBE /x HTTP/1.1\r\nHost: a\r\n\r\n",
]


def client_requests() -> list[tuple[str, bytes]]:
    """Requests recorded from curl, the openai SDK, aiohttp and wrk (tests/data/reqhead/capture.py)."""
    path = _HERE.parent / "data" / "reqhead" / "client_requests.jsonl"
    out = []
    for line in path.read_text().splitlines():
        rec = json.loads(line)
        out.append((rec["client"], rec["raw"].encode("latin-1")))
    return out


def corpus() -> list[bytes]:
    from tests.integration.test_http_framing import REJECTED

    return [REJECTED[k] for k in sorted(REJECTED)] + EXTRA + [raw for _, raw in client_requests()]


# ------------------------------------------------------------------ hypothesis strategies

GOOD_METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "CONNECT", "QUERY", "M-SEARCH"]
BAD_METHODS = ["get", "FOO", "PRI", "DESCRIBE", "GET\x00", "", "G T"]
GOOD_TARGETS = ["/", "/v1/chat/completions", "/a?b=c&d=%20", "*", "*x", "http://h:80/x?y", "http://u@h/", "h:443",
                "[::1]:443", "//x", "/a#f?g", "/~!$&'()*+,;=:@[]"]
BAD_TARGETS = ["/a b", "/a\tb", "/\x7f", "/\xe9", "x", "http:/x", "http://h#f", "", "http://a@@b/"]
GOOD_VERSIONS = ["HTTP/1.1", "HTTP/1.0"]
BAD_VERSIONS = ["HTTP/2.0", "HTTP/0.9", "HTTP/1.2", "HTTP/3.0", "RTSP/1.0", "HTTP/1.10", "http/1.1", "HTTP/1", ""]
GOOD_FIELDS = [("Host", "x"), ("host", "example.com:8080"), ("Content-Length", "5"), ("content-length", " 05 "),
               ("Transfer-Encoding", "chunked"), ("Transfer-Encoding", "Chunked "), ("Connection", "close"),
               ("Connection", "keep-alive"), ("Connection", "Upgrade"), ("connection", "foo, close"),
               ("Proxy-Connection", "close"), ("Expect", "100-continue"), ("Expect", "100-Continue \t"),
               ("Upgrade", "websocket"), ("Upgrade", ""), ("Authorization", "Bearer sk-test"), ("Accept", "*/*"),
               ("X_Foo", "\xff\x80"), ("X-Empty", ""), ("X-Tab", "a\tb "), ("Content-Type", "application/json")]
BAD_NAMES = ["X Foo", "", "X@", "Content-Length ", " Host", "X\x85", "X\x00"]
BAD_VALUES = ["a b", "a/b", "u@h", "chunked\t", "gzip, chunked", "chunked, identity", "5 5", "-1", "+5", "0x5",
              "18446744073709551616", "9223372036854775808", "close, keep-alive", "keep-alive, close", "h\x00i",
              "a\x7f", "a\x01b", "\x0b"]


def _pick(draw: st.DrawFn, good: list, bad: list, p_bad: int = 8):
    """Mostly ``good``: one draw in ``p_bad`` takes from ``bad`` (or random text)."""
    if draw(st.integers(1, p_bad)) == 1:
        rand = st.binary(max_size=12) if isinstance(bad[0], bytes) else st.text(
            st.characters(min_codepoint=0, max_codepoint=255), max_size=12)
        return draw(st.sampled_from(bad) | rand)
    return draw(st.sampled_from(good))


@st.composite
def heads(draw: st.DrawFn) -> bytes:
    method = _pick(draw, GOOD_METHODS, BAD_METHODS, 12)
    target = _pick(draw, GOOD_TARGETS, BAD_TARGETS, 12)
    version = _pick(draw, GOOD_VERSIONS, BAD_VERSIONS, 12)

    def eol() -> str:
        return _pick(draw, ["\r\n"], ["\n", "\r", "\r\r\n", "\n\r"], 40)

    out = _pick(draw, [""], ["\r\n", "\n", "\r\n\r\n", " "], 10)
    out += method + _pick(draw, [" "], ["  ", "\t", ""], 30) + target + " " + version + eol()
    if draw(st.integers(0, 9)):
        out += "Host: h" + eol()
    for _ in range(draw(st.integers(0, 8))):
        name, value = draw(st.sampled_from(GOOD_FIELDS))
        if draw(st.integers(1, 15)) == 1:
            name = _pick(draw, [name], BAD_NAMES, 1)
        if draw(st.integers(1, 15)) == 1:
            value = _pick(draw, [value], BAD_VALUES, 1)
        out += name + _pick(draw, [": "], [":", ":\t", " :", ": \t"], 15) + value + eol()
    out += eol()
    out += draw(st.sampled_from(["", "hello", "5\r\nhello\r\n0\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\n\r\n"]))
    return out.encode("latin-1")


SPECIALS = [b"\r", b"\n", b" ", b"\t", b"\x00", b":", b",", b";", b"\r\n", b"\x7f", b"\x80", b"\xff", b"@", b"/",
            b"\x0b", b"\"", b"=", b"a"]


@st.composite
def mutated(draw: st.DrawFn, base: list[bytes]) -> bytes:
    raw = bytearray(draw(st.sampled_from(base)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "insert", "delete"]))
        i = draw(st.integers(0, len(raw)))
        if op == "flip" and i < len(raw):
            raw[i] = draw(st.integers(0, 255))
        elif op == "insert":
            raw[i:i] = draw(st.sampled_from(SPECIALS))
        elif i < len(raw):
            del raw[i]
    if draw(st.booleans()):
        raw = raw[:draw(st.integers(0, len(raw)))]
    return bytes(raw)


GOOD_EXT = [b"", b"", b"", b";a", b";a=b", b';a="q \\" x"', b";a=1;b"]
BAD_EXT = [b";=b", b";", b"; a", b";a=", b";a b", b";a=\x01", b'";"', b";" + b"e" * 5000, b"\t", b" "]


@st.composite
def chunked_requests(draw: st.DrawFn) -> tuple[bytes, list[int]]:
    body = b""
    for _ in range(draw(st.integers(0, 5))):
        data = draw(st.binary(max_size=20))
        size = draw(st.sampled_from([b"%x" % len(data), b"%X" % len(data), b"0%x" % len(data)]))
        body += size + _pick(draw, GOOD_EXT, BAD_EXT, 10) + b"\r\n" + data + b"\r\n"
    body += draw(st.sampled_from([b"0", b"000"])) + _pick(draw, GOOD_EXT, BAD_EXT, 10) + b"\r\n"
    for _ in range(draw(st.integers(0, 3))):
        body += _pick(draw, [b"X-T: v", b"X-C: t\t", b"X-E:"], [b"Host: h", b"Content-Length: 1", b"X: a\x00",
                                                                b" x", b"Trailer: x"], 6)
        body += b"\r\n"
    body += b"\r\n" + draw(st.sampled_from([b"", b"GET / HTTP/1.1\r\n"]))
    raw = bytearray(b"POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
    head_len = len(raw) - len(body)
    for _ in range(draw(st.integers(0, 2)) if draw(st.booleans()) else 0):
        i = draw(st.integers(head_len, len(raw)))
        op = draw(st.sampled_from(["flip", "insert", "delete"]))
        if op == "flip" and i < len(raw):
            raw[i] = draw(st.sampled_from(b"\r\n \t;=\"0aZ\x00"))
        elif op == "insert":
            raw[i:i] = draw(st.sampled_from(SPECIALS))
        elif i < len(raw):
            del raw[i]
    if draw(st.integers(0, 5)) == 0:
        raw = raw[:draw(st.integers(head_len, len(raw)))]
    splits = draw(st.lists(st.integers(0, len(raw)), max_size=4))
    return bytes(raw), splits


