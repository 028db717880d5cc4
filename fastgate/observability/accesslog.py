"""The access log: one JSON line per request, without stdlib ``logging`` on the hot path.

Lines are serialised by the jsonline kernel (orjson's bytes, fewer instructions; a request's record
usually arrives already serialised, see ``server.handler.access_record``) and appended to a list;
the list is written with one ``os.write`` per event-loop batch (at most ``flush_interval`` later,
or at once past ``max_buffer`` bytes). On a regular file the fd is opened ``O_APPEND`` so several workers can share
one file without tearing lines. ``reopen()`` (SIGUSR1) supports logrotate.

Durability: lines still in the buffer when a worker is SIGKILLed are lost — at most
``flush_interval`` (50 ms) of lines. A graceful stop flushes.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from .._native import kernel

_dumps_line = kernel("jsonline").dumps_line  # orjson.dumps(record, option=OPT_APPEND_NEWLINE)


class AccessLog:
    def __init__(self, target: str = "stdout", *, flush_interval: float = 0.05, max_buffer: int = 65536) -> None:
        self.target = target
        # A plain attribute, read per request (a property costs a Python call on 3.11).
        self.enabled = target != "off"
        self.flush_interval = flush_interval
        self.max_buffer = max_buffer
        self._buf: list[bytes] = []
        self._size = 0
        self._handle: asyncio.TimerHandle | None = None
        self._fd = -1
        self._own_fd = False
        self.lines_written = 0
        self._open()

    def _open(self) -> None:
        if self.target == "off":
            self._fd = -1
        elif self.target == "stdout":
            self._fd = sys.stdout.fileno()
            self._own_fd = False
        elif self.target == "stderr":
            self._fd = sys.stderr.fileno()
            self._own_fd = False
        else:
            self._fd = os.open(self.target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            self._own_fd = True

    def reopen(self) -> None:
        """Close and reopen the file (logrotate's ``postrotate`` sends SIGUSR1)."""
        self.flush()
        if self._own_fd:
            try:
                os.close(self._fd)
            except OSError:
                pass
        self._open()

    def write(self, record: dict[str, Any] | bytes) -> None:
        """Queue one line: ``record`` serialised (a dict), or a finished line (bytes ending in ``\\n``)."""
        if self._fd < 0:
            return
        line = record if type(record) is bytes else _dumps_line(record)
        self._buf.append(line)
        self._size += len(line)
        if self._size >= self.max_buffer:
            self.flush()
        elif self._handle is None:
            try:
                self._handle = asyncio.get_running_loop().call_later(self.flush_interval, self.flush)
            except RuntimeError:
                self.flush()

    def flush(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if not self._buf:
            return
        data = b"".join(self._buf)
        n = len(self._buf)
        self._buf.clear()
        self._size = 0
        view = memoryview(data)
        while view:
            try:
                written = os.write(self._fd, view)
            except BlockingIOError:
                continue
            except OSError:
                break  # a broken stdout must not take the gateway down
            view = view[written:]
        self.lines_written += n

    def close(self) -> None:
        self.flush()
        if self._own_fd and self._fd >= 0:
            os.close(self._fd)
        self._fd = -1
