"""Load YAML into plain Python values while remembering where every field stands.

Positions are keyed by field path tuples such as ("stats", 2, "label") and hold the
1-based (line, column) of the key (for mapping entries) or the item (for list items).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from brochure.errors import BrochureError, Issue

Path = tuple[Any, ...]


@dataclass
class Located:
    """A parsed YAML document and the position of each field in it."""

    data: Any
    file: str
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    spans: dict[Path, tuple[int, int]] = field(default_factory=dict)  # a scalar's source
    source: str = ""  # the file's text, that spans index

    def where(self, path: Path) -> tuple[int, int]:
        """The position of the deepest known ancestor of path (or 1:1)."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.positions:
                return self.positions[path[:cut]]
        return (1, 1)

    def where_char(self, path: Path, char: str) -> tuple[int, int]:
        """The position of char's first appearance in the field's value as written, else
        of the field (an escape such as "\\u00e9" is not found as the character)."""
        start, end = self.spans.get(path, (0, 0))
        found = self.source.find(char, start, end) if end > start else -1
        return _line_col(self.source, found) if found >= 0 else self.where(path)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, loader, file: str):
        self.loader = loader
        self.file = file
        self.positions: dict[Path, tuple[int, int]] = {}
        self.spans: dict[Path, tuple[int, int]] = {}
        self.issues: list[Issue] = []
        self.count = 0

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            line, col = _mark(node)
            raise BrochureError([Issue("the file has far more values than a brochure needs "
                                       "(aliases expanding?) — simplify it", self.file, line, col)])
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self._item(child, path + (i,)) for i, child in enumerate(node.value)]
        return self._scalar(node, path)

    def _scalar(self, node: yaml.Node, path: Path):
        self.spans[path] = (node.start_mark.index, node.end_mark.index)
        try:
            return _as_written(self.loader.construct_object(node, deep=True), node)
        except (ValueError, TypeError, AttributeError, yaml.constructor.ConstructorError):
            line, col = _mark(node)
            self.issues.append(Issue(f"'{node.value}' cannot be read as {node.tag.split(':')[-1]}"
                                     " — remove the !!tag or fix the value", self.file, line, col,
                                     _dotted(path)))
            return None

    def _item(self, node: yaml.Node, path: Path) -> Any:
        self.positions[path] = _mark(node)
        return self.build(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        self.loader.flatten_mapping(node)
        result: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or not key.strip():
                line, col = _mark(key_node)
                self.issues.append(Issue("a key must be a plain word followed by ':' — check "
                                         "the indentation", self.file, line, col, _dotted(path)))
                continue
            if key in result:
                line, col = _mark(key_node)
                self.issues.append(Issue(
                    f"'{key}' is given twice — keep one of them",
                    self.file, line, col, _dotted(path + (key,))))
                continue
            self.positions[path + (key,)] = _mark(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result


class WrittenInt(int):
    """A whole number that YAML read from other digits (0600 is octal 384, 24:7 is base-60
    1447, 1_000): `written` keeps them, for a field that takes it as text."""

    written: str


class WrittenFloat(float):
    """A number that YAML read from other digits (1.50 is 1.5): `written` keeps them."""

    written: str


def _as_written(value: Any, node: yaml.Node) -> Any:
    """Numbers keep the digits typed, where those differ from the number's own form."""
    kind = {int: WrittenInt, float: WrittenFloat}.get(type(value))
    if kind is None or node.style or str(value) == node.value:  # (style: quoted or block)
        return value
    number = kind(value)
    number.written = node.value
    return number


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted


Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~40x faster
MAX_NODES = 50_000  # more than any brochure needs; stops alias "billion laughs" expansion


def load_yaml(text: str, file: str) -> Located:
    """Parse YAML text; raise BrochureError with located issues on any syntax problem."""
    loader = None
    try:
        loader = Loader(text)
        node = loader.get_single_node()
        if node is None:
            raise BrochureError([Issue("the file is empty — start from the example content.yaml",
                                       file, 1, 1)])
        builder = _Builder(loader, file)
        data = builder.build(node, ())
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        raise BrochureError([Issue(
            f"an invisible control character (U+{exc.character:04X}) is in the text — "
            "delete it (it often comes from copy and paste)", file, line, col)]) from None
    except yaml.MarkedYAMLError as exc:
        raise BrochureError([_syntax_issue(exc, file, text)]) from None
    except yaml.YAMLError as exc:
        raise BrochureError([Issue(f"YAML syntax: {exc}", file)]) from None
    except RecursionError:
        raise BrochureError([Issue("the file nests too deeply (or an alias refers to itself) — "
                                   "simplify its structure", file, 1, 1)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if builder.issues:
        raise BrochureError(builder.issues)
    return Located(data, file, builder.positions, builder.spans, text)


def _line_col(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _syntax_issue(exc: yaml.MarkedYAMLError, file: str, text: str) -> Issue:
    problem = exc.problem or "the YAML cannot be read"
    if "cannot start any token" in problem and exc.problem_mark:
        char = _char_at(text, exc.problem_mark)
        problem = f"found character {char!r} that cannot start any token"
    context = exc.context or ""
    unclosed = ("quoted scalar" in context or "flow" in context) and exc.context_mark
    mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if unclosed and "quoted" in context:
        return Issue("a quote that opens here is never closed — add the closing quote",
                     file, line, col)
    if unclosed:
        return Issue("a bracket that opens here is never closed — add the closing ] or }, "
                     "or put the text in quotes", file, line, col)
    runaway = _runaway_quote(text, line)
    if runaway:
        return Issue(f"the quote that opens here closes only on line {line}, where reading "
                     f"fails — add the closing quote on this line (or, if the text is meant "
                     f"to go on, check what follows the quote on line {line})", file, *runaway)
    return Issue(f"{_plain(problem)} — {_yaml_hint(problem)}", file, line, col)


# a value that starts with a quote, after a key ("key: ") or a list dash ("- "), not a
# quotation inside a plain value that goes on from the line before
QUOTED_VALUE = re.compile(
    r"""^[ \t]*(?:-[ \t]+(?:[^\s#'"][^#:]*:[ \t]+)?|[^\s#'"-][^#:]*:[ \t]+)(["'])""")


def _runaway_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """(line, column) of a quoted value that opens on an earlier line and, left open, closes
    only on the line where reading failed: the likely mistake (PyYAML reports the end)."""
    lines = text.split("\n")
    start = 0
    for number, line in enumerate(lines[:error_line - 1], 1):
        opening = QUOTED_VALUE.match(line)
        if opening:
            at = start + opening.start(1)
            closes = _closing_quote(text, at)
            if closes is not None and text.count("\n", at, closes) and \
                    text.count("\n", 0, closes) + 1 == error_line:
                return number, opening.start(1) + 1
        start += len(line) + 1
    return None


def _closing_quote(text: str, at: int) -> int | None:
    """Where the quoted scalar opening at text[at] closes (YAML's escapes), or None."""
    quote, i = text[at], at + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _char_at(text: str, mark) -> str:
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else "?"


def _plain(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a ': ' inside a value makes it look like a new key"
    if "expected <block end>" in problem or "block mapping" in problem:
        return "the indentation does not line up with the lines above"
    if "'\\t'" in problem:
        return "a tab character is used for indentation"
    return f"YAML syntax: {problem}"


def _yaml_hint(problem: str) -> str:
    if "tab" in problem or "'\\t'" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:  # PyYAML: "here"; libyaml: "in this context"
        return "put text that contains ': ' in quotes"
    if "found character" in problem and ("'@'" in problem or "'`'" in problem):
        return "put text that starts with @ or ` in quotes"
    if "expected <block end>" in problem or "block mapping" in problem:
        return "indent each field of a group by the same number of spaces"
    if "could not find expected ':'" in problem:
        return "check that every key ends with ':'"
    return "check the line and the one before it (quotes, colons, indentation)"
