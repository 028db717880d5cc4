"""JWS signature verification and JWT validation for one issuer.

Three layers, each usable alone:

* ``Key`` — a verification key *bound to its algorithm family*. The set of algorithms a key may
  verify (``allowed_algs``) is derived from the key object's type, curve and size, never from the
  token. This is what defeats the RS256→HS256 key-confusion class (CVE-2016-10555,
  CVE-2022-29217, CVE-2024-33663): an asymmetric key has no HS algorithm in its set, so its bytes
  can never become an HMAC secret. HMAC keys come only from explicit configuration
  (``Key.hmac``, or ``Key.from_jwk(..., allow_symmetric=True)``), never from a fetched JWKS.
* ``verify_signature`` — raw ``cryptography`` primitives (pyjwt's ``decode`` costs +21–27 µs per
  call, see docs/perf-baseline.md), with the JOSE-specific input checks done first: exact
  signature lengths, and ECDSA ``1 <= r, s < n`` (CVE-2022-21449 "psychic signatures").
* ``Verifier`` — the RFC 7519 §7.2 / RFC 8725 validation steps for one issuer: strict parsing
  (the ``jwt`` kernel), algorithm allow-list, key selection, signature, then claims. The signature
  is always checked before any claim (so a forged token learns nothing from claim errors).

Policy on ``jku``/``x5u``/``x5c``/``jwk`` headers (RFC 8725 §3.10, CVE-2018-0114): they are never
used to fetch, select or trust a key. By default their mere presence rejects the token
(``header_forbidden:<name>``): no mainstream IdP puts them in access tokens, so a token carrying
one is either an attack or a misconfiguration worth a distinct metric. ``Verifier(...,
allow_key_headers=True)`` ignores them instead (still never used).
"""

from __future__ import annotations

import hmac
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import orjson
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from fastgate._native import kernel
from fastgate.errors import AuthError

__all__ = [
    "SUPPORTED_ALGS",
    "Key",
    "VerifiedToken",
    "Verifier",
    "peek_issuer",
    "verify_signature",
]

_jwt = kernel("jwt")
_JWTFormatError = _jwt.JWTFormatError

RSA_ALGS = frozenset({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
HMAC_ALGS = frozenset({"HS256", "HS384", "HS512"})
SUPPORTED_ALGS: frozenset[str] = RSA_ALGS | HMAC_ALGS | {"ES256", "ES384", "ES512", "EdDSA"}

# NIST SP 800-131A: RSA below 2048 bits is not acceptable (pyjwt warns with
# InsecureKeyLengthWarning); above 8192 bits, or with a huge public exponent, every verify becomes a
# CPU-DoS lever for whoever controls the JWKS (acceptance catalogue JWT-27).
MIN_RSA_BITS = 2048
MAX_RSA_BITS = 8192
MAX_RSA_EXPONENT = 2**32 - 1

# RFC 7518 §3.4: ES256 ↔ P-256, ES384 ↔ P-384, ES512 ↔ P-521 — one algorithm per curve.
_EC_CURVES: dict[str, tuple[str, int, int]] = {
    # curve class name: (JWK crv, coordinate bytes, group order n)
    "secp256r1": ("P-256", 32, 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551),
    "secp384r1": (
        "P-384",
        48,
        0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973,
    ),
    "secp521r1": (
        "P-521",
        66,
        0x01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409,
    ),
}
_EC_ALG_FOR_CRV = {"P-256": "ES256", "P-384": "ES384", "P-521": "ES512"}

_HASHES: dict[str, hashes.HashAlgorithm] = {
    "256": hashes.SHA256(),
    "384": hashes.SHA384(),
    "512": hashes.SHA512(),
}
_PKCS1V15 = padding.PKCS1v15()
# RFC 7518 §3.5: PSS with MGF1 on the same hash and a salt as long as the hash output. A fixed
# salt length makes OpenSSL check it exactly (no "auto" recovery).
_PSS = {bits: padding.PSS(mgf=padding.MGF1(h), salt_length=h.digest_size) for bits, h in _HASHES.items()}
# Per-algorithm primitives, built once (not per verify).
_RSA_PARAMS: dict[str, tuple[padding.AsymmetricPadding, hashes.HashAlgorithm]] = {
    f"{kind}{bits}": (_PKCS1V15 if kind == "RS" else _PSS[bits], h)
    for bits, h in _HASHES.items()
    for kind in ("RS", "PS")
}
_ECDSA = {f"ES{bits}": ec.ECDSA(h) for bits, h in _HASHES.items()}
_HMAC_DIGEST = {"HS256": ("sha256", 32), "HS384": ("sha384", 48), "HS512": ("sha512", 64)}

_FORBIDDEN_HEADERS = ("jku", "x5u", "x5c", "jwk")
_FORBIDDEN_SET = frozenset(_FORBIDDEN_HEADERS)
_MAX_KIDLESS_CANDIDATES = 4


@dataclass(frozen=True, eq=False, slots=True)
class Key:
    """A verification key bound to its algorithm family.

    ``allowed_algs`` comes from the key itself (type, curve, size) intersected with the JWK's
    ``alg`` when present; a token's ``alg`` can only narrow it, never widen it. Build one with
    ``from_jwk``, ``from_pyjwk``, ``from_pem`` or ``hmac``.
    """

    kid: str | None
    kty: str  # "RSA" | "EC" | "OKP" | "oct"
    crv: str | None
    allowed_algs: frozenset[str]
    public_key: Any = field(repr=False)  # cryptography public key object; None for "oct"
    secret: bytes | None = field(default=None, repr=False)  # "oct" only; never logged
    _sig_len: int = field(default=0, repr=False)  # exact signature length in bytes (0 = HMAC)
    _ec_order: int = field(default=0, repr=False)

    # -- constructors ----------------------------------------------------------------------------

    @classmethod
    def from_public_key(cls, public_key: Any, kid: str | None = None, alg: str | None = None) -> Key:
        """Wrap a ``cryptography`` public (or private: its public half is kept) key object.

        Raises ``ValueError`` for unsupported types/curves, RSA sizes outside
        [2048, 8192] bits or exponents above 2**32-1, and an ``alg`` the key cannot serve.
        """
        if isinstance(public_key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey, ed25519.Ed25519PrivateKey)):
            public_key = public_key.public_key()
        if isinstance(public_key, rsa.RSAPublicKey):
            bits = public_key.key_size
            if not MIN_RSA_BITS <= bits <= MAX_RSA_BITS:
                raise ValueError(f"RSA key size {bits} outside [{MIN_RSA_BITS}, {MAX_RSA_BITS}]")
            if public_key.public_numbers().e > MAX_RSA_EXPONENT:
                raise ValueError("RSA public exponent too large")
            kty, crv, family, sig_len, order = "RSA", None, RSA_ALGS, (bits + 7) // 8, 0
        elif isinstance(public_key, ec.EllipticCurvePublicKey):
            spec = _EC_CURVES.get(public_key.curve.name)
            if spec is None:
                raise ValueError(f"unsupported EC curve {public_key.curve.name}")
            crv, size, order = spec
            kty, family, sig_len = "EC", frozenset({_EC_ALG_FOR_CRV[crv]}), 2 * size
        elif isinstance(public_key, ed25519.Ed25519PublicKey):
            kty, crv, family, sig_len, order = "OKP", "Ed25519", frozenset({"EdDSA"}), 64, 0
        else:
            raise ValueError(f"unsupported key type {type(public_key).__name__}")
        allowed = _narrow(family, alg)
        return cls(kid, kty, crv, allowed, public_key, None, sig_len, order)

    @classmethod
    def hmac(cls, secret: bytes, kid: str | None = None, alg: str | None = None) -> Key:
        """An HMAC key from explicit configuration (never from a JWKS or a PEM).

        RFC 7518 §3.2: the key must be at least as long as the hash output, so a 32-byte secret
        serves HS256 only, 48 bytes HS256/HS384, 64 bytes all three. Shorter → ``ValueError``.
        """
        if not isinstance(secret, bytes):
            raise TypeError("HMAC secret must be bytes")
        family = frozenset(a for a, (_, size) in _HMAC_DIGEST.items() if len(secret) >= size)
        if not family:
            raise ValueError("HMAC secret shorter than 32 bytes (RFC 7518 §3.2)")
        return cls(kid, "oct", None, _narrow(family, alg), None, secret, 0, 0)

    @classmethod
    def from_pem(cls, pem: bytes, kid: str | None = None, alg: str | None = None) -> Key:
        """A key from a PEM public key (SPKI or PKCS#1), an X.509 certificate or a private key."""
        try:
            if b"-----BEGIN CERTIFICATE-----" in pem:
                obj: Any = x509.load_pem_x509_certificate(pem).public_key()
            elif b"PRIVATE KEY-----" in pem:
                obj = serialization.load_pem_private_key(pem, password=None)
            else:
                obj = serialization.load_pem_public_key(pem)
        except (ValueError, TypeError) as e:
            raise ValueError(f"unreadable PEM: {e}") from None
        return cls.from_public_key(obj, kid=kid, alg=alg)

    @classmethod
    def from_pyjwk(cls, jwk: Any, *, allow_symmetric: bool = False) -> Key:
        """A key from a pyjwt ``PyJWK`` (JWK parsing is pyjwt's job, not ours)."""
        data: Mapping[str, Any] = jwk._jwk_data
        kid = data.get("kid")
        if kid is not None and not isinstance(kid, str):
            raise ValueError("JWK kid is not a string")
        use = data.get("use")
        if use is not None and use != "sig":  # RFC 7517 §4.2: an "enc" key must not verify
            raise ValueError(f"JWK use={use!r} is not 'sig'")
        ops = data.get("key_ops")
        if ops is not None and (not isinstance(ops, list) or "verify" not in ops):
            raise ValueError("JWK key_ops does not include 'verify'")
        alg = data.get("alg")
        if alg is not None and not isinstance(alg, str):
            raise ValueError("JWK alg is not a string")
        if jwk.key_type == "oct":
            if not allow_symmetric:
                # Acceptance catalogue JWT-03: HMAC keys exist only from explicit config.
                raise ValueError("symmetric JWK refused (allow_symmetric=False)")
            return cls.hmac(jwk.key, kid=kid, alg=alg)
        key = cls.from_public_key(jwk.key, kid=kid, alg=alg)
        if key.kty == "OKP" and data.get("crv") != "Ed25519":
            raise ValueError("only Ed25519 OKP keys are supported")
        return key

    @classmethod
    def from_jwk(cls, jwk: Mapping[str, Any], *, allow_symmetric: bool = False) -> Key:
        """A key from a JWK dict, parsed with pyjwt's ``PyJWK``. Raises ``ValueError``."""
        from jwt import PyJWK
        from jwt.exceptions import PyJWTError

        if not isinstance(jwk, Mapping):
            raise ValueError("JWK is not an object")
        alg = jwk.get("alg")
        if alg is not None and alg not in SUPPORTED_ALGS:
            raise ValueError(f"unsupported JWK alg {alg!r}")
        try:
            parsed = PyJWK(dict(jwk))
        except (PyJWTError, ValueError, TypeError) as e:
            raise ValueError(f"invalid JWK: {e}") from None
        return cls.from_pyjwk(parsed, allow_symmetric=allow_symmetric)


def _narrow(family: frozenset[str], alg: str | None) -> frozenset[str]:
    if alg is None:
        return family
    if alg not in family:
        raise ValueError(f"alg {alg!r} cannot be used with this key")
    return frozenset({alg})


def verify_signature(
    key: Key,
    alg: str,
    signing_input: bytes,
    signature: bytes,
    algorithms: Collection[str] | None = None,
) -> bool:
    """Verify a JWS signature with raw ``cryptography``; never raises for a bad signature.

    ``alg`` must be in ``key.allowed_algs`` (so ``none`` and cross-family algorithms always fail)
    and, when given, in the caller's ``algorithms`` allow-list (the issuer's configuration).
    """
    if alg not in key.allowed_algs or (algorithms is not None and alg not in algorithms):
        return False
    kty = key.kty
    try:
        if kty == "RSA":
            # RFC 8017 §8.2.2 step 1: the signature is exactly k octets.
            if len(signature) != key._sig_len:
                return False
            pad, h = _RSA_PARAMS[alg]
            key.public_key.verify(signature, signing_input, pad, h)
            return True
        if kty == "EC":
            # RFC 7518 §3.4: R || S, each exactly the coordinate size; DER (70-72 bytes) is refused.
            if len(signature) != key._sig_len:
                return False
            half = key._sig_len // 2
            r = int.from_bytes(signature[:half], "big")
            s = int.from_bytes(signature[half:], "big")
            n = key._ec_order
            # CVE-2022-21449: r = s = 0 verified everything in Java 15-18. Range-check before the
            # library sees the values, whatever it does itself.
            if not (0 < r < n and 0 < s < n):
                return False
            key.public_key.verify(encode_dss_signature(r, s), signing_input, _ECDSA[alg])
            return True
        if kty == "OKP":
            if len(signature) != 64:
                return False
            key.public_key.verify(signature, signing_input)
            return True
        if kty == "oct":
            name, size = _HMAC_DIGEST[alg]
            if len(signature) != size:
                return False
            secret = key.secret
            if secret is None:
                return False
            # Constant-time comparison (acceptance catalogue JWT-30).
            return hmac.compare_digest(hmac.digest(secret, signing_input, name), signature)
    except InvalidSignature:
        return False
    return False


class VerifiedToken(NamedTuple):
    """What ``Verifier.verify_detailed`` returns."""

    claims: dict[str, Any]
    header: dict[str, Any]
    key: Key


def _normalize_typ(typ: str) -> str:
    # RFC 7515 §4.1.9: media types compare case-insensitively and "application/" may be omitted.
    t = typ.lower()
    return t[12:] if t.startswith("application/") else t


class Verifier:
    """Validate JWTs of one issuer (RFC 7519 §7.2, RFC 8725 §3).

    Order of checks (reasons in parentheses, all raised as ``AuthError(reason)``):

    1. strict parse by the ``jwt`` kernel (``malformed:<kernel reason>``);
    2. ``alg``: any case of ``none`` (``alg_none``), not in ``algorithms`` (``alg_not_allowed``);
    3. ``jku``/``x5u``/``x5c``/``jwk`` present (``header_forbidden:<name>``) unless
       ``allow_key_headers``; ``typ`` when configured (``typ_mismatch``);
    4. key: by ``kid`` (``kid_unknown``; a key that cannot serve ``alg`` → ``alg_not_allowed``);
       without ``kid`` the first 4 keys able to serve ``alg`` are tried (``kid_unknown`` if none);
    5. signature (``bad_signature``);
    6. claims: ``iss`` exact (``missing_claim:iss``/``iss_mismatch``), ``aud`` overlap
       (``missing_claim:aud``/``aud_mismatch``), ``exp`` required (``missing_claim:exp``,
       ``expired`` when ``now >= exp + leeway``), ``max_lifetime_s`` (``lifetime_too_long``),
       ``nbf`` (``not_yet_valid`` when ``nbf > now + leeway``), ``iat`` (``iat_future`` when
       ``iat > now + leeway``), ``required_claims`` (``missing_claim:<name>``).
    """

    __slots__ = (
        "issuer",
        "audiences",
        "algorithms",
        "leeway_s",
        "required_claims",
        "typ",
        "max_lifetime_s",
        "allow_key_headers",
        "max_token_bytes",
        "_typ_norm",
    )

    def __init__(
        self,
        issuer: str,
        audiences: list[str],
        algorithms: list[str],
        leeway_s: float,
        required_claims: Collection[str] = (),
        typ: str | None = None,
        *,
        max_lifetime_s: float | None = None,
        allow_key_headers: bool = False,
        max_token_bytes: int = 8192,
    ) -> None:
        if not isinstance(issuer, str) or not issuer:
            raise ValueError("issuer must be a non-empty string")
        # RFC 8725 §3.9: a gateway must validate aud; an empty list would accept any audience.
        if not audiences or not all(isinstance(a, str) and a for a in audiences):
            raise ValueError("audiences must be a non-empty list of non-empty strings")
        algs = frozenset(algorithms)
        if not algs:
            raise ValueError("algorithms must not be empty")
        unknown = algs - SUPPORTED_ALGS
        if unknown:
            raise ValueError(f"unsupported algorithms: {sorted(unknown)}")
        # RFC 7519 §4.1.4: leeway "usually no more than a few minutes".
        if not 0 <= leeway_s <= 300:
            raise ValueError("leeway_s must be within [0, 300]")
        if max_lifetime_s is not None and max_lifetime_s <= 0:
            raise ValueError("max_lifetime_s must be positive")
        self.issuer = issuer
        self.audiences = frozenset(audiences)
        self.algorithms = algs
        self.leeway_s = float(leeway_s)
        self.required_claims = tuple(required_claims)
        self.typ = typ
        self._typ_norm = _normalize_typ(typ) if typ is not None else None
        self.max_lifetime_s = max_lifetime_s
        self.allow_key_headers = allow_key_headers
        self.max_token_bytes = max_token_bytes

    def verify(
        self, token: str | bytes, keys: Mapping[str, Key] | Iterable[Key], now: float
    ) -> dict[str, Any]:
        """Return the verified claims or raise ``AuthError(reason)``."""
        return self._verify(token, keys, now)[0]

    def verify_detailed(
        self, token: str | bytes, keys: Mapping[str, Key] | Iterable[Key], now: float
    ) -> VerifiedToken:
        """Like ``verify`` but also return the header and the key that verified the signature."""
        claims, header, key = self._verify(token, keys, now)
        return VerifiedToken(claims, header, key)

    def _verify(
        self, token: str | bytes, keys: Mapping[str, Key] | Iterable[Key], now: float
    ) -> tuple[dict[str, Any], dict[str, Any], Key]:
        try:
            header, claims, signing_input, signature = _jwt.split_and_decode(token, self.max_token_bytes)
        except _JWTFormatError as e:
            raise AuthError("malformed:" + e.reason) from None

        alg: str = header["alg"]
        if alg not in self.algorithms:
            # "none" is never in the allow-list (refused at construction), so any case of it lands
            # here: CVE-2015-2951 and the jwt_tool playbook's none/None/NONE/nOnE.
            raise AuthError("alg_none" if alg.lower() == "none" else "alg_not_allowed")
        if not self.allow_key_headers and not _FORBIDDEN_SET.isdisjoint(header):
            name = next(n for n in _FORBIDDEN_HEADERS if n in header)
            raise AuthError("header_forbidden:" + name)
        if self._typ_norm is not None:
            typ = header.get("typ")
            if typ is None or _normalize_typ(typ) != self._typ_norm:
                raise AuthError("typ_mismatch")

        kid = header.get("kid")
        if kid is not None and type(keys) is dict:
            # Fast path (the common case: a JWKS keyed by kid). kid is only ever a dictionary
            # key: never a path, a query or a URL (JWT-10).
            key = keys.get(kid)
            if key is None:
                raise AuthError("kid_unknown")
            if alg not in key.allowed_algs:
                raise AuthError("alg_not_allowed")  # JWT-04: e.g. ES256 header with an RSA kid
            if not verify_signature(key, alg, signing_input, signature, self.algorithms):
                raise AuthError("bad_signature")
        else:
            key = self._verify_signature(header, alg, signing_input, signature, keys)
        self._check_claims(claims, now)
        return claims, header, key

    def _verify_signature(
        self,
        header: dict[str, Any],
        alg: str,
        signing_input: bytes,
        signature: bytes,
        keys: Mapping[str, Key] | Iterable[Key],
    ) -> Key:
        kid = header.get("kid")
        candidates: list[Key]
        if kid is not None:
            # kid is only ever a dictionary key here: never a path, a query or a URL (JWT-10).
            if isinstance(keys, Mapping):
                found = keys.get(kid)
            else:
                found = next((k for k in keys if k.kid == kid), None)
            if found is None:
                raise AuthError("kid_unknown")
            if alg not in found.allowed_algs:
                raise AuthError("alg_not_allowed")  # JWT-04: e.g. ES256 header with an RSA kid
            candidates = [found]
        else:
            pool = keys.values() if isinstance(keys, Mapping) else keys
            candidates = []
            for k in pool:
                if alg in k.allowed_algs:
                    candidates.append(k)
                    if len(candidates) == _MAX_KIDLESS_CANDIDATES:  # bound the CPU per token
                        break
            if not candidates:
                raise AuthError("kid_unknown")
        for k in candidates:
            if verify_signature(k, alg, signing_input, signature, self.algorithms):
                return k
        raise AuthError("bad_signature")

    def _check_claims(self, claims: dict[str, Any], now: float) -> None:
        # Types were enforced by the kernel: iss/sub/jti str, aud str or non-empty list of str,
        # exp/nbf/iat finite non-negative numbers (not bool).
        iss = claims.get("iss")
        if iss is None:
            raise AuthError("missing_claim:iss")
        if iss != self.issuer:  # exact match: no prefix/normalisation (GHSA-75c5-xw7c-p5pm)
            raise AuthError("iss_mismatch")
        aud = claims.get("aud")
        if aud is None:
            raise AuthError("missing_claim:aud")
        if isinstance(aud, str):
            if aud not in self.audiences:
                raise AuthError("aud_mismatch")
        elif self.audiences.isdisjoint(aud):
            raise AuthError("aud_mismatch")
        exp = claims.get("exp")
        if exp is None:
            raise AuthError("missing_claim:exp")
        leeway = self.leeway_s
        # RFC 7519 §4.1.4: the current time MUST be before exp (plus leeway).
        if now >= exp + leeway:
            raise AuthError("expired")
        if self.max_lifetime_s is not None and exp - now > self.max_lifetime_s:
            raise AuthError("lifetime_too_long")
        nbf = claims.get("nbf")
        if nbf is not None and nbf > now + leeway:
            raise AuthError("not_yet_valid")
        iat = claims.get("iat")
        if iat is not None and iat > now + leeway:
            raise AuthError("iat_future")
        for name in self.required_claims:
            if name not in claims:
                raise AuthError("missing_claim:" + name)


def peek_issuer(token: str | bytes, max_len: int = 8192) -> str | None:
    """The *unverified* ``iss`` of a compact JWT, to pick the issuer's ``Verifier``; else None.

    Cheap and bounded: length checked first, only the payload segment is decoded, no exception
    escapes. Never use the result for anything but choosing which Verifier runs next (that one
    re-checks ``iss`` exactly after the signature).
    """
    if isinstance(token, str):
        if len(token) > max_len or not token.isascii():
            return None
        data = token.encode("ascii")
    elif isinstance(token, bytes):
        if len(token) > max_len:
            return None
        data = token
    else:
        return None
    d1 = data.find(b".")
    if d1 < 0:
        return None
    d2 = data.find(b".", d1 + 1)
    if d2 < 0:
        return None
    try:
        claims = orjson.loads(_jwt.b64url_decode(data[d1 + 1 : d2]))
    except (_JWTFormatError, orjson.JSONDecodeError):
        return None
    if not isinstance(claims, dict):
        return None
    iss = claims.get("iss")
    return iss if isinstance(iss, str) else None
