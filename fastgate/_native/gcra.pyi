"""Public face of the GCRA kernel (compiled ``gcra`` and twin ``gcra_py`` alike)."""

TMAX: int
WMAX: int
MAX_ITEMS: int

Record = tuple[bytes, int, int, float, float]  # (key, limit, remaining, reset_s, retry_after_s)
Item = tuple[bytes, int, int, int]  # (key, cost, limit, window_ns)

def reserve(tat: int, now: int, cost: int, limit: int, window_ns: int) -> tuple[bool, int, int, int, int]:
    """(allowed, new_tat, remaining, reset_after_ns, retry_after_ns); retry -1 = admitted or never."""

def settle(tat: int, now: int, delta: int, limit: int, window_ns: int) -> int:
    """New TAT after charging (delta > 0) or refunding (delta < 0, never below now)."""

def refund(tat: int, now: int, cost: int, limit: int, window_ns: int) -> int:
    """New TAT after giving ``cost`` units back; never below now."""

def reserve_many(
    states: list[int], now: int, costs: list[int], limits: list[int], windows: list[int]
) -> tuple[bool, list[int], list[int], list[int], list[int]]:
    """All-or-nothing: (allowed, new_states, remaining[], reset_after_ns[], retry_after_ns[])."""

def records(
    ok: bool, items: list[Item], remaining: list[int], reset: list[int], retry: list[int], record: type
) -> tuple[float, list[Record]]:
    """(retry_after_s, [record(key, limit, remaining, reset_s, retry_after_s)]) from reserve_many output."""

def decide(states: dict[bytes, int], items: list[Item], now: int, record: type) -> tuple[bool, float, list[Record]]:
    """All-or-nothing reserve against a dict of TATs (updated in place): (allowed, retry_after_s, records)."""

def duration(seconds: float) -> str:
    """A duration written like OpenAI's ``x-ratelimit-reset-*`` values: ``20ms``, ``1s``, ``6m0s``,
    ``1h2m3s`` (rounded up; ``0s`` when not positive, at least ``1ms``)."""

def report(limits: list[Record], kinds: list[int], labels: tuple[str, ...]) -> list[tuple[str, str]]:
    """The tightest (fewest remaining) record of kind 0 and of kind 1 as ``(label, value)`` pairs:
    limit, remaining, duration(reset_s) under ``labels[0:3]`` / ``labels[3:6]``."""
