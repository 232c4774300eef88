"""In-process NLU parse latency of a model: Agent.load, then parse_message per question.

    .venv/bin/python scripts/parse_latency.py --model models/x.tar.gz [--questions 100] [--cases tests/eval/cases.yml]

The questions are the user turns of the case file (real questions, written
apart from the training data), the first --questions distinct ones. After a
warm-up of --warm-up parses, each question is parsed once and timed. Prints
one JSON line: questions, p50_ms, p95_ms, max_ms, load_seconds. scripts/bench.py
runs it in a process of its own per model, so that neither model's TensorFlow
state lingers in the benchmark.
"""
import argparse
import asyncio
import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path
from typing import List, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from scripts.load import percentile  # noqa: E402

WARM_UP = 10


def questions_from(cases: Path, limit: int) -> List[str]:
    import yaml  # Rasa installs PyYAML

    seen: List[str] = []
    for case in yaml.safe_load(cases.read_text(encoding="utf-8"))["cases"]:
        for turn in case["turns"]:
            text = str(turn["say"]).strip()
            if text and text not in seen:
                seen.append(text)
            if len(seen) == limit:
                return seen
    return seen


async def measure(model: Path, questions: Sequence[str], warm_up: int = WARM_UP) -> dict:
    from rasa.core.agent import Agent

    began = time.perf_counter()
    agent = Agent.load(str(model))
    load_seconds = time.perf_counter() - began
    for text in list(questions)[:warm_up]:
        await agent.parse_message(text)
    latencies = []
    for text in questions:
        began = time.perf_counter()
        await agent.parse_message(text)
        latencies.append(time.perf_counter() - began)
    return {"questions": len(latencies), "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * percentile(latencies, 0.95), "max_ms": 1000 * max(latencies),
            "load_seconds": load_seconds}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--cases", type=Path, default=ROOT / "tests" / "eval" / "cases.yml")
    args = parser.parse_args(argv)
    # Rasa's and TensorFlow's chatter (std logging and structlog); errors still show.
    logging.disable(logging.WARNING)
    import structlog

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.ERROR))
    questions = questions_from(args.cases, args.questions)
    if not questions:
        parser.error(f"no questions in {args.cases}")
    figures = asyncio.run(measure(args.model.resolve(), questions))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
