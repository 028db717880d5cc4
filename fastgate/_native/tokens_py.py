"""Token estimator kernel, pure-Python twin: the readable specification of ``tokens.pyx``.

``estimate_text(s)`` predicts how many ``cl100k_base`` tokens tiktoken would produce for ``s``
without running BPE. It makes one pass over the code points and cuts the text into the same
*pieces* as cl100k's pre-tokenizer regex::

    '(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+
    |\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s

(contractions are not special-cased: ``'t`` already forms a prefix+letters piece). BPE never merges
across pieces, so the count is a sum over pieces. Digit pieces are exact (every 1-3 digit string
is one cl100k token); for the others the piece is described by counts ("features": an ASCII word
of 7 letters, 5 Cyrillic letters, a punctuation run of 3 characters...) and each feature has a
cost calibrated against tiktoken by ``bench/calibrate_tokens.py`` on the committed corpus in
``tests/data/tokens/``.

Costs are integers in 1/1024 token (``SHIFT``), so the result is
``round(sum(COEF[k] * features[k]) / 1024)``, computed with integers only: the compiled kernel
and this twin return the same integer for every input (tested on a seeded random corpus).
"""

from __future__ import annotations

import base64

__all__ = [
    "FEATURES",
    "COEF",
    "SHIFT",
    "estimate_text",
    "features",
    "char_class",
    "CLASS_NAMES",
]

SHIFT = 10  # costs are fixed-point: 1 token == 1 << SHIFT

# --- character classes -------------------------------------------------------------------------
# Letters first (class <= LAST_LETTER): the pre-tokenizer's \p{L}.  The script matters because
# cl100k's vocabulary is mostly English/code: a Cyrillic or CJK letter costs far more than an
# ASCII one.
LOWER, UPPER = 0, 1
LATIN, GREEK, CYRILLIC, HEBREW, ARABIC, INDIC, HANGUL, KANA, CJK, OTHER_LETTER = range(2, 12)
LAST_LETTER = OTHER_LETTER
DIGIT, NDIGIT = 12, 13  # \p{N}: ASCII digits, other numerics
SPACE, NEWLINE, WS = 14, 15, 16  # \s: ' ', [\r\n], the rest (tab, NBSP, U+3000...)
# Everything else is "punctuation" for the pre-tokenizer ([^\s\p{L}\p{N}]).
PUNCT, CTRL, MARK, SYM_LATIN1, SYM_CJK, SYM, ASTRAL = range(17, 24)
N_CLASSES = 24

CLASS_NAMES = (
    "lower upper latin greek cyrillic hebrew arabic indic hangul kana cjk other_letter "
    "digit ndigit space newline ws punct ctrl mark sym_latin1 sym_cjk sym astral"
).split()

SCRIPTS = (LATIN, GREEK, CYRILLIC, HEBREW, ARABIC, INDIC, HANGUL, KANA, CJK, OTHER_LETTER)
_SCRIPT_NAMES = ("latin", "greek", "cyrillic", "hebrew", "arabic", "indic", "hangul", "kana", "cjk", "other")

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
    if c < 0x0250 or 0x1E00 <= c <= 0x1EFF:
        return LATIN  # Latin-1, Latin Extended-A/B, Latin Extended Additional (Vietnamese)
    if 0x0370 <= c <= 0x03FF or 0x1F00 <= c <= 0x1FFF:
        return GREEK
    if 0x0400 <= c <= 0x052F:
        return CYRILLIC
    if 0x0590 <= c <= 0x05FF:
        return HEBREW
    if 0x0600 <= c <= 0x08FF or 0xFB50 <= c <= 0xFDFF or 0xFE70 <= c <= 0xFEFF:
        return ARABIC  # Arabic, Syriac, Thaana, Arabic Extended, presentation forms
    if 0x0900 <= c <= 0x0DFF:
        return INDIC  # Devanagari .. Sinhala
    if 0x1100 <= c <= 0x11FF or 0x3130 <= c <= 0x318F or 0xA960 <= c <= 0xA97F or 0xAC00 <= c <= 0xD7FF:
        return HANGUL
    if 0x3040 <= c <= 0x30FF or 0x31F0 <= c <= 0x31FF or 0xFF66 <= c <= 0xFF9F:
        return KANA
    if 0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x3FFFF:
        return CJK
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
# token, " producción" four, " produzione" two). A Bloom filter (``VOCAB``, at the end of this
# file) of every cl100k token of the forms " word", "word" and "<ASCII punctuation>word" answers
# it, with ``VOCAB_FP`` false positives. The key's bytes are hashed 8 at a time (little-endian,
# zero-padded) so the compiled kernel can load them straight from the str's buffer.
HASH_SEED = 0xCBF29CE484222325
HASH_MUL = 0x9E3779B97F4A7C15
MIX_MUL = 0xD6E8FEB86659FD93
_M64 = (1 << 64) - 1


def vocab_hash(key: bytes) -> int:
    """Hash of a vocabulary key (an ASCII word with its optional space/punctuation prefix)."""
    h = HASH_SEED ^ len(key)
    for k in range(0, len(key), 8):
        h = ((h ^ int.from_bytes(key[k : k + 8], "little")) * HASH_MUL) & _M64
        h ^= h >> 29
    return h


def vocab_probes(h: int) -> tuple[int, int]:
    """The two bit indexes of hash ``h`` in the vocabulary filter."""
    h = ((h ^ (h >> 32)) * MIX_MUL) & _M64
    h ^= h >> 32
    return h & (VOCAB_BITS - 1), (h >> 40) & (VOCAB_BITS - 1)


def in_vocab(key: bytes) -> bool:
    """True when ``key`` is (probably: see ``VOCAB_FP``) a single cl100k token."""
    a, b = vocab_probes(vocab_hash(key))
    return bool(VOCAB[a >> 3] >> (a & 7) & 1) and bool(VOCAB[b >> 3] >> (b & 7) & 1)


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


# --- calibrated data (bench/calibrate_tokens.py) --------------------------------------------
# BEGIN COEFFICIENTS (written by bench/calibrate_tokens.py; 1/1024 token per feature)
COEF: tuple[int, ...] = (
    731,  # vocab_word,
    1003,  # vocab_pfx_word,
    1024,  # word1,
    2159,  # word2,
    2469,  # word3,
    2300,  # word4,
    1745,  # word5,
    1825,  # word6,
    2103,  # word7,
    2507,  # word8,
    2534,  # word9,
    2513,  # word10,
    2916,  # word11,
    2714,  # word12,
    3084,  # word13,
    3277,  # word14,
    3465,  # word15,
    3704,  # word16,
    3876,  # word17,
    4096,  # word18,
    4301,  # word19,
    4506,  # word20,
    4711,  # word_long,
    308,  # word_long_chars,
    143,  # upper_extra,
    213,  # pfx_none,
    277,  # pfx_space,
    205,  # pfx_ws,
    703,  # pfx_punct,
    483,  # pfx_mark,
    1047,  # pfx_sym,
    1022,  # latin_chars,
    954,  # greek_chars,
    436,  # cyrillic_chars,
    674,  # hebrew_chars,
    656,  # arabic_chars,
    1047,  # indic_chars,
    1045,  # hangul_chars,
    822,  # kana_chars,
    1067,  # cjk_chars,
    1215,  # other_chars,
    43,  # latin_segs,
    527,  # greek_segs,
    382,  # cyrillic_segs,
    523,  # hebrew_segs,
    619,  # arabic_segs,
    363,  # indic_segs,
    651,  # hangul_segs,
    252,  # kana_segs,
    650,  # cjk_segs,
    351,  # other_segs,
    1052,  # digit_groups,
    1024,  # ndigit_chars,
    878,  # punct_pieces,
    66,  # punct_space,
    111,  # punct_ascii,
    -30,  # punct_nl,
    1024,  # ctrl_chars,
    865,  # mark_chars,
    891,  # sym_latin1_chars,
    1143,  # sym_cjk_chars,
    1705,  # sym_chars,
    2706,  # astral_chars,
    962,  # ws_pieces,
    10,  # ws_extra,
    977,  # nl_pieces,
    124,  # nl_extra,
    1024,  # ws_nonascii,
)
# END COEFFICIENTS

# BEGIN VOCAB (written by bench/calibrate_tokens.py --make-vocab; see in_vocab())
VOCAB_BITS = 1 << 19
VOCAB_FP = 0.0723  # measured on random non-token words
VOCAB_MAX = 26  # longest word in the filter: longer ones are never probed
VOCAB = base64.b64decode(
    "wF6OJUDkCHZQYJIAAjBC0FkAGUMZEmTpBApQMjUJZAww0WTWBIBdJrfgAgFRgBhksIAA25hCABwgBCSBkpmROIwESZJgAMWs"
    "AYICAAAJdEjQmGDIAAARWJRIECMxAEggaEABjhAkJihIEALBpAiAAAEAmAEQCQkgBAAggKBMQIABAIWhRI8FQAAZABoJYAKg"
    "+U2ASQwClEJSAYPKABRMiWDIC0AIYIEJghQV5gAQAPFAoAAAEG5KkJgGBADQQQ1EdJQKWECFQMQC0KFQFAjgiBAgBAgEUIQE"
    "FSRHJwCKKAhILgISAAVEESCEAAAABIUwJ1OIT04gaRoCkBVboCCAEEQwiISAEAQAFEThNgJgZAQIoCCRILhJyAIEK6BBmCNg"
    "REIfEBBoOkQwBEATghEgmMyCQAEAIHACpgAQkAIkQxiSAAoAGWjItQ4ASAIAMhAgAwAYCilEAFgi1ThD4AV+wAQgAFAgWCgA"
    "khywZAkA4COgOCSQkBQSioBDABoQFAHCghjEFMCTUARbCEAiQAIEABYolE0UjgYCYCgkAyA9gYAWClYUAAUAAliEOHgFlCAU"
    "WMpAGkoRhA6j4AgkAhNAIA4DhQAABFE4AgAYAMWpAEFFJAhgIBEASiAT8AUCCIQeAIiiCLCvFhIAQQCXCpGBIJBAEJUQAYAC"
    "h8AMizJGDwASKsAJDEIRMqADAKECECQAYISQIklIAgyA9wABCBAhlBSmgUCFCNBsaDAWSqwCggAZYUgUqBACEghgwCCKQAB2"
    "LgYAFggA64IUF0IGYAGPACAhACAFCWUxYniAE/EVoYAkAEp1KQAEQNghACGAkkBAABxFOAEQAaEAIQiBAAGg8ABkECAMKRBk"
    "jg1DkIIMDHCWUgCJxEgAAEmILUgAaFLAIAI5SEoYAKAOS8dBQMxUTAUoAuYBBQTigDAVJoIwgAimBtQJBhHSNAI6sHATUABM"
    "xgAcgBgARwUUiQg0bEBQgGGAwJMAAAQJYFCACELQg0GQX1WGiIEoTAstgRgT2YpGECFCikZAKlEIGQAJUhkggEmAQBAHNMUE"
    "AAEkkTgQ2AwIDghqgCCIlIjOLA8QBAsNIASJAIigZQANgJNHGJTQjcSpq1MIAADAKQ4KKHQqRBKooBSARHBERigMAimgSCFQ"
    "ISOCAQgSEhRA4CAjkRISyg0VCQIAMgQoYSEkARBJ7MCpCXTGhAiBWUkQsRnwUQIAcwgTigAIgkiSE4mEIQQADOGgACAAQI0B"
    "MqCAABgCMoIDHFKSIjgEIKFBEIAkiBQjgghhAhADBEgsCIIIRMsBILAwVIAxJCEgxkAQ0AMCEBhAACAicIQDCgAEYDEsDAUL"
    "EAgwV3IxhBADiCAVOg0lQFxIXCKBKmJQVCBAAIAEDhkB4owEhAcXiAIAyQiegGNwgKAAjDQBFCASFgS6IATQUM6IRAoEAggB"
    "hRAGYCqlgkkGQ0AMcgCVwsYjtTBBURJAAkHI0SgWxKUhYQwAwh1kQASD4FCRAMBRIQLABQQgGQEcKg8JkbEEgIgqA2k4IIAN"
    "CEgIYwIsBAmYMZowAHOoYoBAiMgAAe8AgoCAAPIJBACRSKoBCadgE0FAiSBYEyAipEaEFiFMugFvyCztCAgAJD2kFASAAiBC"
    "kgFgc2JKiYkoOYEgHDBqOBQQqItKoAComQhAEfGAQ3EAgWIIwTDrJQIQGgBAsgEAGRAgBGCOCAAhoRAAMIEcV+AQBAxEwMkk"
    "JCZYo4FQKBRQEkhgoEgIJgQDBoQpAYKgAiQFhEnUEROBBgj4oSNAOErAsBBQwEAUwhijJAJ5XCC4PoBAIClAkYEEcJYSoJcu"
    "iCBQcyAQFDQGyzIDgGAAVYjCCAM2CQBPiwAaAEwh5gA6wRQvMIAA1GAcB6qRtAkQAQGOAMwCgASwQCCMJggEGQoVBAFILRCC"
    "AByACEgCghKDKsCRAWBdADwQbgAIYCZQCImgAYMcT5AAoIMGgCAS82AgkMTRmEhwZBhFADAhRAAFQhYAIQAWRQFTfYBQgOTA"
    "gVwLoAiixAACCiAQgSMYXI92AIeIACuhCGFIkikEATBIAyQIhAQBlIghkQKBAABJgAAAoGoQkpBUVMBgCIAaAHzCETgMqYOB"
    "gAjpUAeCIYABKCyAEEAoogKwAbgAAAA2AwAqaAJBCAAGBToBlGADEHAIAVQADkBAMOgIoIhhAIYICwGpykYIckIMKCCCIQkt"
    "kAAiR6CCkBBCGESBgEggUAKAEglYKwA2oWCiOIGQggSRgjRFBjAA0AkgQAABAgAhAECcCwwC6oACcACZWIhIugFhQQAaLpg0"
    "BhRAQCCAEkAJAAIk0HgCFkBKRLIyQAQggwogloyziHABgBgZCAAkFBZwAEGIgxgEUQEiEJBRCMBbwAIrKIEQSJRRSshHRogg"
    "tADEGAIiYswAAGEIBUUAIbKHiJJAAZgjQ8CjoCQKhBtMjkkIBAhAggCrQRAJKeUBDmI+wi4cgSBEgEAxzBGACkQgKPwIECCQ"
    "BCCAggO0xwBICwmAgAAHSgEmiwLhYOAEHhAAGCIAkeABgJCUO2RsQKCgU6IayZCALWgEUURIEhQQQhCUGlOSQgBACAAAQLIV"
    "4UcBAFAgAJDAEKpiFCArDDAQrRCBVEg0mokQk4IQkoDPAIAUIMUohmKEigHgAsQgAIEKWGAAAJCAJBCgYAqAHJYKUMEEYJFN"
    "DwZhBAJgAEDFQCjQoUATZABkGhACIGGKibIDzJiBwMEBAvQlyAGsWMApC2AFAQAiJKoAZEJ5AHBrsFixgWOBAoAyMALAqJCg"
    "KmMkA4DFwGcEGMARDJSUJZQBAMA8CAgAMKKIOGAACk+IxgpgDxgCQkKBBI9YEQ0YQQAFCIhKBiBQIQCJQJ4xQgAIQEsINIAE"
    "AIQBAANAQFjQxABE6BiBIKABEAaScCHJBgGwMYagYgJEEHSStJQEFCghJjQCVxEEEAoAIgDVIrUCgJMZ8BAYhAAIJASgCYkI"
    "FCICEgiJximJBkenAIgQ08EMMjhESAVEFoFRvGgQgAAApGgMYEhlYAAQjAAAxMEAwhoCABIIAQ3QSUgpRDAnEQYBKRBFTQhQ"
    "jCNBEQQckmIlKIwADQkEYBghAF4w0S1aZWECDoXAAFwIkIRgEoAB2lkIAEgcC0VILioqIAoUCIaQcAJsiQYRAgTTYlSIFgI5"
    "ABQkcAECSSNQUeMwkAUUCIgggMoFQ0KgAUAICLCEQIFAAxMBKAWRCN4IDhABlCgoDJgXB4AhgGAwKgaAEpIADBANCDdiiAgC"
    "hSACREQigyFUcCa2AFqyAOaAcxkAU2EgqADoIYKAkgCsQDwBCKSiWyIMQMGJgRKcpAAYhDASEB5EBCAjNAYgIwsEAKYpKZCI"
    "KCFxAsBMMCABAYCW3AqGoooCC4lEIMVzKFicAoEIarEIQQAAC0VdDAQA5QQxIT4QOgkojBHKiECAuQdgAAQGJEQvLlAuICIA"
    "QIWAxAQAAAhAIDgkJHQSSIIACy4ADAAIBEMYgAwJgJgTkkCQE4gIMEcAEggKIRNgoBEaUQSmMWNCgAgAAQiiAJFCTAAMCwiC"
    "KFAQCEECAz4M2BiAIQIgQBYQCRiRAQoBJAkAQIAIAzMkQkAlKBcCDQlFBQBgbY8BjEAAcCZIEATkCgcCQECNhZDBRCClFAAY"
    "AoVBCXCRAAUAJU2Al2okSQFAIgABAAChxoYpaBSRbLRSQEgiBC5BOTcQgIYpogFIiSwAyFACUAAaIYFAAPixhIgiAMmAUIRR"
    "UFAc1mOI0MCBUgQChQ2iEAIIABOFDQkB0bJAMFAuoZYAAAQChIkhgsAASMZAEQcCBtAYAAB4AoB3AAFwJCAEAUUBKYQEEUEA"
    "IAK8FsQAhAADJDAgLFBASQwoqAsAApCUKAAEAqIAEEACBI4QGYTlIJIAAGLAAAsi4EIBzi0cAEYMpAPCc6ACKAkAABgEIMBF"
    "kAIB2KABUQIKiFYpjJAgAgxzkAYACQxBBUgADGYCAoQSgIiRkBCEKwCAQAOhIAAdIMhaAYNQQhjCCIRBAgAkAgYgEIIQuwAA"
    "BgehRqBiKmAICAxiAwwnQx5wCASsZdwKBAAEGEgeAAAhIS8Igc8CiKMFAXYiEFohQeGKQBB2gh0JRcAgkagkCpHCOoCUDAWR"
    "AiFIWhya2IASKKoAVgFBARlKpgCEoQvw1UAAQowggSGCICUKkEIVBJAyQkIGUCQAE0CBEZBhYSBhCAsAighM2AlJG2AAcBAA"
    "kGIFADEBAA0siLRi0IJCBlASTC3UAABAQCIAQOQsABQAdxIyIQADhRUAAAEGAMRBATGCKAo1msQFAEIINTAxJQAGYAAAhBRB"
    "yhABRARIggAGRkoWKACwBACUAEBQgAGAPwlDOFUDDdBIwLARDQWCBhMWAAQVAwqQ0AIJIyB4YCtAglQiDToWGwHLBxoAVAQL"
    "BUECQBJwoIiFABgQAACBMBOikCOASgUkdkMgkBMoA5GECkQq2SiAeFkKEhCZBAJ4QKRgVAIhIWiBQASEho7TABCWyJUkCWBE"
    "AwuAAQEYASWCIhQAIgAgPcIMgICIAAgACBQYgBCDiAODAAQDiIAAATLBACIQhzCA64AQIAIGIwPBIQw0AGAIJKAI0kCBUXAI"
    "CBtAsFAgKMAIVeAYAIAAQM6MEEA0EwF+PQgEsECXAxCJEAACDiiQBphAgDAIgAiHgAGiRAwGVeMgEE2AwQCCBQ8kaRNBAguY"
    "hQFBHOqsChBSBkRkIGHCFkLSQQkCghEoDQIULKAGFARLRECAJhVHMuBMSpWCqUBLmQCwIQqRJACFE0GQJLTAAvAgGQETWOGi"
    "4nAQFKCAAjgOgAilQpSIIFAQAQKeyRkAIQlFIEClIYCUCACQHiEJALoAQAAiCBDCRoEmGEik8xGoIGWEMKQAYARDCzgKQgA0"
    "QAoAhACIiiQCABQDACZBBKABQAWaQAKSFIACACACDkcEBRAAEDEMgQACTAEYCyZEPEggIBRoClQCOUAw1EyABQAz0CMCCATB"
    "gUQwEJCpIGFMACA8UhKElAAlwTR5AwoCFMGAQSaCDMICgoOCjAIgARTMQjIUMYyIAABABBgAAICEQAxpIyAZQgGBECAYEhCA"
    "gCACPEAgFIAIEAQkWQ0ZWQCgwFUThA5VrLkR0GsZALheQAEgggjAxCBM0gjAAx4gaiRCqwgABQZkUAQIAgIYoYpAICJgIGlK"
    "IcECAFiJgxMLFgE4AVUAJiAQQBABGRQkYUQyHhbRIoBBWeEEQ0ASQEUQAAgRcgCREKIAWwBBBiPlYDiOjkCgalCIEiACaBbg"
    "gMEBFEQlxkkAAKA3imSAGIYQBKWwNjFDQBTSBCoApaIQIABAChA7BiQwMACYAiAQMABEiQgBjCAiRXKIEIBABAIEHmcHyyCA"
    "QgIKURgEP2RaOQvQpoAkFMDCtAgYaZBgUEQoxBhYYhQoEQMSAGgMIgCxIBAQwFKEAAbABwQiIYCggKqQyBhxIMrRkAAUCCEu"
    "WABlwFhKgBIUqQAJgZKAQGCKBIdwMBEAAxIhiQQCRQAFIcBGIQTcgyCEEANUgfGgiB/AARkhYRAJwUKQICDDDAA60G0IIIIi"
    "CVbIdFjAaYSAgOg85UMdQIgg5wBRTWiigDYBMAAhBFAUDAKQhDEWSgWUWOAoY4UAg0D0bgAIDTgAIKhEGEYVA2MI4ThgiAcB"
    "VYCcgAJIQwCRCSwDBwCABGKTcShUAEaAQGEEpoQhAWfrAEiWQAQEBGQgBQEOIwAIIMgBkwRQACK4TBLwCQQKQAIKEZAOIABp"
    "kIQggMGgBYFYKFERFC7CEsDrCNgxIBGEYGQoASgAMLAIAAJUCJICGQokSRgNSAjqQwqcAIiAIGApAZiDXgeCADhgCiA2YyEl"
    "LBAAEIgsCIEBBABQoAkq2wBJBKJLRIlqQsBqID8AgSoMicCKIBHaWAjACAIAjgEXQiLgzh0ASFAInFAnYEDpGZlIhAIKgyAK"
    "6BADiJACaGLVEIiAAohIQIAD4URBGgggvBHyDAihCCKSHAjgRWNgFEhMFgkgoQgQAiQAAAKBBQgMwIIEDAYgL4AGg0IAABoA"
    "CAkNABRDwAAUQBgBgTgRgndEPIBcAxDBAeDDWV5AACghDA6FIAoJAAdCg0ISx1KpqEEBUvKAhQgoAARAAgCOxgkRGoJCDpUI"
    "ICg7BY4GIg9BACGABgIwDASgEAhVBBAKABBxKWoKBBAQoZJ4BAQGhFmAGwAQEABiAAVAxHAIwCMkApkHEBABKhCBECGAFEEV"
    "AC4ECAAMIQAA0SAmMFABQCYIGpSExAcFxYiAAlCiLFTUBQSsMJKSAgRgGOhIJkSgAIgALICaEDikQQNCgEAGMQwCBJAAiBYB"
    "yCEsWAAMlBAABwEmUgEqEEyBwEC0qQYilOAIANIkAjEihZgCMRFWcQYQgVJUAMAEzw0JABIIACDeADpEgEQhAYgHHILDGgfw"
    "YFyAOAGgHwhgHFyIpQBZuOIAhAIAQJYQEMgLl0AEmEgBAAYwSIwAMAUKCdgTNAUAYAhBwYwlAqGBFAQCJIlwFQgGkLKBQBAS"
    "UANowpthAEUEYQgYMCUUBZAwAjDjqAAToQQAChSgABASIAhiJMAhRKQAoI0ogAAUYIMgBCA7IAxBAXaJWnhGMiAEDmEiEAgG"
    "pGGWDiGEASgBBYBRIFAFKRCPICGB3BBRGkDQhESwEsglgUEAkALBmGUQDYRACII6ICrPIjFUAkICQgFDAxFRwUCEIIKALB2J"
    "0S4mmAODUAABhZkAiIBgkAAAIIjAEAKCIQAeEWGEgCgAKAUoRFIAA2DBQxKgRCAkA5Yk2E5BKBAAgAhREzQEQEiIkEAoCAAM"
    "EA4SEBoAA1ogCIDEANQQKIQFAwISCWKESAsQCIAIFCEMJBDhEAMgCYIkGAQAHQmBADFgjAgNiIgQVAAQBAR8cSIWMG0gImRS"
    "EGBC7oJAQfYACgECCIANAjCSAKYQgwdBEhqIiBdGACSJgVwhFFaUxBCQQiASAMggiAQAAAJEECGpSgACsCcGEMJmInGoGBHF"
    "gCAogvMAAcAQIFNIABgzAIABUZQTQ0ZLCLgZAhAikDMAQBEpScARMOFwRgoBMBwWaRKMARIgxIDEYIsjJIACcCaAIAAFEwAI"
    "KxCIAtcILkJAEK0lAAsGSZUkwBjpiCVBIUKQgBioABBOkIEUABjkEI6GmAQgKhjQER8QBaqOkJQABcGCgAozgAQ6NEAKBioA"
    "GzAACQjMFEQE4gAMAREZIBGAAQeAWSspgACTCgAsBAAAoBhCAkkG7uEiAgAIBsBq2gEQBQI5GIgWkICAFGAgPVygRMCgBFSA"
    "QSFIADZHGpkAkgMWAKNBuFEJOEJcgMIhQ3sLDIgSJ09JAIwVGlCDUgCEAH4ECB0oDRENJwAoAjLEyBMhDjgACBMA6o1AFCeB"
    "A8aFIwKATHYCAzYA8GgYIAdERAAEABBA6A8mSEEEmQRBFIATkiYEFALOgMs0hBeAQgQaArCGkwCaAUEfQAAzKaR4QkBycYIQ"
    "Apg1YQBACMadAQACDCCAxIC4gAABYigRzQgaBQgBkyCgAIIKARAEJQKCgIAECGATRBOQAEEEWAlFgBgOYkSggAqCA0RAUhFR"
    "AhmkAJACAAAQlwBMINWugEAAYeMOQEYAwFCARgMFAAyEACMAIkABBQQgAbAKgBKNF5EFSxDFEEBAkr2BoAlBoAAUEETIZFAB"
    "QwUAB4EpwAADCIEmTAYICJ0CGBpQIAkgOA+woEAHQMoIFUYAExBSIpkcVhKIEyNlBPCShlSSwFBgCAkAChNE0pRA0gREArGL"
    "WACCAJgIYABBMIEyKiS8mVZgAE1eeI0IAFEQFxUkLIMCIAgoEkQ8AhmEQRSiBYgka0AiAGM5BiC1JRAQBHCAAIIMgKLIAQSK"
    "QUObBmqqPBAQBAAEAoACDUYASsIQBIQyGEQBMgKpACKHYWRuAAVBsQYfAUEQA4EgoCIEEoCAgIEVSmWZcgQAMEp4gAUgVDAQ"
    "I02AQFAwIggoCahCBUEZAUoVBIBASFECBxKjFJEAQBoAAEgDlSTILFYKABiALoAARAAYkgCcglBAEkAgEIACI6QMYAIgAEEk"
    "ADAnACwSClCACAAAIFQQKCLDyxKNNSABASCAgBGJAJ6IKmCBghCYLICYAEFAkgIeACAAQRCAIMZQADAQGAIIOZVgDggHAiCD"
    "AAwxREFWQIAREpGRJCESgINQgAUCkAgaAKoSCICCGnACDgoQkDBgJkSAIKqAOZBgThgUCHAYWZDIXpEYFVAAl0VIwkEwKigo"
    "LaiCgHAkCwEJGkDMFEgKEgkwgmAQTqAAFEGlQQFAMXQQOOkJN2AAIFAAhIQIYMQDIAJgCBhJhd5AEuBAAAlfmYUACQIoBAAB"
    "BEogCMTAAkSChHBCEyLwDRCCQDuAEDtYkDFVAGEgBgUBKIJhAKYAhwGAJIhIOKBAAEBBAHFAgCNCBCFlSTggCAgyMASTscCE"
    "lnEAYBoFQVKCcrIUaGBMAxJBYbAgIkwAqIkAcCkUxJCIc4IJAACDESeGARjCAAIBBiIAAyCAIBBAMgETQJsKAxYAhcAtYIAA"
    "KkgQYIKmgBeRCQDrIMCAgxoE1hUeACIQxCZABCShfElUQIUCJtKIUhR0wGdICXiQAg4kAQIoMLggkoERKKAnASILTQoTxiEQ"
    "AQiMgqJEBkKROSAeAYhAIAKYEAUFYBgX2IKUCpkEaAgCIg6h4YECGgIUSAADBUUASABABrYQjSAY4FgKJSZEBngxAQEEgAEW"
    "EBCsABmACaADFAJh4wAQMDAAxCKSwBQAQF6zYQIYDIMFeEIgRIIQABJSABAsJWRAiD9pQEIliQMCJMJB6lBkqQpHBEEAIEGU"
    "EEEhBghoJtAMtC8ECUhYABCCjgyIbQKBDSBIExdTGSzQA1sEJACADAURUCGwRkIAWdCAgDAIAmAAwACoAxCaTICkQAwGTgUA"
    "QCaADhUABHAChTFMxgBgIazwAhJsQAsgLCASABAZlgGBSFASICatQqBTANtIYAYQwUDBBgQQQCVkEW0AgBRkC4AKxBCQEQGY"
    "TSEZQAJpiAIAAIEgDAAATBhZQjIBBKABWwQIFVoAAqkKYgCAIjATJFcsIYqolAACAKw9oACAGIIRIAAkhQQKOQADEYRAEGNg"
    "AAKQsALCAiEzLABNMIDgDSFAflIggBEuRRhAAWMRUCNBkEUcBhAuEBhBITyRNKAIIYYgARBJoQiiQMAASxGkwEAKoA0ByCSA"
    "1AsSgUBRABQsgggQSQa0AcYwRMBAUEgkQIGgB4gyQBqAQNGKACBICQAAACBVCURBjkQLAAhsUAIDRgwAFAEaEMIANUMB5IER"
    "KEhhIAASKiqCYgARsAJCzLLgkhACDEAaRAAAyagVANAYBKADKkESHqDACADVOJP4gQAhuABWJLAqkKQEQGGZOJiSbFGkxwIA"
    "EGAAACCMjGgMMooSAEAk0AhRJUBjAAChBAFkAF6BCAwAgABCRADIQiDWFBITSS68YAguAFDBhAXSVPEIwmAAuyBICIEUIAKg"
    "TgxOAwEAFlEjACcAngIAAZKAEQAADUABKHAKK5AAUEFQaEEQAQAKYCAwyRzgAAiZBAAAAINENKhIREkowUmoIQIggARTohQP"
    "CEgBgApBaUkISgE4FYEpFKgA5igQdpABCGIEAEPDQoBACEnCQJIFCkYBYjLqDgGCCuAgIlAQhPFAJvARAACCBAjRXgRlAYpw"
    "pMAMAAMgSQBwChAMgIQSDTAFARgQEbKwE4RCQJDUELDAlGCoAZCkisBABmACgIBEJVJOAZhxgg4CDECKBEJA2ggQnLCwgAag"
    "QUIUUoJAgIChGAAAAIoEmKAIAoA2NQBBGjREQwLAHAoAIIwUDATJw0AJAKN0JwAhCBkYMAosCAEEA5gMCEKzeBXEDjDKZQCB"
    "GJSCMCS8IAASIUAIAMUCBjEIiMEQiiAALAJEAG6wlARgUIAGAYGQAQFGIQQEDMIQZAEQEgTDJFDhACQwgQCegAAgEITJAggE"
    "UEAEAFDhgBIYKBJeARiLJwANkWSM3TIEFAABDQvBISQAMIGyCAwtHQCxCEoIgMeARZSR2xJVBAIQFZADCJUBAABECgosSIag"
    "LhMBg0lAABgAkJOMCFoAABUYhiDwAwAAwQSJEAAU0sagCxBzkyETVQPAuEAhmUgNhAAYp0GAAXElikAAggJIAINMhAUSlBAC"
    "xAICq50AAHEAKEIFhZAFB0IgACSAiGQARAIEoEEyBAwEJSUVgglRoWZAwkoNIqEQESUCIEomcUhCcJBBgQCIAAEY0FUALGCi"
    "K2EcoyQSEhFgATZEAggYAwAIACwhAwBIOpEKWiRCRIAAjD4KBcgKC0AsBABKI6hBUsJDE0lwSC/gDTAiAGQQghBAZ2MJCJUC"
    "5QIsAKBQI1BECBFqEoQAgQBAg2EUOGpQAcAkUBJAQC5EdGSETBAGAspkhDFgKAGAwkEgE4QgyCFAQJoCgQBjKYRAAAAHyYAV"
    "AAyBRKATAaiwoMEIiWQGQAYBOhiBggYgSuQXQ0gIElAXESEAKEcGSAIhHIUgYwIKhWII1ADADoAWEAkEAMFKkuTEUHGESIQF"
    "wGCmKTAPAAAAgR4hkckGCBxTBAKgxkGFAoAChAIYIkABA6UKEEIoiGEBAQYCA0iBAlg/bIGMZwJEDUtQiENBKEJqERgPiYCG"
    "QwGBEAWGDiIRBlEIWCMYIrOKoDIAZwASCwAgUAQArhCUZjgArkArQQKikEIWAIYYBYMCAIQutAQgSSAEFxBgQATmIAgAeFjU"
    "ExEDMGJCAApECKJhQUHhsgCDCFCMQOwhBShiA2GUIwCEUICEUGDAggRDoAAGAkI0DARDABAEwAALwNagHxEIxGAHwAgcImIw"
    "AIgQ4CBRoBEQwFIRFkAC4hDIWAwAImDZgAgUYoYYAAgBwRgWCwlQARJEFsSEIOgCqAIGNcgLwlCWcDQFEIKEkCnwOSCVLiik"
    "BogMDmBAQkKHMJYSAiOCCg0hBSCBJAAkk+M4pIHAAaCABAhExqKoEhXQHEMgQgBwTCMCkgjEAh3CQAYALAkoAhEmIBG4BC56"
    "lwTIApedRhAJQIGHBgJgA6EAlhhwIfKgSCJlIwCCU0gAJACicAguJICFJDCm4cAQiKDgFQkQYlUEAAFQAgynFMAAskCEEhCx"
    "BSCARAMIDw5XBLEI80AAypoAhAoLAIMBkAUMBoAxeR6C3iESAgUBCZIFILIkEIBAQYBXCUgG0RCFAABESCEAGEEMQAWUYmJQ"
    "AAjiYSh0aQByB1QBTjI1LcgIgNIEZAYl1/QSIEcyABCAKlEHCDASAAaAUomoIGAQAAEBhAEIBABAi1AIsQxAJoAwAEIBAhDQ"
    "QFOEZ1IFeTEFdRIBQVCRoYqgYEASLDSQBggWGMNAQIEABGIAMiDkPAGIJQhkwWMI4KIFEEuRAlBABCMgI4yGAZRYAAMMIwIg"
    "ihAAM5CgDStpNUEijtaBABjAgEBLHGIwAQ+aSwIIVioBhYEmKgQGKAAKpZAQRApCCgCFSDLQCTAAQFUbAFgpjkHCmECaQMSE"
    "NADgH4gwGtEIMAwAOlIHAJAoUIUDCAVADgTHgjUCIRJQgIwFIIREYZRNhEpHABxhsIETAsFSFEgoAAQkkiBAIqIFQEDGAqUj"
    "BAkdEI+IAgQjQBsgQg1hAoiCQhCA2FBKJoACC8IIIccYw/AyPhADACoAEBAUOgBMyhO5BxCijwghChEAECBgAgCAIEACjAUj"
    "wsCgwAJB7wQeog7ACFEIZBACARwugAWhXQECAhZMBILQ4BFyagC+hYCAPCAmEmnnARKTEGCkKASQYAUNAZZxABgVBKEEOCCQ"
    "AZKLiABKGABE1QDWiAJBMQEYnWhE0SCEACFUDchBVUVJgCiBEsAAAMDMGiioAhD4jARgRBQGARpOxkBIqRDAYAAGgwJEwQcZ"
    "IALQFYCCCaUaiBPIEAElCKF5CFCCBS8j4QxA+AgA8BAiCSoYAVCACIzEsigQEZBgBBKoVFWCSIuGBIO6YAgghkICIEQQoECU"
    "UEAA0IAyFYQANARRCGYCsAQgjgAABAIU0JBJEggEigAAQGBDAAFDCwIBEIkBt+HsCMkETU1CIEGIgCUSJAgiIB9giQTg4AAw"
    "AAlcARYIAhVZBSSkwJCgdQkQMMISwpK/wYQEsAiECSwYFEFBwIICAJGAoxVSCcSMAEADIaABG4Tkk4AAoAAICUCAIAgEwoCW"
    "RSi3Q24CM4I0ekAENkQBEqojAqGhHp4UgGEECSAAiSSCBIBAANEkRABRBQJGwcUYosANEBSYABBCIkdiADGgkx/AgBBEGOAg"
    "SQQgGERDFAVxCQAGHUKJiICERgACCYOQUBEMYAYAgwAYCAQQOCgARRMKIFFiASAoSjAICSQggWEIlkQBCFyUQBkYG+CIAKCY"
    "UIgAsJYIBEYERIIBEQAAIgHAATAADihAMRgAQ7bgAUDAICIBBUBRRAAAYWKzgxhoTAnQAYBgQkjooKpZEKMKEklgCQZQgJUA"
    "CWQLHAAWCMIAYUcMk4ugQiEUDQAJSUEECWEAoABMeAbggiAUYAqFSARC4AtAAYQgQwEBQIhEUQDJAAwzQDAIHEQRIQQIGi9C"
    "riIimIAqCkYRgoHiBQlCASFBYAoqWIgAiRIagIiQKiACAEyAEJoAQ4QIg6CKEQoEgCoSAwKQGUDwEGkQqBEAYAoASADjRANC"
    "gWMNDQEVRQEICAgFQuiAAqgilIYhOggCBMUgk62MEcgPyBGgkBMIh5BxjAJIKDjhwAKMlQCUcATCDa6KEQDSIAAsQ0AZiAAY"
    "AAQgQwJIJA2ABJDJKMAWACGigSDA6jJgMwZgVFggFyBdlAQ9YIEQoALAApQEYiE4AE2AEIASQKAoDpACkYBEORMAS9iLgUBM"
    "KwAAIAdDBIDMIImfGACaFFoRYogAAcQkxAAFIzMxEMQQCBKsFZDDAimpJBgBMjgkDWBh8Z2AgBSwBTAiB3kEQgBMoMBAAArw"
    "QAEBMJiDIsskEKEd1IA0JDA4UMgJYAAIUaAlgI4E7hIACMSYSsBKMS2GpEgrkBoKUYNHANAEkRIAgAloKEIDMUQwUIUMQ1EE"
    "EQgg0GOFSFkBMYAkACSKIAAUkjgRkQNJGAgEDgwIgUYSgIUg+IIDAFBBKyCY7oABAzAQuBjgAARqQcwCBC3UMykQJgl95REB"
    "AACCAgZHQDJXBSoqElBEAIBQpKjRAcIooFCMKIIIAhwoiAABNOTATEqJoAEsESgSgABIAAQaWAJMJyBhAWJsAKQkAAnkoIIy"
    "hBKARgU4EBi6YiAAgwjAAkWlABkAlLEgIxAIpYBAQhFAoRABDYSEAqAgoAzQskDb0KBgZAiAFEAwCODRwRIjoQUUuVgQkCLC"
    "IGUuhiCYCkHWFBBFFEEiUYQMEBOATwQkZFFoDkAFBN0GTSBIAkKCCCkAMWQABA+QimCBAvnbQUgJAIIwIgAAijgCgAACCCEc"
    "AyICEKwQwDAwiAwMCFYkEzcC4DApEBMITAKAJNg5VQtA3gRQ4CCAhSPAk4AEaYEQiRaBZEBRYAJAYUiEBZRAYWAgkBGAIhIA"
    "JQACoAAWwEAAMyQwSIERoKTQcAAgZIg5ghFiShAgUuKzaLAkDAoGOsygABCIEUIwAlATgBXhAkQyYiCZUQAnTAUAKYAgEAoK"
    "0REBIU4iYQAEZEKDEKIAAlAjiaDAEBwkCIgBxAxiWOEKkAC0AAmGJgAJoUThgQEAKIU0JkIhkY5AIQBYSwAwAAI1JBgBAEoB"
    "4IAgCKOLKBTAGwkgEKMABgR2wQYEgwEBEFGCEiCNAA2sIA1EIAAKAREJAAAIGAmSqCQAQtHAiiAARdNBBAIGYDQGIUGADgSg"
    "E5bBIg1AgMiIZAAITgIRRbyyKhEY0MSQREomQ2wCQQDiSjBwBChgRGBcgKTmyhgoAAojHECGAE6BIjpRGsACnAgKBAAZCAQX"
    "TAAkmQioAgAGGFlhgMwAwpPABpjSAQYAx2llBAgBNEgxJyLARSBRAeAIhAIBOIBURCKCQh9ckERgSBBpJYQBAIGQYAAAogZp"
    "CMAgKIboEprowADAHAKgAPgoVSAIoIBVKQlMQxhAAyAUggiAARgKxCpXgxARAaCANDAGBkAAJgRhAKEAIApEMkQhECr6AEAg"
    "BoEVIIcCEMAFEBgAAGQAIUAFgQAABUImCAA4AIQIBAYNIIABcIMAgyA4iEqOIgkaBkEFBAgHCDsAACBGBQQAAJAoAAK2CIRy"
    "BTAYkgAQIhBACBBABgUjQBQCeaRIQSDKFUUrzgQKAA6UIhpQYEAlBDA0VKMWhIQoARCBIBIDgpQCEYCQA9KDIMaIlgSLogUk"
    "zdD2DKAHmAkgUIkEs7AAKCQQAg0ZQKlpMJFj0WgEipBs9DEAwYkBAh4giiACQAELUCBRTSmFQcAyBGBCAoEhESUlpBRJRWiE"
    "oBAiAACoFCoxPECDLizQAUuhAYRDsaWAAAQoIDgYASJCQEVSCgnAFCQ1KgAYUSNigDAwSISgMQDlUkCRBQAKklgSAGWggSAy"
    "BiUAICCI4AkJIoRJqTCgIubhgIAEfggAbNDBDDEQ0CH6cEQuysAkiQAAABEBog8hASGQECMFBEQBJhwAnIBIAA1iCMDgDgqQ"
    "yAoBhBDhBgbAQQGI6MyUMD6EQUmwIGBZQERIhGgQBiVC4EgIgDUMIkRRiABACAIBhoACAKgUbnrKEEUIDGEIAEBAAAEFABSU"
    "1kQAAEzgaRQrggQARFQCJgrrAHAAJCQAUYBCJ3AANGyMABAQRBAAMnIJggAIAAKRSpCIEi4RBNDyYkAADAgOSEiAHDEEAIOI"
    "gAgIPKIDSAArtiqAgYQgqEAEIMDAADkCUgFrRKFkQIZQAAQBQjJjgCFD8kGQABAAMAgETSiACUAKiQFDQeWVBIEUAokEpCAj"
    "IsAJIAIGCKCQLIAJ0KEgJICCUAAojMITRkiAwSCQKyQhgGs1gsDkCgIAE4Ch4IAk0YCQWCLDCDYAQQChCDt5MEtADAAROBoK"
    "glMYJYSgkASoICCQEhGEZDjAmyacDyc2DEYMAE9VCaCiIGNAIZOhEYCCm5CB8RAABoEdIIBY5UgRKFMRJrIEYEoAEQATKQqh"
    "EgUKCDQwwQCxRFAAQSCSIsMCMGJBAKIlzIQVQCQiuDkIhCBJA6MArFEEBYCDEQBAA7QRBAHSVyI3BpJDIQZJSwhQlEQAiAXs"
    "AAEAAAAgRiAAAIQiDAdA4AcgJIMTBEAwAo0KAATFMQMDaghlQSCECyghkJwEFoSDgSRADsgApIEMCSYIROLMFlEBL4EVGAyg"
    "BCjgXAQFYoGAgg2FsCBQXZB5GCkBwoMEEVAcHEhJQUEQEwEFSI0QBAzRGTGAFkfXDDICRg9Wni20AUgAxALAgBgBGLILSAAB"
    "AiWLhkYVUEgKJKJIALAABQ0NJQRAQC4JEgAJO9AAkYGlhAAAQw4ABAAWAYIA8gE4QABASBvIgDAB2FEiYxhAjFApQKAyTGQR"
    "KMJRiAEiwjwASYHIUGCY0DSDIB+QAEalQQAkhguBKEISLwjggAkwEIUfoliGKIMYBAQ4QcASRFHXERQwEkwQLCjIKTkBgBEU"
    "EQMQEkEIh0AQsPpGSDAAEgBRhgAeMkIAECUqQiQJKARQGBYFEYAS4hcQpuBYSNhpSICIAtGIQBZAgQAGgCKsUoMAAAEAYRcA"
    "AdEMMAqgwc0SI/Ao0JASDpK0FRAI0LIAQBBhbIpMMYBA5SBEDCBBKAgCLEbBQuZgIQCwFFBg7MMAUhAEhSIEEAALvvMKjAmU"
    "3ABCWSEMwcWPSBogAA4sgcsJDAGEthEIBsgRUAiBRIIIEFARgRSEIAEVAEHQCKCyMAwVKKAgQAiHghNAgFgiBJm0oZgBSAkJ"
    "AhIRXgCAACRqHMkTGSGAAAcQQBJgEBJUxAQkFUBAQAmA2sCEEmgVEE6CIwPYwKAAkKgRIYCAD2DAwQgSkAOCVAIWA0gAMZCE"
    "ug1BEMAA0EU0gBCACDAAUQpACSEALMwIFEBAoAQkWJIIAwGFGHkQkARnCQAAiAQAXABUsgXm6AgpFgAPGSgQhwQADCnoAl8i"
    "LAgVhQlNmlgkUKRCAQQoFhAEBiwAgBCRQQsCIgBDQCwEaAVJACBSAwkJAKAkQkUMSioECAIFEUZDgABQiCAAzAQASAISQpEE"
    "eIOEBFAQETMKWBOAkEcQCAFSEUoUwhiCEFQ0K1KAMBYLE5ACOPKFQhIQAAoQBwgIBlAgBBiEgAWKZi2IRSQYAkAPKSAABFZE"
    "BECTIAAygQgAgCpDJLAQJqooKQB0eIMoYMTAQMIHhNQaARYhoFgYAOBIqQhrGDlAWIJMAHQBADCWpKAiEBImCMgFSKSYoDgm"
    "ybQ0aQBAAIA4ASGABmlYwMAgEGUQEUCQJQISAg1SIkQIQZEAwEMDKAABBCoM6AkAAAAQEBEBEABjACRhoLUoFQQKYDJwEBJC"
    "QwQISwgAAgFEA5EBrAIAlE0cBlQBPAVQBGJAJQBEIEBykEAEGgSA4IEggAwgQAhCGYAlYAYWOCRIJhEARykgCJEgEGYcjCAx"
    "IA6MdNIoEASIkYOLMVBFgKUgAxg0DKEIYxIAQIMgxDwxWRoeBEDgogQIYVDBogxgDQREQAJzEKETnBUwGoghSKIPkyIGZA4s"
    "oTkAGBLCpAppFQgMQ0JsgEiB3wZgJphSPIQ4qEInIBAAQBqA2gQDKMNAAAwZAGIQJERgYRywRRgHKwFgVFYoiAJQJxYQhWBA"
    "qIgEBUaNEKEK1gAgIKANFCAwccggIAKDRECiQJAALSKAcBCaEMsQQhUAgWkwhoEmUpIAQYJUkBLZFEAIwjIJg3CUQAiABggI"
    "CEDOECYIjhAhAEBmjIAFnmGRRRqCcIBkUFo0gUHyKHRIIRkAAdB0EIgFhBhABhYmED5hQgIMAAAnkpIHAFMSIQJCAAHEAAIC"
    "Cg1BQqxMC0yUYAACeAjDQQIwCIBABDUhOhhFgio5ALEQBEgQeEMUIAYkEEBCh0RgiIQIKFBSJCAcgxgBTYAAoREAEgiAgAMg"
    "iNQBUG/M8XI6oGAAzmiDyJDwACJcoAoECgCk1hQBgBOgTJykAgImYNGAUWAc1YKBlCWQAABQBDOAQDkiQBJEwBDBIwGCUEAw"
    "wApF9AYSBRZgTEgASCIGCQAECChEADSzBAiCBAooBAAFAwqcOLgATGIAAAADgDLohC8AaCYUYQCeAwBDIEI0YmAiBBSMhgoZ"
    "KBpAAikDGQAbUgSmGKzCBhMgozKCIAlBGAPsABSCiIGJDoERIrSAigcAAhOKKkicMWSZACEDYjAcmCAouIABEBiAgIMAgBSU"
    "kwAiIMhgKCCgqJYmHOGHcJYSNYQAJDegSABQDCBD1QSCAADOAhECJEmYFRkCCALSFQAAEGgFCxhHBOq0cCRIICkwAQABYAZA"
    "JAw0cYwQBBAYGSBIEAhQCgAEIAQgjWIwAwAyCsFKAGFCkJ/JAsDMkAArhMAUoUMoYAESwrHiAAUMVk6QFkwMA4QAHAhgIgQg"
    "QEMAKoCAAQAQEFAECBAZJTAYoBRUKJgAnIsoIAAVQ4AoYCAAQ0MSAgpbEGrQgSACM/EPIYEMQRTYDUFQZYJQIYKiQCAAIhgE"
    "AKCQzQ2BfCsEzAckORAMGgoJlYQAWQCmMB+RJkMJEwBAFUFRAmFDREaBgbF0IqQDAkAqAANBFAAUJ0JAGMQIBQGAjOkAMQCx"
    "EAlBSA7DZIAA6cZpAJS8hTZ1iMAqhRIwA9kEQaQgDoC1EYGoURYRJAoAQQaNIiRAlySiF4UAsRQA+IEiJIkU5ASBoAkDCCQA"
    "ZBMwIhENAIIiIQHKC2hGwEglAAEw1ICKgQNwAcC2AIigFHgAEEAAaISnWBAAgQLQ6wChAQXJJQBICVAACIcIOgCmAE8YCIAA"
    "hFCAnQEoDAwCQ5Bh4CFIIKl0IYoBhRAIJLJQQCALCF8RCpGBECABgaiSAAJwpUZJKA6IwEBCSCwQgoQEJNsyP8SMAAEE0Aii"
    "kchQZAQKgCAzCCgEgXIRsqoaDVAsARJJoqGAEBQwSKIBwTYmEBIAAAhwgoYy4MoIBJBiENGDOCBGGhAQOiiDB04IiEQmIMoh"
    "SERHSXwYCrQhEwFMzQA4KgNgAIEREBYQ4iCAhgAYnEckFSxAAJhQGAWUGcAMwDo6BhlpSgKHIEgAGAJHQDwVUQAWOoIQZDBm"
    "gCCSBmEERDCkASEgiAAKARAssEDFBAFIymAClvIQJAiChqFQHwSAsFQAm2AwRQEATAAC1CKCkAgJgAEhOAAOJCCS8YK4YQAI"
    "AEwAASWCgkIK9BIpADUJAQ0QCvBSImFAgiCCSRiEDzzAggkHkAIFICcUIyuClDEACB5KATKaACAwAKJC3KAMYDwYYAIAFoAS"
    "Egoy6hRAAADCEiFARIEAIqcCS3FCXKCwB4QAEBQCAgIQFBCUJgYgiggDsAiFgAQDNGIyiiAAFyMlMmOBSEACBBWIBFDCgBpA"
    "hC0UJgCABECCCgCgMoZCAFA0gWkYgFIxwoIJAAoBQSIKCOFAAFAQtUgAExEPCAEFAUEMPoQEtBGRaFEgKEBAtwQDCKCEbEig"
    "gBBDGUQACSIgBIoUNRTSIBYgBgxgoIgJqBOUBQHIMADAMJGAAEgEJCxTIALxIwBsGQJGAw8DGCyQFJMpCgBgAgIgkBgSg000"
    "ABQABMGCZwKgogAWGYEZVFyAAggkgBCg1IAUNqKcCpNAIAAoIcSA7tkEYACBJLlCAIMBMmAGYkAAICgiSSDmACQQjRoaAEAM"
    "aQoERSCIIBAgQaU1AgoACwQgAM9DAIwEBCICCYCEhiTgREC0CwEQCAVgESoEYzAhgARKQC2BNmjlokgIFHBQAIAEKgAgQFID"
    "AsBQCUIAqDAICKhhAlAcMImAAjYPUEwHAFr4aXAcIqgFKEoZQgEBBAMHQwxMEUEEBgCUsakSAxBWQBNikKFJGqgAywSIwkkj"
    "QALhBIMUUDyWADIQEBQgAFJYLQAIQEQEQgBAANDCKg1iOQEEAAIQUBCgIRJganBDCBmgASazCoEilJACQCQCgAfJgxBEAHFL"
    "AAAE4GEIcERSMwA6AhBmgQFYxEUAALAQQCEAkAywAliEkCoNgUCCAgoQ1ABAIEDAACQwCNSCQAQFlhHoh3ASAONBBUOAcI4L"
    "ALCpQBykBshAESAIkISBgjIpaowAIgAkNATECkKJ82bkDAAEZIALGGAgrbBUgY7pFBDNxNAGCUkUMIBbB4BMQWAsM+JgBDUg"
    "AEPEOEEABQCSACIAgBABYhExRAAkAIYeQIEICAQAG2UJxKAAZhQBAAAMhJIkVgIAiAgCSECiM4qAUGLCADCwCACiAkUGQRcC"
    "jQrGR1OCUJXBSAISQJQsiAoAEZyXQZDUEA4AoDwYSZVBQhYEEBSABQAIRDEIIRKIXjJPEBAiRRAViohEYIGIAsCQESIEwRTI"
    "AInJAJADgSAAQFikBJABAQESBQWQEA8BJZ8Ihs4AAAAEBAAmoIpAIRhQAkGADj2QBQAQBCKAAETCBKGBkEL6KDBsYAYBcwrw"
    "YUMRW5AYMAhQImJAahYCAAASACSChEQERAEHEYDgQAgBFaFgZKAYEQcUCAphRkwAAYIQQgOEThSEBAAIAIQcKFVtOkKThQKI"
    "CoACCiQAgUhLtACiCQSk89PLyURCCSIABAQYAAAYgALa1ayIAZMhYDTBgIEzTSaDAABAqABGYEoQSYzMQAOBAAZIIAQ4QgUQ"
    "EIGAowiQwAGJUACh0gCopS0KSICIwMBiEsAhpCkkAUpAgQACUAKAEicQgkgYcEgABAUESjTQhgEJAAhpLIxwSFBmgAVhFADg"
    "ywiBEAIqhCIJBgCwyEBsQQXCQoQAIhRBZUIhBAIgCLIgSJQCqARSJEAy1wkYhAAggACKjQEIKFBCAAQBcSMBqEACQQyAgQ4R"
    "iEcEJA0KFRABIhICwiIYVAZKMFEaEAYMICQAxCo1SkgKgQRiUACVFShi8CMgGGA4hgBAlAAFTcBECBwhYBAhEyDBAY3ACABE"
    "YzSAgApggMhQEpBCAAwAJIUAAeQJEAEEgRmNQgVJKKZgNRCQogjUeBFADDyoAAIgQQaAIwNUgAkJWBIRM0nCJGCASIITCgGx"
    "wCAgAQBNmYggQEyEwAAQEgGQASCKCYgpZojYRAs0AEVibAEBmUYCQoCJSEBAgARAqIRUIiCglKEBBrAJCEECSVNVEBAaAhME"
    "gqEgkQgAoqJAjUOAlxAFoHUKADRICGOQRBFECwCRg41QhKiMLE8CAgLURAqwIiIIhIgBDAQMQJAEIQZAgSyyHjwiCBAoHdDI"
    "CGCQMgAYA5sAvYCUACVvCI4kZDAEkmMzAAgDAJwIAAAAADJa2AESyCxVBUEUQgsKIkCAIUADUUCkEFCFMQjWGYAEe0Q0gIEA"
    "SUlCsCEZAlCBAQJOACM4pIzBzDfGwQYjA08CiBwCAUAVAKYpQAAxBADFgDGCiQIB+AKJCSZQAwAgAqMJdEQEACgGphB1gATB"
    "IAETEADAJI0GAOESKAEiG1lSAiQC6CQgsIAggTwRaEAEgCyVEJQYwAg6IAA0koAgjoFClgagAEgVFlAKCUKQAALSkBDhSgIA"
    "popYAAkqEhVkCEDqAQnCygAAQAJQIGgDANAiEFwAEEaQkIAwsEaIwBBBIYECBDhfxCQDUC0ARQkBAcSiAxyIoTWCYsEAAAoA"
    "WzTaAsQEqCAEAWBqJgMCQioBABTpGICyoKAAITOIpjSaooIEGpDoCPMwYAUEAEA2GAHKNTElARgJMNMUCggsgSCABCABFElA"
    "SiRQzgAGiRE1EAEYIDAsACCQABMIhYwEGBqmAgIAhUABAmIyKWQAIEpIWoHACAUUgRvkHEGAJZIAlpN0EAVgcioMAUQAABCA"
    "CRggKyRKGs1AEAhAQCSgSIeIOCAKAIxiEQhkQAciEQxfIM4AMSAFyaUJWmlAAAwA2iKATjMZEEOxMgIrsANKECmCQA9CCcsG"
    "QQBhYBaRjQFSMgBRAuuAAywK4tAASIMgGQAIEAKwAjtkSiMWHMpDUSEGAAAAaIIZYBFAMmAgBShRAAKEIhAYAlQABUjGA0TA"
    "JAoggyShAG6FxQAdQaRhYALUIggIBICIUJAQJYwwBuohAEWASpsAqBmkgAQAFCFJeAKgYTAyUgyYQIACIVhtSBIACAgAJDYi"
    "oTIwKoFIAKbHpUSCBMVEoJAcCgBgEQGKJgLBQ2IaA7kAIghEMQAAHFrACKCSgBUCgLEIEXkvQDGECCBACJAG9pvSgEFMrF5p"
    "iIKHCpAkXgIAFEEwBASjoWUQoEgRACgDSAYxCIuABgElIAhOAQkAAoQERETGaYZBFcAHBKAIJEJEFAjCgBAFJWYIAgiIQBJB"
    "EEpGAw8kAgDyHUARCCAgAlrdICAYJFQAwMAbChIACiaIGS7gIFGSIPogABFIESYCgAAWOIghqAHhB0lJkiaAAfAhAkqsjMUA"
    "BCJxAFCAWAYASQAgZILSKMiQIBAQCxHIOAClYCAiERACAYUCAggBQZsMAQkI4BFwBESgMQGkKMgGAGMQAEEAzRwAUDfIQBlA"
    "EUAxkoDAiZLJwKBMRkiykMKBEBQMYYEwFSKNEQNCAkIgGI0RKIQgQFwEImMES0IgQoKAEESUCJEACRwgTiQIpFAJTAAAAyiC"
    "hIwCkIDCCANCEwJBaPioBAUwIs5aiAEEETEQEQkAEEIgxOVhBCEUAIgAMgMgoLAUgjChII4CzKAwSwABgBYgAAEAIGtgBBkE"
    "gAAY4CgBQADEgKJgLAREXhSACVDkAICgFFnUSggqAJAAUAsLAYS+IKFKiA5EKVlKEJ4QWAMwABQiAQxawZBhoEJQ8iAETIiE"
    "0AEQBIJFCEKQUgcgugLERQnAExDGHUAUIAOh0lQAACAjABkgTYCSxAApM4YPgDMiAE0aDBcmEFABBMIDkitCMACUYhgUDAXA"
    "kCAJEhIACAECScBBYEIMCyFgApUJ6MAFGBGAUAjAAgs0BCAGwQEUaCQTiAAIFNGRAAgRsQEgNFkDZZFYIcOFSAAgm4gfESEQ"
    "gwGYEgAAQCHqJxJYgMgUhQSHIBAH4CgoYABSACAoIAayoCIASNYkhuozCJSgBYGMBiAQCAYQK4CNhkA1SwARIAAHAAl5Xgiq"
    "TQfiKAQWCICHoIUhALBgWoKADsgA6QDlwFCYBgQQBVAMYA9gvVBjDSAxQgjvCiFIiQpABAQQA0oAZAoAIABVmaRAQAAAEDMo"
    "NMIEABikBhAiAQACIQiAykIgkJlwAmARwCZCMBEQAo1LIIJHMRIYRCIAAxESQciUKIQhAQEz8QMsgVEgEipGAEKgYDKgKAEQ"
    "AKmFUAkCI0JAFQASl1BJgYMIqclAYBlAQtDACxtQYImlAqLEVIyAA7AQEJBSQFIigAYyAiIDxQUQWCKAITehBVAMRHEEIKQI"
    "UIyKFDpHAEGFokhCBiKAAAAIGUBSIEAIIhMIIBYMhAg0ICSsCAdmATIkgIIsEHGABBKoQoqAkBgICEgExjEzCEozBSWASVAN"
    "SSHYBGYVLEADAGOGURVACjJABYiAmEEIKEBAvDwIA2lAiiSY0SAEQmAIsMNFAAJQ6AJAJgvzBAgBQUJSgjIJg0AhiEKSGAAX"
    "AiFABSQAS6TBQACA8AEgBEksDCxIQRUGBVAwEx2xcWMRJMDYoYAKQIIAEiQAQiBAABggEQIACC/ipkQCCJiAEhAYEA9IQOBI"
    "CJAthRmAETAwwBB7YGrBQBzIlBKnRUwhhEQkAcJkgSQQoTRmSjKAgFFAIwsIBKBEoApAhEAAlIBQomQEIggCAdOpCAZAmCUA"
    "EggQQIgAwJAxoODDCBkNAIlRhhElCBAkADYKAEKEZA1QMCFoaUAABJ1RgKW0IpBEMDBgICtFQAS3gBJlCAEkgARGA0oiADVA"
    "CIUBoDAiGAggAMChhSBYBhgoIkAEAJyUZCBAdBxQEKkGUR00BBiYoQQADACeAIEgAaAIXMAQIggC+CCEomClCABgBwEw0UA0"
    "ChEBgwEMjIKCSklVIGyMkEUMsEiEhKpAkrBkAhAAQ9AACAAlqYTBEMAKSgoIwAAIgATypAVABBkAIDAghAAACoBAAABTMdCQ"
    "hCBAUJUmBcRAkQGCCBBANQGMA5BGjDliBRBAikAkiahDCBTAEoRBkRA0NGxqAKAaAgIWGBAkCKUoGAChKHIAEQCjQYZAYEgC"
    "IhIEgBDMEUCUMgAwkBIlMoKGggiIVgAVRAgIoEhTBhiYABIkZl1G8QAIgQQCAACgGBChErXA2AJEhAIEjMQCUQGgEEKOTAqA"
    "QBbgBaQALAChoEQCg7AATBAyBSmNwILwDhwhIAFcVXEN1AAaEFYgACAUASUJNggBoAwGABQwCAaBEKpwjdJJFImYQUhBYFAs"
    "GgCICCgGsAwpK+ckVBEecQJDISgApggEAgUBAIAMQiABuJQKjRTQUJgAAAIEQIbABi6QgAEQAlQSIIIQkCgCYyUCUxDQDFEn"
    "QMAJkoJCqwQhBEHABQApgoQUMQlUGWYCEhlcSgAAKAmEEASAEAAAkAsKI0eAAGJhERECsQMECALAkBwBBEEQLAWIsQwYQGCR"
    "AKAApEE4wQBYwAIGgEpMECBwGFlcAEAOQRAAAgpJERAqKKCUgQQiANQDwCjiIBzAqGOE5AOafEJYgIFCQqIRZAhDOKEExgFw"
    "2BASBDDqMCEQkhF0HgBH7FhAGMUiBIUVgpQhlAFgBCQ4oKBCIpSAxAIFAIO4CgUwAAAIoRPgAAQAQQkFAQQWoEUkGACuEAIQ"
    "Clll4ELAI0gVAAABMIGBEByAUDCASq2TAmAIBCAAOFCimgIAYAGCAUEChQC4MACQMAJQQCQ6AgIIhsIAKRQXSggUAA0xBmMA"
    "BgCABYwBAJgwFFAEmAMGQZJCLUTAQJmyFaRAkQBYDBAuCIta8kjowwAPIAuU4FJQwWDECUjgAiRIACLUINBwCAgEXwYgADRA"
    "wAthAKEQAFrcJAAMImhMEQBjAkIoQksI0AgUUJBVIIVAiIAQCACQRbRDMFACIAEQACJjloRAgAYxpFAmMBpMAKQhGhJIAOgS"
    "wEAlAgIaBwACIBIA4MWIiCISBDEQIiiqHUkZTkIBMILAIECEEWDAxKQELBAQGEKsFwXAY0UIAgNZYkQBKBBQgMQQA+AANiJS"
    "dgUMdIkgDEgHmCicZLMSEEABRBAMO0ASFEIASEIcQAAMxSEDfAeAYpIAASAJIQCFSEJBgAkqBIACJQDVRBIAVACaUQGYAkLE"
    "FBosSQAQg+BMXDEAyqISCQSAgFgoqM4rhAAAlBmkJAGYAQIYhCJhAEMEJk5S+AIB0AEgUAqkIQACA2cAwJAIE4BBZEGKYECw"
    "oOxDAVoMEYcCNjUIQA4HAQQAwGhhFIBREiaCgBCCYlUFhcPJACodCRCcqiWSA5ApIWgCJkAAEYJAgY0hQBARYHbVRA4MCQgB"
    "AQIbRAEIxDF6FACMQQUCkEDMhAAyAAQY9iByQgkZBAqBZoIAQkgdAkI4OAJUgITARRmdAKhwQCKgQBGY6CAIBFBRBOSqqMJA"
    "hWdQGoa5UgAAhMDBBEiYECCsGLYwRRIIEgwAFJCCEkRaNAqGrgSUKGophEQsMFJhFgSEQKQIDQhARkiA8MUFABigUhCIAlBh"
    "CBBQAYoLIABKBZANECKIAISH+IBSGlahMESgaPwAgUlglEidFbRBIBsFGRkUjUSGhYBKQFARAoYBABChjBeKEMKo5AEBAJRI"
    "HMQQDYEpgAACIAw5NEKRAwKVCkAIL0hYBwUAIARUYU4A0BOUYQnDwECJATKAJKBLIoiwFokFgSJ4QAKE5IACFCECJBQglaVQ"
    "UDklwIEEQcCAIQyhxcIAFGMgIaDAqEhwjwAhAGgCBIjGCEIxakQQYARARJCCdFABAgQiiIICkeEqEKDiyEAKIBOsBAMZVhEI"
    "AJCzCzCUhgAqA7JhPLIx4AbVAAwJwAAxABFE4hRQG6RCeISqejOYBw4oGU3gEREgAKDIMKAATDAEgBEACg0QECPFCiQYIFgW"
    "IBGKwogYAA+gEJEAgCHBGATgDGA9AINcBCEwgRdAIgATBQElhygBBGOEFlUEEiEBQBiNqQYghEgJRpRAgkDRAQIKAQbQACRi"
    "pAoIBgiCgNS5wmlqIkBAAgkxAsCAICMIC6BKAAywAxUAgAEEIoiEShAkAAACAWAkAMiQjiOdACwBFAgABQCAIBIC2FJQAChB"
    "kcAwXQhASBAQdFBZmpQAEBhg48AEgRBhMAiBQIBGIIEHaEABJKXkqRNAEBJAAEABgACtAQYmBUEQCBAACmgAlEEABUANjIQT"
    "DkRDpXDDIMhCIEAeGxWYkIgAoJoCAAEgQAAGAQLDICAFCAgBCAjUJcDiAwAQgQFYihEACQQRAHIEBJghEOAAgDDjJArhGBB8"
    "QKQSAIpEmazMpYKAAgJASRBQhMgiQDBJAoQgALMgEYcwEtHsgCIkIBCAHcEagACKAkukpYDFgEnKAgJAQoEAGJcCChAkFCqE"
    "YBICBATQAQqA2FgCwwQhEQmCggUBk4TRiAEBlEbIhIYUFCgQhkFJGARSEREHCqAAMaYgAAABA1BFgwA+ACAoITICEfgKwQAg"
    "IpEpYLTEAAAhBoqhJoEQxqJZgBAgQ6BnUAqQlYwQIDMAAYAhgEqQKID0BIJERCkIUEgRVBKITREJAyAAgAgGUgKyhaFQFLBn"
    "MQ67AGFEAQIyOgAmAYQQHAoiY0sQAp5iRIHQ1q0YwSgAEUlCBAFNKBGAAAANABEAABaEIi7ABkgNoohBDUAgAKsKDopqBAe1"
    "ACioCWAGAwQBQCChwAJIEkAGACqV4AgSKCQAE6MDGFKaAAcABRAxgCAApo4EQCyAGAGqgAkpDpDRIKBGJSRAJNCFAMQCWKKN"
    "issIDM0FxQqG4VARB/yCQZBgB2UBA4wBBOwAEoBFCyJMTAgiRCCBJJJSGDAAJBCABMBYEOQIKCwqA4giBSAMQIAOAigkBCCR"
    "AAFAeXQiygUBCQc7KMIAAoAMZ5EAIyEqQBEEAygACYCbIgABIZIBBAMUCIMC7QoCoNs4ExIgUAdIACJgAKBCaEyXVCSEIJSo"
    "AAABAEonGJB+CDAKCxgCqAgBXEADEhZcQggkJMUgiQAAAJIkKhoQgFkRgGBGABALAAAAALACBBoYAMASAQgRAiQAARxAIoQA"
    "AAEQHQAiAQg85OJmAjBqAQI0IgDCADASAAQA5FsAhKFUUKKg2AAYIjgIAwgggIDkAs0HDJIEYEEAnLGKIAIGSohCAFkRglki"
    "aCgAAAKFDhCgFDkEQKFAgUQIOsyIDAIIKEggao0ZXOTEAYTAAQCAEgECcAwB4DEaFCEHJEhIR8xBAQAlEBWCACBJJAIAgA8Q"
    "NFEOUBSIo4kACyDpEfEgIBRCKqJCQQIUQYEImOAhIC2CACIcCAopkA0tIsApPBAJAAwMCIi0AICsCAAAEVIACABGYSIBBwuw"
    "AEwANdygNSiUAkAAAwOtIkiYMdMRBCAIfiiiEKiLAaCQiEoLABQiwABoDFDsEEgQaISgUhADLgBGgCUyBAE1QUiAUAgkEAAM"
    "kAagGUYDSDQfkJD8cgCeAAUoAROQGpDPtJBqEQCBgfoUACjC2ANAA0RQSEAMCI7oByLjAAYIBTAESFODEIQQN4MBJAAMIFIQ"
    "KQAKiBIUgQIA0BSEAscgqIUA0wHwQhAMRgChMQsQoBAGLUhEIpQxMHhAATiamwQ1KiSQUCEQ0CRxAEcgEDhBGCyJkBaHBVEB"
    "zkCQAAQkAICQICAULgAAANEFUSAIgYMLhBRCEkwxgmS7UAQOTFUUkKQwIAgBYRkAQQBlAHxdElFwcbkAoC4gBIJEWAYACirB"
    "RvBKAbfJgIBIIAGE3JYQwIAkQAQpMEQSgQM4EhwEAIBRHikACACmDgSZiiGkUCQsAAUxI4XBAAYRAkIAcAc/AIijI0TF4EBA"
    "AogiBBQIECBkGqiwEEBEAAcVwAhagCKA0QEhzFE4gAEITAlIYdQOLA0ECEIABpCISEEDISgAIXYhiDckmMA4BOyQAACEhBhi"
    "AA4kWFi0cYARACSAKZcIMAQBKuQAIXkKsIEKwqKQAAaUCwDSyE3eIAAgDDZMCoFAhIEAEyAYSAQAABAUCAEqoCaCIgMBBo8B"
    "KJIdiqggAABRkQIhiGckYGwhgkwAgFIkFZiKMUAEEiwQAlUEAAogQIAsCWoGAgmBAEwghoSIBOBAyiyBAqAAqMBGCUGAU4bE"
    "wUg4IQgxNwkAJhTIBgdVVIMCAFCEDIoJBAWkQwgwAGQhSApE0CTERhKhUxhcIBhFAQgJQQggYAAUV0yQDAGCMoAIARJAIABw"
    "wIkJByIeAQQFEIMiIjL4gApEC8IQgDCAhAAACAAog8AOV7AcLCEqETUGQVU8EAAjgAQWAkCDQ34A8CERAjJOIAkGmkExCQIQ"
    "MEEgHoawAwYIMquI9IBEKMAmAADVElYEo0AABZALGwy0QAAIgSDIFQaWAdYEFXABRKGNIDBRSLxQICCLgALAjACLxwEUgIeV"
    "EAggV4X1HD7DXAQDgBEdEA1lFGFRCAIVAKRQCikFCgEdhlIUmXTQgGkTDCNDKBcAWQCgECAkgoAOHgQkEBDohYDIgEEDRApI"
    "AOEgREAIA0hZxAYmhoCAJjARIgoINEyMGTiIEVAEAALACImIaAAFQBAUIBCQbQBItX0CMEI4ADmgyaA4YMRAPWACQFYA5QlQ"
    "agFnkSWAAFAREgARgBAIEmZYugGgAgQkBAV8WoEAgGTAQJCADIENsIQXAADeBBAEFEIRhFEEAWgQCmLJAgMhgQge1EMsgVaX"
    "kEFACo4gAACCJGEsWogLIKQUgXFAmKbYO0TYQYqVggWgBibeSFCYkTSAQaIqkWAQuq0EEIgEsgABIIBAIMCBAUEgDBgECEUl"
    "AJZJQBIMCAE0hyiFAIiChRBkBO4WbKgg0K0EAOFGIkGIAFICGkQFwhDhQqFAEAIIgAgQEJQ8BBAnMgBiAREEQ0lAA4BwlA50"
    "GYAYAQAAA0LAQAGAxRAgqARSIABYQVICMpzKyAAEFMBKptQFmAMAAPgAIQgorAEYAjIUAfSwAYEqkEIESAohoSPCLaJVgABD"
    "AIUggNWYoA1MIpogCBEAIAkUcl0ILIuAOBiYRRUwAEASlBKMIBBLCGoJCQAAFExgCQQqCJOAhoAU0ExUBCBsABBMheiqFCAk"
    "SYAoCSgAXNgAxjgEgSAAVUgFaUWKODwDAgNAZEBAIbWIQhwQTQgQWBGBABgEXCAAYIIiRoAAAACAIJDCAEwQACmgYhEQOmJR"
    "mgzABqgkwIBhJSBC7APYKmggKAi9IAKQhVIAaEnAAAVAOCArAUZBQEAShAAYiAEAokQ2BggJWg5AYAhAoBDAZhAIABQBgICE"
    "lwIAwOQCNEEJAaDgyW7yOAIQBAgISRgMyFACEFijWBCAEpNAAEiKBBAAID05AjCgCCECSECUAKMJAJEDpgZAICARjlIBIKIK"
    "KSB0wAgVDyALYBJFMXgwOQFBgBACBD0AVCjChACQFjGC4oXJSIZIFAEwWCYEDAjGYIIQSCRAKADACUAIAAQAixMoAA3CaCB0"
    "VjuS9oQjIQhBDXB2DhSEluTYKIzAIBEEQJETgTppAwAoBATIQEAJYBCuUg0IFpYAgBIDRGUsAKAIAGRZgIAiqEokgKhJgIBA"
    "SBUQYQoIAUB3QCB0AEzYUEDAUghlTmZA6GABBUIA8WACsCIBCoAIAMAkAhkwhKgA4EQAQCkEAQh0AFBAUENIAGIAciCIFCgk"
    "GAQCT9BgyQSFQJ7ICTvIwgyAJGAkSGiggDADAAxCYm8RAFIgEMEY0EEGlARhASAAwCIMWEJABgAABUQC4AizggABAAllXY5A"
    "gQNgREgCEtkCkBgpiEcEQHRgIkSAwGMA9NBCBKgQCTGgBFMJhIBAIagCSC4k4MKMkEUxFsHAMyjIIwKZCBEYw6MMHAQBTkgk"
    "ASkJoAhRBkIYRogAGQgCCSACoCKBNCJAxTlAMIAhEIpVQgAAhIZgQFjdXM2sEQpKFQgqBEAOMSBgADAChJAYHOAQJQgCAqC4"
    "AGhgSqWQBAQCQ0AAFARQBRJ0RAIyAUAhAlgAR0FDBUJFCoEQBzNIIDBEYYAsIyBuAGiIISEFBXOiMAIiBAAAABHEhgFAIsDC"
    "ECGigiD54NCBoZAIFVEEHMRInwErAACJkWPABQQUgAmAkQCMADADRUAMIFAhASIRZdJBvEIaQoHMIggAQLgBAZeQAEoFBMYa"
    "QcIKvIaQFEpWFgRApgDuIFASOkEYZBKIBIzERCLKpAjQkJSIKEViSZhjBgx+CgkeAAUkCAAOGCQYAQEMAIAAQaIHEJAAgQDQ"
    "BJHgMTcoaYWIABJlQiFVAGL8oYCo/CK0GEJBEfEDEwpICiaChRFICnCADFnQZRgEQkEgjAapwSgSAIcxiAgCCgCXpIBFgQAB"
    "OyMCwakQEgAAaYooIIABwcAiJCAjAFIJEohBAEABHhEhJBCHIwA6BajcFmgCkRQFkaLRMEkA8UACAQZUhQcSblQG0ApEACIa"
    "EREgCQIBPRHGoYJQgQgCazQIAJhAghIEgTI4w3FytwgEShDICIDlYKIMCYIgCQAEQACGgJE8DECAFAAIuAhEJBKGEBOOBBAI"
    "AFBEQQaAhgABQJAAQQIEGgHYQhMkAESgQAlcBFUpRIUACiAgJDQABAHEGACWbakAIAkdaQAEAAAUYCM6RVaACBcIIDGAgBI0"
    "GIBwCQIEhAABqWFhKnwQQhgTAgsQEMIVEAKRRISAIqACABoWS0QgCUEAghoFlbIEoNCBxvGOMDIj7ACRSAMILQwMSgU/AGBB"
    "AWESQAiCBAAWF9ICRgNo0kcJHAoSUEAAYEIjiAYIihgLEAAUAQwAQAhIIYgAQhMmjQRWRIkBER1CIBStIBJQABAGgjAQQBC2"
    "IIYQAEAAwkEiAAAGDIJs0aYLJkCkASwSF0NrAYAoEAQRCSAdgBpCJaBKAFgBgIxCAkDQKBEAhiTEEBEUFqEGBdWYCiEgYC6Y"
    "RsLNwLQAAGBwRAHsEUBAIjCAFAAXAQliIBgDhyIAICCQ2IAQwE3oAtBNJQxoACEAAIgQfQCAQEgJkQABgEwMzAMCQQB4hpgK"
    "BIISQIgIACQEQMkANFIqGcnhAWKQABQAAwZDQBMICC5QQi5YEkEQAFtnAi4A4WgIGtkQTQKqAEqgTAMSgKrrgtBBAKsAnChU"
    "CVgyAnQAKIETwIDpCATQygGgQwUAAABQnIhkZIdCAIQJEoUMNwwQDIkQWWVAhw4EgqEQgCwgQMTmAZwEKTCYKNJDwkNBQQAQ"
    "oIgQACAeCADBAcuAcEaiANYEEoAEgCqQAOAA5YgoCErGWAQ0ADwICQJG6JhYAMoBgsQPIOOEWwUEEBoAXgB1IAWBmwAQQDCC"
    "aIYRAA8AEgGDAwuogfDMMKAArCdEKBADAyIgEomigmAC1GbAADMAYBQ6QwAxAACRBAAICy0tGRA5JMxQhEAIcBmNABWAooQV"
    "EkZSEAQAARJIBKAEuIsOBIgYDGACaZcTh4AIAh8ORwAoSyggSDkHDQEGFEgWJpEUBAgCYARgqAgLBTEgTDEADFKbAQAEBDQL"
    "QgARpgyCIAChRIoBQEtAQLgHkUAMLAtEAkGTOERqINIMEYBVlgHkQOEUAjBRmAAQQCOLBLREGG5AwBpgIgQApAVVIiB8yHOF"
    "8ggFuCKYYACqAQQIFElhJCmAGSIognhGCERAADEChBhIJJQAJAAAAaxJihCCCDAFAUoKFhY7EgEO0AEBBUsBFomPQA0BSoU8"
    "EAAIMArFMARYAiIAlhpCVYkUwlI00QMKkc4MNCNLAJUVAQQJIAMJGQSGgUSgA+CIhgAgAoapVWEgQDCBIFIGIwQRBICOSYPR"
    "AUAGGgAMCQ0AArFC5EBBgYkIAIgyGDYAIQgWgMAAAsghMoQAYQQAYhA5WAA1wRcKjEIETAxAgAcLFIEAEQCAAWUcpowQGLEJ"
    "gwQQgwSgAAKuicEJgGAA1BCSKLFRwgRAEDggBAkIAQRKaNQjjkRwLBAYQAAVAlYRQDEpNgQawALJgCkwkE0CWlmALJaKEAYE"
    "uqEACKoABVEDJblSoBVjiBCDGnABFcNYgYGAOlAMFZkIgBgUIAVYJasNFA6gIBFsKARogoYlAFRMCGMKAAIJAA8MggDBsgpI"
    "jjhCAAAAEADDCAYTmIQggCo5nAQBAKCIAdoMkQhFAA0gS5EUAZAQDaK1imUOOFEBGABYAVNEqbjoJCpAA8aOEaKUCIJh4OEI"
    "ywAgtAFwAAAQKSExAhAAAQlsAoswSRQoBGEBaSFEQMgApklQIQlCBOBBIAaOAiQhCyCGFAqBBAQiiIogJCIAXwEOI0KIgtDA"
    "IIAHDJCAEAONjBOCAEAiUEECCCEEwhIoLrBDjEahggArgQgQrB/CAAIgJwABBho1BGAkDIIBgOcQhACBSFIDoAikwKRHURKY"
    "WAEDiJBCACQLRAABFpOYwASEYi2oACsIBEjCASEEgBCMGKriAEgQgEA0ShAMGATQCAREkJCAPgihCCCIBiPEYIAJhUYISMOA"
    "RCgCSAVByAIS4ioGAogAbhmihAxQQAhAFGgUiZQIMDLCHrAMKKGkRphKAhUAmwKgiUKAQAoQIAEgIADDghniBQMMTIBBJiCI"
    "KECxA0GAAlANIbAAAgjJQMRMCIBQgKRkEJQIwiSAAwEEBVBgKkACSKKAIQgIwiBgXwFhQugBAwRDgIcQhkUBBdLmUQaT6MwB"
    "ZBIGx0qnAoBNABAQAAABACgADVEqVkFRAQJEEABABQqErABaEAhnAEiAghJIBOgAEoGqAPRAEQ00UAUIABDBFCBSAAAJEEjk"
    "QIkDEtRAAjkzY4gQQMAZBGAQAEAlzQAAFGQARAMgQjgR5CCJ0QQNMyW4hGBkAAEGBo0AIiwFwBwRKCGAYASkAEEIIKpFIBAC"
    "QQsQoKBFgEAAQakiQkAKNwZyEwhAN4AAAAQICIZQQkIENBJBAxSsoBCYVggBQAEAAJBWACggEQGQQiEAQQgISBi8CQSYSCQg"
    "BGgglECHDlRg4Eo6GhAqRA2KNDIhBojBAYMBEoAhQYQDAwp6AhUBIGAgiMJkCvEJkrYQICAAFCATKECCBoSSITBqQRSFbwxD"
    "STdWDMgAoqggIAIa1KDwAgSESRiSsMCSCCAQIQDISxJe7gESOIKkC4oDNhTJoIgJQIOEMQCkCgBggZkB2SAoIaQAATJAoQiU"
    "EQJ0BKDMIJAAlEBgwLQjDxDIQYUBAEIWJMFVHEozAACACAICZAqFTAYCCiQjUEQRQhsMYBARKh1ILQAEGAAEouhFhEElQAIQ"
    "ACSABEigQQCXEE5MwIQAFgQmQIgYEaBWABIFCw8waAYgEAAgICZFTQoAPARYBQIAIKEEACKQSEAQMJAkBAgkgLomAFBqGICC"
    "II4gED4ZhZg6AEAONIAiaACAFQIIKFgsISIIIAEgoBAQgxlIQQmCSUBDgAAIQUCIDxkAAQEiAN0BEBEACAJICFkIyI1IAwLB"
    "BQKihYKCCpAQYQsQYFFFARJHOdBkCibqB7lUEKAEGENhiIEAAChAEEMgCBiQiEKyskMCJxKRkUChJQBDBAHYgMcIxIw81AkA"
    "iyaAwiFAAxEgUEuLiBaDQ4CRAQMbCIQgBFJJhEEI5CgBAgQWWDEZbAMcpACp4EyYIGIECLIEAhuRVYlBGAIAzAAgdBxsyAgY"
    "GABAKRjAAKAplGSKgAHCSECIYIQgQUC5AQQAQgEbQQInhwAAwIhSBAAKk1CBkCBgABDRhoCwCfZmEUlAIAABGIIkATmgggAB"
    "QAxLUAAISBEEgjhACgYAA0xswgAGQAe6aQaaQKWAihYApHaIgMAIIAgAhQIwuC4gAAFg0AYIgnKiClCEAQBCxi2EWkygIO+K"
    "AABGIMC0maOASCAAIjAQEJUAEEcDDVQgEPASHgOgIAxQ0E4EwhkAHQSQCAJCaAIoEpAQEFyR4JF7qyQqQAEUQsAhgeFAA5Ya"
    "gIAEWIBBCpeQMc8AEIAggDgBFcxVkAAAKAAMDpiAABSIHRBOCAUqYCAILEC5GYHxQQgAAJCAJIASIQEGSIISBUGg6QIEnUGi"
    "EC5QIYSOIQIsAMmqEUGqEyMDBCiaABEQAA9aBiCmAAFAgBpwhmMoAVQoBDgCUEABbXk8CAECAAAgVIjsyDFGIJHIAhQDAoB4"
    "yCpgAiqGIUQYQABKEAkZMCoxEOMwjKISADCMAAAIECCAwCIAKKAIKEQIApCu2ISyBWAEIqKAAAAccALAEAdymAQAA2QgkAAQ"
    "Am0QCQBAKEQQigsYEIGgIQMjEISBGgSICYgUEwAABgjle+EQAEEAERBSdASCQFFgdQAwogIEwAEACFIAABAILVAAAIMAgAFi"
    "CAI0AIBYkAwbRCBEhJgAAYQDIo8BiNEAiKoAAEAgBvUCQDAkgeMiQiQEAUOAAQwgAEAEaULUbIICOhvkiAiSIGZSAMAggIQm"
    "MAIEDEKEQiAuAQgIzQAAEMiKoCE4BJCqUDhjwLFAI5g8csACAoAAAAKwCEPAAAAAQ+YCRDJ2JYQSMQRYjAQGAcApAMQYiDBg"
    "woSFUWOhgAIElAgQEAIRITLH1DDHJBVAACAIKACEkUjWKwmJABGmABBxAJnpIsApGxlBAAMACOAMoTEYJwAKsKhdGgkwUgIp"
    "AEkgAkFEAmaCBEABFiBVDikRtAOSIwAG2AAAEEFy5jTFOIzEhCAmZKAEyg4AmAIWEAwYiCigAAgAEFgHtChAMMhpKAAGZlQm"
    "hANQACAbACAJEFKgQJAU4ApRQQQAHZaAhAwIFAAGhCLwBCCAgwNSAG+AwNAgCADRYaoOCCIAGZLiNEEg0pgjRoAgIoQjZAIQ"
    "4uIQBD1IBSyYUKBig4QFSQQU0AggRJagGMAAOFgERiocAGoAEBBgCKghAgABJ4gRgdCASCTDACYoiEIIAAQABxEESABgiClA"
    "EZEEiyJETAsgALUFEEALFgwVDYJI50ACEKVADOqC+V0hQTECAjyChCBKgAAAEQgJCSwYpJ4JUNWCEEQRBStQgBAFB6ECIWGg"
    "BoAFEEIRMQAMAEDJBlAYiJJpBDAAcAolJ1YAAUIsBRBgAADZRQEggeIUSABIsSIsoCgxiieFIwWADrpILlIjARgEKABSgIAQ"
    "kDTqmwkGtwggQgRTYAHkoMgggELgFAAnIYECB0ECKiBaaACAwCGKwIEiEgAKfAgEIQgOAEwIgIRIkAAxlEkJyAAoRKACoFES"
    "BrGg8qWGiAEAbAAQEBypMKJAgEpAsAJIwEGDYAgFQAQFGCQJirlB4DQQkIRaSAEJCASDgZAgIikFEkwgJEkIAEAswBADBYAA"
    "UAAzMAgAIsNB4QBNKBQgMvCWIMEsJ6gRGYgEGQ2QiYBQoEBAzIoKhFgusCwgdAATHoAwcBaNQSS6wEESQsZAXYJhiI4AEjAJ"
    "AQgBBSukEKAQhAEAEMQJJBEcskgkQLCAgEEUQobJQACADMEBCYgEZEYhAYUgiAKwGKAgpgEoXCAIYoAgEQIslAWSEQOCAkIC"
    "AoAABCFYAQHgVQBjE0CALAUEEBCBgNUOAAJCwExGoNBwiAEkTQhOEhFuUAmCpIAENKomIAABYg0BgHQAkLGYQADsC6QIIQFI"
    "CNgAAyjhIm0EAWFMYgoFCiVEKOQlJACMghqBoFDVkUKCkMJZAAAHYjoKICBozIQhCROExADRAF2CcAAJCAZDCICUYDSQKEgw"
    "UoiAAtQVIgOMJ2wDGKCgIJsEAJBYgBCECSREQfIAQpAIFDkKjEFxEABCBDKFYAZgrFgYAQOcUgiINRsCQgoHQmFcAiAgAYCF"
    "hCUAyEgCEEUDmAogLgBhghcABAAEJ5NMEkZkiEAAhBAAyoAqZQAlAADUAgQQgUCEECgYI48AAEghBQNHMEwkaFQIQ4uAKAgR"
    "IQQQCSEoAQMAyICwYgAiACFdMNWiAQKDEgcBhQAmCQAYAAFSApABKiLCUAkIAF4KJDCRqIDTQQQwQhCQJBdAoAiABIAAAy8O"
    "AAMwgsEUBIBmIAJGigQAnEKACGmEMFSiF0k4cDBjqgAWiACSQAIBLaVAhQRUogCAYYAwgmIoENA4FIFQACUADAQC4pKBigAI"
    "BEwhZ0JllAoASDGlAMRCAGMSEAgAQpyBQAoBIBJAIxFI5i5BQCggAKuAUIAwQjgQUiEQCIAsAKcALBGUFACQEoAAghDITAAB"
    "5gSUB4AwCJABYCCAhjBCFkA0McQRZCAZyEMAiEyUEEEhgFDgKLQSKAAFJOIKgMCQ8hBACIAqEUYBB4qWQYlSAAAAeEwJApSB"
    "bIKopvBBxJCkDcRQEFknwCCEPUSQEBEAUKATshCgIpEAOFsIAYPRkwmIwDQgA4GwODAAQgpIjUKyGIAIgEGBAKEJYIghiURN"
    "TgGC0kIBGrjaMViEMIQSAIIJxU4kIIcXABiB0CAKOKhJmACgokAgAJCBPqgUCBECZ2IahDdjoQhgAGJBAXGHNg0BIAAAUAC6"
    "JBjKREBpIICUJXSmA1QfgQRAEARYwiCwRCCQJkUBAAIgxcBSCAjQAEAigNAFJAtAiBIQAQgpoexIgpBgQEGIZABFGmAJRIIC"
    "gkBAtIAJOIFECBAIACUBCEAChEESAfQkBhxIoAIVJKlgAChAAwPCAJhwBIBDAIlEDCITACCESQIAEEbEBBEKAXASgAvEGKpi"
    "FXAAEIAYA2DCCCAQESEQCDPF0cQgACAhVIhLiBIYhAk8EiGQgQDAjh1AAAiAmICAgQyIAUgDAQoIMRIEIojIQrASkAoJQqAJ"
    "DBAASAQAJEAjLhFBAJRgA4EAWAChAACiZgoArSsQiCCuQEQJRE4gMYUC15QkYADwiUQIMN5sZBCQgUCaoAEAmSChpoEniCEZ"
    "CY2QRCAKhAAQggLJRIICkoQIIRifAGhiARgACKMEGohAyIGCI8gQCBAnwRzSogcCAAGKASCpxpAckQEFgUFBioDF4yADhCSC"
    "AMhBGECERAgcEZDA6HnAZYQACIAoQUQQT44REEACGeABAA4EgABKGGlQACABOoBobSEAkQAEtAGJoHQJ5c3IVcLEQCsQMAwU"
    "MVAIQBAGQSEAEKBvCggDQgcPaggQBChUYQ4MIQaEEIVClAoCiFR0oMQHAABEmESKHASHQhmQTAACAMgVQIRBAeClhZMVMJGc"
    "BWgAgABCAZaAQQgCSACqJQNgoAxCAgSQBAKhgXtoEgtNAJBCBCNSIhVkAAQgAgIwcFEUACjgiQgCkmAUZABAGYjqSYYAIAAA"
    "eVhSAIYBFoUHwwIYA4gEAMAKVBOYIQlMcpIkIRCgJQBBQEAQkAIXI0pAgRCxyiZASQCHMgCAIUIqgpCSGwAiBqUBEBUYA0gC"
    "BKBJSBIlExYoYGghACCgOCAKLBwCRQEBCSAQEQIwKSIQYSIINkRYIBCBSgGIAJAPC4UA4nAKKIAg0SXAIRAKRCEwBApFTCDa"
    "BgQkQEeKJXBgOCMTQAgFLpQmkRBSBRAAAUZcDAIAwRkVNakhYITACwG0IAFAJsIC1T4wQQIEGBCyOACEaUmA4DVkKQHw54BI"
    "UYYQIAoJYUBIhEMAbACLIYARSQlASgAQA8QABkAAQ5EucAxAEQQBYmRgEtWyRAqCQUDQIeAJKCawAhwRBABJAIIDQgC5iCVw"
    "CAKMJYAXIAFQ4BgAwAJCAAklAEZAjSwAAAEQAIDgD2g4Aq4YFIm4oUIIDEBIMDNCSAwwAJQQANMCIQAnAIEQYAAARDikcEAU"
    "ERBiCDiAgjoQwEA9gEgpwQADhQJEGAzYswjcgQWABIE5khQKABlIzhDAQ2AhJqIwAECkYASQAUATRyZABCggyAgQABCAh4AE"
    "0jKAIpAiFApQCXBxMoVggiFAQjIyxowU7ZISBAgJgAFAKEABQEIsBAEgBIAAkLMIcqMGCSBRB4RAQhAiIAFARNoIAgCYuAAC"
    "CAwQgSiAgSA2FUpUIAoZOAMQQCAiwEQAQnSALeCAkAAoIgGFEABA1ISQQAYFwYzCBRALKAAABGQASYASViCAFSgoCCYAQ0Aw"
    "QaKOi4AAEKoDAhgUNMgBkIAZOwAQSEBpIcWCQIFBEEwAC7DwxMY6aACuxCoqDlocBJgiGBtkIiCBNLRBBEkAiAOmEQHCAAkk"
    "KEBABAwEChkCACACSQgQQBgABE2DBUmkToMgFBVSwN+kJqRQUYABCGhAAEYAyKAZIMGIAICmWQAkAmliPeQICKQASCAxjACA"
    "CAKIgANLAgUaDMCEycGgCFowh4AAGAQCiZMAQQWgViBIdBbZSoAgAUAgECAUgMCGZhOWUIFQIChioFouoAsEAhCUggkKKI+Q"
    "AwWYwnEADAgKiPAg2hkQKyIAEAFChCEADCMiRh4EBVCTYALDUwKsmIgAgQaAVg5CUMSETPwCQaIRYQEKCQwagGQgQEAZiVT0"
    "EoEzKOwSRAoEFgjwBAgDGQCURupkDJAGOyQAAINJQCgpUcJQBEDYAKiCiASoIBAAggyqIgMIBkCgCoACNyZvQ0qilKCVgQTE"
    "hXXmBBa1BoggoUQEhBMwAqNAFEEcQpEkAsOHAdTwISSilQAESQYkBUwNAgookQgFBAAkikMECiKDnAUCAqGQMSA6KICMAARE"
    "BEAwICAADAaEBBuQLIqCiIQAAQclHeQIAQhRihRAMMFnAgFRSZAguEQkYBVSQUi4gABECEAJRAFwAlSkCxogGilnbASHBIYw"
    "EkAQpAAABClPhBzAwRTAImUiYwF2eSAgAQaBAAghAHAFQYU5HxIkkhUQAcwAQOEgoEMiwYVxSAhJKqAGgQEA0CIQDBqoxIEJ"
    "kAMcAouBBEZQAABCYYAJDQSg5BmIFCyYEKgAFCkDEGIEIGKCGYFU5AVASCBAYEeEGEECogxoT2AFQAjoBDCAKAAKRAAVSEA4"
    "OAFYHRCsQGAhQ2IFmKKzQJMtchlAmSlSrDQJRBQ8EpgAYBgahEUIHQCIEUilhg4CTIUSAQSRygxsAMIQghQYCHBFEZAiAEsD"
    "gIIQpAEdCQChAACAEjRJpAKHhABEBIHIotGAgRiDUDIoHAFBBGSkaGygCA9ErCiAAuBACAEKxMeGsDEKJFCAVCAIAI8CIQAw"
    "ahBgJgAJA0kICNgABIABgQRhQwAAEEpRA4UJgpAVAJIAACJAhhKUQkEAMYCYwgggDgAIUZIBAQeBAEQIpBDKAA4Qh8BGgiMR"
    "hqAKIAAAKASBEJBqAKCQACXDAMJwMaqMoC1Yj4RAFwOIoRYgSpzIhlRACQSIEIJggZAEBkAsgh1IigCAAA8AQESIdTQ0ECRC"
    "ArBGQIAA0cCYA2ACgBEEQRAAQgQg8iEIAQwRQKQAoCBAKFgFAJGpAhJAMGBAokSLBJCAEohEhSKCzBJBWC0ASAQANAAinFaB"
    "USBcGcVIDwAggGwA4BCEGEEICCEHBNHhrCoDopQgBhQAqGAAUSSBs1GCApBBQVhgABBJdhKMeCgJ4YPIBaEEhJUCn0IGBC4R"
    "ggMUBNqQqAQAgCYYDyIiEJiDRAgkAWJEAHCMakygCIAB4inLl0kS7JCJJgAQSjmYMuYloHSAiApeBFTGDahACAkKISkcSQ7k"
    "CokAjAgiqAIDXYCRAQQBiIAQTQIDyABQCDEABhB1JDkgPmoQMAoNDg0BCAjRCSUBkYEm5wFQQhGAyAYmAgMQACACgEEhBgEB"
    "ECBDgHMAAGiQjEKJqIaggQtRYxI5miRBSBAhzEBcBZtJFkxAYoTBRAWCciABBASsKLLgAaMAsBFQAiIRQQAAAAzIhgNIAAOD"
    "pIfAQksgIk8SqqkEcAwQZqAmCFkJuQcIgAAAKAKHBQjxiAIEgQASBGZAAMCQIMIDQcQjJiQQLAEYCYAVUQZCEAwgAQSqQbAC"
    "ATzIhJAKyDxEDIVDAUQIAEmdECZZ6RBABUysADIBopAFw2eEhKDcBCAKQ6MAqoA7DAVHYUKogFQAUIGEQbgAJICmC7DEURJE"
    "GCoAxAEBRAAZYmJ0VCIIJFkGWADBAGADFEoEAbIw2gAsNAiAGMQxkCiHLCAWqCrghAFAIAQCQg4QLADEECWCFFAEALSnagCF"
    "kKgCILohhEIEaUQDckYAAAgBsAEADBCk4bBAIwQAQgRAA0JABkPBqAAIAFcgF4gMBhhATEAEhgVgCwSEgh1IpyAokBQF4UQG"
    "oQCRqxSAm6AL6SBhBQBDgAEICgEZSRNcJNUQeIgIwOAQmEAQoCoRgzoAIWSSRpACNQgFlICAAoRAQBBySwfIVwVQQTbwxAxQ"
    "QAQIJAohG6aMSJWKlinAAogAqEhCIghQGHgAgFAGEoAuMJACgDXYYAVgZgg6CgGgAoo0gyg5YBjKEVCAZgKBlNELMJDAJAQQ"
    "jAIocGQoDDksCEMNFAJ5KrgESDEoNQAIgZEEeBgAwAnmKEITzreAAkICUiAJDJgAkgGgIAJQAYQqJaNG0IEBDAKQkFNIAEgW"
    "gogUVjggBAwDQp+gBAUA1ABSkXKRiAaGQYhmGYahCpZgBCYaAgg2gUFQDjAwwFJC85KIEBBzYmAACIAYMAdIAFAiKwoSwVQJ"
    "gEIDCJCCEIAgUoBIEoAiC6poQCpAMiBEgSiJlgEYEHIMgJgAqlCiUBMDgABLGQg7SVFRAiMIjgQKgQAgBGAVIAijyyCCbwgg"
    "BBa0iogJsoEZOAIAYhwNoAQIAnViCADCIFZASmBjAggAhRDPBjCRRCqQUGCBPlhIKDXYAlUgAooAMEAIAEJhAANARgCJQsKo"
    "IGlUTBRwScIBQGFwUMLEpDGIADA0AucIMkFxfBAAXIpQmhN0oEAgoRFgcAIJiIcEASghlAQRUmAGICAPAAhAIgirhAhYz4Eg"
    "BA6pEAQjBYYwAEJIIQhQBZBBEABWxUDBAAgQAQFAREBmBAlGAWEZEIqIoGACiIAARBBADMhkuUQgQOi9YUACBgUhCgiCoAao"
    "4U1AJBGEkgQQIhAMDEQOR45G0GMCTKQIxECQCE4EgKqEcqskpISoIi0IAU0MZkEAEhDQpAUIHtgkEQUohACQArSEFJoGCg6I"
    "BFACMi4DELSQWL5lVQyDKnBToHGQiEGWgIAIAgAiAIkAkAGBACABESiesSIIKUgEYRaqQRCDYAQCiCQMME1KAAZCMEgGqJaA"
    "A+EoHWEIBCkFAwVACCJSEAAJdgQjMBwxJSgU9bcgOwIGQiAAvgIIAFABIBMYUQQQAjBZYjRAGokQgIQ8JACDVaCSJgEKBKmA"
    "MgBQlQQA4ACRRL4wJCAbiRAFkUACGYjqgog4YA2cQGJQeLQGEgUhBIBgAC4kYEE0xgAooDUgiATECGtURYAEAFQQAQAhohAn"
    "gIFpAGgBQQyvQAJEyAgTCEKAoeAjSxAAiTBAAI0KFSxAAZEAAkIU4QCICBCAkIAWChBUgpKxKQYDAloSGKUBRjlIEBgZABAD"
    "EIoQSogMIAAgQVAlQFIBEQCLYAoaBKomiZYIACCZoYQWgXAlRBRgFLAYorTQlUGUfoIxDBgCI11AIEijBCFoVDRKAFABAEMg"
    "gCAwQDPCKgBOCABRGILbhWYKARAREgtLxUJAqxYABUIEQAAghUEg8VMMAQQESCRbYWEBgEAIIIACaACEGHAoWFOsSAICBh6Y"
    "DkFUDEuAyQkJAjBBABEGE9KYIgULkCyAbBAEUBIGqAJyE8oiB4hEYJC0IAYRVgMAIUFQAhJKi9ZIQMECSDUhGoAAEoBSSkGM"
    "BWFA8tAVgiAKVJCAAtkKDCIABBGlBUiAaFQAzEAgIIA1BAKQABQECgEJBQ4CBOCDGECQEAohESBwQsAABMOIApAASAQlQIiI"
    "sjQCLBEKCgDIACVIinQNASWwMBAKxIBgIRAQWoQCBcAJCCsrABiYoAWPUAEACgQQIAAWhAaqIrIUzwAKEXgIAJRVIAggLwFh"
    "oICAASAQEgMbBFQ1A5WECAmxzHYaMCCjI6BCJMxQjIgGFxIASQAgVcA5oGCBKlkQAkBWBRAeSAg0AB4QQAKAAkhekgNUCBxQ"
    "DQCSwCAgAEFCMIGgSvkEHBCAoYNAigESAgAMgSICCFeAGQSCghALIcgoAgUCASEDCCABwgQEBiGUVgDERBArIy3ULBAyAulE"
    "kGIIlqAUiBhAAAQTAiRQAQHZAEZUIAQwACJNioAgCOmJMIVLLhgAQUAewKDhAgAAHlwFgCwlAE0GAGBQEGBACAEABAAAwCcA"
    "C0QDqBAAOqBIAhCA4IQG0AFEVAQGswiKCxAyAFFDIAMqwARHFgBF1KDzgEIAIBjYBUEGQCECFKyIAAI5QEqksQAIxkrQQwPC"
    "gAEAjIGHAbMiESIAAQgmYM1ghgUCTCEoAAEyYB6iSGJMJQAAGmRE4lULKSEABAkFoKBIKxjJCyEooARAyCClUoKgSQABwkRA"
    "sUQUAK8RrEAEEVqjGHgCZFBONCAAARVQluAAVIAiWQMAkFqg2QoAgFL2iA6UMCCEQHKMAHAACUQDXEAgECPACQTEYBAQwBQa"
    "YBABwQUfQEYQECSACAcBDBLAyJgIAQpg4cEBltIEShBChACBBBQIAAoIsoXECEAFoEQZgoAl4QZEAYgYAyAAJAQD0QAQAShh"
    "DlCAQGApABoDAYRUOiAMwATaAjAA9DGEAKIyQx4UYCmQJACQACQIQRAAQGDIQiiXAFBAEMDABoBYCEIgFEASWRJyoAUJlykg"
    "BBFoWEZCIIBSBESBPJgsAAEUkESAGEwhRCDNGEBAGAwmAAaYAEEGAgBAANxzoQAhp0gwUEEmqeAT2ABooCQ1xCqAFAglQYAO"
    "ED3QBAYDAiwlAAMhJIBNQAgGQByQSEEsAQoygAAQGACIYoBiCEOAAkCRpEEQ1tA6ogEhS9gggQQIACMAAAARUgaIiJSAaIBD"
    "gSiAAeQ8JCCCoAMAIQCDiIGQAA81QGUhIIEiNADQQLWm5ACA5KEQAJDkiHaRABABCBAAA4BAqUnyABBMeEB6RCCAChiAAAIN"
    "hAEQIDIAA0l0AEgXBECChIKWgBPxEAAIqgAIZgTqYAqAkGKABGAFITGGgZDIZKAgUpAEcMwMNtAJJgtAzQ6AIVQBYUYosBYE"
    "aIwREkBIEJgIUoiApCGgEBAUEGIUFAAOCAQDYUQCygqIBARAIhwIBclCQ4YBADgASgYVFQYCCIcKEEQEcIBAAQkAoLBAgbQQ"
    "fVAIQNwYYyFCBgORgqNCE4qQAQABEnkaItApBkHhhjQJBAAAwBB0MSgwDEkkwIuCFoyIECrJImUqUyCAiEIyFaVsAYAgBtAy"
    "bFQfQBGaq5AUKKaICSERgxIgpdEAR4SgIIACBGCBAMQg6EdpgBhXCEDIhTF8AgABAAEkBBIZMiYkqCxRpE4J5wETUIBAhSPJ"
    "CKEEAooDYDYOogUBIJUoIgYEoEIRRkIgtIwIAIIQAATAUAASABQUTA0AUMFAogIHoIOGaBEYEUIiTSzBSAAFwAICATBkkFNB"
    "gEiAwR0oUBzSIAUEBIalTzBoCIBJCIFgrAfmBIwIoCKsJShcFcQGBBAIggIDAsgKAhgACQqgJyhEAY6ABMSpIkzjxBEwjRES"
    "yIZDSAGSgBI4BABgRwCcAAEgYYCQ4BJARACAI4wGYrDkXppAExABgEuECJ6A2MPAUcCyYSjTQAAQ2BEAYAMwwCwmEAIgQJAC"
    "KBCiAKIIwwBgQAEACqYgQmrSAUwAqYAJFdQAYIgKBshJoGBQJwIEBJGJGqrAQgJMamAAY4kEgoOAkGEQFWACQMwGEBvHoBAg"
    "AABtEUgVQ5go7ASYIghYCAHCEGWXWDJAggBCIoEAJMGGRcAAmalJUBBAAR1AaAECZAaABFZII8opYskSBBgQAAFAAo8AMV5E"
    "g5AChoBJARPI4ARELQDwQ0AIFiAiBjYKwWCgAQFCEqAARBAiATAAAygQoJAECQeAGBABBKQlAighWtAKQAEsFBlHRGRQAoFQ"
    "YFShFBgAMQCADWA8oMCCIAMgAQxxwFCcBIAQBOC5DDEMBUqAABTEBaHYg0GA0AKAGAgIE4mQi4gBAFVIMMAsbLgQkapDWAME"
    "A6IIhQfFUNQFHxgKAM4LROnjoACBSShghCAQYAhAEhAQhcIaxQKoFJzQJagQANgAIQwAAgMIICJ+2EAIR0AAADQKRyAMggUI"
    "wDAkJBhVMMMAUGCcCE4MnIooDBEUgENoQAmNYETBYQgBgDCKAVBGhgSRk0QCZezAEJABJa0IaIOIBEUAEAjKAigI1RYMCKFN"
    "ALSDBihRFkSKQAieIAAQAIBBAQABFIBgFEVgABQADCAEI0MAIJJ0AJBxQhCx6gDBBUkAIAEAibRiKg4HAcioBEEQQAIFgAKQ"
    "EDWQTGAdU2CkgkIE4AEACQwwWyAgEQGfZKYAWPAAABwAAICBQGSAGoBEwJMTIGafELCPCgKBLBNCAYnIDDAIgIgBAIYghAQl"
    "I0aUQBwBIEIr4CSBpzgXUQSBUGAHIRAoCQliEJAaADH8XLIMBIQCDBQAiEgBEQAmBkIocAQBGHJBgCC3AIwQqFAAHgFUAJem"
    "lAZSkggIFCmAY0QJBtCHSBLEaAaABAQqRxQQQikBsBMMWCIAIYEyhCQksEiQQAZABEJkoA5ACABECEHgjCCA4QjVAAgACAI4"
    "RFAaWaBcYBNQAigAAAAQMBZAkgQooCRIQhAIIKRBnBAD6AAkwSbjCCsASQVWFPlgaWUiBQSEAoEIQBBAQigckCVFAAEzBBAC"
    "BVQAgDIKMEEQThIs0MQHoycasKogAo4GCMAQMvDAAa8AQoyEVYHSCQRCJgcDYADCACGagAAFdYBxkEUAIkhACWg0IAA0BYAh"
    "QBYAAsAnCKAAFgARAAJAI5hdAJEAokikAAxiBEXFAyIbIlAgIBjBBuCyBCREnwAIBkEjkUAAyMdQPBSgliIGEhCgOAAAgi4Q"
    "kAoQB3ICCDJAHFJi2qgmCQQqTAmPioqKCESdABLIAYz+C4wBAIiA4hxAEXBIhLEQIkYZQEAl8DWViEJAGAIBRSBCAwDAQAAg"
    "ImQEKFRBjyIiKgj4AtmGQCCrIoBAQuCANEsZJQhEcAE0JSEgLAhxwCIkBQQJgJAJAATExWowNgOAFCQ6UAIIBAQAGEhAwAcI"
    "BFAClREQDLIggMCGMAIgYwBBBhqCoCCOACpglMPAgDSMMoAjEMsiCAoACqIMJCj1oMCaBUAxE1sBoQgFmMDhDBUEAoSASQAD"
    "GOlTDliDAACBAASVQEABcIVAhsQVEoqAagAAYIzSQIGzBaEaRCHJAEDJAHkECAACBAQQpwRNMAEzYCzAEQCgYNUIQAiGSgKI"
    "HBSgACWAIDINAgQFaiA0WAIbQCZE4RQAUHAQhCwQGskcFURIiQIAkBSKBQpiMwogOJAgbhDgggKiKCAYYCYQBqitWgFCAAEA"
    "AIQgAXRCwQ0gKwnEc2IrCACaQUZEJCAwEMBAQtDDMESwigFACYKwJAJQRQEUQAAIAIJCAiAAUQAxhAMAAMJBAIKSATQQKBIW"
    "4SCCBBgIYAGQyQCGLEm8ZAJICTSSEhgAQmgAAAI4CmIACQITAxFoVBqIogEkQqABgijWEgMIAYBYEZGABHEPsCMFMgCQQlAA"
    "AkAHFgAgCQgIwZ2UHQAAAJ4EgIAigguBAIKCCEERRDsCFAQAoALHGrIQDBEhoTIWh55MkgfRhdFD4AAgsCggwACCJSYIsWBA"
    "0EBWAIBLAEjAjCCTEZiBUgKgIiNGELADIIGBCcaAQKawLohiAAIBOCBAwCAIRPgBZkerzNEGoLyUCEiMNUCqDSSEoQiAFwLA"
    "MGiB8rIBwhAgCqAABlgAHgMg1xRkwBTAIcQtRAAABAQgSBBgEAEDMBDBEGhCcLAxJArgIIJwJBAsgKhgTChxyFLMAUAwQARA"
    "ypRAAInEVg8AYQHIhRAEqAgIDAABBSiKGAw0URkRRSwxbQBEYKkRSHIAJ0RpLMlEkEIDVytADqSABBKDgEghGIEQfkEmCAGH"
    "wCAAHAEAQWUIgAAIBDaPAzEYqREBqgKgQkCMiSEIgJKBSCAowbgilAowbHEEGJBgIIwOAIEgoAkEDEEMFQAAFGEEAwAKCYoA"
    "BAACkYE4AYAF8BIwFESgpACBIAYAQInQMJEigAIABCAgUiDSAAhQJGDAiIYFAuiE9ABAoAJJkgZA0hYSACB0wSIRABkOUFJR"
    "EEhxoABYT+ThAAaDUNviEoEQUaBGBAACRgURbYj1AsTACCoAkiISBogAAKhgAAQFQUAhVbAajiEACSCjYAAgiAAgy0BYAAYI"
    "QAIgAIqphQgQAaC5BIicHKtBghCwEhYEUgi8IB0AkY0gG1bBBEw5TkCAkhIBiACREABxQlZyEgYDCAoAEANIAIBjAgSQI4gA"
    "JABRBwA4gCggPkNYCAFPDMMIGjmAKHJIN2QDpLgMCYSQAAAAAAACowBRAEAhgnoXiEAAWBAhREGgChBQAAFSAAgQR8jiCBAC"
    "RCYEiNAZMCFRABMgQuGmLiASxJGAMEcQ7IIiDCBqGE0Np5hBkQhOSAIGBJhoKQjBgQABQaCUxCAhIQEHqwEgghQgkgHYCCGA"
    "gAhBjaEBBRRSQYAeTiAVBAWCmMFAGggAANAwASeBmHAUYYEAbfAUWCaCgeIhhGD4gKDSqSjEGUBJBpwKAmykENoYWxgkIJRI"
    "JECwgkklAkgQHRFKQBRZOLNaHgRgEzACE4MBAhILJW1CMkAEMGKLMMAiQiOzAAhxBgEFPADCC1sBADBSBQQAADICGkShlgA4"
    "x0ogkMWahYJthTpBAgIQDDSDQXtABsIwkQ8HEDKGhJMAYQCAJEAJASgASgDkICeAxIARCVNyJBHXNIQaowEAQHFARIwACnji"
    "BqUIgiZAYhMARAAEAGFABQCCoqMkhlUBCBACAA8UDIAZlRiIQBCQRBABIMUAh4QYITiCmGI4gY6AUDAZG2gA2oISjdABEEAQ"
    "wBuCNJBCSQCIAWAEACARCUQbJEWDsVHAwRyhrOHOINDAAkAEBFHIAAKVBIAhAeRXBRE4hIRARNWA0BQeJ8JKLYMFGImAkKaU"
    "wKDuoIVUCVUIQRHQhJDIECAqAiAgQ8IRAcQIJ2XlQAAQIQoBNEAtItbFYAQwA0KyIEAgHCgBAEoMFNBBFMbACskBZ5IIBQBA"
    "mQGFARpgqgxjZgAyERwigBQgBZhsQvlJ5kAoDBCwloSICAYEBgQBY4ABhQRgkABRKGgJgoKLgmKmc2YwZjQ6xAiIAkCAQsE4"
    "kMGJIIGgOfQyGKhBBCRBkgKlibQmICQhljsIYCEGpYAEARIUKkAAAiImwIrBjoGADAaL5IBLncRIQohAhlKAsgQjCUQAAAQA"
    "RAoJEEEsBQYBmLYgQkAJRYOSPIBgjMQYBBAAkgACCUggBAwgFEiAKLdgJGAswMQoQlWLSAASiKgAoKAksLsLBZYEArQUQEgQ"
    "8hSAQCMAAAwDUCCYhrFhhCpNAAmBwAAFmJSCkA+REIiRChqGBARCCgiQyVBGEMIAbsgJZCVBjIEiCIJQJggrvg2kgWgQgBAS"
    "iAQBgh6bMIGGQAYJQUDMBhUixIQgWkAwTGWlEIJzQEYAKgaXAaARGwABaoIkBgCwGIWhACjoL1UQhATKBoEBEYA5ZupGQIBk"
    "ICYHsgACwaAA6AAKKAgLFEoAAMIEYINkCjAQkYCBgQBBAIE07AGglISwJACEAABAiAiCRAUwzEAgBapxsgTAgIClC0KhUYHA"
    "TAAU9Aqkgy8hiAAwjDAJhaElIYBHgCQQUCBQDiAAABAAYhANpqAgSrUIIBRgpcAUMMDfUgEA2iwQvaKqYiyVACVqMFDMGQFQ"
    "iQBoJAxCSQ4jgoAkBCAFBQBQBhgEBBQgaIwpoEICMEjQAQCABogSiCqXkMynoVZIEBQIAEFEEAHEDASJhKDNgRAABqByQgF6"
    "CRwhAAAT4QALBKAQFAAAAMAGDg0hAAAK+mPk6QQ5MsgmOFpcAgCBDhYKqgQCkgTBQQBREAJ8cABQFlxkgYAxgEAJZE2AV0Ab"
    "SAAKdAgBAApCbACBFACEIYABQSBRA4CYZAwAIAIrzQYDMUFaBhQGEEFDBsVOEAgIQU0ClGKTCkMguFFSkSMDACAwNwBBIMao"
    "MFQIBSAIiEiqBQGBWwshAAAI8YNSASAQuNgENEEImWAWhBAQUBAIAQIRlyEAEBkdIBEAUJFhIQQgFFMBiMABjiCRggUIHgAT"
    "MIEKZEBBIQgIAXqROJPjIIGSAEgwAgULFHQI8BEMDjymBBQPiwyaI0oZGDoYB0yAgggBElYCEC9VAiCVwYYEiABBkMIcACIA"
    "IAEElAEAQLcAMyAVhgnEJPMqjiRMYQAJZZAYUgpEACMkyACJAQBRIIMDNEjCKScQChTiCEQLINAkFkoMHATBkECQIDIoMEIQ"
    "CKgIIAEWDQVNaAKIanaDAAsAAgzAeAg1wgRBkHaCEIxIQEAggIAkAFKEGMAAWiQwAcMBkhQAgwAoCGUicZxk0hoSwFAAYAED"
    "ogCE4/wgAJIIETRYDDAiIRABUAOx1ZNqxgEIIIQcMwAxAAQMgCisEWaYQDQCgCgETL4ABh4BgtiAAQQAEESRgBYAxoEAAlGq"
    "ghAQAaFQMYABBAhINJPAQdEKGKAAGIDRQIgH0oANQBDYCwclCIUhqspgRAADEBpTUhMwS9uBsMCC6IKFxLOEUQyqQAKIhFHO"
    "QAMRARIQAEQMwAFyIsQSgliCwQaVEANABTFgQATIAQSDgQBEARAmECbIQJREc6QEISaiMADCIgSAIiQIBNXADANMCAApAQSA"
    "wgAmDbAAAkqBIDBABEdJoyFYFBIAAAEhCYAEgApGhCCQCWBKHAA/QQoYAnQkGYcFAUCIAINQhRgCQywQoGpAUnCygIDMAKwC"
    "GiJlDEACEuutJ3AGcAFEgZyASgAATCYCRYiSQNjFALYMB4IAQZAwMBhgQQATMygi0hKQEiIKAQScCjFFIACLkk5igqIESwqt"
    "4gyigCA5AAAgCdBSBFCkggSEAMAoAAGAgIwmBAUcQDjLggWsAgEQGkCQCoB2C+eF0TyAQRhIAIbJDBOi1ADKIAIKAyyAawZC"
    "BKQgEQEhDCIQIpMAICgBpLAQoEjgBChSsBCoAQ6IKBCWwEhIhAgMIZDqyBBCo3HoAEoQA0qCgkLBDxCEQISDJQQsoZGDADjb"
    "JGDzEABAhB3IQEEQkUCEjAAwpEswAAAHYAghQk2TgoREVgBIQWJqaJoCjABYAA+sMFAASSHwDAAnCQCkEACIHYAxPFEeAhZJ"
    "QfBARECQCToAi0xAAEVMAgcAyDAgEgZuRAJAUICAlCUIhgEjMEvACihmAHsQMDELAAXgpRIUIEArIIoAgFgpiCiBOEzAKDgc"
    "hiBABJBVEACTEGC0wHgYBkchGhCBWiADYIqIAEECmkASgQjIGEwoUAZAkgCAwhAgBCjBAIGBACPGQEMAaQbwBFgVDgEFAggC"
    "CRAKKAABYCoACAhhhIUAQwEIANIXYmQBMwACjECEABoVyEqCQiBsUEEggDSICaDQEF0GRBGBIagJGAbcOANBBAVCQQRCxTQE"
    "AJ0AhAAAQZqEUg2DABACCQASgDyBEAAQAm0jLaSAowwEIQAQMCioi6CAiYGUMWwgiBkuAILYTiJGQM7EAYwBcGKFQQLlThCH"
    "AWLAQDBSTABQgAhFWkCBEASQQGSRrEAQaNEACIBVIkEAJYQ+gABMBgCFE6ZIeACUKCGAxIw3qACshgKBQBESgAMQQqjAxlBB"
    "QRQQBEA6NUgCB3BhBCUByCiAUKAAAyAiAEEIQASwICgyGGqULYJRWIYRqxgwERC4BQgAIgIoiCJSICogAYDxEAQoQAgYgisE"
    "IuSFQKFEgKwQJS6QQwUAHsJqCAAIxiIJmQwOgcREGw0BACGgoAM+CCHGAQEAACHhEjAGUjQAFykg2YkBLDhgFUAYDQIAKhzE"
    "BAANAJhKQBAMCCIIAUOjQABhaBAsBoHAMUgEkwgSCSzQKQDhkMkUCABcBoKEETAJAQgPEBJIkQCEbKhkDEkUBRCIUAAFKQkB"
    "0AwEMJSEwAIEipSQVARAYCIBBRUAKRplrByAcACgrALWOhggAXAhr9SB0MAxiIQAZYJkcQOpC4CAUEBUEIIssgBQBUQQwGAA"
    "IokKoSCSKCFASCkQAjE8UQWByMAkIF4QEQRx6TgHIQADKDXIUiAkJycWG0ijBBGACAoAi5YUYArEkRSBHUeAAAwigkATASxF"
    "AIECbJFjaAJMCJEQAQIQBBUQaEmIFIgEqHlEABAMQIFAEDoiaOEjA4RU03DSKYDACiCADKEhQwEPIoIAwEAAKFCFYFlggAAC"
    "DDAAWUABAQFdJAgpDkLwDNhInAOqBBIBxwAFogEagABQIjXJKQTHEAIBIkIANCEgRwAIIAArBBcQAhAEAAjBIQABgCpBSQAW"
    "AECCHmQUESCEgDyqYIYTQBACLAWeKAoYjOgDgTZAAAAWnABAAQTkDQFGQsZQCEFCIyMYIAURgnAMyBiAEFUGCACAQSCSFCBH"
    "QhJACCIYYYIQqBEwQHBRgNKgMShbhALIYFVxKIiIACkJOBYgwEAYAJGAGIDkgAsgVCQQAkAILsAnBKKUA9BQyPCmcBCFAhAI"
    "hMBwAAsDAIVomACgYtHITAoSDVEgEIXKpkFBHhBA8s4iqAMAAqHAQBMuQ0CMiXjBAEQisFIyK8gKIAMKUXIgAIgMEAaASgqa"
    "BgABACLQbA4gaAEBAhiCAoBdgAEAQUAABQFA8JgAMQAAlBCLCIIQnBCAiACGg5TgAggoVGAMDkjAsiBAGNDDEMVDAGG5liCh"
    "R4QAECCAhTCMBBMDosCQiQBKkF9pQiphGaEQBBIcwgRAdFAEERMUA0eRcWJZGgHYGQGAgIgMBCCQkFDqVAAgSTBAgDCkIREA"
    "ASgAQAQxqAgFqygMEJCAAKAoRAIUAAgAACJASBEAFwQIQUcwehgACRgGImcAoMiAhhBYkBiASOwAEgEaAEEBpRQQQCSQFACI"
    "AOEgCCAgBUEkJBANAKyxVAQASFAgyGABJpLRRQEBJIgygAAMCUFBAkAiyDKMCAQAAAwIBABcaIoAHBEIMEQhBNgIAKiEgKAQ"
    "Ax7hAKAgA4QGJKmCUEBCCpZFQEd4CDCgkEnGjAiwGhACAYYCHACIATInkAAgkGKAGUAOEAwIBgBaJZh0ADgA6gYEyAZgfPAQ"
    "BAoC4KISOoBQAQsAAMKg0DAggAARACSCAGQgCl/RLBsBKaxBKdJw4SiA8OCQDLKCgFBBIqFUAI1CWTIxBCIhkGBCZBCYUHAN"
    "AAAIA4ypAsyQABWK0RQgwBdBgAJSqAmY1wRWEACsJNCAV0GDpQEBgwAQLMgCiDLIYNHABIgKDEAEADihAWKQCWSpgAWRAATA"
    "MAoJCYAhgAwEUKKKAQAAoAODNKAAUyIC4ESICVIKkLSMEQiDPBjhFDQIDxAHhCAjRIcYEQEBCCAfAgBKfKgAAECFCAAiAMEE"
    "EECyCSEBSDaLFgIiBIAgRALAQKihiIMgBi4GxEkEmhSAIlGwAgAAkUCCagAFBYgSgMTZgCTgJJJTYJkVgAIVYWABISiCEDNK"
    "ADjUEEhCAOkQoMFAQCtsAohIxEAlgGMFGIBjWQSQAhWAAlGRLwgCETyCFCAAy2IhKBUoAMwC2KwQBmIzgEQAmhEMDBgGiDAI"
    "EERMgBFIcEAYCY1iMIDS5Aw4IIbgUQQQBIAgRBCBQA0URgo9xCSqCFQOCBEgAIECMkwMBwIUTYBoy6BJziLKIUAEiBRARQBW"
    "ABkBRJAkhgCqpCnHBARB4gEZFhABCAiBZIZAIhQnEgAoJopCNCVACCaIILCABCBAEXGIGBA0QVQALwCHEKACAgRSCQBAJTth"
    "iATgQISAhFGBBIkmSABcgcc2KpO24AEAKjALsMXlI8ERIgYMQKIADDAYgKJDGEmBoGohiAzA0AjwaiEAtQggUhCxCkAEgCOr"
    "AMRCIRSAoFIjUg/VESDEQqzwBaACSigIQgVQ7dpRU0AIZicHEJhAdKYIgMASAGnWBpQwKgCA2yCLmQKgQzARQHKEAgC0BABA"
    "AWABYqHLkAUgEeXQUEAALBsMB1GDCAg4AQdlBFIAEyWAJIEMgI05KCIo8KgKEAgRBigAAEBL5gBEWCABgAEzKRgggAEKSEMg"
    "CBFEPVQBtsBFIsACAcAKZApQQADkABGECHoQiRAAWhYRDMoAAgBACgREIJWEBUHAwVQhIASgAQE9gNjCEJoGAEMDIogBPQIA"
    "ICjEgStDIsigQQpKhAUCKUCAACBAoAswgIAFlExhAISMQpQY4CUQADABAgghAAAgoqUgYAoEiI4CYUOLQAQIAEgBGAQBKAQC"
    "+yjACAgwwwMeEoiFECABAJKAEBkSwAdo4AEFQSCFgFwANqEkRFkUAGiWmUAgFAqMdIUqGDMRTIIQCQgCaLRXTK4pJiAPMACj"
    "LcbocIMCIRAhYmxAJAhA08AAJgSAALmQIDbsAGKomAiokDQJZQAAQgAQLCBgEicQIDEyCQgBAAAdDWI0BiARYBIAATACBBEI"
    "qBkAMjCQZCwAAgQILNIsQUQNghICiYAxUccREEUQcIQAkKBBIRltCkQABACohk4DBQWGhAEFQKCiUlgaJYJkphEJDQnElwQY"
    "CQFARCG6SrRSECAAEeFoYORCAJEgCMNiCMuIEAjINCMPRZAJJQRUAqAh6MIToEACCqaVQAIIUAhAhjAQB5I0CIQwgQ7AAbgC"
    "mKAyORoIwIOEBgHchBoAyYqCgKZFibMHhQD4IQQAAGA+hwuFEpLArgQAiEQAAJpgoAkCQCoUAAKERDAEg9AAtBAqYUAAgoPI"
    "IACMiEJKEYiAkEgAkCRTMqHLSnmhWIQSCDIJEiEgAlUJKgBPITEAxAxQQALMWSCCKVDDIgq9hGVIQ1wACCDQQEQQgAUiAQIh"
    "gHNAGACAMpIBFEDQmBMCQJIJtQDCEwI0I4CoUEEDEgQNhyQxHEkIHIAQAKTDCAA14oClYIAESIJsAJiGOIKgIGBBEWGMATgu"
    "IIYAIIUIEBFQEUANAbACIQNFZhX5RABIAIQQAEgBhAFgALDIJlgBoAVVDgkAxHCQVsSIVYwUAADoWQBKTQUq0AFRABglQAAC"
    "TQgJoZQGEADAJTQKABBAUQANLFTBDgsKAhEKAAUoWTIKEgAFCEAhlGIIqFmAFAEyCAELyCaAQAZBLUIBJLAECARSgACAYBco"
    "SQSJUKKULDHXZhAASHgUKCqAwA0BIMAAJiAQFATEMNgiMAACAEAzgJsgRwgAGYQAEhNEIAhgMFJZYgFaSQAakCIAlABQsEES"
    "AFBSABAEh4ggPEgFQABAiKaGAClpOYmhOEEAoAkSDAAUsgpmCBAgYg0VxYZqGaAcB1igYNIpmIJAWkCDgQQUgEADggyYAgzC"
    "AAyAtkFAAZEgYSkAAGCAAJMEiYEEABJLIkQJARAlGCEA0IUJWGkNkQEIBawnEpNiU8jAADAAlEUZAbioDQOMKBUAQYUIIgCg"
    "oQAIEIQjAJIEMkqrBmrIRgAggyIAGTVAAIEskRCEEECalBAJYQJCLAASIgAQQpWaJPBWCYwJTAiQkAwIZEYKIBBQCAYAgIoM"
    "IDIQIREJSAQwhQIJwNCCoIhIBPF/iBCtQRIAiEBAMgAghDRC8ECCiiAHSFMaAiM8CGAgRGZAnAQhAZAAcQMmAMhAQwCAiICK"
    "wAgGlOAABAEEgggA0KFKAAJprhEAIMQGIABMDFqHAqu1KgTABBIUELBSLbmgbkgXDGQQIRQEAAEhJCAzAChAoJQNxQDCBkAp"
    "AKVhAjQIJJQAElcDICBgCSlIcIgQgATCRhaKNAAEBAnUwDkBKalYo4GjACECEIAxyIAQAIEAyQJAECwIJiAcENIxESSdAAQA"
    "AVoIEwBFUCEOuAgZAAnIA6OMQFRqBEgAAMiAJ4BAC6QBBDjxAEQFYkcJIQESAAE0CAIAMQQXABkhBCDY0CQKABBEOhAxBQKA"
    "AQAlQskAIEQ2EIBoE8TAAQEIjAgggEMCGBkEAJQWAQagAphYQTUFBSwIwXAUVhLGgCpxAgCDAgAEAEYELARiGiIAAgAUUAQA"
    "SQYkjACAcbQCAqEogrSYQgkAQHZBSDQSAwAMAPUYBAIgKpARAMQU4Q0gIfhUFAgNKGkCSoMAAEAKBAFx4AJABWhBHgC7JkAo"
    "ABgsHgEhdxSQEAUKBtICQICyYgQIAGYpAwr2q8lLKBZIgiAIhhCBEGYCEEIwURRAAQgIAACuIwAUJCfDEEgECElYBYgoIwJF"
    "xFeUQIAIAAAFQR0gDTAhwWICIg4GcgGTmUHABcBAGAkjcFgoAxpMEQWQQQKQQwigEASMEACQBMRN8JAdHQxARM2IACqNmIAU"
    "CCjhgQIGIlJAUAAAlAAggAGBEBSIDHiQGBAahACwAYmjyENATIEEGABGhA6CgJhiaBAAKRAAgIoBQMAkSeIYAk0AgwkAARjB"
    "IgVwADRIHAQBZAkEoAsQJDQIKRBEmEkCFAIIAeEkAgAaGSEQEAAA6pAAACQAEkaaFaSjIaVBiAYEQCg0AAkKTKQOJREUfAIh"
    "FIAkiEwZCAIGCoVDQBGK8oCeAMGkCMMFACILIKlEygwHEwH0gJwIIQJAQAFBABUiYjYWGOAAwhEqQUAkRQBkoSECCxVALBAk"
    "BCAJjgAQQ4QGCCEShRC+gpGEJEqiUAcoOTkHBBNICYCKAIBRnIChAroQUgQASDEAEAAgsAQgBNABAgAAAFAZE0BihBCFBChg"
    "AsGUiCQIwRACBBCFFEWqkmJEIEQBEYDDHANGCpiCTgOC4RAGTsQYJIIQlQCCAAIMQWDIJiSNVEQBCQUABAvKIBU0CBJpQRCq"
    "RQQekxJAqMLAQpENCokLMgBvmAFD1DAIQMMFVEQVKQomgUxKCEGSAqYIIlAIQAkABFAYnQIAkEkI4BNk6YAAwhYGCgQAoDBC"
    "KAAqGVowFW0gIcCgFEAgDCpFxxJVIQAAawkFI4QEQixQEEJggVAAQFIKlYuFEkBIRAEiIAcBSCM0CAKBlEyBmkhiBIACBDhG"
    "oqBH5cBxhBgCGQDYREMkVj3YABABGNAAAfAJFVIEAhAjMYi5BNDMQAwCDVARJjfmQAGIAB0EYShRJBQEIJEMMjysBAEBFTQa"
    "UUFADBjIgAAPoAEEQQcsGhQhkAFWBQCZImGCgSaiFIgEegKyD4IIBEkkEYgIAJgJE8IBIHQUgAwAREIBAQKAUQRIAgSWERYJ"
    "TZgQCkMUCQeCQ4ABGCSBkyANQhBA7AMJChIWNEQEkgJIkwfAeBhKAAHGBCAAxAEQVARLEAaAIEJJEAiKKIIKACMoBhCRQalQ"
    "QSlUARICzgI4AUAJyAQkJAAiZRwSUCukhCJIAZEAjBUAEhIYBQFgGNsaAiKpuYwAAo0RioQCHBUBAgYIADBCFkkAQIgiyIBA"
    "K4JhuHIAUALIIJUQQSZEAoFhXSMiGggkAAAQgiAwmQAAQAKgAUDCQKLRKCAxIAA/hMSHbQhgCBAQsABR0JBhjSGnDPQAgweg"
    "5QqgFLQmEiAJSgD5DEomBBJAKASQABMCQgACEEUAWQIBcoAFggCSBABAkEDi5dVQAghMBQCAoAJIB4qhQFQAQYADRBDAAQQA"
    "EABAIIA1AVIIQgBGiBOxRBMQ8CXA6QAA3jhEC8g0BcIAIAAhQKPAUaGAECAAGBQQTamISQSo0IAgRcQQ0QQjBB7DACpYoiQo"
    "FEQAARgMBihGC+iAIkQBDVEJIAxAQIEQQgSQEiAAYwIIEMgYAAbAgAWiJRVCALYCAyBRQgBACBKXwMAYEcbEhSocXjpAKhAp"
    "ig0CLbgIAhAJCAgADJDBAUTgAChgACCQwBloSAeJAIFAIggQQACNA2wADCvAAABADMCSCkOgCIigQQUSgIyOgAoUylgEQYA0"
    "CVsBMCCwgJCAIBICbAIkoCDCBAYhIghQiKIaAigJUJhQoQPgQnBwYUAgAoJAQZKQAAIjCMSoGUaCAEgQENEORCGAAHcFoYRR"
    "BDCBABQAkpM8AAkCYBQKiEUKkUEskKiQKACAgACYugUEmI2LIKQQPwNkGGSIAJojk0AiBIOIUnAASCCyEcqQhCgM6ACEVCSa"
    "GAIDIBiCJEEEZIDAUJFlkxkEZFBACCLRAcQEAE1QMmEkHRFNMBwSRAQMpoIQIwlUoGUUAjCEAQaACRBJHgAIIgBK5BEEsigE"
    "WcKgAMUkBAWoEwCggmJoRAAENIUsOAdoIAgBwRhEEBAEiSQRYsAUBjKEEARwgOER60SAYjRS5AkgAAWGhCkVizgIcZQIUEAE"
    "YpmBISAABQCaUoChFAJAA5CmAAFAgsQMBBIQhSmgoEAAQAPAAAQBLRAAAUFggAIARFoiAVWREMMogPKqsnMCIhLKAA4AACAA"
    "wuTQJBCAhkhACIACCAGISQBDchCAAzARwQiCBmYGQJxABAABZCZqQGME0eBAhBCMAAlwIAQNMIK0gBp4Qhqx6jgwAGTGQSJg"
    "gMXEeAmJAAoQBiBFSA9GQQoA4QcmKICtgggkWKKMBUzGEARby4IIIQQBUAAGDdBgGEWBRjPAABEEADBQbZeEgAMBIEAVAEzE"
    "UGIG4oCA4AyaMCgCgBBCACQEAEKYgiA8BishIHBh4DgCGkLC4IEAFIgBUYhBAIhBAAqhAIQEAe0OqkBAWABKkgQ2MSHEWUwA"
    "VECQSAoVBgsGJMCHkiAAgQEuRgpQZQIiIAmExSAJAABlQoGTGBGCsAQ5wAICCSBwCrBQISIADMDSoItIgBBlkIIgTgBAAAEA"
    "EBBAXA5QGAAgpCWEAQtQIkAJsQlaLACAVhIDSCrAFFDAFqkCDgcRQInpHAAQEAhCTpiIQRRizkoHAKZAEQYJQBgAgouABUAK"
    "EEQmRiiATKCApADgOOACYCAxEsiRFEGEgAAIhBgQgLFMUAIkGCOAmg1MqQIFe5QCRgphABlNYmEGQAAAFAAaACAAJEvgECJD"
    "gAgKBlIBGAAUQAIwAZMEAdYOGoUCLBpmHkI7SMAQAoKkLIBIOOCI4AgogwACJVCQoCABAQACAIhAg7CpwUSGFVICQI0QZQFO"
    "CAQtTiVFEQGGkBAASEDABKKYEAAdJADAtYmCAkBAiC4AhBQQlJjjxEkoERRWkBOUA0MCDCZATQIYVAjaGggABQ7JtEgUqQhB"
    "AbCCgQw6WFShoEBwUogm9yBAHRAAwAA1DAdaAo0yAMSQCEwkCOxeFXtCcIEAAAMGhbxAMUkmGRUDSSKnBkOE0AEJCYgCQQeg"
    "kYQEClihJJoYMZhRQnCegqDiQAASKAAWJIscQAdJAQQS6ACzHRhiIgAQ5JIDuKQQCAJyKAAQCAmSBw9QADEaTIIAVSELUBAg"
    "0ADEgAQMgGiUEJEvSIiAAYgFuwEApog2yAaIAGyqoQDEAEoBAKAAEQA+CIkZUAFjDwYVgRDYBAAmAAMLRCMUmcaEAgCHDBBI"
    "ThRyAVQEQQQgBZQBBME0JQEABMGMoIIwFCk4CMwAKEwaQgSARHSQHM1SGCRBQpALwGKYIIgCQMCgxaAchjiBSqQEcIAVQgkC"
    "iAo2iUgYwnzABwAgKQBMBnTIAgApBJAIIAAEEpIAACCIoitYABBODCEjAoGQEUBg0AEypBJsKADEIgHMfICCJSpAAgIiCAAQ"
    "ikwIWAhXpcBAAAQQJJEFQAEACgDFXCgGDQXQCARCP3ECwCHBRQcNkogBAAaKIABrCoRGIWiEMAASLBUABAAKAgQAiRAACGIQ"
    "SQhgiaKEXCaCUKAAoBIQiACgJCqhAIHoAhgVkACoQBkNAAExBSCMBHJJDQxoCKnhQAICBiCxigEBAkQQURigEIARxiAhWCVA"
    "iTQsOYKpCoAAYBBtCrUwhWjIAAQhA4YQJpBVgIUIAAEQICGBBATDohAABECQGkIACDCFBoJsEIEEAAQQgAKEFkIiiAgwYE00"
    "WIEgUyAxgKWVUSwFQVgfOI5QDIECgoAgFNCYk8AAEiAAgDiHJAgCDgBAgVAAJhVwAbYSEGhMEidFihCIABEcMIAFpBCC1MCg"
    "3t+ITAAJmFAFpBFkINoAjIsCAAkASABRROkkigpM1YiMh5AEGAQKCwIRUACKAQyMABEEEEqy0rBgBBmIALYACDAZiCEALgBA"
    "igCDFQBCggADQQCoRSUp4IBwDCDCLCARoLEQFYQIEUKcmRVMoAAjGEgD2rFBCQ2hQwhVgHcICEkgio4pDQBAh1BkgliIGLoI"
    "RCUQwUkSQxgVIikoEAIAIGABBCECSDISIhhBpMYOQAToAABAQAiD4yAClBIEAkCgkBCAZEiDFMAQWIUJAlA4cAiQABBmgAgc"
    "FYAR0BAIg2EKIAREKMgOkAyBwABgkoDmAYaUwAGgEDAoAIMApCAwBqFFUAhICgwUNKgymhYIA7BGDOMFgVYiIIAAQTQAVGLA"
    "CQwoEGKEMAh85EIKApM4AlEMACAQh0a2GQBghEEAQCU0AFEUhmcGQYQYcAIBBgSADigEhgoBdmAJEEV0EBCJHAHHASuFZAiK"
    "EakEBAImgAAFAhGqSAoPigAgJwrxBIQSjFgllMQYQQyAcKABosktkIh2pkAglMY4kgIQQAhBAARCIPakshRCASKgCAAUAYSQ"
    "LZCABoCAkQkSxMlDAhiAgEACES0CcEFJEIxABeEAhSIGMg8gnmgXgGQW9KiAgCNQMBSGIkAlAQhiBUAAAYGxgKgCJCCSEQID"
    "KwQgACCgmUIAgAIRKAiMgJhBEoMAAMtCAgqQEkAgwAAAJo2CIeUShkKTEIQAALFAIcxJgmAwQIYUcUMNAGCYylAKDhUAgAWC"
    "CAgYIIIaYsCFJBAijBtwIqAAEA8KnCICRhlAgBQRAAwAJgBhAEAERCsIMASIiDxCAEGUAxREKQiQAQHIAEPEIAgIS4kDiAgS"
    "QIIAREEJgFKxIqABsEgACVAlipYACFIVEAAGKUSVIAwWEAUMIIBAghAARCoAAMoDBwlySBBIqphgAAAhQAVaAA0MEuRUEHOE"
    "IUauBMQ0dKAggAQxMRiSQSmoGAJkBAEiC5BIeMFkADhDAIEhBhfLUQIEUAECBkQACAKCAQSpEDCQpVBgpAABYB4VIAMiAykO"
    "nnIhIUR2EQxYAgBSYNgZAEJafBACiAkBIACAAAICoIRREYAsAwBgcoQIgAi4CEkgYAEIwKCCEuTFMgwYgYNEnNMAgqOeQAQY"
    "6QkFYjhCECABioKJDBREEoggBADFp4AEEWQCcBoYgEJAsQDAjFCAYAzGCIBCQ8aBgBMMEISLIBOgBEMckIhQQABgCwBBAkBq"
    "ViQCIwQlBIMOUiOcTEC5mhSCAUFJiNhAA9gAQYSgYFKACkAoCAhoQooAwCw4AAjIR8KikJUSwxIgNAoNEUcFqAxigQp2EiAK"
    "AATEICORNIGCBKIFAIiGSQpQBhhYFJUZGEAS0UACEhQE4cAcQAAACIBCBAUwgBDIEQAkABQQwB5EFyqwQARSMglRopJBZAFI"
    "YBQBAENSRAgAlEmpKdCBEBACCh0qgWAKwNDBiZFBMWABCUQAxRwIViARJBhNygAkyAK0IABA0Ms0AEQGTBAIglOwWaeIERVG"
    "CHcBMAlACBoAwhlMFNBKBgEAAYoCEBsCAB7QUUACwgADCAkxIQgj8gQGGNsWQhRAAkkBICAAAAETBAAYIISHAAAQFBQBu4IM"
    "qAAADQmAQEoIBgABAQAJmIoRhwCggCKgwl8YYsQaSgViUwOMgKAASgBEAFoc4CKAQYaBGAoJASBJAEwPWLADglGALCkCHURE"
    "QAiApEXbBVsBGAoFAoDUPGgoQNoJRIohCBEQCKhEQAMngwIDpCMTCikBCQBA0hpIKhQMAhbACQxQwQJEwcBggAagFESIEnEt"
    "6OAJCVABABaIXDEBAZVIEUBiuLAQmAADEMmSBCMQAABAmysAoMEEUoYDAIA0SABAIIFAMQKBoBIwXGCh4mRI/ZgAQN+WENbU"
    "CNIoACgEjM2AYFAiUCBNF8BqCKEVBHJkhCbFDAaCCGBQRkkQkwJgYKFCxICbhIvMkCCAYiDATAdpgAmA5jJCByQBYSQSOpwM"
    "EAggBxAIOIgAoICAAcCByZKI2AcGVxmITAMElgIJAMBa1AYZoYhSqAxCIGgQYFQAKDzEQCNEBEhAChEigsECkz1GYBQjgIOQ"
    "iQwqMoAwQBEJoQCATMIEAARERzEAbwRQBIAgCKEA4EAA0JUphCTj8KSggUDGSRKEiGRJCOECVbBgCWgAYAhWNWAzSmwiqMgl"
    "IBATEqYAGAEEwAiRCMiSBARhIVAi0IABwQ0CUIAFBCGHBQCoKQAAHoVGiAZAJNWACgjggSAWVELKpAxiTgDcBKOCQBAeIEAg"
    "BgCyEACIiL2fEEAASQgC0BJUMCiBA2BbCYISAqKCBaI6pQSCAFA2VR5CLAOUAAQZEuQMQBgKSWTArL0AkBUBCcFhRKSkETRA"
    "LwAAEGIIyQEAVKQ0QzChhDdABABAQGYRcQ9NoQrEiAAAABACIUMCIABgCzoKUIoHCISQF1UhEQVGEAg0YRvIOAGJfyFLojzA"
    "CEIIABQECEAPAYCQAAhoYwiAWw4CECCjAcMZDzDAyGRNHJgCKAmnUAACWFCCBeSNHIrkYKQEKaJQNgTQAIEGEgwoMBsYAEAA"
    "bJAiAgCKygABModAhygskCKMIAhSGCAIiKsAALgyYaixRJAKAlUBQCGKATB+QAgsAsACKguBAVCAiBDEhDHQlQJGKogOBBqJ"
    "ABTBBSFACAENAzcGBhABgAHgAgCqEUEQBERkDOIQQiYmgBMkAQEkBACxECFUYgDlKNQQAQCUYQBJFpA0AQQqrRiIlMKAAoeU"
    "1tCMsi4IAK3AIGYSpiSAEAAdVkgh0ATAQSBVBAhhJEFcCIghJnQBEkwKSUEiMOsN6CQCgoFICQAGUgUACM54OFAhACgwHASJ"
    "oEAhJVghwTMWYVhQBQzFGIMAklUCEWQNMjgVABoMoFrhAMVeIAwgAAYFCAMBMkmgAHpxPwQBDgPg0AIwBIgEMSwAMFgBBQtJ"
    "EEABBBTBIEwAAJMQBohYQUACwABy6QyCgABpEEAMJQgEL4MJIQARkECBAgCTAACAIEgFhtYAElJQAQaAAgOIREILDBkKQKxV"
    "mYgACZkgqIjiAcbIIEwAGYQLEEDQkAsEigIQMKBAA4FUwlMMVHnAWBAABGIQFADYCAJAwUe5tQQJyB6EApsSoFkEChFWAi4B"
    "QmkehwxBoADEACrqZhAZEKEAmBAJByAB4BREGMslKCTBECCADhGEAQTgHkoCJpQgCZDCGs0iIaTBCeCwgAAQgQQAkUBQWIAG"
    "CiTGTKMVAMgAIGClRwBJBBmokhKkIBQAARWNAEFAdOARgsMCzNAxiZKgDGZIIEAAQiISMGAAHAUgUNIIBAqICcMQDyCEQG1H"
    "SEoMSQAAIIgmAFAQZIcLoAB0SICSCBMAkYQkYEiAA4LEEEVUpIRGEAS5AAEAYcCDbSBmDTSBgMgAICALRwGYFhQCGQAACBAw"
    "ATAQAoiAEAG9RE5oKoBFCEEmONLEIWJBAQlghgoEylHAISAIQChWMACiSEEkC10FAIgHACQDJEQBwoS6AQIxIlAAquhOGEQG"
    "8FFJaGqIHgkgBEBKQQLaCgQAKKAAQhQ1qyIpghAACSIgIYgQlQAAEDgQCCQIJJoSQOQQMAAIKCACkCKgJBEglCEIgCGNAkBi"
    "wKiaUQAIBkCiasIALOISI4EhAJAADZAJjxLDKJXK2UCEAyBgACEgLFGgABAVYzRNDiE5AQIOjSkyUAIkQQQOhoRJxJxAAAoz"
    "JCkEIREEIYACAACMBUAqAEDMkAChDACBNUVgiCK4IFAEJSJBIwgdKAaAEIgUS1KRwEoIAQQBiIIqIEVBBMgEgEgAwHQJkAFQ"
    "ICBKAgGhIAUk6GwAQIToQlIqlRBEIRYCACKCrCKJLgAEZNCAAKA5AQKGApaPAoBIEQREBQhYAAoBAFQAykgzhqIMQAgAgACE"
    "WYhKEgQFg1iSInBEEEBIAAAS4AJyMSBAQKOiJADnpYIQvKGIAmgDUIQKMAAIMEIKlUkAYNEABkBgaQyWgFY0HEQUpcNExBQI"
    "8WIBQSgMDQdaUEQQYBgLKswAADDQASg6GMUBkQkKMAAQqYyWYDCAQ4CwFiYBBUNg5cuAQCgHWGxFCIISFCAghgAUwqUiCZAs"
    "CWADgAVAEEYAKQAJUEEEgSQMAECiiMAJ8AGhOpMiNRcAAi4TsAKgkWGEuFBkEIYAkAYKQIZACLDygIQAhAkBUBugoAgYCQEG"
    "BChDQBAocKQIEJCAQggCjRBwADWCG4BCzlQAAZgRBoJRCI5gUIgnkASAJKIQFoHZABnwMRgMAoEIrygBQyVCPIUgSgmqlMWB"
    "Q1UiAQhMlKAkAQKOiSEgVBpQAGAkgAI3YEQABCEiqSJBBiEsBMMSCjBQCmQAGaBVmQmYIJhNQF8cTAIDIAIIsJRoGElkDESB"
    "qYOARKHKzUNAIAMAAQahAYkAUCgCUoBgAgkMQZgCFiijEAAIAAAQAIAEFigaQESyyqSBKDCFIAggBBYGEIEACkCGBMNpoAgI"
    "IGkECpERABkFEwYQIAAiAQATEgQElKBFEQQgIBSAwIKDQEIVpRIdiERAMQFIUAilgAtBAQBWI4gJDmfGAxQARiIMQWYzAMFA"
    "m0IDAkRqk2wGwBMIgEwCoiRkxsAIJDFqQOAsQYlJgEyAAIgEQgS0YAM0UiYGggwLCwAUoCAVBAAAAggiBMDhgGUHFABGAABA"
    "YIOrlQCBGhoTiU0AAZgCJAEgAYAGCFGhIBoQIAAAKISEDE6CQAsQEE6OkAhJB0wAIAhCARcSguABRALxQhkBlCoumAiIRC0A"
    "MSyBKQkCgGQwEEZImAnBcwEBKNmADUChAQIE0DQBEkKQMkAICQEE8CBy6hOitiIVQ0AIgq8AYCAAhKQNAAAWRIQAlQKwEgXA"
    "AAFiAJAQMDIABhCESSSKCNJJkAKAAAQKAUmGGAAA1BpIMAFBFJDQcNCBARAQgMWQ0BhUAwC0SE4QoQDCgIDAQgCMBYFDJGQU"
    "+ACVAMAAKBQwvABIcDSJEgQgdAAYtEqIAAQRSVACBEAowQrwSRw10EpBhFQQBSBADBCGA4AHKQovQCIEBJFirQOIBDEAmABa"
    "hRcaCBYhbJQFGVhLQK+YEzCgPw1RAKFAAhggcA6EkMgA6QhgBCgBEAFzNwF2ogQEDeMAsmzCUSRAMIYAWAikE80wRAAoIkAZ"
    "QIAACDAwW7JiyTicMiBAABRWhBQxGICQAEQACAISo4GqJAbPAAGEBAmEJBNO6AMQVChYAARJEEjQCAB4hwEQKA4AgLEoRBgg"
    "RJogJAAJjLKDmeSoAAxIYCUF4EgAAgAEEQoJSBABoQQAIACwPNJhJQcHFiJYSASMQAggopD0gA0HZeMVGGEIECgMTQJDJAMA"
    "FgghBBkQBAbRBBAAoQIEEyAdAQQAoghBgBBhDKsIiEIQIgwCBKIgsGlAUwCKIKSIIDEQIwAbEgBgAkMgBQBgCwaCkIFwgFKb"
    "wAsUAKg0kKKgQlJEAscIEBRxUzAEVAQuFwIBUC0lIcBFgnoAQApAMgAhAAZMAGCoBAkgAigAUvmNKEEAAACgAEIAEiFIBAOn"
    "AcAgAx1uCILACSBIQAhvSQRRAmABhApChEBgAjgAIAIAFYVG/NIYoIhtCMhigAoGAQQAQqwQCgh4BEAiB0OQEQISMTBgQGAb"
    "jloUQjpAkVDBQpNETcwAJAAgABYQdKTEpOpQqAMiPiSfIgFAENRgMWCRIhgIVFsSIAToBICAGOIAWgEABIqDBQ7CBBghHQkX"
    "ggNQK0AhE1OBhEJCgXAiCgBgUAJmYQAAiKDQAKAQbTiW4pEiCYABgRgNRYooQXACBBkhAEgIEEgYCBAoICAQUoGBihpQRjAU"
    "PBQmBRZIHUoQiKKQCIkFVZDIoApSI4VMYgEAGEAABQ9IAFcAkkQIgASQiOLAASBJCQFZGNUABgR/wgEaAGAQJAEBMEBAQAhP"
    "hkQCAhADIEChhAFiIAoAAIAGgIHdRCGGKg1BIVowQREEABEgEBzCUIIhARgAIBQrAWAAAICQAAAEeEEwEBAKRTAALBNMMDYI"
    "CDrKo2AAIQIAgkCIJEVUABGU0gJmRAwUZIjgDAQ0GxlACwm0ARSSAAIaIQNOAgABEEFEIoOlAIIQgSAEwQFgAGCiBAMEBIMK"
    "BhaLTAIUEhzQBUKALAQBWqAGM6BpxFIgKAoC9JIgMmAJwJChQIyCAALwBgGIGZAFMsFAgDAZEAAkSEgRwMThELACKFBEAGpo"
    "OCqaGJy1Pr4AgkMoDAAcIiUgAGOgiJEuNBCjgYWILBCVA5qSARAUgEBERAKUQFEBRqAQrgBqSUA0BEJhEMSQApIDAAE1JDEg"
    "ERIyQCJpNgyaSkBIUATghDlMEgCCIEMAAJBCgAgGArFQKQpUABFoMiDUloAmGIAwCCCAJBgUAAYgFHJQBABAQ4SidIAQB2Bl"
    "QgIgACIEASNCjIAAkKkAggcoCABEcIQeigBEEATQFAC0SYDRDwgSuBFagECABQAKDKEhiyMkyBLEiVA4ZE8WDADJIIIgAMAK"
    "AUAQjANMAhRBPCDCERwGKACg1MIAIIRBQASAyE4BkiyEkKBQENDAACVOCKAAOAF6INEKIBBCtAmEDRggmjEoAawGmTUkxEAB"
    "IYBkDpCkAUGgAlA6UAnBhUoAnQFYJBJEABRECEEXBgwzEChABEQBiBSEAsiygig0AxvJAEAkQEPQICYCETaAYDUcJYFEBrEr"
    "QQJKiECARuNAChoAgMQZghogUBCdDAgIAA8hOYdniBAMhAgmAQQDhIMRHIEIBABEmIQMAUcwoHABAYBMEUgHAANQUBADgIIA"
    "zPAYgEARIgQYSgADUIoARFAQJFsRCiBiiGC6kgTLFMCgoyom84BBXCBgvwMMoQCQwAriwLC5BBABRSHRWMEESdrrmRsEFogY"
    "6AqIIBQQ1iAAAcogChQMAFFwEwQAVAoCgihYAhVqw28kKgMU0CCgACAkYLIAADTCEsBBUhGIqxQhDMg4kLVLZSr4EghHgEAm"
    "IEgMACQiYAYmICKChoa/ZAEIkWfAMJiWAAkdGAdKhQDRSBBkRApmABIAEMUjSBExiihhgAHTUKEEIGFBJkGgHGoBkSACgBKc"
    "JAAIANkGUkAxgZ7GOARAZABGBBESoCQICEEAoIgGP1kMhYEoGAAAwJAAgMj5AjAiMOFBGiJYAo5FlCIIAUGgARKFBhAIjD6A"
    "ACERgBYYEuJAcEhxQCAQUEh5CIkSgAIAEgsFRuBAQqIgQtBGiKAmLcEBEGJIAAiIFCwIEAwRY2EQAkBFJQB2QAExgBogDFIC"
    "gIIhakIMIgIEIJGAUCpgiJFnQoUAIEgtHwQEiMIQAAQUFALSCCAEShmBgSQnkFxAg1gEAwEa9BwU4OAJAAAE4qVBpyEAEpBC"
    "CPAAGaBKAD4BIhAAACJMgvoMCdQQQAEBUBQATwALgKgBJioQkDCGIUTAhBCEKCZTSyQwAhCoKEcBkAPIgIBiAKIDKJOMQThM"
    "kjkAGOEDhDCqAIojAjEAKCBCiABJlSkASjWAYgoAIgi8KcyEWGCMAhmgAECGMAIDkYABAQAIIwFoABEZFkAUAEHSNQMgUTRj"
    "ADAZDAsHASEkJaNIBIoKEBEAMAIVwAAETEBcY5EoCQFyCkAtSAUMBoAAeKUJAIAgMWoCi2gAmQITQaUACBUEKxgiCmEAUUGx"
    "QWADAHUgAgSEkSkpCASlUCwCAMEAABECAnHJSALAQAQhAIGIRwwCDEBAUEEGQEIBgAByBxBwlCFCJARwgRgBkCCTgA3AwEgk"
    "JQAEMBQgAAIHCFCAhhhdpE+wFAAAAAAQBPew4iAEAAgIAYAsFgiABAAAiAgN0EGQJJAABDNBQUMQXCCCQAEAGgHCBkrsAL1E"
    "goYAEUBlIAAlhIQACBSaxEngwEENIhOBBDqkFwIAKjgaMLSCiBLrFQkSSASkEQhQDbGAGiIKgpAAAAAJkSEoSATJLRgASIxA"
    "KhFECAGUDAZQDc4hDmAjQAMClIWAYBNCggECAAnyBoIBcCgQIQLBQIhAnkCDBDnFFCgTCFDITghMAjYMRFQIwKAQGRBVQC5A"
    "CxzRs0ORCCBjcIuAAQEgIkCiAJMtAFTMCZgiIhIJAIQBAIkQDgHSDhABrcBkCaCJIUBFMQoxiTARDyAqIUoBAGBnBhGQCRIh"
    "BACCaYhABAiCAogWUyAMxAxgAwCwaAqABDBESTAAAQAFABoAAMnVBcCcGBg1UEANA4q8AaII+SVALhAQBcEABIYooVAcymQM"
    "oAoQkRScwlQUA4QACoFRAkGoERQEGahBREARA8EZCBBOSTBCBJECwwAFAAEGjCFAWQIosMwsIRCu4QBBSgmBAwhwKEAMQAE4"
    "GAQg6oiiIRUYyEgQNDQEeAGCA4KIAkRAUAgEUGIMAZadJqfAQICGlEgBMlhRGggI0QzQQqhQ0BAFGBA0EYBNK8EEJFd1NCkB"
    "khIAAYoELKJCCwCI4yLSsgErg3ISMAABGEBkJIAkUBcAgIIiCIAACkRAoAAmIABRRKPCQSKArdAIjZAACEAlIaaAqiuIGECc"
    "VssApAUwMQIA0QincRMACmKkToACiAQAIgIGsIkAQYECIAkYBCAASqpBBAhUgS4PQlABhjIkEQQSzEKIMgmNAkQggAAQJQIA"
    "AgLoOI1OFCY2ZgAKAACChGOUUAFgEYLBp0MqHBZVQmkkBCELiEcHISBCqrUaMh1EQEV4XICg4LJAGnKFIgkQQhAkQAxBqAgU"
    "CkAlAQwYyAAAAFX7IQgAARCBSUCABBgQg4IABVRSiyAJOAGIRFEQaDjrTBEMgAQABAQQhOQgQiGAwAEAIUE8gNgYhmGuAJiQ"
    "JQAEhIHAAAEYIOSDAQNCAExYUCADoQAiChGQKELRCIEAxQFAQAAIwYT4BCCIAABCoEQgQUAoAHhCDEMpQBAABARgYAOI9geg"
    "LMke3ACQLBCEEEASZZJGEJMuBVQS4IAXwcECDgmASAIxxVDXEEB4SBMBECcUPIVPAABkJgsIqFWAKwKAEEsEEKCAQAAkQgpg"
    "QACEABJAgYZAJBAACQGDCICBiEDkkBGpAAJSEDpiQEYx+AEEQBgAKkiEyhpYFEmjARELgFRGAhCo8KBgVggikAYvEDARAACQ"
    "ByDMwCCAAVogg5IIEOEZUyAKIAkwMiBZEIBwAUEAFAghAgD9gpDCShCJkkkCgQCBKETSIOwMKAQIKUBJ1qiFlBIGFBFEAIpC"
    "IA0AoMAGhRAEN4FJ0AKiFXCBYC2K4AA0gIETERSAQg3BAgAFIgjWFQBAIhEDAAhRcAglEQkIGABGgaQalCAAINYBGBUggAUE"
    "EACowQAIKjAcFCEcEVEUMOYBAwYEBBywScUYAYEiAKAFEQgsAKRCBmBiIsY8ASSYHhcIgaFwCCkkEx+wHgAEU4tCABEGQIwA"
    "CMABkgBJBGAgPYskqKMhASIEAAcI4UgBAcMAC5QAqLSSJBECAAqCxaDAkSIQDAK4AYoigEGAQABOAiAGRoiGKAEsAKpQEOD6"
    "MYIgQKkhgJAUggAABVgjSggkgAQICcgECAOC81GQwIkAwBwFofURAKaACgAAsaCAQAXQkVFsDCgMUuyEksUS0GUAEICCxRWJ"
    "loAADAgGOAxSgYU0wIEApIqAQSwAoDwAiUxYI9BGMJEApbBChMGBKBAKBSgALYC2IiJNAFUBAhgrgpCKKFFw7SIgSHiFDQHO"
    "MwmAxISIItEdUIwAAxDBhEETlwKQHIACgbAIAKEAiE5MkYEGgg8iTAayAAbAGACC6QgAxUwSEQLBQBQhCmTzAGf0EA0Qtx6M"
    "YRomEFTAoJCUSgoYcEFJ1CBkFAFCAwhBBIAAAUACCGBgAQ4ELkMEAEZoAAcyuQyIMoJBSAE7AjQCAhgCEAACoQbFAEDOAgaX"
    "hCghECKAIAEhIAK6IYhhBIJMAQCBKASwgoShAjwKYGSFCFDkQMBApiYFgVKGCxAIDAEgIQEQGEwODAgMAGGNZkjUaASISOBA"
    "IgFEAEQGC0AAMwYkcAwyJDQAElCWFABgCiSIwAInAhRpRCaoNggKQJwMlMwIgIDgEgAhEDlABYE8pRIQGkKAAgQgoFoAMgAU"
    "A6lwQECiAYBEAQALaBBwUA0UKgwsAFQIzEQaAbABgIIAF5AICwsAaFwBMM2pJSQIwZAARE0yCAKgCIwFBJBQAAEgdCOAQBGw"
    "TKIagAggQIACBghI4QUdFASACAOwogMEohERDAWiIEgqetoYlmAIEhEIzIIIAACCAEAAIACkANiALEg1QgtgeFAQBQwABABJ"
    "BJAVBgAAgAAQFYQQAQSGQCJBADEAiKlYQAADhoBwCy0IKBhAEYAIAaUjRA1B1RFAiQGCwMKAaXYNgFiIpEAIQBsBCIhyISgp"
    "oTMgFA3rKAKAUBkGGMyDIwQrRYCBIgwDtz1PGIQBIMgcghAAFEAgEJIAsL2GRRnCgpSQBhAId0RXDDsiTQMGASYJAwxpoooo"
    "KQCKAA40olAIAlgRowYpEGiUAAQGGJhAALhhbUBAQAEoQhUENCBAEBE/RcECIIAeUIVDUxkFA0xGQCjQR3FAAFJW4IIEUACW"
    "AEgFASCIxAJAgLAsKMQBxUBKQNAaJNCIOAAhKSMSgZThIIkYkQYgxEqERi4EiDOUWSExAGAJUHmDCMiOQGgSAAioCNIXVEgg"
    "iCQAAgHQAAgKAKAQiggIcDFACAIhSEImABEEAAJsVoASgpTpS3KECFQQgSBIEAUAACpRIsAwcAU6ohQJEwgFQ2QEQCBgwHwC"
    "AAAQxCAMiIAAQAABACBDAemoFoQ1gkMxYANqNkggmwsgURi8QwgTGELIAtEKpJYAAAlAhEaIAQISoHCEEjRKACCE0jMThlGE"
    "DSNFghJgCKQyCbACYjiBgleBgxAYgCUiNQOUAGsBoFZ6ApikQEyBkQgQBAMAAAgrSIACMAEFYggyhCoVk4TgUpIaAAQCJmIC"
    "BACFEGgTNQABF4RAVlocIJESbQIAI4kCgABQAQiQGAATIIgDgBbwFgAGkoogQkPBqFFSEmFAczUBGEQ0KFQAAAkMxBhwMgAZ"
    "nEAAg3AeAAIgQEcABoBINASSZGEBAKaOjADCEAAQCSSYSASIS4ABCMGAIsAMEFQC2kGJzwGAFhUDKKBAgQAYgQABcBAaVBAS"
    "YQVYCJijAnORKQJBlAlCAAjNMgUPAETQUq0jCARoEUDAAQAFGhkAkYUQBAqGI9BAhiACBUgCAQCAFBa4GRAAmQB2BA0AQSJg"
    "50ByKQJXAABoMclCSEwCAhZmASAAQYAEgQQShAgKoJAoBjEAAQQQIAhEFRUQHxAggCShMAAGRIiYCMJSECCQ4YLFqgKKCE5g"
    "SJQyDAwEeBAQEgHgKQJAE4FAGmZgipMNrAYyIAsAABBCAEAMsAUgCeAHMgLDiAiCKgoADLggHAAFChgAoARACVCFBUkiUiMY"
    "wkMIGiUQvICjGQQkLCBAZAiocAMW+wKGwChAyCFBSEBhogaDCSIAJgbICrPCoBeAFYAgAQFRHxQsdIdPRDCOEHAW5UjAARgj"
    "ECi3ESEOKigMQRMRpBAkJOxECByxooABEQICWsYkmVCBiAH4EgKAMZgQJE+QBBChZ2lEAJIgMAPwBAaEQkCBA8RC4wDCUCB2"
    "qCERBAjH5SiQTEWAMxaQoIQCEEBDAgCkQEI0DGIYI5gCuyBOEHhABpgAADhMIAHDSMoAAGDDkCDw1UgEABJBKABoDdCApQiw"
    "IAIyGAkDAIABAAvQCAAgFEFAGKCwGQAgEEQERgAEgBAGggwMgGsASDoQMiKhC14BSRwSABJUpAEORIhABgqSAQIIgAREBMgE"
    "TqZPJgBFAIgBAACAABMwDIQgFBAACgnuEggAQPEAoBAwgAAMH1KBAgugzBFgChIGAAHhSQIUGDGkIgiThBGUHGQAiEbsAR1G"
    "AoogcBAAy6AEECFKKIFJCIVAIMgYTQzRwMAYQAEwAgAseUSYD0mogAeUACLgPNCMYEAgh4QOAEiPCQCDwTQIAGBhVEUJNiWQ"
    "QAA0ZJKgJEQkiWxNgJIfBlD4foopGFgRKggqJAoGU4DwiCwCWICEYINAE2QKQoIxIBgCGOpAoABhxwACEdNYBYKAZxFcxAME"
    "hARuFKBBCzggIgABQDAEhADhAwwQETCEoAAwdAoBYQQGCAyCBACACQQA6ICFAbAMNoiAQMAy8gwCAOCAQggEIJEGQdS0QGAC"
    "AAAyKAMcJApAkARUIhjSIRI1sxIJCEAQouAIIZ6IABggDAgoJAbgAAAgjnggAVEAJGgBIEkAARwCgUAMMkAwKdSZiJyuKQCO"
    "CEgwwMyECMKAABAyXRo0BOSwgFjgAGoBkEAaAsQhFIAuIgiIgBFIUSmFQhICxwgkAkBOYAKKDMEVIEIAegAAgAD0AHBJBCM4"
    "AEbABBJZllBI0hSgVHxgKAkCYIAgRnDQhAACBukgzA4hig8KAABIg5CAAAQAgCEBiRJtgABYBkQI8bACjQKSwEIFhKEidABe"
    "oAg/IliAIBhRFODcANIBJNkCgYAKkxczgkWA2GgAUwUnrCJZgEwEAEJFFCQwcBSUyMCRdqgIAIYBEAkk0MQCSApgBIIKBLAL"
    "0gB3AzAGABaOgMBwKCCCQABIKThREgRAEAiFUFgIKiNRAZFKQERSXhAGEEC7IsYRAwURIAEATIoCCAGCqFBNpCIAKAKEACAi"
    "BBSCQiUMSAQCSAhhMAEYzpoQLEY9KJAAArikxbESgBvIAIAM4BSAxCgQCQSwAQzRIIaJLGDwAAFQIEeCCTgggIFIrAATYBEY"
    "AE2CBc0oINZHIeAAAUpK8BBQgZBWirGASbIJBIAAJBIAUMDIAEEoFMVASgCCQLFKUAQwWMi0ZAQAErSoBKoQABAAAg4A8wwC"
    "isGJQ4AAyAEH0ACREAAQGsFQwFcSACmGgCCCgBgUAEiIXAEFLBAQEqETAoUARBEAwGGgCQwC5KARAIZRLBBkVQADFAEAI7Oh"
    "CAoahBKsMmEHTCk1EGIGBSAABABohRIJGSEUvYMQgGICyg4gTCcRTAmCCJAQUFa6YhIIQKBjOBoFxClBwiK8gBCGgAkj5ATo"
    "gKAAGQCiBQSIAKYBjMEYkQKaqqIEKoxiKSAITKAgQBXpBAByACFITETjAEIgYA5ZFCQkBpCIhjdmQgQIFFDCRAoqGjhAKDUA"
    "AVQAQAQzAAAAkAUJUFQQgceAA8icUBAZkLhCIIIJBAMgW+YIgYQdIIQBMIAxAApBhOUICYIgjBQYZIgIyEQoJkAEYJHTGSQA"
    "CAgQD0AEjBgOAMKEIWhsgIAMyOLiJCg1LQoxAEIAkIAByYgqAzzAgKeACggIhJBUqVCACACCwSQEBAggKDZEEUmUgyTFwGAB"
    "IaG1ZjDQAFJCJJCYIga1ASthBZgAABAFAAgIIQGkkBQEpwYgCRWFEHAI0pgBLlcgy6GgSACFIgIEiAQICQFcAAZNOCEgCDQB"
    "EQlBMgDaEIUBuAkBIgahCFKEQYFhBQCQCyUhmVoEA8AFQWFDAQHkQEQIqcSAABJIoAlIiAVwiFBEAgxgAQMAAQSAhMIsIAIS"
    "ABcBmTGAaAABNIBkokGBMBASAEwAAUgJJARACSBAAgQgGoIwWUABECbgBsEB7DkDYDCAQooGHIAiLgingCRKKEkFKERAYMoo"
    "iJ71BQMDIAAhsYQBJgJQzyARQES9JQCyWikYEBMBUwJBUSUgYIWOLUyEgEISiALMIAEAoEUgiAZoISCngKqAUQkIWhKEAKIA"
    "BJRkqdCqIAgCMIgyxnXREGDIAIIAEgxUJhRAQIUgBUWAtEjOoEnTTBKkDAAIu5AAEQDPAgCDRBAA8aABCIJiOMBAUOAAD0wo"
    "ADARNgIoABJAgK4SAhaAEIokQg4DQApyQRAzgCJAAIKR0onJABNk0AAgBhAgAAEAPACAQAC4STiQRIFQgEVBBwQAiYigiLiD"
    "oACE0qABiGV9iLRLA4BALSXkiqjYMVACCEJSrUCRgAjIgFAAAkAsCYSDBNAWGEyAgBAwsxCbAERECFAIQFEoIWDOAIIAUUKi"
    "ATaJiICsacDiIkJANJhCBgDJiFIEcIxKAUSEAClSnGoDugGACDAQmgAIAA8MyRIAABIG1wEgYkHACBEyAATGQiSNSYBAgBIA"
    "kGJYQHIyDiFwADKCXBhHmFAAFAIASQgAEVDAiGw0AhHBI0CkqC5wAABgjgABAFQURASAAhEEiQsFdEDoyMggAFLIQSxA0M1C"
    "GDAAACgRUgLANwggBGGIJBAcAKkGAhoGEohCBQQAigyQgmxEDDYQyTBCEETNElBNwkAQABAhEAFAA6AaCOAkgAdAJQiwmBSR"
    "QFAAyEGGDYEFxAAQIAgBgALFExs8gAiIxgiAFAYYgiBBswApVUgAJEBAgggII4SJgBKOMBNeFBkYIBoDFhERmgAAgAymCOAQ"
    "AgjSEQCJY2BqQGSyKAAQyiVAgEMAGERChC6qEAKMYM8CakpRDARgAAhyACMCS05oAZAACVABgMJAKVQMAQRACcNGAAgQSECo"
    "AoHCiIgkDJYJBUBnBAUBECAAIQpgERKrIkCCEUgArBwBBIgaDIAYVAIEABAEgUNCcEhgSHoyhHAARABQjgmBkJUkFsBCAaIw"
    "EQQCKMQAtYEBPRWCAAwEKiQQiEBAwg7YiAISDIBgAFEBCgAIBRFCAocjagFySACCigBgAVABNMiTQEAGQMCDwkoGCEByFBEo"
    "DJWIBkxQpQIAAJUQhOVIBoQVTEF2USmM0VkLABMIQYACEgECSQIxSAxFiaAIAAyFAxECMZYAgAAFAJWEgggAAACwLUCEIIQD"
    "eAQOHmYAATYgAgQSiggACAEZAQJBghErBAgxEkQKKAAhQAiADAE85cAEAAoBQCBxcgFYBIYRNlDFICABqDUggAxHAAiAcQYC"
    "QGHiDgkjBCACIuYOBEiqAgSwAQQgSnGC1QEAmA0IUIGCc0pEGDAgQBgEAGCxKdATiiujVExC4FUKKJMUkAIrBECGDiRGBigB"
    "gIEYRGEQiBxgEOgVTACZB8AMdBAkjKAlBAABI5hTKMRgAIHGAEKCAECdAMBZRAshRxCDJYDZIAAgmHgBVIFREmUgRhgAbGGw"
    "IHZgJo2kYSoRERggQxCIaIXBIgIlgjIECAAwIABGAwQC1MfjwCuAAIJogA3gEBKxA4YCigcCAQhAEYATRUJmQCECqBEJBJQW"
    "qkgQFQwpyBNygQArAghoATYYgQCrIICTCBQk4EQBSzaBTRILSJyHQUBAvAkCYAyEAAAgAAQUCCfoFEiAJRwkAlGpRODCAdCB"
    "gGAxh4CRQQIkRKKMEPMikAEAUOB0FEABBIriAgEISAogDFJKgQQAQYEU2iAApJW4FBlMgGj3NDNACgEUWDTuGIRAAQoCNeIC"
    "AIICAwssIAQhBgGnGIQIIAVMBHgBCmABHDFEQZILQAIwQApQBABFwIAQvBAAAIABCIsIOAFIIUaZHgQIEgAVICUFQUsRQIwE"
    "AARAR84UBQAMAAiViYJkjAGgWAAEAwqIcQCJABYEGwLCAkICMCQsoJBGDBhaKBYGjQPgCUUZCWAISCkMCAUjFgkiEQCCLgCC"
    "EQBSJBBAcJEABkAQIVVACUJAYCAgQoFAMAIIsIYCAJEg0A8SZBCgoRgCyghAA04MFgAj2gkyMwgHEECCAjDPRCtoZIEIiAi2"
    "iYBsAcREik41gExFBAQIgEGChUSES1CkAaEBhMkSBDBFAKAsANHRUNBigKUIMWYBRA5pwAAimBLGAKIACE0kjGAIoESOEkDA"
    "Bpc9BRAEmASAEnEMTArCAJZAwAHFYgoI5QWICBoSFAmAUKAIQgAsGACBAgygAgOAMEwgACIxIIScRMwTEkVgE1EPAIgiDEwE"
    "OiDFgQyYoiwSEm8MEACSBAKYIAMgBCAGwhgEELgKw7ACAQOKlAIBEKCMpsIMAITAADhQhAhpEAIgQKQk2lAkAwDCw4hgDFwC"
    "ArFGCQAAAiahBkglI06mRQQQUAgZsjE4AAwQBFQAxEJdALoGe0BpygFQcwAQBERJgIgQA1EOAFAAyrCkMACAQiAEBleAMEAE"
    "EJJBAgRhkAQFBoiADFhEDCCFAQCAAAUgCIJBAEQgIAEEgCRACgQg0AEBwEAYSUCiQJIPCGNqJARANAJAAZAhNEOIQBMKgJAw"
    "A9AAURoEASNHEhEESOBEQxIBpaGKAYMVAaBAAgCEysAlCgiHgAJxONIRuREEBNEBEAFA8SAUINkWkACAAIJAGJAQCGYSITGD"
    "IApQATJAJhIRxhgADI2diADpEIgAEkyeAKAQJgGIQBKASIAIHQRQQAAiZQASoAEiIEIC0QkAlwYAUxQDwjBAkhgEBsA6GshU"
    "wYTABCAZAUEIiCgFJEaSACASDhMBEPAUEDJRFCUBAGmIAhRKFMDAZigEqoMEQkhIgG5QHIQwBKU8IBNBgYgEIJTAFpFhIGQM"
    "ChxBBqEgUjEALQAQqIEAKM7iRGYsCCYEAAAKIYMBhgAKBkjUFYMCD8LAswggC0xoAMBREgoRWLZASIDjLgAEcE4PywoFBQBU"
    "JwAAqnBAQYEMTFIIEFQAYoRFBYABJYhKAAKQGAcMQQ0SzQAENAFirAAECqI0YggaAVJAkMl2BAQxTGR4YOgDmQCYgOIBcBkB"
    "AijJWoIsDBMMDSCDFhNnBBFZDGLCG5OFsAQNKtIWBEIRwAgIWR2DBUGDwUZJgUkAUCASQCECGEFAgBAAoIoAAf4wEZQDOxQP"
    "AMABYhABC4gIIwBg0JBAgRMwaEAKEUFAUGhEJAEIWESw4AkJxSBpAJLFEBDARgAAWAIIQEBoNAgFCADEhCkEVOPaAYGAy8CN"
    "SgQA0kAhAAABNgRk4AGTJEDJqZRilAAVQBlELgAQEGYoAIFgAw4wLIEEUBGJAGEBAByD9gA0AXw/CMAxFADqCgxoUgBziRIS"
    "CkDBxCCCCA0wQiBegmAIBhJoBi4hiIgAMAgAAEBQBGdiMiCIgwhQqoZIAyQTwRAAKgTFADACTasgsKoFoOuSQiEgEAABQEAJ"
    "IxYgCNgnAgI6Fqoh7wMG4rdLIBAJDYFkwSzEK8AiBBpAwUqDWghwoHBIAIAekVGhRayjKEBIgQhYigwKA4MGwYAAgEiQAByA"
    "NRKihBEYZg0oBCQYICnCChrJAIAC8iTAoRAGgAViICHAgCQzZFiFClRUIWAYQIAERDCWeGJCixGEACASMApYYyaoEEEACEQc"
    "AGUCgYuRSqAEORIEXZiGA0BEaSAtRiaHBiIghWYSARoAwANFNCoFQHASVDIAhCAAJYGxCAS8MAol6sCFWEKH5BADIAEEEhWG"
    "kMACKTwUAJijEBCiiAICmIhfVA2gAACwCNAwcQAoAFYmQGKEAAkUCoFNwlRrUFMgCBFECATaQGgaECQEAEAAAWJICqIHgEAQ"
    "hwagYEIgpAFFAboxCzYDJABKagQA+A1UWuiERAARBAQGgiBCUGGEQBBhWSAAgYIABgRKEQIAMEAAB0gYRQKUeJHAShOBCADJ"
    "EQAjAoJQwI2iCwCrCBVxiRQNBgQAAYAaHYJABIaABAgUcJaMRAUBBBLUDhiEYQBAEgTGwgcBA0iFAVMsDgVS5XgEJJRBKSdN"
    "IBaFQBNIFckUCoDiAEQCAhmCUAAYAVECGVgLAUMgEEQATAFUoBAJJ6EEJA1IDkmBIoTFXSoB1wEGoQECkgAdIAkEBEgEEU1o"
    "ZAIIlDoiWASoACUMSAYAUQQigmICoUDwIYKgGFEEoAEAEFwgkQqAAAhxMRABSAgDIQABYqEARgAAgAUAAE0YSUIARBIApGGH"
    "QBAZLgCIBCCzA0EwXNEWABgHDU0i2g0gw0DINkgCUJDQHOiN4nOpICGEGEDg94HYABIAJkDkYigBAALSBHUmEAUU0gMAcFAN"
    "WKgkWQChNAERBAjAF4sAQAoUAAiJICgBGdyCIAAKAKKAAABlR4kBIeBphUsQgQAQAQQhLAMEAIXRgYoaoAKFCRCCgiMjrAEU"
    "GwEQAiCCgqwqQADAQAgGIAgQVgVrkQIAWgCwIA0AENRJAxVkwpIEDBrQRkJzAEEDV1YU6jQiEAJAAAMyA1M2AmEAAiYaygAZ"
    "ZQYIAgKmYAQhBKCYAIJIggCIihHCgiFmICAgMAKhICAKAUqKxCBQI6AFggDI2EEACBAIJBwvGAtGKhSIIFCgzewEEQSpAhJS"
    "UETAKIiw7KDKTB8KARlQCSEH7olLFGEEISzQJUBUCHEAEGpQASQoLDQABCJCAATEJpLIkCCAI0wANMEEkEgRAAABBAAYgDSQ"
    "A0yMgAEQ1pwg9pAaEAQkFKAGpBE+aIR4AEoAlBlYlJYgkIQAoaAAaohAAhQQMEAAB4CUgEYOiiJgCEbgDkjKYAYDAQiIAUEA"
    "ChgEVBBeBAmJxYXhZHqBAA4hAAURECQUCNAEYQYFIIAFRoFSERggAMFKEZHUBmQfAUbuMJYqCABIgICElEkUQYAAAEsJBMgA"
    "aImgRYQtGE4gSC0CCQAghSAQhTFAAICCBAmAo3CFkAoHFYJcBFCBBBZIYBUpmFDASGCBBoUCjCAgChACImRAFBAGQSCRYgRg"
    "wpNUwGlRAQUVAkBRAShKAAJIFQRBJHgjClwhYQAQLDCEiEjAAFIABiQUiEAqdIZH04APA1ZgJACCwGO4IBABcCQBsQAmASgA"
    "IAAAAlYNCxqIAAiakIFGiYSBiUkWJABACQEGEBBAABgFJCNCEAA6gQAgoRUQIEGSCGBTAGwmgAAgTM0YEgAKxhgQiEVIBAMJ"
    "BVEkBkogIKGwBAgGe0hIPCjBQlpwQD6DJKkTghJwAAEEjJwHAHIAhLAAF2oAwLJAAVnsBC8BkCokgQQADkFOAgIg4xwDyEC5"
    "wUQByCfQAAEIICMIgICxDMjQQjVCFAAb9HAKwAACAAClhIDRCAkAAMFn4EkQhJRBVIPwWJDxXPAAgAMFhQBAGSCAAmCCLIJA"
    "USDAESAjiTkJCQiIA0QYBEgYAcdwRpESIzogIQYgkICCgApqYsUQAQ0RAUAAylAtQhAlyMExiDQIgEWGFUQEdAgEAAgAJCER"
    "AELSSAwEkUwCAwB5DKQggBQguQhAEiJAAMYIADKgidAeCoAgChERDAEKkgUhjFATEqjKUpAARxAEBWQmAFgIBEAjBDFAlbgi"
    "ghgrEEBQhCAA4QhB9BAACYBEHFIJIZKEAkuBAIoChBAOCRKSsIAi4AgDkMINYIACmxAAAHBgSEKIlBQEwAChsk2QCFMCOUAG"
    "qAETLCCADMBlkMGiA5AAAJACAFSkioAIQATYlgA6UQDMCggwAMeANRCwAMUBCFBRygJYALUgAqAsQKAmiACQCMRoRAAHGMQB"
    "wkQZHEaoyJAKzDQWAQB4MEgKAihAQgoEgBKIIImBQAgALwMBICEA1CgQAEkEVUXkQAcAEyBZAgEIgCBFMFJIAIhQhwACBokU"
    "oAAXQADAriIRVDAwBCQMIASIZ0FEWAqAIRhkgCCY0MIAYYiAABWFCAFKIrEIiUShFgMGYwKYBAaHMhkAQICEQLhdRIoliCUI"
    "AKqFwQNkEQAAAqBIhktxABBUAFKNZCChgKgoIzPAAQCEHEkAGCAaCBBoIIgNiDKMMABIAehjGARAPECEIjwBAQ4AhMViQkDJ"
    "ULAABQaEAIJAgIpkgVIINANQRYSNDFIMZzECJCBCgQSBMIRAUpFuDUKj2AuRHIBAACABAEkAoAACQAggRAlgGNiMkQY6ChoE"
    "AyAMA1XRGMkaKpg2lEQAAwGhAfDo0hEIUEwpAkiAFJSADAwQbzQIRMQgIQEmBRAEYJAPEkEfEGcusBkIARgAIhmgRAIYBIOx"
    "kAwALkNAQBxbEDhCaCaIGAlYDVVgIxMQCVQMCQMMoYBAC0CgIERgGAEAUAwCAClACAZWBADa6BooAlJx+ikBAQiQAgDQsTC5"
    "bSCABEUFiQFAsYEEmIDigAkEEmBUUG0AxAAGAVgoUAIwDZkCQAgSYCABiGAQEhIMAgx5NdgCIj4gAABwBBAAh4BIiJC4AQSA"
    "QOQUNx0zI4XMAmKwQJIjuDhApUsQv4J1p5QSAQRkU3GIYBQAYjKQgMUCqBAAjlAQQAhiDpR0woCQYKRtEAMjjA2ggmGAugRl"
    "jCoAIBglAwkBAKDahEhV5AhAcgjAEJABSzhVCEsBYDCgAKQAAAIBAqsIEEIBPGQgIgfGIlCIlQAIAAI0CchgCRiYQHGAIMYt"
    "AqMFaAAIgENPIVEg5nwAAClCQFGgoUVgANCQDIjgh5FxPwAABI4AWRBVSIRMTCE4EQAEgAKZgJABCgAFoAKgQBIEQIFRJDaE"
    "VGRM4hO4Q9IA4RGEkIZFEgZwAYQZILOiuQA+BUjAABKcyF4AAcAMCiCBSawAmqJIEAABdQwHAEBGEkAOAAsABoEpIRiEALsA"
    "ghAYiAbIwAQFgAAgkgGHACBAFoYNCipEEgBGAQQIBIjgZLQMJbCBBQAFG3hRRsQICxIgoADslFARIgEEQiVDSAEhAIg2AAIb"
    "TCAQGAQCQHhgxCksiAEEBqMECARQgCgAAUAIBC2GQQgCAE5PJhXAAAGoKVBEoFMACAUCQYDD+kCEAACCBEACkTDACAdACRxo"
    "goaRCIkICBhgSCiSLCSCKCAAkgDoSBAIUIAQoTDtAOgRCQGAaUgSaCLmoEDACUAABEAwACM+mKJCoEDBqCiDVABIUC0REEhO"
    "oFAk2AEBKLQqRPBthFEBCQCBAyAJBAAABIEJCCUgAIAEFBmBkQjAtUgDKIAEEEBVAhIShkwAuMNiAWhAjiA2AIUoSQouwAIk"
    "ihAkShFEEkUQBwEkgCAIgAiBACDdAA8ghIQAoFC5EQBQQMogwIYBXEAAIQwEwkGBkKIVgIBARAUBJ6gCwiAbAJEIIAgVAaYG"
    "oKRAFIASADUMuVFU4aQIiAAgEGEKCoMFAQIGYKQFSAwBMmYwJqJAE8BEgaAJIgMMr4WBGaAoYAgIhADyMBiCvFDI0V0BQAAM"
    "oSALQIT5EgRIwgBApIIgABpSVGACIAAyAcURSEABCBoEQAUFDgBghFHIAZCAnGghzAMEUMQAAnAIIABAAQQIiltQkBoJBDEA"
    "OAxggaEWEJAoADDQSIIRUSFbgGBAAEwIQGQAAAAYYALJKQABkAAgIEkhImRlTRJ0PaKCkIAJgTgAQwDxAVAgAJQRwBVCAKRa"
    "SFDAwSAAH4AMIdFRmgABYAQEAEJhgBvvKCCbAAQBCAmIZIsBi0EADgccQpR30SAkACAMwDgMGAQCkC44BEFBVhp8IoQKCGBm"
    "UAA8yG+LCIgIuoQ0EgApAYqQmwoAmQt7shQCAAoOQoBAQo8FgCI1FjCUgJWE0QIhELdJoAQKAOSImALwSY8SURMILQDkPAAA"
    "SZRQeAEUxFwMCAQAmmqGSBAgVACQACDAiAAECBQAUERUAyDAQBAJJAHEWBRAAEVpQgGITNBIAIQkQIDhHbA0WcDCEoUQkCwK"
    "1CFKBCREENI5CcBgAAAgZByzIKiKDCBCCAYQAAChNAw4QCPEYgADtRQgEAkBUIhDIMAkeADKBIABkAiR2yADihEEpl1CgCAA"
    "EgB4ELIEI8BQbAQoRADQpn5ANRhQIBZxAcwgERsdkEAh5Cgg4YIIAQAomiWADUUFYIYBABDMgAQkAogQ4UIIUtaCsEIYAEQ4"
    "wRkUEQTyxYAg0UCAaQBQgImmIhIABEbwUYjAhMAhCBA8AUAIYJjMOApMoLAMAmAoYCBDIAQSAQRFADCQQpAAAAEDOGhFAcUE"
    "gBQhfIRC0CfWCkTw8AHgMfgKQESoKUSEVBCEC4iQIAI4gAgBoBBMQZAhgjgcnAUQAWCJuAgCqmZIEIoUOADKgHwAXKgNYBAp"
    "VQAOSEIU6ICASAAiVVUGASM0lkC+CEEwFmIAhggJAYBAoDFyQFAA7GAKMAwHArKHASIIKBY1Qh6IBeQLAAIAxiOQwJQIQMAi"
    "MKSGSBwMAKAjAADACTCICoQ2kkECKZBEQMpQCSHAOsKEUxAKCAyAAwkSDAJMhAFgYEmpQGgJiDxhBYgRsCAAKCkWWr0aGAiQ"
    "RnEWAgBApEoBeQIFqiACqSQQAlEoyBAKCBiKWANADJJARBQBLBCBQQBACMiBNIwEABJAAazTbCVIEkAIAQADAFAEGFNBWBBw"
    "RYYAwIWEAGHIEJoAEAq8AgWFIgguJRCgAGCgmB8Q2KZKM4JQUpwoy5VAAmUCABEUQATgQAgE8gxQKUkAxEUyJAcbGkBiAQQD"
    "ijiJchAwDAkACiEjAAQgEECoCQigSAAAQACEApKyIAAMoGwSAAGUTlFFAOQmBgxcgAAEACICAzKAICRCAcylgNQEOBMqIgCE"
    "CoghgCMKoIBWgyYAMwBQERgxAgxAgBCDIUkQSCmgdHByACkAJESAECQgCUpCAAEABkCAAAoa1IkoAQYgFkQYCBWEAj0mQBAE"
    "QRICQIAkEKAAASyAADVBhQLIAAsKAgCSK4ATJACBjSQFSRAwhECEQQQTSKIBKAQBACCSaoQCZoQEVBIAAC4wMpwACguUZAKB"
    "AABICEOIokDelUCChADFBgCaNYAkuaAZtGgRzIDBMbjCoEAAgBAsKKUEIdLaIAMARdFEQAqSGyhAFAQJAWMQFCAAAnAAAeJz"
    "KIBYAKkgBAwrwAlKgFIGWEGQsWkRIUEVYsZK0ANEIAkMvJRjRgBEWYGkD3wAAARKEAAZARAqXpAgKQhMAzDBstUVABQAMJLo"
    "CgAQQIAkAXCGAAAANAAiCASgYrADFeAIpjCEMQIAAgESSECMGYEAAlwAjsgSBNIAQSEbYoyVBaJQhjGu0YQBIJaVI6J0EoA0"
    "FTgQDAMAqIyUkogQGgAIKBCBEAQAPgMjBAWpJTIKAWAYMAdJCIBSKJIARhCUDBCJAiFABKEIAIAFACYIIYIAdAMxgJAAQQAA"
    "IYLlQRBiBMhgQBEECEskCLBDgGAgAGGglDDoRGkIFIAIRVYlI1C5MACAALkXJEKSEOBBApxIIKlXABCAIJAGDIRZAEEASBEI"
    "sJJJBog4ZkjGTBSiIACYFgEDSLCsAiUgUAhlEYMAIEARAVCkANhpAIgoTFAJAZgVgYoQUACAR5ABgAhlsBAC8E2CKABIsKcW"
    "IiAFwQZAJQQEkDgIEsoBoZgFPABg2KkBKBgoMA4EYIdRAMABCwAAAWEFgTkeQsCBIQhJAQgFpAwhwBEXMEhCAAxSJJREJMTI"
    "gAoYpCiQQJQSTBFkUGN6kAAKAYYCJkACJTAEeACFoxCiACQmzGA8OBjElQjLk4MBBp0ZcIAAAEABBJCIIBQAiQjAgUIBUgRA"
    "YFRPQSICCIJBiCoCIQUCOBAQAQAEEAI0RFMIDEVRlZmQADEQ6UwTEMEiwLxVCgI6BYwBAShyHUMA0EIYDQACwKAQJAAWPACG"
    "RIAkOQcKgTEABEXRtEgIoiAAcGMZEsABDFBJTABAiQDDBiBRAkoYiExkSCAyB8JoZdLyMzyoglBBIEIGDgEAAknQgMAeKCIA"
    "4AgKOQABKIBSAAAiACUxCAIQMTFQwBQMCwgADghQAWCAAJIcCQFEgAARjgCEKwSCWAQisZBAEjACAoAQEAzhKDukQQQBbACA"
    "jJJoCgAVAFAEBCohAWpABhRhPQQCAMMC+CEQ4AqEEAEgApCIAKEeEHF8gQTUVWDGBgEWIFAB8ejmAIMBCJECIgVoEEAgIgUY"
    "ZcM4FkAiACQ9HLRodRIQKzQAEBBHgcQIFiBMREUAEJwQEdSECZACiACABlYAgIMg4hBC1PCgEVEKICgGAESC8giCkJDAYkEU"
    "pFAUcEAZFiRCQ0Qg4ZIgkQAKYmhhCEQEIIEKBTwGJwC0GE0AMAkEwAACZAIKEAlQBABIkCgRBwcYEi4ACEBuCAECCAAAg4ss"
    "gACDFoAgFAADJCmg9gAQBEEDEIARaTREAIAhBxSLEMMOAAfGCGMEERQQFiA0gWCCkBABBgSABcRoAIUiFsIAQPoOSyDiEBhJ"
    "ApSAGAAkogoQisAiLCQiIYMCEAMCIWjmMQoMQBOGAAIjCYARAAxihIpDIAAwAKi4AHEBCDJAiowAhBBMEwOB0yhAAyGEAEn4"
    "IFRCEIALLpQAR2BpoKJxoBDIoCAANNBfIWlBmwlKl9IwEBQgoEwjGIoAKYkAhQBQGBQIAoBAu0ElAKSKACYgADNKBkAgAAqA"
    "kAZaCNRPkIggapRAICAEQoohAWAUUYSYkjGQGJBVVMDAIGFITIwAVQjDJAlAIRhBAIJREGgSFCDARiQBBAiSESAAUDAEAqZQ"
    "AJkQQATTIAQRZEwBhYjggAgUiAJcIgDJmgUASgDQIAAAIhkCHQSmAmAsBUQ6gSjwYphAEMKBKmoQKAYhBkUpYiAiVABYCUBQ"
    "OEEygCKBUEHAAYYFwAADShQgQCgKRgRIFIJDHNYGMLgiQAYQIjUB4aMBYiSQIUyABBABmAMETMoACADlngGoqoTKGQhJEJgQ"
    "kSEwnAMSIABVSRQACEEADI4AmEGugqFzAAShgASECRExAxEBJACBgSAciQ1DDoIBZTwAGaDgFEUGhZS8ULAAAFLICBAIYhAI"
    "BkQSQIIBANWDAKAaImRCEXDiUAKBjR7KxhIRyRwIhQAghGgBGxAAgYUIAiGgDQAQgASxAYhLaAQIIBIkAYKQAYQYiVVY0BEU"
    "FAAggBAEqQSECiAcMqSPQBtMCDAZBBMCotTwARYoIYFOwWDABNAhQRoaJAhAMI1CogUPCkoDcpbLDsg3NAMY6igCUgUg04CB"
    "IFGIoiWAAAAQmEgIhBIkBCBhkkgEhMEIQFMAAxSDGggAgyiVAUHBAIUUzCADIIgKGZgIoWh5EB4UZGAjHgRoLAEAkJFMgEC4"
    "AKEVAAgJQICDHCCEKAYgBIgQgQBRGhIAQAYmAeWMgAICABiMoANeANAEDCTawAAQMBKkoQgIgCAAABJkaAhAC2RCAHgDSKE2"
    "npjwSQAoHGDBIRQRCAARSAJBQHSYRiyhXCBgQJSwCABAAdIMYBQKJEgQLTItBgIQEERaEByYwAADzwl4gAMOAoCCACihQwAE"
    "aIIIBQxaDCOEAWToMEIQAFKIgUYlgb4gQhAAYEEwUcgABqhQUEgiAAkkIpQAAghEABBAxBGAEA0CQSAIAgMCOVFAsAhCwqAA"
    "AVBCAIppDGKiFAAgG6JFwwJBI5EgE0C4EYANAAIVLE4EBKAQAICgOiILlhZDwCRAECDEQUARqIIKDEgSAigmGAQbBYAXgQEI"
    "rJxIKqAXFU0BBREgKKICAosAEyjKYIRWCkSskgIgBAQCAgDgQkCSAQihGBwiqSqwApShkBKRQGAiAMMR2FAgzQctATNgMCjI"
    "yYBAwEYITAAAAJpFCcIG9IBqGgSCCBIJARvAAlEAQBQpgaZCRQT8oqmIAUMAKEhYECYJCgAARYhAUBGvQQTRDEgAAAUoCFGE"
    "AAXTgguABgQIoogA4QFEEgAhEZVRBCoFAgElABJMBhKICCOhFHNGBFAIAAKJCCDMhNCfFEAIANDaEgQBKgKAR8PGAAAGhCBI"
    "AMQAgdg5DYQEAUDGqrAAEJAIAGUBCAwyAAJUAVJEhIFEQogSAAFYhhIDIAoBMwARocECDgkqwDACAIFHIAVoYE0oALxAIQJo"
    "BNYBBKBBEAAMgAHAF1QIJgkqkQigBTgQKGAUACwWiBBUAKGUIHAYYxIaAQEmAiAAHBYOkEWEBBOQAFDCYBBAQUEFJmKiCEIJ"
    "aApgAAVE4BlG0IYggCIEKZGBgUFCiGDQcFkQMQOkGgEAEKhmDAkPQKLBGYoRTHYRAAhADAGYMAABEICY4ghFAZHYEQIcjBIm"
    "KCAyAEECCwghGwwAasgIBTBCQWkwACcbwAmuEqAgKYGaEQgDIYBMwlQ9apiQkmAAaAhUJgBzBAWcRAhIEgUCFIEaYVAAPJAm"
    "AKRhgQBJ2ILCQ5MCbCkUATUCSVJCBQgowEUpJzwURCGKTAofLDAzIZVAjmIBEiwSKKCCTyABoAQIcBcQhZJkUIAQkLMIEAIY"
    "BEABEWLC6xIKCgwgACAEkhAjKgSSEBiQgGshAMlMkICEK1M00AUsBFArCQlAgBszFYAEv4EUADAwIDAmAMQkhQRABExbgclg"
    "IRIEGcAKFCAQYAwiAgQQMeIQCBAXIABcSADKBEAGmAgmKABEAQCQtAsA6gYQCSECYEKCFcCAQWEYYAAEDggDKUBHAJJJoAIs"
    "iCAAAEAoBwMBlkDCQWI4IEAKULBCgAEQvAjVAJIBKmaIEnBQgSBAIAogILRJIUxygLrwJoyewAkgRAgJUEqAAIOMUABIYICq"
    "wwYAKJQgGwJlgCAewEAQQW4QDBgCCgATgBBGCADEswSBICgUAAHEaTBdAgBIFsBISHB8EZiIJJBIUIAAo0CUAQAI4gAjAQII"
    "EAGRABIAAAqAMjKKURokcOBiQQQQAgjYggZykLAFAINhHJAgCBEUQJCABRKAMECgiFYLAEBPBLBSoowRIiNhgPyEABWAVQIC"
    "IDoGQQywT84ZgDKCQQhqGMASECkIAgLIIAhYNiN8AQ6UChJO0CwA0gYjIlRuOVhGCAgEGiXhqBYJCuMCaEIMpCFS7IEACKUU"
    "QIAkRQAsTFoBAREBoYBAQCSgARsTEagECAIACYBmAgKIAwXBSAFRACIUjRmgFEBAK0IAAaBAoATAAQDAMoAggBUYABQEUIgG"
    "swAGhMZIAJAClFRAAgBA6kggMYRiigAAAAwUKZCUgIAEgZETAyQUIKGSYcIAQTzZGCEZSICxAUVAGG2CIEN4bIIAAAAxBmEI"
    "ITisNAilAPJyEQgEKBA51LSAYBCAUAgQQwIQgcEghAhhBcAIspEgEJAojAAIdECPMIJCESSIQgyARkFBCAA1RcBwgqECQ1Dn"
    "oAQxxEoEHN00iAaQQMuWRAOIQIWEJwIBoFAAAAArNVAAwOJLCAQWEJAAQgEAAEhYAMCmInAIQxCBMEAoHKDLAhAStRAyBYDB"
    "AJdhAHokBCUIhEgIAPBETBKYEwAigJQQDEQIg8ACQAiFQRAJASgSLiQAIogGCFSyULUcDdQAEHSGSABAEAAHKABKQSEgAAAQ"
    "AyCAQDDCDUDI6K5YxBKABQCABzCAQgggABlIIfKwoA8YMAExgAyo4GBBXANKWQkDAEVACoU80IDAJRgK4WgAJMwGBKGRAwsA"
    "OKDA1ICDAgJEYFGAQ8BkEDABAUCIACYhJQBggikCACQoWRCIEAwUkAYgIEBLCCiAGVEJwIFIAASHGAEBQAJCYSJA1AOmHWAG"
    "MAFAEARYAiKAUsEiIAQAXVKAgEuKEYITAZiAQAEQArJwIpDcBEQghAgRhBCAZCPJHR1RQqNApQCCExYICIAAMEAEAFSAncCA"
    "EAiUaGRIgGYAKWSgGhBFJLSAMEAKSBgyAKYDABALhgAuAGCDABSBJIIAAIAhCAgxuOxKIGDDAAEEAuIAAFKFahEhBgQRCPBS"
    "AEyyZJwQCjUgKGEgwAAAUoAACAIAIQxAJEwvFgxIAKLNiJFQggAIErQBVACJDgcAIBGDAgEAQiGRAguQ1EZBCAGPgAEqSAAC"
    "wQCEFQUpgIFRQThMlIxAGQMSxMaBRmm2gBhlggjBA1mOMvQEhAAB8UAQSAgMUy9AAAxwlwJgEgkeCCRgABKBAAMBI5oAYA4N"
    "iMBUgBCgEIACgGiEsCgRGIAEUeoAgLRMogIJIqmaAAEDEERwAAgACAAA8AgIUQQAQIk4AGCCAgRjMIJCBWrauYQQMCKHEIIi"
    "BhkSaxEwIqTQE5AEhOKKQDAFIxFYIoCBCWoCBECEgMBSOgCRcAgECGMIiUAA0gYS0MEQBFlhBALgKS1EYIAYjPUAQKlhhABB"
    "YgiCSQy0mNwhESwAwAVIEAEIBBAAUEAKUy5wugIAAEUwEAC0GcAjEAEoIogAIAE2SIMAUBiAhEEAiUQIIAMoQBCTAlgOTMhC"
    "ACCOoGxCBBAgAQgiAyAQqZQBggWGSKSgYRDkIlLKIIOAAQIPQsICiiAYIA4AoVFRGHSAYFoCkAgABUFoHFAGgAAAEAoDEDUg"
    "otK0MUDlAgADFDCEAZAUAHhiqxIAkQIQBqAfnECICli0OgAsiVEABGiiAABIJAABADRgoQEAAACDiAAACAIAAQEAQEKAZigw"
    "AliAICECgUAGAgJoICJIZBhRmjIAIBAChAoBERgKiGCSiBgiDQBsIhiAPABABhCDIBAYRQQcDTQAAAqAAMgAIYCHIRAEgDSY"
    "HAgAAUAgtDI5uUJDBABCBzhAIIIToQBgxGhOQQAgMYCgMQkwNAiSiDECAMaBARAlGIBFAlIKKJoYpBArACgB0IQGEIg4AqpA"
    "iUJiAbKyBo00AFQoBshgCCPEMGAMBAHDEQTIAyoCEiYBHinAAiBRCgUaIpAkJFCEhFAJBQCgAAOKIogggCmxEg0iEELBQpEG"
    "QoITYEIBSCyMhIACRSAhBBQAQtwgBQNAUoiQABkW1JEEgIAgASiCshUxDCq4PARBAAAAAHCgMuNLAgRIoQEEMQFJAlgFKBrR"
    "wSgCAMBCrCZAAQIUIpEjQBCEJpMmEQiGFBKw4AFOSEcgNykZAiJyAEgICbGsiwCJAEqUCAyDACuCBhIgrMgYii4AIKQJABhT"
    "VRDAAiUiA5AIFoREZCYJAAHBMrJATEA0AUQQBSChhEJKoCpigjhAjyAgRHDAMQAAAAFJ1FAUCRgEAoPKCIRo6RJLQIGhgEJk"
    "GAAFoYIsAQkiQKAFnBABgCkEQEgIEkQFIgggBgQCAzQAkCIBDjPKkJREKYpcEQEAmEIQ0iSfCEJWIAKwkLFrKAZXgI9lkVFG"
    "gIVgSlIhCBEBCiQDLBaOIeSKMBCylB8keRMYDELO4LTlCKR5KeAgRCKAMRYEEQGhLEQoCFtVQCEMApAQKzACA2BBmhBcwgAQ"
    "GAwRBIIAyIRAhiAgKhggiBIAChJk7AJGEGBFAAAkEERiKCKgkFAQTDFhFBEDJMMolTAWEAgIwwAElCLLKCUAMRmIYkAAFiB9"
    "hDiiAgEMTMIKCgQKJKQGMKMCCWIIIsQxUgACOBQhOFAxEaxKMBCjDE5xHCAMwMgWoNKSCAEEpAIAQQInADABBApkLA4DBBYg"
    "SIRhIA4ABFpQAHBhCABLkoXgHAHIAgUrYEE4AQ0ACCkCiFhkNExDKcEAwDUIKQh5SKcBBkEKgBAAgA8K9URMEjQQBHgEoqlC"
    "ZAohEkEwQ+OjADgIRhAAJFOLgBCJGCHPAEAwAKABjQFIBIAggOEgBEoJB5HBxDRqAEAAIhACACGwVEjCGGAVgoANoIQiFAiA"
    "CIaUACQEIoeKACBggsxgkIBaGkqwGhAaBCA5NhoaCxQKFMxmcnpREJtYBKxBDVpMKiANZihVoWbaQAAIDjUBoBQKnJwIjwIh"
    "DSCyBRAoMCChiABxBEIAI7gNQAQNAnAUI4gCAoAFAghWIEkEMAMSER4BDBQAAKEgAFIgQI0JSCChA0gEARXAJRRCpBDjAgGU"
    "LKUABBoEkBaBKRQVARV6g0omEAAODWICAiKEACYEMIBQAGDqCXgkEACQYAoBIACacBYiEKKBQABAAaIBIABJoQhEnUAMQM0n"
    "AICAcgoECgwEQppCstwlEi8ACA0ALAMSEyJDWAhAFCg4BJNwApAA4gCQAAKAAn8QAbkoBAQKAAFO1IoByAKuYSC3BETGUEDs"
    "2AREBRUihCQkkUQIQhKEqSEIIQoChggSYCSIpOhAAJlGEQiAIgEQASZBAJQ4IJAALIAoACQBCATQwhQgUWhOTpBBEBxlEUEJ"
    "MhZmiIkBBIArFQgeJ0BAg6JQBUATINKQ0YADMECCAdAyIAmqBIhAomzCXMB8a6BUhw0CCRYIQAwdQBQqgJJQAKkBQCGRIhAI"
    "ArABIwwQQBJkRGIEAABgEFAAyqJAiYKGCKEQ6DAAiM3DjEhEFRfAxgDJITAoAMlEJw2HgANFAAIgA0ICkJAHEoIAOAEAIUAA"
    "AYEInVSCYCgQ2IQJQLKBGEIIEAgURAAgmMdJDYAAVMAAGBASIBAANCi4AVDgEgIALAUASYKVzGAgGBQACYQIqKIlMImQPAE8"
    "CEDKRP0XEC5gCGnOAIRgggCACpEZoAAc1SABBBAAQwAAmGAARAhIoT5kAh8DVSFySQCogTlhQ3U3ARToUMBQCAhyXFSjUgAQ"
    "IABQBIO0hUYAAIAIFiBAASEtIEpoQAgMKAGkiYBhJJADCIYdUIgQoYAykgAsKXBASAkUBIAYIlCkEoQCAhgCECBjiSiYAS2k"
    "xkGIAciFGsXhAAzEJAgAgBoQC4yEMNqEUYDQqBAhWLARBLwHBEFQLCkBDAokAAFMAosAKSp7AEJwaAREKCUFCYZxNR0gAOjS"
    "AxACUMMoeAHAAoQKggAIwhAgyEFATIIJmEghTRIAA1AugBAEEFakqviAAwqQQKAHAIUsUhQzViAwJICoLJALAQREMytyEJyA"
    "kREQggSiJNIpAHJTgUAIKEAoAaSBQloKgAFAcAAAC0gBJOIADUGDQPAIAaEGABlgSSbJQqgJSRFAAww4ABACAyibjHIDJAQw"
    "oiIEBJLBRBAAMQ1VMHAIAAIAGlALU0SUEEYhQQAZJAwEAjhhACSqQ4gAR5MTREIAckYUxKMogQBGAViYRkCEVZGACBQIWzDn"
    "cRACmmAFIFrgDABCtxEEAQ=="
)
# END VOCAB
