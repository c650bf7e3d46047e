"""Page geometry: trim, bleed, media and safe areas, margins and the column grid."""

from __future__ import annotations

from typing import NamedTuple

from brochure.theme.model import Theme
from brochure.units import MM, Rect

MARK_LENGTH = 5 * MM  # crop mark length
MARK_GAP = 2 * MM  # distance from the bleed edge to where a mark starts


class Geometry(NamedTuple):
    """All in points; layout coordinates have their origin at the trim's bottom-left."""

    width: float
    height: float
    bleed: float
    marks: bool
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    columns: int
    gutter: float
    safe: float

    @classmethod
    def from_theme(cls, theme: Theme, bleed_mm: float, marks: bool) -> Geometry:
        m = theme.margins
        return cls(
            theme.page.width_mm * MM, theme.page.height_mm * MM, bleed_mm * MM, marks,
            m.top_mm * MM, m.bottom_mm * MM, m.left_mm * MM, m.right_mm * MM,
            theme.grid.columns, theme.grid.gutter_mm * MM, theme.safe_mm * MM,
        )

    @property
    def slug(self) -> float:
        """Space between the trim and the media edge (room for marks)."""
        return self.bleed + MARK_GAP + MARK_LENGTH + 1 * MM if self.marks else self.bleed

    @property
    def trim(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    @property
    def bleed_rect(self) -> Rect:
        return self.trim.grow(self.bleed)

    @property
    def media(self) -> Rect:
        return self.trim.grow(self.slug)

    @property
    def safe_rect(self) -> Rect:
        return self.trim.grow(-self.safe)

    @property
    def content(self) -> Rect:
        """The area inside the margins."""
        return Rect(self.margin_left, self.margin_bottom,
                    self.width - self.margin_left - self.margin_right,
                    self.height - self.margin_top - self.margin_bottom)

    @property
    def column_width(self) -> float:
        return (self.content.w - (self.columns - 1) * self.gutter) / self.columns

    def span(self, first: int, count: int) -> tuple[float, float]:
        """x and width of `count` grid columns starting at column `first` (0-based)."""
        x = self.content.x + first * (self.column_width + self.gutter)
        return x, count * self.column_width + (count - 1) * self.gutter

    def text_columns(self, count: int, top: float, bottom: float) -> list[Rect]:
        """`count` equal text columns on the grid between heights bottom and top."""
        per = self.columns // count
        rects = []
        for i in range(count):
            x, w = self.span(i * per, per)
            rects.append(Rect(x, bottom, w, top - bottom))
        return rects
