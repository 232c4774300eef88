"""The privacy notice in the widget, and deleting the conversation from it: in headless Chromium."""
import sqlite3

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.widget import REPLY_TIMEOUT_MS, Widget

pytestmark = pytest.mark.browser

DELETED = "this conversation and your thumbs up / down votes are deleted"


def stored_sender(widget: Widget) -> str:
    return widget.page.evaluate("url => localStorage.getItem(`groningen-welcome:${url}:sender`)", widget.assistant_url)


def stored_history(widget: Widget):
    return widget.page.evaluate("url => localStorage.getItem(`groningen-welcome:${url}:history`)", widget.assistant_url)


def stored_events(assistant, sender: str) -> int:
    with sqlite3.connect(assistant.folder / "tracker.db") as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


def test_the_privacy_notice_is_shown_at_the_start(open_demo, assistant, screenshots):
    widget = open_demo()
    widget.open()
    served = requests.get(f"{assistant.url}/webhooks/privacy/notice", timeout=10).json()
    notice = widget.log.locator(".gwa-msg-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("30 days")
    expect(notice).to_contain_text('type "delete my conversation"')
    assert " ".join(notice.locator("p").all_inner_texts()) == served["text"]  # the assistant's words, as served
    expect(notice.get_by_role("button", name="Delete this conversation")).to_be_visible()
    widget.page.mouse.move(0, 0)
    widget.page.screenshot(path=str(screenshots / "widget-privacy.png"))


def test_the_delete_button_deletes_the_conversation_on_the_server_and_in_the_browser(open_demo, assistant):
    widget = open_demo()
    widget.open()
    widget.ask("Tell me about HECTOR")
    sender = stored_sender(widget)
    assert stored_events(assistant, sender) > 0

    widget.log.get_by_role("button", name="Delete this conversation").click()

    expect(widget.log).to_contain_text(DELETED, timeout=REPLY_TIMEOUT_MS)
    expect(widget.user_messages).to_have_count(0)
    assert stored_events(assistant, sender) == 0
    assert stored_history(widget) is None and stored_sender(widget) != sender
    expect(widget.log.locator(".gwa-msg-notice")).to_be_visible()  # the notice stays for the new conversation


def test_typing_the_command_deletes_it_too(open_demo, assistant):
    widget = open_demo()
    widget.open()
    widget.ask("Is Bremen a partner city?")
    sender = stored_sender(widget)
    assert stored_events(assistant, sender) > 0

    widget.input.fill("verwijder mijn gesprek")
    widget.input.press("Enter")

    expect(widget.log).to_contain_text(DELETED, timeout=REPLY_TIMEOUT_MS)
    expect(widget.user_messages).to_have_count(0)
    assert stored_events(assistant, sender) == 0
    assert stored_history(widget) is None and stored_sender(widget) != sender
