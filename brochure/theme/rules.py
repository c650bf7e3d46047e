"""What a theme must be beyond its types: every colour it names defined, its files usable
fonts and SVG, its reference pattern a regular expression, and its sizes workable on the
page format (columns wide enough for words, the footer clear of the cutter and the text, the
logo within the margins). Each problem is reported at its line in the theme file."""

from __future__ import annotations

import re
from pathlib import Path

from brochure.content.yamlpos import Located
from brochure.draw.icons import load_svg
from brochure.errors import BrochureError, Issue
from brochure.theme.fonts import WEIGHTS as FONT_KEYS
from brochure.theme.fonts import register_fonts
from brochure.theme.model import Theme

MIN_COLUMN_MM = 30  # narrower, even short words start to break badly


def check_theme(theme: Theme, located: Located) -> None:
    """The rules that hold whatever the page format."""
    _check_references(theme, located)


def check_on_page(theme: Theme, located: Located) -> None:
    """The rules that depend on the page format's sizes."""
    _check_columns(theme, located)
    _check_footer(theme, located)
    _check_logo_fits(theme, located)


def _check_references(theme: Theme, located: Located) -> None:
    issues = _pattern_issues(theme, located)
    colour_uses = [(("type", name, "colour"), style.colour) for name, style in theme.type]
    colour_uses += [((part, key), getattr(getattr(theme, part), key)) for part, key in (
        ("hero", "shade_colour"), ("stats", "panel_colour"), ("stats", "rule_colour"),
        ("stats", "icon_colour"), ("footer", "rule_colour"))]
    if theme.logo:
        colour_uses.append((("logo", "colour"), theme.logo.colour))
    for where, name in colour_uses:
        if name not in theme.colours:
            line, col = located.where(where)
            issues.append(Issue(
                f"colour '{name}' is not defined — add it under colours, or use one of: "
                f"{', '.join(theme.colours)}", located.file, line, col, ".".join(where)))
    files = [(("fonts", key), Path(getattr(theme.fonts, key)), "font", "TTF") for key in FONT_KEYS]
    if theme.logo:
        files.append((("logo", "file"), Path(theme.logo.file), "logo", "SVG"))
    for where, path, kind, ext in files:
        if not _is_file(path):
            line, col = located.where(where)
            issues.append(Issue(f"{kind} file not found: {path} — ship the {ext} beside the "
                                "theme", located.file, line, col, ".".join(where)))
    if theme.logo and _is_file(Path(theme.logo.file)):
        issues += _logo_issues(theme.logo.file, located)
    if issues:
        raise BrochureError(issues)
    _check_fonts(theme, located)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a NUL byte, or a name the system refuses
        return False


def _pattern_issues(theme: Theme, located: Located) -> list[Issue]:
    try:
        re.compile(theme.veeva_id_pattern)
    except re.error as exc:
        line, col = located.where(("veeva_id_pattern",))
        return [Issue(f"is not a valid regular expression ({exc}) — e.g. ^[A-Z]{{2}}-\\d{{5}}$",
                      located.file, line, col, "veeva_id_pattern")]
    return []


def _check_fonts(theme: Theme, located: Located) -> None:
    """The four files must be fonts ReportLab can embed; reported at the theme's lines."""
    try:
        register_fonts(theme.fonts)
    except BrochureError as exc:
        issues = []
        for issue in exc.issues:
            line, col = located.where(tuple(issue.field.split(".")))
            issues.append(Issue(issue.message, located.file, line, col, issue.field))
        raise BrochureError(issues) from None


def _logo_issues(path: str, located: Located) -> list[Issue]:
    try:
        load_svg(Path(path))
    except ValueError as exc:  # (unreadable files come as ValueError too)
        line, col = located.where(("logo", "file"))
        return [Issue(f"{Path(path).name} is not a usable SVG ({exc}) — save it as plain SVG "
                      "with paths or shapes", located.file, line, col, "logo.file")]
    return []


def _check_logo_fits(theme: Theme, located: Located) -> None:
    """The logo, at its height, must fit between the margins of this format's page."""
    if not theme.logo:
        return
    vector = load_svg(Path(theme.logo.file))
    width = theme.logo.height_mm * vector.w / vector.h
    room = theme.page.width_mm - theme.margins.left_mm - theme.margins.right_mm
    if width > room:
        line, col = located.where(("logo", "height_mm"))
        raise BrochureError([Issue(
            f"the logo is {width:.0f} mm wide at {theme.logo.height_mm:g} mm high; the "
            f"{theme.page.name} page has {room:.0f} mm between its margins — lower "
            "logo.height_mm, or use a narrower logo", located.file, line, col,
            "logo.height_mm")])


def _check_columns(theme: Theme, located: Located) -> None:
    """The text columns must be wide enough to set words in."""
    grid = theme.grid
    room = theme.page.width_mm - theme.margins.left_mm - theme.margins.right_mm
    column = (room - (grid.body_columns - 1) * grid.gutter_mm) / grid.body_columns
    if column < MIN_COLUMN_MM:
        set_here = [w for w in (("grid", "body_columns"), ("grid", "gutter_mm"),
                                ("margins", "left_mm"), ("margins", "right_mm"))
                    if w in located.positions]
        where = (set_here or [("grid", "body_columns")])[0]
        line, col = located.where(where)
        raise BrochureError([Issue(
            f"{grid.body_columns} text columns with {grid.gutter_mm:g} mm gutters leave "
            f"{column:.0f} mm per column on the {theme.page.name} page (at least "
            f"{MIN_COLUMN_MM} mm are needed) — use fewer columns, narrower gutters or margins",
            located.file, line, col, ".".join(where))])


def _check_footer(theme: Theme, located: Located) -> None:
    """The footer sits below the text, above the trim's unsafe strip, under its rule."""
    footer, bottom = theme.footer, theme.margins.bottom_mm
    problem = None
    if footer.baseline_mm < theme.safe_mm:
        problem = (("footer", "baseline_mm"), f"the footer would sit {footer.baseline_mm:g} mm "
                   f"from the trim, inside the {theme.safe_mm:g} mm the cutter may take — "
                   f"use at least {theme.safe_mm:g}")
    elif not footer.baseline_mm < footer.rule_mm <= bottom:
        problem = (("footer", "rule_mm"), f"the footer rule must be above the footer "
                   f"({footer.baseline_mm:g} mm) and below the text ({bottom:g} mm, the bottom "
                   f"margin) — it is at {footer.rule_mm:g} mm")
    if problem:
        (where, message) = problem
        line, col = located.where(where)
        raise BrochureError([Issue(message, located.file, line, col, ".".join(where))])
