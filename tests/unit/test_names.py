"""The alias index: names as people write them, longest match first, misspellings
caught without reading ordinary words as names, and one thing per alias."""
from typing import List, Set, Tuple

import pytest

from bot.knowledge import Country, KnowledgeBase, Page, PartnerCityFacts, Place
from bot.names import (COUNTRY, ORGANISATION, PARTNER_CITIES, PLACE, PROGRAMME, PROJECT, PROJECT_KEYWORD, one_edit_apart,
                       TOPIC, AliasIndex, Mention, fold, unique)


def found(index: AliasIndex, text: str, fuzzy: bool = False) -> List[Tuple[str, str]]:
    return [(m.kind, m.id) for m in index.find(text, fuzzy=fuzzy)]


# --- exact aliases ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, kind, entry_id", [
    ("Moermansk", PLACE, "murmansk"),
    ("Xian", PLACE, "xian"),
    ("Xi'an", PLACE, "xian"),
    ("Xi’an", PLACE, "xian"),  # curly apostrophe
    ("Brussel", PLACE, "brussels"),
    ("Touraine Vallée de l'Indre", PLACE, "touraine-vallee-de-lindre"),
    ("Touraine Vallée de l’Indre", PLACE, "touraine-vallee-de-lindre"),
    ("Touraine Vallee de l'Indre", PLACE, "touraine-vallee-de-lindre"),  # without the accent
    ("Duitsland", COUNTRY, "germany"),
    ("Schotland", COUNTRY, "scotland"),
    ("HECTOR", PROJECT, "hector"),
    ("hytrec 2", PROJECT, "hytrec2"),
    ("Noordwest-Europa", PROGRAMME, "interreg-nwe"),
    ("Narvik University College", ORGANISATION, "narvik-university-college"),
    ("Welcome Centre", TOPIC, "welcome-centre"),
    ("twin town", TOPIC, PARTNER_CITIES),
    ("vuilniswagen", PROJECT_KEYWORD, "hector"),
    ("solar park", PROJECT_KEYWORD, "hytrec2"),
])
def test_an_alias_is_found_exactly_in_a_sentence(index: AliasIndex, name, kind, entry_id):
    text = f"What about {name} please?"
    mentions = index.find(text, fuzzy=False)
    assert mentions == [Mention(kind, entry_id, name, 11, 11 + len(name), exact=True)]
    assert index.lookup(name) == (kind, entry_id)


@pytest.mark.parametrize("written", ["BREMEN", "bremen", "Bremen", "bReMeN"])
def test_case_does_not_matter(index: AliasIndex, written):
    assert found(index, f"Is {written} a partner?") == [(PLACE, "bremen")]


def test_fold_lowercases_straightens_quotes_and_drops_accents():
    assert fold("Xi’an VALLÉE ‘x’ `y`") == "xi'an vallee 'x' 'y'"


def test_mentions_are_in_reading_order_with_their_offsets_in_the_original_text(index: AliasIndex):
    text = "Are Oldenburg, Xi’an and HECTOR linked to the Welcome Centre?"
    mentions = index.find(text)
    assert [(m.kind, m.id) for m in mentions] == [
        (PLACE, "oldenburg"), (PLACE, "xian"), (PROJECT, "hector"), (TOPIC, "welcome-centre")]
    assert [text[m.start:m.end] for m in mentions] == [m.text for m in mentions]
    assert [m.text for m in mentions] == ["Oldenburg", "Xi’an", "HECTOR", "Welcome Centre"]


# --- longest match wins ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Aberdeen City Council", [(ORGANISATION, "aberdeen-city-council")]),
    ("Aberdeenshire", [(PLACE, "aberdeenshire")]),
    ("Aberdeen shire", [(PLACE, "aberdeenshire")]),
    ("Aberdeen", [(PLACE, "aberdeen")]),
    ("Narvik University College", [(ORGANISATION, "narvik-university-college")]),
    ("Narvik", [(PLACE, "narvik")]),
    # the project's full name contains the programme's name
    ("Hydrogen Transport Economy in the North Sea Region", [(PROJECT, "hytrec2")]),
    ("Interreg North Sea Region", [(PROGRAMME, "interreg-nsr")]),
    ("International Welcome Centre North", [(TOPIC, "welcome-centre")]),
    ("vuilniswagen op waterstof", [(PROJECT_KEYWORD, "hector")]),
])
def test_the_longest_alias_wins(index: AliasIndex, text, expected):
    assert found(index, text) == expected


# --- misspellings -------------------------------------------------------------------------------------

@pytest.mark.parametrize("misspelled, entry_id", [
    ("Oldenbrug", "oldenburg"),
    ("Hamburgg", "hamburg"),
    ("Tianjn", "tianjin"),
    ("Murmanks", "murmansk"),
    ("Duisbrug", "duisburg"),
    ("Brusels", "brussels"),
])
def test_a_misspelled_name_is_found_by_the_fuzzy_match_only(index: AliasIndex, misspelled, entry_id):
    text = f"Is {misspelled} a partner city?"
    assert [m for m in index.find(text, fuzzy=False) if m.kind == PLACE] == []
    places = [m for m in index.find(text) if m.kind == PLACE]
    assert places == [Mention(PLACE, entry_id, misspelled, 3, 3 + len(misspelled), exact=False)]


def test_a_misspelled_project_name_is_found(index: AliasIndex):
    assert found(index, "When does Hectorr end?", fuzzy=True) == [(PROJECT, "hector")]


def test_short_words_are_never_fuzzy_matched(index: AliasIndex):
    assert index.fuzzy_word("brem") is None


@pytest.mark.parametrize("word", [
    "sector", "garden", "center", "centre", "hectic", "better", "harden", "burden", "narrow", "hamper",
    "herder", "hearten", "bremer", "projects", "cities", "partner", "partnership", "hydrogen", "european",
    "region", "vehicles", "foundation", "international", "relations", "welcome", "country",
    "partners",  # 38 training examples say "partners", meaning a project's partners
])
def test_common_words_are_never_read_as_misspelled_names(index: AliasIndex, word):
    assert index.fuzzy_word(word) is None
    assert index.find(f"tell me about the {word} here") == []


# --- one thing per alias ------------------------------------------------------------------------------

def test_the_real_knowledge_base_has_no_alias_that_names_two_things(kb: KnowledgeBase):
    AliasIndex(kb)  # raises ValueError on a conflict


@pytest.fixture
def tiny_kb() -> KnowledgeBase:
    """Two countries and a partner city, nothing else."""
    page = Page("https://example.org/page", "Page", {"partners": "Partner cities"})
    countries = {"germany": Country("germany", "Germany", ("Duitsland",)),
                 "china": Country("china", "China", ())}
    places = {"bremen": Place("bremen", "Bremen", "germany", ("Bremmen",), "active")}
    facts = PartnerCityFacts(("partners",), "Some cities.", "Bremen is active.", "Others are not.", "None.")
    return KnowledgeBase(page, {}, countries, places, facts, {}, {})


def test_a_tiny_knowledge_base_without_conflicts_builds_an_index(tiny_kb: KnowledgeBase):
    index = AliasIndex(tiny_kb)
    assert index.lookup("duitsland") == (COUNTRY, "germany")
    assert index.lookup("Bremmen") == (PLACE, "bremen")


def test_an_alias_that_names_two_things_is_refused(tiny_kb: KnowledgeBase):
    tiny_kb.countries["china"] = Country("china", "China", ("Bremen",))
    with pytest.raises(ValueError, match=r"alias 'Bremen' names both .*bremen.*china"):
        AliasIndex(tiny_kb)


def test_aliases_that_differ_only_in_case_quotes_or_accents_conflict_too(tiny_kb: KnowledgeBase):
    tiny_kb.countries["china"] = Country("china", "China", ("BREMMEN",))
    with pytest.raises(ValueError, match="names both"):
        AliasIndex(tiny_kb)


def test_the_same_alias_twice_for_one_thing_is_no_conflict(tiny_kb: KnowledgeBase):
    tiny_kb.places["bremen"] = Place("bremen", "Bremen", "germany", ("Bremen", "bremen"), "active")
    assert AliasIndex(tiny_kb).lookup("Bremen") == (PLACE, "bremen")


# --- patterns for the spaCy entity ruler -----------------------------------------------------------------

def every_alias(kb: KnowledgeBase) -> Set[Tuple[str, str, str]]:
    """(kind, id, alias) for every name in the knowledge base, read straight from its tables."""
    names = {(PLACE, p.id, a) for p in kb.places.values() for a in (p.name, *p.aliases)}
    names |= {(COUNTRY, c.id, a) for c in kb.countries.values() for a in (c.name, *c.aliases)}
    names |= {(PROJECT, p.id, a) for p in kb.projects.values() for a in (p.name, p.full_name, *p.aliases)}
    names |= {(PROJECT_KEYWORD, p.id, k) for p in kb.projects.values() for k in p.keywords}
    names |= {(PROGRAMME, p.id, a) for p in kb.programmes.values() for a in (p.name, *p.aliases)}
    names |= {(ORGANISATION, o.id, a) for o in kb.organisations.values() for a in (o.name, *o.aliases)}
    names |= {(TOPIC, t.id, a) for t in kb.topics.values() for a in t.aliases}
    names |= {(TOPIC, PARTNER_CITIES, k) for k in kb.partner_city_facts.keywords}
    return names


def pattern_text(pattern) -> str:
    """A phrase pattern is the alias itself; a case-sensitive alias is one exact token."""
    return pattern if isinstance(pattern, str) else pattern[0]["ORTH"]


def test_the_phrase_patterns_cover_every_alias_with_its_kind_and_id(kb: KnowledgeBase, index: AliasIndex):
    patterns = {(p["label"], p["id"], pattern_text(p["pattern"])) for p in index.phrase_patterns()}
    missing = every_alias(kb) - patterns
    assert not missing, f"aliases without an entity ruler pattern: {sorted(missing)}"


def test_every_phrase_pattern_is_an_alias_of_the_knowledge_base(kb: KnowledgeBase, index: AliasIndex):
    patterns = {(p["label"], p["id"], pattern_text(p["pattern"])) for p in index.phrase_patterns()}
    assert patterns <= every_alias(kb)


def test_every_alias_is_found_as_what_it_names(kb: KnowledgeBase, index: AliasIndex):
    wrong = [(kind, entry_id, alias) for kind, entry_id, alias in every_alias(kb)
             if found(index, alias) != [(kind, entry_id)]]
    assert not wrong, f"aliases not found as what they name: {sorted(wrong)}"


def test_unique_keeps_the_first_mention_of_each_thing(index: AliasIndex):
    mentions = index.find("Bremen, Hamburg and Bremmen again")
    assert [(m.id, m.text) for m in unique(mentions)] == [("bremen", "Bremen"), ("hamburg", "Hamburg")]


@pytest.mark.parametrize("text, entry_id", [("Is Bremen's tie active?", "bremen"),
                                              ("What is Xi'an's link with us?", "xian")])
def test_a_name_with_a_possessive_s_is_found_exactly(index: AliasIndex, text, entry_id):
    # The spaCy entity ruler finds these (its tokenizer splits off "'s"); the index must agree.
    assert found(index, text) == [(PLACE, entry_id)]


def test_a_misspelled_name_with_a_possessive_s_is_still_caught_by_the_fuzzy_match(index: AliasIndex):
    # The entity extractor's fallback for what the spaCy ruler misses.
    assert found(index, "Is Oldenbrug's tie active?", fuzzy=True) == [(PLACE, "oldenburg")]


def test_an_alias_that_is_an_everyday_word_counts_only_as_written(index: AliasIndex):
    assert found(index, "is there a partner in the US?") == [("country", "united-states")]
    assert found(index, "can you tell us about HECTOR") == [("project", "hector")]


@pytest.mark.parametrize("a, b, apart", [
    ("narwik", "narvik", True), ("narvk", "narvik", True), ("narvikk", "narvik", True), ("nravik", "narvik", True),
    ("narvik", "narvik", False), ("nawrik", "narvik", False), ("nrwik", "narvik", False),
])
def test_one_edit_apart(a, b, apart):
    assert one_edit_apart(a, b) is apart


def test_one_wrong_letter_in_a_six_letter_place_name_is_still_that_place(index):
    assert [(m.kind, m.id) for m in index.find("what is Narwik in the hydrogen project")] == [("place", "narvik")]


def test_finish_is_no_misspelled_finland(index):
    assert [m.id for m in index.find("when does hector finish")] == ["hector"]
