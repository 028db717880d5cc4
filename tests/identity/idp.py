"""A tiny identity provider for tests: OIDC discovery, a JWKS that counts fetches, RFC 7662 introspection.

Real HTTP on a loopback port (aiohttp web app), real keys, real signatures. Tests flip its fields
to simulate rotation (``publish``), outages (``down``), slow fetches (``delay``) and bad documents.
"""

from __future__ import annotations

import asyncio
import base64
import time
from typing import Any
from urllib.parse import parse_qs, unquote_plus

import jwt as pyjwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from fastgate.devkeys import public_jwk

_RSA_CACHE: list[Any] = []


def rsa_key() -> rsa.RSAPrivateKey:
    """One RSA key per test session (generation is the slow part)."""
    if not _RSA_CACHE:
        _RSA_CACHE.append(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    return _RSA_CACHE[0]


class MockIdP:
    def __init__(self) -> None:
        self.keys: dict[str, Any] = {}
        self.publish: list[str] = []
        self.jwks_hits = 0
        self.discovery_hits = 0
        self.introspect_hits = 0
        self.down = False
        self.delay = 0.0
        self.cache_control: str | None = None
        self.discovery_issuer: str | None = None  # None → the real issuer
        self.introspection_client = ("gw-client", "s3cr3t:with/odd&chars")
        self.opaque: dict[str, dict[str, Any]] = {}
        self.last_introspect_form: dict[str, list[str]] | None = None
        self.url = ""
        self._runner: web.AppRunner | None = None

    @property
    def issuer(self) -> str:
        return self.url

    # ------------------------------------------------------------------ keys and tokens
    def add_key(self, kid: str, key: Any = None, publish: bool = True) -> Any:
        key = key if key is not None else ec.generate_private_key(ec.SECP256R1())
        self.keys[kid] = key
        if publish:
            self.publish.append(kid)
        return key

    def jwks(self) -> dict[str, Any]:
        return {"keys": [public_jwk(self.keys[k], kid=k) for k in self.publish]}

    def token(self, kid: str, *, key: Any = None, headers: dict[str, Any] | None = None, ttl: float = 600,
              **claims: Any) -> str:
        key = key if key is not None else self.keys[kid]
        now = int(time.time())
        payload = {"iss": self.issuer, "aud": "api://fastgate", "sub": "alice", "iat": now, "exp": now + ttl}
        payload.update(claims)
        alg = "RS256" if isinstance(key, rsa.RSAPrivateKey) else "ES256"
        hdr = {"kid": kid}
        hdr.update(headers or {})
        return pyjwt.encode(payload, key, algorithm=alg, headers=hdr)

    # ------------------------------------------------------------------ HTTP
    async def _discovery(self, request: web.Request) -> web.Response:
        self.discovery_hits += 1
        iss = self.discovery_issuer if self.discovery_issuer is not None else self.issuer
        return web.json_response({"issuer": iss, "jwks_uri": self.url + "/jwks"})

    async def _jwks(self, request: web.Request) -> web.Response:
        self.jwks_hits += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.down:
            return web.Response(status=503, text="<html>down</html>", content_type="text/html")
        headers = {"Cache-Control": self.cache_control} if self.cache_control else None
        return web.json_response(self.jwks(), headers=headers)

    async def _introspect(self, request: web.Request) -> web.Response:
        self.introspect_hits += 1
        cid, secret = self.introspection_client
        auth = request.headers.get("Authorization", "")
        expected = "Basic " + base64.b64encode(
            f"{_form(cid)}:{_form(secret)}".encode()).decode()
        if auth != expected:
            return web.json_response({"error": "invalid_client"}, status=401)
        if request.content_type != "application/x-www-form-urlencoded":
            return web.json_response({"error": "invalid_request"}, status=400)
        form = parse_qs((await request.read()).decode())
        self.last_introspect_form = form
        token = form.get("token", [""])[0]
        return web.json_response(self.opaque.get(token, {"active": False}))

    async def start(self) -> MockIdP:
        app = web.Application()
        app.router.add_get("/.well-known/openid-configuration", self._discovery)
        app.router.add_get("/jwks", self._jwks)
        app.router.add_post("/introspect", self._introspect)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def _form(s: str) -> str:
    from urllib.parse import quote_plus

    assert unquote_plus(quote_plus(s)) == s
    return quote_plus(s)
