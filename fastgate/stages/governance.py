"""Governance: API lifecycle, contextual deny rules, step-up, subscriptions, prompt guard (priority 3900).

Runs after ``authorize`` (4000: ``ctx.policy`` is chosen) and before PII redaction (3800: the guard
sees the prompt the caller sent). In this order, each check answering with a :class:`Reply`:

1. **Lifecycle** (RFC 8594, RFC 9745): a route/model with ``deprecated`` gets ``Deprecation``,
   ``Sunset`` and ``Link: <…>; rel="successor-version"`` on every response; from 00:00 UTC of its
   ``sunset`` date on, 410 Gone with the same headers.
2. **Deny rules** (top-level ``deny:``, then the policy's ``deny:``): client IP (after trusted
   proxy resolution), time windows in a time zone, HTTP method and path, model, groups, claims →
   403 ``access_denied``. Times come from :attr:`GovernanceRuntime.clock` (tests inject one).
3. **Step-up** (RFC 9470): ``require_auth`` of the route/model against the token's ``acr``,
   ``amr`` (RFC 8176) and ``auth_time`` → 401 with ``WWW-Authenticate: Bearer
   error="insufficient_user_authentication", acr_values="…", max_age=…`` so the client can send
   the user back to the IdP.
4. **Subscriptions**: ``subscription: required`` → the caller's app (``client:<client_id|azp>`` or
   ``api_key:<name>``) needs an approved subscription (one in-memory set lookup; see
   ``fastgate/governance/subscriptions.py``) → else 403 ``subscription_required``.
5. **Prompt guard** (``policies[].prompt_guard``): deny/allow regexes (each compiled once, skipped
   unless one of its required literals occurs), ``max_prompt_tokens`` (the usage stage's estimate),
   ``deny_tools`` → 400 ``content_policy_violation``. The log says which rule and where, never the
   matched text.
"""

from __future__ import annotations

import datetime
import email.utils
import fnmatch
import ipaddress
import logging
import re
import time
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo

from ..pipeline.stage import Reply, Stage
from .authz import _typed, client_ip

__all__ = ["Governance", "GovernanceRuntime", "PromptGuardRuntime", "DenyMatcher", "StepUp", "app_of",
           "required_literals", "fold"]

log = logging.getLogger("fastgate.governance")

DENIALS = "fastgate_governance_denials_total"
_LLM_KINDS = frozenset({"chat", "completions", "embeddings", "messages", "template"})
_BODY_KINDS = frozenset({"chat", "completions", "embeddings", "messages", "template"})


# ---------------------------------------------------------------------------------------------- time
def in_window(days: frozenset[int], window: tuple[int, int], tz: Any, now: float) -> bool:
    """Is the instant ``now`` (epoch seconds) inside the weekly window ``days``×``window`` in ``tz``?"""
    t = datetime.datetime.fromtimestamp(now, tz)
    lo, hi = window
    minute = t.hour * 60 + t.minute
    wd = t.weekday()
    if lo <= hi:
        return wd in days and lo <= minute < hi
    # Wraps midnight (22:00-06:00): the early part belongs to the previous day's window.
    if minute >= lo:
        return wd in days
    if minute < hi:
        return (wd - 1) % 7 in days
    return False


class _Window:
    __slots__ = ("days", "window", "tz")

    def __init__(self, tw: Any) -> None:
        self.days = tw.day_set()
        self.window = tw.minutes()
        self.tz = ZoneInfo(tw.tz)

    def contains(self, now: float) -> bool:
        return in_window(self.days, self.window, self.tz, now)


# ---------------------------------------------------------------------------------------------- deny rules
def _globs(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


class DenyMatcher:
    """One ``deny[]`` rule, compiled: it denies when every condition it lists holds."""

    __slots__ = ("name", "message", "nets", "nets_not", "time", "time_not", "methods", "paths", "models", "groups",
                 "claims", "needs_ip")

    def __init__(self, cfg: Any) -> None:
        self.name: str = cfg.name
        self.message: str = cfg.message
        self.nets = tuple(ipaddress.ip_network(c, strict=False) for c in cfg.ip)
        self.nets_not = tuple(ipaddress.ip_network(c, strict=False) for c in cfg.ip_not)
        self.time = _Window(cfg.time) if cfg.time is not None else None
        self.time_not = _Window(cfg.time_not) if cfg.time_not is not None else None
        self.methods = frozenset(m.upper() for m in cfg.methods)
        self.paths = _globs(cfg.paths)
        self.models = _globs(cfg.models)
        self.groups = frozenset(cfg.groups)
        self.claims = tuple((name, _typed(vals)) for name, vals in (cfg.claims or {}).items())
        self.needs_ip = bool(self.nets or self.nets_not)

    def matches(self, ctx: Any, now: float) -> bool:
        """Does this rule deny the request ``ctx`` at instant ``now``?"""
        if self.methods and ctx.method.upper() not in self.methods:
            return False
        if self.paths is not None:
            # The raw path and its percent-decoded form: an upstream that decodes "/%61dmin" to
            # "/admin" must not be reachable around a rule on "/admin*" (dot segments and encoded
            # slashes never get this far on routes: the handler rejects them, HTTP-21).
            p = ctx.path
            if self.paths.match(p) is None and ("%" not in p or self.paths.match(unquote(p)) is None):
                return False
        if self.models is not None and (ctx.model_name is None or self.models.match(ctx.model_name) is None):
            return False
        ident = ctx.identity
        if self.groups and (ident is None or self.groups.isdisjoint(ident.groups)):
            return False
        for name, wanted in self.claims:
            v = ident.claims.get(name) if ident is not None else None
            vals = v if type(v) is list else (v,)
            if not any((type(x), x) in wanted for x in vals if isinstance(x, (str, int, float, bool))):
                return False
        if self.needs_ip:
            try:
                addr: Any = ipaddress.ip_address(client_ip(ctx))
            except ValueError:
                addr = None  # unparseable address: in no network
            if self.nets and (addr is None or not any(addr in n for n in self.nets)):
                return False
            if self.nets_not and addr is not None and any(addr in n for n in self.nets_not):
                return False
        if self.time is not None and not self.time.contains(now):
            return False
        # time_not last: "deny outside office hours" holds when the clock is outside the window
        return self.time_not is None or not self.time_not.contains(now)


# ---------------------------------------------------------------------------------------------- step-up
def _hq(s: str) -> str:
    # A quoted-string in WWW-Authenticate (RFC 9110 §11.2): no quotes, backslashes or controls.
    return "".join(c for c in s if c.isprintable() and c not in '"\\')


class StepUp:
    """``require_auth`` of a route or model (RFC 9470)."""

    __slots__ = ("acr", "amr", "max_age", "challenge")

    def __init__(self, cfg: Any) -> None:
        self.acr = frozenset(cfg.acr_values)
        self.amr = frozenset(getattr(cfg, "amr", ()) or ())
        self.max_age = float(cfg.max_age_s) if cfg.max_age_s is not None else None
        h = ('Bearer realm="fastgate", error="insufficient_user_authentication", '
             'error_description="A stronger or more recent authentication is required"')
        if cfg.acr_values:
            h += f', acr_values="{_hq(" ".join(cfg.acr_values))}"'
        if self.max_age is not None:
            h += f", max_age={int(self.max_age)}"
        self.challenge = [("WWW-Authenticate", h)]

    def shortfall(self, ident: Any, now: float) -> str | None:
        """Why the identity is not strong enough (``None`` when it is)."""
        if ident is None:
            return "step_up:anonymous"
        claims = ident.claims
        if self.acr:
            acr = claims.get("acr")
            if type(acr) is not str or acr not in self.acr:
                return "step_up:acr"
        if self.amr:
            amr = claims.get("amr")
            if type(amr) is not list or not any(type(m) is str and m in self.amr for m in amr):
                return "step_up:amr"
        if self.max_age is not None:
            at = claims.get("auth_time")
            # bool is an int: `auth_time: true` is not a time (OIDC Core §2: a JSON number).
            if type(at) not in (int, float):
                return "step_up:no_auth_time"
            if now - at > self.max_age:
                return "step_up:max_age"
            if at > now + 300:
                return "step_up:auth_time_future"
        return None

    def reply(self, reason: str) -> Reply:
        return Reply(401, "A stronger or more recent authentication is required for this resource",
                     type="authentication_error", code="insufficient_user_authentication", headers=self.challenge,
                     reason=reason)


# ---------------------------------------------------------------------------------------------- lifecycle
_LINK_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


class Lifecycle:
    """``version`` + ``deprecated`` of a route or model: response headers and the sunset instant."""

    __slots__ = ("headers", "sunset_ts", "link", "sunset_day")

    def __init__(self, dep: Any) -> None:
        self.headers: list[tuple[str, str]] = []
        self.sunset_ts: float | None = None
        self.link: str | None = None
        self.sunset_day: str | None = None
        since = dep.since
        if since is not None:
            ts = datetime.datetime(since.year, since.month, since.day, tzinfo=datetime.UTC).timestamp()
            self.headers.append(("Deprecation", f"@{int(ts)}"))  # RFC 9745 §2.1: an sf-date
        else:
            self.headers.append(("Deprecation", "true"))
        if dep.sunset is not None:
            d = dep.sunset
            sunset = datetime.datetime(d.year, d.month, d.day, tzinfo=datetime.UTC)
            self.sunset_ts = sunset.timestamp()
            self.sunset_day = d.isoformat()
            self.headers.append(("Sunset", email.utils.format_datetime(sunset, usegmt=True)))  # RFC 8594 §3
        if dep.link:
            # Percent-encode anything outside URI characters: a config value must not break the
            # header (CR/LF, CWE-113) nor the Link syntax ("<", ">", quotes, spaces).
            self.link = quote(dep.link, safe=_LINK_SAFE)
            self.headers.append(("Link", f'<{self.link}>; rel="successor-version"'))

    def gone(self, what: str) -> Reply:
        msg = f"{what} was retired on {self.sunset_day}"
        if self.link:
            msg += f"; use {self.link}"
        return Reply(410, msg, type="invalid_request_error", code="gone", headers=list(self.headers), reason="sunset")


class ResourceGov:
    """Everything governance knows about one route or model."""

    __slots__ = ("resource", "label", "step_up", "subscription", "lifecycle")

    def __init__(self, resource: str, label: str, cfg: Any) -> None:
        self.resource = resource
        self.label = label
        ra = getattr(cfg, "require_auth", None)
        self.step_up = StepUp(ra) if ra is not None else None
        self.subscription = getattr(cfg, "subscription", None) == "required"
        dep = getattr(cfg, "deprecated", None)
        self.lifecycle = Lifecycle(dep) if dep is not None else None

    @property
    def active(self) -> bool:
        return self.step_up is not None or self.subscription or self.lifecycle is not None


# ---------------------------------------------------------------------------------------------- prompt guard
# Characters that Python's re, with IGNORECASE, matches to an ASCII letter although str.lower()
# keeps them apart (sre's special case folds). The prefilter folds them too, so it never skips a
# regex that would match (tests/governance check this over the whole BMP).
# ("\u212a".lower() is "k" already; "\u0130" is replaced before lower(); the other two after.)
_FOLD_PAIRS = (("\u0131", "i"), ("\u017f", "s"))
# Zero-width and bidi format characters: invisible, so a caller could split a denied word with them.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def fold(text: str) -> str:
    """The case-folded text the literal prefilter searches (a superset test, never a false negative)."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text:
        # before lower(): it would become "i" + U+0307 and split a literal ("KİS" must fold to "kis")
        text = text.replace("\u0130", "i")
    t = text.lower()
    if not t.isascii():  # (str.translate with a table is ~30x slower than these scans)
        for ch, rep in _FOLD_PAIRS:
            if ch in t:
                t = t.replace(ch, rep)
    return t


def normalize(text: str) -> str:
    """NFKC (full-width and compatibility forms → plain) minus invisible format characters."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = _INVISIBLE.sub("", text)
    return text


def _seq_literals(items: list[Any]) -> set[str] | None:
    """Required literals of a parsed sequence: its longest run of literal characters, or one of a
    required group's literal sets (``None``: nothing is certain to occur)."""
    from re import _constants as C  # type: ignore[attr-defined]

    best: set[str] | None = None
    best_len = 0
    run: list[str] = []

    def close() -> None:
        nonlocal best, best_len, run
        if run and len(run) > best_len:
            best, best_len = {"".join(run)}, len(run)
        run = []

    for op, av in items:
        if op is C.LITERAL and av < 128:
            run.append(chr(av))
            continue
        close()
        sub: set[str] | None = None
        if op is C.SUBPATTERN:
            sub = _node_literals(av[-1])
        elif op is C.BRANCH:
            sub = _branch_literals(av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            sub = _node_literals(av[2])
        if sub:
            m = min(len(x) for x in sub)
            if m > best_len:
                best, best_len = sub, m
    close()
    return best


def _branch_literals(branches: list[Any]) -> set[str] | None:
    out: set[str] = set()
    for b in branches:
        lits = _node_literals(b)
        if not lits:
            return None  # one branch without a literal: the alternation can match without any
        out |= lits
    return out


def _node_literals(node: Any) -> set[str] | None:
    return _seq_literals(list(node))


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lowercase ASCII strings of which every match of ``pattern`` contains at least one (folded),
    or ``None`` when no such set is known (the regex then always runs)."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern)
    except Exception:
        return None
    lits = _seq_literals(list(parsed))
    if not lits:
        return None
    return frozenset(fold(x) for x in lits)


class _Rule:
    __slots__ = ("label", "rx", "lits")

    def __init__(self, label: str, pattern: str) -> None:
        self.label = label
        self.rx = re.compile(pattern)
        self.lits = required_literals(pattern)

    def search(self, text: str, folded: str) -> re.Match[str] | None:
        if self.lits is not None and not any(lit in folded for lit in self.lits):
            return None
        return self.rx.search(text)


def _texts(content: Any, out: list[str]) -> None:
    """Append the text of a message ``content`` (a string or a list of parts/blocks)."""
    if type(content) is str:
        out.append(content)
    elif type(content) is list:
        for part in content:
            if type(part) is dict:
                t = part.get("text")
                if type(t) is str:
                    out.append(t)
                inner = part.get("content")  # Anthropic tool_result blocks nest content
                if inner is not None:
                    _texts(inner, out)
            elif type(part) is str:
                out.append(part)


def prompt_parts(obj: Any) -> tuple[list[str], list[str], list[str]]:
    """``(all text, user text, tool names)`` of an OpenAI or Anthropic request body."""
    every: list[str] = []
    user: list[str] = []
    tools: list[str] = []
    if type(obj) is not dict:
        return every, user, tools
    msgs = obj.get("messages")
    if type(msgs) is list:
        for m in msgs:
            if type(m) is not dict:
                continue
            mine: list[str] = []
            _texts(m.get("content"), mine)
            every.extend(mine)
            if m.get("role") == "user":
                user.extend(mine)
    system = obj.get("system")
    if system is not None:
        _texts(system, every)
    for key in ("prompt", "input"):  # completions, embeddings
        v = obj.get(key)
        if v is not None:
            mine = []
            _texts(v, mine)
            every.extend(mine)
            user.extend(mine)
    for key in ("tools", "functions"):
        v = obj.get(key)
        if type(v) is list:
            for t in v:
                if type(t) is dict:
                    fn = t.get("function")
                    name = fn.get("name") if type(fn) is dict else t.get("name")
                    if type(name) is str:
                        tools.append(name)
    return every, user, tools


class PromptGuardRuntime:
    """A policy's ``prompt_guard``, compiled."""

    __slots__ = ("policy", "deny", "allow", "max_tokens", "tools")

    def __init__(self, policy: str, cfg: Any) -> None:
        self.policy = policy
        self.deny = tuple(_Rule(f"deny[{i}]", p) for i, p in enumerate(cfg.deny))
        self.allow = tuple(_Rule(f"allow[{i}]", p) for i, p in enumerate(cfg.allow))
        self.max_tokens: int | None = cfg.max_prompt_tokens
        self.tools = _globs(tuple(getattr(cfg, "deny_tools", ()) or ()))

    def check(self, obj: Any) -> tuple[str, str | None, tuple[int, int] | None] | None:
        """``(rule, param, span)`` of the first violation in a request body, else ``None``
        (``max_prompt_tokens`` is checked by the stage, which owns the estimate)."""
        every, user, tools = prompt_parts(obj)
        if self.tools is not None:
            for name in tools:
                if self.tools.match(name) is not None:
                    return "deny_tools", "tools", None
        if self.deny:
            text = normalize("\n".join(every))
            folded = fold(text)
            for r in self.deny:
                m = r.search(text, folded)
                if m is not None:
                    return r.label, "messages", m.span()
        if self.allow:
            text = normalize("\n".join(user))
            folded = fold(text)
            if not any(r.search(text, folded) is not None for r in self.allow):
                return "allow:none", "messages", None
        return None


def _violation(message: str, rule: str, param: str | None) -> Reply:
    return Reply(400, message, type="invalid_request_error", code="content_policy_violation", param=param,
                 reason="prompt_guard:" + rule)


# ---------------------------------------------------------------------------------------------- runtime
def app_of(ident: Any) -> str | None:
    """The caller's app: ``api_key:<name>`` or ``client:<client_id|azp|client_id claim>``."""
    if ident is None:
        return None
    if ident.auth_kind == "api_key" and ident.api_key:
        return "api_key:" + ident.api_key
    cid = ident.client_id
    if not cid:
        claims = ident.claims
        for name in ("azp", "client_id"):
            v = claims.get(name)
            if type(v) is str and v:
                cid = v
                break
    return "client:" + cid if cid else None


class GovernanceRuntime:
    """Everything governance derives from one config, built once per World."""

    def __init__(self, config: Any, clock: Callable[[], float] = time.time, metrics: Any = None) -> None:
        #: epoch seconds; tests replace it to move through time windows and sunsets
        self.clock = clock
        fam = None
        if metrics is not None:
            fam = metrics.families.get(DENIALS)
            if fam is None:
                fam = metrics.counter(DENIALS, "Requests refused by governance, by check", ("check",))
        #: ``fastgate_governance_denials_total{check}``: sunset | deny_rule | step_up | subscription |
        #: prompt_guard (declared up front so dashboards see it from the first scrape)
        self.denials: Any = fam
        self.models = {n: ResourceGov("model:" + n, f"The model '{n}'", m) for n, m in config.models.items()}
        self.routes = {r.name: ResourceGov("route:" + r.name, f"The route '{r.name}'", r) for r in config.routes}
        self.global_deny = tuple(DenyMatcher(d) for d in getattr(config, "deny", ()) or ())
        self.policy_deny = {p.name: tuple(DenyMatcher(d) for d in getattr(p, "deny", ()) or ())
                            for p in config.policies if getattr(p, "deny", ())}
        self.guards = {p.name: PromptGuardRuntime(p.name, p.prompt_guard) for p in config.policies
                       if p.prompt_guard is not None}
        for r in config.routes:
            if r.auth == "off" and (r.require_auth is not None or r.subscription == "required"):
                # No identity is ever established there: step-up and subscriptions refuse every call.
                log.warning("route %s: auth: off with require_auth/subscription refuses every request", r.name)
        self.any_model = any(g.active for g in self.models.values())
        self._config = config
        self._subs: Any = None
        if any(g.subscription for g in (*self.models.values(), *self.routes.values())):
            self.subscriptions()

    def subscriptions(self) -> Any:
        """The worker's :class:`~fastgate.governance.subscriptions.SubscriptionView`."""
        if self._subs is None:
            from ..governance.subscriptions import view_for

            self._subs = view_for(self._config)
        return self._subs

    def has_work(self, kind: str, route_cfg: Any) -> bool:
        """Would the stage do anything on this endpoint?"""
        if self.global_deny or self.policy_deny:
            return True
        if kind == "route":
            g = self.routes.get(getattr(route_cfg, "name", ""))
            return g is not None and g.active
        if kind in _LLM_KINDS:
            return self.any_model or bool(self.guards)
        return False


class Governance(Stage):
    """The governance checks of one endpoint (see the module docstring)."""

    name = "governance"
    priority = 3_900

    def __init__(self, rt: GovernanceRuntime, kind: str, route_cfg: Any = None, usage: Any = None) -> None:
        self.rt = rt
        self.fixed: ResourceGov | None = rt.routes.get(route_cfg.name) if kind == "route" and route_cfg else None
        self.per_model = kind in _LLM_KINDS
        self.guard_body = kind in _BODY_KINDS
        self.usage = usage

    @classmethod
    def for_endpoint(cls, world: Any, kind: str, route_cfg: Any = None, usage: Any = None) -> Governance | None:
        """The stage for an endpoint, or ``None`` when governance has nothing to do there."""
        rt = getattr(world, "governance", None)
        if rt is None:
            rt = world.governance = GovernanceRuntime(world.config, metrics=getattr(world, "metrics", None))
        if not rt.has_work(kind, route_cfg):
            return None
        return cls(rt, kind, route_cfg, usage)

    def on_request(self, ctx: Any) -> Reply | None:
        r = self._check(ctx)
        if r is not None and self.rt.denials is not None:
            self.rt.denials.inc((r.reason.partition(":")[0] if r.reason else "other",))
        return r

    def _check(self, ctx: Any) -> Reply | None:
        rt = self.rt
        now = rt.clock()
        g = self.fixed
        if g is None and self.per_model and ctx.model_name is not None:
            g = rt.models.get(ctx.model_name)
        # 1. lifecycle
        if g is not None and g.lifecycle is not None:
            lc = g.lifecycle
            if lc.sunset_ts is not None and now >= lc.sunset_ts:
                return lc.gone(g.label)
            if ctx.reply_headers is None:
                ctx.reply_headers = list(lc.headers)
            else:
                ctx.reply_headers.extend(lc.headers)
        # 2. contextual deny rules
        for rule in rt.global_deny:
            if rule.matches(ctx, now):
                return Reply(403, rule.message, type="permission_error", code="access_denied",
                             reason="deny_rule:" + rule.name)
        policy = ctx.policy
        if policy is not None and rt.policy_deny:
            for rule in rt.policy_deny.get(policy.name, ()):
                if rule.matches(ctx, now):
                    return Reply(403, rule.message, type="permission_error", code="access_denied",
                                 reason=f"deny_rule:{policy.name}:{rule.name}")
        if g is not None:
            # 3. step-up (RFC 9470)
            su = g.step_up
            if su is not None:
                why = su.shortfall(ctx.identity, now)
                if why is not None:
                    return su.reply(why)
            # 4. subscription
            if g.subscription:
                app = app_of(ctx.identity)
                ident = ctx.identity
                if app is None or not rt.subscriptions().allowed(app, g.resource, ident.tenant):
                    return Reply(403, f"A subscription is required: {g.label[4:]} needs an approved "
                                 "subscription for your application", type="permission_error",
                                 code="subscription_required",
                                 reason="subscription:none" if app is not None else "subscription:no_app")
        # 5. prompt guard
        if self.guard_body and policy is not None and rt.guards:
            guard = rt.guards.get(policy.name)
            if guard is not None:
                return self._guard(ctx, guard)
        return None

    def _guard(self, ctx: Any, guard: PromptGuardRuntime) -> Reply | None:
        if guard.max_tokens is not None and self.usage is not None:
            ctx.est_prompt_tokens = -1  # the usage stage's estimate, computed now (it runs later)
            n = self.usage.estimate(ctx)
            if n > guard.max_tokens:
                self._log(ctx, guard, "max_prompt_tokens", None)
                return _violation(f"The prompt is about {n} tokens; this policy allows at most {guard.max_tokens}",
                                  "max_prompt_tokens", "messages")
        hit = guard.check(ctx.body_obj)
        if hit is None:
            return None
        rule, param, span = hit
        self._log(ctx, guard, rule, span)
        if rule == "deny_tools":
            return _violation("The request offers a tool this policy does not allow", rule, param)
        return _violation("The prompt was rejected by the content policy", rule, param)

    @staticmethod
    def _log(ctx: Any, guard: PromptGuardRuntime, rule: str, span: tuple[int, int] | None) -> None:
        # Redacted: which rule, where and how long — never the matched text (it may be the very
        # secret or personal data the rule exists to stop).
        where = f" at {span[0]}+{span[1] - span[0]}" if span is not None else ""
        log.warning("prompt guard: request %s denied by policy %s %s%s", ctx.request_id, guard.policy, rule, where)
        ctx.set_extra("prompt_guard", f"{guard.policy}:{rule}")
