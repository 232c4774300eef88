"""Benchmarks of the assistant on this machine; prints figures, asserts nothing.

    python scripts/bench.py [--turns 200] [--skip-training] [--cases tests/eval/cases.yml]

Measures, in one run: training time and model size (a fresh training into a
temporary folder, unless --skip-training), time from start to ready, REST
reply latency p50/p95 for one user sending real questions (including follow-ups
that run knowledge-base actions), and the evaluation figures of the case set.
Copy the printed table into BENCHMARKS.md with the date and the machine.
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import List

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.assistant_process import start_assistant  # noqa: E402

# Questions a newcomer asks, sent as short conversations so that follow-ups
# read the tracker and every turn runs the knowledge-base action.
CONVERSATIONS = [
    ["Tell me about the HECTOR project", "who are the partners?", "when does it end?"],
    ["Is Bremen a partner city?", "and Murmansk?"],
    ["which partner cities are in China", "how many hydrogen vehicles does the city buy"],
    ["what powers the hydrogen refuelling point", "What is HECTOR's budget?"],
    ["Is there anyone who helps internationals settle in?", "where can I rent a room"],
]


def percentile(values: List[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}"


def train_fresh(out: Path) -> (float, Path):
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
           "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "bot.nlp_pipeline"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "rasa", "train", "--out", str(out), "--fixed-model-name", "bench"],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started, out / "bench.tar.gz"


def current_model() -> Path:
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_if_changed.py"), "--path"],
                         cwd=ROOT, check=True, capture_output=True, text=True)
    return Path(out.stdout.strip().splitlines()[-1])


def reply_latencies(url: str, turns: int) -> (List[float], int):
    latencies, errors, sent = [], 0, 0
    session = requests.Session()
    while sent < turns:
        for conversation in CONVERSATIONS:
            sender = f"bench-{uuid.uuid4().hex}"
            for text in conversation:
                if sent >= turns:
                    break
                started = time.perf_counter()
                try:
                    reply = session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                         timeout=30)
                    reply.raise_for_status()
                except requests.RequestException:
                    errors += 1
                latencies.append(time.perf_counter() - started)
                sent += 1
    return latencies, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--skip-training", action="store_true")
    parser.add_argument("--cases", default=str(ROOT / "tests" / "eval" / "cases.yml"))
    args = parser.parse_args()

    rows = [("machine", machine())]
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        if args.skip_training:
            model = current_model()
        else:
            seconds, model = train_fresh(scratch)
            rows.append(("training time (fresh, no cache)", f"{seconds:.1f} s"))
        rows.append(("model size", f"{model.stat().st_size / 2**20:.1f} MiB"))
        endpoints = scratch / "endpoints.yml"
        endpoints.write_text((ROOT / "endpoints.yml").read_text().replace(
            "db: var/tracker.db", f"db: {scratch / 'tracker.db'}"))
        started = time.perf_counter()
        with start_assistant(model, endpoints=endpoints, log_dir=scratch,
                             env={"HANDOFF_DB": str(scratch / "handoff.sqlite3")}) as assistant:
            rows.append(("start to ready (Rasa and action server)", f"{time.perf_counter() - started:.1f} s"))
            reply_latencies(assistant.url, 10)  # warm-up, not counted
            latencies, errors = reply_latencies(assistant.url, args.turns)
            rows.append((f"REST reply latency, 1 user, {len(latencies)} turns",
                         f"p50 {1000 * statistics.median(latencies):.0f} ms, "
                         f"p95 {1000 * percentile(latencies, 0.95):.0f} ms, errors {errors}"))
            evaluation = subprocess.run(
                [sys.executable, str(ROOT / "scripts" / "eval_cases.py"), "--cases", args.cases,
                 "--url", assistant.url], cwd=ROOT, capture_output=True, text=True)
    width = max(len(name) for name, _ in rows)
    print("\n".join(f"{name.ljust(width)}  {value}" for name, value in rows))
    print("\n" + "\n".join(evaluation.stdout.splitlines()[:14]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
