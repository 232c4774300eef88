"""RUNTIME_TUNING=off leaves Rasa as it ships (what `make bench` compares against)."""
import jsonschema
from rasa.utils.endpoints import EndpointConfig

from bot import fast_validation, keepalive, runtime_tuning


def test_off_installs_nothing(monkeypatch):
    monkeypatch.setenv("RUNTIME_TUNING", "off")
    monkeypatch.setattr(jsonschema, "validate", fast_validation._plain_validate)
    monkeypatch.setattr(EndpointConfig, "session", keepalive._make_session)
    runtime_tuning.install()
    assert jsonschema.validate is fast_validation._plain_validate
    assert EndpointConfig.session is keepalive._make_session


def test_on_by_default(monkeypatch):
    monkeypatch.delenv("RUNTIME_TUNING", raising=False)
    monkeypatch.setattr(jsonschema, "validate", fast_validation._plain_validate)
    monkeypatch.setattr(EndpointConfig, "session", keepalive._make_session)
    runtime_tuning.install()
    assert jsonschema.validate is fast_validation.validate
    assert EndpointConfig.session is keepalive.kept_session
