"""Yes, no, or "a person please" after the assistant could not answer a question."""
import logging
import sqlite3
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_inbox import HandoffInbox

logger = logging.getLogger(__name__)

PASSED_ON = ("I've passed your question on to the staff of the International Welcome Centre North. "
             "This chat can't take your contact details yet, so they can't reply to you here; "
             "they use these questions to improve my answers. Is there anything else I can help with?")
NOT_SAVED = ("I'm sorry, something went wrong while passing your question on, so it has not reached "
             "the staff. Please try again in a moment.")
NOTHING_PENDING_PERSON = ("I can pass a question on to the staff of the International Welcome Centre North. "
                          "Ask it here first: when I can't answer it, I'll offer to pass it on.")
NOTHING_PENDING = "Great! What would you like to know?"
DECLINED = "All right. Is there anything else you'd like to know?"


def respond_to_handoff(intent: str, dispatcher: CollectingDispatcher,
                       tracker: Tracker) -> List[Dict[Text, Any]]:
    """Passes the waiting question on (yes, a person), or lets it go (no)."""
    question = tracker.get_slot("unanswered_question")
    if intent == "deny":
        dispatcher.utter_message(text=DECLINED)
        return [SlotSet("unanswered_question", None)]
    if not question:
        dispatcher.utter_message(text=NOTHING_PENDING_PERSON if intent == "request_human" else NOTHING_PENDING)
        return []
    try:
        HandoffInbox.from_environment().add(tracker.sender_id, question)
    except sqlite3.Error:
        logger.exception("could not store a handoff request")
        dispatcher.utter_message(text=NOT_SAVED)
        return []
    dispatcher.utter_message(text=PASSED_ON)
    return [SlotSet("unanswered_question", None)]
