#!/usr/bin/env python3
"""Record the exact request bytes real HTTP clients send, for the ``reqhead`` differential tests.

    .venv/bin/python tests/data/reqhead/capture.py   # rewrites tests/data/reqhead/client_requests.jsonl

A raw asyncio TCP server on a free loopback port reads each request whole (head, then a
Content-Length or chunked body), answers ``100 Continue`` when asked and then a small
``chat.completion`` JSON with ``Connection: close``, and stores the bytes. The clients are the real
ones: curl (GET, JSON POST, chunked upload, Expect), the openai SDK (chat and embeddings), aiohttp's client (JSON,
a streamed chunked body, GET) and wrk. One JSON object per line: ``client`` and ``raw`` (the bytes
as a latin-1 string).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).with_name("client_requests.jsonl")
ANSWER = json.dumps({"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "gpt-4o-mini",
                     "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"},
                                  "finish_reason": "stop"}],
                     "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Say hi"}]}


async def read_request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    low = head.lower()
    raw = head
    if b"expect: 100-continue" in low:
        writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    if b"transfer-encoding: chunked" in low:
        while not raw.endswith(b"\r\n0\r\n\r\n") and not raw.endswith(b"\r\n\r\n0\r\n\r\n"):
            piece = await reader.read(65536)
            if not piece:
                break
            raw += piece
    else:
        for line in low.split(b"\r\n"):
            if line.startswith(b"content-length:"):
                raw += await reader.readexactly(int(line.split(b":", 1)[1]))
    return raw


async def main() -> None:
    got: list[bytes] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            got.append(await read_request(reader, writer))
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(ANSWER) + ANSWER)
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    records: list[dict[str, str]] = []

    async def take(client: str) -> None:
        for _ in range(200):
            if got:
                break
            await asyncio.sleep(0.01)
        assert got, f"nothing received from {client}"
        records.append({"client": client, "raw": got.pop(0).decode("latin-1")})
        got.clear()

    async def run(client: str, argv: list[str], stdin: bytes | None = None) -> None:
        proc = await asyncio.create_subprocess_exec(*argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                                    stderr=subprocess.DEVNULL)
        await proc.communicate(stdin)
        await take(client)

    body = json.dumps(CHAT).encode()
    if shutil.which("curl"):
        await run("curl GET", ["curl", "-s", f"{base}/v1/models"])
        await run("curl POST json", ["curl", "-s", "-H", "Content-Type: application/json",
                                     "-H", "Authorization: Bearer sk-test", "-d", body.decode(),
                                     f"{base}/v1/chat/completions"])
        await run("curl POST chunked", ["curl", "-s", "-H", "Transfer-Encoding: chunked", "-H",
                                        "Content-Type: application/json", "--data-binary", "@-",
                                        f"{base}/v1/chat/completions"], stdin=body)
        await run("curl POST expect", ["curl", "-s", "-H", "Expect: 100-continue", "-H",
                                       "Content-Type: application/json", "--data-binary", "@-",
                                       f"{base}/v1/chat/completions"], stdin=body)
        await run("curl HTTP/1.0", ["curl", "-s", "-0", f"{base}/healthz"])
    if shutil.which("wrk"):
        await run("wrk GET", ["wrk", "-t1", "-c1", "-d1s", "-H", "Authorization: Bearer sk-test",
                              f"{base}/v1/models"])

    import aiohttp
    import openai

    client = openai.AsyncOpenAI(api_key="sk-test", base_url=f"{base}/v1", max_retries=0)
    await client.chat.completions.create(**CHAT)
    await take("openai SDK chat.completions")

    try:
        await client.embeddings.create(model="text-embedding-3-small", input="hi")
    except ValueError:
        pass  # the canned answer is a chat completion; the request is what is recorded
    await take("openai SDK embeddings")
    await client.close()
    async with aiohttp.ClientSession() as s:
        async with s.post(f"{base}/v1/chat/completions", json=CHAT, headers={"Authorization": "Bearer sk-test"}) as r:
            await r.read()
        await take("aiohttp POST json")

        async def gen():
            yield body[:20]
            yield body[20:]

        async with s.post(f"{base}/v1/chat/completions", data=gen(),
                          headers={"Content-Type": "application/json"}) as r:
            await r.read()
        await take("aiohttp POST chunked")
        async with s.get(f"{base}/v1/models?limit=2") as r:
            await r.read()
        await take("aiohttp GET")

    server.close()
    with OUT.open("w") as f:
        for rec in records:
            f.write(json.dumps(rec) + "\n")
    print(f"{len(records)} requests → {OUT}", file=sys.stderr)


if __name__ == "__main__":
    os.environ.setdefault("NO_PROXY", "*")
    asyncio.run(main())
