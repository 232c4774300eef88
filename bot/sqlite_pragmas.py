"""SQLite for the embedded tracker store: write-ahead log, one open connection.

Why: profiling `rasa run` showed about a quarter of Rasa's CPU per turn
waiting on SQLite commits, each a full sync of the rollback journal, and, at
10 concurrent users, another tenth opening and closing a connection for every
turn (SQLAlchemy 1.4 gives file databases no connection pool). With WAL and
synchronous=NORMAL a committed turn still survives a crash or restart of Rasa;
only a power cut of the machine can lose the last turns. Connections are kept,
one per thread, as SQLAlchemy 2.0 does by default. Other databases
(PostgreSQL in production) are left alone.
"""
import sqlite3

from sqlalchemy import event, pool
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import Engine

PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL")


def _tune(dbapi_connection, _record) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        for pragma in PRAGMAS:
            cursor.execute(pragma)
        cursor.close()


def _pool_class(url) -> type:
    """One connection per thread for a file database, kept open; as before otherwise."""
    return pool.SingletonThreadPool if SQLiteDialect_pysqlite._is_url_file_db(url) else _plain_pool_class(url)


_plain_pool_class = SQLiteDialect_pysqlite.get_pool_class


def install() -> None:
    """Every SQLite engine and connection SQLAlchemy makes from now on is tuned."""
    if not event.contains(Engine, "connect", _tune):
        event.listen(Engine, "connect", _tune)
    SQLiteDialect_pysqlite.get_pool_class = classmethod(lambda cls, url: _pool_class(url))
