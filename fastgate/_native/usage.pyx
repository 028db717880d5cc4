# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Usage kernel, compiled. The specification is ``usage_py.py`` (same functions, same results):
here the plain ``"usage"`` object is scanned byte by byte in C instead of matched by the twin's
regular expressions, and no Python object is made but the answer."""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_Check, PyBytes_GET_SIZE
from cpython.object cimport PyTypeObject
from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_SET_ITEM
from cpython.type cimport PyType_IsSubtype
from cpython.float cimport PyFloat_AS_DOUBLE, PyFloat_CheckExact
from libc.math cimport fabs, isfinite, nearbyint
from libc.stdint cimport int64_t, uint8_t
from libc.string cimport memchr, memcmp

cdef extern from *:
    # Declared with its real parameter type (Cython's cpython.type declares ``object``).
    object fg_generic_alloc "PyType_GenericAlloc"(PyTypeObject* t, Py_ssize_t nitems)

__all__ = ["body_usage", "round10"]

cdef enum:
    # the counts read, by key (K_OTHER: a key nothing reads)
    K_PROMPT = 0
    K_COMPLETION = 1
    K_INPUT = 2
    K_OUTPUT = 3
    K_CACHE_READ = 4
    K_CACHE_CREATION = 5
    N_COUNTS = 6
    K_DETAILS = 6       # prompt_tokens_details
    K_CACHED = 7        # cached_tokens (read inside prompt_tokens_details)
    K_OTHER = 8
    # value kinds
    V_INT = 0
    V_STR = 1
    V_NULL = 2
    V_OBJECT = 3
    MAX_DIGITS = 18


cdef inline bint _pre_ws(uint8_t c) noexcept nogil:
    # what \s matches in a bytes pattern
    return c == 0x20 or 0x09 <= c <= 0x0D


cdef inline Py_ssize_t _ws(const uint8_t* p, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    # JSON white space
    while i < n and (p[i] == 0x20 or p[i] == 0x0A or p[i] == 0x0D or p[i] == 0x09):
        i += 1
    return i


cdef inline Py_ssize_t _string(const uint8_t* p, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    """At an opening quote: the index after the closing one, or -1 (an escape, a byte outside
    printable ASCII, no closing quote)."""
    cdef uint8_t c
    i += 1
    while i < n:
        c = p[i]
        if c == 0x22:
            return i + 1
        if c < 0x20 or c > 0x7E or c == 0x5C:
            return -1
        i += 1
    return -1


cdef inline Py_ssize_t _int(const uint8_t* p, Py_ssize_t n, Py_ssize_t i, int64_t* out) noexcept nogil:
    """``-?(0|[1-9][0-9]{0,17})`` not followed by another digit: the index after it, or -1."""
    cdef bint neg = False
    cdef int64_t v = 0
    cdef Py_ssize_t start
    if i < n and p[i] == 0x2D:
        neg = True
        i += 1
    start = i
    while i < n and 0x30 <= p[i] <= 0x39:
        v = v * 10 + (p[i] - 0x30)
        i += 1
        if i - start > MAX_DIGITS:
            return -1
    if i == start or (p[start] == 0x30 and i - start > 1):
        return -1
    out[0] = -v if neg else v
    return i


cdef inline Py_ssize_t _scalar(const uint8_t* p, Py_ssize_t n, Py_ssize_t i, int* kind,
                               int64_t* out) noexcept nogil:
    """An integer, ``null`` or a plain string at ``i``: the index after it, or -1."""
    if i >= n:
        return -1
    if p[i] == 0x22:
        kind[0] = V_STR
        return _string(p, n, i)
    if p[i] == 0x6E:
        kind[0] = V_NULL
        if i + 4 <= n and memcmp(p + i, b"null", 4) == 0:
            return i + 4
        return -1
    kind[0] = V_INT
    return _int(p, n, i, out)


cdef inline int _key(const uint8_t* k, Py_ssize_t n) noexcept nogil:
    """Which count a key (its bytes between the quotes) names."""
    if n == 13:
        if memcmp(k, b"prompt_tokens", 13) == 0:
            return K_PROMPT
        if memcmp(k, b"cached_tokens", 13) == 0:
            return K_CACHED
        if memcmp(k, b"output_tokens", 13) == 0:
            return K_OUTPUT
    elif n == 17:
        if memcmp(k, b"completion_tokens", 17) == 0:
            return K_COMPLETION
    elif n == 12:
        if memcmp(k, b"input_tokens", 12) == 0:
            return K_INPUT
    elif n == 23:
        if memcmp(k, b"cache_read_input_tokens", 23) == 0:
            return K_CACHE_READ
    elif n == 27:
        if memcmp(k, b"cache_creation_input_tokens", 27) == 0:
            return K_CACHE_CREATION
    elif n == 21:
        if memcmp(k, b"prompt_tokens_details", 21) == 0:
            return K_DETAILS
    return K_OTHER


cdef Py_ssize_t _object(const uint8_t* p, Py_ssize_t n, Py_ssize_t i, bint top, int64_t* counts,
                        bint* seen, int64_t* cached) noexcept nogil:
    """The plain object at ``i`` (an opening brace): the index after it, or -1. Top level:
    records the counts (``counts``/``seen``) and ``cached``; nested (``top`` false, only called
    for values of prompt_tokens_details when ``cached`` is not NULL): records cached_tokens."""
    cdef Py_ssize_t k0, k1
    cdef int key, kind
    cdef int64_t v = 0
    i = _ws(p, n, i + 1)
    if i < n and p[i] == 0x7D:
        return i + 1
    while True:
        if i >= n or p[i] != 0x22:
            return -1
        k0 = i + 1
        i = _string(p, n, i)
        if i < 0:
            return -1
        k1 = i - 1
        i = _ws(p, n, i)
        if i >= n or p[i] != 0x3A:
            return -1
        i = _ws(p, n, i + 1)
        key = _key(p + k0, k1 - k0)
        if top and i < n and p[i] == 0x7B:
            if key < N_COUNTS:
                return -1  # a count that is an object
            if key == K_DETAILS:
                cached[0] = 0
                i = _object(p, n, i, False, NULL, NULL, cached)
            else:
                i = _object(p, n, i, False, NULL, NULL, NULL)
            if i < 0:
                return -1
        else:
            i = _scalar(p, n, i, &kind, &v)
            if i < 0:
                return -1
            if top:
                if key < N_COUNTS:
                    if kind != V_INT:
                        return -1
                    counts[key] = v
                    seen[key] = True
                elif key == K_DETAILS:
                    cached[0] = 0  # not an object: no cached count
            elif cached != NULL and key == K_CACHED:
                if kind != V_INT:
                    return -1
                cached[0] = v
        i = _ws(p, n, i)
        if i >= n:
            return -1
        if p[i] == 0x7D:
            return i + 1
        if p[i] != 0x2C:
            return -1
        i = _ws(p, n, i + 1)


cdef object _record(type cls, int64_t a, int64_t b, int64_t c):
    """``cls((a, b, c))`` for a tuple subclass ``cls``, built the way ``tuple.__new__`` builds it
    (tp_alloc, then the items) without an argument tuple or a Python-level call."""
    cdef object r = fg_generic_alloc(<PyTypeObject*>cls, 3)
    cdef object v = a
    Py_INCREF(v)
    PyTuple_SET_ITEM(r, 0, v)
    v = b
    Py_INCREF(v)
    PyTuple_SET_ITEM(r, 1, v)
    v = c
    Py_INCREF(v)
    PyTuple_SET_ITEM(r, 2, v)
    return r


def body_usage(data, type record=tuple):
    """``record((prompt, completion, cached))`` from the last ``"usage"`` object of ``data`` when
    it is plain, else ``None``; see ``usage_py.body_usage``."""
    cdef bytes b = data if PyBytes_Check(data) else bytes(data)
    cdef const uint8_t* p = <const uint8_t*>PyBytes_AS_STRING(b)
    cdef Py_ssize_t n = PyBytes_GET_SIZE(b)
    cdef Py_ssize_t i = n - 7, j
    cdef int64_t counts[N_COUNTS]
    cdef bint seen[N_COUNTS]
    cdef int64_t cached = 0
    cdef int k
    if not PyType_IsSubtype(record, tuple):
        raise TypeError("record must be a tuple subclass (e.g. a NamedTuple of 3 fields)")
    while i >= 0:  # rfind(b'"usage"')
        if p[i] == 0x22 and memcmp(p + i, b'"usage"', 7) == 0:
            break
        i -= 1
    if i <= 0 or p[i - 1] == 0x5C:
        return None
    j = i + 7
    while j < n and _pre_ws(p[j]):
        j += 1
    if j >= n or p[j] != 0x3A:
        return None
    j += 1
    while j < n and _pre_ws(p[j]):
        j += 1
    if j >= n or p[j] != 0x7B:
        return None
    for k in range(N_COUNTS):
        counts[k] = 0
        seen[k] = False
    if _object(p, n, j, True, counts, seen, &cached) < 0:
        return None
    if seen[K_INPUT] or seen[K_OUTPUT]:
        return _record(record, counts[K_INPUT] + counts[K_CACHE_READ] + counts[K_CACHE_CREATION],
                       counts[K_OUTPUT], counts[K_CACHE_READ])
    return _record(record, counts[K_PROMPT], counts[K_COMPLETION], cached)


def stream_usage_at(data):
    """The index of the first ``"usage"`` not followed by ``\\s* : \\s* null``, -1 if none, -2 if
    ``data`` holds ``\\u``; see ``usage_py.stream_usage_at``. memchr from quote to quote (and from
    backslash to backslash) instead of a regex's byte-by-byte search."""
    if not PyBytes_Check(data):
        raise TypeError("data must be bytes")
    cdef const uint8_t* p = <const uint8_t*>PyBytes_AS_STRING(data)
    cdef Py_ssize_t n = PyBytes_GET_SIZE(data)
    cdef const uint8_t* q
    cdef Py_ssize_t i = 0, j, k
    while i < n:  # b"\\u" in data
        q = <const uint8_t*>memchr(p + i, 0x5C, n - i)
        if q == NULL:
            break
        j = q - p
        if j + 1 < n and p[j + 1] == 0x75:
            return -2
        i = j + 1
    i = 0
    while i < n:
        q = <const uint8_t*>memchr(p + i, 0x22, n - i)
        if q == NULL:
            break
        j = q - p
        i = j + 1
        if n - j < 7 or memcmp(q + 1, b'usage"', 6) != 0:
            continue
        k = j + 7
        while k < n and _pre_ws(p[k]):
            k += 1
        if k < n and p[k] == 0x3A:
            k += 1
            while k < n and _pre_ws(p[k]):
                k += 1
            if n - k >= 4 and memcmp(p + k, b"null", 4) == 0:
                continue
        return j
    return -1


def round10(x):
    """``round(x, 10)``; see ``usage_py.round10``.

    Python rounds the exact binary value of ``x`` to 10 decimals (half to even) and converts the
    decimal back, correctly rounded. For 0 < y = x * 1e10 < 2**52, that decimal is N * 1e-10 with
    N the integer nearest the exact x * 10**10, and N / 1e10 (1e10 and N exact, the division
    correctly rounded) is the same double. y differs from the exact product by at most half an
    ulp (|y| * 2**-53), so when y is farther than that from a half-integer, N = nearbyint(y).
    Otherwise (a near tie, zero, negative, huge, not a float) Python's round decides.
    """
    cdef double d, y, r
    if PyFloat_CheckExact(x):
        d = PyFloat_AS_DOUBLE(x)
        y = d * 1e10
        if isfinite(y) and 0.0 < y < 4503599627370496.0:  # 2**52
            r = nearbyint(y)
            if fabs(fabs(y - r) - 0.5) > y * 2.2e-16 + 1e-300:  # (> 2**-52 * y: twice the error bound)
                return r / 1e10
    return round(x, 10)
