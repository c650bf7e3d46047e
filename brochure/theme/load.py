"""Find, read and layer theme files (default, yours, the page format), resolve their file
paths, and hand the result to the model and the theme rules."""

from __future__ import annotations

from pathlib import Path

from brochure.cache import ASSETS
from brochure.content.validate import read_text, validate
from brochure.content.yamlpos import Located, load_yaml
from brochure.errors import BrochureError, Issue
from brochure.recent import Recent
from brochure.stamps import per_stamp, stamp
from brochure.theme.fonts import WEIGHTS as FONT_KEYS
from brochure.theme.model import Theme
from brochure.theme.rules import check_on_page, check_theme, is_file, not_found

DEFAULT_THEME = ASSETS / "themes" / "default.yaml"
FORMATS = ASSETS / "formats"
FILE_FIELDS = [*(("fonts", key) for key in FONT_KEYS), ("logo", "file")]  # paths in a theme


@per_stamp(maxsize=16)
def _read(name: str) -> Located:
    """The theme file parsed, its file paths made absolute. Kept while the file is unchanged
    (a watch session or a batch reads the same themes for every build): never mutate it."""
    path = Path(name)
    located = load_yaml(read_text(path), name)
    data = located.data if isinstance(located.data, dict) else {}
    for section, key in FILE_FIELDS:
        files = data.get(section)
        if isinstance(files, dict) and isinstance(files.get(key), str) \
                and "\x00" not in files[key]:
            files[key] = str((path.parent / files[key]).resolve())
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


_loaded = Recent(8)


def load_theme(path: Path | None = None, page_format: str = "A4") -> Theme:
    """The theme for these files, checked; kept while none of the theme files, nor the
    font and logo files they name, changes (a batch or a watch session loads it again and
    again). See _load_theme."""
    layers = [DEFAULT_THEME, *([path] if path else []), FORMATS / f"{page_format}.yaml"]
    files = layers + named_files(path)
    key = (page_format, *((str(f), stamp(f)) for f in files))
    return _loaded.get_or_make(key, lambda: _load_theme(path, page_format))


def _load_theme(path: Path | None, page_format: str) -> Theme:
    """The default theme, then the file at `path` (if any), then the page format's sizes.

    A theme is a brand: its fonts, colours and weights hold on every format, and its sizes
    are its A4 design. A format layer holds only sizes (page, margins, grid, type sizes, hero
    and stat band), and they win: a brand's A4 title size would not fit an A5 or DL page.
    The theme is checked on its own first, so its mistakes show whatever the format."""
    branded, found, missing = _read(DEFAULT_THEME), [], []
    if path is not None:
        theme = _layer(path)
        found = _page_issues(theme) + _partial_font_issues(theme)
        missing = _missing_file_issues(theme)
        own = {key: value for key, value in theme.data.items() if key != "page"}  # (refused)
        branded = Located(_merge(branded.data, own), theme.file, theme.positions)
    try:
        model = validate(branded, Theme)
    except BrochureError as exc:  # report the layer's own mistakes with the others
        issues = exc.issues + found + missing  # (the rules would find missing files later)
        raise BrochureError(sorted(issues, key=lambda i: (i.line, i.col))) from None
    check_theme(model, branded, found)
    size = _layer(FORMATS / f"{page_format}.yaml")
    located = Located(_merge(branded.data, size.data), branded.file, branded.positions)
    sized = validate(located, Theme)
    check_on_page(sized, located)
    return sized


def _page_issues(theme: Located) -> list[Issue]:
    if "page" not in theme.data:
        return []
    line, col = theme.where(("page",))
    return [Issue(
        "a theme does not choose the page — the size comes from the format (--format, or "
        "format: in the content) and the bleed from print.bleed_mm in the content; remove "
        "page from the theme", theme.file, line, col, "page")]


def _missing_file_issues(theme: Located) -> list[Issue]:
    """Font and logo files the theme names, as written, that are not there: reported with
    its other mistakes when it cannot be read as a theme (else the rules report them)."""
    issues = []
    for section, key in FILE_FIELDS:
        named = theme.data.get(section)
        file = named.get(key) if isinstance(named, dict) else None
        if isinstance(file, str) and not is_file(Path(file)):
            line, col = theme.where((section, key))
            issues.append(Issue(not_found(section, Path(file)), theme.file, line, col,
                                f"{section}.{key}"))
    return issues


def _partial_font_issues(theme: Located) -> list[Issue]:
    """A theme's fonts give all four faces, or none: faces it left out would come from the
    default theme, another family."""
    fonts = theme.data.get("fonts")
    if not isinstance(fonts, dict) or not fonts:
        return []
    given = [key for key in FONT_KEYS if key in fonts]
    missing = [key for key in FONT_KEYS if key not in fonts]
    if not missing:
        return []
    line, col = theme.where(("fonts",))
    if not given:
        what = (f"the theme's fonts name a family but none of its files, so the default "
                f"theme's Lato would be printed under that name — give its four files "
                f"({', '.join(FONT_KEYS)})")
    else:
        what = (f"the theme's fonts give {', '.join(given)} but not {', '.join(missing)}, "
                "which would then come from the default theme's Lato and mix two families — "
                "give all four files (one file may serve several faces, e.g. "
                "bold: MyBrand-Regular.ttf)")
    return [Issue(what, theme.file, line, col, "fonts")]


def _layer(path: Path) -> Located:
    layer = _read(path)
    if not isinstance(layer.data, dict):
        raise BrochureError([Issue("a theme must be a set of fields", str(path), 1, 1)])
    return layer


def named_files(path: Path | None) -> list[Path]:
    """The font and logo files the default theme and the theme at path name, read from the
    files as written (so a watch session can follow them even while the theme is broken)."""
    files: list[Path] = []
    for layer in (DEFAULT_THEME, path):
        try:
            data = _read(layer).data if layer is not None else None
        except BrochureError:
            continue
        for section, key in FILE_FIELDS:
            named = data.get(section) if isinstance(data, dict) else None
            if isinstance(named, dict) and isinstance(named.get(key), str):
                files.append(Path(named[key]))
    return files


def theme_files(theme: Theme) -> list[Path]:
    """The files a theme draws with (fonts, logo): what a rebuild must notice changing."""
    files = [Path(getattr(theme.fonts, key)) for key in FONT_KEYS]
    return files + ([Path(theme.logo.file)] if theme.logo else [])
