"""``fastgate mock-upstream``: a fast, deterministic OpenAI- and Anthropic-compatible fake LLM.

Used by ``fastgate demo``, the integration tests and the benchmarks, so it must never be a
benchmark's bottleneck. It is therefore not an aiohttp app: it is a raw ``asyncio.Protocol`` fed by
``httptools.HttpRequestParser`` (llhttp), the shape perf-baseline.md measured at ~6.6 µs/request
(row A7h), with pre-built response bytes where possible.

Endpoints (OpenAI format unless noted; wire formats follow the public API references):

* ``POST /v1/chat/completions`` (``stream: true`` → SSE ``chat.completion.chunk`` … ``[DONE]``; the
  usage-only chunk with ``choices: []`` is sent only for ``stream_options.include_usage``),
  ``POST /v1/completions`` (legacy), ``POST /v1/embeddings``, ``GET /v1/models[/{id}]``.
* ``POST /v1/messages`` (Anthropic Messages, JSON or the ``message_start`` … ``message_stop`` SSE
  event sequence) and ``POST /v1/messages/count_tokens``.
* ``/__mock/*``: control plane (``faults``, ``requests``, ``reset``, ``stats``) and
  ``GET /__mock/bytes?n=N`` (N bytes, chunked, 64 KiB pieces, honouring write backpressure).
* anything else: a generic echo of the request (body hashed on the fly, never buffered whole).

Replies are deterministic: ``"echo: " + <last user text>`` (text parts joined by a space), cut to
``max_tokens`` (or ``max_completion_tokens``) words; streams send one chunk per word unless
``x-mock-chunks: N``. Usage: prompt tokens = ceil(chars of all message text / 4) + 3 per message
(an Anthropic ``system`` prompt counts as one message); completion tokens = words sent. With
``tools`` and a last user text containing the word "tool", the reply is one tool call (see
``_answer_openai``). Per-request control headers (``x-mock-status``, ``x-mock-latency-ms``,
``x-mock-chunks``, ``x-mock-tokens-per-s``, ``x-mock-fail``), the ``/__mock/faults`` queue and a
seeded ``fail_rate`` inject failures.

HTTP: keep-alive, pipelining (answers in request order), ``Connection: close``, HTTP/1.0 (its
streams are close-delimited: 1.0 has no chunked coding), ``Expect: 100-continue``; a malformed
request gets 400 and the connection closes.
"""

from __future__ import annotations

import argparse
import array
import asyncio
import base64
import contextlib
import functools
import hashlib
import math
import random
import re
import signal
import socket
import struct
import sys
import time
from collections import deque
from collections.abc import Callable
from http import HTTPStatus
from typing import Any, cast

import httptools
import orjson

__all__ = ["MockUpstream", "add_arguments", "main", "run"]

#: How many recorded requests ``GET /__mock/requests`` keeps (oldest dropped first).
RECORD_LIMIT = 1000
#: Bytes of each request body kept in a record; ``body_len`` is always the full length.
RECORD_BODY_CAP = 256 * 1024
#: JSON bodies (LLM endpoints and the control plane) above this are answered 413.
JSON_BODY_CAP = 32 * 1024 * 1024
#: Request heads above this are answered 431 (llhttp itself has no limit).
HEAD_CAP = 64 * 1024
#: Piece size of ``GET /__mock/bytes``.
BYTES_PIECE = 64 * 1024
#: Pipelined requests waiting behind a slow one before the socket stops being read.
MAX_QUEUED = 64

FAIL_MODES = ("reset", "reset-after-first-chunk", "hang", "truncate", "bad-header")
_FAULT_KEYS = frozenset({"status", "fail", "latency_ms", "chunks", "tokens_per_s", "times", "path"})

MODELS = ("gpt-4o-mini", "gpt-4o", "text-embedding-3-small", "claude-3-5-haiku-latest", "mock-echo")

# A word is a run of non-space characters plus the whitespace after it, so the pieces of a reply
# concatenate back to exactly the reply (streams and non-streams carry the same text).
_WORD_RE = re.compile(r"\S+\s*")
_TOOL_WORD_RE = re.compile(r"\btool\b", re.IGNORECASE)
# Byte i of every /__mock/bytes body is i % 256: a 64 KiB piece always starts at a multiple of 256,
# so one pre-built block serves every piece and a client can check order and completeness.
_BYTES_BLOCK = bytes(range(256)) * (BYTES_PIECE // 256)
_FINGERPRINT = "fp_mock"


# --------------------------------------------------------------------------------------------
# HTTP response framing
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _status_line(status: int) -> bytes:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = {529: "Overloaded"}.get(status, "Unknown")
    return b"HTTP/1.1 %d %s\r\n" % (status, phrase.encode("ascii"))


_JSON_200 = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "


def _head(
    status: int,
    ctype: bytes | None,
    length: int | None,
    extra: list[tuple[str, str]] | None,
    keep_alive: bool,
    http10: bool,
    *,
    sse: bool = False,
    bad_header: bool = False,
) -> bytes:
    """Serialise a response head. ``length=None`` means chunked (or close-delimited on HTTP/1.0,
    which has no chunked coding: RFC 9112 §7.1 — such a response then ends with the connection)."""
    parts = [_status_line(status)]
    if ctype is not None:
        parts.append(b"content-type: " + ctype + b"\r\n")
    if length is not None:
        parts.append(b"content-length: %d\r\n" % length)
    elif not http10:
        parts.append(b"transfer-encoding: chunked\r\n")
    if sse:
        parts.append(b"cache-control: no-cache\r\n")
    if extra:
        for k, v in extra:
            parts.append(f"{k}: {v}\r\n".encode("latin-1"))
    if not keep_alive:
        parts.append(b"connection: close\r\n")
    elif http10:
        parts.append(b"connection: keep-alive\r\n")
    if bad_header:
        # A bare CR inside a field value is invalid (RFC 9110 §5.5, RFC 9112 §2.2): a strict
        # client or gateway must refuse the response instead of passing it on.
        parts.append(b"x-mock-bad: bad\rvalue\r\n")
    parts.append(b"\r\n")
    return b"".join(parts)


def _chunk(data: bytes) -> bytes:
    """One chunk of the chunked transfer coding (RFC 9112 §7.1)."""
    return b"%x\r\n%s\r\n" % (len(data), data)


# --------------------------------------------------------------------------------------------
# Replies and error envelopes
# --------------------------------------------------------------------------------------------


class _Reply:
    """What a route produced. Exactly one of ``body`` (fixed length), ``events`` (an SSE stream,
    one element per event, already framed as SSE) or ``nbytes`` (the /__mock/bytes stream) is set.
    ``lead`` is how many stream events precede the first content event; ``pace[i]`` is how many
    words event ``i`` carries (drives ``tokens_per_s`` pacing)."""

    __slots__ = ("status", "body", "ctype", "headers", "events", "lead", "pace", "nbytes", "wire")

    def __init__(
        self,
        status: int = 200,
        body: bytes = b"",
        ctype: bytes | None = b"application/json",
        headers: list[tuple[str, str]] | None = None,
        events: list[bytes] | None = None,
        lead: int = 0,
        pace: list[int] | None = None,
        nbytes: int | None = None,
    ) -> None:
        self.status = status
        self.body = body
        self.ctype = ctype
        self.headers = headers
        self.events = events
        self.lead = lead
        self.pace = pace
        self.nbytes = nbytes
        self.wire: bytes | None = None  # the whole HTTP/1.1 keep-alive response, for constant replies


def _json(obj: Any, status: int = 200, headers: list[tuple[str, str]] | None = None) -> _Reply:
    return _Reply(status, orjson.dumps(obj), headers=headers)


_OPENAI_ERR: dict[int, tuple[str, str | None]] = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", "permission_denied"),
    404: ("invalid_request_error", "not_found"),
    405: ("invalid_request_error", "method_not_allowed"),
    408: ("invalid_request_error", "timeout"),
    413: ("invalid_request_error", "request_too_large"),
    429: ("requests", "rate_limit_exceeded"),
    500: ("server_error", None),
    502: ("server_error", "bad_gateway"),
    503: ("server_error", "service_unavailable"),
    504: ("server_error", "timeout"),
}
_ANTHROPIC_ERR: dict[int, str] = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    503: "overloaded_error",
    529: "overloaded_error",
}


def _error(status: int, message: str, *, anthropic: bool = False, param: str | None = None) -> _Reply:
    """An error in the envelope the caller's SDK expects (OpenAI's, or Anthropic's on /v1/messages)."""
    headers = [("retry-after", "1")] if status == 429 else None
    if anthropic:
        etype = _ANTHROPIC_ERR.get(status, "api_error" if status >= 500 else "invalid_request_error")
        return _json({"type": "error", "error": {"type": etype, "message": message}}, status, headers)
    default = ("server_error", None) if status >= 500 else ("invalid_request_error", None)
    otype, code = _OPENAI_ERR.get(status, default)
    return _json(
        {"error": {"message": message, "type": otype, "param": param, "code": code}}, status, headers
    )


class _BadRequest(ValueError):
    """A request body the mock cannot answer; becomes a 400 naming ``param``."""

    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.param = param


# --------------------------------------------------------------------------------------------
# Deterministic answers (pure functions of the request JSON)
# --------------------------------------------------------------------------------------------


def _text(content: Any) -> str:
    """The text of a message ``content``: a string, or the text parts of a list joined by a space
    (OpenAI ``{"type": "text"}`` parts, Anthropic text blocks and the text inside ``tool_result``)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts: list[str] = []
        for part in content:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict):
                t = part.get("text")
                if isinstance(t, str):
                    parts.append(t)
                elif part.get("type") == "tool_result":
                    parts.append(_text(part.get("content")))
        return " ".join(p for p in parts if p)
    return ""


def _scan(data: dict[str, Any]) -> tuple[list[dict[str, Any]], int, str]:
    """One pass over ``messages``: (messages, total text chars, text of the last user message)."""
    messages = data.get("messages")
    if not isinstance(messages, list):
        raise _BadRequest("'messages' must be a list of message objects", "messages")
    chars, last = 0, ""
    for m in messages:
        if not isinstance(m, dict):
            raise _BadRequest("'messages' must be a list of message objects", "messages")
        text = _text(m.get("content"))
        chars += len(text)
        if m.get("role") == "user":
            last = text
    return messages, chars, last


class _Answer:
    """The deterministic reply to one LLM request: ``text``, or one tool call whose JSON
    ``arguments`` are the text. ``words`` (the completion tokens) counts the whitespace-separated
    words of that text; ``pieces`` (one per word, for streams) are computed only when needed."""

    __slots__ = ("model", "prompt_tokens", "text", "words", "truncated", "tool_name", "tool_input")

    def __init__(self, model: str, prompt_tokens: int) -> None:
        self.model = model
        self.prompt_tokens = prompt_tokens
        self.text = ""
        self.words = 0
        self.truncated = False
        self.tool_name: str | None = None
        self.tool_input: dict[str, str] | None = None

    def set_text(self, reply: str, limit: Any) -> None:
        """Reply with ``reply`` cut to at most ``limit`` words (None: no limit)."""
        if limit is None:
            self.text, self.words = reply, len(reply.split())
            return
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise _BadRequest("max_tokens must be an integer", "max_tokens")
        if limit <= 0:
            self.text, self.words, self.truncated = "", 0, bool(reply.strip())
            return
        # One C-level split finds both the word count and where the limit-th word ends.
        parts = reply.split(None, limit)
        if len(parts) <= limit:
            self.text, self.words = reply, len(parts)
        else:
            self.text = reply[: len(reply) - len(parts[limit])].rstrip()
            self.words, self.truncated = limit, True

    def set_tool(self, name: str, text: str) -> None:
        self.tool_name = name
        self.tool_input = {"echo": text}
        # json.dumps spacing ({"echo": "..."}), as OpenAI sends tool arguments.
        self.text = '{"echo": ' + orjson.dumps(text).decode() + "}"
        self.words = len(self.text.split())

    @property
    def pieces(self) -> list[str]:
        """The text as words with their trailing whitespace: they concatenate back to ``text``."""
        return _WORD_RE.findall(self.text)


def _model(data: dict[str, Any]) -> str:
    model = data.get("model")
    if not isinstance(model, str) or not model:
        raise _BadRequest("you must provide a model parameter", "model")
    return model


def _answer_openai(data: dict[str, Any]) -> _Answer:
    """Chat answer. A tool call is made when ``tools`` is non-empty, ``tool_choice`` is not
    ``"none"``, the conversation ends with a user message (not a tool result, so agent loops end)
    and that text contains the word ``tool``; the tool is the one ``tool_choice`` names, else the
    first."""
    model = _model(data)
    messages, chars, last = _scan(data)
    ans = _Answer(model, -(-chars // 4) + 3 * len(messages))  # ceil(chars / 4) + 3 per message
    tools = data.get("tools")
    choice = data.get("tool_choice")
    ends_with_user = bool(messages) and messages[-1].get("role") == "user"
    if (
        tools
        and isinstance(tools, list)
        and choice != "none"
        and ends_with_user
        and _TOOL_WORD_RE.search(last)
    ):
        name = None
        if isinstance(choice, dict):
            name = (choice.get("function") or {}).get("name")
        if not name:
            first = tools[0] if isinstance(tools[0], dict) else {}
            name = (first.get("function") or {}).get("name") or first.get("name")
        if not isinstance(name, str) or not name:
            raise _BadRequest("tools[0].function.name is required", "tools")
        ans.set_tool(name, last)
        return ans
    limit = data.get("max_completion_tokens")
    if limit is None:
        limit = data.get("max_tokens")
    ans.set_text("echo: " + last, limit)
    return ans


def _answer_anthropic(data: dict[str, Any]) -> _Answer:
    """Messages answer; same rules as ``_answer_openai``. A top-level ``system`` prompt counts as
    one message, so a gateway translating OpenAI ⇄ Anthropic sees the same usage both ways."""
    model = _model(data)
    messages, chars, last = _scan(data)
    system = _text(data.get("system"))
    n = len(messages) + (1 if system else 0)
    ans = _Answer(model, -(-(chars + len(system)) // 4) + 3 * n)
    tools = data.get("tools")
    choice = data.get("tool_choice")
    ends_with_user_text = False
    if messages and messages[-1].get("role") == "user":
        content = messages[-1].get("content")
        ends_with_user_text = not (
            isinstance(content, list)
            and any(isinstance(b, dict) and b.get("type") == "tool_result" for b in content)
        )
    none = isinstance(choice, dict) and choice.get("type") == "none"
    if tools and isinstance(tools, list) and not none and ends_with_user_text and _TOOL_WORD_RE.search(last):
        name = choice.get("name") if isinstance(choice, dict) and choice.get("type") == "tool" else None
        if not name:
            name = tools[0].get("name") if isinstance(tools[0], dict) else None
        if not isinstance(name, str) or not name:
            raise _BadRequest("tools.0.name: Field required", "tools")
        ans.set_tool(name, last)
        return ans
    ans.set_text("echo: " + last, data.get("max_tokens"))
    return ans


def _groups(pieces: list[str], n: int | None) -> list[list[str]]:
    """Split ``pieces`` into ``n`` contiguous, near-equal groups (default: one per word)."""
    if not pieces:
        return []
    if n is None or n >= len(pieces):
        return [[p] for p in pieces]
    n = max(n, 1)
    q, r = divmod(len(pieces), n)
    out, i = [], 0
    for k in range(n):
        size = q + (1 if k < r else 0)
        out.append(pieces[i : i + size])
        i += size
    return out


def _sse_data(obj: Any) -> bytes:
    return b"data: " + orjson.dumps(obj) + b"\n\n"


def _sse_event(name: bytes, obj: Any) -> bytes:
    return b"event: " + name + b"\ndata: " + orjson.dumps(obj) + b"\n\n"


_DONE = b"data: [DONE]\n\n"
_SLOT = "\x00mock-slot\x00"
_SLOT_JSON = orjson.dumps(_SLOT)


def _framer(event: bytes) -> Callable[[str], bytes]:
    """``event`` is a serialised SSE event holding the string ``_SLOT`` once; return a function that
    renders it with ``piece`` in that place. Stream chunks differ only in their text, and splicing
    one ``orjson.dumps(piece)`` is several times cheaper than building and dumping each dict."""
    head, sep, tail = event.rpartition(_SLOT_JSON)
    assert sep, "the template must contain _SLOT"
    return lambda piece: head + orjson.dumps(piece) + tail


def _stream_flags(data: dict[str, Any]) -> tuple[bool, bool]:
    stream = data.get("stream") is True
    opts = data.get("stream_options")
    include_usage = stream and isinstance(opts, dict) and opts.get("include_usage") is True
    return stream, include_usage


def _openai_usage(ans: _Answer) -> dict[str, int]:
    n = ans.words
    return {"prompt_tokens": ans.prompt_tokens, "completion_tokens": n, "total_tokens": ans.prompt_tokens + n}


def build_chat(data: dict[str, Any], rid: int, chunks: int | None, created: int | None = None) -> _Reply:
    """``POST /v1/chat/completions``: a ``chat.completion`` or a ``chat.completion.chunk`` stream."""
    ans = _answer_openai(data)
    stream, include_usage = _stream_flags(data)
    cid = f"chatcmpl-mock{rid}"
    created = int(time.time()) if created is None else created
    finish = "tool_calls" if ans.tool_name is not None else "length" if ans.truncated else "stop"
    if not stream:
        message: dict[str, Any] = {"role": "assistant", "content": ans.text, "refusal": None}
        if ans.tool_name is not None:
            message["content"] = None
            message["tool_calls"] = [
                {
                    "id": "call_mock_1",
                    "type": "function",
                    "function": {"name": ans.tool_name, "arguments": ans.text},
                }
            ]
        return _json(
            {
                "id": cid,
                "object": "chat.completion",
                "created": created,
                "model": ans.model,
                "system_fingerprint": _FINGERPRINT,
                "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
                "usage": _openai_usage(ans),
            }
        )

    def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> bytes:
        obj: dict[str, Any] = {
            "id": cid,
            "object": "chat.completion.chunk",
            "created": created,
            "model": ans.model,
            "system_fingerprint": _FINGERPRINT,
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
        }
        # OpenAI: with include_usage every other chunk carries "usage": null; without it, no key.
        if include_usage:
            obj["usage"] = None
        return _sse_data(obj)

    if ans.tool_name is not None:
        first = {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "index": 0,
                    "id": "call_mock_1",
                    "type": "function",
                    "function": {"name": ans.tool_name, "arguments": ""},
                }
            ],
            "refusal": None,
        }
    else:
        first = {"role": "assistant", "content": "", "refusal": None}
    events = [chunk(first)]
    pace = [0]
    if ans.tool_name is not None:
        content = _framer(chunk({"tool_calls": [{"index": 0, "function": {"arguments": _SLOT}}]}))
    else:
        content = _framer(chunk({"content": _SLOT}))
    for group in _groups(ans.pieces, chunks):
        events.append(content("".join(group)))
        pace.append(len(group))
    events.append(chunk({}, finish))
    pace.append(0)
    if include_usage:
        events.append(
            _sse_data(
                {
                    "id": cid,
                    "object": "chat.completion.chunk",
                    "created": created,
                    "model": ans.model,
                    "system_fingerprint": _FINGERPRINT,
                    "choices": [],
                    "usage": _openai_usage(ans),
                }
            )
        )
        pace.append(0)
    events.append(_DONE)
    pace.append(0)
    return _Reply(ctype=b"text/event-stream", events=events, lead=1, pace=pace)


def build_completion(
    data: dict[str, Any], rid: int, chunks: int | None, created: int | None = None
) -> _Reply:
    """``POST /v1/completions`` (legacy): the prompt (a list of strings is joined) is one message."""
    model = _model(data)
    prompt = data.get("prompt", "")
    if isinstance(prompt, list):
        prompt = " ".join(p for p in prompt if isinstance(p, str))
    if not isinstance(prompt, str):
        raise _BadRequest("'prompt' must be a string or a list of strings", "prompt")
    ans = _Answer(model, -(-len(prompt) // 4) + 3)  # the prompt is one message
    ans.set_text("echo: " + prompt, data.get("max_tokens"))
    finish = "length" if ans.truncated else "stop"
    stream, include_usage = _stream_flags(data)
    cid = f"cmpl-mock{rid}"
    created = int(time.time()) if created is None else created
    base = {
        "id": cid,
        "object": "text_completion",
        "created": created,
        "model": ans.model,
        "system_fingerprint": _FINGERPRINT,
    }
    if not stream:
        return _json(
            {
                **base,
                "choices": [{"text": ans.text, "index": 0, "logprobs": None, "finish_reason": finish}],
                "usage": _openai_usage(ans),
            }
        )
    extra = {"usage": None} if include_usage else {}
    events, pace = [], []
    choice = {"text": _SLOT, "index": 0, "logprobs": None, "finish_reason": None}
    content = _framer(_sse_data({**base, "choices": [choice], **extra}))
    for group in _groups(ans.pieces, chunks):
        events.append(content("".join(group)))
        pace.append(len(group))
    events.append(
        _sse_data(
            {
                **base,
                "choices": [{"text": "", "index": 0, "logprobs": None, "finish_reason": finish}],
                **extra,
            }
        )
    )
    pace.append(0)
    if include_usage:
        events.append(_sse_data({**base, "choices": [], "usage": _openai_usage(ans)}))
        pace.append(0)
    events.append(_DONE)
    pace.append(0)
    return _Reply(ctype=b"text/event-stream", events=events, lead=0, pace=pace)


def embedding_vector(text: str, dims: int) -> array.array:
    """A deterministic unit vector of ``dims`` float32 values derived from SHA-256 of the input."""
    raw = bytearray()
    counter = 0
    seed = text.encode("utf-8", "surrogatepass")
    while len(raw) < 4 * dims:
        raw += hashlib.sha256(counter.to_bytes(4, "big") + seed).digest()
        counter += 1
    ints = struct.unpack(f"<{dims}I", bytes(raw[: 4 * dims]))
    vals = [(i / 0xFFFFFFFF) * 2.0 - 1.0 for i in ints]
    norm = math.sqrt(sum(v * v for v in vals)) or 1.0
    return array.array("f", (v / norm for v in vals))


def build_embeddings(data: dict[str, Any]) -> _Reply:
    """``POST /v1/embeddings``: ``dimensions`` honoured (default 8), ``encoding_format`` float or
    base64 (little-endian float32, what the openai SDK asks for by default)."""
    model = _model(data)
    inp = data.get("input")
    items: list[Any]
    if isinstance(inp, str):
        items = [inp]
    elif isinstance(inp, list) and inp and all(isinstance(x, int) for x in inp):
        items = [inp]  # one input given as token ids
    elif isinstance(inp, list) and inp:
        items = inp
    else:
        raise _BadRequest("'input' must be a non-empty string or array", "input")
    dims = data.get("dimensions", 8)
    if isinstance(dims, bool) or not isinstance(dims, int) or not 1 <= dims <= 65536:
        raise _BadRequest("'dimensions' must be an integer in [1, 65536]", "dimensions")
    fmt = data.get("encoding_format", "float")
    if fmt not in ("float", "base64"):
        raise _BadRequest("'encoding_format' must be 'float' or 'base64'", "encoding_format")
    out, tokens = [], 0
    for i, item in enumerate(items):
        if isinstance(item, str):
            key, tokens = item, tokens + math.ceil(len(item) / 4)
        elif isinstance(item, list) and all(isinstance(x, int) for x in item):
            key, tokens = " ".join(map(str, item)), tokens + len(item)
        else:
            raise _BadRequest(f"'input[{i}]' must be a string or an array of token ids", "input")
        vec = embedding_vector(key, dims)
        emb: Any = base64.b64encode(vec.tobytes()).decode() if fmt == "base64" else vec.tolist()
        out.append({"object": "embedding", "index": i, "embedding": emb})
    return _json(
        {
            "object": "list",
            "data": out,
            "model": model,
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }
    )


def _model_obj(name: str) -> dict[str, Any]:
    return {"id": name, "object": "model", "created": 1700000000, "owned_by": "fastgate-mock"}


_MODELS_BODY = orjson.dumps({"object": "list", "data": [_model_obj(m) for m in MODELS]})
_MODELS_REPLY = _Reply(body=_MODELS_BODY)
_MODELS_REPLY.wire = b"%s%d\r\n\r\n%s" % (_JSON_200, len(_MODELS_BODY), _MODELS_BODY)


def build_messages(data: dict[str, Any], rid: int, chunks: int | None, created: int | None = None) -> _Reply:
    """``POST /v1/messages`` (Anthropic): a ``message`` or the streaming event sequence
    message_start → content_block_start → ping → content_block_delta… → content_block_stop →
    message_delta → message_stop."""
    ans = _answer_anthropic(data)
    mid = f"msg_mock{rid}"
    if ans.tool_name is not None:
        stop = "tool_use"
        block: dict[str, Any] = {
            "type": "tool_use",
            "id": "toolu_mock_1",
            "name": ans.tool_name,
            "input": ans.tool_input,
        }
    else:
        stop = "max_tokens" if ans.truncated else "end_turn"
        block = {"type": "text", "text": ans.text}
    out_tokens = ans.words
    if data.get("stream") is not True:
        return _json(
            {
                "id": mid,
                "type": "message",
                "role": "assistant",
                "model": ans.model,
                "content": [block],
                "stop_reason": stop,
                "stop_sequence": None,
                "usage": {"input_tokens": ans.prompt_tokens, "output_tokens": out_tokens},
            }
        )
    start = {
        "type": "message_start",
        "message": {
            "id": mid,
            "type": "message",
            "role": "assistant",
            "model": ans.model,
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            # Anthropic reports a provisional output count here; message_delta's is the total.
            "usage": {"input_tokens": ans.prompt_tokens, "output_tokens": 1},
        },
    }
    empty_block = dict(block, input={}) if ans.tool_name is not None else {"type": "text", "text": ""}
    events = [
        _sse_event(b"message_start", start),
        _sse_event(
            b"content_block_start", {"type": "content_block_start", "index": 0, "content_block": empty_block}
        ),
        _sse_event(b"ping", {"type": "ping"}),
    ]
    pace = [0, 0, 0]
    if ans.tool_name is not None:
        delta = {"type": "input_json_delta", "partial_json": _SLOT}
    else:
        delta = {"type": "text_delta", "text": _SLOT}
    content = _framer(
        _sse_event(b"content_block_delta", {"type": "content_block_delta", "index": 0, "delta": delta})
    )
    for group in _groups(ans.pieces, chunks):
        events.append(content("".join(group)))
        pace.append(len(group))
    events += [
        _sse_event(b"content_block_stop", {"type": "content_block_stop", "index": 0}),
        _sse_event(
            b"message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": stop, "stop_sequence": None},
                "usage": {"output_tokens": out_tokens},
            },
        ),
        _sse_event(b"message_stop", {"type": "message_stop"}),
    ]
    pace += [0, 0, 0]
    return _Reply(ctype=b"text/event-stream", events=events, lead=3, pace=pace)


def build_count_tokens(data: dict[str, Any]) -> _Reply:
    """``POST /v1/messages/count_tokens`` (Anthropic)."""
    _model(data)
    return _json({"input_tokens": _answer_anthropic(dict(data, tools=None)).prompt_tokens})


_BUILDERS: dict[str, Callable[[dict[str, Any], int, int | None, int | None], _Reply]] = {
    "chat": build_chat,
    "messages": build_messages,
    "completions": build_completion,
    "embeddings": lambda data, rid, chunks, created: build_embeddings(data),
    "count_tokens": lambda data, rid, chunks, created: build_count_tokens(data),
}

# Reply templates: built once per distinct body with these marker numbers in place of the
# request number and the timestamp, then rendered per request with two bytes.replace calls.
_RID_MARK, _TIME_MARK = 8642097531864209753, 7531864209753186420
_RID_MARK_B, _TIME_MARK_B = b"%d" % _RID_MARK, b"%d" % _TIME_MARK
_TEMPLATES_MAX = 512
_TEMPLATE_BODY_MAX = 64 * 1024
# How many times each marker must occur in a template (more means the request text contained
# the digits too: then that body is simply not templated).
_MARKS = {"chat": (1, 1), "completions": (1, 1), "messages": (1, 0), "embeddings": (0, 0)}


def _is_template(body: bytes, kind: str) -> bool:
    want = _MARKS.get(kind)
    return want is not None and (body.count(_RID_MARK_B), body.count(_TIME_MARK_B)) == want


def _render(template: bytes, rid: int) -> bytes:
    return template.replace(_RID_MARK_B, b"%d" % rid).replace(_TIME_MARK_B, b"%d" % int(time.time()))


# --------------------------------------------------------------------------------------------
# Requests, controls, faults
# --------------------------------------------------------------------------------------------

_BUFFER, _HASH = 0, 1


class _Request:
    """One parsed request. Bodies of LLM/control endpoints are buffered (they are JSON); any other
    body is hashed on the fly and only its first ``RECORD_BODY_CAP`` bytes are kept. ``method``,
    ``path``, ``query``, ``http10``, ``keep_alive``, ``mode``, ``sha`` and ``hmap`` are set when
    the head is complete (``_Conn.on_headers_complete``) or by ``_Request.broken``."""

    __slots__ = (
        "method", "url", "path", "query", "headers", "hmap", "http10", "keep_alive", "mode", "parts",
        "body_len", "sha", "head_len", "too_large", "error", "ctl",
    )  # fmt: skip
    method: str
    path: str
    query: str
    hmap: dict[bytes, bytes]
    http10: bool
    keep_alive: bool
    mode: int
    sha: Any

    def __init__(self) -> None:
        self.url = b""
        self.headers: list[tuple[bytes, bytes]] = []
        self.parts: list[bytes] = []
        self.body_len = 0
        self.head_len = 0
        self.too_large = False
        self.error = 0  # != 0: answer this status and close (framing error)
        self.ctl = False  # carries x-mock-* headers

    @classmethod
    def broken(cls, status: int) -> _Request:
        """A stand-in for a request that could not be parsed: answered ``status``, then close."""
        req = cls()
        req.method, req.path, req.query, req.hmap = "", "", "", {}
        req.http10, req.keep_alive, req.mode, req.sha = False, False, _BUFFER, None
        req.error = status
        return req

    def body(self) -> bytes:
        """The buffered body (for hashed bodies: its first ``RECORD_BODY_CAP`` bytes)."""
        return self.parts[0] if len(self.parts) == 1 else b"".join(self.parts)


class _Controls:
    """The effective failure-injection knobs of one request (headers, then a queued fault)."""

    __slots__ = ("status", "fail", "latency_ms", "chunks", "tps", "bad")

    def __init__(self, latency_ms: float, tps: float) -> None:
        self.status = 0
        self.fail: str | None = None
        self.latency_ms = latency_ms
        self.chunks: int | None = None
        self.tps = tps
        self.bad: str | None = None  # a malformed control header: answer 400 naming it

    def apply(self, item: dict[str, Any]) -> None:
        if "status" in item:
            self.status = item["status"]
        if "fail" in item:
            self.fail = item["fail"]
        if "latency_ms" in item:
            self.latency_ms = float(item["latency_ms"])
        if "chunks" in item:
            self.chunks = item["chunks"]
        if "tokens_per_s" in item:
            self.tps = float(item["tokens_per_s"])


def _parse_controls(req: _Request, ctl: _Controls) -> None:
    for name, value in req.headers:
        if not name.startswith(b"x-mock-"):
            continue
        try:
            if name == b"x-mock-status":
                status = int(value)
                if not 400 <= status <= 599:
                    raise ValueError
                ctl.status = status
            elif name == b"x-mock-latency-ms":
                ctl.latency_ms = float(value)
                if not 0 <= ctl.latency_ms < 1e9:
                    raise ValueError
            elif name == b"x-mock-chunks":
                ctl.chunks = int(value)
                if ctl.chunks < 1:
                    raise ValueError
            elif name == b"x-mock-tokens-per-s":
                ctl.tps = float(value)
                if not 0 <= ctl.tps < 1e9:
                    raise ValueError
            elif name == b"x-mock-fail":
                mode = value.decode("latin-1").strip().lower()
                if mode not in FAIL_MODES:
                    raise ValueError
                ctl.fail = mode
        except ValueError:
            ctl.bad = f"invalid {name.decode('latin-1')} header: {value.decode('latin-1')!r}"
            return


def _validate_fault(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise ValueError("each fault must be an object")
    unknown = set(item) - _FAULT_KEYS
    if unknown:
        raise ValueError(f"unknown fault keys: {sorted(unknown)}")

    def num(key: str, lo: float, hi: float, integer: bool = False) -> None:
        v = item.get(key)
        if v is None:
            return
        if isinstance(v, bool) or not isinstance(v, int if integer else (int, float)) or not lo <= v <= hi:
            raise ValueError(f"fault '{key}' must be a number in [{lo}, {hi}]")

    num("status", 400, 599, True)
    num("latency_ms", 0, 1e9)
    num("tokens_per_s", 0, 1e9)
    num("chunks", 1, 1e9, True)
    num("times", 1, 1e9, True)
    if "fail" in item and item["fail"] not in FAIL_MODES:
        raise ValueError(f"fault 'fail' must be one of {list(FAIL_MODES)}")
    path = item.get("path")
    if path is not None and (not isinstance(path, str) or not path.startswith("/")):
        raise ValueError("fault 'path' must be an absolute path")
    if not set(item) - {"times", "path"}:
        raise ValueError("a fault needs at least one of status, fail, latency_ms, chunks, tokens_per_s")
    return dict(item)


def _headers_dict(raw_headers: list[tuple[bytes, bytes]]) -> dict[str, str]:
    """Lowercased name → value; repeated fields are joined with ", " (RFC 9110 §5.3)."""
    headers: dict[str, str] = {}
    for k, v in raw_headers:
        ks, vs = k.decode("latin-1"), v.decode("latin-1")
        headers[ks] = f"{headers[ks]}, {vs}" if ks in headers else vs
    return headers


def _decode_record(rec: tuple[str, bytes, list[tuple[bytes, bytes]], bytes, int]) -> dict[str, Any]:
    method, url, raw_headers, body, body_len = rec
    path, _, query = url.partition(b"?")
    headers = _headers_dict(raw_headers)
    try:
        text, enc = body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = base64.b64encode(body).decode(), "base64"
    return {
        "method": method,
        "path": path.decode("latin-1"),
        "query": query.decode("latin-1"),
        "headers": headers,
        "body": text,
        "body_encoding": enc,
        "body_len": body_len,
        "body_truncated": len(body) < body_len,
    }


def _split_url(url: bytes) -> tuple[str, str]:
    if url[:1] != b"/" and url[:4].lower() == b"http":  # absolute-form (RFC 9112 §3.2.2)
        parsed = httptools.parse_url(url)
        return (parsed.path or b"/").decode("latin-1"), (parsed.query or b"").decode("latin-1")
    path, _, query = url.partition(b"?")
    return path.decode("latin-1"), query.decode("latin-1")


# Route table: path → (method, kind). Kinds: openai / anthropic families are authenticated.
_ROUTES: dict[str, tuple[str, str]] = {
    "/v1/chat/completions": ("POST", "chat"),
    "/v1/completions": ("POST", "completions"),
    "/v1/embeddings": ("POST", "embeddings"),
    "/v1/models": ("GET", "models"),
    "/v1/messages": ("POST", "messages"),
    "/v1/messages/count_tokens": ("POST", "count_tokens"),
    "/__mock/bytes": ("GET", "bytes"),
}
_CONTROL_PREFIX = "/__mock/"


# --------------------------------------------------------------------------------------------
# The connection protocol
# --------------------------------------------------------------------------------------------


class _Conn(asyncio.Protocol):
    """One client connection: httptools parses; complete requests are answered strictly in order
    (pipelining). Fixed replies are written synchronously (and coalesced per read); anything that
    waits (latency, streams, faults) runs in one task at a time, holding back later requests."""

    def __init__(self, mock: MockUpstream) -> None:
        self.mock = mock
        self.loop = mock._loop
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpRequestParser(self)
        self.cur: _Request | None = None
        self.queue: deque[_Request] = deque()
        self.out: list[bytes] = []
        self.busy = False
        self.task: asyncio.Task[None] | None = None
        self.closed = False
        self.closing = False
        self.eof = False
        self.reading_paused = False
        self.write_paused = False
        self.drain_waiter: asyncio.Future[None] | None = None
        self.stream_active = False
        self.hanging = False

    # -- asyncio.Protocol --------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's TCPTransport is not an asyncio.Transport subclass, only duck-typed like one.
        self.transport = cast(asyncio.Transport, transport)
        self.mock._conns.add(self)

    def data_received(self, data: bytes) -> None:
        if self.closing or self.closed:
            return
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            # The upgrade request itself was queued by on_message_complete; we do not switch
            # protocols, so answer it normally and close (the bytes after it are not HTTP/1.1).
            if self.queue:
                self.queue[-1].keep_alive = False
            self._stop_reading()
        except httptools.HttpParserError:
            self.queue.append(
                _Request.broken(self.cur.error if self.cur is not None and self.cur.error else 400)
            )
            self.cur = None
            self._stop_reading()
        self._pump()

    def eof_received(self) -> bool | None:
        self.eof = True
        if self.stream_active:
            # The client left in the middle of a stream: stop producing at once (a gateway closing
            # its upstream socket is how "client disconnect cancels the upstream" looks from here).
            self.mock._streams_aborted += 1
            self.stream_active = False
            if self.task is not None:
                self.task.cancel()
            return False
        # Half-close: answer what was already asked, then close (see _pump). A hung request is
        # never answered, so there the connection ends now.
        return not self.hanging and bool(self.busy or self.queue)

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.mock._conns.discard(self)
        if self.stream_active:
            self.stream_active = False
            self.mock._streams_aborted += 1
        if self.task is not None:
            self.task.cancel()
        w = self.drain_waiter
        if w is not None and not w.done():
            w.set_exception(ConnectionResetError("connection lost"))
            w.exception()  # mark retrieved: the cancelled task may never await it

    def pause_writing(self) -> None:
        self.write_paused = True

    def resume_writing(self) -> None:
        self.write_paused = False
        w = self.drain_waiter
        if w is not None and not w.done():
            w.set_result(None)

    # -- httptools callbacks -----------------------------------------------------------------

    def on_message_begin(self) -> None:
        self.cur = _Request()

    def on_url(self, url: bytes) -> None:
        cur = self.cur
        assert cur is not None
        cur.url += url
        cur.head_len += len(url)
        if cur.head_len > HEAD_CAP:
            cur.error = 414
            raise ValueError("URI too long")

    def on_header(self, name: bytes, value: bytes) -> None:
        cur = self.cur
        assert cur is not None
        cur.head_len += len(name) + len(value)
        if cur.head_len > HEAD_CAP:
            cur.error = 431
            raise ValueError("headers too large")
        name = name.lower()
        if name.startswith(b"x-mock-"):
            cur.ctl = True
        cur.headers.append((name, value))

    def on_headers_complete(self) -> None:
        cur = self.cur
        assert cur is not None
        p = self.parser
        cur.method = p.get_method().decode("ascii", "replace")
        cur.http10 = p.get_http_version() == "1.0"
        cur.keep_alive = p.should_keep_alive()
        url = cur.url
        if url[:1] == b"/":
            path, _, query = url.partition(b"?")
            cur.path, cur.query = path.decode("latin-1"), query.decode("latin-1")
        else:
            cur.path, cur.query = _split_url(url)
        cur.hmap = hmap = dict(cur.headers)
        if cur.path in _ROUTES or cur.path.startswith(_CONTROL_PREFIX):
            cur.mode, cur.sha = _BUFFER, None
        else:
            cur.mode, cur.sha = _HASH, hashlib.sha256()
        exp = hmap.get(b"expect")
        # RFC 9110 §10.1.1: tell the client to send the body, unless we are still busy with
        # earlier pipelined requests (then it times out and sends anyway).
        if (
            exp is not None
            and exp.lower() == b"100-continue"
            and not cur.http10
            and not self.busy
            and not self.queue
            and self.transport is not None
        ):
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")

    def on_body(self, body: bytes) -> None:
        cur = self.cur
        assert cur is not None
        n = cur.body_len
        cur.body_len = n + len(body)
        if cur.mode == _HASH:
            cur.sha.update(body)
            if n < RECORD_BODY_CAP:
                cur.parts.append(body[: RECORD_BODY_CAP - n])
        elif cur.body_len > JSON_BODY_CAP:
            cur.too_large = True
            cur.parts.clear()
        else:
            cur.parts.append(body)

    def on_message_complete(self) -> None:
        cur = self.cur
        assert cur is not None
        self.cur = None
        if len(cur.parts) > 1:
            cur.parts = [b"".join(cur.parts)]
        self.queue.append(cur)
        if len(self.queue) > MAX_QUEUED and not self.reading_paused and self.transport is not None:
            self.reading_paused = True
            self.transport.pause_reading()

    # -- answering -----------------------------------------------------------------------------

    def _stop_reading(self) -> None:
        if self.transport is not None and not self.reading_paused:
            self.reading_paused = True
            with contextlib.suppress(RuntimeError):
                self.transport.pause_reading()

    def _flush(self) -> None:
        if self.out and self.transport is not None and not self.closed:
            self.transport.write(self.out[0] if len(self.out) == 1 else b"".join(self.out))
        self.out.clear()

    def _pump(self) -> None:
        """Answer queued requests in order until one needs a task (or none is left)."""
        while self.queue and not self.busy and not self.closing and not self.closed:
            req = self.queue.popleft()
            self._dispatch(req)
        self._flush()
        if self.closed:
            return
        if self.closing or (self.eof and not self.busy and not self.queue):
            self.closing = True
            if not self.busy and self.transport is not None:
                self.transport.close()
        elif self.reading_paused and not self.queue and not self.busy and self.transport is not None:
            self.reading_paused = False
            self.transport.resume_reading()

    def _write_reply(self, req: _Request, reply: _Reply) -> None:
        if not req.keep_alive:
            self.closing = True
        elif reply.wire is not None and not req.http10 and req.method != "HEAD":
            self.out.append(reply.wire)
            return
        body = b"" if req.method == "HEAD" else reply.body
        if (
            reply.status == 200
            and reply.ctype == b"application/json"
            and not reply.headers
            and req.keep_alive
            and not req.http10
        ):
            self.out.append(b"%s%d\r\n\r\n%s" % (_JSON_200, len(reply.body), body))
        else:
            self.out.append(
                _head(reply.status, reply.ctype, len(reply.body), reply.headers, req.keep_alive, req.http10)
                + body
            )

    def _dispatch(self, req: _Request) -> None:
        mock = self.mock
        if req.error:
            msg = {400: "malformed HTTP request", 414: "URI too long", 431: "request headers too large"}
            self._write_reply(req, _error(req.error, msg.get(req.error, "bad request")))
            return
        path = req.path
        if path.startswith(_CONTROL_PREFIX) and path != "/__mock/bytes":
            self._write_reply(req, mock._control(req))
            return
        # A data request: recorded and counted whatever happens next, so a test can assert what
        # the upstream received (and that it received nothing for requests a gateway refused).
        mock._n_requests += 1
        rid = mock._n_requests
        mock._records.append((req.method, req.url, req.headers, req.body()[:RECORD_BODY_CAP], req.body_len))
        reply: _Reply | None
        if not (req.ctl or mock._faults or mock.fail_rate or mock.latency_ms or mock.tokens_per_s):
            # The common case: no failure injection, no pacing, nothing to wait for.
            reply = mock._route(req, rid, None)
            if reply.events is None and reply.nbytes is None:
                self._write_reply(req, reply)
                return
            ctl = _Controls(0.0, 0.0)
        else:
            ctl = _Controls(mock.latency_ms, mock.tokens_per_s)
            if req.ctl:
                _parse_controls(req, ctl)
            injected = bool(ctl.status or ctl.fail)
            # The random draw happens for every data request, so the failure pattern depends only
            # on the seed and the request index, not on which other controls were used.
            random_fail = mock.fail_rate > 0 and mock._rng.random() < mock.fail_rate
            fault = mock._take_fault(path) if mock._faults else None
            if fault is not None:
                ctl.apply(fault)
                injected = True
            elif random_fail and not injected:
                ctl.status = mock.fail_status
                injected = True
            if injected:
                mock._faults_applied += 1
            anthropic = path.startswith("/v1/messages")
            if ctl.bad is not None:
                reply = _error(400, ctl.bad, anthropic=anthropic)
                ctl.fail, ctl.latency_ms = None, 0
            elif ctl.status:
                reply = _error(ctl.status, f"mock: injected status {ctl.status}", anthropic=anthropic)
            elif ctl.fail in ("reset", "hang"):
                reply = None
            else:
                reply = mock._route(req, rid, ctl.chunks)
            if (
                reply is not None
                and ctl.fail is None
                and ctl.latency_ms <= 0
                and reply.events is None
                and reply.nbytes is None
            ):
                self._write_reply(req, reply)
                return
        self._flush()
        self.busy = True
        self.task = self.loop.create_task(self._answer_later(req, reply, ctl))

    async def _drain(self) -> None:
        if self.write_paused and not self.closed:
            self.drain_waiter = self.loop.create_future()
            try:
                await self.drain_waiter
            finally:
                self.drain_waiter = None

    def _rst(self) -> None:
        """Abort with a TCP RST (SO_LINGER 0 discards the send buffer and resets the peer)."""
        assert self.transport is not None
        sock = self.transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.closing = True
        self.transport.abort()

    async def _rst_soon(self) -> None:
        """RST after what was written had time to reach the peer (an RST discards whatever is
        still unsent or unread, and the point is that the client sees the first chunk)."""
        await self._drain()
        await asyncio.sleep(0.05)
        self.stream_active = False  # our own doing, not the peer's
        if not self.closed:
            self._rst()

    async def _answer_later(self, req: _Request, reply: _Reply | None, ctl: _Controls) -> None:
        try:
            await self._answer(req, reply, ctl)
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            self.busy = False
            self.task = None
            self.hanging = False
            if self.stream_active:  # ended without completing (we stopped): not the peer's doing
                self.stream_active = False
            if not self.closed:
                self._pump()

    async def _answer(self, req: _Request, reply: _Reply | None, ctl: _Controls) -> None:
        mock, transport = self.mock, self.transport
        assert transport is not None
        if ctl.latency_ms > 0:
            await asyncio.sleep(ctl.latency_ms / 1000.0)
        if self.closed:
            return
        if ctl.fail == "reset":
            self._rst()
            return
        if ctl.fail == "hang":
            self.hanging = True
            await self.loop.create_future()  # until the client leaves or the mock stops
        assert reply is not None
        http10 = req.http10
        if ctl.fail == "truncate":
            body = reply.body if reply.events is None else b"".join(reply.events)
            if reply.nbytes is not None:
                body = (_BYTES_BLOCK * (reply.nbytes // BYTES_PIECE + 1))[: reply.nbytes]
            head = _head(reply.status, reply.ctype, len(body), reply.headers, False, http10)
            transport.write(head + body[: len(body) // 2])
            self.closing = True
            transport.close()
            return
        bad = ctl.fail == "bad-header"
        cut_early = ctl.fail == "reset-after-first-chunk"
        if cut_early and reply.events is None and reply.nbytes is None:
            # Not a stream: the "first chunk" is the head and half the body.
            transport.write(_head(reply.status, reply.ctype, len(reply.body), reply.headers, True, http10))
            transport.write(reply.body[: len(reply.body) // 2])
            await self._rst_soon()
            return
        if reply.events is None and reply.nbytes is None:
            body = b"" if req.method == "HEAD" else reply.body
            transport.write(
                _head(
                    reply.status,
                    reply.ctype,
                    len(reply.body),
                    reply.headers,
                    req.keep_alive,
                    http10,
                    bad_header=bad,
                )
                + body
            )
            if not req.keep_alive:
                self.closing = True
            return
        # A stream. HTTP/1.0 has no chunked coding, so there it is close-delimited.
        keep_alive = req.keep_alive and not http10
        frame = (lambda b: b) if http10 else _chunk
        last = b"" if http10 else b"0\r\n\r\n"
        mock._streams_started += 1
        self.stream_active = True
        head = _head(
            reply.status,
            reply.ctype,
            None,
            reply.headers,
            keep_alive,
            http10,
            sse=reply.events is not None,
            bad_header=bad,
        )
        if reply.nbytes is not None:
            transport.write(head)
            left, sent = reply.nbytes, 0
            while left > 0:
                n = min(left, BYTES_PIECE)
                transport.write(frame(_BYTES_BLOCK if n == BYTES_PIECE else _BYTES_BLOCK[:n]))
                left -= n
                sent += 1
                if cut_early:
                    await self._rst_soon()
                    return
                await self._drain()
                if sent % 16 == 0:
                    await asyncio.sleep(0)  # let other connections run on a fast reader
                if self.closed:
                    return
            transport.write(last)
        else:
            events, pace = reply.events, reply.pace
            assert events is not None and pace is not None
            cut = reply.lead if cut_early else -1
            if ctl.tps <= 0 and cut < 0:
                transport.write(head + b"".join(map(frame, events)) + last)
            else:
                transport.write(head)
                for i, ev in enumerate(events):
                    if ctl.tps > 0 and pace[i]:
                        await asyncio.sleep(pace[i] / ctl.tps)
                    if self.closed or not self.stream_active:
                        return
                    transport.write(frame(ev))
                    await self._drain()
                    if i == min(cut, len(events) - 1):
                        await self._rst_soon()
                        return
                transport.write(last)
        self.stream_active = False
        mock._streams_completed += 1
        if not keep_alive:
            self.closing = True


# --------------------------------------------------------------------------------------------
# The public object
# --------------------------------------------------------------------------------------------


class MockUpstream:
    """An in-process fake LLM upstream (OpenAI + Anthropic) on the running event loop.

    ``port=0`` picks an ephemeral port; ``url`` is valid after ``start()``. ``latency_ms`` delays
    the first byte of every data response, ``tokens_per_s`` paces streams (0 = as fast as
    possible), ``fail_rate`` answers that share of data requests with ``fail_status`` (draws from
    ``random.Random(seed)``). With ``require_auth`` (the default) the OpenAI endpoints need
    ``Authorization: Bearer <anything>`` and ``/v1/messages`` needs ``anthropic-version`` plus
    ``x-api-key`` (or a Bearer token, which anthropic SDK 2.x sends); else 401 in the matching
    error envelope. The generic echo and ``/__mock/`` never ask for credentials.

    Usable as ``async with MockUpstream() as mock: ...``.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        latency_ms: float = 0,
        tokens_per_s: float = 0,
        fail_rate: float = 0.0,
        fail_status: int = 500,
        seed: int = 0,
        require_auth: bool = True,
    ) -> None:
        if not 0.0 <= fail_rate <= 1.0:
            raise ValueError("fail_rate must be in [0, 1]")
        if not 400 <= fail_status <= 599:
            raise ValueError("fail_status must be an HTTP error status (400-599)")
        if latency_ms < 0 or tokens_per_s < 0:
            raise ValueError("latency_ms and tokens_per_s must be >= 0")
        self.host = host
        self.port = port
        self.latency_ms = float(latency_ms)
        self.tokens_per_s = float(tokens_per_s)
        self.fail_rate = float(fail_rate)
        self.fail_status = int(fail_status)
        self.seed = seed
        self.require_auth = require_auth
        self._rng = random.Random(seed)
        self._server: asyncio.AbstractServer | None = None
        self._loop: asyncio.AbstractEventLoop = None  # type: ignore[assignment]  # set by start()
        self._conns: set[_Conn] = set()
        self._faults: list[list[Any]] = []  # [remaining, item]
        self._records: deque[tuple[str, bytes, list[tuple[bytes, bytes]], bytes, int]] = deque(
            maxlen=RECORD_LIMIT
        )
        self._templates: dict[tuple[str, bytes], bytes] = {}  # (kind, body) -> reply template
        self._zero()

    def _zero(self) -> None:
        self._n_requests = 0
        self._streams_started = 0
        self._streams_completed = 0
        self._streams_aborted = 0
        self._faults_applied = 0

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind and start serving on the running loop."""
        if self._server is not None:
            raise RuntimeError("already started")
        self._loop = asyncio.get_running_loop()
        self._server = await self._loop.create_server(
            lambda: _Conn(self), self.host, self.port, reuse_address=True, backlog=1024
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Stop listening and drop every connection (in-flight streams are cut)."""
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        tasks = []
        for conn in list(self._conns):
            conn.stream_active = False  # our own shutdown is not the peer going away
            if conn.task is not None:
                tasks.append(conn.task)
                conn.task.cancel()
            if conn.transport is not None:
                conn.transport.abort()
        await asyncio.gather(*tasks, return_exceptions=True)
        await server.wait_closed()

    async def __aenter__(self) -> MockUpstream:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        """``http://host:port`` (valid after ``start()``)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    # -- inspection and control ----------------------------------------------------------------

    @property
    def stats(self) -> dict[str, int]:
        """Counters since start or the last ``reset()``. ``requests`` counts data requests (not
        ``/__mock/`` control calls); ``streams_*`` count SSE streams and ``/__mock/bytes``
        downloads, ``streams_aborted_by_peer`` those whose client left (FIN or RST) before the
        end; ``faults_applied`` counts requests altered by a queued fault, a random failure or an
        ``x-mock-status`` / ``x-mock-fail`` header; ``open_connections`` is live (over HTTP it
        includes the connection asking)."""
        return {
            "requests": self._n_requests,
            "open_connections": len(self._conns),
            "streams_started": self._streams_started,
            "streams_completed": self._streams_completed,
            "streams_aborted_by_peer": self._streams_aborted,
            "faults_applied": self._faults_applied,
        }

    @property
    def requests(self) -> list[dict[str, Any]]:
        """The last ``RECORD_LIMIT`` data requests, oldest first: ``{method, path, query,
        headers (lowercased names), body (UTF-8 text, else base64), body_encoding, body_len,
        body_truncated}``."""
        return [_decode_record(r) for r in self._records]

    def add_faults(self, faults: list[dict[str, Any]]) -> None:
        """Queue faults for the next data requests, one per request, in order. An item is
        ``{"status": S}``, ``{"fail": MODE}``, ``{"latency_ms": N}`` (or ``chunks`` /
        ``tokens_per_s``, combinable), optionally ``"times": N`` and ``"path": "/..."`` (then only
        a request on that path consumes it). Raises ``ValueError`` on a malformed item."""
        if not isinstance(faults, list):
            raise ValueError("faults must be a list")
        items = [_validate_fault(f) for f in faults]
        for item in items:
            self._faults.append([item.pop("times", 1), item])

    def reset(self) -> None:
        """Forget faults, records and counters; re-seed the failure RNG."""
        self._faults.clear()
        self._records.clear()
        self._rng = random.Random(self.seed)
        self._zero()

    def _take_fault(self, path: str) -> dict[str, Any] | None:
        for i, entry in enumerate(self._faults):
            want = entry[1].get("path")
            if want is None or want == path:
                entry[0] -= 1
                if entry[0] <= 0:
                    del self._faults[i]
                return {k: v for k, v in entry[1].items() if k != "path"}
        return None

    # -- routing -------------------------------------------------------------------------------

    def _control(self, req: _Request) -> _Reply:
        path, method = req.path, req.method
        if path == "/__mock/stats" and method == "GET":
            return _json(self.stats)
        if path == "/__mock/requests" and method == "GET":
            return _json(self.requests)
        if path == "/__mock/reset" and method == "POST":
            self.reset()
            return _json({"ok": True})
        if path == "/__mock/faults" and method == "GET":
            return _json({"faults": [dict(item, times=n) for n, item in self._faults]})
        if path == "/__mock/faults" and method == "POST":
            try:
                if req.too_large:
                    raise ValueError("body too large")
                data = orjson.loads(req.body())
                if not isinstance(data, dict):
                    raise ValueError('expected {"faults": [...]}')
                faults = data.get("faults")
                if not isinstance(faults, list):
                    raise ValueError('expected {"faults": [...]}')
                self.add_faults(faults)
            except (ValueError, orjson.JSONDecodeError) as e:
                return _error(400, f"invalid faults: {e}", param="faults")
            return _json({"queued": sum(n for n, _ in self._faults)})
        if path in ("/__mock/stats", "/__mock/requests", "/__mock/reset", "/__mock/faults"):
            return _error(405, f"method {method} not allowed on {path}")
        return _error(404, f"unknown control endpoint {path}")

    def _auth_error(self, req: _Request, anthropic: bool) -> _Reply | None:
        if not self.require_auth:
            return None
        hmap = req.hmap
        auth = hmap.get(b"authorization")
        bearer = auth is not None and auth[:7].lower() == b"bearer " and bool(auth[7:].strip())
        if anthropic:
            # Anthropic takes ``x-api-key``; anthropic SDK 2.x sends the key as a Bearer token
            # instead, which the API accepts too. ``anthropic-version`` is always required.
            if not hmap.get(b"x-api-key") and not bearer:
                return _error(401, "x-api-key header is required", anthropic=True)
            if not hmap.get(b"anthropic-version"):
                return _error(401, "anthropic-version header is required", anthropic=True)
            return None
        if not bearer:
            return _error(
                401,
                "You didn't provide an API key. You need to provide your API key in an Authorization "
                "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            )
        return None

    def _route(self, req: _Request, rid: int, chunks: int | None) -> _Reply:
        path, method = req.path, req.method
        route = _ROUTES.get(path)
        if route is None and path.startswith("/v1/models/"):
            route = ("GET", "model")
        if route is None:
            return _json(
                {
                    "method": method,
                    "path": path,
                    "query": req.query,
                    "headers": _headers_dict(req.headers),
                    "body_len": req.body_len,
                    "body_sha256": (req.sha or hashlib.sha256()).hexdigest(),
                }
            )
        want, kind = route
        anthropic = kind in ("messages", "count_tokens")
        if kind != "bytes":
            denied = self._auth_error(req, anthropic)
            if denied is not None:
                return denied
        if method != want and not (want == "GET" and method == "HEAD"):
            reply = _error(405, f"method {method} not allowed on {path}", anthropic=anthropic)
            reply.headers = [("allow", want)]
            return reply
        if kind == "models":
            return _MODELS_REPLY
        if kind == "model":
            return _json(_model_obj(path[len("/v1/models/") :]))
        if kind == "bytes":
            try:
                n = int(dict(p.split("=", 1) for p in req.query.split("&") if "=" in p).get("n", "0"))
                if n < 0:
                    raise ValueError
            except ValueError:
                return _error(400, "n must be a non-negative integer", param="n")
            return _Reply(ctype=b"application/octet-stream", nbytes=n)
        if req.too_large:
            return _error(413, "request body too large", anthropic=anthropic)
        body = req.body()
        # Replies to identical non-stream bodies differ only in id and timestamp: keep them as
        # templates (benchmarks repeat a few bodies; this skips parsing and building).
        key = (kind, body) if chunks is None and len(body) <= _TEMPLATE_BODY_MAX else None
        if key is not None:
            template = self._templates.get(key)
            if template is not None:
                return _Reply(body=_render(template, rid))
        try:
            data = orjson.loads(body)
        except orjson.JSONDecodeError as e:
            return _error(400, f"invalid JSON body: {e}", anthropic=anthropic)
        if not isinstance(data, dict):
            return _error(400, "the request body must be a JSON object", anthropic=anthropic)
        try:
            if key is not None and kind != "count_tokens" and data.get("stream") is not True:
                reply = _BUILDERS[kind](data, _RID_MARK, None, _TIME_MARK)
                if reply.status == 200 and reply.events is None and _is_template(reply.body, kind):
                    if len(self._templates) >= _TEMPLATES_MAX:
                        del self._templates[next(iter(self._templates))]
                    self._templates[key] = reply.body
                    reply.body = _render(reply.body, rid)
                    return reply
            return _BUILDERS[kind](data, rid, chunks, None)
        except _BadRequest as e:
            return _error(400, str(e), anthropic=anthropic, param=e.param)
        except (TypeError, ValueError, AttributeError, KeyError, IndexError) as e:
            return _error(400, f"invalid request: {e}", anthropic=anthropic)


# --------------------------------------------------------------------------------------------
# CLI glue
# --------------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``fastgate mock-upstream`` options to ``parser``."""
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to bind; 0 = ephemeral (default 8000)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="time to first byte of every response")
    parser.add_argument(
        "--tokens-per-s", type=float, default=0.0, help="stream pacing; 0 = as fast as possible"
    )
    parser.add_argument(
        "--fail-rate", type=float, default=0.0, help="share of requests failed at random (0..1)"
    )
    parser.add_argument(
        "--fail-status", type=int, default=500, help="status of random failures (default 500)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the random failures")
    parser.add_argument("--no-auth", action="store_true", help="accept requests without credentials")


def run(args: argparse.Namespace) -> int:
    """Serve on uvloop until SIGINT/SIGTERM. Returns the process exit code."""
    try:
        mock = MockUpstream(
            args.host,
            args.port,
            latency_ms=args.latency_ms,
            tokens_per_s=args.tokens_per_s,
            fail_rate=args.fail_rate,
            fail_status=args.fail_status,
            seed=args.seed,
            require_auth=not args.no_auth,
        )
    except ValueError as e:
        print(f"fastgate mock-upstream: {e}", file=sys.stderr)
        return 2

    async def serve() -> int:
        try:
            await mock.start()
        except OSError as e:
            print(f"fastgate mock-upstream: cannot listen on {args.host}:{args.port}: {e}", file=sys.stderr)
            return 1
        print(f"fastgate mock-upstream listening on {mock.url}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        await mock.stop()
        return 0

    factory: Callable[[], asyncio.AbstractEventLoop]
    try:
        import uvloop

        factory = uvloop.new_event_loop
    except ImportError:  # uvloop is a dependency; this only keeps odd platforms working
        factory = asyncio.new_event_loop
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(serve())


def main(argv: list[str] | None = None) -> int:
    """``python -m fastgate.mock_upstream``."""
    parser = argparse.ArgumentParser(prog="fastgate mock-upstream", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
