"""UsageStage tapping an OpenAI SSE stream: the same usage whatever groups of whole events it is fed.

The relay hands the chunk hooks everything that arrived together (one socket read is often the
whole stream), and the tap parses only the events from the first ``"usage"`` that is not null
on. Seeded random streams check that the counts are those of the event the provider meant, for
any grouping, with the shapes that could fool a text scan: ``"usage": null`` spelt with spaces,
``"usage"`` inside content strings or as a whole string value, and keys spelt with ``\\u`` escapes.
"""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

import orjson

from fastgate.stages.usage import StreamUsage, UsageStage


def _stage() -> UsageStage:
    world = SimpleNamespace(token_counter=None, config=SimpleNamespace(policies=(), models={}))
    return UsageStage(world, "chat")


def _escaped_usage_key(payload: bytes) -> bytes:
    """The first ``"usage"`` key spelt ``"\\u0075sage"`` (orjson reads it as ``usage``)."""
    return payload.replace(b'"usage"', b'"\\u0075sage"', 1)


def _event(rng: random.Random, i: int) -> tuple[bytes, Any]:
    """One SSE event and the usage it carries as the tap must read it (None: nothing)."""
    content = rng.choice(["word ", 'says "usage": {"prompt_tokens": 999} ', "usage", '"usage":null', "é ", ""])
    obj: dict[str, Any] = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
                           "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}]}
    carried: Any = None
    kind = rng.random()
    if kind < 0.75:
        obj["usage"] = None
    elif kind < 0.9:
        u = {"prompt_tokens": rng.randint(0, 5000), "completion_tokens": rng.randint(0, 5000),
             "total_tokens": 0}
        if rng.random() < 0.5:
            u["prompt_tokens_details"] = {"cached_tokens": rng.randint(0, 100)}
        obj["usage"] = u
        if rng.random() < 0.5:
            obj["choices"] = []
        d = u.get("prompt_tokens_details") or {}
        carried = (u["prompt_tokens"], u["completion_tokens"], d.get("cached_tokens", 0))
    # else: no usage key at all
    payload = orjson.dumps(obj)
    style = rng.random()
    if style < 0.2:
        payload = payload.replace(b'"usage":', b'"usage" : ')
    elif style < 0.3:
        payload = payload.replace(b'"usage":', b'"usage":\t')
    elif style < 0.4 and b'"usage":{' in payload:
        # A key orjson reads as "usage" that no text scan for "usage" finds; with a literal
        # "usage" elsewhere in the event (the tap parses only events that have one).
        payload = _escaped_usage_key(payload)[:-1] + b',"x":{"usage":null}}'
    elif style < 0.45 and b'"usage":{' in payload:
        payload = _escaped_usage_key(payload)
        if b'"usage"' not in payload:
            carried = None  # no literal "usage" left (content may hold one): the tap never parses it
    head = b"id: %d\n" % i if rng.random() < 0.2 else b""
    return head + b"data: " + payload + b"\n\n", carried


def _stream(rng: random.Random) -> tuple[list[bytes], Any]:
    events, want = [], None
    for i in range(rng.randint(1, 60)):
        ev, carried = _event(rng, i)
        events.append(ev)
        if carried is not None:
            want = carried
    if rng.random() < 0.8:
        events.append(b"data: [DONE]\n\n")
    return events, want


def _groups(rng: random.Random, events: list[bytes]) -> list[bytes]:
    out, i = [], 0
    while i < len(events):
        n = rng.choice((1, 1, 2, 5, len(events)))
        out.append(b"".join(events[i:i + n]))
        i += n
    return out


def test_stream_usage_is_the_same_for_any_grouping_of_whole_events() -> None:
    rng = random.Random(9001)
    stage = _stage()
    seen = 0
    for _ in range(1500):
        events, want = _stream(rng)
        ctx = SimpleNamespace(stream_state=StreamUsage(False), status=200)
        out = [stage.on_chunk(ctx, g, False) for g in _groups(rng, events)]
        assert b"".join(out) == b"".join(events)  # the client asked for usage: nothing is rewritten
        st = ctx.stream_state
        assert b"".join(st.payloads) == b"".join(events)  # (kept for a delivered-text count)
        got = None if st.prompt is None and st.completion is None else (st.prompt, st.completion, st.cached)
        assert got == want, events
        seen += want is not None
    assert seen > 300


def test_dropped_usage_chunk_is_the_same_for_any_grouping() -> None:
    """``include_usage`` asked on the client's behalf: the usage-only chunk and the null keys go,
    the counts stay, whatever the grouping."""
    rng = random.Random(4242)
    stage = _stage()
    for _ in range(500):
        events, want = _stream(rng)
        one = SimpleNamespace(stream_state=StreamUsage(True), status=200)
        per_event = b"".join(stage.on_chunk(one, ev, False) for ev in events)
        ctx = SimpleNamespace(stream_state=StreamUsage(True), status=200)
        grouped = b"".join(stage.on_chunk(ctx, g, False) for g in _groups(rng, events))
        assert grouped == per_event and b',"usage":null' not in grouped
        st = ctx.stream_state
        got = None if st.prompt is None and st.completion is None else (st.prompt, st.completion, st.cached)
        assert got == want
