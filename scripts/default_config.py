"""Models of a given config, cached by fingerprint, with their measured training time.

    .venv/bin/python scripts/default_config.py            # train config.default.yml if needed
    .venv/bin/python scripts/default_config.py --path     # only print its model path

scripts/bench.py compares our config.yml with Rasa's default configuration
(config.default.yml) trained on the same domain.yml and data/. Both models are
cached by fingerprint:

- ours is models/<fingerprint>.tar.gz, the very file `make train`
  (scripts/train_if_changed.py) makes and reuses;
- the default's is models/default/<fingerprint>.tar.gz. A folder of its own,
  because `newest_model()` and the tests pick models/*.tar.gz. Its fingerprint
  covers config.default.yml, domain.yml and data/, not bot/*.py: the default
  pipeline runs none of our code, and it takes many minutes to train on 2 cores.

The seconds a training took are kept beside the model (<fingerprint>.train.json),
so that a run that reuses the model can still report them. Trainings measured
here run with an empty Rasa training cache of their own (RASA_CACHE_DIRECTORY),
so a cached graph component never shortens the figure.
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import List, Optional, Tuple

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from scripts import train_if_changed  # noqa: E402

OUR_CONFIG = "config.yml"
DEFAULT_CONFIG = "config.default.yml"
DEFAULT_MODELS = "models/default"


@dataclass
class TrainedModel:
    config: str
    path: Path
    cached: bool  # the model was there before this run
    train_seconds: Optional[float]  # None when no training of it was ever measured
    how_measured: str  # "trained now", "cached, time recorded at training", ...
    skipped: List[str] = field(default_factory=list)  # components Rasa skipped for want of data
    inputs_current: bool = True  # False: the inputs changed while it trained (the next run trains again)

    @property
    def size_bytes(self) -> int:
        return self.path.stat().st_size


def fingerprint(project: Path, config: str = OUR_CONFIG) -> str:
    """train_if_changed's fingerprint for config.yml; for another config, the same
    hash over that config, domain.yml and data/ (no bot/ code: see the docstring)."""
    if config == OUR_CONFIG:
        return train_if_changed.fingerprint(project)
    config_path = project / config
    if not config_path.is_file():
        raise train_if_changed.TrainingError(f"{config_path} is missing.")
    ours_only = {OUR_CONFIG, *train_if_changed.CODE_INPUTS}
    files = [config_path] + [p for p in train_if_changed.input_files(project)
                             if p.relative_to(project).as_posix() not in ours_only]
    digest = hashlib.sha256()
    digest.update(f"rasa {metadata.version('rasa')}\0config {config}\0".encode())
    for path in files:
        content = path.read_bytes()
        digest.update(f"{path.relative_to(project).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:train_if_changed.FINGERPRINT_LENGTH]


def models_dir(project: Path, config: str) -> Path:
    return project / ("models" if config == OUR_CONFIG else DEFAULT_MODELS)


def model_path(project: Path, config: str = OUR_CONFIG) -> Path:
    return models_dir(project, config) / f"{fingerprint(project, config)}.tar.gz"


def timing_path(model: Path) -> Path:
    return model.with_name(model.name.replace(".tar.gz", ".train.json"))


def recorded(model: Path) -> Tuple[Optional[float], List[str]]:
    """The training seconds and skipped components kept beside the model, if any."""
    try:
        kept = json.loads(timing_path(model).read_text())
        return float(kept["train_seconds"]), list(kept.get("skipped", []))
    except (OSError, ValueError, KeyError, TypeError):
        return None, []


def record(model: Path, config: str, seconds: float, skipped: List[str], how: str) -> None:
    timing_path(model).write_text(json.dumps({
        "config": config, "train_seconds": round(seconds, 1), "skipped": skipped, "measured": how,
        "rasa": metadata.version("rasa"), "cores": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
    }, indent=2) + "\n")


def skipped_components(log: Path) -> List[str]:
    """Components that Rasa's training log says it skipped for want of data (e.g. TEDPolicy)."""
    try:
        text = log.read_text(errors="replace")
    except OSError:
        return []
    return sorted(set(re.findall(r"Skipping training of `(\w+)`", text)))


def prune_others(model: Path) -> None:
    """Removes the older models (and their timings) beside `model`: each is tens of MB."""
    for path in model.parent.iterdir():
        if path.name.endswith((".tar.gz", ".train.json")) and path not in (model, timing_path(model)):
            path.unlink()


def rasa_train(project: Path, config: str, out: Path, name: str, log: Path) -> float:
    """`rasa train` of `config` into out/name.tar.gz with a fresh training cache; the seconds it took."""
    out.mkdir(parents=True, exist_ok=True)
    log.parent.mkdir(parents=True, exist_ok=True)
    command: List[str] = [sys.executable, "-m", "rasa", "train", "--config", config,
                          "--domain", "domain.yml", "--data", "data",
                          "--out", str(out), "--fixed-model-name", name]
    with tempfile.TemporaryDirectory(prefix="rasa-cache-") as cache, open(log, "wb") as log_file:
        env = {**train_if_changed.quiet_env(project), "RASA_CACHE_DIRECTORY": cache}
        began = time.monotonic()
        result = subprocess.run(command, cwd=project, env=env, stdin=subprocess.DEVNULL,
                                stdout=log_file, stderr=subprocess.STDOUT)
        seconds = time.monotonic() - began
    if result.returncode != 0 or not (out / f"{name}.tar.gz").is_file():
        raise train_if_changed.TrainingError(
            f"rasa train --config {config} failed (exit {result.returncode}); see {log}")
    return seconds


def ensure_model(project: Path = PROJECT_ROOT, config: str = OUR_CONFIG,
                 log_dir: Optional[Path] = None, measure_cached: bool = False) -> TrainedModel:
    """The model of `config`, trained now unless cached.

    measure_cached: when the model is cached but no training time was recorded
    (ours, trained by `make train`), train it again into a scratch folder to
    measure the time, and record it. Worth it for a quick training only.
    """
    project = project.resolve()
    log_dir = log_dir or project / "var" / "logs"
    log = log_dir / f"train-{Path(config).stem}.log"
    model = model_path(project, config)
    if config == OUR_CONFIG and not (model.is_file() and (project / train_if_changed.SPACY_MODEL).exists()):
        # As `make train`: the spaCy pipeline our config loads is built before
        # a training, and again when var/ was cleaned (the model names its path).
        train_if_changed.build_spacy_model(project)
    if not model.is_file():
        name = model.name[: -len(".tar.gz")]
        seconds = rasa_train(project, config, model.parent, name, log)
        skipped = skipped_components(log)
        record(model, config, seconds, skipped, "trained by scripts/default_config.py")
        # Kept under the name of the inputs it started with, when they changed meanwhile.
        current = fingerprint(project, config) == name
        if config != OUR_CONFIG:  # models/ is train_if_changed's; models/default/ keeps the newest only
            prune_others(model)
        return TrainedModel(config, model, False, seconds, "trained now", skipped, current)
    seconds, skipped = recorded(model)
    if seconds is not None:
        return TrainedModel(config, model, True, seconds, "cached, time recorded at training", skipped)
    if not measure_cached:
        return TrainedModel(config, model, True, None, "cached, training time never recorded")
    with tempfile.TemporaryDirectory(prefix="bench-train-") as scratch:
        seconds = rasa_train(project, config, Path(scratch), "measure", log)
    skipped = skipped_components(log)
    record(model, config, seconds, skipped, "trained again into a scratch folder to measure")
    return TrainedModel(config, model, True, seconds, "cached, time of a scratch training now", skipped)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default=DEFAULT_CONFIG)
    parser.add_argument("--path", action="store_true",
                        help="print the model path of --config; exit 1 if it is not trained")
    args = parser.parse_args(argv)
    try:
        if args.path:
            model = model_path(PROJECT_ROOT, args.config)
            print(model)
            return 0 if model.is_file() else 1
        trained = ensure_model(PROJECT_ROOT, args.config)
    except train_if_changed.TrainingError as error:
        print(f"default_config: {error}", file=sys.stderr)
        return 1
    seconds = "unknown" if trained.train_seconds is None else f"{trained.train_seconds:.1f} s"
    print(f"{trained.how_measured}: training time {seconds}"
          + ("" if trained.inputs_current else " (the inputs changed while it trained: run again)"))
    print(trained.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
