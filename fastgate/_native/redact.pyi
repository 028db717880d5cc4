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
