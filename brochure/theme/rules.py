"""What a theme must be beyond its types: every colour it names defined, its files usable
fonts and SVG, its reference pattern a regular expression, and its sizes workable on the
page format (columns wide enough for words, the footer clear of the cutter and the text, the
logo within the margins). Each problem is reported at its line in the theme file."""

from __future__ import annotations

import re
from pathlib import Path

from brochure.content.yamlpos import Located
from brochure.draw.icons import load_svg
from brochure.errors import BrochureError, Issue, closest
from brochure.theme.fonts import WEIGHTS as FONT_KEYS
from brochure.theme.fonts import register_fonts
from brochure.theme.model import Theme

MIN_COLUMN_MM = 30  # narrower, even short words start to break badly


def check_theme(theme: Theme, located: Located, found: list[Issue] | None = None) -> None:
    """The rules that hold whatever the page format, reported with the issues already
    `found` in the theme's own layer."""
    issues = (_pattern_issues(theme, located) + _colour_issues(theme, located)
              + _file_issues(theme, located) + (found or []))
    if issues:
        raise BrochureError(sorted(issues, key=lambda i: (i.line, i.col)))
    _check_fonts(theme, located)


def check_on_page(theme: Theme, located: Located) -> None:
    """The rules that depend on the page format's sizes."""
    for check in (_column_issues, _footer_issues, _logo_width_issues):
        issues = check(theme, located)
        if issues:
            raise BrochureError(issues)


Where = tuple[str, ...]


def _issue(located: Located, where: Where, message: str) -> Issue:
    """A problem at the theme's line for the field at `where`."""
    line, col = located.where(where)
    return Issue(message, located.file, line, col, ".".join(where))


def _text_width_mm(theme: Theme) -> float:
    return theme.page.width_mm - theme.margins.left_mm - theme.margins.right_mm


def _pattern_issues(theme: Theme, located: Located) -> list[Issue]:
    try:
        re.compile(theme.veeva_id_pattern)
    except re.error as exc:
        return [_issue(located, ("veeva_id_pattern",), f"is not a valid regular expression "
                       f"({exc}) — e.g. ^[A-Z]{{2}}-\\d{{5}}$")]
    return []


def _colour_issues(theme: Theme, located: Located) -> list[Issue]:
    """Every colour the theme names must be defined under colours."""
    uses: list[tuple[Where, str]] = [(("type", name, "colour"), style.colour)
                                     for name, style in theme.type.items()]
    uses += [((part, key), getattr(getattr(theme, part), key)) for part, key in (
        ("hero", "shade_colour"), ("stats", "panel_colour"), ("stats", "rule_colour"),
        ("stats", "icon_colour"), ("footer", "rule_colour"))]
    if theme.logo:
        uses.append((("logo", "colour"), theme.logo.colour))
    return [_issue(located, where, _undefined_colour(name, list(theme.colours)))
            for where, name in uses if name not in theme.colours]


def _undefined_colour(name: str, defined: list[str]) -> str:
    close = closest(name, defined)
    if close:
        return f"colour '{name}' is not defined — did you mean '{close[0]}'?"
    return (f"colour '{name}' is not defined — add it under colours, or use one of: "
            f"{', '.join(defined)}")


def not_found(section: str, path: Path) -> str:
    """The message for a font or logo file (by its theme section) that is not there."""
    if section == "fonts":
        return f"font file not found: {path} — ship the TTF beside the theme"
    return f"logo file not found: {path} — ship the SVG beside the theme"


def _file_issues(theme: Theme, located: Located) -> list[Issue]:
    """The font and logo files must exist; the logo must be an SVG with something to draw."""
    files: list[tuple[Where, Path]] = [
        (("fonts", key), Path(getattr(theme.fonts, key))) for key in FONT_KEYS]
    if theme.logo:
        files.append((("logo", "file"), Path(theme.logo.file)))
    issues = [_issue(located, where, not_found(where[0], path))
              for where, path in files if not is_file(path)]
    if theme.logo and not issues:
        try:
            load_svg(Path(theme.logo.file))
        except ValueError as exc:  # (unreadable files come as ValueError too)
            issues.append(_issue(located, ("logo", "file"), f"{Path(theme.logo.file).name} is "
                                 f"not a usable SVG ({exc}) — save it as plain SVG with paths "
                                 "or shapes"))
    return issues


def is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a NUL byte, or a name the system refuses
        return False


def _check_fonts(theme: Theme, located: Located) -> None:
    """The four files must be fonts ReportLab can embed; reported at the theme's lines."""
    try:
        register_fonts(theme.fonts)
    except BrochureError as exc:
        raise BrochureError([_issue(located, tuple(i.field.split(".")), i.message)
                             for i in exc.issues]) from None


def _column_issues(theme: Theme, located: Located) -> list[Issue]:
    """The text columns must be wide enough to set words in."""
    grid = theme.grid
    column = (_text_width_mm(theme) - (grid.body_columns - 1) * grid.gutter_mm) / grid.body_columns
    if column >= MIN_COLUMN_MM:
        return []
    set_here = [w for w in (("grid", "body_columns"), ("grid", "gutter_mm"),
                            ("margins", "left_mm"), ("margins", "right_mm"))
                if w in located.positions]
    return [_issue(located, (set_here or [("grid", "body_columns")])[0],
                   f"{grid.body_columns} text columns with {grid.gutter_mm:g} mm gutters leave "
                   f"{column:.0f} mm per column on the {theme.page.name} page (at least "
                   f"{MIN_COLUMN_MM} mm are needed) — use fewer columns, narrower gutters or "
                   "margins")]


def _footer_issues(theme: Theme, located: Located) -> list[Issue]:
    """The footer sits below the text, above the trim's unsafe strip, under its rule."""
    footer, bottom = theme.footer, theme.margins.bottom_mm
    if footer.baseline_mm < theme.safe_mm:
        return [_issue(located, ("footer", "baseline_mm"), f"the footer would sit "
                       f"{footer.baseline_mm:g} mm from the trim, inside the {theme.safe_mm:g} "
                       f"mm the cutter may take — use at least {theme.safe_mm:g}")]
    if not footer.baseline_mm < footer.rule_mm <= bottom:
        return [_issue(located, ("footer", "rule_mm"), f"the footer rule must be above the "
                       f"footer ({footer.baseline_mm:g} mm) and below the text ({bottom:g} mm, "
                       f"the bottom margin) — it is at {footer.rule_mm:g} mm")]
    return []


def _logo_width_issues(theme: Theme, located: Located) -> list[Issue]:
    """The logo, at its height, must fit between the margins of this format's page."""
    if not theme.logo:
        return []
    vector = load_svg(Path(theme.logo.file))
    width, room = theme.logo.height_mm * vector.w / vector.h, _text_width_mm(theme)
    if width <= room:
        return []
    return [_issue(located, ("logo", "height_mm"), f"the logo is {width:.0f} mm wide at "
                   f"{theme.logo.height_mm:g} mm high; the {theme.page.name} page has "
                   f"{room:.0f} mm between its margins — lower logo.height_mm, or use a "
                   "narrower logo")]
