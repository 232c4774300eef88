"""Our REST channel's checks: malformed requests are refused with a reason, and
what users type is cleaned (no intent shortcuts, no control characters).

The Sanic blueprint itself is left to the e2e tests: sanic-testing, which
Sanic 21.12's test client needs, is not installed."""
import json

import pytest

from bot.channels import MAX_SENDER_CHARS, BadRequest, clean_message, parse_request


def body(**fields) -> bytes:
    return json.dumps(fields).encode("utf-8")


# --- parse_request ------------------------------------------------------------------------------

def test_a_well_formed_request_gives_sender_and_message():
    assert parse_request(body(sender="user-1", message="Is Bremen a partner city?")) == {
        "sender": "user-1", "message": "Is Bremen a partner city?"}


def test_other_fields_are_ignored():
    assert parse_request(body(sender="u", message="hi", metadata={"x": 1})) == {"sender": "u", "message": "hi"}


def test_an_empty_message_is_no_bad_request():
    # The channel answers it with a friendly reply instead.
    assert parse_request(body(sender="u", message=""))["message"] == ""


@pytest.mark.parametrize("sender", ["a", "user_1.x:y@z-2", "x" * MAX_SENDER_CHARS,
                                    "3f2b6c1e-6a8e-4d5c-9d7e-2b9c1a0f4e11"])
def test_a_sender_of_letters_digits_and_a_few_marks_is_accepted(sender):
    assert parse_request(body(sender=sender, message="hi"))["sender"] == sender


def test_a_message_in_any_script_is_accepted():
    assert parse_request(body(sender="u", message="Wie onderhoudt de band met Xi’an? 西安"))["message"].endswith("西安")


BAD = [
    pytest.param(b"not json", "JSON in UTF-8", id="not-json"),
    pytest.param(b"", "JSON in UTF-8", id="empty-body"),
    pytest.param(b'{"sender": "u", "message": "caf\xe9"}', "JSON in UTF-8", id="invalid-utf-8"),
    pytest.param(b"[]", "JSON object", id="a-json-list"),
    pytest.param(b'["u", "hi"]', "JSON object", id="a-json-list-of-fields"),
    pytest.param(b'"hello"', "JSON object", id="a-json-string"),
    pytest.param(b"null", "JSON object", id="json-null"),
    pytest.param(b"[" * 100_000 + b"]" * 100_000, "nested too deeply", id="deeply-nested"),
    pytest.param(body(message="hi"), '"sender" must be a non-empty string', id="missing-sender"),
    pytest.param(body(sender="", message="hi"), '"sender" must be a non-empty string', id="empty-sender"),
    pytest.param(body(sender="   ", message="hi"), '"sender" must be a non-empty string', id="blank-sender"),
    pytest.param(body(sender=42, message="hi"), '"sender" must be a non-empty string', id="numeric-sender"),
    pytest.param(body(sender="x" * (MAX_SENDER_CHARS + 1), message="hi"), f"at most {MAX_SENDER_CHARS}",
                 id="too-long-sender"),
    pytest.param(body(sender="a b", message="hi"), f"at most {MAX_SENDER_CHARS}", id="sender-with-a-space"),
    pytest.param(body(sender="<script>", message="hi"), f"at most {MAX_SENDER_CHARS}", id="sender-with-markup"),
    pytest.param(body(sender="user\n1", message="hi"), f"at most {MAX_SENDER_CHARS}", id="sender-with-a-newline"),
    pytest.param(body(sender="user1\n", message="hi"), f"at most {MAX_SENDER_CHARS}",
                 id="sender-ending-in-a-newline"),
    pytest.param(body(sender="u"), '"message" must be a string', id="missing-message"),
    pytest.param(body(sender="u", message=None), '"message" must be a string', id="null-message"),
    pytest.param(body(sender="u", message=42), '"message" must be a string', id="numeric-message"),
    pytest.param(body(sender="u", message=["hi"]), '"message" must be a string', id="list-message"),
]


@pytest.mark.parametrize("raw, reason", BAD)
def test_a_malformed_request_is_a_bad_request_with_a_clear_reason(raw, reason):
    with pytest.raises(BadRequest) as raised:
        parse_request(raw)
    assert reason in str(raised.value)


# --- clean_message -------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, cleaned", [
    ("/greet", "greet"),
    ("//restart", "restart"),
    ("  / /stop", "stop"),
    ('/inform{"place": "bremen"}', 'inform{"place": "bremen"}'),
    ("Is Bremen/Oldenburg a partner?", "Is Bremen/Oldenburg a partner?"),  # only leading slashes go
    ("hello\x00world", "hello world"),
    ("bell\x07 and\x1b escape", "bell and escape"),
    ("zero\u200bwidth", "zero width"),
    ("  many   spaces\tand\ttabs\nand\r\nlines  ", "many spaces and tabs and lines"),
    ("Xi’an – Tianjin", "Xi’an – Tianjin"),
    ("", ""),
    ("   \n\t ", ""),
    ("///", ""),
])
def test_clean_message_keeps_visible_text_without_leading_slashes(raw, cleaned):
    assert clean_message(raw) == cleaned


# --- screen_request: what the channel does with a request before any turn -----------------------

from bot.channels import (EMPTY_REPLY, MAX_MESSAGE_CHARS, TOO_LONG_REPLY, Refusal,  # noqa: E402
                          Turn, screen_request)
from bot.rate_limit import Rate, RateLimiter, SlidingWindow  # noqa: E402

NO_LIMITS = RateLimiter(None, None)


def screen(raw: bytes, limiter=NO_LIMITS, peer="127.0.0.1", headers=None):
    return screen_request(raw, peer, headers or {}, limiter)


def test_a_good_request_becomes_a_turn_with_the_cleaned_text():
    assert screen(body(sender="u", message="  /Is Bremen a partner city? ")) == Turn("u", "Is Bremen a partner city?")


def test_a_malformed_request_is_a_400_with_its_reason():
    refusal = screen(b"{nope")
    assert refusal == Refusal(400, {"error": "bad_request", "reason": "the body must be JSON in UTF-8"})


@pytest.mark.parametrize("message, reply", [
    ("", EMPTY_REPLY), ("   \t\n", EMPTY_REPLY), ("\x00\x01", EMPTY_REPLY), ("///", EMPTY_REPLY),
    ("x" * (MAX_MESSAGE_CHARS + 1), TOO_LONG_REPLY), ("x" * 10_000, TOO_LONG_REPLY),
    ("word " * 3000, TOO_LONG_REPLY),
])
def test_empty_and_overlong_messages_get_a_friendly_reply_in_the_rest_shape(message, reply):
    assert screen(body(sender="u", message=message)) == Refusal(200, [{"recipient_id": "u", "text": reply}])


def test_too_many_messages_get_a_429_with_a_polite_reason_and_retry_after():
    limiter = RateLimiter(SlidingWindow(Rate(2, 60)), None)
    assert isinstance(screen(body(sender="u", message="hi"), limiter), Turn)
    assert isinstance(screen(body(sender="u", message="hi"), limiter), Turn)
    refusal = screen(body(sender="u", message="hi"), limiter)
    assert refusal.status == 429 and refusal.body["error"] == "too_many_messages"
    assert "Please wait" in refusal.body["reason"] and int(refusal.headers["Retry-After"]) >= 1
    assert isinstance(screen(body(sender="other", message="hi"), limiter), Turn)


def test_the_address_limit_uses_the_address_a_local_proxy_gives():
    limiter = RateLimiter(None, SlidingWindow(Rate(1, 60)))
    proxied = {"x-real-ip": "198.51.100.4"}
    assert isinstance(screen(body(sender="a", message="hi"), limiter, headers=proxied), Turn)
    assert screen(body(sender="b", message="hi"), limiter, headers=proxied).status == 429
    assert isinstance(screen(body(sender="c", message="hi"), limiter, headers={"x-real-ip": "198.51.100.5"}), Turn)
