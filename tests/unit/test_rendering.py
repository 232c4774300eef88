"""Turning a reply into the messages of the reply contract: text with its source,
buttons, and exactly one of answer / no_answer / clarify in the metadata."""
import pytest

from bot.knowledge import Page
from bot.rendering import HANDOFF_BUTTONS, OFFER, render, source_line
from bot.replies import (OUT_OF_SCOPE, UNKNOWN_FACT, Context, Reply, answer, clarify, handoff, no_answer,
                         response)

URL = "https://gemeente.groningen.nl/internationale-betrekkingen"


@pytest.fixture
def page(kb) -> Page:
    return kb.page


def only(messages):
    assert len(messages) == 1, "a turn is one message"
    return messages[0]


# --- answers ----------------------------------------------------------------------------------

def test_an_answer_ends_with_a_source_line_naming_the_section_and_its_url(page):
    message = only(render(answer("HECTOR runs from 2019 to 2023.", "hector", ["hector"], Context()), page))
    assert message["text"] == f"HECTOR runs from 2019 to 2023.\n\nSource: HECTOR project ({URL}#hector)"


def test_an_answer_carries_its_topic_and_sources_as_metadata(page):
    message = only(render(answer("...", "hector", ["hector"], Context()), page))
    assert message["json_message"] == {
        "answer": {"topic": "hector", "sources": [{"section": "hector", "url": f"{URL}#hector"}]}}


def test_an_answer_from_two_sections_cites_both_once_in_order(page):
    reply = answer("Aberdeen is in both.", "european-projects", ["hytrec2", "hector", "hytrec2"], Context())
    message = only(render(reply, page))
    assert message["text"].endswith(
        f"Sources: HyTrEc2 project ({URL}#hytrec2); HECTOR project ({URL}#hector)")
    assert [s["section"] for s in message["json_message"]["answer"]["sources"]] == ["hytrec2", "hector"]


def test_an_answer_has_no_buttons(page):
    assert "buttons" not in only(render(answer("...", "hector", ["hector"], Context()), page))


def test_the_source_line_uses_the_section_titles_of_the_page_file(page):
    assert source_line(page, ["partner-cities"]) == f"Source: Partner cities ({URL}#partner-cities)"


# --- refusals -----------------------------------------------------------------------------------

def test_a_refusal_offers_the_welcome_centre_staff_with_yes_and_no_buttons(page):
    message = only(render(no_answer(OUT_OF_SCOPE, "I'm sorry, I can't help with that.", Context()), page))
    assert message["text"].startswith("I'm sorry, I can't help with that.")
    assert message["text"].endswith(OFFER)
    assert "International Welcome Centre North" in message["text"]
    assert message["buttons"] == HANDOFF_BUTTONS
    assert message["json_message"] == {"no_answer": {"reason": "out_of_scope"}}


def test_related_information_after_a_refusal_shows_its_source_but_the_turn_stays_a_refusal(page):
    related = answer("HyTrEc2 lowers the costs of hydrogen vehicles.", "hytrec2", ["hytrec2"], Context())
    reply = no_answer(UNKNOWN_FACT, "I don't know when HyTrEc2 ends.", Context(), related)
    message = only(render(reply, page))
    assert "HyTrEc2 lowers the costs of hydrogen vehicles." in message["text"]
    assert f"Source: HyTrEc2 project ({URL}#hytrec2)" in message["text"]
    assert message["text"].endswith(OFFER)
    assert message["json_message"] == {"no_answer": {"reason": "unknown_fact"}}


# --- questions back --------------------------------------------------------------------------------

def test_a_question_back_has_a_button_per_option_and_lists_the_options_as_metadata(page):
    reply = clarify("Is your question about HECTOR or Bremen?", [("hector", "HECTOR"), ("bremen", "Bremen")],
                    Context("ask_about"))
    message = only(render(reply, page))
    assert message["text"] == "Is your question about HECTOR or Bremen?"
    assert [b["title"] for b in message["buttons"]] == ["HECTOR", "Bremen"]
    assert message["json_message"] == {"clarify": {"options": ["hector", "bremen"]}}


# --- turns that are not about content ------------------------------------------------------------

def test_small_talk_is_the_domain_response_without_metadata(page):
    assert render(response("utter_greet", Context()), page) == [{"response": "utter_greet"}]


def test_a_handoff_renders_nothing_because_the_handoff_action_speaks(page):
    assert render(handoff(Context()), page) == []


def test_an_unknown_reply_kind_is_an_error(page):
    with pytest.raises(ValueError, match="unknown reply kind"):
        render(Reply("shrug", "..."), page)


# --- the contract for real replies -------------------------------------------------------------------

QUESTIONS = [
    ("Is Bremen a partner city?", "ask_is_partner_city", 0.9),
    ("Which German partners are in HECTOR?", "ask_project_partners", 0.9),
    ("When does HyTrEc2 end?", "ask_project_period", 0.9),
    ("What is the budget of HECTOR?", "ask_about", 0.9),
    ("How do I get a parking permit?", "out_of_scope", 0.9),
    ("blah blah HECTOR and Bremen", "ask_about", 0.1),
    ("Tell me about something", "ask_about", 0.9),
]


@pytest.mark.parametrize("text, intent, confidence", QUESTIONS)
def test_every_content_turn_carries_exactly_one_contract_key_and_no_slash_payloads(
        ask, page, source_sections, text, intent, confidence):
    message = only(render(ask(text, intent, confidence), page))
    keys = set(message["json_message"])
    assert len(keys) == 1 and keys <= {"answer", "no_answer", "clarify"}
    for source in message["json_message"].get("answer", {}).get("sources", []):
        assert source["section"] in source_sections
        assert source["url"] == f"{URL}#{source['section']}"
    for button in message.get("buttons", []):
        assert not button["payload"].startswith("/"), "a payload is words, never an intent shortcut"


def test_the_handoff_buttons_are_plain_words(page):
    assert all(not b["payload"].startswith("/") and b["payload"].strip() for b in HANDOFF_BUTTONS)
