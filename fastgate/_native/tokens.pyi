"""Public face of the ``tokens`` kernel (compiled ``tokens.pyx`` and its twin ``tokens_py.py``).

An estimate of the ``cl100k_base`` token count of a text from one pass over its code points:
pieces cut like cl100k's pre-tokenizer, each costed by calibrated integer features. Both
implementations return the same integer for every ``str``.
"""

FEATURES: tuple[str, ...]
"""Names of the feature counts returned by ``features()``, in order."""

COEF: tuple[int, ...]
"""Calibrated cost of each feature, in 1/2**SHIFT token (``bench/calibrate_tokens.py``)."""

SHIFT: int
CLASS_NAMES: list[str]

def estimate_text(s: str) -> int:
    """Estimated ``cl100k_base`` token count of ``s``: 0 for "", at least 1 otherwise.

    Raises ``TypeError`` for anything but a ``str``.
    """

def features(s: str) -> list[int]:
    """Feature counts of ``s`` (``len(FEATURES)`` integers); the estimate is their dot product
    with ``COEF``, rounded."""

def char_class(c: int) -> int:
    """The character class the scan gives code point ``c`` (an index into ``CLASS_NAMES``)."""

TOKENS_PER_MESSAGE: int
TOKENS_PER_NAME: int
REPLY_PRIMING: int

def chat_prompt(body: object) -> int:
    """The estimated prompt tokens of an OpenAI chat body in its plain shape (string fields, text
    parts; no tools, images, tool calls or JSON schema), else -1: ``fastgate.tokencount`` then
    counts it. The same number as tokencount's general walk whenever it answers."""

def max_output(body: object, default: int) -> int:
    """Most output tokens a request may produce (``max_completion_tokens`` / ``max_tokens`` /
    ``max_output_tokens``, else ``default``; times ``n`` or ``best_of``)."""
