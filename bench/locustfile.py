"""Realistic fastgate load for locust: JWT clients of several tenants, a mix of chat calls.

What the users do (weights are relative):

* ``TenantUser`` (most users): a JWT of one of several tenants; chat calls of varied sizes (a short
  question, a ~1 KB help-desk prompt, an ~8 KB document), some streamed (SSE, read to
  ``data: [DONE]``), some carrying PII (the gateway masks it), and — when the gateway has the
  ``summarize`` template (``bench/run.py --locust`` configures one) — template calls.
* ``FreeTierUser`` (a few): a tenant on a tight per-subject request limit, so a share of its calls
  get **429**. Those are *expected*: they are marked successful and also reported on their own row
  ``429 (expected, rate limited)`` so the rate of denials is visible, and a 429 without the
  ``retry-after`` / ``x-ratelimit-*`` headers is a failure.

Anything else that is not a 2xx (or a malformed answer) is a failure.

Credentials, in order:

1. ``FGBENCH_TOKENS=path.json`` — ``{"tenants": {"acme": ["<jwt>", ...], ...}, "free": ["<jwt>", ...]}``
   (what ``bench/run.py --locust`` writes, minted with the bench's own RS256 key);
2. otherwise tokens are minted here with :func:`fastgate.devkeys.mint_token` and the demo key
   (what ``fastgate demo`` trusts), so ``locust -f bench/locustfile.py -H http://gateway:8080``
   works against a demo gateway. Each locust process mints its own: they are cheap (RS256 sign).

Environment (it reaches every worker process as is): ``FGBENCH_MODEL`` (default ``gpt-4o-mini``),
``FGBENCH_TEMPLATE_PATH`` (default ``/api/summarize``; empty disables template calls). See
bench/README.md for distributed runs (a master and workers on separate load machines).
"""

from __future__ import annotations

import json
import os
import random
import time
from typing import Any

from locust import FastHttpUser, between, task

MODEL = os.environ.get("FGBENCH_MODEL", "gpt-4o-mini")
TEMPLATE_PATH = os.environ.get("FGBENCH_TEMPLATE_PATH", "/api/summarize")
TENANTS = ("acme", "globex", "initech", "umbrella")
USERS_PER_TENANT = 8
FREE_USERS = 4

# ---------------------------------------------------------------------------------------------
# Prompts: varied sizes, some with PII (the values are the standard test values: a reserved
# example.com address, an SSN the SSA voided, a Visa test number).
# ---------------------------------------------------------------------------------------------

_SHORT = ["What is a token bucket?", "Summarise GCRA in one sentence.", "Name three HTTP/1.1 hop-by-hop headers.",
          "Is 429 or 503 the right status for a rate limit?"]
_PARA = ("Our checkout service started returning intermittent 502 errors after yesterday's deploy. The load "
         "balancer health checks pass, CPU and memory look normal, and the errors cluster around the top of "
         "each minute. Connection pools are sized at 64 per instance and the upstream keep-alive timeout is 60 "
         "seconds while ours is 75. What should we check first, and how would we confirm the hypothesis? ")
_PII = ("Please reply to jane.doe@example.com or call +1 415 555 0132 about ticket 4471. Customer card "
        "4111 1111 1111 1111 was charged twice and SSN 078-05-1120 appears in the export from host 10.20.30.40. ")
_DOC = (_PARA * 2 + "Logs follow. " + " ".join(f"line {i}: upstream prematurely closed connection" for i in range(120)))


def _chat(content: str, *, stream: bool = False, max_tokens: int = 32) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model": MODEL,
        "messages": [{"role": "system", "content": "You are a concise assistant for an engineering help desk."},
                     {"role": "user", "content": content}],
        "max_tokens": max_tokens,
    }
    if stream:
        body["stream"] = True
        body["stream_options"] = {"include_usage": True}
    return body


# ---------------------------------------------------------------------------------------------
# Credentials
# ---------------------------------------------------------------------------------------------

_tokens: dict[str, Any] | None = None


def _mint_demo_tokens() -> dict[str, Any]:
    from fastgate import devkeys

    key = devkeys.load_or_create_demo_key()

    def mint(sub: str, tenant: str, groups: list[str]) -> str:
        return devkeys.mint_token(key, sub=sub, tenant=tenant, groups=groups, scope="llm:invoke", ttl_s=12 * 3600)

    return {
        "tenants": {t: [mint(f"{t}-user-{i}", t, ["bench"]) for i in range(USERS_PER_TENANT)] for t in TENANTS},
        "free": [mint(f"free-user-{i}", "free", ["free-tier"]) for i in range(FREE_USERS)],
    }


def tokens() -> dict[str, Any]:
    """The token set (read or minted once per locust process)."""
    global _tokens
    if _tokens is None:
        path = os.environ.get("FGBENCH_TOKENS")
        _tokens = json.loads(open(path).read()) if path else _mint_demo_tokens()  # noqa: SIM115
    return _tokens


def _expected_429(user: FastHttpUser, name: str, started: float, resp: Any) -> None:
    """Count an expected denial on its own row (request type ``LIMIT``), apart from real failures."""
    user.environment.events.request.fire(
        request_type="LIMIT", name=f"429 (expected, rate limited) {name}",
        response_time=(time.perf_counter() - started) * 1000.0, response_length=len(resp.content or b""),
        exception=None, context={})


# ---------------------------------------------------------------------------------------------
# Users
# ---------------------------------------------------------------------------------------------


class _GatewayUser(FastHttpUser):
    """Shared request helpers; ``abstract`` so locust never spawns it directly."""

    abstract = True
    #: Think time between calls; a load machine drives throughput by user count.
    wait_time = between(0.0, 0.05)
    token = ""
    tenant = ""

    def _headers(self, stream: bool = False) -> dict[str, str]:
        h = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        if stream:
            h["Accept"] = "text/event-stream"
        return h

    def post_chat(self, name: str, body: dict[str, Any], *, limited_ok: bool = False) -> None:
        """One chat call checked like a client would: a chat.completion with usage, or a complete
        SSE stream; a 429 passes only when ``limited_ok`` and it carries Retry-After."""
        stream = bool(body.get("stream"))
        started = time.perf_counter()
        with self.client.post("/v1/chat/completions", data=json.dumps(body), headers=self._headers(stream),
                              name=name, catch_response=True) as resp:
            if resp.status_code == 429 and limited_ok:
                # RFC 6585 §4: a 429 may say how long to wait; fastgate always does.
                if not resp.headers.get("retry-after"):
                    resp.failure("429 without Retry-After")
                    return
                resp.success()
                _expected_429(self, name, started, resp)
                return
            if resp.status_code != 200:
                resp.failure(f"status {resp.status_code}: {(resp.text or '')[:200]}")
                return
            if "x-ratelimit-limit-requests" not in resp.headers:
                resp.failure("no x-ratelimit-limit-requests header")
                return
            text = resp.text or ""
            if stream:
                if not text.rstrip().endswith("data: [DONE]"):
                    resp.failure("stream did not end with data: [DONE]")
                    return
            else:
                try:
                    d = json.loads(text)
                    ok = bool(d["choices"][0]["message"]["content"]) and isinstance(d.get("usage"), dict)
                except (ValueError, KeyError, IndexError, TypeError):
                    ok = False
                if not ok:
                    resp.failure(f"not a chat.completion with usage: {text[:200]}")
                    return
            if "jane.doe@example.com" in text or "078-05-1120" in text:
                resp.failure("raw PII in the answer (PII stage not masking)")
                return
            resp.success()


class TenantUser(_GatewayUser):
    """A client of one of several tenants, on a policy with generous limits."""

    weight = 10

    def on_start(self) -> None:
        self.tenant = random.choice(TENANTS)
        self.token = random.choice(tokens()["tenants"][self.tenant])

    @task(5)
    def chat_short(self) -> None:
        self.post_chat("chat short", _chat(random.choice(_SHORT), max_tokens=16))

    @task(3)
    def chat_1k(self) -> None:
        self.post_chat("chat 1 KB", _chat(_PARA * 2, max_tokens=64))

    @task(2)
    def chat_pii(self) -> None:
        self.post_chat("chat 1 KB with PII", _chat(_PII + _PARA, max_tokens=64))

    @task(1)
    def chat_8k(self) -> None:
        self.post_chat("chat 8 KB", _chat(_DOC, max_tokens=128))

    @task(3)
    def chat_stream(self) -> None:
        self.post_chat("chat stream", _chat(_PARA, stream=True, max_tokens=50))

    @task(1)
    def chat_stream_pii(self) -> None:
        self.post_chat("chat stream with PII", _chat(_PII, stream=True, max_tokens=40))

    @task(1)
    def template(self) -> None:
        if not TEMPLATE_PATH:
            return
        with self.client.post(TEMPLATE_PATH, data=json.dumps({"text": _PARA, "style": "terse"}),
                              headers=self._headers(), name="template summarize", catch_response=True) as resp:
            if resp.status_code == 404:
                # The gateway has no such template: say so once per call site, not as an error storm.
                resp.failure(f"no template at {TEMPLATE_PATH} (set FGBENCH_TEMPLATE_PATH='' to skip)")
                return
            try:
                ok = resp.status_code == 200 and bool(json.loads(resp.text or "")["output"])
            except (ValueError, KeyError, TypeError):
                ok = False
            if ok:
                resp.success()
            else:
                resp.failure(f"status {resp.status_code}: {(resp.text or '')[:200]}")


class FreeTierUser(_GatewayUser):
    """A tenant on a tight request limit: some of its calls are denied with 429, as designed."""

    weight = 1

    def on_start(self) -> None:
        self.tenant = "free"
        self.token = random.choice(tokens()["free"])

    @task
    def chat_limited(self) -> None:
        self.post_chat("chat free tier", _chat(random.choice(_SHORT), max_tokens=16), limited_ok=True)
