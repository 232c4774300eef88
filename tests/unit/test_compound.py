"""Two questions in one message: each part is found, and each gets its answer."""
import pytest

from bot.compound import asking_clauses
from bot.replies import ANSWER, NO_ANSWER


@pytest.mark.parametrize("text, second", [
    ("which chinese cities are partners and which german ones", "which german ones"),
    ("what country is murmansk in and how is that tie kept up", "how is that tie kept up"),
    ("Aberdeen shows up in both projects, right? Which ones are they?", "Which ones are they?"),
    ("uit welk land komt narvik university college en wat doet de gemeente zelf", "wat doet de gemeente zelf"),
])
def test_the_second_question_is_found(text, second):
    parts = asking_clauses(text)
    assert len(parts) == 2 and text[slice(*parts[1])] == second


@pytest.mark.parametrize("text", [
    "what is the difference between hytrec2 and hector",
    "In HyTrEc2, what does Groningen itself do?",
    "i'm from bremen, is my city a partner city?",
    "are Oldenburg, Bremen and Hamburg partner cities?",
    "who are the partners of hector",
])
def test_one_question_is_not_split(text):
    assert asking_clauses(text) == []


@pytest.mark.parametrize("text, intent, says", [
    ("how many hydrogen vehicles is the city getting and where will they fill up", "ask_groningen_contribution",
     ["6 hydrogen vehicles", "solar park"]),
    ("Two quick things: which Chinese cities are partners of Groningen, and what's the name of the centre that helps "
     "newcomers?", "ask_partner_cities", ["Tianjin", "Welcome Centre"]),
    ("uit welk land komt narvik university college en wat doet de gemeente groningen zelf in hytrec2",
     "ask_project_membership", ["Norway", "6 hydrogen vehicles"]),
    ("which chinese cities are partners and which german ones", "ask_partner_cities", ["Tianjin", "Hamburg"]),
])
def test_each_part_of_a_compound_question_is_answered(ask, text, intent, says):
    reply = ask(text, intent, 0.6)
    assert reply.kind == ANSWER and all(s in reply.text for s in says), reply.text


def test_a_part_the_page_cannot_answer_keeps_the_refusal(ask):
    reply = ask("what is hector and what is its budget", "ask_about", 0.7)
    assert reply.kind == NO_ANSWER


def test_a_part_with_the_same_answer_is_not_repeated(ask):
    reply = ask("Is Bremen a partner city, and is it kept up actively?", "ask_is_partner_city", 0.9)
    assert reply.kind == ANSWER and reply.text.count("Bremen (Germany)") == 1, reply.text
