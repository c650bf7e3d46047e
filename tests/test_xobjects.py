"""A photo loaded once is registered in later documents without reading the file again."""

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from brochure.draw.xobjects import preload_jpeg, shared_streams
from brochure.finish.pdfx import PdfxInfo, finish_pdfx

ASSETS = Path(__file__).resolve().parents[1] / "assets"
PHOTO = ASSETS / "images" / "hero-standin.jpg"
ICC = ASSETS / "icc" / "ISOcoated_v2_300_bas.icc"
INFO = PdfxInfo(title="t", subject="s", keywords=[], language="en-GB",
                created=datetime(2025, 7, 1, tzinfo=UTC), creator="brochure test")


def _pdf_with(path: Path, preload: bool) -> bytes:
    canvas = Canvas("unused.pdf", invariant=1)
    if preload:
        preload_jpeg(canvas, str(path))
    canvas.drawImage(str(path), 10, 10, 100, 60, mask="auto")
    canvas.showPage()
    return canvas.getpdfdata()


def test_preloaded_photo_gives_the_same_pdf_and_is_not_read_again(tmp_path) -> None:
    photo = tmp_path / "photo.jpg"
    shutil.copy(PHOTO, photo)
    plain = _pdf_with(photo, preload=False)
    assert _pdf_with(photo, preload=True) == plain
    stat = photo.stat()
    photo.write_bytes(bytes(stat.st_size))  # zeroed, same size, same time: still cached
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _pdf_with(photo, preload=True) == plain  # served from memory, not the zeroed file


def test_a_changed_file_is_loaded_afresh(tmp_path) -> None:
    photo = tmp_path / "photo.jpg"
    shutil.copy(PHOTO, photo)
    first = _pdf_with(photo, preload=True)
    photo.write_bytes(PHOTO.read_bytes()[:-2] + b"\xff\xd9\xff\xd9")  # longer: a new size
    assert _pdf_with(photo, preload=True) != first


def _finished_id(photo: Path) -> bytes:
    canvas = Canvas("unused.pdf", invariant=1, enforceColorSpace="cmyk")
    preload_jpeg(canvas, str(photo))
    canvas.drawImage(str(photo), 10, 10, 100, 60, mask="auto")
    canvas.showPage()
    data = bytes(finish_pdfx(canvas, INFO, ICC))
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
    assert len(shared_streams_of(one)) == 1  # found in the written file, so it was skipped


def shared_streams_of(photo: Path) -> list[bytes]:
    canvas = Canvas("unused.pdf", invariant=1)
    preload_jpeg(canvas, str(photo))
    canvas.drawImage(str(photo), 10, 10, 100, 60, mask="auto")
    canvas.showPage()
    canvas.getpdfdata()
    return [digest for _, _, digest in shared_streams(canvas)]
