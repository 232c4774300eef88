"""The handoff form: reading the answers (actions/handoff_answers.py), the form's
validation and question (actions/handoff_form.py) and what happens when it ends
(actions/handoff.py), run as the action server runs them."""
import asyncio
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import OUTCOME_RESPONSES, ActionSubmitHandoff
from actions.handoff_answers import clean_name, email_problem, find_email, is_way_out, yes_or_no
from actions.handoff_form import ActionAskHandoffQuestion, ValidateHandoffForm
from actions.tickets_store import DELIVERED, OPEN, PENDING, TicketStore
from tests.helpdesk_stub import running_helpdesk

REPO_ROOT = Path(__file__).resolve().parents[2]
FORM_SLOTS = ("handoff_consent", "handoff_name", "handoff_email", "handoff_question")


@pytest.fixture(scope="module")
def domain() -> Dict[str, Any]:
    return yaml.safe_load((REPO_ROOT / "domain.yml").read_text(encoding="utf-8"))


# --- reading answers ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, email", [
    ("anna@example.org", "anna@example.org"),
    ("my email is P.Jansen+iwcn@student.rug.nl.", "P.Jansen+iwcn@student.rug.nl"),
    ("  wei.zhang@hanze.nl  ", "wei.zhang@hanze.nl"),
    ("o'brien@example.ie", "o'brien@example.ie"),
    ("anna at example dot org", None),
    ("anna@example", None),
    ("anna@@example.org", None),
    ("anna@example.o", None),
    ("@example.org", None),
    ("anna@example.org and tom@example.org", None),
    ("", None),
])
def test_an_email_address_is_found_only_when_it_is_one(text: str, email: Optional[str]):
    assert find_email(text) == email


@pytest.mark.parametrize("text, reason", [
    ("anna at example", "no @"), ("anna@example", "domain"), ("a@b.org c@d.org", "more than one")])
def test_a_wrong_email_address_gets_a_reason(text: str, reason: str):
    assert reason in email_problem(text)


@pytest.mark.parametrize("text, name", [
    ("Anna de Vries", "Anna de Vries"), ("my name is Pieter Jansen.", "Pieter Jansen"),
    ("ik heet Fatima El Amrani", "Fatima El Amrani"), ("Li Na", "Li Na"), ("Zoë", "Zoë"),
    ("what is the budget of hector?", None), ("anna@example.org", None), ("1234", None), ("", None),
    ("a very long answer that goes on and on and is not a name", None),
])
def test_a_name_is_read_from_what_the_user_typed(text: str, name: Optional[str]):
    assert clean_name(text) == name


@pytest.mark.parametrize("text, intent, way_out", [
    ("stop", None, True), ("Laat maar!", None, True), ("never mind", "deny", True),
    ("I'd rather stop here", "stop_handoff", True), ("stop asking", None, False), ("yes", "affirm", False)])
def test_a_way_out_is_known_by_intent_or_words(text: str, intent: Optional[str], way_out: bool):
    assert is_way_out(text, intent) is way_out


@pytest.mark.parametrize("text, intent, answer", [
    ("yes", None, True), ("Ja graag", None, True), ("sure, go ahead", "affirm", True), ("nee", None, False),
    ("no thanks", "deny", False), ("maybe later", None, None),
    ("no, my question is really about the budget of the project", "deny", None)])
def test_yes_or_no(text: str, intent: Optional[str], answer: Optional[bool]):
    assert yes_or_no(text, intent) is answer


# --- the validation, one answer at a time ------------------------------------------------------------

def form_tracker(slot: str, text: str, intent: str = "inform_contact", confidence: float = 0.9,
                 slots: Optional[Dict[str, Any]] = None) -> Tracker:
    """The tracker Rasa's form hands the validation: the answer as a slot candidate of the requested slot."""
    values = {name: None for name in (*FORM_SLOTS, "unanswered_question")}
    values.update(slots or {}, requested_slot=slot)
    values[slot] = text
    events = [{"event": "user", "text": text}, {"event": "action", "name": "handoff_form"},
              {"event": "slot", "name": slot, "value": text}]
    latest = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []}
    return Tracker("visitor-1", values, latest, events, False, None, {"name": "handoff_form"}, "action_listen")


async def validate(domain, slot: str, text: str, **options: Any) -> Tuple[Dict[str, Any], List[str]]:
    """The slots the validation sets and the responses it says."""
    dispatcher = CollectingDispatcher()
    events = await ValidateHandoffForm().run(dispatcher, form_tracker(slot, text, **options), domain)
    return {e["name"]: e["value"] for e in events}, [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize("text, intent, consent", [("yes", "affirm", True), ("ja hoor", "affirm", True),
                                                   ("sure", "nlu_fallback", True)])
async def test_a_yes_gives_consent(domain, text, intent, consent):
    assert await validate(domain, "handoff_consent", text, intent=intent) == ({"handoff_consent": consent}, [])


@pytest.mark.parametrize("slot, text, intent", [
    ("handoff_consent", "no", "deny"), ("handoff_consent", "stop", "stop_handoff"),
    ("handoff_name", "laat maar", "stop_handoff"), ("handoff_name", "no", "deny"),
    ("handoff_email", "cancel", "inform_contact"), ("handoff_question", "never mind", "stop_handoff")])
async def test_a_no_or_a_way_out_ends_the_form_at_once(domain, slot, text, intent):
    slots, said = await validate(domain, slot, text, intent=intent, slots={"handoff_consent": True})
    assert slots["requested_slot"] is None and not slots[slot] and said == []


async def test_an_unclear_consent_is_asked_again(domain):
    slots, said = await validate(domain, "handoff_consent", "what do you mean?", intent="out_of_scope")
    assert slots == {"handoff_consent": None} and said == ["utter_handoff_consent_unclear"]


async def test_a_short_name_is_no_no_when_the_classifier_guesses_deny(domain):
    # "Li Na" was classified as deny (0.30) by a trained model.
    assert await validate(domain, "handoff_name", "Li Na", intent="deny", confidence=0.3) == (
        {"handoff_name": "Li Na"}, [])


async def test_a_name_is_cleaned_and_a_non_name_asked_again(domain):
    assert (await validate(domain, "handoff_name", "my name is Anna de Vries"))[0] == {"handoff_name": "Anna de Vries"}
    assert await validate(domain, "handoff_name", "why do you need that?") == (
        {"handoff_name": None}, ["utter_handoff_invalid_name"])


async def test_a_valid_email_is_kept_and_an_invalid_one_asked_again_with_a_reason(domain):
    slots, _ = await validate(domain, "handoff_email", "it's anna@example.org")
    assert slots == {"handoff_email": "anna@example.org"}
    dispatcher = CollectingDispatcher()
    events = await ValidateHandoffForm().run(dispatcher, form_tracker("handoff_email", "anna at example"), domain)
    assert events == [SlotSet("handoff_email", None)]
    assert dispatcher.messages[0]["response"] == "utter_handoff_invalid_email"
    assert dispatcher.messages[0]["reason"] == "it has no @"


async def test_a_yes_confirms_the_question_waiting(domain):
    slots, _ = await validate(domain, "handoff_question", "yes", intent="affirm",
                              slots={"unanswered_question": "What is the budget of HECTOR?"})
    assert slots == {"handoff_question": "What is the budget of HECTOR?"}


async def test_a_no_to_the_question_waiting_asks_for_the_question_itself(domain):
    slots, _ = await validate(domain, "handoff_question", "no", intent="deny",
                              slots={"unanswered_question": "What is the budget of HECTOR?"})
    assert slots == {"handoff_question": None, "unanswered_question": None}


async def test_a_typed_question_replaces_the_one_waiting(domain):
    slots, _ = await validate(domain, "handoff_question", "Who decides on the HECTOR budget?",
                              intent="ask_unlisted_fact", slots={"unanswered_question": "Budget?"})
    assert slots == {"handoff_question": "Who decides on the HECTOR budget?"}


async def test_a_yes_with_no_question_waiting_asks_for_one(domain):
    assert await validate(domain, "handoff_question", "yes", intent="affirm") == (
        {"handoff_question": None}, ["utter_handoff_question_unclear"])


async def test_nothing_is_validated_when_the_form_only_starts(domain):
    """At the start the form validates slots that were merely cleared: they must stay empty."""
    tracker = form_tracker("handoff_consent", "yes please", intent="affirm")
    tracker.slots["requested_slot"] = None
    tracker.events[-1]["value"] = None
    assert await ValidateHandoffForm().run(CollectingDispatcher(), tracker, domain) == [
        SlotSet("handoff_consent", None)]


@pytest.mark.parametrize("draft, response", [("Budget of HECTOR?", "utter_handoff_confirm_question"),
                                             (None, "utter_ask_handoff_question_open")])
async def test_the_question_step_confirms_the_question_waiting_or_asks_for_one(domain, draft, response):
    dispatcher = CollectingDispatcher()
    await ActionAskHandoffQuestion().run(dispatcher, form_tracker("handoff_question", "x",
                                                                  slots={"unanswered_question": draft}), domain)
    assert dispatcher.messages[0]["response"] == response
    assert dispatcher.messages[0].get("question") == draft


# --- when the form ends --------------------------------------------------------------------------------

FILLED = {"handoff_consent": True, "handoff_name": "Anna de Vries", "handoff_email": "anna@example.org",
          "handoff_question": "What is the budget of HECTOR?", "handoff_requested": True,
          "unanswered_question": "What is the budget of HECTOR?"}


def ended_tracker(**slots: Any) -> Tracker:
    values = {**FILLED, **slots}
    events = [{"event": "user", "text": "What is the budget of HECTOR?"},
              {"event": "bot", "text": "I don't know", "data": {"custom": {"no_answer": {"reason": "unknown_fact"}}}},
              {"event": "user", "text": "yes please"}, {"event": "active_loop", "name": "handoff_form"}]
    return Tracker("visitor-1", values, {"text": "yes"}, events, False, None, {}, "handoff_form")


@pytest.fixture
def ticket_db(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "handoff.sqlite3"
    monkeypatch.setenv("HANDOFF_DB", str(path))
    monkeypatch.delenv("HELPDESK_URL", raising=False)
    return path


async def submit(tracker: Tracker, domain) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = await ActionSubmitHandoff().run(dispatcher, tracker, domain)
    return events, dispatcher.messages


def cleared(events: List[Dict[str, Any]]) -> bool:
    slots = {e["name"]: e["value"] for e in events}
    return all(slots.get(s, "missing") is None for s in (*FORM_SLOTS, "unanswered_question", "handoff_requested"))


async def test_a_finished_form_puts_the_ticket_in_the_local_inbox(domain, ticket_db):
    events, [said] = await submit(ended_tracker(), domain)
    [stored] = TicketStore(ticket_db).with_status(OPEN)
    assert said["response"] == "utter_handoff_in_inbox"
    assert (said["ticket"], said["email"], said["name"]) == (stored.ticket.id, "anna@example.org", "Anna de Vries")
    assert stored.ticket.question == "What is the budget of HECTOR?" and stored.ticket.sender_id == "visitor-1"
    assert [line.text for line in stored.ticket.transcript] == ["What is the budget of HECTOR?", "I don't know"]
    assert cleared(events)


@pytest.mark.parametrize("down, status, response", [(False, DELIVERED, "utter_handoff_delivered"),
                                                    (True, PENDING, "utter_handoff_pending")])
async def test_with_a_helpdesk_the_user_is_told_where_the_ticket_is(domain, ticket_db, monkeypatch, down, status,
                                                                     response):
    monkeypatch.setattr("actions.helpdesk.time.sleep", lambda seconds: None)
    with running_helpdesk() as helpdesk:
        helpdesk.down = down
        monkeypatch.setenv("HELPDESK_URL", helpdesk.url)
        events, [said] = await submit(ended_tracker(), domain)
    assert said["response"] == response
    assert [s.ticket.id for s in TicketStore(ticket_db).with_status(status)] == [said["ticket"]]
    assert cleared(events)


@pytest.mark.parametrize("slots", [{"handoff_consent": False}, {"handoff_name": None}, {"handoff_question": None}])
async def test_a_form_left_early_sends_nothing(domain, ticket_db, slots):
    events, messages = await submit(ended_tracker(**slots), domain)
    assert [m["response"] for m in messages] == ["utter_handoff_stopped"]
    assert TicketStore(ticket_db).with_status(OPEN, PENDING, DELIVERED) == []
    assert cleared(events)


async def test_when_the_ticket_cannot_be_stored_the_user_is_told_and_the_details_stay(domain, tmp_path, monkeypatch):
    monkeypatch.setenv("HANDOFF_DB", str(tmp_path))  # a folder, not a database file
    events, messages = await submit(ended_tracker(), domain)
    assert [m["response"] for m in messages] == ["utter_handoff_not_saved"]
    assert events == [SlotSet("handoff_requested", None)]


def test_every_response_of_the_handoff_is_in_the_domain(domain):
    responses = set(domain["responses"])
    assert set(OUTCOME_RESPONSES.values()) <= responses
    assert {"utter_ask_handoff_consent", "utter_ask_handoff_name", "utter_ask_handoff_email"} <= responses
    assert domain["forms"]["handoff_form"]["required_slots"] == list(FORM_SLOTS)


async def test_a_helpdesk_too_slow_for_the_conversation_gets_the_ticket_later(domain, ticket_db, monkeypatch):
    """Rasa stops waiting for the action after 3.5 s: the user hears 'pending' well before that."""
    monkeypatch.setattr("actions.handoff.DELIVERY_WAIT", 0.3)
    with running_helpdesk() as helpdesk:
        helpdesk.delay = 1.5
        monkeypatch.setenv("HELPDESK_URL", helpdesk.url)
        began = time.monotonic()
        events, [said] = await submit(ended_tracker(), domain)
        assert time.monotonic() - began < 1.0
        assert said["response"] == "utter_handoff_pending" and cleared(events)
        assert TicketStore(ticket_db).get(said["ticket"]).status == PENDING  # stored at once
        deadline = time.monotonic() + 10
        while TicketStore(ticket_db).get(said["ticket"]).status == PENDING and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        assert TicketStore(ticket_db).get(said["ticket"]).status == DELIVERED
        assert [t["id"] for t in helpdesk.received] == [said["ticket"]]
