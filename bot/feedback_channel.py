"""Thumbs up / down on the assistant's answers (a Rasa input channel for its route).

    POST /webhooks/feedback/vote   {"sender": "<id>", "topic": "<answer topic>", "vote": "up" | "down"}
    -> 200 {"ok": true}; a "down" also carries the handoff offer for the widget to show.
    -> 400 {"error": "bad_request", "reason": "..."} when a field is missing or wrong.

Votes are kept with the answer's topic (the `answer.topic` of the reply
contract) and the time, in SQLite: FEEDBACK_DB, default var/feedback.sqlite3.
A thumbs-down offers the handoff: the widget sends the offer's payload as the
user's next message ("I would like to talk to a person"), which starts the
handoff form with the question that was answered (actions/handoff.py).
"""
import os
import re
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, NamedTuple, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import MAX_SENDER_CHARS, SENDER_PATTERN, BadRequest, json_object

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "var" / "feedback.sqlite3"
VOTES = ("up", "down")
TOPIC_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")  # knowledge-base ids: "hector", "partner-cities"
MAX_BODY_BYTES = 4096
HANDOFF_MESSAGE = "I would like to talk to a person"  # what the NLU reads as request_human
OFFER = {"text": "Sorry that didn't help. Shall I pass your question on to the staff of the "
                 "International Welcome Centre North?",
         "buttons": [{"title": "Yes, talk to a person", "payload": HANDOFF_MESSAGE},
                     {"title": "No, thanks", "payload": "no thanks"}]}
SCHEMA = """CREATE TABLE IF NOT EXISTS votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down'))
)"""


class Vote(NamedTuple):
    sender_id: str
    topic: str
    vote: str


class StoredVote(NamedTuple):
    id: int
    created_at: str
    sender_id: str
    topic: str
    vote: str


def parse_vote(body: bytes) -> Vote:
    """The vote of a request body, or BadRequest saying what is wrong."""
    if len(body) > MAX_BODY_BYTES:
        raise BadRequest(f"the body is longer than {MAX_BODY_BYTES} bytes")
    payload = json_object(body, '{"sender": ..., "topic": ..., "vote": ...}')
    sender, topic, vote = payload.get("sender"), payload.get("topic"), payload.get("vote")
    if not isinstance(sender, str) or len(sender) > MAX_SENDER_CHARS or not SENDER_PATTERN.fullmatch(sender):
        raise BadRequest(f'"sender" must be the chat\'s sender id: at most {MAX_SENDER_CHARS} letters, digits or _.:@-')
    if not isinstance(topic, str) or not TOPIC_PATTERN.fullmatch(topic):
        raise BadRequest('"topic" must be the answer\'s topic id (lower-case letters, digits and -)')
    if vote not in VOTES:
        raise BadRequest('"vote" must be "up" or "down"')
    return Vote(sender, topic, vote)


class FeedbackStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=5)) as db, db:
            db.execute(SCHEMA)

    @classmethod
    def from_environment(cls) -> "FeedbackStore":
        return cls(Path(os.environ.get("FEEDBACK_DB") or DEFAULT_PATH))

    def add(self, vote: Vote) -> int:
        now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        with closing(sqlite3.connect(self.path, timeout=5)) as db, db:
            cursor = db.execute("INSERT INTO votes (created_at, sender_id, topic, vote) VALUES (?, ?, ?, ?)",
                                (now, *vote))
            return int(cursor.lastrowid)

    def all(self) -> List[StoredVote]:
        with closing(sqlite3.connect(self.path, timeout=5)) as db:
            return [StoredVote(*row) for row in db.execute(
                "SELECT id, created_at, sender_id, topic, vote FROM votes ORDER BY id")]


def vote_reply(vote: Vote) -> Dict[str, Any]:
    return {"ok": True, "offer": OFFER} if vote.vote == "down" else {"ok": True}


class FeedbackInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "feedback"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        feedback = Blueprint("feedback_votes", __name__)

        @feedback.route("/vote", methods=["POST"])
        async def vote(request: Request) -> HTTPResponse:
            try:
                parsed = parse_vote(request.body or b"")
            except BadRequest as error:
                return response.json({"error": "bad_request", "reason": str(error)}, status=400)
            try:
                FeedbackStore.from_environment().add(parsed)
            except sqlite3.Error:
                return response.json({"error": "unavailable", "reason": "the vote could not be stored"}, status=503)
            return response.json(vote_reply(parsed))

        return feedback
