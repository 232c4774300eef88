"""Words of the page that small talk never uses: "be honest, hydrogen trucks are a scam right?" is not
"are you a bot?", whatever the classifier says.

The classifier files a message under small talk (greet, thanks, "are you a bot?") by its tone, and a
remark about hydrogen trucks that opens with "be honest" sounds like a challenge to the bot. A message
that uses a word of the knowledge base which none of our small-talk examples uses is about the page,
so the answering core does not take it as small talk. Derived from data/knowledge and data/nlu, not
listed by hand.

"Are you a bot?" is taken at the classifier's word only when it shares a word with its own examples: "wat is het verschil tussen een tompouce en
een bossche bol" has the shape of "are you a bot or a person?" and none of its words.
"""
from pathlib import Path
from typing import Collection, Dict, FrozenSet, Iterable, List, Mapping

from bot.knowledge import DEFAULT_DIR as KNOWLEDGE_DIR
from bot.names import token_spans
from bot.unfamiliar_names import intent_examples, is_stop_word, stems, yaml_texts

TRAINING_DATA = KNOWLEDGE_DIR.parent / "nlu"
# Short words ("bot", "the") say too little about what a message is about.
MIN_LENGTH = 4


def _stems(texts: Iterable[str]) -> FrozenSet[str]:
    return frozenset(stem for text in texts for word, _, _ in token_spans(text) for stem in stems(word))


# Small talk whose shape ("what is ..., or ...?") other questions share, and whose examples all name
# what they ask about (bot, human, person); "what can you do?" may have no word of its own to share.
NAMES_ITS_MATTER = ("bot_challenge",)


def _content_stems(text: str) -> FrozenSet[str]:
    return frozenset(stem for word, _, _ in token_spans(text) if word.isalpha() and not is_stop_word(word)
                     for stem in stems(word))


class SmallTalkWords:
    def __init__(self, page_texts: Iterable[str], examples_by_intent: Mapping[str, Iterable[str]]):
        examples_by_intent = {intent: list(examples) for intent, examples in examples_by_intent.items()}
        self._small_talk = _stems(example for examples in examples_by_intent.values() for example in examples)
        self._page = frozenset(word for word in _stems(page_texts)
                               if len(word) >= MIN_LENGTH and word.isalpha() and not is_stop_word(word))
        self._words_of: Dict[str, FrozenSet[str]] = {
            intent: frozenset().union(*(_content_stems(example) for example in examples))
            for intent, examples in examples_by_intent.items()}

    @classmethod
    def from_files(cls, small_talk_intents: Collection[str], knowledge: Path = KNOWLEDGE_DIR,
                   examples: Path = TRAINING_DATA) -> "SmallTalkWords":
        """From the examples of the given intents (greetings, thanks, handoff answers, ...)."""
        by_intent: Dict[str, List[str]] = {}
        for intent, example in intent_examples(examples):
            if intent in small_talk_intents:
                by_intent.setdefault(intent, []).append(example)
        return cls(yaml_texts(knowledge), by_intent)

    def page_words_in(self, text: str) -> List[str]:
        """The words of the message that the page uses and small talk never does."""
        found = []
        for word, _, _ in token_spans(text):
            forms = stems(word)
            if forms & self._page and not forms & self._small_talk and word not in found:
                found.append(word)
        return found

    def strange_to(self, intent: str, text: str) -> bool:
        """A message with words of its own, none of them shared with that intent's examples."""
        if intent not in NAMES_ITS_MATTER or intent not in self._words_of:
            return False
        words = _content_stems(text)
        return bool(words) and not words & self._words_of[intent]
