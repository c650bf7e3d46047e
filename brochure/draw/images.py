"""Photos for print: RGB converted to CMYK through ICC profiles once, then cached.

CMYK JPEGs pass through untouched; other images are converted and re-encoded once, and
the result is kept in a cache keyed by the content hash of image, profiles and intent.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, ImageCms

from brochure.cache import ASSETS, cache_dir, cache_store, used
from brochure.errors import BrochureError, Issue
from brochure.stamps import per_stamp

CMYK_PROFILE = ASSETS / "icc" / "ISOcoated_v2_300_bas.icc"
SRGB_PROFILE = ASSETS / "icc" / "sRGB.icc"
INTENTS = {"perceptual": ImageCms.Intent.PERCEPTUAL,
           "relative": ImageCms.Intent.RELATIVE_COLORIMETRIC}


@per_stamp(maxsize=256)
def file_digest(path: str) -> bytes:
    """SHA-256 of a file's bytes, remembered while its stamp stays the same."""
    return hashlib.sha256(Path(path).read_bytes()).digest()


def print_ready(path: Path, profile: Path = CMYK_PROFILE, intent: str = "perceptual") -> Path:
    """A CMYK JPEG of the image for print: the file itself if already CMYK JPEG."""
    with Image.open(path) as im:
        if im.format == "JPEG" and im.mode == "CMYK":
            return path
    digest = hashlib.sha256(file_digest(path) + file_digest(profile) + intent.encode())
    target = cache_dir() / f"{digest.hexdigest()[:32]}.jpg"
    if used(target):  # (and kept from pruning while this build draws it)
        return target
    return _stored(target, _to_cmyk_jpeg(path, profile, intent))


def screen_ready(path: Path, width_px: int) -> Path:
    """An sRGB JPEG no wider than width_px for the digital edition (cached)."""
    digest = hashlib.sha256(file_digest(path) + str(width_px).encode() + b"screen-v1")
    target = cache_dir() / f"{digest.hexdigest()[:32]}-screen.jpg"
    if used(target):  # (and kept from pruning while this build draws it)
        return target
    return _stored(target, _to_screen_jpeg(path, width_px))


def _stored(target: Path, data: bytes) -> Path:
    """The prepared photo is drawn from a file: it must be stored somewhere."""
    stored = cache_store(target, data)
    if stored is None:
        raise BrochureError([Issue(
            f"cannot write the prepared photo to the cache folder {target.parent} or the "
            "temporary folder — set BROCHURE_CACHE to a folder you can write to")])
    return stored


def _to_screen_jpeg(path: Path, width_px: int) -> bytes:
    with Image.open(path) as im:
        icc = im.info.get("icc_profile")
        if im.mode == "CMYK":
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc)) if icc else \
                ImageCms.getOpenProfile(str(CMYK_PROFILE))
            rgb = ImageCms.profileToProfile(im, source, ImageCms.getOpenProfile(
                str(SRGB_PROFILE)), outputMode="RGB")
        else:
            rgb = _flatten(im)
    if rgb.width > width_px:
        rgb = rgb.resize((width_px, round(rgb.height * width_px / rgb.width)),
                         Image.Resampling.LANCZOS)
    out = io.BytesIO()
    rgb.save(out, "JPEG", quality=80, optimize=True, progressive=False)
    return out.getvalue()


def _flatten(im: Image.Image) -> Image.Image:
    """RGB on white paper, whatever the mode (palette, alpha, grey)."""
    im = im.convert("RGBA")
    ground = Image.new("RGB", im.size, (255, 255, 255))
    ground.paste(im, mask=im.getchannel("A"))
    return ground


def _to_cmyk_jpeg(path: Path, profile: Path, intent: str) -> bytes:
    with Image.open(path) as im:
        icc = im.info.get("icc_profile")
        rgb = _flatten(im)
    source = ImageCms.ImageCmsProfile(io.BytesIO(icc)) if icc else ImageCms.getOpenProfile(
        str(SRGB_PROFILE))
    dest = ImageCms.getOpenProfile(str(profile))
    cmyk = ImageCms.profileToProfile(rgb, source, dest, renderingIntent=INTENTS[intent],
                                     outputMode="CMYK")
    out = io.BytesIO()
    cmyk.save(out, "JPEG", quality=88, subsampling=0, optimize=False)
    return out.getvalue()
