# cython: language_level=3
"""Internal C-level contract of the GCRA kernel (DESIGN practice 4: ``.pxd`` is the internal face).

The arithmetic lives here as ``cdef inline`` functions so that ``shmtable.pyx`` can run the very
same GCRA step while it holds a slot lock, without a Python call and without a run-time import of
the compiled ``gcra`` module. ``gcra_py.py`` is the readable specification of every function below;
``tests/native/test_gcra_kernel.py`` checks the two against each other.

Representation (see ``gcra_py.py`` for the long version): a limit of N units per window W ns is
run on a lattice of ticks of exactly W / (N*K) ns, K = W // N, so one unit costs K ticks and a
window holds Q = N*K ticks. Stored state is the TAT in integer ns; ticks(t) = floor(t*Q/W) and
tick_time(j) = ceil(j*W/Q), which round-trip exactly because Q <= W. Products need 128 bits.
"""

cimport cython
from cpython.list cimport PyList_GET_ITEM, PyList_GET_SIZE, PyList_New, PyList_SET_ITEM
from cpython.long cimport PyLong_AsLongLongAndOverflow, PyLong_CheckExact
from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_GET_ITEM, PyTuple_GET_SIZE, PyTuple_New, PyTuple_SET_ITEM
from cpython.object cimport PyTypeObject
from cpython.unicode cimport PyUnicode_DATA, PyUnicode_New
from libc.math cimport ceil
from libc.stdint cimport int64_t
from libc.string cimport memcpy

cdef extern from *:
    """
    typedef __int128 fg_i128;
    #define FG_TMAX ((int64_t)1 << 62)
    #define FG_WMAX ((int64_t)1 << 60)
    """
    # Cython only needs to know it is an integer type; the C compiler sees __int128.
    ctypedef long long fg_i128
    int64_t FG_TMAX
    int64_t FG_WMAX
    # Declared here with its real parameter type (Cython's cpython.type declares ``object``).
    object fg_generic_alloc "PyType_GenericAlloc"(PyTypeObject* t, Py_ssize_t nitems)

cdef struct GcraResult:
    bint allowed
    int64_t new_tat
    int64_t remaining
    int64_t reset_after
    int64_t retry_after
    int64_t base      # state (in ticks) before the charge, for reserve_many
    int64_t cap       # j_now + Q


cdef inline int gcra_check(int64_t limit, int64_t window) noexcept nogil:
    """0 when (limit, window) is a valid limit, else -1 (caller raises ValueError)."""
    if limit < 1 or window < limit or window > FG_WMAX:
        return -1
    return 0


@cython.cdivision(True)
cdef inline int64_t gcra_ticks(int64_t t, int64_t q, int64_t w) noexcept nogil:
    # floor(t * Q / W) for t >= 0; Q == W is the common "N divides W" case: the lattice is 1 ns.
    if q == w:
        return t
    return <int64_t>((<fg_i128>t * q) / w)


@cython.cdivision(True)
cdef inline int64_t gcra_tick_time(int64_t j, int64_t q, int64_t w) noexcept nogil:
    # ceil(j * W / Q) for j >= 0, saturated to FG_TMAX.
    cdef fg_i128 r
    if j <= 0:
        return 0
    if q == w:
        r = j
    else:
        r = (<fg_i128>j * w + (q - 1)) / q
    if r > FG_TMAX:
        return FG_TMAX
    return <int64_t>r


cdef inline int64_t gcra_clamp_t(int64_t t) noexcept nogil:
    if t < 0:
        return 0
    if t > FG_TMAX:
        return FG_TMAX
    return t


@cython.cdivision(True)
cdef inline void gcra_reserve(int64_t tat, int64_t now, int64_t cost, int64_t limit,
                              int64_t window, GcraResult* out) noexcept nogil:
    """One GCRA decision. Preconditions (checked by callers): gcra_check()==0, 0<=now<=FG_TMAX,
    cost >= 0. Mirrors gcra_py.reserve exactly."""
    cdef int64_t k = window // limit
    cdef int64_t q = limit * k
    cdef int64_t j_now = gcra_ticks(now, q, window)
    cdef int64_t j_tat = gcra_ticks(gcra_clamp_t(tat), q, window)
    cdef int64_t base = j_tat if j_tat > j_now else j_now
    cdef int64_t cap = j_now + q
    cdef int64_t state, new_j, t
    out.base = base
    out.cap = cap
    if cost > limit:
        # Larger than the whole burst: never admissible (redis-cell case 0), retry -1.
        out.allowed = False
        out.retry_after = -1
        state = base
    else:
        new_j = base + cost * k
        if new_j <= cap:
            out.allowed = True
            out.retry_after = -1
            state = new_j
        else:
            out.allowed = False
            out.retry_after = gcra_tick_time(new_j - q, q, window) - now
            state = base
    if out.allowed and cost > 0:
        out.new_tat = gcra_tick_time(state, q, window)
    else:
        out.new_tat = tat          # a denial or a peek leaves the state untouched
    out.remaining = (cap - state) // k if state < cap else 0
    t = gcra_tick_time(state, q, window) - now
    out.reset_after = t if t > 0 else 0


@cython.cdivision(True)
cdef inline int64_t gcra_settle(int64_t tat, int64_t now, int64_t delta, int64_t limit,
                                int64_t window) noexcept nogil:
    """Charge (delta > 0, no admission check: usage that already happened) or refund (delta < 0,
    never below now). Same preconditions as gcra_reserve. Mirrors gcra_py.settle."""
    cdef int64_t k = window // limit
    cdef int64_t q = limit * k
    cdef int64_t j_now = gcra_ticks(now, q, window)
    cdef int64_t j_tat = gcra_ticks(gcra_clamp_t(tat), q, window)
    cdef fg_i128 new_j
    cdef int64_t t
    if delta == 0:
        return tat
    if delta > 0:
        new_j = <fg_i128>(j_tat if j_tat > j_now else j_now) + <fg_i128>delta * k
        if new_j > FG_TMAX:
            return FG_TMAX
        return gcra_tick_time(<int64_t>new_j, q, window)
    new_j = <fg_i128>j_tat + <fg_i128>delta * k
    if new_j <= j_now:
        return now
    t = gcra_tick_time(<int64_t>new_j, q, window)
    return t if t > now else now


cdef inline object fg_record(type cls, object key, int64_t limit, int64_t remaining,
                             double reset_s, double retry_s):
    """``cls((key, limit, remaining, reset_s, retry_s))`` for a tuple subclass ``cls`` (checked
    by the caller), built the way ``tuple.__new__`` builds it (tp_alloc, then the items) but
    without the argument tuple and the Python-level call: per-limit records are most of a
    backend's own cost per request otherwise."""
    cdef object r = fg_generic_alloc(<PyTypeObject*>cls, 5)
    cdef object v
    Py_INCREF(key)
    PyTuple_SET_ITEM(r, 0, key)      # steals the reference taken just above
    v = limit
    Py_INCREF(v)
    PyTuple_SET_ITEM(r, 1, v)
    v = remaining
    Py_INCREF(v)
    PyTuple_SET_ITEM(r, 2, v)
    v = reset_s
    Py_INCREF(v)
    PyTuple_SET_ITEM(r, 3, v)
    v = retry_s
    Py_INCREF(v)
    PyTuple_SET_ITEM(r, 4, v)
    return r


# --- reporting (gcra_py.duration / gcra_py.report) -----------------------------------------------


cdef inline Py_ssize_t fg_digits(char* out, int64_t v) noexcept:
    """``str(v)`` for v >= 0 into ``out`` (20 bytes): its length."""
    cdef char tmp[20]
    cdef Py_ssize_t n = 20
    while True:
        n -= 1
        tmp[n] = <char>(48 + v % 10)
        v //= 10
        if v == 0:
            break
    memcpy(out, tmp + n, 20 - n)
    return 20 - n


cdef inline object fg_ascii(const char* s, Py_ssize_t n):
    """A new str of the ``n`` ASCII bytes at ``s`` (no decoding pass)."""
    cdef object u = PyUnicode_New(n, 127)
    memcpy(PyUnicode_DATA(u), s, n)
    return u


cdef inline object fg_int_str(int64_t v):
    """``str(v)`` for any int64 but the smallest."""
    cdef char buf[24]
    cdef Py_ssize_t n = 0
    if v < 0:
        buf[0] = 45  # -
        n = 1
        v = -v
    n += fg_digits(buf + n, v)
    return fg_ascii(buf, n)


cdef inline object fg_duration(double seconds):
    """gcra_py.duration for a finite float below 2**62 s."""
    cdef char buf[64]
    cdef Py_ssize_t n
    cdef int64_t c, h, m, sec
    if seconds <= 0:
        return "0s"
    if seconds < 1:
        if seconds <= 0.001:
            return "1ms"
        n = fg_digits(buf, <int64_t>ceil(seconds * 1000))
        buf[n] = 109  # m
        buf[n + 1] = 115  # s
        return fg_ascii(buf, n + 2)
    c = <int64_t>ceil(seconds)
    h = c // 3600
    m = (c % 3600) // 60
    sec = c % 60
    n = 0
    if h:
        n = fg_digits(buf, h)
        buf[n] = 104  # h
        n += 1
    if h or m:
        n += fg_digits(buf + n, m)
        buf[n] = 109  # m
        n += 1
    n += fg_digits(buf + n, sec)
    buf[n] = 115  # s
    return fg_ascii(buf, n + 1)


cdef inline void fg_put_pair(list out, Py_ssize_t j, object label, object value):
    """``out[j] = (label, value)`` into a new list's empty slot."""
    cdef object t = PyTuple_New(2)
    Py_INCREF(label)
    PyTuple_SET_ITEM(t, 0, label)
    Py_INCREF(value)
    PyTuple_SET_ITEM(t, 1, value)
    Py_INCREF(t)
    PyList_SET_ITEM(out, j, t)


cdef inline int fg_report_check(list kinds, tuple labels, Py_ssize_t n) except -1:
    """The argument checks of a fused report (see ``fg_report``): before anything is charged."""
    cdef Py_ssize_t i
    for i in range(min(n, PyList_GET_SIZE(kinds))):
        if not PyLong_CheckExact(<object>PyList_GET_ITEM(kinds, i)):
            raise TypeError("kinds must be ints")
    if PyTuple_GET_SIZE(labels) < 6:
        raise ValueError("six labels: limit, remaining, reset of kinds 0 and 1")
    return 0


cdef inline object fg_report(Py_ssize_t n, const int64_t* limits, const GcraResult* res, list kinds,
                             tuple labels):
    """gcra_py.report of the records an admitted decision would make from ``limits`` and ``res``
    (limit, remaining, reset_after / 1e9), without making them. ``fg_report_check`` passed."""
    cdef Py_ssize_t m = min(n, PyList_GET_SIZE(kinds)), i, j = 0
    cdef Py_ssize_t best[2]
    cdef long long k
    cdef int overflow
    cdef list out
    best[0] = -1
    best[1] = -1
    for i in range(m):
        k = PyLong_AsLongLongAndOverflow(<object>PyList_GET_ITEM(kinds, i), &overflow)
        if overflow or (k != 0 and k != 1):
            continue
        if best[k] < 0 or res[i].remaining < res[best[k]].remaining:
            best[k] = i
    out = PyList_New(3 * ((best[0] >= 0) + (best[1] >= 0)))
    for k in range(2):
        i = best[k]
        if i < 0:
            continue
        fg_put_pair(out, j, <object>PyTuple_GET_ITEM(labels, 3 * k), fg_int_str(limits[i]))
        fg_put_pair(out, j + 1, <object>PyTuple_GET_ITEM(labels, 3 * k + 1), fg_int_str(res[i].remaining))
        fg_put_pair(out, j + 2, <object>PyTuple_GET_ITEM(labels, 3 * k + 2), fg_duration(res[i].reset_after / 1e9))
        j += 3
    return out
