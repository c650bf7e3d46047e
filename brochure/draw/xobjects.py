"""JPEG photos drawn as image XObjects loaded once per process and named by their content.

ReportLab's drawImage reads an image file every time a new document draws it, formats its
stream afresh, and names it after the file's path (so the same photo in another cache folder
would give other bytes). `draw_jpeg` registers a copy of the already-loaded XObject under a
name made from the photo's bytes, then paints it; the copy formats its stream once for all
documents. `shared_streams` tells the finishing stage where those streams sit in a written
PDF, with their digests, so that hashing the file need not read them again.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas

from brochure.draw.images import file_digest
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


@dataclass
class _Formatted:
    stream: bytes = b""
    digest: bytes = b""


class SharedJpeg(PDFImageXObject):
    """A loaded JPEG whose stream object is formatted once, for every document that draws it
    (its dictionary holds no references, so the bytes do not depend on the document)."""

    def __init__(self, path: str):
        super().__init__("", path)
        self.formatted = _Formatted()

    def format(self, document) -> bytes:
        if not self.formatted.stream:
            stream = super().format(document)
            self.formatted.stream, self.formatted.digest = stream, hashlib.sha256(stream).digest()
        return self.formatted.stream


@per_stamp(maxsize=8)
def _loaded(path: str) -> SharedJpeg:
    return SharedJpeg(path)


def shared_streams(canvas: Canvas) -> list[tuple[int, bytes, bytes]]:
    """(offset of the object, stream bytes, their SHA-256) for each shared photo in the
    canvas's document, once it has been written."""
    doc = canvas._doc
    return sorted((doc.idToOffset[name], obj.formatted.stream, obj.formatted.digest)
                  for name, obj in doc.idToObject.items()
                  if isinstance(obj, SharedJpeg) and name in doc.idToOffset)
