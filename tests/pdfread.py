"""Reading PDFs back in tests: text, content-stream operators, pixels."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

MM = 72 / 25.4


def page_texts(path: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(path))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def normalise(text: str) -> str:
    """Compare text across typography and line breaks: no quotes/dashes/space variants."""
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("\u00a0", " ")):
        text = text.replace(a, b)
    return re.sub(r"[\s\-\u00ad\ufffe\x02]+", "", text)


def operators(pdf: pikepdf.Pdf):
    """(page number, operands, operator) for every content-stream op, forms included."""
    for n, page in enumerate(pdf.pages, 1):
        yield from ((n, ops, op) for ops, op in _ops(page.obj, set()))


def _ops(obj, seen):
    for operands, op in pikepdf.parse_content_stream(obj):
        yield operands, str(op)
    resources = obj.get("/Resources", {})
    for _, xobj in resources.get("/XObject", {}).items():
        if xobj.get("/Subtype") == "/Form" and xobj.objgen not in seen:
            seen.add(xobj.objgen)
            yield from _ops(xobj, seen)


def render(path: Path, page: int, dpi: float = 72):
    doc = pdfium.PdfDocument(str(path))
    try:
        return doc[page].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        doc.close()
