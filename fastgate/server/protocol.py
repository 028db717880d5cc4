"""Connection-level protection around aiohttp's low-level server.

* ``server.max_connections``: past it, a new connection gets ``503`` + ``Retry-After`` and is
  closed at once (Envoy's ``connection_limit``) instead of queueing work the worker can't do.
* ``server.header_timeout_s``: a connection that has not completed its first request head within
  this time is closed (slowloris, HTTP-11; HAProxy ``timeout http-request``). Idle keep-alive
  connections are governed by ``keepalive_timeout_s``.
* ``server.tls``: TLS termination with the certificate chain and key from config.
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

from aiohttp import web_protocol, web_server

_OVERLOADED = (b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\n"
               b"Content-Type: application/json\r\nContent-Length: 104\r\n\r\n"
               b'{"error": {"message": "Too many connections", "type": "api_error", '
               b'"code": "overloaded", "param": null}}  ')


class GuardedHandler(web_protocol.RequestHandler):
    """aiohttp's RequestHandler with a connection cap and a first-request-head deadline."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        mgr: Any = self._manager
        if mgr is None:
            return
        if len(mgr._connections) > mgr.fg_max_connections:
            mgr.fg_rejected += 1
            t: Any = transport
            t.write(_OVERLOADED)
            t.close()
            return
        if mgr.fg_header_timeout > 0:
            self._fg_timer = self._loop.call_later(mgr.fg_header_timeout, self._fg_header_check)

    def _fg_header_check(self) -> None:
        # No complete request head yet: a slowloris (or a dead client). Close without a reply.
        if self._request_count == 0 and self.transport is not None:
            mgr: Any = self._manager
            if mgr is not None:
                mgr.fg_header_timeouts += 1
            self.transport.close()

    def connection_lost(self, exc: BaseException | None) -> None:
        timer = getattr(self, "_fg_timer", None)
        if timer is not None:
            timer.cancel()
        super().connection_lost(exc)


class GuardedServer(web_server.Server):
    def __init__(self, handler: Any, *, max_connections: int, header_timeout: float, **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self.fg_max_connections = max_connections
        self.fg_header_timeout = header_timeout
        self.fg_rejected = 0
        self.fg_header_timeouts = 0

    def __call__(self) -> web_protocol.RequestHandler:
        return GuardedHandler(self, loop=self._loop, **self._kwargs)


def tls_context(cert: str | None, key: str | None) -> ssl.SSLContext | None:
    """Server-side TLS from ``server.tls`` (None when not configured)."""
    if not cert:
        return None
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(cert, key)
    ctx.set_alpn_protocols(["http/1.1"])
    return ctx
