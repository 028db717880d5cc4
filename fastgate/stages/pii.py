"""PII redaction in the request path, both directions, streams included (``pii`` stage, priority 3800).

Order in the request phase (higher priority first)::

    authenticate (9000) → llm_request (5000) → authorize (4000) → pii (3800) → usage (3500) → ratelimit (2000)

PII runs after ``authorize`` because the policy that matched decides the modes, and *before*
``usage`` so that the token estimate — and hence what the limiter reserves — is computed on the text
that is actually sent. In the response phase hooks run in reverse: ``usage`` taps the upstream's
events first (its counts are the provider's), then ``pii`` rewrites what the client receives.

Modes come from ``policies[].pii: {request, response}`` of the policy ``authorize`` matched
(:func:`policy_modes`); with no policies at all PII is off. Request side (``off | mask |
placeholder | block``): every message's text — string content, text parts, tool-call arguments
(a JSON text: its string values are decoded, redacted and re-encoded, so it stays valid JSON),
``system`` prompts (Anthropic) and system-role messages, legacy ``prompt``/``suffix``, embeddings
``input`` — on both fronts; generic routes: every JSON string value (recursively) or a ``text/*``
body, read whole (bounded by ``server.max_body_bytes``) instead of streamed. ``block`` answers 400
``pii_blocked`` naming the entity types; nothing is forwarded.

Response side: ``mask`` masks what the upstream wrote; ``placeholder`` masks PII the upstream
introduced and puts this request's originals back in place of its ``[EMAIL_1]`` placeholders (the
mapping lives in the request context only); ``block`` refuses a response that contains PII (502
``pii_blocked``, or an error event that ends a stream). Streams: each text field (OpenAI
``choices[i].delta.content``, ``tool_calls[j].function.arguments``, legacy ``text``; Anthropic
``text_delta``/``input_json_delta`` per content block) runs through its own
:class:`~fastgate.pii.StreamRedactor` with ``pii.stream_holdback_chars``; the delta strings are
rewritten inside each event's JSON, other SSE lines are kept. Text still held when a choice or
block finishes is sent as one extra delta event right before the finishing event
(``finish_reason`` chunk, ``data: [DONE]``, ``content_block_stop``, ``message_stop``).

Fail closed (PII-16): text that cannot be scanned (invalid UTF-8, lone surrogates, a scanner
exception, a body that cannot be parsed while the policy requires redaction) refuses the request
with 400 ``pii_unprocessable``; on the response side it becomes 502 ``pii_unprocessable`` or an SSE
error event that ends the stream. The reason is logged, never the text.

Surfaces: counts per entity type in the access log (``pii: {request: {...}, response: {...}}``)
and ``fastgate_pii_redactions_total{direction,entity}`` (entities masked, replaced or blocked). With
``logging.log_bodies: true`` the record gets ``request_body``/``response_body``, always masked
(whatever the policy's modes) and cut to :data:`LOG_BODY_CHARS` after masking.

Cost: a clean string is rejected by a prefilter of single-character ``in`` tests (memchr) for
the characters every built-in entity needs; only a string that passes runs the scanner kernel.
With the compiled kernel, strings under ``SCAN_FIRST_CHARS`` go to the scanner directly (its own
skip loop is as fast as the prefilter there, and most prose would pass the prefilter anyway); the
prefilter still decides what a failing scan means, so the answers are the same either way.
Without custom entities a request string costs one kernel call (``Masker``: prefilter, scan,
apply, count), and a whole (non-streamed) answer that is plain JSON with no entity in any string
value is passed on as it is, without being parsed (``clean_json``; see ``on_chunk``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

import orjson

from .._native import kernel as _kernel
from .._native import twin as _twin
from ..errors import UpstreamError
from ..pii import PIIBlocked, PIIError, PlaceholderState, Redactor, StreamRedactor, restore
from ..pipeline.stage import Reply, Stage

_add_counts = _kernel("metrics").add_counts

__all__ = [
    "LOG_BODY_CHARS",
    "PIIResponseBlocked",
    "PIIRuntime",
    "PIIStage",
    "PIIUnprocessable",
    "policy_modes",
]

log = logging.getLogger("fastgate.pii")

#: Logged bodies are cut to this many characters, after masking (so a cut never splits an entity
#: that would then go unrecognised).
LOG_BODY_CHARS = 4096
#: Upstream response bytes kept for ``log_bodies`` (the log shows at most LOG_BODY_CHARS of it).
LOG_CAPTURE_BYTES = 256 * 1024
LLM_KINDS = frozenset({"chat", "completions", "embeddings", "messages"})


class PIIUnprocessable(UpstreamError):
    """A response could not be redacted: 502, or an SSE error event once the stream has started.

    An :class:`UpstreamError` so that the handler ends a committed stream with an error event
    instead of leaving it open; never retried (the upstream already answered).
    """

    status = 502
    code = "pii_unprocessable"

    def __init__(self, reason: str) -> None:
        super().__init__(f"response could not be redacted: {reason}", retryable=False, sent=True)
        self.reason = reason


class PIIResponseBlocked(UpstreamError):
    """``response: block`` and the upstream's answer contains PII: it is not passed on."""

    status = 502
    code = "pii_blocked"

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        super().__init__(f"response contains personal data ({', '.join(sorted(counts))})", retryable=False,
                         sent=True)


# ------------------------------------------------------------------------------------ policy


def policy_modes(ctx: Any, default: Any = None) -> tuple[str, str]:
    """``(request mode, response mode)`` for this request.

    The policy ``authorize`` matched (``ctx.policy``): its ``pii`` (or ``cfg.pii`` for a compiled
    policy). Without one — an endpoint with no authorization stage — ``default`` (the first
    policy's ``pii``), else off.
    """
    pol = ctx.policy
    cfg = None
    if pol is not None:
        cfg = getattr(pol, "pii", None)
        if cfg is None:
            cfg = getattr(getattr(pol, "cfg", None), "pii", None)
    if cfg is None:
        cfg = default
    if cfg is None:
        return "off", "off"
    return cfg.request, cfg.response


# ------------------------------------------------------------------------------------ runtime


# Every built-in entity needs one of these characters: a digit (phone, card, SSN, IPv4, IBAN, the
# sk-/xox- keys), "@" (e-mail), ":" (IPv6, also all-letter ones like dead:beef::cafe), "_"
# (gh?_ / github_pat_), "J" (JWT "eyJ"), "A" (AWS "AKIA…", Google "AIza…"), "V" (PEM "PRIVATE KEY").
_TRIGGER_CHARS = "0123456789@:_JAV"
#: PIIRuntime.scan_below with the compiled kernel (characters): below it the scan comes first.
SCAN_FIRST_CHARS = 512


def make_prefilter(redactor: Redactor) -> Callable[[str], bool]:
    """A conservative ``maybe_pii(text)``: False only when no configured entity can match.

    Single-character ``in`` tests are memchr scans (~0.03 µs/KB each); substring tests are ~50×
    slower in CPython, so every secret prefix is reduced to one characteristic character.
    """
    chars = prefilter_chars(redactor)
    if chars is None:
        return _always  # a custom regex with no required literal: scan everything
    needles = tuple(chars)

    def maybe_pii(s: str) -> bool:
        for c in needles:  # noqa: SIM110 - measured 2.7x faster than any() over a generator
            if c in s:
                return True
        return False

    return maybe_pii


def prefilter_chars(redactor: Redactor) -> str | None:
    """The characters of :func:`make_prefilter` (one of them is in every entity), or None when a
    custom regex has no required literal."""
    chars = list(_TRIGGER_CHARS)
    for c in redactor.custom:
        if not c.literal:
            return None
        chars.append(c.literal[0])
    return "".join(dict.fromkeys(chars))


def _always(s: str) -> bool:
    return True


class PIIRuntime:
    """Per-World PII state: the Redactor (built once from ``pii:``), modes default, metrics."""

    def __init__(self, config: Any, metrics: Any = None, *, redactor: Redactor | None = None) -> None:
        pii = config.pii
        self.redactor = redactor if redactor is not None else Redactor.from_config(pii)
        self.holdback = int(pii.stream_holdback_chars)
        self.log_bodies = bool(getattr(getattr(config, "logging", None), "log_bodies", False))
        policies = tuple(getattr(config, "policies", ()) or ())
        self.default = policies[0].pii if policies else None
        self.active = any(p.pii.request != "off" or p.pii.response != "off" for p in policies)
        self.maybe = make_prefilter(self.redactor)
        # Strings shorter than this skip the prefilter and go straight to the scanner: the compiled
        # kernel's own skip loop rejects a short clean string about as fast as the prefilter's
        # memchr passes, and a string that passes the prefilter (most prose has a digit, a ':' or
        # an 'A') would pay for both. The pure twin is far slower than the prefilter: always first.
        self.scan_below = SCAN_FIRST_CHARS if self.redactor.kernel is not _twin("redact") else 0
        # The kernel's whole-string forms, when every entity is a built-in one (custom regexes run
        # in Python, in Redactor): a Masker (prefilter, scan, apply and count in one call; the same
        # answers as text() below) and clean_json (a response body with nothing to redact). None
        # otherwise.
        red = self.redactor
        k = red.kernel
        self.kmask = red.mask
        self.masker: Any = None
        self.mask_text: Callable[[str, dict[str, int]], str] | None = None
        self.clean_json: Callable[[bytes, int, bytes], bool] | None = None
        if not red.custom and red.mask:
            self.masker = k.Masker(red.mask, red.labels, red.names, prefilter_chars(red), self.scan_below)
            self.mask_text = self.masker.mask
            self.clean_json = k.clean_json
        self.counter: Any = None
        if metrics is not None:
            # Families live as long as the worker: a reload must not reset the counter.
            fam = metrics.families.get("fastgate_pii_redactions_total")
            if fam is None:
                fam = metrics.counter("fastgate_pii_redactions_total",
                                      "PII entities redacted or blocked, by direction and entity type",
                                      ("direction", "entity"))
            self.counter = fam
        # entity -> the counter's kernel cell of (direction, entity), per direction (empty without a
        # counter): the stage counts a request's entities with one C call, ``_add_counts(cells, counts)``
        self.req_cells: dict[str, Any] = {}
        self.resp_cells: dict[str, Any] = {}
        if self.counter is not None:
            self.req_cells = {name: self.counter.cell(("request", name)) for name in self.redactor.names}
            self.resp_cells = {name: self.counter.cell(("response", name)) for name in self.redactor.names}

    def count(self, direction: str, counts: dict[str, int]) -> None:
        """Add ``counts`` (entity -> n) to ``fastgate_pii_redactions_total{direction, entity}``."""
        missing = _add_counts(self.resp_cells if direction == "response" else self.req_cells, counts)
        if missing:
            self.count_unheld(direction, counts, missing)

    def count_unheld(self, direction: str, counts: dict[str, int], names: list[str]) -> None:
        """Count the entities of ``counts`` named in ``names``, which have no held cell (``_add_counts``
        returned them): an entity the redactor did not list, or no counter at all."""
        c = self.counter
        if c is not None:
            for entity in names:
                c.inc((direction, entity), counts[entity])

    def text(self, s: str, mode: str, ph: PlaceholderState | None, counts: dict[str, int]) -> str:
        """Redact one string in ``mode`` (``block`` only counts), adding to ``counts``.

        A string the prefilter rejects is returned as it is, unscanned; short strings are scanned
        without asking it first (``scan_below``), which finds nothing in them either (the
        prefilter is conservative), and when that scan fails the prefilter's answer still decides
        (a rejected string passes as before, anything else fails closed).
        """
        short = len(s) < self.scan_below
        if not short and not self.maybe(s):
            return s
        m = self.masker
        if m is not None and (mode == "mask" or mode == "placeholder" and ph is not None):
            # Built-in entities only: the kernel's Masker, one call (it applies the prefilter the
            # same way, so this is the answer of the code below).
            try:
                if mode == "mask":
                    return str(m.mask(s, counts))
                return str(m.placeholder(s, counts, ph.mapping, ph.counters))  # type: ignore[union-attr]
            except ValueError as e:  # a lone surrogate in a string the prefilter lets through
                raise PIIError(str(e)) from None
            except Exception as e:
                if short and not self.maybe(s):
                    return s
                raise PIIError(f"redactor error: {type(e).__name__}") from e
        try:
            if mode == "block":
                for sp in self.redactor.find(s):
                    counts[sp.entity] = counts.get(sp.entity, 0) + 1
                return s
            # (counts are added only once the text is redacted: a failure adds none)
            return self.redactor.redact_counted(s, mode, ph, counts)
        except PIIError:
            if short and not self.maybe(s):
                return s
            raise
        except Exception as e:  # a bug in the kernel must not let text through (PII-16)
            if short and not self.maybe(s):
                return s
            raise PIIError(f"redactor error: {type(e).__name__}") from e


# ------------------------------------------------------------------------------------ walkers
# Each walker applies `fn` to the text fields of one body shape, in place, and says whether
# anything changed (so an unchanged body is forwarded byte for byte).

Fn = Callable[[str], str]


def _sub(d: dict, key: Any, fn: Fn) -> bool:
    v = d.get(key)
    if type(v) is str and v:
        new = fn(v)
        if new != v:
            d[key] = new
            return True
    return False


def walk_json(v: Any, fn: Fn) -> bool:
    """Every string value of a JSON document, recursively (object keys are left alone)."""
    changed = False
    if type(v) is dict:
        for k, x in v.items():
            if type(x) is str:
                if x:
                    new = fn(x)
                    if new != x:
                        v[k] = new
                        changed = True
            elif type(x) is dict or type(x) is list:
                changed |= walk_json(x, fn)
    elif type(v) is list:
        for i, x in enumerate(v):
            if type(x) is str:
                if x:
                    new = fn(x)
                    if new != x:
                        v[i] = new
                        changed = True
            elif type(x) is dict or type(x) is list:
                changed |= walk_json(x, fn)
    return changed


def _openai_content(m: dict, fn: Fn) -> bool:
    c = m.get("content")
    if type(c) is str:
        return _sub(m, "content", fn)
    changed = False
    if type(c) is list:
        for i, part in enumerate(c):
            if type(part) is dict:
                changed |= _sub(part, "text", fn)  # {"type": "text", "text": ...}
                changed |= _sub(part, "refusal", fn)
            elif type(part) is str and part:
                new = fn(part)
                if new != part:
                    c[i] = new
                    changed = True
    return changed


def _openai_calls(m: dict, jfn: Fn) -> bool:
    changed = False
    calls = m.get("tool_calls")
    if type(calls) is list:
        for tc in calls:
            f = tc.get("function") if type(tc) is dict else None
            if type(f) is dict:
                changed |= _sub(f, "arguments", jfn)
    fc = m.get("function_call")  # the legacy single function call
    if type(fc) is dict:
        changed |= _sub(fc, "arguments", jfn)
    return changed


def _str_or_list(d: dict, key: str, fn: Fn) -> bool:
    v = d.get(key)
    if type(v) is str:
        return _sub(d, key, fn)
    changed = False
    if type(v) is list:
        for i, x in enumerate(v):
            if type(x) is str and x:  # token-id arrays (ints) carry no text we can scan
                new = fn(x)
                if new != x:
                    v[i] = new
                    changed = True
    return changed


def _anthropic_blocks(blocks: Any, fn: Fn) -> bool:
    changed = False
    if type(blocks) is not list:
        return False
    for b in blocks:
        if type(b) is not dict:
            continue
        t = b.get("type")
        if t == "text":
            changed |= _sub(b, "text", fn)
        elif t == "tool_use":
            inp = b.get("input")
            if type(inp) is dict or type(inp) is list:
                changed |= walk_json(inp, fn)
        elif t == "tool_result":
            if type(b.get("content")) is str:
                changed |= _sub(b, "content", fn)
            else:
                changed |= _anthropic_blocks(b.get("content"), fn)
        elif t == "document":
            src = b.get("source")
            if type(src) is dict and src.get("type") == "text":
                changed |= _sub(src, "data", fn)
        # image / thinking / redacted_thinking: not text we may rewrite (thinking is signed)
    return changed


def _chat_messages(msgs: list, start: int, fn: Fn, jfn: Fn) -> bool:
    """The OpenAI chat ``messages`` from index ``start`` on (``Masker.chat`` hands over the rest)."""
    changed = False
    for m in msgs[start:] if start else msgs:
        if type(m) is dict:
            c = m.get("content")
            if type(c) is str:  # the common message: _openai_content inlined
                if c:
                    new = fn(c)
                    if new != c:
                        m["content"] = new
                        changed = True
            elif c is not None:
                changed |= _openai_content(m, fn)
            if "tool_calls" in m or "function_call" in m:
                changed |= _openai_calls(m, jfn)
    return changed


def redact_llm_request(obj: dict, kind: str, fn: Fn, jfn: Fn) -> bool:
    """Apply ``fn`` to the text of an LLM request body (``jfn`` to JSON-text tool arguments)."""
    changed = False
    if kind == "chat":
        msgs = obj.get("messages")
        if type(msgs) is list:
            changed = _chat_messages(msgs, 0, fn, jfn)
    elif kind == "messages":
        system = obj.get("system")
        if type(system) is str:
            changed |= _sub(obj, "system", fn)
        else:
            changed |= _anthropic_blocks(system, fn)
        msgs = obj.get("messages")
        if type(msgs) is list:
            for m in msgs:
                if type(m) is dict:
                    if type(m.get("content")) is str:
                        changed |= _sub(m, "content", fn)
                    else:
                        changed |= _anthropic_blocks(m.get("content"), fn)
    elif kind == "completions":
        changed |= _str_or_list(obj, "prompt", fn)
        changed |= _sub(obj, "suffix", fn)
    elif kind == "embeddings":
        changed |= _str_or_list(obj, "input", fn)
    return changed


def redact_llm_response(obj: Any, front: str, fn: Fn, jfn: Fn) -> bool:
    """Apply ``fn`` to the text of a complete (non-streamed) LLM answer in the caller's format."""
    if type(obj) is not dict:
        return False
    changed = False
    if front == "anthropic":
        return _anthropic_blocks(obj.get("content"), fn)
    choices = obj.get("choices")
    if type(choices) is list:
        for ch in choices:
            if type(ch) is not dict:
                continue
            m = ch.get("message")
            if type(m) is dict:
                c = m.get("content")
                if type(c) is str:  # the common answer: _openai_content inlined
                    if c:
                        new = fn(c)
                        if new != c:
                            m["content"] = new
                            changed = True
                elif c is not None:
                    changed |= _openai_content(m, fn)
                if m.get("refusal"):
                    changed |= _sub(m, "refusal", fn)
                if "tool_calls" in m or "function_call" in m:
                    changed |= _openai_calls(m, jfn)
            if "text" in ch:
                changed |= _sub(ch, "text", fn)  # legacy completions
    return changed


# ------------------------------------------------------------------------------------ JSON text


_OUT_STOP = re.compile(r'["\-0-9]')
_NUM_RUN = re.compile(r"[-+0-9.eE]*")
_STR_STOP = re.compile(r'["\\]')
_SIMPLE_ESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX = frozenset("0123456789abcdefABCDEF")


def _json_escape(text: str) -> str:
    return orjson.dumps(text).decode()[1:-1] if text else ""


def _hex4(s: str, j: int) -> int:
    h = s[j:j + 4]
    if len(h) != 4 or not _HEX.issuperset(h):
        raise PIIError("invalid \\u escape in a JSON text")
    return int(h, 16)


def _unescape(s: str, j: int) -> tuple[str, int] | None:
    """Decode the escape at ``s[j] == '\\\\'``: ``(text, end)``, or None when it is incomplete."""
    n = len(s)
    if j + 1 >= n:
        return None
    c = s[j + 1]
    simple = _SIMPLE_ESC.get(c)
    if simple is not None:
        return simple, j + 2
    if c != "u":
        raise PIIError("invalid escape in a JSON text")
    if j + 6 > n:
        return None
    cp = _hex4(s, j + 2)
    if 0xD800 <= cp < 0xDC00:
        # A UTF-16 pair (RFC 8259 §7): a lone half cannot be scanned, so it fails closed.
        if j + 6 < n and s[j + 6] != "\\" or j + 7 < n and s[j + 7] != "u":
            raise PIIError("lone surrogate escape in a JSON text")
        if j + 12 > n:
            return None
        lo = _hex4(s, j + 8)
        if not 0xDC00 <= lo < 0xE000:
            raise PIIError("lone surrogate escape in a JSON text")
        return chr(0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)), j + 12
    if 0xDC00 <= cp < 0xE000:
        raise PIIError("lone surrogate escape in a JSON text")
    return chr(cp), j + 6


class _Whole:
    """A text "pipe" for one complete string: collects, then redacts at once."""

    __slots__ = ("fn", "parts")

    def __init__(self, fn: Fn) -> None:
        self.fn = fn
        self.parts: list[str] = []

    def feed(self, s: str) -> str:
        if s:
            self.parts.append(s)
        return ""

    def flush(self) -> str:
        s = "".join(self.parts)
        self.parts = []
        return self.fn(s) if s else s


class JsonTextRedactor:
    """Redacts the string values of a JSON text that may arrive in fragments (tool arguments).

    Strings are decoded (escapes included, so ``\\u0040`` is an ``@``), passed through a text pipe
    made by ``make`` (one per string: a StreamRedactor on streams) and re-encoded; numbers are
    checked whole with ``num_fn`` and, when they hold an entity (a card number sent as a JSON
    number), replaced by the redacted text as a JSON string. Structure passes through, so the
    concatenated output is valid JSON whenever the input was — whatever the fragmentation.
    """

    __slots__ = ("make", "num_fn", "carry", "pipe")

    def __init__(self, make: Callable[[], Any], num_fn: Fn) -> None:
        self.make = make
        self.num_fn = num_fn
        self.carry = ""  # an unfinished number or escape, completed by the next fragment
        self.pipe: Any = None  # the open string's pipe, None outside strings

    def feed(self, frag: str, final: bool = False) -> str:
        s = self.carry + frag if self.carry else frag
        self.carry = ""
        out: list[str] = []
        i, n = 0, len(s)
        while i < n:
            pipe = self.pipe
            if pipe is None:
                m = _OUT_STOP.search(s, i)
                if m is None:
                    out.append(s[i:])
                    break
                j = m.start()
                if j > i:
                    out.append(s[i:j])
                if s[j] == '"':
                    out.append('"')
                    self.pipe = self.make()
                    i = j + 1
                    continue
                e = _NUM_RUN.match(s, j).end()  # type: ignore[union-attr]
                if e == n and not final:
                    self.carry = s[j:]  # the number may go on in the next fragment
                    break
                tok = s[j:e]
                new = self.num_fn(tok)
                out.append(tok if new == tok else orjson.dumps(new).decode())
                i = e
                continue
            dec: list[str] = []
            closed = False
            while i < n:
                m = _STR_STOP.search(s, i)
                if m is None:
                    dec.append(s[i:])
                    i = n
                    break
                j = m.start()
                if j > i:
                    dec.append(s[i:j])
                if s[j] == '"':
                    text = pipe.feed("".join(dec)) + pipe.flush()
                    out.append(_json_escape(text))
                    out.append('"')
                    self.pipe = None
                    closed = True
                    i = j + 1
                    break
                r = _unescape(s, j)
                if r is None:
                    if final:
                        dec_text = pipe.feed("".join(dec)) if dec else ""
                        out.append(_json_escape(dec_text))
                        dec = []
                        # A truncated escape holds only hex digits: no text to protect.
                        out.append(_json_escape(pipe.flush()))
                        self.pipe = None
                        out.append(s[j:])
                        closed = True
                    else:
                        self.carry = s[j:]
                    i = n
                    break
                dec.append(r[0])
                i = r[1]
            if not closed and dec:
                out.append(_json_escape(pipe.feed("".join(dec))))
        return "".join(out)

    def flush(self) -> str:
        """End of the text: an unfinished number is checked, an unterminated string released."""
        out = self.feed("", final=True) if self.carry else ""
        if self.pipe is not None:
            out += _json_escape(self.pipe.flush())
            self.pipe = None
        return out


def redact_json_text(s: str, fn: Fn) -> str:
    """One complete JSON text (e.g. tool-call ``arguments``): ``fn`` on each string value."""
    j = JsonTextRedactor(lambda: _Whole(fn), fn)
    return j.feed(s) + j.flush()


# ------------------------------------------------------------------------------------ per request


class _Stream:
    """The state of a streamed response (``_Flow.sse``, made when its first piece arrives)."""

    __slots__ = ("pipes", "reds", "env")

    def __init__(self) -> None:
        self.pipes: dict[tuple, Any] = {}  # open stream fields → pipe
        self.reds: list[StreamRedactor] = []  # every stream redactor made (their counts add up)
        self.env: dict[str, Any] | None = None  # last OpenAI chunk's envelope, for flush events


class _Capture:
    """The bodies kept for ``logging.log_bodies`` (``_Flow.log``)."""

    __slots__ = ("orig", "parts", "size")

    def __init__(self) -> None:
        self.orig: bytes | None = None  # the request body as received
        self.parts: list[bytes] = []  # upstream response bytes, up to LOG_CAPTURE_BYTES
        self.size = 0


class _Flow:
    """One request's PII state (``ctx.extra["_pii"]``): modes, placeholder map, counts, streams.

    Made for every request the stage sees, so it holds only what every request needs; a streamed
    response's state (``sse``) and the log capture (``log``) are made when needed.
    """

    __slots__ = ("rt", "req", "resp", "front", "ph", "req_counts", "resp_counts", "sse", "log")

    def __init__(self, req: str, resp: str, front: str, rt: PIIRuntime | None = None) -> None:
        self.rt = rt
        self.req = req
        self.resp = resp
        self.front = front
        # The placeholder map lives here and nowhere else: it dies with the request (PII-17).
        self.ph: PlaceholderState | None = PlaceholderState() if req == "placeholder" else None
        self.req_counts: dict[str, int] = {}
        self.resp_counts: dict[str, int] = {}
        self.sse: _Stream | None = None  # a streamed response (set by on_chunk)
        self.log: _Capture | None = None  # log_bodies only

    def stream(self) -> _Stream:
        """The stream state, made on first use (``fl.sse or fl.stream()``)."""
        st = self.sse
        if st is None:
            st = self.sse = _Stream()
        return st

    @property
    def pipes(self) -> dict[tuple, Any]:
        """The open stream pipes (the stream code reads ``sse`` itself)."""
        return self.stream().pipes

    # The request side's text functions, as bound methods (no closures and cells per request).
    def req_text(self, s: str) -> str:
        """One request string redacted in the request mode, counted in ``req_counts``."""
        rt = self.rt
        assert rt is not None
        if self.req == "mask":
            f = rt.mask_text  # PIIRuntime.text's kernel path, inlined: this runs for every string
            if f is not None:
                try:
                    return f(s, self.req_counts)
                except Exception:  # nothing was counted: text() decides (pass, or PIIError) as always
                    pass
        return rt.text(s, self.req, self.ph, self.req_counts)

    def req_json(self, s: str) -> str:
        """A JSON text (tool-call arguments): each of its string values through ``req_text``."""
        assert self.rt is not None
        return redact_json_text(s, self.req_text) if self.rt.maybe(s) else s


class _TextPipe:
    """One streamed text field of a response: mask, then restore this request's placeholders."""

    __slots__ = ("red", "rest", "block")

    def __init__(self, rt: PIIRuntime, fl: _Flow) -> None:
        self.red = StreamRedactor(rt.redactor, "mask", None, rt.holdback)
        (fl.sse or fl.stream()).reds.append(self.red)
        ph = fl.ph
        self.rest = (StreamRedactor(rt.redactor, "restore", ph)
                     if fl.resp == "placeholder" and ph is not None and ph.mapping else None)
        self.block = fl.resp == "block"

    def feed(self, s: str) -> str:
        out = self.red.feed(s)
        if self.block and self.red.counts:
            raise PIIResponseBlocked(self.red.counts)
        if self.rest is not None and out:
            out = self.rest.feed(out)
        return out

    def flush(self) -> str:
        out = self.red.flush()
        if self.block and self.red.counts:
            raise PIIResponseBlocked(self.red.counts)
        if self.rest is not None:
            out = (self.rest.feed(out) if out else "") + self.rest.flush()
        return out


_EVENT_SPLIT = re.compile(rb"(\r\n\r\n|\n\n|\r\r)")
# fastgate.pii._PLACEHOLDER_RE on bytes: a body without it has nothing restore() could replace.
_PLACEHOLDER_BYTES = re.compile(rb"\[[A-Z][A-Z0-9_]*_[1-9][0-9]*\]")
_SSE_FIELDS = (b"data:", b"event:", b"id:", b"retry:", b":")


def _eol(ev: bytes) -> bytes:
    # (bytes.find, not ``in``: on Python 3.11 ``bytes in bytes`` first tries the operand as an
    # int and builds and clears a TypeError, ~2k instructions per call)
    if ev.find(b"\r\n") >= 0:
        return b"\r\n"
    if ev.find(b"\r") >= 0:
        return b"\r"
    return b"\n"


def _rebuild(ev: bytes, obj: Any) -> bytes:
    """The event with its data lines replaced by one ``data:`` line of ``obj``; other lines kept."""
    eol = _eol(ev)
    out: list[bytes] = []
    done = False
    for line in ev.splitlines():
        if line.startswith(b"data:"):
            if not done:
                out.append(b"data: " + orjson.dumps(obj))
                done = True
            continue
        out.append(line)
    return eol.join(out)


def _payload(ev: bytes) -> bytes | None:
    """The event's data (multi-line ``data:`` fields joined by LF, per the SSE spec)."""
    parts = []
    for line in ev.splitlines():
        if line.startswith(b"data:"):
            v = line[5:]
            parts.append(v[1:] if v[:1] == b" " else v)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else b"\n".join(parts)


def _sse_texts(raw: bytes) -> str:
    """The text an SSE response delivered (for the body log)."""
    out: list[str] = []
    for ev in _EVENT_SPLIT.split(raw)[::2]:
        p = _payload(ev)
        if not p or p == b"[DONE]":
            continue
        try:
            obj = orjson.loads(p)
        except orjson.JSONDecodeError:
            continue
        if type(obj) is not dict:
            continue
        for ch in obj.get("choices") or ():
            if type(ch) is not dict:
                continue
            d = ch.get("delta")
            if type(d) is dict:
                if type(d.get("content")) is str:
                    out.append(d["content"])
                for tc in d.get("tool_calls") or ():
                    f = tc.get("function") if type(tc) is dict else None
                    if type(f) is dict and type(f.get("arguments")) is str:
                        out.append(f["arguments"])
            if type(ch.get("text")) is str:
                out.append(ch["text"])
        d = obj.get("delta")
        if type(d) is dict:
            for key in ("text", "partial_json"):
                if type(d.get(key)) is str:
                    out.append(d[key])
    return "".join(out)


def _cut(s: str) -> str:
    return s if len(s) <= LOG_BODY_CHARS else s[:LOG_BODY_CHARS] + "…[truncated]"


# ------------------------------------------------------------------------------------ the stage


class PIIStage(Stage):
    """Redact PII in requests and responses per the matched policy (see the module docstring).

    Order: authorize (4000) → **pii (3800)** → usage (3500) → ratelimit (2000), so estimates and
    limits see the redacted prompt.
    """

    name = "pii"
    priority = 3_800

    def __init__(self, rt: PIIRuntime, kind: str) -> None:
        self.rt = rt
        self.kind = kind
        self.route = kind == "route"
        self.clean_json = rt.clean_json  # (the runtime's, read once)
        self.kmask = rt.kmask
        # The kernel's chat walk (Masker.chat) for mask mode, when every entity is a built-in one.
        self.chat = rt.masker.chat if rt.masker is not None and kind == "chat" else None

    @classmethod
    def for_endpoint(cls, world: Any, kind: str, route_cfg: Any = None) -> PIIStage | None:
        """The stage for an endpoint, or None when no policy redacts and no body is logged."""
        rt = getattr(world, "pii", None)
        if rt is None or kind not in LLM_KINDS and kind != "route":
            return None
        if rt.log_bodies:
            return PIIStageLogging(rt, kind)
        if not rt.active:
            return None
        return cls(rt, kind)

    # ------------------------------------------------------------------ request
    def on_request(self, ctx: Any) -> Any:
        rt = self.rt
        cfg = getattr(ctx.policy, "pii", None)  # policy_modes(), inlined for a compiled policy
        if cfg is not None:
            req, resp = cfg.request, cfg.response
        else:
            req, resp = policy_modes(ctx, rt.default)
        log_bodies = rt.log_bodies
        if req == "off" and resp == "off" and not log_bodies:
            return None
        fl = _Flow(req, resp, ctx.front, rt)
        counted = {"request": fl.req_counts, "response": fl.resp_counts}  # the access log's "pii"
        extra = ctx.extra
        if extra is None:  # ctx.set_extra twice, inlined
            ctx.extra = {"_pii": fl, "pii": counted}
        else:
            extra["_pii"] = fl
            extra["pii"] = counted
        if log_bodies:
            fl.log = _Capture()
        if self.route:
            return self._route_request(ctx, fl)
        if fl.log is not None:
            fl.log.orig = ctx.body
        if req == "off":
            return None
        return self._llm_request(ctx, fl)

    def _route_request(self, ctx: Any, fl: _Flow) -> Any:
        """A generic route's request: the body is read whole here (and redacted)."""
        log_bodies = self.rt.log_bodies
        if fl.resp != "off" or log_bodies:
            # The handler reads the upstream's body whole and runs our on_chunk on it.
            ctx.set_extra("_buffer_response", True)
        if (fl.req == "off" and not log_bodies) or not ctx.request.body_exists:
            return None
        content = ctx.request.content
        if content.is_eof():
            data = content.read_nowait(-1)
            if len(data) > ctx.world.max_body:
                return Reply(413, f"Request body is over the limit of {ctx.world.max_body} bytes",
                             code="request_too_large", reason="body_too_large")
            return self._route_body(ctx, fl, data)
        return self._read_route_body(ctx, fl)

    def _refuse(self, ctx: Any, reason: str) -> Reply:
        log.warning("PII redaction failed, request %s refused: %s", ctx.request_id, reason)
        return Reply(400, "The request could not be checked for personal data and was not forwarded",
                     code="pii_unprocessable", reason=f"pii_unprocessable:{reason}")

    def _blocked(self, ctx: Any, fl: _Flow) -> Reply:
        self.rt.count("request", fl.req_counts)
        e = PIIBlocked(fl.req_counts.keys(), fl.req_counts)
        return Reply(400, e.message, code="pii_blocked", reason="pii_blocked")

    def _fns(self, fl: _Flow) -> tuple[Fn, Fn]:
        if fl.rt is None:
            fl.rt = self.rt
        return fl.req_text, fl.req_json

    def _llm_request(self, ctx: Any, fl: _Flow) -> Reply | None:
        try:
            chat = self.chat
            if chat is not None and fl.req == "mask":
                # The common messages in one kernel call; from the first other one (tool calls,
                # parts, a string the kernel refused) on, the walk below, so the texts, counts and
                # errors are those of redact_llm_request.
                changed = False
                msgs = ctx.body_obj.get("messages")
                if type(msgs) is list:
                    r = chat(msgs, fl.req_counts)
                    changed = (r & 1) == 1
                    if r >> 1 < len(msgs):
                        changed |= _chat_messages(msgs, r >> 1, fl.req_text, fl.req_json)
            else:
                changed = redact_llm_request(ctx.body_obj, self.kind, fl.req_text, fl.req_json)
        except PIIError as e:
            return self._refuse(ctx, e.reason)
        if fl.req == "block":
            if fl.req_counts:
                return self._blocked(ctx, fl)
            return None
        if changed:
            ctx.body_dirty = True  # the handler re-serialises body_obj
        counts = fl.req_counts
        if counts:  # PIIRuntime.count, inlined: one C call
            missing = _add_counts(self.rt.req_cells, counts)
            if missing:
                self.rt.count_unheld("request", counts, missing)
        return None

    async def _read_route_body(self, ctx: Any, fl: _Flow) -> Reply | None:
        from .core import read_body

        data = await read_body(ctx.request, ctx.world.max_body, ctx.world.body_timeout)
        return self._route_body(ctx, fl, data)

    def _route_body(self, ctx: Any, fl: _Flow, data: bytes) -> Reply | None:
        """Generic route: the whole body was read; redact it and hand it to the proxy (ctx.body)."""
        ctx.bytes_in = len(data)
        if fl.log is not None:
            fl.log.orig = data
        ctx.body = data
        if fl.req == "off" or not data:
            return None
        request = ctx.request
        enc = request.headers.get("content-encoding")
        if enc and enc.strip().lower() != "identity":
            return self._refuse(ctx, f"cannot scan a {enc!r}-encoded body")
        ct = request.content_type
        fn, _ = self._fns(fl)
        try:
            if ct == "application/json" or ct.endswith("+json"):
                try:
                    obj = orjson.loads(data)
                except orjson.JSONDecodeError:
                    return self._refuse(ctx, "request body is not valid JSON")
                if type(obj) is str:
                    new_obj: Any = fn(obj)
                    changed = new_obj != obj
                    obj = new_obj
                else:
                    changed = walk_json(obj, fn)
                new = orjson.dumps(obj) if changed else data
            elif ct.startswith("text/"):
                charset = (request.charset or "utf-8").lower()
                if charset not in ("utf-8", "utf8", "us-ascii", "ascii"):
                    return self._refuse(ctx, f"cannot scan a {charset} text body")
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError as e:
                    return self._refuse(ctx, f"invalid UTF-8 at byte {e.start}")
                out = fn(text)
                new = out.encode() if out != text else data
            else:
                return self._refuse(ctx, f"cannot scan a {ct} body")
        except PIIError as e:
            return self._refuse(ctx, e.reason)
        if fl.req == "block":
            return self._blocked(ctx, fl) if fl.req_counts else None
        ctx.body = new
        self.rt.count("request", fl.req_counts)
        return None

    # ------------------------------------------------------------------ response
    def on_chunk(self, ctx: Any, data: bytes, last: bool) -> bytes:
        fl: _Flow | None = ctx.extra.get("_pii") if ctx.extra else None
        if fl is None:
            return data
        cap = fl.log
        if cap is not None and data and cap.size < LOG_CAPTURE_BYTES:
            cap.parts.append(data)
            cap.size += len(data)
        if fl.resp == "off":
            return data
        try:
            # A stream is called per piece; a stream the handler could not cut (CRLF framing) comes
            # whole with last=True and is told from a JSON body by its first field.
            if not last or fl.sse is not None or (ctx.stream and ctx.status == 200 and not self.route
                                                  and data.lstrip().startswith(_SSE_FIELDS)):
                if fl.sse is None:
                    fl.sse = _Stream()
                return self._sse(ctx, fl, data, last)
            clean = self.clean_json
            if (clean is not None and type(data) is bytes
                    and (fl.resp != "placeholder" or fl.ph is None or not fl.ph.mapping
                         or _PLACEHOLDER_BYTES.search(data) is None)
                    and clean(data, self.kmask, b"arguments")):
                # A plain JSON text (no escapes) none of whose string values holds an entity:
                # parsing it and redacting its strings (_whole) would change nothing
                # (redact_py.clean_json), so it goes as it is. Bodies with JSON-text tool
                # arguments (scanned token by token) or with placeholders restore() could
                # replace take the full path.
                return data
            return self._whole(ctx, fl, data)
        except (PIIUnprocessable, PIIResponseBlocked) as e:
            log.warning("PII: response of request %s withheld: %s", ctx.request_id, e)
            raise
        except PIIError as e:
            log.warning("PII redaction of the response of request %s failed: %s", ctx.request_id, e.reason)
            raise PIIUnprocessable(e.reason) from None
        except Exception as e:  # a bug must not let the response through in clear (PII-16)
            log.exception("PII redaction of the response of request %s failed", ctx.request_id)
            raise PIIUnprocessable(f"redactor error: {type(e).__name__}") from e

    def _resp_fn(self, fl: _Flow) -> Fn:
        """Redact one complete response string: mask (or detect, for block), then restore."""
        rt = self.rt
        counts = fl.resp_counts
        block = fl.resp == "block"
        ph = fl.ph if fl.resp == "placeholder" and fl.ph is not None and fl.ph.mapping else None

        def fn(s: str) -> str:
            out = rt.text(s, "block" if block else "mask", None, counts)
            if block and counts:
                raise PIIResponseBlocked(counts)
            if ph is not None and "[" in out:
                out = restore(out, ph)
            return out

        return fn

    def _whole(self, ctx: Any, fl: _Flow, data: bytes) -> bytes:
        if not data:
            return data
        kind = self.kind
        if kind == "embeddings" and ctx.status < 300:
            return data  # vectors: no text to redact
        fn = self._resp_fn(fl)
        try:
            obj = orjson.loads(data)
        except orjson.JSONDecodeError:
            if not self.route and ctx.status < 300:
                raise PIIUnprocessable("the upstream's answer is not valid JSON") from None
            # A route's (or an error page's) non-JSON body is redacted as UTF-8 text.
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise PIIUnprocessable("the response body is neither JSON nor UTF-8 text") from None
            out = fn(text)
            return out.encode() if out != text else data
        if self.route or ctx.status >= 300:
            if type(obj) is str:
                new = fn(obj)
                return orjson.dumps(new) if new != obj else data
            changed = walk_json(obj, fn)
        else:
            changed = redact_llm_response(obj, fl.front, fn, lambda s: redact_json_text(s, fn))
        return orjson.dumps(obj) if changed else data

    # -- streams
    def _pipe(self, fl: _Flow, key: tuple) -> Any:
        pipes = (fl.sse or fl.stream()).pipes
        p = pipes.get(key)
        if p is None:
            rt = self.rt
            if key[0] in ("t", "f", "j"):  # JSON text: tool-call arguments, input_json_delta
                p = JsonTextRedactor(lambda: _TextPipe(rt, fl), self._resp_fn(fl))
            else:
                p = _TextPipe(rt, fl)
            pipes[key] = p
        return p

    def _sse(self, ctx: Any, fl: _Flow, data: bytes, last: bool) -> bytes:
        parts = _EVENT_SPLIT.split(data)
        out: list[bytes] = []
        anthropic = fl.front == "anthropic"
        sep = b"\n\n"
        for k in range(0, len(parts), 2):
            ev = parts[k]
            sep = parts[k + 1] if k + 1 < len(parts) else (b"\n\n" if last and ev else b"")
            if not ev:
                if sep:
                    out.append(sep)
                continue
            p = _payload(ev)
            if p is None:  # comments, retry:, id: only — no text
                out.append(ev)
                out.append(sep)
                continue
            if p.strip() == b"[DONE]":
                out.extend(self._flush_all(fl, sep or b"\n\n"))
                out.append(ev)
                out.append(sep)
                continue
            try:
                obj = orjson.loads(p)
            except orjson.JSONDecodeError:
                raise PIIUnprocessable("a stream event is not valid JSON") from None
            if type(obj) is not dict:
                raise PIIUnprocessable("a stream event is not a JSON object")
            if anthropic:
                pre, changed = self._anthropic_event(fl, obj, sep or b"\n\n")
            else:
                pre, changed = self._openai_event(fl, obj, sep or b"\n\n")
            out.extend(pre)
            out.append(_rebuild(ev, obj) if changed else ev)
            out.append(sep)
        if last and fl.sse is not None and fl.sse.pipes:
            # The upstream ended without a finishing event: release what is held at the very end.
            out.extend(self._flush_all(fl, b"\n\n"))
        return b"".join(out)

    def _flush_all(self, fl: _Flow, sep: bytes) -> list[bytes]:
        out: list[bytes] = []
        pipes = (fl.sse or fl.stream()).pipes
        if fl.front == "anthropic":
            for key in list(pipes):
                out.extend(self._anthropic_flush(fl, key[1], sep))
        else:
            for i in sorted({key[1] for key in pipes}, key=repr):
                out.extend(self._openai_flush(fl, i, None, sep))
        return out

    # OpenAI chunks: {"choices": [{"index": i, "delta": {"content", "tool_calls"}, "finish_reason"}]}
    def _openai_event(self, fl: _Flow, obj: dict, sep: bytes) -> tuple[list[bytes], bool]:
        choices = obj.get("choices")
        if type(choices) is not list:
            if "error" in obj:
                return [], walk_json(obj, self._resp_fn(fl))
            return [], False
        st = fl.sse or fl.stream()
        st.env = obj
        pre: list[bytes] = []
        changed = False
        for ch in choices:
            if type(ch) is not dict:
                continue
            i = ch.get("index", 0)
            touched: dict[tuple, tuple[dict, str]] = {}
            delta = ch.get("delta")
            if type(delta) is dict:
                c = delta.get("content")
                if type(c) is str and c:
                    delta["content"] = self._pipe(fl, ("c", i)).feed(c)
                    touched[("c", i)] = (delta, "content")
                    changed = True
                calls = delta.get("tool_calls")
                if type(calls) is list:
                    for tc in calls:
                        f: Any = tc.get("function") if type(tc) is dict else None
                        a = f.get("arguments") if type(f) is dict else None
                        if type(a) is str and a:
                            key = ("t", i, tc.get("index", 0))
                            f["arguments"] = self._pipe(fl, key).feed(a)
                            touched[key] = (f, "arguments")
                            changed = True
                fc = delta.get("function_call")
                if type(fc) is dict and type(fc.get("arguments")) is str and fc["arguments"]:
                    fc["arguments"] = self._pipe(fl, ("f", i)).feed(fc["arguments"])
                    touched[("f", i)] = (fc, "arguments")
                    changed = True
            t = ch.get("text")  # legacy completions stream
            if type(t) is str and t:
                ch["text"] = self._pipe(fl, ("x", i)).feed(t)
                touched[("x", i)] = (ch, "text")
                changed = True
            if ch.get("finish_reason") is not None:
                # Held text of this choice goes out before its finishing chunk: fields this very
                # chunk carries get their tail appended in place, the others one extra event.
                for key, (d, field) in touched.items():
                    d[field] += st.pipes.pop(key).flush()
                pre.extend(self._openai_flush(fl, i, obj, sep))
        return pre, changed

    def _openai_flush(self, fl: _Flow, i: Any, env: dict | None, sep: bytes) -> list[bytes]:
        st = fl.sse or fl.stream()
        keys = [k for k in st.pipes if k[1] == i]
        if not keys:
            return []
        delta: dict[str, Any] = {}
        text = None
        calls = []
        for key in keys:
            tail = st.pipes.pop(key).flush()
            if not tail:
                continue
            kind = key[0]
            if kind == "c":
                delta["content"] = tail
            elif kind == "t":
                calls.append({"index": key[2], "function": {"arguments": tail}})
            elif kind == "f":
                delta["function_call"] = {"arguments": tail}
            else:
                text = tail
        if calls:
            delta["tool_calls"] = calls
        if not delta and text is None:
            return []
        base = env if env is not None else (st.env or {})
        ev = {k: v for k, v in base.items() if k not in ("choices", "usage")}
        if text is not None:
            choice: dict[str, Any] = {"index": i, "text": text, "logprobs": None, "finish_reason": None}
            ev["choices"] = [choice]
            out = [b"data: " + orjson.dumps(ev) + sep]
            if not delta:
                return out
            ev = dict(ev)
        else:
            out = []
        ev["choices"] = [{"index": i, "delta": delta, "logprobs": None, "finish_reason": None}]
        out.append(b"data: " + orjson.dumps(ev) + sep)
        return out

    # Anthropic events: content_block_delta {index, delta: text_delta | input_json_delta}
    def _anthropic_event(self, fl: _Flow, obj: dict, sep: bytes) -> tuple[list[bytes], bool]:
        t = obj.get("type")
        if t == "content_block_delta":
            i = obj.get("index", 0)
            d = obj.get("delta")
            if type(d) is dict:
                dt = d.get("type")
                if dt == "text_delta" and type(d.get("text")) is str and d["text"]:
                    d["text"] = self._pipe(fl, ("a", i)).feed(d["text"])
                    return [], True
                if dt == "input_json_delta" and type(d.get("partial_json")) is str and d["partial_json"]:
                    d["partial_json"] = self._pipe(fl, ("j", i)).feed(d["partial_json"])
                    return [], True
            return [], False
        if t == "content_block_start":
            i = obj.get("index", 0)
            cb = obj.get("content_block")
            if type(cb) is dict:
                if cb.get("type") == "text" and type(cb.get("text")) is str and cb["text"]:
                    cb["text"] = self._pipe(fl, ("a", i)).feed(cb["text"])
                    return [], True
                if cb.get("type") == "tool_use" and cb.get("input"):
                    return [], walk_json(cb["input"], self._resp_fn(fl))
            return [], False
        if t == "content_block_stop":
            return self._anthropic_flush(fl, obj.get("index", 0), sep), False
        if t == "message_stop":
            return self._flush_all(fl, sep), False
        if t == "error":
            return [], walk_json(obj, self._resp_fn(fl))
        return [], False

    def _anthropic_flush(self, fl: _Flow, i: Any, sep: bytes) -> list[bytes]:
        out = []
        for kind in ("a", "j"):
            p = (fl.sse or fl.stream()).pipes.pop((kind, i), None)
            if p is None:
                continue
            tail = p.flush()
            if not tail:
                continue
            if kind == "a":
                delta = {"type": "text_delta", "text": tail}
            else:
                delta = {"type": "input_json_delta", "partial_json": tail}
            ev = {"type": "content_block_delta", "index": i, "delta": delta}
            out.append(b"event: content_block_delta\ndata: " + orjson.dumps(ev) + sep)
        return out

    # ------------------------------------------------------------------ end
    def on_end(self, ctx: Any) -> None:
        fl: _Flow | None = ctx.extra.get("_pii") if ctx.extra else None
        if fl is None or fl.resp == "off":
            return
        counts = fl.resp_counts
        st = fl.sse
        if st is not None:
            for red in st.reds:
                for k, n in red.counts.items():
                    counts[k] = counts.get(k, 0) + n
            st.reds = []
        if counts:  # PIIRuntime.count, inlined: one C call
            missing = _add_counts(self.rt.resp_cells, counts)
            if missing:
                self.rt.count_unheld("response", counts, missing)


class PIIStageLogging(PIIStage):
    """:class:`PIIStage` plus masked ``request_body``/``response_body`` in the access log
    (``logging.log_bodies: true``). A separate class so that without log_bodies the stage has no
    ``on_log`` hook and costs nothing in the log phase."""

    def on_log(self, ctx: Any, record: dict) -> None:
        fl: _Flow | None = ctx.extra.get("_pii") if ctx.extra else None
        if fl is None:
            return
        cap = fl.log
        if cap is None:
            return
        record["request_body"] = self._log_body(cap.orig, False)
        if cap.parts:
            record["response_body"] = self._log_body(b"".join(cap.parts), fl.sse is not None)

    def _log_body(self, raw: bytes | None, sse: bool) -> str | None:
        """Masked (whatever the policy's modes), then cut: only redacted bodies reach the log."""
        if not raw:
            return None
        rt = self.rt
        scratch: dict[str, int] = {}

        def fn(s: str) -> str:
            return rt.text(s, "mask", None, scratch)

        try:
            if sse:
                return _cut(fn(_sse_texts(raw)))
            try:
                obj = orjson.loads(raw)
            except orjson.JSONDecodeError:
                return _cut(fn(raw.decode("utf-8")))
            if type(obj) is str:
                return _cut(fn(obj))
            walk_json(obj, fn)
            return _cut(orjson.dumps(obj).decode())
        except (PIIError, UnicodeDecodeError):
            return f"<{len(raw)} bytes not logged: they could not be redacted>"
