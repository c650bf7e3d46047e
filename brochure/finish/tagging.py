"""Tagged PDF for the digital edition, while drawing: marked content and what it is.

While the painter draws, a Tagger wraps each item in a marked-content sequence: an MCID
for content (title, paragraphs, figures, links) or /Artifact for decoration (bands, rules,
repeated footers), and keeps a TagRecord of each. `finish.structure` builds the structure
tree from those records after saving (and is the part that needs pikepdf).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from brochure.layout.items import QR, Fill, Icon, Item, Photo, Rule, Shade, Text, Watermark
from brochure.units import Rect

DECORATION = (Fill, Shade, Rule, Watermark, QR)


class TagRecord(NamedTuple):
    """One tagged piece of content as drawn: page index, MCID, field, box, alt text."""

    page: int
    mcid: int
    field: str
    box: Rect
    alt: str = ""
    text: str = ""


@dataclass
class Tagger:
    """Hands out MCIDs per page and remembers what each one holds."""

    total_pages: int
    records: list[TagRecord] = field(default_factory=list)
    page: int = 0
    _next: int = 0

    def new_page(self, index: int) -> None:
        self.page, self._next = index, 0

    def begin(self, item: Item) -> str:
        """The operator that opens the item's marked-content sequence."""
        field_name = self._field(item)
        if field_name is None:
            return "/Artifact BMC"
        mcid = self._next
        self._next += 1
        self.records.append(TagRecord(self.page, mcid, field_name, _box(item),
                                      getattr(item, "alt", ""), _text(item)))
        return f"/{element_chain(field_name)[-1][1]} <</MCID {mcid}>> BDC"

    def _field(self, item: Item) -> str | None:
        """The content field an item shows, or None for an artifact."""
        if isinstance(item, DECORATION):
            return None
        if isinstance(item, (Photo, Icon)) and not item.alt:
            return None  # decorative
        if isinstance(item, Text) and item.role in ("Footer", "Artifact"):
            last_page = self.page == self.total_pages - 1
            return "compliance" if item.field == "compliance" and last_page else None
        return item.field or None


def _box(item: Item) -> Rect:
    if isinstance(item, Text):
        return Rect(item.x, item.y, item.w, item.h)
    if isinstance(item, Photo):
        return item.visible
    return getattr(item, "rect", Rect(0, 0, 0, 0))


def _text(item: Item) -> str:
    para = getattr(item, "para", None)
    markup = (getattr(para, "text", None) or "") if para else ""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))  # (markup escapes & < >)


def element_chain(field_name: str) -> list[tuple[str, str]]:
    """(key, structure type) from the document root down to the field's own element."""
    m = re.match(r"stats\[(\d+)\]\.(\w+)", field_name)
    if m:
        item = f"stats[{m[1]}]"
        own = (f"{item}.icon", "Figure") if m[2] == "icon" else (f"{item}.body", "LBody")
        return [("stats", "L"), (item, "LI"), own]
    m = re.match(r"(links\[\d+\]|prescribing_information\.link)", field_name)
    if m:
        return [(f"{m[1]}", "P"), (f"{m[1]}.a", "Link")]
    if field_name.startswith("quote."):
        own = "quote.text" if field_name == "quote.text" else "quote.attribution"
        return [("quote", "BlockQuote"), (own, "P")]
    if field_name == "title":
        return [("title", "H1")]
    if re.fullmatch(r"initiatives\.items\[\d+\]\.title", field_name):
        return [(field_name, "H2")]
    if field_name in ("hero.image", "logo"):
        return [(field_name, "Figure")]
    return [(field_name, "P")]


def reading_order(records: list[TagRecord]) -> list[TagRecord]:
    """Drawing order, except that the title comes first (the photo is drawn under it)."""
    return sorted(records, key=lambda r: (r.field != "title", r.page, records.index(r)))
