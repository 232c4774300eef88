"""action_answer_question: answers a question from the knowledge base."""
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.handoff import respond_to_handoff, with_stale_request_cleared
from actions.knowledge import answerer, knowledge_base
from bot.answers import Question
from bot.names import ENTITY_KINDS, Mention
from bot.question_sentence import ASKED_RANKING
from bot.rendering import render
from bot.replies import HANDOFF, NO_ANSWER, RESPONSE, Context, Reply

FALLBACK_INTENT = "nlu_fallback"


def ranked_intents(message: Dict[Text, Any]) -> Tuple[Tuple[str, float], ...]:
    """The classifier's guesses, best first, without the nlu_fallback marker."""
    ranking = message.get("intent_ranking") or [message.get("intent") or {}]
    return tuple((r["name"], float(r.get("confidence") or 0.0)) for r in ranking
                 if r.get("name") and r["name"] != FALLBACK_INTENT) or ((FALLBACK_INTENT, 0.0),)


def asked_ranking(message: Dict[Text, Any]) -> Tuple[Tuple[str, float], ...]:
    """The guesses for the question of a long message alone (bot/question_sentence_component.py)."""
    ranking = message.get(ASKED_RANKING)
    if not isinstance(ranking, list):
        return ()
    return tuple((r["name"], float(r.get("confidence") or 0.0)) for r in ranking
                 if isinstance(r, dict) and isinstance(r.get("name"), str))


def mentions_in(message: Dict[Text, Any]) -> Tuple[Mention, ...]:
    mentions = [Mention(e["entity"], e["value"], e.get("text") or "", e.get("start", -1), e.get("end", -1),
                        exact=(e.get("confidence") or 1.0) >= 1.0)
                for e in message.get("entities") or []
                if e.get("entity") in ENTITY_KINDS and isinstance(e.get("value"), str)]
    return tuple(sorted(mentions, key=lambda m: m.start))


def context_from(tracker: Tracker) -> Context:
    return Context(tracker.get_slot("context_intent"), tracker.get_slot("context_subject_kind"),
                   tracker.get_slot("context_subject_id"), tracker.get_slot("context_project_id"))


def context_events(reply: Reply, question_text: str) -> List[Dict[Text, Any]]:
    if reply.kind == RESPONSE:
        return []  # small talk keeps the context and the question waiting for handoff
    unanswered: Optional[str] = question_text if reply.kind == NO_ANSWER else None
    return [SlotSet("context_intent", reply.context.intent),
            SlotSet("context_subject_kind", reply.context.subject_kind),
            SlotSet("context_subject_id", reply.context.subject_id),
            SlotSet("context_project_id", reply.context.project_id),
            SlotSet("unanswered_question", unanswered)]


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        ranking = ranked_intents(message)
        question = Question(text, *ranking[0], mentions_in(message), ranking[1:], asked_ranking(message))
        reply = answerer().reply(question, context_from(tracker))
        if reply.kind == HANDOFF:
            return with_stale_request_cleared(respond_to_handoff(question.intent, dispatcher, tracker), tracker)
        for utterance in render(reply, knowledge_base().page):
            dispatcher.utter_message(**utterance)
        return with_stale_request_cleared(context_events(reply, text), tracker)
