"""QR codes as vector squares in one colour (a 4-module quiet zone kept clear).

The module matrix of each address is kept in the cache folder as rows of 0 and 1, so a
build whose codes are known does not load segno (with its writers, a twentieth of a cold
build). A cache file that is not a square QR matrix is ignored and the code made afresh.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from brochure.cache import cache_dir, cache_read, cache_store
from brochure.units import Rect

QUIET_ZONE = 4
ERROR_LEVEL = "m"  # 15% of the code may be damaged and it still reads

Matrix = tuple[tuple[bool, ...], ...]


@lru_cache(maxsize=32)
def qr_matrix(url: str) -> Matrix:
    """The module matrix (True = dark) without the quiet zone."""
    key = hashlib.sha256(f"qr-{ERROR_LEVEL}\0{url}".encode()).hexdigest()[:32]
    stored = cache_dir() / f"{key}.qr"
    data = cache_read(stored)
    matrix = _parse(data.decode("latin-1")) if data is not None else None
    if matrix is None:
        matrix = _encode(url)
        cache_store(stored, "\n".join("".join("01"[v] for v in row) for row in matrix).encode())
    return matrix


def _encode(url: str) -> Matrix:
    import segno  # with its writers it loads urllib: only when a code is new

    code = segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def _parse(text: str) -> Matrix | None:
    """Rows of 0 and 1 back into a matrix; None unless it is a whole QR symbol (21 + 4k
    modules square)."""
    rows = text.split()
    size = len(rows)
    if size < 21 or (size - 21) % 4 or any(len(r) != size or r.strip("01") for r in rows):
        return None
    return tuple(tuple(c == "1" for c in row) for row in rows)


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
