"""Privacy: the notice, the redacting tracker store, the redacted log, deleting one's conversation,
and the handoff's email address kept outside the stored conversation.

Real Rasa tracker store and lock store classes on SQLite files in tmp_path; no server runs.
"""
import asyncio
import json
import logging
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import text

from actions.contact_drafts import ContactDrafts
from actions.handoff import ActionSubmitHandoff
from actions.handoff_form import ValidateHandoffForm
from actions.tickets_store import OPEN, TicketStore
from bot import log_redaction, privacy, retention
from bot.conversation_delete import CannotDelete, delete_conversation, deletion_messages
from bot.privacy import asks_to_delete_conversation, notice, retention_days
from bot.redacting_tracker_store import RedactingSQLTrackerStore
from bot.tracker_check import read_tracker_store_config

REPO = Path(__file__).resolve().parents[2]
EMAIL, PHONE, BSN, IBAN = "anna.devries@example.org", "06-12345678", "111222333", "NL91ABNA0417164300"
PERSONAL = (EMAIL, PHONE, BSN, IBAN, "0612345678", "12345678")
DOMAIN = Domain.from_yaml("""
version: "3.1"
slots:
  handoff_email:
    type: text
    influence_conversation: false
    mappings: [{type: custom}]
""")


# --- the notice and the command -------------------------------------------------------------------

def test_the_notice_says_what_is_stored_for_how_long_and_how_to_delete_it(monkeypatch):
    monkeypatch.delenv(privacy.RETENTION_VARIABLE, raising=False)
    shown = notice()
    assert shown["retention_days"] == 30 and "30 days" in shown["text"]
    for stored in ("conversation", "thumbs up / down", "name", "email address", "agree"):
        assert stored in shown["text"]
    assert all(f'"{command}"' in shown["text"] and asks_to_delete_conversation(command)
               for command in shown["delete_commands"])


def test_the_retention_comes_from_the_environment_and_a_wrong_value_is_refused():
    assert retention_days({"PRIVACY_RETENTION_DAYS": "7"}) == 7
    assert "7 days" in notice({"PRIVACY_RETENTION_DAYS": "7"})["text"]
    for wrong in ("0", "-3", "thirty", "1.5"):
        with pytest.raises(privacy.RetentionSettingError):
            retention_days({"PRIVACY_RETENTION_DAYS": wrong})


@pytest.mark.parametrize("message, meant", [
    ("delete my conversation", True), ("Delete my conversation, please!", True),
    ("Verwijder mijn gesprek a.u.b.", True), ("please delete my data", True),
    ("how do I delete my conversation?", False), ("delete", False),
    ("Tell me about HECTOR", False), ("I want to delete my conversation about Bremen", False),
])
def test_only_the_command_itself_deletes(message, meant):
    assert asks_to_delete_conversation(message) is meant


# --- the redacting tracker store -------------------------------------------------------------------

@pytest.fixture
def store(tmp_path):
    return RedactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))


def conversation(sender: str) -> DialogueStateTracker:
    said = f"I am {EMAIL}, call {PHONE}, BSN {BSN}, IBAN {IBAN}"
    return DialogueStateTracker.from_events(sender, [
        ActionExecuted("action_listen"),
        UserUttered(said, intent={"name": "inform_contact", "confidence": 0.9},
                    entities=[{"entity": "email", "value": EMAIL, "start": 5, "end": 29}],
                    parse_data={"text": said, "intent": {"name": "inform_contact", "confidence": 0.9},
                                "entities": [{"entity": "email", "value": EMAIL}]}),
        SlotSet("handoff_email", EMAIL),
        BotUttered(f"We will reply to {EMAIL}.", data={"buttons": [{"title": f"Call {PHONE}", "payload": "x"}]}),
    ], slots=DOMAIN.slots)


def stored_rows(store):
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT sender_id, type_name, intent_name, data FROM events ORDER BY id")).all()


async def test_the_store_keeps_no_email_phone_bsn_or_iban(store):
    tracker = conversation("visitor-1")
    await store.save(tracker)
    rows = stored_rows(store)
    assert [r.type_name for r in rows] == ["action", "user", "slot", "bot"]
    everything = " ".join(r.data for r in rows)
    assert not [p for p in PERSONAL if p in everything]
    user = json.loads(rows[1].data)
    assert user["text"] == "I am [email], call [phone], BSN [bsn], IBAN [iban]"
    assert user["parse_data"]["entities"][0]["value"] == "[email]" and rows[1].intent_name == "inform_contact"
    assert json.loads(rows[2].data)["value"] == "[email]"
    assert tracker.get_slot("handoff_email") == EMAIL  # the turn in memory still has what the user typed
    again = await store.retrieve("visitor-1")
    assert again.get_slot("handoff_email") == "[email]" and again.latest_message.text.startswith("I am [email]")


async def test_later_turns_are_added_not_rewritten(store):
    tracker = conversation("visitor-1")
    await store.save(tracker)
    tracker.update(UserUttered("my BSN is 123456782"))
    await store.save(tracker)
    rows = stored_rows(store)
    assert len(rows) == 5 and json.loads(rows[-1].data)["text"] == "my BSN is [bsn]"


def test_the_sqlite_tuning_still_applies_to_the_store(store):
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_the_endpoints_files_name_the_redacting_store():
    env = {"RASA_TRACKER_DB": "rasa", "ACTION_ENDPOINT_URL": "x", "ACTION_SERVER_TOKEN": "x", "RASA_LOCK_DB": "1"}
    for name in ("endpoints.yml", "endpoints.postgres.yml", "endpoints.prod.yml"):
        config = read_tracker_store_config(REPO / name, env)
        assert config.type == "bot.redacting_tracker_store.RedactingSQLTrackerStore", name
        assert config.is_sql


# --- deleting one's conversation ------------------------------------------------------------------

def agent_with(store):
    """What Rasa's agent offers the channel: its tracker store (wrapped as Rasa wraps it) and lock store."""
    return SimpleNamespace(tracker_store=FailSafeTrackerStore(store), lock_store=InMemoryLockStore())


async def test_deleting_removes_every_event_of_that_user_only(store, tmp_path, monkeypatch):
    votes = tmp_path / "feedback.sqlite3"
    monkeypatch.setenv("FEEDBACK_DB", str(votes))
    with sqlite3.connect(votes) as db:
        db.execute("CREATE TABLE votes (id INTEGER PRIMARY KEY, created_at TEXT, sender_id TEXT, topic TEXT, "
                   "vote TEXT)")
        db.executemany("INSERT INTO votes (created_at, sender_id, topic, vote) "
                       "VALUES ('2026-01-01', ?, 'hector', 'up')", [("visitor-1",), ("visitor-2",)])
    ContactDrafts.from_environment().keep("visitor-1", EMAIL)
    await store.save(conversation("visitor-1"))
    await store.save(conversation("visitor-2"))

    deleted = await delete_conversation(agent_with(store), "visitor-1")

    assert deleted.events == 4 and deleted.votes == 1
    assert {r.sender_id for r in stored_rows(store)} == {"visitor-2"}
    assert await store.retrieve("visitor-1") is None  # the next message starts afresh
    with sqlite3.connect(votes) as db:
        assert db.execute("SELECT sender_id FROM votes").fetchall() == [("visitor-2",)]
    assert ContactDrafts.from_environment().email_for("visitor-1") is None


async def test_deleting_waits_for_the_turn_being_handled(store):
    agent = agent_with(store)
    await store.save(conversation("visitor-1"))
    order = []
    async with agent.lock_store.lock("visitor-1"):  # a message of this user is being handled
        deleting = asyncio.ensure_future(delete_conversation(agent, "visitor-1"))
        await asyncio.sleep(0.2)
        order.append("turn saved")
        assert not deleting.done() and len(stored_rows(store)) == 4
    await deleting
    order.append("deleted")
    assert order == ["turn saved", "deleted"] and stored_rows(store) == []


async def test_the_reply_confirms_or_says_it_failed(store):
    app = SimpleNamespace(ctx=SimpleNamespace(agent=agent_with(store)))
    [done] = await deletion_messages(app, "visitor-1")
    assert done["text"] == privacy.DELETED_REPLY and done["custom"] == {"privacy": "conversation_deleted"}
    memory = SimpleNamespace(ctx=SimpleNamespace(agent=agent_with(InMemoryTrackerStore(DOMAIN))))
    [failed] = await deletion_messages(memory, "visitor-1")
    assert failed["text"] == privacy.DELETE_FAILED_REPLY and "custom" not in failed
    with pytest.raises(CannotDelete):
        await delete_conversation(None, "visitor-1")


# --- the log --------------------------------------------------------------------------------------

def test_log_records_are_redacted_whoever_writes_them(caplog):
    log_redaction.install()
    log_redaction.install()  # twice is harmless
    logger = logging.getLogger("rasa.core.processor")
    with caplog.at_level(logging.DEBUG, logger="rasa.core.processor"):
        logger.debug("Received user message '%s' with intent '%s'", f"mail {EMAIL} or {PHONE}", "inform")
        try:
            raise ValueError(f"could not parse {IBAN}")
        except ValueError:
            logger.exception("failed for BSN %s", BSN)
    logged = caplog.text
    assert "Received user message 'mail [email] or [phone]' with intent 'inform'" in logged
    assert "could not parse [iban]" in logged and "failed for BSN [bsn]" in logged
    assert not [p for p in PERSONAL if p in logged]


# --- the handoff's email address ------------------------------------------------------------------

async def test_the_consented_email_reaches_the_ticket_though_the_stored_slot_is_redacted():
    domain = yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))
    form = Tracker("visitor-1", {"requested_slot": "handoff_email", "handoff_email": EMAIL},
                   {"text": EMAIL, "intent": {"name": "inform_contact", "confidence": 0.9}, "entities": []},
                   [{"event": "user", "text": EMAIL}, {"event": "action", "name": "handoff_form"},
                    {"event": "slot", "name": "handoff_email", "value": EMAIL}],
                   False, None, {"name": "handoff_form"}, "action_listen")
    await ValidateHandoffForm().run(CollectingDispatcher(), form, domain)
    assert ContactDrafts.from_environment().email_for("visitor-1") == EMAIL

    # The next turn: the slot as read back from the redacting store.
    slots = {"handoff_consent": True, "handoff_name": "Anna", "handoff_email": "[email]",
             "handoff_question": "What is the budget of HECTOR?"}
    ended = Tracker("visitor-1", slots, {"text": "yes"}, [], False, None, {}, "handoff_form")
    dispatcher = CollectingDispatcher()
    await ActionSubmitHandoff().run(dispatcher, ended, domain)
    [stored] = TicketStore.from_environment().with_status(OPEN)
    assert stored.ticket.email == EMAIL and dispatcher.messages[0]["email"] == EMAIL
    assert ContactDrafts.from_environment().email_for("visitor-1") is None  # now only in the ticket


async def test_without_the_draft_a_redacted_address_sends_nothing():
    slots = {"handoff_consent": True, "handoff_name": "Anna", "handoff_email": "[email]", "handoff_question": "Q?"}
    dispatcher = CollectingDispatcher()
    await ActionSubmitHandoff().run(dispatcher, Tracker("visitor-9", slots, {}, [], False, None, {}, "x"), {})
    assert dispatcher.messages[0]["response"] == "utter_handoff_stopped"
    assert TicketStore.from_environment().with_status(OPEN) == []


def test_the_retention_module_knows_the_stores_default_files():
    from actions.tickets_store import DEFAULT_PATH as tickets_default
    from bot.feedback_channel import DEFAULT_PATH as feedback_default
    assert retention.DEFAULT_HANDOFF_DB == tickets_default and retention.DEFAULT_FEEDBACK_DB == feedback_default


def test_the_terminal_chat_starts_with_the_notice(monkeypatch, capsys):
    from bot import chat

    def no_more_input(prompt=""):
        raise EOFError
    monkeypatch.delenv(privacy.RETENTION_VARIABLE, raising=False)
    monkeypatch.setattr("builtins.input", no_more_input)
    monkeypatch.setattr("sys.argv", ["chat"])
    chat.main()
    assert privacy.notice_text(30) in capsys.readouterr().out


def test_the_action_server_redacts_its_log_too():
    import importlib

    import actions
    logging.setLogRecordFactory(logging.LogRecord)  # as in a fresh process
    importlib.reload(actions)
    assert getattr(logging.getLogRecordFactory(), "redacts", False)
