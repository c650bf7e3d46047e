"""Resolve a PDF colour space (a name, a resource name or an array) to its family."""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf


@dataclass(frozen=True)
class Space:
    """A colour space reduced to what print cares about: its family and components."""

    family: str  # gray, rgb, cmyk, lab, separation, devicen, pattern, unknown
    label: str  # what a person would call it, e.g. "ICCBased (3 components)"
    n: int = 1

    @property
    def not_for_print(self) -> bool:
        return self.family in ("rgb", "lab")


GRAY = Space("gray", "DeviceGray", 1)
RGB = Space("rgb", "DeviceRGB", 3)
CMYK = Space("cmyk", "DeviceCMYK", 4)
DEVICE = {"/DeviceGray": GRAY, "/G": GRAY, "/DeviceRGB": RGB, "/RGB": RGB,
          "/DeviceCMYK": CMYK, "/CMYK": CMYK,
          "/Pattern": Space("pattern", "Pattern", 0)}
ICC_FAMILY = {1: "gray", 3: "rgb", 4: "cmyk"}


def resolve(value, resources=None) -> Space:
    """The Space of a /ColorSpace value; names not built in are looked up in resources."""
    if isinstance(value, pikepdf.Name):
        return _named(str(value), resources)
    if isinstance(value, pikepdf.Array) and len(value) > 0:
        return _family(value, resources)
    return Space("unknown", repr(value), 0)


def _named(name: str, resources) -> Space:
    if name in DEVICE:
        return DEVICE[name]
    table = resources.get("/ColorSpace") if resources is not None else None
    if table is not None and name in table:
        return resolve(table[name], resources)
    return Space("unknown", name, 0)


def _family(array: pikepdf.Array, resources) -> Space:
    kind = str(array[0])
    if kind == "/ICCBased":
        n = int(array[1].get("/N", 0))
        return Space(ICC_FAMILY.get(n, "unknown"), f"ICCBased ({n} components)", n)
    if kind == "/CalRGB":
        return Space("rgb", "CalRGB", 3)
    if kind == "/CalGray":
        return Space("gray", "CalGray", 1)
    if kind == "/Lab":
        return Space("lab", "Lab", 3)
    if kind == "/Indexed":
        base = resolve(array[1], resources)
        return Space(base.family, f"Indexed {base.label}", 1)
    if kind == "/Separation":
        return Space("separation", f"Separation {array[1]}", 1)
    if kind == "/DeviceN":
        return Space("devicen", "DeviceN", len(array[1]))
    if kind == "/Pattern":
        return Space("pattern", "Pattern", 0)
    return resolve(array[0], resources) if len(array) == 1 else Space("unknown", kind, 0)
