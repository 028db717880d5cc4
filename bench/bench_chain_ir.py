"""Instructions per request of every hook of the `full` scenario's chain, counted by callgrind.

The companion of bench/bench_chain.py for a shared machine: CPU time drifts with the other
load, instruction counts do not (same input, same code → the same count, give or take the few
hundred instructions of a phase boundary). The same phases as bench_chain.py — each hook run over
``--n`` fresh request contexts, the cyclic GC run between phases, never inside one — with a
callgrind dump after every phase; the reference is ``orjson.loads`` of the request body.

    .venv/bin/python bench/bench_chain_ir.py [--n 1000] [--tree NAME=PYTHONPATH ...]

Every ``--tree`` (default: this checkout) runs in its own valgrind process, in parallel, and gets
one column: give the tree of a base commit and this one to compare (``git worktree add``). Needs
valgrind (``callgrind_control``); a run takes a few minutes per tree. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


# ---------------------------------------------------------------------------------- the target side


def _sync(base: str, label: str) -> None:
    """Ask the controller for a callgrind dump named ``label`` and wait until it is written."""
    with open(base + ".tmp", "w") as f:
        f.write(label)
    os.rename(base + ".tmp", base + ".req")
    while not os.path.exists(base + ".ack"):
        time.sleep(0.001)
    os.unlink(base + ".ack")


def target(n: int, base: str) -> None:
    """The phases, run under valgrind (``--target``)."""
    sys.path.insert(0, str(BENCH))
    import orjson
    import run
    from bench_chain import Request, access_record
    from multidict import CIMultiDict, CIMultiDictProxy

    from fastgate.config import load_config_text
    from fastgate.mock_upstream import build_chat
    from fastgate.pipeline.context import RequestContext
    from fastgate.server.worker import Worker

    def phase(label: str) -> None:
        _sync(base, label)  # the phase's dump
        gc.enable()
        gc.collect()
        gc.disable()
        _sync(base, "-")  # the collection's dump (not reported)

    async def main() -> None:
        keys = run.Keys(run.OUT / "keys")
        keys.ensure(False)
        text = run.GATEWAY_CONFIGS["full"].render(port=1, admin_port=2, upstream="http://127.0.0.1:9", keys=keys,
                                                   redis_url="redis://127.0.0.1:6379/0",
                                                   access_log=Path(base + "-access.log"))
        worker = Worker(load_config_text(text, "<bench_chain_ir>"))
        world = worker.world
        for store in world.auth.stores.values():
            store.start()
        ep = world.match("POST", "/v1/chat/completions")
        chain = ep.chain
        body = (run.DATA / "req-pii.json").read_bytes()
        hdrs = CIMultiDictProxy(CIMultiDict([
            ("Host", "127.0.0.1:8080"), ("Content-Type", "application/json"),
            ("Authorization", f"Bearer {keys.token()}"), ("Content-Length", str(len(body))),
        ]))

        def fresh(count: int) -> list[RequestContext]:
            out = []
            for i in range(count):
                ctx = RequestContext(Request(hdrs, body), world, 0.0)
                ctx.method, ctx.path, ctx.request_id = "POST", "/v1/chat/completions", f"bench-{i:x}"
                ctx.route, ctx.front = ep, ep.front
                out.append(ctx)
            return out

        probe = fresh(1)[0]
        for _name, hook in chain.request:
            assert hook(probe) is None
        upstream_body = build_chat(probe.body_obj, 1, None, 1_700_000_000).body
        al = worker.access_log
        for rnd in range(2):  # round 0 warms up; its dumps are not reported
            cs = fresh(n)
            phase("-")
            for _c in cs:
                orjson.loads(body)
            phase(f"{rnd}|reference: orjson.loads(request body)")
            for name, hook in chain.request:
                for c in cs:
                    hook(c)
                phase(f"{rnd}|on_request  {name}")
            for c in cs:
                orjson.dumps(c.body_obj) if (c.body_dirty or c.body is None) else c.body
            phase(f"{rnd}|handler     re-serialise body_obj")
            for c in cs:
                c.attempts, c.provider, c.target = 1, "bench", "http://127.0.0.1:9/v1"
                c.status, c.upstream_s = 200, 0.0005
            datas = [upstream_body] * n
            phase("-")
            for name, hook in chain.chunk:
                for i, c in enumerate(cs):
                    datas[i] = hook(c, datas[i], True)
                phase(f"{rnd}|on_chunk    {name}")
            for c, d in zip(cs, datas):
                c.bytes_out = len(d)
            phase("-")
            for name, hook in chain.end:
                for c in cs:
                    hook(c)
                phase(f"{rnd}|on_end      {name}")
            recs = [access_record(c, ep.name, 200, 0.001) for c in cs]
            phase(f"{rnd}|handler     access-log record dict")
            for r in recs:
                al.write(r)
            al.flush()
            phase(f"{rnd}|accesslog   AccessLog.write")
        al.close()
        with open(base + ".tmp", "w") as f:
            f.write("END")
        os.rename(base + ".tmp", base + ".req")

    gc.disable()
    asyncio.run(main())


# ------------------------------------------------------------------------------ the controller side


def control(pythonpath: str, n: int, work: str, tag: str) -> dict[str, float]:
    """Run the target under callgrind, dump at every phase; Ir per request per reported phase."""
    base = os.path.join(work, tag)
    out = base + ".cg"
    env = dict(os.environ, PYTHONPATH=pythonpath, PYTHONHASHSEED="0")
    p = subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}.%p", "--dump-instr=no",
                          sys.executable, __file__, "--target", str(n), base],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    labels: list[str] = []
    while True:
        if os.path.exists(base + ".req"):
            with open(base + ".req") as f:
                label = f.read()
            os.unlink(base + ".req")
            if label == "END":
                break
            subprocess.run(["callgrind_control", "-d", str(p.pid)], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True)
            labels.append(label)
            open(base + ".ack", "w").close()
        elif p.poll() is not None:
            err = p.stderr.read().decode(errors="replace")[-2000:] if p.stderr else ""
            raise RuntimeError(f"{tag}: the target exited early:\n{err}")
        time.sleep(0.005)
    p.wait()

    def part(path: str) -> int:
        tail = path.rsplit(".", 1)[1]
        return int(tail) if tail.isdigit() and path.rsplit(".", 2)[1].isdigit() else 1 << 30

    files = sorted(glob.glob(out + ".*.*"), key=part)
    if len(files) < len(labels):
        raise RuntimeError(f"{tag}: {len(labels)} phases but {len(files)} dumps")
    res: dict[str, float] = {}
    for label, path in zip(labels, files):
        with open(path, errors="replace") as f:
            m = re.search(r"^summary: (\d+)", f.read(), re.M)
        if label.startswith("1|") and m:
            res[label[2:]] = int(m.group(1)) / n
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="request contexts per phase")
    ap.add_argument("--tree", action="append", default=[], metavar="NAME=PYTHONPATH",
                    help="a column: the fastgate tree to import (repeatable; default: this checkout)")
    ap.add_argument("--json", help="also write the counts to this file")
    ap.add_argument("--target", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.target:
        target(int(args.target[0]), args.target[1])
        return
    trees = [t.split("=", 1) for t in args.tree] or [["this", str(ROOT)]]
    work = tempfile.mkdtemp(prefix="fg-chain-ir-")
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(trees)) as ex:
        futs = [ex.submit(control, path, args.n, work, f"t{i}") for i, (_name, path) in enumerate(trees)]
        cols = [f.result() for f in futs]
    for path in glob.glob(os.path.join(work, "*")):
        os.unlink(path)
    os.rmdir(work)
    names = [name for name, _ in trees]
    order = list(cols[0])
    ref = [c.get(order[0], 0.0) for c in cols]
    print(f"# bench/bench_chain_ir.py — instructions per request (callgrind), {args.n} contexts per phase")
    print("| hook | " + " | ".join(f"{n} Ir | {n} × ref" for n in names) + " |")
    print("|---|" + "---:|---:|" * len(names))
    totals = [0.0] * len(cols)
    for label in order:
        cells = []
        for i, c in enumerate(cols):
            v = c.get(label, 0.0)
            if not label.startswith("reference"):
                totals[i] += v
            cells.append(f"{v:,.0f} | {v / ref[i]:.1f}" if ref[i] else f"{v:,.0f} | –")
        print(f"| {label} | " + " | ".join(cells) + " |")
    print("| **sum (all rows but the reference)** | "
          + " | ".join(f"**{t:,.0f}** | {t / r:.1f}" if r else f"{t:,.0f} | –" for t, r in zip(totals, ref)) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps({"n": args.n, "trees": dict(zip(names, cols, strict=True))}, indent=1))


if __name__ == "__main__":
    main()
