"""``fastgate demo``: the embedded default. One command, offline, no Redis, no config file.

Starts the mock LLM upstream, builds a sample config around it, runs the gateway in this process
and prints copy-paste ``curl`` and OpenAI-SDK snippets that work against it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import tempfile
import textwrap

DEMO_MOCK_KEY = "sk-mock-demo"


def demo_config(port: int, mock_url: str, admin_port: int = 0, access_log: str = "stdout",
                usage_db: str | None = None) -> str:
    if usage_db is None:
        usage_db = os.path.join(tempfile.gettempdir(), f"fastgate-demo-usage-{os.getuid()}.sqlite")
    return textwrap.dedent(f"""\
        server:
          listen: "127.0.0.1:{port}"
          admin_listen: "127.0.0.1:{admin_port}"
          workers: 1
        providers:
          mock-openai:
            type: openai
            base_url: "{mock_url}/v1"
            api_key: "{DEMO_MOCK_KEY}"
            timeout_s: 30
          mock-anthropic:
            type: anthropic
            base_url: "{mock_url}"
            api_key: "{DEMO_MOCK_KEY}"
            timeout_s: 30
        models:
          gpt-4o-mini:
            targets: [{{provider: mock-openai, model: gpt-4o-mini}}]
            context_window: 128000
            price: {{input_per_mtok: 0.15, output_per_mtok: 0.60}}
          claude-haiku:
            targets: [{{provider: mock-anthropic, model: claude-3-5-haiku-latest}}]
            price: {{input_per_mtok: 0.80, output_per_mtok: 4.00}}
        routes:
          - name: echo
            path_prefix: /api/echo/
            upstream: {{targets: [{{url: "{mock_url}"}}]}}
            auth: off
        logging:
          access_log: {access_log}
        usage:
          path: "{usage_db}"
        """)


def banner(url: str, admin_url: str) -> str:
    return textwrap.dedent(f"""\

        fastgate demo is running (Ctrl-C to stop)
          gateway  {url}
          admin    {admin_url}   (/metrics /readyz /admin/config)

        Try it:

          curl -s {url}/v1/chat/completions \\
            -H 'Content-Type: application/json' \\
            -d '{{"model": "gpt-4o-mini", "messages": [{{"role": "user", "content": "Hello, gateway!"}}]}}'

          curl -sN {url}/v1/chat/completions \\
            -H 'Content-Type: application/json' \\
            -d '{{"model": "gpt-4o-mini", "stream": true, "messages": [{{"role": "user", "content": "stream me"}}]}}'

          python - <<'EOF'
          from openai import OpenAI
          client = OpenAI(base_url="{url}/v1", api_key="demo")
          r = client.chat.completions.create(model="gpt-4o-mini",
                                             messages=[{{"role": "user", "content": "Hi from the SDK"}}])
          print(r.choices[0].message.content, r.usage)
          EOF
        """)


async def start_demo(port: int, *, access_log: str = "stdout", admin_port: int = 0):
    """Start mock + gateway in this loop; returns (mock, gateway) for the caller to stop."""
    from ._testbase import InProcessGateway
    from .mock_upstream import MockUpstream

    mock = MockUpstream("127.0.0.1", 0)
    await mock.start()
    gw = InProcessGateway(demo_config(port, mock.url, admin_port, access_log))
    await gw.start()
    return mock, gw


async def _run(port: int, wait: bool) -> int:
    mock, gw = await start_demo(port)
    print(banner(gw.url, gw.admin_url), file=sys.stderr, flush=True)
    if wait:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGINT, stop.set)
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
    await gw.stop()
    await mock.stop()
    return 0


def run(args: argparse.Namespace) -> int:
    import uvloop

    return uvloop.run(_run(args.port, not getattr(args, "no_wait", False)))


def token_main(args: argparse.Namespace) -> int:
    print("fastgate token: JWT minting arrives with the identity stage", file=sys.stderr)
    return 2
