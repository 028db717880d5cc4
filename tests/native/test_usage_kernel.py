"""The ``usage`` kernel: the token counts of a complete answer's plain ``"usage"`` object, twin and
compiled, on fixed cases and a seeded random corpus (valid shapes, near misses, mutations)."""

from __future__ import annotations

import random
from typing import Any

import orjson
import pytest

from fastgate._native import NO_EXTENSIONS, compiled, kernel, twin

TWIN = twin("usage")
COMPILED = compiled("usage")

IMPLS = [
    pytest.param(TWIN, id="twin"),
    pytest.param(COMPILED, id="compiled", marks=pytest.mark.skipif(NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")),
]


def test_compiled_kernel_loaded() -> None:
    if NO_EXTENSIONS:
        pytest.skip("FASTGATE_NO_EXTENSIONS=1")
    assert COMPILED is not None, "fastgate._native.usage is not built (or failed to import)"
    assert kernel("usage") is COMPILED


def _answer(usage: bytes) -> bytes:
    return b'{"id":"x","choices":[{"message":{"content":"says \\"usage\\": {\\"prompt_tokens\\": 9}"}}],"usage":' \
        + usage + b"}"


CASES: list[tuple[bytes, Any]] = [
    (_answer(b'{"prompt_tokens":179,"completion_tokens":48,"total_tokens":227}'), (179, 48, 0)),
    (_answer(b'{"prompt_tokens":10,"completion_tokens":2,"prompt_tokens_details":{"cached_tokens":4,'
             b'"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":1}}'), (10, 2, 4)),
    (_answer(b'{"input_tokens":31,"cache_creation_input_tokens":2,"cache_read_input_tokens":5,'
             b'"output_tokens":7,"service_tier":"standard","server_tool_use":null}'), (38, 7, 5)),
    (_answer(b'{"output_tokens":3}'), (0, 3, 0)),
    (_answer(b"{}"), (0, 0, 0)),
    (_answer(b"{ }"), (0, 0, 0)),
    (_answer(b'{\n  "prompt_tokens" : 1 ,\r\n\t"completion_tokens":-0\n}'), (1, 0, 0)),
    (b'{"usage" \t\x0c\x0b: \x0b {"prompt_tokens":1}}', (1, 0, 0)),
    (_answer(b'{"prompt_tokens":1,"prompt_tokens":2}'), (2, 0, 0)),  # the last one counts
    (_answer(b'{"prompt_tokens_details":{"cached_tokens":4},"prompt_tokens_details":7}'), (0, 0, 0)),
    (_answer(b'{"prompt_tokens_details":{"cached_tokens":4,"cached_tokens":5}}'), (0, 0, 5)),
    (_answer(b'{"prompt_tokens":999999999999999999}'), (999999999999999999, 0, 0)),
    (_answer(b'{"prompt_tokens":"1"}'), None),  # a count that is not an integer
    (_answer(b'{"prompt_tokens":null}'), None),
    (_answer(b'{"prompt_tokens":{}}'), None),
    (_answer(b'{"prompt_tokens_details":{"cached_tokens":null}}'), None),
    (_answer(b'{"prompt_tokens":1.0}'), None),  # a float
    (_answer(b'{"prompt_tokens":1e3}'), None),
    (_answer(b'{"prompt_tokens":01}'), None),  # not JSON
    (_answer(b'{"prompt_tokens":1000000000000000000}'), None),  # 19 digits
    (_answer(b'{"prompt_tokens":1,}'), None),  # a trailing comma
    (_answer(b'{"prompt_tokens":1 "completion_tokens":2}'), None),
    (_answer(b'{"a":[1]}'), None),  # an array
    (_answer(b'{"a":{"b":{"c":1}}}'), None),  # deeper nesting
    (_answer(b'{"a":"\\u0041"}'), None),  # an escape
    (_answer('{"a":"é"}'.encode()), None),  # a non-ASCII string
    (_answer(b'{"a":"\x01"}'), None),
    (_answer(b'{"a":nul}'), None),
    (_answer(b'{"a":1\x0c}'), None),  # \f is no JSON white space
    (b'{"usage":{"prompt_tokens":1', None),  # cut short
    (b'{"usage" {"prompt_tokens":1}}', None),  # no colon
    (b'{"usage":5}', None),
    (b'"usage":{"prompt_tokens":1}', None),  # at 0: not a key
    (b'{"x":"\\"usage":{"prompt_tokens":1}}', None),  # after a backslash: inside a string
    (b'{"id":1}', None),
    (b"", None),
]


@pytest.mark.parametrize("impl", IMPLS)
@pytest.mark.parametrize(("data", "want"), CASES)
def test_cases(impl: Any, data: bytes, want: Any) -> None:
    assert impl.body_usage(data) == want


_KEYS = ["prompt_tokens", "completion_tokens", "total_tokens", "input_tokens", "output_tokens",
         "cache_read_input_tokens", "cache_creation_input_tokens", "prompt_tokens_details", "cached_tokens",
         "service_tier", "x", "é", 'a"b', "usage"]


def _scalar(rng: random.Random) -> Any:
    c = rng.random()
    if c < 0.6:
        return rng.choice([0, 1, 5, 123, -3, 10**17, 10**18, 10**19, 2**63])
    if c < 0.7:
        return None
    if c < 0.8:
        return rng.choice(["standard", "", "a}b{", 'q"x', "é", "\\", "\x01"])
    if c < 0.85:
        return rng.choice([1.5, 2.0, 1e3])
    if c < 0.9:
        return rng.choice([True, False])
    return [1, 2]


def _value(rng: random.Random, depth: int) -> Any:
    if depth < 2 and rng.random() < 0.25:
        return {rng.choice(_KEYS): _value(rng, depth + 1) for _ in range(rng.randrange(4))}
    return _scalar(rng)


def random_answers(seed: int, count: int) -> list[bytes]:
    """Answers with random usage objects (plain or not), some with repeated keys, some mutated."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        usage = {rng.choice(_KEYS): _value(rng, 0) for _ in range(rng.randrange(7))}
        obj = {"id": "x", "choices": [{"message": {"content": 'says "usage"'}}], "usage": usage}
        body = orjson.dumps(obj, option=orjson.OPT_INDENT_2 if rng.random() < 0.5 else 0)
        if rng.random() < 0.2:
            body = body.replace(b'":', b'" : ', rng.randrange(3))
        if rng.random() < 0.1:
            body = body[:-2] + b',"prompt_tokens":7,"prompt_tokens":9}}'
        if rng.random() < 0.3:
            b = bytearray(body)
            for _ in range(rng.randrange(1, 3)):
                op = rng.random()
                if op < 0.3:
                    del b[rng.randrange(len(b)):]
                elif op < 0.7:
                    b[rng.randrange(len(b))] = rng.choice(b'{}":, 0123-n\\\x0c\xc3')
                else:
                    b.insert(rng.randrange(len(b)), rng.choice(b'{}":, 0-\t\x0b'))
                if not b:
                    break
            body = bytes(b)
        out.append(body)
    return out


@pytest.mark.skipif(COMPILED is None, reason="compiled kernel not built")
def test_twin_and_compiled_agree() -> None:
    answered = 0
    for data in random_answers(1, 20_000):
        got = TWIN.body_usage(data)
        assert COMPILED.body_usage(data) == got, data
        answered += got is not None
    assert answered > 2_000  # the corpus does reach the counting paths


class Counts(tuple):  # a tuple subclass, like the NamedTuple the usage stage passes
    pass


@pytest.mark.parametrize("impl", IMPLS)
def test_record_type(impl: Any) -> None:
    data = _answer(b'{"prompt_tokens":3,"completion_tokens":2}')
    got = impl.body_usage(data, Counts)
    assert type(got) is Counts and got == (3, 2, 0)
    assert type(impl.body_usage(data)) is tuple
    with pytest.raises(TypeError):
        impl.body_usage(data, list)


# --- round10 -----------------------------------------------------------------------------------


def _round10_cases(seed: int, count: int) -> list[Any]:
    """Costs as the stage computes them, near-ties of the 10th decimal and their neighbours,
    arbitrary bit patterns, signed zeros, non-finite values, ints."""
    import math
    import struct

    rng = random.Random(seed)
    out: list[Any] = [0.0, -0.0, 5e-11, 1.5e-10, 2.5e-10, 1e-10, 4.5e5, 4.5e6, 1e300, float("inf"),
                      float("nan"), -1e-5, 5e-324, 1, 0, True, 10**30]
    for _ in range(count):
        c = rng.random()
        if c < 0.3:
            x = rng.uniform(0, 1e-3)
        elif c < 0.5:
            x = rng.uniform(0, 10)
        elif c < 0.65:
            x = (rng.randrange(1, 10**8) + 0.5) / 1e10  # (next to) a tie of the 10th decimal
        elif c < 0.85:
            x = (rng.randrange(0, 5000) * 0.15 + rng.randrange(0, 50) * 0.075 + rng.randrange(0, 2000) * 0.6) / 1e6
        else:
            x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        out += [x, math.nextafter(x, 1.0), math.nextafter(x, 0.0)]
    return out


@pytest.mark.parametrize("impl", IMPLS)
def test_round10_is_round(impl: Any) -> None:
    import math

    for x in _round10_cases(3, 30_000):
        want, got = round(x, 10), impl.round10(x)
        assert type(got) is type(want), x
        if want != want:
            assert got != got
        else:
            assert got == want and math.copysign(1, got) == math.copysign(1, want), x


# ---------------------------------------------------------------- stream_usage_at

_SSE_NULL = (b'data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"hi"},'
             b'"finish_reason":null}],"usage":null}\n\n')
_SSE_USAGE = (b'data: {"id":"c","object":"chat.completion.chunk","choices":[],'
              b'"usage":{"prompt_tokens":9,"completion_tokens":50,"total_tokens":59}}\n\n')

STREAM_CASES: list[tuple[bytes, int]] = [
    (b"", -1),
    (_SSE_NULL * 3, -1),
    (_SSE_NULL * 2 + _SSE_USAGE, 2 * len(_SSE_NULL) + _SSE_USAGE.index(b'"usage"')),
    (b'{"usage" \t:\r\n null}', -1),
    (b'{"usage":nul}', 1),  # not null: it may be anything (the parser decides)
    (b'{"usage": {}}', 1),
    (b'{"usage"}', 1),
    (b'["usage"]', 1),  # a whole string value: not passed over either
    (b'{"content":"usage","usage":null}', 11),
    (b'"usage"', 0),
    (b'"usage', -1),
    (b'{"x":"\\"usage\\": 1"}', -1),  # inside a string: escaped quotes
    (b'{"\\u0075sage":{"prompt_tokens":1},"usage":null}', -2),
    (b'{"a":"\\\\u"}', -2),  # the bytes \u, even after an escaped backslash
    (b'{"a":"\\\\","usage":5}', 10),
    (b'"usage":null"usage":{', 12),
    (b'"usage"\x0b:\x0cnull', -1),  # \s includes \v and \f
]


@pytest.mark.parametrize("impl", IMPLS)
@pytest.mark.parametrize(("data", "want"), STREAM_CASES)
def test_stream_usage_at_cases(impl: Any, data: bytes, want: int) -> None:
    assert impl.stream_usage_at(data) == want


@pytest.mark.parametrize("impl", IMPLS)
def test_stream_usage_at_wants_bytes(impl: Any) -> None:
    with pytest.raises(TypeError):
        impl.stream_usage_at("usage")


def _random_pieces(seed: int, count: int) -> list[bytes]:
    """SSE-like pieces built from the tokens that matter (quotes, the key, white space, colons,
    null and its near misses, backslashes, u) and random cuts and flips of real events."""
    rng = random.Random(seed)
    tokens = [b'"usage"', b'"usage', b'usage"', b":", b" ", b"\t", b"\n", b"\r", b"\x0b", b"\x0c", b"null", b"nul",
              b"Null", b"{", b"}", b'"', b"\\", b"u", b"\\u", b"\\\\", b"data: ", b"\n\n", b",", b"x", b"0"]
    out = []
    for _ in range(count):
        if rng.random() < 0.6:
            out.append(b"".join(rng.choice(tokens) for _ in range(rng.randint(0, 30))))
        else:
            b = bytearray(rng.choice((_SSE_NULL, _SSE_USAGE, _SSE_NULL * 3 + _SSE_USAGE)))
            for _ in range(rng.randint(0, 3)):
                i = rng.randrange(len(b))
                if rng.random() < 0.5:
                    del b[i:]
                    if not b:
                        break
                else:
                    b[i] = rng.choice(b'":{} \tnu\\l')
            out.append(bytes(b))
    return out


@pytest.mark.skipif(COMPILED is None, reason="compiled kernel not built")
def test_stream_usage_at_twin_and_compiled_agree() -> None:
    found = cannot = 0
    for data in _random_pieces(11, 40_000):
        want = TWIN.stream_usage_at(data)
        assert COMPILED.stream_usage_at(data) == want, data
        found += want >= 0
        cannot += want == -2
    assert found > 5000 and cannot > 5000
