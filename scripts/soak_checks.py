"""The soak's verdict, in plain Python: did every message get a reply, and is every one stored?

scripts/soak.py records every Exchange of the load (scripts/load.py) and, after
the run, reads the `user` events per sender from the tracker store's SQLite
file. These functions compare the two; tests/unit/test_soak_checks.py tests
them without a server.
"""
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from scripts.load import Exchange

# The stand-in bot/turn_guard.py sends when a turn is late or failed: a reply,
# but no answer, so the soak counts it as a failure.
STAND_IN_REASON = "unavailable"
EXAMPLES = 10  # problems listed by name in the report; the counts cover all


def has_bot_message(messages: Optional[Sequence[Dict[str, Any]]]) -> bool:
    """At least one bot message with text."""
    return any(isinstance(m, dict) and isinstance(m.get("text"), str) and m["text"].strip()
               for m in messages or ())


def is_stand_in(messages: Optional[Sequence[Dict[str, Any]]]) -> bool:
    """The apology that stands in for an answer when part of the assistant does not respond."""
    return any(((m.get("custom") or {}).get("no_answer") or {}).get("reason") == STAND_IN_REASON
               for m in messages or () if isinstance(m, dict))


def unanswered(exchanges: Iterable[Exchange]) -> List[Exchange]:
    """Messages without a proper reply: not HTTP 200, or no bot message with text."""
    return [e for e in exchanges if e.status != 200 or not has_bot_message(e.messages)]


def stand_ins(exchanges: Iterable[Exchange]) -> List[Exchange]:
    return [e for e in exchanges if e.status == 200 and is_stand_in(e.messages)]


def sent_per_sender(exchanges: Iterable[Exchange]) -> Counter:
    """Messages sent per sender id, whatever came back."""
    return Counter(e.sender for e in exchanges)


def stored_user_events(database: Path) -> Counter:
    """`user` events per sender in a SQLite tracker store (Rasa's `events` table)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT sender_id, COUNT(*) FROM events WHERE type_name = 'user' "
                          "GROUP BY sender_id").fetchall()
    return Counter(dict(rows))


@dataclass(frozen=True)
class Mismatch:
    sender: str
    sent: int
    stored: int


def count_mismatches(sent: Mapping[str, int], stored: Mapping[str, int]) -> List[Mismatch]:
    """Senders whose stored `user` events differ from the messages sent (either way), by sender."""
    return [Mismatch(sender, sent.get(sender, 0), stored.get(sender, 0))
            for sender in sorted(set(sent) | set(stored)) if sent.get(sender, 0) != stored.get(sender, 0)]


@dataclass
class Verdict:
    """The checks of one soak; `problems` says what failed, in words."""
    messages: int
    senders: int
    stored: int
    unanswered: List[Exchange] = field(default_factory=list)
    stand_ins: List[Exchange] = field(default_factory=list)
    mismatches: List[Mismatch] = field(default_factory=list)
    server_problems: List[str] = field(default_factory=list)  # a server died, the health check failed

    @property
    def problems(self) -> List[str]:
        found = list(self.server_problems)
        if not self.messages:
            found.append("no message was sent")
        if self.unanswered:
            kinds = Counter(e.problem or ("HTTP 200 without a bot message") for e in self.unanswered)
            found.append(f"{len(self.unanswered)} of {self.messages} messages got no proper reply ("
                         + ", ".join(f"{kind}: {n}" for kind, n in sorted(kinds.items())) + ")")
        if self.stand_ins:
            found.append(f"{len(self.stand_ins)} replies were the stand-in apology, not an answer")
        if self.mismatches:
            missing = sum(max(0, m.sent - m.stored) for m in self.mismatches)
            extra = sum(max(0, m.stored - m.sent) for m in self.mismatches)
            found.append(f"{len(self.mismatches)} conversations stored differently from what was sent "
                         f"({missing} messages missing, {extra} extra)")
        return found

    @property
    def passed(self) -> bool:
        return not self.problems

    def examples(self) -> List[str]:
        """A few of the failures by name, to look up in the logs."""
        lines = [f"no proper reply: {e.sender} {e.text!r}: {e.problem or 'no bot message'} "
                 f"(HTTP {e.status}, {e.seconds * 1000:.0f} ms)" for e in self.unanswered[:EXAMPLES]]
        lines += [f"stand-in apology: {e.sender} {e.text!r} ({e.seconds * 1000:.0f} ms)"
                  for e in self.stand_ins[:EXAMPLES]]
        lines += [f"stored differently: {m.sender}: sent {m.sent}, stored {m.stored}"
                  for m in self.mismatches[:EXAMPLES]]
        return lines


def judge(exchanges: Sequence[Exchange], stored: Mapping[str, int],
          server_problems: Sequence[str] = ()) -> Verdict:
    sent = sent_per_sender(exchanges)
    return Verdict(messages=len(exchanges), senders=len(sent), stored=sum(stored.values()),
                   unanswered=unanswered(exchanges), stand_ins=stand_ins(exchanges),
                   mismatches=count_mismatches(sent, stored), server_problems=list(server_problems))


@dataclass(frozen=True)
class MemoryFigures:
    """Resident memory (MB) of one server: when the load began, when it ended, the highest sample."""
    start: Optional[float]
    end: Optional[float]
    peak: Optional[float]
    lifetime_peak: Optional[float] = None  # VmHWM: the highest since the process started (loading included)

    @property
    def growth(self) -> Optional[float]:
        return None if self.start is None or self.end is None else self.end - self.start


def memory_figures(samples: Sequence[Tuple[float, Optional[float]]],
                   lifetime_peak: Optional[float] = None) -> MemoryFigures:
    """From (time, MB) samples in time order; samples of None (process gone) are left out."""
    values = [mb for _, mb in samples if mb is not None]
    if not values:
        return MemoryFigures(None, None, None, lifetime_peak)
    return MemoryFigures(values[0], values[-1], max(values), lifetime_peak)
