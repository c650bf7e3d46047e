"""A PDF serialised in pieces: the same bytes as ReportLab's own, shared streams uncopied."""

import hashlib
import io
import threading
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from brochure.draw import xobjects
from brochure.draw.xobjects import SharedJpeg, draw_jpeg
from brochure.finish import pieces
from brochure.finish.pdfx import PdfxInfo, finish_pdfx

PHOTO = Path(__file__).resolve().parents[1] / "assets" / "images" / "hero-standin.jpg"


def _drawn(encrypt: str | None = None) -> Canvas:
    canvas = Canvas("unused.pdf", invariant=1, encrypt=encrypt)
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


def test_the_document_gives_bytes_again_after_its_pieces() -> None:
    canvas = _drawn()
    parts = pieces.pdf_pieces(canvas)
    assert canvas.getpdfdata() == b"".join(parts)


def test_an_encrypted_document_formats_its_own_photo() -> None:
    """Its stream is encrypted with the document's key: never shared either way."""
    def photo_bytes(data: bytes, password: str = "") -> bytes:
        with pikepdf.open(io.BytesIO(data), password=password) as pdf:
            (image,) = pdf.pages[0].Resources.XObject.values()
            return image.read_raw_bytes()

    plain = b"".join(pieces.pdf_pieces(_drawn()))
    encrypted = _drawn(encrypt="secret")
    data = b"".join(pieces.pdf_pieces(encrypted))
    assert pieces.shared_digests(encrypted) == {}
    assert photo_bytes(data, "secret") == photo_bytes(plain) == PHOTO.read_bytes()
    assert b"".join(pieces.pdf_pieces(_drawn())) == plain  # the shared copy is untouched


def test_two_threads_formatting_a_new_photo_get_the_same_file_ids(tmp_path) -> None:
    """The first format of a shared stream is kept once, so both documents find it."""
    info = PdfxInfo(title="t", subject="s", keywords=[], language="en-GB",
                    created=datetime(2025, 7, 1, tzinfo=UTC), creator="test")
    icc = PHOTO.parents[1] / "icc" / "ISOcoated_v2_300_bas.icc"
    sequential = finish_pdfx(_drawn(), info, icc)[-1]
    for _ in range(6):
        xobjects._loaded.cache_clear()  # a photo not yet formatted in this process
        assert _trailers_in_two_threads(info, icc) == [sequential, sequential]


def _trailers_in_two_threads(info: PdfxInfo, icc: Path) -> list[bytes]:
    canvases, barrier, trailers = [_drawn(), _drawn()], threading.Barrier(2), [b"", b""]

    def finish(n: int) -> None:
        barrier.wait()
        trailers[n] = finish_pdfx(canvases[n], info, icc)[-1]

    threads = [threading.Thread(target=finish, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return trailers
