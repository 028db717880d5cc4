"""Subscriptions: which app may call which route or model (``subscription: required``).

An *app* is the caller's OAuth client (``client:<client_id|azp>``) or API key
(``api_key:<name>``): two namespaces, so a JWT client that happens to be called like an API key
never inherits that key's subscriptions. A *resource* is ``model:<name>`` or ``route:<name>``.

Lifecycle: ``pending`` (requested) → ``approved`` → ``revoked`` (a revoked subscription may be
approved again). Every change bumps a version counter and appends an audit row (who, what, when).

Stores (one interface, DESIGN practice 9):

* :class:`SQLiteStore` — one file shared by the workers (and the supervisor's admin plane) of a
  host, WAL mode so readers never wait for a writer;
* :class:`RedisStore` — one store for every host of a cluster.

Workers never query the store on the hot path: a :class:`SubscriptionView` polls the version counter
every ``poll_interval_s`` (≤ 1 s) in a background task and swaps in a new ``frozenset`` of approved
``(app, resource, tenant)`` triples when it changed; the request path does one or two set lookups.

Tenants: a subscription requested with a ``tenant`` admits the app only for callers whose identity
carries that tenant (a multi-tenant app approved for tenant A does not reach the resource on behalf
of tenant B); one without a tenant admits the app for every tenant. Internally "no tenant" is ``""``.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
import weakref
from typing import Any

import orjson

__all__ = ["SubscriptionError", "SubscriptionStore", "SQLiteStore", "RedisStore", "SubscriptionView", "open_store",
           "store_key", "stop_views", "view_for"]

log = logging.getLogger("fastgate.governance")

STATUSES = ("pending", "approved", "revoked")
# (action, statuses it may start from, status it leads to)
_TRANSITIONS = {"approve": (("pending", "revoked"), "approved"), "revoke": (("pending", "approved"), "revoked")}


class SubscriptionError(ValueError):
    """A request the store refuses (unknown id, impossible transition, bad field): HTTP 4xx."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_names(app: str, resource: str, tenant: str | None = None) -> None:
    """Validate ``app``/``resource``/``tenant`` (namespaced, bounded, printable: they end up in logs and HTML)."""
    if not (app.startswith("client:") or app.startswith("api_key:")) or len(app) <= app.index(":") + 1:
        raise SubscriptionError(400, "app must be 'client:<client_id>' or 'api_key:<key name>'")
    if not (resource.startswith("model:") or resource.startswith("route:")) or len(resource) <= 6:
        raise SubscriptionError(400, "resource must be 'model:<name>' or 'route:<name>'")
    for v in (app, resource, tenant or ""):
        if len(v) > 256 or not v.isprintable():
            raise SubscriptionError(400, "app, resource and tenant are at most 256 printable characters")


class SubscriptionStore:
    """The interface every store implements (all methods are coroutines; ids are strings)."""

    async def request(self, app: str, resource: str, actor: str, tenant: str | None = None) -> dict[str, Any]:
        """Create a ``pending`` subscription (or return the existing one for the same pair)."""
        raise NotImplementedError

    async def transition(self, sub_id: str, action: str, actor: str) -> dict[str, Any]:
        """``approve`` or ``revoke`` a subscription; raises :class:`SubscriptionError`."""
        raise NotImplementedError

    async def entries(self) -> list[dict[str, Any]]:
        """Every subscription, oldest first."""
        raise NotImplementedError

    async def audit(self, limit: int = 1000) -> list[dict[str, Any]]:
        """The newest ``limit`` audit rows, oldest first."""
        raise NotImplementedError

    async def version(self) -> int:
        """A counter bumped by every change (what workers poll)."""
        raise NotImplementedError

    async def approved(self) -> tuple[int, frozenset[tuple[str, str, str]]]:
        """``(version, approved (app, resource, tenant or "") triples)`` read consistently."""
        raise NotImplementedError

    async def close(self) -> None:
        return None


# ---------------------------------------------------------------------------------------------- SQLite
_SCHEMA = """
CREATE TABLE IF NOT EXISTS subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, app TEXT NOT NULL, resource TEXT NOT NULL, tenant TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL, requested_by TEXT, requested_at REAL NOT NULL, updated_at REAL NOT NULL,
    UNIQUE (app, resource, tenant));
CREATE TABLE IF NOT EXISTS subscription_audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL, sub_id INTEGER NOT NULL, action TEXT NOT NULL,
    actor TEXT, app TEXT, resource TEXT, status TEXT);
CREATE TABLE IF NOT EXISTS subscription_meta (k TEXT PRIMARY KEY, v INTEGER NOT NULL);
INSERT OR IGNORE INTO subscription_meta (k, v) VALUES ('version', 0);
"""


def _row(r: sqlite3.Row | tuple) -> dict[str, Any]:
    keys = ("id", "app", "resource", "tenant", "status", "requested_by", "requested_at", "updated_at")
    d = dict(zip(keys, r, strict=True))
    d["id"] = str(d["id"])
    d["tenant"] = d["tenant"] or None
    return d


class SQLiteStore(SubscriptionStore):
    """Subscriptions in one SQLite file (WAL): durable once a call returns (``synchronous=FULL``)."""

    def __init__(self, path: str) -> None:
        self.path = path
        # One connection, used from admin threads and the poller: one transaction at a time.
        self._lock = threading.RLock()
        self._conn = self._connect()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        # An approval or revocation acknowledged to the admin must survive a power cut.
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA busy_timeout=5000")
        with _tx(conn):
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    conn.execute(stmt)
        return conn

    # -- synchronous core (admin calls run it in a thread; the poller's reads are tiny)
    def _audit(self, sub_id: int, action: str, actor: str, app: str, resource: str, status: str, now: float) -> None:
        self._conn.execute("INSERT INTO subscription_audit (ts, sub_id, action, actor, app, resource, status) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", (now, sub_id, action, actor, app, resource, status))
        self._conn.execute("UPDATE subscription_meta SET v = v + 1 WHERE k = 'version'")

    def _request(self, app: str, resource: str, actor: str, tenant: str | None) -> dict[str, Any]:
        check_names(app, resource, tenant)
        now = time.time()
        c = self._conn
        tenant = tenant or ""
        with _tx(c):
            cur = c.execute("SELECT * FROM subscriptions WHERE app = ? AND resource = ? AND tenant = ?",
                            (app, resource, tenant)).fetchone()
            if cur is not None:
                return _row(cur)
            sid = c.execute("INSERT INTO subscriptions (app, resource, tenant, status, requested_by, requested_at, "
                            "updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)",
                            (app, resource, tenant, actor, now, now)).lastrowid
            assert sid is not None
            self._audit(sid, "request", actor, app, resource, "pending", now)
            return _row(c.execute("SELECT * FROM subscriptions WHERE id = ?", (sid,)).fetchone())

    def _transition(self, sub_id: str, action: str, actor: str) -> dict[str, Any]:
        if action not in _TRANSITIONS:
            raise SubscriptionError(404, f"unknown action {action!r}")
        try:
            sid = int(sub_id)
        except ValueError:
            raise SubscriptionError(404, "no such subscription") from None
        sources, target = _TRANSITIONS[action]
        now = time.time()
        c = self._conn
        with _tx(c):
            cur = c.execute("SELECT * FROM subscriptions WHERE id = ?", (sid,)).fetchone()
            if cur is None:
                raise SubscriptionError(404, "no such subscription")
            row = _row(cur)
            if row["status"] not in sources:
                raise SubscriptionError(409, f"cannot {action} a subscription that is {row['status']}")
            c.execute("UPDATE subscriptions SET status = ?, updated_at = ? WHERE id = ?", (target, now, sid))
            self._audit(sid, action, actor, row["app"], row["resource"], target, now)
            row["status"], row["updated_at"] = target, now
            return row

    def _list(self) -> list[dict[str, Any]]:
        return [_row(r) for r in self._conn.execute("SELECT * FROM subscriptions ORDER BY id")]

    def _audit_rows(self, limit: int) -> list[dict[str, Any]]:
        rows = self._conn.execute("SELECT seq, ts, sub_id, action, actor, app, resource, status FROM "
                                  "subscription_audit ORDER BY seq DESC LIMIT ?", (limit,)).fetchall()
        keys = ("seq", "ts", "subscription", "action", "actor", "app", "resource", "status")
        out = [dict(zip(keys, r, strict=True)) for r in reversed(rows)]
        for d in out:
            d["subscription"] = str(d["subscription"])
        return out

    def version_now(self) -> int:
        """The version counter, synchronously (a one-row read)."""
        return int(self._conn.execute("SELECT v FROM subscription_meta WHERE k = 'version'").fetchone()[0])

    def approved_now(self) -> tuple[int, frozenset[tuple[str, str, str]]]:
        """``approved()`` synchronously, in one read transaction."""
        c = self._conn
        with _tx(c, "BEGIN"):
            v = int(c.execute("SELECT v FROM subscription_meta WHERE k = 'version'").fetchone()[0])
            pairs = frozenset((a, r, t) for a, r, t in c.execute(
                "SELECT app, resource, tenant FROM subscriptions WHERE status = 'approved'"))
        return v, pairs

    # -- async interface
    def _locked(self, fn: Any, *args: Any) -> Any:
        with self._lock:
            return fn(*args)

    async def request(self, app: str, resource: str, actor: str, tenant: str | None = None) -> dict[str, Any]:
        return await asyncio.to_thread(self._locked, self._request, app, resource, actor, tenant)  # type: ignore[no-any-return]

    async def transition(self, sub_id: str, action: str, actor: str) -> dict[str, Any]:
        return await asyncio.to_thread(self._locked, self._transition, sub_id, action, actor)  # type: ignore[no-any-return]

    async def entries(self) -> list[dict[str, Any]]:
        return await asyncio.to_thread(self._locked, self._list)  # type: ignore[no-any-return]

    async def audit(self, limit: int = 1000) -> list[dict[str, Any]]:
        return await asyncio.to_thread(self._locked, self._audit_rows, limit)  # type: ignore[no-any-return]

    async def version(self) -> int:
        return self._locked(self.version_now)  # type: ignore[no-any-return]

    async def approved(self) -> tuple[int, frozenset[tuple[str, str, str]]]:
        return self._locked(self.approved_now)  # type: ignore[no-any-return]

    async def close(self) -> None:
        self._conn.close()


class _tx:
    """``BEGIN IMMEDIATE … COMMIT`` (or ROLLBACK on error): writers serialise across processes."""

    def __init__(self, conn: sqlite3.Connection, begin: str = "BEGIN IMMEDIATE") -> None:
        self.conn = conn
        self.begin = begin

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute(self.begin)
        return self.conn

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        self.conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")


# ---------------------------------------------------------------------------------------------- Redis
# One Lua script per change: read, check the transition, write, audit and bump the version atomically
# (two admins approving and revoking at once must not interleave).
_LUA_REQUEST = """
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then return redis.call('HGET', KEYS[2] .. existing, 'doc') end
local id = redis.call('INCR', KEYS[3])
local d = cjson.decode(ARGV[2])
d['id'] = tostring(id)
local doc = cjson.encode(d)
redis.call('HSET', KEYS[2] .. id, 'doc', doc, 'status', 'pending', 'pair', ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], id)
local a = cjson.decode(ARGV[3])
a['subscription'] = tostring(id)
redis.call('RPUSH', KEYS[4], cjson.encode(a))
redis.call('INCR', KEYS[5])
return doc
"""
_LUA_TRANSITION = """
local key = KEYS[1] .. ARGV[1]
local status = redis.call('HGET', key, 'status')
if not status then return {err = 'NOTFOUND'} end
local ok = false
for i = 3, #ARGV - 2 do if ARGV[i] == status then ok = true end end
if not ok then return {err = 'CONFLICT ' .. status} end
local doc = cjson.decode(redis.call('HGET', key, 'doc'))
doc['status'] = ARGV[2]
doc['updated_at'] = tonumber(ARGV[#ARGV - 1])
local out = cjson.encode(doc)
redis.call('HSET', key, 'doc', out, 'status', ARGV[2])
local audit = cjson.decode(ARGV[#ARGV])
audit['app'] = doc['app']
audit['resource'] = doc['resource']
redis.call('RPUSH', KEYS[2], cjson.encode(audit))
redis.call('INCR', KEYS[3])
return out
"""


class RedisStore(SubscriptionStore):
    """Subscriptions in Redis under ``key_prefix``: ``sub:<id>`` hashes, a pair index, an audit list."""

    def __init__(self, url: str, key_prefix: str = "fastgate:subs:") -> None:
        import redis.asyncio as aioredis

        self.url = url
        self.p = key_prefix
        self.r = aioredis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self._req = self.r.register_script(_LUA_REQUEST)
        self._tr = self.r.register_script(_LUA_TRANSITION)

    async def request(self, app: str, resource: str, actor: str, tenant: str | None = None) -> dict[str, Any]:
        check_names(app, resource, tenant)
        now = time.time()
        doc = {"id": "", "app": app, "resource": resource, "tenant": tenant, "status": "pending",
               "requested_by": actor, "requested_at": now, "updated_at": now}
        audit = {"ts": now, "subscription": "", "action": "request", "actor": actor, "app": app,
                 "resource": resource, "status": "pending"}
        p = self.p
        out = await self._req(keys=[p + "pairs", p + "sub:", p + "seq", p + "audit", p + "version"],
                              args=[app + "\x00" + resource + "\x00" + (tenant or ""), orjson.dumps(doc),
                                    orjson.dumps(audit)])
        return orjson.loads(out)  # type: ignore[no-any-return]

    async def transition(self, sub_id: str, action: str, actor: str) -> dict[str, Any]:
        from redis.exceptions import ResponseError

        if action not in _TRANSITIONS or not sub_id.isdigit():
            raise SubscriptionError(404, "no such subscription")
        sources, target = _TRANSITIONS[action]
        now = time.time()
        audit = {"ts": now, "subscription": sub_id, "action": action, "actor": actor, "status": target}
        p = self.p
        try:
            out = await self._tr(keys=[p + "sub:", p + "audit", p + "version"],
                                 args=[sub_id, target, *sources, now, orjson.dumps(audit)])
        except ResponseError as e:
            msg = str(e)
            if "NOTFOUND" in msg:
                raise SubscriptionError(404, "no such subscription") from None
            if "CONFLICT" in msg:
                raise SubscriptionError(409, f"cannot {action} a subscription that is {msg.split()[-1]}") from None
            raise
        return orjson.loads(out)  # type: ignore[no-any-return]

    async def entries(self) -> list[dict[str, Any]]:
        ids = await self.r.hvals(self.p + "pairs")
        if not ids:
            return []
        pipe = self.r.pipeline(transaction=False)
        for i in ids:
            pipe.hget(self.p + "sub:" + (i.decode() if isinstance(i, bytes) else str(i)), "doc")
        docs = [orjson.loads(d) for d in await pipe.execute() if d]
        return sorted(docs, key=lambda d: int(d["id"]))

    async def audit(self, limit: int = 1000) -> list[dict[str, Any]]:
        rows = await self.r.lrange(self.p + "audit", -limit, -1)
        return [orjson.loads(r) for r in rows]

    async def version(self) -> int:
        return int(await self.r.get(self.p + "version") or 0)

    async def approved(self) -> tuple[int, frozenset[tuple[str, str, str]]]:
        # The version is read first: a change racing this read bumps it again, so the next poll
        # re-reads (never a stale set labelled with a newer version).
        v = await self.version()
        docs = await self.entries()
        return v, frozenset((d["app"], d["resource"], d["tenant"] or "") for d in docs if d["status"] == "approved")

    async def close(self) -> None:
        await self.r.aclose()

    @staticmethod
    def approved_sync(url: str, key_prefix: str, timeout: float = 1.0) -> tuple[int, frozenset[tuple[str, str, str]]]:
        """``approved()`` with a short-lived blocking client: a worker's first read at start-up, so
        subscribed apps are not refused while the first poll is pending (a rolling restart)."""
        import redis

        r = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        try:
            v = int(r.get(key_prefix + "version") or 0)
            ids = r.hvals(key_prefix + "pairs")
            keys = [key_prefix + "sub:" + (i.decode() if isinstance(i, bytes) else str(i)) for i in ids]
            docs = [orjson.loads(d) for d in (r.hget(k, "doc") for k in keys) if d]
        finally:
            r.close()
        return v, frozenset((d["app"], d["resource"], d["tenant"] or "") for d in docs if d["status"] == "approved")


# ---------------------------------------------------------------------------------------------- wiring
def store_key(config: Any) -> tuple[str, str, str]:
    """``("sqlite", path, "")`` or ``("redis", url, prefix)`` for a config's subscription store."""
    sc = config.subscriptions
    kind = sc.store
    if kind == "auto":
        kind = "redis" if config.rate_limit.backend == "redis" else "sqlite"
    if kind == "redis":
        if sc.redis_url is not None:
            return "redis", str(sc.redis_url), sc.key_prefix
        from ..limits.redis_backend import shared_redis_url

        return "redis", shared_redis_url(str(config.rate_limit.redis_url)), sc.key_prefix
    return "sqlite", sc.path, ""


def open_store(config: Any) -> SubscriptionStore:
    """A store for ``config.subscriptions`` (creates the SQLite schema when needed)."""
    kind, where, prefix = store_key(config)
    if kind == "redis":
        return RedisStore(where, prefix)
    return SQLiteStore(where)


class SubscriptionView:
    """A worker's in-memory copy of the approved pairs, refreshed off the hot path.

    ``allowed(app, resource)`` is one frozenset lookup. Until the first successful read the view is
    empty (fail closed: ``subscription: required`` means no subscription, no call).
    """

    def __init__(self, config: Any, interval: float) -> None:
        self.key = store_key(config)
        self.interval = interval
        self.pairs: frozenset[tuple[str, str, str]] = frozenset()
        self.version = -1
        self.store: SubscriptionStore | None = None
        self._task: asyncio.Task[None] | None = None
        self._config = config
        # Read once now, so a fresh worker is right from its first request (then poll).
        if self.key[0] == "sqlite":
            try:
                st = SQLiteStore(self.key[1])
                self.store = st
                self.version, self.pairs = st.approved_now()
            except sqlite3.Error as e:
                log.error("subscriptions: cannot read %s: %s", self.key[1], e)
        else:
            try:
                self.version, self.pairs = RedisStore.approved_sync(self.key[1], self.key[2])
            except Exception as e:  # Redis down at start: fail closed until the poller gets through
                log.error("subscriptions: cannot read Redis at start: %s", e)

    def allowed(self, app: str, resource: str, tenant: str | None = None) -> bool:
        """Is ``app`` subscribed (approved) to ``resource`` for every tenant or for ``tenant``?
        Starts the poller on first use."""
        if self._task is None:
            self.start()
        pairs = self.pairs
        return (app, resource, "") in pairs or (bool(tenant) and (app, resource, tenant) in pairs)

    def start(self) -> None:
        """Start polling (no-op without a running loop or when already running)."""
        if self._task is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._task = loop.create_task(self._poll())

    async def refresh(self) -> None:
        """Re-read the store when its version changed."""
        if self.store is None:
            self.store = open_store(self._config)
        st = self.store
        if isinstance(st, SQLiteStore):
            if st._locked(st.version_now) != self.version:
                self.version, self.pairs = st._locked(st.approved_now)
        elif await st.version() != self.version:
            self.version, self.pairs = await st.approved()

    async def _poll(self) -> None:
        failing = False
        me = asyncio.current_task()
        # ``cancelling()`` and not only CancelledError: a store client that swallows the
        # cancellation (or turns it into another error) must not keep this loop alive for ever.
        while me is None or not me.cancelling():
            try:
                await self.refresh()
                if failing:
                    log.warning("subscriptions: store %s reachable again", self.key[0])
                failing = False
            except asyncio.CancelledError:
                raise
            except Exception as e:  # keep the last known set; say so once
                if not failing:
                    log.error("subscriptions: cannot refresh from %s: %s", self.key[0], e)
                failing = True
            await asyncio.sleep(self.interval)

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None


_VIEWS: weakref.WeakKeyDictionary[Any, dict[tuple[str, str, str], SubscriptionView]] = weakref.WeakKeyDictionary()
_NO_LOOP: dict[tuple[str, str, str], SubscriptionView] = {}


def view_for(config: Any) -> SubscriptionView:
    """The view of a config's store for this event loop: successive Worlds (reloads) share one poller."""
    try:
        views = _VIEWS.setdefault(asyncio.get_running_loop(), {})
    except RuntimeError:
        views = _NO_LOOP
    key = store_key(config)
    v = views.get(key)
    if v is None or v.interval != float(config.subscriptions.poll_interval_s):
        # A reload to another store or interval: the old poller stops (a World still finishing
        # requests keeps its last snapshot, which is what it would have seen anyway).
        for old in views.values():
            old.stop()
        views.clear()
        v = views[key] = SubscriptionView(config, float(config.subscriptions.poll_interval_s))
    return v


def stop_views() -> None:
    """Stop every poller of the running loop (an in-process gateway shutting down)."""
    try:
        views = _VIEWS.pop(asyncio.get_running_loop(), {})
    except RuntimeError:
        views = _NO_LOOP
    for v in views.values():
        v.stop()
    views.clear()
