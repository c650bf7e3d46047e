"""Paragraphs that remember their line breaks.

Pagination asks a paragraph its height many times at the same width (each column, each
balancing try), and a watch session or a batch lays out the same paragraphs again and
again. `paragraph()` hands out one `Para` per (markup, style) from a bounded cache, and a
`Para` breaks its lines once per width and splits once per box.

ReportLab's Paragraph changes itself as it works: wrap() replaces its fragments with the
words for that width, and split() rewrites the word it splits at. A Para therefore keeps its
fragments as parsed, breaks lines on a copy for each new width, and splits a copy, so that
every answer is the one a fresh Paragraph would give.
"""

from __future__ import annotations

import copy

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from brochure.recent import Recent
from brochure.text import addresses

addresses.install()  # a printed web address may break after a slash

CACHE_SIZE = 1024  # paragraphs kept between builds; a brochure has a few dozen
SHARED_UP_TO = 2000  # characters: longer paragraphs are rare, and costly to keep (splits)
WIDTHS_KEPT = 4  # line breaks remembered per paragraph (a layout uses one or two widths)
SPLITS_KEPT = 4  # splits remembered per paragraph (column bottoms)
NO_ROOM = 1e-6  # ReportLab's own threshold: narrower than this, nothing fits
OWN_STATE = ("_source", "_breaks", "_splits")


class Para(Paragraph):
    """A ReportLab Paragraph whose wrap() and split() are computed once per box size."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._source = self.frags  # as parsed: only ever copied, never given to ReportLab
        self._breaks = Recent(WIDTHS_KEPT)
        self._splits = Recent(SPLITS_KEPT)

    def wrap(self, availWidth, availHeight):
        if availWidth <= NO_ROOM:
            self.frags = copy.deepcopy(self._source)
            return super().wrap(availWidth, availHeight)
        known = self._breaks.get_or_make(availWidth, lambda: self._break(availWidth, availHeight))
        size, self.blPara, self.frags, self._wrapWidths = known
        self.width, self.height = size
        return size

    def _break(self, width: float, height: float) -> tuple:
        """Break the lines afresh from the parsed fragments (ReportLab replaces them)."""
        self.frags = copy.deepcopy(self._source)
        size = Paragraph.wrap(self, width, height)
        return size, self.blPara, self.frags, self._wrapWidths

    def split(self, availWidth, availHeight):
        def parts() -> list:
            self.wrap(availWidth, availHeight)
            return Paragraph.split(self._copy(), availWidth, availHeight)

        return self._splits.get_or_make((availWidth, availHeight), parts)

    def _copy(self) -> Para:
        """This paragraph as wrapped now, sharing nothing that ReportLab's split changes."""
        clone = Para.__new__(Para)
        state = {k: v for k, v in self.__dict__.items() if k not in OWN_STATE}
        clone.__dict__.update(copy.deepcopy(state))
        clone.__dict__.update(_source=self._source, _breaks=Recent(WIDTHS_KEPT),
                              _splits=Recent(SPLITS_KEPT))
        return clone


_shared = Recent(CACHE_SIZE)


def paragraph(markup: str, style: ParagraphStyle) -> Para:
    """The paragraph for this markup in this style, shared with earlier builds."""
    if len(markup) > SHARED_UP_TO:
        return Para(markup, style)
    return _shared.get_or_make((markup, style_key(style)), lambda: Para(markup, style))


def style_key(style: ParagraphStyle) -> str:
    """Everything that shapes a paragraph's lines, as one string (computed once per style)."""
    key = style.__dict__.get("_brochure_key")
    if key is None:
        key = repr(sorted((k, repr(v)) for k, v in style.__dict__.items()))
        style._brochure_key = key
    return key


def characters_by_font(para: Paragraph) -> dict[str, set[str]]:
    """The characters each font draws in a wrapped paragraph (worked out once per line
    breaking, for the checks and for the glyph numbering: do not change the result)."""
    lines = getattr(para, "blPara", None)
    if lines is None:
        return {}
    known = para.__dict__.get("_characters")
    if known is not None and known[0] is lines:
        return known[1]
    used = _characters(para, lines)
    para._characters = (lines, used)
    return used


def _characters(para: Paragraph, lines) -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    if lines.kind == 1:  # styled lines: words carry their own font
        for line in lines.lines:
            for word in line.words:
                used.setdefault(word.fontName, set()).update(getattr(word, "text", ""))
    else:  # simple lines: (extra space, words) in one font (a **bold** paragraph's: bold)
        used[lines.fontName] = {c for line in lines.lines for w in line[1] for c in w}
    return used
