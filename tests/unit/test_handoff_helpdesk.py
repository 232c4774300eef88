"""Delivering tickets to the helpdesk (actions/helpdesk.py), over real HTTP to a
stand-in helpdesk on 127.0.0.1 (tests/helpdesk_stub.py)."""
import socket
from pathlib import Path
from typing import Iterator, List

import pytest

from actions.helpdesk import DeliveryError, HelpdeskSettings, main, post_ticket, resend_pending, submit
from actions.tickets import Ticket, build_ticket
from actions.tickets_store import DELIVERED, OPEN, PENDING, TicketStore
from tests.helpdesk_stub import HelpdeskStub, running_helpdesk


@pytest.fixture
def helpdesk() -> Iterator[HelpdeskStub]:
    with running_helpdesk() as stub:
        yield stub


@pytest.fixture
def store(tmp_path: Path) -> TicketStore:
    return TicketStore(tmp_path / "handoff.sqlite3")


@pytest.fixture
def sleeps(monkeypatch) -> List[float]:
    """The backoff waits, recorded instead of slept: the tests stay fast."""
    waited: List[float] = []
    monkeypatch.setattr("actions.helpdesk.time.sleep", waited.append)
    return waited


def a_ticket(question: str = "What is the budget of HECTOR?") -> Ticket:
    return build_ticket(sender_id="visitor-1", name="Anna", email="anna@example.org", question=question,
                        events=[{"event": "user", "text": question}])


def settings_for(stub: HelpdeskStub, **options) -> HelpdeskSettings:
    return HelpdeskSettings(url=stub.url, timeout=2.0, **options)


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/tickets"  # nothing listens there any more


# --- one delivery ------------------------------------------------------------------------------------

def test_a_failing_helpdesk_is_retried_with_backoff_until_it_takes_the_ticket(helpdesk, sleeps):
    helpdesk.fail_next = 2
    ticket = a_ticket()
    assert post_ticket(ticket, settings_for(helpdesk)) == 3
    assert helpdesk.attempts == 3 and sleeps == [0.5, 1.0]
    assert helpdesk.received == [ticket.as_dict()]


def test_a_helpdesk_that_keeps_failing_gives_a_delivery_error(helpdesk, sleeps):
    helpdesk.down = True
    with pytest.raises(DeliveryError, match="503"):
        post_ticket(a_ticket(), settings_for(helpdesk, attempts=4))
    assert helpdesk.attempts == 4 and len(sleeps) == 3 and helpdesk.received == []


def test_an_unreachable_helpdesk_gives_a_delivery_error(sleeps):
    with pytest.raises(DeliveryError, match="ConnectionError"):
        post_ticket(a_ticket(), HelpdeskSettings(url=closed_port_url(), timeout=2.0, attempts=2))


def test_the_helpdesk_token_goes_along_as_a_bearer_token(helpdesk):
    post_ticket(a_ticket(), settings_for(helpdesk, token="hd-secret"))
    assert helpdesk.headers[0]["Authorization"] == "Bearer hd-secret"


# --- store first, then deliver ------------------------------------------------------------------------

def test_without_a_helpdesk_the_ticket_goes_to_the_local_inbox(store):
    ticket = a_ticket()
    assert submit(ticket, store, HelpdeskSettings()) == OPEN
    assert store.get(ticket.id).status == OPEN


def test_a_ticket_the_helpdesk_takes_is_delivered(store, helpdesk):
    ticket = a_ticket()
    assert submit(ticket, store, settings_for(helpdesk)) == DELIVERED
    assert store.get(ticket.id).status == DELIVERED and [t["id"] for t in helpdesk.received] == [ticket.id]


def test_a_ticket_the_helpdesk_does_not_take_waits_and_goes_with_the_next_one(store, helpdesk, sleeps):
    helpdesk.down = True
    waiting = a_ticket("first question")
    assert submit(waiting, store, settings_for(helpdesk)) == PENDING
    stored = store.get(waiting.id)
    assert stored.status == PENDING and stored.attempts == 3 and "503" in stored.last_error
    helpdesk.down = False
    later = a_ticket("second question")
    assert submit(later, store, settings_for(helpdesk)) == DELIVERED
    assert [t["question"] for t in helpdesk.received] == ["second question", "first question"]
    assert store.get(waiting.id).status == DELIVERED


def test_resending_stops_at_the_first_ticket_the_helpdesk_does_not_take(store, helpdesk, sleeps):
    for question in ("one", "two", "three"):
        store.add(a_ticket(question), PENDING)
    helpdesk.down = True
    assert resend_pending(store, settings_for(helpdesk)) == (0, 3)
    assert helpdesk.attempts == 3  # the first ticket's tries; the rest wait for the next round
    helpdesk.down = False
    assert resend_pending(store, settings_for(helpdesk)) == (3, 0)
    assert [t["question"] for t in helpdesk.received] == ["one", "two", "three"]


def test_resending_without_a_helpdesk_moves_waiting_tickets_to_the_local_inbox(store):
    ticket = a_ticket()
    store.add(ticket, PENDING)
    assert resend_pending(store, HelpdeskSettings()) == (1, 0)
    assert store.get(ticket.id).status == OPEN


# --- settings and `make resend-tickets` ------------------------------------------------------------

def test_the_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("HELPDESK_URL", " https://helpdesk.example/api/tickets ")
    monkeypatch.setenv("HELPDESK_TIMEOUT", "2.5")
    monkeypatch.setenv("HELPDESK_ATTEMPTS", "5")
    settings = HelpdeskSettings.from_environment()
    assert (settings.url, settings.timeout, settings.attempts, settings.local) == (
        "https://helpdesk.example/api/tickets", 2.5, 5, False)
    monkeypatch.delenv("HELPDESK_URL")
    assert HelpdeskSettings.from_environment().local


def test_the_resend_command_sends_what_waits_and_says_so(store, helpdesk, monkeypatch, capsys, sleeps):
    monkeypatch.setenv("HANDOFF_DB", str(store.path))
    monkeypatch.setenv("HELPDESK_URL", helpdesk.url)
    store.add(a_ticket(), PENDING)
    helpdesk.down = True
    assert main([]) == 1
    assert "0 pending ticket(s) sent" in capsys.readouterr().out
    helpdesk.down = False
    assert main([]) == 0
    assert "1 pending ticket(s) sent" in capsys.readouterr().out and len(helpdesk.received) == 1
