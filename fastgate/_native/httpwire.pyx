# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""HTTP/1.1 request-head serialisation with field validation (compiled kernel).

The specification is the pure-Python twin ``fastgate/_native/httpwire_py.py``: same output,
same exception types and messages, same check order. Done in C here: one validation pass over
every byte through 256-entry tables, then one exact-size allocation and ``memcpy`` of each
piece (head and body in a single buffer, so the transport gets one write).
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.object cimport PyObject
from cpython.ref cimport Py_DECREF, Py_INCREF
from cpython.tuple cimport PyTuple_GET_ITEM, PyTuple_GET_SIZE
from libc.string cimport memchr, memcmp, memcpy

__all__ = ["build_request", "parse_response_head", "parse_simple_response", "dechunk", "chunk_frame", "NO_FRAMING",
           "CHUNKED"]

NO_FRAMING = -1
CHUNKED = -2

# 1 for bytes allowed in a token (RFC 9110 §5.6.2), in a field value (§5.5: HTAB, SP, VCHAR,
# obs-text) and in a request-target (no CTL, SP or DEL; RFC 9112 §3.2).
cdef unsigned char _TCHAR[256]
cdef unsigned char _VCHAR[256]
cdef unsigned char _TGT[256]


cdef void _init_tables():
    cdef int i
    cdef bytes extra = b"!#$%&'*+-.^_`|~"
    cdef const unsigned char* e = <const unsigned char*>PyBytes_AS_STRING(extra)
    for i in range(256):
        _TCHAR[i] = 1 if (48 <= i <= 57 or 65 <= i <= 90 or 97 <= i <= 122) else 0
        _VCHAR[i] = 1 if (i == 9 or 0x20 <= i <= 0x7E or i >= 0x80) else 0
        _TGT[i] = 1 if (0x21 <= i <= 0x7E or i >= 0x80) else 0
    for i in range(PyBytes_GET_SIZE(extra)):
        _TCHAR[e[i]] = 1


_init_tables()


cdef inline bint _only(const unsigned char* table, bytes b, bint nonempty):
    cdef const unsigned char* p = <const unsigned char*>PyBytes_AS_STRING(b)
    cdef Py_ssize_t n = PyBytes_GET_SIZE(b)
    cdef Py_ssize_t i
    if nonempty and n == 0:
        return False
    for i in range(n):
        if not table[p[i]]:
            return False
    return True


cdef inline char* _put(char* dst, bytes b):
    cdef Py_ssize_t n = PyBytes_GET_SIZE(b)
    memcpy(dst, PyBytes_AS_STRING(b), n)
    return dst + n


cdef inline tuple _pair(object item):
    # (name, value) from a 2-tuple without the generic unpacking machinery; anything else is
    # unpacked like the twin does (same exceptions).
    if type(item) is tuple and PyTuple_GET_SIZE(item) == 2:
        return <tuple>item
    name, value = item
    return (name, value)


def build_request(
    method,
    target,
    host_line,
    headers,
    Py_ssize_t content_length,
    body=None,
):
    """Return the serialised request head (followed by ``body`` when given); see the twin."""
    cdef Py_ssize_t total, i, cl_len = 0
    cdef char cl_buf[24]
    cdef char* p
    cdef unsigned long long v
    cdef tuple pair
    cdef bytes name, value, out
    cdef list pairs
    if type(method) is not bytes or type(target) is not bytes or type(host_line) is not bytes:
        raise TypeError("method, target and host_line must be bytes")
    if body is not None and type(body) is not bytes:
        raise TypeError("body must be bytes or None")
    if not _only(_TCHAR, <bytes>method, True):
        raise ValueError("invalid request method")
    if not _only(_TGT, <bytes>target, True):
        raise ValueError("invalid request target")
    # Pass 1 validates and sizes; the pairs it saw are kept in a private list so that pass 2
    # copies exactly what was measured (a custom sequence could answer differently twice).
    pairs = []
    total = PyBytes_GET_SIZE(method) + 1 + PyBytes_GET_SIZE(target) + PyBytes_GET_SIZE(host_line) + 2
    for item in headers:
        pair = _pair(item)
        if type(pair[0]) is not bytes or type(pair[1]) is not bytes:
            raise TypeError("header names and values must be bytes")
        name = <bytes>pair[0]
        value = <bytes>pair[1]
        if not _only(_TCHAR, name, True):
            raise ValueError(f"invalid header name {name[:64]!r}")
        if not _only(_VCHAR, value, False):
            raise ValueError(f"invalid byte in the value of header {name.decode('ascii')!r}")
        pairs.append(pair)
        total += PyBytes_GET_SIZE(name) + PyBytes_GET_SIZE(value) + 4
    if content_length >= 0:
        # Decimal digits, written backwards into the end of cl_buf.
        v = <unsigned long long>content_length
        i = 24
        while True:
            i -= 1
            cl_buf[i] = <char>(48 + v % 10)
            v //= 10
            if v == 0:
                break
        cl_len = 24 - i
        total += 16 + cl_len + 2  # "Content-Length: " n CRLF
    elif content_length == -2:
        total += 28  # "Transfer-Encoding: chunked" CRLF
    elif content_length != -1:
        raise ValueError("content_length must be >= 0, NO_FRAMING or CHUNKED")
    if body is not None:
        total += PyBytes_GET_SIZE(body)

    out = PyBytes_FromStringAndSize(NULL, total)
    p = PyBytes_AS_STRING(out)
    p = _put(p, <bytes>method)
    p[0] = b" "
    p += 1
    p = _put(p, <bytes>target)
    p = _put(p, <bytes>host_line)
    for pair in pairs:
        p = _put(p, <bytes>pair[0])
        p[0] = b":"
        p[1] = b" "
        p += 2
        p = _put(p, <bytes>pair[1])
        p[0] = b"\r"
        p[1] = b"\n"
        p += 2
    if content_length >= 0:
        memcpy(p, b"Content-Length: ", 16)
        p += 16
        memcpy(p, cl_buf + (24 - cl_len), cl_len)
        p += cl_len
        p[0] = b"\r"
        p[1] = b"\n"
        p += 2
    elif content_length == -2:
        memcpy(p, b"Transfer-Encoding: chunked\r\n", 28)
        p += 28
    p[0] = b"\r"
    p[1] = b"\n"
    p += 2
    if body is not None:
        p = _put(p, <bytes>body)
    return out


cdef inline Py_ssize_t _crlf(const unsigned char* b, Py_ssize_t i, Py_ssize_t n):
    # Offset of the first CRLF at or after i; one is known to exist before n (the head's end).
    cdef const unsigned char* hit
    while True:
        hit = <const unsigned char*>memchr(b + i + 1, 10, n - i - 1)
        i = hit - b
        if b[i - 1] == 13:
            return i - 1
        # a bare LF (impossible after llhttp, but the twin defines it): keep looking


cdef inline bint _ows(unsigned char c):
    return c == 32 or c == 9


cdef inline void _trim(const unsigned char* b, Py_ssize_t* vs, Py_ssize_t* ve) noexcept:
    """Narrow the field value ``b[vs:ve]`` to exclude leading and trailing OWS."""
    while vs[0] < ve[0] and _ows(b[vs[0]]):
        vs[0] += 1
    while ve[0] > vs[0] and _ows(b[ve[0] - 1]):
        ve[0] -= 1


def parse_response_head(buf, Py_ssize_t start=0):
    """Split the response head at ``buf[start:]`` into ``(reason, headers, end)``; see the twin."""
    cdef const unsigned char* b
    cdef const unsigned char* hit
    cdef Py_ssize_t n, i, end, line, eol, colon, vs, ve, k, sp
    cdef bytes reason, name, value
    cdef char* w
    cdef list headers
    if type(buf) is not bytes:
        raise TypeError("buf must be bytes")
    n = PyBytes_GET_SIZE(buf)
    if start < 0 or start > n:
        raise ValueError("start out of range")
    b = <const unsigned char*>PyBytes_AS_STRING(buf)
    # The end of the head: the first CRLFCRLF at or after start (memchr for each LF).
    end = -1
    i = start + 3
    while i < n:
        hit = <const unsigned char*>memchr(b + i, 10, n - i)
        if hit == NULL:
            break
        i = hit - b
        if b[i - 1] == 13 and b[i - 2] == 10 and b[i - 3] == 13:
            end = i - 3
            break
        i += 1
    if end < 0:
        raise ValueError("incomplete response head")
    # Status line: "HTTP/" ... SP status [SP reason]
    eol = _crlf(b, start, n)
    if eol - start < 5 or b[start] != 72 or b[start + 1] != 84 or b[start + 2] != 84 or b[start + 3] != 80 or b[start + 4] != 47:
        raise ValueError("not an HTTP response")
    sp = -1
    k = 0
    for i in range(start, eol):
        if b[i] == 32:
            k += 1
            if k == 2:
                sp = i
                break
    if sp < 0:
        reason = b""
    else:
        for i in range(sp + 1, eol):
            if not _VCHAR[b[i]]:
                raise ValueError("control character in the reason phrase")
        reason = PyBytes_FromStringAndSize(<const char*>b + sp + 1, eol - sp - 1)
    headers = []
    line = eol + 2
    while line < end + 2:
        eol = _crlf(b, line, n)
        colon = line
        while colon < eol and b[colon] != 58:
            colon += 1
        if colon == eol or colon == line:
            raise ValueError("field line without a name")
        name = PyBytes_FromStringAndSize(NULL, colon - line)
        w = PyBytes_AS_STRING(name)
        for i in range(colon - line):
            k = b[line + i]
            w[i] = <char>(k + 32 if 65 <= k <= 90 else k)
        vs = colon + 1
        ve = eol
        _trim(b, &vs, &ve)
        value = PyBytes_FromStringAndSize(<const char*>b + vs, ve - vs)
        headers.append((name, value))
        line = eol + 2
    return reason, headers, end + 4


cdef inline bint _digit(unsigned char c):
    return 48 <= c <= 57


cdef inline bint _is(const char* name, Py_ssize_t n, const char* lit, Py_ssize_t m):
    return n == m and memcmp(name, lit, m) == 0


def parse_simple_response(buf):
    """``(status, reason, headers, end)`` when ``buf`` is exactly one complete simple response, else
    None; see the twin."""
    cdef const unsigned char* b
    cdef Py_ssize_t n, pos, i, colon, vs, ve, nlen
    cdef int status
    cdef long long length = -1
    cdef bytes name, value
    cdef char* w
    cdef unsigned char c
    cdef list headers
    if type(buf) is not bytes:
        raise TypeError("buf must be bytes")
    n = PyBytes_GET_SIZE(buf)
    b = <const unsigned char*>PyBytes_AS_STRING(buf)
    # Status line: "HTTP/1.1" SP 3DIGIT (2xx-5xx) SP reason (SP / VCHAR) CRLF
    if n < 15 or memcmp(b, b"HTTP/1.1 ", 9) != 0:
        return None
    if not (50 <= b[9] <= 53 and _digit(b[10]) and _digit(b[11]) and b[12] == 32):
        return None
    status = (b[9] - 48) * 100 + (b[10] - 48) * 10 + (b[11] - 48)
    if status == 204 or status == 304:
        return None
    i = 13
    while i < n and 0x20 <= b[i] <= 0x7E:
        i += 1
    if i + 1 >= n or b[i] != 13 or b[i + 1] != 10:
        return None
    reason = PyBytes_FromStringAndSize(<const char*>b + 13, i - 13)
    pos = i + 2
    headers = []
    while True:
        if pos + 1 >= n:
            return None
        if b[pos] == 13 and b[pos + 1] == 10:
            pos += 2
            break
        # token ":" *( HTAB / SP / VCHAR ) CRLF
        colon = pos
        while colon < n and _TCHAR[b[colon]]:
            colon += 1
        if colon == pos or colon >= n or b[colon] != 58:
            return None
        i = colon + 1
        while i < n and (b[i] == 9 or 0x20 <= b[i] <= 0x7E):
            i += 1
        if i + 1 >= n or b[i] != 13 or b[i + 1] != 10:
            return None
        nlen = colon - pos
        name = PyBytes_FromStringAndSize(NULL, nlen)
        w = PyBytes_AS_STRING(name)
        for vs in range(nlen):
            c = b[pos + vs]
            w[vs] = <char>(c + 32 if 65 <= c <= 90 else c)
        if (_is(w, nlen, b"transfer-encoding", 17) or _is(w, nlen, b"connection", 10)
                or _is(w, nlen, b"proxy-connection", 16) or _is(w, nlen, b"upgrade", 7)):
            return None
        vs = colon + 1
        ve = i
        _trim(b, &vs, &ve)
        if _is(w, nlen, b"content-length", 14):
            if length >= 0 or ve - vs < 1 or ve - vs > 15:
                return None
            length = 0
            for colon in range(vs, ve):
                if not _digit(b[colon]):
                    return None
                length = length * 10 + (b[colon] - 48)
        value = PyBytes_FromStringAndSize(<const char*>b + vs, ve - vs)
        headers.append((name, value))
        pos = i + 2
    if length < 0 or n - pos != length:
        return None
    return status, reason, headers, pos


# ---------------------------------------------------------------------------- chunked bodies

cdef extern from "Python.h":
    int _PyBytes_Resize(PyObject** s, Py_ssize_t n) except -1

cdef signed char _HEX[256]


cdef void _init_hex():
    cdef int i
    for i in range(256):
        _HEX[i] = -1
    for i in range(10):
        _HEX[48 + i] = i
    for i in range(6):
        _HEX[65 + i] = 10 + i
        _HEX[97 + i] = 10 + i


_init_hex()

# Longest chunk-size this decoder takes (15 hex digits < 2**60); longer ones go to llhttp.
DECHUNK_MAX_DIGITS = 15


def dechunk(data, Py_ssize_t state):
    """``(body, state, stop, code)``: decode the plain shape of a chunked body; see the twin."""
    cdef const unsigned char* b
    cdef Py_ssize_t n, pos = 0, line, k, size, take, first_a = -1, first_b = -1, filled = 0
    cdef int code = 0
    cdef signed char h
    cdef object out = None
    cdef PyObject* op
    cdef char* w = NULL
    if type(data) is not bytes:
        raise TypeError("data must be bytes")
    if state < -2:
        raise ValueError("bad dechunk state")
    n = PyBytes_GET_SIZE(data)
    b = <const unsigned char*>PyBytes_AS_STRING(data)
    while pos < n:
        if state > 0:
            take = n - pos
            if take > state:
                take = state
            # One span of chunk data: the first is only remembered (sliced at the end, or the
            # input itself), from the second on they are copied into one buffer.
            if first_a < 0:
                first_a = pos
                first_b = pos + take
            else:
                if out is None:
                    out = PyBytes_FromStringAndSize(NULL, n)
                    w = PyBytes_AS_STRING(out)
                    memcpy(w, b + first_a, first_b - first_a)
                    filled = first_b - first_a
                memcpy(w + filled, b + pos, take)
                filled += take
            pos += take
            state -= take
            if state == 0:
                state = -1
        elif state == -1:
            if b[pos] != 13:
                code = 3
                break
            pos += 1
            state = -2
        elif state == -2:
            if b[pos] != 10:
                code = 3
                break
            pos += 1
            state = 0
        else:
            # A chunk-size line: 1-15 HEXDIG CRLF (no extension), and after a last chunk of
            # size 0 an empty trailer section (CRLF). Taken only when complete.
            line = pos
            size = 0
            k = pos
            while k < n:
                h = _HEX[b[k]]
                if h < 0:
                    break
                size = size * 16 + h
                k += 1
            if k - line > DECHUNK_MAX_DIGITS:
                code = 3
                break
            if k == n:
                code = 1
                break
            if k == line or b[k] != 13:
                code = 3
                break
            if k + 1 == n:
                code = 1
                break
            if b[k + 1] != 10:
                code = 3
                break
            k += 2
            if size == 0:
                if k == n or (k + 1 == n and b[k] == 13):
                    code = 1
                    break
                if b[k] != 13 or b[k + 1] != 10:
                    code = 3  # trailer fields (or junk): llhttp's to judge
                    break
                pos = k + 2
                code = 2
                break
            pos = k
            state = size
    if out is not None:
        # Shrink the buffer in place: its only reference must be op's.
        op = <PyObject*>out
        Py_INCREF(out)
        out = None
        _PyBytes_Resize(&op, filled)  # on failure op is freed and MemoryError raised
        body = <object>op
        Py_DECREF(body)
    elif first_a < 0:
        body = b""
    elif first_a == 0 and first_b == n:
        body = data
    else:
        body = PyBytes_FromStringAndSize(<const char*>b + first_a, first_b - first_a)
    return body, state, pos, code


# ---------------------------------------------------------------------------- chunked writes

cdef const char* _HEXDIGITS = b"0123456789abcdef"


def chunk_frame(bytes data not None):
    """``b"%x\\r\\n%b\\r\\n" % (len(data), data)``: one chunk of a chunked body, in one exact-size
    allocation (bytes formatting parses its format string per call)."""
    cdef Py_ssize_t n = PyBytes_GET_SIZE(data), m = n, digits = 1
    while m >= 16:
        m >>= 4
        digits += 1
    out = PyBytes_FromStringAndSize(NULL, digits + 2 + n + 2)
    cdef char* p = PyBytes_AS_STRING(out)
    cdef Py_ssize_t i
    m = n
    for i in range(digits - 1, -1, -1):
        p[i] = _HEXDIGITS[m & 15]
        m >>= 4
    p[digits] = 13
    p[digits + 1] = 10
    memcpy(p + digits + 2, PyBytes_AS_STRING(data), n)
    p[digits + 2 + n] = 13
    p[digits + 3 + n] = 10
    return out
