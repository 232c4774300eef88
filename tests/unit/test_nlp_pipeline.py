"""The spaCy pipeline Rasa loads: known names as entities with their knowledge-base
ids, lemmas from the lookup tables, and the same names the alias index finds."""
import pytest

from bot.names import AliasIndex
from bot.nlp_pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    """Built once for this module: the pipeline is read-only and takes a few seconds."""
    return build_pipeline()


def test_the_pipeline_is_a_lemmatizer_and_an_entity_ruler_without_a_trained_model(nlp):
    assert nlp.pipe_names == ["lemmatizer", "entity_ruler"]


@pytest.mark.parametrize("text, name, kind, entry_id", [
    ("Is Bremen a partner city?", "Bremen", "place", "bremen"),
    ("is bremen a partner city", "bremen", "place", "bremen"),
    ("IS BREMEN A PARTNER CITY", "BREMEN", "place", "bremen"),
    ("When does hector end?", "hector", "project", "hector"),
    ("When does HECTOR end?", "HECTOR", "project", "hector"),
    ("partners of HYTREC2", "HYTREC2", "project", "hytrec2"),
    ("partner cities in duitsland", "duitsland", "country", "germany"),
    ("How is the tie with Xi’an kept?", "Xi’an", "place", "xian"),
    ("Where is Touraine Vallée de l'Indre?", "Touraine Vallée de l'Indre", "place", "touraine-vallee-de-lindre"),
    ("what is interreg north sea region", "interreg north sea region", "programme", "interreg-nsr"),
    ("Is Aberdeen City Council a partner?", "Aberdeen City Council", "organisation", "aberdeen-city-council"),
    ("What does the welcome centre do?", "welcome centre", "topic", "welcome-centre"),
    ("the hydrogen garbage truck", "garbage truck", "project_keyword", "hector"),
])
def test_a_name_is_an_entity_labelled_with_its_kind_and_its_knowledge_base_id(nlp, text, name, kind, entry_id):
    ents = [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]
    assert (name, kind, entry_id) in ents


@pytest.mark.parametrize("word, lemma", [("partners", "partner"), ("cities", "city"), ("trucks", "truck"),
                                         ("projects", "project"), ("vehicles", "vehicle")])
def test_words_get_their_lemma(nlp, word, lemma):
    assert [t.lemma_ for t in nlp(f"the {word}")] == ["the", lemma]


AGREEMENT = [
    "Is Bremen a partner city?",
    "Which partner cities are in Germany?",
    "Which partner cities does Groningen have in China?",
    "Who keeps the link with Moermansk?",
    "Who are the partners of HECTOR?",
    "Which German partners are in hector?",
    "Which projects is Aberdeen in?",
    "Aberdeen City Council and Aberdeenshire",
    "When does HyTrEc 2 end?",
    "How many vehicles does Groningen buy in Hydrogen Transport Economy in the North Sea Region?",
    "What powers the refuelling point next to the solar park?",
    "Is Narvik University College in Interreg NWE?",
    "Tell me about the International Welcome Centre North",
    "Are Xi’an and Xi'an the same as Xian?",
    "Is Hamburg (Germany) kept up actively, like Oldenburg/Bremen?",
    "Where is Touraine Vallée de l’Indre?",
    "twin towns in Noord-Duitsland",
    "What is the budget of the garbage trucks project?",
]


@pytest.mark.parametrize("text", AGREEMENT)
def test_the_entity_ruler_and_the_alias_index_find_the_same_things(nlp, index: AliasIndex, text):
    ruler = {(e.label_, e.ent_id_) for e in nlp(text).ents}
    alias_index = {(m.kind, m.id) for m in index.find(text, fuzzy=False)}
    assert ruler == alias_index
    assert ruler, "each sentence names something"
