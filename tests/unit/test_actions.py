"""The custom actions, run as the action server runs them: a fresh dispatcher and
tracker per test, the real domain, the messages and events they give back; and
the consistency of actions, responses, intents and slots with domain.yml."""
import re
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.answer_question import ActionAnswerQuestion
from actions.knowledge import answerer
from bot.answers import FORM_ANSWER_INTENTS, HANDOFF_INTENTS, SMALL_TALK_RESPONSES
from bot.names import AliasIndex

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTEXT_SLOTS = ("context_intent", "context_subject_kind", "context_subject_id")
PAGE = "https://gemeente.groningen.nl/internationale-betrekkingen"


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    """The real domain, as the action server hands it to actions."""
    return yaml.safe_load((REPO_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


Ranking = Sequence[Tuple[str, float]]


@pytest.fixture
def message(index: AliasIndex) -> Callable[..., Dict[str, Any]]:
    """message(text, ranking) -> latest_message, with the entities KnowledgeEntityExtractor produces."""
    def message_(text: str, ranking: Ranking) -> Dict[str, Any]:
        entities = [{"entity": m.kind, "value": m.id, "start": m.start, "end": m.end, "text": m.text,
                     "confidence": 1.0 if m.exact else 0.8, "extractor": "KnowledgeEntityExtractor"}
                    for m in index.find(text)]
        intents = [{"name": name, "confidence": confidence} for name, confidence in ranking]
        return {"text": text, "intent": intents[0], "intent_ranking": intents, "entities": entities}
    return message_


@pytest.fixture
def tracker(message) -> Callable[..., Tracker]:
    """tracker(text, ranking, slots=None, sender_id='test-user') -> a fresh Tracker."""
    def tracker_(text: str, ranking: Ranking, slots: Optional[Dict[str, Any]] = None,
                 sender_id: str = "test-user") -> Tracker:
        all_slots = {name: None for name in (*CONTEXT_SLOTS, "unanswered_question")}
        all_slots.update(slots or {})
        return Tracker(sender_id, all_slots, message(text, ranking), [], False, None, {}, "action_listen")
    return tracker_


async def run(dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> List[Dict[str, Any]]:
    return await ActionAnswerQuestion().run(dispatcher, tracker, domain)


def slots_after(tracker: Tracker, events: List[Dict[str, Any]]) -> Dict[str, Any]:
    slots = dict(tracker.slots)
    slots.update({e["name"]: e["value"] for e in events if e["event"] == "slot"})
    return slots


# --- answering -----------------------------------------------------------------------------------

async def test_a_question_gets_one_text_message_with_the_answer_metadata(dispatcher, tracker, domain):
    await run(dispatcher, tracker("Is Bremen a partner city?", [("ask_is_partner_city", 0.93)]), domain)
    [message] = dispatcher.messages
    assert message["text"].startswith("Yes, Bremen")
    assert message["text"].endswith(f"Source: Partner cities ({PAGE}#partner-cities)")
    assert message["custom"] == {"answer": {"topic": "partner-cities", "sources": [
        {"section": "partner-cities", "url": f"{PAGE}#partner-cities"}]}}


async def test_an_answer_sets_the_context_slots_and_clears_the_unanswered_question(dispatcher, tracker, domain):
    events = await run(dispatcher, tracker("Who are the partners of HECTOR?", [("ask_project_partners", 0.9)],
                                           {"unanswered_question": "an older question"}), domain)
    assert events == [SlotSet("context_intent", "ask_project_partners"), SlotSet("context_subject_kind", "project"),
                      SlotSet("context_subject_id", "hector"), SlotSet("context_project_id", "hector"),
                      SlotSet("unanswered_question", None)]


async def test_a_refusal_keeps_the_question_for_the_staff(dispatcher, tracker, domain):
    events = await run(dispatcher, tracker("What is the budget of HECTOR?", [("ask_about", 0.8)]), domain)
    [message] = dispatcher.messages
    assert message["custom"] == {"no_answer": {"reason": "unknown_fact"}}
    assert [b["payload"] for b in message["buttons"]] == ["yes please pass it on", "no thanks"]
    assert SlotSet("unanswered_question", "What is the budget of HECTOR?") in events


async def test_a_question_back_has_buttons_and_the_clarify_metadata(dispatcher, tracker, domain):
    await run(dispatcher, tracker("blah HECTOR and Bremen", [("ask_about", 0.1)]), domain)
    [message] = dispatcher.messages
    assert message["custom"] == {"clarify": {"options": ["hector", "bremen"]}}
    assert [b["title"] for b in message["buttons"]] == ["HECTOR", "Bremen"]


async def test_an_nlu_fallback_on_top_uses_the_next_ranked_intent(dispatcher, tracker, domain):
    ranking = [("nlu_fallback", 0.5), ("ask_project_period", 0.45), ("ask_about", 0.3)]
    await run(dispatcher, tracker("When does HECTOR run?", ranking), domain)
    [message] = dispatcher.messages
    assert "2019" in message["text"] and "2023" in message["text"]
    assert message["custom"]["answer"]["topic"] == "hector"


async def test_a_message_with_only_nlu_fallback_is_not_answered(dispatcher, tracker, domain):
    await run(dispatcher, tracker("qwerty", [("nlu_fallback", 0.5)]), domain)
    [message] = dispatcher.messages
    assert message["custom"] == {"no_answer": {"reason": "low_confidence"}}


async def test_entities_of_other_extractors_are_ignored(dispatcher, message, domain):
    latest = message("How many vehicles does Groningen buy in HyTrEc2?", [("ask_groningen_contribution", 0.9)])
    latest["entities"].append({"entity": "number", "value": 6, "start": 0, "end": 1, "extractor": "Duckling"})
    events = await run(dispatcher, Tracker("u", {}, latest, [], False, None, {}, "action_listen"), domain)
    assert "6 hydrogen vehicles" in dispatcher.messages[0]["text"]
    assert SlotSet("context_subject_id", "hytrec2") in events


async def test_a_follow_up_reads_the_context_from_the_slots(tracker, domain):
    first = tracker("Is Bremen a partner city?", [("ask_is_partner_city", 0.9)])
    events = await run(CollectingDispatcher(), first, domain)
    follow_up = tracker("and Murmansk?", [("greet", 0.3), ("ask_is_partner_city", 0.2)], slots_after(first, events))
    dispatcher = CollectingDispatcher()
    await run(dispatcher, follow_up, domain)
    assert dispatcher.messages[0]["text"].startswith("Yes, Murmansk")


async def test_the_last_project_is_remembered_across_a_question_about_a_city(tracker, domain):
    turns = [("Tell me about HECTOR", [("ask_about", 0.9)]),
             ("Is Duisburg a partner city?", [("ask_is_partner_city", 0.9)]),
             ("who are the other partners?", [("ask_project_partners", 0.8)])]
    slots: Dict[str, Any] = {}
    for text, ranking in turns:
        dispatcher, turn = CollectingDispatcher(), tracker(text, ranking, slots)
        slots = slots_after(turn, await run(dispatcher, turn, domain))
    # The answering core carries the last project in Context.project_id; the action must keep it too.
    assert dispatcher.messages[0]["custom"] == {"answer": {"topic": "hector", "sources": [
        {"section": "hector", "url": f"{PAGE}#hector"}]}}, dispatcher.messages[0]["text"]


# --- small talk --------------------------------------------------------------------------------------

SMALL_TALK_SAID = {"greet": "hello there", "goodbye": "bye then", "thank": "thanks a lot",
                   "bot_challenge": "are you a bot?", "ask_capabilities": "what can you do?"}


@pytest.mark.parametrize("intent, response", sorted(SMALL_TALK_RESPONSES.items()))
async def test_small_talk_utters_its_domain_response_and_keeps_the_slots(
        dispatcher, tracker, domain, intent, response):
    events = await run(dispatcher, tracker(SMALL_TALK_SAID[intent], [(intent, 0.95)],
                                           {"unanswered_question": "What is the budget of HECTOR?"}), domain)
    assert [m["response"] for m in dispatcher.messages] == [response]
    assert events == []


# --- the handoff starts (the form and the ticket: tests/unit/test_handoff_*.py) ----------------------

def bot_event(text: str, custom: Dict[str, Any]) -> Dict[str, Any]:
    return {"event": "bot", "text": text, "data": {"custom": custom}}


async def test_yes_after_an_unanswered_question_starts_the_handoff_form_with_it(dispatcher, tracker, domain):
    events = await run(dispatcher, tracker("yes please pass it on", [("affirm", 0.97)],
                                           {"unanswered_question": "What is the budget of HECTOR?"}), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_handoff_start"]
    assert events == [SlotSet("unanswered_question", "What is the budget of HECTOR?"),
                      SlotSet("handoff_requested", True)]  # the rule's signal to run handoff_form


async def test_a_new_handoff_clears_what_a_form_cut_off_earlier_left(dispatcher, tracker, domain):
    left = {"unanswered_question": "Budget?", "handoff_consent": True, "handoff_name": "Anna"}
    events = await run(dispatcher, tracker("yes", [("affirm", 0.97)], left), domain)
    assert events == [SlotSet("unanswered_question", "Budget?"), SlotSet("handoff_consent", None),
                      SlotSet("handoff_name", None), SlotSet("handoff_requested", True)]


async def test_a_stale_handoff_request_is_cleared_by_the_next_answer(dispatcher, tracker, domain):
    events = await run(dispatcher, tracker("Is Bremen a partner city?", [("ask_is_partner_city", 0.9)],
                                           {"handoff_requested": True}), domain)
    assert events[-1] == SlotSet("handoff_requested", None)


async def test_a_refused_question_then_yes_starts_the_form_with_that_question(tracker, domain):
    question = tracker("Who is the mayor of Bremen?", [("ask_is_partner_city", 0.9)])
    slots = slots_after(question, await run(CollectingDispatcher(), question, domain))
    consent = tracker("yes", [("affirm", 0.95)], slots)
    events = await run(CollectingDispatcher(), consent, domain)
    assert slots_after(consent, events)["unanswered_question"] == "Who is the mayor of Bremen?"
    assert SlotSet("handoff_requested", True) in events


async def test_a_person_please_after_an_answer_offers_the_answered_question(dispatcher, message, domain):
    """The widget sends "I would like to talk to a person" after a thumbs-down on an answer."""
    history = [{"event": "user", "text": "Is Bremen a partner city?"},
               bot_event("Yes, Bremen ...", {"answer": {"topic": "partner-cities", "sources": []}}),
               {"event": "user", "text": "thanks"}, {"event": "bot", "text": "You're welcome!", "data": {}}]
    latest = message("I would like to talk to a person", [("request_human", 0.96)])
    events = await run(dispatcher, Tracker("u", {}, latest, history, False, None, {}, "action_listen"), domain)
    assert SlotSet("unanswered_question", "Is Bremen a partner city?") in events
    assert SlotSet("handoff_requested", True) in events


async def test_a_person_please_before_any_question_starts_the_form_without_a_question(dispatcher, tracker, domain):
    events = await run(dispatcher, tracker("can I talk to a person", [("request_human", 0.95)]), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_handoff_start"]
    assert SlotSet("unanswered_question", None) in events and SlotSet("handoff_requested", True) in events


@pytest.mark.parametrize("text, intent", [("no thanks", "deny"), ("laat maar", "stop_handoff")])
async def test_no_or_stop_after_an_unanswered_question_lets_it_go(dispatcher, tracker, domain, text, intent):
    events = await run(dispatcher, tracker(text, [(intent, 0.96)],
                                           {"unanswered_question": "What is the budget of HECTOR?"}), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_handoff_declined"]
    assert events == [SlotSet("unanswered_question", None)]


async def test_yes_with_no_question_waiting_starts_nothing(dispatcher, tracker, domain):
    events = await run(dispatcher, tracker("yes", [("affirm", 0.95)]), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_handoff_nothing_pending"]
    assert events == []


# --- consistency with domain.yml -------------------------------------------------------------------

def test_every_action_in_the_domain_is_registered_by_the_actions_package(domain):
    executor = ActionExecutor()
    executor.register_package("actions")
    custom = [a for a in domain.get("actions", []) if not a.startswith("utter_")]
    assert set(custom) <= set(executor.actions)
    assert set(executor.actions) <= set(custom), "every registered action is named in the domain"


def test_every_response_an_action_utters_exists_in_the_domain(domain):
    responses = set(domain["responses"])
    assert set(SMALL_TALK_RESPONSES.values()) <= responses
    named = {name for path in (REPO_ROOT / "actions").glob("*.py")
             for name in re.findall(r"""response\s*=\s*["'](\w+)["']""", path.read_text(encoding="utf-8"))}
    assert named <= responses


def test_every_intent_in_the_domain_is_handled_by_the_answerer(domain):
    handled = {*answerer().intents, *SMALL_TALK_RESPONSES, *HANDOFF_INTENTS, *FORM_ANSWER_INTENTS, "out_of_scope"}
    unhandled = set(domain["intents"]) - handled
    assert not unhandled, f"intents in domain.yml that nothing answers: {sorted(unhandled)}"


def test_every_intent_the_answerer_handles_is_in_the_domain(domain):
    unknown = {*answerer().intents, *SMALL_TALK_RESPONSES, *HANDOFF_INTENTS} - set(domain["intents"])
    assert not unknown, f"intents the answerer handles that the NLU never predicts: {sorted(unknown)}"


SCENARIOS = [
    ("Is Bremen a partner city?", [("ask_is_partner_city", 0.9)], {}),
    ("What is the budget of HECTOR?", [("ask_about", 0.9)], {}),
    ("blah HECTOR and Bremen", [("ask_about", 0.1)], {}),
    ("yes", [("affirm", 0.95)], {"unanswered_question": "Budget?"}),
    ("no", [("deny", 0.95)], {"unanswered_question": "Budget?"}),
    ("a person please", [("request_human", 0.95)], {}),
]


async def test_every_slot_the_actions_set_or_read_is_in_the_domain(tracker, domain):
    slots = set(domain["slots"])
    for text, ranking, filled in SCENARIOS:
        events = await run(CollectingDispatcher(), tracker(text, ranking, filled), domain)
        assert {e["name"] for e in events if e["event"] == "slot"} <= slots, text
    read = {name for path in (REPO_ROOT / "actions").glob("*.py")
            for name in re.findall(r"""get_slot\(\s*["'](\w+)["']""", path.read_text(encoding="utf-8"))}
    assert read and read <= slots
