"""Public face of the ``jwt`` kernel (compiled ``jwt.pyx`` and its twin ``jwt_py.py``)."""

from typing import Any

DEFAULT_MAX_LEN: int
REASONS: frozenset[str]

class JWTFormatError(ValueError):
    """The token is not a well-formed compact JWS/JWT; ``reason`` is a stable snake_case label."""

    reason: str
    def __init__(self, reason: str) -> None: ...

def split_and_decode(
    token: str | bytes, max_len: int = 8192
) -> tuple[dict[str, Any], dict[str, Any], bytes, bytes]:
    """Return ``(header, claims, signing_input, signature)`` or raise ``JWTFormatError``."""

def b64url_decode(s: bytes) -> bytes:
    """Strict unpadded base64url decode; raise ``JWTFormatError``."""
