"""Our REST channel: Rasa's REST input with the checks a public website needs.

Same path and shapes as Rasa's `rest` channel (POST /webhooks/rest/webhook with
{"sender": ..., "message": ...}; a list of bot messages back), but:
- a malformed request gets a 400 with a short reason instead of a 500;
- an empty or overlong message gets a friendly reply, and the conversation goes on;
- a leading "/" is dropped, so users cannot trigger intents directly
  ("/greet" is read as the word "greet", not as Rasa's intent shortcut);
- too many messages from one sender or one address get a 429 with a polite
  reason (bot/rate_limit.py);
- every message gets a reply within a few seconds, even when the action server
  is down or slow, and a failed turn gets a message instead of a 500
  (bot/turn_guard.py);
- requests larger than MAX_REQUEST_BYTES are refused with 413 by Sanic itself;
- "delete my conversation" (bot/privacy.py) deletes the user's stored
  conversation before any NLU runs (bot/conversation_delete.py).

The checks are plain functions (`screen_request`), tested without a server.
"""
import json
import re
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Text, Union

import sanic.config
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage

from bot import runtime_tuning, turn_guard
from bot.conversation_delete import deletion_messages
from bot.privacy import asks_to_delete_conversation
from bot.rate_limit import RateLimiter, client_address

# Rasa imports its channels before it creates the tracker store and its Sanic
# app: the moment to install the fixes that must see those being made.
runtime_tuning.install()
turn_guard.install()
# Rasa's server accepts request bodies of up to 100 MB; a chat message is < 5 KB.
MAX_REQUEST_BYTES = 256 * 1024
sanic.config.DEFAULT_CONFIG["REQUEST_MAX_SIZE"] = MAX_REQUEST_BYTES

MAX_MESSAGE_CHARS = 1000
MAX_SENDER_CHARS = 128
SENDER_PATTERN = re.compile(r"[A-Za-z0-9_.:@-]+")

EMPTY_REPLY = "Your message was empty. What would you like to know?"
TOO_LONG_REPLY = (f"Your message is too long for me (more than {MAX_MESSAGE_CHARS} characters). "
                  "Could you ask your question in a shorter way?")
SLOW_DOWN_REASON = ("You are sending messages faster than I can read them. "
                    "Please wait {seconds} seconds and try again.")


class BadRequest(ValueError):
    """The request cannot be read; the message says why, for the 400 answer."""


def json_object(body: bytes, fields: str) -> Dict[str, Any]:
    """The JSON object of a request body, or BadRequest; `fields` shows its shape in the reason."""
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadRequest("the body must be JSON in UTF-8") from None
    except RecursionError:  # hundreds of nested brackets
        raise BadRequest("the body is nested too deeply") from None
    if not isinstance(payload, dict):
        raise BadRequest(f"the body must be a JSON object {fields}")
    return payload


def parse_request(body: bytes) -> Dict[str, str]:
    """The sender and message of a webhook request, or BadRequest."""
    payload = json_object(body, '{"sender": ..., "message": ...}')
    sender, message = payload.get("sender"), payload.get("message")
    if not isinstance(sender, str) or not sender.strip():
        raise BadRequest('"sender" must be a non-empty string')
    if len(sender) > MAX_SENDER_CHARS or not SENDER_PATTERN.fullmatch(sender):
        raise BadRequest(f'"sender" must be at most {MAX_SENDER_CHARS} letters, digits or _.:@-')
    if not isinstance(message, str):
        raise BadRequest('"message" must be a string')
    return {"sender": sender, "message": message}


def clean_message(text: str) -> str:
    """Visible text only, without leading slashes (no intent shortcuts from users)."""
    text = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(text.split()).lstrip("/ ").strip()


def bot_text(sender: str, text: str) -> List[Dict[str, Any]]:
    return [{"recipient_id": sender, "text": text}]


@dataclass(frozen=True)
class Refusal:
    """What to answer instead of running a turn."""
    status: int
    body: Any
    headers: Dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Turn:
    sender: str
    text: str


def screen_request(body: bytes, peer: str, headers: Mapping[str, str],
                   limiter: RateLimiter) -> Union[Refusal, Turn]:
    """The turn to run for a webhook request, or what to answer instead."""
    try:
        fields = parse_request(body)
    except BadRequest as error:
        return Refusal(400, {"error": "bad_request", "reason": str(error)})
    sender, raw = fields["sender"], fields["message"]
    wait = limiter.wait_seconds(sender, client_address(peer, headers))
    if wait:
        return Refusal(429, {"error": "too_many_messages", "reason": SLOW_DOWN_REASON.format(seconds=int(wait))},
                       {"Retry-After": str(int(wait))})
    if len(raw) > MAX_MESSAGE_CHARS * 4:  # far too long even before cleaning
        return Refusal(200, bot_text(sender, TOO_LONG_REPLY))
    text = clean_message(raw)
    if not text:
        return Refusal(200, bot_text(sender, EMPTY_REPLY))
    if len(text) > MAX_MESSAGE_CHARS:
        return Refusal(200, bot_text(sender, TOO_LONG_REPLY))
    return Turn(sender, text)


class SafeRestInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def __init__(self, limiter: Optional[RateLimiter] = None) -> None:
        self.limiter = limiter or RateLimiter.from_env()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("safe_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Union[HTTPResponse, Any]:
            screened = screen_request(request.body or b"", request.ip or "", request.headers, self.limiter)
            if isinstance(screened, Refusal):
                return response.json(screened.body, status=screened.status, headers=screened.headers)
            if asks_to_delete_conversation(screened.text):  # handled here: no model, nothing stored
                return response.json(await deletion_messages(request.app, screened.sender))
            collector = CollectingOutputChannel()
            turn = on_new_message(UserMessage(screened.text, collector, screened.sender,
                                              input_channel=self.name(), metadata=None))
            status, messages = await turn_guard.guarded_turn(turn, collector.messages, screened.sender)
            return response.json(messages, status=status)

        return webhook

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        return None
