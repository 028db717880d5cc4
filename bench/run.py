#!/usr/bin/env python3
"""fastgate benchmark instrument: CPU µs/request, RPS and latency, beside nginx and aiohttp.

The method is the one of shared/docs/perf-baseline.md:

* the server under test runs alone on one CPU (``--cpu 0``, ``taskset -c``); the load generator
  and the upstream share the others (``--load-cpu 1``);
* **CPU µs/request** = utime+stime of the server's whole process tree (from /proc, so kernel TCP
  work counts), sampled just before and just after the timed window, divided by the requests served
  in it. 1e6 / (µs/request) is what one core can sustain: the budget number, and the one to trust
  when the load generator, not the server, is the limit;
* RPS and latency p50/p99/p99.9 come from wrk (``--latency`` plus a Lua ``done()`` hook for
  p99.9), or from a built-in asyncio keep-alive generator when wrk is not installed;
* every case is first probed with one request whose status and body are checked; non-2xx answers
  and socket errors during a run mark the case FAILED;
* rounds: each round runs every case back to back after a warm-up, ratios to nginx are taken
  within a round, and the medians over rounds are reported.

Open-loop mode (``--constant-rate R``, ``--at-half-max``) offers a fixed rate and measures latency
from each request's *intended* send time (as wrk2/vegeta do), so queueing is not hidden.

Usage: ``python bench/run.py [--scenario proxy] [--rounds 3] [--smoke] ...``; see bench/README.md.
"""

from __future__ import annotations

import argparse
import array
import asyncio
import contextlib
import datetime as _dt
import http.client
import importlib.util
import json
import math
import os
import platform
import re
import resource
import secrets
import shlex
import shutil
import signal
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DATA = BENCH / "data"
OUT = BENCH / "out"
RESULTS_MD = BENCH / "RESULTS.md"
INSTALL_HINT = "install the load tools with: apt-get install -y nginx wrk"
CLK_TCK = os.sysconf("SC_CLK_TCK")

#: Targets from the issues, printed beside the measured numbers (never asserted).
#: scenario → (max CPU µs/request, min RPS ÷ nginx proxy_pass in the same run).
TARGETS: dict[str, tuple[float, float | None]] = {
    "proxy": (35.0, 0.40),  # issue 2
    "full": (50.0, 0.30),  # issue 9
    "redis": (70.0, None),
    "full-10k": (120.0, None),
}


# ============================================================================================
# Progress display (stderr, one line per step)
# ============================================================================================


class Progress:
    """One status line per step on stderr: ``[step/total elapsed] message``."""

    def __init__(self) -> None:
        self.t0 = time.monotonic()
        self.step = 0
        self.total = 0

    def _stamp(self) -> str:
        s = int(time.monotonic() - self.t0)
        el = f"{s // 60}:{s % 60:02d}"
        if self.total:
            return f"[{self.step:>3}/{self.total} {el}]"
        return f"[{el}]"

    def info(self, msg: str) -> None:
        print(f"{self._stamp()} {msg}", file=sys.stderr, flush=True)

    def advance(self, msg: str) -> None:
        self.step += 1
        self.info(msg)


progress = Progress()


# ============================================================================================
# /proc sampling: process-tree CPU time and per-CPU busy time
# ============================================================================================


def _read_stat(pid: int) -> tuple[int, int] | None:
    """(ppid, utime+stime+cutime+cstime in clock ticks) of one process, None if it is gone.

    cutime/cstime count children that exited and were waited for during the window, so a worker
    that a supervisor restarts does not take its CPU time with it."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read()
    except OSError:
        return None
    # comm (field 2) may hold spaces and parentheses: split after the last ')'.
    rest = raw[raw.rindex(b")") + 2 :].split()
    # rest[0] is field 3 (state): field N is rest[N - 3].
    return int(rest[1]), int(rest[11]) + int(rest[12]) + int(rest[13]) + int(rest[14])


def tree_ticks(root: int) -> int:
    """CPU clock ticks used so far by ``root`` and all its descendants (threads included)."""
    stats: dict[int, tuple[int, int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = _read_stat(int(name))
            if st is not None:
                stats[int(name)] = st
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        st = stats.get(pid)
        if st is None:
            continue
        total += st[1]
        todo.extend(children.get(pid, ()))
    return total


def tree_rss_kib(root: int, field: str = "rss") -> list[int]:
    """Resident set size (KiB) of ``root`` and each of its descendants, root first.

    Summing RSS over-counts pages that forked workers still share with the supervisor
    (copy-on-write), so the capacity model reads a worker's own RSS, not the sum; ``field="pss"``
    gives the proportional set size instead (shared pages split between their users: these do sum)."""
    parent: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = _read_stat(int(name))
            if st is not None:
                parent[int(name)] = st[0]
    out: list[int] = []
    todo = [root]
    while todo:
        pid = todo.pop(0)
        with contextlib.suppress(OSError, ValueError, IndexError):
            if field == "pss":
                with open(f"/proc/{pid}/smaps_rollup") as f:
                    out.append(next(int(ln.split()[1]) for ln in f if ln.startswith("Pss:")))
            else:
                with open(f"/proc/{pid}/statm") as f:
                    out.append(int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024))
        todo.extend(c for c, pp in parent.items() if pp == pid)
    return out


def parse_cpu_list(spec: str) -> list[int]:
    """``"0"``, ``"1-3"``, ``"1,3"`` → CPU indices (taskset's list syntax)."""
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def cpu_times() -> dict[int, tuple[int, int]]:
    """Per CPU: (busy ticks, total ticks) from /proc/stat (busy = all but idle and iowait)."""
    out: dict[int, tuple[int, int]] = {}
    with open("/proc/stat") as f:
        for line in f:
            if line.startswith("cpu") and line[3].isdigit():
                name, *vals = line.split()
                v = [int(x) for x in vals]
                total = sum(v[:8])  # guest time is already inside user/nice
                out[int(name[3:])] = (total - v[3] - v[4], total)
    return out


@dataclass
class Sample:
    """One point in time: the server tree's ticks, the upstream's ticks, per-CPU times."""

    t: float
    server: int
    upstream: int
    cpus: dict[int, tuple[int, int]]

    @classmethod
    def take(cls, server_pid: int, upstream_pid: int) -> Sample:
        return cls(time.monotonic(), tree_ticks(server_pid), tree_ticks(upstream_pid), cpu_times())


def busy_pct(a: Sample, b: Sample, cpus: list[int]) -> float | None:
    """Share of the listed CPUs that was busy between two samples, in %."""
    busy = total = 0
    for c in cpus:
        if c in a.cpus and c in b.cpus:
            busy += b.cpus[c][0] - a.cpus[c][0]
            total += b.cpus[c][1] - a.cpus[c][1]
    return 100.0 * busy / total if total > 0 else None


# ============================================================================================
# Environment: tools, versions, machine
# ============================================================================================


def tool_version(argv: list[str]) -> str | None:
    """First line that names a version, from ``argv`` (stdout or stderr), or None if missing."""
    if shutil.which(argv[0]) is None:
        return None
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in (p.stdout + "\n" + p.stderr).splitlines():
        m = re.search(r"(\d+\.\d+(?:\.\d+)?)", line)
        if m:
            return m.group(1)
    return "unknown"


def fastgate_version() -> str:
    """``fastgate --version`` (says accelerated or pure), or why it is not runnable."""
    try:
        p = subprocess.run([sys.executable, "-m", "fastgate", "--version"], capture_output=True, text=True,
                           timeout=60, cwd=ROOT)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"not runnable ({e})"
    out = (p.stdout or p.stderr).strip().splitlines()
    return out[-1] if p.returncode == 0 and out else f"not runnable (exit {p.returncode})"


def loadavg() -> list[str]:
    """The 1/5/15-minute load averages (how busy the shared box was)."""
    return Path("/proc/loadavg").read_text().split()[:3]


def machine_info() -> dict[str, Any]:
    """What RESULTS.md needs to make a number comparable: box, versions, load."""
    model = "unknown"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for mod in ("aiohttp", "uvloop", "httptools", "orjson"):
        try:
            versions[mod] = __import__(mod).__version__
        except Exception:  # noqa: BLE001 - a missing module is just reported as missing
            versions[mod] = None
    versions["fastgate"] = fastgate_version()
    versions["wrk"] = tool_version(["wrk", "-v"])
    versions["nginx"] = tool_version(["nginx", "-v"])
    try:
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        mem_kb = int(next(line.split()[1] for line in meminfo if line.startswith("MemTotal")))
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    return {
        "date": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "mem_gib": round(mem_kb / 1048576, 1),
        "kernel": platform.release(),
        "versions": versions,
        "loadavg_start": loadavg(),
    }


# ============================================================================================
# Credentials for the auth scenarios (RS256 dev key, JWKS file, minted tokens)
# ============================================================================================

ISSUER = "https://bench.fastgate.invalid"
AUDIENCE = "api://fastgate-bench"
KID = "bench-rs256-1"
#: auth-miss: more distinct tokens than the gateway's verified-token cache holds, sent round-robin,
#: so an LRU (or FIFO) cache never hits and every request is a full RS256 verify.
AUTH_MISS_TOKENS = 2048
AUTH_MISS_CACHE = 256


class Keys:
    """A bench-only RSA key, its JWKS file and tokens, cached under bench/out/keys."""

    def __init__(self, where: Path) -> None:
        self.dir = where
        self.jwks_file = where / "jwks.json"
        self.token_file = where / "token.txt"
        self.rotate_file = where / "tokens-rotate.txt"

    def ensure(self, rotate: bool) -> None:
        """Create the key/JWKS/tokens if missing or about to expire (tokens live 12 h)."""
        import jwt
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        self.dir.mkdir(parents=True, exist_ok=True)
        pem = self.dir / "key.pem"
        stamp = self.dir / "expires"
        fresh = stamp.exists() and float(stamp.read_text() or 0) > time.time() + 3600
        if not (pem.exists() and self.jwks_file.exists() and fresh):
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
            pem.chmod(0o600)
            jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
            jwk.update({"kid": KID, "use": "sig", "alg": "RS256"})
            self.jwks_file.write_text(json.dumps({"keys": [jwk]}))
            for f in (self.token_file, self.rotate_file):
                f.unlink(missing_ok=True)
            stamp.write_text(str(time.time() + 12 * 3600))
        key_obj = serialization.load_pem_private_key(pem.read_bytes(), password=None)
        exp = int(float(stamp.read_text()))

        def mint(sub: str) -> str:
            claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": sub, "iat": int(time.time()), "exp": exp,
                      "scp": "llm:invoke", "groups": ["bench"], "tid": "bench-tenant"}
            return jwt.encode(claims, key_obj, algorithm="RS256", headers={"kid": KID})  # type: ignore[arg-type]

        if not self.token_file.exists():
            self.token_file.write_text(mint("bench-user-01") + "\n")
        if rotate and not self.rotate_file.exists():
            progress.info(f"minting {AUTH_MISS_TOKENS} RS256 tokens for auth-miss (once, cached in {self.dir})")
            lines = [f"Bearer {mint(f'bench-user-{i % 16:02d}')}" for i in range(AUTH_MISS_TOKENS)]
            self.rotate_file.write_text("\n".join(lines) + "\n")

    def token(self) -> str:
        return self.token_file.read_text().strip()


# ============================================================================================
# Gateway configs (SPEC §5) — string.Template, because YAML flow maps are full of braces
# ============================================================================================

CONFIG_PLAIN = """\
# bench/run.py: proxy-only gateway (no auth, no policies), access log off.
server:
  listen: "127.0.0.1:$port"
  admin_listen: "127.0.0.1:$admin_port"
  workers: 1
  drain_timeout_s: 1
providers:
  bench:
    type: openai
    base_url: "$upstream/v1"
    api_key: "sk-bench-provider"
models:
  gpt-4o-mini:
    targets: [{provider: bench, model: gpt-4o-mini}]
    price: {input_per_mtok: 0.15, output_per_mtok: 0.60}
routes:
  - name: bench
    path_prefix: /api/bench/
    upstream: {targets: [{url: "$upstream"}]}
    auth: "off"
logging:
  access_log: "off"
"""

# The whole pipeline (issue 9 `full`): RS256 JWT with its verified-token cache, shm limits with
# so much headroom that nothing is denied, token estimate, PII mask both ways, JSON access log to a
# real file, metrics (always on).
CONFIG_FULL = """\
# bench/run.py: full pipeline ($variant).
server:
  listen: "127.0.0.1:$port"
  admin_listen: "127.0.0.1:$admin_port"
  workers: 1
  drain_timeout_s: 1
auth:
  jwt:
    - issuer: "$issuer"
      audiences: ["$audience"]
      jwks_file: "$jwks_file"
      algorithms: [RS256]
      cache_size: $jwt_cache
providers:
  bench:
    type: openai
    base_url: "$upstream/v1"
    api_key: "sk-bench-provider"
models:
  gpt-4o-mini:
    targets: [{provider: bench, model: gpt-4o-mini}]
    context_window: 128000
    price: {input_per_mtok: 0.15, output_per_mtok: 0.60}
policies:
  - name: bench
    match: {}
    models: ["*"]
    require_scopes: ["llm:invoke"]
    limits:
      - {key: subject, requests: 1000000000, per: 1m}
      # shm/GCRA admit at most one unit per nanosecond (limit <= window in ns): 1e10 per minute is
      # still ~1.7e8 tokens/s, far beyond anything a bench offers.
      - {key: subject, tokens: 10000000000, per: 1m}
    pii: {request: mask, response: mask}
rate_limit:
  backend: $rl_backend
  redis_url: "$redis_url"
  key_prefix: "fastgate:bench:"
  on_backend_error: deny
tokens:
  counter: estimate
routes:
  - name: bench
    path_prefix: /api/bench/
    upstream: {targets: [{url: "$upstream"}]}
    auth: "off"
logging:
  access_log: "$access_log"
"""


# `--locust`: tenants on a generous policy, a free tier on a tight per-subject request limit (its
# 429s are the expected ones the locustfile counts apart), PII masked both ways, a template.
CONFIG_LOCUST = """\
# bench/run.py --locust: several tenants, a rate-limited free tier, PII, a template.
server:
  listen: "127.0.0.1:$port"
  admin_listen: "127.0.0.1:$admin_port"
  workers: 1
  drain_timeout_s: 1
auth:
  jwt:
    - issuer: "$issuer"
      audiences: ["$audience"]
      jwks_file: "$jwks_file"
      algorithms: [RS256]
      cache_size: $jwt_cache
providers:
  bench:
    type: openai
    base_url: "$upstream/v1"
    api_key: "sk-bench-provider"
models:
  gpt-4o-mini:
    targets: [{provider: bench, model: gpt-4o-mini}]
    context_window: 128000
    price: {input_per_mtok: 0.15, output_per_mtok: 0.60}
policies:
  - name: free-tier
    match: {groups: [free-tier]}
    models: ["gpt-4o-mini"]
    require_scopes: ["llm:invoke"]
    limits:
      - {key: subject, requests: 60, per: 1m}
    pii: {request: mask, response: mask}
  - name: tenants
    match: {}
    models: ["*"]
    require_scopes: ["llm:invoke"]
    limits:
      - {key: subject, requests: 1000000000, per: 1m}
      - {key: tenant, tokens: 10000000000, per: 1m}
    pii: {request: mask, response: mask}
rate_limit:
  backend: shm
templates:
  summarize:
    path: /api/summarize
    model: gpt-4o-mini
    messages:
      - {role: system, content: "Summarize in a {{style}} style."}
      - {role: user, content: "{{text}}"}
    variables:
      text: {max_length: 20000}
      style: {default: plain, max_length: 32}
tokens:
  counter: estimate
logging:
  access_log: "$access_log"
"""


@dataclass(frozen=True)
class GatewayConfig:
    """A gateway config variant; scenarios sharing one run against the same gateway process."""

    name: str
    template: str
    params: tuple[tuple[str, str], ...] = ()
    access_log: bool = False
    needs_redis: bool = False
    rotate_tokens: bool = False

    def render(self, *, port: int, admin_port: int, upstream: str, keys: Keys | None, redis_url: str,
               access_log: Path | None) -> str:
        vals: dict[str, Any] = {
            "port": port, "admin_port": admin_port, "upstream": upstream, "variant": self.name,
            "issuer": ISSUER, "audience": AUDIENCE, "jwks_file": keys.jwks_file if keys else "",
            "jwt_cache": 10000, "rl_backend": "shm", "redis_url": redis_url,
            "access_log": str(access_log) if access_log else "off",
        }
        vals.update(dict(self.params))
        return string.Template(self.template).substitute(vals)


GATEWAY_CONFIGS: dict[str, GatewayConfig] = {
    "plain": GatewayConfig("plain", CONFIG_PLAIN),
    "full": GatewayConfig("full", CONFIG_FULL, access_log=True),
    "redis": GatewayConfig("redis", CONFIG_FULL, (("rl_backend", "redis"),), access_log=True, needs_redis=True),
    "auth-miss": GatewayConfig("auth-miss", CONFIG_FULL, (("jwt_cache", str(AUTH_MISS_CACHE)),),
                               access_log=True, rotate_tokens=True),
    "locust": GatewayConfig("locust", CONFIG_LOCUST, access_log=True),
}


# ============================================================================================
# Response checks (every case) and feature probes (the gateway case)
# ============================================================================================


@dataclass
class Resp:
    status: int
    headers: dict[str, str]
    body: bytes


def check_chat(r: Resp) -> str | None:
    """A non-streamed OpenAI chat.completion with a non-empty answer."""
    if r.status != 200:
        return f"status {r.status}: {r.body[:200]!r}"
    try:
        d = json.loads(r.body)
        content = d["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        return f"not a chat.completion: {r.body[:200]!r}"
    if d.get("object") != "chat.completion" or not isinstance(content, str) or not content:
        return f"not a chat.completion with content: {r.body[:200]!r}"
    if not isinstance(d.get("usage"), dict):
        return "chat.completion without usage"
    return None


def check_route(r: Resp) -> str | None:
    """The mock's generic echo of a GET, relayed whole."""
    if r.status != 200:
        return f"status {r.status}: {r.body[:200]!r}"
    if not r.body:
        return "empty body"
    if b"/api/bench/items/42" not in r.body:
        return f"the echo does not name the requested path: {r.body[:200]!r}"
    return None


STREAM_CHUNKS = 50


def check_stream(r: Resp) -> str | None:
    """An SSE chat stream: ≥ 50 content chunks, then ``data: [DONE]``."""
    if r.status != 200:
        return f"status {r.status}: {r.body[:200]!r}"
    if not r.headers.get("content-type", "").startswith("text/event-stream"):
        return f"content-type {r.headers.get('content-type')!r}, not text/event-stream"
    events = [ln[5:].strip() for ln in r.body.split(b"\n") if ln.startswith(b"data:")]
    if not events or events[-1] != b"[DONE]":
        return "stream does not end with data: [DONE]"
    chunks = 0
    for ev in events[:-1]:
        try:
            d = json.loads(ev)
        except ValueError:
            return f"bad SSE data line {ev[:120]!r}"
        if d.get("choices") and (d["choices"][0].get("delta") or {}).get("content"):
            chunks += 1
    if chunks < STREAM_CHUNKS:
        return f"{chunks} content chunks, expected ≥ {STREAM_CHUNKS}"
    return None


RAW_PII = (b"jane.doe@example.com", b"078-05-1120", b"4111 1111 1111 1111")


def check_full_features(r: Resp) -> str | None:
    """The gateway really ran the pipeline: limit headers sent, PII of the prompt masked. Every
    missing stage is named, so the message says which ones have landed."""
    missing = []
    if "x-ratelimit-limit-requests" not in r.headers:
        missing.append("no x-ratelimit-limit-requests header (rate-limit stage)")
    leaked = [p.decode() for p in RAW_PII if p in r.body]
    if leaked:
        missing.append(f"raw PII {leaked} came back (PII stage)")
    return "; ".join(missing) or None


# ============================================================================================
# Scenarios
# ============================================================================================


@dataclass(frozen=True)
class Scenario:
    """One request shape against one gateway config; the references get the same request."""

    name: str
    title: str
    method: str
    path: str
    body: str | None  # a file under bench/data
    config: str  # key of GATEWAY_CONFIGS
    check: Callable[[Resp], str | None]
    auth: str = "client-key"  # client-key | jwt | jwt-rotate | none
    stream: bool = False
    #: Extra checks on the gateway's answer proving the scenario's stages are active; failing one
    #: means "not available yet" (the stage has not landed), not a broken case.
    gateway_check: Callable[[Resp], str | None] | None = None
    #: (what, drop the credential?, expected status) requests sent to the gateway only.
    gateway_probes: tuple[tuple[str, bool, int], ...] = ()
    core: bool = False  # a scenario that must run (the harness fails if its gateway case cannot)

    def body_bytes(self) -> bytes | None:
        return (DATA / self.body).read_bytes() if self.body else None


_NEED_401 = (("request without a credential", True, 401),)

SCENARIOS: dict[str, Scenario] = {s.name: s for s in (
    Scenario("proxy", "LLM chat POST, no policies (974 B body)", "POST", "/v1/chat/completions", "req.json",
             "plain", check_chat, core=True),
    Scenario("route", "generic reverse-proxy route, GET", "GET", "/api/bench/items/42?view=full", None,
             "plain", check_route, auth="none", core=True),
    Scenario("full", "JWT RS256 (cached) + shm limits + estimate + PII mask, 1 KB", "POST",
             "/v1/chat/completions", "req-pii.json", "full", check_chat, auth="jwt",
             gateway_check=check_full_features, gateway_probes=_NEED_401),
    Scenario("full-10k", "full pipeline, 10 KB prompt", "POST", "/v1/chat/completions", "req-10k.json", "full",
             check_chat, auth="jwt", gateway_check=check_full_features, gateway_probes=_NEED_401),
    Scenario("stream", "SSE chat stream, 50 chunks, no policies", "POST", "/v1/chat/completions",
             "req-stream.json", "plain", check_stream, stream=True),
    Scenario("redis", "full pipeline on the Redis limiter", "POST", "/v1/chat/completions", "req-pii.json",
             "redis", check_chat, auth="jwt", gateway_check=check_full_features, gateway_probes=_NEED_401),
    Scenario("auth-miss", f"full pipeline, a new RS256 token every request ({AUTH_MISS_TOKENS} rotated, "
             f"cache {AUTH_MISS_CACHE})", "POST", "/v1/chat/completions", "req-pii.json", "auth-miss",
             check_chat, auth="jwt-rotate", gateway_check=check_full_features, gateway_probes=_NEED_401),
)}

CASES = ("direct", "fastgate", "nginx", "aiohttp", "fastgate-aiohttp", "litellm", "portkey")
DEFAULT_CASES = ("direct", "fastgate", "nginx", "aiohttp")
CASE_TITLES = {
    "direct": "load → upstream (no proxy)",
    "fastgate": "fastgate serve --workers 0",
    "fastgate-aiohttp": "the same fastgate config on server.engine: aiohttp (A/B of the server engine)",
    "nginx": "nginx proxy_pass, keepalive 64",
    "aiohttp": "aiohttp web.Server + ClientSession",
    "litellm": "LiteLLM proxy (`litellm --config`, one model routed to the mock upstream), when installed",
    "portkey": "Portkey AI gateway (Node, @portkey-ai/gateway), when installed",
}
# The LLM gateways that are references only where they can serve the scenario: an OpenAI chat call.
LLM_REFS = ("litellm", "portkey")
LITELLM_HINT = "pip install 'litellm[proxy]' (the `litellm` command on PATH, or --litellm PATH)"
PORTKEY_HINT = ("npm install @portkey-ai/gateway, then --portkey node_modules/.bin/gateway "
                "(or the `portkey-gateway` command on PATH)")


# ============================================================================================
# Managed processes
# ============================================================================================


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Proc:
    """A server we started (own session, so stopping it never touches anything else)."""

    def __init__(self, name: str, argv: list[str], cpu: str | None, logdir: Path,
                 env: dict[str, str] | None = None) -> None:
        self.name = name
        self.argv = (["taskset", "-c", cpu] if cpu else []) + argv
        self.log_path = logdir / f"{name}.log"
        self.env = env
        self.p: subprocess.Popen[bytes] | None = None
        self.stopped = False

    @property
    def pid(self) -> int:
        assert self.p is not None
        return self.p.pid

    def start(self) -> None:
        with open(self.log_path, "ab") as log:
            log.write(f"\n$ {shlex.join(self.argv)}\n".encode())
            log.flush()
            # Own session: stop() signals this process group only, never anything we did not start.
            self.p = subprocess.Popen(self.argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                      start_new_session=True, cwd=ROOT, env=self.env)

    def log_tail(self, n: int = 15) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join("    " + ln for ln in lines[-n:])

    def wait_port(self, port: int, timeout: float = 30.0) -> None:
        """Wait until ``port`` accepts connections; raise with the log tail if the process died."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.p is not None
            if self.p.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.p.returncode}:\n{self.log_tail()}")
            with socket.socket() as s:
                s.settimeout(0.5)
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not listen on {port} within {timeout:.0f} s:\n{self.log_tail()}")

    def alive(self) -> bool:
        return self.p is not None and self.p.poll() is None

    def terminate(self) -> None:
        """Ask the process group to stop (SIGTERM), without waiting."""
        if self.p is not None and not self.stopped and self.p.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.p.pid, signal.SIGTERM)

    def stop(self) -> None:
        if self.p is None or self.stopped:
            return
        self.stopped = True
        if self.p.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.p.pid, signal.SIGTERM)
            try:
                self.p.wait(8)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.p.pid, signal.SIGKILL)
                self.p.wait(5)
        else:
            # The leader is gone; reap whatever it left in its group (nginx workers, say).
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.p.pid, signal.SIGKILL)


class Launch:
    """A server being started: launched at once, waited for when first needed, so every server
    of a run starts in parallel (the smoke run is mostly start-up time)."""

    def __init__(self, proc: Proc, port: int) -> None:
        self.proc = proc
        self.url = f"http://127.0.0.1:{port}"
        self.port = port
        self._error: str | None = None
        self._waited = False

    def wait(self) -> str | None:
        """None once the server listens, else why it never did (memoized)."""
        if not self._waited:
            self._waited = True
            try:
                self.proc.wait_port(self.port)
            except RuntimeError as e:
                self._error = str(e)
        return self._error


@dataclass
class Target:
    """Where a case sends its load and whose process tree is measured."""

    case: str
    url: str
    proc: Proc
    #: headers this case needs on every request besides the scenario's (Portkey's routing headers)
    headers: tuple[tuple[str, str], ...] = ()


# ============================================================================================
# HTTP probe (one request, status + body sanity)
# ============================================================================================


def request_headers(sc: Scenario, keys: Keys | None, body: bytes | None) -> list[tuple[str, str]]:
    """The headers every case gets for scenario ``sc`` (without Host / Content-Length)."""
    h: list[tuple[str, str]] = []
    if body is not None:
        h.append(("Content-Type", "application/json"))
    if sc.auth == "client-key":
        # The mock upstream wants a bearer key: the gateway replaces this one with the provider's,
        # the references forward it as it is.
        h.append(("Authorization", "Bearer sk-bench-client"))
    elif sc.auth in ("jwt", "jwt-rotate"):
        assert keys is not None
        h.append(("Authorization", f"Bearer {keys.token()}"))
    if sc.stream:
        h.append(("Accept", "text/event-stream"))
    return h


def case_headers(base: list[tuple[str, str]], extra: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """The scenario's headers with a case's own (``Target.headers``) in place of same-named ones."""
    if not extra:
        return base
    names = {k.lower() for k, _ in extra}
    return [(k, v) for k, v in base if k.lower() not in names] + list(extra)


def probe(url: str, sc: Scenario, headers: list[tuple[str, str]], body: bytes | None,
          drop_auth: bool = False) -> Resp:
    """Send the scenario's request once and read the whole answer."""
    host, port = url.split("//", 1)[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=15)
    try:
        conn.putrequest(sc.method, sc.path, skip_accept_encoding=True)
        for k, v in headers:
            if drop_auth and k.lower() == "authorization":
                continue
            conn.putheader(k, v)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        r = conn.getresponse()
        return Resp(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    finally:
        conn.close()


# ============================================================================================
# Load generators
# ============================================================================================


@dataclass
class LoadResult:
    """What one timed run produced (latencies in µs)."""

    generator: str
    requests: int
    duration_s: float
    latency_us: dict[str, float]
    errors: dict[str, int]  # connect, read, write, timeout, status (non-2xx/3xx)
    offered_rps: float | None = None
    send_delay_us: dict[str, float] | None = None
    gen_cpu_pct: float | None = None
    raw: str = ""

    @property
    def rps(self) -> float:
        return self.requests / self.duration_s if self.duration_s > 0 else 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


_FG_LINE = re.compile(r"^FGBENCH (.*)$", re.M)


def parse_wrk(stdout: str) -> LoadResult:
    """Parse wrk's output: the FGBENCH line of our Lua ``done()`` plus the human summary."""
    m = _FG_LINE.search(stdout)
    if not m:
        raise ValueError("no FGBENCH line in wrk output (script failed?)")
    kv = {k: float(v) for k, v in (item.split("=", 1) for item in m.group(1).split())}
    errors = {k: int(kv[k]) for k in ("connect", "read", "write", "timeout", "status")}
    # The human line is the documented one; both must agree (it is the same counter).
    m2 = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", stdout)
    if m2:
        errors["status"] = max(errors["status"], int(m2.group(1)))
    lat = {k: kv[k] for k in ("p50", "p90", "p99", "p999", "max", "mean")}
    return LoadResult("wrk", int(kv["requests"]), kv["duration_us"] / 1e6, lat, errors, raw=stdout)


def build_raw_requests(sc: Scenario, host: str, port: int, headers: list[tuple[str, str]],
                       body: bytes | None, rotate: list[str] | None) -> list[bytes]:
    """Wire bytes of the scenario's request(s) for the built-in generator (keep-alive, HTTP/1.1)."""
    def one(hdrs: list[tuple[str, str]]) -> bytes:
        lines = [f"{sc.method} {sc.path} HTTP/1.1", f"Host: {host}:{port}"]
        lines += [f"{k}: {v}" for k, v in hdrs]
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")

    if not rotate:
        return [one(headers)]
    base = [(k, v) for k, v in headers if k.lower() != "authorization"]
    return [one([*base, ("Authorization", tok)]) for tok in rotate]


def percentiles_us(values: array.array[float]) -> dict[str, float]:
    """p50/p90/p99/p99.9/max/mean of latencies in seconds, returned in µs (nearest rank)."""
    if not values:
        return {k: 0.0 for k in ("p50", "p90", "p99", "p999", "max", "mean")}
    s = sorted(values)
    n = len(s)

    def pct(q: float) -> float:
        # Nearest rank; the epsilon keeps 99.9/100*1000 = 999.0000000000001 from rounding up a rank.
        return s[min(n - 1, max(0, math.ceil(q / 100.0 * n - 1e-9) - 1))] * 1e6

    return {"p50": pct(50), "p90": pct(90), "p99": pct(99), "p999": pct(99.9), "max": s[-1] * 1e6,
            "mean": sum(s) / n * 1e6}


# --------------------------------------------------------------------------------------------
# The built-in generator (runs in its own process: `run.py --loadgen-child SPEC.json`)
# --------------------------------------------------------------------------------------------


# uvloop's loop.time() is libuv's cached millisecond clock: far too coarse for sub-millisecond
# latencies. Every timestamp of the generator comes from the high-resolution clock instead.
_now = time.perf_counter


class _GenConn(asyncio.Protocol):
    """One keep-alive client connection, one request in flight at a time (no pipelining)."""

    def __init__(self, gen: _LoadGen) -> None:
        import httptools

        self.gen = gen
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.origin = 0.0  # latency origin: send time (closed loop) or intended time (open loop)
        self.sent_at = 0.0
        self.busy = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        import httptools

        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            self.gen.errors["read"] += 1
            self.busy = False
            if self.transport is not None:
                self.transport.abort()

    def on_message_complete(self) -> None:
        self.busy = False
        self.gen.on_done(self, self.parser.get_status_code(), self.parser.should_keep_alive())

    def connection_lost(self, exc: Exception | None) -> None:
        self.gen.on_lost(self)

    def send(self, req: bytes, origin: float, now: float) -> None:
        self.origin = origin
        self.sent_at = now
        self.busy = True
        assert self.transport is not None
        self.transport.write(req)


class _LoadGen:
    """Closed loop (``rate == 0``: each connection sends its next request when the previous
    answer is complete, like wrk) or open loop (``rate > 0``: request *i* is due at
    ``start + i / rate`` whatever happened before; latency counts from that intended time, so a
    stalled server is charged for the whole stall — no coordinated omission)."""

    def __init__(self, host: str, port: int, reqs: list[bytes], conns: int, duration: float, rate: float,
                 timeout: float) -> None:
        self.host, self.port = host, port
        self.reqs = reqs
        self.nconns = conns
        self.duration = duration
        self.rate = rate
        self.timeout = timeout
        self.lat: array.array[float] = array.array("d")
        self.send_delay: array.array[float] = array.array("d")
        self.errors = {"connect": 0, "read": 0, "write": 0, "timeout": 0, "status": 0}
        self.conns: set[_GenConn] = set()
        self.idle: list[_GenConn] = []
        self.pending: deque[float] = deque()
        self.i = 0
        self.start = 0.0
        self.end = 0.0
        self.running = False
        self.closing = False  # set when the run is over: connections we abort are not errors
        self.loop: asyncio.AbstractEventLoop | None = None

    def next_req(self) -> bytes:
        r = self.reqs[self.i % len(self.reqs)]
        self.i += 1
        return r

    async def _connect(self) -> _GenConn | None:
        assert self.loop is not None
        while True:
            try:
                _, proto = await self.loop.create_connection(lambda: _GenConn(self), self.host, self.port)
            except OSError:
                self.errors["connect"] += 1
                if _now() > self.end and self.start:
                    return None
                await asyncio.sleep(0.05)
                continue
            self.conns.add(proto)  # type: ignore[arg-type]
            return proto  # type: ignore[return-value]

    def _dispatch(self, c: _GenConn) -> None:
        assert self.loop is not None
        now = _now()
        if self.rate <= 0:
            if self.running and now < self.end:
                c.send(self.next_req(), now, now)
            return
        if self.pending:
            origin = self.pending.popleft()
            self.send_delay.append(now - origin)
            c.send(self.next_req(), origin, now)
        else:
            self.idle.append(c)

    def on_done(self, c: _GenConn, status: int, keep_alive: bool) -> None:
        assert self.loop is not None
        now = _now()
        # Closed loop counts what completes inside the window (as wrk does); open loop counts
        # every request that was due inside it.
        if self.rate > 0 or now <= self.end:
            self.lat.append(now - c.origin)
            if not 200 <= status < 300:
                self.errors["status"] += 1
        if not keep_alive:
            self.conns.discard(c)
            if c.transport is not None:
                c.transport.close()
            self.loop.create_task(self._replace())
            return
        self._dispatch(c)

    def on_lost(self, c: _GenConn) -> None:
        if c not in self.conns or self.closing:
            return
        self.conns.discard(c)
        with contextlib.suppress(ValueError):
            self.idle.remove(c)
        if c.busy:
            c.busy = False
            self.errors["read"] += 1
        if self.running and self.loop is not None:
            self.loop.create_task(self._replace())

    async def _replace(self) -> None:
        c = await self._connect()
        if c is not None:
            self._dispatch(c)

    async def _watchdog(self) -> None:
        assert self.loop is not None
        while True:
            await asyncio.sleep(0.1)
            now = _now()
            for c in list(self.conns):
                if c.busy and now - c.sent_at > self.timeout:
                    self.errors["timeout"] += 1
                    c.busy = False
                    if c.transport is not None:
                        c.transport.abort()

    async def _schedule(self) -> None:
        """Open loop: enqueue the requests that are due, hand them to idle connections. The timer
        granularity of the loop (~1 ms) batches sends. Each request's send delay (intended →
        really sent: timer lateness, or every connection busy because the server is behind) is
        recorded and reported, and latency counts from the intended time anyway."""
        assert self.loop is not None
        interval = 1.0 / self.rate
        n = 0
        while True:
            now = _now()
            if now >= self.end:
                break
            due = min(int((now - self.start) * self.rate) + 1, int(self.duration * self.rate))
            while n < due:
                self.pending.append(self.start + n * interval)
                n += 1
            while self.pending and self.idle:
                self._dispatch(self.idle.pop())
            await asyncio.sleep(max(0.0005, self.start + n * interval - _now()))

    async def run(self) -> dict[str, Any]:
        self.loop = asyncio.get_running_loop()
        self.end = float("inf")
        conns = await asyncio.gather(*(self._connect() for _ in range(self.nconns)))
        watchdog = self.loop.create_task(self._watchdog())
        ru0 = resource.getrusage(resource.RUSAGE_SELF)
        self.start = _now()
        self.end = self.start + self.duration
        self.running = True
        if self.rate <= 0:
            for c in conns:
                if c is not None:
                    self._dispatch(c)
            await asyncio.sleep(self.duration)
            self.running = False
        else:
            self.idle = [c for c in conns if c is not None]
            await self._schedule()
            # Let what was due finish (bounded by the request timeout); what never got an answer
            # counts as a timeout.
            grace_end = _now() + self.timeout
            # A 10 ms poll is plenty here and keeps the hot callbacks free of event bookkeeping.
            while (self.pending or any(c.busy for c in self.conns)) and _now() < grace_end:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
            self.running = False
            left = len(self.pending) + sum(1 for c in self.conns if c.busy)
            self.errors["timeout"] += left
        ru1 = resource.getrusage(resource.RUSAGE_SELF)
        elapsed = self.duration
        busy_for = max(_now() - self.start, 1e-9)
        watchdog.cancel()
        self.closing = True
        for c in list(self.conns):
            if c.transport is not None:
                c.transport.abort()
        gen_cpu = (ru1.ru_utime + ru1.ru_stime - ru0.ru_utime - ru0.ru_stime) / busy_for * 100.0
        out: dict[str, Any] = {
            "requests": len(self.lat), "duration_s": elapsed, "latency_us": percentiles_us(self.lat),
            "errors": self.errors, "gen_cpu_pct": gen_cpu,
        }
        if self.rate > 0:
            out["offered_rps"] = self.rate
            out["send_delay_us"] = percentiles_us(self.send_delay)
        return out


def loadgen_child(spec_path: str) -> int:
    """Entry point of the generator process: read the spec, run, print one JSON line."""
    spec = json.loads(Path(spec_path).read_text())
    reqs = [r.encode("latin-1") for r in spec["requests"]]
    gen = _LoadGen(spec["host"], spec["port"], reqs, spec["conns"], spec["duration"], spec["rate"],
                   spec["timeout"])
    try:
        import uvloop

        result = uvloop.run(gen.run())
    except ImportError:
        result = asyncio.run(gen.run())
    print(json.dumps(result), flush=True)
    return 0


class Generator:
    """Runs one load phase against a URL with wrk or the built-in generator, pinned if asked."""

    def __init__(self, kind: str, cpu: str | None, threads: int, timeout: float, workdir: Path) -> None:
        self.kind = kind  # "wrk" | "builtin"
        self.cpu = cpu
        self.threads = threads
        self.timeout = timeout
        self.workdir = workdir

    def _pin(self) -> list[str]:
        return ["taskset", "-c", self.cpu] if self.cpu else []

    def run(self, sc: Scenario, url: str, headers: list[tuple[str, str]], body: bytes | None,
            rotate_file: Path | None, conns: int, duration: float, rate: float = 0.0) -> LoadResult:
        """One timed phase. ``rate > 0`` is open loop and always uses the built-in generator (wrk
        is closed-loop; wrk2 is not packaged here)."""
        if self.kind == "wrk" and rate <= 0:
            return self._wrk(sc, url, headers, body, rotate_file, conns, duration)
        return self._builtin(sc, url, headers, body, rotate_file, conns, duration, rate)

    def _wrk(self, sc: Scenario, url: str, headers: list[tuple[str, str]], body: bytes | None,
             rotate_file: Path | None, conns: int, duration: float) -> LoadResult:
        body_file = "-"
        if body is not None:
            body_file = str(self.workdir / f"body-{sc.name}.bin")
            Path(body_file).write_bytes(body)
        secs = max(1, round(duration))  # wrk takes whole seconds
        argv = [*self._pin(), "wrk", f"-t{min(self.threads, conns)}", f"-c{conns}", f"-d{secs}s", "--latency",
                f"--timeout={self.timeout:g}s"]
        for k, v in headers:
            if rotate_file is not None and k.lower() == "authorization":
                continue
            argv += ["-H", f"{k}: {v}"]
        script = "rotate.lua" if rotate_file is not None else "static.lua"
        argv += ["-s", str(BENCH / "wrk" / script), url + sc.path, "--", sc.method, body_file]
        if rotate_file is not None:
            argv.append(str(rotate_file))
        p = subprocess.run(argv, capture_output=True, text=True, timeout=secs + 60)
        if p.returncode != 0 or "FGBENCH" not in p.stdout:
            raise RuntimeError(f"wrk failed (exit {p.returncode}): {p.stderr.strip()[-500:]} {p.stdout[-500:]}")
        return parse_wrk(p.stdout)

    def _builtin(self, sc: Scenario, url: str, headers: list[tuple[str, str]], body: bytes | None,
                 rotate_file: Path | None, conns: int, duration: float, rate: float) -> LoadResult:
        host, port = url.split("//", 1)[1].split(":")
        rotate = rotate_file.read_text().split("\n") if rotate_file is not None else None
        rotate = [t for t in rotate if t] if rotate else None
        reqs = build_raw_requests(sc, host, int(port), headers, body, rotate)
        spec = {"host": host, "port": int(port), "requests": [r.decode("latin-1") for r in reqs], "conns": conns,
                "duration": duration, "rate": rate, "timeout": self.timeout}
        spec_path = self.workdir / f"loadgen-{os.getpid()}.json"
        spec_path.write_text(json.dumps(spec))
        argv = [*self._pin(), sys.executable, str(Path(__file__).resolve()), "--loadgen-child", str(spec_path)]
        p = subprocess.run(argv, capture_output=True, text=True, timeout=duration + self.timeout + 60)
        if p.returncode != 0:
            raise RuntimeError(f"built-in generator failed (exit {p.returncode}): {p.stderr.strip()[-800:]}")
        d = json.loads(p.stdout.strip().splitlines()[-1])
        return LoadResult("builtin", d["requests"], d["duration_s"], d["latency_us"], d["errors"],
                          offered_rps=d.get("offered_rps"), send_delay_us=d.get("send_delay_us"),
                          gen_cpu_pct=d.get("gen_cpu_pct"))


# ============================================================================================
# The bench: servers, cases, rounds
# ============================================================================================


@dataclass
class Run:
    """One measured phase of one case in one round."""

    scenario: str
    case: str
    conns: int
    round: int
    mode: str  # saturation | constant
    generator: str
    requests: int
    duration_s: float
    rps: float
    latency_ms: dict[str, float]
    us_per_req: float | None
    upstream_us_per_req: float | None
    redis_us_per_req: float | None
    load_cpu_busy_pct: float | None
    server_cpu_other_pct: float | None
    errors: dict[str, int]
    offered_rps: float | None = None
    send_delay_ms: dict[str, float] | None = None
    gen_cpu_pct: float | None = None
    #: RSS (MiB) of each process of the server tree after the timed phase, root first.
    rss_mib: list[float] | None = None
    #: PSS (MiB) of the same processes: what they cost together (shared pages split).
    pss_mib: list[float] | None = None


@dataclass
class CaseState:
    """Availability of one (scenario, case)."""

    status: str = "ok"  # ok | FAILED | unavailable | skipped
    reason: str = ""


@dataclass
class Options:
    scenarios: list[str]
    cases: list[str]
    conns: list[int]
    rounds: int
    duration: float
    warmup: float
    cpu: str | None
    load_cpu: str | None
    generator: str
    wrk_threads: int
    timeout: float
    constant_rate: float | None
    at_half_max: bool
    rate_conns: int
    workers: int
    redis_url: str | None
    smoke: bool
    explicit_scenarios: bool
    litellm: str | None = None
    portkey: str | None = None


class Bench:
    """Owns every process it starts and stops them all, whatever happens."""

    def __init__(self, opts: Options, workdir: Path) -> None:
        self.o = opts
        self.workdir = workdir
        self.logdir = workdir / "logs"
        self.logdir.mkdir(parents=True, exist_ok=True)
        self.procs: list[Proc] = []
        self.upstream: Proc | None = None
        self.upstream_url = ""
        self.gateways: dict[str, Launch | str] = {}  # config name → server, or why not
        self.nginx: dict[str, Launch | str] = {}  # proxy_buffering → server, or why not
        self.aiohttp: Launch | str | None = None
        self.llm_refs: dict[str, Launch | str] = {}  # litellm | portkey → server, or why not
        # LiteLLM's proxy refuses to start without a master key; the litellm case sends it.
        self.litellm_key = "sk-" + secrets.token_hex(24)
        self.keys: Keys | None = None
        self.access_logs: dict[str, Path] = {}
        self._redis_url: str | None = None
        self.runs: list[Run] = []
        self.state: dict[tuple[str, str], CaseState] = {}
        self.unavailable: dict[str, str] = {}
        self.notes: list[str] = []
        have_wrk = shutil.which("wrk") is not None
        kind = opts.generator if opts.generator != "auto" else ("wrk" if have_wrk else "builtin")
        if kind == "wrk" and not have_wrk:
            progress.info(f"wrk not found; using the built-in generator ({INSTALL_HINT})")
            kind = "builtin"
        if opts.generator == "auto" and not have_wrk:
            self.notes.append(f"wrk not installed: the built-in asyncio generator was used ({INSTALL_HINT})")
        self.gen = Generator(kind, opts.load_cpu, opts.wrk_threads, opts.timeout, workdir)

    # -- processes ---------------------------------------------------------------------------

    def _launch(self, name: str, argv: list[str], cpu: str | None, port: int) -> Launch:
        p = Proc(name, argv, cpu, self.logdir)
        self.procs.append(p)
        p.start()
        return Launch(p, port)

    def start_upstream(self) -> None:
        port = free_port()
        progress.info(f"starting the upstream: fastgate mock-upstream on :{port} (cpu {self.o.load_cpu or 'any'})")
        up = self._launch("upstream", [sys.executable, "-m", "fastgate", "mock-upstream", "--port", str(port)],
                          self.o.load_cpu, port)
        err = up.wait()
        if err:
            raise RuntimeError(f"the mock upstream did not start: {err}")
        self.upstream, self.upstream_url = up.proc, up.url

    def gateway(self, sc: Scenario, engine: str = "native") -> Launch | str:
        """The gateway for the scenario's config (started once), or why it is not available."""
        key = sc.config if engine == "native" else f"{sc.config}:{engine}"
        if key in self.gateways:
            return self.gateways[key]
        cfg = GATEWAY_CONFIGS[sc.config]
        try:
            self.gateways[key] = self._start_gateway(cfg, engine)
        except Exception as e:  # noqa: BLE001 - reported in the table, the other cases go on
            self.gateways[key] = str(e)
        return self.gateways[key]

    def ensure_keys(self, rotate: bool) -> Keys:
        if self.keys is None:
            self.keys = Keys(OUT / "keys")
        self.keys.ensure(rotate=rotate)
        return self.keys

    def redis_url(self) -> str:
        """``--redis-url`` if given, else a private redis-server on a free port (started once, no
        persistence), so the bench never touches a Redis that someone else uses."""
        if self.o.redis_url:
            return self.o.redis_url
        if self._redis_url is None:
            exe = shutil.which("redis-server")
            if exe is None:
                raise RuntimeError("redis-server not installed (apt-get install -y redis-server) and no --redis-url")
            port = free_port()
            rdir = self.workdir / "redis"
            rdir.mkdir(exist_ok=True)
            progress.info(f"starting a private redis-server on :{port} (cpu {self.o.load_cpu or 'any'})")
            launch = self._launch("redis", [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                            "--appendonly", "no", "--dir", str(rdir)], self.o.load_cpu, port)
            err = launch.wait()
            if err:
                raise RuntimeError(f"redis-server did not start: {err}")
            self._redis_url = f"redis://127.0.0.1:{port}/0"
        return self._redis_url

    def _start_gateway(self, cfg: GatewayConfig, engine: str = "native") -> Launch:
        redis_url = self.redis_url() if cfg.needs_redis else (self.o.redis_url or "redis://127.0.0.1:6379/0")
        if cfg.needs_redis:
            rhost, _, rport = redis_url.split("//", 1)[1].split("/")[0].rpartition(":")
            with socket.socket() as s:
                s.settimeout(1)
                if s.connect_ex((rhost.rpartition("@")[2] or "127.0.0.1", int(rport or 6379))) != 0:
                    raise RuntimeError(f"no Redis at {redis_url} (--redis-url)")
        keys = self.ensure_keys(cfg.rotate_tokens) if "jwks_file" in cfg.template else None
        port, admin = free_port(), free_port()
        log = None
        if cfg.access_log:
            log = self.workdir / f"access-{cfg.name}.log"
            self.access_logs[cfg.name] = log
        text = cfg.render(port=port, admin_port=admin, upstream=self.upstream_url, keys=keys,
                          redis_url=redis_url, access_log=log)
        if engine != "native":
            assert "\nserver:\n" in text, "gateway templates have a top-level server block"
            text = text.replace("\nserver:\n", f"\nserver:\n  engine: {engine}\n", 1)
        tag = cfg.name if engine == "native" else f"{cfg.name}-{engine}"
        path = self.workdir / f"gateway-{tag}.yaml"
        path.write_text(text)
        chk = subprocess.run([sys.executable, "-m", "fastgate", "check", "-c", str(path)], capture_output=True,
                             text=True, timeout=60, cwd=ROOT)
        if chk.returncode != 0:
            msg = (chk.stderr or chk.stdout).strip().splitlines()
            raise RuntimeError("`fastgate check` rejects the config: " + " | ".join(msg[-4:]))
        progress.info(f"starting fastgate ({cfg.name} config) on :{port} (cpu {self.o.cpu or 'any'}, "
                      f"--workers {self.o.workers})")
        return self._launch(f"fastgate-{tag}", [sys.executable, "-m", "fastgate", "serve", "-c", str(path),
                                                      "--workers", str(self.o.workers)], self.o.cpu, port)

    def nginx_for(self, sc: Scenario) -> Launch | str:
        buffering = "off" if sc.stream else "on"
        if buffering in self.nginx:
            return self.nginx[buffering]
        if shutil.which("nginx") is None:
            self.nginx[buffering] = f"nginx not installed ({INSTALL_HINT})"
            return self.nginx[buffering]
        try:
            prefix = Path(tempfile.mkdtemp(prefix=f"nginx-{buffering}-", dir=self.workdir))
            prefix.chmod(0o755)  # the worker runs as nobody
            port = free_port()
            conf = (BENCH / "nginx.conf.tmpl").read_text()
            for k, v in {"PREFIX": str(prefix), "LISTEN_PORT": str(port),
                         "UPSTREAM_PORT": self.upstream_url.rsplit(":", 1)[1], "PROXY_BUFFERING": buffering}.items():
                conf = conf.replace(f"@@{k}@@", v)
            (prefix / "nginx.conf").write_text(conf)
            progress.info(f"starting nginx proxy_pass (proxy_buffering {buffering}) on :{port}")
            self.nginx[buffering] = self._launch(
                f"nginx-{buffering}", ["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
                                       "-e", str(prefix / "error.log")], self.o.cpu, port)
        except Exception as e:  # noqa: BLE001
            self.nginx[buffering] = str(e)
        return self.nginx[buffering]

    def aiohttp_ref(self) -> Launch | str:
        if self.aiohttp is None:
            try:
                port = free_port()
                progress.info(f"starting the aiohttp reference proxy on :{port}")
                self.aiohttp = self._launch("aiohttp-ref", [sys.executable, str(BENCH / "ref_aiohttp_proxy.py"),
                                                            "--port", str(port), "--upstream", self.upstream_url],
                                            self.o.cpu, port)
            except Exception as e:  # noqa: BLE001
                self.aiohttp = str(e)
        return self.aiohttp

    def llm_ref(self, sc: Scenario, case: str) -> Launch | str:
        """LiteLLM's or Portkey's gateway in front of the mock upstream (started once), or why not.

        Both only when installed, and only for the OpenAI chat scenarios (what they serve). They
        run pinned like fastgate, with no policies of their own: a plain LLM-proxy reference."""
        if sc.path != "/v1/chat/completions":
            return f"{case} is a reference for the OpenAI chat scenarios only"
        if case in self.llm_refs:
            return self.llm_refs[case]
        port = free_port()
        try:
            if case == "litellm":
                exe = self.o.litellm
                if not exe:
                    got: Launch | str = f"LiteLLM not installed ({LITELLM_HINT})"
                else:
                    cfg = self.workdir / "litellm.yaml"
                    cfg.write_text(
                        "model_list:\n"
                        "  - model_name: gpt-4o-mini\n"
                        "    litellm_params:\n"
                        "      model: openai/gpt-4o-mini\n"
                        f"      api_base: {self.upstream_url}/v1\n"
                        "      api_key: sk-bench-provider\n"
                        "litellm_settings:\n"
                        "  drop_params: true\n"
                        "  telemetry: false\n"
                        "general_settings:\n"
                        f"  master_key: {self.litellm_key}\n")
                    progress.info(f"starting the LiteLLM proxy on :{port} (cpu {self.o.cpu or 'any'})")
                    got = self._launch("litellm", [exe, "--config", str(cfg), "--host", "127.0.0.1",
                                                   "--port", str(port), "--num_workers", "1"], self.o.cpu, port)
            else:
                exe = self.o.portkey
                if not exe:
                    got = f"Portkey gateway not installed ({PORTKEY_HINT})"
                else:
                    progress.info(f"starting the Portkey gateway on :{port} (cpu {self.o.cpu or 'any'})")
                    got = self._launch("portkey", [exe, f"--port={port}", "--headless"], self.o.cpu, port)
        except Exception as e:  # noqa: BLE001
            got = str(e)
        self.llm_refs[case] = got
        return got

    def stop_all(self) -> None:
        # All at once (each drains in parallel), then wait for each and escalate if needed.
        for p in self.procs:
            p.terminate()
        for p in reversed(self.procs):
            p.stop()

    # -- cases -------------------------------------------------------------------------------

    def target(self, sc: Scenario, case: str, wait: bool = True) -> Target | str | None:
        """Start (once) what the case needs; a string says why it cannot run. ``wait=False`` only
        launches it (and returns None)."""
        assert self.upstream is not None
        if case == "direct":
            return Target(case, self.upstream_url, self.upstream)
        got = {"fastgate": lambda: self.gateway(sc), "nginx": lambda: self.nginx_for(sc),
               "fastgate-aiohttp": lambda: self.gateway(sc, "aiohttp"),
               "aiohttp": self.aiohttp_ref,
               "litellm": lambda: self.llm_ref(sc, "litellm"),
               "portkey": lambda: self.llm_ref(sc, "portkey")}[case]()
        if isinstance(got, str):
            return got
        if not wait:
            return None
        err = got.wait()
        if err:
            return err
        headers: tuple[tuple[str, str], ...] = ()
        if case == "litellm":
            headers = (("Authorization", f"Bearer {self.litellm_key}"),)
        elif case == "portkey":
            # Portkey routes by header: the OpenAI provider at the mock upstream (a trusted local host).
            headers = (("x-portkey-provider", "openai"), ("x-portkey-custom-host", self.upstream_url + "/v1"))
        return Target(case, got.url, got.proc, headers)

    def prepare(self) -> dict[str, list[Target]]:
        """Start servers and probe every case once; decide what runs."""
        ready: dict[str, list[Target]] = {}
        # Launch everything first (in parallel), then wait for each as its case comes up.
        for name in self.o.scenarios:
            sc = SCENARIOS[name]
            if sc.auth in ("jwt", "jwt-rotate"):
                self.ensure_keys(rotate=sc.auth == "jwt-rotate")
            for case in self.o.cases:
                if case != "direct":
                    self.target(sc, case, wait=False)
        for name in self.o.scenarios:
            sc = SCENARIOS[name]
            body = sc.body_bytes()
            if sc.auth in ("jwt", "jwt-rotate"):
                # Every case (references too) sends the same credential-bearing request.
                self.ensure_keys(rotate=sc.auth == "jwt-rotate")
            targets: list[Target] = []
            gw_unavailable = ""
            # The gateway first: a scenario whose stages have not landed is listed as "not available
            # yet" and its references are not run either (they would measure nothing to compare).
            for case in sorted(self.o.cases, key=lambda c: c != "fastgate"):
                if gw_unavailable:
                    self.state[(name, case)] = CaseState("skipped", "gateway case not available")
                    continue
                st = self.state.setdefault((name, case), CaseState())
                t = self.target(sc, case)
                assert t is not None
                if isinstance(t, str):
                    # A missing gateway stage or a missing tool is "unavailable", not a failure.
                    st.status, st.reason = "unavailable", t
                    if case == "fastgate":
                        gw_unavailable = t
                    progress.info(f"{name}/{case}: unavailable — {t.splitlines()[0]}")
                    continue
                headers = case_headers(request_headers(sc, self.keys, body), t.headers)
                try:
                    r = probe(t.url, sc, headers, body)
                    err = sc.check(r)
                except (OSError, http.client.HTTPException) as e:
                    err = f"probe failed: {e!r}"
                    r = None
                if err and case in LLM_REFS:
                    # Someone else's gateway that cannot serve this scenario here (its own bug, a
                    # version mismatch): reported, but not a failure of the bench.
                    st.status, st.reason = "unavailable", f"probe: {err}"
                    progress.info(f"{name}/{case}: unavailable — probe: {err}")
                    continue
                if err:
                    st.status, st.reason = "FAILED", f"probe: {err}"
                    progress.info(f"{name}/{case}: probe FAILED — {err}")
                    continue
                if case == "fastgate" and r is not None:
                    whys = [sc.gateway_check(r) if sc.gateway_check else None]
                    for what, drop_auth, expect in sc.gateway_probes:
                        try:
                            status = probe(t.url, sc, headers, body, drop_auth=drop_auth).status
                        except (OSError, http.client.HTTPException) as e:
                            status = f"nothing ({e!r})"  # type: ignore[assignment]
                        if status != expect:
                            whys.append(f"{what} answered {status}, expected {expect}")
                    if GATEWAY_CONFIGS[sc.config].access_log:
                        whys.append(self.pipeline_checks(sc, r))
                    why = "; ".join(w for w in whys if w)
                    if why:
                        st.status, st.reason = "unavailable", f"stage not active yet: {why}"
                        gw_unavailable = st.reason
                        progress.info(f"{name}/fastgate: not available yet — {why}")
                        continue
                progress.info(f"{name}/{case}: probe ok ({t.url}{sc.path})")
                targets.append(t)
            if gw_unavailable:
                self.unavailable[name] = gw_unavailable
            order = {c: i for i, c in enumerate(self.o.cases)}
            ready[name] = sorted(targets, key=lambda t: order[t.case])
        return ready

    def pipeline_checks(self, sc: Scenario, r: Resp) -> str | None:
        """What the client cannot see: the upstream received the prompt with its PII masked (the
        mock records every data request: ``GET /__mock/requests``), and the access log has the
        request's usage (tokens, cost). Matched by the request id the gateway sends both ways."""
        rid = r.headers.get("x-request-id")
        if not rid:
            return "no x-request-id on the answer (cannot match the upstream's record or the log line)"
        whys: list[str] = []
        try:
            uhost, uport = self.upstream_url.split("//", 1)[1].split(":")
            with contextlib.closing(http.client.HTTPConnection(uhost, int(uport), timeout=10)) as c:
                c.request("GET", "/__mock/requests")
                records = json.loads(c.getresponse().read())
        except (OSError, http.client.HTTPException, ValueError) as e:
            return f"GET /__mock/requests failed: {e!r}"
        mine = [rec for rec in records if (rec.get("headers") or {}).get("x-request-id") == rid]
        if not mine:
            whys.append(f"the upstream recorded no request with x-request-id {rid}")
        else:
            got = str(mine[-1].get("body", ""))
            leaked = [p.decode() for p in RAW_PII if p.decode() in got]
            if leaked:
                whys.append(f"the upstream received raw PII {leaked} (PII request mask)")
        log = self.access_logs.get(sc.config)
        rec: dict[str, Any] | None = None
        deadline = time.monotonic() + 3.0  # the access log flushes every 50 ms
        while log is not None and rec is None and time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                for line in log.read_text(errors="replace").splitlines():
                    with contextlib.suppress(ValueError):
                        d = json.loads(line)
                        if isinstance(d, dict) and d.get("request_id") == rid:
                            rec = d
            if rec is None:
                time.sleep(0.05)
        if rec is None:
            whys.append(f"no access-log line for request {rid}")
        else:
            usage_ok = all(isinstance(rec.get(k), int) and rec[k] > 0 for k in ("prompt_tokens", "completion_tokens"))
            if not usage_ok or not rec.get("tokens_source") or rec.get("cost_usd") is None:
                whys.append("the access-log line has no usage (prompt/completion tokens, tokens_source, cost_usd): "
                            + json.dumps({k: rec.get(k) for k in ("prompt_tokens", "completion_tokens",
                                                                   "tokens_source", "cost_usd")}))
        return "; ".join(whys) or None

    def _rotate_file(self, sc: Scenario) -> Path | None:
        return self.keys.rotate_file if sc.auth == "jwt-rotate" and self.keys else None

    def measure(self, sc: Scenario, t: Target, conns: int, rnd: int, rate: float = 0.0) -> Run | None:
        """Warm up, then one timed phase with CPU samples around it."""
        assert self.upstream is not None
        body = sc.body_bytes()
        headers = case_headers(request_headers(sc, self.keys, body), t.headers)
        rotate = self._rotate_file(sc)
        st = self.state[(sc.name, t.case)]
        try:
            if self.o.warmup > 0:
                self.gen.run(sc, t.url, headers, body, rotate, conns if not rate else self.o.rate_conns,
                             self.o.warmup, rate)
            if not t.proc.alive():
                raise RuntimeError(f"{t.proc.name} died:\n{t.proc.log_tail()}")
            # The private redis-server's CPU per request: what the Redis backend costs on the Redis
            # side (one core serves every gateway host of a cluster: the capacity model needs it).
            redis_proc = next((p for p in self.procs if p.name == "redis"), None) \
                if GATEWAY_CONFIGS[sc.config].needs_redis and t.case == "fastgate" else None
            ra = tree_ticks(redis_proc.pid) if redis_proc else 0
            a = Sample.take(t.proc.pid, self.upstream.pid)
            res = self.gen.run(sc, t.url, headers, body, rotate, conns if not rate else self.o.rate_conns,
                               self.o.duration, rate)
            b = Sample.take(t.proc.pid, self.upstream.pid)
            rb = tree_ticks(redis_proc.pid) if redis_proc else 0
            rss = [round(k / 1024, 1) for k in tree_rss_kib(t.proc.pid)]
            pss = [round(k / 1024, 1) for k in tree_rss_kib(t.proc.pid, "pss")]
        except Exception as e:  # noqa: BLE001 - the case is marked, the bench goes on
            st.status, st.reason = "FAILED", str(e).strip().splitlines()[0][:300]
            progress.info(f"{sc.name}/{t.case}: FAILED — {e}")
            return None
        for log in self.access_logs.values():
            # Keep the access log of long runs from filling the disk; the gateway appends.
            with contextlib.suppress(OSError):
                os.truncate(log, 0)
        served = res.requests
        us = (b.server - a.server) / CLK_TCK * 1e6 / served if served else None
        ups = (b.upstream - a.upstream) / CLK_TCK * 1e6 / served if served else None
        load_cpus = parse_cpu_list(self.o.load_cpu) if self.o.load_cpu else []
        srv_cpus = parse_cpu_list(self.o.cpu) if self.o.cpu else []
        other = None
        if srv_cpus and b.t > a.t:
            busy = busy_pct(a, b, srv_cpus)
            if busy is not None:
                # What else ran on the server's CPU: busy time minus the server's own ticks.
                total = sum(b.cpus[c][1] - a.cpus[c][1] for c in srv_cpus if c in a.cpus)
                own = 100.0 * (b.server - a.server) / total if total else 0.0
                other = max(0.0, busy - own) if t.case != "direct" else None
        run = Run(
            scenario=sc.name, case=t.case, conns=conns if not rate else self.o.rate_conns, round=rnd,
            mode="constant" if rate else "saturation", generator=res.generator, requests=served,
            duration_s=res.duration_s, rps=res.rps, latency_ms={k: v / 1000 for k, v in res.latency_us.items()},
            us_per_req=us, upstream_us_per_req=ups,
            redis_us_per_req=(rb - ra) / CLK_TCK * 1e6 / served if redis_proc and served else None,
            load_cpu_busy_pct=busy_pct(a, b, load_cpus) if load_cpus else None, server_cpu_other_pct=other,
            errors=res.errors, offered_rps=res.offered_rps,
            send_delay_ms={k: v / 1000 for k, v in res.send_delay_us.items()} if res.send_delay_us else None,
            gen_cpu_pct=res.gen_cpu_pct, rss_mib=rss, pss_mib=pss,
        )
        self.runs.append(run)
        if served == 0:
            st.status, st.reason = "FAILED", "no requests completed"
        elif res.error_count:
            st.status = "FAILED"
            st.reason = "errors: " + ", ".join(f"{k} {v}" for k, v in res.errors.items() if v)
        return run

    def execute(self) -> None:
        o = self.o
        self.start_upstream()
        ready = self.prepare()
        n_cases = sum(len(v) for v in ready.values())
        saturate = not o.constant_rate or o.at_half_max
        constant = bool(o.constant_rate or o.at_half_max)
        progress.total = n_cases * o.rounds * ((len(o.conns) if saturate else 0) + (1 if constant else 0))
        per = o.warmup + o.duration + 1.0
        progress.info(f"{progress.total} measurements × ~{per:.0f} s ≈ {progress.total * per / 60:.1f} min; "
                      f"generator: {self.gen.kind}; server cpu {o.cpu or 'unpinned'}, load cpu "
                      f"{o.load_cpu or 'unpinned'}")
        if saturate:
            for rnd in range(1, o.rounds + 1):
                for name, targets in ready.items():
                    for conns in o.conns:
                        for t in targets:
                            if self.state[(name, t.case)].status == "FAILED":
                                progress.advance(f"r{rnd}/{o.rounds} {name}·{t.case} c{conns}: skipped (FAILED)")
                                continue
                            run = self.measure(SCENARIOS[name], t, conns, rnd)
                            if run:
                                progress.advance(f"r{rnd}/{o.rounds} {name}·{t.case} c{conns}: {describe(run)}")
                            else:
                                progress.advance(f"r{rnd}/{o.rounds} {name}·{t.case} c{conns}: FAILED")
        if constant:
            for name, targets in ready.items():
                if not targets:
                    continue
                rate = o.constant_rate
                if o.at_half_max:
                    rate = self.half_max(name)
                    if not rate:
                        self.notes.append(f"{name}: no saturation number to take 50 % of; constant rate skipped")
                        continue
                    progress.info(f"{name}: constant rate at 50 % of the measured max = {rate:,.0f} req/s")
                for rnd in range(1, o.rounds + 1):
                    # direct first: it is the baseline the added latency is taken against.
                    for t in sorted(targets, key=lambda t: t.case != "direct"):
                        if self.state[(name, t.case)].status == "FAILED":
                            progress.advance(f"r{rnd}/{o.rounds} {name}·{t.case} @{rate:,.0f}/s: skipped (FAILED)")
                            continue
                        run = self.measure(SCENARIOS[name], t, o.rate_conns, rnd, rate=float(rate or 0))
                        progress.advance(f"r{rnd}/{o.rounds} {name}·{t.case} @{rate:,.0f}/s: "
                                         f"{describe(run) if run else 'FAILED'}")

    def half_max(self, scenario: str) -> float | None:
        """50 % of the gateway's median saturation RPS (of the nginx case if there is no gateway)."""
        for case in ("fastgate", "nginx", "aiohttp", "direct"):
            rps = [r.rps for r in self.runs if r.scenario == scenario and r.case == case and r.mode == "saturation"
                   and r.requests]
            if rps:
                if case != "fastgate":
                    self.notes.append(f"{scenario}: constant rate taken from the {case} case (no gateway numbers)")
                return round(statistics.median(rps) * 0.5)
        return None


# ============================================================================================
# --locust: the locustfile, headless, locust's own multi-process mode
# ============================================================================================

LOCUST_TENANTS = ("acme", "globex", "initech", "umbrella")


def mint_locust_tokens(keys: Keys, path: Path) -> None:
    """Tokens for bench/locustfile.py (``FGBENCH_TOKENS``): 8 subjects per tenant, 4 free-tier."""
    from cryptography.hazmat.primitives import serialization

    from fastgate.devkeys import mint_token

    key = serialization.load_pem_private_key((keys.dir / "key.pem").read_bytes(), password=None)

    def mint(sub: str, tenant: str, group: str) -> str:
        # The bench issuer's claim layout (scp, groups, tid), valid as long as the bench key.
        return mint_token(key, sub=sub, tenant=tenant, groups=[group], iss=ISSUER, aud=AUDIENCE, kid=KID,
                          ttl_s=6 * 3600, claims={"scp": "llm:invoke"})

    path.write_text(json.dumps({
        "tenants": {t: [mint(f"{t}-user-{i}", t, "bench") for i in range(8)] for t in LOCUST_TENANTS},
        "free": [mint(f"free-user-{i}", "free", "free-tier") for i in range(4)],
    }))


def _locust_stats(csv_prefix: Path) -> list[dict[str, str]]:
    with contextlib.suppress(OSError):
        import csv

        with open(f"{csv_prefix}_stats.csv", newline="") as f:
            return list(csv.DictReader(f))
    return []


def run_locust(o: Options, workdir: Path, args: argparse.Namespace) -> int:
    """Start the mock upstream and a gateway (``--workers``), run bench/locustfile.py headless with
    ``--processes``, and report locust's numbers beside the gateway's own CPU µs/request."""
    if importlib.util.find_spec("locust") is None:
        raise SystemExit("locust is not installed: pip install locust (it is in the bench extra)")
    bench = Bench(o, workdir)
    OUT.mkdir(parents=True, exist_ok=True)
    csv_prefix = OUT / "locust"
    html = OUT / "locust.html"
    try:
        bench.start_upstream()
        keys = bench.ensure_keys(rotate=False)
        tok_file = workdir / "locust-tokens.json"
        mint_locust_tokens(keys, tok_file)
        gw = bench._start_gateway(GATEWAY_CONFIGS["locust"])
        err = gw.wait()
        if err:
            raise SystemExit(f"the gateway did not start: {err}")
        assert bench.upstream is not None
        progress.info(f"locust: {args.locust_users} users, spawn {args.locust_spawn_rate}/s, {args.locust_time}, "
                      f"--processes {args.locust_processes} (load cpu {o.load_cpu or 'any'})")
        argv = [*(["taskset", "-c", o.load_cpu] if o.load_cpu else []), sys.executable, "-m", "locust",
                "-f", str(BENCH / "locustfile.py"), "--headless", "-H", gw.url,
                "-u", str(args.locust_users), "-r", str(args.locust_spawn_rate), "-t", args.locust_time,
                "--processes", str(args.locust_processes), "--csv", str(csv_prefix), "--html", str(html),
                "--only-summary", "--stop-timeout", "5", "--loglevel", "WARNING"]
        env = {**os.environ, "FGBENCH_TOKENS": str(tok_file), "FGBENCH_TEMPLATE_PATH": "/api/summarize"}
        a = Sample.take(gw.proc.pid, bench.upstream.pid)
        p = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=_seconds(args.locust_time) + 120)
        b = Sample.take(gw.proc.pid, bench.upstream.pid)
        rss = [round(k / 1024, 1) for k in tree_rss_kib(gw.proc.pid)]
    finally:
        bench.stop_all()
    if p.returncode not in (0, 1):
        print(p.stderr[-3000:], file=sys.stderr)
    rows = _locust_stats(csv_prefix)
    total = next((r for r in rows if r.get("Name") == "Aggregated"), None)
    limited = sum(int(r["Request Count"]) for r in rows if r.get("Type") == "LIMIT")
    if total is None:
        print(p.stderr[-3000:], file=sys.stderr)
        progress.info("locust produced no stats")
        return 1
    print("| type | name | requests | failures | RPS | p50 ms | p95 ms | p99 ms | avg bytes |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r.get('Type', '')} | {r['Name']} | {r['Request Count']} | {r['Failure Count']} "
              f"| {float(r['Requests/s']):,.1f} | {r['50%']} | {r['95%']} | {r['99%']} "
              f"| {float(r['Average Content Size']):,.0f} |")
    # Expected 429s are fired as their own LIMIT rows on top of the successful POST they belong
    # to: take them out of the served count.
    served = int(total["Request Count"]) - limited
    failures = int(total["Failure Count"])
    us = (b.server - a.server) / CLK_TCK * 1e6 / served if served else None
    secs = max(b.t - a.t, 1e-9)
    print(f"\nlocust: {served} requests ({served / secs:,.0f}/s over {secs:.0f} s incl. ramp-up), "
          f"{limited} expected 429s, {failures} failures; gateway CPU {_f(us, '.1f')} µs/request "
          f"(whole run, {o.workers or 1} worker(s), RSS per process MiB {rss}); loadavg {' '.join(loadavg())}")
    print(f"reports: {csv_prefix}_stats.csv, {csv_prefix}_failures.csv, {html}")
    return 0 if failures == 0 and served > 0 else 1


def _seconds(spec: str) -> float:
    """locust's ``-t`` syntax (``30s``, ``2m``, ``1h30m``) in seconds."""
    total, num = 0.0, ""
    for ch in spec:
        if ch.isdigit() or ch == ".":
            num += ch
        else:
            total += float(num or 0) * {"s": 1, "m": 60, "h": 3600}.get(ch, 1)
            num = ""
    return total + float(num or 0)


def describe(r: Run) -> str:
    us = f"{r.us_per_req:.1f} µs/req" if r.us_per_req is not None else "– µs/req"
    extra = ""
    if r.load_cpu_busy_pct is not None:
        extra += f", load CPU {r.load_cpu_busy_pct:.0f}%"
    if r.offered_rps:
        extra += f", offered {r.offered_rps:,.0f}/s"
    errs = sum(r.errors.values())
    return (f"{r.rps:,.0f} req/s, p50 {r.latency_ms['p50']:.2f} ms, p99 {r.latency_ms['p99']:.2f} ms, {us}{extra}"
            + (f", ERRORS {r.errors}" if errs else ""))


# ============================================================================================
# Aggregation and reports
# ============================================================================================


def _median(xs: list[float]) -> float | None:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def summarize(bench: Bench) -> list[dict[str, Any]]:
    """Medians over rounds per (mode, scenario, case, conns); ratios to nginx within each round."""
    rows: list[dict[str, Any]] = []
    keys: list[tuple[str, str, str, int]] = []
    for r in bench.runs:
        k = (r.mode, r.scenario, r.case, r.conns)
        if k not in keys:
            keys.append(k)
    by = {k: [r for r in bench.runs if (r.mode, r.scenario, r.case, r.conns) == k] for k in keys}
    for mode, scen, case, conns in keys:
        runs = by[(mode, scen, case, conns)]
        ref = {r.round: r for r in by.get((mode, scen, "nginx", conns), [])}
        direct = {r.round: r for r in by.get((mode, scen, "direct", conns), [])}
        rps_ratio, cap_ratio, added_p99 = [], [], []
        for r in runs:
            n = ref.get(r.round)
            # The direct row measures the upstream, not a proxy: a ratio to nginx means nothing there.
            if n and n.rps and case != "direct":
                rps_ratio.append(r.rps / n.rps)
                if r.us_per_req and n.us_per_req:
                    cap_ratio.append(n.us_per_req / r.us_per_req)
            d = direct.get(r.round)
            if d and case != "direct":
                added_p99.append(r.latency_ms["p99"] - d.latency_ms["p99"])
        st = bench.state.get((scen, case), CaseState())
        us = _median([r.us_per_req for r in runs])  # type: ignore[misc]
        row: dict[str, Any] = {
            "mode": mode, "scenario": scen, "case": case, "conns": conns, "rounds": len(runs),
            "generator": runs[0].generator,
            "rps": _median([r.rps for r in runs]),
            "p50_ms": _median([r.latency_ms["p50"] for r in runs]),
            "p99_ms": _median([r.latency_ms["p99"] for r in runs]),
            "p999_ms": _median([r.latency_ms["p999"] for r in runs]),
            "us_per_req": us,
            "capacity_rps_per_core": 1e6 / us if us else None,
            "upstream_us_per_req": _median([r.upstream_us_per_req for r in runs]),  # type: ignore[misc]
            "redis_us_per_req": _median([r.redis_us_per_req for r in runs]),  # type: ignore[misc]
            "rps_vs_nginx": _median(rps_ratio) if case != "nginx" else (1.0 if rps_ratio else None),
            "capacity_vs_nginx": _median(cap_ratio) if case != "nginx" else (1.0 if cap_ratio else None),
            "load_cpu_busy_pct": _median([r.load_cpu_busy_pct for r in runs]),  # type: ignore[misc]
            "server_cpu_other_pct": _median([r.server_cpu_other_pct for r in runs]),  # type: ignore[misc]
            "errors": sum(sum(r.errors.values()) for r in runs),
            "status": st.status, "reason": st.reason,
            # Largest single process of the tree (one worker, or the single-process server) and
            # the process count, from the last round.
            "rss_max_mib": max(runs[-1].rss_mib) if runs[-1].rss_mib else None,
            "procs": len(runs[-1].rss_mib) if runs[-1].rss_mib else None,
            "pss_total_mib": round(sum(runs[-1].pss_mib), 1) if runs[-1].pss_mib else None,
        }
        if mode == "constant":
            row["offered_rps"] = runs[0].offered_rps
            row["added_p99_ms"] = _median(added_p99) if added_p99 else None
            row["send_delay_p99_ms"] = _median([r.send_delay_ms["p99"] for r in runs if r.send_delay_ms])
            row["gen_cpu_pct"] = _median([r.gen_cpu_pct for r in runs])  # type: ignore[misc]
        rows.append(row)
    # Cases that never produced a number still get a row, so the table shows why.
    seen = {(r["scenario"], r["case"]) for r in rows}
    for (scen, case), st in bench.state.items():
        if (scen, case) not in seen and st.status not in ("ok", "skipped") and scen not in bench.unavailable:
            rows.append({"mode": "saturation", "scenario": scen, "case": case, "conns": None, "rounds": 0,
                         "rps": None, "us_per_req": None, "status": st.status, "reason": st.reason, "errors": 0})
    return rows


def _f(v: float | None, spec: str, dash: str = "–") -> str:
    return dash if v is None else format(v, spec)


def markdown(rows: list[dict[str, Any]], bench: Bench) -> str:
    o = bench.o
    gen = bench.gen.kind
    gen_desc = (f"wrk -t{o.wrk_threads} (closed loop)" if gen == "wrk"
                else "built-in asyncio generator (closed loop; wrk not used)")
    out: list[str] = []
    sat = [r for r in rows if r["mode"] == "saturation"]
    if sat:
        warm = f"after {o.warmup:g} s warm-up" if o.warmup > 0 else "no warm-up"
        out.append(f"**Saturation** — {gen_desc}, {o.duration:g} s × {o.rounds} round(s), {warm}, medians; "
                   f"server on CPU {o.cpu or 'unpinned'}, load + upstream on CPU {o.load_cpu or 'unpinned'}.")
        out.append("")
        out.append("| scenario | case | conns | RPS | p50 ms | p99 ms | p99.9 ms | CPU µs/req | RPS/core at 100 % CPU "
                   "| RPS ÷ nginx | CPU-capacity ÷ nginx | load CPU busy % | other load on server CPU % "
                   "| largest process RSS MiB | errors | result |")
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for r in sat:
            result = r["status"] if r["status"] != "ok" else "ok"
            if r["status"] != "ok" and r.get("reason"):
                result += f": {r['reason'].splitlines()[0][:140]}"
            case = r["case"] + (" (upstream alone)" if r["case"] == "direct" else "")
            out.append(
                f"| {r['scenario']} | {case} | {_f(r['conns'], 'd')} | {_f(r['rps'], ',.0f')} "
                f"| {_f(r.get('p50_ms'), '.2f')} | {_f(r.get('p99_ms'), '.2f')} | {_f(r.get('p999_ms'), '.2f')} "
                f"| {_f(r['us_per_req'], '.1f')} | {_f(r.get('capacity_rps_per_core'), ',.0f')} "
                f"| {_f(r.get('rps_vs_nginx'), '.3f')} | {_f(r.get('capacity_vs_nginx'), '.3f')} "
                f"| {_f(r.get('load_cpu_busy_pct'), '.0f')} | {_f(r.get('server_cpu_other_pct'), '.0f')} "
                f"| {_f(r.get('rss_max_mib'), '.0f')} | {r['errors']} | {result} |")
    const = [r for r in rows if r["mode"] == "constant"]
    if const:
        out.append("")
        out.append("**Constant rate (open loop)** — built-in generator, latency from each request's intended send "
                   f"time, {o.rate_conns} connections; added p99 = case p99 − direct p99 in the same round.")
        out.append("")
        out.append("| scenario | case | offered RPS | achieved RPS | p50 ms | p99 ms | p99.9 ms | added p99 ms "
                   "| CPU µs/req | send delay p99 ms | generator CPU % | errors | result |")
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for r in const:
            result = r["status"] if r["status"] != "ok" else "ok"
            if r["status"] != "ok" and r.get("reason"):
                result += f": {r['reason'].splitlines()[0][:140]}"
            if r["status"] == "ok" and r.get("offered_rps") and r["rps"] < 0.95 * r["offered_rps"]:
                result = "ok (rate not reached: server or generator saturated)"
            out.append(
                f"| {r['scenario']} | {r['case']} | {_f(r.get('offered_rps'), ',.0f')} | {_f(r['rps'], ',.0f')} "
                f"| {_f(r['p50_ms'], '.2f')} | {_f(r['p99_ms'], '.2f')} | {_f(r['p999_ms'], '.2f')} "
                f"| {_f(r.get('added_p99_ms'), '+.2f')} | {_f(r['us_per_req'], '.1f')} "
                f"| {_f(r.get('send_delay_p99_ms'), '.2f')} | {_f(r.get('gen_cpu_pct'), '.0f')} "
                f"| {r['errors']} | {result} |")
    targets = []
    for r in sat:
        if r["case"] == "fastgate" and r["scenario"] in TARGETS and r["us_per_req"]:
            us_t, ratio_t = TARGETS[r["scenario"]]
            line = f"{r['scenario']}: {r['us_per_req']:.1f} µs/req (target ≤ {us_t:g}: " \
                   f"{'met' if r['us_per_req'] <= us_t else 'NOT met'})"
            if ratio_t is not None and r.get("capacity_vs_nginx"):
                ok = r["capacity_vs_nginx"] >= ratio_t
                line += f", {r['capacity_vs_nginx']:.2f}× nginx CPU-capacity (target ≥ {ratio_t:.2f}: " \
                        f"{'met' if ok else 'NOT met'})"
            targets.append(line)
    redis_rows = [r for r in sat if r.get("redis_us_per_req")]
    if redis_rows:
        out.append("")
        out.append("Redis server CPU (private redis-server, not in the gateway's µs/req): " + "; ".join(
            f"{r['scenario']} c{r['conns']}: {r['redis_us_per_req']:.1f} µs/req" for r in redis_rows) + ".")
    if targets:
        out.append("")
        out.append("Targets (issues 2 and 9): " + "; ".join(targets) + ".")
    if bench.unavailable or bench.notes:
        out.append("")
    for n, why in bench.unavailable.items():
        out.append(f"- `{n}`: not available yet — {why.splitlines()[0][:200]}")
    for note in bench.notes:
        out.append(f"- {note}")
    return "\n".join(out).strip() + "\n"


def results_md_entry(table: str, meta: dict[str, Any], bench: Bench, argv: list[str]) -> str:
    v = meta["versions"]
    cmd = shlex.join(["python", "bench/run.py", *argv])
    scen = ", ".join(bench.o.scenarios)
    load_note = (f"loadavg {' '.join(meta['loadavg_start'])} at start, {' '.join(meta['loadavg_end'])} at end "
                 "(1/5/15 min); the 'other load on server CPU' column is the share of the pinned CPU used by "
                 "processes outside the case (other engineers' builds/tests share this box).")
    return "\n".join([
        f"## {meta['date']} — {scen}{' (smoke)' if bench.o.smoke else ''}",
        "",
        f"- command: `{cmd}`",
        f"- machine: nproc {meta['nproc']}, {meta['cpu_model']}, {meta['mem_gib']} GiB, Linux {meta['kernel']}",
        f"- versions: Python {v['python']}, aiohttp {v['aiohttp']}, uvloop {v['uvloop']}, httptools {v['httptools']}, "
        f"{v['fastgate']}, wrk {v['wrk'] or 'not installed'}, nginx {v['nginx'] or 'not installed'}",
        f"- load: {load_note}",
        *(f"- note: {n}" for n in meta.get("user_notes", [])),
        "",
        table,
    ])


RESULTS_HEADER = """# fastgate benchmark results

Written by `bench/run.py` (see bench/README.md for the method and how to read the columns).
Newest run first; earlier runs are kept below for comparison.

"""


def append_results(entry: str) -> None:
    """Insert ``entry`` under the header of bench/RESULTS.md (newest first, history kept)."""
    old = RESULTS_MD.read_text() if RESULTS_MD.exists() else ""
    if old.startswith(RESULTS_HEADER):
        old = old[len(RESULTS_HEADER):]
    RESULTS_MD.write_text(RESULTS_HEADER + entry.rstrip() + "\n\n" + old.lstrip())


def chart(rows: list[dict[str, Any]], path: Path) -> str | None:
    """RPS and µs/request per case, and latency percentiles, as one PNG. Returns a note if skipped."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib not installed: no chart"
    sat = [r for r in rows if r["mode"] == "saturation" and r.get("rps")]
    const = [r for r in rows if r["mode"] == "constant" and r.get("rps")]
    if not sat and not const:
        return "no numbers to chart"
    panels = 3 if sat else 0
    panels += 1 if const else 0
    fig, axes = plt.subplots(panels, 1, figsize=(11, 3.4 * panels), squeeze=False)
    ax_i = 0
    colors = {"direct": "#999999", "fastgate": "#1f77b4", "nginx": "#2ca02c", "aiohttp": "#ff7f0e",
              "fastgate-aiohttp": "#9467bd", "litellm": "#d62728", "portkey": "#8c564b"}

    def labels(rs: list[dict[str, Any]]) -> list[str]:
        multi_c = len({r["conns"] for r in rs}) > 1
        return [f"{r['scenario']}\n{r['case']}" + (f" c{r['conns']}" if multi_c else "") for r in rs]

    if sat:
        x = range(len(sat))
        c = [colors.get(r["case"], "#8c564b") for r in sat]
        ax = axes[ax_i][0]
        ax_i += 1
        ax.bar(x, [r["rps"] for r in sat], color=c)
        ax.set_ylabel("requests / s")
        ax.set_title("Throughput at saturation (median of rounds)")
        ax.set_xticks(list(x), labels(sat), fontsize=8)
        ax = axes[ax_i][0]
        ax_i += 1
        ax.bar(x, [r["us_per_req"] or 0 for r in sat], color=c)
        ax.set_ylabel("server CPU µs / request")
        ax.set_title("CPU cost per request (lower is better; 1e6/µs = RPS one core sustains)")
        ax.set_xticks(list(x), labels(sat), fontsize=8)
        ax = axes[ax_i][0]
        ax_i += 1
        w = 0.27
        for j, (k, name) in enumerate((("p50_ms", "p50"), ("p99_ms", "p99"), ("p999_ms", "p99.9"))):
            ax.bar([i + (j - 1) * w for i in x], [max(r[k] or 0, 1e-3) for r in sat], width=w, label=name)
        ax.set_yscale("log")
        ax.set_ylabel("latency ms (log)")
        ax.set_title("Latency percentiles at saturation")
        ax.set_xticks(list(x), labels(sat), fontsize=8)
        ax.legend(fontsize=8)
    if const:
        ax = axes[ax_i][0]
        x = range(len(const))
        w = 0.27
        for j, (k, name) in enumerate((("p50_ms", "p50"), ("p99_ms", "p99"), ("p999_ms", "p99.9"))):
            ax.bar([i + (j - 1) * w for i in x], [max(r[k] or 0, 1e-3) for r in const], width=w, label=name)
        ax.set_yscale("log")
        ax.set_ylabel("latency ms (log)")
        rates = ", ".join(sorted({f"{r['offered_rps']:,.0f}/s" for r in const}))
        ax.set_title(f"Open-loop latency at a constant rate ({rates})")
        ax.set_xticks(list(x), labels(const), fontsize=8)
        ax.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return None


# ============================================================================================
# Command line
# ============================================================================================


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="bench/run.py",
        description="fastgate benchmark: CPU µs/request, RPS, latency; nginx and aiohttp references in the same run.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("--scenario", action="append", choices=list(SCENARIOS), metavar="NAME",
                   help=f"scenario to run, repeatable: {', '.join(SCENARIOS)} (default: all available)")
    p.add_argument("--cases", default=",".join(DEFAULT_CASES),
                   help="comma list of cases: " + ", ".join(CASES) + " (default: " + ",".join(DEFAULT_CASES) + ")")
    p.add_argument("--list", action="store_true", help="list the scenarios and exit")
    p.add_argument("--rounds", type=int, default=None, help="rounds; each runs every case back to back (3; smoke 1)")
    p.add_argument("--duration", type=float, default=None, help="timed seconds per case and round (10; smoke 2)")
    p.add_argument("--warmup", type=float, default=None, help="warm-up seconds before each timed phase (3; smoke 0)")
    p.add_argument("--conns", default=None, help="client connections, comma list like 16,64,256 (64; smoke 8)")
    p.add_argument("--cpu", default="0", help="CPU(s) of the server under test (taskset list); 'none' to not pin")
    p.add_argument("--load-cpu", default="1", help="CPU(s) of the load generator and the upstream")
    p.add_argument("--generator", choices=("auto", "wrk", "builtin"), default="auto",
                   help="closed-loop load generator (auto: wrk when installed)")
    p.add_argument("--wrk-threads", type=int, default=1)
    p.add_argument("--timeout", type=float, default=5.0, help="per-request timeout (s)")
    p.add_argument("--constant-rate", type=float, default=None, metavar="R",
                   help="open loop: offer R requests/s to every case instead of saturating")
    p.add_argument("--at-half-max", action="store_true",
                   help="saturate first, then run every case open-loop at 50%% of the gateway's max")
    p.add_argument("--rate-conns", type=int, default=64, help="connections of the open-loop generator")
    p.add_argument("--workers", type=int, default=0, help="fastgate serve --workers (0 = single process)")
    p.add_argument("--litellm", default=None, metavar="PATH",
                   help="the LiteLLM proxy command for the litellm case (default: `litellm` on PATH)")
    p.add_argument("--portkey", default=None, metavar="PATH",
                   help="the Portkey gateway command for the portkey case (@portkey-ai/gateway's "
                        "node_modules/.bin/gateway; default: `portkey-gateway` on PATH)")
    p.add_argument("--redis-url", default=None,
                   help="Redis of the redis scenario (default: a private redis-server on a free port)")
    p.add_argument("--smoke", action="store_true",
                   help="a few seconds per case, no pinning, 8 connections, 1 round: does it still work?")
    p.add_argument("--json", default=str(OUT / "results.json"), help="JSON output file")
    p.add_argument("--chart", default=str(OUT / "chart.png"), help="PNG chart file")
    p.add_argument("--no-chart", action="store_true")
    p.add_argument("--no-append", action="store_true", help="do not add the table to bench/RESULTS.md")
    p.add_argument("--note", action="append", default=[], help="free text recorded with the results (repeatable)")
    p.add_argument("--workdir", default=None, help="where configs, logs and bodies go (default: a temp dir)")
    p.add_argument("--locust", action="store_true",
                   help="run bench/locustfile.py headless against a gateway (--workers) instead of the scenarios")
    p.add_argument("--locust-users", type=int, default=100, help="locust users (-u)")
    p.add_argument("--locust-spawn-rate", type=float, default=50, help="locust users started per second (-r)")
    p.add_argument("--locust-time", default="30s", help="locust run time (-t: 30s, 5m, ...)")
    p.add_argument("--locust-processes", type=int, default=2,
                   help="locust --processes: worker processes forked on this machine (-1 = one per core)")
    p.add_argument("--loadgen-child", default=None, help=argparse.SUPPRESS)
    return p


def options_from(args: argparse.Namespace) -> Options:
    nproc = os.cpu_count() or 1
    cpu: str | None = None if args.cpu in ("none", "") else args.cpu
    load_cpu: str | None = None if args.load_cpu in ("none", "") else args.load_cpu
    # Smoke: does the instrument still work? Not a measurement: no pinning, tiny load, one round,
    # no warm-up. Explicit options still win (the tests shorten it further).
    dflt = (2.0, 0.0, 1, "8") if args.smoke else (10.0, 3.0, 3, "64")
    duration = args.duration if args.duration is not None else dflt[0]
    warmup = args.warmup if args.warmup is not None else dflt[1]
    rounds = args.rounds if args.rounds is not None else dflt[2]
    conns = [int(c) for c in (args.conns or dflt[3]).split(",")]
    if args.smoke:
        cpu = load_cpu = None
    elif nproc < 2 and cpu is not None:
        progress.info("only one CPU: not pinning (numbers are then only indicative)")
        cpu = load_cpu = None
    if cpu and shutil.which("taskset") is None:
        progress.info("taskset not found (util-linux): not pinning")
        cpu = load_cpu = None
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    bad = [c for c in cases if c not in CASES]
    if bad:
        raise SystemExit(f"unknown case(s) {bad}; choose from {', '.join(CASES)}")
    return Options(
        scenarios=args.scenario or list(SCENARIOS), cases=cases, conns=conns, rounds=max(1, rounds),
        duration=duration, warmup=warmup, cpu=cpu, load_cpu=load_cpu, generator=args.generator,
        wrk_threads=args.wrk_threads, timeout=args.timeout, constant_rate=args.constant_rate,
        at_half_max=args.at_half_max, rate_conns=min(args.rate_conns, 16) if args.smoke else args.rate_conns,
        workers=args.workers, redis_url=args.redis_url, smoke=args.smoke, explicit_scenarios=bool(args.scenario),
        litellm=args.litellm or shutil.which("litellm"),
        portkey=args.portkey or shutil.which("portkey-gateway"),
    )


def list_scenarios() -> None:
    print("| scenario | what | gateway config |")
    print("|---|---|---|")
    for s in SCENARIOS.values():
        print(f"| {s.name} | {s.title} | {s.config} |")
    print("\nCases per scenario: " + "; ".join(f"{c} = {t}" for c, t in CASE_TITLES.items()))
    print("A scenario whose stages have not landed yet is reported as 'not available yet' when run.")


def _preload_matplotlib() -> None:
    with contextlib.suppress(ImportError):
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot  # noqa: F401


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    if args.loadgen_child:
        return loadgen_child(args.loadgen_child)
    if args.list:
        list_scenarios()
        return 0
    o = options_from(args)
    if args.locust:
        with tempfile.TemporaryDirectory(prefix="fglocust-") as wd:
            Path(wd).chmod(0o755)
            signal.signal(signal.SIGTERM, _interrupt)
            return run_locust(o, Path(args.workdir) if args.workdir else Path(wd), args)
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            progress.info(f"{tool} not found: {'built-in generator used' if tool == 'wrk' else 'nginx case skipped'}"
                          f" ({INSTALL_HINT})")
    OUT.mkdir(parents=True, exist_ok=True)
    tmp_ctx: contextlib.AbstractContextManager[str]
    tmp_ctx = contextlib.nullcontext(args.workdir) if args.workdir else tempfile.TemporaryDirectory(prefix="fgbench-")
    # `fastgate --version` & co. take a second or two, importing matplotlib several: do both
    # while the servers start.
    info_pool = ThreadPoolExecutor(2)
    meta_future = info_pool.submit(machine_info)
    if not args.no_chart:
        info_pool.submit(_preload_matplotlib)
    with tmp_ctx as wd:
        workdir = Path(wd)
        workdir.mkdir(parents=True, exist_ok=True)
        # nginx workers run as nobody and must reach their temp paths under the nginx prefix.
        workdir.chmod(0o755)
        bench = Bench(o, workdir)
        # SIGTERM (a CI timeout, say) must still stop the servers we started.
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            bench.execute()
        except KeyboardInterrupt:
            progress.info("interrupted: stopping servers")
            bench.stop_all()
            return 130
        finally:
            bench.stop_all()
    meta = meta_future.result()
    info_pool.shutdown()
    meta["user_notes"] = args.note
    meta["command"] = shlex.join(["python", "bench/run.py", *argv])
    meta["loadavg_end"] = loadavg()
    rows = summarize(bench)
    table = markdown(rows, bench)
    print(table)
    json_path = Path(args.json)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps({
        "meta": meta,
        "options": {k: getattr(o, k) for k in o.__dataclass_fields__},
        "generator": bench.gen.kind,
        "summary": rows,
        "runs": [r.__dict__ for r in bench.runs],
        "unavailable": bench.unavailable,
        "notes": bench.notes,
    }, indent=1, default=str))
    progress.info(f"JSON: {json_path}")
    if not args.no_chart:
        why = chart(rows, Path(args.chart))
        progress.info(why if why else f"chart: {args.chart}")
    if not args.no_append:
        append_results(results_md_entry(table, meta, bench, argv))
        progress.info(f"appended to {RESULTS_MD}")
    return exit_code(bench, rows)


def exit_code(bench: Bench, rows: list[dict[str, Any]]) -> int:
    """1 when a case produced no numbers or unexpected errors; unavailable optional parts are fine."""
    bad = [r for r in rows if r["status"] == "FAILED"]
    for name in bench.o.scenarios:
        sc = SCENARIOS[name]
        if name in bench.unavailable and (sc.core or bench.o.explicit_scenarios):
            bad.append({"scenario": name})
    for r in bad:
        progress.info(f"FAILED: {r['scenario']}/{r.get('case', 'fastgate')} {r.get('reason', 'not available')}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
