"""What the assistant tells users about their data, in one place: the notice, the delete command, its reply.

Plain Python. The website widget gets the notice from GET /webhooks/privacy/notice
(bot/privacy_channel.py), the terminal chat (bot/chat.py) imports it, and
`make purge` (scripts/purge.py) deletes after the same number of days that the
notice promises. The notice states only what this assistant does: what it
stores, for how long, what is redacted and what goes to the staff with consent.
"""
import os
import re
from typing import Any, Dict, Mapping, Optional

RETENTION_VARIABLE = "PRIVACY_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 30

DELETE_COMMAND_EN = "delete my conversation"
DELETE_COMMAND_NL = "verwijder mijn gesprek"
# The whole message must be one of these (politeness aside): a question about
# deleting ("how do I delete my conversation?") is not a request to do it now.
DELETE_COMMANDS = frozenset({
    DELETE_COMMAND_EN, "delete this conversation", "delete my chat", "delete this chat", "delete my data",
    DELETE_COMMAND_NL, "verwijder dit gesprek", "verwijder mijn chat", "verwijder mijn gegevens",
})
POLITE_WORDS = frozenset({"please", "pls", "graag", "alstublieft", "alsjeblieft", "aub", "a.u.b", "a.u.b."})

DELETED_REPLY = ("Done: this conversation and your thumbs up / down votes are deleted from the assistant's "
                 "store. A question you passed on to the staff stays with them, so that they can answer it. "
                 "If you write again, a new conversation starts.")
DELETE_FAILED_REPLY = "Sorry, I could not delete the conversation right now. Please try again in a moment."
DELETED_CUSTOM = {"privacy": "conversation_deleted"}  # tells the widget to clear its copy too


class RetentionSettingError(ValueError):
    """PRIVACY_RETENTION_DAYS is not a whole number of days of at least 1."""


def retention_days(env: Optional[Mapping[str, str]] = None) -> int:
    """How many days stored data is kept: PRIVACY_RETENTION_DAYS, default 30."""
    value = (os.environ if env is None else env).get(RETENTION_VARIABLE, "").strip()
    if not value:
        return DEFAULT_RETENTION_DAYS
    if not value.isdigit() or int(value) < 1:
        raise RetentionSettingError(f"{RETENTION_VARIABLE} must be a whole number of days, at least 1 (not {value!r})")
    return int(value)


def notice_text(days: int) -> str:
    return (f"Privacy: I keep this conversation and your thumbs up / down for {days} days, with email "
            f"addresses, phone numbers, BSNs and IBANs removed. Only if you ask for a person and agree do your "
            f"name, email address, question and this conversation go to the staff of the International Welcome "
            f"Centre North (kept here for {days} days too). To delete this conversation now, type "
            f"\"{DELETE_COMMAND_EN}\" (or \"{DELETE_COMMAND_NL}\").")


def notice(env: Optional[Mapping[str, str]] = None) -> Dict[str, Any]:
    """The notice as the widget gets it (JSON)."""
    days = retention_days(env)
    return {"text": notice_text(days), "retention_days": days,
            "delete_commands": [DELETE_COMMAND_EN, DELETE_COMMAND_NL]}


def asks_to_delete_conversation(text: str) -> bool:
    """True when the whole message is the command to delete the conversation ("Delete my conversation, please!")."""
    words = re.sub(r"[^\w\s.]|(?<!\w)\.|\.(?!\w)", " ", text.lower()).split()
    words = [word for word in words if word not in POLITE_WORDS]
    return " ".join(words) in DELETE_COMMANDS
