"""A PDF serialised in pieces: the same bytes as ReportLab's own, shared streams uncopied."""

import hashlib
from pathlib import Path

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from brochure.draw.xobjects import SharedJpeg, draw_jpeg
from brochure.finish import pieces

PHOTO = Path(__file__).resolve().parents[1] / "assets" / "images" / "hero-standin.jpg"


def _drawn() -> Canvas:
    canvas = Canvas("unused.pdf", invariant=1)
    canvas.drawString(20, 20, "a caption")
    draw_jpeg(canvas, str(PHOTO), 10, 40, 100, 60)
    canvas.showPage()
    return canvas


def test_pieces_join_to_reportlabs_own_bytes(monkeypatch) -> None:
    parts = pieces.pdf_pieces(_drawn())
    monkeypatch.setattr(pdfdoc, "PDFFile", pieces._PieceFile.__base__)
    monkeypatch.setattr(pdfdoc.PDFIndirectObject, "format", pieces._plain_indirect_format)
    assert b"".join(parts) == _drawn().getpdfdata()


def test_a_shared_stream_is_a_piece_of_its_own() -> None:
    canvas = _drawn()
    parts = pieces.pdf_pieces(canvas)
    photos = [o for o in canvas._doc.idToObject.values() if isinstance(o, SharedJpeg)]
    assert len(photos) == 1
    assert sum(part is photos[0].formatted.stream for part in parts) == 1  # not copied
    assert len(photos[0].formatted.stream) > PHOTO.stat().st_size  # the whole photo


def test_the_digest_counts_a_shared_stream_by_its_own_digest() -> None:
    canvas = _drawn()
    parts = pieces.pdf_pieces(canvas)
    shared = pieces.shared_digests(canvas)
    plain = pieces.pieces_digest(parts, {})
    assert pieces.pieces_digest(parts, shared) != plain
    (photo,) = [part for part in parts if id(part) in shared]
    at = parts.index(photo)
    expected = hashlib.sha256(b"".join(parts[:at]) + hashlib.sha256(photo).digest()
                              + b"".join(parts[at + 1:]))
    assert pieces.pieces_digest(parts, shared) == expected.digest()
    assert plain == hashlib.sha256(b"".join(parts)).digest()


def test_other_documents_still_get_bytes() -> None:
    pieces.install()
    assert isinstance(_drawn().getpdfdata(), bytes)
