"""Words that give away a question the page cannot answer, derived from our examples."""
import pytest

from bot.off_page_words import OffPageWords
from bot.replies import ANSWER, NO_ANSWER, UNKNOWN_FACT


def test_words_shared_by_unanswerable_examples_and_unknown_to_answerable_ones():
    words = OffPageWords(answerable=["what does the welcome centre do", "which partner cities are active"],
                         unanswerable=["where can I rent a room", "how much is the rent here",
                                       "what does the welcome centre cost", "how do I open a bank account"])
    assert words.in_question("does the welcome centre help with rent?") == ["rent"]
    assert words.in_question("what does the welcome centre do?") == []   # answerable words never count
    assert words.in_question("is there a bank here?") == []               # one example only: chance


def test_only_the_asking_sentences_count():
    words = OffPageWords(answerable=["what does the city do"], unanswerable=["rent a room", "rent prices"])
    assert words.in_question("My rent is fine. What does the city do?") == []


@pytest.fixture(scope="module")
def off_page() -> OffPageWords:
    return OffPageWords.from_files()


def test_from_our_training_data(off_page):
    assert "languages" in off_page.in_question("what languages do they speak at the welcome centre")
    assert off_page.in_question("which partner cities does groningen keep up actively") == []


@pytest.mark.parametrize("text, intent", [
    ("what languages do they speak at the welcome centre", "ask_welcome_centre"),
    ("does the welcome centre help with finding housing", "ask_welcome_centre"),
])
def test_a_broad_answer_that_would_pass_over_the_question_becomes_unknown_fact(ask, text, intent):
    reply = ask(text, intent, 0.7)
    assert (reply.kind, reply.reason) == (NO_ANSWER, UNKNOWN_FACT)
    assert reply.related is not None and reply.related.topic == "welcome-centre"


def test_the_same_topic_asked_in_page_words_is_answered(ask):
    assert ask("what does the welcome centre do for newcomers", "ask_welcome_centre", 0.7).kind == ANSWER
