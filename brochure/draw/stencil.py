"""Bitmap icons as one-colour stencils, in both editions.

A PNG icon cannot go into the print edition as it is: its colours are RGB, which printers
refuse. Like an SVG icon, it is drawn in the theme's icon colour instead, on screen too (so
the two editions match, and an icon on a white ground is no white square on a tinted
band). Its shape (its transparency; for an image without any, whatever differs from the
colour of its corners) becomes a 1-bit image mask, which PDF paints in the current fill
colour. The shape is cut at half coverage after smoothing the image up to four times its
size (at most MAX_SIDE pixels), so its edges follow the icon's anti-aliasing rather than
its pixel steps. A stencil is made once per version of its file and named by its bits, so
the same icon in two places is one image in the PDF.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import NamedTuple

from PIL import Image
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from brochure.stamps import per_stamp
from brochure.units import Rect

INK_FROM = 128  # coverage (0–255) from which a pixel is inked: the shape's half-way edge
UPSAMPLE = 4  # a small icon is smoothed up to this many times its size before the cut
MAX_SIDE = 2048  # pixels: beyond this a stencil is sharper than any press prints it


class Stencil(NamedTuple):
    source_width: int  # the image's own pixels (what its resolution is judged by)
    width: int  # the stencil's pixels
    height: int
    bits: bytes  # deflated, one bit per pixel, rows padded to a byte; 0 = ink (PDF's way)
    name: str  # from the bits: the same shape is one image
    empty: bool  # no pixel inked: the shape could not be told from the background


@per_stamp(maxsize=32)
def load_stencil(path: str) -> Stencil:
    """The image's shape as a stencil (the file was checked as an image when gathered)."""
    with Image.open(path) as image:
        image.load()
        width = image.width
        coverage = _resampled(_coverage(image))
    mask = coverage.point(lambda v: 0 if v >= INK_FROM else 255, mode="1")
    packed = mask.tobytes()
    digest = hashlib.sha256(f"{mask.width}x{mask.height}".encode() + packed).hexdigest()
    return Stencil(width, mask.width, mask.height, zlib.compress(packed),
                   f"Stencil{digest[:24]}", empty=mask.getextrema()[0] != 0)


def _coverage(image: Image.Image) -> Image.Image:
    """How much ink each pixel gets (255 = full): its opacity if any pixel is see-through,
    else how far its colour is from the background's."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        alpha = (image if image.mode == "RGBA" else image.convert("RGBA")).getchannel("A")
        if alpha.getextrema()[0] < 255:
            return alpha
    if image.mode in ("I", "I;16", "I;16B", "I;16L"):  # 16-bit grey: scaled, not clipped
        image = image.point(lambda v: v / 257)
    return _distance_from_background(image.convert("RGB"))


def _distance_from_background(image: Image.Image) -> Image.Image:
    """Each pixel's largest channel difference from the colour most of the corners have,
    scaled so that the farthest colour is full ink (an orange icon on white, or a white
    one on blue, is as much a shape as a black one)."""
    from PIL import ImageChops  # (only opaque icons need it)

    w, h = image.size
    corners = [image.getpixel(p) for p in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1))]
    background = max(corners, key=corners.count)
    red, green, blue = ImageChops.difference(image, Image.new("RGB", image.size,
                                                              background)).split()
    distance = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    farthest = distance.getextrema()[1]
    return distance.point(lambda v: v * 255 // farthest) if farthest else distance


def _resampled(coverage: Image.Image) -> Image.Image:
    """Smoothed up to UPSAMPLE times, or down to MAX_SIDE, before the cut."""
    factor = min(UPSAMPLE, MAX_SIDE / max(coverage.size))
    size = (max(1, round(coverage.width * factor)), max(1, round(coverage.height * factor)))
    if size == coverage.size:
        return coverage
    smoothing = Image.Resampling.BICUBIC if factor > 1 else Image.Resampling.BOX
    return coverage.resize(size, smoothing)


def image_ppi(path: str, rect: Rect) -> float:
    """The image's own resolution when fitted into rect (not the smoothed stencil's)."""
    stencil = load_stencil(path)
    return stencil.source_width / (stencil.width * _scale(stencil, rect) / 72)


def draw_stencil(canvas: Canvas, path: str, rect: Rect, colour: Color) -> None:
    """Paint the image's shape centred in rect, scaled to fit, in one colour."""
    stencil = load_stencil(path)
    scale = _scale(stencil, rect)
    w, h = stencil.width * scale, stencil.height * scale
    doc = canvas._doc
    registered = doc.getXObjectName(stencil.name)
    if registered not in doc.idToObject:
        doc.Reference(_image(stencil), registered)
    canvas.saveState()
    canvas.setFillColor(colour)
    canvas.translate(rect.x + (rect.w - w) / 2, rect.y + (rect.h - h) / 2)
    canvas.scale(w, h)
    canvas._code.append(f"/{registered} Do")
    canvas.restoreState()
    canvas._formsinuse.append(stencil.name)  # lists it in the page's resources


def _scale(stencil: Stencil, rect: Rect) -> float:
    return min(rect.w / stencil.width, rect.h / stencil.height)


def _image(stencil: Stencil) -> PDFStream:
    return PDFStream(PDFDictionary({
        "Type": PDFName("XObject"), "Subtype": PDFName("Image"),
        "Width": stencil.width, "Height": stencil.height,
        "ImageMask": "true", "BitsPerComponent": 1,  # (a Python True would print "True")
        "Filter": PDFName("FlateDecode"),
    }), stencil.bits, filters=None)
