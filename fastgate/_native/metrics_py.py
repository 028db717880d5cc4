"""Per-request metrics kernel — pure-Python twin, the readable specification of ``metrics.pyx``.

A request that ends updates up to eleven series in ten families (requests counter, total /
upstream / overhead / TTFT latency histograms, token and cost counters, and the three OTel GenAI
histograms). Looking each one up by its own label tuple costs a dict lookup, a tuple and a
method call per family; here one call, :meth:`RequestRows.record`, finds ONE row by
``(route, model, status, kind, provider_type)`` and bumps the row's pending bucket counts and
sums. (The compiled kernel finds the row by hashing the arguments into its own open-addressing
table, so no key tuple is built per call; the twin uses a dict: same rows, same order.)
:meth:`RequestRows.flush` (run before every snapshot, off the hot path) adds what is pending
into the families' ``values`` dicts, in the exact layout ``Counter``/``Histogram`` use (counter:
``key -> number``; histogram: ``key -> [count per bucket (non-cumulative, +Inf last)..., sum]``),
then zeroes the row. Counts are integers, sums floats, as before.

What is recorded, per call (the semantics of ``Gateway._finish`` + ``Registry.observe_genai``):

* always: one request (``requests``), ``total_s`` (``duration``), ``total_s - upstream_s``
  (``overhead``);
* ``attempts`` true (an upstream was contacted): ``upstream_s`` (``upstream``);
* ``ttft_s > 0`` (a stream's first byte) and ``model`` not None: ``ttft_s`` (``ttft``, by model);
* an LLM call (``attempts`` true, ``model`` and ``provider`` not None): the OTel GenAI families,
  labelled with the provider's type, ``providers[provider].type`` (``default_provider_type`` when
  the name is not in ``providers``, the world's name → provider map): ``input_tokens`` /
  ``output_tokens`` into the token histogram when not None, ``upstream_s`` into the operation
  duration histogram, ``ttft_s`` into the GenAI TTFT histogram when > 0;
* ``input_tokens`` / ``output_tokens`` / ``cost_usd`` not None: added to the token and cost
  counters (the usage stage sets all three once it has settled the bill).

The label tuples each part goes to are made once per row by the ``labels_of`` callable given to
the constructor, from the row's key ``(route, model, status, kind, provider_type)``, where
``provider_type`` is None when the call records no GenAI series (the registry owns the naming;
this kernel only counts). Bucket search is ``bisect_left`` over the bounds (a value equal to a
bound falls in that bound's bucket; NaN in the first), in both implementations. Token counts
must be ints (``operator.index``; the compiled kernel keeps them as int64).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from operator import index
from typing import Any

__all__ = [
    "H_DURATION", "H_GENAI_DURATION", "H_GENAI_INPUT", "H_GENAI_OUTPUT", "H_GENAI_TTFT", "H_OVERHEAD", "H_TTFT",
    "H_UPSTREAM", "K_GENAI_DURATION", "K_GENAI_INPUT", "K_GENAI_OUTPUT", "K_GENAI_TTFT", "K_MODEL", "K_REQUEST",
    "K_ROUTE", "K_TOKENS_IN", "K_TOKENS_OUT", "N_KEYS", "N_SINKS", "Counter3", "RequestRows", "S_COST", "S_DURATION",
    "S_GENAI_DURATION", "S_GENAI_TOKENS", "S_GENAI_TTFT", "S_OVERHEAD", "S_REQUESTS", "S_TOKENS", "S_TTFT",
    "S_UPSTREAM",
]

# The label tuples ``labels_of(route, model, status, kind, provider_type)`` returns, by index.
K_REQUEST = 0        # requests counter
K_ROUTE = 1          # duration, upstream, overhead histograms
K_MODEL = 2          # TTFT histogram, cost counter
K_TOKENS_IN = 3      # token counter, input
K_TOKENS_OUT = 4     # token counter, output
K_GENAI_INPUT = 5    # GenAI token histogram, input (None when provider_type is None)
K_GENAI_OUTPUT = 6   # GenAI token histogram, output
K_GENAI_DURATION = 7  # GenAI operation duration
K_GENAI_TTFT = 8     # GenAI time to first token
N_KEYS = 9

# The ``values`` dicts ``flush`` writes into, by index of its ``sinks`` argument.
S_REQUESTS = 0
S_DURATION = 1
S_UPSTREAM = 2
S_OVERHEAD = 3
S_TTFT = 4
S_TOKENS = 5
S_COST = 6
S_GENAI_TOKENS = 7    # may be None while no row has GenAI labels (``genai_seen`` false)
S_GENAI_DURATION = 8
S_GENAI_TTFT = 9
N_SINKS = 10

# The row's histogram parts: which bounds they use (0 latency, 1 tokens, 2 GenAI duration,
# 3 GenAI TTFT), which sink and which label tuple they flush into.
H_DURATION = 0
H_UPSTREAM = 1
H_OVERHEAD = 2
H_TTFT = 3
H_GENAI_INPUT = 4
H_GENAI_OUTPUT = 5
H_GENAI_DURATION = 6
H_GENAI_TTFT = 7
_H_BOUNDS = (0, 0, 0, 0, 1, 1, 2, 3)
_H_SINK = (S_DURATION, S_UPSTREAM, S_OVERHEAD, S_TTFT, S_GENAI_TOKENS, S_GENAI_TOKENS, S_GENAI_DURATION, S_GENAI_TTFT)
_H_KEY = (K_ROUTE, K_ROUTE, K_ROUTE, K_MODEL, K_GENAI_INPUT, K_GENAI_OUTPUT, K_GENAI_DURATION, K_GENAI_TTFT)


class _Row:
    __slots__ = ("cost", "hist", "keys", "n_cost", "n_in", "n_out", "requests", "tokens_in", "tokens_out")

    def __init__(self, keys: tuple[Any, ...], sizes: Sequence[int]) -> None:
        self.keys = keys
        self.requests = 0
        # per part: [count per bucket..., +Inf count, sum]
        self.hist: list[list[Any]] = [[0] * (n + 1) + [0.0] for n in sizes]
        self.tokens_in = 0
        self.tokens_out = 0
        self.cost = 0.0
        self.n_in = self.n_out = self.n_cost = 0  # how many additions (a 0-token call still makes the series)


def _observe(h: list[Any], bounds: tuple[float, ...], value: float) -> None:
    h[bisect_left(bounds, value)] += 1
    h[-1] += value


def _double(x: Any) -> float:
    # what a C ``double`` argument accepts (PyFloat_AsDouble): __float__, else __index__; a str is a TypeError
    if type(x) is float:
        return x
    if hasattr(type(x), "__float__"):
        return float(x)
    return float(index(x))


def _tokens(x: Any) -> int:
    n = index(x)  # a float is a TypeError
    if not -(1 << 63) <= n < (1 << 63):
        raise OverflowError("token count out of the int64 range")
    return n


def _counter_add(sink: dict[tuple, Any], key: tuple, n: Any) -> None:
    sink[key] = sink.get(key, 0) + n


class RequestRows:
    """Pending per-request metrics, one row per ``(route, model, status, kind, provider_type)``."""

    __slots__ = ("_bounds", "_labels_of", "_rows", "_sizes", "default_provider_type", "genai_seen")

    def __init__(self, latency_buckets: Sequence[float], token_buckets: Sequence[float],
                 genai_duration_buckets: Sequence[float], genai_ttft_buckets: Sequence[float],
                 labels_of: Callable[[Any, Any, Any, Any, Any], tuple[Any, ...]],
                 default_provider_type: Any = "openai") -> None:
        bounds = (tuple(latency_buckets), tuple(token_buckets), tuple(genai_duration_buckets), tuple(genai_ttft_buckets))
        for b in bounds:
            if not b or any(not (x < y) for x, y in zip(b, b[1:], strict=False)) or len(b) > 32:
                raise ValueError("bucket bounds must be 1..32 strictly increasing numbers")
        self._bounds = bounds
        self._sizes = tuple(len(bounds[i]) for i in _H_BOUNDS)
        self._labels_of = labels_of
        self.default_provider_type = default_provider_type
        self._rows: dict[tuple, _Row] = {}
        self.genai_seen = False  # some row has GenAI labels: the GenAI sinks must be given to flush

    def __len__(self) -> int:
        return len(self._rows)

    def _new_row(self, key: tuple) -> _Row:
        keys = tuple(self._labels_of(*key))
        if len(keys) != N_KEYS:
            raise ValueError(f"labels_of must return {N_KEYS} label tuples")
        row = self._rows[key] = _Row(keys, self._sizes)
        if key[4] is not None:
            self.genai_seen = True
        return row

    def record(self, route: Any, model: Any, status: Any, total_s: float, upstream_s: float, attempts: Any,
               kind: Any, provider: Any, providers: dict[Any, Any] | None, ttft_s: float, input_tokens: Any,
               output_tokens: Any, cost_usd: Any) -> None:
        """Count one finished request (see the module docstring for what goes where)."""
        total_s = _double(total_s)
        upstream_s = _double(upstream_s)
        ttft_s = _double(ttft_s)
        upstream = bool(attempts)
        n_in = _tokens(input_tokens) if input_tokens is not None else 0
        n_out = _tokens(output_tokens) if output_tokens is not None else 0
        cost = _double(cost_usd) if cost_usd is not None else 0.0
        # Everything that can raise is above or here, before the row changes.
        provider_type = None
        if upstream and model is not None and provider is not None:
            prov = providers.get(provider) if providers is not None else None
            provider_type = prov.type if prov is not None else self.default_provider_type
        key = (route, model, status, kind, provider_type)
        row = self._rows.get(key)
        if row is None:
            row = self._new_row(key)
        lat, tok, gdur, gttft = self._bounds
        h = row.hist
        row.requests += 1
        _observe(h[H_DURATION], lat, total_s)
        if upstream:
            _observe(h[H_UPSTREAM], lat, upstream_s)
        _observe(h[H_OVERHEAD], lat, total_s - upstream_s)
        if ttft_s > 0.0 and model is not None:
            _observe(h[H_TTFT], lat, ttft_s)
        if input_tokens is not None:
            row.tokens_in += n_in
            row.n_in += 1
        if output_tokens is not None:
            row.tokens_out += n_out
            row.n_out += 1
        if cost_usd is not None:
            row.cost += cost
            row.n_cost += 1
        if provider_type is not None:
            if input_tokens is not None:
                _observe(h[H_GENAI_INPUT], tok, float(n_in))
            if output_tokens is not None:
                _observe(h[H_GENAI_OUTPUT], tok, float(n_out))
            _observe(h[H_GENAI_DURATION], gdur, upstream_s)
            if ttft_s > 0.0:
                _observe(h[H_GENAI_TTFT], gttft, ttft_s)

    def flush(self, sinks: Sequence[dict[tuple, Any] | None]) -> None:
        """Add every row's pending counts into ``sinks`` (the families' ``values``) and zero them.

        Rows are visited in creation order; a series is created (a 0 value included) only by a
        part that was recorded since the last flush."""
        if len(sinks) != N_SINKS:
            raise ValueError(f"flush needs {N_SINKS} sinks")
        for row in self._rows.values():
            keys = row.keys
            if row.requests:
                _counter_add(sinks[S_REQUESTS], keys[K_REQUEST], row.requests)  # type: ignore[arg-type]
                row.requests = 0
            for part, h in enumerate(row.hist):
                nb = len(h) - 1
                if not any(h[:nb]):
                    continue
                sink = sinks[_H_SINK[part]]
                if sink is None:
                    raise ValueError("GenAI rows recorded: flush needs the GenAI sinks")
                key = keys[_H_KEY[part]]
                cur = sink.get(key)
                if cur is None:
                    cur = sink[key] = [0] * nb + [0.0]
                for i in range(nb):
                    cur[i] += h[i]
                    h[i] = 0
                cur[nb] += h[nb]
                h[nb] = 0.0
            if row.n_in:
                _counter_add(sinks[S_TOKENS], keys[K_TOKENS_IN], row.tokens_in)  # type: ignore[arg-type]
                row.tokens_in = row.n_in = 0
            if row.n_out:
                _counter_add(sinks[S_TOKENS], keys[K_TOKENS_OUT], row.tokens_out)  # type: ignore[arg-type]
                row.tokens_out = row.n_out = 0
            if row.n_cost:
                _counter_add(sinks[S_COST], keys[K_MODEL], row.cost)  # type: ignore[arg-type]
                row.cost = 0.0
                row.n_cost = 0


class _Cell:
    __slots__ = ("label", "n")

    def __init__(self, label: tuple) -> None:
        self.label = label
        self.n = 0


class Counter3:
    """Pending increments of one three-label counter family, one cell per distinct arguments.

    ``inc(a, b, c)`` adds 1 to the cell of ``(a, b, c)``; the cell's label tuple is
    ``labels_of(a, b, c)``, computed once (so a caller can pass an int status and have it
    labelled ``"200"`` without formatting it per call). ``flush(sink)`` adds the pending counts into
    ``sink`` (a counter's ``values``) and zeroes them; cells whose labels coincide add up."""

    __slots__ = ("_cells", "_labels_of")

    def __init__(self, labels_of: Callable[[Any, Any, Any], tuple[Any, ...]]) -> None:
        self._labels_of = labels_of
        self._cells: dict[tuple, _Cell] = {}

    def __len__(self) -> int:
        return len(self._cells)

    def inc(self, a: Any, b: Any, c: Any) -> None:
        key = (a, b, c)
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = _Cell(tuple(self._labels_of(a, b, c)))
        cell.n += 1

    def flush(self, sink: dict[tuple, Any]) -> None:
        for cell in self._cells.values():
            if cell.n:
                _counter_add(sink, cell.label, cell.n)
                cell.n = 0


# ------------------------------------------------------------------------------ stage-owned counters


class Cell:
    """One series' pending count. A stage keeps the cells of the label sets it bumps on every
    request (``Counter.cell``) and calls ``inc()`` (compiled: one C call, no key lookup)."""

    __slots__ = ("f", "n")

    def __init__(self) -> None:
        self.n = 0
        self.f = 0.0  # non-integer amounts pend here

    def inc(self) -> None:
        """Add 1."""
        self.n += 1

    def add(self, k: Any) -> None:
        """Add ``k`` (an int or a float)."""
        if isinstance(k, int):
            self.n += _tokens(k)
        else:
            self.f += _double(k)

    def take(self) -> Any:
        """The pending amount (an int unless a float was added), zeroed."""
        n, f = self.n, self.f
        self.n = 0
        self.f = 0.0
        return n + f if f != 0.0 else n


class Cells:
    """A counter family's cells by label tuple: ``inc(key, n=1)`` is the family's increment,
    ``flush(sink)`` adds what is pending into the family's ``values`` dict and zeroes it."""

    __slots__ = ("cells",)

    def __init__(self) -> None:
        self.cells: dict[tuple, Cell] = {}

    def __len__(self) -> int:
        return len(self.cells)

    def cell(self, key: tuple) -> Cell:
        """The cell of ``key`` (a label tuple), made on first use."""
        c = self.cells.get(key)
        if c is None:
            if type(key) is not tuple:
                raise TypeError(f"a counter key is a tuple, not {type(key).__name__}")
            c = self.cells[key] = Cell()
        return c

    def inc(self, key: tuple, n: Any = 1) -> None:
        """Add ``n`` to the series ``key``."""
        self.cell(key).add(n)

    def flush(self, sink: dict[tuple, Any]) -> None:
        for key, cell in self.cells.items():
            if cell.n or cell.f != 0.0:
                _counter_add(sink, key, cell.take())


def add_counts(cells: dict[Any, Cell], counts: dict[Any, int]) -> list[Any] | None:
    """``cells[name].n += counts[name]`` for every name of ``counts`` (ints); the names that have
    no cell are returned as a list (None when every name had one), their counts left to the caller."""
    missing = None
    for name, n in counts.items():
        c = cells.get(name)
        if c is None:
            if missing is None:
                missing = []
            missing.append(name)
        else:
            c.n += _tokens(n)
    return missing
