"""Chat with the running assistant in the terminal, over its REST channel.

    python -m bot.chat [--url http://127.0.0.1:5005]

Buttons are shown numbered; type the number to choose one. Ctrl-D or /quit ends.
The privacy notice comes first (bot/privacy.py); "delete my conversation" works here too.
"""
import argparse
import os
import uuid
from typing import Any, Dict, List

import requests

from bot.privacy import RetentionSettingError, notice_text, retention_days


def send(url: str, sender: str, text: str) -> List[Dict[str, Any]]:
    reply = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=30)
    reply.raise_for_status()
    return reply.json()


def show(messages: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    buttons: List[Dict[str, str]] = []
    for message in messages:
        if message.get("text"):
            print(f"\nbot> {message['text']}")
        for button in message.get("buttons") or []:
            buttons.append(button)
            print(f"  [{len(buttons)}] {button['title']}")
    return buttons


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}")
    url = parser.parse_args().url.rstrip("/")
    sender = f"terminal-{uuid.uuid4().hex}"
    print("Ask about Groningen's international relations (Ctrl-D or /quit to stop).")
    try:
        print(f"\n{notice_text(retention_days())}")
    except RetentionSettingError as error:  # the assistant's notice would be wrong too: say so
        print(f"\n(privacy notice: {error})")
    buttons: List[Dict[str, str]] = []
    while True:
        try:
            text = input("\nyou> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return
        if text == "/quit":
            return
        if text.isdigit() and 0 < int(text) <= len(buttons):
            text = buttons[int(text) - 1]["payload"]
        try:
            buttons = show(send(url, sender, text))
        except requests.RequestException as error:
            print(f"\n(the assistant did not answer: {error.__class__.__name__}; is it running? try `make serve`)")


if __name__ == "__main__":
    main()
