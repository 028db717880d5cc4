"""The ``Identity`` value: who is calling, as every later stage sees it.

Built once per credential (a verified JWT, an introspection answer, an API key) and cached with
it, so a repeated token costs no claim mapping. Immutable by convention: stages read it, nothing
writes it after construction (it is shared by every request that presents the same token).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ..errors import AuthError

__all__ = ["Identity", "identity_from_claims", "scopes_from_claim"]

_EMPTY: frozenset[str] = frozenset()
# Header values towards upstreams are printable ASCII; anything else is percent-encoded so a claim
# can never inject CR/LF or a second header (CWE-113) nor smuggle a separator into a list.
_HEADER_SAFE = " !#$'()*+-./:;<=>?@[]^_`{|}~"
_LIST_ITEM_SAFE = "!#$'()*+-./:;<=>?@[]^_`{|}~"  # no space and no comma: they separate items


def _printable(s: str) -> bool:
    return s.isascii() and s.isprintable()


def _hv(value: str) -> bytes:
    if _printable(value) and "%" not in value:
        return value.encode("ascii")
    return quote(value, safe=_HEADER_SAFE).encode("ascii")


def _item(value: str) -> str:
    if _printable(value) and not any(c in value for c in " ,%"):
        return value
    return quote(value, safe=_LIST_ITEM_SAFE)


class Identity:
    """An authenticated caller.

    ``auth_kind`` is ``"jwt"``, ``"introspection"`` or ``"api_key"``; ``api_key`` is the
    configured key's ``name`` for API keys (``None`` otherwise); ``claims`` are the verified claims
    (or the introspection response; an empty dict for API keys). ``groups``/``scopes`` are
    frozensets: authorization compares exact strings, never prefixes (catalogue JWT-33).
    """

    __slots__ = ("subject", "tenant", "groups", "scopes", "client_id", "issuer", "claims", "api_key", "auth_kind",
                 "_upstream")

    def __init__(
        self,
        subject: str,
        *,
        tenant: str | None = None,
        groups: frozenset[str] = _EMPTY,
        scopes: frozenset[str] = _EMPTY,
        client_id: str | None = None,
        issuer: str | None = None,
        claims: Mapping[str, Any] | None = None,
        api_key: str | None = None,
        auth_kind: str = "jwt",
    ) -> None:
        self.subject = subject
        self.tenant = tenant
        self.groups = frozenset(groups)
        self.scopes = frozenset(scopes)
        self.client_id = client_id
        self.issuer = issuer
        self.claims: Mapping[str, Any] = claims if claims is not None else {}
        self.api_key = api_key
        self.auth_kind = auth_kind
        self._upstream: list[tuple[bytes, bytes]] | None = None

    def upstream_headers(self) -> list[tuple[bytes, bytes]]:
        """``x-fastgate-subject/tenant/groups/scopes`` for generic upstreams (SPEC §4), built once.

        Lists are sorted (stable for upstream caches and tests); groups are comma-separated,
        scopes space-separated (RFC 6749 §3.3 style). Absent values are omitted, not sent empty.
        """
        h = self._upstream
        if h is None:
            h = [(b"x-fastgate-subject", _hv(self.subject))]
            if self.tenant is not None:
                h.append((b"x-fastgate-tenant", _hv(self.tenant)))
            if self.groups:
                h.append((b"x-fastgate-groups", ",".join(sorted(_item(g) for g in self.groups)).encode("ascii")))
            if self.scopes:
                h.append((b"x-fastgate-scopes", " ".join(sorted(_item(s) for s in self.scopes)).encode("ascii")))
            self._upstream = h
        return h

    def __repr__(self) -> str:
        return f"Identity({self.auth_kind}:{self.subject!r}, tenant={self.tenant!r})"


def _str_list(value: Any, name: str) -> frozenset[str]:
    # A claim that should be a list but is not is a denial, not an empty list (catalogue JWT-33):
    # "groups": "admin" must not be read as the groups a, d, m, i, n, nor silently ignored.
    if type(value) is list and all(type(v) is str for v in value):
        return frozenset(value)
    raise AuthError("claim_type:" + name)


def scopes_from_claim(value: Any, name: str = "scope") -> frozenset[str]:
    """Scopes from an ``scp`` list or a space-separated ``scope`` string (RFC 8693 §4.2, RFC 9068 §2.2.3)."""
    if type(value) is str:
        return frozenset(value.split())
    return _str_list(value, name)


def _opt_str(claims: Mapping[str, Any], name: str | None) -> str | None:
    if name is None:
        return None
    v = claims.get(name)
    if v is None:
        return None
    if type(v) is str:
        return v
    raise AuthError("claim_type:" + name)


def identity_from_claims(
    claims: Mapping[str, Any], claim_map: Any, *, issuer: str | None, auth_kind: str,
    fallback_subject: tuple[str, ...] = (),
) -> Identity:
    """Map verified claims to an :class:`Identity` with a ``ClaimMap`` (``subject``, ``groups``,
    ``scopes``, ``tenant``, ``client_id``). Raises ``AuthError`` for a missing subject or a claim of
    the wrong type; the caller turns that into the uniform 401."""
    subject = _opt_str(claims, claim_map.subject)
    if subject is None:
        for name in fallback_subject:
            subject = _opt_str(claims, name)
            if subject is not None:
                break
    if not subject:
        raise AuthError("missing_claim:" + claim_map.subject)
    groups = _EMPTY
    gname = claim_map.groups
    if gname is not None:
        g = claims.get(gname)
        if g is not None:
            groups = _str_list(g, gname)
    scopes = _EMPTY
    sname = claim_map.scopes
    if sname is not None:
        s = claims.get(sname)
        if s is None and sname in ("scp", "scope"):
            # IdPs disagree on the name (Okta/Entra `scp` list, RFC 9068 `scope` string): read the
            # other standard one when the configured one is absent.
            s = claims.get("scope" if sname == "scp" else "scp")
        if s is not None:
            scopes = scopes_from_claim(s, sname)
    return Identity(
        subject,
        tenant=_opt_str(claims, claim_map.tenant),
        groups=groups,
        scopes=scopes,
        client_id=_opt_str(claims, claim_map.client_id),
        issuer=issuer,
        claims=claims,
        auth_kind=auth_kind,
    )
