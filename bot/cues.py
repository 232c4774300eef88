"""Word cues that sharpen what the intent classifier says.

The classifier knows the kind of question; these cues catch the few things it
must never get wrong: a request for a fact that the page simply does not hold
(money, contact details, dates of partnerships), a follow-up that only names a
new subject ("and Murmansk?"), and a wish to keep to the actively kept ties.
"""
import re
from typing import Sequence

from bot.names import Mention, fold, tokens

# Facts the page never gives, whatever the subject.
_UNLISTED_FACT = re.compile(r"""
    \bbudgets?\b | \bfunding\b | \bfunded\s+with\b | \bhow\s+much\s+(money|funding|did|does|do|is|was|will|euro) |
    \beuros?\b | € | \bmillion\b | \bsubsidy\s+amount | \bgrant\s+(amount|size) | \bkost(en|te)?\s+(het|de)\b |
    \bhoeveel\s+(geld|subsidie|kost) | \bsubsidiebedrag | \bbegroting |
    \bopening\s*(hours|times) | \bopen\s+on\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekends?) |
    \bopeningstijden | \bphone\s*number | \btelephone | \btelefoon | \be-?mail\s+address | \bemailadres |
    \bpostal\s+address | \bvisiting\s+address | \bbezoekadres | \bcontact\s*person | \bcontactpersoon |
    \bwebsite\s+of\b | \bmake\s+an\s+appointment | \bafspraak\s+maken |
    \bsince\s+when\b | \bsince\s+what\s+year | \bsinds\s+wanneer | \bsinds\s+welk\s+jaar |
    \bwhen\s+(did|was)\b.*\b(become|became|signed|established|founded|twinned|start(ed)?\s+the\s+(partnership|tie|link|relationship)) |
    \bwhen\s+was\b.*\b(set\s+up|opened|founded) | \bwanneer\s+is\b.*\b(opgericht|geopend) |
    \bname\s+of\s+the\s+foundation | \bwhat\s+is\s+the\s+foundation\s+called | \bhoe\s+heet\s+de\s+stichting |
    \bmayor\b | \bburgemeester
""", re.VERBOSE | re.IGNORECASE)

# What may surround a new subject in a follow-up such as "and Murmansk?" or
# "what about in China": a marker first, then at most a few filler words.
_FOLLOW_UP_MARKERS = frozenset("and what how also same en wat hoe ook idem".split())
_FOLLOW_UP_FILLER = _FOLLOW_UP_MARKERS | frozenset("""
    about with for in the of then too so same question en met van over de het dan voor bij zit
""".split())

_COUNT = re.compile(r"\b(how\s+many|number\s+of|hoeveel|aantal)\b", re.IGNORECASE)
_ACTIVE = re.compile(r"\b(active(ly)?|actief|actieve)\b", re.IGNORECASE)


def asks_unlisted_fact(text: str) -> bool:
    return bool(_UNLISTED_FACT.search(fold(text)))


def is_follow_up_fragment(text: str, mentions: Sequence[Mention]) -> bool:
    """True when the message is only a new subject plus filler words."""
    if not mentions:
        return False
    rest = text
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:mention.start] + " " + rest[mention.end:]
    words = tokens(rest)
    if not words:
        return True
    return words[0] in _FOLLOW_UP_MARKERS and len(words) <= 4 and all(w in _FOLLOW_UP_FILLER for w in words)


def asks_about_active_ties(text: str) -> bool:
    return bool(_ACTIVE.search(text))


def asks_count(text: str) -> bool:
    return bool(_COUNT.search(text))
