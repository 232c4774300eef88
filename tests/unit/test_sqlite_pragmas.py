"""SQLite connections opened through SQLAlchemy get WAL mode; data still persists."""
from sqlalchemy import create_engine, text

from bot import sqlite_pragmas


def test_a_sqlite_engine_uses_the_write_ahead_log_and_keeps_what_was_committed(tmp_path):
    sqlite_pragmas.install()
    sqlite_pragmas.install()  # twice is harmless
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, data TEXT)"))
        connection.execute(text("INSERT INTO events (data) VALUES ('turn 1')"))
    engine.dispose()
    reopened = create_engine(url)
    with reopened.connect() as connection:
        assert connection.execute(text("SELECT data FROM events")).scalars().all() == ["turn 1"]


def test_a_sqlite_file_database_keeps_its_connection_open_between_uses(tmp_path):
    from sqlalchemy import pool
    sqlite_pragmas.install()
    engine = create_engine(f"sqlite:///{tmp_path / 'kept.db'}")
    assert isinstance(engine.pool, pool.SingletonThreadPool)
    with engine.connect() as connection:
        first = connection.connection.dbapi_connection
    with engine.connect() as connection:
        assert connection.connection.dbapi_connection is first
    engine.dispose()


def test_a_kept_connection_whose_file_was_deleted_is_not_used_again(tmp_path):
    """Else turns would go on into the deleted file, lost at restart without a word."""
    import pytest
    from sqlalchemy.exc import OperationalError

    sqlite_pragmas.install()
    path = tmp_path / "tracker.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, data TEXT)"))
    for file in tmp_path.glob("tracker.db*"):
        file.unlink()
    with pytest.raises(OperationalError, match="no such table: events"):
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO events (data) VALUES ('turn 2')"))
    engine.dispose()

