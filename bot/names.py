"""Names of the knowledge base's things, and finding them in what people write.

One index of every alias, built from the knowledge base, serves three users:
the spaCy entity ruler (exact phrases), the entity extractor's fuzzy fallback
for misspellings, and the generated lookup tables for Rasa's featurizer.
"""
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from bot.knowledge import KnowledgeBase

# Entity kinds, as named in domain.yml.
PLACE, COUNTRY, PROJECT, PROGRAMME, ORGANISATION, TOPIC = (
    "place", "country", "project", "programme", "organisation", "topic")
# Partner cities as a whole, named through words such as "twin town".
PARTNER_CITIES = "partner-cities"
# A project named only through a word such as "garbage truck".
PROJECT_KEYWORD = "project_keyword"
ENTITY_KINDS = (PLACE, COUNTRY, PROJECT, PROGRAMME, ORGANISATION, TOPIC, PROJECT_KEYWORD)
FUZZY_KINDS = (PLACE, COUNTRY, PROJECT, PROGRAMME, ORGANISATION)

# Aliases that are also everyday words ("us"): they count only as written.
CASE_SENSITIVE_ALIASES = frozenset({"US"})
FUZZY_CUTOFF = 0.84
FUZZY_MIN_LENGTH = 5
EDIT_MIN_LENGTH = 6
EDIT_KINDS = (PLACE, PROJECT, ORGANISATION)
# Ordinary words that sit close to a name; never read as a misspelled name.
NOT_NAMES = frozenset("""
    sector hectic better bremer harden hearten hamper herder hamburger
    narrow carlos sweden center centre garden burden partner partners partnership finish finished
""".split())

# Words, with inner apostrophes (xi'an) but without a possessive 's (bremen's).
_TOKEN = re.compile(r"[a-z0-9]+(?:'(?!s\b)[a-z0-9]+)*")


def one_edit_apart(a: str, b: str) -> bool:
    """One letter changed, added, dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def fold(text: str) -> str:
    """Lowercase, straight quotes, no accents: the form names are compared in."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def tokens(text: str) -> List[str]:
    return _TOKEN.findall(fold(text))


def token_spans(text: str) -> List[Tuple[str, int, int]]:
    """Tokens with their character offsets in the original text."""
    # Folding keeps lengths for the scripts people write here (accents fold
    # to one letter), so offsets in the folded text hold in the original.
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(fold(text))]


@dataclass(frozen=True)
class Mention:
    kind: str
    id: str
    text: str
    start: int
    end: int
    exact: bool = True


class AliasIndex:
    def __init__(self, kb: KnowledgeBase):
        self._by_tokens: Dict[Tuple[str, ...], Tuple[str, str]] = {}
        self.aliases: Dict[Tuple[str, str], List[str]] = {}
        for kind, entry_id, alias in _all_aliases(kb):
            key = tuple(tokens(alias))
            if not key:
                continue
            known = self._by_tokens.get(key)
            if known and known != (kind, entry_id):
                raise ValueError(f"alias '{alias}' names both {known} and {(kind, entry_id)}")
            self._by_tokens[key] = (kind, entry_id)
            self.aliases.setdefault((kind, entry_id), []).append(alias)
        self._longest = max(len(k) for k in self._by_tokens)
        # Misspellings are looked for among names only, not among the ordinary
        # words that point at a topic or project ("partnerstad", "vulpunt").
        self._single_words = {k[0]: v for k, v in self._by_tokens.items()
                              if len(k) == 1 and len(k[0]) >= FUZZY_MIN_LENGTH and v[0] in FUZZY_KINDS}
        # Two-word misspellings only for places and countries ("san carlo"): pairs
        # with "project" or "council" would catch ordinary Dutch ("het project").
        self._word_pairs = {" ".join(k): v for k, v in self._by_tokens.items()
                            if len(k) == 2 and len(" ".join(k)) >= 7 and v[0] in (PLACE, COUNTRY)}
        self._closest_cached = functools.lru_cache(maxsize=50_000)(self._closest_uncached)

    def lookup(self, alias: str) -> Optional[Tuple[str, str]]:
        return self._by_tokens.get(tuple(tokens(alias)))

    def find(self, text: str, fuzzy: bool = True) -> List[Mention]:
        """Mentions in reading order; longest exact match first, then misspellings."""
        spans = token_spans(text)
        words = [w for w, _, _ in spans]
        found, i = [], 0
        while i < len(words):
            for length in range(min(self._longest, len(words) - i), 0, -1):
                hit = self._by_tokens.get(tuple(words[i:i + length]))
                start, end = spans[i][1], spans[i + length - 1][2]
                if hit and self._written_as_named(text[start:end]):
                    found.append(Mention(hit[0], hit[1], text[start:end], start, end))
                    i += length
                    break
            else:
                length, hit = self.fuzzy_at(words, i) if fuzzy else (1, None)
                if hit:
                    start, end = spans[i][1], spans[i + length - 1][2]
                    found.append(Mention(hit[0], hit[1], text[start:end], start, end, exact=False))
                i += length
        return found

    def _written_as_named(self, written: str) -> bool:
        return written.upper() not in CASE_SENSITIVE_ALIASES or written in CASE_SENSITIVE_ALIASES

    def fuzzy_at(self, words: Sequence[str], i: int) -> Tuple[int, Optional[Tuple[str, str]]]:
        """A misspelled two-word name ("san carlo") or one-word name at position i."""
        if i + 1 < len(words):
            hit = self._closest(f"{words[i]} {words[i + 1]}", pairs=True)
            if hit:
                return 2, hit
        return 1, self.fuzzy_word(words[i])

    def fuzzy_word(self, word: str) -> Optional[Tuple[str, str]]:
        if len(word) < FUZZY_MIN_LENGTH or word in NOT_NAMES:
            return None
        return self._closest(word, pairs=False)

    def _closest(self, text: str, pairs: bool) -> Optional[Tuple[str, str]]:
        # Cached: the same ordinary words come back in every message, and
        # comparing each with every name was a measurable part of a turn.
        return self._closest_cached(text, pairs)

    def _closest_uncached(self, text: str, pairs: bool) -> Optional[Tuple[str, str]]:
        names = self._word_pairs if pairs else self._single_words
        if text in NOT_NAMES:
            return None
        close = difflib.get_close_matches(text, names, n=1, cutoff=FUZZY_CUTOFF)
        if close:
            return names[close[0]]
        if not pairs and len(text) >= EDIT_MIN_LENGTH:
            # One wrong letter in a six-letter name ("narwik") is below the ratio
            # cutoff; for the names of places, projects and organisations it is
            # still a misspelling (countries are left out: "plain", "chain").
            for name, hit in names.items():
                if hit[0] in EDIT_KINDS and len(name) >= EDIT_MIN_LENGTH and one_edit_apart(text, name):
                    return hit
        return None

    def phrase_patterns(self) -> List[dict]:
        """Patterns for spaCy's entity ruler: label = kind, id = knowledge-base id."""
        return [{"label": kind, "id": entry_id,
                 "pattern": [{"ORTH": alias}] if alias in CASE_SENSITIVE_ALIASES else alias}
                for (kind, entry_id), aliases in sorted(self.aliases.items())
                for alias in aliases]


def _all_aliases(kb: KnowledgeBase) -> Iterable[Tuple[str, str, str]]:
    for place in kb.places.values():
        for alias in (place.name, *place.aliases):
            yield PLACE, place.id, alias
    for country in kb.countries.values():
        for alias in (country.name, *country.aliases):
            yield COUNTRY, country.id, alias
    for project in kb.projects.values():
        for alias in (project.name, project.full_name, *project.aliases):
            yield PROJECT, project.id, alias
        for keyword in project.keywords:
            yield PROJECT_KEYWORD, project.id, keyword
    for programme in kb.programmes.values():
        for alias in (programme.name, *programme.aliases):
            yield PROGRAMME, programme.id, alias
    for organisation in kb.organisations.values():
        for alias in (organisation.name, *organisation.aliases):
            yield ORGANISATION, organisation.id, alias
    for topic in kb.topics.values():
        for alias in topic.aliases:
            yield TOPIC, topic.id, alias
    for keyword in kb.partner_city_facts.keywords:
        yield TOPIC, PARTNER_CITIES, keyword


def unique(mentions: Sequence[Mention]) -> List[Mention]:
    """First mention of each (kind, id), in reading order."""
    seen, result = set(), []
    for mention in mentions:
        if (mention.kind, mention.id) not in seen:
            seen.add((mention.kind, mention.id))
            result.append(mention)
    return result
