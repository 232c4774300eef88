"""Rasa's SQL tracker store, storing conversations with personal data redacted.

endpoints*.yml: `tracker_store: {type: bot.redacting_tracker_store.RedactingSQLTrackerStore, dialect: ..., db: ...}`
(the same settings as Rasa's `type: SQL`, SQLite or PostgreSQL).

Every event is redacted as it is written (bot/redaction.py): user texts, the
NLU's text and entities, slot values, bot texts and buttons. The tracker in
memory is not changed, so the turn being handled still sees what the user
typed; the next turn reads the redacted copy back. The handoff form keeps the
one thing it needs across turns, the email address the user consented to give,
outside the tracker (actions/contact_drafts.py).

It also deletes one user's conversation (`delete_conversation`, for the
"delete my conversation" command, bot/conversation_delete.py).
"""
import json
import logging

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot import log_redaction, runtime_tuning
from bot.redaction import redact_value

# Rasa imports this module when it makes the tracker store: the SQLite tuning
# must be in place before the store's engine is made (usually our REST channel
# did this already), and from here on nothing personal reaches the log.
runtime_tuning.install()
log_redaction.install()

logger = logging.getLogger(__name__)


class RedactingSQLTrackerStore(SQLTrackerStore):
    async def save(self, tracker: DialogueStateTracker) -> None:
        """As SQLTrackerStore.save, with each new event's data redacted before it is written.

        (An event broker, when one is configured, still gets Rasa's events as
        they are: this project configures none.)
        """
        await self.stream_events(tracker)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = redact_value(event.as_dict())
                session.add(self.SQLEvent(
                    sender_id=tracker.sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                    intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                    action_name=data.get("name"), data=json.dumps(data)))
            session.commit()

    def delete_conversation(self, sender_id: str) -> int:
        """Deletes every stored event of `sender_id`; returns how many there were."""
        with self.session_scope() as session:
            deleted = (session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id)
                       .delete(synchronize_session=False))
            session.commit()
        logger.info("Deleted the conversation of one user on request (%d events)", deleted)
        return deleted
