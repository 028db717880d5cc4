"""A served request leaves no reference cycles behind.

``server.gc_threshold`` (default 10,000) collects the young generation rarely, and ``gc_freeze``
takes the long-lived heap out of full collections: that is safe because the request paths free
everything by reference counting. A path that starts leaving cycles (an exception kept with its
traceback, a future holding its own callback owner, a closure over its frame) would only be freed by
the collector, later and at a cost, and would hold request bodies meanwhile. This test runs each
kind of request with the collector off and checks that a collection then finds nothing.

The upstream is a real ``fastgate mock-upstream`` process and the client is raw asyncio streams, so
the only code in this process besides pytest is the gateway's.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import json
import re
import subprocess
import sys
import textwrap
import time
import types
from collections import Counter
from collections.abc import AsyncIterator

import pytest
from conftest import ENGINE, free_port

from fastgate.pipeline.context import RequestContext

API_KEY = "fg-cycles-test-key"
SHA = hashlib.sha256(API_KEY.encode()).hexdigest()


@pytest.fixture
async def mock_proc() -> AsyncIterator[str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "fastgate", "mock-upstream", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        end = time.monotonic() + 30
        while True:
            try:
                _, w = await asyncio.open_connection("127.0.0.1", port)
                w.close()
                break
            except OSError:
                if time.monotonic() > end or proc.poll() is not None:
                    raise AssertionError("mock upstream did not start") from None
                await asyncio.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


def config(mock_url: str, log: str) -> str:
    return textwrap.dedent(f"""\
        server:
          listen: "127.0.0.1:0"
          admin_listen: "127.0.0.1:0"
          engine: {ENGINE}
        auth:
          api_keys:
            - {{name: bot, sha256: "{SHA}", subject: bot, tenant: acme, scopes: ["llm:invoke"]}}
        providers:
          mock: {{type: openai, base_url: "{mock_url}/v1", api_key: "sk-provider", max_retries: 0}}
        models:
          gpt-4o-mini:
            targets: [{{provider: mock, model: gpt-4o-mini}}]
            price: {{input_per_mtok: 0.15, output_per_mtok: 0.60}}
        policies:
          - name: all
            match: {{}}
            models: ["*"]
            limits:
              - {{key: subject, requests: 1000000, per: 1m}}
              - {{key: subject, tokens: 1000000000, per: 1m}}
            pii: {{request: mask, response: mask}}
        routes:
          - name: echo
            path_prefix: /api/echo/
            upstream: {{targets: [{{url: "{mock_url}"}}]}}
            auth: "off"
        logging:
          access_log: "{log}"
        usage: {{store: off}}
        """)


def _chat(stream: bool) -> bytes:
    return json.dumps({"model": "gpt-4o-mini", "stream": stream, "messages": [
        {"role": "user", "content": "Mail jane.doe@example.com or call 555-123-4567 about card 4111 1111 1111 1111."}]}).encode()


def _raw(method: str, path: str, body: bytes = b"", auth: str | None = API_KEY) -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: gw\r\n"
    if auth is not None:
        head += f"Authorization: Bearer {auth}\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes) -> int:
    writer.write(raw)
    head = await reader.readuntil(b"\r\n\r\n")
    m = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
    if m:
        await reader.readexactly(int(m.group(1)))
    else:  # chunked (a stream): to the last chunk
        buf = b""
        while not buf.endswith(b"\r\n0\r\n\r\n"):
            buf += await reader.read(65536)
    return int(head[9:12])


async def _mock_faults(mock_url: str, faults: list[dict]) -> None:
    port = int(mock_url.rsplit(":", 1)[1])
    body = json.dumps({"faults": faults}).encode()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /__mock/faults HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\n"
                 b"Connection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
    assert (await reader.read())[9:12] == b"200"
    writer.close()


#: Cases where the upstream connection is dropped each time (see the test).
CONNECTION_SCOPED = {"chat-stream-upstream-reset", "chat-upstream-truncate"}

#: The mock's failure mode (``fail``) of the cases that need one, for every request.
FAULTS = {"chat-stream-upstream-reset": "reset-after-first-chunk", "chat-upstream-truncate": "truncate"}

CASES = {
    "chat": (_raw("POST", "/v1/chat/completions", _chat(False)), 200),
    # the upstream resets mid-stream: the relay ends the stream with an SSE error event
    "chat-stream-upstream-reset": (_raw("POST", "/v1/chat/completions", _chat(True)), 200),
    # the upstream's answer ends short: 502 from the error the response read raised
    "chat-upstream-truncate": (_raw("POST", "/v1/chat/completions", _chat(False)), 502),
    "chat-stream": (_raw("POST", "/v1/chat/completions", _chat(True)), 200),
    "route": (_raw("GET", "/api/echo/items?x=1", auth=None), 200),
    "unauthenticated": (_raw("POST", "/v1/chat/completions", _chat(False), auth="wrong-key"), 401),
    "bad-json": (_raw("POST", "/v1/chat/completions", b"{not json"), 400),
    "no-route": (_raw("GET", "/nowhere", auth=None), 404),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_requests_leave_no_reference_cycles(mock_proc, gateway_factory, tmp_path, case):
    raw, status = CASES[case]
    if case in FAULTS:
        await _mock_faults(mock_proc, [{"fail": FAULTS[case], "times": 1000}])
    async with gateway_factory(config(mock_proc, str(tmp_path / "access.log"))) as gw:
        reader, writer = await asyncio.open_connection("127.0.0.1", gw.worker.port)
        try:
            for _ in range(20):  # warm-up: caches, pools, lazily built state
                assert await _exchange(reader, writer, raw) == status
            await asyncio.sleep(0.1)  # timers of the warm-up (flushes) have run
            was = gc.isenabled()
            gc.collect()
            gc.disable()
            gc.set_debug(gc.DEBUG_SAVEALL)
            try:
                for _ in range(50):
                    assert await _exchange(reader, writer, raw) == status
                found = gc.collect()
                kinds = Counter(type(o).__name__ for o in gc.garbage).most_common(10)
                # request-scoped objects (and the frames that would hold them) among the garbage
                held = Counter(type(o).__name__ for o in gc.garbage
                               if isinstance(o, (RequestContext, types.FrameType, types.TracebackType))
                               or type(o).__name__ in ("Request", "Body"))
            finally:
                gc.set_debug(0)
                gc.garbage.clear()
                if was:
                    gc.enable()
            if case in CONNECTION_SCOPED:
                # A connection the upstream reset is dropped; its parser's callbacks are bound
                # methods of the connection object (a cycle per dropped connection, freed by the
                # collector). Nothing of the request may be in a cycle: not its context, its body
                # or the frames of the failure's traceback.
                assert not held, f"{case}: request-scoped objects in reference cycles: {held} (all: {kinds})"
                assert found <= 50 * 20, f"{case}: {found} objects in reference cycles: {kinds}"
            else:
                assert found == 0, f"{case}: 50 requests left {found} objects in reference cycles: {kinds}"
        finally:
            writer.close()
