"""Prometheus metrics without a multiprocess directory.

Each worker keeps plain dicts (an increment is a dict get/set, ~0.1 µs); the supervisor asks every
worker for a :meth:`Registry.snapshot` over its control channel and serves the merged result as
Prometheus text (:func:`render`). A dead worker's last snapshot is kept by the supervisor and
folded into the totals, so counters never go backwards when a worker is replaced.

What every request records when it ends (requests, latency, upstream, overhead, TTFT, tokens,
cost, OTel GenAI) goes through one call, :meth:`Registry.record_request`, and each upstream attempt
through :meth:`Registry.count_attempt`: the ``metrics`` kernel (``fastgate/_native/metrics.pyx``,
twin ``metrics_py.py``) finds one cached row (cell) per label combination and bumps its C
counters; :meth:`Registry.flush` (run by ``snapshot``) adds them into the families below, so what
``snapshot``/``merge``/``render`` see is unchanged.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any

from .._native import kernel

_rows_kernel = kernel("metrics")

# Latency buckets in seconds: sub-millisecond resolution matters for gateway overhead.
LATENCY_BUCKETS = (
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
)

# OpenTelemetry GenAI semantic conventions (docs/gen-ai/gen-ai-metrics.md, status "development"):
# the bucket boundaries each metric SHOULD use, and the Prometheus names the OTel→Prometheus
# mapping gives them (dots → underscores, unit "s" → "_seconds", an annotation like {token} dropped).
GENAI_TOKEN_BUCKETS = (1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864)
GENAI_DURATION_BUCKETS = (0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92)
GENAI_TTFT_BUCKETS = (0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)
#: endpoint kind → ``gen_ai.operation.name`` (well-known values of the convention)
GENAI_OPERATION = {"chat": "chat", "messages": "chat", "completions": "text_completion", "embeddings": "embeddings",
                   "template": "chat"}
# ``gen_ai.provider.name`` is the current attribute; ``gen_ai.system`` is its name up to semconv
# v1.36, which most existing dashboards query. Both carry the same value, so the series count
# does not change.
GENAI_LABELS = ("gen_ai_operation_name", "gen_ai_provider_name", "gen_ai_system", "gen_ai_request_model")


def genai_error_type(status: int) -> str:
    """``error.type`` of an LLM call answered with ``status``: "" on success (< 400)."""
    if status < 400:
        return ""
    return "client_disconnected" if status == 499 else str(status)


def request_labels(route: str, model: str | None, status: int, kind: str | None,
                   provider_type: str | None) -> tuple[tuple | None, ...]:
    """The label tuples of one ``record_request`` row, in the kernel's ``K_*`` order (run once per row)."""
    name = model or ""
    if provider_type is not None:
        base = (GENAI_OPERATION.get(kind, kind), provider_type, provider_type, model)  # type: ignore[arg-type]
        genai: tuple[tuple | None, ...] = ((*base, "input"), (*base, "output"), (*base, genai_error_type(status)), base)
    else:
        genai = (None, None, None, None)
    return ((route, name, status), (route,), (name,), (name, "input"), (name, "output"), *genai)


def attempt_labels(provider: str, target: str, outcome: Any) -> tuple[str, str, str]:
    """``fastgate_upstream_attempts_total`` labels: the outcome (a status or an error class) as text."""
    return (provider, target, str(outcome))


class Counter:
    """A counter family. Increments go to the ``metrics`` kernel's cells (``Cells``): ``inc(key, n=1)``
    is the kernel's own bound method (one C call: a dict probe and an integer add), and a stage
    that bumps the same series on every request keeps its :meth:`cell` and calls ``cell.inc()``
    (one C call, no lookup). ``values`` adds what is pending first, so readers see every
    increment; ``Registry.flush``/``snapshot`` read it."""

    __slots__ = ("_cells", "_values", "help", "inc", "labels", "name")
    kind = "counter"

    def __init__(self, name: str, help: str, labels: Sequence[str]) -> None:
        self.name = name
        self.help = help
        self.labels = tuple(labels)
        self._values: dict[tuple, float] = {}
        self._cells = _rows_kernel.Cells()
        self.inc = self._cells.inc
        """``inc(key, n=1)``: add ``n`` to the series ``key`` (a label tuple). Pending until ``values`` is read."""

    @property
    def values(self) -> dict[tuple, float]:
        """``label tuple -> amount``, pending increments included."""
        cells = self._cells
        if len(cells):
            cells.flush(self._values)
        return self._values

    def cell(self, key: tuple) -> Any:
        """The kernel cell of series ``key``: ``.inc()`` / ``.add(n)`` count into it (held by stages)."""
        return self._cells.cell(key)


class Gauge(Counter):
    __slots__ = ()
    kind = "gauge"

    def set(self, key: tuple, value: float) -> None:
        if len(self._cells):  # an ``inc`` before this ``set`` must not be added after it
            self._cells.flush(self._values)
        self._values[key] = value


class Histogram:
    __slots__ = ("name", "help", "labels", "buckets", "values")
    kind = "histogram"

    def __init__(self, name: str, help: str, labels: Sequence[str], buckets: Sequence[float] = LATENCY_BUCKETS) -> None:
        self.name = name
        self.help = help
        self.labels = tuple(labels)
        self.buckets = tuple(buckets)
        # key -> [count per bucket (non-cumulative, +Inf last)..., sum]
        self.values: dict[tuple, list[float]] = {}

    def row(self, key: tuple) -> list[float]:
        """The (mutable) row of ``key``, created empty if needed: callers on the hot path keep it."""
        row = self.values.get(key)
        if row is None:
            row = self.values[key] = [0] * (len(self.buckets) + 1) + [0.0]
        return row

    def observe(self, key: tuple, value: float) -> None:
        row = self.values.get(key)
        if row is None:
            row = self.values[key] = [0] * (len(self.buckets) + 1) + [0.0]
        row[bisect_left(self.buckets, value)] += 1
        row[-1] += value


class Registry:
    """A worker's metrics. Families are declared once; label values are tuples."""

    def __init__(self) -> None:
        self.families: dict[str, Counter | Histogram] = {}
        self.requests = self.counter(
            "fastgate_requests_total", "Requests answered, by route, model and status", ("route", "model", "status")
        )
        self.duration = self.histogram(
            "fastgate_request_duration_seconds", "Total time from request to last byte", ("route",)
        )
        self.upstream = self.histogram(
            "fastgate_upstream_duration_seconds", "Time spent waiting on the upstream", ("route",)
        )
        self.overhead = self.histogram(
            "fastgate_gateway_overhead_seconds", "Time spent in fastgate itself (total minus upstream)", ("route",)
        )
        self.ttft = self.histogram(
            "fastgate_time_to_first_token_seconds", "Time to the first streamed byte from the upstream", ("model",)
        )
        self.attempts = self.counter(
            "fastgate_upstream_attempts_total", "Upstream attempts by provider, target and outcome",
            ("provider", "target", "outcome"),
        )
        self.tokens = self.counter(
            "fastgate_tokens_total", "LLM tokens by model and type (input|output), as billed",
            ("model", "type"),
        )
        self.cost = self.counter("fastgate_cost_usd_total", "Cost in USD by model (models.*.price)", ("model",))
        self.errors = self.counter(
            "fastgate_errors_total", "Requests that ended in a gateway-side error, by stage and reason", ("stage", "reason")
        )
        # Declared here so that dashboards and alerts find them from the first scrape; the stages
        # that own them (limits, PII) look them up by name.
        self.counter("fastgate_ratelimit_decisions_total",
                     "Rate-limit decisions: allowed, denied, shadow (would deny), backend_error", ("decision",))
        self.counter("fastgate_pii_redactions_total", "PII entities redacted, by direction (request|response) and entity",
                     ("direction", "entity"))
        # OTel GenAI families: created on first use (observe_genai, or the first flush after an LLM
        # call went through record_request), so /metrics only lists them once something records them.
        self.genai_tokens: Histogram | None = None
        self.genai_duration: Histogram | None = None
        self.genai_ttft: Histogram | None = None
        # (kind, provider type, model) → the four histogram rows a successful call updates, so
        # observe_genai does one dict lookup instead of four (and no method calls).
        self._genai_cells: dict[tuple[str, str, str], list[Any]] = {}
        # The per-request rows (see the module docstring). ``record_request`` is the kernel's own
        # bound method: the call goes straight to C, no Python frame in between.
        self._rows = _rows_kernel.RequestRows(LATENCY_BUCKETS, GENAI_TOKEN_BUCKETS, GENAI_DURATION_BUCKETS,
                                              GENAI_TTFT_BUCKETS, request_labels)
        self.record_request = self._rows.record
        """``record_request(route, model, status, total_s, upstream_s, attempts, kind, provider, providers, ttft_s,
        input_tokens, output_tokens, cost_usd)``: everything one finished request records.

        ``fastgate_requests_total`` {route, model or "", status}; ``total_s`` into
        ``fastgate_request_duration_seconds``, ``total_s - upstream_s`` into
        ``fastgate_gateway_overhead_seconds``, ``upstream_s`` into ``fastgate_upstream_duration_seconds``
        when ``attempts``; ``ttft_s`` > 0 (a stream) into ``fastgate_time_to_first_token_seconds`` {model};
        ``input_tokens``/``output_tokens``/``cost_usd`` (None: not settled) into ``fastgate_tokens_total`` and
        ``fastgate_cost_usd_total``; for an LLM call (``attempts``, ``model`` and ``provider`` set), the
        OTel GenAI families as :meth:`observe_genai` records them (``kind`` is the endpoint kind, the
        provider type is ``providers[provider].type``, "openai" for an unknown name, ``error_type``
        follows from ``status``: :func:`genai_error_type`). Pending until :meth:`flush`."""
        self._attempt_cells = _rows_kernel.Counter3(attempt_labels)
        self.count_attempt = self._attempt_cells.inc
        """``count_attempt(provider, target, outcome)``: one upstream attempt in
        ``fastgate_upstream_attempts_total``; ``outcome`` is the HTTP status (an int is fine: it is
        formatted once per cell, not per call) or the error class name. Pending until :meth:`flush`."""

    def _genai_families(self) -> Histogram:
        tok = self.genai_tokens
        if tok is None:
            tok = self.genai_tokens = self.histogram(
                "gen_ai_client_token_usage", "OTel gen_ai.client.token.usage: tokens per LLM call, by token type",
                (*GENAI_LABELS, "gen_ai_token_type"), GENAI_TOKEN_BUCKETS)
            self.genai_duration = self.histogram(
                "gen_ai_client_operation_duration_seconds",
                "OTel gen_ai.client.operation.duration: upstream LLM call duration", (*GENAI_LABELS, "error_type"),
                GENAI_DURATION_BUCKETS)
            self.genai_ttft = self.histogram(
                "gen_ai_server_time_to_first_token_seconds",
                "OTel gen_ai.server.time_to_first_token: time to the first streamed token", GENAI_LABELS,
                GENAI_TTFT_BUCKETS)
        return tok

    def _genai_cell(self, kind: str, provider_type: str, model: str) -> list[Any]:
        tok = self._genai_families()
        op = GENAI_OPERATION.get(kind, kind)
        base = (op, provider_type, provider_type, model)
        # Rows are made on first use (a model never streamed has no TTFT series, an embeddings
        # call no output-token series), then kept in the cell.
        cell: list[Any] = [(tok, (*base, "input")), (tok, (*base, "output")),
                           (self.genai_duration, (*base, "")), (self.genai_ttft, base)]
        self._genai_cells[(kind, provider_type, model)] = cell
        return cell

    @staticmethod
    def _genai_row(cell: list[Any], i: int) -> list[float]:
        hist, key = cell[i]
        row: list[float] = hist.row(key)
        cell[i] = row
        return row

    def observe_genai(self, kind: str, provider_type: str, model: str, upstream_s: float, ttft_s: float,
                      input_tokens: int | None, output_tokens: int | None, error_type: str | None) -> None:
        """Record one LLM call in the OpenTelemetry GenAI families (semconv names and buckets).

        ``gen_ai_client_token_usage`` (histogram, one observation per token type),
        ``gen_ai_client_operation_duration_seconds`` (the upstream call; ``error_type`` labels a
        failed one, "" otherwise) and ``gen_ai_server_time_to_first_token_seconds`` (streams only:
        ``ttft_s`` > 0). The gateway is the GenAI *client* of its providers and the *server* of its
        callers, hence the two namespaces. ``kind`` is the endpoint kind (chat, messages,
        completions, embeddings), mapped to ``gen_ai.operation.name``; ``provider_type`` is
        ``openai`` or ``anthropic`` (well-known ``gen_ai.provider.name`` values).
        """
        cell = self._genai_cells.get((kind, provider_type, model))
        if cell is None:
            cell = self._genai_cell(kind, provider_type, model)
        if input_tokens is not None:
            row = cell[0]
            if type(row) is tuple:
                row = self._genai_row(cell, 0)
            row[bisect_left(GENAI_TOKEN_BUCKETS, input_tokens)] += 1
            row[-1] += input_tokens
        if output_tokens is not None:
            row = cell[1]
            if type(row) is tuple:
                row = self._genai_row(cell, 1)
            row[bisect_left(GENAI_TOKEN_BUCKETS, output_tokens)] += 1
            row[-1] += output_tokens
        if error_type:
            op = GENAI_OPERATION.get(kind, kind)
            self.genai_duration.observe((op, provider_type, provider_type, model, error_type), upstream_s)  # type: ignore[union-attr]
        else:
            row = cell[2]
            if type(row) is tuple:
                row = self._genai_row(cell, 2)
            row[bisect_left(GENAI_DURATION_BUCKETS, upstream_s)] += 1
            row[-1] += upstream_s
        if ttft_s > 0.0:
            row = cell[3]
            if type(row) is tuple:
                row = self._genai_row(cell, 3)
            row[bisect_left(GENAI_TTFT_BUCKETS, ttft_s)] += 1
            row[-1] += ttft_s

    def counter(self, name: str, help: str, labels: Sequence[str]) -> Counter:
        c = Counter(name, help, labels)
        self.families[name] = c
        return c

    def gauge(self, name: str, help: str, labels: Sequence[str]) -> Gauge:
        g = Gauge(name, help, labels)
        self.families[name] = g
        return g

    def histogram(self, name: str, help: str, labels: Sequence[str], buckets: Sequence[float] = LATENCY_BUCKETS) -> Histogram:
        h = Histogram(name, help, labels, buckets)
        self.families[name] = h
        return h

    def flush(self) -> None:
        """Add what :meth:`record_request` has pending into the families (``snapshot`` calls it)."""
        rows = self._rows
        if rows.genai_seen and self.genai_tokens is None:
            self._genai_families()  # the GenAI families appear with the first LLM call
        gt, gd, gf = self.genai_tokens, self.genai_duration, self.genai_ttft
        rows.flush((self.requests.values, self.duration.values, self.upstream.values, self.overhead.values,
                    self.ttft.values, self.tokens.values, self.cost.values,
                    gt.values if gt is not None else None, gd.values if gd is not None else None,
                    gf.values if gf is not None else None))
        self._attempt_cells.flush(self.attempts.values)

    def snapshot(self) -> dict[str, Any]:
        """A JSON-able copy of every family (what a worker sends to the supervisor)."""
        self.flush()
        out: dict[str, Any] = {}
        for name, fam in self.families.items():
            entry: dict[str, Any] = {"kind": fam.kind, "help": fam.help, "labels": list(fam.labels)}
            if isinstance(fam, Histogram):
                entry["buckets"] = list(fam.buckets)
            entry["values"] = [[list(k), v] for k, v in fam.values.items()]
            out[name] = entry
        return out


def merge(snapshots: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Add up snapshots from several workers (gauges add too: they are per-worker amounts)."""
    merged: dict[str, Any] = {}
    for snap in snapshots:
        for name, fam in snap.items():
            m = merged.get(name)
            if m is None:
                m = merged[name] = {k: v for k, v in fam.items() if k != "values"}
                m["_acc"] = {}
            acc = m["_acc"]
            for labels, value in fam["values"]:
                key = tuple(labels)
                if fam["kind"] == "histogram":
                    cur = acc.get(key)
                    acc[key] = list(value) if cur is None else [a + b for a, b in zip(cur, value, strict=True)]
                else:
                    acc[key] = acc.get(key, 0) + value
    for m in merged.values():
        m["values"] = [[list(k), v] for k, v in m.pop("_acc").items()]
    return merged


INF_LABEL = 'le="+Inf"'


def _escape(v: Any) -> str:
    return str(v).replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(names: Sequence[str], values: Sequence[Any], extra: str = "") -> str:
    parts = [f'{n}="{_escape(v)}"' for n, v in zip(names, values, strict=False)]
    if extra:
        parts.append(extra)
    return "{" + ",".join(parts) + "}" if parts else ""


def _num(v: float) -> str:
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(v) if isinstance(v, float) else str(v)


def render(merged: dict[str, Any]) -> str:
    """Prometheus text exposition format 0.0.4."""
    lines: list[str] = []
    for name in sorted(merged):
        fam = merged[name]
        kind = fam["kind"]
        lines.append(f"# HELP {name} {fam['help']}")
        lines.append(f"# TYPE {name} {kind}")
        names = fam["labels"]
        for labels, value in sorted(fam["values"], key=lambda lv: [str(x) for x in lv[0]]):
            if kind == "histogram":
                cum = 0
                for bound, n in zip(fam["buckets"], value, strict=False):
                    cum += n
                    le = 'le="%s"' % bound
                    lines.append(f"{name}_bucket{_labels(names, labels, le)} {_num(cum)}")
                cum += value[len(fam["buckets"])]
                lines.append(f"{name}_bucket{_labels(names, labels, INF_LABEL)} {_num(cum)}")
                lines.append(f"{name}_sum{_labels(names, labels)} {_num(value[-1])}")
                lines.append(f"{name}_count{_labels(names, labels)} {_num(cum)}")
            else:
                lines.append(f"{name}{_labels(names, labels)} {_num(value)}")
    return "\n".join(lines) + "\n"
