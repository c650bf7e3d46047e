"""The pipeline: content file -> validated model -> layout -> PDF, written atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from brochure import __version__
from brochure.content.compliance import compliance_issues, display_date, parse_month
from brochure.content.model import Brochure
from brochure.content.validate import load_content
from brochure.content.yamlpos import Located
from brochure.draw.images import CMYK_PROFILE, print_ready
from brochure.draw.painter import Painter
from brochure.errors import BrochureError, Issue
from brochure.finish.marks import draw_crop_marks
from brochure.finish.pdfx import PdfxInfo, finish_pdfx, source_date
from brochure.layout.geometry import Geometry
from brochure.layout.items import Document, Photo
from brochure.layout.page import lay_out
from brochure.preflight import Report, check_pdf
from brochure.resources import Resources, gather
from brochure.text.markup import plain_text
from brochure.text.styles import Styles
from brochure.theme.fonts import FontSet, register_fonts
from brochure.theme.load import DEFAULT_THEME, load_theme
from brochure.theme.model import Theme

rl_config.useA85 = 0  # pass JPEG bytes through; ASCII85 would add 25% and time
PPI_ERROR, PPI_WARN = 149, 224
NOT_PRINTED = {"image", "icon", "language", "status", "material_type", "alt", "decorative"}
PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net")


@dataclass
class BuildOptions:
    output: Path
    crop_marks: bool | None = None  # None: as the content says (default on)
    theme: Path | None = None
    today: date | None = None  # for expiry checks; None: the real date


@dataclass
class BuildResult:
    path: Path
    pages: int
    warnings: list[Issue] = field(default_factory=list)
    seconds: float = 0.0
    record: dict[str, str] = field(default_factory=dict)
    preflight: Report | None = None


def build(content_path: Path, options: BuildOptions) -> BuildResult:
    """Build the print PDF; raise BrochureError (nothing written) if the content is wrong."""
    start = time.perf_counter()
    p = prepare(content_path, options)
    res = p.resources
    images = {str(res.hero.path): str(print_ready(res.hero.path))} if res.hero else {}
    record = approval_record(p, content_path, options)

    def write(tmp: str) -> None:
        raw = tmp + ".raw"
        try:
            _draw(raw, p.brochure, p.document, p.styles, p.fonts, images)
            finish_pdfx(raw, tmp, _pdfx_info(p.brochure, record), CMYK_PROFILE)
        finally:
            if os.path.exists(raw):
                os.unlink(raw)

    _write_atomically(options.output, write)
    report = check_pdf(options.output, bleed_mm=p.brochure.print.bleed_mm)
    return BuildResult(options.output, len(p.document.pages), p.warnings,
                       time.perf_counter() - start, record, report)


def approval_record(p: Prepared, content_path: Path, options: BuildOptions) -> dict[str, str]:
    """What the PDF's metadata records so a printed file can be matched to its approval."""
    b = p.brochure
    theme_files = [DEFAULT_THEME] + ([options.theme] if options.theme else [])
    fonts = [Path(getattr(p.theme.fonts, w)) for w in ("regular", "italic", "bold", "bold_italic")]
    inputs = [content_path, *theme_files, *fonts, *p.resources.files(), CMYK_PROFILE]
    return {
        "VeevaID": b.compliance.veeva_id,
        "DateOfPreparation": display_date(b, b.compliance.date_of_preparation),
        "Status": b.compliance.status,
        "MaterialType": b.compliance.material_type,
        "InputsSHA256": inputs_digest(inputs),
    }


def inputs_digest(paths: list[Path]) -> str:
    """SHA-256 over the bytes of every input file, in a fixed order."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
    return digest.hexdigest()


def _pdfx_info(b: Brochure, record: dict[str, str]) -> PdfxInfo:
    year, month = parse_month(b.compliance.date_of_preparation) or (2000, 1)
    created = source_date(datetime(year, month, 1, tzinfo=UTC))
    keywords = [b.compliance.veeva_id, f"Date of preparation: {record['DateOfPreparation']}"]
    return PdfxInfo(title=b.title, subject=b.tagline or "", keywords=keywords,
                    language=b.language, created=created, creator=f"brochure {__version__}",
                    extra=record)


def check(content_path: Path, options: BuildOptions) -> list[Issue]:
    """Everything a build checks, without writing: returns the warnings."""
    return prepare(content_path, options).warnings


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


def prepare(content_path: Path, options: BuildOptions) -> Prepared:
    """Load, validate and lay out; raise BrochureError with every problem found."""
    brochure, located = load_content(content_path)
    theme = load_theme(options.theme)
    fonts = register_fonts(theme.fonts)
    today = options.today or date.today()
    rules = compliance_issues(brochure, located, theme.veeva_id_pattern, today)
    _raise_if(rules + _glyph_issues(brochure, located, fonts))
    res = gather(brochure, located)
    marks = brochure.print.crop_marks if options.crop_marks is None else options.crop_marks
    geo = Geometry.from_theme(theme, brochure.print.bleed_mm, marks)
    styles = Styles(theme, fonts, brochure.language)
    try:
        document = lay_out(brochure, res, theme, styles, geo)
    except BrochureError as exc:
        raise BrochureError([_locate(i, located) for i in exc.issues]) from None
    ppi = _resolution_issues(document, res, located)
    _raise_if(ppi)
    warnings = [i for i in rules if i.severity == "warning"]
    warnings += ppi + _placeholder_warnings(brochure, located)
    return Prepared(brochure, located, theme, fonts, styles, res, document, warnings)


def _raise_if(issues: list[Issue]) -> None:
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        raise BrochureError(errors)


def _draw(path: str, b: Brochure, document: Document, styles: Styles, fonts: FontSet,
          images: dict[str, str]) -> None:
    geo: Geometry = document.geometry
    media, slug = geo.media, geo.slug
    trim = geo.trim.as_box()
    canvas = Canvas(
        path, pagesize=(media.w, media.h), invariant=1, pageCompression=1,
        enforceColorSpace="sep_cmyk", initialFontName=fonts.name("regular"),
        trimBox=_offset(trim, slug), bleedBox=_offset(geo.bleed_rect.as_box(), slug),
        lang=b.language,
    )
    canvas.setTitle(b.title)
    canvas.setSubject(b.tagline or "")
    canvas.setKeywords([b.compliance.veeva_id, f"Date of preparation: "
                        f"{b.compliance.date_of_preparation}"])
    canvas.setCreator(f"brochure {__version__}")
    canvas.setProducer(f"brochure {__version__} (ReportLab)")
    painter = Painter(canvas, styles, images)
    for page in document.pages:
        canvas.translate(slug, slug)
        painter.page(page.items)
        if geo.marks:
            draw_crop_marks(canvas, geo)
        canvas.showPage()
    canvas.save()


def _offset(box: tuple[float, ...], d: float) -> tuple[float, ...]:
    return tuple(v + d for v in box)


def _write_atomically(target: Path, write) -> None:
    """Write to a temporary file beside target, then rename: never a half-written PDF."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.tmp", dir=target.parent)
    os.close(fd)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a PDF is meant to be shared
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _printed_strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_PRINTED:
                yield from _printed_strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _printed_strings(item, path + (i,))


def _glyph_issues(b: Brochure, located: Located, fonts: FontSet) -> list[Issue]:
    issues = []
    for path, text in _printed_strings(b.model_dump()):
        for char in fonts.missing(plain_text(text)):
            line, col = located.where(path)
            issues.append(Issue(
                f"the font {fonts.family} has no glyph for '{char}' (U+{ord(char):04X}) — "
                "replace the character or use a theme font that has it",
                located.file, line, col, _dotted(path)))
    return issues


def _dotted(path: tuple) -> str:
    from brochure.content.yamlpos import dotted
    return dotted(path)


def _locate(issue: Issue, located: Located) -> Issue:
    """Give a layout issue (which knows only its field) the file, line and column."""
    if issue.file or not issue.field:
        return issue
    path: list = []
    for part in issue.field.replace("]", "").replace("[", ".").split("."):
        path.append(int(part) if part.isdigit() else part)
    line, col = located.where(tuple(path))
    return Issue(issue.message, located.file, line, col, issue.field, issue.severity)


def _resolution_issues(document: Document, res: Resources, located: Located) -> list[Issue]:
    issues = []
    for page in document.pages:
        for item in page.items:
            if isinstance(item, Photo) and res.hero and item.path == str(res.hero.path):
                ppi = res.hero.width / (item.placed.w / 72)
                if ppi < PPI_WARN:
                    severity = "error" if ppi < PPI_ERROR else "warning"
                    needed = int(item.placed.w / 72 * 300)
                    issues.append(_locate(Issue(
                        f"the photo prints at {ppi:.0f} ppi; print needs {PPI_WARN}+ "
                        f"(aim for 300: {needed} px wide) — use a larger image",
                        field=item.field, severity=severity), located))
    return issues


def _placeholder_warnings(b: Brochure, located: Located) -> list[Issue]:
    issues = []
    for i, link in enumerate(b.links):
        if any(host in link.url for host in PLACEHOLDER_HOSTS):
            line, col = located.where(("links", i, "url"))
            issues.append(Issue(f"'{link.url}' is a placeholder address — put the real one in "
                                "before this goes to print", located.file, line, col,
                                f"links[{i}].url", "warning"))
    return issues
