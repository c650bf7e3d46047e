"""Variants of one brochure: read a variants file (YAML or CSV), apply a variant to the base.

A variant has a `name` (its output file name) and overrides of base-content fields given as
dotted paths (`compliance.veeva_id`, `stats.0.value`) or, in YAML, nested mappings. Applying
one gives a Located that still belongs to the base file (so relative paths resolve beside it);
`name_issues` moves problems with overridden fields to the variants file and names the variant.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brochure.content.model import Brochure
from brochure.content.validate import has_field, inner_model, read_text
from brochure.content.yamlpos import Located, dotted, load_yaml
from brochure.errors import BrochureError, Issue, closest
from brochure.records import Record

FieldPath = tuple[Any, ...]
VEEVA = ("compliance", "veeva_id")
SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")


@dataclass(frozen=True)
class Variant:
    """One variant: its name, its overrides by field path, and where it stands in its file."""

    name: str
    overrides: dict[FieldPath, Any]
    line: int = 0
    file: str = ""
    col: int = 1
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: FieldPath) -> tuple[int, int]:
        return self.positions.get(path, (self.line, self.col))


def load_variants(path: Path) -> list[Variant]:
    """Read a .csv or .yaml variants file; raise BrochureError listing every problem."""
    path = Path(path)
    text = read_text(path)
    if path.suffix.lower() in (".csv", ".tsv"):
        variants, issues = _from_csv(text, str(path))
    else:
        variants, issues = _from_yaml(text, str(path))
    issues += _name_issues(variants) + shared_id_issues(variants)
    if issues:
        raise BrochureError(sorted(issues, key=lambda i: (i.line, i.col)))
    return [v for v in variants if v.name]


def parse_path(text: str) -> FieldPath:
    """'stats.0.value' -> ('stats', 0, 'value')."""
    return tuple(int(p) if p.isdigit() else p for p in text.strip().split("."))


# --- YAML ---------------------------------------------------------------------------------

def _from_yaml(text: str, file: str) -> tuple[list[Variant], list[Issue]]:
    located = load_yaml(text, file)
    data, prefix = located.data, ()
    if isinstance(data, dict) and set(data) == {"variants"}:
        data, prefix = data["variants"], ("variants",)
    if not isinstance(data, list):
        return [], [Issue("a variants file is a list of variants ('- name: ...'), or "
                          "'variants:' followed by that list", file, 1, 1)]
    variants: list[Variant] = []
    issues: list[Issue] = []
    for i, item in enumerate(data):
        line, col = located.where(prefix + (i,))
        if not isinstance(item, dict):
            issues.append(Issue("each variant must be a group of fields (name: ..., and the "
                                "fields it changes)", file, line, col, f"variant {i + 1}"))
            continue
        overrides, positions = _flatten(item, prefix + (i,), located)
        name = overrides.pop(("name",), None)
        variants.append(Variant("" if name is None else str(name).strip(), overrides, line,
                                file, col, positions))
    return variants, issues


def _flatten(item: dict, at: FieldPath, located: Located) -> tuple[dict, dict]:
    """Nested mappings and dotted keys -> {field path: value}, with each key's position."""
    overrides: dict[FieldPath, Any] = {}
    positions: dict[FieldPath, tuple[int, int]] = {}
    for key, value in item.items():
        path = parse_path(key)
        if isinstance(value, dict) and value and key != "name":
            inner, inner_pos = _flatten(value, at + (key,), located)
            overrides.update({path + k: v for k, v in inner.items()})
            positions.update({path + k: p for k, p in inner_pos.items()})
        else:
            overrides[path] = value
            positions[path] = located.where(at + (key,))
    return overrides, positions


# --- CSV ----------------------------------------------------------------------------------

def _from_csv(text: str, file: str) -> tuple[list[Variant], list[Issue]]:
    lines = text.splitlines(keepends=True)
    if not "".join(lines).strip():
        return [], [Issue("the file is empty — the first row names the columns "
                          "(name, compliance.veeva_id, ...)", file, 1, 1)]
    delimiter = max(",;\t", key=next(x for x in lines if x.strip()).count)
    records = [r for r in _csv_records(text, delimiter, file) if any(c.strip() for c in r[1])]
    header_line, header = records[0][0], [h.strip() for h in records[0][1]]
    rows = records[1:]
    issues = _column_issues(header, [r[1] for r in rows], file, header_line, lines, delimiter)
    if issues:
        return [], issues
    return [_csv_variant(header, r, file, lines, delimiter) for r in rows], _row_issues(
        header, rows, file)


def _csv_records(text: str, delimiter: str, file: str) -> list[tuple[int, list[str]]]:
    """(first line number, cells) for each record, multi-line quoted cells included."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records, line = [], 1
    try:
        for cells in reader:
            records.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise BrochureError([Issue(f"cannot be read as CSV ({exc}) — check the quotes: a cell "
                                   'that starts with " must end with "', file, line, 1)]) from None
    return records


def _cell_cols(line_text: str, delimiter: str) -> list[int]:
    """1-based character column where each cell of a CSV line starts."""
    cols, quoted = [1], False
    for i, ch in enumerate(line_text):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            cols.append(i + 2)
    return cols


def _col(lines: list[str], line: int, index: int, delimiter: str) -> int:
    cols = _cell_cols(lines[line - 1] if line <= len(lines) else "", delimiter)
    return cols[index] if index < len(cols) else 1


def _column_issues(header: list[str], rows: list[list[str]], file: str, line: int,
                   lines: list[str], delimiter: str) -> list[Issue]:
    issues = []
    if "name" not in header:
        issues.append(Issue("no 'name' column — add one: it names each variant's PDF",
                            file, line, 1))
    for index, title in enumerate(header):
        used = any(index < len(r) and r[index].strip() for r in rows)
        col = _col(lines, line, index, delimiter)
        if not title and used:
            issues.append(Issue(f"column {index + 1} has values but no name — name the field it "
                                "changes (e.g. event.name) in the first row", file, line, col))
        elif title and title != "name" and not used and not has_field(Brochure, parse_path(title)):
            issues.append(Issue(f"column '{title}' is empty and is not a content field"
                                f"{_did_you_mean(parse_path(title))} — fix it or delete it",
                                file, line, col, title))
        elif header.count(title) > 1 and title and header.index(title) != index:
            issues.append(Issue(f"column '{title}' is given twice — keep one", file, line, col))
    return issues


def _row_issues(header: list[str], rows: list[tuple[int, list[str]]], file: str) -> list[Issue]:
    return [Issue(f"this row has {len(cells)} cells but the first row names {len(header)} "
                  "columns — check for a stray comma, or quote text that contains one",
                  file, line, 1) for line, cells in rows
            if any(c.strip() for c in cells[len(header):])]


def _csv_variant(header: list[str], record: tuple[int, list[str]], file: str,
                 lines: list[str], delimiter: str) -> Variant:
    line, cells = record
    values = dict(zip(header, cells, strict=False))
    overrides, positions = {}, {}
    for index, (title, value) in enumerate(zip(header, cells, strict=False)):
        if title and title != "name" and value.strip():
            path = parse_path(title)
            overrides[path] = value.strip()
            positions[path] = (line, _col(lines, line, index, delimiter))
    return Variant(values.get("name", "").strip(), overrides, line, file, 1, positions)


# --- checks -------------------------------------------------------------------------------

def _name_issues(variants: list[Variant]) -> list[Issue]:
    issues, seen = [], {}
    for v in variants:
        if not v.name:
            issues.append(Issue("this variant has no name — add one (it becomes the PDF's file "
                                "name)", v.file, v.line, v.col, "name"))
        elif not SLUG.match(v.name):
            issues.append(Issue(f"name '{v.name}' cannot be a file name — use letters, digits, "
                                f"'-' and '_' only, e.g. '{slug(v.name)}'", v.file,
                                *v.where(("name",)), "name"))
        key = v.name.lower()
        if key and key in seen:
            issues.append(Issue(f"name '{v.name}' is also used on line {seen[key].line} — give "
                                "each variant its own name", v.file, v.line, v.col, "name"))
        seen.setdefault(key, v)
    return issues + _digital_clashes(variants, seen)


def _digital_clashes(variants: list[Variant], names: dict[str, Variant]) -> list[Issue]:
    """'x-digital' would overwrite the digital edition of variant 'x' (x-digital.pdf)."""
    return [Issue(f"name '{v.name}' is the file name of the digital edition of variant "
                  f"'{v.name[:-8]}' — choose another name", v.file, v.line, v.col, "name")
            for v in variants if v.name.lower().endswith("-digital")
            and v.name.lower()[:-8] in names]


def shared_id_issues(variants: list[Variant], base_id: str | None = None) -> list[Issue]:
    """Variants sharing a Veeva ID with each other or with the base content (one that sets
    none inherits base_id, when given): each variant is material of its own."""
    issues, seen = [], {}
    for v in variants:
        given = v.overrides.get(VEEVA)
        inherited = given in (None, "")
        veeva = base_id if inherited else str(given).strip()
        if not veeva:
            continue
        if veeva == base_id:
            how = ("sets no Veeva ID, so it would print the base content's" if inherited
                   else "uses the base content's Veeva ID")
            issues.append(Issue(
                f"variant '{v.name}' {how}, '{veeva}' — each variant is material of its own "
                "and needs its own Veeva ID: set compliance.veeva_id for it",
                v.file, *v.where(VEEVA), "compliance.veeva_id"))
        elif veeva in seen:
            first = seen[veeva]
            issues.append(Issue(
                f"Veeva ID '{veeva}' of variant '{v.name}' is also the ID of variant "
                f"'{first.name}' on line {first.line} — each variant needs its own Veeva ID",
                v.file, *v.where(VEEVA), "compliance.veeva_id"))
        seen.setdefault(veeva, v)
    return issues


def missing_id_issues(variants: list[Variant]) -> list[Issue]:
    """Variants that set no Veeva ID, for a base content that has none either."""
    return [Issue(f"variant '{v.name}' sets no Veeva ID, and the base content has none — "
                  "set compliance.veeva_id for it", v.file, *v.where(VEEVA),
                  "compliance.veeva_id")
            for v in variants if v.overrides.get(VEEVA) in (None, "")]


# letters that no accent-stripping turns into ASCII ('København Ø' → 'kobenhavn-o')
UNACCENTED = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d",
                            "þ": "th", "ð": "d", "ı": "i"})


def slug(text: str) -> str:
    """A file-name-safe form of a name: 'Zürich Süd' → 'zurich-sud'."""
    plain = unicodedata.normalize("NFKD", text.lower().translate(UNACCENTED))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "variant"


def _did_you_mean(path: FieldPath) -> str:
    names = [".".join(map(str, p)) for p in _all_paths(Brochure, ())]
    close = closest(".".join(map(str, path)), names)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _all_paths(model: type[Record], at: FieldPath) -> list[FieldPath]:
    out = []
    for name, info in model.fields().items():
        inner = inner_model(info.annotation)
        out += _all_paths(inner, at + (name,)) if inner else [at + (name,)]
    return out


# --- applying -----------------------------------------------------------------------------

def apply(base: Located, variant: Variant) -> Located:
    """The base content with the variant's overrides; raise BrochureError for a bad path."""
    data = copy.deepcopy(base.data)
    issues = []
    for path, value in variant.overrides.items():
        problem = _set(data, path, value)
        if problem:
            issues.append(Issue(f"variant '{variant.name}': {problem}", variant.file,
                                *variant.where(path), dotted(path)))
    if issues:
        raise BrochureError(issues)
    def kept(table: dict) -> dict:  # an overridden field is no longer where the base has it
        return {p: at for p, at in table.items()
                if not any(p[:len(o)] == o for o in variant.overrides)}
    return Located(data, base.file, kept(base.positions), kept(base.spans), base.source)


def _set(data: Any, path: FieldPath, value: Any) -> str | None:
    """Set data at path, creating missing mappings on the way; return a problem, or None."""
    node = data
    for depth, part in enumerate(path):
        problem = _step_problem(node, part, path[:depth])
        if problem:
            return problem
        if depth == len(path) - 1:
            node[part] = value
        else:
            if isinstance(part, str) and node.get(part) is None:
                node[part] = {}
            node = node[part]
    return None


def _step_problem(node: Any, part: Any, before: FieldPath) -> str | None:
    where = f"'{dotted(before)}'" if before else "the base content"
    if isinstance(part, int) and not isinstance(node, list):
        return f"{where} is not a list, so it has no item {part}"
    if isinstance(part, int) and part >= len(node):
        return (f"there is no item {part} in {where} (it has {len(node)}; items count from "
                "0) — add the item to the base content first")
    if isinstance(part, str) and not isinstance(node, dict):
        return f"{where} is not a group of fields, so it has no '{part}'"
    return None


def name_issues(variant: Variant, issues: list[Issue]) -> list[Issue]:
    """Issues of a built variant: prefixed with its name; overridden fields point at its line."""
    named = []
    for issue in issues:
        message = f"variant '{variant.name}': {issue.message}"
        path = _override_for(variant, issue.field)
        if path is None:
            named.append(Issue(message, issue.file, issue.line, issue.col, issue.field,
                               issue.severity))
        else:
            named.append(Issue(message, variant.file, *variant.where(path), issue.field,
                               issue.severity))
    return named


def _override_for(variant: Variant, field_name: str) -> FieldPath | None:
    """The override that field_name is (or lies inside, or contains), longest first."""
    if not field_name:
        return None
    for path in sorted(variant.overrides, key=len, reverse=True):
        text = dotted(path)
        if field_name == text or field_name.startswith((text + ".", text + "[")) or \
                text.startswith((field_name + ".", field_name + "[")):
            return path
    return None
