"""The staff report: the digest of a few stored events (bot/report.py) and the files scripts/report.py writes."""
import csv
import json
import sqlite3
from datetime import datetime, timezone

import pytest

from bot.report import build_digest, contract_of, render_markdown, short_id, write_csvs
from scripts import report as report_script

DAY1 = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc).timestamp()
DAY2 = datetime(2026, 3, 3, 9, 30, tzinfo=timezone.utc).timestamp()


def user(sender, text, at, intent="ask_about"):
    return {"sender_id": sender, "type_name": "user", "timestamp": at,
            "data": json.dumps({"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}})}


def bot(sender, at, custom=None, text="..."):
    # As Rasa stores a bot event: the message's custom metadata under data.custom.
    return {"sender_id": sender, "type_name": "bot", "timestamp": at,
            "data": json.dumps({"event": "bot", "text": text, "data": {"buttons": None, "custom": custom}})}


def slot(sender, name, value, at):
    return {"sender_id": sender, "type_name": "slot", "timestamp": at,
            "data": {"event": "slot", "name": name, "value": value}}


def answer(topic):
    return {"answer": {"topic": topic, "sources": [{"section": topic, "url": f"https://x#{topic}"}]}}


def no_answer(reason):
    return {"no_answer": {"reason": reason}}


EVENTS = [
    user("alice-1", "hello", DAY1), bot("alice-1", DAY1 + 0.1),  # small talk: no contract
    user("alice-1", "Tell me about HECTOR", DAY1 + 10), bot("alice-1", DAY1 + 10.1, answer("hector")),
    bot("alice-1", DAY1 + 10.2),  # a second message of the same turn
    user("alice-1", "What is HECTOR's budget?", DAY1 + 20),
    bot("alice-1", DAY1 + 20.1, no_answer("unknown_fact")),
    user("alice-1", "yes please pass it on", DAY1 + 30, intent="affirm"),
    slot("alice-1", "unanswered_question", "What is HECTOR's budget?", DAY1 + 30.1),
    slot("alice-1", "handoff_requested", True, DAY1 + 30.1),
    slot("alice-1", "handoff_name", "Alice Example", DAY1 + 40),  # never in the report
    user("bob-2", "Where can I rent a room?", DAY2), bot("bob-2", DAY2 + 0.1, no_answer("out_of_scope")),
    user("bob-2", "Is Bremen a partner city?", DAY2 + 5), bot("bob-2", DAY2 + 5.1, answer("partner-cities")),
    user("bob-2", "who runs it?", DAY2 + 9), bot("bob-2", DAY2 + 9.1, {"clarify": {"options": ["hector", "hytrec2"]}}),
]
VOTES = [{"created_at": "2026-03-02T10:05:00+00:00", "sender_id": "alice-1", "topic": "hector", "vote": "down"},
         {"created_at": "2026-03-03T09:40:00+00:00", "sender_id": "bob-2", "topic": "partner-cities", "vote": "up"}]


@pytest.fixture
def digest():
    return build_digest(EVENTS, VOTES, {"open": 1, "delivered": 2})


def test_content_turns_carry_the_users_words(digest):
    assert [(t.kind, t.topic, t.reason, t.user_words) for t in digest.turns] == [
        ("answer", "hector", "", "Tell me about HECTOR"),
        ("no_answer", "", "unknown_fact", "What is HECTOR's budget?"),
        ("no_answer", "", "out_of_scope", "Where can I rent a room?"),
        ("answer", "partner-cities", "", "Is Bremen a partner city?"),
        ("clarify", "", "", "who runs it?"),
    ]
    assert digest.turns[-1].options == ("hector", "hytrec2")
    assert (digest.conversations, digest.user_messages) == (2, 7)


def test_answers_per_topic_with_votes(digest):
    assert digest.answers_per_topic() == [("hector", 1, 0, 1), ("partner-cities", 1, 1, 0)]


def test_no_answer_rate_per_day(digest):
    days = [(str(d.day), d.answers, d.no_answers, d.clarify, round(d.no_answer_rate, 3)) for d in digest.daily()]
    assert days == [("2026-03-02", 1, 1, 0, 0.5), ("2026-03-03", 1, 1, 1, 0.333)]
    assert digest.no_answer_rate == pytest.approx(2 / 5)


def test_thumbs_down_finds_the_question_answered(digest):
    [down] = digest.thumbs_down()
    assert (down.topic, down.question, down.conversation) == ("hector", "Tell me about HECTOR", short_id("alice-1"))


def test_handoffs_with_the_question_passed_on(digest):
    assert [(h.conversation, h.question) for h in digest.handoffs] == [(short_id("alice-1"), "What is HECTOR's budget?")]


def test_the_contract_is_found_where_rasa_stores_it():
    assert contract_of({"data": {"custom": answer("hector")}})[0] == "answer"
    assert contract_of({"custom": no_answer("x")}) == ("no_answer", {"reason": "x"})
    assert contract_of({"data": {"custom": None}}) is None and contract_of({}) is None


def test_markdown_report_is_for_staff(digest):
    text = render_markdown(digest, source="test events", generated=datetime(2026, 3, 4, tzinfo=timezone.utc))
    for expected in ("## Answers per topic", "| hector | 1 | 0 | 1 |", "What is HECTOR's budget?",
                     "Where can I rent a room?", "| unknown_fact |", "## Thumbs down (1)",
                     "## Handoffs to the staff (1 started)", "delivered 2, open 1", "| 2026-03-03 | 3 | 1 | 1 | 1 | 33.3 % |",
                     "![Answers per topic and no-answer rate per day](chart.png)"):
        assert expected in text, expected
    # No sender ids, no names from the handoff form.
    assert "alice-1" not in text and "bob-2" not in text and "Alice Example" not in text
    assert short_id("alice-1") in text


def test_markdown_cells_stay_in_their_table():
    events = [user("u", "a | b\nc", DAY1), bot("u", DAY1 + 1, no_answer("out_of_scope"))]
    text = render_markdown(build_digest(events), source="s", generated=datetime.now(timezone.utc), chart=None)
    assert "| a \\| b c |" in text and "chart.png" not in text


def test_an_empty_store_gives_an_empty_report():
    digest = build_digest([])
    text = render_markdown(digest, source="s", generated=datetime.now(timezone.utc))
    assert "No answers yet." in text and "No content turns yet." in text
    assert "no inbox found" in text


def test_csv_files(digest, tmp_path):
    written = write_csvs(digest, tmp_path)
    assert {p.name for p in written} == {"answers_per_topic.csv", "no_answers.csv", "thumbs_down.csv", "daily.csv"}
    rows = list(csv.DictReader(open(tmp_path / "no_answers.csv", encoding="utf-8")))
    assert [(r["reason"], r["user_words"]) for r in rows] == [
        ("unknown_fact", "What is HECTOR's budget?"), ("out_of_scope", "Where can I rent a room?")]
    daily = list(csv.DictReader(open(tmp_path / "daily.csv", encoding="utf-8")))
    assert [(r["day"], r["no_answer_rate"]) for r in daily] == [("2026-03-02", "0.5000"), ("2026-03-03", "0.3333")]


# -- scripts/report.py: reading the databases --------------------------------------------------

def tracker_db(path, events):
    """An `events` table as Rasa's SQLTrackerStore makes it."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
                   "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
                   "action_name VARCHAR(255), data TEXT)")
        db.executemany("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, ?, ?, ?)",
                       [(e["sender_id"], e["type_name"], e["timestamp"],
                         e["data"] if isinstance(e["data"], str) else json.dumps(e["data"])) for e in events])
        db.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES ('x', 'action', 1, '{}')")


def test_votes_and_tickets_are_read_defensively(tmp_path):
    notes = []
    assert report_script.read_votes(tmp_path / "missing.sqlite3", notes) == []
    assert report_script.read_ticket_counts(tmp_path / "missing.sqlite3", notes) is None
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE something (x)")
    assert report_script.read_votes(other, notes) == []
    assert report_script.read_ticket_counts(other, notes) is None
    assert len(notes) == 4 and "missing.sqlite3" in notes[0]

    inbox = tmp_path / "handoff.sqlite3"
    with sqlite3.connect(inbox) as db:
        db.execute("CREATE TABLE tickets (id TEXT, status TEXT, payload TEXT)")
        db.executemany("INSERT INTO tickets VALUES (?, ?, '{}')", [("a", "open"), ("b", "open"), ("c", "done")])
    assert report_script.read_ticket_counts(inbox, []) == {"open": 2, "done": 1}


def test_make_report_from_a_sqlite_tracker_store(tmp_path):
    tracker = tmp_path / "tracker.db"
    tracker_db(tracker, EVENTS)
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"action_endpoint:\n  url: ${{ACTION_ENDPOINT_URL}}\n"
                         f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tracker}\n")
    feedback = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(feedback) as db:
        db.execute("CREATE TABLE votes (id INTEGER PRIMARY KEY, created_at TEXT, sender_id TEXT, topic TEXT, vote TEXT)")
        db.executemany("INSERT INTO votes (created_at, sender_id, topic, vote) VALUES (?, ?, ?, ?)",
                       [(v["created_at"], v["sender_id"], v["topic"], v["vote"]) for v in VOTES])
    out = tmp_path / "report"
    code = report_script.main(["--endpoints", str(endpoints), "--out", str(out), "--feedback-db", str(feedback),
                               "--handoff-db", str(tmp_path / "none.sqlite3"), "--timezone", "UTC"])
    assert code == 0
    text = (out / "report.md").read_text()
    assert "Tell me about HECTOR" in text and "thumbs down / thumbs up | 1 / 1" in text
    assert "No handoff inbox at" in text
    assert (out / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / "answers_per_topic.csv").read_text().splitlines()[1] == "hector,1,0,1"


def test_a_missing_tracker_database_is_an_error(tmp_path, capsys):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / 'nothing.db'}\n")
    assert report_script.main(["--endpoints", str(endpoints), "--out", str(tmp_path / "out")]) == 1
    assert "No tracker database at" in capsys.readouterr().err
