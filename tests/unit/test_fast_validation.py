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
