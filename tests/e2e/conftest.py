"""One assistant (Rasa + action server) for all end-to-end tests, on free ports.

It uses the model `make train` made for the current data (trained here only if
missing), a tracker store and handoff inbox in a temporary folder, and stops
when the session ends.
"""
import subprocess
import uuid
import sys
from pathlib import Path

import pytest
import requests

from scripts.assistant_process import PROJECT_ROOT, start_assistant


def current_model() -> str:
    out = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "train_if_changed.py"), "--path"],
                         check=True, capture_output=True, text=True, cwd=PROJECT_ROOT)
    return out.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("assistant")
    endpoints = folder / "endpoints.yml"
    endpoints.write_text((PROJECT_ROOT / "endpoints.yml").read_text().replace(
        "db: var/tracker.db", f"db: {folder / 'tracker.db'}"))
    with start_assistant(current_model(), endpoints=endpoints, log_dir=folder,
                         env={"HANDOFF_DB": str(folder / "handoff.sqlite3")}) as running:
        running.folder = folder
        yield running


@pytest.fixture
def chat(assistant):
    """Sends messages as one new user; returns the bot messages of each turn."""
    sender = f"e2e-{uuid.uuid4().hex}"

    def send(text: str):
        reply = requests.post(f"{assistant.url}/webhooks/rest/webhook",
                              json={"sender": sender, "message": text}, timeout=30)
        assert reply.status_code == 200, reply.text
        return reply.json()
    return send
