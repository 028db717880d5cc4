"""Authentication: who is calling? (``Authenticate`` stage, priority 9000, and the per-world runtime.)

Credentials come from ``Authorization: Bearer <token>`` (OpenAI SDK and RFC 6750 §2.1) or
``x-api-key: <token>`` (Anthropic SDK); exactly one of them, exactly once. The token is resolved:

1. verified-token cache (whole token string → ``Identity``): a dict lookup, the common case;
2. a compact JWT whose unverified ``iss`` names a configured issuer → that issuer's ``Verifier``
   with its ``KeyStore`` (an ``iss`` nobody configured → 401 ``unknown_issuer``), then cached until
   ``exp``;
3. a configured API key (SHA-256 lookup, constant-time compare);
4. RFC 7662 introspection, when configured;
5. otherwise 401.

Only steps that must wait on the network return a coroutine (a cold key store, a refetch for an
unknown ``kid``, introspection); everything else is synchronous, so the cached path costs no
coroutine (see ``pipeline/stage.py``).

Every failure is the same 401 (body and ``WWW-Authenticate: Bearer realm="fastgate",
error="invalid_token"``, RFC 6750 §3; acceptance catalogue JWT-30): the reason goes only to
``ctx.reason`` (access log) and ``fastgate_auth_failures_total{reason}``. When the identity
provider cannot be reached and no keys are usable, the answer is 503 (never "let it through").

Which endpoints authenticate (decided once per config, :meth:`AuthRuntime.mode_for`):

* no credential source configured at all (no ``auth.jwt``, ``auth.introspection`` or
  ``auth.api_keys``): nothing authenticates, LLM endpoints and routes are open (a local or
  behind-another-gateway deployment). Configure any source and every LLM endpoint requires it;
* generic routes follow their ``auth: required | optional | off``. ``optional`` lets anonymous
  requests through but still rejects a credential that is present and invalid.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from ..errors import AuthError
from ..identity.apikeys import APIKeyStore
from ..identity.identity import Identity, identity_from_claims
from ..identity.introspection import INACTIVE, IntrospectionUnavailable, Introspector
from ..identity.jwks import KeyStore
from ..identity.tokencache import TokenCache
from ..identity.verify import Verifier, peek_issuer
from ..pipeline.stage import Reply, Stage

__all__ = ["AuthRuntime", "Authenticate", "CHALLENGE", "unauthorized"]

log = logging.getLogger("fastgate.auth")

CHALLENGE = 'Bearer realm="fastgate", error="invalid_token"'
_CHALLENGE_HEADERS = [("WWW-Authenticate", CHALLENGE)]
# Longer than any real token; also the Verifier's max_token_bytes (CVE-2025-30204: bound first).
MAX_TOKEN_LEN = 8192
LLM_KINDS = frozenset({"chat", "completions", "embeddings", "models", "messages", "template"})


def unauthorized(reason: str) -> Reply:
    """The one 401 every authentication failure gets (only ``reason`` differs, and it is never sent)."""
    return Reply(401, "Invalid or missing credentials", type="authentication_error", code="invalid_api_key",
                 headers=_CHALLENGE_HEADERS, reason=reason)


def _unavailable(reason: str) -> Reply:
    return Reply(503, "Authentication is temporarily unavailable, retry later", type="api_error",
                 code="auth_unavailable", reason=reason)


class IssuerRuntime:
    """One ``auth.jwt[]`` issuer: its verifier, key store and claim map."""

    __slots__ = ("issuer", "verifier", "store", "claims", "cache", "kid_prefix")

    def __init__(self, cfg: Any, store: KeyStore) -> None:
        self.issuer: str = cfg.issuer
        self.verifier = Verifier(cfg.issuer, list(cfg.audiences), list(cfg.algorithms), float(cfg.leeway_s),
                                 cfg.required_claims, cfg.typ, max_token_bytes=MAX_TOKEN_LEN)
        self.store = store
        self.claims = cfg.claims
        self.cache = int(cfg.cache_size) > 0
        # Cache entries carry "<issuer>\0<kid>" so a kid leaving issuer A never drops issuer B's
        # tokens that happen to use the same kid string (JWKS-14).
        self.kid_prefix = cfg.issuer + "\x00"


class AuthRuntime:
    """Everything authentication needs for one World, built once at load.

    Key stores are carried over from the previous World when their issuer's key settings did not
    change, so a reload neither refetches keys nor loses them.
    """

    def __init__(self, config: Any, metrics: Any = None, previous: AuthRuntime | None = None) -> None:
        auth = config.auth
        self.enabled = bool(auth.jwt or auth.introspection or auth.api_keys)
        sizes = [int(j.cache_size) for j in auth.jwt if j.cache_size]
        self.token_cache: TokenCache[Identity] = TokenCache(max_entries=max(sizes) if sizes else 10000)
        self.issuers: dict[str, IssuerRuntime] = {}
        self.stores: dict[str, KeyStore] = {}
        old = previous.stores if previous is not None else {}
        for j in auth.jwt:
            store = old.get(j.issuer)
            if store is None or not store.remote or store.config_key != KeyStore.config_key_for(j):
                # (file and inline sources are re-read: a reload is how their keys change)
                store = KeyStore(j)
            self.stores[j.issuer] = store
            store.add_listener(self)
            self.issuers[j.issuer] = IssuerRuntime(j, store)
        for iss, store in old.items():
            if self.stores.get(iss) is not store:
                store.close()
        self.api_keys = APIKeyStore(auth.api_keys)
        self.introspectors = [Introspector(i) for i in auth.introspection]
        fam = None
        if metrics is not None:
            fam = metrics.families.get("fastgate_auth_failures_total")
            if fam is None:
                fam = metrics.counter("fastgate_auth_failures_total",
                                      "Authentication failures by reason (never sent to the caller)", ("reason",))
        if fam is None:
            from ..observability.metrics import Counter

            fam = Counter("fastgate_auth_failures_total", "", ("reason",))
        self.failures = fam
        # The worker's audit log (observability/audit.py), attached by the worker after the World
        # is built; the stage gets its on_log hook only when one is configured (zero cost when off).
        self.audit: Any = None
        self.audit_wanted = str(getattr(getattr(config, "logging", None), "audit_log", "off")) != "off"
        from .authz import PolicySet  # late: authz imports from here

        self.policies = PolicySet(config)
        self.start()

    # ------------------------------------------------------------------ lifecycle / readiness
    def start(self) -> None:
        """Start fetching remote keys (no-op without a running loop; the first request starts it)."""
        for s in self.stores.values():
            s.start()

    def close(self) -> None:
        for s in self.stores.values():
            s.close()

    @property
    def ready(self) -> bool:
        """Every issuer has usable keys (what ``/readyz`` needs: JWKS-01)."""
        self.start()
        return all(s.ready for s in self.stores.values())

    def describe(self) -> list[dict[str, Any]]:
        return [s.describe() for s in self.stores.values()]

    def keys_removed(self, issuer: str, kids: list[str | None]) -> None:
        """KeyStore listener: forget tokens verified by keys that left the JWKS (JWT-32)."""
        prefix = issuer + "\x00"
        for kid in kids:
            n = self.token_cache.drop_kid(prefix + (kid or ""))
            if n:
                log.info("issuer %s: key %r left the JWKS, %d cached tokens dropped", issuer, kid, n)

    def mode_for(self, kind: str, route_cfg: Any) -> str:
        """``required`` | ``optional`` | ``off`` for an endpoint (see the module docstring)."""
        if not self.enabled:
            return "off"
        if kind == "route" and route_cfg is not None:
            return str(route_cfg.auth)
        return "required"

    # ------------------------------------------------------------------ resolution
    def fail(self, ctx: Any, reason: str) -> Reply:
        self.failures.inc((reason,))
        return unauthorized(reason)

    def resolve(self, ctx: Any, token: str, now: float) -> Any:
        """Resolve an uncached token: ``None`` (``ctx.identity`` set), a ``Reply``, or a coroutine."""
        iss = peek_issuer(token, MAX_TOKEN_LEN)
        if iss is not None:
            ir = self.issuers.get(iss)
            if ir is None:
                return self.fail(ctx, "unknown_issuer")
            return self.verify_jwt(ctx, ir, token, now, True)
        ident = self.api_keys.lookup(token)
        if ident is not None:
            ctx.identity = ident
            return None
        if self.introspectors:
            for intr in self.introspectors:
                hit = intr.cached(token, now)
                if hit is not None and hit is not INACTIVE:
                    ctx.identity = hit
                    return None
            return self._introspect(ctx, token)
        return self.fail(ctx, "unknown_credential")

    def verify_jwt(self, ctx: Any, ir: IssuerRuntime, token: str, now: float, may_wait: bool) -> Any:
        store = ir.store
        mono = store.clock()
        if not store.has_keys(mono):
            # JWKS-01: no keys means no way to verify; never let the request through.
            t = store.refetch(mono) if may_wait else None
            if t is None:
                self.failures.inc(("jwks_unavailable",))
                return _unavailable("jwks_unavailable")
            return self._after_fetch(ctx, ir, token, t)
        try:
            vt = ir.verifier.verify_detailed(token, store.keys, now)
        except AuthError as e:
            if e.reason == "kid_unknown" and may_wait:
                # OIDC Core §10.1.1: an unknown kid may be a rotation; refetch, rate-limited by
                # the store's cooldown and shared by every request that needs it.
                t = store.refetch(mono)
                if t is not None:
                    return self._after_fetch(ctx, ir, token, t)
            return self.fail(ctx, e.reason)
        claims = vt.claims
        try:
            ident = identity_from_claims(claims, ir.claims, issuer=ir.issuer, auth_kind="jwt")
        except AuthError as e:
            return self.fail(ctx, e.reason)
        if ir.cache:
            self.token_cache.put(token, ident, claims["exp"], ir.kid_prefix + (vt.key.kid or ""), now=now)
        ctx.identity = ident
        return None

    async def _after_fetch(self, ctx: Any, ir: IssuerRuntime, token: str, task: asyncio.Task[bool]) -> Reply | None:
        # shield: this request being cancelled (client gone) must not cancel a fetch others share.
        await asyncio.shield(task)
        r = self.verify_jwt(ctx, ir, token, time.time(), False)
        return r  # type: ignore[no-any-return]

    async def _introspect(self, ctx: Any, token: str) -> Reply | None:
        for intr in self.introspectors:
            try:
                res = await intr.introspect(token)
            except IntrospectionUnavailable as e:
                log.warning("introspection at %s failed: %s", intr.endpoint, e)
                self.failures.inc(("introspection_unavailable",))
                return _unavailable("introspection_unavailable")
            except AuthError as e:
                return self.fail(ctx, e.reason)
            if res is not INACTIVE:
                ctx.identity = res
                return None
        return self.fail(ctx, "inactive_token")


def _credential_fields(raw: Any) -> tuple[list[str] | None, str | None]:
    """``(headers.getall("authorization", None), headers.get("x-api-key"))`` read from the raw
    ``(name, value)`` byte pairs both servers keep, so that the common request never builds the
    case-insensitive multidict (~5k instructions for a head with a JWT). Values are decoded as
    Latin-1, as the native server's ``headers`` does; a credential must be ASCII anyway."""
    authz: list[str] | None = None
    xkey: str | None = None
    for k, v in raw:
        n = len(k)
        if n == 13:
            if k.lower() == b"authorization":
                if authz is None:
                    authz = [v.decode("latin-1")]
                else:
                    authz.append(v.decode("latin-1"))
        elif n == 9 and xkey is None and k.lower() == b"x-api-key":
            xkey = v.decode("latin-1")
    return authz, xkey


class Authenticate(Stage):
    """Set ``ctx.identity`` from the request's credential, or answer the uniform 401."""

    name = "authenticate"
    priority = 9000  # after body_limit (10 000), before everything that needs an identity

    def __new__(cls, runtime: AuthRuntime, mode: str = "required") -> Authenticate:
        # Chains call only the hooks a stage's class defines: the audited variant (on_log) is
        # chosen here so that without an audit log no request pays for one.
        if cls is Authenticate and getattr(runtime, "audit_wanted", False):
            cls = _AuditedAuthenticate
        return super().__new__(cls)

    def __init__(self, runtime: AuthRuntime, mode: str = "required") -> None:
        self.rt = runtime
        self.optional = mode == "optional"

    def on_request(self, ctx: Any) -> Any:
        authz, xkey = _credential_fields(ctx.request.raw_headers)
        if authz is None:
            if xkey is None:
                if self.optional:
                    return None
                return self.rt.fail(ctx, "missing_credentials")
            token = xkey
        else:
            if len(authz) != 1 or xkey is not None:
                # Two credentials: which one would an upstream or a log believe? Refuse
                # (Envoy JwtMultipleTokens; CVE-2025-64527 grew from this corner).
                return self.rt.fail(ctx, "multiple_credentials")
            h = authz[0]
            # RFC 6750 §2.1 / RFC 9110 §11.1: case-insensitive scheme, one space, a token68.
            if not h.startswith("Bearer ") and (len(h) < 8 or h[6] != " " or h[:6].lower() != "bearer"):
                return self.rt.fail(ctx, "bad_scheme")
            token = h[7:]
        # The HTTP parser already refused CR/LF/NUL in field values; what is left to refuse is
        # whitespace inside the credential (double space, tab) and non-ASCII. JWTs get the strict
        # base64url check from the kernel; keys are only ever hashed, never echoed or forwarded.
        if len(token) > MAX_TOKEN_LEN or not token or not token.isascii() or " " in token or "\t" in token:
            return self.rt.fail(ctx, "malformed_credentials")
        rt = self.rt
        now = time.time()
        ident = rt.token_cache.get(token, now)
        if ident is not None:
            ctx.identity = ident
            return None
        return rt.resolve(ctx, token, now)


class _AuditedAuthenticate(Authenticate):
    """``Authenticate`` plus one audit line per decision (``logging.audit_log``, observability/audit.py)."""

    def on_request(self, ctx: Any) -> Any:
        ctx.set_extra("_auth_ran", True)  # audit.RAN_KEY: requests the stage never saw get no line
        return Authenticate.on_request(self, ctx)

    def on_log(self, ctx: Any, record: dict) -> None:
        audit = self.rt.audit
        if audit is not None:
            audit.decision(ctx, self, self.optional)
