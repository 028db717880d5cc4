"""The ``reqhead`` kernel against llhttp (httptools), the parser it replaced (acceptance catalogue §3).

The oracle (``reqhead_support.py``) is llhttp in strict mode plus the rules fastgate's server added in
its callbacks. On every input — the framing catalogue's cases, heads recorded from curl, the openai
SDK, aiohttp and wrk, llhttp corner cases, every prefix of those (split points), and hypothesis-made
heads and mutations (byte flips, inserted CR/LF/SP/HTAB/NUL/…, deletions, cuts) — the kernel:

* refuses whatever the oracle refuses (at once, or, when the offending line has not ended yet,
  as soon as it ends), and may refuse a head earlier than llhttp did when llhttp refuses it
  however it ends (llhttp judges a field line once the next line's first byte shows no obs-fold;
  the server judged the version at the end of the head);
* takes what the oracle takes unless one of the documented stricter rules applies to the bytes
  (``stricter_rules``) and the kernel's reason is that rule's;
* for a taken head returns the oracle's method, target, version, fields, Content-Length,
  chunked, keep-alive, Expect and upgrade, and an end offset at which the oracle also has the
  whole head (and not one byte earlier).

Chunked bodies get the same treatment against llhttp's own decoding. Both the compiled kernel and
its twin are checked.
"""

from __future__ import annotations

import os
import re
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings

from fastgate import _native
from tests.native.reqhead_support import (
    RULE_REASONS,
    chunked_requests,
    client_requests,
    corpus,
    heads,
    llhttp_body,
    llhttp_head,
    mutated,
    stricter_rules,
)

EXAMPLES = int(os.environ.get("FASTGATE_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _compiled_or_fail() -> ModuleType:
    mod = _native.compiled("reqhead")
    assert mod is not None, "fastgate._native.reqhead is not built (FASTGATE_NO_EXTENSIONS unset)"
    return mod


@pytest.fixture(params=["twin", pytest.param("compiled", marks=pytest.mark.skipif(
    _native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1"))])
def rh(request: pytest.FixtureRequest) -> ModuleType:
    return _native.twin("reqhead") if request.param == "twin" else _compiled_or_fail()


def _kernel(rh: ModuleType, raw: bytes):
    try:
        return rh.parse_head(raw, 0), None
    except rh.HeadError as e:
        return None, e


_COMPLETIONS = (b"\r\n\r\n", b"X: y\r\n\r\n", b" \r\n\r\n", b"\r\nX: y\r\n\r\n")


def check_head(rh: ModuleType, raw: bytes) -> str:
    """Compare kernel and oracle on ``raw``; the outcome, for coverage counts."""
    verdict, got = llhttp_head(raw)
    head, err = _kernel(rh, raw)
    assert err is None or err.status in (400, 414, 431, 505), (raw[:200], err)
    if verdict == "reject":
        if err is None:
            assert head is None, f"kernel took a head llhttp refuses: {raw[:300]!r}"
            # the offending line has not ended: once it does, the kernel refuses too
            with pytest.raises(rh.HeadError):
                rh.parse_head(raw + b"\r\n\r\n", 0)
        return "both refuse"
    if err is not None and verdict == "incomplete" and all(
            llhttp_head(raw + more)[0] == "reject" for more in _COMPLETIONS):
        # refused before llhttp, which will refuse it however the head ends: llhttp judges a field
        # line only once the next line's first byte shows it is not folded, the kernel at its CRLF;
        # the server judged the version at the end of the head, the kernel on the request line
        return "refused earlier"
    if err is not None:
        rules = stricter_rules(raw)
        allowed = set().union(*(RULE_REASONS[r] for r in rules)) if rules else set()
        assert err.reason in allowed, f"refused {raw[:300]!r} ({err.status} {err.reason}), llhttp: {verdict}; rules {rules}"
        return "stricter"
    if verdict == "incomplete":
        assert head is None, f"kernel finished a head llhttp still waits on: {raw[:300]!r}"
        return "both wait"
    assert head is not None, f"kernel waits on a head llhttp took: {raw[:300]!r}"
    end, method, target, version, hdrs, cl, chunked, keep_alive, expect, upgrade = head
    assert got is not None and isinstance(got, dict)
    assert (method, target, version, hdrs) == (got["method"], got["target"], got["version"], got["headers"]), raw[:300]
    assert (cl, chunked, expect, upgrade) == (got["content_length"], got["chunked"], got["expect"], got["upgrade"]), raw[:300]
    if keep_alive != got["keep_alive"]:
        assert "close_wins" in stricter_rules(raw) and not keep_alive, raw[:300]
    assert llhttp_head(raw[:end])[0] == "ok"
    assert llhttp_head(raw[:end - 1])[0] == "incomplete"
    return "both take"


def check_body(rh: ModuleType, raw: bytes, splits: list[int]) -> str:
    """A chunked request: the kernel's body (fed in pieces cut at ``splits``) against llhttp's."""
    head, err = _kernel(rh, raw)
    if head is None or not head[6]:
        return "no chunked head"
    verdict, body, complete = llhttp_body(raw)
    rest = raw[head[0]:]
    dec = rh.ChunkedDecoder()
    got, done, err = [], False, None
    cuts = sorted(s for s in splits if 0 < s < len(rest))
    try:
        for a, b in zip([0] + cuts, cuts + [len(rest)]):
            pieces, done, _ = dec.feed(rest[a:b])
            got += pieces
            if done:
                break
    except rh.HeadError as e:
        err = e
    if verdict == "reject":
        if err is None:
            assert not done, f"kernel took a chunked body llhttp refuses: {rest[:300]!r}"
            with pytest.raises(rh.HeadError):
                rh.ChunkedDecoder().feed(rest + b"\r\n")
        return "both refuse"
    if err is not None:
        assert err.reason in _BODY_STRICTER and _body_rule(rest, err.reason), (rest[:300], err.reason)
        return "stricter"
    assert done == complete, rest[:300]
    data = b"".join(got)
    assert data == body if done else body.startswith(data), rest[:300]
    return "both take" if done else "both wait"


# documented stricter chunked rules → a check on the bytes
_BODY_STRICTER = {"bad_chunk_extension", "chunk_line_too_long", "forbidden_trailer", "bad_chunk_size",
                  "too_many_trailers", "trailer_too_large"}


def _body_rule(rest: bytes, reason: str) -> bool:
    if reason == "bad_chunk_extension":  # an extension without a name, or "=" without a value
        return re.search(rb";[=;\r]|=[;\r]", rest) is not None
    if reason == "chunk_line_too_long":
        return any(len(line) > 4096 for line in rest.split(b"\n"))
    if reason == "bad_chunk_size":  # more than 2**63 - 1
        return re.search(rb"(?:^|\n)0*[0-9a-fA-F]{16}", rest) is not None
    if reason == "forbidden_trailer":
        return re.search(rb"\n(?:host|connection|trailer|te|keep-alive|proxy-connection|upgrade|expect|authorization"
                         rb"|proxy-authorization|cookie|content-type|content-encoding|content-range):", rest, re.I) is not None
    return rest.count(b"\n") > 100 or len(rest) > 8190  # trailer limits


# ------------------------------------------------------------------ corpus, whole and cut

def test_corpus_whole(rh: ModuleType) -> None:
    seen: dict[str, int] = {}
    for raw in corpus():
        out = check_head(rh, raw)
        seen[out] = seen.get(out, 0) + 1
    # the corpus exercises every outcome (a differential that never disagrees proves little)
    assert seen.get("both take", 0) >= 20 and seen.get("both refuse", 0) >= 40 and seen.get("stricter", 0) >= 5, seen


def test_corpus_every_split_point(rh: ModuleType) -> None:
    for raw in corpus():
        step = 1 if len(raw) <= 2000 else 97
        for i in range(0, len(raw), step):
            check_head(rh, raw[:i])


def test_real_clients_are_taken_unchanged(rh: ModuleType) -> None:
    clients = client_requests()
    assert {c.split()[0] for c, _ in clients} >= {"curl", "openai", "aiohttp", "wrk"}
    for client, raw in clients:
        assert check_head(rh, raw) == "both take", client
        head = rh.parse_head(raw, 0)
        if head[6]:
            check_body(rh, raw, [])


def test_corpus_chunked_bodies_every_split(rh: ModuleType) -> None:
    for raw in corpus():
        head, _ = _kernel(rh, raw)
        if head is not None and head[6]:
            for i in range(len(raw) - head[0] + 1):
                check_body(rh, raw, [i])


# ------------------------------------------------------------------ generated heads

_SMALL = [r for r in corpus() if len(r) < 2000]


@FUZZ
@given(raw=heads())
def test_generated_heads(raw: bytes) -> None:
    for rh in _modules():
        check_head(rh, raw)


@FUZZ
@given(raw=mutated(_SMALL))
def test_mutated_heads(raw: bytes) -> None:
    for rh in _modules():
        check_head(rh, raw)


# ------------------------------------------------------------------ generated chunked bodies

@FUZZ
@given(case=chunked_requests())
def test_generated_chunked_bodies(case: tuple[bytes, list[int]]) -> None:
    raw, splits = case
    for rh in _modules():
        check_body(rh, raw, splits)


def _modules() -> list[ModuleType]:
    mods = [_native.twin("reqhead")]
    if not _native.NO_EXTENSIONS:
        mods.append(_compiled_or_fail())
    return mods
