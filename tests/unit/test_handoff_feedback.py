"""Thumbs up / down (bot/feedback_channel.py): checking a vote, keeping it, and the
handoff offered after a thumbs-down. The HTTP route: tests/e2e/test_handoff.py."""
import json
import re
from pathlib import Path

import pytest

from bot.channels import BadRequest
from bot.feedback_channel import (DEFAULT_PATH, HANDOFF_MESSAGE, FeedbackInput, FeedbackStore, Vote, parse_vote,
                                  vote_reply)


def body(**fields) -> bytes:
    return json.dumps(fields).encode("utf-8")


@pytest.mark.parametrize("vote", ["up", "down"])
def test_a_well_formed_vote_is_read(vote):
    assert parse_vote(body(sender="web-123", topic="partner-cities", vote=vote)) == Vote(
        "web-123", "partner-cities", vote)


@pytest.mark.parametrize("raw, reason", [
    (b"{not json", "JSON"),
    (b"[1, 2]", "object"),
    (b"\xff\xfe", "JSON"),
    (b"[" * 1500 + b"]" * 1500, "nested too deeply"),
    (body(topic="hector", vote="up"), "sender"),
    (body(sender="with space", topic="hector", vote="up"), "sender"),
    (body(sender="u", vote="up"), "topic"),
    (body(sender="u", topic="<script>", vote="up"), "topic"),
    (body(sender="u", topic="x" * 101, vote="up"), "topic"),
    (body(sender="u", topic="hector", vote="meh"), "vote"),
    (body(sender="u", topic="hector", vote=1), "vote"),
    (body(sender="u", topic="hector", vote="up", padding="x" * 5000), "longer"),
])
def test_a_malformed_vote_is_refused_with_a_reason(raw: bytes, reason: str):
    with pytest.raises(BadRequest, match=reason):
        parse_vote(raw)


def test_votes_are_kept_with_topic_sender_and_utc_time(tmp_path: Path):
    store = FeedbackStore(tmp_path / "nested" / "feedback.sqlite3")
    store.add(Vote("web-1", "hector", "down"))
    store.add(Vote("web-2", "partner-cities", "up"))
    votes = FeedbackStore(store.path).all()
    assert [(v.sender_id, v.topic, v.vote) for v in votes] == [("web-1", "hector", "down"),
                                                               ("web-2", "partner-cities", "up")]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", v.created_at) for v in votes)


def test_the_store_comes_from_feedback_db_or_var(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("FEEDBACK_DB", str(tmp_path / "f.sqlite3"))
    assert FeedbackStore.from_environment().path == tmp_path / "f.sqlite3"
    assert DEFAULT_PATH.parent.name == "var" and DEFAULT_PATH.name == "feedback.sqlite3"


def test_a_thumbs_down_offers_the_handoff_and_a_thumbs_up_does_not():
    assert vote_reply(Vote("u", "hector", "up")) == {"ok": True}
    down = vote_reply(Vote("u", "hector", "down"))
    assert down["ok"] is True and "staff" in down["offer"]["text"]
    payloads = [b["payload"] for b in down["offer"]["buttons"]]
    assert payloads[0] == HANDOFF_MESSAGE and all(not p.startswith("/") for p in payloads)


def test_the_offer_is_a_message_the_assistant_reads_as_a_request_for_a_person():
    training = (Path(__file__).resolve().parents[2] / "data" / "nlu" / "handoff.yml").read_text(encoding="utf-8")
    assert f"- {HANDOFF_MESSAGE}\n" in training.split("- intent: request_human")[1]


def test_the_channel_is_named_feedback_for_its_url():
    assert FeedbackInput.name() == "feedback"
