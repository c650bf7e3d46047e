"""Tiny tagged PDFs for the PDF/UA tests: a good one, and the parts to break one rule at a time.

ReportLab draws the page with raw BDC/EMC around each piece of content; pikepdf then adds the
structure tree, ParentTree, MarkInfo, Lang, ViewerPreferences, XMP and a tagged link.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[2]
FONT = "UaLato"
PAGE = (200.0, 200.0)

pdfmetrics.registerFont(TTFont(FONT, str(ROOT / "assets" / "fonts" / "Lato-Regular.ttf")))


@dataclass(frozen=True)
class Elem:
    """One structure element on each page: its type, the MCID it owns and extra keys."""

    role: str
    mcid: int
    keys: dict = field(default_factory=dict)


GOOD_TREE = (Elem("H1", 0), Elem("P", 1), Elem("Figure", 2, {"/Alt": "A grey square"}))


def marked(c: Canvas, tag: str, mcid: int, draw: Callable[[Canvas], None]) -> None:
    c.addLiteral(f"/{tag} <</MCID {mcid}>> BDC")
    draw(c)
    c.addLiteral("EMC")


def artifact(c: Canvas, draw: Callable[[Canvas], None]) -> None:
    c.addLiteral("/Artifact BMC")
    draw(c)
    c.addLiteral("EMC")


def good_page(c: Canvas) -> None:
    """A heading, a paragraph, a figure (MCIDs 0–2) and a rule drawn as an artifact."""
    c.setFont(FONT, 14)
    marked(c, "H1", 0, lambda c: c.drawString(20, 170, "Accessible brochure"))
    marked(c, "P", 1, lambda c: c.drawString(20, 150, "Body text."))
    marked(c, "Figure", 2, lambda c: c.rect(20, 60, 60, 60, stroke=0, fill=1))
    artifact(c, lambda c: c.line(10, 20, 190, 20))


class UaMaker:
    def __init__(self, folder: Path):
        self.folder = folder

    def pdf(self, name: str, *draws, tree=GOOD_TREE, link: bool = True, pages: int = 1,
            change: Callable[[pikepdf.Pdf], None] | None = None) -> Path:
        """Draw the pages, make them accessible, then apply change(pdf) to break something."""
        raw = self.folder / f"{name}-raw.pdf"
        c = Canvas(str(raw), pagesize=PAGE, invariant=1, initialFontName=FONT)
        for _ in range(pages):
            for draw in draws or (good_page,):
                draw(c)
            c.showPage()
        c.save()
        out = self.folder / f"{name}.pdf"
        with pikepdf.open(raw) as pdf:
            make_accessible(pdf, tree, link)
            if change is not None:
                change(pdf)
            pdf.save(out)
        return out


def make_accessible(pdf: pikepdf.Pdf, tree=GOOD_TREE, link: bool = True) -> None:
    """Tag every page with tree (one element per MCID) under one Document element."""
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    doc = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root, K=pikepdf.Array()))
    nums = pikepdf.Array()
    for index, page in enumerate(pdf.pages):
        page.obj.StructParents = index
        elems = [_element(pdf, doc, page.obj, e) for e in tree]
        doc.K.extend(elems)
        by_mcid = {e.mcid: elem for e, elem in zip(tree, elems, strict=True)}
        nums.extend([index, pikepdf.Array([by_mcid.get(i) for i in range(max(by_mcid) + 1)])
                     if by_mcid else pikepdf.Array()])
    if link:
        key = len(pdf.pages)
        doc.K.append(_link(pdf, doc, pdf.pages[0].obj, key))
        nums.extend([key, doc.K[-1]])
    root.K = doc
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))
    root.ParentTreeNextKey = len(pdf.pages) + int(link)
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.Root.Lang = pikepdf.String("en-GB")
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    set_xmp(pdf, title="Accessible brochure", pdfua=True)


def _element(pdf: pikepdf.Pdf, parent, page, e: Elem) -> pikepdf.Dictionary:
    elem = pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + e.role),
                              P=parent, Pg=page, K=e.mcid)
    for key, value in e.keys.items():
        elem[key] = pikepdf.String(value) if isinstance(value, str) else value
    return pdf.make_indirect(elem)


def _link(pdf: pikepdf.Pdf, parent, page, key: int) -> pikepdf.Dictionary:
    annot = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[20, 145, 120, 160],
        Border=[0, 0, 0], Contents=pikepdf.String("Visit example.com"), StructParent=key,
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.com"))))
    page.Annots = pdf.make_indirect(pikepdf.Array([annot]))
    page.Tabs = pikepdf.Name.S
    objr = pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=annot, Pg=page)
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Link, P=parent, Pg=page, K=[objr]))


def set_xmp(pdf: pikepdf.Pdf, title: str | None, pdfua: bool) -> None:
    """Replace the XMP packet with one holding dc:title and/or pdfuaid:part as asked."""
    if "/Metadata" in pdf.Root:
        del pdf.Root["/Metadata"]
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if title is not None:
            meta["dc:title"] = title
        if pdfua:
            meta["pdfuaid:part"] = "1"


def untagged_text(c: Canvas) -> None:
    c.setFont(FONT, 10)
    c.drawString(20, 40, "Nobody tagged me")
