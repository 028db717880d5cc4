"""UsageStage reading ``usage`` out of a complete (non-streamed) answer without parsing all of it.

The flat fast path (one ``find`` for the closing brace) must give exactly what the regex gives
whenever it answers, and the stage must end with the same counts as a full parse.
"""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

import orjson
import pytest

from fastgate._native import kernel
from fastgate.pipeline.context import RequestContext
from fastgate.stages.usage import _USAGE_OBJ, UsageStage, _flat_usage, _parse_body_usage
from tests.native.test_usage_kernel import random_answers

USAGES: list[Any] = [
    {"prompt_tokens": 189, "completion_tokens": 48, "total_tokens": 237},
    {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12,
     "prompt_tokens_details": {"cached_tokens": 4, "audio_tokens": 0},
     "completion_tokens_details": {"reasoning_tokens": 1}},
    {"input_tokens": 31, "output_tokens": 7, "cache_read_input_tokens": 5,
     "server_tool_use": {"web_search_requests": 1}},
    {"input_tokens": 3, "output_tokens": 1, "note": "a } brace and a { brace in a string"},
    {"prompt_tokens": 1, "completion_tokens": 1, "tag": 'quote " and backslash \\ }'},
    {"prompt_tokens": 1, "completion_tokens": 1, "list": [1, 2, {"x": 1}]},
    {},
    {"prompt_tokens": 5, "completion_tokens": 0, "extra": []},
]


def bodies() -> list[bytes]:
    out = []
    for u in USAGES:
        obj = {"id": "x", "object": "chat.completion", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": 'says "usage": {"prompt_tokens": 999}'}}],
            "usage": u}
        compact = orjson.dumps(obj)
        out.append(compact)
        out.append(orjson.dumps(obj, option=orjson.OPT_INDENT_2))
        out.append(compact.replace(b'"usage":', b'"usage" \t:\r\n '))
        out.append(compact.replace(b'"usage":{', b'"usage":  { '))
    out.append(b'{"usage": 5}')
    out.append(b'{"usage": {"prompt_tokens": 1')  # cut short
    out.append(b'{"usage" {"prompt_tokens": 1}}')  # no colon
    out.append(b'{"usage":{"a":"unterminated}')
    return out


def regex_usage(data: bytes, i: int) -> Any:
    m = _USAGE_OBJ.match(data, i)
    if m is None:
        return None
    try:
        return orjson.loads(m.group(1))
    except orjson.JSONDecodeError:
        return None


def test_flat_fast_path_agrees_with_the_regex() -> None:
    rng = random.Random(7)
    base = bodies()
    cases = list(base)
    for _ in range(300):  # random cuts and byte flips of the real shapes
        b = bytearray(rng.choice(base))
        if rng.random() < 0.5:
            del b[rng.randrange(len(b)):]
        else:
            b[rng.randrange(len(b))] = rng.choice(b'{}":, ')
        cases.append(bytes(b))
    answered = 0
    for data in cases:
        i = data.rfind(b'"usage"')
        if i <= 0:
            continue
        fast = _flat_usage(data, i)
        if fast is not None:
            answered += 1
            assert fast == regex_usage(data, i), data
    assert answered >= 20


@pytest.mark.parametrize("data", bodies())
def test_stage_reads_the_same_usage_as_a_full_parse(data: bytes) -> None:
    world = SimpleNamespace(token_counter=None, config=SimpleNamespace(policies=(), models={}))
    stage = UsageStage(world, "chat")
    ctx = RequestContext(None, world, 0.0)
    ctx.status = 200
    assert stage.on_chunk(ctx, data, True) is data
    try:
        full = orjson.loads(data)
    except orjson.JSONDecodeError:
        full = None
    u = full.get("usage") if isinstance(full, dict) else None
    if not isinstance(u, dict):
        assert ctx.stream_state is None
        return
    st = ctx.stream_state
    assert st is not None and not ctx.stream
    if "input_tokens" in u or "output_tokens" in u:
        want = (u.get("input_tokens", 0) + u.get("cache_read_input_tokens", 0), u.get("output_tokens", 0),
                u.get("cache_read_input_tokens", 0))
    else:
        want = (u.get("prompt_tokens", 0), u.get("completion_tokens", 0),
                (u.get("prompt_tokens_details") or {}).get("cached_tokens", 0))
    assert (st.prompt, st.completion, st.cached) == want


def test_kernel_answers_like_the_general_path() -> None:
    """Whenever the ``usage`` kernel reads a plain usage object, the general path (a JSON parse of
    that object, or of the whole answer) gives the same numbers."""
    body_usage = kernel("usage").body_usage
    answered = 0
    for data in bodies() + random_answers(2, 10_000):
        got = body_usage(data)
        if got is not None:
            answered += 1
            assert got == _parse_body_usage(data), data
    assert answered > 1_000
