"""`make purge` (scripts/purge.py, bot/retention.py) on real SQLite stores with old and new rows.

PostgreSQL is purged by the same code (tests/e2e/test_privacy_over_rest.py runs it there)."""
import json
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from actions.contact_drafts import ContactDrafts
from actions.tickets import Ticket
from actions.tickets_store import OPEN, TicketStore
from bot.feedback_channel import FeedbackStore, Vote
from bot.redacting_tracker_store import RedactingSQLTrackerStore
from scripts import purge

DAY = 86400


def iso_days_ago(days: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(days=days)).replace(microsecond=0).isoformat()


def ticket(ticket_id: str, days_ago: float) -> Ticket:
    return Ticket(id=ticket_id, created_at=iso_days_ago(days_ago), sender_id="u", name="Anna",
                  email="anna@example.org", question="Q?", language="en", answered_topics=(), transcript=())


@pytest.fixture
def stores(tmp_path, monkeypatch):
    """A tracker store with events of 40 and 1 days ago, tickets, drafts and votes of both ages."""
    tracker_db = tmp_path / "tracker.db"
    RedactingSQLTrackerStore(dialect="sqlite", db=str(tracker_db)).engine.dispose()  # Rasa's schema
    now = time.time()
    with sqlite3.connect(tracker_db) as db:
        db.executemany("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', ?, ?)",
                       [("old-user", now - 40 * DAY, json.dumps({"text": "old"})),
                        ("old-user", now - 39 * DAY, json.dumps({"text": "old too"})),
                        ("both", now - 35 * DAY, json.dumps({"text": "last month"})),
                        ("both", now - 1 * DAY, json.dumps({"text": "yesterday"}))])
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: bot.redacting_tracker_store.RedactingSQLTrackerStore\n"
                         f"  dialect: sqlite\n  db: {tracker_db}\n")
    monkeypatch.setenv("HANDOFF_DB", str(tmp_path / "handoff.sqlite3"))
    monkeypatch.setenv("FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    tickets = TicketStore.from_environment()
    tickets.add(ticket("HO-OLD", 31), OPEN)
    tickets.add(ticket("HO-NEW", 2), OPEN)
    ContactDrafts.from_environment().keep("left-half-way", "anna@example.org")
    ContactDrafts.from_environment().keep("in-the-form", "tom@example.org")
    votes = FeedbackStore.from_environment()
    votes.add(Vote("old-user", "hector", "up"))
    votes.add(Vote("both", "hector", "down"))
    with sqlite3.connect(tmp_path / "handoff.sqlite3") as db:
        db.execute("UPDATE contact_drafts SET updated_at = ? WHERE sender_id = 'left-half-way'", (iso_days_ago(2),))
    with sqlite3.connect(tmp_path / "feedback.sqlite3") as db:
        db.execute("UPDATE votes SET created_at = ? WHERE sender_id = 'old-user'", (iso_days_ago(45),))
    return tmp_path, endpoints


def remaining(path: Path, query: str):
    with sqlite3.connect(path) as db:
        return db.execute(query).fetchall()


def test_purge_deletes_what_is_older_than_the_days_and_says_so(stores, capsys):
    folder, endpoints = stores
    assert purge.main(["--days", "30", "--endpoints", str(endpoints)]) == 0
    printed = capsys.readouterr().out
    assert "older than 30 days" in printed
    assert "conversations: 3 events of 2 conversations" in printed
    assert "handoff tickets: 1" in printed and "handoff email drafts older than 1 day: 1" in printed
    assert "feedback votes: 1" in printed
    assert remaining(folder / "tracker.db", "SELECT sender_id, json_extract(data, '$.text') FROM events") == [
        ("both", "yesterday")]
    assert [t.ticket.id for t in TicketStore.from_environment().with_status(OPEN)] == ["HO-NEW"]
    assert remaining(folder / "handoff.sqlite3", "SELECT sender_id FROM contact_drafts") == [("in-the-form",)]
    assert remaining(folder / "feedback.sqlite3", "SELECT sender_id FROM votes") == [("both",)]


def test_the_default_is_the_retention_of_the_privacy_notice(stores, capsys, monkeypatch):
    folder, endpoints = stores
    monkeypatch.setenv("PRIVACY_RETENTION_DAYS", "38")
    assert purge.main(["--endpoints", str(endpoints)]) == 0
    assert "older than 38 days" in capsys.readouterr().out
    assert remaining(folder / "tracker.db", "SELECT json_extract(data, '$.text') FROM events ORDER BY id") == [
        ("last month",), ("yesterday",)]


def test_a_second_purge_finds_nothing_and_missing_stores_are_not_made(stores, capsys, tmp_path, monkeypatch):
    folder, endpoints = stores
    purge.main(["--days", "30", "--endpoints", str(endpoints)])
    capsys.readouterr()
    monkeypatch.setenv("FEEDBACK_DB", str(tmp_path / "never" / "feedback.sqlite3"))
    assert purge.main(["--days", "30", "--endpoints", str(endpoints)]) == 0
    printed = capsys.readouterr().out
    assert "conversations: 0 events of 0 conversations" in printed and "handoff tickets: 0" in printed
    assert not (tmp_path / "never").exists()


@pytest.mark.parametrize("days", ["0", "-1", "soon"])
def test_days_must_be_a_whole_number_of_at_least_one(stores, days):
    with pytest.raises(SystemExit):
        purge.main(["--days", days, "--endpoints", str(stores[1])])


def test_endpoints_without_a_sql_store_are_refused(tmp_path, capsys):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("action_endpoint:\n  url: http://x\n")
    assert purge.main(["--endpoints", str(endpoints)]) == 1
    assert "configures no SQL tracker store" in capsys.readouterr().err
