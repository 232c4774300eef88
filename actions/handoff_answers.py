"""Reading the user's answers in the handoff form: plain Python, no Rasa.

The classifier's intent comes first; the word lists catch what it misses, so a
plain "stop" or "laat maar" always ends the form, whatever the NLU thought.
"""
import re
from typing import Optional

WAY_OUT_INTENT = "stop_handoff"
YES_INTENT, NO_INTENT = "affirm", "deny"
WAY_OUT_WORDS = frozenset({
    "stop", "cancel", "quit", "exit", "abort", "never mind", "nevermind", "forget it", "laat maar",
    "stoppen", "annuleer", "annuleren", "hou maar op", "vergeet het", "stop please", "please stop",
    "cancel please", "cancel it", "stop it", "laat maar zitten"})
YES_WORDS = frozenset({"yes", "y", "yes please", "yeah", "yep", "sure", "ok", "okay", "ja", "ja graag", "graag",
                       "prima", "goed", "correct", "that's it", "thats it", "klopt", "send it", "yes, send it"})
NO_WORDS = frozenset({"no", "n", "nope", "nah", "nee", "no thanks", "nee dank je", "liever niet", "no thank you"})

# One @, no spaces, a dot in the domain and a top-level part of 2+ letters:
# strict enough to catch typos ("anna@gmail", "anna.gmail.com"), loose enough
# for plus-addressing and subdomains. Whether the mailbox exists no regex knows.
EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
EMAIL_IN_TEXT = re.compile(rf"(?<![\w.@+-])({EMAIL.pattern})(?![\w@-])")
MAX_EMAIL_CHARS = 254
NAME_PREFIX = re.compile(r"^(?:my name is|my name's|name is|i am|i'm|im|this is|it's|it is|call me|"
                         r"mijn naam is|ik heet|ik ben|naam:|name:)\s+", re.IGNORECASE)
MAX_NAME_CHARS, MAX_NAME_WORDS = 80, 6
MIN_QUESTION_CHARS, MAX_QUESTION_CHARS = 3, 1000


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def is_way_out(text: str, intent: Optional[str]) -> bool:
    return intent == WAY_OUT_INTENT or _plain(text) in WAY_OUT_WORDS


def is_plain_no(text: str) -> bool:
    """A bare "no" (by words only: a short name must never be read as one)."""
    return _plain(text) in NO_WORDS


def yes_or_no(text: str, intent: Optional[str]) -> Optional[bool]:
    """True for yes, False for no, None when the answer is neither (a short answer only)."""
    plain = _plain(text)
    if plain in YES_WORDS:
        return True
    if plain in NO_WORDS:
        return False
    if len(plain.split()) <= 5:
        if intent == YES_INTENT:
            return True
        if intent == NO_INTENT:
            return False
    return None


def find_email(text: str) -> Optional[str]:
    """The one email address in the text ("my email is anna@example.org"), or None."""
    found = EMAIL_IN_TEXT.findall(text.strip())
    if len(found) != 1 or len(found[0]) > MAX_EMAIL_CHARS:
        return None
    return found[0]


def email_problem(text: str) -> str:
    """Why the text is no email address, in words a user understands."""
    if "@" not in text:
        return "it has no @"
    if len(EMAIL_IN_TEXT.findall(text)) > 1:
        return "it has more than one address; please give just one"
    domain = text.strip().rsplit("@", 1)[-1]
    if "." not in domain:
        return "the part after the @ needs a domain such as example.org"
    return "it is not in the form name@example.org"


def clean_name(text: str) -> Optional[str]:
    """The name in 'my name is Anna de Vries', or None when the text is no name."""
    name = NAME_PREFIX.sub("", " ".join(text.split())).strip(" .,!")
    words = name.split()
    if not words or len(name) > MAX_NAME_CHARS or len(words) > MAX_NAME_WORDS:
        return None
    if "@" in name or "?" in name or not any(c.isalpha() for c in name):
        return None
    return name


def clean_question(text: str) -> Optional[str]:
    question = " ".join(text.split())
    if not MIN_QUESTION_CHARS <= len(question) <= MAX_QUESTION_CHARS or not any(c.isalpha() for c in question):
        return None
    return question
