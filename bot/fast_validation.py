"""jsonschema.validate with each schema's validator built once, not on every call.

Why: profiling `rasa run` under load (py-spy, see BENCHMARKS.md) showed about
a third of Rasa's CPU per turn in jsonschema.validate, because Rasa validates
every action-server response with it and jsonschema re-checks the schema
against its metaschema and builds a new validator on every call. Same result,
same exceptions; only the repeated work is cached.
"""
import json
from functools import lru_cache
from typing import Any, Optional

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
    error = best_match(_validator(key, cls).iter_errors(instance))
    if error is not None:
        raise error


@lru_cache(maxsize=64)
def _validator(schema_json: str, cls: Optional[type]) -> Any:
    schema = json.loads(schema_json)
    cls = cls or validator_for(schema)
    cls.check_schema(schema)  # once per schema, as jsonschema does on every call
    return cls(schema)


def install() -> None:
    """Makes `jsonschema.validate` (as Rasa imports it) the cached version."""
    jsonschema.validate = validate
