"""Public face of the ``usage`` kernel (compiled ``usage.pyx`` and its twin ``usage_py.py``).

Token counts out of a provider's answer without parsing the whole answer.
"""

def body_usage(data: bytes) -> tuple[int, int, int] | None:
    """``(prompt, completion, cached)`` from the last ``"usage"`` object of a complete answer when
    that object is plain (integers, plain strings, nulls, one level of nested objects), else
    ``None`` (parse the answer instead: the numbers are then the same)."""

def stream_usage_at(data: bytes) -> int:
    """Index of the first ``"usage"`` of an SSE piece not followed by ``\\s* : \\s* null`` (-1: none;
    -2: ``data`` holds ``\\u``, so a key could be spelt with escapes and no text scan can tell)."""

def round10(x: float) -> float:
    """``round(x, 10)`` (a cost in dollars rid of float noise), without Python's decimal
    conversion whenever the result can be proven from ``x * 1e10``."""
