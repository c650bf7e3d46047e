"""Crop marks outside the bleed, in the registration colour (Separation /All)."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColorSep
from reportlab.pdfgen.canvas import Canvas

from brochure.layout.geometry import MARK_GAP, MARK_LENGTH, Geometry

REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All")
MARK_WIDTH = 0.25


def draw_crop_marks(canvas: Canvas, geo: Geometry) -> None:
    """Eight short lines on the trim lines, starting MARK_GAP beyond the bleed."""
    start = geo.bleed + MARK_GAP
    end = start + MARK_LENGTH
    w, h = geo.width, geo.height
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(MARK_WIDTH)
    for x in (0, w):
        canvas.line(x, -start, x, -end)
        canvas.line(x, h + start, x, h + end)
    for y in (0, h):
        canvas.line(-start, y, -end, y)
        canvas.line(w + start, y, w + end, y)
    canvas.restoreState()
