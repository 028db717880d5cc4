"""Unit tests of the governance building blocks: the prompt guard's literal prefilter (never hides a
match), time windows in a time zone, step-up checks, app identities, and both subscription stores."""

from __future__ import annotations

import asyncio
import datetime
import random
import re
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fastgate.config.schema import Deprecation, PromptGuard, RequireAuth, TimeWindow
from fastgate.governance.subscriptions import RedisStore, SQLiteStore, SubscriptionError, SubscriptionStore
from fastgate.identity.identity import Identity
from fastgate.stages.governance import (
    Lifecycle,
    PromptGuardRuntime,
    StepUp,
    _Window,
    app_of,
    fold,
    normalize,
    required_literals,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


# ------------------------------------------------------------------------------------------------ prefilter


def test_fold_covers_every_ignorecase_equivalent_of_ascii():
    # Whatever Python's re (IGNORECASE) matches to an ASCII letter/digit, the fold maps to it, so a
    # folded literal test can never skip a regex that would match.
    bmp = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    ascii_alnum = "abcdefghijklmnopqrstuvwxyz0123456789"
    matched = set(re.findall("[a-z0-9]", bmp, re.IGNORECASE))
    assert len(matched) > 62  # the non-ASCII equivalents exist (else this test checks nothing)
    for ch in matched:
        for c in ascii_alnum:
            if re.fullmatch(c, ch, re.IGNORECASE):
                assert c in fold(ch), (hex(ord(ch)), c, fold(ch))
                assert c in fold("xx" + ch + "yy")


@pytest.mark.parametrize("pattern,lits", [
    ("(?i)ignore (all )?previous instructions", {"previous instructions"}),
    (r"\bsk-[A-Za-z0-9]{20,}", {"sk-"}),
    ("password|secret", {"password", "secret"}),
    ("(password|pass)word", {"pass"}),  # sre factors out the common prefix
    ("a.*b", {"a"}),
    (r"\d+", None),
    ("foo|\\d", None),
    ("(?:ab)+c", {"ab"}),
    ("prénom", {"nom"}),  # non-ASCII letters never become literals
])
def test_required_literals(pattern, lits):
    got = required_literals(pattern)
    if lits is None:
        assert got is None
    else:
        assert got is not None and set(got) == {fold(x) for x in lits}


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    atoms = ["a", "b", "ab", "K", "s", "I", ".", r"\d", "[ab]", "x?", "S+", "ſ", "ı"]
    parts = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.15 and depth < 2:
            parts.append("(" + "|".join(_random_pattern(rng, depth + 1) for _ in range(rng.randint(1, 3))) + ")")
        elif r < 0.25 and depth < 2:
            parts.append("(?:" + _random_pattern(rng, depth + 1) + ")" + rng.choice(["", "+", "*", "?", "{2}"]))
        else:
            parts.append(rng.choice(atoms))
    return "".join(parts)


def test_prefilter_never_hides_a_match_seeded():
    rng = random.Random(1234)
    alphabet = "abKkSsſıIi1 \u212a\u0130"
    for _ in range(400):
        pat = _random_pattern(rng)
        flags = rng.choice(["", "(?i)"])
        rx = re.compile(flags + pat)
        lits = required_literals(flags + pat)
        for _ in range(40):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            if rx.search(text) is not None and lits is not None:
                assert any(lit in fold(text) for lit in lits), (flags + pat, text, lits)


def test_normalize_defeats_fullwidth_and_zero_width():
    assert normalize("ｉｇｎｏｒｅ pre\u200bvious") == "ignore previous"
    assert normalize("plain ascii") == "plain ascii"


def test_prompt_guard_reads_every_front_shape():
    g = PromptGuardRuntime("p", PromptGuard(deny=("forbidden",), deny_tools=("rm_*",)))
    assert g.check({"messages": [{"role": "user", "content": "fine"}]}) is None
    assert g.check({"messages": [{"role": "assistant", "content": [{"type": "text", "text": "forbidden"}]}]})
    assert g.check({"prompt": ["ok", "forbidden"]}) is not None
    assert g.check({"input": "forbidden"}) is not None
    assert g.check({"system": [{"type": "text", "text": "forbidden"}], "messages": []}) is not None
    tool_result = {"role": "user", "content": [{"type": "tool_result", "content": [{"type": "text", "text": "forbidden"}]}]}
    assert g.check({"messages": [tool_result]}) is not None
    assert g.check({"tools": [{"name": "rm_rf", "input_schema": {}}], "messages": []})[0] == "deny_tools"
    assert g.check({"tools": [{"name": "list_files"}], "messages": []}) is None
    rule, _, span = g.check({"messages": [{"role": "user", "content": "xx forbidden"}]})
    assert rule == "deny[0]" and span == (3, 12)


# ------------------------------------------------------------------------------------------------ time


def _ts(y: int, mo: int, d: int, hh: int, mm: int, tz: str) -> float:
    return datetime.datetime(y, mo, d, hh, mm, tzinfo=ZoneInfo(tz)).timestamp()


def test_window_wrapping_midnight_belongs_to_the_start_day():
    w = _Window(TimeWindow(days=("fri",), from_="22:00", to="06:00", tz="Europe/Berlin"))
    assert w.contains(_ts(2026, 11, 27, 23, 0, "Europe/Berlin"))      # Friday 23:00
    assert w.contains(_ts(2026, 11, 28, 5, 59, "Europe/Berlin"))      # Saturday 05:59 (Friday's night)
    assert not w.contains(_ts(2026, 11, 28, 6, 0, "Europe/Berlin"))
    assert not w.contains(_ts(2026, 11, 27, 1, 0, "Europe/Berlin"))   # Friday 01:00 is Thursday's night
    assert not w.contains(_ts(2026, 11, 28, 23, 0, "Europe/Berlin"))  # Saturday night


def test_window_uses_the_zone_not_utc():
    w = _Window(TimeWindow(days=("mon-fri",), from_="08:00", to="20:00", tz="America/New_York"))
    # 13:00 UTC on a Monday is 08:00 in New York (EST): inside; 12:59 UTC is outside.
    assert w.contains(datetime.datetime(2026, 11, 23, 13, 0, tzinfo=datetime.UTC).timestamp())
    assert not w.contains(datetime.datetime(2026, 11, 23, 12, 59, tzinfo=datetime.UTC).timestamp())


# ------------------------------------------------------------------------------------------------ step-up


def _ident(**claims):
    return Identity("alice", claims=claims, client_id=claims.pop("_cid", None))


def test_step_up_shortfalls():
    su = StepUp(RequireAuth(acr_values=("urn:mfa", "urn:hw"), max_age_s=60, amr=("mfa",)))
    now = 1_800_000_000.0
    good = dict(acr="urn:hw", amr=["pwd", "mfa"], auth_time=now - 59)
    assert su.shortfall(_ident(**good), now) is None
    assert su.shortfall(None, now) == "step_up:anonymous"
    assert su.shortfall(_ident(**{**good, "acr": "urn:pwd"}), now) == "step_up:acr"
    assert su.shortfall(_ident(**{**good, "acr": ["urn:mfa"]}), now) == "step_up:acr"
    assert su.shortfall(_ident(**{**good, "amr": ["pwd"]}), now) == "step_up:amr"
    assert su.shortfall(_ident(**{**good, "auth_time": now - 61}), now) == "step_up:max_age"
    assert su.shortfall(_ident(**{**good, "auth_time": "1"}), now) == "step_up:no_auth_time"
    assert su.shortfall(_ident(**{**good, "auth_time": now + 3600}), now) == "step_up:auth_time_future"
    (name, value), = su.challenge
    assert name == "WWW-Authenticate"
    assert value.startswith('Bearer realm="fastgate", error="insufficient_user_authentication"')
    assert 'acr_values="urn:mfa urn:hw"' in value and value.endswith("max_age=60")


def test_challenge_and_link_cannot_inject_header_syntax():
    su = StepUp(RequireAuth(acr_values=('urn:"x"\r\nSet-Cookie: a=b',)))
    assert "\r" not in su.challenge[0][1] and '"x"' not in su.challenge[0][1]
    lc = Lifecycle(Deprecation(link="https://e.example/a b>\r\nX: 1"))
    link = dict(lc.headers)["Link"]
    assert "\r" not in link and " " not in link.split(";")[0] and link.count(">") == 1


def test_app_identity_namespaces():
    assert app_of(Identity("k", api_key="bot", auth_kind="api_key")) == "api_key:bot"
    assert app_of(Identity("u", client_id="web")) == "client:web"
    assert app_of(Identity("u", claims={"azp": "spa"})) == "client:spa"
    assert app_of(Identity("u", claims={"azp": ["spa"]})) is None
    assert app_of(None) is None


# ------------------------------------------------------------------------------------------------ stores


@pytest.fixture(params=["sqlite", "redis"])
async def store(request, tmp_path):
    if request.param == "sqlite":
        st: SubscriptionStore = SQLiteStore(str(tmp_path / "subs.sqlite"))
    else:
        url = request.getfixturevalue("redis_server")
        st = RedisStore(url, f"fastgate:test:{tmp_path.name}:")
    try:
        yield st
    finally:
        await st.close()


async def test_store_lifecycle_and_audit(store):
    v0, pairs = await store.approved()
    assert pairs == frozenset()
    sub = await store.request("client:web", "model:paid", "__ID__", tenant="__ID__")
    assert sub["tenant"] == "__ID__" and sub["requested_by"] == "__ID__"  # values are data, never templates
    sub = await store.request("client:web", "model:paid", "alice", tenant="acme")
    assert sub["status"] == "pending" and sub["tenant"] == "acme"
    assert (await store.request("client:web", "model:paid", "bob", tenant="acme"))["id"] == sub["id"]
    # the same app for every tenant is a separate subscription
    assert (await store.request("client:web", "model:paid", "bob"))["id"] != sub["id"]
    assert (await store.approved())[1] == frozenset()
    done = await store.transition(sub["id"], "approve", "bob")
    assert done["status"] == "approved"
    v1, pairs = await store.approved()
    assert pairs == {("client:web", "model:paid", "acme")} and v1 > v0
    with pytest.raises(SubscriptionError) as e:
        await store.transition(sub["id"], "approve", "bob")
    assert e.value.status == 409
    with pytest.raises(SubscriptionError) as e:
        await store.transition("12345", "revoke", "bob")
    assert e.value.status == 404
    await store.transition(sub["id"], "revoke", "carol")
    assert (await store.approved())[1] == frozenset()
    await store.transition(sub["id"], "approve", "dave")  # re-approval after revocation
    trail = [(a["action"], a["actor"], a["status"]) for a in await store.audit() if a["subscription"] == sub["id"]]
    assert trail == [("request", "alice", "pending"), ("approve", "bob", "approved"),
                     ("revoke", "carol", "revoked"), ("approve", "dave", "approved")]
    assert [s["status"] for s in await store.entries()] == ["pending", "approved", "pending"]
    with pytest.raises(SubscriptionError):
        await store.request("web", "model:paid", "x")  # no namespace
    with pytest.raises(SubscriptionError):
        await store.request("client:web", "table:x", "x")


async def test_store_concurrent_transitions_serialise(store):
    sub = await store.request("api_key:bot", "route:orders", "alice")
    results = await asyncio.gather(*(store.transition(sub["id"], "approve", f"admin{i}") for i in range(8)),
                                   return_exceptions=True)
    ok = [r for r in results if isinstance(r, dict)]
    assert len(ok) == 1  # exactly one approval wins; the others see it already approved
    assert all(isinstance(r, SubscriptionError) and r.status == 409 for r in results if not isinstance(r, dict))
    assert [a["action"] for a in await store.audit()].count("approve") == 1


async def test_sqlite_store_is_shared_between_connections(tmp_path):
    a = SQLiteStore(str(tmp_path / "s.sqlite"))
    b = SQLiteStore(str(tmp_path / "s.sqlite"))
    sub = await a.request("client:x", "model:m", "alice")
    await a.transition(sub["id"], "approve", "bob")
    assert ("client:x", "model:m", "") in (await b.approved())[1]
    await a.close()
    await b.close()


async def test_view_scopes_by_tenant(tmp_path):
    from fastgate.config import load_config_text
    from fastgate.governance.subscriptions import SubscriptionView

    path = tmp_path / "v.sqlite"
    cfg = load_config_text(f'subscriptions: {{path: "{path}", poll_interval_s: 0.1}}', "<t>")
    st = SQLiteStore(str(path))
    for app, tenant in (("client:any", None), ("client:one", "t1")):
        sub = await st.request(app, "route:r", "admin", tenant=tenant)
        await st.transition(sub["id"], "approve", "admin")
    view = SubscriptionView(cfg, 0.1)
    assert view.allowed("client:any", "route:r", None) and view.allowed("client:any", "route:r", "t9")
    assert view.allowed("client:one", "route:r", "t1")
    assert not view.allowed("client:one", "route:r", "t2") and not view.allowed("client:one", "route:r", None)
    assert not view.allowed("client:one", "route:other", "t1")
    view.stop()
    await st.close()


class _SwallowsCancel:
    """A store client that, like redis.asyncio can, turns a cancellation in flight into an error."""

    def __init__(self) -> None:
        self.calls = 0

    async def version(self) -> int:
        self.calls += 1
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            raise ConnectionError("connection closed by cancel") from None
        return 0


async def test_poller_stops_even_if_the_store_swallows_the_cancellation(tmp_path):
    """Seen in CI: a loop close waited for ever on a poller whose Redis call ate the cancel."""
    from fastgate.config import load_config_text
    from fastgate.governance.subscriptions import SubscriptionView

    cfg = load_config_text(f'subscriptions: {{path: "{tmp_path / "p.sqlite"}", poll_interval_s: 0.01}}', "<t>")
    view = SubscriptionView(cfg, 0.01)
    store = view.store = _SwallowsCancel()  # type: ignore[assignment]
    view.start()
    task = view._task
    assert task is not None
    while store.calls == 0:
        await asyncio.sleep(0.01)
    view.stop()
    done, _ = await asyncio.wait({task}, timeout=5)
    assert task in done, "the poller kept running after stop()"
    assert store.calls == 1


@pytest.mark.parametrize("text,where", [
    ("deny: [{ip: [10.0.0.0/33]}]", "deny[0]"),
    ("deny: [{time_not: {tz: Mars/Base}}]", "deny[0]"),
    ("deny: [{time: {days: [funday]}}]", "deny[0]"),
    ("deny: [{time: {from: '25:00'}}]", "deny[0]"),
    ("policies: [{name: a, deny: [{ip_not: [nope]}]}]", "policies[0].deny[0]"),
])
def test_bad_deny_rules_are_config_errors_with_a_path(text, where):
    from fastgate.config import load_config_text
    from fastgate.errors import ConfigError

    with pytest.raises(ConfigError) as e:
        load_config_text(text, "<t>")
    assert where in str(e.value)
