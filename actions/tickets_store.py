"""The local ticket store (SQLite): every ticket is written here first.

Status of a ticket:
- open: in the local inbox, for the staff page (no helpdesk is configured);
- pending: waiting to be sent to the helpdesk (it was not reachable yet);
- delivered: the helpdesk accepted it;
- done: the staff marked it done on the staff page.

Writing first and sending second is what makes "nothing the user typed is
lost" true: a ticket the helpdesk never got stays pending and is sent later.
The file comes from HANDOFF_DB (default var/handoff.sqlite3).
"""
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import List, NamedTuple, Optional, Sequence

from actions.tickets import Ticket, utc_now

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "var" / "handoff.sqlite3"
OPEN, PENDING, DELIVERED, DONE = "open", "pending", "delivered", "done"
STATUSES = (OPEN, PENDING, DELIVERED, DONE)
SCHEMA = """CREATE TABLE IF NOT EXISTS tickets (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    updated_at TEXT NOT NULL
)"""


class StoredTicket(NamedTuple):
    ticket: Ticket
    status: str
    attempts: int
    last_error: Optional[str]
    updated_at: str


class HandoffDatabase:
    """A table of the handoff database (HANDOFF_DB), made on first use."""
    SCHEMA = ""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db, db:
            db.execute(self.SCHEMA)

    @classmethod
    def from_environment(cls):
        return cls(Path(os.environ.get("HANDOFF_DB") or DEFAULT_PATH))

    def _connect(self) -> sqlite3.Connection:
        # The action server and the staff page (in Rasa's process) share the file.
        return sqlite3.connect(self.path, timeout=5)


class TicketStore(HandoffDatabase):
    SCHEMA = SCHEMA

    def add(self, ticket: Ticket, status: str) -> None:
        self._check(status)
        with closing(self._connect()) as db, db:
            db.execute("INSERT INTO tickets (id, created_at, status, payload, updated_at) VALUES (?, ?, ?, ?, ?)",
                       (ticket.id, ticket.created_at, status, json.dumps(ticket.as_dict(), ensure_ascii=False),
                        utc_now()))

    def set_status(self, ticket_id: str, status: str, error: Optional[str] = None,
                   attempts: int = 0, only_from: Sequence[str] = STATUSES) -> bool:
        """Moves a ticket to `status` (when it is in one of `only_from`); False when none was."""
        self._check(status)
        marks = ",".join("?" * len(only_from))
        with closing(self._connect()) as db, db:
            cursor = db.execute(
                f"UPDATE tickets SET status = ?, last_error = ?, attempts = attempts + ?, updated_at = ? "
                f"WHERE id = ? AND status IN ({marks})",
                (status, error, attempts, utc_now(), ticket_id, *only_from))
            return cursor.rowcount == 1

    def get(self, ticket_id: str) -> Optional[StoredTicket]:
        found = self._select("WHERE id = ?", (ticket_id,))
        return found[0] if found else None

    def with_status(self, *statuses: str, limit: int = 500) -> List[StoredTicket]:
        """Oldest first, so the staff and the resend see them in the order they came."""
        marks = ",".join("?" * len(statuses))
        return self._select(f"WHERE status IN ({marks}) ORDER BY created_at, rowid LIMIT ?", (*statuses, limit))

    def _select(self, where: str, args: tuple) -> List[StoredTicket]:
        with closing(self._connect()) as db:
            rows = db.execute(f"SELECT payload, status, attempts, last_error, updated_at FROM tickets {where}",
                              args).fetchall()
        return [StoredTicket(Ticket.from_dict(json.loads(p)), s, a, e, u) for p, s, a, e, u in rows]

    @staticmethod
    def _check(status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown ticket status {status!r}")
