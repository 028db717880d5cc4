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
from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_SET_ITEM
from cpython.object cimport PyTypeObject
from libc.stdint cimport int64_t

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
