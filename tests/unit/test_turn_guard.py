"""Every turn ends in a reply: late, silent and failed turns get an apology."""
import asyncio

import rasa.core.actions.action as rasa_actions

from bot import turn_guard
from bot.turn_guard import APOLOGY, BROKEN, UNAVAILABLE, guarded_turn


async def answering(collected, delay=0.0):
    await asyncio.sleep(delay)
    collected.append({"recipient_id": "u", "text": "Bremen is a partner city."})


async def test_a_turn_in_time_gives_its_own_messages():
    collected = []
    status, messages = await guarded_turn(answering(collected), collected, "u", deadline=1)
    assert status == 200 and messages == [{"recipient_id": "u", "text": "Bremen is a partner city."}]


async def test_a_late_turn_gets_the_apology_with_the_handoff_offer_and_still_finishes():
    collected = []
    loop = asyncio.get_running_loop()
    began = loop.time()
    status, messages = await guarded_turn(answering(collected, delay=0.3), collected, "u", deadline=0.05)
    assert loop.time() - began < 0.25
    assert status == 200 and messages == [{"recipient_id": "u", "text": APOLOGY, "custom": UNAVAILABLE}]
    assert "Welcome Centre" in APOLOGY and messages[0]["custom"]["no_answer"]["reason"] == "unavailable"
    await asyncio.sleep(0.4)
    assert collected, "the late turn was cancelled instead of finishing in the background"


async def test_a_turn_without_any_message_gets_the_apology():
    async def silent():
        return None
    status, messages = await guarded_turn(silent(), [], "u", deadline=1)
    assert status == 200 and messages[0]["text"] == APOLOGY


async def test_a_failed_turn_is_a_503_with_a_message_not_an_exception():
    async def broken():
        raise RuntimeError("the database is gone")
    status, messages = await guarded_turn(broken(), [], "u", deadline=1)
    assert status == 503 and messages[0]["text"] == BROKEN and "custom" in messages[0]


def test_install_makes_rasa_give_up_on_the_action_server_within_the_deadline():
    turn_guard.install()
    assert rasa_actions.DEFAULT_REQUEST_TIMEOUT == turn_guard.ACTION_TIMEOUT < 5 < turn_guard.TURN_DEADLINE
