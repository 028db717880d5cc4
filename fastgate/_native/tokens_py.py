"""Token estimator kernel, pure-Python twin: the readable specification of ``tokens.pyx``.

``estimate_text(s)`` predicts how many ``cl100k_base`` tokens tiktoken would produce for ``s``
without running BPE. It makes one pass over the code points and cuts the text into the same
*pieces* as cl100k's pre-tokenizer regex::

    '(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+
    |\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s

(contractions are not special-cased: ``'t`` already forms a prefix+letters piece). BPE never merges
across pieces, so the count is a sum over pieces. Digit pieces are exact (every 1-3 digit string
is one cl100k token). The others are described by counts ("features") and each feature has a
cost calibrated against tiktoken by ``bench/calibrate_tokens.py`` on the committed corpus in
``tests/data/tokens/``:

* ASCII letters are split into sub-words ``[A-Z]*[a-z]*`` (camelCase humps); a sub-word that is
  itself a cl100k token (with its leading space or punctuation prefix: " the", "_id") costs
  ~1, checked in a Bloom filter of the vocabulary (``VOCAB``); any other costs by its length.
  This is what makes English and code cheap and other Latin-script languages dearer.
* Other letters cost per character and per run, by script (Cyrillic, CJK, Devanagari...).
* Punctuation and white-space pieces cost per piece and per character, by class.

Costs are integers in 1/1024 token (``SHIFT``), so the result is
``round(sum(COEF[k] * features[k]) / 1024)``, computed with integers only: the compiled kernel
and this twin return the same integer for every input (tested on a seeded random corpus).
"""

from __future__ import annotations

import base64
from typing import Any

__all__ = [
    "FEATURES",
    "COEF",
    "SHIFT",
    "estimate_text",
    "chat_prompt",
    "max_output",
    "features",
    "char_class",
    "CLASS_NAMES",
    "in_vocab",
    "vocab_hash",
]

SHIFT = 10  # costs are fixed-point: 1 token == 1 << SHIFT

# --- character classes -------------------------------------------------------------------------
# Letters first (class <= LAST_LETTER): the pre-tokenizer's \p{L}.  The script matters because
# cl100k's vocabulary is mostly English/code: a Cyrillic or CJK letter costs far more than an
# ASCII one.
LOWER, UPPER = 0, 1
(LATIN, LATIN_VI, GREEK, CYRILLIC, CYRILLIC_EXT, ARMENIAN_GEORGIAN, HEBREW, ARABIC, DEVANAGARI, INDIC, SEA,
 HANGUL, KANA, CJK, OTHER_LETTER) = range(2, 17)  # fmt: skip
LAST_LETTER = OTHER_LETTER
DIGIT, NDIGIT = 17, 18  # \p{N}: ASCII digits, other numerics
SPACE, NEWLINE, WS = 19, 20, 21  # \s: ' ', [\r\n], the rest (tab, NBSP, U+3000...)
# Everything else is "punctuation" for the pre-tokenizer ([^\s\p{L}\p{N}]).
PUNCT, CTRL, MARK, SYM_LATIN1, SYM_CJK, SYM, ASTRAL = range(22, 29)
N_CLASSES = 29

_SCRIPT_NAMES = ("latin", "latin_vi", "greek", "cyrillic", "cyrillic_ext", "armenian_georgian", "hebrew",
                 "arabic", "devanagari", "indic", "sea", "hangul", "kana", "cjk", "other")  # fmt: skip
CLASS_NAMES = [
    "lower", "upper", *_SCRIPT_NAMES, "digit", "ndigit", "space", "newline", "ws",
    "punct", "ctrl", "mark", "sym_latin1", "sym_cjk", "sym", "astral",
]  # fmt: skip

# Non-ASCII letters by script: sorted, disjoint (lo, hi, class) ranges; other letters are
# OTHER_LETTER. Scripts are split where cl100k's cost per letter differs a lot: the Russian
# alphabet is cheap, other Cyrillic letters (Ukrainian, Serbian...) are not; Devanagari has
# more tokens than the other Indic scripts; Armenian and Georgian fall back to bytes.
_SCRIPT_RANGES = (
    (0x0080, 0x024F, LATIN),  # Latin-1, Latin Extended-A/B
    (0x0370, 0x03FF, GREEK),
    (0x0400, 0x0400, CYRILLIC_EXT),
    (0x0401, 0x0401, CYRILLIC),  # Ё
    (0x0402, 0x040F, CYRILLIC_EXT),
    (0x0410, 0x044F, CYRILLIC),  # А..я
    (0x0450, 0x0450, CYRILLIC_EXT),
    (0x0451, 0x0451, CYRILLIC),  # ё
    (0x0452, 0x052F, CYRILLIC_EXT),
    (0x0530, 0x058F, ARMENIAN_GEORGIAN),  # Armenian
    (0x0590, 0x05FF, HEBREW),
    (0x0600, 0x08FF, ARABIC),  # Arabic, Syriac, Thaana, Arabic Extended
    (0x0900, 0x097F, DEVANAGARI),
    (0x0980, 0x0DFF, INDIC),  # Bengali .. Sinhala
    (0x0E00, 0x0EFF, SEA),  # Thai, Lao
    (0x1000, 0x109F, SEA),  # Myanmar
    (0x10A0, 0x10FF, ARMENIAN_GEORGIAN),  # Georgian
    (0x1100, 0x11FF, HANGUL),  # Jamo
    (0x1780, 0x17FF, SEA),  # Khmer
    (0x1C90, 0x1CBF, ARMENIAN_GEORGIAN),  # Georgian Mtavruli
    (0x1E00, 0x1EFF, LATIN_VI),  # Latin Extended Additional (Vietnamese)
    (0x1F00, 0x1FFF, GREEK),  # Greek Extended
    (0x3040, 0x30FF, KANA),
    (0x3130, 0x318F, HANGUL),  # compatibility Jamo
    (0x31F0, 0x31FF, KANA),
    (0x3400, 0x4DBF, CJK),
    (0x4E00, 0x9FFF, CJK),
    (0xA960, 0xA97F, HANGUL),
    (0xAC00, 0xD7FF, HANGUL),  # syllables
    (0xF900, 0xFAFF, CJK),  # compatibility ideographs
    (0xFB13, 0xFB17, ARMENIAN_GEORGIAN),  # Armenian ligatures
    (0xFB1D, 0xFB4F, HEBREW),  # presentation forms
    (0xFB50, 0xFDFF, ARABIC),  # presentation forms A
    (0xFE70, 0xFEFF, ARABIC),  # presentation forms B
    (0xFF66, 0xFF9F, KANA),  # half-width
    (0x20000, 0x3FFFF, CJK),  # extensions B..H
)

# --- features ----------------------------------------------------------------------------------
MAX_WORD = 20  # ASCII sub-words longer than this are costed per extra letter
FEATURES: tuple[str, ...] = (
    "vocab_word",  # ASCII sub-word that is itself a cl100k token (" the", "Element")
    "vocab_pfx_word",  # punctuation + ASCII sub-word that is one cl100k token ("_id", ".get", "'s")
    *(f"word{n}" for n in range(1, MAX_WORD + 1)),  # other ASCII sub-word of n letters
    "word_long",  # ASCII sub-word longer than MAX_WORD ...
    "word_long_chars",  # ... and its letters beyond MAX_WORD
    "upper_extra",  # uppercase letters after the first of a sub-word (ALLCAPS, acronyms)
    "pfx_none",  # letter piece that starts with its first letter
    "pfx_space",  # " word"
    "pfx_ws",  # "\tword"
    "pfx_punct",  # ".word", "_word", "'s"
    "pfx_mark",  # combining mark + letters (Devanagari vowel signs split words)
    "pfx_sym",  # other non-ASCII symbol + letters
    *(f"{name}_chars" for name in _SCRIPT_NAMES),  # non-ASCII letters per script
    *(f"{name}_segs" for name in _SCRIPT_NAMES),  # runs of one script inside a letter piece
    "digit_groups",  # \p{N}{1,3}: exactly one token each
    "ndigit_chars",  # non-ASCII digits (multi-byte)
    "punct_pieces",
    "punct_space",  # punctuation piece with its leading space: ' ("'
    "punct_ascii",  # ASCII punctuation characters
    "punct_nl",  # punctuation piece that swallowed trailing newlines: "},\n"
    "ctrl_chars",
    "mark_chars",
    "sym_latin1_chars",
    "sym_cjk_chars",  # CJK punctuation and full-width forms
    "sym_chars",  # other BMP symbols (arrows, dingbats, U+2xxx emoji, ZWJ)
    "astral_chars",  # emoji and everything else above U+FFFF that is not a letter
    "ws_pieces",  # whitespace piece without a newline
    "ws_extra",  # its characters beyond the first
    "nl_pieces",  # whitespace piece holding newline(s)
    "nl_extra",  # its characters beyond the first
    "ws_nonascii",  # non-ASCII white space (NBSP, U+3000...)
)
NFEAT = len(FEATURES)
_F = {name: i for i, name in enumerate(FEATURES)}
F_VOCAB = _F["vocab_word"]
F_VOCAB_PFX = _F["vocab_pfx_word"]
F_WORD = _F["word1"]  # word n is F_WORD + n - 1
F_WORD_LONG = _F["word_long"]
F_WORD_LONG_CHARS = _F["word_long_chars"]
F_UPPER_EXTRA = _F["upper_extra"]
F_PFX_NONE = _F["pfx_none"]
F_PFX_SPACE = _F["pfx_space"]
F_PFX_WS = _F["pfx_ws"]
F_PFX_PUNCT = _F["pfx_punct"]
F_PFX_MARK = _F["pfx_mark"]
F_PFX_SYM = _F["pfx_sym"]
F_SCRIPT_CHARS = _F["latin_chars"]  # script s (LATIN..OTHER_LETTER) is F_SCRIPT_CHARS + s - LATIN
F_SCRIPT_SEGS = _F["latin_segs"]
F_DIGIT_GROUPS = _F["digit_groups"]
F_NDIGIT_CHARS = _F["ndigit_chars"]
F_PUNCT_PIECES = _F["punct_pieces"]
F_PUNCT_SPACE = _F["punct_space"]
F_PUNCT_ASCII = _F["punct_ascii"]
F_PUNCT_NL = _F["punct_nl"]
F_CTRL = _F["ctrl_chars"]  # CTRL, MARK, SYM_LATIN1, SYM_CJK, SYM, ASTRAL are F_CTRL + cls - CTRL
F_WS_PIECES = _F["ws_pieces"]
F_WS_EXTRA = _F["ws_extra"]
F_NL_PIECES = _F["nl_pieces"]
F_NL_EXTRA = _F["nl_extra"]
F_WS_NONASCII = _F["ws_nonascii"]


# --- classification ----------------------------------------------------------------------------


def _ascii_class(c: int) -> int:
    if 0x61 <= c <= 0x7A:
        return LOWER
    if 0x41 <= c <= 0x5A:
        return UPPER
    if 0x30 <= c <= 0x39:
        return DIGIT
    if c == 0x20:
        return SPACE
    if c in (0x0A, 0x0D):
        return NEWLINE
    if c in (0x09, 0x0B, 0x0C):
        return WS
    # U+001C..U+001F are str.isspace() in Python but not \s in the pre-tokenizer: controls.
    if c < 0x20 or c == 0x7F:
        return CTRL
    return PUNCT


_ASCII = tuple(_ascii_class(c) for c in range(128))

# Combining marks (\p{M}) of the scripts the estimator knows; they are not letters for the
# pre-tokenizer, so a Devanagari vowel sign splits a word in two pieces.
_MARK_RANGES = (
    (0x0300, 0x036F),  # combining diacritics
    (0x0483, 0x0489),  # Cyrillic
    (0x0591, 0x05BD),
    (0x05BF, 0x05BF),
    (0x05C1, 0x05C2),
    (0x05C4, 0x05C5),
    (0x05C7, 0x05C7),  # Hebrew
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),  # Arabic
    (0x0900, 0x0903),
    (0x093A, 0x093C),
    (0x093E, 0x094F),
    (0x0951, 0x0957),
    (0x0962, 0x0963),  # Devanagari
    (0x0981, 0x0983),
    (0x09BC, 0x09D7),
    (0x0A01, 0x0A03),
    (0x0A3C, 0x0A51),  # Bengali, Gurmukhi
    (0x0A81, 0x0A83),
    (0x0ABC, 0x0ACD),
    (0x0B01, 0x0B03),
    (0x0B3C, 0x0B57),  # Gujarati, Oriya
    (0x0B82, 0x0B82),
    (0x0BBE, 0x0BCD),
    (0x0C00, 0x0C04),
    (0x0C3C, 0x0C56),  # Tamil, Telugu
    (0x0C81, 0x0C83),
    (0x0CBC, 0x0CD6),
    (0x0D00, 0x0D03),
    (0x0D3B, 0x0D57),  # Kannada, Malayalam
    (0x0E31, 0x0E31),
    (0x0E34, 0x0E3A),
    (0x0E47, 0x0E4E),  # Thai
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),  # extended/supplementary/for symbols
    (0x302A, 0x302F),
    (0x3099, 0x309A),  # CJK tone marks, kana voicing marks
    (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),  # variation selectors (emoji presentation), half marks
)


def _is_mark(c: int) -> bool:
    return any(lo <= c <= hi for lo, hi in _MARK_RANGES)


def _script(c: int) -> int:
    """Script class of a non-ASCII letter (``c`` is ``str.isalpha``)."""
    for lo, hi, cls in _SCRIPT_RANGES:
        if c < lo:
            break
        if c <= hi:
            return cls
    return OTHER_LETTER


def char_class(c: int) -> int:
    """Class of code point ``c`` (one of the constants above), as both implementations see it."""
    if c < 0x80:
        return _ASCII[c]
    ch = chr(c)
    if ch.isalpha():  # exactly \p{L} (Lu, Ll, Lt, Lm, Lo)
        return _script(c)
    if ch.isspace():
        return WS
    if ch.isnumeric():
        return NDIGIT
    if _is_mark(c):
        return MARK
    if c < 0x100:
        return SYM_LATIN1
    if 0x3000 <= c <= 0x303F or 0xFF00 <= c <= 0xFFEF:
        return SYM_CJK
    if c >= 0x10000:
        return ASTRAL
    return SYM


# --- vocabulary -------------------------------------------------------------------------------
# Whether an ASCII word is a single cl100k token decides most of its cost (" production" is one
# token, " produzione" and " Produktion" two; the same length, so length alone cannot tell). A
# Bloom filter (``VOCAB``, at the end of this file) of every cl100k token of the forms " word",
# "word" and "<ASCII punctuation>word" with word = [A-Z]*[a-z]* (the sub-word shape the scan
# probes) answers it, with ``VOCAB_FP`` false positives and no false negatives. The key's bytes
# are hashed 8 at a time (little-endian, zero-padded) so the compiled kernel can load them
# straight from the str's buffer.
HASH_SEED = 0xCBF29CE484222325
HASH_MUL = 0x9E3779B97F4A7C15
MIX_MUL = 0xD6E8FEB86659FD93
_M64 = (1 << 64) - 1


def vocab_hash(key: bytes) -> int:
    """Hash of a vocabulary key (an ASCII word with its optional space/punctuation prefix)."""
    h = HASH_SEED ^ len(key)
    for k in range(0, len(key), 8):
        h = ((h ^ int.from_bytes(key[k : k + 8], "little")) * HASH_MUL) & _M64
    return h  # vocab_probe() finishes the mixing


def vocab_probe(h: int) -> tuple[int, int]:
    """Where hash ``h`` lives in the filter: a 64-bit word index and the 3 bits it must have.

    All three bits sit in one little-endian 64-bit word ("register-blocked" Bloom filter): one
    memory access per lookup, which matters more to the kernel than the slightly higher
    false-positive rate.
    """
    h = ((h ^ (h >> 32)) * MIX_MUL) & _M64
    h ^= h >> 32
    mask = (1 << ((h >> 20) & 63)) | (1 << ((h >> 26) & 63)) | (1 << ((h >> 32) & 63))
    return h & (VOCAB_BITS // 64 - 1), mask


def in_vocab(key: bytes) -> bool:
    """True when ``key`` is (probably: see ``VOCAB_FP``) a single cl100k token."""
    word, mask = vocab_probe(vocab_hash(key))
    return int.from_bytes(VOCAB[8 * word : 8 * word + 8], "little") & mask == mask


# --- the scan ----------------------------------------------------------------------------------


def features(s: str) -> list[int]:
    """Feature counts of ``s`` (length ``NFEAT``, named by ``FEATURES``): what the cost is made of."""
    if not isinstance(s, str):
        raise TypeError(f"estimate_text() argument must be str, not {type(s).__name__}")
    f = [0] * NFEAT
    cls = [_ASCII[o] if o < 0x80 else char_class(o) for o in map(ord, s)]
    n = len(cls)

    def letters(i: int, prefix: int) -> int:
        """Letter run at ``i``, after the prefix char ``s[i-1]`` of class ``prefix`` (-1: none)."""
        if prefix < 0:
            f[F_PFX_NONE] += 1
        elif prefix == SPACE:
            f[F_PFX_SPACE] += 1
        elif prefix == WS:
            f[F_PFX_WS] += 1
        elif prefix == CTRL:
            f[F_PFX_PUNCT] += 1
        elif prefix == MARK:
            f[F_PFX_MARK] += 1
        elif prefix != PUNCT:  # an ASCII punctuation prefix is settled by the first sub-word
            f[F_PFX_SYM] += 1
        first = i
        prev = -1  # script of the previous letter of this piece (-1: none or ASCII)
        while i < n and cls[i] <= LAST_LETTER:
            k = cls[i]
            if k <= UPPER:
                # An ASCII sub-word is [A-Z]*[a-z]*: BPE splits camelCase ("getElementById")
                # at its humps, and an ALLCAPS run costs more than its length says.
                j = i
                while j < n and cls[j] == UPPER:
                    j += 1
                caps = j - i
                while j < n and cls[j] == LOWER:
                    j += 1
                word = s[i:j].encode("ascii")
                if i == first and prefix == PUNCT:
                    # "_id", ".get", "'s": the prefix and the word may be one token
                    if j - i <= VOCAB_MAX and in_vocab(s[i - 1].encode("ascii") + word):
                        f[F_VOCAB_PFX] += 1
                        prev, i = -1, j
                        continue
                    f[F_PFX_PUNCT] += 1
                if j - i <= VOCAB_MAX and in_vocab(b" " + word if i == first and prefix == SPACE else word):
                    f[F_VOCAB] += 1
                else:
                    length = j - i
                    if length <= MAX_WORD:
                        f[F_WORD + length - 1] += 1
                    else:
                        f[F_WORD_LONG] += 1
                        f[F_WORD_LONG_CHARS] += length - MAX_WORD
                    if caps > 1:
                        f[F_UPPER_EXTRA] += caps - 1
                prev, i = -1, j
            else:
                if i == first and prefix == PUNCT:
                    f[F_PFX_PUNCT] += 1
                f[F_SCRIPT_CHARS + k - LATIN] += 1
                if k != prev:
                    f[F_SCRIPT_SEGS + k - LATIN] += 1
                prev = k
                i += 1
        return i

    def punct(i: int, space: bool) -> int:
        """Punctuation run ``[^\\s\\p{L}\\p{N}]++`` at ``i`` plus trailing newlines."""
        f[F_PUNCT_PIECES] += 1
        if space:
            f[F_PUNCT_SPACE] += 1
        while i < n and cls[i] >= PUNCT:
            k = cls[i]
            if k == PUNCT:
                f[F_PUNCT_ASCII] += 1
            else:
                f[F_CTRL + k - CTRL] += 1
            i += 1
        if i < n and cls[i] == NEWLINE:
            f[F_PUNCT_NL] += 1
            while i < n and cls[i] == NEWLINE:
                i += 1
        return i

    def ws_piece(i: int, j: int) -> None:
        """Whitespace piece ``s[i:j]``."""
        nl = False
        for k in range(i, j):
            if cls[k] == NEWLINE:
                nl = True
            elif ord(s[k]) >= 0x80:
                f[F_WS_NONASCII] += 1
        if nl:
            f[F_NL_PIECES] += 1
            f[F_NL_EXTRA] += j - i - 1
        else:
            f[F_WS_PIECES] += 1
            f[F_WS_EXTRA] += j - i - 1

    i = 0
    while i < n:
        k = cls[i]
        if k <= LAST_LETTER:
            i = letters(i, -1)
        elif k <= NDIGIT:
            j = i
            while j < n and DIGIT <= cls[j] <= NDIGIT:
                if cls[j] == NDIGIT:
                    f[F_NDIGIT_CHARS] += 1
                j += 1
            f[F_DIGIT_GROUPS] += (j - i + 2) // 3
            i = j
        elif k <= WS:
            j = i
            last_nl = -1
            while j < n and SPACE <= cls[j] <= WS:
                if cls[j] == NEWLINE:
                    last_nl = j
                j += 1
            if j == n:  # \s++$ : trailing white space is one piece
                ws_piece(i, j)
                i = j
                continue
            if last_nl >= 0:  # \s*[\r\n] : everything up to the last newline
                ws_piece(i, last_nl + 1)
                i = last_nl + 1
            if j - i >= 2:  # \s+(?!\S) : all but the last char, which goes with what follows
                ws_piece(i, j - 1)
                i = j - 1
            if i < j:  # one non-newline white-space char before a non-space char
                nxt = cls[j]
                if nxt <= LAST_LETTER:
                    i = letters(j, cls[i])
                elif cls[i] == SPACE and nxt >= PUNCT:
                    i = punct(j, True)
                else:
                    ws_piece(i, j)
                    i = j
        else:
            # [^\r\n\p{L}\p{N}]?+\p{L}++ is tried before the punctuation run: one symbol glues
            # to the letters after it.
            if i + 1 < n and cls[i + 1] <= LAST_LETTER:
                i = letters(i + 1, k)
            else:
                i = punct(i, False)
    return f


def estimate_text(s: str) -> int:
    """Estimated ``cl100k_base`` token count of ``s`` (0 for "", at least 1 otherwise)."""
    if not s:
        if not isinstance(s, str):
            raise TypeError(f"estimate_text() argument must be str, not {type(s).__name__}")
        return 0
    acc = 0
    for c, x in zip(COEF, features(s), strict=True):
        acc += c * x
    est = (acc + (1 << (SHIFT - 1))) >> SHIFT if acc > 0 else 0
    return est if est > 0 else 1


# --- request bodies -----------------------------------------------------------------------------
# ``fastgate.tokencount`` knows the request formats and counts every shape of them; the two
# functions below are its commonest cases, done here so that the compiled kernel walks the body
# without a Python call per message. They return exactly what tokencount returns (tested).

# OpenAI chat framing (OpenAI cookbook, "How to count tokens with tiktoken"): every message costs
# 3 tokens plus its string fields (role, content, name, ...), ``name`` one more, and the reply is
# primed with 3. tokencount takes these from here.
TOKENS_PER_MESSAGE = 3
TOKENS_PER_NAME = 1
REPLY_PRIMING = 3


def _message_prompt(message: dict[Any, Any]) -> int:
    """One plain message's tokens, or -1 when it is not plain (see ``chat_prompt``)."""
    total = TOKENS_PER_MESSAGE
    for key, value in message.items():
        if type(key) is not str:
            return -1
        if key == "content":
            if isinstance(value, str):
                total += estimate_text(value)
            elif isinstance(value, list):
                if type(value) is not list:
                    return -1
                for part in value:
                    if isinstance(part, str):
                        total += estimate_text(part)
                    elif isinstance(part, dict):
                        if type(part) is not dict:
                            return -1
                        kind = part.get("type")
                        if kind is not None and type(kind) is not str:
                            return -1
                        if kind == "image_url":
                            return -1
                        text = part["text"] if "text" in part else part.get("refusal")
                        if isinstance(text, str):
                            total += estimate_text(text)
        elif key == "tool_calls":
            if isinstance(value, list):
                return -1
        elif key == "function_call":
            if isinstance(value, dict):
                return -1
        elif isinstance(value, str):
            total += estimate_text(value)
            if key == "name":
                total += TOKENS_PER_NAME
    return total


def chat_prompt(body: Any) -> int:
    """The estimated prompt tokens of an OpenAI chat body in its plain shape, else -1.

    Plain: a ``dict`` whose ``messages`` is a ``list``, without ``tools``/``functions`` lists or
    a ``response_format`` JSON schema; each message a ``dict`` (anything else in the list counts
    nothing) with ``str`` keys, whose ``content`` is a string or a list of strings and non-image
    parts, with no ``tool_calls`` list and no ``function_call`` object. Exactly the types named,
    not subclasses (a ``type`` that is neither ``None`` nor a ``str`` is not plain either). The
    estimate is ``fastgate.tokencount``'s: 3 per message plus every string field, 1 more for a
    ``name``, 3 to prime the reply, text parts (``text``, else ``refusal``) of a list content.
    For any other body, -1: tokencount counts it (tools, images, completions, embeddings...).
    """
    if type(body) is not dict:
        return -1
    messages = body.get("messages")
    if type(messages) is not list:
        return -1
    if isinstance(body.get("tools"), list) or isinstance(body.get("functions"), list):
        return -1
    fmt = body.get("response_format")
    if isinstance(fmt, dict) and (type(fmt) is not dict or isinstance(fmt.get("json_schema"), dict)):
        return -1
    total = REPLY_PRIMING
    for message in messages:
        if isinstance(message, dict):
            if type(message) is not dict:
                return -1
            n = _message_prompt(message)
            if n < 0:
                return -1
            total += n
    return total


def max_output(body: Any, default: Any) -> Any:
    """Most output tokens a request may produce: ``max_completion_tokens``, else ``max_tokens``
    (else ``max_output_tokens``, the Responses API name), else ``default``; times ``n`` (or
    ``best_of``) when several completions are asked for, since each is billed."""
    if not isinstance(body, dict):
        return default
    limit = default
    # (type(v) is not bool: the same test as not isinstance(v, bool) -- bool has no subclasses)
    for key in ("max_completion_tokens", "max_tokens", "max_output_tokens"):
        value = body.get(key)
        if isinstance(value, int) and type(value) is not bool and value >= 0:
            limit = value
            break
    copies = 1
    for key in ("n", "best_of"):
        value = body.get(key)
        if isinstance(value, int) and type(value) is not bool and value > copies:
            copies = value
    return limit * copies


# --- calibrated data (bench/calibrate_tokens.py) --------------------------------------------
# BEGIN COEFFICIENTS (written by bench/calibrate_tokens.py; 1/1024 token per feature)
COEF: tuple[int, ...] = (
    749,  # vocab_word,
    847,  # vocab_pfx_word,
    1024,  # word1,
    2419,  # word2,
    2820,  # word3,
    2108,  # word4,
    1764,  # word5,
    2062,  # word6,
    1857,  # word7,
    2474,  # word8,
    2698,  # word9,
    2418,  # word10,
    2935,  # word11,
    2838,  # word12,
    3168,  # word13,
    3281,  # word14,
    3533,  # word15,
    3686,  # word16,
    3890,  # word17,
    4095,  # word18,
    4301,  # word19,
    4506,  # word20,
    4710,  # word_long,
    307,  # word_long_chars,
    81,  # upper_extra,
    90,  # pfx_none,
    269,  # pfx_space,
    205,  # pfx_ws,
    1235,  # pfx_punct,
    971,  # pfx_mark,
    0,  # pfx_sym,
    884,  # latin_chars,
    213,  # latin_vi_chars,
    991,  # greek_chars,
    384,  # cyrillic_chars,
    1282,  # cyrillic_ext_chars,
    2072,  # armenian_georgian_chars,
    1094,  # hebrew_chars,
    636,  # arabic_chars,
    938,  # devanagari_chars,
    1736,  # indic_chars,
    893,  # sea_chars,
    1042,  # hangul_chars,
    767,  # kana_chars,
    1132,  # cjk_chars,
    1560,  # other_chars,
    53,  # latin_segs,
    0,  # latin_vi_segs,
    523,  # greek_segs,
    683,  # cyrillic_segs,
    770,  # cyrillic_ext_segs,
    551,  # armenian_georgian_segs,
    604,  # hebrew_segs,
    771,  # arabic_segs,
    329,  # devanagari_segs,
    0,  # indic_segs,
    447,  # sea_segs,
    661,  # hangul_segs,
    414,  # kana_segs,
    891,  # cjk_segs,
    532,  # other_segs,
    1058,  # digit_groups,
    1056,  # ndigit_chars,
    791,  # punct_pieces,
    106,  # punct_space,
    178,  # punct_ascii,
    -25,  # punct_nl,
    1024,  # ctrl_chars,
    901,  # mark_chars,
    925,  # sym_latin1_chars,
    904,  # sym_cjk_chars,
    1402,  # sym_chars,
    2791,  # astral_chars,
    977,  # ws_pieces,
    10,  # ws_extra,
    995,  # nl_pieces,
    0,  # nl_extra,
    1024,  # ws_nonascii,
)
# END COEFFICIENTS

# BEGIN VOCAB (written by bench/calibrate_tokens.py --make-vocab; see in_vocab())
VOCAB_BITS = 1 << 19
VOCAB_FP = 0.0616  # measured on random non-token words
VOCAB_MAX = 26  # longest word in the filter: longer ones are never probed
VOCAB = base64.b64decode(
    "awNhEHT4MINEantTJQFwHscRoQgBaj4QCpdkUSiAXYSCPUAz0MlhhtEaMIszVC5RQgQwIwYA91QPAhWIBGQ75wDRBEgBQZRY"
    "4dmEyRMAMBAUcYyCgF4WZGsKChAGMAomMgmyJMXWQohIFwLR8jOAAgC3Plor0GFAFj1UCgxslDojVMZLtInziWQCGpEDEVwg"
    "kG4RxMaRE34ukESOok95LWPKBJQpRQAhCnFoIAZFDTEFGElm4kWf7VC3FMz4B/dE5ClOomyUI8K0dUU1o+4NGDWTc4a8iQYh"
    "Gm7IAEaE4EKggR4HLk8R9uzBQSVmEQQipQEgBgAIiBqioGMQETCjg4CaABBsCYFMBQF/HgxqKIqEch8rg9uAVbqVokETdQFm"
    "IAFNAEgHjEQQAg5IOkwQuAHF2AxQgAIqY4/AYQGDIagmFLEVgU7sQDEGIiRQwACVUJ9RwfYZBcAQEJAAPAQEAGFb2IFD+3kL"
    "5nYDXqgZDEgkEZtgAQERABQgRAloEseRcBybMr8xPwBvpTAB4Ep3WpZmEShCwKkAHmR3JRtUbWurfVoJmAyAZZcP1DkAEQxo"
    "UBM7DGCRCEYNpAYARJACAGNZ4yQajhwkEOIBx0GAGAjSHEfPZEYtnrgwAgHjkoEhkDcp2dLVIDRACFVMIAACNACvIQhtImuE"
    "OFAEsgBBRQMlEJgmMpEVgviIBAMlS4RRGHjS2kQhA0LR2YAhXwYItQMUWFIgAgyhCEwECSg8gEQcy4AoACavECLhgCVgBARB"
    "jUUpFU6QWVRuwGCBsZch9mFEQgAEBBICUkYYKOIGeCAVGRakTDy0a9xRsAymEgxLQD2EhZUgTSaYFAIAgCkwEKYLgy5vxKXt"
    "WyBIQxSIi4CEYJk2YGQVohQEQKwAIeMC6BusJKUlfRKgAQoDAkQAqCUBcYAANtEBK7DCEIX1xOKYgknUUU4VpAAjGVWTY0gO"
    "Dco5BjFsqVoFGAAAAQgQEQBgNh64QIGCvPYcFCQgw7kAA8EJSCQcEoIE4iIW/Hcg9HLBNpUJpyqoiE5APBUvcGBMXdpBhiNA"
    "eqgrE+qii8PDOSxoDRZMKHFd4qyqV/9KsXZ2CkYk6FqHFmhsoa/PyUEgSZpprcMgd15ilYGGwjKFuwUwQH17bGahKwoBkQAU"
    "JPoaQABAOBBCiEW0UPrloBRcIHVBMRHd2S731Rf/7hMrQAAIsKAAYL0OhQE2JC8VihIIAKogFkJAIFMooXMwCsB4KEzEJEAq"
    "CqDIRSHOn2pZFFQx+5/ixApDhzBFgYBpjdhYLDo8zPZ3W4whKCgIB5esgGNhn2gGhDACHgYWFISMsd4nYzsasZ7aqjWH1Jjp"
    "4zw0Q2sXBQ0LEYoKDiwKANM3D5KBCmiZmp6ZjdREElHio/ESu+DwvggBAEEylZQpK+3xEAwCMfYOFBTXUh5TJGVhEHrDqDYM"
    "YBEzJLAYAKLkACUkupIPGgBkUXHEclBADFByHgEBIQs4ShAIkQMIcAEALAE4RAQAxIpCgREiBsSABQEHatAQCUxkxCI2wCyK"
    "GUZvzJiZsTuvBtS+neJLHyAApgEABBQEDANgxfRdoSJjUVBBBIUqIBIsNaYAKALlAT8IDQGAaokoCEoEGAKQDU7oSme+E2N8"
    "r7rLCApOf/AxYmhJOCJjEQuIkUVqJJkoWuBDtAw0iAYURODcHTkmlsaolgoMyWO1AIBVmXYBhtucAQmyIzUCgAj2u7doJE61"
    "lXO1KILIJe+AIrJjgQhCQCwu2KMjN4rDWNhwl87hQ4320MIba3GxTzQGE5VcAJAYkWAQTwEQBGigkWbiaKYYQAhgPBQSsIQj"
    "UIOFxLGJ9cREogSjJQCIRMoTeKaYysgICHABCSF4QUDrDMEeQ1+gRCVQ7QQY2Dq7AthhnEWfukCGpqirtX1B1cExNWRwE6Sg"
    "VFno6vxFYSYzJIEEAjEFogegoAjm0EpRVNM+3vtSf/eQjighCjBBCB99a9LK74gazaEVL0JEz7aEYqByxigZHpYEQTLAAXBQ"
    "0EFrBco4+o1ASkPIRkhEKygIAB4QCgCEBEWOH4KaU4gpEgNCcASM6Crh8Aihjd1iGMwJS5EZzBGgi0aWEKEXLQIcCWUAELgB"
    "EBCoIQIAHCwQgAAAAwIAED0iOcETGIaCJhqOBiJ2VxHJoAwDEMPAAKG3ABkTd/GQtCweIAKBIwQAECQGLEAAoAFUQqiBPKKB"
    "HCJxmOW5yQsuID5xIF0shAKBEUZS2gDmA3oTkkACR7GRQq5kURnALLgrzl85Ye8LGCNRICFOnkFCm4ChzxAo0M5U0ovfTMUU"
    "ryJgTZB0pCbk53sMw0sMe/VOBUAIAmECQeIVGfIthgb+HhzulIdYSCAKgtRAFwgoBFQiDQ8EEwCwDQtQKEAwEJwFEEtE6AoA"
    "Rrv7QxZspQiBpWAis/IMIITBQBAICyAQkhBgQIAgIUSUhRnlBoRdEHAScJkZSrgbaQAPIcnEaTiQMAWCRVME5yEYpCAwQJKf"
    "JrUPBCmVmCpQAT6l9UFHbEhEPkDSkBTnKIYgspyOhYPEKBTHAwRjNJIEDDhtURlyuO78Z9VnBGGwkATiQAnuWUAJABDMfNJU"
    "CMPQjIASQKAjtQC6IDUEt5UkGKcclUuEIuI10MCgYEjhQGTrHjoa9ceXjCBpZJIbjBWdTRdUBSXWYiVAhTQVsNXMZmAuSxkK"
    "JSm9AsguRbyGUw5TpCgxmfVDsHCxJ4yTQp1IEgfg5Kwhm0EwbDA2QNE0ytyTGYsJ3CyTEI5EXeM8bIMH/KyWJ2BROZQQGSQj"
    "EYQFCWUCZDh5QCMogXeS80A3JwIAowV8azTIasezHnQ0k/VAIDJMtCEQ6R1A2WOPiqoArmACMsmKBUIIUCYAkCIpFYACY39J"
    "KIooeoMGAOQvY62WBAwUKxGJCEKi4CRgB2ESEcJBplOvHSJKFYOOUwhiSUEBAwACV/jBZF4HYGHV5YlU3uMCEuEGQhku5S8E"
    "XCRkkVKoZR4QQkJE2BQhABAQjMiKAEqQHJilpAOQh/OBifQLgYQFSEFCYIRPr7FSAaPjI6PExn8vtZQkaGyQt4AHEAegEKQA"
    "EJ1xiC0GQHaTIFU37ECXQgUA6TVBMiJUnJ4kmSDEwBRFmITG18FypNBtb0pbGdDRQHQCiQyNBIimxbSAQkptseAf2BYU4zTo"
    "Qh2m4/Z8ABGKDBAEAECIgwWTsVIMBSGtdFQEAFSACAwgJIAQIgABYuKgvlWUHJ33SeIzB0NcUQZpA1kSDBEICAB4V/B9LyQw"
    "EEIkmCBhAiiqArAJJxA9o7QN3jBEqVvBbVyZiARhvqKIWBHMAYYRlA4eGGMSwIgFA2VG0Cyx+oA4nAwEA0vkUiov+q9EnkPk"
    "NO0QqFjT+aBZPEVOEnBVLCdPIrGIANRVQRBoCgAnoAAweiRcoBglG2FQfIYoBVIeshQGPMRJRYKNGEjoaIHagMUDdGHitfso"
    "2KUZ2nigEpC6gwgACxAkQTBAYgKUTAAAgqCEQFs4Du3V8yj6F8ILzkrwQPCMkLCTgwISABIAIrN+UZMeQJRmk2BQ/mUA4EmA"
    "pe9KUPjl2KlygDCoQTMYChAnyQBfBSkwzGTik2wApSU0nFIwQyEBoQEkEMOLAAxhQAQEwMREBCSlfcB2CWmSQgbB66FQk4KJ"
    "BrVGwiByCRVMAmAEBGMgKOehb2rVY9AwwAlJAEJYGGDDRTlEhAg8lQGiYkIMORBySEiC4BVBmCWWLIID3SB5AOEQBJcEAAgE"
    "CWQD+mMYtQKaBRS5JYdAVwi9VnPESrpZqFESJgGSqmpeVHd3WLB8ESxvotYx/8YjAACigMBEEAAcywYBAYOyHXsRkIAqcM6o"
    "jWLFysKUapcvQB29dwcgEQBBSQQAWtggoPvdZxNxXYVElMMwAg6w/AC/MBEAAkDjcZamGtIsHjbA9IrwSoAdXUMIqAG4QYAB"
    "YWgzLdNxUFwSEo/GDijLOoCiSJAGgfZ8AzRERDwIREGqg7HDa3I9IS5QrwCKR3UjETgLicjUObSVIACUGhCBA0QFwBBJFAGC"
    "WnmB9TSrsAkDQMEEDHAZB+S3CExhGkF+kJG05QQV6UMmulzW8mIi97FAqAIgMyDQKHAUwIQoCYQMFSIDW4m6oH1uwWDGCyZc"
    "MEwAEJAQEXRBSysDglBQKWXyn4NQQq3J1wSANRAgcSeg5I3oAkENwk0AIksqTKCgNYfkQIa2WiI3Ka6trWcql02ZgqV82eZS"
    "EnkBG4YDQGppZCAJYEqWTGXuhQD5MbMF2hsB/gFKQAL5gGFOpEIhFkKIdwmEnAsAQyAgVlNATNJIDQwPyAJgsRHKD5lDFJfz"
    "lzgYhAEwAgf7Tc4BEwoITQlgjEAAkRIlF00BhlTlVJMHEuRQZJBAQEaPIbAQIKoonJBUnBii0AjOdQBCQADZ8cCOIhRAFhwi"
    "2ispwRmoS3oAIgEwANmuFAgakU2AxLi0IdCQELxqFqasIQTSQHMWdeBD62qbtjHsHgoECgM+AhKACGxDlFhycQX1d40UHXkY"
    "YDgACDJligFD4CMBkHZLs4wWMKykqKDVIVoqyPsxEABBCAGsJIGRhQPtWSWOsbw0fCARYz0TwEJGABYPiEEL0cCCgBkkJgAP"
    "ASTyAACpT6C4KIkSLBugmeiIe8j0A5ISYSABtWFCGBQWqAIuBIJi/RD1AsHlZyvwCQCkhCuDCFgEICBgjpC4shuoTiCgKAwX"
    "WCCMAWB0KgBAkzLV2efETQACgABAsCIAQ4hDLvoV6aVK5o6K1RxBBqLlyOmJRC8cZF0OoTGKWtN3CGOCaQUADlgztVmE0BhQ"
    "QAoNQUkBGALlIE3AB5T2nh4EgJBoMBhEYNVAGAilT+oGBBCMJnAIwbATq4MaC5vxAcQEAFWWcfPdDgsYg05V9ACEASQSSxAC"
    "OcPgnlFsEyIkEPAUBKWKQAZSNEIDei4GAV2jDIAxoKUBfmocZYokAZBw8MKbaZ7siTY2BCHQ6rDG9J+CYol0cBf6KtHDu99O"
    "msAzWfKsRlCqOMVAO1DkumAQdQoQEhCCAQG0LEACTAVjeOJNXTgNmCK4Wh1W864oL+NigsCkW50Vq350eJQljwHBBOAVOshw"
    "8vwsHX+wBN6EqKGbJ6glwAFoa9RDJ4KBATGUs5jDhBRTlDIAASgTAUj8hmFAwIwLhZcBXAEAUq1SURwCjhQJAIJVgg2EEDKE"
    "KJ1EKqAYGxAwJBZIIAIFgOCCRJaCoGIPtREBCkWzKFhSc4CTq+ykTeBohZZaoioAJlYB00LARknYMASCiKAgACIwRBAjQgAS"
    "yW5GxQ6BhAAGNj8HJhgniAEmQYIWEQaxQcADQFACKDjlYTWA9UkJQCSPSVqIoa5IoJSEn0CkPfP/mAEgTXQphgAIIoJp4IAg"
    "EuksDNy92R7w6mGYBVyI90YAsuGx0KX2ygcBDFrtDWUAAdw0AASATHbfjZ5dgYQZUHrmFfMTjyaBSihaAAvjpFSn2Jj1SmVe"
    "bBsQY4EiY8tRFcTcTaaGlYAAAAAAAAAGGANBjEuqW0cAUDzjoAA2AK8gYcAkGVtZio6yQzmSsIowc1q1EKhQPU9RwC7hKgjB"
    "N45k0G1TdR6zCpTla7UaeavMyLMCQ2TyWSCQrJwCO4h8GQwTwkJFtRKLlBjwiuyZ2jB14bwQixADnH+IwAQnCIMHC0GgGQCQ"
    "SgGAMnVepICxKt2SYzUGgE2OiBQfa6oEARQoEAAQHMKNMXQELUo6EgxBRLhDVgoC6ijnSCMtES4ZxSClAMyGKsWEIZZoMFoc"
    "QEWDVm4HSjSTeKGCgf2SVERBIxYDoVC1k/zgEmZtUqzSJaBhC2ADSDwICjSRRAUO86NyiZfp182HihjAPvX2gLBIpDXQhgvg"
    "g8dbla8l3TUFkgBRyEgqCoAyDgDZX20RlNwALGNpIhP6K9QuELlZbgEZSLOiAVAAhwGVmLhg3/kZjME/6ITwbCHFigwEEoAB"
    "neiWDcUlzHxEAz5/C7MCpjrh0UCGGdJQI5gQgCMAVFMJBAHi5KgbKlNH4gIyCa/GEHHMTIHw4JJtZH58l+67obFQoDEyNrok"
    "VR4QRrkeTEQMUiN5EKEOlkkv5ocJAHKwCAARAAQA6ABAEBLyIINBAAqqgYpRp0cKCl4EG0THgIBAhAFddHPCBoCMwCkBEnGr"
    "ASMkNXAICEFiHrjK6AEzE0oxI67iKHhgmdQ+bLML7AsSWmeUBcI2kViEpJAKBYCQ9CADQ6sIGAYAMHhcAQoAUAHSpIkKFAiC"
    "HHMCcAoIE0Oo2QJWELslUSPsEDsUGES0iFD8ZzyvnpvYMDHxwpVim32dzkVDDJ2ZHbnZivPXzspD9hEAgVKxWZTgBI5MUoAo"
    "3JLspgwBKDuAKoAxIJEYgAGYMmMo5gv7QO4C/OAiF04AAkAQlRChyA4hJg8pAj+EDSh6MwqJkMXOQW+xMyrEGwgAghAQGNV4"
    "rAiYAj0IURgyeuAhMYqMHInOEsIbFACKoBEiogiaOIEsEMUoAOQZFrijIAYAMEAaSQEzkRHZApVAgUFDBWmAp5YTSQGCCIVL"
    "EMjB9r5Qwioqbs2sOjTY+SAQEYUAgIACA4u8gUsAJjkBJEQIIkAAhhBDQAEMCECBwYgoBm4KBl2goGANCnCEYeAXV85K+qTR"
    "FBcGxFjAgC2FgAIgwAgASFIZYhiTdFrCKAnLSIFqBQto1pGAklcrAKPhFSrIXlAOtrMr5YKk5N0IiAFICAAUABeziHCHiCJ+"
    "RVBB9M3CagLJp+EERDYDLnBgDARYRvI4ABEEUggYQoFRX1OCDAICgUUBgTFIh1UJUgwc5ZQtyfEhGAgABQGIiUuKFgERgoaF"
    "zl+Al+sLxHTGWQJEUFBFAFRCBgCIHAAwh4tDCHMQpoiYCKULgqBERZJoGOHqM3Y5cAYE4C0yCLVx4sHG7HxgH6s+AcNByhBQ"
    "xEAeRCkBEKgeIiodcFinoRjEQ2ynKhi+sEIiISAqECBdUwXQcmMf5QCAFQgKYABBIAwOB1OAAOFWCoo80x8ewT6ohd43GKcA"
    "FNQGCccawAsmZgEACiiADKHDfNoH0GtzcSbCmgMiFBjg7rRlS2mRf4Jwpx0yo4QoIWcsSHIo2xF8RyFXmi/GAGxkAgggAQgS"
    "nxlgRzkIgBQBFYAAqANJCzC46cHRiDWEUabZxEIBkKwdBgSBYAhEgCqopdIeDIOFeRJARBrFJ0qQQigMaS/QwWAzvBIRFVWr"
    "w1SsVhgFhAlIkyBhyHiWYJ2jWLfCGCSs9QHc8AEMlR8ADhA0zgWEiZYXAR7Q1SCY9DiEBIsEluZoUEKkEI7DRy8CcxHKYwkU"
    "MsQKQcNoA4G6VeCp9YlVFw3tQNqpLTxrYJOpWKJ4moLvxIoGNGoUYG3k6XyscNtYzTJcRNZld8MClWeqAAsGAAGIRxSEhgGA"
    "RmMELEpEwABCAuEAG3CKhQIHR2UgYrYpgDD0FYQAmglLK/CRDNAQSEDDCrg1HtBCJAWcAo0SGgyHZxuDmUQ4WUPooP+TQaRj"
    "QAASAahgsN8EBAC6FC05DTEJkq+AwKIwKAwkhRUR8AVBAACDKAYEAYAUYjCgB0QQTBXskGwOHCEAUCt0kmIsT6gNZEkbQER2"
    "JUKIQAAJYTGfEECKAIB4gtABFIBEgTkIEN28ggAUyaVimFclMmRISyZQiorCQIHGBUnABAAkUWSIGdC4sqAUDUkSgGIZQg54"
    "pGpfVED4gg1IzICtwB+YHDMIIQYDaH4AxIA8aYKmEI8IvJjENEpqRj54EYhZAIAASWoVpVIGGACI+H1SJIoCCFFUIAFJQDgA"
    "wkJ8pVwzfLiKThQdJg4T3wcMiFW3HULJuioFhEuKQCIQThDMCECHEAAkCAmSkQQYjQEAQwQIwFAkNRIHAlAgE8FJAJAEYKUH"
    "FAIBFhqxKYiGNktCoEAm4rA6gLuj3W1I8oVBEEdwRADOQCjgEAgPMO0guZBalDkFhAAJIfOoIQbIg0HCBKIxQAYpFABQqgEA"
    "QRkFghBgAoiitregKZRxnQMlqsACBAEYDYCzQkwgCUcYZNwdlYAEARCADUQoGVAMkbk4/Ao0s0gDBAQiTioUgKEkFMnSKHPe"
    "INEEuZv/D2VDPYBgtTC4AQjSADgcEsmI0mkKwPKGAS0LyljEBh0CVtCSNvKUwaclAkkPDkb8FwK4MXEduYKJdz7gxhCB8g7j"
    "SQAmRILqwKtgCBVl9KcECgBKaawFMoQAAokaAoBGUGQpKChm0UFpZmUVQovDJUCKEn2OiobqGiUIkQiw0vEUaFpDI6rBXSMB"
    "xAGECACypJSDQsh4AKKhbAyJSKgQVgSdJQIEC8NwToEqJ1OAM2MsVKCm8ugAKLzwNOEbNRkROxMAQyIgxkxpIUgTaAXsRW05"
    "MYzkCZuQUVDEAAUvwCgZgkOBBuAlDp5c10ubM1EUdbgEjRCngOTMQKQBgpGcYKEB0veLvf6KhD9CYIuBJyD7IAXQwGqQyBLB"
    "5J90IJcUVuu98BANQGSwABDIEDjUhrYyAzCLL4wCnzb3InnGMB/N9E0zEgSRHGMs6iSYYBPQmmVC3EHALJG0DR4nSIO4AtQA"
    "IiABiAIBAIQMJykMRBCiAGUGmJSQEOUABDACBQgABsJAYqGhdXZSJTBEARgQskp48ohQCUMAMjrIR4yJMl5+2ECwT1AlBkIh"
    "EMIRgKIIYAbwDDBCSBFQLImBe3AoIG7dLWIACgNjAvEk8VgAD+liJkGJREhBh7IKTQwykRAhUgSnkDwIxBBSkGghkhTSZD7d"
    "hmGaoK4awAQFEGjAwZRSGFFPQIGjlGIqYYEM+EqECQv2CUCcLZhtngABKYIBIGCA4IUCxI8SDIpIggJQGsxwgHoI6ayFSITY"
    "8oOqeGrkowVmwgckCwCuCiASiBA8HKEwOjsIbEOwAgBVhiFECZgmwfbp3AGgVQOvQF4UABaXgdANUStHIC0AgiFrRySyrWBA"
    "XyyCgCtEkAINn3FIQsHUfjXAgoZAGHkMUGCoEMBYGAiOK19g+RILbIpSHF31EwwBANAn0BqAsyBo1ECIIX4F48VH7ddfDvs4"
    "cD4BcGCyYbPKgyIjNU9lURrJn2sqKnTlkohqToBpBZ+IQICRIZAkKwAgQAAggBqBMERi2equ3wSgCQaNCAmkhAIFMDEQI0Ls"
    "LxoUjxxCiZkJMB0ACAzxWChFAAChKCCOkpoHOTACPiMc4A6xlIBbCXsAj5F0BNRYIBT17IcgoEKIICATNhigTAKIKkgBCErh"
    "BrklLuRKnghBgZAFeRIaOFTCITmSQIwWR01s5F8U/iDasCZAIhMjBGM2xDmEVyB4JahSJBNw5lDIwwCq4EQAXI30AAyUFBAs"
    "gjTiabGLVYvggoIhAJRBQ/GEQENIQBAIOYEQDMCAhCBAgBCjKhCGFBPsA7nCDMVDaqOiXXEPCRj+UeQ01aQaIAAAEAAoAAQQ"
    "IYWHnBBiGAFCVct5xxb6BXRFeCn1k8+XSLMLSbRUYAIKwwAACAKJTBtKAIoCao0oh2jMkAAEkQAraAVA2QCxrQoL0odWjrEK"
    "QtSJizfSJmUUEHD2h8hBxIGFgcUZgVCKmplKRZQ+WhBACAmAASYAQRphbFISQR1bBUXIMfM8wnAVIIaBlj1AhRVyxSAtdQgT"
    "XQUQEEAdhMC5yiDJwKk7BoSpMWBDZAUgXDVtkEhyRdNImMBm4YaYpQYAIoR5LAsxgCsgACdGigAYYpoIGLUpeQxHaTwuCgIB"
    "EpIAoGBGFRdAmIGQrgdl5ZDwEyPhReAGvakJB+VEavogckTVkQUyChRPVhAquYA3AJ3Qg1iSRJj8w2gu1+qO+Vuz+ZiDstMA"
    "2EWF6wCUR0koBUD6hAuZUiAUCJKTk5iMgIj0AABgqCMErSDQSJtWvKXo8hZYmXQCypIAIgRAuH8QQAZpDxBDsLSAC+AOwU9N"
    "BVSjxdKiB6E0RjaE3WiOA0PHCrncHRzOASI4lCEoCQhbMY4EvpokzpYqEGEhCBAgKExQhAHQMJBgAQCAQACAQ9EhECQACHAQ"
    "KjJShEwgqiGNCaY5tOlMIFXy6logos/LblFYNCtoTc1f9M1sm5dYg5I/wVGTIiAJ9EUqSCAEQIhACeQiGCShBEGvuwCJgC8T"
    "lc2eEh2cR7aEG8EIlHLRgJA9AdvRbdV4AAAABA4wgYAhjwNLJlOGqBnllAh8CEuK6BxlmiiiQcAF0hai/3oCMZQBIAZChjNG"
    "l0cCAe0SJGAjkwmIgmBRThGJEYaCbAMd0WEZzvkUIh0kN0Uh7zrrl7AnViAH2o2QYU0KAAbeT4DHOzLq/hPfETdKDClkvgZy"
    "aVgzy3GhRgO1CQ8VzK5qwNGQBCBNqlYwAIPVG+A2YCZh4m7jLl1asm5EYBEACUytJASQBGCjA9KAGgFAJFQoirSmmhVVCjqd"
    "jMkOBxACERT+YMu4wUqgYAKCITAAcwBOkEMBapSiDBMISJgaEAQQCQ2LABAoExgk4EaGhaCnQuAxBC4iIPGDchaCKg6xIMEq"
    "AgDOGS8ECsegI1ASh2iGUQGAMKkskIMBp+ExNmaCyFDsQCg27iPJnyJmA7kXN4MAe8MgCACCiqBQKYGltleoNui0A1pWYBLG"
    "QPXAhPoAzqpAIACBAIICUYRYhBACgguFYPM/9aotzWyBByLshVN+jHUZEkz5WxYAaFhsMlwfdDrn2U/bNQ9dlxNGa4GJBJkC"
    "qRHmI0AGCSABAAAASgEhgJgKCAkIAAQxcShDABqqALABWUIGMoAe8qIoVAAEIgAp3oXqknDpGzQpAkIQJYvEASECUNnDEDwU"
    "EwRAQLMAAAalQnMQOgIQtCCj5eM6Z/TdUxtupcKCQT8CGUMwEDTWEQkAkcKSIBYExCBgBZYFFpJUKRkQIgDIgM5CEGiAo8Rq"
    "5IIalKngtMQYsqYDFDGTYqsy7usltqKnkvNPgRxYDSomBudAZZaqJAARwrwhR6AEcCICAj3miQMUsTs0oJgBqBIK5MQTwgAS"
    "39E/cKejvYc/6ALkBPMBHzIAFL5XCoAYrNiSs7aLctYFAAQulASGQNqUgEqm+sxy4QouWU+SB5MEU4vNAQWOkIQwjYJAAQGK"
    "LowHEBNRlQQSWGYAiksQggAJBEAEwMKigFRKo5xQDgEVAIAgAAIAAEIE5HKMQKKsPCQUg8hAIhAo6SAAjgGibDQgqogAFEZb"
    "xIUNMXobB9cAGABpLEFpI3yEFRIIPo3DJUwQ7UG1RHH20pw/0QOBnQjUgIcgkoACaMgoh1jkERL9zCB1coGSOEAEAEFnUBBs"
    "nAQAKEIHCBGG0ADlGqwx8IeEwKQJWPbjVAIMSqIQQMAttAEL0cKUG4EV0IdVJ1PpAPHAQJ4RsHLFzElNGwAFgsmi/2ZZQo1H"
    "gUqtgdh6+GokQQv1wyECAxRFoQSocQQwQGCQACwQBQRATDAFADQAADHcEJBj2pAUYiF8zACEmVwxqqZbRsAhGiH740RsuNAe"
    "XKUFEFCNiQ/TR2GkQWol2dgSdUUFAAmqFe4pbhmQAME6pAEIiJCAGAiUhwDhTQOhBYSgygNNQBcISZATQkONSZFhT2hPqwek"
    "o6DGTWesIFQgEAAYA2QwgGABAYGANYEyICoAEgNGCkgMCqEAIxCFEVuc+M6hSMonmgSNcwAUF2IbSVggh4BDBv41oKHpaPke"
    "Sp1iUtEa56aCgiJKBpFCmECUBOWXQoahhDcGU6D3IE8AAc/y2BIZI8cRNOB2skCLKtnFPIEIKJCgMinAAkcwBikMwsjCBQWz"
    "3esMEVWCuiZlKZrSBiCTGnJGOoS1EKENK4AS7gDm0gYCAAEMgAhMoFWxSShGXjBkqBQRPYegywABI+AFUiuGrD3AwALOFJQK"
    "ZoWzTSc0jv8AhC1CIQS4IAmEuE6CMB6IMUMmwWSq8IEEgSMmKhglJg3YzVmVhzSHgAgEBig+qNLkZgWQgAC4on6RLQ4Oaiud"
    "gkkAP8u8qyF0DY+tSGGkchggAE0pZnlAEEAD3vGis0kCAMjRERpIBChn8UTKQlCiGIhgiaCwCAEDnJJ7WiEiGHU2y3DNkb20"
    "JmNzkMAkKNsRAEApQwVCAsDD3JZzwqIM8UpZxd5qcLYlRwCQAEgMKq0skj0H8Qpw3BnRBCRTcgvBcbRIwJI6AEJQCqLhRA4a"
    "h4ujqVih4GYKUHGAoFAJCCwCtGNWLPvSFgBAJIANBAAAWMwAckhLBQOhJ2g1yEZdHNUa3JRYvYtbwOw7bFRCLIPDsjXKF9Ao"
    "H4YlmOhKSKCazMLGe+a2uasKag1kbgSIJF7w4UxmiVsIFEEHUSQe4wQFiBmI7FiQQpCJAAgQRkIgLhwKKabkAPNPASDIkUAE"
    "ZykDAIYREIBoEk8CAA3FLQIiAj62SDkdIFIjA84QSABrHvKA4GAGBSBAGgBIAAEJRCaxrJQMBGorxsiQcjXksMatSwkSGKFU"
    "0GIMHpgmYHEFWL8OmHeAeSmJo7ZRADYkhwLBe90LUEoDplduAhMaABYAigg1gEMEwMUjAiKJOCMQCUA7jiAMAVDSNMAAgMMJ"
    "kMzQIQABAAXI1iBQBwQKR1kADiBRMBAFkIS2FcGRiImAfUJQAw8DzsQORhIazgIGIigdo96AAF7SFGyBRKlzgiMBoNLuLRg9"
    "E1l0QOhEAQWvnTkAgDJ3IAzB3AgYNOBKwgUesmBhAG4CAGQcCYYJAFEKOAmqnhJABmiIkkpY/Wrl8FVCtxCJinPUskptXOSE"
    "NnEcwsHMIAjjtPpI0YAAIAWAKBmZvBPMgpc2wwSaIgBgqyQCjFAaAKCBNJgCEOWkEyQFRRaACGcNiAAuxCycgiHGsZAOqxGJ"
    "zVUjg+wQA712Rm9I6VIlGUioXDbaDLqJAh4RIBZEAk0BhBARpCIEAEN5BaI9mM+cMEBKkHkQEPUCiCAPJANyVEBKpgQwDADo"
    "HsQyIE2MZIIJJSwxIECL4kEIAOxib2YCIwEBDLOtlGAyydUKz9FsOAN4i/mJYATShBwFRgRYmCKN0cr8El7ACEM09Agw/BcS"
    "LiLoIdcJeLnCmdAEYdaxhADAJgCIAAhARBWgbAAAIBKIEMgJG/4SODBy/yEdZcnbCAilAuARACLIjQaiFwOyTDBIHJ3EWNwQ"
    "CgCAA0ACAF5ADXBbsGiyxJAJBIogOTQH3HZ5LDCZmgCJBiFqOnYEDEAgW6Gg8DEnKTU8AHZ2QjUsEhYAKGIACdMQIYgBAaQS"
    "rRMIMs4EEm0EQCgKTAIwQFSH0QSIRS5JKBGlBVNxlTRFQSIYgJCAWAwgQACAECfAgsWK4eOu8JTQaihu2TPEQMkdEGIOM+TJ"
    "gQQnZwo0QJCDJTXa1ks8AdjBQgLCEAQFapDH2DXa4gyHNrxrIEJsuNNB01CoiInLzM4UAUmhgEGo0PVRUNBGYmQsCZChKR2S"
    "vOosJKp4l9I1AAYCCIEAoBI2IAyVgSCKsI2OuAKE+0FSbahA5A68e4I+VQoeE/wQCCKM0OVEmFi+t770awCe5QRUiNzWcwDC"
    "SgY0tNQQCkQERFA/atbJ6XgAIXCAKAZCWwOgIIGycoqVBBXJiQICsBNMqZEEQtwWiMBih7MALjAkG8BxLJDQFkgkqADpE1KA"
    "TASwxQGRrPMJBEtDnOgROGAwjKFdFAUjrEAKcBCQMIQ4YB2CGWhVEpJi7GceCSIgggkAt9CMKVA0Z1CAlZBGBC41x2oaAclw"
    "SwCjYBC6koEmBgLoMC4pchBAx2Yky0CNECEAKABkAGodq4E6NDVVDkWBE6AdToA88yPwxRv41oAjQEACM0VvFwdYQIgaDSKV"
    "CaA5tiEaYa0A2goBRVIAugLPFpyUUAqRy1RwELjJOwwoDAnKMYCsD+OMvRapIxpnBoAgARAgBAjAwLCyvzbhY7ADnWxeh9DS"
    "MY0KCE8TbEVjQBBCghQDOFFjwvhgjWCGtNENCFAEEmfvtjMpTPeknFGZTgAxl1hqaGUaE0EihQEI+8UwBhYICBCMANLzCGLb"
    "hABjgQgTHqIQAIAUBGAxQJKIQDDEKGgCAMFARzQBANAYmUwSGINgCJrABqFeAEMCnnHeZGoYihzYlyYRBtCqJELABXQMaiiO"
    "UqfBLSABENVC5QZJGyRA0E4sv/INTQ0RYbEAFEEBRoNj2girJDNlmXQa+YMcuSLPLBrAKFrlOLEHBC0PUnwUEzoBINkA9wET"
    "E6LOzqUASTFIAlH0wgyoYVaUAgt4VLWA9QOmYHmtW9IsOOAGWiNBMjPuOFbqomuKPJcYmEG5LwNMvDaRBISmIKIBcFIGp2CW"
    "8YcJDU3WCEls9LQweavmNAzBgfsgLIIHAUqJQIUZBQJABFAABAAJgLAA+Qnx4GSoCaFBnwEyKQhfi7IpuJaQQhQSc7e3dbPv"
    "A65sqiqIhOADY1UwuMYmqXzDpfGSZERiaUEgJpCGQEFNACrBKlJyTEMHakDADwNxNxQUHWQXGESfOuIG1xSReSgJkIlApzls"
    "fGAHQGoUIW4AsBQOQEYFEx421DhgKD9vAOHAQQI4Yr0EkkJUGaUpCd1LTeE2geatLiw5OCTZ8Ld5WpqwkKg6rpxxMAhpSbxT"
    "JNXGF3OBnRRXDMw6kAAiWOKgTMIAUbggEAACFwKSBIDAs1FAFXgMywGAENAxBnzAMQBBAFAKABCUgLUAAARrAQMDMGacxwgI"
    "QwDELEEoASGACCElAgPJAARRQKICapGBICiIUUGBG6oE8KBNMI8wjBoFViUKlDic8MbZ1lj6RCtAD4gUgsBJKAFFFIFBaUgQ"
    "0eDLmipaGgylRiQ8UwKbmg1AgnyhzqhBiTGYisHWCrBAEwPCrI0ZMgUUJAk3TIa0KDWXMBRJJUAHOt88Q1S9ByApqGQOBqWA"
    "JBAGQjAsNSAkwjXcth0UCARZ8DcV4TIjUgJFFYuxQSErDmooICvPegaoMAjAAQyMgEkFhucSUQhGifgxC/KdcD2KrgRoIgIE"
    "AERpABUaAAwq/LoAw1ESq5SUJdPzyEogYiEQAmKAkQD4JEqgYE9SKHbiyACoG0guExBoYm12xBCR4oDyfBaCAWEEwQANlEYl"
    "1wDWAq3eIB5QOQCEAhJlKMuTFH+sUkDnFUYiI2WRjzGXipTG0ZEiY4AohQACQRRUBAAbkJFIh0cq0WATFAhkvowBeGKBgKCY"
    "9YeTCuPgdJwxiOLg0msPEqZFRCCLoVVRBdzVOVIIlDXgDWsLgjG4Cr4LPxeCjPoq0SDSQIRnGxYSl7IaGSAL9EEl3FAHsgRI"
    "kMGSQAiyGTTB9PaGwjFnN0IF/QAAEAgRhEBCKECAQAEUq2wEmchhGDTJCAADVgFFI2fgTRNjVD7UhMQCElaDTU/gOpQJoxZ9"
    "tLP2yZABYNCYBFEO5SWAGzwYNKAoNgsKCgajv4OOSv1VSGU2GMCmStZqzndElfEUVZAQhF43GAYHamKYoIAAWBUdgClVEADE"
    "keBClV0ML5wSBLBhOgRSQ4YwgABpx8isACQIABTBqAPWEZWBgg0DSQuMyyBYlzN88EAkjghIAiIzEUAiAIAiwVi4CgCCDNBA"
    "TAMEBBREWQS54AArU0hic7DDa1Uu5BqDNKA3JZAlZY4RNTAz6D4p8UjfGSB0vTDGaeVJIHzkBCLhNYMMQ9HDFEBAYIIJMACD"
    "DXkVfUeAQkEIMixDIIGOAWDAWBkAAhAoupC40l4mDu2hT27URV7T7UfBFBitghMCxlWAAHGSiInpIAEModMQzJFAIqhQAcY4"
    "qhE0dA5BAF0OAYr8NdlNDKGEMmFk0B4QALDUCKiIAaA77j5mWA680QIDYSweDmrJhAwmCKCOK4CIBg5+RUvKP3nRaNh1YAiT"
    "BS5pAWMIAATgseUBkCgyLzi1SEBKjQKbGAJ7CM9QJCYS1JgmISi523CAgsuQIZyWwcNUuoeyL3jSQAqCFXYVCAiIAMSyMD1h"
    "ODete1jodAGmGOEKgqaaQRBK5twCMmCghEUyiBgMLG2DDxkGcAQlfNsnqdPyrI9bufVJHlgvkqIMp1QpB0pQSwdIQBAGGAgl"
    "QAMSR4EsAACLYlmkLXkZED0ZlDBsIJnAZ5xh0Eyg1FIEQ04JmwNpXV7a9T07w6C4gJIGDwSpAiKemtcDMFVGRggQ/rG4y500"
    "FQmCA2QIVg7R5Q9wnwcNJUFbWXIhJCICtdJZxuICV0byE0qi4OF6bOk+/BfSSxQf4Sk3DlJ1nPCEMRAAA4QEgurDVfO631ET"
    "HQCpCBKnFDEAUUXE4EAOmQIIsIBAFQEIjEcmAHzIxnegPSAhUKgghQBVYojGEgCpUPLEjjEZHIZSg6G+FtZPeEHIUskc5A8T"
    "MX6nQvjARa2UNE7oiCSBCJFJwCAQGFQChEkQjUfrHECMgGR0L6ayDobHS8NWPMjASYiwfohoad8EiIBRQYRAYGE4wqjFJpNp"
    "iR0oVaFaAKUSYEBAEBGYIkp0l6GhIYWkRWAOx8SQDd8N1M5CIz0jIQa0wg1YAesksjwOiZSyWMR/rT7OuCbxc4qFUgSRAwQQ"
    "YIpvk+sN+VUoGAChAACBABsDFl5BEQqDG4fmTKLAEi1xod4KBQKUURdToqojlAKoCHVWogFymg4ckTlC4VSQwvjOcPJiQF14"
    "SFQaeA5UUHrLOApAYDgmocrwD3n4yOZbwaFgN7uPAqZiAAZBIBlIQEIIiUIhCNRCAmIcyzAs3lORIlohTr4JTsOdd/oEKKuO"
    "UknCYzsDdgKeEJhAupJAAGamY4F0lR2f0gFeSA7rbg2AQVCYRACwNhQIMYHYaDIAv2DBSZOwUHVYiAgxUI08AJhOAGgRFAVY"
    "wyLETwIkpFUADjXy3ofkTIABoAykYAgga4hAQQYAIAarflBWLRus8jS4WBYJOxBaEEIEREUCAUHAEbW0UZAQtuiMgks4fDCQ"
    "IIy5TPEhqMbQCl6kwMy4CyLqgGQROM0qwEBEEYmAIBTQyt0y690xmNZbp5CB9BitEIl2jPCBGAZCAAQREbNsZQUowjMIl9Qi"
    "WGgREBYKiZeuk9sFc0OvCwAhTAVAAgAFgAIKACgYkAzTd7SobZKtOgkOizgJCCAF8xrRB1EFaec4EAQgsBQigRwynxZEgQAF"
    "SUXkIFhoi0JWSlCNgWtYaMc2JBYIARLg3BEdGpuADnHJkMNRhgKL8EGIkCCA1CEJgzAK8pZxkfGAMa4kA2QnE3mbCHl3QpFl"
    "QSRWnBUSDwjMEYYAQDIAgF3KoliRGTq41+jOA0BkACAREtB+BJiFA6AAqaAAMUBADAZAIAKoUstGIDf98cvJhgAADEIAQCSe"
    "3r5WzsiTNF1T1lXdI6yd0xgIAAeKCAIgQWJogpiSbGEwhkEMERfXQKGaA0gwWmjOVf0IZzik1rtixUP+BFfEqwQQe1EUSBUM"
    "YAgIiAoJhFGqkpJifeEVgoAhrLgkm2EggUH+Q1J5D8YlASQWQAA4ADYZAFUR1/BlIgZY1giFpEgxAAihFgJgaBAAAAISIEYC"
    "Q0vCy5IwAIyQLeEBpVwjHAKIJmWRiFRwSeA0MgBBsU0BZwKDQsDKJwAXBtYMMEAN01hRSIiQMjvkhjY3360mHnLejFlUdgDU"
    "kciGKrgKhYUAbKFIjCAT4SOBAhoiaq1KCC0ADoIoAA0GeWEFQEAADAUIrMSCCwgU8fkZ50d269GIjwRE0TUSibKyA05txQlz"
    "BmPGgAUCEGU7DAA6qgQ+kGWAYG09BQMxVq+1C0C9NgYOgL3SitQY6LZHkDKkBiSpVlCaESFLSjIpQKRSFgYMg148oKI/MuRj"
    "hAY9Bk8/hWJQCCCY/4yMiBCAYGEzYAloABisyYkmB2IxuqjMsPRMejqBgMCQBChUjAozGvlfcHhqlkyIMRlKdAARAAAIAAAA"
    "kTuI8EIaEAgtFOsDF4hSQAqIACAAgAFQYEIEMABCABVBABLAoCjCXOpUPQLJ1njQMEIDuR0iIAoC0BiFuShOhCvSwYqJSMo2"
    "wKIAgCRDils/I6FxhWWAjJdqZA1LrV5OBgDhFMMQMIJIFgDAc7DCUBKsaEQEUEWGGA1gAyAA4ADpELJCABwIUCxECRMxKGha"
    "EAAbwiQkQgW0zwxJxExNBNE8ALBgKUgxHQYEEaRCIZAVIHLhyqhpTC/VQH/88TXhEYJrEIwJkOmWLkjYEEQSqJi/oiiDcsV7"
    "lZBKYO4BjEa1LKLtJ076TFA0CIgKggqI7Ac/k5ZKMA8QohBAUKAFSwIIBAIAghBQYYWaOAhuRpIgrp3f1LmNf2CQEkEGCCoA"
    "Axj1s4WBKCREFDDDwHSPTn3UJTWz971qlUgBIQuABJXCdsQQXfhpQUriJmiWYHlIVANUP5SyEhNkZ2XAFp0LxEgCHAGBRIXA"
    "HRz+GEUKwhCXA+coBiUzUUHsCEAJAAABPg0hStApxnEXg/MsJBHEk0Az3AXRAcimieGkuC+jsckRjiQuGCIOhkhyV8CjgbKO"
    "uv8WA1LhMWKOlRrgoSDREYaoCMEOwMG3gEUHHACA3AIIhNfhwR0BBpqQ50Kl2gjFsfJAlERJBITEgUiSwJYSBckJdgEWAMS6"
    "CBOMkwblEeJxEBsAGBCRghE2AwBYAAmUk0oQAYr0IAIQMCagBQLkQiGEgkLkKUMkAiAgxCQmQIgAo8qXrQYQAwICYjg3QEiA"
    "JAIAOEzGEkgUEkNFDFAAYHCirxBK1U7g8YOAXLIs4LsTi33nRAhCSP9rtT9fGFO9qwRZVVgBlIyMEcA3QQYIGCSOECIuEa2U"
    "oLwTKFiA2KqzWLqDEfrjSMdwohhLgEqfspMJAoLSFyQkqgjG8bbrERywYXDoorooGKpOJsKjEF5pY4pgYQAkDh46bgYCq8R0"
    "ZJ3ewZGbRFThONaIMktW4gJoqAWBiVAkPEkuwiIDSFCwLNtRj9TX6wGINBCTZOQgGw4VYAQQe9CvfimeVO9ujCPIUqDhp51X"
    "CAAACCpGsehIZMfA+cZhncGimS6v2uwX+rMyjhie0hXhZ0UGRNX/cgEgABgAIMAMEmK8GqgIEi4S3coxE1GyWhAAMGAChIBz"
    "AAgHGACEDAQdoMBfGhWIY5Iq7DGjqscj6JwKJGcVZCgBdhlkRiCkkACAAUEIAFSJAKoAAGsLvwM5hdb6hAiGV5QAYNZCJgBA"
    "sU7vzggBdnfAhA6mggAdUBq9RDngAUzeARQcaBhpKCjKZdvKoLSXmQxqwNcICAhCCFRh1CBAAEAAAgCAAAACAJK1sNTiggUd"
    "oHYxqOBtC/+DIQKPLdwVQit+PYBcCia2AIDgMCmp/MI4wkILFUFxgpDmDgsyAjiQAaCiC03YsH+BxCEC5NBWxtGhCcCoRTtY"
    "QQADBAIR4AAkBA41QJBJMhRzSL0dNpooUGgAAJCAwwUjfdcYebthFJbMEYswO1Z0PJb01WvoacJkC5aMMSSIQKVdhOZKjFwv"
    "I6L+7yJsCTBwgFDgOAJiGV15IZSbgABISgLARFBISsCAgLAQERArLU+INMjFgFTEB6AY3AWAAoFQxDapXV/rCCYhSgKgC0ji"
    "lA4p6MdGjSScKgpAHUkagClAB8jAGDgVM4LJAiiElZXcBIkmIkhkjInYowB8RAylAAZGRIK5BEoYFtQQwBTJBKQ6wNzr2eAZ"
    "BEnKgYxI65WUQHfQExo05BkPJZggSxpRYglZKIuhCQb0iQpooVCcrLGuQbp0yZY9GACDAAkYkiRFChgFggFEhEYLlW0cKA0g"
    "DYaFuDLIMAmF40wu18lTx12cwn4IAJ8gFkpwCaAuWEEJTXnCy4anPUIOMyUAVIAFBplhAERwkCAEHFIPBFEJBRKMMIhCXMNg"
    "yIACozDCu1QA8AJMGjJIEEXWQdJ1unDAQ/buzjuwHwCIkC8QuMrBIeoaMNJOKKOKpuSkVI1Or5ACACgJMwsABRIh8yVdEgCe"
    "VCDgEIJR0rFjyVPaWBkso7VQwoxg5GR4jGhUmWYkN3i7IoJS7ZbsE0g0UAwYnoYJQBoUg3/suSCAAIQmaIhEAocANymgpKAC"
    "CAWx6BEgKEaAPCARIAEpEBbYACyMLFQgyYQWOFMBRAF4pzoRxEgALGIWSiADDkKiZ6EwpZwvmhIAAAACAMABAhVYowUNAhAa"
    "EQjy4ABW+EAgA0gDN0lzJyBAAuSEYXWvXrtb86scoaKB4zf2AGJQJrAjkTGLacDhPz4nK77detYAU1EjSZ1dJBEAAHABIgAE"
    "SllkKNSXDLZAQQEAVGBUKQKdkblkIwpIIexbVoWHYszHDB6FOV7vdQY+QQNSWwKTjULFUzECZaBkWileZQYewIlsZsfBLMer"
    "ABVCUIwEgCSWWCRAo4BRuyqkvLv1pAI8QjxEeToaunSAjiNtAiQYkjZOSUfORRx9DGAgAwKCSkCypgi4YSkIgEcBkD5yyVNC"
    "IoKwqUwBBJxgyJAAG2mJSjPpM0iWUO+GBAgEAg6CMSMgIhkKUb1gIKYoUA8QAIgRQlMFaB2L/WjBVBAfAMwBZMYE0p5NIQon"
    "B8Y0UVbIAS4mUlyD/BSMobNj46YKCHNSFMCqFBAsVkElmtAgCsEwDpEh7EQk4CSPhFVEAwAB+qWeaDoKIYPyaZzIZYSy0wh0"
    "QJCNKRsMBwQZKAhFYLREEAABRgyjgKG4yNuJuUAq45huyjkEUAyUaFDgGsgyxuX2EjQAqSo4bLiOCaEkrEF8MpBQaQoooSsE"
    "JBK4wD4XRUCYuMRKtbxDKggDRGQESIxaRKcAlCQEwTHU4EY7gACACqAiCRhQjCyGkxpZOo4BtroIEy0BQ1rhhdWggFmI95eY"
    "6QgWF1MBgKMANCBy4oi4SgGVAJQsIRMWCByLKQAQKMQlwfNSzcg4SsycFANkOBBGBQNXIEx6Gi4lsF54/HU69UlozboeQRwK"
    "BgFBCaEP8CxFhmDDAfJAUyBYTAAIx1aA8kO8SRuMAxYvgZkikGKEl46gRnAhgfF2ozgGlLs1JcWAa1AnuGrEkm1qIXTLrQwG"
    "YqdIoM6EoymnzPocSYkBCawMAQIArWGYSgL4OSliEE0SQGCdJ5BmNCbnsmL0pQBIYEIhOwfQAxY5OCxCsQTAtBDBgwgACCgg"
    "G4FIZtUGRNomPO4EeyAEQMGESGIB0RE4xBJXhECF0AQlCBIquBJE9ISGPNpjgIoZAIfUBhRnwBfcahYsb7FiSlRQRMAUpAHE"
    "atjhoVSGdgXevCmX92Hdc5VOqGjQJvjDIIPIYQQCnBECaICECFSHgAoAFAQoDFEHwBqKLGuf2AAlhEZcAhCggpAmFBBzOAKh"
    "gBAAZBmgghCFnIIilayM3r+4IJnNzPBokiqqUOsdGwDrVBBBg86RDEAAAyGgJonklngGAEoJkKUAgcIxopbPBQAQEDsBnBAE"
    "QDyhAQNQAi/tSlOTyEGvjCLKJgdKHJJxnkDFwXYthZBynMU0h5oqwwXy6dFBtLADbeAfgQg+IELMSCPliAwERUFENtCjFiLG"
    "GgMUROCAHILP8uswSAhAq54CAAkGGXH9eQQjgCAggFQJAiCAAZYcGOlbK8fwqn3yaKjUE93rDRnmJwiQ4yqUyBQSicPLN0Hq"
    "E7Azn2AgJ3GEATCyJIAEcnc+/MfCACVZFAANAWELhBCXsrCe1K2AfqGGCJYBEQIIileQYx8JE7s7J2ECNBGJCkELOlSBYIUq"
    "rKdYHP6oPuh3mrOfCKKDASEIMAAIBmBISPB1QJ4HinUXEiBBhAMAAgoZiIKM0AQDDEALDBIghwAyYazEDvYKiBHUI8LSWGR0"
    "aFAAAQYIR84Rw8RkwUbgamQgSMQCmoSBEA0ESUgAugQQTUyokRPEGxQcgBRAAABQ/zTSj5+Pvm4ABAYIFBcIpDMCHzgqmVl8"
    "AQJCQEICIqmqyRlkvWCKRC4tGEpdAFYAI/M0iQzjgskcAEGBxFAA5ZvQl55nVirYycagjSUw2QYGFgbABgQwPSLUnlW1BrLd"
    "JQYC1agoTjzYqIRgJDhAxBOF/AADIZVxQAaEipPIbBEAAAoEaBIMQNGrgroUR+y3ktIQqqEIUHBgAIgBiRDKF1FQwA4IJBAJ"
    "+sSSdirOMvQgKS8QGJMYCEYaYs19gM0yRMoZAMAAAUjBHaAUkBITdCYIrHyFZLAkAIAk6QILFpYQCniRZkhjgGyYziwHGQDa"
    "gUcSAIgEJQQoAIAAZQhQ8GszQoER5EbqMAMsAJlUWGMAwQAQAABCUAABahAmmr8eRQchABpAqChWgAYpDZNNMgHwMBKGQEkp"
    "TKFw631HSUVC5x7btsnBSQQAYIKCgloDNNSgozNgwICcaNAMTuwaMQE6iKOUUIWF3E4SkBQOGgBCBGhNZhQ3rhA/SVNUZZQg"
    "MRdKsORWAIiRcCqBTKB9hTPmgoxzoUUzpYRw97mCxcEgTACgShQsAIVpiCZwQQgITggCEMLaZDZJe1uqjPlQ+gCQWyA0gKgM"
    "wnDSyAUgqpmRsrz9H0oy5oRm1ARWSZcpwjm/Zx4moTnAAwCyoKIpHIADkIKAEQAUSDxQPxEooCARUSfCLSFEhQwsAKARCEAB"
    "7+og/QQsjF+SAACClRIrBFDDKRqdk3vASXmAAAAJyCFlUTq/xtSsWTyRZlg8NEKMHSQzjTaY+ZrUHnpIs2MxxAMAAkJDwFQM"
    "0+iakojnBC3BLpuoyYEsDJLorlqqxgQCBxlqhDUAwSEBCAE0QAgDAGUAABCTAQDAwhDYQ5iQQJjNYQIsRAmZUuGAoIhvkKOB"
    "seRiBSSMUHADEIO4jKQghEAAmATjgIUcCKBtNQQCyGGhSyiUhjfmIQjIwCVKEAxjDNnBVARYUIRgBmMjLTRBg8KDVh4yK1xX"
    "o3H+SgkkVVlRsaqImRJAIgp7ioxsSkChyxiIAJgERgi7qAFAiAAQmmcihQnJ7AUQE7CfkeFYSIAUABLYUCrX1xghgIDo4GPC"
    "9QD9kVmRcc4EA4SVqAADGQg3DJEBESgJ0C+cKvCBgQcAQLAhAACAFoIEZkqLemr6wiDRwBgTAhjxaCADpYwDGHnQ0mUgGCZ2"
    "TBptCBwG00FEIEAUwxQhPhO0XDCKQZkJwlKWIASCAFk7mwRRYP+ChTEp0JLtdrhIE9eSm4oEhSFKQBcgrIEdKQucW9td9uZu"
    "yMEFmQAEFlDKFwpMaBF+3hRDNICMABwBGICq1wDMAgDhFqQEPJAIzWUgJTYDjIXSAUAEQHAxhE5iLAHTE/GoNKgEpAaWTCnD"
    "XhYgpTHVA31oGrv60pkesAAgIinXAAOJgOG/DbYivUOKEgScQhAIcGJcQtuNDsphNhRG1GAhRwVSgw1AAJBA9CeghCAKwRMI"
    "gBhCJwyDCDjCeYkQAFkACg6AKTBhPkMwIaqDYbYkdAAxXGgJZl5qEeFQoQHC2ekOmGRheCiriyypMMwdmjkMUL8wklQRcWUE"
    "cmrQYwOdpeAPiEE4gKkGXBJU4UkAiAeBrBWuCEY0QQxBEqqUoAACHsq3FENaDAdO8AaiwBEBCESScQhoYmoVRmkhA3sINSCI"
    "+ySCzwpbUoSBEABfEuIATEKcaZEAYwGkhxThQqAAVExSZfdAZE9+H4ABCJeKYBVyI0YKDKQIEgYgEEIAgBJ0AAUaQSukEMNc"
    "QxAAMA4AhCBJmhKgTZT3OdIAihACpMDms42jABEHNeFKL4AVWBBECdGsjiIfShCXkMCAbuEMEOKaEYzlyRKyrSIKuKACyQAQ"
    "r5NEwQhW060rZYs4xx8EPe/ltNJU0FFPFNxDESCKvGKCEq8WlLjQIoqEsPEpQQIBIkR9C2MFgCC1qGNwgDAaslW1MRZ0xceg"
    "UGSAngCjDwJ5ICg2QzUomBvJBJF2cZtUTBJSJZ0aGgACKgoEEAAgAOD84BT66DvYgQsgwAhDiACBUEDY3lqfARuB3JFz1Hmg"
    "rzkENBOlm6HAcgERhOkwkGFLDkU2pJwOAUQERJYOIQlBpJ0V53S3xYIAOoQOG0K1GIMASCkAdgAQegR8hNg8jyjyDTQ0BBna"
    "AS9qnxCYK/wAACjelCICACAEAVCMMACAFWNIKEMg5AwQYEYBlmiMGMWRKQSFSkAo4AOSiKQloiw4ACdhJ9lGAOMFClqEhvMd"
    "CAZHTlQLRkI116MUIAJQHDCwjDUFAVBAMRkEDl3PTAMBABCFpiFACchCygFPjrkCLPmbAYiSBzSMUAZDMmaQI8EDUiAnEyGC"
    "S1onIaIDlqsgEIQJJCMhDGgAWIYXGgJQ5VfFkduEienbg2SFNEEAD8QVAEGCnKiBgFAgCNhMQILOu5YI48qgklABVSLmFnRL"
    "Jhrz7F3BAQOSQyYSbgHoIkCCuQoCjGzUKDhqC4mgW5jZsA2Dj301jCIAAHQcABAILJIIWMIsicDnQyFIriiAOhMEhcKYpBYN"
    "DHqL+brNBRFYPdPYQosI1VHN++hiiTInqCMms0EgA5g2ZSpG4ZSjfU/0K6yWN9q5CkTMQOFGEOEi3gtBUO9VAMHZs0tiSANb"
    "Z61JoggTc81UAAMBQAAEAqG3r0Ay0DEnpqgWCFyM9BUACEAAABA0ALwmdUim4JYocciQij8e0LXBIqCXUBMxDAIEYZ5F0GpD"
    "pdPrJP+bYJMG2JIDjWQ1igwGPfYeCoAIAA0AAUQYUGCkYlYWiLKrC4gaABTAgVOQM6iYkyQJgMFA5YAxIYgTtAFyEdWQcAYO"
    "ALgkKqhAIIC0hKD0YolX1yqIDjF8EdThF2AMTYjlGgXAxREYBAkRnTAIAAsAABAoBSxQ5ABAO4YMGBH4ICJCMBACAEF5SAQA"
    "gDSkzFssHcBPOpiKQLDRqACQaFJAAQWMDQmGw0C3J6lGEsTFxaZ6EsYR5cgKQPV47HVCLhCAUJbTk3IIDI7CqCxIIHIMVABx"
    "GBX7kqgf4dB6JBW5mdaNAJQB1FUsNMmgFBAChcmABDCQIgAgCYmhxBoGGQA6SAMQzzA58gmCwAYxdiGAbOZfXCAhQJGKjJmC"
    "MHKCyEH/R80KQgYgEhoABQUjlRNMBhD+ZvhWgrx3YpcAJQDBSAC4AAC+AZQAjgSBhEA1DGktDTn/QBbOeOnriogEADlKIAow"
    "BoAQxgAIRwDwSPTe3sWcIBEkATJsrqzEIoNCWkLEhEEGyIKMmSTwB8NfCw/Sku/ZHbPCEWywTNbe6DV2ceNhgV7flVzxJAAH"
    "aHGkShA9EPkvA/LSEdCBiaIJAIxLPCiZAIAgIQRhAEboIyTNxLnqFkAQsLgEUQRMkCEAC3RNJi3Eswm1B6EBB+zKs81GsVVl"
    "MEwMq0BsAAj8vUwiRAXu8Nw/IChgCkJ1RhXXQYbnQoEyBAKxRoAIkltwDAFKMAAaGkoCzXBAcyKG5IC8FA84gh4ASQqMSlmQ"
    "ShPzoCJMwyIDL5/r9kOI+j5xhPoYhcEoSWU8olVvChTSwAMLtBi0yJDutXY2ko6XnYEGAQInE6SYIFtrFQcWk22kmrbQlCI7"
    "qOiFnFyhEFVgEBBhAFwE6BIAAAAIACCAApsyRqDkKQDlpcZj/MquSFgQODEJu1VQQWkHxfD3FxUiIgoK0iFBNJuhhKMYcdAp"
    "IgAAJgJ27AJSJcHC36Xcbq3QLdNPtjIOs30ijEKNcFHAOdjgaouDiYtCjrQEwRSZRR9DXK/FwuYNyRCYAYkMlNqiCA8BdSpB"
    "M7igAg53VBKMxAWwIgymyCa9R2P4MpuVQKAgIBuDwAsAFhEFAQyIsAFJAGLCgAgwAyFzjWCcFhSvR0vSTDE+UEKcYByCghQM"
    "Za6vJL5HeBvIOIRgUffMTMDB3TAXEcwCggCEgKUUgMgxBQICrAhIIGOHDDpoorxuYQsVNdIhsjHBAEJgMCAEwOk6VV8RjXJa"
    "BdQC7ECM9klSDqCghgIIQFDrKIGFZVGgUcEsaXMIoDtX3Aqg1slEwWGixWmQgRyhSqtDwCq3fTi5wULAkAQXXUZfECBgC2LI"
    "akqkh8mRAACKioIEUkiAecMxoqiIo6s1QIPmCUIggKAlKJjUBKn6RBOBCEgEPCBaiN9GluRMMAGQFMI4OhY4FJJDWrSNAEkB"
    "mA8pgCTxQwgmwAhHDkUYqDnUBZou5LdyoW4QxDEOs0CZ7lENUSNJCRnoYp0QPTVJ55OSGKlLy0HtrozY6RIub0ioAR4pCBIV"
    "ABwVUAAYQIyHBQjCJAEAEg6HYSkG0fN4sXMcToTwNM8SCWBoQEBmBBDBApCExBOAIEIAwQAJMAkJIAAJIAuSNTAAABAvDJAR"
    "AhSAoWRSAsf3ilqQY4eoDNmRjwQ+5AHSuJPWcgTYAtE+PUSzKHZVVIjDEBAQY5lYgQQEyBERgMDIOEMAAIUCgQx3MQoMAQAc"
    "hQjKUyqpYAhEAAInDg8NAQQFBgOIEOAIEIGL0qEN8Gx8IDoFqAVHVh9AgbffMEg0WkwJIQOUFTC84rf89mw5x0ZZQGVEHImM"
    "AjEEQGIDmXJACCABYeJBUMBBiQDNIAhAzZjKnEKUhEaRzSBkYE12EcjigAUULyIBn/h83oSAhQsFJAu0BIgZRrAQvIQRjx0R"
    "A0AZvQERAAvGw3b51x1hwkIomDWUsCaJWKAJBggARAAVhkYvIIEABMAidOUkwcABUl0pnaJnSYV5rbpNXJs4fQpMAArBpANK"
    "BI7kDShFy0IpAAAAEEBAACXCEQIAAEUKQElJAIBgCQCmqbPx9QaiB6JR2a12e1Ha5tkKSiAQcRRElS4PDCKJwEChAgRcSntL"
    "oWqFI44UADUILWYDMIHeZspCTAGxSYAEHs8AABsAULBjQmAAYmABfXU1M5CfEhvFvSRbDJMBicGunRoEGAWCLiqzj62WHeHr"
    "ngyFUSooEAQ4QQuQEWRBAkFigMAagUaCB4EIBhgHAqspHYDAswPEwBAAAIxEkRiLHJkvggwRh7p8luIR4IEShyTZX/EAUtFW"
    "hLpFJpRgqJFwZk2eK7Rbg0huwA/QRgQA8E5FTc3uQWMkKgzGgeCwASiCCJgctKKpQFHCyz6RRcYJDGRbTXdBjsAQJBiGMkAA"
    "CE2WJkAlLdsYCCjXrJC2uST0KQNxdsINQMPgQADA1gm0AgBAABugCWKU+QQYEDKYcvLQGAAggVAlFgBYgqQNRIAAT4FyAAAi"
    "AlOrFlVAscqBdEAAKgq9eWEIgABBAACn0LCFzZFlVKlXhz68uU6oKsOCTAGEbAbYQBECLcCFACAawHIIEQrGJGMGJD1BAMwI"
    "BIoEdSAiMCDYzD5HQJ8GgEABApAQAsCACEkRCOAHMABCQAAAWABAZHJCkgI/DpAcWADF4m95jKwhx4BRp85BOe7tL0OmOnue"
    "KdSACA1NeNSqjyjjTz15WxVkx8biVwxDILAsUhILCDRCJWaySG463mIL3Gce+EOS4ygzUIICAUASOVMxs1If6IwoQTELAAAh"
    "OEQPVChAUA4F2C3xYAwRwkMLRYRxEZDEUQgxCgIMBBzd4J6kLzeQmCKABVgiQQNUAmqDaMQhESU0NznUd2CiVhDACUBEDC4y"
    "qKy0C+VgD2cBBkL3o8iAKu7mBUwS0GQCP4ZsuvCwTy8qpAQUGBMmVREACQUD3JQInawU8LaNwTEYAAu+hBEALTPyGhHdKyIY"
    "BgGlUAXYCCAhZRE3BSomOEs+glpUmRQJEdugqjDPAFZLMT9G1GRWuCj4CoAIhCDaQxgumoCIAoRWVqIEMOAsPFKyJYCyDB0y"
    "C2KZiB8aCOAfEZNlJQQlBnF5QGanyjSOggiINDTRUK4QrWMAAUEDICBVkJddQvCtgMggIQAkEQB6qzmp/AKyhAUDCQGIEABk"
    "E7KictATiuIsHhL6F3ZkAoNOvRcKvQqBDBYARgAIARwG+WPNgiAHBgoOQmARhLAABSQkDQ4CVBGtgCLAUTIhOQhJhvCwVa9c"
    "IAIyouCs5IkiDJd4toMpRoWYoCU7EVzFmHgkR0ppd3eAJMZKgHjAF3tYubNMYs4roqaAC8QEoQdQAFV0DaEmAYAid2UAgIMn"
    "MAC5AzETFHFxp0D95O2ORwTCQaz7orDZDE3DgIN1lSSAACpxxRRQACkFhEeNtugAImw1UmKfYQFBQGAMIWIYAAqHQQmXmChn"
    "SQCQAAAxBAD0LqfVDv8tDQDhgtzW5+Nw2wZuCZKWRL3PH8emME0EuAVAoAB2ByaDWNGRDzFbKtTCpAhFoJhmxgEgBnUGSUeV"
    "vCHBRgJEQAAF+7iU5iBctABAcAIhAEAQWPh0uQA1WR4lt2Royc9FNMgFDSCDTAoIrwkdVafP0oACSRaEFol3MIOh5jM7LK+p"
    "YoBQBrZMA5BQMCsjFSP+ID5IFOBYThVhNqCgx6ONRZi1AozNy9Qx2zEIHPZcVJ8ADD9tmSAYTSYBDgGmjN8D+vrmyfLO24Rn"
    "KKWpNZCRFXwNPQgmQJr3SKBesGo0S0orx8C3Gxte9sMz8EsBUXYjDcltCBRs7LACh6wCgLgMIVkAKG4KYoLES+EwrlsxNhVG"
    "k0eAJRMMnQCGgLRGKDyLGi0W0NYRPG92AcUg7UvU4pchZOnJzRnFylX90RspPSc50CtqdMYdZBFG5dFUYhhTCzhIRwSwGN+2"
    "jQAhERgIKIAAIZHCRDGqCCAAlgZvttAMAMMPwYeGiHH4CX7irVYvCRhImsKlpGqkAurDQLS9sGigAtVCTLEOAsFQgBjLlik1"
    "AAwICOToqq8HACIKIzgIGBMwkdmSypUtTKBBzotg8ARJmdMgTBLTVatARS42fiPtuCAGsSGDaosRjwHKqwJND+6OWIMCt6QW"
    "I6goGYBYkLiYRIERZdyBjncgVEUFEyRICwfIBFpTRIQYGQwmS2YkmbIZMjYqGAjWEESDABgAA4xKSOnSTcIuhigUAQIAYQAA"
    "BMCnY/URFqpmpypTQwSELMTgvmOIHCjzIbgyLyGFkgFMojAQCKESMICzAVBYncaVZ4IcVC060lpQKt1XEQJtC5yqMjSRAUbj"
    "MiBygC0EFAgiBgABc4gRAGsHYFQBQUAQhlgK4bQPxDFQbABCwAgw3AP64g9I2BlAoohAQIdAAhIEjGgHovHK1yJRFQCIIDhI"
    "chVmGkgAkIWjUQhtJBE2A0yMEhlGlckgdTVHkdv4GEArAA0CEBKggmaMAtQj2EI1MQyQH5JHujsBMs0x1JVMRIxpGEALBmoy"
    "CABQhAAIoJiAnRGAP5QoPCi1QwgCwkUgkKg5IcQgGTTaBjRVIqYgFNGpESg1HWtALAGE8MCk0Qlw8hxJABoUExAEMAIEAAAT"
    "ISQDyiL4MEqwJ4KqpkhoDaf8MumiLmqTPAA0hoIQUAkKThgCKJpLzaKCgItgiPRstKEGghAIRCEwRkIzqi+s9oQMBBZIZXcA"
    "HlyeJTTAlZoiCgxiUFVSprCwBZQh4NJAP+4Bd3TjyxW6F2tpQpH94vH/SooUQ/MFQBpIwsEBqpCoBcAKoIKgUaWJgEtfWRoD"
    "AUJjJ4Aqp+tsxBKjCpGBiUMHKAKgNBDIAQwA92idnGIUZgAbBRBREJnE2AyBRSYAJVYCEFMqFTIA4BADkAFGABEVM8izIQTB"
    "iVhWoELVgRgaCFAzhMAACCaGbupdRXIzB0ATGAgEBAAFSmCol0h0cEDCxsIaJEZygmIKcrHwDd1grDJo9qmJcACahAh5AiYC"
    "JN1VIFcCUVRTALoVZqDk+si1lI13CbCED4FIGiB1IAoCoG3jiBoIGQASiDAUASAIoAJIaAAACQBryYyEO62EZwILggIREZlf"
    "zCEAAoRI1gAIFKYoAGyMQKr08+V873wBREEEQEGAAAIwCQBABiMFgogSEuCQIgphIGRIgDwRiC4tCYBKAIygMWFE0ICAqcyq"
    "jFdEQnSLAQFoaLUQkqZ4uKsmlKc3HB/dREAAhBkWwCiqf4FlmaqSyARjZAgQpSwE0x1eQEg2EUFo4BUhYEKACE6A0uSgEBAp"
    "JDFKGAtwSkgSUKhZBPKkCwIFEIgoEIAcjNAJBdISiAIdLECBqgR51E1JvTFUkbUkPkz2WeNgmCAwoxAIhREBACSApgDbHkZA"
    "BGxHpYSD6UpDjAtAEAuICDw5jcq0X2CAT9TLGS564XocMGQqpMqV81mBGs7gpGfu3YUIaIJSiFOiKYQBWhINAARIgoABJCAG"
    "P7eWr6n10JRRICBBsgEYiXJROSGk46OFEgqGcaMQRhMAEOGdy6LMbQKHIIEAyigA4+OgwsZso1EzLQQUBUH2BogGFJAIAI8I"
    "JhCCVgKCA0AOUJUoAEKhgCiiAsWCWEDGaMUwFUq8hGV4SG4uxFBMBVAAWMwMqyEpUKU1+MoclKdjkBgWQXGMAgAAAqmAOQgG"
    "gGgLhIBtp7HAxAURBEAgGlMARugkglkJkqIYRrrI5eV6od1QrqU4Z0lSms+ITTraMhEmnz4nOWUyAOe8BAAaizIQYQAAQFpd"
    "84jSACvD4wCnzfViASxB8DWYjBgJIgRnHgH3yIAJ6AIzRgACgkCEMkwzVCNnxsSgAIACElUiKTAAFo4L3mybU5QEhBzBYROT"
    "Novx5rV0Tv6YXBC9dAgCBkDAAFCSL8KFWIQhZUDSOKiYKdzcDQIIUHIA9uSB4xiQJMhow0AQQAtahpmoQKSHDiS1FritI0HD"
    "ZG5mu3xfjOUIyMIQ6h7JWVLIgCQCZCIiGKUmhSbCJqJhUQSWTCWBArXGBxQBgqDm5aaWD0UKARFaThuOx7UtdQyxFDeMMBZm"
    "AWEQUQgxgAJiAIIAgOjgHQjGBGAIuKYBMlBYhkiCpMODAyWmSn2vuBBFhxY8OhuQOYRfJZic2uXUxi3EXaJJBgdnhoJkAiU0"
    "AnpgrsiXiT8BMAKcAB0gBOOKKdEZ8gzIWPXZmI6MHmkNro3b5YQWCCPEGSi9veBGoKoBEUIwE9DmUsIkZjwAEABoA0BAqWBS"
    "ieU9zhSAGQEUSQkDFCQNMDZzCCm5CXk5CP1KbzQgloqjATZPDZehsAPQAF0yycH0+CACCpsAITRAqbAIxEbAAgqNSATAYCEK"
    "EsGKIICYQQ4YXAJKKHAJBBKALCQdRg7RGgSrcQK7Ai9ABEZIBAQMIHLHJSMECE0yWq4TYMSBioilLAlwFMUkkpkQdNCsPMsx"
    "IXIC61ttk4MMoBAIPIvMRYBFIAACCCCAjADo4AwnQSAgAHRkMKIaUa1LQwJgIpg0lCEACOEgSBwiinF1w1S2930FYCrgQwAO"
    "yUyJLmAM4qA+IJBthfKAlTkba5Ro4iEYabarZDBF+jRCFwMrggqJA4zpCE7JaJEUAOBMEEAyMS0WaZQTDBRZUIQCCGKhAgCB"
    "FcoViByEhGFgQD6goRIYRVPlpnEXuO3NFREEEJDWQgI5DJbpO6dqsgBSGtybKpKqEiwk9by3omTsW2jIXvcIrV2Jhm8RxOp7"
    "eb8hZbl1GHRLkkcFEQVyQMhE8IO0AMFgsEO9REuMXAfhERW4iFAEArBABEYIGirMQtYgCmCiRIUxU6JwdAAIENVG6RKf5AAJ"
    "gi7VkioWngOFIBzEZ9IQgZZEKJEgbCg1pT9MA4YFvhIIIJFyNH5RZaAxEBBgOQEcU4GzbkrBENA7+CugBwzKrbMzY2EyAfAl"
    "13dfjVbmYecNBuhxYaCdThIACAAZAAAA2dPZPXevis4UABKqIElzgACggIQEJIAZQEPg4rsDAPgIyYQyAsoACjQhRchFALGn"
    "gTYQgCG0qzxoMqAAQiwAV4IFwp9bobMIMtRJHgQMCtd3VepigaBmAoBeHILcqUITNpp1yS7UKSIPaMEIBDUQHLHDAdcIAn8E"
    "lOWHLUAVD2DMOmOpF4SgZEIRFSFA0CAsMCqngALQCNGX/KalhqCP00QNKOOKyTAUQxwhYeCAJ6XoAA3BVeTTlUAaFGUARLkk"
    "4AJZQY4CVVqnP4jjqcBT64EB4GQYOxQjgoC8hvzkAATIEOhxHCvkigHAxAFMggABXuA2GUPVNyRO6Wsc30iBCDkhTUpEZLT5"
    "MwA4BUCr42ICIAgCQCANRxNCRoygLtMclUBQHShKxiFBCKAAkMhnAQKEr9DQUANBZ1ZIi550iLy4YAXFaaFrPF715ZdnabkG"
    "BgGCmMgVB2MwQIQaIAisoqD7rEPzG+Eouvg9fhDEs9ioMQMunhH4Y5AEAYmAQ6A7I1mISxlV3fTLJyoO84xgFEjy2Nzy4P7b"
    "IYYlh1LLYAQzzJFEo4I0YEGI5CgsBKAFASSGkAJB4TD/sHZCLACnSFEjBIC6aYAAxYOGNXwiJ6vIgHBCS+gCwS789ADGTVwe"
    "KANFaBEGEJDfCiWIYaOHASguwrxgiAorwpKzrKykOOx2Q1OK9ao3NSikEXU4Pi2BSAkANkBOhdXIKjVBSWR+Mp+/fgACIx2o"
    "g4JgkpOgGHCCP7xDAiCIk57gVEgjCyCksTQETBdIawWJ8vfIyoIUHiAc3QkAoRghIGSFMU5xApLjMjXgC0wTihgfCb4B5W0g"
    "ADioAQAAGCFRCJysrsAJCiFM4cLCjHwRim+iPtxu66YCgQACqTEhAgtWEAOsRmAgVVZXEp40gjKkDd8KOXgigpctNusqrM54"
    "QtgiXixGuRADDlQwAggAUEiBvjmSMAjlPVAjqHqLYEUBAGykQPpBGFUYjchg7wP4VEQgliRkkwRgDKBMYeloIhk5jRGUKZ6k"
    "c9/i8XR3hBgACAUpg5SBQT3AGQkEjPyLgAhZJSqgQUkFyuopUbwCJYM7iYxkAeKAGaZgBWhHwZ9Vu2B9H16NtjQStjRQwjNq"
    "AUUMATD9I/bG465UnJUX04EfokAQLiE7EdEYBwOhPCcTchkgpgjAWUmoEMDEaaBINGQSdC4hispUIAw9NHA5TQBwGDQEANwA"
    "j2AkAipp6k0Z4KOG+zBUCwQMmigETktuAgCAAEMIAiSBGgAAgqC6cofKZW2BJ16wJuDgAzhgoAEFa7Koho0AhCQUSoBwl9EO"
    "jhuqvNXpCL7EJrNGFEFIcIcamYyqiTeIW2whgassQjFQxnh25DdZiAYAiYJBwy4hAbl8YfNs4Ustgs17JQE0QMkwRgKNkqiw"
    "AMlQiWQFDOA2BCOQYJlB57wABiK2igODuM7Z+ErQIpNuVrBTv8VdWOgrFFgAgKC50HFbNacLIFsDOEsUFe5AKQWhoGChvBJC"
    "YRRIdFXVwRZSBCTNCAqgDgAEkgECLaZQekocAQAoO4woBCOEiuJpSjHcCI4xQKnBMgerWpS8hNRLL/gqBOSTopTjg/aEnyQ8"
    "dFTei3dn0jujfEyPeGpA4q50N8VxHyUq86oAZ0qWmAFaF+SUxIlGBQSIeAww7UOGJWcobu4vHvRo8QkzToeALqFBJFgQUAY6"
    "YAllAQQgziHDnHUivr6WxUjpkQeQcUmJJoBgkApE8mQvEYINAaq4bTEDPDbSgq0J2gAAoIdskEm7UCCt4GlwjjewiWKDA0zT"
    "ApkJD2DdCm2gVSiJLMLhYaIVYGsrXjaSZkKi6HE4QiMLAgOdwP0gkACARgcPhlCiISmgERuwTKqSUpAQWCj3uQaQCmAgIoCQ"
    "MQbJNAqMq34ABQAAIAAYgA8oByJmISZPKjUaGPJUSFNXUYKlIplWUbDIHsbQRQj2RH187LYmK8PYz88fELTGnMjlMAV0RigI"
    "hQGPEQ2Clh+gRJtJ6TyhQwkB4RgLEQSARmwhotdCtiFYZTScFxdg5qrRBKlg4ANy9nYWij6CEyl1BjJSITyCoIqhQgkwIAKC"
    "MQ6xF0kCzryHphA2gfGS1FhKCBgoEZIY1Gk1tcLhGF57T4LOBMQAprSEd68zZdGNJCHEOgwQrBX8Vc4zFXocvRO6oADgFsP4"
    "QC+IiBRbUbWyRYCOjTBkQQkAwAABgABBJF3I1YACBTkEdEEqAowh4SzSVa2JEmohwjCJBV8i1FkIKAQIKBKYYBMXYEGsDkwI"
    "IgAqXgCBYWnFEYAUESBmKEzI7eOQPhBEIaQlIwoAwTwVShSwYlI1PEEMDrrpWHKrABRhAAGggYIIcp0EK7UykbRAojaueArQ"
    "IbltLQYqYUGdB11Y/AZJiiQQGEO5MkPE+MkL/M4zCm+o1GsBHMAY/ERBGSBYiUDSQAAQgAwwAiARKFQEBgpp3E6IocgchoUD"
    "4NENUAYCMQIMBOFQ0oRVEEODRDQwCWuUkJJfaHazgpKIOCncYAOGSw4bqzAAARBFwIATsiAABBIjFHIuzsLE6gGpziXgIVIH"
    "CAHYgQDQT+ERHshW6FSUtYTAyBaAGVaV0hWFsnRrb/PibLjlFf8IhHwQAMIIUEcIqLaAeAMnmBAgA0EFErYqEyVJCpBEQBBc"
    "QiCAchkB5oGATgAIAAyMA1gWXLY88U8gEgWhciCPtPHbQEqljgOBugCGDzEgweGKNQQQyABwmoFrRND5I1L8RmTRZCiwF1n+"
    "RoVplW6JmGRAy4IZa4xOvoT4CANSrcR0CIDkAqFQRNAodgMKgkEACOMvpQFCBRugJUtr4QioodZYMQADQAN1SVLzkcFCIALx"
    "8uLPopWqSxqAIKrDoIRok88u4QAQUIyHui5pBQ34DJYg0YV2lfUqGJGSyERGrNI4lfm3XLnrQBn6wVuqnT5ocoBEEaRpAUNo"
    "CFAFABAiAAQXJFJXSV7qIsCcYWCNSzAgQECAAFBIEEqphJ1xREYZhc4RfZBLy5gGGqB0QjwEC3dIMyAphuS/JTF7oAOmFrQ7"
    "IHGH91eGEo4wJtN3k1Q6k0QDBZ5xQERAEAAZq0QASFCAwaEQCEktCChSOZwFDBdAkAoBAiBNkECBIqfs11AhDgAxAAFqmSaR"
    "ACSGKJFJBpcUggAgKw2CyB5DZItpwAk0KF6Paq9DutF/yDbMTcvSTGoQEwxkHIAdqoEFAMg4EQQfIbpHMGARuQFJvtMAEQZG"
    "IGDIxEfnSB4wVDBJcCDgYQgpXWWgjCQAFAmSgZAv0BcGuURUiBhEMQEAARfEEioqRMuxQin1pQXB7kQiWxAEOsOlAh4zYAmZ"
    "Bh4hYCCBLwXaXBYZQHCjMCQsBKgABQYliItuVcrCa8IFrjlpOOvgE1oaJA2CMBIkF8Kz6Ww7WFS4G5fBTa0MTQnApQQRgBi0"
    "APwAxoCUgqRBmBTCkRBjEPp/vBTyRGTAHhQln+xa08MAIi5AUJpWChVCOAxU7QnxlvRhEJBQCRBAdgZMEjAaWHRIoxqMqJCj"
    "rCP6vVbPn9ulf6g5KHGOfJBIQcJIERCQqKoizSJg1DG+R3wyqhD3k5RApli3JAZgSVKDxiP0AH5AIgL9iRooCwkDlG2BWc2c"
    "aXzWBshTYR40CpgnsGwgw4CI7BKIkJEWm1cNAgamJhCAkwIIQEIiUAKJKERgJkYYGQsgPhBTQTaURiIBIgDSALD0HFNJwHPo"
    "cAigTfJhBjaCwhC+EAgRaCM/JkhF+4pMBKVpnFAJwv64NDWaYN5UAGACU4UTtKGhBWUWrG59rNsQt0SGDITFW0whEpPUrqBH"
    "XwIeMYmCqABjAjkKFiQoA0JodBDHLYFcwmFuxToEg5B3UQs8bTSfY0EvwQzLhjDKtgCKDwgSPKVUSCulDKAVUBjjQDBghFXl"
    "QiQKkisCCXIwDFAAuBQAgCBtTNHMGi9AJMEQFAAABmAQ5aBrUjVCmCk6FkAOAQ5NYSqBRArCahA68jnWVJsaAFogjkwcUO87"
    "aCo+oblirwzoALEGjmakiRAolgOCIgANyU5roHXOQuhGmMRBrgrJlcLfBYTLBtF9hZLC6VAByIA9quEpWFbIjH5DR4DA51nR"
    "gQN+tZA2nkhWnxpdT2wxmMoxaIAZZeCQOQhMxYpRGBo3pWoQ+scCKgrTIJFAAkAEwOCkE6SUjBTRqCDwABHjiAoi0EsIHNAg"
    "nSYALYVEILGuskLC1Cg8chAJAKApKOhBJKhIIKwSYIJCWIhTsTGQUooI/GRpIA8ICBESJDtVBAhYVFIQChHyYAqwXhIYRSuh"
    "LnQl/pwOpiphoPQAJAIAUAcT42EyRBGtiGEaXhN02QCbRJ+gZwvfMywYXxP4xBQBuBdABYhwJCWgRAQgBEGlEY0FAaAYgvGa"
    "85qBKIYTIIoEHYHTim47TJNIBlBCZSWcgQvjgssdt6S6AECYFhmEMRaFgABAkAgMwOxEZWlgps1t/trXqHXvp0IAGEZEgABo"
    "MSIFUMDAOKAxIyZisioVAVAicqqEeYwShxwairSDDklgDgBCBgFAaTVADZKJchhHYEwgkgmbgMQBxHswEZHAjIErGsuwITEi"
    "GHggAUlAIKKASo6RAoAxUEEBIoyXCkBcgBxAGBDQZUC1ZyCOnwbH2AZQJACAYSJCSDHkkmUCBVApTaKIoPXvYx6oOQggAAsB"
    "lG1MEA6FIeoIgSPYgV6EliAZBIQMESUqWRhTml/oI9QRf2eorbZ6QhKPISloiRGxgggqQgLCihCABFQCBAsmQAQUAlKq4WQA"
    "pJwOcApgoimAlgIagI0FcW0EeFhB3Z8osh2yBqLZv2awJpw5+nkOBCBlYBOISotCVEKWdVDPNBtlXFYAowijZMQS824VtYsE"
    "gKD4EJCgghU4QCQEQEICpBzGAwDnJiqBJCRIy4m4IAjdIGCwRn5igOZCJ0QGivCeABOAwZihOsShQEwpOQgIIAAAQACAAGCx"
    "Rkk5UBERnICN+QHiATT2MEEgBBHAKMkSNAiFQhMAQgFoQDGgnwgIxkBGtINZWqi0TEKkFQpZgHtzYCN4aRs7uWJRSBMz+SAx"
    "2EEklQqMGWF1EJAFCZJDIAQQLBYAAQAACehvRGOcPGEgCSOcAVhKNAXtJgNSwAHW0GTi2WVj8PUGUTwBgsEIArKSw7wwh2aw"
    "bAP18UhHAfBGsY7O0AgQ7RxWKEZciprSEHTUAAIJFDQpdSQoQt71cAOIAAG0BSDAyBgOfJEGgFAgQYuJYgZxYlq+KqQDyji9"
    "oCCdKtAmBQgAmJGMQM6KR4CxlQTqh0QzOwun8XNrcUAEkVqJ6ESXQ6lQxjmYoNTnAGhNM3hT4U/KlAgxD+CxhrplI+E0YjMC"
    "BIqCQSuEAADGQA0whgAXMFsOyUIAoblgt4FKsKZAPtuob2OZVieClAgUAuQ2ORAEMTDAUygIEgEC4EFgiEJIEUAJBYAgiETR"
    "RBFgCt4amEgECHMUIkACQQEBkDYIErgnZE59U8dP45wi0AVABfGE+CTk0ZqILoDYUZChkwzggB8/ljFfTLJkjcmNAhAAoQ2E"
    "LxI6GXCLYvaVAchU7gJLIBJDBCIAUEABgdVh8MsxIacTE6ZQEJRnEoWZSY4QoCQMRQtzG7W9P5JoIgNBgAACAYAWlxRGswr2"
    "ZBLHQs6KgDhmvYkc/SUULJ2kACaSZsk0kCAhCiU2OISggKKB5BAsBZIAESYEN1gyBiSIQadS2u0TBAGASiA4yBIoqIOkAEAJ"
    "sMyYKOBd2WAhIi4EAQ4AMCQcyABKBAQRMQMgCKAgRQgqgMCQCEoUDVQAhphNqHoOS4rIHEggBYiBQZiMYtoRXDyIhqwMcJOS"
    "EMi1FICEx7NB26qIdMIHr+USDClLCK7a1VsBbiXf8LI1IAngId6gQE0gaTBAfMyCB+Y4HdCnB3GhdiAFNA1IwD8Ekegg0REt"
    "li6zBSZA02onDIGDcAxG26hKIYABABpFTQBIxdhdIBiBYxiRDkBVGmBVBynYKJJHfmDHQe4kMlQCWY8H0kbEKiiyFaSAECQF"
    "iBDDBEWARIbJdeikamQBpYEFQmQjQ+D0oAIAglIIGIBBDwgCLZhAcBEgZ6CkSoTGKkCW2mYQwDkQNFEQAyEQFShOD3GQCdO8"
    "uC4vahyX8KWhDRjyWQBz5QqbiBrSBfQSoGEHeIZBWM2pWdKQgdBGlIyRIUVYNGSBSHEPV1egAqASQB3ihEFMCMCQCyh50QQZ"
    "uFUPEzciaezmI4hQCYIEgjSIDpiAZBSISHEPB5ihwyXhOQKJpOZYLC7COMUsKKHGAiEUiTkCDZ4scQ0ED7qRJAv9IIi0pI8h"
    "REhpqZVxS2vxgB3YA2ofWOxhTuoBpIGyKKkOUl+NIZUwPCCEvUkFygBDQOiOEMy+xJIiIIQRgiaZ2SYcQ3QNyg+kRyixFMgB"
    "AeJQWkpVWlIkeEAqgEIENQAABEJgYISADAB0YnAOAYAkSgz2BACCHV8AMD8qNch7AHMN0sj1p7F2gym0OhWgCaRoSUqOqgoE"
    "m6nQsDyt54nAALBQARA0mGNIiNmBmF61wAhDJAYOKYIBhEIFaYEQAhGKoCi0GYJgYSZCsFL2yLtE1gxkEAiKRKGCWKcsAAZR"
    "VZMDQG8QDOPMIAnAiCY6YR5OFJwnCR0bJnYB9NgkGogXZYQSAyP7Dyiqhy8EEAXLoEkOFBtBAFVHD9YFkYpHAzjNLYgmDA7Z"
    "vC6pGHdcTlWyacSIYIFsRRCCi8AgQRBEABI5kgBwOJiBggGACAQkJAJGbLxBoAt0gPMRCYJIgAC3CCHFYCYwQItkQ4GDuZg0"
    "SzajNDEX5omCo6pOIqfRUSXm71CQLd5ohEKRgAghCiKJc81ZuumCdw5tSIBg0EFfYgRRuDP5mUGBesIHgAWAwMiG/JgraoUA"
    "pIsgFWCGQMECbIgMCBVKkYBAcQxgEJDAupXdZ/dZYm8QYwDIOFA5AAIDQSAKA5CQSXIlHEBEkARcS5qETsWhFCEEgUA0gVCL"
    "VcEXi5VhWHACKQFoImKeUK1uyBZuEVRvzrvUpQKH7tYLHSSTQNkpGTZdoR3FgLPMkIDU7jAOjC4iGOAHYjCAxjE4+7siAI0m"
    "BRBdxYJFhoLmLiZP4NgLJFHxF6EdQYUdyESU6WwsBkGgXZA9SUExEFEqRkagOhgE8CDsJCQRgAoIMAACAgASosIQAJIDIEKA"
    "vjApR8fgABDc4w4aGUzIPAiIgMBOGyjVrKYISBCAQDghKRSBjnjfAQnQ0mY8whTOUdRyGig3wNZFI8lCwgDUEhzG1YiAVYQK"
    "WZ5A2C9mD1FMTaylSBBVUeOeq2Idhn6AUTYTakJQIQmgC0AYOBLBCdANiAbAGGqigBIMKTUlBpoDAI0WCNpRGVQsIxCBE154"
    "KRY+TYKwOHeKBBfkAGgAAAAUQEIc0gihQEgHYAGMvJfrHGCGi7cpOi44EIAFGHIRF8NCGuAboePAARHAACADtApK1IEGOCBU"
    "pd6QfKSN531SHx8eHSOMecQFQCBEAAIJgEMLDQIyFGKI9CgkzARCQEhazkbqOYCqxeT/Keg963tNGT8nUk0lyMoFJgq9SEQS"
    "QBwEqYIGLAWgJh0CvycAyMKgkDu2rBqQQCxBCPIDjaOggmyQdBbh8Hc8xLrJ4wKXyEh1nOIBSwI5kYApdi4wkrqCyQQgAiQA"
    "BD1SpQKDjgYmLEFBgIBRAmE84V9hBJQlECBQFgAgQwM8NpQAACIKGZxiMwSP4l+SWgIiWcEAhDNI8LQQwDoBACAMQBMIVhAA"
    "B4AEQo6Ai5H21tEDFZmR5xg5alFMiQJClZs4QMiBMINWF4efScVmjYCiEtfaGKYEhFkBBCkFBi2gjQGQQ2fIDAQFYAEEYBgJ"
    "FAZdHpAAYBANH60bHVDBIRAPmNwgCACAR6ZAYEGGRAIcgtLCpaOznSfGv/oYry0JYgEMZR1VvikaGBUUi10OA+lpLWcQFiEW"
    "YoCQkUgDULD+gTJw0LBTcQUwAKBo22zRZvDigwMOFcEa6Iv8krTA9iVHT8vTP4HDfkqAP5hULIIoaIShQRAwIaJIeOjGBAFg"
    "WzIEpGjZMUMEUlDvyoRKLQOLJCcgIgAMmUDjTpwAwUJFkqvEdKORCRaMgFmdMZQAImCIBEOgAsQUNaCAwFIQXkaIYBAS6IJ8"
    "Mh0TiwGABGgFFUS9PuqP7KHhZCDLZwNaE9RWccSCgKMQBVwIQqCgIiAqYJBI6lh/AyENwtLBxYaS4rLEBQ40GtBTADWEREHK"
    "rfePXYCgAFWBwVzJAoLpnggrTyTIaWVmZI1wKKDAUg6lIaIYn5AZLATZReZDBCGyv5wOmKtNfshBUQCCooAUoKByII5QMR4R"
    "T0wmaGAehmynkDyK4EsBMZG8feC6Z7zHC4QkASQAAESRkJ5CiyVFUJ18Wj9EUi33AwjgSREBgYmF2hAUVwyZrioJofbWBf20"
    "B5UIACBMCS/VjRZ5G+6c9slAgBgRBEAC1hXStLvOx3jTkFflhgv3XygyxKRAABKgGuvKp2boAy4QAAGiAHiA4CFtjSjEGTPK"
    "D4v/N48gsygyCCgGESQXgPhA6xpVyUDmMEkQJBRsAAZuMPBJJEACg4QBESNxcC84EgSEExggighz/km7fgc91/HpdbKhSABS"
    "YuaS28hIvtVcOKDZooTiR0CaQ4CACKNSuwwYEIGkDkRBABhFKFAjhMDJCkSIMBAOAlVXatyps7RA1BhYgFABQlSzZIIihqCR"
    "+Ik2dBQQZAakHuz+wz4IXIQlD4EhohASU5UwAuNgSPUKACFVbCOLAWrCr1Asm4AzKzsSMgJXSRUIBgOQJRkOBoWhh2rwBYJg"
    "5mWX16isRcgUycIpQImWeSqkRBuIaQsYISGa4kiQWzDUOodY8UoIC1GUJBY0eFkY9gMSP1BbLFIsEh7QFCoXwLoiUCQwOYGB"
    "DFRqTVQQEAGycYxy/MBowWoUbF5g6FAifZ1vGZo4iY/2sPKbzRGn+sgV/AiZLCWGoAEhwF5waJuZ3KgYCBLWAAEMqAgM6gUA"
    "jbFCM5QicLNC4nVQwEOBdAbAhFMYNDBxsVAggcjlyQvU2VbqGLN4KtKEBUYAhEIYhFEfQSCHbRgiISaCkAqUS3bduASQOPwy"
    "B2mspBQ8qIcZBcxFI4EAFBeCJCUAymlCFXbiEcQcmTy0KUAApgDxBPBBUE6DYQgBCIBFA5aaYQAAyQAQJgAIaU/2yPRN3X36"
    "CtVdiLkYACGBk0FRAQiAkACAxICTAgAF4k+bHloMPubATQBUjoLb4gBIiCkEKIIKSCJiEhcFAnDKoqQXBqAJRGBwL0woEaQb"
    "Ho8jKxVZ6iBBAwAABIAAOKC0FQDFMkA2nQzrbCl/SeqcUEGyTCwv3C4Mf5FjWTpPukngJYw5yowjKixgahTT4AKYBQAJggEA"
    "InJYTizsZKVKhCAAFNwCgB5x5QxGsHekirtJiACoJLwCVgEAhKoSX7HFTbqhGWEJBDDK/8kygogVFOmOwgp+naCDRbEDhRIg"
    "hBcEBIRTEUsqAYSusUAAlo1LEDPaVgB8IQHUjLJEIWVwv065DvezXAUjoMRNmhCVAAhBAYSzkYbTZC9s4HIEEIiIEAZUEYC5"
    "sKABcCP7ALLGbCkUSZCBUAjSgmeYyi5KAwlvVh/SBBdGEBTSbQNIVY7LHeKcyK1EUOADpsKDs1z0BIEnHksIBKdcWyvG0oW+"
    "gNUDRABGNJMAYJBCEmiFAITEwCyYJSSJAqhIwCGUgUKPCSFpjkvUrAAIAXACtCCEY4gAkJASgyxpQzi88bwNUCsAJSYQ1CC4"
    "sS0qREcmwoshHSDIMwhNx9LyqOCOwWnNMASVkVw8igAb22YzZ9xwZTCVIYVQ7GHgkfKTxBKEmSIIV5LAoAACBoSoiERAYBgA"
    "SEEQwEI8EwdmgGWC8W0wJy7Qxds8cUBdAgNwhbUiEKs421+AAejN7wMBgJEHDMAbxCAB2YJCpHkwhRSqCawJazmCNSSxG8i2"
    "UKrAFPFhEAgAACAEQAKDDkDesuifEYEN3kMDLbCwXAJ4YDOaABAAQGfc9SfV823TqSm3ewIUczAapMX6m08hCJaCUQmgwIku"
    "0YEwsXOflYATCAoBDBlACAggFAE2DAFCMmwMhZtwAhMnhYS+ubDVAxhAoioSyI1ri51xMA+uIp/NxJXMbwHrgLQuPhYgNqsn"
    "rhBcrBXMEBPN2Jz+1Bb14gICAQUBQYsBXEOM75uN1DNDIUHgklHLgCHVtTEQBhAAAwBMFLE4AuMsG5rPwqChPgEQ8lwwIqam"
    "IomBnDguQISCShnmE3b6gQIkRCMIQ4KYBWJQ+0emQ2AEUhIsDCCV3UKAUAIDARTOwASSAgwpMibBEZbiBIEDwFhmAABvAogR"
    "qjebayj8BXYBEKSSgB2hSG6CgWWpYBSHhggTg+QBHlhHTfiowFIlxkUYUgAEsCALUgCfkhQUJwDMt+8MpKexlwLuAnaIKZgQ"
    "Y+gZAiU8EcNQiWgICdAgWNyYQDqFmIaBjPpXAZsUATIc/0yenO2lSbZSUoKmLETsQFFQUIhlAQi9AOgC4mCgUBAIuhACxEEJ"
    "EJKAwIngA6EYg5KtljYHa2ArFWOGBpzbR70mzKZXXD1Bnk5yQgkQDLAugg3MjVOi+XtbSX7xYhBAgAhWSsJCIYjftAKBBUCC"
    "zEdYEOl5g69acVTAQCUgK2CETcKwEwAKAs6EmVMIlAeEGY6/hNEJwPKdhrUZ3iCZUIISiWRFFIEsNviCYeowuG0hCQIqCRS8"
    "YLCIPGeprBBSJZ1QF2wAK8QYkgqE1AZxrjIAgJDlxQAAAQGAWIEQgsYJBQIaA4EkX0E4AAkUMdAAGIGfqJpEMNO3wpNbtuz/"
    "D3BSeIJxgBAjCAlNDdAokhInBoIIgKIhgG3RYBZp0u0AQGgehmBARiEQzxYREAUAMnA/ILMRLAkSAQMqBSFBCIkkcgMGNuV4"
    "kpZAqFwlOIEfoRHNMLhcKkQIJRcUAYIEbCAwCHETYGFBJULIMYooJBFBUJCdAF0QBUgTZuaFQiKbAijlDFBwLEhQAACQhEGA"
    "KYgPAsYzS2kFDeNTkAsAQAgEDoBuqqFiJEggIATQREF4gFoKHwlJAiZTTIY8IB2g9lEq3ZfCXcm4Q1GUhS8IZYimTpyiPE6K"
    "BiAGljgaQHDQGjUFDsgRiVCmaaRk9AzrYEwSY4CQjdcJsjZHcdmQGwJZQGAARAaIRmNRbGg0KjprG3WgicoHrrhiFlHY8MCG"
    "BHA4KYSAC7NIV4JMIAwGEVkukHOZ2SmPrUtAl6PWCAnYUAooJuMEAAgoKVGaB/poIoSmkxoE1L7c/ToiHyd5hvAQG2g8SDCh"
    "WDJ/5YIGuUPgDnNcJHEDiskEBkiKQkAI8jERbBgJJOkllWNgRxCj8AQnrpgB0AAgGQ6WS9ssTe8V9VY+/q7MHpEqhEgREEgk"
    "EwANAClOCArfoBQuoJMWaRQEKgWJfsEaYGpKJkVAADqMBQQHSKgqfsCJYNJIOOTqFkDWkYdOChRvy8SOcQ8yYIpEEdR6oiuB"
    "ACASBAoNEAkvMH/h+pJiDZnTmbIwQZTEqVAwRpEZQoYtJYIhEAoQQH3w2pYAKhqZ20lLKQThEDSCQCCQSQEAACqEoZ76qMA3"
    "MQoAOI0hCA6TKarTzMwEH9Sj+OsPx9kKqckENfTWwzgLEQqNESQDhgAJDcJqHhFgiQAIYoBICQAhgMK4woHOo8WdiCSBazAY"
    "1TwBOsAQQarhSKBSEYdw7yIGGCAgRI0IUSo+DEtHACLgAMckEESAJgFKZBSkQAkKoqCHdSpSBBf8vMCCYLQAmMBAlOEdtqkG"
    "IpeIIDeDVGJS20wO6QEKQAARye0oKCdfUk2DO/vfc5bNrGUCalKLKEJ+JLgETZQ4ECACAjoCCEBCoyQQnAhwigcCLjQRiIXM"
    "9AoAMmSEAcYoQQiSKMM4h4AgjTFWBQN1KB4gIgFTRtVoYDElL2GRi5EkL8iApDTOdGPZGzGYwKDDGEiD6hyjsMG8g6gwbUyM"
    "tSukMQMNAKAglEgdAwIhOUeEgLAhhkWRVAQc0CKyAgXUpxENIyoxFEdw63cAOVAxWVsgPkBLQmKO1FBCQaSFjl3RBqn87sQj"
    "mcCB4yCFFAIhCAgsHSCg0F8eDIGbDKUNA5koQ4wKqIBEkXAnEUU0eJwSk2YWARqDwAUS0FzIwQEXWAlubtJhxLAJwI1VeEJn"
    "ryur0Hc0picXl5DMOTOUtFIsQhoJRJAwcnACIFJS4EJCEahEARRcwCF0iUAIAFEHDVIQ2JJABnBCOqcbxPBcSIw5oEEQaEPy"
    "xgQT6KABBeAAAAFFRYABDCEVpiZFwIbEhEEa0DAAWSexMFKARQxKXqAAhKIcYiMRgGKlYIKKdVo1pGr6T6j6uLSwIwiCdMiC"
    "04WhfkA0AVGwgrCBDbTRQKMAZIwGxIQUpiyBCLIJAgIsyeDlgECi26IwQtAQBEgG2ZrXiUCgHhcKQMGghgQdIKw1r2IzbwKS"
    "rkZvpIhNl2hJC3xGt4wkSVDlTxSyNvOcdLM5453b7keQKsBTdSjE0RUIgMmBTJjJQXhEvPgLrPbDBiDk5i6SPFs00OT1brJC"
    "HkWf1PwCiQFgJOACDsqWhTujzfUcTwkjRnj4uV/8/IgpVlmzFwdXxTLED8MIAAmEbQwICARABDziZSWUIARMDkiVqHnRwDiZ"
    "aAcoFH2gukH+AUBQKWUFLPlPQKKiouEVMVEBKAtAoJPDW4Pq0zwXggF2mLLGCPgBGCaBgqJiahUJbVJ9jJhBzA4CxDmrMCAK"
    "QKYiAIpSKIB7wNRaSRQxVS0REHEHYCcuucfwPG+YCzapUCnrFkNI8EiEAGIYQMAqogQXaQNEAAYLRjFEgcRDE1yTpApFQa4y"
    "N4RUGtpAKcYCEw6ejAtRKhAgC0AxIBQALgAVKCAaAoKMohkogADLdHVAgUVzOQVPAK4CgAQEgEQByVJsRWzQI+iiiJBr4gSB"
    "PzkmhVAAsL1Ip4IhDFkEhCoIIAMgcQJUukl1qGIYgKAgCzGRBhCgCTPLg2OOA5XaSQAlEwJMQIEQ+LKLsQR2kxfaGH0zABPP"
    "EDsuHjkK9UAIJAeSMChjt8QCAhQgAgMA8XXeRV3vVzLN2oTCERADI3oEQKvP/FtClQonFuwMeLSBmAA2skWE4QZCAAiQBwgh"
    "SrMMBXDMAUUMAyM5QGXSEB4YLAGC6QWAtcRQBQE0V6S5PjkKVqACzxwALqxR1QKygjwRSAstAEguMMUqjCKYcKCFdHTgCjgr"
    "6Bl7eYcGmuujFHg9icHLwwkSybZgMgaCQCQCBGAQAES0eyCbBF+I2BBVNZ/cSYoNMgQQyni4MKggAaCJlGACexXoaz5ko/dD"
    "qRUakwSqGDk0L2CRjECBlFGoMEhDTPs1aoK2k9yF/mlDKBK0oS8pkBERADBwAAhABAKVdNOKCuU4AAMDogOZAjt+tYJgMFP9"
    "pA3AuAgpTjamEhYZ5NiBg2CAOolNQjBANcyFnc5VwEB9AYe1ycovZpOCQaMgKJmG03JAAlCT0YQ5KdBYRDU4hoE8vFe1iKSY"
    "A4YySNUVIIWSmmwEYSCIFJrp4m2dR1PAgYIHQiCkEgS+Irro+s0jhREx4WQmGGG8M8IR8RGYwYMRngeNPY4xiooXwpTSNQ0T"
    "k4zF0ZTAAEDahVmZGEHcIQ3kqxxELFzkighBKkA2xYCmwcoB5CBjwbzgUPdg1UKBt2d2OIKkAGgwUApBUJBCQAACAJAEBJEC"
    "KnAGLSBgkVIIoHbsMFE7UgA1A4LAEjCMB0gRArASACBw4Zbes+ijpBRYcREqN4DxI/Zt93kOwsInMQgQglAggCBAHC8IPpfw"
    "AEkmDmHKYJiMSBCHF5ABtoMI3YWAAIdVTAUpxCqxo0CBQRwJPEWAdBgVvxZZ4VgYGYEGQqT0QAIYFiUGiewNnRFKs3QgIMAx"
    "ggCCgcAiAwCGEAnJASLEmg5AODAsYPA5CQhAGkGmHpVSHz9VWU9aZ9kDoH06EYWrOUHpojemREYnApCDQuXsFEJoUBAy49BF"
    "DAU6hIgHKQAoEpCRQwE8xCWw2VhFmgKCfTeeEIoXTQkfOQsQqCmRDEoBQAQgIYAALmR5IdTIrmsmvGWVUhxb7EBwFIKkBAao"
    "GQ5S8BrKTZUCSMCCC0Fvo5AdNBWKoZFsF3tQ02QJFNoC6wxrCsqZqRSOEMBQIVAILIJL1SSYC5xkDwKGUUaCJJgIAoFIYAAD"
    "Ko/Ac74dDfuCDiBSQKg2mpQ0BYYIBBmhWoRUghFUvrqRD+YLqh0DPwpwAKigIAJEAmW0AaQwULOCqJKpES6cmCeUlOwVCQFh"
    "BSZEwBQQE4gRgFASFKZbEgitlkZBTAMEBOidAMCIkNUAKAESm6kREAGIIDEgqAEAhRu7owR2IgRAuANCYrH0QrBvbVZlw8jR"
    "0cv4rkHs2FnAuSbABfDkwMCJEjBqgEUgBRRSR6iVKTFJVFKLT6UBMBip/BYAoBKyObRCWkZAFZS+bcIN7bhmvE4GiVkUzukX"
    "YaQCho8GArUIWJAACEYETRIYi1gqV8KUeIwxwaCxi9OlCAlohIEAALzIxI1CNXGuY9TGNZaisw6SEgSBqpWOaebplwGHjgBL"
    "OEQEAMwAogDIsXrWCdQGiCtHVomPcjrATCiDENJlJaJ8YrC/TIAUCRAyU8UiBgAAQ4tNBSJhEpThaWcULbRySupj6YMBQeDD"
    "AKoQIPCoBhEMUFA/M2RJD6qzEQLAQMUjAhRhWor8WJVMCB0wBhYA5SSMgWKEyTOArEL+ElCBGs6a4HKK9nPT+aQYVwCWgChB"
    "fF8G5dPrT6YgSReiQck8DGIRJrSgxgqGDgIeyYBy9CwBcDAaISsFIUF0qiAylITKMHSQSxriGGAABWyEwBOiRCXI8Vg2wGMB"
    "mQOLYgDRATuP6Ygg4O2RkRhAqEAQkktKA3j65gDDQaDNgkAiDRgoEQdS2IDAARtwnoSKkgohBAc4CCOIxAo3JCRwVdSaJRTI"
    "m4xA8aMEHQEDDASFEFEiIyRYQiqdAVnUXHPagPqcxoADIwpYjZ4JIiN8oDARE0gA0hpRSiJcEAZUGK+AJBUKNgoBAN4K5wCg"
    "BgRTiiIIyCQAEEZAEQGCEUECVxcoRBgCCQFIwQCACABZACYWYAAEicQu1fVCIyGUCRiUAESACyCaGMN0xoO71sOa+2NBI6Hf"
    "PI8t4efRUZiAh4ABGgcC8BJBJMNQMRmAIAwAYwgAhAhgo6IoTABGrLZIAvKey1AgAEARBIxAiBLVVlwNWqOOUEzzC3Msq7LG"
    "q+keRQKmxEAAJBgEgQAEGHokwwMdw+76BEhAZCCEpQMTjBxkYRI1EVSUElhw+kNzSjQIGADJBACP2f7DAn1Oc4DJkbX3WS3K"
    "MIDAJrAYAQluoBAmGhBny9ooQFmVq+0sgERVAENB4hCWbJAdA/FEdz8QCgmrB9ZYKmIFKBglgACXBDRYDXEMKakRmgLYLgBA"
    "gACBIQkGEDSAAEAEgCCQJE5QXHkAEjiBWTjzeBUzAfDAplzPEYE2xgwVe0QFmg7S0PICmWtTi9cilWcmBnIWArFHGwoa9iAJ"
    "QhLLQlAYHAEAoAECwmFAigJCEmeuGKI2tQqiTktthABQrhiOr2KJWMQABRQSEgCghWISfTSgW4IO+VbAAggRAjKBkK04CE7Q"
    "ACBFpwCISg+nnQOAgDQpFRxCiJwt8wmfpcjpCgD0eFlEQKJgMFJBBRbzClIwX6PA+B8COcjHQgKBxGwCSx8uGDHInSWBQaIF"
    "oA0U0Lgu5hgAASCwUAggCKAmkaPDc5iRIPTCCBDUIdoWVUjw90fECYbiEumnpnaITaFMH0JjUAYQwxWSKJQiR+BOSlEwBaBP"
    "h3ADbMMkLlOYZEAYRSUqcQcCWUAYWKTmSgM2GQ0QAARCymkG8kRYNcSBQcgBEoBAzgEEWsdxggwU+QgQAG9AGDILpisLBObF"
    "GCAc4CIgRghfTIowByTDWSkgAAHQBqQAoQs0nkAPqA2DjbSAYJbaKVPHazCALUAEytufUcdhiq8lBFFsVQRDYhdvsRRc9oE2"
    "gGTFDwFseCseUAHmRgl/oA8UHyh1eNKYREGJITCEMKa8Yw4H3rX+92jlAvc4RFCGIADQNZd6pag0RojQelWBo4AHjAkBiIMi"
    "CqEmoaMqGKkEuSCgGkMyuICggtQAjRhaizwtwEHQ4AAHgBZJNIgAECBYDFHSGrKbARoAlKoSsECcMAyoNxsyEDACF5CQ8FOW"
    "wUgqAfCCDQE4OqKEoSRQQIZGDQZGwClSBrABh/mqKHDiOFxFsYEgkRAgACBAABACLIyBIEC5RakCxEPGfCsBM7BBNHjIiPXA"
    "BRqSKlp2xBCarmaOZTOev6cfRlwaQQAGMCRUAQUAABKFClgHqKK5GqoKKBSECBBQAABEBA4QMD5lilVBdGc3ReMxxAJMAfXk"
    "yIE0QCJF6iZiGLJKFkCg009JPUn39knI1q5tkOpVwPI5QkYzYi1k1InICFl+B9A0ErQABYFSAxRDwpJ21AUAIML7r/fCn7AC"
    "szvbcAJ4gWQpB4ZgEJDABoQVANPEAAEJgEBJAzRRAiwGIAYhCYKfsCIPtdiSMZk/l0NMRCcV4KEPKtIIkAZJDqKQqaODAxPO"
    "D0QS3bjI+ZGI4l2AKfICRwBEOCAZsCwAACKrgWRbM+YBKBTTV1+UIoC8YDILTQdMwAQ0IgIABabA47wzUCewCOoZEsb4qDIM"
    "12QAvmHTwOmO1CpyWYsZWgALIAiBEoAko782AwxpExCgCAAMoYAji4opEg0IAugo3r1YHNRkJpLcH3JHbTgM3g4FMGMABOYm"
    "QPSkKKDAVWis7i1/FQBUXhAAEBgAQgVhJN+wAZgZIkFoZCCzMgomiSAB4RgBkCsEgAEiYJMMmKnirBYORAcYiB90+ewg1tBm"
    "nERqaxVAYARAtyEzSWOha4xALYSAAAAAhJSOSJAGQVyhmYm5xhYw84GQMheI5MUxtz/UnSCWKgUQEA4m0JABMELYAPMksFET"
    "hxRMIEeqIsEIeWDakwxoNwaEAOLUyQnnBDUxkbwSRypa4A0YBjCKlUmAYfwSqJQMawAPCQpP8wWEKFSgSAJkgSgZENDD1BJt"
    "UBxY1wJQwqoglBBENLlCgw6IHnxESHRPEtUoNIrh9gthhU/EWP8qBzoCAC5DDmTIi1lIE+9AaIiygIELcz0Fcppu/QHil/2j"
    "EUBYMawQyWh+XzOSzYCSGazSgqzJRIvKEaKAUCHVHIjFQKdtsrPBWACECLBAACsQCHPBQ9IDCG+hkevCdC5FnIBLoAHLT9a3"
    "meRYGo2qxYDgZ/q7fK5xBRFDpT4QzR8kObeI4xALUENeGLNyfP3Nf8QdJOCoZARAW88FCulJ0c2n2GPlGj0tfBiHPOSeYwsg"
    "lowH/VaqKhqVqWNoUwu9w5RXq0LZEApMrgiADQ2QyQhEnBw4aArBYE7G0wycZD9IuAkUCBBI8zLPIke0MppVmsIIQNCiU8UC"
    "klipRVKrckuYRh5bO8V7DLUIbrZ9OJiplPdLw9CaP4VEPr8ARgQAUEEOqWWCFABIEJrtCNXKC4kECGAAi0cAApoGibkcZCVq"
    "gwDLg5YgGEATQPkRgDxQKRwgBQQIBhuiRAJrEECkgkAIEwU9AkwcxhE0MEghSNAgAAghHADRKKF7hBgAhYWK22YjCJbeJZX8"
    "CQAJ+aiRkbaMJEEydSPhECrEDsBaKtFKzJFbF+nFw63qoYECZ8yAgSYB1r9hqKAiZIQRgVJByIpAb3oD7IDCw0uMCoIhO1K5"
    "AUYQgACKQSoSyiSMgFBBOQBBAwAsAEYBhKiUeU79QeEGEBW5gJE4MeEBKGQKUhiEXEAe0ZxilwtNmyo6xILKKNmpoh9Zm9eL"
    "BhyxUAYKhAMIIenD4NPDcxwEgEjQh4q0gdrAJmuCEQKcA8UYgoBE8JUyJcICxHgcMIIZGkhUiS4KkSBEBWAoJhBNmDhFnC+A"
    "1sVy7RsACmUBQkBURVJMZFbwVaRAANYMkKLwBrZzIzYAAAQAitDCgmgmQJtA8AAhWSsBuCAIDSSBRbghexFcPpEACDcMRWaR"
    "JYY4AmIFQBAXjKSBMBCjlvABfgGBOgsJSKWDhogKrAskVgsIiEowEJnYRgkgDVCJ4NRotMJQh2GYliMkU3EoAGOK2mAwvTrF"
    "JQBJC7GTyPPitDikREIM5pnDQNTIpGNrpABAFSREYBCoRD9GaZMaZtFYhQDiQiYN/kxH6tIotVPsmDafSKY4blBaxuYSER0t"
    "G5ifALUUbvUIaAIXgIm0VAkACArJCwCAECC4TOwmj5AgApgEblOCmpKMmgac4YCdMAABIIEWRQ4A4iWwWIpMYhkiAAUFFsDB"
    "gAJYWGsAYCCNUg4XQ0wCNhPvSABECxEJ2ydgXeml4RHlO6BEEY4GS2QhIBEaFMKQCAVDKwhQiwAs9AcRgPAKlKpJIBiJJOiA"
    "UochfI/a6yAZKcOPvALygEJIE5QAVQAwxTq5Hbu0HtE0AEuwUsAHdEEEHziWxTB1ABEH7CAhcLTBChGIAA6kAQgAFJHdAIIF"
    "XwZQgSAy1Ah2Q2oBAJaC5VQSUEAVwgChpVhl6PwAwWOYiCoJmKxgIRKEHIBTREjJAAkYUwIWAEcAkaI4AQLkUlH934Y/94Vk"
    "JjIWHEBBIABrnj8G1P7F5fpw8xagMjKQO8UAjdg1CHyQHgX6EpdEc5Mgy+sQElft6IQIAQAlp1niFeMiI4agNmxxYqthX8UU"
    "sswoYjRMHwSAISTqQXAISIIhQQiJwAlBIHTI4SxOgDcABBQEARCAFDIs17Vda9FUOIQdEAAO0OBIIpBAoLCRISko8bZcWgPD"
    "QxUjSQIIoEAAJxBRBIrcDgzY8OrQCfL2JAwARjDCQBZwwBgARZoqABCgnIMggSYHFSQgJKDGYEgExQhIi0bNTAQRI5wDYd3w"
    "B1YwAKngwA4AE5nQSMqRdNYzvT3YJRxiaycAz2CIuAEGhsH4YOSwt0sKOC8wsJwithSxUKFa/Q4VI6c/V36Y9QGpyQOQEmGA"
    "0imgx56rnfUNYGAE4yEAWAAEYFQDBIRXgdRXJ8zpMnclvYlXyo+0dkAKgFgB5kQDdQUfBQHAWCxtEMSBFgBKCdAe7zsoXLCu"
    "kMEQAApAAuhHhzaDkS3dBUCbABkAwEACeISIVQ84YhtCswh8DPBW7YBGRRCQiN1AI8AIGCJGjAeIQLBkxB5DmpwKogvhLHBK"
    "spPyQB5ZetrR8p80/wnmrAwRQjCTUBg4LsQMrwMlRgCl/TlhiID1Lk0RKUsJpCgYIgAiAASY2QS6OS5QJiUwC0oCXDAUQwaE"
    "QwKBPzBSok2OzNuqZqsfRMYiACGkTmjgQjTOOwRiZPOkDCJXLik5LQigQEBDBRaBGcflYPFXgKJIO5EDBJECC6EGcBiB5uvD"
    "IIKGARSiBsBOukBgqhbSE3DqiYj98RzRJLFL3euBDPGUNMUUoav4UAICWBggEQBHgBGIBUBMiGkEQACLsDHmRIIHopgCh4Fy"
    "miQEAkghpBH5/g0RGDASZJggThmCSNhCnrQQIBAgB4JiSoTj9SHnquNGoUDwmQWAufLEAogKGCgCAQ1Z8C20UZxJCMRGqAsc"
    "OlCudcsWijYWQCEBaAgxkdBTbjsonNoHPiLNj4olNE4OIBS4QvECzmTBoxag05PeBjbiUcYxmbVCmgFGjTEFIRKwhg0CCRCk"
    "d2ylFZXwHwcgCAhIQIABAOUG5AAKMiI5anEIao2Cqf0Eer2EBIGCEgSAAQggIVgIoWuXbP2c/jIAlua1RiphFkAk3QvA2yQa"
    "pliY+HwzGRIgAAIWCEsEQQqkCoNh0gQDxwxyLgCxWQu8o4C2IhDlKHtScU8QByMAAEA2TCUU+AAEwRlUXCVvILNUotK4QQ2E"
    "kgCWBUZ7bDUHTCHIHwJkVmaiLIxMJjKk4BNEhhBUVorNMo5jbgG4JKSgnKBlZjuCxPYGKcerfsUmBiCAkMgAAi2wGhrbJiFc"
    "X5HLWufklJ6AwBLGLsQ4SAAASYABoAEELerYtCW61TqRG4VEgIU25tAaqUR2W3IA+iEZYGFFEC5MRAbwNQA8BN51BLNIWEuI"
    "CAEQAYSRAlFATSCS3ElguBDYCDNxYG6JDDlJEkGgBhRc/gmIPg8+rRkcYoyACCUB6uEYeMT1S+4EegIBqhrHMQtBtJq8g84O"
    "SzEoI00BIQDoiRhRYGjEWQOEIAg4hiARFCFASDiWBYio0kAEKLhAQ8kALTLbQcFoASBKAIi6kAJHFZQ9gLSVpgBeEuOQC9Lx"
    "3xWLZFSuPqA+DDfPheB5DwlZaYwe6kCNIhQFSW0AAAKAMYCYioyOxKNFpCbNFFEw6581kjD0pZBhKOIKX1b9WoQ4o8ODjLRF"
    "QkP0g04rlUBEU7JFLodMlqCeRc0o7YHcqAEIixG0wP08GAkADAPgFKSG1OiAi5rAdUQhsVwCBfeJUeIBlSPFGAG1JL48njmw"
    "I24xukOIwQzLHm3hqNsDildlAo+WESBCgKtObKl2SYZYBjBIcSgUADIBxFvBYCMFLhBXQKYY0idkgBAd1hkGopAPEzY0YpTP"
    "usthEbEgLpAEWSYIgAJHAWgAMiAaYCNYbMgEbwcJic/jJGETAEEAkFJIXnAnLBjTRbBkClFQBBwkM0KBIYWKBw1pOpPLUgWg"
    "S1EubB0tvMeOgSIoGaVYwrPDngwt6NjeDioBLlxA6eE5RDElPiUIMgoDaAeXecrfREszIhwJREZFSSFAAwE6CBLYyed+MIOE"
    "AsxgCniQgAkaQgQ+CbXBjQZBR5iAmOGgwgsLLERPRkKwF2CEJAg0GSCBREAkR5BZCEEcAAIOYRE4CCcCCTugEbDkBgI1NIRF"
    "GSSUIkBWi/hAwlRZiCDCEJoVAmNjJncGIwC52ToRjU9/BcSpIQgsAowxYAASA4qCoYXO1dE2dKGCEBFCHKA440IAOx5w8rSs"
    "UWDwjgJAKGGEpTwjglrlihBEKYMheSSK7EvI+n3VHW2zIIrBZKQykgpAskr4ggEbmRklApLw6ICnUZO1eDKancrECxW4ABAM"
    "TdgnsCSKcB4u1KDDQJyASETs2CEBSugIIJuJUEBgFgKgAikOSDEINBCMz0JRBGq8lKmCVYIXAQSthuoRgEc50aUAmgE1GArY"
    "QAxXgF4QkHDlmE0qJGOQLBG5IggbyyUQHC3QIbv94qyk0EqoJARCm5ehac2sBKUF9Io7dbw/QFiEQACiIJGwZIAKAYEJFiPc"
    "JQkIAgCFAFBh8+LmtUsMqzggADihAAASSwVIYYp0OTkCbh8jIgIIqzSUWegpmlIOEBIxCLIRDQA0BDSxJ39o9OtDikuaEikl"
    "EAm43ejOrbJwAKKsAVxhMkIAKAACIaAKFgYfjvUBobslCAAyFgACZBaRSSBCI1GfQIAZl6suJDChKB+DxDVQ7BkgVNbDeQnw"
    "kOCUClgAIAeTwmZtiCInAJW2WEkgMEBgunXokUGAg+xzUSaMxozWdAgKgtCUqEoc9JAUTE4cCHIMOAIgDpCaTJIBCQRvTMEN"
    "g0/RsUeGyGEUGAmA6ACTAhAAoAUEBBACdNEQREslQQR6uNYEE2QCIu1EAodKKEgWXOEZpWLBgQcQhCiRRAnAITIKZNFGmJZI"
    "gKoB0hXMUUSRqiRUQAaCjKSkuQJXmP2gRAUlenSJfwwvMDJjIDx0L5wMBDICjJ1QZi3JIACgMpkEERDBiBoQ4gUelQpCPA6I"
    "A7AI6oBIAESgoFb1YCSVLgoNDOHYUDEAqQNiAUgIKQIJCAgUwCCQCDeGQEEoZoKZy3IwgJK4tFWCxOxDAy6nRUhhUZDgGAcI"
    "sexwDCEFkAqSHFTsbwCAgg5NRcJRyAEknoHWsJBuE6LXUepqUj4pwFeamOqAQ4cGW0hNDawEAANABrobEYD0BmBLRqgETUID"
    "NLBW3urhxLwfIOCEUJgBEEQVKDVJgAAgiqgABJ5BHJW4qguCgBAIhJ98akpgRE4FC8wABAgUgAnWqgcOWhgdJKCQAhiqDwAk"
    "03241ydzzt9GIF7eEhDqu/HeHpvHVLf8jxFlxhiIkuvAYFdfXkAg+xcXJAZYfp6kQEDDCFUQARIwJK7IlJQqgcGiqhIBknwf"
    "AMEhJcbG9IqqPJZ6Pov+8mHlQpHQolCCCDQsNljEqQ3Cmo4qsm8IBCFOpsBdAEOMigKFdSkN143IQICAcyMAAGAYiA0idMgE"
    "MC6gmh64q2+RqrsEAitgAGQADFQEiPoSvFD039DoohNMYAnArFggJAICJIGDAQLDAw/yXpSOqKDvSuzAQ/iBM0mrUqIZB0WW"
    "8FigZBYBxDhDFy+6UhmpRUfFYCRBaMQKMaAHIqggCY1JQ9d7W7MrVzECAFAADUBiYjKpBiTCAcBgUI0czRE70+R3RMHoTh8/"
    "YGwklIq6nixuOi0TXc3ImYSCgCJALiSk17HyhTpgITul5rSZ0BICAAXAATBRgAVgQRiGoWAgEaSwOREfDOr9KMVRF5MNArkT"
    "AAFQGAABKFoVamAgVnhjcj26iqIFHnF3vGQwR0Q1FRQAsRFJQBEABkBgBSgsKACgKGKu2Q2NVS0AIGwTBAOiHEpIpEQhAoMI"
    "cKUWy4AMQIeJD8YFFZ5s5A4AIZJIwYj4OIItAjuGjvx2Awn3AIfeVlIh8eEIxnZqFnSaIv5Fh1hMgBRDY0IlqYkhEFMBUSwB"
    "ZSICDFQM2igMCECxIRnAEC5KZzzvrEwMMCAFGhhF+BQPVZljedISNNACLLCUc5AJeSrwFiAJviYNoQZQBaMlWgAAGSAIuOmw"
    "s4hFKSaSQya/2fk3zI+0b0qC6gK0JECEAZFjyAky9XAyFSoIIyC0RwEktAiQQlCNBQNI8BNN2PIBIikAQxwIIGRkNUQABGRh"
    "SYL4bcoEzqeohC8iBF1CsiAWsAFRCjihEiREKSGqCMABIAhDjgSDRAwqj2OkiWpnILgSoVI4JtKR8SMmBg7ND+/ZpLj0Mibi"
    "DkgBYIWKYAGgBQsGAACJpfxSCk2yRkA9BQWvNpJzc0h0jnhACdGkgKBHWggFAAIDoAgGCQbEEJICgyBEJCBIiVq/o4QAcOPc"
    "Ag4AxyjQIBTtDwticAcOJxuMFmlFCBxwEJONTH2WHDeoAAFQmghAChMA7gUoiRRh5IEBRUEgsAOyqnQjdWEG28ob1JHTJKVe"
    "SThGikJKhAgADFJYgCRiBIUkKggqAU8BS0swSaGSMEuAtiToCqYcAxcGKcyMAKeoNB3CxhZCLyF5sOEsa9IoGa0d6CLQAkBZ"
    "FdQXu+BZClVJijpZnJpVhIDEBgLBIBAD2SIBfEgTQEat9O2nR7dx6wAAACCCSAJMVIQGNIwZAEzwVkgIKCmwFCSkkCRZ1Z2Q"
    "BACACQEJIoCXJEZCAQCyAiCYRqBIdGEGsFQ5lYJsmTIC2IBABoR0NkgNFLYMzjSoIV2LJMpQMMxDCPvDgZYQKdAJQytJUIDH"
    "E4rMAkbgcv4JymEH7KvBqF2Y0/GYCd+UCygAhKAWWUyqUZQTLk+Qq+87KYdl07cSkGKiGpi5pNYQPQEIABjiA7mkJiME8AUk"
    "TFng0iQqkJVZoxIiBkVAmCAKgIWxIgiMtUq5uZTTQI+Agg2GDcQfDsJDEQBmJooQqMjhDqnYxhsgAsICAAQQBsFyLSIhpsjL"
    "AKYAO3Gk4noDAZCgMEGAAFsOGMEE7JIQCfI60rOMamxCgFKRBECkSQ0TyEBIsMgPcRuWNehevZZcRTj0CCQICIV7gKQSXNT4"
    "BFGIuKU+fUeMQooHsCsmx+oAoUZls8To7qcS1nHPvIAmXxIyIwwCEQR5KgcHQjYfzmLReyCaBLM0EUghugAwocaiSKyhEkCR"
    "CADaTGa1APGRQCAAROAkp72Mgp31ZI1ELQmUKBZCaIoKYRmQEIsjBDp8JYSRK0GVCkFQ0CVaQCA2tIGNl4jryCIQiG1d+JmV"
    "qZYEk4lsU1CAiGxBGQERgCUzQLmoWkKJLqKaByM4OZEhU5WsMyBEwZLAUkIkcbAg1DiOA+FTwILiYggzeFHaCRkF0Pk/ACn9"
    "buxQ0H9/KhhSjqMhOEEp2vHMbO4nwFVQFLgdQjAIQHrE8eFsW/F7fwyykL3fdJd1QRwXmEEK1CLQlS4AhSwdAM9++r/291IP"
    "BUEQxQvWoYKxeYKUUMISgAGDlg5J2GKWAEARACAgFCCCkBAEyjZBahICDAQIADAAgShIpkEoULhqGmsJbxbBloIwSaE6CxSI"
    "GLY2AjABy4oAAAE0ABAAWIvjqa0CCAkskjJjMEO0BFe3LkqCCMAUZFLxxQLBx17YXAsAEoFDQM2QQIMxIUFQEJqDJEBdYO9q"
    "AhYABYIGQ7DuDCIAI1DIC0IAgecjQu7aU1hwIsZLSdFVHL2oHJsFhGmIwAuMQdDQQgJAUHhUQLASEGEMSKAAEQLgxbKKgFI0"
    "DEAAANIijkKigR4MQSVwgABgQKACQiIBpIAu3QNZbQKEAQCDCAIpCGBqzkIgieED0aPf80g5PFicBNBV1dDAkBvxyuxnJn7g"
    "w9FBAB2qGNUULUh7EDCcIAAgAwBQoBgAA11oxew2jh+cA0ACBqg3FiQ6Rsb2FQUk2OEQgQsgcY9QoxxpgImIOp40ICAgaZgU"
    "00fFIPQhGKyHEVpEghtGwaDziHM8tr7CACLaIBqcg0RazEl9eAhGC3SXgBMtloi4Qg1ERDkBBIBYAkQIsaNAFvZGCo/K456M"
    "odUlyljGDISd6xA/7Yo9u6gVlXCtQL0KQOoxqhZBFBriYZ2QtjITphAQABAABBQAYkKYFgFnP8LRYDgDAYUAVIW9cLAC8VQG"
    "gIJGBUkCGAAABwZNgBFAJBROjskgYAkABpQAUA00bIAgBKSQ5GbX8WIkUohlCADKcbii8oduqEnGAsZGCRbGSJkZiTphPXDc"
    "MQEVCYAgAlDMQHw7ESoUwedzekpItwcY6HIAghFkF2IDr9ieHGLe+2ZJJoCQEE2YijQnwAmJDUgZ8yljoyFVGQAKshOBNwAj"
    "GlCANgQEEpMGADFDh2jQgQMgARAKwBADCYKJzOjgBuMMEG6LGgABIMGxv4UnECKzZF2TzBJNFgO9E0GjYvvAkOVZgyuUVjDk"
    "gpGeKQHOgLU8eAAeToBEFOrW4MEaAitQgOGJIShlaQAMqj1vLg67ZCxl4EsQABiErobhOGDqRSpFNvPtTBMULxNIYKOARAJg"
    "CiYAURo4QgRIyTICgBT2YCQuxSIjiR6tEAy1hJAlBLgYDCdQSqsEP6CPWo7/YCQGAyAmMobzQZgIAgMFsaBKASoQvFwOcWFB"
    "EBcjAoJCDTAVgwEKGKbiZOEmKWlNQIYOmI6KEjgHwiKaJDr2EeQIkzAAiFgCO0uANRRE4DEOCGWBnktvlU48txsS6S/+F46w"
    "RTVFgRahfQHhCuUi3KIiS38MWsoQYOEKgBCNRUaMZLcEwZIGAQ0m9U6JvMazQtJiQweEQTVVSEqGpyOTDU+6wJSe9eB2Rz/A"
    "wPMNqBKsYwqoCDIiBWvSgqFEX4gQk1G5CRgFD7Nu5gEEWqiAhipgKvLc5nOvJYJZDhOBBAhCE4GokAwlAAEKX7CiuJniOAkt"
    "+GSPs8rvv98oQClKEoAQBEonsD+9wIYhAFMBFKBqKAwIpAIAoSQEJpJ85r30CHACAVyyINBQEVpQhckoMnw9x4gGbuWHzWCa"
    "WCiriAs5j4KEkIAgIwYAsQ6Zq4ov4yF8fe2WdrYVGqRdJBsEIjpYghYAOIEDABAGCIUSoACRBEITTNMEF7kihK3TWkVoSghX"
    "AOpGKFzAeBmBiEMQQSiLSJkKsBRQSUuEX48SgwDB/GqMVUAYmFMNFCP2FPbxkpgbtdgMb/KJoEIQigtBLCcTogIAkCFAtF2H"
    "O0g1EumTW2EDFqRzGWZGUgLFCJCgBYEQgow8pyIC1BqIQxFBRjAgOhI4CSCkgtIRA6gAJhAHRgAxS4LY0ACiJ/NInkmZRImG"
    "UoOOQBikBkF3mATKx1zC0bDwhRMAgCBgGFQEizJsACPM0ARkCJELBhAhCgeCGBtFB8DCgYECcHiK41/iEgG18NMSse4iMkAB"
    "cstbpS2wPQmD+UK50CWdw1YpgCNoKHjEjunJGsysCQVN1HOwgOwWLGAmBAAIiyhGBYpkPDnSGPsAZsOOG0HBrXERCm5UBuRo"
    "qYiCAE0QzAICUEyVwBM2CIHhsLgKbNxGfBoIBDMCArxBBYceXoY8xBxM0Fz1nxJajEgRIomYxBj5+oo6zlMqxQAwY7gABDoA"
    "8hMLcPTtPcpCza0KaIqmUO2czXFXriSldUsYmqqBkR2QQqkaT+OkUGUAOTtKw4FZFEBBAWKg6QQAABpQhAhFLaICga4NQe0g"
    "zpMKEWoISLKqlcBwXIB6p6lMgQJ4QgYYlsrAMhq9DPN0iFIThzHsq8QxgngGYcYQEUIggHBIQSRoCQUlcizCYHgFO2UzWIWQ"
    "7AhzPmzOUhQAIgGpFQUiFDI7kDRSDA2aW5SlHArwCuwZuAi66AEyJUDWQYEk+mbWIaJ+jjwoniIdZ0S002YCdAESIkIgkgCI"
    "r8wUDk4UkThN1P0aUGtHpgBqGgLN21ZSSC8TbnN9ZA5rrfBSrhFeYhZgKWRhU3mdkkShkGwCilRCE5EpYUAZToFAEBAgBhkB"
    "A/UIZgJAlgBgspmQCuYSKwoJGcQckE5ceLgDguZp3gsSXOSNhaCQMQJBSvSGlB7EiqboASqhUgCxAEjNi4dCRoZjgwENrg5Q"
    "HiYEI6kpCeQAIjBcMwiNIHGsTII8JhlVI5FqAFlQFGCNnwJILVRwEWmPCojpAJkNAIYIggAIiICkjAOAgQvYHpgAKqAQCI0A"
    "FiRkSqAlCxQRkaBEBiwgYCjjBJzCAmHozgcO3E03l70JbAkYsKu4S/0CGXs8hHz+xDAABGCUsCPsUCINIkJwwcE1+hVqUmMy"
    "KIAKJgQBGETxzlsItTjspzQAiwgCAFEwRDAAOWAhwJIXloKXe7/xjpb+cf9nLQ+qSBw5zgHPN+w5HSNsVHikBOxKb0ZSLc/V"
    "qRyDRhjNcgBUOgrmzxoRq3FQ4zrQ0ZJsBKxAAdxZImoAFhyihpAKxK5yz0DJUM4tc4KI0Bss0G/Y6EuMIyeoAHpkCgCvWYS7"
    "gD1EAAEgKASCIsdAWJoiSMCgKDhTFIiI8oJxi2IOCMVJNl/GCimIACm5Rn5xphXgJHEOszbE4YQxz9d7sHT47LouMUQ9L/Rb"
    "FMNAGeIpN/YK4NhEmxsZCFpGIPFosVCAgxRySoAAAIFaDIgHdiwAMPoR7bUCAljUEYS8pqDLAlfEKnZoCgm93u0ZSjuF9IUS"
    "LEAEgQuCJAEsUEAQsGQYMQIFCAFhBdZseANjaIjKrBbA4VRaglmxJ8046nlmMLABCPjSIXWlFgYI0eSkezSsoEAlAhrGsAJE"
    "DAICpZEABoAZcCeEBiGnSoDmsFhB+S6gEKrI5JZrzYIAiQEAABFRhKcNBVJQeREJGf8DAw8kxFoUAugYCwkRANV4Ep1ggo7O"
    "CgwAASDQDAavCYsPQtB6qQKLGmKAB+kFKhCdMEHUEH2EAAUkRgXhMUAAAIJ1AAgBsMdRxNI1lFJ+iq1kUYIIK8FFDAniBBBc"
    "QiEWNUIwU8BspTGIoAVRTpJAHvBy3YgAAx6ACbj9VOTwxLj4Qm35mxgFHAEipoVsxY661ZFs6A6BpGAInQGgTeK0RNlRRNEP"
    "GAqIBBgEQCwIVJGCFmMARNkv4e4lKRbIUMAtCmoYYIYDrDQhJsA3RQxQyCgImNtUhSMkQAFQJaFgyQYYcF4WAIeACiFFhlkS"
    "ab0Yl5Kn4M2rkwONIYDyTDSIgFtMATfAJAgNSmJgxqskQ4gYs5o6gijgEzILQJM0WBgBCSiLgBAKFBMIBSABGviwHLkuX+Wi"
    "2hQAuMQC4QW8TBYCVKlHQp+CMBB1AAIHDaBlKGUY9CgAAUBCEQZAKBI9wEAMAfA4QKgAaQJ1d2qRE7EAIBIIWYMv3BRaE0qw"
    "4J4cDAVwx5CR1hYE6QRYAAZDCgSBFAMTYuMomkaAGbGRkKC0CweACK3lVKAUQ+FVKIJwxRAQAAcXBgg2byzJZ6CagAjAAoEB"
    "JDgABiIUAkfAAAkYJAQFgbjrAql4ys75gjQHAYQmkUPAaAAIQ6EoSAoS4AMlxAeoPREBaOBeIhEEFBQBQkAEEOLUgUCoWCLg"
    "SHQoSFJdHVmIgIyBOmRaGoCCVgEUC8gKCJApRWcCqUoybNqrI55SDAp0YCAKCECRR1GcwSRd4FwuABAi2GI8wzoOgkAiiUQu"
    "MiECgQFxIRmUAgZjRE8FdcAM5uAgi4IlpQQEE9AhAwPABFpLjvCw8g7MD4mQlIeNxdBQESgRDhY4gsEVyWfSiAEByMACABGA"
    "AYIjkBDBdEfTDzysTsmgUingCJtLUBIhYcNIFyLCQCDAUIBJR5kCAEiIJqWjI7CwnKZlSSFAI4ksdoTSBkvaGo4DShRBXjIi"
    "2hJRTSCeaI2gMm8pBoLf1LrluK/hBAz1FrYhhr5TRFIWV/KCTjQAxTxiSQljTB+hkDMl5SAcIZB0mtJg5fQyIoABIjBgAoIQ"
    "FcgAmhQUwgiT/u8kRrhM7QyBlEkQCUIIZfVABQwzHMRRRZADJFCDI0P77aansh3+vAAEABAoBAeggSHwxMETo8oIaCCxe/V3"
    "JBoKVyRpQAWEgjnt8K0D6CAhHEzG8mvNgnanb37GQwQN3ApEQDvTmQi0keIVpz0kyKhlwKBAApoIaCSAwBowITEM2IYkGe5r"
    "GAHAVJEKwUlqDO1K731BbhVhaSgkZJQIJWBInQUc4ANIiAAAdEQ4AnKGUAAMBpGWb4GLBWxUUf5cyiGRDFmAxFoIAhQKMFxI"
    "DRgAQYCA3Jgs4fGTcYbqf6CgAJDcLJAQ8BEDkRjgiBEUEQFAEAJCUABjmAA4SKgiPB0SeZeoRY+bFCyESAQBFIRogBAmkCBg"
    "gBCBCAIAxYB7qVZRSW1ojhRjdsqRYzINAAEsNlMKIFZXhAEpUiu4VFOQlJCTIJdiCIyUQgY0HyGpgswdTsk8YohAooIKJwQK"
    "QyB0ouKEfx6RNFOhkMTYX5gARAZBJUFLBNBKskUvB1iilirTR9GBXddnuLf7G2WkpAieCLChQAPW4Jfa+zC77ZogYmQURAEV"
    "SQCwowIGCCDuCuVA2IAAFgIgsQUzCEjGFSAAWlWJCCApAijgQQQRRShaAmHOhYAKrRPB3CX8oIL6GgPRfUTzE0OJGNuPgAAq"
    "rTYlMIAwKVQ+DU0D2g8qByPERwCiBLxrBBEMYRZMYhBFLogTvJj4JKoAlQaIARwkDLoQAApQAAGBYVtMX1jBEBsUFAGAwFgE"
    "BxigIkooKG5QA8wjnWKyAA0ADyUAshVSIowJAREWF1ghSCgEioBgDEDDRmNkS6DNDEISzjB6WcDrQmXS/GoxAQIKAjBgAAAg"
    "nD3ZQkckD54S4wAuxIkRwFGzWE1m0AmSU1KtSse6Og473myHQIYJJFjGgxjJBYAVqeaYVEWEE1IKBJTMYKIQLoKDMCFA0EgS"
    "INQkSKMABAoUORIgLsQAh9cJ10x6LJg+QAJAALCRAAvoxcJBSpLIi1JKAAgiNkJgnr54ADVQJTWdooajWW8iuuQAr0QyfhPC"
    "oARQjQcYAgYIjCLa4oUUpQFlAwTQMwB6ATAjZEMDkNWbwfQDYwEajLlLVUDEOENIqSO+YCKHQAeQKswEIIhDAAjFCACCz0E1"
    "ODPXcYlG9fAgUgcEgBgC7FQIJMDEAMwJHIBiAIEA0IAmPwnohRoWCoAVQGIAlAUxwVV7sgkexYxNi+wdEyyfACnIWIYw7b9R"
    "Fcci1QVMJGKSRa59q591lNKoQKAQlAYpClAIRQAZEAon4mOweIgihMagpY5eBQiAg1h1v+wKu1sQlgSBlHA1LSdAfKpLhAxQ"
    "qwSVEApCA8ctAEw4AQzQFFDQyWMOMfQH8gUJ7+C126oK+k4ErINEHgRAIRoQiATlQgsAQMjoCQKIQQJYhXiqACEbc+ECiD2h"
    "IjKGUIUwjZaAIQJyWUA1CAKgbpV7RJOTk1CGCdrcTKDCVJdmY4t5EUIkOnCYSBcMZnLVbAQTKMYSCSEKYCAZFUIAYQBUEBYB"
    "uAQOwAKAwDBjfcnJsj6NqlKEBEAEoUKS+gpMLVRmLFlGJgRwIS1WqxZFgBQAgALIoKBRCAyBxE4rBYKCGfKMkgAsQgUQhEwC"
    "IpA55hCGYiwkBJ9JBBNYeIKEiQAsyA3LBf2CC5YB4ohgRCAUgIwqAFn3Q/XvHfjgIgFEJhwgmEhEQpIJxK2MrwR5gLJLCrpC"
    "aAKklQAAOg1L1Y0liIK0HgkFsNlowX3yoSEsm/VgxDCMXAlRUUjrXwbVe2KEG1DG1EPoISoKYBkThAqCLAABwKReU5J1dzJL"
    "EAjskeEgGkMGAChRAWHlGesEQAA0QYAkWkOlg3F0Qb6tvErlDuY2lTwopq6E4AIQAogdjxjYBB4Ig2oATAAV6MFAcXXwgHIW"
    "0AwQKlWOlFA5MVFAQAiAkkAmAZdGyxLAwShsJQQFAYFUI9I5LEbgALswUguGARlsRABQYQ2gQgig4ypPGUUjeSVgEwQapWGA"
    "wogmFjiAogJEcvy8mSbARgIAiVCxQAhgGXUDg4hOEkYBskQCRUYkWsJYiMWEgFlXzc4ubjkJXmHoEExCwgBJGuySWW+GxqDr"
    "CYJCCGeNADFZMgzCJQvHrbCzKugKHxBKw2UiCFxNMwcxhDkY0VFSQgVtJ4DSHn3zDe+K5cJjnzqIzFFAZdCckrloQC2DoAZH"
    "IU5AgDhZByERDZfjQJ1Wt0Jogii/GA0gFwaCCjAoQnmEgAAOBAAmquCQlHNAQEuGhTVjgQUdeEqFWEAdgoiL4CSjqmsgxuV8"
    "I8AX3dEC0EhBwCEkEAAJQACABMAJAASBInMsIaRgBIDhA1Ri28+sSM0zFaC7ENCdRvyvhehWI2AVcZLaiNTDlUAEKCIJAd2E"
    "CYgWdkRgKEBDJqANAhjj+kIE0OBQliRVAQwQcAkCWgSMbuFFiUmXUsUAjglYlZtAnsgIB6BDg2mATAkRAhCCgYrcG4UVJKDS"
    "Ep2jNd188+sGIAAAAeAAAbkZFCggRVFE2lyTuG4075uAABSgC6REhDWcIgAIQEpaNihl/cBBwfE3wPW5Ia27Ykp7arVw1VG/"
    "AOmJABiXEAJpAgLwG+gQICi0YsIaJofMIYRAO3Z9QFECgj5tAgBBAKAICGIeNQ4cCMISRCQWWJAEl4jVKwXYd0ImmO6UlVTL"
    "LOJANjSiAIDXA1XxXU7noSZAQYaCFRcAwLeJIqqBrAqKiKIGmTwjYY1cdgSVjMIrUCRZA9RQlp4DAggiAQgCyMCEGIBwSBcA"
    "AoFAckyJNIcaLhaIYtXGKZthYAlvhQYpCB+AwQlFBSTkBg+S1SQJgCoGJaBFNhSJbL1RMC5O3KpDFgDRhT/Q5YnEuRXtNIEh"
    "GgBwcthcgIhxY9jafOzItwFQoQBSQESCQhAKwCRLbhh0yRcUFcYsQO6e5ixMZq/jrSF96TC+lAUhajwTFSZJ4kqGzzOCQMKQ"
    "MlYi38JhDhfBBHQjxWQSAVM8g3oYiDo2+GQkRRT8dxZAIUAAiPAU4Kt23EdCV7gKlvEZNMyguLp5+4ipqHPd0gIFxVACAiAQ"
    "KkNChSIyOxQ4LfODpi4TGzGMozUlgAaX/X1exju7wXbMnmycooAeNMoFjHUGCpoGgJJZkdBBhWpGhMGUSdH1BAWg7ZDCfEjI"
    "rIAEACAFEAPAhikE7oERiNjRej6kSQRx3XtgKy9fp9MAdsHAkQYIBIWBEFGSSgNOHmYgBDIyAgpzMAQ71YBDofgCBAMBDyhI"
    "oY1Ah0YBRUoCSAggnBBRQDBwAAxkkhhoYS0dCi/GKIUMo0BgGG4eHCwDMJgHvEhhpx0AKSUAGA0Y4CICTYICBRNBIYkQYIKa"
    "qAbCg5CBNAKJrNcRgEALyrDcFDJqUUBQAvAa8Apim0iVsCTTKdBhO26ZKABYgAAEacoqCgAkZSLPAi5TBiD2aAECIAyEitFc"
    "YYAuEWwMNPDXThOSeDqFKJAQAQBIAAEgsQChQlAAyCC0f1+ZwCAPIUNKRCVaSQ/OKJrbUFTuscFDUUP4hS01t3YYhjkM5D8j"
    "SgOESQ0D4CEIImBjIMYtbAcUiABUAAgQCUbkTFpG0QF5TOM4JBN3GxmyhczBkX6aeWrK33QpVxaoION6WqKK//S0ImJJPFbC"
    "IoBDQJrNMrLQNIMxIwkPPj0EIGKqslqPAJwwAsk+AKOiCCcFSJaymJyAQzOJiAKgCACCEAEFKgIgQIKMEkiAXDcUHu1GyKzU"
    "BmhSUY8AkKRwPKB1KJAK8ZJGKACAgUQpEIBwOIAiyMpAEAAsCABGIWHynR0r6pCICeBQLLyeAAoYDVBRqH1ArQIECDUAMmgC"
    "Gijz4YOZFaiFWxICiiL12WLEtCJgHFKl4wDsStjkEnMBOoxKAhhIEABkCCYMEAHAKNagSDFdOQjqZVR8rG6Ef/kBO5YIMKWo"
    "B7TuRqKSLABc3AY7glIiEJlVKQBIu4w5AgBmGEEyECUAJgRIIIUEgMEGAXCACjVBjAaCSAFgUKiJRcgFjIAQBKoOF+w86Czg"
    "qJCAgQjAzITnwDAQpFZSACTWPSKRnQSTt4PlU2V5ZrZTUVJDDwaAjCCxYRAhIhArmVZgGBZGVR8BFLd8CImibQARpBHfArCs"
    "+JLB/P9BEk+AMxooEK38JGUAhgQAgFAIhCDwDYEDUNQwRAd7CAaAAIk1qRQg2QQL5ATPDJNk4CQDogANrVhAAtiRSg6cxIDj"
    "gxeoEggRQUgBNIDCQAFRicIAFwgqoDAlAgAgA0A4FEvkLDasMpTgNxB5Q/XTIWtlox4MKeESLcIgWaJQJQKAmIRaCBWRUZQQ"
    "kLoKi2cBPCsYCwBAaDQCkpABKQAIAiAYCj0C+IjPhnc46m4ZKcULqIqA80Y+EOlSYgEkC4lLUCUJFKW4cQIgcTyJojEYTOAR"
    "xBSCYhkgEgPY7h0pPfV6FFjlqdAwo1oG/F3dxmKWnyFBDMmPQLgaGrP1nzANL+MmWG/IXGxQQDErL0T/yohSVUrkgBAB9mhC"
    "AUDTVpLIFLQBRQFBCiGhBLMKiBw35IzGiAPS5DDcVKsLVUUaaR/VkwcAqKvqSkEAEBSwyCdadiMeWIhYVARVQziae//5QCNL"
    "EajDkSsEXFiC2IMQQJwYJ6+TUY8NgoE4lFGZBYo86UGcgEZC3G2KBn8vZMgVB+7QiwYhACEaKYCogAICCEgclBxvgKc+ZGkk"
    "CIEYwFFZAwNUnAAuPBIpkAGGhwmiKQghLQAUBIMGpChJKADVAaCCAhERlAQpRkQigL8gt4FGk+HgCgAB9GYCHAwICBEfCMAB"
    "PBMkJuFo/LAZCJQGFTBZ2IBzjhiWBEdb+Q23yDQ7HfRCgPBa7wzAR3L8EdQJ/xpvDGMC8UZU3pEpAIUZpNCwkIxqApybCuBj"
    "DQCQpCnFJ1aQyBIThQgkALwoOisqhw5JEEUBQLKIXAW85DswMq8UsAQBgFBCSoIYyW+nFi4ouVjJwULBpQcDHSBnqENJEBr1"
    "gGAAiFGYJVAGGJABAxyCCFjChAyzgIBChNQEAPoaHABTowKGFRaECEKtPiLAJF0FSQYRQxsoGFHZNXI+kHCga9gsnZhj5E1l"
    "E9dbAtAKlb0IEvTGAgnkdgKwZkDIEUBCAEUBMKnEAGISUO5HyACMQYgAAiAQADowKUmozdGhghOZ68GleIEGEREEQFAEBQAA"
    "MDGIoCTEJAoAAEDIBKAQIGLAUiJAGBBAMm0zgrmEpT1U6QCuFABrLMHwy4CCDDkjyEI1QSDXH24gOqS4rJIk2YSmjwgDXnjL"
    "Y7RdLkSWcgr8O6dRADsUpdwUD0iAgGwEQSomwNAjJEC0QhAAEAYDINGcDWBGSOwzyvK4RBI5RQBsggkLIEwaCMokgqYAhDhw"
    "bWd4CKAbTYIYqL1Rni3AKkcDXfRKKYWUPdVfANhFlwIGiIIWAgIACAFQCnRMEwUqXVw1uL5xgsf/x4AKgbNnHBUUMICEqwIl"
    "wlcAoIgAPgTQMaQaNoSArRDS1rTeoFguSfAgphATTAHaFSdfNtqV1BJgHlAPO/hwGqRycI9sgp1S+x8JghpOW1DKKEYHlk/h"
    "keZZSEDlMVhTA6P6dAQsPABEchiQRCAiABgCQ+AmCKKYoKL1Pirg1QIEAgUIUBCCOCKWc5VkMGgH5aplWvodWNClJKNc653M"
    "8n5SZwxWKfBKWgX/BECwihmtGTXZBrxdDe8MJgM2MqQczUB/GFiBhFxB9eBQrmC1iIcGgwYnABDhTAQMjGwkazUDm55978JZ"
    "mCdiXMQoiLAbx3XkFpRStmwtC0WFByKtIBSUqS+IEhDYr7lNSg2EfUAAbAUkoABQI2CIiJYwZ5KECRAQUZbAFhwTgGl/EABG"
    "utJAigFEBkGlgOhgyL9CkEhg0ASDXSQFFQObQ8ZgBkgGxMMGAGYI4BBxMAo6wFBiVCBkIMAQaoCQcle0rzdDJ8AJXRoEwmKQ"
    "gAAAAAGQAJAjMAIAQgBUCKQJiCRQcJQJwEATYKMokEJ/pcB11wTQUDkw4lhjDwIyujXbV3GxFHl4DwUZYSfssFgLm1GiTlzQ"
    "R5LkywxEAZSAV4OEoUH+BmE4VHIsTW2nIiJJGcSATXUASAGcLAIBCgAEjuxRFDJh2BIpCIUpV2YGAEzBYgiAIMgCdWcwBH2x"
    "pSAIAxI35gCkOggQAoEhleF5dIGi4bLvAaCnIcpqJPkBB1AACBkOIFTSMRa7+IcZMAkBABAEAZFpSg6JLh4UgyiAaAiCQggw"
    "Hh6zwutPEcLYaqABQoAEFloQKAwAAgi2IRSNFABIEdgrQSGUbAV+CvS1Sn0AEY81doTgMAShElAilcE95UC4VguAioAAiwNu"
    "hACG3QFAOQwB0EIShwBBXgEkAYqKEGQBwMOmVbhL76BCJQhmJEAjGAUfZjWmPkhgO8OC0zaSY1kqcopSiGg6lPQiSNDUAMw4"
    "ApIVfaXbDA5rDlDSJARUPq4YKmIrCMjvbOIQISW2uSCACRsBQxwITdg/NG6RyADcEmslCSUF7ABcEAyEpfYFMAAyZkFXUjmq"
    "xYdAKQAWOAIEEwEYJgFOPxHkwhyolEIg02BDaL/QAMsBMexlBTjKCtkwjfIys42YhBCEGSQAZASgEyOwBBMEqFmRKCjloGWQ"
    "DrQRy0WUE1+IAoUAxUQoxUCGaikHHwkqJrvQ0BCUBVAcCQgulON3/KAQLQAUgslQEaAGLARgIIBcJpAE0BmaqNITAGIWqoGD"
    "aU4QMSCUAA7DECsQHE1iuAJuKUgIg5WgYugAYGCEOMcK+KZqfRBnSomWN270QzzYAjFIAAUU4BRWRcwoICCOQgQoBAMYDQML"
    "GGaAtyCABQgcYYjdgKyEQQQIIILBOV4ADOPluMWRNQzqB3nE95tAiiIZsMTAZGgASdAgKoCJ5hkJiKUKtCDCBlh0SzhW4ly2"
    "ilQe0wBDA6BAVuAazNiB4gUAEEAAkAAACcQAAwTpAdLNqLiJUpiwYUItuOJERaN/AoUHF0FOaCmugUHEAQRIiBkQEQFegKqY"
    "R5GbEIQZtpBIiR5xiiie6AAkAIfIAgARASAkAKQyEgw6ZIFhhIdB4gmAYNMoRSARrSY0AMRwKgkzIGEmKQwk0VVEMNASCnVY"
    "gSzVMESNyBCQbVVIk0tOJA2oL7ySxEQcAEQAQAMgCEDW9ZQQAwqwCglBQgoS8ECggQjiIFoNAACxKGKcmI8UwJToMIMEsvAk"
    "AUFjAptAR4m5QwONywtgcIwWADXyL/KlN7j+1BcIC/GXCIQAYEEBGDmFExhgACQliDAAEwvDYAhO8Hic+BexV9KM/J+KB4MB"
    "YMhsggVgAsCC2AGLSCGBVI8AQIwvAkCZW8LqoUiNQQgaPRFq4l+rhFIwBcVOFbyJPgFHGI3iLTwp40SErRhSQBMEbYwoX0P8"
    "DD79BBaLiL0JtsBEkxzZXLYQSbtbkAQK4EpxUFIIyxBHiExuTXvkOUHoXUXUpQMFZAl6CRARBFynPBUbAxAUyAABAoCIREGM"
    "GhgBWuuJQKhkLe2cPyQpJ4AQkAwUUA3GsLOucoAmoBXNoYKQJus5QZecXoTAo4nGSCI2hAIEAwuJ5dSSQoiRDuA01bCUgLVE"
    "ACRUpGOKEtViivC5vCElqYBKigWYRAohJGbSMDww4BQug+1PW4uZgLLEcThAuIBGYimJwELGAWUD00GgIgyAHg8hAwgxeF8C"
    "JlHYrAYSLMIhDwBrAAijpGIE4Qd8YqGCgAAAQBElCASmwgbiidEnm3MIERA4m4A0CCTkIAOcIQYhAyXKBIFCcBINAQecAlAV"
    "UuhieoxQhyDBBUQqGcIk3wkiPMBlcryalHEAKDjaCBQ1cJZAKplmhW6ouByAbAgDBtBKQSJso7kE9NNcqQJH1gYQW+2Ty9Ys"
    "HXYHQZcEciMJJyIExBJshoAl0kMYcg0CKICRpUlK/gnrqkEOQzKIHJoDVUB5YkgB4wLs43hmxRZMeqYT9fOEaTklhDgghDgA"
    "rdruTFo4BjU/jNAmiF78p5uvWRZ1JglLLFFxqKhZQCgEEHDRE6oEEDlcQA3EsLk0EBECM2U3ThZxfBR8F5VMKYT0EnFjfuAm"
    "SLiwoQIEGAjfCW3GKnW8PQGgiEewBPRFYRGAEGDASBCBAFAWFQAjiJEALgnIAdTIH5VFsOAzCSVCBDeR0OQDFkLwkACoEQYK"
    "IDhBMIEACBACFBEAClEEGgsZ2ILC+4QLRjLPYAAFLIIAYLCGHBikrgd5iBRhkrKmHaEARANFuAONgIAzYOQ5JqXW0NngKbBm"
    "nEEnalfki3xBNYREGWoUAW4NCALtFl42AAJhbEixC6IkBYzNuCtAZgopIB6GOBAGUFJ1fNsBuR6gsgAihAlgeeGBJEpuuayi"
    "UdOFm6beQYEEhQ5AgwCAABexlimRHoABgSgBgwC4IRBINI9yzIHs44BEzDJoBmdLhBdkMmFarQECDCoAAAE3pG3jYN+bnnsk"
    "JgACTKBLCEI0vV2moU8MSiHSGiIAcOBgQm0WoIOzFnMdAYge3ws9Gf6LpmGjHK4NPU/c1svpJKUJgQABEQgCIhlGOCodiKIb"
    "mwig6C0GAZIjAGQhgAGSbsBYAyFQlIdOABGIQAAAQEKkkEMEBBWAhOEyjudWg9SNPlJKM9qg5PBUWgMAHCQ2ggEIgAAQSICr"
    "QsPYkBVUF0TNUkZFCNKU/K8SIMAlDIjSpcwpZiASEVIkJBBqGQtARmZwxCUYCKEU4FAgk4RhlUG4SYRwQZB0bRmqUwiyWwSO"
    "J4SA9IpTBGrAAoIsBQBACXMreo7LlFJ0rTDrQQyawBCUmARIKAakYwkMgjA8gPQoo2YULIhsIGCrGMLf7BYK4rQNCOBDwFsG"
    "sVaA/EANHaFDpKBSgNpAqgSltwhwNQgcAHIIEEAzOEAT5J7gFAkTIAaxBYCEBVSKTHEEIABBlIC6Pg4npAYEjHCekCsOuhnl"
    "FDmtTlhIArJk5F9bybX8HgEACQVGVgCg3RHN8Vp8zMsix4VB6g1dJvClMFQ4BKBcE6sgvEBRVAUE4ALAAgSIANGiEJlBmHAH"
    "iEYXoQA0EA+sHgmNCDBxACHLKCnuJBkqEWSerKEQSA48tIozF2mPKAWkWsEIABJQAQFSQQAAIAQBWAwiB0ABglCAIEZCUIIV"
    "I6XIkIF8s6NynGDqAKiCJewRiGCp8ghmIDMcR7LhFD5KMhAUlxwSCCEMqgKFEQMoQlgkgUQADgDRGbQQMRQjAMQhXgzZNAwB"
    "moQsV1BoBBiYiQlYpiUmGK3GLwjAQaMvzCxRyLezhWaIBkQjOIsoliQMELWUBm4MkCFdkISAAmBSAN95ZYwxsUIWQEiGSADO"
    "yoYVIa/HuDnSPnzHu2VxKlB2ILdmgbPUVV6y7iJkGA9wJCnJ4LxsOtaxmBNUI9gQClA0UmDrGAIJjGFCHiBkSyCKrA57moAz"
    "4p1Lpu3vob8O7MJsEzDwBxDJgQoRoAgyachL5kd4Sc60eIbQJxGMG5QhI4ECMABIpyh61LUW+wkW2yChBiAGIAgUFzoNCpws"
    "eJASsGsdUILenWgbBtoSQCBIZo5AAuh6CBEGQhAEAU6CQ8BHAW4U81LQU2gNlAClIEbRWeN/I9oTnnwsDiFvzjIsjiARHEGE"
    "KMiYiuyj5IjgIdkUka4yESwiZdFgAaAUS8arLGNR3MzMEftDOsMUN26NBAPwELAQAeEAUQbKzaRGmCzWxroJUfSiJxXTBpCi"
    "GhomIADVCZpCWSEBjItJCJYgXokBBWccKBkgUiTZgACbSmPvpHgkEkUA2VhgIKQAIKYwpEDINcQ0IljgpKmOkLELRTA8AmSj"
    "QdeogAysihJRBGYQ3oohA8IwiEGgAkUEN4AeX4iIIa5IbRCFEklCihWIkaBIECNQO0ax66pZHQcUeEEkUYCQEMAgGLC2EQYE"
    "CPByi8cQBVShgcADbQSIJE5dULerHFhYA0wHegIgiFKAQEDIPCwERAQAkISFSFCVEAFRDCSAiAQyIFlxC7uSBPkWF3ZYfuJi"
    "+kU3PlY9m5SAA+uKCPZEQN4IoWG1QWiKR07EKKpQuZf3hBeAjzJkpZ8XIgUUlGsgkgARHBiEiTIJEgIUhAqHEKDFBKfzweXF"
    "aQxNj6NNLgB9lgg2AnQSQA5EiT8HGEJCqiQxjiLC2w0MBgjRrkplemCzHyMCrMxCgFFrZz3oNYooQI4xAhygFsREgH+wDWDa"
    "IURCOeCGkQhRYMRiwJEtwBEEMaACAACAKU8Qk4aE07oEYgg0DYBUIY4AlTCGKsBEAWFgBKNiUCGiFmFSQA0nlmgACAAMAKME"
    "2gwccEioJmmAEAFwlYBAGQQAIMSAYAATjCUaFgE5QHmeOEMhYMALIoiMw4ESF6YAjYEY9k8JYBICjlAut0BkI8swETPRlAkY"
    "FGNpq5woSMIC44Eu2WEkFIQELwFKgmANDPjJgQGNAAcwEQAgYABBECEoRAgOUlwZTITEstt3LAdEC0MIQi4yiZHBiTAoqFkk"
    "RRTCZEN69TrfMMo4CGATrkUNQ5tzjEtmcEDMIGGgIJCM4mcGIRXBrgFPFxbVGw3hBQIA0YOJQJFS6XBUAaIlgRwgBBCmJElI"
    "ArwAAARADBAixH9xXtkAAvcUkZgAU2UjA4wAABCIAirJeQ3wFcLOYYAKAGA+ACAYkB2JIQsN9JMciQBCMDbkAKDAHAIM8vwX"
    "xdEQNxIWkOj41sVDQt4vAV0IgGkAY0Em0Iql3WK6STQAAEJABAABBNpuZMjBNFwBIHgggwwiyBB2beppYTgCGhAJPCAEQQkA"
    "0IgCy8IgyEhOUCDVHFlewFowAwhRGUXkiOQygRyEBbZEk8VQBogMB7D4WkLSnxXtyBQgBkQARoAjEShCUgjAScGAY5Zgpu8t"
    "xGE/yr+wvEX02yBAZkYFhNIRrVY6miX2jQEkAC1p4RgSCvCxl11krgJZBAkJgGAwcMhC0BgAAWBRQCiCVZeAmENEAVagKZnE"
    "DVEgAAAKrQZfoMLqSiiQlxzLKEh2kM8GAGUdMK+icGv6MFWYGBUjXAyRIQLl1ekg7ntua+RC0LGyI3DWEYQB259CxlAUgAAo"
    "aVTOwsg7B6yll0QBEBqANtZVoLzN8g4uMAHkjEEQJKenWTkDvAxDVUCISJRxaxOgDNFLKcYdXQAG9LAhaQGMFE0cZa4odFCU"
    "csAKXU2IvAAwcavI2OwhEpsVAiLyNzNbJ4TFHVeK28YDHEEAJDRBAUMc8B1dcgulQlIAkEUKgDQgMMyTQACkqgUgRhYAC8GR"
    "JmInymSilH2g6zAGSAJL3CwA8OgpUC5kG/A96Vl8jwAZ8hoxAmr1R6rV3roFhiHDaM+v/TsCOjoFOeKgFIWPDKXCDEtOLF45"
    "cob4/TkHvlnGSBFICYUgZEFF5kB+PMOqEEDKCFRUR1TyGVNEjHPMmYCKTaEBOJxQbHBiERiYZATAChgChfnjBZoAvIZiLok7"
    "RAAiUwGEgAmcn5Rr5DnkJzgN4kCSEJRkzAHIKOY+CRoZEwWwSExo6ocI+IkEbKpaEQYbAFAzHiBDV9v4SKaEMIykXFgIxHDW"
    "rE8CEILSWpISBEiSmrGCNPi/LHEDX00qRIKo0gECUElUCAJIkISKAJamwYN03UqEodEZcIhNQFGNiAg9lYxziGdE2oooZMcs"
    "FCGRnLEC+M3dwEpJErAoBFBwSAEAZDGaMmGYRZMZwCQ+0Qy3CKV0WiqKA0I8yQKLASoAelhRAIUCIEBSgUgEBAj/Egj+JcID"
    "gAomnUhIQhpN6Uj6JKntusgJqBePJbQSUCAh4kBMoBEhaoqFyfyh74iGAAQDmQBWz2UAlU7M46oyYQyQL0wkJ4tABcIoB1o2"
    "m5rM4goT6jMKQIciIu00IHFDhRTpgYCJFBAACQbO04VBGWAgDSIASfI0MweC/Y3PREEBALaAgUGoEJUJDwCEUSkrSDpUCJpQ"
    "JKKCFz4iW6NQHlSQAKWIDgTFQUGCKO4gIQgQ64gARESQaEQsAx0RRkAAA9GkgOBgj5IZysgcEcEuNBd2tJLpFQECG4gQZEUZ"
    "dxpYMECwUCgGACDGgwhAiNDDpNZDAJAtKDnEgIBQBQoIIDFRhYUD6C2VSALBqT3AAIABygCABIAFlYEsIOGkNmlRQU4CYEIe"
    "QMQVAaAAAADiBWDg1hkB4XpHiCZoqgIEk3mUp8nHsoZV1sX2uDAzkCuvbRsRM48gjAQHkRAY2RaJTZbBbC77FhA01CEWKSrA"
    "VhDNc5nDjMDAFFMAaYEAPEECYEIAEAHFGaBhAgQRnJBGgcABQBpGkgFnNzFSwwCqwFyV4ExqGapkAu2eahsbTkewh0s1/6rz"
    "nMNiCiAwUCkjUZQACFgQAcZYkoEgQnCEdRjwgpApiaIGCIAmwyNbBEBAVkK5FJHNGKYwACAUKADWlkROojlioiqRAMHYEwAB"
    "SkCoDzmBGeIfvAW9hEzeIKcoMcjhFNeNZbbEHOGrBHtEKwU6G9kgRKCkVAIYwFJWJACAQBEAVABRpQBz7JCFD5BnQKIAB0kA"
    "TjbNfTaSIkDhB+5IgiEcjgqgFSARaVgphUCplSJKKBGsmQGAoBYoYAREjBxETXkTrCwiRiyPOEICpQEClACKiCo1zFikGdqQ"
    "Jf+QR4nFEYwBgiwPMJF4GQKIFDm598mBHGx1GS754L+sWqAUnVBQ7q0HCABhogQAghoJwqApiElDyBThw1HCgGAJBgAkARyG"
    "RmGAY/OCAKiOgGwZQK13oZjaIWgkagHghEIEAogpUBuYGzDVBcCASQIAEKtBIYegc7zDwLJQwOggFwIYcMLSkqDbjgDGY4RD"
    "ZhSOTl+SCARIJtcXEyLGsxZ1YjwAgOLoqKQsbhUjGVP84UioJBV5G4t9GAgQoEZeOrWm4ld9IgrKFFOgIgodgPYz3qpq0Ny5"
    "UIlcEoqKmTGhCBQiBWjrEqJAJCGshRIhDLFI35IUZvqIuWQSP2a54gSgchQFgVgDvkTKQgqbAMQoWEJAAgEMmsjAi0JhRgKF"
    "pcxmaTXsBm4ngPQAwRBDACT/Ml/c+vpmNEAhwIDSZYRiJIgAqBCsIhYWJpJyTeTVfrFfrpy27zjJlEwyj0jSB50hGEcFDksB"
    "fLNJ/daVZ1sSwKcgDgiVJGBIuMLAiqKAPkmjgarggdjG1JFRBXJWzQJhAEGkQlBARSkAzqHI/x5IgPBeAgBiXFMCAAISxTZK"
    "0+pRkJXDADjCgCNbERsixAyJW65zHBAs7JY1YQ6uS2cgBeawCZUQ1ABDAi0hLIUyCE0geSEsKKHRQIQJoUqlQTIWQh297SVY"
    "wCJdSskMJls0BpFwVtMKB2QgwlASo8NgMwCGRQAGAHYFCsBEEgloAFDMBEkF8yoTkL0NOK43OmNoBFBQiKYgA9AsqChzDkVH"
    "wiMqYBkAcIBhEjriOFABBA6BDEBgRAOCJCIAggANCBDCYoSxUQKkeWQArAZAJECACJBAlLwBYadjC3QToWC2AwcUOpEBAeOG"
    "I0IwQEcaBoaDEBqcFYpk4wlMUawYAAIOEKcQgW0TA9JR4V1GptJ0qAOIMIQAaNKIpfyfUip6j49CQIpKJALcQZzCHPj6g6Sw"
    "JTwhjdXFOQhBgIBAAEIAEUEIBGNEUAAkk5oEph1baUEwChEySEQDzkIBA4EA2IL83Aa7GSsqBLDAbfTyB2oA8zI0igxCFhAF"
    "KEA0wGtOw8iwUxbVkT7xR4CRAEyRXAIMan2OVXs9VbwtFsKliJbv0k/I5BRBsgMQUYIVJBgiGJwGtgJIK0xFHAgyyHY4CJQO"
    "qgSJnnkQt+gYIGPAgQPDhCCihBBALIAJvMFMgei5jkJI6YpIAM1Sglhl4+5YQ/MVc7gxqCmHA9uThZvVRu54II9Nq40AGoVw"
    "ED0sJUECCbwCuwEdDCKgKBxRDikwU/AHgCQCgMAEAGKKkErzhGARCQIcCEhABFRm40T9MOiDkCufgIAi4H/tEHY2J5fJOk8G"
    "KRGm/6/FNYPvZ0YAKExRYFfTEiSQhxBcpZgQsMQEoHE0aU2iwAGvBlQibgFDthR8QBiykoEngLkdybodNXjddhBBjAwFgENg"
    "GpqYCAKBeVhKYYFo9ukdHbZ6iX5ODGhAytJESgABswJgiSJQYAlImJAUhCgEACAo0xnTSWExWEyXSyb+ZeNdIJwAgBBwQcAB"
    "UdKS40GkFwuGAYaBClUAgZBTyFREUal2jAaAjBYOomAEuUqTPKYuggiWQwAzlADv83ut4JtHBvNigDh46Sqf48CNQQNoJJnw"
    "Ij0PbH/ehqsgCCgNBKEsRD95UAaAsFeUEUEFJBAQCEERAMCdVB1IE0VyAAYGqIogCDQgk8XjeECm8WQVNX9Q+EIJSQwIRg0g"
    "CtCyPiYm2LDBHStRbKc7TogEBRBzaBWNL2xxqFsEcaKiuVE4ABJknVOQlKSSEyJAYE5BgIAYFmKEvhUhT6HFYU0Q6rpYJLfe"
    "YmGii6kxHCWwLthG1nBPYKygADGggZNC9ATNofFZPD38Mctzp8KNVrQGCCA4suOgxUAAvQFbAAmABAh4IoDGBAMrAlrJQEkE"
    "w5UoYsuJOOUTmEAH6UaegdlEoQBuCwjhKLlHiFcCERCJUG2WGKIF/dIIBCAQBABUBEogRpcaZypHMA4AQAgJApgEMQsAFMEm"
    "RxcipH3wFJXwzJFpg0uMTuyESKFTCBLxoUIIRURinT9EkAI+CMNBfc2OgihjhW9xcaudFE0kgePEiAoGcTAgJPHIYlzoVl4k"
    "h4X0MGoiKkwuqEiR+HiKgx8TM6hjpQXkGCvFqz05CkUMMp5kJUJYCUtMAUD4SBwKBSUAXQMBNQBleuzUjg5wjofUt2JEVj3m"
    "G7QsKAMASoCY2YWKcSQZgM8o3AiB1z0fAAASEAcB1GJaCiQm+uKx5kzGMSiBDRUy1/XkWsUdZSiJNhwswERpAGdWVNW0ACRM"
    "sABMR1JmQeDWVPnGB2DnYaoQDKhoSegGgCAgENCwAQDLD5Un7wGYkYLZB0TxwoZJCCBAPJ8BQLo84P3yQQhMgOCrAVI94Fwa"
    "hKoFCsIAAhALSBOAIjNFIE5fAZzyUR8tBRFykCiOIKBYh3AT2CYCxjQBmAjIEsCh+FmT94LiIouZBUL5rBiy8kXCBKzcRE2A"
    "IgKkGIIENRRo0Jqqj9IMhhmQB4ARAIgOIMEACDETYzFLTRZ+uWqbTxiW4gH8IoUjkEglagBMuDIswwzYREkASMBQEgVANcsK"
    "q7N3Vtpj6P/ZPxPjkMwA31CKJwtNAAM4YngKASAQAcBQAQADMsABkA8AVMgCgUwCVmKgm2UhUGQRTXCgAAQELBIYgAiItDga"
    "EfCFDa0yhZu314dNTEMKNV5M5WmVScbaGCIIBJg6eAC1N0BYGDwJoBATAAwRkrEIIhAAAAoAEAC13nVrSjrTcQjcSkkF2UIg"
    "TKKMJJWNALoASkYLQkIApCGFacAGREyymxB9AgY9BOEAy4AKhAHDpDUAEBBERxAAEEBAEAIACoCphgBPimKoA5RTzK6AQuy7"
    "EsCG0bDhoqAwIAMCggKQkQsoWG4TABMmM25LpOMSHUSICAIBAKEAAJ5oZ81XzMNhgCgKTdZgQwIQAAagIo0QMBAI2VAA2JYW"
    "JASOrAWSugY0YoACIgFgEAUEsiozWEGdCAAFzcAr9QRM4RTVeXW6+yERpwGeGPaGIZEMVDeVRgi7AQMB1ABlCARVYQRRQDUF"
    "YAMiyCRkyQ9o5Std/Dmb6ISWCSx/AWL+8FdYEGIDBwmXpJMt5gN8hE5sE3gpKGSRfKAZCoYW3QJhpY+MQcsijc+d9JWfHkuL"
    "lsMfxKKqdiIEgCQEDAYAgJJXXFseAfDwuhEmYigPI2NgKEGNZ8ATxIIagQEEBLB90KfiyW4jRG4hC4OFjQOkR/VQqs0AUiAg"
    "9ggMWcjhSTIg1OCViJapzwOBHUM2BICzTgJQmxjI2UszQBAAZ2hqKBAUFYgFAgAI8BeJAE4LJBQyhU2IHjhFaExSEUgkRoMA"
    "RhXGk6pjsHiwCEBYCUYYAAxnBXIlQKkA7b2BZUiWk8kAGUpGp4BpG0Jsp+GvvL2tCWV3vrz6wcFDwoA0AEGFQNSFDAIgAiS4"
    "iARwVSiihVsQlGM45QXm3wAmAASIAoQAAxTAhAENTikB0YJiwLINU+memnuS6OPQVAFhFDQ8QoVFgjnAUFc5LUtiI6h0p83y"
    "x/CERWvSAuwgQIbQoLQyRVrS+DSitoUftOcWiIGom4ikp9sslpwZG0whlkDqq8hOgIbIlBEohWAkQI54AlqENiPkWgFEkJtS"
    "UgAEMgPAEFeCwFGQGRkQEHl4qm+70Wl5lzkYYCIqE4KvWpjisR1JSKdgdZ0OgplwDcEaSQNCmd4BNZPCIBs4YVVJTp+gBUew"
    "FzurwSCiBJdPVNUCK8Po9hI0IczRwN4YYlpBYxGVBbqboqxBoIofiELhQQaFNGx46hH8wQ4K8qBCEYiwEdswwJGsk6RYDYFQ"
    "rJKEgp09mWJ+u3U9WE6q1QERRTLVm9UtiEGcAFiBhQIUOMSTYF6IWEYkKBJeBAAgk/YCQmELQ3wkgyJCViCKIbQCQOhDXYWu"
    "AEAePh1ICQySssAACAhERgCAAFtZECEMUGMVyV4b0FiSIqAM0E0BUVficEJakVa/bBJ7lwBDC58RLZQPSERdyZYAQEEToBBA"
    "MeYJrdNBxBg2gyAjEF4glLWAxQQIGAQqAF2EfcJFGVkqfsincDwW+gYIgCGFLggbMQRR+Qgkz45AJBBmBkXmAgpP195g7DH7"
    "QMcO8Nygi5Jkh9dYl/XhMbJZKYEjieCeoJEoQqoQAKagGEJJAmEJM0AAQgwvVYg4/5wiz4qsCMfmSoYcClGKITgllQCDWmgk"
    "PnVhxQEVDhbo2CAhAABAAGNeswjIsBDARCABjAZYowLShNslUOReIQAgCAUAAAMA6AqEvhPSokeDAKQcIkGmPFVlIuuRBOEb"
    "ACBYkNAOSAQBIAOfBACIpGYSAODERBAPAKjOACckCAfCQI/EKDbClRF7EBQgqbpjHdPIGwxCQ0BSg5ZkJ6TpCmYt1FHCd3AY"
    "gkAUyweAMgIKhqVow4ybENsT9ri3SsFNocjCCACA0RzBtQAPZvEcLFQ9LMIERLHtKSBBAgARAgKqAgACBBgJIeA4oEDFmgZp"
    "IBgYAAHACaaqHzNRSAypHKhKyE9oGo/N2AekR2IgC3a6IfOOple9sJFspT1QmITKZF7mBJFXmgGIIuhaZxEOV8RCMYpEPACC"
    "VFEOR7PsgHAKmB4MCUUIcpSbnMJgRVekAYBSCQAAQACtxC+Dfs+ZUCBsDF0QGACDLDs2XEP2Nn02Y4ISjN0ihHUFge7Ai1YR"
    "AbVpoi5SD9Ve9/Xl9DtcP6YBYTRwUdIcJA0JE8TMSaCQAAACAAUICAoQUQYKxAiBpIbCQDIAyQgFP34PKqMPAngv4BiGYCAx"
    "BUABgieADBqhdI6QUoAywKJHdEiZ1DMlPnf0NtdGBflS4yyBSEZjQBKaBsoygYAEwVaAHIzAFUnFA9hX50eRU0iHpUz2eg2B"
    "F4+ACjI2nY/FID71PZ1edeQY6ISsH5UySNWlwgESYDaBCwREjHfITiBRygAAHBBA1AE6zcJamI6tAmAQCkqQCirl/E4lT7vX"
    "SskkAiFKAMSwDEoAgCBljRwSABBxcEAJ66n4xH06ptJrBABMAUSoKsBQgZSWMsQo/L81FIkEMNDok9P7EhtIBUryJsG8ZDyQ"
    "rGgIvwfBY+CwbvB5z4KUbzKhc4MoQUhrCUgJIMEAbG4pXrAc0jBYYDSvSEontN4LCYAAjAQMcCCFgCSshBD1DqBUF4EP0AUw"
    "d6yPoRQIFAjCkpMsgBfEcyxHW6xlIVxFuQMEiAJiCdEEpVZSTpUMjQsQQ6IAdArIUUn4C4+mkGYUXZkQihBFAAoCJEGUWv12"
    "YOuHuLCNYywiAkAgABAAVNbETGCWLq2KXOFl78CXSEi2gJ8qIQXAunqtuhiJ2j4n4JdJIRBIEVQkq4oDRWQdGT4gAHXF3sxw"
    "+oKE4qE0k0Fl9ChYCnw8NOGUTdnuMLOFWAQABAChAARAAEgAIAIqQLQsW6MyyXEonIqUg5UGoCXHVEAMAhCgnprokSsQR10G"
    "i6O/x88LOjTI93QpCOAW1kYCjRUDeQskLGxIKAJh6OJgaAwgCSiAeQTvTU1gGFLXGABxDIYcfRwwXhKFEoI0o8gKCGSIPbmE"
    "IR1DFTMjTxyRE0CMkowIkmBSwG/w+omsJVBWBECgAgTDAI8ENHyAJhAM5uUSUwsMEXmBENtGMC7cFAUJMwvBygSlxckByCEo"
    "JR9WJQvx0FKKQHhciGBAGEhoCVwkhUCiCEkxQgwA0wAQIBInPgBA8kBAEFANAGBEauWggjMUlZSAvSILUaXSBoCOK4ZtAoAQ"
    "PTfEitsG2qG8meCRAYGg6AAapEBjICK750lUGSkI3c6IpIKGPWH7bEhy2NyMoZOIcBn1Aa1TXiYUesBgAEJIBP6RWIwemlNh"
    "JAAekIQJTAEoFKYhQg4cRkhaOJwcfyZycDZ3vOwjwnghhhJJ8AwzQuNF0DBISICO6LMBfbK2mBRIBCuVXp0kAI8Wa0vQ1BQF"
    "c6wlw3u5BDgCapolXCSBJAgh4MoNfjGmEBQAQKQFkPgIhl9aDQIDNCLxQn0Qz0niFCDogY04AIOQCQZfAilcpgNIQOKSIAN5"
    "AAUoICdgWCCj8gwPnWtoC4ugKJX/0ZL+GQE0BlHch4MAkgFVe+vCPVCAQAiDEIAMnrVXVPbFc17ooJdgUUBYQA5LIQSRiUA1"
    "D4MkOxiVie/SMdU7DHxccg2uIleqY4U8RgMGTVTXCkBmAgAQQkizABgYoRAOVUAcnh6wk1kIcjgqgAm1Yt3oACVdmJnQzNYg"
    "UlNw4FUyDhE+K0MiWqBlhkfEAzDriEhgq3YEjsAho0oAgIAkIhIISQjjmAjNKHNAhWICgkIUgQwSORiJlA6lpACUAggBwAgA"
    "Rg3QEa1YvcKBG9AsmEBAHGrTRAAVZAFoD+sKugBLjyDgIYWRyxHo0ASGQMyImEQEp3jLhw8DMJXwTMqBt9yV6VckkI8TUalB"
    "RpwCPqZzDEYANoCChYo6fAFTNqCYzygQM1CIG8gQYD7FxmSl6RGVAJsplMgmCIH55vT3na6nlXQQH20ChAiQhYEQ8QIc2QJi"
    "Ei3eKxRDQ24EJMgQGgABgAqtDgIBvoiCFANAlARJHSQUxGRdUEJsQTKJDbgUz11UExGhuk6GfyE6kCmMQCIAAMiGAEAIFEwF"
    "CXweqLgmkCBgaBsETCACbqNeICGogQFUgJSABIlAABAE12wRCiNlClZEiTnAMhqsDAAOEAQEgIBCdAMIEIgBDBXovPCTTaQQ"
    "SSQIEUsBINDSgeQjDEarixBN9pFKJik0QEDLlZYoGeIIIu8DsQiMgxd9wQKjAlIEQVGIJ8wgqGpoUguGQQMQAAilZOKEQx5E"
    "hBUlCVhZGRwQMILyUBLAkCCcQuAGDBloOiDBPQQxBpGFeGWHaA5SskBZkhCABE9MMANMqESEIIugIhhSQwEIgp3C+Tiq9JV4"
    "BASEQAMQACUgPGSJpriUsg7ssyAAnkgVIERBEC4eawuiWBIFgplCJdQsChgObCkkdEMDngraSHthIssgXH86MhAhCgFwxoED"
    "gvhzy2kYoqCQuk6BNhBBGAxNhipQFwBERmg3kgAwtzhhBAKEKHCgytIk7OrMzEZDLiQJRStd/q8OgcFCKHpxI7wxCxFEZTpu"
    "iQDIYRn4TgsqG7X6eMMq1Q5KVhCBkSlYTQJBwTQTEIeEBAg0AAYABRaVpIGEKgWO4AEpwI9hDEOCkCkCcUADCBTGkIEgB3gw"
    "8f+arxEauw6JQoFAzIARQAEQ0mLDQilwE9qKSEAVQcIBESCDEAiNwQAKNUoAgIQkaEM0JQAcIBjIcyqDQhTmBjnGz405zQvl"
    "I5AAekQAibYtClthoAGgwVmjXxVV2QlKLACCRFbJTYQWFk+S3VsWNYwwICWALhiwIqK4CgOpMgHiHg4AABWXeGCeIQNNF4Gu"
    "CgZBsfRBHARkxUBiXHjX4EPZah51qQT0QDBBBIChAFLsqJsiTVTMpIUHMZjgKtFXGQBUk8HLo4BoRwDAZQIAYQZgRQBhIaGG"
    "MUQKMAkhzKIOgRvEpGDBWH+6EWbDQYUgDIIwAEA4CnbGAgU5Ap3vYZT2MulBBQJSSFChAJCCAbgokJrQAVGuJEoAADgGMALA"
    "JP2womhCI6rZOSVygSS4tAApjlw5ZEEQJ+od69GCCbYjEAoEAPxSLOMeIZiwZ5WtBaDMQvdFQ2skAQIQOQLBCAQNBKjRSKSR"
    "DhllmBCFATVWxx8E/iJoPQw4vyDB1cBJBBAFQgDIIamUTBWpoMQHAFsZrVmH7TmL4pQpOeDFQ4oiEJ0CIxIge3oTiAGR3oxh"
    "ANIDAMAYLMCuMlKhaEClEjYGIhKQEEAgzADAAAI7goIUEwTcMA2BR5/FAXkBYM0QkBoIhmBEK0F0MkBmexKJV3VAECALAUSE"
    "gAB40CCkpQA9GCKoliJfYLMlCSUP4KICQSIIQSMV5rkABIsSpRAoCBMGCrBGwRSF3E9kJH1KLGAEQjAINCRJaEwiDFkiKjoz"
    "A2so+ENqvXmGIDEwUZaJADIchJCFaUJhazH6SC1wrUSOQsKIxZAyVvFCcdYnZYebY9mAcLDmVkSAs4cHEzDmY1s6ni5sngxQ"
    "EjUIhqqzuVEyMEA8CBUZF56Q5457td5tl55jjYSwh83juGD59ykDXa15aGblqYdABKgBNiACMSEDECIKEAZAIhMIMhLCkTQa"
    "DClUtBlQJgoST49yxgPycFFIJFIJgiCHpvZBw0BCfQD2EBOxCo0u72437ABHUZGUQAAAAAAAgBBBg2GH4B4haDmo23kYdRNU"
    "q2Po16iWUboIAiE23cHokRRgBRAHwKCeL6JTbbuMwpILKQiy/q40kMgMkWIEGySkABKcE6zJgfLINFNABe4higpSgkBwFFU4"
    "iUAg6VIUoCK4zdXUrd4+bVsqpPA1x9DhDnoHYC2UlJbMGcT1TwjuQwGdNjZN4wBDPwJPY8rkqgAFTpJAg2IBEEDMMAnCCSEF"
    "WCaNyrpAOQIMJUAAwQGOyJygEYUJ3CAgCiQXBJFBo9KRugCutBGA22EBwAEABAEuIA5AEQAUpzDGwxREAkJCiOUJQ8CbGxsD"
    "J0tMfMEGOoZCFlDACwAjykTFgU6YSGxNEkpEKfM6AzMCZPkWr8wg1BdBRCMzMKCJ1pHUKIO4PCAwIvrpggVm6EIRMREBsQfi"
    "pKWxQMKcSiNiYmDAIk0hQIkf0woEEKEE0AXwaJkvNex2ctpqrRDc5BVYThApB6PhPARABAB6AoxICZKz0lPnQw0EGLw1TkMe"
    "sVUMvtnyL2a/1j3WXBEYYzXyQYAU2wRUDDAgGYtsIkWwHAp4AAcgAZCADCg87hK9ZqASQZrOYaYPAjg6sC8SIsVhQExuqgkR"
    "PIEGTkRRyceCG4AQAQCAAEQBoKIIZgs1CoQIjAISnFzgBxG4I42iAiN2CSsF0Dn0EIRUYrQOAiGQx4iCBhxAVEVLKK8L8L8H"
    "JYA3kDA+QAYLm2kGcKjScEAUcGAEEQIENAwCMJwBIEBQy9s+rI2TjkIwiuRHSTQ1zO5oCGUQRABDobrRkMr5O0ALkZIABUBC"
    "PgdM5dqalinQZAK1CIQEsDBQoDAAh1SaGBMirADKmThAbVW/LAmbtql0CBdbiBqI4UAHlyCkSkRXjICnke4YIAIiClQgAA0E"
    "AVAICAAoAAmALiKnZFiQPCAEIULxQAUAIFwAgh0iApCADQcaRjjIAgEdi9UBoiBiMAYmfDupIVIFYAkFqWxcpEQJBEJAAIYD"
    "qICAYQGNUBHzLtRjIhIAqaAAkCgBAMkOqFKCh4ATZCpBJDAMwFLjSEFNCMEMNTBJabdCioLk3KjhECESwmNi/eViAgWGwACY"
    "0lNmHM/qLQhIJOCrVXALaAy3pnABF5p5QASEQSmNTC6swV6AzZApvCOrimcS2MPHRw88IIFfD7E+CCAJJz1iylkKAUJv8S5P"
    "INAySzopfBSwKhHLBh1JwAHEJSLNQAwiH+TVoAvvfDKIeGMDSiqUsgEpDSJQAByIqFJOQxqu4w0rgVkCVOAZlVVIY4IxQtjB"
    "IMIiCgIAQKDWE86RvQwLqoAIiTVCkbCSeCHyyGwlJ01EEuYIFApjfjCA42cE1RiJKWEI+SsjZFjfOGdkgPoAoCAUIr2QBIDi"
    "TAgMaMCJEIZBK/ICFghIALPlKRJu5P+TrjiVCB0KLR5NQeDRxCUAwsOBWj6GUBC8ijw5VNhoGGhghpReSBygLJgDoLJRPsma"
    "AbyUsC4wKOBoXT2ggUfEDhCiDCF0MQDRBBCQEmAElAulJD1NJhfXaXkFdGEqYCYy6vwBAOLBWkMYC0PKCBbHFTIKCFGCiDgi"
    "xwAIKDKZYokEAkZEAIAJAaFZSKk8AJEAHtoqUWpZq0VgGZ4gERMdPDcAEqGsIXygXJdV/vZcpOB+CsnIX0RvYgIIIAhIgJAg"
    "SXemmnYDi2gwIwBIfAjaEOaUhgrCSQ4AABEDTCJnD8A5BERQkQQKDU1hC7UBBcgcRXARRUHD8J5ECxgx6AhUMLhACDTWiMEE"
    "lInizIGDKEoEDcDHoNjV4psABAeFgNoXsUIAhNKKTKKAFBYIXIcqAOACBDgQQZAKAyCl2QCYYSiQADskVfS+lzmo8FIVl4wB"
    "OAgGAFwqWaHIOTgEiGhA9yQIXCA5ECACECjCwJt5uTGAOMVAkWKABE1Hsh8QtDCgakARAKBUUEuxyrNcmhYFCuhOpBaGfAbE"
    "kIUlRAGvAJEpIMYNDQggOOheQBXNUEKrKIBgCQXWj2FDEFQYMERFABFAbgjQBhADlHAjADoXoKVQ47mBQMBmkVumnfa+tmAM"
    "AgmAJKiAuSADDhNGFYBIId2/1fIM1cO/AIQhEkAG4dRB+QJJbVE54QbcA4AAaIQFC4IBrkJ8IbuUzDfVPTqmBkNmkhcVAIJm"
    "lJfJBZAKChlOVAViACAARgElizwBl6s4gktKQQdAcDKDSQLADOMkXiZr4NosKhHiEYSAAsEEYQDHMkFZRBTJEQjphwQaq7a8"
    "BgAggEe2AoxFBJQhQxUZ2TmpWQ6lKDiIOZ+AKJaIDMCYFjvGZk4lyxWomBhBhAGxQjgyUfkHTDE5eAQfZxrrdjXQiE36wBEF"
    "NqWQwCSIgqpnGc5BmRj0gD5AdLZLlIeEgCwqBaDinuHD9eLVzK31QUi+KgTywQAuUwmQ6PkyXiEBGF4E5hFKCPgkSFwHE0Ij"
    "RCuJjUgIAQCYpp3H5JU0HioaoOhVJdBbAgQOLMFrIAASgBYfFEBOFcEhoUAERGiAZwKIjWIIuf0BAEggEIAAkLFWokSyj69C"
    "QAnIECjEIDAgMYCUoQ6S8IYzEAAACDARZqZAbB3kyRrDizzreIAk4BiNCUPBUihCE70SJYSCGUAoKCyFfo8kiFEAJKxNCRRA"
    "AgAfAgAICIEIkAWIeUAHx9NaaxV9IZRvfBl0XXCI8SMKAqdDgBSFYgiKt9ABQlGNVQmetfLxzsjMFA1WCERQK+jlbWgNgkMS"
    "ABD1SAGSMRkySocl+1ygUAYQE1kHVKQCdwJKKvqEdQ0JL6jBgwAEBAdTA1Qi/LPFUhARuK4yAZAYCaGKwhlgTOJrze5aDvaV"
    "IqGDVQ18BAk8ROoIIM34QWAQI+XimqwEBTeFquECWEIN6675chYPFAAA4MkgPitIgjMOChggBpTaz/wHNXzqnUEwQBJHDAkQ"
    "likgbEgGjyGhgCCC2M5hoAEgqQLBABICjaZzg48fRmfDBg6iAFQHAJnEo/85R0EgWLlgCBYjrzdx8gYoQQoqSbQCAAI8AQBV"
    "lYhVBYKwAWzmirK9GEmFq5CErWQQJAcRCgs1cXG6bQABIxKlxeCU+kyAB7iEQADuBwGrBRoCX0IgINHBrGI3AgRg5V40Wvtq"
    "BgAFIL0AoAExQAEFAvKBtQhqaMhCQQACVCxEQT+iwg3Q98Q0No0rRkAGsKEgHxJQEGhI0tMTTUqJAgVTgCNiIFOlQ1tqDJig"
    "Slg3WpSOyH8FiRsK+MH1TFpaSzuM0I4xTAIIEGgEIAmAGlcAtK1HRUjEYx4UIgBtaxapnEJHNNAQK7GJKBTUXUEQ0AA4AEgA"
    "NK8A71YpgqQIZS4SKaTiALGJKGKhSDhHP05qiaYu+GiDtHHQJQgwq1RhiooC2lYRYZB+gCDzuhnAOw1yIG2ZhBXAsMJAwUWY"
    "nc09U1ZLRBEgoAndN0ATEqeUzYPYOdRVeP3OtW7qsCXZwGk21eluEEKUHYyFDJlKHIAJx/GTT0FLMaRQOI07AJowtdGx1Dio"
    "iASBEBBQNwPgnZ4AJRJliNJwwR2G2fEAQJB8ZQC9KuBDJAgcBUYMiwkOEFRJSSgAEQoiAAkQGAABgAVwAAwQFIACpYpAgACx"
    "tSgXlH5JyecbjBCw1xI6SYYZBAQThgo7EmAIJEVQECMD2HhCBZdhsqZBwmJcQhQSGbX4rcuGYynqqe218yXlSRWdI/wUTUOx"
    "0SNOh9gLoSfoZi37IYaqEAwJAUZUDghAL4zYYUlRJ9ldoWCgdrcp8ypgEHAsA5ABF6AoDFMoBBdwlui0oZjhBCNAAAUBA1hi"
    "pihgAFMALAQMhHcwIQsAbSiVvgYCCAPAAgKk0lDHRAxan0HCxQMRQxfYjwQddsUiwRQiEySYSswEQJABwDAMAQbcFmF2GBSO"
    "Cg8NhQ8Qw1MKEkBEhVAUJTfou7MQiAE7xCMEmFBDITqGkgkAGgvRkWK2AAKAgQUdXV6uiggBKGAoWJ8vgHZZzDVSILDBUOCT"
    "FgDoYA5ChAjINJVLmnqcRG5UAkciJFwQhQ9BCBgEgKEyAOAgRAQCtyAwLEAEYSoQhUA8EcJdFAiAhHGSJ9WtkkFSKAyRBkOa"
    "JAACQANgwmABachiJSEGCInREISIlGESFZFZQdjJSgqMwUFAIAmRBkaBAu4qZkUEZAAAQEIwACAsGoabBC3E8uk96qTPynkw"
    "iLVYHHyByKAFIAGEYe4GEUEYACUCZYQA+hlqVv4/7SvpYN9Ps1GE5Q4BlbxDNwxIACgAU0IBR2vJEDpSYJ3wjqkWHiHP3D8T"
    "KUgAAQkUIJEAFDhEUgAmikYwZA4MwBkYxzQyACIEI5NXEGgsAEwAcoH2iK4uow2FAykQRSGgwADjlpBJoNBFqGOI5WYSINAF"
    "CFFwjHGHiIqSARBZJqIBROgQgQSGBRkQHxsdcSQAYBhFM3hiAU0yNTUEwACIASDAtgBisqMzTIJKrWSD4GLISDBgID6sMIqO"
    "jASqJ3oDGBMIIRQgokUgoNxFnjBBI2UMAq08aukLorbb4TY6UrKCBQNUL1AKUrBWaVxvuTs5A6oYNaECkJLAoGmlCsBBIhDE"
    "SmAvTMEzyICSqEobuiNoJstAiFCprFmAoS4AFiW1KULzi5GGcW3daQQDCB0KkDVrAcXwBIQMYIAIZCLAhAHYCYAn5LscwIJi"
    "6t3zOSS26remCDQQWCBQgC1jRC7EZrCvewA70LL2xE0GFUGJBWaqzIaTGgVQBztylLmMHAAYFEBEZwKSAGhNEAZQsA4C+JwK"
    "XbetW0TuGa0JAgkSPwo2JMEKEzANBQhEAYiOTL9tniAisSugw4EBgOxDkICBsHCNjzAyJWDG4rnqjiCGaxSI52d70n8FVK3B"
    "SpAmAJoBD+gAHjSl4L7KhmQUohgUSAAmDFZ0MmB5FPc5MZaEgEENwSIEggAjCkQANemyCMi5oBZIOAQkYx0BigylVkCEOBeo"
    "plvvA60OYJTNhJzaHgYIZSA6SYwAhECsRsYf3EoPzkl5AIHVghzWuYTuUQTiAgaYGcgj70CwIMFCBiGaC5GWJAJEzAJLK1IE"
    "nKB0EkzK+GFl2GkB63s6MEY6Am+Nc5gPWARkDTwHMKI2JnEq3IF0IydlSqGGaIRYQFVIfJ2PbGJ5Adwyh6aiIGKxAGKlA4OK"
    "DEAEbCDgBokLApqEBwC1UACRNJuBypgGnuiopTbnTYCAgUBVQQgoDVqsyBikFYQAJ+DqT2MkiQOmDwL5U6SSfaIyQQElBlCg"
    "ziPZCOSCMtHxdBAEARoQaunk/sUmFXouSwRGKgAxEAgUN6xDkpk1YAG5CaENAwicCwAVMkAFph6gTQxQMkk+DOOkwfPUx8TI"
    "rHMcDBANADEkAEKBICALIt4uxMZAgeCSKdHPhn4pKek5hNkk/z9Q7gjAI0DiRDVnPAKx2WIRECYO60DhsIQAEmjFQArdCF3G"
    "f8wAMmI0MmPiAiiIUNy8Sb78WgmhC2URgQVWrhDBW4zeMg2Iz3MUfAIjRGCiXBQKBEijg6FUFq6woc6EAIXYW4VqAsJO2C6j"
    "AWAT22ACEVxaweSDJSaCXt+g1mqAvjEdrAOUUAxIAFqHSAAY4I1QigxgiCgRCDAQC0sKGmixZg4BZONAyAQLhEJV+fah08ua"
    "2eTHYrEUAY/hMChMwJDEQmQoWSdAoYpCe/yZ19tJQg5Go7sUh2uAg61BAHI+xTtuPaRBbQMqSDDogvj5CNuSwKKwMaGCGCij"
    "ai4CriUTdtAQE4BhQoAAhNktBryhMrTTUhstIMHwDUatWCTAd56voVDPnliWBYZayt5I3sCKe1WmcERc8lsABFgIhbkRAMAC"
    "TA82IIhAaM7Hbwm2mUQWcgGZ0AqBAQnAVYWgSeI0F6APIOYQAWAZSLjZuuo+NIKYUY0EiGyE5EcQAcQ5pYChQjBUFlWx5G4B"
    "DQm4OGAo8IkHnFcEQjALRGl1qy2MKE2BwhBaDIElhgTCvrcSwl7Bmzlcu+Coc5KMIHNrMZEBwGBRVhtLzHsvtYpAKIoAATUB"
    "aMZDRFiLUGwiAGREIEQGwITCYmh0YuS/uiCilIEEAsZUCuS7pWUoQcbwkMZwgHc5K4AAMAoCiBSzChY+mVuChwIVLUGeAeZ1"
    "w4EAVRwJIJBGFEPpwGDOIZfQbvIveIB2LQEAgCAhNIJgtYgZIE6URLKqIPqxyD+22SHlA2LoC20AaokBAAkEgy/19EpIvJBe"
    "NKpGAE6EftgNgGynhAkCkOsoOBcEOMHWAAghCSoEkART8FxlzG5ckBQEBnVQ0Ek1MCeNUqlCGCJeHFSmuZTNqYgqgRA2GoHR"
    "iE4EgEWnDUfPtbwjG2SgeeBbg2ZsH/ViZWSRqAC4ERRrwiEWcEIlXGFtBC7IBACIAHBAqACAIQGMKgOCQBAEi0WShC4VtTlI"
    "dCA5lgqwARdIFrBwAAUMBEHcIiISIE2EhjIggVipYQQR0iEBICCZEczbiNIzwdM2xCF3lNuJYDEOsM9oRqyGvsHkRoexx4jm"
    "AZASBJooJGhIgAEUiJugVIkxkYfQrihSQrJOJmBYuawkXOQyTEwQUoIEFMlkGYk6C0pMQUGunXwMaFBb47pADiJiIZAGFAnS"
    "AQTNohzYwzQZicuIhBAckSU4IFBokEwUQVweAXIRoTqCNIoGkhRYIZ869P577IkRHAgCOg6NAIxs5oMFAJEhVJBICFAQAIBI"
    "J6MUggKApe/U1whaxbkV2rnEG3BwyT4uD3Ix848guDQnTmZkxwBSoLJ4SIsQ4VzoKEJEAYGOlZ5GlYD6R39nTg5gBLhSG8SI"
    "zmejSKgCAigmd6laAE2/QA=="
)
# END VOCAB
