"""jsonschema.validate with each schema's validator built once, not on every call.

Why: profiling `rasa run` under load (py-spy, see BENCHMARKS.md) showed about
a third of Rasa's CPU per turn in jsonschema.validate, because Rasa validates
every action-server response with it and jsonschema re-checks the schema
against its metaschema and builds a new validator on every call. Same result,
same exceptions; only the repeated work is cached.

A second profile (after the validator cache) still showed a tenth of Rasa's CPU
here: each event of a response is tried against the 23 alternatives of Rasa's
event schema (`oneOf`). The same events (slots set to the same values) come
back turn after turn, so an item of an `{"type": "array", "items": ...}`
property that was valid once is remembered as valid. Anything not known valid
is checked in full, and any failure is reported by the full validator, so the
errors are the ones jsonschema gives.
"""
import json
from collections import OrderedDict
from functools import lru_cache
from typing import Any, Dict, Optional, Tuple

import jsonschema
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for

_plain_validate = jsonschema.validate


def validate(instance: Any, schema: Any, cls: Optional[type] = None, *args: Any, **kwargs: Any) -> None:
    try:
        key = json.dumps(schema, sort_keys=True)
    except (TypeError, ValueError):
        key = None
    if key is None or args or kwargs:
        return _plain_validate(instance, schema, cls, *args, **kwargs)
    validator = _validator(key, cls)  # refuses a bad schema first, as jsonschema does
    if _known_valid(instance, key, cls):
        return
    error = best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


@lru_cache(maxsize=64)
def _validator(schema_json: str, cls: Optional[type]) -> Any:
    schema = json.loads(schema_json)
    cls = cls or validator_for(schema)
    cls.check_schema(schema)  # once per schema, as jsonschema does on every call
    return cls(schema)


_VALID_ITEMS_KEPT = 4096
_valid_items: "OrderedDict[Tuple[str, str], None]" = OrderedDict()


@lru_cache(maxsize=64)
def _split(schema_json: str, cls: Optional[type]) -> Tuple[Any, Dict[str, Any]]:
    """The schema without the `items` of its plain array properties, and a validator per such property."""
    schema = json.loads(schema_json)
    properties = schema.get("properties") if isinstance(schema, dict) else None
    arrays = {name: sub["items"] for name, sub in (properties or {}).items()
              if isinstance(sub, dict) and set(sub) == {"type", "items"} and sub["type"] == "array"}
    if not arrays or "$ref" in schema_json:  # an item could refer to the whole schema
        return None, {}
    shallow = dict(schema, properties={name: ({"type": "array"} if name in arrays else sub)
                                       for name, sub in properties.items()})
    cls = cls or validator_for(schema)
    items = {name: (json.dumps(sub, sort_keys=True), cls(sub)) for name, sub in arrays.items()}
    return cls(shallow), items


def _known_valid(instance: Any, schema_json: str, cls: Optional[type]) -> bool:
    """True only when the instance is valid: its shell checked, each array item checked or seen valid before."""
    shallow, items = _split(schema_json, cls)
    if shallow is None or not isinstance(instance, dict) or not shallow.is_valid(instance):
        return False
    for name, (item_schema, item_validator) in items.items():
        for item in instance.get(name) or ():
            try:
                key = (item_schema, json.dumps(item, sort_keys=True))
            except (TypeError, ValueError):
                return False
            if key in _valid_items:
                _valid_items.move_to_end(key)
                continue
            if not item_validator.is_valid(item):
                return False
            _valid_items[key] = None
            if len(_valid_items) > _VALID_ITEMS_KEPT:
                _valid_items.popitem(last=False)
    return True


def install() -> None:
    """Makes `jsonschema.validate` (as Rasa imports it) the cached version."""
    jsonschema.validate = validate
