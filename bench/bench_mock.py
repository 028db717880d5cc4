"""Throughput and server CPU per request of ``fastgate mock-upstream`` (it must never be the bottleneck).

The mock runs in its own process (``python -m fastgate.mock_upstream``, uvloop), pinned with
``taskset`` to one CPU (default 1) when the machine has more than one; the load generator is pinned
to another CPU (default 0). Load comes from ``wrk`` when it is installed, else from a built-in
asyncio keep-alive client. "server CPU µs/req" is the mock process's utime+stime from
/proc/PID/stat (kernel TCP work included) over the requests served, the budget figure of
docs/perf-baseline.md (1e6 / µs/req = RPS one core sustains).

    .venv/bin/python bench/bench_mock.py [--seconds 5] [--connections 64] [--rounds 3]
                                         [--cases chat,models,stream] [--client auto|wrk|asyncio]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLK_TCK = os.sysconf("SC_CLK_TCK")

# The perf-baseline request (974-byte, 2-message chat) when the shared data file is there.
_DATA = ROOT / "bench" / "data" / "req.json"
_FALLBACK = {
    "model": "gpt-4o-mini",
    "messages": [
        {"role": "system", "content": "You are a concise assistant. " * 8},
        {"role": "user", "content": "Summarise the following incident report please. " * 12},
    ],
    "temperature": 0.2,
    "max_tokens": 64,
}


def chat_body(stream: bool = False) -> bytes:
    data = json.loads(_DATA.read_bytes()) if _DATA.exists() else dict(_FALLBACK)
    data["stream"] = stream
    return json.dumps(data, separators=(",", ":")).encode()


CASES: dict[str, tuple[str, str, bytes]] = {
    "chat": ("POST", "/v1/chat/completions", chat_body()),
    "models": ("GET", "/v1/models", b""),
    "stream": ("POST", "/v1/chat/completions", chat_body(stream=True)),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process, from /proc/PID/stat (fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def pin(cpu: int | None) -> list[str]:
    if cpu is None or shutil.which("taskset") is None or (os.cpu_count() or 1) < 2:
        return []
    return ["taskset", "-c", str(cpu)]


def floor_server(port: int) -> None:
    """The floor to compare with (perf-baseline.md row A7h): a minimal uvloop + httptools server
    answering every request with the mock's pre-built ``/v1/models`` response, nothing else."""
    import httptools
    import uvloop

    from fastgate.mock_upstream import _MODELS_REPLY

    reply = _MODELS_REPLY.wire  # the very bytes the mock answers GET /v1/models with

    class Hello(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            self.transport = transport
            self.parser = httptools.HttpRequestParser(self)

        def data_received(self, data: bytes) -> None:
            self.parser.feed_data(data)

        def on_message_complete(self) -> None:
            self.transport.write(reply)  # type: ignore[attr-defined]

    async def main() -> None:
        server = await asyncio.get_running_loop().create_server(Hello, "127.0.0.1", port)
        print(f"floor listening on http://127.0.0.1:{port}", flush=True)
        await server.serve_forever()

    uvloop.run(main())


def start_mock(port: int, cpu: int | None, floor: bool = False) -> subprocess.Popen[bytes]:
    cmd = [*pin(cpu), sys.executable, "-m", "fastgate.mock_upstream", "--port", str(port)]
    if floor:
        code = f"import sys; sys.path.insert(0, 'bench'); import bench_mock as b; b.floor_server({port})"
        cmd = [*pin(cpu), sys.executable, "-c", code]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    line = proc.stdout.readline().decode()
    if "listening on" not in line:
        proc.kill()
        raise SystemExit(f"mock did not start: {line!r}")
    return proc


def raw_request(method: str, path: str, body: bytes) -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer bench\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


# --- load generators -----------------------------------------------------------------------


def run_wrk(url: str, case: str, seconds: float, conns: int, cpu: int | None) -> tuple[int, float, int]:
    """Returns (requests, seconds, non-2xx responses)."""
    method, path, body = CASES[case]
    lua = f"wrk.method = {json.dumps(method)}\nwrk.headers['Authorization'] = 'Bearer bench'\n"
    if body:
        lua += f"wrk.headers['Content-Type'] = 'application/json'\nwrk.body = {json.dumps(body.decode())}\n"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    try:
        cmd = [
            *pin(cpu),
            "wrk",
            "-t1",
            f"-c{conns}",
            f"-d{max(1, round(seconds))}s",
            "-s",
            f.name,
            url + path,
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    m = re.search(r"(\d+) requests in ([\d.]+)(m?s)", out)
    if not m:
        raise SystemExit("cannot parse wrk output:\n" + out)
    took = float(m.group(2)) / (1000 if m.group(3) == "ms" else 1)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return int(m.group(1)), took, int(bad.group(1)) if bad else 0


async def _client_conn(port: int, req: bytes, deadline: float, counts: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            writer.write(req)
            head = await reader.readuntil(b"\r\n\r\n")
            if not head.startswith(b"HTTP/1.1 200"):
                counts[1] += 1
            m = re.search(rb"content-length: (\d+)", head)
            if m:
                await reader.readexactly(int(m.group(1)))
            else:  # chunked: read to the last chunk (the mock's streams end with 0\r\n\r\n)
                await reader.readuntil(b"\r\n0\r\n\r\n")
            counts[0] += 1
    finally:
        writer.close()


def _asyncio_client(port: int, case: str, seconds: float, conns: int) -> tuple[int, float, int]:
    import uvloop

    req = raw_request(*CASES[case])

    async def main() -> tuple[int, float, int]:
        counts = [0, 0]
        t0 = time.perf_counter()
        await asyncio.gather(*(_client_conn(port, req, t0 + seconds, counts) for _ in range(conns)))
        return counts[0], time.perf_counter() - t0, counts[1]

    return uvloop.run(main())


def run_asyncio(port: int, case: str, seconds: float, conns: int, cpu: int | None) -> tuple[int, float, int]:
    """The fallback load generator, in its own (pinned) process."""
    code = (
        "import sys, json; sys.path.insert(0, 'bench'); import bench_mock as b; "
        f"print(json.dumps(b._asyncio_client({port}, {case!r}, {seconds}, {conns})))"
    )
    cmd = [*pin(cpu), sys.executable, "-c", code]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    n, took, bad = json.loads(out.strip().splitlines()[-1])
    return n, took, bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--warmup", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--cases", default="chat,models,stream")
    ap.add_argument("--client", choices=("auto", "wrk", "asyncio"), default="auto")
    ap.add_argument("--server-cpu", type=int, default=1)
    ap.add_argument("--client-cpu", type=int, default=0)
    ap.add_argument(
        "--floor", action="store_true", help="also measure a minimal httptools hello server, same conditions"
    )
    args = ap.parse_args()
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk") is not None)
    cases = [c for c in args.cases.split(",") if c]
    for c in cases:
        if c not in CASES:
            raise SystemExit(f"unknown case {c!r}; known: {', '.join(CASES)}")

    port = free_port()
    mock = start_mock(port, args.server_cpu)
    url = f"http://127.0.0.1:{port}"

    def load(case: str, seconds: float, port: int = port) -> tuple[int, float, int]:
        if use_wrk:
            return run_wrk(f"http://127.0.0.1:{port}", case, seconds, args.connections, args.client_cpu)
        return run_asyncio(port, case, seconds, args.connections, args.client_cpu)

    print(
        f"mock-upstream pid {mock.pid} on CPU {args.server_cpu if pin(0) else 'any'}; "
        f"client: {'wrk -t1' if use_wrk else 'asyncio keep-alive'} c{args.connections}; "
        f"{args.rounds} rounds x {args.seconds:g}s; chat body {len(CASES['chat'][2])} B; {url}"
    )
    results: dict[str, list[tuple[float, float]]] = {c: [] for c in cases}
    floor_port = free_port()
    floor = start_mock(floor_port, args.server_cpu, floor=True) if args.floor else None
    if floor is not None:
        results["floor"] = []
    try:
        for case in cases:
            load(case, args.warmup)
        for _ in range(args.rounds):
            runs = [(case, mock, port) for case in cases]
            if floor is not None:
                runs.append(("floor", floor, floor_port))
            for case, proc, p in runs:
                cpu0 = cpu_seconds(proc.pid)
                n, took, bad = load("models" if case == "floor" else case, args.seconds, p)
                cpu = cpu_seconds(proc.pid) - cpu0
                if bad:
                    print(f"  warning: {case}: {bad} non-2xx responses")
                results[case].append((n / took, cpu * 1e6 / max(n, 1)))
    finally:
        for proc in (mock, floor):
            if proc is not None:
                proc.terminate()
                proc.wait(10)
    print(f"{'case':<8} {'RPS (median)':>14} {'server CPU µs/req':>19} {'core capacity RPS':>18}")
    for case in results:
        rps = statistics.median(r for r, _ in results[case])
        us = statistics.median(u for _, u in results[case])
        print(f"{case:<8} {rps:>14,.0f} {us:>19.1f} {1e6 / us:>18,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
