"""Sending handoff tickets to the Welcome Centre's helpdesk, and resending later.

The helpdesk is any HTTP endpoint that accepts a ticket as JSON by POST
(HELPDESK_URL; HELPDESK_TOKEN, when set, goes along as a Bearer token). With no
HELPDESK_URL (the default) the local ticket inbox is the destination and the
staff read it on the staff page (bot/staff_channel.py).

Every ticket is stored before it is sent (actions/tickets_store.py). A ticket
the helpdesk did not take stays pending and goes again by itself once the
helpdesk is back (actions/resender.py, in the action server), with the next
ticket, or with `make resend-tickets` (`python -m actions.helpdesk`).
"""
import argparse
import fcntl
import logging
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional, Tuple

import requests

from actions.tickets import Ticket
from actions.tickets_store import DELIVERED, OPEN, PENDING, TicketStore

logger = logging.getLogger(__name__)

RESEND_LIMIT = 50  # tickets per resend: a long backlog goes in several runs, none blocks for long


@dataclass(frozen=True)
class HelpdeskSettings:
    url: str = ""
    token: str = ""
    timeout: float = 5.0  # seconds per attempt
    attempts: int = 3
    backoff: float = 0.5  # seconds before the 2nd attempt, doubled for each further one

    @classmethod
    def from_environment(cls) -> "HelpdeskSettings":
        return cls(url=os.environ.get("HELPDESK_URL", "").strip(),
                   token=os.environ.get("HELPDESK_TOKEN", "").strip(),
                   timeout=float(os.environ.get("HELPDESK_TIMEOUT") or cls.timeout),
                   attempts=max(1, int(os.environ.get("HELPDESK_ATTEMPTS") or cls.attempts)))

    @property
    def local(self) -> bool:
        return not self.url


class DeliveryError(Exception):
    """The helpdesk did not accept the ticket; the message is for logs, never for users."""


def post_ticket(ticket: Ticket, settings: HelpdeskSettings, attempts: Optional[int] = None) -> int:
    """POSTs the ticket, retrying with backoff; returns the attempts it took, or DeliveryError."""
    headers = {"Authorization": f"Bearer {settings.token}"} if settings.token else {}
    tries = attempts or settings.attempts
    problem = ""
    for attempt in range(1, tries + 1):
        try:
            response = requests.post(settings.url, json=ticket.as_dict(), headers=headers, timeout=settings.timeout)
            response.raise_for_status()
            return attempt
        except requests.RequestException as error:
            problem = f"{type(error).__name__}: {str(error)[:200]}"
            logger.warning("helpdesk attempt %d/%d for ticket %s failed: %s", attempt, tries, ticket.id, problem)
        if attempt < tries:
            time.sleep(settings.backoff * 2 ** (attempt - 1))
    raise DeliveryError(problem)


@contextmanager
def one_delivery_at_a_time(store: TicketStore) -> Iterator[None]:
    """Held while tickets are stored and sent. The action server's threads (a new
    ticket, the background resender) and `make resend-tickets` (another process)
    would otherwise all see a pending ticket and send it twice. A lock on a file
    next to the store: it excludes threads and processes alike."""
    with open(f"{store.path}.lock", "a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def send_stored(store: TicketStore, ticket: Ticket, settings: HelpdeskSettings,
                attempts: Optional[int] = None) -> str:
    """Sends one pending ticket and records the outcome; returns its new status."""
    if settings.local:
        store.set_status(ticket.id, OPEN, only_from=(PENDING,))
        return OPEN
    try:
        took = post_ticket(ticket, settings, attempts)
    except DeliveryError as error:
        store.set_status(ticket.id, PENDING, error=str(error), attempts=attempts or settings.attempts,
                         only_from=(PENDING,))
        return PENDING
    store.set_status(ticket.id, DELIVERED, attempts=took, only_from=(PENDING,))
    return DELIVERED


def submit(ticket: Ticket, store: TicketStore, settings: HelpdeskSettings) -> str:
    """Stores the ticket, then delivers it: 'open' (local inbox), 'delivered' or 'pending'."""
    if settings.local:
        store.add(ticket, OPEN)
        return OPEN
    store.add(ticket, PENDING)  # at once, before waiting for anything: nothing the user typed is lost
    with one_delivery_at_a_time(store):
        current = store.get(ticket.id)
        if current is None or current.status != PENDING:  # a resend round sent it meanwhile
            return current.status if current else PENDING
        status = send_stored(store, ticket, settings)
        if status == DELIVERED:
            _resend_pending(store, settings, attempts=1)  # the helpdesk is back: what waited goes now
    return status


def resend_pending(store: TicketStore, settings: HelpdeskSettings,
                   attempts: Optional[int] = None) -> Tuple[int, int]:
    """Sends the pending tickets, oldest first; returns (sent, still pending).

    The first ticket the helpdesk does not take ends the round: it is down, and
    trying the rest would only keep the user (or the command) waiting."""
    with one_delivery_at_a_time(store):
        return _resend_pending(store, settings, attempts)


def _resend_pending(store: TicketStore, settings: HelpdeskSettings,
                    attempts: Optional[int]) -> Tuple[int, int]:
    waiting = store.with_status(PENDING, limit=RESEND_LIMIT)
    for sent, stored in enumerate(waiting):
        if send_stored(store, stored.ticket, settings, attempts) == PENDING:
            return sent, len(waiting) - sent
    return len(waiting), 0


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description="Resend the handoff tickets the helpdesk has not taken yet.")
    parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    store, settings = TicketStore.from_environment(), HelpdeskSettings.from_environment()
    sent, waiting = resend_pending(store, settings)
    where = "the local inbox" if settings.local else settings.url
    print(f"{store.path}: {sent} pending ticket(s) sent to {where}, {waiting} still pending")
    return 1 if waiting else 0


if __name__ == "__main__":
    sys.exit(main())
