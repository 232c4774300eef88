"""The runtime fixes change speed, not results: the trained model gives the same
parses and the same next actions with Rasa's own runner and classifier code as
with ours (bot/sequential_graph.py, bot/fast_classifier.py)."""
import asyncio

import pytest
import rasa.core.processor
from rasa.core.agent import Agent
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import UserUttered

from bot import fast_classifier, sequential_graph
from tests.e2e.support import current_model

pytestmark = pytest.mark.e2e  # it needs the trained model

QUESTIONS = [
    "hi", "is Bremen a partner city", "who are the partners of hector", "and when does it end?",
    "wat is het budget van hytrec2", "where can i rent a room", "what does the welcome centre do",
    "hamburg", "thanks bye", "moermansk", "/greet", "which german partners are in hector",
]


def _load(runner, create_x, monkeypatch):
    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", runner)
    monkeypatch.setattr(LogisticRegressionClassifier, "_create_X", create_x)
    return Agent.load(current_model())


def _replies(agent):
    async def run():
        parses, actions = [], []
        for number, text in enumerate(QUESTIONS):
            parses.append(await agent.parse_message(text))
            tracker = await agent.processor.get_tracker(f"equivalence-{number}")
            tracker.update(UserUttered(text, parses[-1]["intent"], parses[-1]["entities"], parse_data=parses[-1]))
            action, prediction = agent.processor.predict_next_with_tracker_if_should(tracker)
            actions.append((action.name(), prediction.policy_name, round(prediction.max_confidence, 9)))
        return parses, actions
    return asyncio.run(run())


@pytest.fixture(scope="module")
def both(request):
    patch = pytest.MonkeyPatch()
    try:
        rasa_own = _replies(_load(DaskGraphRunner, fast_classifier._rasa_create_x, patch))
        ours = _replies(_load(sequential_graph.SequentialGraphRunner, fast_classifier.create_x, patch))
    finally:
        patch.undo()
    return rasa_own, ours


def test_the_same_parse_for_every_question(both):
    (rasa_parses, _), (our_parses, _) = both
    for rasa_parse, our_parse in zip(rasa_parses, our_parses):
        assert our_parse["intent"]["name"] == rasa_parse["intent"]["name"]
        assert our_parse["intent"]["confidence"] == pytest.approx(rasa_parse["intent"]["confidence"], abs=1e-9)
        assert our_parse["entities"] == rasa_parse["entities"]
        assert [i["name"] for i in our_parse["intent_ranking"]] == [i["name"] for i in rasa_parse["intent_ranking"]]


def test_the_same_next_action(both):
    (_, rasa_actions), (_, our_actions) = both
    assert our_actions == rasa_actions
    assert all(rasa_actions)


def test_ours_really_ran_in_the_second_load(monkeypatch):
    agent = _load(sequential_graph.SequentialGraphRunner, fast_classifier.create_x, monkeypatch)
    assert isinstance(agent.processor.graph_runner, sequential_graph.SequentialGraphRunner)
