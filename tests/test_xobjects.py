"""A photo loaded once is registered in later documents without reading the file again."""

import os
import shutil
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from brochure.draw.xobjects import preload_jpeg

PHOTO = Path(__file__).resolve().parents[1] / "assets" / "images" / "hero-standin.jpg"


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
