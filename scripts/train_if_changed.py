"""Trains a model only when what goes into it has changed.

    .venv/bin/python scripts/train_if_changed.py          # train if needed
    .venv/bin/python scripts/train_if_changed.py --path   # only print the model path

The model is named by a fingerprint of its inputs: config.yml, domain.yml,
every file under data/, bot/nlp_pipeline.py and bot/components.py (when
present) and the Rasa version. models/<fingerprint>.tar.gz existing means the
model is up to date. The last line printed is always the model's path.
"""

import argparse
import hashlib
import os
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Iterator, List, Optional

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CODE_INPUTS = ["bot/nlp_pipeline.py", "bot/components.py", "bot/names.py", "bot/knowledge.py"]  # modules that training runs
SPACY_MODEL = "var/spacy/en_kb"  # what bot/nlp_pipeline.py builds; config.yml loads it
FINGERPRINT_LENGTH = 16  # hex digits of the sha256: short names, no realistic clash


class TrainingError(RuntimeError):
    pass


def input_files(project: Path) -> Iterator[Path]:
    """The files that shape the model, in a stable order."""
    for name in ("config.yml", "domain.yml"):
        path = project / name
        if not path.is_file():
            raise TrainingError(f"{path} is missing.")
        yield path
    for path in sorted((project / "data").rglob("*")):
        relative = path.relative_to(project)
        hidden = any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
        if path.is_file() and not hidden:
            yield path
    for name in CODE_INPUTS:
        if (project / name).is_file():
            yield project / name


def fingerprint(project: Path) -> str:
    digest = hashlib.sha256()
    digest.update(f"rasa {metadata.version('rasa')}\0".encode())
    for path in input_files(project):
        content = path.read_bytes()
        # Name and length first, so moving bytes between files changes the hash.
        digest.update(f"{path.relative_to(project).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:FINGERPRINT_LENGTH]


def quiet_env(project: Path) -> dict:
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(project), env.get("PYTHONPATH")) if p)
    return env


def run_module(module_args: List[str], project: Path) -> None:
    """Runs `python -m ...` with this interpreter, the venv's."""
    command = " ".join(["python", "-m", *module_args])
    print(f"+ {command}", flush=True)
    result = subprocess.run(
        [sys.executable, "-m", *module_args], cwd=project, env=quiet_env(project)
    )
    if result.returncode != 0:
        raise TrainingError(f"`{command}` failed with exit code {result.returncode}.")


def build_spacy_model(project: Path) -> None:
    """bot/nlp_pipeline.py builds the spaCy pipeline the config loads, when the bot has one."""
    if (project / "bot/nlp_pipeline.py").is_file():
        run_module(["bot.nlp_pipeline"], project)


def train(project: Path, name: str) -> Path:
    build_spacy_model(project)
    began = time.monotonic()
    run_module(
        ["rasa", "train",
         "--config", "config.yml", "--domain", "domain.yml", "--data", "data",
         "--out", "models", "--fixed-model-name", name],
        project,
    )  # fmt: skip
    model = project / "models" / f"{name}.tar.gz"
    if not model.is_file():
        raise TrainingError(f"rasa train finished but {model} is not there.")
    print(f"Trained {model.relative_to(project)} in {time.monotonic() - began:.1f} s")
    # rasa train writes its automatic pipeline/policies into a config.yml that
    # leaves them out; name the model after the files as they are now.
    final_name = fingerprint(project)
    if final_name != name:
        model = model.rename(model.with_name(f"{final_name}.tar.gz"))
        print(f"Inputs changed during training (config.yml rewritten?): renamed to {model.name}")
    return model


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", action="store_true",
                        help="print the path the current model has; exit 1 if it is not trained")
    parser.add_argument("--project-dir", type=Path, default=PROJECT_ROOT)
    args = parser.parse_args(argv)
    project = args.project_dir.resolve()

    try:
        name = fingerprint(project)
        model = project / "models" / f"{name}.tar.gz"
        if args.path:
            print(model)
            return 0 if model.is_file() else 1
        if model.is_file():
            print(f"Model up to date: {model.relative_to(project)}")
            # The model refers to the spaCy pipeline by path; var/ may have been cleaned.
            if not (project / SPACY_MODEL).exists():
                build_spacy_model(project)
        else:
            model = train(project, name)
    except TrainingError as error:
        print(f"train_if_changed: {error}", file=sys.stderr)
        return 1
    print(model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
