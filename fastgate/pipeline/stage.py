"""Stages: objects with a uniform hook interface, ordered once (Kong ``PRIORITY``, Envoy ``filter.h``).

Hooks a stage MAY define (a stage that does not define one is never called for it):

``on_request(ctx) -> Reply | None | Awaitable[Reply | None]``
    Request phase, in descending ``priority``. ``None`` goes on; a :class:`Reply` stops the request
    phase and is sent (log hooks still run). Synchronous stages return plain values so the common
    path costs no coroutine; a stage that must wait returns an awaitable.
``on_response_headers(ctx, status, headers) -> None``
    Before the response head is sent; ``headers`` is a mutable list of ``(name, value)`` str pairs.
    Runs in reverse priority order.
``on_chunk(ctx, data, last) -> bytes``
    Response body transform. For SSE responses ``data`` holds whole events (never a torn one);
    for complete bodies it is called once with ``last=True``. Reverse priority order.
``on_end(ctx) -> None | Awaitable[None]``
    After the upstream exchange ends, however it ended (settle tokens, release slots). Reverse order.
``on_log(ctx, record) -> None``
    Always, after the reply was sent or the client went away: add fields to the access-log record.

Denials are values, bugs are exceptions (Envoy ``sendLocalReply``): an exception escaping a hook
becomes a generic 500 logged with the stage's ``name``; ``CancelledError`` always propagates.
"""

from __future__ import annotations

from typing import Any


class Reply:
    """A locally generated response that stops the request phase.

    Either an error (``message``/``type``/``code``/``param``, rendered in the envelope of the
    front the request came through: OpenAI, Anthropic, or plain JSON for generic routes) or a
    ready body (``body`` bytes + ``content_type``).
    """

    __slots__ = ("status", "message", "type", "code", "param", "headers", "body", "content_type", "reason")

    def __init__(
        self,
        status: int,
        message: str = "",
        *,
        type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        headers: list[tuple[str, str]] | None = None,
        body: bytes | None = None,
        content_type: str = "application/json",
        reason: str | None = None,
    ) -> None:
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.headers = headers
        self.body = body
        self.content_type = content_type
        # Why we denied: goes to the access log and metrics, never to the caller.
        self.reason = reason

    def __repr__(self) -> str:
        return f"Reply({self.status}, {self.code or self.message!r})"


class Stage:
    """Base class of every stage. Subclasses override only the hooks they need."""

    #: stable identifier used in config, logs and metrics
    name = "stage"
    #: higher runs earlier in the request phase (and later in the response phase)
    priority = 0

    def on_request(self, ctx: Any) -> Any:  # pragma: no cover - documented interface
        return None

    def on_response_headers(self, ctx: Any, status: int, headers: list[tuple[str, str]]) -> None:  # pragma: no cover
        return None

    def on_chunk(self, ctx: Any, data: bytes, last: bool) -> bytes:  # pragma: no cover
        return data

    def on_end(self, ctx: Any) -> Any:  # pragma: no cover
        return None

    def on_log(self, ctx: Any, record: dict) -> None:  # pragma: no cover
        return None

    def __repr__(self) -> str:
        return f"<stage {self.name} p={self.priority}>"


HOOKS = ("on_request", "on_response_headers", "on_chunk", "on_end", "on_log")


def defines(stage: Stage, hook: str) -> bool:
    """True when ``stage``'s class overrides ``hook`` (so the chain must call it)."""
    return getattr(type(stage), hook) is not getattr(Stage, hook)
