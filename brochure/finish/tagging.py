"""Tagged PDF for the digital edition: marked content while drawing, structure tree after.

While the painter draws, a Tagger wraps each item in a marked-content sequence: an MCID
for content (title, paragraphs, figures, links) or /Artifact for decoration (bands, rules,
repeated footers). After saving, `add_structure` builds the structure tree from those
records in reading order, with the parent tree, link annotations as OBJRs, and bookmarks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from brochure.layout.items import QR, Fill, Icon, Item, Photo, Rule, Shade, Text, Watermark
from brochure.units import Rect

DECORATION = (Fill, Shade, Rule, Watermark, QR)


@dataclass(frozen=True)
class TagRecord:
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
    return re.sub(r"<[^>]+>", "", getattr(para, "text", None) or "") if para else ""


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


class _Tree:
    """Builds structure elements in a pikepdf document."""

    def __init__(self, pdf: pikepdf.Pdf, language: str):
        self.pdf = pdf
        self.root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array()))
        self.document = self.new_element("Document", self.root)
        self.document.Lang = String(language)
        self.root.K.append(self.document)
        self.elements: dict[str, Dictionary] = {}
        self.parents: dict[int, dict[int, Dictionary]] = {}

    def new_element(self, kind: str, parent: Dictionary) -> Dictionary:
        return self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + kind),
                                                 P=parent, K=Array()))

    def element(self, field_name: str) -> Dictionary:
        parent = self.document
        for key, kind in element_chain(field_name):
            if key not in self.elements:
                self.elements[key] = self.new_element(kind, parent)
                parent.K.append(self.elements[key])
            parent = self.elements[key]
        return parent

    def add(self, record: TagRecord) -> None:
        element = self.element(record.field)
        page = self.pdf.pages[record.page].obj
        if "/Pg" not in element:
            element.Pg = page
        if element.Pg.objgen == page.objgen:
            element.K.append(record.mcid)
        else:
            element.K.append(Dictionary(Type=Name.MCR, Pg=page, MCID=record.mcid))
        if record.alt and str(element.S) == "/Figure":
            element.Alt = String(record.alt)
        self.parents.setdefault(record.page, {})[record.mcid] = element


SPOKEN = ("/P", "/H1", "/H2")


def add_structure(pdf: pikepdf.Pdf, records: list[TagRecord], language: str,
                  texts: dict[str, str]) -> None:
    """Structure tree, parent tree, tagged link annotations, MarkInfo and tab order.

    Paragraphs and headings carry their whole text as /ActualText, so that words are not
    run together where a line (or a hyphen) broke them.
    """
    tree = _Tree(pdf, language)
    for record in reading_order(records):
        tree.add(record)
    for key, element in tree.elements.items():
        if key in texts and str(element.S) in SPOKEN:
            element.ActualText = String(texts[key])
    nums = Array()
    for index, page in enumerate(pdf.pages):
        page.obj.StructParents = index
        page.obj.Tabs = Name.S
        mcids = tree.parents.get(index, {})
        nums.extend([index, Array([mcids[m] for m in sorted(mcids)])])
    next_key = len(pdf.pages)
    for index, page in enumerate(pdf.pages):
        for annot in page.obj.get("/Annots", Array()):
            link = _link_element(tree, records, index, annot)
            annot.StructParent = next_key
            link.K.append(Dictionary(Type=Name.OBJR, Obj=annot, Pg=page.obj))
            nums.extend([next_key, link])
            next_key += 1
    tree.root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    tree.root.ParentTreeNextKey = next_key
    pdf.Root.StructTreeRoot = tree.root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    _bookmarks(pdf, records)


def _link_element(tree: _Tree, records: list[TagRecord], page: int, annot) -> Dictionary:
    """The Link element for an annotation: the tagged text under it, or a new Link."""
    x0, y0, x1, y1 = (float(v) for v in annot.Rect)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    host = next((r for r in records if r.page == page and r.box.x <= cx <= r.box.right
                 and r.box.y <= cy <= r.box.top), None)
    uri = str(annot.get("/A", {}).get("/URI", ""))
    annot.Contents = String(f"Link: {uri}")
    element = tree.element(host.field) if host else tree.document
    if str(element.S) == "/Link":
        return element
    link = tree.new_element("Link", element)
    element.K.append(link)
    return link


def _bookmarks(pdf: pikepdf.Pdf, records: list[TagRecord]) -> None:
    heads = [r for r in reading_order(records)
             if element_chain(r.field)[-1][1] in ("H1", "H2")]
    seen: set[str] = set()
    with pdf.open_outline() as outline:
        parent = None
        for r in heads:
            if r.field in seen:
                continue
            seen.add(r.field)
            entry = pikepdf.OutlineItem(r.text.strip() or r.field, r.page, "XYZ",
                                        left=r.box.x, top=r.box.top)
            if element_chain(r.field)[-1][1] == "H1" or parent is None:
                outline.root.append(entry)
                parent = entry
            else:
                parent.children.append(entry)
