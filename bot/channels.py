"""Our REST channel: Rasa's REST input with the checks a public website needs.

Same path and shapes as Rasa's `rest` channel (POST /webhooks/rest/webhook with
{"sender": ..., "message": ...}; a list of bot messages back), but:
- a malformed request gets a 400 with a short reason instead of a 500;
- an empty or overlong message gets a friendly reply, and the conversation goes on;
- a leading "/" is dropped, so users cannot trigger intents directly
  ("/greet" is read as the word "greet", not as Rasa's intent shortcut).
"""
import json
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage

from bot import runtime_tuning

# Rasa imports its channels before it creates the tracker store: the moment to
# install the fixes that must see the store's database engine being made.
runtime_tuning.install()

MAX_MESSAGE_CHARS = 1000
MAX_SENDER_CHARS = 128
SENDER_PATTERN = re.compile(r"[A-Za-z0-9_.:@-]+")

EMPTY_REPLY = "Your message was empty. What would you like to know?"
TOO_LONG_REPLY = (f"Your message is too long for me (more than {MAX_MESSAGE_CHARS} characters). "
                  "Could you ask your question in a shorter way?")


class BadRequest(ValueError):
    """The request cannot be read; the message says why, for the 400 answer."""


def parse_request(body: bytes) -> Dict[str, str]:
    """The sender and message of a webhook request, or BadRequest."""
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadRequest("the body must be JSON in UTF-8") from None
    if not isinstance(payload, dict):
        raise BadRequest('the body must be a JSON object {"sender": ..., "message": ...}')
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


class SafeRestInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("safe_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Union[HTTPResponse, Any]:
            try:
                fields = parse_request(request.body or b"")
            except BadRequest as error:
                return response.json({"error": "bad_request", "reason": str(error)}, status=400)
            sender, raw = fields["sender"], fields["message"]
            if len(raw) > MAX_MESSAGE_CHARS * 4:  # far too long even before cleaning
                return response.json(bot_text(sender, TOO_LONG_REPLY))
            text = clean_message(raw)
            if not text:
                return response.json(bot_text(sender, EMPTY_REPLY))
            if len(text) > MAX_MESSAGE_CHARS:
                return response.json(bot_text(sender, TOO_LONG_REPLY))
            collector = CollectingOutputChannel()
            await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(),
                                             metadata=None))
            return response.json(collector.messages)

        return webhook

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        return None
