"""The tracker store's health (bot/health_channel.py) and the checks before start (bot/tracker_check.py).

Real Rasa tracker store classes on SQLite files in tmp_path; no server runs.
"""
import socket
import threading
import time
from pathlib import Path

import pytest
from rasa.core.tracker_store import (AwaitableTrackerStore, FailSafeTrackerStore, InMemoryTrackerStore,
                                     SQLTrackerStore)
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

import bot.health_channel as health_channel
from bot.health_channel import RefuseMemoryFallback, refuse_memory_fallback, tracker_store_health, unwrap
from bot.tracker_check import (TrackerStoreUnavailable, check_database, endpoints_from_argv, fallback_lines,
                               read_tracker_store_config)

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def as_rasa_wraps_it(store):
    """Agent._create_tracker_store(create_tracker_store(...)): FailSafe around Awaitable around the store."""
    return FailSafeTrackerStore(AwaitableTrackerStore(store))


@pytest.fixture
def sqlite_store(tmp_path):
    return SQLTrackerStore(dialect="sqlite", db=str(tmp_path / "tracker.db"))


def tracker(sender="u1"):
    return DialogueStateTracker.from_events(sender, [UserUttered("hello")])


async def test_a_working_sql_store_is_healthy(sqlite_store):
    store = as_rasa_wraps_it(sqlite_store)
    assert unwrap(store)[-1] is sqlite_store
    status, body = await tracker_store_health(store, "SQL")
    assert status == 200
    assert body == {"status": "ok", "tracker_store": "SQLTrackerStore", "database": "reachable",
                    "conversations_in_memory": 0}


async def test_memory_when_the_endpoints_configure_sql_is_a_fallback():
    status, body = await tracker_store_health(as_rasa_wraps_it(InMemoryTrackerStore(None)), "SQL")
    assert status == 503 and body["status"] == "unhealthy"
    assert "InMemoryTrackerStore" in body["reason"] and "'SQL'" in body["reason"]


async def test_memory_is_fine_when_nothing_else_is_configured():
    status, body = await tracker_store_health(as_rasa_wraps_it(InMemoryTrackerStore(None)), None)
    assert (status, body["database"]) == (200, "none")


async def test_no_agent_yet_is_unhealthy():
    status, body = await tracker_store_health(None, "SQL")
    assert status == 503 and "not loaded" in body["reason"]


async def test_a_lost_database_file_is_unhealthy(sqlite_store, tmp_path):
    (tmp_path / "tracker.db").unlink()  # SQLite makes an empty file again: no events table
    status, body = await tracker_store_health(as_rasa_wraps_it(sqlite_store), "SQL")
    assert status == 503 and body["database"] == "unreachable"
    assert "events" in body["reason"]


async def test_a_database_that_does_not_answer_in_time_is_unhealthy(sqlite_store, monkeypatch):
    monkeypatch.setattr(health_channel, "probe_database", lambda engine: time.sleep(2))
    began = time.monotonic()
    status, body = await tracker_store_health(as_rasa_wraps_it(sqlite_store), "SQL", timeout=0.2)
    assert status == 503 and "within 0.2 s" in body["reason"]
    assert time.monotonic() - began < 1.5


async def test_conversations_kept_in_memory_make_it_unhealthy(sqlite_store):
    store = as_rasa_wraps_it(sqlite_store)
    await store.fallback_tracker_store.save(tracker())  # what Rasa's fallback does after an error
    status, body = await tracker_store_health(store, "SQL")
    assert status == 503 and body["conversations_in_memory"] == 1
    assert "lost at restart" in body["reason"]


class BrokenStore(InMemoryTrackerStore):
    """A store whose database is gone."""

    async def save(self, tracker):
        raise ConnectionError("database is gone")

    async def retrieve(self, sender_id):
        raise ConnectionError("database is gone")


async def test_rasa_falls_back_to_memory_without_the_guard():
    """Why the guard exists: Rasa's FailSafeTrackerStore answers from a blank tracker and keeps it in memory."""
    store = FailSafeTrackerStore(BrokenStore(None))
    assert await store.retrieve("u1") is None  # the conversation so far: silently forgotten
    await store.save(tracker())
    assert len(store.fallback_tracker_store.store) == 1  # and silently kept in memory


async def test_the_guard_refuses_instead_of_keeping_memory():
    store = FailSafeTrackerStore(BrokenStore(None))
    guard = refuse_memory_fallback(store)
    assert isinstance(guard, RefuseMemoryFallback) and refuse_memory_fallback(store) is guard  # installed once
    with pytest.raises(TrackerStoreUnavailable, match="database is gone"):
        await store.retrieve("u1")
    with pytest.raises(TrackerStoreUnavailable):
        await store.save(tracker())
    assert store._fallback_tracker_store is None  # nothing was kept in memory
    assert guard.failures == 2
    status, body = await tracker_store_health(store, None)
    assert body["refused_messages"] == 2


def test_a_store_without_failsafe_gets_no_guard():
    assert refuse_memory_fallback(InMemoryTrackerStore(None)) is None
    assert refuse_memory_fallback(None) is None


# -- before start: bot/tracker_check.py ----------------------------------------------------------

def write_endpoints(folder: Path, section: str) -> Path:
    path = folder / "endpoints.yml"
    path.write_text("action_endpoint:\n  url: ${ACTION_ENDPOINT_URL}\ntracker_store:\n" + section)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_projects_endpoints_files_are_read():
    sqlite = read_tracker_store_config(PROJECT_ROOT / "endpoints.yml", {})
    assert (sqlite.is_sqlite, sqlite.db, sqlite.describe()) == (True, "var/tracker.db", "SQLite database var/tracker.db")
    postgres = read_tracker_store_config(PROJECT_ROOT / "endpoints.postgres.yml", {"RASA_TRACKER_DB": "chat"})
    assert postgres.describe() == "PostgreSQL database 'chat' on 127.0.0.1:5432"
    assert postgres.sqlalchemy_url(PROJECT_ROOT) == "postgresql://postgres@127.0.0.1:5432/chat"
    assert postgres.login_db == "postgres"


def test_an_unset_variable_is_named():
    with pytest.raises(TrackerStoreUnavailable, match=r"\$\{RASA_TRACKER_DB\}"):
        read_tracker_store_config(PROJECT_ROOT / "endpoints.postgres.yml", {})


def test_no_tracker_store_section_means_none(tmp_path):
    path = tmp_path / "endpoints.yml"
    path.write_text("action_endpoint:\n  url: http://x\n")
    assert read_tracker_store_config(path, {}) is None
    check_database(None, tmp_path)  # nothing to check


def test_sqlite_in_a_writable_folder_passes_and_a_missing_folder_is_made(tmp_path):
    check_database(read_tracker_store_config(write_endpoints(tmp_path, "  type: SQL\n  db: t.db\n"), {}), tmp_path)
    check_database(read_tracker_store_config(write_endpoints(tmp_path, "  type: SQL\n  db: var/t.db\n"), {}), tmp_path)
    assert (tmp_path / "var").is_dir()


@pytest.mark.parametrize("db,problem", [
    ("a-file/t.db", "folder .*a-file cannot be made"),
    ("junk.db", "cannot be opened for writing"),
    (":memory:", "in memory"),
    ("/proc/t.db", "folder /proc is not writable"),  # even for root, unlike a chmod
])
def test_sqlite_that_cannot_keep_conversations_is_refused(tmp_path, db, problem):
    (tmp_path / "a-file").write_text("")
    (tmp_path / "junk.db").write_text("this is not a database" * 100)
    config = read_tracker_store_config(write_endpoints(tmp_path, f"  type: SQL\n  dialect: sqlite\n  db: '{db}'\n"), {})
    with pytest.raises(TrackerStoreUnavailable, match=problem):
        check_database(config, tmp_path)


def test_postgresql_where_nothing_listens_is_refused_quickly(tmp_path):
    port = free_port()
    config = read_tracker_store_config(write_endpoints(
        tmp_path, f"  type: SQL\n  dialect: postgresql\n  url: 127.0.0.1\n  port: {port}\n  db: chat\n"), {})
    began = time.monotonic()
    with pytest.raises(TrackerStoreUnavailable) as refused:
        check_database(config, tmp_path, timeout=1)
    assert time.monotonic() - began < 2
    assert f"PostgreSQL database 'chat' on 127.0.0.1:{port}" in str(refused.value)
    assert "does not answer" in str(refused.value)


def test_postgresql_on_a_port_where_another_service_listens_is_refused(tmp_path):
    """A wrong port that some other server answers on: the login, not the connect, fails."""
    with socket.socket() as other_service:
        other_service.bind(("127.0.0.1", 0))
        other_service.listen()
        port = other_service.getsockname()[1]
        threading.Thread(target=lambda: other_service.accept()[0].close(), daemon=True).start()
        config = read_tracker_store_config(write_endpoints(
            tmp_path, f"  type: SQL\n  dialect: postgresql\n  url: 127.0.0.1\n  port: {port}\n  db: chat\n"), {})
        with pytest.raises(TrackerStoreUnavailable) as refused:
            check_database(config, tmp_path, timeout=2)
    assert f"PostgreSQL database 'chat' on 127.0.0.1:{port}" in str(refused.value)
    assert "logging in to database 'chat'" in str(refused.value) and "failed" in str(refused.value)


def test_other_store_types_are_left_to_the_health_check(tmp_path):
    config = read_tracker_store_config(write_endpoints(tmp_path, "  type: bot.nowhere.Store\n"), {})
    assert config.persistent and not config.is_sql
    check_database(config, tmp_path)


def test_the_endpoints_of_a_rasa_command_line():
    assert endpoints_from_argv(["rasa", "run", "--endpoints", "e.yml", "--port", "1"]) == "e.yml"
    assert endpoints_from_argv(["rasa", "run", "--endpoints=x.yml"]) == "x.yml"
    assert endpoints_from_argv(["rasa", "run"]) == "endpoints.yml"


def test_rasas_fallback_lines_are_found_in_its_log():
    log = """2026-01-01 INFO     root  - Starting Rasa server on http://127.0.0.1:5005
/x/rasa/shared/utils/io.py:99: UserWarning: Tracker store with type 'bot.nowhere.Store' not found. Using `InMemoryTrackerStore` instead.
2026-01-01 ERROR    rasa.core.tracker_store  - Error happened when trying to save conversation tracker to 'SQLTrackerStore'. Falling back to use the 'InMemoryTrackerStore'. Please investigate the following error: boom.
"""
    found = fallback_lines(log)
    assert len(found) == 2 and "bot.nowhere.Store" in found[0] and "Falling back" in found[1]
    assert fallback_lines("all fine\nRasa server is up and running.") == []

