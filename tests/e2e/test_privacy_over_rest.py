"""Privacy over REST: nothing personal in the stored conversation or the logs (SQLite and PostgreSQL),
the consented ticket keeps the real email address, a user deletes their conversation, `make purge` on PostgreSQL.

SQLite: the session's assistant (tests/e2e/conftest.py). PostgreSQL: an assistant of this module on a
fresh database (dropped after), logging at DEBUG so that Rasa writes every message into its log.
"""
import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Dict, List

import pytest
import requests

from scripts.assistant_process import PROJECT_ROOT, start_assistant
from tests.e2e.support import current_model, postgres

pytestmark = pytest.mark.e2e

PHONE, BSN, IBAN = "06-12345678", "111222333", "NL91 ABNA 0417 1643 00"
# Every form the values could be stored in (as typed, without separators).
RAW_FORMS = (PHONE, "0612345678", "12345678", BSN, IBAN, IBAN.replace(" ", ""), "ABNA0417")
DELETED = "this conversation and your thumbs up / down votes are deleted"


def text_of(messages: List[Dict[str, Any]]) -> str:
    return " ".join(m.get("text") or "" for m in messages)


class Chat:
    def __init__(self, url: str) -> None:
        self.url, self.sender = url, f"privacy-{uuid.uuid4().hex}"

    def __call__(self, text: str) -> List[Dict[str, Any]]:
        reply = requests.post(f"{self.url}/webhooks/rest/webhook", json={"sender": self.sender, "message": text},
                              timeout=60)
        assert reply.status_code == 200, reply.text
        return reply.json()


def personal_conversation(chat: Chat, email: str, contact_email: str) -> List[Dict[str, Any]]:
    """A user who types an email address, phone number, BSN and IBAN, then passes a question on
    to the staff with another address; the last turn (the ticket's confirmation)."""
    chat(f"Hi, I am {email}, you can call me on {PHONE}")
    chat(f"my BSN is {BSN} and my IBAN is {IBAN}")
    chat("What is the budget of the HECTOR project?")
    assert "May I share this conversation" in text_of(chat("yes please"))
    assert "What name" in text_of(chat("yes"))
    assert "email address" in text_of(chat("my name is Anna de Vries"))
    assert "budget" in text_of(chat(contact_email))
    return chat("yes")


def leaks(stored: str, *emails: str) -> List[str]:
    return [value for value in (*emails, *RAW_FORMS) if value in stored]


def unique_email(name: str) -> str:
    return f"{name}.{uuid.uuid4().hex[:8]}@example.org"


def ticket_emails(handoff_db: Path, sender: str) -> List[str]:
    with sqlite3.connect(handoff_db) as db:
        payloads = [json.loads(p) for (p,) in db.execute("SELECT payload FROM tickets")]
    return [t["email"] for t in payloads if t["sender_id"] == sender]


def drafts_of(handoff_db: Path, sender: str) -> list:
    with sqlite3.connect(handoff_db) as db:
        return db.execute("SELECT * FROM contact_drafts WHERE sender_id = ?", (sender,)).fetchall()


def logs_of(folder: Path) -> str:
    return "".join(path.read_text(errors="replace") for path in folder.glob("*.log"))


# --- SQLite --------------------------------------------------------------------------------------------

def sqlite_events(assistant, sender: str) -> List[str]:
    with sqlite3.connect(assistant.folder / "tracker.db") as db:
        return [d for (d,) in db.execute("SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,))]


def test_sqlite_keeps_no_personal_data_but_the_consented_ticket_has_the_real_email(assistant):
    chat = Chat(assistant.url)
    email, contact = unique_email("anna"), unique_email("anna.contact")
    last = personal_conversation(chat, email, contact)
    assert contact in text_of(last)  # the user is told where the staff will reply

    stored = "\n".join(sqlite_events(assistant, chat.sender))
    assert len(stored) > 1000 and "[email]" in stored and "[phone]" in stored
    assert "[bsn]" in stored and "[iban]" in stored
    assert leaks(stored, email, contact) == []
    assert ticket_emails(assistant.folder / "handoff.sqlite3", chat.sender) == [contact]
    assert drafts_of(assistant.folder / "handoff.sqlite3", chat.sender) == []  # only in the ticket now
    assert leaks(logs_of(assistant.folder), email) == []


def test_the_delete_command_removes_the_stored_conversation(assistant):
    chat = Chat(assistant.url)
    chat("Tell me about the HECTOR project")
    chat(f"my phone is {PHONE}")
    assert len(sqlite_events(assistant, chat.sender)) > 5

    [confirmation] = chat("Delete my conversation, please")

    assert DELETED in confirmation["text"] and confirmation["custom"] == {"privacy": "conversation_deleted"}
    assert sqlite_events(assistant, chat.sender) == []
    # The next message starts a new, empty conversation: the HECTOR context is gone.
    follow_up = chat("who are the partners?")
    assert "Duisburg" not in text_of(follow_up)
    events = [json.loads(e) for e in sqlite_events(assistant, chat.sender)]
    assert [e["text"] for e in events if e["event"] == "user"] == ["who are the partners?"]


def test_a_question_about_deleting_is_not_the_command(assistant):
    chat = Chat(assistant.url)
    chat("Tell me about the HECTOR project")
    before = len(sqlite_events(assistant, chat.sender))
    reply = chat("how do I delete my conversation?")
    assert DELETED not in text_of(reply) and len(sqlite_events(assistant, chat.sender)) > before


def test_the_privacy_notice_is_served(assistant):
    notice = requests.get(f"{assistant.url}/webhooks/privacy/notice", timeout=10).json()
    assert notice["retention_days"] == 30 and "30 days" in notice["text"]
    assert "delete my conversation" in notice["delete_commands"]


# --- PostgreSQL ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def postgres_assistant(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("privacy-postgres")
    database = f"rasa_privacy_{uuid.uuid4().hex[:12]}"
    env = {"RASA_TRACKER_DB": database, "LOG_LEVEL": "DEBUG",
           "HANDOFF_DB": str(folder / "handoff.sqlite3"), "FEEDBACK_DB": str(folder / "feedback.sqlite3")}
    try:
        with start_assistant(current_model(), endpoints=PROJECT_ROOT / "endpoints.postgres.yml", log_dir=folder,
                             env=env) as running:
            running.folder, running.env, running.database = folder, env, database
            yield running
    finally:
        with postgres() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def postgres_events(assistant, sender: str) -> List[str]:
    with postgres(assistant.database) as cursor:
        cursor.execute("SELECT data FROM events WHERE sender_id = %s ORDER BY id", (sender,))
        return [d for (d,) in cursor.fetchall()]


def test_postgresql_and_the_debug_log_keep_no_personal_data(postgres_assistant):
    chat = Chat(postgres_assistant.url)
    email, contact = unique_email("wei"), unique_email("wei.contact")
    personal_conversation(chat, email, contact)

    stored = "\n".join(postgres_events(postgres_assistant, chat.sender))
    assert len(stored) > 1000 and "[email]" in stored and "[bsn]" in stored and "[iban]" in stored
    assert leaks(stored, email, contact) == []
    assert ticket_emails(postgres_assistant.folder / "handoff.sqlite3", chat.sender) == [contact]

    log = logs_of(postgres_assistant.folder)
    rasa_log = "".join(p.read_text(errors="replace") for p in postgres_assistant.folder.glob("rasa-*.log"))
    assert "Hi, I am [email], you can call me on [phone]" in rasa_log  # Rasa logged the message, masked
    assert leaks(log, email, contact) == []


def test_the_widgets_delete_endpoint_removes_the_conversation_from_postgresql(postgres_assistant):
    chat = Chat(postgres_assistant.url)
    chat("Is Bremen a partner city?")
    assert postgres_events(postgres_assistant, chat.sender)
    other = Chat(postgres_assistant.url)
    other("Is Bremen a partner city?")

    reply = requests.post(f"{postgres_assistant.url}/webhooks/privacy/delete", json={"sender": chat.sender},
                          timeout=30)

    assert reply.status_code == 200 and reply.json()["deleted"] is True and DELETED in reply.json()["text"]
    assert postgres_events(postgres_assistant, chat.sender) == []
    assert postgres_events(postgres_assistant, other.sender)  # nobody else's
    bad = requests.post(f"{postgres_assistant.url}/webhooks/privacy/delete", json={"sender": "../x y"}, timeout=10)
    assert bad.status_code == 400


def test_purge_deletes_old_conversations_from_postgresql(postgres_assistant):
    chat = Chat(postgres_assistant.url)
    chat("Is Bremen a partner city?")
    old_sender = f"old-{uuid.uuid4().hex}"
    long_ago = time.time() - 40 * 86400
    with postgres(postgres_assistant.database) as cursor:
        for offset in range(3):
            cursor.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (%s, 'user', %s, %s)",
                           (old_sender, long_ago + offset, json.dumps({"event": "user", "text": "long ago"})))

    done = subprocess.run([sys.executable, "scripts/purge.py", "--days", "30", "--endpoints", "endpoints.postgres.yml"],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, **postgres_assistant.env})

    assert done.returncode == 0, done.stderr
    assert "conversations: 3 events of 1 conversation " in done.stdout
    assert f"PostgreSQL database '{postgres_assistant.database}'" in done.stdout
    assert postgres_events(postgres_assistant, old_sender) == []
    assert postgres_events(postgres_assistant, chat.sender)  # this month's conversation stays
