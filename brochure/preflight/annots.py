"""Annotations: none may overlap the printed area (BleedBox, else TrimBox, else MediaBox);
PrinterMark annotations outside the bleed are how PDF/X carries marks, so they pass."""

from __future__ import annotations

import pikepdf

from brochure.preflight.boxes import Box, box, inherited
from brochure.preflight.model import Finding


def printed_area(page: pikepdf.Dictionary) -> Box | None:
    for value in (page.get("/BleedBox"), page.get("/TrimBox"), inherited(page, "/MediaBox")):
        area = box(value)
        if area is not None:
            return area
    return None


def overlaps(a: Box, b: Box) -> bool:
    """True when the rectangles share some area (touching edges do not count)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_page(number: int, page: pikepdf.Dictionary) -> list[Finding]:
    area = printed_area(page)
    findings = []
    for i, annot in enumerate(page.get("/Annots") or []):
        rect = box(annot.get("/Rect")) if isinstance(annot, pikepdf.Dictionary) else None
        if area is None or rect is None or not overlaps(rect, area):
            continue
        kind = str(annot.get("/Subtype", "/Annot"))[1:]
        findings.append(Finding(
            "annot.in-bleed", "error", number, f"{kind} annotation {i + 1}",
            f"a {kind} annotation at {_rect(rect)} lies in the printed area; remove it from "
            "the print edition (print a short URL or QR code instead)"))
    return findings


def _rect(r: Box) -> str:
    return "[" + " ".join(f"{v:.0f}" for v in r) + "]"
