"""The project's own Rasa NLU component: names of known things as entities.

Thin glue: the spaCy entity ruler (built by bot.nlp_pipeline from the knowledge
base) finds names as written; misspellings it misses ("Oldenbrug") are caught
by the alias index's fuzzy match. Each entity's value is the knowledge-base id,
so actions never have to map words to things again.
"""
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import runtime_tuning
from bot.knowledge import load_knowledge_base
from bot.names import AliasIndex, token_spans

runtime_tuning.install()  # also for tools that load a model without our channel


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False, model_from="SpacyNLP")
class KnowledgeEntityExtractor(GraphComponent, EntityExtractorMixin):
    @classmethod
    def required_components(cls) -> List[type]:
        return [SpacyNLP]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"fuzzy": True}

    def __init__(self, config: Dict[Text, Any], index: Optional[AliasIndex] = None) -> None:
        self._fuzzy = config.get("fuzzy", True)
        self._index = index or AliasIndex(load_knowledge_base())

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> GraphComponent:
        return cls(config)

    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            # Not the message's own doc: SpacyNLP lowercases it, and a few names
            # count only as written ("US", not "us").
            doc = model.model(text)
            entities = self._entities(text, doc)
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(entities),
                        add_to_output=True)
        return messages

    def _entities(self, text: str, doc: Any) -> List[Dict[Text, Any]]:
        found = [{"entity": ent.label_, "value": ent.ent_id_, "start": ent.start_char,
                  "end": ent.end_char, "text": text[ent.start_char:ent.end_char], "confidence": 1.0}
                 for ent in doc.ents if ent.ent_id_]
        if not self._fuzzy:
            return found
        covered = {i for e in found for i in range(e["start"], e["end"])}
        spans = token_spans(text)
        words = [w for w, _, _ in spans]
        i = 0
        while i < len(spans):
            length, hit = (1, None) if spans[i][1] in covered else self._index.fuzzy_at(words, i)
            start, end = spans[i][1], spans[i + length - 1][2]
            if hit and not covered.intersection(range(start, end)):
                found.append({"entity": hit[0], "value": hit[1], "start": start, "end": end,
                              "text": text[start:end], "confidence": 0.8})
            i += length
        return sorted(found, key=lambda e: e["start"])
