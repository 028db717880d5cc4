"""Public face of the PII scanner kernel (compiled ``redact`` and twin ``redact_py`` alike).

Spans are ``(start, end, entity_id)`` in code-point offsets, sorted and non-overlapping.
"""

EMAIL: int
PHONE: int
CREDIT_CARD: int
SSN: int
IP: int
IBAN: int
SECRET: int
NAMES: tuple[str, ...]
"""Mask labels indexed by entity id: ("EMAIL", "PHONE", "CREDIT_CARD", "SSN", "IP", "IBAN", "SECRET")."""
ALL: int
"""Bitmask of every built-in entity (bit ``1 << id``)."""
MASK: int
PLACEHOLDER: int
MAX_LOCAL: int
IBAN_LENGTHS: dict[str, int]

def scan(text: str, entities: int = ..., start: int = 0, last_end: int = 0) -> list[tuple[int, int, int]]:
    """One left-to-right pass: spans of the entity bitmask. Text before ``start`` is context only;
    ``last_end`` is where the previous span ended. ValueError on a lone surrogate."""

def scan_partial(
    text: str, entities: int = ..., start: int = 0, last_end: int = 0, hold_run: int = ...
) -> tuple[list[tuple[int, int, int]], int]:
    """For a text that may continue: ``(final spans, stable)``; text before ``stable`` is final."""

def apply(
    text: str,
    spans: list[tuple[int, int, int]],
    mode: int,
    labels: tuple[str, ...],
    mapping: dict[str, str] | None = None,
    counters: dict[str, int] | None = None,
) -> str:
    """MASK → ``[LABEL]``; PLACEHOLDER → ``[LABEL_n]`` numbered per label, reusing ``mapping``."""

def apply_placeholders(
    text: str,
    spans: list[tuple[int, int, int]],
    labels: tuple[str, ...],
    mapping: dict[str, str],
    counters: dict[str, int],
) -> str:
    """``apply(text, spans, PLACEHOLDER, labels, mapping, counters)``."""

class Masker:
    """Whole-string redaction for one configuration of built-in entities: the prefilter ``needles``
    (a text without any of them is returned unscanned), scan, apply and count in one call. Texts
    shorter than ``scan_below`` are scanned before the prefilter is asked (same answers)."""

    def __init__(
        self, entities: int, labels: tuple[str, ...], names: tuple[str, ...], needles: str, scan_below: int = 0
    ) -> None: ...
    def maybe(self, text: str) -> bool:
        """Does ``text`` contain one of the needles?"""
    def mask(self, text: str, counts: dict[str, int]) -> str:
        """``[LABEL]`` for every entity, counted in ``counts`` by name; ``text`` itself when none.
        ValueError on a lone surrogate in a text the prefilter lets through."""
    def placeholder(
        self, text: str, counts: dict[str, int], mapping: dict[str, str], counters: dict[str, int]
    ) -> str:
        """Like :meth:`mask` with ``[LABEL_n]`` placeholders numbered through ``mapping``/``counters``."""
    def chat(self, messages: list, counts: dict[str, int]) -> int:
        """Mask an OpenAI chat request's ``messages`` in place (one :meth:`mask` per non-empty string
        ``content``, in order) up to the first message of another shape (tool calls, list content)
        or whose mask raises, left untouched: ``2 * stop + changed`` (``stop == len(messages)``
        when all were handled)."""

def clean_json(data: bytes, entities: int = ..., reject_key: bytes | None = None) -> bool:
    """True when ``data`` is a plain JSON text (no escapes, bounded numbers and depth) that parses,
    none of whose string values holds an entity and none of whose objects has ``reject_key``.
    False means only: parse it."""
