"""The widget on a page, as a person uses it: find things by role and name, type, press, read.

Locators use the accessible names of web/widget.js, so a test that finds a
button here also shows that a screen reader user can find it.
"""
import re
from typing import List

from playwright.sync_api import Locator, Page, expect

REPLY_TIMEOUT_MS = 60_000  # the first reply of a fresh server loads the model's graph
TALK_TO_PERSON = "Talk to a person"


class Widget:
    def __init__(self, page: Page, assistant_url: str) -> None:
        self.page = page
        self.assistant_url = assistant_url
        self.demo_url = f"{assistant_url}/webhooks/web/demo"
        self.page_errors: List[str] = []
        self.dialogs: List[str] = []
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._on_dialog)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    # --- parts -----------------------------------------------------------------------
    @property
    def toggle(self) -> Locator:
        return self.page.get_by_role("button", name="Ask a question")

    @property
    def panel(self) -> Locator:
        return self.page.get_by_role("region", name="Chat with Groningen's international welcome assistant")

    @property
    def log(self) -> Locator:
        return self.page.get_by_role("log", name="Conversation")

    @property
    def input(self) -> Locator:
        return self.page.get_by_role("textbox", name="Your question")

    @property
    def bot_turns(self) -> Locator:
        """The assistant's replies (one element per turn), oldest first."""
        return self.log.locator(":scope > .gwa-turn")

    @property
    def user_messages(self) -> Locator:
        return self.log.locator(":scope > .gwa-msg-user")

    @property
    def error(self) -> Locator:
        return self.page.get_by_role("alert")

    def last_turn(self) -> Locator:
        return self.bot_turns.last

    # --- actions ---------------------------------------------------------------------
    def open(self) -> None:
        expect(self.toggle).to_be_visible()
        if self.toggle.get_attribute("aria-expanded") != "true":
            self.toggle.click()
        expect(self.panel).to_be_visible()
        expect(self.input).to_be_focused()

    def ask(self, text: str) -> Locator:
        """Types `text`, presses Enter, and returns the assistant's reply once it is shown."""
        before = self.bot_turns.count()
        self.input.fill(text)
        self.input.press("Enter")
        return self.wait_for_turn(before + 1)

    def choose(self, title: str) -> Locator:
        """Clicks the offered button `title` and returns the reply to it."""
        before = self.bot_turns.count()
        self.log.get_by_role("button", name=title, exact=True).click()
        return self.wait_for_turn(before + 1)

    def wait_for_turn(self, count: int) -> Locator:
        expect(self.bot_turns).to_have_count(count, timeout=REPLY_TIMEOUT_MS)
        expect(self.log).to_have_attribute("aria-busy", "false")
        return self.bot_turns.nth(count - 1)

    def offered_buttons(self) -> List[str]:
        """The titles of the buttons the latest reply offers."""
        return [t.strip() for t in self.log.locator(".gwa-choices button").all_inner_texts()]

    def source_links(self, turn: Locator) -> Locator:
        return turn.locator("a.gwa-link")

    def has_horizontal_scroll(self) -> bool:
        return self.page.evaluate(
            "() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


def text_of(turn: Locator) -> str:
    return re.sub(r"\s+", " ", turn.inner_text())
