"""JPEG photos drawn as image XObjects loaded once per process and named by their content.

ReportLab's drawImage reads an image file every time a new document draws it, formats its
stream afresh, and names it after the file's path (so the same photo in another cache folder
would give other bytes). `draw_jpeg` registers a copy of the already-loaded XObject under a
name made from the photo's bytes, then paints it; the copy formats its stream once for all
documents (see brochure/finish/pieces.py), so that neither copying nor hashing the file
reads the photo again.
"""

from __future__ import annotations

import copy
from pathlib import Path

from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas

from brochure.draw.images import file_digest
from brochure.finish.pieces import Formatted, SharedStream
from brochure.stamps import per_stamp

JPEG_SUFFIXES = (".jpg", ".jpeg")


def is_jpeg(path: str) -> bool:
    return path.lower().endswith(JPEG_SUFFIXES)


def draw_jpeg(canvas: Canvas, path: str, x: float, y: float, w: float, h: float) -> None:
    """Paint the JPEG at path into the box (stretched to it, as drawImage does)."""
    name = f"Photo{file_digest(Path(path)).hex()[:24]}"
    doc = canvas._doc
    registered = doc.getXObjectName(name)
    if registered not in doc.idToObject:
        image = copy.copy(_loaded(path))  # shares `formatted`
        image.name = name
        canvas._setXObjects(image)
        doc.Reference(image, registered)
        doc.addForm(name, image)
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(w, h)
    canvas._code.append(f"/{registered} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)  # lists it in the page's resources


class SharedJpeg(SharedStream, PDFImageXObject):
    """A loaded JPEG whose stream object is formatted once, for every document that draws it."""

    def __init__(self, path: str):
        super().__init__("", path)
        self.formatted = Formatted()


@per_stamp(maxsize=8)
def _loaded(path: str) -> SharedJpeg:
    return SharedJpeg(path)
