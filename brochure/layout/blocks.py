"""The running text as flow blocks: intro, initiatives, pull quote, links."""

from __future__ import annotations

from brochure.content.model import Brochure, Link, Quote
from brochure.layout.flow import Block, check_width
from brochure.layout.items import QR, Group, Item, Rule, Text, shifted
from brochure.text.labels import label
from brochure.text.markup import quoted, short_url, to_markup
from brochure.text.paragraph import paragraph
from brochure.text.styles import Styles
from brochure.theme.model import Theme
from brochure.units import MM, Rect

QR_SIZE = 22 * MM


def running_blocks(b: Brochure, theme: Theme, styles: Styles, width: float,
                   live_links: bool = False) -> list[Block]:
    unit = theme.space_mm * MM
    blocks: list[Block] = []

    def para(text: str, role: str, field: str, space: float, keep: bool = False, tag="P"):
        markup = to_markup(text, live_links=live_links, tie_last_words=role in ("body", "lead"),
                           language=styles.language)
        blocks.append(Block(paragraph(markup, styles(role)), field, space, keep, tag))

    for i, text in enumerate(b.intro or []):
        para(text, "lead", f"intro[{i}]", 0.5 * unit)
    if b.initiatives:
        if b.initiatives.heading:
            para(b.initiatives.heading, "kicker", "initiatives.heading", 1.5 * unit, True, "H2")
        for i, item in enumerate(b.initiatives.items):
            first = i == 0 and b.initiatives.heading
            para(item.title, "heading", f"initiatives.items[{i}].title",
                 0.5 * unit if first else 1.5 * unit, True, "H3")
            for j, text in enumerate(item.body):
                para(text, "body", f"initiatives.items[{i}].body[{j}]",
                     0.25 * unit if j == 0 else 0.5 * unit)
    if b.quote:
        blocks.append(Block(quote_group(b.quote, styles, width), "quote", 2 * unit, role="Quote"))
    for i, link in enumerate(b.links):
        blocks.append(Block(link_group(link, styles, width, f"links[{i}]", live_links),
                            f"links[{i}]", 2 * unit if i == 0 else unit, role="Link"))
    blocks += obligatory_blocks(b, styles, width, unit, live_links)
    return blocks


def obligatory_blocks(b: Brochure, styles: Styles, width: float, unit: float,
                      live_links: bool) -> list[Block]:
    """Promotional material's prescribing information and adverse-event statement, each a
    separate block under its own heading."""
    blocks: list[Block] = []
    pi = b.prescribing_information
    if pi:
        field = "prescribing_information"
        heading = label(b.language, "pi")
        blocks.append(_para_block(heading, "kicker", f"{field}.heading", styles, 2 * unit,
                                  keep=True))
        for i, text in enumerate(pi.text or []):
            blocks.append(_para_block(text, "body", f"{field}.text[{i}]", styles,
                                      0.25 * unit if i == 0 else 0.5 * unit))
        if pi.url:
            link = Link(label=label(b.language, "pi_scan"), url=pi.url)
            blocks.append(Block(link_group(link, styles, width, f"{field}.link", live_links),
                                f"{field}.link", 0.5 * unit, role="Link"))
    if b.adverse_events:
        heading = label(b.language, "ae")
        blocks.append(_para_block(heading, "kicker", "adverse_events.heading", styles,
                                  2 * unit, keep=True))
        blocks.append(_para_block(b.adverse_events, "body", "adverse_events", styles,
                                  0.25 * unit))
    return blocks


def _para_block(text: str, role: str, field: str, styles: Styles, space: float,
                keep: bool = False) -> Block:
    markup = to_markup(text, tie_last_words=role == "body", language=styles.language)
    return Block(paragraph(markup, styles(role)), field, space, keep, "P")


def quote_group(q: Quote, styles: Styles, width: float) -> Group:
    """The pull quote: an accent bar, the quote in large italic, name and role beneath."""
    indent = 5 * MM
    inner = width - indent
    lang = styles.language
    parts = [(quoted(to_markup(q.text, language=lang, inner=True), lang), "quote",
              "quote.text")]
    parts.append((to_markup(q.name, tie_last_words=False, language=lang), "quote_name",
                  "quote.name"))
    if q.role:
        parts.append((to_markup(q.role, tie_last_words=False, language=lang), "quote_role",
                      "quote.role"))
    return _stack(parts, styles, width, indent, inner, gap_after_first=2.5 * MM,
                  bar_colour="accent")


def link_group(link: Link, styles: Styles, width: float, field: str, live: bool) -> Group:
    """Print: label and short URL beside a QR code. Screen: both are live links, no QR."""
    label = to_markup(link.label, tie_last_words=False, language=styles.language)
    url = to_markup(short_url(link.url), tie_last_words=False)
    if live:
        href = _attr(link.url)
        label, url = (f'<a href="{href}">{label}</a>', f'<a href="{href}">{url}</a>')
        return _stack([(label, "link_label", f"{field}.label"), (url, "link_url", f"{field}.url")],
                      styles, width, 0, width, gap_after_first=0.5 * MM)
    text_x = QR_SIZE + 4 * MM
    group = _stack([(label, "link_label", f"{field}.label"), (url, "link_url", f"{field}.url")],
                   styles, width, text_x, width - text_x, gap_after_first=0.5 * MM)
    height = max(group.height, QR_SIZE)
    lift = (height - group.height) / 2
    items: list[Item] = [QR(Rect(0, 0, QR_SIZE, QR_SIZE), link.url, "ink", f"{field}.url")]
    items += [shifted(i, 0, lift) for i in group.items]
    return Group(width, height, items, field)


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _stack(parts, styles: Styles, width: float, x: float, inner: float,
           gap_after_first: float, bar_colour: str | None = None) -> Group:
    measured = []
    for markup, role, field in parts:
        para = paragraph(markup, styles(role))
        _, h = para.wrap(inner, 10_000)
        check_width(para, field)
        measured.append((para, h, field, role))
    height = sum(h for _, h, _, _ in measured) + gap_after_first
    items: list[Item] = []
    y = height
    for k, (para, h, field, role) in enumerate(measured):
        y -= h
        items.append(Text(x, y, inner, h, para, field, role))
        if k == 0:
            y -= gap_after_first
    if bar_colour:
        items.insert(0, Rule(1, 0, 1, height, 2, bar_colour))
    return Group(width, height, items)
