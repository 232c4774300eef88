"""SQLite in write-ahead-log mode for the embedded tracker store.

Why: profiling `rasa run` showed about a quarter of Rasa's CPU per turn
waiting on SQLite commits, each a full sync of the rollback journal. With
WAL and synchronous=NORMAL a committed turn still survives a crash or restart
of Rasa; only a power cut of the machine can lose the last turns. Other
databases (PostgreSQL in production) are left alone.
"""
import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine

PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL")


def _tune(dbapi_connection, _record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        for pragma in PRAGMAS:
            cursor.execute(pragma)
        cursor.close()


def install() -> None:
    """Every SQLite connection SQLAlchemy opens from now on gets the pragmas."""
    if not event.contains(Engine, "connect", _tune):
        event.listen(Engine, "connect", _tune)
