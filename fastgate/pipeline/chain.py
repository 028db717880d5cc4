"""Chains: per-route lists of bound hook methods, compiled once at load time (DESIGN practice 5).

A feature a route does not use costs nothing on that route: the request path iterates plain
lists, and a stage that does not define a hook never appears in that hook's list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .stage import Stage, defines


class Chain:
    __slots__ = ("stages", "request", "response_headers", "chunk", "end", "log", "names")

    def __init__(self, stages: Sequence[Stage]) -> None:
        ordered = sorted(stages, key=lambda s: -s.priority)  # stable: equal priority keeps list order
        self.stages: tuple[Stage, ...] = tuple(ordered)
        self.names: tuple[str, ...] = tuple(s.name for s in ordered)
        rev = list(reversed(ordered))
        # (stage name, bound method) pairs so a failing hook can be reported by name.
        self.request: list[tuple[str, Callable[..., Any]]] = [
            (s.name, s.on_request) for s in ordered if defines(s, "on_request")
        ]
        self.response_headers: list[tuple[str, Callable[..., Any]]] = [
            (s.name, s.on_response_headers) for s in rev if defines(s, "on_response_headers")
        ]
        self.chunk: list[tuple[str, Callable[..., Any]]] = [(s.name, s.on_chunk) for s in rev if defines(s, "on_chunk")]
        self.end: list[tuple[str, Callable[..., Any]]] = [(s.name, s.on_end) for s in rev if defines(s, "on_end")]
        self.log: list[tuple[str, Callable[..., Any]]] = [(s.name, s.on_log) for s in rev if defines(s, "on_log")]

    def __repr__(self) -> str:
        return f"Chain({' > '.join(self.names)})"


def compile_chain(stages: Sequence[Stage | None]) -> Chain:
    """Build a chain from the stages that apply (``None`` entries are skipped)."""
    return Chain([s for s in stages if s is not None])
