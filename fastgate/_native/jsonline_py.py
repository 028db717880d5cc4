"""JSON-line kernel — pure-Python twin, the readable specification of ``jsonline.pyx``.

The pieces of writing a JSON log line, each defined here by the plain Python it stands for:

* :func:`dumps_line` — ``orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE)``: the same bytes
  for every object, the same exception for every object orjson refuses.
* :func:`record_dict` — a record of named fields: ``names[i]: values[i]`` for every value that is
  not :data:`SKIP` (a field left out), ``round(values[i], digits[i])`` where ``digits`` gives a
  number of decimals (not None), then the items of ``extra`` (a dict or None) whose key does
  not start with ``"_"`` (private per-request state), as plain dict assignments (an extra key
  equal to a name replaces that field's value in place).
* :func:`dumps_record` — ``dumps_line(record_dict(names, values, extra))``, without building the
  dict when it can (the compiled kernel writes the fields straight from the tuples).
* :func:`round_to` — ``round(x, ndigits)``: the same float (bit for bit, sign of zero included),
  the same type and the same exception for every argument.

The compiled kernel writes dicts, lists, tuples, str, int, float, bool and None of their exact
types itself and hands anything else to orjson (or to this module) whole, so both give the same
bytes and raise the same errors; ``round_to`` rounds a float with ``|x| * 10**ndigits < 2**52``
and ``0 <= ndigits <= 22`` in C and passes anything else to ``round``.
"""

from __future__ import annotations

from typing import Any, Final

import orjson

__all__ = ["SKIP", "dumps_line", "dumps_record", "record_dict", "round_to", "server_timing"]

_OPT = orjson.OPT_APPEND_NEWLINE


class _Skip:
    __slots__ = ()

    def __repr__(self) -> str:
        return "SKIP"


#: A value of :func:`record_dict` / :func:`dumps_record` that leaves its field out.
SKIP: Final = _Skip()


def dumps_line(obj: Any) -> bytes:
    """``obj`` as one JSON line: orjson's serialisation plus ``\\n``."""
    return orjson.dumps(obj, option=_OPT)


def record_dict(names: tuple[str, ...], values: tuple[Any, ...], extra: dict[str, Any] | None,
                digits: tuple[int | None, ...] | None = None) -> dict[str, Any]:
    """The record: the named fields whose value is not SKIP (rounded to ``digits``), then
    ``extra``'s public items."""
    rec: dict[str, Any] = {}
    if digits is None:
        digits = (None,) * len(names)
    for name, value, nd in zip(names, values, digits, strict=True):
        if value is not SKIP:
            rec[name] = value if nd is None else round(value, nd)
    if extra:
        for k, v in extra.items():
            if k[0] != "_":
                rec[k] = v
    return rec


def dumps_record(names: tuple[str, ...], values: tuple[Any, ...], extra: dict[str, Any] | None,
                 digits: tuple[int | None, ...] | None = None) -> bytes:
    """``dumps_line(record_dict(names, values, extra, digits))``."""
    return orjson.dumps(record_dict(names, values, extra, digits), option=_OPT)


def round_to(x: Any, ndigits: int) -> Any:
    """``round(x, ndigits)``: round half to even on the exact binary value of ``x``."""
    return round(x, ndigits)


def server_timing(gateway_ms: float, upstream_ms: float) -> str:
    """The ``Server-Timing`` value of a relayed answer: both durations (ms) to three decimals."""
    return f"gateway;dur={gateway_ms:.3f}, upstream;dur={upstream_ms:.3f}"
