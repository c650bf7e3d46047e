"""Assemble the document: header on page one, running text in columns, footer everywhere."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from brochure.content.compliance import display_date, watermark
from brochure.content.model import Brochure
from brochure.errors import BrochureError, Issue
from brochure.layout.blocks import running_blocks
from brochure.layout.flow import paginate
from brochure.layout.geometry import Geometry
from brochure.layout.header import header
from brochure.layout.items import Document, Item, PageLayout, Rule, Text, Watermark
from brochure.resources import Resources
from brochure.text.labels import label, labelled, labelled_as
from brochure.text.markup import to_markup
from brochure.text.paragraph import paragraph
from brochure.text.styles import Styles
from brochure.theme.model import Theme
from brochure.units import MM


def lay_out(b: Brochure, res: Resources, theme: Theme, styles: Styles, geo: Geometry,
            live_links: bool = False) -> Document:
    """Pages of positioned items for the brochure."""
    head_items, flow_top = header(b, res, theme, styles, geo)
    columns = theme.grid.body_columns
    bottom = geo.margin_bottom
    full = geo.text_columns(columns, geo.height - geo.margin_top, bottom)

    def frames_for(page: int):
        return geo.text_columns(columns, flow_top, bottom) if page == 0 else full

    blocks = running_blocks(b, theme, styles, full[0].w, live_links)
    flowed = paginate(blocks, frames_for, full[0].h) or [[]]
    pages = [PageLayout(n + 1, list(items)) for n, items in enumerate(flowed)]
    pages[0].items[:0] = head_items
    mark = watermark(b)
    for page in pages:
        page.items.extend(footer(b, theme, styles, geo, page.number, len(pages)))
        if mark:
            page.items.extend(status_overlay(b, mark, theme, styles, geo))
    return Document(pages, geo)


def status_overlay(b: Brochure, text: str, theme: Theme, styles: Styles,
                   geo: Geometry) -> list[Item]:
    """A diagonal watermark and a status line above the footer, on every page."""
    line = paragraph(f"<b>{text}</b> \u00b7 Status: {b.compliance.status}",
                     styles("footer"))
    _, h = line.wrap(geo.content.w, 100)
    y = theme.footer.rule_mm * MM + 1.5 * MM
    return [Watermark(text, styles.fonts.name("bold"), "accent", 0.22, geo.trim.grow(-geo.safe)),
            Text(geo.content.x, y, geo.content.w, h, line, "compliance.status", "Artifact")]


def footer_text(b: Brochure) -> str:
    c = b.compliance
    lang = b.language
    text = (labelled_as(lang, "Veeva ID", c.veeva_id) + " \u00b7 "
            + labelled(lang, "prepared", display_date(b, c.date_of_preparation)))
    if c.date_last_revised:
        text += " \u00b7 " + labelled(lang, "revised", display_date(b, c.date_last_revised))
    return text


def footer(b: Brochure, theme: Theme, styles: Styles, geo: Geometry, n: int,
           total: int) -> list[Item]:
    """Hairline, compliance reference and date on the left, page n of N on the right.

    The last line's baseline sits at the theme's footer baseline; on a narrow page the
    reference may take two lines, and the hairline moves up to stay clear of it.
    """
    content = geo.content
    style = theme.type.footer
    on_this_page = b.compliance.footer == "every-page" or n == total
    reference = footer_text(b) if on_this_page else ""
    left = paragraph(to_markup(reference, tie_last_words=False, language=b.language),
                     styles("footer"))
    right = paragraph(label(b.language, "page", n=n, total=total), styles("footer", "right"))
    widest = label(b.language, "page", n=total, total=total)
    page_w = stringWidth(widest, styles.fonts.name("regular"), style.size) + 2
    items: list[Item] = []
    top = 0.0
    for para, field, x, w in ((left, "compliance", content.x, content.w - page_w - 3 * MM),
                              (right, "page", content.right - page_w, page_w)):
        _, h = para.wrap(w, 100)
        if h > 2 * style.leading + 0.01:
            raise BrochureError([Issue("the compliance footer does not fit in two lines — "
                                       "shorten the reference or dates", field="compliance")])
        last_baseline = theme.footer.baseline_mm * MM
        y = last_baseline - (style.leading - style.size) - (h - style.leading)
        items.append(Text(x, y, w, h, para, field, "Footer"))
        top = max(top, y + h)
    rule_y = max(theme.footer.rule_mm * MM, top + 1.5 * MM)
    items.insert(0, Rule(content.x, rule_y, content.right, rule_y, 0.5, theme.footer.rule_colour))
    return items
