"""Static API keys (``auth.api_keys``): only SHA-256 digests live in config and memory.

A presented key is hashed, the digest is looked up in a dict, and the stored digest is compared
again with ``hmac.compare_digest``. The dict lookup keys on a SHA-256 output, so its timing tells
an attacker nothing usable about any configured plaintext; the final comparison is constant-time
anyway (catalogue JWT-30: secret comparisons are always constant-time).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from typing import Any

from .identity import Identity

__all__ = ["APIKeyStore", "generate_api_key", "hash_api_key"]

# Longer "keys" are not API keys (a JWT, garbage): skip hashing megabytes of header.
MAX_KEY_LEN = 512


def hash_api_key(plaintext: str) -> str:
    """The lowercase SHA-256 hex digest to put in ``auth.api_keys[].sha256``."""
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


def generate_api_key(prefix: str = "fg-") -> str:
    """A new random key (256 bits of entropy, RFC 8725 §3.5 spirit) for operators to hand out."""
    return prefix + secrets.token_urlsafe(32)


class APIKeyStore:
    """digest → Identity for the configured keys."""

    __slots__ = ("_by_digest",)

    def __init__(self, keys: Iterable[Any]) -> None:
        self._by_digest: dict[bytes, tuple[bytes, Identity]] = {}
        for k in keys:
            digest = bytes.fromhex(k.sha256)
            ident = Identity(
                k.subject or k.name,
                tenant=k.tenant,
                groups=frozenset(k.groups),
                scopes=frozenset(k.scopes),
                api_key=k.name,
                auth_kind="api_key",
            )
            self._by_digest[digest] = (digest, ident)

    def __len__(self) -> int:
        return len(self._by_digest)

    def lookup(self, presented: str) -> Identity | None:
        """The identity of ``presented`` if it is a configured key, else ``None``."""
        if not self._by_digest or len(presented) > MAX_KEY_LEN:
            return None
        digest = hashlib.sha256(presented.encode("utf-8", "surrogatepass")).digest()
        hit = self._by_digest.get(digest)
        if hit is None or not hmac.compare_digest(hit[0], digest):
            return None
        return hit[1]
