"""Rasa's telemetry is off in every way the project starts Rasa, even when the environment turns it on."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.assistant_process import PROJECT_ROOT, QUIET_ENV, server_env

TURNED_ON = {"RASA_TELEMETRY_ENABLED": "true"}


def test_the_servers_started_by_the_scripts_run_without_telemetry(monkeypatch):
    # serve.py, prod.py, the tests, the benchmark and the evaluation all start Rasa with server_env.
    monkeypatch.setenv("RASA_TELEMETRY_ENABLED", "true")
    monkeypatch.delenv("ACTION_SERVER_TOKEN", raising=False)  # another test's stand-in may be left
    assert QUIET_ENV["RASA_TELEMETRY_ENABLED"] == "false"
    assert server_env(PROJECT_ROOT, TURNED_ON)["RASA_TELEMETRY_ENABLED"] == "false"


def test_the_rasa_entry_switches_telemetry_off_itself():
    # `rasa telemetry` reports what Rasa would do; through our entry it must say disabled.
    env = {**os.environ, **TURNED_ON, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run([sys.executable, "-m", "bot.rasa_server", "telemetry"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert "currently disabled" in done.stdout, done.stdout + done.stderr


def test_every_make_target_runs_without_telemetry(tmp_path):
    probe = tmp_path / "probe.mk"
    probe.write_text(f"include {PROJECT_ROOT / 'Makefile'}\nprobe:\n\t@echo \"[$$RASA_TELEMETRY_ENABLED]\"\n")
    done = subprocess.run(["make", "--no-print-directory", "-s", "-f", str(probe), "probe"], cwd=PROJECT_ROOT,
                          env={**os.environ, **TURNED_ON}, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "[false]", done.stdout + done.stderr


def test_ci_switches_telemetry_off_before_it_runs_anything():
    script = (PROJECT_ROOT / ".ci" / "run").read_text()
    switch = re.search(r"^export [^\n]*\bRASA_TELEMETRY_ENABLED=false\b", script, re.MULTILINE)
    first_command = re.search(r"^(?:make|python|\$python|\.venv)\b", script, re.MULTILINE)
    assert switch and first_command and switch.start() < first_command.start()


def rasa_subprocess_scripts():
    """The project's Python files that run Rasa's command line in a process of their own."""
    for path in sorted(PROJECT_ROOT.glob("scripts/*.py")) + sorted(PROJECT_ROOT.glob("bot/*.py")):
        if re.search(r'"-m",\s*"rasa"|"-m",\s*"bot\.rasa_server"', path.read_text()):
            yield pytest.param(path, id=str(path.relative_to(PROJECT_ROOT)))


@pytest.mark.parametrize("path", list(rasa_subprocess_scripts()))
def test_each_script_that_runs_rasa_sets_telemetry_off(path: Path):
    text = path.read_text()
    assert re.search(r"RASA_TELEMETRY_ENABLED|QUIET_ENV|quiet_env\(|server_env\(", text), (
        f"{path.name} starts Rasa without RASA_TELEMETRY_ENABLED=false")
