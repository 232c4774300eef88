"""The question of a long message, read on its own.

Why: newcomers often tell their story before they ask ("my husband just started
at the university and in the supermarket I hear five languages at once. Why is
Groningen such an international place?"). The intent classifier reads the whole
message, and the story's words (husband, supermarket) pull it towards out of
scope, although the question alone is plain. This module finds the sentences
that ask and ranks the intents of those alone, with a classifier of its own
trained on the same examples (word and character n-grams, as the main
pipeline). bot/answers.py decides when that reading counts.
"""
import re
from typing import List, Optional, Sequence, Tuple

from bot import cues
from bot.unfamiliar_names import QUESTION_OPENING, asking_sentences, is_plea

Ranking = Tuple[Tuple[str, float], ...]
# The parse data key of the ranking, read by actions/answer_question.py.
ASKED_RANKING = "asked_ranking"
# A question of fewer words than this is not read alone ("why?" after a story).
MIN_QUESTION_WORDS = 3
RANKING_LENGTH = 5





def _story(text: str, spans: Sequence[Tuple[int, int]]) -> str:
    """The text outside the asking sentences; "" when part of it asks too (no question mark)."""
    rest = text
    for start, end in reversed(spans):
        rest = rest[:start] + "\n" + rest[end:]
    sentences = [s for s in re.split(r"[.!?\n]+", rest) if s.strip()]
    if any(QUESTION_OPENING.match(sentence) and not is_plea(sentence) for sentence in sentences):
        return ""
    return " ".join(sentences)


def asked_part(text: str) -> Optional[str]:
    """The sentences that ask, when the message also holds others (a story); else None."""
    spans = asking_sentences(text)
    if spans == [(0, len(text))]:
        return None  # no question mark: the whole message asks
    asked = " ".join(text[start:end].strip() for start, end in spans)
    if len(asked.split()) < MIN_QUESTION_WORDS or not any(ch.isalpha() for ch in _story(text, spans)):
        return None
    return asked


def sentence_pointed_at(text: str) -> Optional[str]:
    """The story's sentence just before the first asking sentence: what "it" in "what does it do?" means."""
    spans = asking_sentences(text)
    if spans == [(0, len(text))]:
        return None
    before = [s for s in re.split(r"[.!?\n]+", text[:spans[0][0]]) if s.strip()]
    return before[-1] if before else None


def spans_asking_for_themselves(text: str) -> List[Tuple[int, int]]:
    """The asking sentences of a message with a story, unless they point back at it ("is it in HECTOR?"):
    "I have numbers from the CBS. What I'm missing is the city's angle: what are its policy goals?" asks
    nothing about the CBS. [] when the whole message asks or the story holds the subject."""
    asked = asking_sentences(text)
    if asked == [(0, len(text))] or not _story(text, asked) or any(cues.points_back(text[a:b]) for a, b in asked):
        return []
    return asked


def standalone_question(text: str) -> List[Tuple[int, int]]:
    """The spans of the asking sentences when a story surrounds them and they neither point back at it nor
    speak of the writer ("Is it a partner city?", "Are we a partner?"); else []. What such a question asks
    is in those spans alone ("Is Hamburg a partner city? I'm planning a weekend trip there")."""
    asked = spans_asking_for_themselves(text)
    return [] if any(cues.speaks_of_the_writer(text[a:b]) for a, b in asked) else asked


def question_text(text: str) -> str:
    """The standalone question of a message with a story around it; else the whole message."""
    spans = standalone_question(text)
    return " ".join(text[a:b].strip() for a, b in spans) if spans else text


class SentenceClassifier:
    """Intents of short texts: logistic regression on word and character n-grams."""

    def __init__(self) -> None:
        # Imported here: the action server reads this module's helpers and never trains.
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression

        self._words = CountVectorizer(lowercase=True)
        self._chars = CountVectorizer(lowercase=True, analyzer="char_wb", ngram_range=(2, 5),
                                      min_df=2)  # a character run of one example only is noise
        self._model = LogisticRegression(max_iter=500, class_weight="balanced", random_state=42)

    def fit(self, texts: Sequence[str], intents: Sequence[str]) -> "SentenceClassifier":
        from scipy.sparse import hstack

        features = hstack([self._words.fit_transform(texts), self._chars.fit_transform(texts)]).tocsr()
        self._model.fit(features, list(intents))
        return self

    def rank(self, text: str) -> Ranking:
        from scipy.sparse import hstack

        features = hstack([self._words.transform([text]), self._chars.transform([text])]).tocsr()
        probabilities = self._model.predict_proba(features)[0]
        ranked = sorted(zip(self._model.classes_, probabilities), key=lambda pair: -pair[1])
        return tuple((str(intent), float(p)) for intent, p in ranked[:RANKING_LENGTH])

    def to_bytes(self) -> bytes:
        import skops.io as sio

        return sio.dumps({"words": self._words, "chars": self._chars, "model": self._model})

    @classmethod
    def from_bytes(cls, data: bytes) -> "SentenceClassifier":
        import skops.io as sio

        # Only the types this class writes are trusted; anything else in the file is refused.
        parts = sio.loads(data, trusted=_trusted_types(data))
        classifier = cls()
        classifier._words, classifier._chars, classifier._model = parts["words"], parts["chars"], parts["model"]
        return classifier


_TRUSTED_PREFIXES = ("sklearn.feature_extraction.text.", "sklearn.linear_model.", "numpy", "builtins",
                     "scipy.sparse")


def _trusted_types(data: bytes) -> List[str]:
    import skops.io as sio

    found = sio.get_untrusted_types(data=data)
    strangers = [t for t in found if not t.startswith(_TRUSTED_PREFIXES)]
    if strangers:
        raise ValueError(f"the question-sentence classifier's file holds unexpected types: {strangers}")
    return found
