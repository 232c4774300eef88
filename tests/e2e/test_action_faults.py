"""Rate limits, and the action server down or slow, on an assistant of this module's own.

The action server is stopped in the middle (so this module has its own
assistant, not the shared one): the user must get an apology with the
handoff offer within 5 s, not silence or an error.
"""
import socket
import threading
import time
import uuid
from contextlib import contextmanager

import pytest
import requests

from scripts.assistant_process import HOST, start_assistant
from tests.e2e.support import current_model, scratch_stores

pytestmark = pytest.mark.e2e
QUESTION = "Who are the partners of HECTOR?"
PROMISED_SECONDS = 5.0


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults")
    endpoints, env = scratch_stores(folder)
    env = {**env, "RATE_LIMIT_SENDER": "4/60", "RATE_LIMIT_ADDRESS": "6/60"}
    with start_assistant(current_model(), endpoints=endpoints, log_dir=folder, env=env) as running:
        yield running


def send(assistant, sender, text, headers=None):
    began = time.monotonic()
    reply = requests.post(f"{assistant.url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                          headers=headers or {}, timeout=30)
    return reply, time.monotonic() - began


def reason(messages):
    return next((m["custom"]["no_answer"]["reason"] for m in messages
                 if "no_answer" in (m.get("custom") or {})), None)


def test_a_sender_over_the_limit_gets_a_polite_429_and_others_go_on(assistant):
    sender = f"rl-{uuid.uuid4().hex}"
    for _ in range(4):
        assert send(assistant, sender, "hello")[0].status_code == 200
    refused, _ = send(assistant, sender, "hello again")
    assert refused.status_code == 429
    assert "Please wait" in refused.json()["reason"] and int(refused.headers["Retry-After"]) >= 1
    assert send(assistant, f"rl-{uuid.uuid4().hex}", "hello")[0].status_code == 200


def test_an_address_behind_the_proxy_over_the_limit_gets_a_429_across_senders(assistant):
    proxied = {"X-Real-IP": "198.51.100.23"}  # what nginx adds in production mode
    statuses = [send(assistant, f"ip-{uuid.uuid4().hex}", "hello", proxied)[0].status_code for _ in range(7)]
    assert statuses == [200] * 6 + [429]
    assert send(assistant, f"ip-{uuid.uuid4().hex}", "hello", {"X-Real-IP": "198.51.100.24"})[0].status_code == 200


def assert_apology_in_time(reply, seconds):
    assert reply.status_code == 200, reply.text
    assert seconds < PROMISED_SECONDS, f"the apology took {seconds:.1f} s"
    messages = reply.json()
    assert reason(messages) == "unavailable"
    text = " ".join(m.get("text", "") for m in messages)
    assert "Sorry" in text and "Welcome Centre" in text  # the apology and the offer to pass it on


@contextmanager
def silent_server(port):
    """Accepts connections on `port` and never answers: an action server that hangs."""
    listener = socket.create_server((HOST, port))
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except socket.timeout:
                continue
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield accepted
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


def test_action_server_down_then_slow_gets_an_apology_within_five_seconds(assistant):
    sender = f"fault-{uuid.uuid4().hex}"
    fine, _ = send(assistant, sender, QUESTION)
    assert fine.status_code == 200 and reason(fine.json()) is None

    assistant.actions.stop()
    down, seconds = send(assistant, sender, QUESTION)
    assert_apology_in_time(down, seconds)

    with silent_server(assistant.actions_port) as accepted:
        slow, seconds = send(assistant, sender, QUESTION)
        assert accepted, "Rasa did not call the hanging action server"
    assert_apology_in_time(slow, seconds)

    # Rasa itself stays healthy throughout.
    health = requests.get(f"{assistant.url}/webhooks/health/", timeout=10)
    assert health.status_code == 200
