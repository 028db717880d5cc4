"""Rendering local replies in the caller's envelope (SPEC §3)."""

from __future__ import annotations

import orjson

from ..pipeline.stage import Reply

# HTTP status → Anthropic error type (https://docs.anthropic.com/en/api/errors; 529 = overloaded).
ANTHROPIC_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    408: "timeout_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    502: "api_error",
    503: "overloaded_error",
    504: "timeout_error",
    529: "overloaded_error",
}


def render_error(front: str, reply: Reply) -> bytes:
    if front == "anthropic":
        etype = ANTHROPIC_ERROR_TYPES.get(reply.status, "api_error" if reply.status >= 500 else "invalid_request_error")
        return orjson.dumps({"type": "error", "error": {"type": etype, "message": reply.message}})
    return orjson.dumps(
        {"error": {"message": reply.message, "type": reply.type, "code": reply.code, "param": reply.param}}
    )


def sse_error_event(front: str, status: int, message: str, code: str) -> bytes:
    """The event that ends a stream the upstream broke after bytes reached the client."""
    if front == "anthropic":
        etype = ANTHROPIC_ERROR_TYPES.get(status, "api_error")
        return b"event: error\ndata: " + orjson.dumps({"type": "error", "error": {"type": etype, "message": message}}) + b"\n\n"
    return b"data: " + orjson.dumps({"error": {"message": message, "type": "api_error", "code": code, "param": None}}) + b"\n\n"
