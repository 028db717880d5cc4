"""The usage ledger: requests, tokens and cost per (day, tenant, subject, model).

Hot path: :meth:`UsageLedger.record` adds to an in-memory dict (~0.3 µs). Write-behind: every
``flush_interval_s`` (default 1 s) the pending rows are added to SQLite in one transaction (WAL
mode, so several workers and the admin reader share the file). Durability contract: an
acknowledged request's usage is on disk within ``flush_interval_s``; a worker killed with SIGKILL
loses at most that window; a graceful stop (drain, reload) flushes.

With ``usage.store: redis`` (the default when ``rate_limit.backend: redis``) the rows go to Redis
instead, so every host's usage lands in one place: one hash per day (``{prefix}{YYYY-MM-DD}``), a
field per (tenant, subject, model, measure) incremented with HINCRBY/HINCRBYFLOAT in one pipeline
per flush. Increments commute, so concurrent flushes from many workers and hosts add up exactly.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
import logging
import os
import sqlite3
import time
from typing import Any

import orjson

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


MEASURES = ("requests", "prompt_tokens", "completion_tokens", "cost_usd")


class UsageLedger:
    """Write-behind ledger. ``redis_url`` set → Redis hashes; else the SQLite file at ``path``."""

    def __init__(self, path: str, flush_interval_s: float = 1.0, *, redis_url: str | None = None,
                 key_prefix: str = "fastgate:usage:") -> None:
        self.path = path
        self.flush_interval_s = flush_interval_s
        self.redis_url = redis_url
        self.key_prefix = key_prefix
        self._pending: dict[tuple[str, str, str, str], list[float]] = {}
        self._redis: Any = None
        self._conn = _connect(path) if redis_url is None else None
        self._task: asyncio.Task | None = None
        # The UTC day of [_day_start, _day_end): one clock read and two comparisons per record.
        self._day_start = self._day_end = 0.0
        self._day_str = ""

    def _day(self) -> str:
        now = time.time()
        if not self._day_start <= now < self._day_end:
            d = int(now) // 86400
            self._day_start, self._day_end = d * 86400.0, (d + 1) * 86400.0
            self._day_str = _dt.datetime.fromtimestamp(d * 86400, _dt.UTC).strftime("%Y-%m-%d")
        return self._day_str

    def record(self, tenant: str, subject: str, model: str, prompt: int, completion: int, cost: float) -> None:
        now = time.time()
        day = self._day_str if self._day_start <= now < self._day_end else self._day()
        key = (day, tenant, subject, model)
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
        me = asyncio.current_task()
        # Stops on a cancellation even if the Redis client swallowed it during a flush.
        while me is None or not me.cancelling():
            await asyncio.sleep(self.flush_interval_s)
            try:
                await self.aflush()
            except Exception:
                log.exception("usage flush failed; rows kept for the next try")

    async def aflush(self) -> int:
        """Flush to whichever store this ledger writes (the only flush for Redis)."""
        if self.redis_url is None:
            return self.flush()
        if not self._pending:
            return 0
        if self._redis is None:
            import redis.asyncio as aioredis

            self._redis = aioredis.from_url(self.redis_url, socket_timeout=5, socket_connect_timeout=5)
        pending = self._pending
        self._pending = {}
        try:
            pipe = self._redis.pipeline(transaction=False)
            for (day, tenant, subject, model), row in pending.items():
                key = self.key_prefix + day
                for measure, value in zip(MEASURES, row, strict=True):
                    field = orjson.dumps([tenant, subject, model, measure])
                    if measure == "cost_usd":
                        pipe.hincrbyfloat(key, field, float(value))
                    else:
                        pipe.hincrby(key, field, int(value))
            await pipe.execute()
        except BaseException:
            # Not written: merge back so the next flush retries (increments are not idempotent, so a
            # pipeline that failed half-way may double-count those rows; Redis errors are logged).
            for k, row in pending.items():
                cur = self._pending.get(k)
                self._pending[k] = row if cur is None else [a + b for a, b in zip(cur, row, strict=True)]
            raise
        return len(pending)

    def flush(self) -> int:
        if not self._pending or self._conn is None:
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

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        try:
            await self.aflush()
        finally:
            if self._conn is not None:
                self._conn.close()
            if self._redis is not None:
                await self._redis.aclose()


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


async def query_usage_redis(url: str, key_prefix: str, group_by: str = "subject",
                            since: str | None = None) -> list[dict[str, Any]]:
    """``GET /admin/usage`` from the Redis ledger (same shape as :func:`query_usage`)."""
    import redis.asyncio as aioredis

    if group_by not in GROUPS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPS)}")
    day_min = ""
    if since:
        try:
            day_min = _dt.date.fromisoformat(since[:10]).isoformat()
        except ValueError:
            raise ValueError("since must be an ISO 8601 date or datetime")
    names = [c.strip() for c in GROUPS[group_by].split(",")]
    acc: dict[tuple, dict[str, Any]] = {}
    r = aioredis.from_url(url, socket_timeout=5)
    try:
        async for key in r.scan_iter(match=key_prefix + "*", count=500):
            day = key.decode()[len(key_prefix):]
            if day < day_min:
                continue
            for field, value in (await r.hgetall(key)).items():
                tenant, subject, model, measure = orjson.loads(field)
                rec = {"day": day, "tenant": tenant, "subject": subject, "model": model}
                gk = tuple(rec[n] for n in names)
                row = acc.get(gk)
                if row is None:
                    row = acc[gk] = {**{n: rec[n] for n in names}, "requests": 0, "prompt_tokens": 0,
                                     "completion_tokens": 0, "cost_usd": 0.0}
                row[measure] += float(value) if measure == "cost_usd" else int(value)
    finally:
        await r.aclose()
    rows = list(acc.values())
    for row in rows:
        row["cost_usd"] = round(row["cost_usd"], 10)
    rows.sort(key=lambda x: (-x["cost_usd"], [str(x[n]) for n in names]))
    return rows
