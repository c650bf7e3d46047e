"""Turn a content file into a Brochure, or raise every problem at once with its place."""

from __future__ import annotations

import typing
from pathlib import Path

from brochure.content.model import Brochure
from brochure.content.yamlpos import Located, dotted, load_yaml
from brochure.errors import BrochureError, Issue, closest
from brochure.records import Invalid, Record

MAX_CONTENT_BYTES = 2_000_000


def read_text(path: Path) -> str:
    """Read a UTF-8 content file, or raise a BrochureError naming the file."""
    name = str(path)
    if not path.exists():
        raise BrochureError([Issue("file not found — check the path", name)])
    if not path.is_file():
        raise BrochureError([Issue("is not a file — give the path of a .yaml file", name)])
    if path.stat().st_size > MAX_CONTENT_BYTES:
        raise BrochureError([Issue("file is larger than 2 MB — is this the right file?", name)])
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        data = path.read_bytes()
        line = data[:exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        how = ("in Excel: Save As, 'CSV UTF-8 (Comma delimited)'" if path.suffix.lower()
               == ".csv" else "in most editors: Save As, Encoding UTF-8")
        raise BrochureError([Issue(f"is not UTF-8 text — save it as UTF-8 ({how})",
                                   name, line, col)]) from None
    except OSError as exc:
        raise BrochureError([Issue(f"cannot be read: {exc.strerror}", name)]) from None


def load_located(path: Path) -> Located:
    """Parse a content file, keeping positions; raise BrochureError on syntax problems."""
    return load_yaml(read_text(path), str(path))


def load_content(path: Path) -> tuple[Brochure, Located]:
    """Load and validate a content file; raise BrochureError listing every problem."""
    located = load_located(path)
    return validate(located), located


M = typing.TypeVar("M", bound=Record)


def validate(located: Located, model: type[M] = Brochure) -> M:
    """Validate parsed YAML against a model; raise BrochureError with every problem."""
    if not isinstance(located.data, dict):
        raise BrochureError([Issue(
            "the file must be a set of fields (key: value)", located.file, 1, 1)])
    try:
        return model.read(located.data)
    except Invalid as exc:
        issues = [_issue(err, located, model) for err in exc.errors]
        raise BrochureError(sorted(issues, key=lambda i: (i.line, i.col))) from None


def _issue(err: dict, located: Located, root: type[Record]) -> Issue:
    loc = tuple(err["loc"])
    line, col = located.where(loc)
    return Issue(_message(err, loc, root), located.file, line, col, dotted(loc))


def _message(err: dict, loc: tuple, root: type[Record]) -> str:
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if kind == "extra_forbidden":
        return _unknown_key(root, loc)
    if kind == "missing":
        return f"'{loc[-1]}' is required — add it{_example(root, loc)}"
    if kind in ("string_too_short", "blank") or (kind == "string_type" and value is None):
        return "is empty — write the text" + ("" if _required(root, loc) else
                                               ", or remove the line")
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters) — shorten it"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s) — add one, or remove the field"
    if kind == "too_long":
        return (f"has {ctx.get('actual_length')} items; at most {ctx.get('max_length')} "
                "are allowed — remove some")
    if kind == "literal_error":
        return _choice(value, ctx.get("expected", ""))
    if kind == "string_pattern_mismatch":
        return _pattern_hint(loc, value)
    if kind in ("model_type", "dict_type"):
        return f"must be a group of fields (key: value), not {_kind(value)}"
    if kind in ("list_type", "tuple_type"):
        return f"must be a list (lines starting with '- '), not {_kind(value)}"
    if kind in ("string_type", "str_type"):
        return f"must be text, not {_kind(value)} — put it in quotes if it is meant as text"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false, not {_number(value)}"
    if kind.startswith(("float", "int")):
        return f"must be a plain number (e.g. 3), not {_number(value)}"
    if kind.startswith(("greater", "less")):
        limits = " and ".join(f"{words} {_number(ctx[key])}" for key, words in (
            ("ge", "at least"), ("gt", "more than"), ("le", "at most"), ("lt", "less than"))
            if key in ctx)
        written = value if isinstance(value, str) else _number(value)  # (a CSV cell: text)
        return f"must be {limits}, not {written}"
    return err["msg"]


def _number(value: object) -> str:
    """10.0 as 10, 2.5 as 2.5: a limit or a value as the user would write it (shortened
    if it is very long)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "…"


def _required(root: type[Record], loc: tuple) -> bool:
    parent = model_at(root, loc[:-1])
    field = parent.fields().get(str(loc[-1])) if parent else None
    return bool(field and field.required)


def _kind(value: object) -> str:
    if value is None:
        return "nothing (the field is empty)"
    return {dict: "a group of fields", list: "a list", str: f"the text {value!r}",
            bool: f"{value}".lower()}.get(type(value), f"{value!r}")


def model_at(root: type[Record], loc: tuple) -> type[Record] | None:
    """The model class that owns the field at loc (walking lists and optionals)."""
    model: object = root
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, Record)):
            return None
        field = model.fields().get(part)
        if field is None:
            return None
        model = inner_model(field.annotation) or field.annotation
    return model if isinstance(model, type) and issubclass(model, Record) else None


def has_field(root: type[Record], path: tuple) -> bool:
    """Is path a field of the model (list indexes allowed anywhere)?"""
    names = [p for p in path if not isinstance(p, int)]
    parent = model_at(root, tuple(names[:-1]))
    return bool(names) and parent is not None and names[-1] in parent.fields()


def inner_model(annotation: object) -> type[Record] | None:
    """The model inside an annotation such as `Hero | None` or `list[Stat]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    for arg in typing.get_args(annotation) or ():
        inner = inner_model(arg)
        if inner is not None:
            return inner
    return None


def _unknown_key(root: type[Record], loc: tuple) -> str:
    key = str(loc[-1])
    parent = model_at(root, loc[:-1])
    known = list(parent.fields()) if parent else []
    close = closest(key, known) or [
        k for k in known if key.startswith(k + "_") or key.startswith(k + "-")][:1]
    if close:
        return f"unknown key '{key}' — did you mean '{close[0]}'?"
    return f"unknown key '{key}' — allowed here: {', '.join(known)}"


def _choice(value: object, expected: str) -> str:
    options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",")]
    close = [o for o in options if o.lower() == str(value).lower()] or closest(str(value),
                                                                              options)
    hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(options)}"
    return f"'{value}' is not allowed — {hint}"


def _example(root: type[Record], loc: tuple) -> str:
    parent = model_at(root, loc[:-1])
    field = parent.fields().get(str(loc[-1])) if parent else None
    if field and field.examples:
        return f", e.g. {loc[-1]}: {field.examples[0]}"
    return ""


def _pattern_hint(loc: tuple, value: object) -> str:
    if loc[-1] == "url":
        return f"{value!r} is not a web address — write it in full, e.g. https://example.org/page"
    if loc[-1] == "language":
        return f"{value!r} is not a language tag — use e.g. en-GB, de-DE, fr-FR"
    if loc[-1] == "rgb":
        return (f"{value!r} is not a screen colour — write # and six hexadecimal digits, "
                "e.g. '#1A3C6E'")
    return f"{value!r} has the wrong form"
