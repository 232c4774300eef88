"""`make soak`: a long bounded load on a fresh tracker store; every reply and every stored message checked.

    make soak                          # SOAK_MINUTES=10, SOAK_USERS=20
    make soak SOAK_MINUTES=0.5         # a short run, to check the soak itself
    .venv/bin/python scripts/soak.py [--model models/x.tar.gz] [--minutes 10] [--users 20] [--think 1-3]

Starts Rasa and the action server as `make serve` does (scripts/assistant_process.py),
on free loopback ports, with the tracker store (SQLite), the ticket inbox and the
feedback store in a temporary folder, so the count below is exact, and without
rate limits (every simulated user comes from 127.0.0.1). SOAK_USERS users then
hold real multi-turn conversations (scripts/load.py's), each sending one message
at a time and thinking 1-3 s before the next, for SOAK_MINUTES minutes; every
reply is recorded. The checks (scripts/soak_checks.py):

- every message got HTTP 200 with a bot message, and none got the stand-in
  apology instead of an answer;
- the `user` events per sender in the tracker store equal the messages sent;
- both servers still run, and GET /webhooks/health/ answers 200 at the end.

Resident memory (RSS) of both servers is sampled every 5 s. Writes the figures
to results/soak.md (and prints them); the servers' logs stay in var/logs/soak/.
Exits 1 when a check fails, 2 when the assistant does not start.
"""
import argparse
import os
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.assistant_process import HEALTH_PATH, Assistant, AssistantError, start_assistant  # noqa: E402
from scripts.bench import (cpu_shares, cpu_text, machine, memory_mb, peak_memory_mb,  # noqa: E402
                           render_markdown, scratch_env)
from scripts.load import MAX_MESSAGES, Exchange, LoadResult, run_load  # noqa: E402
from scripts.soak_checks import MemoryFigures, Verdict, judge, memory_figures, stored_user_events  # noqa: E402

DEFAULT_MINUTES = 10.0
DEFAULT_USERS = 20
DEFAULT_THINK = (1.0, 3.0)
SAMPLE_SECONDS = 5.0
LOG_DIR = ROOT / "var" / "logs" / "soak"
_no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def say(text: str) -> None:
    print(f"[soak {time.strftime('%H:%M:%S')}] {text}", flush=True)


class MemorySampler:
    """Resident memory (MB) of named processes every `interval` s, in a thread, while in the `with` block."""

    def __init__(self, pids: Dict[str, int], interval: float = SAMPLE_SECONDS) -> None:
        self.pids = pids
        self.interval = interval
        self.samples: Dict[str, List[Tuple[float, Optional[float]]]] = {name: [] for name in pids}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)

    def sample(self) -> None:
        now = time.monotonic()
        for name, pid in self.pids.items():
            self.samples[name].append((now, memory_mb(pid, "VmRSS")))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> "MemorySampler":
        self.sample()  # the start figure: the servers are ready, the load has not begun
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()  # the end figure


@dataclass
class SoakRun:
    load: LoadResult
    exchanges: List[Exchange]
    memory: Dict[str, MemoryFigures]
    cpu: Dict[str, float]
    health: str
    server_problems: List[str] = field(default_factory=list)


def fresh_sqlite_endpoints(folder: Path, database: Path) -> Path:
    """The project's endpoints.yml with the tracker store in `database`."""
    text = (ROOT / "endpoints.yml").read_text()
    if "db: var/tracker.db" not in text:
        raise SystemExit("soak: endpoints.yml names no `db: var/tracker.db` to replace: the count would not be exact")
    endpoints = folder / "endpoints.yml"
    endpoints.write_text(text.replace("db: var/tracker.db", f"db: {database}"))
    return endpoints


def health_at_end(url: str) -> Tuple[Optional[int], str]:
    """(HTTP status, body) of the health check."""
    try:
        with _no_proxy.open(f"{url}{HEALTH_PATH}", timeout=10) as reply:
            return reply.status, reply.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except (urllib.error.URLError, OSError) as error:
        return None, str(error)


def soak(assistant: Assistant, minutes: float, users: int, think: Tuple[float, float]) -> SoakRun:
    exchanges: List[Exchange] = []
    pids = {"Rasa": assistant.rasa.process.pid, "action server": assistant.actions.process.pid}
    with MemorySampler(pids) as sampler:
        load, cpu = cpu_shares(lambda: run_load(assistant.url, users, MAX_MESSAGES, minutes * 60,
                                                think_seconds=think, on_reply=exchanges.append), pids)
    memory = {name: memory_figures(sampler.samples[name], peak_memory_mb(pid)) for name, pid in pids.items()}
    problems = []
    dead = assistant.exited_child()
    if dead is not None:
        problems.append(dead.describe_exit().splitlines()[0])
    status, body = health_at_end(assistant.url)
    if status != 200:
        problems.append(f"the health check answered {status} at the end: {body[:300]}")
    if load.sent >= MAX_MESSAGES:
        problems.append(f"the load stopped at its limit of {MAX_MESSAGES} messages before the time was up")
    return SoakRun(load, exchanges, memory, cpu, f"{status} {body.strip()[:300]}", problems)


# --- the report ------------------------------------------------------------------------------

def mb(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.0f} MB"


def signed_mb(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:+.0f} MB"


def render_report(run: SoakRun, verdict: Verdict, setup: Dict[str, str]) -> str:
    load = run.load
    errors = ", ".join(f"{kind} {n}" for kind, n in sorted(load.errors_by_kind.items()))
    figures = [
        ("messages sent", str(verdict.messages)),
        ("conversations (sender ids)", str(verdict.senders)),
        ("replies: HTTP 200 with a bot message", str(verdict.messages - len(verdict.unanswered))),
        ("errors", f"{load.errors}" + (f" ({errors})" if errors else "")),
        ("stand-in apologies instead of an answer", str(len(verdict.stand_ins))),
        ("`user` events in the tracker store", str(verdict.stored)),
        ("conversations stored differently from what was sent", str(len(verdict.mismatches))),
        ("reply latency p50 / p95 / max", f"{load.p50_ms:.0f} / {load.p95_ms:.0f} / {load.max_ms:.0f} ms"),
        ("messages per second", f"{load.per_second:.1f}"),
        ("load time", f"{load.seconds:.0f} s"),
        ("CPU meanwhile, % of one core", cpu_text(run.cpu)),
        ("health check at the end", run.health),
    ]
    memory = [(name, mb(m.start), mb(m.end), signed_mb(m.growth), mb(m.peak), mb(m.lifetime_peak))
              for name, m in run.memory.items()]
    verdict_line = ("**PASSED**: every message got a reply and every message is in the tracker store."
                    if verdict.passed else "**FAILED**:\n\n" + "\n".join(f"- {p}" for p in verdict.problems))
    lines = [
        "# Soak (`make soak`)", "",
        verdict_line, "",
        *(f"- {name}: {value}" for name, value in setup.items()), "",
        render_markdown(figures, ("figure", "value")), "",
        "Resident memory (RSS), sampled every "
        f"{SAMPLE_SECONDS:.0f} s from the start of the load to its end:", "",
        render_markdown(memory, ("server", "at start", "at end", "growth", "peak during the soak",
                                 "peak since start (VmHWM, loading included)")),
    ]
    if verdict.examples():
        lines += ["", "Examples:", "", *(f"- {line}" for line in verdict.examples())]
    return "\n".join(lines) + "\n"


# --- the command -----------------------------------------------------------------------------

def think_range(text: str) -> Tuple[float, float]:
    """'1-3' -> (1.0, 3.0); '0' -> no thinking."""
    low, _, high = text.partition("-")
    try:
        think = (float(low), float(high or low))
    except ValueError:
        raise argparse.ArgumentTypeError(f"think time is LOW-HIGH seconds, e.g. 1-3, not {text!r}") from None
    if not 0 <= think[0] <= think[1]:
        raise argparse.ArgumentTypeError(f"think time needs 0 <= LOW <= HIGH, not {text!r}")
    return think


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model archive (default: the newest models/*.tar.gz)")
    parser.add_argument("--minutes", type=float, default=float(os.environ.get("SOAK_MINUTES") or DEFAULT_MINUTES),
                        help="length of the load (default $SOAK_MINUTES, else 10)")
    parser.add_argument("--users", type=int, default=int(os.environ.get("SOAK_USERS") or DEFAULT_USERS),
                        help="concurrent users (default $SOAK_USERS, else 20)")
    parser.add_argument("--think", type=think_range, default=DEFAULT_THINK,
                        help="seconds each user waits before its next message, LOW-HIGH (default 1-3)")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "soak.md")
    args = parser.parse_args(argv)
    if args.minutes <= 0:
        parser.error("--minutes must be more than 0")
    return args


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    started = datetime.now(timezone.utc)
    host = machine()
    say(f"machine: {host}")
    with tempfile.TemporaryDirectory(prefix="soak-") as scratch:
        folder = Path(scratch)
        database = folder / "tracker.db"
        env = {**scratch_env(folder), "RATE_LIMIT": "off"}  # 20 users on one address: not what the limit is for
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        say("starting Rasa and the action server (a fresh tracker store in a temporary folder)")
        try:
            assistant = start_assistant(args.model, endpoints=fresh_sqlite_endpoints(folder, database),
                                        log_dir=LOG_DIR, env=env)
        except AssistantError as error:
            say(f"the assistant did not start: {error}")
            return 2
        with assistant:
            say(f"ready in {assistant.startup_seconds:.1f} s at {assistant.url}; {args.users} users for "
                f"{args.minutes:g} min, thinking {args.think[0]:g}-{args.think[1]:g} s between messages")
            run = soak(assistant, args.minutes, args.users, args.think)
            model = assistant.model.name
        say(f"load done: {run.load.summary()}; counting the stored messages")
        verdict = judge(run.exchanges, stored_user_events(database), run.server_problems)
    setup = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": host,
        "model": model,
        "load": (f"{args.users} users for {args.minutes:g} min on loopback, real multi-turn conversations "
                 f"(scripts/load.py), one message at a time per user, {args.think[0]:g}-{args.think[1]:g} s "
                 "think time; SQLite tracker store made fresh for the run; no rate limits"),
        "command": "make soak" + (f" SOAK_MINUTES={args.minutes:g}" if args.minutes != DEFAULT_MINUTES else "")
                   + (f" SOAK_USERS={args.users}" if args.users != DEFAULT_USERS else ""),
    }
    report = render_report(run, verdict, setup)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report)
    print(report)
    say(f"{'passed' if verdict.passed else 'FAILED'}; written to {os.path.relpath(args.out, ROOT)}, "
        f"logs in {os.path.relpath(LOG_DIR, ROOT)}")
    return 0 if verdict.passed else 1


if __name__ == "__main__":
    sys.exit(main())
