"""SVG to paths with svgelements: shapes, transforms and arcs resolved to lines and cubics."""

from __future__ import annotations

from pathlib import Path

import svgelements as se

from brochure.draw.icons import Segment, Shape, Vector


def parse_svg(path: Path) -> Vector:
    """The SVG's shapes as paths; raise ValueError if it has nothing drawable."""
    try:
        svg = se.SVG.parse(str(path), reify=True)
    except Exception as exc:  # svgelements raises many kinds on bad XML
        raise ValueError(f"cannot parse: {exc}") from None
    if not isinstance(svg, se.SVG):
        raise ValueError("its outermost element is not <svg>")
    shapes = []
    for element in svg.elements():
        shape = _shape(element) if isinstance(element, se.Shape) else None
        if shape:
            shapes.append(shape)
    if not shapes:
        raise ValueError("no shapes or paths in it")
    vb = svg.viewbox
    x, y, w, h = (vb.x, vb.y, vb.width, vb.height) if vb else (0, 0, svg.width, svg.height)
    if not (w > 0 and h > 0):
        raise ValueError("no positive size (add a viewBox with a width and height)")
    return Vector(x, y, w, h, tuple(shapes))


def _shape(element: se.Shape) -> Shape | None:
    stroke = element.stroke is not None and element.stroke.value not in (None, "none")
    fill = element.fill is not None and element.fill.value not in (None, "none")
    if not (stroke or fill):
        return None
    segments = []
    for seg in se.Path(element).segments():
        segments.extend(_segment(seg))
    if not segments:
        return None
    width = element.stroke_width if stroke and element.stroke_width else 0.0
    return Shape(tuple(segments), stroke, fill, float(width))


def _segment(seg) -> list[Segment]:
    if isinstance(seg, se.Move):
        return [("M", seg.end.x, seg.end.y)]
    if isinstance(seg, se.Close):
        return [("Z",)]
    if isinstance(seg, se.Line):
        return [("L", seg.end.x, seg.end.y)]
    if isinstance(seg, se.CubicBezier):
        return [("C", seg.control1.x, seg.control1.y, seg.control2.x, seg.control2.y,
                 seg.end.x, seg.end.y)]
    if isinstance(seg, se.QuadraticBezier):
        s, c, e = seg.start, seg.control, seg.end
        return [("C", s.x + 2 / 3 * (c.x - s.x), s.y + 2 / 3 * (c.y - s.y),
                 e.x + 2 / 3 * (c.x - e.x), e.y + 2 / 3 * (c.y - e.y), e.x, e.y)]
    if isinstance(seg, se.Arc):
        return [s for cubic in seg.as_cubic_curves() for s in _segment(cubic)]
    return []
