"""The bench must not rot: `bench/run.py --smoke` runs every case end to end and writes numbers.

Nothing here asserts a speed. The smoke runs are real: the mock upstream, `fastgate serve`, the
aiohttp reference (and nginx / wrk when installed) on real loopback sockets.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "bench" / "run.py"


def _load_run_module():
    spec = importlib.util.spec_from_file_location("fastgate_bench_run", RUN)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


bench = _load_run_module()


def _smoke(tmp_path: Path, *extra: str, scenario: str = "proxy") -> tuple[subprocess.CompletedProcess[str], dict]:
    out = tmp_path / "results.json"
    argv = [sys.executable, str(RUN), "--smoke", "--scenario", scenario, "--no-append", "--json", str(out),
            "--chart", str(tmp_path / "chart.png"), "--workdir", str(tmp_path / "work"), *extra]
    proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    return proc, json.loads(out.read_text())


def _row(data: dict, case: str, mode: str = "saturation", scenario: str = "proxy") -> dict:
    rows = [r for r in data["summary"] if r["scenario"] == scenario and r["case"] == case and r["mode"] == mode]
    assert len(rows) == 1, data["summary"]
    return rows[0]


def test_smoke_proxy_produces_numbers(tmp_path: Path) -> None:
    """The command of `make bench-smoke` for the proxy scenario (wrk and nginx when installed)."""
    proc, data = _smoke(tmp_path)
    fg = _row(data, "fastgate")
    assert fg["status"] == "ok" and fg["errors"] == 0
    assert fg["rps"] > 0 and fg["us_per_req"] > 0
    assert 0 < fg["p50_ms"] <= fg["p99_ms"] <= fg["p999_ms"]
    runs = [r for r in data["runs"] if r["scenario"] == "proxy" and r["case"] == "fastgate"]
    assert runs and all(r["requests"] > 0 for r in runs)
    # The same-run references ran and were compared in the same round.
    assert _row(data, "aiohttp")["rps"] > 0
    if data["meta"]["versions"]["nginx"]:
        assert _row(data, "nginx")["status"] == "ok"
        assert fg["rps_vs_nginx"] > 0 and fg["capacity_vs_nginx"] > 0
    assert "| proxy | fastgate |" in proc.stdout
    chart = tmp_path / "chart.png"
    if importlib.util.find_spec("matplotlib"):
        assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert data["generator"] == ("wrk" if data["meta"]["versions"]["wrk"] else "builtin")


def test_smoke_full_pipeline(tmp_path: Path) -> None:
    """`full` end to end: its probes passed (401 without a token, x-ratelimit headers, PII masked in
    what the mock upstream received, usage in the access log), then it produced numbers."""
    proc, data = _smoke(tmp_path, "--cases", "fastgate", "--no-chart", "--duration", "1", scenario="full")
    assert "full" not in data["unavailable"], data["unavailable"]
    fg = _row(data, "fastgate", scenario="full")
    assert fg["status"] == "ok" and fg["errors"] == 0, fg
    assert fg["rps"] > 0 and fg["us_per_req"] > 0
    assert fg["procs"] == 1 and fg["rss_max_mib"] > 0
    assert "| full | fastgate |" in proc.stdout


def test_feature_check_names_missing_stages() -> None:
    """An answer without limit headers that echoes raw PII is not counted as the full pipeline."""
    body = b'{"choices":[{"message":{"content":"echo: jane.doe@example.com"}}]}'
    why = bench.check_full_features(bench.Resp(200, {}, body))
    assert why is not None and "x-ratelimit" in why and "jane.doe@example.com" in why
    masked = bench.Resp(200, {"x-ratelimit-limit-requests": "10"}, b'{"content":"echo: [EMAIL]"}')
    assert bench.check_full_features(masked) is None


def test_smoke_builtin_generator_and_open_loop(tmp_path: Path) -> None:
    """The built-in generator (what runs without wrk), then open loop at 50 % of the measured max."""
    proc, data = _smoke(tmp_path, "--generator", "builtin", "--at-half-max", "--cases", "direct,fastgate",
                        "--no-chart", "--duration", "1")
    assert data["generator"] == "builtin"
    fg = _row(data, "fastgate")
    assert fg["status"] == "ok" and fg["rps"] > 0 and fg["us_per_req"] > 0
    const = _row(data, "fastgate", "constant")
    assert const["offered_rps"] == round(fg["rps"] * 0.5)
    assert const["rps"] > 0 and const["errors"] == 0 and const["p99_ms"] > 0
    # Gateway-added p99 is taken against the direct case at the same rate.
    direct = _row(data, "direct", "constant")
    assert const["added_p99_ms"] == pytest.approx(const["p99_ms"] - direct["p99_ms"], abs=1e-9)
    assert "Constant rate (open loop)" in proc.stdout


def test_wrk_output_parsing() -> None:
    """The FGBENCH line of bench/wrk/*.lua and wrk's own non-2xx counter are both read."""
    out = ("Running 2s test @ http://127.0.0.1:1/v1/chat/completions\n"
           "  1 threads and 8 connections\n"
           "  Non-2xx or 3xx responses: 7\n"
           "FGBENCH requests=1234 duration_us=2000000 bytes=99 connect=1 read=2 write=0 status=5 timeout=3 "
           "p50=120 p90=300 p99=900 p999=1500 max=2000 mean=150.5\n")
    r = bench.parse_wrk(out)
    assert r.requests == 1234 and r.rps == pytest.approx(617.0)
    assert r.errors == {"connect": 1, "read": 2, "write": 0, "timeout": 3, "status": 7}
    assert r.latency_us["p999"] == 1500 and r.latency_us["p50"] == 120
    with pytest.raises(ValueError):
        bench.parse_wrk("Running 2s test\n")


def test_percentiles_nearest_rank() -> None:
    import array

    vals = array.array("d", [i / 1e6 for i in range(1000, 0, -1)])  # 1..1000 µs, unsorted
    p = bench.percentiles_us(vals)
    assert p["p50"] == pytest.approx(500) and p["p99"] == pytest.approx(990)
    assert p["p999"] == pytest.approx(999) and p["max"] == pytest.approx(1000)


def test_process_tree_cpu_counts_children() -> None:
    """µs/request rests on tree_ticks: a busy grandchild's CPU must show up under the root."""
    burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.4: pass"
    code = (f"import subprocess, sys; subprocess.run([sys.executable, '-c', {burn!r}]); "
            "print('done', flush=True); sys.stdin.read()")
    root = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        before = bench.tree_ticks(root.pid)
        assert root.stdout is not None and root.stdout.readline().strip() == "done"
        after = bench.tree_ticks(root.pid)  # the root is still alive, the grandchild reaped
    finally:
        root.communicate("", timeout=10)
    # 0.4 s of CPU in the grandchild (counted in the child's cutime once reaped).
    assert (after - before) / bench.CLK_TCK >= 0.35


def test_cpu_list_syntax() -> None:
    assert bench.parse_cpu_list("0") == [0]
    assert bench.parse_cpu_list("1-3,5") == [1, 2, 3, 5]


def test_locust_run_time_syntax() -> None:
    """--locust-time takes locust's -t syntax; the subprocess timeout is derived from it."""
    assert bench._seconds("30s") == 30 and bench._seconds("2m") == 120 and bench._seconds("1h30m") == 5400
    assert bench._seconds("45") == 45


def test_llm_gateway_references_run_when_installed_and_say_why_not_otherwise(tmp_path: Path) -> None:
    """The optional LiteLLM / Portkey references: when a command is given (or found on PATH) they
    are started in front of the mock upstream and measured beside fastgate; when it is missing the
    row says how to install it and the run still succeeds (exit 0)."""
    missing = str(tmp_path / "not-installed")
    _, data = _smoke(tmp_path, "--cases", "fastgate,litellm,portkey", "--no-chart", "--duration", "1",
                     "--litellm", missing, "--portkey", missing)
    assert _row(data, "fastgate")["status"] == "ok"
    for case in ("litellm", "portkey"):
        row = _row(data, case)
        assert row["status"] == "unavailable", row
    # Without a command at all, the row names the install step.
    t = bench.Bench.__new__(bench.Bench)
    t.o = bench.Options(scenarios=["proxy"], cases=["litellm"], conns=[8], rounds=1, duration=1, warmup=0, cpu=None,
                        load_cpu=None, generator="builtin", wrk_threads=1, timeout=5, constant_rate=None,
                        at_half_max=False, rate_conns=8, workers=0, redis_url=None, smoke=True,
                        explicit_scenarios=True, litellm=None, portkey=None)
    t.llm_refs = {}
    assert "pip install 'litellm[proxy]'" in t.llm_ref(bench.SCENARIOS["proxy"], "litellm")
    assert "@portkey-ai/gateway" in t.llm_ref(bench.SCENARIOS["proxy"], "portkey")
    assert "OpenAI chat scenarios only" in t.llm_ref(bench.SCENARIOS["route"], "litellm")
