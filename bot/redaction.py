"""Personal data in free text: email addresses, phone numbers, BSNs and IBANs, found and masked.

Plain Python. The tracker store (bot/redacting_tracker_store.py) and the log
(bot/log_redaction.py) pass what they keep through `redact`. Each finding is
replaced by a marker that says what was there ("[email]"), so a reader of a
stored conversation still understands the turn.

Tuned against false positives (tests/unit/test_redaction.py): years, dates,
times, amounts, names such as "HyTrEc2" and every text of the knowledge base
stay as they are. A number must look like what it is: a Dutch phone number
starts with 0 and has 10 digits, an international one starts with + or 00, a
BSN has 9 digits and passes the elfproef, an IBAN has a country code, check
digits and a mostly numeric account.
"""
import re
from typing import Any, Iterable

EMAIL_MARK, PHONE_MARK, BSN_MARK, IBAN_MARK = "[email]", "[phone]", "[bsn]", "[iban]"

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Country code, check digits, then the account in groups of four (spaces optional).
IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?\b")
IBAN_MIN_ACCOUNT_DIGITS = 6  # every country's account part is mostly digits; words are not
# Digits with the separators people type in phone numbers: "06-1234 5678", "(050) 367 4444",
# "+31 (0)6 12345678", "0031 6 12345678". A Dutch number is the trunk 0 and nine more digits.
DUTCH_PHONE = re.compile(r"(?<![\w+@/.,-])\(?0(?:[ ().-]{0,2}\d){9}(?![\w@]|[.,-]?\d)")
INTERNATIONAL_PHONE = re.compile(r"(?<![\w+@/.,])(?:\+|\b00)[ ]?\d(?:[ ().-]{0,2}\d){6,18}(?![\w@]|[.,]\d)")
INTERNATIONAL_PHONE_DIGITS = range(8, 16)  # E.164: at most 15 digits after the +
DATE = re.compile(r"\d{1,2}([-./])\d{1,2}\1\d{2,4}")  # 01-02-2019 has ten digits too
# Nine digits, or as printed on Dutch documents: 1234.56.782.
BSN = re.compile(r"(?<![\w.,])(?:\d{9}|\d{4}[ .]\d{2}[ .]\d{3})(?![\w]|[.,]\d)")


def passes_elfproef(digits: str) -> bool:
    """The BSN check: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def dutch_phone(match: "re.Match[str]") -> str:
    candidate = match.group()
    not_a_number_to_call = DATE.search(candidate) or re.match(r"0[.,]", candidate)  # a date, 0.123456789
    return candidate if not_a_number_to_call else PHONE_MARK


def international_phone(match: "re.Match[str]") -> str:
    """The number masked; digits typed after it that cannot belong to it ("... 2019") are kept."""
    candidate = match.group()
    prefix = 2 if candidate.startswith("00") else 0
    groups = re.split(r"(?<=\d) (?=[\d(])", candidate)  # the parts a space separates
    for count in range(len(groups), 0, -1):
        number = " ".join(groups[:count])
        if len(re.sub(r"\D", "", number)) - prefix in INTERNATIONAL_PHONE_DIGITS:
            rest = candidate[len(number):]
            return PHONE_MARK + rest
    return candidate


def looks_like_iban(candidate: str) -> bool:
    account = candidate.replace(" ", "")[4:]
    return sum(c.isdigit() for c in account) >= IBAN_MIN_ACCOUNT_DIGITS


def redact(text: str) -> str:
    """`text` with every email address, IBAN, phone number and BSN replaced by its marker."""
    if not any(c.isdigit() or c == "@" for c in text):
        return text  # the common case, cheaply: nothing to find without digits or an @
    text = EMAIL.sub(EMAIL_MARK, text)
    text = IBAN.sub(lambda m: IBAN_MARK if looks_like_iban(m.group()) else m.group(), text)
    text = INTERNATIONAL_PHONE.sub(international_phone, text)
    text = DUTCH_PHONE.sub(dutch_phone, text)
    return BSN.sub(lambda m: BSN_MARK if passes_elfproef(re.sub(r"\D", "", m.group())) else m.group(), text)


# Keys whose values are Rasa's own names and ids, never what a person typed.
TECHNICAL_KEYS = frozenset({"event", "name", "timestamp", "message_id", "policy", "input_channel",
                            "sender_id", "intent_name", "action_name", "entity", "extractor"})


def redact_value(value: Any, skip_keys: Iterable[str] = TECHNICAL_KEYS) -> Any:
    """A copy of a JSON-like value (an event's dict) with every string in it redacted, but for `skip_keys`."""
    skip = skip_keys if isinstance(skip_keys, frozenset) else frozenset(skip_keys)
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: item if key in skip else redact_value(item, skip) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_value(item, skip) for item in value]
    return value
