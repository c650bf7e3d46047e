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
from collections import OrderedDict

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

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
        self._source = copy.deepcopy(self.frags)  # as parsed, before any line breaking
        self._breaks: OrderedDict[float, tuple] = OrderedDict()
        self._splits: OrderedDict[tuple[float, float], list] = OrderedDict()

    def wrap(self, availWidth, availHeight):
        if availWidth <= NO_ROOM:
            return super().wrap(availWidth, availHeight)
        known = self._breaks.get(availWidth)
        if known is None:
            self.frags = copy.deepcopy(self._source)
            size = super().wrap(availWidth, availHeight)
            known = self._breaks[availWidth] = (size, self.blPara, self.frags, self._wrapWidths)
            if len(self._breaks) > WIDTHS_KEPT:
                self._breaks.popitem(last=False)
        else:
            self._breaks.move_to_end(availWidth)
        size, self.blPara, self.frags, self._wrapWidths = known
        self.width, self.height = size
        return size

    def split(self, availWidth, availHeight):
        key = (availWidth, availHeight)
        if key not in self._splits:
            self.wrap(availWidth, availHeight)
            self._splits[key] = Paragraph.split(self._copy(), availWidth, availHeight)
            if len(self._splits) > SPLITS_KEPT:
                self._splits.popitem(last=False)
        return self._splits[key]

    def _copy(self) -> Para:
        """This paragraph as wrapped now, sharing nothing that ReportLab's split changes."""
        clone = Para.__new__(Para)
        state = {k: v for k, v in self.__dict__.items() if k not in OWN_STATE}
        clone.__dict__.update(copy.deepcopy(state))
        clone.__dict__.update(_source=self._source, _breaks=OrderedDict(), _splits=OrderedDict())
        return clone


_cache: OrderedDict[tuple[str, str], Para] = OrderedDict()


def paragraph(markup: str, style: ParagraphStyle) -> Para:
    """The paragraph for this markup in this style, shared with earlier builds."""
    if len(markup) > SHARED_UP_TO:
        return Para(markup, style)
    key = (markup, style_key(style))
    para = _cache.get(key)
    if para is None:
        para = _cache[key] = Para(markup, style)
        if len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    else:
        _cache.move_to_end(key)
    return para


def style_key(style: ParagraphStyle) -> str:
    """Everything that shapes a paragraph's lines, as one string (computed once per style)."""
    key = style.__dict__.get("_brochure_key")
    if key is None:
        key = repr(sorted((k, repr(v)) for k, v in style.__dict__.items()))
        style._brochure_key = key
    return key


def characters_by_font(para: Paragraph) -> dict[str, set[str]]:
    """The characters each font draws in a wrapped paragraph."""
    lines = getattr(para, "blPara", None)
    used: dict[str, set[str]] = {}
    if lines is None:
        return used
    if lines.kind == 1:  # styled lines: words carry their own font
        for line in lines.lines:
            for word in line.words:
                used.setdefault(word.fontName, set()).update(getattr(word, "text", ""))
    else:  # simple lines: (extra space, words) in the paragraph's font
        used[para.style.fontName] = {c for line in lines.lines for w in line[1] for c in w}
    return used
