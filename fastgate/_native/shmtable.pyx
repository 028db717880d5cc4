# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Shared-memory limiter table, compiled: per-slot PID spinlocks and GCRA under the lock.

The layout, the probing and eviction rules and the snapshot format are specified in
``shmtable_py.py`` (the twin); this module implements the same table with lock-free lookups
and atomic per-slot locks so a reserve costs about a microsecond:

* Lock words hold the owner's PID and are taken with ``__atomic_compare_exchange_n``
  (acquire) and released with ``__atomic_store_n`` (release). A waiter that has spun past a
  bound checks the owner with ``kill(pid, 0)`` (and ``/proc/PID/stat`` for a not-yet-reaped
  zombie); a dead owner's lock is taken over with a CAS from its PID, and the slot is validated:
  a claim torn by the death (bytes that do not hash to the slot's hash) is marked INVALID and
  becomes reclaimable. A TAT is written with one aligned 8-byte atomic store, so it is never torn;
  a worker killed half-way through a multi-limit reserve may leave some limits charged for a
  request it will never serve: an over-count, never an under-count.
* The GIL is held from taking a slot lock to releasing it and no Python code runs in between, so
  within one process no other thread can hold a lock this thread waits for; a lock word holding our
  own PID is therefore a leftover and is taken over at once.
* A multi-limit reserve locks its slots in ascending slot order (no deadlock between workers),
  verifies that every slot still holds its key (an insert may have reclaimed it since the
  lock-free lookup: then it retries), decides all limits, and stores all TATs or none.
* Inserts are serialised by a table-wide insert lock (never taken while holding a slot lock), so
  two workers cannot insert the same new key into two slots.
* Holder ledgers (see the twin): a worker's concurrency units are also counted in its own u32 per
  slot, under the slot lock, with release stores ordering conc and ledger so that a death between
  them over-counts; the supervisor ``reap``s a dead worker's ledger.
"""

cimport cython
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_Check, PyBytes_GET_SIZE
from cpython.list cimport PyList_New, PyList_SET_ITEM
from cpython.ref cimport Py_INCREF
from libc.stdint cimport int64_t, uint8_t, uint32_t, uint64_t
from libc.stdio cimport snprintf
from libc.string cimport memcmp, memcpy, memset
from libc.errno cimport errno, ENOENT, ESRCH
from posix.fcntl cimport O_RDONLY, open as c_open
from posix.signal cimport kill
from posix.time cimport CLOCK_REALTIME, clock_gettime, timespec
from posix.types cimport pid_t
from posix.unistd cimport close as c_close, getpid, read as c_read

from fastgate._native.gcra cimport (
    FG_TMAX,
    GcraResult,
    fg_record,
    fg_report,
    fg_report_check,
    gcra_check,
    gcra_reserve,
    gcra_settle,
)

import hashlib
import mmap
import os
import signal as _signal
import struct

from fastgate._native import shmtable_py as _spec

cdef extern from *:
    """
    #if defined(__x86_64__) || defined(__i386__)
    #define fg_cpu_relax() __builtin_ia32_pause()
    #elif defined(__aarch64__)
    #define fg_cpu_relax() __asm__ __volatile__("yield")
    #else
    #define fg_cpu_relax() ((void)0)
    #endif
    """
    void fg_cpu_relax() nogil
    # GCC/Clang atomic builtins (type-generic; declared here for the 64-bit words we use).
    bint __atomic_compare_exchange_n(int64_t* ptr, int64_t* expected, int64_t desired, bint weak,
                                     int success_order, int failure_order) nogil
    void __atomic_store_n(int64_t* ptr, int64_t val, int order) nogil
    void fg_store32 "__atomic_store_n"(uint32_t* ptr, uint32_t val, int order) nogil
    int64_t __atomic_load_n(int64_t* ptr, int order) nogil
    int __ATOMIC_RELAXED
    int __ATOMIC_ACQUIRE
    int __ATOMIC_RELEASE

cdef extern from "<sched.h>" nogil:
    int sched_yield()

cdef enum:
    HEADER_SIZE = 128
    SLOT_SIZE = 128
    KEY_MAX = 64
    INSERT_LOCK_OFF = 64
    O_LOCK = 0
    O_HASH = 8
    O_TAT = 16
    O_CONC = 24
    O_META = 32
    O_KEY = 40
    MAX_ITEMS = 16
    SPIN_RELAX = 128          # busy-wait iterations before yielding the CPU
    SPIN_CHECK = 2048         # iterations between checks that the lock owner is alive

cdef uint64_t LEN_MASK = 0xFFFF
cdef uint64_t DIGEST = 1 << 16
cdef uint64_t INVALID = 1 << 17
cdef uint64_t DIGEST_TWEAK = 0x9E3779B97F4A7C15ULL
cdef int64_t RECLAIM_GRACE_NS = 1000000000
cdef uint32_t HELD_MAX = 0xFFFFFFFF

assert HEADER_SIZE == _spec.HEADER_SIZE and SLOT_SIZE == _spec.SLOT_SIZE and KEY_MAX == _spec.KEY_MAX
assert _spec.DIGEST == (1 << 16) and _spec.INVALID == (1 << 17) and MAX_ITEMS == _spec.MAX_ITEMS
assert _spec.HELD_MAX == HELD_MAX

__all__ = ["ShmTable", "siphash24", "stored_key"]

stored_key = _spec.stored_key

# The PID written into lock words. Cached (getpid() is a system call) and refreshed in every
# forked child, which is how a table created by the supervisor is used by its workers.
cdef int64_t _pid = getpid()


def _refresh_pid() -> None:
    global _pid
    _pid = getpid()


os.register_at_fork(after_in_child=_refresh_pid)


# ---------------------------------------------------------------------------------------------
# SipHash-2-4 (Aumasson & Bernstein), keyed per table.

cdef inline uint64_t _rotl(uint64_t x, int b) noexcept nogil:
    return (x << b) | (x >> (64 - b))


cdef inline uint64_t _le64(const uint8_t* p) noexcept nogil:
    return (<uint64_t>p[0] | (<uint64_t>p[1] << 8) | (<uint64_t>p[2] << 16) | (<uint64_t>p[3] << 24)
            | (<uint64_t>p[4] << 32) | (<uint64_t>p[5] << 40) | (<uint64_t>p[6] << 48)
            | (<uint64_t>p[7] << 56))


cdef uint64_t _siphash24(uint64_t k0, uint64_t k1, const uint8_t* p, size_t n) noexcept nogil:
    cdef uint64_t v0 = k0 ^ 0x736F6D6570736575ULL
    cdef uint64_t v1 = k1 ^ 0x646F72616E646F6DULL
    cdef uint64_t v2 = k0 ^ 0x6C7967656E657261ULL
    cdef uint64_t v3 = k1 ^ 0x7465646279746573ULL
    cdef uint64_t m
    cdef size_t off = 0, end = n - (n % 8), i
    cdef int r
    while off < end:
        m = _le64(p + off)
        v3 ^= m
        for r in range(2):
            v0 += v1; v1 = _rotl(v1, 13); v1 ^= v0; v0 = _rotl(v0, 32)
            v2 += v3; v3 = _rotl(v3, 16); v3 ^= v2
            v0 += v3; v3 = _rotl(v3, 21); v3 ^= v0
            v2 += v1; v1 = _rotl(v1, 17); v1 ^= v2; v2 = _rotl(v2, 32)
        v0 ^= m
        off += 8
    m = (<uint64_t>(n & 0xFF)) << 56
    for i in range(n - end):
        m |= (<uint64_t>p[end + i]) << (8 * i)
    v3 ^= m
    for r in range(2):
        v0 += v1; v1 = _rotl(v1, 13); v1 ^= v0; v0 = _rotl(v0, 32)
        v2 += v3; v3 = _rotl(v3, 16); v3 ^= v2
        v0 += v3; v3 = _rotl(v3, 21); v3 ^= v0
        v2 += v1; v1 = _rotl(v1, 17); v1 ^= v2; v2 = _rotl(v2, 32)
    v0 ^= m
    v2 ^= 0xFF
    for r in range(4):
        v0 += v1; v1 = _rotl(v1, 13); v1 ^= v0; v0 = _rotl(v0, 32)
        v2 += v3; v3 = _rotl(v3, 16); v3 ^= v2
        v0 += v3; v3 = _rotl(v3, 21); v3 ^= v0
        v2 += v1; v1 = _rotl(v1, 17); v1 ^= v2; v2 = _rotl(v2, 32)
    return v0 ^ v1 ^ v2 ^ v3


def siphash24(bytes key, bytes data) -> int:
    """SipHash-2-4 of ``data`` under the 16-byte ``key`` (same as ``shmtable_py.siphash24``)."""
    if len(key) != 16:
        raise ValueError("SipHash key is 16 bytes")
    cdef const uint8_t* k = <const uint8_t*>PyBytes_AS_STRING(key)
    return _siphash24(_le64(k), _le64(k + 8), <const uint8_t*>PyBytes_AS_STRING(data),
                      <size_t>PyBytes_GET_SIZE(data))


# ---------------------------------------------------------------------------------------------
# Liveness of a lock owner: the slow path, reached only after SPIN_CHECK spins.

cdef bint _owner_dead(int64_t pid) noexcept nogil:
    cdef char path[64]
    cdef char buf[512]
    cdef int fd
    cdef Py_ssize_t n, i
    if pid <= 0:
        return True
    if kill(<pid_t>pid, 0) != 0:
        return errno == ESRCH   # EPERM: alive under another user
    # kill() succeeds on a zombie (dead, not yet reaped by its parent): it will never unlock.
    snprintf(path, sizeof(path), "/proc/%lld/stat", <long long>pid)
    fd = c_open(path, O_RDONLY)
    if fd < 0:
        return errno == ENOENT
    n = c_read(fd, buf, sizeof(buf) - 1)
    c_close(fd)
    if n <= 0:
        return False
    # Format: "pid (comm) S ..." where comm may itself contain ')': use the last one.
    i = n - 1
    while i > 0 and buf[i] != b')':
        i -= 1
    if i + 2 < n:
        return buf[i + 2] == b'Z' or buf[i + 2] == b'X'
    return False


cdef inline int64_t _realtime_ns() noexcept nogil:
    cdef timespec ts
    clock_gettime(CLOCK_REALTIME, &ts)
    return <int64_t>ts.tv_sec * 1000000000 + ts.tv_nsec


cdef struct Key:
    uint64_t h
    uint64_t meta
    const uint8_t* data
    Py_ssize_t n


cdef struct Batch:
    # One call's working set, on the C stack: no allocation per request.
    Py_ssize_t n
    Key keys[MAX_ITEMS]
    int64_t costs[MAX_ITEMS]
    int64_t limits[MAX_ITEMS]
    int64_t windows[MAX_ITEMS]
    int64_t tats[MAX_ITEMS]
    Py_ssize_t idx[MAX_ITEMS]
    Py_ssize_t order[MAX_ITEMS]
    GcraResult res[MAX_ITEMS]


@cython.final
cdef class ShmTable:
    """The limiter table over a shared mapping (compiled twin of ``shmtable_py.ShmTable``).

    See ``shmtable_py.ShmTable`` for the contract of every method; results are identical.
    """

    cdef object _mm
    cdef int _fd
    cdef unsigned char[::1] _view
    cdef uint8_t* _base
    cdef Py_ssize_t _nslots
    cdef Py_ssize_t _probe
    cdef uint64_t _k0, _k1
    cdef Py_ssize_t _nholders
    cdef uint32_t* _held        # this process's ledger (one u32 per slot), NULL: untracked
    cdef object _holder
    cdef readonly object path
    # Locks this process took over from dead owners, and torn slots it then found and marked
    # INVALID (tests and metrics).
    cdef readonly int64_t steals
    cdef readonly int64_t repairs

    def __init__(self, int fd, object mm, object path, holder=None):
        magic, version, slot_size, nslots, probe, sipkey, holders = _spec._HDR.unpack_from(mm, 0)
        if magic != _spec.MAGIC or version != _spec.VERSION or slot_size != SLOT_SIZE:
            raise ValueError("not a fastgate limiter table (bad magic, version or slot size)")
        if len(mm) < _spec._size(nslots, holders) or not 1 <= probe <= nslots or holders > _spec.HOLDERS_MAX:
            raise ValueError("limiter table header does not match its size")
        self._mm = mm
        self._fd = fd
        self._view = mm
        self._base = &self._view[0]
        self._nslots = nslots
        self._probe = probe
        self._nholders = holders
        self._k0, self._k1 = struct.unpack("<QQ", sipkey)
        self.path = path
        self.use_holder(holder)

    @classmethod
    def create(cls, Py_ssize_t slots, path=None, *, Py_ssize_t probe=_spec.DEFAULT_PROBE,
               Py_ssize_t holders=0):
        """A new zeroed table of ``slots`` slots and ``holders`` ledgers (anonymous memfd, or a
        new file at ``path``)."""
        if slots < 1:
            raise ValueError("slots must be >= 1")
        if not 0 <= holders <= _spec.HOLDERS_MAX:
            raise ValueError(f"holders must be between 0 and {_spec.HOLDERS_MAX}")
        probe = max(1, min(probe, slots))
        size = _spec._size(slots, holders)
        if path is None:
            fd = os.memfd_create("fastgate-limits", os.MFD_CLOEXEC)
        else:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        try:
            os.ftruncate(fd, size)
            mm = mmap.mmap(fd, size, flags=mmap.MAP_SHARED, prot=mmap.PROT_READ | mmap.PROT_WRITE)
            _spec._HDR.pack_into(mm, 0, _spec.MAGIC, _spec.VERSION, SLOT_SIZE, slots, probe,
                                 os.urandom(16), holders)
        except BaseException:
            os.close(fd)
            raise
        return cls(fd, mm, path)

    @classmethod
    def attach(cls, path, *, holder=None):
        """Open a table that another process created with ``create(slots, path)``; ``holder``:
        the ledger of this process (see ``use_holder``)."""
        fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
        try:
            size = os.fstat(fd).st_size
            if size < HEADER_SIZE:
                raise ValueError("not a fastgate limiter table (too small)")
            mm = mmap.mmap(fd, size, flags=mmap.MAP_SHARED, prot=mmap.PROT_READ | mmap.PROT_WRITE)
        except BaseException:
            os.close(fd)
            raise
        try:
            return cls(fd, mm, path, holder)
        except BaseException:
            mm.close()
            os.close(fd)
            raise

    @property
    def slots(self) -> int:
        return self._nslots

    @property
    def probe(self) -> int:
        return self._probe

    @property
    def holders(self) -> int:
        return self._nholders

    @property
    def holder(self):
        return self._holder

    def use_holder(self, holder) -> None:
        """Record this process's concurrency slots in ledger ``holder`` (None: untracked)."""
        cdef Py_ssize_t h
        if holder is None:
            self._held = NULL
            self._holder = None
            return
        h = holder
        self._open()
        self._held = self._ledger(h)
        self._holder = h

    cdef uint32_t* _ledger(self, Py_ssize_t h) except NULL:
        if not 0 <= h < self._nholders:
            raise ValueError(f"holder {h} out of range: the table has {self._nholders} ledgers")
        return <uint32_t*>(self._base + HEADER_SIZE + self._nslots * SLOT_SIZE) + self._nslots * h

    @property
    def fd(self) -> int:
        """The descriptor of the shared file (pass it to exec'd helpers; inherited on fork)."""
        return self._fd

    def close(self) -> None:
        """Unmap and close (the shared memory lives on while another process maps it)."""
        if self._base != NULL:
            self._base = NULL
            self._held = NULL
            self._view = None
            self._mm.close()
            os.close(self._fd)
            self._fd = -1

    # -- low level ----------------------------------------------------------------------------

    cdef inline int _open(self) except -1:
        if self._base == NULL:
            raise ValueError("limiter table is closed")
        return 0

    cdef inline uint8_t* _slot(self, Py_ssize_t idx) noexcept nogil:
        return self._base + HEADER_SIZE + idx * SLOT_SIZE

    cdef int _lock(self, int64_t* word) noexcept nogil:
        """Take a PID spinlock; returns 1 when it was taken over from a dead owner, else 0."""
        cdef int64_t expected
        cdef int64_t owner
        cdef long spins = 0
        while True:
            expected = 0
            if __atomic_compare_exchange_n(word, &expected, _pid, False,
                                           __ATOMIC_ACQUIRE, __ATOMIC_RELAXED):
                return 0
            # ``expected`` now holds the current owner.
            spins += 1
            if expected == _pid or (spins % SPIN_CHECK == 0 and _owner_dead(expected)):
                owner = expected
                if __atomic_compare_exchange_n(word, &owner, _pid, False,
                                               __ATOMIC_ACQUIRE, __ATOMIC_RELAXED):
                    self.steals += 1
                    return 1
            elif spins < SPIN_RELAX:
                fg_cpu_relax()
            else:
                # The owner may be descheduled (2 cores, many workers): give it the CPU.
                sched_yield()

    cdef inline void _unlock(self, int64_t* word) noexcept nogil:
        __atomic_store_n(word, 0, __ATOMIC_RELEASE)

    cdef inline int64_t* _field(self, uint8_t* s, int off) noexcept nogil:
        return <int64_t*>(s + off)

    cdef inline uint64_t _stored_hash(self, const uint8_t* data, Py_ssize_t n, uint64_t flags) noexcept nogil:
        cdef uint64_t h = _siphash24(self._k0, self._k1, data, <size_t>n)
        if flags & DIGEST:
            h ^= DIGEST_TWEAK
        return h if h != 0 else 1

    cdef int _lock_slot(self, uint8_t* s) noexcept nogil:
        """Lock a slot; after taking it over from a dead owner, detect and neutralise a torn claim."""
        cdef uint64_t h, meta
        cdef Py_ssize_t n
        if self._lock(self._field(s, O_LOCK)) == 0:
            return 0
        h = <uint64_t>__atomic_load_n(self._field(s, O_HASH), __ATOMIC_ACQUIRE)
        meta = <uint64_t>self._field(s, O_META)[0]
        if h == 0 or meta & INVALID:
            return 1
        n = <Py_ssize_t>(meta & LEN_MASK)
        if (meta & ~(LEN_MASK | DIGEST)) == 0 and n <= KEY_MAX and \
                self._stored_hash(s + O_KEY, n, meta & DIGEST) == h:
            return 1   # consistent: the dead owner's TAT store was atomic, nothing to redo
        # A claim was torn half-way: the bytes do not hash to the hash. The entry being replaced
        # was idle (reclaimable), so nothing is lost by making the slot reclaimable again.
        __atomic_store_n(self._field(s, O_TAT), 0, __ATOMIC_RELAXED)
        __atomic_store_n(self._field(s, O_CONC), 0, __ATOMIC_RELAXED)
        __atomic_store_n(self._field(s, O_META), <int64_t>INVALID, __ATOMIC_RELEASE)
        self.repairs += 1
        return 1

    cdef inline bint _matches(self, uint8_t* s, Key* k) noexcept nogil:
        return (<uint64_t>__atomic_load_n(self._field(s, O_HASH), __ATOMIC_ACQUIRE) == k.h
                and <uint64_t>self._field(s, O_META)[0] == k.meta
                and memcmp(s + O_KEY, k.data, k.n) == 0)

    cdef inline bint _reclaimable(self, uint8_t* s, int64_t now) noexcept nogil:
        if <uint64_t>self._field(s, O_META)[0] & INVALID:
            return True
        return (__atomic_load_n(self._field(s, O_TAT), __ATOMIC_RELAXED) <= now - RECLAIM_GRACE_NS
                and __atomic_load_n(self._field(s, O_CONC), __ATOMIC_RELAXED) == 0)

    cdef Py_ssize_t _lookup(self, Key* k) noexcept nogil:
        cdef Py_ssize_t i, idx = <Py_ssize_t>(k.h % <uint64_t>self._nslots)
        cdef uint8_t* s
        cdef uint64_t sh
        for i in range(self._probe):
            s = self._slot(idx)
            sh = <uint64_t>__atomic_load_n(self._field(s, O_HASH), __ATOMIC_ACQUIRE)
            if sh == 0:
                return -1   # slots never become empty again: the key is not further on
            if sh == k.h and self._matches(s, k):
                return idx
            idx += 1
            if idx == self._nslots:
                idx = 0
        return -1

    cdef void _claim(self, uint8_t* s, Key* k, int64_t now, bint torn) noexcept nogil:
        # TAT = now: idle, but not reclaimable during the grace period (see the twin).
        __atomic_store_n(self._field(s, O_TAT), now, __ATOMIC_RELAXED)
        __atomic_store_n(self._field(s, O_CONC), 0, __ATOMIC_RELAXED)
        self._field(s, O_META)[0] = <int64_t>k.meta
        if torn:  # test-only: die half-way through the key bytes
            memcpy(s + O_KEY, k.data, k.n // 2)
            return
        memset(s + O_KEY, 0, KEY_MAX)
        memcpy(s + O_KEY, k.data, k.n)
        # The hash goes last (release): a lookup that sees it sees the whole key.
        __atomic_store_n(self._field(s, O_HASH), <int64_t>k.h, __ATOMIC_RELEASE)

    cdef Py_ssize_t _find_or_insert(self, Key* k, int64_t now, Py_ssize_t* exclude,
                                    Py_ssize_t nexclude) noexcept nogil:
        """Slot index of ``k`` (inserting it if needed), or -1 when the probe window is full.
        ``exclude``: slots chosen for the other keys of the same call, never reclaimed."""
        cdef Py_ssize_t idx = self._lookup(k), i, j, start
        cdef int64_t* ins
        cdef uint8_t* s
        cdef bint skip
        if idx >= 0:
            return idx
        ins = <int64_t*>(self._base + INSERT_LOCK_OFF)
        self._lock(ins)
        idx = self._lookup(k)
        if idx >= 0:
            self._unlock(ins)
            return idx
        start = <Py_ssize_t>(k.h % <uint64_t>self._nslots)
        for i in range(self._probe):
            idx = start + i
            if idx >= self._nslots:
                idx -= self._nslots
            skip = False
            for j in range(nexclude):
                if exclude[j] == idx:
                    skip = True
            if skip:
                continue
            s = self._slot(idx)
            if __atomic_load_n(self._field(s, O_HASH), __ATOMIC_ACQUIRE) != 0 and not self._reclaimable(s, now):
                continue
            self._lock_slot(s)
            if __atomic_load_n(self._field(s, O_HASH), __ATOMIC_ACQUIRE) == 0 or self._reclaimable(s, now):
                self._claim(s, k, now, False)
                self._unlock(self._field(s, O_LOCK))
                self._unlock(ins)
                return idx
            self._unlock(self._field(s, O_LOCK))
        self._unlock(ins)
        return -1

    cdef int _key(self, object key, Key* out, list keep) except -1:
        cdef Py_ssize_t n
        if not PyBytes_Check(key):
            raise TypeError("limiter keys are bytes")
        n = PyBytes_GET_SIZE(key)
        if n <= KEY_MAX:
            out.data = <const uint8_t*>PyBytes_AS_STRING(key)
            out.n = n
            out.meta = <uint64_t>n
        else:
            d = hashlib.sha256(key).digest()
            keep.append(d)
            out.data = <const uint8_t*>PyBytes_AS_STRING(d)
            out.n = 32
            out.meta = 32 | DIGEST
        out.h = self._stored_hash(out.data, out.n, out.meta & DIGEST)
        return 0

    cdef int _key_stored(self, bytes stored, uint64_t flags, Key* out) except -1:
        out.data = <const uint8_t*>PyBytes_AS_STRING(stored)
        out.n = PyBytes_GET_SIZE(stored)
        out.meta = <uint64_t>out.n | (flags & DIGEST)
        out.h = self._stored_hash(out.data, out.n, out.meta & DIGEST)
        return 0

    cdef Py_ssize_t _lock_key(self, Key* k, int64_t now, bint insert) noexcept nogil:
        """Find (or insert) ``k`` and return its index with the slot locked; -1 if absent/full."""
        cdef Py_ssize_t idx
        cdef uint8_t* s
        while True:
            idx = self._find_or_insert(k, now, NULL, 0) if insert else self._lookup(k)
            if idx < 0:
                return -1
            s = self._slot(idx)
            self._lock_slot(s)
            if self._matches(s, k):
                return idx
            self._unlock(self._field(s, O_LOCK))   # reclaimed meanwhile: look again

    # -- operations -----------------------------------------------------------------------------

    cdef int _run(self, list items, int64_t now, Batch* b) except -2:
        """Parse, validate, and apply one all-or-nothing reserve. Returns 1 admitted, 0 denied,
        -1 table full; ``b.res`` then holds per-limit results (reserve_many conventions)."""
        cdef Py_ssize_t n = len(items), i, j, t
        cdef GcraResult peek
        cdef bint allowed = True, verified
        cdef uint8_t* s
        cdef list keep = None
        cdef tuple item
        self._open()
        if n < 1 or n > MAX_ITEMS:
            raise ValueError(f"between 1 and {MAX_ITEMS} limits per call")
        b.n = n
        for i in range(n):
            item = <tuple?>items[i]
            key, cost, limit, window = item
            b.costs[i] = cost
            b.limits[i] = limit
            b.windows[i] = window
            if gcra_check(b.limits[i], b.windows[i]) != 0:
                raise ValueError(
                    f"invalid limit {b.limits[i]} per {b.windows[i]} ns: need 1 <= limit <= window_ns "
                    "<= 2**60 (at most one unit per nanosecond)")
            if now < 0 or now > FG_TMAX:
                raise ValueError("now must be a non-negative ns timestamp <= 2**62")
            if b.costs[i] < 0:
                raise ValueError("cost must be >= 0 (use settle to give units back)")
            if not PyBytes_Check(key) or PyBytes_GET_SIZE(key) > KEY_MAX:
                if keep is None:
                    keep = []
            self._key(key, &b.keys[i], keep)
            for j in range(i):
                if b.keys[j].h == b.keys[i].h and b.keys[j].meta == b.keys[i].meta and \
                        memcmp(b.keys[j].data, b.keys[i].data, b.keys[i].n) == 0:
                    raise ValueError("the same key twice in one call")
        while True:
            for i in range(n):
                b.idx[i] = self._find_or_insert(&b.keys[i], now, b.idx, i)
                if b.idx[i] < 0:
                    return -1
            # Lock in ascending slot order: every worker does, so none waits in a cycle.
            for i in range(n):
                t = i
                while t > 0 and b.idx[b.order[t - 1]] > b.idx[i]:
                    b.order[t] = b.order[t - 1]
                    t -= 1
                b.order[t] = i
            verified = True
            for i in range(n):
                s = self._slot(b.idx[b.order[i]])
                self._lock_slot(s)
                if not self._matches(s, &b.keys[b.order[i]]):
                    verified = False
            if verified:
                allowed = True
                for i in range(n):
                    b.tats[i] = __atomic_load_n(self._field(self._slot(b.idx[i]), O_TAT), __ATOMIC_RELAXED)
                    gcra_reserve(b.tats[i], now, b.costs[i], b.limits[i], b.windows[i], &b.res[i])
                    allowed = allowed and b.res[i].allowed
                if allowed:
                    for i in range(n):
                        if b.costs[i] > 0:
                            # One aligned 8-byte store: a reader or a successor never sees half.
                            __atomic_store_n(self._field(self._slot(b.idx[i]), O_TAT), b.res[i].new_tat,
                                             __ATOMIC_RELAXED)
            for i in range(n - 1, -1, -1):
                self._unlock(self._field(self._slot(b.idx[b.order[i]]), O_LOCK))
            if verified:
                break
        if allowed:
            return 1
        for i in range(n):
            if b.res[i].allowed:
                gcra_reserve(b.tats[i], now, 0, b.limits[i], b.windows[i], &peek)
                b.res[i].remaining = peek.remaining
                b.res[i].reset_after = peek.reset_after
                b.res[i].retry_after = 0
        return 0

    def reserve(self, list items, int64_t now):
        """All-or-nothing GCRA reserve; see ``shmtable_py.ShmTable.reserve``.

        Returns ``(code, remaining, reset_after_ns, retry_after_ns)``; code 1/0/-1.
        """
        cdef Batch b
        cdef Py_ssize_t i
        cdef int code = self._run(items, now, &b)
        if code < 0:
            return (-1, [], [], [])
        return (code, [b.res[i].remaining for i in range(b.n)], [b.res[i].reset_after for i in range(b.n)],
                [b.res[i].retry_after for i in range(b.n)])

    def decide(self, list items, int64_t now, type record):
        """Like ``reserve`` but already in the shape of a limiter decision; see the twin.

        Returns ``(code, retry_after_s, [record(key, limit, remaining, reset_s, retry_after_s)])``.
        """
        cdef Batch b
        if not issubclass(record, tuple):
            raise TypeError("record must be a tuple subclass (e.g. a NamedTuple of 5 fields)")
        return self._decided(self._run(items, now, &b), items, &b, record)

    def admit(self, list items, int64_t now, type record, list kinds not None, tuple labels not None):
        """``decide``, with an admitted request's records already reported (``gcra.report``),
        built without making the records; see the twin."""
        cdef Batch b
        cdef int code
        if not issubclass(record, tuple):
            raise TypeError("record must be a tuple subclass (e.g. a NamedTuple of 5 fields)")
        fg_report_check(kinds, labels, len(items))
        code = self._run(items, now, &b)
        if code == 1:
            return (1, 0.0, fg_report(b.n, b.limits, b.res, kinds, labels))
        return self._decided(code, items, &b, record)

    cdef object _decided(self, int code, list items, Batch* b, type record):
        """decide's answer from a _run result."""
        cdef Py_ssize_t i
        cdef list out
        cdef bint never = False
        cdef int64_t wait = 0, w
        if code < 0:
            return (-1, 0.0, [])
        out = PyList_New(b.n)
        for i in range(b.n):
            w = b.res[i].retry_after
            if code == 1:
                r = fg_record(record, (<tuple>items[i])[0], b.limits[i], b.res[i].remaining,
                              b.res[i].reset_after / 1e9, 0.0)
            else:
                if w < 0:
                    never = True
                elif w > wait:
                    wait = w
                r = fg_record(record, (<tuple>items[i])[0], b.limits[i], b.res[i].remaining,
                              b.res[i].reset_after / 1e9, -1.0 if w < 0 else w / 1e9)
            Py_INCREF(r)
            PyList_SET_ITEM(out, i, r)
        if code == 1:
            return (1, 0.0, out)
        return (0, -1.0 if never else wait / 1e9, out)

    def settle(self, list items, int64_t now):
        """Apply GCRA settle (delta = cost; negative refunds) per item; returns items missed (full)."""
        cdef Py_ssize_t n = len(items), i, j, idx, missed = 0
        cdef Key keys[MAX_ITEMS]
        cdef int64_t deltas[MAX_ITEMS]
        cdef int64_t limits[MAX_ITEMS]
        cdef int64_t windows[MAX_ITEMS]
        cdef int64_t* tat
        cdef uint8_t* s
        cdef list keep = []
        self._open()
        if n < 1 or n > MAX_ITEMS:
            raise ValueError(f"between 1 and {MAX_ITEMS} limits per call")
        for i in range(n):
            key, delta, limit, window = items[i]
            deltas[i] = delta
            limits[i] = limit
            windows[i] = window
            if gcra_check(limits[i], windows[i]) != 0:
                raise ValueError(
                    f"invalid limit {limits[i]} per {windows[i]} ns: need 1 <= limit <= window_ns "
                    "<= 2**60 (at most one unit per nanosecond)")
            if now < 0 or now > FG_TMAX:
                raise ValueError("now must be a non-negative ns timestamp <= 2**62")
            self._key(key, &keys[i], keep)
            for j in range(i):
                if keys[j].h == keys[i].h and keys[j].meta == keys[i].meta and \
                        memcmp(keys[j].data, keys[i].data, keys[i].n) == 0:
                    raise ValueError("the same key twice in one call")
        for i in range(n):
            if deltas[i] == 0:
                continue
            # A refund for a key that is gone (reclaimed: idle) has nothing to give back.
            idx = self._lock_key(&keys[i], now, deltas[i] > 0)
            if idx < 0:
                if deltas[i] > 0:
                    missed += 1
                continue
            s = self._slot(idx)
            tat = self._field(s, O_TAT)
            __atomic_store_n(tat, gcra_settle(tat[0], now, deltas[i], limits[i], windows[i]),
                             __ATOMIC_RELAXED)
            self._unlock(self._field(s, O_LOCK))
        return missed

    def acquire(self, bytes key, int64_t limit, now=None):
        """One concurrency slot of ``key`` if fewer than ``limit`` are held: 1, 0 or -1 (full)."""
        cdef Key k
        cdef int64_t t = _realtime_ns() if now is None else now
        cdef Py_ssize_t idx
        cdef uint8_t* s
        cdef int64_t* conc
        cdef uint32_t* held
        cdef int r
        cdef list keep = []
        self._open()
        self._key(key, &k, keep)
        idx = self._lock_key(&k, t, True)
        if idx < 0:
            return -1
        s = self._slot(idx)
        conc = self._field(s, O_CONC)
        if conc[0] >= limit:
            r = 0
        else:
            __atomic_store_n(conc, conc[0] + 1, __ATOMIC_RELAXED)
            held = self._held
            if held != NULL and held[idx] != HELD_MAX:
                # After conc (release order): dying in between over-counts, never under-counts.
                fg_store32(held + idx, held[idx] + 1, __ATOMIC_RELEASE)
            r = 1
        self._unlock(self._field(s, O_LOCK))
        return r

    def release(self, bytes key):
        """Give back one concurrency slot of ``key``; False when none was held (never below 0).
        With a holder, only a unit that this process's ledger records."""
        cdef Key k
        cdef Py_ssize_t idx
        cdef uint8_t* s
        cdef int64_t* conc
        cdef uint32_t* held
        cdef bint r = False
        cdef list keep = []
        self._open()
        self._key(key, &k, keep)
        idx = self._lock_key(&k, 0, False)
        if idx < 0:
            return False
        s = self._slot(idx)
        conc = self._field(s, O_CONC)
        if conc[0] > 0:
            held = self._held
            if held == NULL:
                __atomic_store_n(conc, conc[0] - 1, __ATOMIC_RELAXED)
                r = True
            elif held[idx] != 0:
                fg_store32(held + idx, held[idx] - 1, __ATOMIC_RELAXED)
                # After the ledger (release order): dying in between over-counts.
                __atomic_store_n(conc, conc[0] - 1, __ATOMIC_RELEASE)
                r = True
        self._unlock(self._field(s, O_LOCK))
        return r

    def held(self, Py_ssize_t holder):
        """(keys, units) that ledger ``holder`` records now; see the twin."""
        cdef uint32_t* led
        cdef Py_ssize_t i, keys = 0
        cdef int64_t units = 0
        self._open()
        led = self._ledger(holder)
        for i in range(self._nslots):
            if led[i] != 0:
                keys += 1
                units += led[i]
        return (keys, units)

    def reap(self, Py_ssize_t holder):
        """Give back every unit ledger ``holder`` records (its process has exited); returns
        (keys, units). See the twin for the contract."""
        cdef uint32_t* led
        cdef uint8_t* s
        cdef int64_t* conc
        cdef int64_t n, give
        cdef Py_ssize_t i, keys = 0
        cdef int64_t units = 0
        self._open()
        led = self._ledger(holder)
        for i in range(self._nslots):
            if led[i] == 0:
                continue
            s = self._slot(i)
            self._lock_slot(s)   # a lock the dead holder still holds is taken over
            n = led[i]
            if n != 0:
                fg_store32(led + i, 0, __ATOMIC_RELAXED)
                conc = self._field(s, O_CONC)
                give = n if n < conc[0] else (conc[0] if conc[0] > 0 else 0)
                __atomic_store_n(conc, conc[0] - give, __ATOMIC_RELEASE)
                keys += 1
                units += give
            self._unlock(self._field(s, O_LOCK))
        return (keys, units)

    def get(self, bytes key):
        """(tat, conc) of ``key``, or None when it has no slot."""
        cdef Key k
        cdef Py_ssize_t idx
        cdef uint8_t* s
        cdef int64_t tat, conc
        cdef list keep = []
        self._open()
        self._key(key, &k, keep)
        idx = self._lock_key(&k, 0, False)
        if idx < 0:
            return None
        s = self._slot(idx)
        tat = self._field(s, O_TAT)[0]
        conc = self._field(s, O_CONC)[0]
        self._unlock(self._field(s, O_LOCK))
        return (tat, conc)

    def live(self, int64_t now):
        """Number of slots holding state at ``now`` (a TAT in the future or a held slot)."""
        cdef Py_ssize_t i, n = 0
        cdef uint8_t* s
        self._open()
        for i in range(self._nslots):
            s = self._slot(i)
            if __atomic_load_n(self._field(s, O_HASH), __ATOMIC_ACQUIRE) != 0 and \
                    not (<uint64_t>self._field(s, O_META)[0] & INVALID) and \
                    (self._field(s, O_TAT)[0] > now or self._field(s, O_CONC)[0] > 0):
                n += 1
        return n

    def snapshot(self, str path, now=None):
        """Write every key whose TAT is after ``now`` to ``path`` atomically; returns the count."""
        cdef int64_t t = _realtime_ns() if now is None else now
        cdef Py_ssize_t i, n
        cdef uint8_t* s
        cdef uint64_t h, meta
        cdef int64_t tat
        cdef bint valid
        cdef uint8_t buf[KEY_MAX]
        cdef list records = []
        self._open()
        for i in range(self._nslots):
            s = self._slot(i)
            if __atomic_load_n(self._field(s, O_HASH), __ATOMIC_ACQUIRE) == 0:
                continue
            # Copy under the lock into C memory only: no Python allocation (hence no GC, no
            # finaliser running arbitrary code) while a slot lock is held.
            self._lock_slot(s)
            h = <uint64_t>self._field(s, O_HASH)[0]
            meta = <uint64_t>self._field(s, O_META)[0]
            tat = self._field(s, O_TAT)[0]
            n = <Py_ssize_t>(meta & LEN_MASK)
            valid = (not meta & INVALID) and n <= KEY_MAX
            if valid:
                memcpy(buf, s + O_KEY, n)
            self._unlock(self._field(s, O_LOCK))
            if valid and tat > t and self._stored_hash(buf, n, meta & DIGEST) == h:
                records.append((<int>(meta & (LEN_MASK | DIGEST)), (<char*>buf)[:n], tat))
        _spec._write_snapshot(path, records)
        return len(records)

    def restore(self, str path, now=None):
        """Load a snapshot: each key's TAT becomes max(current, saved). Returns keys restored."""
        cdef int64_t t = _realtime_ns() if now is None else now
        cdef Key k
        cdef Py_ssize_t idx, restored = 0
        cdef uint8_t* s
        cdef int64_t* tatp
        cdef int64_t tat
        self._open()
        records = _spec._read_snapshot(path)
        for meta, stored, saved in records:
            tat = saved
            if tat <= t:
                continue
            self._key_stored(stored, meta, &k)
            idx = self._lock_key(&k, t, True)
            if idx < 0:
                continue
            s = self._slot(idx)
            tatp = self._field(s, O_TAT)
            if tat > tatp[0]:
                __atomic_store_n(tatp, tat, __ATOMIC_RELAXED)
            self._unlock(self._field(s, O_LOCK))
            restored += 1
        return restored

    def _test_lock_and_die(self, bytes key, str mode="slot"):
        """TEST ONLY: take the lock guarding ``key`` and SIGKILL this process while holding it.

        ``mode="slot"``: the key's slot lock. ``mode="insert"``: the insert lock plus the lock of
        the slot a new key would take, dying half-way through writing the key (a torn claim).
        """
        cdef Key k
        cdef Py_ssize_t idx, i
        cdef uint8_t* s
        cdef int64_t now = _realtime_ns()
        cdef list keep = []
        self._open()
        self._key(key, &k, keep)
        if mode == "slot":
            idx = self._lock_key(&k, now, True)
        else:
            self._lock(<int64_t*>(self._base + INSERT_LOCK_OFF))
            idx = <Py_ssize_t>(k.h % <uint64_t>self._nslots)
            for i in range(self._probe):
                s = self._slot(idx)
                if __atomic_load_n(self._field(s, O_HASH), __ATOMIC_ACQUIRE) == 0 or \
                        self._reclaimable(s, now):
                    self._lock_slot(s)
                    self._claim(s, &k, now, True)
                    break
                idx = (idx + 1) % self._nslots
        os.kill(os.getpid(), _signal.SIGKILL)
        raise AssertionError("unreachable")
