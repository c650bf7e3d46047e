"""Find, merge and validate theme files; resolve their font paths."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from brochure.content.validate import read_text, validate
from brochure.content.yamlpos import Located, load_yaml
from brochure.errors import BrochureError, Issue
from brochure.theme.model import Theme

ASSETS = Path(__file__).resolve().parents[2] / "assets"
DEFAULT_THEME = ASSETS / "themes" / "default.yaml"
FORMATS = ASSETS / "formats"
FONT_KEYS = ("regular", "italic", "bold", "bold_italic")


def _read(path: Path) -> Located:
    """The theme file parsed, its font paths made absolute. Kept while the file is unchanged
    (a watch session or a batch reads the same themes for every build): never mutate it."""
    try:
        stat = path.stat()
    except OSError:
        return _parse(path)  # read_text reports the problem
    return _parse_cached(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _parse_cached(path: Path, _mtime_ns: int, _size: int) -> Located:
    return _parse(path)


def _parse(path: Path) -> Located:
    located = load_yaml(read_text(path), str(path))
    fonts = located.data.get("fonts") if isinstance(located.data, dict) else None
    if isinstance(fonts, dict):
        for key in FONT_KEYS:
            if isinstance(fonts.get(key), str):
                fonts[key] = str((path.parent / fonts[key]).resolve())
    return located


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict) and key != "colours":
            merged[key] = _merge(merged[key], value)
        elif key == "colours" and isinstance(value, dict):
            merged[key] = {**merged.get(key, {}), **value}
        else:
            merged[key] = value
    return merged


def load_theme(path: Path | None = None, page_format: str = "A4") -> Theme:
    """The default theme, the page format's adjustments, then the file at `path` (if any)."""
    located = _read(DEFAULT_THEME)
    for layer in (FORMATS / f"{page_format}.yaml", path):
        if layer is None:
            continue
        override = _read(layer)
        if not isinstance(override.data, dict):
            raise BrochureError([Issue("a theme must be a set of fields", str(layer), 1, 1)])
        located = Located(_merge(located.data, override.data), str(layer), override.positions)
    theme = validate(located, Theme)
    _check_references(theme, located)
    return theme


def _check_references(theme: Theme, located: Located) -> None:
    issues = []
    for name, style in theme.type:
        if style.colour not in theme.colours:
            line, col = located.where(("type", name, "colour"))
            issues.append(Issue(
                f"colour '{style.colour}' is not defined — add it under colours, or use one of: "
                f"{', '.join(theme.colours)}", located.file, line, col, f"type.{name}.colour"))
    for key in FONT_KEYS:
        font = Path(getattr(theme.fonts, key))
        if not font.is_file():
            line, col = located.where(("fonts", key))
            issues.append(Issue(f"font file not found: {font} — ship the TTF beside the theme",
                                located.file, line, col, f"fonts.{key}"))
    if issues:
        raise BrochureError(issues)
