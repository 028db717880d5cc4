"""Prompt templates as REST endpoints: the ``template`` stage (priority 5000, where ``llm_request`` sits).

``POST {templates.<name>.path}`` with a JSON object of variables. The stage checks them against the
declared ``variables`` (unknown → 400, missing required → 400, over ``max_length`` → 400, only
strings or numbers), renders the template's messages into an OpenAI chat request in
``ctx.body_obj``/``ctx.body`` and sets ``ctx.model``; from there the request is an ordinary chat
call through the same chain (authorization, usage, limits, PII) and the same proxy path
(retries, fallbacks, translation to Anthropic).

Injection: a value is inserted as plain text into the ``content`` string of a message the template
already has. Messages are built as Python objects and serialised afterwards, so a value such as
``"}], "role": "system"`` is just characters inside one content string: a variable can never add
a message, change a role or fill another placeholder (substitution is a single pass over the
template text, never over inserted values).

The answer: non-streaming → ``{"output": <assistant text>, "usage": {...}, "model": ...}``; with
``?stream=true`` the OpenAI ``chat.completion.chunk`` SSE stream as is. Errors keep the OpenAI
error envelope.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs

import orjson

from ..errors import BodyTooLarge
from ..pipeline.stage import Reply, Stage
from .core import read_body

__all__ = ["TemplateStage", "render_messages"]

# The same grammar as config.schema.template_placeholders: {{name}} with optional inner spaces.
_PLACEHOLDER_RE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def _bad(message: str, param: str, code: str = "invalid_variable") -> Reply:
    return Reply(400, message, param=param, code=code, reason=code)


def render_messages(tpl: Any, variables: Any) -> list[dict[str, str]] | Reply:
    """Check ``variables`` against ``tpl.variables`` and render ``tpl.messages``.

    Returns the OpenAI ``messages`` list, or a 400 :class:`Reply` naming the offending variable.
    """
    if type(variables) is not dict:
        return _bad("The request body must be a JSON object of template variables", "body", "invalid_json")
    declared = tpl.variables or {}
    values: dict[str, str] = {}
    for name, v in variables.items():
        var = declared.get(name)
        if var is None:
            return _bad(f"Unknown template variable '{name}'", name, "unknown_variable")
        # bool is an int subclass: true/false are not numbers here.
        if type(v) is str:
            s = v
        elif type(v) in (int, float):
            s = orjson.dumps(v).decode()  # finite only: orjson writes null for nan/inf, refused below
            if s == "null":
                return _bad(f"Template variable '{name}' must be a finite number or a string", name)
        else:
            return _bad(f"Template variable '{name}' must be a string or a number", name)
        if var.max_length is not None and len(s) > var.max_length:
            return _bad(f"Template variable '{name}' is longer than {var.max_length} characters", name,
                        "variable_too_long")
        values[name] = s
    for name, var in declared.items():
        if name not in values:
            if var.default is not None:
                values[name] = var.default
            elif var.required:
                return _bad(f"Template variable '{name}' is required", name, "missing_variable")
            else:
                values[name] = ""

    def sub(m: re.Match[str]) -> str:
        return values.get(m.group(1), "")

    return [{"role": msg.role, "content": _PLACEHOLDER_RE.sub(sub, msg.content)} for msg in tpl.messages]


class TemplateStage(Stage):
    """Render a template request into a chat request (see the module docstring)."""

    name = "template"
    priority = 5_000  # before authorization (4000: it checks the model) and usage (3500: it estimates)

    def __init__(self, world: Any, tpl_name: str, tpl: Any) -> None:
        self.world = world
        self.tpl_name = tpl_name
        self.tpl = tpl

    def on_request(self, ctx: Any) -> Any:
        content = ctx.request.content
        if content.is_eof():
            data = content.read_nowait(-1)
            if len(data) > self.world.max_body:
                raise BodyTooLarge(f"Request body is over the limit of {self.world.max_body} bytes")
            return self._render(ctx, data)
        return self._read(ctx)

    async def _read(self, ctx: Any) -> Reply | None:
        data = await read_body(ctx.request, self.world.max_body, self.world.body_timeout)
        return self._render(ctx, data)

    def _render(self, ctx: Any, data: bytes) -> Reply | None:
        ctx.bytes_in = len(data)
        try:
            variables = orjson.loads(data) if data.strip() else {}
        except orjson.JSONDecodeError as e:
            return Reply(400, f"Request body is not valid JSON: {e}", code="invalid_json", reason="invalid_json")
        msgs = render_messages(self.tpl, variables)
        if isinstance(msgs, Reply):
            return msgs
        stream = False
        if ctx.query:
            q = parse_qs(ctx.query)
            v = (q.get("stream") or [""])[-1].lower()
            if v not in ("", "true", "false", "1", "0"):
                return Reply(400, "'stream' must be true or false", param="stream", code="invalid_type",
                             reason="bad_stream")
            stream = v in ("true", "1")
        model_name = self.tpl.model
        rt = self.world.models.get(model_name)
        if rt is None:  # the loader refuses this; a reload race must not become a 500
            return Reply(404, f"The model '{model_name}' does not exist", param="model", code="model_not_found",
                         reason="unknown_model")
        obj: dict[str, Any] = {"model": model_name, "messages": msgs}
        if stream:
            obj["stream"] = True
        ctx.body_obj = obj
        ctx.body = orjson.dumps(obj)
        ctx.body_dirty = False
        ctx.model_name = model_name
        ctx.model = rt
        ctx.stream = stream
        ctx.set_extra("template", self.tpl_name)
        return None

    def on_chunk(self, ctx: Any, data: bytes, last: bool) -> bytes:
        # Runs last among the chunk hooks (highest priority): usage and PII saw the chat answer.
        if ctx.stream or not last or ctx.status != 200:
            return data
        try:
            obj = orjson.loads(data)
        except orjson.JSONDecodeError:
            return data
        if not isinstance(obj, dict):
            return data
        output: Any = None
        choices = obj.get("choices")
        if isinstance(choices, list) and choices and isinstance(choices[0], dict):
            msg = choices[0].get("message")
            if isinstance(msg, dict):
                output = msg.get("content")
        return orjson.dumps({"output": output, "usage": obj.get("usage"), "model": obj.get("model")})
