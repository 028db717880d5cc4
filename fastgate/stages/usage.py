"""Token accounting: estimate before the call, the real usage after it, cost, ledger (issue 4).

Before the upstream call (``on_request``) the prompt is estimated with the token kernel and the
output bound read from ``max_completion_tokens``/``max_tokens`` (or the model's default): the
limiter reserves these. After it, the real usage comes from

* non-streamed responses: the provider's ``usage`` object;
* OpenAI streams: the final usage chunk. If the client did not ask for it
  (``stream_options.include_usage``), we ask on its behalf and drop that chunk (and the
  ``"usage":null`` keys it implies) before it reaches the client;
* Anthropic streams: ``message_start`` (input) and ``message_delta`` (output) usage;
* otherwise (no usage, client went away mid-stream): the streamed text is counted with the
  estimator, so abandoned streams are billed for what was delivered.

:meth:`UsageStage.finalize` is idempotent: whichever ``on_end`` runs first (the limiter's settle
needs the final numbers) computes them once.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import orjson

from .._native import kernel
from ..pipeline.stage import Stage
from ..tokencount import max_output as _max_output

_usage = kernel("usage")
_body_usage = _usage.body_usage
_stream_usage_at = _usage.stream_usage_at  # the first "usage" of an SSE piece that is not null
_round10 = _usage.round10  # round(x, 10), without the decimal conversion when it can prove the result

_DATA = b"data:"
# `"usage": {...}` with at most two levels of nested objects (prompt_tokens_details, server_tool_use…).
_USAGE_OBJ = re.compile(rb'"usage"\s*:\s*(\{(?:[^{}"]|"(?:[^"\\]|\\.)*"|\{(?:[^{}"]|"(?:[^"\\]|\\.)*"|\{[^{}]*\})*\})*\})')


_WS = b" \t\n\r\f\v"  # what \s matches in a bytes pattern


def _flat_usage(data: bytes, i: int) -> Any:
    """The ``"usage"`` object starting at ``data[i]`` when nothing is nested in it (the common
    shape), else None (the caller then runs ``_USAGE_OBJ``).

    Same result as the regex whenever it returns one: without a ``{`` between the opening brace
    and the first ``}``, a segment that parses as JSON is exactly the object the regex captures.
    A find and a small parse instead of the regex's backtracking.
    """
    n = len(data)
    j = i + 7
    while j < n and data[j] in _WS:
        j += 1
    if j >= n or data[j] != 0x3A:  # :
        return None
    j += 1
    while j < n and data[j] in _WS:
        j += 1
    if j >= n or data[j] != 0x7B:  # {
        return None
    k = data.find(b"}", j)
    if k < 0 or data.find(b"{", j + 1, k) >= 0:
        return None
    try:
        return orjson.loads(data[j:k + 1])
    except orjson.JSONDecodeError:
        return None


def needs_estimate(config: Any) -> bool:
    """Does anything read the prompt estimate before the upstream call?"""
    for pol in getattr(config, "policies", ()) or ():
        for lim in getattr(pol, "limits", ()) or ():
            if getattr(lim, "tokens", None) is not None or getattr(lim, "usd", None) is not None:
                return True
        guard = getattr(pol, "prompt_guard", None)
        if guard is not None and getattr(guard, "max_prompt_tokens", None):
            return True
    return any(getattr(m, "context_window", None) for m in (getattr(config, "models", None) or {}).values())
_NULL_USAGE = (b',"usage":null', b', "usage": null')
_NO_MODEL = object()


class BodyUsage(NamedTuple):
    """What a complete (non-streamed) answer reported, in ``ctx.stream_state`` (made by the usage
    kernel without a Python-level call: it is made on every answered request)."""

    prompt: int
    completion: int
    cached: int


class StreamUsage:
    """Per-request stream tap state (kept small: payloads are parsed only if usage never arrives)."""

    __slots__ = ("drop_usage", "prompt", "completion", "cached", "payloads", "done")

    def __init__(self, drop_usage: bool) -> None:
        self.drop_usage = drop_usage
        self.prompt: int | None = None
        self.completion: int | None = None
        self.cached = 0
        self.payloads: list[bytes] = []
        self.done = False


def _openai_usage(u: dict) -> tuple[int, int, int]:
    details = u.get("prompt_tokens_details") or {}
    cached = details.get("cached_tokens") or 0 if isinstance(details, dict) else 0
    return int(u.get("prompt_tokens") or 0), int(u.get("completion_tokens") or 0), int(cached)


def _anthropic_usage(u: dict) -> tuple[int, int, int]:
    cached = int(u.get("cache_read_input_tokens") or 0)
    prompt = int(u.get("input_tokens") or 0) + cached + int(u.get("cache_creation_input_tokens") or 0)
    return prompt, int(u.get("output_tokens") or 0), cached


def _parse_body_usage(data: bytes) -> tuple[int, int, int] | None:
    """``(prompt, completion, cached)`` from a complete answer's ``usage`` (the general path of
    ``UsageStage._from_body``), or None when it has none."""
    u: Any = None
    i = data.rfind(b'"usage"')
    if i > 0 and data[i - 1] != 0x5C:  # not an escaped quote inside a string
        u = _flat_usage(data, i)
        if u is None:
            m = _USAGE_OBJ.match(data, i)
            if m is not None:
                try:
                    u = orjson.loads(m.group(1))
                except orjson.JSONDecodeError:
                    u = None
    if u is None:
        try:
            obj = orjson.loads(data)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(obj, dict):
            return None
        u = obj.get("usage")
    if not isinstance(u, dict):
        return None
    if "input_tokens" in u or "output_tokens" in u:
        return _anthropic_usage(u)
    return _openai_usage(u)


def _content_text(payload: bytes) -> str:
    """The text a stream event delivered (OpenAI chunk or Anthropic delta)."""
    try:
        obj = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return ""
    if not isinstance(obj, dict):
        return ""
    parts: list[str] = []
    for ch in obj.get("choices") or ():
        if not isinstance(ch, dict):
            continue
        delta = ch.get("delta") or {}
        if isinstance(delta, dict):
            c = delta.get("content")
            if isinstance(c, str):
                parts.append(c)
            for tc in delta.get("tool_calls") or ():
                fn = tc.get("function") if isinstance(tc, dict) else None
                if isinstance(fn, dict) and isinstance(fn.get("arguments"), str):
                    parts.append(fn["arguments"])
        t = ch.get("text")
        if isinstance(t, str):
            parts.append(t)
    d = obj.get("delta")
    if isinstance(d, dict):
        for key in ("text", "partial_json", "thinking"):
            v = d.get(key)
            if isinstance(v, str):
                parts.append(v)
    return "".join(parts)


class UsageStage(Stage):
    name = "usage"
    priority = 3_500  # after authorization (4000), before limits (2000): they reserve our estimate

    def __init__(self, world: Any, kind: str) -> None:
        self.world = world
        self.kind = kind
        self.counter = world.token_counter
        self.anthropic_front = kind == "messages"
        # Estimating the prompt costs a few µs per KB: do it up front only when something reads it
        # before the call (token/usd limits, context windows, a prompt-size guard); otherwise only
        # at the end, and only if the provider reported no usage.
        self.eager = needs_estimate(world.config)
        # The estimator counts a plain OpenAI body in one kernel call (-1: not plain, count it here).
        self._chat_fast: Any = None if self.anthropic_front else getattr(self.counter, "chat_fast", None)
        self._no_output = kind == "embeddings"
        self._out_default: dict[int, tuple[Any, int]] = {}  # id(model) → (model, its output default)
        self._last: tuple[Any, int] = (_NO_MODEL, 0)  # the entry used last (requests mostly name one model)

    def estimate(self, ctx: Any) -> int:
        """The prompt estimate of this request (computed once)."""
        if ctx.est_prompt_tokens < 0:
            obj = ctx.body_obj
            if obj is None:
                ctx.est_prompt_tokens = 0
            elif self.anthropic_front:
                ctx.est_prompt_tokens = self.counter.anthropic(obj)
            else:
                ctx.est_prompt_tokens = self.counter.chat(obj)
        return ctx.est_prompt_tokens

    def _output_default(self, model: Any) -> tuple[Any, int]:
        """``(model, its max_output_tokens_default)``, remembered per model object."""
        hit = self._out_default.get(id(model))
        if hit is None or hit[0] is not model:
            default = int(getattr(model.cfg, "max_output_tokens_default", 1024) or 1024)
            if len(self._out_default) >= 1024:
                self._out_default.clear()
            # (the model object is kept in the entry, so its id cannot be reused meanwhile)
            hit = self._out_default[id(model)] = (model, default)
        self._last = hit
        return hit

    # ------------------------------------------------------------------ before the call
    def on_request(self, ctx: Any) -> None:
        obj = ctx.body_obj
        if self.eager:
            fast = self._chat_fast
            n = fast(obj) if fast is not None else -1
            ctx.est_prompt_tokens = n
            if n < 0:
                self.estimate(ctx)
        else:
            ctx.est_prompt_tokens = -1
        if self._no_output:
            ctx.est_output_tokens = 0
        else:
            model = ctx.model
            hit = self._last
            if hit[0] is not model:
                hit = self._output_default(model)
            ctx.est_output_tokens = _max_output(obj, hit[1])
        if ctx.stream:
            drop = False
            if not self.anthropic_front:
                so = obj.get("stream_options")
                if not (isinstance(so, dict) and so.get("include_usage") is True):
                    obj["stream_options"] = {**(so if isinstance(so, dict) else {}), "include_usage": True}
                    ctx.body_dirty = True
                    drop = True
            ctx.stream_state = StreamUsage(drop)
        return None

    # ------------------------------------------------------------------ the response
    def on_chunk(self, ctx: Any, data: bytes, last: bool) -> bytes:
        st = ctx.stream_state
        if st is None:
            if last and ctx.status == 200 and data:
                self._from_body(ctx, data)
            return data
        if st.__class__ is BodyUsage:
            return data  # (the whole answer was read already)
        if not data:
            return data
        drop = st.drop_usage
        # (bytes.find, not ``in``: CPython 3.11's ``bytes in bytes`` first tries the needle as an
        # int and builds and clears a TypeError, ~2k instructions per call, i.e. per SSE event.)
        if drop:
            for pat in _NULL_USAGE:
                if data.find(pat) >= 0:
                    data = data.replace(pat, b"")
        events = data
        if not drop:
            # Not rewriting (``out`` is not used): only the events from the first "usage" that is
            # not null on are parsed, those before it cannot set anything (-2: a key could be
            # spelt with \u escapes, which orjson reads as "usage": every event is parsed).
            # -1 (no "usage", or only "usage": null, as in every chunk of an OpenAI stream with
            # include_usage): keep the payloads for a delivered-text count, parse nothing.
            at = _stream_usage_at(data)
            if at == -1 or (at == -2 and data.find(b'"usage"') < 0):
                st.payloads.append(data)
                return data
            if at > 0:
                cut = data.rfind(b"\n\n", 0, at)
                if cut >= 0:
                    events = data[cut + 2:]
        out: list[bytes] = []
        dropped = False
        for event in events.split(b"\n\n"):
            if not event:
                continue
            payload = self._payload(event)
            if payload is not None and payload.find(b'"usage"') >= 0:
                try:
                    obj = orjson.loads(payload)
                except orjson.JSONDecodeError:
                    obj = None
                if isinstance(obj, dict):
                    u = obj.get("usage")
                    if isinstance(u, dict):
                        if "prompt_tokens" in u or "completion_tokens" in u:
                            st.prompt, st.completion, st.cached = _openai_usage(u)
                            if drop and not obj.get("choices"):
                                dropped = True
                                continue  # the chunk we asked for on the client's behalf
                        else:
                            p, c, cached = _anthropic_usage(u)
                            if obj.get("type") == "message_start":
                                st.prompt, st.cached = p, cached
                            else:
                                st.completion = c
                                # message_delta carries cumulative input tokens in newer API versions
                                # (and translated streams can only report them here): they win.
                                if p:
                                    st.prompt, st.cached = p, cached
                    msg = obj.get("message")
                    if isinstance(msg, dict) and isinstance(msg.get("usage"), dict):
                        p, c, cached = _anthropic_usage(msg["usage"])
                        st.prompt, st.cached = p, cached
                        if st.completion is None and c:
                            st.completion = c
            out.append(event)
            out.append(b"\n\n")
        result = b"".join(out) if dropped else data
        st.payloads.append(result)
        return result

    @staticmethod
    def _payload(event: bytes) -> bytes | None:
        for line in event.split(b"\n"):
            if line.startswith(_DATA):
                return line[5:].lstrip()
        return None

    def _from_body(self, ctx: Any, data: bytes) -> None:
        # Both APIs put `usage` after the content: read just that object, not the whole reply (a
        # long completion would cost tens of µs to parse). The kernel reads the plain shape
        # providers send; anything else takes the general path, which gives the same numbers.
        got = _body_usage(data, BodyUsage)
        if got is None:
            parsed = _parse_body_usage(data)
            if parsed is None:
                return
            got = BodyUsage(*parsed)
        ctx.stream_state = got
        ctx.stream = False

    # ------------------------------------------------------------------ settle
    def on_end(self, ctx: Any) -> None:
        self.finalize(ctx)

    def finalize(self, ctx: Any) -> None:
        """Compute final tokens and cost once (ctx fields the metrics read) and record them to the ledger."""
        if ctx.tokens_source is not None or not ctx.attempts:
            return  # already done, or the upstream was never called (nothing to bill)
        st = ctx.stream_state
        if st.__class__ is BodyUsage:  # a complete answer that reported its usage: the common case
            prompt, completion, cached = st
            source = "provider"
        else:
            prompt, completion, cached, source = self._final_counts(ctx, st)
        ctx.prompt_tokens = prompt
        ctx.completion_tokens = completion
        ctx.tokens_source = source
        model = ctx.model
        if model is not None:
            cost = _round10(((prompt - cached) * model.price_in + cached * model.price_cached
                             + completion * model.price_out) / 1e6)
        else:
            cost = 0.0  # (= round(0.0, 10))
        ctx.cost_usd = cost
        # fastgate_tokens_total / fastgate_cost_usd_total are counted from these ctx fields by the
        # gateway's one per-request metrics call (Registry.record_request, in Gateway._finish).
        ledger = self.world.ledger
        if ledger is not None:
            ident = ctx.identity
            try:
                tenant, subject = ident.tenant or "", ident.subject or ""
            except AttributeError:  # anonymous (None), or an identity without those fields
                tenant, subject = getattr(ident, "tenant", None) or "", getattr(ident, "subject", None) or ""
            ledger.record(tenant, subject, ctx.model_name or "", prompt, completion, cost)

    def _final_counts(self, ctx: Any, st: Any) -> tuple[Any, Any, int, str]:
        """(prompt, completion, cached, source) of a stream, or of an answer without usage."""
        counter = self.counter
        prompt = completion = None
        cached = 0
        source = "provider"
        if st is not None and (st.prompt is not None or st.completion is not None):
            prompt, completion, cached = st.prompt, st.completion, st.cached
        if prompt is None or completion is None:
            source = counter.source
            if prompt is None:
                # The provider said nothing about the prompt: our estimate (it was sent, so billed).
                prompt = self.estimate(ctx)
            if completion is None:
                text = ""
                if st is not None and st.payloads:
                    parts = []
                    for chunk in st.payloads:
                        for event in chunk.split(b"\n\n"):
                            payload = self._payload(event) if event else None
                            if payload and payload != b"[DONE]":
                                parts.append(_content_text(payload))
                    text = "".join(parts)
                completion = counter.count_text(text) if text else 0
        return prompt, completion, cached, source
