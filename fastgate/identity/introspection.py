"""RFC 7662 token introspection for opaque bearer tokens.

* The request is ``POST`` ``application/x-www-form-urlencoded`` with ``token`` and
  ``token_type_hint=access_token`` (RFC 7662 §2.1), authenticated with HTTP Basic
  ``client_id:client_secret``, each form-urlencoded first (``client_secret_basic``, RFC 6749
  §2.3.1). No redirects, a total timeout, a bounded response.
* Only ``"active": true`` (the JSON literal, not ``"true"`` nor ``1``) authenticates (§2.2); an
  ``exp`` in the past is inactive whatever ``active`` says.
* Answers are cached per token, active ones until ``min(exp, now + cache_s)``, inactive ones for
  ``cache_s`` (so a flood of garbage tokens does not become a flood of calls to the IdP).
  Concurrent requests with the same uncached token share one call (single flight), and at most
  ``max_concurrency`` calls are outstanding per endpoint.
* A failure to get an answer raises :class:`IntrospectionUnavailable` (the stage answers 503);
  it is never cached and never treated as "active".
"""

from __future__ import annotations

import asyncio
import base64
import logging
import time
from collections.abc import Callable
from itertools import islice
from typing import Any
from urllib.parse import quote_plus

import orjson

from .identity import Identity, identity_from_claims

__all__ = ["INACTIVE", "IntrospectionUnavailable", "Introspector", "basic_auth"]

log = logging.getLogger("fastgate.introspection")

MAX_RESPONSE_BYTES = 64 * 1024
TIMEOUT_S = 5.0


class _Inactive:
    __slots__ = ()

    def __repr__(self) -> str:
        return "INACTIVE"


#: cached marker of a token the endpoint called inactive
INACTIVE: Any = _Inactive()


class IntrospectionUnavailable(Exception):
    """The endpoint could not be asked or did not answer usably."""


def basic_auth(client_id: str, secret: str) -> str:
    """``Authorization`` value for client_secret_basic (RFC 6749 §2.3.1: urlencode, then Base64)."""
    raw = f"{quote_plus(client_id)}:{quote_plus(secret)}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


class Introspector:
    """One ``auth.introspection[]`` endpoint with its answer cache."""

    def __init__(
        self,
        cfg: Any,
        *,
        clock: Callable[[], float] = time.time,
        max_entries: int = 10000,
        timeout_s: float = TIMEOUT_S,
        max_concurrency: int = 32,
    ) -> None:
        self.endpoint: str = cfg.endpoint
        self.cfg = cfg
        self.cache_s = float(cfg.cache_s)
        self.clock = clock
        self.max_entries = max_entries
        self.timeout_s = timeout_s
        self._auth = basic_auth(cfg.client_id, cfg.client_secret or "")
        # token -> (Identity | INACTIVE, expires_at); insertion order = oldest first
        self._cache: dict[str, tuple[Any, float]] = {}
        self._pending: dict[str, asyncio.Task[Any]] = {}
        self._sem: asyncio.Semaphore | None = None
        self.max_concurrency = max_concurrency
        #: calls made to the endpoint (tests read this)
        self.calls = 0

    def cached(self, token: str, now: float) -> Any:
        """The cached answer for ``token`` (an ``Identity`` or ``INACTIVE``), or ``None``."""
        e = self._cache.get(token)
        if e is None:
            return None
        if now < e[1]:
            return e[0]
        del self._cache[token]
        return None

    def _put(self, token: str, value: Any, expires: float, now: float) -> None:
        if expires <= now:
            return
        c = self._cache
        if len(c) >= self.max_entries:
            for t in [t for t, e in c.items() if e[1] <= now]:
                del c[t]
            excess = len(c) - (self.max_entries - max(1, self.max_entries // 8))
            if excess > 0:
                for t in list(islice(c, excess)):
                    del c[t]
        c[token] = (value, expires)

    async def introspect(self, token: str) -> Any:
        """``Identity`` or ``INACTIVE`` for ``token``; raises ``IntrospectionUnavailable``/``AuthError``."""
        hit = self.cached(token, self.clock())
        if hit is not None:
            return hit
        task = self._pending.get(token)
        if task is None:
            task = asyncio.get_running_loop().create_task(self._ask(token))
            self._pending[token] = task
            task.add_done_callback(lambda _t: self._pending.pop(token, None))
        # shield: one caller going away must not cancel the answer the others wait for
        return await asyncio.shield(task)

    async def _ask(self, token: str) -> Any:
        if self._sem is None:
            self._sem = asyncio.Semaphore(self.max_concurrency)
        async with self._sem:
            doc = await self._post(token)
        now = self.clock()
        if not isinstance(doc, dict):
            raise IntrospectionUnavailable("introspection response is not a JSON object")
        exp = doc.get("exp")
        exp_ok = exp is None or (type(exp) in (int, float) and exp > now)
        if doc.get("active") is not True or not exp_ok:
            self._put(token, INACTIVE, now + self.cache_s, now)
            return INACTIVE
        iss = doc.get("iss")
        ident: Identity = identity_from_claims(
            doc, self.cfg.claims, issuer=iss if type(iss) is str else None, auth_kind="introspection",
            fallback_subject=("username", "client_id"),
        )
        expires = now + self.cache_s
        if isinstance(exp, (int, float)):
            expires = min(expires, float(exp))
        self._put(token, ident, expires, now)
        return ident

    async def _post(self, token: str) -> Any:
        import aiohttp

        self.calls += 1
        form = f"token={quote_plus(token)}&token_type_hint=access_token"
        headers = {"Authorization": self._auth, "Content-Type": "application/x-www-form-urlencoded",
                   "Accept": "application/json"}
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout_s)) as s:
                async with s.post(self.endpoint, data=form.encode("ascii"), headers=headers,
                                  allow_redirects=False) as resp:
                    if resp.status != 200:
                        raise IntrospectionUnavailable(f"HTTP {resp.status} from {self.endpoint}")
                    buf = bytearray()
                    async for chunk in resp.content.iter_chunked(16384):
                        buf += chunk
                        if len(buf) > MAX_RESPONSE_BYTES:
                            raise IntrospectionUnavailable("introspection response too large")
        except TimeoutError:
            raise IntrospectionUnavailable(f"timeout after {self.timeout_s:g} s") from None
        except aiohttp.ClientError as e:
            raise IntrospectionUnavailable(f"{type(e).__name__}: {e}") from None
        try:
            return orjson.loads(bytes(buf))
        except orjson.JSONDecodeError:
            raise IntrospectionUnavailable("introspection response is not JSON") from None

