"""The top of page one: hero photo (or colour band) with the title, credit, tagline,
and the stat band. Returns positioned items and the height where running text starts."""

from __future__ import annotations

import math
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure.content.model import Brochure
from brochure.draw.icons import load_svg
from brochure.errors import BrochureError, Issue
from brochure.layout.flow import check_width
from brochure.layout.geometry import Geometry
from brochure.layout.items import Fill, Icon, Item, Photo, Shade, Text, shifted
from brochure.resources import ImageInfo, Resources
from brochure.text.markup import plain_text, to_markup
from brochure.text.paragraph import paragraph
from brochure.text.styles import Styles
from brochure.theme.model import Theme
from brochure.units import MM, Rect

MIN_FIGURE_SCALE = 0.7  # figures set smaller to fit their columns, down to this
LOGO_SCRIM_OPACITY = 0.45
SEPARATOR = "\u00a0\u00b7 "  # between parts of a line: the dot never starts a line


def header(b: Brochure, res: Resources, theme: Theme, styles: Styles,
           geo: Geometry) -> tuple[list[Item], float]:
    unit = theme.space_mm * MM
    x, w = geo.span(0, 10)
    title = _para(b.title, styles("title"), w, "title", b.language, tie=False)
    logo_room = theme.logo.height_mm * MM + 1.5 * unit if theme.logo else 0.0
    # a colour band grows to fit the title (and the logo above it)
    title_room = title.h + geo.margin_top + 2.5 * unit + logo_room
    if b.hero and res.hero:
        hero_bottom = geo.height - theme.hero.height_mm * MM
    else:
        hero_bottom = geo.height - min(max(theme.hero.band_mm * MM, title_room), geo.height / 2)
    band = geo.height - hero_bottom
    if band < title_room:
        raise BrochureError([_no_room_for_title(title.h, band - (title_room - title.h))])
    items = _hero(b, res, theme, geo, hero_bottom) + _logo(theme, geo, bool(b.hero and res.hero))
    items.append(Text(x, hero_bottom + 2.5 * unit, w, title.h, title.para, "title", "H1"))
    y = hero_bottom
    if b.hero and (b.hero.credit or b.hero.attribution):
        y -= 0.75 * unit
        for credit in _credit_lines(b, styles, geo.content.w):
            y -= credit.h
            items.append(Text(geo.content.x, y, credit.w, credit.h, credit.para, credit.field,
                              "Caption"))
    if b.tagline:
        tagline = _para(b.tagline, styles("tagline"), geo.content.w, "tagline", b.language)
        y = min(y - 0.5 * unit, hero_bottom - 2 * unit) - tagline.h
        items.append(Text(geo.content.x, y, tagline.w, tagline.h, tagline.para, "tagline", "P"))
    if b.event:
        parts = [p for p in (b.event.name, b.event.date, b.event.venue) if p]
        event = _para(SEPARATOR.join(parts), styles("event"), geo.content.w, "event", b.language)
        y -= 0.25 * unit + event.h
        items.append(Text(geo.content.x, y, event.w, event.h, event.para, "event", "P"))
    if b.stats:
        band, y = _stat_band(b, res, theme, styles, geo, y - 1.5 * unit)
        items.extend(band)
    if y < geo.margin_bottom:
        raise BrochureError([Issue(
            f"the top of page one (photo, title, tagline and figures) runs "
            f"{(geo.margin_bottom - y) / MM:.0f} mm into the footer on {theme.page.name} — "
            "use fewer or shorter stats, or a lower hero.height_mm in the theme",
            field="stats" if b.stats else "title")])
    return items, y - 2 * unit


def _credit_lines(b: Brochure, styles: Styles, width: float) -> list[Text]:
    """The photo's credit and attribution on one line, joined by a dot; if that does not
    fit, each on a line of its own (rather than the attribution broken across two)."""
    parts = [(t, f) for t, f in ((b.hero.credit, "hero.credit"),
                                 (b.hero.attribution, "hero.attribution")) if t]
    style = styles("credit", "right")
    joined = _para(SEPARATOR.join(t for t, _ in parts), style, width, parts[0][1], b.language)
    if len(parts) == 1 or joined.h <= style.leading * 1.01:
        return [joined]
    return [_para(text, style, width, field, b.language) for text, field in parts]


def _no_room_for_title(needed: float, room: float) -> Issue:
    if room <= 0:  # the theme's margin, spacing and logo fill the band: not the content's fault
        return Issue("the theme leaves no room for the title at the top of page one (its top "
                     "margin, spacing and logo are taller than the photo or colour band) — raise "
                     "hero.height_mm or lower margins.top_mm in the theme", field="title")
    return Issue(f"the title needs {needed / MM:.0f} mm but the top band leaves "
                 f"{room / MM:.0f} mm — shorten the title", field="title")


def _para(text: str, style, width: float, field: str, language: str,
          tie: bool = True) -> Text:
    """A header paragraph; the last words are tied (no lone word on a last line) unless
    `tie` is off (the title and figures: display type breaks by hand)."""
    para = paragraph(to_markup(text, tie_last_words=tie, language=language), style)
    _, h = para.wrap(width, 10_000)
    check_width(para, field)
    return Text(0, 0, width, h, para, field)


def _hero(b: Brochure, res: Resources, theme: Theme, geo: Geometry, bottom: float) -> list[Item]:
    visible = Rect(-geo.bleed, bottom, geo.width + 2 * geo.bleed, geo.height - bottom + geo.bleed)
    if not (b.hero and res.hero):
        return [Fill(visible, "primary")]
    shade_h = (geo.height - bottom) * theme.hero.shade_fraction
    alt = "" if b.hero.decorative else (b.hero.alt or "")
    return [
        Photo(visible, crop_to_fill(res.hero, visible), str(res.hero.path), alt, "hero.image"),
        Shade(Rect(visible.x, bottom, visible.w, shade_h), theme.hero.shade_colour,
              theme.hero.shade_max_opacity),
    ]


def _logo(theme: Theme, geo: Geometry, on_photo: bool) -> list[Item]:
    """The theme's logo at the top left, on the text's left edge; on a photo, a soft shade
    from the top keeps a light logo readable whatever the sky."""
    if not theme.logo:
        return []
    vector = load_svg(Path(theme.logo.file))
    h = theme.logo.height_mm * MM
    w = h * vector.w / vector.h
    rect = Rect(geo.content.x, geo.height - geo.margin_top - h, w, h)
    items: list[Item] = []
    if on_photo:
        scrim_h = geo.margin_top + 2.5 * h + geo.bleed
        items.append(Shade(Rect(-geo.bleed, geo.height + geo.bleed - scrim_h,
                                geo.width + 2 * geo.bleed, scrim_h), theme.hero.shade_colour,
                           LOGO_SCRIM_OPACITY, from_top=True))
    items.append(Icon(rect, theme.logo.file, theme.logo.colour, theme.logo.alt, "logo"))
    return items


def crop_to_fill(image: ImageInfo, box: Rect) -> Rect:
    """The rect to draw the image at so that it covers box, centred, aspect kept."""
    scale = max(box.w / image.width, box.h / image.height)
    w, h = image.width * scale, image.height * scale
    return Rect(box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h)


def _grid(n: int, width: float, gutter: float, min_cell: float) -> tuple[int, int]:
    """(columns, rows) for n stats: as few rows as keep each column wide enough."""
    for rows in range(1, n + 1):
        cols = -(-n // rows)
        if (width - (cols - 1) * gutter) / cols >= min_cell or cols == 1:
            return cols, -(-n // cols)
    return 1, n


def _stat_band(b: Brochure, res: Resources, theme: Theme, styles: Styles, geo: Geometry,
               top: float) -> tuple[list[Item], float]:
    cols, rows = _grid(len(b.stats), geo.content.w, geo.gutter, theme.stats.min_cell_mm * MM)
    cell_w = (geo.content.w - (cols - 1) * geo.gutter) / cols
    figures = styles("stat_value", "center", _figure_scale(b, styles, cell_w))
    cells = [_stat_cell(i, s, res, theme, styles, figures, cell_w)
             for i, s in enumerate(b.stats)]
    pad = theme.stats.padding_mm * MM
    row_h = max(c[1] for c in cells)
    band_h = 2 * pad + rows * row_h + (rows - 1) * pad
    bottom = top - band_h
    items: list[Item] = [Fill(Rect(-geo.bleed, bottom, geo.width + 2 * geo.bleed, band_h),
                              theme.stats.panel_colour)]
    for i, (cell_items, _) in enumerate(cells):
        r, c = divmod(i, cols)
        dx = geo.content.x + c * (cell_w + geo.gutter)
        dy = top - pad - r * (row_h + pad)
        items.extend(shifted(item, dx, dy) for item in cell_items)
    return items, bottom


def _stat_label(i: int, text: str, styles: Styles, width: float) -> Text:
    """A stat's label, centred, in whole words; a word wider than the column (a long
    compound in a narrow format) is hyphenated rather than refused, where the language has
    a hyphenation dictionary."""
    field = f"stats[{i}].label"
    try:
        return _para(text, styles("stat_label", "center"), width, field, styles.language)
    except BrochureError:
        if not styles.dictionary:
            raise
    # untied: a tied last word is never hyphenated
    return _para(text, styles("stat_label", "center", break_words=True), width, field,
                 styles.language, tie=False)


def _figure_scale(b: Brochure, styles: Styles, cell_w: float) -> float:
    """How much smaller the figures are set, all alike, so that the widest fits its column
    on one line (a figure keeps its unit: '£4.8 million'); raise if even the smallest
    allowed size is too wide."""
    style = styles("stat_value", "center")
    widths = [stringWidth(_as_set(plain_text(s.value, styles.language), style), style.fontName,
                          style.fontSize) for s in b.stats]
    widest = max(range(len(widths)), key=widths.__getitem__)
    if widths[widest] <= 0:  # nothing visible to fit (a zero-width space, an empty link)
        return 1.0
    scale = min(1.0, math.floor((cell_w - 1) / widths[widest] * 100) / 100)
    if scale < MIN_FIGURE_SCALE:
        raise BrochureError([Issue(
            f"the figure is too wide for its column, even set at {MIN_FIGURE_SCALE:.0%} of "
            "its size — shorten it (say '£4.8m' for '£4.8 million')",
            field=f"stats[{widest}].value")])
    return scale


def _as_set(text: str, style: ParagraphStyle) -> str:
    return text.upper() if style.textTransform == "uppercase" else text


def _stat_cell(i: int, stat, res: Resources, theme: Theme, styles: Styles,
               figures: ParagraphStyle, width: float) -> tuple[list[Item], float]:
    """Items relative to the cell's top-left (y negative downwards) and the cell height."""
    icon_size = theme.stats.icon_mm * MM
    items: list[Item] = []
    y = 0.0
    if i in res.icons:
        items.append(Icon(Rect((width - icon_size) / 2, -icon_size, icon_size, icon_size),
                          str(res.icons[i]), theme.stats.icon_colour, stat.alt or "",
                          f"stats[{i}].icon"))
    y -= icon_size + 2.5 * MM
    value = _para(stat.value, figures, width, f"stats[{i}].value", styles.language,
                  tie=False)
    if value.h > figures.leading * 1.01:
        raise BrochureError([Issue("the figure is too wide for its column — shorten it",
                                   field=f"stats[{i}].value")])
    y -= value.h
    items.append(Text(0, y, width, value.h, value.para, f"stats[{i}].value", "StatValue"))
    label = _stat_label(i, stat.label, styles, width)
    lines = round(label.h / styles("stat_label").leading)
    if lines > theme.stats.max_label_lines:
        raise BrochureError([Issue(
            f"the label needs {lines} lines; at most {theme.stats.max_label_lines} fit — "
            "shorten it", field=f"stats[{i}].label")])
    y -= 1.5 * MM + label.h
    items.append(Text(0, y, width, label.h, label.para, f"stats[{i}].label", "StatLabel"))
    return items, -y
