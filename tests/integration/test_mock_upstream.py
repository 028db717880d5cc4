"""The mock LLM upstream, driven by the real ``openai`` and ``anthropic`` SDKs, aiohttp and raw sockets.

Every expected number is derived from the documented rule (reply = "echo: " + last user text,
prompt tokens = ceil(chars / 4) + 3 per message, completion tokens = words sent), never pasted in.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import inspect
import json
import math
import os
import random
import re
import signal
import socket
import sys
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import anthropic
import httptools
import openai
import pytest

from fastgate.mock_upstream import BYTES_PIECE, MockUpstream

AUTH = {"Authorization": "Bearer test-key"}
ANTHROPIC_AUTH = {"x-api-key": "test-key", "anthropic-version": "2023-06-01"}


@pytest.fixture
async def mock() -> AsyncIterator[MockUpstream]:
    m = MockUpstream()
    await m.start()
    try:
        yield m
    finally:
        await m.stop()


@pytest.fixture
async def oai(mock: MockUpstream) -> AsyncIterator[openai.AsyncOpenAI]:
    client = openai.AsyncOpenAI(base_url=mock.url + "/v1", api_key="x", max_retries=0)
    try:
        yield client
    finally:
        await client.close()


@pytest.fixture
async def claude(mock: MockUpstream) -> AsyncIterator[anthropic.AsyncAnthropic]:
    client = anthropic.AsyncAnthropic(base_url=mock.url, api_key="x", max_retries=0)
    try:
        yield client
    finally:
        await client.close()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


def prompt_tokens(*texts: str) -> int:
    return math.ceil(sum(len(t) for t in texts) / 4) + 3 * len(texts)


def words(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------------------------------------
# raw HTTP helpers
# ---------------------------------------------------------------------------------------------


async def exchange(port: int, data: bytes, wait_s: float = 5.0) -> bytes:
    """Send ``data`` on a fresh connection and read until the server closes it."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(data)
        return await asyncio.wait_for(reader.read(), wait_s)
    finally:
        writer.close()


def parse_responses(data: bytes) -> list[tuple[int, dict[str, str], bytes]]:
    """Every HTTP/1.1 response in ``data``, parsed by llhttp (httptools)."""
    out: list[tuple[int, dict[str, str], bytes]] = []

    class Sink:
        headers: dict[str, str]
        body: list[bytes]

        def on_message_begin(self) -> None:
            self.headers, self.body = {}, []

        def on_header(self, name: bytes, value: bytes) -> None:
            self.headers[name.decode().lower()] = value.decode()

        def on_body(self, body: bytes) -> None:
            self.body.append(body)

        def on_message_complete(self) -> None:
            out.append((parser.get_status_code(), self.headers, b"".join(self.body)))

    parser = httptools.HttpResponseParser(Sink())
    parser.feed_data(data)
    return out


def post(path: str, obj: Any, headers: dict[str, str] | None = None, version: str = "1.1") -> bytes:
    body = json.dumps(obj).encode()
    head = f"POST {path} HTTP/{version}\r\nHost: mock\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    for k, v in (headers or {}).items():
        head += f"{k}: {v}\r\n"
    return head.encode() + b"\r\n" + body


def sse_events(raw: bytes) -> list[tuple[str | None, str]]:
    """(event name, data) of each SSE event in a response body."""
    events = []
    for block in raw.decode().split("\n\n"):
        if not block.strip():
            continue
        name, data = None, []
        for line in block.split("\n"):
            if line.startswith("event: "):
                name = line[len("event: ") :]
            elif line.startswith("data: "):
                data.append(line[len("data: ") :])
        events.append((name, "\n".join(data)))
    return events


CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hello mock world"}]}


# ---------------------------------------------------------------------------------------------
# OpenAI surface, through the real SDK
# ---------------------------------------------------------------------------------------------


async def test_chat_non_stream(oai: openai.AsyncOpenAI) -> None:
    system, user = "You are terse.", "hello there, mock world"
    r = await oai.chat.completions.create(
        model="my-model", messages=[{"role": "system", "content": system}, {"role": "user", "content": user}]
    )
    assert r.object == "chat.completion"
    assert r.model == "my-model"
    assert r.choices[0].message.content == "echo: " + user
    assert r.choices[0].finish_reason == "stop"
    assert r.usage is not None
    assert r.usage.prompt_tokens == prompt_tokens(system, user)
    assert r.usage.completion_tokens == words("echo: " + user)
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens


async def test_repeated_bodies_get_fresh_ids(
    oai: openai.AsyncOpenAI, claude: anthropic.AsyncAnthropic
) -> None:
    # Identical bodies are answered from a template: only the id (and timestamp) may change.
    # A text holding the template's marker digits must still be answered correctly.
    for text in ("same body each time", "8642097531864209753 7531864209753186420"):
        msgs: Any = [{"role": "user", "content": text}]
        a = await oai.chat.completions.create(model="m", messages=msgs)
        b = await oai.chat.completions.create(model="m", messages=msgs)
        assert a.id != b.id and a.id.startswith("chatcmpl-") and b.id.startswith("chatcmpl-")
        assert a.choices[0].message.content == b.choices[0].message.content == "echo: " + text
        assert a.created > 1_600_000_000 and str(a.created) not in text
        c = await claude.messages.create(model="c", max_tokens=50, messages=msgs)
        d = await claude.messages.create(model="c", max_tokens=50, messages=msgs)
        assert c.id != d.id and c.content == d.content
        assert c.content[0].type == "text" and c.content[0].text == "echo: " + text


async def test_chat_text_parts_and_max_tokens_cut(oai: openai.AsyncOpenAI) -> None:
    parts = [{"type": "text", "text": "alpha beta"}, {"type": "text", "text": "gamma delta"}]
    r = await oai.chat.completions.create(
        model="m", messages=[{"role": "user", "content": parts}], max_tokens=3
    )
    assert r.choices[0].message.content == "echo: alpha beta"
    assert r.choices[0].finish_reason == "length"
    assert r.usage is not None and r.usage.completion_tokens == 3
    r = await oai.chat.completions.create(
        model="m", messages=[{"role": "user", "content": parts}], max_completion_tokens=2
    )
    assert r.choices[0].message.content == "echo: alpha"


async def test_chat_stream_without_usage(
    oai: openai.AsyncOpenAI, mock: MockUpstream, http: aiohttp.ClientSession
) -> None:
    text = "one two three four five"
    stream = await oai.chat.completions.create(
        model="m", messages=[{"role": "user", "content": text}], stream=True
    )
    chunks = [c async for c in stream]
    assert all(c.object == "chat.completion.chunk" and c.model == "m" for c in chunks)
    assert all(c.choices for c in chunks), "no usage-only chunk unless include_usage is asked"
    assert all(c.usage is None for c in chunks)
    assert chunks[0].choices[0].delta.role == "assistant"
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == "echo: " + text
    assert chunks[-1].choices[0].finish_reason == "stop"
    content_chunks = [c for c in chunks if c.choices[0].delta.content]
    assert len(content_chunks) == words("echo: " + text)  # default: one chunk per word
    # On the wire, without include_usage no chunk even has a "usage" key (as OpenAI does).
    req = dict(CHAT, stream=True)
    async with http.post(mock.url + "/v1/chat/completions", json=req, headers=AUTH) as resp:
        assert resp.headers["content-type"] == "text/event-stream"
        raw = await resp.read()
    events = sse_events(raw)
    assert events[-1] == (None, "[DONE]")
    assert all("usage" not in json.loads(d) for _, d in events[:-1])
    assert mock.stats["streams_completed"] == mock.stats["streams_started"] == 2


async def test_chat_stream_with_include_usage(
    oai: openai.AsyncOpenAI, mock: MockUpstream, http: aiohttp.ClientSession
) -> None:
    text = "count these words please"
    stream = await oai.chat.completions.create(
        model="m",
        messages=[{"role": "user", "content": text}],
        stream=True,
        stream_options={"include_usage": True},
        extra_headers={"x-mock-chunks": "2"},
    )
    chunks = [c async for c in stream]
    last = chunks[-1]
    assert last.choices == []
    assert last.usage is not None
    assert last.usage.completion_tokens == words("echo: " + text)
    assert last.usage.prompt_tokens == prompt_tokens(text)
    assert all(c.usage is None and c.choices for c in chunks[:-1])
    content = [c.choices[0].delta.content for c in chunks[:-1] if c.choices[0].delta.content]
    assert len(content) == 2 and "".join(content) == "echo: " + text
    req = dict(CHAT, stream=True, stream_options={"include_usage": True})
    async with http.post(mock.url + "/v1/chat/completions", json=req, headers=AUTH) as resp:
        events = sse_events(await resp.read())
    objs = [json.loads(d) for _, d in events[:-1]]
    assert all("usage" in o and o["usage"] is None for o in objs[:-1]), "usage: null on every other chunk"
    assert objs[-1]["choices"] == [] and objs[-1]["usage"]["completion_tokens"] == words(
        "echo: hello mock world"
    )


async def test_streams_carry_exactly_the_non_stream_text(
    oai: openai.AsyncOpenAI, claude: anthropic.AsyncAnthropic
) -> None:
    text = 'say "quoted"\n\tand  spaced \\ ünïcödé 🙂 </script> \x01 end  '
    msgs: Any = [{"role": "user", "content": text}]
    whole = await oai.chat.completions.create(model="m", messages=msgs)
    assert whole.choices[0].message.content == "echo: " + text
    stream = await oai.chat.completions.create(model="m", messages=msgs, stream=True)
    assert "".join([c.choices[0].delta.content or "" async for c in stream]) == "echo: " + text
    async with claude.messages.stream(model="c", max_tokens=100, messages=msgs) as s:
        assert "".join([t async for t in s.text_stream]) == "echo: " + text


TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "lookup",
            "parameters": {"type": "object", "properties": {"echo": {"type": "string"}}},
        },
    },
    {"type": "function", "function": {"name": "other", "parameters": {"type": "object", "properties": {}}}},
]


async def test_openai_tool_call(oai: openai.AsyncOpenAI) -> None:
    text = "please use the tool now"
    msgs: Any = [{"role": "user", "content": text}]
    r = await oai.chat.completions.create(model="m", messages=msgs, tools=TOOLS)
    choice = r.choices[0]
    assert choice.finish_reason == "tool_calls"
    (call,) = choice.message.tool_calls or []
    assert call.id == "call_mock_1" and call.function.name == "lookup"
    assert json.loads(call.function.arguments) == {"echo": text}
    assert r.usage is not None and r.usage.completion_tokens == words(call.function.arguments)
    # tool_choice "none", a text without the word, or a conversation ending in a tool result: text.
    r = await oai.chat.completions.create(model="m", messages=msgs, tools=TOOLS, tool_choice="none")
    assert r.choices[0].message.content == "echo: " + text
    r = await oai.chat.completions.create(
        model="m", messages=[{"role": "user", "content": "tools are nice"}], tools=TOOLS
    )
    assert r.choices[0].finish_reason == "stop"
    stream = await oai.chat.completions.create(model="m", messages=msgs, tools=TOOLS, stream=True)
    chunks = [c async for c in stream]
    first = chunks[0].choices[0].delta.tool_calls
    assert first is not None and first[0].id == "call_mock_1" and first[0].function is not None
    assert first[0].function.name == "lookup"
    args = "".join(
        (tc.function.arguments or "")
        for c in chunks
        for tc in (c.choices[0].delta.tool_calls or [])
        if tc.function
    )
    assert json.loads(args) == {"echo": text}
    assert chunks[-1].choices[0].finish_reason == "tool_calls"


async def test_legacy_completions(oai: openai.AsyncOpenAI) -> None:
    r = await oai.completions.create(model="davinci", prompt="say this back", max_tokens=50)
    assert r.object == "text_completion"
    assert r.choices[0].text == "echo: say this back"
    assert r.usage is not None and r.usage.prompt_tokens == prompt_tokens("say this back")
    stream = await oai.completions.create(
        model="davinci", prompt="stream me", stream=True, stream_options={"include_usage": True}
    )
    chunks = [c async for c in stream]
    assert "".join(c.choices[0].text for c in chunks if c.choices) == "echo: stream me"
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == words("echo: stream me")


async def test_embeddings(oai: openai.AsyncOpenAI) -> None:
    # The SDK asks for base64 by default and decodes it; an explicit float request must agree.
    a = await oai.embeddings.create(model="text-embedding-3-small", input=["first text", "second text"])
    b = await oai.embeddings.create(
        model="text-embedding-3-small", input="first text", encoding_format="float"
    )
    assert [d.index for d in a.data] == [0, 1]
    assert len(a.data[0].embedding) == 8
    assert a.data[0].embedding == b.data[0].embedding
    assert a.data[0].embedding != a.data[1].embedding
    assert math.isclose(sum(x * x for x in a.data[0].embedding), 1.0, rel_tol=1e-5)
    assert a.usage.prompt_tokens == math.ceil(len("first text") / 4) + math.ceil(len("second text") / 4)
    c = await oai.embeddings.create(model="e", input="first text", dimensions=32)
    assert len(c.data[0].embedding) == 32 and c.model == "e"


async def test_models(oai: openai.AsyncOpenAI) -> None:
    ids = [m.id async for m in oai.models.list()]
    assert "gpt-4o-mini" in ids and len(ids) == len(set(ids))
    m = await oai.models.retrieve("anything-at-all")
    assert m.id == "anything-at-all" and m.object == "model"


# ---------------------------------------------------------------------------------------------
# Anthropic surface, through the real SDK
# ---------------------------------------------------------------------------------------------


async def test_messages_non_stream(claude: anthropic.AsyncAnthropic) -> None:
    system, user = "Be nice.", "hi there claude"
    msg = await claude.messages.create(
        model="claude-x", max_tokens=100, system=system, messages=[{"role": "user", "content": user}]
    )
    assert msg.type == "message" and msg.role == "assistant" and msg.model == "claude-x"
    assert msg.content[0].type == "text" and msg.content[0].text == "echo: " + user
    assert msg.stop_reason == "end_turn"
    assert msg.usage.input_tokens == prompt_tokens(user, system)
    assert msg.usage.output_tokens == words("echo: " + user)
    cut = await claude.messages.create(model="c", max_tokens=2, messages=[{"role": "user", "content": user}])
    assert (
        cut.stop_reason == "max_tokens"
        and cut.content[0].type == "text"
        and cut.content[0].text == "echo: hi"
    )
    count = await claude.messages.count_tokens(
        model="c", system=system, messages=[{"role": "user", "content": user}]
    )
    assert count.input_tokens == msg.usage.input_tokens


async def test_messages_stream_event_sequence(
    claude: anthropic.AsyncAnthropic, mock: MockUpstream, http: aiohttp.ClientSession
) -> None:
    user = "stream four words"
    req = {"model": "c", "max_tokens": 64, "stream": True, "messages": [{"role": "user", "content": user}]}
    async with http.post(mock.url + "/v1/messages", json=req, headers=ANTHROPIC_AUTH) as resp:
        assert resp.status == 200 and resp.headers["content-type"] == "text/event-stream"
        events = sse_events(await resp.read())
    names = [n for n, _ in events]
    n_words = words("echo: " + user)
    assert names == (
        ["message_start", "content_block_start", "ping"]
        + ["content_block_delta"] * n_words
        + ["content_block_stop", "message_delta", "message_stop"]
    )
    datas = [json.loads(d) for _, d in events]
    assert all(d["type"] == n for n, d in zip(names, datas, strict=True)), "data.type names its event"
    assert datas[0]["message"]["usage"]["input_tokens"] == prompt_tokens(user)
    assert all(d["delta"]["type"] == "text_delta" for d in datas if d["type"] == "content_block_delta")
    assert datas[-2]["delta"]["stop_reason"] == "end_turn"
    assert datas[-2]["usage"]["output_tokens"] == n_words
    # The SDK's accumulating stream helper agrees (here with the reply in 2 deltas).
    async with claude.messages.stream(
        model="c",
        max_tokens=64,
        messages=[{"role": "user", "content": user}],
        extra_headers={"x-mock-chunks": "2"},
    ) as s:
        texts = [t async for t in s.text_stream]
        final = await s.get_final_message()
    assert len(texts) == 2 and "".join(texts) == "echo: " + user
    assert final.usage.output_tokens == n_words and final.usage.input_tokens == prompt_tokens(user)


async def test_anthropic_tool_use(claude: anthropic.AsyncAnthropic) -> None:
    text = "call a tool for me"
    tools: Any = [
        {"name": "weather", "description": "d", "input_schema": {"type": "object", "properties": {}}},
        {"name": "second", "description": "d", "input_schema": {"type": "object", "properties": {}}},
    ]
    msgs: Any = [{"role": "user", "content": text}]
    msg = await claude.messages.create(model="c", max_tokens=50, tools=tools, messages=msgs)
    assert msg.stop_reason == "tool_use"
    block = msg.content[0]
    assert block.type == "tool_use" and block.name == "weather" and block.input == {"echo": text}
    async with claude.messages.stream(model="c", max_tokens=50, tools=tools, messages=msgs) as s:
        kinds = [e.type async for e in s]
        final = await s.get_final_message()
    assert "input_json" in kinds  # the SDK saw input_json_delta events
    assert final.stop_reason == "tool_use"
    assert final.content[0].type == "tool_use" and final.content[0].input == {"echo": text}
    # After a tool_result the conversation continues with text (agent loops terminate).
    follow: Any = msgs + [
        {
            "role": "assistant",
            "content": [{"type": "tool_use", "id": "toolu_mock_1", "name": "weather", "input": {}}],
        },
        {
            "role": "user",
            "content": [{"type": "tool_result", "tool_use_id": "toolu_mock_1", "content": "sunny"}],
        },
    ]
    msg = await claude.messages.create(model="c", max_tokens=50, tools=tools, messages=follow)
    assert msg.stop_reason == "end_turn" and msg.content[0].type == "text"


# ---------------------------------------------------------------------------------------------
# Auth
# ---------------------------------------------------------------------------------------------


async def test_auth_envelopes(mock: MockUpstream, http: aiohttp.ClientSession) -> None:
    async with http.post(mock.url + "/v1/chat/completions", json=CHAT) as r:
        assert r.status == 401
        body = await r.json()
        assert body["error"]["code"] == "invalid_api_key" and "message" in body["error"]
    msg_req = {"model": "c", "max_tokens": 5, "messages": [{"role": "user", "content": "x"}]}
    for headers in ({"x-api-key": "k"}, {"anthropic-version": "2023-06-01"}, {**AUTH, "x-api-key": ""}):
        async with http.post(mock.url + "/v1/messages", json=msg_req, headers=headers) as r:
            assert r.status == 401, headers
            body = await r.json()
            assert body["type"] == "error" and body["error"]["type"] == "authentication_error"
    # x-api-key, or (as anthropic SDK 2.x sends it) a Bearer token, with anthropic-version.
    for headers in (ANTHROPIC_AUTH, {**AUTH, "anthropic-version": "2023-06-01"}):
        async with http.post(mock.url + "/v1/messages", json=msg_req, headers=headers) as r:
            assert r.status == 200
    assert mock.stats["requests"] == 6, "refused requests are still counted and recorded"
    async with MockUpstream(require_auth=False) as open_mock:
        async with http.post(open_mock.url + "/v1/chat/completions", json=CHAT) as r:
            assert r.status == 200
        async with http.post(open_mock.url + "/v1/messages", json=msg_req) as r:
            assert r.status == 200


# ---------------------------------------------------------------------------------------------
# Control headers
# ---------------------------------------------------------------------------------------------


async def test_x_mock_status(
    oai: openai.AsyncOpenAI, claude: anthropic.AsyncAnthropic, mock: MockUpstream
) -> None:
    with pytest.raises(openai.RateLimitError) as ei:
        await oai.chat.completions.create(
            model="m", messages=CHAT["messages"], extra_headers={"x-mock-status": "429"}
        )
    assert ei.value.status_code == 429
    assert ei.value.response.headers["retry-after"] == "1"
    assert isinstance(ei.value.body, dict) and ei.value.body["code"] == "rate_limit_exceeded"
    with pytest.raises(openai.InternalServerError) as ei2:
        await oai.chat.completions.create(
            model="m", messages=CHAT["messages"], extra_headers={"x-mock-status": "500"}
        )
    assert ei2.value.status_code == 500
    with pytest.raises(anthropic.APIStatusError) as ei3:
        await claude.messages.create(
            model="c",
            max_tokens=5,
            messages=[{"role": "user", "content": "x"}],
            extra_headers={"x-mock-status": "503"},
        )
    assert ei3.value.status_code == 503
    assert isinstance(ei3.value.body, dict) and ei3.value.body["error"]["type"] == "overloaded_error"
    assert mock.stats["faults_applied"] == 3


async def test_x_mock_fail_reset_is_an_rst(mock: MockUpstream) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", mock.port)
    writer.write(post("/v1/chat/completions", CHAT, {**AUTH, "x-mock-fail": "reset"}))
    # A FIN would read as b""; an RST surfaces as ECONNRESET.
    with pytest.raises(ConnectionResetError):
        await asyncio.wait_for(reader.read(), 5)
    writer.close()


async def test_x_mock_fail_hang_times_out(mock: MockUpstream) -> None:
    client = openai.AsyncOpenAI(base_url=mock.url + "/v1", api_key="x", max_retries=0, timeout=0.3)
    async with client:
        with pytest.raises(openai.APITimeoutError):
            await client.chat.completions.create(
                model="m", messages=CHAT["messages"], extra_headers={"x-mock-fail": "hang"}
            )
        # The next connection is served normally.
        r = await client.chat.completions.create(model="m", messages=CHAT["messages"])
        assert r.choices[0].message.content == "echo: hello mock world"


async def test_x_mock_latency(mock: MockUpstream) -> None:
    client = openai.AsyncOpenAI(base_url=mock.url + "/v1", api_key="x", max_retries=0, timeout=0.3)
    async with client:
        with pytest.raises(openai.APITimeoutError):
            await client.chat.completions.create(
                model="m", messages=CHAT["messages"], extra_headers={"x-mock-latency-ms": "5000"}
            )
        r = await client.chat.completions.create(
            model="m", messages=CHAT["messages"], extra_headers={"x-mock-latency-ms": "1"}
        )
        assert r.choices[0].finish_reason == "stop"


async def test_constructor_latency_and_header_override(http: aiohttp.ClientSession) -> None:
    async with MockUpstream(latency_ms=5000) as m:
        with pytest.raises(asyncio.TimeoutError):
            async with http.get(m.url + "/v1/models", headers=AUTH, timeout=aiohttp.ClientTimeout(total=0.3)):
                pass
        async with http.get(m.url + "/v1/models", headers={**AUTH, "x-mock-latency-ms": "0"}) as r:
            assert r.status == 200


async def test_expect_continue_and_head(mock: MockUpstream) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", mock.port)
    writer.write(b"PUT /up HTTP/1.1\r\nHost: m\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
    interim = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
    assert interim == b"HTTP/1.1 100 Continue\r\n\r\n"
    writer.write(b"hello")
    writer.write(
        b"HEAD /v1/models HTTP/1.1\r\nHost: m\r\nAuthorization: Bearer k\r\nConnection: close\r\n\r\n"
    )
    raw = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    put, head = raw.split(b"HTTP/1.1 ")[1:]
    assert json.loads(put.partition(b"\r\n\r\n")[2])["body_sha256"] == hashlib.sha256(b"hello").hexdigest()
    head_fields, _, head_body = head.partition(b"\r\n\r\n")
    assert b"content-length: " in head_fields and head_body == b"", (
        "HEAD: the length of the GET body, no body"
    )


async def test_x_mock_fail_truncate(mock: MockUpstream, http: aiohttp.ClientSession) -> None:
    raw = await exchange(mock.port, post("/v1/chat/completions", CHAT, {**AUTH, "x-mock-fail": "truncate"}))
    head, _, body = raw.partition(b"\r\n\r\n")
    declared = int(re.search(rb"content-length: (\d+)", head).group(1))  # type: ignore[union-attr]
    assert 0 < len(body) < declared
    with pytest.raises(aiohttp.ClientPayloadError):
        async with http.post(
            mock.url + "/v1/chat/completions", json=CHAT, headers={**AUTH, "x-mock-fail": "truncate"}
        ) as r:
            await r.read()


async def test_x_mock_fail_bad_header(mock: MockUpstream) -> None:
    raw = await exchange(
        mock.port,
        post("/v1/chat/completions", CHAT, {**AUTH, "x-mock-fail": "bad-header", "Connection": "close"}),
    )
    head = raw.partition(b"\r\n\r\n")[0]
    assert re.search(rb"\r(?!\n)", head), "a bare CR inside a header"
    with pytest.raises(httptools.HttpParserError):
        parse_responses(raw)


async def test_x_mock_fail_reset_after_first_chunk(mock: MockUpstream) -> None:
    req = dict(CHAT, stream=True)
    reader, writer = await asyncio.open_connection("127.0.0.1", mock.port)
    writer.write(post("/v1/chat/completions", req, {**AUTH, "x-mock-fail": "reset-after-first-chunk"}))
    got = b""
    with pytest.raises(ConnectionResetError):
        while True:
            data = await asyncio.wait_for(reader.read(65536), 5)
            if not data:
                break  # a FIN instead of an RST fails the test
            got += data
    writer.close()
    assert b"transfer-encoding: chunked" in got
    assert b'"content":"echo: "' in got, "the first content chunk arrived before the reset"
    assert b"[DONE]" not in got and b'"content":"hello ' not in got


@pytest.mark.parametrize("target", ["chat", "bytes"])
async def test_reset_after_first_chunk_outside_sse(mock: MockUpstream, target: str) -> None:
    if target == "chat":
        req = post("/v1/chat/completions", CHAT, {**AUTH, "x-mock-fail": "reset-after-first-chunk"})
    else:
        req = b"GET /__mock/bytes?n=10000000 HTTP/1.1\r\nHost: m\r\nx-mock-fail: reset-after-first-chunk\r\n\r\n"
    reader, writer = await asyncio.open_connection("127.0.0.1", mock.port)
    writer.write(req)
    got = b""
    with pytest.raises(ConnectionResetError):
        while data := await asyncio.wait_for(reader.read(65536), 5):
            got += data
    writer.close()
    head, _, body = got.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ")
    if target == "chat":  # half of the declared body, then the reset
        declared = int(re.search(rb"content-length: (\d+)", head).group(1))  # type: ignore[union-attr]
        assert 0 < len(body) < declared
    else:  # exactly one 64 KiB chunk of the chunked body
        assert (
            body.startswith(b"%x\r\n" % BYTES_PIECE)
            and len(body) == len(b"%x\r\n" % BYTES_PIECE) + BYTES_PIECE + 2
        )


async def test_bad_control_header_is_400(mock: MockUpstream, http: aiohttp.ClientSession) -> None:
    async with http.post(
        mock.url + "/v1/chat/completions", json=CHAT, headers={**AUTH, "x-mock-fail": "explode"}
    ) as r:
        assert r.status == 400
        assert "x-mock-fail" in (await r.json())["error"]["message"]


# ---------------------------------------------------------------------------------------------
# Control plane: faults, records, stats, reset
# ---------------------------------------------------------------------------------------------


async def test_fault_queue(mock: MockUpstream, http: aiohttp.ClientSession) -> None:
    faults = {
        "faults": [
            {"status": 500, "times": 2},
            {"status": 429, "path": "/v1/embeddings"},
            {"fail": "reset"},
            {"latency_ms": 1, "chunks": 1},
        ]
    }
    async with http.post(mock.url + "/__mock/faults", json=faults) as r:
        assert r.status == 200 and (await r.json())["queued"] == 5

    async def chat() -> int | str:
        try:
            async with http.post(mock.url + "/v1/chat/completions", json=CHAT, headers=AUTH) as r:
                await r.read()
                return r.status
        except aiohttp.ClientConnectionError:
            return "reset"

    assert [await chat() for _ in range(5)] == [500, 500, "reset", 200, 200]
    emb = {"model": "e", "input": "x"}
    async with http.post(mock.url + "/v1/embeddings", json=emb, headers=AUTH) as r:
        assert r.status == 429 and r.headers["retry-after"] == "1"
    async with http.post(mock.url + "/v1/embeddings", json=emb, headers=AUTH) as r:
        assert r.status == 200
    assert mock.stats["faults_applied"] == 5
    async with http.get(mock.url + "/__mock/faults") as r:
        assert (await r.json())["faults"] == []
    for bad in (
        {"faults": [{"status": 200}]},
        {"faults": [{"fail": "nope"}]},
        {"faults": [{"bogus": 1}]},
        [1],
    ):
        async with http.post(mock.url + "/__mock/faults", json=bad) as r:
            assert r.status == 400, bad
    with pytest.raises(ValueError):
        mock.add_faults([{"times": 3}])


async def test_random_failures_are_seeded(http: aiohttp.ClientSession) -> None:
    rate, seed, n = 0.5, 7, 24
    rng = random.Random(seed)
    expected = [503 if rng.random() < rate else 200 for _ in range(n)]
    assert 200 in expected and 503 in expected
    async with MockUpstream(fail_rate=rate, fail_status=503, seed=seed) as m:
        for _ in range(2):  # reset re-seeds: the same pattern again
            got = []
            for _ in range(n):
                async with http.get(m.url + "/v1/models", headers=AUTH) as r:
                    got.append(r.status)
            assert got == expected
            async with http.post(m.url + "/__mock/reset") as r:
                assert r.status == 200


async def test_records_and_reset(mock: MockUpstream, http: aiohttp.ClientSession) -> None:
    async with http.post(
        mock.url + "/v1/chat/completions?debug=1", json=CHAT, headers={**AUTH, "X-Custom": "Yes"}
    ) as r:
        assert r.status == 200
    blob = bytes(range(256)) * 4
    async with http.put(mock.url + "/some/route", data=blob) as r:
        assert r.status == 200
    async with http.get(mock.url + "/__mock/stats") as r:  # control requests are not recorded
        assert (await r.json())["requests"] == 2
    async with http.get(mock.url + "/__mock/requests") as r:
        recs = await r.json()
    assert recs == mock.requests
    chat, put = recs
    assert (chat["method"], chat["path"], chat["query"]) == ("POST", "/v1/chat/completions", "debug=1")
    assert chat["headers"]["x-custom"] == "Yes" and chat["headers"]["authorization"] == "Bearer test-key"
    assert json.loads(chat["body"]) == CHAT and chat["body_encoding"] == "utf-8"
    assert chat["body_len"] == len(chat["body"].encode())
    assert put["method"] == "PUT" and put["body_encoding"] == "base64"
    assert base64.b64decode(put["body"]) == blob and put["body_len"] == len(blob)
    async with http.post(mock.url + "/__mock/reset") as r:
        assert r.status == 200
    assert mock.requests == [] and mock.stats["requests"] == 0


async def test_records_keep_the_last_thousand(mock: MockUpstream) -> None:
    reqs = b"".join(f"GET /r/{i} HTTP/1.1\r\nHost: m\r\n\r\n".encode() for i in range(1005))
    raw = await exchange(mock.port, reqs + b"GET /last HTTP/1.1\r\nHost: m\r\nConnection: close\r\n\r\n")
    assert len(parse_responses(raw)) == 1006
    paths = [r["path"] for r in mock.requests]
    assert len(paths) == 1000 and paths[0] == "/r/6" and paths[-1] == "/last"


async def test_stream_aborted_by_peer(mock: MockUpstream) -> None:
    text = " ".join(f"w{i}" for i in range(60))
    req = {"model": "m", "stream": True, "messages": [{"role": "user", "content": text}]}
    reader, writer = await asyncio.open_connection("127.0.0.1", mock.port)
    writer.write(post("/v1/chat/completions", req, {**AUTH, "x-mock-tokens-per-s": "40"}))
    got = b""
    while b'"content":"echo: "' not in got:
        got += await asyncio.wait_for(reader.read(4096), 5)
    assert mock.stats["streams_started"] == 1
    writer.close()
    await writer.wait_closed()
    for _ in range(500):
        if mock.stats["streams_aborted_by_peer"] and not mock.stats["open_connections"]:
            break
        await asyncio.sleep(0.01)
    stats = mock.stats
    assert stats["streams_aborted_by_peer"] == 1 and stats["streams_completed"] == 0
    assert stats["open_connections"] == 0


# ---------------------------------------------------------------------------------------------
# Generic echo, big bodies, backpressure
# ---------------------------------------------------------------------------------------------


async def test_generic_echo_20mb_chunked_upload(mock: MockUpstream, http: aiohttp.ClientSession) -> None:
    block = os.urandom(1 << 20)
    digest = hashlib.sha256()
    total = 20 << 20

    async def body() -> AsyncIterator[bytes]:
        for i in range(20):
            piece = bytes([i]) + block[1:]
            digest.update(piece)
            yield piece

    async with http.post(mock.url + "/upload/x?y=1", data=body(), headers={"X-Thing": "1"}) as r:
        assert r.status == 200
        echo = await r.json()
    assert echo["method"] == "POST" and echo["path"] == "/upload/x" and echo["query"] == "y=1"
    assert echo["headers"]["transfer-encoding"] == "chunked" and echo["headers"]["x-thing"] == "1"
    assert echo["body_len"] == total
    assert echo["body_sha256"] == digest.hexdigest()
    (rec,) = mock.requests
    assert rec["body_len"] == total and rec["body_truncated"]


async def test_bytes_stream_honours_backpressure(mock: MockUpstream) -> None:
    n = 48 << 20
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", mock.port))
    reader, writer = await asyncio.open_connection(sock=sock)
    writer.write(f"GET /__mock/bytes?n={n} HTTP/1.1\r\nHost: m\r\nConnection: close\r\n\r\n".encode())
    (conn,) = mock._conns
    for _ in range(500):  # the client does not read: the server must pause and stop producing
        if conn.write_paused:
            break
        await asyncio.sleep(0.01)
    assert conn.write_paused
    await asyncio.sleep(0.1)
    assert conn.transport is not None
    # Without backpressure the whole 48 MiB would sit in the server's user-space buffer.
    assert conn.transport.get_write_buffer_size() < 4 * BYTES_PIECE
    raw = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    ((status, headers, body),) = parse_responses(raw)
    assert status == 200 and headers["transfer-encoding"] == "chunked"
    assert len(body) == n
    assert body[:1024] == bytes(range(256)) * 4 and body[-256:] == bytes(range(256))
    assert mock.stats["streams_completed"] == 1


# ---------------------------------------------------------------------------------------------
# HTTP/1.1 behaviour
# ---------------------------------------------------------------------------------------------


async def test_pipelining_answers_in_order(mock: MockUpstream) -> None:
    slow = post("/v1/chat/completions", CHAT, {**AUTH, "x-mock-latency-ms": "50"})
    stream = post("/v1/chat/completions", dict(CHAT, stream=True), {**AUTH, "x-mock-tokens-per-s": "1000"})
    models = b"GET /v1/models HTTP/1.1\r\nHost: m\r\nAuthorization: Bearer k\r\n\r\n"
    echo = b"GET /anything?q=2 HTTP/1.1\r\nHost: m\r\nConnection: close\r\n\r\n"
    raw = await exchange(mock.port, slow + models + stream + echo)
    resps = parse_responses(raw)
    assert [s for s, _, _ in resps] == [200, 200, 200, 200]
    assert json.loads(resps[0][2])["object"] == "chat.completion"
    assert json.loads(resps[1][2])["object"] == "list"
    assert sse_events(resps[2][2])[-1] == (None, "[DONE]")
    assert json.loads(resps[3][2])["path"] == "/anything"
    assert resps[3][1]["connection"] == "close"


async def test_keep_alive_http10_and_connection_close(mock: MockUpstream) -> None:
    # HTTP/1.0 without keep-alive: one answer, then the server closes.
    raw = await exchange(mock.port, b"GET /v1/models HTTP/1.0\r\nAuthorization: Bearer k\r\n\r\n")
    ((status, headers, _),) = parse_responses(raw)
    assert status == 200 and headers["connection"] == "close"
    # HTTP/1.0 keep-alive is honoured: two requests on one connection.
    reader, writer = await asyncio.open_connection("127.0.0.1", mock.port)
    writer.write(b"GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
    first = await asyncio.wait_for(reader.readuntil(b"}"), 5)
    assert b"connection: keep-alive" in first
    writer.write(b"GET /b HTTP/1.0\r\n\r\n")
    rest = await asyncio.wait_for(reader.read(), 5)
    assert b'"path":"/b"' in rest
    writer.close()
    # HTTP/1.0 streams are close-delimited (no chunked coding in 1.0).
    raw = await exchange(
        mock.port, post("/v1/chat/completions", dict(CHAT, stream=True), AUTH, version="1.0")
    )
    head, _, body = raw.partition(b"\r\n\r\n")
    assert b"transfer-encoding" not in head and b"content-length" not in head
    assert sse_events(body)[-1] == (None, "[DONE]")
    # HTTP/1.1 "Connection: close" is honoured.
    raw = await exchange(mock.port, b"GET /x HTTP/1.1\r\nHost: m\r\nConnection: close\r\n\r\n")
    assert parse_responses(raw)[0][1]["connection"] == "close"


@pytest.mark.parametrize(
    "bad",
    [
        b"GET / HTTP/1.1\r\nHost: m\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: m\r\nBad Header: x\r\n\r\n",
        b"POST / HTTP/1.1\r\nHost: m\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"GARBAGE\r\n\r\n",
    ],
)
async def test_malformed_request_is_400_and_close(mock: MockUpstream, bad: bytes) -> None:
    ok = b"GET /first HTTP/1.1\r\nHost: m\r\n\r\n"
    raw = await exchange(mock.port, ok + bad)
    resps = parse_responses(raw)
    assert [s for s, _, _ in resps] == [200, 400], "earlier pipelined requests are still answered first"
    assert resps[1][1]["connection"] == "close"
    assert "error" in json.loads(resps[1][2])


async def test_oversized_head_is_431(mock: MockUpstream) -> None:
    raw = await exchange(mock.port, b"GET / HTTP/1.1\r\nHost: m\r\nX-Big: " + b"a" * 70000 + b"\r\n\r\n")
    assert parse_responses(raw)[0][0] == 431


# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------


async def test_cli_module_runs_and_stops_on_sigterm(http: aiohttp.ClientSession) -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "fastgate.mock_upstream", "--port", "0", "--no-auth",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        line = (await asyncio.wait_for(proc.stdout.readline(), 20)).decode()
        m = re.fullmatch(r"fastgate mock-upstream listening on (http://127\.0\.0\.1:(\d+))\n", line)
        assert m, line
        async with http.post(m.group(1) + "/v1/chat/completions", json=CHAT) as r:
            assert (
                r.status == 200
                and (await r.json())["choices"][0]["message"]["content"] == "echo: hello mock world"
            )
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 10) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


# ---------------------------------------------------------------------------------------------
# The same scenarios on uvloop (what `fastgate mock-upstream` and the gateway run on); the
# tests above run on the stock asyncio loop that pytest-asyncio provides.
# ---------------------------------------------------------------------------------------------

# The scenarios where the event loop's transport matters (sockets, RST, flow control, framing);
# the JSON formats do not depend on the loop and run once.
_ON_UVLOOP = [
    globals()[f"test_{name}"]
    for name in (
        "chat_stream_with_include_usage",
        "messages_stream_event_sequence",
        "x_mock_fail_reset_is_an_rst",
        "x_mock_fail_hang_times_out",
        "x_mock_fail_truncate",
        "x_mock_fail_reset_after_first_chunk",
        "fault_queue",
        "stream_aborted_by_peer",
        "generic_echo_20mb_chunked_upload",
        "bytes_stream_honours_backpressure",
        "pipelining_answers_in_order",
        "keep_alive_http10_and_connection_close",
        "expect_continue_and_head",
    )
]


@pytest.mark.parametrize("scenario", _ON_UVLOOP, ids=[f.__name__[len("test_") :] for f in _ON_UVLOOP])
def test_on_uvloop(scenario: Any) -> None:
    uvloop = pytest.importorskip("uvloop")

    async def run() -> None:
        assert type(asyncio.get_running_loop()).__module__.startswith("uvloop")
        async with MockUpstream() as m, aiohttp.ClientSession() as http:
            oai = openai.AsyncOpenAI(base_url=m.url + "/v1", api_key="x", max_retries=0)
            claude = anthropic.AsyncAnthropic(base_url=m.url, api_key="x", max_retries=0)
            async with oai, claude:
                given = {"mock": m, "oai": oai, "claude": claude, "http": http}
                await scenario(**{p: given[p] for p in inspect.signature(scenario).parameters})

    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(run())
