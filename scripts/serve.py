"""Runs the assistant in the foreground: Rasa's server and the action server.

    .venv/bin/python scripts/serve.py [--model models/x.tar.gz] [--endpoints endpoints.postgres.yml]

Prints one line when both answer, stops both on Ctrl-C or SIGTERM (exit 0),
and when either server dies stops the other and exits 1 with its last log
lines. Ports come from RASA_PORT (5005) and ACTIONS_PORT (5055), allowed CORS
origins from RASA_CORS (none). Logs: var/logs/. Standard library only.
"""

import argparse
import os
import signal
import sys
import time
from pathlib import Path
from typing import List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.assistant_process import (  # noqa: E402
    PROJECT_ROOT,
    START_TIMEOUT,
    Assistant,
    AssistantError,
)


class StopRequested(Exception):
    """SIGINT or SIGTERM arrived."""


def _on_signal(signum: int, _frame: object) -> None:
    # Later signals must not cut the orderly stop short; Child.stop kills
    # whatever does not stop within its timeout anyway.
    _ignore_signals()
    raise StopRequested(signal.Signals(signum).name)


def _ignore_signals() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)


def origins_from_env(value: Optional[str]) -> List[str]:
    """RASA_CORS="https://a.example https://b.example" (or comma-separated)."""
    return (value or "").replace(",", " ").split()


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model archive (default: the newest models/*.tar.gz)")
    parser.add_argument("--endpoints", default="endpoints.yml")
    parser.add_argument("--credentials", default="credentials.yml")
    parser.add_argument("--port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument(
        "--actions-port", type=int, default=int(os.environ.get("ACTIONS_PORT", 5055))
    )
    parser.add_argument(
        "--cors",
        nargs="*",
        default=origins_from_env(os.environ.get("RASA_CORS")),
        help="allowed browser origins (default: $RASA_CORS, else none)",
    )
    parser.add_argument("--timeout", type=float, default=START_TIMEOUT, help="seconds to wait for start-up")
    parser.add_argument(
        "--project-dir", default=str(PROJECT_ROOT), help="project to serve (default: this one)"
    )
    return parser.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _on_signal)

    assistant = None
    try:
        assistant = Assistant(
            args.model,
            project_dir=args.project_dir,
            endpoints=args.endpoints,
            credentials=args.credentials,
            rasa_port=args.port,
            actions_port=args.actions_port,
            cors=args.cors,
        )
        print(
            f"Starting the assistant with {assistant.model.name}; "
            f"logs in {assistant.rasa.log_path.parent}",
            flush=True,
        )
        seconds = assistant.start(args.timeout)
        print(
            f"Assistant ready at {assistant.url} "
            f"(actions on :{assistant.actions_port}) in {seconds:.1f} s"
            f"\nWebsite widget demo: {assistant.url}/webhooks/web/demo",
            flush=True,
        )
        while True:
            assistant.check()
            time.sleep(0.5)
    except StopRequested as signal_name:
        print(f"{signal_name}: stopping the assistant", flush=True)
        return 0
    except AssistantError as error:
        print(f"serve: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        _ignore_signals()
        if assistant is not None:
            assistant.stop()


if __name__ == "__main__":
    sys.exit(main())
