"""The action server, on 127.0.0.1 only, answering only Rasa: `python -m actions.server --port 5055`.

rasa-sdk 3.6 has no authentication and listens on every interface by default.
This entry builds the same Sanic app (rasa_sdk.endpoint.create_app) and adds a
check before every route: the request must carry ACTION_SERVER_TOKEN in the
header X-Action-Server-Token, which Rasa sends from endpoints*.yml
(`action_endpoint.headers`). GET /health stays open: it says nothing but "ok"
and the start-up waits for it. Without ACTION_SERVER_TOKEN it refuses to start.
No CORS: only Rasa calls it, never a browser.
"""
import argparse
import hmac
import logging
import os
import sys
from typing import Optional

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.security_settings import ACTION_SERVER_TOKEN, ACTION_TOKEN_HEADER, MIN_SECRET_CHARS

HOST = "127.0.0.1"
DEFAULT_PORT = 5055
OPEN_PATHS = frozenset({"/health"})

logger = logging.getLogger(__name__)


def token_matches(expected: str, given: Optional[str]) -> bool:
    """Constant-time comparison: the time taken says nothing about the token."""
    return bool(given) and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_token(app: Sanic, token: str) -> None:
    """Every request except OPEN_PATHS needs the token; others get 401 before any action runs."""

    @app.middleware("request")
    async def check_token(request: Request) -> Optional[HTTPResponse]:
        if request.path in OPEN_PATHS or token_matches(token, request.headers.get(ACTION_TOKEN_HEADER)):
            return None
        logger.warning("Refused a call to %s without the action server token", request.path)
        return response.json({"error": "unauthorized"}, status=401)


def create_app(token: str, actions_package: str = "actions") -> Sanic:
    """rasa-sdk's action server app for `actions_package`, behind the token."""
    from rasa_sdk.endpoint import create_app as create_sdk_app

    app = create_sdk_app(actions_package, cors_origins="")
    require_token(app, token)
    return app


def warm_up() -> None:
    """Loads the knowledge base and the answerer's word lists before listening.

    On a fresh machine the word lists are first derived from spaCy's lookups
    data, which takes longer than Rasa waits for an action; done here, that
    time counts towards start-up (GET /health answers only afterwards), not
    towards the first user's question.
    """
    from actions.knowledge import answerer

    answerer()


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTIONS_PORT") or DEFAULT_PORT))
    parser.add_argument("--actions", default="actions", help="the package of the actions")
    args = parser.parse_args(argv)

    token = os.environ.get(ACTION_SERVER_TOKEN, "")
    if len(token) < MIN_SECRET_CHARS:
        print(f"actions.server: set {ACTION_SERVER_TOKEN} (at least {MIN_SECRET_CHARS} characters), "
              "the secret Rasa sends with every call; scripts/serve.py makes one.", file=sys.stderr)
        return 2

    from rasa_sdk import utils

    utils.configure_colored_logging("INFO")
    utils.update_sanic_log_level()
    app = create_app(token, args.actions)
    warm_up()
    logger.info("Action server on http://%s:%d (calls need %s)", HOST, args.port, ACTION_TOKEN_HEADER)
    app.run(HOST, args.port, workers=utils.number_of_sanic_workers())
    return 0


if __name__ == "__main__":
    sys.exit(main())
