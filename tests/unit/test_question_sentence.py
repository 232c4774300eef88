"""The question of a long message read alone: finding it, ranking it, and when that reading counts."""
import pytest

from actions.answer_question import asked_ranking
from bot.question_sentence import ASKED_RANKING, SentenceClassifier, asked_part, question_text
from bot.replies import ANSWER, NO_ANSWER, OUT_OF_SCOPE

STORY = ("My husband just started at the university and in the supermarket I hear five languages at once. "
         "Why is Groningen such an international place?")


def test_the_question_after_a_story_is_found():
    assert asked_part(STORY) == "Why is Groningen such an international place?"


@pytest.mark.parametrize("text", [
    "why is groningen so international",  # no question mark: the whole message asks
    "Why is Groningen such an international place?",  # nothing around it
    "I read the page about HECTOR. Why?",  # too short to be read alone
])
def test_no_separate_question_when_there_is_no_story_or_too_little_question(text):
    assert asked_part(text) is None


def test_two_questions_after_a_story_are_read_together():
    text = "We arrived last week. Which partner cities are German? And which are Chinese?"
    assert asked_part(text) == "Which partner cities are German? And which are Chinese?"


@pytest.fixture(scope="module")
def tiny_classifier() -> SentenceClassifier:
    return SentenceClassifier().fit(
        ["which partner cities does groningen have", "list the twin towns of groningen",
         "partner cities please", "where can i rent a room", "how do i find a flat", "rooms for rent"],
        ["ask_partner_cities"] * 3 + ["out_of_scope"] * 3)


def test_the_classifier_ranks_the_intents_of_a_text(tiny_classifier):
    ranking = tiny_classifier.rank("what are the partner cities")
    assert ranking[0][0] == "ask_partner_cities" and ranking[0][1] > ranking[1][1]
    assert abs(sum(p for _, p in ranking) - 1.0) < 1e-6


def test_the_classifier_survives_being_stored(tiny_classifier):
    again = SentenceClassifier.from_bytes(tiny_classifier.to_bytes())
    assert again.rank("a flat to rent") == tiny_classifier.rank("a flat to rent")


def test_a_stored_file_with_other_types_is_refused():
    import collections

    import skops.io as sio

    with pytest.raises(ValueError, match="unexpected types"):
        SentenceClassifier.from_bytes(sio.dumps({"words": collections.Counter(a=1), "chars": None, "model": None}))


def test_the_action_reads_the_ranking_from_the_parse_data_and_ignores_junk():
    message = {ASKED_RANKING: [{"name": "ask_international_relations", "confidence": 0.9}, {"bad": 1}, "x"]}
    assert asked_ranking(message) == (("ask_international_relations", 0.9),)
    assert asked_ranking({}) == () and asked_ranking({ASKED_RANKING: "nonsense"}) == ()


def test_a_sure_question_after_a_story_is_answered_although_the_whole_looks_out_of_scope(ask):
    reply = ask(STORY, "out_of_scope", 0.7, asked=[("ask_international_relations", 0.9)])
    assert reply.kind == ANSWER and reply.topic == "international-relations"


def test_the_whole_message_counts_when_the_question_alone_is_unsure(ask):
    reply = ask(STORY, "out_of_scope", 0.7, asked=[("ask_international_relations", 0.6)])
    assert (reply.kind, reply.reason) == (NO_ANSWER, OUT_OF_SCOPE)


def test_a_question_that_points_back_at_an_everyday_story_stays_out_of_scope(ask):
    text = "We need a house for our family of four. Can anyone in Groningen help us with that?"
    reply = ask(text, "out_of_scope", 0.7, asked=[("ask_welcome_centre", 0.9)])
    assert (reply.kind, reply.reason) == (NO_ANSWER, OUT_OF_SCOPE)


def test_a_sure_reading_of_the_whole_message_is_kept(ask):
    reply = ask("We are new here. Which partner cities does Groningen have?", "ask_partner_cities", 0.9,
                asked=[("ask_international_relations", 0.95)])
    assert reply.kind == ANSWER and reply.topic == "partner-cities"


def test_names_in_the_story_are_not_asked_about_when_the_question_has_its_own_subject(ask):
    text = "I work in the hydrogen sector in Bremen. In HyTrEc2, what does the city of Groningen itself do?"
    reply = ask(text, "ask_groningen_contribution")
    assert reply.kind == ANSWER and reply.topic == "hytrec2" and "6" in reply.text


@pytest.mark.parametrize("text, topic", [
    ("My mom lives in Oldenburg. Is it a partner city?", "partner-cities"),  # the story holds the subject
    ("I work at Aberdeen City Council. Are we a partner of Groningen in HyTrEc2?", "hytrec2"),  # "we" is the story's
])
def test_the_story_keeps_its_names_when_the_question_points_at_it(ask, text, topic):
    intent = "ask_is_partner_city" if topic == "partner-cities" else "ask_project_membership"
    reply = ask(text, intent)
    assert reply.kind == ANSWER and reply.topic == topic
    assert ("Oldenburg" if topic == "partner-cities" else "Aberdeen") in reply.text


def test_a_programme_named_in_the_story_is_not_what_is_asked(ask):
    text = ("hey! erasmus from Bilbao here, doing my thesis on clean transport. is Groningen part of some "
            "european project with hydrogen?")
    assert ask(text, "ask_eu_projects", 0.99).kind == ANSWER
    refused = ask("is groningen in erasmus?", "ask_eu_projects", 0.99)
    assert refused.kind == NO_ANSWER and "erasmus" in refused.text


@pytest.mark.parametrize("text", [
    "did the HECTOR trucks actually cut emissions in the end? what were the results",
    "is the hydrogen station open yet? can i go and see it this weekend",
    "how often do delegations from xi'an visit groningen? and is there a student exchange i could join",
])
def test_a_second_question_without_a_question_mark_is_no_story(text):
    assert asked_part(text) is None and question_text(text) == text


def test_what_a_standalone_question_asks_is_in_it_alone(ask):
    reply = ask("is Hamburg one of groningen's partner cities? I'm planning a weekend trip there haha",
                "ask_is_partner_city", 1.0)
    assert reply.kind == ANSWER and "Hamburg" in reply.text


@pytest.mark.parametrize("text, asked", [
    ("my son saw a hydrogen bin lorry in our street. now he wants to know which other cities have one. can you help us?",
     "now he wants to know which other cities have one."),
    ("mijn zoontje zag een waterstof vuilniswagen. nu wil hij weten in welke steden ze die ook hebben. kun je ons helpen?",
     "nu wil hij weten in welke steden ze die ook hebben."),
    ("I moved here last week. I was wondering which partner cities Groningen has.",
     "I was wondering which partner cities Groningen has."),
])
def test_a_sentence_that_asks_indirectly_asks_and_a_bare_plea_does_not(text, asked):
    assert asked_part(text) == asked


def test_a_story_followed_by_a_plea_alone_is_all_question():
    assert asked_part("I'm looking for the cities that take part in HECTOR. Can you help me?") is None
