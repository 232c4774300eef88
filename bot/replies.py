"""What the assistant decides to say, before it becomes Rasa messages.

A reply is one of the three kinds of the reply contract (shared/eval/FORMAT.md):
an answer with its sources, a refusal with its reason, or a question back with
options. The conversation context travels with it so follow-ups can use it.
"""
from dataclasses import dataclass, field
from typing import Optional, Tuple

from bot.names import PROJECT

ANSWER, NO_ANSWER, CLARIFY = "answer", "no_answer", "clarify"
# Turns that are not about content: a fixed response of the domain, or the
# handoff to the Welcome Centre staff after yes / no / "a person please".
RESPONSE, HANDOFF = "response", "handoff"

# Reasons for a refusal.
OUT_OF_SCOPE, UNKNOWN_FACT, LOW_CONFIDENCE = "out_of_scope", "unknown_fact", "low_confidence"


@dataclass(frozen=True)
class Context:
    """What the conversation is about: the last question's kind and subject."""
    intent: Optional[str] = None
    subject_kind: Optional[str] = None
    subject_id: Optional[str] = None
    project_id: Optional[str] = None  # the last project talked about, for "when does it end?"

    @property
    def subject(self) -> Optional[Tuple[str, str]]:
        return (self.subject_kind, self.subject_id) if self.subject_id else None

    @property
    def project(self) -> Optional[str]:
        """The project the conversation is about: its subject, else the last project talked about."""
        return self.subject_id if self.subject_kind == PROJECT else self.project_id


@dataclass(frozen=True)
class Reply:
    kind: str
    text: str
    topic: Optional[str] = None
    sections: Tuple[str, ...] = ()
    reason: Optional[str] = None
    options: Tuple[Tuple[str, str], ...] = ()  # (topic id, label shown on a button)
    related: Optional["Reply"] = None  # information offered beside a refusal
    context: Context = field(default_factory=Context)


def answer(text: str, topic: str, sections, context: Context) -> Reply:
    return Reply(ANSWER, text, topic=topic, sections=tuple(dict.fromkeys(sections)), context=context)


def no_answer(reason: str, text: str, context: Context, related: Optional[Reply] = None) -> Reply:
    return Reply(NO_ANSWER, text, reason=reason, related=related, context=context)


def clarify(text: str, options, context: Context) -> Reply:
    return Reply(CLARIFY, text, options=tuple(options), context=context)


def response(name: str, context: Context) -> Reply:
    """A fixed response of the domain (small talk); `text` holds its name."""
    return Reply(RESPONSE, name, context=context)


def handoff(context: Context) -> Reply:
    return Reply(HANDOFF, "", context=context)
