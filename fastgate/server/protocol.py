"""Connection-level protection around aiohttp's low-level server.

* ``server.max_connections``: past it, a new connection gets ``503`` + ``Retry-After`` and is
  closed at once (Envoy's ``connection_limit``) instead of queueing work the worker can't do.
* ``server.header_timeout_s``: a connection that has not completed its first request head within
  this time is closed (slowloris, HTTP-11; HAProxy ``timeout http-request``). Idle keep-alive
  connections are governed by ``keepalive_timeout_s``.
* ``throttle.connections``: open TCP connections per client address per worker, checked at accept
  time before any byte is parsed (429 + close). The address is the TCP peer: put trusted proxies
  (which carry many clients) in ``throttle.exempt``.
* ``server.tls``: TLS termination with the certificate chain and key from config.
"""

from __future__ import annotations

import asyncio
import ipaddress
import ssl
from typing import Any

from aiohttp import web_protocol, web_server

_OVERLOADED = (b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\n"
               b"Content-Type: application/json\r\nContent-Length: 104\r\n\r\n"
               b'{"error": {"message": "Too many connections", "type": "api_error", '
               b'"code": "overloaded", "param": null}}  ')


_TOO_MANY = (b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nConnection: close\r\n"
             b"Content-Type: application/json\r\nContent-Length: 118\r\n\r\n"
             b'{"error": {"message": "Too many connections from this address", "type": "rate_limit_error", '
             b'"code": "too_many_connections", "param": null}}')


def ip_in(networks: tuple[Any, ...], ip: str) -> bool:
    """Is ``ip`` inside one of ``networks`` (``throttle.exempt``)? False for an empty or bad address."""
    if not networks or not ip:
        return False
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return any(addr in net for net in networks)


class GuardedHandler(web_protocol.RequestHandler):
    """aiohttp's RequestHandler with connection caps and a first-request-head deadline."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        mgr: Any = self._manager
        if mgr is None:
            return
        t: Any = transport
        if len(mgr._connections) > mgr.fg_max_connections:
            mgr.fg_rejected += 1
            t.write(_OVERLOADED)
            t.close()
            return
        if mgr.fg_per_ip:
            peer = t.get_extra_info("peername")
            ip = peer[0] if peer else ""
            if not mgr.is_exempt(ip):
                n = mgr.fg_per_ip_open.get(ip, 0)
                if n >= mgr.fg_per_ip:
                    mgr.fg_rejected_ip += 1
                    t.write(_TOO_MANY)
                    t.close()
                    return
                mgr.fg_per_ip_open[ip] = n + 1
                self._fg_ip = ip
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
        ip = getattr(self, "_fg_ip", None)
        mgr: Any = self._manager
        if ip is not None and mgr is not None:
            left = mgr.fg_per_ip_open.get(ip, 1) - 1
            if left > 0:
                mgr.fg_per_ip_open[ip] = left
            else:
                mgr.fg_per_ip_open.pop(ip, None)
        super().connection_lost(exc)


class GuardedServer(web_server.Server):
    def __init__(self, handler: Any, *, max_connections: int, header_timeout: float, per_ip: int | None = None,
                 exempt: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self.fg_max_connections = max_connections
        self.fg_header_timeout = header_timeout
        self.fg_per_ip = per_ip or 0
        self.fg_per_ip_open: dict[str, int] = {}
        self.fg_exempt = tuple(ipaddress.ip_network(c, strict=False) for c in exempt)
        self.fg_rejected = 0
        self.fg_rejected_ip = 0
        self.fg_header_timeouts = 0

    def is_exempt(self, ip: str) -> bool:
        return ip_in(self.fg_exempt, ip)

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
