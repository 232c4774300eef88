"""Production mode (docs/SCALING.md): nginx, two Rasa servers, PostgreSQL, Redis.

One production mode for the module, on free ports, with a PostgreSQL database
made for it (and dropped after) and its own Redis database number for the locks.
"""
import json
import threading
import time
import uuid

import pytest
import requests
import yaml

import scripts.production
from scripts.assistant_process import PROJECT_ROOT, free_port
from scripts.production import DEFAULT_BODY_LIMIT, Production, ProductionError, start_production

from tests.e2e.support import current_model, postgres

pytestmark = pytest.mark.e2e
LOCK_DB = 2  # not production's default 1: shows RASA_LOCK_DB reaches endpoints.prod.yml


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    model = current_model()
    database = f"rasa_e2e_{uuid.uuid4().hex[:12]}"
    with postgres() as cursor:
        cursor.execute(f'CREATE DATABASE "{database}"')
    folder = tmp_path_factory.mktemp("production")
    try:
        with start_production(model, instances=2, port=None, rasa_port=None, actions_port=None,
                              tracker_db=database, lock_db=LOCK_DB, run_dir=folder,
                              env={"HANDOFF_DB": str(folder / "handoff.sqlite3")}) as running:
            yield running
            running.check()  # no server died during the tests
    finally:
        with postgres() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.mark.parametrize("service,port_name", [("Redis", "REDIS_PORT"), ("PostgreSQL", "POSTGRES_PORT")])
def test_production_refuses_to_start_when_a_service_does_not_answer(monkeypatch, tmp_path, service, port_name):
    monkeypatch.setattr(scripts.production, port_name, free_port())  # nothing listens there
    production = Production(current_model(), port=None, rasa_port=None, actions_port=None,
                            tracker_db="postgres", run_dir=tmp_path)  # an existing database: nothing made
    with pytest.raises(ProductionError, match=f"{service} does not answer"):
        production.start()
    assert not any(child.process for child in production.children)  # nothing was started


def new_sender() -> str:
    return f"scale-{uuid.uuid4().hex}"


def send(base_url: str, sender: str, text: str):
    reply = requests.post(f"{base_url}/webhooks/rest/webhook",
                          json={"sender": sender, "message": text}, timeout=90)
    assert reply.status_code == 200, reply.text
    return reply.json()


def contract(messages):
    """The turn's contract key and its value: ("answer", {...}), ("no_answer", ...) or (None, None)."""
    found = [(k, v) for m in messages for k, v in (m.get("custom") or {}).items()
             if k in ("answer", "no_answer", "clarify")]
    assert len(found) <= 1, f"more than one contract key in one turn: {messages}"
    return found[0] if found else (None, None)


def text_of(messages) -> str:
    return " ".join(m.get("text", "") for m in messages)


def test_a_conversation_keeps_its_context_across_instances(production):
    first, second = production.instance_urls
    sender = new_sender()
    key, answer = contract(send(first, sender, "Tell me about the HECTOR project"))
    assert (key, answer["topic"]) == ("answer", "hector")

    turn = send(second, sender, "who are the partners?")
    key, answer = contract(turn)
    assert key == "answer" and answer["topic"] == "hector", turn
    assert "Duisburg" in text_of(turn) and "Aberdeen" in text_of(turn)

    # And back: the first instance sees what the second one added.
    key, answer = contract(send(first, sender, "when does it end?"))
    assert key == "answer" and answer["topic"] == "hector"


def test_without_the_context_the_follow_up_is_not_about_hector(production):
    """The control for the test above: the answer came from the conversation, not the words."""
    key, value = contract(send(production.instance_urls[1], new_sender(), "who are the partners?"))
    assert not (key == "answer" and value["topic"] == "hector")


def tracker_events(database: str, sender: str):
    """(type_name, data) of the sender's events in the PostgreSQL tracker store, in stored order."""
    with postgres(database) as cursor:
        cursor.execute("SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id", (sender,))
        return [(kind, json.loads(data)) for kind, data in cursor.fetchall()]


def user_texts_each_answered(events):
    """The user messages in stored order; fails if one has no bot reply before the next."""
    user_indices = [i for i, (kind, _) in enumerate(events) if kind == "user"]
    for start, end in zip(user_indices, user_indices[1:] + [len(events)]):
        kinds = [kind for kind, _ in events[start + 1:end]]
        assert "bot" in kinds, f"{events[start][1]['text']!r} has no reply before the next message"
    return [events[i][1]["text"] for i in user_indices]


def lock_store():
    """Rasa's Redis lock store as endpoints.prod.yml configures it, on the tests' database."""
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    config = yaml.safe_load((PROJECT_ROOT / "endpoints.prod.yml").read_text())["lock_store"]
    return LockStore.create(EndpointConfig.from_dict({**config, "db": LOCK_DB}))


def send_in_threads(url: str, sender: str, messages, stagger: float = 0.0, barrier=None):
    """Starts one thread per message (`stagger` s apart, or all released by `barrier`)."""
    replies, errors = [None] * len(messages), []

    def post(i: int) -> None:
        if barrier is not None:
            barrier.wait(10)
        try:
            replies[i] = send(url, sender, messages[i])
        except Exception as error:  # reported by the test, with its message
            errors.append(f"{messages[i]!r}: {error!r}")

    threads = [threading.Thread(target=post, args=(i,), daemon=True) for i in range(len(messages))]
    for thread in threads:
        thread.start()
        time.sleep(stagger)
    return threads, replies, errors


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.02)


# Each follow-up only makes sense right after the message before it.
FOLLOW_UPS = [
    "Tell me about the HECTOR project",
    "who are the partners?",
    "Is Bremen a partner city?",
    "and Murmansk?",
    "What is Interreg North Sea Region?",
]
# Apart enough that "send order" is the order of arrival at the instances, and
# close enough that all arrive before the first waiting one looks again (Rasa
# re-checks a waiting ticket once a second).
STAGGER = 0.15


def test_messages_sent_together_wait_for_each_other_and_run_in_send_order(production):
    """Several messages of one user in flight at once, through nginx to both instances.

    The test holds the conversation's ticket lock in Redis itself while the
    messages arrive (STAGGER apart, so "send order" is defined), which keeps
    them all waiting, whichever instance got them; then lets go.
    """
    sender, locks = new_sender(), lock_store()
    own_ticket = locks.issue_ticket(sender, lock_lifetime=20)  # expires by itself if the test dies
    log_size = production.access_log.stat().st_size
    threads, replies, errors = send_in_threads(production.url, sender, FOLLOW_UPS, stagger=STAGGER)

    def waiting() -> int:
        lock = locks.get_lock(sender)
        return len(lock.tickets) - 1 if lock else 0

    wait_for(lambda: waiting() == len(FOLLOW_UPS) or errors, 30, "every message takes a ticket")
    assert not errors and not any(replies), "a message was answered while the conversation was locked"

    def released() -> bool:
        # Again if an instance saved an older copy of the lock meanwhile (get, then set).
        lock = locks.get_lock(sender)
        if lock and own_ticket in [ticket.number for ticket in lock.tickets]:
            locks.finish_serving(sender, own_ticket)
            return False
        return True

    wait_for(released, 20, "the test's own ticket is gone")
    for thread in threads:
        thread.join(90)
    assert not errors, errors

    assert all(replies), replies
    assert contract(replies[1])[1]["topic"] == "hector", replies[1]  # right after the HECTOR turn
    assert "Murmansk" in text_of(replies[3]), replies[3]
    events = tracker_events(production.tracker_db, sender)
    assert user_texts_each_answered(events) == FOLLOW_UPS  # in send order, none lost, none twice
    # Both instances had some of them (nginx: least open connections first).
    burst_log = production.access_log.read_text()[log_size:]
    for port in production.rasa_ports:
        assert f"upstream=127.0.0.1:{port} " in burst_log


# Questions that stand alone: the same moment gives them no order, so the
# tracker is checked for completeness and one-at-a-time processing.
STANDALONE = {
    "Is Bremen a partner city?": "Bremen",
    "Tell me about the HECTOR project": "HECTOR",
    "What is Interreg North Sea Region?": "North Sea",
    "Is Murmansk a partner city?": "Murmansk",
    "which partner cities are in China?": "Tianjin",
    "who keeps the link with San Carlos?": "San Carlos",
}


def test_messages_sent_at_the_same_moment_are_all_answered_one_at_a_time(production):
    sender, messages = new_sender(), list(STANDALONE)
    threads, replies, errors = send_in_threads(production.url, sender, messages,
                                               barrier=threading.Barrier(len(messages)))
    for thread in threads:
        thread.join(90)
    assert not errors, errors
    for message, reply in zip(messages, replies):
        assert STANDALONE[message] in text_of(reply), (message, reply)  # its own answer
    stored = user_texts_each_answered(tracker_events(production.tracker_db, sender))
    assert sorted(stored) == sorted(messages)  # none lost, none twice


def test_a_body_over_the_limit_gets_413_from_nginx(production):
    limit = int(DEFAULT_BODY_LIMIT.rstrip("k")) * 1024
    body = json.dumps({"sender": new_sender(), "message": "a" * (limit + 1)})
    reply = requests.post(f"{production.url}/webhooks/rest/webhook", data=body, timeout=30,
                          headers={"Content-Type": "application/json"})
    assert reply.status_code == 413, (reply.status_code, reply.text[:200])
    assert "too large" in reply.json()["error"]
    # nginx answered without passing the body on; the service goes on.
    assert "Hello from Rasa" in requests.get(f"{production.url}/", timeout=10).text
    assert send(production.url, new_sender(), "Is Bremen a partner city?")


def test_nginx_spreads_requests_and_exposes_only_the_channel(production):
    for _ in range(4):
        assert requests.get(f"{production.url}/", timeout=10).status_code == 200
    log = production.access_log.read_text()
    for port in production.rasa_ports:
        assert f"upstream=127.0.0.1:{port} " in log
    # Rasa's HTTP API stays behind nginx (and is not enabled anyway).
    assert requests.get(f"{production.url}/conversations/x/tracker", timeout=10).status_code == 404
