"""PII redaction through the gateway: real sockets, the mock upstream, a scripted upstream, real SDKs.

One gateway serves the module; the API key picks the policy (its group), so every mode runs
against the same world: ``mask``, ``placeholder`` (reversible), ``block`` on the request side,
``mask``/``block`` on the response side only, and ``off``. The mock records what the upstream
received (no PII in clear) and echoes the last user message, so PII the upstream saw comes back
in the response. A scripted upstream sends exactly the SSE bytes a test wants (an e-mail split at
every offset, a broken event, a lone surrogate, a pause until the client saw its first token).

Acceptance ids: PII-10, PII-11, PII-12, PII-13, PII-16, PII-17, PII-18.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiohttp
import anthropic
import openai
import orjson
import pytest
import pytest_asyncio
from aiohttp import web
from conftest import base_config, read_log

pytestmark = pytest.mark.asyncio(loop_scope="module")

EMAIL = "jane.doe+work@mail.example.co.uk"
EMAIL2 = "ops@corp.example.org"
PHONE = "+1 415-555-2671"
CARD = "4111 1111 1111 1111"
GROUPS = ("mask", "ph", "block", "resp", "rblock", "off")
KEYS = {g: f"sk-client-{g}-0123456789" for g in GROUPS}
TOOLS = [{"type": "function", "function": {"name": "lookup", "parameters": {
    "type": "object", "properties": {"echo": {"type": "string"}}}}}]


def config(mock_url: str, scripted_url: str, access_log: str) -> str:
    text = base_config(mock_url, access_log=access_log, max_retries=0)
    text = text.replace("providers:\n", (
        "providers:\n"
        "  claude:\n"
        "    type: anthropic\n"
        f'    base_url: "{mock_url}"\n'
        '    api_key: "sk-ant-provider-key"\n'
        "    max_retries: 0\n"
        "  scripted:\n"
        "    type: openai\n"
        f'    base_url: "{scripted_url}/v1"\n'
        "    max_retries: 0\n"), 1)
    text = text.replace("models:\n", (
        "models:\n"
        "  claude-haiku:\n"
        "    targets: [{provider: claude, model: claude-3-5-haiku-latest}]\n"
        "  scripted:\n"
        "    targets: [{provider: scripted, model: scripted}]\n"
        "  text-embedding-3-small:\n"
        "    targets: [{provider: mock, model: text-embedding-3-small}]\n"), 1)
    text = text.replace("logging:\n", "logging:\n  log_bodies: true\n", 1)
    keys = "\n".join(
        f'    - {{name: k-{g}, sha256: "{hashlib.sha256(KEYS[g].encode()).hexdigest()}", subject: u-{g}, '
        f"groups: [{g}]}}" for g in GROUPS)
    modes = {"mask": ("mask", "mask"), "ph": ("placeholder", "placeholder"), "block": ("block", "off"),
             "resp": ("off", "mask"), "rblock": ("off", "block"), "off": ("off", "off")}
    policies = "\n".join(
        f"  - {{name: {g}, match: {{groups: [{g}]}}, pii: {{request: {modes[g][0]}, response: {modes[g][1]}}}}}"
        for g in GROUPS)
    return text + f"auth:\n  api_keys:\n{keys}\npolicies:\n{policies}\n"


class Scripted:
    """An upstream that answers the next request with exactly the scripted bytes.

    ``plan``: (status, content type, pieces); a piece is bytes (written, then a short pause so
    they tend to arrive in separate TCP reads) or an ``asyncio.Event`` to wait for.
    """

    def __init__(self) -> None:
        self.plan: tuple[int, str, list[Any]] = (200, "application/json", [b"{}"])
        self.bodies: list[bytes] = []
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.bodies.append(await request.read())
        status, ctype, pieces = self.plan
        resp = web.StreamResponse(status=status, headers={"content-type": ctype})
        await resp.prepare(request)
        for p in pieces:
            if isinstance(p, asyncio.Event):
                await asyncio.wait_for(p.wait(), 10)
                continue
            await resp.write(p)
            await asyncio.sleep(0.002)
        await resp.write_eof()
        return resp

    async def start(self) -> Scripted:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[SimpleNamespace]:
    from fastgate._testbase import InProcessGateway
    from fastgate.mock_upstream import MockUpstream

    log = tmp_path_factory.mktemp("pii") / "access.log"
    mock = MockUpstream("127.0.0.1", 0)
    await mock.start()
    scripted = await Scripted().start()
    gw = await InProcessGateway(config(mock.url, scripted.url, str(log))).start()
    http = aiohttp.ClientSession()
    oa = {g: openai.AsyncOpenAI(base_url=gw.url + "/v1", api_key=KEYS[g], max_retries=0) for g in GROUPS}
    an = {g: anthropic.AsyncAnthropic(base_url=gw.url, api_key=KEYS[g], max_retries=0) for g in GROUPS}
    try:
        yield SimpleNamespace(mock=mock, scripted=scripted, gw=gw, http=http, oa=oa, an=an, log=log)
    finally:
        for c in (*oa.values(), *an.values()):
            await c.close()
        await http.close()
        await gw.stop()
        await scripted.stop()
        await mock.stop()


def sent(env: SimpleNamespace) -> dict:
    return orjson.loads(env.mock.requests[-1]["body"])


def last_log(env: SimpleNamespace) -> tuple[dict, str]:
    env.gw.worker.access_log.flush()
    line = Path(env.log).read_bytes().splitlines()[-1].decode()
    return read_log(Path(env.log))[-1], line


async def post(env: SimpleNamespace, path: str, group: str | None, body: Any, **kw: Any) -> tuple[int, bytes]:
    headers = dict(kw.pop("headers", {}))
    if group is not None:
        headers["authorization"] = f"Bearer {KEYS[group]}"
    if isinstance(body, (dict, list)):
        kw["json"] = body
    else:
        kw["data"] = body
    async with env.http.post(env.gw.url + path, headers=headers, **kw) as r:
        return r.status, await r.read()


def sse_events(body: bytes) -> list[Any]:
    out = []
    for ev in body.split(b"\n\n"):
        for line in ev.split(b"\n"):
            if line.startswith(b"data: "):
                p = line[6:]
                out.append(p if p == b"[DONE]" else orjson.loads(p))
    return out


def streamed_content(body: bytes) -> str:
    return "".join((ch.get("delta") or {}).get("content") or "" for p in sse_events(body) if isinstance(p, dict)
                   for ch in p.get("choices") or ())


# ----------------------------------------------------------------------------------- request side


async def test_mask_openai_every_text_field(env):
    body = {"model": "gpt-4o-mini", "messages": [
        {"role": "system", "content": f"The admin is {EMAIL2}."},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {
            "name": "lookup", "arguments": json.dumps({"card": CARD, "who": EMAIL2})}}]},
        {"role": "tool", "tool_call_id": "c1", "content": f"card {CARD} ok"},
        {"role": "user", "content": [{"type": "text", "text": f"Mail {EMAIL} or call {PHONE} please"}]},
    ]}
    status, raw = await post(env, "/v1/chat/completions", "mask", body)
    assert status == 200, raw
    up = env.mock.requests[-1]["body"]
    for value in (EMAIL, EMAIL2, PHONE, CARD):
        assert value not in up  # the provider never sees PII in clear
    got = sent(env)
    assert got["messages"][3]["content"][0]["text"] == "Mail [EMAIL] or call [PHONE] please"
    assert json.loads(got["messages"][1]["tool_calls"][0]["function"]["arguments"]) == {
        "card": "[CREDIT_CARD]", "who": "[EMAIL]"}
    answer = orjson.loads(raw)["choices"][0]["message"]["content"]
    assert answer == "echo: Mail [EMAIL] or call [PHONE] please"
    rec, line = last_log(env)
    assert rec["pii"]["request"] == {"email": 3, "phone": 1, "credit_card": 2}
    assert "[EMAIL]" in rec["request_body"] and rec["response_body"]
    assert EMAIL not in line and PHONE not in line and CARD not in line  # PII-18: logs hold no PII


async def test_placeholder_round_trip_non_stream_and_stream(env):
    text = f"I am {EMAIL}, my colleague is {EMAIL2}, reach me at {PHONE}"
    msgs = [{"role": "user", "content": text}]
    r = await env.oa["ph"].chat.completions.create(model="gpt-4o-mini", messages=msgs)
    assert sent(env)["messages"][0]["content"] == "I am [EMAIL_1], my colleague is [EMAIL_2], reach me at [PHONE_1]"
    assert r.choices[0].message.content == "echo: " + text  # originals restored for the caller
    stream = await env.oa["ph"].chat.completions.create(model="gpt-4o-mini", messages=msgs, stream=True)
    parts = [c.choices[0].delta.content or "" async for c in stream if c.choices]
    assert "".join(parts) == "echo: " + text
    assert EMAIL not in env.mock.requests[-1]["body"]
    rec, line = last_log(env)
    assert rec["pii"]["request"] == {"email": 2, "phone": 1}
    assert EMAIL not in line  # the log shows the masked text, not the restored answer


async def test_placeholder_tool_call_stream_stays_valid_json(env):
    text = f"use the tool for {EMAIL} and {CARD}"
    stream = await env.oa["ph"].chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": text}], tools=TOOLS, stream=True)
    args = []
    async for c in stream:
        for ch in c.choices:
            for tc in ch.delta.tool_calls or ():
                if tc.function and tc.function.arguments:
                    args.append(tc.function.arguments)
    assert len(args) > 3  # still streamed piecewise
    assert json.loads("".join(args)) == {"echo": text}
    up = env.mock.requests[-1]["body"]
    assert EMAIL not in up and CARD not in up
    # mask mode: the arguments carry the masks, still valid JSON
    stream = await env.oa["mask"].chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": text}], tools=TOOLS, stream=True)
    args = [tc.function.arguments async for c in stream for ch in c.choices for tc in ch.delta.tool_calls or ()
            if tc.function and tc.function.arguments]
    assert json.loads("".join(args)) == {"echo": "use the tool for [EMAIL] and [CREDIT_CARD]"}


async def test_block_names_types_and_forwards_nothing(env):
    before = len(env.mock.requests)
    status, raw = await post(env, "/v1/chat/completions", "block",
                             {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"{EMAIL} {CARD}"}]})
    err = orjson.loads(raw)["error"]
    assert status == 400 and err["code"] == "pii_blocked"
    assert "email" in err["message"] and "credit_card" in err["message"] and EMAIL not in err["message"]
    with pytest.raises(anthropic.BadRequestError) as ei:
        await env.an["block"].messages.create(model="claude-haiku", max_tokens=10, system=f"admin: {EMAIL}",
                                              messages=[{"role": "user", "content": "hi"}])
    assert ei.value.status_code == 400 and "email" in str(ei.value)
    assert len(env.mock.requests) == before
    # A clean request under the same policy goes through.
    status, _ = await post(env, "/v1/chat/completions", "block",
                           {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "all clean"}]})
    assert status == 200 and len(env.mock.requests) == before + 1


async def test_anthropic_front_mask_and_placeholder_stream(env):
    msg = await env.an["mask"].messages.create(
        model="claude-haiku", max_tokens=50, system=[{"type": "text", "text": f"Admin: {EMAIL2}"}],
        messages=[{"role": "user", "content": [{"type": "text", "text": f"mail {EMAIL} now"}]}])
    got = sent(env)
    assert env.mock.requests[-1]["path"] == "/v1/messages"
    assert got["system"][0]["text"] == "Admin: [EMAIL]" and EMAIL not in env.mock.requests[-1]["body"]
    assert msg.content[0].text == "echo: mail [EMAIL] now"
    text = f"mail {EMAIL} now or call {PHONE}"
    async with env.an["ph"].messages.stream(model="claude-haiku", max_tokens=50,
                                            messages=[{"role": "user", "content": text}]) as stream:
        texts = [t async for t in stream.text_stream]
    assert "".join(texts) == "echo: " + text
    assert EMAIL not in env.mock.requests[-1]["body"] and PHONE not in env.mock.requests[-1]["body"]
    # Anthropic front → OpenAI-type provider (translated stream), mask both ways.
    async with env.an["mask"].messages.stream(model="gpt-4o-mini", max_tokens=50,
                                              messages=[{"role": "user", "content": text}]) as stream:
        texts = [t async for t in stream.text_stream]
    assert "".join(texts) == "echo: mail [EMAIL] now or call [PHONE]"
    assert env.mock.requests[-1]["path"] == "/v1/chat/completions"


async def test_completions_prompt_and_embeddings_input(env):
    status, _ = await post(env, "/v1/completions", "mask", {"model": "gpt-4o-mini", "prompt": f"to {EMAIL}"})
    assert status == 200 and sent(env)["prompt"] == "to [EMAIL]"
    status, raw = await post(env, "/v1/embeddings", "mask",
                             {"model": "text-embedding-3-small", "input": [f"a {EMAIL}", "clean"]})
    assert status == 200 and sent(env)["input"] == ["a [EMAIL]", "clean"]
    assert orjson.loads(raw)["data"][0]["embedding"]


async def test_response_only_mask(env):
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"mail {EMAIL} now"}]}
    status, raw = await post(env, "/v1/chat/completions", "resp", body)
    assert EMAIL in env.mock.requests[-1]["body"]  # request side off
    assert status == 200 and orjson.loads(raw)["choices"][0]["message"]["content"] == "echo: mail [EMAIL] now"
    status, raw = await post(env, "/v1/chat/completions", "resp", {**body, "stream": True})
    assert status == 200 and EMAIL.encode() not in raw
    assert streamed_content(raw) == "echo: mail [EMAIL] now" and raw.endswith(b"data: [DONE]\n\n")
    rec, _ = last_log(env)
    assert rec["pii"] == {"request": {}, "response": {"email": 1}}


async def test_invalid_utf8_llm_body_is_refused(env):
    before = len(env.mock.requests)
    status, _ = await post(env, "/v1/chat/completions", "mask",
                           b'{"model":"gpt-4o-mini","messages":[{"role":"user","content":"\xff\xfe"}]}',
                           headers={"content-type": "application/json"})
    assert status == 400 and len(env.mock.requests) == before


# ----------------------------------------------------------------------------------- streams, scripted


def chunk(content: str | None = None, finish: str | None = None, **delta: Any) -> bytes:
    if content is not None:
        delta["content"] = content
    obj = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "scripted",
           "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}
    return b"data: " + orjson.dumps(obj) + b"\n\n"


STREAM_REQ = {"model": "scripted", "stream": True, "messages": [{"role": "user", "content": "hi"}]}


async def test_email_split_at_every_offset_never_reaches_the_client(env):
    """PII-10: across two SSE events (every character offset) and across TCP reads (byte offsets)."""
    text = f"Please write to {EMAIL} today."
    want = "Please write to [EMAIL] today."
    start = text.index(EMAIL)
    for cut in range(start, start + len(EMAIL) + 1):
        env.scripted.plan = (200, "text/event-stream", [
            chunk("", role="assistant"), chunk(text[:cut]), chunk(text[cut:]), chunk(finish="stop"),
            b"data: [DONE]\n\n"])
        status, raw = await post(env, "/v1/chat/completions", "resp", STREAM_REQ)
        assert status == 200 and EMAIL.encode() not in raw and b"mail.example" not in raw, cut
        assert streamed_content(raw) == want, cut
        assert raw.endswith(b"data: [DONE]\n\n")
    whole = chunk(text)
    at = whole.index(b"@")
    for cut in range(at - 14, at + 20):  # TCP split inside the e-mail's event
        env.scripted.plan = (200, "text/event-stream", [whole[:cut], whole[cut:], b"data: [DONE]\n\n"])
        status, raw = await post(env, "/v1/chat/completions", "resp", STREAM_REQ)
        assert EMAIL.encode() not in raw and streamed_content(raw) == want, cut


async def test_first_token_not_held_for_the_whole_stream(env):
    """PII-11: clean text is released while the upstream is still generating."""
    gate = asyncio.Event()
    env.scripted.plan = (200, "text/event-stream", [
        chunk("Hello there, "), chunk("how are "), gate, chunk(f"you? {EMAIL}"), chunk(finish="stop"),
        b"data: [DONE]\n\n"])
    got = b""
    async with env.http.post(env.gw.url + "/v1/chat/completions", json=STREAM_REQ,
                             headers={"authorization": f"Bearer {KEYS['resp']}"}) as r:
        while b"Hello" not in got:
            piece = await asyncio.wait_for(r.content.readany(), 10)  # would time out if everything were held
            assert piece, "stream ended before the first token"
            got += piece
        gate.set()
        got += await r.read()
    assert streamed_content(got) == "Hello there, how are you? [EMAIL]"


async def test_response_failures_fail_closed(env):
    """PII-16: unparseable answers are refused; a stream that breaks ends with an error event."""
    bad = b'{"choices":[{"index":0,"message":{"role":"assistant","content":"' + EMAIL.encode() + b'\\ud800"}}]}'
    env.scripted.plan = (200, "application/json", [bad])
    status, raw = await post(env, "/v1/chat/completions", "resp", {**STREAM_REQ, "stream": False})
    assert status == 502 and orjson.loads(raw)["error"]["code"] == "pii_unprocessable" and EMAIL.encode() not in raw
    env.scripted.plan = (200, "text/event-stream", [
        chunk("fine words "), chunk(f"then {EMAIL[:5]}"), b"data: {broken\n\n", chunk(EMAIL[5:]),
        b"data: [DONE]\n\n"])
    status, raw = await post(env, "/v1/chat/completions", "resp", STREAM_REQ)
    assert status == 200 and b"data: [DONE]" not in raw
    last = sse_events(raw)[-1]
    assert last["error"]["code"] == "pii_unprocessable"
    assert streamed_content(raw).startswith("fine words ") and EMAIL[:5] not in streamed_content(raw)
    rec, line = last_log(env)
    assert rec["reason"].startswith("pii_unprocessable") and EMAIL not in line


async def test_response_block_ends_stream(env):
    env.scripted.plan = (200, "text/event-stream", [
        chunk("clean start "), chunk(f"leak {EMAIL} "), chunk(finish="stop"), b"data: [DONE]\n\n"])
    status, raw = await post(env, "/v1/chat/completions", "rblock", STREAM_REQ)
    assert status == 200 and EMAIL.encode() not in raw
    assert sse_events(raw)[-1]["error"]["code"] == "pii_blocked"
    status, raw = await post(env, "/v1/chat/completions", "rblock",
                             {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"x {EMAIL}"}]})
    assert status == 502 and orjson.loads(raw)["error"]["code"] == "pii_blocked" and EMAIL.encode() not in raw


# ----------------------------------------------------------------------------------- generic routes


async def test_generic_route_json_and_text_bodies(env):
    """The echo route has `auth: off`, so no policy is matched: the first policy (mask) applies."""
    body = {"user": {"contact": [EMAIL, {"phone": PHONE}], "n": 3}, "note": "clean"}
    status, raw = await post(env, "/api/echo/x", None, body)
    assert status == 200
    rec = env.mock.requests[-1]
    got = orjson.loads(rec["body"])
    assert got == {"user": {"contact": ["[EMAIL]", {"phone": "[PHONE]"}], "n": 3}, "note": "clean"}
    assert rec["headers"]["content-length"] == str(len(rec["body"]))
    assert b"127.0.0.1" not in raw  # the echoed reply is masked too (its IP addresses)
    status, _ = await post(env, "/api/echo/t", None, f"mail {EMAIL}\n".encode(),
                           headers={"content-type": "text/plain; charset=utf-8"})
    assert status == 200 and env.mock.requests[-1]["body"] == "mail [EMAIL]\n"
    before = len(env.mock.requests)
    for data, ctype in ((EMAIL.encode(), "application/octet-stream"), (b"caf\xe9 " + EMAIL.encode(), "text/plain"),
                        (b'{"a": ', "application/json")):
        status, raw = await post(env, "/api/echo/x", None, data, headers={"content-type": ctype})
        assert status == 400 and orjson.loads(raw)["error"]["code"] == "pii_unprocessable", ctype
    assert len(env.mock.requests) == before  # nothing forwarded


# ----------------------------------------------------------------------------------- surfaces


async def test_metrics_and_log_bodies(env):
    async def counts() -> dict[str, float]:
        async with env.http.get(env.gw.admin_url + "/metrics") as r:
            text = await r.text()
        out = {}
        for line in text.splitlines():
            if line.startswith("fastgate_pii_redactions_total{"):
                labels, value = line.rsplit(" ", 1)
                out[labels] = float(value)
        return out

    before = await counts()
    status, _ = await post(env, "/v1/chat/completions", "mask", {"model": "gpt-4o-mini", "messages": [
        {"role": "user", "content": f"{EMAIL} and {EMAIL2} via {PHONE}"}]})
    assert status == 200
    after = await counts()

    def delta(direction: str, entity: str) -> float:
        key = f'fastgate_pii_redactions_total{{direction="{direction}",entity="{entity}"}}'
        return after.get(key, 0) - before.get(key, 0)

    assert delta("request", "email") == 2 and delta("request", "phone") == 1
    assert delta("response", "email") == 0  # the echo came back already masked
    # policy off: nothing is redacted, yet the logged bodies are (logging.log_bodies)
    status, _ = await post(env, "/v1/chat/completions", "off", {"model": "gpt-4o-mini", "messages": [
        {"role": "user", "content": f"mail {EMAIL}"}]})
    assert status == 200 and EMAIL in env.mock.requests[-1]["body"]
    rec, line = last_log(env)
    assert EMAIL not in line
    assert "mail [EMAIL]" in rec["request_body"] and "[EMAIL]" in rec["response_body"]
    assert rec["pii"] == {"request": {}, "response": {}}
