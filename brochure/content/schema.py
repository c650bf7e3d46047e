"""The JSON Schema of content.yaml, generated from the model (for editors' autocomplete).

Regenerate with `python -m brochure.content.schema > content.schema.json`; a test fails
when the committed file is stale.
"""

from __future__ import annotations

import json
import types
import typing

from brochure.content.model import Brochure
from brochure.records import MISSING, Field, FieldInfo, Record

SCHEMA_ID = "https://brochure.invalid/content.schema.json"
_TYPES = {str: "string", float: "number", int: "integer", bool: "boolean"}
_LIMITS = {"ge": "minimum", "gt": "exclusiveMinimum", "le": "maximum", "pattern": "pattern"}


def schema_text() -> str:
    defs: dict = {}
    schema = _record(Brochure, defs)
    schema["$defs"] = {name: found for name, found in defs.items() if name != "Brochure"}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Brochure content"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _record(cls: type[Record], defs: dict) -> dict:
    fields = cls.fields()
    schema = {"type": "object", "title": cls.__name__, "additionalProperties": False,
              "properties": {name: _property(info, defs) for name, info in fields.items()}}
    required = [name for name, info in fields.items() if info.required]
    if required:
        schema["required"] = required
    if cls.__doc__ and cls.__doc__ != Record.__doc__:
        schema["description"] = cls.__doc__.strip()
    defs[cls.__name__] = schema
    return schema


def _property(info: FieldInfo, defs: dict) -> dict:
    schema = _limits(info.spec, _type(info.annotation, defs))
    schema["title"] = info.name.replace("_", " ").title()
    if info.spec.description:
        schema["description"] = info.spec.description
    if info.spec.examples:
        schema["examples"] = list(info.spec.examples)
    if not info.required:
        default = info.default()
        if default is not MISSING:
            schema["default"] = default.dump() if isinstance(default, Record) else default
    return schema


def _type(annotation: object, defs: dict) -> dict:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        schema = _type(args[0], defs)
        for spec in (a for a in args[1:] if isinstance(a, Field)):
            schema = _limits(spec, schema)
        return schema
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type(a, defs) if a is not type(None) else {"type": "null"}
                          for a in args]}
    if origin is typing.Literal:
        return {"enum": list(args), "type": "string"}
    if origin is list:
        return {"type": "array", "items": _type(args[0], defs)}
    if isinstance(annotation, type) and issubclass(annotation, Record):
        if annotation.__name__ not in defs:
            _record(annotation, defs)
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    return {"type": _TYPES[annotation]}


def _limits(spec: Field, schema: dict) -> dict:
    schema = dict(schema)
    for name, keyword in _LIMITS.items():
        if getattr(spec, name) is not None:
            schema[keyword] = getattr(spec, name)
    array = schema.get("type") == "array"
    if spec.min_length is not None:
        schema["minItems" if array else "minLength"] = spec.min_length
    if spec.max_length is not None:
        schema["maxItems" if array else "maxLength"] = spec.max_length
    return schema


if __name__ == "__main__":
    print(schema_text(), end="")
