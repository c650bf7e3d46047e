"""Fonts: every font a page can use — in its resources, forms, patterns and annotation
appearances — must be embedded; Standard-14 names without a font file are the usual culprit."""

from __future__ import annotations

import re

import pikepdf

from brochure.preflight.model import Finding

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")
SUBSET = re.compile(r"^[A-Z]{6}\+")


def check_page(number: int, page: pikepdf.Dictionary, resources, seen: set) -> list[Finding]:
    """Findings for fonts first met on this page; seen (font objgens) spans the document."""
    findings = []
    for name, font in page_fonts(page, resources):
        key = font.objgen if font.objgen != (0, 0) else (name, id(font))
        if key in seen:
            continue
        seen.add(key)
        findings += _check_font(number, name, font)
    return findings


def page_fonts(page: pikepdf.Dictionary, resources):
    """(name, font) for every font the page can use, in its forms and annotations too."""
    visited: set = set()
    stack = [resources, *_appearances(page)]
    while stack:
        res = stack.pop()
        if not isinstance(res, pikepdf.Dictionary) or _visited(res, visited):
            continue
        for name, font in (res.get("/Font") or {}).items():
            if isinstance(font, pikepdf.Dictionary):
                yield name, font
        stack += _nested_resources(res)


def _visited(obj, visited: set) -> bool:
    key = obj.objgen if obj.objgen != (0, 0) else id(obj)
    if key in visited:
        return True
    visited.add(key)
    return False


def _nested_resources(res) -> list:
    nested = []
    for category in ("/XObject", "/Pattern"):
        for obj in (res.get(category) or {}).values():
            if isinstance(obj, pikepdf.Stream | pikepdf.Dictionary) and "/Resources" in obj:
                nested.append(obj["/Resources"])
    for font in (res.get("/Font") or {}).values():
        if isinstance(font, pikepdf.Dictionary) and "/Resources" in font:  # Type 3
            nested.append(font["/Resources"])
    return nested


def _appearances(page: pikepdf.Dictionary) -> list:
    found = []
    for annot in page.get("/Annots") or []:
        normal = (annot.get("/AP") or {}).get("/N") if isinstance(annot, pikepdf.Dictionary) \
            else None
        streams = [normal] if isinstance(normal, pikepdf.Stream) else \
            list(normal.values()) if isinstance(normal, pikepdf.Dictionary) else []
        found += [s["/Resources"] for s in streams
                  if isinstance(s, pikepdf.Stream) and "/Resources" in s]
    return found


def _check_font(number: int, name: str, font: pikepdf.Dictionary) -> list[Finding]:
    base = str(font.get("/BaseFont", "/(unnamed)"))[1:]
    label = f"{name} {base}"
    if font.get("/Subtype") == "/Type3" or is_embedded(font):
        if SUBSET.match(base) or font.get("/Subtype") == "/Type3":
            return []
        return [Finding("font.not-subset", "info", number, label,
                        "the font is embedded whole; subsetting it makes the file smaller")]
    plain = SUBSET.sub("", base).split(",")[0]
    why = (" (a Standard-14 name, which a RIP replaces with its own font)"
           if plain in STANDARD_14 else "")
    return [Finding("font.not-embedded", "error", number, label,
                    f"the font is not embedded{why}; embed it (a TrueType via TTFont, and "
                    "initialFontName= on the ReportLab canvas)")]


def is_embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == "/Type0":
        descendants = font.get("/DescendantFonts") or []
        return len(descendants) > 0 and is_embedded(descendants[0])
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor for key in FONT_FILES)
