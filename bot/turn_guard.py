"""A reply to every message within a few seconds, whatever fails behind it.

Rasa 3.6 waits up to 300 s for the action server, and when a call fails it
logs the error and sends the user nothing. Here:
- calls to the action server give up after ACTION_TIMEOUT seconds (default
  3.5), so a turn whose action server is down or slow ends within 5 s; such a
  turn ends without a word, and gets an apology with the offer to pass the
  question on (`no_answer`, reason `unavailable`, so the website shows its
  "talk to a person" button);
- a turn still running after TURN_DEADLINE seconds (default 30: a last resort,
  well above the time a message may wait for earlier messages of the same
  conversation) gets the same apology; it goes on in the background, so what
  it stores is not lost;
- a turn that failed (the conversation store is gone, say) gets a short
  "something is wrong" message; the channel answers it with 503.
"""
import asyncio
import logging
import os
from typing import Any, Awaitable, Dict, List, Tuple

import rasa.core.actions.action as rasa_actions

logger = logging.getLogger(__name__)

ACTION_TIMEOUT = float(os.environ.get("ACTION_TIMEOUT", "3.5"))
TURN_DEADLINE = float(os.environ.get("TURN_DEADLINE", "30"))

UNAVAILABLE = {"no_answer": {"reason": "unavailable"}}
APOLOGY = ("Sorry, I can't answer right now: part of the assistant is not responding. "
           "Please try again in a moment. If you like, I can pass your question on to "
           "the staff of the International Welcome Centre North.")
BROKEN = ("Sorry, something is wrong on our side and I could not take your message. "
          "Please try again in a few minutes.")

Messages = List[Dict[str, Any]]


def install() -> None:
    """Rasa's remote actions read this module global at each call."""
    rasa_actions.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT


def apology(sender: str, text: str = APOLOGY) -> Messages:
    return [{"recipient_id": sender, "text": text, "custom": UNAVAILABLE}]


def _log_late_failure(task: "asyncio.Task[Any]") -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.error("A turn that had passed its deadline failed: %r", task.exception())


async def guarded_turn(turn: Awaitable[Any], collected: Messages, sender: str,
                       deadline: float = TURN_DEADLINE) -> Tuple[int, Messages]:
    """Runs `turn` (which fills `collected`); the HTTP status and the messages to send back."""
    task = asyncio.ensure_future(turn)
    try:
        await asyncio.wait_for(asyncio.shield(task), deadline)
    except asyncio.TimeoutError:
        task.add_done_callback(_log_late_failure)
        logger.warning("No reply for %s within %.1f s: sent the apology", sender, deadline)
        return 200, apology(sender)
    except Exception:  # noqa: BLE001 - the user gets a message, the log the whole story
        logger.exception("The turn of %s failed", sender)
        return 503, apology(sender, BROKEN)
    if not collected:
        logger.warning("The turn of %s ended without a reply (an action failed?): sent the apology", sender)
        return 200, apology(sender)
    return 200, collected
