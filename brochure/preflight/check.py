"""check_pdf: open any PDF, run every check page by page, and gather one Report."""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf

from brochure.preflight import annots, boxes, fonts, paint, pdfx
from brochure.preflight.content import Walker
from brochure.preflight.model import SEVERITIES, Finding, Report
from brochure.preflight.reading import first_line, run_check


@dataclass(frozen=True)
class Limits:
    ink: float = 300
    ppi_error: float = 149
    ppi_warn: float = 224
    bleed_mm: float = 3


@dataclass
class _Seen:
    """What earlier pages found that later pages are compared with."""

    walker: Walker = field(default_factory=Walker)
    fonts: set = field(default_factory=set)
    first_trim: boxes.Box | None = None
    max_ink: tuple[float, int] = (0.0, 0)


def check_pdf(path, ink_limit: float = 300, min_ppi_error: float = 149,
              min_ppi_warn: float = 224, bleed_mm: float = 3) -> Report:
    """Preflight the PDF at path; raise reading.UnreadablePdf if it cannot be opened or walked."""
    limits = Limits(ink_limit, min_ppi_error, min_ppi_warn, bleed_mm)
    return run_check(path, lambda pdf: _check(pdf, limits))


def _check(pdf: pikepdf.Pdf, limits: Limits) -> list[Finding]:
    findings = pdfx.check_document(pdf)
    seen = _Seen()
    for number, page in enumerate(pdf.pages, 1):
        findings += _page(number, page, limits, seen)
    tac, page = seen.max_ink
    findings.append(Finding("ink.tac-max", "info", 0, "vector colours",
                            f"the highest vector ink total is {tac:.0f}%"
                            + (f" (page {page})." if page else ".")))
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: (f.page, rank.get(f.severity, 9)))


def _page(number: int, page: pikepdf.Page, limits: Limits, seen: _Seen) -> list[Finding]:
    obj = page.obj
    resources = boxes.inherited(obj, "/Resources")
    findings = boxes.check_page(number, obj, limits.bleed_mm, seen.first_trim)
    if seen.first_trim is None:
        seen.first_trim = boxes.box(obj.get("/TrimBox"))
    findings += fonts.check_page(number, obj, resources, seen.fonts)
    findings += annots.check_page(number, obj)
    return findings + _paint(number, page, resources, limits, seen)


def _trim_origin(page: pikepdf.Dictionary) -> tuple[float, float]:
    """The trimmed page's lower-left corner (the media box's without a trim box)."""
    trim = boxes.box(page.get("/TrimBox")) or boxes.box(boxes.inherited(page, "/MediaBox"))
    return trim[:2] if trim else (0.0, 0.0)


def _paint(number: int, page: pikepdf.Page, resources, limits: Limits,
           seen: _Seen) -> list[Finding]:
    try:
        events = seen.walker.walk(page, resources)
    except (pikepdf.PdfError, ValueError, TypeError, KeyError) as exc:
        return [Finding("content.unreadable", "error", number, "content stream",
                        f"the page content cannot be parsed ({first_line(exc)}); re-export it")]
    tac = paint.max_ink(events)[0]
    if tac > seen.max_ink[0]:
        seen.max_ink = (tac, number)
    return (paint.missing_resources(number, events)
            + paint.rgb_colours(number, events) + paint.rgb_images(number, events)
            + paint.ink_coverage(number, events, limits.ink)
            + paint.resolution(number, events, limits.ppi_error, limits.ppi_warn,
                               _trim_origin(page.obj))
            + paint.small_multi_ink_text(number, events)
            + paint.black_text_overprint(number, events))
