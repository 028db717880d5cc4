"""Generate the labelled PII corpus used by ``tests/test_pii.py`` (fixed seed, committed output).

    .venv/bin/python tests/data/pii/generate.py        # rewrites corpus.jsonl next to this file

Each line of ``corpus.jsonl`` is ``{"text": str, "spans": [[start, end, entity], ...]}`` with
code-point offsets and the config entity names (email, phone, credit_card, ssn, ip, iban,
secret). Values come from Faker (PII-09: ``email``, ``phone_number``, ``credit_card_number``,
``ssn``, ``ipv4/ipv6``, ``iban`` for 12 locales) plus seeded random secrets in each provider's
format, set in varied sentences; about a third of the sentences carry hard negatives (order
numbers, timestamps, versions, UUIDs, git SHAs, prices, dates, phone-like IDs, invalid SSNs)
that must stay unlabelled. The seed is fixed, so rerunning with the same Faker version
reproduces the file byte for byte.

Faker values we do not count as entities, by documented policy: Maestro numbers (Faker makes
them 12 digits; we require 13..19).
"""

from __future__ import annotations

import base64
import json
import random
import string
import uuid
from pathlib import Path

from faker import Faker

SEED = 20261129
N_SENTENCES = 1500
OUT = Path(__file__).with_name("corpus.jsonl")

IBAN_LOCALES = ["de_DE", "en_GB", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_PT", "no_NO", "fi_FI", "de_AT",
                "de_CH"]  # fmt: skip
CARD_TYPES = ["visa16", "visa13", "visa19", "mastercard", "amex", "discover", "diners", "jcb15", "jcb16"]

# One or two entity slots per template; {X} is replaced by a value of entity X.
TEMPLATES = [
    "Please send the invoice to {email} by Friday.",
    "My email is {email}, feel free to write anytime.",
    "CC {email} and {email} on the thread.",
    "Contact: {email}",
    "You can reach me at {phone} after 5pm.",
    "Call me at {phone} or email {email}.",
    "My phone number is {phone}.",
    "Our support line {phone} is open 24/7.",
    "For the delivery, dial {phone} when you arrive.",
    "Text {phone} to confirm the appointment.",
    "Mobile: {phone}",
    "Charge it to my card {credit_card}, expiry 09/28.",
    "The card number is {credit_card} and the CVV is on the back.",
    "I paid with {credit_card} yesterday but it was declined.",
    "card={credit_card}",
    "My SSN is {ssn}, please keep it private.",
    "Social security number: {ssn}",
    "The applicant ({ssn}) was approved.",
    "Employee record: name Alex, SSN {ssn}, start date 2023-04-01.",
    "The server at {ip} is returning 502 errors.",
    "Connections from {ip} were blocked by the firewall.",
    "ssh admin@{ip} -p 2222",
    "Ping {ip} and {ip} to check the route.",
    "Client IP {ip} made 40 requests in 1 minute.",
    "Wire the money to IBAN {iban} before the 15th.",
    "Beneficiary account: {iban} (Deutsche Bank).",
    "Please update my bank details to {iban}.",
    "export OPENAI_API_KEY={secret}",
    "Here is my key {secret} - is it still valid?",
    "Authorization: Bearer {secret}",
    "The config had aws_access_key_id = {secret} committed by mistake.",
    "token: {secret}",
    "{secret}",
    "I pasted {secret} into the chat by accident.",
    "Reach {email} or {phone} about the order.",
    "Refund to {credit_card}; confirmation goes to {email}.",
    "The login from {ip} used the account {email}.",
    "Payroll needs the SSN {ssn} and IBAN {iban}.",
    "Call {phone} from the office at {ip}.",
]

# Hard-negative clauses put before or after entity sentences (and alone): none is an entity.
NEGATIVE_CLAUSES = [
    "Order #{order6} shipped on {date}.",
    "Ticket {year}-{n4}-{n4} was closed at {time}.",
    "Deployed version {ver} to production.",
    "Build {ver} passed all 312 tests.",
    "The commit {sha} fixed the regression.",
    "Request id {uuid} took {ms} ms.",
    "Total: ${price} incl. tax.",
    "Meeting on {date} at {time} in room 4B.",
    "Invoice INV-{order6} is due on {date2}.",
    "The timestamp {iso} is in UTC.",
    "Tracking number {track} (not a phone).",
    "PO 45000{n5} approved.",
    "Unix time {epoch} corresponds to the event.",
    "Version {ver4} of the firmware, build {n4}.",
    "Part no. {part} is out of stock.",
    "We invalidated record {badssn} yesterday.",
    "The MAC address {mac} belongs to the printer.",
    "Uptime 00:{n2}:{n2} since restart.",
]


def _b64url(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits + "-_") for _ in range(n))


def _alnum(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _jwt(rng: random.Random) -> str:
    def enc(obj: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).rstrip(b"=").decode()

    head = enc({"alg": rng.choice(["RS256", "HS256", "ES256"]), "typ": "JWT", "kid": _alnum(rng, 8)})
    body = enc({"sub": str(rng.randrange(10**9)), "name": "user", "iat": 1700000000 + rng.randrange(10**6)})
    return f"{head}.{body}.{_b64url(rng, 43)}"


def _pem(rng: random.Random) -> str:
    kind = rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"])
    alphabet = string.ascii_letters + string.digits + "+/"
    lines = [_alnum(rng, 64, alphabet) for _ in range(rng.randint(3, 12))]
    lines.append(_alnum(rng, rng.randint(8, 60), alphabet) + "==")
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"


def secret(rng: random.Random) -> str:
    kind = rng.randrange(12)
    if kind == 0:
        return "sk-proj-" + _b64url(rng, 156)
    if kind == 1:
        return "sk-ant-api03-" + _b64url(rng, 93) + "AA"
    if kind == 2:
        return "sk-" + _alnum(rng, 48)
    if kind == 3:
        return rng.choice(["AKIA", "ASIA"]) + _alnum(rng, 16, string.ascii_uppercase + string.digits)
    if kind == 4:
        return rng.choice(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]) + _alnum(rng, 36)
    if kind == 5:
        return "github_pat_" + _alnum(rng, 22) + "_" + _alnum(rng, 59)
    if kind == 6:
        return f"xox{rng.choice('bpars')}-{rng.randrange(10**9, 10**12)}-{rng.randrange(10**9, 10**12)}-{_alnum(rng, 24)}"
    if kind == 7:
        return "AIza" + _b64url(rng, 35)
    if kind in (8, 9):
        return _jwt(rng)
    return _pem(rng)


def _group(s: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for n in sizes:
        out.append(s[i : i + n])
        i += n
    return sep.join(out)


class Values:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.fake = Faker("en_US")
        self.fake.seed_instance(rng.randrange(2**31))
        self.ibans = {}
        for loc in IBAN_LOCALES:
            f = Faker(loc)
            f.seed_instance(rng.randrange(2**31))
            self.ibans[loc] = f

    def email(self) -> str:
        r, f = self.rng, self.fake
        k = r.randrange(5)
        if k == 0:
            return f.email()
        if k == 1:
            return f.free_email()
        if k == 2:
            return f.company_email()
        first, last = f.first_name().lower(), f.last_name().lower()
        if k == 3:  # plus tags and subdomains
            return f"{first}.{last}+{r.choice(['news', 'work', 'x1', 'bills'])}@{r.choice(['mail', 'eu', 'corp.mail'])}.{f.domain_name()}"
        return f"{first}_{last}{r.randrange(100)}@{f.domain_word()}-{f.domain_word()}.{r.choice(['io', 'co.uk', 'de', 'org'])}"

    def phone(self) -> str:
        r = self.rng
        k = r.randrange(10)
        if k < 6:
            return self.fake.phone_number()
        d = lambda n: "".join(r.choice(string.digits) for _ in range(n))  # noqa: E731
        if k == 6:
            return f"+44 20 {d(4)} {d(4)}"
        if k == 7:
            return f"+49 30 {d(6)}"
        if k == 8:
            return f"+33 {r.randint(1, 9)} {d(2)} {d(2)} {d(2)} {d(2)}"
        return f"+1 ({r.randint(2, 9)}{d(2)}) {r.randint(2, 9)}{d(2)}-{d(4)}"

    def credit_card(self) -> str:
        r = self.rng
        t = r.choice(CARD_TYPES)
        num = self.fake.credit_card_number(card_type=t)
        style = r.randrange(3)
        if style == 0:
            return num
        sep = " " if style == 1 else "-"
        if len(num) == 16:
            return _group(num, [4, 4, 4, 4], sep)
        if len(num) == 15 and t == "amex":
            return _group(num, [4, 6, 5], sep)
        if len(num) == 19:
            return _group(num, [4, 4, 4, 4, 3], sep)
        return num

    def ssn(self) -> str:
        s = self.fake.ssn()
        k = self.rng.randrange(10)
        if k == 0:
            return s.replace("-", " ")
        if k == 1:
            return s.replace("-", ".")
        return s

    def ip(self) -> str:
        r, f = self.rng, self.fake
        k = r.randrange(6)
        if k == 0:
            return f.ipv4_private()
        if k == 1:
            return f.ipv4_public()
        if k == 2:
            return f.ipv4()
        if k == 3:
            return f.ipv6()
        if k == 4:
            return f"2001:db8::{r.randrange(0x100, 0x10000):x}"
        return f"fe80::{r.randrange(0x100, 0x10000):x}:{r.randrange(0x100, 0x10000):x}"

    def iban(self) -> str:
        f = self.ibans[self.rng.choice(IBAN_LOCALES)]
        v = f.iban()
        if self.rng.random() < 0.5:
            return " ".join(v[i : i + 4] for i in range(0, len(v), 4))
        return v

    def secret(self) -> str:
        return secret(self.rng)

    def negative(self) -> str:
        r = self.rng
        clause = r.choice(NEGATIVE_CLAUSES)
        d = lambda n: "".join(r.choice(string.digits) for _ in range(n))  # noqa: E731
        fill = {
            "order6": d(6),
            "date": f"20{r.randint(10, 29)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            "date2": f"{r.randint(1, 12):02d}/{r.randint(1, 28):02d}/20{r.randint(10, 29)}",
            "year": f"20{r.randint(10, 29)}",
            "n2": f"{r.randint(0, 59):02d}",
            "n4": d(4),
            "n5": d(5),
            "time": f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
            "ver": f"{r.randint(0, 12)}.{r.randint(0, 30)}.{r.randint(0, 99)}",
            "ver4": f"{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(1, 9)}",
            "sha": "".join(r.choice("0123456789abcdef") for _ in range(40)),
            "uuid": str(uuid.UUID(int=r.getrandbits(128), version=4)),
            "ms": str(r.randint(1, 900)),
            "price": f"{r.randint(1, 9)},{r.randint(0, 999):03d}.{r.randint(0, 99):02d}",
            "iso": f"20{r.randint(10, 29)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00Z",
            "track": f"1Z{d(3)}{r.choice('ABCDEFGH')}{r.choice('ABCDEFGH')}{d(10)}",
            "epoch": str(r.randint(1_500_000_000, 1_800_000_000)),
            "part": f"{d(3)}-{d(2)}-{d(3)}",
            "badssn": self.fake.invalid_ssn(),
            "mac": ":".join(f"{r.randrange(256):02x}" for _ in range(6)),
        }
        return clause.format(**fill)


def sentence(v: Values) -> tuple[str, list[list]]:
    r = v.rng
    template = r.choice(TEMPLATES)
    text = ""
    spans: list[list] = []
    if r.random() < 0.3:
        text = v.negative() + " "
    rest = template
    while "{" in rest:
        pre, _, tail = rest.partition("{")
        name, _, rest = tail.partition("}")
        text += pre
        value = getattr(v, name)()
        spans.append([len(text), len(text) + len(value), name])
        text += value
    text += rest
    if r.random() < 0.2:
        text += " " + v.negative()
    return text, spans


def generate() -> list[dict]:
    rng = random.Random(SEED)
    v = Values(rng)
    rows = []
    for i in range(N_SENTENCES):
        if i % 10 == 9:  # a negatives-only line every ten
            rows.append({"text": v.negative() + " " + v.negative(), "spans": []})
        else:
            text, spans = sentence(v)
            rows.append({"text": text, "spans": spans})
    return rows


def main() -> None:
    rows = generate()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in rows:
        for _, _, e in row["spans"]:
            counts[e] = counts.get(e, 0) + 1
    print(f"wrote {len(rows)} sentences to {OUT}: {counts}")


if __name__ == "__main__":
    main()
