"""Core stages: body limits and LLM request parsing/model resolution."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from orjson import JSONDecodeError
from orjson import loads as _loads

from ..errors import BodyTimeout, BodyTooLarge
from ..pipeline.stage import Reply, Stage


class BodyLimit(Stage):
    """413 before reading anything when the declared length is over ``max_body_bytes`` (HTTP-14).

    Chunked bodies are bounded where they are read (LLM bodies by :class:`LLMRequest`, streamed
    generic bodies by the proxy's counting reader), so a body is never read past the limit.
    """

    name = "body_limit"
    priority = 10_000

    def __init__(self, max_body: int) -> None:
        self.max_body = max_body

    def on_request(self, ctx: Any) -> Reply | None:
        cl = ctx.request.content_length
        if cl is not None and cl > self.max_body:
            return Reply(413, f"Request body of {cl} bytes is over the limit of {self.max_body} bytes",
                         code="request_too_large", reason="body_too_large")
        return None


async def read_body(request: Any, limit: int, timeout: float = 60.0) -> bytes:
    """The whole request body, at most ``limit`` bytes (BodyTooLarge past it), within ``timeout``
    seconds (BodyTimeout: a slow-body client must not hold a worker slot forever, HTTP-12)."""
    content = request.content
    if content.is_eof():
        # Common case: the body arrived with the head; no waiting, no timer.
        data = content.read_nowait(-1)
        if len(data) > limit:
            raise BodyTooLarge(f"Request body is over the limit of {limit} bytes")
        return data
    parts: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(timeout):
            while True:
                chunk = await content.readany()
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise BodyTooLarge(f"Request body is over the limit of {limit} bytes")
                parts.append(chunk)
    except TimeoutError:
        raise BodyTimeout(f"Request body not received within {timeout:g} s")
    return b"".join(parts)


class LLMRequest(Stage):
    """Read and parse the JSON body of an LLM call, resolve ``model`` through ``models:``."""

    name = "llm_request"
    priority = 5_000  # after authentication (which does not need the body), before authorization

    def __init__(self, world: Any, kind: str) -> None:
        self.world = world
        self.kind = kind

    async def _read(self, ctx: Any) -> Reply | None:
        ctx.body = await read_body(ctx.request, self.world.max_body, self.world.body_timeout)
        return self._parse(ctx)

    def on_request(self, ctx: Any) -> Any:
        content = ctx.request.content
        if not content.is_eof():
            return self._read(ctx)
        body = content.read_nowait(-1)
        n = len(body)
        world = self.world
        if n > world.max_body:
            raise BodyTooLarge(f"Request body is over the limit of {world.max_body} bytes")
        # _parse inlined for a valid request whose body came with the head (one Python call
        # fewer); anything else goes to _parse, which parses again on its way to the 4xx.
        ctx.body = body
        ctx.bytes_in = n
        if n:
            try:
                obj = _loads(body)
            except JSONDecodeError as e:
                return Reply(400, f"Request body is not valid JSON: {e}", code="invalid_json", reason="invalid_json")
            if type(obj) is dict:
                model = obj.get("model")
                if type(model) is str and model:
                    ctx.body_obj = obj
                    ctx.model_name = model
                    rt = world.models.get(model)
                    if rt is not None:
                        ctx.model = rt
                        stream = obj.get("stream", False)
                        if stream is False or stream is True or stream is None:
                            ctx.stream = stream is True
                            return None
        return self._parse(ctx)

    def _parse(self, ctx: Any) -> Reply | None:
        body = ctx.body
        ctx.bytes_in = len(body)
        if not body:
            return Reply(400, "Request body is empty; a JSON object is required", code="invalid_json", reason="empty_body")
        try:
            obj = orjson.loads(body)
        except orjson.JSONDecodeError as e:
            return Reply(400, f"Request body is not valid JSON: {e}", code="invalid_json", reason="invalid_json")
        if type(obj) is not dict:
            return Reply(400, "Request body must be a JSON object", code="invalid_json", reason="not_object")
        ctx.body_obj = obj
        model = obj.get("model")
        if type(model) is not str or not model:
            return Reply(400, "'model' is required and must be a string", param="model", code="missing_model",
                         reason="missing_model")
        ctx.model_name = model
        rt = self.world.models.get(model)
        if rt is None:
            return Reply(404, f"The model '{model}' does not exist", type="invalid_request_error", param="model",
                         code="model_not_found", reason="unknown_model")
        ctx.model = rt
        stream = obj.get("stream", False)
        if stream is not False and stream is not True and stream is not None:
            return Reply(400, "'stream' must be a boolean", param="stream", code="invalid_type", reason="bad_stream")
        ctx.stream = stream is True
        return None
