"""PII scanner kernel: per-entity tables, linear time, streaming finality, compiled == twin.

Acceptance ids: PII-01 cards, PII-02 SSN, PII-03 e-mail, PII-04 phone, PII-05 IP, PII-06 IBAN,
PII-07 secrets, PII-15 ReDoS/linear inputs. Every test runs on the pure-Python twin and on the
compiled kernel; the last tests compare the two on a seeded random corpus.
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from fastgate import _native
from fastgate._native import compiled, twin

DATA = Path(__file__).resolve().parent.parent / "data" / "pii"


def _compiled_or_fail() -> ModuleType:
    mod = compiled("redact")
    # Built but not loadable is a failure, not a skip (DESIGN practice 3).
    assert mod is not None, "fastgate._native.redact is not built (FASTGATE_NO_EXTENSIONS unset)"
    return mod


@pytest.fixture(
    params=[
        "twin",
        pytest.param(
            "compiled", marks=pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
        ),
    ]
)
def k(request: pytest.FixtureRequest) -> ModuleType:
    return twin("redact") if request.param == "twin" else _compiled_or_fail()


def found(k: ModuleType, text: str, entities: int | None = None) -> list[tuple[str, str]]:
    spans = k.scan(text) if entities is None else k.scan(text, entities)
    return [(text[s:e], k.NAMES[kind]) for s, e, kind in spans]


def luhn_complete(prefix: str, length: int) -> str:
    """Append filler and the Luhn check digit (an independent implementation of the check)."""
    body = prefix + "7" * (length - len(prefix) - 1)
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def iban_valid(v: str) -> bool:
    """Independent ISO 7064 mod-97 check (int arithmetic) used to validate the table inputs."""
    c = v.replace(" ", "")
    return int("".join(str(int(ch, 36)) for ch in c[4:] + c[:4])) % 97 == 1


def test_selector_picks_compiled_when_built() -> None:
    if _native.NO_EXTENSIONS:
        assert _native.kernel("redact") is twin("redact")
    else:
        assert _native.kernel("redact") is _compiled_or_fail()
        assert _native.is_accelerated("redact")


def test_constants_agree(k: ModuleType) -> None:
    t = twin("redact")
    assert k.NAMES == ("EMAIL", "PHONE", "CREDIT_CARD", "SSN", "IP", "IBAN", "SECRET")
    assert list(range(7)) == [k.EMAIL, k.PHONE, k.CREDIT_CARD, k.SSN, k.IP, k.IBAN, k.SECRET]
    assert (k.ALL, k.MASK, k.PLACEHOLDER, k.MAX_LOCAL) == (t.ALL, t.MASK, t.PLACEHOLDER, t.MAX_LOCAL)


# ------------------------------------------------------------------------------ PII-01 cards

CARD_POSITIVES = [  # Presidio test_credit_card_recognizer.py positives (MIT), as data
    "4012888888881881",
    "4012-8888-8888-1881",
    "4012 8888 8888 1881",
    "371449635398431",
    "5555555555554444",
    "5019717010103742",
    "30569309025904",
    "6011000400000000",
    "3528000700000000",
    "6759649826438453",
    "4111111111111111",
    "3714 496353 98431",  # Amex 4-6-5
    "2223003122003222",  # Mastercard 2-series
    "6200000000000005",  # UnionPay
]
CARD_NEGATIVES = [
    "4012-8888-8888-1882",
    "36168002586008",
    "1748503543012",
    "4012-8888 8888-1881",
    "4012--8888-8888-1881",
]


@pytest.mark.parametrize("value", CARD_POSITIVES)
def test_card_positives(k: ModuleType, value: str) -> None:
    assert found(k, f"pay with {value} today") == [(value, "CREDIT_CARD")]


@pytest.mark.parametrize("value", CARD_NEGATIVES)
def test_card_negatives(k: ModuleType, value: str) -> None:
    assert [f for f in found(k, f"pay with {value} today") if f[1] == "CREDIT_CARD"] == []


@pytest.mark.parametrize(
    "prefix,length,ok",
    [
        ("4", 13, True),
        ("4", 16, True),
        ("4", 19, True),
        ("4", 15, False),  # Visa issues 13/16/19
        ("51", 16, True),
        ("56", 16, True),  # Maestro
        ("2720", 16, True),
        ("2721", 16, False),  # past the Mastercard 2-series
        ("34", 15, True),
        ("34", 16, False),
        ("644", 16, True),
        ("643", 16, False),
        ("9", 16, False),  # no issuer
        ("1", 16, False),
    ],
)
def test_card_iin_and_length(k: ModuleType, prefix: str, length: int, ok: bool) -> None:
    number = luhn_complete(prefix, length)
    assert found(k, f"card {number}.") == ([(number, "CREDIT_CARD")] if ok else [])


def test_card_boundaries(k: ModuleType) -> None:
    n = "4111111111111111"
    assert found(k, f"x{n}") == []  # inside a word
    assert found(k, f"{n}abc") == []
    assert found(k, f"{n}1") == []  # 17 digits, Luhn fails, not a prefix match
    assert found(k, f"ref-{n}") == []  # continuation of an id
    assert found(k, f"{n}.") == [(n, "CREDIT_CARD")]
    assert found(k, "4111 1111 1111 1111 2024") == [("4111 1111 1111 1111", "CREDIT_CARD")]


# ------------------------------------------------------------------------------ PII-02 SSN


@pytest.mark.parametrize("value", ["078-05-1123", "078.05.1123", "078 05 1123", "665-45-6789", "899-01-0001"])
def test_ssn_positives(k: ModuleType, value: str) -> None:
    assert found(k, f"SSN {value}.") == [(value, "SSN")]


@pytest.mark.parametrize(
    "value",
    ["078051120", "000000000", "666000000", "078-05-0000", "078 00 1123", "693-09.4444", "000-12-3456",
     "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "1078-05-1123", "078-05-11234"],
)  # fmt: skip
def test_ssn_negatives(k: ModuleType, value: str) -> None:
    assert [f for f in found(k, f"number {value} here") if f[1] == "SSN"] == []


def test_ssn_contiguous_needs_keyword(k: ModuleType) -> None:
    assert found(k, "id 078051123") == []
    assert found(k, "SSN: 078051123") == [("078051123", "SSN")]
    assert found(k, "my social security number is 078051123") == [("078051123", "SSN")]
    assert found(k, "classname 078051123") == []  # "ssn" inside a word is no keyword
    assert found(k, "SSN: 666051123") == []  # still range-checked
    far = "SSN" + " " * 40 + "078051123"
    assert found(k, far) == []


# ------------------------------------------------------------------------------ PII-03 e-mail


@pytest.mark.parametrize(
    "text,value",
    [
        ("mail bob@example.com now", "bob@example.com"),
        ("plus tag: jane.doe+news@mail.example.co.uk.", "jane.doe+news@mail.example.co.uk"),
        ("(first_last-99@sub.domain-name.io)", "first_last-99@sub.domain-name.io"),
        ("<x@y.org>", "x@y.org"),
        ("mailto:ops%team@corp.example", "ops%team@corp.example"),
        ("müller@beispiel.de", "müller@beispiel.de"),
        ("see .bob@example.com", "bob@example.com"),  # a leading dot is punctuation
        ("jane..doe@x.com", "doe@x.com"),  # no ".." inside: the address starts after it
        ("bob@example.com-", "bob@example.com"),
        ("a@b.com@c", None),
        ("bob.@example.com", None),
        ("bob@localhost", None),
        ("bob@example.c0m", None),
        ("bob@-example.com", None),
        ("@example.com", None),
        ("x" * 65 + "@example.com", None),  # local part over 64 (RFC 5321)
    ],
)
def test_email_table(k: ModuleType, text: str, value: str | None) -> None:
    assert found(k, text) == ([(value, "EMAIL")] if value else [])


def test_email_exactly_64_local(k: ModuleType) -> None:
    value = "x" * 64 + "@example.com"
    assert found(k, f" {value} ") == [(value, "EMAIL")]


# ------------------------------------------------------------------------------ PII-04 phone


@pytest.mark.parametrize(
    "value",
    ["+1 415-555-2671", "(415) 555-2671", "415-555-2671", "415.555.2671", "415 555 2671", "+44 20 7946 0958",
     "+49 30 123456", "+14155552671", "+1 (415) 555-2671", "1-415-555-2671", "001-415-555-2671",
     "415-555-2671x123", "(415)555-2671x12345", "415.555.2671 ext. 42", "+33 1 23 45 67 89", "+44 (0)20 7946 0958"],
)  # fmt: skip
def test_phone_positives(k: ModuleType, value: str) -> None:
    assert found(k, f"phone {value} ok") == [(value, "PHONE")]


@pytest.mark.parametrize(
    "text",
    ["2024-01-15 12:30:45", "version 1.2.3", "order 4155552671", "415-555-26710", "415-555.2671",
     "550e8400-e29b-41d4-a716-446655440000", "+1234567", "ID-415-555-2671", "12:30", "1.415.555.2671.5"],
)  # fmt: skip
def test_phone_negatives(k: ModuleType, text: str) -> None:
    assert [f for f in found(k, text) if f[1] == "PHONE"] == []


def test_phone_contiguous_needs_keyword(k: ModuleType) -> None:
    assert found(k, "call me at 4155552671") == [("4155552671", "PHONE")]
    assert found(k, "hotel 4155552671") == []  # "tel" inside a word is no keyword
    assert found(k, "call 1155552671") == []  # NANP area codes start 2-9


# ------------------------------------------------------------------------------ PII-05 IP


@pytest.mark.parametrize(
    "text,value",
    [
        ("host 192.168.0.1 down", "192.168.0.1"),
        ("0.0.0.0 and", "0.0.0.0"),
        ("255.255.255.255", "255.255.255.255"),
        ("10.0.0.1:8080", "10.0.0.1"),  # the port stays visible
        ("10.0.0.0/8", "10.0.0.0"),
        ("127.0.0.1.", "127.0.0.1"),  # loopback is redacted too (documented policy)
        ("2001:db8::1", "2001:db8::1"),
        ("[2001:db8:85a3::8a2e:370:7334]:443", "2001:db8:85a3::8a2e:370:7334"),
        ("2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
        ("fe80::1ff:fe23:4567:890a%eth0", "fe80::1ff:fe23:4567:890a"),
        ("::ffff:192.0.2.128", "::ffff:192.0.2.128"),
        ("0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1"),
        ("fe80::", "fe80::"),
    ],
)
def test_ip_positives(k: ModuleType, text: str, value: str) -> None:
    assert found(k, text) == [(value, "IP")]


@pytest.mark.parametrize(
    "text",
    ["192.168.0", "256.1.1.1", "1.2.3.4.5", "v1.2.3.4", "010.1.1.1", "1.2.3.04", "12:30:45", "a::b", "std::vector",
     "x[1::2]", "00:1a:2b:3c:4d:5e", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "::1", "fe80::12345", "1.2.3.4x"],
)  # fmt: skip
def test_ip_negatives(k: ModuleType, text: str) -> None:
    assert found(k, text) == []


# ------------------------------------------------------------------------------ PII-06 IBAN

IBANS = [  # published registry examples; checked below with an independent mod-97
    "GB82 WEST 1234 5698 7654 32",
    "DE89 3704 0044 0532 0130 00",
    "FR14 2004 1010 0505 0001 3M02 606",
    "NL91 ABNA 0417 1643 00",
    "NO93 8601 1117 947",
    "BE68 5390 0754 7034",
    "CH93 0076 2011 6238 5295 7",
    "ES91 2100 0418 4502 0005 1332",
    "IT60 X054 2811 1010 0000 0123 456",
    "PL61 1090 1014 0000 0712 1981 2874",
    "SA03 8000 0000 6080 1016 7519",
]


@pytest.mark.parametrize("value", IBANS)
def test_iban_grouped_and_compact(k: ModuleType, value: str) -> None:
    assert iban_valid(value)
    compact = value.replace(" ", "")
    assert found(k, f"IBAN {value}.") == [(value, "IBAN")]
    assert found(k, f"IBAN {compact}.") == [(compact, "IBAN")]


@pytest.mark.parametrize("value", IBANS)
def test_iban_one_digit_changed_is_rejected(k: ModuleType, value: str) -> None:
    compact = value.replace(" ", "")
    rng = random.Random(compact)
    positions = [i for i, ch in enumerate(compact) if ch.isdigit() and i >= 2]
    for i in rng.sample(positions, 4):
        bad = compact[:i] + str((int(compact[i]) + rng.randint(1, 9)) % 10) + compact[i + 1 :]
        assert not iban_valid(bad)
        assert found(k, f"IBAN {bad}.") == []


def test_iban_wrong_length_and_country(k: ModuleType) -> None:
    assert found(k, "DE89 3704 0044 0532 0130 0") == []  # one short
    assert found(k, "DE89370400440532013000X") == []  # one long
    assert found(k, "XX89370400440532013000") == []  # not a registry country
    assert found(k, "de89370400440532013000") == []  # upper case only


# ------------------------------------------------------------------------------ PII-07 secrets


def _rand(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _secrets() -> list[str]:
    rng = random.Random(7)
    b64 = string.ascii_letters + string.digits + "-_"
    return [
        "sk-" + _rand(rng, 48),
        "sk-proj-" + _rand(rng, 156, b64),
        "sk-ant-api03-" + _rand(rng, 93, b64) + "AA",
        "AKIAIOSFODNN7EXAMPLE",
        "ASIA" + _rand(rng, 16, string.ascii_uppercase + string.digits),
        "ghp_" + _rand(rng, 36),
        "gho_" + _rand(rng, 36),
        "github_pat_" + _rand(rng, 22) + "_" + _rand(rng, 59),
        "xoxb-1234567890123-1234567890123-" + _rand(rng, 24),
        "xoxp-" + _rand(rng, 30),
        "AIza" + _rand(rng, 35, b64),
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.",  # alg none: empty signature
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA"
        + _rand(rng, 40)
        + "\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,AB12\n\nMIIB\n"
        "-----END ENCRYPTED PRIVATE KEY-----",
    ]


@pytest.mark.parametrize("value", _secrets(), ids=lambda v: v[:12])
def test_secret_positives(k: ModuleType, value: str) -> None:
    assert found(k, f"key: {value} (rotate it)") == [(value, "SECRET")]
    assert found(k, f'{{"api_key": "{value}"}}') == [(value, "SECRET")]


@pytest.mark.parametrize(
    "text",
    ["sk-learn-is-great-for-ml", "sk-learn-2024-tutorial-notes-here", "sk-test", "xsk-" + "a1" * 20,
     "task-sk-" + "abcdefghij1234567890", "AKIA1234", "AKIAIOSFODNN7EXAMPLEX", "xAKIAIOSFODNN7EXAMPLE",
     "ghp_short", "ghp_" + "a" * 37, "xoxb-test", "xoxb-abcdefghijkl", "AIza" + "b" * 34, "eyJhbGciOiJIUzI1NiJ9",
     "eyJhbGciOiJIUzI1NiJ9.eyJzdWIi.sig", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----",
     "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"],
)  # fmt: skip
def test_secret_negatives(k: ModuleType, text: str) -> None:
    assert [f for f in found(k, text) if f[1] == "SECRET"] == []


def test_unterminated_pem_is_redacted_through_its_body(k: ModuleType) -> None:
    text = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n\n"
    assert found(k, text) == [(text.rstrip("\n"), "SECRET")]
    # The body ends at the first character that cannot be in a PEM body.
    assert found(k, text + "} done") == [(text.rstrip("\n"), "SECRET")]


def test_entity_mask_selects_types(k: ModuleType) -> None:
    text = "bob@example.com 192.168.0.1 078-05-1123"
    assert found(k, text, 1 << k.EMAIL) == [("bob@example.com", "EMAIL")]
    assert found(k, text, (1 << k.IP) | (1 << k.SSN)) == [("192.168.0.1", "IP"), ("078-05-1123", "SSN")]
    assert found(k, text, 0) == []


# ------------------------------------------------------------------------------ PII-15 linear inputs

PATHOLOGICAL = [
    "9" * 100_000,
    "a" * 100_000 + "@",
    "@" + "a" * 100_000,
    "a." * 50_000 + "@x",
    "x@" + "a." * 50_000,
    "1." * 50_000,
    "1 " * 50_000,
    "1-" * 50_000,
    "a:" * 50_000,
    "::" * 50_000,
    "eyJa-" * 20_000,
    "eyJ" + "a" * 100_000 + ".",
    "sk-" * 30_000,
    "-----BEGIN PRIVATE KEY-----" + "-" * 100_000,
    "(555) " * 16_000,
    "+1 " * 30_000,
    "DE89 " * 20_000,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: repr(t[:12]))
def test_pathological_inputs_finish(k: ModuleType, text: str) -> None:
    # No timing assertion: a quadratic path on 100 000 characters would not finish at all.
    size = 100_000 if k is not twin("redact") else 20_000
    t = text[:size] if len(text) > size else text
    spans = k.scan(t)
    assert all(0 <= s < e <= len(t) for s, e, _ in spans)
    assert k.scan_partial(t)[1] <= len(t)


# ------------------------------------------------------------------------------ input checks


def test_lone_surrogate_raises(k: ModuleType) -> None:
    with pytest.raises(ValueError, match="lone surrogate at offset 4"):
        k.scan("abcd\ud800 bob@example.com")
    with pytest.raises(ValueError, match="lone surrogate at offset 0"):
        k.scan_partial("\udfff")
    with pytest.raises(TypeError):
        k.scan(b"bytes")  # type: ignore[arg-type]


def test_start_and_last_end_are_checked(k: ModuleType) -> None:
    with pytest.raises(ValueError):
        k.scan("abc", k.ALL, 4, 0)
    with pytest.raises(ValueError):
        k.scan("abc", k.ALL, 1, 2)


def test_start_gives_context_only(k: ModuleType) -> None:
    text = "SSN: 078051123 and ip 10.0.0.1"
    full = k.scan(text)
    # Starting at the number still sees the keyword before it.
    assert k.scan(text, k.ALL, 5, 0) == full
    assert k.scan(text, k.ALL, 14, 14) == [sp for sp in full if sp[0] >= 14]
    # A letter right before start is still a word boundary: no number starts mid-word.
    assert k.scan("x4111111111111111", k.ALL, 1, 0) == []


# ------------------------------------------------------------------------------ apply


def test_apply_mask_and_placeholders(k: ModuleType) -> None:
    text = "a@x.com b@x.com a@x.com 10.0.0.1"
    spans = k.scan(text)
    labels = k.NAMES
    assert k.apply(text, spans, k.MASK, labels) == "[EMAIL] [EMAIL] [EMAIL] [IP]"
    mapping: dict[str, str] = {}
    counters: dict[str, int] = {}
    out = k.apply_placeholders(text, spans, labels, mapping, counters)
    assert out == "[EMAIL_1] [EMAIL_2] [EMAIL_1] [IP_1]"
    assert mapping == {"a@x.com": "[EMAIL_1]", "b@x.com": "[EMAIL_2]", "10.0.0.1": "[IP_1]"}
    # The same mapping continues the numbering and reuses known originals.
    text2 = "c@x.com then b@x.com"
    assert (
        k.apply(text2, k.scan(text2), k.PLACEHOLDER, labels, mapping, counters) == "[EMAIL_3] then [EMAIL_2]"
    )
    assert counters == {"EMAIL": 3, "IP": 1}


def test_apply_custom_labels_and_errors(k: ModuleType) -> None:
    labels = k.NAMES + ("EMPLOYEE_ID",)
    assert k.apply("id EMP-1", [(3, 8, 7)], k.MASK, labels) == "id [EMPLOYEE_ID]"
    with pytest.raises(ValueError):
        k.apply("abcdef", [(2, 4, 0), (3, 5, 0)], k.MASK, labels)  # overlapping
    with pytest.raises(ValueError):
        k.apply("abc", [(1, 9, 0)], k.MASK, labels)  # past the end
    with pytest.raises(ValueError):
        k.apply("abc", [], 99, labels)
    with pytest.raises(ValueError):
        k.apply("abc", [], k.PLACEHOLDER, labels)  # no mapping


# ------------------------------------------------------------------------------ random corpora

FRAGMENTS = [
    "bob@example.com", "a.b+c@mail.co.uk", "@", "..", "(415) 555-2671", "+44 20 7946 0958", "415-555-2671x12",
    "4012-8888-8888-1881", "4012 8888 8888 1881", "371449635398431", "078-05-1123", "078 05 1123", "SSN ",
    "call ", "4155552671", "078051123", "192.168.1.1", "1.2.3.4.5", "2001:db8::1", "::ffff:1.2.3.4", "12:30:45",
    "fe80::", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "sk-", "sk-proj-", "AKIA", "ASIA", "AIza",
    "ghp_", "github_pat_", "xoxb-", "eyJ", ".eyJ", "-----BEGIN ", "RSA PRIVATE KEY-----", "-----END ", "-----",
    "KEY-----", " ", "  ", "\n", "-", "+", "(", ")", ":", "::", ".", "x", "ext. ", "é", "ß", "\u00a0", "中",
    "\U0001f600", "0", "1", "9", "00", "255", "256", "_", "/", "%", "=",
]  # fmt: skip
NOISE = "0123456789abcdefABCDEFxyzkhoJ@:.-+() _\n\u00e9\u4e2d"
POOL = FRAGMENTS + _secrets()


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 10)):
        if rng.random() < 0.55:
            f = rng.choice(POOL)
            if rng.random() < 0.3 and len(f) > 2:
                a = rng.randrange(len(f))
                f = f[a : rng.randrange(a, len(f) + 1)]
            parts.append(f)
        else:
            parts.append("".join(rng.choice(NOISE) for _ in range(rng.randint(1, 14))))
    return "".join(parts)


def test_scan_partial_is_final(k: ModuleType) -> None:
    """Whatever follows a prefix, the spans it calls final and the text before ``stable`` are
    exactly what the scan of the whole text has there, and no whole-text span crosses ``stable``."""
    rng = random.Random(5)
    for _ in range(1500):
        text = random_text(rng)
        full = k.scan(text)
        for cut in sorted({rng.randint(0, len(text)) for _ in range(4)}):
            spans, stable = k.scan_partial(text[:cut])
            assert 0 <= stable <= cut
            assert spans == [sp for sp in full if sp[0] < stable], (text, cut)
            assert not any(s < stable < e for s, e, _ in full), (text, cut)


FINALITY_CASES = [
    # e-mail look-back stops at the end of the previous span, not at the start of the word run
    "github_pat_"
    + "JDCTbyvHNsG9eh6Yo4gfqr_c5XlrWi0B26R08qzjI6GKFSufrdZSlB5er8bOfZqfM2oeq3hDavJA76rNic"
    + "..7D6y5A+1dD3a.b+c@mail.co.uk",
    # IPv6 looks back over up to 4 hex digits even when the word before them is long
    "d-----03-EZDz_TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvq-1E9d::ffff:1.2.3.4 ",
    "x" * 70 + "-fe80::1ff:fe23:4567:890a ok",
    "AKIAIOSFODNN7EXAMPLE" + "." + "bob@example.com",
]


@pytest.mark.parametrize("text", FINALITY_CASES, ids=lambda t: t[-16:])
def test_scan_partial_is_final_at_every_cut(k: ModuleType, text: str) -> None:
    full = k.scan(text)
    assert full  # each case holds an entity that reaches back before its trigger
    for cut in range(len(text) + 1):
        spans, stable = k.scan_partial(text[:cut])
        assert spans == [sp for sp in full if sp[0] < stable], cut
        assert not any(s < stable < e for s, e, _ in full), cut


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_compiled_equals_twin_on_seeded_random_corpus() -> None:
    c, t = _compiled_or_fail(), twin("redact")
    rng = random.Random(20261129)
    for _ in range(6000):
        text = random_text(rng)
        ent = rng.choice([t.ALL, t.ALL, rng.randrange(128)])
        assert c.scan(text, ent) == t.scan(text, ent), text
        start = rng.randint(0, len(text))
        last_end = rng.randint(0, start)
        hold = rng.choice([64, 0, 7])
        assert c.scan_partial(text, ent, start, last_end, hold) == t.scan_partial(
            text, ent, start, last_end, hold
        ), (
            text,
            ent,
            start,
            last_end,
            hold,
        )
        spans = t.scan(text, ent)
        m1: dict[str, str] = {}
        m2: dict[str, str] = {}
        c1: dict[str, int] = {}
        c2: dict[str, int] = {}
        assert c.apply(text, spans, c.PLACEHOLDER, c.NAMES, m1, c1) == t.apply(
            text, spans, t.PLACEHOLDER, t.NAMES, m2, c2
        )
        assert (m1, c1) == (m2, c2)


# Number shapes for the per-entity checks the kernel compiles per storage kind (card with Luhn,
# IPv4, IPv6 and the end-of-number test): near misses on every side of each rule, at the start and
# end of the text, next to ASCII and Latin-1 letters and to the characters the rules look at.
EDGE = ["", "", "", " ", "a", "Z", "\u00e9", "\u00df", "\u00ff", "\u00c0", "\u00aa", "_", "@", ".", "-", ":",
        "+", "(", "0", "7", ".5", "-5", ":a", "::", "x", " x12", " ext. 9", "\n"]  # fmt: skip
CARD_PREFIXES = ["4", "51", "55", "2221", "2720", "34", "37", "300", "36", "35", "6011", "645", "65", "62", "50",
                 "63", "1800", "2131", "9"]  # fmt: skip


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def number_shape(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:  # a card, Luhn-valid or one digit off, grouped or not
        card = luhn_complete(rng.choice(CARD_PREFIXES), rng.randint(12, 20))
        if rng.random() < 0.2:
            a = rng.randrange(len(card))
            card = card[:a] + str((int(card[a]) + rng.randint(1, 9)) % 10) + card[a + 1 :]
        if rng.random() < 0.6:
            sep = rng.choice(" -")
            out, a = [], 0
            while a < len(card):
                g = 4 if a == 0 or rng.random() < 0.8 else rng.choice([3, 5, 6, 7, 2, 1])
                out.append(card[a : a + g])
                a += g
            card = "".join(p + (sep if rng.random() < 0.95 else rng.choice(" -.")) for p in out)[:-1]
        return card
    if kind == 1:  # digit groups with separators (cards, SSNs, phones, dates)
        return "".join(_digits(rng, rng.randint(1, 7)) + rng.choice(["", " ", "-", ".", " ", "-", "  "])
                       for _ in range(rng.randint(1, 6)))
    if kind == 2:  # IPv4 and near misses
        octs = []
        for _ in range(rng.choice([4, 4, 4, 3, 5, 2])):
            v = rng.choice([rng.randrange(256), rng.randrange(1000), 255, 256, 0])
            octs.append(("0" if rng.random() < 0.1 else "") + str(v))
        return ".".join(octs)
    if kind == 3:  # IPv6 and near misses, with an IPv4 tail at times
        groups = ["".join(rng.choice("0123456789abcdefABCDEFg") for _ in range(rng.randint(0, 5)))
                  for _ in range(rng.randint(1, 9))]
        text = ":".join(groups)
        if rng.random() < 0.3:
            text += ":" + ".".join(str(rng.randrange(300)) for _ in range(4))
        if rng.random() < 0.3:
            a = rng.randint(0, len(text))
            text = text[:a] + "::" + text[a:]
        return text
    if kind == 4:  # a phone with + or parentheses
        if rng.random() < 0.5:
            return "+" + str(rng.randint(1, 9)) + "".join(rng.choice(["", " ", "-", "."]) + _digits(rng, rng.randint(1, 4))
                                                         for _ in range(rng.randint(1, 5)))
        return "(" + _digits(rng, rng.randint(2, 4)) + ")" + rng.choice(["", " ", "-"]) + _digits(rng, 3) + \
            rng.choice(["-", " ", "."]) + _digits(rng, rng.randint(3, 5))
    return _digits(rng, rng.randint(1, 22))  # a plain run: keyword SSN/phone, contiguous cards


def number_text(rng: random.Random) -> str:
    return "".join(rng.choice(EDGE) + number_shape(rng) + rng.choice(EDGE) for _ in range(rng.randint(1, 4)))


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_compiled_equals_twin_on_number_shapes() -> None:
    c, t = _compiled_or_fail(), twin("redact")
    rng = random.Random(20261130)
    mc = c.Masker(c.ALL, c.NAMES, NAMES_LC, NEEDLES, 0)
    mt = t.Masker(t.ALL, t.NAMES, NAMES_LC, NEEDLES, 0)
    kinds = set()
    hits = dict.fromkeys(range(len(t.NAMES)), 0)
    for _ in range(4000):
        base = number_text(rng)
        # the same shapes in Latin-1 storage, UCS-2 (a far \u0101) and UCS-4 (a far emoji)
        for text in (base, base + " \u0101", "\U0001f600 " + base):
            kinds.add(max(map(ord, text)) > 0xFF and (max(map(ord, text)) > 0xFFFF) + 1)
            ent = rng.choice([t.ALL, t.ALL, rng.randrange(128)])
            want = t.scan(text, ent)
            assert c.scan(text, ent) == want, (text, ent)
            for _, _, i in want:
                hits[i] += 1
            cut = rng.randint(0, len(text))
            assert c.scan_partial(text[:cut], ent) == t.scan_partial(text[:cut], ent), (text, cut, ent)
            start = rng.randint(0, len(text))
            last_end = rng.randint(0, start)
            assert c.scan_partial(text, ent, start, last_end) == t.scan_partial(text, ent, start, last_end)
            gc: dict[str, int] = {}
            gt: dict[str, int] = {}
            assert mc.mask(text, gc) == mt.mask(text, gt), text
            assert list(gc.items()) == list(gt.items()), text
    assert kinds == {False, 1, 2}  # every storage kind was exercised
    # and the shapes do hit the entities they aim at
    assert min(hits[t.CREDIT_CARD], hits[t.IP], hits[t.PHONE]) > 100, hits


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_compiled_equals_twin_on_labelled_corpus() -> None:
    c, t = _compiled_or_fail(), twin("redact")
    rows = [json.loads(line) for line in (DATA / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    text = "\n".join(r["text"] for r in rows)
    assert c.scan(text) == t.scan(text)
    wide = text.replace("a", "\u0101")  # the same text stored as UCS-2 (PEP 393 kind 2)
    assert c.scan(wide) == t.scan(wide)
    astral = "\U0001f600" + text  # and as UCS-4
    assert c.scan(astral) == t.scan(astral)


# ------------------------------------------------------------------------------ Masker

NEEDLES = "0123456789@:_JAV"  # the stage's prefilter characters (stages/pii.py)
NAMES_LC = ("email", "phone", "credit_card", "ssn", "ip", "iban", "secret")


def _masker_ref(
    k: ModuleType, text: str, counts: dict[str, int], mode: int, scan_below: int,
    mapping: dict[str, str] | None = None, counters: dict[str, int] | None = None,
) -> str:
    """What Masker promises: prefilter, scan, apply, count — spelled out with scan and apply."""
    maybe = any(c in text for c in NEEDLES)
    if len(text) >= scan_below and not maybe:
        return text
    try:
        spans = k.scan(text)
    except ValueError:
        if not maybe:
            return text
        raise
    if not spans:
        return text
    out: str = k.apply(text, spans, mode, k.NAMES, mapping, counters)
    for _, _, i in spans:
        counts[NAMES_LC[i]] = counts.get(NAMES_LC[i], 0) + 1
    return out


@pytest.mark.parametrize("scan_below", [0, 512])
def test_masker_is_scan_apply_and_count(k: ModuleType, scan_below: int) -> None:
    rng = random.Random(77)
    m = k.Masker(k.ALL, k.NAMES, NAMES_LC, NEEDLES, scan_below)
    mapping: dict[str, str] = {}
    counters: dict[str, int] = {}
    ref_mapping: dict[str, str] = {}
    ref_counters: dict[str, int] = {}
    texts = [random_text(rng) for _ in range(1500)]
    texts += ["", "x" * 600 + " bob@example.com", "lone \udc00 A " + "z" * 600, "a\ud800b", "a\ud800 mail 1",
              "lone \udc00 " + "z" * 600, "caf\u00e9 bob@example.com 4111 1111 1111 1111", "\U0001f600 10.0.0.1"]
    for text in texts:
        for mode in (k.MASK, k.PLACEHOLDER):
            got: dict[str, int] = {"seen": 1}
            want: dict[str, int] = {"seen": 1}
            try:
                ref = _masker_ref(k, text, want, mode, scan_below, ref_mapping, ref_counters)
            except ValueError as e:
                with pytest.raises(ValueError, match=str(e)):
                    m.mask(text, got) if mode == k.MASK else m.placeholder(text, got, mapping, counters)
                assert got == {"seen": 1}
                continue
            out = m.mask(text, got) if mode == k.MASK else m.placeholder(text, got, mapping, counters)
            assert out == ref, text
            assert got == want and list(got) == list(want), text  # same counts, same key order
            if not want.keys() - {"seen"}:
                assert out is text  # nothing found: the same object back
    assert (mapping, counters) == (ref_mapping, ref_counters)
    assert m.maybe("a 1") and not m.maybe("nothing here")
    with pytest.raises(ValueError):
        m.placeholder("bob@example.com", {}, None, None)
    with pytest.raises(ValueError):
        k.Masker(k.ALL, k.NAMES[:3], NAMES_LC, NEEDLES)


def test_masker_entity_mask_and_labels(k: ModuleType) -> None:
    labels = ("MAIL", "TEL", "CARD", "SSN", "IP", "IBAN", "KEY", "EXTRA")
    names = ("e", "p", "c", "s", "i", "b", "k", "x")
    m = k.Masker(1 << k.EMAIL | 1 << k.IP, labels, names, NEEDLES)
    counts: dict[str, int] = {}
    assert m.mask("bob@example.com 415-555-2671 10.0.0.1", counts) == "[MAIL] 415-555-2671 [IP]"
    assert counts == {"e": 1, "i": 1}
    wide = "caf\u00e9 bob@example.com"  # not ASCII: the general path
    assert m.mask(wide, counts) == "caf\u00e9 [MAIL]" and counts == {"e": 2, "i": 1}
    m = k.Masker(k.ALL, k.NAMES[:6] + ("S\u00c9CRET",), NAMES_LC, NEEDLES)  # a label that is not ASCII
    assert m.mask("key AKIAIOSFODNN7EXAMPLE", {}) == "key [S\u00c9CRET]"


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_compiled_masker_equals_twin() -> None:
    c, t = _compiled_or_fail(), twin("redact")
    rng = random.Random(4242)
    mc = c.Masker(c.ALL, c.NAMES, NAMES_LC, NEEDLES, 512)
    mt = t.Masker(t.ALL, t.NAMES, NAMES_LC, NEEDLES, 512)
    st: tuple[dict[str, str], dict[str, int], dict[str, int]] = ({}, {}, {})
    sc: tuple[dict[str, str], dict[str, int], dict[str, int]] = ({}, {}, {})
    for _ in range(1500):
        text = random_text(rng) * rng.choice([1, 1, 1, 1, 12])  # some past the prefilter threshold
        assert mc.mask(text, sc[2]) == mt.mask(text, st[2]), text
        assert mc.placeholder(text, sc[2], sc[0], sc[1]) == mt.placeholder(text, st[2], st[0], st[1]), text
    assert sc == st


# ------------------------------------------------------------------------------ Masker.chat

PROSE = ("Please reply about ticket 4471 ", "the deploy changed the pool ", "and ", "Thanks, ", "see 1.2 ",
         "caf\u00e9 ", "\u201cquoted\u201d ", "\U0001f600 ", "", " ", "\n\n", "x_1 ", "v2.0-rc ")


def _pii_value(rng: random.Random) -> str:
    """One entity of the kinds the detectors cover (valid Luhn, checksummed IBAN), or a near miss."""
    kind = rng.randrange(9)
    if kind == 0:
        return f"{_rand(rng, rng.randint(1, 12), string.ascii_lowercase)}.{rng.randint(0, 99)}@example.com"
    if kind == 1:
        return rng.choice(["+1 415 555 0132", "(415) 555-2671", "415-555-2671", "+44 20 7946 0958"])
    if kind == 2:
        card = luhn_complete(rng.choice(["4", "51", "37", "6011", "35"]), rng.choice([15, 16, 16, 19]))
        return " ".join(card[i:i + 4] for i in range(0, len(card), 4)) if rng.random() < 0.5 else card
    if kind == 3:
        return rng.choice(["078-05-1120", "SSN 123456789", "219 09 9999", "666-12-3456"])
    if kind == 4:
        return ".".join(str(rng.randrange(256)) for _ in range(4)) if rng.random() < 0.8 else "2001:db8::8a2e:370:7334"
    if kind == 5:
        return rng.choice(["DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432"])
    if kind == 6:
        return rng.choice(_secrets())
    if kind == 7:
        return luhn_complete("4", 16)[:-1] + "0"  # a card-like number that (mostly) fails Luhn
    return random_text(rng)


def _chat_content(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 12)):
        parts.append(rng.choice(PROSE) if rng.random() < 0.6 else _pii_value(rng))
    if rng.random() < 0.05:
        parts.insert(rng.randrange(len(parts) + 1), "\udc00")  # a lone surrogate: mask raises
    return "".join(parts) * rng.choice([1, 1, 1, 20])


def _chat_message(rng: random.Random) -> Any:
    r = rng.random()
    if r < 0.03:
        return rng.choice(["not a message", None, 7, ["content"]])
    m: dict[str, Any] = {"role": rng.choice(["system", "user", "assistant", "tool"])}
    r = rng.random()
    if r < 0.8:
        m["content"] = _chat_content(rng)
    elif r < 0.85:
        m["content"] = None
    elif r < 0.9:
        m["content"] = [{"type": "text", "text": _chat_content(rng)}]
    elif r < 0.95:
        m["content"] = rng.choice([5, {"text": "bob@example.com"}])
    if rng.random() < 0.04:
        m[rng.choice(["tool_calls", "function_call"])] = [{"function": {"arguments": '{"a": "bob@example.com"}'}}]
    return m


def _chat_body(rng: random.Random) -> list[Any]:
    return [_chat_message(rng) for _ in range(rng.randint(0, 6))]


def _walk_ref(masker: Any, msgs: list[Any], counts: dict[str, int]) -> int:
    """What Masker.chat promises, spelled out with mask(): ``2 * stop + changed``."""
    changed = 0
    for i, m in enumerate(msgs):
        if type(m) is not dict:
            continue
        c = m.get("content")
        if "tool_calls" in m or "function_call" in m or not (c is None or type(c) is str):
            return 2 * i + changed
        if c:
            try:
                new = masker.mask(c, counts)
            except ValueError:
                return 2 * i + changed
            if new != c:
                m["content"] = new
                changed = 1
    return 2 * len(msgs) + changed


def test_masker_chat_is_mask_per_message(k: ModuleType) -> None:
    """chat() masks each common message's content in order and stops, untouched, at the first
    other one (tool calls, parts, a content mask refuses): as one mask() per string."""
    rng = random.Random(9090)
    m = k.Masker(k.ALL, k.NAMES, NAMES_LC, NEEDLES, 512)
    stops = set()
    for _ in range(1200):
        body = _chat_body(rng)
        want_msgs = json.loads(json.dumps(body))
        got_counts: dict[str, int] = {"seen": 1}
        want_counts: dict[str, int] = {"seen": 1}
        want = _walk_ref(m, want_msgs, want_counts)
        got = m.chat(body, got_counts)
        assert got == want, body
        assert body == want_msgs
        assert list(got_counts.items()) == list(want_counts.items())  # same counts, same key order
        stops.add((got >> 1) == len(body))
    assert stops == {True, False}  # the corpus has both kinds of bodies
    msgs: list[Any] = [{"role": "user", "content": "mail bob@example.com"}, {"role": "user", "content": [{"text": "x"}]},
                       {"role": "user", "content": "10.0.0.1"}]
    counts: dict[str, int] = {}
    assert m.chat(msgs, counts) == 2 * 1 + 1
    assert msgs[0]["content"] == "mail [EMAIL]" and msgs[2]["content"] == "10.0.0.1" and counts == {"email": 1}
    assert m.chat([], counts) == 0 and m.chat([{"content": "plain"}, {}], counts) == 4
    with pytest.raises(TypeError):
        m.chat(None, counts)


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_compiled_masker_chat_equals_twin() -> None:
    """Seeded random chat bodies with PII inserted: the compiled chat() == the twin's, in the
    returned stop/changed, the rewritten messages and the counts (key order included)."""
    c, t = _compiled_or_fail(), twin("redact")
    mc = c.Masker(c.ALL, c.NAMES, NAMES_LC, NEEDLES, 512)
    mt = t.Masker(t.ALL, t.NAMES, NAMES_LC, NEEDLES, 512)
    rng = random.Random(31337)
    cc: dict[str, int] = {}
    ct: dict[str, int] = {}
    for _ in range(1500):
        body = _chat_body(rng)
        twin_body = json.loads(json.dumps(body))
        assert mc.chat(body, cc) == mt.chat(twin_body, ct), body
        assert body == twin_body
        assert list(cc.items()) == list(ct.items())
    assert sum(cc.values()) > 1000  # PII was found, of every kind
    assert set(cc) == set(NAMES_LC)


# ------------------------------------------------------------------------------ clean_json


def _json_value(rng: random.Random, depth: int = 0) -> Any:
    r = rng.random()
    if depth < 4 and r < 0.25:
        return {random_text(rng)[:12] if rng.random() < 0.3 else rng.choice(["content", "arguments", "a", "id"]):
                _json_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    if depth < 4 and r < 0.4:
        return [_json_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if r < 0.75:
        return random_text(rng) if rng.random() < 0.7 else rng.choice(["", "plain words", "x"])
    return rng.choice([0, 7, -3, 1.5, 2.5e10, 123456789012, True, False, None, 10**25, 1e300])


def _json_bytes(rng: random.Random, doc: Any) -> bytes:
    """``doc`` as JSON: compact or indented, non-ASCII raw or escaped (lone surrogates escaped)."""
    text = json.dumps(doc, indent=rng.choice([None, None, 1]), ensure_ascii=rng.random() < 0.3)
    return text.encode("utf-8", "backslashreplace")


def _mutate(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    op = rng.randrange(4)
    if op == 0:
        return data[:i]
    if op == 1:
        return data[:i] + bytes([rng.choice(b'",:{}[]\\ \x01\xff0e.-tn')]) + data[i + 1:]
    if op == 2:
        return data[:i] + data[i + 1:]
    return data[:i] + rng.choice([b" ", b"\n", b"\\u0040", b"1e999", b"\xc3\xa9", b"\xed\xa0\x80"]) + data[i:]


def _strings_clean(k: ModuleType, v: Any) -> bool:
    """Every string value (not key) scans clean on its own."""
    if isinstance(v, str):
        return not k.scan(v)
    if isinstance(v, dict):
        return all(_strings_clean(k, x) for x in v.values())
    if isinstance(v, list):
        return all(_strings_clean(k, x) for x in v)
    return True


def _has_key(v: Any, key: str) -> bool:
    if isinstance(v, dict):
        return key in v or any(_has_key(x, key) for x in v.values())
    if isinstance(v, list):
        return any(_has_key(x, key) for x in v)
    return False


def test_clean_json_is_sound(k: ModuleType) -> None:
    """True only for a document orjson parses whose every string value scans clean (and that has
    no ``reject_key``); False for every plain clean document it cannot tell apart from those."""
    import orjson

    rng = random.Random(11)
    trues = 0
    for _ in range(2500):
        data = _json_bytes(rng, _json_value(rng))
        for cand in (data, _mutate(rng, data)):
            for key in (None, b"arguments"):
                ok = k.clean_json(cand, k.ALL, key)
                if not ok:
                    continue
                trues += 1
                parsed = orjson.loads(cand)  # never raises for a True
                assert b"\\" not in cand
                assert _strings_clean(k, parsed), cand
                assert key is None or not _has_key(parsed, key.decode()), cand
    assert trues > 500  # the test exercises the True side too
    assert k.clean_json(b'{"a": "plain words", "n": [1, 2.5, true, null]}')
    assert not k.clean_json(b'{"a": "mail bob@example.com"}')
    assert k.clean_json(b'{"bob@example.com": 1}')  # keys are not scanned
    assert not k.clean_json(b'{"a": "x"}', k.ALL, b"a")
    assert not k.clean_json(b'{"a": "caf\\u00e9"}')  # an escape: parse it
    assert not k.clean_json(b'{"\xff": 1}') and not k.clean_json(b'"\xff"')  # not UTF-8
    assert not k.clean_json(b"1e400") and not k.clean_json(b"[" * 65 + b"]" * 65)
    assert k.clean_json(b'{"a": "10.0.0.1"}', 1 << k.EMAIL)  # only the entities asked for


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_compiled_clean_json_equals_twin() -> None:
    c, t = _compiled_or_fail(), twin("redact")
    rng = random.Random(12)
    for _ in range(4000):
        data = _json_bytes(rng, _json_value(rng))
        for cand in (data, _mutate(rng, data), _mutate(rng, _mutate(rng, data))):
            for key in (None, b"arguments", b"content"):
                ent = rng.choice([c.ALL, rng.randrange(128)])
                assert c.clean_json(cand, ent, key) == t.clean_json(cand, ent, key), (cand, ent, key)


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_compiled_equals_twin_on_latin1_letter_runs() -> None:
    """Latin-1 texts of letter runs cut by every character 0..255 (the compiled skip loop has its
    own path for Latin-1 text)."""
    c, t = _compiled_or_fail(), twin("redact")
    rng = random.Random(8)
    letters = string.ascii_letters + "_\u00e9\u00df\u00c0"
    for _ in range(1500):
        parts = []
        for _ in range(rng.randint(1, 8)):
            parts.append("".join(rng.choice(letters) for _ in range(rng.randint(0, 20))))
            parts.append(chr(rng.randrange(256)) if rng.random() < 0.7 else rng.choice(POOL))
        text = "".join(parts)
        assert c.scan(text) == t.scan(text), text
        assert c.scan_partial(text) == t.scan_partial(text), text


@pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")
def test_compiled_clean_json_every_byte_at_every_offset() -> None:
    """Every byte value at every offset of a string value, in a key and in a value (the compiled
    kernel reads string bytes eight at a time)."""
    c, t = _compiled_or_fail(), twin("redact")
    for b in range(256):
        for pos in range(18):
            for tail in (0, 1, 9):
                s = b"a" * pos + bytes([b]) + b"b" * tail
                for doc in (b'{"k":"' + s + b'"}', b'{"' + s + b'":1}', b'["' + s + b'", "x"]'):
                    assert c.clean_json(doc) == t.clean_json(doc), doc
