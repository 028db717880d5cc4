"""Provider adapters: what the handler calls when the caller's API differs from the provider's.

A :class:`Translation` is chosen once per (front format, provider type) pair and shared by every
request: :func:`translation_for` returns ``None`` when the two match, so the pass-through path
pays nothing. The handler picks it per attempt, since a fallback model may live on a provider of
the other type. The format work itself is in :mod:`fastgate.providers.translate`.
"""

from __future__ import annotations

from typing import Any, Protocol

import orjson

from ..errors import ClientError
from . import translate as t

__all__ = ["StreamTranslator", "Translation", "translation_for"]


class StreamTranslator(Protocol):
    """Turns whole upstream SSE events into the caller's SSE events."""

    def feed(self, data: bytes) -> bytes: ...

    def finish(self) -> bytes: ...


class Translation:
    """One direction of translation; stateless (per-request state lives in the stream translator)."""

    __slots__ = ("front", "provider", "name")
    #: upstream path (below the provider's ``base_url``) per endpoint kind this direction serves
    paths: dict[str, bytes] = {}

    def __init__(self, front: str, provider: str) -> None:
        self.front = front
        self.provider = provider
        self.name = f"{front}->{provider}"

    def upstream_path(self, kind: str) -> bytes:
        """Where ``kind`` lives below the provider's ``base_url``; 400 if it has no counterpart."""
        path = self.paths.get(kind)
        if path is None:
            raise ClientError(f"'{kind}' requests cannot be served by a model on an {self.provider} provider",
                              param="model", code="unsupported_endpoint")
        return path

    def request(self, obj: dict[str, Any], upstream_model: str, default_max_tokens: int | None) -> bytes:
        """The upstream request body for the parsed client body ``obj`` (not modified)."""
        raise NotImplementedError

    def response(self, status: int, body: bytes, model: str) -> bytes:
        """A whole upstream response body (success or error) in the caller's format."""
        raise NotImplementedError

    def response_headers(self, headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Upstream response headers for a translated body (it is JSON whatever the upstream sent)."""
        out = [(k, v) for k, v in headers if k.lower() != "content-type"]
        out.append(("content-type", "application/json"))
        return out

    def stream(self, model: str, request_obj: dict[str, Any]) -> StreamTranslator:
        """A fresh stream translator for one response; ``model`` is the client's model name."""
        raise NotImplementedError


class OpenAIFrontToAnthropic(Translation):
    """``/v1/chat/completions`` → a model on an ``anthropic`` provider."""

    paths = {"chat": b"/v1/messages"}  # Anthropic's base_url is the API root (https://api.anthropic.com)

    def request(self, obj: dict[str, Any], upstream_model: str, default_max_tokens: int | None) -> bytes:
        return orjson.dumps(t.openai_to_anthropic_request(obj, upstream_model, default_max_tokens))

    def response(self, status: int, body: bytes, model: str) -> bytes:
        if status >= 400:
            return t.anthropic_error_to_openai(status, body)
        return orjson.dumps(t.anthropic_to_openai_response(t.load_object(body, "response"), model))

    def stream(self, model: str, request_obj: dict[str, Any]) -> StreamTranslator:
        so = request_obj.get("stream_options")
        # The usage stage asks for usage on the client's behalf and drops the chunk if the client
        # did not: whatever the body says now is what the client (or the stage) expects.
        include = isinstance(so, dict) and so.get("include_usage") is True
        return t.AnthropicToOpenAIStream(model, include)


class AnthropicFrontToOpenAI(Translation):
    """``/v1/messages`` → a model on an ``openai`` provider."""

    paths = {"messages": b"/chat/completions"}  # OpenAI's base_url ends in /v1

    def request(self, obj: dict[str, Any], upstream_model: str, default_max_tokens: int | None) -> bytes:
        return orjson.dumps(t.anthropic_to_openai_request(obj, upstream_model))

    def response(self, status: int, body: bytes, model: str) -> bytes:
        if status >= 400:
            return t.openai_error_to_anthropic(status, body)
        return orjson.dumps(t.openai_to_anthropic_response(t.load_object(body, "response"), model))

    def stream(self, model: str, request_obj: dict[str, Any]) -> StreamTranslator:
        return t.OpenAIToAnthropicStream(model)


_TRANSLATIONS: dict[tuple[str, str], Translation] = {
    ("openai", "anthropic"): OpenAIFrontToAnthropic("openai", "anthropic"),
    ("anthropic", "openai"): AnthropicFrontToOpenAI("anthropic", "openai"),
}


def translation_for(front: str, provider_type: str) -> Translation | None:
    """The translation between a front format and a provider type; ``None`` when they match."""
    if front == provider_type:
        return None
    tr = _TRANSLATIONS.get((front, provider_type))
    if tr is None:
        raise ClientError(f"no translation from the {front} API to an {provider_type} provider",
                          param="model", code="unsupported_endpoint")
    return tr
