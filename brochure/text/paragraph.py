"""Paragraphs that remember their line breaks.

Pagination asks a paragraph its height many times at the same width (each column, each
balancing try), and a watch session or a batch lays out the same paragraphs again and
again. `paragraph()` hands out one `Para` per (markup, style) from a bounded cache, and a
`Para` breaks its lines once per width.
"""

from __future__ import annotations

from collections import OrderedDict

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

CACHE_SIZE = 1024  # paragraphs kept between builds; a brochure has a few dozen


class Para(Paragraph):
    """A ReportLab Paragraph whose wrap() and split() are computed once per box size."""

    def wrap(self, availWidth, availHeight):
        breaks = self.__dict__.setdefault("_breaks", {})
        known = breaks.get(availWidth)
        if known is None:
            size = super().wrap(availWidth, availHeight)
            if not hasattr(self, "blPara"):
                return size  # too narrow to hold anything: nothing to remember
            known = breaks[availWidth] = (size, self.blPara, self._wrapWidths)
        size, self.blPara, self._wrapWidths = known
        self.width, self.height = size
        return size

    def split(self, availWidth, availHeight):
        splits = self.__dict__.setdefault("_splits", {})
        key = (availWidth, availHeight)
        if key not in splits:
            self.wrap(availWidth, availHeight)
            splits[key] = super().split(availWidth, availHeight)
        return splits[key]


_cache: OrderedDict[tuple[str, str], Para] = OrderedDict()


def paragraph(markup: str, style: ParagraphStyle) -> Para:
    """The paragraph for this markup in this style, shared with earlier builds."""
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
