"""Checks on what the content streams paint: colour spaces, ink, image resolution, text."""

from __future__ import annotations

import math
from collections import Counter

from brochure.preflight.content import (
    ColourSet,
    ImagePlaced,
    MissingResource,
    ShadingUsed,
    TextShown,
)
from brochure.preflight.model import Finding

SMALL_TEXT_PT = 8.0
OVERPRINT_BELOW_PT = 12.0
EPS = 1e-3
LINE_ART_PPI = 550  # one-colour images with hard edges (what printers' preflights use)


def missing_resources(page: int, events: list) -> list[Finding]:
    """A drawn image, form or font that the page does not have: it would print as nothing."""
    kinds = {"/XObject": "image or form", "/Font": "font"}
    return [Finding("content.missing-resource", "error", page, f"{e.where} {e.name}",
                    f"the page draws the {kinds.get(e.category, 'resource')} {e.name}, but "
                    "its resources do not have it, so it would not print — re-export the PDF")
            for e in dict.fromkeys(x for x in events if isinstance(x, MissingResource))]


def rgb_colours(page: int, events: list) -> list[Finding]:
    """rg/RG, and sc/scn in an RGB or Lab space: errors, one per operator and place."""
    uses = Counter((e.where, e.op, e.space.label) for e in events
                   if isinstance(e, ColourSet) and e.space.not_for_print)
    return [Finding("colour.rgb-operator", "error", page, where,
                    f"'{op}' sets a {label} colour {_times(n)}; print needs CMYK only — "
                    "convert these colours to DeviceCMYK")
            for (where, op, label), n in uses.items()]


def rgb_images(page: int, events: list) -> list[Finding]:
    seen = {(e.where, e.name, e.space.label) for e in events
            if isinstance(e, ImagePlaced | ShadingUsed) and e.space and e.space.not_for_print}
    return [Finding("colour.rgb-image" if name.startswith(("image", "inline")) else
                    "colour.rgb-shading", "error", page, name,
                    f"{name} in the {where} is {label}; convert it to CMYK through the "
                    "output ICC profile")
            for where, name, label in sorted(seen)]


def max_ink(events: list) -> tuple[float, str]:
    """The highest total area coverage (C+M+Y+K, in %) set by a CMYK colour, and where."""
    best, where = 0.0, ""
    for e in events:
        if isinstance(e, ColourSet) and e.space.family == "cmyk" and len(e.values) == 4:
            tac = sum(e.values) * 100
            if tac > best:
                best, where = tac, e.where
    return best, where


def ink_coverage(page: int, events: list, limit: float) -> list[Finding]:
    tac, where = max_ink(events)
    if tac <= limit + EPS:
        return []
    return [Finding("ink.tac-over-limit", "error", page, where,
                    f"a vector colour has {tac:.0f}% total ink (C+M+Y+K), over the "
                    f"{limit:.0f}% limit — lighten it (rich black C60 M40 Y40 K100 is 240%)")]


def effective_ppi(e: ImagePlaced) -> float:
    """Pixels per inch at placed size, the lower of the two axes; inf if not placed."""
    a, b, c, d, _, _ = e.ctm
    wide, high = math.hypot(a, b) / 72, math.hypot(c, d) / 72
    if wide <= 0 or high <= 0:
        return math.inf
    return min(e.width / wide, e.height / high)


def resolution(page: int, events: list, ppi_error: float, ppi_warn: float,
               origin: tuple[float, float] = (0.0, 0.0)) -> list[Finding]:
    """Each image's lowest resolution on the page: a photo's against the limits, a stencil's
    (an image mask, one colour with hard edges) against line art's. Images are placed
    from `origin`, the trimmed page's lower-left corner."""
    lowest: dict[tuple[str, str], tuple[float, ImagePlaced]] = {}
    for e in events:
        if isinstance(e, ImagePlaced):
            ppi = effective_ppi(e)
            key = (e.where, e.name)
            if ppi < lowest.get(key, (math.inf,))[0]:
                lowest[key] = (ppi, e)
    return [_ppi_finding(page, ppi, e, ppi_error, ppi_warn, origin) if e.space is not None
            else _line_art_finding(page, ppi, e, origin) for ppi, e in lowest.values()]


def placement(e: ImagePlaced, origin: tuple[float, float]) -> str:
    """Where an image stands, for a person to find it: its placed size, and its lower-left
    corner from the trimmed page's lower-left corner (`origin`), in millimetres."""
    a, b, c, d, x, y = e.ctm
    xs, ys = (x, x + a, x + c, x + a + c), (y, y + b, y + d, y + b + d)
    mm = 25.4 / 72
    return (f"{(max(xs) - min(xs)) * mm:.0f} x {(max(ys) - min(ys)) * mm:.0f} mm, its lower "
            f"left {(min(xs) - origin[0]) * mm:.0f} mm from the page's left edge and "
            f"{(min(ys) - origin[1]) * mm:.0f} mm from its bottom")


def _line_art_finding(page: int, ppi: float, e: ImagePlaced, origin) -> Finding:
    size = f"{e.width}x{e.height} px in the {e.where}, placed {placement(e, origin)}"
    if ppi >= LINE_ART_PPI:
        return Finding("image.ppi", "info", page, e.name,
                       f"a one-colour stencil, prints at {ppi:.0f} ppi ({size}).")
    return Finding("image.low-ppi-line-art", "warning", page, e.name,
                   f"a one-colour stencil prints at {ppi:.0f} ppi ({size}); its hard edges "
                   f"show as steps below {LINE_ART_PPI} ppi — use vector art or a larger image")


def _ppi_finding(page: int, ppi: float, e: ImagePlaced, ppi_error, ppi_warn,
                 origin) -> Finding:
    size = f"{e.width}x{e.height} px in the {e.where}, placed {placement(e, origin)}"
    if ppi >= ppi_warn:
        return Finding("image.ppi", "info", page, e.name, f"prints at {ppi:.0f} ppi ({size}).")
    error = ppi < ppi_error
    verdict = (f"below the {ppi_error:.0f} ppi a printer accepts" if error
               else f"below {ppi_warn:.0f} ppi it looks soft in print")
    return Finding("image.low-ppi", "error" if error else "warning", page, e.name,
                   f"prints at {ppi:.0f} ppi ({size}), {verdict} (aim for 300) — use a "
                   "larger image or place it smaller")


def small_multi_ink_text(page: int, events: list) -> list[Finding]:
    found: dict[tuple[str, str], TextShown] = {}
    for e in events:
        if (isinstance(e, TextShown) and e.size < SMALL_TEXT_PT and e.space.family == "cmyk"
                and sum(1 for v in e.values if v > EPS) > 1):
            key = (e.where, e.font)
            if key not in found or e.size < found[key].size:
                found[key] = e
    return [Finding("text.small-multi-ink", "warning", page, e.font,
                    f"{e.size:.1f} pt text is printed in {_cmyk(e.values)} on several plates; "
                    f"text under {SMALL_TEXT_PT:.0f} pt should use one ink (e.g. 100% K)")
            for e in found.values()]


def black_text_overprint(page: int, events: list) -> list[Finding]:
    found: dict[tuple[str, str], TextShown] = {}
    for e in events:
        if (isinstance(e, TextShown) and e.size < OVERPRINT_BELOW_PT and _is_black(e)
                and not (e.overprint and e.opm == 1)):
            found.setdefault((e.where, e.font), e)
    return [Finding("overprint.black-text", "warning", page, e.font, _overprint_message(e))
            for e in found.values()]


def _overprint_message(e: TextShown) -> str:
    if e.overprint:
        return ("100% K text overprints but with overprint mode 0, which knocks out the other "
                "plates — set OPM 1 in the ExtGState")
    return (f"100% K text under {OVERPRINT_BELOW_PT:.0f} pt is drawn without overprint — "
            "use an ExtGState with /op true and /OPM 1 so it cannot show white edges")


def _is_black(e: TextShown) -> bool:
    if e.space.family == "cmyk" and len(e.values) == 4:
        c, m, y, k = e.values
        return max(c, m, y) < EPS and k > 1 - EPS
    return e.space.family == "gray" and len(e.values) == 1 and e.values[0] < EPS


def _cmyk(values) -> str:
    return " ".join(f"{ink}{v * 100:.0f}" for ink, v in zip("CMYK", values, strict=False))


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"
