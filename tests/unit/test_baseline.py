"""The BM25 baseline: tokenising, ranking, refusing below the threshold, citing real sections."""
import math

import pytest

from bot.baseline import (DEFAULT_THRESHOLD, BM25Baseline, BM25Index, Document, documents_of, tokenize,
                          tune_threshold)
from bot.evaluation import Case, Expect, Turn, figures_of, judge_turn, run_cases
from bot.knowledge import (Country, KnowledgeBase, Page, PartnerCityFacts, Place, Programme, Project,
                           ProjectPartner, Topic, load_knowledge_base)


@pytest.fixture
def kb() -> KnowledgeBase:
    """A tiny knowledge base: one topic, one programme, one project, two partner cities."""
    page = Page("https://example.org/ib", "International relations",
                {"welcome": "Welcome", "partners": "Partner cities", "nwe": "NWE", "hector": "HECTOR"})
    countries = {"germany": Country("germany", "Germany", ()), "china": Country("china", "China", ()),
                 "netherlands": Country("netherlands", "the Netherlands", ())}
    places = {"bremen": Place("bremen", "Bremen", "germany", (), "active"),
              "tianjin": Place("tianjin", "Tianjin", "china", (), "active"),
              "arnhem": Place("arnhem", "Arnhem", "netherlands", ())}
    facts = PartnerCityFacts(("partners",), "Groningen has ties with cities in Europe and China.",
                             "Only the ties with Bremen and Tianjin are kept up actively.",
                             "Other ties are reactive.", "A foundation keeps some ties.")
    topics = {"welcome-centre": Topic("welcome-centre", "International Welcome Centre North", ("welcome",), (),
                                      "The Welcome Centre helps new knowledge workers settle in Groningen.")}
    programmes = {"interreg-nwe": Programme("interreg-nwe", "Interreg North West Europe", ("nwe",), (),
                                            "A European programme for cooperation across borders.")}
    hector = Project(
        id="hector", name="HECTOR", full_name="Hydrogen Waste Collection Vehicles (HECTOR)",
        programme="interreg-nwe", sections=("hector",), aliases=(), background="Groningen is a hydrogen region.",
        goal="HECTOR tests hydrogen refuse trucks.", means=("testing trucks in cities",), vehicles=1,
        contribution="Groningen develops 1 hydrogen refuse truck.", period=(2019, 2023),
        partners=(ProjectPartner("hector-arnhem", "Arnhem", "netherlands", "city", "arnhem"),))
    return KnowledgeBase(page, topics, countries, places, facts, programmes, {"hector": hector})


# --- tokenising ------------------------------------------------------------------------------------

def test_tokenize_lowercases_splits_on_punctuation_and_drops_stopwords():
    assert tokenize("When does the HECTOR-project run? (2019–2023)") == ["hector", "project", "run", "2019", "2023"]


def test_tokenize_drops_dutch_stopwords_too():
    assert tokenize("Wie onderhoudt de band met San Carlos?") == ["onderhoudt", "band", "san", "carlos"]


# --- BM25 ------------------------------------------------------------------------------------------

def doc(text: str, topic: str = "t") -> Document:
    return Document(topic, ("s",), text)


def test_the_score_is_okapi_bm25_with_k1_1_5_and_b_0_75():
    index = BM25Index([doc("hydrogen truck"), doc("partner city city")])
    idf = math.log((2 - 1 + 0.5) / (1 + 0.5) + 1)
    length_norm = 1.5 * (1 - 0.75 + 0.75 * 2 / 2.5)
    assert index.scores("hydrogen")[0] == pytest.approx(idf * 1 * 2.5 / (1 + length_norm))
    assert index.scores("hydrogen")[1] == 0.0


def test_a_rarer_word_weighs_more():
    index = BM25Index([doc("hydrogen truck", "a"), doc("hydrogen bus", "b"), doc("hydrogen city", "c")])
    assert index.best_match("hydrogen truck")[0].topic == "a"
    assert index.scores("truck")[0] > index.scores("hydrogen")[0]


def test_a_shorter_document_wins_at_equal_term_frequency():
    index = BM25Index([doc("truck " + "filler " * 20, "long"), doc("truck short", "short"), doc("other", "x")])
    assert index.best_match("truck")[0].topic == "short"


def test_term_frequency_raises_the_score_but_saturates():
    index = BM25Index([doc("truck truck truck x"), doc("truck y z w"), doc("other words here now")])
    once, thrice = index.scores("truck")[1], index.scores("truck")[0]
    assert once < thrice < 3 * once


def test_no_matching_word_gives_no_document():
    assert BM25Index([doc("hydrogen")]).best_match("parking permit") == (None, 0.0)


# --- the baseline's replies ------------------------------------------------------------------------

def test_documents_are_built_from_the_knowledge_base_fields(kb):
    documents = {d.topic: d for d in documents_of(kb)}
    assert set(documents) == {"welcome-centre", "interreg-nwe", "hector", "partner-cities"}
    assert "HECTOR runs from 2019 to 2023" in documents["hector"].text
    assert "Arnhem (the Netherlands)" in documents["hector"].text
    assert "Bremen (Germany)" in documents["partner-cities"].text
    assert "Arnhem" not in documents["partner-cities"].text  # not a partner city
    assert documents["partner-cities"].sections == ("partners",)


def test_reply_answers_from_the_best_document_citing_its_sections(kb):
    messages = BM25Baseline(kb, threshold=0.1).reply("When does the HECTOR project run?")
    assert "2019" in messages[0]["text"]
    assert messages[1]["custom"] == {"answer": {"topic": "hector", "sources": [
        {"section": "hector", "url": "https://example.org/ib#hector"}]}}
    expect = Expect(all_of=(("2019",), ("2023",)), sources=("hector",))
    assert judge_turn(expect, messages).passed


def test_reply_refuses_below_the_threshold(kb):
    messages = BM25Baseline(kb, threshold=1000).reply("When does the HECTOR project run?")
    assert messages[-1]["custom"] == {"no_answer": {"reason": "low_confidence"}}
    assert judge_turn(Expect(no_answer=True), messages).passed


def test_reply_refuses_when_no_word_matches_even_at_threshold_zero(kb):
    assert "no_answer" in BM25Baseline(kb, threshold=0).reply("what is the")[-1]["custom"]


def test_the_baseline_is_stateless(kb):
    baseline = BM25Baseline(kb, threshold=0.1)
    assert baseline.send("a", "which cities take part?") == baseline.send("b", "which cities take part?")


def test_every_document_of_the_real_knowledge_base_cites_real_sections():
    real = load_knowledge_base()
    documents = documents_of(real)
    assert documents
    for document in documents:
        assert document.sections and set(document.sections) <= set(real.page.sections), document.topic
    topics = {d.topic for d in documents}
    assert set(real.topics) | set(real.programmes) | set(real.projects) <= topics
    assert len(topics) == len(documents)


# --- tuning -------------------------------------------------------------------------------------------

def test_tune_threshold_separates_answerable_from_unanswerable_cases(kb):
    cases = [Case("period", "en", (Turn("When does the HECTOR hydrogen project run?",
                                        Expect(all_of=(("2019",),), sources=("hector",))),)),
             Case("oos", "en", (Turn("Can I park my hydrogen car?", Expect(no_answer=True)),))]
    baseline = BM25Baseline(kb)
    assert baseline.index.best_match(cases[1].turns[0].say)[1] > 0  # it would answer, wrongly, at threshold 0
    threshold = tune_threshold(kb, cases)
    figures = figures_of(run_cases(cases, baseline.with_threshold(threshold).send))
    assert (figures.overall.answered_correctly, figures.overall.refused_correctly) == (1.0, 1.0)


def test_tune_threshold_without_any_match_keeps_the_default(kb):
    cases = [Case("oos", "en", (Turn("parking permit", Expect(no_answer=True)),))]
    assert tune_threshold(kb, cases) == DEFAULT_THRESHOLD
