"""Conversations survive a restart (and a crash), on SQLite and PostgreSQL; a lost database is loud.

Each test starts its own assistant (Rasa + action server) on free ports with
the current model, a tracker database made for it (a SQLite file in a
temporary folder, or a fresh PostgreSQL database dropped after), and stops it.
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg2
import pytest
import requests

from scripts.assistant_process import HEALTH_PATH, PROJECT_ROOT, Assistant, AssistantError, free_port, port_is_free

from tests.e2e.support import current_model, postgres

pytestmark = pytest.mark.e2e
PARTNERS = "who are the partners?"


class Backend:
    """Where one test keeps its conversations: an endpoints file and the variables it needs."""

    def __init__(self, name: str, endpoints: Path, env: dict, database: str):
        self.name, self.endpoints, self.env, self.database = name, endpoints, env, database

    def assistant(self, folder: Path) -> Assistant:
        return Assistant(current_model(), endpoints=self.endpoints, log_dir=folder,
                         env={**self.env, "HANDOFF_DB": str(folder / "handoff.sqlite3")})

    def events(self, sender: str):
        """(type, event) of every event stored for `sender`, in order, read from the database itself."""
        query = "SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id"
        if self.name == "sqlite":
            with sqlite3.connect(self.database) as db:
                rows = db.execute(query.replace("%s", "?"), (sender,)).fetchall()
        else:
            with postgres(self.database) as cursor:
                cursor.execute(query, (sender,))
                rows = cursor.fetchall()
        return [(type_name, json.loads(data)) for type_name, data in rows]

    def user_texts(self, sender: str):
        """The user messages stored for `sender`."""
        return [event["text"] for type_name, event in self.events(sender) if type_name == "user"]


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    if request.param == "sqlite":
        endpoints = tmp_path / "endpoints.yml"
        database = tmp_path / "tracker.db"
        endpoints.write_text((PROJECT_ROOT / "endpoints.yml").read_text()
                             .replace("db: var/tracker.db", f"db: {database}"))
        yield Backend("sqlite", endpoints, {}, str(database))
        return
    database = f"rasa_persist_{uuid.uuid4().hex[:12]}"
    with postgres() as cursor:
        cursor.execute(f'CREATE DATABASE "{database}"')
    try:
        yield Backend("postgresql", PROJECT_ROOT / "endpoints.postgres.yml",
                      {"RASA_TRACKER_DB": database}, database)
    finally:
        with postgres() as cursor:
            for name in (database, f"{database}_away"):
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def send(assistant: Assistant, sender: str, text: str) -> requests.Response:
    return requests.post(f"{assistant.url}/webhooks/rest/webhook",
                         json={"sender": sender, "message": text}, timeout=60)


def topic_of(reply: requests.Response):
    """The `answer` topic of a turn (None when the turn is not an answer)."""
    assert reply.status_code == 200, reply.text
    answers = [m["custom"]["answer"] for m in reply.json() if "answer" in (m.get("custom") or {})]
    return answers[0]["topic"] if answers else None


def health(assistant: Assistant) -> requests.Response:
    return requests.get(f"{assistant.url}{HEALTH_PATH}", timeout=10)


def text_of(reply: requests.Response) -> str:
    return " ".join(m.get("text") or "" for m in reply.json())


def assert_says_something_is_wrong(reply: requests.Response) -> None:
    """A refused message: a 503 with a clear message for the user, not a bare 500, not silence."""
    assert reply.status_code == 503, reply.text
    assert "wrong" in text_of(reply).lower(), reply.text
    assert topic_of_any(reply) is None  # no answer made up from a blank conversation


def topic_of_any(reply: requests.Response):
    return next((m["custom"]["answer"]["topic"] for m in reply.json()
                 if "answer" in (m.get("custom") or {})), None)


def crash(assistant: Assistant) -> None:
    """SIGKILL to both servers, as if they crashed: no orderly stop, nothing flushed on the way out."""
    for child in assistant.children:
        os.killpg(child.process.pid, signal.SIGKILL)
        child.process.wait(10)


def test_a_conversation_goes_on_after_a_restart(backend, tmp_path):
    sender = f"persist-{uuid.uuid4().hex}"
    with backend.assistant(tmp_path) as first:
        first.start()
        assert topic_of(send(first, sender, "Tell me about the HECTOR project")) == "hector"
    assert all(child.has_exited() for child in first.children)

    with backend.assistant(tmp_path) as second:
        second.start()
        assert health(second).json()["tracker_store"] == "RedactingSQLTrackerStore"
        turn = send(second, sender, PARTNERS)
        assert topic_of(turn) == "hector", turn.text  # it still knows the project
        assert "Duisburg" in " ".join(m.get("text", "") for m in turn.json())
        # The control: a new user asking the same gets no HECTOR answer.
        assert topic_of(send(second, f"persist-{uuid.uuid4().hex}", PARTNERS)) != "hector"
    assert backend.user_texts(sender) == ["Tell me about the HECTOR project", PARTNERS]


def test_a_crash_in_the_middle_of_the_handoff_form_loses_nothing(backend, tmp_path):
    sender = f"crash-{uuid.uuid4().hex}"
    with backend.assistant(tmp_path) as first:
        first.start()
        assert topic_of(send(first, sender, "Tell me about the HECTOR project")) == "hector"
        assert "May I share this conversation" in text_of(send(first, sender, "can I talk to a person"))
        assert "What name" in text_of(send(first, sender, "yes"))
        before = backend.events(sender)
        crash(first)
    assert [t for t, _ in before].count("user") == 3

    with backend.assistant(tmp_path) as second:
        second.start()
        # The form goes on at the step it was at: it asks for the email address next.
        assert "email address" in text_of(send(second, sender, "Anna de Vries"))
        assert "nothing was sent" in text_of(send(second, sender, "stop"))
        assert topic_of(send(second, sender, PARTNERS)) == "hector"  # the context survived too
    after = backend.events(sender)
    assert after[:len(before)] == before  # every event from before the crash, unchanged
    assert backend.user_texts(sender) == ["Tell me about the HECTOR project", "can I talk to a person", "yes",
                                          "Anna de Vries", "stop", PARTNERS]


def postgres_endpoints_on_port(folder: Path, port: int) -> Path:
    endpoints = folder / "endpoints.yml"
    text = (PROJECT_ROOT / "endpoints.postgres.yml").read_text()
    assert "port: 5432" in text
    endpoints.write_text(text.replace("port: 5432", f"port: {port}"))
    return endpoints


def test_refuses_to_start_when_postgresql_does_not_answer(tmp_path):
    port = free_port()  # nothing listens there
    assistant = Assistant(current_model(), endpoints=postgres_endpoints_on_port(tmp_path, port),
                          log_dir=tmp_path, env={"RASA_TRACKER_DB": "rasa_nowhere"})
    began = time.monotonic()
    with pytest.raises(AssistantError) as refused:
        assistant.start()
    message = str(refused.value)
    assert "PostgreSQL database 'rasa_nowhere'" in message and f"127.0.0.1:{port}" in message
    assert "does not answer" in message
    assert time.monotonic() - began < 5  # refused before Rasa was started, not after a wait
    assert not any(child.process for child in assistant.children)  # no server was started
    assert port_is_free(assistant.rasa_port) and port_is_free(assistant.actions_port)


def test_serve_exits_non_zero_naming_the_database(tmp_path):
    endpoints = postgres_endpoints_on_port(tmp_path, free_port())
    done = subprocess.run([sys.executable, "scripts/serve.py", "--model", current_model(),
                           "--endpoints", str(endpoints), "--port", str(free_port()),
                           "--actions-port", str(free_port())],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "RASA_TRACKER_DB": "rasa_nowhere"})
    assert done.returncode == 1
    assert "PostgreSQL database 'rasa_nowhere'" in done.stderr and "does not answer" in done.stderr


def test_refuses_to_start_when_the_sqlite_folder_cannot_hold_the_file(tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text((PROJECT_ROOT / "endpoints.yml").read_text()
                         .replace("db: var/tracker.db", f"db: {not_a_folder / 'tracker.db'}"))
    assistant = Assistant(current_model(), endpoints=endpoints, log_dir=tmp_path)
    with pytest.raises(AssistantError, match=r"SQLite database .*a-file/tracker\.db.* cannot be made"):
        assistant.start()
    assert not any(child.process for child in assistant.children)


def sqlite_endpoints(folder: Path, database: str) -> Path:
    endpoints = folder / "endpoints.yml"
    endpoints.write_text((PROJECT_ROOT / "endpoints.yml").read_text()
                         .replace("db: var/tracker.db", f"db: {database}"))
    return endpoints


def test_serve_refuses_an_sqlite_folder_it_cannot_write(tmp_path):
    """/proc takes no new files, not even from root (chmod would not stop root)."""
    done = subprocess.run([sys.executable, "scripts/serve.py", "--model", current_model(),
                           "--endpoints", str(sqlite_endpoints(tmp_path, "/proc/tracker.db")),
                           "--port", str(free_port()), "--actions-port", str(free_port())],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "SQLite database /proc/tracker.db" in done.stderr and "not writable" in done.stderr
    assert "Assistant ready" not in done.stdout


def test_refuses_a_rasa_that_fell_back_to_memory(tmp_path):
    """An unknown store type: Rasa warns and keeps conversations in memory; the start is refused."""
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text((PROJECT_ROOT / "endpoints.yml").read_text()
                         .replace("type: bot.redacting_tracker_store.RedactingSQLTrackerStore",
                                  "type: bot.no_such_module.TrackerStore"))
    assistant = Assistant(current_model(), endpoints=endpoints, log_dir=tmp_path)
    with pytest.raises(AssistantError, match="InMemoryTrackerStore") as refused:
        assistant.start()
    assert "unhealthy" in str(refused.value)
    assert all(child.has_exited() for child in assistant.children)  # both were stopped
    assert port_is_free(assistant.rasa_port)


def make_database_unreachable(database: str) -> None:
    """Rasa's connections are cut and the database renamed, as if it were gone."""
    with postgres() as cursor:
        for _ in range(20):
            cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = %s AND pid <> pg_backend_pid()", (database,))
            try:
                cursor.execute(f'ALTER DATABASE "{database}" RENAME TO "{database}_away"')
                return
            except psycopg2.errors.ObjectInUse:  # Rasa reconnected in between
                time.sleep(0.1)
    raise AssertionError(f"could not take {database} away")


def bring_database_back(database: str) -> None:
    with postgres() as cursor:
        cursor.execute(f'ALTER DATABASE "{database}_away" RENAME TO "{database}"')


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_health_is_503_while_the_database_is_gone_and_nothing_is_kept_in_memory(backend, tmp_path):
    sender = f"outage-{uuid.uuid4().hex}"
    with backend.assistant(tmp_path) as assistant:
        assistant.start()
        fine = health(assistant)
        assert fine.status_code == 200, fine.text
        assert fine.json() == {"status": "ok", "tracker_store": "RedactingSQLTrackerStore", "database": "reachable",
                               "conversations_in_memory": 0, "refused_messages": 0}
        assert topic_of(send(assistant, sender, "Tell me about the HECTOR project")) == "hector"

        make_database_unreachable(backend.database)
        try:
            down = health(assistant)
            assert down.status_code == 503, down.text
            assert down.json()["status"] == "unhealthy" and down.json()["database"] == "unreachable"
            assert backend.database in down.json()["reason"]  # "database ... does not exist"
            # A message now is refused, not answered from a blank, in-memory conversation.
            assert_says_something_is_wrong(send(assistant, sender, PARTNERS))
            assert health(assistant).json()["refused_messages"] >= 1
        finally:
            bring_database_back(backend.database)

        back = health(assistant)
        assert back.status_code == 200, back.text
        # Nothing was silently kept in memory during the outage ...
        assert back.json()["conversations_in_memory"] == 0
        # ... and the conversation goes on from the database, context intact.
        assert topic_of(send(assistant, sender, PARTNERS)) == "hector"
        assistant.check()
    # The refused message was never stored anywhere; the one after recovery was.
    assert backend.user_texts(sender) == ["Tell me about the HECTOR project", PARTNERS]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_deleted_sqlite_database_is_reported_and_messages_are_refused(backend, tmp_path):
    """Rasa keeps its SQLite connection open: without bot/sqlite_pragmas.py's check it would go on
    writing into the deleted file, and every later turn would be lost at restart without a word."""
    sender = f"lost-{uuid.uuid4().hex}"
    with backend.assistant(tmp_path) as assistant:
        assistant.start()
        assert topic_of(send(assistant, sender, "Tell me about the HECTOR project")) == "hector"
        for file in Path(backend.database).parent.glob("tracker.db*"):
            file.unlink()  # the disk was wiped, the volume lost

        down = health(assistant)
        assert down.status_code == 503 and down.json()["database"] == "unreachable", down.text
        assert_says_something_is_wrong(send(assistant, sender, PARTNERS))
        assert_says_something_is_wrong(send(assistant, f"lost-{uuid.uuid4().hex}", "hello"))  # no fresh start
        after = health(assistant).json()
        assert after["conversations_in_memory"] == 0 and after["refused_messages"] >= 2
        assistant.check()  # still running, still saying so
