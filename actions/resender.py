"""Waiting handoff tickets go to the helpdesk by themselves once it is back.

A ticket the helpdesk did not take stays pending (actions/helpdesk.py). It
would otherwise go only with the next ticket or with `make resend-tickets`, and
a quiet week could leave a question unanswered. So when a ticket is left
pending, the action server starts one background thread that tries the
waiting tickets again every HELPDESK_RESEND_SECONDS (default 60), one attempt
per round, and ends when none is left.
"""
import logging
import os
import threading
from pathlib import Path
from typing import Dict, Optional

from actions.helpdesk import HelpdeskSettings, resend_pending
from actions.tickets_store import TicketStore

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL = 60.0

_start_lock = threading.Lock()
_running: Dict[Path, threading.Thread] = {}  # by ticket store: one resender each


def resend_interval() -> float:
    return max(0.01, float(os.environ.get("HELPDESK_RESEND_SECONDS") or DEFAULT_INTERVAL))


def resend_until_none_waits(store: TicketStore, settings: HelpdeskSettings, interval: float,
                            stop: Optional[threading.Event] = None) -> None:
    """Rounds of resend_pending every `interval` seconds until nothing waits (or `stop` is set)."""
    stop = stop or threading.Event()
    while not stop.wait(interval):
        try:
            sent, waiting = resend_pending(store, settings, attempts=1)
        except Exception:  # noqa: BLE001 - a broken round must not end the retries
            logger.exception("resending the waiting handoff tickets failed; trying again later")
            continue
        if sent:
            logger.info("%d waiting handoff ticket(s) delivered to the helpdesk", sent)
        if not waiting:
            return


def keep_resending(store: TicketStore, settings: HelpdeskSettings,
                   interval: Optional[float] = None) -> threading.Thread:
    """Starts the background resender of `store` unless one is running already; returns it."""
    with _start_lock:
        thread = _running.get(store.path)
        if thread is None or not thread.is_alive():
            thread = threading.Thread(
                target=resend_until_none_waits, args=(store, settings, interval or resend_interval()),
                name="helpdesk-resender", daemon=True)
            thread.start()
            _running[store.path] = thread
        return thread
