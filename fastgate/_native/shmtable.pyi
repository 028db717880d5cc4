"""Public face of the shared-memory limiter table (compiled ``shmtable.pyx``, twin ``shmtable_py.py``).

A fixed-size open-addressing table of GCRA states and concurrency counters in a ``MAP_SHARED``
mapping, shared by every worker of a host. Per-slot locks hold the owner's PID, so a worker killed
while holding one does not wedge the table; per-worker holder ledgers let the supervisor give back
the concurrency slots of a worker that died with requests in flight. ``now`` is CLOCK_REALTIME nanoseconds.
"""

from typing import NoReturn

MAGIC: bytes
VERSION: int
SLOT_SIZE: int
KEY_MAX: int
MAX_ITEMS: int
DEFAULT_PROBE: int

Item = tuple[bytes, int, int, int]  # (key, cost, limit, window_ns)

def siphash24(key: bytes, data: bytes) -> int: ...
def stored_key(key: bytes) -> tuple[bytes, int]: ...

class ShmTable:
    @classmethod
    def create(cls, slots: int, path: str | None = None, *, probe: int = ..., holders: int = 0) -> ShmTable: ...
    @classmethod
    def attach(cls, path: str, *, holder: int | None = None) -> ShmTable: ...
    @property
    def slots(self) -> int: ...
    @property
    def probe(self) -> int: ...
    @property
    def holders(self) -> int:
        """Number of holder ledgers (one per live worker process; 0: slots are not attributed)."""
    @property
    def holder(self) -> int | None:
        """The ledger this process records its concurrency slots in (None: untracked)."""
    def use_holder(self, holder: int | None) -> None: ...
    def held(self, holder: int) -> tuple[int, int]:
        """(keys, units) that ledger ``holder`` records now."""
    def reap(self, holder: int) -> tuple[int, int]:
        """Give back what ledger ``holder`` records (its process has exited): (keys, units)."""
    @property
    def fd(self) -> int: ...
    def close(self) -> None: ...
    def reserve(self, items: list[Item], now: int) -> tuple[int, list[int], list[int], list[int]]:
        """All-or-nothing reserve: code 1 admitted, 0 denied, -1 table full (nothing charged)."""
    def decide(self, items: list[Item], now: int, record: type) -> tuple[int, float, list[tuple[bytes, int, int, float, float]]]: ...
    def admit(self, items: list[Item], now: int, record: type, kinds: list[int], labels: tuple[str, ...]) -> tuple[int, float, list]:
        """``decide``; when admitted, the records come as ``gcra.report(records, kinds, labels)``."""
    def settle(self, items: list[Item], now: int) -> int:
        """Apply cost deltas (negative = refund, never below now); returns items missed (table full)."""
    def acquire(self, key: bytes, limit: int, now: int | None = None) -> int:
        """Concurrency slot: 1 acquired, 0 at the limit, -1 table full."""
    def release(self, key: bytes) -> bool:
        """Give one slot back; with a holder, only one that this process's ledger records."""
    def get(self, key: bytes) -> tuple[int, int] | None: ...
    def live(self, now: int) -> int: ...
    def snapshot(self, path: str, now: int | None = None) -> int: ...
    def restore(self, path: str, now: int | None = None) -> int: ...
    def _test_lock_and_die(self, key: bytes, mode: str = ...) -> NoReturn: ...
