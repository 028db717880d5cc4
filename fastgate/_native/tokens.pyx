# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Token estimator (compiled kernel).

The specification is the pure-Python twin ``fastgate/_native/tokens_py.py``: the same piece
segmentation (cl100k's pre-tokenizer regex), the same features, the same integer arithmetic, so
both return the same integer for every input. The calibrated costs (``COEF``), the feature names,
the combining-mark ranges and the vocabulary filter are imported from the twin, which owns them.

What is done in C here. The scan reads one byte per code point: an ASCII str's PEP 393 buffer
as it is; any other str (latin-1, UCS-2, UCS-4) is first *narrowed* into a byte buffer where each
ASCII char stays itself and every other char becomes ``0x80 + its class`` (one table lookup per
char: planes 0-1 are classified once at import into a 128 KiB table). The scan needs nothing
else from a non-ASCII char, so one byte-oriented scanner serves every str kind, with its fast
paths: the commonest pieces (an ASCII word after nothing, a space or one punctuation char) take
an inlined path, letter and space runs are scanned 8 bytes at a time (SWAR), vocabulary keys are
hashed from 8-byte loads. The scan runs without the GIL.
"""

from cpython.bool cimport PyBool_Check
from cpython.dict cimport PyDict_CheckExact, PyDict_GetItem, PyDict_Next
from cpython.list cimport PyList_CheckExact, PyList_GET_ITEM, PyList_GET_SIZE
from cpython.long cimport PyLong_AsLongLongAndOverflow, PyLong_Check
from libc.limits cimport LLONG_MAX
from cpython.mem cimport PyMem_RawFree, PyMem_RawMalloc
from cpython.ref cimport PyObject
from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND,
    PyUnicode_2BYTE_KIND,
    PyUnicode_Check,
    PyUnicode_CheckExact,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
)
from libc.stdint cimport int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.string cimport memcmp, memcpy, memset

from fastgate._native import tokens_py as _twin

cdef extern from *:
    """
    #if defined(__GNUC__) || defined(__clang__)
    #define FG_CTZ64(x) __builtin_ctzll(x)
    #else
    static int FG_CTZ64(unsigned long long x) { int n = 0; while (!(x & 1)) { x >>= 1; n++; } return n; }
    #endif
    """
    int FG_CTZ64(uint64_t x) noexcept nogil

cdef extern from *:
    # Compile-time constants (module-level cdef variables would be loaded from memory in the
    # hot loops instead of folded into immediates). Checked against the twin at import.
    """
    #define FG_HASH_SEED 0xCBF29CE484222325ULL
    #define FG_HASH_MUL 0x9E3779B97F4A7C15ULL
    #define FG_MIX_MUL 0xD6E8FEB86659FD93ULL
    #define FG_ONES 0x0101010101010101ULL
    #define FG_HIGH 0x8080808080808080ULL
    #define FG_HIGH_TAIL 0x8080808080808000ULL
    #define FG_ADD_LOWER_LO 0x1F1F1F1F1F1F1F1FULL
    #define FG_ADD_LOWER_HI 0x0505050505050505ULL
    static const uint64_t FG_KEEP[9] = {
        0ULL, 0xFFULL, 0xFFFFULL, 0xFFFFFFULL, 0xFFFFFFFFULL, 0xFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL,
        0xFFFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFFFULL};
    #if (defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) || defined(_M_X64) || defined(_M_IX86) || defined(_M_ARM64)
    #define FG_LITTLE 1
    #else
    #define FG_LITTLE 0
    #endif
    """
    const uint64_t HASH_SEED "FG_HASH_SEED"
    const uint64_t HASH_MUL "FG_HASH_MUL"
    const uint64_t MIX_MUL "FG_MIX_MUL"
    const uint64_t _ONES "FG_ONES"
    const uint64_t _HIGH "FG_HIGH"
    const uint64_t _HIGH_TAIL "FG_HIGH_TAIL"  # the high bits of bytes 1..7
    const uint64_t _ADD_LOWER_LO "FG_ADD_LOWER_LO"  # _run8's constants for [a-z]
    const uint64_t _ADD_LOWER_HI "FG_ADD_LOWER_HI"
    const uint64_t _KEEP "FG_KEEP"[9]  # _KEEP[k]: the low k bytes
    const bint _LITTLE "FG_LITTLE"  # 8-byte loads are little-endian chunks

cdef extern from *:
    # The lowercase letters of 64 bytes as a bit mask (bit k: byte k), SSE2 (the x86-64
    # baseline). Other targets have no window path (FG_SIMD 0): the scan takes the general way.
    """
    #if defined(__SSE2__) && ((defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) || defined(_M_X64))
    #include <emmintrin.h>
    #define FG_SIMD 1
    /* byte b in [0x61, 0x7A]: (b + 0x80 - 0x61) as a signed byte is below -128 + 26 */
    static inline uint64_t fg_lower64(const uint8_t* p) {
        const __m128i add = _mm_set1_epi8((char)(0x80 - 0x61)), lim = _mm_set1_epi8((char)(-128 + 26));
        uint64_t m0 = (uint16_t)_mm_movemask_epi8(_mm_cmpgt_epi8(lim, _mm_add_epi8(_mm_loadu_si128((const __m128i*)p), add)));
        uint64_t m1 = (uint16_t)_mm_movemask_epi8(_mm_cmpgt_epi8(lim, _mm_add_epi8(_mm_loadu_si128((const __m128i*)(p + 16)), add)));
        uint64_t m2 = (uint16_t)_mm_movemask_epi8(_mm_cmpgt_epi8(lim, _mm_add_epi8(_mm_loadu_si128((const __m128i*)(p + 32)), add)));
        uint64_t m3 = (uint16_t)_mm_movemask_epi8(_mm_cmpgt_epi8(lim, _mm_add_epi8(_mm_loadu_si128((const __m128i*)(p + 48)), add)));
        return m0 | (m1 << 16) | (m2 << 32) | (m3 << 48);
    }
    #else
    #define FG_SIMD 0
    static inline uint64_t fg_lower64(const uint8_t* p) { (void)p; return 0; }
    #endif
    """
    const bint FG_SIMD
    uint64_t fg_lower64(const uint8_t* p) noexcept nogil


cdef extern from "Python.h":
    # Read-only lookups in the interpreter's Unicode database (what str.isalpha() etc. use):
    # safe without the GIL.
    bint _isalpha "Py_UNICODE_ISALPHA"(Py_UCS4 ch) noexcept nogil
    bint _isspace "Py_UNICODE_ISSPACE"(Py_UCS4 ch) noexcept nogil
    bint _isnumeric "Py_UNICODE_ISNUMERIC"(Py_UCS4 ch) noexcept nogil
    bint PyUnicode_IS_ASCII(object s)

__all__ = ["FEATURES", "COEF", "SHIFT", "estimate_text", "features", "char_class", "CLASS_NAMES", "chat_prompt",
           "max_output", "TOKENS_PER_MESSAGE", "TOKENS_PER_NAME", "REPLY_PRIMING"]

FEATURES = _twin.FEATURES
COEF = _twin.COEF
SHIFT = _twin.SHIFT
CLASS_NAMES = _twin.CLASS_NAMES
TOKENS_PER_MESSAGE = _twin.TOKENS_PER_MESSAGE
TOKENS_PER_NAME = _twin.TOKENS_PER_NAME
REPLY_PRIMING = _twin.REPLY_PRIMING
cdef int64_t _PER_MESSAGE = _twin.TOKENS_PER_MESSAGE
cdef int64_t _PER_NAME = _twin.TOKENS_PER_NAME
cdef int64_t _PRIMING = _twin.REPLY_PRIMING

# Character classes and feature indexes: compile-time copies of the twin's constants, checked
# against it at import (a mismatch is an ImportError, which the selector and tests report).
cdef enum:
    LOWER = 0
    UPPER = 1
    LATIN = 2
    LAST_LETTER = 16  # OTHER_LETTER: classes 2..16 are scripts (values from the twin's table)
    DIGIT = 17
    NDIGIT = 18
    SPACE = 19
    NEWLINE = 20
    WS = 21
    PUNCT = 22
    CTRL = 23
    MARK = 24
    SYM_LATIN1 = 25
    SYM_CJK = 26
    SYM = 27
    ASTRAL = 28
    OTHER_LETTER = 16
    N_CLASSES = 29

cdef enum:
    MAX_WORD = 20
    F_VOCAB = 0
    F_VOCAB_PFX = 1
    F_WORD = 2
    F_WORD_LONG = 22
    F_WORD_LONG_CHARS = 23
    F_UPPER_EXTRA = 24
    F_PFX_NONE = 25
    F_PFX_SPACE = 26
    F_PFX_WS = 27
    F_PFX_PUNCT = 28
    F_PFX_MARK = 29
    F_PFX_SYM = 30
    F_SCRIPT_CHARS = 31
    F_SCRIPT_SEGS = 46
    F_DIGIT_GROUPS = 61
    F_NDIGIT_CHARS = 62
    F_PUNCT_PIECES = 63
    F_PUNCT_SPACE = 64
    F_PUNCT_ASCII = 65
    F_PUNCT_NL = 66
    F_CTRL = 67
    F_WS_PIECES = 73
    F_WS_EXTRA = 74
    F_NL_PIECES = 75
    F_NL_EXTRA = 76
    F_WS_NONASCII = 77
    NFEAT = 78
    MAX_RANGES = 128

cdef int _SHIFT = _twin.SHIFT
cdef int64_t _COEF[NFEAT]
cdef enum:
    TABLE_SIZE = 0x20000
    STACK_BUF = 4096
# The narrowed byte of every code point of planes 0 and 1 (BMP, emoji): itself below 0x80,
# else 0x80 + its class. And the class of every narrowed byte.
cdef uint8_t _NARROW[TABLE_SIZE]
cdef uint8_t _CLS[256]
cdef uint32_t _MARKS[MAX_RANGES][2]
cdef int _NMARKS = 0
cdef uint32_t _SCRIPTS[MAX_RANGES][3]  # (lo, hi, class), sorted
cdef int _NSCRIPTS = 0
cdef enum:
    VOCAB_BITS = 524288  # 1 << 19, the twin's filter size (checked at import)
    VOCAB_WORDS = VOCAB_BITS // 64
# The filter as native 64-bit words in a static array: its address and size are constants in
# the probe, not two more values the word loops must keep in registers.
cdef uint64_t _VOCAB64[VOCAB_WORDS]
cdef Py_ssize_t _VOCAB_MAX = _twin.VOCAB_MAX


def _check_twin():
    expect = {
        "LOWER": LOWER, "UPPER": UPPER, "LATIN": LATIN, "OTHER_LETTER": OTHER_LETTER,
        "LAST_LETTER": LAST_LETTER, "DIGIT": DIGIT, "NDIGIT": NDIGIT, "SPACE": SPACE,
        "NEWLINE": NEWLINE, "WS": WS, "PUNCT": PUNCT, "CTRL": CTRL, "MARK": MARK,
        "SYM_LATIN1": SYM_LATIN1, "SYM_CJK": SYM_CJK, "SYM": SYM, "ASTRAL": ASTRAL, "N_CLASSES": N_CLASSES,
        "MAX_WORD": MAX_WORD, "F_VOCAB": F_VOCAB, "F_VOCAB_PFX": F_VOCAB_PFX,
        "F_WORD": F_WORD, "F_WORD_LONG": F_WORD_LONG, "F_WORD_LONG_CHARS": F_WORD_LONG_CHARS,
        "F_UPPER_EXTRA": F_UPPER_EXTRA, "F_PFX_NONE": F_PFX_NONE, "F_PFX_SPACE": F_PFX_SPACE,
        "F_PFX_WS": F_PFX_WS, "F_PFX_PUNCT": F_PFX_PUNCT, "F_PFX_MARK": F_PFX_MARK,
        "F_PFX_SYM": F_PFX_SYM, "F_SCRIPT_CHARS": F_SCRIPT_CHARS, "F_SCRIPT_SEGS": F_SCRIPT_SEGS,
        "F_DIGIT_GROUPS": F_DIGIT_GROUPS, "F_NDIGIT_CHARS": F_NDIGIT_CHARS,
        "F_PUNCT_PIECES": F_PUNCT_PIECES, "F_PUNCT_SPACE": F_PUNCT_SPACE,
        "F_PUNCT_ASCII": F_PUNCT_ASCII, "F_PUNCT_NL": F_PUNCT_NL, "F_CTRL": F_CTRL,
        "F_WS_PIECES": F_WS_PIECES, "F_WS_EXTRA": F_WS_EXTRA, "F_NL_PIECES": F_NL_PIECES,
        "F_NL_EXTRA": F_NL_EXTRA, "F_WS_NONASCII": F_WS_NONASCII, "NFEAT": NFEAT,
        "HASH_SEED": HASH_SEED, "HASH_MUL": HASH_MUL, "MIX_MUL": MIX_MUL,
    }
    wrong = [k for k, v in expect.items() if getattr(_twin, k) != v]
    ranges_ok = all(
        0 < len(r) <= MAX_RANGES and list(r) == sorted(r) and all(a[1] < b[0] for a, b in zip(r, r[1:]))
        for r in (_twin._MARK_RANGES, _twin._SCRIPT_RANGES)
    )
    if wrong or len(_twin.COEF) != NFEAT or not ranges_ok:
        raise ImportError(f"fastgate._native.tokens is out of date with tokens_py: {wrong}; rebuild it")
    if len(_twin.VOCAB) * 8 != _twin.VOCAB_BITS or _twin.VOCAB_BITS & (_twin.VOCAB_BITS - 1) or _twin.VOCAB_BITS < 64:
        raise ImportError("tokens_py.VOCAB is not a power-of-two bit set")
    if _twin.VOCAB_BITS != VOCAB_BITS:
        raise ImportError(f"tokens.pyx VOCAB_BITS is {VOCAB_BITS}, tokens_py's {_twin.VOCAB_BITS}: update it and rebuild")
    if _twin.VOCAB_MAX < 15:  # _words' inner loop probes words of up to 15 letters unchecked
        raise ImportError("tokens_py.VOCAB_MAX < 15: _words needs its length check back")


cdef inline bint _is_mark(uint32_t c) noexcept nogil:
    cdef int k
    if c < _MARKS[0][0] or c > _MARKS[_NMARKS - 1][1]:  # the ranges are sorted
        return False
    for k in range(_NMARKS):
        if _MARKS[k][0] <= c <= _MARKS[k][1]:
            return True
    return False


cdef int _script(uint32_t c) noexcept nogil:
    # tokens_py._script: the twin's sorted range table
    cdef int k
    for k in range(_NSCRIPTS):
        if c < _SCRIPTS[k][0]:
            break
        if c <= _SCRIPTS[k][1]:
            return <int>_SCRIPTS[k][2]
    return OTHER_LETTER


cdef int _classify(uint32_t c) noexcept nogil:
    """tokens_py.char_class for c >= 0x80 (ASCII comes from the twin's table)."""
    if _isalpha(c):
        return _script(c)
    return _classify_other(c)


cdef int _classify_other(uint32_t c) noexcept nogil:
    """_classify for a code point that is not a letter."""
    if _isspace(c):
        return WS
    if _isnumeric(c):
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


cdef void _init() except *:
    cdef int k
    cdef uint32_t c
    cdef const uint8_t* at
    cdef bytes vocab
    _check_twin()
    for k in range(NFEAT):
        _COEF[k] = _twin.COEF[k]
    global _NMARKS, _NSCRIPTS
    for lo, hi in _twin._MARK_RANGES:
        _MARKS[_NMARKS][0] = lo
        _MARKS[_NMARKS][1] = hi
        _NMARKS += 1
    for lo, hi, cls in _twin._SCRIPT_RANGES:
        _SCRIPTS[_NSCRIPTS][0] = lo
        _SCRIPTS[_NSCRIPTS][1] = hi
        _SCRIPTS[_NSCRIPTS][2] = cls
        _NSCRIPTS += 1
    vocab = _twin.VOCAB
    at = vocab
    for k in range(VOCAB_WORDS):  # little-endian words, whatever this machine's byte order
        _VOCAB64[k] = 0
        for c in range(8):
            _VOCAB64[k] |= (<uint64_t>at[8 * k + c]) << (8 * c)
    for c in range(0x80):
        _NARROW[c] = <uint8_t>c
        _CLS[c] = _twin._ASCII[c]
    for c in range(0x80, 256):
        _CLS[c] = <uint8_t>(c - 0x80) if c - 0x80 < N_CLASSES else CTRL  # (unused bytes)
    # letters get OTHER_LETTER first, then their script range by range: one pass over the table
    # plus one over each range, instead of a range search per letter (import time)
    for c in range(0x80, <uint32_t>TABLE_SIZE):
        _NARROW[c] = 0x80 + (OTHER_LETTER if _isalpha(c) else <uint8_t>_classify_other(c))
    for k in range(_NSCRIPTS):
        c = _SCRIPTS[k][0]
        while c <= _SCRIPTS[k][1] and c < <uint32_t>TABLE_SIZE:
            if _NARROW[c] == 0x80 + OTHER_LETTER:
                _NARROW[c] = <uint8_t>(0x80 + _SCRIPTS[k][2])
            c += 1


_init()


cdef inline int _cls(const uint8_t* p, Py_ssize_t i) noexcept nogil:
    return _CLS[p[i]]


cdef inline uint64_t _hash_key(const uint8_t* p, Py_ssize_t n, Py_ssize_t start,
                               Py_ssize_t end) noexcept nogil:
    """tokens_py.vocab_hash of the ASCII characters p[start:end]."""
    cdef uint64_t h = HASH_SEED ^ <uint64_t>(end - start)
    cdef uint64_t chunk
    cdef Py_ssize_t o = start, k
    if _LITTLE and end - start <= 8 and start + 8 <= n:  # most keys: one load, one multiply
        memcpy(&chunk, p + start, 8)
        return (h ^ (chunk & _KEEP[end - start])) * HASH_MUL
    if _LITTLE and end - start <= 16 and start + 16 <= n:  # most other keys: two loads
        memcpy(&chunk, p + start, 8)
        h = (h ^ chunk) * HASH_MUL
        memcpy(&chunk, p + start + 8, 8)
        return (h ^ (chunk & _KEEP[end - start - 8])) * HASH_MUL
    while o < end:
        if _LITTLE and o + 8 <= n:
            memcpy(&chunk, p + o, 8)  # straight from the buffer
            if end - o < 8:
                chunk &= (<uint64_t>1 << (8 * (end - o))) - 1
        else:
            chunk = 0
            k = 0
            while k < 8 and o + k < end:
                chunk |= (<uint64_t>p[o + k]) << (8 * k)
                k += 1
        h = (h ^ chunk) * HASH_MUL
        o += 8
    return h


cdef inline bint _in_vocab(uint64_t h) noexcept nogil:
    """tokens_py.in_vocab: three bits of one 64-bit word of the filter."""
    cdef uint64_t mask
    h = (h ^ (h >> 32)) * MIX_MUL
    h ^= h >> 32
    mask = (1ULL << ((h >> 20) & 63)) | (1ULL << ((h >> 26) & 63)) | (1ULL << ((h >> 32) & 63))
    return (_VOCAB64[h & (VOCAB_WORDS - 1)] & mask) == mask


cdef inline Py_ssize_t _run8(const uint8_t* p, Py_ssize_t j, Py_ssize_t n, uint8_t lo,
                             uint8_t hi) noexcept nogil:
    """First index >= j whose byte is not in [lo, hi] (lo >= 1, hi < 0x80), 8 bytes at a time.

    SWAR: for a byte b < 0x80, b + (0x80 - lo) has its high bit set iff b >= lo, and no carry
    crosses into the next byte; the first byte out of range is the lowest set high bit.
    """
    cdef uint64_t x, out
    cdef uint64_t add_lo = (0x80 - lo) * _ONES
    cdef uint64_t add_hi = (0x80 - hi - 1) * _ONES
    if _LITTLE:
        while j + 8 <= n:
            memcpy(&x, p + j, 8)
            out = ~((x + add_lo) & ~(x + add_hi) & ~x) & _HIGH
            if out:
                return j + (FG_CTZ64(out) >> 3)
            j += 8
    while j < n and lo <= p[j] <= hi:
        j += 1
    return j


cdef inline Py_ssize_t _same8(const uint8_t* p, Py_ssize_t j, Py_ssize_t n, uint8_t b) noexcept nogil:
    """First index >= j whose byte is not ``b``, 8 bytes at a time (XOR, then the lowest
    non-zero byte)."""
    cdef uint64_t x
    cdef uint64_t bb = b * _ONES
    if _LITTLE:
        while j + 8 <= n:
            memcpy(&x, p + j, 8)
            x ^= bb
            if x:
                return j + (FG_CTZ64(x) >> 3)
            j += 8
    while j < n and p[j] == b:
        j += 1
    return j


cdef inline uint64_t _not_lower(uint64_t x) noexcept nogil:
    """The high bit of every byte of ``x`` that is not [a-z] (see _run8: the bytes are < 0x9D)."""
    return ~((x + _ADD_LOWER_LO) & ~(x + _ADD_LOWER_HI) & ~x) & _HIGH


cdef inline uint64_t _hash16(const uint8_t* p, Py_ssize_t start, Py_ssize_t keylen) noexcept nogil:
    """_hash_key(p, n, start, start + keylen) for a key of 1..16 bytes with 16 bytes of buffer
    from ``start`` (little-endian only): one or two loads, no loop."""
    cdef uint64_t a, b
    memcpy(&a, p + start, 8)
    if keylen <= 8:
        return ((a & _KEEP[keylen]) ^ HASH_SEED ^ <uint64_t>keylen) * HASH_MUL
    memcpy(&b, p + start + 8, 8)
    return (((a ^ HASH_SEED ^ <uint64_t>keylen) * HASH_MUL) ^ (b & _KEEP[keylen - 8])) * HASH_MUL


cdef inline Py_ssize_t _words(const uint8_t* p, Py_ssize_t n, Py_ssize_t i, int prefix,
                             int64_t* f) noexcept nogil:
    """Fast path for the commonest pieces: an ASCII word ``[A-Za-z][a-z]*`` followed by a
    non-letter, after nothing, a space or an ASCII punctuation char (``prefix`` -1, SPACE,
    PUNCT), and the " word" pieces that directly follow it. Counts exactly what _letters would,
    without its general machinery or a trip through the dispatcher per word.

    The " word" pieces take a tight loop while 16 bytes of buffer are left past the space: a
    word of up to 15 letters (nearly all) is measured with one or two 8-byte loads (SWAR) and
    its key hashed from one or two more, with no loop and no length check (it is shorter than
    MAX_WORD and VOCAB_MAX); its counters stay in registers until the chain ends. Anything else
    (a word after no prefix or punctuation, a longer word, the end of the buffer) takes the
    general way, one word at a time.

    Returns the end of the last piece counted, or -1 when the first piece is not of that shape
    (nothing counted: the caller takes the general path)."""
    cdef Py_ssize_t j = i - 1, e, length, start
    cdef Py_ssize_t done = -1
    cdef uint32_t c = p[i], t
    cdef uint64_t x, m
    cdef int64_t n_space = 0, n_vocab = 0
    if ((c | 0x20) - 0x61) >= 26:  # not [A-Za-z]
        return -1
    while True:
        if prefix == SPACE:
            # " word" pieces from the space at j, while 16 bytes are left after the space
            while _LITTLE and j + 17 <= n and p[j] == 0x20:
                c = p[j + 1]
                if ((c | 0x20) - 0x61) >= 26:
                    break  # not an ASCII letter: the chain ends (below)
                i = j + 1
                memcpy(&x, p + i, 8)
                m = _not_lower(x) & _HIGH_TAIL  # byte 0 is the first letter
                if m:
                    e = i + (FG_CTZ64(m) >> 3)
                else:
                    memcpy(&x, p + i + 8, 8)
                    m = _not_lower(x)
                    if not m:
                        break  # 16 letters or more: the general way, below
                    e = i + 8 + (FG_CTZ64(m) >> 3)
                t = p[e]
                if t != 0x20 and _CLS[t] <= LAST_LETTER:
                    # camelCase, ALLCAPS, or a non-ASCII letter follows: the general path
                    f[F_PFX_SPACE] += n_space
                    f[F_VOCAB] += n_vocab
                    return done
                length = e - i
                n_space += 1
                if _in_vocab(_hash16(p, i - 1, length + 1)):
                    n_vocab += 1
                else:
                    f[F_WORD + length - 1] += 1
                j = done = e
            # " word" next? (a lone space before a letter is that letter's prefix; a space
            # before a non-ASCII letter ends the chain, as that letter's piece is not of this shape)
            if j + 1 >= n or p[j] != 0x20:
                break
            c = p[j + 1]
            if ((c | 0x20) - 0x61) >= 26:
                break
            i = j + 1
        # one word at i, after its prefix (-1, SPACE or PUNCT), the general way
        j = _run8(p, i + 1, n, 0x61, 0x7A)
        if j < n and _cls(p, j) <= LAST_LETTER:
            break  # as above
        length = j - i
        if prefix == PUNCT and length <= _VOCAB_MAX and _in_vocab(_hash_key(p, n, i - 1, j)):
            f[F_VOCAB_PFX] += 1  # "_id", ".get": the prefix and the word are one token
        else:
            if prefix == SPACE:
                n_space += 1
                start = i - 1  # the key is " word"
            else:
                f[F_PFX_PUNCT if prefix == PUNCT else F_PFX_NONE] += 1
                start = i
            if length <= _VOCAB_MAX and _in_vocab(_hash_key(p, n, start, j)):
                n_vocab += 1
            elif length <= MAX_WORD:
                f[F_WORD + length - 1] += 1
            else:
                f[F_WORD_LONG] += 1
                f[F_WORD_LONG_CHARS] += length - MAX_WORD
        prefix = SPACE  # every later word of the chain is a " word"
        done = j
    f[F_PFX_SPACE] += n_space
    f[F_VOCAB] += n_vocab
    return done


cdef Py_ssize_t _letters(const uint8_t* p, Py_ssize_t n, Py_ssize_t i, int prefix,
                         int64_t* f) noexcept nogil:
    cdef Py_ssize_t first = i, j, caps, length
    cdef int k
    cdef int prev = -1
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
    elif prefix != PUNCT:
        f[F_PFX_SYM] += 1
    while i < n:
        k = _cls(p, i)
        if k > LAST_LETTER:
            break
        if k <= UPPER:
            # ASCII sub-word [A-Z]*[a-z]*
            if p[i] >= 0x61:  # most words start lowercase: no capitals run to look for
                caps = 0
                j = _run8(p, i + 1, n, 0x61, 0x7A)
            else:
                j = _run8(p, i + 1, n, 0x41, 0x5A)
                caps = j - i
                j = _run8(p, j, n, 0x61, 0x7A)
            if i == first and prefix == PUNCT:
                if j - i <= _VOCAB_MAX and _in_vocab(_hash_key(p, n, i - 1, j)):
                    f[F_VOCAB_PFX] += 1
                    prev = -1
                    i = j
                    continue
                f[F_PFX_PUNCT] += 1
            if j - i <= _VOCAB_MAX and _in_vocab(_hash_key(p, n, i - 1 if i == first and prefix == SPACE else i, j)):
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
            prev = -1
            i = j
        else:
            if i == first and prefix == PUNCT:
                f[F_PFX_PUNCT] += 1
            # the whole run of this script at once (the twin counts it letter by letter; a
            # maximal run is one segment, and the next letter is of another class)
            j = _same8(p, i + 1, n, p[i])  # the narrowed bytes of one script are all equal
            f[F_SCRIPT_CHARS + k - LATIN] += j - i
            f[F_SCRIPT_SEGS + k - LATIN] += 1
            prev = k
            i = j
    return i


cdef Py_ssize_t _punct(const uint8_t* p, Py_ssize_t n, Py_ssize_t i, bint space, int64_t* f) noexcept nogil:
    cdef int k
    f[F_PUNCT_PIECES] += 1
    if space:
        f[F_PUNCT_SPACE] += 1
    while i < n:
        k = _cls(p, i)
        if k < PUNCT:
            break
        if k == PUNCT:
            f[F_PUNCT_ASCII] += 1
        else:
            f[F_CTRL + k - CTRL] += 1
        i += 1
    if i < n and _cls(p, i) == NEWLINE:
        f[F_PUNCT_NL] += 1
        while i < n and _cls(p, i) == NEWLINE:
            i += 1
    return i


cdef inline void _ws_piece(int64_t* f, Py_ssize_t length, bint nl, int64_t nonascii) noexcept nogil:
    """One white-space piece of ``length`` chars (the run scan already knows its newlines and
    non-ASCII chars, so the piece is not read twice)."""
    f[F_WS_NONASCII] += nonascii
    if nl:
        f[F_NL_PIECES] += 1
        f[F_NL_EXTRA] += length - 1
    else:
        f[F_WS_PIECES] += 1
        f[F_WS_EXTRA] += length - 1


cdef inline Py_ssize_t _general(const uint8_t* p, Py_ssize_t n, Py_ssize_t i, int64_t* f,
                                Py_ssize_t pieces) noexcept nogil:
    """The scan's general way from ``i``, a piece start, for any byte: ``pieces`` pieces (or
    " word" chains), or all of them when it is negative. Returns where it stopped (a piece
    start). (tokens_py.features' main loop.)"""
    cdef Py_ssize_t j, last_nl
    cdef int k, kk, nxt, ki
    cdef int64_t na, na_nl, last_na
    cdef uint32_t c
    while i < n and pieces:
        pieces -= 1
        k = _cls(p, i)
        if k == SPACE and i + 1 < n:
            # the commonest piece starts, " word", " (" and " 42", first: what the general
            # white-space rules below decide for a lone space
            nxt = _cls(p, i + 1)
            if nxt <= LAST_LETTER:
                j = _words(p, n, i + 1, SPACE, f)
                i = j if j >= 0 else _letters(p, n, i + 1, SPACE, f)
                continue
            if nxt >= PUNCT:
                i = _punct(p, n, i + 1, True, f)
                continue
            if nxt <= NDIGIT:  # " 42": the space is a piece of its own
                _ws_piece(f, 1, False, 0)
                i += 1
                continue
        if k <= LAST_LETTER:
            j = _words(p, n, i, -1, f)
            i = j if j >= 0 else _letters(p, n, i, -1, f)
        elif k <= NDIGIT:
            j = i
            while j < n:
                kk = _cls(p, j)
                if kk < DIGIT or kk > NDIGIT:
                    break
                if kk == NDIGIT:
                    f[F_NDIGIT_CHARS] += 1
                j += 1
            f[F_DIGIT_GROUPS] += (j - i + 2) // 3  # \p{N}{1,3}: each group is one token
            i = j
        elif k <= WS:
            j = i
            last_nl = -1
            na = 0  # non-ASCII white space in the run ...
            na_nl = 0  # ... of which up to the last newline
            while j < n:
                c = p[j]
                if c == 0x20:  # indentation: runs of spaces, 8 at a time
                    j = _run8(p, j + 1, n, 0x20, 0x20)
                    continue
                kk = _cls(p, j)
                if kk < SPACE or kk > WS:
                    break
                if kk == NEWLINE:
                    last_nl = j
                    na_nl = na
                elif c >= 0x80:
                    na += 1
                j += 1
            if j == n:  # \s++$
                _ws_piece(f, j - i, last_nl >= 0, na)
                i = j
                continue
            if last_nl >= 0:  # \s*[\r\n]
                _ws_piece(f, last_nl + 1 - i, True, na_nl)
                i = last_nl + 1
                na -= na_nl
            if j - i >= 2:  # \s+(?!\S): all but the last char
                last_na = p[j - 1] >= 0x80
                _ws_piece(f, j - 1 - i, False, na - last_na)
                i = j - 1
                na = last_na
            if i < j:  # one white-space char before a non-space one
                nxt = _cls(p, j)
                ki = _cls(p, i)
                if nxt <= LAST_LETTER:  # "    return": indentation, then " return"
                    i = _words(p, n, j, SPACE, f) if ki == SPACE else -1
                    if i < 0:
                        i = _letters(p, n, j, ki, f)
                elif ki == SPACE and nxt >= PUNCT:
                    i = _punct(p, n, j, True, f)
                else:
                    _ws_piece(f, 1, False, na)
                    i = j
        else:
            if i + 1 < n and _cls(p, i + 1) <= LAST_LETTER:
                j = _words(p, n, i + 1, PUNCT, f) if k == PUNCT else -1
                i = j if j >= 0 else _letters(p, n, i + 1, k, f)
            else:
                i = _punct(p, n, i, False, f)
    return i


cdef inline void _ascii_word(const uint8_t* p, Py_ssize_t n, Py_ssize_t key, Py_ssize_t i, Py_ssize_t e,
                             int64_t* f) noexcept nogil:
    """The counts of one ASCII sub-word p[i:e] ([A-Za-z][a-z]*), probed with key p[key:e]
    (key == i - 1: with its space)."""
    cdef Py_ssize_t length = e - i
    cdef uint64_t a
    if _LITTLE and e - key <= 8 and key + 8 <= n:  # most keys: one load (_hash_key's first case)
        memcpy(&a, p + key, 8)
        if _in_vocab(((a & _KEEP[e - key]) ^ HASH_SEED ^ <uint64_t>(e - key)) * HASH_MUL):
            f[F_VOCAB] += 1
        else:
            f[F_WORD + length - 1] += 1
    elif length <= _VOCAB_MAX and _in_vocab(_hash_key(p, n, key, e)):
        f[F_VOCAB] += 1
    elif length <= MAX_WORD:
        f[F_WORD + length - 1] += 1
    else:
        f[F_WORD_LONG] += 1
        f[F_WORD_LONG_CHARS] += length - MAX_WORD


cdef inline Py_ssize_t _punct_run(const uint8_t* p, Py_ssize_t n, Py_ssize_t e, int64_t* f) noexcept nogil:
    """The rest from ``e`` of an ASCII punctuation piece whose first char is before ``e`` (the
    caller counts it): its other chars, then its trailing newlines (_punct). Returns its end,
    or -1, nothing counted, when a control or non-ASCII char would join it."""
    cdef Py_ssize_t s = e
    cdef int k
    while e < n and _CLS[p[e]] == PUNCT:
        e += 1
    f[F_PUNCT_PIECES] += 1
    if e < n:
        k = _CLS[p[e]]
        if k > PUNCT:
            f[F_PUNCT_PIECES] -= 1
            return -1
        if k == NEWLINE:
            f[F_PUNCT_NL] += 1
            f[F_PUNCT_ASCII] += e - s
            e += 1
            while e < n and _CLS[p[e]] == NEWLINE:
                e += 1
            return e
    f[F_PUNCT_ASCII] += e - s
    return e


cdef enum:
    WIN = 64  # the window: bytes classified at once
    WIN_START = 56  # a piece starting past this offset of the window gets a new window


cdef Py_ssize_t _scan_window(const uint8_t* p, Py_ssize_t n, int64_t* f) noexcept nogil:
    """The scan of the commonest ASCII pieces, with the lowercase letters of a 64-byte window
    as a bit mask.

    The window's mask (bytes [w, w + 64), classified with SSE2 where a piece starts past
    WIN_START in it) gives the end of a word as its lowest clear bit above the first letter
    (count trailing zeros), with no loop and no load of its bytes. The pieces taken here are
    counted exactly as _general counts them: " word", a word after nothing or after one ASCII
    punctuation char, ASCII punctuation runs (with their leading space and their trailing
    newlines), digit runs and a space before a digit. Any other piece (white space, a control
    or non-ASCII char), or one whose end is not in the window or whose next byte would make it
    another shape (an uppercase or non-ASCII letter after a word, a control or non-ASCII char
    after punctuation...) is handed to _general, which takes every piece the general way: the scan
    goes on from a piece start, as the twin's loop does. Returns where the window scan stopped,
    fewer than 64 bytes before the end (_scan's general loop finishes).
    """
    cdef uint64_t lower = 0, x
    cdef Py_ssize_t i = 0, w = -WIN, r, e, s
    cdef uint32_t c, b
    cdef int64_t nw
    while True:
        r = i - w
        if r > WIN_START:
            if i + WIN > n:
                return i
            lower = fg_lower64(p + i)
            w = i
            r = 0
        c = p[i]
        b = p[i + 1]
        if c == 0x20:
            if ((b | 0x20) - 0x61) < 26:
                # " word" pieces, while they follow each other in the window
                nw = 0
                while True:
                    x = ~lower >> (r + 2)
                    if not x:
                        break
                    e = i + 2 + FG_CTZ64(x)
                    c = p[e]
                    if _CLS[c] <= LAST_LETTER:  # camelCase, a non-ASCII letter
                        break
                    nw += 1
                    _ascii_word(p, n, i, i + 1, e, f)
                    i = e
                    r = e - w
                    if c != 0x20 or r > WIN_START:
                        break
                    b = p[i + 1]
                    if ((b | 0x20) - 0x61) >= 26:
                        break
                f[F_PFX_SPACE] += nw
                if nw:
                    continue
            elif _CLS[b] == PUNCT:  # " (", ' "': punctuation with its space
                s = i + 1
                i = _punct_run(p, n, s + 1, f)
                if i >= 0:
                    f[F_PUNCT_SPACE] += 1
                    f[F_PUNCT_ASCII] += 1
                    continue
                i = s - 1
            elif (b - 0x30) < 10:  # " 42": the space is a piece of its own
                f[F_WS_PIECES] += 1
                i += 1
                continue
        elif ((c | 0x20) - 0x61) < 26:  # a word after nothing
            x = ~lower >> (r + 1)
            if x:
                e = i + 1 + FG_CTZ64(x)
                if _CLS[p[e]] > LAST_LETTER:
                    f[F_PFX_NONE] += 1
                    _ascii_word(p, n, i, i, e, f)
                    i = e
                    continue
        elif _CLS[c] == PUNCT:
            if ((b | 0x20) - 0x61) < 26:  # ".get", "_id": punctuation, then a word
                x = ~lower >> (r + 2)
                if x:
                    e = i + 2 + FG_CTZ64(x)
                    if _CLS[p[e]] > LAST_LETTER:
                        if e - i - 1 <= _VOCAB_MAX and _in_vocab(_hash_key(p, n, i, e)):
                            f[F_VOCAB_PFX] += 1
                        else:
                            f[F_PFX_PUNCT] += 1
                            _ascii_word(p, n, i + 1, i + 1, e, f)
                        i = e
                        continue
            elif b < 0x80:  # (a non-ASCII letter after it would be its word's prefix)
                s = i
                i = _punct_run(p, n, s + 1, f)
                if i >= 0:
                    f[F_PUNCT_ASCII] += 1
                    continue
                i = s
        elif c - 0x30 < 10:  # digits
            e = i + 1
            while e < n and <uint32_t>p[e] - 0x30 < 10:
                e += 1
            if e == n or _CLS[p[e]] != NDIGIT:
                f[F_DIGIT_GROUPS] += (e - i + 2) // 3
                i = e
                continue
        i = _general(p, n, i, f, 1)


cdef void _scan(const uint8_t* p, Py_ssize_t n, int64_t* f, bint ascii) noexcept nogil:
    """Feature counts of the narrowed text p[:n] into f (zeroed). The window scan is for ASCII
    text (``ascii``): in other text most pieces would be handed on to _general."""
    cdef Py_ssize_t i = 0
    if FG_SIMD and ascii and n >= WIN:
        i = _scan_window(p, n, f)
    _general(p, n, i, f, -1)


cdef void _narrow(const void* data, unsigned int kind, Py_ssize_t n, uint8_t* out) noexcept nogil:
    """One byte per code point: ASCII as itself, anything else as 0x80 + its class. Unrolled by
    four (a table lookup per char is all the work; the loop overhead was half of it)."""
    cdef Py_ssize_t i = 0
    cdef uint32_t c, c0, c1, c2, c3
    cdef const uint8_t* d1
    cdef const uint16_t* d2
    cdef const uint32_t* d4
    if kind == PyUnicode_1BYTE_KIND:
        d1 = <const uint8_t*>data
        while i + 4 <= n:
            out[i] = _NARROW[d1[i]]
            out[i + 1] = _NARROW[d1[i + 1]]
            out[i + 2] = _NARROW[d1[i + 2]]
            out[i + 3] = _NARROW[d1[i + 3]]
            i += 4
        while i < n:
            out[i] = _NARROW[d1[i]]
            i += 1
    elif kind == PyUnicode_2BYTE_KIND:
        d2 = <const uint16_t*>data
        while i + 4 <= n:
            out[i] = _NARROW[d2[i]]
            out[i + 1] = _NARROW[d2[i + 1]]
            out[i + 2] = _NARROW[d2[i + 2]]
            out[i + 3] = _NARROW[d2[i + 3]]
            i += 4
        while i < n:
            out[i] = _NARROW[d2[i]]
            i += 1
    else:
        d4 = <const uint32_t*>data
        while i + 4 <= n:
            c0 = d4[i]
            c1 = d4[i + 1]
            c2 = d4[i + 2]
            c3 = d4[i + 3]
            if (c0 | c1 | c2 | c3) < <uint32_t>TABLE_SIZE:  # TABLE_SIZE is a power of two
                out[i] = _NARROW[c0]
                out[i + 1] = _NARROW[c1]
                out[i + 2] = _NARROW[c2]
                out[i + 3] = _NARROW[c3]
                i += 4
            else:
                break
        while i < n:
            c = d4[i]
            out[i] = _NARROW[c] if c < <uint32_t>TABLE_SIZE else <uint8_t>(0x80 + _classify(c))
            i += 1


# Texts shorter than this are scanned with the GIL held: releasing it costs about as much as
# scanning a few hundred characters, and nothing else runs on an event loop's thread meanwhile.
cdef enum:
    NOGIL_CHARS = 16384


cdef void _features(object s, int64_t* f) except *:
    cdef Py_ssize_t n
    cdef unsigned int kind
    cdef void* data
    cdef uint8_t local[STACK_BUF]
    cdef uint8_t* buf
    if not PyUnicode_Check(s):  # str and its subclasses
        raise TypeError(f"estimate_text() argument must be str, not {type(s).__name__}")
    n = PyUnicode_GET_LENGTH(s)
    kind = PyUnicode_KIND(s)
    data = PyUnicode_DATA(s)
    memset(f, 0, NFEAT * sizeof(int64_t))
    if PyUnicode_IS_ASCII(s):
        if n < NOGIL_CHARS:  # a role, a message: dropping and retaking the GIL would cost more
            _scan(<const uint8_t*>data, n, f, True)
        else:
            with nogil:
                _scan(<const uint8_t*>data, n, f, True)
        return
    if n <= STACK_BUF:
        buf = &local[0]
    else:
        buf = <uint8_t*>PyMem_RawMalloc(n)
    if buf == NULL:
        raise MemoryError()
    try:
        if n < NOGIL_CHARS:
            _narrow(data, kind, n, buf)
            _scan(buf, n, f, False)
        else:
            with nogil:
                _narrow(data, kind, n, buf)
                _scan(buf, n, f, False)
    finally:
        if buf != &local[0]:
            PyMem_RawFree(buf)


def features(object s) -> list:
    """Feature counts of ``s`` (length ``NFEAT``, named by ``FEATURES``): what the cost is made of."""
    cdef int64_t f[NFEAT]
    _features(s, f)
    return [f[k] for k in range(NFEAT)]


cdef int64_t _estimate(object s) except -1:
    """estimate_text(s) as a C integer."""
    cdef int64_t f[NFEAT]
    cdef int64_t acc = 0
    cdef int k
    _features(s, f)
    if PyUnicode_GET_LENGTH(s) == 0:
        return 0
    for k in range(NFEAT):
        acc += _COEF[k] * f[k]
    if acc <= 0:
        return 1
    acc = (acc + (1 << (_SHIFT - 1))) >> _SHIFT
    return acc if acc > 0 else 1


def estimate_text(object s) -> int:
    """Estimated ``cl100k_base`` token count of ``s`` (0 for "", at least 1 otherwise)."""
    return _estimate(s)


# The estimates of the message roles, computed once: a role costs a dictionary of the features
# (NFEAT counters zeroed, then a dot product) for a handful of characters.
cdef enum:
    N_ROLES = 6
cdef const char* _ROLE_NAMES[N_ROLES]
_ROLE_NAMES[:] = [b"user", b"system", b"assistant", b"tool", b"developer", b"function"]
cdef int64_t _ROLE_EST[N_ROLES]
cdef Py_ssize_t _ROLE_LEN[N_ROLES]
for _k, _role in enumerate(("user", "system", "assistant", "tool", "developer", "function")):
    assert _ROLE_NAMES[_k] == _role.encode()
    _ROLE_LEN[_k] = len(_role)
    _ROLE_EST[_k] = _estimate(_role)


cdef int64_t _estimate_str(object s) except -1:
    """_estimate for a ``str`` (or subclass), the roles from their table."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(s)
    cdef int k
    if n <= 9 and PyUnicode_IS_ASCII(s):
        for k in range(N_ROLES):
            if _ROLE_LEN[k] == n and memcmp(PyUnicode_DATA(s), _ROLE_NAMES[k], n) == 0:
                return _ROLE_EST[k]
    return _estimate(s)


cdef object _TYPE = "type"
cdef object _TEXT = "text"
cdef object _REFUSAL = "refusal"
cdef object _IMAGE_URL = "image_url"
cdef object _MESSAGES = "messages"
cdef object _TOOLS = "tools"
cdef object _FUNCTIONS = "functions"
cdef object _RESPONSE_FORMAT = "response_format"
cdef object _JSON_SCHEMA = "json_schema"


cdef int64_t _content_parts(list parts) except -2:
    """A list content's tokens (tokens_py._message_prompt), or -1 when it is not plain."""
    cdef Py_ssize_t i
    cdef int64_t total = 0
    cdef PyObject* kind
    cdef PyObject* text
    cdef object part
    for i in range(PyList_GET_SIZE(parts)):
        part = <object>PyList_GET_ITEM(parts, i)
        if PyUnicode_Check(part):
            total += _estimate_str(part)
        elif isinstance(part, dict):
            if not PyDict_CheckExact(part):
                return -1
            kind = PyDict_GetItem(part, _TYPE)
            if kind != NULL and <object>kind is not None:
                if not PyUnicode_CheckExact(<object>kind):
                    return -1
                if <object>kind == _IMAGE_URL:
                    return -1
            text = PyDict_GetItem(part, _TEXT)
            if text == NULL:
                text = PyDict_GetItem(part, _REFUSAL)
            if text != NULL and PyUnicode_Check(<object>text):
                total += _estimate_str(<object>text)
    return total


cdef enum:
    # message keys the count treats apart
    K_OTHER = 0
    K_CONTENT = 1
    K_TOOL_CALLS = 2
    K_FUNCTION_CALL = 3
    K_NAME = 4


cdef inline int _message_key(object key) noexcept:
    """Which of the keys above an exact ``str`` key is (compared by length, then bytes: the
    keys of a parsed body are not the interned literals, so == would compare them anyway)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(key)
    cdef const char* d
    if not PyUnicode_IS_ASCII(key):
        return K_OTHER
    d = <const char*>PyUnicode_DATA(key)
    if n == 7:
        return K_CONTENT if memcmp(d, b"content", 7) == 0 else K_OTHER
    if n == 4:
        return K_NAME if memcmp(d, b"name", 4) == 0 else K_OTHER
    if n == 10:
        return K_TOOL_CALLS if memcmp(d, b"tool_calls", 10) == 0 else K_OTHER
    if n == 13:
        return K_FUNCTION_CALL if memcmp(d, b"function_call", 13) == 0 else K_OTHER
    return K_OTHER


cdef int64_t _message_prompt(dict message) except -2:
    """tokens_py._message_prompt."""
    cdef Py_ssize_t pos = 0
    cdef PyObject* k
    cdef PyObject* v
    cdef int64_t total = _PER_MESSAGE, n
    cdef int which
    cdef object key, value
    while PyDict_Next(message, &pos, &k, &v):
        key = <object>k
        value = <object>v
        if not PyUnicode_CheckExact(key):
            return -1
        which = _message_key(key)
        if which == K_CONTENT:
            if PyUnicode_Check(value):
                total += _estimate_str(value)
            elif isinstance(value, list):
                if not PyList_CheckExact(value):
                    return -1
                n = _content_parts(value)
                if n < 0:
                    return -1
                total += n
        elif which == K_TOOL_CALLS:
            if isinstance(value, list):
                return -1
        elif which == K_FUNCTION_CALL:
            if isinstance(value, dict):
                return -1
        elif PyUnicode_Check(value):
            total += _estimate_str(value)
            if which == K_NAME:
                total += _PER_NAME
    return total


def chat_prompt(object body) -> int:
    """The estimated prompt tokens of an OpenAI chat body in its plain shape, else -1; see
    ``tokens_py.chat_prompt``."""
    cdef PyObject* got
    cdef object messages, message, fmt
    cdef Py_ssize_t i
    cdef int64_t total = _PRIMING, n
    if not PyDict_CheckExact(body):
        return -1
    got = PyDict_GetItem(body, _MESSAGES)
    if got == NULL or not PyList_CheckExact(<object>got):
        return -1
    messages = <object>got
    got = PyDict_GetItem(body, _TOOLS)
    if got != NULL and isinstance(<object>got, list):
        return -1
    got = PyDict_GetItem(body, _FUNCTIONS)
    if got != NULL and isinstance(<object>got, list):
        return -1
    got = PyDict_GetItem(body, _RESPONSE_FORMAT)
    if got != NULL and isinstance(<object>got, dict):
        fmt = <object>got
        if not PyDict_CheckExact(fmt):
            return -1
        got = PyDict_GetItem(fmt, _JSON_SCHEMA)
        if got != NULL and isinstance(<object>got, dict):
            return -1
    for i in range(PyList_GET_SIZE(messages)):
        message = <object>PyList_GET_ITEM(messages, i)
        if isinstance(message, dict):
            if not PyDict_CheckExact(message):
                return -1
            n = _message_prompt(<dict>message)
            if n < 0:
                return -1
            total += n
    return total


cdef object _MAX_COMPLETION_TOKENS = "max_completion_tokens"
cdef object _MAX_TOKENS = "max_tokens"
cdef object _MAX_OUTPUT_TOKENS = "max_output_tokens"
cdef object _N = "n"
cdef object _BEST_OF = "best_of"


cdef inline int _int_at_least(PyObject* got, long long floor, long long* out) except -2:
    """1 when ``got`` (a dict value or NULL) is an int, not a bool, and >= ``floor`` (its value in
    ``out`` when it fits 64 bits, else LLONG_MAX), else 0."""
    cdef int overflow
    cdef long long v
    if got == NULL or not PyLong_Check(<object>got) or PyBool_Check(<object>got):
        return 0
    v = PyLong_AsLongLongAndOverflow(<object>got, &overflow)
    if overflow > 0:
        out[0] = LLONG_MAX
        return 1
    if overflow < 0 or v < floor:
        return 0
    out[0] = v
    return 1


def max_output(object body, object default):
    """Most output tokens a request may produce; see ``tokens_py.max_output``."""
    cdef PyObject* limit
    cdef PyObject* copies
    cdef PyObject* got
    cdef long long v = 0, n = 1
    if not PyDict_CheckExact(body):
        return _twin.max_output(body, default)  # (not a dict, or a subclass: its own get())
    limit = PyDict_GetItem(body, _MAX_COMPLETION_TOKENS)
    if not _int_at_least(limit, 0, &v):
        limit = PyDict_GetItem(body, _MAX_TOKENS)
        if not _int_at_least(limit, 0, &v):
            limit = PyDict_GetItem(body, _MAX_OUTPUT_TOKENS)
            if not _int_at_least(limit, 0, &v):
                limit = <PyObject*>default
    copies = NULL
    got = PyDict_GetItem(body, _N)
    if _int_at_least(got, 2, &v):
        copies = got
        n = v
    got = PyDict_GetItem(body, _BEST_OF)
    if n < LLONG_MAX and _int_at_least(got, n + 1, &v):
        copies = got
        n = v
    if n == LLONG_MAX:  # (or beyond 64 bits): the twin compares them
        return _twin.max_output(body, default)
    if copies == NULL:
        return <object>limit * 1
    return <object>limit * <object>copies


def char_class(int c) -> int:
    """Class of code point ``c`` (one of tokens_py's constants), as the scan sees it."""
    if c < 0 or c > 0x10FFFF:
        raise ValueError("not a code point")
    if c < TABLE_SIZE:
        return _CLS[_NARROW[c]]
    return _classify(c)
