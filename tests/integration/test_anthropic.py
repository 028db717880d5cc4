"""OpenAI ⇄ Anthropic through the gateway, with the real SDKs, against ``fastgate mock-upstream``.

* the ``anthropic`` SDK on ``/v1/messages`` → ``gpt-4o-mini`` on an OpenAI-type provider;
* the ``openai`` SDK on ``/v1/chat/completions`` → ``claude-haiku`` on an Anthropic-type provider;

non-stream and stream, tool calls, stop reasons, usage (client side and access log), unsupported
fields, upstream errors in the other envelope, and fallbacks that cross provider types.

One mock, one in-process gateway and one client of each SDK serve the whole module (the box is
small and shared: starting and draining a gateway per test would dominate the run time).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import anthropic
import openai
import orjson
import pytest
import pytest_asyncio
from conftest import base_config, read_log

pytestmark = pytest.mark.asyncio(loop_scope="module")

TOOLS_OA = [{"type": "function", "function": {
    "name": "lookup", "description": "Look a word up", "parameters": {
        "type": "object", "properties": {"echo": {"type": "string"}}, "required": ["echo"]}}}]
TOOLS_AN = [{"name": "lookup", "description": "Look a word up", "input_schema": {
    "type": "object", "properties": {"echo": {"type": "string"}}, "required": ["echo"]}}]


def config(mock_url: str, access_log: str) -> str:
    """base_config plus an Anthropic-type provider, ``claude-haiku`` on it, and ``claude-fb`` (on it
    too) whose fallback ``gpt-4o-mini`` sits on the OpenAI-type provider."""
    text = base_config(mock_url, access_log=access_log)
    text = text.replace("providers:\n", (
        "providers:\n"
        "  claude:\n"
        "    type: anthropic\n"
        f'    base_url: "{mock_url}"\n'
        '    api_key: "sk-ant-provider-key"\n'
        "    timeout_s: 10\n"
        "    max_retries: 0\n"), 1)
    return text.replace("models:\n", (
        "models:\n"
        "  claude-haiku:\n"
        "    targets: [{provider: claude, model: claude-3-5-haiku-latest}]\n"
        "    price: {input_per_mtok: 0.80, output_per_mtok: 4.00}\n"
        "  claude-fb:\n"
        "    targets: [{provider: claude, model: claude-3-5-haiku-latest}]\n"
        "    fallbacks: [gpt-4o-mini]\n"), 1)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[SimpleNamespace]:
    from fastgate._testbase import InProcessGateway
    from fastgate.mock_upstream import MockUpstream

    log = tmp_path_factory.mktemp("anthropic") / "access.log"
    mock = MockUpstream("127.0.0.1", 0)
    await mock.start()
    gw = await InProcessGateway(config(mock.url, str(log))).start()
    an = anthropic.AsyncAnthropic(base_url=gw.url, api_key="sk-client", max_retries=0)
    oa = openai.AsyncOpenAI(base_url=gw.url + "/v1", api_key="sk-client", max_retries=0)
    try:
        yield SimpleNamespace(mock=mock, gw=gw, an=an, oa=oa, log=log)
    finally:
        # Idle keep-alive connections would hold the drain for its grace period: close them first.
        await an.close()
        await oa.close()
        await gw.stop()
        await mock.stop()


def last_upstream(env: SimpleNamespace) -> tuple[str, dict]:
    rec = env.mock.requests[-1]
    return rec["path"], orjson.loads(rec["body"])


def log_records(env: SimpleNamespace, n: int = 1) -> list[dict[str, Any]]:
    env.gw.worker.access_log.flush()
    return read_log(Path(env.log))[-n:]


# ------------------------------------------------------------------------------------------------
# anthropic SDK → OpenAI-type provider
# ------------------------------------------------------------------------------------------------


async def test_anthropic_sdk_to_openai_provider_non_stream(env):
    msg = await env.an.messages.create(
        model="gpt-4o-mini", max_tokens=100, system="Be brief.",
        messages=[{"role": "user", "content": [{"type": "text", "text": "hello there gateway"}]}])
    path, sent = last_upstream(env)
    assert path == "/v1/chat/completions"
    assert sent["model"] == "gpt-4o-mini" and sent["max_completion_tokens"] == 100
    assert sent["messages"][0] == {"role": "system", "content": "Be brief."}
    assert msg.type == "message" and msg.role == "assistant" and msg.model == "gpt-4o-mini"
    assert [b.type for b in msg.content] == ["text"]
    assert msg.content[0].text == "echo: hello there gateway"
    assert msg.stop_reason == "end_turn"
    assert msg.usage.output_tokens == 4 and msg.usage.input_tokens > 0
    (rec,) = log_records(env)
    assert rec["status"] == 200 and rec["provider"] == "mock" and rec["translation"] == "anthropic->openai"
    assert rec["tokens_source"] == "provider"
    assert (rec["prompt_tokens"], rec["completion_tokens"]) == (msg.usage.input_tokens, msg.usage.output_tokens)


async def test_anthropic_sdk_to_openai_provider_stream(env):
    async with env.an.messages.stream(model="gpt-4o-mini", max_tokens=3,
                                      messages=[{"role": "user", "content": "one two three four five"}]) as stream:
        texts = [t async for t in stream.text_stream]
        final = await stream.get_final_message()
    _, sent = last_upstream(env)
    assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True}
    assert len(texts) == 3 and "".join(texts) == "echo: one two"
    assert final.stop_reason == "max_tokens"
    # message_start said 0 input tokens; message_delta's cumulative usage corrected it.
    assert final.usage.input_tokens > 0 and final.usage.output_tokens == 3
    (rec,) = log_records(env)
    assert rec["tokens_source"] == "provider" and rec["completion_tokens"] == 3
    assert rec["translation"] == "anthropic->openai" and rec["stream"] is True


async def test_anthropic_stream_prompt_tokens_in_log(env):
    async with env.an.messages.stream(model="gpt-4o-mini", max_tokens=10,
                                      messages=[{"role": "user", "content": "hi"}]) as stream:
        final = await stream.get_final_message()
    assert log_records(env)[0]["prompt_tokens"] == final.usage.input_tokens


async def test_anthropic_sdk_tool_use_round_trip(env):
    first = await env.an.messages.create(
        model="gpt-4o-mini", max_tokens=200, tools=TOOLS_AN, tool_choice={"type": "any"},
        messages=[{"role": "user", "content": "please use the tool"}])
    _, sent = last_upstream(env)
    assert sent["tool_choice"] == "required"
    assert sent["tools"][0]["function"]["parameters"] == TOOLS_AN[0]["input_schema"]
    assert first.stop_reason == "tool_use"
    (call,) = first.content
    assert call.type == "tool_use" and call.name == "lookup" and call.input == {"echo": "please use the tool"}
    second = await env.an.messages.create(
        model="gpt-4o-mini", max_tokens=200, tools=TOOLS_AN,
        messages=[{"role": "user", "content": "please use the tool"},
                  {"role": "assistant", "content": first.content},
                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": call.id, "content": "42"}]}])
    _, sent = last_upstream(env)
    assert sent["messages"][1]["tool_calls"][0]["id"] == call.id
    assert sent["messages"][2] == {"role": "tool", "tool_call_id": call.id, "content": "42"}
    assert second.stop_reason == "end_turn" and second.content[0].type == "text"


async def test_anthropic_sdk_tool_use_stream(env):
    async with env.an.messages.stream(model="gpt-4o-mini", max_tokens=200, tools=TOOLS_AN,
                                      messages=[{"role": "user", "content": "call the tool now"}]) as stream:
        events = [e.type async for e in stream]
        final = await stream.get_final_message()
    assert events[0] == "message_start" and events[-1] == "message_stop"
    assert "input_json" in events
    assert final.stop_reason == "tool_use"
    (call,) = final.content
    assert call.type == "tool_use" and call.name == "lookup" and call.input == {"echo": "call the tool now"}
    assert final.usage.output_tokens > 0


async def test_anthropic_sdk_unsupported_field_is_400(env):
    n_before = len(env.mock.requests)
    with pytest.raises(anthropic.BadRequestError) as ei:
        await env.an.messages.create(model="gpt-4o-mini", max_tokens=10, extra_body={"top_k": 5},
                                     messages=[{"role": "user", "content": "hi"}])
    assert ei.value.status_code == 400
    body = ei.value.body
    assert body["type"] == "error" and body["error"]["type"] == "invalid_request_error"
    assert "top_k" in body["error"]["message"]
    assert len(env.mock.requests) == n_before  # nothing was sent upstream


async def test_openai_error_reaches_anthropic_client_in_its_envelope(env):
    env.mock.add_faults([{"status": 404, "path": "/v1/chat/completions"}])
    with pytest.raises(anthropic.NotFoundError) as ei:
        await env.an.messages.create(model="gpt-4o-mini", max_tokens=10, messages=[{"role": "user", "content": "hi"}])
    assert ei.value.status_code == 404
    assert ei.value.body == {"type": "error", "error": {"type": "not_found_error",
                                                        "message": "mock: injected status 404"}}


# ------------------------------------------------------------------------------------------------
# openai SDK → Anthropic-type provider
# ------------------------------------------------------------------------------------------------


async def test_openai_sdk_to_anthropic_provider_non_stream(env):
    resp = await env.oa.chat.completions.create(
        model="claude-haiku", temperature=0.5, stop=["zzz"], user="alice",
        messages=[{"role": "system", "content": "Be brief."},
                  {"role": "user", "content": [
                      {"type": "text", "text": "hello"},
                      {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                      {"type": "text", "text": "there"}]}])
    path, sent = last_upstream(env)
    assert path == "/v1/messages"
    headers = env.mock.requests[-1]["headers"]
    assert headers["x-api-key"] == "sk-ant-provider-key" and headers["anthropic-version"]
    assert "authorization" not in headers
    assert sent["model"] == "claude-3-5-haiku-latest" and sent["max_tokens"] == 1024  # the model default
    assert sent["system"] == [{"type": "text", "text": "Be brief."}]
    assert sent["messages"][0]["content"][1] == {
        "type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}}
    assert sent["stop_sequences"] == ["zzz"] and sent["metadata"] == {"user_id": "alice"}
    assert resp.object == "chat.completion" and resp.model == "claude-haiku"
    choice = resp.choices[0]
    assert choice.message.content == "echo: hello there" and choice.finish_reason == "stop"
    assert resp.usage.completion_tokens == 3
    assert resp.usage.total_tokens == resp.usage.prompt_tokens + resp.usage.completion_tokens
    (rec,) = log_records(env)
    assert rec["provider"] == "claude" and rec["translation"] == "openai->anthropic"
    assert rec["tokens_source"] == "provider"
    assert (rec["prompt_tokens"], rec["completion_tokens"]) == (resp.usage.prompt_tokens, 3)
    assert abs(rec["cost_usd"] - (resp.usage.prompt_tokens * 0.80 + 3 * 4.00) / 1e6) < 1e-12


async def test_openai_sdk_to_anthropic_provider_stream(env):
    stream = await env.oa.chat.completions.create(
        model="claude-haiku", stream=True, stream_options={"include_usage": True}, max_tokens=2,
        messages=[{"role": "user", "content": "alpha beta gamma"}])
    chunks = [c async for c in stream]
    # Without include_usage the client sees no usage chunk, but the gateway still bills it.
    stream2 = await env.oa.chat.completions.create(
        model="claude-haiku", stream=True, messages=[{"role": "user", "content": "alpha beta"}])
    chunks2 = [c async for c in stream2]
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "echo: alpha"
    finishes = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
    assert finishes == ["length"]
    usage = [c.usage for c in chunks if c.usage]
    assert len(usage) == 1 and not chunks[-1].choices and usage[0].completion_tokens == 2
    assert usage[0].prompt_tokens > 0
    assert all(c.usage is None for c in chunks2)
    assert "".join(c.choices[0].delta.content or "" for c in chunks2 if c.choices) == "echo: alpha beta"
    first, second = log_records(env, 2)
    assert first["tokens_source"] == "provider"
    assert (first["prompt_tokens"], first["completion_tokens"]) == (usage[0].prompt_tokens, 2)
    assert second["tokens_source"] == "provider" and second["completion_tokens"] == 3


async def test_openai_sdk_tool_calls_to_anthropic_provider(env):
    resp = await env.oa.chat.completions.create(
        model="claude-haiku", tools=TOOLS_OA, parallel_tool_calls=False,
        tool_choice={"type": "function", "function": {"name": "lookup"}},
        messages=[{"role": "user", "content": "use a tool"}])
    _, sent = last_upstream(env)
    assert sent["tool_choice"] == {"type": "tool", "name": "lookup", "disable_parallel_tool_use": True}
    assert sent["tools"][0]["input_schema"] == TOOLS_OA[0]["function"]["parameters"]
    choice = resp.choices[0]
    assert choice.finish_reason == "tool_calls"
    (call,) = choice.message.tool_calls
    assert call.function.name == "lookup" and orjson.loads(call.function.arguments) == {"echo": "use a tool"}
    # Streamed, the arguments arrive as deltas of tool call 0.
    stream = await env.oa.chat.completions.create(
        model="claude-haiku", tools=TOOLS_OA, stream=True, messages=[{"role": "user", "content": "use a tool"}])
    calls: dict[int, dict] = {}
    finish = None
    async for c in stream:
        for ch in c.choices:
            finish = ch.finish_reason or finish
            for tc in ch.delta.tool_calls or ():
                slot = calls.setdefault(tc.index, {"id": None, "name": None, "args": ""})
                slot["id"] = tc.id or slot["id"]
                if tc.function is not None:
                    slot["name"] = tc.function.name or slot["name"]
                    slot["args"] += tc.function.arguments or ""
    assert finish == "tool_calls" and list(calls) == [0]
    assert calls[0]["name"] == "lookup" and calls[0]["id"]
    assert orjson.loads(calls[0]["args"]) == {"echo": "use a tool"}
    # The tool result goes back as a tool_result block in a user turn.
    done = await env.oa.chat.completions.create(
        model="claude-haiku", tools=TOOLS_OA,
        messages=[{"role": "user", "content": "use a tool"}, choice.message.model_dump(exclude_none=True),
                  {"role": "tool", "tool_call_id": call.id, "content": "found it"}])
    _, sent = last_upstream(env)
    assert sent["messages"][1]["content"] == [{"type": "tool_use", "id": call.id, "name": "lookup",
                                               "input": {"echo": "use a tool"}}]
    assert sent["messages"][2] == {"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": call.id, "content": "found it"}]}
    assert done.choices[0].finish_reason == "stop"


@pytest.mark.parametrize("kwargs,param", [
    ({"n": 2}, "n"),
    ({"logprobs": True}, "logprobs"),
    ({"response_format": {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}}}},
     "response_format"),
    ({"presence_penalty": 0.5}, "presence_penalty"),
    ({"seed": 7}, "seed"),
    ({"temperature": 1.5}, "temperature"),
])
async def test_openai_sdk_unsupported_field_is_400(env, kwargs, param):
    n_before = len(env.mock.requests)
    with pytest.raises(openai.BadRequestError) as ei:
        await env.oa.chat.completions.create(model="claude-haiku", messages=[{"role": "user", "content": "hi"}],
                                             **kwargs)
    err = ei.value.body
    assert ei.value.status_code == 400 and err["param"] == param and err["code"] == "unsupported_parameter"
    assert param in err["message"]
    assert len(env.mock.requests) == n_before


async def test_openai_sdk_invalid_tool_arguments_is_400(env):
    with pytest.raises(openai.BadRequestError) as ei:
        await env.oa.chat.completions.create(model="claude-haiku", messages=[
            {"role": "user", "content": "x"},
            {"role": "assistant", "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{not json"}}]},
            {"role": "tool", "tool_call_id": "c1", "content": "r"}])
    assert ei.value.body["param"] == "messages[1].tool_calls[0].function.arguments"


@pytest.mark.parametrize("status,exc,otype", [
    (400, openai.BadRequestError, "invalid_request_error"),
    (429, openai.RateLimitError, "requests"),
    (529, openai.InternalServerError, "server_error"),
])
async def test_anthropic_error_reaches_openai_client_in_its_envelope(env, status, exc, otype):
    env.mock.add_faults([{"status": status, "path": "/v1/messages"}])
    with pytest.raises(exc) as ei:
        await env.oa.chat.completions.create(model="claude-haiku", messages=[{"role": "user", "content": "hi"}])
    assert ei.value.status_code == status
    assert ei.value.body["message"] == f"mock: injected status {status}" and ei.value.body["type"] == otype


async def test_anthropic_provider_rejects_openai_only_endpoints(env):
    with pytest.raises(openai.BadRequestError) as ei:
        await env.oa.embeddings.create(model="claude-haiku", input="x")
    assert ei.value.body["code"] == "unsupported_endpoint"


# ------------------------------------------------------------------------------------------------
# per-attempt choice, pass-through
# ------------------------------------------------------------------------------------------------


async def test_fallback_across_provider_types(env):
    # claude-fb (anthropic) fails with 503 → gpt-4o-mini (openai): the OpenAI client is served by
    # the pass-through path; the Anthropic client gets the fallback's answer translated.
    env.mock.add_faults([{"status": 503, "path": "/v1/messages"}])
    resp = await env.oa.chat.completions.create(model="claude-fb", messages=[{"role": "user", "content": "fall back"}])
    assert [r["path"] for r in env.mock.requests[-2:]] == ["/v1/messages", "/v1/chat/completions"]
    assert orjson.loads(env.mock.requests[-1]["body"])["model"] == "gpt-4o-mini"
    assert resp.choices[0].message.content == "echo: fall back"
    env.mock.add_faults([{"status": 503, "path": "/v1/messages"}])
    msg = await env.an.messages.create(model="claude-fb", max_tokens=50,
                                       messages=[{"role": "user", "content": "fall back"}])
    assert msg.content[0].text == "echo: fall back" and msg.stop_reason == "end_turn"
    (rec,) = log_records(env)
    assert rec["fallback_model"] == "gpt-4o-mini" and rec["attempts"] == 2
    assert rec["translation"] == "anthropic->openai"


async def test_anthropic_front_to_anthropic_provider_is_pass_through(env):
    msg = await env.an.messages.create(model="claude-haiku", max_tokens=20, extra_body={"top_k": 3},
                                       messages=[{"role": "user", "content": "straight"}])
    path, sent = last_upstream(env)
    assert path == "/v1/messages" and sent["model"] == "claude-3-5-haiku-latest" and sent["top_k"] == 3
    assert msg.id.startswith("msg_mock") and msg.content[0].text == "echo: straight"
    (rec,) = log_records(env)
    assert "translation" not in rec and rec["tokens_source"] == "provider"
