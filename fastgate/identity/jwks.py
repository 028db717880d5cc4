"""Per-issuer JWKS key store: discovery, fetch, cache, refetch on unknown ``kid``, stale-if-error.

One :class:`KeyStore` per ``auth.jwt[]`` issuer. The request path only ever reads
``KeyStore.keys`` (a plain dict/list handed to ``Verifier``); everything that talks to the network
runs in a task off the hot path, and a request waits for it only when it has nothing else to go
on (cold start, an unknown ``kid`` outside the cooldown).

Behaviour (acceptance catalogue §2):

* Sources: OIDC discovery (``{issuer}/.well-known/openid-configuration`` → ``jwks_uri``; the
  document's ``issuer`` must equal the configured one exactly, OpenID Connect Discovery 1.0 §4.3,
  JWKS-13), ``jwks_uri``, ``jwks_file`` and inline ``jwks`` (the last two are read once, when the
  world is built).
* Parsing: each JWK alone, with pyjwt's ``PyJWK`` and :meth:`Key.from_pyjwk`. A key that cannot
  be used (``oct``, private members, unknown ``kty``/``crv``, RSA < 2048 bits, an ``alg`` outside the
  issuer's ``algorithms``, ``use: enc`` …) is skipped and logged; its siblings still work (JWKS-10,
  JWKS-12, JWT-27). A set with no usable key at all counts as a failed fetch. Two different keys
  under one ``kid`` are both dropped (JWKS-11: no "first one wins" ambiguity).
* Fetch hygiene (JWKS-09): aiohttp, ``FETCH_TIMEOUT_S`` total, body ≤ ``MAX_DOCUMENT_BYTES``, no
  redirects, https only (plain http only to loopback, as the config loader allows).
* Cache: TTL from ``Cache-Control: max-age`` clamped to ``[60 s, jwks_cache_s]`` (``no-cache`` /
  ``no-store`` → the lower bound; no header → ``jwks_cache_s``), refreshed in the background at 80 %
  of the TTL (JWKS-02, JWKS-15). Failed background fetches retry with exponential backoff from 1 s
  (JWKS-08).
* Unknown ``kid`` (OIDC Core §10.1.1): at most one refetch per ``jwks_refetch_cooldown_s``; every
  request that needs keys while a fetch is in flight awaits that same future (single flight,
  JWKS-04/05) — unlike pyjwt's ``PyJWKClient``, which has no cooldown.
* Outage (JWKS-07): a failed fetch never drops the last good keys (again unlike ``PyJWKClient``);
  they stay in use until ``jwks_max_stale_s`` after the last success, then the store is emptied
  and requests fail closed.
* Keys that leave the set, or expire with it, are reported to listeners (the verified-token cache
  drops what they verified, JWT-32).
* ``jku``, ``x5u``, ``x5c`` and an embedded ``jwk`` are never looked at here: keys come only from
  the configured source (RFC 8725 §3.10, CVE-2018-0114).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import warnings
import weakref
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import orjson

from ..config.schema import check_http_url
from .verify import SUPPORTED_ALGS, Key

__all__ = [
    "FETCH_TIMEOUT_S",
    "JWKSError",
    "KeyListener",
    "KeyStore",
    "MAX_DOCUMENT_BYTES",
    "MIN_TTL_S",
    "parse_cache_control",
    "parse_jwks",
]

log = logging.getLogger("fastgate.jwks")

FETCH_TIMEOUT_S = 5.0
MAX_DOCUMENT_BYTES = 1 << 20
MIN_TTL_S = 60.0
RETRY_INITIAL_S = 1.0
RETRY_CAP_S = 60.0
REFRESH_AT = 0.8  # refresh when 80 % of the TTL has passed, so keys never expire under load

# RFC 7517 §9.2/§9.3, RFC 7518 §6: members that only private (or symmetric) keys carry.
_PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth", "k")
_MAX_AGE_RE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d{1,10})\"?", re.IGNORECASE)


class JWKSError(Exception):
    """A JWKS or discovery document could not be fetched or used; ``str()`` is a short reason."""


class KeyListener(Protocol):
    def keys_removed(self, issuer: str, kids: list[str | None]) -> None: ...


def _short(v: Any) -> str:
    # kid values come from the network: log them escaped and bounded (catalogue JWT-10).
    r = repr(v)
    return r if len(r) <= 80 else r[:77] + "..."


def parse_jwks(doc: Any, algorithms: frozenset[str] | set[str], *, source: str = "jwks") -> list[Key]:
    """Usable verification keys of a JWK Set document (RFC 7517 §5); unusable ones are logged.

    Raises :class:`JWKSError` when the document is not a JWK Set or holds no usable key.
    """
    from jwt import PyJWK
    from jwt.exceptions import PyJWTError

    if not isinstance(doc, Mapping) or not isinstance(doc.get("keys"), list):
        raise JWKSError("not a JWK Set (no 'keys' list)")
    algs = frozenset(algorithms)
    found: list[Key] = []
    for i, jwk in enumerate(doc["keys"]):
        why = None
        if not isinstance(jwk, dict):
            why = "not an object"
        elif jwk.get("kty") == "oct":
            # HMAC keys from a JWKS would let anyone holding the public set forge tokens
            # (CVE-2016-10555 class, catalogue JWT-03/JWKS-10).
            why = "symmetric key refused"
        elif any(m in jwk for m in _PRIVATE_MEMBERS):
            why = "contains private key members"  # JWKS-12: someone published a private key
        elif jwk.get("alg") is not None and (jwk["alg"] not in SUPPORTED_ALGS or jwk["alg"] not in algs):
            why = f"alg {_short(jwk.get('alg'))} not allowed for this issuer"
        if why is None:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # pyjwt's InsecureKeyLengthWarning: we refuse below
                    key = Key.from_pyjwk(PyJWK(jwk))
            except (PyJWTError, ValueError, TypeError, KeyError) as e:
                why = f"unusable ({e})"
            else:
                if key.allowed_algs.isdisjoint(algs):
                    why = f"its algorithms {sorted(key.allowed_algs)} are not in {sorted(algs)}"
                else:
                    found.append(key)
                    continue
        kid = jwk.get("kid") if isinstance(jwk, dict) else None
        log.warning("%s: skipping JWK #%d (kid %s): %s", source, i, _short(kid), why)
    if not found:
        raise JWKSError("no usable key in the JWK Set")
    return found


def parse_cache_control(value: str | None) -> tuple[float | None, bool]:
    """``(max_age, no_cache)`` from a ``Cache-Control`` header (RFC 9111 §5.2.2)."""
    if not value:
        return None, False
    low = value.lower()
    no_cache = "no-cache" in low or "no-store" in low
    m = _MAX_AGE_RE.search(value)
    return (float(m.group(1)) if m else None), no_cache


def _clamp_ttl(cache_control: str | None, upper: float) -> float:
    max_age, no_cache = parse_cache_control(cache_control)
    if no_cache:
        ttl = MIN_TTL_S
    elif max_age is None:
        ttl = upper
    else:
        ttl = max(MIN_TTL_S, max_age)
    # The configured jwks_cache_s is the ceiling even when it is below 60 s (operators and tests
    # that want fast rotation get it).
    return min(ttl, upper)


async def _get_document(url: str, timeout: float, max_bytes: int) -> tuple[Any, str | None]:
    """GET a JSON document with the hygiene of JWKS-09. Returns ``(parsed, Cache-Control)``."""
    import aiohttp

    problem = check_http_url(url, https_only=True)
    if problem:
        raise JWKSError(problem)
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session:
            async with session.get(url, allow_redirects=False, headers={"Accept": "application/json"}) as resp:
                if resp.status != 200:
                    raise JWKSError(f"HTTP {resp.status} from {url}")
                if resp.content_length is not None and resp.content_length > max_bytes:
                    raise JWKSError(f"document over {max_bytes} bytes")
                buf = bytearray()
                async for chunk in resp.content.iter_chunked(65536):
                    buf += chunk
                    if len(buf) > max_bytes:
                        raise JWKSError(f"document over {max_bytes} bytes")
                cc = resp.headers.get("Cache-Control")
    except TimeoutError:
        raise JWKSError(f"timeout after {timeout:g} s fetching {url}") from None
    except aiohttp.ClientError as e:
        raise JWKSError(f"{type(e).__name__} fetching {url}: {e}") from None
    try:
        return orjson.loads(bytes(buf)), cc
    except orjson.JSONDecodeError:
        raise JWKSError(f"{url} did not return JSON") from None


class KeyStore:
    """The current verification keys of one issuer, kept fresh off the hot path.

    Read ``keys`` (pass it to ``Verifier``) after checking ``has_keys(now)``; call
    :meth:`refetch` (returns an awaitable or ``None``) when a token names a ``kid`` that is not
    there. ``ready`` is what ``/readyz`` reports.
    """

    def __init__(
        self,
        cfg: Any,
        *,
        clock: Callable[[], float] = time.monotonic,
        fetch_timeout_s: float = FETCH_TIMEOUT_S,
        max_document_bytes: int = MAX_DOCUMENT_BYTES,
    ) -> None:
        self.issuer: str = cfg.issuer
        self.source: str = cfg.key_source
        self.algorithms = frozenset(cfg.algorithms)
        self.cache_s = float(cfg.jwks_cache_s)
        self.cooldown_s = float(cfg.jwks_refetch_cooldown_s)
        self.max_stale_s = float(cfg.jwks_max_stale_s)
        self.discovery_url: str | None = cfg.discovery_url if self.source == "discovery" else None
        self.jwks_uri: str | None = cfg.jwks_uri
        self.clock = clock
        self.fetch_timeout_s = fetch_timeout_s
        self.max_document_bytes = max_document_bytes
        #: what Verifier gets: kid → Key when every key has a kid, else a list
        self.keys: dict[str, Key] | list[Key] = {}
        self.kids: frozenset[str | None] = frozenset()
        self.loaded_at: float | None = None
        self.ttl_s = self.cache_s
        self.error: str | None = None
        #: HTTP GETs of the JWKS / discovery document so far (tests and metrics read these)
        self.fetches = 0
        self.discovery_fetches = 0
        self._inflight: asyncio.Task[bool] | None = None
        self._last_fetch = float("-inf")
        self._timer: asyncio.TimerHandle | None = None
        self._stale_timer: asyncio.TimerHandle | None = None
        self._retry_s = min(RETRY_INITIAL_S, self.cache_s) if self.cache_s > 0 else RETRY_INITIAL_S
        self._started = False
        self._closed = False
        self._listeners: weakref.WeakSet[Any] = weakref.WeakSet()
        self.config_key = self.config_key_for(cfg)
        if self.source == "jwks":
            self._install(parse_jwks(cfg.jwks, self.algorithms, source=f"{self.issuer} inline jwks"), None)
        elif self.source == "jwks_file":
            try:
                with open(cfg.jwks_file, "rb") as f:
                    doc = orjson.loads(f.read(self.max_document_bytes + 1))
                self._install(parse_jwks(doc, self.algorithms, source=cfg.jwks_file), None)
            except (OSError, orjson.JSONDecodeError, JWKSError) as e:
                # Not fatal for the process (other issuers may work) but this issuer stays not
                # ready and its tokens are refused.
                self.error = f"jwks_file {cfg.jwks_file}: {e}"
                log.error("issuer %s: %s", self.issuer, self.error)

    @staticmethod
    def config_key_for(cfg: Any) -> tuple[Any, ...]:
        """What identifies a store's key settings: equal keys → a reload may keep the store."""
        return (cfg.issuer, cfg.key_source, cfg.discovery_url if cfg.key_source == "discovery" else None,
                cfg.jwks_uri, cfg.jwks_file,
                orjson.dumps(cfg.jwks, option=orjson.OPT_SORT_KEYS) if cfg.jwks is not None else None,
                frozenset(cfg.algorithms), float(cfg.jwks_cache_s), float(cfg.jwks_refetch_cooldown_s),
                float(cfg.jwks_max_stale_s))

    # ----------------------------------------------------------------- state
    @property
    def remote(self) -> bool:
        """True when keys come from the network (discovery or ``jwks_uri``)."""
        return self.source in ("discovery", "jwks_uri")

    @property
    def ready(self) -> bool:
        """Keys are loaded and not past ``jwks_max_stale_s``."""
        return self.has_keys(self.clock())

    def has_keys(self, now: float) -> bool:
        """Are there keys to verify with at ``now`` (monotonic)? Expires stale keys as a side effect."""
        if not self.kids:
            return False
        if self.remote and self.loaded_at is not None and now - self.loaded_at > self.max_stale_s:
            self._expire()
            return False
        return True

    def add_listener(self, listener: Any) -> None:
        """``listener.keys_removed(issuer, kids)`` is called when keys leave the set (weakly held)."""
        self._listeners.add(listener)

    def _notify(self, kids: list[str | None]) -> None:
        if not kids:
            return
        for listener in list(self._listeners):
            try:
                listener.keys_removed(self.issuer, kids)
            except Exception:
                log.exception("key listener failed")

    def _install(self, keys: list[Key], ttl: float | None) -> None:
        by_kid: dict[str | None, list[Key]] = {}
        for k in keys:
            by_kid.setdefault(k.kid, []).append(k)
        usable: list[Key] = []
        for kid, ks in by_kid.items():
            if kid is not None and len(ks) > 1:
                log.warning("issuer %s: %d keys share kid %s; ignoring all of them", self.issuer, len(ks), _short(kid))
                continue
            usable.extend(ks)
        if not usable:
            raise JWKSError("no usable key in the JWK Set")
        new_kids = frozenset(k.kid for k in usable)
        removed = [kid for kid in self.kids if kid not in new_kids]
        if None in new_kids and None in self.kids:
            # Keys without kid cannot be matched one to one: if that part of the set changed, the
            # tokens they verified are re-verified.
            old = {id(k.public_key) for k in (self.keys.values() if isinstance(self.keys, dict) else self.keys)
                   if k.kid is None}
            if old != {id(k.public_key) for k in usable if k.kid is None}:
                removed.append(None)
        if None in new_kids:
            self.keys = usable
        else:
            self.keys = {k.kid: k for k in usable if k.kid is not None}
        self.kids = new_kids
        self.loaded_at = self.clock()
        self.ttl_s = self.cache_s if ttl is None else ttl
        self.error = None
        self._notify(removed)

    def _expire(self) -> None:
        log.error("issuer %s: keys are older than jwks_max_stale_s=%gs and could not be refreshed (%s); "
                  "failing closed", self.issuer, self.max_stale_s, self.error)
        old = list(self.kids)
        self.keys = {}
        self.kids = frozenset()
        self.loaded_at = None
        self._notify(old)

    # ----------------------------------------------------------------- fetching
    def start(self) -> None:
        """Begin loading remote keys (idempotent; needs a running loop, else a no-op)."""
        if self._started or self._closed or not self.remote:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        self._started = True
        self._begin_fetch()

    def close(self) -> None:
        """Stop background refreshes (an in-flight fetch still completes for whoever awaits it)."""
        self._closed = True
        for t in (self._timer, self._stale_timer):
            if t is not None:
                t.cancel()
        self._timer = self._stale_timer = None

    def in_flight(self) -> asyncio.Task[bool] | None:
        """The fetch in progress, if any."""
        t = self._inflight
        return t if t is not None and not t.done() else None

    def refetch(self, now: float | None = None) -> asyncio.Task[bool] | None:
        """An awaitable fetch for a request that cannot be served with the current keys.

        Joins the fetch in flight if there is one; else starts one unless the last fetch began
        less than ``jwks_refetch_cooldown_s`` ago (then ``None``: the caller answers at once).
        The result (``True`` on success) is shared: await it through ``asyncio.shield``.
        """
        if not self.remote or self._closed:
            return None
        t = self.in_flight()
        if t is not None:
            return t
        if now is None:
            now = self.clock()
        if now - self._last_fetch < self.cooldown_s:
            return None
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return None
        self._started = True
        return self._begin_fetch()

    def _begin_fetch(self) -> asyncio.Task[bool]:
        t = self.in_flight()
        if t is not None:
            return t
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._last_fetch = self.clock()
        t = self._inflight = asyncio.get_running_loop().create_task(self._fetch(), name=f"jwks:{self.issuer}")
        return t

    async def _discover(self) -> str:
        assert self.discovery_url is not None
        self.discovery_fetches += 1
        doc, _ = await _get_document(self.discovery_url, self.fetch_timeout_s, self.max_document_bytes)
        if not isinstance(doc, dict):
            raise JWKSError("discovery document is not a JSON object")
        # OpenID Connect Discovery 1.0 §4.3: the issuer in the document MUST be identical to the
        # one used to find it; a mismatch means a wrong or hostile document (JWKS-13).
        if doc.get("issuer") != self.issuer:
            raise JWKSError(f"discovery issuer {_short(doc.get('issuer'))} is not {self.issuer!r}")
        uri = doc.get("jwks_uri")
        if not isinstance(uri, str):
            raise JWKSError("discovery document has no jwks_uri")
        problem = check_http_url(uri, https_only=True)
        if problem:
            raise JWKSError(f"discovery jwks_uri: {problem}")
        return uri

    async def _fetch(self) -> bool:
        ok = False
        try:
            if self.source == "discovery" and (self.jwks_uri is None or self.error is not None):
                # (Re)discover on first use and after any failure: the IdP may have moved its keys.
                self.jwks_uri = await self._discover()
            assert self.jwks_uri is not None
            self.fetches += 1
            doc, cc = await _get_document(self.jwks_uri, self.fetch_timeout_s, self.max_document_bytes)
            keys = parse_jwks(doc, self.algorithms, source=self.jwks_uri)
            self._install(keys, _clamp_ttl(cc, self.cache_s))
            ok = True
        except JWKSError as e:
            self.error = str(e)
            log.warning("issuer %s: key fetch failed: %s (keeping %d last good keys)", self.issuer, e, len(self.kids))
        except Exception as e:  # never let a bug in a background task go unseen, never crash the worker
            self.error = f"{type(e).__name__}: {e}"
            log.exception("issuer %s: key fetch failed", self.issuer)
        finally:
            self._last_fetch = self.clock()
            if not self._closed:
                self._schedule(ok)
        return ok

    def _schedule(self, ok: bool) -> None:
        loop = asyncio.get_running_loop()
        if self._timer is not None:
            self._timer.cancel()
        if ok:
            self._retry_s = min(RETRY_INITIAL_S, self.cache_s) if self.cache_s > 0 else RETRY_INITIAL_S
            delay = max(self.ttl_s * REFRESH_AT, 0.05)
            if self._stale_timer is not None:
                self._stale_timer.cancel()
            # Fail closed on time even when no request arrives to notice (the token cache must
            # not keep serving identities verified by keys we can no longer vouch for).
            self._stale_timer = loop.call_later(self.max_stale_s + 0.001, lambda: self.has_keys(self.clock()))
        else:
            delay = self._retry_s
            self._retry_s = min(self._retry_s * 2, RETRY_CAP_S)
        self._timer = loop.call_later(delay, self._on_timer)

    def _on_timer(self) -> None:
        self._timer = None
        if not self._closed:
            self._begin_fetch()

    def describe(self) -> dict[str, Any]:
        """State for ``/readyz`` details and logs."""
        now = self.clock()
        return {
            "issuer": self.issuer,
            "source": self.source,
            "ready": self.has_keys(now),
            "keys": len(self.kids),
            "age_s": None if self.loaded_at is None else round(now - self.loaded_at, 3),
            "error": self.error,
        }
