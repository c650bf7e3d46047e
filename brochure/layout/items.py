"""What a laid-out page holds: positioned items in trim coordinates (points, origin
bottom-left of the trimmed page). The draw stage paints them and decides nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from reportlab.platypus import Flowable

from brochure.units import Rect


class Text(NamedTuple):
    """A wrapped ReportLab paragraph; (x, y) is its bottom-left corner."""

    x: float
    y: float
    w: float
    h: float
    para: Flowable
    field: str = ""
    role: str = "P"  # structure role for the digital edition: H1, H2, P, Quote, Footer, ...


class Fill(NamedTuple):
    rect: Rect
    colour: str
    opacity: float = 1.0


class Shade(NamedTuple):
    """A vertical fade from transparent (top) to `colour` at max_opacity (bottom), or the
    other way up when from_top."""

    rect: Rect
    colour: str
    max_opacity: float
    steps: int = 48
    from_top: bool = False


class Rule(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float
    width: float
    colour: str


class Photo(NamedTuple):
    """An image drawn at `placed` and clipped to `visible` (crop to fill)."""

    visible: Rect
    placed: Rect
    path: str
    alt: str = ""
    field: str = ""


class Icon(NamedTuple):
    rect: Rect
    path: str
    colour: str
    alt: str = ""
    field: str = ""


class QR(NamedTuple):
    rect: Rect
    url: str
    colour: str
    field: str = ""


class Watermark(NamedTuple):
    """Large diagonal text across the whole page (review status)."""

    text: str
    font: str
    colour: str
    opacity: float
    rect: Rect


Item = Text | Fill | Shade | Rule | Photo | Icon | QR | Watermark


def shifted(item: Item, dx: float, dy: float) -> Item:
    """The same item moved by (dx, dy)."""
    if isinstance(item, Text):
        return item._replace(x=item.x + dx, y=item.y + dy)
    if isinstance(item, Rule):
        return item._replace(x0=item.x0 + dx, x1=item.x1 + dx, y0=item.y0 + dy, y1=item.y1 + dy)
    if isinstance(item, Photo):
        return item._replace(visible=_move(item.visible, dx, dy),
                             placed=_move(item.placed, dx, dy))
    return item._replace(rect=_move(item.rect, dx, dy))


def _move(r: Rect, dx: float, dy: float) -> Rect:
    return Rect(r.x + dx, r.y + dy, r.w, r.h)


class Group(Flowable):
    """A block of items kept together in the flow; items are relative to its bottom-left."""

    def __init__(self, width: float, height: float, items: list[Item], field: str = ""):
        super().__init__()
        self.width, self.height, self.items, self.field = width, height, items, field

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list:
        return []

    def placed(self, x: float, y: float) -> list[Item]:
        return [shifted(item, x, y) for item in self.items]


@dataclass
class PageLayout:
    number: int
    items: list[Item] = field(default_factory=list)


@dataclass
class Document:
    pages: list[PageLayout]
    geometry: object  # brochure.layout.geometry.Geometry
