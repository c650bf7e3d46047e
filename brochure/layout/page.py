"""Assemble the document: header on page one, running text in columns, footer everywhere."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from brochure.content.compliance import display_date, watermark
from brochure.content.model import Brochure
from brochure.errors import BrochureError, Issue
from brochure.layout.blocks import running_blocks
from brochure.layout.flow import paginate
from brochure.layout.geometry import Geometry
from brochure.layout.header import header
from brochure.layout.items import Document, Item, PageLayout, Rule, Text, Watermark
from brochure.resources import Resources
from brochure.text.markup import to_markup
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
    line = Paragraph(f"<b>{text}</b> \u00b7 Status: {b.compliance.status}",
                     styles("footer"))
    _, h = line.wrap(geo.content.w, 100)
    y = theme.footer.rule_mm * MM + 1.5 * MM
    return [Watermark(text, styles.fonts.name("bold"), "accent", 0.22, geo.trim.grow(-geo.safe)),
            Text(geo.content.x, y, geo.content.w, h, line, "compliance.status", "Artifact")]


def footer_text(b: Brochure) -> str:
    c = b.compliance
    text = f"Veeva ID: {c.veeva_id} \u00b7 Date of preparation: " + display_date(
        b, c.date_of_preparation)
    if c.date_last_revised:
        text += " \u00b7 Last revised: " + display_date(b, c.date_last_revised)
    return text


def footer(b: Brochure, theme: Theme, styles: Styles, geo: Geometry, n: int,
           total: int) -> list[Item]:
    """Hairline, compliance reference and date on the left, page n of N on the right."""
    content = geo.content
    baseline = theme.footer.baseline_mm * MM
    rule_y = theme.footer.rule_mm * MM
    on_this_page = b.compliance.footer == "every-page" or n == total
    reference = footer_text(b) if on_this_page else ""
    left = Paragraph(to_markup(reference, tie_last_words=False), styles("footer"))
    right = Paragraph(f"Page {n} of {total}", styles("footer", "right"))
    page_w = 28 * MM
    items: list[Item] = [Rule(content.x, rule_y, content.right, rule_y, 0.5,
                              theme.footer.rule_colour)]
    for para, field, x, w in ((left, "compliance", content.x, content.w - page_w),
                              (right, "page", content.right - page_w, page_w)):
        _, h = para.wrap(w, 100)
        if h > theme.type.footer.leading + 0.01:
            raise BrochureError([Issue("the compliance footer does not fit on one line — "
                                       "shorten the reference or dates", field="compliance")])
        descent = h - theme.type.footer.size  # ReportLab sets the first baseline 1 em down
        items.append(Text(x, baseline - descent, w, h, para, field, "Footer"))
    return items
