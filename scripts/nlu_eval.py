"""Scores intent classification on the held-out examples in tests/nlu/.

    python scripts/nlu_eval.py [--model PATH] [--min-f1 0.85] [--min-accuracy 0.85]

Runs `rasa test nlu` on tests/nlu/holdout.yml (examples never used for
training), prints accuracy, weighted F1 and the weakest intents, and exits 1
when a figure is below its threshold.
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "nlu" / "holdout.yml"
OUT = ROOT / "results" / "nlu"


def latest_model() -> str:
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_if_changed.py"), "--path"],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    return out.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model")
    parser.add_argument("--min-f1", type=float, default=0.85)
    parser.add_argument("--min-accuracy", type=float, default=0.85)
    args = parser.parse_args()
    model = args.model or latest_model()
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    subprocess.run([sys.executable, "-m", "rasa", "test", "nlu", "--nlu", str(HOLDOUT), "--model", model,
                    "--out", str(OUT), "--no-plot", "--quiet"], check=True, cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL)
    report = json.loads((OUT / "intent_report.json").read_text())
    accuracy, f1 = report["accuracy"], report["weighted avg"]["f1-score"]
    intents = {k: v for k, v in report.items() if isinstance(v, dict) and "support" in v and k not in
               ("micro avg", "macro avg", "weighted avg")}
    print(f"Held-out NLU ({HOLDOUT.relative_to(ROOT)}, {report['weighted avg']['support']} examples): "
          f"accuracy {accuracy:.3f}, weighted F1 {f1:.3f}")
    print("Weakest intents: " + ", ".join(f"{k} {v['f1-score']:.2f}" for k, v in
                                         sorted(intents.items(), key=lambda kv: kv[1]["f1-score"])[:5]))
    failed = [f"accuracy {accuracy:.3f} < {args.min_accuracy}"] if accuracy < args.min_accuracy else []
    failed += [f"weighted F1 {f1:.3f} < {args.min_f1}"] if f1 < args.min_f1 else []
    for problem in failed:
        print(f"FAILED: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
