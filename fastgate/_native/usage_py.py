"""Usage kernel, pure-Python twin: the readable specification of ``usage.pyx``.

Three functions: ``body_usage`` (below), ``stream_usage_at`` (where a piece of an SSE stream can
first carry usage) and ``round10``, the rounding of a request's cost.

``body_usage(data)`` reads the token counts of a complete (non-streamed) provider answer without
parsing the answer: both APIs put ``usage`` after the content, so the counts are in the last
``"usage"`` object of the bytes. It answers only for the *plain* shape of that object, the one
providers send::

    "usage" \\s* : \\s* { "key": VALUE, ..., "key": { "key": SCALAR, ... }, ... }

where a SCALAR is an integer (``-?(0|[1-9][0-9]{0,17})``), ``null`` or a string of printable
ASCII without escapes, a VALUE is a scalar or an object of scalars (one level: OpenAI's
``prompt_tokens_details``, Anthropic's ``server_tool_use``), keys are such strings too, and JSON
white space separates tokens. Every count it reads must be an integer. For anything else (a
float, an array, deeper nesting, an escape or a non-ASCII byte in a string, a cut-off object, no
``"usage"``, a ``"usage"`` right after a backslash, a count that is not an integer) it returns
``None`` and the caller takes its general path (a JSON parse): the numbers are the same whenever
this function gives any (``tests/stages/test_usage_body.py``).

The answer is ``(prompt, completion, cached)`` (as a ``record``, see ``body_usage``), read like ``UsageStage`` reads a usage dict:

* Anthropic (``input_tokens`` or ``output_tokens`` present): prompt = input_tokens +
  cache_read_input_tokens + cache_creation_input_tokens, completion = output_tokens, cached =
  cache_read_input_tokens;
* OpenAI otherwise: prompt_tokens, completion_tokens, and ``prompt_tokens_details.cached_tokens``
  when ``prompt_tokens_details`` is an object.

Absent counts are 0; a repeated key counts its last value (as a JSON parse keeps it).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["body_usage", "round10", "stream_usage_at"]

# Between "usage" and its colon, and between the colon and the brace: what \\s matches in a bytes
# pattern (the general path's rule). Inside the object: JSON white space only.
_PRE_WS = b" \t\n\r\f\v"
_WS = rb"[ \t\n\r]*"
_STR = rb'"[\x20\x21\x23-\x5b\x5d-\x7e]*"'
_INT = rb"-?(?:0|[1-9][0-9]{0,17})"
_SCALAR = rb"(?:" + _INT + rb"|" + _STR + rb"|null)"


def _object(value: bytes) -> bytes:
    """``{ "key": value, ... }`` (possibly empty) with JSON white space between tokens."""
    member = _STR + _WS + rb":" + _WS + value
    return rb"\{" + _WS + rb"(?:" + member + rb"(?:" + _WS + rb"," + _WS + member + rb")*" + _WS + rb")?\}"


_VALUE = rb"(?:" + _SCALAR + rb"|" + _object(_SCALAR) + rb")"
_PLAIN = re.compile(_object(_VALUE))  # the whole object
_MEMBERS = re.compile(rb'"([^"]*)"' + _WS + rb":" + _WS + rb"(" + _VALUE + rb")")  # its members, in order

# The counts read from the top level (each must be an integer when present).
_COUNTS = frozenset({b"prompt_tokens", b"completion_tokens", b"input_tokens", b"output_tokens",
                     b"cache_read_input_tokens", b"cache_creation_input_tokens"})


def _is_int(value: bytes) -> bool:
    return value[:1] not in (b"{", b'"', b"n")


def body_usage(data: bytes, record: type = tuple) -> Any:
    """``record((prompt, completion, cached))`` from the last ``"usage"`` object of ``data`` when
    it is plain (see the module docstring), else ``None``.

    ``record`` is ``tuple`` or a subclass (a NamedTuple of three fields): the instance is made
    like ``tuple.__new__(record, ...)`` makes it, without calling ``record`` itself.
    """
    if not issubclass(record, tuple):
        raise TypeError("record must be a tuple subclass (e.g. a NamedTuple of 3 fields)")
    i = data.rfind(b'"usage"')
    if i <= 0 or data[i - 1] == 0x5C:  # (at 0 it cannot be a key; after a backslash, in a string)
        return None
    n = len(data)
    j = i + 7
    while j < n and data[j] in _PRE_WS:
        j += 1
    if j >= n or data[j] != 0x3A:  # :
        return None
    j += 1
    while j < n and data[j] in _PRE_WS:
        j += 1
    m = _PLAIN.match(data, j)
    if m is None:
        return None
    counts: dict[bytes, int] = {}
    cached = 0  # prompt_tokens_details.cached_tokens (last prompt_tokens_details wins)
    for name, value in _MEMBERS.findall(m.group(), 1):
        if name in _COUNTS:
            if not _is_int(value):
                return None
            counts[name] = int(value)
        elif name == b"prompt_tokens_details":
            cached = 0
            if value[:1] == b"{":
                for inner, v in _MEMBERS.findall(value, 1):
                    if inner == b"cached_tokens":
                        if not _is_int(v):
                            return None
                        cached = int(v)
    if b"input_tokens" in counts or b"output_tokens" in counts:
        cached = counts.get(b"cache_read_input_tokens", 0)
        prompt = counts.get(b"input_tokens", 0) + cached + counts.get(b"cache_creation_input_tokens", 0)
        return tuple.__new__(record, (prompt, counts.get(b"output_tokens", 0), cached))
    return tuple.__new__(record, (counts.get(b"prompt_tokens", 0), counts.get(b"completion_tokens", 0), cached))


# A "usage" not followed by \\s* : \\s* null.
_LIVE_USAGE = re.compile(rb'"usage"(?!\s*:\s*null)')


def stream_usage_at(data: bytes) -> int:
    """Where in a piece of an SSE stream usage can first be: the index of the first ``"usage"``
    not followed by ``\\s* : \\s* null``; -1 when there is none; -2 when ``data`` holds the bytes
    ``\\u`` (a key could be spelt with escapes, which a JSON parser reads as ``usage``: no text
    scan can tell).

    With ``include_usage`` OpenAI sends ``"usage":null`` in every chunk and the usage object in the
    last one; ``"usage"`` with both quotes unescaped is a key or a whole string value, never part
    of a longer string, so the events before this index cannot carry usage.
    """
    if not isinstance(data, bytes):
        raise TypeError("data must be bytes")
    if b"\\u" in data:
        return -2
    m = _LIVE_USAGE.search(data)
    return -1 if m is None else m.start()


def round10(x: float) -> float:
    """``round(x, 10)``: a cost in dollars rid of float noise (what the access log and the usage
    ledger record). The compiled kernel gives the same float without Python's decimal
    conversion whenever it can prove the answer, and calls ``round`` when it cannot."""
    return round(x, 10)
