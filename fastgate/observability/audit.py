"""The audit log: one JSON line per authentication decision (``logging.audit_log``).

Separate from the access log because it answers a different question ("who was let in, who was
turned away, and why") for a different reader (security, compliance), usually with a different
retention. It is written exactly like the access log (:class:`AccessLog`: orjson lines, one
``os.write`` per flush, ``O_APPEND``, reopened on SIGUSR1, no stdlib ``logging`` on the hot path),
and costs nothing when it is ``off``: the ``Authenticate`` stage only gains its ``on_log`` hook
when an audit log is configured (see ``fastgate/stages/auth.py``).

A line is written for every request on which the ``authenticate`` stage ran:

``outcome``
    ``allow`` (a credential was verified, or an anonymous caller passed an ``auth: optional``
    route: ``auth_kind`` is then ``anonymous``), ``deny`` (the stage answered 401, or 503 because
    the identity provider could not be reached and no keys were usable), or ``error`` (the
    decision never completed: the client went away while keys were being fetched, or a bug).
``reason``
    why a request was denied (``expired``, ``bad_signature``, ``missing_credentials``… the same
    value as ``fastgate_auth_failures_total{reason}`` and the access log's ``reason``; never sent
    to the caller, RFC 6750 §3 / acceptance catalogue JWT-30). ``null`` on ``allow``.
``status``, ``stage``
    the final HTTP status of the request and the stage that stopped it, if any, so a request
    that authenticated but was then refused by authorization (403) or a limit (429) is visible.

Requests on which authentication never ran (no route matched, the body limit refused first, the
route has ``auth: off``) get no audit line: nothing was decided about them.
"""

from __future__ import annotations

import time
from typing import Any

from .accesslog import AccessLog

__all__ = ["AuditLog", "audit_record"]

# Statuses with which the authenticate stage itself refuses a request (401 invalid credential,
# 503 identity provider unreachable with no usable keys); anything else it ended with is "error".
_DENY_STATUSES = frozenset({401, 403, 503})
#: ``ctx.extra`` key the audited stage sets when its ``on_request`` ran (``_`` keeps it out of the
#: access log).
RAN_KEY = "_auth_ran"


def audit_record(ctx: Any, stage: Any, optional: bool) -> dict[str, Any] | None:
    """The audit line of one request, or ``None`` when ``stage`` (the authenticate stage) never ran.

    ``ctx`` is the finished ``RequestContext``: read after the reply was sent (or the client went
    away), so ``status``, ``policy`` and ``model`` are final.
    """
    extra = ctx.extra
    if not extra or RAN_KEY not in extra:
        return None
    ident = ctx.identity
    status = ctx.status or 500
    reason: str | None = None
    if ident is not None:
        outcome = "allow"
    elif ctx.error_stage == stage.name:
        # The stage itself stopped the request (a Reply), or was interrupted while waiting on keys.
        outcome = "deny" if status in _DENY_STATUSES else "error"
        reason = ctx.reason
    elif optional and status < 500:
        outcome = "allow"
        reason = "anonymous"
    else:
        # Required mode never lets an anonymous caller through: no identity without a denial
        # means the stage failed (a bug surfacing as 500) or the client vanished mid-decision.
        outcome = "error"
        reason = ctx.reason
    request = ctx.request
    route = ctx.route
    policy = ctx.policy
    rec: dict[str, Any] = {
        "ts": round(time.time(), 6),
        "request_id": ctx.request_id,
        "outcome": outcome,
        "reason": reason,
        "subject": None,
        "tenant": None,
        "issuer": None,
        "client_id": None,
        "auth_kind": "anonymous" if ident is None and outcome == "allow" else None,
        "api_key": None,
        "client_ip": request.remote if request is not None else None,
        "method": ctx.method,
        "path": ctx.path,
        "route": route.name if route is not None else None,
        "model": ctx.model_name,
        "policy": getattr(policy, "name", None),
        "status": status,
        "stage": ctx.error_stage,
    }
    if ident is not None:
        rec["subject"] = ident.subject
        rec["tenant"] = ident.tenant
        rec["issuer"] = ident.issuer
        rec["client_id"] = ident.client_id
        rec["auth_kind"] = ident.auth_kind
        rec["api_key"] = ident.api_key
    return rec


class AuditLog(AccessLog):
    """A JSON-lines sink for authentication decisions (``off`` | ``stdout`` | ``stderr`` | a path).

    Same buffering, durability window (≤ 50 ms of lines lost on SIGKILL, none on a graceful stop)
    and SIGUSR1 reopen as the access log, so one logrotate stanza serves both.
    """

    def decision(self, ctx: Any, stage: Any, optional: bool) -> None:
        """Write the audit line of a finished request (no-op when the stage never ran)."""
        if self._fd < 0:
            return
        rec = audit_record(ctx, stage, optional)
        if rec is not None:
            self.write(rec)
