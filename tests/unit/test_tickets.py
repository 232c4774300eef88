"""The handoff ticket (actions/tickets.py) and the local ticket store (actions/tickets_store.py)."""
import json
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest

from actions.tickets import (MAX_MESSAGE_CHARS, TRANSCRIPT_TURNS, Ticket, TranscriptLine, build_ticket,
                             language_of, last_question)
from actions.tickets_store import DEFAULT_PATH, DELIVERED, DONE, OPEN, PENDING, TicketStore


def user(text: str) -> Dict[str, Any]:
    return {"event": "user", "text": text}


def bot(text: str, **custom: Any) -> Dict[str, Any]:
    return {"event": "bot", "text": text, "data": {"custom": custom} if custom else {}}


def answer(text: str, topic: str) -> Dict[str, Any]:
    return bot(text, answer={"topic": topic, "sources": []})


FORM_START = [{"event": "action", "name": "handoff_form"}, {"event": "active_loop", "name": "handoff_form"}]


def ticket(events: List[Dict[str, Any]], question: str = "What is the budget of HECTOR?", **fields: Any) -> Ticket:
    values = dict(sender_id="visitor-1", name=" Anna de Vries ", email="anna@example.org", question=question,
                  events=events)
    values.update(fields)
    return build_ticket(**values)


# --- language ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("What is the budget of the HECTOR project?", "en"),
    ("Wat is het budget van het HECTOR project?", "nl"),
    ("Wie onderhoudt de band met San Carlos?", "nl"),
    ("Who keeps the link with San Carlos?", "en"),
    ("Ik wil graag weten waar ik een kamer kan vinden", "nl"),
    ("HECTOR?", "en"),  # nothing to go on: English, the assistant's language
    ("", "en"),
])
def test_the_language_is_told_by_common_words(text: str, language: str):
    assert language_of(text) == language


def test_a_short_question_takes_the_language_of_the_conversation():
    events = [user("Hoi, ik heb een vraag over de partnersteden van de gemeente"), bot("...")]
    assert ticket(events, question="Budget HECTOR?").language == "nl"
    assert ticket([user("I have a question about the partner cities")], question="Budget HECTOR?").language == "en"


# --- building a ticket ---------------------------------------------------------------------------------

def test_a_ticket_holds_the_question_contact_time_and_consent():
    made = ticket([user("What is the budget of HECTOR?"), bot("I don't know", no_answer={"reason": "unknown_fact"})],
                  now="2024-05-01T10:00:00+00:00", ticket_id="HO-1")
    assert (made.id, made.created_at, made.sender_id) == ("HO-1", "2024-05-01T10:00:00+00:00", "visitor-1")
    assert (made.name, made.email, made.question, made.consent) == (
        "Anna de Vries", "anna@example.org", "What is the budget of HECTOR?", True)


def test_the_time_is_utc_iso_8601_and_ids_differ():
    first, second = ticket([]), ticket([])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", first.created_at)
    assert first.id != second.id and re.fullmatch(r"HO-[0-9A-F]{10}", first.id)


def test_the_topics_already_answered_are_listed_once_in_order():
    events = [user("Is Bremen a partner city?"), answer("Yes", "partner-cities"),
              user("Tell me about HECTOR"), answer("HECTOR is ...", "hector"),
              user("and Murmansk?"), answer("Yes", "partner-cities"),
              user("budget?"), bot("I don't know", no_answer={"reason": "unknown_fact"})]
    assert ticket(events).answered_topics == ("partner-cities", "hector")


def test_the_transcript_is_the_conversation_before_the_handoff_started():
    events = [user("Is Bremen a partner city?"), answer("Yes, Bremen ...", "partner-cities"),
              {"event": "slot", "name": "context_intent", "value": "x"},
              user("yes please"), bot("I'll pass your question on ..."), *FORM_START,
              bot("May I share this conversation ...?"), user("yes"), bot("What name ...?"), user("Anna")]
    assert ticket(events).transcript == (TranscriptLine("user", "Is Bremen a partner city?"),
                                         TranscriptLine("bot", "Yes, Bremen ..."))
    # Topics answered only inside the form do not count either (there are none, by design).
    assert ticket(events).answered_topics == ("partner-cities",)


def test_the_transcript_keeps_the_last_turns_and_clips_long_messages():
    events = [e for i in range(20) for e in (user(f"question {i}"), bot("x" * 2000))]
    lines = ticket(events).transcript
    assert len(lines) == TRANSCRIPT_TURNS
    assert lines[-2] == TranscriptLine("user", "question 19")
    assert len(lines[-1].text) == MAX_MESSAGE_CHARS and lines[-1].text.endswith("…")


@pytest.mark.parametrize("events, question", [
    ([user("Is Bremen a partner city?"), answer("Yes", "partner-cities"), user("thanks"), bot("You're welcome")],
     "Is Bremen a partner city?"),
    ([user("What is HECTOR's budget?"), bot("I don't know", no_answer={"reason": "unknown_fact"})],
     "What is HECTOR's budget?"),
    ([user("blah"), bot("Which one?", clarify={"options": ["a", "b"]})], None),
    ([user("hello"), bot("Hello!")], None),
    ([], None),
])
def test_the_last_question_is_the_last_one_answered_or_refused(events, question):
    assert last_question(events) == question


def test_a_ticket_goes_to_json_and_back():
    made = ticket([user("Wat is het budget?"), answer("…", "hector")])
    data = json.loads(json.dumps(made.as_dict()))
    assert data["transcript"][0] == {"speaker": "user", "text": "Wat is het budget?"}
    assert data["answered_topics"] == ["hector"] and data["consent"] is True
    assert Ticket.from_dict(data) == made


# --- the store ------------------------------------------------------------------------------------

@pytest.fixture
def store(tmp_path: Path) -> TicketStore:
    return TicketStore(tmp_path / "var" / "handoff.sqlite3")


def test_tickets_are_stored_with_their_status_and_survive_reopening(store: TicketStore):
    made = ticket([user("Xi’an? 西安")], question="Xi’an? 西安")
    store.add(made, PENDING)
    [again] = TicketStore(store.path).with_status(PENDING)
    assert again.ticket == made and again.status == PENDING and again.attempts == 0


def test_status_changes_count_attempts_and_keep_the_last_error(store: TicketStore):
    made = ticket([])
    store.add(made, PENDING)
    assert store.set_status(made.id, PENDING, error="ConnectionError: refused", attempts=3, only_from=(PENDING,))
    assert store.set_status(made.id, DELIVERED, attempts=1, only_from=(PENDING,))
    stored = store.get(made.id)
    assert (stored.status, stored.attempts, stored.last_error) == (DELIVERED, 4, None)
    assert not store.set_status(made.id, OPEN, only_from=(PENDING,)), "a delivered ticket is not sent again"


def test_tickets_come_oldest_first_by_status(store: TicketStore):
    first = ticket([], now="2024-01-01T10:00:00+00:00", ticket_id="HO-A")
    second = ticket([], now="2024-01-01T09:00:00+00:00", ticket_id="HO-B")
    done = ticket([], now="2024-01-01T08:00:00+00:00", ticket_id="HO-C")
    for made, status in ((first, OPEN), (second, PENDING), (done, DONE)):
        store.add(made, status)
    assert [s.ticket.id for s in store.with_status(OPEN, PENDING)] == ["HO-B", "HO-A"]
    assert store.get("HO-missing") is None


def test_an_unknown_status_is_refused(store: TicketStore):
    with pytest.raises(ValueError):
        store.add(ticket([]), "lost")


def test_the_store_comes_from_handoff_db_or_var(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HANDOFF_DB", str(tmp_path / "x.sqlite3"))
    assert TicketStore.from_environment().path == tmp_path / "x.sqlite3"
    assert DEFAULT_PATH.parent.name == "var" and DEFAULT_PATH.name == "handoff.sqlite3"
