"""fastgate.config: schema, loader, cross-field checks, helpers and ``fastgate check``.

Every broken config is checked for the exact ``dotted.path: message`` it must produce; valid configs are
checked for the values they load to (durations in seconds, derived defaults, frozen structs).
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml

from fastgate.config import (
    Config,
    Provider,
    Server,
    TimeWindow,
    check_main,
    default_config,
    load_config,
    load_config_text,
    mask_secrets,
    parse_duration,
    parse_hostport,
)
from fastgate.config import loader as config_loader
from fastgate.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EXAMPLE_ENV = {
    "INTROSPECT_CLIENT_ID": "fastgate-introspector",
    "INTROSPECT_CLIENT_SECRET": "introspect-secret-xyz",
    "OPENAI_API_KEY": "sk-openai-secret-123",
    "ANTHROPIC_API_KEY": "sk-ant-secret-456",
}
SHA_A = hashlib.sha256(b"key-a").hexdigest()
SHA_B = hashlib.sha256(b"key-b").hexdigest()


def base() -> dict[str, Any]:
    """A small valid config as plain data; each error case mutates a deep copy of it."""
    return {
        "providers": {
            "openai": {"type": "openai", "base_url": "https://api.openai.com/v1", "api_key": "sk-x"},
            "anthropic": {"type": "anthropic", "base_url": "https://api.anthropic.com"},
        },
        "models": {
            "gpt-4o": {"targets": [{"provider": "openai", "model": "gpt-4o"}]},
            "claude-haiku": {"targets": [{"provider": "anthropic", "model": "claude-3-5-haiku-latest"}]},
        },
        "policies": [
            {
                "name": "default",
                "models": ["gpt-*"],
                "limits": [{"key": "subject", "requests": 60, "per": "1m"}],
            }
        ],
        "routes": [
            {
                "name": "orders",
                "path_prefix": "/api/orders/",
                "upstream": {"targets": [{"url": "http://127.0.0.1:8001"}]},
            }
        ],
        "templates": {
            "summarize": {
                "path": "/api/summarize",
                "model": "gpt-4o",
                "messages": [{"role": "user", "content": "Summarize: {{text}}"}],
            }
        },
    }


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False)


def errors_of(text: str, env: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as exc:
        load_config_text(text, env=env or {})
    assert exc.value.errors, "ConfigError without errors"
    assert str(exc.value) == "\n".join(exc.value.errors)
    return exc.value.errors


def load_example() -> Config:
    return load_config_text((EXAMPLES / "fastgate.yaml").read_text(), source="fastgate.yaml", env=EXAMPLE_ENV)


def test_base_is_valid() -> None:
    cfg = load_config_text(dump(base()), env={})
    assert set(cfg.models) == {"gpt-4o", "claude-haiku"}


# --------------------------------------------------------------------------------------------------
# The full example, frozen values, derived defaults
# --------------------------------------------------------------------------------------------------


def test_full_example_loads_with_every_section() -> None:
    cfg = load_example()
    assert isinstance(cfg, Config)
    assert set(cfg.providers) == {"openai", "anthropic", "local-vllm"}
    assert set(cfg.models) == {"gpt-4o-mini", "claude-haiku", "llama-3-70b"}
    assert [p.name for p in cfg.policies] == ["research", "office-hours-contractors", "default"]
    assert [r.name for r in cfg.routes] == ["orders", "status"]
    assert set(cfg.templates) == {"summarize", "translate"}
    # The example sets a value for every key of every section (so a dropped field shows up here).
    raw = yaml.safe_load((EXAMPLES / "fastgate.yaml").read_text())
    for section in ("server", "rate_limit", "cache", "logging", "pii", "tokens", "admin"):
        fields = {f.encode_name for f in msgspec.structs.fields(type(getattr(cfg, section)))}
        assert set(raw[section]) == fields, section


def test_full_example_values() -> None:
    cfg = load_example()
    openai = cfg.providers["openai"]
    assert openai.api_key == EXAMPLE_ENV["OPENAI_API_KEY"]
    assert openai.endpoints[0].url == "https://api.openai.com/v1"
    assert cfg.providers["anthropic"].anthropic_version == "2023-06-01"
    assert cfg.providers["anthropic"].first_byte_timeout_s == cfg.providers["anthropic"].timeout_s == 120.0
    assert [t.weight for t in cfg.providers["local-vllm"].endpoints] == [3.0, 1.0]
    assert cfg.auth.introspection[0].client_secret == EXAMPLE_ENV["INTROSPECT_CLIENT_SECRET"]
    assert cfg.auth.jwt[0].jwks_max_stale_s == 86400.0
    assert cfg.auth.jwt[0].key_source == "discovery"
    assert (
        cfg.auth.jwt[0].discovery_url
        == "https://dev-123.okta.com/oauth2/default/.well-known/openid-configuration"
    )
    assert cfg.auth.jwt[1].key_source == "jwks_uri"
    assert cfg.auth.api_keys[0].subject == "ci-bot"
    llama = cfg.models["llama-3-70b"]
    assert llama.require_auth is not None and llama.require_auth.max_age_s == 3600.0
    assert llama.deprecated is not None and str(llama.deprecated.sunset) == "2026-06-30"
    assert llama.context.strategy == "truncate_oldest"
    assert cfg.models["gpt-4o-mini"].price.cached_input_per_mtok == 0.075
    assert cfg.models["claude-haiku"].price.cached_input_per_mtok == 0.80  # defaults to the input price
    research, contractors, default = cfg.policies
    assert research.pii.request == "off"  # YAML 1.2: `off` is a string, not False
    assert [(lim.kind, lim.amount, lim.per) for lim in research.limits] == [
        ("requests", 600, 60.0),
        ("tokens", 200000, 60.0),
        ("usd", 100.0, 30 * 86400.0),
    ]
    assert contractors.limits[0].claim == "tpm" and contractors.limits[1].shadow is True
    assert contractors.match.time is not None and contractors.match.time.from_ == "08:00"
    assert contractors.match.time.day_set() == frozenset({0, 1, 2, 3, 4})
    assert default.limits[2].kind == "concurrency" and default.limits[2].per is None
    assert cfg.routes[0].require_auth is not None and cfg.routes[0].require_auth.max_age_s == 900.0
    assert cfg.routes[1].auth == "off"
    summarize, translate = cfg.templates["summarize"], cfg.templates["translate"]
    assert summarize.variables is not None and summarize.variables["style"].required is False
    assert translate.variables is not None and list(translate.variables) == ["lang", "text"]
    assert all(v.required for v in translate.variables.values())
    assert cfg.admin.token is None  # "${FASTGATE_ADMIN_TOKEN:-}" with the variable unset
    assert cfg.pii.custom[0].regex == r"EMP-\d{6}"


def test_every_duration_is_a_plain_float() -> None:
    cfg = load_example()
    seen = 0

    def walk(obj: Any) -> None:
        nonlocal seen
        if isinstance(obj, msgspec.Struct):
            for f in msgspec.structs.fields(obj):
                v = getattr(obj, f.name)
                if (f.encode_name.endswith("_s") or f.encode_name == "per") and v is not None:
                    assert type(v) is float, (type(obj).__name__, f.name, v)
                    seen += 1
                walk(v)
        elif isinstance(obj, dict):
            for v in obj.values():
                walk(v)
        elif isinstance(obj, tuple):
            for v in obj:
                walk(v)

    walk(cfg)
    assert seen > 30


def test_config_is_frozen() -> None:
    cfg = load_example()
    with pytest.raises(AttributeError):
        cfg.server = Server()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        cfg.server.listen = "0.0.0.0:1"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        cfg.models["gpt-4o-mini"].targets[0].weight = 9  # type: ignore[misc]
    assert isinstance(cfg.policies, tuple) and isinstance(cfg.policies[0].limits, tuple)
    with pytest.raises(TypeError):
        cfg.policies[0].models[0] = "x"  # type: ignore[index]


def test_minimal_example_and_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOCK_UPSTREAM_URL", raising=False)
    cfg = load_config(EXAMPLES / "minimal.yaml")
    assert cfg.providers["mock"].base_url == "http://127.0.0.1:9999/v1"
    assert cfg.auth.api_keys[0].sha256 == hashlib.sha256(b"dev-key-please-change").hexdigest()
    assert cfg.server.admin_listen == "127.0.0.1:9090"
    assert cfg.models["gpt-4o-mini"].max_output_tokens_default == 1024
    p = cfg.providers["mock"]
    assert (p.timeout_s, p.connect_timeout_s, p.idle_timeout_s, p.max_retries) == (120.0, 5.0, 60.0, 2)
    assert p.anthropic_version is None


def test_default_config_equals_empty_file() -> None:
    d = default_config()
    assert d == load_config_text("", env={}) == load_config_text("# nothing\n", env={})
    assert d.providers == {} and d.models == {} and d.policies == ()
    s = d.server
    assert (s.listen, s.admin_listen, s.workers, s.max_body_bytes) == (
        "0.0.0.0:8080",
        "127.0.0.1:9090",
        "auto",
        8388608,
    )
    assert (s.keepalive_timeout_s, s.header_timeout_s, s.body_timeout_s) == (75.0, 10.0, 60.0)
    assert (s.max_connections, s.backlog, s.request_id_header) == (10000, 2048, "x-request-id")
    assert d.rate_limit.on_backend_error == "deny" and d.rate_limit.shm_slots == 65536
    assert d.rate_limit.shadow is False and d.rate_limit.snapshot_path is None
    assert d.pii.stream_holdback_chars == 64 and len(d.pii.entities) == 7
    assert d.cache.enabled is False and d.cache.ttl_s == 300.0
    assert d.logging.level == "info" and d.logging.access_log == "stdout"
    assert d.tokens.counter == "estimate"
    assert s.resolved_workers() >= 1


def test_jwt_defaults() -> None:
    data = {"auth": {"jwt": [{"issuer": "https://idp.example.com", "audiences": ["api"]}]}}
    j = load_config_text(dump(data), env={}).auth.jwt[0]
    assert j.algorithms == ("RS256", "ES256") and j.leeway_s == 30.0 and j.typ is None
    assert (j.claims.subject, j.claims.groups, j.claims.scopes, j.claims.tenant, j.claims.client_id) == (
        "sub",
        "groups",
        "scp",
        "tid",
        "azp",
    )
    assert (j.cache_size, j.jwks_cache_s, j.jwks_refetch_cooldown_s, j.jwks_max_stale_s) == (
        10000,
        300.0,
        30.0,
        86400.0,
    )
    assert j.required_claims == () and j.key_source == "discovery"


def test_template_variables_explicit_and_derived() -> None:
    data = base()
    data["templates"]["summarize"]["messages"] = [
        {"role": "system", "content": "Style: {{ style }}"},
        {"role": "user", "content": "{{text}} and {{text}}"},
    ]
    t = load_config_text(dump(data), env={}).templates["summarize"]
    assert t.variables is not None and list(t.variables) == ["style", "text"]
    data["templates"]["summarize"]["variables"] = {
        "style": {"default": "brief", "max_length": 10},
        "text": {"max_length": 100},
    }
    t = load_config_text(dump(data), env={}).templates["summarize"]
    assert t.variables is not None
    assert (t.variables["style"].required, t.variables["style"].default) == (False, "brief")
    assert (t.variables["text"].required, t.variables["text"].max_length) == (True, 100)


def test_tokens_counter_exact_is_accepted_here() -> None:
    # tiktoken availability is the token module's concern, checked when the stage is built.
    data = base()
    data["tokens"] = {"counter": "exact"}
    assert load_config_text(dump(data), env={}).tokens.counter == "exact"


def test_helpers_on_structs() -> None:
    assert TimeWindow(days=("fri-mon",)).day_set() == frozenset({4, 5, 6, 0})
    assert TimeWindow(days=("sat", "sun")).day_set() == frozenset({5, 6})
    assert TimeWindow(from_="22:00", to="06:30").minutes() == (1320, 390)
    p = Provider(type="openai", base_url="http://h/v1")
    assert [t.url for t in p.endpoints] == ["http://h/v1"] and p.first_byte_timeout_s == 120.0
    assert Server(workers=3).resolved_workers() == 3


# --------------------------------------------------------------------------------------------------
# Error table: one broken thing → the exact path-qualified message
# --------------------------------------------------------------------------------------------------


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Mutation that sets ``value`` at a dotted/bracketed path, creating mappings on the way."""

    def apply(d: dict[str, Any]) -> None:
        parts: list[Any] = []
        for piece in path.split("."):
            name, _, rest = piece.partition("[")
            parts.append(name)
            if rest:
                parts.extend(int(i) for i in rest.rstrip("]").split("]["))
        cur: Any = d
        for p in parts[:-1]:
            if isinstance(p, str) and p not in cur:
                cur[p] = {}
            cur = cur[p]
        cur[parts[-1]] = value

    return apply


def _del(path: str) -> Callable[[dict[str, Any]], None]:
    def apply(d: dict[str, Any]) -> None:
        *head, last = path.split(".")
        cur: Any = d
        for p in head:
            cur = cur[p]
        del cur[last]

    return apply


def _many(*fns: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def apply(d: dict[str, Any]) -> None:
        for f in fns:
            f(d)

    return apply


def _add_route(**kw: Any) -> Callable[[dict[str, Any]], None]:
    def apply(d: dict[str, Any]) -> None:
        route = {
            "name": "r2",
            "path_prefix": "/r2/",
            "upstream": {"targets": [{"url": "http://127.0.0.1:1"}]},
        }
        route.update(kw)
        d["routes"].append(route)

    return apply


def _add_policy(**kw: Any) -> Callable[[dict[str, Any]], None]:
    def apply(d: dict[str, Any]) -> None:
        d["policies"].append({"name": "p2", **kw})

    return apply


def _limit(**kw: Any) -> Callable[[dict[str, Any]], None]:
    return _set("policies[0].limits", [kw])


JWT = {"issuer": "https://idp.example.com", "audiences": ["api"]}

ERROR_CASES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    # --- references between sections
    (
        "unknown-provider",
        _set("models.gpt-4o.targets[0].provider", "opnai"),
        "models.gpt-4o.targets[0].provider: unknown provider 'opnai' (did you mean 'openai'?)",
    ),
    (
        "unknown-fallback",
        _set("models.gpt-4o.fallbacks", ["gpt-5"]),
        "models.gpt-4o.fallbacks[0]: unknown model 'gpt-5'",
    ),
    (
        "fallback-cycle",
        _many(
            _set("models.gpt-4o.fallbacks", ["claude-haiku"]),
            _set("models.claude-haiku.fallbacks", ["gpt-4o"]),
        ),
        "models.claude-haiku.fallbacks[0]: fallback cycle gpt-4o -> claude-haiku -> gpt-4o",
    ),
    (
        "fallback-self",
        _set("models.gpt-4o.fallbacks", ["gpt-4o"]),
        "models.gpt-4o.fallbacks[0]: fallback cycle gpt-4o -> gpt-4o",
    ),
    (
        "template-model",
        _set("templates.summarize.model", "gpt-5"),
        "templates.summarize.model: unknown model 'gpt-5'",
    ),
    (
        "policy-glob",
        _set("policies[0].models", ["gpt-*", "mistral-*"]),
        "policies[0].models[1]: pattern 'mistral-*' matches no model",
    ),
    (
        "limit-model-glob",
        _limit(key="subject", requests=1, per=1, model="o1-*"),
        "policies[0].limits[0].model: pattern 'o1-*' matches no model",
    ),
    ("model-no-targets", _set("models.gpt-4o.targets", []), "models.gpt-4o.targets: must not be empty"),
    (
        "model-missing-targets",
        _set("models.gpt-4o", {"fallbacks": []}),
        "models.gpt-4o: missing required key 'targets'",
    ),
    (
        "max-output-vs-window",
        _set("models.gpt-4o.context_window", 1000),
        "models.gpt-4o.max_output_tokens_default: must be smaller than context_window (1000)",
    ),
    (
        "require-auth-empty",
        _set("models.gpt-4o.require_auth", {}),
        "models.gpt-4o.require_auth: set acr_values, amr and/or max_age_s",
    ),
    (
        "subscription-value",
        _set("models.gpt-4o.subscription", "optional"),
        "models.gpt-4o.subscription: invalid value 'optional'",
    ),
    (
        "context-strategy",
        _set("models.gpt-4o.context", {"strategy": "truncate"}),
        "models.gpt-4o.context.strategy: invalid value 'truncate'",
    ),
    (
        "deprecated-link",
        _set("models.gpt-4o.deprecated", {"link": "docs/x"}),
        "models.gpt-4o.deprecated.link: invalid URL 'docs/x'",
    ),
    (
        "deprecated-sunset",
        _set("models.gpt-4o.deprecated", {"sunset": "soon"}),
        "models.gpt-4o.deprecated.sunset: invalid value 'soon' (expected a date (YYYY-MM-DD) or null)",
    ),
    # --- routes and templates
    (
        "route-prefix-slash",
        _set("routes[0].path_prefix", "api/orders/"),
        "routes[0].path_prefix: must start with '/'",
    ),
    (
        "route-prefix-dots",
        _set("routes[0].path_prefix", "/api/../admin/"),
        "routes[0].path_prefix: invalid path '/api/../admin/'",
    ),
    (
        "route-dup-name",
        _add_route(name="orders"),
        "routes[1].name: duplicate route name 'orders' (also routes[0])",
    ),
    (
        "route-dup-prefix",
        _add_route(path_prefix="/api/orders/"),
        "routes[1].path_prefix: duplicate path_prefix '/api/orders/' (also route 'orders')",
    ),
    ("route-auth-value", _set("routes[0].auth", "maybe"), "routes[0].auth: invalid value 'maybe'"),
    (
        "route-no-targets",
        _set("routes[0].upstream", {"targets": []}),
        "routes[0].upstream.targets: must not be empty",
    ),
    (
        "route-url",
        _set("routes[0].upstream.targets[0].url", "127.0.0.1:8001"),
        "routes[0].upstream.targets[0].url: invalid URL",
    ),
    (
        "route-scopes-auth-off",
        _many(_set("routes[0].auth", "off"), _set("routes[0].require_scopes", ["a"])),
        "routes[0].require_scopes: needs authentication",
    ),
    (
        "template-path-slash",
        _set("templates.summarize.path", "api/x"),
        "templates.summarize.path: must start with '/'",
    ),
    (
        "template-path-v1",
        _set("templates.summarize.path", "/v1/summarize"),
        "templates.summarize.path: '/v1/summarize' collides with the OpenAI-compatible API",
    ),
    (
        "template-path-route",
        _set("templates.summarize.path", "/api/orders/summary"),
        "templates.summarize.path: '/api/orders/summary' collides with route 'orders' (path_prefix '/api/orders/')",
    ),
    (
        "template-path-dup",
        _set(
            "templates.t2",
            {"path": "/api/summarize", "model": "gpt-4o", "messages": [{"role": "user", "content": "x"}]},
        ),
        "templates.t2.path: '/api/summarize' is already used by template 'summarize'",
    ),
    (
        "template-undeclared",
        _set("templates.summarize.variables", {"style": {}}),
        "templates.summarize.messages[0].content: placeholder '{{text}}' is not declared in variables",
    ),
    (
        "template-unused",
        _set("templates.summarize.variables", {"text": {}, "tone": {"default": "x"}}),
        "templates.summarize.variables.tone: declared but not used in messages",
    ),
    (
        "template-required-default",
        _set("templates.summarize.variables", {"text": {"required": True, "default": "x"}}),
        "templates.summarize.variables.text.required: a variable with a default cannot be required",
    ),
    (
        "template-role",
        _set("templates.summarize.messages[0].role", "robot"),
        "templates.summarize.messages[0].role: invalid value 'robot'",
    ),
    # --- providers
    (
        "provider-scheme",
        _set("providers.openai.base_url", "ftp://api.openai.com"),
        "providers.openai.base_url: invalid URL 'ftp://api.openai.com' (scheme must be http or https)",
    ),
    (
        "provider-no-host",
        _set("providers.openai.base_url", "https:///v1"),
        "providers.openai.base_url: invalid URL 'https:///v1' (no host)",
    ),
    (
        "provider-both",
        _set("providers.openai.targets", [{"url": "https://a"}]),
        "providers.openai: exactly one of base_url or targets is required",
    ),
    (
        "provider-neither",
        _del("providers.openai.base_url"),
        "providers.openai: exactly one of base_url or targets is required",
    ),
    (
        "provider-type",
        _set("providers.openai.type", "openia"),
        "providers.openai.type: invalid value 'openia' (expected 'openai' | 'anthropic') (did you mean 'openai'?)",
    ),
    (
        "provider-anthropic-version",
        _set("providers.openai.anthropic_version", "2023-06-01"),
        "providers.openai.anthropic_version: only valid for type anthropic",
    ),
    (
        "provider-header-crlf",
        _set("providers.openai.headers", {"X-A": "a\r\nX-Injected: 1"}),
        "providers.openai.headers.X-A: header value must not contain CR, LF or NUL",
    ),
    (
        "provider-header-name",
        _set("providers.openai.headers", {"Bad Header": "v"}),
        "providers.openai.headers.Bad Header: invalid header name 'Bad Header'",
    ),
    (
        "provider-retries",
        _set("providers.openai.max_retries", -1),
        "providers.openai.max_retries: must be >= 0, got -1",
    ),
    (
        "provider-health-path",
        _set("providers.openai.health_check", {"path": "models"}),
        "providers.openai.health_check.path: must start with '/'",
    ),
    # --- weights and numbers
    (
        "weight-zero",
        _set("models.gpt-4o.targets[0].weight", 0),
        "models.gpt-4o.targets[0].weight: must be > 0, got 0",
    ),
    (
        "target-weight-negative",
        _set("routes[0].upstream.targets[0].weight", -2),
        "routes[0].upstream.targets[0].weight: must be > 0, got -2",
    ),
    (
        "wrong-type",
        _set("server.max_body_bytes", "big"),
        "server.max_body_bytes: expected an integer, got string 'big'",
    ),
    (
        "wrong-container",
        _set("models.gpt-4o.fallbacks", "claude-haiku"),
        "models.gpt-4o.fallbacks: expected a list, got string 'claude-haiku'",
    ),
    ("not-a-mapping", _set("server", ["listen"]), "server: expected a mapping, got list"),
    (
        "workers",
        _set("server.workers", "many"),
        "server.workers: invalid value 'many' (expected an integer or 'auto')",
    ),
    ("workers-zero", _set("server.workers", 0), "server.workers: "),
    (
        "gc-threshold-length",
        _set("server.gc_threshold", [5000, 10]),
        "server.gc_threshold: expected a list of 3 items, got list of 2",
    ),
    ("gc-threshold-zero", _set("server.gc_threshold", [0, 10, 10]), "server.gc_threshold[0]: must be >= 1, got 0"),
    # --- server
    (
        "listen-no-port",
        _set("server.listen", "8080"),
        "server.listen: invalid address '8080' (expected HOST:PORT)",
    ),
    (
        "listen-ipv6-bare",
        _set("server.listen", "::1:8080"),
        "server.listen: invalid address '::1:8080' (IPv6 hosts must be bracketed",
    ),
    (
        "listen-port-range",
        _set("server.admin_listen", "127.0.0.1:70000"),
        "server.admin_listen: invalid port '70000'",
    ),
    (
        "listen-same",
        _many(_set("server.listen", "127.0.0.1:8080"), _set("server.admin_listen", "127.0.0.1:8080")),
        "server.admin_listen: same address as server.listen",
    ),
    (
        "trusted-proxy",
        _set("server.trusted_proxies", ["10.0.0.0/8", "10.0.0.0/33"]),
        "server.trusted_proxies[1]: invalid CIDR '10.0.0.0/33'",
    ),
    (
        "tls-half",
        _set("server.tls", {"cert": "/etc/cert.pem"}),
        "server.tls: cert and key must be set together",
    ),
    (
        "request-id-header",
        _set("server.request_id_header", "x request id"),
        "server.request_id_header: invalid header name",
    ),
    # --- pii
    (
        "pii-regex",
        _set("pii.custom", [{"name": "emp", "regex": "EMP-("}]),
        "pii.custom[0].regex: invalid regex 'EMP-(': missing ), unterminated subpattern at position 4",
    ),
    (
        "pii-empty-regex",
        _set("pii.custom", [{"name": "emp", "regex": "x*"}]),
        "pii.custom[0].regex: regex 'x*' matches the empty string",
    ),
    (
        "pii-builtin-name",
        _set("pii.custom", [{"name": "email", "regex": "x"}]),
        "pii.custom[0].name: 'email' is a built-in entity",
    ),
    ("pii-entity", _set("pii.entities", ["email", "passport"]), "pii.entities[1]: invalid value 'passport'"),
    (
        "pii-mode",
        _set("policies[0].pii", {"request": "redact"}),
        "policies[0].pii.request: invalid value 'redact'",
    ),
    # --- policies and limits
    (
        "policy-dup",
        _add_policy(name="default"),
        "policies[1].name: duplicate policy name 'default' (also policies[0])",
    ),
    (
        "limit-none",
        _limit(key="subject", per="1m"),
        "policies[0].limits[0]: exactly one of requests, tokens, usd, concurrency is required",
    ),
    (
        "limit-two",
        _limit(key="subject", requests=1, tokens=5, per="1m"),
        "policies[0].limits[0]: exactly one of requests, tokens, usd, concurrency is required, got requests and tokens",
    ),
    (
        "limit-per-missing",
        _limit(key="subject", tokens=100),
        "policies[0].limits[0].per: required for tokens limits",
    ),
    (
        "limit-per-concurrency",
        _limit(key="subject", concurrency=4, per="1s"),
        "policies[0].limits[0].per: not allowed for concurrency limits",
    ),
    (
        "limit-zero",
        _limit(key="subject", requests=0, per="1m"),
        "policies[0].limits[0].requests: must be > 0, got 0",
    ),
    (
        "limit-negative-usd",
        _limit(key="tenant", usd=-1.5, per="1d"),
        "policies[0].limits[0].usd: must be > 0, got -1.5",
    ),
    (
        "limit-bad-claim",
        _limit(key="subject", tokens="tpm", per="1m"),
        "policies[0].limits[0].tokens: expected a number or 'claim:NAME', got 'tpm'",
    ),
    (
        "limit-key",
        _limit(key="subj", requests=1, per="1m"),
        "policies[0].limits[0].key: invalid value 'subj' (expected 'subject' | 'tenant' | 'api_key' | 'ip' | 'global') (did you mean 'subject'?)",
    ),
    (
        "limit-per-zero",
        _limit(key="subject", requests=1, per=0),
        "policies[0].limits[0].per: must be > 0, got 0",
    ),
    (
        "limit-per-bad",
        _limit(key="subject", requests=1, per="1 minute"),
        "policies[0].limits[0].per: invalid duration '1 minute'",
    ),
    (
        "match-ip",
        _set("policies[0].match", {"ip": ["10.1.2.3/40"]}),
        "policies[0].match.ip[0]: invalid CIDR '10.1.2.3/40'",
    ),
    (
        "match-tz",
        _set("policies[0].match", {"time": {"tz": "Mars/Olympus"}}),
        "policies[0].match.time.tz: unknown time zone 'Mars/Olympus'",
    ),
    (
        "match-days",
        _set("policies[0].match", {"time": {"days": ["mon-fry"]}}),
        "policies[0].match.time.days: invalid day 'mon-fry'",
    ),
    (
        "match-from",
        _set("policies[0].match", {"time": {"from": "8am"}}),
        "policies[0].match.time.from: invalid time of day '8am'",
    ),
    (
        "match-empty-window",
        _set("policies[0].match", {"time": {"from": "08:00", "to": "08:00"}}),
        "policies[0].match.time: from and to are equal",
    ),
    (
        "match-claims-empty",
        _set("policies[0].match", {"claims": {"dept": []}}),
        "policies[0].match.claims.dept: must list at least one value",
    ),
    (
        "prompt-guard-regex",
        _set("policies[0].prompt_guard", {"deny": ["[unclosed"]}),
        "policies[0].prompt_guard.deny[0]: invalid regex '[unclosed': unterminated character set",
    ),
    (
        "prompt-guard-max",
        _set("policies[0].prompt_guard", {"max_prompt_tokens": 0}),
        "policies[0].prompt_guard.max_prompt_tokens: must be >= 1, got 0",
    ),
    # --- auth
    (
        "api-key-hex",
        _set("auth.api_keys", [{"name": "a", "sha256": SHA_A.upper()}]),
        "auth.api_keys[0].sha256: must be 64 lowercase hex characters",
    ),
    (
        "api-key-short",
        _set("auth.api_keys", [{"name": "a", "sha256": "abc"}]),
        "auth.api_keys[0].sha256: must be 64 lowercase hex characters",
    ),
    (
        "api-key-dup-name",
        _set("auth.api_keys", [{"name": "a", "sha256": SHA_A}, {"name": "a", "sha256": SHA_B}]),
        "auth.api_keys[1].name: duplicate api key name 'a' (also auth.api_keys[0])",
    ),
    (
        "api-key-dup-hash",
        _set("auth.api_keys", [{"name": "a", "sha256": SHA_A}, {"name": "b", "sha256": SHA_A}]),
        "auth.api_keys[1].sha256: same key as auth.api_keys[0]",
    ),
    (
        "jwt-two-sources",
        _set("auth.jwt", [{**JWT, "jwks_uri": "https://idp.example.com/keys", "jwks_file": "/k.json"}]),
        "auth.jwt[0]: at most one key source is allowed, got jwks_uri and jwks_file",
    ),
    (
        "jwt-no-audience",
        _set("auth.jwt", [{"issuer": "https://idp.example.com"}]),
        "auth.jwt[0].audiences: at least one audience is required",
    ),
    (
        "jwt-http-jwks",
        _set("auth.jwt", [{**JWT, "jwks_uri": "http://idp.example.com/keys"}]),
        "auth.jwt[0].jwks_uri: URL 'http://idp.example.com/keys' must use https",
    ),
    (
        "jwt-dup-issuer",
        _set("auth.jwt", [JWT, JWT]),
        "auth.jwt[1].issuer: duplicate issuer 'https://idp.example.com' (also auth.jwt[0])",
    ),
    (
        "jwt-alg",
        _set("auth.jwt", [{**JWT, "algorithms": ["RS256", "HS256"]}]),
        "auth.jwt[0].algorithms[1]: invalid value 'HS256'",
    ),
    (
        "jwt-alg-none",
        _set("auth.jwt", [{**JWT, "algorithms": ["none"]}]),
        "auth.jwt[0].algorithms[0]: invalid value 'none'",
    ),
    (
        "jwt-missing-issuer",
        _set("auth.jwt", [{"audiences": ["a"]}]),
        "auth.jwt[0]: missing required key 'issuer'",
    ),
    (
        "jwt-inline-private",
        _set(
            "auth.jwt",
            [{**JWT, "jwks": {"keys": [{"kty": "EC", "crv": "P-256", "x": "a", "y": "b", "d": "c"}]}}],
        ),
        "auth.jwt[0].jwks.keys[0]: contains private key material (d)",
    ),
    (
        "jwt-inline-oct",
        _set("auth.jwt", [{**JWT, "jwks": {"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}}]),
        "auth.jwt[0].jwks.keys[0]: symmetric ('oct') keys are not accepted",
    ),
    (
        "jwt-inline-shape",
        _set("auth.jwt", [{**JWT, "jwks": {"kty": "RSA"}}]),
        'auth.jwt[0].jwks: must be a JWKS object with a non-empty "keys" list',
    ),
    (
        "jwt-claims-key",
        _set("auth.jwt", [{**JWT, "claims": {"subjet": "sub"}}]),
        "auth.jwt[0].claims.subjet: unknown key 'subjet' (did you mean 'subject'?)",
    ),
    (
        "introspection-http",
        _set(
            "auth.introspection",
            [{"endpoint": "http://idp.example.com/introspect", "client_id": "c", "client_secret": "s"}],
        ),
        "auth.introspection[0].endpoint: URL 'http://idp.example.com/introspect' must use https",
    ),
    (
        "introspection-secret",
        _set("auth.introspection", [{"endpoint": "https://idp.example.com/i", "client_id": "c"}]),
        "auth.introspection[0].client_secret: required",
    ),
    # --- rate limit, cache, logging
    (
        "redis-no-url",
        _set("rate_limit", {"backend": "redis", "redis_url": None}),
        "rate_limit.redis_url: required when backend is redis",
    ),
    (
        "redis-scheme",
        _set("rate_limit", {"redis_url": "http://127.0.0.1:6379"}),
        "rate_limit.redis_url: invalid URL 'http://127.0.0.1:6379' (scheme must be redis, rediss or unix)",
    ),
    (
        "backend-value",
        _set("rate_limit", {"backend": "memcached"}),
        "rate_limit.backend: invalid value 'memcached'",
    ),
    (
        "on-backend-error",
        _set("rate_limit", {"on_backend_error": "open"}),
        "rate_limit.on_backend_error: invalid value 'open'",
    ),
    ("shm-slots", _set("rate_limit", {"shm_slots": 0}), "rate_limit.shm_slots: must be >= 1, got 0"),
    ("cache-ttl", _set("cache", {"ttl_s": "forever"}), "cache.ttl_s: invalid duration 'forever'"),
    ("log-level", _set("logging", {"level": "verbose"}), "logging.level: invalid value 'verbose'"),
    (
        "bool-as-yes",
        _set("cache", {"enabled": "yes"}),
        "cache.enabled: expected true or false, got string 'yes' (write true or false)",
    ),
    # --- unknown keys
    ("unknown-top", _set("sever", {}), "sever: unknown key 'sever' (did you mean 'server'?)"),
    (
        "unknown-nested",
        _set("providers.openai.timout_s", 5),
        "providers.openai.timout_s: unknown key 'timout_s' (did you mean 'timeout_s'?)",
    ),
    (
        "unknown-no-suggestion",
        _set("server.zzz", 1),
        "server.zzz: unknown key 'zzz' (allowed: listen, admin_listen,",
    ),
    (
        "unknown-in-list",
        _set("policies[0].limits[0].perr", "1m"),
        "policies[0].limits[0].perr: unknown key 'perr' (did you mean 'per'?)",
    ),
    (
        "non-string-key",
        lambda d: d["models"].update({1: d["models"]["gpt-4o"]}),
        "models.1: key must be a string, got integer 1",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES]
)
def test_error_table(mutate: Callable[[dict[str, Any]], None], expected: str) -> None:
    data = copy.deepcopy(base())
    mutate(data)
    errors = errors_of(dump(data))
    assert any(e.startswith(expected) for e in errors), errors
    # Every line is `path: message`; the path is never msgspec's `$...` form.
    for e in errors:
        path, sep, msg = e.partition(": ")
        assert sep and msg and path and not path.startswith("$") and "[...]" not in e, e


def test_unknown_listen_key_with_suggestion() -> None:
    errors = errors_of("server:\n  lisen: 0.0.0.0:8080\n")
    assert errors == ["server.lisen: unknown key 'lisen' (did you mean 'listen'?)"]


def test_all_cross_field_errors_are_collected() -> None:
    data = base()
    data["models"]["gpt-4o"]["targets"][0]["provider"] = "opnai"
    data["models"]["claude-haiku"]["fallbacks"] = ["nope"]
    data["routes"][0]["path_prefix"] = "api"
    data["templates"]["summarize"]["model"] = "gpt-5"
    data["policies"][0]["models"] = ["mistral-*"]
    errors = errors_of(dump(data))
    assert errors == [
        "models.gpt-4o.targets[0].provider: unknown provider 'opnai' (did you mean 'openai'?)",
        "models.claude-haiku.fallbacks[0]: unknown model 'nope'",
        "policies[0].models[0]: pattern 'mistral-*' matches no model",
        "routes[0].path_prefix: must start with '/'",
        "templates.summarize.model: unknown model 'gpt-5' (did you mean 'gpt-4o'?)",
    ]


def test_all_type_errors_are_collected_with_real_keys() -> None:
    # msgspec alone stops at the first error and writes mapping keys as `[...]`.
    data = base()
    data["server"] = {"max_body_bytes": "big", "lisen": "x"}
    data["models"]["claude-haiku"]["targets"][0]["weight"] = "heavy"
    data["providers"]["anthropic"]["timeout_s"] = "soon"
    data["policies"][0]["limits"][0]["key"] = "user"
    errors = errors_of(dump(data))
    assert errors == [
        "providers.anthropic.timeout_s: invalid duration 'soon' (expected seconds or a string like 500ms, 30s, 1m, 1h, 1d)",
        # then in document order (`server` was added last)
        "models.claude-haiku.targets[0].weight: expected a number, got string 'heavy'",
        "policies[0].limits[0].key: invalid value 'user' (expected 'subject' | 'tenant' | 'api_key' | 'ip' | 'global')",
        "server.max_body_bytes: expected an integer, got string 'big'",
        "server.lisen: unknown key 'lisen' (did you mean 'listen'?)",
    ]


def test_msgspec_paths_translate_to_dotted_paths() -> None:
    t = config_loader._translate_path
    assert t("models.gpt-4o", "$") == "models.gpt-4o"
    assert t("models.gpt-4o", "$.targets[0].provider") == "models.gpt-4o.targets[0].provider"
    assert t("policies", "$[2].limits[0]") == "policies[2].limits[0]"
    assert t("", "$.server.listen") == "server.listen"
    assert t("", "$") == "<root>"


def test_config_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        load_config_text("server: {listen: nope}", env={})


# --------------------------------------------------------------------------------------------------
# YAML: duplicates, YAML 1.2 scalars, hostile documents
# --------------------------------------------------------------------------------------------------


def test_duplicate_yaml_keys_name_their_path() -> None:
    text = (
        "providers:\n"
        "  openai:\n"
        "    type: openai\n"
        "    base_url: https://a.example.com\n"
        "    type: anthropic\n"
        "server:\n"
        "  listen: 0.0.0.0:1\n"
        "server: {}\n"
    )
    assert errors_of(text) == [
        "providers.openai.type: duplicate key 'type' (line 5)",
        "server: duplicate key 'server' (line 8)",
    ]


def test_duplicate_keys_in_list_items_and_merge_keys_are_allowed() -> None:
    errs = errors_of("routes:\n  - {name: a, name: b}\n")
    assert errs == ["routes[0].name: duplicate key 'name' (line 2)"]
    # A merge key (`<<`) overriding is what merges are for: not a duplicate.
    cfg = load_config_text(
        "providers:\n"
        "  a: &p {type: openai, base_url: 'https://a.example.com', timeout_s: 10}\n"
        "  b: {<<: *p, base_url: 'https://b.example.com'}\n",
        env={},
    )
    assert cfg.providers["b"].timeout_s == 10.0 and cfg.providers["b"].base_url == "https://b.example.com"


def test_yaml_1_2_scalars() -> None:
    # YAML 1.1 would read `off` as False and `20:00` as the base-60 integer 1200.
    data = base()
    data["policies"][0]["pii"] = {"request": "off", "response": "mask"}
    data["policies"][0]["match"] = {"time": {"from": "08:00", "to": "20:00"}}
    data["routes"][0]["auth"] = "off"
    text = dump(data).replace("'off'", "off").replace("'08:00'", "08:00").replace("'20:00'", "20:00")
    assert "request: off" in text and "from: 08:00" in text and "auth: off" in text
    cfg = load_config_text(text, env={})
    pol = cfg.policies[0]
    assert pol.pii.request == "off" and pol.match.time is not None
    assert (pol.match.time.from_, pol.match.time.to) == ("08:00", "20:00")
    assert cfg.routes[0].auth == "off"
    assert load_config_text("cache: {enabled: true, max_entries: 1_000}", env={}).cache.max_entries == 1000


def test_yaml_syntax_error_names_source_and_line() -> None:
    errs = errors_of("server:\n  listen: [unclosed\n")
    assert len(errs) == 1 and errs[0].startswith("<string>:") and "invalid YAML" in errs[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- a\n- b\n", "<root>: the top level must be a mapping, got list"),
        ("a: &x [*x]\n", "a[0]: recursive alias"),
        ("x: !!python/object:os.system ls\n", "x: could not determine a constructor"),
        ("{[1]: 2}\n", "<root>: mapping keys must be scalars"),
    ],
)
def test_hostile_or_odd_documents(text: str, expected: str) -> None:
    assert any(e.startswith(expected) for e in errors_of(text)), errors_of(text)


def test_alias_bomb_is_rejected() -> None:
    # "Billion laughs": 10^9 strings after expansion from a few hundred bytes.
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*l{i - 1}"] * 10)
        lines.append(f"l{i}: &l{i} [{refs}]")
    errs = errors_of("\n".join(lines) + "\n")
    assert len(errs) == 1 and "nodes through aliases" in errs[0]


def test_deep_nesting_is_rejected() -> None:
    errs = errors_of("a: " + "[" * 200 + "]" * 200 + "\n")
    assert len(errs) == 1 and "nested deeper than" in errs[0]


# --------------------------------------------------------------------------------------------------
# ${VAR} expansion
# --------------------------------------------------------------------------------------------------


def _env_config(api_key: str, extra: str = "") -> str:
    return (
        "providers:\n"
        "  p:\n"
        "    type: openai\n"
        "    base_url: '${BASE:-http://127.0.0.1:9999/v1}'\n"
        f"    api_key: '{api_key}'\n" + extra
    )


def test_env_set_default_and_empty() -> None:
    cfg = load_config_text(_env_config("${KEY}"), env={"KEY": "sk-from-env"})
    assert cfg.providers["p"].api_key == "sk-from-env"
    assert cfg.providers["p"].base_url == "http://127.0.0.1:9999/v1"  # default when unset
    cfg = load_config_text(_env_config("${KEY:-fallback}"), env={"KEY": ""})
    assert cfg.providers["p"].api_key == "fallback"  # `:-` also replaces an empty value
    cfg = load_config_text(_env_config("pre-${KEY}-post-${KEY2:-x}"), env={"KEY": "mid"})
    assert cfg.providers["p"].api_key == "pre-mid-post-x"
    cfg = load_config_text(_env_config("${KEY:-}"), env={})
    assert cfg.providers["p"].api_key is None  # empty secret = not configured


def test_env_uses_os_environ_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FASTGATE_TEST_KEY", "sk-os-environ")
    assert load_config_text(_env_config("${FASTGATE_TEST_KEY}")).providers["p"].api_key == "sk-os-environ"


def test_env_missing_variables_are_all_reported_with_paths() -> None:
    text = _env_config("${KEY}", "    headers: {X-Org: '${ORG}'}\nadmin: {token: '${TOKEN}'}\n")
    assert errors_of(text, env={}) == [
        "providers.p.api_key: environment variable 'KEY' is not set (use ${KEY:-default} for a default)",
        "providers.p.headers.X-Org: environment variable 'ORG' is not set (use ${ORG:-default} for a default)",
        "admin.token: environment variable 'TOKEN' is not set (use ${TOKEN:-default} for a default)",
    ]


def test_env_escape_and_bad_references() -> None:
    cfg = load_config_text(_env_config("$${KEY}-$$-$x"), env={"KEY": "no"})
    assert cfg.providers["p"].api_key == "${KEY}-$$-$x"
    assert errors_of(_env_config("${1BAD}"))[0].startswith(
        "providers.p.api_key: invalid variable reference '${1BAD}'"
    )
    assert errors_of(_env_config("${KEY"))[0].startswith("providers.p.api_key: unterminated '${'")


def test_env_is_not_expanded_in_keys_or_raw_text() -> None:
    # Keys are never expanded, so a `${...}` key is just an unknown key.
    errs = errors_of("server: {'${K}': 1}\n", env={"K": "listen"})
    assert errs == [
        "server.${K}: unknown key '${K}' (allowed: "
        + ", ".join(f.encode_name for f in msgspec.structs.fields(Server))
        + ")"
    ]
    # Expansion happens after parsing: a value containing YAML syntax stays one string.
    cfg = load_config_text(_env_config("${KEY}"), env={"KEY": "a: b\n- c"})
    assert cfg.providers["p"].api_key == "a: b\n- c"


def test_env_values_fill_typed_fields() -> None:
    extra = "    max_retries: '${RETRIES}'\n    timeout_s: '${TIMEOUT}'\n"
    cfg = load_config_text(_env_config("k", extra), env={"RETRIES": "5", "TIMEOUT": "90s"})
    assert cfg.providers["p"].max_retries == 5 and cfg.providers["p"].timeout_s == 90.0
    text = (
        "models: {}\npolicies:\n  - name: p\n    limits:\n"
        "      - {key: subject, requests: '${RPM}', per: '${WINDOW:-1m}'}\n"
    )
    lim = load_config_text(text, env={"RPM": "120"}).policies[0].limits[0]
    assert (lim.requests, lim.per) == (120, 60.0)


# --------------------------------------------------------------------------------------------------
# Durations and listen addresses
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("500ms", 0.5),
        ("30s", 30.0),
        ("1m", 60.0),
        ("1h", 3600.0),
        ("1d", 86400.0),
        ("30d", 2592000.0),
        ("1.5h", 5400.0),
        ("2w", 1209600.0),
        ("45", 45.0),
        (" 10s ", 10.0),
        (7, 7.0),
        (2.5, 2.5),
        (0, 0.0),
    ],
)
def test_parse_duration(value: object, seconds: float) -> None:
    got = parse_duration(value)
    assert got == seconds and type(got) is float


@pytest.mark.parametrize(
    "value", ["", "1x", "-1s", "1 minute", "s", "1e3s", True, None, -1, float("nan"), float("inf"), [1]]
)
def test_parse_duration_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_duration(value)


def test_durations_in_config() -> None:
    text = (
        "server: {drain_timeout_s: 2m, header_timeout_s: 500ms, keepalive_timeout_s: 5}\n"
        "auth: {jwt: [{issuer: 'https://i.example.com', audiences: [a], leeway_s: 1m, jwks_max_stale_s: 30d}]}\n"
        "cache: {ttl_s: 1h}\n"
    )
    cfg = load_config_text(text, env={})
    assert (cfg.server.drain_timeout_s, cfg.server.header_timeout_s, cfg.server.keepalive_timeout_s) == (
        120.0,
        0.5,
        5.0,
    )
    assert (cfg.auth.jwt[0].leeway_s, cfg.auth.jwt[0].jwks_max_stale_s) == (60.0, 2592000.0)
    assert cfg.cache.ttl_s == 3600.0
    assert errors_of("server: {header_timeout_s: 0}\n") == ["server.header_timeout_s: must be > 0, got 0.0"]
    assert errors_of("server: {drain_timeout_s: true}\n") == [
        "server.drain_timeout_s: expected a number, got boolean"
    ]
    # Sizes are not durations: they stay integers and refuse unit strings.
    assert errors_of("server: {max_body_bytes: 8mb}\n") == [
        "server.max_body_bytes: expected an integer, got string '8mb'"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.0.0.0:8080", ("0.0.0.0", 8080)),
        ("127.0.0.1:0", ("127.0.0.1", 0)),
        ("[::1]:8080", ("::1", 8080)),
        ("[::]:443", ("::", 443)),
        ("localhost:9090", ("localhost", 9090)),
        ("gw.example.com:65535", ("gw.example.com", 65535)),
    ],
)
def test_parse_hostport(text: str, expected: tuple[str, int]) -> None:
    assert parse_hostport(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "8080",
        ":8080",
        "::1:8080",
        "[::1]8080",
        "[nothost]:1",
        "host:65536",
        "host:-1",
        "host:http",
        "bad host:1",
        "h:",
    ],
)
def test_parse_hostport_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_hostport(text)


def test_ipv6_listen_in_config() -> None:
    cfg = load_config_text("server: {listen: '[::1]:8080', admin_listen: '[::1]:9090'}\n", env={})
    assert parse_hostport(cfg.server.listen) == ("::1", 8080)


# --------------------------------------------------------------------------------------------------
# mask_secrets
# --------------------------------------------------------------------------------------------------

SECRETS = {
    "OPENAI_API_KEY": "sk-live-openai-0001",
    "ANTHROPIC_API_KEY": "sk-ant-live-0002",
    "INTROSPECT_SECRET": "introspect-secret-0003",
    "ADMIN_TOKEN": "admin-token-0004",
    "REDIS_PASSWORD": "redis-pass-0005",
    "CACHE_PASSWORD": "cache-pass-0006",
    "HDR_AUTH": "Bearer hdr-0007",
    "HDR_KEY": "hdr-key-0008",
    "HDR_TOKEN": "hdr-token-0009",
    "URL_PASSWORD": "url-pass-0010",
}


def test_mask_secrets_masks_every_secret() -> None:
    text = """
auth:
  introspection:
    - {endpoint: "https://idp.example.com/i", client_id: fastgate, client_secret: "${INTROSPECT_SECRET}"}
providers:
  openai:
    type: openai
    base_url: "https://api.openai.com/v1"
    api_key: "${OPENAI_API_KEY}"
    headers: {Authorization: "${HDR_AUTH}", X-Api-Key: "${HDR_KEY}", X-Session-Token: "${HDR_TOKEN}", OpenAI-Organization: org-visible}
  anthropic:
    type: anthropic
    targets: [{url: "https://user:${URL_PASSWORD}@api.anthropic.com"}]
    api_key: "${ANTHROPIC_API_KEY}"
rate_limit: {backend: redis, redis_url: "redis://default:${REDIS_PASSWORD}@10.0.0.5:6379/0"}
cache: {enabled: true, backend: redis, redis_url: "rediss://:${CACHE_PASSWORD}@cache.internal:6380/1"}
admin: {token: "${ADMIN_TOKEN}"}
"""
    cfg = load_config_text(text, env=SECRETS)
    assert (
        cfg.providers["openai"].api_key == SECRETS["OPENAI_API_KEY"]
    )  # loaded in clear, masked only for display
    masked = mask_secrets(cfg)
    dumped = json.dumps(masked)  # a plain, JSON-ready dict
    for name, secret in SECRETS.items():
        assert secret not in dumped, name
        assert secret.split()[-1] not in dumped, name
    assert masked["providers"]["openai"]["api_key"] == "***"
    assert masked["providers"]["openai"]["headers"] == {
        "Authorization": "***",
        "X-Api-Key": "***",
        "X-Session-Token": "***",
        "OpenAI-Organization": "org-visible",
    }
    assert masked["auth"]["introspection"][0]["client_secret"] == "***"
    assert masked["auth"]["introspection"][0]["client_id"] == "fastgate"
    assert masked["admin"]["token"] == "***"
    assert masked["rate_limit"]["redis_url"] == "redis://default:***@10.0.0.5:6379/0"
    assert masked["cache"]["redis_url"] == "rediss://:***@cache.internal:6380/1"
    assert masked["providers"]["anthropic"]["targets"][0]["url"] == "https://user:***@api.anthropic.com"
    # Non-secrets survive, unset secrets stay null so an operator can see they are unset.
    assert masked["providers"]["openai"]["base_url"] == "https://api.openai.com/v1"
    assert masked["server"]["listen"] == "0.0.0.0:8080"
    assert load_config_text("admin: {token: ''}", env={}).admin.token is None
    assert mask_secrets(default_config())["admin"]["token"] is None


def test_mask_secrets_masks_private_jwk_members() -> None:
    # The loader refuses private JWKs, but a Config built in code must not leak one either.
    from fastgate.config import Auth, JWTProvider

    jwk = {"kty": "RSA", "n": "public-n", "e": "AQAB", "d": "private-d", "p": "private-p"}
    cfg = Config(auth=Auth(jwt=(JWTProvider(issuer="i", audiences=("a",), jwks={"keys": [jwk]}),)))
    got = mask_secrets(cfg)["auth"]["jwt"][0]["jwks"]["keys"][0]
    assert got == {"kty": "RSA", "n": "public-n", "e": "AQAB", "d": "***", "p": "***"}


def test_mask_secrets_of_full_example() -> None:
    dumped = json.dumps(mask_secrets(load_example()))
    for secret in ("sk-openai-secret-123", "sk-ant-secret-456", "introspect-secret-xyz"):
        assert secret not in dumped


# --------------------------------------------------------------------------------------------------
# fastgate check
# --------------------------------------------------------------------------------------------------


def test_check_main_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "gw.yaml"
    p.write_text(dump(base()))
    assert check_main(str(p)) == 0
    out = capsys.readouterr()
    assert out.out.strip() == f"OK: {p} (2 providers, 2 models, 1 routes, 1 policies)"
    assert out.err == ""


def test_check_main_invalid_prints_every_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = base()
    data["models"]["gpt-4o"]["targets"][0]["provider"] = "opnai"
    data["routes"][0]["path_prefix"] = "nope"
    p = tmp_path / "bad.yaml"
    p.write_text(dump(data))
    assert check_main(str(p)) == 2
    out = capsys.readouterr()
    assert out.out == ""
    lines = out.err.splitlines()
    assert "models.gpt-4o.targets[0].provider: unknown provider 'opnai' (did you mean 'openai'?)" in lines
    assert "routes[0].path_prefix: must start with '/'" in lines
    assert lines[-1] == f"INVALID: {p} (2 errors)"


def test_check_main_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert check_main(str(tmp_path / "absent.yaml")) == 2
    err = capsys.readouterr().err
    assert "absent.yaml" in err and "fastgate demo" in err
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FASTGATE_CONFIG", raising=False)
    assert check_main(None) == 2
    assert "fastgate.yaml" in capsys.readouterr().err


def test_check_main_resolves_env_then_cwd(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fastgate.yaml").write_text("server: {listen: '127.0.0.1:8080'}\n")
    monkeypatch.delenv("FASTGATE_CONFIG", raising=False)
    assert check_main(None) == 0
    assert capsys.readouterr().out.startswith(
        "OK: fastgate.yaml (0 providers, 0 models, 0 routes, 0 policies)"
    )
    other = tmp_path / "other.yaml"
    other.write_text("server: {lisen: x}\n")
    monkeypatch.setenv("FASTGATE_CONFIG", str(other))
    assert check_main(None) == 2
    assert "server.lisen: unknown key 'lisen'" in capsys.readouterr().err
    assert check_main("fastgate.yaml") == 0  # -c wins over $FASTGATE_CONFIG


def test_check_main_unreadable_and_non_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_main(str(tmp_path)) == 2  # a directory
    assert "cannot read" in capsys.readouterr().err
    p = tmp_path / "latin1.yaml"
    p.write_bytes(b"admin: {token: '\xe9'}\n")
    assert check_main(str(p)) == 2
    assert "not valid UTF-8" in capsys.readouterr().err


def test_check_examples(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for k, v in EXAMPLE_ENV.items():
        monkeypatch.setenv(k, v)
    assert check_main(str(EXAMPLES / "fastgate.yaml")) == 0
    assert "(3 providers, 3 models, 2 routes, 3 policies)" in capsys.readouterr().out
    monkeypatch.delenv("OPENAI_API_KEY")
    assert check_main(str(EXAMPLES / "fastgate.yaml")) == 2
    assert (
        "providers.openai.api_key: environment variable 'OPENAI_API_KEY' is not set"
        in capsys.readouterr().err
    )


# --------------------------------------------------------------------------------------------------
# Scale and a seeded typo fuzz
# --------------------------------------------------------------------------------------------------


def test_thousand_model_config_loads_and_checks_everything() -> None:
    n = 1000
    models = {
        f"m{i}": {
            "targets": [{"provider": "p", "model": f"real-{i}"}],
            "fallbacks": [f"m{i + 1}"] if i + 1 < n else [],
            "context_window": 128000,
            "price": {"input_per_mtok": 0.1, "output_per_mtok": 0.2},
        }
        for i in range(n)
    }
    data = {
        "providers": {"p": {"type": "openai", "base_url": "http://127.0.0.1:9/v1"}},
        "models": models,
        "policies": [
            {
                "name": f"pol{i}",
                "models": [f"m{i}*"],
                "limits": [{"key": "subject", "tokens": 1000, "per": "1m"}],
            }
            for i in range(50)
        ],
    }
    cfg = load_config_text(dump(data), env={})
    assert len(cfg.models) == n and cfg.models["m998"].fallbacks == ("m999",)
    # A cycle closing at the far end of a 1000-long chain is still found (iterative DFS, no recursion limit).
    data["models"][f"m{n - 1}"]["fallbacks"] = ["m0"]
    errs = errors_of(dump(data))
    assert len(errs) == 1 and errs[0].startswith(f"models.m{n - 1}.fallbacks[0]: fallback cycle m0 -> m1 -> ")


def _struct_key_paths(value: Any, tp: Any, path: list[Any], out: list[tuple[list[Any], Any]]) -> None:
    """Every (path, schema struct type) of a mapping in ``value`` whose keys are schema fields."""
    base, _ = config_loader._strip(tp)
    if config_loader._is_struct(base) and isinstance(value, dict):
        out.append((path, base))
        fields = config_loader._fields(base)
        for k, v in value.items():
            if k in fields:
                _struct_key_paths(v, fields[k].type, [*path, k], out)
        return
    origin = getattr(base, "__origin__", None)
    args = getattr(base, "__args__", ())
    if origin in (tuple, list) and isinstance(value, list):
        for i, v in enumerate(value):
            _struct_key_paths(v, args[0], [*path, i], out)
    elif origin is dict and isinstance(value, dict):
        for k, v in value.items():
            _struct_key_paths(v, args[1], [*path, k], out)
    elif config_loader._is_union(base):
        for m in args:
            _struct_key_paths(value, m, path, out)


def _fmt(path: list[Any]) -> str:
    s = ""
    for p in path:
        s += f"[{p}]" if isinstance(p, int) else (f".{p}" if s else str(p))
    return s


def _node_at(data: Any, path: list[Any]) -> Any:
    for p in path:
        data = data[p]
    return data


def test_seeded_typo_fuzz_reports_the_exact_path() -> None:
    """Misspell a random key anywhere in the full example: the error names that key's path and suggests the real one."""
    raw = yaml.safe_load((EXAMPLES / "fastgate.yaml").read_text())
    targets: list[tuple[list[Any], Any]] = []
    _struct_key_paths(raw, Config, [], targets)
    targets = [t for t in targets if t[0] and any(len(k) > 3 for k in _node_at(raw, t[0]))]
    assert len(targets) > 40
    rng = random.Random(20240601)
    for _ in range(40):
        path, struct = rng.choice(targets)
        data = copy.deepcopy(raw)
        node: Any = data
        for p in path:
            node = node[p]
        key = rng.choice([k for k in node if len(k) > 3])
        i = rng.randrange(len(key) - 1)
        typo = key[:i] + key[i + 1] + key[i] + key[i + 2 :]
        if typo == key or typo in config_loader._fields(struct):
            continue
        node[typo] = node.pop(key)
        errs = errors_of(dump(data), env=EXAMPLE_ENV)
        expected = f"{_fmt([*path, typo])}: unknown key '{typo}' (did you mean '{key}'?)"
        assert expected in errs, (expected, errs)


def test_request_placeholders_in_transforms_are_left_for_the_stage():
    from fastgate.config import load_config_text
    from fastgate.errors import ConfigError

    text = """\
routes:
  - name: r
    path_prefix: /r/
    upstream: {targets: [{url: "http://127.0.0.1:1"}]}
    transforms:
      request:
        headers:
          add: {x-caller: "${claim.sub}", x-trace: "${request_id}", x-env: "${FG_TEST_ENV:-dflt}"}
"""
    cfg = load_config_text(text, env={})
    add = cfg.routes[0].transforms.request.headers.add
    assert add["x-caller"] == "${claim.sub}" and add["x-trace"] == "${request_id}" and add["x-env"] == "dflt"
    # Outside transforms the same text is an (invalid) environment reference.
    with pytest.raises(ConfigError) as e:
        load_config_text('admin: {token: "${claim.sub}"}', env={})
    assert "admin.token: invalid variable reference" in str(e.value)


def test_limit_over_one_unit_per_nanosecond_is_a_config_error():
    from fastgate.config import load_config_text
    from fastgate.errors import ConfigError

    with pytest.raises(ConfigError) as e:
        load_config_text("policies:\n  - name: p\n    limits: [{key: subject, tokens: 1000000000000, per: 1m}]\n")
    assert "policies[0].limits[0].tokens: at most one unit per nanosecond" in str(e.value)
    load_config_text("policies:\n  - name: p\n    limits: [{key: subject, tokens: 10000000000, per: 1m}]\n")
