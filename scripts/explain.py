"""Shows how the trained model reads messages: intents, entities, and the reply.

    python scripts/explain.py [--model models/x.tar.gz] "message" ["next message" ...]

Messages are read as one conversation, so follow-ups use the context;
--separate reads each as the first message of its own conversation.
For developers tuning the data; runs in process, no servers needed.
"""
import argparse
import asyncio
import glob
import os

from rasa.core.agent import Agent

from actions.answer_question import asked_ranking, mentions_in, ranked_intents
from actions.knowledge import answerer, knowledge_base
from bot.answers import Question
from bot.rendering import render
from bot.replies import Context


async def explain(model: str, messages, separate: bool = False) -> None:
    agent = Agent.load(model)
    context = Context()
    for text in messages:
        if separate:
            context = Context()
        parsed = await agent.parse_message(text)
        ranking = ranked_intents(parsed)
        print(f"\n> {text}")
        print("  intents: " + ", ".join(f"{name} {conf:.2f}" for name, conf in ranking[:4]))
        print("  entities: " + ", ".join(f"{e['entity']}={e['value']}" for e in parsed.get("entities", [])))
        asked = asked_ranking(parsed)
        if asked:
            print("  asking sentence alone: " + ", ".join(f"{name} {conf:.2f}" for name, conf in asked[:3]))
        reply = answerer().reply(Question(text, *ranking[0], mentions_in(parsed), ranking[1:], asked), context)
        context = reply.context
        for message in render(reply, knowledge_base().page):
            print("  " + str(message.get("text") or message.get("response", "")).replace("\n", "\n  ")[:400])
            print(f"  {message.get('json_message', '')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--separate", action="store_true", help="each message a conversation of its own")
    parser.add_argument("messages", nargs="+")
    args = parser.parse_args()
    model = args.model or max(glob.glob("models/*.tar.gz"), key=os.path.getmtime)
    asyncio.run(explain(model, args.messages, args.separate))


if __name__ == "__main__":
    main()
