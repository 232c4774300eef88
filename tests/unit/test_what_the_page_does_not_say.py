"""Names a question asks about that the page never mentions, found without a list of them."""
import pytest

from bot.replies import ANSWER, NO_ANSWER, UNKNOWN_FACT, Context
from bot.unfamiliar_names import UnfamiliarNames


@pytest.fixture(scope="module")
def unfamiliar() -> UnfamiliarNames:
    return UnfamiliarNames.from_files()


@pytest.mark.parametrize("text, names", [
    ("Is Groningen a member of the Eurocities network?", ["Eurocities"]),
    ("do companies here trade with osaka?", ["osaka"]),
    ("does the city work with gdansk on anything", ["gdansk"]),
    ("any plans with Shanghai?", ["Shanghai"]),
    ("what is groningen seaports doing with hydrogen in eemshaven", ["eemshaven"]),  # long, in lower case
])
def test_names_the_page_does_not_know_are_found(unfamiliar, index, text, names):
    assert unfamiliar.in_question(text, index.find(text)) == names


@pytest.mark.parametrize("text", [
    "which partner cities does groningen have in germany",       # names the knowledge base knows
    "does the municipality help international companies settle here?",
    "does the muncipality help internationl companys settle here?",  # slips of the keys are not names
    "I'm from Lisbon. Does the city care about international talent?",  # the writer's own story
    "our company in Shenzhen wants to settle here, what is the city's attitude",
    "my wife is a researcher at the university, is there help for newcomers?",
    "Heeft de gemeente contacten met bedrijven in het buitenland?",  # Dutch is left alone
    "I moved here from Porto last year. what does the city do in Europe? isnt it a lot of work",
    "r u guys involved in european union projects or nah",  # short slang, although English writes Nah as a name
    "internashional welcom center north what is it",  # more than one slip from a word of ours
    "what is the city's waterstofbeleid",  # two known words written as one
    "waarvoor is het opgericht",
])
def test_ordinary_questions_have_none(unfamiliar, index, text):
    assert unfamiliar.in_question(text, index.find(text)) == []


def test_only_the_question_sentences_count(unfamiliar, index):
    text = "I spent ten years in Nairobi and Kampala. Does Groningen attract international researchers?"
    assert unfamiliar.in_question(text, index.find(text)) == []


@pytest.mark.parametrize("text, intent", [
    ("does the gemeente have trade contacts with Osaka?", "ask_international_trade"),
    ("Is Groningen a member of the Eurocities network?", "ask_internationalisation_policy"),
    ("is groningen part of the URBACT network", "ask_international_relations"),
    ("Does the city take part in Interreg Deutschland-Nederland?", "ask_international_relations"),
])
def test_a_broad_answer_to_a_question_about_an_unknown_name_becomes_unknown_fact(ask, text, intent):
    reply = ask(text, intent, 0.7)
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)
    assert "doesn't mention" in reply.text


def test_the_same_question_about_a_known_thing_is_answered(ask):
    reply = ask("does the gemeente help companies that trade abroad?", "ask_international_trade", 0.7)
    assert reply.kind == ANSWER and reply.topic == "international-trade"


@pytest.mark.parametrize("text, intent, context", [
    ("Wanneer gaat het waterstofvulpunt open?", "ask_refuelling_point", Context()),
    ("when will the refuelling point open", "ask_refuelling_point", Context()),
    ("since when does groningen have the welcome centre", "ask_welcome_centre", Context()),
])
def test_a_question_for_a_date_is_not_answered_without_one(ask, text, intent, context):
    reply = ask(text, intent, 0.8, context)
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)


def test_a_question_for_a_date_the_page_gives_is_answered(ask):
    reply = ask("when does HECTOR end?", "ask_project_period", 0.8)
    assert reply.kind == ANSWER and "2023" in reply.text


def test_when_as_a_conjunction_is_not_a_question_for_a_date(ask):
    reply = ask("who can help me when I move to groningen for my postdoc", "ask_welcome_centre", 0.8)
    assert reply.kind == ANSWER


@pytest.mark.parametrize("text, intent", [
    ("who actually runs the welcome centre, the gemeente or the university?", "ask_welcome_centre"),
    ("in which neighbourhood will the hydrogen garbage truck drive?", "ask_about"),
    ("is the HECTOR truck still driving now?", "ask_about"),
    ("is the city planning to add new partner cities?", "ask_partner_cities"),
    ("is the tie with Bremen closer than the one with Hamburg", "ask_city_link"),
    ("what kind of things does Groningen do with Oldenburg?", "ask_city_link"),
    ("why isn't the tie with Murmansk kept actively?", "ask_city_link"),
    ("which car models does groningen buy for hytrec2", "ask_groningen_contribution"),
])
def test_more_kinds_of_fact_the_page_never_gives(ask, text, intent):
    reply = ask(text, intent, 0.7)
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)


@pytest.mark.parametrize("text", [
    "Apart from the German and Chinese ones, are the other city partnerships active too?",
    "what about the partner cities that are NOT the german or chinese ones, does groningen do much with them",
])
def test_partner_cities_apart_from_some_countries_get_the_whole_picture(ask, text):
    reply = ask(text, "ask_partner_cities", 0.7)
    assert reply.kind == ANSWER and "reactive" in reply.text and "foundation" in reply.text


@pytest.mark.parametrize("text", [
    "wat draagt de provincie drenthe precies bij aan hytrec2? betalen ze mee?",
    "what does Aberdeen contribute to HECTOR",
])
def test_what_another_partner_contributes_is_an_unknown_fact(ask, text):
    reply = ask(text, "ask_about", 0.6)
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)


def test_a_country_the_broad_answer_says_nothing_of_is_not_passed_over(ask):
    reply = ask("does the gemeente have trade contacts with japan? my company is from osaka", "ask_international_trade", 0.7)
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT) and "japan" in reply.text.lower()


def test_the_writers_own_country_does_not_stop_a_broad_answer(ask):
    reply = ask("I'm from Japan. Does the city help international companies settle here?", "ask_international_trade", 0.7)
    assert reply.kind == ANSWER and reply.topic == "international-trade"


def test_a_tie_with_a_country_of_a_partner_city_is_the_partner_city(ask):
    reply = ask("my wife is from nicaragua and she asked me if groningen has any connection to her country at all, does it?",
                "ask_international_relations", 0.6)
    assert reply.kind == ANSWER and "San Carlos" in reply.text


def test_an_ordinary_word_where_a_city_name_would_stand_is_no_unknown_city(ask):
    reply = ask("san carlos is mentioned as a partner, which country is that in", "ask_is_partner_city", 0.6)
    assert reply.kind == ANSWER and "Nicaragua" in reply.text


def test_an_unknown_city_is_still_refused(ask):
    reply = ask("is Lyon a partner city of groningen?", "ask_is_partner_city", 0.8)
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT) and "Lyon" in reply.text


@pytest.mark.parametrize("text, intent", [
    ("how does amsterdam's expatcenter compare with the welcome centre here?", "ask_welcome_centre"),
    ("which one got more EU money, hector or hytrec2?", "ask_eu_projects"),
    ("how can i sign up for the hytrec2 training programme for stakeholders?", "ask_project_goal"),
    ("is groningen's truck already driving around? where can i see it", "ask_about"),
    ("can you name some groningen companies that hire international knowledge workers?", "ask_international_relations"),
    ("will i be able to fill up my own hydrogen car at the new refuelling point?", "ask_refuelling_point"),
    ("hector ran until 2023, so what's groningen's next hydrogen project after that?", "ask_about"),
])
def test_further_kinds_of_fact_the_page_never_gives(ask, text, intent):
    reply = ask(text, intent, 0.7)
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)


@pytest.mark.parametrize("text, names", [
    ("Heeft Leeuwarden ook zo'n welcome centre voor internationals?", ["Leeuwarden"]),
    ("Is Antwerpen ook een partnerstad van Groningen?", ["Antwerpen"]),
    ("Doet de gemeente Groningen eigenlijk mee met Europese projecten?", []),
    ("Welke Duitse steden zijn partnersteden van Groningen?", []),
])
def test_in_dutch_questions_only_english_names_count(unfamiliar, index, text, names):
    assert unfamiliar.in_question(text, index.find(text)) == names


def test_partners_of_a_kind_from_a_country_are_the_projects_partners_there(ask):
    reply = ask("apart from groningen, is any other dutch city in HECTOR?", "ask_groningen_contribution", 0.55)
    assert reply.kind == ANSWER and "Arnhem" in reply.text


def test_which_projects_asks_for_the_list_not_one_of_them(ask):
    reply = ask("which hydrogen projects is the city involved in", "ask_project_partners", 0.77)
    assert reply.kind == ANSWER and "HyTrEc2" in reply.text and "HECTOR" in reply.text


def test_a_partner_from_a_country_after_a_project_is_about_that_project(ask):
    reply = ask("is there a dutch partner apart from the gemeente", "out_of_scope", 0.65,
                Context("ask_about", "project", "hytrec2"))
    assert reply.kind == ANSWER and "Drenthe" in reply.text


def test_partner_cities_in_a_country_after_a_project_are_still_partner_cities(ask):
    reply = ask("which partner cities are in germany", "ask_partner_cities", 0.8, Context("ask_about", "project", "hector"))
    assert reply.kind == ANSWER and "Oldenburg" in reply.text


def test_who_is_in_both_projects_gets_the_shared_partners(ask):
    reply = ask("apart from groningen itself, who shows up in both hydrogen projects?", "ask_eu_projects", 0.6)
    assert reply.kind == ANSWER and "Aberdeen" in reply.text and "Narvik" not in reply.text
