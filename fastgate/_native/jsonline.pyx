# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""JSON-line kernel (compiled). The specification is the twin ``fastgate/_native/jsonline_py.py``.

``dumps_line(obj)`` returns ``orjson.dumps(obj, option=OPT_APPEND_NEWLINE)``. orjson is a
general serialiser and each call and each dict item pay for that (~2,000 instructions a call,
~280 an item). This writer knows the few exact types a log record holds (dict, list, tuple, str,
int, float, bool, None), writes them into one reused buffer and returns one bytes object of the
final size. Anything else makes it hand the whole object to orjson, so output and errors stay
orjson's by construction:

* str: an ASCII str's PEP 393 buffer as it is, any other str as its UTF-8 (the copy that
  ``PyUnicode_AsUTF8AndSize`` caches); scanned 8 bytes at a time for the bytes JSON escapes
  (``"``, ``\\``, below 0x20), escaped as orjson does (``\\b \\t \\n \\f \\r``, else ``\\u00xx``).
  A str with lone surrogates goes to orjson (which refuses it). A record has the same ~35 keys
  every time (code constants, interned), so ``"key":`` of an interned key is kept by the key's
  address (a strong reference is held, so no other object can get that address meanwhile).
* int: ``-2**63 <= v < 2**64`` in decimal; any other goes to orjson (which refuses it).
* float: orjson prints the shortest round-trip digits, in plain notation for
  ``1e-5 <= |x| < 1e16``. When ``x`` is the double nearest a decimal ``n / 10**k`` (``k`` = 10
  below 2**19, 6 below 2**33, where the ulp of ``x`` is below ``10**-k``), that decimal with its
  trailing zeros cut is the shortest: any shorter decimal differs from it by ``10**-k`` or more,
  more than the width of ``x``'s rounding interval. What ``round(t, 6)``, ``round(ms, 3)`` and
  ``round(usd, 10)`` give is written that way; any other float (0.0, -0.0, NaN, inf included)
  is written by orjson, that float alone.
* nesting deeper than 200 levels: orjson (which refuses it past its own limit).

``round_to(x, ndigits)`` returns ``round(x, ndigits)``. CPython rounds through a correctly
rounded dtoa/strtod pair (~3,500 instructions). For a float with ``|x| * 10**ndigits < 2**52`` the
result takes a few exact operations: with ``p = 10**ndigits``, ``y = fl(|x| * p)`` and the
residual ``e = fma(|x|, p, -y)``, ``|x| * p == y + e`` exactly, so the sign of
``(y - floor(y)) - 0.5 + e`` (each step exact or sign-preserving) picks the integer ``n`` — half to
even on an exact tie, as dtoa does — and ``n / p``, correctly rounded, is the double nearest the
decimal: what strtod returns. Any other argument goes to ``round``.
"""

from libc.string cimport memcpy

import builtins

import orjson

__all__ = ["SKIP", "dumps_line", "dumps_record", "record_dict", "round_to", "server_timing"]

cdef extern from *:
    """
    #include <math.h>
    #include <stdint.h>
    #include <string.h>

    #if defined(__GNUC__) || defined(__clang__)
    #define FG_LIKELY(x) __builtin_expect(!!(x), 1)
    #define FG_UNLIKELY(x) __builtin_expect(!!(x), 0)
    #else
    #define FG_LIKELY(x) (x)
    #define FG_UNLIKELY(x) (x)
    #endif

    /* The float code below needs every product rounded where it is written: no contraction of
       a * b + c into one FMA (which a compiler may do where the target has FMA). */
    #if defined(__clang__)
    #define FG_NOCONTRACT _Pragma("clang fp contract(off)")
    #define FG_NOCONTRACT_ATTR
    #elif defined(__GNUC__)
    #define FG_NOCONTRACT
    #define FG_NOCONTRACT_ATTR __attribute__((optimize("fp-contract=off")))
    #else
    #define FG_NOCONTRACT
    #define FG_NOCONTRACT_ATTR
    #endif

    static double fg_pow10[23];
    static const uint64_t fg_ipow10[11] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
                                           10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL};

    /* round(x, nd) for 0 <= nd <= 22, p = 10**nd (exact); also the integer n of the result
       n / p. *ok = 0 when |x| * p is not below 2**52, or x is NaN or infinite: the caller then
       asks Python's round. |x| * p == y + e exactly (e: the fma residual); y - f and the - 0.5
       are exact, so s has the sign of |x| * p - (f + 0.5): above, below or on the tie (then to
       even, as dtoa does). */
    static FG_NOCONTRACT_ATTR double fg_round_n(double x, double p, double *nout, int *ok) {
        FG_NOCONTRACT
        double ax = fabs(x);
        double y = ax * p;
        if (!(y < 4503599627370496.0)) { *ok = 0; return 0.0; }
        double e = fma(ax, p, -y);
        int64_t fi = (int64_t)y;          /* floor: y >= 0 */
        double f = (double)fi;
        double s = ((y - f) - 0.5) + e;
        if (s > 0.0 || (s == 0.0 && (fi & 1))) fi += 1;
        *ok = 1;
        *nout = (double)fi;
        return copysign((double)fi / p, x);
    }

    static double fg_round(double x, double p, int *ok) {
        double n;
        return fg_round_n(x, p, &n, ok);
    }

    /* n such that n / p == ax (ax is then the double nearest the decimal n / p), else -1. */
    static FG_NOCONTRACT_ATTR int64_t fg_decimal(double ax, double p) {
        FG_NOCONTRACT
        double y = ax * p + 0.5;
        int64_t n = (int64_t)y;
        if ((double)n / p == ax) return n;
        return -1;
    }

    /* ------------------------------------------------------------------ the writer */
    #define FG_MAX_DEPTH 200
    #define FG_KEY_MAX 48             /* longest cached "key": (copied as one fixed-size block) */
    #define FG_KEY_SETS 256           /* two ways each */
    #define FG_KEEP_CAP 262144        /* a buffer grown past this (a huge logged body) is freed after the call */
    #define FG_MAX_STR ((PY_SSIZE_T_MAX - 64) / 6)

    static char *fg_buf = NULL;
    static Py_ssize_t fg_len = 0, fg_cap = 0;
    static int fg_busy = 0;
    static PyObject *fg_float_dumps = NULL;  /* orjson.dumps: the digits of the floats not written here */
    static PyObject *fg_round_fn = NULL;     /* builtins.round: the roundings not done here */
    static unsigned char fg_esc[256];        /* 0: as it is; else the char after the backslash ('u': \\u00xx) */

    typedef struct { PyObject *key; Py_ssize_t len; char enc[FG_KEY_MAX]; } fg_keyent;
    static fg_keyent fg_keys[FG_KEY_SETS][2];

    static double fg_fixed_max[23];

    static void fg_init(PyObject *float_dumps, PyObject *round_fn) {
        int i, e;
        double p = 1.0;
        for (i = 0; i < 23; i++) {
            fg_pow10[i] = p;  /* exact up to 1e22 */
            /* the largest power of two 2**e whose binade [2**(e-1), 2**e) has an ulp (2**(e-53))
               below 10**-i: below it, n / 10**i has no shorter decimal than its own digits */
            for (e = 53; e > -1000 && ldexp(1.0, e - 53) * p >= 1.0; e--) {}
            fg_fixed_max[i] = ldexp(1.0, e);
            p *= 10.0;
        }
        memset(fg_esc, 0, sizeof(fg_esc));
        for (i = 0; i < 0x20; i++) fg_esc[i] = 'u';
        fg_esc['\\b'] = 'b'; fg_esc['\\t'] = 't'; fg_esc['\\n'] = 'n'; fg_esc['\\f'] = 'f'; fg_esc['\\r'] = 'r';
        fg_esc['"'] = '"'; fg_esc['\\\\'] = '\\\\';
        memset(fg_keys, 0, sizeof(fg_keys));
        Py_INCREF(float_dumps);
        fg_float_dumps = float_dumps;
        Py_INCREF(round_fn);
        fg_round_fn = round_fn;
    }

    #if defined(__GNUC__) || defined(__clang__)
    #define FG_NOINLINE __attribute__((noinline))
    #else
    #define FG_NOINLINE
    #endif

    static FG_NOINLINE int fg_grow(Py_ssize_t need) {
        Py_ssize_t cap = fg_cap ? fg_cap * 2 : 4096;
        while (cap < need) cap *= 2;
        char *p = (char *)PyMem_Realloc(fg_buf, (size_t)cap);
        if (p == NULL) { PyErr_NoMemory(); return -1; }
        fg_buf = p;
        fg_cap = cap;
        return 0;
    }

    #define FG_RESERVE(n) do { \\
        if (FG_UNLIKELY(fg_len + (Py_ssize_t)(n) > fg_cap) && fg_grow(fg_len + (Py_ssize_t)(n)) < 0) return -1; \\
    } while (0)

    static inline uint64_t fg_load8(const unsigned char *p) { uint64_t w; memcpy(&w, p, 8); return w; }

    /* memcpy for the short runs a record is made of: fixed-size moves (overlapping when needed)
       instead of a libc call; never reads outside [src, src + n). */
    static inline void fg_copy(char *dst, const void *src_, Py_ssize_t n) {
        const char *src = (const char *)src_;
        if (n >= 8) {
            if (n <= 16) {
                memcpy(dst, src, 8);
                memcpy(dst + n - 8, src + n - 8, 8);
            } else {
                memcpy(dst, src, (size_t)n);
            }
        } else if (n >= 4) {
            memcpy(dst, src, 4);
            memcpy(dst + n - 4, src + n - 4, 4);
        } else {
            while (n-- > 0) *dst++ = *src++;
        }
    }

    /* Nonzero when a byte of w is '"', '\\\\' or below 0x20 (false positives only beside a true one). */
    static inline uint64_t fg_special8(uint64_t w) {
        const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
        uint64_t q = w ^ 0x2222222222222222ULL, b = w ^ 0x5C5C5C5C5C5C5C5CULL;
        return ((w - 0x20 * ones) | (q - ones) | (b - ones)) & ~w & high;
    }

    /* Return codes of the writers: 0 written, -1 error (exception set), 1 not for this writer. */

    /* The rest of a str from its first byte to escape, d[i] (the head was checked clean). */
    static FG_NOINLINE int fg_w_str_escaped(const unsigned char *d, Py_ssize_t n, Py_ssize_t i) {
        char *out;
        FG_RESERVE(6 * n + 2);
        out = fg_buf + fg_len;
        *out++ = '"';
        memcpy(out, d, (size_t)i);
        out += i;
        for (; i < n; i++) {
            unsigned char c = d[i], e = fg_esc[c];
            if (!e) {
                *out++ = (char)c;
            } else if (e == 'u') {
                out[0] = '\\\\'; out[1] = 'u'; out[2] = '0'; out[3] = '0';
                out[4] = "0123456789abcdef"[c >> 4];
                out[5] = "0123456789abcdef"[c & 15];
                out += 6;
            } else {
                out[0] = '\\\\';
                out[1] = (char)e;
                out += 2;
            }
        }
        *out++ = '"';
        fg_len = out - fg_buf;
        return 0;
    }

    static FG_NOINLINE int fg_w_str_utf8(PyObject *s) {
        const unsigned char *d;
        Py_ssize_t n, i = 0;
        d = (const unsigned char *)PyUnicode_AsUTF8AndSize(s, &n);
        if (d == NULL) { PyErr_Clear(); return 1; }  /* lone surrogates: orjson's error */
        if (n > FG_MAX_STR) return 1;
        while (i < n && !fg_esc[d[i]]) i++;
        if (i == n) {
            FG_RESERVE(n + 2);
            fg_buf[fg_len] = '"';
            memcpy(fg_buf + fg_len + 1, d, (size_t)n);
            fg_buf[fg_len + n + 1] = '"';
            fg_len += n + 2;
            return 0;
        }
        return fg_w_str_escaped(d, n, i);
    }

    static inline int fg_w_str(PyObject *s) {
        const unsigned char *d;
        Py_ssize_t n, i = 0;
        char *out;
        if (FG_UNLIKELY(!PyUnicode_IS_COMPACT_ASCII(s))) return fg_w_str_utf8(s);
        d = (const unsigned char *)PyUnicode_DATA(s);
        n = PyUnicode_GET_LENGTH(s);
        while (i + 8 <= n && !fg_special8(fg_load8(d + i))) i += 8;
        while (i < n && !fg_esc[d[i]]) i++;
        if (FG_UNLIKELY(i != n)) return n > FG_MAX_STR ? 1 : fg_w_str_escaped(d, n, i);
        FG_RESERVE(n + 2);
        out = fg_buf + fg_len;
        out[0] = '"';
        fg_copy(out + 1, d, n);
        out[n + 1] = '"';
        fg_len += n + 2;
        return 0;
    }

    /* "key": of a str key; interned keys are cached by address (with a reference held). */
    static int fg_w_key(PyObject *k) {
        fg_keyent *set = fg_keys[((uintptr_t)k >> 4) & (FG_KEY_SETS - 1)];
        fg_keyent *e;
        Py_ssize_t start, n;
        int r;
        if (FG_LIKELY(set[0].key == k)) e = &set[0];
        else if (set[1].key == k) e = &set[1];
        else e = NULL;
        if (FG_LIKELY(e != NULL)) {
            FG_RESERVE(FG_KEY_MAX);
            memcpy(fg_buf + fg_len, e->enc, FG_KEY_MAX);  /* fixed size: a few moves, no call */
            fg_len += e->len;
            return 0;
        }
        start = fg_len;
        if ((r = fg_w_str(k)) != 0) return r;
        FG_RESERVE(1);
        fg_buf[fg_len++] = ':';
        n = fg_len - start;
        if (n <= FG_KEY_MAX && PyUnicode_CHECK_INTERNED(k)) {
            /* the new key goes to way 0; what was there moves to way 1 (and way 1's is dropped) */
            PyObject *dropped = set[1].key;
            set[1] = set[0];
            Py_INCREF(k);
            set[0].key = k;
            set[0].len = n;
            memcpy(set[0].enc, fg_buf + start, (size_t)n);
            Py_XDECREF(dropped);
        }
        return 0;
    }

    static const char fg_digits2[201] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";

    static inline void fg_put_uint(uint64_t v) {  /* room (24 bytes) reserved by the caller */
        char tmp[24];
        int k = 24;
        while (v >= 100) {
            unsigned r = (unsigned)(v % 100);
            v /= 100;
            k -= 2;
            memcpy(tmp + k, fg_digits2 + 2 * r, 2);
        }
        if (v >= 10) {
            k -= 2;
            memcpy(tmp + k, fg_digits2 + 2 * v, 2);
        } else {
            tmp[--k] = (char)('0' + v);
        }
        fg_copy(fg_buf + fg_len, tmp + k, 24 - k);
        fg_len += 24 - k;
    }

    static int fg_w_int(PyObject *o) {
        int overflow = 0;
        long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (FG_UNLIKELY(v == -1 && PyErr_Occurred())) return -1;
        FG_RESERVE(24);
        if (FG_LIKELY(overflow == 0)) {
            if (v < 0) {
                fg_buf[fg_len++] = '-';
                fg_put_uint((uint64_t)0 - (uint64_t)v);
            } else {
                fg_put_uint((uint64_t)v);
            }
            return 0;
        }
        if (overflow > 0) {
            unsigned long long u = PyLong_AsUnsignedLongLong(o);
            if (u == (unsigned long long)-1 && PyErr_Occurred()) { PyErr_Clear(); return 1; }  /* past 64 bits */
            fg_put_uint((uint64_t)u);
            return 0;
        }
        return 1;
    }

    static int fg_w(PyObject *o, int depth);

    static FG_NOINLINE int fg_w_float_orjson(PyObject *o) {  /* orjson's digits for this one */
        PyObject *b = PyObject_CallOneArg(fg_float_dumps, o);
        if (b == NULL) return -1;
        Py_ssize_t bn = PyBytes_GET_SIZE(b);
        if (fg_len + bn > fg_cap && fg_grow(fg_len + bn) < 0) { Py_DECREF(b); return -1; }
        memcpy(fg_buf + fg_len, PyBytes_AS_STRING(b), (size_t)bn);
        fg_len += bn;
        Py_DECREF(b);
        return 0;
    }

    /* n / 10**k (k <= 10) in plain notation, trailing zeros cut ("12.5", "3.0"), after a '-' when neg. */
    static int fg_put_fixed(uint64_t n, int k, int neg) {
        FG_RESERVE(48);
        if (neg) fg_buf[fg_len++] = '-';
        uint64_t div = fg_ipow10[k], ip = n / div, fp = n % div;
        fg_put_uint(ip);
        char *out = fg_buf + fg_len;
        out[0] = '.';
        if (fp == 0) {
            out[1] = '0';
            fg_len += 2;
            return 0;
        }
        /* cut trailing zeros */
        if (fp % 100000 == 0) { fp /= 100000; k -= 5; }
        if (fp % 100 == 0) { fp /= 100; k -= 2; }
        if (fp % 100 == 0) { fp /= 100; k -= 2; }
        if (fp % 10 == 0) { fp /= 10; k -= 1; }
        fg_len += 1 + k;
        for (; k >= 2; k -= 2) {
            unsigned r = (unsigned)(fp % 100);
            fp /= 100;
            memcpy(out + k - 1, fg_digits2 + 2 * r, 2);
        }
        if (k) out[1] = (char)('0' + fp);
        return 0;
    }

    /* A float, from its object o (NULL: made from x if orjson has to write it). */
    static int fg_w_double(double x, PyObject *o) {
        double ax = fabs(x);
        int k = 0;
        int64_t n = -1;
        if (ax >= 1e-5) {
            if (ax < 524288.0) k = 10;           /* 2**19: ulp < 1e-10 */
            else if (ax < 8589934592.0) k = 6;   /* 2**33: ulp < 1e-6 */
            if (k) n = fg_decimal(ax, fg_pow10[k]);
        }
        if (n >= 0) return fg_put_fixed((uint64_t)n, k, x < 0.0);
        if (o != NULL) return fg_w_float_orjson(o);
        o = PyFloat_FromDouble(x);
        if (o == NULL) return -1;
        int r = fg_w_float_orjson(o);
        Py_DECREF(o);
        return r;
    }

    static inline int fg_w_float(PyObject *o) { return fg_w_double(PyFloat_AS_DOUBLE(o), o); }

    /* round(v, nd) written, nd in [0, 22]: from the integer n of round(x, nd) = n / 10**nd when x
       is a float that rounds here and n / 10**nd is written in plain notation with the digits of
       n (its ulp below 10**-nd: |x| < fg_fixed_max[nd]); else round's result, written as any value
       (nd 23: a digits value round() is left to make sense of). */
    static int fg_w_rounded(PyObject *v, int nd, PyObject *ndobj) {
        if (FG_LIKELY(nd <= 22 && Py_TYPE(v) == &PyFloat_Type)) {
            double x = PyFloat_AS_DOUBLE(v), n;
            int ok = 0;
            double r = fg_round_n(x, fg_pow10[nd], &n, &ok);
            if (FG_LIKELY(ok)) {
                if (n == 0.0) {
                    FG_RESERVE(4);
                    if (signbit(r)) fg_buf[fg_len++] = '-';
                    memcpy(fg_buf + fg_len, "0.0", 3);
                    fg_len += 3;
                    return 0;
                }
                if (nd <= 10 && fabs(r) < fg_fixed_max[nd] && fabs(r) >= 1e-5)  /* fg_put_fixed: k <= 10 */
                    return fg_put_fixed((uint64_t)n, nd, r < 0.0);
                return fg_w_double(r, NULL);
            }
        }
        PyObject *rv = PyObject_CallFunctionObjArgs(fg_round_fn, v, ndobj, NULL);
        if (rv == NULL) return -1;
        int res = fg_w(rv, 1);
        Py_DECREF(rv);
        return res;
    }

    /* A scalar (str, int, float, None, bool) inline; 2 when o is something else. */
    static inline int fg_w_scalar(PyObject *o) {
        PyTypeObject *t = Py_TYPE(o);
        if (t == &PyUnicode_Type) return fg_w_str(o);
        if (t == &PyLong_Type) return fg_w_int(o);
        if (t == &PyFloat_Type) return fg_w_float(o);
        if (o == Py_None) { FG_RESERVE(4); memcpy(fg_buf + fg_len, "null", 4); fg_len += 4; return 0; }
        if (o == Py_True) { FG_RESERVE(4); memcpy(fg_buf + fg_len, "true", 4); fg_len += 4; return 0; }
        if (o == Py_False) { FG_RESERVE(5); memcpy(fg_buf + fg_len, "false", 5); fg_len += 5; return 0; }
        return 2;
    }

    static int fg_w_item(PyObject *v, int depth) {
        int r = fg_w_scalar(v);
        if (FG_LIKELY(r != 2)) return r;
        Py_INCREF(v);  /* a container is held while it is written */
        r = fg_w(v, depth);
        Py_DECREF(v);
        return r;
    }

    static int fg_w(PyObject *o, int depth) {
        PyTypeObject *t = Py_TYPE(o);
        int r = fg_w_scalar(o);
        if (r != 2) return r;
        if (depth >= FG_MAX_DEPTH) return 1;
        if (t == &PyDict_Type) {
            Py_ssize_t pos = 0;
            PyObject *k, *v;
            int first = 1;
            FG_RESERVE(1);
            fg_buf[fg_len++] = '{';
            while (PyDict_Next(o, &pos, &k, &v)) {
                if (FG_UNLIKELY(Py_TYPE(k) != &PyUnicode_Type)) return 1;
                if (!first) { FG_RESERVE(1); fg_buf[fg_len++] = ','; }
                first = 0;
                if ((r = fg_w_key(k)) != 0) return r;
                if ((r = fg_w_item(v, depth + 1)) != 0) return r;
            }
            FG_RESERVE(1);
            fg_buf[fg_len++] = '}';
            return 0;
        }
        if (t == &PyList_Type || t == &PyTuple_Type) {
            Py_ssize_t i;
            FG_RESERVE(1);
            fg_buf[fg_len++] = '[';
            for (i = 0; i < Py_SIZE(o); i++) {  /* a list's size is read again at each step */
                PyObject *v = t == &PyList_Type ? PyList_GET_ITEM(o, i) : PyTuple_GET_ITEM(o, i);
                if (i) { FG_RESERVE(1); fg_buf[fg_len++] = ','; }
                if ((r = fg_w_item(v, depth + 1)) != 0) return r;
            }
            FG_RESERVE(1);
            fg_buf[fg_len++] = ']';
            return 0;
        }
        return 1;
    }

    /* ------------------------------------------------------------------ records */
    /* The (names, digits) tuples last seen (held, so their addresses stay their own): each
       field's rounding (-1 none, 0..22 done here, 23 left to round()), the names' hashes and a
       1024-bit filter of them, so that telling an extra key from every name mostly takes one
       bit test. Names that are not at most FG_NAMES_MAX distinct exact str, or digits of another
       length, are never written here (fg_names_ok = 0: the twin does it). */
    #define FG_NAMES_MAX 64
    static PyObject *fg_names = NULL, *fg_digits = NULL;
    static int fg_names_ok = 0;
    static uint64_t fg_names_bits[16];
    static Py_hash_t fg_names_hash[FG_NAMES_MAX];
    static signed char fg_nd[FG_NAMES_MAX];
    /* ',"name":' of each name (FG_NAME_ENC bytes copied at a time; len -1: too long, written as
       any key) */
    #define FG_NAME_ENC 48
    static char fg_name_enc[FG_NAMES_MAX][FG_NAME_ENC + 1];
    static signed char fg_name_len[FG_NAMES_MAX];

    static int fg_names_set(PyObject *names, PyObject *digits) {
        uint64_t bits[16];
        Py_hash_t hashes[FG_NAMES_MAX];
        signed char nds[FG_NAMES_MAX];
        Py_ssize_t i, j, n = PyTuple_GET_SIZE(names);
        int ok = n <= FG_NAMES_MAX && (digits == Py_None || PyTuple_GET_SIZE(digits) == n);
        memset(bits, 0, sizeof(bits));
        for (i = 0; i < n && ok; i++) {
            PyObject *k = PyTuple_GET_ITEM(names, i);
            if (Py_TYPE(k) != &PyUnicode_Type) { ok = 0; break; }
            Py_hash_t h = PyObject_Hash(k);
            if (h == -1) return -1;
            hashes[i] = h;
            bits[((uint64_t)h >> 6) & 15] |= 1ULL << ((uint64_t)h & 63);
            for (j = 0; j < i; j++) {
                int eq = PyUnicode_Compare(PyTuple_GET_ITEM(names, j), k);
                if (eq == -1 && PyErr_Occurred()) return -1;
                if (eq == 0) { ok = 0; break; }
            }
            nds[i] = -1;
            if (digits != Py_None) {
                PyObject *d = PyTuple_GET_ITEM(digits, i);
                if (d != Py_None) {
                    int overflow = 0;
                    long long nd = Py_TYPE(d) == &PyLong_Type ? PyLong_AsLongLongAndOverflow(d, &overflow) : -1;
                    nds[i] = (Py_TYPE(d) == &PyLong_Type && !overflow && nd >= 0 && nd <= 22) ? (signed char)nd : 23;
                }
            }
        }
        /* the cache is forgotten first: an error below leaves none */
        Py_CLEAR(fg_names);
        Py_CLEAR(fg_digits);
        fg_names_ok = 0;
        if (ok) {
            /* the names written once, into the (empty) buffer, and kept */
            for (i = 0; i < n; i++) {
                int r;
                fg_len = 0;
                FG_RESERVE(1);
                fg_buf[fg_len++] = ',';
                if ((r = fg_w_str(PyTuple_GET_ITEM(names, i))) < 0) return -1;
                FG_RESERVE(1);
                fg_buf[fg_len++] = ':';
                if (r == 0 && fg_len <= FG_NAME_ENC) {
                    memcpy(fg_name_enc[i], fg_buf, (size_t)fg_len);
                    fg_name_len[i] = (signed char)fg_len;
                } else {
                    fg_name_len[i] = -1;
                }
            }
            fg_len = 0;
            memcpy(fg_names_hash, hashes, (size_t)n * sizeof(Py_hash_t));
            memcpy(fg_nd, nds, (size_t)n);
        }
        memcpy(fg_names_bits, bits, sizeof(bits));
        Py_INCREF(names);
        fg_names = names;
        Py_INCREF(digits);
        fg_digits = digits;
        fg_names_ok = ok;
        return 0;
    }

    /* 1 when the str k equals one of the names (fg_names), 0 when not, -1 on error. */
    static int fg_is_name(PyObject *k) {
        Py_hash_t h = PyObject_Hash(k);
        Py_ssize_t i, n;
        if (h == -1) return -1;
        if (FG_LIKELY(!(fg_names_bits[((uint64_t)h >> 6) & 15] & (1ULL << ((uint64_t)h & 63))))) return 0;
        n = PyTuple_GET_SIZE(fg_names);
        for (i = 0; i < n; i++) {
            if (fg_names_hash[i] != h) continue;
            PyObject *name = PyTuple_GET_ITEM(fg_names, i);
            if (name == k) return 1;
            int eq = PyUnicode_Compare(name, k);
            if (eq == -1 && PyErr_Occurred()) return -1;
            if (eq == 0) return 1;
        }
        return 0;
    }

    static int fg_w_record(PyObject *names, PyObject *values, PyObject *extra, PyObject *digits, PyObject *skip) {
        Py_ssize_t i, n = PyTuple_GET_SIZE(names), pos = 0;
        PyObject *k, *v;
        int r, first = 1;
        if ((names != fg_names || digits != fg_digits) && fg_names_set(names, digits) < 0) return -1;
        if (!fg_names_ok) return 1;
        FG_RESERVE(1);
        fg_buf[fg_len++] = '{';
        for (i = 0; i < n; i++) {
            v = PyTuple_GET_ITEM(values, i);
            if (v == skip) continue;
            if (FG_LIKELY(fg_name_len[i] > 0)) {
                FG_RESERVE(FG_NAME_ENC);
                memcpy(fg_buf + fg_len, fg_name_enc[i] + first, FG_NAME_ENC);  /* first: without the ',' */
                fg_len += fg_name_len[i] - first;
            } else {
                if (!first) { FG_RESERVE(1); fg_buf[fg_len++] = ','; }
                if ((r = fg_w_key(PyTuple_GET_ITEM(names, i))) != 0) return r;
            }
            first = 0;
            int nd = fg_nd[i];
            if (nd < 0) r = fg_w_item(v, 1);
            else r = fg_w_rounded(v, nd, PyTuple_GET_ITEM(digits, i));
            if (r != 0) return r;
        }
        if (extra != Py_None) {
            while (PyDict_Next(extra, &pos, &k, &v)) {
                Py_UCS4 c0;
                if (Py_TYPE(k) != &PyUnicode_Type || PyUnicode_GET_LENGTH(k) == 0) return 1;
                if (PyUnicode_IS_COMPACT_ASCII(k)) {
                    c0 = ((const unsigned char *)PyUnicode_DATA(k))[0];
                } else {
                    c0 = PyUnicode_ReadChar(k, 0);
                    if (c0 == (Py_UCS4)-1 && PyErr_Occurred()) return -1;
                }
                if (c0 == '_') continue;
                if ((r = fg_is_name(k)) != 0) return r;  /* 1: it replaces a named field's value */
                if (!first) { FG_RESERVE(1); fg_buf[fg_len++] = ','; }
                first = 0;
                if ((r = fg_w_key(k)) != 0) return r;
                if ((r = fg_w_item(v, 1)) != 0) return r;
            }
        }
        FG_RESERVE(1);
        fg_buf[fg_len++] = '}';
        return 0;
    }

    /* After a write (r: 0 written, -1 error, 1 not for this writer): the line as a new bytes
       object; NULL with the exception set; or a new reference to None (the caller delegates). */
    static PyObject *fg_finish(int r) {
        PyObject *res;
        if (r == 0) {
            if (fg_len + 1 > fg_cap && fg_grow(fg_len + 1) < 0) r = -1;
            else fg_buf[fg_len++] = '\\n';
        }
        if (r == 0) res = PyBytes_FromStringAndSize(fg_buf, fg_len);
        else if (r < 0) res = NULL;
        else { Py_INCREF(Py_None); res = Py_None; }
        if (fg_cap > FG_KEEP_CAP) {
            PyMem_Free(fg_buf);
            fg_buf = NULL;
            fg_cap = 0;
        }
        fg_busy = 0;
        return res;
    }

    static PyObject *fg_dumps_line(PyObject *obj) {
        if (fg_busy) { Py_INCREF(Py_None); return Py_None; }
        fg_busy = 1;
        fg_len = 0;
        return fg_finish(fg_w(obj, 0));
    }

    static PyObject *fg_dumps_record(PyObject *names, PyObject *values, PyObject *extra, PyObject *digits,
                                     PyObject *skip) {
        if (fg_busy || !PyTuple_CheckExact(names) || !PyTuple_CheckExact(values)
                || PyTuple_GET_SIZE(names) != PyTuple_GET_SIZE(values)
                || (extra != Py_None && !PyDict_CheckExact(extra))
                || (digits != Py_None && !PyTuple_CheckExact(digits))) {
            Py_INCREF(Py_None);
            return Py_None;
        }
        fg_busy = 1;
        fg_len = 0;
        return fg_finish(fg_w_record(names, values, extra, digits, skip));
    }
    """
    void fg_init(object float_dumps, object round_fn)
    object fg_dumps_line(object obj)
    object fg_dumps_record(object names, object values, object extra, object digits, object skip)
    double fg_round(double x, double p, int* ok) noexcept
    double fg_round_n(double x, double p, double* nout, int* ok) noexcept
    double* fg_pow10

cdef extern from "<math.h>":
    int signbit(double x) noexcept

cdef extern from "Python.h":
    double PyFloat_AS_DOUBLE(object o)
    object PyUnicode_FromStringAndSize(const char* s, Py_ssize_t n)
    object PyFloat_FromDouble(double v)
    long long PyLong_AsLongLongAndOverflow(object o, int* overflow) except? -1

from fastgate._native import jsonline_py as _twin

SKIP = _twin.SKIP
record_dict = _twin.record_dict

cdef object _SKIP = _twin.SKIP
cdef object _twin_dumps_record = _twin.dumps_record
cdef object _orjson_dumps = orjson.dumps
cdef object _OPT = orjson.OPT_APPEND_NEWLINE
cdef object _round = builtins.round

fg_init(orjson.dumps, builtins.round)


def dumps_line(obj):
    """``orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE)``."""
    r = fg_dumps_line(obj)
    if r is None:
        return _orjson_dumps(obj, option=_OPT)
    return r


def dumps_record(names, values, extra, digits=None):
    """``orjson.dumps(record_dict(names, values, extra, digits), option=orjson.OPT_APPEND_NEWLINE)``."""
    r = fg_dumps_record(names, values, extra, digits, _SKIP)
    if r is None:
        return _twin_dumps_record(names, values, extra, digits)
    return r


def round_to(x, ndigits):
    """``round(x, ndigits)``."""
    cdef int ok = 0, overflow = 0
    cdef long long nd
    cdef double r
    if type(x) is float and type(ndigits) is int:
        nd = PyLong_AsLongLongAndOverflow(ndigits, &overflow)
        if overflow == 0 and 0 <= nd <= 22:
            r = fg_round(PyFloat_AS_DOUBLE(x), fg_pow10[nd], &ok)
            if ok:
                return PyFloat_FromDouble(r)
    return _round(x, ndigits)


cdef Py_ssize_t _fixed3(char* out, double x) noexcept:
    """``format(x, ".3f")`` into ``out`` (its length), or -1 where fg_round_n declines
    (|x| * 1000 not below 2**52, NaN, inf): the n of round(x, 3) == n / 1000, its sign from x."""
    cdef int ok = 0
    cdef double nd = 0.0
    cdef unsigned long long n, ip
    cdef char tmp[24]
    cdef Py_ssize_t i = 0, k = 0
    fg_round_n(x, 1000.0, &nd, &ok)
    if not ok:
        return -1
    n = <unsigned long long>nd
    if signbit(x):
        out[0] = 45  # '-' (also of -0.0 and of what rounds to it: format keeps the sign)
        i = 1
    ip = n // 1000
    while True:
        tmp[k] = <char>(48 + ip % 10)
        k += 1
        ip //= 10
        if ip == 0:
            break
    while k > 0:
        k -= 1
        out[i] = tmp[k]
        i += 1
    n = n % 1000
    out[i] = 46  # '.'
    out[i + 1] = <char>(48 + n // 100)
    out[i + 2] = <char>(48 + (n // 10) % 10)
    out[i + 3] = <char>(48 + n % 10)
    return i + 4


def server_timing(gateway_ms, upstream_ms):
    """``f"gateway;dur={gateway_ms:.3f}, upstream;dur={upstream_ms:.3f}"``."""
    cdef char buf[96]
    cdef Py_ssize_t a, b
    if type(gateway_ms) is float and type(upstream_ms) is float:
        memcpy(buf, b"gateway;dur=", 12)
        a = _fixed3(buf + 12, PyFloat_AS_DOUBLE(gateway_ms))
        if a >= 0:
            memcpy(buf + 12 + a, b", upstream;dur=", 15)
            b = _fixed3(buf + 27 + a, PyFloat_AS_DOUBLE(upstream_ms))
            if b >= 0:
                return PyUnicode_FromStringAndSize(buf, 27 + a + b)
    return f"gateway;dur={gateway_ms:.3f}, upstream;dur={upstream_ms:.3f}"
