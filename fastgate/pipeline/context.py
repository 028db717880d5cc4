"""Per-request state. ``__slots__`` keeps attribute access cheap and the object small."""

from __future__ import annotations

from typing import Any


class RequestContext:
    """Everything stages know about one request. Created once per request by the handler."""

    __slots__ = (
        "request", "world", "route", "front", "method", "path", "query", "request_id", "client_ip",
        "t0", "t_upstream", "upstream_s", "ttfb_s",
        "body", "body_obj", "body_dirty", "stream",
        "identity", "policy", "model", "model_name", "provider", "target", "attempts",
        "status", "bytes_in", "bytes_out", "reason", "error_stage", "reply_headers",
        "prompt_tokens", "completion_tokens", "cost_usd", "tokens_source",
        "est_prompt_tokens", "est_output_tokens", "stream_state",
        "extra", "cleanup",
    )

    def __init__(self, request: Any, world: Any, t0: float) -> None:
        self.request = request
        self.world = world
        self.route: Any = None
        self.front = "openai"  # openai | anthropic | route: decides the error envelope
        self.method = ""
        self.path = ""
        self.query = ""
        self.request_id = ""
        self.client_ip = ""
        self.t0 = t0
        self.t_upstream = 0.0
        self.upstream_s = 0.0
        self.ttfb_s = 0.0
        self.body: bytes | None = None
        self.body_obj: Any = None
        self.body_dirty = False
        self.stream = False
        self.identity: Any = None
        self.policy: Any = None
        self.model: Any = None
        self.model_name: str | None = None
        self.provider: str | None = None
        self.target: str | None = None
        self.attempts = 0
        self.status = 0
        self.bytes_in = 0
        self.bytes_out = 0
        self.reason: str | None = None
        self.error_stage: str | None = None
        # extra response headers stages want sent (rate-limit, deprecation, ...)
        self.reply_headers: list[tuple[str, str]] | None = None
        self.prompt_tokens: int | None = None
        self.completion_tokens: int | None = None
        self.cost_usd: float | None = None
        self.tokens_source: str | None = None
        # estimates made before the upstream call (what the limiter reserves)
        self.est_prompt_tokens = 0
        self.est_output_tokens = 0
        # usage tap state of the response (stages/usage.py)
        self.stream_state: Any = None
        # free-form per-stage fields that end up in the access log
        self.extra: dict[str, Any] | None = None
        # callables run once when the request is over (release slots, close streams)
        self.cleanup: list[Any] | None = None

    def add_header(self, name: str, value: str) -> None:
        if self.reply_headers is None:
            self.reply_headers = [(name, value)]
        else:
            self.reply_headers.append((name, value))

    def set_extra(self, key: str, value: Any) -> None:
        if self.extra is None:
            self.extra = {key: value}
        else:
            self.extra[key] = value
