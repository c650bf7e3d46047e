"""The digital edition's structure tree, built after saving from the Tagger's records.

`add_structure` builds the tree in reading order, with the parent tree, link annotations as
OBJRs, and bookmarks.
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from brochure.finish.tagging import TagRecord, element_chain, reading_order


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
