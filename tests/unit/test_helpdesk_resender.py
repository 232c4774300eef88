"""Waiting tickets go by themselves once the helpdesk is back (actions/resender.py), and no
ticket is ever sent twice (actions/helpdesk.py's delivery lock). Real HTTP to a stand-in
helpdesk (tests/helpdesk_stub.py), a real ticket store in tmp_path, real threads."""
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

from actions import resender
from actions.helpdesk import HelpdeskSettings, resend_pending, submit
from actions.tickets import Ticket, build_ticket
from actions.tickets_store import DELIVERED, PENDING, TicketStore
from tests.helpdesk_stub import HelpdeskStub, running_helpdesk


@pytest.fixture
def helpdesk() -> Iterator[HelpdeskStub]:
    with running_helpdesk() as stub:
        yield stub


@pytest.fixture
def store(tmp_path: Path) -> TicketStore:
    return TicketStore(tmp_path / "handoff.sqlite3")


def a_ticket(question: str = "What is the budget of HECTOR?") -> Ticket:
    return build_ticket(sender_id="visitor-1", name="Anna", email="anna@example.org", question=question,
                        events=[{"event": "user", "text": question}])


def quick(stub: HelpdeskStub) -> HelpdeskSettings:
    return HelpdeskSettings(url=stub.url, timeout=2.0, attempts=1, backoff=0.0)


def eventually(condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_a_waiting_ticket_is_delivered_by_itself_once_the_helpdesk_is_back(store, helpdesk):
    helpdesk.down = True
    ticket = a_ticket()
    assert submit(ticket, store, quick(helpdesk)) == PENDING
    thread = resender.keep_resending(store, quick(helpdesk), interval=0.05)
    time.sleep(0.3)  # several rounds while it is down: still waiting
    assert store.get(ticket.id).status == PENDING and helpdesk.attempts > 2
    helpdesk.down = False
    assert eventually(lambda: store.get(ticket.id).status == DELIVERED)
    thread.join(timeout=5)
    assert not thread.is_alive()  # nothing waits any more: the resender ended
    assert [t["id"] for t in helpdesk.received] == [ticket.id]


def test_only_one_resender_runs_at_a_time(store, helpdesk):
    helpdesk.down = True
    store.add(a_ticket(), PENDING)
    first = resender.keep_resending(store, quick(helpdesk), interval=0.05)
    assert resender.keep_resending(store, quick(helpdesk), interval=0.05) is first
    helpdesk.down = False
    first.join(timeout=5)
    assert not first.is_alive()


def test_the_interval_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("HELPDESK_RESEND_SECONDS", "2.5")
    assert resender.resend_interval() == 2.5
    monkeypatch.delenv("HELPDESK_RESEND_SECONDS")
    assert resender.resend_interval() == resender.DEFAULT_INTERVAL


def test_new_tickets_and_resending_at_the_same_time_send_each_ticket_once(store, helpdesk):
    """Submitting stores a ticket as pending before it sends it: without the delivery lock
    a resend running meanwhile sends it as well."""
    for question in ("waiting 1", "waiting 2", "waiting 3"):
        store.add(a_ticket(question), PENDING)
    stop = threading.Event()

    def resend_all_the_time() -> None:
        while not stop.is_set():
            resend_pending(store, quick(helpdesk), attempts=1)

    resending = [threading.Thread(target=resend_all_the_time) for _ in range(2)]
    for thread in resending:
        thread.start()
    try:
        submitted = [a_ticket(f"new {n}") for n in range(15)]
        submitters = [threading.Thread(target=submit, args=(t, store, quick(helpdesk))) for t in submitted]
        for thread in submitters:
            thread.start()
        for thread in submitters:
            thread.join(timeout=30)
    finally:
        stop.set()
        for thread in resending:
            thread.join(timeout=30)
    ids = [t["id"] for t in helpdesk.received]
    assert len(ids) == len(set(ids)) == 18
    assert not store.with_status(PENDING)
