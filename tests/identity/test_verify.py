"""Signature verification, the per-issuer Verifier and the verified-token cache.

Real crypto throughout: keys are generated with ``cryptography``, tokens are minted with pyjwt
or signed by hand when a test needs to control every byte of the header/payload. Known-answer
vectors (RFC 7515 App. A, RFC 7520 §4, RFC 8037 A.4, Wycheproof subsets) live in
``tests/data/jose/``. Tests named ``test_JWT_NN_*`` are the acceptance-catalogue cases that apply
at this layer (the gateway-level halves live with the auth stage).
"""

from __future__ import annotations

import base64
import hashlib
import hmac as hmac_mod
import inspect
import json
import pathlib
import random
import socket
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt as pyjwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.x509.oid import NameOID

from fastgate.errors import AuthError
from fastgate.identity import verify as verify_mod
from fastgate.identity.tokencache import KEY_CHARS, TokenCache
from fastgate.identity.verify import Key, Verifier, peek_issuer, verify_signature

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "jose"
ISS = "https://idp.example.com/oauth2/default"
AUD = "api://fastgate"
NOW = 1_700_000_000


def b64(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode()
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


# ------------------------------------------------------------------------------------------------
# key material (module scope: RSA generation is the slow part)


@pytest.fixture(scope="module")
def rsa_priv() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def rsa_priv2() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def ec_priv() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@pytest.fixture(scope="module")
def ec384_priv() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP384R1())


@pytest.fixture(scope="module")
def ed_priv() -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def keys(rsa_priv: Any, ec_priv: Any, ec384_priv: Any, ed_priv: Any) -> dict[str, Key]:
    return {
        "rsa1": Key.from_public_key(rsa_priv.public_key(), kid="rsa1"),
        "ec1": Key.from_public_key(ec_priv.public_key(), kid="ec1"),
        "ec384": Key.from_public_key(ec384_priv.public_key(), kid="ec384"),
        "ed1": Key.from_public_key(ed_priv.public_key(), kid="ed1"),
    }


@pytest.fixture()
def verifier() -> Verifier:
    return Verifier(ISS, [AUD], ["RS256", "PS256", "ES256", "ES384", "EdDSA"], leeway_s=30)


def claims(**over: Any) -> dict[str, Any]:
    c: dict[str, Any] = {"iss": ISS, "aud": AUD, "sub": "user-1", "exp": NOW + 600, "iat": NOW - 10}
    for k, v in over.items():
        if v is _DROP:
            c.pop(k, None)
        else:
            c[k] = v
    return c


_DROP = object()


def mint(priv: Any, alg: str = "RS256", kid: str | None = "rsa1", **over: Any) -> str:
    headers = {"kid": kid} if kid is not None else None
    return pyjwt.encode(claims(**over), priv, algorithm=alg, headers=headers)


def sign(alg: str, key: Any, data: bytes) -> bytes:
    """Produce a JOSE signature by hand (raw cryptography / hmac)."""
    h = {"256": hashes.SHA256(), "384": hashes.SHA384(), "512": hashes.SHA512()}.get(alg[2:])
    if alg.startswith("HS"):
        return hmac_mod.new(
            key, data, {"HS256": "sha256", "HS384": "sha384", "HS512": "sha512"}[alg]
        ).digest()
    if alg.startswith("RS"):
        return key.sign(data, padding.PKCS1v15(), h)
    if alg.startswith("PS"):
        return key.sign(data, padding.PSS(padding.MGF1(h), h.digest_size), h)
    if alg.startswith("ES"):
        size = (key.curve.key_size + 7) // 8
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(h)))
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")
    if alg == "EdDSA":
        return key.sign(data)
    raise AssertionError(alg)


def raw_token(header: str | dict[str, Any], payload: str | dict[str, Any], alg: str, key: Any) -> str:
    """A token whose header/payload JSON text is exactly what the test wrote, validly signed."""
    htxt = header if isinstance(header, str) else json.dumps(header)
    ptxt = payload if isinstance(payload, str) else json.dumps(payload)
    si = f"{b64(htxt)}.{b64(ptxt)}"
    return f"{si}.{b64(sign(alg, key, si.encode()))}"


def reason(fn: Any, *a: Any, **kw: Any) -> str:
    with pytest.raises(AuthError) as ei:
        fn(*a, **kw)
    assert ei.value.status == 401
    return ei.value.reason


# ------------------------------------------------------------------------------------------------
# happy paths


@pytest.mark.parametrize("alg", ["RS256", "PS256", "ES256", "ES384", "EdDSA"])
def test_each_algorithm_verifies(
    verifier: Verifier,
    keys: dict[str, Key],
    rsa_priv: Any,
    ec_priv: Any,
    ec384_priv: Any,
    ed_priv: Any,
    alg: str,
) -> None:
    priv, kid = {
        "RS256": (rsa_priv, "rsa1"),
        "PS256": (rsa_priv, "rsa1"),
        "ES256": (ec_priv, "ec1"),
        "ES384": (ec384_priv, "ec384"),
        "EdDSA": (ed_priv, "ed1"),
    }[alg]
    token = mint(priv, alg, kid)
    out = verifier.verify_detailed(token, keys, NOW)
    assert out.claims == claims()
    assert out.key is keys[kid]
    assert out.header["alg"] == alg
    # keys as a list and without kid: selection by algorithm
    assert verifier.verify(mint(priv, alg, None), list(keys.values()), NOW)["sub"] == "user-1"


@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512"])
def test_hmac_from_explicit_config(alg: str) -> None:
    secret = bytes(range(64))
    key = Key.hmac(secret, kid="h")
    v = Verifier(ISS, [AUD], [alg], leeway_s=0)
    token = pyjwt.encode(claims(), secret, algorithm=alg, headers={"kid": "h"})
    assert v.verify(token, {"h": key}, NOW)["sub"] == "user-1"
    bad = pyjwt.encode(claims(), bytes(64), algorithm=alg, headers={"kid": "h"})
    assert reason(v.verify, bad, {"h": key}, NOW) == "bad_signature"


def test_verify_signature_refuses_alg_outside_caller_allow_list(keys: dict[str, Key], rsa_priv: Any) -> None:
    data = b"a.b"
    sig = sign("RS256", rsa_priv, data)
    assert verify_signature(keys["rsa1"], "RS256", data, sig)
    assert verify_signature(keys["rsa1"], "RS256", data, sig, algorithms=["RS256"])
    assert not verify_signature(keys["rsa1"], "RS256", data, sig, algorithms=["ES256"])
    assert not verify_signature(keys["rsa1"], "RS512", data, sig)  # same key, other hash
    assert not verify_signature(keys["rsa1"], "PS256", data, sig)  # same key, other padding


# ------------------------------------------------------------------------------------------------
# JWT-07: known-good vectors (clock frozen) and A.5 rejected


def _load(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


RFC7515 = _load("rfc7515_appendix_a.json")
RFC7520 = _load("rfc7520_section4.json")
RFC8037 = _load("rfc8037_a4.json")


@pytest.mark.parametrize("vec", [v for v in RFC7515["vectors"] if v["jwk"]], ids=lambda v: v["name"])
def test_JWT_07_rfc7515_appendix_a(vec: dict[str, Any]) -> None:
    key = Key.from_jwk(vec["jwk"], allow_symmetric=True)
    h64, p64, s64 = vec["jws"].split(".")
    si, sig = f"{h64}.{p64}".encode(), unb64(s64)
    assert verify_signature(key, vec["alg"], si, sig)
    tampered = bytearray(sig)
    tampered[len(sig) // 2] ^= 0x01
    assert not verify_signature(key, vec["alg"], si, bytes(tampered))
    if vec["payload_is_jwt"]:
        # Through the whole Verifier with the clock frozen before exp=1300819380. The vectors carry
        # no aud, so the first claim check fails: reaching it proves parsing + signature passed.
        v = Verifier("joe", ["any"], [vec["alg"]], leeway_s=0)
        assert reason(v.verify, vec["jws"], [key], 1300819379) == "missing_claim:aud"
        bad = f"{h64}.{p64}.{b64(bytes(tampered))}"
        assert reason(v.verify, bad, [key], 1300819379) == "bad_signature"


def test_JWT_07_rfc7515_a5_unsecured_is_rejected(keys: dict[str, Key]) -> None:
    a5 = next(v for v in RFC7515["vectors"] if v["name"] == "A.5")
    for algs in (["RS256"], ["ES256", "EdDSA"]):
        v = Verifier("joe", ["any"], algs, leeway_s=0)
        assert reason(v.verify, a5["jws"], keys, 1300819379) == "malformed:signature_empty"
    si = a5["jws"].rsplit(".", 1)[0].encode()
    for k in keys.values():
        assert not verify_signature(k, "none", si, b"")


@pytest.mark.parametrize(
    "vec", RFC7520["vectors"] + RFC8037["vectors"], ids=lambda v: v["alg"] + "-" + v["name"]
)
def test_JWT_07_rfc7520_section4_and_rfc8037(vec: dict[str, Any]) -> None:
    key = Key.from_jwk(vec["jwk"], allow_symmetric=vec["jwk"]["kty"] == "oct")
    assert key.kid == vec["jwk"].get("kid")
    h64, p64, s64 = vec["jws"].split(".")
    si, sig = f"{h64}.{p64}".encode(), unb64(s64)
    assert verify_signature(key, vec["alg"], si, sig)
    assert not verify_signature(key, vec["alg"], si + b"x", sig)
    flipped = bytes([sig[0] ^ 0x80]) + sig[1:]
    assert not verify_signature(key, vec["alg"], si, flipped)
    if vec["alg"] == "EdDSA":
        assert unb64(p64) == b"Example of Ed25519 signing"
    else:
        assert unb64(p64).decode() == RFC7520["payload_text"]


def test_rfc7520_hmac_jwk_refused_without_explicit_opt_in() -> None:
    jwk = RFC7520["vectors"][3]["jwk"]
    with pytest.raises(ValueError, match="symmetric"):
        Key.from_jwk(jwk)


# ------------------------------------------------------------------------------------------------
# JWT-06: Wycheproof subsets (acceptable → invalid, documented in the data file)


def _wycheproof_cases() -> list[Any]:
    out = []
    for fname in ("wycheproof_es256_p1363.json", "wycheproof_ed25519.json", "wycheproof_rs256.json"):
        d = _load(fname)
        for t in d["tests"]:
            out.append(pytest.param(fname, d["algorithm"], t, id=f"{d['algorithm']}-tc{t['tcId']}"))
    return out


_WY_KEYS: dict[str, Key] = {}


def _wy_key(fname: str) -> Key:
    if fname not in _WY_KEYS:
        d = _load(fname)
        _WY_KEYS[fname] = (
            Key.from_jwk(d["publicKeyJwk"])
            if "publicKeyJwk" in d
            else Key.from_pem(d["publicKeyPem"].encode())
        )
    return _WY_KEYS[fname]


@pytest.mark.parametrize(("fname", "alg", "case"), _wycheproof_cases())
def test_JWT_06_wycheproof(fname: str, alg: str, case: dict[str, Any]) -> None:
    key = _wy_key(fname)
    ok = verify_signature(key, alg, bytes.fromhex(case["msg"]), bytes.fromhex(case["sig"]))
    assert ok is (case["result"] == "valid")


def test_wycheproof_keys_agree_between_pem_and_jwk() -> None:
    d = _load("wycheproof_ed25519.json")
    a = Key.from_jwk(d["publicKeyJwk"]).public_key.public_bytes_raw()
    b = Key.from_pem(d["publicKeyPem"].encode()).public_key.public_bytes_raw()
    assert a == b
    es = _load("wycheproof_es256_p1363.json")
    nums = Key.from_pem(es["publicKeyPem"].encode()).public_key.public_numbers()
    assert nums.x == int(es["publicKey"]["wx"], 16) and nums.y == int(es["publicKey"]["wy"], 16)


# ------------------------------------------------------------------------------------------------
# Algorithm / signature attacks


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
def test_JWT_01_alg_none(verifier: Verifier, keys: dict[str, Key], alg: str) -> None:
    body = f"{b64(json.dumps({'alg': alg, 'kid': 'rsa1'}))}.{b64(json.dumps(claims()))}"
    assert reason(verifier.verify, body + ".", keys, NOW) == "malformed:signature_empty"
    assert reason(verifier.verify, body + "." + b64(b"x"), keys, NOW) == "alg_none"
    # even a verifier configured with every real algorithm never passes "none"
    with pytest.raises(ValueError):
        Verifier(ISS, [AUD], [alg], leeway_s=0)


@pytest.mark.parametrize(
    ("header", "why"),
    [
        ('{"alg":""}', "alg_not_allowed"),
        ('{"typ":"JWT"}', "malformed:header_missing_alg"),
        ('{"alg":null}', "malformed:header_type_alg"),
        ('{"alg":123}', "malformed:header_type_alg"),
        ('{"alg":["RS256"]}', "malformed:header_type_alg"),
        ('{"alg":"HS256","kid":"rsa1"}', "alg_not_allowed"),
        ('{"alg":"RS1","kid":"rsa1"}', "alg_not_allowed"),
        ('{"alg":"rs256","kid":"rsa1"}', "alg_not_allowed"),
    ],
)
def test_JWT_01_alg_not_in_allow_list(
    verifier: Verifier, keys: dict[str, Key], rsa_priv: Any, header: str, why: str
) -> None:
    si = f"{b64(header)}.{b64(json.dumps(claims()))}"
    token = f"{si}.{b64(sign('RS256', rsa_priv, si.encode()))}"
    assert reason(verifier.verify, token, keys, NOW) == why


@pytest.mark.parametrize("alg", ["RS256", "ES256", "HS256"])
def test_JWT_02_null_signature(keys: dict[str, Key], alg: str) -> None:
    v = Verifier(ISS, [AUD], ["RS256", "ES256", "HS256"], leeway_s=0)
    body = f"{b64(json.dumps({'alg': alg}))}.{b64(json.dumps(claims()))}"
    allkeys = {**keys, "h": Key.hmac(b"k" * 32, kid="h")}
    assert reason(v.verify, body + ".", allkeys, NOW) == "malformed:signature_empty"
    assert reason(v.verify, body, allkeys, NOW) == "malformed:segments"


def _public_serializations(priv: Any) -> list[bytes]:
    pub = priv.public_key()
    out = []
    for enc, fmt in [
        (serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
        (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo),
        (serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH),
    ]:
        out.append(pub.public_bytes(enc, fmt))
    out.append(out[0].rstrip(b"\n"))  # SPKI PEM without the trailing newline
    if isinstance(pub, rsa.RSAPublicKey):
        out.append(pub.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.PKCS1))
        n = pub.public_numbers().n
        out.append(b64(n.to_bytes((n.bit_length() + 7) // 8, "big")).encode())
        out.append(pyjwt.algorithms.RSAAlgorithm.to_jwk(pub).encode())
    # self-signed certificate PEM
    if isinstance(priv, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "idp")])
        t0 = datetime(2024, 1, 1, tzinfo=UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(pub)
            .serial_number(1)
            .not_valid_before(t0)
            .not_valid_after(t0 + timedelta(days=1))
            .sign(priv, hashes.SHA256())
        )
        out.append(cert.public_bytes(serialization.Encoding.PEM))
    return out


def test_JWT_03_hs256_with_public_key_bytes(
    keys: dict[str, Key], rsa_priv: Any, ec_priv: Any, ed_priv: Any
) -> None:
    # CVE-2016-10555 / CVE-2022-29217 / CVE-2024-33663: an HS256 token MAC'd with every
    # serialization of a configured public key. Worst case: the issuer even allows HS256.
    v = Verifier(ISS, [AUD], ["RS256", "ES256", "EdDSA", "HS256"], leeway_s=0)
    for priv, kid in ((rsa_priv, "rsa1"), (ec_priv, "ec1"), (ed_priv, "ed1")):
        for secret in _public_serializations(priv):
            for hkid in (kid, None):
                header = {"alg": "HS256", **({"kid": hkid} if hkid else {})}
                token = raw_token(header, claims(), "HS256", secret)
                why = reason(v.verify, token, keys, NOW)
                assert why == ("alg_not_allowed" if hkid else "kid_unknown"), (kid, secret[:30])
            si = b"h.p"
            assert not verify_signature(keys[kid], "HS256", si, sign("HS256", secret, si))
    # A Key built from a JWK/PEM never gets HMAC algorithms, whatever its alg says.
    with pytest.raises(ValueError):
        Key.from_jwk(
            {**json.loads(pyjwt.algorithms.RSAAlgorithm.to_jwk(rsa_priv.public_key())), "alg": "HS256"}
        )
    with pytest.raises(ValueError):
        Key.from_pem(_public_serializations(rsa_priv)[0], alg="HS256")


def test_JWT_04_alg_key_mismatch(
    verifier: Verifier, keys: dict[str, Key], rsa_priv: Any, ec_priv: Any, ec384_priv: Any
) -> None:
    # ES256 header with the RSA kid, RS256 header with an EC kid
    assert (
        reason(
            verifier.verify, raw_token({"alg": "ES256", "kid": "rsa1"}, claims(), "ES256", ec_priv), keys, NOW
        )
        == "alg_not_allowed"
    )
    assert (
        reason(
            verifier.verify, raw_token({"alg": "RS256", "kid": "ec1"}, claims(), "RS256", rsa_priv), keys, NOW
        )
        == "alg_not_allowed"
    )
    # ES256 announced with the P-384 key's kid (pyjwt 2.11 curve check): the curve pins ES384
    assert (
        reason(
            verifier.verify,
            raw_token({"alg": "ES256", "kid": "ec384"}, claims(), "ES256", ec_priv),
            keys,
            NOW,
        )
        == "alg_not_allowed"
    )
    # PS256 token vs a JWK that pins alg RS256
    jwk = json.loads(pyjwt.algorithms.RSAAlgorithm.to_jwk(rsa_priv.public_key()))
    pinned = Key.from_jwk({**jwk, "kid": "pinned", "alg": "RS256"})
    assert pinned.allowed_algs == frozenset({"RS256"})
    ps = raw_token({"alg": "PS256", "kid": "pinned"}, claims(), "PS256", rsa_priv)
    assert reason(verifier.verify, ps, {"pinned": pinned}, NOW) == "alg_not_allowed"
    rs = raw_token({"alg": "RS256", "kid": "pinned"}, claims(), "RS256", rsa_priv)
    assert verifier.verify(rs, {"pinned": pinned}, NOW)["sub"] == "user-1"
    # JWK alg that contradicts the curve
    ecjwk = json.loads(pyjwt.algorithms.ECAlgorithm.to_jwk(ec_priv.public_key()))
    with pytest.raises(ValueError):
        Key.from_jwk({**ecjwk, "alg": "ES384"})


def test_JWT_05_psychic_and_degenerate_ecdsa(verifier: Verifier, keys: dict[str, Key], ec_priv: Any) -> None:
    n = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # P-256 group order
    good = mint(ec_priv, "ES256", "ec1")
    h64, p64, s64 = good.split(".")
    si = f"{h64}.{p64}".encode()
    sig = unb64(s64)
    r, s = int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big")
    der = encode_dss_signature(r, s)
    forged = {
        "all_zero": bytes(64),
        "r0_valid_s": bytes(32) + sig[32:],
        "valid_r_s0": sig[:32] + bytes(32),
        "r_eq_n": n.to_bytes(32, "big") + sig[32:],
        "s_eq_n": sig[:32] + n.to_bytes(32, "big"),
        "s_plus_n_wrapped": sig[:32] + ((s + n) % 2**256).to_bytes(32, "big"),
        "der_zero": base64.b64decode("MAYCAQACAQA="),
        "der_real": der,
        "len63": sig[:63],
        "len65": sig + b"\x00",
        "len65_lead0": b"\x00" + sig,
    }
    for name, bad in forged.items():
        assert not verify_signature(keys["ec1"], "ES256", si, bad), name
        assert reason(verifier.verify, f"{h64}.{p64}.{b64(bad)}", keys, NOW) == "bad_signature", name
    assert verify_signature(keys["ec1"], "ES256", si, sig)
    # the low-s / high-s twin of a valid signature is itself valid ECDSA (malleability is not
    # forgery); the point is that out-of-range values never reach the library
    assert verify_signature(keys["ec1"], "ES256", si, sig[:32] + (n - s).to_bytes(32, "big"))


def test_JWT_08_any_bit_flip_is_rejected(
    verifier: Verifier, keys: dict[str, Key], ec_priv: Any, rsa_priv: Any
) -> None:
    rng = random.Random(8725)
    for token in (mint(ec_priv, "ES256", "ec1"), mint(rsa_priv, "RS256", "rsa1")):
        assert verifier.verify(token, keys, NOW)
        raw = token.encode()
        positions = [i for i, c in enumerate(raw) if c != ord(".")]
        for i in rng.sample(positions, 150):
            bit = 1 << rng.randrange(7)
            mutated = bytearray(raw)
            mutated[i] ^= bit
            with pytest.raises(AuthError):
                verifier.verify(mutated.decode("latin-1"), keys, NOW)


@pytest.mark.parametrize("name", ["jku", "x5u", "x5c", "jwk"])
def test_JWT_09_embedded_key_headers(keys: dict[str, Key], rsa_priv: Any, rsa_priv2: Any, name: str) -> None:
    sentinel = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sentinel.bind(("127.0.0.1", 0))
    sentinel.listen(8)
    sentinel.setblocking(False)
    try:
        url = f"http://127.0.0.1:{sentinel.getsockname()[1]}/jwks.json"
        attacker_jwk = json.loads(pyjwt.algorithms.RSAAlgorithm.to_jwk(rsa_priv2.public_key()))
        value: Any = {"jku": url, "x5u": url, "x5c": ["MIIB"], "jwk": attacker_jwk}[name]
        strict = Verifier(ISS, [AUD], ["RS256"], leeway_s=0)
        lenient = Verifier(ISS, [AUD], ["RS256"], leeway_s=0, allow_key_headers=True)
        # signed by the attacker's key, pointing at the attacker's key
        evil = raw_token({"alg": "RS256", name: value}, claims(), "RS256", rsa_priv2)
        assert reason(strict.verify, evil, keys, NOW) == f"header_forbidden:{name}"
        assert reason(lenient.verify, evil, keys, NOW) == "bad_signature"
        evil_kid = raw_token({"alg": "RS256", "kid": "attacker", name: value}, claims(), "RS256", rsa_priv2)
        assert reason(lenient.verify, evil_kid, keys, NOW) == "kid_unknown"
        # validly signed by a configured key: documented policy (reject by default, else ignore)
        legit = raw_token({"alg": "RS256", "kid": "rsa1", name: value}, claims(), "RS256", rsa_priv)
        assert reason(strict.verify, legit, keys, NOW) == f"header_forbidden:{name}"
        assert lenient.verify(legit, keys, NOW)["sub"] == "user-1"
        with pytest.raises(BlockingIOError):  # nothing ever connected to the jku/x5u URL
            sentinel.accept()
    finally:
        sentinel.close()


@pytest.mark.parametrize(
    "kid",
    [
        "../../../../dev/null",
        "/dev/null",
        "x' UNION SELECT '1';--",
        "|sleep 10",
        "a\x00b",
        "a\r\nb",
        "$(reboot)",
        "rsa1 ",
        "RSA1",
        "k" * 10240,
    ],
    ids=[
        "traversal",
        "devnull",
        "sqli",
        "pipe",
        "nul",
        "crlf",
        "subshell",
        "trailing_space",
        "case",
        "10KiB",
    ],
)
def test_JWT_10_kid_injection(keys: dict[str, Key], kid: str) -> None:
    v = Verifier(ISS, [AUD], ["RS256", "HS256"], leeway_s=0, max_token_bytes=65536)
    # "/dev/null + empty-key HMAC": MAC'd with an empty key (what reading /dev/null would give)
    token = raw_token({"alg": "HS256", "kid": kid}, claims(), "HS256", b"")
    assert reason(v.verify, token, keys, NOW) == "kid_unknown"
    if len(kid) > 8000:
        default = Verifier(ISS, [AUD], ["RS256", "HS256"], leeway_s=0)
        assert reason(default.verify, token, keys, NOW) == "malformed:too_long"


@pytest.mark.parametrize(
    ("kid_json", "why"),
    [
        ("1", "header_type_kid"),
        ('{"a":1}', "header_type_kid"),
        ('["rsa1"]', "header_type_kid"),
        ("null", "header_type_kid"),
    ],
)
def test_JWT_10_kid_types(
    verifier: Verifier, keys: dict[str, Key], rsa_priv: Any, kid_json: str, why: str
) -> None:
    token = raw_token('{"alg":"RS256","kid":' + kid_json + "}", claims(), "RS256", rsa_priv)
    assert reason(verifier.verify, token, keys, NOW) == "malformed:" + why


@pytest.mark.parametrize(
    ("header", "why"),
    [
        ('{"alg":"RS256","kid":"rsa1","crit":["exp"],"exp":1}', "header_crit"),
        ('{"alg":"RS256","kid":"rsa1","crit":[]}', "header_crit"),
        ('{"alg":"RS256","kid":"rsa1","crit":"exp"}', "header_crit"),
        ('{"alg":"RS256","kid":"rsa1","crit":["nope"]}', "header_crit"),
        ('{"alg":"RS256","kid":"rsa1","b64":false,"crit":["b64"]}', "header_crit"),
        ('{"alg":"RS256","kid":"rsa1","b64":false}', "header_b64"),
    ],
    ids=["unknown", "empty", "not_list", "absent_name", "b64_with_crit", "b64_false"],
)
def test_JWT_11_crit(verifier: Verifier, keys: dict[str, Key], rsa_priv: Any, header: str, why: str) -> None:
    token = raw_token(header, claims(), "RS256", rsa_priv)
    assert reason(verifier.verify, token, keys, NOW) == "malformed:" + why


def test_JWT_12_jwe_and_json_serializations(verifier: Verifier, keys: dict[str, Key], rsa_priv: Any) -> None:
    jwe = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00iLCJ6aXAiOiJERUYifQ.a.b.c.d"
    assert reason(verifier.verify, jwe, keys, NOW) == "malformed:segments"
    good = mint(rsa_priv)
    h, p, s = good.split(".")
    flattened = json.dumps({"payload": p, "protected": h, "signature": s})
    general = json.dumps({"payload": p, "signatures": [{"protected": h, "signature": s}]})
    for serialized in (flattened, general):
        assert reason(verifier.verify, serialized, keys, NOW).startswith("malformed:")


# ------------------------------------------------------------------------------------------------
# Claims


def test_JWT_13_exp_leeway_boundaries(keys: dict[str, Key], rsa_priv: Any) -> None:
    token = mint(rsa_priv, exp=NOW)
    v30 = Verifier(ISS, [AUD], ["RS256"], leeway_s=30)
    assert v30.verify(token, keys, NOW + 29.999)["exp"] == NOW
    assert reason(v30.verify, token, keys, NOW + 30) == "expired"
    assert reason(v30.verify, token, keys, NOW + 31) == "expired"
    v0 = Verifier(ISS, [AUD], ["RS256"], leeway_s=0)
    assert v0.verify(token, keys, NOW - 0.001)
    assert reason(v0.verify, token, keys, NOW) == "expired"
    with pytest.raises(ValueError):
        Verifier(ISS, [AUD], ["RS256"], leeway_s=301)


def test_JWT_14_nbf_and_iat_in_the_future(keys: dict[str, Key], rsa_priv: Any) -> None:
    v = Verifier(ISS, [AUD], ["RS256"], leeway_s=30)
    assert v.verify(mint(rsa_priv, nbf=NOW + 30), keys, NOW)
    assert reason(v.verify, mint(rsa_priv, nbf=NOW + 31), keys, NOW) == "not_yet_valid"
    assert v.verify(mint(rsa_priv, iat=NOW + 30), keys, NOW)
    assert reason(v.verify, mint(rsa_priv, iat=NOW + 31), keys, NOW) == "iat_future"


@pytest.mark.parametrize(
    ("exp_json", "why"),
    [
        ('"1700000600"', "claim_type_exp"),
        ("true", "claim_type_exp"),
        ("false", "claim_type_exp"),
        ("null", "claim_type_exp"),
        ('{"t":1}', "claim_type_exp"),
        ("NaN", "json_nonfinite"),
        ("Infinity", "json_nonfinite"),
        ("-Infinity", "json_nonfinite"),
        ("1e400", "json_nonfinite"),
        ("-1", "claim_range_exp"),
    ],
)
def test_JWT_15_numeric_date_type_confusion(
    verifier: Verifier, keys: dict[str, Key], rsa_priv: Any, exp_json: str, why: str
) -> None:
    payload = json.dumps(claims(exp=_DROP))[:-1] + ', "exp": ' + exp_json + "}"
    token = raw_token({"alg": "RS256", "kid": "rsa1"}, payload, "RS256", rsa_priv)
    assert reason(verifier.verify, token, keys, NOW) == "malformed:" + why


def test_JWT_16_exp_required_and_max_lifetime(keys: dict[str, Key], rsa_priv: Any) -> None:
    v = Verifier(ISS, [AUD], ["RS256"], leeway_s=0, max_lifetime_s=3600)
    assert reason(v.verify, mint(rsa_priv, exp=_DROP), keys, NOW) == "missing_claim:exp"
    assert v.verify(mint(rsa_priv, exp=NOW + 3600), keys, NOW)
    assert reason(v.verify, mint(rsa_priv, exp=NOW + 3601), keys, NOW) == "lifetime_too_long"


@pytest.mark.parametrize(
    ("iss", "why"),
    [
        ("urn:", "iss_mismatch"),
        (ISS + "/", "iss_mismatch"),
        (ISS.upper(), "iss_mismatch"),
        (ISS[:-1], "iss_mismatch"),
        (" " + ISS, "iss_mismatch"),
        (_DROP, "missing_claim:iss"),
        ([ISS], "malformed:claim_type_iss"),
        (1, "malformed:claim_type_iss"),
    ],
)
def test_JWT_17_iss_exact_match(
    verifier: Verifier, keys: dict[str, Key], rsa_priv: Any, iss: Any, why: str
) -> None:
    token = raw_token({"alg": "RS256", "kid": "rsa1"}, claims(iss=iss), "RS256", rsa_priv)
    assert reason(verifier.verify, token, keys, NOW) == why


def test_JWT_17_urn_prefix_and_cross_issuer_keys(keys: dict[str, Key], rsa_priv: Any, rsa_priv2: Any) -> None:
    v_expected = Verifier("urn:expected", [AUD], ["RS256"], leeway_s=0)
    assert reason(v_expected.verify, mint(rsa_priv, iss="urn:"), keys, NOW) == "iss_mismatch"
    # Provider B's keys never verify a token claiming issuer A, and A's keys with iss=B fail too.
    keys_b = {"rsa1": Key.from_public_key(rsa_priv2.public_key(), kid="rsa1")}
    v_a = Verifier(ISS, [AUD], ["RS256"], leeway_s=0)
    token_by_b_claiming_a = mint(rsa_priv2)
    assert reason(v_a.verify, token_by_b_claiming_a, keys, NOW) == "bad_signature"
    v_b = Verifier("https://b.example/", [AUD], ["RS256"], leeway_s=0)
    assert reason(v_b.verify, token_by_b_claiming_a, keys_b, NOW) == "iss_mismatch"


@pytest.mark.parametrize(
    ("aud", "why"),
    [
        (AUD, None),
        ([AUD], None),
        (["other", AUD], None),
        (["other"], "aud_mismatch"),
        ("other", "aud_mismatch"),
        ([], "malformed:claim_type_aud"),
        ([AUD, 1], "malformed:claim_type_aud"),
        (_DROP, "missing_claim:aud"),
        (AUD + " ", "aud_mismatch"),
        ("", "aud_mismatch"),
    ],
)
def test_JWT_18_aud(
    verifier: Verifier, keys: dict[str, Key], rsa_priv: Any, aud: Any, why: str | None
) -> None:
    token = raw_token({"alg": "RS256", "kid": "rsa1"}, claims(aud=aud), "RS256", rsa_priv)
    if why is None:
        assert verifier.verify(token, keys, NOW)["sub"] == "user-1"
    else:
        assert reason(verifier.verify, token, keys, NOW) == why
    with pytest.raises(ValueError):
        Verifier(ISS, [], ["RS256"], leeway_s=0)


@pytest.mark.parametrize(
    ("typ", "ok"),
    [
        ("at+jwt", True),
        ("application/at+jwt", True),
        ("AT+JWT", True),
        ("JWT", False),
        (None, False),
        ("at+jwt ", False),
    ],
)
def test_JWT_19_explicit_typing(keys: dict[str, Key], rsa_priv: Any, typ: str | None, ok: bool) -> None:
    v = Verifier(ISS, [AUD], ["RS256"], leeway_s=0, typ="at+jwt")
    header = {"alg": "RS256", "kid": "rsa1", **({"typ": typ} if typ is not None else {})}
    token = raw_token(header, claims(), "RS256", rsa_priv)
    if ok:
        assert v.verify(token, keys, NOW)
    else:
        assert reason(v.verify, token, keys, NOW) == "typ_mismatch"


def test_JWT_19_id_token_presented_to_api(verifier: Verifier, keys: dict[str, Key], rsa_priv: Any) -> None:
    id_token = mint(rsa_priv, aud="0oa-client-id", nonce="n-0S6_WzA2Mj")
    assert reason(verifier.verify, id_token, keys, NOW) == "aud_mismatch"


@pytest.mark.parametrize(("name", "value"), [("sub", 1), ("sub", ["u"]), ("jti", 7), ("jti", {"a": 1})])
def test_JWT_20_sub_jti_types(
    verifier: Verifier, keys: dict[str, Key], rsa_priv: Any, name: str, value: Any
) -> None:
    token = raw_token({"alg": "RS256", "kid": "rsa1"}, claims(**{name: value}), "RS256", rsa_priv)
    assert reason(verifier.verify, token, keys, NOW) == f"malformed:claim_type_{name}"


def test_required_claims(keys: dict[str, Key], rsa_priv: Any) -> None:
    v = Verifier(ISS, [AUD], ["RS256"], leeway_s=0, required_claims=["sub", "tid"])
    assert reason(v.verify, mint(rsa_priv), keys, NOW) == "missing_claim:tid"
    assert v.verify(mint(rsa_priv, tid="acme"), keys, NOW)["tid"] == "acme"


# ------------------------------------------------------------------------------------------------
# Encoding / parsing through the Verifier


def test_JWT_21_22_base64_strictness(verifier: Verifier, keys: dict[str, Key], rsa_priv: Any) -> None:
    good = mint(rsa_priv)
    assert verifier.verify(good, keys, NOW)
    h, p, s = good.split(".")
    for bad in (
        f"{h}.{p}.{s}=",
        f"{h}.{p} .{s}",
        f"{h}.{p}.{s.replace('-', '+').replace('_', '/')}",
        f"{h}\n.{p}.{s}",
        f"{h}.{p}.{s[:-2]}!{s[-1]}",
    ):
        if bad != good:
            assert reason(verifier.verify, bad, keys, NOW) in ("malformed:b64", "malformed:non_ascii")
    # signature of 256 bytes → 342 chars, 4 unused bits in the last one
    assert len(s) % 4 == 2
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    bumped = s[:-1] + alphabet[alphabet.index(s[-1]) + 1]
    assert unb64(bumped) == unb64(s)  # a lenient decoder would accept the second spelling
    assert reason(verifier.verify, f"{h}.{p}.{bumped}", keys, NOW) == "malformed:b64_noncanonical"


def test_JWT_23_duplicate_keys(verifier: Verifier, keys: dict[str, Key], rsa_priv: Any) -> None:
    good_payload = json.dumps(claims())
    dup_header = raw_token('{"alg":"none","alg":"RS256","kid":"rsa1"}', good_payload, "RS256", rsa_priv)
    assert reason(verifier.verify, dup_header, keys, NOW) == "malformed:json_duplicate_key"
    for dup in ('"sub": "admin"', f'"exp": {NOW + 10**8}', '"aud": "other"', '"iss": "https://evil/"'):
        payload = good_payload[:-1] + ", " + dup + "}"
        token = raw_token({"alg": "RS256", "kid": "rsa1"}, payload, "RS256", rsa_priv)
        assert reason(verifier.verify, token, keys, NOW) == "malformed:json_duplicate_key"


def test_JWT_24_not_objects_and_bad_utf8(verifier: Verifier, keys: dict[str, Key], rsa_priv: Any) -> None:
    hdr = {"alg": "RS256", "kid": "rsa1"}
    assert (
        reason(verifier.verify, raw_token(hdr, "[1]", "RS256", rsa_priv), keys, NOW)
        == "malformed:payload_not_object"
    )
    assert (
        reason(verifier.verify, raw_token("[]", claims(), "RS256", rsa_priv), keys, NOW)
        == "malformed:header_not_object"
    )
    overlong = b64(b'{"sub":"' + bytes([0xC0, 0xAF]) + b'"}')  # overlong "/" (panva/jose case)
    si = f"{b64(json.dumps(hdr))}.{overlong}"
    token = f"{si}.{b64(sign('RS256', rsa_priv, si.encode()))}"
    assert reason(verifier.verify, token, keys, NOW) == "malformed:utf8"
    deep = '{"a":' + "[" * 10000 + "]" * 10000 + "}"
    v = Verifier(ISS, [AUD], ["RS256"], leeway_s=0, max_token_bytes=200_000)
    assert reason(v.verify, raw_token(hdr, deep, "RS256", rsa_priv), keys, NOW) == "malformed:json"


def test_JWT_25_huge_inputs_bounded(verifier: Verifier, keys: dict[str, Key]) -> None:
    assert reason(verifier.verify, "Bearer " + "." * 1_000_000, keys, NOW) == "malformed:too_long"
    assert reason(verifier.verify, "a" * 65536, keys, NOW) == "malformed:too_long"
    assert peek_issuer("." * 1_000_000) is None


def test_JWT_27_rsa_key_size_and_exponent(rsa_priv: Any) -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(ValueError, match="RSA key size"):
        Key.from_public_key(small.public_key())
    with pytest.raises(ValueError):
        Key.from_jwk(json.loads(pyjwt.algorithms.RSAAlgorithm.to_jwk(small.public_key())))
    n = rsa_priv.public_key().public_numbers().n
    with pytest.raises(ValueError, match="exponent"):
        Key.from_public_key(rsa.RSAPublicNumbers(2**64 + 1, n).public_key())
    huge_n = (1 << 8199) | 1 | (n << 6000)  # odd 8200-bit modulus; never used to verify
    try:
        huge = rsa.RSAPublicNumbers(65537, huge_n).public_key()
    except ValueError:
        pytest.skip("this OpenSSL refuses such moduli itself")
    with pytest.raises(ValueError, match="RSA key size"):
        Key.from_public_key(huge)


def test_JWT_30_signature_checked_before_claims(
    verifier: Verifier, keys: dict[str, Key], rsa_priv2: Any
) -> None:
    # expired, wrong iss, wrong aud AND a bad signature: the signature is reported
    forged = mint(rsa_priv2, exp=NOW - 10_000, iss="https://evil/", aud="x")
    assert reason(verifier.verify, forged, keys, NOW) == "bad_signature"
    # the HMAC comparison is constant-time (static check of the implementation)
    src = inspect.getsource(verify_mod.verify_signature)
    assert "hmac.compare_digest(hmac.digest(" in src
    assert "== signature" not in src and "signature ==" not in src


def test_JWT_31_hmac_key_length() -> None:
    with pytest.raises(ValueError):
        Key.hmac(b"x" * 31)
    with pytest.raises(ValueError):
        Key.hmac(b"")
    assert Key.hmac(b"x" * 32).allowed_algs == frozenset({"HS256"})
    assert Key.hmac(b"x" * 48).allowed_algs == frozenset({"HS256", "HS384"})
    assert Key.hmac(b"x" * 64).allowed_algs == frozenset({"HS256", "HS384", "HS512"})
    k = Key.hmac(b"x" * 32)
    assert not verify_signature(k, "HS512", b"a.b", sign("HS512", b"x" * 32, b"a.b"))
    assert "x" * 32 not in repr(k)  # the secret never appears in logs


def test_kidless_selection_is_bounded(rsa_priv: Any) -> None:
    privs = [rsa_priv] + [rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(4)]
    ks = [Key.from_public_key(p.public_key(), kid=f"k{i}") for i, p in enumerate(privs)]
    v = Verifier(ISS, [AUD], ["RS256"], leeway_s=0)
    assert v.verify_detailed(mint(privs[3], kid=None), ks, NOW).key is ks[3]
    assert reason(v.verify, mint(privs[4], kid=None), ks, NOW) == "bad_signature"  # 5th key never tried
    assert v.verify(mint(privs[4], kid="k4"), ks, NOW)  # with its kid it is found
    assert reason(v.verify, mint(privs[0], kid=None), [], NOW) == "kid_unknown"


def test_key_constructors(rsa_priv: Any, ec_priv: Any, ed_priv: Any) -> None:
    pub = rsa_priv.public_key()
    pems = _public_serializations(rsa_priv)
    spki, cert = pems[0], pems[-1]
    pkcs1 = next(p for p in pems if p.startswith(b"-----BEGIN RSA PUBLIC KEY"))
    assert cert.startswith(b"-----BEGIN CERTIFICATE")
    for pem in (spki, pkcs1, cert):
        k = Key.from_pem(pem, kid="x")
        assert k.kty == "RSA" and k.public_key.public_numbers() == pub.public_numbers()
    priv_pem = rsa_priv.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    assert Key.from_pem(priv_pem).public_key.public_numbers() == pub.public_numbers()
    with pytest.raises(ValueError):
        Key.from_pem(b"-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----\n")
    jwk = json.loads(pyjwt.algorithms.RSAAlgorithm.to_jwk(pub))
    with pytest.raises(ValueError, match="use"):
        Key.from_jwk({**jwk, "use": "enc"})
    with pytest.raises(ValueError, match="key_ops"):
        Key.from_jwk({**jwk, "key_ops": ["encrypt"]})
    assert Key.from_jwk({**jwk, "key_ops": ["verify"], "kid": "a"}).kid == "a"
    with pytest.raises(ValueError):
        Key.from_jwk({**jwk, "alg": "RSA-OAEP"})
    with pytest.raises(ValueError):
        Key.from_jwk({"kty": "EC", "crv": "secp256k1", "x": b64(bytes(32)), "y": b64(bytes(32))})
    with pytest.raises(ValueError):
        Key.from_jwk({"kty": "nope"})
    # a private JWK keeps only its public half
    priv_jwk = json.loads(pyjwt.algorithms.ECAlgorithm.to_jwk(ec_priv))
    k = Key.from_jwk(priv_jwk)
    assert isinstance(k.public_key, ec.EllipticCurvePublicKey) and k.allowed_algs == {"ES256"}
    okp = json.loads(pyjwt.algorithms.OKPAlgorithm.to_jwk(ed_priv.public_key()))
    assert Key.from_jwk(okp).allowed_algs == {"EdDSA"}


def test_peek_issuer(rsa_priv: Any) -> None:
    assert peek_issuer(mint(rsa_priv)) == ISS
    assert peek_issuer(mint(rsa_priv).encode()) == ISS
    assert peek_issuer(mint(rsa_priv, iss="https://other/")) == "https://other/"  # unverified!
    assert peek_issuer(mint(rsa_priv, iss=_DROP)) is None
    not_object, iss_int, iss_list = b64("[1]"), b64('{"iss":1}'), b64('{"iss":["a"]}')
    for junk in (
        "",
        "abc",
        "a.b",
        "a.!!.c",
        "é.e.e",
        f"x.{not_object}.y",
        f"x.{iss_int}.y",
        f"x.{iss_list}.y",
        12345,
        None,
    ):
        assert peek_issuer(junk) is None
    assert peek_issuer(mint(rsa_priv), max_len=10) is None


# ------------------------------------------------------------------------------------------------
# TokenCache (issue 3 item 5, JWT-32)


def test_tokencache_hit_miss_and_expiry() -> None:
    c: TokenCache[dict[str, str]] = TokenCache(max_entries=10)
    tok = "h." + "p" * 500 + ".s1"
    c.put(tok, {"sub": "a"}, exp=NOW + 60, kid="k1")
    same = "".join(["h.", "p" * 500, ".s1"])  # equal string, different object
    assert same is not tok
    assert c.get(same, NOW) == {"sub": "a"}
    assert c.get(tok[:-1] + "2", NOW) is None  # differs only in the last char
    assert c.get(tok, NOW + 59.999) == {"sub": "a"}
    assert c.get(tok, NOW + 60) is None  # never served at or after exp
    assert len(c) == 0  # and the expired entry is gone
    c.put(tok, {"sub": "a"}, exp=NOW, kid="k1", now=NOW)  # already expired: not stored
    assert len(c) == 0
    assert c.hits == 2 and c.misses == 2


def test_tokencache_tokens_sharing_a_tail_never_share_an_entry() -> None:
    # The dict is keyed by a token's last KEY_CHARS characters; a hit still needs the whole token.
    c: TokenCache[str] = TokenCache(max_entries=10)
    tail = "s" * KEY_CHARS
    real, forged = "h.real-payload." + tail, "h.forged-payload." + tail
    c.put(real, "real", exp=NOW + 60, kid="k1")
    assert c.get(forged, NOW) is None  # same tail, another token: a miss...
    assert c.get(real, NOW) == "real"  # ...that leaves the entry alone
    assert c.get(forged, NOW + 61) is None and len(c) == 1  # not even an expired one is dropped for it
    c.put(forged, "forged", exp=NOW + 60, kid="k2")  # one entry per tail: the newer replaces it
    assert len(c) == 1
    assert c.get(forged, NOW) == "forged" and c.get(real, NOW) is None
    assert c.drop_kid("k2") == 1 and len(c) == 0
    short = "k" * (KEY_CHARS - 5)  # shorter than the tail: keyed by the whole token
    c.put(short, "s", exp=NOW + 60, kid=None)
    assert c.get(short, NOW) == "s" and c.get("x" + short, NOW) is None


def test_tokencache_max_ttl() -> None:
    c: TokenCache[int] = TokenCache(max_entries=10, max_ttl_s=30)
    c.put("t", 1, exp=NOW + 3600, kid=None, now=NOW)
    assert c.get("t", NOW + 29) == 1
    assert c.get("t", NOW + 30) is None


def test_tokencache_bounded_and_evicts_oldest_first() -> None:
    c: TokenCache[int] = TokenCache(max_entries=100)
    for i in range(1000):
        c.put(f"tok{i}", i, exp=NOW + 10_000, kid="k")
        assert len(c) <= 100
    assert c.get("tok999", NOW) == 999
    assert c.get("tok0", NOW) is None
    assert c.get("tok880", NOW) is None  # batch eviction removed the oldest eighth
    assert c.evictions >= 900


def test_tokencache_sweeps_expired_before_live() -> None:
    c: TokenCache[int] = TokenCache(max_entries=100)
    for i in range(60):
        c.put(f"live{i}", i, exp=NOW + 10_000, kid="k", now=NOW)
    for i in range(40):
        c.put(f"short{i}", i, exp=NOW + 5, kid="k", now=NOW)
    assert len(c) == 100
    c.put("new", 1, exp=NOW + 10_000, kid="k", now=NOW + 10)
    assert len(c) == 61
    assert all(c.get(f"live{i}", NOW + 10) == i for i in range(60))


def test_tokencache_reput_refreshes_position() -> None:
    c: TokenCache[int] = TokenCache(max_entries=8)
    for i in range(8):
        c.put(f"t{i}", i, exp=NOW + 100, kid=None)
    c.put("t0", 0, exp=NOW + 100, kid=None)  # now the newest
    c.put("t8", 8, exp=NOW + 100, kid=None)  # evicts the oldest (t1), not t0
    assert c.get("t0", NOW) == 0 and c.get("t1", NOW) is None


def test_JWT_32_cache_dropped_when_key_leaves_jwks(keys: dict[str, Key], rsa_priv: Any, ec_priv: Any) -> None:
    v = Verifier(ISS, [AUD], ["RS256", "ES256"], leeway_s=0)
    cache: TokenCache[dict[str, Any]] = TokenCache()
    t_rsa, t_ec = mint(rsa_priv, sub="a"), mint(ec_priv, "ES256", "ec1", sub="b")
    for t in (t_rsa, t_ec):
        out = v.verify_detailed(t, keys, NOW)
        cache.put(t, out.claims, out.claims["exp"], out.key.kid, now=NOW)
    assert cache.get(t_rsa, NOW)["sub"] == "a"
    assert cache.drop_kid("rsa1") == 1
    assert cache.get(t_rsa, NOW) is None
    assert cache.get(t_ec, NOW)["sub"] == "b"
    # and with the key gone from the set, a re-verify fails
    remaining = {k: key for k, key in keys.items() if k != "rsa1"}
    assert reason(v.verify, t_rsa, remaining, NOW) == "kid_unknown"
    assert cache.drop_kid("absent") == 0


def test_tokencache_rejects_non_str_keys() -> None:
    c: TokenCache[int] = TokenCache()
    with pytest.raises(TypeError):
        c.put(b"bytes-token", 1, exp=NOW + 1, kid=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        TokenCache(max_entries=0)


def test_tokencache_keys_are_whole_tokens() -> None:
    # The cache must never key on a digest of the token: its dict is keyed by the token itself.
    c: TokenCache[int] = TokenCache()
    c.put("abc", 1, exp=NOW + 1, kid=None)
    assert list(c._entries) == ["abc"]
    assert hashlib.sha256(b"abc").hexdigest() not in c._entries
