# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Per-request metrics kernel, compiled. The specification is ``metrics_py.py`` (same classes,
same results). A finished request costs one probe of an open-addressing table keyed by the
hashes of its label arguments (no key tuple is built, nothing is allocated once the row exists)
and a few C increments; ``flush`` moves what is pending into the families' ``values`` dicts off
the hot path."""

cimport cython
from cpython.dict cimport PyDict_GetItemWithError, PyDict_Next
from cpython.long cimport PyLong_Check
from cpython.mem cimport PyMem_Calloc, PyMem_Free
from cpython.number cimport PyNumber_Index
from cpython.object cimport Py_EQ, PyObject_GetAttr, PyObject_RichCompareBool
from cpython.ref cimport PyObject
from cpython.tuple cimport PyTuple_GET_ITEM
from libc.stdint cimport int64_t

cdef extern from "Python.h":
    ctypedef size_t Py_uhash_t
    Py_hash_t PyObject_Hash(object o) except? -1  # (cpython.object declares it returning long)

cdef enum:
    NPARTS = 8
    MAXBOUNDS = 32
    MAXCOUNTS = 33  # MAXBOUNDS + the +Inf bucket
    MAXKEY = 5

K_REQUEST = 0
K_ROUTE = 1
K_MODEL = 2
K_TOKENS_IN = 3
K_TOKENS_OUT = 4
K_GENAI_INPUT = 5
K_GENAI_OUTPUT = 6
K_GENAI_DURATION = 7
K_GENAI_TTFT = 8
N_KEYS = 9

S_REQUESTS = 0
S_DURATION = 1
S_UPSTREAM = 2
S_OVERHEAD = 3
S_TTFT = 4
S_TOKENS = 5
S_COST = 6
S_GENAI_TOKENS = 7
S_GENAI_DURATION = 8
S_GENAI_TTFT = 9
N_SINKS = 10

cdef enum:
    H_DURATION_C = 0
    H_UPSTREAM_C = 1
    H_OVERHEAD_C = 2
    H_TTFT_C = 3
    H_GENAI_INPUT_C = 4
    H_GENAI_OUTPUT_C = 5
    H_GENAI_DURATION_C = 6
    H_GENAI_TTFT_C = 7

H_DURATION = H_DURATION_C
H_UPSTREAM = H_UPSTREAM_C
H_OVERHEAD = H_OVERHEAD_C
H_TTFT = H_TTFT_C
H_GENAI_INPUT = H_GENAI_INPUT_C
H_GENAI_OUTPUT = H_GENAI_OUTPUT_C
H_GENAI_DURATION = H_GENAI_DURATION_C
H_GENAI_TTFT = H_GENAI_TTFT_C

cdef int _H_BOUNDS[NPARTS]
_H_BOUNDS[:] = [0, 0, 0, 0, 1, 1, 2, 3]
_H_SINK = (S_DURATION, S_UPSTREAM, S_OVERHEAD, S_TTFT, S_GENAI_TOKENS, S_GENAI_TOKENS, S_GENAI_DURATION, S_GENAI_TTFT)
_H_KEY = (K_ROUTE, K_ROUTE, K_ROUTE, K_MODEL, K_GENAI_INPUT, K_GENAI_OUTPUT, K_GENAI_DURATION, K_GENAI_TTFT)

__all__ = [
    "Counter3", "H_DURATION", "H_GENAI_DURATION", "H_GENAI_INPUT", "H_GENAI_OUTPUT", "H_GENAI_TTFT", "H_OVERHEAD",
    "H_TTFT", "H_UPSTREAM", "K_GENAI_DURATION", "K_GENAI_INPUT", "K_GENAI_OUTPUT", "K_GENAI_TTFT", "K_MODEL",
    "K_REQUEST", "K_ROUTE", "K_TOKENS_IN", "K_TOKENS_OUT", "N_KEYS", "N_SINKS", "RequestRows", "S_COST",
    "S_DURATION", "S_GENAI_DURATION", "S_GENAI_TOKENS", "S_GENAI_TTFT", "S_OVERHEAD", "S_REQUESTS", "S_TOKENS",
    "S_TTFT", "S_UPSTREAM",
]

cdef object _TYPE = "type"


cdef inline Py_ssize_t _bisect(const double* b, Py_ssize_t n, double x) noexcept nogil:
    # bisect_left: the first bound >= x (NaN compares false everywhere: bucket 0, as in Python)
    cdef Py_ssize_t lo = 0, hi = n, mid
    while lo < hi:
        mid = (lo + hi) >> 1
        if b[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


cdef inline int64_t _tokens(object x) except? -1:
    # operator.index() semantics (a float is a TypeError), then the int64 range (OverflowError).
    # A compact int converts in a few instructions; nothing is allocated.
    if not PyLong_Check(x):
        x = PyNumber_Index(x)
    return <int64_t>x


# ---------------------------------------------------------------------------------------- key table
# An open-addressing (linear probing) table from the hash of a few label arguments to the entry
# that holds them as a tuple. Equal arguments have equal hashes (Python's invariant), so a probe
# compares hashes, then the arguments one by one (identity first: routes, kinds and provider
# types are the same objects on every request; a model name is compared by value).

cdef struct _Slot:
    Py_hash_t hash
    PyObject* entry  # borrowed: the table's ``entries`` list owns it


cdef class _Entry:
    cdef readonly tuple key


cdef inline Py_hash_t _mix(Py_hash_t acc, Py_hash_t h) noexcept nogil:
    # the xxHash round CPython's tuplehash uses
    cdef Py_uhash_t a = <Py_uhash_t>acc + <Py_uhash_t>h * <Py_uhash_t>14029467366897019727ULL
    a = (a << 31) | (a >> 33)
    a *= <Py_uhash_t>11400714785074694791ULL
    return <Py_hash_t>a


@cython.final
cdef class _Table:
    cdef _Slot* slots
    cdef Py_ssize_t mask
    cdef list entries  # creation order

    def __cinit__(self):
        self.slots = <_Slot*>PyMem_Calloc(8, sizeof(_Slot))
        if self.slots is NULL:
            raise MemoryError()
        self.mask = 7
        self.entries = []

    def __dealloc__(self):
        PyMem_Free(self.slots)

    cdef int find(self, Py_hash_t h, PyObject** args, int n, PyObject** out) except -1:
        """``out`` = the entry whose key equals ``args[:n]``, or NULL."""
        cdef Py_ssize_t i = <Py_ssize_t>(<Py_uhash_t>h & <Py_uhash_t>self.mask)
        cdef PyObject* e
        cdef PyObject* k
        cdef int j
        cdef tuple key
        while True:
            e = self.slots[i].entry
            if e is NULL:
                out[0] = NULL
                return 0
            if self.slots[i].hash == h:
                key = (<_Entry>e).key
                for j in range(n):
                    k = PyTuple_GET_ITEM(key, j)
                    if k != args[j] and not PyObject_RichCompareBool(<object>k, <object>args[j], Py_EQ):
                        break
                else:
                    out[0] = e
                    return 0
            i = (i + 1) & self.mask

    cdef int add(self, Py_hash_t h, _Entry entry) except -1:
        cdef Py_ssize_t n = len(self.entries) + 1
        cdef Py_ssize_t cap, i, j
        cdef _Slot* slots
        if 2 * n > self.mask + 1:  # keep the load under 1/2: probes stay short
            cap = 2 * (self.mask + 1)
            slots = <_Slot*>PyMem_Calloc(cap, sizeof(_Slot))
            if slots is NULL:
                raise MemoryError()
            for j in range(self.mask + 1):
                if self.slots[j].entry is not NULL:
                    i = <Py_ssize_t>(<Py_uhash_t>self.slots[j].hash & <Py_uhash_t>(cap - 1))
                    while slots[i].entry is not NULL:
                        i = (i + 1) & (cap - 1)
                    slots[i] = self.slots[j]
            PyMem_Free(self.slots)
            self.slots = slots
            self.mask = cap - 1
        self.entries.append(entry)
        i = <Py_ssize_t>(<Py_uhash_t>h & <Py_uhash_t>self.mask)
        while self.slots[i].entry is not NULL:
            i = (i + 1) & self.mask
        self.slots[i].hash = h
        self.slots[i].entry = <PyObject*>entry
        return 0


# ------------------------------------------------------------------------------------ request rows

@cython.final
cdef class _Row(_Entry):
    cdef tuple labels
    cdef int64_t requests
    cdef int64_t counts[NPARTS][MAXCOUNTS]
    cdef double sums[NPARTS]
    cdef int64_t tokens_in, tokens_out, n_in, n_out, n_cost
    cdef double cost


@cython.final
cdef class RequestRows:
    """Pending per-request metrics, one row per ``(route, model, status, kind, provider_type)``."""

    cdef double bounds[4][MAXBOUNDS]
    cdef Py_ssize_t nbounds[4]
    cdef _Table table
    cdef object _labels_of
    cdef object default_provider_type
    cdef public bint genai_seen

    def __init__(self, latency_buckets, token_buckets, genai_duration_buckets, genai_ttft_buckets, labels_of,
                 default_provider_type="openai"):
        cdef Py_ssize_t i, j
        all_bounds = (tuple(latency_buckets), tuple(token_buckets), tuple(genai_duration_buckets),
                      tuple(genai_ttft_buckets))
        for b in all_bounds:
            if not b or any(not (x < y) for x, y in zip(b, b[1:])) or len(b) > MAXBOUNDS:
                raise ValueError("bucket bounds must be 1..32 strictly increasing numbers")
        for i in range(4):
            b = all_bounds[i]
            self.nbounds[i] = len(b)
            for j in range(len(b)):
                self.bounds[i][j] = float(b[j])
        self._labels_of = labels_of
        self.default_provider_type = default_provider_type
        self.table = _Table()
        self.genai_seen = False

    def __len__(self):
        return len(self.table.entries)

    cdef _Row _new_row(self, Py_hash_t h, tuple key):
        labels = tuple(self._labels_of(*key))
        if len(labels) != N_KEYS:
            raise ValueError(f"labels_of must return {N_KEYS} label tuples")
        cdef _Row row = _Row.__new__(_Row)  # C arrays start zeroed (tp_alloc)
        row.key = key
        row.labels = labels
        self.table.add(h, row)
        if key[4] is not None:
            self.genai_seen = True
        return row

    cdef inline void _obs(self, _Row row, int part, double x) noexcept:
        cdef int b = _H_BOUNDS[part]
        row.counts[part][_bisect(self.bounds[b], self.nbounds[b], x)] += 1
        row.sums[part] += x

    def record(self, route, model, status, double total_s, double upstream_s, attempts, kind, provider,
               dict providers, double ttft_s, input_tokens, output_tokens, cost_usd):
        """Count one finished request (see ``metrics_py`` for what goes where)."""
        cdef object ptype = None
        cdef PyObject* p
        cdef PyObject* args[MAXKEY]
        cdef Py_hash_t h
        cdef _Row row
        cdef bint upstream = attempts
        cdef bint has_in = input_tokens is not None
        cdef bint has_out = output_tokens is not None
        cdef bint has_cost = cost_usd is not None
        cdef int64_t n_in = _tokens(input_tokens) if has_in else 0
        cdef int64_t n_out = _tokens(output_tokens) if has_out else 0
        cdef double cost = <double>cost_usd if has_cost else 0.0
        # Everything that can raise is above or here, before the row changes.
        if upstream and model is not None and provider is not None:
            p = PyDict_GetItemWithError(providers, provider) if providers is not None else NULL
            if p is not NULL:
                ptype = PyObject_GetAttr(<object>p, _TYPE)
            else:
                ptype = self.default_provider_type
        args[0] = <PyObject*>route
        args[1] = <PyObject*>model
        args[2] = <PyObject*>status
        args[3] = <PyObject*>kind
        args[4] = <PyObject*>ptype
        h = _mix(_mix(_mix(_mix(_mix(<Py_hash_t>2870177450012600261ULL, PyObject_Hash(route)), PyObject_Hash(model)),
                           PyObject_Hash(status)), PyObject_Hash(kind)), PyObject_Hash(ptype))
        self.table.find(h, args, 5, &p)
        if p is NULL:
            row = self._new_row(h, (route, model, status, kind, ptype))
        else:
            row = <_Row>p
        row.requests += 1
        self._obs(row, H_DURATION_C, total_s)
        if upstream:
            self._obs(row, H_UPSTREAM_C, upstream_s)
        self._obs(row, H_OVERHEAD_C, total_s - upstream_s)
        if ttft_s > 0.0 and model is not None:
            self._obs(row, H_TTFT_C, ttft_s)
        if has_in:
            row.tokens_in += n_in
            row.n_in += 1
        if has_out:
            row.tokens_out += n_out
            row.n_out += 1
        if has_cost:
            row.cost += cost
            row.n_cost += 1
        if ptype is not None:
            if has_in:
                self._obs(row, H_GENAI_INPUT_C, <double>n_in)
            if has_out:
                self._obs(row, H_GENAI_OUTPUT_C, <double>n_out)
            self._obs(row, H_GENAI_DURATION_C, upstream_s)
            if ttft_s > 0.0:
                self._obs(row, H_GENAI_TTFT_C, ttft_s)

    def flush(self, sinks):
        """Add every row's pending counts into ``sinks`` (the families' ``values``) and zero them."""
        cdef _Row row
        cdef int part
        cdef Py_ssize_t i, nb
        cdef int64_t any_count
        if len(sinks) != N_SINKS:
            raise ValueError(f"flush needs {N_SINKS} sinks")
        for row in self.table.entries:
            labels = row.labels
            if row.requests:
                _counter_add(sinks[S_REQUESTS], labels[K_REQUEST], row.requests)
                row.requests = 0
            for part in range(NPARTS):
                nb = self.nbounds[_H_BOUNDS[part]] + 1
                any_count = 0
                for i in range(nb):
                    any_count |= row.counts[part][i]
                if not any_count:
                    continue
                sink = sinks[_H_SINK[part]]
                if sink is None:
                    raise ValueError("GenAI rows recorded: flush needs the GenAI sinks")
                key = labels[_H_KEY[part]]
                cur = sink.get(key)
                if cur is None:
                    cur = [0] * nb + [0.0]
                    sink[key] = cur
                for i in range(nb):
                    cur[i] += row.counts[part][i]
                    row.counts[part][i] = 0
                cur[nb] += row.sums[part]
                row.sums[part] = 0.0
            if row.n_in:
                _counter_add(sinks[S_TOKENS], labels[K_TOKENS_IN], row.tokens_in)
                row.tokens_in = row.n_in = 0
            if row.n_out:
                _counter_add(sinks[S_TOKENS], labels[K_TOKENS_OUT], row.tokens_out)
                row.tokens_out = row.n_out = 0
            if row.n_cost:
                _counter_add(sinks[S_COST], labels[K_MODEL], row.cost)
                row.cost = 0.0
                row.n_cost = 0


# ------------------------------------------------------------------------------ three-label counter

@cython.final
cdef class _Cell(_Entry):
    cdef tuple label
    cdef int64_t n


@cython.final
cdef class Counter3:
    """Pending increments of one three-label counter family, one C cell per distinct arguments."""

    cdef _Table table
    cdef object _labels_of

    def __init__(self, labels_of):
        self._labels_of = labels_of
        self.table = _Table()

    def __len__(self):
        return len(self.table.entries)

    def inc(self, a, b, c):
        """Add 1 to the cell of ``(a, b, c)``; its label is ``labels_of(a, b, c)``, made once."""
        cdef PyObject* args[3]
        cdef PyObject* p
        cdef _Cell cell
        cdef Py_hash_t h
        args[0] = <PyObject*>a
        args[1] = <PyObject*>b
        args[2] = <PyObject*>c
        h = _mix(_mix(_mix(<Py_hash_t>2870177450012600261ULL, PyObject_Hash(a)), PyObject_Hash(b)), PyObject_Hash(c))
        self.table.find(h, args, 3, &p)
        if p is NULL:
            cell = _Cell.__new__(_Cell)
            cell.label = tuple(self._labels_of(a, b, c))
            cell.key = (a, b, c)
            self.table.add(h, cell)
        else:
            cell = <_Cell>p
        cell.n += 1

    def flush(self, dict sink):
        """Add every cell's pending count into ``sink`` (a counter's ``values``) and zero it."""
        cdef _Cell cell
        for cell in self.table.entries:
            if cell.n:
                _counter_add(sink, cell.label, cell.n)
                cell.n = 0


cdef inline _counter_add(sink, key, n):
    sink[key] = sink.get(key, 0) + n


# ------------------------------------------------------------------------------ stage-owned counters

@cython.final
cdef class Cell:
    """One series' pending count. A stage keeps the cells of the label sets it bumps on every
    request (``Counter.cell``) and calls ``inc()``: one C call, no key lookup, no allocation."""

    cdef public int64_t n
    cdef public double f  # non-integer amounts (``add(0.5)``) pend here

    def inc(self):
        """Add 1."""
        self.n += 1

    def add(self, k):
        """Add ``k`` (an int or a float)."""
        if PyLong_Check(k):
            self.n += <int64_t>k
        else:
            self.f += <double>k

    def take(self):
        """The pending amount (an int unless a float was added), zeroed."""
        cdef int64_t n = self.n
        cdef double f = self.f
        self.n = 0
        self.f = 0.0
        if f != 0.0:
            return n + f
        return n


@cython.final
cdef class Cells:
    """A counter family's cells by label tuple: ``inc(key, n=1)`` is the family's increment."""

    cdef readonly dict cells

    def __init__(self):
        self.cells = {}

    def __len__(self):
        return len(self.cells)

    cdef Cell _cell(self, key):
        cdef PyObject* p = PyDict_GetItemWithError(self.cells, key)
        if p is not NULL:
            return <Cell>p
        if type(key) is not tuple:
            raise TypeError(f"a counter key is a tuple, not {type(key).__name__}")
        cell = Cell.__new__(Cell)
        self.cells[key] = cell
        return cell

    def cell(self, key):
        """The cell of ``key`` (a label tuple), made on first use."""
        return self._cell(key)

    def inc(self, key, n=1):
        """Add ``n`` to the series ``key``."""
        cdef Cell cell = self._cell(key)
        if PyLong_Check(n):
            cell.n += <int64_t>n
        else:
            cell.f += <double>n

    def flush(self, dict sink):
        """Add every cell's pending amount into ``sink`` (the family's ``values``) and zero it."""
        cdef Cell cell
        for key, c in self.cells.items():
            cell = <Cell>c
            if cell.n or cell.f != 0.0:
                _counter_add(sink, key, cell.take())


def add_counts(dict cells, dict counts):
    """``cells[name].n += counts[name]`` for every name of ``counts`` (ints); the names that have
    no cell are returned as a list (None when every name had one), their counts left to the caller."""
    cdef PyObject* p
    cdef PyObject* name
    cdef PyObject* n
    cdef Py_ssize_t pos = 0
    missing = None
    while PyDict_Next(counts, &pos, &name, &n):  # no items view, no (name, n) tuples
        p = PyDict_GetItemWithError(cells, <object>name)
        if p is NULL:
            if missing is None:
                missing = []
            missing.append(<object>name)
        elif PyLong_Check(<object>n):
            (<Cell>p).n += <int64_t><object>n
        else:
            raise TypeError(f"a count is an int, not {type(<object>n).__name__}")
    return missing
