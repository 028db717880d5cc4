"""A plain aiohttp reverse proxy: the "what aiohttp alone costs" reference of bench/run.py.

Row A5b of shared/docs/perf-baseline.md: aiohttp's low-level ``web.Server`` (no router), one
shared ``ClientSession`` for every upstream call, uvloop. It forwards any method and path to one
upstream, copies end-to-end headers both ways and streams responses that have no
Content-Length (SSE), so every bench scenario can run through it. It does nothing a gateway does
(no auth, limits, PII, logging): the difference between it and fastgate is fastgate's own cost.

    python bench/ref_aiohttp_proxy.py --port 18081 --upstream http://127.0.0.1:18000
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

import aiohttp
from aiohttp import web
from multidict import CIMultiDict

# RFC 9110 §7.6.1: connection-specific fields are not forwarded; the framing fields are
# recomputed by each side (aiohttp writes its own Content-Length / chunked coding).
HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
    "te", "trailer", "transfer-encoding", "upgrade", "content-length", "host",
})


def end_to_end(headers: CIMultiDict[str] | aiohttp.typedefs.LooseHeaders) -> CIMultiDict[str]:
    """The headers of a message minus the hop-by-hop ones (and minus framing, recomputed)."""
    out: CIMultiDict[str] = CIMultiDict()
    for k, v in headers.items():  # type: ignore[union-attr]
        if k.lower() not in HOP_BY_HOP:
            out.add(k, v)
    return out


async def serve(host: str, port: int, upstream: str) -> None:
    """Run the proxy until SIGTERM/SIGINT."""
    # Like A5b: one session, no cookie jar work, no per-request timeout object, no decompression
    # (bytes are relayed as they are), unlimited pool so 256 client connections never queue.
    session = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0, ttl_dns_cache=None),
        cookie_jar=aiohttp.DummyCookieJar(),
        auto_decompress=False,
        timeout=aiohttp.ClientTimeout(total=None),
    )
    base = upstream.rstrip("/")

    async def handler(request: web.BaseRequest) -> web.StreamResponse:
        body = await request.read()
        async with session.request(
            request.method,
            base + request.raw_path,
            headers=end_to_end(request.headers),
            data=body if body else None,
            allow_redirects=False,
        ) as up:
            headers = end_to_end(up.headers)
            if up.content_length is not None:
                return web.Response(status=up.status, body=await up.read(), headers=headers)
            # No length (chunked / SSE): relay each piece as it arrives.
            resp = web.StreamResponse(status=up.status, headers=headers)
            await resp.prepare(request)
            async for chunk in up.content.iter_any():
                await resp.write(chunk)
            await resp.write_eof()
            return resp

    loop = asyncio.get_running_loop()
    server = web.Server(handler)
    srv = await loop.create_server(server, host, port, backlog=4096, reuse_address=True)
    print(f"ref_aiohttp_proxy listening on http://{host}:{port} -> {base}", file=sys.stderr, flush=True)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    try:
        await stop.wait()
    finally:
        srv.close()
        await server.shutdown(1.0)
        await session.close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--upstream", required=True, help="base URL, e.g. http://127.0.0.1:18000")
    p.add_argument("--no-uvloop", action="store_true", help="stock asyncio loop (perf-baseline A5-asyncio)")
    args = p.parse_args(argv)
    if args.no_uvloop:
        asyncio.run(serve(args.host, args.port, args.upstream))
    else:
        import uvloop

        uvloop.run(serve(args.host, args.port, args.upstream))
    return 0


if __name__ == "__main__":
    sys.exit(main())
