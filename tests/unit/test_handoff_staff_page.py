"""The staff page's access rule and page (bot/staff_channel.py); its HTTP routes
are tested over HTTP in tests/e2e/test_handoff.py (Sanic's test client needs
sanic-testing, which is not installed)."""
import pytest

from actions.tickets import build_ticket
from actions.tickets_store import OPEN, PENDING, StoredTicket
from bot.staff_channel import DISABLED, StaffPages, check_access, render_page, ticket_json

TOKEN = "s3cret-staff-token"


@pytest.mark.parametrize("configured, header, query, outcome", [
    (None, f"Bearer {TOKEN}", None, 503),  # no STAFF_TOKEN: the page is off, whatever is sent
    ("", None, TOKEN, 503),
    (TOKEN, None, None, 401),
    (TOKEN, "Bearer wrong", None, 401),
    (TOKEN, f"Basic {TOKEN}", None, 401),
    (TOKEN, None, "wrong", 401),
    (TOKEN, "Bearer ", None, 401),
    (TOKEN, f"Bearer {TOKEN}", None, None),
    (TOKEN, f"bearer {TOKEN}", None, None),
    (TOKEN, None, TOKEN, None),
    (TOKEN, "Bearer wrong", TOKEN, 401),  # a header, when sent, decides
])
def test_only_the_staff_token_opens_the_page(configured, header, query, outcome):
    problem = check_access(configured, header, query)
    assert (problem[0] if problem else None) == outcome


def test_a_page_that_is_off_says_how_to_turn_it_on():
    assert check_access(None, None, None) == (503, DISABLED)
    assert "STAFF_TOKEN" in DISABLED


def stored(status: str = OPEN, **fields) -> StoredTicket:
    values = dict(sender_id="visitor-1", name="Anna de Vries", email="anna@example.org",
                  question="What is the budget of HECTOR?",
                  events=[{"event": "user", "text": "What is the budget of HECTOR?"},
                          {"event": "bot", "text": "I don't know", "data": {}}])
    values.update(fields)
    return StoredTicket(build_ticket(**values), status, 0, None, "2024-05-01T10:00:00+00:00")


def test_the_page_lists_each_ticket_with_question_contact_and_conversation():
    ticket = stored()
    page = render_page([ticket, stored(PENDING, name="Wei Zhang")], "?token=abc")
    assert "Open handoff tickets (2)" in page
    assert ticket.ticket.id in page and "What is the budget of HECTOR?" in page
    assert 'href="mailto:anna@example.org"' in page and "I don&#x27;t know" in page
    assert "waiting to be sent to the helpdesk" in page
    assert f'action="tickets/{ticket.ticket.id}/done?token=abc"' in page


def test_what_users_typed_is_escaped():
    page = render_page([stored(name="<script>alert(1)</script>", question='"><img src=x onerror=alert(1)>')])
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page


def test_an_empty_inbox_says_so():
    assert "No open tickets." in render_page([])


def test_the_json_view_has_the_whole_ticket_and_its_status():
    data = ticket_json(stored(PENDING))
    assert data["status"] == PENDING and data["question"] == "What is the budget of HECTOR?"
    assert data["transcript"][0] == {"speaker": "user", "text": "What is the budget of HECTOR?"}


def test_the_channel_is_named_staff_for_its_url():
    assert StaffPages.name() == "staff"
