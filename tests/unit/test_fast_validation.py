"""The cached jsonschema.validate behaves like the original."""
import jsonschema
import pytest

from bot import fast_validation

SCHEMA = {"type": "object", "properties": {"events": {"type": "array"}, "responses": {"type": "array"}}}


def test_a_valid_instance_passes():
    fast_validation.validate({"events": [], "responses": [{"text": "hi"}]}, SCHEMA)


@pytest.mark.parametrize("instance", [{"events": "not a list"}, [], {"responses": 3}])
def test_an_invalid_instance_raises_the_same_error_as_jsonschema(instance):
    with pytest.raises(jsonschema.ValidationError) as cached:
        fast_validation.validate(instance, SCHEMA)
    with pytest.raises(jsonschema.ValidationError) as plain:
        fast_validation._plain_validate(instance, SCHEMA)
    assert cached.value.message == plain.value.message


def test_an_invalid_schema_is_still_refused():
    with pytest.raises(jsonschema.SchemaError):
        fast_validation.validate({}, {"type": 12})


def test_the_schema_is_checked_once_for_repeated_calls():
    fast_validation._validator.cache_clear()
    for _ in range(5):
        fast_validation.validate({"events": []}, dict(SCHEMA))  # a fresh dict each time, as Rasa builds it
    assert fast_validation._validator.cache_info().misses == 1


def test_install_replaces_jsonschema_validate(monkeypatch):
    monkeypatch.setattr(jsonschema, "validate", fast_validation._plain_validate)
    fast_validation.install()
    assert jsonschema.validate is fast_validation.validate


# Rasa's own schema for action-server responses: events against 23 alternatives.
from rasa.core.actions.action import RemoteAction  # noqa: E402

RESPONSE_SCHEMA = RemoteAction.action_response_format_spec()
SLOT = {"event": "slot", "name": "topic", "value": "hector", "timestamp": None}


def test_a_response_with_events_seen_before_is_valid_without_trying_every_alternative(monkeypatch):
    response = {"events": [SLOT], "responses": [{"text": "hi"}]}
    fast_validation.validate(response, RESPONSE_SCHEMA)
    _, items = fast_validation._split(fast_validation.json.dumps(RESPONSE_SCHEMA, sort_keys=True), None)
    item_validator = items["events"][1]
    monkeypatch.setattr(item_validator, "is_valid", lambda item: pytest.fail("checked again"))
    fast_validation.validate({"events": [dict(SLOT)], "responses": []}, RESPONSE_SCHEMA)


@pytest.mark.parametrize("response", [
    {"events": [SLOT, {"event": "no-such-event"}]},
    {"events": [SLOT, {"name": "topic"}]},
    {"events": [SLOT, "slot"]},
    {"events": SLOT},
    {"events": [SLOT], "responses": ["text"]},
])
def test_a_bad_event_after_a_remembered_one_is_refused_with_jsonschemas_own_error(response):
    fast_validation.validate({"events": [SLOT]}, RESPONSE_SCHEMA)  # remembered as valid
    with pytest.raises(jsonschema.ValidationError) as cached:
        fast_validation.validate(response, RESPONSE_SCHEMA)
    with pytest.raises(jsonschema.ValidationError) as plain:
        fast_validation._plain_validate(response, RESPONSE_SCHEMA)
    assert cached.value.message == plain.value.message


def test_the_memory_of_valid_items_is_bounded(monkeypatch):
    monkeypatch.setattr(fast_validation, "_VALID_ITEMS_KEPT", 3)
    for value in range(10):
        fast_validation.validate({"events": [dict(SLOT, value=str(value))]}, RESPONSE_SCHEMA)
    assert len(fast_validation._valid_items) == 3
