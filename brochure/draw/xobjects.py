"""Photos loaded once per process, then registered in each document that draws them.

ReportLab reads an image file every time a new document draws it, and formats its stream
afresh; the prepared print photo is several megabytes, so a watch session or a batch would
read and copy it again for every build. `preload_jpeg` puts a copy of the already-loaded image
XObject in the document under the name ReportLab itself would give it, so the canvas's
drawImage finds it and reads nothing; the copy formats its stream once for all documents.
`shared_streams` tells the finishing stage where those streams sit in a written PDF, with
their digests, so that hashing the file need not read them again.
"""

from __future__ import annotations

import copy
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.utils import _digester
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas

JPEG_SUFFIXES = (".jpg", ".jpeg")


def preload_jpeg(canvas: Canvas, path: str, mask: str = "auto") -> None:
    """Register the JPEG at path in canvas's document, as drawImage(path, mask=mask) would."""
    if not path.lower().endswith(JPEG_SUFFIXES):
        return  # other formats may carry soft masks: ReportLab loads those itself
    name = _digester(f"{path}{mask}".encode())  # drawImage's name for a file and a mask
    doc = canvas._doc
    registered = doc.getXObjectName(name)
    if registered in doc.idToObject:
        return
    stat = os.stat(path)
    image = copy.copy(_loaded(path, mask, stat.st_size, stat.st_mtime_ns))  # shares `formatted`
    image.name = name
    canvas._setXObjects(image)
    doc.Reference(image, registered)
    doc.addForm(name, image)


@dataclass
class _Formatted:
    stream: bytes = b""
    digest: bytes = b""


class SharedJpeg(PDFImageXObject):
    """A loaded JPEG whose stream object is formatted once, for every document that draws it
    (its dictionary holds no references, so the bytes do not depend on the document)."""

    def __init__(self, path: str, mask: str):
        super().__init__("", path, mask=mask)
        self.formatted = _Formatted()

    def format(self, document) -> bytes:
        if not self.formatted.stream:
            stream = super().format(document)
            self.formatted.stream, self.formatted.digest = stream, hashlib.sha256(stream).digest()
        return self.formatted.stream


@lru_cache(maxsize=8)
def _loaded(path: str, mask: str, _size: int, _mtime_ns: int) -> SharedJpeg:
    return SharedJpeg(path, mask)


def shared_streams(canvas: Canvas) -> list[tuple[int, bytes, bytes]]:
    """(offset of the object, stream bytes, their SHA-256) for each shared photo in the
    canvas's document, once it has been written."""
    doc = canvas._doc
    return sorted((doc.idToOffset[name], obj.formatted.stream, obj.formatted.digest)
                  for name, obj in doc.idToObject.items()
                  if isinstance(obj, SharedJpeg) and name in doc.idToOffset)
