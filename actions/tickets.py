"""The handoff ticket: what the Welcome Centre staff get, built in plain Python.

A ticket is a structured summary of one request for a person: the question,
its language, what the assistant already answered in the conversation, a
transcript excerpt, the time (UTC, ISO 8601) and how to reach the user. It is
built from the conversation's events (rasa_sdk's tracker.events, plain dicts),
so it can be tested without Rasa.
"""
import re
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

TRANSCRIPT_TURNS = 10  # messages in the excerpt: enough context, not the whole chat
MAX_MESSAGE_CHARS = 500  # per message in the excerpt; the question itself is kept whole
CONTENT_KEYS = ("answer", "no_answer", "clarify")

# Frequent short words of each language; a question is Dutch when it has more
# Dutch ones. Words both languages use ("is", "in", "over") are left out.
DUTCH_WORDS = frozenset(
    "de het een ik je jij u wat wie waar waarom hoe wanneer welke welk van en niet met voor naar "
    "kan kun kunnen wil mijn graag hoeveel zijn dat die er ook bij heeft hebben wordt nog maar "
    "mag moet gemeente stad vraag bedankt dank alstublieft ben heb deze dit geen als om te".split())
ENGLISH_WORDS = frozenset(
    "the a an i you what who where why how when which of and not with for to can could would want "
    "my please much many are that there also about has have does do will this these no if at me "
    "city question thanks thank be am".split())
WORD = re.compile(r"[a-zà-ÿ']+")


def language_of(text: str) -> str:
    """'nl' when the text has more typical Dutch words than English ones, else 'en'."""
    words = WORD.findall(text.lower())
    dutch = sum(w in DUTCH_WORDS for w in words)
    english = sum(w in ENGLISH_WORDS for w in words)
    return "nl" if dutch > english else "en"


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def new_ticket_id() -> str:
    """Short enough to read out to a user, random enough never to clash."""
    return f"HO-{uuid.uuid4().hex[:10].upper()}"


@dataclass(frozen=True)
class TranscriptLine:
    speaker: str  # "user" or "bot"
    text: str


@dataclass(frozen=True)
class Ticket:
    id: str
    created_at: str  # UTC, ISO 8601
    sender_id: str
    name: str
    email: str
    question: str
    language: str  # "en" or "nl"
    answered_topics: Tuple[str, ...]  # knowledge-base topics the assistant answered already
    transcript: Tuple[TranscriptLine, ...]
    consent: bool = True  # a ticket exists only when the user agreed to share the conversation
    source: str = field(default="chat")

    def as_dict(self) -> Dict[str, Any]:
        """JSON-ready: what the helpdesk receives and the local store keeps."""
        data = asdict(self)
        data["answered_topics"] = list(self.answered_topics)
        data["transcript"] = [asdict(line) for line in self.transcript]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Ticket":
        lines = tuple(TranscriptLine(str(t["speaker"]), str(t["text"])) for t in data.get("transcript") or ())
        return cls(id=str(data["id"]), created_at=str(data["created_at"]), sender_id=str(data["sender_id"]),
                   name=str(data["name"]), email=str(data["email"]), question=str(data["question"]),
                   language=str(data["language"]), answered_topics=tuple(data.get("answered_topics") or ()),
                   transcript=lines, consent=bool(data.get("consent", True)), source=str(data.get("source", "chat")))


def _content(event: Mapping[str, Any]) -> Dict[str, Any]:
    """The reply-contract metadata of a bot event, {} for other events."""
    custom = (event.get("data") or {}).get("custom") if event.get("event") == "bot" else None
    return custom if isinstance(custom, dict) else {}


def conversation_events(events: Iterable[Mapping[str, Any]], form: str = "handoff_form") -> List[Mapping[str, Any]]:
    """The conversation the staff should see: what came before the message that started the handoff form."""
    events = list(events)
    starts = [i for i, e in enumerate(events) if e.get("event") == "active_loop" and e.get("name") == form]
    if not starts:
        return events
    trigger = max((i for i, e in enumerate(events[:starts[-1]]) if e.get("event") == "user"), default=starts[-1])
    return events[:trigger]


def answered_topics(events: Iterable[Mapping[str, Any]]) -> Tuple[str, ...]:
    topics = (_content(e).get("answer", {}).get("topic") for e in events)
    return tuple(dict.fromkeys(t for t in topics if isinstance(t, str) and t))


def last_question(events: Iterable[Mapping[str, Any]]) -> Optional[str]:
    """The last user message the assistant answered or could not answer (for thumbs-down)."""
    question, user_text = None, None
    for event in events:
        if event.get("event") == "user":
            user_text = event.get("text") or None
        elif any(key in _content(event) for key in ("answer", "no_answer")) and user_text:
            question = user_text
    return question


def transcript(events: Iterable[Mapping[str, Any]], turns: int = TRANSCRIPT_TURNS) -> Tuple[TranscriptLine, ...]:
    lines = [TranscriptLine("user" if e["event"] == "user" else "bot", _clip(e.get("text") or ""))
             for e in events if e.get("event") in ("user", "bot") and (e.get("text") or "").strip()]
    return tuple(lines[-turns:])


def _clip(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE_CHARS else text[:MAX_MESSAGE_CHARS - 1] + "…"


def build_ticket(*, sender_id: str, name: str, email: str, question: str,
                 events: Iterable[Mapping[str, Any]], now: Optional[str] = None,
                 ticket_id: Optional[str] = None) -> Ticket:
    conversation = conversation_events(events)
    lines = transcript(conversation)
    user_words = " ".join(line.text for line in lines if line.speaker == "user")
    # The question decides; the user's other messages break a tie in a short question.
    language = language_of(question) if len(WORD.findall(question)) >= 4 else language_of(f"{question} {user_words}")
    return Ticket(id=ticket_id or new_ticket_id(), created_at=now or utc_now(), sender_id=sender_id,
                  name=name.strip(), email=email.strip(), question=question.strip(), language=language,
                  answered_topics=answered_topics(conversation), transcript=lines)
