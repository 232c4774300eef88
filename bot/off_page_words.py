"""Words that, in a question, ask about something the page never covers.

A broad answer (the city's policy, its trade work, the Welcome Centre's
paragraph) fits any question the classifier files under that topic, also
"what is the city's policy on refugees?" or "what languages do they speak at
the Welcome Centre?". The words that give such questions away are the ones our
examples of questions the page cannot answer use (data/nlu/out_of_scope.yml,
unknown_facts.yml) and that neither the knowledge base nor any example of an
answerable question uses: refugees, languages, percentage. They are derived
from the training data, not listed by hand, so a new example of either kind
moves them.
"""
import re
from collections import Counter
from pathlib import Path
from typing import FrozenSet, Iterable, List, Sequence


from bot.knowledge import DEFAULT_DIR as KNOWLEDGE_DIR
from bot.names import Mention, token_spans
from bot.unfamiliar_names import MIN_LENGTH, asking_sentences, in_a_contrast, intent_examples, is_stop_word, stems, yaml_texts

TRAINING_DATA = KNOWLEDGE_DIR.parent / "nlu"
# Examples of questions the page cannot answer; every other intent's examples are answerable ones.
UNANSWERABLE_INTENTS = frozenset({"out_of_scope", "ask_unlisted_fact"})
MIN_EXAMPLES = 2
# Asides in brackets, and idioms whose words mean nothing on their own ("such a big deal").
_ASIDE = re.compile(r"\([^()]*\)|\bbig\s+deal\b|\bby\s+the\s+way\b|\bfor\s+real\b|"
                    # "quick q in english if thats ok": the language of the answer, not its subject
                    r"\b(in|auf)\s+(het\s+)?(english|engels|englisch|dutch|nederlands|nl)\b", re.IGNORECASE)


def _words(texts: Iterable[str]) -> FrozenSet[str]:
    return frozenset(stem for text in texts for word, _, _ in token_spans(text) for stem in stems(word))


class OffPageWords:
    def __init__(self, answerable: Iterable[str], unanswerable: Iterable[str]):
        known = _words(answerable)
        # A word of one example only may be chance ("what happens ..."); one that
        # several unanswerable examples share is what they are about.
        counts = Counter(stem for text in unanswerable for stem in _words([text]))
        self._off_page = frozenset(word for word, n in counts.items()
                                   if n >= MIN_EXAMPLES and word not in known and len(word) >= MIN_LENGTH
                                   and word.isalpha() and not is_stop_word(word))
        self._known = known

    @classmethod
    def from_files(cls, knowledge: Path = KNOWLEDGE_DIR, examples: Path = TRAINING_DATA) -> "OffPageWords":
        answerable: List[str] = yaml_texts(knowledge)
        unanswerable: List[str] = []
        for intent, example in intent_examples(examples):
            (unanswerable if intent in UNANSWERABLE_INTENTS else answerable).append(example)
        return cls(answerable, unanswerable)

    def in_question(self, text: str, known: Sequence[Mention] = ()) -> List[str]:
        """The off-page words of the question's asking sentences, as written."""
        asked = asking_sentences(text)
        # An aside in brackets ("for my class (16-17 yr olds): ...") is not what is asked.
        asides = [m.span() for m in _ASIDE.finditer(text)]
        found: List[str] = []
        for word, start, end in token_spans(text):
            if (any(m.start <= start < m.end for m in known) or not any(a <= start < b for a, b in asked)
                    or any(a <= start < b for a, b in asides) or in_a_contrast(text[:start])):
                continue
            forms = stems(word)
            if is_stop_word(word.lower()):
                continue  # "Since Murmansk is ...": a small word, whatever example it came from
            if forms & self._off_page and not forms & self._known and text[start:end] not in found:
                found.append(text[start:end])
        return found
