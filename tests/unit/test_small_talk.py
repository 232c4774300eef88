"""A remark about the page that sounds like small talk is not taken as small talk."""
import pytest

from bot.answers import CONVERSATION_INTENTS
from bot.replies import NO_ANSWER, RESPONSE
from bot.small_talk import SmallTalkWords


@pytest.fixture(scope="module")
def words() -> SmallTalkWords:
    return SmallTalkWords.from_files(CONVERSATION_INTENTS)


@pytest.mark.parametrize("text", ["are you a bot?", "hi there", "thanks a lot!", "what can you do", "yes please",
                                  "can i talk to a person", "bye, have a nice day", "dank je wel"])
def test_small_talk_uses_no_words_of_the_page_beyond_its_own(words, text):
    assert words.page_words_in(text) == []


def test_a_remark_about_hydrogen_trucks_uses_words_of_the_page(words):
    assert "hydrogen" in words.page_words_in("be honest, hydrogen trucks are a scam right?")


def test_the_tiny_example_sets_decide():
    words = SmallTalkWords(["the refuelling point runs on solar power"],
                           {"bot_challenge": ["are you a bot", "is this a real person"]})
    assert words.page_words_in("is the refuelling point real") == ["refuelling", "point"]
    assert words.page_words_in("are you real") == []


def test_such_a_remark_gets_a_refusal_not_the_bots_introduction(ask):
    reply = ask("be honest, hydrogen trucks are a scam right? batteries are just better", "bot_challenge", 0.85,
                ranking=[("out_of_scope", 0.04), ("ask_refuelling_point", 0.03)])
    assert reply.kind == NO_ANSWER


def test_a_plain_challenge_is_still_small_talk(ask):
    assert ask("are you a bot?", "bot_challenge", 0.95).kind == RESPONSE


def test_a_question_shaped_like_a_challenge_but_sharing_none_of_its_words_is_not_one(words):
    assert words.strange_to("bot_challenge", "wat is het verschil tussen een tompouce en een bossche bol")
    assert not words.strange_to("bot_challenge", "r u human lol")
    assert not words.strange_to("bot_challenge", "is this ChatGPT or something")


def test_the_pastry_question_gets_a_refusal(ask):
    reply = ask("wat is het verschil tussen een tompouce en een bossche bol", "bot_challenge", 0.68,
                ranking=[("out_of_scope", 0.28), ("ask_about", 0.02)])
    assert reply.kind == NO_ANSWER
