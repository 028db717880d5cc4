"""Public face of the ``jsonline`` kernel (compiled ``jsonline.pyx`` and its twin ``jsonline_py.py``).

Both implementations return the same bytes / floats and raise the same errors for every input.
"""

from typing import Any, Final

SKIP: Final[Any]
"""A value of ``record_dict`` / ``dumps_record`` that leaves its field out."""

def dumps_line(obj: Any) -> bytes:
    """``orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE)``."""

def record_dict(names: tuple[str, ...], values: tuple[Any, ...], extra: dict[str, Any] | None,
                digits: tuple[int | None, ...] | None = None) -> dict[str, Any]:
    """``{names[i]: values[i]}`` (rounded: ``round(values[i], digits[i])`` where digits[i] is not None)
    for the values that are not SKIP, then ``extra``'s items whose key
    does not start with ``"_"`` (dict assignment: an equal key replaces a field's value in place)."""

def dumps_record(names: tuple[str, ...], values: tuple[Any, ...], extra: dict[str, Any] | None,
                 digits: tuple[int | None, ...] | None = None) -> bytes:
    """``dumps_line(record_dict(names, values, extra, digits))``."""

def round_to(x: Any, ndigits: int) -> Any:
    """``round(x, ndigits)``."""

def server_timing(gateway_ms: float, upstream_ms: float) -> str:
    """``f"gateway;dur={gateway_ms:.3f}, upstream;dur={upstream_ms:.3f}"``."""
