"""Paint a laid-out Document onto a ReportLab canvas, page by page."""

from __future__ import annotations

import math
from pathlib import Path

from reportlab.lib.colors import CMYKColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from brochure.draw.glyphs import Numbering
from brochure.draw.icons import draw_icon, load_svg
from brochure.draw.qr import draw_qr
from brochure.draw.replay import draw_paragraph
from brochure.draw.stencil import draw_stencil
from brochure.draw.xobjects import draw_jpeg, is_jpeg
from brochure.finish.tagging import Tagger
from brochure.layout.items import (
    QR,
    Fill,
    Icon,
    Item,
    Photo,
    Rule,
    Shade,
    Text,
    Watermark,
)
from brochure.text.styles import Styles


class Painter:
    """Turns items into PDF drawing operations; images come already prepared."""

    def __init__(self, canvas: Canvas, styles: Styles, images: dict[str, str],
                 tagger: Tagger | None = None, glyphs: Numbering | None = None):
        """glyphs: how the document's glyphs were numbered before drawing (see
        brochure/draw/glyphs.py), which lets paragraphs be replayed; without it, every
        paragraph is drawn afresh."""
        self.canvas, self.styles, self.images, self.tagger = canvas, styles, images, tagger
        self.glyphs = glyphs

    def page(self, items: list[Item]) -> None:
        for item in items:
            if self.tagger:
                self.canvas.addLiteral(self.tagger.begin(item))
            getattr(self, "_" + type(item).__name__.lower())(item)
            if self.tagger:
                self.canvas.addLiteral("EMC")

    def _fill(self, item: Fill) -> None:
        c = self.canvas
        c.saveState()
        c.setFillColor(self.styles.colour(item.colour))
        if item.opacity < 1:
            c.setFillAlpha(item.opacity)
        r = item.rect
        c.rect(r.x, r.y, r.w, r.h, stroke=0, fill=1)
        c.restoreState()

    def _shade(self, item: Shade) -> None:
        """A stepped fade, rising from the transparent end. Layers are nested, all reaching
        the opaque edge, so no two bands meet at a seam: each layer adds the opacity that
        takes the stack from the band before's target to its own."""
        c = self.canvas
        c.saveState()
        c.setFillColor(self.styles.colour(item.colour))
        r = item.rect
        band = r.h / item.steps
        below = 0.0  # opacity reached by the layers drawn so far
        for k in range(item.steps):
            target = item.max_opacity * ((k + 1) / item.steps) ** 1.6
            c.setFillAlpha(round(1 - (1 - target) / (1 - below), 4))
            below = target
            y = r.y + k * band if item.from_top else r.y
            c.rect(r.x, y, r.w, r.h - k * band, stroke=0, fill=1)
        c.restoreState()

    def _rule(self, item: Rule) -> None:
        c = self.canvas
        c.saveState()
        c.setStrokeColor(self.styles.colour(item.colour))
        c.setLineWidth(item.width)
        c.line(item.x0, item.y0, item.x1, item.y1)
        c.restoreState()

    def _text(self, item: Text) -> None:
        """Pure-black text overprints (no white halo if the plates shift); others knock out."""
        c = self.canvas
        if not _is_pure_black(getattr(item.para.style, "textColor", None)):
            draw_paragraph(c, item.para, item.x, item.y, self.glyphs)
            return
        c.saveState()
        c.setFillOverprint(True)
        c.setOverprintMask(1)
        draw_paragraph(c, item.para, item.x, item.y, self.glyphs)
        c.restoreState()

    def _photo(self, item: Photo) -> None:
        c = self.canvas
        c.saveState()
        v, p = item.visible, item.placed
        clip = c.beginPath()
        clip.rect(v.x, v.y, v.w, v.h)
        c.clipPath(clip, stroke=0, fill=0)
        source = self.images.get(item.path, item.path)
        if is_jpeg(source):
            draw_jpeg(c, source, p.x, p.y, p.w, p.h)
        else:  # a PNG may carry transparency: ReportLab makes its soft mask
            c.drawImage(source, p.x, p.y, p.w, p.h, mask="auto")
        c.restoreState()

    def _icon(self, item: Icon) -> None:
        """An SVG's shapes or a bitmap's shape, in the icon colour (as every stat icon is)."""
        colour = self.styles.colour(item.colour)
        if Path(item.path).suffix.lower() == ".svg":
            draw_icon(self.canvas, load_svg(Path(item.path)), item.rect, colour)
        else:
            draw_stencil(self.canvas, item.path, item.rect, colour)

    def _watermark(self, item: Watermark) -> None:
        """The status text, rotated along the page diagonal and sized to span it."""
        c, r = self.canvas, item.rect
        angle = math.degrees(math.atan2(r.h, r.w))
        diagonal = math.hypot(r.w, r.h) * 0.8
        size = diagonal / max(stringWidth(item.text, item.font, 1), 1)
        c.saveState()
        c.setFillColor(self.styles.colour(item.colour))
        c.setFillAlpha(item.opacity)
        c.translate(r.x + r.w / 2, r.y + r.h / 2)
        c.rotate(angle)
        c.setFont(item.font, size)
        c.drawCentredString(0, -size * 0.35, item.text)
        c.restoreState()

    def _qr(self, item: QR) -> None:
        draw_qr(self.canvas, item.url, item.rect, self.styles.colour(item.colour),
                self.styles.colour("paper"))


def _is_pure_black(colour) -> bool:
    return isinstance(colour, CMYKColor) and (colour.cyan, colour.magenta, colour.yellow,
                                              colour.black) == (0, 0, 0, 1)


