# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Strict compact-JWS splitting and decoding (compiled kernel).

The specification is the pure-Python twin ``fastgate/_native/jwt_py.py``: same checks, same
order, same ``JWTFormatError`` class (imported from the twin, so ``except`` clauses work with
either implementation) and the same reason strings. What is done in C here: the length/ASCII/dot
scan, base64url decoding through a 256-entry table, the duplicate-member count (structural colons
vs parsed members) and the typed claim checks. JSON parsing itself is orjson, as in the twin.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from libc.math cimport isfinite

import orjson

from fastgate._native.jwt_py import (  # the twin owns the public exception and error classifier
    DEFAULT_MAX_LEN,
    REASONS,
    JWTFormatError,
    _classify_json_error,
)

__all__ = ["JWTFormatError", "split_and_decode", "b64url_decode", "REASONS", "DEFAULT_MAX_LEN"]

cdef extern from "Python.h":
    const char* PyUnicode_AsUTF8AndSize(object s, Py_ssize_t* size) except NULL
    bint PyUnicode_IS_ASCII(object s)

# 0..63 for the base64url alphabet (RFC 4648 §5), -1 for everything else: '+', '/', '=', spaces,
# NUL and every byte >= 0x80 are rejected by the same lookup.
cdef signed char _B64[256]


cdef void _init_table():
    cdef int i
    cdef bytes alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    cdef const unsigned char* a = <const unsigned char*>PyBytes_AS_STRING(alphabet)
    for i in range(256):
        _B64[i] = -1
    for i in range(64):
        _B64[a[i]] = <signed char>i


_init_table()

cdef object _orjson_loads = orjson.loads
cdef object _MISSING = object()
cdef object _JSONDecodeError = orjson.JSONDecodeError


cdef bytes _b64_decode(const unsigned char* s, Py_ssize_t n):
    """Strict unpadded base64url decode of s[0:n]; raises JWTFormatError."""
    cdef Py_ssize_t rem = n & 3
    cdef Py_ssize_t full = n - rem
    cdef Py_ssize_t outlen
    cdef Py_ssize_t i = 0
    cdef Py_ssize_t o = 0
    cdef int a, b, c, d
    cdef unsigned char* out
    cdef bytes result
    if rem == 1:
        raise JWTFormatError("b64")
    outlen = (full // 4) * 3 + (rem - 1 if rem else 0)
    result = PyBytes_FromStringAndSize(NULL, outlen)
    out = <unsigned char*>PyBytes_AS_STRING(result)
    while i < full:
        a = _B64[s[i]]
        b = _B64[s[i + 1]]
        c = _B64[s[i + 2]]
        d = _B64[s[i + 3]]
        if (a | b | c | d) < 0:
            raise JWTFormatError("b64")
        out[o] = <unsigned char>((a << 2) | (b >> 4))
        out[o + 1] = <unsigned char>(((b & 15) << 4) | (c >> 2))
        out[o + 2] = <unsigned char>(((c & 3) << 6) | d)
        i += 4
        o += 3
    if rem == 2:
        a = _B64[s[i]]
        b = _B64[s[i + 1]]
        if (a | b) < 0:
            raise JWTFormatError("b64")
        if b & 15:  # 4 unused bits must be zero: one byte string, one encoding (JWT-22)
            raise JWTFormatError("b64_noncanonical")
        out[o] = <unsigned char>((a << 2) | (b >> 4))
    elif rem == 3:
        a = _B64[s[i]]
        b = _B64[s[i + 1]]
        c = _B64[s[i + 2]]
        if (a | b | c) < 0:
            raise JWTFormatError("b64")
        if c & 3:  # 2 unused bits must be zero
            raise JWTFormatError("b64_noncanonical")
        out[o] = <unsigned char>((a << 2) | (b >> 4))
        out[o + 1] = <unsigned char>(((b & 15) << 4) | (c >> 2))
    return result


def b64url_decode(s):
    """Decode unpadded base64url strictly; raise ``JWTFormatError`` ("b64"/"b64_noncanonical")."""
    if not isinstance(s, bytes):
        raise JWTFormatError("type")
    return _b64_decode(<const unsigned char*>PyBytes_AS_STRING(s), PyBytes_GET_SIZE(s))


cdef Py_ssize_t _count_members(object v) except -1:
    """Object members at every depth. orjson caps nesting at 1024, so C recursion is bounded."""
    cdef Py_ssize_t total = 0
    cdef object x
    if type(v) is dict:
        total = len(<dict>v)
        for x in (<dict>v).values():
            if type(x) is dict or type(x) is list:
                total += _count_members(x)
    elif type(v) is list:
        for x in <list>v:
            if type(x) is dict or type(x) is list:
                total += _count_members(x)
    return total


cdef Py_ssize_t _structural_colons(const unsigned char* p, Py_ssize_t n) noexcept nogil:
    """Colons outside string literals (one per object member in valid JSON)."""
    cdef Py_ssize_t i = 0
    cdef Py_ssize_t count = 0
    cdef bint in_str = False
    cdef unsigned char c
    while i < n:
        c = p[i]
        if in_str:
            if c == 92:  # backslash: the next byte is escaped (orjson validated the escape)
                i += 1
            elif c == 34:
                in_str = False
        elif c == 34:
            in_str = True
        elif c == 58:
            count += 1
        i += 1
    return count


cdef dict _loads_object(bytes raw, str not_object):
    cdef object value
    try:
        value = _orjson_loads(raw)
    except _JSONDecodeError:
        raise JWTFormatError(_classify_json_error(raw)) from None
    # orjson keeps the last duplicate member; equal counts prove there was none (RFC 7515 §4).
    if _count_members(value) != _structural_colons(
        <const unsigned char*>PyBytes_AS_STRING(raw), PyBytes_GET_SIZE(raw)
    ):
        raise JWTFormatError("json_duplicate_key")
    if type(value) is not dict:
        raise JWTFormatError(not_object)
    return <dict>value


cdef inline int _check_numeric_date(dict claims, str name, str type_reason, str range_reason) except -1:
    cdef object v = claims.get(name, _MISSING)
    cdef double f
    if v is _MISSING:
        return 0
    if type(v) is int:  # bool is excluded by the exact type test (isinstance(True, int) is True)
        if v < 0:
            raise JWTFormatError(range_reason)
    elif type(v) is float:
        f = v
        if not isfinite(f) or f < 0:
            raise JWTFormatError(range_reason)
    else:
        raise JWTFormatError(type_reason)
    return 0



cdef int _check_header(dict header) except -1:
    cdef object v = header.get("alg", _MISSING)
    if v is _MISSING:
        raise JWTFormatError("header_missing_alg")
    if type(v) is not str:
        raise JWTFormatError("header_type_alg")
    v = header.get("kid", _MISSING)
    if v is not _MISSING and type(v) is not str:
        raise JWTFormatError("header_type_kid")
    v = header.get("typ", _MISSING)
    if v is not _MISSING and type(v) is not str:
        raise JWTFormatError("header_type_typ")
    if "crit" in header:  # RFC 7515 §4.1.11: we understand no extension
        raise JWTFormatError("header_crit")
    v = header.get("b64", _MISSING)
    if v is not _MISSING and v is not True:  # RFC 7797 unencoded payload: unsupported
        raise JWTFormatError("header_b64")
    return 0


cdef int _check_claims(dict claims) except -1:
    cdef object v
    cdef object a
    _check_numeric_date(claims, "exp", "claim_type_exp", "claim_range_exp")
    _check_numeric_date(claims, "nbf", "claim_type_nbf", "claim_range_nbf")
    _check_numeric_date(claims, "iat", "claim_type_iat", "claim_range_iat")
    v = claims.get("aud", _MISSING)
    if v is not _MISSING and type(v) is not str:
        # CVE-2020-26160: an empty list must not become "" and match.
        if type(v) is not list or len(<list>v) == 0:
            raise JWTFormatError("claim_type_aud")
        for a in <list>v:
            if type(a) is not str:
                raise JWTFormatError("claim_type_aud")
    v = claims.get("iss", _MISSING)
    if v is not _MISSING and type(v) is not str:
        raise JWTFormatError("claim_type_iss")
    v = claims.get("sub", _MISSING)
    if v is not _MISSING and type(v) is not str:
        raise JWTFormatError("claim_type_sub")
    v = claims.get("jti", _MISSING)
    if v is not _MISSING and type(v) is not str:
        raise JWTFormatError("claim_type_jti")
    return 0


def split_and_decode(token, Py_ssize_t max_len=DEFAULT_MAX_LEN):
    """Split and decode a compact JWS carrying a JWT.

    Returns ``(header, claims, signing_input, signature)``; raises ``JWTFormatError``. See the
    twin ``fastgate._native.jwt_py.split_and_decode`` for the rules (it is the specification).
    """
    cdef const unsigned char* p
    cdef Py_ssize_t n
    cdef Py_ssize_t i
    cdef Py_ssize_t dot1 = -1
    cdef Py_ssize_t dot2 = -1
    cdef Py_ssize_t dots = 0
    cdef dict header
    cdef dict claims
    cdef bytes signature
    cdef bytes signing_input

    if isinstance(token, str):
        # Bound the length before touching the content (CVE-2025-30204 shape).
        if len(<str>token) > max_len:
            raise JWTFormatError("too_long")
        if not PyUnicode_IS_ASCII(token):
            raise JWTFormatError("non_ascii")
        # For an ASCII str the UTF-8 form is the str's own buffer: no copy.
        p = <const unsigned char*>PyUnicode_AsUTF8AndSize(token, &n)
    elif isinstance(token, bytes):
        n = PyBytes_GET_SIZE(token)
        if n > max_len:
            raise JWTFormatError("too_long")
        p = <const unsigned char*>PyBytes_AS_STRING(token)
        for i in range(n):
            if p[i] >= 0x80:
                raise JWTFormatError("non_ascii")
    else:
        raise JWTFormatError("type")

    for i in range(n):
        if p[i] == 46:  # '.'
            dots += 1
            if dots == 1:
                dot1 = i
            elif dots == 2:
                dot2 = i
    if dots != 2:
        raise JWTFormatError("segments")
    if dot1 == 0 or dot2 == dot1 + 1:
        raise JWTFormatError("segment_empty")
    if dot2 == n - 1:
        raise JWTFormatError("signature_empty")

    header = _loads_object(_b64_decode(p, dot1), "header_not_object")
    _check_header(header)
    claims = _loads_object(_b64_decode(p + dot1 + 1, dot2 - dot1 - 1), "payload_not_object")
    _check_claims(claims)
    signature = _b64_decode(p + dot2 + 1, n - dot2 - 1)
    signing_input = PyBytes_FromStringAndSize(<const char*>p, dot2)
    return header, claims, signing_input, signature
