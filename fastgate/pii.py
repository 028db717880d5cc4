"""PII detection and redaction over the ``redact`` kernel: Redactor, modes, stream redactor.

A :class:`Redactor` is built once per config (the built-in entity set plus ``pii.custom``
regexes, each compiled once with a prefilter) and is then shared by every request:

* ``find(text)`` → :class:`Span` list; ``redact(text, mode, state)`` → ``(text, counts)`` for
  ``mask`` (``[EMAIL]``), ``placeholder`` (``[EMAIL_1]``, reversible through a per-request
  :class:`PlaceholderState`), ``block`` (raises :class:`PIIBlocked`) and ``off``;
  ``restore(text, state)`` puts the originals back into a response.
* Fail closed (PII-16): text that cannot be scanned — invalid UTF-8 bytes, lone surrogates, a
  scanner error — raises :class:`PIIError`; callers refuse the request instead of forwarding it.
* :class:`StreamRedactor` redacts SSE deltas: ``feed(delta)`` releases only text whose redaction
  can no longer change, ``flush()`` the rest at the end of the stream.

Stream semantics (PII-10/11/17). The kernel's ``scan_partial`` says how much of the buffered text
is final: a matcher that had to look past the end (``555-12``, ``bob@exa``, ``-----BEGIN``) keeps
its text held, and so does the trailing word while it could still become an e-mail local part
(at most ``holdback_chars``, default 64 = the RFC 5321 local-part limit; counted from the end of
the last entity, as the e-mail look-back is), and up to 4 trailing hex digits that a ``:`` could
turn into the first group of an IPv6 address. Everything before is
released at once, so whitespace-separated clean text goes out one word behind the upstream.
With ``holdback_chars >= 64`` the concatenated output equals ``redact(full_text)`` exactly,
whatever the split; a smaller value releases long words earlier and may then leave the start of
a long local part in clear. A match in progress is held for as long as it is undecided, even
past ``holdback_chars`` (a 160-char ``sk-proj-`` key or a JWT is held whole, never cut). Only PEM
blocks can outgrow that: when the held text exceeds ``max_hold_chars`` (default 65536) the
redactor emits ``[SECRET]`` for it and swallows everything up to the next ``-----END …-----``
line, or to the end of the stream if none comes — key material is never released in clear.
Custom regex entities are held while a match touches the end of the buffer and, for patterns
that start with a literal, while that literal (or its beginning) sits unfinished in the last
``holdback_chars``; other patterns hold their last ``max width - 1`` characters (at most
``holdback_chars``). So a custom entity is exact in streams when its matches are at most
``holdback_chars`` long; longer ones are best effort.

Not detected (documented policy, PII-14): full-width digits, digits split by zero-width
characters, NBSP/thin-space separators. The text is not NFKC-normalised, so offsets are exact.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Iterable
from types import ModuleType
from typing import Any, NamedTuple

from fastgate._native import kernel as _kernel_for
from fastgate.errors import ClientError, ConfigError, FastgateError

__all__ = [
    "ENTITIES",
    "MODES",
    "PIIBlocked",
    "PIIError",
    "PlaceholderState",
    "Redactor",
    "Span",
    "StreamRedactor",
    "restore",
]

#: Built-in entity names (config ``pii.entities``), in kernel id order.
ENTITIES: tuple[str, ...] = ("email", "phone", "credit_card", "ssn", "ip", "iban", "secret")
#: Policy modes (``policies[].pii.request|response``).
MODES: tuple[str, ...] = ("off", "mask", "placeholder", "block")

_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}\Z")
# "[EMAIL_1]", "[CREDIT_CARD_12]", "[EMPLOYEE_ID_3]": what apply() writes in placeholder mode.
_PLACEHOLDER_RE = re.compile(r"\[[A-Z][A-Z0-9_]*_[1-9][0-9]*\]")
# A trailing "[" + label prefix that a later delta could complete into a placeholder.
_PLACEHOLDER_PREFIX_RE = re.compile(r"\[[A-Z0-9_]*\Z")
_MAX_PLACEHOLDER = 96
_PEM_END_RE = re.compile(r"-----END [A-Z0-9 ]{1,40}-----")
_PEM_END_MAX = 9 + 40 + 5
# Text kept before the release point so a rescan sees what the full scan would: the e-mail
# look-back (64), SSN/phone keywords (32) and word boundaries all fit.
_CONTEXT = 96


class PIIError(FastgateError):
    """The text could not be scanned (bad UTF-8, lone surrogate, scanner failure): fail closed.

    ``reason`` is for logs; it never contains the text itself.
    """

    status = 400
    type = "invalid_request_error"
    code = "pii_redaction_failed"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class PIIBlocked(ClientError):
    """``block`` mode found PII: the request is refused with 400 naming the entity types."""

    code = "pii_blocked"

    def __init__(self, entity_types: Iterable[str], counts: dict[str, int] | None = None):
        self.entity_types: frozenset[str] = frozenset(entity_types)
        self.counts: dict[str, int] = dict(counts or {})
        names = ", ".join(sorted(self.entity_types))
        super().__init__(f"request blocked: it contains personal data ({names})", code=self.code)


class Span(NamedTuple):
    """One detected entity: code-point offsets and the entity name (``email``, ``employee_id``…)."""

    start: int
    end: int
    entity: str


class PlaceholderState:
    """The reversible mapping of one request (PII-17): never shared between requests.

    ``mapping`` is original → placeholder, ``counters`` label → last number used.
    """

    __slots__ = ("mapping", "counters", "_reverse", "_reverse_len")

    def __init__(self) -> None:
        self.mapping: dict[str, str] = {}
        self.counters: dict[str, int] = {}
        self._reverse: dict[str, str] = {}
        self._reverse_len = 0

    def reverse(self) -> dict[str, str]:
        """Placeholder → original (rebuilt only when new placeholders were minted)."""
        if self._reverse_len != len(self.mapping):
            self._reverse = {ph: orig for orig, ph in self.mapping.items()}
            self._reverse_len = len(self.mapping)
        return self._reverse

    def __len__(self) -> int:
        return len(self.mapping)


def _as_text(text: Any) -> str:
    """str as is, bytes as strict UTF-8; anything unscannable raises PIIError (fail closed)."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            return bytes(text).decode("utf-8")
        except UnicodeDecodeError as e:
            raise PIIError(f"invalid UTF-8 at byte {e.start}") from None
    raise PIIError(f"cannot scan {type(text).__name__}")


class _Custom:
    """A ``pii.custom`` entity: its regex, compiled once, and the cheapest prefilter it allows."""

    __slots__ = ("name", "label", "id", "pattern", "literal", "leading", "max_width")

    def __init__(self, name: str, regex: str, ident: int, path: str):
        if not isinstance(name, str) or not _NAME_RE.match(name):
            raise ConfigError(f"{path}.name: invalid name {name!r} (a letter, then letters, digits and _)")
        if name.lower() in ENTITIES:
            raise ConfigError(f"{path}.name: {name!r} is a built-in entity")
        try:
            pattern = re.compile(regex)
        except (re.error, TypeError) as e:
            raise ConfigError(f"{path}.regex: invalid regex {regex!r}: {e}") from None
        if pattern.fullmatch("") is not None:
            raise ConfigError(f"{path}.regex: regex {regex!r} matches the empty string")
        self.name = name.lower()
        self.label = name.upper()
        self.id = ident
        self.pattern = pattern
        self.literal, self.leading = _required_literal(pattern)
        self.max_width = _max_width(pattern)

    def finditer(self, text: str, pos: int = 0) -> Iterable[tuple[int, int]]:
        """Non-empty matches from ``pos``; the regex runs only where its literal occurs."""
        lit = self.literal
        if not lit:
            for m in self.pattern.finditer(text, pos):
                if m.end() > m.start():
                    yield m.start(), m.end()
            return
        at = text.find(lit, pos)
        if at < 0:
            return
        if not self.leading:
            for m in self.pattern.finditer(text, pos):
                if m.end() > m.start():
                    yield m.start(), m.end()
            return
        # The pattern starts with the literal: try it exactly where the literal occurs.
        match = self.pattern.match
        while at >= 0:
            hit = match(text, at)
            if hit is not None and hit.end() > at:
                yield at, hit.end()
                at = text.find(lit, hit.end())
            else:
                at = text.find(lit, at + 1)


def _required_literal(pattern: re.Pattern[str]) -> tuple[str, bool]:
    """The longest literal every match must contain, and whether matches start with it.

    Read from the parsed pattern (top-level sequence and plain groups only, so the literal is
    really required). Case-insensitive patterns get no literal prefilter.
    """
    if pattern.flags & re.IGNORECASE:
        return "", False
    try:
        from re import _constants as sre_c  # type: ignore[attr-defined]
        from re import _parser as sre_p  # type: ignore[attr-defined]

        parsed = sre_p.parse(pattern.pattern, pattern.flags)
    except Exception:  # a private API: without it we only lose the prefilter
        return "", False
    flat: list[tuple[Any, Any]] = []

    def walk(seq: Any) -> None:
        for op, av in seq:
            if op is sre_c.SUBPATTERN and not av[1] and not av[2]:
                walk(av[3])
            else:
                flat.append((op, av))

    walk(parsed)
    best = ""
    best_leading = False
    run: list[str] = []
    run_leading = True  # only zero-width anchors (\b, ^) so far
    leading_possible = True
    for op, av in flat + [(None, None)]:
        if op is sre_c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            lit = "".join(run)
            if len(lit) > len(best):
                best, best_leading = lit, run_leading
            run = []
        if op is sre_c.AT and leading_possible:
            continue
        leading_possible = False
        run_leading = False
    return best, best_leading


def _max_width(pattern: re.Pattern[str]) -> int:
    """The longest match the pattern can make (large when unbounded, 1 << 30 if unknown)."""
    try:
        from re import _parser as sre_p  # type: ignore[attr-defined]

        return int(min(sre_p.parse(pattern.pattern, pattern.flags).getwidth()[1], 1 << 30))
    except Exception:
        return 1 << 30


def _coerce_custom(custom: Iterable[Any]) -> list[tuple[str, str]]:
    out = []
    for c in custom:
        if isinstance(c, (tuple, list)) and len(c) == 2:
            out.append((c[0], c[1]))
        elif isinstance(c, dict):
            out.append((c.get("name"), c.get("regex")))
        else:
            out.append((getattr(c, "name", None), getattr(c, "regex", None)))
    return out


class Redactor:
    """Detects and redacts PII for one configuration; immutable and shared by all requests.

    ``entities``: built-in entity names (``pii.entities``); ``custom``: ``(name, regex)`` pairs,
    dicts or ``CustomPII`` objects (``pii.custom``). Errors raise ConfigError naming the path.
    """

    def __init__(
        self,
        entities: Iterable[str] = ENTITIES,
        custom: Iterable[Any] = (),
        *,
        kernel: ModuleType | None = None,
    ):
        self._k = kernel if kernel is not None else _kernel_for("redact")
        mask = 0
        for i, name in enumerate(entities):
            if name not in ENTITIES:
                raise ConfigError(
                    f"pii.entities[{i}]: unknown entity {name!r} (one of {', '.join(ENTITIES)})"
                )
            mask |= 1 << ENTITIES.index(name)
        self.mask = mask
        self.custom: tuple[_Custom, ...] = ()
        customs = []
        seen: set[str] = set()
        for i, (name, regex) in enumerate(_coerce_custom(custom)):
            c = _Custom(name, regex, len(ENTITIES) + i, f"pii.custom[{i}]")
            if c.name in seen:
                raise ConfigError(f"pii.custom[{i}].name: duplicate name {name!r}")
            seen.add(c.name)
            customs.append(c)
        self.custom = tuple(customs)
        self.names: tuple[str, ...] = ENTITIES + tuple(c.name for c in self.custom)
        self.labels: tuple[str, ...] = tuple(self._k.NAMES) + tuple(c.label for c in self.custom)

    @classmethod
    def from_config(cls, pii: Any, *, kernel: ModuleType | None = None) -> Redactor:
        """Build from the frozen ``pii`` config section (``entities``, ``custom``)."""
        return cls(pii.entities, pii.custom, kernel=kernel)

    @property
    def kernel(self) -> ModuleType:
        return self._k

    # -- detection ----------------------------------------------------------------------------

    def _spans(self, text: str) -> list[tuple[int, int, int]]:
        try:
            spans = self._k.scan(text, self.mask) if self.mask else []
            if self.custom:
                spans = _merge(spans, [(s, e, c.id) for c in self.custom for s, e in c.finditer(text)])
        except ValueError as e:  # lone surrogate
            raise PIIError(str(e)) from None
        except PIIError:
            raise
        except Exception as e:  # a scanner bug must not let text through (PII-16)
            raise PIIError(f"scanner error: {type(e).__name__}") from e
        return spans

    def find(self, text: str | bytes) -> list[Span]:
        """Every entity in ``text``, in order, non-overlapping (built-ins win over custom)."""
        names = self.names
        return [Span(s, e, names[k]) for s, e, k in self._spans(_as_text(text))]

    def counts(self, spans: Iterable[tuple[int, int, int]]) -> dict[str, int]:
        out: dict[str, int] = {}
        names = self.names
        for _, _, k in spans:
            out[names[k]] = out.get(names[k], 0) + 1
        return out

    # -- modes ---------------------------------------------------------------------------------

    def redact(
        self, text: str | bytes, mode: str = "mask", state: PlaceholderState | None = None
    ) -> tuple[str, dict[str, int]]:
        """``(redacted text, counts by entity name)``; ``block`` raises PIIBlocked instead."""
        text = _as_text(text)
        if mode == "off":
            return text, {}
        if mode not in MODES:
            raise ValueError(f"unknown PII mode {mode!r}")
        spans = self._spans(text)
        if not spans:
            return text, {}
        counts = self.counts(spans)
        if mode == "block":
            raise PIIBlocked(counts.keys(), counts)
        if mode == "mask":
            return self._k.apply(text, spans, self._k.MASK, self.labels), counts
        if state is None:
            raise ValueError("placeholder mode needs a PlaceholderState")
        out = self._k.apply(text, spans, self._k.PLACEHOLDER, self.labels, state.mapping, state.counters)
        return out, counts

    def redact_counted(
        self, text: str, mode: str, state: PlaceholderState | None, counts: dict[str, int]
    ) -> str:
        """:meth:`redact` of a ``str`` in ``mask`` or ``placeholder`` mode, adding the entity
        counts to ``counts`` (the request path's form: no result tuple, no dict per string)."""
        if mode != "mask" and mode != "placeholder" or type(text) is not str:
            out, found = self.redact(text, mode, state)
            for name, n in found.items():
                counts[name] = counts.get(name, 0) + n
            return out
        k = self._k
        if self.custom or not self.mask:
            spans = self._spans(text)
        else:  # _spans without the custom merge, inline (one call less per string)
            try:
                spans = k.scan(text, self.mask)
            except ValueError as e:  # lone surrogate
                raise PIIError(str(e)) from None
            except Exception as e:  # a scanner bug must not let text through (PII-16)
                raise PIIError(f"scanner error: {type(e).__name__}") from e
        if not spans:
            return text
        if mode == "mask":
            out = k.apply(text, spans, k.MASK, self.labels)
        elif state is None:
            raise ValueError("placeholder mode needs a PlaceholderState")
        else:
            out = k.apply(text, spans, k.PLACEHOLDER, self.labels, state.mapping, state.counters)
        names = self.names
        for _, _, i in spans:
            name = names[i]
            counts[name] = counts.get(name, 0) + 1
        return str(out)

    def restore(self, text: str | bytes, state: PlaceholderState | None) -> str:
        """Put the originals of this request's placeholders back (unknown ones stay as written)."""
        return restore(_as_text(text), state)

    def stream(
        self,
        mode: str = "mask",
        state: PlaceholderState | None = None,
        holdback_chars: int = 64,
        max_hold_chars: int = 65536,
    ) -> StreamRedactor:
        """A :class:`StreamRedactor` for one response or request stream."""
        return StreamRedactor(self, mode, state, holdback_chars, max_hold_chars)


def restore(text: str, state: PlaceholderState | None) -> str:
    """Replace ``[LABEL_n]`` placeholders minted in ``state`` by their originals."""
    if state is None or not state.mapping or "[" not in text:
        return text
    reverse = state.reverse()
    return _PLACEHOLDER_RE.sub(lambda m: reverse.get(m.group(0), m.group(0)), text)


def _merge(
    builtin: list[tuple[int, int, int]], extra: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """Add custom spans that overlap nothing already taken: built-ins first, then in config order
    of leftmost start (longest first on ties)."""
    if not extra:
        return builtin
    taken = list(builtin)
    starts = [s for s, _, _ in taken]
    for s, e, k in sorted(extra, key=lambda x: (x[0], -x[1], x[2])):
        if e <= s:
            continue
        i = bisect.bisect_right(starts, s)
        if i > 0 and taken[i - 1][1] > s:
            continue
        if i < len(taken) and taken[i][0] < e:
            continue
        taken.insert(i, (s, e, k))
        starts.insert(i, s)
    return taken


class StreamRedactor:
    """Redacts a text stream delta by delta (SSE ``delta.content``, tool-call arguments…).

    ``mode``: ``mask`` | ``placeholder`` (detect and replace, sharing ``state``) | ``restore``
    (put this request's originals back into placeholders, also when one is split across deltas).
    ``feed(delta)`` returns the text that is safe to release now (possibly ""), ``flush()`` the
    rest at the end of the stream. See the module docstring for the hold-back rules. A failure
    raises PIIError and the redactor refuses further input: end the stream with an error event.
    """

    def __init__(
        self,
        redactor: Redactor,
        mode: str = "mask",
        state: PlaceholderState | None = None,
        holdback_chars: int = 64,
        max_hold_chars: int = 65536,
    ):
        if mode not in ("mask", "placeholder", "restore"):
            raise ValueError(f"unknown stream mode {mode!r}")
        if mode != "mask" and state is None:
            raise ValueError(f"{mode} mode needs a PlaceholderState")
        if holdback_chars < 0 or max_hold_chars < 1024:
            raise ValueError("need holdback_chars >= 0 and max_hold_chars >= 1024")
        self._r = redactor
        self._k = redactor.kernel
        self.mode = mode
        self.state = state
        self.holdback_chars = min(holdback_chars, self._k.MAX_LOCAL)
        self.max_hold_chars = max_hold_chars
        self.counts: dict[str, int] = {}
        self._buf = ""  # context (already released) + pending text
        self._start = 0  # where the pending text begins in _buf
        self._last_end = 0  # end of the last span found before _start (in _buf)
        self._swallow: str | None = None  # not None: masking everything until a PEM END line
        self._decoder: Any = None
        self._failed = False
        self._closed = False

    @property
    def pending(self) -> int:
        """Characters received but not yet released."""
        if self._swallow is not None:
            return 0
        return len(self._buf) - self._start

    def feed(self, delta: str | bytes) -> str:
        """Add ``delta``; return the text now safe to release (redacted or restored)."""
        if self._failed or self._closed:
            raise PIIError("stream redactor already failed or flushed")
        try:
            text = self._decode(delta, final=False)
            if not text:
                return ""
            if self.mode == "restore":
                return self._feed_restore(text)
            if self._swallow is not None:
                return self._feed_swallow(text)
            self._buf += text
            spans, stable = self._scan_partial()
            out = self._release(spans, stable)
            if len(self._buf) - self._start > self.max_hold_chars:
                out += self._overflow()
            return out
        except PIIError:
            self._failed = True
            raise
        except Exception as e:
            self._failed = True
            raise PIIError(f"stream redactor error: {type(e).__name__}") from e

    def flush(self) -> str:
        """End of stream: release everything still held."""
        if self._failed or self._closed:
            raise PIIError("stream redactor already failed or flushed")
        try:
            tail = self._decode(b"" if self._decoder is not None else "", final=True)
            if tail:
                self.feed(tail)  # only reached with a decoder; feed re-enters cleanly
            self._closed = True
            if self.mode == "restore":
                out = restore(self._buf, self.state)
                self._buf = ""
                return out
            if self._swallow is not None:
                return ""
            try:
                spans = self._k.scan(self._buf, self._r.mask, self._start, self._last_end)
            except ValueError as e:
                raise PIIError(str(e)) from None
            spans = self._with_custom(spans, len(self._buf), final=True)[0]
            out = self._apply(self._buf[self._start :], spans, self._start)
            self._buf = ""
            self._start = self._last_end = 0
            return out
        except PIIError:
            self._failed = True
            raise
        except Exception as e:
            self._failed = True
            raise PIIError(f"stream redactor error: {type(e).__name__}") from e

    # -- internals -----------------------------------------------------------------------------

    def _decode(self, delta: str | bytes, final: bool) -> str:
        if isinstance(delta, str):
            if final:
                return ""
            return delta
        if isinstance(delta, (bytes, bytearray, memoryview)):
            # Bytes may split a UTF-8 sequence between deltas: decode incrementally, strictly.
            if self._decoder is None:
                self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
            try:
                return str(self._decoder.decode(bytes(delta), final))
            except UnicodeDecodeError as e:
                raise PIIError(f"invalid UTF-8 in stream at byte {e.start} of a delta") from None
        raise PIIError(f"cannot scan {type(delta).__name__}")

    def _scan_partial(self) -> tuple[list[tuple[int, int, int]], int]:
        try:
            spans, stable = self._k.scan_partial(
                self._buf, self._r.mask, self._start, self._last_end, self.holdback_chars
            )
        except ValueError as e:
            raise PIIError(str(e)) from None
        return self._with_custom(spans, stable, final=False)

    def _with_custom(
        self, spans: list[tuple[int, int, int]], stable: int, final: bool
    ) -> tuple[list[tuple[int, int, int]], int]:
        if not self._r.custom:
            return spans, stable
        buf = self._buf
        n = len(buf)
        start = self._start
        extra = []
        for c in self._r.custom:
            for s, e in c.finditer(buf, start):
                if not final and e >= n and s < stable:
                    stable = s  # could still grow: hold it
                extra.append((s, e, c.id))
            if not final:
                stable = min(stable, self._custom_hold(c, buf, start))
        merged = _merge(spans, extra)
        if not final:
            # Nothing released may be cut by the new hold point.
            for s, e, _ in merged:
                if s < stable < e:
                    stable = s
            merged = [x for x in merged if x[1] <= stable]
        return merged, stable

    def _custom_hold(self, c: _Custom, buf: str, start: int) -> int:
        """Where a custom match could still begin and be completed by later text.

        A pattern that starts with its literal: at that literal (or a prefix of it) near the
        end without a finished match after it. Any other pattern: the last ``max_width - 1``
        characters (at most ``holdback_chars``), since a longer match would already end here.
        """
        n = len(buf)
        if not c.leading:
            keep = min(c.max_width - 1, self.holdback_chars)
            return max(start, n - keep) if keep > 0 else n
        lit = c.literal
        for m in range(min(len(lit) - 1, n - start), 0, -1):
            if buf.endswith(lit[:m]):
                return n - m
        q = buf.find(lit, max(start, n - max(self.holdback_chars, len(lit))))
        while q >= 0:
            hit = c.pattern.match(buf, q)
            if hit is None or hit.end() >= n:
                return q
            q = buf.find(lit, hit.end())
        return n

    def _apply(self, text: str, spans: list[tuple[int, int, int]], offset: int) -> str:
        if not spans:
            return text
        rel = [(max(s - offset, 0), e - offset, k) for s, e, k in spans]
        names = self._r.names
        for _, _, k in spans:
            self.counts[names[k]] = self.counts.get(names[k], 0) + 1
        if self.mode == "mask":
            return str(self._k.apply(text, rel, self._k.MASK, self._r.labels))
        assert self.state is not None
        return str(
            self._k.apply(
                text, rel, self._k.PLACEHOLDER, self._r.labels, self.state.mapping, self.state.counters
            )
        )

    def _release(self, spans: list[tuple[int, int, int]], stable: int) -> str:
        start = self._start
        if stable <= start:
            return ""
        out = self._apply(self._buf[start:stable], spans, start)
        # The kernel's own look-back bound: custom spans are invisible to the one-shot kernel
        # scan, so they must not move it here either.
        for _s, e, k in reversed(spans):
            if k < len(ENTITIES):
                self._last_end = e
                break
        cut = max(0, stable - _CONTEXT)
        self._buf = self._buf[cut:]
        self._start = stable - cut
        self._last_end = max(0, self._last_end - cut)
        return out

    def _overflow(self) -> str:
        """The held text outgrew max_hold_chars (an unterminated PEM block): mask it and swallow
        everything until a PEM END line, so no key material is released."""
        self.counts["secret"] = self.counts.get("secret", 0) + 1
        pending = self._buf[self._start :]
        self._buf = ""
        self._start = self._last_end = 0
        # An END line cannot be complete in the held text (the block would have matched), but
        # its first characters may be: keep them to find the line across deltas.
        self._swallow = pending[-_PEM_END_MAX:]
        return "[" + self._r.labels[ENTITIES.index("secret")] + "]"

    def _feed_swallow(self, text: str) -> str:
        assert self._swallow is not None
        window = self._swallow + text
        m = _PEM_END_RE.search(window)
        if m is None:
            self._swallow = window[-_PEM_END_MAX:]
            return ""
        self._swallow = None
        rest = window[m.end() :]
        return self.feed(rest) if rest else ""

    def _feed_restore(self, text: str) -> str:
        self._buf += text
        buf = self._buf
        hold = len(buf)
        lb = buf.rfind("[", max(0, len(buf) - _MAX_PLACEHOLDER))
        if lb >= 0 and _PLACEHOLDER_PREFIX_RE.match(buf, lb):
            hold = lb
        out = restore(buf[:hold], self.state)
        self._buf = buf[hold:]
        return out
