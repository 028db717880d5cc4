"""OpenAI Chat Completions ⇄ Anthropic Messages: requests, responses, errors and streams.

Pure functions and small stateful stream translators over dicts and bytes: no I/O, no logging, no
HTTP objects (DESIGN practice 1). :mod:`fastgate.providers.adapter` picks them per attempt.

Wire formats: OpenAI ``POST /v1/chat/completions`` (``chat.completion`` /
``chat.completion.chunk``, ``tool_calls`` deltas, ``stream_options.include_usage``) and Anthropic
``POST /v1/messages`` (``message``; ``message_start`` / ``content_block_start`` /
``content_block_delta`` / ``content_block_stop`` / ``message_delta`` / ``message_stop`` / ``ping`` /
``error`` events), as their public API references describe them.

Decisions (a field the target API cannot honour is a 400 ``unsupported_parameter`` naming it,
never a silent drop; a field that is only a hint with no effect on the answer is ignored):

OpenAI request → Anthropic (a model on an ``anthropic`` provider called through ``/v1/chat/completions``)
  * ``system`` and ``developer`` messages become the top-level ``system`` (text blocks, in order;
    Anthropic has no mid-conversation system turn, so later ones are hoisted too).
  * ``user``/``assistant`` content: strings and ``text`` parts → text blocks; ``image_url`` with a
    ``data:<type>;base64,`` URI → a base64 image block (jpeg/png/gif/webp only), an http(s) URL →
    ``{"type": "image", "source": {"type": "url", ...}}``; ``detail`` is a resolution hint
    Anthropic has no knob for and is ignored; ``file`` parts with a base64 PDF → a document
    block; audio, ``file_id`` and other part types → 400.
  * assistant ``tool_calls`` → ``tool_use`` blocks (``arguments`` must be a JSON object, else 400;
    ``""`` means ``{}``); ``tool`` messages → ``tool_result`` blocks in a user turn. Consecutive
    turns of one role are merged, so the results of parallel calls share one user turn followed by
    any user text, as Anthropic requires. A message ``name`` has no Anthropic equivalent (ignored).
  * ``tools`` (``function`` only; ``parameters`` → ``input_schema``, ``strict`` kept),
    ``tool_choice`` auto/none/required/named → auto/none/any/tool, ``parallel_tool_calls: false``
    → ``disable_parallel_tool_use``.
  * ``max_completion_tokens`` (else ``max_tokens``) → ``max_tokens``, which Anthropic requires:
    absent, the model's configured default (else :data:`DEFAULT_MAX_TOKENS`) is sent.
  * ``temperature`` (Anthropic's range is 0..1: above 1 → 400), ``top_p``, ``stop`` →
    ``stop_sequences``, ``stream``, ``user`` (or ``safety_identifier``) → ``metadata.user_id``.
    ``stream_options`` is consumed by the gateway (the usage chunk is synthesised).
  * 400 unless at their neutral value: ``n`` > 1, ``logprobs``, ``top_logprobs``,
    ``response_format`` other than text, ``presence_penalty``/``frequency_penalty`` ≠ 0,
    ``logit_bias``, ``seed``, ``audio``, ``modalities`` other than text, ``prediction``,
    ``reasoning_effort``, ``verbosity``, ``web_search_options``, ``store``, ``metadata``,
    ``service_tier`` other than auto/default, legacy ``functions``/``function_call``, and any
    field this module does not know. ``prompt_cache_key`` is a routing hint (ignored).

Anthropic request → OpenAI (a model on an ``openai`` provider called through ``/v1/messages``)
  * ``system`` (string or text blocks) → one ``system`` message; text/image/document blocks →
    content parts (base64 images → data URIs, URL images → URLs, base64 PDFs → ``file`` parts);
    ``tool_use`` → assistant ``tool_calls`` (``input`` JSON-encoded); ``tool_result`` → ``tool``
    messages placed before the rest of their user turn (text only; an image inside → 400;
    ``is_error: true`` is kept as an ``Error: `` prefix, OpenAI has no flag for it).
  * ``tools`` (custom tools only: server tools such as ``web_search_*`` or ``bash_*`` → 400),
    ``tool_choice`` auto/any/tool/none → auto/required/named/none,
    ``disable_parallel_tool_use`` → ``parallel_tool_calls: false``.
  * ``max_tokens`` → ``max_completion_tokens`` (OpenAI's current name); ``stop_sequences`` →
    ``stop``; ``temperature``, ``top_p``; ``metadata.user_id`` → ``user``; ``stream`` → also
    ``stream_options.include_usage: true`` so the stream can report usage.
  * ``cache_control`` and ``citations`` on blocks are hints (OpenAI caches prompts by itself):
    ignored. 400: ``top_k``, ``thinking`` (enabled), thinking blocks, ``service_tier`` other
    than auto, ``container``, ``mcp_servers`` and any field this module does not know.

Responses: ``stop_reason`` end_turn/stop_sequence/pause_turn → ``stop``, max_tokens (and
model_context_window_exceeded) → ``length``, tool_use → ``tool_calls``, refusal →
``content_filter`` and back (``stop`` → end_turn: OpenAI does not say whether a stop sequence
matched). Usage: Anthropic ``input_tokens`` excludes cache reads and writes, OpenAI
``prompt_tokens`` includes them (``prompt_tokens_details.cached_tokens`` = cache reads).
The client sees the model name it asked for.

Streams: :class:`AnthropicToOpenAIStream` sends the role chunk on ``message_start``, a
``tool_calls`` delta with ``id``/``name`` and ``arguments: ""`` when a ``tool_use`` block starts,
argument deltas under that call's own ``index``, the finish chunk on ``message_delta``, the usage
chunk (``choices: []``, only when ``include_usage``) and ``data: [DONE]`` on ``message_stop``.
:class:`OpenAIToAnthropicStream` cannot know the prompt's token count when it must send
``message_start`` (OpenAI reports usage in the last chunk), so it sends ``input_tokens: 0`` there
and the real, cumulative numbers in ``message_delta.usage`` — the Anthropic API documents
``message_delta`` usage as cumulative and its SDKs overwrite the snapshot with it, the approach
several gateways take. Errors both ways keep the HTTP status and the message.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import orjson

from ..errors import ClientError, UpstreamError
from ..server.errors import ANTHROPIC_ERROR_TYPES

__all__ = [
    "DEFAULT_MAX_TOKENS",
    "AnthropicToOpenAIStream",
    "OpenAIToAnthropicStream",
    "anthropic_error_to_openai",
    "anthropic_to_openai_request",
    "anthropic_to_openai_response",
    "iter_sse",
    "load_object",
    "openai_error_to_anthropic",
    "openai_to_anthropic_request",
    "openai_to_anthropic_response",
]

#: ``max_tokens`` sent to Anthropic (which requires it) when neither the caller nor the model
#: configuration gives one.
DEFAULT_MAX_TOKENS = 4096

# Image types the Messages API accepts in base64 image blocks.
_ANTHROPIC_IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
_DATA_URI = re.compile(r"data:([A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+)((?:;[^;,]*)*),(.*)", re.DOTALL)

# A marker no provider text contains, to cut pre-serialised chunk templates around.
_SLOT = "\x00fastgate-slot\x00"
_SLOT_JSON = orjson.dumps(_SLOT)

_TO_OPENAI_FINISH = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "pause_turn": "stop",
    "max_tokens": "length",
    "model_context_window_exceeded": "length",
    "tool_use": "tool_calls",
    "refusal": "content_filter",
}
_TO_ANTHROPIC_STOP = {
    "stop": "end_turn",
    "length": "max_tokens",
    "tool_calls": "tool_use",
    "function_call": "tool_use",
    "content_filter": "refusal",
}

# Anthropic error type → (OpenAI error type, code), the vocabulary OpenAI's API uses.
_OPENAI_ERROR = {
    "invalid_request_error": ("invalid_request_error", None),
    "authentication_error": ("invalid_request_error", "invalid_api_key"),
    "permission_error": ("invalid_request_error", "permission_denied"),
    "not_found_error": ("invalid_request_error", "not_found"),
    "request_too_large": ("invalid_request_error", "request_too_large"),
    "rate_limit_error": ("requests", "rate_limit_exceeded"),
    "api_error": ("server_error", None),
    "overloaded_error": ("server_error", "overloaded"),
    "timeout_error": ("server_error", "timeout"),
}
# HTTP status → Anthropic error type: one table for the whole gateway.
_ANTHROPIC_ERROR = ANTHROPIC_ERROR_TYPES


# ------------------------------------------------------------------------------------------------
# small helpers
# ------------------------------------------------------------------------------------------------


def _unsupported(param: str, target: str, why: str = "") -> ClientError:
    msg = f"'{param}' is not supported for models served by an {target} provider"
    return ClientError(f"{msg}: {why}" if why else msg, param=param, code="unsupported_parameter")


def _invalid(param: str, why: str) -> ClientError:
    return ClientError(f"'{param}' {why}", param=param, code="invalid_value")


def _text_of(content: Any, param: str) -> str:
    """A string, or the text of a list of text parts (anything else is a 400)."""
    if isinstance(content, str):
        return content
    if content is None:
        return ""
    if isinstance(content, list):
        parts = []
        for i, p in enumerate(content):
            if not isinstance(p, dict) or p.get("type") not in ("text", "refusal"):
                raise _invalid(f"{param}[{i}]", "must be a text part here")
            t = p.get("text") if p.get("type") == "text" else p.get("refusal")
            if not isinstance(t, str):
                raise _invalid(f"{param}[{i}].text", "must be a string")
            parts.append(t)
        return "".join(parts)
    raise _invalid(param, "must be a string or a list of text parts")


def _json_object(arguments: Any, param: str) -> dict[str, Any]:
    """OpenAI tool ``arguments`` (a JSON text) → the object Anthropic's ``input`` must be."""
    if arguments is None or arguments == "":
        return {}
    if isinstance(arguments, dict):  # lenient clients send the object itself
        return arguments
    if not isinstance(arguments, str):
        raise _invalid(param, "must be a string holding a JSON object")
    try:
        value = orjson.loads(arguments)
    except orjson.JSONDecodeError as e:
        raise ClientError(f"'{param}' is not valid JSON: {e}", param=param, code="invalid_tool_arguments") from None
    if not isinstance(value, dict):
        raise ClientError(f"'{param}' must be a JSON object", param=param, code="invalid_tool_arguments")
    return value


def _sse_data(obj: Any) -> bytes:
    return b"data: " + orjson.dumps(obj) + b"\n\n"


def _sse_event(name: bytes, obj: Any) -> bytes:
    return b"event: " + name + b"\ndata: " + orjson.dumps(obj) + b"\n\n"


def iter_sse(data: bytes) -> Iterator[tuple[bytes | None, bytes | None]]:
    """``(event name, data)`` of each whole SSE event in ``data`` (WHATWG HTML §9.2.6 parsing:
    ``data:`` lines joined by ``\\n``, one optional space after the colon, comments skipped)."""
    if data.find(b"\r") >= 0:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    for event in data.split(b"\n\n"):
        # Fast paths for the two shapes providers send: "data: X" (OpenAI) and
        # "event: N\ndata: X" (Anthropic), each on single lines.
        if event.startswith(b"data: ") and event.find(b"\n") < 0:
            yield None, event[6:]
            continue
        if event.startswith(b"event: "):
            nl = event.find(b"\n")
            if nl > 0 and event.startswith(b"data: ", nl + 1) and event.find(b"\n", nl + 1) < 0:
                yield event[7:nl], event[nl + 7:]
                continue
        if not event.strip():
            continue
        name: bytes | None = None
        lines: list[bytes] = []
        for line in event.split(b"\n"):
            if line.startswith(b"data:"):
                v = line[5:]
                lines.append(v[1:] if v[:1] == b" " else v)
            elif line.startswith(b"event:"):
                name = line[6:].strip()
        yield name, (b"\n".join(lines) if lines else None)


# ------------------------------------------------------------------------------------------------
# OpenAI request → Anthropic request
# ------------------------------------------------------------------------------------------------

_A = "Anthropic"


def _neutral(key: str, value: Any) -> bool:
    """Is an OpenAI-only field at the value that asks for nothing Anthropic lacks?"""
    if value is None:
        return True
    if key == "n":
        return value == 1
    if key == "logprobs" or key == "store":
        return value is False
    if key in ("presence_penalty", "frequency_penalty"):
        return value == 0
    if key in ("logit_bias", "metadata"):
        return value == {}
    if key == "response_format":
        return isinstance(value, dict) and value.get("type") == "text"
    if key == "modalities":
        return value == ["text"]
    if key == "service_tier":
        return value in ("auto", "default")
    return False


_OA_NEUTRAL_ONLY = frozenset({
    "n", "logprobs", "top_logprobs", "response_format", "presence_penalty", "frequency_penalty", "logit_bias",
    "seed", "audio", "modalities", "prediction", "reasoning_effort", "verbosity", "web_search_options", "store",
    "metadata", "service_tier", "functions", "function_call",
})
_OA_WHY = {
    "n": "Anthropic returns one choice per request",
    "logprobs": "Anthropic does not return log probabilities",
    "top_logprobs": "Anthropic does not return log probabilities",
    "response_format": "Anthropic has no JSON mode or JSON-schema output on this endpoint",
    "seed": "Anthropic sampling cannot be seeded",
    "functions": "use 'tools'",
    "function_call": "use 'tool_choice'",
}


def _oa_image(part: dict[str, Any], param: str) -> dict[str, Any]:
    iu = part.get("image_url")
    url = iu.get("url") if isinstance(iu, dict) else iu
    if not isinstance(url, str) or not url:
        raise _invalid(f"{param}.image_url.url", "is required")
    if url.startswith("data:"):
        m = _DATA_URI.fullmatch(url)
        if m is None or ";base64" not in m.group(2):
            raise _invalid(f"{param}.image_url.url", "must be a base64 data URI (data:<type>;base64,...)")
        media = m.group(1).lower()
        if media not in _ANTHROPIC_IMAGE_TYPES:
            raise _unsupported(f"{param}.image_url.url", _A, f"image type {media} (jpeg, png, gif, webp only)")
        return {"type": "image", "source": {"type": "base64", "media_type": media, "data": m.group(3)}}
    low = url[:8].lower()
    if low.startswith("https://") or low.startswith("http://"):
        return {"type": "image", "source": {"type": "url", "url": url}}
    raise _invalid(f"{param}.image_url.url", "must be an http(s) URL or a data URI")


def _oa_file(part: dict[str, Any], param: str) -> dict[str, Any]:
    f = part.get("file")
    data = f.get("file_data") if isinstance(f, dict) else None
    if not isinstance(data, str):
        raise _unsupported(f"{param}.file", _A, "only inline 'file_data' PDFs can be forwarded (no file_id)")
    m = _DATA_URI.fullmatch(data)
    if m is None or ";base64" not in m.group(2) or m.group(1).lower() != "application/pdf":
        raise _unsupported(f"{param}.file.file_data", _A, "only base64 PDF data URIs can be forwarded")
    return {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": m.group(3)}}


def _oa_content(content: Any, param: str, images: bool = True) -> list[dict[str, Any]]:
    """OpenAI message content → Anthropic content blocks."""
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    if content is None:
        return []
    if not isinstance(content, list):
        raise _invalid(param, "must be a string or a list of content parts")
    blocks: list[dict[str, Any]] = []
    for j, part in enumerate(content):
        p = f"{param}[{j}]"
        if not isinstance(part, dict):
            raise _invalid(p, "must be an object")
        t = part.get("type")
        if t == "text":
            text = part.get("text")
            if not isinstance(text, str):
                raise _invalid(f"{p}.text", "must be a string")
            blocks.append({"type": "text", "text": text})
        elif t == "refusal":
            blocks.append({"type": "text", "text": str(part.get("refusal") or "")})
        elif t == "image_url" and images:
            blocks.append(_oa_image(part, p))
        elif t == "file" and images:
            blocks.append(_oa_file(part, p))
        else:
            raise _unsupported(f"{p}.type", _A, f"content part type {t!r}")
    return blocks


def _oa_messages(messages: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """OpenAI ``messages`` → (Anthropic ``system`` blocks, Anthropic ``messages``)."""
    if not isinstance(messages, list) or not messages:
        raise _invalid("messages", "must be a non-empty list")
    system: list[dict[str, Any]] = []
    out: list[dict[str, Any]] = []

    def push(role: str, blocks: list[dict[str, Any]]) -> None:
        # Anthropic alternates user/assistant: consecutive turns of one role become one turn
        # (so the results of parallel tool calls share the user turn that must follow them).
        if out and out[-1]["role"] == role:
            out[-1]["content"].extend(blocks)
        else:
            out.append({"role": role, "content": blocks})

    for i, msg in enumerate(messages):
        param = f"messages[{i}]"
        if not isinstance(msg, dict):
            raise _invalid(param, "must be an object")
        role = msg.get("role")
        content = msg.get("content")
        if role in ("system", "developer"):
            text = _text_of(content, f"{param}.content")
            if text:
                system.append({"type": "text", "text": text})
        elif role == "user":
            push("user", _oa_content(content, f"{param}.content"))
        elif role == "assistant":
            blocks = [b for b in _oa_content(content, f"{param}.content", images=False)
                      if b.get("type") != "text" or b["text"]]  # Anthropic refuses empty text blocks
            calls = msg.get("tool_calls")
            if calls:
                if not isinstance(calls, list):
                    raise _invalid(f"{param}.tool_calls", "must be a list")
                for j, call in enumerate(calls):
                    cp = f"{param}.tool_calls[{j}]"
                    if not isinstance(call, dict) or call.get("type", "function") != "function":
                        raise _unsupported(f"{cp}.type", _A, "only function tool calls")
                    fn = call.get("function")
                    cid = call.get("id")
                    if not isinstance(fn, dict) or not isinstance(fn.get("name"), str) or not isinstance(cid, str):
                        raise _invalid(cp, "needs 'id' and 'function.name'")
                    blocks.append({"type": "tool_use", "id": cid, "name": fn["name"],
                                   "input": _json_object(fn.get("arguments"), f"{cp}.function.arguments")})
            if msg.get("function_call") is not None:
                raise _unsupported(f"{param}.function_call", _A, "use 'tool_calls'")
            if msg.get("audio") is not None:
                raise _unsupported(f"{param}.audio", _A)
            if blocks:
                push("assistant", blocks)
        elif role == "tool":
            cid = msg.get("tool_call_id")
            if not isinstance(cid, str) or not cid:
                raise _invalid(f"{param}.tool_call_id", "is required")
            result: dict[str, Any] = {"type": "tool_result", "tool_use_id": cid}
            if isinstance(content, str):
                result["content"] = content
            else:
                result["content"] = _oa_content(content, f"{param}.content")
            push("user", [result])
        elif role == "function":
            raise _unsupported(f"{param}.role", _A, "the legacy 'function' role; use 'tool'")
        else:
            raise _invalid(f"{param}.role", f"has an unknown value {role!r}")
    return system, out


def _oa_tools(tools: Any) -> list[dict[str, Any]]:
    if not isinstance(tools, list):
        raise _invalid("tools", "must be a list")
    out = []
    for i, tool in enumerate(tools):
        p = f"tools[{i}]"
        if not isinstance(tool, dict) or tool.get("type") != "function":
            raise _unsupported(f"{p}.type", _A, "only 'function' tools")
        fn = tool.get("function")
        if not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
            raise _invalid(f"{p}.function.name", "is required")
        schema = fn.get("parameters")
        if schema is None:
            schema = {"type": "object", "properties": {}}  # OpenAI: no parameters = no arguments
        elif not isinstance(schema, dict):
            raise _invalid(f"{p}.function.parameters", "must be a JSON schema object")
        t: dict[str, Any] = {"name": fn["name"]}
        if fn.get("description"):
            t["description"] = fn["description"]
        t["input_schema"] = schema
        if fn.get("strict") is True:
            t["strict"] = True
        out.append(t)
    return out


def _oa_tool_choice(choice: Any) -> dict[str, Any]:
    if choice == "auto":
        return {"type": "auto"}
    if choice == "none":
        return {"type": "none"}
    if choice == "required":
        return {"type": "any"}
    if isinstance(choice, dict) and choice.get("type") == "function":
        fn = choice.get("function")
        if isinstance(fn, dict) and isinstance(fn.get("name"), str):
            return {"type": "tool", "name": fn["name"]}
        raise _invalid("tool_choice.function.name", "is required")
    raise _unsupported("tool_choice", _A, f"value {choice!r}")


# Fields translated (or, for prompt_cache_key, a hint ignored); the neutral-only ones are above.
_OA_KNOWN = frozenset({
    "model", "messages", "max_tokens", "max_completion_tokens", "temperature", "top_p", "stop", "stream",
    "stream_options", "user", "safety_identifier", "tools", "tool_choice", "parallel_tool_calls",
    "prompt_cache_key",
})


def openai_to_anthropic_request(obj: dict[str, Any], upstream_model: str,
                                default_max_tokens: int | None = None) -> dict[str, Any]:
    """An OpenAI chat-completions request body → an Anthropic Messages request body.

    ``obj`` is not modified. Raises :class:`~fastgate.errors.ClientError` (400, ``param`` set) for
    anything Anthropic cannot honour or that is malformed.
    """
    out: dict[str, Any] = {"model": upstream_model}
    for key, value in obj.items():
        if key in _OA_NEUTRAL_ONLY:
            if not _neutral(key, value):
                raise _unsupported(key, _A, _OA_WHY.get(key, ""))
        elif key not in _OA_KNOWN:
            raise _unsupported(key, _A, "unknown field")
    system, messages = _oa_messages(obj.get("messages"))
    if system:
        out["system"] = system
    out["messages"] = messages
    limit = obj.get("max_completion_tokens")
    if limit is None:
        limit = obj.get("max_tokens")
    if limit is None:
        limit = default_max_tokens or DEFAULT_MAX_TOKENS
    elif isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise _invalid("max_completion_tokens" if "max_completion_tokens" in obj else "max_tokens",
                       "must be a positive integer")
    out["max_tokens"] = limit
    temp = obj.get("temperature")
    if temp is not None:
        if isinstance(temp, bool) or not isinstance(temp, (int, float)) or temp < 0:
            raise _invalid("temperature", "must be a number >= 0")
        if temp > 1:
            raise _unsupported("temperature", _A, "Anthropic's temperature range is 0 to 1")
        out["temperature"] = temp
    if obj.get("top_p") is not None:
        out["top_p"] = obj["top_p"]
    stop = obj.get("stop")
    if stop is not None:
        if isinstance(stop, str):
            stop = [stop]
        if not isinstance(stop, list) or not all(isinstance(s, str) for s in stop):
            raise _invalid("stop", "must be a string or a list of strings")
        if stop:
            out["stop_sequences"] = stop
    if obj.get("stream") is True:
        out["stream"] = True
    user = obj.get("user") or obj.get("safety_identifier")
    if user is not None:
        if not isinstance(user, str):
            raise _invalid("user", "must be a string")
        out["metadata"] = {"user_id": user}
    tools = obj.get("tools")
    choice: dict[str, Any] | None = None
    if tools:
        out["tools"] = _oa_tools(tools)
    if obj.get("tool_choice") is not None:
        choice = _oa_tool_choice(obj["tool_choice"])
    if obj.get("parallel_tool_calls") is False and tools:
        if choice is None:
            choice = {"type": "auto"}
        if choice["type"] != "none":
            choice["disable_parallel_tool_use"] = True
    if choice is not None:
        out["tool_choice"] = choice
    return out



# ------------------------------------------------------------------------------------------------
# Anthropic request → OpenAI request
# ------------------------------------------------------------------------------------------------

_O = "OpenAI"
_AN_KNOWN = frozenset({
    "model", "messages", "max_tokens", "system", "metadata", "stop_sequences", "stream", "temperature", "top_p",
    "top_k", "tools", "tool_choice", "thinking", "service_tier",
})
_AN_TOOL_KEYS = frozenset({"name", "description", "input_schema", "cache_control", "strict", "type"})


def _data_uri(source: dict[str, Any], param: str) -> str:
    media = source.get("media_type")
    data = source.get("data")
    if not isinstance(media, str) or not isinstance(data, str):
        raise _invalid(param, "needs 'media_type' and 'data'")
    return f"data:{media};base64,{data}"


def _an_block_part(block: dict[str, Any], param: str) -> dict[str, Any]:
    """An Anthropic user content block (not tool_result) → an OpenAI content part."""
    t = block.get("type")
    if t == "text":
        text = block.get("text")
        if not isinstance(text, str):
            raise _invalid(f"{param}.text", "must be a string")
        return {"type": "text", "text": text}
    if t == "image":
        src = block.get("source")
        if isinstance(src, dict) and src.get("type") == "base64":
            return {"type": "image_url", "image_url": {"url": _data_uri(src, f"{param}.source")}}
        if isinstance(src, dict) and src.get("type") == "url" and isinstance(src.get("url"), str):
            return {"type": "image_url", "image_url": {"url": src["url"]}}
        raise _unsupported(f"{param}.source", _O, "only base64 and URL image sources")
    if t == "document":
        src = block.get("source")
        if isinstance(src, dict) and src.get("type") == "base64" and src.get("media_type") == "application/pdf":
            name = block.get("title") if isinstance(block.get("title"), str) else "document.pdf"
            return {"type": "file", "file": {"filename": name, "file_data": _data_uri(src, f"{param}.source")}}
        if isinstance(src, dict) and src.get("type") == "text" and isinstance(src.get("data"), str):
            return {"type": "text", "text": src["data"]}
        raise _unsupported(f"{param}.source", _O, "only base64 PDF and plain-text documents")
    raise _unsupported(f"{param}.type", _O, f"content block type {t!r}")


def _an_tool_result(block: dict[str, Any], param: str) -> dict[str, Any]:
    tid = block.get("tool_use_id")
    if not isinstance(tid, str) or not tid:
        raise _invalid(f"{param}.tool_use_id", "is required")
    content = block.get("content")
    if isinstance(content, list):
        texts = []
        for k, b in enumerate(content):
            if not isinstance(b, dict) or b.get("type") != "text" or not isinstance(b.get("text"), str):
                raise _unsupported(f"{param}.content.{k}", _O, "tool results can only carry text")
            texts.append(b["text"])
        text = "\n".join(texts)
    elif isinstance(content, str):
        text = content
    elif content is None:
        text = ""
    else:
        raise _invalid(f"{param}.content", "must be a string or a list of blocks")
    if block.get("is_error") is True:
        text = "Error: " + text
    return {"role": "tool", "tool_call_id": tid, "content": text}


def _an_messages(messages: Any) -> list[dict[str, Any]]:
    if not isinstance(messages, list) or not messages:
        raise _invalid("messages", "must be a non-empty list")
    out: list[dict[str, Any]] = []
    for i, msg in enumerate(messages):
        param = f"messages.{i}"
        if not isinstance(msg, dict):
            raise _invalid(param, "must be an object")
        role = msg.get("role")
        content = msg.get("content")
        if role not in ("user", "assistant"):
            raise _invalid(f"{param}.role", f"must be 'user' or 'assistant', not {role!r}")
        if isinstance(content, str):
            out.append({"role": role, "content": content})
            continue
        if not isinstance(content, list):
            raise _invalid(f"{param}.content", "must be a string or a list of content blocks")
        if role == "user":
            parts: list[dict[str, Any]] = []
            for j, block in enumerate(content):
                bp = f"{param}.content.{j}"
                if not isinstance(block, dict):
                    raise _invalid(bp, "must be an object")
                if block.get("type") == "tool_result":
                    # OpenAI wants tool messages right after the assistant turn that called.
                    out.append(_an_tool_result(block, bp))
                else:
                    parts.append(_an_block_part(block, bp))
            if parts:
                if len(parts) == 1 and parts[0]["type"] == "text":
                    out.append({"role": "user", "content": parts[0]["text"]})
                else:
                    out.append({"role": "user", "content": parts})
        else:
            texts: list[str] = []
            calls: list[dict[str, Any]] = []
            for j, block in enumerate(content):
                bp = f"{param}.content.{j}"
                t = block.get("type") if isinstance(block, dict) else None
                if t == "text" and isinstance(block.get("text"), str):
                    texts.append(block["text"])
                elif t == "tool_use":
                    if not isinstance(block.get("id"), str) or not isinstance(block.get("name"), str):
                        raise _invalid(bp, "needs 'id' and 'name'")
                    inp = block.get("input")
                    calls.append({"id": block["id"], "type": "function", "function": {
                        "name": block["name"], "arguments": orjson.dumps(inp if inp is not None else {}).decode()}})
                else:
                    raise _unsupported(f"{bp}.type", _O, f"assistant content block type {t!r}")
            m: dict[str, Any] = {"role": "assistant", "content": "".join(texts) if texts or not calls else None}
            if calls:
                m["tool_calls"] = calls
            out.append(m)
    return out


def _an_tools(tools: Any) -> list[dict[str, Any]]:
    if not isinstance(tools, list):
        raise _invalid("tools", "must be a list")
    out = []
    for i, tool in enumerate(tools):
        p = f"tools.{i}"
        if not isinstance(tool, dict):
            raise _invalid(p, "must be an object")
        if tool.get("type") not in (None, "custom"):
            raise _unsupported(f"{p}.type", _O, f"server tool {tool.get('type')!r}")
        for k in tool:
            if k not in _AN_TOOL_KEYS:
                raise _unsupported(f"{p}.{k}", _O)
        if not isinstance(tool.get("name"), str):
            raise _invalid(f"{p}.name", "is required")
        schema = tool.get("input_schema")
        if not isinstance(schema, dict):
            raise _invalid(f"{p}.input_schema", "is required")
        fn: dict[str, Any] = {"name": tool["name"]}
        if tool.get("description"):
            fn["description"] = tool["description"]
        fn["parameters"] = schema
        if tool.get("strict") is True:
            fn["strict"] = True
        out.append({"type": "function", "function": fn})
    return out


def anthropic_to_openai_request(obj: dict[str, Any], upstream_model: str) -> dict[str, Any]:
    """An Anthropic Messages request body → an OpenAI chat-completions request body.

    ``obj`` is not modified. Raises :class:`~fastgate.errors.ClientError` for anything OpenAI
    cannot honour or that is malformed.
    """
    for key in obj:
        if key not in _AN_KNOWN:
            raise _unsupported(key, _O, "unknown field")
    if obj.get("top_k") is not None:
        raise _unsupported("top_k", _O, "OpenAI has no top-k sampling")
    thinking = obj.get("thinking")
    if thinking is not None and not (isinstance(thinking, dict) and thinking.get("type") == "disabled"):
        raise _unsupported("thinking", _O, "extended thinking")
    if obj.get("service_tier") not in (None, "auto"):
        raise _unsupported("service_tier", _O)
    messages: list[dict[str, Any]] = []
    system = obj.get("system")
    if isinstance(system, str):
        if system:
            messages.append({"role": "system", "content": system})
    elif isinstance(system, list):
        parts = []
        for j, b in enumerate(system):
            if not isinstance(b, dict) or b.get("type") != "text" or not isinstance(b.get("text"), str):
                raise _invalid(f"system.{j}", "must be a text block")
            parts.append({"type": "text", "text": b["text"]})
        if len(parts) == 1:
            messages.append({"role": "system", "content": parts[0]["text"]})
        elif parts:
            messages.append({"role": "system", "content": parts})
    elif system is not None:
        raise _invalid("system", "must be a string or a list of text blocks")
    messages.extend(_an_messages(obj.get("messages")))
    out: dict[str, Any] = {"model": upstream_model, "messages": messages}
    limit = obj.get("max_tokens")
    if limit is not None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise _invalid("max_tokens", "must be a positive integer")
        out["max_completion_tokens"] = limit
    for key in ("temperature", "top_p"):
        if obj.get(key) is not None:
            out[key] = obj[key]
    stop = obj.get("stop_sequences")
    if stop:
        if not isinstance(stop, list) or not all(isinstance(s, str) for s in stop):
            raise _invalid("stop_sequences", "must be a list of strings")
        out["stop"] = stop
    meta = obj.get("metadata")
    if meta is not None:
        if not isinstance(meta, dict):
            raise _invalid("metadata", "must be an object")
        for k in meta:
            if k != "user_id":
                raise _unsupported(f"metadata.{k}", _O)
        if meta.get("user_id") is not None:
            out["user"] = meta["user_id"]
    if obj.get("stream") is True:
        out["stream"] = True
        # Usage arrives in a last chunk only when asked for; message_delta needs it.
        out["stream_options"] = {"include_usage": True}
    tools = obj.get("tools")
    if tools:
        out["tools"] = _an_tools(tools)
    choice = obj.get("tool_choice")
    if choice is not None:
        if not isinstance(choice, dict):
            raise _invalid("tool_choice", "must be an object")
        t = choice.get("type")
        if t == "auto":
            out["tool_choice"] = "auto"
        elif t == "any":
            out["tool_choice"] = "required"
        elif t == "none":
            out["tool_choice"] = "none"
        elif t == "tool" and isinstance(choice.get("name"), str):
            out["tool_choice"] = {"type": "function", "function": {"name": choice["name"]}}
        else:
            raise _invalid("tool_choice", f"has an unsupported value {choice!r}")
        if choice.get("disable_parallel_tool_use") is True and tools:
            out["parallel_tool_calls"] = False
    return out


# ------------------------------------------------------------------------------------------------
# responses
# ------------------------------------------------------------------------------------------------


def _openai_usage_from_anthropic(u: Any) -> dict[str, Any]:
    u = u if isinstance(u, dict) else {}
    cached = int(u.get("cache_read_input_tokens") or 0)
    prompt = int(u.get("input_tokens") or 0) + cached + int(u.get("cache_creation_input_tokens") or 0)
    completion = int(u.get("output_tokens") or 0)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
            "prompt_tokens_details": {"cached_tokens": cached}}


def _anthropic_usage_from_openai(u: Any) -> dict[str, int]:
    u = u if isinstance(u, dict) else {}
    details = u.get("prompt_tokens_details")
    cached = int(details.get("cached_tokens") or 0) if isinstance(details, dict) else 0
    prompt = int(u.get("prompt_tokens") or 0)
    return {"input_tokens": max(prompt - cached, 0), "output_tokens": int(u.get("completion_tokens") or 0),
            "cache_creation_input_tokens": 0, "cache_read_input_tokens": cached}


def load_object(body: bytes | dict[str, Any], what: str) -> dict[str, Any]:
    """A JSON object from an upstream body (UpstreamError 502 if it is not one)."""
    if isinstance(body, dict):
        return body
    try:
        obj = orjson.loads(body)
    except orjson.JSONDecodeError:
        obj = None
    if not isinstance(obj, dict):
        raise UpstreamError(f"the upstream sent a {what} that is not a JSON object", retryable=False)
    return obj


def anthropic_to_openai_response(resp: dict[str, Any], model: str, created: int | None = None) -> dict[str, Any]:
    """An Anthropic ``message`` → an OpenAI ``chat.completion`` (``model`` is the client's name)."""
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    for block in resp.get("content") or ():
        if not isinstance(block, dict):
            continue
        t = block.get("type")
        if t == "text":
            texts.append(str(block.get("text") or ""))
        elif t == "tool_use":
            calls.append({"id": block.get("id"), "type": "function", "function": {
                "name": block.get("name"), "arguments": orjson.dumps(block.get("input") or {}).decode()}})
        # thinking blocks: never requested through this translation (thinking → 400)
    stop = resp.get("stop_reason")
    message: dict[str, Any] = {"role": "assistant", "content": "".join(texts) if texts or not calls else None,
                               "refusal": None}
    if calls:
        message["tool_calls"] = calls
    return {
        "id": resp.get("id") or "chatcmpl-fastgate",
        "object": "chat.completion",
        "created": int(time.time()) if created is None else created,
        "model": model,
        "choices": [{"index": 0, "message": message, "logprobs": None,
                     "finish_reason": _TO_OPENAI_FINISH.get(stop, "stop") if stop is not None else None}],
        "usage": _openai_usage_from_anthropic(resp.get("usage")),
    }


def openai_to_anthropic_response(resp: dict[str, Any], model: str) -> dict[str, Any]:
    """An OpenAI ``chat.completion`` → an Anthropic ``message`` (``model`` is the client's name).

    Raises :class:`~fastgate.errors.UpstreamError` (502) when the upstream's answer has no choice
    or tool arguments that are not a JSON object (Anthropic's ``input`` must be one).
    """
    choices = resp.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise UpstreamError("the upstream answer has no choices", retryable=False)
    choice = choices[0]
    msg: dict[str, Any] = choice["message"] if isinstance(choice.get("message"), dict) else {}
    content: list[dict[str, Any]] = []
    text = msg.get("content")
    if isinstance(text, list):  # some OpenAI-compatible servers answer with parts
        text = "".join(p.get("text", "") for p in text if isinstance(p, dict))
    if text:
        content.append({"type": "text", "text": text})
    refusal = msg.get("refusal")
    if refusal:
        content.append({"type": "text", "text": refusal})
    for call in msg.get("tool_calls") or ():
        fn = call.get("function") if isinstance(call, dict) else None
        if not isinstance(fn, dict):
            continue
        try:
            args = _json_object(fn.get("arguments"), "arguments")
        except ClientError:
            raise UpstreamError("the upstream sent tool arguments that are not a JSON object", retryable=False) from None
        content.append({"type": "tool_use", "id": call.get("id"), "name": fn.get("name"), "input": args})
    finish = choice.get("finish_reason")
    stop = "refusal" if refusal else _TO_ANTHROPIC_STOP.get(str(finish), "end_turn")
    return {
        "id": resp.get("id") or "msg_fastgate",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop,
        "stop_sequence": None,
        "usage": _anthropic_usage_from_openai(resp.get("usage")),
    }


# ------------------------------------------------------------------------------------------------
# errors
# ------------------------------------------------------------------------------------------------


def _error_message(status: int, body: bytes) -> tuple[str, str | None]:
    """(message, upstream error type) from an error body in either envelope, or its text."""
    try:
        obj = orjson.loads(body)
    except orjson.JSONDecodeError:
        obj = None
    if isinstance(obj, dict):
        err = obj.get("error")
        if isinstance(err, dict) and isinstance(err.get("message"), str):
            etype = err.get("type")
            return err["message"], etype if isinstance(etype, str) else None
        if isinstance(err, str):
            return err, None
    text = body[:512].decode("utf-8", "replace").strip()
    if text and text.isprintable():
        return text, None
    return f"The upstream answered HTTP {status}", None


def anthropic_error_to_openai(status: int, body: bytes) -> bytes:
    """An Anthropic error body → the OpenAI envelope (same status, same message)."""
    message, etype = _error_message(status, body)
    otype, code = _OPENAI_ERROR.get(etype or "", (None, None))
    if otype is None:
        otype, code = ("server_error", None) if status >= 500 else ("invalid_request_error", None)
    return orjson.dumps({"error": {"message": message, "type": otype, "code": code, "param": None}})


def openai_error_to_anthropic(status: int, body: bytes) -> bytes:
    """An OpenAI error body → the Anthropic envelope (same status, same message)."""
    message, _ = _error_message(status, body)
    etype = _ANTHROPIC_ERROR.get(status, "api_error" if status >= 500 else "invalid_request_error")
    return orjson.dumps({"type": "error", "error": {"type": etype, "message": message}})


# ------------------------------------------------------------------------------------------------
# streams
# ------------------------------------------------------------------------------------------------


class AnthropicToOpenAIStream:
    """Anthropic Messages SSE events → OpenAI ``chat.completion.chunk`` events.

    :meth:`feed` takes whole SSE events (any number) and returns the bytes to send (possibly
    empty); :meth:`finish` returns what is left once the upstream stream has ended.
    """

    __slots__ = ("model", "include_usage", "created", "id", "usage", "tool_index", "n_tools", "done", "finished",
                 "text_tpl")

    def __init__(self, model: str, include_usage: bool, created: int | None = None) -> None:
        self.model = model
        self.include_usage = include_usage
        self.created = int(time.time()) if created is None else created
        self.id = "chatcmpl-fastgate"
        self.usage: dict[str, Any] = {}
        # Anthropic content-block index → OpenAI tool_calls index (tool calls count from 0).
        self.tool_index: dict[int, int] = {}
        self.n_tools = 0
        self.done = False
        self.finished = False
        self.text_tpl: tuple[bytes, bytes] | None = None

    def _chunk(self, delta: dict[str, Any], finish: str | None = None) -> bytes:
        obj: dict[str, Any] = {
            "id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model,
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
        }
        if self.include_usage:
            obj["usage"] = None  # as OpenAI does when usage was asked for: last key, null
        return _sse_data(obj)

    def feed(self, data: bytes) -> bytes:
        """Translate whole SSE events; returns the OpenAI events to send."""
        out: list[bytes] = []
        for _name, payload in iter_sse(data):
            if not payload or self.done:
                continue
            try:
                ev = orjson.loads(payload)
            except orjson.JSONDecodeError:
                continue
            if isinstance(ev, dict):
                self._event(ev, out)
        return b"".join(out)

    def _event(self, ev: dict[str, Any], out: list[bytes]) -> None:
        t = ev.get("type")
        if t == "content_block_delta":
            delta = ev.get("delta") or {}
            dt = delta.get("type")
            if dt == "text_delta":
                text = delta.get("text")
                if text:
                    # The common event: splice the text into pre-serialised bytes (byte-identical
                    # to self._chunk({"content": text}), several times cheaper).
                    tpl = self.text_tpl
                    if tpl is None:
                        head, _, tail = self._chunk({"content": _SLOT}).partition(_SLOT_JSON)
                        tpl = self.text_tpl = (head, tail)
                    out.append(tpl[0] + orjson.dumps(text) + tpl[1])
            elif dt == "input_json_delta":
                part = delta.get("partial_json")
                k = self.tool_index.get(ev.get("index", -1))
                if part and k is not None:
                    out.append(self._chunk({"tool_calls": [{"index": k, "function": {"arguments": part}}]}))
            # thinking/signature/citations deltas have no chat-completions equivalent
        elif t == "message_start":
            msg = ev.get("message") or {}
            if isinstance(msg.get("id"), str):
                self.id = msg["id"]
                self.text_tpl = None
            if isinstance(msg.get("usage"), dict):
                self.usage.update(msg["usage"])
            out.append(self._chunk({"role": "assistant", "content": ""}))
        elif t == "content_block_start":
            block = ev.get("content_block") or {}
            bt = block.get("type")
            if bt == "tool_use":
                k = self.n_tools
                self.n_tools += 1
                self.tool_index[ev.get("index", -1)] = k
                inp = block.get("input")
                args = orjson.dumps(inp).decode() if inp else ""
                out.append(self._chunk({"tool_calls": [{"index": k, "id": block.get("id"), "type": "function",
                                                        "function": {"name": block.get("name"), "arguments": args}}]}))
            elif bt == "text" and block.get("text"):
                out.append(self._chunk({"content": block["text"]}))
        elif t == "message_delta":
            u = ev.get("usage")
            if isinstance(u, dict):
                # cumulative totals: overwrite (a None means "not reported here", keep ours)
                self.usage.update({k: v for k, v in u.items() if v is not None})
            stop = (ev.get("delta") or {}).get("stop_reason")
            if stop is not None and not self.finished:
                self.finished = True
                out.append(self._chunk({}, _TO_OPENAI_FINISH.get(stop, "stop")))
        elif t == "message_stop":
            self._end(out)
        elif t == "error":
            err = ev.get("error") or {}
            otype, code = _OPENAI_ERROR.get(err.get("type") or "", ("server_error", None))
            out.append(_sse_data({"error": {"message": err.get("message") or "The upstream failed",
                                            "type": otype, "code": code, "param": None}}))
            self.done = True
        # ping, content_block_stop: nothing to say

    def _end(self, out: list[bytes]) -> None:
        if self.done:
            return
        self.done = True
        if not self.finished:
            self.finished = True
            out.append(self._chunk({}, "stop"))
        if self.include_usage:
            out.append(_sse_data({"id": self.id, "object": "chat.completion.chunk", "created": self.created,
                                  "model": self.model, "choices": [],
                                  "usage": _openai_usage_from_anthropic(self.usage)}))
        out.append(b"data: [DONE]\n\n")

    def finish(self) -> bytes:
        """After the upstream ended: close the stream if it said it was complete (finish reason
        seen) but never sent ``message_stop``; a stream cut short stays cut short."""
        if self.done or not self.finished:
            return b""
        out: list[bytes] = []
        self._end(out)
        return b"".join(out)


class OpenAIToAnthropicStream:
    """OpenAI ``chat.completion.chunk`` events → Anthropic Messages SSE events.

    ``message_start`` carries ``input_tokens: 0`` (the prompt's count arrives with OpenAI's last
    chunk); ``message_delta.usage`` carries the real cumulative numbers.
    """

    __slots__ = ("model", "started", "block", "block_type", "next_block", "tools", "finish_reason", "usage",
                 "done", "refusal")

    def __init__(self, model: str) -> None:
        self.model = model
        self.started = False
        self.block = -1            # index of the open content block, -1 when none is open
        self.block_type = ""
        self.next_block = 0
        self.tools: dict[int, int] = {}  # OpenAI tool_calls index → Anthropic block index
        self.finish_reason: str | None = None
        self.usage: dict[str, Any] | None = None
        self.done = False
        self.refusal = False

    def _start(self, chunk: dict[str, Any], out: list[bytes]) -> None:
        self.started = True
        cid = chunk.get("id")
        out.append(_sse_event(b"message_start", {"type": "message_start", "message": {
            "id": cid if isinstance(cid, str) else "msg_fastgate", "type": "message", "role": "assistant",
            "model": self.model, "content": [], "stop_reason": None, "stop_sequence": None,
            "usage": {"input_tokens": 0, "output_tokens": 0}}}))

    def _close_block(self, out: list[bytes]) -> None:
        if self.block >= 0:
            out.append(_sse_event(b"content_block_stop", {"type": "content_block_stop", "index": self.block}))
            self.block = -1
            self.block_type = ""

    def _open_block(self, block: dict[str, Any], out: list[bytes]) -> int:
        self._close_block(out)
        i = self.block = self.next_block
        self.next_block += 1
        self.block_type = block["type"]
        out.append(_sse_event(b"content_block_start", {"type": "content_block_start", "index": i,
                                                       "content_block": block}))
        return i

    def _text(self, text: str, out: list[bytes]) -> None:
        if self.block_type != "text":
            self._open_block({"type": "text", "text": ""}, out)
        # byte-identical to _sse_event(b"content_block_delta", {...text_delta...}), without the dicts
        out.append(b'event: content_block_delta\ndata: {"type":"content_block_delta","index":%d,'
                   b'"delta":{"type":"text_delta","text":%s}}\n\n' % (self.block, orjson.dumps(text)))

    def feed(self, data: bytes) -> bytes:
        """Translate whole SSE events; returns the Anthropic events to send."""
        out: list[bytes] = []
        for _name, payload in iter_sse(data):
            if not payload or self.done:
                continue
            if payload == b"[DONE]":
                self._end(out)
                continue
            try:
                chunk = orjson.loads(payload)
            except orjson.JSONDecodeError:
                continue
            if isinstance(chunk, dict):
                self._chunk(chunk, out)
        return b"".join(out)

    def _chunk(self, chunk: dict[str, Any], out: list[bytes]) -> None:
        err = chunk.get("error")
        if isinstance(err, dict):
            message = err.get("message") if isinstance(err.get("message"), str) else "The upstream failed"
            out.append(_sse_event(b"error", {"type": "error", "error": {"type": "api_error", "message": message}}))
            self.done = True
            return
        if not self.started:
            self._start(chunk, out)
        u = chunk.get("usage")
        if isinstance(u, dict):
            self.usage = u
        for choice in chunk.get("choices") or ():
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            delta = choice.get("delta") or {}
            text = delta.get("content")
            if text:
                self._text(text, out)
            refusal = delta.get("refusal")
            if refusal:
                self.refusal = True
                self._text(refusal, out)
            for call in delta.get("tool_calls") or ():
                if not isinstance(call, dict):
                    continue
                k = call.get("index", 0)
                fn = call.get("function") or {}
                bi = self.tools.get(k)
                if bi is None:
                    bi = self.tools[k] = self._open_block({"type": "tool_use", "id": call.get("id"),
                                                           "name": fn.get("name"), "input": {}}, out)
                args = fn.get("arguments")
                if args:
                    out.append(_sse_event(b"content_block_delta", {
                        "type": "content_block_delta", "index": bi,
                        "delta": {"type": "input_json_delta", "partial_json": args}}))
            finish = choice.get("finish_reason")
            if finish is not None:
                self.finish_reason = finish
                self._close_block(out)

    def _end(self, out: list[bytes]) -> None:
        if self.done:
            return
        self.done = True
        if not self.started:
            self._start({}, out)
        self._close_block(out)
        stop = "refusal" if self.refusal else _TO_ANTHROPIC_STOP.get(self.finish_reason or "stop", "end_turn")
        out.append(_sse_event(b"message_delta", {"type": "message_delta",
                                                 "delta": {"stop_reason": stop, "stop_sequence": None},
                                                 "usage": _anthropic_usage_from_openai(self.usage)}))
        out.append(_sse_event(b"message_stop", {"type": "message_stop"}))

    def finish(self) -> bytes:
        """After the upstream ended: servers that omit ``data: [DONE]`` still get a proper end once
        a finish reason was seen; a stream cut short stays cut short."""
        if self.done or self.finish_reason is None:
            return b""
        out: list[bytes] = []
        self._end(out)
        return b"".join(out)

