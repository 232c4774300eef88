"""Per-sender and per-address limits: a sliding window with a clock the tests move."""
import pytest

from bot.rate_limit import Rate, RateLimiter, SlidingWindow, client_address


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def window(text: str, clock: Clock, max_keys: int = 100) -> SlidingWindow:
    return SlidingWindow(Rate.parse(text), clock, max_keys)


def test_a_sender_may_send_up_to_the_limit_then_waits_until_the_oldest_leaves_the_window():
    clock = Clock()
    limit = window("3/60", clock)
    assert [limit.wait_seconds("u") for _ in range(3)] == [0, 0, 0]
    clock.now += 10
    assert limit.wait_seconds("u") == 50  # the first of the three leaves the window at +60
    clock.now += 50
    assert limit.wait_seconds("u") == 0


def test_refused_messages_do_not_count():
    clock = Clock()
    limit = window("2/10", clock)
    limit.wait_seconds("u"), limit.wait_seconds("u")
    for _ in range(5):
        assert limit.wait_seconds("u") > 0
    clock.now += 10
    assert limit.wait_seconds("u") == 0


def test_keys_are_limited_apart():
    clock = Clock()
    limit = window("1/60", clock)
    assert limit.wait_seconds("a") == 0 and limit.wait_seconds("b") == 0
    assert limit.wait_seconds("a") > 0


def test_the_number_of_keys_kept_is_bounded_and_the_least_recent_go_first():
    clock = Clock()
    limit = window("1/60", clock, max_keys=3)
    for key in "abcd":
        limit.wait_seconds(key)
    assert limit.wait_seconds("a") == 0  # forgotten, so a new key again
    assert limit.wait_seconds("d") > 0  # still known


def test_the_wait_is_at_least_one_second():
    clock = Clock()
    limit = window("1/0.5", clock)
    limit.wait_seconds("u")
    assert limit.wait_seconds("u") == 1


def test_the_address_limit_holds_across_senders_and_comes_first():
    clock = Clock()
    limiter = RateLimiter(window("5/60", clock), window("2/60", clock))
    assert limiter.wait_seconds("s1", "10.0.0.1") == 0
    assert limiter.wait_seconds("s2", "10.0.0.1") == 0
    assert limiter.wait_seconds("s3", "10.0.0.1") > 0
    assert limiter.wait_seconds("s3", "10.0.0.2") == 0
    assert limiter.wait_seconds("s3", None) == 0  # a local tool: the sender limit only


@pytest.mark.parametrize("text, rate", [("20/60", Rate(20, 60.0)), ("1/0.5", Rate(1, 0.5))])
def test_a_rate_is_read_as_messages_per_seconds(text, rate):
    assert Rate.parse(text) == rate


@pytest.mark.parametrize("text", ["20", "twenty/60", "0/60", "5/0", "5/-1", "1/2/3", ""])
def test_a_malformed_rate_is_refused_saying_its_shape(text):
    with pytest.raises(ValueError, match="MESSAGES/SECONDS|at least 1 message"):
        Rate.parse(text)


def test_from_env_reads_the_rates_and_can_switch_them_off():
    limiter = RateLimiter.from_env({"RATE_LIMIT_SENDER": "2/60", "RATE_LIMIT_ADDRESS": "9/30"})
    assert limiter.per_sender.rate == Rate(2, 60.0) and limiter.per_address.rate == Rate(9, 30.0)
    off = RateLimiter.from_env({"RATE_LIMIT": "off"})
    assert all(off.wait_seconds("u", "1.2.3.4") == 0 for _ in range(1000))
    defaults = RateLimiter.from_env({})
    assert defaults.per_sender.rate == Rate(20, 60.0) and defaults.per_address.rate == Rate(120, 60.0)


@pytest.mark.parametrize("peer, headers, address", [
    ("203.0.113.9", {}, "203.0.113.9"),
    ("203.0.113.9", {"x-real-ip": "10.1.1.1"}, "203.0.113.9"),  # only a local proxy is believed
    ("127.0.0.1", {"x-real-ip": "198.51.100.4"}, "198.51.100.4"),  # nginx in production mode
    ("127.0.0.1", {}, None),  # this machine's own tools
    ("::1", {}, None),
    ("", {}, None),
])
def test_the_client_address_is_the_peer_or_what_a_local_proxy_says(peer, headers, address):
    assert client_address(peer, headers) == address
