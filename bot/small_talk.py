"""Words of the page that small talk never uses: "be honest, hydrogen trucks are a scam right?" is not
"are you a bot?", whatever the classifier says.

The classifier files a message under small talk (greet, thanks, "are you a bot?") by its tone, and a
remark about hydrogen trucks that opens with "be honest" sounds like a challenge to the bot. A message
that uses a word of the knowledge base which none of our small-talk examples uses is about the page,
so the answering core does not take it as small talk. Derived from data/knowledge and data/nlu, not
listed by hand.
"""
from pathlib import Path
from typing import Collection, FrozenSet, Iterable, List

from bot.knowledge import DEFAULT_DIR as KNOWLEDGE_DIR
from bot.names import token_spans
from bot.unfamiliar_names import intent_examples, is_stop_word, stems, yaml_texts

TRAINING_DATA = KNOWLEDGE_DIR.parent / "nlu"
# Short words ("bot", "the") say too little about what a message is about.
MIN_LENGTH = 4


def _stems(texts: Iterable[str]) -> FrozenSet[str]:
    return frozenset(stem for text in texts for word, _, _ in token_spans(text) for stem in stems(word))


class SmallTalkWords:
    def __init__(self, page_texts: Iterable[str], small_talk_examples: Iterable[str]):
        self._small_talk = _stems(small_talk_examples)
        self._page = frozenset(word for word in _stems(page_texts)
                               if len(word) >= MIN_LENGTH and word.isalpha() and not is_stop_word(word))

    @classmethod
    def from_files(cls, small_talk_intents: Collection[str], knowledge: Path = KNOWLEDGE_DIR,
                   examples: Path = TRAINING_DATA) -> "SmallTalkWords":
        """From the examples of the given intents (greetings, thanks, handoff answers, ...)."""
        small_talk = [example for intent, example in intent_examples(examples) if intent in small_talk_intents]
        return cls(yaml_texts(knowledge), small_talk)

    def page_words_in(self, text: str) -> List[str]:
        """The words of the message that the page uses and small talk never does."""
        found = []
        for word, _, _ in token_spans(text):
            forms = stems(word)
            if forms & self._page and not forms & self._small_talk and word not in found:
                found.append(word)
        return found
