"""Token accounting end to end: provider usage, injected include_usage, torn SSE, disconnects, ledger."""

from __future__ import annotations

import asyncio

import aiohttp
import orjson
from conftest import base_config, read_log
from faultproxy import FaultProxy

CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "count these words please"}]}


async def _post(url: str, body: dict) -> tuple[int, bytes]:
    async with aiohttp.ClientSession() as s, s.post(url + "/v1/chat/completions", json=body) as r:
        return r.status, await r.read()


async def test_non_stream_usage_cost_and_metrics(mock, gateway_factory, tmp_log):
    async with gateway_factory(base_config(mock.url, access_log=str(tmp_log))) as gw:
        status, body = await _post(gw.url, CHAT)
        assert status == 200
        usage = orjson.loads(body)["usage"]
        gw.worker.access_log.flush()
        async with aiohttp.ClientSession() as s, s.get(gw.admin_url + "/metrics") as r:
            metrics = await r.text()
    rec = read_log(tmp_log)[-1]
    assert rec["tokens_source"] == "provider"
    assert rec["prompt_tokens"] == usage["prompt_tokens"] and rec["completion_tokens"] == usage["completion_tokens"]
    expected = (usage["prompt_tokens"] * 0.15 + usage["completion_tokens"] * 0.60) / 1e6
    assert abs(rec["cost_usd"] - expected) < 1e-12
    assert f'fastgate_tokens_total{{model="gpt-4o-mini",type="input"}} {usage["prompt_tokens"]}' in metrics


async def test_stream_usage_chunk_injected_then_dropped(mock, gateway_factory, tmp_log):
    async with gateway_factory(base_config(mock.url, access_log=str(tmp_log))) as gw:
        status, body = await _post(gw.url, {**CHAT, "stream": True})
        assert status == 200
        gw.worker.access_log.flush()
    # The provider was asked for usage on the client's behalf...
    sent = orjson.loads(mock.requests[-1]["body"])
    assert sent["stream_options"] == {"include_usage": True}
    # ...and the client, which did not ask, never sees it.
    assert b'"usage"' not in body and body.rstrip().endswith(b"data: [DONE]")
    rec = read_log(tmp_log)[-1]
    assert rec["tokens_source"] == "provider" and rec["completion_tokens"] > 0


async def test_stream_usage_kept_when_client_asked(mock, gateway_factory):
    from openai import AsyncOpenAI

    async with gateway_factory(base_config(mock.url)) as gw:
        client = AsyncOpenAI(base_url=gw.url + "/v1", api_key="x", max_retries=0)
        stream = await client.chat.completions.create(stream=True, stream_options={"include_usage": True}, **CHAT)
        usages = [c.usage async for c in stream if c.usage]
        assert len(usages) == 1 and usages[0].prompt_tokens > 0


async def test_usage_parsed_from_sse_torn_across_tcp_reads(mock, gateway_factory, tmp_log):
    proxy = await FaultProxy("127.0.0.1", mock.port, slice_size=7).start()
    try:
        async with gateway_factory(base_config(proxy.url, access_log=str(tmp_log))) as gw:
            status, body = await _post(gw.url, {**CHAT, "stream": True})
            assert status == 200
            gw.worker.access_log.flush()
        assert b'"usage"' not in body
        events = [e for e in body.split(b"\n\n") if e]
        assert all(e.startswith(b"data: ") for e in events)  # framing intact after re-assembly
        rec = read_log(tmp_log)[-1]
        assert rec["tokens_source"] == "provider" and rec["completion_tokens"] == len("echo: count these words please".split())
    finally:
        await proxy.stop()


async def test_disconnect_mid_stream_bills_delivered_tokens(gateway_factory, tmp_log):
    from fastgate.mock_upstream import MockUpstream

    slow = MockUpstream("127.0.0.1", 0, tokens_per_s=50)
    await slow.start()
    try:
        async with gateway_factory(base_config(slow.url, access_log=str(tmp_log))) as gw:
            words = " ".join(f"w{i}" for i in range(300))
            reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port)
            body = orjson.dumps({"model": "gpt-4o-mini", "stream": True, "max_tokens": 1000,
                                 "messages": [{"role": "user", "content": words}]})
            writer.write(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            await writer.drain()
            got = b""
            while got.count(b"data: ") < 12:
                got += await reader.read(4096)
            writer.transport.abort()
            for _ in range(100):
                lines = read_log(tmp_log)
                if lines:
                    break
                await asyncio.sleep(0.05)
        rec = read_log(tmp_log)[-1]
        assert rec["status"] == 499
        assert rec["tokens_source"] == "estimate"
        assert rec["prompt_tokens"] > 0
        # Billed for what was delivered: some tokens, far fewer than the full 300-word answer.
        assert 5 <= rec["completion_tokens"] < 200
    finally:
        await slow.stop()


async def test_admin_usage_aggregates(mock, gateway_factory, tmp_path):
    db = tmp_path / "usage.sqlite"
    async with gateway_factory(base_config(mock.url, usage_db=str(db))) as gw:
        for _ in range(3):
            status, _ = await _post(gw.url, CHAT)
            assert status == 200
        async with aiohttp.ClientSession() as s:
            async with s.get(gw.admin_url + "/admin/usage", params={"group_by": "model"}) as r:
                data = await r.json()
            async with s.get(gw.admin_url + "/admin/usage", params={"group_by": "nope"}) as r:
                assert r.status == 400
            async with s.get(gw.admin_url + "/admin/usage", params={"since": "2999-01-01"}) as r:
                assert (await r.json())["rows"] == []
    row = data["rows"][0]
    assert row["model"] == "gpt-4o-mini" and row["requests"] == 3 and row["cost_usd"] > 0


async def test_redis_ledger_when_limits_use_redis(mock, gateway_factory, redis_server):
    text = base_config(mock.url).replace("usage: {store: off}", f'usage: {{store: redis, redis_url: "{redis_server}", '
                                                                  f'key_prefix: "t:usage:", flush_interval_s: 0.1}}')
    async with gateway_factory(text) as gw:
        for _ in range(4):
            status, _ = await _post(gw.url, CHAT)
            assert status == 200
        async with aiohttp.ClientSession() as s, s.get(gw.admin_url + "/admin/usage",
                                                        params={"group_by": "model"}) as r:
            data = await r.json()
    assert data["rows"][0]["requests"] == 4 and data["rows"][0]["cost_usd"] > 0
    import redis.asyncio as aioredis

    r = aioredis.from_url(redis_server)
    keys = [k async for k in r.scan_iter(match="t:usage:*")]
    await r.aclose()
    assert len(keys) == 1


def test_usage_stage_parses_anthropic_stream_split_anywhere():
    """Real-shaped Anthropic events (as the mock and the API send them), cut at every offset."""
    from types import SimpleNamespace

    from fastgate.stages.usage import UsageStage
    from fastgate.tokencount import TokenCounter

    events = (
        b'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant",'
        b'"content":[],"model":"claude","stop_reason":null,"usage":{"input_tokens":25,"output_tokens":1}}}\n\n'
        b'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n'
        b'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi there"}}\n\n'
        b'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":7}}\n\n'
        b'event: message_stop\ndata: {"type":"message_stop"}\n\n'
    )
    world = SimpleNamespace(token_counter=TokenCounter.create("estimate"), config=SimpleNamespace(policies=(), models={}))
    stage = UsageStage(world, "messages")
    for cut in range(1, len(events)):
        st = stage_ctx = SimpleNamespace(stream_state=None, status=200)
        from fastgate.stages.usage import StreamUsage

        stage_ctx.stream_state = StreamUsage(False)
        # The handler hands stages whole events only: emulate its re-assembly of a torn read.
        first, second = events[:cut], events[cut:]
        boundary = first.rfind(b"\n\n")
        pieces = [first[: boundary + 2], first[boundary + 2:] + second] if boundary >= 0 else [first + second]
        for piece in pieces:
            stage.on_chunk(stage_ctx, piece, False)
        st = stage_ctx.stream_state
        assert (st.prompt, st.completion) == (25, 7), cut


async def test_opentelemetry_genai_metrics_recorded(mock, gateway_factory):
    from prometheus_client.parser import text_string_to_metric_families

    async with gateway_factory(base_config(mock.url)) as gw:
        status, body = await _post(gw.url, CHAT)
        assert status == 200
        usage = orjson.loads(body)["usage"]
        status, _ = await _post(gw.url, {**CHAT, "stream": True})
        assert status == 200
        async with aiohttp.ClientSession() as s, s.get(gw.admin_url + "/metrics") as r:
            fams = {f.name: f for f in text_string_to_metric_families(await r.text())}
    tok = fams["gen_ai_client_token_usage"]
    sums = {smp.labels["gen_ai_token_type"]: smp.value for smp in tok.samples if smp.name.endswith("_sum")}
    assert sums["input"] >= usage["prompt_tokens"] and sums["output"] >= usage["completion_tokens"]
    dur = [smp for smp in fams["gen_ai_client_operation_duration_seconds"].samples if smp.name.endswith("_count")]
    assert sum(smp.value for smp in dur) == 2
    ttft = [smp for smp in fams["gen_ai_server_time_to_first_token_seconds"].samples if smp.name.endswith("_count")]
    assert sum(smp.value for smp in ttft) == 1  # only the stream has a first token
