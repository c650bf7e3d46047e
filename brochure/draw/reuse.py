"""Work ReportLab repeats on every save that a long-lived process keeps instead.

A watch session or a batch saves many PDFs with the same fonts: ReportLab subsets each
font, deflates the subset, builds its ToUnicode map and formats its widths (an array of up
to 256 numbers, 0.4 ms) on every save, and formats the same small dictionaries (a shade's
48 graphics states) again. `remember_subsets` (per font) and `install()` (for deflating,
arrays of numbers, small plain dictionaries and ToUnicode maps) make them remember their
last results, keyed by exactly what they depend on (the glyph list; the bytes; the values,
their types and the layout settings), so the output is byte-for-byte what it would have
been. Caches are small and bounded. (Glyphs are numbered before drawing in
brochure/draw/glyphs.py.)
"""

from __future__ import annotations

import zlib

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from brochure.recent import Recent

# bytes: smaller streams are cheaper to deflate than to look up (a font's 2–4 KB ToUnicode
# map takes 0.12 ms to deflate and 2 µs to find)
MIN_REMEMBERED = 1024
MAX_REMEMBERED = 1 << 18  # bytes (256 KB): at most 16 MB kept; bigger streams are rare
REMEMBERED_STREAMS = 64
REMEMBERED_SUBSETS = 32  # per font face
REMEMBERED_ARRAYS = 64
MIN_NUMBERS = 32  # shorter arrays are cheaper to format than to look up
REMEMBERED_DICTIONARIES = 256
REMEMBERED_MAPS = 64  # ToUnicode maps, for all fonts
MAX_DICTIONARY = 8  # items: larger plain dictionaries are rare


class _RememberingFlate(pdfdoc.PDFStreamFilterZCompress):
    """ReportLab's FlateDecode filter, remembering the results for large inputs."""

    def __init__(self) -> None:
        self._known = Recent(REMEMBERED_STREAMS)

    def encode(self, text):
        if isinstance(text, str):
            text = text.encode("utf8")
        if not MIN_REMEMBERED <= len(text) <= MAX_REMEMBERED:
            return zlib.compress(text)
        return self._known.get_or_make(text, lambda: zlib.compress(text))


def install() -> None:
    """Use the remembering filter for every ReportLab stream, and remember long arrays of
    numbers, small dictionaries of plain values and fonts' ToUnicode maps (idempotent)."""
    if not isinstance(pdfdoc.PDFZCompress, _RememberingFlate):
        pdfdoc.PDFZCompress = _RememberingFlate()
    pdfdoc.PDFArray.format = _array_format
    pdfdoc.PDFDictionary.format = _dictionary_format
    ttfonts.makeToUnicodeCMap = _to_unicode_map


_plain_array_format = pdfdoc.PDFArray.format  # ReportLab's own (captured before install)
_arrays = Recent(REMEMBERED_ARRAYS)


def _array_format(self, document, IND=b"\n "):
    """ReportLab's PDFArray.format, remembered for long arrays of plain numbers (font
    widths): their bytes depend only on the numbers and the line-breaking settings."""
    numbers = self.sequence
    if len(numbers) < MIN_NUMBERS or not all(type(v) in (int, float) for v in numbers):
        return _plain_array_format(self, document, IND)
    kinds = tuple(type(v) is float for v in numbers)  # (500 == 500.0, as a key)
    key = (tuple(numbers), kinds, self.multiline, rl_config.pdfMultiLine, IND)
    return _arrays.get_or_make(key, lambda: _plain_array_format(self, document, IND))


_plain_dictionary_format = pdfdoc.PDFDictionary.format  # ReportLab's own
_dictionaries = Recent(REMEMBERED_DICTIONARIES)
PLAIN = (str, int, float, bool)  # written without the document (a str as it is)


def _dictionary_format(self, document, IND=b"\n "):
    """ReportLab's PDFDictionary.format, remembered for small dictionaries of plain values
    (a page's graphics states, one per opacity of a shade): their bytes depend only on the
    items, their order and the line-breaking settings."""
    items = self.dict
    if len(items) > MAX_DICTIONARY or not all(type(v) in PLAIN for v in items.values()):
        return _plain_dictionary_format(self, document, IND)
    key = (tuple((k, type(v), v) for k, v in items.items()), type(items), self.multiline,
           rl_config.pdfMultiLine, IND)
    return _dictionaries.get_or_make(key, lambda: _plain_dictionary_format(self, document, IND))


_plain_to_unicode_map = ttfonts.makeToUnicodeCMap  # ReportLab's own
_to_unicode_maps = Recent(REMEMBERED_MAPS)


def _to_unicode_map(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map for a font subset, made once per name and glyph list."""
    key = (fontname, tuple(subset))
    return _to_unicode_maps.get_or_make(key, lambda: _plain_to_unicode_map(fontname, subset))


def remember_subsets(font: TTFont) -> None:
    """Make this font's face subset each glyph list once per process."""
    face = font.face
    if "makeSubset" in face.__dict__:
        return  # already remembering
    subsets = Recent(REMEMBERED_SUBSETS)
    make = face.makeSubset  # ReportLab's own method, bound to this face

    def remembered(subset: list[int]) -> bytes:
        return subsets.get_or_make(tuple(subset), lambda: make(subset))

    face.makeSubset = remembered
