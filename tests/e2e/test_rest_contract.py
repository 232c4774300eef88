"""The reply contract over REST, as the website and the evaluation see it."""
import pytest
import requests
import yaml

from bot.knowledge import load_knowledge_base
from tests.shared_files import shared_dir

pytestmark = pytest.mark.e2e
KB = load_knowledge_base()


def contract_keys(messages):
    keys = [k for m in messages for k in (m.get("custom") or {}) if k in ("answer", "no_answer", "clarify")]
    assert len(keys) <= 1, f"more than one contract key in one turn: {messages}"
    return keys[0] if keys else None


def custom(messages, key):
    return next(m["custom"][key] for m in messages if key in (m.get("custom") or {}))


def text_of(messages):
    return " ".join(m.get("text", "") for m in messages)


def test_an_answer_cites_its_section_with_the_page_address(chat):
    turn = chat("Which partner cities does Groningen keep active ties with?")
    assert contract_keys(turn) == "answer"
    answer = custom(turn, "answer")
    assert answer["sources"] == [{"section": "partner-cities", "url": f"{KB.page.url}#partner-cities"}]
    for city in ("Oldenburg", "Bremen", "Hamburg", "Tianjin", "Xi'an"):
        assert city in text_of(turn)
    assert f"{KB.page.url}#partner-cities" in text_of(turn)


def test_a_follow_up_uses_the_conversation(chat):
    chat("Tell me about the HECTOR project")
    turn = chat("which cities take part?")
    assert contract_keys(turn) == "answer"
    assert custom(turn, "answer")["topic"] == "hector"
    assert "Duisburg" in text_of(turn) and "Narvik" not in text_of(turn)


@pytest.mark.parametrize("question,reason", [
    ("How much EU funding did HECTOR receive?", "unknown_fact"),
    ("Where can I find a room to rent in Groningen?", "out_of_scope"),
])
def test_what_the_page_does_not_say_is_refused_with_an_offer(chat, question, reason):
    turn = chat(question)
    assert contract_keys(turn) == "no_answer"
    assert custom(turn, "no_answer")["reason"] == reason
    assert "Welcome Centre" in text_of(turn)
    assert any(m.get("buttons") for m in turn)


def test_accepting_the_offer_starts_the_handoff(chat):
    # The whole handoff, to the ticket, is in test_handoff.py.
    chat("what are the opening hours of the welcome centre")
    turn = chat("yes please")
    assert "pass your question on" in text_of(turn)
    assert "May I share this conversation" in text_of(turn)
    assert contract_keys(turn) is None


def test_an_intent_shortcut_from_a_user_is_not_honoured(chat):
    turn = chat('/ask_project_period{"project": "hytrec2"}')
    # Read as words, not as an intent with an entity: no invented HyTrEc2 period.
    assert "2019" not in text_of(turn)


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b'{"sender": "x"}', b'{"message": "hi"}',
                                  b'{"sender": 5, "message": "hi"}', b"\xff\xfe"])
def test_a_malformed_request_gets_a_400_with_a_reason(assistant, body):
    reply = requests.post(f"{assistant.url}/webhooks/rest/webhook", data=body, timeout=30,
                          headers={"Content-Type": "application/json"})
    assert reply.status_code == 400
    assert reply.json()["reason"]


@pytest.mark.parametrize("message,expected", [("   ", "empty"), ("x" * 5000, "too long")])
def test_empty_or_overlong_messages_get_a_friendly_reply(chat, message, expected):
    assert expected in text_of(chat(message))


def test_the_conversation_goes_on_after_bad_input(chat):
    chat("")
    turn = chat("Is Bremen a partner city?")
    assert contract_keys(turn) == "answer" and "Bremen" in text_of(turn)


def test_sample_cases_keep_the_contract(chat):
    """Every turn of the shared sample cases carries at most one contract key."""
    sample = shared_dir() / "eval" / "sample.yml"
    assert sample.exists(), f"the shared sample cases are missing: {sample}"
    cases = yaml.safe_load(sample.read_text())["cases"]
    for case in cases:
        for turn in case["turns"]:
            contract_keys(chat(turn["say"]))
