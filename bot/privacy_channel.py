"""The privacy notice and "delete my conversation" for the website widget (a Rasa input channel for its routes).

    GET  /webhooks/privacy/notice   -> 200 {"text": "Privacy: ...", "retention_days": 30, "delete_commands": [...]}
    POST /webhooks/privacy/delete   {"sender": "<id>"}
                                    -> 200 {"deleted": true, "text": "Done: ..."}
                                    -> 400 {"error": "bad_request", "reason": "..."}
                                    -> 503 {"error": "unavailable", "text": "Sorry, ..."}

The notice's words are bot/privacy.py's; the deletion is bot/conversation_delete.py's,
the same as for the typed command in the REST channel (bot/channels.py).
Whoever knows a sender id can delete that conversation, as they could go on
with it over the REST channel: the widget's id is random and stays in the browser.
"""
import logging
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import log_redaction
from bot.channels import BadRequest, MAX_SENDER_CHARS, SENDER_PATTERN, json_object
from bot.conversation_delete import CannotDelete, delete_conversation
from bot.privacy import DELETE_FAILED_REPLY, DELETED_REPLY, RetentionSettingError, notice

# Rasa imports its channels before it handles a message: from here on, nothing personal is logged.
log_redaction.install()

logger = logging.getLogger(__name__)
MAX_BODY_BYTES = 1024


def parse_sender(body: bytes) -> str:
    """The sender id of a delete request, or BadRequest saying what is wrong."""
    if len(body) > MAX_BODY_BYTES:
        raise BadRequest(f"the body is longer than {MAX_BODY_BYTES} bytes")
    sender = json_object(body, '{"sender": ...}').get("sender")
    if not isinstance(sender, str) or len(sender) > MAX_SENDER_CHARS or not SENDER_PATTERN.fullmatch(sender):
        raise BadRequest(f'"sender" must be the chat\'s sender id: at most {MAX_SENDER_CHARS} letters, digits or _.:@-')
    return sender


class PrivacyInput(InputChannel):
    """credentials.yml: `bot.privacy_channel.PrivacyInput:` (no settings)."""

    @classmethod
    def name(cls) -> Text:
        return "privacy"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        privacy = Blueprint("privacy", __name__)

        @privacy.route("/notice", methods=["GET"])
        async def privacy_notice(_: Request) -> HTTPResponse:
            try:
                return response.json(notice())
            except RetentionSettingError as error:  # a wrong setting must not show a wrong promise
                logger.error("Privacy notice: %s", error)
                return response.json({"error": "unavailable", "reason": str(error)}, status=503)

        @privacy.route("/delete", methods=["POST"])
        async def delete(request: Request) -> HTTPResponse:
            try:
                sender = parse_sender(request.body or b"")
            except BadRequest as error:
                return response.json({"error": "bad_request", "reason": str(error)}, status=400)
            try:
                await delete_conversation(getattr(request.app.ctx, "agent", None), sender)
            except CannotDelete as error:
                logger.error("Could not delete a conversation on request: %s", error)
                return response.json({"error": "unavailable", "text": DELETE_FAILED_REPLY}, status=503)
            return response.json({"deleted": True, "text": DELETED_REPLY})

        return privacy
