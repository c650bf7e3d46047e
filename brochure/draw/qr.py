"""QR codes as vector squares in one colour (a 4-module quiet zone kept clear)."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from brochure.units import Rect

QUIET_ZONE = 4


@lru_cache(maxsize=32)
def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix (True = dark) without the quiet zone."""
    import segno  # with its writers it loads urllib: only for brochures that have a code

    code = segno.make(url, error="m", micro=False, boost_error=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def modules_with_quiet_zone(url: str) -> int:
    return len(qr_matrix(url)) + 2 * QUIET_ZONE


def draw_qr(canvas: Canvas, url: str, rect: Rect, dark: Color, light: Color) -> None:
    """Paint the code to fill rect (square), including its quiet zone on a light ground."""
    canvas.setFillColor(light)
    canvas.rect(rect.x, rect.y, rect.w, rect.h, stroke=0, fill=1)
    canvas.setFillColor(dark)
    canvas.drawPath(_modules(url, rect), stroke=0, fill=1)


@lru_cache(maxsize=32)
def _modules(url: str, rect: Rect) -> PDFPathObject:
    """The dark modules as one path of rectangles (kept: a batch draws the same codes)."""
    matrix = qr_matrix(url)
    module = rect.w / modules_with_quiet_zone(url)
    path = PDFPathObject()
    top = rect.top - QUIET_ZONE * module
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(rect.x + (QUIET_ZONE + start) * module, top - (r + 1) * module,
                      (c - start) * module, module)
    return path
