"""Names in a question that the page never mentions: "trade contacts with Japan?",
"is Groningen in the Eurocities network?", "will the truck come to Paddepoel?".

A broad answer (the city's trade policy, its European work) to such a question
would pass over the very thing asked about, so the assistant says it does not
know. Which words are names is not listed by hand: a word counts as a name when
English text writes it capitalised more often than not (word frequencies from
spaCy's lookups data), or when the writer capitalises it inside a sentence and
no vocabulary knows it (not English, not Dutch, not in the knowledge base or
the training examples). A name the knowledge base holds is never unfamiliar,
nor is a slip of the keys away from one of our words ("projekt"), and names
that say who the writer is ("I'm from Lisbon", "Dr. Moreau") are not what they
ask about. In Dutch questions only English names count, and not those that
are also Dutch words or words of our examples ("Europese"): the lookups data
knows too few Dutch words to go by capitals.
"""
import difflib
import functools
import re
from pathlib import Path
from typing import FrozenSet, Iterable, List, Sequence, Set

import yaml

from bot import lexicon
from bot.knowledge import DEFAULT_DIR as KNOWLEDGE_DIR
from bot.lexicon import Lexicon
from bot.names import Mention, fold, token_spans

TRAINING_DATA = KNOWLEDGE_DIR.parent / "nlu"
MIN_LENGTH = 3
# A word in lower case that no vocabulary knows counts as a name from this length on ("eemshaven", not "nah").
MIN_LOWER_CASE_NAME = 6
# Words this short in lower case are slang or chat ("nah", "lol"), even where English writes them as names.
SHORT_SLANG = 3
# How alike (difflib's ratio) a word must be to one of ours to be a slip of it.
SLIP_SIMILARITY = 0.8
# How many words before a name may say it is the writer's own ("our company in Shenzhen").
WRITER_WINDOW = 4
# Words just before a name that make it the writer's own story, not the question
# ("partner", "man" and "kind" are not among them: "partner cities does Utrecht
# have", "what kind of tie with Leeds": "my partner" already has "my").
ABOUT_THE_WRITER = frozenset("""
    from uit born im i'm am ben my mijn our ons onze name heet dr mr mrs ms prof regards groeten groet dear beste
    moved verhuisd live woon wonen wife husband vrouw colleague collega sincerely
    grew came arrived
""".split())
# Words that tell the two languages apart (neither list holds words both use).
_DUTCH_FUNCTION_WORDS = frozenset("""
    de het een en van ik je jij wij zij ze hij zijn waren wat wie waar wanneer waarom hoe welke welk hoelang hoeveel
    niet geen ook nog maar want dus of als dan met voor naar bij uit over door om er hier daar deze dit die dat
    waarvoor waarmee waardoor waarin waarop waarover
    heeft hebben heb kan kunnen wil willen moet moeten gaat gaan doet doen mijn jullie onze ons eigenlijk
    enzo ofzo zoiets joh hoor toch nou
    aan mee deel op te tot
""".split())
_ENGLISH_FUNCTION_WORDS = frozenset("""
    the a an and of i you they he she are were what who where when why how which not no also still
    but so if then with for to at from about by it this that these those has have had can could will would
    should my our your their does do did
""".split())
_SENTENCE = re.compile(r"[^.?!\n]+[.?!]*", re.MULTILINE)
# A sentence that asks without a question mark: "my son wants to know which other cities have one."
_INDIRECT_QUESTION = re.compile(r"\b(wants?|wanted|would\s+like|'d\s+like|like)\s+to\s+know\b|\bwonder(ing|ed)?\b|"
                                r"\bcurious\s+(about|whether|if|which|what|how|who|when|where)\b|"
                                r"\b(wil|willen|wilde|wou|zou)\s+(\w+\s+){0,3}weten\b|\bvraag\s+(me|mij|ik\s+me)\b[^.?!]*\baf\b|"
                                r"\bbenieuwd\b|"
                                # someone else's question, relayed: "a newcomer asked me whether ...", "mijn oma vraagt of ..."
                                r"\b(asks?|asked|asking)\s+(me\s+|us\s+)?(whether|if|which|what|how|who|when|where|why)\b|"
                                r"\b(vraagt|vroeg|vragen)\s+(me\s+|mij\s+|ons\s+)?(of|welke|wat|hoe|wie|wanneer|waar|waarom)\b",
                                re.IGNORECASE)
# A plea that asks nothing by itself; the question is in the sentences around it.
_PLEA = re.compile(r"^\W*((so|and|en|dus)\s+)?((can|could|would)\s+you\s+(please\s+)?help(\s+(me|us))?(\s+(out|with\s+(that|this)))?|"
                   r"(kun|kan|kunt)\s+(je|jij|u)\s+(me|mij|ons)\s+(daarmee\s+|hiermee\s+|even\s+)?helpen|"
                   r"what\s+(can|could|should|do|shall)\s+i\s+(tell|say\s+to|answer)\s+(her|him|them|my\s+\w+)(\s+then)?|"
                   r"(wat|hoe)\s+(kan|moet|zal)\s+ik\s+(haar|hem|ze|hun|mijn\s+\w+)\s+(vertellen|zeggen|antwoorden)|"
                   r"any\s+idea|do\s+you\s+know|weet\s+(je|jij|u)\s+(dat|het)|thanks?(\s+in\s+advance)?|alvast\s+bedankt)\W*$",
                   re.IGNORECASE)


# Words that open a question written without a question mark ("... emissions? what were the results").
QUESTION_OPENING = re.compile(r"^\W*((and|so|also|or|but|ok|okay|en|of|ook)\W+)*(what|who|whom|whose|which|when|where|"
                              r"why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|any|wat|wie|"
                              r"welke|wanneer|waar|waarom|hoe|kan|kun|kunnen|zijn|heeft|hebben|doet|wordt)\b",
                              re.IGNORECASE)


def is_plea(sentence: str) -> bool:
    return bool(_PLEA.match(sentence))


def asking_sentences(text: str) -> List[tuple]:
    """(start, end) of the sentences that ask: those that end in a question mark and those that ask
    indirectly ("I wonder which ..."), but not a bare plea ("can you help us?"); without any of those, the
    sentences that open as questions; the whole text when none does."""
    spans = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        if is_plea(sentence):
            continue
        if sentence.rstrip().endswith("?") or _INDIRECT_QUESTION.search(sentence):
            spans.append(m.span())
    if not spans:
        # No question mark anywhere: the sentences that open as questions ("... everywhere. why does a
        # smallish city like groningen attract so many international people"), when the others do not.
        sentences = [m for m in _SENTENCE.finditer(text) if m.group().strip()]
        opening = [m.span() for m in sentences if QUESTION_OPENING.match(m.group()) and not is_plea(m.group())]
        if len(opening) < len(sentences):
            spans = opening
    return spans or [(0, len(text))]


@functools.lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    return lexicon.load()


def _dutch() -> FrozenSet[str]:
    return _lexicon().dutch_words


def _english() -> "tuple[FrozenSet[str], FrozenSet[str]]":
    return _lexicon().english_names, _lexicon().english_words


@functools.lru_cache(maxsize=1)
def _stop_words() -> FrozenSet[str]:
    return frozenset(fold(word) for word in _lexicon().stop_words)


def yaml_strings(node: object) -> Iterable[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from yaml_strings(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from yaml_strings(value)


def yaml_texts(folder: Path) -> List[str]:
    """Every text in the YAML files of a folder."""
    return [text for path in sorted(folder.glob("*.yml"))
            for text in yaml_strings(yaml.safe_load(path.read_text(encoding="utf-8")))]


def intent_examples(folder: Path) -> Iterable["tuple[str, str]"]:
    """(intent, example) of the NLU training files of a folder; lookup tables and synonyms hold names."""
    for path in sorted(folder.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            if "intent" in block:
                for line in str(block.get("examples", "")).splitlines():
                    if line.strip().startswith("- "):
                        yield block["intent"], line.strip()[2:].strip()


def stems(word: str) -> Set[str]:
    """The word and its forms without a common ending (partners, projecten, funded)."""
    forms = {word}
    for ending in ("s", "es", "ies", "ed", "ing", "en", "e", "'s"):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_LENGTH:
            forms.add(word[: -len(ending)])
    return forms


_CONTRAST = re.compile(r"\b(or|of)\s+(is|are|was|does|do|zijn|doet|gaat|ligt)\s+(that|it|this|dat|het|dit)\b[^?.!]*$|"
                       # "..., it all sounds very different from our exchange evenings": a remark after the question
                       r",\s*(it|that|this|dat|het)\s+(all\s+|allemaal\s+)?(sounds|seems|looks|feels|klinkt|lijkt)\b[^?.!]*$",
                       re.IGNORECASE)


def in_a_contrast(text_before: str) -> bool:
    """'..., or is it only about culture and exchange?': what follows is the alternative the question
    sets against its own subject; the answer settles it without it."""
    return bool(_CONTRAST.search(text_before))


class UnfamiliarNames:
    """Finds the names a question asks about that neither the page nor our examples know."""

    def __init__(self, knowledge: Iterable[str], examples: Iterable[str] = ()):
        # A name is familiar only when the knowledge base has it (our examples
        # name unknown cities on purpose); other words may come from either.
        self._knowledge = self._words(knowledge)
        self._ours = self._knowledge | self._words(examples)
        self._stop = _stop_words()
        self._one_dropped = {word[:i] + word[i + 1:] for word in self._ours if len(word) >= 5
                             for i in range(len(word))}
        self._long_ours = sorted(word for word in self._ours if len(word) >= 5)
        _lexicon()  # read now, not at the first question

    @staticmethod
    def _words(texts: Iterable[str]) -> Set[str]:
        words: Set[str] = set()
        for text in texts:
            for word, _, _ in token_spans(text):
                words |= stems(word)
        return words

    @classmethod
    def from_files(cls, knowledge: Path = KNOWLEDGE_DIR, examples: Path = TRAINING_DATA) -> "UnfamiliarNames":
        """From every text of the knowledge base's YAML files and of the training data's."""
        return cls(yaml_texts(knowledge), yaml_texts(examples))

    def in_question(self, text: str, known: Sequence[Mention] = ()) -> List[str]:
        """The unfamiliar names in the question's own sentences, as written."""
        spans = token_spans(text)
        dutch = self._looks_dutch([word for word, _, _ in spans])
        asked = asking_sentences(text)
        found: List[str] = []
        for i, (word, start, end) in enumerate(spans):
            if any(m.start <= start < m.end for m in known) or not self.in_focus(text, start, spans, asked):
                continue
            written = text[start:end]
            capitalised = (written[:1].isupper() and i > 0
                           and not text[spans[i - 1][2]:start].strip().endswith((".", "?", "!")))
            unfamiliar = self._is_unfamiliar_in_dutch(word) if dutch else self.is_unfamiliar(word, capitalised)
            if unfamiliar and written not in found:
                found.append(written)
        return found

    @staticmethod
    def in_focus(text: str, start: int, spans=None, asked=None) -> bool:
        """Whether the word at `start` is in a sentence that asks, and not in the writer's own story."""
        asked = asking_sentences(text) if asked is None else asked
        if not any(a <= start < b for a, b in asked):
            return False
        spans = token_spans(text) if spans is None else spans
        before = [word for word, word_start, _ in spans if word_start < start][-WRITER_WINDOW:]
        # "... zelf mee aan europese projecten of is dat meer iets van den haag": a contrast after the
        # question, which the answer settles without it
        return not any(word in ABOUT_THE_WRITER for word in before) and not in_a_contrast(text[:start])

    def is_unfamiliar(self, word: str, capitalised: bool = False) -> bool:
        """`capitalised`: written with a capital inside a sentence, as names are."""
        if len(word) < MIN_LENGTH or not word.isalpha() or self._is_function_word(word) or word in _dutch():
            return False
        names, english = _english()
        if word in names:  # a slip of one of our words is not a name ("projekt"), nor slang in lower case ("nah")
            return not (stems(word) & self._knowledge or (not capitalised and (self._near_ours(word)
                                                                               or len(word) <= SHORT_SLANG)))
        if capitalised:
            return not (word in english or self._is_ours(word))
        # In lower case, a word no vocabulary knows is more often a slip ("internashional") or slang
        # ("nah") than a name; but a long one that is like none of our words is a name ("eemshaven").
        return (len(word) >= MIN_LOWER_CASE_NAME and word not in english and not self._is_ours(word)
                and not self._near_ours(word) and not self._is_compound(word) and not self._like_ours(word))

    def _is_compound(self, word: str) -> bool:
        """Two known words written as one, as Dutch does ("welkomstcentrum", "waterstofbeleid")."""
        names, english = _english()

        def known(part: str) -> bool:
            return (part in _dutch() or part in english or self._is_ours(part)) and part not in names

        return any(known(word[:i]) and known(word[i:]) or (word[i - 1] == "s" and known(word[:i - 1])
                                                           and known(word[i:]))
                   for i in range(MIN_LENGTH + 1, len(word) - MIN_LENGTH + 1))

    def _like_ours(self, word: str) -> bool:
        """A slip of more than one letter from a word of ours ("internashional")."""
        return bool(difflib.get_close_matches(word, self._long_ours, n=1, cutoff=SLIP_SIMILARITY))

    def _is_unfamiliar_in_dutch(self, word: str) -> bool:
        """In a Dutch question only an English name counts, and not one that is also Dutch or ours
        ("Europese"): the lookups data knows too few Dutch words to go by capitals."""
        names, _ = _english()
        return (len(word) >= MIN_LENGTH and word.isalpha() and word in names and word not in _dutch()
                and word not in _DUTCH_FUNCTION_WORDS and not self._is_function_word(word) and not self._is_ours(word) and not self._near_ours(word))

    def _looks_dutch(self, words: Sequence[str]) -> bool:
        dutch = sum(word in _DUTCH_FUNCTION_WORDS for word in words)
        return dutch >= 2 and dutch >= sum(word in _ENGLISH_FUNCTION_WORDS for word in words)

    def _is_function_word(self, word: str) -> bool:
        """Stop words, also as typed without an apostrophe (isnt, arent, dont)."""
        return word in self._stop or (word.endswith("nt") and (word[:-1] in self._stop or word[:-2] in self._stop))

    def _is_ours(self, word: str) -> bool:
        return bool(stems(word) & self._ours)

    def _near_ours(self, word: str) -> bool:
        """One letter off a word of ours: a slip of the keys, not a name."""
        if len(word) < 5:
            return False
        if word in self._one_dropped:
            return True
        return any(word[:i] + word[i + 1:] in self._ours or word[:i] + word[i + 1:] in self._one_dropped
                   for i in range(len(word)))


def is_ordinary_word(word: str) -> bool:
    """An everyday English word, not a name ("mentioned", not "Lyon")."""
    names, english = _english()
    word = fold(word)
    return word in english and word not in names


def is_stop_word(word: str) -> bool:
    """A function word of English or Dutch (not, and, only, niet)."""
    return fold(word) in _stop_words()
