"""The usage ledger: requests, tokens and cost per (day, tenant, subject, model).

Hot path: :meth:`UsageLedger.record` adds to an in-memory dict (~0.3 µs). Write-behind: every
``flush_interval_s`` (default 1 s) the pending rows are added to SQLite in one transaction (WAL
mode, so several workers and the admin reader share the file). Durability contract: an
acknowledged request's usage is on disk within ``flush_interval_s``; a worker killed with SIGKILL
loses at most that window; a graceful stop (drain, reload) flushes.

Multi-host deployments point every host's ``usage.path`` at its own file and aggregate
externally; a shared Redis ledger is future work (see the issue notes).
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import logging
import os
import sqlite3
import time
from typing import Any

log = logging.getLogger("fastgate.usage")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS usage (
    day TEXT NOT NULL, tenant TEXT NOT NULL, subject TEXT NOT NULL, model TEXT NOT NULL,
    requests INTEGER NOT NULL DEFAULT 0, prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0, cost_usd REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (day, tenant, subject, model)
)
"""
_UPSERT = """
INSERT INTO usage (day, tenant, subject, model, requests, prompt_tokens, completion_tokens, cost_usd)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (day, tenant, subject, model) DO UPDATE SET
    requests = requests + excluded.requests,
    prompt_tokens = prompt_tokens + excluded.prompt_tokens,
    completion_tokens = completion_tokens + excluded.completion_tokens,
    cost_usd = cost_usd + excluded.cost_usd
"""
GROUPS = {"subject": "tenant, subject", "tenant": "tenant", "model": "model", "day": "day"}


def _connect(path: str) -> sqlite3.Connection:
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute(_SCHEMA)
    return conn


class UsageLedger:
    def __init__(self, path: str, flush_interval_s: float = 1.0) -> None:
        self.path = path
        self.flush_interval_s = flush_interval_s
        self._pending: dict[tuple[str, str, str, str], list[float]] = {}
        self._conn = _connect(path)
        self._task: asyncio.Task | None = None
        self._day_cache = (0, "")

    def _day(self) -> str:
        now = int(time.time())
        d = now // 86400
        if d != self._day_cache[0]:
            self._day_cache = (d, _dt.datetime.fromtimestamp(d * 86400, _dt.UTC).strftime("%Y-%m-%d"))
        return self._day_cache[1]

    def record(self, tenant: str, subject: str, model: str, prompt: int, completion: int, cost: float) -> None:
        key = (self._day(), tenant, subject, model)
        row = self._pending.get(key)
        if row is None:
            self._pending[key] = [1, prompt, completion, cost]
        else:
            row[0] += 1
            row[1] += prompt
            row[2] += completion
            row[3] += cost

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.flush_interval_s)
            try:
                self.flush()
            except Exception:
                log.exception("usage flush failed; rows kept for the next try")

    def flush(self) -> int:
        if not self._pending:
            return 0
        rows = [(*k, int(v[0]), int(v[1]), int(v[2]), float(v[3])) for k, v in self._pending.items()]
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._conn.executemany(_UPSERT, rows)
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._pending.clear()
        return len(rows)

    def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        try:
            self.flush()
        finally:
            self._conn.close()


def query_usage(path: str, group_by: str = "subject", since: str | None = None) -> list[dict[str, Any]]:
    """Aggregate the ledger for ``GET /admin/usage``. ``since`` is an ISO 8601 date or datetime
    (day granularity: the ledger keeps days)."""
    if group_by not in GROUPS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPS)}")
    cols = GROUPS[group_by]
    args: list[Any] = []
    where = ""
    if since:
        try:
            day = _dt.date.fromisoformat(since[:10]).isoformat()
        except ValueError:
            raise ValueError("since must be an ISO 8601 date or datetime")
        where = "WHERE day >= ?"
        args.append(day)
    if not os.path.exists(path):
        return []
    conn = _connect(path)
    try:
        cur = conn.execute(
            f"SELECT {cols}, SUM(requests), SUM(prompt_tokens), SUM(completion_tokens), SUM(cost_usd) "
            f"FROM usage {where} GROUP BY {cols} ORDER BY SUM(cost_usd) DESC, {cols}", args)
        names = [c.strip() for c in cols.split(",")]
        out = []
        for row in cur.fetchall():
            rec = dict(zip(names, row[: len(names)], strict=True))
            rec.update(requests=row[-4], prompt_tokens=row[-3], completion_tokens=row[-2], cost_usd=round(row[-1], 10))
            out.append(rec)
        return out
    finally:
        conn.close()
