"""Page geometry: TrimBox, BleedBox, MediaBox, CropBox, ArtBox, /Rotate and /UserUnit."""

from __future__ import annotations

import pikepdf

from brochure.preflight.model import Finding

MM = 72 / 25.4
TOLERANCE = 0.01  # pt
Box = tuple[float, float, float, float]


def inherited(page: pikepdf.Dictionary, key: str):
    """A page attribute, looked up through /Parent as PDF inheritance allows."""
    node, depth = page, 0
    while node is not None and depth < 64:
        if key in node:
            return node[key]
        node, depth = node.get("/Parent"), depth + 1
    return None


def box(value) -> Box | None:
    """A normalised (x0, y0, x1, y1) rectangle, or None if absent or malformed."""
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def size(b: Box) -> tuple[float, float]:
    return b[2] - b[0], b[3] - b[1]


def contains(outer: Box, inner: Box) -> bool:
    return all(outer[i] <= inner[i] + TOLERANCE for i in (0, 1)) and all(
        outer[i] >= inner[i] - TOLERANCE for i in (2, 3))


def bleed_per_side(trim: Box, bleed: Box) -> tuple[float, float, float, float]:
    """Bleed in pt: left, bottom, right, top."""
    return trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]


def check_page(number: int, page: pikepdf.Dictionary, bleed_mm: float,
               first_trim: Box | None) -> list[Finding]:
    trim, bleed = box(page.get("/TrimBox")), box(page.get("/BleedBox"))
    media = box(inherited(page, "/MediaBox"))
    findings = _trim(number, trim, first_trim) + _bleed(number, trim, bleed, bleed_mm)
    findings += _media(number, media, bleed or trim, box(inherited(page, "/CropBox")))
    return findings + _forbidden(number, page)


def _trim(number: int, trim: Box | None, first: Box | None) -> list[Finding]:
    if trim is None:
        return [Finding("boxes.trimbox-missing", "error", number, "page",
                        "the page has no TrimBox; set it to the finished (trim) size")]
    if first is None or _same_size(trim, first):
        return []
    w, h = size(trim)
    fw, fh = size(first)
    return [Finding("boxes.trim-size-differs", "error", number, "TrimBox",
                    f"the trim size is {w:.2f} x {h:.2f} pt but the first page's is "
                    f"{fw:.2f} x {fh:.2f} pt; every page must have the same trim size")]


def _same_size(a: Box, b: Box) -> bool:
    return all(abs(x - y) <= TOLERANCE for x, y in zip(size(a), size(b), strict=True))


def _bleed(number: int, trim: Box | None, bleed: Box | None, bleed_mm: float) -> list[Finding]:
    if bleed is None:
        return [Finding("boxes.bleedbox-missing", "error", number, "page",
                        f"the page has no BleedBox; set it to the TrimBox grown by {bleed_mm:g} mm"
                        " each side and draw edge-touching artwork out to it")]
    if trim is None:
        return []
    sides = bleed_per_side(trim, bleed)
    found = ", ".join(f"{side} {v / MM:.2f} mm" for side, v in
                      zip(("left", "bottom", "right", "top"), sides, strict=True))
    if min(sides) < bleed_mm * MM - TOLERANCE:
        return [Finding("boxes.bleed-too-small", "error", number, "BleedBox",
                        f"the bleed is {found}; it must be at least {bleed_mm:g} mm each side "
                        "— grow the BleedBox and the artwork that touches the trim")]
    return [Finding("boxes.bleed", "info", number, "BleedBox", f"bleed {found}.")]


def _media(number: int, media: Box | None, bleed: Box | None, crop: Box | None):
    findings = []
    if media is not None and bleed is not None and not contains(media, bleed):
        findings.append(Finding("boxes.bleed-outside-media", "error", number, "MediaBox",
                                "the MediaBox does not contain the BleedBox; enlarge the "
                                "MediaBox so the bleed is not cut off"))
    if crop is not None and media is not None and crop != media:
        findings.append(Finding("boxes.cropbox", "warning", number, "CropBox",
                                "the CropBox differs from the MediaBox; remove it or make it "
                                "equal to the MediaBox"))
    return findings


def _forbidden(number: int, page: pikepdf.Dictionary) -> list[Finding]:
    findings = []
    rotate = inherited(page, "/Rotate")
    if rotate is not None and int(rotate) % 360 != 0:
        findings.append(Finding("boxes.rotate", "error", number, "page",
                                f"the page has /Rotate {int(rotate)}; draw it upright instead "
                                "of rotating it when displayed"))
    if "/ArtBox" in page:
        findings.append(Finding("boxes.artbox", "error", number, "ArtBox",
                                "the page has an ArtBox; remove it and use only the TrimBox"))
    if "/UserUnit" in page and float(page["/UserUnit"]) != 1:
        findings.append(Finding("boxes.userunit", "error", number, "page",
                                "the page has a /UserUnit other than 1; remove it"))
    return findings
