# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""GCRA kernel, compiled. The specification is ``gcra_py.py`` (same functions, same results);
the arithmetic itself is in ``gcra.pxd`` so that the shared-memory table can inline it."""

from cpython.dict cimport PyDict_GetItem, PyDict_SetItem
from cpython.float cimport PyFloat_AS_DOUBLE, PyFloat_CheckExact
from cpython.list cimport PyList_GET_ITEM, PyList_GET_SIZE, PyList_New, PyList_SET_ITEM
from cpython.long cimport PyLong_AsLongLongAndOverflow, PyLong_CheckExact
from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.ref cimport Py_INCREF, PyObject
from cpython.tuple cimport PyTuple_GET_ITEM, PyTuple_GET_SIZE
from libc.math cimport isfinite
from libc.limits cimport LLONG_MIN
from libc.stdint cimport int64_t

from fastgate._native import gcra_py as _twin

cdef enum:
    MAX_ITEMS_C = 16

TMAX = FG_TMAX
WMAX = FG_WMAX
MAX_ITEMS = MAX_ITEMS_C

__all__ = ["MAX_ITEMS", "TMAX", "WMAX", "decide", "duration", "records", "refund", "report", "reserve", "reserve_many",
           "settle"]



cdef inline int _check(int64_t now, int64_t limit, int64_t window) except -1:
    if gcra_check(limit, window) != 0:
        raise ValueError(
            f"invalid limit {limit} per {window} ns: need 1 <= limit <= window_ns <= 2**60 "
            "(at most one unit per nanosecond)"
        )
    if now < 0 or now > FG_TMAX:
        raise ValueError("now must be a non-negative ns timestamp <= 2**62")
    return 0


def reserve(int64_t tat, int64_t now, int64_t cost, int64_t limit, int64_t window_ns):
    """Try to admit ``cost`` units at ``now``; see ``gcra_py.reserve``.

    Returns ``(allowed, new_tat, remaining, reset_after_ns, retry_after_ns)``.
    """
    cdef GcraResult r
    _check(now, limit, window_ns)
    if cost < 0:
        raise ValueError("cost must be >= 0 (use refund/settle to give units back)")
    gcra_reserve(tat, now, cost, limit, window_ns, &r)
    return (r.allowed, r.new_tat, r.remaining, r.reset_after, r.retry_after)


def settle(int64_t tat, int64_t now, int64_t delta, int64_t limit, int64_t window_ns):
    """Charge (delta > 0) or refund (delta < 0, never below now); see ``gcra_py.settle``."""
    _check(now, limit, window_ns)
    return gcra_settle(tat, now, delta, limit, window_ns)


def refund(int64_t tat, int64_t now, int64_t cost, int64_t limit, int64_t window_ns):
    """Give ``cost`` (>= 0) units back; the new TAT never goes below ``now``."""
    if cost < 0:
        raise ValueError("refund cost must be >= 0")
    _check(now, limit, window_ns)
    return gcra_settle(tat, now, -cost, limit, window_ns)


def reserve_many(list states, int64_t now, list costs, list limits, list windows):
    """All-or-nothing reserve over several limits; see ``gcra_py.reserve_many``.

    Returns ``(allowed, new_states, remaining, reset_after_ns, retry_after_ns)``.
    """
    cdef Py_ssize_t n = len(states), i
    cdef GcraResult* rs
    cdef int64_t* tats
    cdef int64_t* cs
    cdef int64_t* ls
    cdef int64_t* ws
    cdef bint ok = True
    cdef GcraResult peek
    if len(costs) != n or len(limits) != n or len(windows) != n:
        raise ValueError("states, costs, limits and windows must have the same length")
    rs = <GcraResult*>PyMem_Malloc(sizeof(GcraResult) * n + 4 * sizeof(int64_t) * n + 1)
    if rs == NULL:
        raise MemoryError()
    tats = <int64_t*>(rs + n)
    cs = tats + n
    ls = cs + n
    ws = ls + n
    try:
        # Convert and validate everything first, in the twin's order (state, cost, limit...).
        for i in range(n):
            tats[i] = states[i]
            cs[i] = costs[i]
            ls[i] = limits[i]
            ws[i] = windows[i]
            _check(now, ls[i], ws[i])
            if cs[i] < 0:
                raise ValueError("cost must be >= 0 (use refund/settle to give units back)")
        for i in range(n):
            gcra_reserve(tats[i], now, cs[i], ls[i], ws[i], &rs[i])
            ok = ok and rs[i].allowed
        if ok:
            return (
                True,
                [rs[i].new_tat for i in range(n)],
                [rs[i].remaining for i in range(n)],
                [rs[i].reset_after for i in range(n)],
                [rs[i].retry_after for i in range(n)],
            )
        for i in range(n):
            if rs[i].allowed:
                gcra_reserve(tats[i], now, 0, ls[i], ws[i], &peek)
                rs[i].remaining = peek.remaining
                rs[i].reset_after = peek.reset_after
                rs[i].retry_after = 0
        return (
            False,
            list(states),
            [rs[i].remaining for i in range(n)],
            [rs[i].reset_after for i in range(n)],
            [rs[i].retry_after for i in range(n)],
        )
    finally:
        PyMem_Free(rs)


cdef int _check_record(type record) except -1:
    if not issubclass(record, tuple):
        raise TypeError("record must be a tuple subclass (e.g. a NamedTuple of 5 fields)")
    return 0


def records(bint ok, list items, list remaining, list reset, list retry, type record):
    """Shape ``reserve_many`` results as a decision; see ``gcra_py.records``."""
    cdef Py_ssize_t n = len(items), i
    cdef list out = []
    cdef bint never = False
    cdef int64_t wait = 0, w
    cdef tuple item
    _check_record(record)
    if len(remaining) != n or len(reset) != n or len(retry) != n:
        raise ValueError("zip() argument lengths differ")
    for i in range(n):
        item = <tuple?>items[i]
        if ok:
            out.append(fg_record(record, item[0], item[2], remaining[i], <int64_t>reset[i] / 1e9, 0.0))
        else:
            w = retry[i]
            if w < 0:
                never = True
            elif w > wait:
                wait = w
            out.append(fg_record(record, item[0], item[2], remaining[i], <int64_t>reset[i] / 1e9,
                                 -1.0 if w < 0 else w / 1e9))
    if ok:
        return 0.0, out
    return (-1.0 if never else wait / 1e9), out


def decide(dict states, list items, int64_t now, type record):
    """All-or-nothing reserve against a dict of TATs, updated in place; see ``gcra_py.decide``.

    Returns ``(allowed, retry_after_s, records)``.
    """
    cdef Py_ssize_t n = len(items), i, j
    cdef int64_t tats[MAX_ITEMS_C]
    cdef int64_t cs[MAX_ITEMS_C]
    cdef int64_t ls[MAX_ITEMS_C]
    cdef int64_t ws[MAX_ITEMS_C]
    cdef GcraResult rs[MAX_ITEMS_C]
    cdef GcraResult peek
    cdef PyObject* keys[MAX_ITEMS_C]   # borrowed from the item tuples, alive for the call
    cdef PyObject* got
    cdef tuple item
    cdef bint ok = True, never = False
    cdef int64_t wait = 0, w
    cdef list out
    _check_record(record)
    if n < 1 or n > MAX_ITEMS_C:
        raise ValueError(f"between 1 and {MAX_ITEMS_C} limits per call")
    for i in range(n):
        item = <tuple?>items[i]
        key, cost, limit, window = item
        for j in range(i):
            if <object>keys[j] == key:
                raise ValueError("the same key twice in one call")
        keys[i] = <PyObject*>key
        got = PyDict_GetItem(states, key)
        tats[i] = 0 if got == NULL else <object>got
        cs[i] = cost
        ls[i] = limit
        ws[i] = window
        _check(now, ls[i], ws[i])
        if cs[i] < 0:
            raise ValueError("cost must be >= 0 (use refund/settle to give units back)")
    for i in range(n):
        gcra_reserve(tats[i], now, cs[i], ls[i], ws[i], &rs[i])
        ok = ok and rs[i].allowed
    out = PyList_New(n)
    for i in range(n):
        if ok:
            if cs[i] > 0:
                PyDict_SetItem(states, <object>keys[i], rs[i].new_tat)
            r = fg_record(record, <object>keys[i], ls[i], rs[i].remaining, rs[i].reset_after / 1e9, 0.0)
        else:
            if rs[i].allowed:
                gcra_reserve(tats[i], now, 0, ls[i], ws[i], &peek)
                rs[i].remaining = peek.remaining
                rs[i].reset_after = peek.reset_after
                rs[i].retry_after = 0
            w = rs[i].retry_after
            if w < 0:
                never = True
            elif w > wait:
                wait = w
            r = fg_record(record, <object>keys[i], ls[i], rs[i].remaining, rs[i].reset_after / 1e9,
                          -1.0 if w < 0 else w / 1e9)
        Py_INCREF(r)
        PyList_SET_ITEM(out, i, r)
    if ok:
        return True, 0.0, out
    return False, (-1.0 if never else wait / 1e9), out


# --- reporting -----------------------------------------------------------------------------------


cdef object _int_str(object v):
    """``str(v)``; written here for an exact int of 64 bits."""
    cdef int overflow
    cdef long long x
    if PyLong_CheckExact(v):
        x = PyLong_AsLongLongAndOverflow(v, &overflow)
        if overflow == 0 and x != LLONG_MIN:
            return fg_int_str(x)
    return str(v)


cdef inline object _duration_of(object seconds):
    cdef double d
    if PyFloat_CheckExact(seconds):
        d = PyFloat_AS_DOUBLE(seconds)
        if isfinite(d) and d < 4.0e18:
            return fg_duration(d)
    return _twin.duration(seconds)


def duration(seconds):
    """A duration the way OpenAI's reset values write it (``20ms``, ``1s``, ``6m0s``); see
    ``gcra_py.duration``."""
    return _duration_of(seconds)


def report(list limits not None, list kinds not None, tuple labels not None):
    """The tightest limit of kind 0 and of kind 1 as ``(label, value)`` pairs; see
    ``gcra_py.report``."""
    cdef Py_ssize_t n = min(PyList_GET_SIZE(limits), PyList_GET_SIZE(kinds)), i, j
    cdef Py_ssize_t best[2]
    cdef long long rem[2]
    cdef long long r, k
    cdef int overflow
    cdef object s, kind, v
    cdef list out
    cdef tuple rec
    best[0] = -1
    best[1] = -1
    if PyTuple_GET_SIZE(labels) < 6:
        return _twin.report(limits, kinds, labels)
    for i in range(n):
        kind = <object>PyList_GET_ITEM(kinds, i)
        if not PyLong_CheckExact(kind):
            return _twin.report(limits, kinds, labels)
        k = PyLong_AsLongLongAndOverflow(kind, &overflow)
        if overflow or (k != 0 and k != 1):
            continue
        s = <object>PyList_GET_ITEM(limits, i)
        if not isinstance(s, tuple) or PyTuple_GET_SIZE(s) < 4:
            return _twin.report(limits, kinds, labels)
        v = <object>PyTuple_GET_ITEM(s, 2)
        if not PyLong_CheckExact(v):
            return _twin.report(limits, kinds, labels)
        r = PyLong_AsLongLongAndOverflow(v, &overflow)
        if overflow:
            return _twin.report(limits, kinds, labels)
        if best[k] < 0 or r < rem[k]:
            best[k] = i
            rem[k] = r
    out = PyList_New(3 * ((best[0] >= 0) + (best[1] >= 0)))
    j = 0
    for k in range(2):
        if best[k] >= 0:
            rec = <tuple>PyList_GET_ITEM(limits, best[k])
            fg_put_pair(out, j, <object>PyTuple_GET_ITEM(labels, 3 * k), _int_str(<object>PyTuple_GET_ITEM(rec, 1)))
            fg_put_pair(out, j + 1, <object>PyTuple_GET_ITEM(labels, 3 * k + 1),
                        _int_str(<object>PyTuple_GET_ITEM(rec, 2)))
            fg_put_pair(out, j + 2, <object>PyTuple_GET_ITEM(labels, 3 * k + 2),
                        _duration_of(<object>PyTuple_GET_ITEM(rec, 3)))
            j += 3
    return out
