"""The atomic lock store against the real Redis on 127.0.0.1:6379."""
import threading
import uuid

import pytest
import redis

from bot.lock_store import AtomicRedisLockStore

REDIS_DB = 13  # a database of its own; each test uses fresh keys and deletes them


@pytest.fixture
def prefix():
    prefix = f"test{uuid.uuid4().hex}"  # Rasa ignores a prefix that is not alphanumeric
    yield prefix
    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


def tickets_issued_at_once(store_class, prefix, count=40):
    stores = [store_class(host="127.0.0.1", port=6379, db=REDIS_DB, key_prefix=prefix) for _ in range(count)]
    barrier, tickets = threading.Barrier(count), []

    def take(store):
        barrier.wait()
        tickets.append(store.issue_ticket("conversation"))

    threads = [threading.Thread(target=take, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return tickets


def test_tickets_taken_at_the_same_moment_are_all_different(prefix):
    tickets = tickets_issued_at_once(AtomicRedisLockStore, prefix)
    assert sorted(tickets) == list(range(len(tickets)))


def test_a_lock_is_served_in_ticket_order_and_removed_when_done(prefix):
    store = AtomicRedisLockStore(host="127.0.0.1", port=6379, db=REDIS_DB, key_prefix=prefix)
    first, second = store.issue_ticket("c"), store.issue_ticket("c")
    lock = store.get_lock("c")
    assert lock.is_someone_waiting() and lock.now_serving == first
    store.cleanup("c", first)
    assert store.get_lock("c").now_serving == second
    store.cleanup("c", second)
    assert store.get_lock("c") is None


def test_rasa_builds_it_from_the_endpoint_configuration(prefix):
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig
    config = EndpointConfig(url="127.0.0.1", type="bot.lock_store.AtomicRedisLockStore", port=6379,
                            db=REDIS_DB, key_prefix=prefix)
    assert isinstance(LockStore.create(config), AtomicRedisLockStore)

