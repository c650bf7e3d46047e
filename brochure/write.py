"""Writing PDFs: the print and digital canvases, finishing, and atomic replacement."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from brochure.draw import reuse
from brochure.draw.glyphs import number_glyphs
from brochure.draw.painter import Painter
from brochure.finish import pieces
from brochure.finish.marks import draw_crop_marks
from brochure.finish.tagging import Tagger
from brochure.layout.geometry import Geometry
from brochure.layout.items import Document, Text
from brochure.text.paragraph import characters_by_font
from brochure.text.styles import Styles
from brochure.theme.fonts import FontSet

rl_config.useA85 = 0  # pass JPEG bytes through; ASCII85 would add 25% and time
reuse.install()
pieces.install()
UNSAVED = "never-saved.pdf"  # a canvas needs a file name; the finishing stage writes the bytes


def draw_print(document: Document, styles: Styles, fonts: FontSet,
               images: dict[str, str], language: str) -> Canvas:
    """The print edition, drawn but not saved: CMYK only (enforced), page boxes, crop marks.
    The finishing stage adds the PDF/X metadata and serialises it."""
    geo: Geometry = document.geometry
    slug = geo.slug
    canvas = Canvas(
        UNSAVED, pagesize=(geo.media.w, geo.media.h), invariant=1, pageCompression=1,
        enforceColorSpace="sep_cmyk", initialFontName=fonts.name("regular"),
        trimBox=_offset(geo.trim.as_box(), slug),
        bleedBox=_offset(geo.bleed_rect.as_box(), slug), lang=language,
    )
    numbering = number_glyphs(canvas, _characters(document))
    painter = Painter(canvas, styles, images, glyphs=numbering)
    for page in document.pages:
        canvas.translate(slug, slug)
        painter.page(page.items)
        if geo.marks:
            draw_crop_marks(canvas, geo)
        canvas.showPage()
    return canvas


def draw_digital(path: str, document: Document, styles: Styles, fonts: FontSet,
                 images: dict[str, str], language: str) -> Tagger:
    """The digital edition: trim size, screen colours, every item tagged or an artifact."""
    geo: Geometry = document.geometry
    canvas = Canvas(path, pagesize=(geo.width, geo.height), invariant=1, pageCompression=1,
                    initialFontName=fonts.name("regular"), lang=language)
    numbering = number_glyphs(canvas, _characters(document))
    tagger = Tagger(len(document.pages))
    painter = Painter(canvas, styles, images, tagger, numbering)
    for index, page in enumerate(document.pages):
        tagger.new_page(index)
        painter.page(page.items)
        canvas.showPage()
    canvas.save()
    return tagger


def _characters(document: Document) -> dict[str, set[str]]:
    """The characters each font draws in the document's paragraphs."""
    used: dict[str, set[str]] = {}
    for page in document.pages:
        for item in page.items:
            if isinstance(item, Text):
                for font, chars in characters_by_font(item.para).items():
                    used.setdefault(font, set()).update(chars)
    return used


def _offset(box: tuple[float, ...], d: float) -> tuple[float, ...]:
    return tuple(v + d for v in box)


def write_pieces(path: str, parts: list[bytes]) -> None:
    """Write a PDF given as its pieces (see brochure/finish/pieces.py)."""
    with open(path, "wb") as out:
        out.writelines(parts)


def write_atomically(target: Path, write: Callable[[str], None]) -> None:
    """Write to a temporary file beside target, then rename: never a half-written PDF."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.tmp", dir=target.parent)
    os.close(fd)
    raw = tmp + ".raw"
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a PDF is meant to be shared
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, raw):
            if os.path.exists(leftover):
                os.unlink(leftover)
