"""``fastgate`` command line (SPEC §1): serve, demo, check, token, mock-upstream."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path

from ._version import __version__

NO_CONFIG_HINT = "no config found (-c FILE, $FASTGATE_CONFIG or ./fastgate.yaml); try `fastgate demo` for a ready-made setup"


def version_string() -> str:
    from ._native import accelerated

    return f"fastgate {__version__} ({'accelerated' if accelerated() else 'pure'})"


def resolve_config_path(arg: str | None) -> str | None:
    for cand in (arg, os.environ.get("FASTGATE_CONFIG"), "fastgate.yaml"):
        if cand:
            if cand == arg or Path(cand).exists():
                return cand
    return None


def cmd_serve(args: argparse.Namespace) -> int:
    from .config import load_config_text
    from .errors import ConfigError

    path = resolve_config_path(args.config)
    if path is None or not Path(path).exists():
        print(f"fastgate: {NO_CONFIG_HINT}" if path is None else f"fastgate: {path}: no such file; {NO_CONFIG_HINT}",
              file=sys.stderr)
        return 2
    text = Path(path).read_text()
    try:
        cfg = load_config_text(text, path)
    except ConfigError as e:
        print(f"fastgate: {path} is invalid:", file=sys.stderr)
        for err in e.errors:
            print(f"  {err}", file=sys.stderr)
        return 2
    logging.basicConfig(level=getattr(logging, str(cfg.logging.level).upper(), logging.INFO), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    workers = args.workers if args.workers is not None else cfg.server.workers
    if workers in ("auto", None):
        workers = os.cpu_count() or 1
    workers = int(workers)
    import uvloop

    if workers == 0:
        # One process, no supervisor: what you profile with py-spy or pin with taskset.
        return uvloop.run(_serve_single(cfg, text, args.listen))
    from .server.supervisor import Supervisor

    sup = Supervisor(path, cfg, text, workers=workers, listen=args.listen)
    return uvloop.run(sup.run())


async def _serve_single(cfg, text: str, listen: str | None) -> int:
    import signal

    import msgspec

    from ._testbase import InProcessBackend
    from .admin import make_admin_app, start_admin
    from .config import parse_hostport
    from .server.worker import Worker, bind_socket

    if listen:
        cfg = msgspec.structs.replace(cfg, server=msgspec.structs.replace(cfg.server, listen=listen))
    host, port = parse_hostport(cfg.server.listen)
    worker = Worker(cfg, own_process=True)
    await worker.start(bind_socket(host, port, backlog=int(cfg.server.backlog)))

    class _Holder:
        config_text = text

    holder = _Holder()
    holder.worker = worker  # type: ignore[attr-defined]
    ahost, aport = parse_hostport(cfg.server.admin_listen)
    runner, aport = await start_admin(make_admin_app(InProcessBackend(holder)), ahost, aport)  # type: ignore[arg-type]
    print(f"fastgate {os.getpid()}: single process serving http://{host}:{worker.port} (admin http://{ahost}:{aport})",
          file=sys.stderr, flush=True)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    loop.add_signal_handler(signal.SIGUSR1, worker.reopen_logs)  # access + audit log (logrotate)
    await stop.wait()
    await worker.drain(float(cfg.server.drain_timeout_s))
    await runner.cleanup()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .config import check_main

    return check_main(args.config)


def cmd_mock(args: argparse.Namespace) -> int:
    from . import mock_upstream

    return mock_upstream.run(args)


def cmd_demo(args: argparse.Namespace) -> int:
    from . import demo

    return demo.run(args)


def cmd_token(args: argparse.Namespace) -> int:
    from . import demo

    return demo.token_main(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="fastgate", description="Edge reverse proxy and OpenAI-compatible LLM gateway")
    p.add_argument("--version", action="version", version=version_string())
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("serve", help="run the gateway")
    s.add_argument("-c", "--config", default=None, help="config file (else $FASTGATE_CONFIG, else ./fastgate.yaml)")
    s.add_argument("--workers", default=None, help="worker processes: N, auto (one per CPU), or 0 (single process)")
    s.add_argument("--listen", default=None, help="HOST:PORT, overrides server.listen")
    s.set_defaults(func=cmd_serve)

    d = sub.add_parser("demo", help="mock LLM + dev keys + gateway in one command, offline")
    d.add_argument("--port", type=int, default=8080)
    d.add_argument("--no-wait", action="store_true", help=argparse.SUPPRESS)
    d.set_defaults(func=cmd_demo)

    c = sub.add_parser("check", help="validate a config (exit 0 valid, 2 invalid)")
    c.add_argument("-c", "--config", default=None)
    c.set_defaults(func=cmd_check)

    t = sub.add_parser("token", help="mint a signed dev JWT")
    t.add_argument("--sub", required=True)
    t.add_argument("--groups", default="")
    t.add_argument("--scope", default="")
    t.add_argument("--tenant", default=None)
    t.add_argument("--aud", default=None)
    t.add_argument("--iss", default=None)
    t.add_argument("--ttl", default="1h")
    t.add_argument("--key", default=None, help="PEM private key (default: the demo key)")
    t.add_argument("--claim", action="append", default=[], help="extra claim NAME=JSON (repeatable)")
    t.set_defaults(func=cmd_token)

    m = sub.add_parser("mock-upstream", help="OpenAI/Anthropic-compatible fake LLM for demos, tests and benchmarks")
    from . import mock_upstream

    mock_upstream.add_arguments(m)
    m.set_defaults(func=cmd_mock)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
