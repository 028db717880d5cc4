"""The fastgate exception tree (asyncpg ``exceptions/_base.py``, aiohttp ``http_exceptions.py``).

Denials are values (``pipeline.stage.Reply``); these are for conditions that unwind the stack.
Each client-facing class carries the HTTP ``status``, the OpenAI error ``type`` and a ``code``.
"""

from __future__ import annotations


class FastgateError(Exception):
    """Root of every fastgate exception."""

    status = 500
    type = "api_error"
    code = "internal_error"


class ConfigError(FastgateError, ValueError):
    """A configuration is invalid. ``errors`` holds one ``"path: message"`` per problem."""

    def __init__(self, errors: list[str] | str):
        if isinstance(errors, str):
            errors = [errors]
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


class ClientError(FastgateError):
    """The request is wrong; answered 4xx."""

    status = 400
    type = "invalid_request_error"
    code = "invalid_request"

    def __init__(self, message: str, *, param: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.param = param
        if code is not None:
            self.code = code


class BodyTooLarge(ClientError):
    status = 413
    code = "request_too_large"


class BodyTimeout(ClientError):
    """The client sent its body too slowly (HTTP-12): 408, nothing forwarded."""

    status = 408
    code = "request_timeout"


class AuthError(FastgateError):
    """Authentication failed. ``reason`` goes to logs and metrics, never to the caller."""

    status = 401
    type = "authentication_error"
    code = "invalid_api_key"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class UpstreamError(FastgateError):
    """The upstream failed (connect, reset, bad framing, 5xx after retries)."""

    status = 502
    type = "api_error"
    code = "upstream_error"

    def __init__(self, message: str, *, retryable: bool = True, sent: bool = False):
        super().__init__(message)
        self.retryable = retryable
        # True once any byte of the request reached the upstream socket.
        self.sent = sent


class UpstreamConnectError(UpstreamError):
    """Could not connect; nothing was sent, always safe to retry."""


class UpstreamTimeout(UpstreamError, TimeoutError):
    status = 504
    code = "upstream_timeout"


class NoHealthyUpstream(UpstreamError):
    status = 503
    code = "no_healthy_upstream"
