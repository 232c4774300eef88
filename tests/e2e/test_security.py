"""Security over real HTTP: Rasa's HTTP API, the action server's secret, CORS, loopback only.

The shared assistant (conftest.py) runs as `make serve` does: API off, no CORS.
A second one here runs with the API on behind a token and one allowed website
origin, as a deployment that needs them would.
"""
import uuid

import pytest
import requests

from scripts.assistant_process import Assistant, AssistantError, port_is_free, start_assistant
from tests.e2e.support import current_model, scratch_stores
from tests.unit.test_action_server import listening_addresses

pytestmark = pytest.mark.e2e

API_TOKEN = "e2e-api-token-0123456789abcdef"
ALLOWED = "https://www.example.org"
OTHER = "https://evil.example"
API_ROUTES = ["/status", "/conversations/{sender}/tracker", "/domain"]


def say(url: str, sender: str, text: str, **headers: str) -> requests.Response:
    return requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                         headers=headers, timeout=30)


@pytest.fixture(scope="module")
def api_assistant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("api")
    endpoints, env = scratch_stores(folder)
    env = {**env, "RASA_ENABLE_API": "1", "RASA_API_TOKEN": API_TOKEN}
    with start_assistant(current_model(), endpoints=endpoints, log_dir=folder, env=env, cors=[ALLOWED]) as running:
        yield running


# --- the HTTP API ------------------------------------------------------------------------------

@pytest.mark.parametrize("route", API_ROUTES)
def test_the_http_api_is_off_by_default(assistant, route):
    reply = requests.get(assistant.url + route.format(sender="e2e-x"), timeout=30)
    assert reply.status_code == 404


@pytest.mark.parametrize("route", API_ROUTES)
@pytest.mark.parametrize("params", [{}, {"token": "wrong-token"}, {"token": API_TOKEN[:-1]}],
                         ids=["no token", "wrong token", "almost the token"])
def test_when_on_the_http_api_needs_the_token(api_assistant, route, params):
    reply = requests.get(api_assistant.url + route.format(sender="e2e-x"), params=params, timeout=30)
    assert reply.status_code in (401, 403), reply.text


def test_with_the_token_the_http_api_answers(api_assistant):
    sender = f"e2e-{uuid.uuid4().hex}"
    assert say(api_assistant.url, sender, "Is Bremen a partner city?").status_code == 200
    status = requests.get(f"{api_assistant.url}/status", params={"token": API_TOKEN}, timeout=30)
    assert status.status_code == 200 and "model_file" in status.json()
    tracker = requests.get(f"{api_assistant.url}/conversations/{sender}/tracker",
                           params={"token": API_TOKEN}, timeout=30)
    assert tracker.status_code == 200 and tracker.json()["sender_id"] == sender


def test_the_token_is_not_on_the_command_line(api_assistant):
    assert API_TOKEN not in " ".join(api_assistant.rasa.args)
    with open(f"/proc/{api_assistant.rasa.process.pid}/cmdline", "rb") as cmdline:
        assert API_TOKEN.encode() not in cmdline.read()


def test_the_api_without_a_token_is_refused_before_anything_starts(tmp_path, monkeypatch):
    monkeypatch.delenv("RASA_API_TOKEN", raising=False)
    monkeypatch.delenv("RASA_JWT_SECRET", raising=False)
    assistant = Assistant(current_model(), log_dir=tmp_path, env={"RASA_ENABLE_API": "true"})
    with pytest.raises(AssistantError, match="RASA_API_TOKEN"):
        assistant.start()
    assert not any(child.process for child in assistant.children)
    assert port_is_free(assistant.rasa_port)


# --- the action server -------------------------------------------------------------------------

def test_rasas_own_calls_to_the_action_server_carry_the_secret(chat):
    # Every answer comes from the action server: an answer means Rasa's call was let in.
    replies = chat("Is Bremen a partner city?")
    assert any("Bremen" in r.get("text", "") for r in replies), replies


@pytest.mark.parametrize("headers", [{}, {"X-Action-Server-Token": "wrong-token-0123456789"}],
                         ids=["no secret", "wrong secret"])
def test_the_running_action_server_refuses_calls_without_the_secret(assistant, headers):
    call = {"next_action": "action_answer_question", "sender_id": "e2e-x", "tracker": {}, "domain": {}}
    reply = requests.post(f"{assistant.actions_url}/webhook", json=call, headers=headers, timeout=30)
    assert reply.status_code == 401


def test_both_servers_listen_on_loopback_only(assistant):
    assert listening_addresses(assistant.actions_port) == {"0100007F"}
    assert listening_addresses(assistant.rasa_port) == {"0100007F"}


# --- CORS ----------------------------------------------------------------------------------------

def cors_headers(reply: requests.Response) -> dict:
    return {k.lower(): v for k, v in reply.headers.items() if k.lower().startswith("access-control-")}


def test_an_allowed_website_gets_its_origin_back(api_assistant):
    reply = say(api_assistant.url, f"e2e-{uuid.uuid4().hex}", "hello", Origin=ALLOWED)
    assert reply.status_code == 200
    assert cors_headers(reply)["access-control-allow-origin"] == ALLOWED


def test_an_allowed_websites_preflight_is_answered(api_assistant):
    reply = requests.options(f"{api_assistant.url}/webhooks/rest/webhook", timeout=30, headers={
        "Origin": ALLOWED, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    headers = cors_headers(reply)
    assert headers["access-control-allow-origin"] == ALLOWED and "POST" in headers["access-control-allow-methods"]


@pytest.mark.parametrize("method", ["POST", "OPTIONS"])
def test_another_website_gets_no_cors_headers(api_assistant, method):
    reply = requests.request(method, f"{api_assistant.url}/webhooks/rest/webhook", timeout=30,
                             json={"sender": f"e2e-{uuid.uuid4().hex}", "message": "hello"},
                             headers={"Origin": OTHER, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in cors_headers(reply)
    assert "access-control-allow-credentials" not in cors_headers(reply)


@pytest.mark.parametrize("origin", [ALLOWED, OTHER, None])
@pytest.mark.parametrize("path", ["/webhooks/rest/webhook", "/webhooks/web/widget.js", "/webhooks/health/", "/"])
def test_never_a_wildcard_origin_with_credentials(api_assistant, assistant, origin, path):
    for running in (api_assistant, assistant):
        headers = {"Origin": origin} if origin else {}
        method = "POST" if path.endswith("webhook") else "GET"
        reply = requests.request(method, running.url + path, headers=headers, timeout=30,
                                 json={"sender": "e2e-cors", "message": "hi"} if method == "POST" else None)
        found = cors_headers(reply)
        assert found.get("access-control-allow-origin") in (None, ALLOWED)  # never "*", never echoed
        if origin == OTHER:  # a cross-origin read by another site: nothing that would allow it
            assert not {"access-control-allow-origin", "access-control-allow-credentials"} & set(found)


def test_without_configured_origins_no_website_gets_cors_headers(assistant):
    reply = say(assistant.url, f"e2e-{uuid.uuid4().hex}", "hello", Origin=ALLOWED)
    assert "access-control-allow-origin" not in cors_headers(reply)


def test_the_public_health_says_up_or_down_only(assistant):
    reply = requests.get(f"{assistant.url}/webhooks/health/public", timeout=30)
    assert reply.status_code == 200 and reply.json() == {"status": "ok"}
