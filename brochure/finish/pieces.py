"""Serialising a PDF as a list of byte pieces, so that large shared streams are never copied.

A print PDF is about 2.7 MB, nearly all of it the photo (1.9 MB) and the ICC profile
(0.8 MB), the same in every build. ReportLab formats each object into one bytes value
(copying the stream twice) and joins the whole file into one more: at about 0.8 ms per
megabyte on a fresh allocation, that is about 6 ms per build for bytes that never change.

A `SharedStream` is a stream object whose formatted bytes, and their SHA-256, are made once
and shared by every document that draws it (its dictionary holds no references, so the
bytes do not depend on the document). After `install()`, its indirect object is handed to
ReportLab's file collector as three pieces (header, the shared bytes, trailer), and
`pdf_pieces(canvas)` returns the file as its list of pieces, to be hashed and written as
they are. Everything else ReportLab writes is unchanged, byte for byte.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

_COLLECTING = "_brochure_collects_pieces"  # set on a document while it is kept in pieces
_first_format = threading.Lock()


class Formatted:
    """The formatted bytes of a shared stream, and their SHA-256 (filled on first use)."""

    def __init__(self) -> None:
        self.stream = b""
        self.digest = b""


class SharedStream:
    """Mixin for a ReportLab stream object formatted once for every document (the class it
    is mixed into does the formatting). Copies made with copy.copy share `formatted`. An
    encrypted document formats its own copy (its bytes depend on the document's key)."""

    formatted: Formatted

    def format(self, document) -> bytes:
        if not shareable(document):
            return super().format(document)
        formatted = self.formatted
        if not formatted.stream:
            stream = super().format(document)
            digest = hashlib.sha256(stream).digest()
            with _first_format:  # one bytes object for all: the digest finds it by identity
                if not formatted.stream:
                    formatted.digest, formatted.stream = digest, stream
        return formatted.stream


def shareable(document) -> bool:
    """Whether a document writes streams as they are (it does not encrypt them)."""
    return isinstance(document.encrypt, pdfdoc.NoEncryption)


class _Pieces(tuple):
    """An indirect object given as pieces (only ever to a _PieceFile)."""


class _PieceFile(pdfdoc.PDFFile):
    """ReportLab's file collector, taking an object in pieces as well as whole."""

    def add(self, s):
        if not isinstance(s, _Pieces):
            return super().add(s)
        at = self.offset
        self.strings.extend(s)
        self.offset = at + sum(len(piece) for piece in s)
        return at

    def format(self, document):
        if getattr(document, _COLLECTING, False):
            return list(self.strings)
        return super().format(document)


_plain_indirect_format = pdfdoc.PDFIndirectObject.format  # ReportLab's own


def _indirect_format(self, document):
    """ReportLab's PDFIndirectObject.format; a shared stream comes back in pieces."""
    if not isinstance(self.content, SharedStream) or not shareable(document):
        return _plain_indirect_format(self, document)
    number, version = document.idToObjectNumberAndVersion[self.name]
    document.encrypt.register(number, version)
    stream = self.content.format(document)
    end = b"endobj\n" if stream.endswith(b"\n") else b"\nendobj\n"
    return _Pieces((f"{number} {version} obj\n".encode(), stream, end))


def install() -> None:
    """Make ReportLab's file collector take pieces (idempotent; other PDFs are unchanged)."""
    pdfdoc.PDFFile = _PieceFile
    pdfdoc.PDFIndirectObject.format = _indirect_format


def pdf_pieces(canvas: Canvas) -> list[bytes]:
    """The canvas's document serialised, as the list of pieces the file is made of."""
    install()
    setattr(canvas._doc, _COLLECTING, True)
    try:
        pieces = canvas.getpdfdata()
    finally:
        delattr(canvas._doc, _COLLECTING)
    assert isinstance(pieces, list), "brochure's piece collector was replaced"
    return pieces


def pieces_digest(pieces: Iterable[bytes], shared: dict[int, bytes]) -> bytes:
    """SHA-256 of the joined pieces, where a shared stream (by id in `shared`) counts by its
    own digest rather than its bytes."""
    digest = hashlib.sha256()
    for piece in pieces:
        digest.update(shared.get(id(piece), piece))
    return digest.digest()


def shared_digests(canvas: Canvas) -> dict[int, bytes]:
    """Digest of each shared stream in the canvas's document, by the id of its bytes."""
    doc = canvas._doc
    if not shareable(doc):
        return {}
    return {id(obj.formatted.stream): obj.formatted.digest
            for obj in doc.idToObject.values() if isinstance(obj, SharedStream)}
