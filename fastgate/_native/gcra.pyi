"""Public face of the GCRA kernel (compiled ``gcra`` and twin ``gcra_py`` alike)."""

TMAX: int
WMAX: int

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
