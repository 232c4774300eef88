"""The handoff to the Welcome Centre staff and the thumbs up / down, over HTTP.

The assistant runs with a stand-in helpdesk (tests/helpdesk_stub.py), a staff
token and its own ticket and feedback stores (tests/e2e/conftest.py).
"""
import json
import sqlite3
import subprocess
import sys
import time
import uuid
from typing import Any, Dict, List, Optional

import pytest
import requests

from scripts.assistant_process import PROJECT_ROOT

pytestmark = pytest.mark.e2e
UNKNOWN = "What is the budget of the HECTOR project?"


def text_of(messages: List[Dict[str, Any]]) -> str:
    return " ".join(m.get("text") or "" for m in messages)


def unique_email() -> str:
    return f"anna.{uuid.uuid4().hex[:8]}@example.org"


def stored(assistant, email: str) -> List[Dict[str, Any]]:
    """The tickets in the assistant's local store for this email, with their status."""
    with sqlite3.connect(assistant.folder / "handoff.sqlite3") as db:
        rows = db.execute("SELECT status, payload FROM tickets").fetchall()
    tickets = [{**json.loads(payload), "status": status} for status, payload in rows]
    return [t for t in tickets if t["email"] == email]


def through_the_form(chat, email: str, question_answer: str = "yes") -> List[Dict[str, Any]]:
    """Asks what the page does not say, accepts the offer and answers every step; the last turn."""
    chat(UNKNOWN)
    assert "May I share this conversation" in text_of(chat("yes please"))
    assert "What name" in text_of(chat("yes"))
    assert "email address" in text_of(chat("my name is Anna de Vries"))
    assert UNKNOWN in text_of(chat(email))
    return chat(question_answer)


def staff_get(assistant, query: str = "", token: Optional[str] = "the staff token") -> requests.Response:
    token = assistant.env["STAFF_TOKEN"] if token == "the staff token" else token
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(f"{assistant.url}/webhooks/staff/tickets{query}", headers=headers, timeout=30)


# --- the form ----------------------------------------------------------------------------------------

def test_a_full_handoff_creates_a_ticket_that_reaches_the_helpdesk(chat, assistant, helpdesk):
    email = unique_email()
    last = through_the_form(chat, email)
    [ticket] = stored(assistant, email)
    assert ticket["status"] == "delivered"
    assert ticket["id"] in text_of(last) and email in text_of(last)
    assert "reply by email" in text_of(last)
    [sent] = [t for t in helpdesk.received if t["email"] == email]
    assert sent["question"] == UNKNOWN and sent["name"] == "Anna de Vries" and sent["consent"] is True
    assert sent["language"] == "en" and sent["created_at"].endswith("+00:00")
    assert sent["transcript"][0] == {"speaker": "user", "text": UNKNOWN}


def test_the_user_may_type_another_question_instead(chat, assistant):
    email = unique_email()
    through_the_form(chat, email, question_answer="Who decides on the HECTOR budget?")
    [ticket] = stored(assistant, email)
    assert ticket["question"] == "Who decides on the HECTOR budget?"


@pytest.mark.parametrize("way_out", ["stop", "laat maar", "never mind"])
def test_a_way_out_mid_form_sends_nothing(chat, assistant, helpdesk, way_out):
    chat("can I talk to a person")
    chat("yes")
    turn = chat(way_out)
    assert "nothing was sent" in text_of(turn)
    # The conversation goes on as usual afterwards.
    assert "Bremen" in text_of(chat("Is Bremen a partner city?"))


def test_no_consent_sends_nothing(chat, assistant):
    chat(UNKNOWN)
    chat("yes please")
    assert "nothing was sent" in text_of(chat("no"))


def test_an_invalid_email_is_asked_again_with_the_reason(chat, assistant):
    chat("I want to speak to a human")
    chat("yes")
    chat("Anna")
    turn = chat("anna at example dot org")
    assert "doesn't look like an email address" in text_of(turn) and "no @" in text_of(turn)
    assert "What email address" in text_of(turn)
    email = unique_email()
    assert "What would you like to ask" in text_of(chat(email))  # no question yet: asks for one
    chat("Can someone help me find a school for my children?")
    [ticket] = stored(assistant, email)
    assert ticket["question"] == "Can someone help me find a school for my children?"


def test_when_the_helpdesk_is_down_the_ticket_waits_and_goes_by_itself_once_it_is_back(chat, assistant, helpdesk):
    email = unique_email()
    helpdesk.down = True
    try:
        last = through_the_form(chat, email)
        assert "can't be reached right now" in text_of(last)
        assert "sent to the staff automatically" in text_of(last)
        [ticket] = stored(assistant, email)
        assert ticket["status"] == "pending"
        # On the staff page while it waits.
        listed = staff_get(assistant, "?format=json").json()["tickets"]
        assert [t["status"] for t in listed if t["email"] == email] == ["pending"]
        time.sleep(2.5)  # rounds of the background resender (every 1 s here) while it is down
        assert stored(assistant, email)[0]["status"] == "pending"
    finally:
        helpdesk.down = False
    # No new ticket, no `make resend-tickets`: the action server sends it by itself.
    deadline = time.monotonic() + 15
    while stored(assistant, email)[0]["status"] == "pending" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert stored(assistant, email)[0]["status"] == "delivered"
    assert [t["id"] for t in helpdesk.received if t["email"] == email] == [ticket["id"]]  # once


def test_a_slow_helpdesk_gets_the_ticket_later_and_the_user_hears_so_in_time(chat, assistant, helpdesk):
    """4 s: longer than Rasa waits for an action (3.5 s, bot/turn_guard.py), shorter than the
    helpdesk client's timeout (5 s), so the one attempt succeeds, late."""
    email = unique_email()
    helpdesk.delay = 4.0
    try:
        last = through_the_form(chat, email)
    finally:
        helpdesk.delay = 0.0
    # Not the general "not responding" apology: where the ticket is.
    assert "sent to the staff automatically" in text_of(last), text_of(last)
    deadline = time.monotonic() + 15
    while stored(assistant, email)[0]["status"] == "pending" and time.monotonic() < deadline:
        time.sleep(0.2)
    [ticket] = stored(assistant, email)
    assert ticket["status"] == "delivered"
    assert [t["id"] for t in helpdesk.received if t["email"] == email] == [ticket["id"]]


def test_make_resend_tickets_sends_what_waits(chat, assistant, helpdesk):
    email = unique_email()
    helpdesk.down = True
    try:
        through_the_form(chat, email)
    finally:
        helpdesk.down = False
    # `make resend-tickets`; the background resender may be quicker: either way, once.
    resend = subprocess.run([sys.executable, "-m", "actions.helpdesk"], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=120, env={**assistant.child_env(), **assistant.env})
    assert resend.returncode == 0, resend.stdout + resend.stderr
    [ticket] = stored(assistant, email)
    assert ticket["status"] == "delivered"
    assert [t["id"] for t in helpdesk.received if t["email"] == email] == [ticket["id"]]


# --- thumbs up / down -----------------------------------------------------------------------------

def test_a_vote_is_stored_with_the_topic(assistant):
    sender = f"e2e-{uuid.uuid4().hex}"
    reply = requests.post(f"{assistant.url}/webhooks/feedback/vote",
                          json={"sender": sender, "topic": "partner-cities", "vote": "up"}, timeout=30)
    assert reply.status_code == 200 and reply.json() == {"ok": True}
    with sqlite3.connect(assistant.env["FEEDBACK_DB"]) as db:
        rows = db.execute("SELECT topic, vote, created_at FROM votes WHERE sender_id = ?", (sender,)).fetchall()
    assert [(topic, vote) for topic, vote, _ in rows] == [("partner-cities", "up")]


@pytest.mark.parametrize("body", [{"sender": "u", "topic": "hector", "vote": "meh"},
                                  {"sender": "u", "vote": "up"}, {"topic": "hector", "vote": "down"}])
def test_a_malformed_vote_gets_a_400_with_a_reason(assistant, body):
    reply = requests.post(f"{assistant.url}/webhooks/feedback/vote", json=body, timeout=30)
    assert reply.status_code == 400 and reply.json()["reason"]


def test_thumbs_down_offers_the_handoff_for_the_answered_question(assistant):
    sender = f"e2e-{uuid.uuid4().hex}"

    def say(text: str) -> List[Dict[str, Any]]:
        return requests.post(f"{assistant.url}/webhooks/rest/webhook",
                             json={"sender": sender, "message": text}, timeout=30).json()

    answer = next(m["custom"]["answer"] for m in say("Is Bremen a partner city?")
                  if "answer" in (m.get("custom") or {}))
    vote = requests.post(f"{assistant.url}/webhooks/feedback/vote",
                         json={"sender": sender, "topic": answer["topic"], "vote": "down"}, timeout=30).json()
    accept = vote["offer"]["buttons"][0]["payload"]
    assert "May I share this conversation" in text_of(say(accept))
    say("yes")
    say("Anna de Vries")
    assert "Is Bremen a partner city?" in text_of(say(unique_email()))
    assert "nothing was sent" in text_of(say("stop"))


# --- the staff page ----------------------------------------------------------------------------------

@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_the_staff_page_needs_the_staff_token(assistant, token):
    reply = staff_get(assistant, token=token)
    assert reply.status_code == 401 and reply.json()["error"] == "unauthorized"
    assert "HO-" not in reply.text


def test_the_staff_page_lists_open_tickets_and_marks_them_done(chat, assistant, helpdesk):
    email = unique_email()
    helpdesk.down = True  # all along: the ticket waits (the background resender must not send it)
    try:
        through_the_form(chat, email)
        token = assistant.env["STAFF_TOKEN"]
        page = requests.get(f"{assistant.url}/webhooks/staff/tickets?token={token}", timeout=30)
        assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
        assert email in page.text and "Anna de Vries" in page.text
        [ticket] = stored(assistant, email)
        done = requests.post(f"{assistant.url}/webhooks/staff/tickets/{ticket['id']}/done",
                             headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert done.status_code == 200 and done.json()["status"] == "done"
        assert email not in staff_get(assistant).text
        assert stored(assistant, email)[0]["status"] == "done"
    finally:
        helpdesk.down = False
