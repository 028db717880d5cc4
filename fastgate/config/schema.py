"""The fastgate configuration schema: one frozen msgspec Struct per YAML object (SPEC §5).

Field names are the YAML keys (``from`` is the only one that is a Python keyword: it is the attribute
``from_``).  Every Struct is ``frozen=True, forbid_unknown_fields=True, kw_only=True`` and sequences are
tuples, so a loaded ``Config`` can be shared by every stage of a worker and swapped atomically on reload
(Kong ``schema.lua``, DESIGN practice 7).

What lives here:

* the types, their defaults and simple per-field bounds (``msgspec.Meta``) — checked by msgspec;
* a few ``__post_init__`` hooks that fill documented derived defaults (``first_byte_timeout_s`` =
  ``timeout_s``, a template's variables from its ``{{placeholders}}`` …) — they never raise;
* pure helpers (``parse_duration``, ``parse_hostport``, URL/CIDR/time parsing) shared with the loader.

Cross-field rules (unknown providers, fallback cycles, path collisions …) are in ``loader.py``, which
collects every problem with its dotted path instead of stopping at the first.
"""

from __future__ import annotations

import datetime
import ipaddress
import math
import os
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import msgspec
from msgspec import Meta, field
from msgspec.structs import force_setattr

__all__ = [
    "ResponseTransforms",
    "RequestTransforms",
    "BodyTransforms",
    "QueryTransforms",
    "PathRewrite",
    "HeaderTransforms",
    "Transforms",
    "WAF",
    "Throttle",
    "DURATION",
    "APIKey",
    "Admin",
    "Auth",
    "BreakerConfig",
    "Cache",
    "ClaimMap",
    "Config",
    "ContextPolicy",
    "CustomPII",
    "DenyRule",
    "Deprecation",
    "HealthCheck",
    "IntrospectionClaimMap",
    "IntrospectionProvider",
    "JWTProvider",
    "Limit",
    "Logging",
    "Model",
    "ModelTarget",
    "PII",
    "Policy",
    "PolicyMatch",
    "PolicyPII",
    "Price",
    "PromptGuard",
    "Provider",
    "RateLimit",
    "RequireAuth",
    "RetryBudgetConfig",
    "Route",
    "RouteUpstream",
    "Server",
    "Subscriptions",
    "Template",
    "TemplateMessage",
    "TemplateVariable",
    "TimeWindow",
    "Tokens",
    "TLS",
    "Target",
    "template_placeholders",
    "parse_duration",
    "parse_hostport",
    "check_http_url",
]

# --------------------------------------------------------------------------------------------------
# Durations
# --------------------------------------------------------------------------------------------------

#: Marker placed in ``Annotated[...]`` metadata of every duration field.  The loader walks the schema
#: and turns ``"30s"``-style strings into float seconds before msgspec sees them, so after load every
#: duration is a plain ``float``.  msgspec ignores metadata it does not know.
DURATION = object()

Seconds = Annotated[float, Meta(ge=0), DURATION]
PositiveSeconds = Annotated[float, Meta(gt=0), DURATION]

_DURATION_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 604800.0}
_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h|d|w)?\s*$")


def parse_duration(v: object) -> float:
    """Return ``v`` in seconds as a float.

    ``v`` is a number of seconds (int or float, not bool) or a string ``"<n><unit>"`` with unit
    ``ms | s | m | h | d | w`` (``"500ms"``, ``"30s"``, ``"1m"``, ``"1.5h"``, ``"30d"``); a bare numeric
    string means seconds.  Negative, NaN and infinite values are rejected with ``ValueError``.
    """
    # bool is an int subclass: `per: true` must not silently mean one second.
    if isinstance(v, bool):
        raise ValueError(f"invalid duration {v!r} (expected seconds or a string like 500ms, 30s, 1m, 1h, 1d)")
    if isinstance(v, int | float):
        seconds = float(v)
    elif isinstance(v, str):
        m = _DURATION_RE.match(v)
        if m is None:
            raise ValueError(
                f"invalid duration {v!r} (expected seconds or a string like 500ms, 30s, 1m, 1h, 1d)"
            )
        seconds = float(m.group(1)) * _DURATION_UNITS[m.group(2) or "s"]
    else:
        raise ValueError(f"invalid duration {v!r} (expected seconds or a string like 500ms, 30s, 1m, 1h, 1d)")
    if math.isnan(seconds) or math.isinf(seconds) or seconds < 0:
        raise ValueError(f"invalid duration {v!r} (must be a finite number >= 0)")
    return seconds


# --------------------------------------------------------------------------------------------------
# Small parsers shared with the loader's cross-field checks
# --------------------------------------------------------------------------------------------------

# RFC 1123 host names (letters, digits, hyphens; labels of 1..63 characters).
_HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(?:\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?$"
)


def parse_hostport(s: str) -> tuple[str, int]:
    """Parse a listen address ``HOST:PORT`` into ``(host, port)``.

    IPv6 hosts are bracketed (``[::1]:8080`` → ``("::1", 8080)``); hosts may also be IPv4 literals or
    RFC 1123 host names.  Port 0 (let the kernel choose) is allowed.  Raises ``ValueError``.
    """
    if not isinstance(s, str):
        raise ValueError(f"expected HOST:PORT, got {type(s).__name__}")
    if s.startswith("["):
        end = s.find("]")
        if end < 0 or s[end + 1 : end + 2] != ":":
            raise ValueError(f"invalid address {s!r} (expected [IPv6]:PORT)")
        host, port_s = s[1:end], s[end + 2 :]
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise ValueError(f"invalid IPv6 address {host!r} in {s!r}")
    else:
        host, sep, port_s = s.rpartition(":")
        if not sep or not host:
            raise ValueError(f"invalid address {s!r} (expected HOST:PORT)")
        if ":" in host:
            raise ValueError(f"invalid address {s!r} (IPv6 hosts must be bracketed, e.g. [::1]:8080)")
        if not _HOSTNAME_RE.match(host):
            raise ValueError(f"invalid host {host!r} in {s!r}")
    if not port_s.isdigit() or not 0 <= int(port_s) <= 65535:
        raise ValueError(f"invalid port {port_s!r} in {s!r} (expected 0..65535)")
    return host, int(port_s)


_LOOPBACK_NAMES = frozenset({"localhost", "localhost.", "ip6-localhost"})


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_http_url(url: str, *, https_only: bool = False) -> str | None:
    """Return ``None`` if ``url`` is an absolute http(s) URL with a host, else a message.

    With ``https_only`` plain http is allowed only towards loopback hosts (local IdP mocks, the demo):
    key material and client secrets must not cross a network in clear text (RFC 7662 §4, RFC 8414 §3).
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as e:
        return f"invalid URL {url!r} ({e})"
    if parts.scheme not in ("http", "https"):
        return f"invalid URL {url!r} (scheme must be http or https)"
    if not host:
        return f"invalid URL {url!r} (no host)"
    # Control characters or spaces in a URL are a request-splitting vector (CWE-113).
    if any(c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        return f"invalid URL {url!r} (contains whitespace or control characters)"
    if https_only and parts.scheme == "http" and not _is_loopback(host):
        return f"URL {url!r} must use https (plain http is allowed only to loopback hosts)"
    return None


_PLACEHOLDER_RE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def template_placeholders(text: str) -> list[str]:
    """Return the ``{{name}}`` placeholder names of ``text`` in order of first appearance."""
    seen: dict[str, None] = {}
    for m in _PLACEHOLDER_RE.finditer(text):
        seen.setdefault(m.group(1), None)
    return list(seen)


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$|^24:00$")


def _parse_days(specs: tuple[str, ...]) -> frozenset[int]:
    out: set[int] = set()
    for spec in specs:
        lo, sep, hi = spec.strip().lower().partition("-")
        if lo not in _DAYS or (sep and hi not in _DAYS):
            raise ValueError(f"invalid day {spec!r} (expected mon..sun or a range like mon-fri)")
        a = _DAYS.index(lo)
        b = _DAYS.index(hi) if sep else a
        # A range may wrap the week end: fri-mon = fri, sat, sun, mon.
        i = a
        while True:
            out.add(i)
            if i == b:
                break
            i = (i + 1) % 7
    return frozenset(out)


def _parse_clock(s: str) -> int:
    if not _CLOCK_RE.match(s):
        raise ValueError(f"invalid time of day {s!r} (expected HH:MM, 00:00..24:00)")
    hh, mm = s.split(":")
    return int(hh) * 60 + int(mm)


def _empty_to_none(obj: msgspec.Struct, name: str) -> None:
    # `api_key: "${OPENAI_API_KEY:-}"` yields "": an empty secret means "not configured".
    if getattr(obj, name) == "":
        force_setattr(obj, name, None)


class _Base(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Common options of every config Struct."""


# --------------------------------------------------------------------------------------------------
# server
# --------------------------------------------------------------------------------------------------


class TLS(_Base, frozen=True):
    """``server.tls``: optional TLS termination; ``cert`` and ``key`` (PEM paths) both or neither."""

    cert: str | None = None
    key: str | None = None

    @property
    def enabled(self) -> bool:
        """True when both files are configured."""
        return self.cert is not None and self.key is not None


class Server(_Base, frozen=True):
    """``server``: listeners, workers and the HTTP limits enforced before any upstream contact."""

    listen: str = "0.0.0.0:8080"
    admin_listen: str = "127.0.0.1:9090"
    workers: Annotated[int, Meta(ge=1)] | Literal["auto"] = "auto"
    max_body_bytes: Annotated[int, Meta(ge=1)] = 8388608
    drain_timeout_s: Seconds = 30.0
    trusted_proxies: tuple[str, ...] = ()
    tls: TLS = field(default_factory=TLS)
    keepalive_timeout_s: Seconds = 75.0
    header_timeout_s: PositiveSeconds = 10.0
    body_timeout_s: PositiveSeconds = 60.0
    max_connections: Annotated[int, Meta(ge=1)] = 10000
    backlog: Annotated[int, Meta(ge=1)] = 2048
    request_id_header: str = "x-request-id"
    #: HTTP server of the data plane: fastgate's own Protocol server (``native``, the fast
    #: path) or aiohttp's low-level server (``aiohttp``, kept for comparison and as a fallback).
    engine: Literal["native", "aiohttp"] = "native"
    #: Move everything alive once a worker is serving (config, World, modules) into the cyclic GC's
    #: permanent generation (``gc.freeze()``), so full collections stop re-walking that heap; it is
    #: walked again only at a reload. Off: CPython's default GC.
    gc_freeze: bool = True
    #: ``gc.set_threshold`` of a serving worker: generation 0 is collected after this many net
    #: container allocations (CPython's default 700 collects so often under load that requests in
    #: flight survive into older generations and are walked again there), then every 50 of those
    #: generation 1, and so on. Applied with ``gc_freeze``'s collection, in every worker process.
    gc_threshold: tuple[
        Annotated[int, Meta(ge=1)], Annotated[int, Meta(ge=1)], Annotated[int, Meta(ge=1)]
    ] = (10000, 50, 50)

    def __post_init__(self) -> None:
        # Header names are case-insensitive (RFC 9110 §5.1); store the canonical lowercase form.
        force_setattr(self, "request_id_header", self.request_id_header.lower())

    def resolved_workers(self) -> int:
        """``workers`` as a number: ``auto`` is one worker per CPU available to this process."""
        if self.workers == "auto":
            try:
                return max(1, len(os.sched_getaffinity(0)))
            except (AttributeError, OSError):
                return max(1, os.cpu_count() or 1)
        return int(self.workers)


# --------------------------------------------------------------------------------------------------
# auth
# --------------------------------------------------------------------------------------------------


class ClaimMap(_Base, frozen=True):
    """Where identity lives in a JWT; values are claim names (``null`` = not used)."""

    subject: str = "sub"
    groups: str | None = "groups"
    scopes: str | None = "scp"
    tenant: str | None = "tid"
    client_id: str | None = "azp"


class IntrospectionClaimMap(_Base, frozen=True):
    """Where identity lives in an RFC 7662 introspection response (``scope`` is a space-separated string there)."""

    subject: str = "sub"
    groups: str | None = "groups"
    scopes: str | None = "scope"
    tenant: str | None = "tid"
    client_id: str | None = "client_id"


JWTAlgorithm = Literal[
    "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"
]


class JWTProvider(_Base, frozen=True):
    """``auth.jwt[]``: one trusted issuer.

    Key source: at most one of ``discovery`` (``true`` or the URL of the discovery document),
    ``jwks_uri``, ``jwks_file``, ``jwks`` (inline JWKS); none means OIDC discovery at
    ``{issuer}/.well-known/openid-configuration``.  Only asymmetric algorithms exist here: HMAC keys
    are never derived from a JWKS (algorithm-confusion attacks, CVE-2015-9235 / CVE-2016-10555).
    """

    issuer: str
    audiences: tuple[str, ...] = ()
    discovery: bool | str | None = None
    jwks_uri: str | None = None
    jwks_file: str | None = None
    jwks: dict[str, Any] | None = None
    algorithms: tuple[JWTAlgorithm, ...] = ("RS256", "ES256")
    #: clock skew allowed on exp/nbf/iat; at most 5 minutes (RFC 8725 advises small values)
    leeway_s: Annotated[float, Meta(ge=0, le=300), DURATION] = 30.0
    claims: ClaimMap = field(default_factory=ClaimMap)
    required_claims: tuple[str, ...] = ()
    typ: str | None = None
    cache_size: Annotated[int, Meta(ge=0)] = 10000
    jwks_cache_s: Seconds = 300.0
    jwks_refetch_cooldown_s: Seconds = 30.0
    jwks_max_stale_s: Seconds = 86400.0

    @property
    def key_source(self) -> Literal["discovery", "jwks_uri", "jwks_file", "jwks"]:
        """Which key source is in effect (``discovery`` when none is configured)."""
        if self.jwks_uri is not None:
            return "jwks_uri"
        if self.jwks_file is not None:
            return "jwks_file"
        if self.jwks is not None:
            return "jwks"
        return "discovery"

    @property
    def discovery_url(self) -> str:
        """URL of the OIDC discovery document (OpenID Connect Discovery 1.0 §4)."""
        if isinstance(self.discovery, str):
            return self.discovery
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


class IntrospectionProvider(_Base, frozen=True):
    """``auth.introspection[]``: an RFC 7662 endpoint for opaque tokens."""

    endpoint: str
    client_id: str
    client_secret: str | None = None
    cache_s: Seconds = 60.0
    claims: IntrospectionClaimMap = field(default_factory=IntrospectionClaimMap)

    def __post_init__(self) -> None:
        _empty_to_none(self, "client_secret")


class APIKey(_Base, frozen=True):
    """``auth.api_keys[]``: a static key, stored only as the SHA-256 hex digest of the plaintext."""

    name: str
    sha256: str
    subject: str | None = None
    groups: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    tenant: str | None = None

    def __post_init__(self) -> None:
        # The key's name is its identity unless a subject is given.
        if self.subject is None:
            force_setattr(self, "subject", self.name)


class Auth(_Base, frozen=True):
    """``auth``: credential sources, tried as JWT → introspection → API key by the auth stage."""

    jwt: tuple[JWTProvider, ...] = ()
    introspection: tuple[IntrospectionProvider, ...] = ()
    api_keys: tuple[APIKey, ...] = ()


# --------------------------------------------------------------------------------------------------
# providers and models
# --------------------------------------------------------------------------------------------------


class Target(_Base, frozen=True):
    """One upstream endpoint with its share of traffic."""

    url: str
    weight: Annotated[float, Meta(gt=0)] = 1.0


class HealthCheck(_Base, frozen=True):
    """Active health check: ``GET {target}{path}`` every ``interval_s``."""

    path: str = "/models"
    interval_s: PositiveSeconds = 10.0


class BreakerConfig(_Base, frozen=True):
    """``providers.<name>.breaker``: the per-target circuit breaker (upstream/health.py).

    ``consecutive_failures`` failures in a row, or a failure share of at least ``failure_ratio`` over
    the last ``window_s`` seconds once ``min_requests`` were seen, open the breaker for ``cooldown_s``;
    then one probe request decides (success closes, failure reopens). A failure is a connect error,
    a timeout or a 5xx answer; 4xx/429 mean the target is alive.
    """

    consecutive_failures: Annotated[int, Meta(ge=1)] = 5
    failure_ratio: Annotated[float, Meta(gt=0, le=1)] = 0.5
    min_requests: Annotated[int, Meta(ge=1)] = 20
    window_s: PositiveSeconds = 10.0
    cooldown_s: PositiveSeconds = 10.0


class RetryBudgetConfig(_Base, frozen=True):
    """``providers.<name>.retry_budget``: retries ≤ ``ratio`` × requests + ``min_per_s`` per second.

    A token bucket per provider (holding at most ``burst`` retries) so retries cannot multiply the
    load on a provider during an outage (acceptance OPS-06: extra upstream load ≤ 20 %).
    """

    ratio: Annotated[float, Meta(ge=0, le=10)] = 0.2
    min_per_s: Annotated[float, Meta(ge=0)] = 1.0
    burst: Annotated[float, Meta(ge=1)] = 10.0


ProviderType = Literal["openai", "anthropic"]
ANTHROPIC_DEFAULT_VERSION = "2023-06-01"


class Provider(_Base, frozen=True):
    """``providers.<name>``: an LLM API account; ``base_url`` or ``targets`` (exactly one)."""

    type: ProviderType
    base_url: str | None = None
    targets: tuple[Target, ...] | None = None
    api_key: str | None = None
    timeout_s: PositiveSeconds = 120.0
    connect_timeout_s: PositiveSeconds = 5.0
    first_byte_timeout_s: PositiveSeconds | None = None
    idle_timeout_s: PositiveSeconds = 60.0
    max_retries: Annotated[int, Meta(ge=0, le=10)] = 2
    headers: dict[str, str] = field(default_factory=dict)
    anthropic_version: str | None = None
    health_check: HealthCheck | None = None
    #: per-target circuit breaker (defaults apply when omitted)
    breaker: BreakerConfig = field(default_factory=BreakerConfig)
    #: per-provider retry budget (defaults apply when omitted)
    retry_budget: RetryBudgetConfig = field(default_factory=RetryBudgetConfig)

    def __post_init__(self) -> None:
        _empty_to_none(self, "api_key")
        # Documented defaults that depend on other fields; after load these are never None.
        if self.first_byte_timeout_s is None:
            force_setattr(self, "first_byte_timeout_s", self.timeout_s)
        if self.type == "anthropic" and self.anthropic_version is None:
            force_setattr(self, "anthropic_version", ANTHROPIC_DEFAULT_VERSION)

    @property
    def endpoints(self) -> tuple[Target, ...]:
        """The upstream targets, whichever of ``base_url`` / ``targets`` was configured."""
        if self.targets is not None:
            return self.targets
        if self.base_url is not None:
            return (Target(url=self.base_url),)
        return ()


class ModelTarget(_Base, frozen=True):
    """``models.<name>.targets[]``: a provider and the provider's own model name."""

    provider: str
    model: str
    weight: Annotated[float, Meta(gt=0)] = 1.0


class Price(_Base, frozen=True):
    """US dollars per million tokens; ``cached_input_per_mtok`` defaults to the input price."""

    input_per_mtok: Annotated[float, Meta(ge=0)] = 0.0
    output_per_mtok: Annotated[float, Meta(ge=0)] = 0.0
    cached_input_per_mtok: Annotated[float, Meta(ge=0)] | None = None

    def __post_init__(self) -> None:
        if self.cached_input_per_mtok is None:
            force_setattr(self, "cached_input_per_mtok", self.input_per_mtok)


class ContextPolicy(_Base, frozen=True):
    """What to do with a prompt larger than the context window: 400, or drop the oldest messages."""

    strategy: Literal["reject", "truncate_oldest"] = "reject"


class RequireAuth(_Base, frozen=True):
    """RFC 9470 step-up: the token must carry one of ``acr_values`` and/or be at most ``max_age_s`` old.

    ``amr``: the token's ``amr`` claim (RFC 8176) must contain at least one of these methods
    (``[mfa]``, ``[hwk, otp]``); ``max_age_s`` is checked against ``auth_time``. A token that falls
    short gets 401 ``insufficient_user_authentication`` (stages/governance.py).
    """

    acr_values: tuple[str, ...] = ()
    max_age_s: Seconds | None = None
    amr: tuple[str, ...] = ()


class Deprecation(_Base, frozen=True):
    """Deprecation notice sent as ``Deprecation``/``Sunset``/``Link`` headers (RFC 9745, RFC 8594).

    ``since``: when it was deprecated (``Deprecation: @<epoch>``; absent → ``Deprecation: true``);
    ``sunset``: from 00:00 UTC that day the endpoint answers 410 Gone; ``link``: the replacement
    (``Link: <link>; rel="successor-version"``).
    """

    sunset: datetime.date | None = None
    link: str | None = None
    since: datetime.date | None = None


class Model(_Base, frozen=True):
    """``models.<name>``: a public model name and where it is served."""

    targets: tuple[ModelTarget, ...]
    fallbacks: tuple[str, ...] = ()
    context_window: Annotated[int, Meta(ge=1)] | None = None
    price: Price = field(default_factory=Price)
    max_output_tokens_default: Annotated[int, Meta(ge=1)] = 1024
    context: ContextPolicy = field(default_factory=ContextPolicy)
    require_auth: RequireAuth | None = None
    subscription: Literal["required"] | None = None
    version: str | None = None
    deprecated: Deprecation | None = None
    #: which failures of this model move on to its ``fallbacks`` (default: all of them):
    #: ``rate_limit`` (429), ``server_error`` (5xx, connect errors), ``timeout``, ``context_length``
    #: (OpenAI ``context_length_exceeded`` / Anthropic "prompt is too long")
    fallback_on: tuple[Literal["rate_limit", "server_error", "timeout", "context_length"], ...] = (
        "rate_limit", "server_error", "timeout", "context_length")


# --------------------------------------------------------------------------------------------------
# policies
# --------------------------------------------------------------------------------------------------


class TimeWindow(_Base, frozen=True):
    """``policies[].match.time``: days (``mon``, ``mon-fri``…) and ``from``–``to`` in ``tz``.

    A window whose ``to`` is before ``from`` wraps midnight (``22:00``–``06:00``).
    """

    days: tuple[str, ...] = ("mon-sun",)
    from_: str = field(default="00:00", name="from")
    to: str = "24:00"
    tz: str = "UTC"

    def day_set(self) -> frozenset[int]:
        """Weekdays as ``datetime.weekday()`` numbers (0 = Monday).  Call at load time, not per request."""
        return _parse_days(self.days)

    def minutes(self) -> tuple[int, int]:
        """``(from, to)`` in minutes after midnight (``to`` may be 1440)."""
        return _parse_clock(self.from_), _parse_clock(self.to)


class PolicyMatch(_Base, frozen=True):
    """``policies[].match``: every listed condition must hold; an empty match matches everyone."""

    groups: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    tenants: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ()
    ip: tuple[str, ...] = ()
    time: TimeWindow | None = None
    claims: dict[str, tuple[str | int | float | bool, ...]] = field(default_factory=dict)
    #: HTTP methods (any of), e.g. [GET, HEAD]
    methods: tuple[str, ...] = ()
    #: request path globs (any of), e.g. ["/api/reports/*"]; matched against the path as received
    paths: tuple[str, ...] = ()


LimitKey = Literal["subject", "tenant", "api_key", "ip", "global"]
LIMIT_KINDS = ("requests", "tokens", "usd", "concurrency")


def _numeric_string(v: object, kind: type) -> object:
    # `requests: "${RPM}"` reaches us as the string "60"; treat it like the number written in place.
    if isinstance(v, str) and not v.startswith("claim:"):
        try:
            return kind(v.strip())
        except ValueError:
            return v
    return v


class Limit(_Base, frozen=True):
    """``policies[].limits[]``: N units per window per value of ``key`` (GCRA, burst N).

    Exactly one of ``requests | tokens | usd | concurrency``; N is a number or ``"claim:NAME"``
    (read from the identity).  ``per`` is required except for ``concurrency``, where it is forbidden.
    """

    key: LimitKey
    requests: int | str | None = None
    tokens: int | str | None = None
    usd: float | str | None = None
    concurrency: int | str | None = None
    per: PositiveSeconds | None = None
    model: str | None = None
    shadow: bool = False

    def __post_init__(self) -> None:
        for name, kind in (("requests", int), ("tokens", int), ("usd", float), ("concurrency", int)):
            v = getattr(self, name)
            nv = _numeric_string(v, kind)
            if nv is not v:
                force_setattr(self, name, nv)

    @property
    def kind(self) -> str | None:
        """``"requests" | "tokens" | "usd" | "concurrency"`` (the one that is set)."""
        for name in LIMIT_KINDS:
            if getattr(self, name) is not None:
                return name
        return None

    @property
    def amount(self) -> int | float | str | None:
        """N: a number, or ``"claim:NAME"``."""
        kind = self.kind
        return None if kind is None else getattr(self, kind)

    @property
    def claim(self) -> str | None:
        """The claim name when N is read from the identity, else None."""
        a = self.amount
        return a[6:] if isinstance(a, str) and a.startswith("claim:") else None


PIIMode = Literal["off", "mask", "placeholder", "block"]


class PolicyPII(_Base, frozen=True):
    """``policies[].pii``: redaction of requests and responses (``placeholder`` is reversible)."""

    request: PIIMode = "off"
    response: PIIMode = "off"


class PromptGuard(_Base, frozen=True):
    """``policies[].prompt_guard``: deny/allow regexes over the prompt, and a prompt size cap.

    Any ``deny`` match, or (when ``allow`` is set) user text matching no ``allow`` pattern, or a
    prompt over ``max_prompt_tokens``, or a tool whose name matches a ``deny_tools`` glob → 400
    ``content_policy_violation`` (stages/governance.py).
    """

    deny: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    max_prompt_tokens: Annotated[int, Meta(ge=1)] | None = None
    deny_tools: tuple[str, ...] = ()


class DenyRule(_Base, frozen=True):
    """``deny[]`` (top level) and ``policies[].deny[]``: contextual deny rules → 403 ``access_denied``.

    A rule denies when every condition it lists holds: ``ip`` (client IP in a CIDR, after
    trusted-proxy resolution), ``ip_not`` (client IP in none of them), ``time`` (inside the window),
    ``time_not`` (outside it), ``methods``, ``paths`` (globs), ``models`` (globs), ``groups`` (any),
    ``claims`` (each named claim has one of the values). ``message`` is sent to the caller.
    """

    name: str = "deny"
    ip: tuple[str, ...] = ()
    ip_not: tuple[str, ...] = ()
    time: TimeWindow | None = None
    time_not: TimeWindow | None = None
    methods: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    claims: dict[str, tuple[str | int | float | bool, ...]] = field(default_factory=dict)
    message: str = "Access denied by policy"

    def __post_init__(self) -> None:
        # The loader's cross-field pass does not know this section: check here so `fastgate check`
        # reports a bad CIDR, day, clock or zone with its path instead of the worker failing at load.
        import zoneinfo

        for cidr in (*self.ip, *self.ip_not):
            ipaddress.ip_network(cidr, strict=False)
        for tw in (self.time, self.time_not):
            if tw is not None:
                tw.day_set()
                tw.minutes()
                try:
                    zoneinfo.ZoneInfo(tw.tz)
                except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                    raise ValueError(f"unknown time zone {tw.tz!r}") from None
        for pattern in (*self.paths, *self.models):
            if not pattern:
                raise ValueError("path and model patterns must not be empty")


class Policy(_Base, frozen=True):
    """``policies[]``: who (``match``) may use which models, with which limits; first match wins."""

    name: str
    match: PolicyMatch = field(default_factory=PolicyMatch)
    models: tuple[str, ...] = ("*",)
    require_scopes: tuple[str, ...] = ()
    limits: tuple[Limit, ...] = ()
    pii: PolicyPII = field(default_factory=PolicyPII)
    prompt_guard: PromptGuard | None = None
    #: contextual deny rules checked after this policy was selected (see ``DenyRule``)
    deny: tuple[DenyRule, ...] = ()


# --------------------------------------------------------------------------------------------------
# rate limiting, PII, routes, templates, tokens, cache, admin, logging
# --------------------------------------------------------------------------------------------------


class RateLimit(_Base, frozen=True):
    """``rate_limit``: the limiter backend and its failure policy (DESIGN practice 9)."""

    backend: Literal["local", "shm", "redis"] = "shm"
    redis_url: str | None = "redis://127.0.0.1:6379/0"
    on_backend_error: Literal["deny", "allow"] = "deny"
    shadow: bool = False
    shm_slots: Annotated[int, Meta(ge=1)] = 65536
    snapshot_path: str | None = None
    #: Every limiter key in Redis starts with this (RL-11: keys are identifiable and expire).
    key_prefix: str = "fastgate:rl:"


PIIEntity = Literal["email", "phone", "credit_card", "ssn", "ip", "iban", "secret"]
PII_ENTITIES: tuple[PIIEntity, ...] = ("email", "phone", "credit_card", "ssn", "ip", "iban", "secret")


class CustomPII(_Base, frozen=True):
    """``pii.custom[]``: an extra entity recognised by a regular expression."""

    name: str
    regex: str


class PII(_Base, frozen=True):
    """``pii``: which entities the redaction stage knows; policies decide whether it runs."""

    entities: tuple[PIIEntity, ...] = PII_ENTITIES
    custom: tuple[CustomPII, ...] = ()
    stream_holdback_chars: Annotated[int, Meta(ge=0)] = 64


# --------------------------------------------------------------------------------------------------
# edge protection: pre-auth throttles, WAF, transforms (issue 11)
# --------------------------------------------------------------------------------------------------


class Throttle(_Base, frozen=True):
    """``throttle``: per-client-IP abuse caps checked *before* authentication (stage ``throttle``).

    * ``requests`` per ``per`` (GCRA, burst up to ``requests``) per client address, on every
      endpoint; a flood of bad tokens is answered 429 before any signature is checked.
    * ``concurrency``: in-flight requests per client address (an HTTP/1.1 connection carries one
      request at a time, so this caps the connections doing work; idle keep-alives cost nothing).
    * ``connections``: open TCP connections per client address per worker, refused at accept time
      (429 + close) before any byte is parsed. The TCP peer's address: trusted proxies carry many
      clients, so list them in ``exempt``.
    * ``exempt``: CIDRs never throttled (health checkers, internal callers).

    The client address is the peer, or the ``X-Forwarded-For`` hop ``server.trusted_proxies``
    vouch for. State lives in the ``rate_limit.backend`` (shared by workers/hosts like every limit)
    and follows ``rate_limit.on_backend_error``. Both caps unset (the default): no stage at all.
    """

    requests: Annotated[int, Meta(ge=1)] | None = None
    per: PositiveSeconds = 1.0
    concurrency: Annotated[int, Meta(ge=1)] | None = None
    connections: Annotated[int, Meta(ge=1)] | None = None
    exempt: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for c in self.exempt:
            ipaddress.ip_network(c, strict=False)  # ValueError names the bad CIDR


class WAF(_Base, frozen=True):
    """``waf`` (global) and ``routes[].waf`` (per route, replaces the global one): the WAF stage.

    * ``mode``: ``block`` (403 ``waf_blocked``, nothing forwarded) | ``detect`` (logged and counted
      in ``fastgate_waf_events_total``, forwarded) | ``off``.
    * ``sqli`` / ``xss``: libinjection on the decoded path, query values, ``headers`` and JSON/form
      body values; ``path_traversal`` (``../``, encoded or not, NUL); ``header_injection`` (CR/LF/NUL
      in decoded values that could be copied into an upstream's headers, CWE-113).
    * ``headers``: request header names whose values are inspected.
    * ``exclude``: field names never inspected: query/form parameter names, header names, JSON keys
      (a leaf name, or a dotted path such as ``query.sql``), e.g. a field that legitimately
      carries SQL or code.
    * ``max_body_bytes``: bodies up to this size are inspected; ``uninspectable``: what to do with a
      body that cannot be (larger, compressed, malformed JSON): ``block`` (as ModSecurity's
      ``SecRequestBodyLimitAction Reject``) or ``allow``.
    """

    mode: Literal["block", "detect", "off"] = "off"
    sqli: bool = True
    xss: bool = True
    path_traversal: bool = True
    header_injection: bool = True
    headers: tuple[str, ...] = ("user-agent", "referer", "cookie")
    exclude: tuple[str, ...] = ()
    max_body_bytes: Annotated[int, Meta(ge=0)] = 1048576
    uninspectable: Literal["block", "allow"] = "block"

    def __post_init__(self) -> None:
        force_setattr(self, "headers", tuple(h.lower() for h in self.headers))


#: ``${...}`` placeholders a transform value may use. The config loader expands ``${VAR}`` from the
#: environment first, so in YAML they are written with its escape: ``$${request_id}``.
TRANSFORM_PLACEHOLDER_RE = re.compile(r"\$\{([^}]*)\}")
_TRANSFORM_VARS = frozenset({"request_id", "client_ip", "subject", "tenant", "route"})
# Names a transform may never set, remove or rename: framing and hop-by-hop fields are the
# gateway's own (RFC 9112 §6, RFC 9110 §7.6.1; request smuggling starts there).
_FORBIDDEN_TRANSFORM_HEADERS = frozenset({
    "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
    "content-length", "host",
})
_GATEWAY_VOUCHED = frozenset({"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-request-id", "forwarded",
                              "x-real-ip"})
_HEADER_NAME_RE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # RFC 9110 §5.6.2 token


def _check_template(value: str) -> None:
    for m in TRANSFORM_PLACEHOLDER_RE.finditer(value):
        name = m.group(1)
        if name not in _TRANSFORM_VARS and not (name.startswith("claim.") and len(name) > 6):
            raise ValueError(f"unknown placeholder '${{{name}}}' (use claim.NAME, "
                             f"{', '.join(sorted(_TRANSFORM_VARS))})")


def _check_header_name(name: str) -> None:
    if not _HEADER_NAME_RE.match(name) or "_" in name:
        raise ValueError(f"invalid header name {name!r}")
    if name.lower() in _FORBIDDEN_TRANSFORM_HEADERS:
        raise ValueError(f"header {name!r} is managed by the gateway and cannot be transformed")


class HeaderTransforms(_Base, frozen=True):
    """``transforms.{request,response}.headers``: applied in the order remove, rename, add.

    ``add`` sets (replaces) ``name: value``; values may use ``$${claim.NAME}``, ``$${request_id}``,
    ``$${client_ip}``, ``$${subject}``, ``$${tenant}``, ``$${route}``. A header whose value would
    be empty (missing claim) or would contain CR/LF/NUL is not set. ``rename``: ``old: new``.
    """

    add: dict[str, str] = field(default_factory=dict)
    remove: tuple[str, ...] = ()
    rename: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for n in (*self.add, *self.remove, *self.rename, *self.rename.values()):
            _check_header_name(n)
        for n in self.rename.values():
            # Renaming a client header into an identity/forwarding header would let the client
            # forge what the gateway vouches for (SPEC §4: client copies are always dropped).
            low = n.lower()
            if low.startswith("x-fastgate-") or low in _GATEWAY_VOUCHED:
                raise ValueError(f"cannot rename a header into {n!r}: the gateway vouches for it")
        for v in self.add.values():
            _check_template(v)


class PathRewrite(_Base, frozen=True):
    """``transforms.request.path``: rewrite the upstream path (after ``strip_prefix``).

    Exactly one of ``prefix`` (a leading prefix replaced by ``replace``; ``replace: ""`` strips it)
    or ``regex`` (Python ``re``, full match; ``replace`` may use ``\\1`` / ``\\g<name>`` captures).
    A path that does not match is forwarded unchanged.
    """

    prefix: str | None = None
    regex: str | None = None
    replace: str = ""

    def __post_init__(self) -> None:
        if (self.prefix is None) == (self.regex is None):
            raise ValueError("set exactly one of 'prefix' or 'regex'")
        if self.regex is not None:
            try:
                re.compile(self.regex)
            except re.error as e:  # not a ValueError: msgspec would not name the config path
                raise ValueError(f"invalid regex {self.regex!r}: {e}") from None


class QueryTransforms(_Base, frozen=True):
    """``transforms.request.query``: ``remove`` parameter names, then ``add`` (set) ``name: value``
    (values templated like headers)."""

    add: dict[str, str] = field(default_factory=dict)
    remove: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for v in self.add.values():
            _check_template(v)


class BodyTransforms(_Base, frozen=True):
    """``transforms.{request,response}.body``: JSON object fields by dotted path.

    ``remove`` first, then ``set`` (string values templated like headers; intermediate objects
    are created). Only JSON bodies up to ``max_bytes`` (uncompressed, ``application/json`` or
    ``+json``) are changed; anything else passes untouched. Configuring a response body transform
    buffers that route's responses (bounded) so they can be rewritten.
    """

    set: dict[str, Any] = field(default_factory=dict)
    remove: tuple[str, ...] = ()
    max_bytes: Annotated[int, Meta(ge=1)] = 1048576

    def __post_init__(self) -> None:
        for k, v in self.set.items():
            if not k or any(not p for p in k.split(".")):
                raise ValueError(f"invalid field path {k!r}")
            if isinstance(v, str):
                _check_template(v)


class RequestTransforms(_Base, frozen=True):
    """``transforms.request``: what the upstream receives."""

    headers: HeaderTransforms = field(default_factory=HeaderTransforms)
    path: PathRewrite | None = None
    query: QueryTransforms = field(default_factory=QueryTransforms)
    body: BodyTransforms | None = None


class ResponseTransforms(_Base, frozen=True):
    """``transforms.response``: what the client receives."""

    headers: HeaderTransforms = field(default_factory=HeaderTransforms)
    body: BodyTransforms | None = None


class Transforms(_Base, frozen=True):
    """``routes[].transforms``: request/response rewriting for a generic route (stage ``transforms``,
    order documented in ``fastgate/stages/transforms.py``)."""

    request: RequestTransforms = field(default_factory=RequestTransforms)
    response: ResponseTransforms = field(default_factory=ResponseTransforms)


class RouteUpstream(_Base, frozen=True):
    """``routes[].upstream``: weighted targets of a generic reverse-proxy route."""

    targets: tuple[Target, ...]


class Route(_Base, frozen=True):
    """``routes[]``: a generic reverse-proxy route matched by path prefix."""

    name: str
    path_prefix: str
    upstream: RouteUpstream
    auth: Literal["required", "optional", "off"] = "required"
    require_scopes: tuple[str, ...] = ()
    strip_prefix: bool = False
    timeout_s: PositiveSeconds = 60.0
    require_auth: RequireAuth | None = None
    subscription: Literal["required"] | None = None
    deprecated: Deprecation | None = None
    version: str | None = None
    #: ``None``: the global ``waf`` applies; set: this route's WAF replaces it.
    waf: WAF | None = None
    transforms: Transforms | None = None


class TemplateMessage(_Base, frozen=True):
    """One chat message of a template; ``{{name}}`` placeholders are filled from the request."""

    role: Literal["system", "developer", "user", "assistant"]
    content: str


class TemplateVariable(_Base, frozen=True):
    """A template variable; ``required`` defaults to true unless a ``default`` is given."""

    required: bool | None = None
    max_length: Annotated[int, Meta(ge=1)] | None = None
    default: str | None = None

    def __post_init__(self) -> None:
        if self.required is None:
            force_setattr(self, "required", self.default is None)


class Template(_Base, frozen=True):
    """``templates.<name>``: a prompt exposed as ``POST {path}``.

    Without ``variables`` the ``{{name}}`` placeholders found in ``messages`` are the variables, all
    required; after load ``variables`` is always a dict.
    """

    path: str
    model: str
    messages: tuple[TemplateMessage, ...]
    variables: dict[str, TemplateVariable] | None = None

    def __post_init__(self) -> None:
        if self.variables is None:
            found: dict[str, TemplateVariable] = {}
            for msg in self.messages:
                for name in template_placeholders(msg.content):
                    found.setdefault(name, TemplateVariable(required=True))
            force_setattr(self, "variables", found)


class Tokens(_Base, frozen=True):
    """``tokens``: ``estimate`` (fast, calibrated) or ``exact`` (tiktoken, optional extra)."""

    counter: Literal["estimate", "exact"] = "estimate"


class Cache(_Base, frozen=True):
    """``cache``: exact response cache for non-streaming calls; keys include the tenant."""

    enabled: bool = False
    backend: Literal["memory", "redis"] = "memory"
    ttl_s: PositiveSeconds = 300.0
    max_entries: Annotated[int, Meta(ge=1)] = 10000
    #: Redis for ``backend: redis``; ``null`` = ``rate_limit.redis_url``.
    redis_url: str | None = None


class Admin(_Base, frozen=True):
    """``admin``: a bearer token required on the admin plane when set (empty = not set)."""

    token: str | None = None

    def __post_init__(self) -> None:
        _empty_to_none(self, "token")


class Logging(_Base, frozen=True):
    """``logging``: JSON-lines access log (``stdout``, ``stderr``, a file path or ``off``)."""

    access_log: str = "stdout"
    #: one JSON line per authentication decision (allow/deny, reason, identity), same targets as
    #: ``access_log``; off by default (observability/audit.py).
    audit_log: str = "off"
    log_bodies: bool = False
    level: Literal["debug", "info", "warning", "error", "critical"] = "info"


class Usage(_Base, frozen=True):
    """``usage``: the durable usage ledger behind ``GET /admin/usage`` (write-behind)."""

    #: ``auto``: Redis hashes when ``rate_limit.backend`` is ``redis`` (one ledger for every host),
    #: else SQLite on this host.
    store: Literal["auto", "sqlite", "redis", "off"] = "auto"
    #: SQLite file shared by the workers of a host (WAL mode).
    path: str = "fastgate-usage.sqlite"
    #: Redis for ``store: redis``; ``null`` = ``rate_limit.redis_url``.
    redis_url: str | None = None
    #: keys are ``{key_prefix}{YYYY-MM-DD}`` hashes
    key_prefix: str = "fastgate:usage:"
    #: at most this much acknowledged usage is lost when a worker is SIGKILLed
    flush_interval_s: PositiveSeconds = 1.0


class Subscriptions(_Base, frozen=True):
    """``subscriptions``: the store of app → route/model subscriptions (``subscription: required``).

    ``store: auto`` is Redis when ``rate_limit.backend`` is ``redis`` (one store for every host),
    else the SQLite file ``path`` shared by the workers of a host. Workers re-read it every
    ``poll_interval_s`` (at most 1 s) so an approval or revocation is effective within a second.
    """

    store: Literal["auto", "sqlite", "redis"] = "auto"
    path: str = "fastgate-subscriptions.sqlite"
    #: Redis for ``store: redis``; ``null`` = ``rate_limit.redis_url``.
    redis_url: str | None = None
    key_prefix: str = "fastgate:subs:"
    poll_interval_s: Annotated[float, Meta(gt=0, le=1)] = 0.5


class Config(_Base, frozen=True):
    """The whole configuration: one immutable value, swapped as a unit on reload."""

    server: Server = field(default_factory=Server)
    auth: Auth = field(default_factory=Auth)
    providers: dict[str, Provider] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    policies: tuple[Policy, ...] = ()
    rate_limit: RateLimit = field(default_factory=RateLimit)
    pii: PII = field(default_factory=PII)
    routes: tuple[Route, ...] = ()
    templates: dict[str, Template] = field(default_factory=dict)
    tokens: Tokens = field(default_factory=Tokens)
    cache: Cache = field(default_factory=Cache)
    admin: Admin = field(default_factory=Admin)
    logging: Logging = field(default_factory=Logging)
    usage: Usage = field(default_factory=Usage)
    throttle: Throttle = field(default_factory=Throttle)
    waf: WAF = field(default_factory=WAF)
    #: global contextual deny rules (see ``DenyRule``), checked before the policy's own
    deny: tuple[DenyRule, ...] = ()
    subscriptions: Subscriptions = field(default_factory=Subscriptions)
