"""The security settings every start of the assistant shares, read from the environment.

Standard library only: scripts/assistant_process.py (which must not import
Rasa) and the entry points of both servers use it.

- Rasa's HTTP API (/status, /conversations/..., /model/...) is off unless
  RASA_ENABLE_API is set, and then only with RASA_API_TOKEN or RASA_JWT_SECRET:
  Rasa itself would serve the whole API to anyone when started with
  --enable-api alone.
- The action server takes calls only with ACTION_SERVER_TOKEN, which Rasa sends
  in the header ACTION_TOKEN_HEADER (endpoints*.yml, `action_endpoint.headers`).
- CORS origins are exact website origins: Rasa answers CORS with credentials
  allowed, and sanic-cors answers "*" by echoing whatever origin asks: every
  website could then read the replies, with credentials.
"""
import re
import secrets
from typing import Iterable, List, Mapping

ENABLE_API = "RASA_ENABLE_API"
API_TOKEN = "RASA_API_TOKEN"
JWT_SECRET = "RASA_JWT_SECRET"
JWT_METHOD = "RASA_JWT_METHOD"
ACTION_SERVER_TOKEN = "ACTION_SERVER_TOKEN"
ACTION_TOKEN_HEADER = "X-Action-Server-Token"  # the header name in endpoints*.yml
MIN_SECRET_CHARS = 16

# scheme://host[:port] and nothing else: no path, no wildcard, no regex (sanic-cors
# would take "*", "[", "(" ... as a pattern that can match other sites).
ORIGIN = re.compile(r"https?://[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::[0-9]{1,5})?", re.IGNORECASE)


class SettingsError(ValueError):
    """A setting that would open the assistant wider than intended; the text says what to set."""


def switched_on(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


def rasa_api_arguments(env: Mapping[str, str]) -> List[str]:
    """The `rasa run` arguments of the HTTP API: none when it is off (the default).

    SettingsError when RASA_ENABLE_API is on without a token or JWT secret, or
    with one too short to resist guessing.
    """
    if not switched_on(env.get(ENABLE_API, "")):
        return []
    token, jwt_secret = env.get(API_TOKEN, ""), env.get(JWT_SECRET, "")
    if not token and not jwt_secret:
        raise SettingsError(
            f"{ENABLE_API} is on but neither {API_TOKEN} nor {JWT_SECRET} is set: Rasa would "
            f"serve its HTTP API (conversations, models) to anyone. Set {API_TOKEN} to a long "
            f"random value (python3 -c 'import secrets; print(secrets.token_urlsafe(32))').")
    arguments = ["--enable-api"]
    for name, value, flag in ((API_TOKEN, token, "--auth-token"), (JWT_SECRET, jwt_secret, "--jwt-secret")):
        if not value:
            continue
        if len(value) < MIN_SECRET_CHARS:
            raise SettingsError(f"{name} is shorter than {MIN_SECRET_CHARS} characters: use a long random value.")
        arguments += [flag, value]
    if jwt_secret:
        arguments += ["--jwt-method", env.get(JWT_METHOD) or "HS256"]
    return arguments


def cors_origins(origins: Iterable[str]) -> List[str]:
    """The origins as given, after checking each is an exact website origin (SettingsError if not)."""
    checked = list(origins)
    for origin in checked:
        if not ORIGIN.fullmatch(origin):
            raise SettingsError(
                f"CORS origin {origin!r} is not a website origin like https://www.example.nl "
                "(scheme, host and optional port; no '*', path or pattern).")
    return checked


def action_server_token(env: Mapping[str, str]) -> str:
    """ACTION_SERVER_TOKEN from `env`, or a new random one for this start of the assistant."""
    token = env.get(ACTION_SERVER_TOKEN, "")
    if not token:
        return secrets.token_urlsafe(32)
    if len(token) < MIN_SECRET_CHARS:
        raise SettingsError(
            f"{ACTION_SERVER_TOKEN} is shorter than {MIN_SECRET_CHARS} characters: use a long random "
            "value, or leave it unset and each start makes one.")
    return token
