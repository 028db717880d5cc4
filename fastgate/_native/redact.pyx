# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""PII scanner kernel (compiled).

The specification is the pure-Python twin ``fastgate/_native/redact_py.py``: the same matchers,
in the same order, reading the same characters in the same order (so that the "read past the
end" flag behind ``scan_partial`` is raised identically). What differs is only the machinery:
the text is walked in place through PEP 393 ``PyUnicode_KIND/DATA/READ`` with no copy, the
skip loop over characters that cannot start an entity is specialised per storage kind (one
table lookup per character for Latin-1 text), the card, IPv4 and IPv6 checks are compiled once
per storage kind and index the buffer directly (fused ``CH``), character classes are one
128-entry table, and card digits live in a C array. Public constants come from the twin so both
faces agree.
"""

from libc.stdlib cimport free, malloc
from libc.string cimport memcmp, memcpy

from cpython.tuple cimport PyTuple_GET_ITEM

from cpython.unicode cimport (
    Py_UNICODE_ISALNUM,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_READ_CHAR,
)

from fastgate._native.redact_py import (  # the twin owns the public constants
    ALL,
    CREDIT_CARD,
    EMAIL,
    IBAN,
    IBAN_LENGTHS,
    IP,
    MASK,
    MAX_LOCAL,
    NAMES,
    PHONE,
    PLACEHOLDER,
    SECRET,
    SSN,
)

__all__ = ["scan", "scan_partial", "apply", "apply_placeholders", "Masker", "clean_json", "NAMES", "ALL", "MASK", "PLACEHOLDER",
           "EMAIL", "PHONE", "CREDIT_CARD", "SSN", "IP", "IBAN", "SECRET", "IBAN_LENGTHS"]

cdef extern from "Python.h":
    ctypedef unsigned char uc1 "Py_UCS1"
    ctypedef unsigned short uc2 "Py_UCS2"
    ctypedef unsigned int uc4 "Py_UCS4"
    object PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
    Py_ssize_t PyUnicode_FindChar(object text, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction) except -2
    bint PyUnicode_IS_ASCII(object o)

cdef enum:
    K_EMAIL = 0
    K_PHONE = 1
    K_CARD = 2
    K_SSN = 3
    K_IP = 4
    K_IBAN = 5
    K_SECRET = 6

cdef enum:
    C_DIGIT = 1
    C_UPPER = 2
    C_LOWER = 4
    C_HEX = 8
    C_LOCAL = 16
    C_LABEL = 32
    C_B64 = 64
    C_PEM = 128
    C_TRIG = 256
    C_WORD = 512

cdef enum:
    L_MAX_LOCAL = 64
    L_MAX_LABEL = 63
    L_MAX_DOMAIN = 255
    L_MAX_SK_BODY = 250
    L_MAX_GITHUB_PAT = 255
    L_MAX_SLACK_BODY = 250
    L_MAX_JWT_SEGMENT = 8192
    L_MAX_PEM_BODY = 1 << 20
    L_MAX_PEM_LABEL = 40
    L_KEYWORD_WINDOW = 32

cdef unsigned short CLS[128]
cdef unsigned char TRIG1[256]  # Latin-1: 1 = a matcher may start here, 2 = only at a word start
cdef unsigned char WORD1[256]  # Latin-1: is_word()
# Latin-1 skip classes: 0 = a word character that starts nothing (letters but the class-2 ones,
# "_", Latin-1 alphanumerics), 1 = a class-1 trigger (TRIG1 == 1: a digit, @ : + ( -), 2 = a class-2
# letter (TRIG1 == 2: starts a matcher at a word start only), 3 = any other non-word character
# (space, punctuation, NUL). Odd classes end the run of a word.
cdef unsigned char K1[256]
cdef unsigned char IBAN_LEN[676]


cdef void _init_tables():
    cdef int c
    for c in range(128):
        CLS[c] = 0
    for c in range(256):
        TRIG1[c] = 0
    for c in range(ord("0"), ord("9") + 1):
        CLS[c] |= C_DIGIT | C_HEX | C_LOCAL | C_LABEL | C_B64 | C_PEM | C_TRIG | C_WORD
    for c in range(ord("A"), ord("Z") + 1):
        CLS[c] |= C_UPPER | C_LOCAL | C_LABEL | C_B64 | C_PEM | C_TRIG | C_WORD
    for c in range(ord("a"), ord("z") + 1):
        CLS[c] |= C_LOWER | C_LOCAL | C_LABEL | C_B64 | C_PEM | C_WORD
    for c in range(ord("a"), ord("f") + 1):
        CLS[c] |= C_HEX
    for c in range(ord("A"), ord("F") + 1):
        CLS[c] |= C_HEX
    for ch in "._%+-":
        CLS[ord(ch)] |= C_LOCAL
    CLS[ord("-")] |= C_LABEL | C_B64
    CLS[ord("_")] |= C_B64 | C_WORD
    for ch in "+/=-:,.\\ \t\r\n":
        CLS[ord(ch)] |= C_PEM
    for ch in "@:+(-sgxe":
        CLS[ord(ch)] |= C_TRIG
    for c in range(128):
        TRIG1[c] = 1 if CLS[c] & C_TRIG else 0
    for c in range(ord("A"), ord("Z") + 1):
        TRIG1[c] = 2
    for ch in "sgxe":
        TRIG1[ord(ch)] = 2
    for c in range(256):
        WORD1[c] = 1 if (c < 128 and CLS[c] & C_WORD) or (c >= 128 and Py_UNICODE_ISALNUM(<Py_UCS4>c)) else 0
        K1[c] = 1 if TRIG1[c] == 1 else (2 if TRIG1[c] == 2 else (0 if WORD1[c] else 3))
    for c in range(676):
        IBAN_LEN[c] = 0
    for cc, length in IBAN_LENGTHS.items():
        IBAN_LEN[(ord(cc[0]) - 65) * 26 + ord(cc[1]) - 65] = length


_init_tables()
assert L_MAX_LOCAL == MAX_LOCAL  # the twin's constant, used as a C constant here

cdef const char* PHONE_WORDS[11]
PHONE_WORDS[:] = [b"phone", b"tel", b"call", b"mobile", b"cell", b"fax", b"sms", b"text", b"dial", b"contact",
                  b"reach"]
cdef const char* SSN_WORDS[2]
SSN_WORDS[:] = [b"ssn", b"social sec"]


ctypedef struct Scan:
    void* data
    int kind
    Py_ssize_t n
    bint eof


# ---------------------------------------------------------------------------- reading

cdef inline Py_UCS4 at(Scan* S, Py_ssize_t j) noexcept:
    """Character j going forward; past the end it is 0 and the read is remembered."""
    if j >= S.n:
        S.eof = True
        return 0
    return PyUnicode_READ(S.kind, S.data, j)


cdef inline Py_UCS4 rd(Scan* S, Py_ssize_t j) noexcept:
    return PyUnicode_READ(S.kind, S.data, j)


cdef inline Py_UCS4 before(Scan* S, Py_ssize_t j) noexcept:
    if j < 0:
        return 0
    return PyUnicode_READ(S.kind, S.data, j)


# The hot per-entity checks (card, IPv4, IPv6 and their number end) are written once over the
# storage unit ``CH`` and compiled per PEP 393 kind: they index the ``const CH*`` buffer directly
# instead of going through the kind switch of PyUnicode_READ on every character. Same reads, in
# the same order, with the same end-of-text flag as at()/rd().
ctypedef fused CH:
    uc1
    uc2
    uc4


cdef inline Py_UCS4 at_k(Scan* S, const CH* t, Py_ssize_t j) noexcept:
    """at() on the buffer ``t`` of the text's kind."""
    if j >= S.n:
        S.eof = True
        return 0
    return t[j]


cdef inline bint cls(Py_UCS4 c, unsigned short bit) noexcept:
    return c < 128 and (CLS[c] & bit) != 0


cdef inline bint is_digit(Py_UCS4 c) noexcept:
    return c >= 48 and c <= 57


cdef inline bint is_upper(Py_UCS4 c) noexcept:
    return c >= 65 and c <= 90


cdef inline bint is_alpha(Py_UCS4 c) noexcept:
    return cls(c, C_UPPER | C_LOWER)


cdef inline bint is_alnum(Py_UCS4 c) noexcept:
    return cls(c, C_DIGIT | C_UPPER | C_LOWER)


cdef inline bint is_word(Py_UCS4 c) noexcept:
    if c < 128:
        return (CLS[c] & C_WORD) != 0
    return Py_UNICODE_ISALNUM(c)


cdef inline bint is_local(Py_UCS4 c) noexcept:
    if c < 128:
        return (CLS[c] & C_LOCAL) != 0
    return Py_UNICODE_ISALNUM(c)


cdef inline bint is_label(Py_UCS4 c) noexcept:
    if c < 128:
        return (CLS[c] & C_LABEL) != 0
    return Py_UNICODE_ISALNUM(c)


cdef inline bint is_sep(Py_UCS4 c) noexcept:
    return c == 45 or c == 46 or c == 32  # - . space


cdef inline Py_UCS4 lower_ascii(Py_UCS4 c) noexcept:
    if c >= 65 and c <= 90:
        return <Py_UCS4>(<unsigned int>c + 32)
    return c


# ---------------------------------------------------------------------------- shared checks

cdef inline bint num_start(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_UCS4 b = before(S, i - 1)
    if is_word(b):
        return False
    return not ((b == 46 or b == 45) and is_word(before(S, i - 2)))


cdef inline bint num_end_k(Scan* S, const CH* t, Py_ssize_t e) noexcept:
    cdef Py_UCS4 c = at_k(S, t, e)
    if is_word(c) or c == 64:
        return False
    return not ((c == 46 or c == 45) and is_digit(at_k(S, t, e + 1)))


cdef bint num_end(Scan* S, Py_ssize_t e) noexcept:
    if S.kind == 1:
        return num_end_k(S, <const uc1*>S.data, e)
    if S.kind == 2:
        return num_end_k(S, <const uc2*>S.data, e)
    return num_end_k(S, <const uc4*>S.data, e)


cdef bint keyword_before(Scan* S, Py_ssize_t i, const char** words, int nwords) noexcept:
    cdef Py_ssize_t lo = i - L_KEYWORD_WINDOW
    cdef Py_ssize_t j, m, wl
    cdef int w
    cdef const char* word
    if lo < 0:
        lo = 0
    for w in range(nwords):
        word = words[w]
        wl = 0
        while word[wl] != 0:
            wl += 1
        j = lo
        while j + wl <= i:
            m = 0
            while m < wl and lower_ascii(rd(S, j + m)) == <Py_UCS4>(<unsigned char>word[m]):
                m += 1
            if m == wl and not is_alpha(before(S, j - 1)):
                return True
            j += 1
    return False


cdef inline bint digits_at(Scan* S, Py_ssize_t j, Py_ssize_t count) noexcept:
    cdef Py_ssize_t m = 0
    while m < count:
        if not is_digit(at(S, j + m)):
            return False
        m += 1
    return True


cdef inline long value(Scan* S, Py_ssize_t j, Py_ssize_t count) noexcept:
    cdef long v = 0
    cdef Py_ssize_t m
    for m in range(count):
        v = v * 10 + <long>rd(S, j + m) - 48
    return v


# ---------------------------------------------------------------------------- e-mail

cdef bint tld(Scan* S, Py_ssize_t j, Py_ssize_t k) noexcept:
    cdef Py_ssize_t m
    if k - j < 2:
        return False
    for m in range(j, k):
        if not is_alpha(rd(S, m)):
            return False
    return True


cdef Py_ssize_t m_email(Scan* S, Py_ssize_t p, Py_ssize_t last_end, Py_ssize_t* out_s) noexcept:
    cdef Py_ssize_t s = p, j, k, end = -1, labels = 0
    cdef bint stop
    cdef Py_UCS4 c, t0
    while s > last_end and p - s < L_MAX_LOCAL and is_local(rd(S, s - 1)):
        s -= 1
    if s > last_end and is_local(rd(S, s - 1)):
        return -1
    j = p - 1
    while j > s:
        if rd(S, j) == 46 and rd(S, j - 1) == 46:
            s = j + 1
            break
        j -= 1
    while s < p:
        t0 = rd(S, s)
        if t0 == 46 or t0 == 43 or t0 == 45:
            s += 1
        else:
            break
    if s == p or rd(S, p - 1) == 46:
        return -1
    j = p + 1
    while True:
        k = j
        while k - j <= L_MAX_LABEL and is_label(at(S, k)):
            k += 1
        if k - j > L_MAX_LABEL:
            break
        stop = False
        while k > j and rd(S, k - 1) == 45:
            k -= 1
            stop = True
        if k == j or rd(S, j) == 45:
            break
        labels += 1
        if labels >= 2 and tld(S, j, k):
            end = k
        if stop or k - p > L_MAX_DOMAIN:
            break
        if at(S, k) == 46 and is_label(at(S, k + 1)):
            j = k + 1
        else:
            break
    if end < 0:
        return -1
    c = at(S, end)
    if c == 64 or is_word(c):
        return -1
    out_s[0] = s
    return end


# ---------------------------------------------------------------------------- IP addresses

cdef Py_ssize_t ipv4_at_k(Scan* S, const CH* t, Py_ssize_t i) noexcept:
    cdef Py_ssize_t j = i, k
    cdef int octet
    cdef long v
    cdef Py_UCS4 c
    for octet in range(4):
        if octet:
            if at_k(S, t, j) != 46:
                return -1
            j += 1
        k = j
        v = 0  # the octet's value, taken while its digits are read (the twin: int() after)
        while k - j < 3:
            c = at_k(S, t, k)
            if not is_digit(c):
                break
            v = v * 10 + <long>c - 48
            k += 1
        if k == j or is_digit(at_k(S, t, k)):
            return -1
        if t[j] == 48 and k - j > 1:
            return -1
        if v > 255:
            return -1
        j = k
    return j


cdef Py_ssize_t m_ipv4_k(Scan* S, const CH* t, Py_ssize_t i) noexcept:
    cdef Py_ssize_t e = ipv4_at_k(S, t, i)
    if e < 0 or not num_end_k(S, t, e):
        return -1
    return e


cdef Py_ssize_t m_ipv4(Scan* S, Py_ssize_t i) noexcept:
    if S.kind == 1:
        return m_ipv4_k(S, <const uc1*>S.data, i)
    if S.kind == 2:
        return m_ipv4_k(S, <const uc2*>S.data, i)
    return m_ipv4_k(S, <const uc4*>S.data, i)


cdef Py_ssize_t m_ipv6_k(Scan* S, const CH* t, Py_ssize_t p, Py_ssize_t last_end, Py_ssize_t* out_s) noexcept:
    cdef Py_ssize_t s = p, j, k, e4, end = -1
    cdef int groups = 0
    cdef bint double = False, big = False
    cdef Py_UCS4 b, c
    while s > last_end and p - s < 4 and cls(t[s - 1], C_HEX):
        s -= 1
    if s > last_end:
        b = t[s - 1]
        if is_word(b) or b == 58 or b == 46:
            return -1
    j = s
    if at_k(S, t, j) == 58:
        if at_k(S, t, j + 1) != 58:
            return -1
        double = True
        j += 2
        end = j
    while True:
        if groups <= 6 and is_digit(at_k(S, t, j)):
            e4 = ipv4_at_k(S, t, j)
            if e4 > 0:
                groups += 2
                big = True
                end = e4
                break
        k = j
        while k - j < 4 and cls(at_k(S, t, k), C_HEX):
            k += 1
        if k == j:
            break
        if cls(at_k(S, t, k), C_HEX):
            return -1
        groups += 1
        if k - j >= 3:
            big = True
        j = k
        end = j
        if groups == 8:
            break
        if at_k(S, t, j) == 58:
            if at_k(S, t, j + 1) == 58:
                if double:
                    break
                double = True
                j += 2
                end = j
                continue
            if cls(at_k(S, t, j + 1), C_HEX):
                j += 1
                continue
        break
    if double:
        if groups > 7 or not big:
            return -1
    elif groups != 8:
        return -1
    c = at_k(S, t, end)
    if is_word(c):
        return -1
    if c == 58 and cls(at_k(S, t, end + 1), C_HEX):
        return -1
    if c == 46 and is_digit(at_k(S, t, end + 1)):
        return -1
    out_s[0] = s
    return end


cdef Py_ssize_t m_ipv6(Scan* S, Py_ssize_t p, Py_ssize_t last_end, Py_ssize_t* out_s) noexcept:
    if S.kind == 1:
        return m_ipv6_k(S, <const uc1*>S.data, p, last_end, out_s)
    if S.kind == 2:
        return m_ipv6_k(S, <const uc2*>S.data, p, last_end, out_s)
    return m_ipv6_k(S, <const uc4*>S.data, p, last_end, out_s)


# ---------------------------------------------------------------------------- numbers

cdef inline bint ssn_valid(long area, long group, long serial) noexcept:
    return area != 0 and area != 666 and area < 900 and group != 0 and serial != 0


cdef Py_ssize_t m_ssn(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_UCS4 sep
    if not digits_at(S, i, 3):
        return -1
    sep = at(S, i + 3)
    if not is_sep(sep):
        return -1
    if not digits_at(S, i + 4, 2) or at(S, i + 6) != sep or not digits_at(S, i + 7, 4):
        return -1
    if not ssn_valid(value(S, i, 3), value(S, i + 4, 2), value(S, i + 7, 4)):
        return -1
    if not num_end(S, i + 11):
        return -1
    return i + 11


cdef Py_ssize_t m_ssn_keyword(Scan* S, Py_ssize_t i) noexcept:
    if not digits_at(S, i, 9) or not num_end(S, i + 9):
        return -1
    if not ssn_valid(value(S, i, 3), value(S, i + 3, 2), value(S, i + 5, 4)):
        return -1
    if not keyword_before(S, i, SSN_WORDS, 2):
        return -1
    return i + 9


cdef int LUHN2[10]  # a doubled Luhn digit: 2 * v, less 9 when over 9
LUHN2[:] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9]


cdef bint luhn(int* d, int length) noexcept:
    cdef int total = 0, m = length - 1
    # From the last digit: the undoubled one, then the doubled one before it, two at a time.
    while m >= 1:
        total += d[m] + LUHN2[d[m - 1]]
        m -= 2
    if m == 0:
        total += d[0]
    return total % 10 == 0


cdef bint iin_ok(int* d, int length) noexcept:
    cdef int p1 = d[0]
    cdef int p2 = p1 * 10 + d[1]
    cdef int p3 = p2 * 10 + d[2]
    cdef int p4 = p3 * 10 + d[3]
    if p1 == 4:
        return length == 13 or length == 16 or length == 19
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:
        return length == 16
    if p2 == 34 or p2 == 37:
        return length == 15
    if 300 <= p3 <= 305 or p2 == 36 or p2 == 38 or p2 == 39:
        return 14 <= length <= 19
    if p2 == 35:
        return 16 <= length <= 19
    if p4 == 1800 or p4 == 2131:
        return length == 15
    if p4 == 6011 or 644 <= p3 <= 649 or p2 == 65:
        return 16 <= length <= 19
    if p2 == 62:
        return 16 <= length <= 19
    if p2 == 50 or 56 <= p2 <= 58 or p2 == 63 or p2 == 67:
        return 13 <= length <= 19
    return False


cdef Py_ssize_t m_card_k(Scan* S, const CH* t, Py_ssize_t i) noexcept:
    # The digits are stored as they are read (the twin collects them after each run): a run may
    # store up to 7 past nd before it is rejected, hence 19 + 7 <= 32 entries.
    cdef int d[32]
    cdef int nd = 0, g, glen, c
    cdef int cand_len[8]
    cdef Py_ssize_t cand_end[8]
    cdef int ncand = 0
    cdef Py_ssize_t j = i, k
    cdef Py_UCS4 sep, ch
    while j - i <= 19:
        ch = at_k(S, t, j)
        if not is_digit(ch):
            break
        d[j - i] = <int>ch - 48
        j += 1
    g = <int>(j - i)
    if g > 19:
        return -1
    nd = g
    if g >= 13:
        cand_len[0] = g
        cand_end[0] = j
        ncand = 1
    elif g == 4:
        sep = at_k(S, t, j)
        if sep != 32 and sep != 45:
            return -1
        while at_k(S, t, j) == sep and is_digit(at_k(S, t, j + 1)):
            k = j + 1
            while k - (j + 1) < 7:
                ch = at_k(S, t, k)
                if not is_digit(ch):
                    break
                d[nd + <int>(k - (j + 1))] = <int>ch - 48
                k += 1
            glen = <int>(k - (j + 1))
            if glen < 3 or glen > 6 or nd + glen > 19:
                break
            nd += glen
            j = k
            if nd >= 13:
                cand_len[ncand] = nd
                cand_end[ncand] = j
                ncand += 1
    else:
        return -1
    for c in range(ncand - 1, -1, -1):
        if iin_ok(d, cand_len[c]) and luhn(d, cand_len[c]) and num_end_k(S, t, cand_end[c]):
            return cand_end[c]
    return -1


cdef Py_ssize_t m_card(Scan* S, Py_ssize_t i) noexcept:
    if S.kind == 1:
        return m_card_k(S, <const uc1*>S.data, i)
    if S.kind == 2:
        return m_card_k(S, <const uc2*>S.data, i)
    return m_card_k(S, <const uc4*>S.data, i)


cdef Py_ssize_t phone_tail(Scan* S, Py_ssize_t e) noexcept:
    cdef Py_ssize_t k = e, m
    cdef Py_UCS4 c
    if at(S, k) == 32:
        k += 1
    c = at(S, k)
    if c == 120 or c == 88:  # x X
        k += 1
    elif lower_ascii(c) == 101 and lower_ascii(at(S, k + 1)) == 120 and lower_ascii(at(S, k + 2)) == 116:
        k += 3
        if at(S, k) == 46:
            k += 1
        if at(S, k) == 32:
            k += 1
    else:
        k = -1
    if k > 0:
        m = k
        while m - k < 7 and is_digit(at(S, m)):
            m += 1
        if 1 <= m - k <= 6 and num_end(S, m):
            return m
    if num_end(S, e):
        return e
    return -1


cdef Py_ssize_t m_phone_plus(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_ssize_t j = i + 1, k = 0, m = 0, end = -1
    cdef int total = 0, groups = 0
    cdef bint nanp = False
    cdef Py_UCS4 c, c2
    c = at(S, j)
    if not (c >= 49 and c <= 57):
        return -1
    while True:
        c = at(S, j)
        if c == 40:  # (
            k = j + 1
            while k - (j + 1) < 5 and is_digit(at(S, k)):
                k += 1
            m = k - (j + 1)
            if m < 1 or m > 4 or at(S, k) != 41 or total + m > 15:
                break
            k += 1
        elif is_digit(c):
            k = j
            while k - j < 16 and is_digit(at(S, k)):
                k += 1
            m = k - j
            if groups == 0:
                if m > 15:
                    return -1
                nanp = m == 1 and c == 49
            if total + m > 15:
                break
        else:
            break
        total += <int>m
        groups += 1
        j = k
        end = k
        if (groups == 1 and m >= 7) or (nanp and total >= 11):
            break
        c = at(S, j)
        if is_sep(c):
            c2 = at(S, j + 1)
            if is_digit(c2) or c2 == 40:
                j += 1
                continue
            break
        if c == 40 or is_digit(c):
            continue
        break
    if end < 0 or total < 8:
        return -1
    return phone_tail(S, end)


cdef Py_ssize_t m_nanp(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_ssize_t j = i
    cdef Py_UCS4 c, sep1 = 0, sep2
    cdef bint paren
    c = at(S, j)
    if c == 48:
        if at(S, j + 1) == 48 and at(S, j + 2) == 49 and is_sep(at(S, j + 3)):
            j += 4
    elif c == 49 and is_sep(at(S, j + 1)):
        j += 2
    paren = at(S, j) == 40
    if paren:
        if not digits_at(S, j + 1, 3) or at(S, j + 4) != 41:
            return -1
        j += 5
        c = at(S, j)
        if (c == 32 or c == 45) and is_digit(at(S, j + 1)):
            j += 1
    else:
        if not digits_at(S, j, 3):
            return -1
        j += 3
        sep1 = at(S, j)
        if not is_sep(sep1):
            return -1
        j += 1
    if not digits_at(S, j, 3):
        return -1
    j += 3
    sep2 = at(S, j)
    if not is_sep(sep2) or (not paren and sep2 != sep1):
        return -1
    j += 1
    if not digits_at(S, j, 4):
        return -1
    return phone_tail(S, j + 4)


cdef Py_ssize_t m_phone_keyword(Scan* S, Py_ssize_t i) noexcept:
    if not digits_at(S, i, 10) or not num_end(S, i + 10):
        return -1
    if rd(S, i) < 50 or rd(S, i + 3) < 50:
        return -1
    if not keyword_before(S, i, PHONE_WORDS, 11):
        return -1
    return i + 10


# ---------------------------------------------------------------------------- IBAN

cdef Py_ssize_t m_iban(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_UCS4 a = rd(S, i), b, c
    cdef Py_ssize_t need, j, k, g, m
    cdef long r = 0
    b = at(S, i + 1)
    if not is_upper(b):
        return -1
    need = <Py_ssize_t>IBAN_LEN[(<int>a - 65) * 26 + (<int>b - 65)] - 4
    if need <= 0:
        return -1
    if not is_digit(at(S, i + 2)) or not is_digit(at(S, i + 3)):
        return -1
    j = i + 4
    if at(S, j) == 32:
        while need > 0:
            if at(S, j) != 32:
                return -1
            j += 1
            g = 4 if need > 4 else need
            m = 0
            while m < g:
                c = at(S, j + m)
                if not (is_upper(c) or is_digit(c)):
                    break
                m += 1
            if m != g:
                return -1
            j += g
            need -= g
    else:
        k = j
        while k - j < need:
            c = at(S, k)
            if not (is_upper(c) or is_digit(c)):
                break
            k += 1
        if k - j != need:
            return -1
        j = k
    if is_word(at(S, j)):
        return -1
    for m in range(i + 4, j):
        c = rd(S, m)
        if c == 32:
            continue
        if is_digit(c):
            r = (r * 10 + <long>c - 48) % 97
        else:
            r = (r * 100 + <long>c - 55) % 97
    for m in range(i, i + 4):
        c = rd(S, m)
        if is_digit(c):
            r = (r * 10 + <long>c - 48) % 97
        else:
            r = (r * 100 + <long>c - 55) % 97
    return j if r == 1 else -1


# ---------------------------------------------------------------------------- secrets

cdef Py_ssize_t m_sk(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_ssize_t j, k
    cdef int digits = 0, letters = 0, run = 0, best = 0
    cdef Py_UCS4 c
    if at(S, i + 1) != 107 or at(S, i + 2) != 45:  # k -
        return -1
    j = i + 3
    k = j
    while True:
        c = at(S, k)
        if is_alnum(c):
            run += 1
            if run > best:
                best = run
            if is_digit(c):
                digits += 1
            else:
                letters += 1
        elif c == 45 or c == 95:
            run = 0
        else:
            break
        k += 1
        if k - j > L_MAX_SK_BODY:
            return -1
    if k - j < 20 or digits == 0 or letters == 0 or best < 16 or is_word(at(S, k)):
        return -1
    return k


cdef Py_ssize_t m_aws(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_UCS4 c1 = at(S, i + 1)
    cdef Py_UCS4 c2 = at(S, i + 2)
    cdef Py_UCS4 c3 = at(S, i + 3)
    cdef Py_UCS4 c
    cdef Py_ssize_t k
    # AKIA, ASIA, ABIA, ACCA
    if c3 != 65 or not ((c1 == 75 or c1 == 83 or c1 == 66) and c2 == 73 or c1 == 67 and c2 == 67):
        return -1
    k = i + 4
    while k - (i + 4) < 16:
        c = at(S, k)
        if not (is_upper(c) or is_digit(c)):
            break
        k += 1
    if k - (i + 4) != 16 or is_word(at(S, k)):
        return -1
    return k


cdef Py_ssize_t m_google(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_ssize_t k
    cdef Py_UCS4 c
    if at(S, i + 1) != 73 or at(S, i + 2) != 122 or at(S, i + 3) != 97:  # I z a
        return -1
    k = i + 4
    while k - (i + 4) < 35 and cls(at(S, k), C_B64):
        k += 1
    if k - (i + 4) != 35:
        return -1
    c = at(S, k)
    if cls(c, C_B64) or is_word(c):
        return -1
    return k


cdef Py_ssize_t m_github(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_ssize_t j, k
    cdef int m
    cdef Py_UCS4 c
    cdef Py_UCS4 c1 = at(S, i + 1)
    cdef const char* rest = b"thub_pat_"
    if c1 == 104:  # h
        c = at(S, i + 2)
        if not (c == 112 or c == 111 or c == 117 or c == 115 or c == 114) or at(S, i + 3) != 95:  # p o u s r _
            return -1
        k = i + 4
        while k - (i + 4) < 36 and is_alnum(at(S, k)):
            k += 1
        if k - (i + 4) != 36 or is_word(at(S, k)):
            return -1
        return k
    if c1 != 105:  # i
        return -1
    for m in range(9):
        if at(S, i + 2 + m) != <Py_UCS4>(<unsigned char>rest[m]):
            return -1
    j = i + 11
    k = j
    while True:
        c = at(S, k)
        if not (is_word(c) and c < 128):
            break
        k += 1
        if k - j > L_MAX_GITHUB_PAT:
            return -1
    if k - j < 22 or is_word(at(S, k)):
        return -1
    return k


cdef Py_ssize_t m_slack(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_ssize_t j, k
    cdef int digits = 0
    cdef Py_UCS4 c
    if at(S, i + 1) != 111 or at(S, i + 2) != 120:  # o x
        return -1
    c = at(S, i + 3)
    if not (c == 98 or c == 97 or c == 112 or c == 114 or c == 115) or at(S, i + 4) != 45:  # b a p r s -
        return -1
    j = i + 5
    k = j
    while True:
        c = at(S, k)
        if not (is_alnum(c) or c == 45):
            break
        if is_digit(c):
            digits += 1
        k += 1
        if k - j > L_MAX_SLACK_BODY:
            return -1
    if k - j < 10 or digits == 0 or is_word(at(S, k)):
        return -1
    return k


cdef inline Py_ssize_t b64_run(Scan* S, Py_ssize_t j) noexcept:
    cdef Py_ssize_t k = j
    while cls(at(S, k), C_B64):
        k += 1
        if k - j > L_MAX_JWT_SEGMENT:
            return -1
    return k


cdef Py_ssize_t m_jwt(Scan* S, Py_ssize_t i) noexcept:
    cdef Py_ssize_t j, k
    if at(S, i + 1) != 121 or at(S, i + 2) != 74:  # y J
        return -1
    k = b64_run(S, i)
    if k < 0 or k - i < 10 or at(S, k) != 46:
        return -1
    j = k + 1
    if at(S, j) != 101 or at(S, j + 1) != 121 or at(S, j + 2) != 74:
        return -1
    k = b64_run(S, j)
    if k < 0 or k - j < 10 or at(S, k) != 46:
        return -1
    k = b64_run(S, k + 1)
    if k < 0 or is_word(at(S, k)):
        return -1
    return k


cdef inline bint pem_label_char(Py_UCS4 c) noexcept:
    return is_upper(c) or is_digit(c) or c == 32


cdef Py_ssize_t pem_end(Scan* S, Py_ssize_t k) noexcept:
    cdef const char* want = b"-----END "
    cdef int m
    cdef Py_ssize_t j, e
    for m in range(9):
        if at(S, k + m) != <Py_UCS4>(<unsigned char>want[m]):
            return -1
    j = k + 9
    e = j
    while e - j <= L_MAX_PEM_LABEL and pem_label_char(at(S, e)):
        e += 1
    if e == j or e - j > L_MAX_PEM_LABEL:
        return -1
    for m in range(5):
        if at(S, e + m) != 45:
            return -1
    return e + 5


cdef Py_ssize_t m_pem(Scan* S, Py_ssize_t i) noexcept:
    cdef const char* want = b"-----BEGIN "
    cdef const char* pk = b"PRIVATE KEY"
    cdef int m
    cdef Py_ssize_t j, k, q, body, last, e
    cdef bint found = False
    cdef Py_UCS4 c
    for m in range(11):
        if at(S, i + m) != <Py_UCS4>(<unsigned char>want[m]):
            return -1
    j = i + 11
    k = j
    while k - j <= L_MAX_PEM_LABEL and pem_label_char(at(S, k)):
        k += 1
    if k == j or k - j > L_MAX_PEM_LABEL:
        return -1
    q = j
    while q + 11 <= k and not found:
        m = 0
        while m < 11 and rd(S, q + m) == <Py_UCS4>(<unsigned char>pk[m]):
            m += 1
        found = m == 11
        q += 1
    if not found:
        return -1
    for m in range(5):
        if at(S, k + m) != 45:
            return -1
    k += 5
    body = k
    last = k
    while k - body <= L_MAX_PEM_BODY:
        c = at(S, k)
        if c == 45:
            e = pem_end(S, k)
            if e > 0:
                return e
        if not cls(c, C_PEM):
            break
        k += 1
        if not (c == 32 or c == 9 or c == 13 or c == 10):
            last = k
    return last


cdef Py_ssize_t m_secret(Scan* S, Py_ssize_t i, Py_UCS4 c) noexcept:
    cdef Py_ssize_t e
    if c == 115:  # s
        return m_sk(S, i)
    if c == 65:  # A
        e = m_aws(S, i)
        if e >= 0:
            return e
        return m_google(S, i)
    if c == 103:  # g
        return m_github(S, i)
    if c == 120:  # x
        return m_slack(S, i)
    if c == 101:  # e
        return m_jwt(S, i)
    return -1


# ---------------------------------------------------------------------------- the pass

cdef Py_ssize_t _surrogate_at(Scan* S) noexcept:
    cdef Py_ssize_t i
    cdef Py_UCS4 c
    cdef const uc2* p2
    if S.kind == 1:
        return -1
    if S.kind == 2:
        p2 = <const uc2*>S.data
        for i in range(S.n):
            if p2[i] >= 0xD800 and p2[i] <= 0xDFFF:
                return i
        return -1
    for i in range(S.n):
        c = rd(S, i)
        if c >= 0xD800 and c <= 0xDFFF:
            return i
    return -1


cdef inline bint _may_start(Py_UCS4 c, Py_UCS4 prev, Py_UCS4 nxt, bint have3) noexcept:
    """Can a matcher start at a character with table class 2 (a letter)?

    Only an exact shortcut of what the matchers themselves would do: a letter inside a word
    starts nothing; ``s g x e`` need ``k``, ``h``/``i``, ``o``, ``y`` next (sk-, gh*_/github_pat_, xox, eyJ); other capitals need a
    capital next (IBAN country code; AKIA/ASIA/ABIA/ACCA/AIza). ``nxt`` is 0 past the end, and
    then the letter is always kept, because its matcher must run to raise the end-of-text flag
    (likewise ``A`` unless three characters follow: the AWS matcher reads them all).
    """
    if is_word(prev):
        return False
    if nxt == 0 or c == 65 and not have3:
        return True
    if c == 115:
        return nxt == 107
    if c == 103:
        return nxt == 104 or nxt == 105
    if c == 120:
        return nxt == 111
    if c == 101:
        return nxt == 121
    return is_upper(nxt)


cdef inline Py_ssize_t _skip(Scan* S, Py_ssize_t i) noexcept:
    """First index >= i where a matcher may start, or n (see _may_start for letters)."""
    cdef Py_ssize_t n = S.n
    cdef const uc1* p1
    cdef unsigned char k
    cdef Py_UCS4 c
    cdef bint ws
    if S.kind == 1:
        if i >= n:
            return n
        p1 = <const uc1*>S.data
        # Inside a word nothing can start a matcher: the rest of the word costs one table load per
        # character. The run stops at the character after the text at the latest: the NUL that
        # ends every str (or the closing quote of a JSON string), class 3.
        ws = i == 0 or not WORD1[p1[i - 1]]  # p1[i] begins a word
        while True:
            if not ws:
                # Inside a word nothing starts (a digit after a word character is no number start:
                # num_start), so the run goes on to the next non-word character.
                while WORD1[p1[i]]:
                    i += 1
                if K1[p1[i]] == 1:
                    return i
                if i >= n:
                    return n
                i += 1
            ws = False
            # At a word start: non-word characters, then the first one of the next word.
            while True:
                k = K1[p1[i]]
                if k == 0:
                    i += 1
                    break
                if k == 1:
                    return i
                if k == 2:
                    if _may_start(p1[i], p1[i - 1] if i > 0 else 0, p1[i + 1] if i + 1 < n else 0, i + 3 < n):
                        return i
                    i += 1
                    break
                if i >= n:
                    return n
                i += 1
    while i < n:
        c = rd(S, i)
        if c < 128 and TRIG1[c]:
            if TRIG1[c] == 1:
                return i
            if _may_start(c, rd(S, i - 1) if i > 0 else 0, rd(S, i + 1) if i + 1 < n else 0, i + 3 < n):
                return i
        i += 1
    return n


ctypedef struct SpanBuf:
    Py_ssize_t* v  # three per span: start, end, entity id
    Py_ssize_t n  # spans held
    Py_ssize_t cap  # spans v can hold
    Py_ssize_t local[3 * 16]


cdef inline void _buf_init(SpanBuf* b) noexcept:
    b.v = b.local
    b.n = 0
    b.cap = 16


cdef inline void _buf_free(SpanBuf* b) noexcept:
    if b.v != b.local:
        free(b.v)
    b.v = b.local


cdef int _buf_push(SpanBuf* b, Py_ssize_t s, Py_ssize_t e, Py_ssize_t k) except -1:
    cdef Py_ssize_t* bigger
    if b.n == b.cap:
        bigger = <Py_ssize_t*>malloc(6 * b.cap * sizeof(Py_ssize_t))
        if bigger == NULL:
            raise MemoryError()
        memcpy(bigger, b.v, 3 * b.n * sizeof(Py_ssize_t))
        _buf_free(b)
        b.v = bigger
        b.cap *= 2
    b.v[3 * b.n] = s
    b.v[3 * b.n + 1] = e
    b.v[3 * b.n + 2] = k
    b.n += 1
    return 0


cdef tuple _scan(str text, object entities, Py_ssize_t start, Py_ssize_t last_end, bint partial,
                 Py_ssize_t hold_run):
    cdef Scan S
    cdef Py_ssize_t sur
    if text is None:
        raise TypeError("text must be str, not NoneType")
    S.data = PyUnicode_DATA(text)
    S.kind = PyUnicode_KIND(text)
    S.n = PyUnicode_GET_LENGTH(text)
    S.eof = False
    sur = _surrogate_at(&S)
    if sur >= 0:
        raise ValueError(f"lone surrogate at offset {sur}")
    if start < 0 or start > S.n or last_end < 0 or last_end > start:
        raise ValueError("need 0 <= last_end <= start <= len(text)")
    cdef list spans = []
    cdef Py_ssize_t stable = _scan_in(&S, <unsigned int>(entities & ALL), start, last_end, partial, hold_run,
                                      spans, NULL)
    return spans, stable


cdef Py_ssize_t _scan_in(Scan* SP, unsigned int ent, Py_ssize_t start, Py_ssize_t last_end, bint partial,
                         Py_ssize_t hold_run, list spans, SpanBuf* buf) except -2:
    """The pass over a checked text: appends the spans to ``buf`` (when not NULL) or as tuples to
    ``spans`` and returns ``stable`` (n unless partial; ``partial`` needs ``spans``). With neither,
    it returns -1 at the first span instead (n when there is none).

    ``SP.data[SP.n]`` must be a character of class 3 (the NUL that ends every str, the closing
    quote of a JSON string): see _skip."""
    cdef Scan S = SP[0]
    cdef Py_ssize_t n = S.n, i, j, g, e, s, hold, stable, first_last_end, r, final_end, keep
    cdef int kind
    cdef Py_UCS4 c, b, after
    stable = n
    first_last_end = last_end
    i = start
    while i < n:
        i = _skip(&S, i)
        if i >= n:
            break
        c = rd(&S, i)
        S.eof = False
        hold = i
        e = -1
        s = i
        kind = -1
        if c == 64:  # @
            if ent & (1 << K_EMAIL):
                hold = i - L_MAX_LOCAL
                if hold < last_end:
                    hold = last_end
                if hold < start:
                    hold = start
                e = m_email(&S, i, last_end, &s)
                kind = K_EMAIL
        elif c == 58:  # :
            if ent & (1 << K_IP):
                hold = i - 4
                if hold < last_end:
                    hold = last_end
                if hold < start:
                    hold = start
                e = m_ipv6(&S, i, last_end, &s)
                kind = K_IP
        elif is_digit(c):
            if num_start(&S, i):
                j = i
                while j - i < 20 and is_digit(at(&S, j)):
                    j += 1
                g = j - i
                after = at(&S, j)
                if ent & (1 << K_IP) and g <= 3 and after == 46:
                    e = m_ipv4(&S, i)
                    kind = K_IP
                if e < 0 and ent & (1 << K_SSN) and g == 3 and is_sep(after):
                    e = m_ssn(&S, i)
                    kind = K_SSN
                if e < 0 and ent & (1 << K_CARD) and (13 <= g <= 19 or g == 4 and (after == 32 or after == 45) and is_digit(at(&S, j + 1))):
                    e = m_card(&S, i)
                    kind = K_CARD
                if e < 0 and ent & (1 << K_PHONE) and (g == 3 or g == 1 and c == 49) and is_sep(after):
                    e = m_nanp(&S, i)
                    kind = K_PHONE
                if e < 0 and ent & (1 << K_SSN) and g == 9:
                    e = m_ssn_keyword(&S, i)
                    kind = K_SSN
                if e < 0 and ent & (1 << K_PHONE) and g == 10:
                    e = m_phone_keyword(&S, i)
                    kind = K_PHONE
        elif c == 43:  # +
            if ent & (1 << K_PHONE):
                b = before(&S, i - 1)
                if not is_word(b) and b != 43:
                    e = m_phone_plus(&S, i)
                    kind = K_PHONE
        elif c == 40:  # (
            if ent & (1 << K_PHONE) and not is_word(before(&S, i - 1)):
                e = m_nanp(&S, i)
                kind = K_PHONE
        elif c == 45:  # -
            if ent & (1 << K_SECRET) and at(&S, i + 1) == 45:
                e = m_pem(&S, i)
                kind = K_SECRET
        else:
            b = before(&S, i - 1)
            if not is_word(b):
                if ent & (1 << K_SECRET) and b != 45:
                    e = m_secret(&S, i, c)
                    kind = K_SECRET
                if e < 0 and ent & (1 << K_IBAN) and is_upper(c):
                    e = m_iban(&S, i)
                    kind = K_IBAN
        if partial and S.eof and hold < stable:
            stable = hold
        if e >= 0:
            if buf != NULL:
                _buf_push(buf, s, e, kind)
            elif spans is None:
                return -1
            else:
                spans.append((s, e, kind))
            i = e
            last_end = e
        else:
            i += 1
    if partial:
        # Only the spans that start before stable are final: a prefix, since they are sorted.
        keep = len(spans)
        while keep > 0 and <Py_ssize_t>(<tuple>spans[keep - 1])[0] >= stable:
            keep -= 1
        del spans[keep:]
        final_end = <Py_ssize_t>(<tuple>spans[keep - 1])[1] if keep else first_last_end
        r = n
        while r > final_end and n - r <= hold_run and is_local(rd(&S, r - 1)):
            r -= 1
        if n - r <= hold_run:
            hold = r
            if hold < final_end:
                hold = final_end
            if hold < start:
                hold = start
            if hold < stable:
                stable = hold
        r = n
        while r > final_end and n - r < 4 and cls(rd(&S, r - 1), C_HEX):
            r -= 1
        if r < n:
            hold = r
            if hold < start:
                hold = start
            if hold < stable:
                stable = hold
    return stable


def scan(str text, entities=ALL, Py_ssize_t start=0, Py_ssize_t last_end=0):
    """Non-overlapping ``(start, end, entity_id)`` spans of the entity bitmask (see the twin)."""
    return _scan(text, entities, start, last_end, False, L_MAX_LOCAL)[0]


cdef str _placeholder(str original, str label, dict mapping, dict counters):
    """PLACEHOLDER mode's text for ``original``: the one it already has in ``mapping``, else the
    label's next number (``[EMAIL_1]``, ``[EMAIL_2]``...), remembered."""
    ph = mapping.get(original)
    if ph is None:
        number = counters.get(label, 0) + 1
        counters[label] = number
        ph = "[" + label + "_" + str(number) + "]"
        mapping[original] = ph
    return ph


def scan_partial(str text, entities=ALL, Py_ssize_t start=0, Py_ssize_t last_end=0,
                 Py_ssize_t hold_run=MAX_LOCAL):
    """``(final spans, stable)`` for a text that may continue (see the twin)."""
    return _scan(text, entities, start, last_end, True, hold_run)


cdef dict _MASKED = {}  # label → "[LABEL]", built once per label


cdef inline str _masked(str label):
    cdef object masked = _MASKED.get(label)
    if masked is None:
        masked = "[" + label + "]"
        if len(_MASKED) < 1024:  # labels come from the config: a handful
            _MASKED[label] = masked
    return <str>masked


cdef object _apply_ascii_mask(str text, list spans, tuple labels):
    """MASK over an ASCII text: one exact-size string with the pieces copied in.

    Checks and raises exactly as the general loop of :func:`_apply` does, span by span (masking
    changes no state, so stopping half-way is harmless). None when a span is not a tuple or a
    label is not ASCII: the general loop then does the work."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), total = n, pos = 0, s, e, m
    cdef list masks = []
    cdef str label, masked
    cdef object k, sp
    cdef const char* src = <const char*>PyUnicode_DATA(text)
    cdef char* dst
    for sp in spans:
        if type(sp) is not tuple:
            return None
        s, e, k = sp
        if s < pos or e < s or e > n:
            raise ValueError("spans must be sorted, non-overlapping and inside the text")
        label = labels[k]
        masked = _masked(label)
        if not PyUnicode_IS_ASCII(masked):
            return None
        masks.append(masked)
        total += PyUnicode_GET_LENGTH(masked) - (e - s)
        pos = e
    out = PyUnicode_New(total, 127)
    dst = <char*>PyUnicode_DATA(out)
    pos = 0
    for m in range(len(masks)):
        sp = spans[m]
        s = (<tuple>sp)[0]
        e = (<tuple>sp)[1]
        memcpy(dst, src + pos, s - pos)
        dst += s - pos
        masked = <str>masks[m]
        memcpy(dst, PyUnicode_DATA(masked), PyUnicode_GET_LENGTH(masked))
        dst += PyUnicode_GET_LENGTH(masked)
        pos = e
    memcpy(dst, src + pos, n - pos)
    return out


cdef str _apply(str text, list spans, int mode, tuple labels, dict mapping, dict counters):
    cdef list out = []
    cdef Py_ssize_t pos = 0, s, e, n
    cdef object k, fast
    cdef str label, original, ph
    cdef long number
    n = PyUnicode_GET_LENGTH(text)
    if mode == MASK and PyUnicode_IS_ASCII(text):
        fast = _apply_ascii_mask(text, spans, labels)
        if fast is not None:
            return <str>fast
    for sp in spans:
        s, e, k = sp
        if s < pos or e < s or e > n:
            raise ValueError("spans must be sorted, non-overlapping and inside the text")
        label = labels[k]
        out.append(text[pos:s])
        if mode == MASK:
            out.append(_masked(label))
        else:
            out.append(_placeholder(text[s:e], label, mapping, counters))
        pos = e
    out.append(text[pos:])
    return "".join(out)


cdef inline int _check_mode(int mode, dict mapping, dict counters) except -1:
    if mode != MASK and mode != PLACEHOLDER:
        raise ValueError(f"unknown mode {mode}")
    if mode == PLACEHOLDER and (mapping is None or counters is None):
        raise ValueError("PLACEHOLDER needs mapping and counters")
    return 0


def apply(str text, list spans, int mode, tuple labels, dict mapping=None, dict counters=None):
    """Replace each span: MASK → ``[LABEL]``; PLACEHOLDER → ``[LABEL_n]`` (see the twin)."""
    if text is None:
        raise TypeError("text must be str, not NoneType")
    _check_mode(mode, mapping, counters)
    return _apply(text, spans, mode, labels, mapping, counters)


def apply_placeholders(str text, list spans, tuple labels, dict mapping, dict counters):
    """``apply(text, spans, PLACEHOLDER, labels, mapping, counters)``."""
    return apply(text, spans, PLACEHOLDER, labels, mapping, counters)


cdef class Masker:
    """Redacts whole strings for one configuration of built-in entities (see the twin)."""

    cdef unsigned int entities
    cdef tuple labels, names, masks
    cdef bint masks_ascii
    cdef Py_UCS4* needles
    cdef Py_ssize_t n_needles
    cdef Py_ssize_t scan_below

    def __cinit__(self) -> None:
        self.needles = NULL
        self.n_needles = 0

    def __init__(self, entities, tuple labels, tuple names, str needles, Py_ssize_t scan_below=0):
        cdef Py_ssize_t m
        if len(labels) < len(NAMES) or len(names) < len(NAMES):
            raise ValueError("labels and names need an entry per built-in entity")
        self.entities = <unsigned int>(entities & ALL)
        self.labels = labels
        self.names = names
        self.masks = tuple(["[" + label + "]" for label in labels])
        self.masks_ascii = all([PyUnicode_IS_ASCII(x) for x in self.masks])
        free(self.needles)
        self.needles = <Py_UCS4*>malloc((len(needles) + 1) * sizeof(Py_UCS4))
        if self.needles == NULL:
            raise MemoryError()
        self.n_needles = len(needles)
        for m in range(self.n_needles):
            self.needles[m] = PyUnicode_READ_CHAR(needles, m)
        self.scan_below = scan_below

    def __dealloc__(self) -> None:
        free(self.needles)

    cpdef bint maybe(self, str text):
        """Does ``text`` contain one of the needles (the prefilter)?"""
        if text is None:
            raise TypeError("text must be str, not NoneType")
        cdef Py_ssize_t m, n = PyUnicode_GET_LENGTH(text)
        for m in range(self.n_needles):
            if PyUnicode_FindChar(text, self.needles[m], 0, n, 1) >= 0:
                return True
        return False

    def mask(self, str text, dict counts not None):
        """``text`` with every entity masked, counted in ``counts`` (``text`` itself when none)."""
        return self._redact(text, counts, None, None, False)

    def placeholder(self, str text, dict counts not None, dict mapping, dict counters):
        """Like :meth:`mask`, with numbered placeholders shared through ``mapping``/``counters``."""
        if mapping is None or counters is None:
            raise ValueError("PLACEHOLDER needs mapping and counters")
        return self._redact(text, counts, mapping, counters, True)

    def chat(self, list messages not None, dict counts not None):
        """Mask the messages of a chat request in place while they have the common shape:
        ``2 * stop + changed`` (see the twin)."""
        cdef Py_ssize_t i = 0
        cdef long changed = 0
        cdef object m, c, new
        while i < len(messages):
            m = messages[i]
            if type(m) is dict:
                if "tool_calls" in <dict>m or "function_call" in <dict>m:
                    return 2 * i + changed
                c = (<dict>m).get("content")
                if type(c) is str:
                    if PyUnicode_GET_LENGTH(c):
                        try:
                            new = self._redact(<str>c, counts, None, None, False)
                        except Exception:
                            return 2 * i + changed
                        if new is not c and new != c:
                            (<dict>m)["content"] = new
                            changed = 1
                elif c is not None:
                    return 2 * i + changed
            i += 1
        return 2 * i + changed

    cdef object _redact(self, str text, dict counts, dict mapping, dict counters, bint ph):
        cdef Scan S
        cdef SpanBuf buf
        cdef Py_ssize_t n, sur, total, pos, m, s, e, k, nk = 0
        cdef bint short
        cdef Py_ssize_t per[7]
        cdef int order[7]
        cdef const char* src
        cdef char* dst
        cdef str label, original, place, masked
        cdef list parts
        cdef object name, number
        if text is None:
            raise TypeError("text must be str, not NoneType")
        n = PyUnicode_GET_LENGTH(text)
        short = n < self.scan_below
        if not short and not self.maybe(text):
            return text
        S.data = PyUnicode_DATA(text)
        S.kind = PyUnicode_KIND(text)
        S.n = n
        S.eof = False
        sur = _surrogate_at(&S)
        if sur >= 0:
            if short and not self.maybe(text):
                return text
            raise ValueError(f"lone surrogate at offset {sur}")
        _buf_init(&buf)
        try:
            _scan_in(&S, self.entities, 0, 0, False, L_MAX_LOCAL, None, &buf)
            if buf.n == 0:
                return text
            if not ph and self.masks_ascii and PyUnicode_IS_ASCII(text):
                # One exact-size ASCII string, the pieces copied in.
                total = n
                for m in range(buf.n):
                    total += PyUnicode_GET_LENGTH(<str>PyTuple_GET_ITEM(self.masks, buf.v[3 * m + 2])) \
                        - (buf.v[3 * m + 1] - buf.v[3 * m])
                out = PyUnicode_New(total, 127)
                src = <const char*>PyUnicode_DATA(text)
                dst = <char*>PyUnicode_DATA(out)
                pos = 0
                for m in range(buf.n):
                    s = buf.v[3 * m]
                    masked = <str>PyTuple_GET_ITEM(self.masks, buf.v[3 * m + 2])
                    memcpy(dst, src + pos, s - pos)
                    dst += s - pos
                    memcpy(dst, PyUnicode_DATA(masked), PyUnicode_GET_LENGTH(masked))
                    dst += PyUnicode_GET_LENGTH(masked)
                    pos = buf.v[3 * m + 1]
                memcpy(dst, src + pos, n - pos)
            else:
                parts = []
                pos = 0
                for m in range(buf.n):
                    s = buf.v[3 * m]
                    e = buf.v[3 * m + 1]
                    k = buf.v[3 * m + 2]
                    parts.append(text[pos:s])
                    if not ph:
                        parts.append(<str>PyTuple_GET_ITEM(self.masks, k))
                    else:  # apply()'s PLACEHOLDER branch
                        parts.append(_placeholder(text[s:e], <str>PyTuple_GET_ITEM(self.labels, k), mapping,
                                                  counters))
                    pos = e
                parts.append(text[pos:])
                out = "".join(parts)
            # Counted once the text is redacted, per entity in order of first appearance (the
            # order one increment per span would insert the names in).
            for m in range(7):
                per[m] = 0
            for m in range(buf.n):
                k = buf.v[3 * m + 2]
                if per[k] == 0:
                    order[nk] = <int>k
                    nk += 1
                per[k] += 1
            for m in range(nk):
                name = <object>PyTuple_GET_ITEM(self.names, order[m])
                counts[name] = counts.get(name, 0) + per[order[m]]
            return out
        finally:
            _buf_free(&buf)


# ---------------------------------------------------------------------------- plain JSON

cdef enum:
    J_MAX_DEPTH = 64
    J_MAX_INT_DIGITS = 20
    J_MAX_FRAC_DIGITS = 40
    J_MAX_EXP_DIGITS = 2

cdef extern from *:
    """
    #include <stdint.h>
    #include <string.h>
    /* How many of the 8 bytes at p continue a plain JSON string run: the index of the first '"',
       backslash, control character or non-ASCII byte, 8 when there is none. */
    static inline int fg_jplain8(const unsigned char* p) {
    #if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* Each test flags bit 7 of the bytes it finds; a borrow can only flag bytes above a byte
           the same test found, so the lowest flagged byte is always a real one. */
        const uint64_t ones = 0x0101010101010101ULL;
        uint64_t w, x, stop;
        memcpy(&w, p, 8);
        x = w ^ (0x22 * ones);
        stop = (x - ones) & ~x;
        x = w ^ (0x5C * ones);
        stop |= (x - ones) & ~x;
        stop |= (w - 0x20 * ones) & ~w;
        stop = (stop | w) & (0x80 * ones);
        return stop ? __builtin_ctzll(stop) >> 3 : 8;
    #else
        int m = 0;
        while (m < 8 && p[m] >= 0x20 && p[m] < 0x80 && p[m] != 0x22 && p[m] != 0x5C)
            m++;
        return m;
    #endif
    }
    """
    int fg_jplain8(const unsigned char* p) noexcept nogil


# Bytes that end the plain run of a JSON string: 1 = '"', 2 = '\\' or a control character (NUL
# included: a bytes object always ends with one), 4 = a non-ASCII byte.
cdef unsigned char JSTR[256]


cdef void _init_json_tables():
    cdef int c
    for c in range(256):
        JSTR[c] = 2 if c < 32 or c == 92 else (4 if c >= 128 else 0)
    JSTR[34] = 1


_init_json_tables()


cdef inline Py_ssize_t _j_ws(const uc1* p, Py_ssize_t i, Py_ssize_t n) noexcept:
    while i < n and (p[i] == 32 or p[i] == 10 or p[i] == 13 or p[i] == 9):
        i += 1
    return i


cdef inline Py_ssize_t _j_string(const uc1* p, Py_ssize_t i, Py_ssize_t n, bint* ascii) noexcept:
    """End of the escape-free string at ``p[i] == '"'`` (after its closing quote), or -1."""
    cdef unsigned char t
    cdef int m
    i += 1
    while True:
        while i + 8 <= n:  # 8 bytes at a time while 8 are left
            m = fg_jplain8(p + i)
            i += m
            if m < 8:
                break
        t = JSTR[p[i]]  # stops at the bytes object's NUL at the latest
        if t == 0:
            i += 1
        elif t == 4:
            ascii[0] = False
            i += 1
        elif t == 1 and i < n:
            return i + 1
        else:
            return -1


cdef inline Py_ssize_t _j_digits(const uc1* p, Py_ssize_t i, Py_ssize_t n) noexcept:
    while i < n and p[i] >= 48 and p[i] <= 57:
        i += 1
    return i


cdef Py_ssize_t _j_number(const uc1* p, Py_ssize_t i, Py_ssize_t n) noexcept:
    cdef Py_ssize_t j
    if p[i] == 45:
        i += 1
        if i >= n:
            return -1
    if p[i] == 48:
        i += 1
    elif p[i] >= 49 and p[i] <= 57:
        j = _j_digits(p, i, n)
        if j - i > J_MAX_INT_DIGITS:
            return -1
        i = j
    else:
        return -1
    if i < n and p[i] == 46:
        j = _j_digits(p, i + 1, n)
        if j == i + 1 or j - (i + 1) > J_MAX_FRAC_DIGITS:
            return -1
        i = j
    if i < n and (p[i] == 101 or p[i] == 69):
        i += 1
        if i < n and (p[i] == 43 or p[i] == 45):
            i += 1
        j = _j_digits(p, i, n)
        if j == i or j - i > J_MAX_EXP_DIGITS:
            return -1
        i = j
    return i


cdef inline Py_ssize_t _j_word(const uc1* p, Py_ssize_t i, Py_ssize_t n, const char* w, Py_ssize_t wl) noexcept:
    cdef Py_ssize_t m
    if i + wl > n:
        return -1
    for m in range(wl):
        if p[i + m] != <uc1>w[m]:
            return -1
    return i + wl


cdef bint _utf8_ok(const uc1* p, Py_ssize_t n) noexcept:
    """Is ``p[:n]`` valid UTF-8 (as Python's strict decoder says)?"""
    try:
        (<const char*>p)[:n].decode("utf-8")
    except Exception:  # UnicodeDecodeError (or MemoryError: "not plain" is always a safe answer)
        return False
    return True


cdef inline Py_ssize_t _j_key(const uc1* p, Py_ssize_t i, Py_ssize_t n, const uc1* rk, Py_ssize_t rkl) noexcept:
    """``"key" :`` and the whitespace after it, from ``i``; -1 if it is not there or is ``rk``."""
    cdef Py_ssize_t a = i + 1
    cdef bint ascii = True
    if i >= n or p[i] != 34:
        return -1
    i = _j_string(p, i, n, &ascii)
    if i < 0:
        return -1
    if rk != NULL and i - 1 - a == rkl and memcmp(p + a, rk, rkl) == 0:
        return -1
    if not ascii and not _utf8_ok(p + a, i - 1 - a):
        return -1
    i = _j_ws(p, i, n)
    if i >= n or p[i] != 58:
        return -1
    return _j_ws(p, i + 1, n)


cdef int _j_clean_string(const uc1* p, Py_ssize_t a, Py_ssize_t b, bint ascii, unsigned int ent) except -1:
    """1 when the string value ``p[a:b]`` (its UTF-8 text) holds no entity, else 0."""
    cdef Scan S
    cdef str text
    if ascii:  # scanned in place, as a Latin-1 text: p[b] is the closing quote (see _scan_in)
        S.data = <void*>(p + a)
        S.kind = 1
        S.n = b - a
        S.eof = False
        return 0 if _scan_in(&S, ent, 0, 0, False, L_MAX_LOCAL, None, NULL) < 0 else 1
    try:
        text = (<const char*>p)[a:b].decode("utf-8")
    except UnicodeDecodeError:
        return 0
    return 0 if _scan(text, ent, 0, 0, False, L_MAX_LOCAL)[0] else 1


cdef int _clean_json(const uc1* p, Py_ssize_t n, unsigned int ent, const uc1* rk, Py_ssize_t rkl) except -1:
    """The twin's ``clean_json`` over a buffer with a NUL after its end: 1 or 0."""
    cdef char stack[J_MAX_DEPTH]
    cdef int depth = 0
    cdef Py_ssize_t i = _j_ws(p, 0, n), a
    cdef uc1 c
    cdef bint ascii
    while True:
        # A value starts at i.
        if i >= n:
            return 0
        c = p[i]
        if c == 123 or c == 91:  # { [
            if depth == J_MAX_DEPTH:
                return 0
            stack[depth] = <char>c
            depth += 1
            i = _j_ws(p, i + 1, n)
            if i < n and p[i] == c + 2:  # } ]: an empty container is a complete value
                depth -= 1
                i += 1
            else:
                if c == 123:
                    i = _j_key(p, i, n, rk, rkl)
                    if i < 0:
                        return 0
                continue
        elif c == 34:
            a = i + 1
            ascii = True
            i = _j_string(p, i, n, &ascii)
            if i < 0 or not _j_clean_string(p, a, i - 1, ascii, ent):
                return 0
        elif c == 45 or (c >= 48 and c <= 57):
            i = _j_number(p, i, n)
        elif c == 116:
            i = _j_word(p, i, n, b"true", 4)
        elif c == 102:
            i = _j_word(p, i, n, b"false", 5)
        elif c == 110:
            i = _j_word(p, i, n, b"null", 4)
        else:
            return 0
        if i < 0:
            return 0
        # After a value: close containers, or a comma and the next value (after its key).
        while True:
            i = _j_ws(p, i, n)
            if depth == 0:
                return 1 if i == n else 0
            if i >= n:
                return 0
            c = p[i]
            if c == <uc1>stack[depth - 1] + 2:
                depth -= 1
                i += 1
                continue
            if c != 44:  # ,
                return 0
            i = _j_ws(p, i + 1, n)
            if stack[depth - 1] == 123:
                i = _j_key(p, i, n, rk, rkl)
                if i < 0:
                    return 0
            break


def clean_json(bytes data, entities=ALL, bytes reject_key=None):
    """True when ``data`` is a plain JSON text none of whose string values holds an entity (see the
    twin)."""
    if data is None:
        raise TypeError("data must be bytes, not NoneType")
    cdef const uc1* rk = NULL
    cdef Py_ssize_t rkl = 0
    if reject_key is not None:
        rk = <const uc1*><const char*>reject_key
        rkl = len(reject_key)
    return _clean_json(<const uc1*><const char*>data, len(data), <unsigned int>(entities & ALL), rk, rkl) == 1
