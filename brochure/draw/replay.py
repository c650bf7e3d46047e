"""Paragraphs drawn once per process, then replayed into later documents.

A batch or a watch session draws the same paragraphs at the same places in every PDF, and
drawing them is a third of ReportLab's drawing time. The operators a paragraph adds to the
content stream depend only on:
- the paragraph as wrapped: the same `Para` (they are shared between builds) at the same size;
- where it is drawn, and the canvas's graphics state (colours, fonts, transparency...);
- the document's internal font names, and the glyph codes of its characters. `number_glyphs`
  (brochure/draw/glyphs.py) codes every paragraph character before anything is drawn, from
  the document's characters per font alone: that Numbering is part of the key.

`draw_paragraph` keys a drawing by all of these. A drawing is kept only if every glyph code
in the document came from the numbering (none was coded while drawing, in an order another
document may not share), and if it added nothing but operators: no font named, no glyph
coded, no PDF version raised (transparency), no link, colour, form, object or graphics
state registered (a paragraph with a link always draws afresh), and none of its operators
names a graphics state, colour space, image or shading (their names follow the order the
document registered them in). Replaying it appends the same operators, so the PDF is byte
for byte what drawing it again would give.
"""

from __future__ import annotations

import re

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from brochure.draw.glyphs import Numbering, codes, only_numbered
from brochure.recent import Recent

KEPT = 512  # drawings kept: a brochure has a few dozen paragraphs per edition and format
# an operator naming a page resource other than a font (a graphics state, colour space,
# image or shading): its name depends on what the document registered first
NAMED_RESOURCE = re.compile(r"/[^\s/()<>\[\]{}%]+\s+(?:gs|cs|CS|scn|SCN|Do|sh)\b")

_drawings = Recent(KEPT)


def draw_paragraph(canvas: Canvas, para: Paragraph, x: float, y: float,
                   glyphs: Numbering | None) -> None:
    """para.drawOn(canvas, x, y), replayed when the same drawing was made before."""
    if glyphs is None or _has_links(para):
        para.drawOn(canvas, x, y)
        return
    doc = canvas._doc
    key = (para, para.width, para.height, x, y, _graphics_state(canvas),
           tuple(doc.fontMapping.items()), doc._pdfVersion, glyphs)
    operators = _drawings.get(key)
    if operators is not None:
        _drawings.move_to_end(key)
        canvas._code.extend(operators)
        return
    before, start = _registered(canvas), len(canvas._code)
    para.drawOn(canvas, x, y)
    operators = tuple(canvas._code[start:])
    if (_registered(canvas) == before and only_numbered(canvas, glyphs)
            and not NAMED_RESOURCE.search("\n".join(operators))):
        _drawings.get_or_make(key, lambda: operators)


def _graphics_state(canvas: Canvas) -> tuple:
    """Everything saveState keeps, as a hashable tuple."""
    state = canvas.__dict__
    values = []
    for name in canvas.STATE_ATTRIBUTES:
        value = state[name]
        if name == "_extgstate":
            value = tuple(sorted(value._d.items()))
        elif isinstance(value, list):
            value = tuple(value)
        values.append(value)
    return (*values, canvas._enforceColorSpace)


def _registered(canvas: Canvas) -> tuple[int, ...]:
    """How much the canvas and its document have registered besides operators."""
    doc = canvas._doc
    return (doc._pdfVersion, len(doc.fontMapping), codes(canvas, doc.delayedFonts),
            len(doc.idToObject),
            len(canvas._annotationrefs),
            len(canvas._colorsUsed), len(canvas._formsinuse), len(canvas._extgstate._c),
            len(canvas._shadingUsed), len(canvas._destinations))


def _has_links(para: Paragraph) -> bool:
    """Whether any fragment links somewhere or calls back (both register more than operators)."""
    known = para.__dict__.get("_brochure_links")
    if known is None:
        frags = getattr(para, "_source", None) or para.frags
        known = any(getattr(f, "link", None) or getattr(f, "cbDefn", None) for f in frags)
        para._brochure_links = known
    return known
