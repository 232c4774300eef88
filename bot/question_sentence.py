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
from typing import List, Optional, Sequence, Tuple

from scipy.sparse import hstack
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

from bot.unfamiliar_names import asking_sentences

Ranking = Tuple[Tuple[str, float], ...]
# The parse data key of the ranking, read by actions/answer_question.py.
ASKED_RANKING = "asked_ranking"
# A question of fewer words than this is not read alone ("why?" after a story).
MIN_QUESTION_WORDS = 3
RANKING_LENGTH = 5


def asked_part(text: str) -> Optional[str]:
    """The sentences that ask, when the message also holds others (a story); else None."""
    spans = asking_sentences(text)
    if spans == [(0, len(text))]:
        return None  # no question mark: the whole message asks
    asked = " ".join(text[start:end].strip() for start, end in spans)
    rest = text
    for start, end in reversed(spans):
        rest = rest[:start] + rest[end:]
    if len(asked.split()) < MIN_QUESTION_WORDS or not any(ch.isalpha() for ch in rest):
        return None
    return asked


class SentenceClassifier:
    """Intents of short texts: logistic regression on word and character n-grams."""

    def __init__(self) -> None:
        self._words = CountVectorizer(lowercase=True)
        self._chars = CountVectorizer(lowercase=True, analyzer="char_wb", ngram_range=(2, 5),
                                      min_df=2)  # a character run of one example only is noise
        self._model = LogisticRegression(max_iter=500, class_weight="balanced", random_state=42)

    def fit(self, texts: Sequence[str], intents: Sequence[str]) -> "SentenceClassifier":
        features = hstack([self._words.fit_transform(texts), self._chars.fit_transform(texts)]).tocsr()
        self._model.fit(features, list(intents))
        return self

    def rank(self, text: str) -> Ranking:
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
