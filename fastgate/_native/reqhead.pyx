# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""HTTP/1.1 request heads and chunked bodies, parsed strictly (compiled kernel).

The specification is the pure-Python twin ``fastgate/_native/reqhead_py.py``: same results, same
``HeadError(status, reason)`` for every input, the same checks in the same order. Done in C here:
``memchr`` for line ends, 256-entry tables for every byte class, the method and the watched field
names compared without allocating, and one Python object per value handed back (the method string
is a shared constant).
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.list cimport PyList_Append
from cpython.long cimport PyLong_FromLongLong
from cpython.unicode cimport PyUnicode_DecodeLatin1
from libc.string cimport memchr, memcmp

__all__ = ["HeadError", "parse_head", "ChunkedDecoder", "LINE_MAX", "FIELD_MAX", "HEAD_MAX",
           "HEADERS_MAX", "CHUNK_LINE_MAX", "METHODS", "FORBIDDEN_TRAILERS"]

LINE_MAX = 8190
FIELD_MAX = 8190
HEAD_MAX = 64 * 1024
HEADERS_MAX = 100
CHUNK_LINE_MAX = 4096

cdef enum:
    C_LINE_MAX = 8190
    C_FIELD_MAX = 8190
    C_HEAD_MAX = 65536
    C_HEADERS_MAX = 100
    C_CHUNK_LINE_MAX = 4096

cdef unsigned long long CL_MAX = 0x7FFFFFFFFFFFFFFFULL

METHODS = (
    "DELETE", "GET", "HEAD", "POST", "PUT", "CONNECT", "OPTIONS", "TRACE", "COPY", "LOCK", "MKCOL",
    "MOVE", "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "BIND", "REBIND", "UNBIND", "ACL", "REPORT",
    "MKACTIVITY", "CHECKOUT", "MERGE", "M-SEARCH", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "PATCH",
    "PURGE", "MKCALENDAR", "LINK", "UNLINK", "SOURCE", "QUERY",
)
# Most frequent first; the same set as METHODS.
cdef tuple _M_STR = ("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE",
                     "COPY", "LOCK", "MKCOL", "MOVE", "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK",
                     "BIND", "REBIND", "UNBIND", "ACL", "REPORT", "MKACTIVITY", "CHECKOUT", "MERGE",
                     "M-SEARCH", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "PURGE", "MKCALENDAR", "LINK",
                     "UNLINK", "SOURCE", "QUERY")
cdef tuple _M_BYTES = tuple(m.encode() for m in _M_STR)
assert sorted(_M_STR) == sorted(METHODS)

FORBIDDEN_TRAILERS = frozenset((
    b"content-length", b"transfer-encoding", b"trailer", b"te", b"host", b"connection",
    b"proxy-connection", b"keep-alive", b"upgrade", b"expect", b"authorization",
    b"proxy-authorization", b"cookie", b"content-type", b"content-encoding", b"content-range",
))

cdef tuple _V10 = (1, 0)
cdef tuple _V11 = (1, 1)


class HeadError(ValueError):
    """Input that cannot be accepted: answer ``status`` (400, 414, 431 or 505) and close."""

    def __init__(self, status, reason):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason


cdef unsigned char _TCHAR[256]
cdef unsigned char _VCHAR[256]
cdef unsigned char _FVAL[256]
cdef unsigned char _SERVER[256]
cdef unsigned char _ALPHA[256]
cdef unsigned char _HOSTBAD[256]
cdef unsigned char _QDTEXT[256]
cdef unsigned char _QPAIR[256]
cdef signed char _HEXV[256]
cdef unsigned char _LOWER[256]


cdef void _set(unsigned char* table, bytes chars):
    cdef const unsigned char* p = <const unsigned char*>PyBytes_AS_STRING(chars)
    cdef Py_ssize_t i
    for i in range(PyBytes_GET_SIZE(chars)):
        table[p[i]] = 1


cdef void _init_tables():
    cdef int i
    for i in range(256):
        _ALPHA[i] = 1 if (65 <= i <= 90 or 97 <= i <= 122) else 0
        _TCHAR[i] = 1 if (_ALPHA[i] or 48 <= i <= 57) else 0
        _VCHAR[i] = 1 if 0x21 <= i <= 0x7E else 0
        _FVAL[i] = 1 if (i == 9 or 0x20 <= i <= 0x7E or i >= 0x80) else 0
        _SERVER[i] = 1 if (_ALPHA[i] or 48 <= i <= 57) else 0
        _HOSTBAD[i] = 0
        _QDTEXT[i] = 1 if (i == 9 or i == 0x20 or i == 0x21 or 0x23 <= i <= 0x5B or 0x5D <= i <= 0x7E
                           or i >= 0x80) else 0
        _QPAIR[i] = 1 if (i == 9 or 0x20 <= i <= 0x7E or i >= 0x80) else 0
        _HEXV[i] = -1
        _LOWER[i] = i + 32 if 65 <= i <= 90 else i
    for i in range(10):
        _HEXV[48 + i] = i
    for i in range(6):
        _HEXV[65 + i] = 10 + i
        _HEXV[97 + i] = 10 + i
    _set(_TCHAR, b"!#$%&'*+-.^_`|~")
    _set(_SERVER, b"-_.!~*'()%;:&=+$,[]@")
    _set(_HOSTBAD, b" /\\@\t?#")


_init_tables()


cdef inline bint _ieq(const unsigned char* p, Py_ssize_t n, const char* low, Py_ssize_t k) noexcept:
    """``p[:n]`` equals the lower-case ASCII literal ``low`` (length ``k``) ignoring case."""
    cdef Py_ssize_t i
    if n != k:
        return False
    for i in range(n):
        if _LOWER[p[i]] != <unsigned char>low[i]:
            return False
    return True


cdef inline bint _all(const unsigned char* table, const unsigned char* p, Py_ssize_t n) noexcept:
    cdef Py_ssize_t i
    for i in range(n):
        if not table[p[i]]:
            return False
    return True


cdef int _line(const unsigned char* b, Py_ssize_t n, Py_ssize_t ls, Py_ssize_t limit, Py_ssize_t hard,
               int kind, Py_ssize_t* le, Py_ssize_t* nxt) except -1:
    """The line at ``ls``: 1 with ``le`` at its CR and ``nxt`` after its LF, 0 while incomplete.

    ``kind`` 0 is the request line (414 when too long), 1 a field line (431)."""
    cdef Py_ssize_t wend = ls + limit + 2
    cdef bint head_bound = hard < wend
    cdef Py_ssize_t stop, i
    cdef const unsigned char* p = NULL
    if head_bound:
        wend = hard
    stop = wend if wend < n else n
    if stop > ls:
        p = <const unsigned char*>memchr(b + ls, 10, stop - ls)
    if p == NULL:
        if n >= wend:
            if head_bound:
                raise HeadError(431, "head_too_large")
            if kind == 0:
                raise HeadError(414, "request_line_too_long")
            raise HeadError(431, "field_too_long")
        return 0
    i = p - b
    if i == ls or b[i - 1] != 13:
        raise HeadError(400, "bare_lf")
    if i - 1 > ls and memchr(b + ls, 13, i - 1 - ls) != NULL:
        raise HeadError(400, "bare_cr")
    le[0] = i - 1
    nxt[0] = i + 1
    return 1


cdef bint _target_ok(const unsigned char* t, Py_ssize_t n, bint connect) noexcept:
    cdef Py_ssize_t i = 0
    cdef unsigned char c
    cdef bint prev_at = False
    if n == 0:
        return False
    if not connect:
        c = t[0]
        if c == 0x2F or c == 0x2A:
            return _all(_VCHAR, t, n)
        if not _ALPHA[c]:
            return False
        while i < n and _ALPHA[t[i]]:
            i += 1
        if n - i < 3 or t[i] != 0x3A or t[i + 1] != 0x2F or t[i + 2] != 0x2F:
            return False
        i += 3
    while i < n:
        c = t[i]
        if c == 0x2F or c == 0x3F:
            return _all(_VCHAR, t + i, n - i)
        if not _SERVER[c]:
            return False
        if c == 0x40:
            if prev_at:
                return False
            prev_at = True
        else:
            prev_at = False
        i += 1
    return True


cdef int _field(const unsigned char* b, Py_ssize_t ls, Py_ssize_t le, Py_ssize_t* colon,
                Py_ssize_t* vs) except -1:
    """Check the field line ``b[ls:le]``: ``colon`` at its ``:``, ``vs`` where the value starts."""
    cdef unsigned char c = b[ls]
    cdef const unsigned char* p
    cdef Py_ssize_t i
    if c == 0x20 or c == 0x09:
        raise HeadError(400, "obs_fold")
    p = <const unsigned char*>memchr(b + ls, 0x3A, le - ls)
    if p == NULL or p == b + ls:
        raise HeadError(400, "bad_field_name")
    i = p - b
    if not _all(_TCHAR, b + ls, i - ls):
        raise HeadError(400, "bad_field_name")
    colon[0] = i
    i += 1
    while i < le and (b[i] == 0x20 or b[i] == 0x09):
        i += 1
    if not _all(_FVAL, b + i, le - i):
        raise HeadError(400, "bad_field_value")
    vs[0] = i
    return 0


cdef int _conn_tokens(const unsigned char* v, Py_ssize_t n) noexcept:
    cdef int bits = 0
    cdef Py_ssize_t i = 0, s, e
    while i <= n:
        s = i
        while i < n and v[i] != 0x2C:
            i += 1
        e = i
        i += 1  # past the comma (or the end)
        while s < e and (v[s] == 0x20 or v[s] == 0x09):
            s += 1
        while e > s and (v[e - 1] == 0x20 or v[e - 1] == 0x09):
            e -= 1
        if _ieq(v + s, e - s, b"close", 5):
            bits |= 1
        elif _ieq(v + s, e - s, b"keep-alive", 10):
            bits |= 2
        elif _ieq(v + s, e - s, b"upgrade", 7):
            bits |= 4
    return bits


def parse_head(bytes buf not None, Py_ssize_t start=0):
    """Parse the request head at ``buf[start:]``; see the twin."""
    cdef const unsigned char* b = <const unsigned char*>PyBytes_AS_STRING(buf)
    cdef Py_ssize_t n = PyBytes_GET_SIZE(buf)
    cdef Py_ssize_t hard = start + C_HEAD_MAX
    cdef Py_ssize_t pos = start, le = 0, nxt = 0, sp1, sp2, colon = 0, vs = 0, k, i, e
    cdef const unsigned char* p
    cdef const unsigned char* v
    cdef int nlines = 0, hosts = 0, conn = 0
    cdef bint te = False, expect = False, upgrade_field = False, has_cl = False, v11, ok
    cdef unsigned long long cl = 0
    cdef unsigned int d
    cdef object method = None
    cdef bytes mb
    cdef list headers
    cdef Py_ssize_t j
    while pos + 1 < n and b[pos] == 13 and b[pos + 1] == 10:
        pos += 2
        nlines += 1
        if nlines > C_HEADERS_MAX:
            raise HeadError(431, "too_many_fields")
    if not _line(b, n, pos, C_LINE_MAX, hard, 0, &le, &nxt):
        return None

    # ---- request line b[pos:le]
    p = <const unsigned char*>memchr(b + pos, 0x20, le - pos)
    if p == NULL:
        raise HeadError(400, "bad_request_line")
    sp1 = p - b
    p = <const unsigned char*>memchr(b + sp1 + 1, 0x20, le - sp1 - 1)
    if p == NULL:
        raise HeadError(400, "bad_request_line")
    sp2 = p - b
    if memchr(b + sp2 + 1, 0x20, le - sp2 - 1) != NULL:
        raise HeadError(400, "bad_request_line")
    k = sp1 - pos
    for j in range(len(_M_BYTES)):
        mb = <bytes>_M_BYTES[j]
        if PyBytes_GET_SIZE(mb) == k and memcmp(PyBytes_AS_STRING(mb), b + pos, k) == 0:
            method = _M_STR[j]
            break
    if method is None:
        raise HeadError(400, "bad_method")
    v = b + sp2 + 1
    if (le - sp2 - 1 != 8 or memcmp(v, b"HTTP/", 5) != 0 or v[6] != 0x2E
            or not (48 <= v[5] <= 57) or not (48 <= v[7] <= 57)):
        raise HeadError(400, "bad_version")
    if not _target_ok(b + sp1 + 1, sp2 - sp1 - 1, method == "CONNECT"):
        raise HeadError(400, "bad_target")
    if v[5] != 0x31 or (v[7] != 0x31 and v[7] != 0x30):
        raise HeadError(505, "unsupported_version")
    v11 = v[7] == 0x31
    target = PyUnicode_DecodeLatin1(<const char*>b + sp1 + 1, sp2 - sp1 - 1, NULL)
    pos = nxt

    # ---- field lines
    headers = []
    while True:
        if not _line(b, n, pos, C_FIELD_MAX, hard, 1, &le, &nxt):
            return None
        if le == pos:
            pos = nxt
            break
        nlines += 1
        if nlines > C_HEADERS_MAX:
            raise HeadError(431, "too_many_fields")
        _field(b, pos, le, &colon, &vs)
        PyList_Append(headers, (PyBytes_FromStringAndSize(<const char*>b + pos, colon - pos),
                                PyBytes_FromStringAndSize(<const char*>b + vs, le - vs)))
        k = colon - pos
        p = b + pos
        v = b + vs
        e = le - vs  # value length
        if k == 4:
            if _ieq(p, 4, b"host", 4):
                hosts += 1
                if hosts > 1 or e == 0 or e > 1024:
                    raise HeadError(400, "bad_host")
                for i in range(e):
                    if _HOSTBAD[v[i]]:
                        raise HeadError(400, "bad_host")
        elif k == 6:
            if _ieq(p, 6, b"expect", 6):
                while e > 0 and (v[e - 1] == 0x20 or v[e - 1] == 0x09):
                    e -= 1
                if _ieq(v, e, b"100-continue", 12):
                    expect = True
        elif k == 7:
            if e > 0 and _ieq(p, 7, b"upgrade", 7):
                upgrade_field = True
        elif k == 10 or k == 16:
            if _ieq(p, k, b"connection", 10) or _ieq(p, k, b"proxy-connection", 16):
                conn |= _conn_tokens(v, e)
        elif k == 14:
            if _ieq(p, 14, b"content-length", 14):
                if te:
                    raise HeadError(400, "cl_and_te")
                if has_cl:
                    raise HeadError(400, "duplicate_content_length")
                i = 0
                ok = True
                while i < e and 48 <= v[i] <= 57:
                    d = v[i] - 48
                    if cl > (CL_MAX - d) // 10:
                        ok = False
                    else:
                        cl = cl * 10 + d
                    i += 1
                if i == 0:
                    ok = False
                while i < e and (v[i] == 0x20 or v[i] == 0x09):
                    i += 1
                if i != e or not ok:
                    raise HeadError(400, "bad_content_length")
                has_cl = True
        elif k == 17:
            if _ieq(p, 17, b"transfer-encoding", 17):
                if not v11:
                    raise HeadError(400, "te_on_http10")
                if has_cl:
                    raise HeadError(400, "cl_and_te")
                if te:
                    raise HeadError(400, "duplicate_transfer_encoding")
                while e > 0 and v[e - 1] == 0x20:
                    e -= 1
                if not _ieq(v, e, b"chunked", 7):
                    raise HeadError(400, "bad_transfer_encoding")
                te = True
        pos = nxt
    if hosts == 0 and v11:
        raise HeadError(400, "bad_host")
    return (pos, method, target, _V11 if v11 else _V10, headers,
            PyLong_FromLongLong(<long long>cl) if has_cl else None, te,
            (conn & 1) == 0 if v11 else (conn & 3) == 2, expect,
            method == "CONNECT" or (upgrade_field and (conn & 4) != 0))


# ---------------------------------------------------------------------------- chunked bodies

cdef enum:
    S_SIZE = 0
    S_DATA = 1
    S_DATA_CR = 2
    S_DATA_LF = 3
    S_TRAILER = 4
    S_DONE = 5
    S_FAILED = 6


cdef long long _size_line(const unsigned char* c, Py_ssize_t n) except -1:
    cdef Py_ssize_t i = 0, j
    cdef unsigned long long size = 0
    cdef int h
    while i < n:
        h = _HEXV[c[i]]
        if h < 0:
            break
        if size > (CL_MAX >> 4):
            raise HeadError(400, "bad_chunk_size")
        size = (size << 4) | <unsigned long long>h
        i += 1
    if i == 0:
        raise HeadError(400, "bad_chunk_size")
    # extensions: *( ";" token [ "=" ( token / quoted-string ) ] ), nothing else
    while i < n:
        if c[i] != 0x3B:
            raise HeadError(400, "bad_chunk_extension")
        i += 1
        j = i
        while i < n and _TCHAR[c[i]]:
            i += 1
        if i == j:
            raise HeadError(400, "bad_chunk_extension")
        if i < n and c[i] == 0x3D:
            i += 1
            if i < n and c[i] == 0x22:
                i += 1
                while True:
                    if i >= n:
                        raise HeadError(400, "bad_chunk_extension")
                    if c[i] == 0x22:
                        i += 1
                        break
                    if c[i] == 0x5C:
                        i += 1
                        if i >= n or not _QPAIR[c[i]]:
                            raise HeadError(400, "bad_chunk_extension")
                    elif not _QDTEXT[c[i]]:
                        raise HeadError(400, "bad_chunk_extension")
                    i += 1
            else:
                j = i
                while i < n and _TCHAR[c[i]]:
                    i += 1
                if i == j:
                    raise HeadError(400, "bad_chunk_extension")
    return <long long>size


cdef class ChunkedDecoder:
    """Incremental strict decoder of one chunked body; see the twin."""

    cdef int _state
    cdef long long _left
    cdef bytearray _line
    cdef int _fields
    cdef Py_ssize_t _tsize

    def __cinit__(self):
        self._state = S_SIZE
        self._left = 0
        self._line = bytearray()
        self._fields = 0
        self._tsize = 0

    cdef int _end_line(self, const unsigned char* c, Py_ssize_t n) except -1:
        """A complete size or trailer line ``c[:n]`` (LF included): 1 when the body has ended."""
        cdef Py_ssize_t colon = 0, vs = 0
        cdef long long size
        if n < 2 or c[n - 2] != 13:
            raise HeadError(400, "bare_lf")
        if n > 2 and memchr(c, 13, n - 2) != NULL:
            raise HeadError(400, "bare_cr")
        if self._state == S_SIZE:
            size = _size_line(c, n - 2)
            if size:
                self._left = size
                self._state = S_DATA
            else:
                self._state = S_TRAILER
            return 0
        self._tsize += n
        if n == 2:
            self._state = S_DONE
            return 1
        self._fields += 1
        if self._fields > C_HEADERS_MAX:
            raise HeadError(400, "too_many_trailers")
        _field(c, 0, n - 2, &colon, &vs)
        if PyBytes_FromStringAndSize(<const char*>c, colon).lower() in FORBIDDEN_TRAILERS:
            raise HeadError(400, "forbidden_trailer")
        return 0

    def feed(self, bytes data not None):
        """``(pieces, done, leftover)`` for the next piece of the body; see the twin."""
        cdef list pieces = []
        cdef const unsigned char* b = <const unsigned char*>PyBytes_AS_STRING(data)
        cdef Py_ssize_t n = PyBytes_GET_SIZE(data)
        cdef Py_ssize_t pos = 0, take, limit, have, wend, stop, i
        cdef const unsigned char* p
        cdef bytes line
        if self._state == S_DONE:
            return pieces, True, data
        if self._state == S_FAILED:
            raise HeadError(400, "chunked_body_failed")
        try:
            while pos < n:
                if self._state == S_DATA:
                    take = n - pos
                    if self._left < take:
                        take = <Py_ssize_t>self._left
                    if take == n:
                        PyList_Append(pieces, data)
                    else:
                        PyList_Append(pieces, PyBytes_FromStringAndSize(<const char*>b + pos, take))
                    pos += take
                    self._left -= take
                    if self._left == 0:
                        self._state = S_DATA_CR
                elif self._state == S_DATA_CR:
                    if b[pos] != 13:
                        raise HeadError(400, "bad_chunk_end")
                    pos += 1
                    self._state = S_DATA_LF
                elif self._state == S_DATA_LF:
                    if b[pos] != 10:
                        raise HeadError(400, "bad_chunk_end")
                    pos += 1
                    self._state = S_SIZE
                else:
                    if self._state == S_SIZE:
                        limit = C_CHUNK_LINE_MAX
                    else:
                        limit = C_FIELD_MAX
                        if C_HEAD_MAX - self._tsize < limit + 2:
                            limit = C_HEAD_MAX - self._tsize - 2
                    have = len(self._line)
                    wend = pos + limit + 2 - have
                    stop = wend if wend < n else n
                    p = NULL
                    if stop > pos:
                        p = <const unsigned char*>memchr(b + pos, 10, stop - pos)
                    if p == NULL:
                        if n >= wend:
                            raise HeadError(400, "chunk_line_too_long" if self._state == S_SIZE
                                            else "trailer_too_large")
                        self._line += memoryview(data)[pos:]
                        pos = n
                        break
                    i = p - b
                    if have:
                        line = bytes(self._line) + data[pos:i + 1]
                        self._line = bytearray()
                        pos = i + 1
                        if self._end_line(<const unsigned char*>PyBytes_AS_STRING(line),
                                          PyBytes_GET_SIZE(line)):
                            break
                    else:
                        take = pos
                        pos = i + 1
                        if self._end_line(b + take, pos - take):
                            break
        except HeadError:
            self._state = S_FAILED
            self._line = bytearray()
            raise
        if self._state == S_DONE:
            return pieces, True, (data[pos:] if pos else data)
        return pieces, False, b""
