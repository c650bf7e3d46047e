"""Photos drawn as shared XObjects: loaded once, named by their bytes, hashed once."""

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from brochure.draw import xobjects
from brochure.draw.xobjects import draw_jpeg
from brochure.finish.pdfx import PdfxInfo, finish_pdfx
from brochure.finish.pieces import shared_digests

ASSETS = Path(__file__).resolve().parents[1] / "assets"
PHOTO = ASSETS / "images" / "hero-standin.jpg"
ICC = ASSETS / "icc" / "ISOcoated_v2_300_bas.icc"
INFO = PdfxInfo(title="t", subject="s", keywords=[], language="en-GB",
                created=datetime(2025, 7, 1, tzinfo=UTC), creator="brochure test")


def _drawn(path: Path) -> Canvas:
    canvas = Canvas("unused.pdf", invariant=1, enforceColorSpace="cmyk")
    draw_jpeg(canvas, str(path), 10, 10, 100, 60)
    canvas.showPage()
    return canvas


def test_a_photo_is_read_once_per_version_of_its_file(tmp_path) -> None:
    photo = tmp_path / "photo.jpg"
    shutil.copy(PHOTO, photo)
    xobjects._loaded.cache_clear()
    first = _drawn(photo).getpdfdata()
    assert _drawn(photo).getpdfdata() == first
    assert xobjects._loaded.cache_info().misses == 1  # the second document reused it
    assert b"/Subtype /Image" in first and b"/DCTDecode" in first
    stat = photo.stat()
    with Image.open(PHOTO) as im:  # another photo with the old time (as cp -p would keep)
        im.transpose(Image.Transpose.FLIP_TOP_BOTTOM).save(photo, quality=90)
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _drawn(photo).getpdfdata() != first
    assert xobjects._loaded.cache_info().misses == 2


def test_the_same_photo_anywhere_gives_the_same_bytes(tmp_path) -> None:
    """The XObject is named by the photo's bytes, not its path (a cache folder may move)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one, two = tmp_path / "a" / "photo.jpg", tmp_path / "b" / "copy.jpg"
    shutil.copy(PHOTO, one)
    shutil.copy(PHOTO, two)
    assert _drawn(one).getpdfdata() == _drawn(two).getpdfdata()


def _finished_id(photo: Path) -> bytes:
    data = b"".join(finish_pdfx(_drawn(photo), INFO, ICC))
    trailer = data[data.rindex(b"trailer"):]
    return trailer[trailer.index(b"/ID"):trailer.index(b"]")]


def test_the_file_id_follows_the_shared_photos_bytes(tmp_path) -> None:
    """The photo counts in the /ID by its own digest: another photo, another ID."""
    one, other = tmp_path / "one.jpg", tmp_path / "other.jpg"
    one.write_bytes(PHOTO.read_bytes())
    with Image.open(PHOTO) as im:
        im.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(other, quality=90)
    assert _finished_id(one) == _finished_id(one)
    assert _finished_id(one) != _finished_id(other)
    canvas = _drawn(one)
    pieces = finish_pdfx(canvas, INFO, ICC)
    shared = shared_digests(canvas)  # the photo and the ICC profile: hashed by their digest
    assert len(shared) == 2 and sum(id(piece) in shared for piece in pieces) == 2


def test_the_photo_is_in_the_pages_resources(tmp_path) -> None:
    path = tmp_path / "p.pdf"
    path.write_bytes(_drawn(PHOTO).getpdfdata())
    with pikepdf.open(path) as pdf:
        names = list(pdf.pages[0].Resources.XObject.keys())
        content = pdf.pages[0].Contents.read_bytes()
    assert len(names) == 1 and f"{names[0]} Do".encode() in content
