"""WAF detection tables on the HTTP-free Inspector: attacks caught, benign look-alikes passed."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from fastgate.config.schema import WAF
from fastgate.stages.waf import Inspector

ATTACKS = [
    ("sqli", "1' OR '1'='1"),
    ("sqli", "1 UNION SELECT username, password FROM users--"),
    ("sqli", "admin'--"),
    ("sqli", "1; DROP TABLE users"),
    ("sqli", "' OR 1=1 LIMIT 1 -- -"),
    ("xss", "<script>alert(document.cookie)</script>"),
    ("xss", "<img src=x onerror=alert(1)>"),
    ("xss", "<svg/onload=alert(1)>"),
    ("path_traversal", "../../../../etc/passwd"),
    ("path_traversal", "..\\..\\windows\\win.ini"),
]

BENIGN = [
    "Hello, how are you doing today?",
    "I'm going to select a new car from the lot",
    "O'Brien",
    "Tom & Jerry",
    "price < 10 and > 5",
    "x = 1 + 2",
    "Please update the order and drop me a line at 5 or 6",
    "The union of sets A and B",
    "user@example.com",
    "I love <3 cats",
    "release-1.2..3",
    "see chapter 3.. then go on",
]


def insp(**kw: object) -> Inspector:
    return Inspector(WAF(mode="block", **kw))  # type: ignore[arg-type]


@pytest.mark.parametrize("rule,payload", ATTACKS)
def test_classic_payload_in_query_is_found(rule: str, payload: str) -> None:
    f = insp().query("q=" + quote(payload))
    assert f is not None and f.rule == rule and f.field == "query.q"


@pytest.mark.parametrize("rule,payload", ATTACKS)
def test_double_encoded_payload_is_found(rule: str, payload: str) -> None:
    # %2527 -> %27 -> ': an upstream that decodes twice would see the attack.
    f = insp().query("q=" + quote(quote(payload, safe=""), safe=""))
    assert f is not None and f.rule == rule


@pytest.mark.parametrize("rule,payload", ATTACKS)
def test_json_nested_payload_is_found(rule: str, payload: str) -> None:
    doc = {"order": {"items": [{"sku": "A-1"}, {"note": payload}]}}
    f = insp().json(json.loads(json.dumps(doc)))
    assert f is not None and f.rule == rule and f.field == "body.order.items.note"


@pytest.mark.parametrize("rule,payload", ATTACKS)
def test_form_payload_is_found(rule: str, payload: str) -> None:
    f = insp().form("name=bob&comment=" + quote(payload))
    assert f is not None and f.rule == rule and f.field == "body.comment"


@pytest.mark.parametrize("text", BENIGN)
def test_benign_look_alikes_pass_everywhere(text: str) -> None:
    i = insp()
    assert i.query("q=" + quote(text)) is None
    assert i.json({"message": text, "list": [text]}) is None
    assert i.form("m=" + quote(text)) is None
    assert i.headers([("user-agent", text)]) is None


def test_multiline_prose_and_code_in_json_are_not_header_injection() -> None:
    doc = {"text": "line one\r\nline two\nthree", "code": "def f(x):\n    return x + 1\n"}
    assert insp().json(doc) is None


def test_crlf_in_query_and_cookie_is_header_injection() -> None:
    f = insp().query("next=" + quote("/home\r\nSet-Cookie: sid=evil"))
    assert f is not None and f.rule == "header_injection"
    f = insp().headers([("cookie", "a=1; b=x%0d%0aLocation:%20http://evil")])
    assert f is not None and f.rule == "header_injection" and f.field == "cookie.b"


def test_nul_byte_is_traversal() -> None:
    f = insp().query("file=" + quote("report.pdf\x00.txt"))
    assert f is not None and f.rule == "path_traversal"


def test_exclusions_by_leaf_and_dotted_path_and_query_name() -> None:
    sql = "SELECT name FROM t WHERE id = 1 OR 1=1"
    assert insp().json({"report": {"sql": sql}}) is not None
    assert insp(exclude=("report.sql",)).json({"report": {"sql": sql}}) is None
    assert insp(exclude=("sql",)).json({"report": {"sql": sql}}) is None
    # A dotted exclusion covers only that path: the same key elsewhere is inspected.
    assert insp(exclude=("report.sql",)).json({"other": {"sql": sql}}) is not None
    assert insp(exclude=("q",)).query("q=" + quote(sql)) is None
    assert insp(exclude=("q",)).query("p=" + quote(sql)) is not None


def test_rules_can_be_switched_off() -> None:
    assert insp(sqli=False).query("q=" + quote("1' OR '1'='1")) is None
    assert insp(xss=False).query("q=" + quote("<script>alert(1)</script>")) is None
    assert insp(path_traversal=False).query("q=../../etc/passwd") is None


def test_path_is_decoded() -> None:
    assert insp().path("/api/x/" + quote("<script>alert(1)</script>", safe="")) is not None
    assert insp().path("/api/orders/42") is None


@pytest.mark.parametrize("v", ["1--", "-1--", "1--1", "id-1--"])
def test_double_hyphen_is_never_skipped_as_plain(v: str) -> None:
    # "1--" is a numeric injection closed by a comment; the plain-token fast path must not hide it.
    from fastgate.stages.waf import _PLAIN_RE

    assert _PLAIN_RE.fullmatch(v) is None


def test_slug_like_tokens_pass() -> None:
    for v in ("filler-tag", "SKU-0001", "550e8400-e29b-41d4-a716-446655440000", "a.b@c.example"):
        assert insp().value("f", v) is None
