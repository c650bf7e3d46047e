"""Frozen, typed records read from YAML data, with every problem collected at once.

The content and theme models are classes of annotated fields. `Model.read(data)` checks a
mapping against them and raises `Invalid` with one error per problem, each a dict shaped
like pydantic's (type, loc, input, ctx, msg), so `content.validate` words them. This is the
small part of pydantic the project uses: loading pydantic and building its schemas took
a third of a cold build.

Field types: str, int, float, bool, Literal[...], X | None, list[X], tuple[X, ...] of a
fixed length, dict[str, X] and records, each optionally Annotated with `Field` constraints
(a `pattern` must match the whole value) and `Before`/`After` functions. Numbers and
booleans are read as leniently as YAML and CSV cells need ("3" is 3, "yes" is true; ASCII
digits only), text never silently from a number (except where a Before function says so).
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Callable
from typing import Any, ClassVar, NamedTuple

MISSING: Any = object()
_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)  # "3", "2.5", "1e3"
_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)
_TRUE = {"1", "on", "t", "true", "y", "yes"}
_FALSE = {"0", "off", "f", "false", "n", "no"}


class Field(NamedTuple):
    """A field's default, documentation and constraints (`default` alone, or in Annotated)."""

    default: Any = MISSING
    default_factory: Callable[[], Any] | None = None
    description: str | None = None
    examples: tuple = ()
    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    strip: bool = False


class Before(NamedTuple):
    """A function applied to the raw value before its type is checked."""

    function: Callable[[Any], Any]


class After(NamedTuple):
    """A function applied to the checked value; it raises Refused to reject it."""

    function: Callable[[Any], Any]


class Refused(ValueError):
    """Raised by an After function: `kind` names the problem, `message` says it."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind, self.message = kind, message


class Invalid(ValueError):
    """Raised by Record.read with every problem found, as pydantic-shaped dicts."""

    def __init__(self, errors: list[dict]):
        super().__init__(f"{len(errors)} problem{'' if len(errors) == 1 else 's'}")
        self.errors = errors


class FieldInfo(NamedTuple):
    """One declared field: its annotation, default and documentation."""

    name: str
    annotation: Any
    spec: Field
    constrained: bool  # has limits beyond its default and documentation

    @property
    def required(self) -> bool:
        return self.spec.default is MISSING and self.spec.default_factory is None

    @property
    def examples(self) -> tuple:
        return self.spec.examples

    def default(self) -> Any:
        factory = self.spec.default_factory
        return factory() if factory else self.spec.default


class _Errors(list):
    def add(self, kind: str, loc: tuple, value: Any, ctx: dict | None = None,
            msg: str = "") -> object:
        self.append({"type": kind, "loc": loc, "input": value, "ctx": ctx or {},
                     "msg": msg or kind.replace("_", " ")})
        return MISSING


class Record:
    """A frozen record whose fields are its class annotations (defaults are values or
    `Field`s). Construct it with keywords or with `read(mapping)`; both check everything.
    The checked values live in the instance's __dict__, so reading a field is plain."""

    _field_infos: ClassVar[dict[str, FieldInfo] | None] = None

    def __init__(self, **values: Any):
        errors = _Errors()
        checked = _read_fields(type(self), values, (), errors)
        if errors:
            raise Invalid(errors)
        vars(self).update(checked)

    @classmethod
    def read(cls, data: Any) -> Record:
        """The record for a mapping, or Invalid listing every problem."""
        errors = _Errors()
        record = _read_record(cls, data, (), errors)
        if errors:
            raise Invalid(errors)
        return record

    @classmethod
    def fields(cls) -> dict[str, FieldInfo]:
        """The declared fields in order (resolved from the annotations on first use)."""
        if cls.__dict__.get("_field_infos") is None:
            cls._field_infos = _field_infos(cls)
        return cls._field_infos

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash((type(self), tuple(vars(self).values())))

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({inner})"

    def __reduce__(self):
        return (_rebuild, (type(self), vars(self)))

    def items(self):
        """(field name, value) pairs in declaration order."""
        return vars(self).items()

    def dump(self) -> dict:
        """The record as plain data (dicts, lists, tuples and scalars)."""
        return {name: _dump(value) for name, value in vars(self).items()}


def _rebuild(cls: type[Record], values: dict) -> Record:
    record = object.__new__(cls)
    vars(record).update(values)
    return record


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.dump()
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_dump(v) for v in value)
    return value


def _field_infos(cls: type[Record]) -> dict[str, FieldInfo]:
    hints = typing.get_type_hints(cls, include_extras=True)
    infos = {}
    for name, annotation in hints.items():
        if name.startswith("_") or typing.get_origin(annotation) is ClassVar:
            continue
        declared = _declared(cls, name)
        spec = declared if isinstance(declared, Field) else Field(default=declared)
        limits = spec._replace(default=MISSING, default_factory=None, description=None,
                               examples=())
        infos[name] = FieldInfo(name, annotation, spec, limits != Field())
    return infos


def _declared(cls: type[Record], name: str) -> Any:
    """The default a record class (or a record class it extends) gives the field; never an
    attribute of Record itself (a field named `items` is not Record.items)."""
    for klass in cls.__mro__:
        if klass is Record:
            break
        if name in klass.__dict__:
            return klass.__dict__[name]
    return MISSING


def _read_record(cls: type[Record], data: Any, loc: tuple, errors: _Errors) -> Any:
    if isinstance(data, cls):
        return data
    if not isinstance(data, dict):
        return errors.add("model_type", loc, data, {"class_name": cls.__name__})
    values = _read_fields(cls, data, loc, errors)
    return MISSING if values is MISSING else _rebuild(cls, values)


def _read_fields(cls: type[Record], data: dict, loc: tuple, errors: _Errors) -> Any:
    infos = cls.fields()
    count = len(errors)
    values = {}
    for name, info in infos.items():
        if name in data:
            value = _check(info.annotation, data[name], loc + (name,), errors)
            if value is not MISSING and value is not None and info.constrained:
                value = _constrain(info.spec, value, loc + (name,), errors, data[name])
            values[name] = value
        elif info.required:
            errors.add("missing", loc + (name,), data)
        else:
            values[name] = info.default()
    for key in data:
        if key not in infos:
            errors.add("extra_forbidden", loc + (str(key),), data[key])
    return MISSING if len(errors) > count else values


def _check(annotation: Any, value: Any, loc: tuple, errors: _Errors) -> Any:
    """The value read as the annotation says, or MISSING after adding its errors."""
    kind, *parts = _shape(annotation)
    if kind == "scalar":
        return parts[0](value, loc, errors)
    if kind == "annotated":
        return _check_annotated(*parts, value, loc, errors)
    if kind == "optional":
        return None if value is None else _check(parts[0], value, loc, errors)
    if kind == "literal":
        choices, types_, expected = parts
        if value in choices and type(value) in types_:
            return value
        return errors.add("literal_error", loc, value, {"expected": expected})
    if kind == "record":
        return _read_record(parts[0], value, loc, errors)
    return _check_collection(*parts, value, loc, errors)


_shapes: dict[int, tuple] = {}


def _shape(annotation: Any) -> tuple:
    """What checking the annotation takes, worked out once per annotation object."""
    known = _shapes.get(id(annotation))
    if known is None or known[0] is not annotation:
        known = _shapes[id(annotation)] = (annotation, _work_out(annotation))
    return known[1]


def _work_out(annotation: Any) -> tuple:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        base, *extras = args
        return ("annotated", base, [e.function for e in extras if isinstance(e, Before)],
                [e for e in extras if isinstance(e, Field)],
                [e.function for e in extras if isinstance(e, After)])
    if origin in (typing.Union, types.UnionType):
        return ("optional", next(a for a in args if a is not type(None)))
    if origin is typing.Literal:
        expected = ", ".join(repr(a) for a in args[:-1]) + f" or {args[-1]!r}"
        return ("literal", args, {type(a) for a in args}, expected)
    if origin in (list, tuple, dict):
        return ("collection", origin, args)
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return ("record", annotation)
    return ("scalar", _SCALARS[annotation])


def _check_annotated(base: Any, befores: list, specs: list[Field], afters: list, value: Any,
                     loc: tuple, errors: _Errors) -> Any:
    for before in befores:
        value = before(value)
    written = value
    value = _check(base, value, loc, errors)
    for spec in specs:
        if value is not MISSING:
            value = _constrain(spec, value, loc, errors, written)
    for after in afters:
        if value is not MISSING:
            try:
                value = after(value)
            except Refused as refused:
                value = errors.add(refused.kind, loc, value, msg=refused.message)
    return value


def _check_collection(origin: type, args: tuple, value: Any, loc: tuple,
                      errors: _Errors) -> Any:
    if origin is dict:
        if not isinstance(value, dict):
            return errors.add("dict_type", loc, value)
        count = len(errors)
        checked = {_check(str, k, loc + (k, "[key]"), errors): _check(args[1], v, loc + (k,),
                                                                       errors)
                   for k, v in value.items()}
        return checked if len(errors) == count else MISSING
    if not isinstance(value, (list, tuple)):
        return errors.add(f"{origin.__name__}_type", loc, value)
    if origin is tuple and len(value) > len(args):
        return errors.add("too_long", loc, value, {"max_length": len(args),
                                                   "actual_length": len(value)})
    count = len(errors)
    if origin is tuple:
        items = [_check(arg, value[i], loc + (i,), errors) if i < len(value)
                 else errors.add("missing", loc + (i,), value) for i, arg in enumerate(args)]
    else:
        items = [_check(args[0], item, loc + (i,), errors) for i, item in enumerate(value)]
    return origin(items) if len(errors) == count else MISSING


def _constrain(spec: Field, value: Any, loc: tuple, errors: _Errors, written: Any) -> Any:
    """The value within the spec's limits, or MISSING; errors show the value as written."""
    if spec.strip and isinstance(value, str):
        value = value.strip()
        if not value:
            return errors.add("blank", loc, value)
    if spec.pattern is not None and not re.fullmatch(spec.pattern, value):
        return errors.add("string_pattern_mismatch", loc, value, {"pattern": spec.pattern})
    if isinstance(value, (int, float)):
        return _bounded(spec, value, loc, errors, written)
    size = len(value)
    kind = "string_too" if isinstance(value, str) else "too"
    if spec.min_length is not None and size < spec.min_length:
        return errors.add(f"{kind}_short", loc, value, {"min_length": spec.min_length,
                                                        "actual_length": size})
    if spec.max_length is not None and size > spec.max_length:
        return errors.add(f"{kind}_long", loc, value, {"max_length": spec.max_length,
                                                       "actual_length": size})
    return value


def _bounded(spec: Field, value: float, loc: tuple, errors: _Errors, written: Any) -> Any:
    for kind, limit, ok in (("greater_than_equal", spec.ge, lambda v, x: v >= x),
                            ("greater_than", spec.gt, lambda v, x: v > x),
                            ("less_than_equal", spec.le, lambda v, x: v <= x)):
        if limit is not None and not ok(value, limit):
            key = {"greater_than_equal": "ge", "greater_than": "gt"}.get(kind, "le")
            return errors.add(kind, loc, written, {key: limit})
    return value


def _text(value: Any, loc: tuple, errors: _Errors) -> Any:
    return value if isinstance(value, str) else errors.add("string_type", loc, value)


def _number(value: Any, loc: tuple, errors: _Errors) -> Any:
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        value = float(value)
    if isinstance(value, (int, float)):
        try:
            return float(value)
        except OverflowError:  # an integer beyond any float
            return errors.add("float_parsing", loc, value)
    return errors.add("float_parsing" if isinstance(value, str) else "float_type", loc, value)


def _whole(value: Any, loc: tuple, errors: _Errors) -> Any:
    if isinstance(value, str):
        if not _INTEGER.fullmatch(value.strip()):
            return errors.add("int_parsing", loc, value)
        return int(value)
    if not isinstance(value, (int, float)):
        return errors.add("int_type", loc, value)
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        return errors.add("int_from_float", loc, value)
    return int(value)


def _truth(value: Any, loc: tuple, errors: _Errors) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
        return value.lower() in _TRUE
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    kind = "bool_parsing" if isinstance(value, (str, int, float)) else "bool_type"
    return errors.add(kind, loc, value)


_SCALARS = {str: _text, float: _number, int: _whole, bool: _truth}
