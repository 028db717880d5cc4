"""Public face of the per-request metrics kernel (compiled ``metrics`` and twin ``metrics_py`` alike)."""

from collections.abc import Callable, Sequence
from typing import Any

# label tuples returned by ``labels_of``, by index
K_REQUEST: int
K_ROUTE: int
K_MODEL: int
K_TOKENS_IN: int
K_TOKENS_OUT: int
K_GENAI_INPUT: int
K_GENAI_OUTPUT: int
K_GENAI_DURATION: int
K_GENAI_TTFT: int
N_KEYS: int
# ``flush`` sinks, by index
S_REQUESTS: int
S_DURATION: int
S_UPSTREAM: int
S_OVERHEAD: int
S_TTFT: int
S_TOKENS: int
S_COST: int
S_GENAI_TOKENS: int
S_GENAI_DURATION: int
S_GENAI_TTFT: int
N_SINKS: int
# histogram parts of a row
H_DURATION: int
H_UPSTREAM: int
H_OVERHEAD: int
H_TTFT: int
H_GENAI_INPUT: int
H_GENAI_OUTPUT: int
H_GENAI_DURATION: int
H_GENAI_TTFT: int

class RequestRows:
    """Pending per-request metrics, one row per ``(route, model, status, kind, provider_type)``."""

    genai_seen: bool
    """Some row has GenAI labels: ``flush`` then needs the three GenAI sinks."""

    def __init__(
        self,
        latency_buckets: Sequence[float],
        token_buckets: Sequence[float],
        genai_duration_buckets: Sequence[float],
        genai_ttft_buckets: Sequence[float],
        labels_of: Callable[[Any, Any, Any, Any, Any], tuple[Any, ...]],
        default_provider_type: Any = ...,
    ) -> None: ...
    def __len__(self) -> int: ...
    def record(
        self,
        route: Any,
        model: Any,
        status: Any,
        total_s: float,
        upstream_s: float,
        attempts: Any,
        kind: Any,
        provider: Any,
        providers: dict[Any, Any] | None,
        ttft_s: float,
        input_tokens: int | None,
        output_tokens: int | None,
        cost_usd: float | None,
    ) -> None:
        """Count one finished request into its row (created on first use via ``labels_of``).
        Arguments are checked (TypeError/OverflowError) before anything changes."""

    def flush(self, sinks: Sequence[dict[tuple, Any] | None]) -> None:
        """Add every row's pending counts into the ``N_SINKS`` ``values`` dicts and zero them."""

class Counter3:
    """Pending increments of one three-label counter family, one cell per distinct arguments."""

    def __init__(self, labels_of: Callable[[Any, Any, Any], tuple[Any, ...]]) -> None: ...
    def __len__(self) -> int: ...
    def inc(self, a: Any, b: Any, c: Any) -> None:
        """Add 1 to the cell of ``(a, b, c)``; its label is ``labels_of(a, b, c)``, made once."""

    def flush(self, sink: dict[tuple, Any]) -> None:
        """Add every cell's pending count into ``sink`` (a counter's ``values``) and zero it."""

class Cell:
    """One series' pending count: a stage keeps the cells it bumps per request (``Counter.cell``)."""

    n: int
    f: float
    def inc(self) -> None:
        """Add 1."""

    def add(self, k: int | float) -> None:
        """Add ``k`` (ints pend in ``n``, floats in ``f``)."""

    def take(self) -> int | float:
        """The pending amount (an int unless a float was added), zeroed."""

class Cells:
    """A counter family's cells by label tuple."""

    cells: dict[tuple, Cell]
    def __init__(self) -> None: ...
    def __len__(self) -> int: ...
    def cell(self, key: tuple) -> Cell:
        """The cell of ``key``, made on first use (a key that is not a tuple is a TypeError)."""

    def inc(self, key: tuple, n: int | float = 1) -> None:
        """Add ``n`` to the series ``key``."""

    def flush(self, sink: dict[tuple, Any]) -> None:
        """Add every cell's pending amount into ``sink`` and zero it."""

def add_counts(cells: dict[Any, Cell], counts: dict[Any, int]) -> list[Any] | None:
    """``cells[name].n += counts[name]``; the names without a cell are returned (None if none)."""
