"""Development signing key and JWT minting for ``fastgate demo`` and ``fastgate token``.

The demo key is an RSA-2048 private key generated on first use and kept at
``${XDG_CACHE_HOME:-~/.cache}/fastgate/demo-key.pem`` (mode 0600), so a ``fastgate token`` run in
another terminal signs tokens the running ``fastgate demo`` accepts. It is a *development* key:
never configure its JWKS in production.
"""

from __future__ import annotations

import base64
import hashlib
import os
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import orjson
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

__all__ = [
    "DEMO_AUDIENCE",
    "DEMO_ISSUER",
    "demo_key_path",
    "jwk_thumbprint",
    "load_or_create_demo_key",
    "load_private_key",
    "mint_token",
    "public_jwk",
    "public_jwks",
]

DEMO_ISSUER = "https://fastgate.demo/"
DEMO_AUDIENCE = "fastgate"


def demo_key_path() -> Path:
    """Where the demo key lives (XDG Base Directory: cache, since it can be regenerated)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fastgate" / "demo-key.pem"


def load_private_key(pem: bytes) -> Any:
    """A private key object from unencrypted PEM (RSA, EC P-256/384/521 or Ed25519)."""
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey, ed25519.Ed25519PrivateKey)):
        raise ValueError(f"unsupported private key type {type(key).__name__}")
    return key


def load_or_create_demo_key(path: Path | None = None) -> rsa.RSAPrivateKey:
    """Load the demo key, creating it (0600, atomically) if it does not exist yet."""
    path = path or demo_key_path()
    try:
        st = path.stat()
    except FileNotFoundError:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        # O_EXCL + 0600 from the start: the key is never readable by others, not even briefly.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, pem)
        finally:
            os.close(fd)
        try:
            # link() fails if another process won the race: then everyone uses the winner's key.
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
        st = path.stat()
    if st.st_mode & 0o077:
        os.chmod(path, 0o600)  # a private key readable by others is a leaked key
    key = load_private_key(path.read_bytes())
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError(f"{path} is not an RSA key; delete it to get a new demo key")
    return key


def _b64(n: int | bytes) -> str:
    if isinstance(n, int):
        n = n.to_bytes(max(1, (n.bit_length() + 7) // 8), "big")
    return base64.urlsafe_b64encode(n).rstrip(b"=").decode("ascii")


def _public_members(key: Any) -> dict[str, str]:
    pub = key.public_key() if hasattr(key, "private_bytes") else key
    if isinstance(pub, rsa.RSAPublicKey):
        nums = pub.public_numbers()
        return {"e": _b64(nums.e), "kty": "RSA", "n": _b64(nums.n)}
    if isinstance(pub, ec.EllipticCurvePublicKey):
        crv = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}[pub.curve.name]
        size = (pub.curve.key_size + 7) // 8
        ecn = pub.public_numbers()
        return {"crv": crv, "kty": "EC", "x": _b64(ecn.x.to_bytes(size, "big")),
                "y": _b64(ecn.y.to_bytes(size, "big"))}
    if isinstance(pub, ed25519.Ed25519PublicKey):
        raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return {"crv": "Ed25519", "kty": "OKP", "x": _b64(raw)}
    raise ValueError(f"unsupported key type {type(pub).__name__}")


def jwk_thumbprint(key: Any) -> str:
    """RFC 7638 JWK thumbprint (SHA-256, base64url) — a stable ``kid`` for a key."""
    members = _public_members(key)
    canonical = orjson.dumps(dict(sorted(members.items())))  # required members, sorted, no spaces
    return _b64(hashlib.sha256(canonical).digest())


def _alg_for(key: Any) -> str:
    pub = key.public_key() if hasattr(key, "private_bytes") else key
    if isinstance(pub, rsa.RSAPublicKey):
        return "RS256"
    if isinstance(pub, ec.EllipticCurvePublicKey):
        return {"secp256r1": "ES256", "secp384r1": "ES384", "secp521r1": "ES512"}[pub.curve.name]
    return "EdDSA"


def public_jwk(key: Any, kid: str | None = None) -> dict[str, str]:
    """The public JWK of ``key`` with ``kid`` (default: its thumbprint), ``use: sig`` and ``alg``."""
    jwk = _public_members(key)
    jwk.update({"kid": kid or jwk_thumbprint(key), "use": "sig", "alg": _alg_for(key)})
    return jwk


def public_jwks(keys: Iterable[Any]) -> dict[str, list[dict[str, str]]]:
    """A JWK Set (RFC 7517 §5) of the public halves of ``keys``."""
    return {"keys": [public_jwk(k) for k in keys]}


def mint_token(
    key: Any,
    *,
    sub: str,
    groups: Iterable[str] = (),
    scope: str = "",
    tenant: str | None = None,
    aud: str = DEMO_AUDIENCE,
    iss: str = DEMO_ISSUER,
    ttl_s: float = 3600.0,
    claims: Mapping[str, Any] | None = None,
    kid: str | None = None,
    now: float | None = None,
) -> str:
    """A signed JWT (RS256/ESxxx/EdDSA by key type) with the demo claim layout.

    ``groups`` → ``groups`` list, ``scope`` → space-separated ``scope`` (RFC 9068 §2.2.3),
    ``tenant`` → ``tid``; ``claims`` are added last and may override any of them.
    """
    import jwt

    t = int(time.time() if now is None else now)
    payload: dict[str, Any] = {"iss": iss, "sub": sub, "aud": aud, "iat": t, "nbf": t, "exp": t + int(ttl_s),
                               "jti": _b64(os.urandom(12))}
    g = [x for x in groups if x]
    if g:
        payload["groups"] = g
    if scope:
        payload["scope"] = scope
    if tenant is not None:
        payload["tid"] = tenant
    if claims:
        payload.update(claims)
    return jwt.encode(payload, key, algorithm=_alg_for(key), headers={"kid": kid or jwk_thumbprint(key), "typ": "JWT"})
