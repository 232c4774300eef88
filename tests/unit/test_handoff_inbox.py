"""The local inbox of questions passed on to the Welcome Centre staff (SQLite)."""
import time
from pathlib import Path

import pytest

from actions.handoff_inbox import DEFAULT_PATH, HandoffInbox, HandoffRequest


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "var" / "nested" / "handoff.sqlite3"


def test_the_file_is_created_with_its_folder(path: Path):
    assert not path.parent.exists()
    HandoffInbox(path)
    assert path.is_file()


def test_a_new_inbox_is_empty(path: Path):
    assert HandoffInbox(path).all() == []


def test_questions_added_come_back_in_order_with_sender_and_time(path: Path):
    inbox = HandoffInbox(path)
    before = time.time()
    first = inbox.add("visitor-1", "What is the budget of HECTOR?")
    second = inbox.add("visitor-2", "Wie is de burgemeester van Bremen?")
    requests = inbox.all()
    assert [(r.id, r.sender_id, r.question) for r in requests] == [
        (first, "visitor-1", "What is the budget of HECTOR?"),
        (second, "visitor-2", "Wie is de burgemeester van Bremen?")]
    assert first < second
    assert all(isinstance(r, HandoffRequest) and before <= r.created_at <= time.time() for r in requests)


def test_questions_survive_opening_the_inbox_again(path: Path):
    HandoffInbox(path).add("visitor-1", "Xi’an? 西安")
    assert [r.question for r in HandoffInbox(path).all()] == ["Xi’an? 西安"]


def test_the_inbox_comes_from_the_handoff_db_variable(path: Path, monkeypatch):
    monkeypatch.setenv("HANDOFF_DB", str(path))
    assert HandoffInbox.from_environment().path == path


def test_without_the_variable_the_inbox_is_the_default_file_in_var(monkeypatch):
    monkeypatch.delenv("HANDOFF_DB", raising=False)
    monkeypatch.setattr(HandoffInbox, "__init__", lambda self, p: setattr(self, "path", p))  # touch no file
    assert HandoffInbox.from_environment().path == DEFAULT_PATH
    assert DEFAULT_PATH.parent.name == "var"
