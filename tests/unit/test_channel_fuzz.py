"""Property-based tests of the REST channel's input checks (hypothesis, bounded runs).

Whatever bytes or JSON arrive, screen_request answers with a turn or a refusal
of a known status, never an exception; a turn's text is short, visible, and
never an intent shortcut. tests/e2e/test_bad_input.py sends such input to a
running server too.
"""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.channels import MAX_MESSAGE_CHARS, Refusal, Turn, screen_request
from bot.rate_limit import Rate, RateLimiter, SlidingWindow

RUNS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KNOWN_STATUSES = {200, 400, 429}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)


def check(outcome) -> None:
    if isinstance(outcome, Turn):
        assert 0 < len(outcome.text) <= MAX_MESSAGE_CHARS
        assert not outcome.text.startswith("/") and outcome.text == outcome.text.strip()
        assert all(c.isprintable() for c in outcome.text)
    else:
        assert isinstance(outcome, Refusal) and outcome.status in KNOWN_STATUSES
        json.dumps(outcome.body)  # what the channel sends back is JSON


def limiter() -> RateLimiter:
    return RateLimiter(SlidingWindow(Rate(5, 60)), SlidingWindow(Rate(50, 60)))


@RUNS
@given(st.binary(max_size=2000))
def test_any_bytes(raw):
    check(screen_request(raw, "203.0.113.7", {}, limiter()))


@RUNS
@given(json_values)
def test_json_of_any_shape(value):
    check(screen_request(json.dumps(value).encode(), "127.0.0.1", {}, limiter()))


@RUNS
@given(sender=st.one_of(st.text(max_size=200), st.integers(), st.none()),
       message=st.one_of(st.text(max_size=6000), st.integers(), st.none(), st.lists(st.text(), max_size=2)))
def test_requests_of_the_right_shape_with_any_fields(sender, message):
    check(screen_request(json.dumps({"sender": sender, "message": message}).encode(), "127.0.0.1", {}, limiter()))


@RUNS
@given(st.text(min_size=1, max_size=300))
def test_a_slash_never_reaches_rasa_as_an_intent_shortcut(text):
    outcome = screen_request(json.dumps({"sender": "u", "message": "/" + text}).encode(), "127.0.0.1", {},
                             RateLimiter(None, None))
    assert isinstance(outcome, Refusal) or not outcome.text.startswith("/")
