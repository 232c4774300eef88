"""Measure the running assistant on evaluation cases, side by side with a BM25 baseline.

    python scripts/eval_cases.py [--cases FILE] [--url URL] [--json OUT]
                                 [--baseline-only] [--baseline-threshold X]
                                 [--min-answered X] [--min-refused Y] [--max-wrong Z]

Each turn goes over Rasa's REST channel, as the website sends it; the cases and
the figures are those of shared/eval/FORMAT.md. Exit code: 0 whatever the cases
give (this is a measurement), 1 when a --min-*/--max-* threshold is missed,
2 when the assistant does not answer or the case file is malformed.
"""
import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.baseline import BM25Baseline, tune_threshold  # noqa: E402
from bot.evaluation import (LANGS, CaseFileError, Figures, Messages, SendError, Tally,  # noqa: E402
                            failing_turns, figures_of, load_cases, run_cases)
from bot.knowledge import KnowledgeBaseError, load_knowledge_base  # noqa: E402

REQUEST_TIMEOUT = 30
SHOWN_REPLY_CHARS = 300


def rest_sender(url: str, session: requests.Session):
    endpoint = f"{url.rstrip('/')}/webhooks/rest/webhook"

    def send(sender_id: str, text: str) -> Messages:
        try:
            response = session.post(endpoint, json={"sender": sender_id, "message": text}, timeout=REQUEST_TIMEOUT)
            response.raise_for_status()
            messages = response.json()
        except requests.HTTPError as error:
            body = " ".join(error.response.text.split())[:200]
            raise SendError(f"HTTP {error.response.status_code} from {endpoint}: {body}") from None
        except (requests.RequestException, ValueError) as error:
            raise SendError(f"{type(error).__name__} from {endpoint}: {error}") from None
        if not isinstance(messages, list) or not all(isinstance(m, dict) for m in messages):
            raise SendError(f"the reply of {endpoint} is not a list of messages: {str(messages)[:200]}")
        return messages

    return send


def unreachable(url: str) -> Optional[str]:
    """Why nothing answers GET <url>/, or None when something does."""
    try:
        requests.get(f"{url.rstrip('/')}/", timeout=5)
    except requests.RequestException as error:
        return f"{type(error).__name__}: {error}"
    return None


def share(value: str) -> float:
    number = float(value)
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError("give a share between 0 and 1, e.g. 0.8")
    return number


def parse_arguments(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=ROOT / "tests" / "eval" / "cases.yml")
    parser.add_argument("--url", default=f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}",
                        help="the assistant's address (default: http://127.0.0.1:${RASA_PORT:-5005})")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write all figures to this JSON file")
    parser.add_argument("--baseline-only", action="store_true",
                        help="score only the BM25 baseline, no assistant needed")
    parser.add_argument("--baseline-threshold", type=float,
                        help="fixed BM25 score threshold (default: tuned on the same cases, which flatters it)")
    parser.add_argument("--min-answered", type=share, help="fail (exit 1) below this share answered correctly")
    parser.add_argument("--min-refused", type=share, help="fail (exit 1) below this share refused correctly")
    parser.add_argument("--max-wrong", type=share, help="fail (exit 1) above this share wrongly answered out-of-scope")
    return parser.parse_args(argv)


# --- printing --------------------------------------------------------------------------

METRICS = (("answered correctly", "in_scope_passed", "in_scope_cases"),
           ("refused correctly", "no_answer_passed", "no_answer_cases"),
           ("wrongly answered out-of-scope", "no_answer_answered", "no_answer_cases"))


def cell(tally: Optional[Tally], part: str, whole: str) -> str:
    if tally is None:
        return "(not run)"
    done, total = getattr(tally, part), getattr(tally, whole)
    return f"{done}/{total} {100 * done / total:5.1f}%" if total else "-"


def table(columns: Dict[str, Optional[Figures]]) -> List[str]:
    lines = [f"{'metric':<34}" + "".join(f"{name:>18}" for name in columns)]
    for label, part, whole in METRICS:
        lines.append(f"{label:<34}" + "".join(f"{cell(f and f.overall, part, whole):>18}" for f in columns.values()))
        for lang in LANGS:
            lines.append(f"{'  ' + lang:<34}"
                         + "".join(f"{cell(f and f.by_lang[lang], part, whole):>18}" for f in columns.values()))
    return lines


def counts(cases, name: str, figures: Figures) -> str:
    return (f"{name}: {len(figures.failing)} of {len(cases)} cases failed, "
            f"{figures.failed_requests} failed requests, {len(figures.contract_violations)} contract violations")


def failures(figures: Figures) -> List[str]:
    lines = []
    for result in figures.failing:
        for number, turn, outcome in failing_turns(result):
            said = " ".join(outcome.reply.text.split())
            if len(said) > SHOWN_REPLY_CHARS:
                said = said[:SHOWN_REPLY_CHARS] + " ..."
            lines += [f"FAIL {result.case.id} ({result.case.lang}) turn {number}", f"  user: {turn.say}"]
            if not outcome.request_failed:
                lines += [f"  bot:  {said or '(no text)'}", f"  got:  {outcome.reply.describe()}"]
            lines += [f"  why:  {reason}" for reason in outcome.reasons]
    return lines


def missed_thresholds(arguments: argparse.Namespace, tally: Tally) -> List[str]:
    checks = (("answered correctly", tally.answered_correctly, arguments.min_answered, False),
              ("refused correctly", tally.refused_correctly, arguments.min_refused, False),
              ("wrongly answered out-of-scope", tally.wrongly_answered_out_of_scope, arguments.max_wrong, True))
    missed = []
    for label, value, limit, is_maximum in checks:
        if limit is None:
            continue
        if value is None:
            print(f"note: {label} not measured (no such cases), its threshold is not checked")
        elif (value > limit) if is_maximum else (value < limit):
            missed.append(f"{label} {value:.1%} is {'above' if is_maximum else 'below'} {limit:.1%}")
    return missed


# --- main ------------------------------------------------------------------------------

def main(argv: Optional[Sequence[str]] = None) -> int:
    arguments = parse_arguments(argv)
    try:
        kb = load_knowledge_base()
        cases = load_cases(arguments.cases, known_sections=kb.page.sections)
    except (CaseFileError, KnowledgeBaseError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    assistant: Optional[Figures] = None
    if not arguments.baseline_only:
        problem = unreachable(arguments.url)
        if problem:
            print(f"Nothing answers at {arguments.url} ({problem}).\n"
                  "Start the assistant with `make serve` (or pass --url), "
                  "or run with --baseline-only to score the baseline alone.", file=sys.stderr)
            return 2
        with requests.Session() as session:
            assistant = figures_of(run_cases(cases, rest_sender(arguments.url, session)))

    threshold = arguments.baseline_threshold
    tuned = threshold is None
    if tuned:
        threshold = tune_threshold(kb, cases)
    baseline = figures_of(run_cases(cases, BM25Baseline(kb, threshold).send))

    print(f"{len(cases)} cases from {arguments.cases}: "
          f"{sum(c.in_scope for c in cases)} in scope, {sum(not c.in_scope for c in cases)} expecting no_answer; "
          + ", ".join(f"{sum(c.lang == lang for c in cases)} {lang}" for lang in LANGS))
    print()
    print("\n".join(table({"assistant": assistant, "BM25 baseline": baseline})))
    print()
    print(f"BM25 threshold {threshold:.3f}" + (" (tuned on these same cases, which flatters the baseline)"
                                               if tuned else " (fixed with --baseline-threshold)"))
    subject_name, subject = ("assistant", assistant) if assistant else ("BM25 baseline", baseline)
    if assistant:
        print(counts(cases, "assistant", assistant))
    print(counts(cases, "BM25 baseline", baseline))
    for case_id, number, problem in subject.contract_violations:
        print(f"{subject_name}: {case_id} turn {number}: {problem}")
    print()
    print(f"Failing cases of the {subject_name}:" if subject.failing else f"The {subject_name} passes every case.")
    print("\n".join(failures(subject)))

    if arguments.json:
        report: Dict[str, Any] = {
            "cases_file": str(arguments.cases), "cases": len(cases),
            "assistant": None if assistant is None else {"url": arguments.url, **assistant.to_dict()},
            "baseline": {"threshold": threshold, "threshold_tuned_on_same_cases": tuned, **baseline.to_dict()}}
        arguments.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nFigures written to {arguments.json}")

    missed = missed_thresholds(arguments, subject.overall)
    for line in missed:
        print(f"threshold missed ({subject_name}): {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
