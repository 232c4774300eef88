"""Runs production mode in the foreground: nginx in front of several Rasa servers.

    .venv/bin/python scripts/prod.py [--instances 2] [--port 8080] [--model models/x.tar.gz]

Checks that PostgreSQL and Redis answer (and refuses to start if not), starts
the action server, the Rasa servers (endpoints.prod.yml) on consecutive ports
and nginx, prints one line when nginx and every server answer, stops them all
on Ctrl-C or SIGTERM (exit 0), and when one of them dies stops the others and
exits 1 with its last log lines. Logs and nginx's files: var/prod/.
docs/SCALING.md explains the parts.
"""

import argparse
import os
import signal
import sys
import time
from pathlib import Path
from typing import List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.assistant_process import START_TIMEOUT, AssistantError  # noqa: E402
from scripts.production import (  # noqa: E402
    DEFAULT_ACTIONS_PORT,
    DEFAULT_LOCK_DB,
    DEFAULT_PORT,
    DEFAULT_RASA_PORT,
    DEFAULT_TRACKER_DB,
    Production,
)


class StopRequested(Exception):
    """SIGINT or SIGTERM arrived."""


def _on_signal(signum: int, _frame: object) -> None:
    # A second Ctrl-C must not cut the orderly stop short; Child.stop kills
    # whatever does not stop in time anyway.
    _ignore_signals()
    raise StopRequested(signal.Signals(signum).name)


def _ignore_signals() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model archive (default: the newest models/*.tar.gz)")
    parser.add_argument("--instances", type=int, default=2, help="Rasa servers (default 2)")
    parser.add_argument("--port", type=int, default=_env_int("PROD_PORT", DEFAULT_PORT),
                        help=f"nginx's port on 127.0.0.1 (default $PROD_PORT, else {DEFAULT_PORT})")
    parser.add_argument("--rasa-port", type=int, default=_env_int("PROD_RASA_PORT", DEFAULT_RASA_PORT),
                        help=f"the first Rasa server's port; the others follow "
                             f"(default $PROD_RASA_PORT, else {DEFAULT_RASA_PORT})")
    parser.add_argument("--actions-port", type=int,
                        default=_env_int("PROD_ACTIONS_PORT", DEFAULT_ACTIONS_PORT),
                        help=f"the action server's port (default $PROD_ACTIONS_PORT, else {DEFAULT_ACTIONS_PORT})")
    parser.add_argument("--tracker-db", default=os.environ.get("RASA_TRACKER_DB") or DEFAULT_TRACKER_DB,
                        help=f"PostgreSQL database of the conversations "
                             f"(default $RASA_TRACKER_DB, else {DEFAULT_TRACKER_DB})")
    parser.add_argument("--lock-db", type=int, default=_env_int("RASA_LOCK_DB", DEFAULT_LOCK_DB),
                        help=f"Redis database number of the locks (default $RASA_LOCK_DB, else {DEFAULT_LOCK_DB})")
    parser.add_argument("--cors", nargs="*", default=(os.environ.get("RASA_CORS") or "").replace(",", " ").split(),
                        help="website origins allowed to call the assistant (default: $RASA_CORS, else none)")
    parser.add_argument("--timeout", type=float, default=START_TIMEOUT, help="seconds to wait for start-up")
    return parser.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _on_signal)

    production = None
    try:
        production = Production(
            args.model,
            instances=args.instances,
            port=args.port,
            rasa_port=args.rasa_port,
            actions_port=args.actions_port,
            tracker_db=args.tracker_db,
            lock_db=args.lock_db,
            cors=args.cors,
        )
        print(
            f"Starting production mode with {production.model.name}: {args.instances} Rasa "
            f"server(s), PostgreSQL database {args.tracker_db!r}, Redis database {args.lock_db}; "
            f"logs in {production.log_dir}",
            flush=True,
        )
        seconds = production.start(args.timeout)
        ports = production.rasa_ports
        print(
            f"Production mode ready at {production.url} in {seconds:.1f} s "
            f"(Rasa on :{ports[0]}" + (f"-{ports[-1]}" if len(ports) > 1 else "")
            + f", actions on :{production.actions_port})",
            flush=True,
        )
        while True:
            production.check()
            time.sleep(0.5)
    except StopRequested as signal_name:
        print(f"{signal_name}: stopping production mode", flush=True)
        return 0
    except AssistantError as error:  # ProductionError too
        print(f"prod: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        _ignore_signals()
        if production is not None:
            production.stop()


if __name__ == "__main__":
    sys.exit(main())
