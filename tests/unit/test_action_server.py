"""The action server (actions/server.py): loopback only, and only calls that carry the shared secret.

One real server process for the module (no Rasa needed); Rasa's own calls
with the secret are the end-to-end tests' conversations.
"""
import os
import subprocess
import sys
import time

import pytest
import requests

from actions.server import token_matches
from bot.security_settings import ACTION_TOKEN_HEADER
from scripts.assistant_process import PROJECT_ROOT, QUIET_ENV, action_server_args, answers, free_port

TOKEN = "test-action-server-token-0123456789"
# What Rasa sends to run an action (trimmed to what rasa-sdk reads).
ACTION_CALL = {"next_action": "action_answer_question", "sender_id": "t1", "version": "3.6.2",
               "tracker": {"sender_id": "t1", "slots": {}, "latest_message": {"text": "hi", "intent": {},
                           "entities": []}, "events": [], "active_loop": {}, "latest_action_name": None},
               "domain": {"responses": {}}}


def env_with(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "ACTION_SERVER_TOKEN"}
    return {**env, **QUIET_ENV, "PYTHONPATH": str(PROJECT_ROOT), **extra}


@pytest.fixture(scope="module")
def action_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("actions")
    port = free_port()
    env = env_with(ACTION_SERVER_TOKEN=TOKEN, HANDOFF_DB=str(folder / "h.sqlite3"),
                   FEEDBACK_DB=str(folder / "f.sqlite3"), SANIC_HOST="0.0.0.0")  # SANIC_HOST is ignored
    with open(folder / "actions.log", "wb") as log:
        process = subprocess.Popen(action_server_args(sys.executable, port), cwd=PROJECT_ROOT, env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while not answers(f"{url}/health"):
            assert process.poll() is None, (folder / "actions.log").read_text()[-2000:]
            assert time.monotonic() < deadline, "the action server did not answer in 120 s"
            time.sleep(0.2)
        yield url, port
    finally:
        process.terminate()
        process.wait(10)


def post_action(url: str, headers: dict) -> requests.Response:
    return requests.post(f"{url}/webhook", json=ACTION_CALL, headers=headers, timeout=30)


@pytest.mark.parametrize("headers", [{}, {ACTION_TOKEN_HEADER: ""}, {ACTION_TOKEN_HEADER: "wrong"},
                                     {ACTION_TOKEN_HEADER: TOKEN[:-1]}, {"Authorization": f"Bearer {TOKEN}"}],
                         ids=["none", "empty", "wrong", "almost", "other-header"])
def test_a_call_without_the_secret_is_refused(action_server, headers):
    url, _ = action_server
    refused = post_action(url, headers)
    assert refused.status_code == 401 and refused.json() == {"error": "unauthorized"}
    assert requests.get(f"{url}/actions", headers=headers, timeout=10).status_code == 401


def test_a_call_with_the_secret_runs_the_action(action_server):
    url, _ = action_server
    done = post_action(url, {ACTION_TOKEN_HEADER: TOKEN})
    assert done.status_code == 200, done.text
    assert "responses" in done.json()


def test_health_stays_open_and_says_nothing_more(action_server):
    url, _ = action_server
    health = requests.get(f"{url}/health", timeout=10)
    assert health.status_code == 200 and health.json() == {"status": "ok"}


def test_no_cors_for_browsers(action_server):
    url, _ = action_server
    reply = requests.get(f"{url}/health", headers={"Origin": "https://evil.example"}, timeout=10)
    assert "Access-Control-Allow-Origin" not in reply.headers


def listening_addresses(port: int) -> set:
    """The local addresses of the TCP sockets listening on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as rows:
            for row in list(rows)[1:]:
                local, state = row.split()[1], row.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    found.add(address)
    return found


def test_it_listens_on_loopback_only(action_server):
    _, port = action_server
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, nothing on 0.0.0.0 or ::


def test_it_refuses_to_start_without_the_secret():
    done = subprocess.run(action_server_args(sys.executable, free_port()), cwd=PROJECT_ROOT, env=env_with(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "ACTION_SERVER_TOKEN" in done.stderr


def test_tokens_are_compared_whole():
    assert token_matches(TOKEN, TOKEN)
    assert not token_matches(TOKEN, None) and not token_matches(TOKEN, "") and not token_matches(TOKEN, TOKEN + "x")


def test_the_answerer_is_ready_before_the_server_listens(monkeypatch):
    """On a fresh machine its word lists take longer to derive than Rasa waits for an action."""
    import actions.server as server
    from actions.knowledge import answerer

    answerer.cache_clear()
    seen = {}

    class FakeApp:
        def run(self, *args, **kwargs):
            seen["answerer built"] = answerer.cache_info().currsize == 1

    monkeypatch.setenv("ACTION_SERVER_TOKEN", TOKEN)
    monkeypatch.setattr(server, "create_app", lambda token, package: FakeApp())
    assert server.main(["--port", str(free_port())]) == 0
    assert seen == {"answerer built": True}
