"""Photos loaded once per process, then registered in each document that draws them.

ReportLab reads an image file every time a new document draws it; the prepared print photo
is several megabytes, so a watch session or a batch would read it again for every build.
`preload_jpeg` puts a copy of the already-loaded image XObject in the document under the
name ReportLab itself would give it, so the canvas's drawImage finds it and reads nothing.
"""

from __future__ import annotations

import copy
import os
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
    image = copy.copy(_loaded(path, mask, stat.st_size, stat.st_mtime_ns))
    image.name = name
    canvas._setXObjects(image)
    doc.Reference(image, registered)
    doc.addForm(name, image)


@lru_cache(maxsize=8)
def _loaded(path: str, mask: str, _size: int, _mtime_ns: int) -> PDFImageXObject:
    return PDFImageXObject("", path, mask=mask)
