"""SQLite for the embedded tracker store: write-ahead log, one open connection.

Why: profiling `rasa run` showed about a quarter of Rasa's CPU per turn
waiting on SQLite commits, each a full sync of the rollback journal, and, at
10 concurrent users, another tenth opening and closing a connection for every
turn (SQLAlchemy 1.4 gives file databases no connection pool). With WAL and
synchronous=NORMAL a committed turn still survives a crash or restart of Rasa;
only a power cut of the machine can lose the last turns. Connections are kept,
one per thread, as SQLAlchemy 2.0 does by default. Other databases
(PostgreSQL in production) are left alone.

A kept connection must not outlive its file: one whose file was deleted (or
replaced) would go on writing turns into a file nobody can open again, and
they would be lost at restart without a word. So each use first checks that
the path still names the file the connection opened; if not, the connection
is replaced, and the new one finds the database gone (no `events` table), which
bot/health_channel.py turns into a refused message and a 503 health check.
"""
import os
import sqlite3
from typing import Optional, Tuple

from sqlalchemy import event, exc, pool
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import Engine

PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL")


def _tune(dbapi_connection, _record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        for pragma in PRAGMAS:
            cursor.execute(pragma)
        cursor.close()


def _file_identity(path: str) -> Optional[Tuple[int, int]]:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _main_file(dbapi_connection: sqlite3.Connection) -> str:
    """The file of the connection's main database ('' in memory)."""
    rows = dbapi_connection.execute("PRAGMA database_list").fetchall()
    return next((file for _, name, file in rows if name == "main"), "") or ""


def _remember_file(dbapi_connection, record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        path = _main_file(dbapi_connection)
        if path:
            record.info["sqlite_file"] = (path, _file_identity(path))


def _check_file_is_still_there(dbapi_connection, record, _proxy) -> None:
    path, identity = record.info.get("sqlite_file", (None, None))
    if path and identity and _file_identity(path) != identity:
        # The pool closes this connection and opens a new one on the path.
        raise exc.DisconnectionError(f"the SQLite file {path} was deleted or replaced")


def _pool_class(url) -> type:
    """One connection per thread for a file database, kept open; as before otherwise."""
    return pool.SingletonThreadPool if SQLiteDialect_pysqlite._is_url_file_db(url) else _plain_pool_class(url)


_plain_pool_class = SQLiteDialect_pysqlite.get_pool_class


def install() -> None:
    """Every SQLite engine and connection SQLAlchemy makes from now on is tuned."""
    for name, listener in (("connect", _tune), ("connect", _remember_file),
                           ("checkout", _check_file_is_still_there)):
        if not event.contains(Engine, name, listener):
            event.listen(Engine, name, listener)
    SQLiteDialect_pysqlite.get_pool_class = classmethod(lambda cls, url: _pool_class(url))
