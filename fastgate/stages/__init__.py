"""Stage assembly: which stages a route gets, decided once per config load.

Later stages (auth, authz, limits, tokens, PII, cache) register here; a route whose config does
not use a feature does not get its stage, so the feature costs nothing there.
"""

from __future__ import annotations

from typing import Any

from ..pipeline.stage import Stage
from .auth import Authenticate
from .authz import Authorize
from .core import BodyLimit, LLMRequest
from .pii import PIIStage
from .ratelimit import RateLimit
from .usage import UsageStage


def stages_for(world: Any, kind: str, route_cfg: Any) -> list[Stage]:
    """The stages of one endpoint kind (``route_cfg``: the route, or ``(name, template)`` for a template)."""
    stages: list[Stage] = [BodyLimit(world.max_body)]
    # Edge protection (issue 11): the pre-auth per-IP throttle (9500) sits between body_limit and
    # authenticate on every endpoint; WAF (3700) and transforms (1000) only on generic routes.
    from .throttle import Throttle

    throttle = Throttle.for_world(world)
    if throttle is not None:
        stages.append(throttle)
    if kind == "route":
        from .transforms import TransformStage
        from .waf import WAFStage

        for edge in (WAFStage.for_route(world, route_cfg), TransformStage.for_route(world, route_cfg)):
            if edge is not None:
                stages.append(edge)
    template = None
    if kind == "template":
        # A template is a chat call once rendered: every later stage treats it as one.
        from .templates import TemplateStage

        template = TemplateStage(world, route_cfg[0], route_cfg[1])
        kind, route_cfg = "chat", None
    auth = getattr(world, "auth", None)
    if auth is not None:
        mode = auth.mode_for(kind, route_cfg)
        if mode != "off":
            stages.append(Authenticate(auth, mode))
    usage = None
    if template is not None:
        stages.append(template)
        usage = UsageStage(world, kind)
        stages.append(usage)
    elif kind in ("chat", "completions", "embeddings", "messages"):
        stages.append(LLMRequest(world, kind))
        usage = UsageStage(world, kind)
        stages.append(usage)
    if usage is not None:
        # Context window (3000): after the usage estimates (3500), before the limiter (2000).
        from .context import ContextStage

        ctxw = ContextStage.for_endpoint(world, kind)
        if ctxw is not None:
            stages.append(ctxw)
        # Response cache (1000): looks up after limits and every request transform.
        from .cache import CacheStage

        cache = CacheStage.for_endpoint(world, kind)
        if cache is not None:
            stages.append(cache)
    if auth is not None:
        authz = Authorize.for_endpoint(auth, kind, route_cfg)
        if authz is not None:
            stages.append(authz)
            limits = RateLimit.for_endpoint(world, kind, usage)
            if limits is not None:
                stages.append(limits)
    # Governance (3900): lifecycle, deny rules, step-up, subscriptions, prompt guard — after
    # authorize chose the policy, before PII redaction so the guard sees the prompt as sent.
    from .governance import Governance

    gov = Governance.for_endpoint(world, kind, route_cfg, usage)
    if gov is not None:
        stages.append(gov)
    # PII (3800) sorts between authorize (4000) and usage (3500): estimates see the redacted text.
    pii = PIIStage.for_endpoint(world, kind, route_cfg)
    if pii is not None:
        stages.append(pii)
    return stages
