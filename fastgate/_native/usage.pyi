"""Public face of the ``usage`` kernel (compiled ``usage.pyx`` and its twin ``usage_py.py``).

Token counts out of a provider's answer without parsing the whole answer.
"""

def body_usage(data: bytes) -> tuple[int, int, int] | None:
    """``(prompt, completion, cached)`` from the last ``"usage"`` object of a complete answer when
    that object is plain (integers, plain strings, nulls, one level of nested objects), else
    ``None`` (parse the answer instead: the numbers are then the same)."""

def round10(x: float) -> float:
    """``round(x, 10)`` (a cost in dollars rid of float noise), without Python's decimal
    conversion whenever the result can be proven from ``x * 1e10``."""
