"""fastgate.pii: corpus precision/recall, modes, fail-closed inputs and the stream redactor.

Acceptance ids: PII-08/09 (corpus gate, text outside spans untouched), PII-10 (an entity split
at every offset never leaks), PII-11 (hold-back bounded, clean text released at once), PII-16
(fail closed), PII-17 (placeholders restored within the request, also split across deltas).
Every test runs with the pure-Python twin and with the compiled kernel.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from fastgate import _native
from fastgate._native import compiled, twin
from fastgate.errors import ConfigError
from fastgate.pii import (
    ENTITIES,
    PIIBlocked,
    PIIError,
    PlaceholderState,
    Redactor,
    Span,
    StreamRedactor,
    _required_literal,
)

DATA = Path(__file__).resolve().parent / "data" / "pii"
ROWS = [json.loads(line) for line in (DATA / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
NEGATIVES = [
    line
    for line in (DATA / "hard_negatives.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]

RECALL_GATE = {
    "email": 0.99,
    "ip": 0.99,
    "credit_card": 0.99,
    "ssn": 0.99,
    "iban": 0.99,
    "secret": 0.99,
    "phone": 0.90,
}
PRECISION_GATE = 0.95


@pytest.fixture(
    params=[
        "twin",
        pytest.param(
            "compiled", marks=pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
        ),
    ]
)
def kmod(request: pytest.FixtureRequest) -> ModuleType:
    if request.param == "twin":
        return twin("redact")
    mod = compiled("redact")
    assert mod is not None, "fastgate._native.redact is not built"
    return mod


@pytest.fixture
def red(kmod: ModuleType) -> Redactor:
    return Redactor(ENTITIES, [("employee_id", r"EMP-\d{6}")], kernel=kmod)


# ------------------------------------------------------------------------------ corpus gate


def test_corpus_precision_recall_per_entity(red: Redactor) -> None:
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for row in ROWS:
        gold = {(s, e, ent) for s, e, ent in row["spans"]}
        pred = {(sp.start, sp.end, sp.entity) for sp in red.find(row["text"])}
        for g in gold:
            bucket = tp if g in pred else fn
            bucket[g[2]] = bucket.get(g[2], 0) + 1
        for p in pred - gold:
            fp[p[2]] = fp.get(p[2], 0) + 1
    report = {}
    for ent, gate in RECALL_GATE.items():
        t, f_pos, f_neg = tp.get(ent, 0), fp.get(ent, 0), fn.get(ent, 0)
        assert t + f_neg >= 100, f"corpus has too few {ent} values to gate on"
        recall, precision = t / (t + f_neg), t / max(1, t + f_pos)
        report[ent] = (round(precision, 4), round(recall, 4))
        assert recall >= gate, (ent, report[ent])
        assert precision >= PRECISION_GATE, (ent, report[ent])
    assert sum(fp.values()) <= 0.05 * sum(tp.values()), report


@pytest.mark.parametrize("line", NEGATIVES)
def test_hard_negatives_stay_clean(red: Redactor, line: str) -> None:
    assert red.find(line) == []
    assert red.redact(line) == (line, {})


def test_text_outside_spans_is_untouched(red: Redactor) -> None:
    for row in ROWS[:400]:
        text = row["text"]
        out, counts = red.redact(text)
        spans = red.find(text)
        assert sum(counts.values()) == len(spans)
        # Rebuild the masked text from the spans: every character outside them is kept as is.
        pieces, pos = [], 0
        for sp in spans:
            pieces += [text[pos : sp.start], "[" + sp.entity.upper() + "]"]
            pos = sp.end
        assert out == "".join(pieces) + text[pos:]


# ------------------------------------------------------------------------------ config


def test_config_errors_name_the_path() -> None:
    with pytest.raises(ConfigError, match=r"pii.entities\[1\]: unknown entity 'phone_number'"):
        Redactor(["email", "phone_number"])
    with pytest.raises(ConfigError, match=r"pii.custom\[0\].name"):
        Redactor(custom=[("1bad", r"X\d")])
    with pytest.raises(ConfigError, match=r"pii.custom\[0\].name: 'email' is a built-in"):
        Redactor(custom=[("email", r"X\d")])
    with pytest.raises(ConfigError, match=r"pii.custom\[0\].regex: invalid regex"):
        Redactor(custom=[("x", r"EMP-(\d")])
    with pytest.raises(ConfigError, match=r"pii.custom\[1\].regex: .*empty string"):
        Redactor(custom=[("x", r"A\d"), ("y", r"\d*")])
    with pytest.raises(ConfigError, match=r"pii.custom\[1\].name: duplicate"):
        Redactor(custom=[("x", r"A\d"), ("X", r"B\d")])


def test_from_config_objects_and_dicts(kmod: ModuleType) -> None:
    cfg = SimpleNamespace(
        entities=("email", "ip"),
        custom=(SimpleNamespace(name="ticket", regex=r"TCK-\d{4}"),),
        stream_holdback_chars=64,
    )
    r = Redactor.from_config(cfg, kernel=kmod)
    text = "TCK-1234 from bob@example.com at 10.0.0.1, SSN 078-05-1123"
    assert [sp.entity for sp in r.find(text)] == ["ticket", "email", "ip"]
    r2 = Redactor(["ssn"], [{"name": "ticket", "regex": r"TCK-\d{4}"}], kernel=kmod)
    assert [sp.entity for sp in r2.find(text)] == ["ticket", "ssn"]


@pytest.mark.parametrize(
    "regex,literal,leading",
    [
        (r"EMP-\d{6}", "EMP-", True),
        (r"\bEMP-\d{6}\b", "EMP-", True),
        (r"(?:ACME)-\d+", "ACME-", True),
        (r"\d{4}-PROJ", "-PROJ", False),
        (r"EMP|CON", "", False),  # alternation: nothing is required
        (r"(?i)emp-\d+", "", False),  # case-insensitive: no literal prefilter
        (r"[A-Z]{3}\d+", "", False),
    ],
)
def test_custom_prefilter_literal(regex: str, literal: str, leading: bool) -> None:
    assert _required_literal(re.compile(regex)) == (literal, leading)


def test_custom_entities_run_like_finditer(red: Redactor, kmod: ModuleType) -> None:
    rng = random.Random(3)
    patterns = [r"EMP-\d{6}", r"\d{4}-PROJ", r"(?i)acme-\d+", r"EMP|CON"]
    for pat in patterns:
        r = Redactor([], [("thing", pat)], kernel=kmod)
        for _ in range(200):
            text = "".join(
                rng.choice(["EMP-", "123456", "7", "-PROJ", "acme-", "ACME-9", " ", "CON", "x"])
                for _ in range(8)
            )
            want = [(m.start(), m.end(), "thing") for m in re.finditer(pat, text) if m.end() > m.start()]
            assert [tuple(sp) for sp in r.find(text)] == want, (pat, text)


def test_builtin_entities_win_overlaps_with_custom(kmod: ModuleType) -> None:
    r = Redactor(custom=[("acct", r"acct:\S+")], kernel=kmod)
    text = "acct:bob@example.com and acct:42"
    assert r.find(text) == [Span(5, 20, "email"), Span(25, 32, "acct")]


# ------------------------------------------------------------------------------ modes


def test_mask_mode_counts(red: Redactor) -> None:
    text = "Mail bob@example.com or ann@example.org, card 4111 1111 1111 1111, id EMP-123456."
    out, counts = red.redact(text)
    assert out == "Mail [EMAIL] or [EMAIL], card [CREDIT_CARD], id [EMPLOYEE_ID]."
    assert counts == {"email": 2, "credit_card": 1, "employee_id": 1}
    assert red.redact(text, "off") == (text, {})
    assert red.redact("nothing here") == ("nothing here", {})


def test_placeholder_round_trip(red: Redactor) -> None:
    state = PlaceholderState()
    text = "bob@example.com wrote to ann@example.org; bob@example.com again from 10.0.0.1 (EMP-123456)"
    out, counts = red.redact(text, "placeholder", state)
    assert out == "[EMAIL_1] wrote to [EMAIL_2]; [EMAIL_1] again from [IP_1] ([EMPLOYEE_ID_1])"
    assert counts == {"email": 3, "ip": 1, "employee_id": 1}
    # A second message of the same request continues the numbering and reuses placeholders.
    out2, _ = red.redact("cc ann@example.org and carl@example.net", "placeholder", state)
    assert out2 == "cc [EMAIL_2] and [EMAIL_3]"
    reply = "Sure, I'll email [EMAIL_2] and [EMAIL_1]; [EMAIL_9] and [PHONE_1] are unknown."
    assert red.restore(reply, state) == (
        "Sure, I'll email ann@example.org and bob@example.com; [EMAIL_9] and [PHONE_1] are unknown."
    )
    assert red.restore(out, state) == text
    # Placeholders of another request are never resolved with this one's originals.
    other = PlaceholderState()
    assert red.restore("[EMAIL_1]", other) == "[EMAIL_1]"
    with pytest.raises(ValueError):
        red.redact(text, "placeholder", None)


@pytest.mark.parametrize("custom", [True, False])
def test_redact_counted_equals_redact(kmod: ModuleType, custom: bool) -> None:
    """The request path's ``redact_counted`` is ``redact`` with the counts added in place."""
    red = Redactor(ENTITIES, [("employee_id", r"EMP-\d{6}")] if custom else [], kernel=kmod)
    texts = [row["text"] for row in ROWS[:200]] + NEGATIVES[:50] + ["", "nothing here", "id EMP-123456"]
    for mode in ("mask", "placeholder", "off"):
        s1, s2 = PlaceholderState(), PlaceholderState()
        total: dict[str, int] = {"email": 7}
        want: dict[str, int] = {"email": 7}
        for text in texts:
            out, found = red.redact(text, mode, s1)
            for k, n in found.items():
                want[k] = want.get(k, 0) + n
            assert red.redact_counted(text, mode, s2, total) == out
            assert total == want
        assert s1.mapping == s2.mapping and s1.counters == s2.counters
    with pytest.raises(PIIBlocked):
        red.redact_counted("bob@example.com", "block", None, {})
    with pytest.raises(ValueError):
        red.redact_counted("bob@example.com", "placeholder", None, {})
    with pytest.raises(PIIError):
        red.redact_counted("a\ud800 bob@example.com", "mask", None, {})


def test_block_mode(red: Redactor) -> None:
    with pytest.raises(PIIBlocked) as ei:
        red.redact("ssn 078-05-1123 and bob@example.com", "block")
    err = ei.value
    assert err.entity_types == {"ssn", "email"}
    assert err.counts == {"ssn": 1, "email": 1}
    assert err.status == 400 and err.code == "pii_blocked"
    assert "email" in err.message and "ssn" in err.message and "078" not in err.message
    assert red.redact("clean text", "block") == ("clean text", {})
    with pytest.raises(ValueError):
        red.redact("x", "shred")


# ------------------------------------------------------------------------------ fail closed (PII-16)


def test_fail_closed_inputs(red: Redactor) -> None:
    assert red.redact("café bob@example.com".encode()) == ("café [EMAIL]", {"email": 1})
    with pytest.raises(PIIError, match="invalid UTF-8 at byte 5"):
        red.redact(b"hello\xff bob@example.com")
    with pytest.raises(PIIError, match="invalid UTF-8"):
        red.find(b"\xc3")  # truncated sequence
    with pytest.raises(PIIError, match="lone surrogate at offset 3"):
        red.redact("abc\ud83d bob@example.com")
    for r in (red, Redactor(kernel=red.kernel)):  # with and without custom entities
        with pytest.raises(PIIError, match="lone surrogate at offset 3"):
            r.redact_counted("abc\ud83d bob@example.com", "mask", None, {})
    with pytest.raises(PIIError, match="cannot scan int"):
        red.redact(42)  # type: ignore[arg-type]
    err = PIIError("x")
    assert err.status == 400 and err.code == "pii_redaction_failed"


def test_fail_closed_on_scanner_error() -> None:
    def broken_scan(*_a: object) -> list:
        raise RuntimeError("kernel bug")

    k = SimpleNamespace(NAMES=twin("redact").NAMES, MASK=1, PLACEHOLDER=2, MAX_LOCAL=64, scan=broken_scan)
    r = Redactor(kernel=k)  # type: ignore[arg-type]
    with pytest.raises(PIIError, match="scanner error: RuntimeError"):
        r.redact("bob@example.com")
    with pytest.raises(PIIError, match="scanner error: RuntimeError"):
        r.redact_counted("bob@example.com", "mask", None, {})


# ------------------------------------------------------------------------------ streams (PII-10/11)


def _feed_all(st: StreamRedactor, pieces: list) -> tuple[str, list[str]]:
    outs = [st.feed(p) for p in pieces]
    outs.append(st.flush())
    return "".join(outs), outs


SAMPLES = [
    "bob.smith+news@mail.example.co.uk",
    "(415) 555-2671",
    "+44 20 7946 0958",
    "415-555-2671x123",
    "4012 8888 8888 1881",
    "371449635398431",
    "078-05-1123",
    "192.168.100.200",
    "2001:db8:85a3::8a2e:370:7334",
    "DE89 3704 0044 0532 0130 00",
    "AKIAIOSFODNN7EXAMPLE",
    "sk-proj-" + "Ab3dEfGh1jKlMnOpQrStUvWxYz0123456789_-" * 4,
    "ghp_" + "aB3" * 12,
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "EMP-123456",
]


@pytest.mark.parametrize("value", SAMPLES, ids=lambda v: v[:14])
def test_entity_split_at_every_offset_never_leaks(red: Redactor, value: str) -> None:
    text = f"Contact: {value}. Thanks"
    want, _ = red.redact(text)
    assert value not in want
    for cut in range(1, len(text)):
        got, outs = _feed_all(red.stream(), [text[:cut], text[cut:]])
        assert got == want, cut
        assert all(value not in o for o in outs)


def test_entity_split_at_every_utf8_byte_offset(red: Redactor) -> None:
    text = "Grüße — café ☕ mail jürgen@example.de, IP 10.1.2.3 ✓"
    raw = text.encode()
    want, _ = red.redact(text)
    for cut in range(1, len(raw)):
        assert _feed_all(red.stream(), [raw[:cut], raw[cut:]])[0] == want
    st = red.stream()
    st.feed(raw[:-1])
    with pytest.raises(PIIError, match="invalid UTF-8"):
        st.flush()  # the stream ended inside a character


def test_pem_block_split_into_many_deltas(red: Redactor) -> None:
    body = "\n".join("MIIEowIBAAKCAQEA" + "x" * 48 for _ in range(20))
    pem = f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----"
    text = f"key:\n{pem}\nthat was it"
    for step in (1, 7, 64):
        got, outs = _feed_all(red.stream(), [text[i : i + step] for i in range(0, len(text), step)])
        assert got == "key:\n[SECRET]\nthat was it"
        assert not any("MIIE" in o for o in outs)


def test_pem_longer_than_the_hard_cap_is_masked_and_swallowed(red: Redactor) -> None:
    body = "\n".join("QUJD" * 16 for _ in range(40))  # ~2.6k chars > max_hold_chars
    pem = f"-----BEGIN PRIVATE KEY-----\n{body}\n-----END PRIVATE KEY-----"
    st = red.stream(max_hold_chars=1024)
    text = f"before {pem} after"
    got, outs = _feed_all(st, [text[i : i + 50] for i in range(0, len(text), 50)])
    assert got == "before [SECRET] after"
    assert not any("QUJD" in o for o in outs)
    assert st.counts == {"secret": 1}
    st2 = red.stream(max_hold_chars=1024)
    unterminated = f"x -----BEGIN PRIVATE KEY-----\n{body}\nstill key material"
    got2, outs2 = _feed_all(st2, [unterminated[i : i + 100] for i in range(0, len(unterminated), 100)])
    assert got2 == "x [SECRET]"  # never terminated: the rest of the stream stays masked
    assert not any("QUJD" in o for o in outs2)


def test_random_deltas_equal_one_shot_redaction(red: Redactor) -> None:
    rng = random.Random(11)
    for row in ROWS[:300]:
        text = row["text"]
        pieces, i = [], 0
        while i < len(text):
            n = rng.choice([1, 2, 3, 5, 8, 13, 40])
            pieces.append(text[i : i + n])
            i += n
        assert _feed_all(red.stream(), pieces)[0] == red.redact(text)[0]


STREAM_FRAGMENTS = [
    "bob@example.com", "a.b+c@mail.co.uk", "@", "..", ":", "::", "::ffff:1.2.3.4", "fe80", "1E9d", "2001:db8::1",
    "(415) 555-2671", "+44 20 7946 0958", "415-555-2671x12", "4012 8888 8888 1881", "078-05-1123", "SSN ",
    "call ", "4155552671", "192.168.1.1", "DE89 3704 0044 0532 0130 00", "AKIAIOSFODNN7EXAMPLE",
    "ghp_" + "aB3" * 12, "github_pat_" + "x1" * 20, "sk-proj-" + "Ab3dEfGh1jKlMnOpQrSt" * 2, "eyJhbGciOiJub25lIn0",
    ".eyJzdWIiOiIxMjM0NTY3ODkwIn0.", "-----BEGIN EC PRIVATE KEY-----\nMIIB\n", "-----END EC PRIVATE KEY-----",
    "EMP-123456", "EMP-12", " ", "\n", "-", "+", "(", ".", "x", "é", "中", "word" * 20, "0", "1", "99",
]  # fmt: skip


def test_random_adversarial_deltas_equal_one_shot_redaction(kmod: ModuleType) -> None:
    # Entities inside long word runs, next to other entities, split anywhere; a custom pattern
    # with a leading literal and one without.
    red = Redactor(ENTITIES, [("employee_id", r"EMP-\d{6}"), ("proj", r"\d{4}-PROJ")], kernel=kmod)
    rng = random.Random(29)
    pool = STREAM_FRAGMENTS + ["1234-PROJ", "-PROJ", "5678"]
    for _ in range(1200 if kmod is not twin("redact") else 400):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 9)))
        pieces, i = [], 0
        while i < len(text):
            n = rng.randint(1, 9)
            pieces.append(text[i : i + n])
            i += n
        assert _feed_all(red.stream(), pieces)[0] == red.redact(text)[0], text


def test_clean_text_is_released_at_once(red: Redactor) -> None:
    st = red.stream()
    words = "The quick brown fox jumps over the lazy dog and keeps running".split(" ")
    released = []
    for n, w in enumerate(words):
        released.append(st.feed(w if n == 0 else " " + w))
        assert st.pending <= len(w) + 1  # only the word that could still become an address
    assert all(released[1:])  # every upstream event produced a client event (no collapse)
    assert "".join(released) + st.flush() == " ".join(words)
    assert red.stream().feed("line one.\nline two ") == "line one.\nline two "


def test_sentence_terminator_is_held(red: Redactor) -> None:
    st = red.stream()
    first = st.feed("Contact jane.")
    assert "jane" not in first  # "jane." may still be the start of jane.doe@…
    assert first + st.feed("doe@example.com please") + st.flush() == "Contact [EMAIL] please"


def test_holdback_zero_releases_words_immediately(red: Redactor) -> None:
    st = red.stream(holdback_chars=0)
    assert st.feed("hello tom") == "hello tom"
    # The local part went out before its "@": documented trade-off; the domain never leaks.
    assert st.feed("@example.com ok") + st.flush() == "[EMAIL] ok"
    # Up to 4 trailing hex digits are still held: they could open an IPv6 address.
    st = red.stream(holdback_chars=0)
    assert st.feed("via fe80") == "via "
    assert st.feed("::1ff:fe23:4567:890a now") + st.flush() == "[IP] now"


def test_placeholder_stream_and_streamed_restore(red: Redactor) -> None:
    state = PlaceholderState()
    request_text = "Write to bob@example.com and ann@example.org about 4111 1111 1111 1111."
    sent, _ = red.redact(request_text, "placeholder", state)
    assert sent == "Write to [EMAIL_1] and [EMAIL_2] about [CREDIT_CARD_1]."
    reply = "Done: mailed [EMAIL_1], cc [EMAIL_2]; card [CREDIT_CARD_1] noted. [X_1] stays."
    want = "Done: mailed bob@example.com, cc ann@example.org; card 4111 1111 1111 1111 noted. [X_1] stays."
    for cut in range(1, len(reply)):
        got, outs = _feed_all(red.stream("restore", state), [reply[:cut], reply[cut:]])
        assert got == want, cut
    st = red.stream("restore", state)
    assert st.feed("price [") == "price "
    assert st.feed("not a placeholder]") == "[not a placeholder]"
    assert st.feed(" [EMAIL_") == " "
    assert st.flush() == "[EMAIL_"
    # Placeholder mode on a stream shares the request's numbering.
    st2 = red.stream("placeholder", state)
    assert (
        _feed_all(st2, ["again ann@exam", "ple.org and carl@example.net"])[0]
        == "again [EMAIL_2] and [EMAIL_3]"
    )


def test_stream_fails_closed(red: Redactor) -> None:
    st = red.stream()
    assert st.feed("hello ") == "hello "
    with pytest.raises(PIIError, match="lone surrogate"):
        st.feed("bad \udc80 char")
    with pytest.raises(PIIError):
        st.feed("more")  # a failed redactor refuses further input
    st2 = red.stream()
    st2.flush()
    with pytest.raises(PIIError):
        st2.feed("after flush")
    with pytest.raises(ValueError):
        red.stream("placeholder")  # needs a state
    with pytest.raises(ValueError):
        red.stream("shred")
