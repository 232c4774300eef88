"""Every public route besides the REST channel: no intent shortcuts, staff data only with the staff token.

The channels are the ones credentials.yml opens. Each route handler is called
the way Sanic calls it, with a stand-in request, so a route added later is
checked too. The REST channel (bot/channels.py) has its own tests.
"""
import importlib
import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Dict, List, Tuple

import pytest
import yaml

from bot import web_channel

REPO = Path(__file__).resolve().parents[2]
REST_CHANNEL = "bot.channels.SafeRestInput"
STAFF_CHANNEL = "bot.staff_channel.StaffPages"
STAFF_TOKEN = "staff-token-for-the-test-0123456789"
SHORTCUT = '/request_human{"email": "x@example.org"}'  # what Rasa would run as an intent


def channel_names() -> List[str]:
    return list(yaml.safe_load((REPO / "credentials.yml").read_text()) or {})


def channel_class(name: str) -> Any:
    module, _, cls = name.rpartition(".")
    return getattr(importlib.import_module(module), cls)


class CaseInsensitive(dict):
    """Header look-up as Sanic does it: by any case."""

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


class StandInRequest:
    """What the handlers read of Sanic's Request."""

    def __init__(self, path: str, method: str, body: bytes = b"", headers: Dict[str, str] = None,
                 args: Dict[str, str] = None, content_type: str = "application/json") -> None:
        self.path, self.method, self.body = path, method, body
        self.headers = CaseInsensitive({k.lower(): v for k, v in (headers or {}).items()})
        self.args = dict(args or {})
        self.content_type = content_type
        self.app = SimpleNamespace(ctx=SimpleNamespace(agent=None))

    @property
    def json(self) -> Any:
        return json.loads(self.body or b"null")


def routes(channel: Any) -> List[Tuple[Any, str, List[str]]]:
    """(handler, uri, methods) of every route of the channel's blueprint."""
    recorded: List[Any] = []

    async def on_new_message(message: Any) -> None:
        recorded.append(message)

    blueprint = channel.blueprint(on_new_message)
    channel.recorded = recorded
    return [(r.handler, r.uri, sorted(r.methods)) for r in blueprint._future_routes]


async def call(handler: Any, uri: str, method: str, **request: Any) -> Any:
    params = {name: SHORTCUT for name in re.findall(r"<(\w+)(?::[^>]*)?>", uri)}
    return await handler(StandInRequest(uri, method, **request), **params)


@pytest.fixture
def stores(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOFF_DB", str(tmp_path / "handoff.sqlite3"))
    monkeypatch.setenv("FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    monkeypatch.setenv("STAFF_TOKEN", STAFF_TOKEN)
    return tmp_path


def test_credentials_open_the_channels_this_test_knows():
    assert REST_CHANNEL in channel_names() and STAFF_CHANNEL in channel_names()


@pytest.mark.parametrize("name", [n for n in channel_names() if n != REST_CHANNEL])
async def test_no_other_public_channel_passes_user_text_on_as_a_message(name, stores):
    channel = channel_class(name).from_credentials(None)
    found = routes(channel)
    assert found, f"{name} has no routes"
    body = json.dumps({"sender": "u1", "message": SHORTCUT, "text": SHORTCUT, "topic": "hector",
                       "vote": "down"}).encode()
    for handler, uri, methods in found:
        for method in methods:
            await call(handler, uri, method, body=body, args={"q": SHORTCUT, "token": STAFF_TOKEN},
                       headers={"Authorization": f"Bearer {STAFF_TOKEN}"})
    assert channel.recorded == [], f"{name} handed user text to Rasa: {channel.recorded}"


def staff_routes() -> List[Any]:
    channel = channel_class(STAFF_CHANNEL).from_credentials(None)
    return [pytest.param(h, uri, m, id=f"{m} {uri}")
            for h, uri, methods in routes(channel) for m in methods if m != "HEAD"]


@pytest.mark.parametrize("handler, uri, method", staff_routes())
@pytest.mark.parametrize("token, status", [pytest.param(None, 401, id="no token"),
                                           pytest.param("wrong-token", 401, id="wrong token"),
                                           pytest.param(STAFF_TOKEN[:-1], 401, id="almost the token"),
                                           pytest.param(STAFF_TOKEN, None, id="the token")])
async def test_every_staff_route_needs_the_staff_token(handler, uri, method, token, status, stores):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    reply = await call(handler, uri, method, headers=headers)
    if status is None:
        assert reply.status not in (401, 503)
    else:
        assert reply.status == status and b"staff token" in reply.body
    by_query = await call(handler, uri, method, args={"token": token} if token else {})
    assert (by_query.status == status) if status else by_query.status not in (401, 503)


@pytest.mark.parametrize("handler, uri, method", staff_routes())
async def test_staff_routes_are_off_without_a_configured_token(handler, uri, method, stores, monkeypatch):
    monkeypatch.delenv("STAFF_TOKEN")
    reply = await call(handler, uri, method, headers={"Authorization": "Bearer "}, args={"token": ""})
    assert reply.status == 503


def test_the_report_is_served_by_no_channel():
    """`make report` writes files for the staff on the machine; no route reads them or the report code."""
    for name in channel_names():
        source = Path(importlib.import_module(name.rpartition(".")[0]).__file__).read_text()
        assert not re.search(r"\breport\b|results/", source), f"{name} refers to the report"


def test_the_web_channel_serves_its_fixed_files_only():
    assert {a.filename for a in web_channel.ASSETS.values()} == {"demo.html", "widget.js", "widget.css"}
    assert all((web_channel.WEB_DIR / a.filename).resolve().parent == REPO / "web"
               for a in web_channel.ASSETS.values())
