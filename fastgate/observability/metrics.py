"""Prometheus metrics without a multiprocess directory.

Each worker keeps plain dicts (an increment is a dict get/set, ~0.1 µs); the supervisor asks every
worker for a :meth:`Registry.snapshot` over its control channel and serves the merged result as
Prometheus text (:func:`render`). A dead worker's last snapshot is kept by the supervisor and
folded into the totals, so counters never go backwards when a worker is replaced.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any

# Latency buckets in seconds: sub-millisecond resolution matters for gateway overhead.
LATENCY_BUCKETS = (
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
)


class Counter:
    __slots__ = ("name", "help", "labels", "values")
    kind = "counter"

    def __init__(self, name: str, help: str, labels: Sequence[str]) -> None:
        self.name = name
        self.help = help
        self.labels = tuple(labels)
        self.values: dict[tuple, float] = {}

    def inc(self, key: tuple, n: float = 1) -> None:
        v = self.values
        v[key] = v.get(key, 0) + n


class Gauge(Counter):
    __slots__ = ()
    kind = "gauge"

    def set(self, key: tuple, value: float) -> None:
        self.values[key] = value


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

    def snapshot(self) -> dict[str, Any]:
        """A JSON-able copy of every family (what a worker sends to the supervisor)."""
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
