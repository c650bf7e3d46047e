"""Load YAML into plain Python values while remembering where every field stands.

Positions are keyed by field path tuples such as ("stats", 2, "label") and hold the
1-based (line, column) of the key (for mapping entries) or the item (for list items).
"""

from __future__ import annotations

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

    def where(self, path: Path) -> tuple[int, int]:
        """The position of the deepest known ancestor of path (or 1:1)."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.positions:
                return self.positions[path[:cut]]
        return (1, 1)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, loader: yaml.SafeLoader, file: str):
        self.loader = loader
        self.file = file
        self.positions: dict[Path, tuple[int, int]] = {}
        self.issues: list[Issue] = []

    def build(self, node: yaml.Node, path: Path) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self._item(child, path + (i,)) for i, child in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _item(self, node: yaml.Node, path: Path) -> Any:
        self.positions[path] = _mark(node)
        return self.build(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        self.loader.flatten_mapping(node)
        result: dict = {}
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)):
                line, col = _mark(key_node)
                self.issues.append(Issue("a key must be a plain word — check the indentation",
                                         self.file, line, col, _dotted(path)))
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


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted


def load_yaml(text: str, file: str) -> Located:
    """Parse YAML text; raise BrochureError with located issues on any syntax problem."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located({}, file)
        builder = _Builder(loader, file)
        data = builder.build(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or "the YAML cannot be read"
        hint = _yaml_hint(problem)
        raise BrochureError([Issue(f"YAML syntax: {problem} — {hint}", file, line, col)]) from None
    except yaml.YAMLError as exc:
        raise BrochureError([Issue(f"YAML syntax: {exc}", file)]) from None
    finally:
        loader.dispose()
    if builder.issues:
        raise BrochureError(builder.issues)
    return Located(data, file, builder.positions)


def _yaml_hint(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "put text that contains ': ' in quotes"
    if "found character" in problem and ("'@'" in problem or "'`'" in problem):
        return "put text that starts with @ or ` in quotes"
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "check the indentation and that every key ends with ':'"
    if "unacceptable character" in problem:
        return "remove the control character or save the file as UTF-8"
    return "check the line and the one before it (quotes, colons, indentation)"
