"""Identity mapping, API keys, policy matching and client-IP resolution (no network)."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import inspect
import ipaddress
from typing import Any

import pytest
from multidict import CIMultiDict, CIMultiDictProxy

from fastgate.config import load_config_text
from fastgate.config.schema import APIKey, ClaimMap
from fastgate.errors import AuthError
from fastgate.identity import apikeys
from fastgate.identity.apikeys import APIKeyStore, generate_api_key, hash_api_key
from fastgate.identity.identity import Identity, identity_from_claims, scopes_from_claim
from fastgate.identity.introspection import basic_auth
from fastgate.stages.authz import PolicySet, client_ip


def test_JWT_33_scopes_from_scp_list_and_scope_string() -> None:
    assert scopes_from_claim("a b  c") == {"a", "b", "c"}
    assert scopes_from_claim(["a", "b"]) == {"a", "b"}
    for bad in (["a", 1], {"a": 1}, 5, True, [None]):
        with pytest.raises(AuthError):
            scopes_from_claim(bad)


def test_identity_from_claims_maps_and_rejects_bad_types() -> None:
    cm = ClaimMap(subject="sub", groups="groups", scopes="scp", tenant="tid", client_id="azp")
    ident = identity_from_claims({"sub": "u1", "groups": ["g1"], "scope": "x y", "tid": "t", "azp": "app"}, cm,
                                 issuer="https://i/", auth_kind="jwt")
    # the configured `scp` is absent: the standard `scope` string is read instead
    assert (ident.subject, ident.tenant, ident.client_id, ident.issuer) == ("u1", "t", "app", "https://i/")
    assert ident.groups == {"g1"} and ident.scopes == {"x", "y"}
    with pytest.raises(AuthError, match="claim_type:groups"):
        identity_from_claims({"sub": "u", "groups": "admin"}, cm, issuer=None, auth_kind="jwt")
    with pytest.raises(AuthError, match="claim_type:tid"):
        identity_from_claims({"sub": "u", "tid": 7}, cm, issuer=None, auth_kind="jwt")
    with pytest.raises(AuthError, match="missing_claim:sub"):
        identity_from_claims({"groups": []}, cm, issuer=None, auth_kind="jwt")
    custom = ClaimMap(subject="email", groups="roles", scopes=None, tenant=None, client_id=None)
    ident = identity_from_claims({"email": "e@x", "roles": ["r"], "scp": ["ignored"]}, custom, issuer=None,
                                 auth_kind="jwt")
    assert ident.subject == "e@x" and ident.groups == {"r"} and not ident.scopes and ident.tenant is None


def test_upstream_headers_cannot_inject() -> None:
    ident = Identity("a\r\nb: c", tenant="t\x00", groups=frozenset({"x y", "z"}), scopes=frozenset({"s1", "s,2"}))
    h = dict(ident.upstream_headers())
    for v in h.values():
        assert all(0x20 <= b < 0x7F for b in v)
    assert h[b"x-fastgate-subject"] == b"a%0D%0Ab: c"
    assert h[b"x-fastgate-groups"] == b"x%20y,z"
    assert h[b"x-fastgate-scopes"] == b"s%2C2 s1"
    assert ident.upstream_headers() is ident.upstream_headers()  # built once
    assert b"x-fastgate-tenant" not in dict(Identity("u").upstream_headers())


def test_api_keys_hashed_lookup_constant_time() -> None:
    key = generate_api_key()
    assert len(key) > 40 and key != generate_api_key()
    store = APIKeyStore([APIKey(name="bot", sha256=hash_api_key(key), groups=("g",), tenant="acme")])
    ident = store.lookup(key)
    assert ident is not None and ident.subject == "bot" and ident.api_key == "bot" and ident.auth_kind == "api_key"
    assert ident.groups == {"g"} and ident.tenant == "acme"
    assert store.lookup(key + "x") is None and store.lookup("") is None and store.lookup("x" * 10000) is None
    assert hash_api_key("abc") == hashlib.sha256(b"abc").hexdigest()
    # JWT-30 (static): the final comparison is hmac.compare_digest, and no plaintext is kept.
    assert "compare_digest" in inspect.getsource(APIKeyStore.lookup)
    assert key not in repr(store._by_digest)
    assert apikeys.hmac is hmac


def test_introspection_client_secret_basic_urlencodes() -> None:
    v = basic_auth("my client", "p:w/d&")
    assert base64.b64decode(v.split()[1]).decode() == "my+client:p%3Aw%2Fd%26"


# ------------------------------------------------------------------------------------------------
# policies


def policies(text: str) -> PolicySet:
    return PolicySet(load_config_text(text, "<t>"))


PSET = """
models:
  gpt-4o: {targets: [{provider: p, model: gpt-4o}]}
  gpt-4o-mini: {targets: [{provider: p, model: gpt-4o-mini}]}
  claude-haiku: {targets: [{provider: p, model: claude-haiku}]}
providers:
  p: {type: openai, base_url: "http://127.0.0.1:1/v1"}
policies:
  - {name: admins, match: {groups: [admin], tenants: [acme]}, models: ["*"]}
  - {name: flagged, match: {claims: {beta: [true]}}, models: ["claude-*"]}
  - {name: issuer-b, match: {issuers: ["https://b/"], subjects: [svc]}, models: ["gpt-4o"]}
  - {name: office, match: {ip: ["10.0.0.0/8", "2001:db8::/32"]}, models: ["gpt-4o-mini"]}
  - {name: nobody, match: {scopes: [never]}, models: ["gpt-4o"]}
"""


def I(**kw: Any) -> Identity:  # noqa: E743
    subject = kw.pop("subject", "u")
    return Identity(subject, **kw)


def test_policy_first_match_and_model_globs() -> None:
    ps = policies(PSET)
    admin = I(groups=frozenset({"admin"}), tenant="acme")
    p = ps.first_match(admin, None)
    assert p is not None and p.name == "admins" and p.allows_model("anything")
    # both conditions must hold
    assert ps.first_match(I(groups=frozenset({"admin"}), tenant="other"), None) is None
    # JWT-33: exact group names only
    assert ps.first_match(I(groups=frozenset({"administrators"}), tenant="acme"), None) is None
    flagged = ps.first_match(I(claims={"beta": True}), None)
    assert flagged is not None and flagged.name == "flagged"
    assert flagged.allows_model("claude-haiku") and not flagged.allows_model("gpt-4o")
    assert not flagged.allows_model("CLAUDE-haiku")  # case-sensitive globs
    # True == 1 in Python; a claim value 1 must not satisfy `beta: [true]`
    assert ps.first_match(I(claims={"beta": 1}), None) is None
    assert ps.first_match(I(claims={"beta": [False, True]}), None).name == "flagged"
    assert ps.first_match(I(subject="svc", issuer="https://b/"), None).name == "issuer-b"
    assert ps.first_match(I(subject="svc", issuer="https://b/x"), None) is None
    assert ps.first_match(I(), "10.2.3.4").name == "office"
    assert ps.first_match(I(), "2001:db8::1").name == "office"
    assert ps.first_match(I(), "11.0.0.1") is None and ps.first_match(None, "garbage") is None
    # anonymous callers only match identity-free policies
    assert ps.first_match(None, "10.0.0.1").name == "office"
    assert ps.first_match(None, "127.0.0.1") is None


def test_policy_time_window(monkeypatch: pytest.MonkeyPatch) -> None:
    ps = policies("""
policies:
  - {name: night, match: {time: {days: [mon], from: "22:00", to: "06:00", tz: UTC}}, models: ["*"]}
  - {name: day, match: {time: {days: [mon-fri], from: "08:00", to: "20:00", tz: Europe/Berlin}}, models: ["*"]}
""")
    import fastgate.stages.authz as authz

    def at(iso: str) -> None:
        fixed = datetime.datetime.fromisoformat(iso)

        class FakeDT(datetime.datetime):
            @classmethod
            def now(cls, tz: Any = None) -> datetime.datetime:  # type: ignore[override]
                return fixed.astimezone(tz)

        monkeypatch.setattr(authz.datetime, "datetime", FakeDT)

    at("2026-11-30T23:00:00+00:00")  # Monday 23:00 UTC
    assert ps.first_match(None, None).name == "night"
    at("2026-12-01T05:00:00+00:00")  # Tuesday 05:00: still Monday's night window
    assert ps.first_match(None, None).name == "night"
    at("2026-12-02T05:00:00+00:00")  # Wednesday 05:00: Tuesday has no night window
    assert ps.first_match(None, None) is None
    at("2026-12-01T07:30:00+00:00")  # Tuesday 08:30 in Berlin
    assert ps.first_match(None, None).name == "day"
    at("2026-12-05T12:00:00+00:00")  # Saturday
    assert ps.first_match(None, None) is None


class _World:
    def __init__(self, trusted: list[str]) -> None:
        self.trusted_proxies = tuple(ipaddress.ip_network(c) for c in trusted)

    def is_trusted(self, peer: str) -> bool:
        try:
            a = ipaddress.ip_address(peer)
        except ValueError:
            return False
        return any(a in n for n in self.trusted_proxies)


class _Ctx:
    def __init__(self, peer: str, xff: list[str], trusted: list[str]) -> None:
        class R:
            remote = peer
            headers = CIMultiDictProxy(CIMultiDict([("X-Forwarded-For", v) for v in xff]))

        self.request = R()
        self.world = _World(trusted)
        self.client_ip = ""


def test_client_ip_resolution_through_trusted_proxies() -> None:
    # untrusted peer: XFF ignored entirely
    assert client_ip(_Ctx("203.0.113.9", ["10.0.0.1"], ["192.168.0.0/16"])) == "203.0.113.9"
    # trusted peer: right-most untrusted hop wins; a spoofed left-most entry is never believed
    assert client_ip(_Ctx("192.168.1.1", ["10.9.9.9, 198.51.100.7, 192.168.1.2"], ["192.168.0.0/16"])) \
        == "198.51.100.7"
    assert client_ip(_Ctx("192.168.1.1", ["1.1.1.1", "198.51.100.8"], ["192.168.0.0/16"])) == "198.51.100.8"
    # everything trusted: the left-most hop is the best we know
    assert client_ip(_Ctx("192.168.1.1", ["192.168.3.3"], ["192.168.0.0/16"])) == "192.168.3.3"
