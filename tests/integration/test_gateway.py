"""The core request path against an in-process gateway and the real mock upstream, over real sockets."""

from __future__ import annotations

import asyncio
import hashlib
import os

import aiohttp
import orjson
import pytest
from conftest import base_config, read_log


async def test_chat_non_stream_openai_sdk(mock, gateway_factory, tmp_log):
    from openai import AsyncOpenAI

    async with gateway_factory(base_config(mock.url, access_log=str(tmp_log))) as gw:
        client = AsyncOpenAI(base_url=gw.url + "/v1", api_key="caller-credential", max_retries=0)
        r = await client.chat.completions.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "hello gateway"}]
        )
        assert r.choices[0].message.content.startswith("echo: hello gateway")
        assert r.usage.prompt_tokens > 0 and r.usage.completion_tokens > 0
        raw = await client.chat.completions.with_raw_response.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "again"}]
        )
        assert raw.headers["x-request-id"]
        assert "gateway;dur=" in raw.headers["server-timing"] and "upstream;dur=" in raw.headers["server-timing"]
    # The provider saw its own key, never the caller's credential.
    chats = [r for r in mock.requests if r["path"] == "/v1/chat/completions"]
    assert chats and all(r["headers"]["authorization"] == "Bearer sk-provider-key" for r in chats)
    lines = read_log(tmp_log)
    assert len(lines) == 2 and {ln["status"] for ln in lines} == {200}
    assert lines[0]["model"] == "gpt-4o-mini" and lines[0]["provider"] == "mock"


async def test_chat_stream_openai_sdk(mock, gateway_factory):
    from openai import AsyncOpenAI

    async with gateway_factory(base_config(mock.url)) as gw:
        client = AsyncOpenAI(base_url=gw.url + "/v1", api_key="x", max_retries=0)
        stream = await client.chat.completions.create(
            model="gpt-4o-mini", stream=True, stream_options={"include_usage": True},
            messages=[{"role": "user", "content": "one two three four"}],
        )
        text, usage = [], None
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                text.append(chunk.choices[0].delta.content)
            if chunk.usage:
                usage = chunk.usage
        assert "".join(text).startswith("echo: one two three four")
        assert usage is not None and usage.completion_tokens > 0


async def test_unknown_model_and_route_errors_use_openai_envelope(mock, gateway_factory):
    async with gateway_factory(base_config(mock.url)) as gw, aiohttp.ClientSession() as s:
        async with s.post(gw.url + "/v1/chat/completions", json={"model": "nope", "messages": []}) as r:
            assert r.status == 404
            body = await r.json()
            assert body["error"]["code"] == "model_not_found" and body["error"]["param"] == "model"
        async with s.post(gw.url + "/v1/chat/completions", data=b"{not json") as r:
            assert r.status == 400
            assert (await r.json())["error"]["code"] == "invalid_json"
        async with s.get(gw.url + "/nowhere") as r:
            assert r.status == 404
        async with s.get(gw.url + "/v1/chat/completions") as r:
            assert r.status == 405 and "POST" in r.headers["Allow"]


async def test_body_over_limit_is_413_before_upstream(mock, gateway_factory, tmp_log):
    async with gateway_factory(base_config(mock.url, max_body=1000, access_log=str(tmp_log))) as gw, \
            aiohttp.ClientSession() as s:
        big = orjson.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x" * 5000}]})
        async with s.post(gw.url + "/v1/chat/completions", data=big,
                          headers={"Content-Type": "application/json"}) as r:
            assert r.status == 413
            assert (await r.json())["error"]["code"] == "request_too_large"

        async def chunked():
            for _ in range(10):
                yield b"y" * 500

        # Chunked (no Content-Length): cut at the crossing point, still nothing forwarded.
        async with s.post(gw.url + "/v1/chat/completions", data=chunked()) as r:
            assert r.status == 413
    assert [r for r in mock.requests if r["path"].startswith("/v1/")] == []
    assert [ln["status"] for ln in read_log(tmp_log)] == [413, 413]


async def test_generic_route_streams_large_body_both_ways(mock, gateway_factory):
    size = 20 * 1024 * 1024
    h = hashlib.sha256()

    async def body():
        block = os.urandom(64 * 1024)
        for _ in range(size // len(block)):
            h.update(block)
            yield block

    async with gateway_factory(base_config(mock.url, max_body=64 * 1024 * 1024)) as gw, \
            aiohttp.ClientSession() as s:
        async with s.post(gw.url + "/api/echo/upload?x=1", data=body(),
                          headers={"Connection": "keep-alive, X-Drop-Me", "X-Drop-Me": "1", "Keep-Alive": "5",
                                   "X-Fastgate-Subject": "forged", "X-Keep": "yes"}) as r:
            assert r.status == 200
            echo = await r.json()
        assert echo["body_len"] == size and echo["body_sha256"] == h.hexdigest()
        assert echo["path"] == "/api/echo/upload" and "x=1" in echo["query"]
        hdrs = echo["headers"]
        # Hop-by-hop fields and whatever Connection names are gone; client copies of internal headers too.
        assert "x-drop-me" not in hdrs and "keep-alive" not in hdrs and "x-fastgate-subject" not in hdrs
        assert hdrs["x-keep"] == "yes" and hdrs["x-forwarded-for"] == "127.0.0.1" and hdrs["x-request-id"]
        # A large response streams back intact (chunked from the upstream, through the prefix-stripping route).
        n = 8 * 1024 * 1024
        async with s.get(gw.url + "/raw/__mock/bytes", params={"n": str(n)}) as r:
            assert r.status == 200
            got = 0
            async for piece in r.content.iter_any():
                got += len(piece)
        assert got == n


async def test_retry_on_500_then_success(mock, gateway_factory, tmp_log):
    async with gateway_factory(base_config(mock.url, access_log=str(tmp_log))) as gw, aiohttp.ClientSession() as s:
        mock.add_faults([{"status": 500, "times": 2}])
        async with s.post(gw.url + "/v1/chat/completions",
                          json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}) as r:
            assert r.status == 200
    rec = read_log(tmp_log)[-1]
    assert rec["status"] == 200 and rec["attempts"] == 3


async def test_retries_exhausted_relays_last_upstream_error(mock, gateway_factory):
    async with gateway_factory(base_config(mock.url, max_retries=1)) as gw, aiohttp.ClientSession() as s:
        mock.add_faults([{"status": 503, "times": 5}])
        async with s.post(gw.url + "/v1/chat/completions",
                          json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}) as r:
            assert r.status == 503
    assert len([r for r in mock.requests if r["path"] == "/v1/chat/completions"]) == 2


async def test_fallback_model_when_primary_is_down(mock, gateway_factory, tmp_log):
    from conftest import free_port

    dead = f"http://127.0.0.1:{free_port()}"
    text = base_config(mock.url, access_log=str(tmp_log)).replace(
        "models:\n",
        f"""  dead:\n    type: openai\n    base_url: "{dead}/v1"\n    api_key: k\n    max_retries: 1\n    connect_timeout_s: 1\nmodels:\n  primary:\n    targets: [{{provider: dead, model: gpt-4o}}]\n    fallbacks: [gpt-4o-mini]\n""",
    )
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        async with s.post(gw.url + "/v1/chat/completions",
                          json={"model": "primary", "messages": [{"role": "user", "content": "fall back"}]}) as r:
            assert r.status == 200
            body = await r.json()
            assert body["model"] == "gpt-4o-mini"
    rec = read_log(tmp_log)[-1]
    assert rec["fallback_model"] == "gpt-4o-mini" and rec["attempts"] == 3 and rec["provider"] == "mock"


async def test_no_retry_after_first_byte(mock, gateway_factory, tmp_log):
    async with gateway_factory(base_config(mock.url, access_log=str(tmp_log))) as gw, aiohttp.ClientSession() as s:
        mock.add_faults([{"fail": "reset-after-first-chunk"}])
        async with s.post(gw.url + "/v1/chat/completions",
                          json={"model": "gpt-4o-mini", "stream": True,
                                "messages": [{"role": "user", "content": "a b c d e f"}]}) as r:
            assert r.status == 200
            body = await r.read()
    assert b'"error"' in body  # the stream ends with an SSE error event, not silently
    assert len([r for r in mock.requests if r["path"] == "/v1/chat/completions"]) == 1
    assert read_log(tmp_log)[-1]["stream_error"]


async def test_stream_idle_timeout_mid_stream_ends_with_an_error_event(mock, gateway_factory, tmp_log):
    """A paced stream whose next event comes later than the provider's ``idle_timeout_s``: the relay
    (woken by the upstream connection's timer, not by a task waiting for data) ends the stream
    with an SSE error event after the events already relayed, and the upstream connection is dropped."""
    text = base_config(mock.url, access_log=str(tmp_log)).replace("timeout_s: 10\n", "timeout_s: 10\n    idle_timeout_s: 0.3\n", 1)
    assert "idle_timeout_s: 0.3" in text
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        mock.add_faults([{"tokens_per_s": 1.5}])  # one word event every ~0.7 s
        async with s.post(gw.url + "/v1/chat/completions",
                          json={"model": "gpt-4o-mini", "stream": True,
                                "messages": [{"role": "user", "content": "a b c d e f g h"}]}) as r:
            assert r.status == 200
            body = await r.read()
    events = [e for e in body.split(b"\n\n") if e.strip()]
    assert events and b'"error"' in events[-1]  # the last event is the error, not a silent end
    assert any(b'"choices"' in e for e in events[:-1])  # after what had been relayed
    assert b"[DONE]" not in body
    rec = read_log(tmp_log)[-1]
    assert rec["status"] == 200 and rec["stream_error"] == "upstream_timeout"


async def test_route_relays_a_paced_body_piece_by_piece(mock, gateway_factory, tmp_log):
    """A generic route's streamed answer (no stage hooks): the pieces that arrive over time are
    written from the upstream connection's callbacks; all of them reach the client, in order."""
    async with gateway_factory(base_config(mock.url, access_log=str(tmp_log))) as gw, aiohttp.ClientSession() as s:
        mock.add_faults([{"tokens_per_s": 200, "path": "/v1/chat/completions"}])
        async with s.post(gw.url + "/raw/v1/chat/completions", headers={"Authorization": "Bearer sk-provider-key"},
                          json={"model": "gpt-4o-mini", "stream": True, "max_tokens": 30,
                                "messages": [{"role": "user", "content": " ".join(f"w{i}" for i in range(30))}]}) as r:
            assert r.status == 200
            pieces = [p async for p in r.content.iter_any()]
    body = b"".join(pieces)
    events = [e for e in body.split(b"\n\n") if e.startswith(b"data: {")]
    assert len(events) >= 30 and all(orjson.loads(e[6:])["object"] == "chat.completion.chunk" for e in events)
    assert body.endswith(b"data: [DONE]\n\n")
    assert len(pieces) > 1  # paced: more than one write reached the client
    rec = read_log(tmp_log)[-1]
    assert rec["route"] == "raw" and rec["bytes_out"] == len(body)


async def test_client_disconnect_cancels_upstream(gateway_factory, tmp_log):
    from fastgate.mock_upstream import MockUpstream

    slow = MockUpstream("127.0.0.1", 0, tokens_per_s=20)
    await slow.start()
    try:
        async with gateway_factory(base_config(slow.url, access_log=str(tmp_log))) as gw:
            reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port)
            body = orjson.dumps({"model": "gpt-4o-mini", "stream": True,
                                 "messages": [{"role": "user", "content": " ".join(["w"] * 200)}]})
            writer.write(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            await writer.drain()
            await reader.readuntil(b"data:")  # the stream has started
            writer.transport.abort()
            for _ in range(100):
                if slow.stats["streams_aborted_by_peer"] >= 1:
                    break
                await asyncio.sleep(0.05)
            assert slow.stats["streams_aborted_by_peer"] == 1
            for _ in range(100):
                if read_log(tmp_log):
                    break
                await asyncio.sleep(0.05)
        assert read_log(tmp_log)[-1]["status"] == 499
    finally:
        await slow.stop()


async def test_upstream_down_is_502_and_timeout_is_504(mock, gateway_factory):
    from conftest import free_port

    dead = f"http://127.0.0.1:{free_port()}"
    text = base_config(mock.url, max_retries=0, timeout_s=0.5).replace(
        "models:\n",
        f"""  dead:\n    type: openai\n    base_url: "{dead}/v1"\n    max_retries: 0\nmodels:\n  down:\n    targets: [{{provider: dead, model: m}}]\n""",
    )
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        async with s.post(gw.url + "/v1/chat/completions", json={"model": "down", "messages": []}) as r:
            assert r.status == 502
            assert (await r.json())["error"]["type"] == "api_error"
        mock.add_faults([{"fail": "hang"}])
        async with s.post(gw.url + "/v1/chat/completions",
                          json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]}) as r:
            assert r.status == 504


async def test_access_log_one_line_per_request_including_failures(mock, gateway_factory, tmp_log):
    async with gateway_factory(base_config(mock.url, access_log=str(tmp_log), max_body=2000, max_retries=0)) as gw:
        async with aiohttp.ClientSession() as s:
            ok = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
            statuses = []
            mock.add_faults([{"status": 500}])
            for body in (ok, ok, {"model": "zzz"}, {"x": 1}, {"model": "gpt-4o-mini", "messages": "y" * 5000}):
                async with s.post(gw.url + "/v1/chat/completions", json=body) as r:
                    statuses.append(r.status)
                    await r.read()
            async with s.get(gw.url + "/v1/models") as r:
                statuses.append(r.status)
            async with s.get(gw.url + "/missing") as r:
                statuses.append(r.status)
        gw.worker.access_log.flush()
    lines = read_log(tmp_log)
    assert [ln["status"] for ln in lines] == statuses == [500, 200, 404, 400, 413, 200, 404]
    assert len({ln["request_id"] for ln in lines}) == len(lines)
    for ln in lines:
        for field in ("ts", "method", "path", "route", "duration_ms", "gateway_ms", "upstream_ms", "bytes_out"):
            assert field in ln


async def test_reload_under_load_has_no_failed_requests(mock, gateway_factory):
    text = base_config(mock.url)
    async with gateway_factory(text) as gw, aiohttp.ClientSession() as s:
        stop = asyncio.Event()
        results: list[int] = []

        async def load():
            while not stop.is_set():
                async with s.post(gw.url + "/v1/chat/completions",
                                  json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]}) as r:
                    await r.read()
                    results.append(r.status)

        tasks = [asyncio.create_task(load()) for _ in range(8)]
        for i in range(5):
            await asyncio.sleep(0.1)
            ok, detail = await gw.reload_text(text.replace("max_body_bytes: 1048576", f"max_body_bytes: {2000000 + i}"))
            assert ok, detail
        # A broken config is rejected and the old one keeps serving.
        ok, detail = await gw.reload_text(text.replace("provider: mock", "provider: opnai"))
        assert not ok and any("opnai" in e for e in detail["errors"])
        await asyncio.sleep(0.1)
        stop.set()
        await asyncio.gather(*tasks)
        assert gw.worker.world.max_body == 2000004
    assert len(results) > 20 and set(results) == {200}


async def test_admin_plane(mock, gateway_factory):
    async with gateway_factory(base_config(mock.url) + 'admin:\n  token: "s3cret"\n') as gw, \
            aiohttp.ClientSession() as s:
        async with s.post(gw.url + "/v1/chat/completions",
                          json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]}) as r:
            assert r.status == 200
        async with s.get(gw.admin_url + "/healthz") as r:
            assert r.status == 200
        async with s.get(gw.admin_url + "/readyz") as r:
            assert r.status == 200
        async with s.get(gw.admin_url + "/metrics") as r:
            assert r.status == 401
        auth = {"Authorization": "Bearer s3cret"}
        async with s.get(gw.admin_url + "/metrics", headers=auth) as r:
            text = await r.text()
        from prometheus_client.parser import text_string_to_metric_families

        fams = {f.name: f for f in text_string_to_metric_families(text)}
        reqs = [smp for smp in fams["fastgate_requests"].samples if smp.name == "fastgate_requests_total"]
        assert sum(smp.value for smp in reqs if smp.labels["status"] == "200") == 1
        assert "fastgate_request_duration_seconds" in fams
        async with s.get(gw.admin_url + "/admin/config", headers=auth) as r:
            cfg = await r.json()
        assert cfg["providers"]["mock"]["api_key"] == "***" and "s3cret" not in orjson.dumps(cfg).decode()


async def test_malformed_framing_is_400_and_close(mock, gateway_factory):
    async with gateway_factory(base_config(mock.url)) as gw:
        for raw in (
            b"POST /api/echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            b"POST /api/echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
            b"GET /api/echo/x HTTP/1.1\r\nHost: x\r\nBad\x00Header: 1\r\n\r\n",
            b"POST /api/echo/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n",
        ):
            reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port)
            writer.write(raw)
            await writer.drain()
            data = await asyncio.wait_for(reader.read(), 5)  # read() to EOF: the connection closes
            assert data.startswith((b"HTTP/1.1 400", b"HTTP/1.0 400")), data[:60]
            writer.close()
    assert [r for r in mock.requests if r["path"].startswith("/api/echo")] == []


@pytest.mark.parametrize("path", ["/api/echo/../admin", "/api/echo/%2e%2e/x", "/api/echo//x", "/api/echo/a%2Fb"])
async def test_non_normal_paths_rejected(mock, gateway_factory, path):
    async with gateway_factory(base_config(mock.url)) as gw:
        reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port)
        writer.write(b"GET " + path.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), 5)
        assert data.startswith((b"HTTP/1.1 400", b"HTTP/1.0 400"))
        writer.close()


async def test_slow_body_is_408_and_nothing_forwarded(mock, gateway_factory, tmp_log):
    text = base_config(mock.url, access_log=str(tmp_log)).replace("drain_timeout_s: 5", "drain_timeout_s: 5\n  body_timeout_s: 0.5")
    async with gateway_factory(text) as gw:
        reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port)
        writer.write(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"model\": ")
        await writer.drain()
        data = await asyncio.wait_for(reader.read(4096), 10)
        assert data.startswith(b"HTTP/1.1 408")
        writer.close()
    assert [r for r in mock.requests if r["path"].startswith("/v1/")] == []
    assert read_log(tmp_log)[-1]["status"] == 408


async def test_streamed_generic_body_over_limit_is_cut(mock, gateway_factory):
    async def body():
        for _ in range(64):
            yield b"z" * (64 * 1024)

    async with gateway_factory(base_config(mock.url, max_body=1024 * 1024)) as gw, aiohttp.ClientSession() as s:
        try:
            async with s.post(gw.url + "/api/echo/up", data=body()) as r:
                status = r.status
        except aiohttp.ClientError:
            status = -1  # the gateway may close the connection mid-upload instead
        assert status in (413, -1)
    # The upstream never saw a complete oversize body.
    assert all(r.get("body_len", 0) <= 1024 * 1024 for r in mock.requests)


async def _raw_exchange(port: int, raw: bytes, until_close: bool = True) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(raw)
    await writer.drain()
    try:
        if until_close:
            return await asyncio.wait_for(reader.read(), 10)
        data = b""
        while data.count(b"HTTP/1.") < raw.count(b"HTTP/1.") or not data.endswith(b"}"):
            data += await asyncio.wait_for(reader.read(65536), 10)
        return data
    finally:
        writer.close()


async def test_directly_written_responses_are_well_framed(mock, gateway_factory):
    """Complete responses are serialised by the gateway itself (RawResponse): framing, Date,
    keep-alive rules of HTTP/1.0 and 1.1, HEAD, and pipelining (HTTP-09) must all hold."""
    body = orjson.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]})
    post = (b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    async with gateway_factory(base_config(mock.url)) as gw:
        port = gw.worker.port
        # Two pipelined requests → two responses, in order, each with exactly one Date and its own length.
        data = await _raw_exchange(port, post + post.replace(b"Host: x", b"Host: y"), until_close=False)
        heads = [h for h in data.split(b"HTTP/1.1 ")[1:]]
        assert len(heads) == 2 and all(h.startswith(b"200 OK\r\n") for h in heads)
        for h in heads:
            head, _, rest = h.partition(b"\r\n\r\n")
            lines = head.lower().split(b"\r\n")
            assert sum(1 for ln in lines if ln.startswith(b"date:")) == 1
            cl = int(next(ln for ln in lines if ln.startswith(b"content-length:")).split(b":")[1])
            assert len(orjson.loads(rest[:cl])["choices"]) == 1
        # HTTP/1.0 without keep-alive: Connection: close, and the socket closes.
        data = await _raw_exchange(port, post.replace(b"HTTP/1.1", b"HTTP/1.0"))
        assert b"\r\nConnection: close" in data.split(b"\r\n\r\n")[0]
        # A local error reply has a Date too and says close when the body was not read.
        data = await _raw_exchange(port, b"GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        head = data.split(b"\r\n\r\n")[0].lower()
        assert head.startswith(b"http/1.1 404") and b"\r\ndate: " in head and b"\r\nconnection: close" in head
        # HEAD through a generic route: length announced, no body.
        data = await _raw_exchange(port, b"HEAD /api/echo/h HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        head, _, rest = data.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200") and b"content-length:" in head.lower() and rest == b""


async def test_connection_guards_and_tls(mock, gateway_factory, tmp_path):
    """max_connections → 503 at once; a client that never finishes its first head is cut at
    header_timeout_s (slowloris, HTTP-11); server.tls terminates TLS; request_id_header is honoured."""
    import datetime
    import ssl

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()))
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    text = base_config(mock.url).replace(
        "drain_timeout_s: 5",
        f'drain_timeout_s: 5\n  max_connections: 3\n  header_timeout_s: 0.5\n  request_id_header: X-Correlation-Id\n'
        f'  tls: {{cert: "{tmp_path / "cert.pem"}", key: "{tmp_path / "key.pem"}"}}')
    client_ctx = ssl.create_default_context(cafile=str(tmp_path / "cert.pem"))
    async with gateway_factory(text) as gw:
        url = f"https://localhost:{gw.worker.port}"
        async with aiohttp.ClientSession() as s:
            async with s.post(url + "/v1/chat/completions", ssl=client_ctx,
                              json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "tls"}]}) as r:
                assert r.status == 200 and r.headers["X-Correlation-Id"]
        # Slowloris: half a request line, then silence → the gateway closes the connection.
        reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port, ssl=client_ctx,
                                                       server_hostname="localhost")
        writer.write(b"GET /v1/mod")
        await writer.drain()
        assert await asyncio.wait_for(reader.read(), 10) == b""
        writer.close()
        # Connection cap: 3 held open, the 4th is told 503 and closed.
        held = [await asyncio.open_connection("127.0.0.1", gw.worker.port, ssl=client_ctx, server_hostname="localhost")
                for _ in range(3)]
        r4, w4 = await asyncio.open_connection("127.0.0.1", gw.worker.port, ssl=client_ctx, server_hostname="localhost")
        data = await asyncio.wait_for(r4.read(), 10)
        assert data.startswith(b"HTTP/1.1 503") and b"Retry-After: 1" in data
        for _, w in held + [(r4, w4)]:
            w.close()


async def test_per_ip_connection_cap_before_any_parsing(mock, gateway_factory):
    text = base_config(mock.url) + "throttle:\n  connections: 2\n"
    async with gateway_factory(text) as gw:
        port = gw.worker.port
        held = [await asyncio.open_connection("127.0.0.1", port) for _ in range(2)]
        await asyncio.sleep(0.05)
        r3, w3 = await asyncio.open_connection("127.0.0.1", port)
        data = await asyncio.wait_for(r3.read(), 10)
        assert data.startswith(b"HTTP/1.1 429") and b"too_many_connections" in data
        w3.close()
        # The held connections still work, and closing one frees a place.
        r, w = held[0]
        w.write(b"GET /v1/models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert (await asyncio.wait_for(r.read(), 10)).startswith(b"HTTP/1.1 200")
        await asyncio.sleep(0.1)
        r4, w4 = await asyncio.open_connection("127.0.0.1", port)
        w4.write(b"GET /v1/models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert (await asyncio.wait_for(r4.read(), 10)).startswith(b"HTTP/1.1 200")
        held[1][1].close()
    text = base_config(mock.url) + 'throttle:\n  connections: 1\n  exempt: ["127.0.0.0/8"]\n'
    async with gateway_factory(text) as gw:
        conns = [await asyncio.open_connection("127.0.0.1", gw.worker.port) for _ in range(3)]
        r, w = conns[2]
        w.write(b"GET /v1/models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert (await asyncio.wait_for(r.read(), 10)).startswith(b"HTTP/1.1 200")
        for _, w in conns:
            w.close()


def test_response_fields_are_the_filtered_fields_as_bytes():
    """The relay path's serialiser (bytes in, bytes out) keeps exactly the fields
    filter_response_headers keeps, in order, byte for byte, and says whether one is Date."""
    import random

    from fastgate.server.headers import filter_response_headers, response_fields

    rnd = random.Random(7)
    names = [b"content-type", b"date", b"connection", b"keep-alive", b"x-a", b"transfer-encoding",
             b"content-length", b"x-b", b"trailer", b"set-cookie", b"upgrade"]
    values = [b"1", b"close", b"x-a", b"x-a, X-B", b"keep-alive", b"\xe9t\xe9", b"", b"a b"]
    for _ in range(3000):
        raw = [(rnd.choice(names), rnd.choice(values)) for _ in range(rnd.randint(0, 6))]
        kept = filter_response_headers(raw)
        assert response_fields(raw) == ("".join(f"{k}: {v}\r\n" for k, v in kept).encode("latin-1"),
                                        any(k == "date" for k, _ in kept)), raw


async def test_stream_relays_each_event_as_it_arrives(gateway_factory, tmp_log):
    """The relay joins only what is already buffered: an event is at the client before the upstream
    sends the next one (the upstream here waits for the client to have seen the first)."""
    seen = asyncio.Event()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"

    def ev(text: str, usage: bytes = b"null") -> bytes:
        data = (b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":['
                + (b'{"index":0,"delta":{"content":"%s"},"finish_reason":null}' % text.encode() if text else b"")
                + b'],"usage":' + usage + b"}\n\n")
        return b"%x\r\n%s\r\n" % (len(data), data)

    async def provider(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head_in = await reader.readuntil(b"\r\n\r\n")
        n = int(next(ln for ln in head_in.split(b"\r\n") if ln.lower().startswith(b"content-length:")).split(b":")[1])
        await reader.readexactly(n)
        writer.write(head + ev("first "))
        await writer.drain()
        await asyncio.wait_for(seen.wait(), 5)
        writer.write(ev("second ") + ev("", b'{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}')
                     + b"e\r\ndata: [DONE]\n\n\r\n0\r\n\r\n")
        await writer.drain()
        writer.close()

    srv = await asyncio.start_server(provider, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{srv.sockets[0].getsockname()[1]}"
    try:
        async with gateway_factory(base_config(url, access_log=str(tmp_log), max_retries=0)) as gw, \
                aiohttp.ClientSession() as s:
            async with s.post(gw.url + "/v1/chat/completions",
                              json={"model": "gpt-4o-mini", "stream": True, "stream_options": {"include_usage": True},
                                    "messages": [{"role": "user", "content": "hi"}]}) as r:
                assert r.status == 200
                got = b""
                while b"first " not in got:
                    got += await asyncio.wait_for(r.content.readany(), 5)
                seen.set()
                got += await r.content.read()
        assert got.count(b"data: ") == 4 and got.endswith(b"data: [DONE]\n\n")
        assert got.index(b"first ") < got.index(b"second ")
    finally:
        srv.close()
        await srv.wait_closed()
    rec = read_log(tmp_log)[-1]
    assert rec["status"] == 200 and (rec["prompt_tokens"], rec["completion_tokens"]) == (7, 2)


@pytest.mark.parametrize("path", ["sse", "passthrough"])
async def test_slow_client_pauses_the_upstream_through_the_relay(mock, gateway_factory, path):
    """HTTP-13 through the gateway: a client that stops reading stops the gateway reading the
    upstream (whose writes then stay buffered on its side), for the SSE relay and the pass-through."""
    import socket

    async with gateway_factory(base_config(mock.url, max_body=4 * 1024 * 1024)) as gw:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", gw.worker.port))
        reader, writer = await asyncio.open_connection(sock=sock, limit=1 << 20)
        if path == "sse":
            words = 60000  # one event per word: ~10 MB of SSE, far more than the socket buffers hold
            body = orjson.dumps({"model": "gpt-4o-mini", "stream": True, "max_tokens": words,
                                 "messages": [{"role": "user", "content": "w " * words}]})
            writer.write(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Connection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        else:
            n = 24 << 20
            writer.write(b"GET /raw/__mock/bytes?n=%d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % n)
        up = None
        for _ in range(500):  # the client reads nothing: the upstream must end up stalled
            up = next((c for c in mock._conns if c.transport is not None
                       and c.transport.get_write_buffer_size() > 0), None)
            if up is not None:
                break
            await asyncio.sleep(0.01)
        assert up is not None
        await asyncio.sleep(0.5)
        assert up.transport.get_write_buffer_size() > 0  # still held on the upstream's side
        raw = await asyncio.wait_for(reader.read(), 30)
        writer.close()
    head, _, rest = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and b"transfer-encoding: chunked" in head.lower()
    parts, i = [], 0
    while True:  # de-chunk
        j = rest.index(b"\r\n", i)
        size = int(rest[i:j], 16)
        if size == 0:
            break
        parts.append(rest[j + 2:j + 2 + size])
        i = j + 4 + size
    body = b"".join(parts)
    if path == "sse":
        assert body.count(b"data: ") == words + 3 and body.endswith(b"data: [DONE]\n\n")
    else:
        assert len(body) == n
