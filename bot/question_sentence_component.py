"""Rasa glue for bot/question_sentence.py: ranks the intents of a long message's question alone.

The ranking goes into the parse data as `asked_ranking` (only for messages with
a story around the question); the intent and its ranking stay the whole
message's, and the answering core decides which reading counts.
"""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.question_sentence import ASKED_RANKING, SentenceClassifier, asked_part

_FILE = "sentence_classifier.skops"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class QuestionSentenceClassifier(GraphComponent):
    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 classifier: Optional[SentenceClassifier] = None) -> None:
        self._storage, self._resource, self._classifier = model_storage, resource, classifier

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "QuestionSentenceClassifier":
        return cls(model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "QuestionSentenceClassifier":
        try:
            with model_storage.read_from(resource) as folder:
                classifier = SentenceClassifier.from_bytes((folder / _FILE).read_bytes())
        except (ValueError, FileNotFoundError):
            classifier = None  # not trained (no examples): messages keep the whole reading only
        return cls(model_storage, resource, classifier)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if examples:
            self._classifier = SentenceClassifier().fit([e.get(TEXT) for e in examples],
                                                        [e.get(INTENT) for e in examples])
            with self._storage.write_to(self._resource) as folder:
                (folder / _FILE).write_bytes(self._classifier.to_bytes())
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        if self._classifier is None:
            return messages
        for message in messages:
            asked = asked_part(message.get(TEXT) or "")
            if asked:
                ranking = [{"name": intent, "confidence": p} for intent, p in self._classifier.rank(asked)]
                message.set(ASKED_RANKING, ranking, add_to_output=True)
        return messages
