"""The pipeline: content file -> validated model -> layout -> PDF, written atomically."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from brochure import __version__
from brochure.content.model import Brochure
from brochure.content.validate import load_content
from brochure.content.yamlpos import Located
from brochure.draw.images import print_ready
from brochure.draw.painter import Painter
from brochure.errors import BrochureError, Issue
from brochure.finish.marks import draw_crop_marks
from brochure.layout.geometry import Geometry
from brochure.layout.items import Document, Photo
from brochure.layout.page import lay_out
from brochure.resources import Resources, gather
from brochure.text.markup import plain_text
from brochure.text.styles import Styles
from brochure.theme.fonts import FontSet, register_fonts
from brochure.theme.load import load_theme

rl_config.useA85 = 0  # pass JPEG bytes through; ASCII85 would add 25% and time
PPI_ERROR, PPI_WARN = 149, 224
NOT_PRINTED = {"image", "icon", "language", "status", "material_type", "alt", "decorative"}
PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net")


@dataclass
class BuildOptions:
    output: Path
    crop_marks: bool | None = None  # None: as the content says (default on)
    theme: Path | None = None


@dataclass
class BuildResult:
    path: Path
    pages: int
    warnings: list[Issue] = field(default_factory=list)
    seconds: float = 0.0


def build(content_path: Path, options: BuildOptions) -> BuildResult:
    """Build the print PDF; raise BrochureError (nothing written) if the content is wrong."""
    start = time.perf_counter()
    prepared = _prepare(content_path, options)
    brochure, _located, res, document, styles, fonts, warnings = prepared
    images = {str(res.hero.path): str(print_ready(res.hero.path))} if res.hero else {}
    _write_atomically(options.output, lambda tmp: _draw(tmp, brochure, document, styles,
                                                        fonts, images))
    return BuildResult(options.output, len(document.pages), warnings,
                       time.perf_counter() - start)


def check(content_path: Path, options: BuildOptions) -> list[Issue]:
    """Everything a build checks, without writing: returns the warnings."""
    return _prepare(content_path, options)[-1]


def _prepare(content_path: Path, options: BuildOptions):
    brochure, located = load_content(content_path)
    theme = load_theme(options.theme)
    fonts = register_fonts(theme.fonts)
    _raise_if(_glyph_issues(brochure, located, fonts))
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
    warnings = ppi + _placeholder_warnings(brochure, located)
    return brochure, located, res, document, styles, fonts, warnings


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
