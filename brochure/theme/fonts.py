"""Register the theme's TrueType family with ReportLab and find glyphs it lacks."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from brochure.draw.reuse import remember_subsets
from brochure.errors import BrochureError, Issue
from brochure.stamps import stamp
from brochure.theme.faces import load_ttfont
from brochure.theme.model import Fonts

WEIGHTS = ("regular", "italic", "bold", "bold_italic")
FACES = {"regular": (0, 0), "italic": (0, 1), "bold": (1, 0), "bold_italic": (1, 1)}
MISSING_CACHE = 8192  # texts whose missing glyphs are remembered, per font family


@dataclass(frozen=True)
class FontSet:
    """ReportLab font names for the four styles, and the characters they can draw."""

    family: str
    names: dict[str, str]
    coverage: frozenset[int]
    _missing: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def name(self, weight: str) -> str:
        return self.names[weight]

    def missing(self, text: str) -> list[str]:
        """Characters in text that the family cannot draw (controls excluded)."""
        known = self._missing.get(text)
        if known is None:
            known = sorted({c for c in text if ord(c) >= 0x20 and ord(c) not in self.coverage})
            if len(self._missing) < MISSING_CACHE:
                self._missing[text] = known
        return list(known)


def register_fonts(fonts: Fonts) -> FontSet:
    """Register each TTF once per process (again if a file changes, as in a watch session);
    raise BrochureError for a bad font file."""
    return _register(fonts, _version([getattr(fonts, weight) for weight in WEIGHTS]))


def _version(paths: list[str]) -> str:
    """A short tag for this state of the family's files. When any of them changes, all four
    faces are registered under new names, so nothing laid out with the old ones (paragraphs
    name their bold and italic faces too) is reused."""
    return f"{zlib.crc32(repr([stamp(p) for p in paths]).encode()):08x}"


@lru_cache(maxsize=8)
def _register(fonts: Fonts, version: str) -> FontSet:
    names: dict[str, str] = {}
    coverage: set[int] | None = None
    for weight in WEIGHTS:
        path = getattr(fonts, weight)
        name = f"{fonts.family}-{weight}-{version}"
        try:
            font = load_ttfont(name, path)
        except (TTFError, OSError) as exc:
            raise BrochureError([Issue(
                f"cannot use font {path}: {exc} — use a static TrueType (.ttf) file",
                field=f"fonts.{weight}")]) from None
        remember_subsets(font)
        pdfmetrics.registerFont(font)
        names[weight] = name
        chars = set(font.face.charToGlyph)
        coverage = chars if coverage is None else coverage & chars
    # <b> and <i> find a face through ReportLab's global family table; the key is this
    # registration's own, as two themes may give their families the same name
    key = f"{fonts.family}-{version}"
    for weight, (bold, italic) in FACES.items():
        addMapping(key, bold, italic, names[weight])
    return FontSet(fonts.family, names, frozenset(coverage or ()))
