"""Walk a page's content streams (and the forms they draw) once, tracking the graphics state.

The walk yields plain events — colours set, images placed, text shown, shadings painted —
that the checks in `paint` judge. Only the state those checks need is tracked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

import pikepdf

from brochure.preflight.colourspace import CMYK, GRAY, RGB, Space, resolve

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
DEVICE_OPS = {"g": GRAY, "G": GRAY, "rg": RGB, "RG": RGB, "k": CMYK, "K": CMYK}
TEXT_SHOW = {"Tj", "TJ", "'", '"'}
INVISIBLE_MODES = {3, 7}
NUMBER = (int, float, Decimal)


class ColourSet(NamedTuple):
    where: str
    op: str
    space: Space
    values: tuple[float, ...]


class ImagePlaced(NamedTuple):
    where: str
    name: str
    width: int
    height: int
    space: Space | None  # None for a stencil mask (painted in the fill colour)
    ctm: Matrix


class TextShown(NamedTuple):
    where: str
    font: str
    size: float  # effective size on the page, in pt
    space: Space
    values: tuple[float, ...]
    overprint: bool
    opm: int


class ShadingUsed(NamedTuple):
    where: str
    name: str
    space: Space


class MissingResource(NamedTuple):
    """The content names a resource (an image, form or font) that its resources lack."""

    where: str
    category: str  # "/XObject", "/Font"
    name: str


@dataclass
class GState:
    ctm: Matrix = IDENTITY
    fill_space: Space = GRAY
    fill: tuple[float, ...] = (0.0,)
    stroke_space: Space = GRAY
    op_fill: bool = False
    op_stroke: bool = False
    opm: int = 0
    font: str = ""
    font_size: float = 0.0
    render: int = 0

    def copy(self) -> GState:
        clone = GState.__new__(GState)
        clone.__dict__.update(self.__dict__)
        return clone


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector order: m x n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def _numbers(operands) -> tuple[float, ...]:
    return tuple([float(v) for v in operands if isinstance(v, NUMBER)])


class Frame:
    """One content stream being walked: its resources, its name and its state stack."""

    def __init__(self, resources, where: str, state: GState):
        self.resources = resources if resources is not None else pikepdf.Dictionary()
        self.where = where
        self.state = state
        self.stack: list[GState] = []
        self.tm: Matrix = IDENTITY
        self.known: dict[tuple[str, str], object] = {}  # what a resource name was read as

    def lookup(self, category: str, name):
        table = self.resources.get(category)
        return table.get(name) if table is not None else None

    def read_once(self, category: str, name, read):
        """read(resource or None), once per resource name in this stream (pages draw with
        the same few graphics states and fonts again and again)."""
        key = (category, str(name))
        if key not in self.known:
            self.known[key] = read(self.lookup(category, name))
        return self.known[key]


class Walker:
    """Collects events from every page given to walk(); parsed forms are cached."""

    def __init__(self):
        self._parsed: dict[tuple[int, int], list] = {}
        self._active: set[tuple[int, int]] = set()

    def walk(self, page: pikepdf.Page, resources) -> list:
        events: list = []
        frame = Frame(resources, "content stream", GState())
        self._run(pikepdf.parse_content_stream(page, OPERATORS), frame, events)
        return events

    def _run(self, instructions, frame: Frame, events: list) -> None:
        for inst in instructions:
            op = str(inst.operator)
            handler = HANDLERS.get(op)
            if handler is not None:
                handler(self, frame, inst.operands, op, events)
            elif op == "INLINE IMAGE":
                self._inline_image(frame, inst.iimage, events)

    def _instructions(self, xobj: pikepdf.Object) -> list:
        key = xobj.objgen
        if key == (0, 0) or key not in self._parsed:
            self._parsed[key] = pikepdf.parse_content_stream(xobj, OPERATORS)
        return self._parsed[key]

    def do(self, frame: Frame, operands, _op, events) -> None:
        name = operands[0] if operands else None
        xobj = frame.lookup("/XObject", name)
        if xobj is None:
            events.append(MissingResource(frame.where, "/XObject", str(name)))
            return
        subtype = xobj.get("/Subtype")
        label = str(name)[1:]
        if subtype == "/Image":
            events.append(_image_event(frame, f"image {label}", xobj))
        elif subtype == "/Form" and xobj.objgen not in self._active:
            self._form(frame, label, xobj, events)

    def _form(self, frame: Frame, label: str, xobj, events: list) -> None:
        matrix = tuple(float(v) for v in xobj.get("/Matrix", IDENTITY))
        state = replace(frame.state, ctm=multiply(matrix, frame.state.ctm))
        inner = Frame(xobj.get("/Resources", frame.resources), f"form {label}", state)
        self._active.add(xobj.objgen)
        try:
            self._run(self._instructions(xobj), inner, events)
        finally:
            self._active.discard(xobj.objgen)

    def _inline_image(self, frame: Frame, iimage, events: list) -> None:
        try:
            space = resolve(pikepdf.Name(iimage.colorspace), frame.resources)
        except Exception:  # an inline image's colour space can be absent or odd
            space = None if iimage.image_mask else Space("unknown", "unknown", 0)
        events.append(ImagePlaced(frame.where, "inline image", int(iimage.width),
                                  int(iimage.height), space, frame.state.ctm))


def _image_event(frame: Frame, label: str, xobj) -> ImagePlaced:
    if xobj.get("/ImageMask", False):
        space = None
    elif "/ColorSpace" in xobj:
        space = resolve(xobj["/ColorSpace"], frame.resources)
    else:
        space = Space("unknown", "none given (JPX?)", 0)
    return ImagePlaced(frame.where, label, int(xobj.get("/Width", 0)),
                       int(xobj.get("/Height", 0)), space, frame.state.ctm)


def _save(_w, frame: Frame, _operands, _op, _events) -> None:
    frame.stack.append(frame.state.copy())


def _restore(_w, frame: Frame, _operands, _op, _events) -> None:
    if frame.stack:
        frame.state = frame.stack.pop()


def _concat(_w, frame: Frame, operands, _op, _events) -> None:
    m = _numbers(operands)
    if len(m) == 6:
        frame.state.ctm = multiply(m, frame.state.ctm)


def _ext_gstate(_w, frame: Frame, operands, _op, _events) -> None:
    if operands:
        frame.state.__dict__.update(frame.read_once("/ExtGState", operands[0], _overprint))


def _overprint(ext) -> dict:
    """The overprint settings a graphics state dictionary makes (those it names)."""
    if ext is None:
        return {}
    settings: dict = {}
    if "/OP" in ext:
        settings["op_stroke"] = bool(ext["/OP"])
        settings["op_fill"] = bool(ext.get("/op", ext["/OP"]))
    elif "/op" in ext:
        settings["op_fill"] = bool(ext["/op"])
    if "/OPM" in ext:
        settings["opm"] = int(ext["/OPM"])
    return settings


def _device_colour(_w, frame: Frame, operands, op, events) -> None:
    space, values = DEVICE_OPS[op], _numbers(operands)
    _set_colour(frame, op, space, values, events)


def _set_space(_w, frame: Frame, operands, op, _events) -> None:
    space = resolve(operands[0], frame.resources) if operands else GRAY
    if op == "cs":
        frame.state.fill_space, frame.state.fill = space, (0.0,) * space.n
    else:
        frame.state.stroke_space = space


def _colour(_w, frame: Frame, operands, op, events) -> None:
    fill = op.islower()
    space = frame.state.fill_space if fill else frame.state.stroke_space
    _set_colour(frame, op, space, _numbers(operands), events)


def _set_colour(frame: Frame, op: str, space: Space, values, events: list) -> None:
    if op.islower():
        frame.state.fill_space, frame.state.fill = space, values
    else:
        frame.state.stroke_space = space
    events.append(ColourSet(frame.where, op, space, values))


def _begin_text(_w, frame: Frame, _operands, _op, _events) -> None:
    frame.tm = IDENTITY


def _text_matrix(_w, frame: Frame, operands, _op, _events) -> None:
    m = _numbers(operands)
    if len(m) == 6:
        frame.tm = m


def _font(_w, frame: Frame, operands, _op, events) -> None:
    if len(operands) < 2:
        return
    base = frame.read_once("/Font", operands[0], _base_font)
    if base is None:
        events.append(MissingResource(frame.where, "/Font", str(operands[0])))
    frame.state.font = f"{operands[0]} {'?' if base is None else base}".strip()
    frame.state.font_size = float(operands[1])


def _base_font(font) -> str | None:
    return str(font.get("/BaseFont", "")).lstrip("/") if font is not None else None


def _render_mode(_w, frame: Frame, operands, _op, _events) -> None:
    if operands:
        frame.state.render = int(operands[0])


def _show_text(_w, frame: Frame, _operands, _op, events) -> None:
    s = frame.state
    if s.render in INVISIBLE_MODES:
        return
    _, _, c, d, _, _ = multiply(frame.tm, s.ctm)
    size = abs(s.font_size) * math.hypot(c, d)
    events.append(TextShown(frame.where, s.font, size, s.fill_space, s.fill,
                            s.op_fill, s.opm))


def _shading(_w, frame: Frame, operands, _op, events) -> None:
    shading = frame.lookup("/Shading", operands[0]) if operands else None
    if shading is not None and "/ColorSpace" in shading:
        space = resolve(shading["/ColorSpace"], frame.resources)
        events.append(ShadingUsed(frame.where, f"shading {str(operands[0])[1:]}", space))


HANDLERS = {
    "q": _save, "Q": _restore, "cm": _concat, "gs": _ext_gstate,
    "cs": _set_space, "CS": _set_space,
    "sc": _colour, "scn": _colour, "SC": _colour, "SCN": _colour,
    "BT": _begin_text, "Tm": _text_matrix, "Tf": _font, "Tr": _render_mode,
    "Do": Walker.do, "sh": _shading,
    **{op: _device_colour for op in DEVICE_OPS},
    **{op: _show_text for op in TEXT_SHOW},
}
# only these reach Python (paths, the bulk of most pages, are skipped by the parser)
OPERATORS = " ".join([*HANDLERS, "BI", "ID", "EI"])
