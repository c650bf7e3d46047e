"""Checks on validated content that need the theme or the layout: glyphs the font lacks,
image resolution at placed size, placeholder links. They return issues; they never print."""

from __future__ import annotations

import math
from pathlib import Path

from brochure.cache import ASSETS
from brochure.content.model import Brochure
from brochure.content.yamlpos import Located, dotted
from brochure.draw.images import file_digest
from brochure.draw.stencil import image_ppi, load_stencil
from brochure.errors import Issue
from brochure.layout.items import Document, Icon, Photo, Text
from brochure.resources import Resources
from brochure.text.labels import LABELS, has_labels
from brochure.text.markup import plain_text, quoted
from brochure.text.paragraph import characters_by_font
from brochure.theme.fonts import FontSet

PPI_ERROR, PPI_WARN = 149, 224
STENCIL_PPI_WARN = 300  # a one-colour bitmap's edges (smoothed) look stepped below this
NOT_PRINTED = {"image", "icon", "language", "status", "material_type", "alt", "decorative",
               "footer"}
PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net")
STAND_IN_PHOTO = ASSETS / "images" / "hero-standin.jpg"




def printed_strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PRINTED:
                yield from printed_strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from printed_strings(item, path + (i,))


def field_texts(b: Brochure) -> dict[str, str]:
    """The text a reader sees for each printed field, keyed by its dotted path."""
    texts = {dotted(path): _plain(path, text, b.language)
             for path, text in printed_strings(b.dump())}
    if "quote.text" in texts:
        texts["quote.text"] = quoted(texts["quote.text"], b.language)
    if "hero.attribution" in texts:  # printed on the credit's line
        texts["hero.credit"] = " \u00b7 ".join(
            t for t in (texts.get("hero.credit"), texts["hero.attribution"]) if t)
    return texts


def _plain(path: tuple, text: str, language: str) -> str:
    """A field's text as printed: the pull quote's own quotes take the inner marks."""
    return plain_text(text, language, inner=path == ("quote", "text"))


def alt_text_issues(b: Brochure, located: Located, digital: bool) -> list[Issue]:
    """A photo needs alt text for screen readers unless marked decorative: an error when
    the digital edition is built, a warning for print only. Stat icons without alt text
    are treated as decorative (the figure and label already say it)."""
    if not b.hero or b.hero.alt or b.hero.decorative:
        return []
    line, col = located.where(("hero",))
    return [Issue("the photo has no alt text — add hero.alt (what it shows, for screen "
                  "readers), or hero.decorative: true if it carries no meaning",
                  located.file, line, col, "hero.alt", "error" if digital else "warning")]


def glyph_issues(b: Brochure, located: Located, fonts: FontSet) -> list[Issue]:
    issues = []
    for path, text in printed_strings(b.dump()):
        for char in fonts.missing(_plain(path, text, b.language)):
            line, col = located.where_char(path, char)
            issues.append(Issue(
                f"the font {fonts.family} has no glyph for '{char}' (U+{ord(char):04X}) — "
                "replace the character or use a theme font that has it",
                located.file, line, col, dotted(path)))
    return issues


def drawn_glyph_issues(document: Document, fonts: FontSet, located: Located) -> list[Issue]:
    """Characters the layout made (an uppercase style turns 'ɑ' into 'Ɑ') that the font
    cannot draw: checked on what will be drawn, once per field."""
    issues: dict[str, Issue] = {}
    for page in document.pages:
        for item in page.items:
            if not isinstance(item, Text) or item.field in issues:
                continue
            drawn = "".join(c for chars in characters_by_font(item.para).values() for c in chars)
            for char in fonts.missing(drawn)[:1]:
                issues[item.field] = locate(Issue(
                    f"the font {fonts.family} has no glyph for '{char}' (U+{ord(char):04X}), "
                    "which this text's style makes (capitals) — replace the character or use "
                    "a theme font that has it", field=item.field), located)
    return list(issues.values())


def locate(issue: Issue, located: Located) -> Issue:
    """Give a layout issue (which knows only its field) the file, line and column."""
    if issue.file or not issue.field:
        return issue
    path: list = []
    for part in issue.field.replace("]", "").replace("[", ".").split("."):
        path.append(int(part) if part.isdigit() else part)
    line, col = located.where(tuple(path))
    return Issue(issue.message, located.file, line, col, issue.field, issue.severity)


def resolution_issues(document: Document, res: Resources, located: Located,
                      for_print: bool = False) -> list[Issue]:
    """The photo's resolution; each bitmap icon's shape, and for print its resolution."""
    issues = []
    for page in document.pages:
        for item in page.items:
            if isinstance(item, Photo) and res.hero and item.path == str(res.hero.path):
                issues += _photo_ppi_issues(item, res.hero.width, located)
            elif isinstance(item, Icon) and _is_bitmap(item.path):
                issues += _stencil_issues(item, located, for_print)
    return issues


def _photo_ppi_issues(item: Photo, width_px: int, located: Located) -> list[Issue]:
    ppi = width_px / (item.placed.w / 72)
    if ppi >= PPI_WARN:
        return []
    needed = int(item.placed.w / 72 * 300)
    error = ppi < PPI_ERROR
    verdict = (f"below the {PPI_ERROR} ppi a printer accepts" if error
               else f"below {PPI_WARN} ppi it looks soft in print")
    return [locate(Issue(
        f"the photo prints at {ppi:.0f} ppi, {verdict} (aim for 300: {needed} px wide) — "
        "use a larger image", field=item.field, severity="error" if error else "warning"),
        located)]


def _stencil_issues(item: Icon, located: Located, for_print: bool) -> list[Issue]:
    """A bitmap icon is drawn as a one-colour shape: it needs one, and in print its edges
    step below 300 ppi."""
    stencil = load_stencil(item.path)
    if stencil.empty:
        return [locate(Issue(
            "this bitmap icon is one plain colour, so it has no shape to draw in the icon "
            "colour — use a PNG with a transparent background, or an SVG", field=item.field),
            located)]
    ppi = image_ppi(item.path, item.rect)
    if not for_print or ppi >= STENCIL_PPI_WARN:
        return []
    needed = math.ceil(stencil.source_width * STENCIL_PPI_WARN / ppi)
    shown = f"this bitmap icon prints as a one-colour shape at {math.floor(ppi)} ppi"
    why = (f"too coarse to print (the least is {PPI_ERROR} ppi)" if ppi < PPI_ERROR
           else f"its edges look stepped below {STENCIL_PPI_WARN} ppi")
    return [locate(Issue(f"{shown}: {why} — use an SVG, or a PNG at least {needed} px wide",
                         field=item.field, severity="error" if ppi < PPI_ERROR else "warning"),
                   located)]


def _is_bitmap(icon: str) -> bool:
    return Path(icon).suffix.lower() != ".svg"


def placeholder_warnings(b: Brochure, located: Located, res: Resources) -> list[Issue]:
    """Placeholder web addresses, and the stand-in hero photo that ships with brochure."""
    issues = []
    if res.hero and _is_stand_in(res.hero.path):
        line, col = located.where(("hero", "image"))
        issues.append(Issue(
            "this is the stand-in photo that comes with brochure — put the real photo in "
            "before this goes to print (see 'Replacing the hero photo' in the README)",
            located.file, line, col, "hero.image", "warning"))
    return issues + _placeholder_address_warnings(b, located)


def _is_stand_in(path: Path) -> bool:
    return STAND_IN_PHOTO.is_file() and file_digest(path) == file_digest(STAND_IN_PHOTO)


def _placeholder_address_warnings(b: Brochure, located: Located) -> list[Issue]:
    urls = [(("links", i, "url"), link.url) for i, link in enumerate(b.links)]
    if b.prescribing_information and b.prescribing_information.url:
        urls.append((("prescribing_information", "url"), b.prescribing_information.url))
    issues = []
    for path, url in urls:
        if any(host in url for host in PLACEHOLDER_HOSTS):
            line, col = located.where(path)
            issues.append(Issue(f"'{url}' is a placeholder address — put the real one in "
                                "before this goes to print", located.file, line, col,
                                dotted(path), "warning"))
    return issues


def language_warnings(b: Brochure, located: Located) -> list[Issue]:
    """The brochure's own words (footer, headings) would print in English."""
    if has_labels(b.language):
        return []
    line, col = located.where(("language",))
    return [Issue(f"brochure has no footer words in '{b.language}' yet, so 'Date of "
                  "preparation', the page numbers and the month print in English — ask for "
                  f"them to be added, or use one of: {', '.join(sorted(LABELS))}",
                  located.file, line, col, "language", "warning")]
