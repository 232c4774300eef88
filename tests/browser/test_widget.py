"""The chat widget on the demo page, used as a person would: in headless Chromium, against the real assistant."""
import re
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import Route, expect

from tests.browser.widget import TALK_TO_PERSON, Widget, text_of

pytestmark = pytest.mark.browser

PAGE = "https://gemeente.groningen.nl/internationale-betrekkingen"
SENDER_ID = re.compile(r"^web-[0-9a-f]{32}$")
UNREACHABLE = "The assistant is not reachable right now"
SORRY = "Sorry that didn't help. Shall I pass your question to the Welcome Centre staff?"


def stored_sender(widget: Widget) -> str:
    return widget.page.evaluate(
        "url => localStorage.getItem(`groningen-welcome:${url}:sender`)", widget.assistant_url)


def database_mentions(path: Path, text: str) -> bool:
    """Whether any text cell of any table in the SQLite file at `path` contains `text`."""
    if not path.exists():
        return False
    with sqlite3.connect(path) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return any(text in str(cell) for table in tables
                   for row in db.execute(f'SELECT * FROM "{table}"') for cell in row)


def focus_is_visible(widget: Widget) -> bool:
    return widget.page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    }""")


# --- answers -------------------------------------------------------------------------------------

def test_an_answer_shows_its_text_and_its_source_as_a_link(open_demo, screenshots):
    widget = open_demo()
    widget.open()
    turn = widget.ask("Is Bremen a partner city?")

    expect(turn).to_contain_text("Bremen")
    link = widget.source_links(turn)
    expect(link).to_have_count(1)
    expect(link).to_have_attribute("href", f"{PAGE}#partner-cities")
    expect(link).to_contain_text("Partner cities")
    expect(turn).to_contain_text("Source:")
    assert "(https://" not in text_of(turn), "the source is shown once, as a link, not also as a raw address"
    expect(turn.get_by_role("button", name="Yes, this answer helped")).to_be_visible()
    expect(turn.get_by_role("button", name="No, this answer didn't help")).to_be_visible()

    widget.page.mouse.move(0, 0)
    widget.page.screenshot(path=str(screenshots / "widget-answer.png"))


def test_clarify_options_are_buttons_that_ask_again(open_demo):
    widget = open_demo()
    widget.open()
    turn = widget.ask("tell me more")

    options = turn.locator(".gwa-choices").get_by_role("button")
    expect(options.first).to_be_visible()
    assert "HECTOR" in widget.offered_buttons()
    reply = widget.choose("HECTOR")

    expect(widget.user_messages.last).to_contain_text("HECTOR")
    expect(reply).to_contain_text("hydrogen")
    expect(widget.source_links(reply)).to_have_attribute("href", f"{PAGE}#hector")
    expect(turn.locator(".gwa-choices")).to_have_count(0)  # answered: the old options are gone
    expect(widget.input).to_be_focused()


def test_the_conversation_and_its_context_survive_a_reload(open_demo):
    widget = open_demo()
    widget.open()
    expect(widget.toggle).to_have_attribute("aria-expanded", "true")
    widget.ask("Tell me about HECTOR")
    sender = stored_sender(widget)
    assert SENDER_ID.match(sender)

    widget.page.reload()

    expect(widget.panel).to_be_visible()  # still open
    expect(widget.user_messages).to_have_count(1)
    expect(widget.user_messages.first).to_contain_text("Tell me about HECTOR")
    expect(widget.bot_turns).to_have_count(1)
    expect(widget.source_links(widget.bot_turns.first)).to_have_attribute("href", f"{PAGE}#hector")
    assert stored_sender(widget) == sender

    follow_up = widget.ask("who are the partners?")  # "the partners" of HECTOR: the server kept the context
    expect(follow_up).to_contain_text("Duisburg")
    expect(follow_up).to_contain_text("Herten")
    expect(widget.source_links(follow_up)).to_have_attribute("href", f"{PAGE}#hector")


def test_a_new_conversation_forgets_the_old_one(open_demo):
    widget = open_demo()
    widget.open()
    widget.ask("Tell me about HECTOR")
    sender = stored_sender(widget)

    widget.panel.get_by_role("button", name="Start a new conversation").click()

    expect(widget.user_messages).to_have_count(0)
    expect(widget.bot_turns).to_have_count(0)
    assert SENDER_ID.match(stored_sender(widget)) and stored_sender(widget) != sender


def test_another_website_embeds_the_widget_with_one_script_tag(open_demo, assistant, other_site):
    origin, folder = other_site
    (folder / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Een andere site</title></head>'
        "<body><h1>Welkom in Groningen</h1>"
        f'<script src="{assistant.url}/webhooks/web/widget.js" data-assistant-url="{assistant.url}" defer></script>'
        "</body></html>")
    widget = open_demo(url=f"{origin}/index.html")
    expect(widget.toggle).to_have_css("background-color", "rgb(15, 107, 63)")  # widget.css came along
    widget.open()
    turn = widget.ask("Is Bremen a partner city?")  # across origins: allowed by RASA_CORS
    expect(widget.source_links(turn)).to_have_attribute("href", f"{PAGE}#partner-cities")
    assert widget.page.evaluate("() => document.documentElement.lang") == "nl"
    expect(widget.page.locator(".gwa-root")).to_have_attribute("lang", "en")


# --- accessibility -------------------------------------------------------------------------------

def test_the_widget_works_with_the_keyboard_alone(open_demo):
    widget = open_demo()
    keyboard = widget.page.keyboard
    for _ in range(40):
        keyboard.press("Tab")
        if widget.toggle.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the chat button")
    assert focus_is_visible(widget)
    expect(widget.toggle).to_have_attribute("aria-expanded", "false")

    keyboard.press("Enter")
    expect(widget.panel).to_be_visible()
    expect(widget.input).to_be_focused()
    keyboard.type("Is Bremen a partner city?")
    keyboard.press("Enter")
    turn = widget.wait_for_turn(1)
    expect(turn).to_contain_text("Bremen")
    expect(widget.input).to_be_focused()
    expect(widget.input).to_have_value("")

    # Back from the input: thumbs down, thumbs up, then the source link, each with a visible focus.
    keyboard.press("Shift+Tab")
    expect(turn.get_by_role("button", name="No, this answer didn't help")).to_be_focused()
    assert focus_is_visible(widget)
    keyboard.press("Shift+Tab")
    keyboard.press("Shift+Tab")
    expect(widget.source_links(turn)).to_be_focused()
    assert focus_is_visible(widget)

    keyboard.press("Escape")
    expect(widget.panel).to_be_hidden()
    expect(widget.toggle).to_be_focused()
    expect(widget.toggle).to_have_attribute("aria-expanded", "false")


def test_new_messages_are_announced_and_the_controls_are_labelled(open_demo):
    widget = open_demo()
    widget.open()
    expect(widget.log).to_have_attribute("aria-live", "polite")
    expect(widget.page.get_by_role("button", name="Send")).to_be_visible()
    expect(widget.panel.get_by_role("button", name="Close the chat")).to_be_visible()
    turn = widget.ask("Is Bremen a partner city?")
    # The reply is added inside the live log, each message saying who speaks.
    expect(widget.log.locator(".gwa-turn")).to_have_count(1)
    expect(turn.locator(".gwa-sr-only").first).to_have_text("Assistant: ")


@pytest.mark.parametrize("reduced,animation", [(True, "none"), (False, "gwa-fade")])
def test_motion_follows_the_users_preference(open_demo, reduced, animation):
    widget = open_demo(reduced_motion=reduced)
    widget.open()
    expect(widget.log.locator(".gwa-msg").first).to_have_css("animation-name", animation)


def test_the_widget_fits_a_360_px_screen(open_demo, screenshots):
    widget = open_demo(width=360, height=740)
    widget.open()
    widget.ask("Tell me about HECTOR")

    assert not widget.has_horizontal_scroll()
    assert widget.log.evaluate("log => log.scrollWidth <= log.clientWidth")
    for part in (widget.panel, widget.input, widget.page.get_by_role("button", name="Send")):
        box = part.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, f"{part} sticks out: {box}"
        assert box["y"] >= 0 and box["y"] + box["height"] <= 740, f"{part} sticks out: {box}"
    widget.page.screenshot(path=str(screenshots / "widget-360.png"))


# --- nothing is read as markup ---------------------------------------------------------------------

def test_markup_typed_by_the_user_is_shown_as_text(open_demo):
    widget = open_demo()
    widget.open()
    injection = "<img src=x onerror=alert(1)>"
    widget.ask(injection)

    expect(widget.user_messages.last.locator(".gwa-text")).to_have_text(injection)
    assert widget.page.locator(".gwa-root img").count() == 0
    widget.page.reload()  # the history is rendered again from storage, as text again
    expect(widget.user_messages.last.locator(".gwa-text")).to_have_text(injection)
    assert widget.page.locator(".gwa-root img").count() == 0
    widget.page.wait_for_timeout(300)
    assert widget.dialogs == []


def test_markup_and_script_links_from_the_server_are_not_rendered(open_demo):
    widget = open_demo()
    hostile = [
        {"recipient_id": "x", "text": "<b>bold</b><img src=x onerror=alert(2)>\n\nSource: Evil (javascript:alert(3))",
         "buttons": [{"title": "<i>choose</i>", "payload": "hello"}]},
        {"recipient_id": "x", "custom": {"answer": {"topic": "t", "sources": [
            {"section": "evil", "url": "javascript:alert(4)"},
            {"section": "fine", "url": "https://example.org/page#fine"}]}}},
    ]
    widget.page.route("**/webhooks/rest/webhook", lambda route: route.fulfill(json=hostile))
    widget.open()
    turn = widget.ask("hello")

    expect(turn).to_contain_text("<b>bold</b><img src=x onerror=alert(2)>")
    expect(turn).to_contain_text("Source: Evil (javascript:alert(3))")
    expect(turn.get_by_role("button", name="<i>choose</i>")).to_be_visible()
    assert widget.page.locator(".gwa-root img, .gwa-root b, .gwa-root i").count() == 0
    links = widget.source_links(turn)
    expect(links).to_have_count(1)
    expect(links).to_have_attribute("href", "https://example.org/page#fine")
    assert widget.page.locator(".gwa-root a[href^='javascript']").count() == 0


# --- the handoff ----------------------------------------------------------------------------------

CONFIRMED = re.compile(r"passed your question|ticket|reference", re.IGNORECASE)
GAVE_UP = re.compile(r"nothing was sent|not been saved|could not be saved|has not reached", re.IGNORECASE)


def answer_the_handoff(widget: Widget, question: str):
    """Answers whatever the handoff asks: a yes button, else a name, an email or the question."""
    yes = next((title for title in widget.offered_buttons() if title.lower().startswith("yes")), None)
    if yes:
        return widget.choose(yes)
    prompt = widget.bot_turns.last.locator(".gwa-msg-bot").last.inner_text().lower()
    if "email" in prompt:
        return widget.ask("anna.de.vries@example.org")
    if "name" in prompt:
        return widget.ask("Anna de Vries")
    if "question" in prompt:
        return widget.ask(question)
    return widget.ask("yes")


def test_a_question_the_page_does_not_answer_can_be_passed_to_a_person(open_demo, assistant):
    widget = open_demo()
    widget.open()
    question = "What is HECTOR's budget?"
    turn = widget.ask(question)
    expect(turn).to_contain_text("Welcome Centre")
    assert {"Yes, pass it on", TALK_TO_PERSON} <= set(widget.offered_buttons())

    turn = widget.choose(TALK_TO_PERSON)
    for _ in range(8):
        said = text_of(turn)
        if CONFIRMED.search(said):
            break
        assert not GAVE_UP.search(said), f"the handoff gave up: {said}"
        turn = answer_the_handoff(widget, question)
    else:
        pytest.fail(f"the handoff never confirmed; last reply: {text_of(turn)}")
    assert database_mentions(assistant.folder / "handoff.sqlite3", "budget"), "the question is not in the inbox"


def test_answers_have_thumbs_and_a_thumbs_down_offers_the_handoff(open_demo, assistant):
    widget = open_demo()
    widget.open()
    turn = widget.ask("Is Bremen a partner city?")
    down = turn.get_by_role("button", name="No, this answer didn't help")
    expect(turn.get_by_role("button", name="Yes, this answer helped")).to_have_attribute("aria-pressed", "false")

    with widget.page.expect_request("**/webhooks/feedback/vote") as vote:
        down.click()
    assert vote.value.method == "POST"
    assert vote.value.post_data_json == {"sender": stored_sender(widget), "topic": "partner-cities", "vote": "down"}
    expect(down).to_have_attribute("aria-pressed", "true")
    note = turn.locator(".gwa-feedback-note")
    expect(note).to_have_text(re.compile("Thanks for your feedback|Couldn't send feedback"))
    if "Thanks" in note.inner_text():
        assert database_mentions(assistant.folder / "feedback.sqlite3", "partner-cities")

    offer = widget.log.locator(".gwa-msg-note").last
    expect(offer).to_contain_text(SORRY)
    with widget.page.expect_request("**/webhooks/rest/webhook") as request:
        reply = widget.choose(TALK_TO_PERSON)
    assert request.value.post_data_json["message"] == "I would like to talk to a person"
    expect(reply).not_to_be_empty()


def test_feedback_that_cannot_be_sent_fails_quietly(open_demo):
    widget = open_demo()
    widget.page.route("**/webhooks/feedback/vote", lambda route: route.fulfill(status=404, body="not found"))
    widget.open()
    turn = widget.ask("Is Bremen a partner city?")
    up = turn.get_by_role("button", name="Yes, this answer helped")
    up.click()

    expect(turn.locator(".gwa-feedback-note")).to_have_text("Couldn't send feedback.")
    expect(up).to_have_attribute("aria-pressed", "true")
    expect(widget.error).to_be_hidden()
    expect(widget.log.locator(".gwa-msg-note")).to_have_count(0)  # a thumbs-up offers nothing


# --- bad input and a missing server -----------------------------------------------------------------

def test_an_empty_message_is_not_sent(open_demo):
    widget = open_demo()
    sent = []
    widget.page.on("request", lambda r: sent.append(r.url) if "/webhooks/rest/" in r.url else None)
    widget.open()
    widget.input.fill("   ")
    widget.input.press("Enter")
    widget.page.get_by_role("button", name="Send").click()
    widget.page.wait_for_timeout(300)
    assert sent == []
    expect(widget.user_messages).to_have_count(0)
    expect(widget.input).to_be_focused()


def test_when_the_assistant_is_unreachable_the_typed_text_stays(open_demo):
    widget = open_demo()
    widget.page.route("**/webhooks/rest/webhook", lambda route: route.abort("connectionrefused"))
    widget.open()
    widget.input.fill("Is Bremen a partner city?")
    widget.input.press("Enter")

    expect(widget.error).to_contain_text(UNREACHABLE)
    expect(widget.input).to_have_value("Is Bremen a partner city?")
    expect(widget.user_messages).to_have_count(0)

    widget.page.unroute("**/webhooks/rest/webhook")  # back again: Enter sends the same text
    widget.input.press("Enter")
    expect(widget.wait_for_turn(1)).to_contain_text("Bremen")
    expect(widget.error).to_be_hidden()
    expect(widget.input).to_have_value("")


def test_a_refused_request_shows_the_servers_reason_politely(open_demo):
    widget = open_demo()

    def refuse(route: Route) -> None:
        route.fulfill(status=400, json={"error": "bad_request", "reason": '"sender" must be a non-empty string'})

    widget.page.route("**/webhooks/rest/webhook", refuse)
    widget.open()
    widget.input.fill("hello")
    widget.input.press("Enter")

    expect(widget.error).to_contain_text("Sorry, the assistant couldn't read that message")
    expect(widget.error).to_contain_text('"sender" must be a non-empty string')
    expect(widget.input).to_have_value("hello")
