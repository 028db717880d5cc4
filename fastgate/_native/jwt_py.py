"""Strict compact-JWS splitting and decoding: the pure-Python twin of ``jwt.pyx``.

This module is the readable specification of the ``jwt`` kernel. The compiled module must
behave identically (same results, same ``JWTFormatError.reason`` for the same input); the
equivalence is tested, including by a seeded random fuzz over mutated tokens.

What it checks (nothing about HTTP, keys or time — those belong to ``fastgate.identity``):

* the length is bounded *before* anything is split (CVE-2025-30204: splitting
  ``"Bearer " + "." * 10**6`` allocated O(n) garbage in golang-jwt);
* the token is ASCII and has exactly three segments; header and payload are not empty and the
  signature is not empty either (an unsecured JWS, RFC 7515 App. A.5, is never accepted);
* every segment is strict base64url (RFC 7515 §2 / RFC 4648 §5): alphabet ``A-Za-z0-9-_``
  only, no padding, no whitespace, a length that is not 1 mod 4, and zero unused trailing bits
  so that one signature has exactly one token string (cache keys, replay);
* header and payload are UTF-8 JSON objects with no duplicate member names at any depth
  (RFC 7515 §4 allows "reject"; we choose it to avoid parser differentials with upstreams,
  RFC 8725 §2.5) and no NaN/Infinity (orjson rejects them);
* typed header parameters and registered claims (RFC 7519 §4.1, RFC 8725 §3.10): ``alg`` is a
  string, ``kid``/``typ`` are strings when present, ``crit`` is refused (RFC 7515 §4.1.11: we
  understand no extension), ``b64`` other than ``true`` is refused (RFC 7797);
  ``exp``/``nbf``/``iat`` are non-negative finite numbers but not booleans, ``aud`` is a string or
  a non-empty list of strings (CVE-2020-26160), ``iss``/``sub``/``jti`` are strings.

Reasons are stable snake_case identifiers: they become metric labels.
"""

from __future__ import annotations

import base64
import math
import re
from typing import Any

import orjson

__all__ = ["JWTFormatError", "split_and_decode", "b64url_decode", "REASONS", "DEFAULT_MAX_LEN"]

DEFAULT_MAX_LEN = 8192

# Every reason either implementation can raise (documentation and metric pre-registration).
REASONS: frozenset[str] = frozenset(
    {
        "type",
        "too_long",
        "non_ascii",
        "segments",
        "segment_empty",
        "signature_empty",
        "b64",
        "b64_noncanonical",
        "utf8",
        "json",
        "json_nonfinite",
        "json_duplicate_key",
        "header_not_object",
        "payload_not_object",
        "header_missing_alg",
        "header_type_alg",
        "header_type_kid",
        "header_type_typ",
        "header_crit",
        "header_b64",
        "claim_type_exp",
        "claim_type_nbf",
        "claim_type_iat",
        "claim_range_exp",
        "claim_range_nbf",
        "claim_range_iat",
        "claim_type_aud",
        "claim_type_iss",
        "claim_type_sub",
        "claim_type_jti",
    }
)


class JWTFormatError(ValueError):
    """The token is not a well-formed compact JWS/JWT. ``reason`` is a stable identifier."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __reduce__(self) -> tuple[type[JWTFormatError], tuple[str]]:
        return (type(self), (self.reason,))


_B64URL_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def b64url_decode(s: bytes) -> bytes:
    """Decode unpadded base64url strictly; raise ``JWTFormatError`` ("b64"/"b64_noncanonical").

    ``base64.urlsafe_b64decode`` alone is not enough: it silently discards characters outside the
    alphabet and ignores non-zero unused trailing bits (acceptance catalogue §7, JWT-21/22).
    """
    if not isinstance(s, bytes):
        raise JWTFormatError("type")
    # Anything left after deleting the alphabet ('+', '/', '=', whitespace, ...) is an error; a
    # length of 1 mod 4 cannot encode whole bytes.
    if s.translate(None, _B64URL_ALPHABET) or len(s) % 4 == 1:
        raise JWTFormatError("b64")
    # The last character of a 2- or 3-character tail carries 4 or 2 unused low bits; they must be
    # zero, so that one byte string has exactly one encoding ("...Q" valid, "...R" not).
    tail = len(s) % 4
    if tail and _B64URL_ALPHABET.index(s[-1]) & (15 if tail == 2 else 3):
        raise JWTFormatError("b64_noncanonical")
    return base64.urlsafe_b64decode(s + b"=" * (-len(s) % 4))


# A JSON string literal (orjson has validated the text, so escapes are well formed).
_JSON_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NONFINITE_WORD = re.compile(rb"NaN|Infinity")
_JSON_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def _count_members(value: Any) -> int:
    """Total number of object members in a parsed JSON value, at every depth (iterative)."""
    total = 0
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            total += len(v)
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return total


def _structural_colons(raw: bytes) -> int:
    """Colons outside string literals: in valid JSON there is exactly one per object member."""
    return _JSON_STRING.sub(b"", raw).count(b":")


def _classify_json_error(raw: bytes) -> str:
    """Name why orjson refused ``raw`` (error path only; shared by both implementations)."""
    try:
        raw.decode("utf-8")  # strict: overlong forms (C0 AF) and encoded surrogates fail
    except UnicodeDecodeError:
        return "utf8"
    bare = _JSON_STRING.sub(b"", raw)
    if _NONFINITE_WORD.search(bare):
        return "json_nonfinite"
    for m in _JSON_NUMBER.finditer(bare):
        if math.isinf(float(m.group())):  # 1e400 overflows a double
            return "json_nonfinite"
    return "json"


def _loads_object(raw: bytes, not_object: str) -> dict[str, Any]:
    """Parse one segment's JSON strictly and require an object."""
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise JWTFormatError(_classify_json_error(raw)) from None
    # orjson keeps the last of duplicate member names; the parsed tree then has fewer members
    # than the text has member separators (colons outside strings). Equal counts prove there was
    # no duplicate. Cheap pre-check first: when the text has no more colons at all than the tree
    # has members, no colon can be inside a string and the string-aware count is not needed.
    members = _count_members(value)
    if raw.count(b":") != members and _structural_colons(raw) != members:
        raise JWTFormatError("json_duplicate_key")
    if not isinstance(value, dict):
        raise JWTFormatError(not_object)
    return value


def _check_numeric_date(claims: dict[str, Any], name: str) -> None:
    # RFC 7519 §2 NumericDate. bool is an int subclass in Python, so exclude it explicitly.
    if name not in claims:
        return
    v = claims[name]
    if type(v) is bool or not isinstance(v, (int, float)):
        raise JWTFormatError("claim_type_" + name)
    if not math.isfinite(v) or v < 0:
        raise JWTFormatError("claim_range_" + name)


def _check_header(header: dict[str, Any]) -> None:
    if "alg" not in header:
        raise JWTFormatError("header_missing_alg")
    if not isinstance(header["alg"], str):
        raise JWTFormatError("header_type_alg")
    if "kid" in header and not isinstance(header["kid"], str):
        raise JWTFormatError("header_type_kid")
    if "typ" in header and not isinstance(header["typ"], str):
        raise JWTFormatError("header_type_typ")
    # RFC 7515 §4.1.11: a recipient MUST reject a JWS whose "crit" lists an extension it does not
    # understand; an empty list or a non-list is malformed. We understand none, so any "crit" is
    # refused (also covers GHSA-752w-5fwx-jx9f, names missing from the header).
    if "crit" in header:
        raise JWTFormatError("header_crit")
    # RFC 7797 unencoded payloads change the signing input; we never support them.
    if "b64" in header and header["b64"] is not True:
        raise JWTFormatError("header_b64")


def _check_claims(claims: dict[str, Any]) -> None:
    _check_numeric_date(claims, "exp")
    _check_numeric_date(claims, "nbf")
    _check_numeric_date(claims, "iat")
    if "aud" in claims:
        aud = claims["aud"]
        # CVE-2020-26160: `aud: []` must not turn into "" and match anything.
        if not isinstance(aud, str) and not (
            isinstance(aud, list) and aud and all(isinstance(a, str) for a in aud)
        ):
            raise JWTFormatError("claim_type_aud")
    for name in ("iss", "sub", "jti"):
        if name in claims and not isinstance(claims[name], str):
            raise JWTFormatError("claim_type_" + name)


def split_and_decode(
    token: str | bytes, max_len: int = DEFAULT_MAX_LEN
) -> tuple[dict[str, Any], dict[str, Any], bytes, bytes]:
    """Split and decode a compact JWS carrying a JWT.

    Returns ``(header, claims, signing_input, signature)`` where ``signing_input`` is the ASCII
    ``header_b64 + "." + payload_b64`` the signature covers. Raises ``JWTFormatError`` with a
    stable ``reason``; checks run in a fixed order so both implementations name the same one.
    """
    if isinstance(token, str):
        if len(token) > max_len:
            raise JWTFormatError("too_long")
        if not token.isascii():
            raise JWTFormatError("non_ascii")
        data = token.encode("ascii")
    elif isinstance(token, bytes):
        if len(token) > max_len:
            raise JWTFormatError("too_long")
        if not token.isascii():
            raise JWTFormatError("non_ascii")
        data = token
    else:
        raise JWTFormatError("type")

    if data.count(b".") != 2:  # JWE has 4 dots, a stray "Bearer a.b.c.d" 3, unsecured-2-part 1
        raise JWTFormatError("segments")
    h64, p64, s64 = data.split(b".")
    if not h64 or not p64:
        raise JWTFormatError("segment_empty")
    if not s64:
        raise JWTFormatError("signature_empty")

    header = _loads_object(b64url_decode(h64), "header_not_object")
    _check_header(header)
    claims = _loads_object(b64url_decode(p64), "payload_not_object")
    _check_claims(claims)
    signature = b64url_decode(s64)
    return header, claims, data[: len(h64) + 1 + len(p64)], signature
