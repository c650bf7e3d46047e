"""The pipeline: content file -> validated model -> layout -> PDF editions, written atomically.

`prepare` does everything that can fail because of the content (validation, compliance,
files, layout); only then does `build` write anything. The print edition is CMYK PDF/X-4
with bleed and marks; the digital edition is trim-size, sRGB, tagged (PDF/UA-1), with live
links. Each is checked after writing (print preflight, accessibility check).

A process keeps work between builds (paragraphs, drawings, fonts: see the README), and that
state is not safe to share between threads: builds in one process take turns. Build in
several processes (as `--variants` does) to use several cores.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

from brochure import __version__
from brochure.checks import (
    alt_text_issues,
    drawn_glyph_issues,
    field_texts,
    glyph_issues,
    language_warnings,
    locate,
    placeholder_warnings,
    resolution_issues,
)
from brochure.content.compliance import compliance_issues, display_date, parse_month
from brochure.content.model import Brochure
from brochure.content.validate import load_located, validate
from brochure.content.yamlpos import Located
from brochure.draw.images import file_digest, print_ready, screen_ready
from brochure.errors import BrochureError, Issue
from brochure.finish.pdfx import PDFUA, PdfxInfo, finish_pdfx, source_date
from brochure.layout.geometry import Geometry
from brochure.layout.items import Document
from brochure.layout.page import lay_out
from brochure.preflight import ahead
from brochure.preflight.model import Report
from brochure.resources import Resources, file_issues_of_raw, gather
from brochure.text.markup import plain_text
from brochure.text.styles import Styles
from brochure.theme.fonts import FontSet, register_fonts
from brochure.theme.load import DEFAULT_THEME, FORMATS, load_theme, theme_files
from brochure.theme.model import Theme
from brochure.write import draw_digital, draw_print, write_atomically, write_pieces

EDITIONS = ("print", "digital")
SCREEN_PPI = 170  # the digital edition's photos: sharp on screen, small to send


@dataclass
class BuildOptions:
    output: Path
    crop_marks: bool | None = None  # None: as the content says (default on)
    theme: Path | None = None
    today: date | None = None  # for expiry checks; None: the real date
    editions: tuple[str, ...] = EDITIONS
    page_format: str | None = None  # None: as the content says (default A4)


@dataclass
class Edition:
    """One written PDF and what its check found."""

    name: str
    path: Path
    pages: int
    report: Report


@dataclass
class BuildResult:
    editions: list[Edition]
    warnings: list[Issue] = field(default_factory=list)
    seconds: float = 0.0
    record: dict[str, str] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.editions[0].path


@dataclass
class Prepared:
    """Everything decided before drawing: validated content, theme, files, layout."""

    brochure: Brochure
    located: Located
    theme: Theme
    fonts: FontSet
    styles: Styles
    resources: Resources
    document: Document
    warnings: list[Issue]


def edition_path(output: Path, edition: str) -> Path:
    """OUT.pdf for print, OUT-digital.pdf beside it for the digital edition."""
    return output if edition == "print" else output.with_name(f"{output.stem}-digital.pdf")


def build(content_path: Path, options: BuildOptions) -> BuildResult:
    """Build the editions asked for; raise BrochureError (nothing written) if content is wrong."""
    return build_located(load_located(content_path), options)


_one_build_at_a_time = threading.RLock()
P = ParamSpec("P")
R = TypeVar("R")


def _taking_turns(function: Callable[P, R]) -> Callable[P, R]:
    """Run function while no other thread of this process is building. (Reading content
    and applying a variant's overrides keep nothing between builds: they need no turn.)"""
    @wraps(function)
    def in_turn(*args: P.args, **kwargs: P.kwargs) -> R:
        with _one_build_at_a_time:
            return function(*args, **kwargs)
    return in_turn


@_taking_turns
def build_located(located: Located, options: BuildOptions) -> BuildResult:
    """As build, for content already parsed (a variant: base content with overrides)."""
    start = time.perf_counter()
    prepared = {name: prepare_located(located, options, digital=name == "digital")
                for name in options.editions}
    first = next(iter(prepared.values()))
    record = approval_record(first, options)
    editions = [_write(name, p, record, edition_path(options.output, name))
                for name, p in prepared.items()]
    return BuildResult(editions, first.warnings, time.perf_counter() - start, record)


def check(content_path: Path, options: BuildOptions) -> list[Issue]:
    """Everything a build checks, without writing: returns the warnings."""
    return prepare(content_path, options).warnings


def prepare(content_path: Path, options: BuildOptions, digital: bool = False) -> Prepared:
    """Load, validate and lay out; raise BrochureError with every problem found."""
    return prepare_located(load_located(content_path), options, digital)


@_taking_turns
def prepare_located(located: Located, options: BuildOptions, digital: bool = False) -> Prepared:
    """Validate parsed content and lay it out; paths resolve beside located.file."""
    try:
        brochure = validate(located)
    except BrochureError as exc:  # report missing files in the same run as the typos
        issues = exc.issues + file_issues_of_raw(located)
        raise BrochureError(sorted(issues, key=lambda i: (i.line, i.col))) from None
    theme = load_theme(options.theme, options.page_format or brochure.format)
    fonts = register_fonts(theme.fonts)
    rules = compliance_issues(brochure, located, theme.veeva_id_pattern,
                              options.today or date.today())
    rules += alt_text_issues(brochure, located, "digital" in options.editions)
    _raise_if(rules + glyph_issues(brochure, located, fonts))
    res = gather(brochure, located)
    marks = brochure.print.crop_marks if options.crop_marks is None else options.crop_marks
    bleed = 0 if digital else _bleed(brochure, theme)
    geo = Geometry.from_theme(theme, bleed, marks and not digital)
    styles = Styles(theme, fonts, brochure.language, screen=digital)
    try:
        document = lay_out(brochure, res, theme, styles, geo, live_links=digital)
    except BrochureError as exc:
        raise BrochureError([locate(i, located) for i in exc.issues]) from None
    ppi = resolution_issues(document, res, located, "print" in options.editions and not digital)
    _raise_if(ppi + drawn_glyph_issues(document, fonts, located))
    warnings = [i for i in rules if i.severity == "warning"]
    warnings += ppi + placeholder_warnings(brochure, located, res)
    warnings += language_warnings(brochure, located)
    return Prepared(brochure, located, theme, fonts, styles, res, document, warnings)


def _bleed(b: Brochure, theme: Theme) -> float:
    """The content's bleed if it gives one, else the format's (3 mm; 0.125 in for Letter)."""
    return theme.page.bleed_mm if b.print.bleed_mm is None else b.print.bleed_mm


def _raise_if(issues: list[Issue]) -> None:
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        raise BrochureError(errors)


def _write(name: str, p: Prepared, record: dict[str, str], path: Path) -> Edition:
    b = p.brochure
    if name == "print":
        res = p.resources
        intent = b.print.rendering_intent
        images = _images(p, lambda src, _w: print_ready(src, res.profile, intent))
        info = replace(pdf_info(b, record), output_condition=res.output_condition,
                       output_condition_info=res.output_condition_info)

        canvas = draw_print(p.document, p.styles, p.fonts, images, b.language)
        pieces = finish_pdfx(canvas, info, res.profile)
        write_atomically(path, lambda tmp: write_pieces(tmp, pieces))
        return Edition(name, path, len(p.document.pages),
                       ahead.run("print", path, bleed_mm=_bleed(b, p.theme)))
    from brochure.finish.digital import finish_digital
    images = _images(p, screen_ready)

    def write_digital(tmp: str) -> None:
        tagger = draw_digital(tmp + ".raw", p.document, p.styles, p.fonts, images, b.language)
        finish_digital(tmp + ".raw", tmp, pdf_info(b, record, PDFUA), tagger.records,
                       field_texts(b))

    write_atomically(path, write_digital)
    return Edition(name, path, len(p.document.pages), ahead.run("accessibility", path))


def _images(p: Prepared, convert) -> dict[str, str]:
    """Prepared image files by source path: CMYK for print, downsampled sRGB for screen."""
    hero = p.resources.hero
    if not hero:
        return {}
    width_px = round(p.document.geometry.width / 72 * SCREEN_PPI)
    return {str(hero.path): str(convert(hero.path, width_px))}


def approval_record(p: Prepared, options: BuildOptions) -> dict[str, str]:
    """What the PDF's metadata records so a printed file can be matched to its approval."""
    b = p.brochure
    layers = [DEFAULT_THEME, *([options.theme] if options.theme else []),
              FORMATS / f"{p.theme.page.name}.yaml"]
    inputs = [*layers, *theme_files(p.theme), *p.resources.files()]  # fonts, logo, photo...
    content = repr(p.located.data).encode()  # the content as built (variants included)
    return {
        "VeevaID": b.compliance.veeva_id,
        "DateOfPreparation": display_date(b, b.compliance.date_of_preparation),
        "Status": b.compliance.status,
        "MaterialType": b.compliance.material_type,
        "InputsSHA256": inputs_digest(inputs, content),
    }


def inputs_digest(paths: list[Path], content: bytes) -> str:
    """SHA-256 over the content and the bytes of every input file, in a fixed order."""
    digest = hashlib.sha256(hashlib.sha256(content).digest())
    for path in paths:
        digest.update(file_digest(Path(path)))
    return digest.hexdigest()


def pdf_info(b: Brochure, record: dict[str, str], conformance: str = "PDF/X-4") -> PdfxInfo:
    year, month = parse_month(b.compliance.date_of_preparation) or (2000, 1)
    created = source_date(datetime(year, month, 1, tzinfo=UTC))
    keywords = [b.compliance.veeva_id, f"Date of preparation: {record['DateOfPreparation']}"]
    title, subject = (plain_text(text, b.language).replace("\u00a0", " ")  # as printed
                      for text in (b.title, b.tagline or ""))
    return PdfxInfo(title=title, subject=subject, keywords=keywords,
                    language=b.language, created=created, creator=f"brochure {__version__}",
                    extra=record, conformance=conformance)
