"""Micro-benchmark of the Authenticate stage in isolation (no HTTP): µs per request.

Run: ``.venv/bin/python bench/bench_auth.py [--quick]``. Prints thread-CPU µs/op, best of several
repeats (a shared machine inflates wall time, CPU time much less). Not a test: asserts nothing.

Cases: a cached token (the common path), an uncached RS256 / ES256 token (full verify + claim
mapping + cache insert: the cache is emptied before every call), an API key, and raw
``cryptography`` verifies as the floor. Targets (issue 3): hit ≤ 1 µs; uncached RS256 ≤ raw + 5 µs.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import orjson
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from multidict import CIMultiDict, CIMultiDictProxy

from fastgate.config import load_config_text
from fastgate.devkeys import mint_token, public_jwk
from fastgate.identity.apikeys import hash_api_key
from fastgate.stages.auth import Authenticate, AuthRuntime

ISS = "https://idp.bench/"
API_KEY = "fg-bench-key-0123456789"


class Req:
    __slots__ = ("headers",)

    def __init__(self, headers: dict[str, str]) -> None:
        self.headers = CIMultiDictProxy(CIMultiDict(headers))


class Ctx:
    __slots__ = ("request", "identity", "reason")

    def __init__(self, headers: dict[str, str]) -> None:
        self.request = Req(headers)
        self.identity = None
        self.reason = None


def cpu_us(fn: Callable[[], Any], n: int, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.thread_time_ns()
        for _ in range(n):
            fn()
        best = min(best, (time.thread_time_ns() - t0) / n / 1000.0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    n_fast, n_slow, reps = (20000, 300, 3) if args.quick else (200000, 3000, 5)

    rk = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ek = ec.generate_private_key(ec.SECP256R1())
    jwks = {"keys": [public_jwk(rk, kid="rsa"), public_jwk(ek, kid="ec")]}
    rt = AuthRuntime(load_config_text(f"""
auth:
  jwt:
    - issuer: "{ISS}"
      audiences: ["api://fastgate"]
      algorithms: [RS256, ES256]
      jwks: {orjson.dumps(jwks).decode()}
  api_keys:
    - {{name: bench, sha256: "{hash_api_key(API_KEY)}", groups: [g]}}
""", "<bench>"))
    stage = Authenticate(rt)
    claims = {"scp": ["openid", "llm:invoke"], "tid": "acme", "azp": "0oa1b2c3d4e5f6g7h8i9"}
    tok_rs = mint_token(rk, sub="alice@example.com", groups=["research", "eng"], iss=ISS, aud="api://fastgate",
                        claims=claims, kid="rsa")
    tok_es = mint_token(ek, sub="alice@example.com", groups=["research", "eng"], iss=ISS, aud="api://fastgate",
                        claims=claims, kid="ec")
    ctx_rs = Ctx({"Authorization": f"Bearer {tok_rs}", "Content-Type": "application/json"})
    ctx_es = Ctx({"Authorization": f"Bearer {tok_es}", "Content-Type": "application/json"})
    ctx_key = Ctx({"x-api-key": API_KEY, "Content-Type": "application/json"})
    entries = rt.token_cache._entries

    assert stage.on_request(ctx_rs) is None and stage.on_request(ctx_es) is None
    assert stage.on_request(ctx_key) is None

    def hit() -> None:
        stage.on_request(ctx_rs)

    def miss_rs() -> None:
        entries.clear()
        stage.on_request(ctx_rs)

    def miss_es() -> None:
        entries.clear()
        stage.on_request(ctx_es)

    def api_key() -> None:
        stage.on_request(ctx_key)

    # raw cryptography floor, same primitives the Verifier uses
    si_rs, _, sig_rs = tok_rs.rpartition(".")
    import base64

    def unb64(s: str) -> bytes:
        return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))

    sig_rs_b = unb64(sig_rs)
    pub_rs = rk.public_key()
    pkcs = padding.PKCS1v15()
    sha = hashes.SHA256()
    si_rs_b = si_rs.encode()

    def raw_rs() -> None:
        pub_rs.verify(sig_rs_b, si_rs_b, pkcs, sha)

    si_es, _, sig_es = tok_es.rpartition(".")
    sig_es_b = unb64(sig_es)
    r, s = int.from_bytes(sig_es_b[:32], "big"), int.from_bytes(sig_es_b[32:], "big")
    pub_es = ek.public_key()
    ecdsa = ec.ECDSA(hashes.SHA256())
    si_es_b = si_es.encode()

    def raw_es() -> None:
        pub_es.verify(encode_dss_signature(r, s), si_es_b, ecdsa)

    rows = [
        ("cache hit (RS256 token)", cpu_us(hit, n_fast, reps)),
        ("API key (x-api-key)", cpu_us(api_key, n_fast, reps)),
        ("uncached RS256 (stage)", cpu_us(miss_rs, n_slow, reps)),
        ("raw cryptography RS256 verify", cpu_us(raw_rs, n_slow, reps)),
        ("uncached ES256 (stage)", cpu_us(miss_es, n_slow, reps)),
        ("raw cryptography ES256 verify", cpu_us(raw_es, n_slow, reps)),
    ]
    print(f"{'case':36s} {'µs/op (thread CPU, best of ' + str(reps) + ')':>30s}")
    for name, us in rows:
        print(f"{name:36s} {us:30.2f}")
    print(f"RS256 stage overhead over raw verify: {rows[2][1] - rows[3][1]:.2f} µs")
    print(f"ES256 stage overhead over raw verify: {rows[4][1] - rows[5][1]:.2f} µs")


if __name__ == "__main__":
    main()
