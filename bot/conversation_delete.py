"""Deleting one user's conversation on request ("delete my conversation", the widget's button).

For one sender id it deletes every stored event of the conversation (the
tracker store, SQLite or PostgreSQL), the thumbs up / down (FEEDBACK_DB) and a
handoff email address waiting in a draft (HANDOFF_DB). Tickets the user agreed
to send stay, so that the staff can answer them; `make purge` removes them
after the retention.

The conversation's lock (Rasa's lock store, in memory or in Redis) is held
while deleting: a message of the same user that is being handled finishes
first, so its save cannot write the deleted events back (Rasa's SQL store
appends the events it counts as missing). The next message starts a new,
empty conversation, as for any new user.
"""
import logging
from typing import Any, Dict, List, NamedTuple

from bot.health_channel import unwrap
from bot.privacy import DELETE_FAILED_REPLY, DELETED_CUSTOM, DELETED_REPLY
from bot.redacting_tracker_store import RedactingSQLTrackerStore
from bot.retention import DRAFTS, VOTES, delete_rows_of

logger = logging.getLogger(__name__)


class CannotDelete(RuntimeError):
    """The conversation could not be deleted; the message says why (for the log, not the user)."""


class Deleted(NamedTuple):
    events: int
    votes: int


async def delete_conversation(agent: Any, sender_id: str) -> Deleted:
    """Deletes what is stored about `sender_id` (see above) through Rasa's `agent`."""
    store = next((s for s in unwrap(getattr(agent, "tracker_store", None))
                  if isinstance(s, RedactingSQLTrackerStore)), None)
    if store is None:
        raise CannotDelete("the tracker store is not bot.redacting_tracker_store.RedactingSQLTrackerStore")
    try:
        async with agent.lock_store.lock(sender_id):
            events = store.delete_conversation(sender_id)
        votes = delete_rows_of(VOTES, sender_id)
        delete_rows_of(DRAFTS, sender_id)
    except Exception as error:  # the database's or the lock store's error: the user is told it failed
        raise CannotDelete(f"{type(error).__name__}: {error}") from error
    return Deleted(events, votes)


async def deletion_messages(app: Any, sender_id: str) -> List[Dict[str, Any]]:
    """The reply to "delete my conversation": the confirmation (marked for the widget), or an apology."""
    try:
        await delete_conversation(getattr(app.ctx, "agent", None), sender_id)
    except CannotDelete as error:
        logger.error("Could not delete a conversation on request: %s", error)
        return [{"recipient_id": sender_id, "text": DELETE_FAILED_REPLY}]
    return [{"recipient_id": sender_id, "text": DELETED_REPLY, "custom": DELETED_CUSTOM}]
