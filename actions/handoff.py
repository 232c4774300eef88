"""The handoff to the Welcome Centre staff: starting the form, and what happens after it.

Starting: action_answer_question calls respond_to_handoff on yes / no / "a
person please" / "stop". A yes to the offer, or a request for a person, sets
`handoff_requested`; a rule (data/stories/handoff.yml) then runs `handoff_form`.
The question to pass on is pre-filled: the one the assistant could not answer,
or, for a person asked for after an answer (a thumbs-down in the widget), the
last question it answered.

Finishing: action_submit_handoff runs when the form ends. With consent and all
details it builds the ticket, stores it and delivers it (actions/helpdesk.py),
and tells the user honestly where it is; otherwise it says nothing was sent.
"""
import asyncio
import logging
import sqlite3
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.contact_drafts import consented_email, forget_email
from actions.handoff_form import CONSENT, DRAFT, EMAIL, FORM_SLOTS, NAME, QUESTION
from actions.helpdesk import HelpdeskSettings, submit
from actions.resender import keep_resending
from actions.tickets import build_ticket, last_question
from actions.tickets_store import DELIVERED, OPEN, PENDING, TicketStore

logger = logging.getLogger(__name__)

REQUESTED = "handoff_requested"  # the rule's signal to start handoff_form
# Rasa gives up on an action after ACTION_TIMEOUT (3.5 s, bot/turn_guard.py) and the user would
# get a general apology: a slow helpdesk gets this long, then the ticket waits for the resender.
DELIVERY_WAIT = 2.5
DECLINE_INTENTS = ("deny", "stop_handoff")
OUTCOME_RESPONSES = {OPEN: "utter_handoff_in_inbox", DELIVERED: "utter_handoff_delivered",
                     PENDING: "utter_handoff_pending"}
Events = List[Dict[Text, Any]]


def respond_to_handoff(intent: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Events:
    """Starts the handoff form (yes to the offer, a person please), or lets the question go (no, stop)."""
    waiting = tracker.get_slot(DRAFT)
    if intent in DECLINE_INTENTS:
        dispatcher.utter_message(response="utter_handoff_declined")
        return [SlotSet(DRAFT, None)]
    if intent == "affirm" and not waiting:
        dispatcher.utter_message(response="utter_handoff_nothing_pending")
        return []
    draft = waiting or last_question(tracker.events)
    dispatcher.utter_message(response="utter_handoff_start")
    # A form cut off earlier (by a new session) must not pre-fill this one.
    left_over = [SlotSet(slot, None) for slot in FORM_SLOTS if tracker.get_slot(slot) is not None]
    return [SlotSet(DRAFT, draft), *left_over, SlotSet(REQUESTED, True)]


def with_stale_request_cleared(events: Events, tracker: Tracker) -> Events:
    """A handoff_requested left set (a form cut off by a new session) would make the
    rules expect the form after every answer: clear it unless this turn starts one."""
    if tracker.get_slot(REQUESTED) and not any(e.get("name") == REQUESTED for e in events):
        return [*events, SlotSet(REQUESTED, None)]
    return events


def clear_handoff() -> Events:
    return [*(SlotSet(slot, None) for slot in (*FORM_SLOTS, DRAFT)), SlotSet(REQUESTED, None)]


def log_late_failure(delivery: "asyncio.Future[str]") -> None:
    if not delivery.cancelled() and delivery.exception() is not None:
        logger.error("a handoff ticket's delivery, after the user was answered, failed: %r", delivery.exception())


class ActionSubmitHandoff(Action):
    def name(self) -> Text:
        return "action_submit_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        consent, name, question = (tracker.get_slot(slot) for slot in (CONSENT, NAME, QUESTION))
        # The stored conversation is redacted: the address comes from the form's draft.
        email = consented_email(tracker.sender_id, tracker.get_slot(EMAIL))
        if not (consent is True and name and email and question):
            forget_email(tracker.sender_id)
            dispatcher.utter_message(response="utter_handoff_stopped")
            return clear_handoff()
        ticket = build_ticket(sender_id=tracker.sender_id, name=name, email=email, question=question,
                              events=tracker.events)
        settings = HelpdeskSettings.from_environment()
        try:
            store = TicketStore.from_environment()
            # Delivery may wait for retries: in a thread, so other conversations go on meanwhile.
            delivery = asyncio.get_running_loop().run_in_executor(None, submit, ticket, store, settings)
            status = await asyncio.wait_for(asyncio.shield(delivery), DELIVERY_WAIT)
        except asyncio.TimeoutError:
            # The ticket is stored (submit stores first); its delivery goes on without the user.
            delivery.add_done_callback(log_late_failure)
            status = PENDING
        except (sqlite3.Error, OSError):
            logger.exception("could not store handoff ticket %s", ticket.id)
            dispatcher.utter_message(response="utter_handoff_not_saved")
            return [SlotSet(REQUESTED, None)]  # the details stay in the slots and the conversation
        if status == PENDING:
            keep_resending(store, settings)  # it goes by itself once the helpdesk is back
        forget_email(tracker.sender_id)  # from now on the address is in the ticket only
        dispatcher.utter_message(response=OUTCOME_RESPONSES[status], name=ticket.name, email=ticket.email,
                                 ticket=ticket.id)
        return clear_handoff()
