"""SVG icons as vector paths, painted in one theme colour (strokes and fills alike).

Parsing needs svgelements and takes milliseconds per icon, so a parsed icon is kept in the
cache folder as JSON, keyed by the file's bytes; a build whose icons are all known does not
load the parser at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from brochure.cache import cache_dir, cache_read, cache_store
from brochure.stamps import per_stamp, stamp
from brochure.units import Rect

PARSED_FORMAT = b"vector-v1"  # change when Vector or the parsing changes

Segment = tuple  # ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Z",)


@dataclass(frozen=True)
class Shape:
    segments: tuple[Segment, ...]
    stroke: bool
    fill: bool
    stroke_width: float


@dataclass(frozen=True)
class Vector:
    """An icon's shapes in its own units; y grows downwards as in SVG."""

    x: float
    y: float
    w: float
    h: float
    shapes: tuple[Shape, ...]


def load_svg(path: Path) -> Vector:
    """The SVG as paths; raise ValueError if it cannot be parsed or has nothing drawable."""
    if stamp(path) is None:
        raise ValueError("the file is missing")
    return _load(path)


@per_stamp(maxsize=64)
def _load(path: str) -> Vector:
    try:
        source = Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot be read: {exc.strerror}") from None
    stored = cache_dir() / f"{hashlib.sha256(PARSED_FORMAT + source).hexdigest()[:32]}.svg.json"
    known = cache_read(stored)
    if known is not None:
        with contextlib.suppress(ValueError, KeyError, TypeError):  # else parse it again
            return _from_json(json.loads(known))
    from brochure.draw.svgparse import parse_svg  # loads svgelements: only when needed

    vector = parse_svg(Path(path))
    cache_store(stored, json.dumps(asdict(vector)).encode())
    return vector


def _from_json(data: dict) -> Vector:
    shapes = tuple(Shape(tuple(tuple(seg) for seg in s["segments"]), bool(s["stroke"]),
                         bool(s["fill"]), float(s["stroke_width"])) for s in data["shapes"])
    return Vector(float(data["x"]), float(data["y"]), float(data["w"]), float(data["h"]), shapes)


def draw_icon(canvas: Canvas, vector: Vector, rect: Rect, colour: Color) -> None:
    """Paint the icon centred in rect, scaled to fit, in one colour."""
    scale = min(rect.w / vector.w, rect.h / vector.h)
    canvas.saveState()
    canvas.translate(rect.x + (rect.w - vector.w * scale) / 2,
                     rect.top - (rect.h - vector.h * scale) / 2)
    canvas.scale(scale, -scale)
    canvas.translate(-vector.x, -vector.y)
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for shape, path in zip(vector.shapes, _paths(vector), strict=True):
        if shape.stroke:
            canvas.setLineWidth(shape.stroke_width or 1)
        canvas.drawPath(path, stroke=int(shape.stroke), fill=int(shape.fill))
    canvas.restoreState()


@lru_cache(maxsize=64)
def _paths(vector: Vector) -> tuple[PDFPathObject, ...]:
    """The shapes as ReportLab paths in the icon's own units (kept: every build draws them)."""
    paths = []
    for shape in vector.shapes:
        path = PDFPathObject()
        for seg in shape.segments:
            if seg[0] == "M":
                path.moveTo(*seg[1:])
            elif seg[0] == "L":
                path.lineTo(*seg[1:])
            elif seg[0] == "C":
                path.curveTo(*seg[1:])
            else:
                path.close()
        paths.append(path)
    return tuple(paths)
