"""Files the content names: find them, refuse unsafe paths, and check they can be used."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageCms

from brochure.cache import ASSETS
from brochure.content.model import Brochure
from brochure.content.yamlpos import Located, dotted
from brochure.draw.icons import load_svg
from brochure.draw.images import CMYK_PROFILE
from brochure.errors import BrochureError, Issue, closest

ICON_DIR = ASSETS / "icons"
MAX_PIXELS = 80_000_000  # beyond this an image is refused as a decompression bomb
IMAGE_TYPES = {"JPEG", "PNG", "TIFF"}


def icon_names() -> list[str]:
    return sorted(p.stem for p in ICON_DIR.glob("*.svg"))


class ImageInfo(NamedTuple):
    path: Path
    width: int
    height: int
    mode: str
    format: str


@dataclass
class Resources:
    """The resolved files of one brochure."""

    hero: ImageInfo | None = None
    icons: dict[int, Path] = field(default_factory=dict)
    profile: Path = CMYK_PROFILE
    output_condition: str = "FOGRA39"
    output_condition_info: str = "ISO Coated v2 300% (basICColor)"

    def files(self) -> list[Path]:
        """Every file used, in a fixed order (for the inputs hash)."""
        return ([self.hero.path] if self.hero else []) + [
            self.icons[k] for k in sorted(self.icons)] + [self.profile]


class _Finder:
    def __init__(self, located: Located):
        self.located = located
        self.base = Path(located.file).resolve().parent
        self.issues: list[Issue] = []

    def problem(self, path: tuple, message: str) -> None:
        line, col = self.located.where(path)
        self.issues.append(Issue(message, self.located.file, line, col, dotted(path)))

    def file(self, value: str, path: tuple) -> Path | None:
        candidate = (self.base / value).resolve()
        if not candidate.is_relative_to(self.base):
            self.problem(path, f"'{value}' points outside the project folder {self.base} — "
                         "copy the file into the project and use a relative path")
        elif not candidate.exists():
            self.problem(path, f"file not found: {candidate} — check the spelling and the "
                         "folder (paths are relative to the content file)")
        elif not candidate.is_file():
            self.problem(path, f"'{value}' is not a regular file (a folder or a device?) — "
                         "name an image file")
        else:
            return candidate
        return None

    def image(self, value: str, path: tuple) -> ImageInfo | None:
        found = self.file(value, path)
        return _open_image(found, path, self) if found else None

    def icon(self, value: str, path: tuple) -> Path | None:
        if "/" not in value and "." not in value:
            builtin = ICON_DIR / f"{value}.svg"
            if builtin.is_file():
                return builtin
            close = closest(value, icon_names())
            hint = (f"did you mean '{close[0]}'?" if close else
                    f"use one of: {', '.join(icon_names())}, or the path of your own .svg "
                    "or .png")
            self.problem(path, f"unknown icon '{value}' — {hint}")
            return None
        found = self.file(value, path)
        if found and found.suffix.lower() == ".svg":
            return found if _svg_ok(found, path, self) else None
        if found and _open_image(found, path, self):
            return found
        return None


def _open_image(path: Path, field_path: tuple, finder: _Finder) -> ImageInfo | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                if im.width * im.height > MAX_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                info = ImageInfo(path, im.width, im.height, im.mode, im.format or "")
                if im.format == "JPEG":
                    _check_jpeg_end(path)  # a full decode would cost ~80 ms per photo
                else:
                    im.verify()  # PNG/TIFF: checks every chunk's checksum
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        finder.problem(field_path, f"{path.name} is too large to be a real photo (over "
                       f"{MAX_PIXELS // 1_000_000} megapixels) — export it at print size")
        return None
    except (OSError, SyntaxError, ValueError) as exc:
        reason = str(exc) if isinstance(exc, Truncated) else "its contents are not a readable image"
        finder.problem(field_path, f"{path.name} is damaged or not an image ({reason}) — "
                       "copy it again or re-export it as JPEG or PNG")
        return None
    if info.format not in IMAGE_TYPES:
        finder.problem(field_path, f"{path.name} is a {info.format} image — use JPEG or PNG")
        return None
    return info


class Truncated(OSError):
    """A JPEG without its end marker: an interrupted download or copy."""


def _check_jpeg_end(path: Path) -> None:
    """Raise if a JPEG is cut short: a complete file ends with the EOI marker."""
    with path.open("rb") as f:
        f.seek(max(0, path.stat().st_size - 64))
        tail = f.read().rstrip(b"\x00\r\n ")
    if not tail.endswith(b"\xff\xd9"):
        raise Truncated("the file is cut short")


def _svg_ok(path: Path, field_path: tuple, finder: _Finder) -> bool:
    try:
        load_svg(path)
    except ValueError as exc:
        finder.problem(field_path, f"{path.name} is not a usable SVG ({exc}) — "
                       "save it as plain SVG with paths or shapes")
        return False
    return True


def gather(brochure: Brochure, located: Located) -> Resources:
    """Resolve and open every file the content names; raise all problems at once."""
    finder = _Finder(located)
    res = Resources()
    if brochure.hero:
        res.hero = finder.image(brochure.hero.image, ("hero", "image"))
    for i, stat in enumerate(brochure.stats):
        if stat.icon:
            icon = finder.icon(stat.icon, ("stats", i, "icon"))
            if icon:
                res.icons[i] = icon
    if brochure.print.icc_profile:
        _printer_profile(brochure, finder, res)
    if finder.issues:
        raise BrochureError(finder.issues)
    return res


def file_issues_of_raw(located: Located) -> list[Issue]:
    """The file problems of content that failed validation, so they come in the same report.

    Looks only at values that are plain text where a file is expected (hero image, icons).
    """
    finder = _Finder(located)
    for kind, value, path in _named_in_raw(located):
        getattr(finder, kind)(value, path)
    return finder.issues


def named_files_of_raw(located: Located) -> list[Path]:
    """The files that content (valid or not) names, whether they exist yet or not: what a
    watch waits for after a failed build."""
    base = Path(located.file).resolve().parent
    return [(base / value.strip()).resolve() for kind, value, _ in _named_in_raw(located)
            if kind != "icon" or "/" in value or "." in value]  # (not built-in icon names)


def _named_in_raw(located: Located):
    """(kind, value, field path) for each plain-text value where a file is expected."""
    data = located.data if isinstance(located.data, dict) else {}
    hero = data.get("hero")
    if isinstance(hero, dict) and isinstance(hero.get("image"), str) and hero["image"].strip():
        yield "image", hero["image"], ("hero", "image")
    stats = data.get("stats")
    for i, stat in enumerate(stats if isinstance(stats, list) else []):
        icon = stat.get("icon") if isinstance(stat, dict) else None
        if isinstance(icon, str) and icon.strip():
            yield "icon", icon, ("stats", i, "icon")
    printing = data.get("print")
    profile = printing.get("icc_profile") if isinstance(printing, dict) else None
    if isinstance(profile, str) and profile.strip():
        yield "file", profile, ("print", "icc_profile")


def _printer_profile(brochure: Brochure, finder: _Finder, res: Resources) -> None:
    """The printer's own CMYK profile and output condition, instead of FOGRA39."""
    settings = brochure.print
    path = finder.file(settings.icc_profile, ("print", "icc_profile"))
    if path is None:
        return
    try:
        profile = ImageCms.getOpenProfile(str(path))
        space = profile.profile.xcolor_space.strip()
        description = ImageCms.getProfileDescription(profile).strip()
    except (OSError, ImageCms.PyCMSError):
        space, description = "", ""
    if space != "CMYK":
        finder.problem(("print", "icc_profile"), f"{path.name} is not a CMYK ICC profile — "
                       "ask your printer for their CMYK output profile (.icc)")
        return
    if not settings.output_condition:
        finder.problem(("print", "icc_profile"), "name the profile's output condition too — "
                       "add print.output_condition, e.g. FOGRA51 (your printer will say)")
        return
    res.profile, res.output_condition = path, settings.output_condition
    res.output_condition_info = description or settings.output_condition
