"""Security settings read from the environment (bot/security_settings.py) and how the starts use them."""
import subprocess
import sys

import pytest

from bot.security_settings import (ACTION_SERVER_TOKEN, SettingsError, action_server_token, cors_origins,
                                   rasa_api_arguments)
from scripts.assistant_process import (PROJECT_ROOT, QUIET_ENV, Assistant, AssistantError, rasa_server_args,
                                      server_env)

TOKEN = "a-long-test-api-token-0123456789"


@pytest.mark.parametrize("env", [{}, {"RASA_ENABLE_API": ""}, {"RASA_ENABLE_API": "0"},
                                 {"RASA_ENABLE_API": "false", "RASA_API_TOKEN": TOKEN}])
def test_the_http_api_is_off_unless_switched_on(env):
    assert rasa_api_arguments(env) == []


def test_the_http_api_is_never_on_without_a_token():
    with pytest.raises(SettingsError, match="RASA_API_TOKEN"):
        rasa_api_arguments({"RASA_ENABLE_API": "1"})


def test_a_short_token_is_refused():
    with pytest.raises(SettingsError, match="shorter"):
        rasa_api_arguments({"RASA_ENABLE_API": "1", "RASA_API_TOKEN": "secret"})


def test_the_token_becomes_rasas_auth_token():
    assert rasa_api_arguments({"RASA_ENABLE_API": "true", "RASA_API_TOKEN": TOKEN}) == [
        "--enable-api", "--auth-token", TOKEN]


def test_a_jwt_secret_is_enough_and_names_its_method():
    assert rasa_api_arguments({"RASA_ENABLE_API": "yes", "RASA_JWT_SECRET": TOKEN}) == [
        "--enable-api", "--jwt-secret", TOKEN, "--jwt-method", "HS256"]


@pytest.mark.parametrize("origin", ["https://www.groningen.nl", "http://127.0.0.1:8000", "https://a-b.example"])
def test_website_origins_are_accepted(origin):
    assert cors_origins([origin]) == [origin]


@pytest.mark.parametrize("origin", ["*", "https://*.groningen.nl", "https://www.groningen.nl/", "groningen.nl",
                                    "https://www.groningen.nl/path", "https://(.*)", "null", ""])
def test_wildcards_patterns_and_paths_are_refused_as_cors_origins(origin):
    with pytest.raises(SettingsError, match="not a website origin"):
        cors_origins([origin])


def test_a_given_action_server_token_is_kept_and_a_missing_one_made():
    assert action_server_token({ACTION_SERVER_TOKEN: TOKEN}) == TOKEN
    made, again = action_server_token({}), action_server_token({ACTION_SERVER_TOKEN: ""})
    assert len(made) >= 32 and made != again  # random per start


def test_a_short_action_server_token_is_refused():
    with pytest.raises(SettingsError):
        action_server_token({ACTION_SERVER_TOKEN: "short"})


def test_every_start_gives_both_servers_an_action_server_token(monkeypatch):
    monkeypatch.delenv(ACTION_SERVER_TOKEN, raising=False)
    env = server_env(PROJECT_ROOT)
    assert len(env[ACTION_SERVER_TOKEN]) >= 32
    assert env["RASA_TELEMETRY_ENABLED"] == "false" == QUIET_ENV["RASA_TELEMETRY_ENABLED"]


def test_a_start_with_the_api_on_and_no_token_is_refused_before_anything_starts(monkeypatch):
    monkeypatch.delenv(ACTION_SERVER_TOKEN, raising=False)
    monkeypatch.delenv("RASA_API_TOKEN", raising=False)
    monkeypatch.delenv("RASA_JWT_SECRET", raising=False)
    with pytest.raises(AssistantError, match="Not starting the assistant: RASA_ENABLE_API is on"):
        server_env(PROJECT_ROOT, {"RASA_ENABLE_API": "1"})


def test_rasa_is_started_through_the_entry_that_adds_the_api_settings():
    args = rasa_server_args("python", PROJECT_ROOT / "m.tar.gz", PROJECT_ROOT / "e.yml", PROJECT_ROOT / "c.yml", 5)
    assert args[1:4] == ["-m", "bot.rasa_server", "run"]
    assert "--enable-api" not in args and "--auth-token" not in args  # never on the command line


def test_the_rasa_entry_itself_refuses_an_open_api():
    # Exits before importing Rasa, so this takes well under a second.
    env = {**QUIET_ENV, "PYTHONPATH": str(PROJECT_ROOT), "RASA_ENABLE_API": "1"}
    done = subprocess.run([sys.executable, "-m", "bot.rasa_server", "run"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "RASA_API_TOKEN" in done.stderr


def test_an_assistant_allowing_every_origin_is_refused(tmp_path):
    for name in ("m.tar.gz", "endpoints.yml", "credentials.yml"):
        (tmp_path / name).write_text("")
    with pytest.raises(AssistantError, match="not a website origin"):
        Assistant("m.tar.gz", project_dir=tmp_path, cors=["https://www.groningen.nl", "*"])
