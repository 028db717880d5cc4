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
                usage_db: str | None = None, jwks: dict | None = None) -> str:
    """The demo's config text: auth on (the dev key's JWKS inline), one ``default`` policy for all with
    request/token/concurrency limits (one process: the ``local`` limiter) and PII masked both ways."""
    import orjson

    from .devkeys import DEMO_AUDIENCE, DEMO_ISSUER, load_or_create_demo_key, public_jwks

    if usage_db is None:
        usage_db = os.path.join(tempfile.gettempdir(), f"fastgate-demo-usage-{os.getuid()}.sqlite")
    if jwks is None:
        jwks = public_jwks([load_or_create_demo_key()])
    jwks_text = orjson.dumps(jwks).decode()  # JSON is YAML flow syntax
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
        auth:
          jwt:
            - issuer: "{DEMO_ISSUER}"
              audiences: ["{DEMO_AUDIENCE}"]
              algorithms: [RS256]
              jwks: {jwks_text}
        policies:
          - name: default
            match: {{}}
            models: ["*"]
            limits:
              - {{key: subject, requests: 60, per: 1m}}
              - {{key: subject, tokens: 200000, per: 1m}}
              - {{key: subject, concurrency: 8}}
            pii: {{request: mask, response: mask}}
        rate_limit:
          backend: local
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


def demo_token() -> str:
    """A ready token for the banner: signed by the demo key, valid for a day."""
    from .devkeys import load_or_create_demo_key, mint_token

    return mint_token(load_or_create_demo_key(), sub="demo-user", groups=["demo"], scope="llm:invoke",
                      tenant="demo", ttl_s=86400)


def banner(url: str, admin_url: str, token: str = "") -> str:
    return textwrap.dedent(f"""\

        fastgate demo is running (Ctrl-C to stop)
          gateway  {url}
          admin    {admin_url}   (/metrics /readyz /admin/config)
          auth     JWT (dev key, issuer https://fastgate.demo/); this token is valid for 24 h,
                   mint others with: fastgate token --sub you --groups demo --scope llm:invoke
          limits   60 requests/min, 200k tokens/min, 8 in flight per subject (x-ratelimit-* headers)
          PII      masked both ways: say "mail me at jane@example.com" and the provider sees [EMAIL]

        Try it:

          curl -s {url}/v1/chat/completions \\
            -H 'Authorization: Bearer {token}' \\
            -H 'Content-Type: application/json' \\
            -d '{{"model": "gpt-4o-mini", "messages": [{{"role": "user", "content": "Hello, gateway!"}}]}}'

          python - <<'EOF'
          from openai import OpenAI
          client = OpenAI(base_url="{url}/v1", api_key="{token}")
          r = client.chat.completions.create(model="gpt-4o-mini",
                                             messages=[{{"role": "user", "content": "Hi from the SDK"}}])
          print(r.choices[0].message.content, r.usage)
          EOF

          curl -sN {url}/v1/chat/completions \\
            -H 'Authorization: Bearer {token}' \\
            -H 'Content-Type: application/json' \\
            -d '{{"model": "gpt-4o-mini", "stream": true, "messages": [{{"role": "user", "content": "stream me"}}]}}'
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
    print(banner(gw.url, gw.admin_url, demo_token()), file=sys.stderr, flush=True)
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
    """``fastgate token``: print a signed dev JWT (demo key unless ``--key PEM``) on stdout."""
    import orjson

    from .config import parse_duration
    from .devkeys import DEMO_AUDIENCE, DEMO_ISSUER, load_or_create_demo_key, load_private_key, mint_token

    try:
        ttl = parse_duration(args.ttl)
        extra: dict = {}
        for item in args.claim or ():
            name, sep, value = item.partition("=")
            if not sep or not name:
                raise ValueError(f"--claim {item!r}: expected NAME=JSON")
            try:
                extra[name] = orjson.loads(value)
            except orjson.JSONDecodeError:
                raise ValueError(f"--claim {item!r}: the value is not JSON (quote strings: NAME='\"text\"')") from None
        if args.key:
            with open(args.key, "rb") as f:
                key = load_private_key(f.read())
        else:
            key = load_or_create_demo_key()
    except (OSError, ValueError, TypeError) as e:
        print(f"fastgate token: {e}", file=sys.stderr)
        return 2
    groups = [g.strip() for g in (args.groups or "").split(",") if g.strip()]
    print(mint_token(key, sub=args.sub, groups=groups, scope=args.scope or "", tenant=args.tenant,
                     aud=args.aud or DEMO_AUDIENCE, iss=args.iss or DEMO_ISSUER, ttl_s=ttl, claims=extra))
    return 0
