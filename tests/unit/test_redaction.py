"""Redaction of personal data: what must be masked, and what must be left alone."""
from pathlib import Path

import pytest
import yaml

from bot.redaction import BSN_MARK, EMAIL_MARK, IBAN_MARK, PHONE_MARK, passes_elfproef, redact, redact_value

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text, expected", [
    ("my email is anna.de-vries+chat@example.org", f"my email is {EMAIL_MARK}"),
    ("Mail: J.Jansen@uni.rug.nl.", f"Mail: {EMAIL_MARK}."),
    ("bel me op 06-12345678", f"bel me op {PHONE_MARK}"),
    ("0612345678", PHONE_MARK),
    ("06 1234 5678 please", f"{PHONE_MARK} please"),
    ("06 12 34 56 78", PHONE_MARK),
    ("050-3674444 is the office", f"{PHONE_MARK} is the office"),
    ("call (050) 367 4444", f"call {PHONE_MARK}"),
    ("+31 6 12345678", PHONE_MARK),
    ("+31 (0)6 1234 5678", PHONE_MARK),
    ("+316-12345678", PHONE_MARK),
    ("0031 6 12345678", PHONE_MARK),
    ("reach me at +44 20 7946 0958.", f"reach me at {PHONE_MARK}."),
    ("+1 (555) 123-4567", PHONE_MARK),
    ("+49 30 1234567 since 2019", f"{PHONE_MARK} since 2019"),
    ("my BSN is 111222333", f"my BSN is {BSN_MARK}"),
    ("bsn 1234.56.782", f"bsn {BSN_MARK}"),
    ("IBAN NL91ABNA0417164300, thanks", f"IBAN {IBAN_MARK}, thanks"),
    ("NL91 ABNA 0417 1643 00 is mine", f"{IBAN_MARK} is mine"),
    ("nl91abna0417164300", IBAN_MARK),
    ("DE89 3704 0044 0532 0130 00", IBAN_MARK),
    ("GB29 NWBK 6016 1331 9268 19", IBAN_MARK),
    ("email a@b.nl or call 0612345678, BSN 111222333",
     f"email {EMAIL_MARK} or call {PHONE_MARK}, BSN {BSN_MARK}"),
])
def test_personal_data_is_masked(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "When does HECTOR run? 2019 to 2023",
    "2019-2023",
    "Is HyTrEc2 part of Interreg?",
    "on 01-02-2019 at 10:30",
    "06-12-2019 10:00",
    "2026-11-27",
    "a budget of € 1.000.000 or 1,5 miljoen",
    "€ 123.456.789",
    "EUR 2500000",
    "0.123456789",
    "postcode 9712 CP Groningen",
    "123456789",                   # nine digits that fail the elfproef
    "between 1000 and 50000 people",
    "version 3.6.21",
    "ab12 word word word",         # IBAN-shaped words
    "room 1.23, floor 2",
    "the 14 050 line",
    "anna at example dot org",
    "e2e-3f0c9a77d2c54b8e9a1b2c3d4e5f6a7b",
])
def test_ordinary_text_is_left_alone(text):
    assert redact(text) == text


def test_the_elfproef():
    assert passes_elfproef("111222333") and passes_elfproef("123456782")
    assert not passes_elfproef("123456789") and not passes_elfproef("000000000")
    assert not passes_elfproef("12345678")


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def test_no_text_of_the_knowledge_base_or_the_evaluation_questions_is_touched():
    files = [*sorted((REPO_ROOT / "data" / "knowledge").glob("*.yml")),
             *sorted((REPO_ROOT / "tests" / "eval").glob("*.yml"))]
    texts = [text for path in files for text in strings_in(yaml.safe_load(path.read_text(encoding="utf-8")))]
    assert len(texts) > 1000
    changed = [text for text in texts if redact(text) != text]
    assert changed == []


def test_an_event_is_redacted_everywhere_a_person_wrote_but_rasas_names_stay():
    event = {"event": "user", "timestamp": 1.5, "text": "I am anna@example.org",
             "parse_data": {"text": "I am anna@example.org", "intent": {"name": "inform", "confidence": 0.9},
                            "entities": [{"entity": "email", "value": "anna@example.org", "start": 5}]},
             "message_id": "0612345678", "input_channel": "rest"}
    clean = redact_value(event)
    assert clean["text"] == clean["parse_data"]["text"] == f"I am {EMAIL_MARK}"
    assert clean["parse_data"]["entities"][0] == {"entity": "email", "value": EMAIL_MARK, "start": 5}
    assert clean["parse_data"]["intent"] == {"name": "inform", "confidence": 0.9}
    assert clean["message_id"] == "0612345678" and clean["timestamp"] == 1.5
    assert event["text"] == "I am anna@example.org"  # the original is not changed
    slot = {"event": "slot", "name": "handoff_email", "value": "anna@example.org"}
    assert redact_value(slot) == {"event": "slot", "name": "handoff_email", "value": EMAIL_MARK}
    bot = {"event": "bot", "text": "We reply to anna@example.org",
           "data": {"buttons": [{"title": "call 06-12345678", "payload": "x"}]}}
    assert redact_value(bot)["data"]["buttons"][0]["title"] == f"call {PHONE_MARK}"
