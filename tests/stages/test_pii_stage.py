"""PII stage on a fake context: prefilter, body walkers, JSON-text redaction, SSE rewriting, fail-closed.

Every test that scans runs on the pure-Python twin and on the compiled kernel (the ``rt`` fixture).
Acceptance ids: PII-10 (split at every offset), PII-12 (SSE framing), PII-13 (JSON bodies, escapes
decoded), PII-16 (fail closed), PII-17 (placeholders restored).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import orjson
import pytest

from fastgate import _native
from fastgate._native import compiled, twin
from fastgate.config.schema import PII, Logging, Policy, PolicyPII
from fastgate.observability.metrics import Registry
from fastgate.pii import PIIError, PlaceholderState, Redactor
from fastgate.pipeline.context import RequestContext
from fastgate.pipeline.stage import Reply
from fastgate.stages.pii import (
    JsonTextRedactor,
    PIIResponseBlocked,
    PIIRuntime,
    PIIStage,
    PIIUnprocessable,
    make_prefilter,
    policy_modes,
    redact_json_text,
    redact_llm_request,
)

CORPUS = Path(__file__).resolve().parent.parent / "data" / "pii" / "corpus.jsonl"
EMAIL = "jane.doe+work@mail.example.co.uk"
PHONE = "+1 415-555-2671"
CARD = "4111 1111 1111 1111"


@pytest.fixture(
    params=[
        "twin",
        pytest.param("compiled", marks=pytest.mark.skipif(_native.NO_EXTENSIONS, reason="FASTGATE_NO_EXTENSIONS=1")),
    ]
)
def k(request: pytest.FixtureRequest) -> ModuleType:
    if request.param == "twin":
        return twin("redact")
    mod = compiled("redact")
    assert mod is not None, "fastgate._native.redact is not built"
    return mod


def make_rt(k: ModuleType, *, log_bodies: bool = False, holdback: int = 64, **modes: str) -> PIIRuntime:
    cfg = SimpleNamespace(
        pii=PII(stream_holdback_chars=holdback),
        logging=Logging(log_bodies=log_bodies),
        policies=(Policy(name="p", pii=PolicyPII(**modes)),),
    )
    return PIIRuntime(cfg, Registry(), redactor=Redactor(kernel=k))


def make_ctx(front: str = "openai", body: Any = None, stream: bool = False, request: Any = None) -> RequestContext:
    ctx = RequestContext(request, SimpleNamespace(max_body=1 << 20, body_timeout=5.0), 0.0)
    ctx.front = front
    ctx.request_id = "test"
    ctx.body_obj = body
    ctx.body = orjson.dumps(body) if body is not None else None
    ctx.stream = stream
    ctx.status = 200
    return ctx


# ----------------------------------------------------------------------------------- prefilter


DIGIT_FREE = [
    "bob@example.com",
    "dead:beef::cafe",
    "AKIAABCDEFGHIJKLMNOP",
    "AIza" + "SyAbcdefghijklmnopqrstuvwxyzABCDEFG",
    "ghp_" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ",
    "github_pat_" + "abcdefghijklmnopqrstuvwxyz",
    "eyJhbGciOiJub25lIn0.eyJzdWIiOiJib2IifQ.",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAabcdef\n-----END RSA PRIVATE KEY-----",
]


def test_prefilter_passes_every_entity_the_kernel_finds(k: ModuleType) -> None:
    """The prefilter may only say "maybe": anything the kernel finds must pass it."""
    red = Redactor(kernel=k)
    maybe = make_prefilter(red)
    for text in DIGIT_FREE:
        assert red.find(text), text  # the sample really is an entity (keeps the list honest)
        assert maybe(text), text
    rows = [orjson.loads(line) for line in CORPUS.read_bytes().splitlines() if line.strip()]
    assert len(rows) > 100
    for row in rows:
        text = row["text"]
        for s, e, _ in row["spans"]:
            if red.find(text[s:e]):
                assert maybe(text[s:e]), text[s:e]
        if red.find(text):
            assert maybe(text)
    # Seeded random: entity-free prose around random samples, cut at random points.
    rnd = random.Random(5)
    for _ in range(300):
        row = rnd.choice(rows)
        text = row["text"]
        a = rnd.randrange(len(text))
        b = rnd.randrange(a, len(text) + 1)
        piece = text[a:b]
        if red.find(piece):
            assert maybe(piece), piece
    assert not maybe("Please summarise the meeting notes in a friendly tone, thanks!")


def test_text_answers_as_if_the_prefilter_ran_first(k: ModuleType) -> None:
    """Short strings go to the scanner before the prefilter (compiled kernel): same answers,
    counts and failures as prefilter-then-scan, on both sides of the length threshold."""
    rt = make_rt(k, request="mask")
    red = rt.redactor
    rows = [orjson.loads(line)["text"] for line in CORPUS.read_bytes().splitlines() if line.strip()]
    texts = rows[:150] + ["", "Please summarise the meeting notes.", "x" * 600 + " bob@example.com",
                          "Answer in plain English.", "y" * 700]
    for mode in ("mask", "block", "placeholder"):
        got: dict[str, int] = {}
        want: dict[str, int] = {}
        for text in texts:
            out = rt.text(text, mode, PlaceholderState(), got)
            if not rt.maybe(text):
                assert out == text
                continue
            if mode == "block":
                for sp in red.find(text):
                    want[sp.entity] = want.get(sp.entity, 0) + 1
                assert out == text
            else:
                ref, found = red.redact(text, mode, PlaceholderState())
                assert out == ref
                for name, n in found.items():
                    want[name] = want.get(name, 0) + n
        assert got == want, mode
    # A string that cannot be scanned: passed as before when the prefilter rejects it, refused otherwise.
    for text in ("a\ud800b", "lone \udc00 " + "z" * 600):
        assert not rt.maybe(text)
        assert rt.text(text, "mask", None, {}) == text
    for text in ("a\ud800 mail 1", "lone \udc00 A " + "z" * 600):
        with pytest.raises(PIIError):
            rt.text(text, "mask", None, {})


def test_prefilter_with_custom_entities(k: ModuleType) -> None:
    red = Redactor(custom=[("employee_id", r"EMP-\d{6}"), ("ticket", r"(?i)tkt\w+")], kernel=k)
    assert make_prefilter(red)("no digits here")  # the case-insensitive regex has no literal
    red = Redactor(custom=[("project", r"Project Zephyr")], kernel=k)
    maybe = make_prefilter(red)
    assert maybe("about Project Zephyr") and red.find("about Project Zephyr")
    assert not maybe("about nothing")


# ----------------------------------------------------------------------------------- JSON text


ARGS = ('{"email": "' + EMAIL + '", "card": 4111111111111111, "note": "caf\\u00e9 \\ud83d\\ude00 say \\"hi\\" '
        'at bob\\u0040example.com", "n": [1, 2.5e3, -7], "ok": true}')


def test_json_text_whole_decodes_escapes_and_numbers(k: ModuleType) -> None:
    red = Redactor(kernel=k)

    def fn(s: str) -> str:
        return red.redact(s, "mask")[0]

    out = redact_json_text(ARGS, fn)
    obj = json.loads(out)
    assert obj["email"] == "[EMAIL]"
    assert obj["card"] == "[CREDIT_CARD]"  # a card sent as a JSON number becomes a masked string
    assert obj["note"] == 'café 😀 say "hi" at [EMAIL]'  # \u0040 decoded before detection (PII-13)
    assert obj["n"] == [1, 2.5e3, -7] and obj["ok"] is True


def test_json_text_stream_split_at_every_offset(k: ModuleType) -> None:
    rt = make_rt(k, response="mask")
    red = rt.redactor
    expected = json.loads(redact_json_text(ARGS, lambda s: red.redact(s, "mask")[0]))
    from fastgate.stages.pii import _Flow, _TextPipe

    for cut in range(len(ARGS) + 1):
        fl = _Flow("off", "mask", "openai")
        j = JsonTextRedactor(lambda: _TextPipe(rt, fl), lambda s: red.redact(s, "mask")[0])  # noqa: B023
        first = j.feed(ARGS[:cut])
        out = first + j.feed(ARGS[cut:]) + j.flush()
        assert EMAIL not in out and "example.com" not in out, cut
        assert json.loads(out) == expected, cut


@pytest.mark.parametrize("bad", ['{"a": "x\\ud800 y"}', '{"a": "\\udc00"}', '{"a": "\\x41"}', '{"a": "\\u12G4"}'])
def test_json_text_fails_closed_on_bad_escapes(k: ModuleType, bad: str) -> None:
    red = Redactor(kernel=k)
    with pytest.raises(PIIError):
        redact_json_text(bad, lambda s: red.redact(s, "mask")[0])


def test_json_text_truncated_stays_as_sent(k: ModuleType) -> None:
    """A tool call cut by max_tokens ends mid-string or mid-escape: released, never refused."""
    red = Redactor(kernel=k)
    out = redact_json_text('{"a": "mail ' + EMAIL + ' \\u00', lambda s: red.redact(s, "mask")[0])
    assert out == '{"a": "mail [EMAIL] \\u00'


# ----------------------------------------------------------------------------------- walkers


def test_request_walkers_cover_every_text_field(k: ModuleType) -> None:
    red = Redactor(kernel=k)
    seen: list[str] = []

    def fn(s: str) -> str:
        seen.append(s)
        return red.redact(s, "mask")[0]

    def jfn(s: str) -> str:
        return redact_json_text(s, fn)

    chat = {"model": "m-" + EMAIL, "messages": [
        {"role": "system", "content": "admin is " + EMAIL},
        {"role": "user", "content": [{"type": "text", "text": "call " + PHONE}, {"type": "image_url",
                                                                                  "image_url": {"url": "u"}}]},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "f", "arguments": '{"to": "' + EMAIL + '"}'}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "card " + CARD},
    ]}
    assert redact_llm_request(chat, "chat", fn, jfn)
    dumped = orjson.dumps(chat).decode()
    assert dumped.count(EMAIL) == 1 and chat["model"] == "m-" + EMAIL  # only text fields are touched
    assert PHONE not in dumped and CARD not in dumped
    assert json.loads(chat["messages"][2]["tool_calls"][0]["function"]["arguments"]) == {"to": "[EMAIL]"}

    msgs = {"model": "c", "system": [{"type": "text", "text": EMAIL}], "messages": [
        {"role": "user", "content": [
            {"type": "text", "text": PHONE},
            {"type": "tool_result", "tool_use_id": "t", "content": [{"type": "text", "text": CARD}]},
            {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": EMAIL}},
        ]},
        {"role": "assistant", "content": [{"type": "tool_use", "id": "t", "name": "f", "input": {"x": [EMAIL]}}]},
        {"role": "user", "content": "last " + EMAIL},
    ]}
    assert redact_llm_request(msgs, "messages", fn, jfn)
    dumped = orjson.dumps(msgs).decode()
    assert EMAIL not in dumped and PHONE not in dumped and CARD not in dumped

    comp = {"model": "m", "prompt": ["a " + EMAIL, [1, 2]], "suffix": PHONE}
    assert redact_llm_request(comp, "completions", fn, jfn)
    assert comp == {"model": "m", "prompt": ["a [EMAIL]", [1, 2]], "suffix": "[PHONE]"}
    emb = {"model": "m", "input": EMAIL}
    assert redact_llm_request(emb, "embeddings", fn, jfn) and emb["input"] == "[EMAIL]"
    clean = {"model": "m", "input": ["nothing here", [3, 4]]}
    assert not redact_llm_request(clean, "embeddings", fn, jfn)


# ----------------------------------------------------------------------------------- policy


def test_policy_modes_lookup() -> None:
    ctx = make_ctx()
    default = PolicyPII(request="mask", response="off")
    assert policy_modes(ctx, None) == ("off", "off")
    assert policy_modes(ctx, default) == ("mask", "off")
    ctx.policy = SimpleNamespace(pii=PolicyPII(request="block", response="mask"))
    assert policy_modes(ctx, default) == ("block", "mask")
    ctx.policy = SimpleNamespace(cfg=SimpleNamespace(pii=PolicyPII(request="placeholder", response="placeholder")))
    assert policy_modes(ctx, default) == ("placeholder", "placeholder")
    ctx.policy = SimpleNamespace(name="authz-in-progress")  # no pii anywhere: first policy's
    assert policy_modes(ctx, default) == ("mask", "off")


# ----------------------------------------------------------------------------------- request side


def chat(text: str, **kw: Any) -> dict:
    return {"model": "m", "messages": [{"role": "user", "content": text}], **kw}


def test_request_mask_and_placeholder_set_body_dirty(k: ModuleType) -> None:
    for mode, want in (("mask", "[EMAIL]"), ("placeholder", "[EMAIL_1]")):
        rt = make_rt(k, request=mode)
        stage = PIIStage(rt, "chat")
        ctx = make_ctx(body=chat(f"mail {EMAIL} and {EMAIL} again"))
        assert stage.on_request(ctx) is None
        assert ctx.body_dirty
        assert ctx.body_obj["messages"][0]["content"] == f"mail {want} and {want} again"
        assert ctx.extra["pii"]["request"] == {"email": 2}
        assert rt.counter.values[("request", "email")] == 2


def test_request_clean_body_untouched(k: ModuleType) -> None:
    stage = PIIStage(make_rt(k, request="mask"), "chat")
    ctx = make_ctx(body=chat("nothing personal in here, version 1.2.3"))
    assert stage.on_request(ctx) is None
    assert not ctx.body_dirty and ctx.extra["pii"]["request"] == {}


def test_request_block_names_types(k: ModuleType) -> None:
    rt = make_rt(k, request="block")
    ctx = make_ctx(body=chat(f"{EMAIL} {PHONE}"))
    r = PIIStage(rt, "chat").on_request(ctx)
    assert isinstance(r, Reply) and r.status == 400 and r.code == "pii_blocked"
    assert "email" in r.message and "phone" in r.message and EMAIL not in r.message
    assert rt.counter.values[("request", "phone")] == 1


def _random_chat_body(rng: random.Random) -> dict:
    texts = [f"mail {EMAIL}", f"call {PHONE}", f"card {CARD}", "ssn 078-05-1120 from 10.20.30.40", "plain words",
             "", "caf\u00e9 \u201cq\u201d bob@example.com", "lone \udc00 " + EMAIL, "key AKIAIOSFODNN7EXAMPLE", "1.2.3"]

    def text() -> str:
        return " ".join(rng.choice(texts) for _ in range(rng.randint(0, 4))) * rng.choice([1, 1, 40])

    msgs: list[Any] = []
    for _ in range(rng.randint(0, 5)):
        r = rng.random()
        if r < 0.05:
            msgs.append(rng.choice(["not a message", None]))
            continue
        m: dict[str, Any] = {"role": rng.choice(["system", "user", "assistant"])}
        if r < 0.75:
            m["content"] = text()
        elif r < 0.85:
            m["content"] = [{"type": "text", "text": text()}, text()]
        elif r < 0.9:
            m["content"] = None
        if rng.random() < 0.1:
            m["tool_calls"] = [{"function": {"arguments": json.dumps({"to": text()})}}]
        msgs.append(m)
    return {"model": "m", "messages": msgs}


def test_request_kernel_chat_walk_answers_as_the_python_walk(k: ModuleType) -> None:
    """The kernel's chat walk (Masker.chat, then the Python walk from the message it stopped at)
    gives what the Python walk alone gives: texts, counts and their order, metrics, refusals."""
    rng = random.Random(2024)
    rts = [make_rt(k, request="mask", response="mask") for _ in range(2)]
    fast, slow = PIIStage(rts[0], "chat"), PIIStage(rts[1], "chat")
    assert fast.chat is not None
    slow.chat = None  # redact_llm_request, one string at a time
    outcomes = set()
    for _ in range(600):
        body = _random_chat_body(rng)
        ctxs = [make_ctx() for _ in range(2)]
        for c in ctxs:
            c.body_obj = json.loads(json.dumps(body))  # (lone surrogates included: no orjson)
        got = [st.on_request(c) for st, c in zip((fast, slow), ctxs)]
        a, b = ctxs
        assert a.body_obj == b.body_obj and a.body_dirty == b.body_dirty
        assert list(a.extra["pii"]["request"].items()) == list(b.extra["pii"]["request"].items())
        if got[1] is None:
            assert got[0] is None
        else:
            assert (got[0].status, got[0].code, got[0].reason) == (got[1].status, got[1].code, got[1].reason)
        outcomes.add((got[1] is None, a.body_dirty))
    assert rts[0].counter.values == rts[1].counter.values
    assert outcomes == {(True, True), (True, False), (False, False)}  # changed, clean and refused bodies


class _BrokenKernel:
    """The real kernel whose scan raises: a scanner bug must refuse, never pass text through."""

    def __init__(self, k: ModuleType) -> None:
        self._k = k

    def __getattr__(self, name: str) -> Any:
        return getattr(self._k, name)

    def scan(self, *a: Any) -> Any:
        raise RuntimeError("boom")

    def scan_partial(self, *a: Any) -> Any:
        raise RuntimeError("boom")

    class Masker(twin("redact").Masker):  # type: ignore[name-defined,misc]  # whole strings: broken too
        def _redact(self, *a: Any) -> Any:
            raise RuntimeError("boom")

    def clean_json(self, *a: Any) -> Any:  # scans a whole response body
        raise RuntimeError("boom")


def test_scanner_exception_fails_closed(k: ModuleType) -> None:
    cfg = SimpleNamespace(pii=PII(), logging=Logging(), policies=(Policy(name="p", pii=PolicyPII(request="mask",
                                                                                               response="mask")),))
    rt = PIIRuntime(cfg, Registry(), redactor=Redactor(kernel=_BrokenKernel(k)))  # type: ignore[arg-type]
    stage = PIIStage(rt, "chat")
    ctx = make_ctx(body=chat(f"mail {EMAIL}"))
    r = stage.on_request(ctx)
    assert isinstance(r, Reply) and r.status == 400 and r.code == "pii_unprocessable"
    assert EMAIL not in r.message and ctx.body_obj["messages"][0]["content"].endswith(EMAIL)
    assert not ctx.body_dirty
    # Response side: a whole body → 502, a stream → an error (the handler ends the stream).
    ctx = make_ctx(body=chat("x"))  # clean: the prefilter spares the broken scanner
    assert stage.on_request(ctx) is None
    body = orjson.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "content": "a " + EMAIL}}]})
    with pytest.raises(PIIUnprocessable) as ei:
        stage.on_chunk(ctx, body, True)
    assert ei.value.status == 502 and EMAIL not in str(ei.value)
    ctx.stream = True
    with pytest.raises(PIIUnprocessable):
        stage.on_chunk(ctx, sse({"choices": [{"index": 0, "delta": {"content": "a " + EMAIL}}]}), False)


# ----------------------------------------------------------------------------------- response side


def sse(obj: Any, event: bytes | None = None) -> bytes:
    head = b"event: " + event + b"\n" if event else b""
    return head + b"data: " + (obj if isinstance(obj, bytes) else orjson.dumps(obj)) + b"\n\n"


def oa_chunk(i: int = 0, finish: str | None = None, **delta: Any) -> dict:
    return {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m",
            "choices": [{"index": i, "delta": delta, "finish_reason": finish}]}


def events_of(data: bytes) -> list[bytes]:
    return [e for e in data.split(b"\n\n") if e]


def payloads(data: bytes) -> list[Any]:
    out = []
    for e in events_of(data):
        for line in e.split(b"\n"):
            if line.startswith(b"data: "):
                p = line[6:]
                out.append(p if p == b"[DONE]" else orjson.loads(p))
    return out


def content_of(data: bytes, i: int = 0) -> str:
    text = []
    for p in payloads(data):
        if isinstance(p, dict):
            for ch in p.get("choices") or ():
                if ch["index"] == i:
                    text.append((ch.get("delta") or {}).get("content") or "")
    return "".join(text)


def response_ctx(stage: PIIStage, front: str = "openai", stream: bool = True, req: dict | None = None) -> RequestContext:
    ctx = make_ctx(front, req or chat("x"), stream)
    assert stage.on_request(ctx) is None
    return ctx


def test_stream_split_at_every_offset_equals_whole_redaction(k: ModuleType) -> None:
    """PII-10: an entity split at every offset across two delta events never leaks."""
    rt = make_rt(k, response="mask")
    stage = PIIStage(rt, "chat")
    text = f"Hello, write to {EMAIL} or call {PHONE} today."
    whole = rt.redactor.redact(text, "mask")[0]
    for cut in range(1, len(text)):
        ctx = response_ctx(stage)
        out = stage.on_chunk(ctx, sse(oa_chunk(role="assistant", content="")), False)
        out += stage.on_chunk(ctx, sse(oa_chunk(content=text[:cut])), False)
        out += stage.on_chunk(ctx, sse(oa_chunk(content=text[cut:])), False)
        out += stage.on_chunk(ctx, sse(oa_chunk(finish="stop")) + b"data: [DONE]\n\n", False)
        out += stage.on_chunk(ctx, b"", True)
        assert EMAIL not in out.decode() and "2671" not in out.decode(), cut
        assert content_of(out) == whole, cut
        assert payloads(out)[-1] == b"[DONE]"
        # The held tail goes out before the finishing chunk.
        finish_at = next(n for n, p in enumerate(payloads(out)) if isinstance(p, dict)
                         and p["choices"][0].get("finish_reason"))
        assert content_of(b"".join(sse(p) for p in payloads(out)[finish_at:] if isinstance(p, dict))) == ""


def test_stream_framing_preserved(k: ModuleType) -> None:
    """PII-12: event/id lines, comments, CRLF events, usage chunk bytes and [DONE] are kept."""
    stage = PIIStage(make_rt(k, response="mask"), "chat")
    ctx = response_ctx(stage)
    usage = b'data: {"id":"c1","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}\n\n'
    data = (b": keep-alive\n\n"
            b"id: 7\nevent: chunk\ndata: " + orjson.dumps(oa_chunk(content=f"to {EMAIL} ")) + b"\n\n"
            + b"retry: 100\n\n")
    out = stage.on_chunk(ctx, data, False)
    evs = events_of(out)
    assert evs[0] == b": keep-alive" and evs[-1] == b"retry: 100"
    assert evs[1].startswith(b"id: 7\nevent: chunk\ndata: ")
    assert b"[EMAIL]" in out and EMAIL.encode() not in out
    out = stage.on_chunk(ctx, sse(oa_chunk(finish="stop")) + usage + b"data: [DONE]\n\n", False)
    assert usage in out and out.endswith(b"data: [DONE]\n\n")
    # CRLF line endings (the handler passes such a stream whole, at the end)
    ctx = response_ctx(stage)
    crlf = b"data: " + orjson.dumps(oa_chunk(content=f"mail {EMAIL}")) + b"\r\n\r\ndata: [DONE]\r\n\r\n"
    out = stage.on_chunk(ctx, crlf, True)
    assert EMAIL.encode() not in out and b"[EMAIL]" in out and out.endswith(b"data: [DONE]\r\n\r\n")


def test_stream_n_choices_and_tool_calls(k: ModuleType) -> None:
    stage = PIIStage(make_rt(k, response="mask"), "chat")
    ctx = response_ctx(stage)
    args = '{"to": "' + EMAIL + '", "card": "' + CARD + '"}'
    out = b""
    for a, b in ((args[:13], args[13:30]), (args[30:], "")):
        ev = oa_chunk(0, tool_calls=[{"index": 0, "function": {"arguments": a}}])
        ev["choices"].append({"index": 1, "delta": {"content": f"{EMAIL[:9]}" if b else EMAIL[9:]},
                              "finish_reason": None})
        out += stage.on_chunk(ctx, sse(ev), False)
        if b:
            out += stage.on_chunk(ctx, sse(oa_chunk(0, tool_calls=[{"index": 0, "function": {"arguments": b}}])),
                                  False)
    out += stage.on_chunk(ctx, sse(oa_chunk(0, finish="tool_calls")) + sse(oa_chunk(1, finish="stop")), False)
    out += stage.on_chunk(ctx, b"data: [DONE]\n\n", True)
    text = out.decode()
    assert EMAIL not in text and CARD not in text
    arguments = "".join(tc["function"]["arguments"] for p in payloads(out) if isinstance(p, dict)
                        for ch in p["choices"] if ch["index"] == 0
                        for tc in (ch.get("delta") or {}).get("tool_calls") or ())
    assert json.loads(arguments) == {"to": "[EMAIL]", "card": "[CREDIT_CARD]"}
    assert content_of(out, 1) == "[EMAIL]"


def test_stream_placeholder_restored_even_when_split(k: ModuleType) -> None:
    """PII-17: the upstream echoes [EMAIL_1] split across deltas; the caller gets the original."""
    rt = make_rt(k, request="placeholder", response="placeholder")
    stage = PIIStage(rt, "chat")
    ctx = response_ctx(stage, req=chat(f"I am {EMAIL}"))
    sent = ctx.body_obj["messages"][0]["content"]
    assert sent == "I am [EMAIL_1]"
    reply = f"Hi {sent[5:]}, and new one ops@corp.example.org"
    for cut in range(1, len(reply)):
        ctx2 = make_ctx(body=chat("x"), stream=True)
        ctx2.extra = ctx.extra  # same request state, fresh stream pipes
        ctx.extra["_pii"].pipes.clear()
        out = stage.on_chunk(ctx2, sse(oa_chunk(content=reply[:cut])), False)
        out += stage.on_chunk(ctx2, sse(oa_chunk(content=reply[cut:])) + b"data: [DONE]\n\n", False)
        assert content_of(out) == f"Hi {EMAIL}, and new one [EMAIL]", cut


def test_stream_anthropic_text_and_json_deltas(k: ModuleType) -> None:
    stage = PIIStage(make_rt(k, response="mask"), "messages")
    ctx = response_ctx(stage, front="anthropic", req={"model": "c", "messages": [{"role": "user", "content": "x"}]})
    evs = [
        sse({"type": "message_start", "message": {"id": "m", "content": [], "usage": {"input_tokens": 3}}},
            b"message_start"),
        sse({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
            b"content_block_start"),
        sse({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "write " + EMAIL[:7]}},
            b"content_block_delta"),
        sse({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": EMAIL[7:]}},
            b"content_block_delta"),
        sse({"type": "content_block_stop", "index": 0}, b"content_block_stop"),
        sse({"type": "content_block_start", "index": 1, "content_block": {"type": "tool_use", "id": "t", "name": "f",
                                                                           "input": {}}}, b"content_block_start"),
        sse({"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta",
                                                                  "partial_json": '{"to": "' + EMAIL[:4]}},
            b"content_block_delta"),
        sse({"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta",
                                                                  "partial_json": EMAIL[4:] + '"}'}},
            b"content_block_delta"),
        sse({"type": "content_block_stop", "index": 1}, b"content_block_stop"),
        sse({"type": "message_delta", "delta": {"stop_reason": "tool_use"}, "usage": {"output_tokens": 9}},
            b"message_delta"),
        sse({"type": "message_stop"}, b"message_stop"),
    ]
    out = b"".join(stage.on_chunk(ctx, ev, False) for ev in evs) + stage.on_chunk(ctx, b"", True)
    assert EMAIL.encode() not in out
    text, js, order = [], [], []
    for ev in events_of(out):
        name = ev.split(b"\n")[0]
        order.append(name)
        p = orjson.loads(ev.split(b"data: ", 1)[1])
        if p["type"] == "content_block_delta":
            d = p["delta"]
            (text if d["type"] == "text_delta" else js).append(d["text"] if "text" in d else d["partial_json"])
    assert "".join(text) == "write [EMAIL]"
    assert json.loads("".join(js)) == {"to": "[EMAIL]"}
    assert order[-1] == b"event: message_stop"
    # every content_block_delta of a block precedes its stop
    assert order.index(b"event: content_block_stop") > 2


def test_stream_response_block_and_bad_event(k: ModuleType) -> None:
    stage = PIIStage(make_rt(k, response="block"), "chat")
    ctx = response_ctx(stage)
    out = stage.on_chunk(ctx, sse(oa_chunk(content="all fine so far ")), False)
    assert content_of(out) == "all fine so far "
    with pytest.raises(PIIResponseBlocked) as ei:
        out = stage.on_chunk(ctx, sse(oa_chunk(content=f"mail {EMAIL} ")), False)
    assert ei.value.counts == {"email": 1}
    stage = PIIStage(make_rt(k, response="mask"), "chat")
    ctx = response_ctx(stage)
    with pytest.raises(PIIUnprocessable):
        stage.on_chunk(ctx, b"data: {not json\n\n", False)
    ctx = response_ctx(stage)
    with pytest.raises(PIIUnprocessable):  # a lone surrogate (\ud800) cannot be scanned
        stage.on_chunk(ctx, sse(b'{"choices":[{"index":0,"delta":{"content":"a\\ud800"}}]}'), False)


def test_whole_response_mask_restore_and_block(k: ModuleType) -> None:
    body = {"id": "x", "object": "chat.completion", "choices": [{"index": 0, "message": {
        "role": "assistant", "content": "contact [EMAIL_1] or " + PHONE, "tool_calls": [
            {"id": "c", "type": "function", "function": {"name": "f", "arguments": '{"a": "[EMAIL_1]"}'}}]}}]}
    rt = make_rt(k, request="placeholder", response="placeholder")
    stage = PIIStage(rt, "chat")
    ctx = response_ctx(stage, stream=False, req=chat(f"me: {EMAIL}"))
    out = orjson.loads(stage.on_chunk(ctx, orjson.dumps(body), True))
    msg = out["choices"][0]["message"]
    assert msg["content"] == f"contact {EMAIL} or [PHONE]"
    assert json.loads(msg["tool_calls"][0]["function"]["arguments"]) == {"a": EMAIL}
    stage.on_end(ctx)
    assert ctx.extra["pii"]["response"] == {"phone": 1}
    # block: the answer is withheld
    stage = PIIStage(make_rt(k, response="block"), "chat")
    ctx = response_ctx(stage, stream=False)
    with pytest.raises(PIIResponseBlocked):
        stage.on_chunk(ctx, orjson.dumps(body), True)
    # not JSON while the policy requires redaction → refused
    stage = PIIStage(make_rt(k, response="mask"), "chat")
    ctx = response_ctx(stage, stream=False)
    with pytest.raises(PIIUnprocessable):
        stage.on_chunk(ctx, b"<html>" + EMAIL.encode(), True)


def _whole(stage: PIIStage, ctx: RequestContext, body: bytes) -> tuple[Any, dict[str, int]]:
    try:
        out: Any = stage.on_chunk(ctx, body, True)
    except Exception as e:  # noqa: BLE001 - compared below
        out = (type(e).__name__, getattr(e, "code", None))
    stage.on_end(ctx)
    return out, dict(ctx.extra["pii"]["response"])


def test_whole_response_fast_path_answers_as_the_full_path(k: ModuleType) -> None:
    """A body the kernel calls clean goes out untouched without being parsed; every body gets
    exactly what parsing, walking and re-serialising it gives (bytes, failures, counts)."""
    rows = [orjson.loads(line)["text"] for line in CORPUS.read_bytes().splitlines() if line.strip()]
    rnd = random.Random(3)
    texts = rows[:40] + ["plain answer, nothing to see", "ticket 4471, [EMAIL] and [EMAIL_1]", "", "caf\u00e9 ok"]
    bodies: list[bytes] = []
    for text in texts:
        msg: dict[str, Any] = {"role": "assistant", "content": text, "refusal": None}
        if rnd.random() < 0.3:
            msg["tool_calls"] = [{"id": "c", "type": "function",
                                  "function": {"name": "f", "arguments": orjson.dumps({"q": rnd.choice(texts)}).decode()}}]
        oa = {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "m",
              "choices": [{"index": 0, "message": msg, "finish_reason": "stop"}],
              "usage": {"prompt_tokens": 3, "completion_tokens": 4}}
        an = {"id": "msg_1", "type": "message", "content": [{"type": "text", "text": text}],
              "stop_reason": "end_turn"}
        for doc in (oa, an, {"error": {"message": text, "code": 400}}, text):
            bodies.append(orjson.dumps(doc))
            bodies.append(json.dumps(doc, ensure_ascii=True, indent=1).encode())  # escapes, whitespace
    bodies += [b"<html>" + EMAIL.encode(), b"not json", b'{"a": 1e999}', b"\xff\xfe", b'"\xff"', b"[" * 70 + b"]" * 70]
    for modes in ({"response": "mask"}, {"response": "block"},
                  {"request": "placeholder", "response": "placeholder"}):
        for kind, front in (("chat", "openai"), ("messages", "anthropic"), ("route", "openai")):
            rt = make_rt(k, **modes)
            clean = rt.clean_json
            assert clean is not None
            hits = []

            def counted(data: bytes, ent: int, key: bytes, clean: Any = clean, hits: list = hits) -> bool:
                ok = clean(data, ent, key)
                hits.append(ok)
                return bool(ok)

            rt.clean_json = counted
            stage = PIIStage(rt, kind)
            slow_rt = make_rt(k, **modes)
            slow_rt.clean_json = None  # the full path only
            slow = PIIStage(slow_rt, kind)
            for body in bodies:
                for status in (200, 400):
                    got = []
                    for st in (stage, slow):
                        ctx = make_ctx(front, chat(f"me: {EMAIL}") if kind != "route" else None, stream=False)
                        ctx.status = status
                        if kind == "route":
                            ctx.request = SimpleNamespace(body_exists=False)
                        assert st.on_request(ctx) is None
                        got.append(_whole(st, ctx, body))
                    assert got[0] == got[1], (modes, kind, status, body)
            assert hits.count(True) > 50, (modes, kind)  # the fast path was taken (and tested)
