"""The process model for real: `fastgate serve` with a supervisor and worker processes."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys

import aiohttp
import pytest
from conftest import base_config, free_port, read_log
from gwproc import serve, stop, worker_pids
from gwproc import wait_ready as _wait_ready

CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}


async def _metric_total(s: aiohttp.ClientSession, admin: str, status: str = "200") -> float:
    from prometheus_client.parser import text_string_to_metric_families

    async with s.get(admin + "/metrics") as r:
        text = await r.text()
    total = 0.0
    for fam in text_string_to_metric_families(text):
        for smp in fam.samples:
            if smp.name == "fastgate_requests_total" and smp.labels.get("status") == status:
                total += smp.value
    return total


async def test_workers_metrics_add_up_and_crashed_worker_is_replaced(mock, tmp_path):
    log_path = tmp_path / "access.log"
    s = await serve(tmp_path, base_config(mock.url, access_log=str(log_path)), workers=2)
    try:
        pids = worker_pids(s.proc.pid)
        assert len(pids) == 2
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True)) as c:
            for _ in range(40):
                async with c.post(s.url + "/v1/chat/completions", json=CHAT) as r:
                    assert r.status == 200
            await asyncio.sleep(0.3)
            assert await _metric_total(c, s.admin) == 40
            # Both workers served some of them (SO_REUSEPORT spreads new connections).
            served_by = {rec["request_id"].split("-")[0] for rec in read_log(log_path)}
            assert len(served_by) == 2
            # Kill one worker outright: it is replaced, and the counters do not go backwards.
            await asyncio.sleep(2.5)  # let the supervisor take a metrics snapshot of it
            os.kill(pids[0], signal.SIGKILL)
            for _ in range(300):
                now = worker_pids(s.proc.pid)
                if len(now) == 2 and pids[0] not in now:
                    break
                await asyncio.sleep(0.1)
            await _wait_ready(s.admin, s.proc)
            for _ in range(10):
                async with c.post(s.url + "/v1/chat/completions", json=CHAT) as r:
                    assert r.status == 200
            assert await _metric_total(c, s.admin) >= 50
            async with c.get(s.admin + "/metrics") as r:
                text = await r.text()
            assert "fastgate_worker_restarts_total 1" in text and "fastgate_workers_alive 2" in text
    finally:
        assert stop(s) == 0


async def test_sighup_reload_under_load_and_bad_config_rejected(mock, tmp_path):
    text = base_config(mock.url)
    s = await serve(tmp_path, text, workers=2)
    try:
        statuses: list[int] = []
        done = asyncio.Event()

        async def load(c: aiohttp.ClientSession) -> None:
            while not done.is_set():
                try:
                    async with c.post(s.url + "/v1/chat/completions", json=CHAT) as r:
                        await r.read()
                        statuses.append(r.status)
                except aiohttp.ClientError as e:
                    statuses.append(-1)
                    print("load error", e)

        async with aiohttp.ClientSession() as c:
            tasks = [asyncio.create_task(load(c)) for _ in range(6)]
            await asyncio.sleep(0.3)
            for i in range(3):
                s.path.write_text(s.path.read_text().replace("drain_timeout_s: 5", f"drain_timeout_s: {6 + i}")
                                  .replace(f"drain_timeout_s: {5 + i}", f"drain_timeout_s: {6 + i}"))
                s.proc.send_signal(signal.SIGHUP)
                await asyncio.sleep(0.4)
            # Admin reload with a broken file: rejected, old config keeps serving.
            good = s.path.read_text()
            s.path.write_text(good.replace("provider: mock", "provider: opnai"))
            async with c.post(s.admin + "/admin/reload") as r:
                assert r.status == 400
                body = await r.json()
                assert any("opnai" in e for e in body["errors"])
            s.path.write_text(good)
            async with c.post(s.admin + "/admin/reload") as r:
                assert r.status == 200
                gen = (await r.json())["generation"]
            assert gen >= 4
            await asyncio.sleep(0.3)
            done.set()
            await asyncio.gather(*tasks)
            async with c.get(s.admin + "/readyz") as r:
                assert r.status == 200 and (await r.json())["generation"] == gen
        assert len(statuses) > 30 and set(statuses) == {200}
    finally:
        assert stop(s) == 0


async def test_sigterm_drains_in_flight_requests(tmp_path):
    from fastgate.mock_upstream import MockUpstream

    slow = MockUpstream("127.0.0.1", 0, latency_ms=1500)
    await slow.start()
    try:
        s = await serve(tmp_path, base_config(slow.url), workers=1)
        async with aiohttp.ClientSession() as c:
            async def call() -> int:
                async with c.post(s.url + "/v1/chat/completions", json=CHAT) as r:
                    await r.read()
                    return r.status

            inflight = [asyncio.create_task(call()) for _ in range(3)]
            await asyncio.sleep(0.5)
            s.proc.send_signal(signal.SIGTERM)
            await asyncio.sleep(0.3)
            # Readiness flips at once; new connections are refused once the listener closed.
            with pytest.raises(aiohttp.ClientError):
                async with c.get(s.admin + "/readyz") as r:
                    assert r.status == 503
                    raise aiohttp.ClientError("not ready, as expected")
            assert [await t for t in inflight] == [200, 200, 200]
        assert await asyncio.to_thread(s.proc.wait, 20) == 0
    finally:
        await slow.stop()


def test_serve_without_config_exits_2_with_demo_hint(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "FASTGATE_CONFIG"}
    r = subprocess.run([sys.executable, "-m", "fastgate", "serve"], cwd=tmp_path, capture_output=True, text=True,
                       env=env, timeout=30)
    assert r.returncode == 2 and "fastgate demo" in r.stderr


def test_check_names_the_path_of_every_error(tmp_path, mock=None):
    p = tmp_path / "bad.yaml"
    p.write_text(base_config("http://127.0.0.1:1").replace("provider: mock", "provider: opnai")
                 .replace("listen:", "lisen:", 1))
    r = subprocess.run([sys.executable, "-m", "fastgate", "check", "-c", str(p)], capture_output=True, text=True,
                       timeout=30)
    assert r.returncode == 2
    assert "server: unknown key 'lisen'" in r.stderr or "lisen" in r.stderr
    good = tmp_path / "good.yaml"
    good.write_text(base_config("http://127.0.0.1:1"))
    r = subprocess.run([sys.executable, "-m", "fastgate", "check", "-c", str(good)], capture_output=True, text=True,
                       timeout=30)
    assert r.returncode == 0 and r.stdout.startswith("OK")
    r = subprocess.run([sys.executable, "-m", "fastgate", "serve", "-c", str(p)], capture_output=True, text=True,
                       timeout=30)
    assert r.returncode == 2 and "lisen" in r.stderr


async def test_demo_prints_snippets_that_work():
    port = free_port()
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "fastgate", "demo", "--port", str(port),
                                                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    try:
        banner = b""
        # The banner ends with the SDK snippet's heredoc: read until its closing EOF line.
        while banner.count(b"EOF") < 2:
            line = await asyncio.wait_for(proc.stderr.readline(), 30)
            assert line, banner
            banner += line
        text = banner.decode()
        assert "curl" in text and "OpenAI(base_url=" in text
        # Run the printed curl command verbatim.
        start = text.index("curl -s ")
        cmd = text[start:text.index("\n\n", start)]
        out = await asyncio.to_thread(subprocess.run, ["bash", "-c", cmd], capture_output=True, text=True, timeout=20)
        assert '"echo: Hello, gateway!' in out.stdout, out
        # Limits and PII are on in the demo: the provider never sees the address, headers carry the limits.
        pii_cmd = cmd.replace("curl -s ", "curl -si ", 1).replace("Hello, gateway!", "mail me at jane@example.com")
        out = await asyncio.to_thread(subprocess.run, ["bash", "-c", pii_cmd], capture_output=True, text=True,
                                      timeout=20)
        assert "[EMAIL]" in out.stdout and "jane@example.com" not in out.stdout, out
        assert "x-ratelimit-limit-requests: 60" in out.stdout.lower(), out
    finally:
        proc.send_signal(signal.SIGINT)
        await asyncio.wait_for(proc.wait(), 20)


async def test_usage_ledger_survives_sigkill_and_aggregates_across_workers(mock, tmp_path):
    db = tmp_path / "usage.sqlite"
    s = await serve(tmp_path, base_config(mock.url, usage_db=str(db)), workers=2)
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True)) as c:
            for _ in range(20):
                async with c.post(s.url + "/v1/chat/completions", json=CHAT) as r:
                    assert r.status == 200
            # The documented loss window is usage.flush_interval_s (0.2 s here): wait past it, then kill.
            await asyncio.sleep(0.6)
            for pid in worker_pids(s.proc.pid):
                os.kill(pid, signal.SIGKILL)
            await asyncio.sleep(0.5)
            await _wait_ready(s.admin, s.proc)
            async with c.get(s.admin + "/admin/usage", params={"group_by": "model"}) as r:
                rows = (await r.json())["rows"]
        assert rows[0]["requests"] == 20 and rows[0]["prompt_tokens"] > 0
    finally:
        assert stop(s) == 0


async def test_sigterm_ends_open_streams_with_error_event_at_deadline(tmp_path):
    from fastgate.mock_upstream import MockUpstream

    slow = MockUpstream("127.0.0.1", 0, tokens_per_s=5)
    await slow.start()
    try:
        text = base_config(slow.url).replace("drain_timeout_s: 5", "drain_timeout_s: 1")
        s = await serve(tmp_path, text, workers=1)
        body = {"model": "gpt-4o-mini", "stream": True, "messages": [{"role": "user", "content": " ".join(["w"] * 100)}]}
        async with aiohttp.ClientSession() as c:
            async with c.post(s.url + "/v1/chat/completions", json=body) as r:
                assert r.status == 200
                first = await r.content.readuntil(b"\n\n")
                assert first.startswith(b"data: ")
                s.proc.send_signal(signal.SIGTERM)
                rest = b""
                try:
                    async for piece in r.content.iter_any():
                        rest += piece
                except aiohttp.ClientError:
                    pass
        assert b"shutting_down" in rest  # the stream ended with an SSE error event, not a silent reset
        assert await asyncio.to_thread(s.proc.wait, 20) == 0
    finally:
        await slow.stop()


async def test_supervisor_not_ready_without_identity_keys(mock, tmp_path):
    dead = free_port()
    extra = f"""\
        auth:
          jwt:
            - issuer: "http://127.0.0.1:{dead}/idp"
              audiences: [fastgate]
              jwks_uri: "http://127.0.0.1:{dead}/jwks.json"
        """
    s = await serve(tmp_path, base_config(mock.url, extra=extra), workers=2, ready=False)
    try:
        async with aiohttp.ClientSession() as c:
            body = None
            for _ in range(600):  # the admin plane comes up once every worker has started
                try:
                    async with c.get(s.admin + "/readyz") as r:
                        body = (r.status, await r.json())
                        break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.1)
            assert body is not None and body[0] == 503 and body[1]["workers_ready"] == 0
            async with c.post(s.url + "/v1/chat/completions", json=CHAT,
                              headers={"Authorization": "Bearer x.y.z"}) as r:
                assert r.status in (401, 503)  # never through
        assert not [r for r in mock.requests if r["path"].startswith("/v1/")]
    finally:
        assert stop(s) == 0


async def test_rolling_restart_under_load_has_zero_failures(mock, tmp_path):
    s = await serve(tmp_path, base_config(mock.url), workers=2)
    try:
        before = set(worker_pids(s.proc.pid))
        statuses: list[int] = []
        errors: list[str] = []
        done = asyncio.Event()

        async def load(c: aiohttp.ClientSession) -> None:
            while not done.is_set():
                try:
                    async with c.post(s.url + "/v1/chat/completions", json=CHAT) as r:
                        await r.read()
                        statuses.append(r.status)
                except aiohttp.ClientError as e:
                    errors.append(repr(e))

        async with aiohttp.ClientSession() as c:
            tasks = [asyncio.create_task(load(c)) for _ in range(8)]
            await asyncio.sleep(0.5)
            async with c.post(s.admin + "/admin/restart") as r:
                assert r.status == 200 and (await r.json())["restarted"] == 2
            mid = set(worker_pids(s.proc.pid))
            s.proc.send_signal(signal.SIGUSR2)  # the same through the signal
            for _ in range(300):
                await asyncio.sleep(0.1)
                now = set(worker_pids(s.proc.pid))
                if len(now) == 2 and not (now & mid):
                    break
            await asyncio.sleep(0.3)
            done.set()
            await asyncio.gather(*tasks)
            assert await _metric_total(c, s.admin) == len(statuses)  # counts survive the replacement
        after = set(worker_pids(s.proc.pid))
        assert len(after) == 2 and not (after & before)
        assert errors == [] and len(statuses) > 50 and set(statuses) == {200}
    finally:
        assert stop(s) == 0


async def _gauges(s: aiohttp.ClientSession, admin: str, *names: str) -> dict[str, float]:
    from prometheus_client.parser import text_string_to_metric_families

    async with s.get(admin + "/metrics") as r:
        text = await r.text()
    out: dict[str, float] = {}
    for fam in text_string_to_metric_families(text):
        for smp in fam.samples:
            if smp.name in names:
                key = smp.name + "".join(f"{{{k}={v}}}" for k, v in sorted(smp.labels.items()))
                out[key] = out.get(key, 0.0) + smp.value
    return out


@pytest.mark.parametrize("workers", [0, 1])
async def test_gc_freeze_moves_the_serving_heap_out_of_full_collections(mock, tmp_path, workers):
    """``server.gc_freeze`` (default on): a serving process has frozen its long-lived heap, and
    keeps it frozen across a reload; with ``gc_freeze: false`` nothing is frozen. Both process
    shapes (single process, supervisor + worker) do it; the gauges come from the workers."""
    names = ("fastgate_process_gc_frozen_objects", "fastgate_process_gc_collections", "fastgate_process_gc_threshold")
    text = base_config(mock.url)
    assert text.startswith("server:\n")
    s = await serve(tmp_path, text, workers=workers)
    try:
        async with aiohttp.ClientSession() as c:
            async with c.post(s.url + "/v1/chat/completions", json=CHAT) as r:
                assert r.status == 200
            g = await _gauges(c, s.admin, *names)
            # a worker's heap is tens of thousands of objects at least (modules, config, World)
            assert g["fastgate_process_gc_frozen_objects"] > 10_000
            assert {"fastgate_process_gc_collections{generation=0}", "fastgate_process_gc_collections{generation=2}"} <= set(g)
            # server.gc_threshold's default, not CPython's (700, 10, 10)
            assert [g[f"fastgate_process_gc_threshold{{generation={i}}}"] for i in range(3)] == [10000, 50, 50]
            if workers:  # reload: the new World is frozen as well (the old one was collected first)
                s.path.write_text(s.path.read_text().replace("drain_timeout_s: 5", "drain_timeout_s: 2", 1))
                async with c.post(s.admin + "/admin/reload") as r:
                    assert r.status == 200 and (await r.json())["generation"] == 1
                assert (await _gauges(c, s.admin, *names))["fastgate_process_gc_frozen_objects"] > 10_000
    finally:
        assert stop(s) == 0
    off = await serve(tmp_path, text.replace("server:\n", "server:\n  gc_freeze: false\n  gc_threshold: [900, 9, 8]\n", 1),
                      workers=workers, name="off.yaml")
    try:
        async with aiohttp.ClientSession() as c:
            g = await _gauges(c, off.admin, *names)
            assert g["fastgate_process_gc_frozen_objects"] == 0
            assert [g[f"fastgate_process_gc_threshold{{generation={i}}}"] for i in range(3)] == [900, 9, 8]
    finally:
        assert stop(off) == 0
