"""The handoff form's validation and its question about the question.

`handoff_form` (domain.yml) asks, in order: consent to share the conversation,
a name, an email address and the question. Every slot is filled from the text
the user typed (from_text, only while the form asks for it); this action reads
it. A way out ("stop", "laat maar", a "no" to consent, name or email) ends
the form at once by clearing `requested_slot`; action_submit_handoff then says
that nothing was sent.
"""
from typing import Any, Dict, Optional, Text, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from actions.contact_drafts import remember_email
from actions.handoff_answers import (clean_name, clean_question, email_problem, find_email, is_plain_no, is_way_out,
                                     yes_or_no)

FORM = "handoff_form"
CONSENT, NAME, EMAIL, QUESTION = "handoff_consent", "handoff_name", "handoff_email", "handoff_question"
FORM_SLOTS = (CONSENT, NAME, EMAIL, QUESTION)
DRAFT = "unanswered_question"  # the question the handoff started with, to confirm or replace
Slots = Dict[Text, Any]


# Below this the classifier's intent is not used to read an answer ("Li Na" is
# not a "no"); the words themselves still are (actions/handoff_answers.py).
INTENT_CONFIDENCE = 0.5


def latest(tracker: Tracker) -> Tuple[str, Optional[str]]:
    """The text of the user's answer and, when the classifier is sure of it, its intent."""
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    sure = float(intent.get("confidence") or 0.0) >= INTENT_CONFIDENCE
    return message.get("text") or "", intent.get("name") if sure else None


def answering(tracker: Tracker, slot: str, value: Any) -> bool:
    """True when the user has just answered the form's question for `slot`.

    The validation also runs when the form starts, for slots merely cleared then."""
    return value is not None and tracker.get_slot(REQUESTED_SLOT) == slot


def stop_form() -> Slots:
    """Ends the form now: Rasa takes a cleared requested_slot as 'done'."""
    return {REQUESTED_SLOT: None}


class ValidateHandoffForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_handoff_form"

    def validate_handoff_consent(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> Slots:
        if not answering(tracker, CONSENT, value):
            return {}
        text, intent = latest(tracker)
        if is_way_out(text, intent):
            return {CONSENT: False, **stop_form()}
        consent = yes_or_no(text, intent)
        if consent is None:
            dispatcher.utter_message(response="utter_handoff_consent_unclear")
            return {CONSENT: None}
        return {CONSENT: True} if consent else {CONSENT: False, **stop_form()}

    def validate_handoff_name(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Slots:
        if not answering(tracker, NAME, value):
            return {}
        text, intent = latest(tracker)
        if is_way_out(text, intent) or is_plain_no(text):
            return {NAME: None, **stop_form()}  # "no" to a name: not wanting to be contacted
        name = clean_name(text)
        if name is None:
            dispatcher.utter_message(response="utter_handoff_invalid_name")
        return {NAME: name}

    def validate_handoff_email(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> Slots:
        if not answering(tracker, EMAIL, value):
            return {}
        text, intent = latest(tracker)
        if is_way_out(text, intent) or is_plain_no(text):
            return {EMAIL: None, **stop_form()}
        email = find_email(text)
        if email is None:
            dispatcher.utter_message(response="utter_handoff_invalid_email", reason=email_problem(text))
        else:
            remember_email(tracker.sender_id, email)  # the stored slot will say "[email]"
        return {EMAIL: email}

    def validate_handoff_question(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Slots:
        if not answering(tracker, QUESTION, value):
            return {}
        text, intent = latest(tracker)
        if is_way_out(text, intent):
            return {QUESTION: None, **stop_form()}
        draft, answer = tracker.get_slot(DRAFT), yes_or_no(text, intent)
        if draft and answer is True:
            return {QUESTION: draft}
        if answer is False:
            # "no" to the draft: ask for the question itself; "no" with nothing to confirm: a way out.
            return {QUESTION: None, DRAFT: None} if draft else {QUESTION: None, **stop_form()}
        question = clean_question(text) if answer is None else None
        if question is None:
            dispatcher.utter_message(response="utter_handoff_question_unclear")
        return {QUESTION: question}


class ActionAskHandoffQuestion(Action):
    """Asks to confirm the question the handoff started with, or to type one."""

    def name(self) -> Text:
        return "action_ask_handoff_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        draft = tracker.get_slot(DRAFT)
        if draft:
            dispatcher.utter_message(response="utter_handoff_confirm_question", question=draft)
        else:
            dispatcher.utter_message(response="utter_ask_handoff_question_open")
        return []
