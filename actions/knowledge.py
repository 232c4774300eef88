"""The knowledge base and answerer the actions share, loaded once at start.

Both are read-only after loading, so sharing them between requests is safe.
"""
from functools import lru_cache

from bot.answers import Answerer
from bot.knowledge import KnowledgeBase, load_knowledge_base


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    return load_knowledge_base()


@lru_cache(maxsize=1)
def answerer() -> Answerer:
    return Answerer(knowledge_base())
