"""Lengths and rectangles in PDF points; pure values, no drawing library."""

from __future__ import annotations

from typing import NamedTuple

PT = 1.0
MM = 72.0 / 25.4
INCH = 72.0


class Rect(NamedTuple):
    """An axis-aligned rectangle, origin bottom-left, in points."""

    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def grow(self, d: float) -> Rect:
        return Rect(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def as_box(self) -> tuple[float, float, float, float]:
        """PDF box order: x0, y0, x1, y1."""
        return (self.x, self.y, self.right, self.top)
