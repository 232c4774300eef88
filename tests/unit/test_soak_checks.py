"""The soak's counting (scripts/soak_checks.py) and its load hooks (scripts/load.py), without a server.

The tracker store is a SQLite file with Rasa's `events` table, written here."""
import json
import sqlite3
from pathlib import Path

import pytest

from scripts.load import Exchange, _messages_and_problem
from scripts.soak import think_range
from scripts.soak_checks import (Mismatch, count_mismatches, has_bot_message, judge, memory_figures,
                                 sent_per_sender, stored_user_events, unanswered)

ANSWER = [{"recipient_id": "a", "text": "Bremen is a partner city.", "custom": {"answer": {"topic": "x"}}}]
STAND_IN = [{"recipient_id": "a", "text": "Sorry, I can't answer right now.",
             "custom": {"no_answer": {"reason": "unavailable"}}}]


def exchange(sender="a", text="Is Bremen a partner city?", status=200, messages=ANSWER, problem=None):
    return Exchange(sender, text, status, messages, 0.05, problem)


def tracker_store(path: Path, user_events) -> Path:
    """A SQLite file with Rasa's events table: (sender, type) rows."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
                   "timestamp REAL, intent_name TEXT, action_name TEXT, data TEXT)")
        db.executemany("INSERT INTO events (sender_id, type_name, data) VALUES (?, ?, ?)",
                       [(sender, kind, json.dumps({"event": kind})) for sender, kind in user_events])
    return path


def test_the_user_events_per_sender_are_counted_and_nothing_else(tmp_path):
    database = tracker_store(tmp_path / "tracker.db", [
        ("a", "action"), ("a", "user"), ("a", "bot"), ("a", "user"), ("b", "user"), ("b", "slot"),
        ("c", "session_started")])
    assert stored_user_events(database) == {"a": 2, "b": 1}


def test_every_difference_between_sent_and_stored_is_a_mismatch_either_way():
    sent = sent_per_sender([exchange("a"), exchange("a"), exchange("b"), exchange("c")])
    stored = {"a": 2, "b": 0, "d": 1}
    assert count_mismatches(sent, stored) == [Mismatch("b", 1, 0), Mismatch("c", 1, 0), Mismatch("d", 0, 1)]
    assert count_mismatches(sent, {"a": 2, "b": 1, "c": 1}) == []


@pytest.mark.parametrize("messages,answered", [
    (ANSWER, True),
    ([], False),
    (None, False),
    ([{"recipient_id": "a", "text": "   "}], False),
    ([{"recipient_id": "a", "image": "x.png"}], False),
    (["not a message"], False),
])
def test_a_reply_needs_a_bot_message_with_text(messages, answered):
    assert has_bot_message(messages) is answered


def test_unanswered_are_non_200_replies_errors_and_empty_replies():
    good = exchange()
    refused = exchange(status=503, messages=[{"text": "something is wrong"}], problem="HTTP 503")
    timed_out = exchange(status=None, messages=None, problem="timeout")
    silent = exchange(messages=[])
    assert unanswered([good, refused, timed_out, silent]) == [refused, timed_out, silent]


def test_a_clean_run_passes():
    exchanges = [exchange("a"), exchange("a"), exchange("b")]
    verdict = judge(exchanges, {"a": 2, "b": 1})
    assert verdict.passed and verdict.problems == [] and verdict.examples() == []
    assert (verdict.messages, verdict.senders, verdict.stored) == (3, 2, 3)


def test_each_kind_of_failure_is_named():
    exchanges = [exchange("a"), exchange("a", status=None, messages=None, problem="timeout"),
                 exchange("b", messages=STAND_IN), exchange("c", messages=[])]
    verdict = judge(exchanges, {"a": 1, "b": 1, "c": 1}, server_problems=["the Rasa server exited with code 1"])
    assert not verdict.passed
    problems = "\n".join(verdict.problems)
    assert "the Rasa server exited" in problems
    assert "2 of 4 messages got no proper reply (HTTP 200 without a bot message: 1, timeout: 1)" in problems
    assert "1 replies were the stand-in apology" in problems
    assert "1 conversations stored differently from what was sent (1 messages missing, 0 extra)" in problems
    assert any("stored differently: a: sent 2, stored 1" in line for line in verdict.examples())


def test_a_run_that_sent_nothing_fails():
    assert judge([], {}).problems == ["no message was sent"]


def test_memory_start_end_and_peak_come_from_the_samples():
    figures = memory_figures([(0.0, 600.0), (5.0, None), (10.0, 650.0), (15.0, 640.0)], lifetime_peak=700.0)
    assert (figures.start, figures.end, figures.peak, figures.lifetime_peak) == (600.0, 640.0, 650.0, 700.0)
    assert figures.growth == 40.0
    assert memory_figures([(0.0, None)]).growth is None


@pytest.mark.parametrize("status,body,messages,problem", [
    (200, b'[{"text": "hi"}]', [{"text": "hi"}], None),
    (200, b'{"text": "hi"}', None, "not a list of messages"),
    (200, b"<html>", None, "invalid JSON"),
    (503, b'[{"text": "something is wrong"}]', [{"text": "something is wrong"}], "HTTP 503"),
    (500, b"Internal Server Error", None, "HTTP 500"),
])
def test_the_load_reads_each_reply_as_the_soak_records_it(status, body, messages, problem):
    assert _messages_and_problem(status, body) == (messages, problem)


def test_think_time_is_a_range_of_seconds():
    assert think_range("1-3") == (1.0, 3.0) and think_range("0") == (0.0, 0.0)
    with pytest.raises(Exception):
        think_range("3-1")
