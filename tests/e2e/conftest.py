"""One assistant (Rasa + action server) for all end-to-end tests, on free ports.

It uses the model `make train` made for the current data (trained here only if
missing), a tracker store, ticket store and feedback store in a temporary
folder, a stand-in helpdesk (tests/helpdesk_stub.py) and a staff token, and
stops when the session ends.
"""
import uuid
from pathlib import Path

import pytest
import requests

from scripts.assistant_process import start_assistant
from tests.e2e.support import current_model, scratch_stores
from tests.helpdesk_stub import running_helpdesk


STAFF_TOKEN = "e2e-staff-token"


@pytest.fixture(scope="session")
def helpdesk():
    """A stand-in helpdesk on 127.0.0.1 that the assistant sends its handoff tickets to."""
    with running_helpdesk() as stub:
        yield stub


@pytest.fixture(scope="session")
def assistant(tmp_path_factory, helpdesk):
    folder: Path = tmp_path_factory.mktemp("assistant")
    endpoints, env = scratch_stores(folder)
    env = {**env, "HELPDESK_URL": helpdesk.url, "STAFF_TOKEN": STAFF_TOKEN,
           "HELPDESK_RESEND_SECONDS": "1"}  # waiting tickets go again within a second (actions/resender.py)
    with start_assistant(current_model(), endpoints=endpoints, log_dir=folder, env=env) as running:
        running.folder = folder
        running.env = env
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
