"""Table tests for fastgate.providers.translate: every request/response/error mapping both ways,
the unsupported-field 400s, and the stream translators fed real event sequences — produced by the
very builders ``fastgate mock-upstream`` answers with, plus hand-written Anthropic/OpenAI shapes
the mock never sends (several blocks, parallel tool calls, errors, cache usage) — split at every
event boundary. Output is also validated against the SDKs' own pydantic models.
"""

from __future__ import annotations

import copy
import random
from typing import Any

import orjson
import pytest
from anthropic.types import Message, RawMessageStreamEvent
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from pydantic import TypeAdapter

from fastgate.errors import ClientError, UpstreamError
from fastgate.mock_upstream import build_chat, build_messages
from fastgate.providers import translate as t
from fastgate.providers.adapter import translation_for

STREAM_EVENT = TypeAdapter(RawMessageStreamEvent)


def _raises(fn: Any, *args: Any, param: str, code: str = "unsupported_parameter") -> ClientError:
    with pytest.raises(ClientError) as ei:
        fn(*args)
    assert ei.value.status == 400 and ei.value.param == param and ei.value.code == code, ei.value.message
    return ei.value


def oa(**kw: Any) -> dict[str, Any]:
    return {"model": "pub", "messages": [{"role": "user", "content": "hi"}], **kw}


def an(**kw: Any) -> dict[str, Any]:
    return {"model": "pub", "max_tokens": 50, "messages": [{"role": "user", "content": "hi"}], **kw}


# ================================================================================================
# OpenAI request → Anthropic
# ================================================================================================


def test_oa_to_an_conversation_shape():
    req = oa(messages=[
        {"role": "system", "content": "sys one"},
        {"role": "developer", "content": [{"type": "text", "text": "dev two"}]},
        {"role": "user", "content": [
            {"type": "text", "text": "look"},
            {"type": "image_url", "image_url": {"url": "data:image/JPEG;base64,/9j/4AAQ", "detail": "high"}},
            {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
            {"type": "file", "file": {"file_data": "data:application/pdf;base64,JVBERi0x", "filename": "a.pdf"}},
        ]},
        {"role": "assistant", "content": "", "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "f", "arguments": '{"a": 1}'}},
            {"id": "c2", "type": "function", "function": {"name": "g", "arguments": ""}},
        ]},
        {"role": "tool", "tool_call_id": "c1", "content": "one"},
        {"role": "tool", "tool_call_id": "c2", "content": [{"type": "text", "text": "two"}]},
        {"role": "user", "content": "thanks", "name": "bob"},
        {"role": "assistant", "content": [{"type": "text", "text": "ok"}]},
    ])
    before = copy.deepcopy(req)
    out = t.openai_to_anthropic_request(req, "claude-x")
    assert req == before  # pure: the client's parsed body is untouched
    assert out["model"] == "claude-x" and out["max_tokens"] == t.DEFAULT_MAX_TOKENS
    assert out["system"] == [{"type": "text", "text": "sys one"}, {"type": "text", "text": "dev two"}]
    user, asst, results, last = out["messages"]
    assert user == {"role": "user", "content": [
        {"type": "text", "text": "look"},
        {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQ"}},
        {"type": "image", "source": {"type": "url", "url": "https://example.com/cat.png"}},
        {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0x"}},
    ]}
    assert asst == {"role": "assistant", "content": [  # the empty text is dropped (Anthropic refuses it)
        {"type": "tool_use", "id": "c1", "name": "f", "input": {"a": 1}},
        {"type": "tool_use", "id": "c2", "name": "g", "input": {}},
    ]}
    # both results and the following user text share one user turn, results first
    assert results == {"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": "c1", "content": "one"},
        {"type": "tool_result", "tool_use_id": "c2", "content": [{"type": "text", "text": "two"}]},
        {"type": "text", "text": "thanks"},
    ]}
    assert last == {"role": "assistant", "content": [{"type": "text", "text": "ok"}]}


@pytest.mark.parametrize("extra,expected", [
    ({}, {"max_tokens": 777}),
    ({"max_tokens": 10}, {"max_tokens": 10}),
    ({"max_tokens": 10, "max_completion_tokens": 20}, {"max_tokens": 20}),
    ({"temperature": 0.2, "top_p": 0.9}, {"temperature": 0.2, "top_p": 0.9}),
    ({"stop": "END"}, {"stop_sequences": ["END"]}),
    ({"stop": ["a", "b"]}, {"stop_sequences": ["a", "b"]}),
    ({"stream": True, "stream_options": {"include_usage": True}}, {"stream": True}),
    ({"user": "u1"}, {"metadata": {"user_id": "u1"}}),
    ({"safety_identifier": "s1"}, {"metadata": {"user_id": "s1"}}),
    # neutral values of fields Anthropic lacks are accepted (and not sent)
    ({"n": 1, "logprobs": False, "presence_penalty": 0, "frequency_penalty": 0.0, "response_format": {"type": "text"},
      "modalities": ["text"], "service_tier": "auto", "store": False, "logit_bias": {}, "seed": None,
      "prompt_cache_key": "k"}, {}),
])
def test_oa_to_an_scalars(extra, expected):
    out = t.openai_to_anthropic_request(oa(**extra), "m", 777)
    rest = {k: v for k, v in out.items() if k not in ("model", "messages")}
    rest.setdefault("max_tokens", 777)
    assert rest == {"max_tokens": 777, **expected}


TOOL = {"type": "function", "function": {"name": "f", "description": "d", "parameters": {"type": "object"}}}


@pytest.mark.parametrize("extra,tools,choice", [
    ({}, [{"name": "f", "description": "d", "input_schema": {"type": "object"}}], None),
    ({"tool_choice": "auto"}, None, {"type": "auto"}),
    ({"tool_choice": "none"}, None, {"type": "none"}),
    ({"tool_choice": "required"}, None, {"type": "any"}),
    ({"tool_choice": {"type": "function", "function": {"name": "f"}}}, None, {"type": "tool", "name": "f"}),
    ({"parallel_tool_calls": False}, None, {"type": "auto", "disable_parallel_tool_use": True}),
    ({"parallel_tool_calls": False, "tool_choice": "required"}, None, {"type": "any", "disable_parallel_tool_use": True}),
    ({"parallel_tool_calls": False, "tool_choice": "none"}, None, {"type": "none"}),
    ({"parallel_tool_calls": True}, None, None),
])
def test_oa_to_an_tools(extra, tools, choice):
    out = t.openai_to_anthropic_request(oa(tools=[TOOL], **extra), "m")
    if tools is not None:
        assert out["tools"] == tools
    assert out.get("tool_choice") == choice


def test_oa_to_an_tool_defaults_and_strict():
    out = t.openai_to_anthropic_request(oa(tools=[{"type": "function", "function": {"name": "g", "strict": True}}]), "m")
    assert out["tools"] == [{"name": "g", "input_schema": {"type": "object", "properties": {}}, "strict": True}]


@pytest.mark.parametrize("extra,param", [
    ({"n": 2}, "n"),
    ({"logprobs": True}, "logprobs"),
    ({"top_logprobs": 2}, "top_logprobs"),
    ({"response_format": {"type": "json_object"}}, "response_format"),
    ({"response_format": {"type": "json_schema", "json_schema": {"name": "x"}}}, "response_format"),
    ({"presence_penalty": 0.1}, "presence_penalty"),
    ({"frequency_penalty": -1}, "frequency_penalty"),
    ({"logit_bias": {"50256": -100}}, "logit_bias"),
    ({"seed": 1}, "seed"),
    ({"audio": {"voice": "alloy", "format": "mp3"}}, "audio"),
    ({"modalities": ["text", "audio"]}, "modalities"),
    ({"prediction": {"type": "content", "content": "x"}}, "prediction"),
    ({"reasoning_effort": "high"}, "reasoning_effort"),
    ({"web_search_options": {}}, "web_search_options"),
    ({"store": True}, "store"),
    ({"metadata": {"k": "v"}}, "metadata"),
    ({"service_tier": "flex"}, "service_tier"),
    ({"functions": [{"name": "f"}]}, "functions"),
    ({"function_call": "auto"}, "function_call"),
    ({"temperature": 1.2}, "temperature"),
    ({"brand_new_field": 1}, "brand_new_field"),
    ({"tools": [{"type": "custom", "custom": {"name": "x"}}]}, "tools[0].type"),
    ({"tool_choice": {"type": "allowed_tools", "allowed_tools": {}}}, "tool_choice"),
    ({"messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {}}]}]},
     "messages[0].content[0].type"),
    ({"messages": [{"role": "user", "content": [{"type": "file", "file": {"file_id": "file-1"}}]}]},
     "messages[0].content[0].file"),
    ({"messages": [{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "data:image/bmp;base64,Qk0="}}]}]},
     "messages[0].content[0].image_url.url"),
    ({"messages": [{"role": "function", "name": "f", "content": "x"}]}, "messages[0].role"),
    ({"messages": [{"role": "assistant", "content": [
        {"type": "image_url", "image_url": {"url": "https://x/y.png"}}]}]}, "messages[0].content[0].type"),
])
def test_oa_to_an_unsupported_is_400(extra, param):
    err = _raises(t.openai_to_anthropic_request, oa(**extra), "m", param=param)
    assert param.split("[")[0] in err.message


@pytest.mark.parametrize("args,param,code", [
    ("{not json", "messages[1].tool_calls[0].function.arguments", "invalid_tool_arguments"),
    ("[1, 2]", "messages[1].tool_calls[0].function.arguments", "invalid_tool_arguments"),
])
def test_oa_to_an_bad_tool_arguments(args, param, code):
    req = oa(messages=[{"role": "user", "content": "x"}, {"role": "assistant", "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": args}}]}])
    _raises(t.openai_to_anthropic_request, req, "m", param=param, code=code)


@pytest.mark.parametrize("extra,param", [
    ({"messages": []}, "messages"),
    ({"messages": [{"role": "tool", "content": "x"}]}, "messages[0].tool_call_id"),
    ({"messages": [{"role": "robot", "content": "x"}]}, "messages[0].role"),
    ({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "ftp://x"}}]}]},
     "messages[0].content[0].image_url.url"),
    ({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:image/png,abc"}}]}]},
     "messages[0].content[0].image_url.url"),
    ({"max_tokens": 0}, "max_tokens"),
    ({"stop": 5}, "stop"),
    ({"temperature": -1}, "temperature"),
])
def test_oa_to_an_invalid_is_400(extra, param):
    _raises(t.openai_to_anthropic_request, oa(**extra), "m", param=param, code="invalid_value")


# ================================================================================================
# Anthropic request → OpenAI
# ================================================================================================


def test_an_to_oa_conversation_shape():
    req = an(system=[{"type": "text", "text": "s1", "cache_control": {"type": "ephemeral"}}, {"type": "text", "text": "s2"}],
             messages=[
                 {"role": "user", "content": [
                     {"type": "text", "text": "look"},
                     {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}},
                     {"type": "image", "source": {"type": "url", "url": "https://x/y.png"}},
                     {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVB"}},
                 ]},
                 {"role": "assistant", "content": [
                     {"type": "text", "text": "calling"},
                     {"type": "tool_use", "id": "t1", "name": "f", "input": {"a": [1]}},
                     {"type": "tool_use", "id": "t2", "name": "g", "input": {}},
                 ]},
                 {"role": "user", "content": [
                     {"type": "tool_result", "tool_use_id": "t1", "content": "r1"},
                     {"type": "tool_result", "tool_use_id": "t2", "is_error": True,
                      "content": [{"type": "text", "text": "boom"}, {"type": "text", "text": "again"}]},
                     {"type": "text", "text": "and?"},
                 ]},
                 {"role": "assistant", "content": "plain"},
             ])
    before = copy.deepcopy(req)
    out = t.anthropic_to_openai_request(req, "gpt-x")
    assert req == before
    assert out["model"] == "gpt-x" and out["max_completion_tokens"] == 50
    assert out["messages"] == [
        {"role": "system", "content": [{"type": "text", "text": "s1"}, {"type": "text", "text": "s2"}]},
        {"role": "user", "content": [
            {"type": "text", "text": "look"},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBO"}},
            {"type": "image_url", "image_url": {"url": "https://x/y.png"}},
            {"type": "file", "file": {"filename": "document.pdf", "file_data": "data:application/pdf;base64,JVB"}},
        ]},
        {"role": "assistant", "content": "calling", "tool_calls": [
            {"id": "t1", "type": "function", "function": {"name": "f", "arguments": '{"a":[1]}'}},
            {"id": "t2", "type": "function", "function": {"name": "g", "arguments": "{}"}},
        ]},
        {"role": "tool", "tool_call_id": "t1", "content": "r1"},
        {"role": "tool", "tool_call_id": "t2", "content": "Error: boom\nagain"},
        {"role": "user", "content": "and?"},
        {"role": "assistant", "content": "plain"},
    ]


def test_an_to_oa_tool_only_assistant_has_null_content():
    out = t.anthropic_to_openai_request(an(messages=[
        {"role": "user", "content": "x"},
        {"role": "assistant", "content": [{"type": "tool_use", "id": "t", "name": "f", "input": {"q": 1}}]}]), "m")
    assert out["messages"][1]["content"] is None


@pytest.mark.parametrize("extra,expected", [
    ({"system": "be nice"}, {"messages": [{"role": "system", "content": "be nice"}, {"role": "user", "content": "hi"}]}),
    ({"temperature": 0.3, "top_p": 0.5}, {"temperature": 0.3, "top_p": 0.5}),
    ({"stop_sequences": ["x", "y"]}, {"stop": ["x", "y"]}),
    ({"metadata": {"user_id": "u9"}}, {"user": "u9"}),
    ({"stream": True}, {"stream": True, "stream_options": {"include_usage": True}}),
    ({"stream": False}, {}),
    ({"thinking": {"type": "disabled"}, "service_tier": "auto"}, {}),
])
def test_an_to_oa_scalars(extra, expected):
    out = t.anthropic_to_openai_request(an(**extra), "m")
    base = {"model": "m", "max_completion_tokens": 50, "messages": [{"role": "user", "content": "hi"}]}
    assert out == {**base, **expected}


TOOL_AN = {"name": "f", "description": "d", "input_schema": {"type": "object"}, "cache_control": {"type": "ephemeral"}}


@pytest.mark.parametrize("choice,expected,parallel", [
    (None, None, None),
    ({"type": "auto"}, "auto", None),
    ({"type": "any"}, "required", None),
    ({"type": "none"}, "none", None),
    ({"type": "tool", "name": "f"}, {"type": "function", "function": {"name": "f"}}, None),
    ({"type": "auto", "disable_parallel_tool_use": True}, "auto", False),
])
def test_an_to_oa_tools(choice, expected, parallel):
    extra: dict[str, Any] = {"tools": [TOOL_AN]}
    if choice is not None:
        extra["tool_choice"] = choice
    out = t.anthropic_to_openai_request(an(**extra), "m")
    assert out["tools"] == [{"type": "function", "function": {"name": "f", "description": "d",
                                                              "parameters": {"type": "object"}}}]
    assert out.get("tool_choice") == expected and out.get("parallel_tool_calls") == parallel


@pytest.mark.parametrize("extra,param", [
    ({"top_k": 5}, "top_k"),
    ({"thinking": {"type": "enabled", "budget_tokens": 2000}}, "thinking"),
    ({"service_tier": "standard_only"}, "service_tier"),
    ({"container": "c1"}, "container"),
    ({"mcp_servers": []}, "mcp_servers"),
    ({"metadata": {"user_id": "u", "other": 1}}, "metadata.other"),
    ({"tools": [{"type": "web_search_20250305", "name": "web_search"}]}, "tools.0.type"),
    ({"tools": [{"name": "f", "input_schema": {}, "defer_loading": True}]}, "tools.0.defer_loading"),
    ({"messages": [{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t", "content": [
        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "x"}}]}]}]},
     "messages.0.content.0.content.0"),
    ({"messages": [{"role": "assistant", "content": [{"type": "thinking", "thinking": "x", "signature": "s"}]}]},
     "messages.0.content.0.type"),
    ({"messages": [{"role": "user", "content": [{"type": "image", "source": {"type": "file", "file_id": "f"}}]}]},
     "messages.0.content.0.source"),
    ({"messages": [{"role": "user", "content": [{"type": "search_result", "source": "x"}]}]},
     "messages.0.content.0.type"),
    ({"surprise": True}, "surprise"),
])
def test_an_to_oa_unsupported_is_400(extra, param):
    err = _raises(t.anthropic_to_openai_request, an(**extra), "m", param=param)
    assert param.split(".")[0] in err.message


@pytest.mark.parametrize("extra,param", [
    ({"messages": [{"role": "system", "content": "x"}]}, "messages.0.role"),
    ({"messages": [{"role": "user", "content": [{"type": "tool_result", "content": "x"}]}]},
     "messages.0.content.0.tool_use_id"),
    ({"max_tokens": "ten"}, "max_tokens"),
    ({"system": [{"type": "image"}]}, "system.0"),
    ({"tool_choice": {"type": "sometimes"}}, "tool_choice"),
])
def test_an_to_oa_invalid_is_400(extra, param):
    _raises(t.anthropic_to_openai_request, an(**extra), "m", param=param, code="invalid_value")


# ================================================================================================
# responses
# ================================================================================================


def an_message(content: list[dict[str, Any]], stop: str | None, usage: dict[str, int] | None = None) -> dict[str, Any]:
    return {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-x", "content": content,
            "stop_reason": stop, "stop_sequence": None,
            "usage": usage or {"input_tokens": 10, "output_tokens": 5}}


@pytest.mark.parametrize("stop,finish", [
    ("end_turn", "stop"), ("stop_sequence", "stop"), ("pause_turn", "stop"), ("max_tokens", "length"),
    ("model_context_window_exceeded", "length"), ("tool_use", "tool_calls"), ("refusal", "content_filter"),
])
def test_an_to_oa_response_stop_reasons(stop, finish):
    out = t.anthropic_to_openai_response(an_message([{"type": "text", "text": "hi"}], stop), "pub", created=5)
    ChatCompletion.model_validate(out)
    assert out["choices"][0]["finish_reason"] == finish and out["model"] == "pub" and out["created"] == 5


def test_an_to_oa_response_content_tools_usage():
    msg = an_message([{"type": "text", "text": "a"}, {"type": "text", "text": "b"},
                      {"type": "tool_use", "id": "tu1", "name": "f", "input": {"x": 1}}], "tool_use",
                     {"input_tokens": 10, "output_tokens": 7, "cache_read_input_tokens": 100,
                      "cache_creation_input_tokens": 20})
    out = t.anthropic_to_openai_response(msg, "pub", created=1)
    ChatCompletion.model_validate(out)
    m = out["choices"][0]["message"]
    assert m["content"] == "ab" and m["role"] == "assistant"
    assert m["tool_calls"] == [{"id": "tu1", "type": "function", "function": {"name": "f", "arguments": '{"x":1}'}}]
    # OpenAI's prompt_tokens include cached ones; Anthropic's input_tokens do not
    assert out["usage"] == {"prompt_tokens": 130, "completion_tokens": 7, "total_tokens": 137,
                            "prompt_tokens_details": {"cached_tokens": 100}}
    only_tool = t.anthropic_to_openai_response(an_message(msg["content"][2:], "tool_use"), "pub", created=1)
    assert only_tool["choices"][0]["message"]["content"] is None


def oa_completion(message: dict[str, Any], finish: str | None, usage: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-x",
            "choices": [{"index": 0, "message": {"role": "assistant", **message}, "logprobs": None,
                         "finish_reason": finish}],
            "usage": usage or {"prompt_tokens": 10, "completion_tokens": 4, "total_tokens": 14}}


@pytest.mark.parametrize("finish,stop", [
    ("stop", "end_turn"), ("length", "max_tokens"), ("tool_calls", "tool_use"), ("function_call", "tool_use"),
    ("content_filter", "refusal"), (None, "end_turn"),
])
def test_oa_to_an_response_stop_reasons(finish, stop):
    out = t.openai_to_anthropic_response(oa_completion({"content": "hi"}, finish), "pub")
    Message.model_validate(out)
    assert out["stop_reason"] == stop and out["model"] == "pub" and out["content"] == [{"type": "text", "text": "hi"}]


def test_oa_to_an_response_tools_refusal_usage():
    out = t.openai_to_anthropic_response(oa_completion(
        {"content": None, "tool_calls": [{"id": "c1", "type": "function",
                                          "function": {"name": "f", "arguments": '{"q": "x"}'}}]},
        "tool_calls", {"prompt_tokens": 130, "completion_tokens": 7, "total_tokens": 137,
                       "prompt_tokens_details": {"cached_tokens": 100}}), "pub")
    Message.model_validate(out)
    assert out["content"] == [{"type": "tool_use", "id": "c1", "name": "f", "input": {"q": "x"}}]
    assert out["usage"] == {"input_tokens": 30, "output_tokens": 7, "cache_creation_input_tokens": 0,
                            "cache_read_input_tokens": 100}
    refused = t.openai_to_anthropic_response(oa_completion({"content": None, "refusal": "no"}, "stop"), "pub")
    assert refused["stop_reason"] == "refusal" and refused["content"] == [{"type": "text", "text": "no"}]


def test_responses_round_trip():
    msg = an_message([{"type": "text", "text": "x"}, {"type": "tool_use", "id": "t", "name": "f", "input": {"k": [1]}}],
                     "tool_use", {"input_tokens": 3, "output_tokens": 4, "cache_read_input_tokens": 2})
    back = t.openai_to_anthropic_response(t.anthropic_to_openai_response(msg, "pub"), "pub")
    assert back["content"] == msg["content"] and back["stop_reason"] == "tool_use"
    assert (back["usage"]["input_tokens"], back["usage"]["output_tokens"], back["usage"]["cache_read_input_tokens"]) == (3, 4, 2)


@pytest.mark.parametrize("resp", [
    {"choices": []},
    {"choices": [{"message": {"tool_calls": [{"id": "c", "function": {"name": "f", "arguments": "{oops"}}]}}]},
])
def test_oa_to_an_response_upstream_garbage_is_502(resp):
    with pytest.raises(UpstreamError) as ei:
        t.openai_to_anthropic_response(resp, "pub")
    assert ei.value.status == 502


def test_mock_replies_translate_to_sdk_valid_objects():
    req = {"model": "m", "messages": [{"role": "user", "content": "use the tool"}], "max_tokens": 50}
    an_reply = orjson.loads(build_messages({**req, "tools": [{"name": "f", "input_schema": {"type": "object"}}]},
                                           1, None, 1).body)
    out = t.anthropic_to_openai_response(an_reply, "pub", created=1)
    ChatCompletion.model_validate(out)
    assert orjson.loads(out["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]) == {"echo": "use the tool"}
    oa_reply = orjson.loads(build_chat({**req, "tools": [TOOL]}, 1, None, 1).body)
    back = t.openai_to_anthropic_response(oa_reply, "pub")
    Message.model_validate(back)
    assert back["content"][0]["input"] == {"echo": "use the tool"} and back["stop_reason"] == "tool_use"


# ================================================================================================
# errors
# ================================================================================================


@pytest.mark.parametrize("status,atype,otype,code", [
    (400, "invalid_request_error", "invalid_request_error", None),
    (401, "authentication_error", "invalid_request_error", "invalid_api_key"),
    (403, "permission_error", "invalid_request_error", "permission_denied"),
    (404, "not_found_error", "invalid_request_error", "not_found"),
    (413, "request_too_large", "invalid_request_error", "request_too_large"),
    (429, "rate_limit_error", "requests", "rate_limit_exceeded"),
    (500, "api_error", "server_error", None),
    (529, "overloaded_error", "server_error", "overloaded"),
    (418, "teapot_error", "invalid_request_error", None),
    (599, "weird_error", "server_error", None),
])
def test_anthropic_error_to_openai(status, atype, otype, code):
    body = orjson.dumps({"type": "error", "error": {"type": atype, "message": f"m{status}"}, "request_id": "r"})
    assert orjson.loads(t.anthropic_error_to_openai(status, body)) == {
        "error": {"message": f"m{status}", "type": otype, "code": code, "param": None}}


@pytest.mark.parametrize("status,atype", [
    (400, "invalid_request_error"), (401, "authentication_error"), (403, "permission_error"),
    (404, "not_found_error"), (413, "request_too_large"), (429, "rate_limit_error"), (500, "api_error"),
    (503, "overloaded_error"), (504, "timeout_error"), (418, "invalid_request_error"), (599, "api_error"),
])
def test_openai_error_to_anthropic(status, atype):
    body = orjson.dumps({"error": {"message": f"m{status}", "type": "x", "param": "p", "code": "c"}})
    assert orjson.loads(t.openai_error_to_anthropic(status, body)) == {
        "type": "error", "error": {"type": atype, "message": f"m{status}"}}


@pytest.mark.parametrize("body,message", [
    (b"upstream connect error", "upstream connect error"),
    (b"", "The upstream answered HTTP 502"),
    (b"\x00\x01binary", "The upstream answered HTTP 502"),
    (b'{"error": "plain string"}', "plain string"),
])
def test_non_json_error_bodies(body, message):
    assert orjson.loads(t.anthropic_error_to_openai(502, body))["error"]["message"] == message
    assert orjson.loads(t.openai_error_to_anthropic(502, body))["error"]["message"] == message


# ================================================================================================
# streams
# ================================================================================================


def events_of(data: bytes) -> list[bytes]:
    return [e + b"\n\n" for e in data.split(b"\n\n") if e.strip()]


def run_split(make: Any, events: list[bytes], cuts: list[int]) -> bytes:
    """Feed ``events`` in groups cut at ``cuts`` (event indexes), then finish."""
    tr = make()
    out, prev = [], 0
    for c in [*cuts, len(events)]:
        out.append(tr.feed(b"".join(events[prev:c])))
        prev = c
    out.append(tr.finish())
    return b"".join(out)


def assert_split_invariant(make: Any, events: list[bytes]) -> bytes:
    """Same output whether fed one event at a time, at every single boundary, or at random cuts."""
    ref = run_split(make, events, list(range(1, len(events))))
    for k in range(len(events) + 1):
        assert run_split(make, events, [k]) == ref, k
    rng = random.Random(7)
    for _ in range(20):
        cuts = sorted(rng.sample(range(1, len(events)), rng.randint(0, len(events) - 1)))
        assert run_split(make, events, cuts) == ref
    return ref


def openai_chunks(out: bytes) -> list[dict[str, Any]]:
    payloads = [p for _, p in t.iter_sse(out)]
    assert payloads[-1] == b"[DONE]" and payloads.count(b"[DONE]") == 1
    chunks = [orjson.loads(p) for p in payloads[:-1]]
    for c in chunks:
        ChatCompletionChunk.model_validate(c)
    return chunks


def anthropic_events(out: bytes) -> list[dict[str, Any]]:
    evs = []
    for name, payload in t.iter_sse(out):
        ev = orjson.loads(payload)
        assert name is not None and name.decode() == ev["type"]  # SSE event name == data type
        if ev["type"] != "error":  # the SDKs raise on error events; they are not in the event union
            STREAM_EVENT.validate_python(ev)
        evs.append(ev)
    return evs


def mock_stream(builder: Any, req: dict[str, Any], chunks: int | None = None) -> list[bytes]:
    return list(builder({"model": "m", "stream": True, **req}, 1, chunks, 1).events)


@pytest.mark.parametrize("include_usage", [True, False])
def test_anthropic_to_openai_stream_text(include_usage):
    events = mock_stream(build_messages, {"messages": [{"role": "user", "content": "the quick brown fox"}],
                                          "max_tokens": 4})
    out = assert_split_invariant(lambda: t.AnthropicToOpenAIStream("pub", include_usage, created=3), events)
    chunks = openai_chunks(out)
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert all(c["model"] == "pub" and c["id"] == "msg_mock1" and c["created"] == 3 for c in chunks)
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text == "echo: the quick brown"
    finishes = [c["choices"][0]["finish_reason"] for c in chunks if c["choices"] and c["choices"][0]["finish_reason"]]
    assert finishes == ["length"]
    usage = [c for c in chunks if "usage" in c and c["usage"]]
    if include_usage:
        assert chunks[-1]["choices"] == [] and usage == [chunks[-1]]
        assert usage[0]["usage"]["completion_tokens"] == 4 and usage[0]["usage"]["prompt_tokens"] > 0
        assert all(c["usage"] is None for c in chunks[:-1])
    else:
        assert usage == [] and all("usage" not in c for c in chunks)


def test_anthropic_to_openai_stream_tool_from_mock():
    events = mock_stream(build_messages, {"messages": [{"role": "user", "content": "a tool please"}],
                                          "tools": [{"name": "lookup", "input_schema": {"type": "object"}}]})
    chunks = openai_chunks(assert_split_invariant(lambda: t.AnthropicToOpenAIStream("pub", True, created=1), events))
    deltas = [tc for c in chunks if c["choices"] for tc in c["choices"][0]["delta"].get("tool_calls") or ()]
    assert deltas[0] == {"index": 0, "id": "toolu_mock_1", "type": "function",
                         "function": {"name": "lookup", "arguments": ""}}
    assert all(d["index"] == 0 for d in deltas)
    assert orjson.loads("".join(d["function"]["arguments"] for d in deltas)) == {"echo": "a tool please"}
    assert [c["choices"][0]["finish_reason"] for c in chunks if c["choices"]][-1] == "tool_calls"


def sse(name: str, obj: dict[str, Any]) -> bytes:
    return f"event: {name}\ndata: ".encode() + orjson.dumps(obj) + b"\n\n"


# Real Anthropic shape the mock never produces: text then two tool_use blocks, pings, cache usage,
# a cumulative message_delta carrying input_tokens too, CRLF line ends on one event.
AN_MULTI = [
    sse("message_start", {"type": "message_start", "message": {
        "id": "msg_X", "type": "message", "role": "assistant", "model": "claude", "content": [], "stop_reason": None,
        "stop_sequence": None, "usage": {"input_tokens": 5, "cache_read_input_tokens": 40, "output_tokens": 1}}}),
    sse("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
    sse("ping", {"type": "ping"}),
    sse("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Let me "}}),
    sse("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "check."}}),
    sse("content_block_stop", {"type": "content_block_stop", "index": 0}),
    sse("content_block_start", {"type": "content_block_start", "index": 1, "content_block": {
        "type": "tool_use", "id": "toolu_A", "name": "weather", "input": {}}}),
    sse("content_block_delta", {"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": ""}}),
    sse("content_block_delta", {"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": '{"city": "Pa'}}),
    sse("content_block_delta", {"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": 'ris"}'}}),
    sse("content_block_stop", {"type": "content_block_stop", "index": 1}).replace(b"\n", b"\r\n"),
    sse("content_block_start", {"type": "content_block_start", "index": 2, "content_block": {
        "type": "tool_use", "id": "toolu_B", "name": "time", "input": {}}}),
    sse("content_block_delta", {"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": '{"tz": "CET"}'}}),
    sse("content_block_stop", {"type": "content_block_stop", "index": 2}),
    sse("message_delta", {"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None},
                          "usage": {"input_tokens": 5, "cache_read_input_tokens": 40, "output_tokens": 31}}),
    sse("message_stop", {"type": "message_stop"}),
]


def test_anthropic_to_openai_stream_text_and_parallel_tools():
    chunks = openai_chunks(assert_split_invariant(lambda: t.AnthropicToOpenAIStream("pub", True, created=1), AN_MULTI))
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text == "Let me check."
    calls: dict[int, dict[str, str]] = {}
    for c in chunks:
        for tc in (c["choices"][0]["delta"].get("tool_calls") or ()) if c["choices"] else ():
            slot = calls.setdefault(tc["index"], {"id": "", "name": "", "args": ""})
            slot["id"] += tc.get("id") or ""
            slot["name"] += (tc["function"].get("name") or "")
            slot["args"] += tc["function"].get("arguments") or ""
    assert calls == {0: {"id": "toolu_A", "name": "weather", "args": '{"city": "Paris"}'},
                     1: {"id": "toolu_B", "name": "time", "args": '{"tz": "CET"}'}}
    assert chunks[-1]["usage"] == {"prompt_tokens": 45, "completion_tokens": 31, "total_tokens": 76,
                                   "prompt_tokens_details": {"cached_tokens": 40}}


def test_anthropic_to_openai_stream_error_and_truncation():
    err = sse("error", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})
    tr = t.AnthropicToOpenAIStream("pub", True, created=1)
    out = tr.feed(b"".join(AN_MULTI[:4]) + err) + tr.feed(AN_MULTI[4]) + tr.finish()
    payloads = [orjson.loads(p) for _, p in t.iter_sse(out)]
    assert payloads[-1] == {"error": {"message": "Overloaded", "type": "server_error", "code": "overloaded", "param": None}}
    assert b"[DONE]" not in out  # nothing after the error
    # A stream cut before any stop reason is not dressed up as complete...
    tr = t.AnthropicToOpenAIStream("pub", True, created=1)
    assert b"[DONE]" not in tr.feed(b"".join(AN_MULTI[:6])) + tr.finish()
    # ...but one that said why it stopped and lost only message_stop is closed properly.
    tr = t.AnthropicToOpenAIStream("pub", False, created=1)
    assert (tr.feed(b"".join(AN_MULTI[:-1])) + tr.finish()).endswith(b"data: [DONE]\n\n")


def test_openai_to_anthropic_stream_text_from_mock():
    events = mock_stream(build_chat, {"messages": [{"role": "user", "content": "one two three"}],
                                      "stream_options": {"include_usage": True}})
    evs = anthropic_events(assert_split_invariant(lambda: t.OpenAIToAnthropicStream("pub"), events))
    types = [e["type"] for e in evs]
    assert types[0] == "message_start" and types[1] == "content_block_start"
    assert types[-4:] == ["content_block_delta", "content_block_stop", "message_delta", "message_stop"]
    assert evs[0]["message"]["model"] == "pub" and evs[0]["message"]["usage"] == {"input_tokens": 0, "output_tokens": 0}
    text = "".join(e["delta"]["text"] for e in evs if e["type"] == "content_block_delta")
    assert text == "echo: one two three"
    delta = evs[-2]
    assert delta["delta"] == {"stop_reason": "end_turn", "stop_sequence": None}
    assert delta["usage"]["output_tokens"] == 4 and delta["usage"]["input_tokens"] > 0


def test_openai_to_anthropic_stream_tool_from_mock():
    events = mock_stream(build_chat, {"messages": [{"role": "user", "content": "tool time"}], "tools": [TOOL],
                                      "stream_options": {"include_usage": True}})
    evs = anthropic_events(assert_split_invariant(lambda: t.OpenAIToAnthropicStream("pub"), events))
    start = [e for e in evs if e["type"] == "content_block_start"]
    assert start == [{"type": "content_block_start", "index": 0, "content_block": {
        "type": "tool_use", "id": "call_mock_1", "name": "f", "input": {}}}]
    args = "".join(e["delta"]["partial_json"] for e in evs if e["type"] == "content_block_delta")
    assert orjson.loads(args) == {"echo": "tool time"}
    assert evs[-2]["delta"]["stop_reason"] == "tool_use"


def chunk(delta: dict[str, Any] | None = None, finish: str | None = None, **extra: Any) -> bytes:
    obj: dict[str, Any] = {"id": "chatcmpl-Z", "object": "chat.completion.chunk", "created": 1, "model": "gpt",
                           "choices": [] if delta is None else [{"index": 0, "delta": delta, "finish_reason": finish}]}
    obj.update(extra)
    return b"data: " + orjson.dumps(obj) + b"\n\n"


# Real OpenAI shape: text, then two parallel tool calls whose arguments arrive in pieces, a
# keep-alive comment, usage in a trailing choices-less chunk, [DONE].
OA_MULTI = [
    chunk({"role": "assistant", "content": ""}),
    chunk({"content": "Checking"}),
    b": keep-alive\n\n",
    chunk({"content": " now."}),
    chunk({"tool_calls": [{"index": 0, "id": "call_A", "type": "function", "function": {"name": "weather", "arguments": ""}}]}),
    chunk({"tool_calls": [{"index": 0, "function": {"arguments": '{"city":'}}]}),
    chunk({"tool_calls": [{"index": 0, "function": {"arguments": ' "Oslo"}'}}]}),
    chunk({"tool_calls": [{"index": 1, "id": "call_B", "type": "function", "function": {"name": "time", "arguments": '{"tz"'}}]}),
    chunk({"tool_calls": [{"index": 1, "function": {"arguments": ': "UTC"}'}}]}),
    chunk({}, "tool_calls"),
    chunk(None, usage={"prompt_tokens": 50, "completion_tokens": 20, "total_tokens": 70,
                       "prompt_tokens_details": {"cached_tokens": 30}}),
    b"data: [DONE]\n\n",
]


def test_openai_to_anthropic_stream_text_and_parallel_tools():
    evs = anthropic_events(assert_split_invariant(lambda: t.OpenAIToAnthropicStream("pub"), OA_MULTI))
    blocks = [(e["index"], e["content_block"]) for e in evs if e["type"] == "content_block_start"]
    assert blocks == [(0, {"type": "text", "text": ""}),
                      (1, {"type": "tool_use", "id": "call_A", "name": "weather", "input": {}}),
                      (2, {"type": "tool_use", "id": "call_B", "name": "time", "input": {}})]
    # every block is stopped before the next one starts, each exactly once
    order = [(e["type"], e.get("index")) for e in evs if e["type"] in ("content_block_start", "content_block_stop")]
    assert order == [("content_block_start", 0), ("content_block_stop", 0), ("content_block_start", 1),
                     ("content_block_stop", 1), ("content_block_start", 2), ("content_block_stop", 2)]
    per_block: dict[int, str] = {}
    for e in evs:
        if e["type"] == "content_block_delta":
            d = e["delta"]
            per_block[e["index"]] = per_block.get(e["index"], "") + (d.get("text") or d.get("partial_json") or "")
    assert per_block == {0: "Checking now.", 1: '{"city": "Oslo"}', 2: '{"tz": "UTC"}'}
    assert evs[-2]["delta"]["stop_reason"] == "tool_use"
    assert evs[-2]["usage"] == {"input_tokens": 20, "output_tokens": 20, "cache_creation_input_tokens": 0,
                                "cache_read_input_tokens": 30}
    assert evs[-1] == {"type": "message_stop"}


def test_openai_to_anthropic_stream_without_done_error_and_truncation():
    # Servers that never send [DONE]: the end is still proper once a finish reason was seen.
    evs = anthropic_events(run_split(lambda: t.OpenAIToAnthropicStream("pub"), OA_MULTI[:-1], []))
    assert [e["type"] for e in evs][-2:] == ["message_delta", "message_stop"]
    # Cut short before any finish reason: no invented ending.
    tr = t.OpenAIToAnthropicStream("pub")
    assert b"message_stop" not in tr.feed(b"".join(OA_MULTI[:4])) + tr.finish()
    # A mid-stream error chunk becomes an Anthropic error event, and nothing follows it.
    tr = t.OpenAIToAnthropicStream("pub")
    out = tr.feed(b"".join(OA_MULTI[:2]) + b'data: {"error": {"message": "boom", "type": "server_error"}}\n\n'
                  + b"".join(OA_MULTI[2:])) + tr.finish()
    evs = anthropic_events(out)
    assert evs[-1] == {"type": "error", "error": {"type": "api_error", "message": "boom"}}


def test_openai_to_anthropic_stream_refusal_and_length():
    events = [chunk({"role": "assistant", "refusal": ""}), chunk({"refusal": "I can't"}), chunk({}, "stop"),
              b"data: [DONE]\n\n"]
    evs = anthropic_events(run_split(lambda: t.OpenAIToAnthropicStream("pub"), events, []))
    assert evs[-2]["delta"]["stop_reason"] == "refusal"
    events = [chunk({"content": "a"}), chunk({}, "length"), b"data: [DONE]\n\n"]
    evs = anthropic_events(run_split(lambda: t.OpenAIToAnthropicStream("pub"), events, []))
    assert evs[-2]["delta"]["stop_reason"] == "max_tokens"
    assert evs[-2]["usage"]["input_tokens"] == 0  # the upstream never reported usage


# ================================================================================================
# adapter
# ================================================================================================


def test_adapter_selection_and_paths():
    assert translation_for("openai", "openai") is None and translation_for("anthropic", "anthropic") is None
    oa2an = translation_for("openai", "anthropic")
    an2oa = translation_for("anthropic", "openai")
    assert oa2an is not None and an2oa is not None
    assert oa2an is translation_for("openai", "anthropic")  # chosen once, shared
    assert oa2an.upstream_path("chat") == b"/v1/messages" and an2oa.upstream_path("messages") == b"/chat/completions"
    for kind in ("completions", "embeddings"):
        _raises(oa2an.upstream_path, kind, param="model", code="unsupported_endpoint")


def test_adapter_request_response_stream():
    oa2an = translation_for("openai", "anthropic")
    assert oa2an is not None
    body = orjson.loads(oa2an.request(oa(), "claude-x", 99))
    assert body["model"] == "claude-x" and body["max_tokens"] == 99
    reply = orjson.dumps(an_message([{"type": "text", "text": "yo"}], "end_turn"))
    assert orjson.loads(oa2an.response(200, reply, "pub"))["choices"][0]["message"]["content"] == "yo"
    err = orjson.dumps({"type": "error", "error": {"type": "rate_limit_error", "message": "slow down"}})
    assert orjson.loads(oa2an.response(429, err, "pub"))["error"]["message"] == "slow down"
    with pytest.raises(UpstreamError):
        oa2an.response(200, b"<html>", "pub")
    assert oa2an.response_headers([("content-type", "text/html"), ("x-a", "1")]) == [
        ("x-a", "1"), ("content-type", "application/json")]
    # include_usage follows the (possibly stage-amended) request body
    with_usage = oa2an.stream("pub", oa(stream=True, stream_options={"include_usage": True}))
    without = oa2an.stream("pub", oa(stream=True))
    ev = b"".join(mock_stream(build_messages, {"messages": [{"role": "user", "content": "x"}]}))
    assert b'"choices":[]' in with_usage.feed(ev) and b'"choices":[]' not in without.feed(ev)


@pytest.mark.parametrize("raw,expected", [
    (b"data: {}\n\n", [(None, b"{}")]),
    (b"data:{}\n\n", [(None, b"{}")]),
    (b"event: ping\ndata: {\"type\":\"ping\"}\n\n", [(b"ping", b'{"type":"ping"}')]),
    (b"event: x\r\ndata: 1\r\n\r\n", [(b"x", b"1")]),
    (b"data: a\ndata: b\n\n", [(None, b"a\nb")]),
    (b": keep-alive\n\n", [(None, None)]),
    (b"id: 7\nevent: e\nretry: 10\ndata: z\n\n", [(b"e", b"z")]),
    (b"data: 1\n\ndata: 2\n\n", [(None, b"1"), (None, b"2")]),
])
def test_iter_sse(raw, expected):
    assert list(t.iter_sse(raw)) == expected


def test_stream_fast_paths_match_the_general_builders():
    tr = t.AnthropicToOpenAIStream("pub", True, created=1)
    tr.feed(AN_MULTI[0])
    text = 'é "quoted" \\ \u2028 \U0001f600'
    ev = sse("content_block_delta", {"type": "content_block_delta", "index": 0,
                                     "delta": {"type": "text_delta", "text": text}})
    assert tr.feed(ev) == tr._chunk({"content": text})
    rev = t.OpenAIToAnthropicStream("pub")
    out = rev.feed(chunk({"content": text}))
    assert out.endswith(t._sse_event(b"content_block_delta", {"type": "content_block_delta", "index": 0,
                                                              "delta": {"type": "text_delta", "text": text}}))
