"""Deleting stored data: everything older than the retention (`make purge`), or one user's rows.

Where the assistant keeps data about people, and by which column age is read:
- conversations: the tracker store's `events` table (SQLite or PostgreSQL), `timestamp` (Unix time);
- handoff tickets: `tickets` in HANDOFF_DB, `created_at` (UTC, ISO 8601);
- handoff email drafts: `contact_drafts` in HANDOFF_DB, `updated_at` (actions/contact_drafts.py);
- thumbs up / down: `votes` in FEEDBACK_DB, `created_at`.

Conversations are purged event by event: what is older than the cutoff goes,
also from a conversation that went on later. Rasa starts a new session after
an hour without messages (domain.yml), so the session a user is in is never
cut. Standard library and SQLAlchemy only: no Rasa, so `make purge` is quick.
"""
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Mapping, Optional, Tuple

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The defaults of actions/tickets_store.py and bot/feedback_channel.py (a unit test keeps them equal).
DEFAULT_HANDOFF_DB = PROJECT_ROOT / "var" / "handoff.sqlite3"
DEFAULT_FEEDBACK_DB = PROJECT_ROOT / "var" / "feedback.sqlite3"
# A form takes minutes; an address left in a draft by a form given up half-way goes after a day.
DRAFT_DAYS = 1


@dataclass(frozen=True)
class LocalTable:
    what: str  # in words, for what `make purge` prints
    variable: str  # the environment variable naming the file
    default: Path
    table: str
    created: str  # the column holding the UTC ISO time a row is aged by


TICKETS = LocalTable("handoff tickets", "HANDOFF_DB", DEFAULT_HANDOFF_DB, "tickets", "created_at")
DRAFTS = LocalTable("handoff email drafts", "HANDOFF_DB", DEFAULT_HANDOFF_DB, "contact_drafts", "updated_at")
VOTES = LocalTable("feedback votes", "FEEDBACK_DB", DEFAULT_FEEDBACK_DB, "votes", "created_at")


def path_of(table: LocalTable, env: Optional[Mapping[str, str]] = None) -> Path:
    """The file, as the assistant (run from the project folder) opens it."""
    path = Path((os.environ if env is None else env).get(table.variable) or table.default)
    return path if path.is_absolute() else PROJECT_ROOT / path


def cutoff(days: int, now: Optional[datetime] = None) -> datetime:
    return (now or datetime.now(timezone.utc)) - timedelta(days=days)


def iso(moment: datetime) -> str:
    """As the stores write times (actions/tickets.py utc_now): compared as text, so the same form."""
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def _existing_table(path: Path, table: str) -> Optional[sqlite3.Connection]:
    """A connection to the file when it has `table`; None otherwise. Never makes a file."""
    if not path.is_file():
        return None
    db = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=5)
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone():
        return db
    db.close()
    return None


def delete_older_rows(table: LocalTable, before: datetime, env: Optional[Mapping[str, str]] = None) -> int:
    """Deletes the rows of `table` made before `before`; how many."""
    db = _existing_table(path_of(table, env), table.table)
    if db is None:
        return 0
    with closing(db), db:
        return db.execute(f"DELETE FROM {table.table} WHERE {table.created} < ?", (iso(before),)).rowcount


def delete_rows_of(table: LocalTable, sender_id: str, env: Optional[Mapping[str, str]] = None) -> int:
    """Deletes the rows of one user (VOTES, DRAFTS: tables with a sender_id); how many."""
    db = _existing_table(path_of(table, env), table.table)
    if db is None:
        return 0
    with closing(db), db:
        return db.execute(f"DELETE FROM {table.table} WHERE sender_id = ?", (sender_id,)).rowcount


def delete_older_events(database_url: str, before: datetime) -> Tuple[int, int]:
    """Deletes the tracker store's events older than `before`: (events, conversations they were in)."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    try:
        if not sa.inspect(engine).has_table("events"):
            return 0, 0  # Rasa has not stored anything here yet
        moment = before.timestamp()
        with engine.begin() as connection:
            conversations = connection.execute(
                sa.text("SELECT COUNT(DISTINCT sender_id) FROM events WHERE timestamp < :t"), {"t": moment}).scalar()
            events = connection.execute(sa.text("DELETE FROM events WHERE timestamp < :t"), {"t": moment}).rowcount
        return events, conversations or 0
    finally:
        engine.dispose()
