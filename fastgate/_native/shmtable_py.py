"""Shared-memory limiter table: the pure-Python twin, and the specification of the layout.

One fixed-size open-addressing hash table lives in a ``MAP_SHARED`` mapping that the supervisor
creates before it forks the workers (``ShmTable.create``): every worker of the host reads and
writes the same memory, so a limit holds across all of them with no Redis (issue 6, RL-04).
``ShmTable.create(slots, path)`` / ``ShmTable.attach(path)`` use a file under ``/dev/shm``
instead, so unrelated processes (tests, an admin tool) can open the same table.

Layout (all integers little-endian; ``shmtable.pyx`` reads and writes exactly this)
---------------------------------------------------------------------------------
Header, 128 bytes::

    0   magic  b"FGLIMIT1"
    8   u32 version (2)          12  u32 slot size (128)
    16  u64 number of slots      24  u64 probe bound (slots visited per key, linear probing)
    32  16-byte SipHash-2-4 key (random per table: keys can be chosen by clients, e.g. an IP,
        so a public hash would let them aim every key at one probe window)
    48  u64 number of holder ledgers (0: concurrency slots are not attributed to anyone)
    64  i64 insert lock (owner PID, 0 = free)  -- on its own cache line

Slot ``i`` at ``128 + 128*i``::

    0   i64 lock      owner PID while held, 0 when free (compiled kernel; the twin uses fcntl)
    8   u64 hash      SipHash of the stored key (| 1 if 0); 0 = never used
    16  i64 tat       GCRA theoretical arrival time, ns (CLOCK_REALTIME); written with one
                      aligned 8-byte store, so it is never torn
    24  i64 conc      in-flight count of a concurrency limit
    32  u64 meta      key length (low 16 bits) | DIGEST (bit 16) | INVALID (bit 17)
    40  64 bytes      key (zero padded)

Holder ledgers follow the slots: ledger ``h`` at ``128 + 128*slots + 4*slots*h`` is one u32 per
slot, the number of that slot's concurrency units held by holder ``h``. A holder is one worker
process: the supervisor gives each worker it starts a free ledger (``attach(path, holder=h)``)
and, once the worker has exited and been waited for, gives back whatever the ledger still
records (``reap(h)``) before handing the ledger to another worker. So a worker SIGKILLed (or
crashed) with requests in flight does not leave their concurrency slots counted forever.

Keys longer than 64 bytes are stored as their SHA-256 digest with the DIGEST flag, which is
part of the identity, so a 32-byte literal key can never equal a digested one. A key's slot is
found by hash *and* full stored bytes, so a hash collision never merges two keys.

Rules every implementation follows
----------------------------------
* Slots are never emptied again (hash never returns to 0), so a lookup stops at the first empty
  slot; an entry is *reclaimable* when ``tat <= now - 1 s`` and ``conc == 0`` (such a TAT carries
  no state: the key is idle; the 1 s grace keeps a worker whose ``now`` was read a moment
  earlier from seeing the key vanish while it still mattered) or when it is INVALID.
* A new key takes the first empty or reclaimable slot of its probe window. Claiming writes
  tat=now, conc=0, meta, key bytes, and the hash last; one worker dying half-way leaves a slot whose
  hash does not match its bytes, which is detectable (the compiled kernel marks it INVALID
  when it steals the dead worker's lock) and in any case never matches a lookup.
* Full table: when no slot of the probe window is empty or reclaimable, the operation changes
  nothing and reports it (reserve -> code -1, acquire -> -1); the backend then denies or allows
  per its ``on_full`` flag (default deny, see ``fastgate.limits.backends``).
* Holder ledgers: only their holder writes them while it lives, always under the slot's lock,
  in an order that makes a death between the two stores an over-count, never an under-count:
  acquire stores ``conc + 1`` and then ``ledger + 1``; release stores ``ledger - 1`` and then
  ``conc - 1``. So ``ledger[h][i] <= units of slot i that h really holds``, the sum over the
  holders is ``<= conc``, and a slot with a non-zero ledger entry has ``conc > 0`` (it is never
  reclaimed under a holder). ``reap(h)``, under each slot's lock, clears the entry first and then
  subtracts it from ``conc`` (never below 0). A holder releases only units its ledger records,
  so a release can never give back a unit that another worker holds. A process without a
  holder (tests, a gateway with no supervisor) is untracked: the version 1 behaviour.
* The twin serialises every operation with one ``fcntl.lockf`` lock on byte 0 of the table's
  file descriptor. POSIX record locks vanish when their process dies, so a SIGKILLed worker never
  wedges the twin. The compiled kernel uses per-slot PID spinlocks instead (faster, finer);
  one table is driven by one implementation at a time (``FASTGATE_NO_EXTENSIONS`` is process-wide
  and inherited by the workers), though both read and write the same layout.
"""

from __future__ import annotations

import fcntl
import hashlib
import mmap
import operator
import os
import signal
import struct
import time
from typing import Any, NoReturn

from . import gcra_py as gcra

MAGIC = b"FGLIMIT1"
VERSION = 2  # the table layout (v2: holder ledgers)
SNAP_VERSION = 1  # the snapshot file format, independent of the table layout
HEADER_SIZE = 128
SLOT_SIZE = 128
KEY_MAX = 64
DIGEST = 1 << 16
INVALID = 1 << 17
LEN_MASK = 0xFFFF
INSERT_LOCK_OFF = 64
RECLAIM_GRACE_NS = 1_000_000_000
MAX_ITEMS = 16
DEFAULT_PROBE = 32
SNAP_MAGIC = b"FGSNAP01"

# Slot field offsets.
O_LOCK, O_HASH, O_TAT, O_CONC, O_META, O_KEY = 0, 8, 16, 24, 32, 40

_M64 = (1 << 64) - 1
_HDR = struct.Struct("<8sIIQQ16sQ")
HOLDERS_MAX = 1024
HELD_MAX = 0xFFFFFFFF  # a ledger entry saturates (never wraps): the excess is untracked
_Q = struct.Struct("<Q")
_q = struct.Struct("<q")
_I = struct.Struct("<I")

__all__ = ["ShmTable", "siphash24", "stored_key"]


def _rotl(x: int, b: int) -> int:
    return ((x << b) | (x >> (64 - b))) & _M64


def siphash24(key: bytes, data: bytes) -> int:
    """SipHash-2-4 (Aumasson & Bernstein 2012) of ``data`` under the 16-byte ``key``."""
    k0, k1 = struct.unpack("<QQ", key)
    v0 = k0 ^ 0x736F6D6570736575
    v1 = k1 ^ 0x646F72616E646F6D
    v2 = k0 ^ 0x6C7967656E657261
    v3 = k1 ^ 0x7465646279746573

    def rounds(v0: int, v1: int, v2: int, v3: int, n: int) -> tuple[int, int, int, int]:
        for _ in range(n):
            v0 = (v0 + v1) & _M64
            v1 = _rotl(v1, 13) ^ v0
            v0 = _rotl(v0, 32)
            v2 = (v2 + v3) & _M64
            v3 = _rotl(v3, 16) ^ v2
            v0 = (v0 + v3) & _M64
            v3 = _rotl(v3, 21) ^ v0
            v2 = (v2 + v1) & _M64
            v1 = _rotl(v1, 17) ^ v2
            v2 = _rotl(v2, 32)
        return v0, v1, v2, v3

    n = len(data)
    end = n - n % 8
    for off in range(0, end, 8):
        (m,) = _Q.unpack_from(data, off)
        v3 ^= m
        v0, v1, v2, v3 = rounds(v0, v1, v2, v3, 2)
        v0 ^= m
    last = ((n & 0xFF) << 56) | int.from_bytes(data[end:], "little")
    v3 ^= last
    v0, v1, v2, v3 = rounds(v0, v1, v2, v3, 2)
    v0 ^= last
    v2 ^= 0xFF
    v0, v1, v2, v3 = rounds(v0, v1, v2, v3, 4)
    return v0 ^ v1 ^ v2 ^ v3


def stored_key(key: bytes) -> tuple[bytes, int]:
    """(bytes stored in the slot, flags): the key itself, or its SHA-256 when over 64 bytes."""
    if not isinstance(key, bytes):
        raise TypeError("limiter keys are bytes")
    if len(key) <= KEY_MAX:
        return key, 0
    return hashlib.sha256(key).digest(), DIGEST


def _slot_hash(sipkey: bytes, stored: bytes, flags: int) -> int:
    h = siphash24(sipkey, stored)
    if flags & DIGEST:
        h ^= 0x9E3779B97F4A7C15  # keep digested and literal keys apart in the hash too
    return h or 1


class ShmTable:
    """The limiter table over a shared mapping (pure-Python twin of ``shmtable.ShmTable``)."""

    def __init__(self, fd: int, mm: mmap.mmap, path: str | None, holder: int | None = None) -> None:
        self._fd = fd
        self._mm = mm
        self.path = path
        magic, version, slot_size, nslots, probe, sipkey, holders = _HDR.unpack_from(mm, 0)
        if magic != MAGIC or version != VERSION or slot_size != SLOT_SIZE:
            raise ValueError("not a fastgate limiter table (bad magic, version or slot size)")
        if len(mm) < _size(nslots, holders) or not 1 <= probe <= nslots or holders > HOLDERS_MAX:
            raise ValueError("limiter table header does not match its size")
        self.slots: int = nslots
        self.probe: int = probe
        self.holders: int = holders
        self._sipkey: bytes = sipkey
        self._ledger = -1  # offset of this process's ledger; -1: untracked
        self.holder: int | None = None
        self.use_holder(holder)

    # -- creation ---------------------------------------------------------------------------
    @classmethod
    def create(
        cls, slots: int, path: str | None = None, *, probe: int = DEFAULT_PROBE, holders: int = 0
    ) -> ShmTable:
        """A new zeroed table of ``slots`` slots and ``holders`` holder ledgers.

        Without ``path`` the memory is an anonymous shared file (``memfd_create``): create it
        in the supervisor before forking and every child shares it through the inherited object.
        With ``path`` (e.g. ``/dev/shm/fastgate-limits``) the file must not exist yet; other
        processes open it with ``attach``. The file is sparse: a ledger costs memory only for
        the pages its holder touches.
        """
        if slots < 1:
            raise ValueError("slots must be >= 1")
        if not 0 <= holders <= HOLDERS_MAX:
            raise ValueError(f"holders must be between 0 and {HOLDERS_MAX}")
        probe = max(1, min(probe, slots))
        size = _size(slots, holders)
        if path is None:
            fd = os.memfd_create("fastgate-limits", os.MFD_CLOEXEC)
        else:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        try:
            os.ftruncate(fd, size)
            mm = mmap.mmap(fd, size, flags=mmap.MAP_SHARED, prot=mmap.PROT_READ | mmap.PROT_WRITE)
            _HDR.pack_into(mm, 0, MAGIC, VERSION, SLOT_SIZE, slots, probe, os.urandom(16), holders)
        except BaseException:
            os.close(fd)
            raise
        return cls(fd, mm, path)

    @classmethod
    def attach(cls, path: str, *, holder: int | None = None) -> ShmTable:
        """Open a table that another process created with ``create(slots, path)``.

        ``holder``: the ledger this process records its concurrency slots in (see ``use_holder``).
        """
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

    def use_holder(self, holder: int | None) -> None:
        """Record this process's concurrency slots in ledger ``holder`` (None: untracked).

        One ledger belongs to one live process at a time (the supervisor hands them out), and a
        process switches ledgers only while it holds no slot.
        """
        if holder is None:
            self._ledger, self.holder = -1, None
            return
        holder = operator.index(holder)
        self._ledger = self._ledger_off(holder)
        self.holder = holder

    def _ledger_off(self, holder: int) -> int:
        if not 0 <= holder < self.holders:
            raise ValueError(f"holder {holder} out of range: the table has {self.holders} ledgers")
        return HEADER_SIZE + self.slots * SLOT_SIZE + 4 * self.slots * holder

    @property
    def fd(self) -> int:
        """The descriptor of the shared file (pass it to exec'd helpers; inherited on fork)."""
        return self._fd

    def close(self) -> None:
        """Unmap and close (the shared memory lives on while another process maps it)."""
        if self._fd >= 0:
            self._mm.close()
            os.close(self._fd)
            self._fd = -1

    # -- locking ----------------------------------------------------------------------------
    def _lock(self) -> None:
        if self._fd < 0:
            raise ValueError("limiter table is closed")
        fcntl.lockf(self._fd, fcntl.LOCK_EX, 1, 0)

    def _unlock(self) -> None:
        fcntl.lockf(self._fd, fcntl.LOCK_UN, 1, 0)

    # -- slot access --------------------------------------------------------------------------
    def _off(self, idx: int) -> int:
        return HEADER_SIZE + idx * SLOT_SIZE

    def _get(self, idx: int, field: int) -> int:
        return _q.unpack_from(self._mm, self._off(idx) + field)[0]

    def _set(self, idx: int, field: int, value: int) -> None:
        _q.pack_into(self._mm, self._off(idx) + field, value)

    def _hash_of(self, idx: int) -> int:
        return _Q.unpack_from(self._mm, self._off(idx) + O_HASH)[0]

    def _meta_of(self, idx: int) -> int:
        return _Q.unpack_from(self._mm, self._off(idx) + O_META)[0]

    def _matches(self, idx: int, h: int, stored: bytes, flags: int) -> bool:
        off = self._off(idx)
        return (
            self._hash_of(idx) == h
            and self._meta_of(idx) == len(stored) | flags
            and self._mm[off + O_KEY : off + O_KEY + len(stored)] == stored
        )

    def _reclaimable(self, idx: int, now: int) -> bool:
        if self._meta_of(idx) & INVALID:
            return True
        return self._get(idx, O_TAT) <= now - RECLAIM_GRACE_NS and self._get(idx, O_CONC) == 0

    def _probe_seq(self, h: int) -> list[int]:
        start = h % self.slots
        return [(start + i) % self.slots for i in range(self.probe)]

    def _lookup(self, h: int, stored: bytes, flags: int) -> int:
        for idx in self._probe_seq(h):
            sh = self._hash_of(idx)
            if sh == 0:
                return -1
            if sh == h and self._matches(idx, h, stored, flags):
                return idx
        return -1

    def _claim(self, idx: int, h: int, stored: bytes, flags: int, now: int, *, torn: bool = False) -> None:
        off = self._off(idx)
        # TAT = now: idle (no state), yet not reclaimable for the grace period, so a key that
        # was just inserted is not taken back by the next insert before its owner uses it.
        self._set(idx, O_TAT, now)
        self._set(idx, O_CONC, 0)
        _Q.pack_into(self._mm, off + O_META, len(stored) | flags)
        key = stored.ljust(KEY_MAX, b"\0")
        if torn:  # test-only: stop half-way through the key, as a killed worker would
            self._mm[off + O_KEY : off + O_KEY + KEY_MAX // 2] = key[: KEY_MAX // 2]
            return
        self._mm[off + O_KEY : off + O_KEY + KEY_MAX] = key
        _Q.pack_into(self._mm, off + O_HASH, h)  # last: the slot becomes visible

    def _find_or_insert(
        self, h: int, stored: bytes, flags: int, now: int, exclude: tuple[int, ...] = ()
    ) -> int:
        # ``exclude``: slots already chosen for other keys of the same call, never reclaimed.
        idx = self._lookup(h, stored, flags)
        if idx >= 0:
            return idx
        for idx in self._probe_seq(h):
            if idx in exclude:
                continue
            if self._hash_of(idx) == 0 or self._reclaimable(idx, now):
                self._claim(idx, h, stored, flags, now)
                return idx
        return -1

    def _key(self, key: bytes) -> tuple[int, bytes, int]:
        stored, flags = stored_key(key)
        return _slot_hash(self._sipkey, stored, flags), stored, flags

    # -- operations -------------------------------------------------------------------------
    def reserve(
        self, items: list[tuple[bytes, int, int, int]], now: int
    ) -> tuple[int, list[int], list[int], list[int]]:
        """All-or-nothing GCRA reserve of ``items`` = [(key, cost, limit, window_ns)] at ``now``.

        Returns ``(code, remaining, reset_after_ns, retry_after_ns)``: code 1 admitted (all
        charged), 0 denied (none charged), -1 table full (none charged, empty lists). Per-limit
        values follow ``gcra.reserve_many``. Keys must be distinct; ``now`` is CLOCK_REALTIME ns.
        """
        keys = self._parse(items, now, reserve=True)
        self._lock()
        try:
            idxs: list[int] = []
            for h, stored, flags in keys:
                idx = self._find_or_insert(h, stored, flags, now, tuple(idxs))
                if idx < 0:
                    return -1, [], [], []
                idxs.append(idx)
            states = [self._get(i, O_TAT) for i in idxs]
            ok, new, rem, reset, retry = gcra.reserve_many(
                states, now, [it[1] for it in items], [it[2] for it in items], [it[3] for it in items]
            )
            if ok:
                for i, t in zip(idxs, new, strict=True):
                    self._set(i, O_TAT, t)
        finally:
            self._unlock()
        return (1 if ok else 0), rem, reset, retry

    def decide(
        self, items: list[tuple[bytes, int, int, int]], now: int, record: type
    ) -> tuple[int, float, list[tuple[bytes, int, int, float, float]]]:
        """``reserve``, shaped as a limiter decision (``gcra.records``): the backend's hot path.

        Returns ``(code, retry_after_s, records)``; code -1 (table full) comes with ``0.0, []``.
        ``record`` must be a tuple subclass (``TypeError`` before anything is charged).
        """
        if not issubclass(record, tuple):
            raise TypeError("record must be a tuple subclass (e.g. a NamedTuple of 5 fields)")
        code, rem, reset, retry = self.reserve(items, now)
        if code < 0:
            return -1, 0.0, []
        retry_s, out = gcra.records(code == 1, items, rem, reset, retry, record)
        return code, retry_s, out

    def admit(
        self, items: list[tuple[bytes, int, int, int]], now: int, record: type, kinds: list[int],
        labels: tuple[str, ...],
    ) -> tuple[int, float, list[Any]]:
        """``decide``, with an admitted request's records already reported: the rate-limit
        stage's hot path in one call.

        Returns ``decide``'s ``(code, retry_after_s, records)``, except that when admitted (code 1)
        the list is ``gcra.report(records, kinds, labels)`` (the compiled table builds it without
        making the records). ``kinds`` must hold ints (those paired with items are read) and
        ``labels`` six strings; they are checked before anything is charged.
        """
        if not issubclass(record, tuple):
            raise TypeError("record must be a tuple subclass (e.g. a NamedTuple of 5 fields)")
        if any(type(k) is not int for k in kinds[: len(items)]):
            raise TypeError("kinds must be ints")
        if len(labels) < 6:
            raise ValueError("six labels: limit, remaining, reset of kinds 0 and 1")
        code, retry_s, out = self.decide(items, now, record)
        if code == 1:
            return 1, retry_s, gcra.report(out, kinds, labels)
        return code, retry_s, out

    def settle(self, items: list[tuple[bytes, int, int, int]], now: int) -> int:
        """Apply ``gcra.settle`` with delta = cost (negative refunds) to each item.

        Returns how many items could not be applied because the table was full.
        """
        keys = self._parse(items, now, reserve=False)
        missed = 0
        self._lock()
        try:
            for (h, stored, flags), (_, delta, limit, window) in zip(keys, items, strict=True):
                if delta == 0:
                    continue
                if delta < 0:
                    # A refund for a key that is gone (reclaimed: idle) has nothing to give back.
                    idx = self._lookup(h, stored, flags)
                    if idx < 0:
                        continue
                else:
                    idx = self._find_or_insert(h, stored, flags, now)
                    if idx < 0:
                        missed += 1
                        continue
                self._set(idx, O_TAT, gcra.settle(self._get(idx, O_TAT), now, delta, limit, window))
        finally:
            self._unlock()
        return missed

    def acquire(self, key: bytes, limit: int, now: int | None = None) -> int:
        """Take one concurrency slot of ``key`` if fewer than ``limit`` are held.

        Returns 1 acquired, 0 at the limit, -1 table full. ``now`` (default: the clock) only
        decides which idle entries may be reclaimed.
        """
        h, stored, flags = self._key(key)
        now = time.time_ns() if now is None else now
        self._lock()
        try:
            idx = self._find_or_insert(h, stored, flags, now)
            if idx < 0:
                return -1
            conc = self._get(idx, O_CONC)
            if conc >= limit:
                return 0
            self._set(idx, O_CONC, conc + 1)
            if self._ledger >= 0:  # after conc: dying in between over-counts, never under-counts
                at = self._ledger + 4 * idx
                (held,) = _I.unpack_from(self._mm, at)
                if held < HELD_MAX:
                    _I.pack_into(self._mm, at, held + 1)
            return 1
        finally:
            self._unlock()

    def release(self, key: bytes) -> bool:
        """Give back one concurrency slot of ``key``; False when none was held (never below 0).

        With a holder, "held" means held by this process: its ledger must record the unit.
        """
        h, stored, flags = self._key(key)
        self._lock()
        try:
            idx = self._lookup(h, stored, flags)
            if idx < 0:
                return False
            conc = self._get(idx, O_CONC)
            if conc <= 0:
                return False
            if self._ledger >= 0:  # before conc: dying in between over-counts, never under-counts
                at = self._ledger + 4 * idx
                (held,) = _I.unpack_from(self._mm, at)
                if held == 0:
                    return False
                _I.pack_into(self._mm, at, held - 1)
            self._set(idx, O_CONC, conc - 1)
            return True
        finally:
            self._unlock()

    def held(self, holder: int) -> tuple[int, int]:
        """(keys, units): what ledger ``holder`` records now (slots with a non-zero entry, their sum)."""
        keys = units = 0
        self._lock()
        try:
            for _, n in self._entries(self._ledger_off(holder)):
                keys += 1
                units += n
        finally:
            self._unlock()
        return keys, units

    def reap(self, holder: int) -> tuple[int, int]:
        """Give back every concurrency unit ledger ``holder`` records; returns (keys, units).

        Only for a holder whose process has exited (the supervisor calls it after waiting for the
        worker): a live holder would later release units that are no longer counted. Each entry
        is cleared first, then subtracted from its slot's count (never below 0), both under the
        slot's lock; the ledger is empty afterwards and can be given to a new process.
        """
        base = self._ledger_off(holder)
        keys = units = 0
        self._lock()
        try:
            for idx, n in self._entries(base):
                _I.pack_into(self._mm, base + 4 * idx, 0)
                conc = self._get(idx, O_CONC)
                give = min(n, max(conc, 0))
                self._set(idx, O_CONC, conc - give)
                keys += 1
                units += give
        finally:
            self._unlock()
        return keys, units

    def _entries(self, base: int) -> list[tuple[int, int]]:
        # Sparse: skip whole zero pages of the ledger at C speed.
        out = []
        step = 4096
        end = base + 4 * self.slots
        for off in range(base, end, step):
            chunk = self._mm[off : min(off + step, end)]
            if chunk.count(0) == len(chunk):
                continue
            first = (off - base) // 4
            for j, (n,) in enumerate(_I.iter_unpack(chunk)):
                if n:
                    out.append((first + j, n))
        return out

    def get(self, key: bytes) -> tuple[int, int] | None:
        """(tat, conc) of ``key``, or None when it has no slot."""
        h, stored, flags = self._key(key)
        self._lock()
        try:
            idx = self._lookup(h, stored, flags)
            if idx < 0:
                return None
            return self._get(idx, O_TAT), self._get(idx, O_CONC)
        finally:
            self._unlock()

    def live(self, now: int) -> int:
        """Number of slots holding state at ``now`` (a TAT in the future or a held slot)."""
        self._lock()
        try:
            return sum(
                1
                for i in range(self.slots)
                if self._hash_of(i) != 0
                and not self._meta_of(i) & INVALID
                and (self._get(i, O_TAT) > now or self._get(i, O_CONC) > 0)
            )
        finally:
            self._unlock()

    # -- snapshot ---------------------------------------------------------------------------
    def snapshot(self, path: str, now: int | None = None) -> int:
        """Write every key whose TAT is after ``now`` to ``path`` atomically; returns the count.

        Long windows (``per: 30d``) must survive a restart: the supervisor calls this
        periodically and at shutdown, and ``restore`` at start. Concurrency counts are not
        saved (in-flight requests die with their workers). Written to a temporary file,
        fsync'ed, then renamed over ``path``, so a crash leaves the old or the new snapshot.
        """
        now = time.time_ns() if now is None else now
        records: list[tuple[int, bytes, int]] = []
        self._lock()
        try:
            for i in range(self.slots):
                h = self._hash_of(i)
                meta = self._meta_of(i)
                if h == 0 or meta & INVALID or (meta & LEN_MASK) > KEY_MAX:
                    continue
                off = self._off(i)
                stored = bytes(self._mm[off + O_KEY : off + O_KEY + (meta & LEN_MASK)])
                tat = self._get(i, O_TAT)
                if tat > now and _slot_hash(self._sipkey, stored, meta & DIGEST) == h:
                    records.append((meta & (LEN_MASK | DIGEST), stored, tat))
        finally:
            self._unlock()
        _write_snapshot(path, records)
        return len(records)

    def restore(self, path: str, now: int | None = None) -> int:
        """Load a snapshot: each key's TAT becomes max(current, saved). Returns keys restored.

        Entries already expired at ``now`` are skipped; so are keys for which the table is full.
        A truncated or altered file raises ValueError and changes nothing.
        """
        now = time.time_ns() if now is None else now
        records = _read_snapshot(path)
        n = 0
        self._lock()
        try:
            for meta, stored, tat in records:
                if tat <= now:
                    continue
                flags = meta & DIGEST
                h = _slot_hash(self._sipkey, stored, flags)
                idx = self._find_or_insert(h, stored, flags, now)
                if idx < 0:
                    continue
                self._set(idx, O_TAT, max(self._get(idx, O_TAT), tat))
                n += 1
        finally:
            self._unlock()
        return n

    # -- test support ---------------------------------------------------------------------------
    def _test_lock_and_die(self, key: bytes, mode: str = "slot") -> NoReturn:
        """TEST ONLY: take the lock guarding ``key`` and SIGKILL this process while holding it.

        ``mode="insert"`` also starts claiming a slot for ``key`` and dies half-way through
        writing it (a torn claim). Used to prove a dead worker cannot wedge the table.
        """
        h, stored, flags = self._key(key)
        self._lock()
        if mode == "insert":
            for idx in self._probe_seq(h):
                if self._hash_of(idx) == 0 or self._reclaimable(idx, time.time_ns()):
                    self._claim(idx, h, stored, flags, time.time_ns(), torn=True)
                    break
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable")

    # -- helpers --------------------------------------------------------------------------------
    def _parse(
        self, items: list[tuple[bytes, int, int, int]], now: int, *, reserve: bool
    ) -> list[tuple[int, bytes, int]]:
        if not 1 <= len(items) <= MAX_ITEMS:
            raise ValueError(f"between 1 and {MAX_ITEMS} limits per call")
        keys = []
        for key, cost, limit, window in items:
            gcra._params(limit, window)
            gcra._check_now(now)
            gcra._int64("cost", cost)
            if reserve and cost < 0:
                raise ValueError("cost must be >= 0 (use settle to give units back)")
            keys.append(self._key(key))
        if len({(s, f) for _, s, f in keys}) != len(keys):
            raise ValueError("the same key twice in one call")
        return keys


def _size(slots: int, holders: int) -> int:
    """Bytes of a table of ``slots`` slots and ``holders`` ledgers."""
    return HEADER_SIZE + slots * SLOT_SIZE + 4 * slots * holders


def _write_snapshot(path: str, records: list[tuple[int, bytes, int]]) -> None:
    body = bytearray(SNAP_MAGIC)
    body += struct.pack("<II", SNAP_VERSION, len(records))
    for meta, stored, tat in records:
        body += struct.pack("<I", meta) + stored + _q.pack(tat)
    body += hashlib.sha256(body).digest()
    tmp = f"{path}.tmp.{os.getpid()}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, body)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    # The rename itself must reach the disk, or a crash can bring back the old name.
    dfd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def _read_snapshot(path: str) -> list[tuple[int, bytes, int]]:
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 48 or data[:8] != SNAP_MAGIC or hashlib.sha256(data[:-32]).digest() != data[-32:]:
        raise ValueError(f"{path}: not a fastgate limiter snapshot, or corrupt")
    version, count = struct.unpack_from("<II", data, 8)
    if version != SNAP_VERSION:
        raise ValueError(f"{path}: snapshot version {version} not supported")
    out = []
    off = 16
    end = len(data) - 32
    for _ in range(count):
        if off + 4 > end:
            raise ValueError(f"{path}: truncated snapshot")
        (meta,) = struct.unpack_from("<I", data, off)
        n = meta & LEN_MASK
        if n > KEY_MAX or meta & ~(LEN_MASK | DIGEST) or off + 4 + n + 8 > end:
            raise ValueError(f"{path}: malformed snapshot record")
        stored = data[off + 4 : off + 4 + n]
        (tat,) = _q.unpack_from(data, off + 4 + n)
        out.append((meta, stored, tat))
        off += 4 + n + 8
    if off != end:
        raise ValueError(f"{path}: trailing bytes in snapshot")
    return out
