"""PII scanner kernel — pure-Python twin, the readable specification of ``redact.pyx``.

One left-to-right pass over a ``str`` finds non-overlapping ``(start, end, entity_id)`` spans
(code-point offsets) of the entity types in a bitmask. The scanner only stops on a character
that could begin (or, for ``@`` and ``:``, sit inside) an entity — a digit, ``@``, ``:``, ``+``,
``(``, ``-``, an upper-case letter or one of ``s g x e`` at a word start — and only then runs the
matcher for that character. Matchers are small hand-written parsers with validators (Luhn,
mod-97, SSN ranges, octet ranges), never backtracking regexes, so the work is linear in the
text (PII-15: ReDoS-free) and both implementations return identical spans for every input.

Policy decisions, documented once here (the tests pin each one):

* Word boundaries: a "word" character is ``_`` or any alphanumeric code point (Unicode
  ``isalnum``). Entities do not start or end inside a word, so ``v1.2.3.4``, ``xAKIA…`` and
  ``task-sk-…`` are not matched.
* E-mail: local part of ``[A-Za-z0-9._%+-]`` or non-ASCII alphanumerics, at most 64 characters
  (RFC 5321 §4.5.3.1.1), no trailing dot, no ``..`` (the address starts after it), leading
  ``.+-`` are punctuation. Domain: dot-separated labels of alphanumerics and ``-`` (no leading or
  trailing hyphen, <= 63 chars, RFC 1035 §2.3.4), at least two labels, the last one an ASCII
  alphabetic TLD of 2..63 letters. Quoted local parts and punycode TLDs are not matched.
* Phone: ``+`` international numbers (8..15 digits, E.164) in one run or in groups separated by
  single ``space - .`` with optional parenthesised groups (``+1 (415) 555-2671``,
  ``+44 20 7946 0958``, ``+44 (0)20 …``); NANP national ``(415) 555-2671``, ``415-555-2671``,
  ``415.555.2671``, ``415 555 2671`` (one separator kind), with an optional ``1``/``001`` prefix;
  an extension ``x123`` / `` ext. 123`` is part of the span. Ten contiguous digits are a phone only
  with a phone keyword (``phone``, ``tel``, ``call``, …) in the 32 characters before. Not matched:
  ISO dates, times, versions, UUID parts, contiguous order numbers, national trunk-``0`` formats.
* Credit card: 13..19 digits, contiguous or in groups (first group of 4, then groups of 3..6)
  separated by one kind of single space or dash; Luhn-valid and in a known IIN range with a
  length that range issues (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro).
  JCB is accepted on the whole 35xx block (test generators such as Faker use all of it).
* SSN: ``AAA-GG-SSSS`` with one separator kind of ``-``, space or ``.`` (mixed separators are
  rejected, as Presidio does); area 000, 666, 900-999, group 00 and serial 0000 are invalid.
  Nine contiguous digits are an SSN only with ``ssn``/``social sec…`` in the 32 characters before.
* IP: dotted-quad IPv4 with octets 0..255 and no leading zeros, not inside a longer dotted number
  (``1.2.3.4.5``); a port or ``/prefix`` after it stays visible. IPv6 per RFC 4291 §2.2 (full,
  ``::``-compressed, embedded IPv4, no zone); a compressed address needs a group of >= 3 hex digits
  or an embedded IPv4, so ``::1``, ``a::b`` and ``std::`` look-alikes are not matched. Loopback and
  private ranges are redacted like any other address.
* IBAN: upper-case ISO 3166 country with its registry length, two check digits, BBAN of
  ``[A-Z0-9]``, contiguous or in groups of 4 separated by single spaces; ISO 7064 mod-97 == 1.
* Secrets: ``sk-…`` (OpenAI legacy/project, Anthropic ``sk-ant-…``; body 20..250 chars with a
  letter, a digit and an alphanumeric run >= 16, so ``sk-learn-…`` prose is not a key), AWS access
  key ids ``AKIA|ASIA|ABIA|ACCA`` + 16 ``[A-Z0-9]``, GitHub ``gh[pousr]_`` + 36 alphanumerics and
  ``github_pat_`` + 22..255 word chars, Slack ``xox[baprs]-`` + 10..250 ``[A-Za-z0-9-]`` with a digit,
  Google ``AIza`` + 35 chars, JWTs ``eyJ….eyJ….sig`` (sig may be empty), PEM ``-----BEGIN … PRIVATE
  KEY-----`` blocks through their END line — an unterminated block is redacted through its last
  body character so key material is never left in clear.

``scan_partial`` is the streaming variant: it also returns how far the result is *final*, i.e.
cannot change whatever text is appended. A position is undecided when a matcher read past the
end of the text, or when the trailing word could still become an e-mail local part once an ``@``
arrives (or its last hex digits the first group of an IPv6 address once a ``:`` arrives): the only
two matchers that reach back before their trigger character. The stream redactor releases only final text and rescans the rest with the same context.
"""

from __future__ import annotations

import re

EMAIL, PHONE, CREDIT_CARD, SSN, IP, IBAN, SECRET = range(7)
NAMES: tuple[str, ...] = ("EMAIL", "PHONE", "CREDIT_CARD", "SSN", "IP", "IBAN", "SECRET")
ALL = (1 << len(NAMES)) - 1

MASK = 1
PLACEHOLDER = 2

MAX_LOCAL = 64  # RFC 5321 §4.5.3.1.1: local part <= 64 octets
MAX_LABEL = 63  # RFC 1035 §2.3.4: label <= 63 octets
MAX_DOMAIN = 255  # RFC 1035 §2.3.4
MAX_SK_BODY = 250
MAX_GITHUB_PAT = 255
MAX_SLACK_BODY = 250
MAX_JWT_SEGMENT = 8192
MAX_PEM_BODY = 1 << 20
MAX_PEM_LABEL = 40
KEYWORD_WINDOW = 32

# Characters at which a matcher can start; letters only at a word start (\w is exactly
# "_ or isalnum()", the _word class below).
_TRIGGER = re.compile(r"[0-9@:+(\-]|(?<!\w)[A-Zsgxe]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NUL = "\0"  # what reading past either end of the text returns; it belongs to no class

# IBAN length per country, from the ISO 13616 (SWIFT) IBAN registry.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
    "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
    "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip

_PHONE_WORDS = ("phone", "tel", "call", "mobile", "cell", "fax", "sms", "text", "dial", "contact", "reach")
_SSN_WORDS = ("ssn", "social sec")


# ---------------------------------------------------------------------------- character classes
# All take one character (possibly _NUL) and are ASCII-exact; only _word/_local/_label also accept
# non-ASCII alphanumerics (str.isalnum is Py_UNICODE_ISALNUM, which the compiled kernel uses).


def _digit(c: str) -> bool:
    return "0" <= c <= "9"


def _upper(c: str) -> bool:
    return "A" <= c <= "Z"


def _alpha(c: str) -> bool:
    return "A" <= c <= "Z" or "a" <= c <= "z"


def _alnum(c: str) -> bool:
    return _digit(c) or _alpha(c)


def _hex(c: str) -> bool:
    return _digit(c) or "a" <= c <= "f" or "A" <= c <= "F"


def _word(c: str) -> bool:
    return c == "_" or c.isalnum()


def _local(c: str) -> bool:
    return (
        _alnum(c) or c == "." or c == "_" or c == "%" or c == "+" or c == "-" or (c >= "\x80" and c.isalnum())
    )


def _label(c: str) -> bool:
    return _alnum(c) or c == "-" or (c >= "\x80" and c.isalnum())


def _sep(c: str) -> bool:
    return c == "-" or c == "." or c == " "


def _b64url(c: str) -> bool:
    return _alnum(c) or c == "-" or c == "_"


def _pem_body(c: str) -> bool:
    # base64 plus the RFC 1421 header lines of encrypted keys (Proc-Type: 4,ENCRYPTED / DEK-Info: …),
    # line breaks, and backslashes of "\n" escapes when a key is pasted from JSON or code.
    return _alnum(c) or c in "+/=-:,.\\ \t\r\n" and c != _NUL


def _lower_ascii(c: str) -> str:
    return chr(ord(c) + 32) if "A" <= c <= "Z" else c


class _Scanner:
    """The text plus a flag raised when a matcher reads past its end (undecided in streams)."""

    __slots__ = ("t", "n", "eof")

    def __init__(self, text: str) -> None:
        self.t = text
        self.n = len(text)
        self.eof = False

    def at(self, j: int) -> str:
        """Character ``j`` going forward; past the end it is _NUL and the read is remembered."""
        if j >= self.n:
            self.eof = True
            return _NUL
        return self.t[j]


def _before(t: str, j: int) -> str:
    """Character ``j`` going backward (``j`` < len): before the start it is _NUL."""
    return t[j] if j >= 0 else _NUL


# ---------------------------------------------------------------------------- shared checks


def _num_start(t: str, i: int) -> bool:
    """Can a number start at ``i``? Not inside a word, not continuing ``1.2`` / ``AB-12`` tokens."""
    b = _before(t, i - 1)
    if _word(b):
        return False
    return not ((b == "." or b == "-") and _word(_before(t, i - 2)))


def _num_end(S: _Scanner, e: int) -> bool:
    """Does a number end at ``e``? Not inside a word/address, not before ``.5`` / ``-5`` continuations."""
    c = S.at(e)
    if _word(c) or c == "@":
        return False
    return not ((c == "." or c == "-") and _digit(S.at(e + 1)))


def _keyword_before(t: str, i: int, words: tuple[str, ...]) -> bool:
    """Does one of ``words`` (lower-case ASCII) start a word in the KEYWORD_WINDOW chars before ``i``?"""
    lo = max(0, i - KEYWORD_WINDOW)
    for w in words:
        j = lo
        while j + len(w) <= i:
            m = 0
            while m < len(w) and _lower_ascii(t[j + m]) == w[m]:
                m += 1
            if m == len(w) and not _alpha(_before(t, j - 1)):
                return True
            j += 1
    return False


def _digits_at(S: _Scanner, j: int, count: int) -> bool:
    m = 0
    while m < count:
        if not _digit(S.at(j + m)):
            return False
        m += 1
    return True


def _value(t: str, j: int, count: int) -> int:
    v = 0
    for m in range(count):
        v = v * 10 + ord(t[j + m]) - 48
    return v


# ---------------------------------------------------------------------------- e-mail


def _email(S: _Scanner, p: int, last_end: int) -> tuple[int, int] | None:
    """``@`` at ``p``: walk back over the local part, forward over the domain."""
    t = S.t
    s = p
    while s > last_end and p - s < MAX_LOCAL and _local(t[s - 1]):
        s -= 1
    if s > last_end and _local(t[s - 1]):
        return None  # longer than 64: part of a longer token, not an address
    j = p - 1
    while j > s:  # ".." cannot occur in a dot-atom: the address starts after the last one
        if t[j] == "." and t[j - 1] == ".":
            s = j + 1
            break
        j -= 1
    while s < p and (t[s] == "." or t[s] == "+" or t[s] == "-"):
        s += 1
    if s == p or t[p - 1] == ".":
        return None
    end = -1
    labels = 0
    j = p + 1
    while True:
        k = j
        while k - j <= MAX_LABEL and _label(S.at(k)):
            k += 1
        if k - j > MAX_LABEL:
            break
        stop = False
        while k > j and t[k - 1] == "-":  # "bob@example.com-" ends before the hyphen
            k -= 1
            stop = True
        if k == j or t[j] == "-":
            break
        labels += 1
        if labels >= 2 and _tld(t, j, k):
            end = k
        if stop or k - p > MAX_DOMAIN:
            break
        if S.at(k) == "." and _label(S.at(k + 1)):
            j = k + 1
        else:
            break
    if end < 0:
        return None
    c = S.at(end)
    if c == "@" or _word(c):
        return None
    return s, end


def _tld(t: str, j: int, k: int) -> bool:
    return k - j >= 2 and all(_alpha(t[m]) for m in range(j, k))


# ---------------------------------------------------------------------------- IP addresses


def _ipv4_at(S: _Scanner, i: int) -> int:
    """Dotted quad at ``i`` (no boundary checks): its end, or -1."""
    j = i
    for octet in range(4):
        if octet:
            if S.at(j) != ".":
                return -1
            j += 1
        k = j
        while k - j < 3 and _digit(S.at(k)):
            k += 1
        if k == j or _digit(S.at(k)):
            return -1
        if S.t[j] == "0" and k - j > 1:
            return -1  # leading zeros are ambiguous (octal in inet_aton) and not an address form
        if _value(S.t, j, k - j) > 255:
            return -1
        j = k
    return j


def _ipv4(S: _Scanner, i: int) -> int:
    e = _ipv4_at(S, i)
    if e < 0 or not _num_end(S, e):
        return -1
    return e


def _ipv6(S: _Scanner, p: int, last_end: int) -> tuple[int, int] | None:
    """``:`` at ``p``: the address starts at most 4 hex digits before it (RFC 4291 §2.2)."""
    t = S.t
    s = p
    while s > last_end and p - s < 4 and _hex(t[s - 1]):
        s -= 1
    if s > last_end:
        b = t[s - 1]
        if _word(b) or b == ":" or b == ".":
            return None  # a longer token, or a colon group an earlier colon already tried
    j = s
    groups = 0
    double = False
    big = False  # a group of >= 3 hex digits or an embedded IPv4 (rejects a::b, 1::2 look-alikes)
    end = -1
    if S.at(j) == ":":
        if S.at(j + 1) != ":":
            return None
        double = True
        j += 2
        end = j
    while True:
        if groups <= 6 and _digit(S.at(j)):
            e4 = _ipv4_at(S, j)
            if e4 > 0:
                groups += 2
                big = True
                end = e4
                break
        k = j
        while k - j < 4 and _hex(S.at(k)):
            k += 1
        if k == j:
            break
        if _hex(S.at(k)):
            return None  # 5+ hex digits
        groups += 1
        if k - j >= 3:
            big = True
        j = k
        end = j
        if groups == 8:
            break
        if S.at(j) == ":":
            if S.at(j + 1) == ":":
                if double:
                    break
                double = True
                j += 2
                end = j
                continue
            if _hex(S.at(j + 1)):
                j += 1
                continue
        break
    if double:
        if groups > 7 or not big:
            return None
    elif groups != 8:
        return None
    c = S.at(end)
    if _word(c):
        return None
    if c == ":" and _hex(S.at(end + 1)):
        return None
    if c == "." and _digit(S.at(end + 1)):
        return None
    return s, end


# ---------------------------------------------------------------------------- numbers


def _ssn(S: _Scanner, i: int) -> int:
    """``AAA-GG-SSSS`` with one separator kind (``-``, space, ``.``) and valid ranges."""
    if not _digits_at(S, i, 3):
        return -1
    sep = S.at(i + 3)
    if not _sep(sep):
        return -1
    if not _digits_at(S, i + 4, 2) or S.at(i + 6) != sep or not _digits_at(S, i + 7, 4):
        return -1
    t = S.t
    if not _ssn_valid(_value(t, i, 3), _value(t, i + 4, 2), _value(t, i + 7, 4)):
        return -1
    if not _num_end(S, i + 11):
        return -1
    return i + 11


def _ssn_valid(area: int, group: int, serial: int) -> bool:
    # SSA: area 000, 666 and 900-999 are never issued; group 00 and serial 0000 neither.
    return area != 0 and area != 666 and area < 900 and group != 0 and serial != 0


def _ssn_keyword(S: _Scanner, i: int) -> int:
    """Nine contiguous digits, only after an SSN keyword (bare 9-digit numbers are too common)."""
    if not _digits_at(S, i, 9) or not _num_end(S, i + 9):
        return -1
    t = S.t
    if not _ssn_valid(_value(t, i, 3), _value(t, i + 3, 2), _value(t, i + 5, 4)):
        return -1
    if not _keyword_before(t, i, _SSN_WORDS):
        return -1
    return i + 9


def _card(S: _Scanner, i: int) -> int:
    """13..19 digits, contiguous or grouped; the longest prefix of groups that validates wins."""
    t = S.t
    j = i
    while j - i <= 19 and _digit(S.at(j)):
        j += 1
    g = j - i
    if g > 19:
        return -1
    digits = [ord(t[m]) - 48 for m in range(i, j)]
    cands: list[tuple[int, int]] = []  # (number of digits, end)
    if g >= 13:
        cands.append((g, j))
    elif g == 4:
        sep = S.at(j)
        if sep != " " and sep != "-":
            return -1
        while S.at(j) == sep and _digit(S.at(j + 1)):
            k = j + 1
            while k - (j + 1) < 7 and _digit(S.at(k)):
                k += 1
            glen = k - (j + 1)
            if glen < 3 or glen > 6 or len(digits) + glen > 19:
                break
            digits.extend(ord(t[m]) - 48 for m in range(j + 1, k))
            j = k
            if len(digits) >= 13:
                cands.append((len(digits), j))
    else:
        return -1
    for length, e in reversed(cands):
        if _iin_ok(digits, length) and _luhn(digits, length) and _num_end(S, e):
            return e
    return -1


def _luhn(d: list[int], length: int) -> bool:
    total = 0
    for m in range(length):
        v = d[length - 1 - m]
        if m & 1:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return total % 10 == 0


def _iin_ok(d: list[int], length: int) -> bool:
    """Issuer ranges (ISO/IEC 7812 IINs) and the lengths each scheme issues."""
    p1 = d[0]
    p2 = p1 * 10 + d[1]
    p3 = p2 * 10 + d[2]
    p4 = p3 * 10 + d[3]
    if p1 == 4:  # Visa
        return length == 13 or length == 16 or length == 19
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:  # Mastercard
        return length == 16
    if p2 == 34 or p2 == 37:  # American Express
        return length == 15
    if 300 <= p3 <= 305 or p2 == 36 or p2 == 38 or p2 == 39:  # Diners Club
        return 14 <= length <= 19
    if p2 == 35:  # JCB: 3528-3589 are assigned; the whole 35 block is accepted (Luhn still holds)
        return 16 <= length <= 19
    if p4 == 1800 or p4 == 2131:  # JCB (legacy 15-digit)
        return length == 15
    if p4 == 6011 or 644 <= p3 <= 649 or p2 == 65:  # Discover
        return 16 <= length <= 19
    if p2 == 62:  # UnionPay
        return 16 <= length <= 19
    if p2 == 50 or 56 <= p2 <= 58 or p2 == 63 or p2 == 67:  # Maestro
        return 13 <= length <= 19
    return False


def _phone_tail(S: _Scanner, e: int) -> int:
    """An optional extension (``x123``, `` x123``, `` ext. 123``) after a number ending at ``e``."""
    k = e
    if S.at(k) == " ":
        k += 1
    c = S.at(k)
    if c == "x" or c == "X":
        k += 1
    elif _lower_ascii(c) == "e" and _lower_ascii(S.at(k + 1)) == "x" and _lower_ascii(S.at(k + 2)) == "t":
        k += 3
        if S.at(k) == ".":
            k += 1
        if S.at(k) == " ":
            k += 1
    else:
        k = -1
    if k > 0:
        m = k
        while m - k < 7 and _digit(S.at(m)):
            m += 1
        if 1 <= m - k <= 6 and _num_end(S, m):
            return m
    return e if _num_end(S, e) else -1


def _phone_plus(S: _Scanner, i: int) -> int:
    """``+`` then 8..15 digits (E.164) in one run or in groups; ``+1`` stops after 10 national digits."""
    j = i + 1
    c = S.at(j)
    if not ("1" <= c <= "9"):
        return -1
    total = 0
    groups = 0
    end = -1
    nanp = False
    while True:
        c = S.at(j)
        if c == "(":
            k = j + 1
            while k - (j + 1) < 5 and _digit(S.at(k)):
                k += 1
            m = k - (j + 1)
            if m < 1 or m > 4 or S.at(k) != ")" or total + m > 15:
                break
            k += 1
        elif _digit(c):
            k = j
            while k - j < 16 and _digit(S.at(k)):
                k += 1
            m = k - j
            if groups == 0:
                if m > 15:
                    return -1
                nanp = m == 1 and c == "1"
            if total + m > 15:
                break
        else:
            break
        total += m
        groups += 1
        j = k
        end = k
        if (groups == 1 and m >= 7) or (nanp and total >= 11):
            break
        c = S.at(j)
        if _sep(c):
            c2 = S.at(j + 1)
            if _digit(c2) or c2 == "(":
                j += 1
                continue
            break
        if c == "(" or _digit(c):
            continue
        break
    if end < 0 or total < 8:
        return -1
    return _phone_tail(S, end)


def _nanp(S: _Scanner, i: int) -> int:
    """NANP national number at a digit or ``(``, with an optional ``1``/``001`` prefix."""
    j = i
    c = S.at(j)
    if c == "0":
        if S.at(j + 1) == "0" and S.at(j + 2) == "1" and _sep(S.at(j + 3)):
            j += 4
    elif c == "1" and _sep(S.at(j + 1)):
        j += 2
    paren = S.at(j) == "("
    sep1 = _NUL
    if paren:
        if not _digits_at(S, j + 1, 3) or S.at(j + 4) != ")":
            return -1
        j += 5
        c = S.at(j)
        if (c == " " or c == "-") and _digit(S.at(j + 1)):
            j += 1
    else:
        if not _digits_at(S, j, 3):
            return -1
        j += 3
        sep1 = S.at(j)
        if not _sep(sep1):
            return -1
        j += 1
    if not _digits_at(S, j, 3):
        return -1
    j += 3
    sep2 = S.at(j)
    if not _sep(sep2) or (not paren and sep2 != sep1):
        return -1
    j += 1
    if not _digits_at(S, j, 4):
        return -1
    return _phone_tail(S, j + 4)


def _phone_keyword(S: _Scanner, i: int) -> int:
    """Ten contiguous NANP digits (area and exchange start 2-9), only after a phone keyword."""
    if not _digits_at(S, i, 10) or not _num_end(S, i + 10):
        return -1
    t = S.t
    if t[i] < "2" or t[i + 3] < "2":
        return -1
    if not _keyword_before(t, i, _PHONE_WORDS):
        return -1
    return i + 10


# ---------------------------------------------------------------------------- IBAN


def _iban(S: _Scanner, i: int) -> int:
    t = S.t
    b = S.at(i + 1)
    if not _upper(b):
        return -1
    need = IBAN_LENGTHS.get(t[i] + b, 0) - 4
    if need <= 0:
        return -1
    if not _digit(S.at(i + 2)) or not _digit(S.at(i + 3)):
        return -1
    j = i + 4
    if S.at(j) == " ":  # printed form: groups of four separated by single spaces
        while need > 0:
            if S.at(j) != " ":
                return -1
            j += 1
            g = min(4, need)
            m = 0
            while m < g and (_upper(c := S.at(j + m)) or _digit(c)):
                m += 1
            if m != g:
                return -1
            j += g
            need -= g
    else:
        k = j
        while k - j < need and (_upper(c := S.at(k)) or _digit(c)):
            k += 1
        if k - j != need:
            return -1
        j = k
    if _word(S.at(j)):
        return -1
    # ISO 7064 MOD 97-10: BBAN, then country and check digits, letters as 10..35.
    r = 0
    for m in list(range(i + 4, j)) + list(range(i, i + 4)):
        c = t[m]
        if c == " ":
            continue
        r = (r * 10 + ord(c) - 48) % 97 if _digit(c) else (r * 100 + ord(c) - 55) % 97
    return j if r == 1 else -1


# ---------------------------------------------------------------------------- secrets


def _sk(S: _Scanner, i: int) -> int:
    if S.at(i + 1) != "k" or S.at(i + 2) != "-":
        return -1
    j = i + 3
    k = j
    digits = letters = run = best = 0
    while True:
        c = S.at(k)
        if _alnum(c):
            run += 1
            if run > best:
                best = run
            if _digit(c):
                digits += 1
            else:
                letters += 1
        elif c == "-" or c == "_":
            run = 0
        else:
            break
        k += 1
        if k - j > MAX_SK_BODY:
            return -1
    if k - j < 20 or digits == 0 or letters == 0 or best < 16 or _word(S.at(k)):
        return -1
    return k


def _aws(S: _Scanner, i: int) -> int:
    # Access key ids: AKIA (long-term), ASIA (STS), ABIA/ACCA (gitleaks aws-access-token).
    c1 = S.at(i + 1)
    c2 = S.at(i + 2)
    c3 = S.at(i + 3)
    if c3 != "A" or not ((c1 == "K" or c1 == "S" or c1 == "B") and c2 == "I" or c1 == "C" and c2 == "C"):
        return -1
    k = i + 4
    while k - (i + 4) < 16 and (_upper(c := S.at(k)) or _digit(c)):
        k += 1
    if k - (i + 4) != 16 or _word(S.at(k)):
        return -1
    return k


def _google(S: _Scanner, i: int) -> int:
    if S.at(i + 1) != "I" or S.at(i + 2) != "z" or S.at(i + 3) != "a":
        return -1
    k = i + 4
    while k - (i + 4) < 35 and _b64url(S.at(k)):
        k += 1
    if k - (i + 4) != 35:
        return -1
    c = S.at(k)
    if _b64url(c) or _word(c):
        return -1
    return k


def _github(S: _Scanner, i: int) -> int:
    c1 = S.at(i + 1)
    if c1 == "h":  # ghp_ (classic PAT), gho_ (OAuth), ghu_/ghs_ (app), ghr_ (refresh) + 36 alnum
        c = S.at(i + 2)
        if not (c == "p" or c == "o" or c == "u" or c == "s" or c == "r") or S.at(i + 3) != "_":
            return -1
        k = i + 4
        while k - (i + 4) < 36 and _alnum(S.at(k)):
            k += 1
        if k - (i + 4) != 36 or _word(S.at(k)):
            return -1
        return k
    if c1 != "i":
        return -1
    for m, want in enumerate("thub_pat_"):  # fine-grained PAT: github_pat_ + 22 + _ + 59
        if S.at(i + 2 + m) != want:
            return -1
    j = i + 11
    k = j
    while _word(c := S.at(k)) and c < "\x80":
        k += 1
        if k - j > MAX_GITHUB_PAT:
            return -1
    if k - j < 22 or _word(S.at(k)):
        return -1
    return k


def _slack(S: _Scanner, i: int) -> int:
    if S.at(i + 1) != "o" or S.at(i + 2) != "x":
        return -1
    c = S.at(i + 3)
    if not (c == "b" or c == "a" or c == "p" or c == "r" or c == "s") or S.at(i + 4) != "-":
        return -1
    j = i + 5
    k = j
    digits = 0
    while _alnum(c := S.at(k)) or c == "-":
        if _digit(c):
            digits += 1
        k += 1
        if k - j > MAX_SLACK_BODY:
            return -1
    if k - j < 10 or digits == 0 or _word(S.at(k)):
        return -1
    return k


def _b64_run(S: _Scanner, j: int) -> int:
    k = j
    while _b64url(S.at(k)):
        k += 1
        if k - j > MAX_JWT_SEGMENT:
            return -1
    return k


def _jwt(S: _Scanner, i: int) -> int:
    """RFC 7519 compact JWS: base64url header and payload (both JSON, so both start ``eyJ``)."""
    if S.at(i + 1) != "y" or S.at(i + 2) != "J":
        return -1
    k = _b64_run(S, i)
    if k < 0 or k - i < 10 or S.at(k) != ".":
        return -1
    j = k + 1
    if S.at(j) != "e" or S.at(j + 1) != "y" or S.at(j + 2) != "J":
        return -1
    k = _b64_run(S, j)
    if k < 0 or k - j < 10 or S.at(k) != ".":
        return -1
    k = _b64_run(S, k + 1)  # the signature; empty for alg "none", still a credential
    if k < 0 or _word(S.at(k)):
        return -1
    return k


_PEM_BEGIN = "-----BEGIN "
_PEM_END = "-----END "


def _pem(S: _Scanner, i: int) -> int:
    for m, want in enumerate(_PEM_BEGIN):
        if S.at(i + m) != want:
            return -1
    j = i + len(_PEM_BEGIN)
    k = j
    while k - j <= MAX_PEM_LABEL and (_upper(c := S.at(k)) or _digit(c) or c == " "):
        k += 1
    if k == j or k - j > MAX_PEM_LABEL or "PRIVATE KEY" not in S.t[j:k]:
        return -1
    for m in range(5):
        if S.at(k + m) != "-":
            return -1
    k += 5
    body = k
    last = k  # end of the last non-blank body character
    while k - body <= MAX_PEM_BODY:
        c = S.at(k)
        if c == "-":
            e = _pem_end(S, k)
            if e > 0:
                return e
        if not _pem_body(c):
            break
        k += 1
        if not (c == " " or c == "\t" or c == "\r" or c == "\n"):
            last = k
    # Unterminated: redact through the last body character so no key material stays in clear.
    return last


def _pem_end(S: _Scanner, k: int) -> int:
    for m, want in enumerate(_PEM_END):
        if S.at(k + m) != want:
            return -1
    j = k + len(_PEM_END)
    e = j
    while e - j <= MAX_PEM_LABEL and (_upper(c := S.at(e)) or _digit(c) or c == " "):
        e += 1
    if e == j or e - j > MAX_PEM_LABEL:
        return -1
    for m in range(5):
        if S.at(e + m) != "-":
            return -1
    return e + 5


def _secret(S: _Scanner, i: int, c: str) -> int:
    if c == "s":
        return _sk(S, i)
    if c == "A":
        e = _aws(S, i)
        return e if e >= 0 else _google(S, i)
    if c == "g":
        return _github(S, i)
    if c == "x":
        return _slack(S, i)
    if c == "e":
        return _jwt(S, i)
    return -1


# ---------------------------------------------------------------------------- the pass


def _check_text(text: str) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    m = _SURROGATE.search(text)
    if m is not None:
        # A lone surrogate cannot be encoded: fail closed instead of guessing (PII-16).
        raise ValueError(f"lone surrogate at offset {m.start()}")


def _scan(
    text: str, entities: int, start: int, last_end: int, partial: bool, hold_run: int
) -> tuple[list[tuple[int, int, int]], int]:
    _check_text(text)
    n = len(text)
    if start < 0 or start > n or last_end < 0 or last_end > start:
        raise ValueError("need 0 <= last_end <= start <= len(text)")
    S = _Scanner(text)
    spans: list[tuple[int, int, int]] = []
    stable = n
    first_last_end = last_end
    i = start
    while i < n:
        m = _TRIGGER.search(text, i)
        if m is None:
            break
        i = m.start()
        c = text[i]
        S.eof = False
        hold = i  # where an undecided candidate would begin
        e = -1
        s = i
        kind = -1
        if c == "@":
            if entities & (1 << EMAIL):
                hold = max(start, last_end, i - MAX_LOCAL)
                r = _email(S, i, last_end)
                if r is not None:
                    s, e = r
                    kind = EMAIL
        elif c == ":":
            if entities & (1 << IP):
                hold = max(start, last_end, i - 4)
                r = _ipv6(S, i, last_end)
                if r is not None:
                    s, e = r
                    kind = IP
        elif _digit(c):
            if _num_start(text, i):
                # The shape of the number (length of its first digit run, the character after
                # it) decides which matchers can apply; each test below is implied by the
                # matcher's own grammar, so it only saves work.
                j = i
                while j - i < 20 and _digit(S.at(j)):
                    j += 1
                g = j - i
                after = S.at(j)
                if entities & (1 << IP) and g <= 3 and after == ".":
                    e = _ipv4(S, i)
                    kind = IP
                if e < 0 and entities & (1 << SSN) and g == 3 and _sep(after):
                    e = _ssn(S, i)
                    kind = SSN
                if (
                    e < 0
                    and entities & (1 << CREDIT_CARD)
                    and (13 <= g <= 19 or g == 4 and (after == " " or after == "-") and _digit(S.at(j + 1)))
                ):
                    e = _card(S, i)
                    kind = CREDIT_CARD
                if e < 0 and entities & (1 << PHONE) and (g == 3 or g == 1 and c == "1") and _sep(after):
                    e = _nanp(S, i)
                    kind = PHONE
                if e < 0 and entities & (1 << SSN) and g == 9:
                    e = _ssn_keyword(S, i)
                    kind = SSN
                if e < 0 and entities & (1 << PHONE) and g == 10:
                    e = _phone_keyword(S, i)
                    kind = PHONE
        elif c == "+":
            if entities & (1 << PHONE):
                b = _before(text, i - 1)
                if not _word(b) and b != "+":
                    e = _phone_plus(S, i)
                    kind = PHONE
        elif c == "(":
            if entities & (1 << PHONE) and not _word(_before(text, i - 1)):
                e = _nanp(S, i)
                kind = PHONE
        elif c == "-":
            if entities & (1 << SECRET) and S.at(i + 1) == "-":
                e = _pem(S, i)
                kind = SECRET
        else:  # a letter: only at a word start
            b = _before(text, i - 1)
            if not _word(b):
                if entities & (1 << SECRET) and b != "-":
                    e = _secret(S, i, c)
                    kind = SECRET
                if e < 0 and entities & (1 << IBAN) and _upper(c):
                    e = _iban(S, i)
                    kind = IBAN
        if partial and S.eof and hold < stable:
            stable = hold
        if e >= 0:
            spans.append((s, e, kind))
            i = e
            last_end = e
        else:
            i += 1
    if partial:
        spans = [sp for sp in spans if sp[0] < stable]
        final_end = spans[-1][1] if spans else first_last_end
        # The trailing word could become an e-mail local part when an "@" arrives: keep it
        # undecided unless it is already longer than a local part may be. Like the e-mail
        # look-back, the run stops at the end of the last span.
        w = n
        while w > final_end and n - w <= hold_run and _local(text[w - 1]):
            w -= 1
        if n - w <= hold_run:
            hold = max(w, final_end, start)
            if hold < stable:
                stable = hold
        # Likewise up to 4 trailing hex digits could start an IPv6 address once a ":" arrives.
        w = n
        while w > final_end and n - w < 4 and _hex(text[w - 1]):
            w -= 1
        if w < n:
            hold = max(w, start)
            if hold < stable:
                stable = hold
    return spans, stable


def scan(text: str, entities: int = ALL, start: int = 0, last_end: int = 0) -> list[tuple[int, int, int]]:
    """Non-overlapping ``(start, end, entity_id)`` spans of the entity bitmask, in order.

    Scanning begins at ``start``; text before it is context only (word boundaries, keywords).
    ``last_end`` is where the last span found before ``start`` ended (e-mail and IPv6 never
    reach back past it). Raises ValueError on a lone surrogate.
    """
    return _scan(text, entities, start, last_end, False, MAX_LOCAL)[0]


def scan_partial(
    text: str, entities: int = ALL, start: int = 0, last_end: int = 0, hold_run: int = MAX_LOCAL
) -> tuple[list[tuple[int, int, int]], int]:
    """Like :func:`scan` for a text that may continue: ``(final spans, stable)``.

    Every span returned and all text before ``stable`` are final whatever is appended; the
    text from ``stable`` on must be rescanned once more arrives. ``hold_run`` bounds the
    trailing word kept undecided because it could still become an e-mail local part.
    """
    return _scan(text, entities, start, last_end, True, hold_run)


def apply(
    text: str,
    spans: list[tuple[int, int, int]],
    mode: int,
    labels: tuple[str, ...],
    mapping: dict[str, str] | None = None,
    counters: dict[str, int] | None = None,
) -> str:
    """Replace each span: MASK → ``[LABEL]``; PLACEHOLDER → ``[LABEL_n]``.

    Placeholders are numbered per label in order of first appearance; ``mapping`` (original →
    placeholder) and ``counters`` (label → last number) carry that state across calls of one
    request, so the same original always gets the same placeholder.
    """
    if mode != MASK and mode != PLACEHOLDER:
        raise ValueError(f"unknown mode {mode}")
    if mode == PLACEHOLDER and (mapping is None or counters is None):
        raise ValueError("PLACEHOLDER needs mapping and counters")
    out: list[str] = []
    pos = 0
    n = len(text)
    for s, e, k in spans:
        if s < pos or e < s or e > n:
            raise ValueError("spans must be sorted, non-overlapping and inside the text")
        label = labels[k]
        out.append(text[pos:s])
        if mode == MASK:
            out.append("[" + label + "]")
        else:
            assert mapping is not None and counters is not None
            original = text[s:e]
            ph = mapping.get(original)
            if ph is None:
                number = counters.get(label, 0) + 1
                counters[label] = number
                ph = "[" + label + "_" + str(number) + "]"
                mapping[original] = ph
            out.append(ph)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def apply_placeholders(
    text: str,
    spans: list[tuple[int, int, int]],
    labels: tuple[str, ...],
    mapping: dict[str, str],
    counters: dict[str, int],
) -> str:
    """``apply(text, spans, PLACEHOLDER, labels, mapping, counters)``."""
    return apply(text, spans, PLACEHOLDER, labels, mapping, counters)


class Masker:
    """Redacts whole strings for one configuration of built-in entities: built once, then called
    per string with the counts to add to (the request path's form of scan + apply).

    ``entities`` is the bitmask to scan for; ``labels`` and ``names`` give, per entity id, the
    label written into the text and the name counted (at least one per built-in entity).
    ``needles`` is a prefilter: a text containing none of these characters is returned as it is,
    unscanned, and never fails — the caller guarantees that every entity needs one of them.
    Texts shorter than ``scan_below`` are scanned without asking the prefilter first (when the
    scanner's own skip loop is as cheap); the answers are the same either way: a lone surrogate
    raises ValueError only in a text the prefilter lets through.
    """

    def __init__(self, entities: int, labels: tuple[str, ...], names: tuple[str, ...], needles: str,
                 scan_below: int = 0) -> None:
        if len(labels) < len(NAMES) or len(names) < len(NAMES):
            raise ValueError("labels and names need an entry per built-in entity")
        self.entities = entities & ALL
        self.labels = labels
        self.names = names
        self.needles = needles
        self.scan_below = scan_below

    def maybe(self, text: str) -> bool:
        """Does ``text`` contain one of the needles (the prefilter)?"""
        return any(c in text for c in self.needles)

    def mask(self, text: str, counts: dict[str, int]) -> str:
        """``text`` with every entity masked (``[LABEL]``), each one counted in ``counts`` under
        its name (after the text is redacted: a failure counts nothing); ``text`` itself when
        there is none."""
        return self._redact(text, counts, MASK, None, None)

    def placeholder(
        self, text: str, counts: dict[str, int], mapping: dict[str, str], counters: dict[str, int]
    ) -> str:
        """Like :meth:`mask` with ``apply``'s numbered placeholders (``mapping``, ``counters``)."""
        if mapping is None or counters is None:
            raise ValueError("PLACEHOLDER needs mapping and counters")
        return self._redact(text, counts, PLACEHOLDER, mapping, counters)

    def _redact(
        self,
        text: str,
        counts: dict[str, int],
        mode: int,
        mapping: dict[str, str] | None,
        counters: dict[str, int] | None,
    ) -> str:
        short = len(text) < self.scan_below
        if not short and not self.maybe(text):
            return text
        try:
            spans = scan(text, self.entities)
        except ValueError:
            if short and not self.maybe(text):
                return text
            raise
        if not spans:
            return text
        out = apply(text, spans, mode, self.labels, mapping, counters)
        for _, _, k in spans:
            name = self.names[k]
            counts[name] = counts.get(name, 0) + 1
        return out

    def chat(self, messages: list, counts: dict[str, int]) -> int:
        """Mask the ``messages`` of an OpenAI chat request in place, from the first one on, for as
        long as each message is of the common shape; returns ``2 * stop + changed``.

        A message is handled here when it is not a dict (skipped) or when it is a dict without
        ``tool_calls``/``function_call`` whose ``content`` is missing, None or a string: a non-empty
        string is replaced by ``mask(content, counts)`` when that differs. At the first other
        message — list content, tool calls, or a content whose ``mask`` raises — the walk stops
        with that message untouched and nothing counted for it: ``stop`` is its index (the caller
        redacts it and the rest its own way), ``len(messages)`` when every message was handled.
        ``changed`` (0/1) says whether a content was replaced. The caller's walk over the same
        messages, one ``mask`` per string in order, gives the same texts and counts.
        """
        changed = 0
        for i, m in enumerate(messages):
            if type(m) is not dict:
                continue
            if "tool_calls" in m or "function_call" in m:
                return 2 * i + changed
            c = m.get("content")
            if type(c) is str:
                if c:
                    try:
                        new = self._redact(c, counts, MASK, None, None)
                    except Exception:
                        return 2 * i + changed
                    if new != c:
                        m["content"] = new
                        changed = 1
            elif c is not None:
                return 2 * i + changed
        return 2 * len(messages) + changed


# ---------------------------------------------------------------------------- plain JSON
# A JSON text is "plain" when it is in a subset of RFC 8259 that every conforming parser (orjson
# included) accepts, and whose string values decode to exactly their bytes: no escapes at all, no
# control characters in strings, ASCII whitespace outside them, numbers of at most 20 integer, 40
# fraction and 2 exponent digits (so none overflows a double), nesting at most 64 deep. Anything
# else is "not plain" — which only means the caller has to parse it.

J_MAX_DEPTH = 64
J_MAX_INT_DIGITS = 20
J_MAX_FRAC_DIGITS = 40
J_MAX_EXP_DIGITS = 2
_J_WS = b" \t\n\r"
_J_DIGITS = b"0123456789"


def _j_ws(p: bytes, i: int) -> int:
    n = len(p)
    while i < n and p[i] in _J_WS:
        i += 1
    return i


def _j_string(p: bytes, i: int) -> int:
    """End of the escape-free string at ``p[i] == '"'`` (after its closing quote), or -1."""
    n = len(p)
    i += 1
    while i < n:
        c = p[i]
        if c == 0x22:
            return i + 1
        if c == 0x5C or c < 0x20:
            return -1
        i += 1
    return -1


def _j_digits(p: bytes, i: int) -> int:
    n = len(p)
    while i < n and p[i] in _J_DIGITS:
        i += 1
    return i


def _j_number(p: bytes, i: int) -> int:
    n = len(p)
    if p[i] == 0x2D:  # -
        i += 1
        if i >= n:
            return -1
    if p[i] == 0x30:  # a lone 0
        i += 1
    elif 0x31 <= p[i] <= 0x39:
        j = _j_digits(p, i)
        if j - i > J_MAX_INT_DIGITS:
            return -1
        i = j
    else:
        return -1
    if i < n and p[i] == 0x2E:  # .
        j = _j_digits(p, i + 1)
        if j == i + 1 or j - (i + 1) > J_MAX_FRAC_DIGITS:
            return -1
        i = j
    if i < n and p[i] in b"eE":
        i += 1
        if i < n and p[i] in b"+-":
            i += 1
        j = _j_digits(p, i)
        if j == i or j - i > J_MAX_EXP_DIGITS:
            return -1
        i = j
    return i


def _j_key(p: bytes, i: int, reject_key: bytes | None) -> int:
    """``"key" :`` and the whitespace after it, from ``i``; -1 if it is not there or is ``reject_key``."""
    if i >= len(p) or p[i] != 0x22:
        return -1
    e = _j_string(p, i)
    if e < 0 or reject_key is not None and p[i + 1:e - 1] == reject_key:
        return -1
    try:
        p[i + 1:e - 1].decode("utf-8")  # a key is not scanned, but it must decode
    except UnicodeDecodeError:
        return -1
    e = _j_ws(p, e)
    if e >= len(p) or p[e] != 0x3A:  # :
        return -1
    return _j_ws(p, e + 1)


def _plain_json_values(p: bytes, reject_key: bytes | None) -> list[tuple[int, int]] | None:
    """The byte ranges of the string values (not keys) of a plain JSON text, in order; None when
    ``p`` is not plain or an object in it has the key ``reject_key``. One pass, containers on a stack."""
    n = len(p)
    values: list[tuple[int, int]] = []
    stack: list[int] = []  # the opening byte of every open container
    i = _j_ws(p, 0)
    while True:
        # A value starts at i.
        if i >= n:
            return None
        c = p[i]
        if c == 0x7B or c == 0x5B:  # { [
            if len(stack) == J_MAX_DEPTH:
                return None
            stack.append(c)
            i = _j_ws(p, i + 1)
            if i < n and p[i] == c + 2:  # } ]: an empty container is a complete value
                stack.pop()
                i += 1
            else:
                if c == 0x7B:
                    i = _j_key(p, i, reject_key)
                    if i < 0:
                        return None
                continue
        elif c == 0x22:
            e = _j_string(p, i)
            if e >= 0:
                values.append((i + 1, e - 1))
            i = e
        elif c == 0x2D or 0x30 <= c <= 0x39:
            i = _j_number(p, i)
        elif c == 0x74:
            i = i + 4 if p[i:i + 4] == b"true" else -1
        elif c == 0x66:
            i = i + 5 if p[i:i + 5] == b"false" else -1
        elif c == 0x6E:
            i = i + 4 if p[i:i + 4] == b"null" else -1
        else:
            return None
        if i < 0:
            return None
        # After a value: close containers, or a comma and the next value (after its key).
        while True:
            i = _j_ws(p, i)
            if not stack:
                return values if i == n else None
            if i >= n:
                return None
            c = p[i]
            if c == stack[-1] + 2:
                stack.pop()
                i += 1
                continue
            if c != 0x2C:  # ,
                return None
            i = _j_ws(p, i + 1)
            if stack[-1] == 0x7B:
                i = _j_key(p, i, reject_key)
                if i < 0:
                    return None
            break


def clean_json(data: bytes, entities: int = ALL, reject_key: bytes | None = None) -> bool:
    """True when ``data`` is a plain JSON text (above) none of whose string values holds an entity
    of ``entities`` (each value scanned on its own, as the text it decodes to), and no object in
    it has the key ``reject_key`` (when given).

    A caller that would parse ``data`` and redact some of its string values may then keep the
    bytes as they are: the parse cannot fail and no redaction would change anything. False says
    nothing more than "parse it" (invalid UTF-8 in a value is False, too). Object keys and
    numbers are not scanned: ``reject_key`` names a key whose value the caller does not treat as
    one plain string (JSON-text tool arguments).
    """
    if not isinstance(data, bytes):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    values = _plain_json_values(data, reject_key)
    if values is None:
        return False
    for a, b in values:
        try:
            text = data[a:b].decode("utf-8")
        except UnicodeDecodeError:
            return False
        if scan(text, entities):
            return False
    return True
