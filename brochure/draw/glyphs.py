"""Glyph codes given before anything is drawn, so that documents share subsets and drawings.

ReportLab keeps ASCII characters at their own codes but numbers every other glyph in the
order a document first draws it, so the same characters drawn in another order (an event
name like "München" on page one that differs per variant) make another subset.
`number_glyphs` numbers them in code-point order before drawing, so that documents using the
same characters share their subsets, and the codes are a function of the `Numbering` alone
(which is what lets brochure/draw/replay.py replay a paragraph drawn in another document).
`only_numbered` tells whether that still holds for a document after some drawing.
"""

from __future__ import annotations

from typing import NamedTuple

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas


class Numbering(NamedTuple):
    """What number_glyphs numbered: per font, the characters that have no fixed code
    (ReportLab keeps printable ASCII at its own codes), and how many codes the numbered
    fonts then had. Equal numberings give every numbered character the same code."""

    fonts: tuple[tuple[str, str], ...]
    coded: int


def number_glyphs(canvas: Canvas, characters: dict[str, set[str]]) -> Numbering:
    """Give each TrueType font's characters their subset numbers in code-point order."""
    fonts = []
    for name in sorted(characters):
        font = pdfmetrics.getFont(name)
        if isinstance(font, TTFont) and characters[name]:
            font.splitString("", canvas._doc)  # makes the document's state: ASCII coded
            fixed = font.state[canvas._doc].assignments
            text = "".join(sorted(characters[name]))
            fonts.append((name, "".join(c for c in text if ord(c) not in fixed)))
            font.splitString(text, canvas._doc)
    numbering = Numbering(tuple(fonts), 0)
    return numbering._replace(coded=codes(canvas, _numbered(numbering)))


def only_numbered(canvas: Canvas, numbering: Numbering) -> bool:
    """Whether every glyph code in the canvas's document so far came from the numbering
    or is fixed (so that the codes are a function of it, not of the order of drawing)."""
    numbered = _numbered(numbering)
    others = [font for font in canvas._doc.delayedFonts if font not in numbered]
    return (codes(canvas, numbered) == numbering.coded
            and all(codes(canvas, [font]) == _fixed_codes(font) for font in others))


def _numbered(numbering: Numbering) -> set[TTFont]:
    """The numbered fonts (ReportLab gives two names for one face the same font object)."""
    return {pdfmetrics.getFont(name) for name, _ in numbering.fonts}


def codes(canvas: Canvas, fonts) -> int:
    """How many characters the canvas's document has coded in these fonts (each font given
    has been used in it: numbered, or drawn with)."""
    return sum(len(font.state[canvas._doc].assignments) for font in fonts)


def _fixed_codes(font: TTFont) -> int:
    """How many characters a fresh document codes in this font before drawing (ASCII)."""
    if "_brochure_fixed" not in font.__dict__:
        font._brochure_fixed = len(TTFont.State(font._asciiReadable, font).assignments)
    return font._brochure_fixed
