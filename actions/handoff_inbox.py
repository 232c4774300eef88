"""A local inbox of questions passed on to the Welcome Centre staff (SQLite).

The embedded default: one file in var/, created on first use. The path comes
from HANDOFF_DB so tests and deployments can choose their own.
"""
import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import List, NamedTuple

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "var" / "handoff.sqlite3"
SCHEMA = """CREATE TABLE IF NOT EXISTS handoff_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at REAL NOT NULL,
    sender_id TEXT NOT NULL,
    question TEXT NOT NULL
)"""


class HandoffRequest(NamedTuple):
    id: int
    created_at: float
    sender_id: str
    question: str


class HandoffInbox:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db, db:
            db.execute(SCHEMA)

    @classmethod
    def from_environment(cls) -> "HandoffInbox":
        return cls(Path(os.environ.get("HANDOFF_DB") or DEFAULT_PATH))

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=5)

    def add(self, sender_id: str, question: str) -> int:
        with closing(self._connect()) as db, db:
            cursor = db.execute(
                "INSERT INTO handoff_requests (created_at, sender_id, question) VALUES (?, ?, ?)",
                (time.time(), sender_id, question))
            return int(cursor.lastrowid)

    def all(self) -> List[HandoffRequest]:
        with closing(self._connect()) as db:
            rows = db.execute("SELECT id, created_at, sender_id, question FROM handoff_requests ORDER BY id")
            return [HandoffRequest(*row) for row in rows]
