"""RUNTIME_TUNING=off leaves Rasa as it ships (what `make bench` compares against)."""
import jsonschema
import pytest
import rasa.core.processor
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.utils.endpoints import EndpointConfig

from bot import fast_classifier, fast_validation, keepalive, runtime_tuning, sequential_graph


@pytest.fixture
def stock_rasa(monkeypatch):
    monkeypatch.setattr(jsonschema, "validate", fast_validation._plain_validate)
    monkeypatch.setattr(EndpointConfig, "session", keepalive._make_session)
    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", DaskGraphRunner)
    monkeypatch.setattr(LogisticRegressionClassifier, "_create_X", fast_classifier._rasa_create_x)


def test_off_installs_nothing(monkeypatch, stock_rasa):
    monkeypatch.setenv("RUNTIME_TUNING", "off")
    runtime_tuning.install()
    assert jsonschema.validate is fast_validation._plain_validate
    assert EndpointConfig.session is keepalive._make_session
    assert rasa.core.processor.DaskGraphRunner is DaskGraphRunner
    assert LogisticRegressionClassifier._create_X is fast_classifier._rasa_create_x


def test_on_by_default(monkeypatch, stock_rasa):
    monkeypatch.delenv("RUNTIME_TUNING", raising=False)
    runtime_tuning.install()
    assert jsonschema.validate is fast_validation.validate
    assert EndpointConfig.session is keepalive.kept_session
    assert rasa.core.processor.DaskGraphRunner is sequential_graph.SequentialGraphRunner
    assert LogisticRegressionClassifier._create_X is fast_classifier.create_x
