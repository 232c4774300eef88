"""Turning a Reply into the messages of the reply contract (shared/eval/FORMAT.md).

A turn is one text message (with buttons for a question back or the handoff
offer) and the machine-readable metadata in `custom`: exactly one of
`answer`, `no_answer` or `clarify`.
"""
from typing import Any, Dict, List, Sequence

from bot.knowledge import Page
from bot.replies import ANSWER, CLARIFY, HANDOFF, NO_ANSWER, RESPONSE, Reply

# Button payloads are plain words that the NLU understands, never "/intent"
# shortcuts, which the channel refuses from users.
OFFER = "Shall I pass your question on to the staff of the International Welcome Centre North?"
HANDOFF_BUTTONS = [
    {"title": "Yes, pass it on", "payload": "yes please pass it on"},
    {"title": "No, thanks", "payload": "no thanks"},
]


def source_line(page: Page, sections: Sequence[str]) -> str:
    links = [f"{page.sections[s]} ({page.section_url(s)})" for s in sections]
    label = "Source" if len(links) == 1 else "Sources"
    return f"{label}: {'; '.join(links)}"


def answer_metadata(page: Page, reply: Reply) -> Dict[str, Any]:
    return {"topic": reply.topic,
            "sources": [{"section": s, "url": page.section_url(s)} for s in reply.sections]}


def render(reply: Reply, page: Page) -> List[Dict[str, Any]]:
    """The messages for one turn, as `dispatcher.utter_message` keyword arguments."""
    if reply.kind == ANSWER:
        text = f"{reply.text}\n\n{source_line(page, reply.sections)}"
        return [{"text": text, "json_message": {ANSWER: answer_metadata(page, reply)}}]
    if reply.kind == CLARIFY:
        buttons = [{"title": label, "payload": label} for _, label in reply.options]
        return [{"text": reply.text, "buttons": buttons,
                 "json_message": {CLARIFY: {"options": [topic for topic, _ in reply.options]}}}]
    if reply.kind == NO_ANSWER:
        text = reply.text
        if reply.related is not None:
            related = reply.related
            text = (f"{text}\n\nHere is what I do know:\n{related.text}\n\n"
                    f"{source_line(page, related.sections)}")
        text = f"{text}\n\n{OFFER}"
        return [{"text": text, "buttons": HANDOFF_BUTTONS,
                 "json_message": {NO_ANSWER: {"reason": reply.reason}}}]
    if reply.kind == RESPONSE:
        return [{"response": reply.text}]
    if reply.kind == HANDOFF:
        return []  # the handoff action speaks
    raise ValueError(f"unknown reply kind {reply.kind!r}")
