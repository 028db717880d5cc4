"""WAF CPU cost per request: path + query + headers + a ~1 KB JSON body (parse + inspect).

Usage: python bench/bench_waf.py [N]. Prints µs per request (best of 5 runs); not a test.
"""

from __future__ import annotations

import sys
import time

import orjson

from fastgate.config.schema import WAF
from fastgate.stages.waf import Inspector


def body_1k() -> bytes:
    doc = {
        "customer": {"name": "Ada O'Brien", "email": "ada@example.com", "tier": "gold"},
        "items": [{"sku": f"SKU-{i:04d}", "qty": i % 5 + 1, "note": "gift wrap, please; deliver after 5 pm"}
                  for i in range(8)],
        "comment": "Please select the fastest shipping option and union the two parcels if possible.",
        "tags": ["priority", "b2b", "repeat-customer"],
    }
    data = orjson.dumps(doc)
    while len(data) < 1024:
        doc["tags"].append("filler-tag")
        data = orjson.dumps(doc)
    return data


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    insp = Inspector(WAF(mode="block"))
    data = body_1k()
    path, query = "/api/orders/1234/lines", "page=2&sort=created_at&q=blue%20shoes"
    headers = [("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"), ("cookie", "sid=abc123; theme=dark")]

    def one() -> None:
        assert insp.path(path) is None
        assert insp.query(query) is None
        assert insp.headers(headers) is None
        assert insp.json(orjson.loads(data)) is None

    def body_only() -> None:
        insp.json(orjson.loads(data))

    for label, fn in (("full request (path+query+2 headers+1KB JSON)", one), ("1KB JSON body only", body_only)):
        best = float("inf")
        for _ in range(5):
            t = time.perf_counter()
            for _ in range(n):
                fn()
            best = min(best, (time.perf_counter() - t) / n)
        print(f"{label}: {best * 1e6:.1f} µs/request  (body {len(data)} B, n={n})")


if __name__ == "__main__":
    main()
