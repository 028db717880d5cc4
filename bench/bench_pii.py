"""PII redaction throughput: compiled kernel vs pure twin vs Python ``re`` (and re2/hyperscan).

    python bench/bench_pii.py [--quick] [--wall]

Texts are built at 1 KB, 10 KB and 100 KB from two committed bases (tests/data/pii/):
"prose" is hand-written English prose (prose.txt); "chat" is the labelled corpus with every
entity replaced by a plain word, so its hard-negative clauses remain — dates, times, versions,
order numbers, UUIDs: a number every ~25 characters, a hard case for any scanner. "+1% PII"
puts one real entity from the corpus back every ~100 words (perf-baseline.md: 16 per 10 KB).
Each engine redacts the whole text to ``[LABEL]`` masks:

* ``compiled``: ``Redactor.redact`` over the Cython kernel (scan + apply), and ``scan`` alone;
* ``twin``: the same over the pure-Python twin;
* ``re``: one alternation of reasonable per-entity regexes, ``sub`` with a callable (no
  validation); ``re tuned``: ASCII-only, anchored, numbers merged into one branch (best case);
* ``re2`` / ``hyperscan``: the same patterns, when the modules are importable.

Times are per-thread CPU time (best of several rounds), so a busy shared machine slows the
numbers less than wall-clock would; ``--wall`` uses ``time.perf_counter``. MB/s counts UTF-8
bytes. Not a test: it prints numbers.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import re
import sys
import time
from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fastgate._native import compiled, twin  # noqa: E402
from fastgate.pii import Redactor  # noqa: E402

DATA = ROOT / "tests" / "data" / "pii" / "corpus.jsonl"
PROSE = ROOT / "tests" / "data" / "pii" / "prose.txt"
FILLER = ["someone", "the team", "our office", "that account", "it", "the customer"]

# A reasonable single-alternation baseline (what a gateway would write with re).
PATTERNS = {
    "EMAIL": r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
    "CREDIT_CARD": r"\b(?:\d[ -]?){12,18}\d\b",
    "SSN": r"\b\d{3}[- .]\d{2}[- .]\d{4}\b",
    "PHONE": r"(?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b",
    "IP": r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b"
    r"|\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\b|\b(?:[0-9A-Fa-f]{1,4}:){1,6}:[0-9A-Fa-f]{1,4}\b",
    "IBAN": r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b",
    "SECRET": r"\bsk-[A-Za-z0-9_-]{20,}|\bA(?:KIA|SIA)[A-Z0-9]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36}\b"
    r"|\bxox[baprs]-[A-Za-z0-9-]{10,}|\bAIza[A-Za-z0-9_-]{35}|\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----",
}
ALTERNATION = "|".join(f"(?P<{name}>{rx})" for name, rx in PATTERNS.items())
# The same job tuned for re: ASCII classes, anchored branches, all numbers in one branch
# (a callback would classify them). Faster, less precise: the best case for a regex gateway.
TUNED = {
    "EMAIL": r"\b[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
    "SECRET": r"\b(?:sk-[A-Za-z0-9_-]{20,}|A(?:KIA|SIA)[A-Z0-9]{16}\b|gh[pousr]_[A-Za-z0-9]{36}\b|github_pat_\w{22,}"
    r"|xox[baprs]-[A-Za-z0-9-]{10,}|AIza[A-Za-z0-9_-]{35}|eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----",
    "IBAN": r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b",
    "NUMBER": r"(?:\+|\()?\d[\d .()-]{6,22}\d\b",
    "IP": r"\b[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}\b",
}
TUNED_ALTERNATION = "|".join(f"(?P<{name}>{rx})" for name, rx in TUNED.items())


def corpus() -> tuple[list[str], list[str]]:
    """(clean sentences, entity values) from the labelled corpus."""
    rng = random.Random(1)
    clean, values = [], []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text, pos, out = row["text"], 0, []
        for s, e, _ in row["spans"]:
            out += [text[pos:s], rng.choice(FILLER)]
            values.append(text[s:e])
            pos = e
        out.append(text[pos:])
        clean.append("".join(out))
    return clean, values


def build(size: int, pii: bool, clean: list[str], values: list[str], seed: int) -> tuple[str, int]:
    """~``size`` UTF-8 bytes of text; with ``pii``, one entity per ~100 words."""
    rng = random.Random(seed)
    out, n, words, count = [], 0, 0, 0
    while n < size:
        s = rng.choice(clean)
        if pii and words >= 100:
            v = rng.choice([v for v in values if "\n" not in v] if rng.random() < 0.97 else values)
            s = f"{s} Also {v} here."
            words, count = 0, count + 1
        out.append(s)
        n += len(s.encode()) + 1
        words += s.count(" ") + 1
    text = " ".join(out)
    while len(text.encode()) > size:  # cut at a space, never inside an entity
        text = text[: text.rfind(" ", 0, len(text) - 1)]
    return text, count


def timed(fn: Callable[[str], object], text: str, budget_s: float, clock: Callable[[], float]) -> float:
    """Best per-call seconds over ~5 rounds of ~budget_s/5 each."""
    calls = 1
    t0 = clock()
    fn(text)
    one = max(clock() - t0, 1e-7)
    calls = max(1, int(budget_s / 5 / one))
    best = float("inf")
    for _ in range(5):
        t0 = clock()
        for _ in range(calls):
            fn(text)
        best = min(best, (clock() - t0) / calls)
    return best


def engines(quick: bool) -> dict[str, Callable[[str], object]]:
    out: dict[str, Callable[[str], object]] = {}
    c = compiled("redact")
    if c is not None:
        rc = Redactor(kernel=c)
        out["compiled redact"] = lambda t: rc.redact(t)
        out["compiled scan"] = lambda t: c.scan(t)
    rt = Redactor(kernel=twin("redact"))
    out["twin redact"] = lambda t: rt.redact(t)
    rx = re.compile(ALTERNATION)
    out["re alternation"] = lambda t: rx.sub(lambda m: f"[{m.lastgroup}]", t)
    rt2 = re.compile(TUNED_ALTERNATION, re.ASCII)
    out["re tuned"] = lambda t: rt2.sub(lambda m: f"[{m.lastgroup}]", t)
    try:
        import re2  # type: ignore[import-not-found]

        r2 = re2.compile(ALTERNATION.replace("[\\s\\S]*?", "(?s:.*?)"))
        out["google-re2"] = lambda t: r2.sub(lambda m: f"[{m.lastgroup}]", t)
    except Exception as e:  # not installed, or a pattern re2 rejects
        print(f"# google-re2 skipped: {type(e).__name__}: {e}")
    try:
        import hyperscan  # type: ignore[import-not-found]

        names = list(PATTERNS)
        db = hyperscan.Database()
        exprs = [PATTERNS[n].replace("[\\s\\S]*?", "[\\s\\S]*").encode() for n in names]
        flags = [hyperscan.HS_FLAG_SOM_LEFTMOST | hyperscan.HS_FLAG_DOTALL] * len(names)
        db.compile(expressions=exprs, ids=list(range(len(names))), elements=len(names), flags=flags)

        def hs(t: str) -> str:
            data = t.encode()
            hits: list[tuple[int, int, int]] = []
            db.scan(data, match_event_handler=lambda i, s, e, f, ctx: hits.append((s, e, i)) and None)
            # Leftmost-longest, non-overlapping, then splice (what a redactor must do with them).
            hits.sort(key=lambda h: (h[0], -h[1]))
            out_, pos = [], 0
            for s, e, i in hits:
                if s >= pos:
                    out_ += [data[pos:s], f"[{names[i]}]".encode()]
                    pos = e
            out_.append(data[pos:])
            return b"".join(out_).decode("utf-8", "replace")

        out["hyperscan"] = hs
    except Exception as e:
        print(f"# hyperscan skipped: {type(e).__name__}: {e}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="shorter rounds")
    ap.add_argument("--wall", action="store_true", help="wall-clock instead of per-thread CPU time")
    args = ap.parse_args()
    clock = time.perf_counter if args.wall else time.thread_time
    budget = 0.25 if args.quick else 1.0
    chat, values = corpus()
    prose = [line for line in PROSE.read_text(encoding="utf-8").splitlines() if line]
    eng = engines(args.quick)
    print(f"# clock: {'wall' if args.wall else 'thread CPU'}; MB/s of UTF-8 input; best of 5 rounds")
    print(f"| text | size | {' | '.join(eng)} |")
    print("|---|---:|" + "---:|" * len(eng))
    for base_name, base in (("prose", prose), ("chat", chat)):
        for pii in (False, True):
            for size in (1_000, 10_000, 100_000):
                text, count = build(size, pii, base, values, seed=size)
                nbytes = len(text.encode())
                cells = []
                for name, fn in eng.items():
                    b = budget if not name.startswith("twin") else budget / 2
                    sec = timed(fn, text, b, clock)
                    cells.append(f"{nbytes / sec / 1e6:,.1f} MB/s ({sec * 1e6:,.1f} µs)")
                label = f"{base_name} +1% PII ({count} entities)" if pii else f"{base_name} clean"
                print(f"| {label} | {nbytes / 1000:.0f} KB | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
