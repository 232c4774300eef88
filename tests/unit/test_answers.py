"""The answering core end to end in plain Python: a question (text, intent,
confidence, the names the alias index finds) and the conversation so far in, a
reply of the reply contract out."""
from pathlib import Path
from typing import Set

import pytest
import yaml

from bot.answers import HANDOFF_INTENTS, Answerer, Question
from bot.names import AliasIndex
from bot.replies import (ANSWER, CLARIFY, HANDOFF, LOW_CONFIDENCE, NO_ANSWER, OUT_OF_SCOPE, RESPONSE,
                         UNKNOWN_FACT, Context, Reply)

DOMAIN_INTENTS = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text(encoding="utf-8"))["intents"]
CONTENT_KINDS = {ANSWER, NO_ANSWER, CLARIFY}
ALL_KINDS = CONTENT_KINDS | {RESPONSE, HANDOFF}


def assert_keeps_the_contract(reply: Reply, source_sections: Set[str]) -> None:
    """What FORMAT.md asks of every reply about content."""
    assert reply.kind in ALL_KINDS
    if reply.kind == ANSWER:
        assert reply.topic, "an answer names its topic"
        assert reply.sections, "an answer cites at least one section"
        assert set(reply.sections) <= source_sections
    if reply.kind == NO_ANSWER:
        assert reply.reason and reply.reason.replace("_", "").isalpha(), "a refusal gives a short reason word"
        if reply.related is not None:
            assert reply.related.kind == ANSWER
            assert reply.related.sections and set(reply.related.sections) <= source_sections
    if reply.kind == CLARIFY:
        assert len(reply.options) >= 2, "a question back offers a choice"


def text_of(reply: Reply) -> str:
    return reply.text + (f"\n{reply.related.text}" if reply.related else "")


# --- simple questions: the facts the page gives ------------------------------------------------

ANSWERED = [
    pytest.param("Is Bremen a partner city?", "ask_is_partner_city", ["Yes", "Bremen"], [], {"partner-cities"},
                 id="bremen-is-a-partner-city"),
    pytest.param("Which partner cities are in Germany?", "ask_partner_cities", ["Oldenburg", "Bremen", "Hamburg"],
                 ["Tianjin", "Murmansk"], {"partner-cities"}, id="partner-cities-in-germany"),
    pytest.param("Which partner cities does Groningen have in China?", "ask_partner_cities", ["Tianjin", "Xi'an"],
                 ["Bremen"], {"partner-cities"}, id="partner-cities-in-china"),
    pytest.param("Who keeps the link with Murmansk?", "ask_city_link", ["Murmansk", "foundation"], [],
                 {"partner-cities"}, id="murmansk-link-is-a-foundation"),
    pytest.param("Who keeps the link with Moermansk?", "ask_city_link", ["Murmansk", "foundation"], [],
                 {"partner-cities"}, id="murmansk-in-dutch"),
    pytest.param("Who are the partners of HECTOR?", "ask_project_partners",
                 ["Aberdeen", "Groningen", "Arnhem", "Duisburg", "Herten", "Touraine", "Brussels"], ["Narvik"],
                 {"hector"}, id="hector-partners"),
    pytest.param("Which German partners are in HECTOR?", "ask_project_partners", ["Duisburg", "Herten"],
                 ["Narvik", "Aberdeen", "Arnhem", "Brussels"], {"hector"}, id="hector-partners-in-germany"),
    pytest.param("Which projects is Aberdeen in?", "ask_project_membership", ["HyTrEc2", "HECTOR"], [],
                 {"hytrec2", "hector"}, id="aberdeen-in-both-projects"),
    pytest.param("Is Duisburg in HECTOR?", "ask_project_membership", ["Yes", "Duisburg"], [], {"hector"},
                 id="duisburg-in-hector"),
    pytest.param("When does HECTOR run?", "ask_project_period", ["2019", "2023"], [], {"hector"},
                 id="hector-period"),
    pytest.param("How many vehicles does Groningen buy in HyTrEc2?", "ask_groningen_contribution",
                 ["6 hydrogen vehicles"], [], {"hytrec2"}, id="hytrec2-vehicles"),
    pytest.param("What powers the refuelling point?", "ask_refuelling_point", ["solar park"], [], {"hytrec2"},
                 id="refuelling-point-by-keyword"),
    pytest.param("Which programme is HECTOR part of?", "ask_project_programme",
                 ["Interreg North West Europe", "attractive place"], [], {"hector", "interreg-nwe"}, id="hector-programme"),
    pytest.param("Which EU projects does Groningen take part in?", "ask_eu_projects", ["HyTrEc2", "HECTOR"], [],
                 {"hytrec2", "hector"}, id="eu-projects"),
    pytest.param("What is Interreg NWE?", "ask_programme", ["North West Europe", "HECTOR"], ["HyTrEc2"],
                 {"interreg-nwe", "hector"}, id="programme-nwe"),
    pytest.param("What is the Welcome Centre for?", "ask_welcome_centre", ["International Welcome Centre North"], [],
                 {"knowledge-city"}, id="welcome-centre"),
    pytest.param("Where is Herten?", "ask_about", ["Germany"], [], {"hector"}, id="herten-location"),
]


@pytest.mark.parametrize("text, intent, expected, unexpected, sections", ANSWERED)
def test_a_question_the_page_answers_gets_the_facts_with_their_sections(
        ask, source_sections, text, intent, expected, unexpected, sections):
    reply = ask(text, intent)
    assert reply.kind == ANSWER, reply.text
    for fact in expected:
        assert fact in reply.text
    for fact in unexpected:
        assert fact not in reply.text
    assert set(reply.sections) == sections
    assert_keeps_the_contract(reply, source_sections)


# --- refusals: what the page does not say -----------------------------------------------------------

REFUSED = [
    pytest.param("Is Aberdeen a partner city?", "ask_is_partner_city", UNKNOWN_FACT, id="aberdeen-no-partner-city"),
    pytest.param("Is Paris a partner city of Groningen?", "ask_is_partner_city", UNKNOWN_FACT,
                 id="an-unnamed-city"),
    pytest.param("When does HyTrEc2 end?", "ask_project_period", UNKNOWN_FACT, id="hytrec2-period-not-given"),
    pytest.param("Which partner cities are in Spain?", "ask_partner_cities", UNKNOWN_FACT,
                 id="no-partner-city-in-spain"),
    pytest.param("How many partner cities does Groningen have?", "ask_partner_cities", UNKNOWN_FACT,
                 id="the-number-of-partner-cities-is-not-given"),
    pytest.param("Who is the mayor of Bremen?", "ask_is_partner_city", UNKNOWN_FACT, id="mayor"),
    pytest.param("Tell me about the JIVE project", "ask_eu_projects", UNKNOWN_FACT, id="a-project-not-on-the-page"),
    pytest.param("How do I get a parking permit?", "out_of_scope", OUT_OF_SCOPE, id="out-of-scope"),
]


@pytest.mark.parametrize("text, intent, reason", REFUSED)
def test_a_question_the_page_does_not_answer_is_refused_with_its_reason(ask, source_sections, text, intent, reason):
    reply = ask(text, intent)
    assert (reply.kind, reply.reason) == (NO_ANSWER, reason), reply.text
    assert_keeps_the_contract(reply, source_sections)


@pytest.mark.parametrize("intent", ["ask_about", "ask_unlisted_fact", "ask_project_goal", "ask_project_period",
                                    "ask_groningen_contribution"])
def test_the_budget_of_hector_is_an_unknown_fact_whatever_the_intent(ask, intent):
    reply = ask("What is the budget of HECTOR?", intent)
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)
    assert "2019" not in reply.text and "€" not in reply.text


def test_aberdeen_is_no_partner_city_but_what_the_page_says_of_it_follows(ask):
    reply = ask("Is Aberdeen a partner city?", "ask_is_partner_city")
    assert "Aberdeen" in reply.text
    assert reply.related is not None
    assert "HyTrEc2" in reply.related.text and "HECTOR" in reply.related.text
    assert set(reply.related.sections) == {"hytrec2", "hector"}


def test_an_unnamed_city_is_refused_with_the_partner_cities_the_page_names(ask):
    reply = ask("Is Paris a partner city of Groningen?", "ask_is_partner_city")
    for city in ("Oldenburg", "Bremen", "Hamburg", "Tianjin", "Xi'an", "Murmansk", "San Carlos"):
        assert city in reply.text


def test_the_end_of_hytrec2_is_unknown_and_what_is_known_of_hytrec2_follows(ask):
    reply = ask("When does HyTrEc2 end?", "ask_project_period")
    assert reply.related is not None and reply.related.kind == ANSWER
    assert reply.related.sections == ("hytrec2",)
    assert "HyTrEc2" in reply.related.text


def test_how_many_vehicles_groningen_buys_without_naming_a_project_says_6_for_hytrec2(ask):
    reply = ask("How many vehicles does Groningen buy?", "ask_groningen_contribution")
    assert reply.kind == ANSWER
    assert "HyTrEc2 the municipality of Groningen buys 6 hydrogen vehicles" in reply.text


# --- unsure ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["blah blah HECTOR", "what about it", "Bremen what"])
def test_a_low_confidence_guess_is_not_answered(ask, text):
    reply = ask(text, "ask_about", confidence=0.1)
    assert reply.kind in (NO_ANSWER, CLARIFY)
    if reply.kind == NO_ANSWER:
        assert reply.reason == LOW_CONFIDENCE


def test_a_low_confidence_guess_naming_two_things_asks_which_one(ask):
    reply = ask("blah blah HECTOR and Bremen", "ask_about", confidence=0.1)
    assert reply.kind == CLARIFY
    assert [topic for topic, _ in reply.options] == ["hector", "bremen"]


def test_an_intent_the_answerer_does_not_know_is_not_answered(ask):
    reply = ask("something else entirely", "nlu_fallback", confidence=0.0)
    assert (reply.kind, reply.reason) == (NO_ANSWER, LOW_CONFIDENCE)


# --- follow-ups through the context --------------------------------------------------------------

def test_follow_ups_about_hector_need_not_name_it_again(ask):
    about = ask("Tell me about HECTOR", "ask_about")
    assert (about.kind, about.topic) == (ANSWER, "hector")

    partners = ask("who are the partners?", "ask_project_partners", 0.8, about.context)
    assert (partners.kind, partners.topic) == (ANSWER, "hector")
    assert "Duisburg" in partners.text and "Narvik" not in partners.text

    end = ask("when does it end?", "ask_project_period", 0.8, partners.context)
    assert end.kind == ANSWER
    assert "2023" in end.text


def test_and_the_partners_after_hector_lists_hectors_partners(ask):
    about = ask("Tell me about HECTOR", "ask_about")
    reply = ask("and the partners?", "ask_project_partners", 0.8, about.context)
    assert (reply.kind, reply.topic) == (ANSWER, "hector"), reply.text
    assert "Duisburg" in reply.text


@pytest.mark.parametrize("intent, confidence", [
    ("greet", 0.2), ("greet", 0.95), ("thank", 0.9), ("out_of_scope", 0.6), ("ask_about", 0.5),
    ("ask_is_partner_city", 0.4)])
def test_and_murmansk_after_bremen_asks_the_same_question_about_murmansk(ask, intent, confidence):
    first = ask("Is Bremen a partner city?", "ask_is_partner_city")
    reply = ask("and Murmansk?", intent, confidence, first.context)
    assert reply.kind == ANSWER
    assert reply.text.startswith("Yes, Murmansk")
    assert reply.context.subject == ("place", "murmansk")


def test_and_in_china_after_the_german_partner_cities_lists_the_chinese_ones(ask):
    first = ask("Which partner cities are in Germany?", "ask_partner_cities")
    reply = ask("and in China?", "greet", 0.5, first.context)
    assert reply.kind == ANSWER
    assert "Tianjin" in reply.text and "Bremen" not in reply.text


def test_the_last_project_is_remembered_across_a_question_about_a_city(ask):
    hytrec2 = ask("Tell me about HyTrEc2", "ask_about")
    city = ask("Is Aberdeen a partner city?", "ask_is_partner_city", 0.9, hytrec2.context)
    reply = ask("how many vehicles does Groningen buy?", "ask_groningen_contribution", 0.8, city.context)
    assert (reply.kind, reply.topic) == (ANSWER, "hytrec2")
    assert "HECTOR" not in reply.text


# --- small talk and the handoff ----------------------------------------------------------------

@pytest.mark.parametrize("text, intent, response", [
    ("Hello!", "greet", "utter_greet"),
    ("Bye", "goodbye", "utter_goodbye"),
    ("Thanks!", "thank", "utter_you_are_welcome"),
    ("Are you a bot?", "bot_challenge", "utter_iamabot"),
    ("What can you do?", "ask_capabilities", "utter_capabilities"),
])
def test_sure_small_talk_gets_its_response(ask, text, intent, response):
    reply = ask(text, intent, 0.9)
    assert (reply.kind, reply.text) == (RESPONSE, response)


def test_small_talk_keeps_the_conversation_subject(ask):
    about = ask("Tell me about HECTOR", "ask_about")
    greeting = ask("Hello!", "greet", 0.9, about.context)
    assert greeting.kind == RESPONSE
    assert greeting.context.subject == ("project", "hector")


def test_and_murmansk_classified_as_greet_is_not_small_talk(ask):
    reply = ask("and Murmansk?", "greet", 0.9)
    assert reply.kind != RESPONSE
    assert reply.kind in CONTENT_KINDS


def test_greet_naming_groningen_itself_is_still_small_talk(ask):
    assert ask("Hello Groningen!", "greet", 0.9).kind == RESPONSE


@pytest.mark.parametrize("intent", HANDOFF_INTENTS)
def test_yes_no_or_a_person_please_is_a_handoff(ask, intent):
    reply = ask("yes please pass it on", intent, 0.95)
    assert reply.kind == HANDOFF


def test_a_handoff_keeps_the_context(ask):
    about = ask("Tell me about HECTOR", "ask_about")
    assert ask("yes", "affirm", 0.95, about.context).context.subject == ("project", "hector")


# --- the contract over many questions ------------------------------------------------------------

SWEEP_TEXTS = [
    "Is Bremen a partner city?", "Which partner cities are in Germany?", "Who are the partners of HECTOR?",
    "When does HyTrEc2 end?", "What is the budget of HECTOR?", "and Murmansk?", "who are the partners?",
    "when does it end?", "Tell me about Interreg NWE", "Is Narvik University College in HECTOR?",
    "What about the Welcome Centre?", "hello", "", "Is Spain a partner?", "and the rest?", "garbage trucks",
    "Aberdeen City Council", "which partners are in both?", "Groningen",
]
SWEEP_CONTEXTS = [Context(), Context("ask_about", "project", "hector"), Context("ask_is_partner_city", "place", "bremen"),
                  Context("ask_partner_cities"), Context("ask_programme", "programme", "interreg-nsr"),
                  Context("ask_about", "topic", "welcome-centre"),
                  Context("ask_project_membership", "organisation", "narvik-university-college")]


@pytest.mark.parametrize("intent", [*DOMAIN_INTENTS, "nlu_fallback"])
def test_every_reply_keeps_the_contract_whatever_the_question_and_context(
        answerer: Answerer, index: AliasIndex, source_sections, intent):
    for text in SWEEP_TEXTS:
        for context in SWEEP_CONTEXTS:
            for confidence in (0.9, 0.35):
                question = Question(text, intent, confidence, tuple(index.find(text)), (("ask_about", 0.2),))
                assert_keeps_the_contract(answerer.reply(question, context), source_sections)


# --- cues for facts the page never gives, and for everyday matters -------------------------------

from bot import cues  # noqa: E402


@pytest.mark.parametrize("text", [
    "are the welcome centre services free or do i have to pay",
    "ok and when are they open",
    "which street is the filling point on",
    "where exactly is the solar park",
    "how many tonnes of co2 did the trucks save",
    "which of them had its truck on the road first",
])
def test_questions_for_facts_the_page_never_gives_are_recognised(text):
    assert cues.asks_unlisted_fact(text)


@pytest.mark.parametrize("text, other", [
    ("how many international students live here", True),
    ("how many hydrogen buses drive around", True),
    ("how many people work at the centre", True),
    ("how many vehicles does groningen buy", False),
    ("how many hydrogen bin lorries does hector have", False),
    ("hoeveel waterstofvoertuigen koopt de gemeente", False),
    ("how many in germany", False),
    ("how many years does hector run", False),
    ("how many german ones", False),
])
def test_a_count_of_something_the_page_never_counts(text, other):
    assert cues.asks_count_of_something_else(text) is other


@pytest.mark.parametrize("text, when", [
    ("when did the garbage truck start collecting", True),
    ("when will the refuelling point open", True),
    ("when does the truck project run", False),
    ("when does hector end", False),
])
def test_dates_of_vehicles_are_not_dates_of_projects(text, when):
    assert cues.asks_when_about_vehicles(text) is when


@pytest.mark.parametrize("text, everyday", [
    ("is it gonna rain tmrw in groningen", True),
    ("is there a programme to help my wife find a job", True),
    ("where can i rent a room", True),
    ("my wife got a job at a tech company, who helps us settle in", False),
    ("which partner cities are in germany", False),
])
def test_everyday_matters_of_newcomers(text, everyday):
    assert cues.asks_everyday_matter(text) is everyday


@pytest.mark.parametrize("text, settling", [
    ("we are relocating from toronto, who can we turn to", True),
    ("is there some kind of office for newcomers like us", True),
    ("who makes settling in easier for people like me", True),
    ("who are the partners of hector", False),
])
def test_asking_for_help_settling_in(text, settling):
    assert cues.asks_help_settling_in(text) is settling


def test_another_edition_of_a_numbered_project_is_not_that_project(ask):
    reply = ask("what happened in the first one, hytrec 1", "ask_about")
    assert reply.kind == NO_ANSWER and reply.reason == UNKNOWN_FACT and "hytrec 1" in reply.text


@pytest.mark.parametrize("text, intent", [
    ("is it gonna rain tmrw in groningen", "ask_project_membership"),
    ("which countries take part in interreg north west europe", "ask_programme"),
    ("what is groningen doing in the horizon 2020 project making city", "ask_groningen_contribution"),
])
def test_what_the_classifier_mistakes_for_a_page_question_is_still_refused(ask, text, intent):
    assert ask(text, intent, 0.6).kind == NO_ANSWER


def test_an_everyday_word_in_passing_does_not_overrule_a_sure_reading(ask):
    reply = ask("my daughter has to make a map for school, which cities does groningen keep active ties with",
                "ask_partner_cities", 0.9)
    assert reply.kind == ANSWER and "Tianjin" in reply.text


def test_a_plea_for_help_settling_in_gets_the_welcome_centre(ask):
    reply = ask("we are relocating from toronto and know nobody, who can we turn to", "out_of_scope", 0.6)
    assert reply.kind == ANSWER and reply.topic == "welcome-centre"


@pytest.mark.parametrize("text", ["What does the acronym HECTOR mean?", "waar staat HECTOR voor", "hector stands for what"])
def test_what_a_project_name_stands_for(ask, text):
    reply = ask(text, "ask_project_goal", 0.4)
    assert reply.kind == ANSWER and "Hydrogen Waste Collection Vehicles in North West Europe" in reply.text
    assert reply.sections == ("hector",)


def test_a_name_alone_asks_about_it(ask):
    reply = ask("Hamburgo?", "greet", 0.21)
    assert reply.kind == ANSWER and "Hamburg" in reply.text


def test_two_members_asked_about_at_once_are_both_answered(ask):
    reply = ask("are Duisbuurg and Hertn in the hector thing?", "ask_project_membership")
    assert reply.kind == ANSWER and "Duisburg" in reply.text and "Herten" in reply.text
    assert reply.sections == ("hector",)


def test_who_else_in_a_country_after_partner_city_questions_lists_the_partner_cities_there(ask):
    context = Context("ask_is_partner_city", "place", "bremen")
    reply = ask("who else in germany", "ask_project_partners", 0.89, context,
                ranking=[("ask_project_partners", 0.89), ("ask_partner_cities", 0.09)])
    assert reply.kind == ANSWER and "Hamburg" in reply.text and "Duisburg" not in reply.text


def test_a_question_pointing_back_at_a_project_is_read_about_that_project(ask):
    context = Context("ask_about", "project", "hector")
    reply = ask("any german cities in it?", "ask_partner_cities", 0.69, context,
                ranking=[("ask_partner_cities", 0.69), ("ask_project_partners", 0.19)])
    assert reply.kind == ANSWER and "Duisburg" in reply.text and reply.sections == ("hector",)


@pytest.mark.parametrize("text, intent, topic", [
    ("why bother with eu projects, what's in it for the city", "ask_eu_projects", "internationalisation-policy"),
    ("betaalt de europese commissie mee aan projecten", "ask_international_relations", "internationalisation-policy"),
    ("does the gemeente work together with local businesses abroad", "ask_international_relations",
     "international-trade"),
])
def test_questions_filed_under_a_neighbouring_topic_are_read_by_their_words(ask, text, intent, topic):
    reply = ask(text, intent, 0.6)
    assert reply.kind == ANSWER and reply.topic == topic


def test_how_they_refuel_after_hytrec2_is_the_refuelling_point(ask):
    reply = ask("and how will they be fuelled", "out_of_scope", 0.5, Context("ask_about", "project", "hytrec2"))
    assert reply.kind == ANSWER and "solar" in reply.text


def test_the_kinds_of_vehicles_come_from_the_project_aims(ask):
    reply = ask("Which kinds of vehicles are mentioned in HyTrEc2?", "ask_project_partners", 0.55)
    assert reply.kind == ANSWER and "vans" in reply.text and "passenger cars" in reply.text


def test_eu_funding_of_a_named_project_is_still_unknown(ask):
    reply = ask("How much EU funding did HECTOR receive?", "ask_project_goal")
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)


def test_two_partner_cities_asked_about_at_once_are_both_answered(ask):
    reply = ask("is groningen partner with bremmen or hamberg?", "ask_is_partner_city")
    assert reply.kind == ANSWER and "Bremen" in reply.text and "Hamburg" in reply.text


def test_a_service_of_the_welcome_centre_is_an_unknown_fact_with_what_the_page_says(ask):
    reply = ask("can the welcome centre help me apply for the 30% ruling", "ask_welcome_centre")
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)
    assert reply.related is not None and reply.related.topic == "welcome-centre"


def test_partners_after_a_project_are_its_partners(ask):
    reply = ask("en met welke partners?", "ask_partner_cities", 0.3, Context("ask_about", "project", "hector"))
    assert reply.kind == ANSWER and "Duisburg" in reply.text


@pytest.mark.parametrize("text", ["is groningen seriously trying to be a green city",
                                  "does the city put money into its connections abroad",
                                  "do they care whether we have a good time once we're living here"])
def test_what_the_policy_says_beyond_its_aims(ask, text):
    reply = ask(text, "ask_international_relations", 0.5)
    assert reply.kind == ANSWER and reply.topic == "internationalisation-policy"


def test_what_another_partner_buys_is_not_what_groningen_buys(ask):
    reply = ask("How many hydrogen vehicles is Aberdeenshire Council buying under HyTrEc2?", "ask_groningen_contribution")
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT) and "Aberdeenshire" in reply.text
    assert "6" not in reply.text  # Groningen's own number only as related information
    assert reply.related is not None and "6" in reply.related.text


@pytest.mark.parametrize("text, intent", [
    ("are there scholarships for phd students from xi'an", "ask_is_partner_city"),
    ("are there student exchange programmes between groningen and tianjin", "ask_city_link"),
    ("what did one hydrogen garbage truck cost in the hector project", "ask_project_goal"),
    ("aan welke nieuwe europese projecten doet groningen mee nu hector is afgelopen", "ask_eu_projects"),
    ("does the city have trade missions to india", "ask_international_trade"),
])
def test_more_facts_the_page_never_gives(ask, text, intent):
    assert ask(text, intent, 0.6).kind == NO_ANSWER


def test_a_dutch_filler_word_is_no_unknown_city(ask):
    reply = ask("Moermansk is toch ook een zusterstad van Groningen?", "ask_is_partner_city")
    assert reply.kind == ANSWER and "Murmansk" in reply.text


def test_brussels_paying_is_the_eu_paying(ask):
    reply = ask("can brussels actually put money into groningen's projects", "ask_groningen_contribution", 0.34)
    assert reply.kind == ANSWER and reply.topic == "internationalisation-policy"


@pytest.mark.parametrize("text, intent", [
    ("where in the city will the hydrogen filling station from the hytrec project be built", "ask_refuelling_point"),
    ("Wie is de leadpartner van HyTrEc2?", "ask_project_partners"),
    ("Which specific themes do the EU and the council agree on? Please name them.", "ask_internationalisation_policy"),
    ("which universities are the knowledge institutions that attract international students",
     "ask_international_relations"),
    ("what is groningen doing in the Making-City smart energy project", "ask_eu_projects"),
    ("What grants does the municipality offer foreign companies that relocate to Groningen?",
     "ask_international_trade"),
])
def test_still_more_facts_the_page_never_gives(ask, text, intent):
    assert ask(text, intent, 0.6).kind == NO_ANSWER


@pytest.mark.parametrize("text, context, expected", [
    ("anyone from sweden?", Context("ask_about", "project", "hytrec2"), "Technical Research Institute of Sweden"),
    ("how many countries?", Context("ask_about", "programme", "interreg-nsr"), "seven"),
    ("what country is that in again", Context("ask_about", "place", "san-carlos"), "Nicaragua"),
])
def test_short_follow_ups_about_the_subject(ask, text, context, expected):
    reply = ask(text, "ask_unlisted_fact", 0.3, context)
    assert reply.kind == ANSWER and expected in reply.text


def test_a_company_settling_in_groningen_is_international_trade(ask):
    reply = ask("our company in Shenzhen is evaluating locations for a European subsidiary in groningen, "
                "what is the city's attitude", "out_of_scope", 0.5)
    assert reply.kind == ANSWER and reply.topic == "international-trade"


def test_which_countries_of_a_programme_after_it_is_an_unknown_fact(ask):
    reply = ask("welke zeven landen zijn dat dan?", "ask_programme", 0.6, Context("ask_about", "programme", "interreg-nsr"))
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)


def test_a_change_in_a_partnership_is_an_unknown_fact(ask):
    reply = ask("Was the Murmansk twinning frozen or suspended after 2022?", "ask_partner_cities", 0.6)
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)


@pytest.mark.parametrize("text, intent, context, topic", [
    ("how would the municipality sum up groningen's international side, in a nutshell", "out_of_scope",
     Context(), "international-relations"),
    ("how exactly do they plan to get there", "ask_unlisted_fact", Context("ask_about", "project", "hytrec2"),
     "hytrec2"),
    ("I am a PhD candidate from Xian. Is my hometown connected with Groningen?", "ask_international_relations",
     Context(), "partner-cities"),
    ("what about groningen entrepreneurs who want to go abroad", "ask_internationalisation_policy", Context(),
     "international-trade"),
    ("is there an organisation that makes the move easier for people like him", "out_of_scope", Context(),
     "welcome-centre"),
])
def test_more_questions_read_by_their_words(ask, text, intent, context, topic):
    reply = ask(text, intent, 0.25, context)
    assert reply.kind == ANSWER and reply.topic == topic


@pytest.mark.parametrize("text, intent", [
    ("does the gemeente have any job vacancies for english speakers", "ask_internationalisation_policy"),
    ("would you say groningen is a nicer place for expats than amsterdam", "ask_welcome_centre"),
    ("i drive a toyota mirai, can i fill up at the hydrogen point as a private person", "ask_refuelling_point"),
    ("of the six hydrogen vehicles, how many are garbage trucks and how many are cars", "ask_groningen_contribution"),
    ("i heard groningen has some kind of link with Leeds? what's that about", "ask_about"),
])
def test_even_more_questions_the_page_cannot_answer(ask, text, intent):
    assert ask(text, intent, 0.6).kind == NO_ANSWER


def test_a_day_of_waste_collection_is_not_on_the_page_whatever_trucks_it_names(ask):
    reply = ask("on which day is the green bin emptied? and will it be one of those hydrogen garbage trucks?",
                "ask_project_partners", 0.6)
    assert reply.kind == NO_ANSWER
