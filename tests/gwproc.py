"""Run `fastgate serve` as a real subprocess for process-model tests (supervisor + workers)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
from conftest import free_port


class Served:
    def __init__(self, proc: subprocess.Popen, url: str, admin: str, path: Path, log: Path) -> None:
        self.proc = proc
        self.url = url
        self.admin = admin
        self.path = path  # the config file (tests rewrite it to exercise reload)
        self.log = log  # the gateway's stderr

    def stderr_tail(self, n: int = 2000) -> str:
        try:
            return self.log.read_text(errors="replace")[-n:]
        except OSError:
            return ""


async def wait_ready(admin: str, proc: subprocess.Popen, timeout: float = 60, log: Path | None = None) -> None:
    end = time.monotonic() + timeout
    async with aiohttp.ClientSession() as s:
        while time.monotonic() < end:
            if proc.poll() is not None:
                tail = log.read_text(errors="replace")[-2000:] if log is not None and log.exists() else ""
                raise AssertionError(f"fastgate exited with {proc.returncode}: {tail}")
            try:
                async with s.get(admin + "/readyz") as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError("gateway never became ready")


async def serve(tmp_path: Path, text: str, workers: int = 2, name: str = "fastgate.yaml",
                ready: bool = True) -> Served:
    """Start `fastgate serve` on free ports (rewriting the `127.0.0.1:0` listen addresses of ``text``)."""
    port, aport = free_port(), free_port()
    text = text.replace('listen: "127.0.0.1:0"', f'listen: "127.0.0.1:{port}"', 1)
    text = text.replace('admin_listen: "127.0.0.1:0"', f'admin_listen: "127.0.0.1:{aport}"', 1)
    path = tmp_path / name
    path.write_text(text)
    log = tmp_path / (name + ".stderr")
    # stderr to a file, not a pipe nobody reads: a chatty gateway must never block on a full pipe.
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "fastgate", "serve", "-c", str(path), "--workers", str(workers)],
                                stdout=subprocess.DEVNULL, stderr=err)
    s = Served(proc, f"http://127.0.0.1:{port}", f"http://127.0.0.1:{aport}", path, log)
    if ready:
        try:
            await wait_ready(s.admin, proc, log=log)
        except AssertionError:
            if proc.poll() is None:
                proc.kill()
            raise
    return s


def stop(s: Served) -> int:
    """SIGTERM (drain), then the exit code; killed if it does not exit within 30 s."""
    if s.proc.poll() is None:
        s.proc.send_signal(signal.SIGTERM)
    try:
        return s.proc.wait(30)
    finally:
        if s.proc.poll() is None:
            s.proc.kill()


def worker_pids(sup_pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(sup_pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out]


def server_pid(server_port: int, client_port: int, pids: list[int]) -> int | None:
    """Which of ``pids`` accepted the TCP connection 127.0.0.1:client_port -> :server_port.

    SO_REUSEPORT lets the kernel pick the worker; the accepted socket's inode (``/proc/net/tcp``)
    is found among the workers' file descriptors.
    """
    inode = None
    with open("/proc/net/tcp") as f:
        next(f)
        for line in f:
            fields = line.split()
            local, remote = fields[1], fields[2]
            if int(local.split(":")[1], 16) == server_port and int(remote.split(":")[1], 16) == client_port:
                inode = fields[9]
                break
    if inode is None:
        return None
    want = f"socket:[{inode}]"
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == want:
                    return pid
            except OSError:
                continue
    return None
