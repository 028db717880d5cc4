"""Shared fixtures: a real mock upstream on a real socket, an in-process gateway, redis-server."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


#: The data-plane server the suite runs on (``server.engine``); CI runs the core files on both.
ENGINE = os.environ.get("FASTGATE_TEST_ENGINE", "native")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
async def mock() -> AsyncIterator:
    from fastgate.mock_upstream import MockUpstream

    m = MockUpstream("127.0.0.1", 0)
    await m.start()
    try:
        yield m
    finally:
        await m.stop()


def base_config(mock_url: str, *, extra: str = "", access_log: str = "off", max_body: int = 1048576,
                max_retries: int = 2, timeout_s: float = 10, usage_db: str | None = None) -> str:
    usage = f'usage: {{path: "{usage_db}", flush_interval_s: 0.2}}' if usage_db else "usage: {store: off}"
    return textwrap.dedent(f"""\
        server:
          listen: "127.0.0.1:0"
          admin_listen: "127.0.0.1:0"
          max_body_bytes: {max_body}
          drain_timeout_s: 5
          engine: {ENGINE}
        providers:
          mock:
            type: openai
            base_url: "{mock_url}/v1"
            api_key: "sk-provider-key"
            timeout_s: {timeout_s}
            max_retries: {max_retries}
        models:
          gpt-4o-mini:
            targets: [{{provider: mock, model: gpt-4o-mini}}]
            price: {{input_per_mtok: 0.15, output_per_mtok: 0.60}}
        routes:
          - name: echo
            path_prefix: /api/echo/
            upstream: {{targets: [{{url: "{mock_url}"}}]}}
            auth: off
          - name: raw
            path_prefix: /raw/
            strip_prefix: true
            upstream: {{targets: [{{url: "{mock_url}"}}]}}
            auth: off
        logging:
          access_log: {access_log}
        """) + usage + "\n" + textwrap.dedent(extra)


@pytest.fixture
def gateway_factory() -> Callable:
    """``async with gateway_factory(config_text) as gw`` → an InProcessGateway."""
    from fastgate._testbase import InProcessGateway

    def make(text: str) -> InProcessGateway:
        return InProcessGateway(text)

    return make


@pytest.fixture
def tmp_log(tmp_path: Path) -> Path:
    return tmp_path / "access.log"


def read_log(path: Path) -> list[dict]:
    import orjson

    if not path.exists():
        return []
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def redis_server() -> AsyncIterator[str]:
    """A private redis-server on a free port. In CI (FASTGATE_REQUIRE_REDIS=1) a missing binary fails."""
    exe = shutil.which("redis-server")
    if exe is None:
        if os.environ.get("FASTGATE_REQUIRE_REDIS"):
            pytest.fail("redis-server is required (FASTGATE_REQUIRE_REDIS=1) but not installed")
        pytest.skip("redis-server not installed")
    port = free_port()
    d = tempfile.mkdtemp(prefix="fastgate-redis-")
    proc = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", d], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
        except OSError:
            time.sleep(0.02)
    else:
        proc.kill()
        pytest.fail("redis-server did not start")
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(5)
        shutil.rmtree(d, ignore_errors=True)


# ---------------------------------------------------------------- diagnosing a stuck event-loop close
# If closing a test's event loop waits more than 30 s for tasks that ignore cancellation, print
# each such task's stack to the real stderr (pytest captures sys.stderr during teardown), so a hang
# names its culprit; pytest-timeout then fails the test.
def _watch_cancel_all_tasks() -> None:
    import asyncio.runners as runners
    import threading

    original = runners._cancel_all_tasks

    def cancel_all_tasks(loop):  # type: ignore[no-untyped-def]
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]

        def report() -> None:
            for t in pending:
                if not t.done():
                    print(f"\n[conftest] task still running 30 s after cancel: {t!r}", file=sys.__stderr__)
                    t.print_stack(file=sys.__stderr__)

        timer = threading.Timer(30.0, report)
        timer.daemon = True
        timer.start()
        try:
            return original(loop)
        finally:
            timer.cancel()

    runners._cancel_all_tasks = cancel_all_tasks


_watch_cancel_all_tasks()
