"""The staff's digest of the conversations: what was answered, what was not, what users disliked.

Plain Python over the tracker store's events (scripts/report.py reads them
from the database; the tests give a few dicts):

    digest = build_digest(events, votes=[...], tickets={"open": 2})
    render_markdown(digest, ...), write_csvs(digest, folder)

An event is a dict with `sender_id`, `type_name`, `timestamp` and `data` (the
event's JSON as Rasa stores it in the `events` table, text or parsed). A turn
is about content when one of the bot's messages carries `answer`, `no_answer`
or `clarify` in its `custom` metadata (the reply contract, shared/eval/FORMAT.md);
the user's words are those of the user message before it.

Staff-facing: the report shows the user's words, never names or e-mail
addresses from the handoff form, and sender ids only as short hashes.
"""
import csv
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone, tzinfo
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

CONTRACT_KEYS = ("answer", "no_answer", "clarify")
HANDOFF_REQUESTED = "handoff_requested"  # slot set when a handoff starts (actions/handoff.py)
HANDOFF_DRAFT = "unanswered_question"  # slot with the question being passed on (actions/handoff_form.py)


@dataclass(frozen=True)
class Turn:
    """One content turn: the user's words and what the assistant did with them."""

    when: datetime
    conversation: str  # short hash of the sender id
    kind: str  # answer, no_answer or clarify
    topic: str = ""  # answer: the knowledge-base entry
    reason: str = ""  # no_answer: out_of_scope, unknown_fact, low_confidence, ...
    options: Tuple[str, ...] = ()  # clarify: the topics offered
    user_words: str = ""
    intent: str = ""


@dataclass(frozen=True)
class Vote:
    when: datetime
    conversation: str
    topic: str
    vote: str  # up or down
    question: str = ""  # the user's words of the answer voted on, when found


@dataclass(frozen=True)
class Handoff:
    when: datetime
    conversation: str
    question: str  # the question passed on (the user's words)


@dataclass(frozen=True)
class Day:
    day: date
    answers: int
    no_answers: int
    clarify: int

    @property
    def content_turns(self) -> int:
        return self.answers + self.no_answers + self.clarify

    @property
    def no_answer_rate(self) -> float:
        return self.no_answers / self.content_turns if self.content_turns else 0.0


@dataclass
class Digest:
    turns: List[Turn] = field(default_factory=list)
    votes: List[Vote] = field(default_factory=list)
    handoffs: List[Handoff] = field(default_factory=list)
    tickets: Optional[Dict[str, int]] = None  # by status; None: no ticket inbox found
    conversations: int = 0
    user_messages: int = 0

    def of_kind(self, kind: str) -> List[Turn]:
        return [turn for turn in self.turns if turn.kind == kind]

    def answers_per_topic(self) -> List[Tuple[str, int, int, int]]:
        """(topic, answers, thumbs up, thumbs down), most answered first."""
        answers = Counter(turn.topic for turn in self.of_kind("answer"))
        up = Counter(v.topic for v in self.votes if v.vote == "up")
        down = Counter(v.topic for v in self.votes if v.vote == "down")
        topics = set(answers) | set(up) | set(down)
        return sorted(((t, answers[t], up[t], down[t]) for t in topics), key=lambda row: (-row[1], row[0]))

    def daily(self) -> List[Day]:
        counts: Dict[date, Counter] = defaultdict(Counter)
        for turn in self.turns:
            counts[turn.when.date()][turn.kind] += 1
        return [Day(day, c["answer"], c["no_answer"], c["clarify"]) for day, c in sorted(counts.items())]

    def thumbs_down(self) -> List[Vote]:
        return [vote for vote in self.votes if vote.vote == "down"]

    @property
    def no_answer_rate(self) -> float:
        return len(self.of_kind("no_answer")) / len(self.turns) if self.turns else 0.0


def short_id(sender_id: str) -> str:
    """A short, stable stand-in for a sender id: the same conversation, no id shown."""
    return "c-" + hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:8]


def event_data(event: Mapping[str, Any]) -> Dict[str, Any]:
    data = event.get("data")
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except ValueError:
            return {}
    return data if isinstance(data, dict) else {}


def contract_of(bot_event: Mapping[str, Any]) -> Optional[Tuple[str, Any]]:
    """The reply contract key of a stored bot event and its value, or None (small talk)."""
    inner = bot_event.get("data")
    for custom in (inner.get("custom") if isinstance(inner, dict) else None, bot_event.get("custom")):
        if isinstance(custom, dict):
            for key in CONTRACT_KEYS:
                if key in custom:
                    return key, custom[key]
    return None


def turn_from(kind: str, value: Any, when: datetime, conversation: str, user: Mapping[str, Any]) -> Turn:
    value = value if isinstance(value, dict) else {}
    return Turn(
        when=when, conversation=conversation, kind=kind,
        topic=str(value.get("topic") or "") if kind == "answer" else "",
        reason=str(value.get("reason") or "unknown") if kind == "no_answer" else "",
        options=tuple(str(o) for o in value.get("options") or ()) if kind == "clarify" else (),
        user_words=str(user.get("text") or ""),
        intent=str(((user.get("parse_data") or {}).get("intent") or {}).get("name") or ""),
    )


def to_time(timestamp: Any, tz: tzinfo) -> datetime:
    return datetime.fromtimestamp(float(timestamp or 0), timezone.utc).astimezone(tz)


def build_digest(events: Iterable[Mapping[str, Any]], votes: Iterable[Mapping[str, Any]] = (),
                 tickets: Optional[Dict[str, int]] = None, tz: tzinfo = timezone.utc) -> Digest:
    """The digest of `events` (in stored order) and of the thumbs-up/down `votes`.

    A vote is a dict with created_at (ISO time), sender_id, topic and vote.
    """
    digest = Digest(tickets=dict(tickets) if tickets is not None else None)
    last_user: Dict[str, Dict[str, Any]] = {}  # per sender: the user event the next reply answers
    answered: set = set()  # (sender, id of that user event) already counted: one contract per turn
    draft: Dict[str, str] = {}
    senders = set()
    for number, event in enumerate(events):
        sender = str(event.get("sender_id") or "")
        kind = event.get("type_name")
        data = event_data(event)
        senders.add(sender)
        if kind == "user":
            digest.user_messages += 1
            last_user[sender] = {**data, "_number": number}
        elif kind == "bot":
            contract = contract_of(data)
            user = last_user.get(sender, {})
            turn_key = (sender, user.get("_number"))
            if contract and turn_key not in answered:
                answered.add(turn_key)
                when = to_time(event.get("timestamp") or data.get("timestamp"), tz)
                digest.turns.append(turn_from(*contract, when, short_id(sender), user))
        elif kind == "slot":
            if data.get("name") == HANDOFF_DRAFT:
                draft[sender] = str(data.get("value") or "")
            elif data.get("name") == HANDOFF_REQUESTED and data.get("value") is True:
                digest.handoffs.append(Handoff(to_time(event.get("timestamp") or data.get("timestamp"), tz),
                                               short_id(sender), draft.get(sender, "")))
    digest.conversations = len(senders - {""})
    digest.votes = [vote_with_question(v, digest.turns, tz) for v in votes]
    digest.votes.sort(key=lambda v: v.when)
    return digest


def vote_with_question(vote: Mapping[str, Any], turns: Sequence[Turn], tz: tzinfo) -> Vote:
    """The vote, with the user's words of the last answer on its topic before it, in its conversation."""
    when = parse_time(vote.get("created_at"), tz)
    conversation = short_id(str(vote.get("sender_id") or ""))
    topic = str(vote.get("topic") or "")
    earlier = [t for t in turns if t.kind == "answer" and t.conversation == conversation
               and t.topic == topic and t.when <= when]
    return Vote(when, conversation, topic, str(vote.get("vote") or ""), earlier[-1].user_words if earlier else "")


def parse_time(value: Any, tz: tzinfo) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return datetime.fromtimestamp(0, timezone.utc).astimezone(tz)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(tz)


# -- Output ---------------------------------------------------------------------------------

def cell(text: Any) -> str:
    """Text for one Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|") or " "


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> List[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return lines


def percent(share: float) -> str:
    return f"{share * 100:.1f} %"


def minute(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M")


def render_markdown(digest: Digest, *, source: str, generated: datetime, chart: Optional[str] = "chart.png",
                    notes: Sequence[str] = ()) -> str:
    """report.md: summary, answers per topic, every no_answer, thumbs-down, handoffs, days."""
    answers, no_answers, clarify = (digest.of_kind(k) for k in CONTRACT_KEYS)
    days = digest.daily()
    period = f"{days[0].day} to {days[-1].day}" if days else "no content turns yet"
    down = digest.thumbs_down()
    up = len(digest.votes) - len(down)
    lines = [
        "# What the assistant was asked: report for the Welcome Centre staff",
        "",
        f"Generated {minute(generated)} from {source}. Period: {period}.",
        "Conversations appear as short codes (the same code is the same conversation); "
        "no names or e-mail addresses are shown.",
        *[line for note in notes for line in ("", f"> {note}")],
        "",
        "## Summary",
        "",
        *table(["what", "count"], [
            ["conversations", digest.conversations],
            ["user messages", digest.user_messages],
            ["questions about content (answered, not answered, asked back)", len(digest.turns)],
            ["answered", len(answers)],
            ["not answered (no_answer)", f"{len(no_answers)} ({percent(digest.no_answer_rate)})"],
            ["asked which topic was meant (clarify)", len(clarify)],
            ["thumbs down / thumbs up", f"{len(down)} / {up}"],
            ["handoffs to the staff started", len(digest.handoffs)],
            ["tickets in the handoff inbox", tickets_line(digest.tickets)],
        ]),
        "",
    ]
    if chart:
        lines += [f"![Answers per topic and no-answer rate per day]({chart})", ""]
    lines += ["## Answers per topic", ""]
    rows = digest.answers_per_topic()
    lines += table(["topic", "answers", "thumbs up", "thumbs down"], rows) if rows else ["No answers yet."]
    lines += ["", f"## Questions the assistant could not answer ({len(no_answers)})", "",
              "What to add to the knowledge base next. `unknown_fact`: about a known topic, but the page "
              "does not say; `out_of_scope`: not about the page's topics; `low_confidence`: not understood well "
              "enough.", ""]
    reasons = Counter(turn.reason for turn in no_answers)
    if reasons:
        lines += table(["reason", "count"], reasons.most_common()) + [""]
        lines += table(["time", "conversation", "reason", "the user's words"],
                       [[minute(t.when), t.conversation, t.reason, t.user_words] for t in no_answers])
    else:
        lines += ["None."]
    lines += ["", f"## Thumbs down ({len(down)})", ""]
    lines += table(["time", "conversation", "topic", "the question answered"],
                   [[minute(v.when), v.conversation, v.topic, v.question or "(not found)"] for v in down]
                   ) if down else ["None."]
    lines += ["", f"## Handoffs to the staff ({len(digest.handoffs)} started)", "",
              f"Tickets in the handoff inbox by status: {tickets_line(digest.tickets)}.", ""]
    if digest.handoffs:
        lines += table(["time", "conversation", "the question passed on"],
                       [[minute(h.when), h.conversation, h.question or "(asked for a person)"]
                        for h in digest.handoffs])
    lines += ["", "## No-answer rate per day", ""]
    lines += table(["day", "questions about content", "answered", "not answered", "asked back", "no-answer rate"],
                   [[d.day, d.content_turns, d.answers, d.no_answers, d.clarify, percent(d.no_answer_rate)]
                    for d in days]) if days else ["No content turns yet."]
    return "\n".join(lines) + "\n"


def tickets_line(tickets: Optional[Dict[str, int]]) -> str:
    if tickets is None:
        return "no inbox found"
    if not tickets:
        return "none"
    return ", ".join(f"{status} {count}" for status, count in sorted(tickets.items()))


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_csvs(digest: Digest, folder: Union[str, Path]) -> List[Path]:
    """answers_per_topic.csv, no_answers.csv, thumbs_down.csv and daily.csv in `folder`."""
    folder = Path(folder)
    files = {
        "answers_per_topic.csv": (["topic", "answers", "thumbs_up", "thumbs_down"], digest.answers_per_topic()),
        "no_answers.csv": (["time", "conversation", "reason", "intent", "user_words"],
                           [[t.when.isoformat(timespec="seconds"), t.conversation, t.reason, t.intent,
                             t.user_words] for t in digest.of_kind("no_answer")]),
        "thumbs_down.csv": (["time", "conversation", "topic", "question"],
                            [[v.when.isoformat(timespec="seconds"), v.conversation, v.topic, v.question]
                             for v in digest.thumbs_down()]),
        "daily.csv": (["day", "content_turns", "answers", "no_answers", "clarify", "no_answer_rate"],
                      [[d.day.isoformat(), d.content_turns, d.answers, d.no_answers, d.clarify,
                        f"{d.no_answer_rate:.4f}"] for d in digest.daily()]),
    }
    for name, (header, rows) in files.items():
        write_csv(folder / name, header, rows)
    return [folder / name for name in files]
