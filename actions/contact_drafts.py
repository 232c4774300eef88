"""The email address of a handoff in progress, kept outside the stored conversation.

The tracker store keeps conversations redacted (bot/redacting_tracker_store.py),
so the address the user types into the handoff form is stored as "[email]".
The form asks for the question after the address, in a later turn, and the
ticket needs the real address: the form's validation keeps it here, under the
sender id, in the ticket store's database (HANDOFF_DB), and
action_submit_handoff takes it out when the form ends, whatever the outcome.
The user has agreed to share it by then (consent is the form's first question).
Drafts of forms left half-way are deleted by `make purge` after a day.
"""
import logging
import sqlite3
from contextlib import closing
from typing import Optional

from actions.handoff_answers import find_email
from actions.tickets import utc_now
from actions.tickets_store import HandoffDatabase

logger = logging.getLogger(__name__)

SCHEMA = """CREATE TABLE IF NOT EXISTS contact_drafts (
    sender_id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    updated_at TEXT NOT NULL
)"""


class ContactDrafts(HandoffDatabase):
    SCHEMA = SCHEMA

    def keep(self, sender_id: str, email: str) -> None:
        with closing(self._connect()) as db, db:
            db.execute("INSERT INTO contact_drafts (sender_id, email, updated_at) VALUES (?, ?, ?) "
                       "ON CONFLICT (sender_id) DO UPDATE SET email = excluded.email, updated_at = excluded.updated_at",
                       (sender_id, email, utc_now()))

    def email_for(self, sender_id: str) -> Optional[str]:
        with closing(self._connect()) as db:
            row = db.execute("SELECT email FROM contact_drafts WHERE sender_id = ?", (sender_id,)).fetchone()
        return row[0] if row else None

    def forget(self, sender_id: str) -> int:
        with closing(self._connect()) as db, db:
            return db.execute("DELETE FROM contact_drafts WHERE sender_id = ?", (sender_id,)).rowcount


# What the form and the submit action call: a draft that cannot be stored or read
# is logged (without the address) and the form goes on with what the slot holds.

def remember_email(sender_id: str, email: str) -> None:
    try:
        ContactDrafts.from_environment().keep(sender_id, email)
    except (sqlite3.Error, OSError) as error:
        logger.warning("Could not keep the handoff's email address outside the conversation: %s", error)


def consented_email(sender_id: str, slot_value: Optional[str]) -> Optional[str]:
    """The address for the ticket: the draft, else the slot while it still holds a real one (not "[email]")."""
    try:
        draft = ContactDrafts.from_environment().email_for(sender_id)
    except (sqlite3.Error, OSError) as error:
        logger.warning("Could not read the handoff's email address: %s", error)
        draft = None
    return draft or find_email(slot_value or "")


def forget_email(sender_id: str) -> None:
    try:
        ContactDrafts.from_environment().forget(sender_id)
    except (sqlite3.Error, OSError) as error:
        logger.warning("Could not delete the handoff's email address draft: %s", error)
