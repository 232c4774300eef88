"""Questions that ask two things at once: "which Chinese cities are partners, and what's the
name of the centre?". Finds the asking clauses so that the answering core can answer each one."""
import re
from dataclasses import replace
from typing import List, Tuple

from bot.answer_tools import Question

# Words that open a question, in English and Dutch.
_OPENS_A_QUESTION = (r"(what|what's|whats|which|who|whom|whose|where|when|how|why|is|are|was|were|does|do|did|can|"
                     r"could|will|would|has|have|wat|welke|welk|wie|waar|wanneer|hoe|hoeveel|waarom|zijn|doet|doen|"
                     r"heeft|hebben|komt|komen|kan|kunnen|uit\s+welke?|in\s+welke?|in\s+what|over\s+(?:what|which|welke)|"
                     r"during\s+(?:what|which)|under\s+which|onder\s+welke?|from\s+which|for\s+what)\b")
# Where a second question starts: after "?", after a comma, or after "and"/"en".
_SECOND_QUESTION = re.compile(r"(\?\s+|,\s*(?:(?:and|en|also|ook|plus)\s+)?|\s+(?:and|en)\s+(?:also\s+|ook\s+)?)(?=" +
                              _OPENS_A_QUESTION + ")", re.IGNORECASE)
_ASKS = re.compile(r"\b" + _OPENS_A_QUESTION + r"|\?", re.IGNORECASE)
# Shorter than this, a part is an address or a list item ("In HyTrEc2, what ..."), not a question.
_MIN_WORDS = 3


def asking_clauses(text: str) -> List[Tuple[int, int]]:
    """The (start, end) spans of two questions asked in one message, or [] when it asks one thing."""
    for match in _SECOND_QUESTION.finditer(text):
        first, second = text[:match.start()], text[match.end():]
        if len(first.split()) < _MIN_WORDS or len(second.split()) < _MIN_WORDS:
            continue
        if not (_ASKS.search(first) or match.group(1).startswith("?")):
            continue
        return [(0, match.start()), (match.end(), len(text))]
    return []


def part_of(question: Question, start: int, end: int) -> Question:
    """One asking clause as a question of its own: its words, the names in it, the same classifier guess."""
    mentions = tuple(replace(m, start=m.start - start, end=m.end - start)
                     for m in question.mentions if start <= m.start and m.end <= end)
    return replace(question, text=question.text[start:end], mentions=mentions, asked_ranking=())


def says_already(text: str, addition: str) -> bool:
    """Whether the first line of an addition is already in the text (both parts had the same answer)."""
    first_line = addition.strip().splitlines()[0] if addition.strip() else ""
    return first_line in text
